//! The open event: date, headline, place, text, statements and the source it comes from.

use super::Shared;

use std::rc::Rc;

use yew::prelude::*;

use super::heading_tag;
use super::note::note_view;
use super::rich::paragraphs;
use super::statement::StatementCard;
use crate::dates::Dates;
use crate::model::Timeline;
use crate::options::HeadingLevel;
use crate::state::Action;
use crate::words::{Counted, Locale, Word};

#[derive(Properties, PartialEq)]
pub struct EventCardProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    pub locale: Rc<Locale>,
    pub uid: String,
    pub timeline: Shared<Timeline>,
    pub index: usize,
    pub expanded: crate::state::IdSet,
    /// The story title's level: the headline is one below it.
    pub heading_level: HeadingLevel,
    pub dispatch: Callback<Action>,
    /// Drawn for the prerendered story (`newsline render`), one card of many and no script to run: ids of
    /// its own, statements that open and close by themselves, no Expand all.
    #[prop_or_default]
    pub prerendered: bool,
    /// How the reader's dates are written.
    #[prop_or_default]
    pub dates: Dates,
}

/// Whether this build draws prerendered cards: only the host's (`newsline render`), so the widget's wasm
/// carries none of that markup.
const PRERENDERS: bool = cfg!(not(target_arch = "wasm32"));

#[component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let locale = &props.locale;
    // The event's own colour, where it has the contrast an accent needs (crate::accent); hooks come first.
    let card = use_node_ref();
    crate::hooks::use_accent(card.clone(), props.timeline.events.get(props.index).and_then(|e| e.accent.clone()));
    let Some(event) = props.timeline.events.get(props.index) else { return html! {} };
    let uid = &props.uid;
    let prerendered = PRERENDERS && props.prerendered;
    let card_id = if prerendered { format!("{uid}-e{}", props.index) } else { format!("{uid}-card") };
    let heading_id = format!("{card_id}-h");
    let statements_label_id = format!("{card_id}-sh");
    let all_expanded = event.statements.iter().all(|s| props.expanded.contains(&s.id));
    let none_expanded = !event.statements.iter().any(|s| props.expanded.contains(&s.id));
    let dispatch = &props.dispatch;
    let source = event.source.as_deref().and_then(|id| props.timeline.source(id));
    let date = event.date_label_in(true, &props.dates);
    let lang = super::text_lang(locale);
    html! {
        <article ref={card} id={card_id} class="nl-card" aria-labelledby={heading_id.clone()} data-event-id={event.id.clone()} data-accent={event.accent.clone()}>
            <p class="nl-card-meta">
                <time class="nl-card-date" datetime={event.date.iso()}>{ date }</time>
                // The spaces keep the words apart without a style sheet (which draws the separators).
                if let Some(place) = &event.place {
                    { " " }<span class="nl-card-place">{ place }</span>
                }
                if !event.sequence_known {
                    { " " }<span class="nl-card-order">{ locale.word(Word::OrderUnknown) }</span>
                }
            </p>
            // One level below the story's title, which takes the level the page set.
            <@{heading_tag(props.heading_level.card())} id={heading_id} class="nl-card-headline" lang={lang.clone()}>{ &event.headline }</@>
            if let Some(group) = &event.group {
                <p class="nl-card-group">{ group }</p>
            }
            // An image, a player behind its facade, a link card … (components::media).
            if let Some(media) = &event.media {
                { super::media::media_view(media, locale, &event.id) }
            }
            { paragraphs(&event.body, "nl-card-body", lang) }
            if let Some(note) = &event.note {
                { note_view(note, &props.timeline, locale, &props.dates) }
            }
            if !event.statements.is_empty() {
                // Not a landmark, and its title not a heading: the list is named by it ("3 statements, list"),
                // and the outline stays title, card (two levels, which fit under any level the page sets).
                <div class="nl-statements">
                    <div class="nl-statements-bar">
                        <p id={statements_label_id.clone()} class="nl-statements-title">
                            { locale.counted(Counted::Statements, event.statements.len()) }
                        </p>
                        if !prerendered {
                            <button
                                type="button"
                                class="nl-button nl-expand-all"
                                aria-disabled={if all_expanded { "true" } else { "false" }}
                                onclick={dispatch.reform(|_: MouseEvent| Action::ExpandAll)}
                            >{ locale.word(Word::ExpandAll) }</button>
                            <button
                                type="button"
                                class="nl-button nl-collapse-all"
                                aria-disabled={if none_expanded { "true" } else { "false" }}
                                onclick={dispatch.reform(|_: MouseEvent| Action::CollapseAll)}
                            >{ locale.word(Word::CollapseAll) }</button>
                        }
                    </div>
                    <ul class="nl-statement-list" aria-labelledby={statements_label_id}>
                        if prerendered {
                            { prerendered_statements(&event.statements, locale) }
                        } else {
                            for statement in event.statements.iter() {
                                <StatementCard
                                    locale={locale.clone()}
                                    key={statement.id.clone()}
                                    uid={uid.clone()}
                                    statement={statement.clone()}
                                    expanded={props.expanded.contains(&statement.id)}
                                    dispatch={dispatch.clone()}
                                />
                            }
                        }
                    </ul>
                </div>
            }
            if let Some(source) = source {
                <p class="nl-card-source">{ super::cited(&[source], locale, &props.dates) }</p>
            }
        </article>
    }
}

/// The statements of a prerendered card, each a `<details>`; nothing in the widget's own build.
fn prerendered_statements(statements: &[crate::model::Statement], locale: &Locale) -> Html {
    #[cfg(not(target_arch = "wasm32"))]
    return statements.iter().map(|s| super::statement::statement_details(s, locale)).collect();
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (statements, locale);
        Html::default()
    }
}
