//! The `newsline` command line: exit codes and what it prints, on real files.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

fn newsline(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(args).output().expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_built_in_story_passes_with_no_warnings() {
    let (code, out, _) = newsline(&["check", "www/data/baghdad-talks-2007.json"]);
    assert_eq!(code, 0);
    assert_eq!(out, "www/data/baghdad-talks-2007.json: valid: 8 events, 18 statements\n");
}

#[test]
fn a_timelinejs_file_passes_with_its_warnings_listed() {
    let (code, out, _) = newsline(&["check", "tests/fixtures/timelinejs-sample.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("tests/fixtures/timelinejs-sample.json: warning: title.media: the image has no alt text"));
    assert!(!out.contains("media.url"), "its YouTube video is shown, not warned about: {out}");
    assert!(out.ends_with("tests/fixtures/timelinejs-sample.json: valid: 4 events, 0 statements, 6 warnings\n"));
}

#[test]
fn a_syntax_error_gives_file_line_and_column() {
    let file = temp("syntax.json", "{\n  \"title\": \"T\"\n  \"events\": []\n}");
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(&format!(
            "{file}:3:3: (the whole file): this is not valid JSON at line 3, column 3: expected ',' or '}}' after a member of an object, found '\"': is a comma missing?"
        )),
        "{out}"
    );
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let file = temp(
        "invalid.json",
        r#"{"title": "T", "events": [{"id": "a", "date": {"year": 2007, "month": 13}, "headline": "A"},
            {"id": "a", "date": "2007", "headline": ""}]}"#,
    );
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{file}: events[0].date.month: 13 is not a month (1-12)"),
            format!("{file}: events[1].id: the id \"a\" is already used at events[0].id: give each one its own id"),
            format!("{file}: events[1].headline: is empty: write the text, or remove the field if it is optional"),
            format!("{file}: not valid: 3 errors"),
        ]
    );
}

#[test]
fn an_unreadable_file_exits_2_and_the_others_are_still_checked() {
    let (code, out, _) = newsline(&["check", "no/such/file.json", "www/data/baghdad-talks-2007.json"]);
    assert_eq!(code, 2);
    assert!(out.starts_with("no/such/file.json: cannot read the file:"));
    assert!(out.contains("baghdad-talks-2007.json: valid"));
    let (code, _, err) = newsline(&[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("usage:"));
}

#[test]
fn csv_rows_are_named_in_problems() {
    let file = temp(
        "sheet.csv",
        "Year,Month,Day,Time,Headline,Text,Type\r\n,,,,My story,,title\r\n2007,5,28,,\"Talks, open\",,\r\n2007,2,30,,Bad day,,\r\n",
    );
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 1);
    assert!(out.starts_with(&format!("{file}: row 4 (Day): 30 is not a day of February 2007 (1-28)")), "{out}");
}

