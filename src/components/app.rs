//! The widget root: reads the story, then shows it or the problems that stop it.

use super::Shared;
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::card::EventCard;
use super::controls::{controls, ControlsProps};
use super::error_view::ErrorView;
use super::list::VerticalList;
use super::nav::HorizontalNav;
use super::next_instance_id;
use crate::frame::Frame;
use crate::hooks::{
    current_hash, focus_element, right_to_left, scroll_from_start, use_announcer, use_element_width, use_fetch_text,
    use_focus_on_mount, use_keep_focus, use_positions, use_url_hash, Fetched, Prefetch,
};
use crate::json::Path;
use crate::limits::Limits;
use crate::load::DEFAULT_TIMEOUT_MS;
use crate::model::Timeline;
use crate::options::HeadingLevel;
use crate::parse::read_story_with;
use crate::problem::{Problem, ProblemKind, Severity};
use crate::state::{
    announcement, key_action, loaded_announcement, overview_announcement, step_from, Action, KeyPlace, Origin, Session,
};
use crate::words::{Locale, Wanted, Word};

pub use crate::state::Notice;

/// A way in for the embedding page: the running widget hands its dispatcher here, and the page's
/// `select()`, `next()` ... calls go through it. Equal only to itself.
#[derive(Clone, Default)]
pub struct Controller(Rc<RefCell<Option<Callback<Action>>>>);

impl Controller {
    /// Sends `action` to the widget; `false` when no story is on screen (loading, or an error).
    pub fn send(&self, action: Action) -> bool {
        let dispatch = self.0.borrow().clone();
        match dispatch {
            Some(dispatch) => {
                dispatch.emit(action);
                true
            }
            None => false,
        }
    }

    fn set(&self, dispatch: Option<Callback<Action>>) {
        *self.0.borrow_mut() = dispatch;
    }
}

impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Story JSON text; with neither this nor `src`, the built-in story.
    #[prop_or_default]
    pub data: Option<AttrValue>,
    /// URL of the story JSON, downloaded when given (it wins over `data`).
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// How long a download may take, in milliseconds.
    #[prop_or(DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// Id of the event to open first (the URL hash wins when `hash` is on and names an event).
    #[prop_or_default]
    pub start: Option<AttrValue>,
    /// Whether the widget reads and writes the URL hash.
    #[prop_or(true)]
    pub hash: bool,
    /// Heading level of the story's title (and of the error panel's heading); the event cards sit one below.
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// `light`, `dark` or `auto` (follows the reader's system setting).
    #[prop_or(AttrValue::Static("light"))]
    pub theme: AttrValue,
    /// A fixed height in CSS pixels; the widget scrolls inside it.
    #[prop_or_default]
    pub height: Option<u32>,
    /// Limits on the story's size.
    #[prop_or_default]
    pub limits: Limits,
    /// The width the widget will have, when the embedder knows it, so the first layout is the right one.
    #[prop_or_default]
    pub initial_width: Option<f64>,
    #[prop_or_default]
    pub controller: Controller,
    #[prop_or_default]
    pub on_notice: Callback<Notice>,
    /// The download of `src` if the page already started it.
    #[prop_or_default]
    pub prefetch: Option<Prefetch>,
    /// The language, direction, calendar and digits the page asked for, and the page's own language: with the
    /// story's, they make the reader's [`Locale`].
    #[prop_or_default]
    pub language: Wanted,
}

type Loaded = Result<Shared<Timeline>, Shared<Vec<Problem>>>;

/// Text compared by the address and length of its characters.
#[derive(Clone)]
struct SameText(AttrValue);

impl PartialEq for SameText {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0.as_str(), other.0.as_str())
    }
}

