//! Every word the widget says to a reader, in each language it speaks (issue 15): one table per language,
//! keyed by [`Word`] for fixed words and [`Counted`] for words said with a number, with the language's plural
//! forms (Unicode CLDR's rules) and its digits and grouping. A word a table lacks is said in English, never
//! as a key or a blank. The CLI's messages for editors stay English and are not here.
//!
//! Tables: English (the widget's own words), French, Spanish, German, Arabic and Persian, written by the
//! team from the platforms' usual wording for the same controls; not yet reviewed by a native speaker of each
//! (docs/languages.md keeps that record).

/// The languages with a table of their own. Any other language tag reads as English words (in its own
/// direction: see [`Locale::rtl`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    De,
    Ar,
    Fa,
}

/// A fixed word or phrase of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Previous,
    Next,
    ZoomIn,
    ZoomOut,
    ExpandAll,
    CollapseAll,
    Quote,
    /// A quote the story gives in translation: not the speaker's own words.
    QuoteTranslated,
    ReportedSpeech,
    ReportedSpeechTranslated,
    /// Before the speaker's name under reported speech: "Reported speech of".
    ReportedSpeechOf,
    /// The marks around a quotation shown in a line ("“", "« ").
    OpenQuote,
    CloseQuote,
    /// Between the parts of a line: ", " (", " in Arabic script).
    Comma,
    /// Before an author's name in a citation: "by".
    By,
    /// Before a citation: "Source:".
    Source,
    Sources,
    EditorsNote,
    Loading,
    /// The widget's name for assistive technology while nothing else names it.
    Timeline,
    /// What the live region says before the story's title when it loaded after Retry.
    TimelineLoaded,
    TimelineNavigation,
    Events,
    Overview,
    /// What the live region says before the name of the overview's group holding the open event.
    OpenEventIn,
    Eras,
    /// The lane of events without a group, when the others are named.
    OtherLane,
    Retry,
    ShowEarlier,
    ShowLater,
    /// After a gap's length in the narrow list: "28 years" "later".
    Later,
    CouldNotShow,
    /// Before the address of a story that could not be shown.
    StoryFile,
    /// Before a problem of the story that does not stop it.
    Warning,
    /// An event whose place among the day's events is not known.
    OrderUnknown,
    /// The facade's button of a video player: "Load video from {site}".
    LoadVideo,
    LoadAudio,
    LoadPost,
    LoadPhoto,
    LoadMap,
    LoadDocument,
    /// The link to the service's own page: "Open on {site}".
    OpenOn,
    /// What a facade or a link card holds, above its title.
    Video,
    Audio,
    Post,
    Photo,
    Map,
    Document,
    Link,
    /// Said where a player was refused by the page's Content-Security-Policy, above the link.
    FrameBlocked,
    /// Beside a facade's button: what loading the player tells the service.
    LoadNote,
}

/// How many [`Word`]s there are: every table has this many lines of them.
const WORDS: usize = Word::LoadNote as usize + 1;

/// The words said with a site's name, `{site}` in them ([`Locale::word_for_site`]).
#[cfg(test)]
const SITED: &[Word] = &[
    Word::LoadVideo,
    Word::LoadAudio,
    Word::LoadPost,
    Word::LoadPhoto,
    Word::LoadMap,
    Word::LoadDocument,
    Word::OpenOn,
    Word::FrameBlocked,
    Word::LoadNote,
];

/// A phrase said with a number, `{n}` in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Statements,
    Years,
    Months,
    Days,
    Hours,
    Minutes,
    /// The error panel's summary: "The story data has {n} problems. Fix them in the file and reload the page:".
    Problems,
    /// What the live region says as the overview opens: "Overview: {n} groups of events."
    Groups,
    /// "Show earlier events ({n} more)".
    More,
    /// An overview group's size: "{n} events".
    Events,
    /// Deep time, a date more than 100,000 years back: "{n} years ago" (n grouped, "315,000 years ago").
    YearsAgo,
    /// "{n} million years ago" (n may have one decimal: "66 million years ago", "538.8 million years ago").
    MillionYearsAgo,
    /// "{n} billion years ago": "13.8 billion years ago".
    BillionYearsAgo,
    /// A gap of deep time on the axis: "{n} million years".
    MillionYears,
    /// "{n} billion years".
    BillionYears,
}

#[cfg(test)]
const COUNTED: usize = Counted::BillionYears as usize + 1;

