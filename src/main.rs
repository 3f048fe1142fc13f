//! The widget's entry point and its JavaScript API, wrapped by `www/newsline.js` as `window.Newsline`.
//!
//! On start it mounts every `[data-newsline]` element on the page; `scan()` mounts ones added later and
//! `mount(element, options)` mounts one by hand and returns a [`Widget`] handle.

#[cfg(target_arch = "wasm32")]
mod api {
    use std::cell::RefCell;

    use newsline::embed::{self, Mounted, Options};
    use newsline::state::Action;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// Widgets mounted from `data-newsline` attributes: they live as long as the page.
        static AUTO: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
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
    }

    /// Mounts a widget in `element`. `options` is an object with any of `src`, `data` (JSON text), `start`,
    /// `theme`, `hash`, `height`, `headingLevel`, `timeout`, or undefined.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Widget, JsError> {
        let options: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| JsError::new(&format!("Newsline.mount: the options are not valid: {e}")))?
        };
        Ok(Widget(embed::mount(element, options)))
    }

    /// Mounts a widget in every `[data-newsline]` element that has none yet; returns how many.
    #[wasm_bindgen]
    pub fn scan() -> u32 {
        let mounted = embed::mount_all();
        let count = mounted.len() as u32;
        AUTO.with(|auto| auto.borrow_mut().extend(mounted));
        count
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    api::scan();
}
