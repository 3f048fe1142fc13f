//! TimelineJS3 JSON: recognised, converted to Newsline's format, and written back.
//!
//! Import maps a TimelineJS file onto a Newsline-shaped [`Json`] tree, which then goes through the one
//! validator like any story; the validator's paths are mapped back ([`timelinejs_path`]) so an editor reads
//! `events[3].start_date.month`, the field as it stands in their file. Every kind of media TimelineJS reads is
//! carried, the title slide's too ([`crate::media`]); what Newsline does not show (backgrounds, seconds) is
//! listed in warnings, never silently lost.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::date::DateSpec;
use crate::json::{Json, Key, Path};
use crate::limits::Limits;
use crate::model::Timeline;
use crate::problem::{Problem, ProblemKind, Problems, Severity};
use crate::text;

/// Whether `json` looks like a TimelineJS file rather than a Newsline one: a title slide object, or
/// events with `start_date` or a `text` object.
pub fn is_timelinejs(json: &Json) -> bool {
    if matches!(json.get("title"), Some(Json::Obj(_))) {
        return true;
    }
    match json.get("events") {
        Some(Json::Arr(events)) => {
            events.iter().any(|e| e.get("start_date").is_some() || matches!(e.get("text"), Some(Json::Obj(_))))
        }
        _ => false,
    }
}

/// A TimelineJS file as a Newsline-shaped tree, with what the conversion could not carry over.
pub struct Imported {
    pub json: Json,
    pub warnings: Vec<Problem>,
}

fn obj(members: Vec<(&'static str, Json)>) -> Json {
    Json::Obj(members.into_iter().map(|(k, v)| (Key::Borrowed(k), v)).collect())
}

/// A text field, trimmed (a number is taken as its text); borrowed from the file where it can be.
fn str_of(json: Option<&Json>) -> Option<Cow<'_, str>> {
    match json {
        Some(Json::Str(s)) => Some(s.trim()).filter(|t| !t.is_empty()).map(Cow::Borrowed),
        Some(Json::Num(n)) => Some(Cow::Owned(crate::json::number_text(*n))),
        _ => None,
    }
}

/// [`str_of`] for a value taken out of the file's tree: its text is moved, not copied, unless blanks are
/// trimmed off.
fn owned_str(json: Option<Json>) -> Option<String> {
    match json {
        Some(Json::Str(s)) => {
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.len() == s.len() {
                Some(s)
            } else {
                Some(t.to_owned())
            }
        }
        Some(Json::Num(n)) => Some(crate::json::number_text(n)),
        _ => None,
    }
}

/// Takes the member `key` out of an object's members (the last one, as [`Json::get`] reads it), leaving
/// null in its place.
fn take(members: &mut [(Key, Json)], key: &str) -> Option<Json> {
    let (_, value) = members.iter_mut().rev().find(|(k, _)| crate::json::same_name(k, key))?;
    Some(std::mem::replace(value, Json::Null))
}

/// Whether `text` is longer than `max` characters. Such a text is not parsed by the import: it goes on as
/// it is, and the validator refuses it at its path before reading it (a headline of 100,000 `[` would
/// otherwise be parsed in full first).
fn too_long(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// `text` cut to 80 characters for a message, with "…" where it was cut.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Plain text of a TimelineJS HTML string (headlines, captions); a text over `max` characters as it is.
fn plain(html: &str, max: usize) -> String {
    if too_long(html, max) {
        return html.to_owned();
    }
    // Runs of white space become one space; text with none to fold is taken as it is.
    let words = |t: &str| {
        if is_folded(t) {
            t.to_owned()
        } else {
            t.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    };
    if text::is_plain(html) {
        return words(html);
    }
    words(&text::parse(html).plain())
}

/// [`plain`] of a string the caller owns: moved through when it is already plain text with folded spaces
/// (most headlines).
fn plain_owned(html: String, max: usize) -> String {
    if too_long(&html, max) || text::is_plain(&html) && is_folded(&html) {
        html
    } else {
        plain(&html, max)
    }
}

/// Whether `t` is words of no white space, one space apart (ASCII text is checked byte by byte).
fn is_folded(t: &str) -> bool {
    if !t.is_ascii() {
        return t.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
    }
    let mut space = true; // no space first
    for &b in t.as_bytes() {
        if matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') || (b == b' ' && space) {
            return false;
        }
        space = b == b' ';
    }
    !space // nor last, and not empty
}

/// A slug for an id: lower-case letters and digits joined by `-`, at most 48 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The events' ids so far, for making up new ones: a map (a list made a file of 10,000 events without ids
/// take seconds) from each id to the next number to try after it when it is a base (0 until it is one), so
/// that many events with one headline do not try every number before theirs. A file whose events all have
/// usable ids never needs the map: it is filled from the events converted so far the first time an id is made
/// up. One map rather than a set and a map: each kind of hash table is code of its own in the widget.
#[derive(Default)]
struct Ids {
    used: Option<HashMap<String, usize>>,
}

impl Ids {
    /// Notes that an event has `id` (once ids are being made up).
    fn note(&mut self, id: &str) {
        if let Some(used) = &mut self.used {
            used.entry(id.to_owned()).or_insert(0);
        }
    }

    /// `base`, or the first of `base-2`, `base-3` ... that no event has; `before` are the events converted
    /// so far.
    fn unused(&mut self, base: String, before: &[Json]) -> String {
        let used = self.used.get_or_insert_with(|| {
            before
                .iter()
                .filter_map(|e| match e.get("id") {
                    Some(Json::Str(id)) => Some((id.clone(), 0)),
                    _ => None,
                })
                .collect()
        });
        let Some(next) = used.get(&base) else { return base };
        let mut n = (*next).max(2);
        let mut id = format!("{base}-{n}");
        while used.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        used.insert(base, n + 1);
        id
    }
}

/// The file a TimelineJS tree was read from, so that a warning names what the editor can change in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// TimelineJS JSON: warnings name its fields (`media.alt`, `text.headline`).
    Json,
    /// TimelineJS's spreadsheet template, exported as CSV: warnings name its columns and rows.
    Spreadsheet,
}

