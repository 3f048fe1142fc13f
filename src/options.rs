//! What the page asks of a widget, read once into typed [`Options`]: from the object given to
//! `Newsline.mount(element, options)` (each member read at the boundary as a typed [`Given`] value), or from
//! the element's `data-*` attributes. One table ([`OPTIONS`]) names every option in both
//! spellings, so the two ways in cannot drift apart.
//!
//! Nothing the page gets wrong passes silently:
//! - an unknown option of the JS API, or a `data-` attribute one edit away from a known one, is named in a
//!   warning with the nearest valid name ("`heigth` is not an option: did you mean `height`?");
//! - an attribute with a value that cannot be used (`data-height="abc"`, `data-dir="up"`, a language tag that is
//!   not well formed, a calendar `Intl` does not know) is named in a warning, with the nearest valid value
//!   where one is near, and the default is used;
//! - a JS option of the wrong type is an error, which `mount` throws.

use crate::limits::Requested;
use crate::validate::nearest;
use crate::words::{well_formed, Wanted, CALENDARS, NUMERALS};

/// A value the page gave, as JavaScript typed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Text(String),
    Number(f64),
    Bool(bool),
    /// `null` or `undefined`: the same as not given.
    Nothing,
    /// An object, a list or anything else no option takes; the name of its kind.
    Other(&'static str),
}

/// What kind of value an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    /// A whole number from 0 up; attributes may end in `px`.
    Whole,
    /// true or false; attributes say `on`/`off` (or `true`/`false`).
    Switch,
}

/// Every option: its name in the JS API, its attribute, and the kind of value it takes.
pub const OPTIONS: &[(&str, &str, &str)] = &[
    ("src", "data-src", "text"),
    ("data", "", "text"),
    ("start", "data-start", "text"),
    ("theme", "data-theme", "text"),
    ("hash", "data-hash", "switch"),
    ("height", "data-height", "whole"),
    ("headingLevel", "data-heading-level", "whole"),
    ("timeout", "data-timeout", "whole"),
    ("maxBytes", "data-max-bytes", "whole"),
    ("maxEvents", "data-max-events", "whole"),
    ("maxText", "data-max-text", "whole"),
    ("maxDepth", "data-max-depth", "whole"),
    // The reader's language (a BCP 47 tag), direction (`ltr`, `rtl`), calendar and digits (`Intl` ids).
    ("lang", "data-lang", "text"),
    ("dir", "data-dir", "text"),
    ("calendar", "data-calendar", "text"),
    ("numerals", "data-numerals", "text"),
    // When the widget's code is fetched (`eager`, `visible`): read by newsline.js, which mounts the widget.
    ("", "data-load", "text"),
];

fn kind_of(name: &str) -> Kind {
    match name {
        "switch" => Kind::Switch,
        "whole" => Kind::Whole,
        _ => Kind::Text,
    }
}

/// Options as the widget uses them; every field is optional (the widget's defaults fill the rest).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub src: Option<String>,
    /// Story JSON as text (the JS wrapper stringifies an object).
    pub data: Option<String>,
    pub start: Option<String>,
    pub theme: Option<String>,
    pub hash: Option<bool>,
    pub height: Option<u32>,
    pub heading_level: Option<HeadingLevel>,
    pub timeout: Option<u32>,
    pub limits: Requested,
    /// The language, direction, calendar and digits asked for (the page's own `lang` is filled in by the
    /// mount).
    pub language: Wanted,
    /// The options came from the element's attributes, which anyone who can put a `<div>` in the page can
    /// write: their limits can only be lowered.
    pub from_attributes: bool,
}

