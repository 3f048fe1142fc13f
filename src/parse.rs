//! Story text to a checked story: limits first, then [`crate::json::parse`] (the same reader in the widget
//! and in the CLI, with the line and column of a syntax error), then [`crate::validate`], through the
//! TimelineJS importer when the file is in that format.

use crate::json::{Json, Path};
use crate::limits::Limits;
use crate::problem::{capped, Problem, ProblemKind, Severity};
use crate::timelinejs;
use crate::validate::{map_problems, validate_imported, validate_with, Checked};

/// Parses and validates story text, Newsline's own JSON or TimelineJS JSON (recognised by its shape):
/// the checked story, or every problem found, with paths as they stand in the file.
pub fn read_story(text: &str) -> Result<Checked, Vec<Problem>> {
    read_story_with(text, &Limits::default())
}

/// [`read_story`] under given limits: a file over the size limit is refused before it is read, one nested
/// too deeply as soon as the reader gets there.
pub fn read_story_with(text: &str, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    let too_large = |what, size, max| {
        vec![Problem { path: Path::root(), kind: ProblemKind::TooLarge { what, size, max }, severity: Severity::Error }]
    };
    if text.len() > limits.max_bytes {
        return Err(too_large("bytes", text.len(), limits.max_bytes));
    }
    let syntax = |message, at| {
        vec![Problem { path: Path::root(), kind: ProblemKind::Syntax { message, at }, severity: Severity::Error }]
    };
    if text.trim().is_empty() {
        return Err(syntax("the file is empty".to_owned(), None));
    }
    // The reader itself enforces the nesting limit: no separate pass over a text that may be megabytes.
    let json = crate::json::parse(text, limits.max_depth).map_err(|e| match e.too_deep {
        true => too_large("levels of nesting", limits.max_depth + 1, limits.max_depth),
        false => syntax(e.message, Some((e.line, e.column))),
    })?;
    if !timelinejs::is_timelinejs(&json) {
        return validate_with(&json, limits);
    }
    // The file's own tree is taken apart by the import (its texts move, not copied), so it is gone before
    // validation: a lower peak of memory for a big story.
    check_imported(timelinejs::import_with(json, limits), limits)
}

/// Validates a parsed file of either JSON format.
pub fn check_json(json: &Json) -> Result<Checked, Vec<Problem>> {
    check_json_with(json, &Limits::default())
}

/// [`check_json`] under given limits.
pub fn check_json_with(json: &Json, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    if !timelinejs::is_timelinejs(json) {
        return validate_with(json, limits);
    }
    check_imported(timelinejs::import_with(json.clone(), limits), limits)
}

/// [`check_json_with`] for a TimelineJS tree made from a spreadsheet (CSV): its warnings name the
/// spreadsheet's columns, not TimelineJS's JSON fields.
pub fn check_spreadsheet_with(json: Json, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    check_imported(timelinejs::import_as(json, limits, timelinejs::Flavor::Spreadsheet), limits)
}

/// Validates an imported TimelineJS file, with problems pointing at the TimelineJS fields.
fn check_imported(imported: timelinejs::Imported, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    // The import's warnings, then the validator's problems, capped as one list.
    let remap = |problems: Vec<Problem>| -> Vec<Problem> {
        let mapped = problems.into_iter().map(|p| {
            let kind = match p.kind {
                ProblemKind::Missing { field: "date", .. } => {
                    ProblemKind::Missing { field: "start_date", example: "\"start_date\": {\"year\": 2007}" }
                }
                ProblemKind::More { .. } => return p,
                kind => kind,
            };
            Problem { path: timelinejs::timelinejs_path(&p.path), kind, ..p }
        });
        capped(imported.warnings.iter().cloned().chain(mapped))
    };
    // TimelineJS has no `sequence`: same-date events keep their file order, without a warning.
    map_problems(validate_imported(&imported.json, limits), remap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        let problems = read_story("{\"title\": \"T\",\n \"events\": [}").unwrap_err();
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert_eq!(
            text,
            "(the whole file): this is not valid JSON at line 2, column 13: found '}' where the list opened at line 2, column 12 needs ']' to close it"
        );
    }

    #[test]
    fn size_and_depth_limits_refuse_before_parsing() {
        let story = crate::story::DEFAULT_STORY_JSON;
        let small = Limits { max_bytes: 1000, ..Limits::default() };
        let e = read_story_with(story, &small).unwrap_err();
        let size = format!("(the whole file): {} bytes", crate::limits::grouped(story.len()));
        assert!(e[0].to_string().starts_with(&size), "{}", e[0]);
        assert!(e[0].to_string().contains("bytes is more than this timeline accepts (1,000 at most)"));
        let deep = format!("{{\"title\": \"T\", \"events\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
        let shallow = Limits { max_depth: 2, ..Limits::default() };
        let e = read_story_with(
            r#"{"title": "T", "events": [{"id": "a", "date": {"year": 2007}, "headline": "A"}]}"#,
            &shallow,
        );
        assert!(e.unwrap_err()[0]
            .to_string()
            .contains("3 levels of nesting is more than this timeline accepts (2 at most)"));
        let e = read_story(&deep).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "(the whole file): 65 levels of nesting is more than this timeline accepts (64 at most): shorten it, or split the story; an embedder can raise the limit"
        );
    }

    #[test]
    fn empty_text_is_explained() {
        let problems = read_story("  \n").unwrap_err();
        assert_eq!(problems[0].to_string(), "(the whole file): this is not valid JSON: the file is empty");
    }
}