struct Importer {
    /// Capped as a check's problems are ([`crate::problem::MAX_PROBLEMS`]).
    warnings: Problems,
    /// The longest text read, in characters ([`Limits::max_text`]).
    max_text: usize,
    flavor: Flavor,
}

impl Importer {
    fn warn(&mut self, path: Path, what: String) {
        self.warnings.push(Problem { path, kind: ProblemKind::NotShown(what), severity: Severity::Warning });
    }

    /// A TimelineJS date object as a Newsline date object; `display_date` comes back separately. The
    /// object's members are moved, not copied.
    fn date(&mut self, json: Json, path: &dyn Fn() -> Path) -> (Json, Option<String>) {
        for key in ["second", "millisecond"] {
            let set = match json.get(key) {
                Some(Json::Num(n)) => *n != 0.0,
                Some(Json::Str(s)) => crate::json::number(s.trim()).is_some_and(|n| n != 0.0),
                _ => false,
            };
            if set {
                self.warn(path().key(key), format!("the {key}s are not shown: Newsline shows dates to the minute"));
            }
        }
        let Json::Obj(mut members) = json else { return (json, None) };
        let display = owned_str(take(&mut members, "display_date"));
        let parts = ["year", "month", "day", "hour", "minute"].map(|key| {
            take(&mut members, key)
                .filter(|v| match v {
                    Json::Null => false,
                    Json::Str(s) => !s.trim().is_empty(),
                    _ => true,
                })
                .map(|v| (Key::Borrowed(key), v))
        });
        members.clear();
        members.extend(parts.into_iter().flatten());
        (Json::Obj(members), display)
    }

    /// A media object as Newsline's: every kind TimelineJS reads is carried (the validator recognises it from
    /// the address, [`crate::media::recognise`]). An image without alt text gets its caption or `headline`,
    /// with a warning; a player without one is named by TimelineJS's `title`, else left to the validator
    /// (which names it by its caption).
    fn media(&mut self, json: &Json, path: &Path, headline: &str) -> Option<Json> {
        let url = str_of(json.get("url"))?.into_owned();
        let image = crate::media::recognise(&url).kind == crate::media::MediaKind::Image;
        let caption = str_of(json.get("caption")).map(|c| plain(&c, self.max_text)).filter(|c| !c.is_empty());
        let credit = str_of(json.get("credit")).map(|c| plain(&c, self.max_text)).filter(|c| !c.is_empty());
        let alt = match str_of(json.get("alt")) {
            Some(alt) => Some(alt.into_owned()),
            None if !image => str_of(json.get("title")).map(|t| plain(&t, self.max_text)).filter(|t| !t.is_empty()),
            None => {
                let fallback = caption.clone().unwrap_or_else(|| headline.to_owned());
                let (at, fix) = match self.flavor {
                    Flavor::Json => (path.clone(), "add media.alt describing the image"),
                    Flavor::Spreadsheet => (path.key("alt"), "fill the Alt Text column, describing the image"),
                };
                self.warn(at, format!("the image has no alt text; \"{}\" is used: {fix}", shown(&fallback)));
                Some(fallback)
            }
        };
        let mut members = vec![("url", Json::Str(url))];
        if let Some(a) = alt {
            members.push(("alt", Json::Str(a)));
        }
        if let Some(c) = caption {
            members.push(("caption", Json::Str(c)));
        }
        if let Some(c) = credit {
            members.push(("credit", Json::Str(c)));
        }
        Some(obj(members))
    }

