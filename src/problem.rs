//! Problems with a story: what is wrong, where, and how bad, with a message that says what to do. Every
//! reader of story data reports in these terms (the JSON reader, the validator, the TimelineJS and CSV
//! importers), and every place that shows problems takes them from here (the widget's error panel, the CLI).
//! A check lists at most [`MAX_PROBLEMS`] of them; [`Problems`] collects them so.

use std::fmt;

use crate::date::DateError;
use crate::json::Path;
use crate::limits::grouped;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The story cannot be shown until it is fixed.
    Error,
    /// The story shows, but something is probably not what the editor meant.
    Warning,
}

/// What is wrong. The `Display` text says what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON (or CSV) at all: the parser's own message, and the line and column (from 1)
    /// where it stopped, when known.
    Syntax { message: String, at: Option<(usize, usize)> },
    /// A value of the wrong type: `found` where `expected` belongs.
    WrongType { expected: &'static str, found: &'static str },
    /// A required field is absent.
    Missing { field: &'static str, example: &'static str },
    /// A required text is empty or only spaces.
    Empty,
    /// A date that does not exist or cannot be read.
    Date(DateError),
    /// An id used twice; `first` is where it was first used.
    DuplicateId { id: String, first: Path },
    /// An id with characters that cannot go in a link (`#id`).
    BadId(String),
    /// A reference to an id that nothing has: `known` names the first few ids there are (at most
    /// [`KNOWN_SHOWN`]), and `more` how many others there are.
    UnknownId { id: String, what: &'static str, known: Vec<String>, more: usize },
    /// An end date before its start date.
    EndBeforeStart { start: String, end: String },
    /// A statement kind other than `quote` or `paraphrase`.
    BadStatementKind(String),
    /// `sequence` that is not a whole number from 0 up.
    BadSequence(String),
    /// No events at all.
    NoEvents,
    /// A field the format does not have (probably a typo).
    UnknownField { field: String, suggestion: Option<&'static str> },
    /// Two events with the same date and sequence: their order is a guess. `sequence`: the number both
    /// give, or `None` when neither gives one (the message then does not speak of a sequence they share).
    AmbiguousOrder { other: Path, sequence: Option<u32> },
    /// A link or image URL that is not http, https, mailto or relative; it was dropped.
    UnsafeUrl(String),
    /// An image without alt text.
    NoAlt,
    /// A bidirectional control (U+202E, the right-to-left override …) that opens an embedding, an override or
    /// an isolate and is not closed in its text.
    OpenDirection(char),
    /// A statement without an id, whose made-up id (`wanted`, its event's id and its number) is an id the
    /// file gives something else: it was given `given` instead.
    MadeUpId { wanted: String, given: String },
    /// Something the source format has that Newsline does not show (an import warning).
    NotShown(String),
    /// Over one of the [`Limits`]: `what` ("bytes", "events", "characters", "levels of nesting").
    TooLarge { what: &'static str, size: usize, max: usize },
    /// A list longer than the widget shows, a fixed bound of its own (not one of the [`Limits`]): `count` of
    /// `what` ("eras", "statements in one event" ...), `max` at most; `fix` says what to do.
    TooMany { what: &'static str, count: usize, max: usize, fix: &'static str },
    /// More groups than get lanes ([`crate::layout::MAX_LANES`]): `count` groups in all, this one the first
    /// without a lane of its own.
    TooManyGroups { count: usize },
    /// A video, audio file or player with neither `alt` nor a caption to name it for screen readers: `what` it
    /// is ("video", "video player" …), `used` the text that names it instead (the event's headline).
    MediaUnnamed { what: &'static str, used: String },
    /// A media `kind` the format does not have.
    BadMediaKind(String),
    /// `"kind": "embed"` for an address Newsline can make no player for: it is shown as a link.
    NoPlayer,
    /// Pasted embed code with neither text nor a link to show.
    EmptyEmbed,
    /// An `accent` that is not a colour (`contrast` `None`), or whose worst contrast against the card, in
    /// tenths, is below [`crate::accent::MIN_CONTRAST`].
    Accent { color: String, contrast: Option<u32> },
    /// A `lang` that is not a language tag (BCP 47, [`crate::words::well_formed`]): ignored, and the
    /// language around it used instead (`instead`: "the page's language" for a story).
    BadLang { tag: String, instead: &'static str },
    /// Stands for the problems past the first [`MAX_PROBLEMS`], which are not listed: how many errors and
    /// warnings. It comes last, at the root, and counts in [`error_count`] and [`warning_count`].
    More { errors: usize, warnings: usize },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ProblemKind::Syntax { message, at: Some((line, column)) } => write!(
                f,
                "this is not valid JSON at line {line}, column {column}: {message}"
            ),
            ProblemKind::Syntax { message, at: None } => write!(f, "this is not valid JSON: {message}"),
            ProblemKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ProblemKind::Missing { field, example } => {
                write!(f, "\"{field}\" is missing: add it, e.g. {example}")
            }
            ProblemKind::Empty => f.write_str("is empty: write the text, or remove the field if it is optional"),
            ProblemKind::Date(e) => e.fmt(f),
            ProblemKind::DuplicateId { id, first } => {
                write!(f, "the id \"{id}\" is already used at {first}: give each one its own id")
            }
            ProblemKind::BadId(id) => write!(
                f,
                "\"{id}\" cannot be an id: use only letters, digits, - and _ (it becomes part of a link), e.g. \"talks-open\""
            ),
            ProblemKind::UnknownId { id, what, known, more } => {
                write!(f, "no {what} has the id \"{id}\"")?;
                match (known.is_empty(), more) {
                    (true, _) => write!(f, ": the file defines no {what}s"),
                    (false, 0) => write!(f, ": known ids are {}", known.join(", ")),
                    (false, more) => write!(f, ": known ids include {} (and {} more)", known.join(", "), grouped(*more)),
                }
            }
            ProblemKind::EndBeforeStart { start, end } => {
                write!(f, "the end ({end}) is before the start ({start}): swap them or fix one")
            }
            ProblemKind::BadStatementKind(kind) => write!(
                f,
                "\"{kind}\" is not a kind of statement: use \"quote\" for the speaker's exact words or \"paraphrase\" for reported speech"
            ),
            ProblemKind::BadSequence(value) => {
                write!(f, "{value} is not a sequence number: use a whole number from 0 up, e.g. 1")
            }
            ProblemKind::NoEvents => f.write_str("the story has no events: add at least one to \"events\""),
            ProblemKind::UnknownField { field, suggestion } => {
                write!(f, "\"{field}\" is not a field here and is ignored")?;
                match suggestion {
                    Some(s) => write!(f, ": did you mean \"{s}\"?"),
                    None => Ok(()),
                }
            }
            ProblemKind::UnsafeUrl(url) => write!(
                f,
                "the address \"{}\" was dropped: only http, https, mailto and relative links are kept",
                url.chars().take(80).collect::<String>()
            ),
            ProblemKind::NoAlt => f.write_str(
                "the image has no \"alt\" text: describe what it shows for readers who cannot see it, e.g. \"alt\": \"Ambassador Crocker at the news conference\"",
            ),
            ProblemKind::OpenDirection(c) => write!(
                f,
                "has an invisible direction control, U+{:04X}, that is never closed: the text after it shows reversed or out of order; delete it, or close it (U+202C, or U+2069 after an isolate)",
                u32::from(*c)
            ),
            ProblemKind::NotShown(what) => f.write_str(what),
            ProblemKind::MediaUnnamed { what, used } => write!(
                f,
                "the {what} has no \"alt\" or caption naming it for screen readers, so \"{}\" names it: add \"alt\" saying what it is, e.g. \"alt\": \"Video: the ambassadors' news conference\"",
                used.chars().take(80).collect::<String>()
            ),
            ProblemKind::BadMediaKind(kind) => write!(
                f,
                "\"{kind}\" is not a kind of media: use one of {}, or leave \"kind\" out to have it read from the address",
                crate::media::KIND_NAMES.join(", ")
            ),
            ProblemKind::NoPlayer => f.write_str(
                "Newsline makes no player for this address, so it is shown as a link: give the address of the video, post or map itself (such as https://www.youtube.com/watch?v=…), or \"kind\": \"link\"",
            ),
            ProblemKind::Accent { color, contrast: None } => write!(
                f,
                "\"{color}\" is not a colour Newsline reads: write it as #rrggbb, e.g. \"#d0021b\"; meanwhile the event keeps Newsline's colours"
            ),
            ProblemKind::Accent { color, contrast: Some(c) } => write!(
                f,
                "the colour {color} stands out from the card by only {}.{}:1 in the light or the dark theme (WCAG AA asks 3:1), so the event keeps Newsline's colours: choose a mid-tone such as #d0021b or #1a7f37",
                c / 10,
                c % 10
            ),
            ProblemKind::BadLang { tag, instead } => {
                write!(f, "\"{tag}\" is not a language tag, so {instead} is used: write a BCP 47 tag such as \"fa\", \"ar-IQ\" or \"en\"")?;
                let dashed = tag.trim().replace('_', "-");
                if crate::words::well_formed(&dashed) {
                    write!(f, " (here \"{dashed}\")")?;
                }
                Ok(())
            }
            ProblemKind::EmptyEmbed => f.write_str(
                "this embed code has no text and no link to show (Newsline never runs embed code): paste the post's address instead",
            ),
            ProblemKind::MadeUpId { wanted, given } => write!(
                f,
                "this statement has no \"id\", and the one made from its event's, \"{wanted}\", is used by something else in the file, so its link is #{given}: give the statement an \"id\" of its own"
            ),
            ProblemKind::TooLarge { what, size, max } => write!(
                f,
                "{} {what} is more than this timeline accepts ({} at most): shorten it, or split the story; an embedder can raise the limit",
                grouped(*size),
                grouped(*max)
            ),
            ProblemKind::TooMany { what, count, max, fix } => write!(
                f,
                "{} {what} are more than a timeline shows ({} at most): {fix}",
                grouped(*count),
                grouped(*max)
            ),
            ProblemKind::TooManyGroups { count } => write!(
                f,
                "the story has {} groups, and only the first {} get lanes of their own: the events of this group and of later ones are drawn in the lane \"Other\"; use fewer groups, or leave \"group\" out where a lane is not needed",
                grouped(*count),
                crate::layout::MAX_LANES
            ),
            ProblemKind::More { errors, warnings } => {
                let more = |n: usize, word: &str| format!("{} more {word}{}", grouped(n), if n == 1 { "" } else { "s" });
                let what = match (errors, warnings) {
                    (0, w) => more(*w, "warning"),
                    (e, 0) => more(*e, "error"),
                    (e, w) => format!("{} ({}, {})", more(e + w, "problem"), plural(*e, "error"), plural(*w, "warning")),
                };
                write!(f, "and {what}, not listed: fix the ones above, then check again")
            }
            ProblemKind::AmbiguousOrder { other, sequence: None } => write!(
                f,
                "has the same date as {other} and neither has a time of day or a \"sequence\", so their order is a guess: add \"sequence\" numbers in the order they happened (1, 2 …), or the time of day to both dates"
            ),
            ProblemKind::AmbiguousOrder { other, sequence: Some(n) } => write!(
                f,
                "has the same date and \"sequence\" ({n}) as {other}, so their order is a guess: give them different \"sequence\" numbers"
            ),
        }
    }
}

/// One problem, where it is, and how bad.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Path,
    pub kind: ProblemKind,
    pub severity: Severity,
}

impl fmt::Display for Problem {
    /// `path: message`; the [`ProblemKind::More`] that ends a long list is its message alone.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.kind {
            ProblemKind::More { .. } => write!(f, "{}", self.kind),
            _ => write!(f, "{}: {}", self.path, self.kind),
        }
    }
}

