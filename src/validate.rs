//! Story data in, a checked [`Timeline`] out, or every problem with the path where it is.
//!
//! The validator walks the whole [`Json`] tree and keeps going after a problem, so an editor sees all the
//! mistakes of a file at once (`events[3].date.month: 13 is not a month (1-12)`), each with what to do about
//! it. It never panics on any input. Errors stop the story from showing; warnings (an unknown field, a tie
//! in the order of two events) are shown beside it.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::date::{DateError, DateSpec};
// The error panel still names them here; everything else takes them from `problem`.
use crate::json::{Json, Path};
use crate::limits::Limits;
use crate::model::{Era, Event, Media, Note, Source, Statement, StatementKind, Timeline};
pub use crate::problem::{error_count, Problem, ProblemKind, Severity};
use crate::problem::{Problems, KNOWN_SHOWN};
use crate::text::{self, safe_url};

/// Most eras a story may have: each is a band and a label on the axis, all drawn at once.
pub const MAX_ERAS: usize = 200;
/// Most sources a story may have: a story whose events cite none credits them all under the timeline.
pub const MAX_SOURCES: usize = 1_000;
/// Most statements one event may have: its card lists them all.
pub const MAX_STATEMENTS: usize = 200;

/// A story that passed: the timeline and any warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub timeline: Timeline,
    pub warnings: Vec<Problem>,
}

/// Rewrites the problems of a check, errors and warnings alike (an importer maps paths back to its format and
/// adds its own warnings this way).
pub(crate) fn map_problems(
    result: Result<Checked, Vec<Problem>>,
    mut f: impl FnMut(Vec<Problem>) -> Vec<Problem>,
) -> Result<Checked, Vec<Problem>> {
    match result {
        Ok(checked) => Ok(Checked { warnings: f(checked.warnings), timeline: checked.timeline }),
        Err(problems) => Err(f(problems)),
    }
}

/// Checks a parsed story file. `Err` holds the problems found, errors and warnings, in file order: the first
/// [`MAX_PROBLEMS`], then a [`ProblemKind::More`] counting the rest. The warnings of a story that passes are
/// capped alike. Linear in the size of the tree, whatever it holds.
pub fn validate(json: &Json) -> Result<Checked, Vec<Problem>> {
    validate_with(json, &Limits::default())
}

/// [`validate`] under given limits on events and text lengths.
pub fn validate_with(json: &Json, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    check_tree(json, limits, true)
}

/// [`validate_with`] for an imported file whose format has no `sequence` (TimelineJS): events of the same
/// date keep their file order without a warning. (Dropping the warnings after the check would leave the
/// count of those past [`MAX_PROBLEMS`] wrong.)
pub(crate) fn validate_imported(json: &Json, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    check_tree(json, limits, false)
}

fn check_tree(json: &Json, limits: &Limits, order_warnings: bool) -> Result<Checked, Vec<Problem>> {
    let mut r = Reader { problems: Problems::default(), limits: *limits, order_warnings };
    let timeline = r.timeline(json);
    let has_error = r.problems.has_errors();
    match timeline {
        Some(timeline) if !has_error => Ok(Checked { timeline, warnings: r.problems.into_vec() }),
        _ => Err(r.problems.into_vec()),
    }
}

// The fields of each object of the format, and which are required. The JSON Schema in
// www/schema/newsline.schema.json is checked against these by a test.
pub(crate) const TIMELINE_FIELDS: &[&str] =
    &["$schema", "title", "lang", "summary", "media", "note", "sources", "eras", "events"];
#[cfg(test)]
pub(crate) const TIMELINE_REQUIRED: &[&str] = &["title", "events"];
pub(crate) const SOURCE_FIELDS: &[&str] = &["id", "title", "publisher", "author", "dateline", "date", "url", "lang"];
#[cfg(test)]
pub(crate) const SOURCE_REQUIRED: &[&str] = &["id", "title"];
pub(crate) const ERA_FIELDS: &[&str] = &["label", "start", "end"];
#[cfg(test)]
pub(crate) const ERA_REQUIRED: &[&str] = &["label", "start", "end"];
pub(crate) const EVENT_FIELDS: &[&str] = &[
    "id",
    "date",
    "end_date",
    "display_date",
    "sequence",
    "sequence_known",
    "headline",
    "body",
    "media",
    "accent",
    "place",
    "group",
    "source",
    "excerpt",
    "note",
    "statements",
];
#[cfg(test)]
pub(crate) const EVENT_REQUIRED: &[&str] = &["id", "date", "headline"];
pub(crate) const MEDIA_FIELDS: &[&str] = &["url", "kind", "alt", "caption", "credit", "text"];
/// `url` may be left out for a quote given as `text`; `alt` for media other than images (a player falls back
/// to its caption, with a warning when it has none).
#[cfg(test)]
pub(crate) const MEDIA_REQUIRED: &[&str] = &[];
pub(crate) const STATEMENT_FIELDS: &[&str] =
    &["id", "speaker", "role", "kind", "text", "summary", "context", "translated"];
#[cfg(test)]
pub(crate) const STATEMENT_REQUIRED: &[&str] = &["speaker", "kind", "text"];
pub(crate) const NOTE_FIELDS: &[&str] = &["text", "sources"];
#[cfg(test)]
pub(crate) const NOTE_REQUIRED: &[&str] = &["text"];
pub(crate) const DATE_FIELDS: &[&str] = &["year", "month", "day", "hour", "minute"];

/// Every object of the format with its fields, for everything that must agree with the validator: the JSON
/// reader's known names (`json::KNOWN_KEYS`), the JSON Schema, and the fuzz targets' generated trees each have a
/// test or a use that reads this table, so a new field is added here first (DEVELOPERS.md, "Adding a field").
pub const FORMAT: &[(&str, &[&str])] = &[
    ("story", TIMELINE_FIELDS),
    ("source", SOURCE_FIELDS),
    ("era", ERA_FIELDS),
    ("event", EVENT_FIELDS),
    ("media", MEDIA_FIELDS),
    ("statement", STATEMENT_FIELDS),
    ("note", NOTE_FIELDS),
    ("date", DATE_FIELDS),
];

/// Collects problems while it reads.
struct Reader {
    problems: Problems,
    /// Whether events of the same date and sequence are warned about ([`ProblemKind::AmbiguousOrder`]).
    order_warnings: bool,
    limits: Limits,
}

impl Reader {
    fn error(&mut self, path: Path, kind: ProblemKind) {
        self.problems.push(Problem { path, kind, severity: Severity::Error });
    }

    fn warn(&mut self, path: Path, kind: ProblemKind) {
        self.problems.push(Problem { path, kind, severity: Severity::Warning });
    }

    fn wrong_type(&mut self, path: Path, expected: &'static str, found: &Json) {
        self.error(path, ProblemKind::WrongType { expected, found: found.kind() });
    }

