//! Where each event sits on the horizontal axis, for a given measured width and zoom.
//!
//! The scale is linear in time within a *segment*, with two departures a reader can see:
//! - consecutive markers are never closer than [`Params::min_spacing`] pixels, so events of one day whose
//!   clock times nobody reported stand side by side in their `sequence` order instead of on one pixel;
//! - a long empty stretch that would squeeze everything else together is cut out and drawn as an
//!   [`AxisBreak`] of fixed width, labelled with how far apart the dates either side are ("28 years"). That is how 1979 and one
//!   day in 2007 are both legible on one axis.
//!
//! Ticks are placed per segment at calendar boundaries (years, months, days, hours); a segment of one
//! instant (a single day) gets one label under its markers. Then every label is checked against its
//! neighbours with an estimated width ([`LABEL_CHAR_WIDTH`] a character, conservative for the axis's
//! 0.8rem type): a label that would touch another, or cross either end of the track, is shortened
//! ("Sept. 2019" to "Sept." after a label that shows 2019; "May 28, 2007" to "May 2007" or "2007") or left
//! out. The labels under markers (one day's group, a lone date) are placed first; calendar ticks fill the
//! room they leave. Linear in the ticks.
//!
//! Everything here is plain arithmetic on the inputs: no DOM, no measuring.

use crate::date::{DateSpec, Precision};
use crate::dates::{Calendar, Dates};

/// Sizes in CSS pixels that shape the layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Closest two markers may be.
    pub min_spacing: f64,
    /// Widest gap between markers whose dates are equal (when there is room to spare).
    pub max_spacing: f64,
    /// Width an axis break takes.
    pub break_width: f64,
    /// Space kept free at each end of the axis.
    pub padding: f64,
    /// Narrowest distance between two tick labels.
    pub tick_spacing: f64,
    /// Room the track keeps right of the axis's own width (the layout's room for the last flag), which tick
    /// labels may use: they stay within the axis's width and this.
    pub label_room: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            min_spacing: 48.0,
            max_spacing: 180.0,
            break_width: 96.0,
            padding: 32.0,
            tick_spacing: 96.0,
            label_room: 0.0,
        }
    }
}

/// Widest a character of a tick label is taken to be, in CSS pixels: the axis sets its labels at 0.8rem
/// (12.8 px at the usual 16 px root), where the widest glyphs the labels use (M, digits, capitals of "BCE")
/// of a system sans-serif are under 0.6 em and the average well under; 8 px (0.625 em) overestimates every
/// label, so two labels estimated clear of each other are clear on screen.
pub const LABEL_CHAR_WIDTH: f64 = 8.0;
/// Where a calendar tick's label starts, right of its line (stylesheet: `.nl-tick-label`'s `left`).
pub const TICK_LABEL_OFFSET: f64 = 4.0;
/// Least free space between two tick labels.
pub const LABEL_GAP: f64 = 8.0;

/// The estimated width of `label` on the axis.
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * LABEL_CHAR_WIDTH
}

/// A cut in the axis: the stretch between two events that is not drawn to scale.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisBreak {
    /// Centre of the break.
    pub x: f64,
    /// The break lies between event `before` and event `before + 1`.
    pub before: usize,
    /// How far apart the dates either side of it are, in their own precision ([`gap_words`]): "28 years".
    pub label: String,
}

/// A label on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// For a tick under a group of same-day markers: where the group starts and ends.
    pub span: Option<(f64, f64)>,
    /// The label names one marker's own date and is centred under it, rather than starting at a boundary.
    pub point: bool,
}

impl Tick {
    /// Left and right of the label's estimated box, as the stylesheet places it: a calendar tick's label
    /// starts [`TICK_LABEL_OFFSET`] right of its line; a point's is centred on it; a span's is centred in
    /// the span, or starts at the span's left when wider than it (an overflowing line is start-aligned).
    pub fn label_box(&self) -> (f64, f64) {
        label_box(self.x, self.span, self.point, label_width(&self.label))
    }
}

