use std::cell::{Cell, RefCell};
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

/// A download of the story that the page started before the widget's code was ready (`newsline.js` does, so
/// that it overlaps compiling the module). The widget takes it over once, for its first attempt at `url`.
#[derive(Clone, Debug)]
pub struct Prefetch {
    url: String,
    /// The download, until the widget takes it over or cancels it; then nothing is kept (the story's bytes
    /// would otherwise stay in memory beside the widget's copy for as long as it runs).
    handles: Rc<RefCell<Option<Handles>>>,
}

#[derive(Debug)]
struct Handles {
    response: js_sys::Promise,
    /// The response's bytes (an `ArrayBuffer`), or null when the page left them for the widget to read.
    body: Option<js_sys::Promise>,
    /// The response and its bytes when both had arrived by the time the widget started.
    arrived: Option<(Response, js_sys::ArrayBuffer)>,
    controller: AbortController,
}

impl PartialEq for Prefetch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.handles, &other.handles)
    }
}

impl Prefetch {
    /// Reads `{ url, response, body?, answer?, bytes?, controller }` as `newsline.js` passes it (`answer`
    /// and `bytes`: the response and its body, once they have arrived); `None` for anything else.
    pub fn from_js(value: &wasm_bindgen::JsValue) -> Option<Prefetch> {
        let get = |key: &str| js_sys::Reflect::get(value, &key.into()).ok();
        let arrived = get("answer").and_then(|a| a.dyn_into().ok()).zip(get("bytes").and_then(|b| b.dyn_into().ok()));
        let handles = Handles {
            response: get("response")?.dyn_into().ok()?,
            body: get("body").and_then(|b| b.dyn_into().ok()),
            arrived,
            controller: get("controller")?.dyn_into().ok()?,
        };
        Some(Prefetch { url: get("url")?.as_string()?, handles: Rc::new(RefCell::new(Some(handles))) })
    }

    /// The download and its controller, the first time it is asked for with the URL it was started for.
    fn take(&self, url: &str) -> Option<(Started, AbortController)> {
        let handles = self.handles.borrow_mut().take_if(|_| self.url == url)?;
        Some((Started { response: handles.response, body: handles.body }, handles.controller))
    }

    /// The story at once, checked as a download is, when the page had it all before the widget started:
    /// the first time it is asked for with the URL it was started for.
    fn take_arrived(&self, url: &str, max_bytes: usize) -> Option<Fetched> {
        let handles = self.handles.borrow_mut().take_if(|h| self.url == url && h.arrived.is_some())?;
        let (response, bytes) = handles.arrived?;
        let text =
            accept(&response, url, max_bytes).and_then(|()| text_of(&js_sys::Uint8Array::new(&bytes), max_bytes));
        Some(match text {
            Ok(text) => Fetched::Loaded(text.into()),
            Err(kind) => Fetched::Failed(LoadError { url: url.to_owned(), kind }),
        })
    }

    /// Stops the download if nothing took it over.
    pub fn cancel(&self) {
        if let Some(handles) = self.handles.borrow_mut().take() {
            handles.controller.abort();
        }
    }
}

/// A download the page started: the response, and maybe its bytes being read.
struct Started {
    response: js_sys::Promise,
    body: Option<js_sys::Promise>,
}

