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
//! - `data-heading-level`: heading level of the story's title (default 2; the event cards sit one below);
//! - `data-timeout`: how long the download may take, in milliseconds (default 15000);
//! - `data-lang`: the reader's language, a BCP 47 tag (`fa`, `ar-IQ`; default: the story's `lang`, else the
//!   `lang` of the element or its nearest ancestor that has one, else `en`); `data-dir`: `ltr` or `rtl`
//!   (default: the language's); `data-calendar` and `data-numerals`: an `Intl` calendar (`persian`,
//!   `gregory` …) and numbering system (`latn`, `arab`, `arabext` …) in place of the language's own
//!   ([`crate::words::Wanted`]);
//! - `data-max-bytes`, `data-max-events`, `data-max-text`, `data-max-depth`: limits on the story (defaults
//!   20 MiB, 100,000 events, 100,000 characters in one text, 64 levels of nesting). Attributes only lower
//!   them; the JS API's `maxBytes` ... options raise them too, up to [`Limits::CEILING`].
//!
//! An element that holds a story prerendered by `newsline render` (a `.nl-prerendered` section and the story as
//! a `<script type="application/json" data-newsline-story>` block) is taken over: given no `src` or `data`,
//! the widget reads the story from the block and draws in a `.nl-widget` element of its own before the
//! section, at the section's height when what follows it is in view (unless a height is set); `newsline.js` swaps the two once it has drawn.
//!
//! The widget reports to the page with bubbling `CustomEvent`s on its element: `newsline:ready`,
//! `newsline:select` (`detail.id`), `newsline:toggle` (`detail.statement`, `detail.expanded`) and
//! `newsline:error` (`detail.problems`, `detail.message`, `detail.url`).

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps, Controller};
pub use crate::hooks::Prefetch;
use crate::limits::Limits;
use crate::load::DEFAULT_TIMEOUT_MS;
use crate::options::Given;
pub use crate::options::Options;
use crate::state::Action;
use crate::state::Notice;

/// Marks an element that has a widget, so a later scan leaves it alone.
const MOUNTED: &str = "data-newsline-mounted";

/// Reads an options object from the page (`{ src, data, start, theme, hash, height, headingLevel, timeout,
/// maxBytes, maxEvents, maxText, maxDepth, lang, dir, calendar, numerals }`), with warnings for members that are not options; `Err` says
/// which option has a value of the wrong type.
///
/// Each member is read as a typed [`Given`] and checked by [`Options::from_object`]. Deserializing the object
/// with serde-wasm-bindgen did the same for 16 KB (gzip) more of WebAssembly (BENCHMARKS.md, "Decisions"), so
/// the members are taken with `Object.entries`; the event details going out are serialized by it (1 KB).
pub fn options_from_js(value: &JsValue) -> Result<(Options, Vec<String>), String> {
    use wasm_bindgen::JsCast;
    let object = value
        .dyn_ref::<js_sys::Object>()
        .filter(|_| value.is_object() && !js_sys::Array::is_array(value))
        .ok_or_else(|| "the options must be an object, e.g. { src: \"story.json\" }".to_owned())?;
    let entries = js_sys::Object::entries(object);
    let members = entries.iter().filter_map(|pair| {
        let pair: js_sys::Array = pair.dyn_into().ok()?;
        Some((pair.get(0).as_string()?, given(&pair.get(1))))
    });
    Options::from_object(members)
}

/// A JavaScript value as the options reader takes it.
fn given(value: &JsValue) -> Given {
    if value.is_null() || value.is_undefined() {
        Given::Nothing
    } else if let Some(text) = value.as_string() {
        Given::Text(text)
    } else if let Some(n) = value.as_f64() {
        Given::Number(n)
    } else if let Some(b) = value.as_bool() {
        Given::Bool(b)
    } else if js_sys::Array::is_array(value) {
        Given::Other("a list")
    } else {
        Given::Other("an object")
    }
}

/// Reads the `data-*` attributes of `element`, with warnings for values that cannot be used.
pub fn options_from_element(element: &Element) -> (Options, Vec<String>) {
    let names: Vec<String> = element.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
    let values: Vec<(String, String)> =
        names.into_iter().filter_map(|n| element.get_attribute(&n).map(|v| (n, v))).collect();
    Options::from_attributes(values.iter().map(|(n, v)| (n.as_str(), v.as_str())))
}

