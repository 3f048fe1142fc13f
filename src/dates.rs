//! How a date is written for its reader: in their language, calendar and digits, at the date's own precision
//! (a year stays a year, a day a day, a time a time), for the card, the flags, the axis and its breaks.
//!
//! [`Dates`] composes every label the widget shows from a few [`Style`]s, each written by a [`Format`]:
//! - in the browser, the platform's `Intl.DateTimeFormat` (`crate::intl`; no locale data in the widget);
//! - on the host (`newsline render`, `cargo test`), tables that write what `Intl` writes for the shipped
//!   languages (`dates::tables`), so the prerendered page says the same dates as the widget;
//! - in English, the project's own labels ("Sept. 30, 2007", "2 PM"), on both.
//!
//! What the platform does not write is done here, the same way for every [`Format`]:
//! - a year before 1 or after 9999 (BCE dates, deep time) is written from a stand-in year of the same
//!   400-year cycle (same weekdays and leap days), whose digits are then replaced by the true year ("500
//!   BCE"); a calendar that does not reach the date writes it in the Gregorian calendar;
//! - a date known only to the year or the month, in a calendar other than the Gregorian, is the span of
//!   that calendar's years or months it overlaps ("۱۳۵۷–۱۳۵۸" for 1979 in the Persian calendar): a
//!   Gregorian year is not a Persian one, and the label never claims more than the source says.

use std::fmt;
use std::rc::Rc;

use crate::date::{days_in_month, gap, DateSpec, Precision, Unit};
use crate::words::{Counted, Lang, Locale};

#[cfg(not(target_arch = "wasm32"))]
pub mod tables;

/// One way of writing a day, as one `Intl.DateTimeFormat` writes it ([`Style::options`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// "2007".
    Year,
    /// "May 2007".
    Month,
    /// "Sept. 2007".
    MonthShort,
    /// "May 28, 2007".
    Day,
    /// "Sept. 30, 2007".
    DayShort,
    /// "Monday, May 28, 2007".
    Weekday,
    /// A tick within a year: "Sept. 30".
    MonthDay,
    /// The month alone, short: "Sept." (a tick after one that showed the year).
    MonthName,
    /// The month alone: "September" (the first month of a span within one year).
    MonthNameLong,
    /// "2 PM".
    Hour,
    /// "2:05 PM".
    Minute,
    /// The weekday, day and month, no year: "Monday, May 28" (the Persian calendar's long date, see
    /// [`Dates::long_label`]).
    WeekdayMonthDay,
}

impl Style {
    /// Every style, in the order of its index (a cache of the platform's formatters is indexed so).
    pub const ALL: [Style; 12] = [
        Style::Year,
        Style::Month,
        Style::MonthShort,
        Style::Day,
        Style::DayShort,
        Style::Weekday,
        Style::MonthDay,
        Style::MonthName,
        Style::MonthNameLong,
        Style::Hour,
        Style::Minute,
        Style::WeekdayMonthDay,
    ];

    /// The options of `Intl.DateTimeFormat` that write this style (the time zone is UTC, as the instants).
    pub fn options(self) -> &'static [(&'static str, &'static str)] {
        const Y: (&str, &str) = ("year", "numeric");
        const ML: (&str, &str) = ("month", "long");
        const MS: (&str, &str) = ("month", "short");
        const D: (&str, &str) = ("day", "numeric");
        const H: (&str, &str) = ("hour", "numeric");
        match self {
            Style::Year => &[Y],
            Style::Month => &[Y, ML],
            Style::MonthShort => &[Y, MS],
            Style::Day => &[Y, ML, D],
            Style::DayShort => &[Y, MS, D],
            Style::Weekday => &[Y, ML, D, ("weekday", "long")],
            Style::MonthDay => &[MS, D],
            Style::MonthName => &[MS],
            Style::MonthNameLong => &[ML],
            Style::Hour => &[H],
            Style::Minute => &[H, ("minute", "2-digit")],
            Style::WeekdayMonthDay => &[ML, D, ("weekday", "long")],
        }
    }
}

/// The calendar a [`Format`] writes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    /// The solar hijri calendar (`persian`), computed on the host by [`crate::calendar`].
    Persian,
    /// Another calendar the platform knows (`islamic-umalqura`, `hebrew`, …): the browser writes it, the
    /// host writes the Gregorian calendar in the same language.
    Other,
}

/// What writes a day in a [`Style`]: the platform's `Intl`, the host's tables, or English.
pub trait Format {
    /// `day` (a year from 1 to 9999; only the fields its style shows are read) in `style`, in this
    /// formatter's calendar, or in the Gregorian calendar when `gregorian`.
    fn format(&self, day: &DateSpec, style: Style, gregorian: bool) -> String;