/// "1 error", "2,000 errors".
fn plural(n: usize, word: &str) -> String {
    match n {
        1 => format!("1 {word}"),
        n => format!("{} {word}s", grouped(n)),
    }
}

/// Most problems a check lists: a file with more gets the first of them, in file order, and a last
/// [`ProblemKind::More`] that counts the rest. Every problem costs memory and a line in the widget's error
/// panel, and a hostile file of 2 MB could otherwise make millions.
pub const MAX_PROBLEMS: usize = 100;

/// Most ids an [`ProblemKind::UnknownId`] names: enough to show their form, never a copy of a long list.
pub const KNOWN_SHOWN: usize = 3;

/// How many errors `problems` hold, those a [`ProblemKind::More`] counts included.
pub fn error_count(problems: &[Problem]) -> usize {
    problems
        .iter()
        .map(|p| match p.kind {
            ProblemKind::More { errors, .. } => errors,
            _ => usize::from(p.severity == Severity::Error),
        })
        .sum()
}

/// How many warnings `problems` hold, those a [`ProblemKind::More`] counts included.
pub fn warning_count(problems: &[Problem]) -> usize {
    problems
        .iter()
        .map(|p| match p.kind {
            ProblemKind::More { warnings, .. } => warnings,
            _ => usize::from(p.severity == Severity::Warning),
        })
        .sum()
}

