//! Hearing that the page's Content-Security-Policy refused a frame: the `securitypolicyviolation` event the
//! document receives when a `frame-src` (or `child-src`, or `default-src`) directive blocks a frame's address.
//! Chromium, Firefox and WebKit all fire it, for a policy sent as a header or in a `<meta>` tag; the event is
//! the only way to learn of a policy sent as a header.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Event;
use yew::prelude::*;

/// Calls `on_refused` whenever the page's CSP refuses an address of `origin` (`https://www.youtube-nocookie.com`):
/// a violation whose blocked address starts with it. The listener is on the document while the component is
/// mounted, so a refusal of another facade's frame of the same service is heard too.
///
/// ```ignore
/// use_frame_refused("https://player.vimeo.com".to_owned(), Callback::from(move |()| refused.set(true)));
/// ```
#[hook]
pub fn use_frame_refused(origin: String, on_refused: Callback<()>) {
    let on_refused = use_mut_ref(|| on_refused.clone()).tap(on_refused);
    use_effect_with(origin, move |origin| {
        let origin = origin.clone();
        let document = web_sys::window().and_then(|w| w.document());
        let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            let blocked = js_sys::Reflect::get(&event, &"blockedURI".into()).ok().and_then(|v| v.as_string());
            if blocked.is_some_and(|uri| !origin.is_empty() && uri.starts_with(&origin)) {
                let callback = on_refused.borrow().clone();
                callback.emit(());
            }
        });
        if let Some(document) = &document {
            let _ =
                document.add_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = document {
                let _ = document
                    .remove_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref());
            }
            drop(listener);
        }
    });
}

/// Keeps the latest callback in the ref, so the listener always calls the one of the last render.
trait Tap {
    fn tap(self, latest: Callback<()>) -> Self;
}

impl Tap for std::rc::Rc<std::cell::RefCell<Callback<()>>> {
    fn tap(self, latest: Callback<()>) -> Self {
        *self.borrow_mut() = latest;
        self
    }
}
