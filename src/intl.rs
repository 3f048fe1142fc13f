//! The reader's date formatter, chosen once per widget: in the browser, the platform's `Intl.DateTimeFormat`
//! through js-sys (the widget carries no month names, no calendar tables: the reader's browser has them);
//! on the host, the tables of [`crate::dates`] that write what `Intl` writes, for `newsline render` and the
//! tests. English, in both, is the project's own labels ([`crate::dates::English`]).
//!
//! In the browser, one `Intl.DateTimeFormat` is made per [`Style`] the widget uses, on its first use, and
//! kept: a story of 10,000 events formats with at most a dozen of them.

use std::rc::Rc;

use crate::dates::{is_english, Dates, English};
use crate::words::Locale;

/// How dates are written for a reader of `locale`: its language, its calendar (the one asked for, else the
/// language's own) and its digits.
pub fn dates(locale: &Locale) -> Dates {
    if is_english(locale) {
        return Dates::new(Rc::new(English), locale);
    }
    #[cfg(target_arch = "wasm32")]
    {
        match platform::IntlFormat::new(locale) {
            Some(intl) => Dates::new(Rc::new(intl), locale),
            None => Dates::new(Rc::new(English), locale),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Dates::new(Rc::new(crate::dates::tables::Tables::new(locale)), locale)
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::date::DateSpec;
    use crate::dates::{calendar_name, calendar_of, numerals_name, Calendar, Format, Style};
    use crate::words::Locale;

    #[wasm_bindgen]
    extern "C" {
        /// An `Intl.DateTimeFormat`, made with `Reflect.construct`.
        type DateTimeFormat;

        /// Its `format`, given the instant in milliseconds since 1970 (no `Date` made for it).
        #[wasm_bindgen(method, catch, js_name = format)]
        fn format_ms(this: &DateTimeFormat, ms: f64) -> Result<JsValue, JsValue>;

        #[wasm_bindgen(method, js_name = resolvedOptions)]
        fn resolved_options(this: &DateTimeFormat) -> Object;
    }

    /// The platform's formatters for one reader: the tag, calendar and digits they are made with, and each
    /// style's once made (in the reader's calendar, then in the Gregorian).
    pub struct IntlFormat {
        tag: String,
        calendar: String,
        numerals: String,
        resolved: Calendar,
        made: RefCell<Vec<Option<DateTimeFormat>>>,
    }

    impl IntlFormat {
        /// The formatter for `locale`, or `None` when the platform refuses its tag (the caller writes English).
        pub fn new(locale: &Locale) -> Option<IntlFormat> {
            let mut intl = IntlFormat {
                tag: locale.tag().to_owned(),
                calendar: calendar_name(locale).to_owned(),
                numerals: numerals_name(locale).to_owned(),
                resolved: Calendar::Gregorian,
                made: RefCell::new((0..2 * Style::ALL.len()).map(|_| None).collect()),
            };
            // The calendar the platform took: one it does not know falls back to its own default.
            let first = intl.make(Style::Year, false)?;
            let taken = Reflect::get(&first.resolved_options(), &"calendar".into()).ok().and_then(|c| c.as_string());
            intl.resolved = calendar_of(taken.as_deref().unwrap_or("gregory"));
            intl.made.borrow_mut()[0] = Some(first);
            Some(intl)
        }

        fn make(&self, style: Style, gregorian: bool) -> Option<DateTimeFormat> {
            let options = Object::new();
            let set = |key: &str, value: &str| {
                let _ = Reflect::set(&options, &key.into(), &value.into());
            };
            set("timeZone", "UTC");
            set("calendar", if gregorian { "gregory" } else { &self.calendar });
            set("numberingSystem", &self.numerals);
            for (key, value) in style.options() {
                set(key, value);
            }
            // Made through `Reflect.construct`, which reports a refused tag or option instead of throwing
            // through the widget.
            let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
            let class: Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
            let made = Reflect::construct(&class, &Array::of2(&self.tag.as_str().into(), &options)).ok()?;
            Some(made.unchecked_into())
        }
    }

    impl Format for IntlFormat {
        fn format(&self, day: &DateSpec, style: Style, gregorian: bool) -> String {
            let at = style as usize + if gregorian { Style::ALL.len() } else { 0 };
            let mut made = self.made.borrow_mut();
            if made[at].is_none() {
                made[at] = self.make(style, gregorian);
            }
            let ms = (day.instant() * 86_400_000.0).round();
            made[at].as_ref().and_then(|f| f.format_ms(ms).ok()).and_then(|text| text.as_string()).unwrap_or_default()
        }

        fn calendar(&self) -> Calendar {
            self.resolved
        }
    }
}