/// A mounted widget. Dropping it leaves the widget running; [`Mounted::destroy`] removes it.
pub struct Mounted {
    app: Option<AppHandle<App>>,
    controller: Controller,
    element: Element,
    /// The widget's own element beside a prerendered story, which stays in the page.
    live: Option<Element>,
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
            match self.live.take() {
                Some(live) => live.remove(),
                None => self.element.set_inner_html(""),
            }
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
    let (limits, warnings) = Limits::requested(options.limits, !options.from_attributes);
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    let controller = Controller::default();
    let target = element.clone();
    // A prerendered story is taken over when the page asks for no other; its block is the story (an
    // element that lost it shows nothing else: the widget reports the problem, the page keeps the text).
    let mut options = options;
    let prerendered = if options.src.is_none() && options.data.is_none() {
        element.query_selector(":scope > .nl-prerendered").ok().flatten()
    } else {
        None
    };
    if let Some(section) = &prerendered {
        let block = element.query_selector(":scope > script[data-newsline-story]").ok().flatten();
        options.data = Some(block.and_then(|b| b.text_content()).unwrap_or_default());
        // Where what follows the story is in view (the story ends above the window's bottom edge), the widget
        // takes the story's height, so that nothing the reader sees moves when the two are swapped; where it
        // runs past the bottom edge (or starts below it), the widget takes its own height, out of sight.
        let rect = section.get_bounding_client_rect();
        let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
        let follower_seen = window_height.is_none_or(|h| rect.bottom() < h);
        let height = rect.height().round();
        options.height = options.height.or((follower_seen && height >= 1.0).then_some(height as u32));
    }
    // The page's own language: the element's `lang`, or its nearest ancestor's.
    let mut language = options.language;
    language.page_lang = element.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    let src = options.src.or(default_src.filter(|_| options.data.is_none()));
    crate::text::set_media_base(src.as_deref().and_then(page_address));
    let props = AppProps {
        src: src.map(Into::into),
        data: options.data.map(Into::into),
        timeout_ms: options.timeout.unwrap_or(DEFAULT_TIMEOUT_MS),
        start: options.start.map(Into::into),
        hash: options.hash.unwrap_or_else(|| widgets_on_page() <= 1),
        heading_level: options.heading_level.unwrap_or_default(),
        theme: options.theme.unwrap_or_else(|| "light".to_owned()).into(),
        height: options.height,
        // The widget's content box: the element less the widget's border and padding (17 px a side).
        initial_width: Some(f64::from(element.client_width() - 34).round()).filter(|w| *w > 0.0),
        limits,
        controller: controller.clone(),
        on_notice: Callback::from(move |notice: Notice| announce(&target, &notice)),
        prefetch,
        language,
    };
    let _ = element.set_attribute(MOUNTED, "");
    let live = prerendered.and_then(|_| {
        let live = element.owner_document()?.create_element("div").ok()?;
        live.set_class_name("nl-widget");
        // First: the widget comes before the story it replaces, in the page's order as on screen.
        element.insert_before(&live, element.first_child().as_ref()).ok()?;
        Some(live)
    });
    if live.is_none() {
        // Anything the page put inside (a no-script fallback) gives way to the widget.
        element.set_inner_html("");
    }
    let root = live.clone().unwrap_or_else(|| element.clone());
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Mounted { app: Some(app), controller, element, live }
}

/// `url` read against the document's base URL, as `fetch` reads it: the story file's address, which the
/// story's relative image URLs are read against (the same in the one-tag and the iframe mode).
fn page_address(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(url, &base).ok().map(|u| u.href())
}

/// Dispatches a notice as a bubbling `newsline:*` CustomEvent on the widget's element, its fields the
/// event's `detail` (serialized by serde-wasm-bindgen; a missing url or message is `null`).
fn announce(element: &Element, notice: &Notice) {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    let Ok(detail) = serde::Serialize::serialize(notice, &serializer) else { return };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(notice.event_name(), &init) {
        let _ = element.dispatch_event(&event);
    }
}
