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
) -> yew::Html {
    use yew::prelude::*;
    html! {
        <header class="nl-header">
            <@{heading_tag(level.title())} ref={title} id={title_id} class="nl-title" tabindex={focusable.then_some("-1")}>{ &timeline.title }</@>
            if let Some(summary) = &timeline.summary {
                <p class="nl-summary">{ summary }</p>
            }
            // The title slide's media (TimelineJS's), with the title.
            if let Some(media) = &timeline.media {
                <div class="nl-header-media">{ media::media_view(media, &crate::words::Locale::default(), "title") }</div>
            }
            if let Some(note) = &timeline.note {
                { note::note_view(note, timeline) }
            }
        </header>
    }
}

/// The story's credit, under it: cards cite their own sources, and a story whose events cite none is
/// credited once, here.
pub(crate) fn credits(timeline: &crate::model::Timeline) -> yew::Html {
    use yew::prelude::*;
    if timeline.events.iter().any(|e| e.source.is_some()) {
        return Html::default();
    }
    timeline
        .sources
        .iter()
        .map(|source| html! { <p class="nl-credit">{ "Source: " }{ source.citation() }</p> })
        .collect()
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