/// The plural categories of Unicode CLDR, in the order a [`Counted`] entry lists its forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

// The tables: one line a [`Word`] in the enum's order, then one line a [`Counted`] phrase, `{n}` where its number
// goes, in the plural forms the language uses, split by `|`: one form for every number; two (one|other); or
// six (zero|one|two|few|many|other). Text, not arrays of `&str`: the widget carries each table as one string.
// A line that is empty (or missing) is said in English.
//
// English is compiled into the widget. The other languages' tables are text files, `www/data/words/<lang>.txt`
// (one source for both builds): the host build (`newsline render`, the tests) compiles them in; the widget's
// wasm does not carry them (3.3 KB gzip for five languages, of which a reader uses one) but fetches its
// reader's table from beside the built-in story's file (`crate::hooks::use_words`), saying English where that
// fails.

const EN: &str = "\
Previous
Next
Zoom in
Zoom out
Expand all
Collapse all
Quote
Quote, translated
Reported speech
Reported speech, translated
Reported speech of
“
”
,
by
Source:
Sources:
Editor's note:
Loading timeline…
Timeline
Timeline loaded:
Timeline navigation
Events
Overview of the story: groups of events
The open event is in
Eras
Other
Retry
Show earlier events
Show later events
later
This timeline could not be shown
Story file:
Warning:
Its place among the day's events is not known
Load video from {site}
Load audio from {site}
Load post from {site}
Load photo from {site}
Load map from {site}
Load document from {site}
Open on {site}
Video
Audio
Post
Photo
Map
Document
Link
This page does not allow content from {site} to be shown here.
Loading it lets {site} see your visit.
{n} statement|{n} statements
{n} year|{n} years
{n} month|{n} months
{n} day|{n} days
{n} hour|{n} hours
{n} minute|{n} minutes
The story data has {n} problem. Fix it in the file and reload the page:|The story data has {n} problems. Fix them in the file and reload the page:
Overview: {n} group of events.|Overview: {n} groups of events.
{n} more
{n} event|{n} events
{n} years ago
{n} million years ago
{n} billion years ago
{n} million years
{n} billion years";

#[cfg(not(target_arch = "wasm32"))]
const FR: &str = include_str!("../www/data/words/fr.txt");
#[cfg(not(target_arch = "wasm32"))]
const ES: &str = include_str!("../www/data/words/es.txt");
#[cfg(not(target_arch = "wasm32"))]
const DE: &str = include_str!("../www/data/words/de.txt");
#[cfg(not(target_arch = "wasm32"))]
const AR: &str = include_str!("../www/data/words/ar.txt");
#[cfg(not(target_arch = "wasm32"))]
const FA: &str = include_str!("../www/data/words/fa.txt");

impl Lang {
    /// The language's code: the name of its table's file (`fa` for `www/data/words/fa.txt`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }
}

/// The table of `lang`'s words: on the host, compiled in.
#[cfg(not(target_arch = "wasm32"))]
fn table_of(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::Es => ES,
        Lang::De => DE,
        Lang::Ar => AR,
        Lang::Fa => FA,
    }
}

/// Whether `lang`'s table is still to be fetched: never on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn table_missing(_lang: Lang) -> bool {
    false
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The tables fetched so far, each kept for the page's life; `None`: its fetch failed (said in English).
    static FETCHED: std::cell::RefCell<Vec<(Lang, Option<&'static str>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The table of `lang`'s words: in the widget, English until the reader's table has come.
#[cfg(target_arch = "wasm32")]
fn table_of(lang: Lang) -> &'static str {
    FETCHED.with(|f| f.borrow().iter().find(|(l, _)| *l == lang).and_then(|(_, t)| *t)).unwrap_or(EN)
}

/// Whether `lang`'s table is still to be fetched (English's never is; a failed fetch is not tried again).
#[cfg(target_arch = "wasm32")]
pub fn table_missing(lang: Lang) -> bool {
    lang != Lang::En && FETCHED.with(|f| !f.borrow().iter().any(|(l, _)| *l == lang))
}

/// Keeps `lang`'s table as fetched (`None` where the fetch failed: its words are said in English). A table
/// comes once a page and a language, and lives as long as the page: it is leaked, so that words stay
/// `&'static str` as the compiled-in English are.
#[cfg(target_arch = "wasm32")]
pub fn install(lang: Lang, table: Option<String>) {
    let table = table.map(|t| &*Box::leak(t.into_boxed_str()));
    FETCHED.with(|f| {
        let mut fetched = f.borrow_mut();
        if !fetched.iter().any(|(l, _)| *l == lang) {
            fetched.push((lang, table));
        }
    });
}

