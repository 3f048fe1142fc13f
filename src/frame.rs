//! The frame: what the widget shows for a story, the reader's state and the width the widget has, decided
//! once, here. The views draw it; [`crate::state::ViewState::apply`] obeys it, so a button, a key, the JS
//! API and the prerenderer all mean the same thing by a press:
//! - narrow (a vertical list) or wide (the axis), and the width the layout is computed at;
//! - the placed markers, and the overview's groups when the overview shows;
//! - whether zoom in and zoom out would change anything (a control that would not is not offered, and a
//!   press on it is ignored);
//! - where Next and Previous go in the current view (one event on the axis, one group in the overview);
//! - where the marker strip scrolls to show the open event.

use crate::dates::Dates;
use crate::layout::{
    clusters, group_step, needs_overview, place_markers_in, zoom_spreads, Cluster, Placed, NARROW_BELOW,
};
use crate::model::Timeline;
use crate::state::{ViewState, MAX_ZOOM_LEVEL};
use crate::words::{Counted, Locale, Word};

/// The width assumed before the widget has been measured (and for the prerendered page, which has no width).
pub const DEFAULT_WIDTH: f64 = 960.0;

/// The width the narrow list's layout is computed at: the list uses it only for its breaks ("28 years
/// later"), which should be those a desktop reader sees.
pub const LIST_LAYOUT_WIDTH: f64 = 1000.0;

/// The overview never squeezes its groups into less than this.
pub const MIN_OVERVIEW_WIDTH: f64 = 320.0;

/// What to draw, and what a press does, for one story, state and width.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// A vertical list (under [`NARROW_BELOW`]) instead of the axis.
    pub narrow: bool,
    /// The width the layout was computed at.
    pub layout_width: f64,
    /// The visible width of the marker strip.
    pub view_width: f64,
    pub placed: Placed,
    /// The overview shows: the state asked for it and the story is too long for the width.
    pub overview: bool,
    /// The overview's groups; empty when it does not show.
    pub groups: Vec<Cluster>,
    /// The story is too long for the width at zoom 1: zooming out from there opens the overview.
    pub too_long: bool,
    /// A press on zoom in changes what the reader sees.
    pub zoom_in: bool,
    /// A press on zoom out changes what the reader sees.
    pub zoom_out: bool,
    /// How the reader's dates are written: the axis's labels were, and the views write theirs so.
    pub dates: Dates,
}

impl Frame {
    /// The frame of `timeline` in `view`, in a widget `measured` px wide (`None`: not measured yet).
    pub fn new(timeline: &Timeline, view: &ViewState, measured: Option<f64>) -> Frame {
        Frame::new_in(timeline, view, measured, &Dates::default())
    }

    /// [`Frame::new`] with the dates written as `dates` writes them.
    pub fn new_in(timeline: &Timeline, view: &ViewState, measured: Option<f64>, dates: &Dates) -> Frame {
        let narrow = measured.is_some_and(|w| w < NARROW_BELOW);
        let view_width = measured.filter(|w| w.is_finite() && *w > 0.0).unwrap_or(DEFAULT_WIDTH);
        let layout_width = if narrow { LIST_LAYOUT_WIDTH } else { view_width };
        let placed = place_markers_in(timeline, layout_width, view.zoom(), dates);
        let too_long = !narrow && needs_overview(&placed, layout_width);
        let overview = too_long && view.overview;
        let groups =
            if overview { clusters(&placed.scale.xs, layout_width.max(MIN_OVERVIEW_WIDTH)) } else { Vec::new() };
        let zoom_in = !narrow
            && (overview
                || (view.zoom_level < MAX_ZOOM_LEVEL
                    && zoom_spreads(timeline, &placed, layout_width, f64::from(2u32 << view.zoom_level))));
        let zoom_out = !narrow && !overview && (view.zoom_level > 0 || too_long);
        Frame {
            narrow,
            layout_width,
            view_width,
            placed,
            overview,
            groups,
            too_long,
            zoom_in,
            zoom_out,
            dates: dates.clone(),
        }
    }

