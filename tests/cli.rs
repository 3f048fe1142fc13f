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
    assert!(out.contains("tests/fixtures/timelinejs-sample.json: warning: events[1].media.url: this media"));
    assert!(out.ends_with("tests/fixtures/timelinejs-sample.json: valid: 4 events, 0 statements, 7 warnings\n"));
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
