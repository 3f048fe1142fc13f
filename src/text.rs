//! Formatted text, safely: paragraphs, emphasis, strong, line breaks and links, and nothing else.
//!
//! A body may be written Markdown-like (`*emphasis*`, `**strong**`, `[words](https://…)`, a blank line between
//! paragraphs) or as a small HTML subset (`<p> <br> <em> <i> <strong> <b> <a href>`), which is what TimelineJS
//! files hold. Both become [`Block`]s that the widget renders as DOM nodes, never as HTML:
//! - any other tag is dropped and its text kept (`<span>`, `<div>`, `<u>` ...);
//! - the content of `<script>`, `<style>`, `<iframe>`, `<object>`, `<svg>`, `<math>`, `<template>` and
//!   `<noscript>` is dropped with the tag;
//! - a link whose URL is not http, https, mailto or relative becomes plain text, and the caller is told
//!   ([`Rich::dropped_links`]) so it can warn;
//! - emphasis, strong and links nest at most [`MAX_NESTING`] deep, whatever the tags say.
//!
//! Parsing takes time linear in the text, whatever it holds: each delimiter's next place is remembered
//! rather than searched for again at every `[`, `*` or `&`.

use std::fmt::Write as _;

/// A paragraph of inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block(pub Vec<Inline>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { href: String, children: Vec<Inline> },
    LineBreak,
}

/// The deepest nesting of emphasis, strong and links in parsed text: [`parse`] never builds a deeper
/// [`Inline`] tree, whatever the input (deeper opening tags are dropped, their text kept), so walking one
/// recursively is safe.
pub const MAX_NESTING: usize = 32;

/// Parsed formatted text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rich {
    pub blocks: Vec<Block>,
    /// URLs of links that were not safe and became plain text.
    pub dropped_links: Vec<String>,
}

/// Checks a URL for a link or an image: `Some(url)` (trimmed) for http, https, mailto (links only) or a
/// relative URL; `None` for anything else:
/// - `javascript:`, `data:`, `vbscript:` and every other scheme, also hidden behind control characters, white
///   space or character references (`jav&#x61;script:`);
/// - a relative URL that would leave the page's host: protocol-relative `//host`, and the same written with
///   backslashes, which browsers read as slashes (`\/host`, `/\host`, `\\host`);
/// - an absolute URL with a backslash before its query or fragment (`https:\\host`, `https://a.org\@b.org`):
///   browsers and other readers of the link disagree on which host that names. (A backslash in the path of
///   a relative URL, `images\a.jpg`, stays on the page's host and is kept.)
pub fn safe_url(url: &str, allow_mailto: bool) -> Option<String> {
    let trimmed = url.trim();
    if trimmed.is_empty() || trimmed.chars().any(|c| c.is_control() || c.is_whitespace() && c != ' ') {
        return None;
    }
    let slash = |b: Option<&u8>| matches!(b, Some(b'/' | b'\\'));
    let bytes = trimmed.as_bytes();
    if slash(bytes.first()) && slash(bytes.get(1)) || find(trimmed, "&#").is_some() && trimmed.contains(';') {
        return None;
    }
    // A scheme is letters before the first ':' that comes before any '/', '\', '?' or '#'.
    let scheme_end = trimmed.find([':', '/', '\\', '?', '#']);
    match scheme_end {
        Some(i) if trimmed[i..].starts_with(':') => {
            let scheme = trimmed[..i].to_ascii_lowercase();
            let ok = scheme == "http" || scheme == "https" || (allow_mailto && scheme == "mailto");
            let before_query = &trimmed[..trimmed.find(['?', '#']).unwrap_or(trimmed.len())];
            (ok && !before_query.contains('\\')).then(|| trimmed.to_owned())
        }
        _ => Some(trimmed.to_owned()),
    }
}

