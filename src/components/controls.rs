//! Previous / next, where the reader is ("3 of 8"), and zoom.
//!
//! A control that has nothing to do (Previous on the first event) is `aria-disabled`, not `disabled`: it
//! keeps its place in the tab order and keeps focus when it becomes inactive under the reader's finger, and
//! the action it sends is a no-op.

use yew::prelude::*;

use crate::state::Action;
use crate::words::{Locale, Word};

/// What the controls show and where their presses go.
pub struct ControlsProps {
    pub position: usize,
    pub count: usize,
    pub can_zoom_in: bool,
    /// Out of zoom 1 into the overview, too, for a story too long to fit.
    pub can_zoom_out: bool,
    pub show_zoom: bool,
    pub dispatch: Callback<Action>,
}

/// The controls, drawn with the view that holds them: a function, not a component, as they have no state of
/// their own (a component is a few hundred bytes more of the widget, for a comparison of props that saves
/// nothing here: they change with every selection).
pub fn controls(props: &ControlsProps, locale: &Locale) -> Html {
    let send = |action: Action| props.dispatch.reform(move |_: MouseEvent| action.clone());
    // Zooming in further than changes anything is refused here: the view state does not know the width.
    let zoom_in = if props.can_zoom_in { send(Action::ZoomIn) } else { Callback::noop() };
    let at_start = props.position == 0;
    let at_end = props.position + 1 >= props.count;
    html! {
        <div class="nl-controls" role="group" aria-label={locale.word(Word::TimelineNavigation)}>
            <button type="button" class="nl-button nl-prev" onclick={send(Action::Prev)} aria-disabled={if at_start { "true" } else { "false" }}>
                <span aria-hidden="true">{ "‹ " }</span>{ locale.word(Word::Previous) }
            </button>
            <span class="nl-position">{ locale.position(props.position + 1, props.count) }</span>
            <button type="button" class="nl-button nl-next" onclick={send(Action::Next)} aria-disabled={if at_end { "true" } else { "false" }}>
                { locale.word(Word::Next) }<span aria-hidden="true">{ " ›" }</span>
            </button>
            if props.show_zoom {
                <span class="nl-zoom">
                    <button
                        type="button"
                        class="nl-button nl-zoom-out"
                        onclick={send(Action::ZoomOut)}
                        aria-disabled={if props.can_zoom_out { "false" } else { "true" }}
                        aria-label={locale.word(Word::ZoomOut)}
                    >{ "−" }</button>
                    <button
                        type="button"
                        class="nl-button nl-zoom-in"
                        onclick={zoom_in}
                        aria-disabled={if props.can_zoom_in { "false" } else { "true" }}
                        aria-label={locale.word(Word::ZoomIn)}
                    >{ "+" }</button>
                </span>
            }
        </div>
    }
}
