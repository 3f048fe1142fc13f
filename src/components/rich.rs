//! Formatted text as DOM nodes: every string goes in as a text node, links only with checked URLs.

use yew::prelude::*;

use crate::text::{Inline, Rich};

fn inlines(items: &[Inline]) -> Html {
    items
        .iter()
        .map(|item| match item {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Emphasis(c) => html! { <em>{ inlines(c) }</em> },
            Inline::Strong(c) => html! { <strong>{ inlines(c) }</strong> },
            // `href` passed validation (http, https, mailto or relative); links open in the same tab.
            Inline::Link { href, children } => {
                html! { <a href={href.clone()} rel="noopener noreferrer">{ inlines(children) }</a> }
            }
            Inline::LineBreak => html! { <br /> },
        })
        .collect()
}

/// The paragraphs of `rich`, each with `class`.
pub fn paragraphs(rich: &Rich, class: &'static str) -> Html {
    rich.blocks.iter().map(|block| html! { <p {class}>{ inlines(&block.0) }</p> }).collect()
}