    /// The calendar [`Format::format`] writes in when not told `gregorian`.
    fn calendar(&self) -> Calendar;
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT: [&str; 12] =
    ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The day of the week of a day, Monday first (0 to 6).
pub fn weekday_index(day: &DateSpec) -> usize {
    // 1970-01-01 was a Thursday (index 3 from Monday).
    (day.instant().floor() as i64 + 3).rem_euclid(7) as usize
}

/// The English weekday of a day.
pub fn english_weekday(day: &DateSpec) -> &'static str {
    WEEKDAYS[weekday_index(day)]
}

/// The project's own English labels, in the newsroom style of the built-in story ("Sept. 30, 2007", "2:05 PM"),
/// on the host and in the browser alike.
pub struct English;

impl Format for English {
    fn format(&self, day: &DateSpec, style: Style, _: bool) -> String {
        // Months are 1 to 12 (checked when read); the index never leaves the table.
        let m = (usize::from(day.month) + 11) % 12;
        let (month, short) = (MONTHS[m], MONTHS_SHORT[m]);
        let (y, d) = (day.year, day.day);
        let (h12, half) = match day.hour {
            0 => (12, "AM"),
            h @ 1..=11 => (h, "AM"),
            12 => (12, "PM"),
            h => (h - 12, "PM"),
        };
        match style {
            Style::Year => y.to_string(),
            Style::Month => format!("{month} {y}"),
            Style::MonthShort => format!("{short} {y}"),
            Style::Day => format!("{month} {d}, {y}"),
            Style::DayShort => format!("{short} {d}, {y}"),
            Style::Weekday => format!("{}, {month} {d}, {y}", english_weekday(day)),
            Style::MonthDay => format!("{short} {d}"),
            Style::MonthName => short.to_owned(),
            Style::MonthNameLong => month.to_owned(),
            Style::Hour => format!("{h12} {half}"),
            Style::Minute => format!("{h12}:{:02} {half}", day.minute),
            Style::WeekdayMonthDay => format!("{}, {month} {d}", english_weekday(day)),
        }
    }

    fn calendar(&self) -> Calendar {
        Calendar::Gregorian
    }
}

/// A reader's way of writing dates: a [`Format`] and what the labels around it need (the digits, the word for
/// BCE, the counts of the axis's breaks). Cheap to clone; two are equal when they share their formatter.
#[derive(Clone)]
pub struct Dates {
    format: Rc<dyn Format>,
    locale: Rc<Locale>,
    /// The digit zero of the reader's numbering system (the others follow it).
    zero: char,
}

impl Default for Dates {
    /// English, the project's own labels.
    fn default() -> Dates {
        Dates::new(Rc::new(English), &Locale::default())
    }
}

impl PartialEq for Dates {
    fn eq(&self, other: &Dates) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.format), Rc::as_ptr(&other.format))
    }
}

impl fmt::Debug for Dates {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Dates({}, {:?})", self.locale.tag(), self.format.calendar())
    }
}

/// The numbering systems [`Dates`] writes digits in, by name (`Intl`'s `numberingSystem`) and zero.
const NUMERALS: [(&str, char); 3] = [("latn", '0'), ("arab", '\u{660}'), ("arabext", '\u{6f0}')];

/// The calendar `locale` writes in: the one asked for, else the language's own (Persian for `fa`,
/// Gregorian for every other), by `Intl`'s name.
pub fn calendar_name(locale: &Locale) -> &str {
    match locale.calendar() {
        Some(asked) => asked,
        None if locale.lang == Lang::Fa => "persian",
        None => "gregory",
    }
}

/// The zero of the digits `locale` writes: those asked for, else the language's own (the words module's: Persian
/// digits for `fa`, Arabic-Indic for Arabic outside the Maghreb, 0-9 for every other).
pub fn zero_of(locale: &Locale) -> char {
    let asked = locale.numerals().and_then(|n| NUMERALS.iter().find(|(name, _)| *name == n));
    asked.map(|(_, zero)| *zero).or_else(|| locale.number(0).chars().next()).unwrap_or('0')
}

/// The numbering system `locale` writes digits in, by `Intl`'s name: the one asked for, else the language's own.
pub fn numerals_name(locale: &Locale) -> &str {
    let zero = zero_of(locale);
    match locale.numerals() {
        Some(asked) => asked,
        None => NUMERALS.iter().find(|(_, z)| *z == zero).map_or("latn", |(name, _)| name),
    }
}

