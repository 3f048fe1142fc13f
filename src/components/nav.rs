//! The horizontal axis: markers with their flags, ticks and axis breaks, in a strip that scrolls sideways
//! when zoomed in. One tab stop: the selected marker (roving tabindex); arrow keys move along.
//!
//! Only what is in view (and a screen's width either side) is drawn: a story of 50,000 events puts a few
//! dozen markers in the DOM. Each drawn marker says its place in the whole (`aria-posinset`/`aria-setsize`),
//! and the selected one is always drawn, so focus always has somewhere to go.

use super::{marker_id, Shared};

use std::rc::Rc;

use yew::prelude::*;

use crate::frame::{group_years_in, Frame, MIN_OVERVIEW_WIDTH};
use crate::hooks::{scrolled_from_start, use_positions};
use crate::layout::{
    flag_date_in, overview_spans, visible_range, Cluster, Span, AXIS_HEIGHT, ERA_HEADROOM, OVERVIEW_HEADROOM,
    ROW_HEIGHT, TRACK_HEADROOM,
};
use crate::model::Timeline;
use crate::words::{Counted, Locale, Word};

#[derive(Properties, PartialEq)]
pub struct HorizontalNavProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    pub locale: Rc<Locale>,
    pub uid: String,
    pub timeline: Shared<Timeline>,
    pub selected: usize,
    /// What to draw: the placed markers, or the overview's groups when it shows, and the widths.
    pub frame: Shared<Frame>,
    pub on_select: Callback<usize>,
    /// A group of the overview was chosen: open its first event.
    #[prop_or_default]
    pub on_open_group: Callback<usize>,
}

/// Scroll positions are tracked in steps this wide: finer scrolling does not re-render.
const SCROLL_STEP: i32 = 128;

/// Whole pixels are plenty for positions, and keep the attributes short.
fn px(x: f64) -> String {
    (x.round() as i64).to_string()
}

#[component]
pub fn HorizontalNav(props: &HorizontalNavProps) -> Html {
    let locale = &props.locale;
    let track = use_node_ref();
    use_positions(track.clone(), true);
    let scrolled = use_state_eq(|| 0i32);
    let onscroll = {
        let scrolled = scrolled.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(nav) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                scrolled.set(scrolled_from_start(&nav) / SCROLL_STEP);
            }
        })
    };
    if props.frame.overview {
        return overview(props, track, locale);
    }
    let placed = &props.frame.placed;
    let uid = &props.uid;
    let left = f64::from(*scrolled * SCROLL_STEP);
    let view = props.frame.view_width.max(MIN_OVERVIEW_WIDTH);
    let range = visible_range(&placed.scale.xs, left, left + view + f64::from(SCROLL_STEP), placed.flag_width, view);
    let mut drawn: Vec<usize> = range.clone().collect();
    if !range.contains(&props.selected) && props.selected < placed.scale.xs.len() {
        // Before or after the visible run, so the list stays in order.
        let at = if props.selected < range.start { 0 } else { drawn.len() };
        drawn.insert(at, props.selected);
    }
    let (tick_from, tick_to) = (left - view, left + 2.0 * view + f64::from(SCROLL_STEP));
    let total = props.timeline.events.len();
    let lang = super::text_lang(locale);
    html! {
        <div class="nl-nav" {onscroll}>
            <div
                ref={track}
                class="nl-track"
                data-w={px(placed.track_width)}
                data-h={px(AXIS_HEIGHT + placed.lanes_height() + if placed.eras.is_empty() { TRACK_HEADROOM } else { ERA_HEADROOM })}
            >
                if placed.lanes.iter().any(|l| l.label.is_some()) {
                    for (lane, (bottom, height)) in placed.lanes.iter().enumerate().map(|(k, l)| (l, placed.lane_y(k))) {
                        <div class="nl-lane" data-y={px(AXIS_HEIGHT + bottom)} data-h={px(height)}>
                            <span class="nl-lane-label">{ lane.label.as_deref().unwrap_or(locale.word(Word::OtherLane)).to_owned() }</span>
                        </div>
                    }
                }
                if !placed.eras.is_empty() {
                    <ul class="nl-eras" aria-label={locale.word(Word::Eras)}>
                        for era in placed.eras.iter() {
                            <li class="nl-era" data-x={px(era.x)} data-w={px(era.width)}>
                                <span class={classes!("nl-era-label", (!era.label_shown).then_some("nl-visually-hidden"))}>{ &era.label }</span>
                            </li>
                        }
                    </ul>
                }
                <div class="nl-axis" aria-hidden="true">
                    for tick in placed.scale.ticks.iter().filter(|t| t.span.map_or(t.x, |(_, b)| b) >= tick_from && t.x <= tick_to) {
                        <span
                            class={classes!("nl-tick", tick.span.is_some().then_some("nl-tick-span"), tick.point.then_some("nl-tick-point"))}
                            data-x={px(tick.span.map_or(tick.x, |(a, _)| a))}
                            data-w={tick.span.map(|(a, b)| px(b - a))}
                        >
                            <span class="nl-tick-label">{ &tick.label }</span>
                        </span>
                    }
                    for b in placed.scale.breaks.iter() {
                        <span class="nl-break" data-x={px(b.x)}>
                            <span class="nl-break-label">{ &b.label }</span>
                        </span>
                    }
                </div>
                { spans(&placed.spans.iter().filter(|s| s.x + s.width >= tick_from && s.x <= tick_to).copied().collect::<Vec<_>>()) }
                <ol class="nl-markers" aria-label={locale.word(Word::Events)}>
                    for (i, event, (day, time, tall)) in drawn.iter().filter_map(|i| props.timeline.events.get(*i).map(|e| (*i, e, flag_date_in(e, placed.flag_width, &props.frame.dates)))) {
                        <li
                            key={event.id.clone()}
                            class="nl-marker-item"
                            aria-posinset={(i + 1).to_string()}
                            aria-setsize={total.to_string()}
                            data-x={px(placed.scale.xs.get(i).copied().unwrap_or(0.0))}
                            data-h={px(placed.flag_top(placed.rows.get(i).copied().unwrap_or(0)))}
                        >
                            <button
                                type="button"
                                id={marker_id(uid, i)}
                                class={classes!("nl-marker", (i == props.selected).then_some("nl-selected"), tall.then_some("nl-marker-tall-date"))}
                                tabindex={if i == props.selected { "0" } else { "-1" }}
                                aria-current={(i == props.selected).then_some("true")}
                                aria-controls={format!("{uid}-card")}
                                data-w={px(placed.flag_width)}
                                data-event-id={event.id.clone()}
                                onclick={props.on_select.reform(move |_| i)}
                            >
                                <span class="nl-marker-date">{ day }</span>
                                // A time of day leads the headline: the flag is too narrow for date and time.
                                <span class="nl-marker-headline" lang={lang.clone()}>
                                    if let Some(time) = time {
                                        <span class="nl-marker-time">{ time }</span>{ " " }
                                    }
                                    { &event.headline }
                                </span>
                            </button>
                        </li>
                    }
                </ol>
                <div class="nl-axis-line" aria-hidden="true"></div>
            </div>
        </div>
    }
}

