//! Marker flags without overlap: which row each event's label goes in.
//!
//! On the horizontal axis each marker carries a flag (date and headline) that reaches `flag_width` px to
//! the right of the marker. Flags are packed greedily into the lowest row where they do not touch the
//! previous flag. With markers at least `min_spacing` apart, `max_rows` rows always suffice when
//! `flag_width < max_rows * min_spacing`; [`flag_width_for`] picks a width that guarantees it.

use crate::dates::Dates;
use crate::model::Timeline;
use crate::scale::{place, place_in, Params, Scale};

// The numbers marked "stylesheet" below are mirrored in `www/newsline.css`; the test
// `the_stylesheet_agrees_with_the_layout` fails when one side changes alone.

/// Widest a flag gets, when there is room (stylesheet: `.nl-marker`'s width before positions apply).
pub const PREFERRED_FLAG_WIDTH: f64 = 200.0;
/// Free space between two flags in one row.
pub const FLAG_GAP: f64 = 8.0;
/// Rows of flags above the axis.
pub const MAX_ROWS: usize = 3;
/// Height of one row of flags, in CSS pixels (stylesheet: `--nl-row-height`).
pub const ROW_HEIGHT: f64 = 76.0;
/// Height of the axis strip under the flags (stylesheet: `--nl-axis-height`).
pub const AXIS_HEIGHT: f64 = 52.0;
/// Room above the top row of flags on the marker strip (stylesheet: the `.nl-track`'s height before
/// positions apply, one row and this).
pub const TRACK_HEADROOM: f64 = 16.0;
/// Room above the top row when eras are drawn: their labels run along the top of the strip.
pub const ERA_HEADROOM: f64 = 36.0;
/// Room above the overview's groups.
pub const OVERVIEW_HEADROOM: f64 = 12.0;
/// Room at the top of each lane for its label when the lanes are labelled: no flag reaches into it, so a
/// label is never under a flag (stylesheet: `.nl-lane-label`, one line of 0.75rem type, is shorter).
pub const LANE_LABEL_ROOM: f64 = 24.0;
/// Widest a character of the labels of flags, eras and lanes is taken to be (0.75rem semibold, 12 px at the
/// usual root): conservative, as [`crate::scale::LABEL_CHAR_WIDTH`] is for the axis.
pub const SMALL_CHAR_WIDTH: f64 = 8.0;
/// The room for text inside a flag: its width less its borders (4 px and 1 px) and padding (8 px a side).
pub const FLAG_INSET: f64 = 21.0;
/// A flag's height (stylesheet: `.nl-marker`'s, the row less 8 px).
pub const FLAG_HEIGHT: f64 = ROW_HEIGHT - 8.0;

/// Below this width the widget shows a vertical list instead of the axis.
pub const NARROW_BELOW: f64 = 600.0;

/// A horizontal band of flag rows for one group of events.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The group's name; `None` for events without a group (or when no event has one).
    pub label: Option<String>,
    /// The lane's lowest row, counting from the axis (0).
    pub first_row: usize,
    pub rows: usize,
}

/// An era drawn as a band along the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBand {
    pub label: String,
    pub x: f64,
    pub width: f64,
    /// The label fits whole, in the band or past its end where no other era's label is: else it is drawn
    /// for screen readers only, never cut mid-word.
    pub label_shown: bool,
}

/// An event that lasts (it has an end date), drawn as a bar along the axis from its marker to its end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// The event's index.
    pub event: usize,
    pub x: f64,
    pub width: f64,
    /// Level of the bar above the axis line (0 lowest): spans that overlap in time stack.
    pub level: u8,
}

/// Narrowest a span is drawn: shorter ones are a marker's dot and no more.
pub const MIN_SPAN_WIDTH: f64 = 12.0;
/// Levels of span bars above the axis line; more overlapping spans share the top one.
pub const SPAN_LEVELS: usize = 3;

/// The horizontal axis with its flags placed: everything the view needs to draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub scale: Scale,
    /// Flag row per event, counting from the axis across all lanes.
    pub rows: Vec<usize>,
    /// Rows in all, over every lane.
    pub rows_used: usize,
    /// Top to bottom: the first group first, as a reader expects.
    pub lanes: Vec<Lane>,
    pub eras: Vec<EraBand>,
    /// The events with an end date after their start, as bars from start to end.
    pub spans: Vec<Span>,
    pub flag_width: f64,
    /// Width of the whole drawn track, flags included.
    pub track_width: f64,
}

/// A piece of text the strip draws, as its estimated box: `x` from the track's left, `y` upward from the
/// axis line (the tick labels below it are negative). The layout checks every one against the others.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelBox {
    pub what: String,
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
}

impl LabelBox {
    /// Whether two boxes share more than a pixel each way.
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.right.min(other.right) - self.left.max(other.left) > 1.0
            && self.top.min(other.top) - self.bottom.max(other.bottom) > 1.0
    }
}

/// The first two of `boxes` that overlap, if any: the rule every label the layout places is held to.
/// Sorted by left edge, each box is compared only with those that start before it ends (linear for
/// labels spread along the axis).
pub fn first_overlap(boxes: &[LabelBox]) -> Option<(&LabelBox, &LabelBox)> {
    let mut order: Vec<&LabelBox> = boxes.iter().collect();
    order.sort_by(|a, b| a.left.total_cmp(&b.left));
    for (i, a) in order.iter().enumerate() {
        for b in order[i + 1..].iter().take_while(|b| b.left < a.right) {
            if a.overlaps(b) {
                return Some((a, b));
            }
        }
    }
    None
}

impl Placed {
    /// Room for a label at the top of each lane: only when the lanes are labelled (a story with groups).
    fn label_room(&self) -> f64 {
        if self.lanes.iter().any(|l| l.label.is_some()) {
            LANE_LABEL_ROOM
        } else {
            0.0
        }
    }

    /// Where lane `k` sits: its bottom above the axis line and its height, in px: its rows, and above them
    /// the room for its label.
    pub fn lane_y(&self, k: usize) -> (f64, f64) {
        let room = self.label_room();
        let Some(lane) = self.lanes.get(k) else { return (0.0, 0.0) };
        let below = self.lanes.len() - 1 - k;
        (lane.first_row as f64 * ROW_HEIGHT + below as f64 * room, lane.rows as f64 * ROW_HEIGHT + room)
    }

    /// How far above the axis line the top of a flag in `row` is: the height of its marker's stem.
    pub fn flag_top(&self, row: usize) -> f64 {
        let k = self.lanes.iter().position(|l| row >= l.first_row && row < l.first_row + l.rows).unwrap_or(0);
        let (bottom, _) = self.lane_y(k);
        bottom + (row + 1 - self.lanes.get(k).map_or(0, |l| l.first_row)) as f64 * ROW_HEIGHT
    }

    /// Height of the lanes together, above the axis line.
    pub fn lanes_height(&self) -> f64 {
        self.rows_used.max(1) as f64 * ROW_HEIGHT + self.lanes.len() as f64 * self.label_room()
    }

