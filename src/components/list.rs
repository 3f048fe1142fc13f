//! The narrow-screen view: events as a vertical list, the open event's card inside its item, and a line
//! wherever the axis would have a break ("27 years later").

use super::Shared;

use yew::prelude::*;

use crate::model::Timeline;

#[derive(Properties, PartialEq)]
pub struct VerticalListProps {
    pub uid: String,
    pub timeline: Shared<Timeline>,
    pub selected: usize,
    /// `(before, label)`: a long gap after event `before`.
    pub breaks: Vec<(usize, String)>,
    pub on_select: Callback<usize>,
    /// The open event's card, shown under its item.
    pub card: Html,
}

#[component]
pub fn VerticalList(props: &VerticalListProps) -> Html {
    let uid = &props.uid;
    html! {
        <ol class="nl-list" aria-label="Events">
            for (i, event) in props.timeline.events.iter().enumerate() {
                <li key={event.id.clone()} class={classes!("nl-item", (i == props.selected).then_some("nl-selected"))}>
                    if let Some((_, label)) = props.breaks.iter().find(|(before, _)| before + 1 == i) {
                        <p class="nl-gap">{ format!("{label} later") }</p>
                    }
                    <button
                        type="button"
                        id={format!("{uid}-m-{i}")}
                        class="nl-item-button"
                        tabindex={if i == props.selected { "0" } else { "-1" }}
                        aria-current={(i == props.selected).then_some("true")}
                        aria-expanded={if i == props.selected { "true" } else { "false" }}
                        aria-controls={(i == props.selected).then(|| format!("{uid}-card"))}
                        data-event-id={event.id.clone()}
                        onclick={props.on_select.reform(move |_| i)}
                    >
                        <span class="nl-marker-date">{ event.date_label(false) }</span>
                        <span class="nl-marker-headline">{ &event.headline }</span>
                    </button>
                    if i == props.selected {
                        { props.card.clone() }
                    }
                </li>
            }
        </ol>
    }
}