thread_local! {
    /// The story file's address, which relative media URLs are read against: see [`set_media_base`].
    static MEDIA_BASE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Sets the address relative image URLs are read against: the story file's, as the page resolved it (an
/// absolute http(s) URL), or `None` for a story given as text (they are then left to the page). Each
/// widget runs in a WebAssembly instance of its own, so this is one widget's.
pub fn set_media_base(story_url: Option<String>) {
    MEDIA_BASE.with(|b| *b.borrow_mut() = story_url);
}

/// The address an image of the story is loaded from: `url` read against the story file's address
/// ([`resolve_url`]), then checked again as [`safe_url`] checks images; as given when there is no story file.
pub fn media_src(url: &str) -> Option<String> {
    MEDIA_BASE.with(|b| match &*b.borrow() {
        Some(base) => safe_url(&resolve_url(base, url), false),
        None => safe_url(url, false),
    })
}

/// `url` read against `base`, an absolute http(s) URL such as a story file's address, as a browser reads a
/// link in a page at `base`: a path from the folder `base` is in (`local.svg`, `../images/a.jpg`, with `.`
/// and `..` resolved and backslashes read as slashes), a path from the root of `base`'s site (`/a.jpg`), or
/// a query or fragment on `base` itself. An absolute URL (one with a scheme) is returned as it is, and so is
/// every `url` when `base` is not an absolute http(s) URL. `base`'s host is never left: the result starts
/// with `base`'s scheme and host whatever `url` holds.
pub fn resolve_url(base: &str, url: &str) -> String {
    let url = url.trim();
    let scheme_end = url.find([':', '/', '\\', '?', '#']);
    if scheme_end.is_some_and(|i| url[i..].starts_with(':')) {
        return url.to_owned();
    }
    let scheme = base.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let host_at = if scheme.starts_with("https://") {
        8
    } else if scheme.starts_with("http://") {
        7
    } else {
        return url.to_owned();
    };
    let path_at = base[host_at..].find(['/', '\\', '?', '#']).map_or(base.len(), |i| host_at + i);
    let (origin, rest) = base.split_at(path_at);
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    if url.is_empty() || url.starts_with('#') {
        return format!("{origin}{}{url}", &rest[..rest.find('#').unwrap_or(rest.len())]);
    }
    if url.starts_with('?') {
        return format!("{origin}{}{url}", if path.is_empty() { "/" } else { path });
    }
    let (own, tail) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let own = own.replace('\\', "/");
    let joined = if own.starts_with('/') {
        own
    } else {
        let folder = path.replace('\\', "/");
        format!("{}{own}", &folder[..last_byte(&folder, b'/').map_or(0, |i| i + 1)])
    };
    format!("{origin}{}{tail}", without_dot_segments(&joined))
}

/// Where the ASCII `byte` last occurs in `text` (a char boundary). A plain scan backwards: `str::rfind` and
/// `rsplit` with a character bring the standard library's reverse searcher into the widget.
pub(crate) fn last_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().rposition(|b| b == byte)
}

/// A path with its `.` and `..` segments resolved (RFC 3986, 5.2.4), never above the root: "/a/b/../c" is
/// "/a/c", "/../x" is "/x". Always starts with a slash.
fn without_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let dots = match segment.to_ascii_lowercase().as_str() {
            "." | "%2e" => 1,
            ".." | ".%2e" | "%2e." | "%2e%2e" => 2,
            _ => 0,
        };
        if dots == 2 {
            out.pop();
        }
        if dots == 0 {
            out.push(segment);
        } else if i == last {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

/// Whether `text` has nothing to format in either syntax: no tags, entities, emphasis, links or line
/// breaks. Most headlines and many bodies are like this, and skip the parsers.
pub fn is_plain(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'<' | b'&' | b'*' | b'_' | b'[' | b'\n' | b'\r'))
}

/// Parses a body: HTML-subset when it contains a known tag, Markdown-like otherwise.
pub fn parse(text: &str) -> Rich {
    if is_plain(text) {
        let text = text.trim();
        let blocks = if text.is_empty() { Vec::new() } else { vec![Block(vec![Inline::Text(text.to_owned())])] };
        return Rich { blocks, ..Rich::default() };
    }
    // The commonest form in TimelineJS files: one paragraph of plain text.
    if let Some(inner) = one_plain_paragraph(text) {
        let blocks = if inner.is_empty() { Vec::new() } else { vec![Block(vec![Inline::Text(inner.to_owned())])] };
        return Rich { blocks, ..Rich::default() };
    }
    if looks_like_html(text) {
        parse_html(text)
    } else {
        parse_markdown(text)
    }
}

/// The text inside `<p>...</p>` (any case, blanks around), trimmed, when that text has nothing to format.
fn one_plain_paragraph(text: &str) -> Option<&str> {
    let outer = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let t = outer.as_bytes();
    let n = t.len();
    if n >= 7 && t[..3].eq_ignore_ascii_case(b"<p>") && t[n - 4..].eq_ignore_ascii_case(b"</p>") {
        let inner = &outer[3..n - 4];
        plain_and_collapsed(inner).then(|| inner.trim_matches(' '))
    } else {
        None
    }
}

/// [`parse`] without its short cuts for text with nothing to format: what the short cuts must agree with
/// (tested on generated text).
#[doc(hidden)]
pub fn parse_in_full(text: &str) -> Rich {
    if looks_like_html(text) {
        parse_html(text)
    } else {
        parse_markdown(text)
    }
}

fn looks_like_html(text: &str) -> bool {
    const TAGS: [&[u8]; 15] = [
        b"p", b"br", b"em", b"i>", b"strong", b"b>", b"a ", b"div", b"span", b"/", b"script", b"img", b"ul", b"li",
        b"h",
    ];
    // At each '<', whether a known tag starts there (any case); no copy of the text.
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter(|(_, b)| **b == b'<').any(|(i, _)| {
        let rest = &bytes[i + 1..];
        TAGS.iter().any(|tag| rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag))
    })
}