    /// Every piece of text the strip draws for `timeline`, with its estimated box: tick labels, break labels,
    /// era labels, lane labels, and each flag (its date and headline inside). The strip is laid out so that
    /// no two overlap ([`first_overlap`]); the host tests hold it to that at every width.
    pub fn label_boxes(&self, timeline: &Timeline) -> Vec<LabelBox> {
        let mut out = Vec::new();
        let axis_label_top = -TICK_LABEL_TOP;
        for t in &self.scale.ticks {
            let (left, right) = t.label_box();
            out.push(LabelBox {
                what: t.label.clone(),
                left,
                right,
                top: axis_label_top,
                bottom: axis_label_top - 16.0,
            });
        }
        for b in &self.scale.breaks {
            let w = crate::scale::label_width(&b.label);
            // Below the tick labels (stylesheet: `.nl-break-label`).
            let top = axis_label_top - 18.0;
            out.push(LabelBox {
                what: b.label.clone(),
                left: b.x - w / 2.0,
                right: b.x + w / 2.0,
                top,
                bottom: top - 16.0,
            });
        }
        let top = self.lanes_height();
        for era in self.eras.iter().filter(|e| e.label_shown) {
            let w = small_width(&era.label);
            out.push(LabelBox {
                what: era.label.clone(),
                left: era.x + 4.0,
                right: era.x + 4.0 + w,
                top: top + ERA_HEADROOM - 2.0,
                bottom: top + ERA_HEADROOM - 20.0,
            });
        }
        for (k, lane) in self.lanes.iter().enumerate() {
            if self.label_room() == 0.0 {
                break;
            }
            let (bottom, height) = self.lane_y(k);
            let label = lane.label.as_deref().unwrap_or("Other");
            let w = small_width(label) + 8.0;
            out.push(LabelBox {
                what: label.to_owned(),
                left: 4.0,
                right: 4.0 + w,
                top: bottom + height - 1.0,
                bottom: bottom + height - LANE_LABEL_ROOM + 1.0,
            });
        }
        for (i, (x, row)) in self.scale.xs.iter().zip(&self.rows).enumerate() {
            let top = self.flag_top(*row);
            let what = timeline.events.get(i).map_or_else(String::new, |e| e.headline.clone());
            out.push(LabelBox { what, left: *x, right: x + self.flag_width, top, bottom: top - FLAG_HEIGHT });
        }
        out
    }
}

/// Where the tick labels start below the axis line (stylesheet: `.nl-tick-label`'s `top`).
const TICK_LABEL_TOP: f64 = 4.0;

/// The estimated width of `label` in the strip's small type.
pub fn small_width(label: &str) -> f64 {
    label.chars().count() as f64 * SMALL_CHAR_WIDTH
}

/// How many lines `label` takes wrapped at its spaces in `room` px of the small type; `usize::MAX` when a
/// word is wider than the room (it would be cut).
pub fn wrapped_lines(label: &str, room: f64) -> usize {
    let mut lines = 0;
    let mut line = 0.0;
    for word in label.split(' ').filter(|w| !w.is_empty()) {
        let w = small_width(word);
        if w > room {
            return usize::MAX;
        }
        if lines > 0 && line + SMALL_CHAR_WIDTH + w <= room {
            line += SMALL_CHAR_WIDTH + w;
        } else {
            lines += 1;
            line = w;
        }
    }
    lines
}

/// The date a flag `flag_width` px wide shows for `event`, its time of day, and whether the date takes two
/// lines (the headline then takes one): the longest of [`Event::marker_labels`] that fits in two lines, else
/// the shortest. A date is never cut: it wraps between words.
///
/// [`Event::marker_labels`]: crate::model::Event::marker_labels
pub fn flag_date(event: &crate::model::Event, flag_width: f64) -> (String, Option<String>, bool) {
    flag_date_in(event, flag_width, &Dates::default())
}

/// [`flag_date`] with the dates written as `writer` writes them.
pub fn flag_date_in(event: &crate::model::Event, flag_width: f64, writer: &Dates) -> (String, Option<String>, bool) {
    let room = flag_width - FLAG_INSET;
    let (labels, time) = event.marker_labels_in(writer);
    let label = labels.iter().find(|l| wrapped_lines(l, room) <= 2).or(labels.last()).cloned().unwrap_or_default();
    let two = wrapped_lines(&label, room) > 1;
    (label, time, two)
}

/// The width the scale spreads the markers over in a view `width` px wide: flags reach right of their
/// marker, so room is kept for the last one.
fn axis_width(width: f64, params: &Params) -> f64 {
    let width = if width.is_finite() { width.max(0.0) } else { 0.0 };
    width - (PREFERRED_FLAG_WIDTH + FLAG_GAP - params.padding)
}

/// The scale's sizes for the marker strip: tick labels may use the room kept right of the axis for the
/// last flag, which the track always has ([`place_markers`]).
fn axis_params() -> Params {
    let params = Params::default();
    Params { label_room: PREFERRED_FLAG_WIDTH + FLAG_GAP - params.padding, ..params }
}

/// Whether zooming in to `zoom` would move the markers of `timeline`, `placed` in a view `width` px wide at
/// the zoom before: a zoom button that changes nothing on screen is not offered. A long story whose markers
/// would all still sit the minimum spacing apart is told at once (10,000 events need some 480,000 px, more
/// than the deepest zoom of a desktop view gives); a shorter one is laid out at `zoom` and compared.
pub fn zoom_spreads(timeline: &Timeline, placed: &Placed, width: f64, zoom: f64) -> bool {
    let params = axis_params();
    let n = timeline.events.len();
    let axis = axis_width(width, &params);
    if n < 2 || (n - 1) as f64 * params.min_spacing >= (axis - 2.0 * params.padding).max(0.0) * zoom {
        return false;
    }
    let dates: Vec<_> = timeline.events.iter().map(|e| e.date).collect();
    place(&dates, axis, zoom, &params).xs != placed.scale.xs
}

/// Most groups that get a lane of their own: the events of any later group share the last lane with the
/// events that have no group (drawn as "Other"). Every lane is at least a row high, so a story of thousands
/// of groups would otherwise be a track thousands of rows tall.
pub const MAX_LANES: usize = 12;

/// The lane of each event: the first [`MAX_LANES`] groups in order of first appearance, then one lane for
/// events of no group or of a later group (`None` in the labels), when there are any or no groups at all.
/// One pass, each group looked up among at most [`MAX_LANES`] labels: linear in the events however many
/// groups they have.
fn lanes_of(timeline: &Timeline) -> (Vec<usize>, Vec<Option<&str>>) {
    let mut labels: Vec<Option<&str>> = Vec::new();
    let mut lane: Vec<Option<usize>> = Vec::with_capacity(timeline.events.len());
    for e in &timeline.events {
        let found = e.group.as_deref().and_then(|g| match labels.iter().position(|l| *l == Some(g)) {
            Some(l) => Some(l),
            None if labels.len() < MAX_LANES => {
                labels.push(Some(g));
                Some(labels.len() - 1)
            }
            None => None,
        });
        lane.push(found);
    }
    let other = labels.len();
    if labels.is_empty() || lane.iter().any(Option::is_none) {
        labels.push(None);
    }
    (lane.into_iter().map(|l| l.unwrap_or(other)).collect(), labels)
}

