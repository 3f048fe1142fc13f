//! Focus that the widget keeps: moved without scrolling the page where the widget scrolls its own strip,
//! given to a new view after Retry, and put back when a render takes away the element that held it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};
use yew::prelude::*;

/// Focuses `element`; with `prevent_scroll`, without scrolling anything (`focus({ preventScroll: true })`),
/// for an element the widget has already scrolled into view itself.
pub fn focus_element(element: &Element, prevent_scroll: bool) {
    let options = js_sys::Object::new();
    if prevent_scroll {
        let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    }
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = focus.call1(element, &options);
    }
}

/// Focuses the element behind `node` once, after the first render, when `when` is set: the view that
/// replaces the one the reader was in (the story or the error panel after Retry) takes focus from the
/// button that went away with it.
///
/// ```ignore
/// let heading = use_node_ref();
/// use_focus_on_mount(heading.clone(), props.retried);
/// html! { <h2 ref={heading} tabindex="-1">{ "…" }</h2> }
/// ```
#[hook]
pub fn use_focus_on_mount(node: NodeRef, when: bool) {
    use_effect_with((), move |()| {
        if let (true, Some(element)) = (when, node.cast::<Element>()) {
            focus_element(&element, false);
        }
    });
}

/// Keeps focus inside the element behind `root` when a render replaces what held it (the axis becoming the
/// list at a new width, a zoom button gone from the narrow view, the card moved): after each render, if the
/// element that last had focus inside is no longer in the document and focus fell to the page, focus goes to
/// its successor: the element with the same id, else the same control (by class), else the element with id
/// `fallback` (the open event's marker or item).
///
/// Focus that the reader moved out of the widget is not taken back: a `focusout` from an element that is
/// still in the document once the render is over forgets it.
///
/// ```ignore
/// let root = use_node_ref();
/// use_keep_focus(root.clone(), marker_id(uid, selected));
/// ```
#[hook]
pub fn use_keep_focus(root: NodeRef, fallback: String) {
    let held = use_mut_ref(|| None::<Element>);
    {
        let held = held.clone();
        use_effect_with(root.clone(), move |root| {
            let element = root.cast::<Element>();
            let on_in = {
                let held = held.clone();
                Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    *held.borrow_mut() = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                })
            };
            // Chromium sends `focusout` from an element a render is removing while it is still in the
            // document: whether the reader left or the element went is known only once the render is done
            // (a microtask later, after the effects that put focus back).
            let on_out = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                let Some(left) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
                let held = held.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let mut held = held.borrow_mut();
                    if left.is_connected() && held.as_ref().is_some_and(|h| h.is_same_node(Some(&left))) {
                        *held = None;
                    }
                });
            });
            if let Some(element) = &element {
                let _ = element.add_event_listener_with_callback("focusin", on_in.as_ref().unchecked_ref());
                let _ = element.add_event_listener_with_callback("focusout", on_out.as_ref().unchecked_ref());
            }
            move || {
                if let Some(element) = element {
                    let _ = element.remove_event_listener_with_callback("focusin", on_in.as_ref().unchecked_ref());
                    let _ = element.remove_event_listener_with_callback("focusout", on_out.as_ref().unchecked_ref());
                }
            }
        });
    }
    use_effect(move || {
        let Some(root) = root.cast::<Element>() else { return };
        let Some(lost) = held.borrow().clone().filter(|e| !e.is_connected()) else { return };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        // Focus fell to the page (or nowhere) with the element: anywhere else, the reader put it there.
        let fell = match (document.active_element(), document.body()) {
            (Some(active), Some(body)) => active.is_same_node(Some(&body)),
            (None, _) => true,
            _ => false,
        };
        if !fell {
            return;
        }
        let (id, class_name) = (lost.id(), lost.class_name());
        let classes: Vec<&str> =
            class_name.split_whitespace().filter(|c| !matches!(*c, "nl-selected" | "nl-expanded")).collect();
        let by_id = (!id.is_empty()).then(|| format!("#{id}"));
        let by_class = (!classes.is_empty()).then(|| format!(".{}", classes.join(".")));
        let successor = [by_id, by_class, Some(format!("#{fallback}"))]
            .into_iter()
            .flatten()
            .find_map(|selector| root.query_selector(&selector).ok().flatten());
        if let Some(next) = successor {
            focus_element(&next, false);
        }
    });
}
