//! `newsline`: check story files and convert between formats, from the command line.
//!
//! ```text
//! newsline check FILE...                         every problem, with where it is and what to do
//! newsline convert FILE --to newsline|timelinejs|csv writes the other format to stdout
//! newsline render FILE [--page] [--out FILE]        the story as HTML that reads before the widget's code
//! ```
//! Files may be Newsline JSON, TimelineJS JSON (recognised by their shape) or CSV in TimelineJS's
//! spreadsheet columns (by the `.csv` ending). `check` exits 0 when every file is valid (warnings allowed),
//! 1 when one is not, 2 when one cannot be read.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;

    use newsline::convert::{read_csv_with, to_csv, to_newsline};
    use newsline::limits::Limits;
    use newsline::parse::read_story_with;
    use newsline::problem::{error_count, warning_count, Problem, ProblemKind, Severity};
    use newsline::timelinejs;
    use newsline::validate::Checked;

    const USAGE: &str = "usage:
  newsline check [LIMITS] FILE...
  newsline convert [LIMITS] FILE --to newsline|timelinejs|csv
  newsline render [LIMITS] FILE [--start ID] [--heading-level N] [--theme light|dark|auto]
                  [--lang TAG] [--dir ltr|rtl] [--calendar ID] [--numerals ID]
                  [--assets URL] [--page] [--out FILE]