#[test]
fn convert_writes_the_other_format_and_warns_about_losses() {
    let (code, tjs, err) = newsline(&["convert", "www/data/baghdad-talks-2007.json", "--to", "timelinejs"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: 18 statements are left out: TimelineJS has no statement cards"), "{err}");
    let file = temp("converted.json", &tjs);
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("valid: 8 events, 0 statements\n"), "{out}");

    let (code, back, _) = newsline(&["convert", &file, "--to=newsline"]);
    assert_eq!(code, 0);
    assert!(back.contains("\"headline\": \"Bomb blast in Baghdad kills at least 19\""));
    let (code, _, err) = newsline(&["convert", &file, "--to", "pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("--to takes newsline, timelinejs or csv"));
}

#[test]
fn convert_to_csv_writes_every_column_of_the_template_and_reads_back() {
    let (code, csv, err) = newsline(&["convert", "tests/fixtures/timelinejs-sample.json", "--to", "csv"]);
    assert_eq!(code, 0, "{err}");
    let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background";
    assert!(csv.starts_with(&format!("{header}\r\n")), "{csv}");
    let file = temp("converted.csv", &csv);
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("valid: 4 events, 0 statements\n"), "{out}");
    // The Alt Text column is the template's: read, not warned about as a column TimelineJS does not have.
    assert!(!out.contains("is not one of TimelineJS's"), "{out}");

    let (code, back, err) = newsline(&["convert", &file, "--to", "newsline"]);
    assert_eq!(code, 0, "{err}");
    let (_, original, _) = newsline(&["convert", "tests/fixtures/timelinejs-sample.json", "--to", "newsline"]);
    // The same story but for the ids, which a sheet has no column for (made from the headlines instead).
    let without_ids =
        |text: &str| text.lines().filter(|l| !l.trim().starts_with("\"id\":")).collect::<Vec<_>>().join("\n");
    assert_eq!(without_ids(&back), without_ids(&original), "the spreadsheet reads back to the same story");
}

#[test]
fn a_sheet_without_alt_text_is_told_to_fill_the_column() {
    let file = temp(
        "no-alt.csv",
        "Year,Month,Day,Headline,Media,Media Caption,Alt Text,Type\r\n,,,My story,,,,title\r\n2007,5,28,Talks,a.jpg,Opening,,\r\n",
    );
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with(&format!("{file}: warning: row 3 (Alt Text): the image has no alt text; \"Opening\" is used: fill the Alt Text column, describing the image")),
        "{out}"
    );
}

#[test]
fn limits_are_configurable_on_the_command_line() {
    let (code, out, _) = newsline(&["check", "--max-events", "3", "www/data/baghdad-talks-2007.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("events: 8 events is more than this timeline accepts (3 at most)"), "{out}");
    let (code, out, _) = newsline(&["check", "--max-bytes=100", "www/data/baghdad-talks-2007.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("bytes is more than this timeline accepts (100 at most)"), "{out}");
    let (code, _, err) = newsline(&["check", "--max-text", "lots", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("--max-text takes a whole number, not \"lots\""), "{err}");
}

#[test]
fn a_long_list_of_problems_shows_the_first_hundred_and_counts_them_all() {
    let events: Vec<String> =
        (0..500).map(|i| format!(r#"{{"id": "e{i}", "date": "2007", "sequence": {i}, "headline": ""}}"#)).collect();
    let file = temp("many-problems.json", &format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(",")));
    let (code, out, _) = newsline(&["check", &file]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 102, "100 problems, the count of the rest, the summary");
    assert_eq!(lines[100], format!("{file}: and 400 more errors, not listed: fix the ones above, then check again"));
    assert_eq!(lines[101], format!("{file}: not valid: 500 errors"));
}

/// The malformed-data table (shared with the browser test in tests/e2e/security.test.mjs): each file gives
/// its message, with its path, from `newsline check`.
#[test]
fn every_malformed_file_gets_its_message() {
    let table: serde_json::Value = serde_json::from_str(include_str!("fixtures/malformed.json")).unwrap();
    let cases = table.as_array().unwrap();
    assert!(cases.len() >= 20);
    for (i, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let file = temp(&format!("malformed-{i}.json"), case["text"].as_str().unwrap());
        let (code, out, _) = newsline(&["check", &file]);
        assert_eq!(code, 1, "{name}: {out}");
        let expect = case["expect"].as_str().unwrap();
        assert!(out.contains(expect), "{name}: expected {expect:?} in\n{out}");
    }
}

/// What a reader sees of prerendered HTML: the texts between tags, without the story's data block (a
/// script, never shown), with the entities a renderer writes read back.
fn visible_texts(html: &str) -> Vec<String> {
    let (before, rest) = html.split_once("<script").expect("a data block");
    let (_, after) = rest.split_once("</script>").expect("the data block ends");
    format!("{before}{after}")
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text.trim()))
        .filter(|text| !text.is_empty())
        .map(|text| {
            text.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn render_writes_every_headline_and_every_statement_of_the_built_in_story_once() {
    let (code, html, err) = newsline(&["render", "www/data/baghdad-talks-2007.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<div data-newsline"), "{html}");
    let story = newsline::story::default_story().timeline;
    let texts = visible_texts(&html);
    let count = |wanted: &str| texts.iter().filter(|t| *t == wanted).count();
    assert_eq!(count(&story.title), 1, "the title");
    for event in &story.events {
        assert_eq!(count(&event.headline), 1, "headline {:?}", event.headline);
        for s in &event.statements {
            // Each statement's words once (a quote's in its block quotation), and who said them.
            assert_eq!(count(&s.text), 1, "statement {:?}", s.text);
            assert!(count(&s.speaker) >= 2, "{} named in the statement's head and its attribution", s.speaker);
        }
    }
    // Every date as the widget gives it, for machines too; statements open and close without script.
    assert_eq!(html.matches("<time ").count(), story.events.len());
    assert_eq!(html.matches("<details").count(), story.statement_count());
    assert!(html.contains("<h2 ") && html.contains("<h3 ") && !html.contains("<h4"), "title h2, cards h3");
    // The story rides along as data, and no `<` in it can end its block.
    let block = html.split_once("data-newsline-story>").unwrap().1.split_once("</script>").unwrap().0;
    assert!(!block.contains('<'));
    let read = newsline::parse::read_story_with(block, &newsline::limits::Limits::default()).expect("the block reads");
    assert_eq!(read.timeline.events.len(), story.events.len());
}

#[test]
fn render_takes_its_options_and_writes_a_page() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rendered-page.html");
    let _ = std::fs::remove_file(&out);
    let (code, printed, err) = newsline(&[
        "render",
        "www/data/baghdad-talks-2007.json",
        "--page",
        "--start",
        "talks-open",
        "--heading-level=3",
        "--theme",
        "dark",
        "--assets",
        "https://graphics.example.org/newsline",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, printed.as_str()), (0, ""), "{err}");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"), "the story's language");
    assert!(page.contains("<title>U.S. and Iran hold rare talks in Baghdad</title>"));
    assert!(page.contains("<meta name=\"description\" content=\"On Monday, May 28, 2007, Iranian and U.S. officials"));
    assert!(page.contains("<div data-newsline data-start=\"talks-open\" data-heading-level=\"3\" data-theme=\"dark\">"));
    assert!(page.contains("href=\"https://graphics.example.org/newsline/newsline.css\""));
    assert!(page.contains("src=\"https://graphics.example.org/newsline/embed.js\""));
    assert!(page.contains("script-src 'self' https://graphics.example.org 'wasm-unsafe-eval'"));
    let (_, other, _) =
        newsline(&["render", "www/data/baghdad-talks-2007.json", "--page", "--assets", "//cdn.example/nl"]);
    assert!(other.contains("script-src 'self' cdn.example 'wasm-unsafe-eval'"), "a protocol-relative bundle's host");
    assert!(other.contains("<h1 "), "a page of its own starts its outline with the title");
    assert!(page.contains("<h3 ") && page.contains("<h4 "));
}

#[test]
fn render_takes_the_readers_language_as_the_widget_does() {
    // The Persian story read in English words, dates in the Gregorian calendar: the page asked for them.
    let (code, html, err) = newsline(&[
        "render",
        "www/data/baghdad-talks-2007.fa.json",
        "--lang",
        "en",
        "--dir=ltr",
        "--calendar",
        "gregory",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        html.starts_with(
            "<div data-newsline data-heading-level=\"2\" data-lang=\"en\" data-dir=\"ltr\" data-calendar=\"gregory\">"
        ),
        "the widget that takes over is asked for the same"
    );
    assert!(html.contains("<section lang=\"en\" dir=\"ltr\""), "{}", &html[..400]);
    assert!(html.contains(">Monday, May 28, 2007</time>"), "the day in English and the Gregorian calendar");
    assert!(html.contains("Source:"), "English words");
    // The English story in Persian words and digits, the Persian calendar; a story that does not say its
    // language is told about, as its text cannot be marked English.
    let (code, html, err) = newsline(&["render", "www/data/baghdad-talks-2007.json", "--lang", "fa"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("<section lang=\"fa\" dir=\"rtl\""));
    assert!(html.contains(">دوشنبه ۷ خرداد ۱۳۸۶</time>"), "Monday, 7 Khordad 1386");
    assert!(html.contains("منبع:"), "Persian words");
    assert!(err.contains("warning: the story does not say its language"), "{err}");
    // What the widget would not take, render does not either, and says why.
    for (args, said) in [
        (["--dir", "rt"], "--dir \"rt\" cannot be used: did you mean \"rtl\"?"),
        (["--lang", "en_US"], "--lang \"en_US\" cannot be used"),
        (["--calendar", "persain"], "did you mean \"persian\"?"),
    ] {
        let (code, html, err) = newsline(&[&["render", "www/data/baghdad-talks-2007.json"][..], &args[..]].concat());
        assert_eq!((code, html.as_str()), (2, ""), "{args:?}");
        assert!(err.contains(said), "{args:?}: {err}");
    }
}

#[test]
fn render_reads_timelinejs_and_spreadsheets() {
    let (code, html, err) = newsline(&["render", "tests/fixtures/timelinejs-sample.json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(html.matches("class=\"nl-reading-event\"").count(), 4);
    assert!(err.contains("warning"), "its warnings are listed: {err}");
    let (_, csv, _) = newsline(&["convert", "tests/fixtures/timelinejs-sample.json", "--to", "csv"]);
    let sheet = temp("render-sheet.csv", &csv);
    let (code, from_csv, err) = newsline(&["render", &sheet]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(from_csv.matches("class=\"nl-reading-event\"").count(), 4);
    assert_eq!(visible_texts(&from_csv), visible_texts(&html), "the same story, whichever format it came in");
}

#[test]
fn render_writes_nothing_for_a_story_with_errors() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("not-rendered.html");
    let _ = std::fs::remove_file(&out);
    let (code, printed, err) = newsline(&["render", "tests/fixtures/malformed.json", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(printed, "");
    assert!(err.contains("not rendered: fix the errors above first"), "{err}");
    let (_, checked, _) = newsline(&["check", "tests/fixtures/malformed.json"]);
    let first = checked.lines().next().unwrap();
    assert!(err.contains(first), "the same messages as check: {first}");
    assert!(!out.exists(), "nothing written");
    let (code, _, err) = newsline(&["render", "www/data/baghdad-talks-2007.json", "--start", "no-such-event"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--start \"no-such-event\" names no event of the story; its ids begin ties-broken-1979"),
        "{err}"
    );
    let (code, _, err) = newsline(&["render", "no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the file"), "{err}");
    for assets in ["https://a.example\"><script>", "https://a.example; script-src *", "javascript:alert(1)/"] {
        let (code, _, err) = newsline(&["render", "www/data/baghdad-talks-2007.json", "--page", "--assets", assets]);
        assert_eq!(code, 2, "{assets}");
        assert!(err.contains("--assets takes the address of the folder"), "{err}");
    }
    let (code, _, err) = newsline(&["render", "www/data/baghdad-talks-2007.json", "--heading-level", "9"]);
    assert_eq!(code, 2);
    assert!(err.contains("--heading-level takes 1 to 5"), "{err}");
}

#[test]
fn the_prerendered_fixture_is_what_render_writes_now() {
    // tests/browser.rs takes this fragment over in a browser; it must be the CLI's output of today.
    let (_, html, _) = newsline(&["render", "www/data/baghdad-talks-2007.json"]);
    let fixture = std::fs::read_to_string("tests/fixtures/prerendered-baghdad.html").unwrap_or_default();
    assert!(
        fixture == html,
        "tests/fixtures/prerendered-baghdad.html is out of date: cargo run --bin newsline -- render \
         www/data/baghdad-talks-2007.json --out tests/fixtures/prerendered-baghdad.html"
    );
}

#[test]
fn the_translated_stories_are_valid_and_mark_their_statements_as_translations() {
    let stories = [
        ("www/data/baghdad-talks-2007.fa.json", "fa", "نقل قول", "نقل قول، ترجمه‌شده", "نقل به مضمون، ترجمه‌شده"),
        ("www/data/baghdad-talks-2007.ar.json", "ar", "اقتباس", "اقتباس مترجم", "كلام منقول مترجم"),
    ];
    for (file, lang, quote, quote_translated, reported_translated) in stories {
        let (code, out, _) = newsline(&["check", file]);
        assert_eq!(code, 0, "{out}");
        assert_eq!(out, format!("{file}: valid: 8 events, 18 statements\n"), "no warnings");
        let (code, html, err) = newsline(&["render", file]);
        assert_eq!(code, 0, "{err}");
        // In the story's language, on a root that says it.
        assert!(html.contains(&format!("lang=\"{lang}\" dir=\"rtl\"")), "{lang}: the root's language and direction");
        let count = |label: &str| html.matches(&format!(">{label}<")).count();
        assert_eq!(count(quote_translated), 5, "{lang}: every quote marked as a translation");
        assert_eq!(count(reported_translated), 13);
        assert_eq!(count(quote), 0, "{lang}: no quote passed off as the speaker's own words");
        assert!(html.contains(&format!("\"lang\":\"{lang}\"")), "the data block keeps the language");
    }
    let story = temp(
        "bad-translated.json",
        r#"{"title": "T", "events": [{"id": "a", "date": "2007", "headline": "H",
        "statements": [{"speaker": "S", "kind": "quote", "text": "W", "translated": "yes"}]}]}"#,
    );
    let (code, out, _) = newsline(&["check", &story]);
    assert_eq!(code, 1);
    assert!(out.contains("events[0].statements[0].translated") && out.contains("true or false"), "{out}");
}

/// Every example and template file TimelineJS3 publishes (tests/fixtures/timelinejs/README.md) passes `check`:
/// warnings allowed, no error, whatever media it holds.
#[test]
fn every_timelinejs_example_and_template_file_passes_check() {
    let dir = "tests/fixtures/timelinejs";
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("the fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") || name.ends_with(".csv"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 14, "{files:?}");
    for name in &files {
        let path = format!("{dir}/{name}");
        let (code, out, err) = newsline(&["check", &path]);
        let errors: Vec<&str> = out
            .lines()
            .filter(|l| !l.contains(": warning: ") && !l.contains(": valid: ") && !l.contains(": not valid: "))
            .collect();
        // The cosmological templates too, with years back to -13,800,000,000.
        assert_eq!((code, errors), (0, Vec::<&str>::new()), "{name}: {out}{err}");
        assert!(out.ends_with(" warnings\n") || out.contains(": valid: "), "{out}");
    }
}