fn label_box(x: f64, span: Option<(f64, f64)>, point: bool, w: f64) -> (f64, f64) {
    match span {
        Some((a, b)) if w > b - a => (a, a + w),
        Some((a, b)) => ((a + b - w) / 2.0, (a + b + w) / 2.0),
        None if point => (x - w / 2.0, x + w / 2.0),
        None => (x + TICK_LABEL_OFFSET, x + TICK_LABEL_OFFSET + w),
    }
}

/// The placed axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// Marker centre per event, in the input's order (chronological), strictly increasing.
    pub xs: Vec<f64>,
    /// Each event's instant (days since 1970), alongside `xs`.
    pub instants: Vec<f64>,
    /// Total width of the drawn axis, padding included; more than the available width when zoomed in or
    /// when there are too many events to fit.
    pub width: f64,
    pub breaks: Vec<AxisBreak>,
    pub ticks: Vec<Tick>,
}

/// A gap whose linear share is more than this part of the width, while other markers are crowded,
/// becomes an axis break.
const BREAK_SHARE: f64 = 0.3;

/// At the default zoom, a gap this many times longer than all the other drawn gaps together, while other
/// markers are crowded, becomes an axis break too when the break is narrower than the gap would be drawn
/// and the axis still fits: 1979 and one day of 2007 in an article column.
const LONG_STRETCH: f64 = 10.0;

/// The narrowest a break drawn for such a long stretch gets, when the usual [`Params::break_width`] would not
/// leave the other markers their spacing: room for the break's mark and, below, its label.
pub const NARROW_BREAK_WIDTH: f64 = 64.0;

/// Places `dates` (chronological) on an axis `width` px wide at `zoom` (1 = fit the width), labelled in
/// English ([`place_in`] labels them for a reader).
pub fn place(dates: &[DateSpec], width: f64, zoom: f64, params: &Params) -> Scale {
    place_in(dates, width, zoom, params, &Dates::default())
}

