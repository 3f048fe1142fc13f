//! The widget root: reads the story, then shows it or the problems that stop it.

use std::rc::Rc;

use yew::prelude::*;

use super::card::EventCard;
use super::controls::Controls;
use super::error_view::ErrorView;
use super::list::VerticalList;
use super::nav::HorizontalNav;
use super::{heading_tag, next_instance_id};
use crate::hooks::{current_hash, use_element_width, use_url_hash};
use crate::layout::{place_markers, NARROW_BELOW};
use crate::model::Timeline;
use crate::parse::read_story;
use crate::state::{Action, ViewState};
use crate::story::default_story;
use crate::validate::Problem;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Story JSON text; `None` shows the built-in story.
    #[prop_or_default]
    pub data: Option<AttrValue>,
    /// Id of the event to open first (the URL hash wins when `hash` is on and names an event).
    #[prop_or_default]
    pub start: Option<AttrValue>,
    /// Whether the widget reads and writes the URL hash.
    #[prop_or(true)]
    pub hash: bool,
    /// Level of the widget's top heading; event cards sit one below.
    #[prop_or(2)]
    pub heading_level: u8,
}

type Loaded = Result<Rc<Timeline>, Rc<Vec<Problem>>>;

#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded: Rc<Loaded> = use_memo(props.data.clone(), |data| {
        let checked = match data {
            Some(text) => read_story(text),
            None => Ok(default_story()),
        };
        match checked {
            Ok(checked) => {
                warn_in_console(&checked.warnings);
                Ok(Rc::new(checked.timeline))
            }
            Err(problems) => Err(Rc::new(problems)),
        }
    });
    match &*loaded {
        Ok(timeline) => html! {
            <TimelineView
                timeline={timeline.clone()}
                start={props.start.clone()}
                hash={props.hash}
                heading_level={props.heading_level}
            />
        },
        Err(problems) => html! { <ErrorView problems={problems.clone()} heading_level={props.heading_level} /> },
    }
}

