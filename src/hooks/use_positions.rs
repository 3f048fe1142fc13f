use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::frame::scroll_left;

/// After every render, sizes `container` from its own `data-w` (width) and `data-h` (height) and, when
/// `descendants` is set, places each element below it that has `data-x` (from the inline start: the left, or
/// the right in a right-to-left widget, so the axis mirrors with no change to the layout), `data-y`
/// (bottom), `data-w` or `data-h` at that many pixels, through the CSSOM. A component that owns positioned children passes
/// `true`; one that only sizes itself passes `false`, so no subtree is walked twice.
///
/// Positions go through `element.style` rather than a `style` attribute in the markup, so the widget works
/// under a Content-Security-Policy without `style-src 'unsafe-inline'`. In a browser whose CSS reads typed
/// attributes (`attr(data-x px)`) the stylesheet does all of this itself, and the hook writes nothing.
///
/// ```ignore
/// let track = use_node_ref();
/// use_positions(track.clone(), true);
/// html! { <div ref={track}><span data-x="120">{ "1979" }</span></div> }
/// ```
#[hook]
pub fn use_positions(container: NodeRef, descendants: bool) {
    use_effect(move || {
        if css_places_by_attributes() {
            return;
        }
        if let Some(root) = container.cast::<Element>() {
            let pairs: &[(&str, &str)] = if descendants {
                &[("data-x", "inset-inline-start"), ("data-w", "width"), ("data-h", "height"), ("data-y", "bottom")]
            } else {
                &[]
            };
            for &(attribute, property) in pairs {
                let Ok(nodes) = root.query_selector_all(&format!("[{attribute}]")) else { continue };
                for i in 0..nodes.length() {
                    let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
                    if let Some(px) = el.get_attribute(attribute) {
                        let _ = el.style().set_property(property, &format!("{px}px"));
                    }
                }
            }
            // The container itself may carry a width or a height.
            if let Some(el) = root.dyn_ref::<HtmlElement>() {
                for (attribute, property) in [("data-w", "width"), ("data-h", "height")] {
                    if let Some(px) = el.get_attribute(attribute) {
                        let _ = el.style().set_property(property, &format!("{px}px"));
                    }
                }
            }
        }
    });
}

/// Whether the stylesheet places elements from their `data-*` attributes by itself (CSS typed `attr()`, see
/// the end of `newsline.css`): then the CSSOM writes would repeat it after every render. Asked once.
fn css_places_by_attributes() -> bool {
    thread_local! {
        static ANSWER: bool = web_sys::css::supports_with_value("inset-inline-start", "attr(data-x px)").unwrap_or(false);
    }
    ANSWER.with(|a| *a)
}

/// Whether `element` is laid out right to left (its computed `direction`, which the logical properties that
/// place the markers and the browser's `scrollLeft` both follow), read at the moment it is needed.
pub fn right_to_left(element: &Element) -> bool {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("direction").ok())
        .is_some_and(|d| d == "rtl")
}

/// How far the strip `nav` is scrolled from the start of its time, whichever way time runs.
pub fn scrolled_from_start(nav: &Element) -> i32 {
    scroll_left(nav.scroll_left(), right_to_left(nav))
}

/// Scrolls the strip `nav` to `from_start` pixels from the start of its time, whichever way time runs.
pub fn scroll_from_start(nav: &Element, from_start: i32) {
    nav.set_scroll_left(scroll_left(from_start, right_to_left(nav)));
}
