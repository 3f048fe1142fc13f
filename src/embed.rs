//! Mounting into a host page: every `<div data-newsline>` becomes a widget, configured by its attributes.
//!
//! - `data-start`: id of the event to open first;
//! - `data-hash`: `on`/`off`, whether the widget reads and writes the URL hash (on by default when it is the
//!   only widget on the page, off when there are several, so they do not fight over one fragment);
//! - `data-heading-level`: level of the widget's top heading (default 2).

use crate::components::{App, AppProps};

/// Mounts a widget in every `[data-newsline]` element of the document that has none yet.
/// Returns how many it mounted.
pub fn mount_all() -> usize {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return 0 };
    let Ok(nodes) = document.query_selector_all("[data-newsline]:not([data-newsline-mounted])") else {
        return 0;
    };
    let total = document.query_selector_all("[data-newsline]").map_or(0, |n| n.length());
    let mut mounted = 0;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
        let hash = match attr("data-hash").as_deref().map(str::trim) {
            Some("on") | Some("true") => true,
            Some("off") | Some("false") => false,
            _ => total <= 1,
        };
        let heading_level = attr("data-heading-level").and_then(|v| v.trim().parse::<u8>().ok()).unwrap_or(2);
        let props = AppProps { data: None, start: attr("data-start").map(Into::into), hash, heading_level };
        let _ = element.set_attribute("data-newsline-mounted", "");
        yew::Renderer::<App>::with_root_and_props(element, props).render();
        mounted += 1;
    }
    mounted
}