/// Accepted themes; anything else falls back to light.
fn theme_name(theme: &str) -> &'static str {
    match theme.trim() {
        "dark" => "dark",
        "auto" => "auto",
        _ => "light",
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // Counted in an `i32` kept as the strip's scroll step is (one kind of state is less code in the widget).
    let attempt = use_state_eq(|| 0i32);
    let fetched = use_fetch_text(
        props.src.clone(),
        props.timeout_ms.max(1),
        props.limits.max_bytes,
        *attempt,
        props.prefetch.clone(),
    );
    let text: Result<Option<AttrValue>, ()> = match (&props.src, &fetched) {
        (None, _) => Ok(props.data.clone()),
        (Some(_), Fetched::Loaded(text)) => Ok(Some(text.clone())),
        (Some(_), _) => Err(()),
    };
    // The story text is compared by address, not content: it can be megabytes, and a new download is a
    // new allocation (the memo keeps the old one alive, so its address cannot be reused meanwhile).
    let loaded: Rc<Option<Loaded>> =
        use_memo((text.clone().map(|t| t.map(SameText)), props.limits), |(text, limits)| {
            let checked = match text {
                Err(()) => return None,
                Ok(Some(SameText(text))) => read_story_with(text, limits),
                // Embedding always gives a source (the built-in story's file by default); a bare `App` may not.
                Ok(None) => Err(vec![Problem {
                    path: Path::root(),
                    kind: ProblemKind::Missing { field: "data-src", example: "data-src=\"story.json\"" },
                    severity: Severity::Error,
                }]),
            };
            Some(match checked {
                Ok(checked) => {
                    warn_in_console(&checked.warnings);
                    Ok(Shared::new(checked.timeline))
                }
                Err(problems) => Err(Shared::new(problems)),
            })
        });

    // Tell the embedder once per failure.
    {
        let failure = match (&fetched, &*loaded) {
            (Fetched::Failed(e), _) => {
                Some(Notice::Error { url: Some(e.url.clone()), message: Some(e.to_string()), problems: Vec::new() })
            }
            (_, Some(Err(problems))) => Some(Notice::Error {
                url: props.src.as_ref().map(|s| s.to_string()),
                message: None,
                problems: crate::state::problem_lines(problems),
            }),
            _ => None,
        };
        let on_notice = props.on_notice.clone();
        use_effect_with(failure, move |failure| {
            if let Some(notice) = failure {
                on_notice.emit(notice.clone());
            }
        });
    }

    // After the reader's Retry, the loading status takes focus from the button it removed (drawn here, not by a
    // component of its own, which would cost the widget more than this effect).
    let status = use_node_ref();
    {
        let status = status.clone();
        let loading = loaded.is_none() && !matches!(fetched, Fetched::Failed(_));
        use_effect_with(loading && *attempt != 0, move |focus| {
            if let (true, Some(element)) = (*focus, status.cast::<web_sys::Element>()) {
                focus_element(&element, false);
            }
        });
    }

    // The reader's language: the page's choice, else the story's (once it is read), else the page's own.
    let story_lang = match &*loaded {
        Some(Ok(timeline)) => timeline.lang.as_deref(),
        _ => None,
    };
    let locale = Rc::new(props.language.locale(story_lang));
    // The reader's words, where the widget fetches them: the loading frame stays until they are here.
    let words_pending = crate::hooks::use_words(locale.lang);

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    let theme = theme_name(&props.theme);
    // After the reader's Retry, each view that replaces the panel takes focus from the button it removed.
    let retried = *attempt != 0;
    // The problems that stop the story, or the failed download: one ErrorView for both (each component drawn
    // is code of its own in the widget).
    let failure = match (&fetched, &*loaded) {
        (_, Some(Err(problems))) => Some((problems.clone(), None, props.src.is_some().then_some(retry))),
        (Fetched::Failed(error), None) => {
            Some((Shared::default(), Some(AttrValue::from(error.to_string())), Some(retry)))
        }
        _ => None,
    };
    match (&*loaded, failure) {
        _ if words_pending => loading(theme, retried, status, &locale, true),
        (Some(Ok(timeline)), _) => html! {
            <TimelineView
                locale={locale.clone()}
                timeline={timeline.clone()}
                start={props.start.clone()}
                hash={props.hash}
                heading_level={props.heading_level}
                theme={theme}
                height={props.height}
                initial_width={props.initial_width}
                controller={props.controller.clone()}
                on_notice={props.on_notice.clone()}
                {retried}
            />
        },
        (_, Some((problems, message, on_retry))) => html! {
            <ErrorView
                locale={locale.clone()}
                {problems}
                heading_level={props.heading_level}
                url={props.src.clone()}
                {message}
                {on_retry}
                {theme}
                {retried}
            />
        },
        _ => loading(theme, retried, status, &locale, false),
    }
}