/// Problems as a check collects them: at most [`MAX_PROBLEMS`] kept, in the order they come, the rest only
/// counted. Errors come before warnings: once the list is full, an error takes the place of the last warning
/// listed, so a file's errors are never hidden behind its warnings. A [`ProblemKind::More`] pushed in (from a
/// list capped before) adds its counts, so lists from several steps (an import's warnings, then the
/// validator's problems) combine into one capped list.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    /// Warnings in `list`.
    listed_warnings: usize,
    more_errors: usize,
    more_warnings: usize,
    errors: usize,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: Problem) {
        let error = problem.severity == Severity::Error;
        if let ProblemKind::More { errors, warnings } = problem.kind {
            self.more_errors += errors;
            self.more_warnings += warnings;
            self.errors += errors;
            return;
        }
        self.errors += usize::from(error);
        if self.list.len() >= MAX_PROBLEMS {
            if !error || self.listed_warnings == 0 {
                *(if error { &mut self.more_errors } else { &mut self.more_warnings }) += 1;
                return;
            }
            // At most MAX_PROBLEMS such evictions in all: each takes a warning out for good.
            if let Some(last) = self.list.iter().rposition(|p| p.severity == Severity::Warning) {
                self.list.remove(last);
                self.listed_warnings -= 1;
                self.more_warnings += 1;
            }
        }
        self.listed_warnings += usize::from(!error);
        self.list.push(problem);
    }

    pub(crate) fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        for p in problems {
            self.push(p);
        }
    }

    /// Whether any error was pushed, listed or not.
    pub(crate) fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The list, ended by a [`ProblemKind::More`] when some were left out.
    pub(crate) fn into_vec(mut self) -> Vec<Problem> {
        if self.more_errors + self.more_warnings > 0 {
            let severity = if self.more_errors > 0 { Severity::Error } else { Severity::Warning };
            let kind = ProblemKind::More { errors: self.more_errors, warnings: self.more_warnings };
            self.list.push(Problem { path: Path::root(), kind, severity });
        }
        self.list
    }
}

/// `problems` capped as a check lists them ([`MAX_PROBLEMS`] and a [`ProblemKind::More`]).
pub(crate) fn capped(problems: impl IntoIterator<Item = Problem>) -> Vec<Problem> {
    let mut all = Problems::default();
    all.extend(problems);
    all.into_vec()
}