/// [`place`], the ticks and breaks labelled as `writer` writes dates: the labels' widths decide which fit.
pub fn place_in(dates: &[DateSpec], width: f64, zoom: f64, params: &Params, writer: &Dates) -> Scale {
    let n = dates.len();
    let width = if width.is_finite() && width > 0.0 { width } else { 0.0 };
    let zoom = if zoom.is_finite() && zoom >= 1.0 { zoom } else { 1.0 };
    let available = ((width - 2.0 * params.padding).max(0.0)) * zoom;
    if n == 0 {
        return Scale { xs: Vec::new(), instants: Vec::new(), width, breaks: Vec::new(), ticks: Vec::new() };
    }
    let instants: Vec<f64> = dates.iter().map(DateSpec::instant).collect();
    // gaps[i] is the time between event i and event i + 1.
    let gaps: Vec<f64> = instants.windows(2).map(|w| (w[1] - w[0]).max(0.0)).collect();
    let mut is_break = vec![false; gaps.len()];

    // A long stretch that does not fit as a break of the usual width may as one of the narrowest.
    let mut params = *params;
    let (rate, spacing) = loop {
        let rate = solve_rate(&gaps, &is_break, available, &params);
        let crowded = gaps.iter().zip(&is_break).any(|(g, b)| !b && g * rate < params.min_spacing);
        let widest = gaps
            .iter()
            .enumerate()
            .filter(|(i, _)| !is_break[*i])
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, g)| (i, g * rate));
        // The narrowest break width, down to NARROW_BREAK_WIDTH, at which gap `i` as a break fits the axis.
        let long_stretch = |i: usize| {
            let drawn: f64 = gaps.iter().zip(&is_break).filter(|(_, b)| !**b).map(|(g, _)| g).sum();
            let breaks = is_break.iter().filter(|b| **b).count() as f64 + 1.0;
            let others = (gaps.len() as f64 - breaks) * params.min_spacing;
            let widest_fitting = ((available - others) / breaks).min(params.break_width);
            (zoom == 1.0 && gaps[i] >= LONG_STRETCH * (drawn - gaps[i]) && widest_fitting >= NARROW_BREAK_WIDTH)
                .then_some(widest_fitting)
        };
        let stretch = widest.filter(|(_, px)| crowded && *px > NARROW_BREAK_WIDTH.min(params.break_width));
        match stretch {
            Some((i, px)) if px > params.break_width && px > available * BREAK_SHARE => is_break[i] = true,
            Some((i, px)) => match long_stretch(i) {
                Some(width) if px > width => {
                    params.break_width = width;
                    is_break[i] = true;
                }
                _ => break (rate, spread(&gaps, &is_break, rate, available, &params)),
            },
            None => break (rate, spread(&gaps, &is_break, rate, available, &params)),
        }
    };

    let mut xs = Vec::with_capacity(n);
    let mut breaks = Vec::new();
    let mut x = params.padding;
    xs.push(x);
    for (i, gap) in gaps.iter().enumerate() {
        let step = if is_break[i] {
            breaks.push(AxisBreak {
                x: x + params.break_width / 2.0,
                before: i,
                label: writer.gap(&dates[i], &dates[i + 1]),
            });
            params.break_width
        } else {
            (gap * rate).max(spacing)
        };
        x += step;
        xs.push(x);
    }
    let content = x + params.padding;
    // Centre a story that is narrower than the space it has.
    let full = width.max(available + 2.0 * params.padding);
    let shift = ((full - content) / 2.0).max(0.0);
    if shift > 0.0 {
        xs.iter_mut().for_each(|x| *x += shift);
        breaks.iter_mut().for_each(|b| b.x += shift);
    }
    let width = content.max(full);
    let ticks = fit_labels(
        ticks(dates, &instants, &xs, &is_break, &params, writer),
        width + params.label_room.max(0.0),
        writer,
    );
    Scale { xs, instants, width, breaks, ticks }
}

impl Scale {
    /// Where instant `t` (days since 1970) falls on the axis: between the markers around it, at the first
    /// or last marker outside their range.
    pub fn x_at(&self, t: f64) -> f64 {
        if self.xs.is_empty() {
            return 0.0;
        }
        interpolate(&self.instants, &self.xs, t)
    }
}