    /// The members of an object, warning about fields not in `known`, once for each name however often the
    /// object repeats it. `None` (with an error) otherwise.
    fn object<'a>(
        &mut self,
        json: &'a Json,
        path: &Path,
        known: &'static [&'static str],
    ) -> Option<&'a [(crate::json::Key, Json)]> {
        self.object_at(json, &|| path.clone(), known)
    }

    /// [`Reader::object`] with its path made only for a message.
    fn object_at<'a>(
        &mut self,
        json: &'a Json,
        path: &dyn Fn() -> Path,
        known: &'static [&'static str],
    ) -> Option<&'a [(crate::json::Key, Json)]> {
        match json {
            Json::Obj(members) => {
                // Made only for an object with a field not in `known`, which is rare.
                let mut warned: Option<std::collections::HashSet<&str>> = None;
                for (key, _) in members {
                    if !known.iter().any(|k| crate::json::same_name(k, key))
                        && warned.get_or_insert_with(Default::default).insert(key)
                    {
                        let suggestion = closest(key, known);
                        let field = shown(key, 60);
                        self.warn(path().member(&shown(key, 60)), ProblemKind::UnknownField { field, suggestion });
                    }
                }
                Some(members)
            }
            other => {
                self.wrong_type(path(), "an object ({ ... })", other);
                None
            }
        }
    }

    /// Text within the length limit, or an error at `path.key`; a direction control left open in it is
    /// warned about ([`open_direction`]).
    fn within<'a>(&mut self, s: &'a str, path: &Path, key: &'static str) -> Option<&'a str> {
        let len = if s.len() > self.limits.max_text { s.chars().count() } else { 0 };
        if len > self.limits.max_text {
            let max = self.limits.max_text;
            self.error(path.key(key), ProblemKind::TooLarge { what: "characters", size: len, max });
            return None;
        }
        if let Some(control) = open_direction(s) {
            self.warn(path.key(key), ProblemKind::OpenDirection(control));
        }
        Some(s.trim())
    }

    /// Optional text: absent or null is `None`; empty text is `None` too.
    fn opt_text(&mut self, obj: &Json, key: &'static str, path: &Path) -> Option<String> {
        self.opt_str(obj, key, path).map(str::to_owned)
    }

    /// [`Reader::opt_text`], borrowed from the file (for text that is read further, not kept).
    fn opt_str<'a>(&mut self, obj: &'a Json, key: &'static str, path: &Path) -> Option<&'a str> {
        match obj.get(key) {
            None | Some(Json::Null) => None,
            Some(Json::Str(s)) if s.trim().is_empty() => None,
            Some(Json::Str(s)) => self.within(s, path, key),
            Some(other) => {
                self.wrong_type(path.key(key), "text", other);
                None
            }
        }
    }

    /// Required, non-empty text.
    fn text(&mut self, obj: &Json, key: &'static str, path: &Path, example: &'static str) -> Option<String> {
        match obj.get(key) {
            None | Some(Json::Null) => {
                self.error(path.clone(), ProblemKind::Missing { field: key, example });
                None
            }
            Some(Json::Str(s)) if s.trim().is_empty() => {
                self.error(path.key(key), ProblemKind::Empty);
                None
            }
            Some(Json::Str(s)) => self.within(s, path, key).map(str::to_owned),
            Some(other) => {
                self.wrong_type(path.key(key), "text", other);
                None
            }
        }
    }

    /// An id: required or optional, checked for link-safe characters.
    fn id(&mut self, obj: &Json, path: &Path, required: bool, example: &'static str) -> Option<String> {
        let id = if required { self.text(obj, "id", path, example) } else { self.opt_text(obj, "id", path) }?;
        if id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            Some(id)
        } else {
            self.error(path.key("id"), ProblemKind::BadId(shown(&id, 60)));
            None
        }
    }

    fn list<'a>(&mut self, obj: &'a Json, key: &'static str, path: &Path) -> &'a [Json] {
        match obj.get(key) {
            None | Some(Json::Null) => &[],
            Some(Json::Arr(items)) => items,
            Some(other) => {
                self.wrong_type(path.key(key), "a list ([ ... ])", other);
                &[]
            }
        }
    }

    /// A date; `path` is made only for a message.
    fn date(&mut self, json: &Json, path: &dyn Fn() -> Path) -> Option<DateSpec> {
        let result = match json {
            Json::Str(text) => DateSpec::parse(text),
            Json::Num(n) => whole(*n, "year").and_then(|y| DateSpec::from_parts(y, None, None, None, None)),
            Json::Obj(_) => {
                self.object_at(json, path, DATE_FIELDS)?;
                let mut part = |key: &'static str| -> Result<Option<i64>, ()> {
                    match json.get(key) {
                        None | Some(Json::Null) => Ok(None),
                        Some(Json::Num(n)) => match whole(*n, key) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) => {
                                self.error(path().key(key), ProblemKind::Date(e));
                                Err(())
                            }
                        },
                        // Spreadsheets and TimelineJS write numbers as text: accept "05".
                        Some(Json::Str(s)) if s.trim().parse::<i64>().is_ok() => Ok(s.trim().parse().ok()),
                        Some(other) => {
                            self.wrong_type(path().key(key), "a whole number", other);
                            Err(())
                        }
                    }
                };
                let (year, month, day, hour, minute) =
                    (part("year"), part("month"), part("day"), part("hour"), part("minute"));
                let (Ok(year), Ok(month), Ok(day), Ok(hour), Ok(minute)) = (year, month, day, hour, minute) else {
                    return None;
                };
                let Some(year) = year else {
                    self.error(path(), ProblemKind::Date(DateError::NoYear));
                    return None;
                };
                let result = DateSpec::from_parts(year, month, day, hour, minute);
                // Point at the part that is wrong, as editors look for it: `date.month`.
                if let Err(e) = &result {
                    let key = match e {
                        DateError::YearOutOfRange(_) => Some("year"),
                        DateError::MonthOutOfRange(_) => Some("month"),
                        DateError::DayOutOfRange { .. } => Some("day"),
                        DateError::HourOutOfRange(_) => Some("hour"),
                        DateError::MinuteOutOfRange(_) => Some("minute"),
                        _ => None,
                    };
                    let at = key.map_or_else(path, |k| path().key(k));
                    self.error(at, ProblemKind::Date(e.clone()));
                    return None;
                }
                result
            }
            other => {
                self.wrong_type(path(), "a date (\"2007-05-28\" or {\"year\": 2007, ...})", other);
                return None;
            }
        };
        match result {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(path(), ProblemKind::Date(e));
                None
            }
        }
    }

    fn timeline(&mut self, json: &Json) -> Option<Timeline> {
        let root = Path::root();
        self.object(json, &root, TIMELINE_FIELDS)?;
        let title = self.text(json, "title", &root, "\"title\": \"US-Iran talks in Baghdad\"");
        let lang = self.opt_text(json, "lang", &root);
        self.is_lang(lang.as_deref(), &root, "the page's language");
        let summary = self.opt_text(json, "summary", &root);
        let media = json.get("media").filter(|m| **m != Json::Null);
        let media = media.and_then(|m| self.media(m, &root.key("media"), title.as_deref()));

        let sources_path = root.key("sources");
        let mut sources = Vec::new();
        let mut source_ids: HashMap<Cow<str>, IdPlace> = HashMap::new();
        let items = self.list(json, "sources", &root);
        self.at_most(
            &sources_path,
            items.len(),
            "sources",
            MAX_SOURCES,
            "keep those the events cite, or split the story",
        );
        for (i, item) in items.iter().enumerate() {
            let path = sources_path.index(i);
            if let Some(source) = self.source(item, &path) {
                if let Some(first) = source_ids.get(source.id.as_str()) {
                    self.error(
                        path.key("id"),
                        ProblemKind::DuplicateId { id: shown(&source.id, 60), first: first.path() },
                    );
                } else {
                    source_ids.insert(Cow::Borrowed(given_id(item)), IdPlace::Source(i));
                }
                sources.push(source);
            }
        }

        let note = self.note(json, &root, &sources, &source_ids);

        let mut eras = Vec::new();
        let items = self.list(json, "eras", &root);
        let fix = "merge neighbouring eras, or leave out those the story does not need";
        self.at_most(&root.key("eras"), items.len(), "eras", MAX_ERAS, fix);
        for (i, item) in items.iter().enumerate() {
            if let Some(era) = self.era(item, &root.key("eras").index(i)) {
                eras.push(era);
            }
        }
        let eras = in_order(eras, |e| (e.start, None));

        let events_path = root.key("events");
        let items = match json.get("events") {
            None | Some(Json::Null) => {
                self.error(
                    root.clone(),
                    ProblemKind::Missing { field: "events", example: "\"events\": [{ \"id\": \"talks-open\", ... }]" },
                );
                &[][..]
            }
            _ => self.list(json, "events", &root),
        };
        if items.is_empty() && matches!(json.get("events"), Some(Json::Arr(_))) {
            self.error(events_path.clone(), ProblemKind::NoEvents);
        }
        if items.len() > self.limits.max_events {
            let max = self.limits.max_events;
            self.error(events_path, ProblemKind::TooLarge { what: "events", size: items.len(), max });
            return None;
        }
        let mut events: Vec<(usize, Event)> = Vec::with_capacity(items.len());
        let mut ids = Ids { used: HashMap::with_capacity(items.len()), reserved: given_ids(items) };
        for (i, item) in items.iter().enumerate() {
            let path = events_path.index(i);
            let event = self.event(item, i, &path, &mut ids);
            // Read apart from the event, which does not know the sources, but in any case, so that every
            // problem of a note is reported along with the event's.
            let note = self.note(item, &path, &sources, &source_ids);
            if let Some(mut event) = event {
                if let Some(source) = &event.source {
                    if !source_ids.contains_key(source.as_str()) {
                        self.unknown_source(path.key("source"), source, &sources);
                    }
                }
                event.note = note;
                events.push((i, event));
            }
        }

        // Chronological order, file order breaking the remaining ties. The keys are sorted, not the events
        // (which are large to move).
        let mut order: Vec<(u64, Option<u32>, usize)> =
            events.iter().enumerate().map(|(k, (_, e))| (e.date.order_key(), e.sequence, k)).collect();
        order.sort_unstable();
        let pairs = if self.order_warnings { order.windows(2) } else { [].windows(2) };
        for pair in pairs {
            if (pair[0].0, pair[0].1) == (pair[1].0, pair[1].1) {
                let (first, second) = (events[pair[0].2].0, events[pair[1].2].0);
                let (other, sequence) = (events_path.index(first), pair[0].1);
                self.warn(events_path.index(second), ProblemKind::AmbiguousOrder { other, sequence });
            }
        }
        let in_file: Vec<usize> = order.iter().map(|(_, _, k)| events[*k].0).collect();
        let events = permuted(events.into_iter().map(|(_, e)| e).collect(), &order);
        self.lanes(&events, &in_file, &events_path);

        Some(Timeline { title: title?, lang, summary, media, note, sources, events, eras })
    }

    /// A warning when the events, in time order (`in_file`: the place of each in the file), have more groups
    /// than get lanes ([`crate::layout::MAX_LANES`]), at the first event of the first group without one.
    fn lanes(&mut self, events: &[Event], in_file: &[usize], events_path: &Path) {
        let mut groups = std::collections::HashSet::new();
        let mut first_without = None;
        for (e, i) in events.iter().zip(in_file) {
            if let Some(g) = e.group.as_deref() {
                if groups.insert(g) && groups.len() == crate::layout::MAX_LANES + 1 {
                    first_without = Some(*i);
                }
            }
        }
        if let Some(i) = first_without {
            self.warn(events_path.index(i).key("group"), ProblemKind::TooManyGroups { count: groups.len() });
        }
    }

    fn era(&mut self, json: &Json, path: &Path) -> Option<Era> {
        self.object(json, path, ERA_FIELDS)?;
        let label = self.text(json, "label", path, "\"label\": \"The hostage crisis\"");
        let mut date = |key: &'static str| match json.get(key) {
            None | Some(Json::Null) => {
                self.error(path.clone(), ProblemKind::Missing { field: key, example: "\"start\": \"1979-11-04\"" });
                None
            }
            Some(d) => self.date(d, &|| path.key(key)),
        };
        let (start, end) = (date("start"), date("end"));
        if let (Some(s), Some(e)) = (&start, &end) {
            if e.instant() < s.instant() {
                self.error(path.key("end"), ProblemKind::EndBeforeStart { start: s.label(), end: e.label() });
                return None;
            }
        }
        Some(Era { label: label?, start: start?, end: end? })
    }

    /// A media object. `name` is what names a player that has neither `alt` nor a caption (the event's
    /// headline, the story's title). The kind is given, or read from the address ([`media::recognise`]):
    /// - an image needs `alt` (an error without it);
    /// - a video, audio file or player is named by `alt`, else its caption, else `name` with a warning;
    /// - a link names itself; a quote (`text`, or embed code pasted as `url`) is its words: neither needs one;
    /// - `"kind": "embed"` on an address Newsline makes no player for is shown as a link, with a warning.
    fn media(&mut self, json: &Json, path: &Path, name: Option<&str>) -> Option<Media> {
        use crate::media::{self, MediaKind, KIND_NAMES};
        self.object(json, path, MEDIA_FIELDS)?;
        let given = match self.opt_str(json, "kind", path) {
            None => None,
            Some(k) => match KIND_NAMES.iter().find(|n| n.eq_ignore_ascii_case(k)) {
                Some(k) => Some(*k),
                None => {
                    self.error(path.key("kind"), ProblemKind::BadMediaKind(shown(k, 40)));
                    return None;
                }
            },
        };
        let quote = self.opt_str(json, "text", path).map(|t| text::parse(t).plain());
        let url = match quote {
            Some(_) => self.opt_text(json, "url", path),
            None => Some(self.text(json, "url", path, "\"url\": \"images/crocker.jpg\"")?),
        };
        let alt = match json.get("alt") {
            None | Some(Json::Null) => None,
            Some(_) => Some(self.text(json, "alt", path, "")),
        };
        let caption = self.opt_text(json, "caption", path);
        let credit = self.opt_text(json, "credit", path);
        let found = media::recognise(url.as_deref().unwrap_or(""));
        let kind = match (given, found.kind) {
            (_, MediaKind::Quote) | (Some("quote"), _) => MediaKind::Quote,
            (None, kind) if url.is_some() => kind,
            (None, _) => MediaKind::Quote,
            (Some("embed"), kind @ MediaKind::Embed(_)) => kind,
            (Some("embed"), _) => {
                self.warn(path.key("url"), ProblemKind::NoPlayer);
                MediaKind::Link
            }
            (Some("image"), _) => MediaKind::Image,
            (Some("video"), _) => MediaKind::Video,
            (Some("audio"), _) => MediaKind::Audio,
            _ => MediaKind::Link,
        };
        let quote = match kind {
            MediaKind::Quote => quote.or_else(|| found.quote.as_deref().map(|q| text::parse(q).plain())),
            _ => None,
        };
        let url = match safe_url(&found.url, false) {
            Some(url) => url,
            None => {
                if kind != MediaKind::Quote || !found.url.is_empty() {
                    let raw = json.get("url").and_then(|u| if let Json::Str(s) = u { Some(s.as_str()) } else { None });
                    let raw = if kind == MediaKind::Quote { &found.url } else { raw.unwrap_or_default() };
                    self.warn(path.key("url"), ProblemKind::UnsafeUrl(raw.to_owned()));
                }
                if kind != MediaKind::Quote {
                    return None;
                }
                if quote.as_deref().is_none_or(|q| q.trim().is_empty()) {
                    self.error(path.key("url"), ProblemKind::EmptyEmbed);
                    return None;
                }
                String::new()
            }
        };
        let alt = match (kind, alt) {
            (_, Some(alt)) => alt?,
            (MediaKind::Image, None) => {
                self.error(path.clone(), ProblemKind::NoAlt);
                return None;
            }
            (kind, None) if kind.needs_name() => match (&caption, name) {
                (Some(caption), _) => caption.clone(),
                (None, name) => {
                    let used = name.unwrap_or_default().to_owned();
                    self.warn(path.clone(), ProblemKind::MediaUnnamed { what: kind.what(), used: used.clone() });
                    used
                }
            },
            (_, None) => String::new(),
        };
        Some(Media { kind, url, alt, caption, credit, quote })
    }

    fn source(&mut self, json: &Json, path: &Path) -> Option<Source> {
        self.object(json, path, SOURCE_FIELDS)?;
        let id = self.id(json, path, true, "\"id\": \"voa\"");
        let title = self.text(json, "title", path, "\"title\": \"US, Iran Affirm Common Goals in Iraq\"");
        let date = json.get("date").filter(|d| **d != Json::Null).and_then(|d| self.date(d, &|| path.key("date")));
        Some(Source {
            id: id?,
            title: title?,
            publisher: self.opt_text(json, "publisher", path),
            author: self.opt_text(json, "author", path),
            dateline: self.opt_text(json, "dateline", path),
            date,
            url: self.url(json, path, false),
            lang: self.lang(json, path),
        })
    }

    /// The optional language tag `lang` of the object at `path`: one that is no tag is left out, with a
    /// warning (the text is shown all the same, in the language around it).
    fn lang(&mut self, json: &Json, path: &Path) -> Option<String> {
        let lang = self.opt_text(json, "lang", path)?;
        self.is_lang(Some(&lang), path, "the language around it").then(|| lang.trim().to_owned())
    }

    /// Whether `lang`, the `lang` of the object at `path`, is a language tag (BCP 47); when it is given and is
    /// none, a warning says so and that `instead` is used.
    fn is_lang(&mut self, lang: Option<&str>, path: &Path, instead: &'static str) -> bool {
        match lang {
            Some(tag) if !crate::words::well_formed(tag.trim()) => {
                self.warn(path.key("lang"), ProblemKind::BadLang { tag: shown(tag, 40), instead });
                false
            }
            given => given.is_some(),
        }
    }

    /// The optional link `key` ("url") of the object at `path`, checked as [`safe_url`] checks links: one that
    /// is not safe is dropped with a warning that names the field.
    fn url(&mut self, json: &Json, path: &Path, allow_mailto: bool) -> Option<String> {
        let url = self.opt_str(json, "url", path)?;
        let safe = safe_url(url, allow_mailto);
        if safe.is_none() {
            self.warn(path.key("url"), ProblemKind::UnsafeUrl(url.to_owned()));
        }
        safe
    }

    /// An error at `path` when a list of `count` `what` is longer than `max`.
    fn at_most(&mut self, path: &Path, count: usize, what: &'static str, max: usize, fix: &'static str) {
        if count > max {
            self.error(path.clone(), ProblemKind::TooMany { what, count, max, fix });
        }
    }

    fn event<'j>(&mut self, json: &'j Json, at: usize, path: &Path, ids: &mut Ids<'j>) -> Option<Event> {
        self.object(json, path, EVENT_FIELDS)?;
        let id = self.id(json, path, true, "\"id\": \"talks-open\"");
        if id.is_some() {
            self.claim(ids, given_id(json), IdPlace::Event(at), path);
        }
        let date = match json.get("date") {
            None | Some(Json::Null) => {
                self.error(path.clone(), ProblemKind::Missing { field: "date", example: "\"date\": \"2007-05-28\"" });
                None
            }
            Some(d) => self.date(d, &|| path.key("date")),
        };
        let end_date =
            json.get("end_date").filter(|d| **d != Json::Null).and_then(|d| self.date(d, &|| path.key("end_date")));
        if let (Some(start), Some(end)) = (&date, &end_date) {
            if end.instant() < start.instant() {
                self.error(
                    path.key("end_date"),
                    ProblemKind::EndBeforeStart { start: start.label(), end: end.label() },
                );
            }
        }
        let sequence = match json.get("sequence") {
            None | Some(Json::Null) => None,
            Some(Json::Num(n)) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => Some(*n as u32),
            Some(Json::Num(n)) => {
                self.error(path.key("sequence"), ProblemKind::BadSequence(crate::json::number_text(*n)));
                None
            }
            Some(other) => {
                self.wrong_type(path.key("sequence"), "a whole number", other);
                None
            }
        };
        let sequence_known = match json.get("sequence_known") {
            None | Some(Json::Null) => true,
            Some(Json::Bool(known)) => *known,
            Some(other) => {
                self.wrong_type(path.key("sequence_known"), "true or false", other);
                true
            }
        };
        let headline = self.text(json, "headline", path, "\"headline\": \"Talks open in Baghdad\"");
        let mut body = self.opt_str(json, "body", path).map(text::parse).unwrap_or_default();
        for url in std::mem::take(&mut body.dropped_links) {
            self.warn(path.key("body"), ProblemKind::UnsafeUrl(url));
        }
        let media = json.get("media").filter(|m| **m != Json::Null);
        let media = media.and_then(|m| self.media(m, &path.key("media"), headline.as_deref()));
        let accent = self.opt_str(json, "accent", path).and_then(|text| match crate::accent::accent(text) {
            Ok(color) => Some(color),
            Err(worst) => {
                let contrast = worst.map(|c| (c * 10.0) as u32);
                self.warn(path.key("accent"), ProblemKind::Accent { color: shown(text, 40), contrast });
                None
            }
        });
        let mut statements_path = None; // written out only for an event with statements
        let mut statements = Vec::new();
        let items = self.list(json, "statements", path);
        let fix = "keep those that matter most, or give some to other events";
        if items.len() > MAX_STATEMENTS {
            self.at_most(&path.key("statements"), items.len(), "statements in one event", MAX_STATEMENTS, fix);
        }
        for (i, item) in items.iter().enumerate() {
            let spath = statements_path.get_or_insert_with(|| path.key("statements")).index(i);
            let fallback = id.as_deref().map(|id| format!("{id}-{}", i + 1));
            if let Some(statement) = self.statement(item, (at, i), &spath, fallback, ids) {
                statements.push(statement);
            }
        }
        Some(Event {
            id: id?,
            date: date?,
            end_date,
            sequence,
            sequence_known,
            headline: headline?,
            display_date: self.opt_text(json, "display_date", path),
            body,
            media,
            accent,
            place: self.opt_text(json, "place", path),
            group: self.opt_text(json, "group", path),
            source: self.opt_text(json, "source", path),
            excerpt: self.opt_text(json, "excerpt", path),
            // Read by `timeline`, which knows the sources.
            note: None,
            statements,
        })
    }

    fn statement<'j>(
        &mut self,
        json: &'j Json,
        (event, at): (usize, usize),
        path: &Path,
        fallback_id: Option<String>,
        ids: &mut Ids<'j>,
    ) -> Option<Statement> {
        self.object(json, path, STATEMENT_FIELDS)?;
        let given = self.id(json, path, false, "");
        let id = match (given, fallback_id) {
            (Some(id), _) => {
                self.claim(ids, given_id(json), IdPlace::Statement(event, at), path);
                Some(id)
            }
            // A made-up id never takes one the file gives anywhere, before or after this statement, nor one
            // made up before: it takes "-2", "-3" … until it is free, and the editor is told.
            (None, Some(base)) => {
                let taken = |id: &str, ids: &Ids| ids.reserved.contains(id) || ids.used.contains_key(id);
                let mut id = base.clone();
                let mut n = 2u64;
                while taken(&id, ids) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                if id != base {
                    self.warn(path.clone(), ProblemKind::MadeUpId { wanted: shown(&base, 60), given: shown(&id, 60) });
                }
                ids.used.insert(Cow::Owned(id.clone()), IdPlace::Generated(event, at));
                Some(id)
            }
            (None, None) => None,
        };
        let speaker = self.text(json, "speaker", path, "\"speaker\": \"Ryan Crocker\"");
        let kind = match json.get("kind") {
            None | Some(Json::Null) => {
                self.error(path.clone(), ProblemKind::Missing { field: "kind", example: "\"kind\": \"quote\"" });
                None
            }
            Some(Json::Str(s)) => match s.trim() {
                "quote" => Some(StatementKind::Quote),
                "paraphrase" => Some(StatementKind::Paraphrase),
                other => {
                    self.error(path.key("kind"), ProblemKind::BadStatementKind(shown(other, 60)));
                    None
                }
            },
            Some(other) => {
                self.wrong_type(path.key("kind"), "text (\"quote\" or \"paraphrase\")", other);
                None
            }
        };
        let text = self.text(json, "text", path, "\"text\": \"This is about actions, not just principles.\"");
        let translated = match json.get("translated") {
            None | Some(Json::Null) => false,
            Some(Json::Bool(translated)) => *translated,
            Some(other) => {
                self.wrong_type(path.key("translated"), "true or false", other);
                false
            }
        };
        Some(Statement {
            id: id?,
            speaker: speaker?,
            role: self.opt_text(json, "role", path),
            kind: kind?,
            text: text?,
            summary: self.opt_text(json, "summary", path),
            context: self.opt_text(json, "context", path),
            translated,
        })
    }

    /// The `note` of the story or of an event (`obj` at `path`): text, or `{"text": ..., "sources": [ids]}`,
    /// each id one of `sources`.
    fn note(
        &mut self,
        obj: &Json,
        path: &Path,
        sources: &[Source],
        source_ids: &HashMap<Cow<str>, IdPlace>,
    ) -> Option<Note> {
        let value = obj.get("note").filter(|n| **n != Json::Null)?;
        if let Json::Str(_) = value {
            return self.opt_text(obj, "note", path).map(|text| Note { text, sources: Vec::new() });
        }
        let path = path.key("note");
        if !matches!(value, Json::Obj(_)) {
            self.wrong_type(path, "text, or an object ({\"text\": ..., \"sources\": [...]})", value);
            return None;
        }
        self.object(value, &path, NOTE_FIELDS)?;
        let text = self.text(value, "text", &path, "\"text\": \"The report dates this to 1979; ...\"");
        let mut ids = Vec::new();
        // Each source is cited once, however often the list repeats it: the note cites at most every source.
        let mut cited = std::collections::HashSet::new();
        for (i, id) in self.list(value, "sources", &path).iter().enumerate() {
            let at = path.key("sources").index(i);
            match id {
                Json::Str(id) if source_ids.contains_key(id.trim()) => {
                    if cited.insert(id.trim()) {
                        ids.push(id.trim().to_owned());
                    }
                }
                Json::Str(id) => self.unknown_source(at, id.trim(), sources),
                other => self.wrong_type(at, "the id of a source (text)", other),
            }
        }
        Some(Note { text: text?, sources: ids })
    }

    /// An error for a reference at `path` to a source `id` that the story does not define.
    /// The message names the first [`KNOWN_SHOWN`] sources, not all: a file of many sources and many
    /// references to unknown ones would copy the whole list into each.
    fn unknown_source(&mut self, path: Path, id: &str, sources: &[Source]) {
        // Each id cut as any id in a message is: a reference costs a few hundred bytes however long the
        // story's ids (three ids of 100,000 characters once made each of 230,000 references copy 300 KB).
        let known = sources.iter().take(KNOWN_SHOWN).map(|s| shown(&s.id, 60)).collect();
        let more = sources.len().saturating_sub(KNOWN_SHOWN);
        self.error(path, ProblemKind::UnknownId { id: shown(id, 60), what: "source", known, more });
    }

    /// Records `id`, given in the object at `path`, as used at `place`, or reports that it was used before.
    fn claim<'j>(&mut self, ids: &mut Ids<'j>, id: &'j str, place: IdPlace, path: &Path) {
        let first = match ids.used.entry(Cow::Borrowed(id)) {
            Entry::Occupied(first) => *first.get(),
            Entry::Vacant(slot) => {
                slot.insert(place);
                return;
            }
        };
        self.error(path.key("id"), ProblemKind::DuplicateId { id: shown(id, 60), first: first.path() });
    }
}