    /// One event, converted in place: its text and its objects are moved into the Newsline event, not
    /// copied. `before` are the events converted so far.
    fn event(&mut self, json: Json, events: &Path, index: usize, ids: &mut Ids, before: &[Json]) -> Json {
        // Where the event is, for warnings: written out only when there is one.
        let path = || events.index(index);
        let Json::Obj(mut members) = json else { return json };
        let (headline_html, body) = match take(&mut members, "text") {
            Some(Json::Obj(mut text)) => (owned_str(take(&mut text, "headline")), owned_str(take(&mut text, "text"))),
            _ => (None, None),
        };
        let media = take(&mut members, "media");
        let max = self.max_text;
        let mut headline = headline_html.map(|h| plain_owned(h, max)).filter(|h| !h.is_empty());
        if headline.is_none() {
            // A text too long to read is refused by the validator where it stands; it gives no headline.
            let fallback = body
                .as_deref()
                .filter(|b| !too_long(b, max))
                .map(|b| plain(b, max))
                .map(|b| b.chars().take(80).collect::<String>())
                .filter(|b| !b.is_empty())
                .or_else(|| {
                    let caption = media.as_ref().and_then(|m| str_of(m.get("caption")));
                    caption.filter(|c| !too_long(c, max)).map(|c| plain(&c, max))
                })
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| format!("Event {}", index + 1));
            self.warn(
                path().key("text").key("headline"),
                format!("no headline; \"{}\" is used: add one", shown(&fallback)),
            );
            headline = Some(fallback);
        }
        let headline = headline.unwrap_or_default();
        let id = match owned_str(take(&mut members, "unique_id")) {
            Some(id) if id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') => id,
            given => {
                let base = given.as_deref().map(slug).filter(|s| !s.is_empty()).unwrap_or_else(|| slug(&headline));
                let base = if base.is_empty() { format!("event-{}", index + 1) } else { base };
                ids.unused(base, before)
            }
        };
        ids.note(&id);
        let mut display = owned_str(take(&mut members, "display_date"));
        let start = take(&mut members, "start_date");
        let end = take(&mut members, "end_date").filter(|e| *e != Json::Null);
        let group = owned_str(take(&mut members, "group"));
        // A colour may become the event's accent (the validator keeps it only with contrast: crate::accent);
        // an image is not shown.
        let background = take(&mut members, "background").filter(|b| *b != Json::Null);
        let color = background.as_ref().and_then(|b| owned_str(b.get("color").cloned()));
        let (accent, image) = match color {
            Some(c) if c.starts_with('#') => {
                (Some(c), background.as_ref().is_some_and(|b| str_of(b.get("url")).is_some()))
            }
            Some(_) => (None, true),
            None => (None, background.is_some()),
        };
        // The event's own list of members takes the converted ones.
        members.clear();
        members.push((Key::Borrowed("id"), Json::Str(id)));
        if let Some(start) = start {
            let (date, shown) = self.date(start, &|| path().key("start_date"));
            members.push((Key::Borrowed("date"), date));
            display = display.or(shown);
        }
        if let Some(end) = end {
            let (date, _) = self.date(end, &|| path().key("end_date"));
            members.push((Key::Borrowed("end_date"), date));
        }
        if let Some(d) = display {
            members.push((Key::Borrowed("display_date"), Json::Str(d)));
        }
        let media = media.and_then(|m| self.media(&m, &path().key("media"), &headline));
        members.push((Key::Borrowed("headline"), Json::Str(headline)));
        if let Some(b) = body {
            members.push((Key::Borrowed("body"), Json::Str(b)));
        }
        if let Some(m) = media {
            members.push((Key::Borrowed("media"), m));
        }
        if let Some(g) = group {
            members.push((Key::Borrowed("group"), Json::Str(g)));
        }
        if let Some(a) = accent {
            members.push((Key::Borrowed("accent"), Json::Str(a)));
        }
        if image {
            self.warn(
                path().key("background"),
                "the background image is not shown: Newsline keeps its own colours".to_owned(),
            );
        }
        Json::Obj(members)
    }
}

/// Converts a TimelineJS file to a Newsline-shaped tree for [`crate::validate::validate`]. The file's tree
/// is taken apart as it goes: its texts move into the new one rather than being copied.
pub fn import(json: Json) -> Imported {
    import_with(json, &Limits::default())
}

/// [`import`] under given limits: the HTML of headlines, captions and credits is read only when it is
/// within [`Limits::max_text`]; a longer text goes on as it is, for the validator to refuse with its path.
pub fn import_with(json: Json, limits: &Limits) -> Imported {
    import_as(json, limits, Flavor::Json)
}