/// The heading level of the story's title, made once from what the page asked: 1 to 5, so the event cards
/// (one level below) are headings too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    /// The deepest level the title may have.
    pub const DEEPEST: u8 = 5;

    /// `level` brought into 1 to [`HeadingLevel::DEEPEST`].
    pub fn new(level: u32) -> HeadingLevel {
        HeadingLevel(level.clamp(1, u32::from(HeadingLevel::DEEPEST)) as u8)
    }

    /// The title's level (the error panel's heading takes it too).
    pub fn title(self) -> u8 {
        self.0
    }

    /// The event cards' level, one below the title.
    pub fn card(self) -> u8 {
        self.0 + 1
    }
}

impl Default for HeadingLevel {
    fn default() -> HeadingLevel {
        HeadingLevel(2)
    }
}

impl Options {
    /// Options from the JS API: `given` are the members of the options object. An unknown member gives a
    /// warning (with the nearest option's name); a member of the wrong type is an error.
    pub fn from_object(given: impl IntoIterator<Item = (String, Given)>) -> Result<(Options, Vec<String>), String> {
        let mut options = Options::default();
        let mut warnings = Vec::new();
        let mut given: Vec<(String, Given)> = given.into_iter().collect();
        given.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, value) in given {
            let Some(&(option, _, kind)) = OPTIONS.iter().find(|(option, _, _)| !option.is_empty() && *option == name)
            else {
                let known = OPTIONS.iter().map(|o| o.0).filter(|o| !o.is_empty());
                warnings.push(unknown(&format!("\"{name}\""), known, "is not an option"));
                continue;
            };
            let wrong = |what: &str| format!("\"{option}\" must be {what}");
            let value = match (kind_of(kind), value) {
                (_, Given::Nothing) => continue,
                (Kind::Text, Given::Text(t)) => match usable(option, &t) {
                    Ok(value) => Value::Text(value.unwrap_or(t)),
                    Err(advice) => {
                        warnings.push(unusable(option, &t, &advice));
                        continue;
                    }
                },
                (Kind::Text, _) => return Err(wrong("text")),
                (Kind::Switch, Given::Bool(b)) => Value::Switch(b),
                (Kind::Switch, _) => return Err(wrong("true or false")),
                (Kind::Whole, Given::Number(n)) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                    Value::Whole(n as u32)
                }
                (Kind::Whole, _) => return Err(wrong("a whole number from 0 up")),
            };
            options.set(option, value);
        }
        Ok((options, warnings))
    }

    /// Options from the element's `data-*` attributes (`(name, value)` pairs, all of the element's
    /// attributes may be given). A value that cannot be used is named in a warning, and the default is used;
    /// a `data-` attribute one or two letters from a known one is taken for a typo and named too.
    pub fn from_attributes<'a>(attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Options, Vec<String>) {
        let mut options = Options { from_attributes: true, ..Options::default() };
        let mut warnings = Vec::new();
        for (name, raw) in attributes {
            let Some(&(option, attribute, kind)) = OPTIONS.iter().find(|(_, a, _)| !a.is_empty() && *a == name) else {
                let known = OPTIONS.iter().map(|o| o.1).filter(|a| !a.is_empty());
                if name.starts_with("data-") && near(name, known.clone()).is_some() {
                    warnings.push(unknown(name, known, "is not an attribute of the timeline"));
                }
                continue;
            };
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            let parsed = match kind_of(kind) {
                Kind::Text => {
                    if let Err(advice) = options.set_text(option, value) {
                        warnings.push(unusable(attribute, value, &advice));
                    }
                    continue;
                }
                Kind::Switch => match value {
                    "on" | "true" => Some(Value::Switch(true)),
                    "off" | "false" => Some(Value::Switch(false)),
                    _ => None,
                },
                Kind::Whole => value.strip_suffix("px").unwrap_or(value).trim().parse().ok().map(Value::Whole),
            };
            match parsed {
                Some(v) => options.set(option, v),
                None => {
                    let want = if kind_of(kind) == Kind::Switch { "on or off" } else { "a whole number, e.g. 600" };
                    warnings.push(unusable(attribute, value, &format!("write {want}")));
                }
            }
        }
        (options, warnings)
    }

    /// Sets the text option `option` (`theme`, `lang`, `dir` …, by its camelCase name) to `value` as the widget
    /// reads its `data-*` attribute, or says what to write instead (`newsline render --lang` reads its flags so).
    pub fn set_text(&mut self, option: &str, value: &str) -> Result<(), String> {
        let text = usable(option, value)?.unwrap_or_else(|| value.to_owned());
        self.set(option, Value::Text(text));
        Ok(())
    }

    fn set(&mut self, option: &str, value: Value) {
        match (option, value) {
            ("src", Value::Text(t)) => self.src = Some(t),
            ("data", Value::Text(t)) => self.data = Some(t),
            ("start", Value::Text(t)) => self.start = Some(t),
            ("theme", Value::Text(t)) => self.theme = Some(t),
            ("hash", Value::Switch(b)) => self.hash = Some(b),
            ("height", Value::Whole(n)) => self.height = Some(n),
            ("headingLevel", Value::Whole(n)) => self.heading_level = Some(HeadingLevel::new(n)),
            ("timeout", Value::Whole(n)) => self.timeout = Some(n),
            ("maxBytes", Value::Whole(n)) => self.limits.max_bytes = Some(n as usize),
            ("maxEvents", Value::Whole(n)) => self.limits.max_events = Some(n as usize),
            ("maxText", Value::Whole(n)) => self.limits.max_text = Some(n as usize),
            ("maxDepth", Value::Whole(n)) => self.limits.max_depth = Some(n as usize),
            ("lang", Value::Text(t)) => self.language.lang = Some(t),
            ("dir", Value::Text(t)) => self.language.rtl = Some(t == "rtl"),
            ("calendar", Value::Text(t)) => self.language.calendar = Some(t),
            ("numerals", Value::Text(t)) => self.language.numerals = Some(t),
            _ => {}
        }
    }
}