/// Places markers, flags, lanes and eras for `timeline` in `width` px at `zoom`.
///
/// With groups, each of the first [`MAX_LANES`] groups gets a lane of its own (in order of first appearance,
/// events without a group, or of a later group, last), packed like the single lane of an ungrouped story.
/// Linear in the events and eras, whatever their number and their groups' (it runs on every resize and zoom).
pub fn place_markers(timeline: &Timeline, width: f64, zoom: f64) -> Placed {
    place_markers_in(timeline, width, zoom, &Dates::default())
}

/// [`place_markers`], the axis labelled as `writer` writes dates.
pub fn place_markers_in(timeline: &Timeline, width: f64, zoom: f64, writer: &Dates) -> Placed {
    let params = axis_params();
    let dates: Vec<_> = timeline.events.iter().map(|e| e.date).collect();
    let scale = place_in(&dates, axis_width(width, &params), zoom, &params, writer);

    let (lane_of, labels) = lanes_of(timeline);
    let lane_count = labels.len();
    // The flag width must suit the most crowded lane.
    let mut closest = f64::INFINITY;
    let mut last_x = vec![f64::NEG_INFINITY; lane_count];
    for (x, lane) in scale.xs.iter().zip(&lane_of) {
        closest = closest.min(x - last_x[*lane]);
        last_x[*lane] = *x;
    }
    let closest = if closest.is_finite() { closest } else { PREFERRED_FLAG_WIDTH };
    let flag_width = flag_width_for(PREFERRED_FLAG_WIDTH, closest, FLAG_GAP, MAX_ROWS);

    // Each lane's events, in time order, gathered in one pass.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); lane_count];
    for (i, lane) in lane_of.iter().enumerate().take(scale.xs.len()) {
        members[*lane].push(i);
    }
    let mut local = vec![0usize; scale.xs.len()];
    let mut lane_rows = Vec::with_capacity(lane_count);
    for members in &members {
        let xs: Vec<f64> = members.iter().map(|i| scale.xs[*i]).collect();
        let (rows, used) = pack_rows(&xs, flag_width, FLAG_GAP, MAX_ROWS);
        for (i, r) in members.iter().zip(rows) {
            local[*i] = usize::from(r);
        }
        lane_rows.push(used.max(1));
    }
    // The last lane sits on the axis; each earlier one above the next.
    let mut lanes = Vec::with_capacity(lane_count);
    let mut below = 0;
    for lane in (0..lane_count).rev() {
        let label = labels[lane].map(str::to_owned);
        lanes.push(Lane { label, first_row: below, rows: lane_rows[lane] });
        below += lane_rows[lane];
    }
    lanes.reverse();
    let rows = (0..scale.xs.len()).map(|i| lanes[lane_of[i]].first_row + local[i]).collect();

    let last = scale.xs.last().copied().unwrap_or(0.0);
    let track_width = width.max(scale.width + params.label_room).max(last + flag_width + FLAG_GAP);
    let mut eras: Vec<EraBand> = timeline
        .eras
        .iter()
        .map(|era| {
            let x = scale.x_at(era.start.instant());
            let end = scale.x_at(era.end.span_end());
            EraBand { label: era.label.clone(), x, width: (end - x).max(4.0), label_shown: false }
        })
        .collect();
    // An era's label may run past its band's end, up to the next label shown or the track's end.
    let mut free_from = f64::NEG_INFINITY;
    for era in &mut eras {
        let (left, right) = (era.x + 4.0, era.x + 4.0 + small_width(&era.label));
        era.label_shown = left >= free_from && right <= track_width - 4.0;
        if era.label_shown {
            free_from = right + FLAG_GAP;
        }
    }
    let spans = spans(timeline, &scale);
    Placed { scale, rows, rows_used: below, lanes, eras, spans, flag_width, track_width }
}

/// The bars of the events that last, on `scale`: from each one's marker to where its end date's span ends,
/// those at least [`MIN_SPAN_WIDTH`] long, stacked in [`SPAN_LEVELS`] levels where they overlap.
fn spans(timeline: &Timeline, scale: &Scale) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut ends = [f64::NEG_INFINITY; SPAN_LEVELS];
    for (i, (e, x)) in timeline.events.iter().zip(&scale.xs).enumerate() {
        let Some(end) = e.end_date.filter(|end| *end != e.date) else { continue };
        let width = scale.x_at(end.span_end()) - x;
        if width < MIN_SPAN_WIDTH {
            continue;
        }
        let level = ends.iter().position(|end| *end + 2.0 <= *x).unwrap_or(SPAN_LEVELS - 1);
        ends[level] = ends[level].max(x + width);
        out.push(Span { event: i, x: *x, width, level: level as u8 });
    }
    out
}

/// The spans of `placed` in the overview of `width` px: squeezed as [`clusters`] squeezes the markers, and
/// those of a level that touch there drawn as one bar (its `event` the first's), so the overview draws at
/// most a bar a pixel a level however many events last.
pub fn overview_spans(placed: &Placed, width: f64) -> Vec<Span> {
    let xs = &placed.scale.xs;
    let (Some(first), Some(last)) = (xs.first(), xs.last()) else { return Vec::new() };
    let (padding, usable, span) = squeeze(*first, *last, width);
    let at = |x: f64| padding + (x - first) / span * usable;
    let mut out: Vec<Span> = Vec::new();
    // The bar each level last drew, by its index in `out`.
    let mut open: [Option<usize>; SPAN_LEVELS] = [None; SPAN_LEVELS];
    for s in &placed.spans {
        let (x, end) = (at(s.x), at(s.x + s.width).max(at(s.x) + 2.0));
        let level = usize::from(s.level).min(SPAN_LEVELS - 1);
        match open[level].and_then(|k| out.get_mut(k)) {
            Some(bar) if x <= bar.x + bar.width + 1.0 => bar.width = bar.width.max(end - bar.x),
            _ => {
                open[level] = Some(out.len());
                out.push(Span { x, width: end - x, ..*s });
            }
        }
    }
    out
}

/// The overview's squeeze of the axis from `first` to `last` into `width`: its padding, the width used and
/// the span of the axis it maps.
fn squeeze(first: f64, last: f64, width: f64) -> (f64, f64, f64) {
    let padding = CLUSTER_SPACING / 2.0;
    (padding, (width - 2.0 * padding).max(CLUSTER_SPACING), (last - first).max(1.0))
}

