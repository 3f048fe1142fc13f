//! Formatted text as DOM nodes: every string goes in as a text node, links only with checked URLs.

use yew::prelude::*;

use crate::text::{append_plain, Inline, Rich, MAX_NESTING};

/// `items` as nodes, `depth` elements deep in the paragraph. Parsed text is never deeper than
/// [`MAX_NESTING`]; should a tree be, what lies below that depth is drawn as its plain text, so the
/// recursion (and the reader's stack) stays bounded whatever the tree.
fn inlines(items: &[Inline], depth: usize) -> Html {
    if depth > MAX_NESTING {
        let mut text = String::new();
        append_plain(items, &mut text);
        return html! { { text } };
    }
    items
        .iter()
        .map(|item| match item {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Emphasis(c) => html! { <em>{ inlines(c, depth + 1) }</em> },
            Inline::Strong(c) => html! { <strong>{ inlines(c, depth + 1) }</strong> },
            // `href` passed validation (http, https, mailto or relative); links open in the same tab.
            Inline::Link { href, children } => {
                html! { <a href={href.clone()} rel="noopener noreferrer">{ inlines(children, depth + 1) }</a> }
            }
            Inline::LineBreak => html! { <br /> },
        })
        .collect()
}

/// The paragraphs of `rich`, each with `class` (and `lang`, when the text's language is not the root's).
pub fn paragraphs(rich: &Rich, class: &'static str, lang: Option<AttrValue>) -> Html {
    rich.blocks.iter().map(|block| html! { <p {class} lang={lang.clone()}>{ inlines(&block.0, 0) }</p> }).collect()
}