/// Downloads `url` as text, giving up after `timeout_ms`. Changing `attempt` downloads again (Retry).
/// A download still under way when the URL changes or the component goes away is aborted. `prefetch`, a
/// download of `url` already under way, is used instead of starting one.
///
/// ```ignore
/// let attempt = use_state(|| 0);
/// match use_fetch_text(Some("story.json".into()), 15_000, *attempt) {
///     Fetched::Loaded(text) => { /* parse */ }
///     _ => {}
/// }
/// ```
#[hook]
pub fn use_fetch_text(
    url: Option<AttrValue>,
    timeout_ms: u32,
    max_bytes: usize,
    attempt: u32,
    prefetch: Option<Prefetch>,
) -> Fetched {
    // A story the page already has is shown in the first render: no loading frame, nothing to wait for.
    let arrived = use_memo((), |()| url.as_ref().and_then(|url| prefetch.as_ref()?.take_arrived(url, max_bytes)));
    let state = use_state(|| match (&*arrived, &url) {
        (Some(done), _) => done.clone(),
        (None, Some(_)) => Fetched::Loading,
        (None, None) => Fetched::Idle,
    });
    let first = use_mut_ref(|| true);
    {
        let state = state.clone();
        use_effect_with((url, timeout_ms, max_bytes, attempt), move |(url, timeout_ms, max_bytes, _)| {
            let cancelled = Rc::new(Cell::new(false));
            // The first run has nothing to download when the story had arrived (a Retry or a new URL has).
            let skip = std::mem::replace(&mut *first.borrow_mut(), false) && arrived.is_some();
            let url = url.as_ref().filter(|_| !skip);
            let early = url.and_then(|url| prefetch.as_ref()?.take(url));
            if let (None, Some(p)) = (&early, &prefetch) {
                p.cancel();
            }
            let (early, controller) = match early {
                Some((response, controller)) => (Some(response), Some(controller)),
                None => (None, AbortController::new().ok()),
            };
            let mut timer = None;
            match url {
                None if skip => {}
                None => state.set(Fetched::Idle),
                Some(url) => {
                    if *state != Fetched::Loading {
                        state.set(Fetched::Loading);
                    }
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
                        let result = fetch_text(&url, early, signal.as_ref(), max).await;
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
    started: Option<Started>,
    signal: Option<&web_sys::AbortSignal>,
    max_bytes: usize,
) -> Result<Rc<str>, LoadErrorKind> {
    let network = |e: wasm_bindgen::JsValue| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .and_then(|e| e.message().as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "no answer".to_owned());
        LoadErrorKind::Network(message)
    };
    let (request, body) = match started {
        Some(Started { response, body }) => (response, body),
        None => {
            let window = web_sys::window().ok_or_else(|| LoadErrorKind::Network("no window".to_owned()))?;
            let init = RequestInit::new();
            init.set_signal(signal);
            (window.fetch_with_str_and_init(url, &init), None)
        }
    };
    let response = JsFuture::from(request).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    accept(&response, url, max_bytes)?;
    // The bytes, copied into WebAssembly memory in one go: decoding to a JS string and encoding it back
    // would cost more than reading the whole story.
    let read = match body {
        Some(body) => JsFuture::from(body).await.map_err(network)?,
        None => wasm_bindgen::JsValue::NULL,
    };
    let bytes = match read {
        read if read.is_null() => JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?,
        read => read,
    };
    text_of(&js_sys::Uint8Array::new(&bytes), max_bytes)
}

/// Whether the response to `url` may be read as a story: the same site, a success, a JSON-like type and a
/// declared size within `max_bytes`.
fn accept(response: &Response, url: &str, max_bytes: usize) -> Result<(), LoadErrorKind> {
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
    match declared.filter(|b| *b > max_bytes) {
        Some(bytes) => Err(LoadErrorKind::TooLarge { bytes, max: max_bytes }),
        None => Ok(()),
    }
}

/// The story's bytes as text, if there are not more than `max_bytes` of them.
fn text_of(bytes: &js_sys::Uint8Array, max_bytes: usize) -> Result<Rc<str>, LoadErrorKind> {
    if bytes.length() as usize > max_bytes {
        return Err(LoadErrorKind::TooLarge { bytes: bytes.length() as usize, max: max_bytes });
    }
    Ok(shared_text(bytes))
}

/// The bytes as shared text, copied once, straight into the allocation the widget keeps. As `Response.text()`
/// reads it: UTF-8, anything else replaced by U+FFFD.
fn shared_text(bytes: &js_sys::Uint8Array) -> Rc<str> {
    let mut buffer: Rc<[std::mem::MaybeUninit<u8>]> = Rc::new_uninit_slice(bytes.length() as usize);
    let Some(slots) = Rc::get_mut(&mut buffer) else { return Rc::from(String::from_utf8_lossy(&bytes.to_vec())) };
    bytes.copy_to_uninit(slots);
    // SAFETY: `copy_to_uninit` has written every byte of the slice.
    let buffer: Rc<[u8]> = unsafe { buffer.assume_init() };
    match std::str::from_utf8(&buffer) {
        // SAFETY: the bytes are valid UTF-8, and `str` has the layout of `[u8]`.
        Ok(_) => unsafe { Rc::from_raw(Rc::into_raw(buffer) as *const str) },
        Err(_) => Rc::from(String::from_utf8_lossy(&buffer)),
    }
}
