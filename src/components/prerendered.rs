//! The whole story as HTML for reading without the widget's code (`newsline render`): the title, the summary,
//! every event's card in reading order and the credits, drawn by the widget's own components (the cards and
//! statements the interactive widget shows), so the two cannot drift apart.

use yew::prelude::*;

use super::card::EventCard;
use super::Shared;
use crate::dates::Dates;
use crate::model::Timeline;
use crate::options::HeadingLevel;

#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub timeline: Shared<Timeline>,
    /// The prefix of every id in the markup, unique to this story on a page.
    pub uid: AttrValue,
    pub heading_level: HeadingLevel,
    /// `light`, `dark` or `auto`, as the widget that takes over will have it.
    pub theme: AttrValue,
    /// How the reader's dates are written: as the widget that takes over will write them.
    #[prop_or_default]
    pub dates: Dates,
}

#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    let timeline = &props.timeline;
    let uid = props.uid.to_string();
    let title_id = format!("{uid}-title");
    let level = props.heading_level;
    html! {
        <section class="newsline nl-prerendered" aria-labelledby={title_id.clone()} data-theme={props.theme.clone()}>
            { super::story_header(timeline, level, title_id.clone(), NodeRef::default(), false) }
            <ol class="nl-reading">
                for index in 0..timeline.events.len() {
                    <li class="nl-reading-event">
                        <EventCard
                            uid={uid.clone()}
                            timeline={timeline.clone()}
                            {index}
                            expanded={crate::state::IdSet::default()}
                            heading_level={level}
                            dispatch={Callback::noop()}
                            prerendered=true
                            dates={props.dates.clone()}
                        />
                    </li>
                }
            </ol>
            { super::credits(timeline, &props.dates) }
        </section>
    }
}