/// Closest two overview clusters may be, centre to centre, in CSS pixels (stylesheet: a `.nl-group` is
/// narrower, centred on its place).
pub const CLUSTER_SPACING: f64 = 80.0;

/// One marker of the overview: the events `first..=last` (in time order), drawn at `x`.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub first: usize,
    pub last: usize,
    pub x: f64,
}

impl Cluster {
    pub fn count(&self) -> usize {
        self.last - self.first + 1
    }

    /// Whether event `index` is in this group.
    pub fn holds(&self, index: usize) -> bool {
        (self.first..=self.last).contains(&index)
    }
}

/// Whether a story needs an overview below zoom 1: its markers, spaced so their flags can be read, take more
/// than one and a half widths, so the reader would have to scroll to see its whole span.
pub fn needs_overview(placed: &Placed, width: f64) -> bool {
    placed.scale.xs.len() > 1 && placed.track_width > width * 1.5
}

/// The overview: the axis of `xs` (marker centres at zoom 1, increasing) squeezed into `width`, and the
/// events grouped so that no two groups are closer than [`CLUSTER_SPACING`]. Each group starts at its
/// first event's place; the axis breaks of the zoom-1 scale stay in, squeezed alike.
pub fn clusters(xs: &[f64], width: f64) -> Vec<Cluster> {
    let (Some(first), Some(last)) = (xs.first(), xs.last()) else { return Vec::new() };
    let (padding, usable, span) = squeeze(*first, *last, width);
    let squeezed = |x: f64| padding + (x - first) / span * usable;
    let mut out: Vec<Cluster> = Vec::new();
    for (i, x) in xs.iter().enumerate() {
        let x = squeezed(*x);
        match out.last_mut() {
            Some(c) if x - c.x < CLUSTER_SPACING => c.last = i,
            _ => out.push(Cluster { first: i, last: i, x }),
        }
    }
    out
}

/// Where the arrow keys go in the overview: the first event of the group after (`forward`) or before the
/// one holding `selected`; `None` at either end.
pub fn group_step(groups: &[Cluster], selected: usize, forward: bool) -> Option<usize> {
    let at = groups.iter().position(|c| c.holds(selected))?;
    let to = if forward { at + 1 } else { at.checked_sub(1)? };
    groups.get(to).map(|c| c.first)
}

/// The markers worth drawing for a view of the axis from `left` to `right` (px): those whose flag (reaching
/// `flag_width` to the right of the marker) meets the view widened by `overscan` on each side. A binary search
/// over the increasing `xs`, so a scroll costs O(log n) however long the story.
pub fn visible_range(xs: &[f64], left: f64, right: f64, flag_width: f64, overscan: f64) -> std::ops::Range<usize> {
    let from = xs.partition_point(|x| *x + flag_width < left - overscan);
    let to = xs.partition_point(|x| *x <= right + overscan);
    from..to.max(from)
}

/// Row (0 = nearest the axis) for each marker at `xs` (increasing), and how many rows are used.
pub fn pack_rows(xs: &[f64], flag_width: f64, gap: f64, max_rows: usize) -> (Vec<u8>, usize) {
    let max_rows = max_rows.clamp(1, 255);
    // Right edge of the last flag in each row.
    let mut ends: Vec<f64> = Vec::with_capacity(max_rows);
    let mut rows = Vec::with_capacity(xs.len());
    for (i, &x) in xs.iter().enumerate() {
        let row = match ends.iter().position(|end| *end + gap <= x) {
            Some(r) => r,
            None if ends.len() < max_rows => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            // No row is free: fall back to a rotation, the least bad choice.
            None => i % max_rows,
        };
        ends[row] = x + flag_width;
        rows.push(row as u8);
    }
    let used = ends.len();
    (rows, used)
}

