use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Calls `on_width` with the content width of the element behind `node`, in whole CSS pixels, each time a
/// `ResizeObserver` measures it (first when the element is observed, then on every change). The widget's
/// state takes the width from there ([`crate::state::Action::Resize`]); a width equal to the one the state
/// has changes nothing and renders nothing.
///
/// The width is handed on at the next animation frame, not inside the observer's callback: a render there
/// changes the element's height while the browser is still delivering size changes, which every engine
/// reports as an error on `window` ("ResizeObserver loop completed with undelivered notifications") that a
/// publisher's error tracker would log. Several measurements in one frame give one call, with the last.
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
        // The last width measured and not yet handed on, and the frame asked for to hand it on.
        let pending: Rc<Cell<Option<f64>>> = Rc::new(Cell::new(None));
        let frame: Rc<Cell<Option<i32>>> = Rc::new(Cell::new(None));
        let on_frame = {
            let (pending, frame) = (pending.clone(), frame.clone());
            Closure::<dyn FnMut()>::new(move || {
                frame.set(None);
                if let Some(width) = pending.take() {
                    on_width.emit(width);
                }
            })
        };
        let on_resize = {
            let frame = frame.clone();
            Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() else { return };
                pending.set(Some(entry.content_rect().width().round()));
                if frame.get().is_none() {
                    let asked = web_sys::window()
                        .and_then(|w| w.request_animation_frame(on_frame.as_ref().unchecked_ref()).ok());
                    frame.set(asked);
                }
            })
        };
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(element)) = (&observer, &element) {
            observer.observe(element);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            // A frame asked for and not yet come would call a closure that is gone.
            if let (Some(id), Some(window)) = (frame.take(), web_sys::window()) {
                let _ = window.cancel_animation_frame(id);
            }
            drop(on_resize);
        }
    });
}