/// A value read for an option of its kind.
enum Value {
    Text(String),
    Switch(bool),
    Whole(u32),
}

/// The text `value` of `option` as the widget takes it (`None`: as given), or what to write instead:
/// - `lang`: a well-formed BCP 47 tag ([`well_formed`]), trimmed;
/// - `dir`: `ltr` or `rtl`; `calendar` and `numerals`: an id of [`CALENDARS`] or [`NUMERALS`] (case aside, as
///   `Intl` reads them), in lower case;
/// - any other text option: as given.
fn usable(option: &str, value: &str) -> Result<Option<String>, String> {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    let one_of = |known: &[&'static str], example: &str| {
        if known.contains(&lower.as_str()) {
            return Ok(Some(lower.clone()));
        }
        Err(match near(&lower, known.iter().copied()) {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => format!("write {example}"),
        })
    };
    match option {
        "lang" if well_formed(value) => Ok(Some(value.to_owned())),
        "lang" => Err("write a language tag (BCP 47), such as fa or ar-IQ".to_owned()),
        "dir" => one_of(&["ltr", "rtl"], "ltr or rtl"),
        "calendar" => one_of(CALENDARS, "an Intl calendar, such as gregory, persian or islamic-umalqura"),
        "numerals" => {
            let ids: Vec<&'static str> = NUMERALS.iter().map(|(id, _)| *id).collect();
            one_of(&ids, "latn or a numbering system of Intl, such as arab or arabext")
        }
        _ => Ok(None),
    }
}

/// The warning for the value of `name` that cannot be used, with `advice` (what to write instead).
fn unusable(name: &str, value: &str, advice: &str) -> String {
    let shown: String = value.chars().take(40).collect();
    let then = if advice.ends_with('?') { " The" } else { "; the" };
    format!("Newsline: {name}=\"{shown}\" cannot be used: {advice}{then} default is used")
}

