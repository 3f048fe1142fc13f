//! Dates in other calendars, computed on the host as the browser's `Intl` computes them in the widget
//! (issue 15): for the prerendered HTML (`newsline render`), which has no `Intl`, and for years the
//! platform does not format. Days are counted as Julian day numbers, so a date converts exactly; no table
//! of month names lives here (the words module has them). Division truncates, as in the published arithmetic.
//!
//! The Persian (solar hijri) calendar follows the arithmetic of Kazimierz Borkowski ("The Persian calendar
//! for 3000 years", 1996), as the `jalaali` libraries and ICU's `persian` calendar do for years -61 to 3177.

/// A day of the proleptic Gregorian calendar as a Julian day number (noon to noon; 2000-01-01 is 2,451,545).
pub fn julian_day(year: i64, month: i64, day: i64) -> i64 {
    let d = (year + (month - 8) / 6 + 100_100) * 1461 / 4 + (153 * ((month + 9) % 12) + 2) / 5 + day - 34_840_408;
    d - (year + 100_100 + (month - 8) / 6) / 100 * 3 / 4 + 752
}

/// The Gregorian date (year, month, day) of a Julian day number.
pub fn gregorian(jdn: i64) -> (i64, i64, i64) {
    let mut j = 4 * jdn + 139_361_631;
    j += (4 * jdn + 183_187_720) / 146_097 * 3 / 4 * 4 - 3908;
    let i = j % 1461 / 4 * 5 + 308;
    let day = i % 153 / 5 + 1;
    let month = (i / 153) % 12 + 1;
    let year = j / 1461 - 100_100 + (8 - month) / 6;
    (year, month, day)
}

/// The years the Persian arithmetic covers.
pub const PERSIAN_YEARS: std::ops::Range<i64> = -61..3178;

/// For Persian year `year`: whether it is leap (Esfand has 30 days), and the day of March (Gregorian) of its
/// first day, Nowruz. `None` outside [`PERSIAN_YEARS`].
fn persian_year(year: i64) -> Option<(bool, i64)> {
    const BREAKS: [i64; 20] =
        [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];
    if !PERSIAN_YEARS.contains(&year) {
        return None;
    }
    let gregorian_year = year + 621;
    let mut leap_persian = -14;
    let mut before = BREAKS[0];
    let mut jump = 0;
    for &next in &BREAKS[1..] {
        jump = next - before;
        if year < next {
            break;
        }
        leap_persian += jump / 33 * 8 + jump % 33 / 4;
        before = next;
    }
    let mut n = year - before;
    leap_persian += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_persian += 1;
    }
    let leap_gregorian = gregorian_year / 4 - (gregorian_year / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_persian - leap_gregorian;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let leap = ((n + 1) % 33 - 1) % 4 == 0;
    Some((leap, march))
}

/// The Persian (solar hijri) date (year, month 1–12, day) of a Gregorian date; `None` outside the years the
/// arithmetic covers (the caller shows the Gregorian date then).
pub fn persian(year: i64, month: i64, day: i64) -> Option<(i64, i64, i64)> {
    let jdn = julian_day(year, month, day);
    let mut persian_year_of = year - 621;
    let (_, march) = persian_year(persian_year_of)?;
    let mut k = jdn - julian_day(year, 3, march);
    if k >= 0 {
        if k <= 185 {
            return Some((persian_year_of, 1 + k / 31, k % 31 + 1));
        }
        k -= 186;
    } else {
        persian_year_of -= 1;
        let (leap, _) = persian_year(persian_year_of)?;
        k += 179 + i64::from(leap);
    }
    Some((persian_year_of, 7 + k / 30, k % 30 + 1))
}

/// The Gregorian date (year, month, day) of a Persian date (month 1–12, day 1–31); `None` outside the years
/// the arithmetic covers.
pub fn from_persian(year: i64, month: i64, day: i64) -> Option<(i64, i64, i64)> {
    let (_, march) = persian_year(year)?;
    let before = if month <= 6 { (month - 1) * 31 } else { 186 + (month - 7) * 30 };
    Some(gregorian(julian_day(year + 621, 3, march) + before + day - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_days_go_both_ways() {
        assert_eq!(julian_day(2000, 1, 1), 2_451_545);
        assert_eq!(julian_day(1582, 10, 15), 2_299_161, "the first Gregorian day");
        for jdn in (2_000_000..2_600_000).step_by(997) {
            let (y, m, d) = gregorian(jdn);
            assert_eq!(julian_day(y, m, d), jdn);
        }
    }

    #[test]
    fn persian_dates_of_known_days() {
        // The story's days, and days every Persian reader knows.
        assert_eq!(persian(2007, 5, 28), Some((1386, 3, 7)), "7 Khordad 1386, the talks in Baghdad");
        assert_eq!(persian(1979, 11, 4), Some((1358, 8, 13)), "13 Aban 1358, the embassy seized");
        assert_eq!(persian(1979, 2, 11), Some((1357, 11, 22)), "22 Bahman 1357");
        assert_eq!(persian(1980, 4, 7), Some((1359, 1, 18)), "18 Farvardin 1359, relations severed");
        assert_eq!(persian(2024, 3, 20), Some((1403, 1, 1)), "Nowruz 1403");
        assert_eq!(persian(2024, 3, 19), Some((1402, 12, 29)));
        assert_eq!(persian(2025, 3, 20), Some((1403, 12, 30)), "1403 is leap: Esfand has 30 days");
        assert_eq!(persian(2025, 3, 21), Some((1404, 1, 1)));
        assert_eq!(persian(2000, 1, 1), Some((1378, 10, 11)));
        assert_eq!(persian(622, 3, 22), Some((1, 1, 1)), "the calendar's first day");
        assert_eq!(persian(3900, 1, 1), None, "past the arithmetic: the Gregorian date is shown");
    }

    #[test]
    fn persian_dates_go_back_to_gregorian() {
        assert_eq!(from_persian(1386, 3, 7), Some((2007, 5, 28)));
        assert_eq!(from_persian(1403, 12, 30), Some((2025, 3, 20)));
        for jdn in (julian_day(1900, 1, 1)..julian_day(2100, 1, 1)).step_by(7) {
            let (y, m, d) = gregorian(jdn);
            let (py, pm, pd) = persian(y, m, d).unwrap();
            assert_eq!(from_persian(py, pm, pd), Some((y, m, d)));
        }
        assert_eq!(from_persian(4000, 1, 1), None);
    }

    #[test]
    fn every_day_follows_the_one_before() {
        // Over two centuries: each Gregorian day is the next Persian day, months of 31, 30 and 29/30 days.
        let mut before = persian(1900, 1, 1).unwrap();
        for jdn in julian_day(1900, 1, 2)..julian_day(2100, 1, 1) {
            let (y, m, d) = gregorian(jdn);
            let now = persian(y, m, d).unwrap();
            let month_length = match before.1 {
                1..=6 => 31,
                7..=11 => 30,
                _ => 29 + i64::from(persian_year(before.0).unwrap().0),
            };
            let expected = if before.2 < month_length {
                (before.0, before.1, before.2 + 1)
            } else if before.1 < 12 {
                (before.0, before.1 + 1, 1)
            } else {
                (before.0 + 1, 1, 1)
            };
            assert_eq!(now, expected, "{y}-{m}-{d}");
            before = now;
        }
    }
}
