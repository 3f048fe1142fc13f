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
    fn numbers_are_grouped() {
        assert_eq!(grouped(20_971_520), "20,971,520");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }
}
