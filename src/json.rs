//! A plain JSON tree and the paths that point into it.
//!
//! Story files are first read into [`Json`], not straight into the model, so that validation can visit
//! every field and report *all* problems with their paths instead of stopping at the first type error
//! the way a derived `Deserialize` would. [`parse`] reads the text in one pass, the same in the widget and
//! in the CLI, and [`Json::to_text`] writes it; no serde, so the widget's WebAssembly stays small.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

/// A JSON value. Object members keep their order from the file; a duplicated key keeps its last value,
/// as `JSON.parse` does.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(Key, Json)>),
}

/// A member name. The names the formats know are borrowed from [`KNOWN_KEYS`], not copied for every
/// object in the file: a story of 10,000 events has some 100,000 of them.
pub type Key = Cow<'static, str>;

/// Member names of Newsline's format and TimelineJS's, sorted by length, then alphabetically, so that a
/// search compares lengths (cheap) before it compares bytes.
pub const KNOWN_KEYS: &[&str] = &[
    "id",
    "alt",
    "day",
    "end",
    "url",
    "body",
    "date",
    "eras",
    "hour",
    "kind",
    "lang",
    "link",
    "note",
    "role",
    "text",
    "year",
    "color",
    "group",
    "label",
    "media",
    "month",
    "place",
    "scale",
    "start",
    "title",
    "accent",
    "author",
    "credit",
    "events",
    "minute",
    "second",
    "source",
    "caption",
    "context",
    "excerpt",
    "sources",
    "speaker",
    "summary",
    "dateline",
    "end_date",
    "headline",
    "sequence",
    "publisher",
    "thumbnail",
    "unique_id",
    "background",
    "start_date",
    "statements",
    "translated",
    "millisecond",
    "display_date",
    "sequence_known",
];

/// The bytes that end a stretch of plain text inside double quotes: the closing quote, an escape, or a
/// control character (an error).
const ENDS_TEXT: [bool; 256] = {
    let mut ends = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        ends[b] = true;
        b += 1;
    }
    ends[b'"' as usize] = true;
    ends[b'\\' as usize] = true;
    ends
};

/// Whether two member names are the same: known names are one static string each, so the same name is
/// mostly at the same address, and the bytes are compared only when it is not.
#[inline(always)]
pub fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.as_ptr() == b.as_ptr() || a.as_bytes() == b.as_bytes())
}

/// `name` as a [`Key`]: borrowed when it is a known name.
pub fn key_of(name: &str) -> Key {
    // An open-addressed table of the known names, built at compile time: one or two comparisons a name.
    const SLOTS: usize = 128;
    const fn slot(name: &[u8]) -> usize {
        (name.len() * 31 + name[0] as usize * 7 + name[name.len() - 1] as usize) % SLOTS
    }
    const TABLE: [u8; SLOTS] = {
        let mut table = [0u8; SLOTS];
        let mut i = 0;
        while i < KNOWN_KEYS.len() {
            let mut at = slot(KNOWN_KEYS[i].as_bytes());
            while table[at] != 0 {
                at = (at + 1) % SLOTS;
            }
            table[at] = i as u8 + 1;
            i += 1;
        }
        table
    };
    if !name.is_empty() {
        let mut at = slot(name.as_bytes());
        while let Some(known) = TABLE[at].checked_sub(1).map(|i| KNOWN_KEYS[i as usize]) {
            if known == name {
                return Cow::Borrowed(known);
            }
            at = (at + 1) % SLOTS;
        }
    }
    Cow::Owned(name.to_owned())
}

impl Json {
    /// The member `key` of an object; `None` for a missing key or a value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| same_name(k, key)).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, in words an editor knows: "text", "a number", "a list" ...
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Num(_) => "a number",
            Json::Str(_) => "text",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }
}

impl Json {
    /// The value as JSON text: compact, or `pretty` with two-space indents (as serde_json writes it).
    pub fn to_text(&self, pretty: bool) -> String {
        let mut out = String::new();
        self.write(&mut out, pretty, 0);
        out
    }

