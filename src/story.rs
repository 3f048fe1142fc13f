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
    use crate::model::{Note, StatementKind, Timeline};

    const REPORT: &str = include_str!("../tests/fixtures/voa-baghdad-talks.txt");
    const POSITIONS_JSON: &str = include_str!("../www/data/baghdad-talks-positions.json");

    /// The text of each source the stories cite, kept for fact-checking: every claim must be found in one.
    const SOURCE_TEXTS: &[(&str, &str)] =
        &[("voa-2007-05-28", REPORT), ("state-dept-iran", include_str!("../tests/fixtures/state-dept-iran.txt"))];

    /// Words that claim more than the report says (it calls the meeting "rare", never "first" or "historic"),
    /// or that take a side it does not take.
    const UNSUPPORTED: &[&str] = &[
        "first",
        "historic",
        "landmark",
        "breakthrough",
        "unprecedented",
        "tense",
        "cordial",
        "successful",
        "failed",
        "deadlock",
        "thaw",
        "regime",
        "terrorist",
        "terrorists",
        "hardline",
        "slammed",
    ];

    const NUMBER_WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
    ];

    fn positions() -> Timeline {
        read_story(POSITIONS_JSON).expect("the positions file is valid").timeline
    }

    /// Text compared as a reader would: single spaces, and a quote's closing punctuation, which the report
    /// turns into a comma before "he said", ignored.
    fn normal(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ',']).to_owned()
    }

    /// A word without the punctuation around it or a possessive ("Monday's" is "Monday").
    fn bare(word: &str) -> &str {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        let word = word.trim_end_matches(['.', ',']);
        let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        // "U.S." keeps its points; a word at the end of a sentence loses its full stop.
        if word.matches('.').count() >= 1 && word.len() > 2 && word.as_bytes()[1] == b'.' {
            return word;
        }
        word.trim_end_matches('.')
    }

    /// The words of `text`, each with whether it opens a sentence (where a capital says nothing).
    fn words(text: &str) -> Vec<(bool, String)> {
        let mut out = Vec::new();
        let mut opens = true;
        for raw in text.split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '(' || c == ')') {
            if raw.is_empty() {
                continue;
            }
            let word = bare(raw).to_owned();
            let abbreviation = word.len() > 2 && word.as_bytes()[1] == b'.';
            if !word.is_empty() {
                out.push((opens, word));
            }
            opens = (raw.ends_with(['.', '?', '!', ':', ';']) && !abbreviation) || raw.ends_with(['“', '"']);
        }
        out
    }

    /// Why `text` says more than `corpus` (the texts of the sources it rests on) supports: each number,
    /// proper name and quoted phrase not found there, and each word of [`UNSUPPORTED`].
    fn unsupported(text: &str, corpus: &str) -> Vec<String> {
        let known: std::collections::HashSet<String> = words(corpus).into_iter().map(|(_, w)| w).collect();
        let flat = normal(corpus);
        let mut out = Vec::new();
        for (opens, word) in words(text) {
            let lower = word.to_ascii_lowercase();
            if UNSUPPORTED.contains(&lower.as_str()) {
                out.push(format!("the word {word:?}"));
            }
            let number = word.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&lower.as_str());
            let name = !opens && word.chars().next().is_some_and(char::is_uppercase);
            if (number || name) && !known.contains(&word) && !known.contains(&lower) {
                out.push(format!("{word:?}"));
            }
        }
        for quoted in quoted_phrases(text) {
            if !flat.contains(&normal(&quoted)) {
                out.push(format!("the quoted \"{quoted}\""));
            }
        }
        out
    }

    /// The phrases of `text` in quotation marks, straight or curly.
    fn quoted_phrases(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('"' | '“', None) => open = Some(i + c.len_utf8()),
                ('"' | '”', Some(start)) => {
                    out.push(text[start..i].to_owned());
                    open = None;
                }
                _ => {}
            }
        }
        out
    }

    /// The text of the sources `ids`, with the citation lines of every source of the story (names, dates).
    fn corpus(timeline: &Timeline, ids: &[&str]) -> String {
        let mut out: Vec<String> = timeline.sources.iter().map(|s| s.citation()).collect();
        for id in ids {
            let text = SOURCE_TEXTS.iter().find(|(known, _)| known == id).map(|(_, text)| *text);
            out.push(
                text.unwrap_or_else(|| panic!("no text kept for the source {id}: add it to tests/fixtures")).to_owned(),
            );
        }
        out.join("\n")
    }

    /// Every text the reader sees that the desk wrote (not a quote, which is held to the report word for
    /// word elsewhere), each with where it is and the sources it rests on.
    fn written_texts(timeline: &Timeline) -> Vec<(String, String, Vec<&str>)> {
        fn note_sources(note: &Note) -> Vec<&str> {
            note.sources.iter().map(String::as_str).collect()
        }
        let mut out = vec![("title".to_owned(), timeline.title.clone(), vec![])];
        out.extend(timeline.summary.iter().map(|s| ("summary".to_owned(), s.clone(), vec![])));
        if let Some(note) = &timeline.note {
            out.push(("note".to_owned(), note.text.clone(), note_sources(note)));
        }
        for e in &timeline.events {
            let cites: Vec<&str> = e.source.iter().map(String::as_str).collect();
            out.push((format!("{}.headline", e.id), e.headline.clone(), cites.clone()));
            out.push((format!("{}.body", e.id), e.body.plain(), cites.clone()));
            out.extend(e.place.iter().map(|p| (format!("{}.place", e.id), p.clone(), cites.clone())));
            if let Some(note) = &e.note {
                out.push((format!("{}.note", e.id), note.text.clone(), note_sources(note)));
            }
            for s in &e.statements {
                let at = |field: &str| format!("{}.{}.{field}", e.id, s.id);
                out.push((at("speaker"), s.speaker.clone(), cites.clone()));
                out.extend(s.role.iter().map(|r| (at("role"), r.clone(), cites.clone())));
                out.extend(s.summary.iter().map(|t| (at("summary"), t.clone(), cites.clone())));
                out.extend(s.context.iter().map(|t| (at("context"), t.clone(), cites.clone())));
                if s.kind == StatementKind::Paraphrase {
                    out.push((at("text"), s.text.clone(), cites.clone()));
                }
            }
        }
        out
    }

    /// Every claim the desk wrote in `timeline` that its sources do not support.
    fn claims_beyond_the_sources(timeline: &Timeline) -> Vec<String> {
        let mut found = Vec::new();
        for (at, text, cites) in written_texts(timeline) {
            // The story's own lines (title, summary) rest on the report, which every event cites.
            let cites = if cites.is_empty() { vec!["voa-2007-05-28"] } else { cites };
            for problem in unsupported(&text, &corpus(timeline, &cites)) {
                found.push(format!("{at}: {problem} is not in its sources"));
            }
        }
        found
    }

    #[test]
    fn the_stories_are_valid_with_no_warnings() {
        assert_eq!(default_story().warnings, []);
        assert_eq!(read_story(POSITIONS_JSON).expect("valid").warnings, []);
    }

    #[test]
    fn events_are_in_the_reported_order() {
        let timeline = default_story().timeline;
        let ids: Vec<_> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ties-broken-1979",
                "tehran-pullout-call",
                "talks-open",
                "baghdad-bombing",
                "talks-held",
                "news-conference",
                "trilateral-proposal",
                "another-meeting-proposed"
            ]
        );
        // Where the report gives the order of two events of the day, the story keeps it; the passage that
        // gives it must be in the report.
        let given = [
            ("talks-open", "baghdad-bombing", "opened the talks", "as the talks concluded, a bomb"),
            (
                "baghdad-bombing",
                "talks-held",
                "as the talks concluded",
                "After nearly four hours of talks, U.S. Ambassador Ryan Crocker said",
            ),
            ("talks-open", "news-conference", "opened the talks", "the news conference following the talks"),
            // Crocker's remarks after the talks: the story's note says they follow the report's passages.
            (
                "news-conference",
                "trilateral-proposal",
                "No Iranian representatives spoke at the news conference",
                "The ambassador also said Iran had proposed",
            ),
            (
                "trilateral-proposal",
                "another-meeting-proposed",
                "The ambassador also said Iran had proposed",
                "The ambassador said the Iraqi government proposed another",
            ),
        ];
        let at = |id: &str| ids.iter().position(|e| *e == id).unwrap_or_else(|| panic!("no event {id}"));
        for (before, after, first, then) in given {
            assert!(REPORT.contains(first) && REPORT.contains(then), "the report does not say {first:?} … {then:?}");
            assert!(at(before) < at(after), "{before} must come before {after}");
        }
        // The report says only "In Tehran on Monday": the reader is told that its place in the day is not known.
        let tehran = &timeline.events[at("tehran-pullout-call")];
        assert!(REPORT.contains("In Tehran on Monday, Iran's foreign minister said"));
        assert_eq!(tehran.order_unknown_label(), Some(crate::model::Event::ORDER_UNKNOWN));
        let known: Vec<_> = timeline.events.iter().filter(|e| e.sequence_known).map(|e| e.id.as_str()).collect();
        assert_eq!(known.len(), ids.len() - 1, "only the Tehran statement has no known place: {known:?}");
        let positions = positions();
        let tehran = positions.events.iter().find(|e| e.id == "iran-position").expect("Iran's position");
        assert!(tehran.order_unknown_label().is_some(), "the positions file shows Tehran with no known place too");
    }

    #[test]
    fn every_quote_is_verbatim_from_the_report() {
        let report = normal(REPORT);
        for timeline in [default_story().timeline, positions()] {
            let quotes: Vec<_> =
                timeline.events.iter().flat_map(|e| &e.statements).filter(|s| s.kind == StatementKind::Quote).collect();
            assert!(quotes.len() >= 3, "{}: the report has at least five direct quotes", timeline.title);
            for q in quotes {
                assert!(report.contains(&normal(&q.text)), "not in the report: {:?}", q.text);
            }
        }
    }

    #[test]
    fn every_event_cites_the_report_with_a_verbatim_excerpt() {
        let report = normal(REPORT);
        for timeline in [default_story().timeline, positions()] {
            for e in &timeline.events {
                assert_eq!(e.source.as_deref(), Some("voa-2007-05-28"), "{} cites no source", e.id);
                let excerpt = e.excerpt.as_deref().unwrap_or_default();
                assert!(
                    !excerpt.is_empty() && report.contains(&normal(excerpt)),
                    "{}: excerpt not in the report",
                    e.id
                );
            }
            let source = timeline.source("voa-2007-05-28").unwrap();
            assert_eq!(source.author.as_deref(), Some("Barry Newhouse"));
            assert_eq!(source.dateline.as_deref(), Some("Irbil"));
        }
    }

    #[test]
    fn every_number_name_and_quoted_phrase_the_desk_wrote_is_in_its_sources() {
        assert_eq!(claims_beyond_the_sources(&default_story().timeline), Vec::<String>::new());
        assert_eq!(claims_beyond_the_sources(&positions()), Vec::<String>::new());
    }

    #[test]
    fn the_fact_check_finds_what_the_desk_found() {
        // The published summary's error, and claims of the kinds the check is for.
        let mut timeline = default_story().timeline;
        timeline.summary = Some(
            "Their first high-ranking meeting since 1979. Crocker called it \"constructive\"; Ali Larijani said 300 were hurt."
                .to_owned(),
        );
        assert_eq!(
            claims_beyond_the_sources(&timeline),
            [
                "summary: the word \"first\" is not in its sources",
                "summary: \"Larijani\" is not in its sources",
                "summary: \"300\" is not in its sources",
                "summary: the quoted \"constructive\" is not in its sources",
            ]
        );
        // The formal break's date is in the note's own source, not in the report.
        let mut timeline = default_story().timeline;
        if let Some(note) = timeline.events[0].note.as_mut() {
            note.sources.clear();
        }
        let found = claims_beyond_the_sources(&timeline);
        assert!(found.contains(&"ties-broken-1979.note: \"1980\" is not in its sources".to_owned()), "{found:?}");
    }

    #[test]
    fn the_reports_shorthand_for_1979_carries_the_record_in_a_note() {
        let timeline = default_story().timeline;
        let first = &timeline.events[0];
        assert_eq!(first.date.label(), "1979");
        let note = first.note.as_ref().expect("an editor's note on the 1979 date");
        assert!(note.text.contains("April 7, 1980") && note.text.contains("November 4, 1979"), "{}", note.text);
        let cited: Vec<String> =
            note.sources.iter().filter_map(|id| timeline.source(id)).map(|s| s.citation()).collect();
        assert!(cited.iter().any(|c| c.contains("Office of the Historian")), "{cited:?}");
        assert!(!first.headline.contains("1979") && !first.body.plain().contains("in 1979,"));
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
    fn statements_are_given_to_those_the_report_quotes() {
        // The report quotes or paraphrases three people; what it says Iran or Iraq proposed, it has from
        // Crocker, so those are his statements.
        let speakers = ["Nouri al-Maliki", "Ryan Crocker", "Iran's foreign minister"];
        for timeline in [default_story().timeline, positions()] {
            let mut seen = std::collections::BTreeSet::new();
            for s in timeline.events.iter().flat_map(|e| &e.statements) {
                assert!(speakers.contains(&s.speaker.as_str()), "{}: the report does not quote {:?}", s.id, s.speaker);
                seen.insert(s.speaker.as_str());
            }
            assert_eq!(seen.len(), speakers.len(), "{}: every side is heard", timeline.title);
        }
        assert!(default_story().timeline.statement_count() >= 10);
    }
}
