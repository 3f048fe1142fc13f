//! The narrow-screen view: events as a vertical list, the open event's card inside its item, and a line
//! wherever the axis would have a break ("28 years later").
//!
//! A long story shows a window of [`PAGE`] events around the open one, with buttons that show more before
//! and after it; the window follows the selection. Every item says its place in the whole story
//! (`aria-posinset`/`aria-setsize`, and the list's `start`), so a screen reader still hears "37 of 10,000".

use super::{marker_id, Shared};

use std::rc::Rc;

use yew::prelude::*;

use crate::frame::Frame;
use crate::hooks::focus_element;
use crate::model::Timeline;
use crate::words::{Counted, Locale, Word};

/// Events shown at once in a long story, and how many more each "show" button adds.
pub const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct VerticalListProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    pub locale: Rc<Locale>,
    pub uid: String,
    pub timeline: Shared<Timeline>,
    pub selected: usize,
    /// The breaks of the layout's scale: a long gap after event `before`. Shared, not copied for each render.
    pub frame: Shared<Frame>,
    pub on_select: Callback<usize>,
    /// The open event's card, shown under its item.
    pub card: Html,
}

/// What a press on "Show earlier events" (`before`) or "Show later events" does to the window's widening
/// `more`: the new widening, and the first newly shown event, which takes focus (the button may be gone).
pub fn show_more(total: usize, selected: usize, more: (usize, usize), before: bool) -> ((usize, usize), usize) {
    let old = window(total, selected, more);
    if before {
        let more = (more.0 + PAGE, more.1);
        (more, window(total, selected, more).start)
    } else {
        ((more.0, more.1 + PAGE), old.end.min(total.saturating_sub(1)))
    }
}

/// The events to show, `from..to`: [`PAGE`] around `selected`, widened by `more` (before, after).
pub fn window(total: usize, selected: usize, more: (usize, usize)) -> std::ops::Range<usize> {
    // A page with the selection in its middle, or a full page at either end of the story.
    let base_to = (selected.saturating_sub(PAGE / 2) + PAGE).min(total);
    let base_from = base_to.saturating_sub(PAGE);
    base_from.saturating_sub(more.0)..(base_to + more.1).min(total)
}

#[component]
pub fn VerticalList(props: &VerticalListProps) -> Html {
    let locale = &props.locale;
    let uid = &props.uid;
    // The widening, and the first item a "show" button brought in, which takes focus from the button (the last
    // batch removes it): one state, not a state and a ref (each hook is code of its own in the widget).
    let more = use_state(|| (0usize, 0usize, None::<usize>));
    let total = props.timeline.events.len();
    let shown = window(total, props.selected, (more.0, more.1));
    {
        let uid = uid.clone();
        use_effect_with(*more, move |&(_, _, focus)| {
            let Some(i) = focus else { return };
            let item =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&marker_id(&uid, i)));
            if let Some(item) = item {
                focus_element(&item, false);
            }
        });
    }
    let show = |before: bool| {
        let more = more.clone();
        let selected = props.selected;
        Callback::from(move |_| {
            let (wider, first_new) = show_more(total, selected, (more.0, more.1), before);
            more.set((wider.0, wider.1, Some(first_new)));
        })
    };
    let (earlier, later) = (shown.start, total - shown.end);
    let label = |word: Word, n: usize| format!("{} ({})", locale.word(word), locale.counted(Counted::More, n));
    let later_word = locale.word(Word::Later);
    let lang = super::text_lang(locale);
    html! {
        <>
            if earlier > 0 {
                <button type="button" class="nl-button nl-more" onclick={show(true)}>
                    { label(Word::ShowEarlier, earlier) }
                </button>
            }
            <ol class="nl-list" aria-label={locale.word(Word::Events)} start={(shown.start + 1).to_string()}>
                for i in shown.clone() {
                    { item(props, uid, i, later_word, &lang) }
                }
            </ol>
            if later > 0 {
                <button type="button" class="nl-button nl-more" onclick={show(false)}>
                    { label(Word::ShowLater, later) }
                </button>
            }
        </>
    }
}

/// Event `i`'s item; `later` is the word after a gap's length ("28 years later"), `lang` its headline's
/// language where it is not the root's.
fn item(props: &VerticalListProps, uid: &str, i: usize, later: &str, lang: &Option<AttrValue>) -> Html {
    let event = &props.timeline.events[i];
    let open = i == props.selected;
    html! {
        <li
            key={event.id.clone()}
            class={classes!("nl-item", open.then_some("nl-selected"))}
            aria-posinset={(i + 1).to_string()}
            aria-setsize={props.timeline.events.len().to_string()}
        >
            if let Some(b) = props.frame.placed.scale.breaks.iter().find(|b| b.before + 1 == i) {
                <p class="nl-gap">{ format!("{} {later}", b.label) }</p>
            }
            <button
                type="button"
                id={marker_id(uid, i)}
                class="nl-item-button"
                tabindex={if open { "0" } else { "-1" }}
                // A selection, as on the strip: the open item is `aria-current` and controls the card under
                // it. Not `aria-expanded`: pressing the open item cannot close it, and would do nothing.
                aria-current={open.then_some("true")}
                aria-controls={open.then(|| format!("{uid}-card"))}
                data-event-id={event.id.clone()}
                onclick={props.on_select.reform(move |_| i)}
            >
                <span class="nl-marker-date">{ event.date_label_in(false, &props.frame.dates) }</span>
                <span class="nl-marker-headline" lang={lang.clone()}>{ &event.headline }</span>
            </button>
            if open {
                { props.card.clone() }
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_the_selection_and_grows_on_request() {
        assert_eq!(window(8, 3, (0, 0)), 0..8);
        assert_eq!(window(10_000, 0, (0, 0)), 0..100);
        assert_eq!(window(10_000, 5_000, (0, 0)), 4_950..5_050);
        assert_eq!(window(10_000, 9_999, (0, 0)), 9_900..10_000);
        assert_eq!(window(10_000, 5_000, (100, 0)), 4_850..5_050);
        assert_eq!(window(10_000, 5_000, (0, 200)), 4_950..5_250);
        // The first newly shown event takes focus.
        assert_eq!(show_more(10_000, 5_000, (0, 0), true), ((100, 0), 4_850));
        assert_eq!(show_more(10_000, 5_000, (0, 0), false), ((0, 100), 5_050));
        assert_eq!(show_more(300, 299, (100, 0), true), ((200, 0), 0), "the last batch");
        for selected in [0, 1, 77, 5_000, 9_999] {
            let w = window(10_000, selected, (0, 0));
            assert!(w.contains(&selected) && w.len() <= PAGE + 1, "{selected}: {w:?}");
        }
    }
}