/// The calendar of an `Intl` calendar name.
pub fn calendar_of(name: &str) -> Calendar {
    match name {
        "gregory" => Calendar::Gregorian,
        "persian" => Calendar::Persian,
        _ => Calendar::Other,
    }
}

/// Whether `locale` has the project's English labels (its words are English and so are its dates).
pub fn is_english(locale: &Locale) -> bool {
    locale.tag().split(['-', '_']).next().is_some_and(|l| l.eq_ignore_ascii_case("en"))
}

/// The word after a year before year 1 ("500 BCE"), in the languages with a table; English for the others.
fn bce(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "BCE",
        Lang::Fr => "av. J.-C.",
        Lang::Es => "a. C.",
        Lang::De => "v. Chr.",
        Lang::Ar => "ق.م",
        Lang::Fa => "ق.م.",
    }
}

/// What stands between a day and its time of day: a comma, in the script's own form.
fn joiner(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar | Lang::Fa => "، ",
        _ => ", ",
    }
}

/// The last day of the span `date` covers: December 31 of a year, the last day of a month, the day itself.
fn last_day(date: &DateSpec) -> DateSpec {
    let (month, day) = match date.precision {
        Precision::Year => (12, 31),
        Precision::Month => (date.month, days_in_month(i64::from(date.year), date.month)),
        _ => (date.month, date.day),
    };
    DateSpec { month, day, hour: 0, minute: 0, precision: Precision::Day, ..*date }
}

/// A span of two years written short, the second's leading digits left out where the first has them:
/// "۱۳۵۷–۵۸" for "۱۳۵۷–۱۳۵۸". Any other text as it is.
fn abbreviated(span: &str) -> String {
    let Some((first, last)) = span.split_once('–') else { return span.to_owned() };
    // The last two characters of each: digits of one system are all as long, so the two years are as long.
    let cut = |year: &str| year.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    let (a, b) = (cut(first), cut(last));
    if first.len() != last.len() || a == 0 || first[..a] != last[..b] {
        return span.to_owned();
    }
    format!("{first}–{}", &last[b..])
}

impl Dates {
    /// Dates written by `format` for a reader of `locale` (its digits and its words around the dates).
    pub fn new(format: Rc<dyn Format>, locale: &Locale) -> Dates {
        Dates { format, locale: Rc::new(locale.clone()), zero: zero_of(locale) }
    }

    /// The calendar the dates are written in.
    pub fn calendar(&self) -> Calendar {
        self.format.calendar()
    }

    /// The locale the dates are written for.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// `n` in the reader's digits, ungrouped (a year).
    fn digits(&self, n: i64) -> String {
        let text = n.to_string();
        if self.zero == '0' {
            return text;
        }
        text.chars().map(|c| self.digit(c)).collect()
    }

    /// A digit of any of the numbering systems in the reader's; any other character as it is.
    fn digit(&self, c: char) -> char {
        let value = NUMERALS.iter().find_map(|(_, zero)| (c as u32).checked_sub(*zero as u32).filter(|d| *d < 10));
        value.and_then(|d| char::from_u32(self.zero as u32 + d)).unwrap_or(c)
    }

    /// `day` in `style`: by the formatter where it can, else from a stand-in year (see the module's doc).
    pub fn write(&self, day: &DateSpec, style: Style) -> String {
        let in_calendar = match self.format.calendar() {
            Calendar::Gregorian => true,
            // The host's arithmetic, and the years after the calendar's first (the platform writes earlier
            // ones as negative years, which no reader of the calendar uses).
            Calendar::Persian => {
                crate::calendar::persian(i64::from(day.year), i64::from(day.month), i64::from(day.day))
                    .is_some_and(|(y, ..)| y >= 1)
            }
            Calendar::Other => day.year > 622,
        };
        if (1..=9999).contains(&day.year) {
            return self.format.format(day, style, !in_calendar);
        }
        // The same place in the 400-year cycle (2000 to 2399): same month lengths, same weekdays.
        let stand_in = DateSpec { year: 2000 + day.year.rem_euclid(400), ..*day };
        let text = self.format.format(&stand_in, style, true);
        let year = if day.year <= 0 {
            format!("{} {}", self.digits(1 - i64::from(day.year)), bce(self.locale.lang))
        } else {
            self.digits(i64::from(day.year))
        };
        let shown = self.format.format(&stand_in, Style::Year, true);
        // Where the stand-in's year is (a day or an hour never has four digits); `str::find` would bring its
        // substring searcher into the widget.
        match (0..text.len()).find(|&i| text.is_char_boundary(i) && text[i..].starts_with(&shown)) {
            Some(at) => format!("{}{year}{}", &text[..at], &text[at + shown.len()..]),
            None => text,
        }
    }