    fn write(&self, out: &mut String, pretty: bool, indent: usize) {
        let newline = |out: &mut String, indent: usize| {
            if pretty {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', indent * 2));
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            // Whole numbers are written without a fraction, as people write them; JSON has no NaN or infinity.
            Json::Num(n) if !n.is_finite() => out.push_str("null"),
            Json::Num(n) if n.fract() == 0.0 && n.abs() < 9e15 => out.push_str(&(*n as i64).to_string()),
            Json::Num(n) => out.push_str(&n.to_string()),
            Json::Str(s) => write_string(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(members) if members.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent + 1);
                    item.write(out, pretty, indent + 1);
                }
                newline(out, indent);
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent + 1);
                    write_string(out, key);
                    out.push_str(if pretty { ": " } else { ":" });
                    value.write(out, pretty, indent + 1);
                }
                newline(out, indent);
                out.push('}');
            }
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON syntax error: what is wrong, in words an editor can act on, and where (line and column, from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// The text nests deeper than the reader was allowed to go (it stopped one level past the limit).
    pub too_deep: bool,
}

/// Reads JSON text into a [`Json`] tree: RFC 8259, as `JSON.parse` reads it (a byte-order mark is skipped;
/// a lone surrogate escape becomes U+FFFD). One pass over the bytes, no calls out of WebAssembly, so it is
/// both faster than `JSON.parse` plus a conversion of every value, and small. Nesting deeper than
/// `max_depth` is refused (callers check the depth first, with a clearer message; this keeps the stack safe).
pub fn parse(text: &str, max_depth: usize) -> Result<Json, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = TextReader { text, bytes: text.as_bytes(), at: 0, depth: 0, max_depth };
    reader.space();
    if reader.at == reader.bytes.len() {
        return Err(reader.error_at(0, "the file is empty".to_owned()));
    }
    let value = reader.value()?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(
            reader.error("more text after the end of the JSON value: remove it, or put both in a list".to_owned())
        );
    }
    Ok(value)
}

struct TextReader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    max_depth: usize,
}

