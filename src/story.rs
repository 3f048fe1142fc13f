//! The built-in story: the US–Iran talks in Baghdad, May 28, 2007, from VOA's report by Barry Newhouse.
//!
//! The file is `www/data/baghdad-talks-2007.json`; it ships in `dist/data/`, and a widget given no story loads
//! it from next to `newsline.js` (it is not compiled into the WebAssembly, which stays smaller). The text is
//! included here for the tests, which hold it to the report: every quote word for word, every excerpt found
//! in it.

use crate::parse::read_story;
use crate::validate::Checked;

/// The story's JSON text, exactly as in `www/data/`.
pub const DEFAULT_STORY_JSON: &str = include_str!("../www/data/baghdad-talks-2007.json");

/// The built-in story, checked.
pub fn default_story() -> Checked {
    read_story(DEFAULT_STORY_JSON).expect("the built-in story is valid: its tests check it")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Precision;
    use crate::model::StatementKind;

    const REPORT: &str = include_str!("../tests/fixtures/voa-baghdad-talks.txt");

    /// Text compared as a reader would: single spaces, and a quote's closing punctuation, which the report
    /// turns into a comma before "he said", ignored.
    fn normal(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ',']).to_owned()
    }

    #[test]
    fn the_story_is_valid_with_no_warnings() {
        let checked = default_story();
        assert_eq!(checked.warnings, []);
    }

    #[test]
    fn events_are_in_the_reported_order() {
        let ids: Vec<_> = default_story().timeline.events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(
            ids,
            [
                "ties-broken-1979",
                "tehran-pullout-call",
                "talks-open",
                "talks-held",
                "trilateral-proposal",
                "baghdad-bombing",
                "news-conference",
                "next-meeting-proposed"
            ]
        );
    }

    #[test]
    fn every_quote_is_verbatim_from_the_report() {
        let report = normal(REPORT);
        let timeline = default_story().timeline;
        let quotes: Vec<_> =
            timeline.events.iter().flat_map(|e| &e.statements).filter(|s| s.kind == StatementKind::Quote).collect();
        assert!(quotes.len() >= 5, "the report has at least five direct quotes");
        for q in quotes {
            assert!(report.contains(&normal(&q.text)), "not in the report: {:?}", q.text);
        }
    }

    #[test]
    fn every_event_cites_the_report_with_a_verbatim_excerpt() {
        let report = normal(REPORT);
        let timeline = default_story().timeline;
        for e in &timeline.events {
            assert_eq!(e.source.as_deref(), Some("voa-2007-05-28"), "{} cites no source", e.id);
            let excerpt = e.excerpt.as_deref().unwrap_or_default();
            assert!(!excerpt.is_empty() && report.contains(&normal(excerpt)), "{}: excerpt not in the report", e.id);
        }
        let source = timeline.source("voa-2007-05-28").unwrap();
        assert_eq!(source.author.as_deref(), Some("Barry Newhouse"));
        assert_eq!(source.dateline.as_deref(), Some("Irbil"));
    }

    #[test]
    fn no_clock_time_is_invented() {
        let timeline = default_story().timeline;
        assert_eq!(timeline.events[0].date.precision, Precision::Year);
        assert_eq!(timeline.events[0].date.label(), "1979");
        for e in &timeline.events[1..] {
            assert_eq!(e.date.precision, Precision::Day, "{}", e.id);
            assert_eq!(e.date.long_label(), "Monday, May 28, 2007");
            assert!(e.sequence.is_some(), "{}: same-day order must come from sequence", e.id);
        }
    }

    #[test]
    fn there_is_a_statement_card_for_each_statement_in_the_report() {
        let timeline = default_story().timeline;
        assert!(timeline.statement_count() >= 10);
        let speakers: std::collections::BTreeSet<_> =
            timeline.events.iter().flat_map(|e| &e.statements).map(|s| s.speaker.as_str()).collect();
        for who in [
            "Nouri al-Maliki",
            "Ryan Crocker",
            "Iran's foreign minister",
            "Iranian delegation",
            "U.S. officials",
            "Iraqi government",
        ] {
            assert!(speakers.contains(who), "no statement by {who}");
        }
    }
}
