use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The URL fragment without its `#`, if there is one (never on the server).
pub fn current_hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        let id = hash.strip_prefix('#')?;
        (!id.is_empty()).then(|| id.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Keeps the URL fragment and the selected event in step, when `enabled`:
/// - a change of `#fragment` (a link, the address bar, back/forward) calls `on_change` with the new id;
/// - a change of `current` after the first render replaces the fragment with `#current` (without adding a
///   history entry, so Back leaves the page as readers expect).
///
/// ```ignore
/// use_url_hash(true, Some(selected_id), Callback::from(move |id| dispatch(Action::SelectId(id))));
/// ```
#[hook]
pub fn use_url_hash(enabled: bool, current: Option<String>, on_change: Callback<String>) {
    // One effect for both directions (each effect is code of its own in the widget): the listener is put back
    // with each change of `current`, which costs nothing a reader notices.
    let first = use_mut_ref(|| true);
    use_effect_with((enabled, current), move |(enabled, current)| {
        let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
        if let (true, false, Some(id)) = (*enabled, was_first, current) {
            if current_hash().as_deref() != Some(id.as_str()) {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{id}")));
                }
            }
        }
        let listener = enabled.then(|| {
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if let Some(id) = current_hash() {
                    on_change.emit(id);
                }
            })
        });
        let window = web_sys::window();
        if let (Some(window), Some(listener)) = (&window, &listener) {
            let _ = window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(window), Some(listener)) = (window, listener) {
                let _ = window.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
        }
    });
}
