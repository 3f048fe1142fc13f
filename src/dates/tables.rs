//! The host's dates (`newsline render`, the tests): tables that write each [`Style`] as the browser's `Intl`
//! writes it for the shipped languages, so the prerendered page says the dates the widget will say (the
//! end-to-end test `dates.test.mjs` compares the two in Chromium for every language and precision). Host only:
//! the widget asks the reader's browser.
//!
//! - French, Spanish, German, Arabic and Persian; Arabic with the month names of Iraq and the Levant
//!   (`ar-IQ`, `ar-SY`, `ar-LB`, `ar-JO`, `ar-PS`: "أيار") or of the other regions ("مايو").
//! - Calendars: the Gregorian, and the Persian in Persian ([`crate::calendar`]). Another calendar asked for
//!   (an Islamic one, or the Persian in another language) is written in the Gregorian calendar here; the
//!   widget writes it in the calendar asked for (docs/languages.md says so).

use crate::calendar::persian;
use crate::date::DateSpec;
use crate::dates::{calendar_name, Calendar, English, Format, Style};
use crate::words::{Lang, Locale};

/// A language's words for dates and its pattern for each style. In a pattern: `{y}` the year, `{d}` the day,
/// `{M}`/`{m}` the month's long/short name within a date, `{L}`/`{l}` the long/short name standing alone,
/// `{E}` the weekday, `{H}` the hour (0-23), `{HH}` the hour in two digits, `{h}` the hour (1-12), `{a}` the
/// half of the day, `{mm}` the minute in two digits.
/// Lists (months, weekdays, patterns) are written as one text, their items between `|`.
struct Words {
    long: &'static str,
    short: &'static str,
    /// Names standing alone where they differ from those within a date.
    alone: Option<(&'static str, &'static str)>,
    /// Monday first.
    weekdays: &'static str,
    /// Morning and afternoon, where the language writes a twelve-hour clock.
    halves: [&'static str; 2],
    /// One for each of [`Style::ALL`], in its order, between `|`.
    patterns: &'static str,
}

const FR: Words = Words {
    long: "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    short: "janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.",
    alone: None,
    weekdays: "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    halves: ["", ""],
    patterns: "{y}|{M} {y}|{m} {y}|{d} {M} {y}|{d} {m} {y}|{E} {d} {M} {y}|{d} {m}|{l}|{L}|{HH} h|{H}:{mm}|{E} {d} {M}",
};

const ES: Words = Words {
    long: "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
    short: "ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic",
    alone: None,
    weekdays: "lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    halves: ["", ""],
    patterns: "{y}|{M} de {y}|{m} {y}|{d} de {M} de {y}|{d} {m} {y}|{E}, {d} de {M} de {y}|{d} {m}|{l}|{L}|{H}|{H}:{mm}|{E}, {d} de {M}",
};

const DE_MONTHS: &str = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

const DE: Words = Words {
    long: DE_MONTHS,
    short: "Jan.|Feb.|März|Apr.|Mai|Juni|Juli|Aug.|Sept.|Okt.|Nov.|Dez.",
    alone: Some((DE_MONTHS, "Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez")),
    weekdays: "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag",
    halves: ["", ""],
    patterns: "{y}|{M} {y}|{m} {y}|{d}. {M} {y}|{d}. {m} {y}|{E}, {d}. {M} {y}|{d}. {m}|{l}|{L}|{HH} Uhr|{H}:{mm}|{E}, {d}. {M}",
};

const AR_MONTHS: &str = "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر";

const AR: Words = Words {
    long: AR_MONTHS,
    short: AR_MONTHS,
    alone: None,
    weekdays: "الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد",
    halves: ["ص", "م"],
    patterns:
        "{y}|{M} {y}|{m} {y}|{d} {M} {y}|{d} {m} {y}|{E}، {d} {M} {y}|{d} {m}|{l}|{L}|{h} {a}|{h}:{mm} {a}|{E}، {d} {M}",
};

/// The Syriac month names of Iraq and the Levant.
const LEVANT_MONTHS: &str = "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول";

/// Within a date, CLDR's short name of October has a no-break space.
const LEVANT: Words = Words {
    long: LEVANT_MONTHS,
    short: "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين\u{a0}الأول|تشرين الثاني|كانون الأول",
    alone: Some((LEVANT_MONTHS, LEVANT_MONTHS)),
    ..AR
};

const FA_WEEKDAYS: &str = "دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه|شنبه|یکشنبه";
/// In the Persian calendar, as CLDR has them: the long month and the weekday's patterns put the year first
/// (the widget does not use them, [`crate::dates::Dates`] composes its own).
const FA_PATTERNS: &str =
    "{y}|{y} {M}|{m} {y}|{d} {M} {y}|{d} {m} {y}|{y} {M} {d}, {E}|{d} {m}|{l}|{L}|{H}|{H}:{mm}|{E} {d} {M}";

const FA_PERSIAN_MONTHS: &str = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند";

/// Persian in the Persian calendar.
const FA: Words = Words {
    long: FA_PERSIAN_MONTHS,
    short: FA_PERSIAN_MONTHS,
    alone: None,
    weekdays: FA_WEEKDAYS,
    halves: ["", ""],
    patterns: FA_PATTERNS,
};

const FA_GREGORIAN_MONTHS: &str = "ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر";

/// Persian in the Gregorian calendar: a name ending in ه takes the ezafe (ٔ) within a date.
const FA_GREGORIAN: Words = Words {
    long: "ژانویهٔ|فوریهٔ|مارس|آوریل|مهٔ|ژوئن|ژوئیهٔ|اوت|سپتامبر|اکتبر|نوامبر|دسامبر",
    short: FA_GREGORIAN_MONTHS,
    alone: Some((FA_GREGORIAN_MONTHS, FA_GREGORIAN_MONTHS)),
    weekdays: FA_WEEKDAYS,
    halves: ["", ""],
    patterns: "{y}|{M} {y}|{m} {y}|{d} {M} {y}|{d} {m} {y}|{E} {d} {M} {y}|{d} {m}|{l}|{L}|{H}|{H}:{mm}|{E} {d} {L}",
};

/// Item `i` of a list written between `|`.
fn nth(list: &'static str, i: usize) -> &'static str {
    list.split('|').nth(i).unwrap_or_default()
}

/// The tables' way of writing dates for one reader.
pub struct Tables {
    /// `None`: a language without tables, written in English.
    words: Option<(&'static Words, &'static Words)>,
    persian: bool,
    zero: char,
}

impl Tables {
    pub fn new(locale: &Locale) -> Tables {
        let region = locale.tag().rsplit(['-', '_']).next().unwrap_or("").to_ascii_uppercase();
        let levant = ["IQ", "SY", "LB", "JO", "PS"].contains(&region.as_str());
        let persian = locale.lang == Lang::Fa && calendar_name(locale) == "persian";
        let words = match locale.lang {
            Lang::Fr => Some((&FR, &FR)),
            Lang::Es => Some((&ES, &ES)),
            Lang::De => Some((&DE, &DE)),
            Lang::Ar if levant => Some((&LEVANT, &LEVANT)),
            Lang::Ar => Some((&AR, &AR)),
            Lang::Fa if persian => Some((&FA, &FA_GREGORIAN)),
            Lang::Fa => Some((&FA_GREGORIAN, &FA_GREGORIAN)),
            Lang::En => None,
        };
        let zero = crate::dates::zero_of(locale);
        Tables { words, persian, zero }
    }
}

impl Format for Tables {
    fn format(&self, day: &DateSpec, style: Style, gregorian: bool) -> String {
        let Some((own, in_gregorian)) = self.words else {
            return English.format(day, style, gregorian);
        };
        let (y, m, d) = (i64::from(day.year), i64::from(day.month), i64::from(day.day));
        let in_calendar = if self.persian && !gregorian { persian(y, m, d) } else { None };
        let (words, (y, m, d)) = match in_calendar {
            Some(fields) => (own, fields),
            None if self.persian => (in_gregorian, (y, m, d)),
            None => (own, (y, m, d)),
        };
        let month = (m.clamp(1, 12) - 1) as usize;
        let (alone_long, alone_short) = words.alone.unwrap_or((words.long, words.short));
        let hour = day.hour;
        let h12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        let weekday = crate::dates::weekday_index(day);
        let mut out = String::new();
        let mut rest = nth(words.patterns, style as usize);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else { break };
            match &rest[open + 1..open + close] {
                "y" => out.push_str(&y.to_string()),
                "d" => out.push_str(&d.to_string()),
                "M" => out.push_str(nth(words.long, month)),
                "m" => out.push_str(nth(words.short, month)),
                "L" => out.push_str(nth(alone_long, month)),
                "l" => out.push_str(nth(alone_short, month)),
                "E" => out.push_str(nth(words.weekdays, weekday)),
                "H" => out.push_str(&hour.to_string()),
                "HH" => out.push_str(&format!("{hour:02}")),
                "h" => out.push_str(&h12.to_string()),
                "a" => out.push_str(words.halves[usize::from(hour >= 12)]),
                "mm" => out.push_str(&format!("{:02}", day.minute)),
                _ => {}
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        if self.zero == '0' {
            return out;
        }
        out.chars().map(|c| c.to_digit(10).and_then(|n| char::from_u32(self.zero as u32 + n)).unwrap_or(c)).collect()
    }

    fn calendar(&self) -> Calendar {
        if self.persian {
            Calendar::Persian
        } else {
            Calendar::Gregorian
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Dates;
    use crate::json::Json;

    fn reader(tag: &str, calendar: Option<&str>, numerals: Option<&str>) -> Dates {
        crate::intl::dates(&Locale::with(tag, calendar, numerals))
    }

    fn d(text: &str) -> DateSpec {
        DateSpec::parse(text).expect("a date")
    }

    /// Each language at each precision: year, month, day, hour, minute, BCE, past 9999, and a range. A year in
    /// the Persian calendar is the span of the two years it overlaps ("۱۳۵۷–۵۸" where room is short).
    #[test]
    fn every_language_at_every_precision() {
        type Case = (&'static str, [&'static str; 8]);
        let cases: [Case; 7] = [
            (
                "fr",
                [
                    "1979",
                    "avril 1980",
                    "7 avril 1980",
                    "28 mai 2007, 09 h",
                    "28 mai 2007, 14:05",
                    "500 av. J.-C.",
                    "29 février 12000",
                    "14 février 1985 – mars 1986",
                ],
            ),
            (
                "es",
                [
                    "1979",
                    "abril de 1980",
                    "7 de abril de 1980",
                    "28 de mayo de 2007, 9",
                    "28 de mayo de 2007, 14:05",
                    "500 a. C.",
                    "29 de febrero de 12000",
                    "14 de febrero de 1985 – marzo de 1986",
                ],
            ),
            (
                "de",
                [
                    "1979",
                    "April 1980",
                    "7. April 1980",
                    "28. Mai 2007, 09 Uhr",
                    "28. Mai 2007, 14:05",
                    "500 v. Chr.",
                    "29. Februar 12000",
                    "14. Februar 1985 – März 1986",
                ],
            ),
            (
                "ar",
                [
                    "١٩٧٩",
                    "أبريل ١٩٨٠",
                    "٧ أبريل ١٩٨٠",
                    "٢٨ مايو ٢٠٠٧، ٩ ص",
                    "٢٨ مايو ٢٠٠٧، ٢:٠٥ م",
                    "٥٠٠ ق.م",
                    "٢٩ فبراير ١٢٠٠٠",
                    "١٤ فبراير ١٩٨٥ – مارس ١٩٨٦",
                ],
            ),
            (
                "ar-IQ",
                [
                    "١٩٧٩",
                    "نيسان ١٩٨٠",
                    "٧ نيسان ١٩٨٠",
                    "٢٨ أيار ٢٠٠٧، ٩ ص",
                    "٢٨ أيار ٢٠٠٧، ٢:٠٥ م",
                    "٥٠٠ ق.م",
                    "٢٩ شباط ١٢٠٠٠",
                    "١٤ شباط ١٩٨٥ – آذار ١٩٨٦",
                ],
            ),
            // In the Persian calendar: 1979 runs from 11 Dey 1357 to 10 Dey 1358; April 1980 from 12
            // Farvardin to 10 Ordibehesht 1359; April 7, 1980 is 18 Farvardin 1359.
            (
                "fa",
                [
                    "۱۳۵۷–۱۳۵۸",
                    "فروردین–اردیبهشت ۱۳۵۹",
                    "۱۸ فروردین ۱۳۵۹",
                    "۷ خرداد ۱۳۸۶، ۹",
                    "۷ خرداد ۱۳۸۶، ۱۴:۰۵",
                    "۵۰۰ ق.م.",
                    "۲۹ فوریهٔ ۱۲۰۰۰",
                    "۲۵ بهمن ۱۳۶۳ – اسفند ۱۳۶۴–فروردین ۱۳۶۵",
                ],
            ),
            (
                "en",
                [
                    "1979",
                    "April 1980",
                    "April 7, 1980",
                    "May 28, 2007, 9 AM",
                    "May 28, 2007, 2:05 PM",
                    "500 BCE",
                    "February 29, 12000",
                    "February 14, 1985 – March 1986",
                ],
            ),
        ];
        for (tag, want) in cases {
            let dates = reader(tag, None, None);
            let range = crate::model::Event {
                end_date: Some(d("1986-03")),
                ..crate::story::default_story().timeline.events[0].clone()
            };
            let range = crate::model::Event { date: d("1985-02-14"), display_date: None, ..range };
            let got = [
                dates.label(&d("1979")),
                dates.label(&d("1980-04")),
                dates.label(&d("1980-04-07")),
                dates.label(&d("2007-05-28T09")),
                dates.label(&d("2007-05-28T14:05")),
                dates.label(&d("-0500")),
                dates.label(&d("12000-02-29")),
                range.date_label_in(false, &dates),
            ];
            assert_eq!(got, want.map(str::to_owned), "{tag}");
        }
    }

    #[test]
    fn persian_days_known_to_be_right() {
        let fa = reader("fa", None, None);
        assert_eq!(fa.long_label(&d("2007-05-28")), "دوشنبه ۷ خرداد ۱۳۸۶", "the talks in Baghdad");
        assert_eq!(fa.label(&d("1979-11-04")), "۱۳ آبان ۱۳۵۸", "the embassy seized");
        assert_eq!(fa.label(&d("2024-03-20")), "۱ فروردین ۱۴۰۳", "Nowruz 1403");
        // Before the calendar's first year, in the Gregorian calendar, in Persian.
        assert_eq!(fa.label(&d("0500-06-01")), "۱ ژوئن ۵۰۰");
    }

    #[test]
    fn calendar_and_numerals_asked_for_win() {
        let talks = d("2007-05-28");
        assert_eq!(reader("fa", None, Some("latn")).label(&talks), "7 خرداد 1386");
        assert_eq!(reader("fa", Some("gregory"), None).label(&talks), "۲۸ مهٔ ۲۰۰۷");
        assert_eq!(reader("ar", None, Some("latn")).label(&talks), "28 مايو 2007");
        assert_eq!(reader("ar", None, Some("arabext")).label(&talks), "۲۸ مايو ۲۰۰۷");
        // A calendar the host cannot write is written in the Gregorian one (the browser writes it).
        assert_eq!(reader("ar", Some("islamic-umalqura"), None).label(&talks), "٢٨ مايو ٢٠٠٧");
        // Digits follow the reader into the counts of the axis's breaks.
        assert_eq!(reader("fa", None, Some("latn")).gap(&d("1979"), &talks), "28 سال");
        assert_eq!(reader("fa", None, None).gap(&d("1979"), &talks), "۲۸ سال");
    }

    #[test]
    fn ticks_and_breaks_are_in_the_readers_language() {
        let story = crate::story::default_story().timeline;
        let dates: Vec<DateSpec> = story.events.iter().map(|e| e.date).collect();
        let params = crate::scale::Params::default();
        let labels = |tag: &str| {
            let scale = crate::scale::place_in(&dates, 1000.0, 1.0, &params, &reader(tag, None, None));
            let ticks: Vec<String> = scale.ticks.iter().map(|t| t.label.clone()).collect();
            let breaks: Vec<String> = scale.breaks.iter().map(|b| b.label.clone()).collect();
            (ticks, breaks)
        };
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(labels("en"), (strings(&["1979", "May 28, 2007"]), strings(&["28 years"])), "English as before");
        assert_eq!(labels("fa"), (strings(&["۱۳۵۷–۵۸", "۷ خرداد ۱۳۸۶"]), strings(&["۲۸ سال"])));
        assert_eq!(labels("ar"), (strings(&["١٩٧٩", "٢٨ مايو ٢٠٠٧"]), strings(&["٢٨ سنة"])));
        assert_eq!(labels("de"), (strings(&["1979", "28. Mai 2007"]), strings(&["28 Jahre"])));
        // Calendar ticks over a year, in French and in the Persian calendar.
        let year = [d("2007-01-01"), d("2007-12-31")];
        let ticks = |tag: &str| -> Vec<String> {
            crate::scale::place_in(&year, 1300.0, 1.0, &params, &reader(tag, None, None))
                .ticks
                .iter()
                .map(|t| t.label.clone())
                .collect()
        };
        assert_eq!(ticks("fr")[..4], strings(&["janv. 2007", "févr. 2007", "mars 2007", "avr. 2007"]));
        // In the Persian calendar the ticks stand at its months' first days: 1 Bahman 1385 is January 21, 2007,
        // 1 Farvardin 1386 (Nowruz) March 21.
        assert_eq!(ticks("fa")[..3], strings(&["بهمن ۱۳۸۵", "اسفند ۱۳۸۵", "فروردین ۱۳۸۶"]));
        let fa = crate::scale::place_in(&year, 1300.0, 1.0, &params, &reader("fa", None, None));
        let at = |day: &str| fa.x_at(d(day).instant());
        assert_eq!((fa.ticks[0].x, fa.ticks[2].x), (at("2007-01-21"), at("2007-03-21")));
    }

    /// The readers the browser test holds the tables to, and the days: the 28th of every month of 2007 (every
    /// month, every weekday, and in the Persian calendar every month too), at hours through the day.
    const READERS: [(&str, Option<&str>, Option<&str>); 9] = [
        ("fr", None, None),
        ("es", None, None),
        ("de", None, None),
        ("ar", None, None),
        ("ar-IQ", None, None),
        ("ar", None, Some("latn")),
        ("fa", None, None),
        ("fa", Some("gregory"), None),
        ("fa", None, Some("latn")),
    ];

    fn fixture() -> String {
        let days: Vec<DateSpec> = (1..=12u8)
            .map(|m| DateSpec::from_parts(2007, Some(m.into()), Some(28), Some(i64::from(m) * 2 - 2), Some(5)))
            .collect::<Result<_, _>>()
            .expect("days");
        let ms = days.iter().map(|d| Json::Num((d.instant() * 86_400_000.0).round())).collect();
        let mut cases = Vec::new();
        for (tag, calendar, numerals) in READERS {
            let locale = Locale::with(tag, calendar, numerals);
            let tables = Tables::new(&locale);
            for style in Style::ALL {
                let mut options = vec![
                    ("timeZone".into(), Json::Str("UTC".into())),
                    ("calendar".into(), Json::Str(crate::dates::calendar_name(&locale).into())),
                    ("numberingSystem".into(), Json::Str(crate::dates::numerals_name(&locale).into())),
                ];
                options.extend(style.options().iter().map(|(k, v)| ((*k).into(), Json::Str((*v).into()))));
                let texts = days.iter().map(|day| Json::Str(tables.format(day, style, false))).collect();
                cases.push(Json::Obj(vec![
                    ("tag".into(), Json::Str(tag.into())),
                    ("style".into(), Json::Str(format!("{style:?}"))),
                    ("options".into(), Json::Obj(options)),
                    ("texts".into(), Json::Arr(texts)),
                ]));
            }
        }
        Json::Obj(vec![("days".into(), Json::Arr(ms)), ("cases".into(), Json::Arr(cases))]).to_text(false) + "\n"
    }

    /// tests/fixtures/dates-host.json is what the tables write: `dates.test.mjs` holds Chromium's Intl to it.
    #[test]
    fn the_browser_tests_fixture_is_what_the_tables_write() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dates-host.json");
        let text = fixture();
        if std::env::var_os("NEWSLINE_WRITE_FIXTURES").is_some() {
            std::fs::write(path, &text).expect("the fixture written");
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == text,
            "tests/fixtures/dates-host.json is out of date: NEWSLINE_WRITE_FIXTURES=1 cargo test --lib fixture"
        );
    }
}