    /// `date` at `precision` (at most its own): the span of the calendar's years or months it overlaps when it
    /// is known only to the year or the month, else its day, then its time of day.
    fn at(&self, date: &DateSpec, precision: Precision, short: bool) -> String {
        match precision {
            Precision::Year if short => abbreviated(&self.span(date, Style::Year)),
            Precision::Year => self.span(date, Style::Year),
            Precision::Month => self.span(date, self.month_style(short)),
            Precision::Day => self.write(date, if short { Style::DayShort } else { Style::Day }),
            Precision::Hour | Precision::Minute => {
                let day = self.write(date, if short { Style::DayShort } else { Style::Day });
                format!("{day}{}{}", joiner(self.locale.lang), self.time(date, precision))
            }
        }
    }

    /// The style of a month and its year. In the Persian calendar always the short one, whose month names are
    /// the long ones in Persian: CLDR's long pattern for that calendar puts the year first ("۱۳۸۶ خرداد").
    fn month_style(&self, short: bool) -> Style {
        if short || self.format.calendar() == Calendar::Persian {
            Style::MonthShort
        } else {
            Style::Month
        }
    }

    /// The weekday and the day. In the Persian calendar, the weekday, day and month, then the year: CLDR's
    /// pattern for the whole puts the year first, with a Latin comma ("۱۳۸۶ خرداد ۷, دوشنبه").
    fn weekday(&self, date: &DateSpec) -> String {
        if self.format.calendar() == Calendar::Persian {
            format!("{} {}", self.write(date, Style::WeekdayMonthDay), self.write(date, Style::Year))
        } else {
            self.write(date, Style::Weekday)
        }
    }

    /// The time of day of `date` at `precision` (hour or minute).
    fn time(&self, date: &DateSpec, precision: Precision) -> String {
        self.write(date, if precision == Precision::Minute { Style::Minute } else { Style::Hour })
    }

    /// `date` in a year or month `style`: its first day's year or month, or, where its last day's differs
    /// (another calendar), both: "۱۳۵۷–۱۳۵۸", "اردیبهشت–خرداد ۱۳۸۶", "اسفند ۱۳۶۴–فروردین ۱۳۶۵".
    fn span(&self, date: &DateSpec, style: Style) -> String {
        let first = self.write(date, style);
        if date.precision >= Precision::Day {
            return first;
        }
        let end = last_day(date);
        let last = self.write(&end, style);
        if first == last {
            return first;
        }
        if style == Style::Year {
            return format!("{first}–{last}");
        }
        if self.write(date, Style::Year) == self.write(&end, Style::Year) {
            let name = if style == Style::Month { Style::MonthNameLong } else { Style::MonthName };
            // The first month alone, then the last with the year: "اردیبهشت–خرداد ۱۳۸۶".
            return format!("{}–{last}", self.write(date, name));
        }
        // Unspaced, as within one year: a range of two dates is spaced ([`Dates::range`]).
        format!("{first}–{last}")
    }

    /// The label at the date's own precision: "1979", "May 2007", "May 28, 2007", "May 28, 2007, 2:05 PM".
    pub fn label(&self, date: &DateSpec) -> String {
        self.at(date, date.precision, false)
    }

    /// [`Dates::label`] with the weekday when the day is known: "Monday, May 28, 2007".
    pub fn long_label(&self, date: &DateSpec) -> String {
        match date.precision {
            Precision::Year | Precision::Month => self.label(date),
            Precision::Day => self.weekday(date),
            p => format!("{}{}{}", self.weekday(date), joiner(self.locale.lang), self.time(date, p)),
        }
    }

    /// The label for a narrow place, months shortened and split in two: the day ("Sept. 30, 2007"), and the
    /// time of day ("2:05 PM") when the date has one.
    pub fn day_and_time(&self, date: &DateSpec) -> (String, Option<String>) {
        match date.precision {
            p @ (Precision::Hour | Precision::Minute) => {
                (self.at(date, Precision::Day, true), Some(self.time(date, p)))
            }
            p => (self.at(date, p, true), None),
        }
    }

    /// The short label of `date` at `precision` (at most its own), the time of day after the day: "Sept. 30,
    /// 2007, 2:05 PM", "Sept. 2007", "2007".
    pub fn short_label(&self, date: &DateSpec, precision: Precision) -> String {
        self.at(date, precision.min(date.precision), true)
    }

