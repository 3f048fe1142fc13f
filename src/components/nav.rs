//! The horizontal axis: markers with their flags, ticks and axis breaks, in a strip that scrolls sideways
//! when zoomed in. One tab stop: the selected marker (roving tabindex); arrow keys move along.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_positions;
use crate::layout::{Placed, AXIS_HEIGHT, ROW_HEIGHT};
use crate::model::Timeline;

#[derive(Properties, PartialEq)]
pub struct HorizontalNavProps {
    pub uid: String,
    pub timeline: Rc<Timeline>,
    pub selected: usize,
    pub placed: Rc<Placed>,
    pub on_select: Callback<usize>,
}

/// Whole pixels are plenty for positions, and keep the attributes short.
fn px(x: f64) -> String {
    format!("{}", x.round())
}

#[component]
pub fn HorizontalNav(props: &HorizontalNavProps) -> Html {
    let track = use_node_ref();
    use_positions(track.clone());
    let placed = &props.placed;
    let uid = &props.uid;
    html! {
        <div class="nl-nav">
            <div
                ref={track}
                class="nl-track"
                data-w={px(placed.track_width)}
                data-h={px(AXIS_HEIGHT + placed.rows_used.max(1) as f64 * ROW_HEIGHT + if placed.eras.is_empty() { 16.0 } else { 36.0 })}
            >
                if placed.lanes.iter().any(|l| l.label.is_some()) {
                    for lane in placed.lanes.iter() {
                        <div
                            class="nl-lane"
                            data-y={px(AXIS_HEIGHT + lane.first_row as f64 * ROW_HEIGHT)}
                            data-h={px(lane.rows as f64 * ROW_HEIGHT)}
                        >
                            <span class="nl-lane-label">{ lane.label.clone().unwrap_or_else(|| "Other".to_owned()) }</span>
                        </div>
                    }
                }
                if !placed.eras.is_empty() {
                    <ul class="nl-eras" aria-label="Eras">
                        for era in placed.eras.iter() {
                            <li class="nl-era" data-x={px(era.x)} data-w={px(era.width)}>
                                <span class="nl-era-label">{ &era.label }</span>
                            </li>
                        }
                    </ul>
                }
                <div class="nl-axis" aria-hidden="true">
                    for tick in placed.scale.ticks.iter() {
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
                <ol class="nl-markers" aria-label="Events">
                    for (i, event) in props.timeline.events.iter().enumerate() {
                        <li
                            key={event.id.clone()}
                            class="nl-marker-item"
                            data-x={px(placed.scale.xs.get(i).copied().unwrap_or(0.0))}
                            data-h={px((placed.rows.get(i).copied().unwrap_or(0) + 1) as f64 * ROW_HEIGHT)}
                        >
                            <button
                                type="button"
                                id={format!("{uid}-m-{i}")}
                                class={classes!("nl-marker", (i == props.selected).then_some("nl-selected"))}
                                tabindex={if i == props.selected { "0" } else { "-1" }}
                                aria-current={(i == props.selected).then_some("true")}
                                aria-controls={format!("{uid}-card")}
                                data-w={px(placed.flag_width)}
                                data-event-id={event.id.clone()}
                                onclick={props.on_select.reform(move |_| i)}
                            >
                                <span class="nl-marker-date">{ event.date_label(false) }</span>
                                <span class="nl-marker-headline">{ &event.headline }</span>
                            </button>
                        </li>
                    }
                </ol>
                <div class="nl-axis-line" aria-hidden="true"></div>
            </div>
        </div>
    }
}
