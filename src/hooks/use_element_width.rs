use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The content width of the element behind `node`, in whole CSS pixels, kept current by a
/// `ResizeObserver`. `None` until the first measurement (and always on the server).
///
/// ```ignore
/// let root = use_node_ref();
/// let width = use_element_width(root.clone()).unwrap_or(960.0);
/// html! { <div ref={root}>{ width }</div> }
/// ```
#[hook]
pub fn use_element_width(node: NodeRef) -> Option<f64> {
    let width = use_state_eq(|| None::<f64>);
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
