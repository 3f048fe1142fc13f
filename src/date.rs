//! Partial dates: a year, or down to the day, the hour or the minute, and nothing finer than the source gives.
//!
//! A news report often dates an event only as "1979" or "Monday"; [`DateSpec`] keeps that precision so the
//! widget never shows a clock time or a day that nobody reported. It owns:
//! - parsing from the story format (`"2007-05-28"` or `{"year": 2007, "month": 5, "day": 28}`), with every
//!   out-of-range part reported as a [`DateError`];
//! - a position on the time line ([`DateSpec::instant`], days since 1970-01-01, proleptic Gregorian);
//! - labels per precision (`"1979"`, `"May 2007"`, `"May 28, 2007"`, `"May 28, 2007, 2:05 PM"`).

use std::cmp::Ordering;
use std::fmt;

use crate::dates::{english_weekday, Dates, MONTHS};

/// How much of a date is known. Ordered from coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Hour,
    Minute,
}

/// A date known to some [`Precision`]. Parts finer than the precision are held at their first value
/// (January, the 1st, midnight) and never shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpec {
    /// Astronomical: 0 is 1 BCE (see [`DateSpec::written_year`] for the year as written).
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub precision: Precision,
}

/// The largest year accepted, either side of year 0.
pub const MAX_YEAR: i64 = 999_999;

