//! Limits that keep a hostile or broken file from hanging a reader's browser: file size, number of events,
//! length of one text, depth of nesting. Each has a default and can be changed on the command line, or by the
//! embedder: the `data-max-*` attributes only lower a limit (anyone who can put a `<div>` in a page, a
//! commenter among them, can write attributes), the JS API's `maxBytes`, `maxEvents`, `maxText` and
//! `maxDepth` options also raise it, up to [`Limits::CEILING`] ([`Limits::requested`]).

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

impl Limits {
    /// The most the JS API may raise each limit to:
    /// - 100 MiB: the widget holds a story about three times over while reading it (the text, the parsed
    ///   tree, the model), so a file this size already takes a few hundred megabytes of a reader's memory;
    /// - 1,000,000 events: laying out and drawing that many markers takes seconds on a phone;
    /// - 1,000,000 characters in one text: a long book chapter, far beyond any card;
    /// - 256 levels of nesting: the JSON reader and the code that walks what it read recurse once a level,
    ///   and 256 levels stay well inside the WebAssembly stack (1 MiB) whatever a level costs.
    pub const CEILING: Limits =
        Limits { max_bytes: 100 * 1024 * 1024, max_events: 1_000_000, max_text: 1_000_000, max_depth: 256 };

    /// The limits for what an embedder asked for (`None`: the default), and a console warning for each request
    /// that is not taken as it was.
    /// - From attributes (`may_raise` false), a value above the default is ignored: the default applies.
    /// - From the JS API (`may_raise` true), a value above [`Limits::CEILING`] stops at the ceiling.
    pub fn requested(asked: Requested, may_raise: bool) -> (Limits, Vec<String>) {
        let (default, ceiling) = (Limits::default(), Limits::CEILING);
        let mut warnings = Vec::new();
        let mut pick = |asked: Option<usize>, default: usize, ceiling: usize, attribute: &str, option: &str| match asked
        {
            None => default,
            Some(n) if !may_raise && n > default => {
                warnings.push(format!(
                        "Newsline: {attribute}=\"{n}\" is ignored: an attribute can only lower a limit, and the default is {}. To raise it, pass {option} to Newsline.mount (at most {}).",
                        grouped(default),
                        grouped(ceiling)
                    ));
                default
            }
            Some(n) if n > ceiling => {
                warnings.push(format!(
                    "Newsline: {option} {} is more than a timeline accepts; the most, {}, applies.",
                    grouped(n),
                    grouped(ceiling)
                ));
                ceiling
            }
            Some(n) => n,
        };
        let limits = Limits {
            max_bytes: pick(asked.max_bytes, default.max_bytes, ceiling.max_bytes, "data-max-bytes", "maxBytes"),
            max_events: pick(asked.max_events, default.max_events, ceiling.max_events, "data-max-events", "maxEvents"),
            max_text: pick(asked.max_text, default.max_text, ceiling.max_text, "data-max-text", "maxText"),
            max_depth: pick(asked.max_depth, default.max_depth, ceiling.max_depth, "data-max-depth", "maxDepth"),
        };
        (limits, warnings)
    }
}

/// Limits an embedder asked for, each `None` when not given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Requested {
    pub max_bytes: Option<usize>,
    pub max_events: Option<usize>,
    pub max_text: Option<usize>,
    pub max_depth: Option<usize>,
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

    #[test]
    fn attributes_only_lower_limits_and_the_api_stops_at_the_ceilings() {
        let asked =
            Requested { max_bytes: Some(1000), max_events: Some(5_000_000), max_text: None, max_depth: Some(300) };
        let (from_attributes, warnings) = Limits::requested(asked, false);
        assert_eq!(from_attributes, Limits { max_bytes: 1000, ..Limits::default() });
        assert_eq!(
            warnings,
            [
                "Newsline: data-max-events=\"5000000\" is ignored: an attribute can only lower a limit, and the default is 100,000. To raise it, pass maxEvents to Newsline.mount (at most 1,000,000).",
                "Newsline: data-max-depth=\"300\" is ignored: an attribute can only lower a limit, and the default is 64. To raise it, pass maxDepth to Newsline.mount (at most 256).",
            ]
        );
        let (from_api, warnings) = Limits::requested(asked, true);
        assert_eq!(from_api, Limits { max_bytes: 1000, max_events: 1_000_000, max_text: 100_000, max_depth: 256 });
        assert_eq!(
            warnings[0],
            "Newsline: maxEvents 5,000,000 is more than a timeline accepts; the most, 1,000,000, applies."
        );
        assert_eq!(warnings.len(), 2);
        let raised = Requested { max_bytes: Some(50 << 20), ..Requested::default() };
        assert_eq!(Limits::requested(raised, true), (Limits { max_bytes: 50 << 20, ..Limits::default() }, vec![]));
        assert_eq!(Limits::requested(Requested::default(), false), (Limits::default(), vec![]));
    }
}