/// [`import_with`] for a tree read from `flavor` of file: the warnings say what to change in that file.
pub fn import_as(mut json: Json, limits: &Limits, flavor: Flavor) -> Imported {
    let mut im = Importer { warnings: Problems::default(), max_text: limits.max_text, flavor };
    let max = limits.max_text;
    let root = Path::root();
    let mut out: Vec<(&str, Json)> = Vec::new();
    match json.get("title") {
        Some(title @ Json::Obj(_)) => {
            let text_obj = title.get("text");
            let headline = text_obj.and_then(|t| str_of(t.get("headline"))).map(|h| plain(&h, max));
            out.push(("title", Json::Str(headline.filter(|h| !h.is_empty()).unwrap_or_else(|| "Timeline".to_owned()))));
            if let Some(summary) = text_obj.and_then(|t| str_of(t.get("text"))).map(|t| plain(&t, max)) {
                out.push(("summary", Json::Str(summary)));
            }
            let headline = out.first().and_then(|(_, t)| if let Json::Str(t) = t { Some(t.clone()) } else { None });
            let media = title.get("media").filter(|m| **m != Json::Null);
            let media = media.and_then(|m| im.media(m, &root.key("title").key("media"), &headline.unwrap_or_default()));
            if let Some(m) = media {
                out.push(("media", m));
            }
        }
        _ => {
            im.warn(
                root.key("title"),
                match flavor {
                    Flavor::Json => "there is no title slide; \"Timeline\" is used: add title.text.headline",
                    Flavor::Spreadsheet => {
                        "there is no title row; \"Timeline\" is used: add a row of Type \"title\" with the story's Headline"
                    }
                }
                .to_owned(),
            );
            out.push(("title", Json::Str("Timeline".to_owned())));
        }
    }
    if let Some(Json::Str(scale)) = json.get("scale") {
        if scale == "cosmological" {
            im.warn(root.key("scale"), "the cosmological scale is not supported: years are shown as dates".to_owned());
        }
    }
    let mut ids = Ids::default();
    let events_path = root.key("events");
    let events = match &mut json {
        Json::Obj(members) => take(members, "events"),
        _ => None,
    };
    let events = match events {
        Some(Json::Arr(events)) => {
            let mut done = Vec::with_capacity(events.len());
            for (i, e) in events.into_iter().enumerate() {
                let event = im.event(e, &events_path, i, &mut ids, &done);
                done.push(event);
            }
            Json::Arr(done)
        }
        Some(other) => other,
        None => Json::Arr(Vec::new()),
    };
    out.push(("events", events));
    if let Some(Json::Arr(eras)) = json.get("eras") {
        let mut list = Vec::new();
        for (i, era) in eras.iter().enumerate() {
            let path = root.key("eras").index(i);
            let mut members: Vec<(&str, Json)> = Vec::new();
            let label = era.get("text").and_then(|t| str_of(t.get("headline"))).map(|h| plain(&h, max));
            let label = label.filter(|l| !l.is_empty()).unwrap_or_else(|| {
                let made = format!("Era {}", i + 1);
                let fix = match flavor {
                    Flavor::Json => "add text.headline",
                    Flavor::Spreadsheet => "fill its Headline cell",
                };
                im.warn(
                    path.key("text").key("headline"),
                    format!("the era has no headline; \"{made}\" is shown: {fix}"),
                );
                made
            });
            members.push(("label", Json::Str(label)));
            if let Some(s) = era.get("start_date") {
                members.push(("start", im.date(s.clone(), &|| path.key("start_date")).0));
            }
            if let Some(e) = era.get("end_date") {
                members.push(("end", im.date(e.clone(), &|| path.key("end_date")).0));
            }
            list.push(obj(members));
        }
        out.push(("eras", Json::Arr(list)));
    }
    Imported { json: obj(out), warnings: im.warnings.into_vec() }
}

