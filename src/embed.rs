//! Mounting into a host page, and the handle the page keeps.
//!
//! Every `<div data-newsline>` becomes a widget, configured by its attributes:
//! - `data-src`: URL of the story JSON (without it, the built-in story, `data/baghdad-talks-2007.json` next
//!   to `newsline.js`): an http(s) address on the page's own origin, or on one the page lists in
//!   `<meta name="newsline-allowed-origins">` or `Newsline.configure({ allowedOrigins })` (see
//!   [`crate::load::check_source`]);
//! - `data-start`: id of the event to open first;
//! - `data-theme`: `light` (default), `dark` or `auto`;
//! - `data-hash`: `on`/`off`, whether the widget reads and writes the URL hash (default: on when it is the
//!   only widget on the page, off when there are several, so they do not fight over one fragment);
//! - `data-height`: a fixed height in CSS pixels (the widget scrolls inside it);
//! - `data-heading-level`: heading level of the event cards (default 2; statement lists sit one below);
//! - `data-timeout`: how long the download may take, in milliseconds (default 15000);
//! - `data-max-bytes`, `data-max-events`, `data-max-text`, `data-max-depth`: limits on the story (defaults
//!   20 MiB, 100,000 events, 100,000 characters in one text, 64 levels of nesting). Attributes only lower
//!   them; the JS API's `maxBytes` ... options raise them too, up to [`Limits::CEILING`].
//!
//! The widget reports to the page with bubbling `CustomEvent`s on its element: `newsline:ready`,
//! `newsline:select` (`detail.id`), `newsline:toggle` (`detail.statement`, `detail.expanded`) and
//! `newsline:error` (`detail.problems`, `detail.message`, `detail.url`).

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps, Controller, Notice};
pub use crate::hooks::Prefetch;
use crate::limits::{Limits, Requested};
use crate::load::DEFAULT_TIMEOUT_MS;
use crate::state::Action;

/// Marks an element that has a widget, so a later scan leaves it alone.
const MOUNTED: &str = "data-newsline-mounted";

/// Options as the JS API takes them (`Newsline.mount(element, options)`); every field is optional.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub src: Option<String>,
    /// Story JSON as text (the JS wrapper stringifies an object).
    pub data: Option<String>,
    pub start: Option<String>,
    pub theme: Option<String>,
    pub hash: Option<bool>,
    pub height: Option<u32>,
    pub heading_level: Option<u8>,
    pub timeout: Option<u32>,
    pub max_bytes: Option<usize>,
    pub max_events: Option<usize>,
    pub max_text: Option<usize>,
    pub max_depth: Option<usize>,
    /// The options came from the element's attributes, which anyone who can put a `<div>` in the page can
    /// write: their limits can only be lowered.
    pub from_attributes: bool,
}

impl Options {
    /// Reads an options object from the page (`{ src, data, start, theme, hash, height, headingLevel,
    /// timeout, maxBytes, maxEvents, maxText, maxDepth }`), or says which option is wrong and why.
    pub fn from_js(value: &JsValue) -> Result<Options, String> {
        let get = |key: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(key)).ok().filter(|v| !v.is_null() && !v.is_undefined())
        };
        let text = |key: &str| match get(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| format!("\"{key}\" must be text")),
        };
        let whole = |key: &str| match get(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                .map(|n| Some(n as u32))
                .ok_or_else(|| format!("\"{key}\" must be a whole number from 0 up")),
        };
        let size = |key: &str| whole(key).map(|n| n.map(|n| n as usize));
        Ok(Options {
            src: text("src")?,
            data: text("data")?,
            start: text("start")?,
            theme: text("theme")?,
            hash: match get("hash") {
                None => None,
                Some(v) => Some(v.as_bool().ok_or_else(|| "\"hash\" must be true or false".to_owned())?),
            },
            height: whole("height")?,
            heading_level: whole("headingLevel")?.map(|n| n.min(6) as u8),
            timeout: whole("timeout")?,
            max_bytes: size("maxBytes")?,
            max_events: size("maxEvents")?,
            max_text: size("maxText")?,
            max_depth: size("maxDepth")?,
            from_attributes: false,
        })
    }

    /// Reads the `data-*` attributes of `element`.
    pub fn from_element(element: &Element) -> Options {
        let attr = |name: &str| element.get_attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Options {
            src: attr("data-src"),
            data: None,
            start: attr("data-start"),
            theme: attr("data-theme"),
            hash: attr("data-hash").and_then(|v| match v.as_str() {
                "on" | "true" => Some(true),
                "off" | "false" => Some(false),
                _ => None,
            }),
            height: attr("data-height").and_then(|v| v.strip_suffix("px").unwrap_or(&v).parse().ok()),
            heading_level: attr("data-heading-level").and_then(|v| v.parse().ok()),
            timeout: attr("data-timeout").and_then(|v| v.parse().ok()),
            max_bytes: attr("data-max-bytes").and_then(|v| v.parse().ok()),
            max_events: attr("data-max-events").and_then(|v| v.parse().ok()),
            max_text: attr("data-max-text").and_then(|v| v.parse().ok()),
            max_depth: attr("data-max-depth").and_then(|v| v.parse().ok()),
            from_attributes: true,
        }
    }
}