// ---------- Markdown-like ----------

fn parse_markdown(text: &str) -> Rich {
    let mut rich = Rich::default();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, rich: &mut Rich| {
        if !paragraph.is_empty() {
            let inlines = inline_markdown(paragraph, &mut rich.dropped_links);
            rich.blocks.push(Block(inlines));
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut paragraph, &mut rich);
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut rich);
    rich
}

fn inline_markdown(text: &str, dropped: &mut Vec<String>) -> Vec<Inline> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut plain = String::new();
    // Where each delimiter next occurs, remembered between searches: the text is read once per delimiter,
    // however many `[`, `*` or `_` it holds (a search at every `[` made 100,000 of them take seconds).
    let (mut strong, mut star, mut underscore) = (Next::new(b"**"), Next::new(b"*"), Next::new(b"_"));
    let (mut open, mut close, mut paren) = (Next::new(b"["), Next::new(b"]("), Next::new(b")"));
    let push_plain = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(decode_entities(&std::mem::take(plain))));
        }
    };
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        if bytes[at..].starts_with(b"**") {
            let from = at + 2;
            if let Some(end) = strong.at(bytes, from).filter(|e| *e > from) {
                push_plain(&mut plain, &mut out);
                out.push(Inline::Strong(inline_markdown(&text[from..end], dropped)));
                at = end + 2;
                continue;
            }
        } else if c == '*' || c == '_' {
            let from = at + 1;
            let next = if c == '*' { &mut star } else { &mut underscore };
            if let Some(end) = next.at(bytes, from).filter(|e| *e > from && bytes[from] != b' ') {
                push_plain(&mut plain, &mut out);
                out.push(Inline::Emphasis(inline_markdown(&text[from..end], dropped)));
                at = end + 1;
                continue;
            }
        } else if c == '[' {
            // `[label](href)`: the label runs to the first `](` and holds no `[`; the href runs to the first `)`.
            let link = close
                .at(bytes, at + 1)
                .filter(|&c| open.at(bytes, at + 1).is_none_or(|o| o > c))
                .and_then(|label_end| paren.at(bytes, label_end + 2).map(|href_end| (label_end, href_end)));
            if let Some((label_end, href_end)) = link {
                push_plain(&mut plain, &mut out);
                let children = inline_markdown(&text[at + 1..label_end], dropped);
                let href = &text[label_end + 2..href_end];
                match safe_url(href, true) {
                    Some(href) => out.push(Inline::Link { href, children }),
                    None => {
                        dropped.push(href.to_owned());
                        out.extend(children);
                    }
                }
                at = href_end + 1;
                continue;
            }
        }
        plain.push(c);
        at += c.len_utf8();
    }
    push_plain(&mut plain, &mut out);
    out
}

/// Where an ASCII `needle` next occurs in a text, remembered from the last search: asked at places that
/// never go back, it reads each byte of the text once in all (asked further back, it searches again).
struct Next {
    needle: &'static [u8],
    /// The last search began at `from` and found the first occurrence at `found` (`None`: none to the end).
    from: usize,
    found: Option<usize>,
}

impl Next {
    fn new(needle: &'static [u8]) -> Next {
        debug_assert!(needle.is_ascii() && !needle.is_empty());
        Next { needle, from: usize::MAX, found: None }
    }

    /// The first occurrence at or after byte `at` of `text` (always the same text), in bytes: a char
    /// boundary, since ASCII bytes are never inside a longer UTF-8 sequence.
    fn at(&mut self, text: &[u8], at: usize) -> Option<usize> {
        let known = self.from <= at && self.found.is_none_or(|found| found >= at);
        if !known {
            self.from = at;
            self.found = text.get(at..).and_then(|rest| rest.windows(self.needle.len()).position(|w| w == self.needle));
            self.found = self.found.map(|found| found + at);
            scanned(self.found.unwrap_or(text.len()).saturating_sub(at));
        }
        self.found
    }
}

// Counts the bytes the searches read, for the tests of how the work grows with the text.
#[cfg(test)]
thread_local! {
    static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline(always)]
fn scanned(bytes: usize) {
    #[cfg(test)]
    SCANNED.with(|c| c.set(c.get() + bytes));
    let _ = bytes;
}

/// Where the ASCII `needle` first occurs in `text`, in bytes (a char boundary: ASCII bytes are never inside
/// a longer UTF-8 sequence). A plain scan: the needles are a few bytes, and `str::find` with a text pattern
/// brings 2 KB of searcher into the widget (so `load` looks for "://" with it too).
pub(crate) fn find(text: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.is_ascii() && !needle.is_empty());
    let found = text.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes());
    scanned(found.unwrap_or(text.len()));
    found
}

// ---------- HTML subset ----------

/// Elements whose content is dropped along with them.
const DROP_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript", "head", "title", "textarea",
    "select",
];
/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "table",
    "tr",
];

