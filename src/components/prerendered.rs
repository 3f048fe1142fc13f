//! The whole story as HTML for reading without the widget's code (`newsline render`): the title, the summary,
//! every event's card in reading order and the credits, drawn by the widget's own components (the cards and
//! statements the interactive widget shows), so the two cannot drift apart.

use std::rc::Rc;

use yew::prelude::*;

use super::card::EventCard;
use super::Shared;
use crate::model::Timeline;
use crate::options::HeadingLevel;
use crate::words::Wanted;

#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub timeline: Shared<Timeline>,
    /// The prefix of every id in the markup, unique to this story on a page.
    pub uid: AttrValue,
    pub heading_level: HeadingLevel,
    /// `light`, `dark` or `auto`, as the widget that takes over will have it.
    pub theme: AttrValue,
    /// The language the page asks for (`newsline render --lang` and the rest), as the widget's options.
    #[prop_or_default]
    pub language: Wanted,
}

#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    let timeline = &props.timeline;
    let uid = props.uid.to_string();
    let title_id = format!("{uid}-title");
    let level = props.heading_level;
    // The reader's language, as the widget that takes over chooses it from the same options.
    let locale = Rc::new(props.language.locale(timeline.lang.as_deref()));
    // Its dates as the widget will write them: in its calendar and digits.
    let dates = crate::intl::dates(&locale);
    html! {
        <section class="newsline nl-prerendered" lang={locale.tag().to_owned()} dir={locale.dir()} aria-labelledby={title_id.clone()} data-theme={props.theme.clone()}>
            { super::story_header(timeline, level, title_id.clone(), NodeRef::default(), false, &locale, &dates) }
            <ol class="nl-reading">
                for index in 0..timeline.events.len() {
                    <li class="nl-reading-event">
                        <EventCard
                            locale={locale.clone()}
                            uid={uid.clone()}
                            timeline={timeline.clone()}
                            {index}
                            expanded={crate::state::IdSet::default()}
                            heading_level={level}
                            dispatch={Callback::noop()}
                            prerendered=true
                            dates={dates.clone()}
                        />
                    </li>
                }
            </ol>
            { super::credits(timeline, &locale, &dates) }
        </section>
    }
}
