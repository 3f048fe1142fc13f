//! An event's own colour on its card: the custom property `--nl-event-accent`, set through the CSSOM (a strict
//! Content-Security-Policy allows that; it refuses a `style` attribute in markup).

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Sets `--nl-event-accent` on the element behind `node` to `accent` (a checked `#rrggbb`, see
/// [`crate::accent`]), or removes it when there is none, after each render that changes it.
///
/// ```ignore
/// let card = use_node_ref();
/// use_accent(card.clone(), event.accent.clone());
/// html! { <article ref={card} data-accent={event.accent.is_some().then_some("")}>{ "…" }</article> }
/// ```
#[hook]
pub fn use_accent(node: NodeRef, accent: Option<String>) {
    use_effect_with(accent, move |accent| {
        if let Some(element) = node.cast::<web_sys::Element>().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let style = element.style();
            let _ = match accent {
                Some(color) => style.set_property("--nl-event-accent", color),
                None => style.remove_property("--nl-event-accent").map(|_| ()),
            };
        }
    });
}