fn parse_html(text: &str) -> Rich {
    let mut rich = Rich::default();
    // Stack of open inline containers: (tag, children, href).
    let mut stack: Vec<(String, Vec<Inline>, Option<String>)> = vec![(String::new(), Vec::new(), None)];
    let mut rest = text;
    let mut skipping: Option<String> = None;

    let end_paragraph = |stack: &mut Vec<(String, Vec<Inline>, Option<String>)>, rich: &mut Rich| {
        // Close everything that is open, keeping its content, then emit the paragraph.
        while stack.len() > 1 {
            close_top(stack, &mut rich.dropped_links);
        }
        let inlines = std::mem::take(&mut stack[0].1);
        let inlines = trim_inlines(inlines);
        if !inlines.is_empty() {
            rich.blocks.push(Block(inlines));
        }
    };

    while !rest.is_empty() {
        let lt = rest.find('<');
        scanned(lt.unwrap_or(rest.len()));
        let Some(lt) = lt else {
            if skipping.is_none() {
                push_text(&mut stack, &decode_entities(rest));
            }
            break;
        };
        if lt > 0 && skipping.is_none() {
            push_text(&mut stack, &decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        // A comment.
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = find(after, "-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let gt = rest.find('>');
        scanned(gt.unwrap_or(rest.len()));
        let Some(gt) = gt else {
            // A lone '<' is text.
            if skipping.is_none() {
                push_text(&mut stack, &decode_entities(rest));
            }
            break;
        };
        let tag_text = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag_text.starts_with('/');
        let body = tag_text.trim_start_matches('/').trim();
        let name = &body[..body.bytes().take_while(u8::is_ascii_alphanumeric).count()];
        let lowered;
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered = name.to_ascii_lowercase();
            lowered.as_str()
        } else {
            name
        };
        if name.is_empty() {
            if skipping.is_none() {
                push_text(&mut stack, &decode_entities(&format!("<{tag_text}>")));
            }
            continue;
        }
        if let Some(skip) = &skipping {
            if closing && name == *skip {
                skipping = None;
            }
            continue;
        }
        if DROP_CONTENT.contains(&name) {
            if !closing && !body.ends_with('/') {
                skipping = Some(name.to_owned());
            }
            continue;
        }
        if BLOCKS.contains(&name) {
            end_paragraph(&mut stack, &mut rich);
            continue;
        }
        match (name, closing) {
            ("br", _) => stack.last_mut().map_or((), |top| top.1.push(Inline::LineBreak)),
            ("em" | "i" | "strong" | "b" | "a", false) => {
                // The depth is the stack's, which only a matching closing tag lowers: an opening tag past the
                // limit is dropped (its text kept), and so is a closing tag that closes nothing.
                if stack.len() > MAX_NESTING {
                    continue;
                }
                let href = (name == "a").then(|| attribute(body, "href").unwrap_or_default());
                stack.push((name.to_owned(), Vec::new(), href));
            }
            ("em" | "i" | "strong" | "b" | "a", true) => {
                // The stack holds at most MAX_NESTING + 1 entries, so this search is short.
                if let Some(pos) = stack.iter().rposition(|(t, ..)| *t == name) {
                    while stack.len() > pos.max(1) {
                        close_top(&mut stack, &mut rich.dropped_links);
                    }
                }
            }
            // Any other tag: dropped, its text kept.
            _ => {}
        }
    }
    end_paragraph(&mut stack, &mut rich);
    rich
}

/// Whether HTML's collapsing of white space leaves `text` as it is: ASCII with single spaces only.
fn collapsed_already(text: &str) -> bool {
    scan(text, false)
}

/// [`is_plain`] and [`collapsed_already`] at once, in one pass (the commonest body is read this way).
fn plain_and_collapsed(text: &str) -> bool {
    scan(text, true)
}

/// One pass over `text`: ASCII, no white space but single spaces, and, when `plain`, nothing to format.
fn scan(text: &str, plain: bool) -> bool {
    // What each byte is: 1 formats (`<&*_[`), 2 is white space other than a space, or not ASCII.
    const CLASS: [u8; 256] = {
        let mut class = [0u8; 256];
        let mut b = 0x80;
        while b < 256 {
            class[b] = 2;
            b += 1;
        }
        class[b'\t' as usize] = 2;
        class[b'\n' as usize] = 2;
        class[0x0c] = 2;
        class[b'\r' as usize] = 2;
        class[b'<' as usize] = 1;
        class[b'&' as usize] = 1;
        class[b'*' as usize] = 1;
        class[b'_' as usize] = 1;
        class[b'[' as usize] = 1;
        class
    };
    let refused = if plain { 3 } else { 2 };
    let mut space = false;
    for &b in text.as_bytes() {
        if CLASS[b as usize] & refused != 0 || (space && b == b' ') {
            return false;
        }
        space = b == b' ';
    }
    true
}

fn push_text(stack: &mut [(String, Vec<Inline>, Option<String>)], text: &str) {
    if text.is_empty() {
        return;
    }
    let Some(top) = stack.last_mut() else { return };
    // White space in HTML collapses; ordinary text (single ASCII spaces) needs no copy to do that.
    if collapsed_already(text) {
        match top.1.last_mut() {
            Some(Inline::Text(t)) => t.push_str(text),
            _ => top.1.push(Inline::Text(text.to_owned())),
        }
        return;
    }
    let mut collapsed = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                collapsed.push(' ');
            }
            space = false;
            collapsed.push(c);
        }
    }
    if space {
        collapsed.push(' ');
    }
    match top.1.last_mut() {
        Some(Inline::Text(t)) => t.push_str(&collapsed),
        _ => top.1.push(Inline::Text(collapsed)),
    }
}