/// The ids used so far: those given in the file (borrowed from it) and those made up for statements.
struct Ids<'j> {
    /// One map for both (one made up never equals one given: it keeps clear of `reserved`), of the same type
    /// as the sources' ids: each kind of hash table is code of its own in the widget.
    used: HashMap<Cow<'j, str>, IdPlace>,
    /// Every id the file gives its events and statements, read before them: an id made up for a statement
    /// keeps clear of one given later in the file as well as earlier.
    reserved: std::collections::HashSet<&'j str>,
}

/// The ids the events in `items` and their statements give, as [`given_id`] reads them. One pass.
fn given_ids(items: &[Json]) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::with_capacity(items.len());
    for item in items {
        out.insert(given_id(item));
        if let Some(Json::Arr(statements)) = item.get("statements") {
            out.extend(statements.iter().map(given_id));
        }
    }
    out.remove("");
    out
}

/// Where an id was first used, as indices: written out as a path only for a message.
#[derive(Clone, Copy)]
enum IdPlace {
    /// The story's source `i` (its ids are kept apart from the events' and statements').
    Source(usize),
    Event(usize),
    Statement(usize, usize),
    /// A statement without an id, given one made from its event's.
    Generated(usize, usize),
}

impl IdPlace {
    fn path(self) -> Path {
        let event = |i| Path::root().key("events").index(i);
        match self {
            IdPlace::Source(i) => Path::root().key("sources").index(i).key("id"),
            IdPlace::Event(e) => event(e).key("id"),
            IdPlace::Statement(e, s) => event(e).key("statements").index(s).key("id"),
            IdPlace::Generated(e, s) => event(e).key("statements").index(s),
        }
    }
}