/// What is wrong with a date, worded for the editor who wrote it.
#[derive(Clone, Debug, PartialEq)]
pub enum DateError {
    /// Text that is none of the accepted forms.
    NotADate(String),
    /// A part that is not a whole number (`2.5`), or is text where a number belongs.
    NotWhole {
        part: &'static str,
        value: String,
    },
    /// The year is beyond [`MAX_YEAR`] either way.
    YearOutOfRange(i64),
    MonthOutOfRange(i64),
    /// The day does not exist in that month (April 31, February 29 of a common year).
    DayOutOfRange {
        day: i64,
        month: u8,
        year: i32,
        days: u8,
    },
    HourOutOfRange(i64),
    MinuteOutOfRange(i64),
    /// A finer part given without the coarser one it needs (a day without a month).
    NeedsPart {
        part: &'static str,
        needs: &'static str,
    },
    /// An object without a `year`.
    NoYear,
    /// Year 0, which the calendar does not have.
    YearZero,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            DateError::NotADate(text) => write!(
                f,
                "\"{text}\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. \"2007-05-28\""
            ),
            DateError::NotWhole { part, value } => {
                write!(f, "{value} is not a whole number: the {part} must be one")
            }
            DateError::YearOutOfRange(y) => {
                write!(f, "{y} is too far out: years run from -{MAX_YEAR} to {MAX_YEAR}")
            }
            DateError::MonthOutOfRange(m) => write!(f, "{m} is not a month (1-12)"),
            DateError::DayOutOfRange { day, month, year, days } => {
                write!(f, "{day} is not a day of {} {year} (1-{days})", MONTHS[usize::from(*month - 1) % 12])
            }
            DateError::HourOutOfRange(h) => write!(f, "{h} is not an hour (0-23)"),
            DateError::MinuteOutOfRange(m) => write!(f, "{m} is not a minute (0-59)"),
            DateError::NeedsPart { part, needs } => {
                write!(f, "a {part} needs a {needs}: give the {needs} too, or leave the {part} out")
            }
            DateError::NoYear => f.write_str("a date needs at least a year, e.g. {\"year\": 2007}"),
            DateError::YearZero => f.write_str("there is no year 0: 1 BCE is -1 and 1 CE is 1"),
        }
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1-12) of `year`.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl DateSpec {
    /// Checks each part and builds the date. `None` parts are unknown; a part needs every coarser one.
    /// Years are written as people (and TimelineJS) write them: `-500` is 500 BCE, and there is no year 0.
    pub fn from_parts(
        written_year: i64,
        month: Option<i64>,
        day: Option<i64>,
        hour: Option<i64>,
        minute: Option<i64>,
    ) -> Result<DateSpec, DateError> {
        if !(-MAX_YEAR..=MAX_YEAR).contains(&written_year) {
            return Err(DateError::YearOutOfRange(written_year));
        }
        if written_year == 0 {
            return Err(DateError::YearZero);
        }
        // Held astronomically (1 BCE is year 0), so that day arithmetic is plain.
        let year = if written_year < 0 { written_year + 1 } else { written_year };
        DateSpec::from_astronomical(year, month, day, hour, minute)
    }

    /// [`DateSpec::from_parts`] with the year numbered astronomically (0 is 1 BCE, -1 is 2 BCE), as
    /// [`DateSpec::year`] holds it.
    pub fn from_astronomical(
        year: i64,
        month: Option<i64>,
        day: Option<i64>,
        hour: Option<i64>,
        minute: Option<i64>,
    ) -> Result<DateSpec, DateError> {
        if !(-MAX_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        let needs = |part, needs| Err(DateError::NeedsPart { part, needs });
        if day.is_some() && month.is_none() {
            return needs("day", "month");
        }
        if hour.is_some() && day.is_none() {
            return needs("time", "day");
        }
        if minute.is_some() && hour.is_none() {
            return needs("minute", "hour");
        }
        let month_n = match month {
            Some(m) if (1..=12).contains(&m) => m as u8,
            Some(m) => return Err(DateError::MonthOutOfRange(m)),
            None => 1,
        };
        let day_n = match day {
            Some(d) => {
                let days = days_in_month(year, month_n);
                if !(1..=i64::from(days)).contains(&d) {
                    return Err(DateError::DayOutOfRange { day: d, month: month_n, year: year as i32, days });
                }
                d as u8
            }
            None => 1,
        };
        let hour_n = match hour {
            Some(h) if (0..=23).contains(&h) => h as u8,
            Some(h) => return Err(DateError::HourOutOfRange(h)),
            None => 0,
        };
        let minute_n = match minute {
            Some(m) if (0..=59).contains(&m) => m as u8,
            Some(m) => return Err(DateError::MinuteOutOfRange(m)),
            None => 0,
        };
        let precision = match (month, day, hour, minute) {
            (None, ..) => Precision::Year,
            (Some(_), None, ..) => Precision::Month,
            (Some(_), Some(_), None, _) => Precision::Day,
            (Some(_), Some(_), Some(_), None) => Precision::Hour,
            _ => Precision::Minute,
        };
        Ok(DateSpec { year: year as i32, month: month_n, day: day_n, hour: hour_n, minute: minute_n, precision })
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (a space may stand for the `T`; a leading
    /// `-` marks a year before year 0, astronomical numbering). Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Result<DateSpec, DateError> {
        let not_a_date = || DateError::NotADate(text.to_owned());
        let t = text.trim();
        let (negative, rest) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (date_part, time_part) = match rest.find(['T', ' ']) {
            Some(i) => (&rest[..i], Some(rest[i + 1..].trim())),
            None => (rest, None),
        };
        let number = |s: &str| -> Result<i64, DateError> {
            if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(not_a_date());
            }
            s.parse::<i64>().map_err(|_| not_a_date())
        };
        let mut parts = date_part.split('-');
        let year = number(parts.next().unwrap_or(""))?;
        let year = if negative { -year } else { year };
        let month = parts.next().map(number).transpose()?;
        let day = parts.next().map(number).transpose()?;
        if parts.next().is_some() {
            return Err(not_a_date());
        }
        let (hour, minute) = match time_part {
            None => (None, None),
            Some(time) => {
                let mut hm = time.split(':');
                let hour = number(hm.next().unwrap_or(""))?;
                let minute = hm.next().map(number).transpose()?;
                if hm.next().is_some() {
                    return Err(not_a_date());
                }
                (Some(hour), minute)
            }
        };
        DateSpec::from_parts(year, month, day, hour, minute)
    }

    /// Days since 1970-01-01 at the start of this date, with hours and minutes as a fraction of a day.
    pub fn instant(&self) -> f64 {
        let days = days_from_civil(i64::from(self.year), self.month, self.day) as f64;
        days + (f64::from(self.hour) * 60.0 + f64::from(self.minute)) / 1440.0
    }

    /// The instant just after this date's known span ends: the next year, month, day, hour or minute.
    pub fn span_end(&self) -> f64 {
        let start = self.instant();
        match self.precision {
            Precision::Year => days_from_civil(i64::from(self.year) + 1, 1, 1) as f64,
            Precision::Month => start + f64::from(days_in_month(i64::from(self.year), self.month)),
            Precision::Day => start + 1.0,
            Precision::Hour => start + 1.0 / 24.0,
            Precision::Minute => start + 1.0 / 1440.0,
        }
    }

    /// The year as people write it: 500 BCE is -500.
    pub fn written_year(&self) -> i64 {
        let y = i64::from(self.year);
        if y <= 0 {
            y - 1
        } else {
            y
        }
    }

    /// The day of the week, when the day is known (in English).
    pub fn weekday(&self) -> Option<&'static str> {
        (self.precision >= Precision::Day).then(|| english_weekday(self))
    }

    /// The English label at this date's own precision: "1979", "May 2007", "May 28, 2007", "May 28, 2007, 2:05
    /// PM" ([`Dates::label`] writes it in the reader's language).
    pub fn label(&self) -> String {
        Dates::default().label(self)
    }

    /// The English label for a narrow place ([`Dates::day_and_time`]): "Sept. 30, 2007" and "2:05 PM".
    pub fn day_and_time(&self) -> (String, Option<String>) {
        Dates::default().day_and_time(self)
    }

    /// [`DateSpec::label`] with the weekday in front when the day is known: "Monday, May 28, 2007".
    pub fn long_label(&self) -> String {
        Dates::default().long_label(self)
    }

    /// The English label of an axis tick at `precision` ([`Dates::tick_label`]): "1979", "May 2007", "May 28", "2 PM".
    pub fn tick_label(&self, precision: Precision) -> String {
        Dates::default().tick_label(self, precision)
    }

    /// English labels from `precision` down to the year, longest first ([`Dates::labels_to_year`]).
    pub fn labels_to_year(&self, precision: Precision) -> Vec<String> {
        Dates::default().labels_to_year(self, precision)
    }

    /// ISO-style text at this date's precision, the form [`DateSpec::parse`] reads back (so a year BCE is
    /// written negative: 500 BCE is `-0500`).
    pub fn iso(&self) -> String {
        let year =
            if self.year <= 0 { format!("-{:04}", 1 - i64::from(self.year)) } else { format!("{:04}", self.year) };
        match self.precision {
            Precision::Year => year,
            Precision::Month => format!("{year}-{:02}", self.month),
            Precision::Day => format!("{year}-{:02}-{:02}", self.month, self.day),
            Precision::Hour => format!("{year}-{:02}-{:02}T{:02}", self.month, self.day, self.hour),
            Precision::Minute => {
                format!("{year}-{:02}-{:02}T{:02}:{:02}", self.month, self.day, self.hour, self.minute)
            }
        }
    }
}

