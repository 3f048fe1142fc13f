//! The Yew views. Each reads state and sends actions; none holds logic the core could hold.

mod app;
mod card;
mod controls;
mod error_view;
mod list;
mod media;
mod nav;
mod note;
#[cfg(not(target_arch = "wasm32"))]
mod prerendered;
mod rich;
mod statement;

pub use app::{App, AppProps, Controller, Notice};
pub use error_view::ErrorView;
#[cfg(not(target_arch = "wasm32"))]
pub use prerendered::{Prerendered, PrerenderedProps};

use std::ops::Deref;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::dates::Dates;
use crate::words::{Locale, Word};

/// Data handed down as props or memo inputs: equal only when it is the same allocation. Yew compares props
/// on every render, and comparing a story of 10,000 events by content would cost more than the render.
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Shared<T> {
        Shared(rc)
    }
}

impl<T> Shared<T> {
    /// The shared value's `Rc`, for the pure core, which keeps it without knowing about props.
    pub fn rc(&self) -> Rc<T> {
        self.0.clone()
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The story's title (a heading at the level the page set, which names the widget's region), its summary
/// and the desk's note. `focusable`: the title takes focus by script (after Retry).
pub(crate) fn story_header(
    timeline: &crate::model::Timeline,
    level: crate::options::HeadingLevel,
    title_id: String,
    title: yew::NodeRef,
    focusable: bool,
    locale: &Rc<Locale>,
    dates: &Dates,
) -> yew::Html {
    use yew::prelude::*;
    let lang = text_lang(locale);
    html! {
        <header class="nl-header">
            <@{heading_tag(level.title())} ref={title} id={title_id} class="nl-title" lang={lang.clone()} tabindex={focusable.then_some("-1")}>{ &timeline.title }</@>
            if let Some(summary) = &timeline.summary {
                <p class="nl-summary" {lang}>{ summary }</p>
            }
            // The title slide's media (TimelineJS's), with the title.
            if let Some(media) = &timeline.media {
                <div class="nl-header-media">{ media::media_view(media, locale, "title") }</div>
            }
            if let Some(note) = &timeline.note {
                { note::note_view(note, timeline, locale, dates) }
            }
        </header>
    }
}

/// The story's credit, under it: cards cite their own sources, and a story whose events cite none is
/// credited once, here.
pub(crate) fn credits(timeline: &crate::model::Timeline, locale: &Locale, dates: &Dates) -> yew::Html {
    use yew::prelude::*;
    if timeline.events.iter().any(|e| e.source.is_some()) {
        return Html::default();
    }
    timeline
        .sources
        .iter()
        .map(|source| html! { <p class="nl-credit">{ cited(&[source], locale, dates) }</p> })
        .collect()
}

/// The `lang` of an element of the story's own text: the story's language where the reader's interface is in
/// another ([`Locale::text_lang`]), else none (the root's applies).
pub(crate) fn text_lang(locale: &Locale) -> Option<yew::AttrValue> {
    locale.text_lang().map(|l| yew::AttrValue::from(l.to_owned()))
}

/// "Source: VOA: “…”, by Barry Newhouse, …" (or "Sources: …; …"), in the reader's words and marks, the dates
/// as `dates` writes them. Right to left, or in another language than the story's, the source's own fields
/// are isolated from the reader's words around them ([`crate::model::Source::citation_parts`]). The fields are
/// marked with their language: the source's own (`lang`), else the story's where the reader's words are in
/// another, so a screen reader reads an English title in a Persian card in English.
pub(crate) fn cited(sources: &[&crate::model::Source], locale: &Locale, dates: &Dates) -> yew::Html {
    use yew::prelude::*;
    let isolated = locale.dir() == "rtl" || locale.text_lang().is_some();
    let label = locale.word(if sources.len() == 1 { Word::Source } else { Word::Sources });
    let comma = format!("{} ", locale.word(Word::Comma));
    let marks = [locale.word(Word::OpenQuote), locale.word(Word::CloseQuote), &comma, locale.word(Word::By)];
    let mut out = vec![Html::from(label)];
    for (i, source) in sources.iter().enumerate() {
        out.push(Html::from(if i == 0 { " " } else { "; " }));
        let lang = source.lang.clone().map(AttrValue::from).or_else(|| text_lang(locale));
        // A source in a language of its own may run in another direction than the words around it.
        let isolated = isolated || source.lang.is_some();
        for (text, field) in source.citation_parts(marks, dates) {
            let text = if isolated && field { ["\u{2068}", &text, "\u{2069}"].concat() } else { text };
            out.push(match &lang {
                Some(lang) if field => html! { <span lang={lang.clone()}>{ text }</span> },
                _ => Html::from(text),
            });
        }
    }
    out.into_iter().collect()
}

/// A prefix for element ids that is unique to one widget on the page, so two widgets never share an id.
///
/// Each widget runs in a WebAssembly instance of its own, so a counter alone would repeat across widgets;
/// in the browser a random part keeps them apart.
pub(crate) fn next_instance_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    #[cfg(target_arch = "wasm32")]
    {
        let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        format!("nl{random:x}{n}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("nl{n}")
}

/// The heading tag for `level`, which comes from a [`crate::options::HeadingLevel`] (1 to 6); anything
/// past either end is the nearest of them. A `match`, not `clamp` and an index: no panic, and so no panic
/// location from the standard library's sources in the wasm.
pub(crate) fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h1",
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

/// The id of event `index`'s marker in the widget `uid` (`nl3f2a1-m-7`): its flag on the strip, the overview
/// group holding it when it is the open one, or its item in the list. Focus follows the selection by it.
pub(crate) fn marker_id(uid: &str, index: usize) -> String {
    format!("{uid}-m-{index}")
}

/// The event index a [`marker_id`] of widget `uid` names; `None` for any other id.
pub(crate) fn marker_index(uid: &str, id: &str) -> Option<usize> {
    id.strip_prefix(uid)?.strip_prefix("-m-")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of Rust `source` before its tests, each with the code just before it and the
    /// first character of code after it. Comments are left out; char literals and lifetimes are told apart.
    fn literals(source: &str) -> Vec<(String, String, char)> {
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        let chars: Vec<char> = code.chars().collect();
        let (mut out, mut before, mut i) = (Vec::new(), String::new(), 0);
        while i < chars.len() {
            match (chars[i], chars.get(i + 1).copied().unwrap_or(' ')) {
                ('/', '/') => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                }
                ('/', '*') => {
                    while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                        i += 1;
                    }
                    i += 2;
                }
                ('\'', next) => {
                    // 'x' or '\n' is a char literal; 'a alone is a lifetime.
                    let end = if next == '\\' {
                        chars[i + 3..].iter().position(|&c| c == '\'').map(|p| i + 3 + p)
                    } else {
                        None
                    };
                    match (end, chars.get(i + 2)) {
                        (Some(end), _) => i = end + 1,
                        (None, Some('\'')) => i += 3,
                        _ => {
                            before.push('\'');
                            i += 1;
                        }
                    }
                }
                ('"', _) => {
                    let mut text = String::new();
                    i += 1;
                    while i < chars.len() && chars[i] != '"' {
                        if chars[i] == '\\' {
                            i += 1;
                        }
                        text.push(chars[i]);
                        i += 1;
                    }
                    i += 1;
                    let after = chars[i..].iter().copied().find(|c| !c.is_whitespace()).unwrap_or(' ');
                    let context: Vec<&str> = before.split_whitespace().collect();
                    let context = context[context.len().saturating_sub(6)..].join(" ");
                    out.push((text, context, after));
                    before.push_str("\"\"");
                }
                (c, _) => {
                    before.push(c);
                    i += 1;
                }
            }
        }
        out
    }