/// The path in a TimelineJS file of what the validator calls `path` in the converted tree.
pub fn timelinejs_path(path: &Path) -> Path {
    let text = path.text();
    let text = text.as_str();
    let (head, rest) = match text.find(']') {
        Some(i) => (&text[..=i], text[i + 1..].trim_start_matches('.')),
        None => (text, ""),
    };
    let (first, tail) = match rest.find(['.', '[']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mapped = if head.starts_with("events[") {
        match first {
            "date" => "start_date",
            "headline" => "text.headline",
            "body" => "text.text",
            "accent" => "background.color",
            "id" => "unique_id",
            other => other,
        }
    } else if head.starts_with("eras[") {
        match first {
            "label" => "text.headline",
            "start" => "start_date",
            "end" => "end_date",
            other => other,
        }
    } else if head == "title" {
        return Path::raw("title.text.headline".to_owned());
    } else if text == "media" || text.starts_with("media.") {
        // The story's media is the title slide's.
        return Path::raw(format!("title.{text}"));
    } else {
        return path.clone();
    };
    if mapped.is_empty() {
        Path::raw(head.to_owned())
    } else {
        Path::raw(format!("{head}.{mapped}{tail}"))
    }
}

/// An editor's note as a paragraph of TimelineJS text: "Editor's note: …" with the sources it rests on.
fn note_html(note: &crate::model::Note, timeline: &Timeline) -> String {
    let mut out = format!("<p><em>Editor's note:</em> {}", text::escape(&note.text));
    if let Some(sources) = note.sources_line(timeline) {
        out.push_str(" (");
        out.push_str(&text::escape(&sources));
        out.push(')');
    }
    out.push_str("</p>");
    out
}

/// A media object as TimelineJS's, which reads the kind from the address: a quote becomes a `<blockquote>`
/// citing its link (TimelineJS shows it as a quote; Newsline reads it back as one). `kinds` counts kinds
/// given apart from the address, which are lost.
fn media_json(media: &crate::model::Media, kinds: &mut usize) -> Json {
    use crate::media::MediaKind;
    let url = match media.kind {
        MediaKind::Quote => {
            let cite =
                if media.url.is_empty() { String::new() } else { format!(" cite=\"{}\"", text::escape(&media.url)) };
            let paragraphs: String = media
                .quote
                .as_deref()
                .unwrap_or_default()
                .split("\n\n")
                .map(|p| format!("<p>{}</p>", text::escape(p)))
                .collect();
            format!("<blockquote{cite}>{paragraphs}</blockquote>")
        }
        kind => {
            *kinds += usize::from(crate::media::recognise(&media.url).kind != kind);
            media.url.clone()
        }
    };
    let mut mm = vec![("url", Json::Str(url))];
    if !media.alt.is_empty() {
        mm.push(("alt", Json::Str(media.alt.clone())));
    }
    if let Some(c) = &media.caption {
        mm.push(("caption", Json::Str(text::escape(c))));
    }
    if let Some(c) = &media.credit {
        mm.push(("credit", Json::Str(text::escape(c))));
    }
    obj(mm)
}

fn date_json(date: &DateSpec) -> Json {
    use crate::date::Precision;
    let mut members = vec![("year", Json::Num(date.written_year() as f64))];
    if date.precision >= Precision::Month {
        members.push(("month", Json::Num(f64::from(date.month))));
    }
    if date.precision >= Precision::Day {
        members.push(("day", Json::Num(f64::from(date.day))));
    }
    if date.precision >= Precision::Hour {
        members.push(("hour", Json::Num(f64::from(date.hour))));
    }
    if date.precision >= Precision::Minute {
        members.push(("minute", Json::Num(f64::from(date.minute))));
    }
    obj(members)
}

/// Writes a timeline as TimelineJS JSON, with warnings for what TimelineJS cannot hold.
pub fn export(timeline: &Timeline) -> (Json, Vec<String>) {
    let mut warnings = Vec::new();
    let mut title_text = vec![("headline", Json::Str(text::escape(&timeline.title)))];
    let mut title_html = String::new();
    if let Some(summary) = &timeline.summary {
        title_html = format!("<p>{}</p>", text::escape(summary));
    }
    if let Some(note) = &timeline.note {
        title_html.push_str(&note_html(note, timeline));
    }
    if !title_html.is_empty() {
        title_text.push(("text", Json::Str(title_html)));
    }
    let mut events = Vec::new();
    let (mut statements, mut places, mut excerpts, mut kinds) = (0, 0, 0, 0);
    for e in &timeline.events {
        let mut text_members = vec![("headline", Json::Str(text::escape(&e.headline)))];
        // TimelineJS has no notes: an editor's note becomes the text's last paragraph, marked as the desk's.
        let mut html = if e.body.blocks.is_empty() { String::new() } else { e.body.to_html() };
        if let Some(note) = &e.note {
            html.push_str(&note_html(note, timeline));
        }
        if !html.is_empty() {
            text_members.push(("text", Json::Str(html)));
        }
        let mut m = vec![("unique_id", Json::Str(e.id.clone())), ("start_date", date_json(&e.date))];
        if let Some(end) = &e.end_date {
            m.push(("end_date", date_json(end)));
        }
        if let Some(d) = &e.display_date {
            m.push(("display_date", Json::Str(d.clone())));
        }
        m.push(("text", obj(text_members)));
        if let Some(g) = &e.group {
            m.push(("group", Json::Str(g.clone())));
        }
        if let Some(a) = &e.accent {
            m.push(("background", obj(vec![("color", Json::Str(a.clone()))])));
        }
        if let Some(media) = &e.media {
            m.push(("media", media_json(media, &mut kinds)));
        }
        statements += e.statements.len();
        places += usize::from(e.place.is_some());
        excerpts += usize::from(e.excerpt.is_some() || e.source.is_some());
        events.push(obj(m));
    }
    let same_day_order = timeline.events.windows(2).any(|w| w[0].date == w[1].date && w[0].sequence.is_some());
    if statements > 0 {
        warnings.push(format!("{statements} statements are left out: TimelineJS has no statement cards"));
    }
    if places > 0 {
        warnings.push(format!("{places} places are left out: TimelineJS has no place field"));
    }
    if excerpts > 0 || !timeline.sources.is_empty() {
        warnings.push("sources and excerpts are left out: TimelineJS has no citations".to_owned());
    }
    if kinds > 0 {
        warnings.push(format!(
            "{kinds} media kinds given apart from the address are not kept: TimelineJS reads the kind from the address"
        ));
    }
    if same_day_order {
        warnings.push("the order of same-day events (sequence) is not kept: TimelineJS orders by date".to_owned());
    }
    let mut title = vec![("text", obj(title_text))];
    if let Some(media) = &timeline.media {
        title.push(("media", media_json(media, &mut kinds)));
    }
    let mut root = vec![("title", obj(title)), ("events", Json::Arr(events))];
    if !timeline.eras.is_empty() {
        let eras = timeline
            .eras
            .iter()
            .map(|era| {
                obj(vec![
                    ("start_date", date_json(&era.start)),
                    ("end_date", date_json(&era.end)),
                    ("text", obj(vec![("headline", Json::Str(text::escape(&era.label)))])),
                ])
            })
            .collect();
        root.push(("eras", Json::Arr(eras)));
    }
    (obj(root), warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Precision;
    use crate::parse::read_story;

    const SAMPLE: &str = include_str!("../tests/fixtures/timelinejs-sample.json");

    #[test]
    fn the_folded_check_agrees_with_splitting_into_words() {
        let reference = |t: &str| t.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
        let alphabet = ["a", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "é"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
        }
        for t in &texts {
            assert_eq!(is_folded(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn events_without_ids_get_ids_from_their_headlines_each_its_own() {
        let event = |headline: &str, id: Option<&str>| {
            let id = id.map(|id| format!(r#", "unique_id": "{id}""#)).unwrap_or_default();
            format!(r#"{{"start_date": {{"year": 2007}}, "text": {{"headline": "{headline}"}}{id}}}"#)
        };
        let events = [
            event("Talks", None),
            event("Talks", None),
            event("Other", Some("talks-3")),
            event("Talks", None),
            event("Talks!", None),
            event("", None),
        ];
        let text = format!(r#"{{"events": [{}]}}"#, events.join(","));
        let checked = read_story(&text).expect("imports");
        let mut ids: Vec<_> = checked.timeline.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["event-6", "talks", "talks-2", "talks-3", "talks-4", "talks-5"]);

        // Ids are made up only from the fourth event on: the ones given before it are still avoided.
        let events = [
            event("One", Some("talks")),
            event("Two", Some("talks-2")),
            event("Three", Some("three")),
            event("Talks", None),
            event("Three", None),
        ];
        let text = format!(r#"{{"events": [{}]}}"#, events.join(","));
        let checked = read_story(&text).expect("imports");
        let ids: Vec<_> = checked.timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["talks", "talks-2", "three", "talks-3", "three-2"]);
    }

    #[test]
    fn a_real_shaped_file_imports_with_everything_it_can_show() {
        let checked = read_story(SAMPLE).expect("the sample imports");
        let t = &checked.timeline;
        assert_eq!(t.title, "Whitney Houston 1963 - 2012");
        assert_eq!(t.summary.as_deref(), Some("Houston's voice caught the imagination of the world."));
        let ids: Vec<_> = t.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["an-event-with-no-headline-in-500-bce", "a-musical-heritage", "debut", "not-a-valid-id"]);
        let bce = &t.events[0];
        assert_eq!(bce.date.label(), "500 BCE");
        assert_eq!(bce.date.precision, Precision::Year);
        let first = &t.events[1];
        assert_eq!(first.date.label(), "August 9, 1963");
        assert_eq!(first.group.as_deref(), Some("Life"));
        assert_eq!(first.body.blocks.len(), 2);
        let media = first.media.as_ref().unwrap();
        assert_eq!(media.url, "https://example.org/images/newark.jpg");
        assert_eq!(media.alt, "Newark, New Jersey");
        assert_eq!(media.credit.as_deref(), Some("Photo: Example"));
        let debut = &t.events[2];
        assert_eq!(debut.end_date.unwrap().label(), "March 1986");
        assert_eq!(debut.date_label(false), "Spring 1985");
        let video = debut.media.as_ref().unwrap();
        assert_eq!(video.kind, crate::media::MediaKind::Embed(crate::media::Service::YouTube));
        assert_eq!((video.alt.as_str(), video.caption.as_deref()), ("A video", Some("A video")));
        let title = t.media.as_ref().expect("the title slide's media");
        assert_eq!((title.url.as_str(), title.alt.as_str()), ("https://example.org/images/title.jpg", "Title image"));
        let death = &t.events[3];
        assert_eq!(death.headline, "Death at the Beverly Hilton");
        assert_eq!(death.date.label(), "February 11, 2012, 3:55 PM");
        assert_eq!(death.body.plain(), "click");
        let eras: Vec<_> = t.eras.iter().map(|e| (e.label.as_str(), e.start.label(), e.end.label())).collect();
        assert_eq!(
            eras,
            [
                ("Early years", "1963".to_owned(), "1984".to_owned()),
                ("Career", "1985".to_owned(), "February 11, 2012".to_owned())
            ]
        );
    }

    #[test]
    fn what_cannot_be_shown_is_listed_in_warnings() {
        let checked = read_story(SAMPLE).unwrap();
        let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "title.media: the image has no alt text; \"Title image\" is used: add media.alt describing the image",
                "events[0].media: the image has no alt text; \"Newark, New Jersey\" is used: add media.alt describing the image",
                "events[2].text.headline: no headline; \"An event with no headline, in 500 BCE.\" is used: add one",
                "events[3].start_date.second: the seconds are not shown: Newsline shows dates to the minute",
                "events[1].background.color: the colour #1c2b3a stands out from the card by only 1.2:1 in the light or the dark theme (WCAG AA asks 3:1), so the event keeps Newsline's colours: choose a mid-tone such as #d0021b or #1a7f37",
                "events[3].text.text: the address \"javascript:alert(1)\" was dropped: only http, https, mailto and relative links are kept",
            ]
        );
    }

    #[test]
    fn errors_point_at_timelinejs_fields() {
        let bad = r#"{"title": {"text": {"headline": "T"}}, "events": [
            {"start_date": {"year": "2007"}, "text": {"headline": "fine"}},
            {"start_date": {"year": "2007", "month": "13"}, "text": {"headline": "bad month"}},
            {"text": {"headline": "no date"}},
            {"start_date": {"year": "2007"}, "end_date": {"year": "2001"}, "text": {"headline": "backwards"}}]}"#;
        let problems: Vec<String> = read_story(bad).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "events[1].start_date.month: 13 is not a month (1-12)",
                "events[2]: \"start_date\" is missing: add it, e.g. \"start_date\": {\"year\": 2007}",
                "events[3].end_date: the end (2001) is before the start (2007): swap them or fix one",
            ]
        );
    }

    #[test]
    fn newsline_to_timelinejs_and_back_keeps_what_both_hold() {
        // Notes become part of the text (the next test).
        let mut original = crate::story::default_story().timeline;
        original.note = None;
        original.events.iter_mut().for_each(|e| e.note = None);
        let (tjs, warnings) = export(&original);
        assert!(warnings.iter().any(|w| w.starts_with("18 statements are left out")), "{warnings:?}");
        let text = tjs.to_text(false);
        let back = read_story(&text).expect("the export reads back").timeline;
        assert_eq!(back.title, original.title);
        assert_eq!(back.summary, original.summary);
        assert_eq!(back.eras, original.eras);
        // TimelineJS has no sequence, so same-day events keep their order only by being written in it.
        assert_eq!(back.events.len(), original.events.len());
        for (a, b) in original.events.iter().zip(&back.events) {
            assert_eq!((&a.id, &a.date, &a.end_date, &a.display_date), (&b.id, &b.date, &b.end_date, &b.display_date));
            assert_eq!((&a.headline, &a.body, &a.group, &a.media), (&b.headline, &b.body, &b.group, &b.media));
        }
    }

    /// One event of each kind TimelineJS3 shows, in the shapes its files hold them, with a title slide's media.
    const EVERY_KIND: &str = r#"{"title": {"text": {"headline": "Kinds"}, "media": {"url": "//www.flickr.com/photos/tm_10001/2310475988/", "caption": "On stage"}},
        "events": [
          {"start_date": {"year": 2001}, "text": {"headline": "Image"}, "media": {"url": "//upload.wikimedia.org/x/Ipod_1G.png", "alt": "An iPod"}},
          {"start_date": {"year": 2002}, "text": {"headline": "Video file"}, "media": {"url": "https://uploads.knightlab.com/escalator.mp4", "caption": "Escalator"}},
          {"start_date": {"year": 2003}, "text": {"headline": "Audio file"}, "media": {"url": "https://soundcite.knightlab.com/media/bach-cello-suite.mp3", "title": "Bach, cello suite"}},
          {"start_date": {"year": 2004}, "text": {"headline": "YouTube"}, "media": {"url": "https://youtu.be/UZVEp78b0XI?t=1m54s", "caption": "A talk"}},
          {"start_date": {"year": 2005}, "text": {"headline": "Tweet"}, "media": {"url": "<blockquote class=\"twitter-tweet\"><p>Year of the dog.</p>&mdash; WeRateDogs <a href=\"https://twitter.com/dog_rates/status/947813424423538688\">January 1, 2018</a></blockquote>"}},
          {"start_date": {"year": 2006}, "text": {"headline": "Map"}, "media": {"url": "https://www.google.com/maps/@42.032147,-87.6689625,15z", "caption": "Evanston"}},
          {"start_date": {"year": 2007}, "text": {"headline": "Article"}, "media": {"url": "https://en.wikipedia.org/wiki/Mark_Twain"}},
          {"start_date": {"year": 2008}, "text": {"headline": "Quote"}, "media": {"url": "<blockquote>This is a block quote.</blockquote>", "credit": "Someone"}}
        ]}"#;

    #[test]
    fn every_kind_of_media_timelinejs_shows_is_imported() {
        use crate::media::{MediaKind, Service};
        let checked = read_story(EVERY_KIND).expect("imports");
        let t = &checked.timeline;
        let kinds: Vec<MediaKind> = t.events.iter().map(|e| e.media.as_ref().expect("media").kind).collect();
        assert_eq!(
            kinds,
            [
                MediaKind::Image,
                MediaKind::Video,
                MediaKind::Audio,
                MediaKind::Embed(Service::YouTube),
                MediaKind::Quote,
                MediaKind::Embed(Service::GoogleMaps),
                MediaKind::Link,
                MediaKind::Quote,
            ]
        );
        let title = t.media.as_ref().expect("the title slide's media");
        assert_eq!((title.kind, title.alt.as_str()), (MediaKind::Embed(Service::Flickr), "On stage"));
        assert_eq!(t.events[2].media.as_ref().unwrap().alt, "Bach, cello suite", "TimelineJS's title names a player");
        assert_eq!(t.events[0].media.as_ref().unwrap().url, "https://upload.wikimedia.org/x/Ipod_1G.png");
        let tweet = t.events[4].media.as_ref().unwrap();
        assert_eq!(tweet.url, "https://twitter.com/dog_rates/status/947813424423538688");
        assert_eq!(tweet.quote.as_deref(), Some("Year of the dog.\n\n— WeRateDogs January 1, 2018"));
        let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_background_colour_becomes_the_accent_only_with_contrast_and_goes_back() {
        let file = r##"{"title": {"text": {"headline": "T"}}, "events": [
            {"start_date": {"year": 2001}, "text": {"headline": "Red"}, "background": {"color": "#D0021B"}},
            {"start_date": {"year": 2002}, "text": {"headline": "Navy"}, "background": {"color": "#1c2b3a"}},
            {"start_date": {"year": 2003}, "text": {"headline": "Picture"}, "background": {"url": "https://example.org/b.jpg"}}]}"##;
        let checked = read_story(file).expect("imports");
        let accents: Vec<_> = checked.timeline.events.iter().map(|e| e.accent.as_deref()).collect();
        assert_eq!(accents, [Some("#d0021b"), None, None]);
        let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("events[2].background: the background image is not shown"), "{warnings:?}");
        assert!(warnings[1]
            .starts_with("events[1].background.color: the colour #1c2b3a stands out from the card by only 1.2:1"));
        let (tjs, _) = export(&checked.timeline);
        let back = read_story(&tjs.to_text(false)).expect("reads back").timeline;
        assert_eq!(back.events[0].accent.as_deref(), Some("#d0021b"));
        let newsline = crate::convert::to_newsline(&checked.timeline).to_text(false);
        assert_eq!(read_story(&newsline).expect("reads back").timeline.events[0].accent.as_deref(), Some("#d0021b"));
    }

    #[test]
    fn media_kinds_go_to_timelinejs_and_back() {
        let original = read_story(EVERY_KIND).expect("imports").timeline;
        let (tjs, warnings) = export(&original);
        assert!(!warnings.iter().any(|w| w.contains("media")), "{warnings:?}");
        let back = read_story(&tjs.to_text(false)).expect("the export reads back").timeline;
        assert_eq!(back.media, original.media);
        for (a, b) in original.events.iter().zip(&back.events) {
            assert_eq!(a.media, b.media, "{}", a.headline);
        }
        // Through Newsline's own format too, kinds given apart from the address included.
        let given = r#"{"title": "T", "events": [{"id": "a", "date": "2007", "headline": "A",
            "media": {"url": "https://example.org/stream", "kind": "video", "alt": "The talks"}}]}"#;
        let given = read_story(given).expect("valid").timeline;
        for timeline in [&original, &given] {
            let text = crate::convert::to_newsline(timeline).to_text(false);
            let again = read_story(&text).expect("reads back").timeline;
            assert_eq!(again.media, timeline.media);
            let media: Vec<_> = again.events.iter().map(|e| &e.media).collect();
            assert_eq!(media, timeline.events.iter().map(|e| &e.media).collect::<Vec<_>>());
        }
        let (_, warnings) = export(&given);
        assert!(
            warnings.iter().any(|w| w.starts_with("1 media kinds given apart from the address are not kept")),
            "{warnings:?}"
        );
    }

    #[test]
    fn editors_notes_reach_timelinejs_as_the_texts_last_paragraph() {
        let story = r#"{"title": "T", "summary": "S.", "note": "No times of day were reported.",
            "sources": [{"id": "oh", "title": "Iran", "publisher": "Office of the Historian"}],
            "events": [{"id": "a", "date": "1979", "headline": "A", "body": "What happened.",
              "note": {"text": "The formal break came on April 7, 1980.", "sources": ["oh"]}}]}"#;
        let (tjs, _) = export(&read_story(story).expect("valid").timeline);
        let text = |json: &Json| match json.get("text").and_then(|t| t.get("text")) {
            Some(Json::Str(s)) => s.clone(),
            other => panic!("no text: {other:?}"),
        };
        let Some(Json::Arr(events)) = tjs.get("events") else { panic!("no events") };
        assert_eq!(
            text(&events[0]),
            "<p>What happened.</p><p><em>Editor's note:</em> The formal break came on April 7, 1980. \
             (Source: Office of the Historian: “Iran”)</p>"
        );
        assert_eq!(
            text(tjs.get("title").expect("a title slide")),
            "<p>S.</p><p><em>Editor's note:</em> No times of day were reported.</p>"
        );
    }

    #[test]
    fn texts_over_the_limit_are_refused_before_their_html_is_read() {
        // A headline, caption and credit of 200,000 `[` each, and a title slide and era of them: read as HTML
        // before the length was checked, the headline alone took minutes.
        let long = "[".repeat(200_000);
        let text = format!(
            r#"{{"title": {{"text": {{"headline": "{long}"}}}}, "eras": [{{"start_date": {{"year": 2000}}, "end_date": {{"year": 2001}}, "text": {{"headline": "{long}"}}}}],
               "events": [{{"start_date": {{"year": 2007}}, "text": {{"headline": "{long}"}}, "media": {{"url": "a.jpg", "alt": "A", "caption": "{long}", "credit": "{long}"}}}},
                          {{"start_date": {{"year": 2008}}, "text": {{"text": "{long}"}}}}]}}"#
        );
        let start = std::time::Instant::now();
        let problems: Vec<String> = read_story(&text).unwrap_err().iter().map(ToString::to_string).collect();
        let took = start.elapsed();
        let over = "200,000 characters is more than this timeline accepts (100,000 at most)";
        for path in [
            "title.text.headline",
            "eras[0].text.headline",
            "events[0].text.headline",
            "events[0].media.caption",
            "events[0].media.credit",
            "events[1].text.text",
        ] {
            assert!(problems.iter().any(|p| p.starts_with(&format!("{path}: {over}"))), "{path} in {problems:#?}");
        }
        assert!(took.as_secs_f64() < 2.0, "read in {took:?}");
    }

    #[test]
    fn paths_map_back_to_timelinejs_fields() {
        let cases = [
            ("events[3].date.month", "events[3].start_date.month"),
            ("events[0].headline", "events[0].text.headline"),
            ("events[0].body", "events[0].text.text"),
            ("events[12].id", "events[12].unique_id"),
            ("events[2]", "events[2]"),
            ("eras[1].start", "eras[1].start_date"),
            ("eras[0].label", "eras[0].text.headline"),
            ("title", "title.text.headline"),
            ("events", "events"),
        ];
        for (newsline, tjs) in cases {
            assert_eq!(timelinejs_path(&Path::raw(newsline.to_owned())).text(), tjs);
        }
    }
}