    /// Where Next (`forward`) or Previous goes from `selected` in this view: the next event on the axis and
    /// in the list, the first event of the next group in the overview; `None` at either end.
    pub fn step(&self, selected: usize, forward: bool) -> Option<usize> {
        if self.overview {
            return group_step(&self.groups, selected, forward);
        }
        let count = self.placed.scale.xs.len();
        let to = if forward { selected.checked_add(1)? } else { selected.checked_sub(1)? };
        (to < count).then_some(to)
    }

    /// The overview group holding event `selected`, when the overview shows.
    pub fn group_of(&self, selected: usize) -> Option<&Cluster> {
        self.groups.iter().find(|c| c.holds(selected))
    }

    /// Where the marker strip scrolls so that the flag of event `selected` is in the middle of the view;
    /// `None` where there is no strip to scroll (the list, the overview).
    pub fn scroll_target(&self, selected: usize) -> Option<f64> {
        if self.narrow || self.overview {
            return None;
        }
        let x = self.placed.scale.xs.get(selected).copied()?;
        let max = (self.placed.track_width - self.view_width).max(0.0);
        // Not f64::clamp, whose check of its bounds formats floats (kilobytes of wasm; clippy.toml refuses it).
        Some((x + self.placed.flag_width / 2.0 - self.view_width / 2.0).max(0.0).min(max))
    }
}

/// The strip's `scrollLeft` for a scroll of `from_start` pixels from where its time starts, and back (the
/// conversion is its own inverse): left to right they are the same; right to left the start is the right
/// edge, where `scrollLeft` is 0, and it goes negative towards the left (CSSOM View, in every current engine).
pub fn scroll_left(from_start: i32, rtl: bool) -> i32 {
    if rtl {
        from_start.saturating_neg()
    } else {
        from_start
    }
}

/// The years a group of the overview spans, as its button shows them: "1980–1982", or "1980".
pub fn group_years(timeline: &Timeline, group: &Cluster) -> String {
    group_years_in(timeline, group, &Dates::default())
}

/// [`group_years`] in the reader's calendar and digits: "۱۳۵۸–۱۳۶۱".
pub fn group_years_in(timeline: &Timeline, group: &Cluster, dates: &Dates) -> String {
    let date = |i: usize| timeline.events.get(i).map(|e| e.date);
    match (date(group.first), date(group.last)) {
        (Some(first), Some(last)) => dates.years(&first, &last),
        _ => String::new(),
    }
}