impl TextReader<'_> {
    fn error(&self, message: String) -> SyntaxError {
        self.error_at(self.at, message)
    }

    fn error_at(&self, at: usize, message: String) -> SyntaxError {
        let at = at.min(self.bytes.len());
        let before = &self.bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, as editors do: continuation bytes of UTF-8 are not characters.
        let column = before[line_start..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
        SyntaxError { message, line, column, too_deep: false }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// What is at the reader, for messages: a character, or "the end of the file".
    fn found(&self) -> String {
        match self.text.get(self.at..).and_then(|rest| rest.chars().next()) {
            None => "the end of the file".to_owned(),
            Some(c) => format!("'{c}'"),
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.nested(b'}'),
            Some(b'[') => self.nested(b']'),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'a'..=b'z' | b'A'..=b'Z') => self.word(),
            Some(b'\'') => Err(self.error("text must be in double quotes (\"), not single quotes".to_owned())),
            Some(b']' | b'}') if self.at > 0 => {
                Err(self
                    .error(format!("expected a value, found {}: is there a comma too many before it?", self.found())))
            }
            _ => Err(self.error(format!(
                "expected a value (text in double quotes, a number, true, false, null, a list or an object), found {}",
                self.found()
            ))),
        }
    }

    /// `true`, `false` or `null`; any other word is text that lacks its quotes.
    fn word(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.at += 1;
        }
        match &self.text[start..self.at] {
            "true" => Ok(Json::Bool(true)),
            "false" => Ok(Json::Bool(false)),
            "null" => Ok(Json::Null),
            word => Err(self.error_at(
                start,
                format!("\"{}\" is not a JSON value: put text in double quotes", &word[..word.len().min(40)]),
            )),
        }
    }

    /// A list (`close` is `]`) or an object (`}`).
    fn nested(&mut self, close: u8) -> Result<Json, SyntaxError> {
        let open = self.at;
        self.depth += 1;
        if self.depth > self.max_depth {
            let message = format!("more than {} levels of nesting", self.max_depth);
            return Err(SyntaxError { too_deep: true, ..self.error(message) });
        }
        self.at += 1;
        let mut items = Vec::new();
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                self.space();
                if close == b'}' {
                    if self.peek() != Some(b'"') {
                        return Err(match self.peek() {
                            Some(b'}') => self.error("a comma too many before '}': remove it".to_owned()),
                            Some(b']') => self.mismatch(open, close),
                            _ => self.error(format!("expected a member name in double quotes, found {}", self.found())),
                        });
                    }
                    let key = self.key()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(
                            self.error(format!("expected ':' after the member name \"{key}\", found {}", self.found()))
                        );
                    }
                    self.at += 1;
                    self.space();
                    members.push((key, self.value()?));
                } else {
                    match self.peek() {
                        Some(b']') => return Err(self.error("a comma too many before ']': remove it".to_owned())),
                        Some(b'}') => return Err(self.mismatch(open, close)),
                        _ => {}
                    }
                    items.push(self.value()?);
                }
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b) if b == close => {
                        self.at += 1;
                        break;
                    }
                    Some(b']' | b'}') => return Err(self.mismatch(open, close)),
                    None => {
                        let what = if close == b'}' { "the object" } else { "the list" };
                        let (line, column) = {
                            let e = self.error_at(open, String::new());
                            (e.line, e.column)
                        };
                        return Err(self.error(format!(
                            "the file ends inside {what} opened at line {line}, column {column}: is a '{}' missing?",
                            close as char
                        )));
                    }
                    _ => {
                        return Err(self.error(format!(
                            "expected ',' or '{}' after {}, found {}: is a comma missing?",
                            close as char,
                            if close == b'}' { "a member of an object" } else { "an item of a list" },
                            self.found()
                        )))
                    }
                }
            }
        }
        self.depth -= 1;
        Ok(if close == b'}' { Json::Obj(members) } else { Json::Arr(items) })
    }

    /// A closing bracket of the wrong kind for the list or object opened at `open`.
    fn mismatch(&self, open: usize, close: u8) -> SyntaxError {
        let opened = self.error_at(open, String::new());
        let what = if close == b'}' { "the object" } else { "the list" };
        self.error(format!(
            "found {} where {what} opened at line {}, column {} needs '{}' to close it",
            self.found(),
            opened.line,
            opened.column,
            close as char
        ))
    }

    /// A member name: read in place when it has no escapes, so a known name costs no allocation.
    fn key(&mut self) -> Result<Key, SyntaxError> {
        let rest = &self.bytes[self.at + 1..];
        match rest.iter().position(|b| ENDS_TEXT[*b as usize]) {
            Some(end) if rest[end] == b'"' => {
                let key = key_of(&self.text[self.at + 1..self.at + 1 + end]);
                self.at += end + 2;
                Ok(key)
            }
            _ => self.string().map(|s| key_of(&s)),
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        // Most text has no escapes: found in one tight scan and copied once.
        let rest = &self.bytes[self.at + 1..];
        if let Some(end) = rest.iter().position(|b| ENDS_TEXT[*b as usize]) {
            if rest[end] == b'"' {
                let text = self.text[self.at + 1..self.at + 1 + end].to_owned();
                self.at += end + 2;
                return Ok(text);
            }
        }
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error_at(open, "this text has no closing double quote (\")".to_owned()));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.at]);
                    self.escape(&mut out)?;
                    run = self.at;
                }
                0..=0x1f => {
                    let what = match b {
                        b'\n' => "a line break: write \\n, or close the text with a double quote (\")",
                        b'\t' => "a tab: write \\t",
                        _ => "a control character: write it as \\u00XX",
                    };
                    return Err(self.error(format!("text may not contain {what}")));
                }
                _ => self.at += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let start = self.at;
        self.at += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let high = self.hex4(start)?;
                let c = if (0xD800..0xDC00).contains(&high) && self.bytes[self.at..].starts_with(b"\\u") {
                    let save = self.at;
                    self.at += 2;
                    let low = self.hex4(start)?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        self.at = save;
                        None
                    }
                } else {
                    char::from_u32(high)
                };
                out.push(c.unwrap_or('\u{fffd}'));
                return Ok(());
            }
            _ => {
                return Err(self.error_at(
                    start,
                    format!("{} is not an escape JSON knows: write \\\\ for a backslash", {
                        let end = (self.at + 1).min(self.bytes.len());
                        self.text.get(start..end).unwrap_or("\\")
                    }),
                ))
            }
        };
        out.push(c);
        self.at += 1;
        Ok(())
    }

    fn hex4(&mut self, start: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            return Err(
                self.error_at(start, "\\u must be followed by four hexadecimal digits, e.g. \\u00e9".to_owned())
            );
        };
        self.at += 4;
        Ok(digits.iter().fold(0, |n, d| n * 16 + (*d as char).to_digit(16).unwrap_or(0)))
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let text = &self.text[start..self.at];
        match number(text) {
            Some(n) => Ok(Json::Num(n)),
            None => Err(self.error_at(
                start,
                format!("{text} is not a number JSON can read (like 2007, -44 or 1.5; no leading zeros or '+')"),
            )),
        }
    }
}

