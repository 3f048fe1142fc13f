//! The story as the widget uses it: a [`Timeline`] of [`Event`]s, each with its [`Statement`]s.
//!
//! Values of these types only come out of [`crate::validate`], so they always hold checked data:
//! - ids are unique and safe in a URL fragment (`A-Z a-z 0-9 - _`);
//! - events are in chronological order (date, then `sequence`, then file order);
//! - every text that must be there is non-empty, and every reference points at something that exists.

use crate::date::{DateSpec, Precision};
use crate::dates::Dates;
pub use crate::media::MediaKind;
use crate::text::Rich;

/// A whole story.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: String,
    /// The language the story is written in, as a BCP 47 tag (`fa`, `ar-IQ`); not given: not said.
    pub lang: Option<String>,
    pub summary: Option<String>,
    /// The title slide's media (TimelineJS's `title.media`), shown with the title.
    pub media: Option<Media>,
    /// The desk's note on the whole story, shown under the summary.
    pub note: Option<Note>,
    /// Where the story comes from; events cite these by id.
    pub sources: Vec<Source>,
    /// In chronological order.
    pub events: Vec<Event>,
    /// Labelled spans drawn as bands on the axis, in chronological order.
    pub eras: Vec<Era>,
}

/// A labelled span of time ("The hostage crisis"), drawn as a band behind the markers.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub label: String,
    pub start: DateSpec,
    /// Never before `start`.
    pub end: DateSpec,
}

/// What an event's card (or the story's header) shows beside its text: an image, a video or audio file, a
/// service's player or post behind a facade, a link card, or the text of pasted embed code as a quote
/// ([`MediaKind`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Media {
    /// As given, or read from the address ([`crate::media::recognise`]).
    pub kind: MediaKind,
    /// An http, https or relative URL (anything else is dropped by validation); a protocol-relative one made
    /// https. Empty only for a [`MediaKind::Quote`] that names no link.
    pub url: String,
    /// For an image, what it shows, for readers who cannot see it (required). For a video, audio file or
    /// player, the name screen readers give it (given, else the caption, else the headline, with a
    /// warning). Empty for a link or a quote that was given none.
    pub alt: String,
    pub caption: Option<String>,
    /// Who made it ("Photo: AP / Jane Doe").
    pub credit: Option<String>,
    /// A [`MediaKind::Quote`]'s text: the words of the pasted embed code, as plain text.
    pub quote: Option<String>,
}

/// A report, document or broadcast the events are drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// Where it was filed from ("Irbil").
    pub dateline: Option<String>,
    pub date: Option<DateSpec>,
    pub url: Option<String>,
    /// The language of its own fields (title, publisher, author, dateline) where it is not the story's: an
    /// English report cited in a translated story (`"en"`). A BCP 47 tag.
    pub lang: Option<String>,
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: DateSpec,
    /// For an event that lasts: when it ended, never before `date`.
    pub end_date: Option<DateSpec>,
    /// Orders events of the same date whose clock time nobody reported (lower first).
    pub sequence: Option<u32>,
    /// `false` when nobody reported where the event falls among the other events of its day: it is placed
    /// by `sequence` all the same, and the reader is told that its place is not known
    /// ([`Event::order_unknown_label`]).
    pub sequence_known: bool,
    pub headline: String,
    /// Overrides the date label ("Spring 1979", "Late May").
    pub display_date: Option<String>,
    /// Formatted text: paragraphs, emphasis, links (see [`crate::text`]).
    pub body: Rich,
    pub media: Option<Media>,
    /// The event's own colour as `#rrggbb` (TimelineJS's `background.color`), kept only with the contrast an
    /// accent needs against the card in both themes ([`crate::accent`]).
    pub accent: Option<String>,
    pub place: Option<String>,
    pub group: Option<String>,
    /// The id of the [`Source`] this event is drawn from.
    pub source: Option<String>,
    /// The passage of the source that supports this event, word for word, for fact-checking.
    pub excerpt: Option<String>,
    /// The desk's note on the event, shown apart from its text ("Editor's note: …").
    pub note: Option<Note>,
    pub statements: Vec<Statement>,
}

/// An editor's note: what the desk tells the reader in its own voice, apart from what the sources say
/// (where a report and the record differ, what is not known), and the sources it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    /// Ids of the story's [`Source`]s the note rests on, in the order given; each exists.
    pub sources: Vec<String>,
}

/// Whether a statement gives the speaker's own words or reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementKind {
    /// The speaker's words, verbatim.
    Quote,
    /// Reported speech: what the speaker said, in the reporter's words.
    Paraphrase,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Quote => "quote",
            StatementKind::Paraphrase => "paraphrase",
        }
    }
}

/// Who said what, in what role and context.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub id: String,
    pub speaker: String,
    pub role: Option<String>,
    pub kind: StatementKind,
    pub text: String,
    /// A one-line summary for the collapsed card; without it the text itself is cut to one line.
    pub summary: Option<String>,
    /// When, where, or to whom it was said, and how the report conveys it.
    pub context: Option<String>,
    /// The words are a translation (the story's), not the speaker's own: a quote says so.
    pub translated: bool,
}

