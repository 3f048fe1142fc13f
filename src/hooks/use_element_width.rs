use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Calls `on_width` with the content width of the element behind `node`, in whole CSS pixels, each time a
/// `ResizeObserver` measures it (first when the element is observed, then on every change). The widget's
/// state takes the width from there ([`crate::state::Action::Resize`]); a width equal to the one the state
/// has changes nothing and renders nothing.
///
/// ```ignore
/// let root = use_node_ref();
/// use_element_width(root.clone(), dispatch.reform(Action::Resize));
/// html! { <div ref={root}></div> }
/// ```
#[hook]
pub fn use_element_width(node: NodeRef, on_width: Callback<f64>) {
    use_effect_with(node, move |node| {
        let element = node.cast::<Element>();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                on_width.emit(entry.content_rect().width().round());
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