/// The overview: the story's whole span in the width, its events in groups, each a button with its count and
/// years that opens the group's first event on the axis. The group holding the open event is marked, and is
/// the one tab stop.
fn overview(props: &HorizontalNavProps, track: NodeRef, locale: &Locale) -> Html {
    let view = props.frame.layout_width.max(MIN_OVERVIEW_WIDTH);
    let groups = &props.frame.groups;
    let events = &props.timeline.events;
    let years = |c: &Cluster| group_years_in(&props.timeline, c, &props.frame.dates);
    // The visible count and years are the button's name (label in name), with words around them for
    // screen readers: "748 events, 1980–1982"; a group of one also names its event (`frame::group_name`).
    // The count's words are the language's phrase for it, around its number.
    let comma = locale.word(Word::Comma);
    let words = |c: &Cluster| match locale.around(Counted::Events, c.count()) {
        (before, Some(after)) => (before, after),
        (spelled, None) => ("", spelled),
    };
    let single = |c: &Cluster| (c.count() == 1).then(|| format!(": {}", events[c.first].headline));
    html! {
        <div class="nl-nav nl-overview">
            <div ref={track} class="nl-track" data-w={px(view)} data-h={px(AXIS_HEIGHT + ROW_HEIGHT + OVERVIEW_HEADROOM)}>
                <ol class="nl-groups" aria-label={locale.word(Word::Overview)}>
                    for (c, open, (before, after)) in groups.iter().map(|c| (c, c.holds(props.selected), words(c))) {
                        <li key={c.first} class="nl-group-item" data-x={px(c.x)}>
                            <button
                                type="button"
                                // The group holding the open event takes its marker's id, so focus follows
                                // the selection here as it does on the axis.
                                id={if open {
                                    marker_id(&props.uid, props.selected)
                                } else {
                                    format!("{}-g-{}", props.uid, c.first)
                                }}
                                class={classes!("nl-group", open.then_some("nl-selected"))}
                                tabindex={if open { "0" } else { "-1" }}
                                aria-current={open.then_some("true")}
                                onclick={props.on_open_group.reform({ let first = c.first; move |_| first })}
                            >
                                if !before.is_empty() {
                                    <span class="nl-visually-hidden">{ before }</span>
                                }
                                <span class="nl-group-count">{ locale.number(c.count()) }</span>
                                <span class="nl-visually-hidden">{ after }{ comma }{ " " }</span>
                                <span class="nl-group-years">{ years(c) }</span>
                                if let Some(headline) = single(c) {
                                    <span class="nl-visually-hidden">{ headline }</span>
                                }
                            </button>
                        </li>
                    }
                </ol>
                { spans(&overview_spans(&props.frame.placed, view)) }
                <div class="nl-axis-line" aria-hidden="true"></div>
            </div>
        </div>
    }
}

/// The events that last, as bars along the axis: decoration only, hidden from assistive technology (each
/// event's marker, with its dates, stays the control).
fn spans(spans: &[Span]) -> Html {
    if spans.is_empty() {
        return html! {};
    }
    html! {
        <div class="nl-spans" aria-hidden="true">
            for s in spans.iter() {
                <span class="nl-span" data-x={px(s.x)} data-w={px(s.width)} data-y={px(AXIS_HEIGHT + 2.0 + 6.0 * f64::from(s.level))}></span>
            }
        </div>
    }
}
