//! The widget's entry point and its JavaScript API, wrapped by `www/newsline.js` as `window.Newsline`.
//!
//! `www/newsline.js` gives every widget a WebAssembly instance of its own, so a fault in one widget can never
//! stop another: start-up only installs the panic hook; `mount(element, options)` mounts this instance's one
//! widget (reading the element's `data-*` attributes when `options` is undefined) and returns a [`Widget`].
//! A trap (or a panic, which ends in one) stops only its own instance: `newsline.js` sees every call into
//! the instance, shows the failure in that widget with a Retry that mounts it in a new instance, and never
//! uses the instance again.

#[cfg(target_arch = "wasm32")]
mod api {
    use std::cell::RefCell;

    use newsline::embed::{self, Mounted, Prefetch};
    use newsline::state::Action;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The element of the widget this instance runs, for the panic hook.
        static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    }

    /// Attribute that tells `newsline.js` this instance has failed and must not be reused; its value is what
    /// happened, for the `newsline:error` event.
    const CRASHED: &str = "data-newsline-crashed";

    /// A panic cannot be recovered from inside the instance, but it stays inside it. In a debug build (`make
    /// serve`, the browser tests) the hook logs the details to the console and marks the widget's element,
    /// then the panic ends in an abort; the release build (`make dist`) aborts at the panic itself, without
    /// formatting anything. Either way the abort is a WebAssembly trap, and `newsline.js` (which sees every
    /// trap of the instance) shows "This timeline stopped working" with a Retry button in the element, fires
    /// `newsline:error` and discards the instance. Other widgets run in other instances.
    pub fn install_panic_hook() {
        // Through Yew, which would otherwise put its own hook in place when the widget first renders.
        yew::set_custom_panic_hook(Box::new(|info| {
            let details = info.to_string();
            web_sys::console::error_1(
                &format!("Newsline: the timeline stopped after an internal error: {details}").into(),
            );
            if let Some(root) = ROOT.with(|r| r.borrow().clone()) {
                let _ = root.set_attribute(CRASHED, &format!("an internal error: {details}"));
            }
        }));
    }

    /// The faults `trapForTesting` causes.
    #[derive(Clone, Copy)]
    enum Trap {
        /// The `unreachable` instruction, as an abort ends.
        Unreachable,
        /// Recursion without end: the stack runs out.
        Stack,
        /// Allocation until the memory cannot grow (4 GiB), then the allocator's abort.
        Memory,
    }

    fn trap(kind: Trap) {
        match kind {
            Trap::Unreachable => core::arch::wasm32::unreachable(),
            Trap::Stack => {
                fn deeper(n: u32) -> u32 {
                    // A kilobyte of stack a level, which the optimiser cannot drop or turn into a loop.
                    let frame = std::hint::black_box([n as u8; 1024]);
                    if std::hint::black_box(n) == u32::MAX {
                        return 0;
                    }
                    deeper(n + 1).wrapping_add(u32::from(frame[n as usize % 1024]))
                }
                std::hint::black_box(deeper(0));
            }
            Trap::Memory => loop {
                std::mem::forget(std::hint::black_box(Vec::<u8>::with_capacity(1 << 30)));
            },
        }
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

        /// For tests of fault containment only: a WebAssembly trap in this widget's instance, which no panic
        /// hook sees. `kind`: `unreachable`, `stack` (stack overflow) or `memory` (out of memory). `via`: `call`
        /// (default: in this call), `timer` (in a timer callback) or `event` (in the element's next `click`
        /// listener), the paths by which the browser calls into the instance.
        #[wasm_bindgen(js_name = trapForTesting)]
        pub fn trap_for_testing(&self, kind: &str, via: Option<String>) -> Result<(), JsError> {
            let kind = match kind {
                "unreachable" => Trap::Unreachable,
                "stack" => Trap::Stack,
                "memory" => Trap::Memory,
                other => {
                    return Err(JsError::new(&format!(
                        "trapForTesting: \"{other}\" is not a kind of trap (unreachable, stack or memory)"
                    )))
                }
            };
            match via.as_deref().unwrap_or("call") {
                "call" => trap(kind),
                "timer" => {
                    gloo_timers::callback::Timeout::new(0, move || trap(kind)).forget();
                }
                "event" => {
                    let Some(element) = ROOT.with(|r| r.borrow().clone()) else { return Ok(()) };
                    let listener = Closure::once_into_js(move |_: web_sys::Event| trap(kind));
                    element
                        .add_event_listener_with_callback("click", listener.unchecked_ref())
                        .map_err(|_| JsError::new("trapForTesting: could not listen for clicks"))?;
                }
                other => {
                    return Err(JsError::new(&format!(
                        "trapForTesting: \"{other}\" is not a way in (call, timer or event)"
                    )))
                }
            }
            Ok(())
        }
    }

    /// Mounts a widget in `element`. `options` is an object with any of `src`, `data` (JSON text), `start`,
    /// `theme`, `hash`, `height`, `headingLevel`, `timeout`, `lang`, `dir`, `calendar`, `numerals` (and the
    /// limits); undefined reads the element's `data-*` attributes.
    /// `default_src` is the built-in story's URL, loaded when neither `src` nor `data` is given; `prefetch`
    /// (`{ url, response, controller }`) is a download of the story that the page already started;
    /// `allowed_origins` the sites besides its own that the page accepts stories from.
    #[wasm_bindgen]
    pub fn mount(
        element: web_sys::Element,
        options: JsValue,
        default_src: Option<String>,
        prefetch: JsValue,
        allowed_origins: Option<Vec<String>>,
    ) -> Result<Widget, JsError> {
        ROOT.with(|r| *r.borrow_mut() = Some(element.clone()));
        let prefetch = Prefetch::from_js(&prefetch);
        let (options, warnings) = if options.is_undefined() || options.is_null() {
            embed::options_from_element(&element)
        } else {
            embed::options_from_js(&options).map_err(|e| {
                prefetch.as_ref().map(Prefetch::cancel);
                JsError::new(&format!("Newsline.mount: the options are not valid: {e}"))
            })?
        };
        for warning in warnings {
            web_sys::console::warn_1(&warning.into());
        }
        let allowed = allowed_origins.unwrap_or_default();
        Ok(Widget(embed::mount(element, options, default_src, prefetch, &allowed)))
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    api::install_panic_hook();
}
