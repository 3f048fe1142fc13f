//! Story text to [`Json`]: the one step that differs between the browser and the host.
//!
//! In the browser the text goes through the engine's own `JSON.parse` (fast, and it keeps serde_json out
//! of the wasm); on the host, through serde_json, which also gives the line and column of a syntax error.
//! Both produce the same [`Json`] tree, which [`crate::validate`] then checks.

use crate::json::{Json, Path};
use crate::limits::{json_depth, Limits};
use crate::timelinejs;
use crate::validate::{map_problems, validate_with, Checked, Problem, ProblemKind, Severity};

/// Parses and validates story text, Newsline's own JSON or TimelineJS JSON (recognised by its shape):
/// the checked story, or every problem found, with paths as they stand in the file.
pub fn read_story(text: &str) -> Result<Checked, Vec<Problem>> {
    read_story_with(text, &Limits::default())
}

/// [`read_story`] under given limits: a file over them is refused before it is parsed.
pub fn read_story_with(text: &str, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    let too_large = |what, size, max| {
        vec![Problem { path: Path::root(), kind: ProblemKind::TooLarge { what, size, max }, severity: Severity::Error }]
    };
    if text.len() > limits.max_bytes {
        return Err(too_large("bytes", text.len(), limits.max_bytes));
    }
    let depth = json_depth(text, limits.max_depth);
    if depth > limits.max_depth {
        return Err(too_large("levels of nesting", depth, limits.max_depth));
    }
    let json = parse_json(text).map_err(|(message, at)| {
        vec![Problem { path: Path::root(), kind: ProblemKind::Syntax { message, at }, severity: Severity::Error }]
    })?;
    check_json_with(&json, limits)
}

/// Validates a parsed file of either JSON format.
pub fn check_json(json: &Json) -> Result<Checked, Vec<Problem>> {
    check_json_with(json, &Limits::default())
}

/// [`check_json`] under given limits.
pub fn check_json_with(json: &Json, limits: &Limits) -> Result<Checked, Vec<Problem>> {
    let validate = |json: &Json| validate_with(json, limits);
    if !timelinejs::is_timelinejs(json) {
        return validate(json);
    }
    let imported = timelinejs::import(json);
    let remap = |problems: Vec<Problem>| -> Vec<Problem> {
        let mut all = imported.warnings.clone();
        for p in problems {
            let kind = match p.kind {
                // TimelineJS has no `sequence`: same-date events keep their file order.
                ProblemKind::AmbiguousOrder { .. } => continue,
                ProblemKind::Missing { field: "date", .. } => {
                    ProblemKind::Missing { field: "start_date", example: "\"start_date\": {\"year\": 2007}" }
                }
                kind => kind,
            };
            all.push(Problem { path: timelinejs::timelinejs_path(&p.path), kind, ..p });
        }
        all
    };
    map_problems(validate(&imported.json), remap)
}

/// A JSON syntax error: the message, and the line and column when the parser gives them.
type SyntaxError = (String, Option<(usize, usize)>);

#[cfg(target_arch = "wasm32")]
fn parse_json(text: &str) -> Result<Json, SyntaxError> {
    if text.trim().is_empty() {
        return Err(("the file is empty".to_owned(), None));
    }
    let value = js_sys::JSON::parse(text.trim_start_matches('\u{feff}')).map_err(|e| {
        (js_sys::Error::from(e).message().as_string().unwrap_or_else(|| "unreadable JSON".to_owned()), None)
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| (e.to_string(), None))
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_json(text: &str) -> Result<Json, SyntaxError> {
    if text.trim().is_empty() {
        return Err(("the file is empty".to_owned(), None));
    }
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let at = (e.line() > 0).then(|| (e.line(), e.column()));
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) if at.is_some() => message[..i].to_owned(),
            _ => message,
        };
        (message, at)
    })
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
            "(the whole file): this is not valid JSON: expected value at line 2, column 13; look there for a missing comma, quote or bracket"
        );
    }

    #[test]
    fn size_and_depth_limits_refuse_before_parsing() {
        let story = crate::story::DEFAULT_STORY_JSON;
        let small = Limits { max_bytes: 1000, ..Limits::default() };
        let e = read_story_with(story, &small).unwrap_err();
        assert!(e[0].to_string().starts_with("(the whole file): 14,"), "{}", e[0]);
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