impl PartialOrd for DateSpec {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl DateSpec {
    /// A number that orders dates as [`Ord`] does, for sorting many (one comparison of integers instead of
    /// six of fields). Exact for years within ±2^28, far past [`MAX_YEAR`].
    pub fn order_key(&self) -> u64 {
        let year = (i64::from(self.year) + (1 << 28)) as u64 & ((1 << 29) - 1);
        year << 35
            | u64::from(self.month) << 27
            | u64::from(self.day) << 19
            | u64::from(self.hour) << 11
            | u64::from(self.minute) << 3
            | self.precision as u64
    }
}

/// Chronological: by start, then the coarser date first ("2007" before "2007-01-01").
impl Ord for DateSpec {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day, self.hour, self.minute, self.precision).cmp(&(
            other.year,
            other.month,
            other.day,
            other.hour,
            other.minute,
            other.precision,
        ))
    }
}

/// The unit a gap between two dates is counted in ([`gap`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Day,
    Hour,
    Minute,
}

/// How far apart two dates are, counted in the coarser of their two precisions: 1 day from March 4 to March 5,
/// 10 years from 1990 to 2000, 28 years from 1979 to May 28, 2007. The count of an axis break's label and of
/// the list's "… later" line ([`gap_words`] in English, [`Dates::gap`] in the reader's language).
///
/// - The count is of whole calendar units between the two dates as written, never of hours between days
///   (two days are never "1 hour" apart, and a date known to the day is never said to be hours from another).
/// - A long count goes up a unit, rounded: 24 months or more are years, 60 days or more are months (730
///   days or more are years), 48 hours or more are days, 120 minutes or more are hours.
/// - Dates in the same unit of the coarser precision are 0 (less than a year, a month, a day …) apart.
/// - `to` before `from` counts as no time.
pub fn gap(from: &DateSpec, to: &DateSpec) -> (i64, Unit) {
    let days = || {
        days_from_civil(i64::from(to.year), to.month, to.day)
            - days_from_civil(i64::from(from.year), from.month, from.day)
    };
    let hours = || days() * 24 + i64::from(to.hour) - i64::from(from.hour);
    let n = match from.precision.min(to.precision) {
        Precision::Year => (i64::from(to.year) - i64::from(from.year), Unit::Year),
        Precision::Month => {
            let months =
                (i64::from(to.year) * 12 + i64::from(to.month)) - (i64::from(from.year) * 12 + i64::from(from.month));
            if months >= 24 {
                (rounded(months as f64 / 12.0), Unit::Year)
            } else {
                (months, Unit::Month)
            }
        }
        Precision::Day => days_count(days() as f64),
        Precision::Hour => hours_count(hours() as f64),
        Precision::Minute => {
            let minutes = hours() * 60 + i64::from(to.minute) - i64::from(from.minute);
            if minutes >= 120 {
                hours_count(minutes as f64 / 60.0)
            } else {
                (minutes, Unit::Minute)
            }
        }
    };
    (n.0.max(0), n.1)
}