impl Timeline {
    /// The groups events belong to, in order of first appearance; empty when no event has one. Linear in
    /// the events, however many groups (a set of those seen, not a search of the list).
    pub fn groups(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.events.iter().filter_map(|e| e.group.as_deref()).filter(|g| seen.insert(*g)).collect()
    }

    /// The index of the event with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// How many statements the whole story holds.
    pub fn statement_count(&self) -> usize {
        self.events.iter().map(|e| e.statements.len()).sum()
    }
}

impl Event {
    /// What the reader is told beside the date of an event whose place in its day is not known.
    pub const ORDER_UNKNOWN: &'static str = "Its place among the day's events is not known";

    /// [`Event::ORDER_UNKNOWN`] for an event that says its order in the day is not known, else `None`.
    pub fn order_unknown_label(&self) -> Option<&'static str> {
        (!self.sequence_known).then_some(Event::ORDER_UNKNOWN)
    }

    /// The date as the reader sees it: `display_date` when given, else the date (and end date) at their
    /// own precision, in English ([`Event::date_label_in`] writes it for a reader).
    pub fn date_label(&self, long: bool) -> String {
        self.date_label_in(long, &Dates::default())
    }

    /// [`Event::date_label`] with the dates written as `writer` writes them (`display_date` stays as written).
    pub fn date_label_in(&self, long: bool, writer: &Dates) -> String {
        if let Some(label) = &self.display_date {
            return label.clone();
        }
        let one = |d: &DateSpec| if long { writer.long_label(d) } else { writer.label(d) };
        match &self.end_date {
            Some(end) if end != &self.date => writer.range(&one(&self.date), &one(end)),
            _ => one(&self.date),
        }
    }

    /// The dates the event's flag may show, longest first, and its time of day: a single date as
    /// [`Event::marker_label`]; a `display_date` as written; a range from its own precision down to years
    /// ("Feb. 14, 1985 – March 1986", "Feb. 1985 – March 1986", "1985 – 1986"), each a true statement of it. The
    /// layout takes the first that fits the flag ([`crate::layout::flag_date`]).
    pub fn marker_labels(&self) -> (Vec<String>, Option<String>) {
        self.marker_labels_in(&Dates::default())
    }

    /// [`Event::marker_labels`] with the dates written as `writer` writes them.
    pub fn marker_labels_in(&self, writer: &Dates) -> (Vec<String>, Option<String>) {
        let (single, time) = self.marker_label_in(writer);
        let Some(end) = self.end_date.filter(|end| self.display_date.is_none() && *end != self.date) else {
            return (vec![single], time);
        };
        let mut out = vec![single];
        for precision in [Precision::Minute, Precision::Day, Precision::Month, Precision::Year] {
            let short = |d: &DateSpec| writer.short_label(d, precision);
            let (a, b) = (short(&self.date), short(&end));
            let label = if a == b { a } else { writer.range(&a, &b) };
            if !out.contains(&label) {
                out.push(label);
            }
        }
        (out, None)
    }

    /// The date on the event's marker, a narrow flag: as [`Event::date_label`], but a single date has its month
    /// shortened as on the axis and a time of day apart ("Sept. 28, 2007", "2:05 PM"), so nothing is cut off.
    pub fn marker_label(&self) -> (String, Option<String>) {
        self.marker_label_in(&Dates::default())
    }

    /// [`Event::marker_label`] with the dates written as `writer` writes them.
    pub fn marker_label_in(&self, writer: &Dates) -> (String, Option<String>) {
        let single = self.display_date.is_none() && self.end_date.is_none_or(|end| end == self.date);
        if single {
            writer.day_and_time(&self.date)
        } else {
            (self.date_label_in(false, writer), None)
        }
    }
}

impl Note {
    /// "Source: …" or "Sources: …; …": the citations of the story's sources the note rests on, or `None` when it
    /// cites none. The card and the TimelineJS export both say it so.
    pub fn sources_line(&self, timeline: &Timeline) -> Option<String> {
        let cited: Vec<String> =
            self.sources.iter().filter_map(|id| timeline.source(id)).map(|s| s.citation()).collect();
        let label = if cited.len() == 1 { "Source: " } else { "Sources: " };
        (!cited.is_empty()).then(|| format!("{label}{}", cited.join("; ")))
    }
}

impl Source {
    /// A citation line: "VOA: “US, Iran Affirm…”, by Barry Newhouse, Irbil, May 28, 2007".
    pub fn citation(&self) -> String {
        self.citation_parts(["“", "”", ", ", "by"], &Dates::default()).into_iter().map(|(text, _)| text).collect()
    }