    /// The literals of `source` that would show a reader English words: text between braces in `html!`
    /// (`{ "Expand all" }`), the value of an attribute a reader hears or sees (`aria-label`, `title`, `alt`,
    /// `placeholder`), and anywhere else words with a space or a capital ("Show earlier events ({} more)",
    /// `=> "Quote"`). Allowed: class lists (`nl-…`), ids and selectors, attribute values that are tokens
    /// (`"true"`, `"polite"`), key names, format strings whose letters are all in placeholders, and messages
    /// to the page's console ("Newsline: …").
    fn english_literals(source: &str) -> Vec<String> {
        const TOKENS: &[&str] = &["true", "false", "ltr", "rtl", "en", "status", "alert", "polite", "-1", "0"];
        const KEYS: &[&str] =
            &["Escape", "Enter", "Home", "End", "Tab", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];
        const HEARD: &[&str] =
            &["aria-label=", "aria-description=", "aria-roledescription=", "title=", "alt=", "placeholder="];
        let mut found = Vec::new();
        for (text, context, after) in literals(source) {
            // Letters outside `{…}` placeholders.
            let mut words = String::new();
            let mut depth = 0;
            for c in text.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => words.push(c),
                    _ => {}
                }
            }
            let has_word = words.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 2);
            let class_list = words.split_whitespace().all(|t| t.starts_with("nl-") || t == "newsline");
            let text_child = context.ends_with('{') && after == '}';
            let context = context.trim_end_matches(['{', ' ']);
            let attribute = context.rsplit([' ', '<']).next().unwrap_or("");
            let heard = HEARD.iter().any(|h| attribute.ends_with(h));
            // `name=` of an HTML attribute, not the `=` of a `let` or a `const`.
            let name = attribute.strip_suffix('=').unwrap_or("");
            let other_attribute =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !heard;
            let capital = words.trim_start().starts_with(|c: char| c.is_ascii_uppercase());
            let allowed = !has_word
                || class_list
                || other_attribute
                || TOKENS.contains(&text.as_str())
                || KEYS.contains(&text.as_str())
                || text.starts_with("Newsline: ");
            if !allowed && (heard || text_child || words.contains(' ') || capital) {
                found.push(text);
            }
        }
        found
    }

    #[test]
    fn the_lint_finds_english_where_a_reader_meets_it() {
        let old = r##"
            html! { <button aria-label="Zoom out">{ "Expand all" }</button> }
            let kind = match k { Kind::Quote => "Quote", _ => "x" };
            let more = format!("Show earlier events ({} more)", n);
            let gap = format!("{} later", b.label);
            html! { <img alt="Photo" /> <p>{ "later" }</p> }
            const LABEL: &str = "Editor's note: ";
        "##;
        assert_eq!(
            english_literals(old),
            [
                "Zoom out",
                "Expand all",
                "Quote",
                "Show earlier events ({} more)",
                "{} later",
                "Photo",
                "later",
                "Editor's note: "
            ]
        );
        let fine = r##"
            // A comment that says "Show all" is no literal; nor is a lifetime: fn f<'a>(x: &'a str) {}
            html! { <p class="nl-button nl-prev" rel="noopener noreferrer" aria-live="polite">{ " " }{ ", " }</p> }
            html! { <b aria-disabled={if a { "true" } else { "false" }} id={format!("{uid}-card")} /> }
            let q = '"'; let s = format!("#{}", id); warn(format!("Newsline: {w} is wrong"));
            if e.key() == "Escape" {}
        "##;
        assert_eq!(english_literals(fine), Vec::<String>::new());
    }

    /// Every word a reader meets comes from `src/words.rs`: the views' sources hold no English in a literal a
    /// reader sees or hears. (`NEWSLINE_VIEWS` names another folder of views to lint: it found 36 on the views
    /// as they were before they took their words from the tables.)
    #[test]
    fn the_views_hold_no_english_words() {
        let dir = std::env::var("NEWSLINE_VIEWS")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/src/components").to_owned());
        let mut found = Vec::new();
        let mut files = 0;
        for entry in std::fs::read_dir(&dir).expect("the views' folder") {
            let path = entry.expect("a file of the folder").path();
            if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                let source = std::fs::read_to_string(&path).expect("a view's source");
                found.extend(english_literals(&source).into_iter().map(|w| format!("{}: {w:?}", path.display())));
            }
        }
        assert!(files >= 10, "the views are where they were: {dir}");
        assert!(found.is_empty(), "English in the views; put it in src/words.rs:\n{}", found.join("\n"));
    }

    #[test]
    fn heading_tags_stay_in_h1_to_h6() {
        let tags: Vec<&str> = (0..=8).map(heading_tag).collect();
        assert_eq!(tags, ["h1", "h1", "h2", "h3", "h4", "h5", "h6", "h6", "h6"]);
    }

    #[test]
    fn marker_ids() {
        assert_eq!(marker_id("nl3f2", 0), "nl3f2-m-0");
        assert_eq!(marker_id("nl3f2", 12_345), "nl3f2-m-12345");
        assert_eq!(marker_index("nl3f2", &marker_id("nl3f2", 12_345)), Some(12_345));
        assert_eq!(marker_index("nl3f2", "nl3f2-g-4"), None);
        assert_eq!(marker_index("nl3f2", "nl9-m-4"), None);
    }
}