/// A flag width no wider than `preferred` that `max_rows` rows can always hold at `min_spacing`.
pub fn flag_width_for(preferred: f64, min_spacing: f64, gap: f64, max_rows: usize) -> f64 {
    preferred.min(max_rows as f64 * min_spacing - gap).max((min_spacing - gap).min(preferred))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::Tick;

    #[test]
    fn the_overview_groups_events_without_crowding_and_keeps_every_one() {
        // Ten thousand markers 48 px apart: far too wide for 1,000 px.
        let xs: Vec<f64> = (0..10_000).map(|i| 32.0 + 48.0 * f64::from(i)).collect();
        let cs = clusters(&xs, 1000.0);
        assert!(cs.len() > 5 && cs.len() <= (1000.0 / CLUSTER_SPACING) as usize + 1, "{} clusters", cs.len());
        assert_eq!(cs.first().map(|c| c.first), Some(0));
        assert_eq!(cs.last().map(|c| c.last), Some(9_999));
        assert_eq!(cs.iter().map(Cluster::count).sum::<usize>(), 10_000);
        for w in cs.windows(2) {
            assert_eq!(w[0].last + 1, w[1].first, "contiguous, in time order");
            assert!(w[1].x - w[0].x >= CLUSTER_SPACING, "{w:?}");
        }
        assert!(cs.iter().all(|c| c.x >= 0.0 && c.x <= 1000.0 - CLUSTER_SPACING / 2.0));
        // A cluster of one event is still a cluster; an empty story has none.
        assert_eq!(clusters(&[10.0], 1000.0), vec![Cluster { first: 0, last: 0, x: 40.0 }]);
        assert!(clusters(&[], 1000.0).is_empty());
    }

    #[test]
    fn arrow_keys_step_through_the_overview_a_group_at_a_time() {
        let xs: Vec<f64> = (0..1_000).map(|i| 32.0 + 48.0 * f64::from(i)).collect();
        let cs = clusters(&xs, 1000.0);
        assert_eq!(group_step(&cs, 0, true), Some(cs[1].first));
        assert_eq!(group_step(&cs, cs[1].first + 3, true), Some(cs[2].first));
        assert_eq!(group_step(&cs, cs[1].first + 3, false), Some(0));
        assert_eq!(group_step(&cs, 0, false), None);
        assert_eq!(group_step(&cs, 999, true), None);
    }

    #[test]
    fn only_a_story_wider_than_the_view_needs_an_overview() {
        let story = crate::story::default_story().timeline;
        assert!(!needs_overview(&place_markers(&story, 1100.0, 1.0), 1100.0));
        let long = crate::parse::read_story(&format!(
            r#"{{"title": "T", "events": [{}]}}"#,
            (0..300)
                .map(|i| format!(r#"{{"id": "e{i}", "date": {{"year": {}}}, "headline": "E"}}"#, 1700 + i))
                .collect::<Vec<_>>()
                .join(",")
        ))
        .unwrap()
        .timeline;
        assert!(needs_overview(&place_markers(&long, 1100.0, 1.0), 1100.0));
    }

    #[test]
    fn zooming_in_is_offered_only_where_it_spreads_the_markers() {
        let story = |n: usize, step_days: usize| {
            let events: Vec<String> = (0..n)
                .map(|i| {
                    let day = i * step_days;
                    let date = format!("{}-{:02}-{:02}", 1900 + day / 336, 1 + day / 28 % 12, 1 + day % 28);
                    format!(r#"{{"id": "e{i}", "date": "{date}", "headline": "E"}}"#)
                })
                .collect();
            crate::parse::read_story(&format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(",")))
                .unwrap()
                .timeline
        };
        let stories = [crate::story::default_story().timeline, story(100, 30), story(5, 0), story(10_000, 1)];
        let mut offered = vec![0; stories.len()];
        for (k, t) in stories.iter().enumerate() {
            for width in [700.0, 1100.0] {
                for level in 0..crate::state::MAX_ZOOM_LEVEL {
                    let (here, next) = (f64::from(1u32 << level), f64::from(2u32 << level));
                    let placed = place_markers(t, width, here);
                    let spreads = zoom_spreads(t, &placed, width, next);
                    let changed = placed.scale.xs != place_markers(t, width, next).scale.xs;
                    assert_eq!(spreads, changed, "{} events, {width} px, zoom {here} to {next}", t.events.len());
                    offered[k] += usize::from(spreads);
                }
            }
        }
        // The default story zooms at every level; 100 events a month apart once the view is wide enough for
        // them at the minimum spacing; 10,000 never.
        assert!(offered[0] == 8 && offered[1] > 0 && offered[1] < 8 && offered[3] == 0, "{offered:?}");
    }

    /// The stories of the tick-label sweep: the built-in one, one with eras and groups, 1,000 events a day
    /// apart, and dates either side of year 1 (whose ticks "1 BCE" and "1000" once overlapped).
    fn sweep_stories() -> Vec<(&'static str, Timeline)> {
        let read = |text: &str| crate::parse::read_story(text).unwrap().timeline;
        let bce = read(
            r#"{"title": "T", "events": [
                {"id": "a", "date": "-500", "headline": "A"}, {"id": "b", "date": "-1", "headline": "B"},
                {"id": "c", "date": "1000", "headline": "C"}, {"id": "d", "date": "1500", "headline": "D"},
                {"id": "e", "date": "2007-05-28", "headline": "E"}, {"id": "f", "date": "2007-05-28", "headline": "F"}]}"#,
        );
        vec![
            ("the built-in story", crate::story::default_story().timeline),
            ("eras and groups", read(include_str!("../tests/fixtures/timelinejs-sample.json"))),
            ("1,000 events", grouped_story(1_000, |i| (i % 3 == 0).then(|| format!("g{}", i % 4)))),
            ("years either side of 1 CE", bce),
        ]
    }

    #[test]
    fn tick_labels_never_overlap_nor_cross_the_track_ends_from_320_to_1400_px() {
        for (name, story) in sweep_stories() {
            for width in (0..=27).map(|k| 320.0 + 40.0 * f64::from(k)) {
                let placed = place_markers(&story, width, 1.0);
                let ticks = &placed.scale.ticks;
                assert!(!ticks.is_empty(), "{name} at {width} px: no labels at all");
                let boxes: Vec<(f64, f64)> = ticks.iter().map(Tick::label_box).collect();
                for (t, b) in ticks.iter().zip(&boxes) {
                    assert!(
                        b.0 >= 0.0 && b.1 <= placed.track_width,
                        "{name} at {width} px: \"{}\" at {b:?} crosses an end of the track (0 to {})",
                        t.label,
                        placed.track_width
                    );
                }
                for (w, b) in ticks.windows(2).zip(boxes.windows(2)) {
                    assert!(
                        b[0].1 <= b[1].0,
                        "{name} at {width} px: \"{}\" {:?} and \"{}\" {:?} overlap",
                        w[0].label,
                        b[0],
                        w[1].label,
                        b[1]
                    );
                }
            }
        }
    }

    /// A TimelineJS story as a newsroom writes one: 2024 dates to the day and minute, the groups "Politics"
    /// and "History", two eras, a range with words of its own ("March to July 2024") and one without.
    fn campaign() -> Timeline {
        crate::parse::read_story(
            r#"{"title": {"text": {"headline": "The 2024 campaign"}},
              "eras": [{"start_date": {"year": 2024, "month": 1}, "end_date": {"year": 2024, "month": 6}, "text": {"headline": "Primaries"}},
                       {"start_date": {"year": 2024, "month": 7}, "end_date": {"year": 2024, "month": 11, "day": 5}, "text": {"headline": "General election"}}],
              "events": [
                {"start_date": {"year": 2024, "month": 1, "day": 10}, "text": {"headline": "Filing deadline"}, "group": "Politics"},
                {"start_date": {"year": 2024, "month": 3, "day": 5}, "text": {"headline": "Super Tuesday"}, "group": "Politics"},
                {"start_date": {"year": 2024, "month": 3}, "end_date": {"year": 2024, "month": 7}, "display_date": "March to July 2024",
                 "text": {"headline": "State conventions"}, "group": "History"},
                {"start_date": {"year": 2024, "month": 4, "day": 15, "hour": 19, "minute": 30}, "text": {"headline": "Town hall"}, "group": "Politics"},
                {"start_date": {"year": 2024, "month": 7}, "text": {"headline": "National conventions"}, "group": "History"},
                {"start_date": {"year": 2024, "month": 8, "day": 19}, "end_date": {"year": 2024, "month": 9, "day": 12, "hour": 19},
                 "text": {"headline": "Debate season"}, "group": "History"},
                {"start_date": {"year": 2024, "month": 9, "day": 12, "hour": 19}, "text": {"headline": "Second debate"}, "group": "Politics"},
                {"start_date": {"year": 2024, "month": 11, "day": 5}, "text": {"headline": "Election Day"}}]}"#,
        )
        .unwrap()
        .timeline
    }

    #[test]
    fn every_label_the_strip_draws_is_clear_of_the_others_from_320_to_1400_px() {
        let mut stories = sweep_stories();
        stories.push(("a TimelineJS campaign", campaign()));
        for (name, story) in &stories {
            for width in (0..=27).map(|k| 600.0 + 30.0 * f64::from(k)).chain([644.0, 1400.0]) {
                for zoom in [1.0, 2.0, 4.0] {
                    let placed = place_markers(story, width, zoom);
                    let boxes = placed.label_boxes(story);
                    assert!(boxes.len() >= story.events.len(), "{name}: a box for every flag");
                    if let Some((a, b)) = first_overlap(&boxes) {
                        panic!("{name} at {width} px, zoom {zoom}: {a:?} and {b:?} overlap");
                    }
                    for b in &boxes {
                        assert!(b.left >= 0.0 && b.right <= placed.track_width, "{name} at {width} px: {b:?} is cut");
                    }
                }
            }
        }
    }

    #[test]
    fn the_overlap_rule_sees_what_touches_and_what_does_not() {
        let b =
            |left: f64, right: f64, bottom: f64, top: f64| LabelBox { what: String::new(), left, right, bottom, top };
        assert!(first_overlap(&[b(0.0, 50.0, 0.0, 10.0), b(40.0, 90.0, 5.0, 15.0)]).is_some());
        assert!(first_overlap(&[b(0.0, 50.0, 0.0, 10.0), b(49.5, 90.0, 0.0, 10.0)]).is_none(), "a pixel is allowed");
        assert!(first_overlap(&[b(0.0, 50.0, 0.0, 10.0), b(10.0, 40.0, 20.0, 30.0)]).is_none(), "one above the other");
        // Sorted by their left edges: a wide box is compared with every box that starts inside it.
        assert!(first_overlap(&[b(100.0, 120.0, 0.0, 10.0), b(0.0, 500.0, 5.0, 8.0), b(300.0, 310.0, 50.0, 60.0)])
            .is_some());
    }

    #[test]
    fn lane_labels_have_room_of_their_own_above_the_flags() {
        let story = campaign();
        let placed = place_markers(&story, 644.0, 1.0);
        let labels: Vec<_> = placed.lanes.iter().map(|l| l.label.as_deref()).collect();
        assert_eq!(labels, [Some("Politics"), Some("History"), None]);
        for (i, row) in placed.rows.iter().enumerate() {
            let k = placed.lanes.iter().position(|l| (l.first_row..l.first_row + l.rows).contains(row)).unwrap();
            let (bottom, height) = placed.lane_y(k);
            let top = placed.flag_top(*row);
            assert!(top > bottom && top <= bottom + height - LANE_LABEL_ROOM, "event {i}: flag top {top} in lane {k}");
        }
        // Stacked without gaps, the first lane on top, and the strip as high as they are.
        for k in 1..placed.lanes.len() {
            let (above, below) = (placed.lane_y(k - 1), placed.lane_y(k));
            assert_eq!(below.0 + below.1, above.0, "lane {k} ends where lane {} starts", k - 1);
        }
        assert_eq!(placed.lane_y(0).0 + placed.lane_y(0).1, placed.lanes_height());
        // Without groups there are no labels, and no room is kept for them.
        let plain = place_markers(&crate::story::default_story().timeline, 644.0, 1.0);
        assert_eq!(plain.lanes_height(), plain.rows_used as f64 * ROW_HEIGHT);
        assert_eq!(plain.flag_top(0), ROW_HEIGHT);
    }

    #[test]
    fn events_that_last_are_spans_from_their_marker_to_their_end() {
        let story = campaign();
        let placed = place_markers(&story, 1280.0, 1.0);
        let lasting: Vec<usize> = placed.spans.iter().map(|s| s.event).collect();
        assert_eq!(lasting, [1, 5], "the two events with an end date");
        let conventions = placed.spans[0];
        assert_eq!(conventions.x, placed.scale.xs[1], "from the marker");
        // To the end of July: past the marker of "National conventions" (July 1), before "Debate season".
        let end = conventions.x + conventions.width;
        assert!(end > placed.scale.xs[4] && end < placed.scale.xs[5], "{end} in {:?}", placed.scale.xs);
        assert_eq!(placed.spans[1].level, 0, "the second starts after the first ends");
        // Spans that overlap in time stack.
        let overlapping = crate::parse::read_story(
            r#"{"title": "T", "events": [
                {"id": "a", "date": "2000", "end_date": "2010", "headline": "A"},
                {"id": "b", "date": "2002", "end_date": "2004", "headline": "B"},
                {"id": "c", "date": "2005", "headline": "C"},
                {"id": "d", "date": "2012", "headline": "D"}]}"#,
        )
        .unwrap()
        .timeline;
        let placed = place_markers(&overlapping, 1000.0, 1.0);
        let levels: Vec<_> = placed.spans.iter().map(|s| (s.event, s.level)).collect();
        assert_eq!(levels, [(0, 0), (1, 1)]);
        // The overview squeezes them with the markers, inside its width.
        let squeezed = overview_spans(&placed, 400.0);
        assert_eq!(squeezed.len(), 2);
        for s in &squeezed {
            assert!(s.x >= 0.0 && s.x + s.width <= 400.0 && s.width > 0.0, "{s:?}");
        }
        assert!(squeezed[0].width > squeezed[1].width);
        // Thousands of events that last, squeezed into 1,000 px: bars that touch are drawn as one.
        let mut many = grouped_story(6_000, |_| None);
        for (i, e) in many.events.iter_mut().enumerate() {
            e.end_date = (i % 2 == 0).then(|| many_end(e.date));
        }
        let placed = place_markers(&many, 1000.0, 1.0);
        assert!(placed.spans.len() > 1_000, "{} spans on the axis", placed.spans.len());
        let bars = overview_spans(&placed, 1000.0);
        assert!(!bars.is_empty() && bars.len() <= SPAN_LEVELS * 1000, "{} bars", bars.len());
        for level in 0..SPAN_LEVELS as u8 {
            let row: Vec<&Span> = bars.iter().filter(|b| b.level == level).collect();
            for w in row.windows(2) {
                assert!(w[1].x > w[0].x + w[0].width + 1.0, "bars of a level that touch are one: {w:?}");
            }
        }
    }

    #[test]
    fn a_flag_shows_its_whole_date_on_one_line_or_two_never_cut() {
        let story = campaign();
        // "March to July 2024" is the editor's words: kept, on two lines in a narrow flag.
        let (label, _, two) = flag_date(&story.events[1], 136.0);
        assert_eq!((label.as_str(), two), ("March to July 2024", true));
        assert_eq!(flag_date(&story.events[1], 200.0), ("March to July 2024".to_owned(), None, false));
        // A range without such words is shortened to what fits: never past two lines.
        let (label, _, two) = flag_date(&story.events[5], 136.0);
        assert_eq!((label.as_str(), two), ("Aug. 2024 – Sept. 2024", true));
        let (label, _, two) = flag_date(&story.events[5], 200.0);
        assert_eq!((label.as_str(), two), ("Aug. 19, 2024 – Sept. 12, 2024, 7 PM", true));
        for width in [136.0, 160.0, 200.0] {
            for e in &story.events {
                let (label, _, _) = flag_date(e, width);
                assert!(wrapped_lines(&label, width - FLAG_INSET) <= 2, "{label:?} at {width}");
            }
        }
        assert_eq!(wrapped_lines("March to July 2024", 115.0), 2);
        assert_eq!(wrapped_lines("Sept.", 30.0), usize::MAX, "a word wider than the room");
    }

    #[test]
    fn an_era_label_is_shown_whole_or_not_at_all() {
        let story = campaign();
        for width in [600.0, 644.0, 1000.0, 1400.0] {
            let placed = place_markers(&story, width, 1.0);
            assert!(placed.eras.iter().any(|e| e.label_shown), "at {width} px some era is named");
            for e in placed.eras.iter().filter(|e| e.label_shown) {
                assert!(e.x + 4.0 + small_width(&e.label) <= placed.track_width, "{e:?}");
            }
        }
    }

    #[test]
    fn in_an_article_column_the_built_in_story_gets_its_break_and_two_whole_labels() {
        let story = crate::story::default_story().timeline;
        // 610 px: the content of a widget in a 644 px column (17 px of border and padding a side), where the
        // break is drawn narrower than usual so the other markers keep their spacing.
        for width in [NARROW_BELOW, 610.0, 644.0, 700.0, 760.0] {
            let placed = place_markers(&story, width, 1.0);
            let breaks: Vec<_> = placed.scale.breaks.iter().map(|b| b.label.as_str()).collect();
            assert_eq!(breaks, ["28 years"], "at {width} px");
            let labels: Vec<_> = placed.scale.ticks.iter().map(|t| t.label.as_str()).collect();
            assert_eq!(labels, ["1979", "May 28, 2007"], "at {width} px");
        }
    }

    #[test]
    fn a_label_that_does_not_fit_is_shortened_before_it_is_left_out() {
        // One marker at each end of a narrow track: the day's label is cut down to what fits, never cut off.
        let story = crate::parse::read_story(
            r#"{"title": "T", "events": [{"id": "a", "date": "2019-09-30", "headline": "A"},
                {"id": "b", "date": "2024-03-04T14:05", "headline": "B"}]}"#,
        )
        .unwrap()
        .timeline;
        let placed = place_markers(&story, 320.0, 1.0);
        let labels: Vec<_> = placed.scale.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(!labels.is_empty());
        for t in &placed.scale.ticks {
            let (a, b) = t.label_box();
            assert!(a >= 0.0 && b <= placed.track_width, "{t:?}");
        }
    }

    /// Marker xs, flag width, and the rows and row count expected.
    type RowCase = (&'static [f64], f64, (&'static [u8], usize));

    #[test]
    fn rows_table() {
        let cases: &[RowCase] = &[
            (&[], 100.0, (&[], 0)),
            (&[0.0, 200.0, 400.0], 150.0, (&[0, 0, 0], 1)),
            (&[0.0, 100.0, 200.0, 300.0], 150.0, (&[0, 1, 0, 1], 2)),
            (&[0.0, 50.0, 100.0, 150.0, 200.0], 140.0, (&[0, 1, 2, 0, 1], 3)),
        ];
        for (xs, width, (rows, used)) in cases {
            assert_eq!(pack_rows(xs, *width, 4.0, 3), (rows.to_vec(), *used), "xs {xs:?}");
        }
    }

    #[test]
    fn the_story_fits_without_overlap_from_tablet_to_desktop() {
        let story = crate::story::default_story().timeline;
        for width in [NARROW_BELOW, 768.0, 1024.0, 1280.0, 1920.0] {
            let placed = place_markers(&story, width, 1.0);
            assert!((placed.track_width - width).abs() < 0.5, "no horizontal scroll at {width}px and zoom 1");
            assert!(placed.rows_used <= MAX_ROWS);
            for r in 0..MAX_ROWS {
                let xs: Vec<f64> =
                    placed.scale.xs.iter().zip(&placed.rows).filter(|(_, row)| **row == r).map(|(x, _)| *x).collect();
                for w in xs.windows(2) {
                    assert!(w[0] + placed.flag_width + FLAG_GAP <= w[1] + 1e-9, "overlap at {width}px");
                }
            }
        }
    }

    #[test]
    fn groups_get_lanes_top_down_and_eras_get_bands() {
        let sample =
            crate::parse::read_story(include_str!("../tests/fixtures/timelinejs-sample.json")).unwrap().timeline;
        let placed = place_markers(&sample, 1200.0, 1.0);
        let labels: Vec<_> = placed.lanes.iter().map(|l| l.label.as_deref()).collect();
        assert_eq!(labels, [Some("Life"), Some("Music"), None]);
        // The first lane is the highest; each lane's events sit in its rows.
        assert!(placed.lanes[0].first_row > placed.lanes[1].first_row);
        assert_eq!(placed.lanes[2].first_row, 0);
        for (i, e) in sample.events.iter().enumerate() {
            let lane = &placed.lanes[labels.iter().position(|l| *l == e.group.as_deref()).unwrap()];
            assert!((lane.first_row..lane.first_row + lane.rows).contains(&placed.rows[i]), "{}", e.id);
        }
        assert_eq!(placed.rows_used, placed.lanes.iter().map(|l| l.rows).sum::<usize>());
        let eras: Vec<_> = placed.eras.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(eras, ["Early years", "Career"]);
        assert!(placed.eras[0].x + placed.eras[0].width <= placed.eras[1].x + 1.0, "eras in order, not overlapping");
        assert!(placed.eras[1].width > 50.0);
    }

    /// A date ten days after `d` (a day of a 28-day month, as `grouped_story` writes them).
    fn many_end(d: crate::date::DateSpec) -> crate::date::DateSpec {
        let (month, day) = if d.day > 18 { (d.month % 12 + 1, d.day - 18) } else { (d.month, d.day + 10) };
        let year = if month < d.month { d.year + 1 } else { d.year };
        crate::date::DateSpec { year, month, day, ..d }
    }

    /// A story of `n` events a day apart, event `i` in the group `group(i)`.
    fn grouped_story(n: usize, group: impl Fn(usize) -> Option<String>) -> Timeline {
        let events: Vec<String> = (0..n)
            .map(|i| {
                let group = group(i).map(|g| format!(r#", "group": "{g}""#)).unwrap_or_default();
                let date = format!("{}-{:02}-{:02}", 1900 + i / 336, 1 + i / 28 % 12, 1 + i % 28);
                format!(r#"{{"id": "e{i}", "date": "{date}", "headline": "E"{group}}}"#)
            })
            .collect();
        crate::parse::read_story(&format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","))).unwrap().timeline
    }

    #[test]
    fn thousands_of_groups_lay_out_in_linear_time_in_a_bounded_number_of_lanes() {
        // Each event a group of its own: the old layout searched the list of groups for every event of every
        // lane (n cubed; at 20,000 groups it did not finish), and drew a lane for each.
        let story = grouped_story(20_000, |i| Some(format!("g{i}")));
        let start = std::time::Instant::now();
        let placed = place_markers(&story, 1200.0, 1.0);
        let took = start.elapsed();
        assert!(took.as_secs_f64() < 2.0, "20,000 groups laid out in {took:?}");
        assert_eq!(placed.lanes.len(), MAX_LANES + 1);
        assert_eq!(placed.lanes.last().map(|l| l.label.clone()), Some(None), "later groups share the last lane");
        assert!(placed.rows.iter().all(|r| *r < placed.rows_used));
    }

    #[test]
    fn groups_past_the_lane_limit_join_the_events_without_a_group() {
        let story = grouped_story(40, |i| (i % 5 != 4).then(|| format!("g{}", i % 20)));
        let placed = place_markers(&story, 1200.0, 1.0);
        let labels: Vec<_> = placed.lanes.iter().map(|l| l.label.clone()).collect();
        let mut want: Vec<Option<String>> =
            [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13].iter().map(|g| Some(format!("g{g}"))).collect();
        want.push(None);
        assert_eq!(labels, want);
        let other = placed.lanes.last().unwrap();
        for (i, e) in story.events.iter().enumerate() {
            let lane = e.group.as_deref().and_then(|g| placed.lanes.iter().find(|l| l.label.as_deref() == Some(g)));
            let lane = lane.unwrap_or(other);
            assert!((lane.first_row..lane.first_row + lane.rows).contains(&placed.rows[i]), "{}", e.id);
        }
        // A story of groups only, within the limit, has no "Other" lane.
        let few = place_markers(&grouped_story(30, |i| Some(format!("g{}", i % 3))), 1200.0, 1.0);
        assert!(few.lanes.iter().all(|l| l.label.is_some()) && few.lanes.len() == 3);
    }

    #[test]
    fn visible_range_finds_what_meets_the_view() {
        let xs: Vec<f64> = (0..10_000).map(|i| f64::from(i) * 50.0).collect();
        assert_eq!(visible_range(&xs, 0.0, 1000.0, 100.0, 0.0), 0..21);
        assert_eq!(visible_range(&xs, 5000.0, 6000.0, 100.0, 0.0), 98..121);
        assert_eq!(visible_range(&xs, 5000.0, 6000.0, 100.0, 1000.0), 78..141);
        assert_eq!(visible_range(&xs, 1e9, 2e9, 100.0, 0.0), 10_000..10_000);
        assert_eq!(visible_range(&[], 0.0, 100.0, 10.0, 10.0), 0..0);
    }

    #[test]
    fn flags_are_never_wider_than_preferred() {
        assert_eq!(flag_width_for(200.0, 10_000.0, 8.0, 3), 200.0);
        assert_eq!(flag_width_for(200.0, 48.0, 8.0, 3), 136.0);
    }

    #[test]
    fn flags_never_overlap_at_minimum_spacing() {
        let min = 48.0;
        let width = flag_width_for(200.0, min, 4.0, 3);
        let xs: Vec<f64> = (0..50).map(|i| i as f64 * min).collect();
        let (rows, used) = pack_rows(&xs, width, 4.0, 3);
        assert!(used <= 3);
        for r in 0..3u8 {
            let in_row: Vec<f64> = xs.iter().zip(&rows).filter(|(_, row)| **row == r).map(|(x, _)| *x).collect();
            for w in in_row.windows(2) {
                assert!(w[0] + width + 4.0 <= w[1], "overlap in row {r}: {w:?}");
            }
        }
    }

    /// The declarations of the rule for exactly `selector` in `css`.
    fn rule<'a>(css: &'a str, selector: &str) -> &'a str {
        let open = format!("\n{selector} {{\n");
        let at = css.find(&open).unwrap_or_else(|| panic!("no rule `{selector}` in newsline.css")) + open.len();
        &css[at..at + css[at..].find('}').unwrap()]
    }

    /// The value of `property` in `declarations`, as written (`calc(...)`, `76px`).
    fn value<'a>(declarations: &'a str, property: &str) -> &'a str {
        declarations
            .lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(property)?.strip_prefix(':'))
            .unwrap_or_else(|| panic!("no `{property}` in {declarations}"))
            .trim()
            .trim_end_matches(';')
    }

    /// `value` in pixels: `76px` gives 76.
    fn px(value: &str) -> f64 {
        let number = value.strip_suffix("px").unwrap_or_else(|| panic!("`{value}` is not in px"));
        number.parse().unwrap_or_else(|_| panic!("`{value}` is not a number of px"))
    }

    #[test]
    fn the_stylesheet_agrees_with_the_layout() {
        let css = include_str!("../www/newsline.css");
        let root = rule(css, ".newsline");
        // A flag row: the layout stacks markers `ROW_HEIGHT` apart (`data-h`, the lanes' `data-y`), the
        // stylesheet sizes the marker items and their flags from the same variable.
        assert_eq!(px(value(root, "--nl-row-height")), ROW_HEIGHT);
        // The axis under the flags: rows start this far up in the layout; the stylesheet puts the axis line,
        // the ticks and the bottom of every marker item there.
        assert_eq!(px(value(root, "--nl-axis-height")), AXIS_HEIGHT);
        for (selector, property) in [
            (".newsline .nl-marker-item", "bottom"),
            (".newsline .nl-group-item", "bottom"),
            (".newsline .nl-axis-line", "bottom"),
            (".newsline .nl-tick", "height"),
        ] {
            assert_eq!(value(rule(css, selector), property), "var(--nl-axis-height)", "{selector} {property}");
        }
        assert_eq!(value(rule(css, ".newsline .nl-marker-item"), "height"), "var(--nl-row-height)");
        // The strip's height before its `data-h` applies is the layout's for one row without eras.
        assert_eq!(
            value(rule(css, ".newsline .nl-track"), "height"),
            format!("calc(var(--nl-axis-height) + var(--nl-row-height) + {TRACK_HEADROOM}px)")
        );
        // A flag is `data-w` wide (the layout's flag width); until that applies, the widest it gets.
        assert_eq!(px(value(rule(css, ".newsline .nl-marker"), "width")), PREFERRED_FLAG_WIDTH);
        // An overview group is centred on its place (the layout's `x`) and narrower than the spacing the
        // layout keeps between groups, so two never touch; the first, half the spacing from the edge, fits.
        let group = rule(css, ".newsline .nl-group");
        let width = px(value(group, "width"));
        assert_eq!(px(value(group, "left")), -width / 2.0, "centred");
        assert!(width < CLUSTER_SPACING, "{width} px groups {CLUSTER_SPACING} px apart");
        // Tick labels: the scale estimates their boxes for 0.8rem type (`LABEL_CHAR_WIDTH`) and a calendar
        // tick's label starting `TICK_LABEL_OFFSET` after its line (to its right, or left right to left).
        assert_eq!(value(rule(css, ".newsline .nl-tick"), "font-size"), "0.8rem");
        assert_eq!(
            px(value(rule(css, ".newsline .nl-tick-label"), "inset-inline-start")),
            crate::scale::TICK_LABEL_OFFSET
        );
        // The boxes the overlap rule checks (`Placed::label_boxes`): a flag's height, where tick labels start.
        assert_eq!(
            value(rule(css, ".newsline .nl-marker"), "height"),
            format!("calc(var(--nl-row-height) - {}px)", ROW_HEIGHT - FLAG_HEIGHT)
        );
        assert_eq!(px(value(rule(css, ".newsline .nl-tick-label"), "top")), TICK_LABEL_TOP);
        // Not mirrored: FLAG_GAP (the flags are exactly `data-w` wide), NARROW_BELOW (the widget, not a media
        // query, chooses the list: the stylesheet keys on `nl-narrow`).
    }
}