/// Exact powers of ten that `f64` holds.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A number written in JSON's grammar (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`), or `None`.
///
/// Whole numbers up to 2^53 and decimals with up to 15 significant digits and at most 22 places come out
/// exact; others may differ from the nearest `f64` in the last bits (by under 1 part in 10^14, numbers under
/// 10^-300 more). Stories hold years, months and counts, so this
/// trades a correctly rounded parser's tables (about 10 KB of WebAssembly) for nothing a reader sees.
pub fn number(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-');
    if negative {
        i += 1;
    }
    let (mut mantissa, mut exponent) = (0u64, 0i32);
    // Up to 18 significant digits are kept (more than f64 holds); a whole part's further digits scale it.
    let mut take = |d: u8, exponent: &mut i32, after_point: bool| {
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            if after_point {
                *exponent -= 1;
            }
        } else if !after_point {
            *exponent += 1;
        }
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
                take(d, &mut exponent, false);
                i += 1;
            }
        }
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let first = i;
        while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
            take(d, &mut exponent, true);
            i += 1;
        }
        if i == first {
            return None;
        }
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let first = i;
        let mut e: i32 = 0;
        while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            i += 1;
        }
        if i == first {
            return None;
        }
        exponent = exponent.saturating_add(sign * e);
    }
    if i != b.len() {
        return None;
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&exponent) {
        m * POW10[exponent as usize]
    } else if (-22..0).contains(&exponent) {
        m / POW10[(-exponent) as usize]
    } else if exponent > 308 + 20 {
        f64::INFINITY
    } else if exponent < -324 - 20 {
        0.0
    } else {
        // Far exponents, in steps the table holds.
        let (mut v, mut e) = (m, exponent);
        while e > 22 {
            v *= 1e22;
            e -= 22;
        }
        while e < -22 {
            v /= 1e22;
            e += 22;
        }
        if e >= 0 {
            v * POW10[e as usize]
        } else {
            v / POW10[(-e) as usize]
        }
    };
    Some(if negative { -value } else { value })
}

/// A number as text without the standard library's float formatting (which costs kilobytes of WebAssembly):
/// whole numbers as integers, others with up to six decimals, trailing zeros dropped.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN".to_owned()
        } else if n > 0.0 {
            "Infinity".to_owned()
        } else {
            "-Infinity".to_owned()
        };
    }
    if n.fract() == 0.0 && n.abs() < 9e15 {
        return (n as i64).to_string();
    }
    if n.abs() >= 9e15 {
        let exponent = n.abs().log10().floor() as i32;
        return format!("{}e{exponent}", number_text(n / 10f64.powi(exponent)));
    }
    let scaled = (n.abs() * 1e6).round() as u64;
    let (whole, fraction) = (scaled / 1_000_000, scaled % 1_000_000);
    let mut text = format!("{}{whole}", if n < 0.0 && scaled > 0 { "-" } else { "" });
    if fraction > 0 {
        let digits = format!("{fraction:06}");
        text.push('.');
        text.push_str(digits.trim_end_matches('0'));
    }
    text
}

