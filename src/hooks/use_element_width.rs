use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The content width of the element behind `node`, in whole CSS pixels, kept current by a
/// `ResizeObserver`; `guess` until the first measurement (and always on the server). A measurement that
/// finds the width guessed renders nothing again: with a good guess the first frame is drawn once.
///
/// ```ignore
/// let root = use_node_ref();
/// let width = use_element_width(root.clone(), None).unwrap_or(960.0);
/// html! { <div ref={root}>{ width }</div> }
/// ```
#[hook]
pub fn use_element_width(node: NodeRef, guess: Option<f64>) -> Option<f64> {
    let width = use_state_eq(|| guess);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                    width.set(Some(entry.content_rect().width().round()));
                }
            });
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, &element) {
                observer.observe(element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *width
}