/// A mounted widget. Dropping it leaves the widget running; [`Mounted::destroy`] removes it.
pub struct Mounted {
    app: Option<AppHandle<App>>,
    controller: Controller,
    element: Element,
}

impl Mounted {
    /// Sends an action to the widget; `false` when it shows no story (loading, error, destroyed).
    pub fn send(&self, action: Action) -> bool {
        self.app.is_some() && self.controller.send(action)
    }

    /// Unmounts the widget: its listeners, observers and timers go with it, and the element is empty again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            let _ = self.element.remove_attribute(MOUNTED);
            self.element.set_inner_html("");
        }
    }
}

/// How many `[data-newsline]` elements the document has: the hash default depends on it.
fn widgets_on_page() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-newsline]").ok())
        .map_or(0, |n| n.length())
}

/// Mounts a widget in `element` with `options`. Without `src` or `data` it loads `default_src`, the built-in
/// story's file, which ships next to the widget's code. `allowed_origins`: the sites other than the page's own
/// that the page accepts stories from (the built-in story is always accepted).
pub fn mount(
    element: Element,
    options: Options,
    default_src: Option<String>,
    prefetch: Option<Prefetch>,
    allowed_origins: &[String],
) -> Mounted {
    crate::hooks::set_source_policy(allowed_origins, default_src.clone());
    let (limits, warnings) = Limits::requested(
        Requested {
            max_bytes: options.max_bytes,
            max_events: options.max_events,
            max_text: options.max_text,
            max_depth: options.max_depth,
        },
        !options.from_attributes,
    );
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    let controller = Controller::default();
    let target = element.clone();
    let props = AppProps {
        src: options.src.or(default_src.filter(|_| options.data.is_none())).map(Into::into),
        data: options.data.map(Into::into),
        timeout_ms: options.timeout.unwrap_or(DEFAULT_TIMEOUT_MS),
        start: options.start.map(Into::into),
        hash: options.hash.unwrap_or_else(|| widgets_on_page() <= 1),
        heading_level: options.heading_level.unwrap_or(2),
        theme: options.theme.unwrap_or_else(|| "light".to_owned()).into(),
        height: options.height,
        // The widget's content box: the element less the widget's border and padding (17 px a side).
        initial_width: Some(f64::from(element.client_width() - 34).round()).filter(|w| *w > 0.0),
        limits,
        controller: controller.clone(),
        on_notice: Callback::from(move |notice: Notice| announce(&target, &notice)),
        prefetch,
    };
    let _ = element.set_attribute(MOUNTED, "");
    // Anything the page put inside (a no-script fallback) gives way to the widget.
    element.set_inner_html("");
    let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
    Mounted { app: Some(app), controller, element }
}

/// Dispatches a notice as a bubbling `newsline:*` CustomEvent on the widget's element.
fn announce(element: &Element, notice: &Notice) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let name = match notice {
        Notice::Ready { selected, events } => {
            set("selected", selected.into());
            set("events", (*events as u32).into());
            "newsline:ready"
        }
        Notice::Select { id } => {
            set("id", id.into());
            "newsline:select"
        }
        Notice::Toggle { statement, expanded } => {
            set("statement", statement.into());
            set("expanded", (*expanded).into());
            "newsline:toggle"
        }
        Notice::Error { url, message, problems } => {
            set("url", url.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            set("message", message.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            set("problems", problems.iter().map(|p| JsValue::from_str(p)).collect::<js_sys::Array>().into());
            "newsline:error"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}