FILE is Newsline JSON, TimelineJS JSON, or a CSV with TimelineJS's spreadsheet columns (ending .csv).
--to csv writes TimelineJS's spreadsheet template, every column, for Google Sheets or Excel.
render writes the story as HTML for a page: a <div data-newsline> with the whole story readable before
(and without) the widget's code, which takes it over; --page writes a whole page (the iframe mode, share
links). --assets: the URL of the folder with newsline.js and newsline.css (default: the page's own).
--lang, --dir, --calendar, --numerals: the reader's language and its writing, as the widget's data-lang,
data-dir, data-calendar and data-numerals (default: the story's lang); the widget that takes over keeps them.
LIMITS, as the widget applies them: --max-bytes N (20971520), --max-events N (100000),
--max-text N (characters in one text, 100000), --max-depth N (nesting, 64).";

    /// Takes the `--max-*` flags out of `args` into limits.
    fn limits(args: &[String]) -> Result<(Limits, Vec<String>), String> {
        let mut limits = Limits::default();
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) if n.starts_with("--max-") => (n, Some(v.to_owned())),
                _ => (a.as_str(), None),
            };
            let slot = match name {
                "--max-bytes" => &mut limits.max_bytes,
                "--max-events" => &mut limits.max_events,
                "--max-text" => &mut limits.max_text,
                "--max-depth" => &mut limits.max_depth,
                _ => {
                    rest.push(a.clone());
                    continue;
                }
            };
            let value = inline.or_else(|| it.next().cloned()).unwrap_or_default();
            *slot = value.parse().map_err(|_| format!("{name} takes a whole number, not {value:?}"))?;
        }
        Ok((limits, rest))
    }

    fn read(file: &str, limits: &Limits) -> Result<Result<Checked, Vec<Problem>>, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read the file: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{file}: not UTF-8 text (byte {}): save it as UTF-8", e.utf8_error().valid_up_to()))?;
        Ok(if file.to_ascii_lowercase().ends_with(".csv") {
            read_csv_with(&text, limits)
        } else {
            read_story_with(&text, limits)
        })
    }

    /// `file` read and checked, for a command that goes on to use it: its warnings and, when it is not valid, its
    /// problems on standard error ("not `done`: fix the errors above first"); `Err` is the exit code then.
    fn read_valid(file: &str, limits: &Limits, done: &str) -> Result<Checked, i32> {
        let checked = match read(file, limits) {
            Err(message) => {
                eprintln!("{message}");
                return Err(2);
            }
            Ok(Err(problems)) => {
                for p in &problems {
                    eprintln!("{}", line(file, p));
                }
                eprintln!("{file}: not {done}: fix the errors above first");
                return Err(1);
            }
            Ok(Ok(checked)) => checked,
        };
        for w in &checked.warnings {
            eprintln!("{}", line(file, w));
        }
        Ok(checked)
    }

    /// One problem as a line: `FILE:LINE:COL: …` for syntax errors, `FILE: path: message` otherwise, and
    /// `FILE: and 1,234 more …` for the problems past the first hundred (which are counted, not listed).
    fn line(file: &str, p: &Problem) -> String {
        let severity = if p.severity == Severity::Warning { "warning: " } else { "" };
        match &p.kind {
            ProblemKind::Syntax { at: Some((l, c)), .. } => format!("{file}:{l}:{c}: {severity}{p}"),
            ProblemKind::More { .. } => format!("{file}: {p}"),
            _ => format!("{file}: {severity}{p}"),
        }
    }

    fn plural(n: usize, word: &str) -> String {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{} {word}s", newsline::limits::grouped(n))
        }
    }

    fn check(args: &[String]) -> i32 {
        let (limits, files) = match limits(args) {
            Ok(parsed) => parsed,
            Err(message) => {
                eprintln!("newsline check: {message}");
                return 2;
            }
        };
        if files.is_empty() {
            eprintln!("{USAGE}");
            return 2;
        }
        let mut code = 0;
        let mut out = std::io::stdout().lock();
        for file in &files {
            match read(file, &limits) {
                Err(message) => {
                    let _ = writeln!(out, "{message}");
                    code = 2;
                }
                Ok(Ok(checked)) => {
                    for w in &checked.warnings {
                        let _ = writeln!(out, "{}", line(file, w));
                    }
                    let t = &checked.timeline;
                    let _ = writeln!(
                        out,
                        "{file}: valid: {}, {}{}",
                        plural(t.events.len(), "event"),
                        plural(t.statement_count(), "statement"),
                        match warning_count(&checked.warnings) {
                            0 => String::new(),
                            n => format!(", {}", plural(n, "warning")),
                        }
                    );
                }
                Ok(Err(problems)) => {
                    for p in &problems {
                        let _ = writeln!(out, "{}", line(file, p));
                    }
                    // Every error counts, those past the first hundred (not listed) too.
                    let errors = error_count(&problems);
                    let _ = writeln!(out, "{file}: not valid: {}", plural(errors, "error"));
                    code = code.max(1);
                }
            }
        }
        code
    }

    fn convert(args: &[String]) -> i32 {
        let (limits, args) = match limits(args) {
            Ok(parsed) => parsed,
            Err(message) => {
                eprintln!("newsline convert: {message}");
                return 2;
            }
        };
        let (mut file, mut to) = (None, None);
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--to" => to = it.next().cloned(),
                s if s.starts_with("--to=") => to = Some(s[5..].to_owned()),
                s if file.is_none() && !s.starts_with("--") => file = Some(s.to_owned()),
                other => {
                    eprintln!("newsline convert: unexpected argument {other:?}\n{USAGE}");
                    return 2;
                }
            }
        }
        let (Some(file), Some(to)) = (file, to) else {
            eprintln!("{USAGE}");
            return 2;
        };
        if !["newsline", "timelinejs", "csv"].contains(&to.as_str()) {
            eprintln!("newsline convert: --to takes newsline, timelinejs or csv, not {to:?}");
            return 2;
        }
        let checked = match read_valid(&file, &limits, "converted") {
            Ok(checked) => checked,
            Err(code) => return code,
        };
        let text = match to.as_str() {
            "newsline" => to_newsline(&checked.timeline).to_text(true),
            format => {
                let (text, warnings) = if format == "csv" {
                    to_csv(&checked.timeline)
                } else {
                    let (json, warnings) = timelinejs::export(&checked.timeline);
                    (json.to_text(true), warnings)
                };
                for w in warnings {
                    eprintln!("{file}: warning: {w}");
                }
                text
            }
        };
        if text.ends_with('\n') {
            print!("{text}");
        } else {
            println!("{text}");
        }
        0
    }

    fn render(args: &[String]) -> i32 {
        use newsline::options::HeadingLevel;
        use newsline::prerender::{fragment, page, Request};
        let fail = |message: String| {
            eprintln!("newsline render: {message}\n{USAGE}");
            2
        };
        let (limits, args) = match limits(args) {
            Ok(parsed) => parsed,
            Err(message) => return fail(message),
        };
        let (mut file, mut out, mut whole_page, mut heading_level_given) = (None, None, false, false);
        let mut request = Request::default();
        // The language options, read as the widget reads the same data attributes.
        let mut options = newsline::options::Options::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
                _ => (a.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| it.next().cloned());
            match name {
                "--page" => whole_page = true,
                "--start" => request.start = value(),
                "--theme" => request.theme = value(),
                "--assets" => request.assets = value().unwrap_or_default(),
                "--out" => out = value(),
                "--lang" | "--dir" | "--calendar" | "--numerals" => {
                    let Some(v) = value() else { return fail(format!("{name} takes a value")) };
                    if let Err(advice) = options.set_text(&name[2..], v.trim()) {
                        return fail(format!("{name} \"{v}\" cannot be used: {advice}"));
                    }
                }
                "--heading-level" => match value().as_deref().map(str::parse::<u32>) {
                    Some(Ok(n)) if (1..=u32::from(HeadingLevel::DEEPEST)).contains(&n) => {
                        request.heading_level = HeadingLevel::new(n);
                        heading_level_given = true;
                    }
                    _ => return fail(format!("--heading-level takes 1 to {}", HeadingLevel::DEEPEST)),
                },
                s if file.is_none() && !s.starts_with("--") => file = Some(s.to_owned()),
                other => return fail(format!("unexpected argument {other:?}")),
            }
        }
        let Some(file) = file else { return fail("which story? Give its file".to_owned()) };
        request.language = options.language;
        if let Some(theme) = request.theme.as_deref().filter(|t| !["light", "dark", "auto"].contains(t)) {
            return fail(format!("--theme takes light, dark or auto, not {theme:?}"));
        }
        if let Err(message) = newsline::prerender::check_assets(&request.assets) {
            return fail(message);
        }
        if !(request.assets.is_empty() || request.assets.ends_with('/')) {
            request.assets.push('/');
        }
        // A page of its own starts its outline with the story's title, unless told otherwise.
        if whole_page && !heading_level_given {
            request.heading_level = HeadingLevel::new(1);
        }
        let checked = match read_valid(&file, &limits, "rendered") {
            Ok(checked) => checked,
            Err(code) => return code,
        };
        let timeline = checked.timeline;
        if let (Some(lang), None) = (&request.language.lang, &timeline.lang) {
            eprintln!(
                "{file}: warning: the story does not say its language, so its text cannot be marked as such among the {lang} words around it (a screen reader would read it as {lang}): add \"lang\" to the story, e.g. \"lang\": \"en\""
            );
        }
        if let Some(start) = &request.start {
            if timeline.position(start).is_none() {
                let ids: Vec<&str> = timeline.events.iter().take(10).map(|e| e.id.as_str()).collect();
                eprintln!(
                    "{file}: --start {start:?} names no event of the story; its ids begin {}: not rendered",
                    ids.join(", ")
                );
                return 1;
            }
        }
        let html = if whole_page { page(timeline, &request) } else { fragment(timeline, &request) };
        match out {
            Some(path) => {
                if let Err(e) = std::fs::write(&path, html) {
                    eprintln!("newsline render: cannot write {path}: {e}");
                    return 2;
                }
            }
            None => print!("{html}"),
        }
        0
    }

    pub fn run(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("convert") => convert(&args[1..]),
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                0
            }
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }
}