/// The warning for `name`, which `what`, with the nearest of `known` when one is near.
fn unknown<'a>(name: &str, known: impl Iterator<Item = &'a str> + Clone, what: &str) -> String {
    let shown: String = name.chars().take(60).collect();
    match near(name.trim_matches('"'), known) {
        Some(near) => format!("Newsline: {shown} {what}: did you mean \"{near}\"? It is ignored"),
        None => format!("Newsline: {shown} {what}, and is ignored"),
    }
}

/// The known name nearest to `name` (case aside), when it is at most two edits away.
fn near<'a>(name: &str, known: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    nearest(name, known, |_| 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(pairs: &[(&str, Given)]) -> Result<(Options, Vec<String>), String> {
        Options::from_object(pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())))
    }

    #[test]
    fn the_js_api_reads_every_option_by_its_camel_case_name() {
        let (o, warnings) = object(&[
            ("src", Given::Text("story.json".into())),
            ("start", Given::Text("talks-open".into())),
            ("theme", Given::Text("dark".into())),
            ("hash", Given::Bool(false)),
            ("height", Given::Number(600.0)),
            ("headingLevel", Given::Number(9.0)),
            ("timeout", Given::Number(5000.0)),
            ("maxBytes", Given::Number(1000.0)),
            ("maxEvents", Given::Number(10.0)),
            ("maxText", Given::Number(50.0)),
            ("maxDepth", Given::Number(8.0)),
            ("data", Given::Nothing),
        ])
        .expect("valid");
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(o.src.as_deref(), Some("story.json"));
        assert_eq!((o.hash, o.height, o.timeout), (Some(false), Some(600), Some(5000)));
        assert_eq!(o.heading_level, Some(HeadingLevel::new(5)), "clamped once, here");
        assert_eq!(
            o.limits,
            Requested { max_bytes: Some(1000), max_events: Some(10), max_text: Some(50), max_depth: Some(8) }
        );
        assert!(!o.from_attributes);
    }

    #[test]
    fn a_misspelt_option_is_named_with_the_nearest_and_a_wrong_type_is_an_error() {
        let (o, warnings) = object(&[("heigth", Given::Number(600.0)), ("colour", Given::Text("red".into()))])
            .expect("unknown options are warnings");
        assert_eq!(o, Options::default());
        assert_eq!(
            warnings,
            [
                "Newsline: \"colour\" is not an option, and is ignored",
                "Newsline: \"heigth\" is not an option: did you mean \"height\"? It is ignored",
            ]
        );
        assert_eq!(
            object(&[("height", Given::Text("600".into()))]),
            Err("\"height\" must be a whole number from 0 up".into())
        );
        assert_eq!(object(&[("hash", Given::Number(1.0))]), Err("\"hash\" must be true or false".into()));
        assert_eq!(object(&[("src", Given::Other("an object"))]), Err("\"src\" must be text".into()));
        assert_eq!(
            object(&[("height", Given::Number(-1.0))]),
            Err("\"height\" must be a whole number from 0 up".into())
        );
    }

    #[test]
    fn attributes_are_read_and_unusable_values_named() {
        let (o, warnings) = Options::from_attributes([
            ("class", "story"),
            ("data-newsline", ""),
            ("data-src", " story.json "),
            ("data-height", "600px"),
            ("data-hash", "off"),
            ("data-heading-level", "3"),
            ("data-timeout", "abc"),
            ("data-max-events", "10"),
            ("data-heigth", "500"),
            ("data-testid", "x"),
        ]);
        assert_eq!(o.src.as_deref(), Some("story.json"));
        assert_eq!((o.height, o.hash, o.timeout), (Some(600), Some(false), None));
        assert_eq!(o.heading_level, Some(HeadingLevel::new(3)));
        assert_eq!(o.limits.max_events, Some(10));
        assert!(o.from_attributes);
        assert_eq!(
            warnings,
            [
                "Newsline: data-timeout=\"abc\" cannot be used: write a whole number, e.g. 600; the default is used",
                "Newsline: data-heigth is not an attribute of the timeline: did you mean \"data-height\"? It is ignored",
            ]
        );
        let (_, warnings) = Options::from_attributes([("data-hash", "maybe")]);
        assert_eq!(warnings, ["Newsline: data-hash=\"maybe\" cannot be used: write on or off; the default is used"]);
    }

    #[test]
    fn every_option_has_an_attribute_but_the_data_itself() {
        for (option, attribute, kind) in OPTIONS {
            assert!(["text", "whole", "switch"].contains(kind), "{option}");
            assert_eq!(attribute.is_empty(), *option == "data", "{option}");
        }
    }

    #[test]
    fn language_direction_calendar_and_numerals_from_attributes() {
        let (o, warnings) = Options::from_attributes([
            ("data-lang", " ar-IQ "),
            ("data-dir", "RTL"),
            ("data-calendar", "Islamic-Umalqura"),
            ("data-numerals", "latn"),
        ]);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(
            o.language,
            Wanted {
                lang: Some("ar-IQ".into()),
                rtl: Some(true),
                calendar: Some("islamic-umalqura".into()),
                numerals: Some("latn".into()),
                page_lang: None
            }
        );
        assert_eq!(Options::from_attributes([("data-dir", "ltr")]).0.language.rtl, Some(false));
        let (o, warnings) = Options::from_attributes([
            ("data-lang", "en_US"),
            ("data-dir", "rt"),
            ("data-calendar", "persain"),
            ("data-numerals", "roman"),
        ]);
        assert_eq!(o.language, Wanted::default(), "each unusable value is left out");
        assert_eq!(
            warnings,
            [
                "Newsline: data-lang=\"en_US\" cannot be used: write a language tag (BCP 47), such as fa or ar-IQ; the default is used",
                "Newsline: data-dir=\"rt\" cannot be used: did you mean \"rtl\"? The default is used",
                "Newsline: data-calendar=\"persain\" cannot be used: did you mean \"persian\"? The default is used",
                "Newsline: data-numerals=\"roman\" cannot be used: write latn or a numbering system of Intl, such as arab or arabext; the default is used",
            ]
        );
        let (_, warnings) = Options::from_attributes([("data-calendar", "lunar"), ("data-numerals", "arabx")]);
        assert_eq!(
            warnings,
            [
                "Newsline: data-calendar=\"lunar\" cannot be used: write an Intl calendar, such as gregory, persian or islamic-umalqura; the default is used",
                "Newsline: data-numerals=\"arabx\" cannot be used: did you mean \"arab\"? The default is used",
            ]
        );
    }

    #[test]
    fn language_direction_calendar_and_numerals_from_the_js_api() {
        let (o, warnings) = object(&[
            ("lang", Given::Text("fa".into())),
            ("dir", Given::Text("ltr".into())),
            ("calendar", Given::Text("gregory".into())),
            ("numerals", Given::Text("arabext".into())),
        ])
        .expect("valid");
        assert_eq!(warnings, Vec::<String>::new());
        let locale = o.language.locale(Some("en"));
        assert_eq!((locale.tag(), locale.dir()), ("fa", "ltr"));
        assert_eq!((locale.calendar(), locale.numerals()), (Some("gregory"), Some("arabext")));
        let (o, warnings) = object(&[("lang", Given::Text("fa IR".into())), ("dir", Given::Text("sideways".into()))])
            .expect("warnings");
        assert_eq!(o.language, Wanted::default());
        assert_eq!(
            warnings,
            [
                "Newsline: dir=\"sideways\" cannot be used: write ltr or rtl; the default is used",
                "Newsline: lang=\"fa IR\" cannot be used: write a language tag (BCP 47), such as fa or ar-IQ; the default is used",
            ]
        );
        assert_eq!(object(&[("lang", Given::Number(1.0))]), Err("\"lang\" must be text".into()));
        assert_eq!(object(&[("numerals", Given::Bool(true))]), Err("\"numerals\" must be text".into()));
    }
}