/// Pixels per day such that the non-break gaps, each at least `min_spacing`, fill `available`.
/// 0 when even the minimum does not fit; `f64::INFINITY` never (zero gaps contribute nothing).
fn solve_rate(gaps: &[f64], is_break: &[bool], available: f64, params: &Params) -> f64 {
    let used = |rate: f64| -> f64 {
        gaps.iter()
            .zip(is_break)
            .map(|(g, b)| if *b { params.break_width } else { (g * rate).max(params.min_spacing) })
            .sum()
    };
    let total_time: f64 = gaps.iter().zip(is_break).filter(|(_, b)| !**b).map(|(g, _)| g).sum();
    if total_time <= 0.0 || used(0.0) >= available {
        return 0.0;
    }
    // used() is continuous and increasing in rate; bisect between a rate that is too small and one that
    // is surely large enough (all the room spent on the time alone).
    let (mut lo, mut hi) = (0.0, available / total_time);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if used(mid) > available {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    lo
}

/// The spacing for gaps that would otherwise be narrower than the minimum: the minimum, or more when the
/// rest leaves room (up to `max_spacing`), so one day's events spread out instead of huddling.
fn spread(gaps: &[f64], is_break: &[bool], rate: f64, available: f64, params: &Params) -> f64 {
    let mut pinned = 0usize;
    let mut used = 0.0;
    for (g, b) in gaps.iter().zip(is_break) {
        if *b {
            used += params.break_width;
        } else if g * rate < params.min_spacing {
            pinned += 1;
        } else {
            used += g * rate;
        }
    }
    if pinned == 0 {
        return params.min_spacing;
    }
    let share = (available - used) / pinned as f64;
    // Not `f64::clamp`: its check of the bounds brings float formatting (6 KB) into the widget.
    share.max(params.min_spacing).min(params.max_spacing.max(params.min_spacing))
}

/// Calendar steps a tick can take, coarse to fine, with the precision their labels show.
const STEPS: &[(Precision, f64)] = &[
    (Precision::Year, 1000.0),
    (Precision::Year, 500.0),
    (Precision::Year, 100.0),
    (Precision::Year, 50.0),
    (Precision::Year, 25.0),
    (Precision::Year, 10.0),
    (Precision::Year, 5.0),
    (Precision::Year, 2.0),
    (Precision::Year, 1.0),
    (Precision::Month, 6.0),
    (Precision::Month, 3.0),
    (Precision::Month, 1.0),
    (Precision::Day, 1.0),
    (Precision::Hour, 6.0),
    (Precision::Hour, 1.0),
];

/// Most ticks one segment gets, whatever its width: a longer run of time takes a coarser step, so the
/// labels still reach the segment's end.
const MAX_TICKS_PER_SEGMENT: usize = 2_000;

/// A tick before its label is fitted: where it goes, and the date and precision its labels are made from.
struct Candidate {
    x: f64,
    span: Option<(f64, f64)>,
    point: bool,
    date: DateSpec,
    precision: Precision,
}

impl Candidate {
    /// Whether the label names the marker(s) above it (a point or a span), rather than a calendar boundary.
    fn under_markers(&self) -> bool {
        self.point || self.span.is_some()
    }

    /// The labels this tick may take, longest first, and which of them leaves the year out. `year_shown`: the
    /// year the calendar label before it showed, which a month's label may then leave out.
    fn labels(&self, year_shown: Option<&str>, writer: &Dates) -> (Vec<String>, Option<usize>) {
        if self.under_markers() {
            return (writer.labels_to_year(&self.date, self.precision), None);
        }
        let full = writer.tick_label(&self.date, self.precision);
        if self.precision != Precision::Month {
            return (vec![full], None);
        }
        if writer.starts_year(&self.date) {
            return (vec![full, writer.tick_label(&self.date, Precision::Year)], None);
        }
        if year_shown.is_some_and(|y| y == writer.tick_label(&self.date, Precision::Year)) {
            return (vec![full, writer.tick_month(&self.date)], Some(1));
        }
        (vec![full], None)
    }
}

fn ticks(
    dates: &[DateSpec],
    instants: &[f64],
    xs: &[f64],
    is_break: &[bool],
    params: &Params,
    writer: &Dates,
) -> Vec<Candidate> {
    let persian = writer.calendar() == Calendar::Persian;
    let mut out = Vec::new();
    let mut start = 0;
    for end in 0..dates.len() {
        let last_of_segment = end + 1 == dates.len() || is_break[end];
        if !last_of_segment {
            continue;
        }
        segment_ticks(&dates[start..=end], &instants[start..=end], &xs[start..=end], params, persian, &mut out);
        start = end + 1;
    }
    out
}

fn segment_ticks(
    dates: &[DateSpec],
    instants: &[f64],
    xs: &[f64],
    params: &Params,
    persian: bool,
    out: &mut Vec<Candidate>,
) {
    let (t0, t1) = (instants[0], instants[instants.len() - 1]);
    let (x0, x1) = (xs[0], xs[xs.len() - 1]);
    if t1 <= t0 {
        // One instant: a single label under the whole group, as precise as the coarsest date in it.
        let coarsest = dates.iter().min_by_key(|d| d.precision).unwrap_or(&dates[0]);
        let span = (xs.len() > 1).then_some((x0, x1));
        out.push(Candidate {
            x: (x0 + x1) / 2.0,
            span,
            point: span.is_none(),
            date: *coarsest,
            precision: coarsest.precision,
        });
        return;
    }
    // Pixels a day: the least that any long stretch of the segment (a twentieth of its time or more) gets,
    // where most of its ticks fall. Markers of one day spread apart make the average far more than such a
    // stretch between them gets, and ticks chosen by it would crowd there.
    let average = (x1 - x0) / (t1 - t0);
    let px_per_day = instants
        .windows(2)
        .zip(xs.windows(2))
        .filter(|(t, _)| t[1] - t[0] >= (t1 - t0) / 20.0)
        .map(|(t, x)| (x[1] - x[0]) / (t[1] - t[0]))
        .fold(average, f64::min);
    let finest = dates.iter().map(|d| d.precision).max().unwrap_or(Precision::Year);
    let step = STEPS
        .iter()
        .filter(|(p, _)| *p <= finest)
        .rev()
        .find(|(p, n)| {
            let days = nominal_days(*p, *n);
            days * px_per_day >= params.tick_spacing && (t1 - t0) / days < (MAX_TICKS_PER_SEGMENT - 1) as f64
        })
        .or_else(|| STEPS.first());
    let Some(&(precision, n)) = step else { return };
    let mut count = 0;
    let boundary = |date: &DateSpec, after: bool| match persian && precision <= Precision::Month {
        true => persian_tick(date, precision, n, after),
        false if after => next_tick(date, precision, n),
        false => first_tick(date, precision, n),
    };
    let mut tick = boundary(&dates[0], false);
    while let Some(date) = tick {
        let t = date.instant();
        if t > t1 || count >= MAX_TICKS_PER_SEGMENT {
            break;
        }
        if t >= t0 {
            out.push(Candidate { x: interpolate(instants, xs, t), span: None, point: false, date, precision });
            count += 1;
        }
        tick = boundary(&date, true);
    }
}

/// The ticks whose labels fit, each with the longest of its labels that does: no two labels' estimated
/// boxes closer than [`LABEL_GAP`], none outside `0..=right`. The labels under markers go first (in order,
/// each shortened or left out where it would touch the one before); the calendar ticks then fill the room
/// left between them. `candidates` are in order along the axis; linear in their number.
fn fit_labels(candidates: Vec<Candidate>, right: f64, writer: &Dates) -> Vec<Tick> {
    let fits = |left: f64, r: f64, after: f64| left >= 0.0 && left >= after + LABEL_GAP && r <= right;
    let (under, calendar): (Vec<Candidate>, Vec<Candidate>) =
        candidates.into_iter().partition(Candidate::under_markers);
    let mut placed: Vec<(Tick, (f64, f64))> = Vec::with_capacity(under.len());
    let mut after = f64::NEG_INFINITY;
    for c in under {
        for label in c.labels(None, writer).0 {
            let b = label_box(c.x, c.span, c.point, label_width(&label));
            if fits(b.0, b.1, after) {
                after = b.1;
                placed.push((Tick { x: c.x, label, span: c.span, point: c.point }, b));
                break;
            }
        }
    }
    let mut out: Vec<Tick> = Vec::with_capacity(placed.len() + calendar.len());
    let (mut next, mut after) = (0, f64::NEG_INFINITY);
    let mut year_shown: Option<String> = None;
    for c in calendar {
        let (labels, month_only) = c.labels(year_shown.as_deref(), writer);
        for (k, label) in labels.into_iter().enumerate() {
            let b = label_box(c.x, None, false, label_width(&label));
            // The labels under markers that end before this one starts are behind it for good: calendar
            // boxes start further right one after another.
            while placed.get(next).is_some_and(|(_, p)| p.1 + LABEL_GAP <= b.0) {
                next += 1;
            }
            let clear_ahead = placed.get(next).is_none_or(|(_, p)| p.0 >= b.1 + LABEL_GAP);
            if fits(b.0, b.1, after) && clear_ahead {
                after = b.1;
                if month_only != Some(k) && c.precision <= Precision::Month {
                    year_shown = Some(writer.tick_label(&c.date, Precision::Year));
                }
                out.push(Tick { x: c.x, label, span: None, point: false });
                break;
            }
        }
    }
    out.extend(placed.into_iter().map(|(t, _)| t));
    out.sort_by(|a, b| a.label_box().0.total_cmp(&b.label_box().0));
    out
}

fn nominal_days(precision: Precision, n: f64) -> f64 {
    n * match precision {
        Precision::Year => 365.2425,
        Precision::Month => 30.436_875,
        Precision::Day => 1.0,
        Precision::Hour => 1.0 / 24.0,
        Precision::Minute => 1.0 / 1440.0,
    }
}

/// The first tick boundary at or before `date`.
fn first_tick(date: &DateSpec, precision: Precision, n: f64) -> Option<DateSpec> {
    let n = n as i64;
    let year = i64::from(date.year);
    match precision {
        Precision::Year => DateSpec::from_astronomical(year.div_euclid(n) * n, None, None, None, None).ok(),
        Precision::Month => {
            let month = (i64::from(date.month) - 1).div_euclid(n) * n + 1;
            DateSpec::from_astronomical(year, Some(month), None, None, None).ok()
        }
        Precision::Day => {
            DateSpec::from_astronomical(year, Some(i64::from(date.month)), Some(i64::from(date.day)), None, None).ok()
        }
        Precision::Hour | Precision::Minute => {
            let hour = i64::from(date.hour).div_euclid(n) * n;
            DateSpec::from_astronomical(year, Some(i64::from(date.month)), Some(i64::from(date.day)), Some(hour), None)
                .ok()
        }
    }
}

/// In the Persian calendar, the year or month boundary (every `n`th, the first of the month) at or before
/// `date`, or the one `n` after `date` when `after`: ticks then stand at 1 Farvardin, 1 Tir … as a Persian
/// reader counts, each its day of the Gregorian calendar.
fn persian_tick(date: &DateSpec, precision: Precision, n: f64, after: bool) -> Option<DateSpec> {
    let n = n as i64;
    let (year, month) = match crate::calendar::persian(i64::from(date.year), i64::from(date.month), i64::from(date.day))
    {
        Some((y, m, _)) => (y, m),
        // Beyond the calendar's arithmetic: the Gregorian boundaries.
        None if after => return next_tick(date, precision, n as f64),
        None => return first_tick(date, precision, n as f64),
    };
    let months = match (precision, after) {
        (Precision::Year, false) => year.div_euclid(n) * n * 12,
        (Precision::Year, true) => (year + n) * 12,
        (_, false) => year * 12 + (month - 1).div_euclid(n) * n,
        (_, true) => year * 12 + month - 1 + n,
    };
    let (y, m, d) = crate::calendar::from_persian(months.div_euclid(12), months.rem_euclid(12) + 1, 1)?;
    DateSpec::from_astronomical(y, Some(m), Some(d), None, None).ok()
}

fn next_tick(date: &DateSpec, precision: Precision, n: f64) -> Option<DateSpec> {
    let n = n as i64;
    let (y, m, d, h) = (i64::from(date.year), i64::from(date.month), i64::from(date.day), i64::from(date.hour));
    match precision {
        Precision::Year => DateSpec::from_astronomical(y + n, None, None, None, None).ok(),
        Precision::Month => {
            let months = y * 12 + (m - 1) + n;
            DateSpec::from_astronomical(months.div_euclid(12), Some(months.rem_euclid(12) + 1), None, None, None).ok()
        }
        Precision::Day => {
            if d < i64::from(crate::date::days_in_month(y, date.month)) {
                DateSpec::from_astronomical(y, Some(m), Some(d + 1), None, None).ok()
            } else if m < 12 {
                DateSpec::from_astronomical(y, Some(m + 1), Some(1), None, None).ok()
            } else {
                DateSpec::from_astronomical(y + 1, Some(1), Some(1), None, None).ok()
            }
        }
        Precision::Hour | Precision::Minute => {
            if h + n < 24 {
                DateSpec::from_astronomical(y, Some(m), Some(d), Some(h + n), None).ok()
            } else {
                let next_day = next_tick(date, Precision::Day, 1.0)?;
                DateSpec::from_astronomical(
                    i64::from(next_day.year),
                    Some(i64::from(next_day.month)),
                    Some(i64::from(next_day.day)),
                    Some(0),
                    None,
                )
                .ok()
            }
        }
    }
}

/// The x of instant `t` on the piecewise-linear line through the markers.
fn interpolate(instants: &[f64], xs: &[f64], t: f64) -> f64 {
    // First marker at or after t.
    let i = instants.partition_point(|v| *v < t);
    if i == 0 {
        return xs[0];
    }
    if i >= instants.len() {
        return xs[xs.len() - 1];
    }
    let (ta, tb, xa, xb) = (instants[i - 1], instants[i], xs[i - 1], xs[i]);
    if tb <= ta {
        xb
    } else {
        xa + (xb - xa) * (t - ta) / (tb - ta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(texts: &[&str]) -> Vec<DateSpec> {
        texts.iter().map(|t| DateSpec::parse(t).unwrap()).collect()
    }

    fn the_story() -> Vec<DateSpec> {
        let mut d = dates(&["1979"]);
        d.extend(std::iter::repeat_n(DateSpec::parse("2007-05-28").unwrap(), 7));
        d
    }

    fn assert_spaced(scale: &Scale, min: f64) {
        for w in scale.xs.windows(2) {
            assert!(w[1] - w[0] >= min - 1e-9, "markers {} and {} closer than {min}", w[0], w[1]);
        }
    }

    #[test]
    fn a_decades_gap_becomes_a_labelled_break_and_one_day_spreads_out() {
        let p = Params::default();
        for width in [600.0, 1000.0, 1600.0] {
            let scale = place(&the_story(), width, 1.0, &p);
            assert_eq!(scale.breaks.len(), 1, "at {width}px");
            assert_eq!(scale.breaks[0].before, 0);
            assert_eq!(scale.breaks[0].label, "28 years");
            assert_spaced(&scale, p.min_spacing);
            assert!(scale.width <= width + 1e-9, "fits in {width}px: {}", scale.width);
            // Two labels: "1979" under its marker, the day under its group of seven.
            let labels: Vec<_> = scale.ticks.iter().map(|t| t.label.as_str()).collect();
            assert_eq!(labels, ["1979", "May 28, 2007"]);
            let (a, b) = scale.ticks[1].span.unwrap();
            assert_eq!((a, b), (scale.xs[1], scale.xs[7]));
        }
    }

    #[test]
    fn a_break_between_two_days_says_a_day_not_an_hour() {
        // Twenty events on March 4 and one on March 5, no clock times: the break once read "1 hour".
        let mut d = vec![DateSpec::parse("2024-03-04").unwrap(); 20];
        d.push(DateSpec::parse("2024-03-05").unwrap());
        let scale = place(&d, 1400.0, 1.0, &Params::default());
        let labels: Vec<_> = scale.breaks.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["1 day"]);
    }

    #[test]
    fn evenly_spread_years_stay_linear_without_breaks() {
        let d = dates(&["1990", "2000", "2010", "2020"]);
        // Room right of the axis, as the layout keeps for the last flag, for the last label.
        let scale = place(&d, 1000.0, 1.0, &Params { label_room: 40.0, ..Params::default() });
        assert!(scale.breaks.is_empty());
        let steps: Vec<f64> = scale.xs.windows(2).map(|w| w[1] - w[0]).collect();
        for s in &steps {
            assert!((s - steps[0]).abs() < 0.5, "not linear: {steps:?}");
        }
        let labels: Vec<_> = scale.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]);
    }

    #[test]
    fn too_many_events_overflow_at_minimum_spacing_rather_than_overlap() {
        let d: Vec<_> = (0..100)
            .map(|i| DateSpec::from_astronomical(2000, Some(1), Some(1), Some(i % 24), Some(i / 24)).unwrap())
            .collect();
        let mut sorted = d.clone();
        sorted.sort();
        let p = Params::default();
        let scale = place(&sorted, 800.0, 1.0, &p);
        assert_spaced(&scale, p.min_spacing);
        assert!(scale.width > 800.0);
    }

    #[test]
    fn zoom_widens_the_axis() {
        let d = dates(&["2007-01", "2007-03", "2007-12"]);
        let p = Params::default();
        let one = place(&d, 1000.0, 1.0, &p);
        let four = place(&d, 1000.0, 4.0, &p);
        assert!((four.width - (4.0 * (1000.0 - 2.0 * p.padding) + 2.0 * p.padding)).abs() < 1.0);
        assert!(four.xs[2] - four.xs[0] > 3.0 * (one.xs[2] - one.xs[0]));
    }

    #[test]
    fn ticks_follow_the_calendar() {
        let d = dates(&["2007-01-01", "2007-12-31"]);
        let scale = place(&d, 1300.0, 1.0, &Params::default());
        let labels: Vec<_> = scale.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Jan. 2007",
                "Feb. 2007",
                "March 2007",
                "April 2007",
                "May 2007",
                "June 2007",
                "July 2007",
                "Aug. 2007",
                "Sept. 2007",
                "Oct. 2007",
                "Nov. 2007",
                "Dec. 2007"
            ]
        );
        for w in scale.ticks.windows(2) {
            assert!(w[1].x - w[0].x >= Params::default().tick_spacing - 1.0);
        }
    }

    #[test]
    fn a_long_axis_is_labelled_to_its_end() {
        let p = Params::default();
        // 10,000 events, a day apart or fifty to a day at different hours: far too many ticks at the finest step.
        let date = |year: i64, day: i64, hour: Option<i64>| {
            DateSpec::from_astronomical(
                year + day / 336,
                Some(1 + day / 28 % 12),
                Some(1 + day % 28),
                hour,
                hour.map(|_| 0),
            )
            .unwrap()
        };
        let daily: Vec<_> = (0..10_000).map(|i| date(1980, i, None)).collect();
        let hourly: Vec<_> = (0..10_000).map(|i| date(2007, i / 50, Some(i % 24))).collect();
        for d in [daily, hourly] {
            let mut d = d;
            d.sort();
            let scale = place(&d, 1100.0, 1.0, &p);
            assert!(scale.ticks.len() <= MAX_TICKS_PER_SEGMENT, "{} ticks", scale.ticks.len());
            let last = scale.ticks.last().unwrap().x;
            let end = *scale.xs.last().unwrap();
            // The last label is within a few screens of the last marker, not stopped a long way before it.
            assert!(end - last < 3.0 * 1100.0, "last tick at {last}, last marker at {end}");
        }
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let p = Params::default();
        assert!(place(&[], 500.0, 1.0, &p).xs.is_empty());
        let one = place(&dates(&["2007"]), 500.0, 1.0, &p);
        assert_eq!(one.xs, [250.0]);
        for (w, z) in [(0.0, 1.0), (f64::NAN, 1.0), (-5.0, f64::INFINITY), (300.0, 0.0)] {
            let s = place(&the_story(), w, z, &p);
            assert_eq!(s.xs.len(), 8);
            assert!(s.xs.iter().all(|x| x.is_finite()));
        }
    }
}
