//! Writing a checked timeline back out as Newsline JSON, and reading the spreadsheet (CSV) format.
//!
//! CSV is TimelineJS's Google Sheets template as a newsroom exports it (a BOM, CRLF, quoted fields with
//! commas and line breaks). Each row becomes a TimelineJS event, so CSV goes through the same import and
//! the same validator as the JSON formats; problems are reported by row and column (`row 7 (Month): …`).
//! CSV is read by the CLI, on the host; the widget reads the JSON formats.

use crate::date::{DateSpec, Precision};
use crate::json::{Json, Key};
use crate::model::{Media, Note, Timeline};
use crate::text::Rich;

fn obj(members: Vec<(&'static str, Json)>) -> Json {
    Json::Obj(members.into_iter().map(|(k, v)| (Key::Borrowed(k), v)).collect())
}

fn s(text: &str) -> Json {
    Json::Str(text.to_owned())
}

/// A date in its shortest written form ("1979", "2007-05-28").
fn date(d: &DateSpec) -> Json {
    match d.precision {
        Precision::Year if d.year > 0 => Json::Num(d.year as f64),
        _ => Json::Str(d.iso()),
    }
}

/// Body text that reads back the same: plain paragraphs when no character could be taken for markup,
/// else the HTML subset.
fn body(rich: &Rich) -> Json {
    let markup = ['*', '_', '[', '<', '&', '\n'];
    let simple = rich
        .blocks
        .iter()
        .all(|b| b.0.iter().all(|i| matches!(i, crate::text::Inline::Text(t) if !t.contains(markup))));
    if simple {
        s(&rich.plain())
    } else {
        s(&rich.to_html())
    }
}

/// A note in its shortest written form: text alone when it cites no source.
fn note(n: &Note) -> Json {
    if n.sources.is_empty() {
        return s(&n.text);
    }
    obj(vec![("text", s(&n.text)), ("sources", Json::Arr(n.sources.iter().map(|id| s(id)).collect()))])
}

/// A media object: its kind written only where the address alone would be read as another, `alt` only when
/// there is one, a quote's words as `text`.
pub(crate) fn media_json(media: &Media) -> Json {
    let mut m = Vec::new();
    if !media.url.is_empty() {
        m.push(("url", s(&media.url)));
    }
    if crate::media::recognise(&media.url).kind != media.kind {
        m.push(("kind", s(media.kind.as_str())));
    }
    if !media.alt.is_empty() {
        m.push(("alt", s(&media.alt)));
    }
    for (key, value) in [("caption", &media.caption), ("credit", &media.credit), ("text", &media.quote)] {
        if let Some(v) = value {
            m.push((key, s(v)));
        }
    }
    obj(m)
}

/// The timeline as Newsline JSON.
pub fn to_newsline(t: &Timeline) -> Json {
    let mut root = vec![("title", s(&t.title))];
    if let Some(lang) = &t.lang {
        root.push(("lang", s(lang)));
    }
    if let Some(summary) = &t.summary {
        root.push(("summary", s(summary)));
    }
    if let Some(media) = &t.media {
        root.push(("media", media_json(media)));
    }
    if let Some(n) = &t.note {
        root.push(("note", note(n)));
    }
    if !t.sources.is_empty() {
        let sources = t
            .sources
            .iter()
            .map(|src| {
                let mut m = vec![("id", s(&src.id)), ("title", s(&src.title))];
                for (key, value) in [
                    ("publisher", &src.publisher),
                    ("author", &src.author),
                    ("dateline", &src.dateline),
                    ("lang", &src.lang),
                ] {
                    if let Some(v) = value {
                        m.push((key, s(v)));
                    }
                }
                if let Some(d) = &src.date {
                    m.push(("date", date(d)));
                }
                if let Some(u) = &src.url {
                    m.push(("url", s(u)));
                }
                obj(m)
            })
            .collect();
        root.push(("sources", Json::Arr(sources)));
    }
    if !t.eras.is_empty() {
        let eras = t
            .eras
            .iter()
            .map(|e| obj(vec![("label", s(&e.label)), ("start", date(&e.start)), ("end", date(&e.end))]))
            .collect();
        root.push(("eras", Json::Arr(eras)));
    }
    let events = t
        .events
        .iter()
        .map(|e| {
            let mut m = vec![("id", s(&e.id)), ("date", date(&e.date))];
            if let Some(end) = &e.end_date {
                m.push(("end_date", date(end)));
            }
            if let Some(d) = &e.display_date {
                m.push(("display_date", s(d)));
            }
            if let Some(seq) = e.sequence {
                m.push(("sequence", Json::Num(f64::from(seq))));
            }
            if !e.sequence_known {
                m.push(("sequence_known", Json::Bool(false)));
            }
            m.push(("headline", s(&e.headline)));
            if !e.body.blocks.is_empty() {
                m.push(("body", body(&e.body)));
            }
            if let Some(media) = &e.media {
                m.push(("media", media_json(media)));
            }
            if let Some(accent) = &e.accent {
                m.push(("accent", s(accent)));
            }
            for (key, value) in
                [("place", &e.place), ("group", &e.group), ("source", &e.source), ("excerpt", &e.excerpt)]
            {
                if let Some(v) = value {
                    m.push((key, s(v)));
                }
            }
            if let Some(n) = &e.note {
                m.push(("note", note(n)));
            }
            if !e.statements.is_empty() {
                let statements = e
                    .statements
                    .iter()
                    .map(|st| {
                        let mut sm = vec![("id", s(&st.id)), ("speaker", s(&st.speaker))];
                        if let Some(r) = &st.role {
                            sm.push(("role", s(r)));
                        }
                        sm.push(("kind", s(st.kind.as_str())));
                        sm.push(("text", s(&st.text)));
                        for (key, value) in [("summary", &st.summary), ("context", &st.context)] {
                            if let Some(v) = value {
                                sm.push((key, s(v)));
                            }
                        }
                        if st.translated {
                            sm.push(("translated", Json::Bool(true)));
                        }
                        obj(sm)
                    })
                    .collect();
                m.push(("statements", Json::Arr(statements)));
            }
            obj(m)
        })
        .collect();
    root.push(("events", Json::Arr(events)));
    obj(root)
}

#[cfg(not(target_arch = "wasm32"))]
pub use csv_format::{read_csv, read_csv_with, to_csv};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read_story;

    #[test]
    fn newsline_json_reads_back_to_the_same_timeline() {
        let original = crate::story::default_story().timeline;
        let text = to_newsline(&original).to_text(true);
        assert_eq!(read_story(&text).unwrap().timeline, original);
        let sample = read_story(include_str!("../tests/fixtures/timelinejs-sample.json")).unwrap().timeline;
        let text = to_newsline(&sample).to_text(false);
        assert_eq!(read_story(&text).unwrap().timeline, sample);
        // A translation, whose sources say their own language.
        let persian = read_story(include_str!("../www/data/baghdad-talks-2007.fa.json")).unwrap().timeline;
        assert!(persian.sources.iter().any(|s| s.lang.is_some()));
        let text = to_newsline(&persian).to_text(true);
        assert_eq!(read_story(&text).unwrap().timeline, persian);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod csv_format {
    use crate::json::{Json, Key, Path};
    use crate::limits::Limits;
    use crate::parse::check_spreadsheet_with;
    use crate::problem::{capped, Problem, ProblemKind, Problems, Severity};
    use crate::validate::{map_problems, Checked};

    /// The template's columns, as TimelineJS names them.
    const COLUMNS: &[&str] = &[
        "Year",
        "Month",
        "Day",
        "Time",
        "End Year",
        "End Month",
        "End Day",
        "End Time",
        "Display Date",
        "Headline",
        "Text",
        "Media",
        "Media Credit",
        "Media Caption",
        "Media Thumbnail",
        "Alt Text",
        "Type",
        "Group",
        "Background",
    ];

    fn syntax(message: String, line: Option<u64>) -> Vec<Problem> {
        let at = line.map(|l| (l as usize, 1));
        vec![Problem { path: Path::root(), kind: ProblemKind::Syntax { message, at }, severity: Severity::Error }]
    }

    /// Splits a Time cell ("14:05", "2:05 PM", "14:05:30", "14") into hour, minute and second cells, the
    /// minute and second only when the cell gives them: "2 PM" is known to the hour, not to the minute.
    fn time(cell: &str) -> Option<(String, Option<String>, Option<String>)> {
        let t = cell.trim().to_ascii_lowercase();
        if t.is_empty() {
            return None;
        }
        let (clock, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
            (Some(c), _) => (c.trim(), Some(true)),
            (_, Some(c)) => (c.trim(), Some(false)),
            _ => (t.as_str(), None),
        };
        let mut parts = clock.split(':');
        let mut hour: i64 = parts.next()?.trim().parse().ok()?;
        let minute = parts.next().map(|m| m.trim().parse::<i64>().ok()).map_or(Some(None), |m| m.map(Some))?;
        let second = parts.next().map(|m| m.trim().parse::<i64>().ok()).map_or(Some(None), |m| m.map(Some))?;
        match pm {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        Some((hour.to_string(), minute.map(|m| m.to_string()), second.map(|s| s.to_string())))
    }

    /// The column a TimelineJS path comes from.
    fn column(tail: &str) -> Option<&'static str> {
        let (date, part) = match tail.split_once('.') {
            Some((d, p)) if d == "start_date" || d == "end_date" => (d, p),
            _ => ("", tail),
        };
        let end = date == "end_date";
        Some(match (date, part) {
            ("start_date" | "end_date", "year") => {
                if end {
                    "End Year"
                } else {
                    "Year"
                }
            }
            ("start_date" | "end_date", "month") => {
                if end {
                    "End Month"
                } else {
                    "Month"
                }
            }
            ("start_date" | "end_date", "day") => {
                if end {
                    "End Day"
                } else {
                    "Day"
                }
            }
            ("start_date" | "end_date", _) => {
                if end {
                    "End Time"
                } else {
                    "Time"
                }
            }
            (_, "start_date") => "Year",
            (_, "end_date") => "End Year",
            (_, "display_date") => "Display Date",
            (_, "text.headline") => "Headline",
            (_, "text.text") => "Text",
            (_, "media" | "media.url") => "Media",
            (_, "media.credit") => "Media Credit",
            (_, "media.caption") => "Media Caption",
            (_, "media.alt") => "Alt Text",
            (_, "group") => "Group",
            (_, "background" | "background.color") => "Background",
            _ => return None,
        })
    }

    /// `events[3].start_date.month` → `row 5 (Month)`, given the spreadsheet row of each event.
    fn row_path(path: &Path, lines: &[u64], title_line: Option<u64>, era_lines: &[u64]) -> Path {
        let text = path.text();
        let text = text.as_str();
        let (list, lines) = if text.starts_with("events[") {
            ("events[", lines)
        } else if text.starts_with("eras[") {
            ("eras[", era_lines)
        } else if text.starts_with("title") {
            return Path::raw(match title_line {
                Some(l) => format!("row {l} (Headline)"),
                None => "(no title row: add a row of Type \"title\")".to_owned(),
            });
        } else {
            return path.clone();
        };
        let Some(close) = text.find(']') else { return path.clone() };
        let Some(line) = text[list.len()..close].parse::<usize>().ok().and_then(|i| lines.get(i)) else {
            return path.clone();
        };
        let tail = text[close + 1..].trim_start_matches('.');
        match column(tail) {
            Some(col) => Path::raw(format!("row {line} ({col})")),
            None => Path::raw(format!("row {line}")),
        }
    }

    /// Reads a CSV in TimelineJS's spreadsheet-template columns and checks it.
    pub fn read_csv(text: &str) -> Result<Checked, Vec<Problem>> {
        read_csv_with(text, &Limits::default())
    }

    /// [`read_csv`] under given limits: a file over the size limit is refused before it is read, and each
    /// cell is checked against the text limit before its HTML is read.
    ///
    /// Linear in the file whatever its shape: each row looks its cells up in a table made once from the
    /// header (a header of many columns used to be searched for every cell of every row), and a column
    /// name that is not the template's is warned about once, however often the header repeats it.
    pub fn read_csv_with(text: &str, limits: &Limits) -> Result<Checked, Vec<Problem>> {
        if text.len() > limits.max_bytes {
            let (size, max) = (text.len(), limits.max_bytes);
            return Err(vec![Problem {
                path: Path::root(),
                kind: ProblemKind::TooLarge { what: "bytes", size, max },
                severity: Severity::Error,
            }]);
        }
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return Err(syntax("the file is empty".to_owned(), None));
        }
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| syntax(e.to_string(), Some(1)))?.clone();
        let mut warnings = Problems::default();
        let mut unknown = std::collections::HashSet::new();
        let index: Vec<Option<&'static str>> = headers
            .iter()
            .map(|h| {
                let found = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(h.trim())).copied();
                if found.is_none() && !h.trim().is_empty() && unknown.insert(h.trim()) {
                    warnings.push(Problem {
                        path: Path::raw(format!("row 1 ({})", h.trim())),
                        kind: ProblemKind::NotShown(format!(
                            "the column \"{}\" is not one of TimelineJS's and is ignored",
                            h.trim()
                        )),
                        severity: Severity::Warning,
                    });
                }
                found
            })
            .collect();
        // Where each of the template's columns is (the first of that name), found once for all the rows.
        let at: Vec<Option<usize>> = COLUMNS.iter().map(|c| index.iter().position(|i| *i == Some(*c))).collect();
        let warnings = warnings.into_vec();
        if !index.contains(&Some("Year")) || !index.contains(&Some("Headline")) {
            return Err(syntax(
                format!("the first row must name the columns, with at least Year and Headline: {}", COLUMNS.join(", ")),
                Some(1),
            ));
        }
        let (mut events, mut eras, mut lines, mut era_lines) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut title, mut title_line) = (None, None);
        for (n, record) in reader.records().enumerate() {
            let record = record.map_err(|e| syntax(e.to_string(), e.position().map(|p| p.line())))?;
            // The row as the spreadsheet numbers it (the header is row 1), whatever line breaks the cells hold.
            let line = n as u64 + 2;
            let cell = |name: &str| -> String {
                COLUMNS
                    .iter()
                    .position(|c| *c == name)
                    .and_then(|c| at[c])
                    .and_then(|i| record.get(i))
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default()
            };
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let date = |prefix: &str| -> Option<Json> {
                let year = cell(&format!("{prefix}Year"));
                if year.is_empty() {
                    return None;
                }
                let mut m = vec![(Key::Borrowed("year"), Json::Str(year))];
                for part in ["Month", "Day"] {
                    let v = cell(&format!("{prefix}{part}"));
                    if !v.is_empty() {
                        m.push((crate::json::key_of(&part.to_lowercase()), Json::Str(v)));
                    }
                }
                let raw_time = cell(&format!("{prefix}Time"));
                match time(&raw_time) {
                    Some((h, mi, se)) => {
                        m.push((Key::Borrowed("hour"), Json::Str(h)));
                        for (key, part) in [("minute", mi), ("second", se)] {
                            if let Some(v) = part {
                                m.push((Key::Borrowed(key), Json::Str(v)));
                            }
                        }
                    }
                    None if !raw_time.is_empty() => m.push((Key::Borrowed("hour"), Json::Str(raw_time))),
                    None => {}
                }
                Some(Json::Obj(m))
            };
            let text_obj = Json::Obj(vec![
                (Key::Borrowed("headline"), Json::Str(cell("Headline"))),
                (Key::Borrowed("text"), Json::Str(cell("Text"))),
            ]);
            let mut m: Vec<(Key, Json)> = Vec::new();
            if let Some(d) = date("") {
                m.push((Key::Borrowed("start_date"), d));
            }
            if let Some(d) = date("End ") {
                m.push((Key::Borrowed("end_date"), d));
            }
            m.push((Key::Borrowed("text"), text_obj));
            // The title row's media is the title slide's.
            let media = cell("Media");
            if !media.is_empty() {
                let mut mm = vec![(Key::Borrowed("url"), Json::Str(media))];
                for (key, col) in [("credit", "Media Credit"), ("caption", "Media Caption"), ("alt", "Alt Text")] {
                    let v = cell(col);
                    if !v.is_empty() {
                        mm.push((crate::json::key_of(key), Json::Str(v)));
                    }
                }
                m.push((Key::Borrowed("media"), Json::Obj(mm)));
            }
            match cell("Type").to_ascii_lowercase().as_str() {
                "title" => {
                    title = Some(Json::Obj(m));
                    title_line = Some(line);
                    continue;
                }
                "era" => {
                    eras.push(Json::Obj(m));
                    era_lines.push(line);
                    continue;
                }
                _ => {}
            }
            for (key, col) in [("display_date", "Display Date"), ("group", "Group")] {
                let v = cell(col);
                if !v.is_empty() {
                    m.push((crate::json::key_of(key), Json::Str(v)));
                }
            }
            let background = cell("Background");
            if !background.is_empty() {
                m.push((Key::Borrowed("background"), Json::Obj(vec![(Key::Borrowed("color"), Json::Str(background))])));
            }
            events.push(Json::Obj(m));
            lines.push(line);
        }
        let mut root = vec![(Key::Borrowed("events"), Json::Arr(events))];
        if let Some(t) = title {
            root.push((Key::Borrowed("title"), t));
        } else {
            // A title object marks the tree as TimelineJS; the import warns that it is missing.
            root.push((Key::Borrowed("title"), Json::Obj(Vec::new())));
        }
        if !eras.is_empty() {
            root.push((Key::Borrowed("eras"), Json::Arr(eras)));
        }
        let remap = |problems: Vec<Problem>| -> Vec<Problem> {
            let rows = problems.into_iter().map(|p| match p.kind {
                ProblemKind::More { .. } => p,
                _ => Problem { path: row_path(&p.path, &lines, title_line, &era_lines), ..p },
            });
            capped(warnings.iter().cloned().chain(rows))
        };
        map_problems(check_spreadsheet_with(Json::Obj(root), limits), remap)
    }

    /// The text of a cell from a value of the TimelineJS export: text as it is, a number as written.
    fn cell_text(json: Option<&Json>) -> String {
        match json {
            Some(Json::Str(s)) => s.clone(),
            Some(Json::Num(n)) => crate::json::number_text(*n),
            _ => String::new(),
        }
    }

    /// The Year, Month, Day and Time cells of a TimelineJS date object; Time as `14` (to the hour) or
    /// `14:05`, which [`read_csv`] reads back to the same precision.
    fn date_cells(date: Option<&Json>) -> [String; 4] {
        let part = |name: &str| cell_text(date.and_then(|d| d.get(name)));
        let (hour, minute) = (part("hour"), part("minute"));
        let time = match (hour.is_empty(), minute.is_empty()) {
            (true, _) => String::new(),
            (false, true) => hour,
            (false, false) => format!("{hour}:{minute:0>2}"),
        };
        [part("year"), part("month"), part("day"), time]
    }

    /// The timeline in TimelineJS's spreadsheet template, as CSV: a header of every column of the template
    /// ([`COLUMNS`], Alt Text included), a title row, a row for each event and each era. The cells hold
    /// what TimelineJS JSON would ([`crate::timelinejs::export`]: an editor's note as the text's last
    /// paragraph), and [`read_csv`] reads them back to the same events. With the warnings for what the
    /// template has no column for: statements, places, sources, same-day order, and the events' ids (a
    /// sheet's events get ids made from their headlines when it is read).
    pub fn to_csv(timeline: &crate::model::Timeline) -> (String, Vec<String>) {
        let (json, mut warnings) = crate::timelinejs::export(timeline);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let row = |cells: &[(&str, String)]| -> Vec<String> {
            COLUMNS
                .iter()
                .map(|c| cells.iter().find(|(name, _)| name == c).map(|(_, v)| v.clone()).unwrap_or_default())
                .collect()
        };
        let text = |slide: &Json, name: &str| cell_text(slide.get("text").and_then(|t| t.get(name)));
        // A slide's media columns (the title row's are the story's media).
        let media = |slide: &Json| -> [(&'static str, String); 4] {
            let of = |name: &str| cell_text(slide.get("media").and_then(|m| m.get(name)));
            [
                ("Media", of("url")),
                ("Media Credit", of("credit")),
                ("Media Caption", of("caption")),
                ("Alt Text", of("alt")),
            ]
        };
        if let Some(title) = json.get("title") {
            let mut cells = vec![
                ("Headline", text(title, "headline")),
                ("Text", text(title, "text")),
                ("Type", "title".to_owned()),
            ];
            cells.extend(media(title));
            rows.push(row(&cells));
        }
        let dated = |slide: &Json| -> Vec<(&'static str, String)> {
            let [y, m, d, t] = date_cells(slide.get("start_date"));
            let [ey, em, ed, et] = date_cells(slide.get("end_date"));
            vec![
                ("Year", y),
                ("Month", m),
                ("Day", d),
                ("Time", t),
                ("End Year", ey),
                ("End Month", em),
                ("End Day", ed),
                ("End Time", et),
                ("Headline", text(slide, "headline")),
            ]
        };
        if let Some(Json::Arr(events)) = json.get("events") {
            for e in events {
                let mut cells = dated(e);
                cells.extend([
                    ("Display Date", cell_text(e.get("display_date"))),
                    ("Text", text(e, "text")),
                    ("Group", cell_text(e.get("group"))),
                ]);
                cells.extend(media(e));
                cells.push(("Background", cell_text(e.get("background").and_then(|b| b.get("color")))));
                rows.push(row(&cells));
            }
        }
        if let Some(Json::Arr(eras)) = json.get("eras") {
            for era in eras {
                let mut cells = dated(era);
                cells.push(("Type", "era".to_owned()));
                rows.push(row(&cells));
            }
        }
        let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        // Writing to memory cannot fail; a row that did would be left out rather than stop the export.
        let _ = out.write_record(COLUMNS);
        for r in &rows {
            let _ = out.write_record(r);
        }
        let bytes = out.into_inner().unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let ids_change = match read_csv(&text) {
            Ok(back) => back.timeline.events.iter().zip(&timeline.events).filter(|(b, e)| b.id != e.id).count(),
            Err(_) => 0,
        };
        if ids_change > 0 {
            warnings.push(format!(
                "{ids_change} event ids are not kept: the spreadsheet has no id column, so each event's link (#id) is made from its headline when the sheet is read"
            ));
        }
        (text, warnings)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";

        #[test]
        fn a_spreadsheet_export_with_bom_crlf_and_quoted_fields_reads() {
            let csv = format!(
                "\u{feff}{HEADER}\r\n,,,,,,,,,\"Talks in Baghdad\",\"The day, in order\",,,,,title,,\r\n2007,5,28,2:30 PM,,,,,,\"Talks open, at last\",\"Line one\nline two\",https://example.org/a.jpg,Photo: VOA,\"Maliki, opening\",,,Talks,\r\n1979,,,,,,,,,Ties broken,,,,,,,,#000\r\n1979,,,,2007,5,28,,,Estrangement,,,,,,era,,\r\n"
            );
            let checked = read_csv(&csv).expect("reads");
            let t = &checked.timeline;
            assert_eq!(t.title, "Talks in Baghdad");
            assert_eq!(t.summary.as_deref(), Some("The day, in order"));
            assert_eq!(t.events.len(), 2);
            assert_eq!(t.events[0].headline, "Ties broken");
            let talks = &t.events[1];
            assert_eq!(talks.headline, "Talks open, at last");
            assert_eq!(talks.date.label(), "May 28, 2007, 2:30 PM");
            assert_eq!(talks.body.plain(), "Line one line two");
            assert_eq!(talks.group.as_deref(), Some("Talks"));
            let media = talks.media.as_ref().unwrap();
            assert_eq!((media.alt.as_str(), media.credit.as_deref()), ("Maliki, opening", Some("Photo: VOA")));
            assert_eq!(t.eras[0].label, "Estrangement");
            let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
            assert!(
                warnings.contains(
                    &"row 4 (Background): the colour #000 stands out from the card by only 1.1:1 in the light or the dark theme (WCAG AA asks 3:1), so the event keeps Newsline's colours: choose a mid-tone such as #d0021b or #1a7f37".to_owned()
                ),
                "{warnings:?}"
            );
        }

        #[test]
        fn the_alt_text_column_is_read_and_a_missing_one_is_asked_for_in_the_sheets_terms() {
            let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background";
            let csv = format!(
                "{header}\n,,,,,,,,,T,,,,,,,title,,\n2007,5,28,,,,,,,Talks,,a.jpg,,Opening,,Maliki at a lectern,,,\n2007,5,29,,,,,,,Next day,,b.jpg,,Closing,,,,,\n1979,,,,2007,,,,,,,,,,,,era,,\n"
            );
            let checked = read_csv(&csv).expect("reads");
            let media = checked.timeline.events[0].media.as_ref().unwrap();
            assert_eq!(media.alt, "Maliki at a lectern");
            let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
            assert_eq!(
                warnings,
                [
                    "row 4 (Alt Text): the image has no alt text; \"Closing\" is used: fill the Alt Text column, describing the image",
                    "row 5 (Headline): the era has no headline; \"Era 1\" is shown: fill its Headline cell",
                ]
            );
        }

        #[test]
        fn a_time_without_minutes_is_known_to_the_hour() {
            let csv = format!(
                "{HEADER}\n,,,,,,,,,T,,,,,,title,,\n2007,5,28,2 PM,,,,,,A,,,,,,,,\n2007,5,28,14:05,,,,,,B,,,,,,,,\n"
            );
            let t = read_csv(&csv).expect("reads").timeline;
            let labels: Vec<String> = t.events.iter().map(|e| e.date.label()).collect();
            assert_eq!(labels, ["May 28, 2007, 2 PM", "May 28, 2007, 2:05 PM"]);
        }

        /// What a spreadsheet holds of an event: everything but its id, its statements, its place and its
        /// sources, which the template has no columns for.
        fn sheet_view(t: &crate::model::Timeline) -> Vec<String> {
            t.events
                .iter()
                .map(|e| {
                    format!(
                        "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        e.date, e.end_date, e.display_date, e.headline, e.body, e.group, e.media
                    )
                })
                .collect()
        }

        #[test]
        fn a_story_written_as_a_spreadsheet_reads_back_to_the_same_events() {
            let mut story = crate::story::default_story().timeline;
            // Notes become the text's last paragraph in TimelineJS's formats (see the TimelineJS export).
            story.note = None;
            story.events.iter_mut().for_each(|e| e.note = None);
            let sample =
                crate::parse::read_story(include_str!("../tests/fixtures/timelinejs-sample.json")).unwrap().timeline;
            let hours = crate::parse::read_story(
                r#"{"title": "Hours", "eras": [{"label": "Night", "start": "-0500", "end": "2007-05-28T06"}],
                    "events": [{"id": "a", "date": "2007-05-28T14", "end_date": "2007-05-28T15:30", "headline": "A, \"quoted\"",
                    "body": "One *two*\n\nthree", "media": {"url": "a.jpg", "alt": "An image, of \"it\"", "credit": "C"}}]}"#,
            )
            .unwrap()
            .timeline;
            for original in [story, sample, hours] {
                let (csv, _) = to_csv(&original);
                assert!(csv.starts_with(&format!("{}\r\n", COLUMNS.join(","))), "{csv}");
                let back = read_csv(&csv).unwrap_or_else(|p| panic!("{p:?}\n{csv}")).timeline;
                assert_eq!(back.title, original.title);
                assert_eq!(back.summary, original.summary);
                assert_eq!(back.eras, original.eras);
                assert_eq!(sheet_view(&back), sheet_view(&original));
            }
        }

        #[test]
        fn writing_a_spreadsheet_says_what_it_leaves_out() {
            let (_, warnings) = to_csv(&crate::story::default_story().timeline);
            assert!(warnings.iter().any(|w| w.starts_with("18 statements are left out")), "{warnings:?}");
            assert!(warnings.iter().any(|w| w.starts_with("8 event ids are not kept")), "{warnings:?}");
        }

        #[test]
        fn problems_name_the_row_and_column() {
            let csv = format!("{HEADER}\n,,,,,,,,,T,,,,,,title,,\n2007,13,1,,,,,,,Bad month,,,,,,,,\n2007,5,28,25:00,,,,,,Bad time,,,,,,,,\n,,,,,,,,,No year,,,,,,,,\n");
            let problems: Vec<String> = read_csv(&csv).unwrap_err().iter().map(ToString::to_string).collect();
            assert_eq!(
                problems,
                [
                    "row 3 (Month): 13 is not a month (1-12)",
                    "row 4 (Time): 25 is not an hour (0-23)",
                    "row 5: \"start_date\" is missing: add it, e.g. \"start_date\": {\"year\": 2007}",
                ]
            );
        }

        #[test]
        fn a_wide_sheet_reads_in_linear_time_and_names_each_unknown_column_once() {
            // 40,000 columns no template has (each twice) and 4,000 rows: every cell of every row used to search
            // the whole header, some 3,000,000,000 steps.
            let extra: Vec<String> = (0..80_000).map(|i| format!("X{}", i % 40_000)).collect();
            let mut csv = format!("Year,Headline,{}\n", extra.join(","));
            for i in 0..4_000 {
                csv.push_str(&format!("{},Row {i}\n", 1900 + i % 100));
            }
            let start = std::time::Instant::now();
            let checked = read_csv(&csv).expect("reads, with warnings");
            let took = start.elapsed();
            assert_eq!(checked.timeline.events.len(), 4_000);
            let w = &checked.warnings;
            assert_eq!(w.len(), crate::problem::MAX_PROBLEMS + 1);
            assert_eq!(w[0].to_string(), "row 1 (X0): the column \"X0\" is not one of TimelineJS's and is ignored");
            assert_eq!(crate::problem::warning_count(w), 40_000);
            // A bound that catches a quadratic read (minutes), with room for a machine under load: not a speed target.
            assert!(took.as_secs_f64() < 10.0, "read in {took:?}");
        }

        #[test]
        fn cells_over_the_text_limit_are_refused_before_they_are_read() {
            let long = "[".repeat(200_000);
            let csv = format!("Year,Headline,Text\n2007,{long},{long}\n");
            let start = std::time::Instant::now();
            let problems: Vec<String> = read_csv(&csv).unwrap_err().iter().map(ToString::to_string).collect();
            assert!(start.elapsed().as_secs_f64() < 2.0);
            let over = "200,000 characters is more than this timeline accepts (100,000 at most)";
            assert_eq!(
                problems,
                [
                    format!(
                        "row 2 (Headline): {over}: shorten it, or split the story; an embedder can raise the limit"
                    ),
                    format!("row 2 (Text): {over}: shorten it, or split the story; an embedder can raise the limit")
                ]
            );
            let small = crate::limits::Limits { max_bytes: 100, ..Default::default() };
            let e = read_csv_with(&csv, &small).unwrap_err();
            assert!(e[0].to_string().ends_with("bytes is more than this timeline accepts (100 at most): shorten it, or split the story; an embedder can raise the limit"), "{}", e[0]);
        }

        #[test]
        fn files_that_are_not_the_template_say_so() {
            assert!(read_csv("").is_err());
            let e = read_csv("Name,Date\nx,y\n").unwrap_err();
            assert!(e[0].to_string().contains("the first row must name the columns, with at least Year and Headline"));
        }
    }
}