/// The id of an object whose id was read without a problem, as written in the file (less blanks around).
fn given_id(json: &Json) -> &str {
    match json.get("id") {
        Some(Json::Str(s)) => s.trim(),
        _ => "",
    }
}

/// `items` sorted by `key`, ties in their order: keys are sorted, not the (large) items, and with the same
/// key type as the events so one sort serves both.
fn in_order<T>(items: Vec<T>, key: impl Fn(&T) -> (DateSpec, Option<u32>)) -> Vec<T> {
    let mut order: Vec<(u64, Option<u32>, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (date, sequence) = key(item);
            (date.order_key(), sequence, i)
        })
        .collect();
    order.sort_unstable();
    permuted(items, &order)
}

/// `items` in the order of the indices that end each entry of `order` (each index once), rearranged in
/// place by following the permutation's cycles: the items are large and may be 100,000, so they are not
/// copied into new lists.
fn permuted<T, K>(mut items: Vec<T>, order: &[(K, Option<u32>, usize)]) -> Vec<T> {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len().min(order.len()) {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            // `at` takes the item now at `from`, which is where the cycle goes next.
            let from = order[at].2;
            if from == start || from >= items.len() || placed[from] {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
    items
}

/// A whole number from a JSON number, or the error that says it is not one.
fn whole(n: f64, part: &'static str) -> Result<i64, DateError> {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Ok(n as i64)
    } else {
        Err(DateError::NotWhole { part, value: crate::json::number_text(n) })
    }
}

/// The first bidirectional control in `s` that opens an embedding, an override or an isolate (U+202A,
/// U+202B, U+202D, U+202E, U+2066 to U+2068) and is not closed in it:
/// - U+202C closes the innermost embedding or override, not one opened outside an isolate;
/// - U+2069 closes the innermost isolate and whatever was opened inside it;
/// - a closing control with nothing to close does nothing (and is not warned about: it changes nothing).
///
/// What is left open runs on to the end of its field: the widget isolates every field, so it reorders
/// nothing outside it, but the field itself reads wrong (U+202E reverses it), and is invisible in an editor.
fn open_direction(s: &str) -> Option<char> {
    // Every one of these controls is encoded from the byte 0xE2: most text has none and is passed over.
    if !s.as_bytes().contains(&0xE2) {
        return None;
    }
    let isolate = |c: &char| *c >= '\u{2066}';
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}' => open.push(c),
            '\u{202C}' if open.last().is_some_and(|o| !isolate(o)) => {
                open.pop();
            }
            '\u{2069}' => {
                if let Some(at) = open.iter().rposition(isolate) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    open.first().copied()
}

/// `text` cut to `max` characters for a message, with "…" where it was cut.
fn shown(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The known field nearest to a misspelt one, if it is near enough to be the likely intent. Names whose
/// length is too far from every known one's are not compared (a hostile name may be megabytes long).
fn closest(field: &str, known: &'static [&'static str]) -> Option<&'static str> {
    nearest_of(field, known, &|k| 2.max(k.len() / 4))
}

/// The name of `known` nearest to `name` (ASCII case aside), at most `within(known name)` edits away and fewer
/// edits than it has letters: the "did you mean" of field names here and of options in `options`. Names whose
/// length is further than that from `name`'s are not compared (a hostile name may be megabytes long).
pub(crate) fn nearest<'a>(
    name: &str,
    known: impl Iterator<Item = &'a str> + Clone,
    within: impl Fn(&str) -> usize,
) -> Option<&'a str> {
    nearest_of(name, &known.collect::<Vec<_>>(), &within)
}

