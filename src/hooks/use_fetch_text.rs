use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestInit, Response};
use yew::prelude::*;

use crate::load::{acceptable_content_type, check_source, LoadError, LoadErrorKind};

/// Where stories may come from, for every widget of this instance (the page's rule: its own origin, plus the
/// origins it lists), and the built-in story's URL, which is always allowed (it ships with the widget's code).
#[derive(Clone, Debug, Default)]
struct SourcePolicy {
    allowed: Vec<String>,
    trusted: Option<String>,
}

thread_local! {
    static POLICY: std::cell::RefCell<SourcePolicy> = std::cell::RefCell::default();
}

/// Sets the origins other than the page's own that stories may come from (as the page lists them: each is
/// checked, and a console warning names any that is not an origin), and the built-in story's URL.
#[cfg(target_arch = "wasm32")]
pub fn set_source_policy(allowed: &[String], trusted: Option<String>) {
    let (allowed, warnings) = crate::load::allowed_origins(allowed.iter().map(String::as_str));
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    POLICY.with(|p| *p.borrow_mut() = SourcePolicy { allowed, trusted });
}

/// Why the story at `url` may not be downloaded, if it may not: see [`check_source`]. `url` is resolved
/// against the document's base URL, as `fetch` resolves it, and checked as the browser wrote it out.
fn refusal(url: &str) -> Option<LoadErrorKind> {
    POLICY.with(|policy| {
        let policy = policy.borrow();
        if policy.trusted.as_deref() == Some(url) {
            return None;
        }
        let window = web_sys::window()?;
        let page = window.location().href().ok()?;
        let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_else(|| page.clone());
        let Ok(resolved) = web_sys::Url::new_with_base(url, &base) else { return Some(LoadErrorKind::BadAddress) };
        check_source(&resolved.href(), &page, &policy.allowed).err()
    })
}

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
    /// The response's bytes as the page read them ([`early_text`]), or null when the page left them for the
    /// widget to read.
    body: Option<js_sys::Promise>,
    /// The response and its bytes when both had arrived by the time the widget started.
    arrived: Option<(Response, wasm_bindgen::JsValue)>,
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
        let bytes = get("bytes").filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>() || b.as_f64().is_some());
        let arrived = get("answer").and_then(|a| a.dyn_into().ok()).zip(bytes);
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
        let text = match refusal(url) {
            Some(kind) => Err(kind),
            None => accept(&response, url, max_bytes).and_then(|()| early_text(&bytes, max_bytes)),
        };
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
    attempt: i32,
    prefetch: Option<Prefetch>,
) -> Fetched {
    // A story the page already has is shown in the first render: no loading frame, nothing to wait for.
    // Whether the effect has run yet, and whether the story had arrived: one ref (each hook is code of its own).
    let first = use_mut_ref(|| {
        let arrived = url.as_ref().and_then(|url| prefetch.as_ref()?.take_arrived(url, max_bytes));
        (true, arrived)
    });
    let state = use_state(|| match (&first.borrow().1, &url) {
        (Some(done), _) => done.clone(),
        (None, Some(_)) => Fetched::Loading,
        (None, None) => Fetched::Idle,
    });
    {
        let state = state.clone();
        use_effect_with((url, timeout_ms, max_bytes, attempt), move |(url, timeout_ms, max_bytes, _)| {
            let cancelled = Rc::new(Cell::new(false));
            // The first run has nothing to download when the story had arrived (a Retry or a new URL has).
            let skip = {
                let mut first = first.borrow_mut();
                std::mem::replace(&mut first.0, false) && first.1.take().is_some()
            };
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
            // A story from where the page does not allow is never requested (the page's early download
            // makes the same check).
            match (url, url.and_then(|url| refusal(url))) {
                (None, _) if skip => {}
                (None, _) => state.set(Fetched::Idle),
                (Some(url), Some(kind)) => {
                    if let Some(c) = &controller {
                        c.abort();
                    }
                    state.set(Fetched::Failed(LoadError { url: url.to_string(), kind }));
                }
                (Some(url), None) => {
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
                    let controller = controller.clone();
                    let (url, ms, max, cancelled) = (url.to_string(), *timeout_ms, *max_bytes, cancelled.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_text(&url, early, controller.as_ref(), max).await;
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
/// Where `lang`'s table of words is: `words/<lang>.txt` beside the built-in story's file, which ships with the
/// widget's code (`www/data/`).
#[cfg(target_arch = "wasm32")]
pub(super) fn words_url(lang: crate::words::Lang) -> Option<String> {
    let base = POLICY.with(|p| p.borrow().trusted.clone())?;
    let name = ["words/", lang.code(), ".txt"].concat();
    web_sys::Url::new_with_base(&name, &base).ok().map(|u| u.href())
}

/// A table of words, fetched as a story is (no redirect followed, checked the same way), `None` where that
/// fails. A table is under 4 KB: 64 KB is room enough.
#[cfg(target_arch = "wasm32")]
pub(super) async fn fetch_words(url: &str) -> Option<String> {
    fetch_text(url, None, None, 1 << 16).await.ok().map(|text| text.to_string())
}

fn origin(url: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(url, &base).ok().map(|u| u.origin())
}

async fn fetch_text(
    url: &str,
    started: Option<Started>,
    controller: Option<&AbortController>,
    max_bytes: usize,
) -> Result<Rc<str>, LoadErrorKind> {
    let (request, body) = match started {
        Some(Started { response, body }) => (response, body),
        None => {
            let window = web_sys::window().ok_or_else(|| LoadErrorKind::Network("no window".to_owned()))?;
            let init = RequestInit::new();
            init.set_signal(controller.map(AbortController::signal).as_ref());
            // A redirect is not followed: following it would send the reader's browser wherever it points
            // before the widget could refuse the answer (`accept` reports it).
            init.set_redirect(web_sys::RequestRedirect::Manual);
            (window.fetch_with_str_and_init(url, &init), None)
        }
    };
    let response = JsFuture::from(request).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    accept(&response, url, max_bytes)?;
    // The page may have read the bytes already (or stopped reading them at the limit).
    if let Some(body) = body {
        let read = JsFuture::from(body).await.map_err(network)?;
        if !read.is_null() {
            return early_text(&read, max_bytes);
        }
    }
    read_body(&response, controller, max_bytes).await
}

/// An error from the browser as a network failure, with its message.
fn network(e: wasm_bindgen::JsValue) -> LoadErrorKind {
    let message = e
        .dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "no answer".to_owned());
    LoadErrorKind::Network(message)
}

/// Reads the body as it arrives and stops as soon as more than `max_bytes` have come, whatever size the
/// server announced: the download is cancelled, so a server that sends no size, a wrong one, or a compressed
/// body that inflates past the limit never makes the page hold more than the limit.
/// The chunks stay in JavaScript until the end, then are copied once into the text the widget keeps.
async fn read_body(
    response: &Response,
    controller: Option<&AbortController>,
    max_bytes: usize,
) -> Result<Rc<str>, LoadErrorKind> {
    let Some(stream) = response.body() else { return Ok(Rc::from("")) };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut total = 0usize;
    loop {
        let step: ReadableStreamReadResult = JsFuture::from(reader.read()).await.map_err(network)?.unchecked_into();
        if step.get_done().unwrap_or(true) {
            break;
        }
        let Ok(chunk) = step.get_value().dyn_into::<js_sys::Uint8Array>() else {
            return Err(LoadErrorKind::Network("the browser gave the story's bytes in an unknown form".to_owned()));
        };
        total = total.saturating_add(chunk.length() as usize);
        if total > max_bytes {
            let _ = reader.cancel();
            if let Some(c) = controller {
                c.abort();
            }
            return Err(LoadErrorKind::OverLimit { read: total, max: max_bytes });
        }
        chunks.push(&chunk);
    }
    Ok(shared_text(&chunks, total))
}

/// Whether the response to `url` may be read as a story: the same site, a success, a JSON-like type and a
/// declared size within `max_bytes`.
fn accept(response: &Response, url: &str, max_bytes: usize) -> Result<(), LoadErrorKind> {
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
        return Err(LoadErrorKind::Redirected(String::new()));
    }
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

/// The story as the page read it ahead of the widget: an `ArrayBuffer` of the whole body, or the number of
/// bytes after which the page stopped reading because they passed its limit (the same limit as the widget's).
fn early_text(read: &wasm_bindgen::JsValue, max_bytes: usize) -> Result<Rc<str>, LoadErrorKind> {
    if let Some(stopped) = read.as_f64() {
        return Err(LoadErrorKind::OverLimit { read: stopped as usize, max: max_bytes });
    }
    let bytes = js_sys::Uint8Array::new(read);
    let length = bytes.length() as usize;
    if length > max_bytes {
        return Err(LoadErrorKind::OverLimit { read: length, max: max_bytes });
    }
    Ok(shared_text(&js_sys::Array::of1(&bytes), length))
}

/// The chunks (`Uint8Array`s, `total` bytes in all) as shared text, copied once, straight into the allocation
/// the widget keeps. As `Response.text()` reads it: UTF-8, anything else replaced by U+FFFD.
fn shared_text(chunks: &js_sys::Array, total: usize) -> Rc<str> {
    let mut buffer: Rc<[std::mem::MaybeUninit<u8>]> = Rc::new_uninit_slice(total);
    let Some(slots) = Rc::get_mut(&mut buffer) else { return Rc::from("") };
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk: js_sys::Uint8Array = chunk.unchecked_into();
        let end = at + chunk.length() as usize;
        let Some(slot) = slots.get_mut(at..end) else { return Rc::from("") };
        chunk.copy_to_uninit(slot);
        at = end;
    }
    if at != total {
        return Rc::from("");
    }
    // SAFETY: the chunks, `total` bytes in all, have written every byte of the slice.
    let buffer: Rc<[u8]> = unsafe { buffer.assume_init() };
    match std::str::from_utf8(&buffer) {
        // SAFETY: the bytes are valid UTF-8, and `str` has the layout of `[u8]`.
        Ok(_) => unsafe { Rc::from_raw(Rc::into_raw(buffer) as *const str) },
        Err(_) => Rc::from(String::from_utf8_lossy(&buffer)),
    }
}