fn close_top(stack: &mut Vec<(String, Vec<Inline>, Option<String>)>, dropped: &mut Vec<String>) {
    let Some((tag, children, href)) = stack.pop() else { return };
    let Some(parent) = stack.last_mut() else { return };
    match tag.as_str() {
        "em" | "i" => parent.1.push(Inline::Emphasis(children)),
        "strong" | "b" => parent.1.push(Inline::Strong(children)),
        "a" => match href.as_deref().and_then(|h| safe_url(&decode_entities(h), true)) {
            Some(href) => parent.1.push(Inline::Link { href, children }),
            None => {
                if let Some(h) = href.filter(|h| !h.is_empty()) {
                    dropped.push(decode_entities(&h));
                }
                parent.1.extend(children);
            }
        },
        _ => parent.1.extend(children),
    }
}

/// Trims white space at the ends of a paragraph.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
    }
    inlines
}

/// The value of attribute `name` in a tag's text (`a href="…"`), quotes removed.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_owned(),
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or("").to_owned(),
        });
    }
    None
}

/// Decodes the common named entities and numeric ones; anything unknown stays as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // An entity is at most 11 characters between `&` and `;`: the search for `;` stops there, so a text of
        // many `&` and no `;` is read once, not once for every `&`.
        let window = &rest.as_bytes()[1..rest.len().min(13)];
        let end = window.iter().position(|b| *b == b';').map(|e| e + 1);
        scanned(window.len());
        let decoded = end.and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => entity.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32).filter(|c| *c != '\0')
                }),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends the text of `inlines` to `out`, without formatting (a line break as `\n`). A loop over a stack of
/// its own, not recursion: any depth is safe.
pub fn append_plain(inlines: &[Inline], out: &mut String) {
    let mut stack = vec![inlines.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Inline::Text(t)) => out.push_str(t),
            Some(Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. }) => stack.push(c.iter()),
            Some(Inline::LineBreak) => out.push('\n'),
        }
    }
}