/// The skeleton shown while the story downloads; after a Retry, `status` takes focus (see [`App`]). While the
/// reader's words are on their way (`english`), its words are English's and say so (`lang="en"`), so a screen
/// reader does not read them in the reader's language's voice; the layout keeps the reader's direction.
fn loading(theme: &'static str, retried: bool, status: NodeRef, locale: &Locale, english: bool) -> Html {
    let lang = if english { "en" } else { locale.tag() };
    html! {
        // Named, so the busy region says what is coming; the story's title names it once it is there.
        <section class="newsline nl-loading" lang={lang.to_owned()} dir={locale.dir()} aria-label={locale.word(Word::Timeline)} aria-busy="true" data-theme={theme}>
            <p ref={status} class="nl-loading-text" role="status" tabindex={retried.then_some("-1")}>{ locale.word(Word::Loading) }</p>
            <div class="nl-skeleton" aria-hidden="true">
                <span class="nl-skeleton-line"></span>
                <span class="nl-skeleton-axis"></span>
                <span class="nl-skeleton-card"></span>
            </div>
        </section>
    }
}

/// Warnings do not stop a story; editors find them in the console (and from `newsline check`).
fn warn_in_console(warnings: &[Problem]) {
    #[cfg(target_arch = "wasm32")]
    {
        /// A file with thousands of warnings gets the first of them and a count, not a flooded console.
        const SHOWN: usize = 20;
        for w in warnings.iter().take(SHOWN) {
            web_sys::console::warn_1(&format!("Newsline: {w}").into());
        }
        if warnings.len() > SHOWN {
            let more = warnings.len() - SHOWN;
            web_sys::console::warn_1(
                &format!("Newsline: {more} more warnings; `newsline check` lists them all").into(),
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = warnings;
}

/// The [`Session`] (the story, what the reader has done, and its frame) as Yew's reducer.
///
/// Each transition also queues what changed in `outbox`, which an effect passes on to the embedding page
/// after the render: several actions dispatched before one render still give one notice each.
struct Store {
    session: Session,
    outbox: Rc<RefCell<Vec<Notice>>>,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session.timeline, &other.session.timeline)
            && Rc::ptr_eq(&self.session.frame, &other.session.frame)
            && self.session.view == other.session.view
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.session.act(action) {
            Some((session, changed)) => {
                self.outbox.borrow_mut().extend(changed);
                Rc::new(Store { session, outbox: self.outbox.clone() })
            }
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

/// What [`TimelineView`] keeps between renders without rendering again for it: one hook, not three (each hook is
/// code of its own in the widget).
#[derive(Default)]
struct Marks {
    /// Where the last press came from.
    origin: Origin,
    /// The first render is over.
    rendered: bool,
    /// The selection and whether the overview showed, as the last announcement saw them.
    shown: Option<(usize, bool)>,
}

#[derive(Properties, PartialEq)]
struct TimelineViewProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    locale: Rc<Locale>,
    timeline: Shared<Timeline>,
    start: Option<AttrValue>,
    hash: bool,
    heading_level: HeadingLevel,
    theme: &'static str,
    height: Option<u32>,
    initial_width: Option<f64>,
    controller: Controller,
    on_notice: Callback<Notice>,
    /// Mounted after the reader pressed Retry: the title takes focus, and the live region says the story
    /// loaded.
    retried: bool,
}

#[component]
fn TimelineView(props: &TimelineViewProps) -> Html {
    let locale = &props.locale;
    let uid = use_state(next_instance_id);
    let uid: &str = &uid;
    let store = {
        let timeline = props.timeline.rc();
        let from_hash = if props.hash { current_hash() } else { None };
        let start =
            from_hash.filter(|id| timeline.position(id).is_some()).or(props.start.as_ref().map(|s| s.to_string()));
        let width = props.initial_width;
        let asked = props.start.clone();
        let reader = locale.clone();
        // Made once, with the first render: a start that names no event is told to the page then, once.
        use_reducer(move || {
            #[cfg(target_arch = "wasm32")]
            if let Some(warning) = crate::state::start_warning(&timeline, asked.as_deref()) {
                web_sys::console::warn_1(&warning.into());
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = asked;
            // How the reader's dates are written, for every frame of the session.
            let dates = crate::intl::dates(&reader);
            Store { session: Session::new_in(timeline, start.as_deref(), width, &dates), outbox: Rc::default() }
        })
    };
    let session = &store.session;
    let timeline: Shared<Timeline> = session.timeline.clone().into();
    let view = &session.view;
    let frame: Shared<Frame> = session.frame.clone().into();
    let selected = view.selected;
    let narrow = frame.narrow;

    // Where the last press came from: a press on a marker, an item or a group moves focus to the new event
    // (which then says it); any other (Previous, Next, the JS API, the URL hash) leaves focus where it is,
    // and the live region speaks.
    let marks = use_mut_ref(Marks::default);
    let send = |from: Origin| {
        let store = store.clone();
        let marks = marks.clone();
        Callback::from(move |action: Action| {
            marks.borrow_mut().origin = from;
            store.dispatch(action)
        })
    };
    let dispatch = send(Origin::Elsewhere);
    let focus_dispatch = send(Origin::Focus);
    let press_dispatch = send(Origin::Press);
    let root = use_node_ref();
    // The measured width enters the state; the frame follows from it.
    {
        let store = store.clone();
        use_element_width(root.clone(), Callback::from(move |w| store.dispatch(Action::Resize(w))));
    }
    let selected_id = timeline.events.get(selected).map(|e| e.id.clone());
    use_url_hash(props.hash, selected_id.clone(), dispatch.reform(Action::SelectId));
    // The root only sizes itself (data-h); the marker strip places its own children.
    use_positions(root.clone(), false);

    // The embedding page reaches the widget through the controller while it is on screen. The controller
    // and the `ready` notice come with the first render, not with its effects: Yew may let the browser
    // draw a frame before it runs effects, and the page need not wait for that frame to hear that the
    // widget is there and can be steered. The notice goes out once the render is in the document: a
    // microtask runs after Yew's pass over the components, whether or not it then yields.
    if !std::mem::replace(&mut marks.borrow_mut().rendered, true) {
        props.controller.set(Some(dispatch.clone()));
        let on_notice = props.on_notice.clone();
        let ready = Notice::Ready { selected: selected_id.clone().unwrap_or_default(), events: timeline.events.len() };
        after_render(move || on_notice.emit(ready));
    }
    // One effect for both (each effect is code of its own in the widget): the controller is handed over again,
    // and the notices of the transitions since the last render go out.
    {
        let dispatch = dispatch.clone();
        let on_notice = props.on_notice.clone();
        let outbox = store.outbox.clone();
        use_effect_with((props.controller.clone(), view.clone()), move |(controller, _)| {
            controller.set(Some(dispatch));
            let sent = std::mem::take(&mut *outbox.borrow_mut());
            for notice in sent {
                on_notice.emit(notice);
            }
            let controller = controller.clone();
            move || controller.set(None)
        });
    }

    // A press on a marker, an item or a group: focus follows the selection to its marker. Anything else:
    // the live region says where the reader is now, once quick changes settle.
    let (said, say) = use_announcer();
    {
        let root = root.clone();
        let marks = marks.clone();
        let uid = uid.to_owned();
        let timeline = timeline.clone();
        let frame = frame.clone();
        let say = say.clone();
        let scroll_to = frame.scroll_target(selected);
        let retried = props.retried;
        let locale = locale.clone();
        use_effect_with((selected, frame.overview), move |&(selected, overview)| {
            let before = marks.borrow_mut().shown.replace((selected, overview));
            let is_first = before.is_none();
            let from = std::mem::take(&mut marks.borrow_mut().origin);
            let words = match before {
                None if retried => Some(loaded_announcement(&timeline, &locale)),
                Some((b, _)) if b != selected => announcement(&timeline, &frame, selected, from, &locale),
                // The overview opened or closed under a zoom button, which keeps focus.
                Some((_, o)) if o != overview && from == Origin::Elsewhere => {
                    overview_announcement(&timeline, &frame, selected, &locale)
                }
                _ => None,
            };
            // Where focus says the event (its marker), the region is emptied: it would still say the last event
            // announced, after the card of another, to a reader going through the widget line by line.
            say.emit(words.unwrap_or_default());
            // On the first render the strip is at its start: nothing to do if the marker is in view there.
            let scroll_to = scroll_to.filter(|x| !is_first || *x >= 1.0);
            let focus = matches!(from, Origin::Focus | Origin::Press) && !is_first;
            reveal_marker(&root, &uid, selected, focus, scroll_to, !frame.narrow);
        });
    }
    // After Retry the story's title takes focus from the button that went away; later, focus on anything a
    // render replaces (the axis for the list at a new width, a zoom button) goes to its successor.
    let title = use_node_ref();
    use_focus_on_mount(title.clone(), props.retried);
    use_keep_focus(root.clone(), super::marker_id(uid, selected));

    let onkeydown = {
        let focus_dispatch = focus_dispatch.clone();
        let marks = marks.clone();
        let uid = uid.to_owned();
        let events = timeline.events.len();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let place = key_place(&e);
            // The arrows follow the screen: which way time runs is read where the key was pressed.
            let rtl = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
            let Some(action) = key_action(place, &e.key(), rtl.is_some_and(|t| right_to_left(&t))) else { return };
            e.prevent_default();
            // Arrows step from the marker or item that has focus, which need not be the open event's (after
            // "Show later events"); not while an earlier key's move of focus is still to come (a held key), when
            // focus is where the selection was.
            let moving = marks.borrow().origin == Origin::Focus;
            let focused = match place {
                KeyPlace::Marker | KeyPlace::ListItem if !moving => e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|t| super::marker_index(&uid, &t.id())),
                _ => None,
            };
            focus_dispatch.emit(step_from(action, focused, selected, events));
        })
    };

    // The story's title is a heading at the level the page set, and names the widget's region; the cards sit
    // one below it.
    let level = props.heading_level;
    let title_id = format!("{uid}-title");
    // A marker or an item holds focus as it opens (and the live region says the card changed); a group leaves
    // the overview, and focus goes on to the opened event's marker.
    let on_select = press_dispatch.reform(Action::Select);
    let on_open_group = focus_dispatch.reform(Action::OpenGroup);
    let card = |event_index: usize| {
        html! {
            <EventCard
                locale={locale.clone()}
                uid={uid.to_owned()}
                timeline={timeline.clone()}
                index={event_index}
                expanded={view.expanded.clone()}
                heading_level={level}
                dispatch={dispatch.clone()}
                dates={frame.dates.clone()}
            />
        }
    };
    html! {
        <section
            ref={root}
            class={classes!("newsline", if narrow { "nl-narrow" } else { "nl-wide" }, props.height.map(|_| "nl-fixed-height"))}
            lang={locale.tag().to_owned()}
            dir={locale.dir()}
            aria-labelledby={title_id.clone()}
            data-theme={props.theme}
            data-h={props.height.map(|h| h.to_string())}
            // Scrolling inside a fixed height, it is a stop for Tab, so the keys that scroll it reach it: a card's
            // note and sources below its edge may hold no control to scroll them into view. Always, not only
            // while it overflows: images and fonts arrive after any measure.
            tabindex={props.height.map(|_| "0")}
            {onkeydown}
        >
            { super::story_header(&timeline, level, title_id, title, props.retried, locale, &frame.dates) }
            { controls(&ControlsProps {
                position: selected,
                count: timeline.events.len(),
                can_zoom_in: frame.zoom_in,
                can_zoom_out: frame.zoom_out,
                show_zoom: !narrow,
                dispatch: dispatch.clone(),
            }, locale) }
            if narrow {
                <VerticalList
                    locale={locale.clone()}
                    uid={uid.to_owned()}
                    timeline={timeline.clone()}
                    selected={selected}
                    frame={frame.clone()}
                    on_select={on_select}
                    card={card(selected)}
                />
            } else {
                <HorizontalNav
                    locale={locale.clone()}
                    uid={uid.to_owned()}
                    timeline={timeline.clone()}
                    selected={selected}
                    frame={frame.clone()}
                    on_select={on_select}
                    on_open_group={on_open_group}
                />
                { card(selected) }
            }
            <p class="nl-live nl-visually-hidden" aria-live="polite" aria-atomic="true">{ said }</p>
            { super::credits(&timeline, locale, &frame.dates) }
        </section>
    }
}

/// Runs `f` once the render under way is in the document (in a microtask; at once where there is no
/// browser, as when rendering to a string).
fn after_render(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move { f() });
    #[cfg(not(target_arch = "wasm32"))]
    f();
}