/// Line `index` of `table`; empty where the table has none.
fn line(table: &'static str, index: usize) -> &'static str {
    table.split('\n').nth(index).unwrap_or("")
}

/// Word `index` of `table`, or the English one where that line is empty or missing.
fn said(table: &'static str, index: usize) -> &'static str {
    match line(table, index) {
        "" => line(EN, index),
        said => said,
    }
}

/// The primary language subtags written right to left.
const RIGHT_TO_LEFT: &[&str] = &["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"];

/// The calendars a page may ask for (`data-calendar`): the ids of `Intl.supportedValuesOf("calendar")`.
pub const CALENDARS: &[&str] = &[
    "buddhist",
    "chinese",
    "coptic",
    "dangi",
    "ethioaa",
    "ethiopic",
    "gregory",
    "hebrew",
    "indian",
    "islamic",
    "islamic-civil",
    "islamic-rgsa",
    "islamic-tbla",
    "islamic-umalqura",
    "iso8601",
    "japanese",
    "persian",
    "roc",
];

/// The digits a page may ask counts and dates to be written in (`data-numerals`): the `Intl` numbering
/// systems of ten digits in a row, each with its zero.
pub const NUMERALS: &[(&str, char)] = &[
    ("latn", '0'),
    ("arab", '\u{0660}'),
    ("arabext", '\u{06f0}'),
    ("beng", '\u{09e6}'),
    ("deva", '\u{0966}'),
    ("fullwide", '\u{ff10}'),
    ("gujr", '\u{0ae6}'),
    ("guru", '\u{0a66}'),
    ("khmr", '\u{17e0}'),
    ("knda", '\u{0ce6}'),
    ("laoo", '\u{0ed0}'),
    ("mlym", '\u{0d66}'),
    ("mymr", '\u{1040}'),
    ("orya", '\u{0b66}'),
    ("tamldec", '\u{0be6}'),
    ("telu", '\u{0c66}'),
    ("thai", '\u{0e50}'),
    ("tibt", '\u{0f20}'),
];

/// Whether `tag` is a well-formed BCP 47 language tag as `Intl` takes it (Unicode's `unicode_locale_id`): a
/// language of 2 or 3 letters (BCP 47 also reserves 5 to 8 for languages it has never registered, so a name
/// written out, `Persian`, is not taken as a tag), then subtags of 1 to 8 letters and digits joined by `-`, where a
/// subtag of one character (an extension: `u`, `x` …) is followed by a longer one. Well formed is not known:
/// `xx-YY` passes, and reads as English words.
pub fn well_formed(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or("");
    if !matches!(language.len(), 2 | 3) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut after_singleton = false;
    for subtag in subtags {
        if subtag.is_empty() || subtag.len() > 8 || !subtag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        if subtag.len() == 1 && after_singleton {
            return false;
        }
        after_singleton = subtag.len() == 1;
    }
    !after_singleton
}

/// A reader's language: the table its words come from, its direction, its digits, and the calendar and
/// numerals the page asked for. The App makes one (from [`Wanted::locale`]) and hands it to every view as a
/// Yew context, `Rc<Locale>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    /// The tag as given (BCP 47, such as `fa` or `ar-IQ`), trimmed; `en` when none was.
    tag: String,
    pub lang: Lang,
    /// Written right to left: the timeline runs from right to left.
    pub rtl: bool,
    /// The zero of the digits counts are written in: `0`, Arabic-Indic `٠` for Arabic, Persian `۰` for Persian.
    zero: char,
    calendar: Option<String>,
    numerals: Option<String>,
    /// The language of the story's text where it is not this one ([`Locale::text_lang`]).
    text_lang: Option<String>,
    /// The words' table: the language's, or English's while the widget has not fetched it.
    table: &'static str,
}

impl Default for Locale {
    /// English, left to right: what `Locale::new("en")` makes, built directly (a view drawn without the App's
    /// context takes it, and the widget need not carry a second copy of the parsing of a tag for it).
    fn default() -> Locale {
        Locale {
            tag: "en".to_owned(),
            lang: Lang::En,
            rtl: false,
            zero: '0',
            calendar: None,
            numerals: None,
            text_lang: None,
            table: EN,
        }
    }
}

impl Locale {
    /// The locale of a BCP 47 tag; an empty or unknown one gives English words, in the tag's direction.
    pub fn new(tag: &str) -> Locale {
        let tag = tag.trim();
        // The first subtag and the last (`ar-IQ`: `ar` and `IQ`), split at `-` (or `_`, as some pages write).
        let first_end = tag.find(['-', '_']).unwrap_or(tag.len());
        let last_start = tag.rfind(['-', '_']).map_or(0, |i| i + 1);
        let primary = tag[..first_end].to_ascii_lowercase();
        let lang = match primary.as_str() {
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "de" => Lang::De,
            "ar" => Lang::Ar,
            "fa" => Lang::Fa,
            _ => Lang::En,
        };
        // Arabic as written in the Maghreb uses 0–9 (CLDR: ar-DZ, ar-MA, ar-TN, ar-LY, ar-EH).
        let region = tag[last_start..].to_ascii_uppercase();
        let maghreb = ["DZ", "MA", "TN", "LY", "EH"].contains(&region.as_str());
        let zero = match lang {
            Lang::Fa => '\u{06f0}',
            Lang::Ar if !maghreb => '\u{0660}',
            _ => '0',
        };
        Locale {
            tag: if tag.is_empty() { "en".to_owned() } else { tag.to_owned() },
            lang,
            rtl: RIGHT_TO_LEFT.contains(&primary.as_str()),
            zero,
            calendar: None,
            numerals: None,
            text_lang: None,
            table: table_of(lang),
        }
    }

    /// The locale of `tag` with the calendar and numerals the page asked for (`None`: the language's own). A
    /// calendar or numbering system not in [`CALENDARS`] or [`NUMERALS`] is left out (the options warned of it).
    pub fn with(tag: &str, calendar: Option<&str>, numerals: Option<&str>) -> Locale {
        let mut locale = Locale::new(tag);
        locale.calendar = calendar.filter(|c| CALENDARS.contains(c)).map(str::to_owned);
        if let Some(&(id, zero)) = numerals.and_then(|n| NUMERALS.iter().find(|(id, _)| *id == n)) {
            locale.numerals = Some(id.to_owned());
            locale.zero = zero;
        }
        locale
    }

    /// The tag as given (BCP 47, such as `fa` or `ar-IQ`): the root's `lang`, and what `Intl` is asked for.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The calendar the page asked for (an `Intl` calendar id); `None`: the language's own.
    pub fn calendar(&self) -> Option<&str> {
        self.calendar.as_deref()
    }

    /// The numbering system the page asked for (an `Intl` id, `latn`, `arab` …); `None`: the language's own.
    pub fn numerals(&self) -> Option<&str> {
        self.numerals.as_deref()
    }

    /// The `lang` of the story's text where it differs from the interface's: an English story under
    /// `data-lang="fa"` has Persian words around English text, and a screen reader must read each in its own
    /// language. `None` where they agree, or where the story's language is not known.
    pub fn text_lang(&self) -> Option<&str> {
        self.text_lang.as_deref()
    }

    /// `dir` for the widget's root: `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn table(&self) -> &'static str {
        self.table
    }

    /// `word` in this language, or in English where its table has none.
    pub fn word(&self, word: Word) -> &'static str {
        said(self.table(), word as usize)
    }

    /// `counted` with the number `n`, in the plural form the language uses for it, its digits grouped the
    /// language's way.
    pub fn counted(&self, counted: Counted, n: usize) -> String {
        match self.around(counted, n) {
            (before, Some(after)) => format!("{before}{}{after}", self.number(n)),
            (form, None) => form.to_owned(),
        }
    }

    /// The words of `counted` for `n` before and after its number ("", " events"); a form that spells its
    /// number out (Arabic "تصريح واحد") is all before, with `None` after.
    pub fn around(&self, counted: Counted, n: usize) -> (&'static str, Option<&'static str>) {
        let english = if n == 1 { Plural::One } else { Plural::Other };
        self.around_as(counted, english, self.plural(n))
    }

    /// [`Locale::around`] for a number of the plural category `own` (`english` where the English table stands
    /// in).
    fn around_as(&self, counted: Counted, english: Plural, own: Plural) -> (&'static str, Option<&'static str>) {
        let at = WORDS + counted as usize;
        let (forms, plural) = match line(self.table(), at) {
            "" => (line(EN, at), english),
            forms => (forms, own),
        };
        // Six forms are listed in the order of [`Plural`]; two are one and other; one serves every number.
        let count = forms.split('|').count();
        let index = match (count, plural) {
            (6, plural) => plural as usize,
            (_, Plural::One) => 0,
            _ => count - 1,
        };
        let form = forms.split('|').nth(index).unwrap_or(forms);
        // `{n}` is the number's place: split at the brace, not searched for as a string (less code).
        match form.split_once('{') {
            Some((before, after)) => (before, Some(after.strip_prefix("n}").unwrap_or(after))),
            None => (form, None),
        }
    }

    /// `counted` for a number given in tenths, written with one decimal where it has one ("13.8 billion years
    /// ago", "66 million years ago"; "۱۳٫۸" in Persian digits, "13,8" in French): deep time's round figures.
    pub fn tenths(&self, counted: Counted, tenths: u64) -> String {
        let (whole, tenth) = (tenths / 10, tenths % 10);
        let mut number = self.number(whole as usize);
        let own = if tenth == 0 {
            self.plural(whole as usize)
        } else {
            // CLDR: a decimal is "other", but French's "one" takes every number under 2 ("1,5 milliard").
            number.push(match self.lang {
                _ if matches!(self.zero, '\u{0660}' | '\u{06f0}') => '\u{066b}',
                Lang::Fr | Lang::Es | Lang::De => ',',
                _ => '.',
            });
            number.push(char::from_u32(self.zero as u32 + tenth as u32).unwrap_or('0'));
            if self.lang == Lang::Fr && whole < 2 {
                Plural::One
            } else {
                Plural::Other
            }
        };
        let english = if tenths == 10 { Plural::One } else { Plural::Other };
        match self.around_as(counted, english, own) {
            (before, Some(after)) => format!("{before}{number}{after}"),
            (form, None) => form.to_owned(),
        }
    }

    /// The CLDR plural category of the whole number `n`.
    pub fn plural(&self, n: usize) -> Plural {
        match self.lang {
            Lang::En | Lang::De => match n {
                1 => Plural::One,
                _ => Plural::Other,
            },
            // French and Persian: 0 and 1 are "one". (CLDR's "many" for French and Spanish millions,
            // "1 million de …", is left to "other": the widget counts events, not millions.)
            Lang::Fr | Lang::Fa => match n {
                0 | 1 => Plural::One,
                _ => Plural::Other,
            },
            Lang::Es => match n {
                1 => Plural::One,
                _ => Plural::Other,
            },
            Lang::Ar => match (n, n % 100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
        }
    }

    /// `n` as this language writes a count: its digits (or those the page asked for), its grouping ("10,000";
    /// "10 000" in French, "10.000" in German and Spanish, which leave four digits ungrouped, "۱۰٬۰۰۰" in
    /// Persian, whose digits take the Arabic thousands separator).
    pub fn number(&self, n: usize) -> String {
        let separator = match self.lang {
            _ if matches!(self.zero, '\u{0660}' | '\u{06f0}') => '\u{066c}',
            Lang::En | Lang::Ar | Lang::Fa => ',',
            Lang::Fr => '\u{202f}',
            Lang::De | Lang::Es => '.',
        };
        let grouped = if self.lang == Lang::Es && n < 10_000 { n.to_string() } else { crate::limits::grouped(n) };
        let zero = self.zero as u32;
        grouped
            .chars()
            .map(|c| match c {
                ',' => separator,
                c => c.to_digit(10).and_then(|d| char::from_u32(zero + d)).unwrap_or(c),
            })
            .collect()
    }

    /// Where the reader is: "3 of 8", "۳ از ۸".
    pub fn position(&self, at: usize, of: usize) -> String {
        let of_word = match self.lang {
            Lang::En => " of ",
            Lang::Fr => " sur ",
            Lang::Es => " de ",
            Lang::De => " von ",
            Lang::Ar => " من ",
            Lang::Fa => " از ",
        };
        format!("{}{of_word}{}", self.number(at), self.number(of))
    }
}

