//! Story text to [`Json`]: the one step that differs between the browser and the host.
//!
//! In the browser the text goes through the engine's own `JSON.parse` (fast, and it keeps serde_json out
//! of the wasm); on the host, through serde_json, which also gives the line and column of a syntax error.
//! Both produce the same [`Json`] tree, which [`crate::validate`] then checks.

use crate::json::{Json, Path};
use crate::validate::{validate, Checked, Problem, ProblemKind, Severity};

/// Parses and validates story text: the checked story, or every problem found.
pub fn read_story(text: &str) -> Result<Checked, Vec<Problem>> {
    let json = parse_json(text).map_err(|msg| {
        vec![Problem { path: Path::root(), kind: ProblemKind::Syntax(msg), severity: Severity::Error }]
    })?;
    validate(&json)
}

#[cfg(target_arch = "wasm32")]
fn parse_json(text: &str) -> Result<Json, String> {
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let value = js_sys::JSON::parse(text)
        .map_err(|e| js_sys::Error::from(e).message().as_string().unwrap_or_else(|| "unreadable JSON".to_owned()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_json(text: &str) -> Result<Json, String> {
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        let problems = read_story("{\"title\": \"T\",\n \"events\": [}").unwrap_err();
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert!(text.starts_with("(the whole file): this is not valid JSON: "), "{text}");
        assert!(text.contains("line 2"), "{text}");
    }

    #[test]
    fn empty_text_is_explained() {
        let problems = read_story("  \n").unwrap_err();
        assert_eq!(problems[0].to_string(), "(the whole file): this is not valid JSON: the file is empty");
    }
}
