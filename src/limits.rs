//! Limits that keep a hostile or broken file from hanging a reader's browser: file size, number of events,
//! length of one text, depth of nesting. Each has a default and can be changed by the embedder
//! (`data-max-bytes`, `data-max-events`, `data-max-text`, `data-max-depth`) or on the command line.

/// The limits a story is read under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes (UTF-8).
    pub max_bytes: usize,
    /// Most events.
    pub max_events: usize,
    /// Longest single text (a body, a quote), in characters.
    pub max_text: usize,
    /// Deepest nesting of lists and objects.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: 20 * 1024 * 1024, max_events: 100_000, max_text: 100_000, max_depth: 64 }
    }
}

/// How deeply lists and objects nest in JSON `text` (brackets inside strings do not count), found without
/// parsing, so that no parser recurses on a file built to be deep. Stops counting past `stop`.
pub fn json_depth(text: &str, stop: usize) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > stop {
                    return deepest;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Thousands separated by commas, for messages: 20,971,520.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(json_depth(r#"{"a": [1, {"b": "[[[{{{\"]]"}]}"#, 100), 3);
        assert_eq!(json_depth("[]", 100), 1);
        assert_eq!(json_depth("\"[\"", 100), 0);
        assert_eq!(json_depth(&"[".repeat(1_000_000), 64), 65, "stops early");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped(20_971_520), "20,971,520");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }
}