/// Which of the widget's composites a key event was pressed on (by the class its views give the button);
/// [`key_action`] decides what the key does there.
fn key_place(e: &KeyboardEvent) -> KeyPlace {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return KeyPlace::Elsewhere;
    };
    let class = target.class_name();
    let has = |name: &str| class.split_ascii_whitespace().any(|c| c == name);
    if has("nl-marker") {
        KeyPlace::Marker
    } else if has("nl-item-button") {
        KeyPlace::ListItem
    } else if has("nl-group") {
        KeyPlace::Group
    } else {
        KeyPlace::Elsewhere
    }
}

/// Scrolls the marker strip to `scroll_to` so the selected marker shows, and focuses the marker if asked:
/// without the browser's scrolling (`prevent_scroll`) where the widget has scrolled its strip itself, and then
/// the page only up or down as far as the marker needs to be seen.
fn reveal_marker(root: &NodeRef, uid: &str, index: usize, focus: bool, scroll_to: Option<f64>, prevent_scroll: bool) {
    let Some(root) = root.cast::<web_sys::Element>() else { return };
    let Ok(Some(marker)) = root.query_selector(&format!("#{}", super::marker_id(uid, index))) else { return };
    if let (Some(target), Ok(Some(nav))) = (scroll_to, root.query_selector(".nl-nav")) {
        scroll_from_start(&nav, target.round() as i32);
    }
    if focus {
        focus_element(&marker, prevent_scroll);
        if prevent_scroll {
            reveal_vertically(&marker);
        }
    }
}

/// Scrolls the page up or down only as far as needed to show `element` whole (with a small margin): focus
/// given without scrolling, so the strip scrolls itself sideways, must still not land above or below the
/// window.
fn reveal_vertically(element: &web_sys::Element) {
    const MARGIN: f64 = 8.0;
    let Some(window) = web_sys::window() else { return };
    let Some(height) = window.inner_height().ok().and_then(|h| h.as_f64()) else { return };
    let rect = element.get_bounding_client_rect();
    let by = if rect.top() < MARGIN {
        rect.top() - MARGIN
    } else if rect.bottom() > height - MARGIN {
        (rect.bottom() - height + MARGIN).min(rect.top() - MARGIN)
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by.round());
}
