//! The widget's entry point and its JavaScript API, wrapped by `www/newsline.js` as `window.Newsline`.
//!
//! `www/newsline.js` gives every widget a WebAssembly instance of its own, so a fault in one widget can never
//! stop another: start-up only installs the panic hook; `mount(element, options)` mounts this instance's one
//! widget (reading the element's `data-*` attributes when `options` is undefined) and returns a [`Widget`].

#[cfg(target_arch = "wasm32")]
mod api {
    use std::cell::RefCell;

    use newsline::embed::{self, Mounted, Options, Prefetch};
    use newsline::state::Action;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The element of the widget this instance runs, for the panic hook.
        static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    }

    /// Attribute that tells `newsline.js` this instance has failed and must not be reused.
    const CRASHED: &str = "data-newsline-crashed";

    /// A panic cannot be recovered from inside the instance, but it stays inside it: the widget's element
    /// shows what happened (as text) and the details go to the console. Other widgets run in other instances.
    pub fn install_panic_hook() {
        // Through Yew, which would otherwise put its own hook in place when the widget first renders.
        yew::set_custom_panic_hook(Box::new(|info| {
            let details = info.to_string();
            web_sys::console::error_1(
                &format!("Newsline: the timeline stopped after an internal error: {details}").into(),
            );
            let root = ROOT.with(|r| r.borrow().clone());
            let Some(root) = root else { return };
            let Some(document) = root.owner_document() else { return };
            let _ = root.set_attribute(CRASHED, "");
            root.set_inner_html("");
            let section = document.create_element("section").ok();
            let heading = document.create_element("p").ok();
            let text = document.create_element("p").ok();
            if let (Some(section), Some(heading), Some(text)) = (section, heading, text) {
                let _ = section.set_attribute("class", "newsline nl-error nl-crashed");
                let _ = section.set_attribute("role", "alert");
                let _ = heading.set_attribute("class", "nl-title");
                heading.set_text_content(Some("This timeline stopped working"));
                text.set_text_content(Some(
                    "Something went wrong inside the timeline. Reload the page to see it again. If it happens again, please report it to the site with the details from the browser console.",
                ));
                let _ = section.append_child(&heading);
                let _ = section.append_child(&text);
                let _ = root.append_child(&section);
            }
        }));
    }

    /// A mounted widget, as the page holds it.
    #[wasm_bindgen]
    pub struct Widget(Mounted);

    #[wasm_bindgen]
    impl Widget {
        /// Opens the event with this id; `false` if there is no story on screen.
        pub fn select(&self, id: &str) -> bool {
            self.0.send(Action::SelectId(id.to_owned()))
        }
        pub fn next(&self) -> bool {
            self.0.send(Action::Next)
        }
        pub fn prev(&self) -> bool {
            self.0.send(Action::Prev)
        }
        #[wasm_bindgen(js_name = expandAll)]
        pub fn expand_all(&self) -> bool {
            self.0.send(Action::ExpandAll)
        }
        #[wasm_bindgen(js_name = collapseAll)]
        pub fn collapse_all(&self) -> bool {
            self.0.send(Action::CollapseAll)
        }
        /// Removes the widget and everything it added to the page.
        pub fn destroy(&mut self) {
            self.0.destroy();
        }

        /// For tests of fault containment only: panics inside this widget's instance.
        #[wasm_bindgen(js_name = panicForTesting)]
        pub fn panic_for_testing(&self) {
            panic!("a panic requested by panicForTesting()");
        }
    }

    /// Mounts a widget in `element`. `options` is an object with any of `src`, `data` (JSON text), `start`,
    /// `theme`, `hash`, `height`, `headingLevel`, `timeout`; undefined reads the element's `data-*` attributes.
    /// `default_src` is the built-in story's URL, loaded when neither `src` nor `data` is given; `prefetch`
    /// (`{ url, response, controller }`) is a download of the story that the page already started.
    #[wasm_bindgen]
    pub fn mount(
        element: web_sys::Element,
        options: JsValue,
        default_src: Option<String>,
        prefetch: JsValue,
    ) -> Result<Widget, JsError> {
        ROOT.with(|r| *r.borrow_mut() = Some(element.clone()));
        let prefetch = Prefetch::from_js(&prefetch);
        let options: Options = if options.is_undefined() || options.is_null() {
            Options::from_element(&element)
        } else {
            Options::from_js(&options).map_err(|e| {
                prefetch.as_ref().map(Prefetch::cancel);
                JsError::new(&format!("Newsline.mount: the options are not valid: {e}"))
            })?
        };
        Ok(Widget(embed::mount(element, options, default_src, prefetch)))
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    api::install_panic_hook();
}