/// [`gap`] in English words: "1 day", "10 years", "less than a year".
pub fn gap_words(from: &DateSpec, to: &DateSpec) -> String {
    let (n, unit) = gap(from, to);
    count(n, unit)
}

/// A count of days, going up to months and years for long ones.
fn days_count(days: f64) -> (i64, Unit) {
    if days >= 365.2425 * 2.0 {
        (rounded(days / 365.2425), Unit::Year)
    } else if days >= 60.0 {
        (rounded(days / 30.436_875), Unit::Month)
    } else {
        (rounded(days), Unit::Day)
    }
}

/// A count of hours, going up to days for long ones.
fn hours_count(hours: f64) -> (i64, Unit) {
    if hours >= 48.0 {
        days_count(hours / 24.0)
    } else {
        (rounded(hours), Unit::Hour)
    }
}

fn rounded(n: f64) -> i64 {
    n.round() as i64
}

/// "1 day", "10 years", and for none "less than a day" ("less than an hour").
pub fn count(n: i64, unit: Unit) -> String {
    let unit = match unit {
        Unit::Year => "year",
        Unit::Month => "month",
        Unit::Day => "day",
        Unit::Hour => "hour",
        Unit::Minute => "minute",
    };
    match n {
        ..=0 if unit == "hour" => "less than an hour".to_owned(),
        ..=0 => format!("less than a {unit}"),
        1 => format!("1 {unit}"),
        n => format!("{n} {unit}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input, and the label and precision it parses to, or the error message.
    type ParseCase = (&'static str, Result<(&'static str, Precision), &'static str>);

    #[test]
    fn parse_table() {
        let cases: &[ParseCase] = &[
            ("1979", Ok(("1979", Precision::Year))),
            (" 2007-05 ", Ok(("May 2007", Precision::Month))),
            ("2007-05-28", Ok(("May 28, 2007", Precision::Day))),
            ("2007-05-28T14", Ok(("May 28, 2007, 2 PM", Precision::Hour))),
            ("2007-05-28T14:05", Ok(("May 28, 2007, 2:05 PM", Precision::Minute))),
            ("2007-05-28 00:30", Ok(("May 28, 2007, 12:30 AM", Precision::Minute))),
            ("-0500", Ok(("500 BCE", Precision::Year))),
            ("-1", Ok(("1 BCE", Precision::Year))),
            ("0", Err("there is no year 0: 1 BCE is -1 and 1 CE is 1")),
            ("2007-13", Err("13 is not a month (1-12)")),
            ("2007-04-31", Err("31 is not a day of April 2007 (1-30)")),
            ("2007-02-29", Err("29 is not a day of February 2007 (1-28)")),
            ("2007-05-28T24:00", Err("24 is not an hour (0-23)")),
            ("2007-05-28T23:60", Err("60 is not a minute (0-59)")),
            ("2007/05/28", Err("\"2007/05/28\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. \"2007-05-28\"")),
            ("", Err("\"\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. \"2007-05-28\"")),
            ("May 28", Err("\"May 28\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. \"2007-05-28\"")),
            ("2007-05-28-01", Err("\"2007-05-28-01\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. \"2007-05-28\"")),
        ];
        for (text, want) in cases {
            let got = DateSpec::parse(text).map(|d| (d.label(), d.precision)).map_err(|e| e.to_string());
            let want = want.map(|(l, p)| (l.to_owned(), p)).map_err(str::to_owned);
            assert_eq!(got, want, "parsing {text:?}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(DateSpec::parse("2000-02-29").is_ok());
        assert!(DateSpec::parse("2004-02-29").is_ok());
        assert!(DateSpec::parse("1900-02-29").is_err());
    }

    #[test]
    fn parts_need_their_coarser_parts() {
        assert_eq!(
            DateSpec::from_parts(2007, None, Some(28), None, None).unwrap_err().to_string(),
            "a day needs a month: give the month too, or leave the day out"
        );
        assert!(DateSpec::from_parts(2007, Some(5), None, Some(3), None).is_err());
        assert_eq!(DateSpec::from_parts(1_000_000, None, None, None, None), Err(DateError::YearOutOfRange(1_000_000)));
    }

    #[test]
    fn instants_count_days_from_1970() {
        assert_eq!(DateSpec::parse("1970").unwrap().instant(), 0.0);
        assert_eq!(DateSpec::parse("2007-05-28").unwrap().instant(), 13_661.0);
        assert_eq!(DateSpec::parse("1969-12-31").unwrap().instant(), -1.0);
        assert_eq!(DateSpec::parse("2007-05-28T12:00").unwrap().instant(), 13_661.5);
        assert_eq!(DateSpec::parse("1979").unwrap().span_end(), DateSpec::parse("1980").unwrap().instant());
    }

    #[test]
    fn the_talks_were_on_a_monday() {
        let talks = DateSpec::parse("2007-05-28").unwrap();
        assert_eq!(talks.weekday(), Some("Monday"));
        assert_eq!(talks.long_label(), "Monday, May 28, 2007");
        assert_eq!(DateSpec::parse("1979").unwrap().long_label(), "1979");
    }

    #[test]
    fn order_is_chronological_then_coarse_first() {
        let mut dates: Vec<_> = ["2007-05-28", "1979", "2007", "2007-05-28T09:00", "-0044"]
            .iter()
            .map(|t| DateSpec::parse(t).unwrap())
            .collect();
        dates.sort();
        let isos: Vec<_> = dates.iter().map(DateSpec::iso).collect();
        assert_eq!(isos, ["-0044", "1979", "2007", "2007-05-28", "2007-05-28T09:00"]);
    }

    #[test]
    fn order_keys_order_dates_as_they_compare() {
        let precisions = [Precision::Year, Precision::Month, Precision::Day, Precision::Hour, Precision::Minute];
        let mut seed = 11u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut dates = Vec::new();
        for _ in 0..2_000 {
            let year = match next(4) {
                0 => -(MAX_YEAR as i32),
                1 => MAX_YEAR as i32,
                _ => 1990 + next(30) as i32 - 2 * next(2) as i32 * 1990,
            };
            dates.push(DateSpec {
                year,
                month: 1 + next(12) as u8,
                day: 1 + next(31) as u8,
                hour: next(24) as u8,
                minute: next(60) as u8,
                precision: precisions[next(5) as usize],
            });
        }
        for a in &dates[..200] {
            for b in &dates {
                assert_eq!(a.order_key().cmp(&b.order_key()), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn iso_reads_back() {
        for text in ["1979", "2007-05", "2007-05-28", "2007-05-28T14", "2007-05-28T14:05", "-0044"] {
            assert_eq!(DateSpec::parse(text).unwrap().iso(), text);
        }
    }

    /// From, to, and how far apart the list and the axis break say they are.
    type GapCase = (&'static str, &'static str, &'static str);

    #[test]
    fn gaps_are_counted_in_the_dates_own_precision() {
        // Every pair of precisions, coarser one first and finer one first.
        let cases: &[GapCase] = &[
            // year and year
            ("1990", "2000", "10 years"),
            ("1979", "1980", "1 year"),
            ("-1", "1000", "1000 years"),
            ("2007", "2007", "less than a year"),
            // year and month
            ("1979", "2007-05", "28 years"),
            ("2007-05", "2017", "10 years"),
            ("2007", "2007-12", "less than a year"),
            // year and day
            ("1979", "2007-05-28", "28 years"),
            ("2007-12-31", "2008", "1 year"),
            // year and hour
            ("1979", "2007-05-28T14", "28 years"),
            ("2007-05-28T23", "2010", "3 years"),
            // year and minute
            ("1979", "2007-05-28T14:05", "28 years"),
            ("2007-05-28T14:05", "2008", "1 year"),
            // month and month
            ("2007-03", "2007-04", "1 month"),
            ("2007-03", "2008-02", "11 months"),
            ("2007-03", "2009-03", "2 years"),
            // month and day
            ("2007-03", "2007-03-31", "less than a month"),
            ("2007-03-31", "2007-04", "1 month"),
            // month and hour
            ("2007-01", "2007-05-28T14", "4 months"),
            ("2007-01-31T23", "2007-02", "1 month"),
            // month and minute
            ("2007-01", "2007-01-01T00:01", "less than a month"),
            ("2007-05-28T14:05", "2010-06", "3 years"),
            // day and day: March 4 and March 5 are a day apart, never an hour
            ("2024-03-04", "2024-03-05", "1 day"),
            ("2024-03-04", "2024-03-06", "2 days"),
            ("2024-03-04", "2024-05-20", "3 months"),
            ("2020-01-01", "2024-03-05", "4 years"),
            // day and hour
            ("2024-03-04", "2024-03-05T01", "1 day"),
            ("2024-03-04T23", "2024-03-05", "1 day"),
            ("2024-03-04", "2024-03-04T20", "less than a day"),
            // day and minute
            ("2024-03-04", "2024-03-05T00:01", "1 day"),
            ("2024-03-04T23:59", "2024-03-05", "1 day"),
            // hour and hour
            ("2024-03-04T10", "2024-03-04T11", "1 hour"),
            ("2024-03-04T10", "2024-03-06T10", "2 days"),
            // hour and minute
            ("2024-03-04T10", "2024-03-04T10:59", "less than an hour"),
            ("2024-03-04T10:59", "2024-03-04T15", "5 hours"),
            // minute and minute
            ("2024-03-04T10:00", "2024-03-04T10:45", "45 minutes"),
            ("2024-03-04T10:00", "2024-03-04T13:10", "3 hours"),
            ("2024-03-04T10:00", "2024-03-09T10:00", "5 days"),
        ];
        for (from, to, want) in cases {
            let (a, b) = (DateSpec::parse(from).unwrap(), DateSpec::parse(to).unwrap());
            assert_eq!(gap_words(&a, &b), *want, "{from} to {to}");
        }
        let precisions = [Precision::Year, Precision::Month, Precision::Day, Precision::Hour, Precision::Minute];
        for p in precisions {
            for q in precisions {
                let covered = cases.iter().any(|(a, b, _)| {
                    DateSpec::parse(a).unwrap().precision == p && DateSpec::parse(b).unwrap().precision == q
                        || DateSpec::parse(a).unwrap().precision == q && DateSpec::parse(b).unwrap().precision == p
                });
                assert!(covered, "no case for {p:?} and {q:?}");
            }
        }
    }
}