/// [`nearest`] for a list: one copy of the comparison in the WebAssembly, whatever the callers' iterators.
fn nearest_of<'a>(name: &str, known: &[&'a str], within: &dyn Fn(&str) -> usize) -> Option<&'a str> {
    // Characters, counted to 64 only: past that no known name is near.
    let len = name.chars().take(64).count();
    let near = |k: &str| len.abs_diff(k.len()) <= within(k);
    if !known.iter().any(|k| near(k)) {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .copied()
        .filter(|k| near(k))
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), k))
        .filter(|(d, k)| *d <= within(k) && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, for "did you mean" suggestions ([`nearest`]).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{capped, warning_count, MAX_PROBLEMS};

    fn check(text: &str) -> Result<Checked, Vec<Problem>> {
        let json = crate::json::parse(text, 64).expect("test input is JSON");
        validate(&json)
    }

    #[test]
    fn items_are_put_in_the_order_given_whatever_its_cycles() {
        let mut seed = 7u64;
        for n in 0..60usize {
            for _ in 0..5 {
                // A shuffled order of 0..n (Fisher-Yates with a small generator).
                let mut indices: Vec<usize> = (0..n).collect();
                for i in (1..n).rev() {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    indices.swap(i, (seed >> 33) as usize % (i + 1));
                }
                let order: Vec<((), Option<u32>, usize)> = indices.iter().map(|&i| ((), None, i)).collect();
                let items: Vec<String> = (0..n).map(|i| format!("item {i}")).collect();
                let want: Vec<String> = indices.iter().map(|&i| items[i].clone()).collect();
                assert_eq!(permuted(items, &order), want, "{indices:?}");
            }
        }
    }

    fn messages(text: &str) -> Vec<String> {
        match check(text) {
            Ok(c) => c.warnings.iter().map(|p| format!("warning {p}")).collect(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    const GOOD_EVENT: &str = r#"{"id": "a", "date": "2007-05-28", "headline": "A"}"#;

    fn story(events: &str) -> String {
        format!(r#"{{"title": "T", "events": [{events}]}}"#)
    }

    #[test]
    fn bad_data_table() {
        let cases: &[(String, &[&str])] = &[
            ("[]".into(), &["(the whole file): expected an object ({ ... }), found a list"]),
            (
                r#"{"events": []}"#.into(),
                &[
                    "(the whole file): \"title\" is missing: add it, e.g. \"title\": \"US-Iran talks in Baghdad\"",
                    "events: the story has no events: add at least one to \"events\"",
                ],
            ),
            (r#"{"title": "T"}"#.into(), &["(the whole file): \"events\" is missing: add it, e.g. \"events\": [{ \"id\": \"talks-open\", ... }]"]),
            (r#"{"title": "T", "events": {}}"#.into(), &["events: expected a list ([ ... ]), found an object"]),
            (story(r#"{"id": "a", "date": {"year": 2007, "month": 13}, "headline": "A"}"#), &["events[0].date.month: 13 is not a month (1-12)"]),
            (story(r#"{"id": "a", "date": {"year": 2007, "month": 4, "day": 31}, "headline": "A"}"#), &["events[0].date.day: 31 is not a day of April 2007 (1-30)"]),
            (story(r#"{"id": "a", "date": {"month": 4}, "headline": "A"}"#), &["events[0].date: a date needs at least a year, e.g. {\"year\": 2007}"]),
            (story(r#"{"id": "a", "date": {"year": 2007.5}, "headline": "A"}"#), &["events[0].date.year: 2007.5 is not a whole number: the year must be one"]),
            (story(r#"{"id": "a", "date": true, "headline": "A"}"#), &["events[0].date: expected a date (\"2007-05-28\" or {\"year\": 2007, ...}), found true/false"]),
            (story(r#"{"id": "a", "date": "2007-02-30", "headline": "A"}"#), &["events[0].date: 30 is not a day of February 2007 (1-28)"]),
            (story(r#"{"id": "a", "headline": "A"}"#), &["events[0]: \"date\" is missing: add it, e.g. \"date\": \"2007-05-28\""]),
            (story(r#"{"id": "a", "date": "2007", "headline": "  "}"#), &["events[0].headline: is empty: write the text, or remove the field if it is optional"]),
            (story(r#"{"id": "a", "date": "2007", "headline": 5}"#), &["events[0].headline: expected text, found a number"]),
            (
                story(&format!("{GOOD_EVENT}, {}", GOOD_EVENT.replace("05-28", "05-29"))),
                &["events[1].id: the id \"a\" is already used at events[0].id: give each one its own id"],
            ),
            (story(r#"{"id": "a b", "date": "2007", "headline": "A"}"#), &["events[0].id: \"a b\" cannot be an id: use only letters, digits, - and _ (it becomes part of a link), e.g. \"talks-open\""]),
            (
                story(r#"{"id": "a", "date": "2007-05-28", "end_date": "2007-05-01", "headline": "A"}"#),
                &["events[0].end_date: the end (May 1, 2007) is before the start (May 28, 2007): swap them or fix one"],
            ),
            (story(r#"{"id": "a", "date": "2007", "headline": "A", "source": "voa"}"#), &["events[0].source: no source has the id \"voa\": the file defines no sources"]),
            (story(r#"{"id": "a", "date": "2007", "headline": "A", "sequence": -1}"#), &["events[0].sequence: -1 is not a sequence number: use a whole number from 0 up, e.g. 1"]),
            (
                story(r#"{"id": "a", "date": "2007", "headline": "A", "statements": [{"kind": "quote", "text": "x"}]}"#),
                &["events[0].statements[0]: \"speaker\" is missing: add it, e.g. \"speaker\": \"Ryan Crocker\""],
            ),
            (
                story(r#"{"id": "a", "date": "2007", "headline": "A", "statements": [{"speaker": "S", "kind": "rumour", "text": "x"}]}"#),
                &["events[0].statements[0].kind: \"rumour\" is not a kind of statement: use \"quote\" for the speaker's exact words or \"paraphrase\" for reported speech"],
            ),
            (
                story(r#"{"id": "a", "date": "2007", "headline": "A", "statements": [{"id": "a", "speaker": "S", "kind": "quote", "text": "x"}]}"#),
                &["events[0].statements[0].id: the id \"a\" is already used at events[0].id: give each one its own id"],
            ),
            (
                story(
                    r#"{"id": "a", "date": "2007", "headline": "A", "statements": [{"id": "s", "speaker": "S", "kind": "quote", "text": "x"}]},
                       {"id": "s", "date": "2008", "headline": "B"}"#,
                ),
                &["events[1].id: the id \"s\" is already used at events[0].statements[0].id: give each one its own id"],
            ),

        ];
        for (input, want) in cases {
            assert_eq!(messages(input), *want, "for {input}");
        }
    }

    #[test]
    fn a_made_up_statement_id_keeps_clear_of_the_ids_the_file_gives() {
        let statement = r#"{"speaker": "S", "kind": "quote", "text": "x"}"#;
        let warning = "warning events[0].statements[0]: this statement has no \"id\", and the one made from its event's, \"a-1\", is used by something else in the file, so its link is #a-1-2: give the statement an \"id\" of its own";
        // The given id after the statement, and before it: the event keeps "a-1", the statement takes "a-1-2".
        for events in [
            format!(
                r#"{{"id": "a", "date": "2007", "headline": "A", "statements": [{statement}]}}, {{"id": "a-1", "date": "2008", "headline": "B"}}"#
            ),
            format!(
                r#"{{"id": "a-1", "date": "2006", "headline": "B"}}, {{"id": "a", "date": "2007", "headline": "A", "statements": [{statement}]}}"#
            ),
        ] {
            let json = crate::json::parse(&story(&events), 64).unwrap();
            let checked = validate(&json).expect("valid: the made-up id gives way");
            let statement = checked.timeline.events.iter().find(|e| e.id == "a").map(|e| e.statements[0].id.clone());
            assert_eq!(statement.as_deref(), Some("a-1-2"));
            let at = if events.starts_with(r#"{"id": "a-1""#) { "events[1]" } else { "events[0]" };
            let warnings: Vec<String> =
                checked.warnings.iter().map(|p| format!("warning {}: {}", p.path, p.kind)).collect();
            assert_eq!(warnings, [warning.replace("events[0]", at)]);
        }
        // A statement given that very id is a duplicate as before.
        let json = crate::json::parse(
            &story(r#"{"id": "a", "date": "2007", "headline": "A", "statements": [{"id": "a", "speaker": "S", "kind": "quote", "text": "x"}]}"#),
            64,
        )
        .unwrap();
        assert!(validate(&json).is_err());
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let input = story(
            r#"{"id": "a", "date": "2007-13", "headline": ""},
               {"id": "a", "date": "2007", "headline": "B", "statements": [{"speaker": "", "kind": "quote", "text": "t"}]}"#,
        );
        let got = messages(&input);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[0].starts_with("events[0].date: 13 is not a month"));
        assert!(got[1].starts_with("events[0].headline: is empty"));
        assert!(got[2].starts_with("events[1].id: the id \"a\" is already used"));
        assert!(got[3].starts_with("events[1].statements[0].speaker: is empty"));
    }

    #[test]
    fn the_same_day_warning_speaks_of_a_sequence_only_where_the_file_gives_one() {
        let input = r#"{"title": "T", "events": [
            {"id": "a", "date": "2007-05-28", "sequence": 2, "headline": "A"},
            {"id": "b", "date": "2007-05-28", "sequence": 2, "headline": "B"}]}"#;
        assert_eq!(
            messages(input),
            ["warning events[1]: has the same date and \"sequence\" (2) as events[0], so their order is a guess: give them different \"sequence\" numbers"]
        );
    }

    #[test]
    fn warnings_do_not_stop_the_story() {
        let input = r#"{"title": "T", "events": [
            {"id": "a", "date": "2007-05-28", "headlne": "A", "headline": "A"},
            {"id": "b", "date": "2007-05-28", "headline": "B"}]}"#;
        assert_eq!(
            messages(input),
            [
                "warning events[0].headlne: \"headlne\" is not a field here and is ignored: did you mean \"headline\"?",
                "warning events[1]: has the same date as events[0] and neither has a time of day or a \"sequence\", so their order is a guess: add \"sequence\" numbers in the order they happened (1, 2 …), or the time of day to both dates",
            ]
        );
    }

    #[test]
    fn a_lang_that_is_not_a_language_tag_is_warned_about_and_ignored() {
        let story = |lang: &str| {
            format!(r#"{{"title": "T", "lang": "{lang}", "events": [{{"id": "a", "date": "2007", "headline": "A"}}]}}"#)
        };
        assert_eq!(
            messages(&story("en_US")),
            ["warning lang: \"en_US\" is not a language tag, so the page's language is used: write a BCP 47 tag such as \"fa\", \"ar-IQ\" or \"en\" (here \"en-US\")"]
        );
        assert_eq!(
            messages(&story("Persian")),
            ["warning lang: \"Persian\" is not a language tag, so the page's language is used: write a BCP 47 tag such as \"fa\", \"ar-IQ\" or \"en\""]
        );
        for fine in ["fa", "ar-IQ", "zh-Hant-TW"] {
            assert!(messages(&story(fine)).is_empty(), "{fine}");
        }
        // A source's own language: kept when it is a tag, else left out with a warning that says where.
        let cited = |lang: &str| {
            format!(
                r#"{{"title": "T", "sources": [{{"id": "voa", "title": "US, Iran Affirm", "lang": "{lang}"}}],
                "events": [{{"id": "a", "date": "2007", "headline": "A", "source": "voa"}}]}}"#
            )
        };
        assert_eq!(
            messages(&cited("English")),
            ["warning sources[0].lang: \"English\" is not a language tag, so the language around it is used: write a BCP 47 tag such as \"fa\", \"ar-IQ\" or \"en\""]
        );
        let lang = |text: &str| crate::parse::read_story(text).expect("valid").timeline.sources[0].lang.clone();
        assert_eq!(lang(&cited(" en ")), Some("en".to_owned()));
        assert_eq!(lang(&cited("English")), None);
    }

    /// A direction control left open in a field is warned about where it is; a closed one, a closing one
    /// alone and the ordinary punctuation of the same first byte (’ “ — …) are not.
    #[test]
    fn a_direction_control_left_open_is_warned_about() {
        let cases: &[(&str, Option<char>)] = &[
            ("Talks open in Baghdad", None),
            ("Crocker’s “principles” — and more…", None),
            ("Talks \u{202E}open", Some('\u{202E}')),
            ("Talks \u{202E}open\u{202C} in Baghdad", None),
            ("\u{2067}رایان کراکر\u{2069} said", None),
            ("\u{2067}a \u{202B}b\u{2069} c", None),
            ("\u{2066}a \u{202C} b", Some('\u{2066}')),
            ("\u{202A}a \u{2067}b\u{202C}", Some('\u{202A}')),
            ("a\u{202C}\u{2069} b", None),
            ("\u{2068}a \u{202D}b", Some('\u{2068}')),
        ];
        for (text, want) in cases {
            assert_eq!(open_direction(text), *want, "{text:?}");
        }
        let input =
            story(r#"{"id": "a", "date": "2007-05-28", "headline": "A", "place": "Baghdad \u202e Green Zone"}"#);
        assert_eq!(
            messages(&input),
            ["warning events[0].place: has an invisible direction control, U+202E, that is never closed: the text after it shows reversed or out of order; delete it, or close it (U+202C, or U+2069 after an isolate)"]
        );
    }

    #[test]
    fn events_come_out_in_order_of_date_then_sequence() {
        let input = story(
            r#"{"id": "late", "date": "2007-05-28", "sequence": 2, "headline": "L"},
               {"id": "early", "date": "2007-05-28", "sequence": 1, "headline": "E"},
               {"id": "old", "date": "1979", "headline": "O"}"#,
        );
        let order: Vec<_> = check(&input).unwrap().timeline.events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(order, ["old", "early", "late"]);
    }

    #[test]
    fn statement_ids_are_generated_when_absent() {
        let input = story(
            r#"{"id": "a", "date": "2007", "headline": "A", "statements": [
                {"speaker": "S", "kind": "quote", "text": "x"}, {"speaker": "S", "kind": "paraphrase", "text": "y"}]}"#,
        );
        let checked = check(&input).unwrap();
        let ids: Vec<_> = checked.timeline.events[0].statements.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-2"]);
    }

    #[test]
    fn editors_notes_are_read_with_the_sources_they_rest_on() {
        let text = r#"{"title": "T", "note": "The report gives no times of day.",
            "sources": [{"id": "voa", "title": "Report"}, {"id": "oh", "title": "Record"}],
            "events": [
              {"id": "a", "date": "1979", "headline": "A", "source": "voa",
               "note": {"text": "The formal break came on April 7, 1980.", "sources": ["oh"]}},
              {"id": "b", "date": "2007", "headline": "B"}]}"#;
        let timeline = check(text).expect("valid").timeline;
        let note = |text: &str, sources: &[&str]| {
            Some(Note { text: text.to_owned(), sources: sources.iter().map(|s| (*s).to_owned()).collect() })
        };
        assert_eq!(timeline.note, note("The report gives no times of day.", &[]));
        assert_eq!(timeline.events[0].note, note("The formal break came on April 7, 1980.", &["oh"]));
        assert_eq!(timeline.events[1].note, None);
    }

    #[test]
    fn a_note_that_cites_nothing_known_or_says_nothing_is_an_error() {
        let problems = messages(&story(
            r#"{"id": "a", "date": "2007", "headline": "A", "note": {"text": " ", "sources": ["oh", 7]}},
               {"id": "b", "date": "2008", "headline": "B", "note": 12},
               {"date": "2007", "headline": "C", "note": {"txt": "x"}}"#,
        ));
        assert_eq!(
            problems,
            [
                "events[0].note.text: is empty: write the text, or remove the field if it is optional",
                "events[0].note.sources[0]: no source has the id \"oh\": the file defines no sources",
                "events[0].note.sources[1]: expected the id of a source (text), found a number",
                "events[1].note: expected text, or an object ({\"text\": ..., \"sources\": [...]}), found a number",
                "events[2]: \"id\" is missing: add it, e.g. \"id\": \"talks-open\"",
                "events[2].note.txt: \"txt\" is not a field here and is ignored: did you mean \"text\"?",
                "events[2].note: \"text\" is missing: add it, e.g. \"text\": \"The report dates this to 1979; ...\"",
            ]
        );
    }

    #[test]
    fn an_event_may_say_its_place_in_the_day_is_not_known() {
        let timeline = check(&story(
            r#"{"id": "a", "date": "2007-05-28", "sequence": 1, "sequence_known": false, "headline": "A"},
               {"id": "b", "date": "2007-05-28", "sequence": 2, "headline": "B"}"#,
        ))
        .expect("valid")
        .timeline;
        let labels: Vec<_> = timeline.events.iter().map(|e| e.order_unknown_label()).collect();
        assert_eq!(labels, [Some(Event::ORDER_UNKNOWN), None]);
        assert_eq!(
            messages(&story(r#"{"id": "a", "date": "2007", "headline": "A", "sequence_known": "no"}"#)),
            ["events[0].sequence_known: expected true or false, found text"]
        );
    }

    /// The JSON Schema editors use and the validator agree on every object's fields and required fields.
    #[test]
    fn the_json_schema_matches_the_validator() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../www/schema/newsline.schema.json")).expect("the schema is JSON");
        // The objects of the format with their required fields; every object of `FORMAT` but the date, whose
        // parts are checked below, is here.
        let objects: &[(&str, &[&str], &[&str])] = &[
            ("", TIMELINE_FIELDS, TIMELINE_REQUIRED),
            ("source", SOURCE_FIELDS, SOURCE_REQUIRED),
            ("era", ERA_FIELDS, ERA_REQUIRED),
            ("event", EVENT_FIELDS, EVENT_REQUIRED),
            ("media", MEDIA_FIELDS, MEDIA_REQUIRED),
            ("statement", STATEMENT_FIELDS, STATEMENT_REQUIRED),
            ("note", NOTE_FIELDS, NOTE_REQUIRED),
        ];
        let named: Vec<&[&str]> = objects.iter().map(|(_, fields, _)| *fields).collect();
        for (object, fields) in FORMAT.iter().filter(|(object, _)| *object != "date") {
            assert!(named.contains(fields), "{object} is not checked against the schema");
        }
        for (name, fields, required) in objects {
            let def = if name.is_empty() { &schema } else { &schema["$defs"][name] };
            // A note is text or an object: the object's fields are those of its second form.
            let def = if *name == "note" { &def["oneOf"][1] } else { def };
            let mut props: Vec<&str> = def["properties"].as_object().unwrap().keys().map(String::as_str).collect();
            let mut want: Vec<&str> = fields.to_vec();
            props.sort();
            want.sort();
            assert_eq!(props, want, "properties of {name:?}");
            let mut req: Vec<&str> = def["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let mut want: Vec<&str> = required.to_vec();
            req.sort();
            want.sort();
            assert_eq!(req, want, "required fields of {name:?}");
            assert_eq!(def["additionalProperties"], serde_json::Value::Bool(false), "{name:?} is closed");
        }
        let date = &schema["$defs"]["date"]["oneOf"][2]["properties"];
        let mut parts: Vec<&str> = date.as_object().unwrap().keys().map(String::as_str).collect();
        parts.sort();
        let mut want = DATE_FIELDS.to_vec();
        want.sort();
        assert_eq!(parts, want);
    }

    /// Each required field, left out of an otherwise valid file, is reported as missing.
    #[test]
    fn required_fields_are_required() {
        let full = r#"{"title": "T", "sources": [{"id": "s", "title": "S"}],
            "eras": [{"label": "E", "start": "2007", "end": "2008"}],
            "events": [{"id": "a", "date": "2007", "headline": "A", "source": "s",
              "media": {"url": "a.jpg", "alt": "A"},
              "statements": [{"speaker": "S", "kind": "quote", "text": "x"}]}]}"#;
        assert!(check(full).is_ok());
        let cases: &[(&str, &[&str])] = &[
            ("", TIMELINE_REQUIRED),
            ("sources", SOURCE_REQUIRED),
            ("eras", ERA_REQUIRED),
            ("events", EVENT_REQUIRED),
            ("media", MEDIA_REQUIRED),
            ("statements", STATEMENT_REQUIRED),
        ];
        for (object, required) in cases {
            for field in *required {
                let mut json: serde_json::Value = serde_json::from_str(full).unwrap();
                let target = match *object {
                    "" => &mut json,
                    "media" => &mut json["events"][0]["media"],
                    "statements" => &mut json["events"][0]["statements"][0],
                    list => &mut json[list][0],
                };
                target.as_object_mut().unwrap().remove(*field);
                assert!(check(&json.to_string()).is_err(), "{object}.{field} left out still passes");
            }
        }
    }

    #[test]
    fn media_needs_alt_text_and_a_safe_url() {
        let with = |media: &str| {
            messages(&story(&format!(r#"{{"id": "a", "date": "2007", "headline": "A", "media": {media}}}"#)))
        };
        assert_eq!(
            with(r#"{"url": "a.jpg"}"#),
            ["events[0].media: the image has no \"alt\" text: describe what it shows for readers who cannot see it, e.g. \"alt\": \"Ambassador Crocker at the news conference\""]
        );
        assert_eq!(
            with(r#"{"url": "javascript:alert(1)", "alt": "x"}"#),
            ["warning events[0].media.url: the address \"javascript:alert(1)\" was dropped: only http, https, mailto and relative links are kept"]
        );
        let body = messages(&story(r#"{"id": "a", "date": "2007", "headline": "A", "body": "[x](vbscript:y)"}"#));
        assert_eq!(body, ["warning events[0].body: the address \"vbscript:y\" was dropped: only http, https, mailto and relative links are kept"]);
    }

    #[test]
    fn every_kind_of_media_is_read_with_a_name_that_suits_it() {
        use crate::media::{MediaKind, Service};
        let input = story(
            r#"{"id": "img", "date": "2007-01", "headline": "An image", "media": {"url": "//upload.wikimedia.org/a/b.jpg", "alt": "A lectern"}},
               {"id": "vid", "date": "2007-02", "headline": "A video file", "media": {"url": "clips/talks.mp4", "caption": "The talks open"}},
               {"id": "aud", "date": "2007-03", "headline": "An interview", "media": {"url": "https://example.org/stream?id=4", "kind": "audio"}},
               {"id": "yt", "date": "2007-04", "headline": "A YouTube video", "media": {"url": "https://youtu.be/abcDEF12345?t=30", "alt": "Video: the news conference"}},
               {"id": "map", "date": "2007-05", "headline": "Where", "media": {"url": "https://www.google.com/maps/@33.3,44.4,12z"}},
               {"id": "wiki", "date": "2007-06", "headline": "Background", "media": {"url": "https://en.wikipedia.org/wiki/Green_Zone"}},
               {"id": "tweet", "date": "2007-07", "headline": "A post", "media": {"url": "<blockquote class='twitter-tweet'><p>Talks <b>today</b>.</p><a href='https://twitter.com/voa/status/123456'>May 28</a></blockquote>"}},
               {"id": "said", "date": "2007-08", "headline": "Words", "media": {"kind": "quote", "text": "We agreed."}},
               {"id": "as-link", "date": "2007-09", "headline": "As a link", "media": {"url": "https://vimeo.com/123", "kind": "link"}},
               {"id": "no-player", "date": "2007-10", "headline": "No player", "media": {"url": "https://example.org/page", "kind": "embed"}}"#,
        );
        let checked = check(&input).expect("valid");
        let media = |id: &str| {
            let t = &checked.timeline;
            t.events[t.position(id).unwrap()].media.clone().unwrap()
        };
        let seen = |id: &str| {
            let m = media(id);
            (m.kind, m.url, m.alt)
        };
        let s = |t: &str| t.to_owned();
        assert_eq!(seen("img"), (MediaKind::Image, s("https://upload.wikimedia.org/a/b.jpg"), s("A lectern")));
        assert_eq!(seen("vid"), (MediaKind::Video, s("clips/talks.mp4"), s("The talks open")), "named by its caption");
        assert_eq!(seen("aud"), (MediaKind::Audio, s("https://example.org/stream?id=4"), s("An interview")));
        assert_eq!(
            seen("yt"),
            (
                MediaKind::Embed(Service::YouTube),
                s("https://youtu.be/abcDEF12345?t=30"),
                s("Video: the news conference")
            )
        );
        assert_eq!(
            seen("map"),
            (MediaKind::Embed(Service::GoogleMaps), s("https://www.google.com/maps/@33.3,44.4,12z"), s("Where"))
        );
        assert_eq!(
            seen("wiki"),
            (MediaKind::Link, s("https://en.wikipedia.org/wiki/Green_Zone"), s("")),
            "a link needs no name"
        );
        assert_eq!(seen("tweet"), (MediaKind::Quote, s("https://twitter.com/voa/status/123456"), s("")));
        assert_eq!(media("tweet").quote.as_deref(), Some("Talks today.\n\nMay 28"));
        assert_eq!(seen("said"), (MediaKind::Quote, s(""), s("")));
        assert_eq!(media("said").quote.as_deref(), Some("We agreed."));
        assert_eq!(seen("as-link").0, MediaKind::Link);
        assert_eq!(seen("no-player").0, MediaKind::Link);
        let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "events[2].media: the audio file has no \"alt\" or caption naming it for screen readers, so \"An interview\" names it: add \"alt\" saying what it is, e.g. \"alt\": \"Video: the ambassadors' news conference\"",
                "events[4].media: the map has no \"alt\" or caption naming it for screen readers, so \"Where\" names it: add \"alt\" saying what it is, e.g. \"alt\": \"Video: the ambassadors' news conference\"",
                "events[9].media.url: Newsline makes no player for this address, so it is shown as a link: give the address of the video, post or map itself (such as https://www.youtube.com/watch?v=…), or \"kind\": \"link\"",
            ]
        );
    }

    #[test]
    fn bad_media_kinds_and_empty_embed_code_are_errors_with_their_paths() {
        let with = |media: &str| {
            messages(&story(&format!(r#"{{"id": "a", "date": "2007", "headline": "A", "media": {media}}}"#)))
        };
        assert_eq!(
            with(r#"{"url": "a.mp4", "kind": "film"}"#),
            ["events[0].media.kind: \"film\" is not a kind of media: use one of image, video, audio, embed, link, quote, or leave \"kind\" out to have it read from the address"]
        );
        assert_eq!(
            with(r#"{"url": "<script>alert(1)</script>"}"#),
            ["events[0].media.url: this embed code has no text and no link to show (Newsline never runs embed code): paste the post's address instead"]
        );
        assert_eq!(
            with(r#"{"caption": "C"}"#),
            ["events[0].media: \"url\" is missing: add it, e.g. \"url\": \"images/crocker.jpg\""]
        );
        // An image whose kind is given still needs alt text; a quote whose link is unsafe keeps its words.
        assert_eq!(
            with(r#"{"url": "https://example.org/photo", "kind": "image"}"#),
            ["events[0].media: the image has no \"alt\" text: describe what it shows for readers who cannot see it, e.g. \"alt\": \"Ambassador Crocker at the news conference\""]
        );
        assert_eq!(
            with(r#"{"url": "<blockquote cite='javascript:x'>Words</blockquote>"}"#),
            ["warning events[0].media.url: the address \"javascript:x\" was dropped: only http, https, mailto and relative links are kept"]
        );
    }

    #[test]
    fn the_story_may_have_media_of_its_own() {
        let text = r#"{"title": "Talks", "media": {"url": "https://www.youtube.com/watch?v=abcDEF12345"},
            "events": [{"id": "a", "date": "2007", "headline": "A"}]}"#;
        let checked = check(text).expect("valid");
        let media = checked.timeline.media.expect("the story's media");
        assert_eq!(
            (media.kind, media.alt.as_str()),
            (crate::media::MediaKind::Embed(crate::media::Service::YouTube), "Talks")
        );
        let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        assert!(warnings[0].starts_with("media: the video player has no \"alt\" or caption"), "{warnings:?}");
    }

    #[test]
    fn eras_are_checked_and_sorted() {
        let input = r#"{"title": "T", "events": [{"id": "a", "date": "2007", "headline": "A"}],
            "eras": [{"label": "Late", "start": "2000", "end": "2010"}, {"label": "Early", "start": "1979", "end": "1981"}]}"#;
        let labels: Vec<_> = check(input).unwrap().timeline.eras.iter().map(|e| e.label.clone()).collect();
        assert_eq!(labels, ["Early", "Late"]);
        let bad = r#"{"title": "T", "events": [{"id": "a", "date": "2007", "headline": "A"}],
            "eras": [{"label": "X", "start": "2010", "end": "2000"}]}"#;
        assert_eq!(messages(bad), ["eras[0].end: the end (2000) is before the start (2010): swap them or fix one"]);
    }

    #[test]
    fn limits_on_events_and_text_are_enforced_and_configurable() {
        let tight = Limits { max_events: 2, max_text: 10, ..Limits::default() };
        let three = story(&format!(
            "{GOOD_EVENT}, {}, {}",
            GOOD_EVENT.replace("\"a\"", "\"b\""),
            GOOD_EVENT.replace("\"a\"", "\"c\"")
        ));
        let json = crate::json::parse(&three, 64).unwrap();
        assert!(validate(&json).is_ok());
        let problems: Vec<String> = validate_with(&json, &tight).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(problems, ["events: 3 events is more than this timeline accepts (2 at most): shorten it, or split the story; an embedder can raise the limit"]);
        let long = story(r#"{"id": "a", "date": "2007", "headline": "A headline of more than ten characters"}"#);
        let json = crate::json::parse(&long, 64).unwrap();
        let problems: Vec<String> = validate_with(&json, &tight).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(problems, ["events[0].headline: 38 characters is more than this timeline accepts (10 at most): shorten it, or split the story; an embedder can raise the limit"]);
    }

    /// A story of `n` events, event `i` with the JSON members `extra(i)` added.
    fn events(n: usize, extra: impl Fn(usize) -> String) -> String {
        (0..n)
            .map(|i| format!(r#"{{"id": "e{i}", "date": "2007", "headline": "E"{}}}"#, extra(i)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// `n` sources, `s0` to `s{n-1}`.
    fn sources(n: usize) -> String {
        (0..n).map(|i| format!(r#"{{"id": "s{i}", "title": "S"}}"#)).collect::<Vec<_>>().join(",")
    }

    #[test]
    fn long_ids_are_cut_in_every_message_however_often_they_are_named() {
        // Three sources with ids of 100,000 characters and 200,000 empty references to unknown ones in a
        // note: each reference copied 300 KB of ids (a file of 1 MB took 11 s natively).
        let long = |c: char| c.to_string().repeat(100_000);
        let refs = vec![r#""""#; 200_000].join(",");
        let text = format!(
            r#"{{"title": "T", "sources": [{{"id": "{}", "title": "A"}}, {{"id": "{}", "title": "B"}}, {{"id": "{}", "title": "C"}}],
               "note": {{"text": "N", "sources": [{refs}]}},
               "events": [{{"id": "{}", "date": "2007", "headline": "H", "statements": [{{"speaker": "S", "kind": "{}", "text": "x"}}]}}]}}"#,
            long('a'),
            long('b'),
            long('c'),
            long('d') + "!",
            long('e'),
        );
        let start = std::time::Instant::now();
        let json = crate::json::parse(&text, 64).expect("JSON");
        let problems = validate_with(&json, &Limits { max_text: 200_000, ..Limits::default() }).unwrap_err();
        let took = start.elapsed();
        let longest = problems.iter().map(|p| p.to_string().len()).max().unwrap_or(0);
        assert!(longest < 1_000, "a message of {longest} bytes");
        // About 1 s in a debug build; the copying took minutes.
        // Room for a machine under load: the bound catches the copying, not speed.
        assert!(took.as_secs_f64() < 30.0, "checked in {took:?}");
        assert_eq!(error_count(&problems), 200_002, "every reference, the bad id and the bad kind are counted");
    }

    #[test]
    fn many_references_to_unknown_sources_make_a_short_list_of_short_messages() {
        // 1,000 sources and 5,000 events citing one that is not there: each message used to copy every id,
        // 5,000,000 copies, and the list held all 5,000.
        let text = format!(
            r#"{{"title": "T", "sources": [{}], "events": [{}]}}"#,
            sources(1_000),
            events(5_000, |i| format!(r#", "source": "nope{i}", "sequence": {i}"#))
        );
        let start = std::time::Instant::now();
        let problems = check(&text).unwrap_err();
        let took = start.elapsed();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[0].to_string(),
            "events[0].source: no source has the id \"nope0\": known ids include s0, s1, s2 (and 997 more)"
        );
        assert_eq!(error_count(&problems), 5_000);
        assert_eq!(
            problems[MAX_PROBLEMS].to_string(),
            "and 4,900 more errors, not listed: fix the ones above, then check again"
        );
        let bytes: usize = problems.iter().map(|p| p.to_string().len()).sum();
        assert!(bytes < 20_000, "{bytes} bytes of messages");
        assert!(took.as_secs_f64() < 2.0, "checked in {took:?}");
        // All the ids are named when there are few.
        let few = format!(
            r#"{{"title": "T", "sources": [{}], "events": [{}]}}"#,
            sources(2),
            events(1, |_| r#", "source": "x""#.into())
        );
        assert_eq!(messages(&few), ["events[0].source: no source has the id \"x\": known ids are s0, s1"]);
    }

    #[test]
    fn a_repeated_unknown_field_warns_once_and_many_warn_in_a_capped_list() {
        let repeated = (0..100_000).map(|_| r#""colour": 1"#).collect::<Vec<_>>().join(",");
        let text = story(&format!(r#"{{"id": "a", "date": "2007", "headline": "A", {repeated}}}"#));
        assert_eq!(messages(&text), ["warning events[0].colour: \"colour\" is not a field here and is ignored"]);
        let distinct = (0..100_000).map(|i| format!(r#""x{i}": 1"#)).collect::<Vec<_>>().join(",");
        let text = story(&format!(r#"{{"id": "a", "date": "2007", "headline": "A", {distinct}}}"#));
        let warnings = check(&text).expect("warnings only").warnings;
        assert_eq!(warnings.len(), MAX_PROBLEMS + 1);
        assert_eq!(warning_count(&warnings), 100_000);
        assert_eq!(
            warnings[MAX_PROBLEMS].to_string(),
            "and 99,900 more warnings, not listed: fix the ones above, then check again"
        );
        // A field name of a megabyte is not compared with every known one, nor copied whole into its message.
        let long = "k".repeat(1 << 20);
        let got = messages(&story(&format!(r#"{{"id": "a", "date": "2007", "headline": "A", "{long}": 1}}"#)));
        assert!(
            got[0].len() < (1 << 20) + 200 && got[0].ends_with("…\" is not a field here and is ignored"),
            "{}",
            &got[0][..80]
        );
    }

    #[test]
    fn errors_are_listed_before_warnings_when_there_are_too_many() {
        // 150 warnings (unknown fields) first in the file, then 30 errors (empty headlines).
        let text = story(&events(180, |i| match i {
            0..150 => format!(r#", "x": {i}, "sequence": {i}"#),
            _ => format!(r#", "headline": "", "sequence": {i}"#),
        }));
        let problems = check(&text).unwrap_err();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(problems.iter().filter(|p| p.severity == Severity::Error).count(), 30, "every error listed");
        assert_eq!((error_count(&problems), warning_count(&problems)), (30, 150));
        let more = &problems[MAX_PROBLEMS];
        assert_eq!(
            (more.severity, more.to_string().as_str()),
            (Severity::Warning, "and 80 more warnings, not listed: fix the ones above, then check again")
        );
        // Listed in file order.
        assert!(problems[..MAX_PROBLEMS].windows(2).all(|w| w[0].path.text() != w[1].path.text()));
    }

    #[test]
    fn the_count_of_the_rest_says_what_it_counts() {
        let problem = |severity| Problem { path: Path::root().key("events"), kind: ProblemKind::NoEvents, severity };
        let mut all = Problems::default();
        all.extend((0..MAX_PROBLEMS + 5).map(|_| problem(Severity::Error)));
        all.extend((0..3).map(|_| problem(Severity::Warning)));
        let list = all.into_vec();
        assert_eq!(list.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            list[MAX_PROBLEMS].to_string(),
            "and 8 more problems (5 errors, 3 warnings), not listed: fix the ones above, then check again"
        );
        assert_eq!((error_count(&list), warning_count(&list)), (MAX_PROBLEMS + 5, 3));
        // Capping a capped list again changes nothing.
        assert_eq!(capped(list.clone()), list);
        let one = capped((0..MAX_PROBLEMS + 1).map(|_| problem(Severity::Warning)));
        assert_eq!(
            one[MAX_PROBLEMS].to_string(),
            "and 1 more warning, not listed: fix the ones above, then check again"
        );
    }

    #[test]
    fn long_lists_have_limits_that_say_what_to_do() {
        let eras = (0..MAX_ERAS + 1)
            .map(|_| r#"{"label": "E", "start": "2000", "end": "2001"}"#)
            .collect::<Vec<_>>()
            .join(",");
        let statements = (0..MAX_STATEMENTS + 1)
            .map(|_| r#"{"speaker": "S", "kind": "quote", "text": "x"}"#)
            .collect::<Vec<_>>()
            .join(",");
        let text = format!(
            r#"{{"title": "T", "sources": [{}], "eras": [{eras}], "events": [{{"id": "a", "date": "2007", "headline": "A", "statements": [{statements}]}}]}}"#,
            sources(MAX_SOURCES + 1)
        );
        assert_eq!(
            messages(&text),
            [
                "sources: 1,001 sources are more than a timeline shows (1,000 at most): keep those the events cite, or split the story",
                "eras: 201 eras are more than a timeline shows (200 at most): merge neighbouring eras, or leave out those the story does not need",
                "events[0].statements: 201 statements in one event are more than a timeline shows (200 at most): keep those that matter most, or give some to other events",
            ]
        );
    }

    #[test]
    fn groups_past_the_lanes_are_named_once() {
        let text = story(&events(40, |i| format!(r#", "group": "g{}", "sequence": {i}"#, i % 20)));
        assert_eq!(
            messages(&text),
            ["warning events[12].group: the story has 20 groups, and only the first 12 get lanes of their own: the events of this group and of later ones are drawn in the lane \"Other\"; use fewer groups, or leave \"group\" out where a lane is not needed"]
        );
    }

    #[test]
    fn source_links_are_checked_like_other_links() {
        let text = r#"{"title": "T", "sources": [
            {"id": "a", "title": "A", "url": "\\/evil.example/"},
            {"id": "b", "title": "B", "url": "javascript:alert(1)"},
            {"id": "c", "title": "C", "url": " https://example.org/report "}],
            "events": [{"id": "e", "date": "2007", "headline": "E", "source": "c"}]}"#;
        let checked = check(text).expect("warnings only");
        let urls: Vec<_> = checked.timeline.sources.iter().map(|s| s.url.as_deref()).collect();
        assert_eq!(urls, [None, None, Some("https://example.org/report")]);
        let warnings: Vec<_> = checked.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "sources[0].url: the address \"\\/evil.example/\" was dropped: only http, https, mailto and relative links are kept",
                "sources[1].url: the address \"javascript:alert(1)\" was dropped: only http, https, mailto and relative links are kept",
            ]
        );
    }

    #[test]
    fn a_note_cites_each_source_once() {
        let cites = (0..10_000).map(|i| format!("\"s{}\"", i % 3)).collect::<Vec<_>>().join(",");
        let text = format!(
            r#"{{"title": "T", "sources": [{}], "events": [{{"id": "a", "date": "2007", "headline": "A", "note": {{"text": "N", "sources": [{cites}]}}}}]}}"#,
            sources(3)
        );
        let note = check(&text).expect("valid").timeline.events[0].note.clone().expect("a note");
        assert_eq!(note.sources, ["s0", "s1", "s2"]);
    }

    #[test]
    fn deep_or_odd_input_never_panics() {
        for input in [
            "null",
            "1",
            "\"x\"",
            "{\"title\": [], \"events\": [null, 1, [], {}]}",
            "{\"events\": [{\"date\": {\"year\": 1e300}}]}",
        ] {
            assert!(check(input).is_err(), "{input} should not validate");
        }
    }
}