/// What chooses the reader's language besides the story: the page's options and the page itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    /// The embedder's `lang` option (`data-lang`), well formed.
    pub lang: Option<String>,
    /// The embedder's `dir` option (`data-dir`): right to left or not.
    pub rtl: Option<bool>,
    /// The embedder's `calendar` and `numerals` options, checked against [`CALENDARS`] and [`NUMERALS`].
    pub calendar: Option<String>,
    pub numerals: Option<String>,
    /// The `lang` of the host element or its nearest ancestor that has one (`element.closest("[lang]")`).
    pub page_lang: Option<String>,
}

impl Wanted {
    /// The reader's locale for a story in `story_lang`:
    /// - the language: the embedder's `lang`, else the story's, else the page's, else `en`; a tag that is not
    ///   well formed ([`well_formed`]) is passed over;
    /// - the direction: the embedder's `dir`, else the language's;
    /// - the language of the story's text ([`Locale::text_lang`]): the story's, else the page's, where it is not
    ///   the one chosen (only the embedder's `lang` can make them differ).
    pub fn locale(&self, story_lang: Option<&str>) -> Locale {
        let tag = [self.lang.as_deref(), story_lang, self.page_lang.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|tag| well_formed(tag))
            .unwrap_or("en");
        let mut locale = Locale::with(tag, self.calendar.as_deref(), self.numerals.as_deref());
        locale.rtl = self.rtl.unwrap_or(locale.rtl);
        let text =
            [story_lang, self.page_lang.as_deref()].into_iter().flatten().map(str::trim).find(|t| well_formed(t));
        locale.text_lang = text.filter(|t| !t.eq_ignore_ascii_case(tag)).map(str::to_owned);
        locale
    }
}