/// Warnings do not stop a story; editors find them in the console (and from `newsline check`).
fn warn_in_console(warnings: &[Problem]) {
    #[cfg(target_arch = "wasm32")]
    for w in warnings {
        web_sys::console::warn_1(&format!("Newsline: {w}").into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = warnings;
}

/// The timeline and what the reader has done with it, as one reducer.
#[derive(PartialEq)]
struct Store {
    timeline: Rc<Timeline>,
    view: ViewState,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.view.apply(&self.timeline, action) {
            Some(view) => Rc::new(Store { timeline: self.timeline.clone(), view }),
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

#[derive(Properties, PartialEq)]
struct TimelineViewProps {
    timeline: Rc<Timeline>,
    start: Option<AttrValue>,
    hash: bool,
    heading_level: u8,
}

/// Keys that move through the story while focus is anywhere inside the widget.
fn key_action(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(Action::Next),
        "ArrowLeft" | "ArrowUp" => Some(Action::Prev),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        _ => None,
    }
}

#[component]
fn TimelineView(props: &TimelineViewProps) -> Html {
    let uid = use_state(next_instance_id);
    let uid: &str = &uid;
    let store = {
        let timeline = props.timeline.clone();
        let from_hash = if props.hash { current_hash() } else { None };
        let start =
            from_hash.filter(|id| timeline.position(id).is_some()).or(props.start.as_ref().map(|s| s.to_string()));
        use_reducer(move || {
            let view = ViewState::new(&timeline, start.as_deref());
            Store { timeline, view }
        })
    };
    let timeline = &store.timeline;
    let view = &store.view;
    let selected = view.selected;

    let root = use_node_ref();
    let measured = use_element_width(root.clone());
    let narrow = measured.is_some_and(|w| w < NARROW_BELOW);
    // The narrow list uses the layout only for its breaks ("27 years later"): find them at a desktop width.
    let width = if narrow { 1000.0 } else { measured.unwrap_or(960.0) };
    let placed = use_memo((timeline.clone(), width as i64, view.zoom_level), |(timeline, width, zoom_level)| {
        let dates: Vec<_> = timeline.events.iter().map(|e| e.date).collect();
        place_markers(&dates, *width as f64, f64::from(1u32 << zoom_level))
    });

    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let selected_id = timeline.events.get(selected).map(|e| e.id.clone());
    use_url_hash(props.hash, selected_id, dispatch.reform(Action::SelectId));

    // After keyboard navigation, focus follows the selection to its marker.
    let focus_pending = use_mut_ref(|| false);
    let announcement = use_state_eq(String::new);
    {
        let root = root.clone();
        let focus_pending = focus_pending.clone();
        let announcement = announcement.clone();
        let uid = uid.to_owned();
        let event = timeline.events.get(selected).map(|e| format!("{}: {}", e.date.long_label(), e.headline));
        let first = use_mut_ref(|| true);
        use_effect_with(selected, move |selected| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                announcement.set(event.unwrap_or_default());
            }
            let focus = std::mem::replace(&mut *focus_pending.borrow_mut(), false);
            reveal_marker(&root, &uid, *selected, focus);
        });
    }

    let onkeydown = {
        let dispatch = dispatch.clone();
        let focus_pending = focus_pending.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() || typing_target(&e) {
                return;
            }
            if let Some(action) = key_action(&e.key()) {
                e.prevent_default();
                *focus_pending.borrow_mut() = true;
                dispatch.emit(action);
            }
        })
    };

    let level = props.heading_level.clamp(1, 5);
    let title_id = format!("{uid}-title");
    let on_select = dispatch.reform(Action::Select);
    let card = |event_index: usize| {
        html! {
            <EventCard
                uid={uid.to_owned()}
                timeline={timeline.clone()}
                index={event_index}
                expanded={view.expanded.clone()}
                heading_level={level + 1}
                dispatch={dispatch.clone()}
            />
        }
    };
    html! {
        <section
            ref={root}
            class={classes!("newsline", if narrow { "nl-narrow" } else { "nl-wide" })}
            aria-labelledby={title_id.clone()}
            {onkeydown}
        >
            <header class="nl-header">
                <@{heading_tag(level)} id={title_id} class="nl-title">{ &timeline.title }</@>
                if let Some(summary) = &timeline.summary {
                    <p class="nl-summary">{ summary }</p>
                }
            </header>
            <Controls
                position={selected}
                count={timeline.events.len()}
                zoom_level={view.zoom_level}
                show_zoom={!narrow}
                dispatch={dispatch.clone()}
            />
            if narrow {
                <VerticalList
                    uid={uid.to_owned()}
                    timeline={timeline.clone()}
                    selected={selected}
                    breaks={placed.scale.breaks.iter().map(|b| (b.before, b.label.clone())).collect::<Vec<_>>()}
                    on_select={on_select}
                    card={card(selected)}
                />
            } else {
                <HorizontalNav
                    uid={uid.to_owned()}
                    timeline={timeline.clone()}
                    selected={selected}
                    placed={placed.clone()}
                    on_select={on_select}
                />
                { card(selected) }
            }
            <p class="nl-live nl-visually-hidden" aria-live="polite" aria-atomic="true">{ (*announcement).clone() }</p>
            // Cards cite their own sources; a story whose events cite none is credited once, here.
            if timeline.events.iter().all(|e| e.source.is_none()) {
                for source in timeline.sources.iter() {
                    <p class="nl-credit">{ "Source: " }{ source.citation() }</p>
                }
            }
        </section>
    }
}

/// Whether a key event comes from a control where arrow keys edit text.
fn typing_target(e: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.get_attribute("contenteditable").is_some_and(|v| v != "false")
}

/// Scrolls the marker strip (never the page) so the selected marker shows, and focuses it if asked.
fn reveal_marker(root: &NodeRef, uid: &str, index: usize, focus: bool) {
    use wasm_bindgen::JsCast;
    let Some(root) = root.cast::<web_sys::Element>() else { return };
    let Ok(Some(marker)) = root.query_selector(&format!("#{uid}-m-{index}")) else { return };
    if let Ok(Some(nav)) = root.query_selector(".nl-nav") {
        if let (Some(nav), Some(m)) = (nav.dyn_ref::<web_sys::HtmlElement>(), marker.dyn_ref::<web_sys::HtmlElement>())
        {
            let item = m.parent_element().and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
            let left = item.map_or(0, |i| i.offset_left());
            let target = f64::from(left - nav.client_width() / 2 + 60).max(0.0);
            nav.set_scroll_left(target as i32);
        }
    }
    if focus {
        if let Some(m) = marker.dyn_ref::<web_sys::HtmlElement>() {
            let _ = m.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_navigation() {
        assert_eq!(key_action("ArrowRight"), Some(Action::Next));
        assert_eq!(key_action("ArrowUp"), Some(Action::Prev));
        assert_eq!(key_action("Home"), Some(Action::First));
        assert_eq!(key_action("End"), Some(Action::Last));
        assert_eq!(key_action("a"), None);
    }
}