    /// [`Source::citation`] in the reader's words, in pieces: `[opening quote, closing quote, comma, by]` (the
    /// views take them from [`crate::words`]), its date written as `writer` writes it. Each piece says whether
    /// it is one of the source's own fields (publisher, title, author, dateline), which the views isolate from
    /// the reader's words around them and mark with their language ([`Source::lang`]).
    pub fn citation_parts(&self, [open, close, comma, by]: [&str; 4], writer: &Dates) -> Vec<(String, bool)> {
        let mut parts = Vec::new();
        let words = |parts: &mut Vec<(String, bool)>, text: String| match parts.last_mut() {
            Some((last, false)) => last.push_str(&text),
            _ => parts.push((text, false)),
        };
        if let Some(publisher) = &self.publisher {
            parts.push((publisher.clone(), true));
            words(&mut parts, ": ".to_owned());
        }
        words(&mut parts, open.to_owned());
        parts.push((self.title.clone(), true));
        words(&mut parts, close.to_owned());
        if let Some(author) = &self.author {
            words(&mut parts, [comma, by, " "].concat());
            parts.push((author.clone(), true));
        }
        if let Some(dateline) = &self.dateline {
            words(&mut parts, comma.to_owned());
            parts.push((dateline.clone(), true));
        }
        if let Some(date) = &self.date {
            words(&mut parts, [comma, &writer.label(date)].concat());
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::read_story;

    /// The CLI and the TimelineJS export write the citation plain; the views get it in pieces, the source's
    /// own fields apart from the reader's words and marks around them.
    #[test]
    fn a_citation_sets_the_sources_own_fields_apart_for_the_views() {
        let text = r#"{"title": "T", "sources": [{"id": "voa", "title": "US, Iran Affirm", "publisher": "VOA",
            "author": "Barry Newhouse", "dateline": "Irbil", "date": "2007-05-28"}],
            "events": [{"id": "a", "date": "2007", "headline": "A", "source": "voa"}]}"#;
        let source = &read_story(text).expect("valid").timeline.sources[0];
        assert_eq!(source.citation(), "VOA: “US, Iran Affirm”, by Barry Newhouse, Irbil, May 28, 2007");
        let persian = ["«", "»", "، ", "نوشتهٔ"];
        let parts = source.citation_parts(persian, &crate::dates::Dates::default());
        let field = |t: &str| (t.to_owned(), true);
        let words = |t: &str| (t.to_owned(), false);
        assert_eq!(
            parts,
            [
                field("VOA"),
                words(": «"),
                field("US, Iran Affirm"),
                words("»، نوشتهٔ "),
                field("Barry Newhouse"),
                words("، "),
                field("Irbil"),
                words("، May 28, 2007"),
            ]
        );
    }

    #[test]
    fn markers_put_the_time_of_day_on_a_line_of_its_own() {
        let text = r#"{"title": "T", "events": [
            {"id": "a", "date": "2007-05-28T14:05", "headline": "At a minute"},
            {"id": "b", "date": "2007-05-28T09", "headline": "At an hour"},
            {"id": "c", "date": "2007-05-28", "headline": "On a day"},
            {"id": "d", "date": "2007-05-29T10:00", "display_date": "Tuesday morning", "headline": "Shown as given"},
            {"id": "e", "date": "2007-05-30T10:00", "end_date": "2007-05-30T12:00", "headline": "A span"},
            {"id": "f", "date": "2007-09-30", "headline": "A long month, shortened"}
        ]}"#;
        let timeline = read_story(text).expect("valid").timeline;
        let labels: Vec<_> = timeline.events.iter().map(|e| e.marker_label()).collect();
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            labels,
            [
                ("May 28, 2007".to_owned(), None),
                ("May 28, 2007".to_owned(), some("9 AM")),
                ("May 28, 2007".to_owned(), some("2:05 PM")),
                ("Tuesday morning".to_owned(), None),
                ("May 30, 2007, 10:00 AM – May 30, 2007, 12:00 PM".to_owned(), None),
                ("Sept. 30, 2007".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_range_offers_shorter_labels_each_true_of_it() {
        let text = r#"{"title": "T", "events": [
            {"id": "a", "date": "1985-02-14", "end_date": "1986-03", "headline": "Across a year"},
            {"id": "b", "date": "2024-08-19", "end_date": "2024-09-12T19", "headline": "Within a year"},
            {"id": "c", "date": "2024-03", "end_date": "2024-07", "display_date": "March to July 2024", "headline": "Words"},
            {"id": "d", "date": "2007-05-28T14:05", "headline": "One date"}
        ]}"#;
        let timeline = read_story(text).expect("valid").timeline;
        let of = |id: &str| timeline.events[timeline.position(id).unwrap()].marker_labels();
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            of("a"),
            (
                strings(&[
                    "February 14, 1985 – March 1986",
                    "Feb. 14, 1985 – March 1986",
                    "Feb. 1985 – March 1986",
                    "1985 – 1986"
                ]),
                None
            )
        );
        assert_eq!(
            of("b").0,
            strings(&[
                "August 19, 2024 – September 12, 2024, 7 PM",
                "Aug. 19, 2024 – Sept. 12, 2024, 7 PM",
                "Aug. 19, 2024 – Sept. 12, 2024",
                "Aug. 2024 – Sept. 2024",
                "2024",
            ])
        );
        assert_eq!(of("c"), (strings(&["March to July 2024"]), None), "the editor's words are not shortened");
        assert_eq!(of("d"), (strings(&["May 28, 2007"]), Some("2:05 PM".to_owned())));
    }
}