impl Locale {
    /// A word said with a site's name ("Load video from {site}"), the name put in; split at the brace, as
    /// counted phrases are.
    pub fn word_for_site(&self, word: Word, site: &str) -> String {
        match self.word(word).split_once('{') {
            Some((before, after)) => [before, site, after.strip_prefix("site}").unwrap_or(after)].concat(),
            None => self.word(word).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::De, Lang::Ar, Lang::Fa];
    const TAGS: [&str; 6] = ["en", "fr", "es", "de", "ar", "fa"];

    fn table(lang: Lang) -> &'static str {
        Locale::new(lang.code()).table()
    }

    #[test]
    fn every_table_has_every_word_and_every_count() {
        for lang in ALL {
            // A file of lines, each ended by a newline, none by a carriage return.
            let text = table(lang);
            assert!(text.ends_with('\n') || lang == Lang::En, "{lang:?}: the file's last line has no newline");
            assert!(!text.contains('\r'), "{lang:?}: carriage returns in the table");
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), WORDS + COUNTED, "{lang:?}: one line a word and a counted phrase");
            for (i, w) in lines[..WORDS].iter().enumerate() {
                assert!(!w.trim().is_empty(), "{lang:?}: word {i} is missing");
                let sited = SITED.iter().any(|s| *s as usize == i);
                assert!(!w.contains('|'), "{lang:?}: word {i} has forms");
                assert_eq!(w.contains('{'), sited, "{lang:?}: word {i} has a placeholder, or lacks {{site}}");
                assert_eq!(w.matches("{site}").count(), usize::from(sited), "{lang:?}: word {i}");
                assert_eq!(w.trim_matches(' '), *w, "{lang:?}: word {i} has spaces around it (the views space words)");
            }
            for (i, line) in lines[WORDS..].iter().enumerate() {
                let forms: Vec<&str> = line.split('|').collect();
                assert!([1, 2, 6].contains(&forms.len()), "{lang:?}: counted {i} has {} forms", forms.len());
                assert!(lang == Lang::Ar || forms.len() < 6, "{lang:?}: six forms are Arabic's");
                for form in forms {
                    assert!(!form.trim().is_empty(), "{lang:?}: counted {i} has an empty form");
                    // The Arabic dual and singular spell their number out; every other form shows it.
                    let spelled = lang == Lang::Ar && !form.contains("{n}");
                    assert!(form.contains("{n}") || spelled, "{lang:?}: {form:?}");
                }
            }
        }
    }

    #[test]
    fn a_tag_picks_its_table_direction_and_digits() {
        for (tag, lang) in TAGS.iter().zip(ALL) {
            assert_eq!(Locale::new(tag).lang, lang);
        }
        assert_eq!(Locale::new("ar-IQ").lang, Lang::Ar);
        assert_eq!(Locale::new("FA_ir").lang, Lang::Fa);
        assert!(Locale::new("ar-IQ").rtl && Locale::new("fa").rtl && Locale::new("he").rtl);
        assert!(!Locale::new("en").rtl && !Locale::new("fr-CA").rtl);
        assert_eq!(
            (Locale::new("he").lang, Locale::new("he").dir()),
            (Lang::En, "rtl"),
            "English words, its direction"
        );
        assert_eq!(Locale::new("").tag(), "en");
        assert_eq!(Locale::new(" ar-IQ ").tag(), "ar-IQ", "as given, trimmed");
        assert_eq!(Locale::new("ar-MA").number(7), "7", "the Maghreb writes 0–9");
        assert_eq!(Locale::new("ar-Arab-MA").number(7), "7");
    }

    #[test]
    fn the_default_locale_is_english() {
        assert_eq!(Locale::default(), Locale::new("en"));
        assert_eq!(Locale::default().plural(1), Plural::One);
        assert_eq!(Locale::default().counted(Counted::Events, 1), "1 event");
    }

    #[test]
    fn a_missing_word_is_said_in_english() {
        assert_eq!(Locale::new("fr").word(Word::Next), "Suivant");
        assert_eq!(Locale::new("ja").word(Word::Next), "Next", "a language without a table");
        assert_eq!(said("Zurück\nWeiter", 1), "Weiter");
        assert_eq!(said("Zurück\n\nVergrößern", 1), "Next", "a blank line in a table");
        assert_eq!(said("Zurück", Word::Retry as usize), "Retry", "a table that stops short");
        assert_eq!(said("", Word::OrderUnknown as usize), "Its place among the day's events is not known");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let en = Locale::new("en");
        assert_eq!(en.counted(Counted::Statements, 1), "1 statement");
        assert_eq!(en.counted(Counted::Statements, 0), "0 statements");
        assert_eq!(en.counted(Counted::Years, 28), "28 years");
        let fr = Locale::new("fr");
        assert_eq!(fr.counted(Counted::Years, 0), "0 an");
        assert_eq!(fr.counted(Counted::Years, 1), "1 an");
        assert_eq!(fr.counted(Counted::Years, 28), "28 ans");
        let ar = Locale::new("ar");
        let years: Vec<String> =
            [0, 1, 2, 3, 10, 11, 99, 100, 103].iter().map(|&n| ar.counted(Counted::Years, n)).collect();
        assert_eq!(
            years,
            ["٠ سنة", "سنة واحدة", "سنتان", "٣ سنوات", "١٠ سنوات", "١١ سنة", "٩٩ سنة", "١٠٠ سنة", "١٠٣ سنوات"]
        );
        // Deep time in Arabic: a million, two million (the dual), three to ten millions (the plural), a decimal.
        let ago: Vec<String> = [10, 20, 50, 660, 138]
            .iter()
            .map(|&t| ar.tenths(if t == 138 { Counted::BillionYearsAgo } else { Counted::MillionYearsAgo }, t))
            .collect();
        assert_eq!(
            ago,
            ["قبل مليون سنة", "قبل مليونَي سنة", "قبل ٥ ملايين سنة", "قبل ٦٦ مليون سنة", "قبل ١٣٫٨ مليار سنة"]
        );
        let fa = Locale::new("fa");
        assert_eq!(fa.counted(Counted::Years, 28), "۲۸ سال");
        assert_eq!(fa.counted(Counted::Statements, 1), "۱ اظهار نظر");
    }

    #[test]
    fn counts_are_grouped_and_written_in_the_languages_digits() {
        let n = |tag: &str, n: usize| Locale::new(tag).number(n);
        assert_eq!(n("en", 10_000), "10,000");
        assert_eq!(n("en", 999), "999");
        assert_eq!(n("fr", 10_000), "10\u{202f}000");
        assert_eq!(n("de", 1_234_567), "1.234.567");
        assert_eq!(n("es", 1_000), "1000", "Spanish leaves four digits ungrouped");
        assert_eq!(n("es", 10_000), "10.000");
        assert_eq!(n("fa", 10_000), "۱۰٬۰۰۰");
        assert_eq!(n("ar", 1_979), "١٬٩٧٩");
        assert_eq!(n("ar-MA", 1_979), "1,979");
        assert_eq!(Locale::new("fa").position(1, 10_000), "۱ از ۱۰٬۰۰۰");
        assert_eq!(Locale::new("en").position(3, 8), "3 of 8");
    }

    #[test]
    fn the_page_may_ask_for_other_numerals_and_a_calendar() {
        let fa_latn = Locale::with("fa", None, Some("latn"));
        assert_eq!(fa_latn.position(1, 10_000), "1 از 10,000");
        assert_eq!(fa_latn.counted(Counted::Statements, 3), "3 اظهار نظر");
        assert_eq!(fa_latn.numerals(), Some("latn"));
        assert_eq!(Locale::with("en", None, Some("arab")).number(1_979), "١٬٩٧٩");
        assert_eq!(Locale::with("ar", None, Some("arabext")).number(28), "۲۸");
        assert_eq!(Locale::with("de", None, Some("deva")).number(1_234), "१.२३४");
        let persian = Locale::with("fa-IR", Some("persian"), None);
        assert_eq!((persian.tag(), persian.calendar(), persian.numerals()), ("fa-IR", Some("persian"), None));
        assert_eq!(persian.number(10), "۱۰", "the language's own digits");
        let unknown = Locale::with("fa", Some("julian"), Some("roman"));
        assert_eq!((unknown.calendar(), unknown.numerals()), (None, None), "only ids Intl knows");
        assert_eq!(unknown, Locale::new("fa"));
    }

    #[test]
    fn well_formed_tags() {
        for tag in
            ["en", "fa", "ar-IQ", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996", "fa-IR-u-ca-persian", "en-x-nl"]
        {
            assert!(well_formed(tag), "{tag}");
        }
        for tag in [
            "",
            "e",
            "en_US",
            "en-",
            "-en",
            "englishlanguage",
            "Persian",
            "english-US",
            "abcd",
            "en--US",
            "12",
            "fa-u",
            "en-US-x",
            "ar IQ",
            "فا",
        ] {
            assert!(!well_formed(tag), "{tag}");
        }
    }

    #[test]
    fn the_language_and_direction_are_chosen_in_order() {
        let wanted = |lang: Option<&str>, rtl: Option<bool>, page: Option<&str>| Wanted {
            lang: lang.map(str::to_owned),
            rtl,
            page_lang: page.map(str::to_owned),
            ..Wanted::default()
        };
        // (the embedder's lang, dir, the page's lang, the story's lang) -> (tag, dir)
        type Row<'a> = (Option<&'a str>, Option<bool>, Option<&'a str>, Option<&'a str>, &'a str, &'a str);
        let table: &[Row] = &[
            (None, None, None, None, "en", "ltr"),
            (None, None, Some("fr"), None, "fr", "ltr"),
            (None, None, Some("fr"), Some("fa"), "fa", "rtl"),
            (Some("ar-IQ"), None, Some("fr"), Some("fa"), "ar-IQ", "rtl"),
            (Some("fa"), None, None, Some("en"), "fa", "rtl"),
            (Some("fa"), Some(false), None, None, "fa", "ltr"),
            (None, Some(true), None, Some("en"), "en", "rtl"),
            (None, None, Some("he"), None, "he", "rtl"),
            (None, None, Some("ur-PK"), None, "ur-PK", "rtl"),
            (None, None, Some("ckb"), None, "ckb", "rtl"),
            // Not well formed: passed over.
            (None, None, Some("fr"), Some("fa IR"), "fr", "ltr"),
            (None, None, Some("fr"), Some("fa_IR"), "fr", "ltr"),
            (None, None, Some(""), Some("x"), "en", "ltr"),
        ];
        for &(lang, rtl, page, story, tag, dir) in table {
            let locale = wanted(lang, rtl, page).locale(story);
            assert_eq!((locale.tag(), locale.dir()), (tag, dir), "{lang:?} {rtl:?} {page:?} {story:?}");
        }
        // The story's text keeps its language under another interface language.
        assert_eq!(wanted(Some("fa"), None, Some("en")).locale(None).text_lang(), Some("en"), "the page's");
        assert_eq!(wanted(Some("fa"), None, Some("en")).locale(Some("de")).text_lang(), Some("de"), "the story's");
        assert_eq!(wanted(Some("fa"), None, None).locale(None).text_lang(), None, "not known");
        assert_eq!(wanted(None, None, Some("en")).locale(Some("fa")).text_lang(), None, "the same language");
        assert_eq!(wanted(Some("FA"), None, None).locale(Some("fa")).text_lang(), None, "case aside");
        let asked = Wanted { calendar: Some("gregory".into()), numerals: Some("latn".into()), ..Wanted::default() };
        let fa = asked.locale(Some("fa"));
        assert_eq!(
            (fa.calendar(), fa.numerals(), fa.position(2, 8).as_str()),
            (Some("gregory"), Some("latn"), "2 از 8")
        );
    }
}