/// A group's name, as its button's text reads to a screen reader and as the live region says it: "748
/// events, 1980–1982"; a group of one adds its event's headline ("1 event, 1990: The wall falls").
pub fn group_name(timeline: &Timeline, group: &Cluster, locale: &Locale, dates: &Dates) -> String {
    let count = group.count();
    let words = locale.counted(Counted::Events, count);
    let mut name = format!("{words}{} {}", locale.word(Word::Comma), group_years_in(timeline, group, dates));
    if count == 1 {
        if let Some(e) = timeline.events.get(group.first) {
            name.push_str(": ");
            name.push_str(&e.headline);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read_story;
    use crate::story::default_story;

    fn long_story(n: usize) -> Timeline {
        let events: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "e{i}", "date": "{}-01-01", "headline": "Event {i}"}}"#, 1900 + i))
            .collect();
        read_story(&format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","))).expect("valid").timeline
    }

    #[test]
    fn the_width_decides_list_or_axis() {
        let t = default_story().timeline;
        let v = ViewState::new(&t, None);
        let table = [(None, false, DEFAULT_WIDTH), (Some(599.0), true, LIST_LAYOUT_WIDTH), (Some(600.0), false, 600.0)];
        for (measured, narrow, layout) in table {
            let f = Frame::new(&t, &v, measured);
            assert_eq!((f.narrow, f.layout_width), (narrow, layout), "at {measured:?}");
        }
    }

    #[test]
    fn zoom_is_offered_only_where_it_changes_something() {
        let t = default_story().timeline;
        let v = ViewState::new(&t, None);
        // The built-in story fits at 1200 px: no overview, so nothing to zoom out to at zoom 1.
        let f = Frame::new(&t, &v, Some(1200.0));
        assert!(!f.too_long && !f.zoom_out && f.zoom_in, "{f:?}");
        // Narrow: the list has no zoom at all.
        let f = Frame::new(&t, &v, Some(360.0));
        assert!(!f.zoom_in && !f.zoom_out);
        // A story too long for the width zooms out to the overview, and from there back in.
        let long = long_story(120);
        let v = ViewState::new(&long, None);
        let f = Frame::new(&long, &v, Some(800.0));
        assert!(f.too_long && f.zoom_out && !f.overview, "{:?}", (f.too_long, f.zoom_out));
        let v = ViewState { overview: true, ..v };
        let f = Frame::new(&long, &v, Some(800.0));
        assert!(f.overview && f.zoom_in && !f.zoom_out && !f.groups.is_empty());
        // The same state on a wide screen where the story fits shows no overview.
        let f = Frame::new(&long, &v, Some(100_000.0));
        assert!(!f.overview && f.groups.is_empty());
    }

    #[test]
    fn next_means_the_next_thing_in_view() {
        let long = long_story(120);
        let axis = Frame::new(&long, &ViewState::new(&long, None), Some(800.0));
        assert_eq!((axis.step(0, true), axis.step(0, false), axis.step(119, true)), (Some(1), None, None));
        let overview = Frame::new(&long, &ViewState { overview: true, ..ViewState::new(&long, None) }, Some(800.0));
        let second = overview.groups[1].first;
        assert!(second > 1, "groups hold several events");
        assert_eq!(overview.step(0, true), Some(second));
        assert_eq!(overview.step(second, false), Some(0));
    }

    #[test]
    fn a_group_is_named_by_its_count_and_years() {
        let long = long_story(120);
        let one = |first, last| Cluster { first, last, x: 0.0 };
        let en = Locale::default();
        assert_eq!(group_name(&long, &one(0, 9), &en, &Dates::default()), "10 events, 1900–1909");
        assert_eq!(group_name(&long, &one(3, 3), &en, &Dates::default()), "1 event, 1903: Event 3");
        assert!(
            group_name(&long, &one(0, 9), &Locale::new("fa"), &Dates::default()).starts_with("۱۰ رویداد، "),
            "the reader's words"
        );
        assert_eq!(group_years(&long, &one(5, 5)), "1905");
        let overview = Frame::new(&long, &ViewState { overview: true, ..ViewState::new(&long, None) }, Some(800.0));
        let second = &overview.groups[1];
        assert_eq!(overview.group_of(second.first + 1), Some(second));
        assert_eq!(Frame::new(&long, &ViewState::new(&long, None), Some(800.0)).group_of(0), None);
    }

    #[test]
    fn the_strip_scrolls_to_centre_the_open_flag_within_the_track() {
        let long = long_story(120);
        let f = Frame::new(&long, &ViewState::new(&long, None), Some(800.0));
        assert_eq!(f.scroll_target(0), Some(0.0), "the first event is in view at the start");
        let middle = f.scroll_target(60).expect("a strip to scroll");
        let x = f.placed.scale.xs[60];
        assert!((middle + 400.0 - (x + f.placed.flag_width / 2.0)).abs() < 1e-9, "centred: {middle} for {x}");
        let end = f.scroll_target(119).expect("a strip to scroll");
        assert!(end <= f.placed.track_width - 800.0, "never past the end of the track");
        let list = Frame::new(&long, &ViewState::new(&long, None), Some(360.0));
        assert_eq!(list.scroll_target(60), None);
    }

    /// Right to left the strip starts at its right edge (`scrollLeft` 0) and scrolls into negative values.
    #[test]
    fn scroll_positions_from_the_start_of_time_in_both_directions() {
        // (from the start, scrollLeft left to right, scrollLeft right to left)
        for (from_start, ltr, rtl) in [(0, 0, 0), (128, 128, -128), (3_000, 3_000, -3_000)] {
            assert_eq!(scroll_left(from_start, false), ltr);
            assert_eq!(scroll_left(from_start, true), rtl);
            // And back: what the browser reports is a distance from the start again.
            assert_eq!(scroll_left(rtl, true), from_start);
            assert_eq!(scroll_left(ltr, false), from_start);
        }
        assert_eq!(scroll_left(i32::MIN, true), i32::MAX, "no overflow on a wild value");
    }
}