impl Rich {
    /// How deep its elements nest: a paragraph's own children are at depth 0, what an emphasis, strong or
    /// link holds one deeper. Never more than [`MAX_NESTING`] for a parsed text (tested, and fuzzed).
    pub fn depth(&self) -> usize {
        let mut deepest = 0;
        let mut stack: Vec<(&[Inline], usize)> = self.blocks.iter().map(|b| (b.0.as_slice(), 0)).collect();
        while let Some((items, d)) = stack.pop() {
            deepest = deepest.max(d);
            for i in items {
                if let Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } = i {
                    stack.push((c, d + 1));
                }
            }
        }
        deepest
    }

    /// The text without formatting, paragraphs separated by blank lines.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            append_plain(&b.0, &mut out);
        }
        out
    }

    /// The same content as the HTML subset (for TimelineJS output), text escaped.
    pub fn to_html(&self) -> String {
        fn walk(inlines: &[Inline], out: &mut String) {
            for i in inlines {
                match i {
                    Inline::Text(t) => out.push_str(&escape(t)),
                    Inline::Emphasis(c) => {
                        out.push_str("<em>");
                        walk(c, out);
                        out.push_str("</em>");
                    }
                    Inline::Strong(c) => {
                        out.push_str("<strong>");
                        walk(c, out);
                        out.push_str("</strong>");
                    }
                    Inline::Link { href, children } => {
                        let _ = write!(out, "<a href=\"{}\">", escape(href));
                        walk(children, out);
                        out.push_str("</a>");
                    }
                    Inline::LineBreak => out.push_str("<br>"),
                }
            }
        }
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str("<p>");
            walk(&b.0, &mut out);
            out.push_str("</p>");
        }
        out
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_its_tags_in_any_case() {
        for html in ["<P>One</P>", "a <B>b</B>", "<Strong>x</Strong>", "<h2>T</h2>", "x</span>", "<A HREF='/'>y</A>"] {
            assert!(looks_like_html(html), "{html}");
        }
        for text in ["x < y and y > z", "<abbr>", "<<", "no tags", "*emphasis*", "<", "a<"] {
            assert!(!looks_like_html(text), "{text}");
        }
    }
    use Inline::*;

    fn t(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn markdown_table() {
        let cases: Vec<(&str, Vec<Block>)> = vec![
            ("plain", vec![Block(vec![t("plain")])]),
            ("one\ntwo\n\nthree", vec![Block(vec![t("one two")]), Block(vec![t("three")])]),
            (
                "a *b* **c** _d_",
                vec![Block(vec![
                    t("a "),
                    Emphasis(vec![t("b")]),
                    t(" "),
                    Strong(vec![t("c")]),
                    t(" "),
                    Emphasis(vec![t("d")]),
                ])],
            ),
            (
                "see [VOA](https://www.voanews.com/)",
                vec![Block(vec![
                    t("see "),
                    Link { href: "https://www.voanews.com/".into(), children: vec![t("VOA")] },
                ])],
            ),
            (
                "[mail](mailto:desk@example.org)",
                vec![Block(vec![Link { href: "mailto:desk@example.org".into(), children: vec![t("mail")] }])],
            ),
            ("[x](javascript:alert(1))", vec![Block(vec![t("x"), t(")")])]),
            ("2 * 3 = 6", vec![Block(vec![t("2 * 3 = 6")])]),
            ("<not a tag", vec![Block(vec![t("<not a tag")])]),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).blocks, want, "{input}");
        }
    }

    #[test]
    fn html_table() {
        let cases: Vec<(&str, Vec<Block>)> = vec![
            (
                "<p>One</p><p>Two <em>three</em></p>",
                vec![Block(vec![t("One")]), Block(vec![t("Two "), Emphasis(vec![t("three")])])],
            ),
            ("<b>bold</b><br>next", vec![Block(vec![Strong(vec![t("bold")]), LineBreak, t("next")])]),
            ("<p>x<script>alert(1)</script>y</p>", vec![Block(vec![t("xy")])]),
            (
                "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>",
                vec![Block(vec![Link { href: "https://example.org/?a=1&b=2".into(), children: vec![t("link")] }])],
            ),
            ("<a href='javascript:alert(1)'>bad</a>", vec![Block(vec![t("bad")])]),
            ("<a href=\"jav&#x09;ascript:alert(1)\">bad</a>", vec![Block(vec![t("bad")])]),
            ("<img src=x onerror=alert(1)>caption", vec![Block(vec![t("caption")])]),
            ("<span style=\"color:red\" onclick=\"x()\">kept</span>", vec![Block(vec![t("kept")])]),
            ("<svg><script>alert(1)</script></svg>after", vec![Block(vec![t("after")])]),
            ("Tom &amp; Jerry &lt;3 &#8212; &unknown;", vec![Block(vec![t("Tom & Jerry <3 — &unknown;")])]),
            (
                "<em>unclosed <strong>nest</em> tail",
                vec![Block(vec![Emphasis(vec![t("unclosed "), Strong(vec![t("nest")])]), t(" tail")])],
            ),
            ("<!-- hidden --><p>shown</p>", vec![Block(vec![t("shown")])]),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).blocks, want, "{input}");
        }
    }

    #[test]
    fn unsafe_links_are_reported() {
        let rich = parse("<a href=\"javascript:alert(1)\">x</a> and [y](data:text/html,hi)");
        assert_eq!(rich.dropped_links, ["javascript:alert(1)"]);
        let rich = parse("[y](data:text/html,hi)");
        assert_eq!(rich.dropped_links, ["data:text/html,hi"]);
    }

    #[test]
    fn safe_url_table() {
        let cases = [
            ("https://example.org/a", true),
            ("http://example.org", true),
            ("HTTPS://EXAMPLE.ORG", true),
            ("mailto:desk@example.org", true),
            ("/relative/path.json", true),
            ("story.json#x", true),
            ("javascript:alert(1)", false),
            (" JavaScript:alert(1)", false),
            ("java\tscript:alert(1)", false),
            ("java\nscript:alert(1)", false),
            ("data:image/png;base64,AAAA", false),
            ("vbscript:msgbox", false),
            ("//evil.example/x.js", false),
            ("\\\\evil.example", false),
            ("\\/evil.example/x.js", false),
            ("/\\evil.example/x.js", false),
            ("\\\\evil.example/x.js", false),
            ("https:\\\\evil.example", false),
            ("https://example.org\\@evil.example/", false),
            ("images\\a.jpg", true),
            ("/search?q=a\\b", true),
            ("https://example.org/?q=a\\b", true),
            ("page#a\\b", true),
            ("jav&#x61;script:alert(1)", false),
            ("", false),
        ];
        for (url, ok) in cases {
            assert_eq!(safe_url(url, true).is_some(), ok, "{url:?}");
        }
        assert_eq!(safe_url("mailto:x@y.z", false), None, "no mailto for images");
    }

    #[test]
    fn media_urls_are_read_against_the_story_file() {
        let base = "https://news.example.org/newsline/stories/story.json?v=2#top";
        let cases = [
            ("local.svg", "https://news.example.org/newsline/stories/local.svg"),
            ("./img/a.jpg", "https://news.example.org/newsline/stories/img/a.jpg"),
            ("../images/a.jpg?w=640#x", "https://news.example.org/newsline/images/a.jpg?w=640#x"),
            ("../../../../a.jpg", "https://news.example.org/a.jpg"),
            ("img/./b/../c.png", "https://news.example.org/newsline/stories/img/c.png"),
            ("img/%2E%2E/c.png", "https://news.example.org/newsline/stories/c.png"),
            ("images\\a.jpg", "https://news.example.org/newsline/stories/images/a.jpg"),
            ("..", "https://news.example.org/newsline/"),
            ("/root.png", "https://news.example.org/root.png"),
            ("?q=1", "https://news.example.org/newsline/stories/story.json?q=1"),
            ("#f", "https://news.example.org/newsline/stories/story.json?v=2#f"),
            ("https://cdn.example.net/a.jpg", "https://cdn.example.net/a.jpg"),
            ("HTTP://cdn.example.net/a.jpg", "HTTP://cdn.example.net/a.jpg"),
        ];
        for (url, want) in cases {
            assert_eq!(resolve_url(base, url), want, "{url:?}");
        }
        // A story at a site's root, and one whose address has no path at all.
        assert_eq!(resolve_url("http://127.0.0.1:8080/story.json", "a.png"), "http://127.0.0.1:8080/a.png");
        assert_eq!(resolve_url("http://127.0.0.1:8080", "a.png"), "http://127.0.0.1:8080/a.png");
        // No base to read against: the URL as given.
        assert_eq!(resolve_url("about:blank", "a.png"), "a.png");
        assert_eq!(resolve_url("", "../a.png"), "../a.png");
        // Whatever the URL holds, the result stays on the story's host; and safe_url still has the last word.
        for hostile in ["/\\evil.example/x", "\\\\evil.example", "..\\..\\/evil.example", "//evil.example/x"] {
            assert!(resolve_url(base, hostile).starts_with("https://news.example.org/"), "{hostile:?}");
        }
        set_media_base(Some(base.to_owned()));
        assert_eq!(media_src("local.svg").as_deref(), Some("https://news.example.org/newsline/stories/local.svg"));
        assert_eq!(media_src("javascript:alert(1)"), None);
        assert_eq!(media_src("data:image/svg+xml,<svg/>"), None);
        assert_eq!(media_src("https://example.org\\@evil.example/"), None);
        set_media_base(None);
        assert_eq!(media_src("local.svg").as_deref(), Some("local.svg"), "a story given as text: the page reads it");
        assert_eq!(media_src("javascript:alert(1)"), None);
    }

    #[test]
    fn round_trips_through_html() {
        let rich = parse("One *two* [three](https://x.org/?a=1&b=2)\n\n**Four** <5>");
        assert_eq!(parse(&rich.to_html()).blocks, rich.blocks);
        assert_eq!(rich.plain(), "One two three\n\nFour <5>");
    }

    /// Texts that made the parsers search the rest of the text at every character: each `piece` repeated.
    const PATHOLOGICAL: &[&str] = &[
        "[", "](", "[x](", "[a", "]", "(", ")", "<", "<a ", "&", "&a", "*", "_", "**", "* ", "_ ", "*_", "**x*",
        "<em></b>", "</em>", "<em>", "<b>[", "<!--", "<p>*[", "\n[", "[\n\n](",
    ];

    /// The bytes the searches read to parse `text`.
    fn scanned_by(text: &str) -> usize {
        SCANNED.with(|c| c.set(0));
        let _ = parse(text);
        SCANNED.with(|c| c.get())
    }

    #[test]
    fn parsing_reads_the_text_a_bounded_number_of_times_whatever_it_holds() {
        for piece in PATHOLOGICAL {
            let (short, long) = (piece.repeat(20_000 / piece.len()), piece.repeat(40_000 / piece.len()));
            let (a, b) = (scanned_by(&short), scanned_by(&long));
            // Linear: twice the text, about twice the reading, and a few readings of each byte at most.
            assert!(
                b * 10 <= a * 21 + 10_000,
                "{piece:?} repeated: {a} bytes read for {}, {b} for {}",
                short.len(),
                long.len()
            );
            assert!(b <= 16 * long.len(), "{piece:?} repeated: {b} bytes read for {}", long.len());
        }
    }

    #[test]
    fn pathological_text_parses_in_linear_time() {
        // 200,000 characters of each: the old search at every `[` took minutes on some of these in a debug
        // build; linear parsing takes milliseconds, so the bound is far from both.
        for piece in PATHOLOGICAL {
            let text = piece.repeat(200_000 / piece.len());
            let start = std::time::Instant::now();
            let rich = parse(&text);
            let took = start.elapsed();
            assert!(took.as_secs_f64() < 2.0, "{piece:?} repeated to 200,000 bytes took {took:?}");
            assert!(rich.depth() <= MAX_NESTING, "{piece:?}");
        }
    }

    #[test]
    fn nesting_is_bounded_and_unmatched_closing_tags_change_nothing() {
        // A closing tag that closes nothing used to lower the depth count, so this built a tree 12,500 deep.
        for text in ["<em></b>".repeat(12_500), "<em></em></em><em>".repeat(5_000), "<b><i></a></u></p>".repeat(5_000)]
        {
            assert!(parse(&text).depth() <= MAX_NESTING, "{}", &text[..24]);
        }
        let deep = "<em>".repeat(40) + "x" + &"</em>".repeat(40) + " y";
        let rich = parse(&deep);
        assert_eq!(rich.depth(), MAX_NESTING);
        assert_eq!(rich.plain(), "x y", "the text past the limit is kept");
        let cases: &[(&str, Vec<Block>)] = &[
            ("</em>a<em>b</em>c", vec![Block(vec![t("a"), Emphasis(vec![t("b")]), t("c")])]),
            ("<em>a</b>b</em>c", vec![Block(vec![Emphasis(vec![t("ab")]), t("c")])]),
            ("<b></i></i></i>x</b>", vec![Block(vec![Strong(vec![t("x")])])]),
        ];
        for (input, want) in cases {
            assert_eq!(&parse(input).blocks, want, "{input}");
        }
    }

    #[test]
    fn plain_text_of_any_depth_is_read_without_recursion() {
        let mut deep = vec![t("x")];
        for _ in 0..200_000 {
            deep = vec![Emphasis(deep)];
        }
        let mut out = String::new();
        append_plain(&deep, &mut out);
        assert_eq!(out, "x");
        // Dropping so deep a tree would recurse too: take it apart from the top.
        while let Some(Emphasis(inner)) = deep.pop() {
            deep = inner;
        }
    }

    /// The Markdown-like reader before it remembered where each delimiter is: what the linear one must agree with.
    fn inline_markdown_reference(text: &str, dropped: &mut Vec<String>) -> Vec<Inline> {
        fn markdown_link(text: &str) -> Option<(&str, &str, usize)> {
            let close = find(text, "](")?;
            let label = &text[1..close];
            if label.contains('[') {
                return None;
            }
            let href_start = close + 2;
            let href_len = text[href_start..].find(')')?;
            Some((label, &text[href_start..href_start + href_len], href_start + href_len + 1))
        }
        let mut out = Vec::new();
        let mut plain = String::new();
        let mut rest = text;
        let push_plain = |plain: &mut String, out: &mut Vec<Inline>| {
            if !plain.is_empty() {
                out.push(Inline::Text(decode_entities(&std::mem::take(plain))));
            }
        };
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("**") {
                if let Some(end) = find(after, "**").filter(|e| *e > 0) {
                    push_plain(&mut plain, &mut out);
                    out.push(Inline::Strong(inline_markdown_reference(&after[..end], dropped)));
                    rest = &after[end + 2..];
                    continue;
                }
            } else if c == '*' || c == '_' {
                let after = &rest[1..];
                if let Some(end) = after.find(c).filter(|e| *e > 0 && !after.starts_with(' ')) {
                    push_plain(&mut plain, &mut out);
                    out.push(Inline::Emphasis(inline_markdown_reference(&after[..end], dropped)));
                    rest = &after[end + 1..];
                    continue;
                }
            } else if c == '[' {
                if let Some((label, href, used)) = markdown_link(rest) {
                    push_plain(&mut plain, &mut out);
                    let children = inline_markdown_reference(label, dropped);
                    match safe_url(href, true) {
                        Some(href) => out.push(Inline::Link { href, children }),
                        None => {
                            dropped.push(href.to_owned());
                            out.extend(children);
                        }
                    }
                    rest = &rest[used..];
                    continue;
                }
            }
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
        push_plain(&mut plain, &mut out);
        out
    }

    #[test]
    fn the_linear_markdown_reader_agrees_with_the_searching_one() {
        // Every text of up to 5 characters over the delimiters, plus longer ones from a small generator.
        let alphabet = ["[", "]", "(", ")", "*", "_", " ", "a", "é", "&"];
        let mut texts = vec![String::new()];
        let mut layer = vec![String::new()];
        for _ in 0..5 {
            layer = layer.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(layer.iter().cloned());
        }
        let mut seed = 11u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(
                    ["[", "](", ")", "*", "**", "_", " ", "x", "[x](", "y)", "&amp;"][(seed >> 33) as usize % 11],
                );
            }
            texts.push(text);
        }
        for text in &texts {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            assert_eq!(inline_markdown(text, &mut a), inline_markdown_reference(text, &mut b), "{text:?}");
            assert_eq!(a, b, "{text:?}");
        }
    }
}