/// Where a value sits in the file, written as editors read it: `events[3].date.month`.
///
/// Extending a path is cheap (a small shared node, no text): the validator makes one for every value it
/// visits, and only the few that end up in a message are ever written out.
#[derive(Clone, Default)]
pub struct Path(Option<Rc<Step>>);

enum Step {
    Key(Path, Cow<'static, str>),
    Index(Path, usize),
    Raw(String),
}

impl Path {
    /// The whole file.
    pub fn root() -> Path {
        Path(None)
    }

    /// The member `key` below this path.
    pub fn key(&self, key: &'static str) -> Path {
        Path(Some(Rc::new(Step::Key(self.clone(), Cow::Borrowed(key)))))
    }

    /// The member `key` below this path, for a key read from the file.
    pub fn member(&self, key: &str) -> Path {
        Path(Some(Rc::new(Step::Key(self.clone(), Cow::Owned(key.to_owned())))))
    }

    /// The item `index` (counting from 0) below this path.
    pub fn index(&self, index: usize) -> Path {
        Path(Some(Rc::new(Step::Index(self.clone(), index))))
    }

    /// The path as text: `events[3].date`, empty for the whole file.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self.0.as_deref() {
            None => {}
            Some(Step::Raw(text)) => out.push_str(text),
            Some(Step::Key(parent, key)) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Some(Step::Index(parent, index)) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    /// A path from its text, for mapping paths between formats.
    pub(crate) fn raw(text: String) -> Path {
        if text.is_empty() {
            Path::root()
        } else {
            Path(Some(Rc::new(Step::Raw(text))))
        }
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Path {}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Path({:?})", self.text())
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.text() {
            text if text.is_empty() => f.write_str("(the whole file)"),
            text => f.write_str(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_the_file() {
        let p = Path::root().key("events").index(3).key("date").key("month");
        assert_eq!(p.to_string(), "events[3].date.month");
        assert_eq!(Path::root().to_string(), "(the whole file)");
    }

    fn error(text: &str) -> String {
        let e = parse(text, 64).unwrap_err();
        format!("{}:{}: {}", e.line, e.column, e.message)
    }

    #[test]
    fn syntax_errors_say_where_and_what_to_do() {
        assert_eq!(error("[1, 2,]"), "1:7: a comma too many before ']': remove it");
        assert_eq!(error("{\"a\": 1,\n}"), "2:1: a comma too many before '}': remove it");
        assert_eq!(
            error("{\"a\": 1\n \"b\": 2}"),
            "2:2: expected ',' or '}' after a member of an object, found '\"': is a comma missing?"
        );
        assert_eq!(error("{'a': 1}"), "1:2: expected a member name in double quotes, found '''");
        assert_eq!(error("['a']"), "1:2: text must be in double quotes (\"), not single quotes");
        assert_eq!(
            error("{\"é\": \"ü\n"),
            "1:9: text may not contain a line break: write \\n, or close the text with a double quote (\")"
        );
        assert_eq!(error("[\"a\\x\"]"), "1:4: \\x is not an escape JSON knows: write \\\\ for a backslash");
        assert_eq!(
            error("[\n\n  {\"a\": [1, 2"),
            "3:14: the file ends inside the list opened at line 3, column 9: is a ']' missing?"
        );
        assert_eq!(
            error("[01]"),
            "1:2: 01 is not a number JSON can read (like 2007, -44 or 1.5; no leading zeros or '+')"
        );
        assert_eq!(error("[True]"), "1:2: \"True\" is not a JSON value: put text in double quotes");
        assert_eq!(error("{} {}"), "1:4: more text after the end of the JSON value: remove it, or put both in a list");
        assert_eq!(error("[\"open"), "1:2: this text has no closing double quote (\")");
        let deep = parse("[[[1]]]", 2).unwrap_err();
        assert_eq!((deep.column, deep.message.as_str()), (3, "more than 2 levels of nesting"));
    }

    #[test]
    fn depth_ignores_brackets_in_strings_and_stops_one_past_the_limit() {
        let text = r#"{"a": [1, {"b": "[[[{{{\"]]"}]}"#;
        assert!(parse(text, 3).is_ok());
        assert!(parse(text, 2).unwrap_err().too_deep);
        assert!(parse("[]", 1).is_ok());
        assert!(parse("\"[\"", 0).is_ok());
        let deep = parse(&"[".repeat(1_000_000), 64).unwrap_err();
        assert!(deep.too_deep && deep.column == 65, "stops early: {deep:?}");
    }

    #[test]
    fn text_reads_like_json_parse() {
        let v = parse(
            "\u{feff} {\"a\": \"x\\u00e9\\ud83d\\ude00\\ud800\\n\", \"b\": [true, false, null, -0.5, 1e3, 2007]}",
            64,
        );
        let b =
            [Json::Bool(true), Json::Bool(false), Json::Null, Json::Num(-0.5), Json::Num(1000.0), Json::Num(2007.0)];
        assert_eq!(
            v.unwrap(),
            Json::Obj(vec![("a".into(), Json::Str("xé😀\u{fffd}\n".into())), ("b".into(), Json::Arr(b.to_vec()))])
        );
    }

    #[test]
    fn text_is_written_as_serde_json_writes_it() {
        let text =
            "{\"a\": [1, 2.5, \"q\\\"\\\\\\n\\u0001é\"], \"b\": {}, \"c\": [], \"d\": {\"e\": null, \"f\": true}}";
        let v = parse(text, 64).unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(v.to_text(false), serde_json::to_string(&value).unwrap());
        assert_eq!(v.to_text(true), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn numbers_are_written_without_float_formatting() {
        assert_eq!(number_text(2007.0), "2007");
        assert_eq!(number_text(-44.0), "-44");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(2.0 / 3.0), "0.666667");
        assert_eq!(number_text(1e20), "1e20");
        assert_eq!(number_text(f64::NAN), "NaN");
    }

    #[test]
    fn known_keys_are_sorted_and_borrowed() {
        assert!(KNOWN_KEYS.windows(2).all(|w| (w[0].len(), w[0]) < (w[1].len(), w[1])), "sorted for the search");
        // Every field of the format is read without a copy of its name.
        for (object, fields) in crate::validate::FORMAT {
            for field in fields.iter().filter(|f| **f != "$schema") {
                assert!(KNOWN_KEYS.contains(field), "{object}.{field} is not in KNOWN_KEYS");
            }
        }
        for known in KNOWN_KEYS {
            assert!(matches!(key_of(known), Cow::Borrowed(k) if k == *known), "{known}");
        }
        assert!(matches!(key_of("Headline"), Cow::Owned(_)));
        assert!(matches!(key_of(""), Cow::Owned(_)));
        assert_eq!(key_of("headlines"), "headlines");
    }

    #[test]
    fn get_takes_the_last_of_duplicated_keys() {
        let v = parse(r#"{"a": 1, "a": "two"}"#, 64).unwrap();
        assert_eq!(v.get("a"), Some(&Json::Str("two".into())));
        assert_eq!(v.get("b"), None);
        assert_eq!(Json::Num(1.0).get("a"), None);
    }

    #[test]
    fn kinds_are_named_for_editors() {
        let v = parse(r#"[null, true, 1.5, "x", [], {}]"#, 64).unwrap();
        let Json::Arr(items) = v else { panic!("not a list") };
        let kinds: Vec<_> = items.iter().map(Json::kind).collect();
        assert_eq!(kinds, ["null", "true/false", "a number", "text", "a list", "an object"]);
    }
}
