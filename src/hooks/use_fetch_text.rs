use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};
use yew::prelude::*;

use crate::load::{acceptable_content_type, LoadError, LoadErrorKind};

/// Where a download stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Fetched {
    /// Nothing to fetch (no URL).
    Idle,
    Loading,
    Loaded(AttrValue),
    Failed(LoadError),
}

/// Downloads `url` as text, giving up after `timeout_ms`. Changing `attempt` downloads again (Retry).
/// A download still under way when the URL changes or the component goes away is aborted.
///
/// ```ignore
/// let attempt = use_state(|| 0);
/// match use_fetch_text(Some("story.json".into()), 15_000, *attempt) {
///     Fetched::Loaded(text) => { /* parse */ }
///     _ => {}
/// }
/// ```
#[hook]
pub fn use_fetch_text(url: Option<AttrValue>, timeout_ms: u32, max_bytes: usize, attempt: u32) -> Fetched {
    let state = use_state(|| if url.is_some() { Fetched::Loading } else { Fetched::Idle });
    {
        let state = state.clone();
        use_effect_with((url, timeout_ms, max_bytes, attempt), move |(url, timeout_ms, max_bytes, _)| {
            let cancelled = Rc::new(Cell::new(false));
            let controller = AbortController::new().ok();
            let mut timer = None;
            match url {
                None => state.set(Fetched::Idle),
                Some(url) => {
                    state.set(Fetched::Loading);
                    let timed_out = Rc::new(Cell::new(false));
                    {
                        let timed_out = timed_out.clone();
                        let controller = controller.clone();
                        timer = Some(Timeout::new(*timeout_ms, move || {
                            timed_out.set(true);
                            if let Some(c) = controller {
                                c.abort();
                            }
                        }));
                    }
                    let signal = controller.as_ref().map(AbortController::signal);
                    let (url, ms, max, cancelled) = (url.to_string(), *timeout_ms, *max_bytes, cancelled.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_text(&url, signal.as_ref(), max).await;
                        if cancelled.get() {
                            return;
                        }
                        state.set(match result {
                            Ok(text) => Fetched::Loaded(text.into()),
                            Err(_) if timed_out.get() => {
                                Fetched::Failed(LoadError { url, kind: LoadErrorKind::Timeout { ms } })
                            }
                            Err(kind) => Fetched::Failed(LoadError { url, kind }),
                        });
                    });
                }
            }
            move || {
                cancelled.set(true);
                drop(timer);
                if let Some(c) = controller {
                    c.abort();
                }
            }
        });
    }
    (*state).clone()
}

/// The origin (scheme, host, port) of `url` read against the page's address.
fn origin(url: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(url, &base).ok().map(|u| u.origin())
}

async fn fetch_text(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
    max_bytes: usize,
) -> Result<String, LoadErrorKind> {
    let network = |e: wasm_bindgen::JsValue| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .and_then(|e| e.message().as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "no answer".to_owned());
        LoadErrorKind::Network(message)
    };
    let window = web_sys::window().ok_or_else(|| LoadErrorKind::Network("no window".to_owned()))?;
    let init = RequestInit::new();
    init.set_signal(signal);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    if response.redirected() && origin(&response.url()) != origin(url) {
        return Err(LoadErrorKind::Redirected(response.url()));
    }
    if !response.ok() {
        return Err(LoadErrorKind::Http { status: response.status(), status_text: response.status_text() });
    }
    let headers = response.headers();
    if let Ok(Some(kind)) = headers.get("content-type") {
        if !acceptable_content_type(&kind) {
            return Err(LoadErrorKind::WrongContentType(kind));
        }
    }
    let declared = headers.get("content-length").ok().flatten().and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|b| *b > max_bytes) {
        return Err(LoadErrorKind::TooLarge { bytes, max: max_bytes });
    }
    let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
    let text = text.as_string().ok_or_else(|| LoadErrorKind::Network("the answer is not text".to_owned()))?;
    if text.len() > max_bytes {
        return Err(LoadErrorKind::TooLarge { bytes: text.len(), max: max_bytes });
    }
    Ok(text)
}