    /// A compact label for an axis tick at `precision` (which may be coarser than the date's own), naming the
    /// tick's own day: "1979", "May 2007", "May 28", "2 PM".
    pub fn tick_label(&self, date: &DateSpec, precision: Precision) -> String {
        match precision.min(date.precision) {
            Precision::Year => self.write(date, Style::Year),
            Precision::Month => self.write(date, Style::MonthShort),
            Precision::Day => self.write(date, Style::MonthDay),
            p => self.time(date, p),
        }
    }

    /// The month of an axis tick alone, after a tick that showed its year: "Sept.".
    pub fn tick_month(&self, date: &DateSpec) -> String {
        self.write(date, Style::MonthName)
    }

    /// Whether an axis tick's day starts a year of the calendar: its label may then be the year alone.
    pub fn starts_year(&self, date: &DateSpec) -> bool {
        match self.format.calendar() {
            Calendar::Gregorian => date.month == 1 && date.day == 1,
            Calendar::Persian => {
                crate::calendar::persian(i64::from(date.year), i64::from(date.month), i64::from(date.day))
                    .is_some_and(|(_, m, d)| m == 1 && d == 1)
            }
            Calendar::Other => false,
        }
    }

    /// Labels for `date` at `precision` (at most its own) and coarser, longest first, each a true statement of
    /// it: "September 30, 2007", "Sept. 30, 2007", "September 2007", "Sept. 2007", "2007". The axis takes the
    /// first that fits where it is to go.
    pub fn labels_to_year(&self, date: &DateSpec, precision: Precision) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let own = precision.min(date.precision);
        for p in [Precision::Minute, Precision::Hour, Precision::Day, Precision::Month, Precision::Year] {
            if p > own {
                continue;
            }
            for label in [self.at(date, p, false), self.at(date, p, true)] {
                if !out.contains(&label) {
                    out.push(label);
                }
            }
        }
        out
    }

    /// The year or years a run of dates from `first` to `last` covers: "1980–1982", "1980".
    pub fn years(&self, first: &DateSpec, last: &DateSpec) -> String {
        let (a, b) = (self.write(first, Style::Year), self.write(&last_day(last), Style::Year));
        if a == b {
            a
        } else {
            format!("{a}–{b}")
        }
    }

    /// A range of two labels: "May 2007 – June 2008".
    pub fn range(&self, from: &str, to: &str) -> String {
        format!("{from} – {to}")
    }

    /// How far apart two dates are, in words ([`crate::date::gap`]): "28 years", "۲۸ سال".
    pub fn gap(&self, from: &DateSpec, to: &DateSpec) -> String {
        let (n, unit) = gap(from, to);
        if is_english(&self.locale) || self.locale.lang == Lang::En {
            return crate::date::count(n, unit);
        }
        let counted = match unit {
            Unit::Year => Counted::Years,
            Unit::Month => Counted::Months,
            Unit::Day => Counted::Days,
            Unit::Hour => Counted::Hours,
            Unit::Minute => Counted::Minutes,
        };
        // Less than one unit: "< 1 an" (the words module has no "less than" yet).
        let text = self.locale.counted(counted, n.max(1) as usize);
        let text: String = text.chars().map(|c| self.digit(c)).collect();
        if n <= 0 {
            format!("< {text}")
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> DateSpec {
        DateSpec::parse(text).expect("a date")
    }

    #[test]
    fn english_is_the_projects_own_style() {
        let en = Dates::default();
        let cases = [
            ("1979", "1979", "1979"),
            ("2007-09", "September 2007", "September 2007"),
            ("2007-05-28", "May 28, 2007", "Monday, May 28, 2007"),
            ("2007-05-28T14", "May 28, 2007, 2 PM", "Monday, May 28, 2007, 2 PM"),
            ("2007-05-28T00:30", "May 28, 2007, 12:30 AM", "Monday, May 28, 2007, 12:30 AM"),
            ("-0500", "500 BCE", "500 BCE"),
            ("-0044-03-15", "March 15, 44 BCE", "Friday, March 15, 44 BCE"),
            ("-1", "1 BCE", "1 BCE"),
            ("999999", "999999", "999999"),
            ("12000-02-29", "February 29, 12000", "Tuesday, February 29, 12000"),
        ];
        for (text, label, long) in cases {
            assert_eq!((en.label(&d(text)), en.long_label(&d(text))), (label.to_owned(), long.to_owned()), "{text}");
        }
        assert_eq!(en.day_and_time(&d("2007-09-30T14:05")), ("Sept. 30, 2007".to_owned(), Some("2:05 PM".to_owned())));
        assert_eq!(en.gap(&d("1979"), &d("2007-05-28")), "28 years");
    }
}
