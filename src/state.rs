//! What the reader has done: which event is open, which statements are expanded, how far zoomed in, and how
//! wide the widget is.
//!
//! One [`Action`] enum and a pure [`ViewState::apply`], which obeys the [`Frame`] (what the view shows): a
//! press that would change nothing on screen returns `None`, so nothing re-renders, and the keyboard, the
//! buttons and the JS API mean the same by every action. [`Session`] is the reducer: the story, the state and
//! its frame, kept in step; the component layer only wraps it.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::dates::Dates;
use crate::frame::Frame;
use crate::model::Timeline;
use crate::words::{Counted, Locale, Word};

/// Zoom steps: 1x (fit), 2x, 4x, 8x, 16x.
pub const MAX_ZOOM_LEVEL: u8 = 4;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// Index of the open event.
    pub selected: usize,
    /// Ids of the expanded statements (of any event: coming back to an event finds it as it was left).
    pub expanded: IdSet,
    /// 0 fits the whole story in the width; each level doubles it.
    pub zoom_level: u8,
    /// Zoomed out past level 0: the story's events grouped into an overview (for stories too long to fit).
    /// Set only where the frame shows it.
    pub overview: bool,
    /// The widget's content width in CSS pixels, once measured.
    pub width: Option<f64>,
}

/// Everything a reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open the event at this index.
    Select(usize),
    /// Open the event with this id (from the URL hash or the embedding page); unknown ids do nothing.
    SelectId(String),
    /// The next thing in the current view: the next event, or in the overview the next group.
    Next,
    /// The previous event, or in the overview the previous group.
    Prev,
    First,
    Last,
    /// Expand a collapsed statement, or collapse an expanded one.
    Toggle(String),
    /// Collapse a statement if it is expanded.
    Collapse(String),
    /// Expand every statement of the open event.
    ExpandAll,
    /// Collapse every statement of the open event.
    CollapseAll,
    ZoomIn,
    /// Zoom out; from level 0, to the overview.
    ZoomOut,
    /// Leave the overview for the axis, opening this event, a group's first (a press on a group of events);
    /// a press on the group that holds the open event keeps that event open.
    OpenGroup(usize),
    /// The widget was measured this wide (CSS pixels).
    Resize(f64),
}

impl ViewState {
    /// The state a story opens in: `start` if it names an event, else the first event.
    pub fn new(timeline: &Timeline, start: Option<&str>) -> ViewState {
        let selected = start.and_then(|id| timeline.position(id)).unwrap_or(0);
        ViewState { selected, ..ViewState::default() }
    }

    /// Whether `other` needs another frame than this state: the layout depends on the width, the zoom and
    /// the overview, not on the selection or the statements.
    fn same_frame(&self, other: &ViewState) -> bool {
        (self.width, self.zoom_level, self.overview) == (other.width, other.zoom_level, other.overview)
    }

    /// The zoom factor: 2 to the zoom level.
    pub fn zoom(&self) -> f64 {
        f64::from(1u32 << self.zoom_level)
    }

    /// The state after `action` in `frame` (the frame of this state), or `None` if it changes nothing the
    /// reader would see.
    pub fn apply(&self, timeline: &Timeline, frame: &Frame, action: Action) -> Option<ViewState> {
        let last = timeline.events.len().checked_sub(1)?;
        let select = |index: usize| -> Option<ViewState> {
            (index != self.selected && index <= last).then(|| ViewState { selected: index, ..self.clone() })
        };
        let open_statements = || timeline.events.get(self.selected).into_iter().flat_map(|e| &e.statements);
        match action {
            Action::Select(index) => select(index),
            Action::SelectId(id) => select(timeline.position(&id)?),
            Action::Next => select(frame.step(self.selected, true)?),
            Action::Prev => select(frame.step(self.selected, false)?),
            Action::First => select(0),
            Action::Last => select(last),
            Action::Toggle(id) => {
                let mut next = self.clone();
                if !next.expanded.remove(&id) {
                    next.expanded.insert(id);
                }
                Some(next)
            }
            Action::Collapse(id) => {
                let mut next = self.clone();
                next.expanded.remove(&id).then_some(next)
            }
            Action::ExpandAll => {
                let mut next = self.clone();
                next.expanded.insert_all(open_statements().map(|s| s.id.as_str())).then_some(next)
            }
            Action::CollapseAll => {
                let mut next = self.clone();
                next.expanded.remove_all(open_statements().map(|s| s.id.as_str())).then_some(next)
            }
            Action::ZoomIn if !frame.zoom_in => None,
            Action::ZoomIn if frame.overview => Some(ViewState { overview: false, ..self.clone() }),
            Action::ZoomIn => Some(ViewState { zoom_level: (self.zoom_level + 1).min(MAX_ZOOM_LEVEL), ..self.clone() }),
            Action::ZoomOut if !frame.zoom_out => None,
            Action::ZoomOut if self.zoom_level == 0 => Some(ViewState { overview: true, ..self.clone() }),
            Action::ZoomOut => Some(ViewState { zoom_level: self.zoom_level - 1, ..self.clone() }),
            Action::Resize(width) => (width.is_finite() && width >= 0.0 && self.width != Some(width))
                .then(|| ViewState { width: Some(width), ..self.clone() }),
            Action::OpenGroup(i) => {
                let keep = frame.group_of(self.selected).is_some_and(|group| group.holds(i));
                let selected = if keep { self.selected } else { i };
                (i <= last && (self.overview || selected != self.selected)).then(|| ViewState {
                    selected,
                    overview: false,
                    ..self.clone()
                })
            }
        }
    }
}

/// Where a key press was made, for [`key_action`]: one of the composite widgets that own the arrow keys (the
/// ARIA Authoring Practices' roving-tabindex pattern), or anywhere else in the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyPlace {
    /// A marker on the axis.
    Marker,
    /// An item of the narrow list (its button, not the card open inside it).
    ListItem,
    /// A group of the overview.
    Group,
    /// Any other control or text: Previous, Next, zoom, the card, a statement, a link.
    Elsewhere,
}

/// An arrow pressed on marker or list item `focused` steps from there, not from the open event `selected`:
/// the two differ after "Show later events" moved focus to the first new item. Next and Previous become the
/// selection of its neighbour, within the story's `len` events; any other action, and an arrow on the open
/// event's own marker, stay as they are.
pub fn step_from(action: Action, focused: Option<usize>, selected: usize, len: usize) -> Action {
    match (action, focused) {
        (Action::Next, Some(f)) if f != selected && f < len => Action::Select((f + 1).min(len - 1)),
        (Action::Prev, Some(f)) if f != selected && f < len => Action::Select(f.saturating_sub(1)),
        (action, _) => action,
    }
}

/// What a key does where it was pressed, in a widget laid out right to left when `rtl` is set:
/// - on a marker, a list item or an overview group, the four arrows step to the next or previous thing in
///   the view (an event, or a group in the overview), Home and End go to the first and last event, and
///   focus follows;
/// - the left and right arrows follow the screen: right to left, time runs leftwards, so the left arrow
///   goes to the later event (as the ARIA Authoring Practices ask); Down is always the later one;
/// - anywhere else, nothing: the key does what the browser does (scrolls the page, moves in text).
///
/// Escape in an expanded statement is the statement's own.
pub fn key_action(place: KeyPlace, key: &str, rtl: bool) -> Option<Action> {
    if place == KeyPlace::Elsewhere {
        return None;
    }
    match (key, rtl) {
        ("ArrowRight", false) | ("ArrowLeft", true) | ("ArrowDown", _) => Some(Action::Next),
        ("ArrowLeft", false) | ("ArrowRight", true) | ("ArrowUp", _) => Some(Action::Prev),
        ("Home", _) => Some(Action::First),
        ("End", _) => Some(Action::Last),
        _ => None,
    }
}

/// Where a change of the open event came from, for what the live region says of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// An arrow key on the markers, the list or the groups, or a group opened: focus moves to the new event's
    /// marker or group, whose name then says it.
    Focus,
    /// A click or Enter on a marker or a list item: it opens its event and keeps focus, whose name was said
    /// before the press; only the live region can say that the card changed.
    Press,
    /// Previous and Next, the JS API, the URL hash: focus stays where it was, and only the live region
    /// can say where the reader now is.
    #[default]
    Elsewhere,
}

/// What the live region says when event `selected` was opened from `origin` in `frame`:
/// - `None` when focus already says it ([`Origin::Focus`]);
/// - in the overview, the group that holds the event, named as its button is ("748 events, 1980–1982");
/// - elsewhere the event's date and headline ("Monday, May 28, 2007: Bomb blast in Baghdad …").
///
/// Quick changes are said once, the last of them: the hook that speaks waits for a pause. The words are the
/// reader's (`locale`).
pub fn announcement(
    timeline: &Timeline,
    frame: &Frame,
    selected: usize,
    origin: Origin,
    locale: &Locale,
) -> Option<String> {
    if origin == Origin::Focus {
        return None;
    }
    if frame.overview {
        return frame.group_of(selected).map(|g| crate::frame::group_name(timeline, g, locale, &frame.dates));
    }
    timeline.events.get(selected).map(|e| format!("{}: {}", frame.dates.long_label(&e.date), e.headline))
}

/// What the live region says when the overview opens or closes while focus stays on the zoom button that did
/// it: entering, how many groups there are and the one that holds the open event; leaving, the open event.
pub fn overview_announcement(timeline: &Timeline, frame: &Frame, selected: usize, locale: &Locale) -> Option<String> {
    if !frame.overview {
        return announcement(timeline, frame, selected, Origin::Elsewhere, locale);
    }
    let group = frame.group_of(selected)?;
    Some(format!(
        "{} {} {}",
        locale.counted(Counted::Groups, frame.groups.len()),
        locale.word(Word::OpenEventIn),
        crate::frame::group_name(timeline, group, locale, &frame.dates)
    ))
}

/// What the live region says when a story has loaded after the reader pressed Retry.
pub fn loaded_announcement(timeline: &Timeline, locale: &Locale) -> String {
    format!("{} {}", locale.word(Word::TimelineLoaded), timeline.title)
}

/// The reducer: the story, what the reader has done, and the frame of that, kept in step.
#[derive(Clone, Debug)]
pub struct Session {
    pub timeline: Rc<Timeline>,
    pub view: ViewState,
    pub frame: Rc<Frame>,
}

impl Session {
    /// `timeline` opened at `start` (an event id), in a widget `width` px wide when that is known.
    pub fn new(timeline: Rc<Timeline>, start: Option<&str>, width: Option<f64>) -> Session {
        Session::new_in(timeline, start, width, &Dates::default())
    }

    /// [`Session::new`] with the dates written as `dates` writes them, in every frame to come.
    pub fn new_in(timeline: Rc<Timeline>, start: Option<&str>, width: Option<f64>, dates: &Dates) -> Session {
        let view = ViewState { width, ..ViewState::new(&timeline, start) };
        let frame = Rc::new(Frame::new_in(&timeline, &view, view.width, dates));
        Session { timeline, view, frame }
    }

    /// The session after `action`, with what changed for the page, or `None` when nothing the reader would
    /// see changes. The frame is computed again only when the layout's inputs changed.
    pub fn act(&self, action: Action) -> Option<(Session, Vec<Notice>)> {
        let mut view = self.view.apply(&self.timeline, &self.frame, action)?;
        let frame = if view.same_frame(&self.view) {
            self.frame.clone()
        } else {
            let frame = Frame::new_in(&self.timeline, &view, view.width, &self.frame.dates);
            // A width where the story no longer needs the overview ends it: no hidden state survives that a
            // later press would have to undo.
            if view.overview && !frame.overview {
                view.overview = false;
            }
            Rc::new(frame)
        };
        let changed = changes(&self.timeline, &self.view, &view);
        Some((Session { timeline: self.timeline.clone(), view, frame }, changed))
    }
}

/// What the widget tells the page, as one type from the state to the DOM: each variant is a bubbling
/// `newsline:*` event on the widget's element ([`Notice::event_name`]) whose `detail` is the variant's fields,
/// serialized at the boundary (`embed`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Notice {
    /// The story is on screen, with this event open: `newsline:ready`.
    Ready { selected: String, events: usize },
    /// The reader (or the page) opened another event: `newsline:select`.
    Select { id: String },
    /// A statement was expanded or collapsed: `newsline:toggle`.
    Toggle { statement: String, expanded: bool },
    /// The story cannot be shown: the download failed (`message`) or the data has `problems`:
    /// `newsline:error`.
    Error { url: Option<String>, message: Option<String>, problems: Vec<String> },
}

impl Notice {
    /// The DOM event that carries it.
    pub fn event_name(&self) -> &'static str {
        match self {
            Notice::Ready { .. } => "newsline:ready",
            Notice::Select { .. } => "newsline:select",
            Notice::Toggle { .. } => "newsline:toggle",
            Notice::Error { .. } => "newsline:error",
        }
    }
}

/// What changed from `before` to `after`, in the order a reader would name it: the selection, then the
/// statements in id order.
/// What the page is told when the event it asked to open first (`data-start`, the `start` option) is not in
/// the story: the first event opens instead, and a mistyped id should not pass unnoticed.
pub fn start_warning(timeline: &Timeline, start: Option<&str>) -> Option<String> {
    let start = start?;
    timeline.position(start).is_none().then(|| {
        let shown: String = start.chars().take(60).collect();
        format!("Newsline: the story has no event with the id \"{shown}\" (data-start, or the start option): the first event is shown")
    })
}

/// The problems of a story as `newsline:error` lists them: `path: message`, a warning marked as one, so a page
/// can tell what stopped the story from what only needs a look.
pub fn problem_lines(problems: &[crate::problem::Problem]) -> Vec<String> {
    use crate::problem::{ProblemKind, Severity};
    problems
        .iter()
        .map(|p| match (p.severity, &p.kind) {
            (Severity::Warning, kind) if !matches!(kind, ProblemKind::More { .. }) => format!("warning: {p}"),
            _ => p.to_string(),
        })
        .collect()
}

pub fn changes(timeline: &Timeline, before: &ViewState, after: &ViewState) -> Vec<Notice> {
    let mut out = Vec::new();
    if before.selected != after.selected {
        if let Some(event) = timeline.events.get(after.selected) {
            out.push(Notice::Select { id: event.id.clone() });
        }
    }
    out.extend(
        toggled(&before.expanded, &after.expanded)
            .into_iter()
            .map(|(statement, expanded)| Notice::Toggle { statement, expanded }),
    );
    out
}

/// The statements whose expansion differs between `before` and `after`, with their new state
/// (`true` = expanded), in id order.
pub fn toggled(before: &IdSet, after: &IdSet) -> Vec<(String, bool)> {
    // Both lists are sorted: one merge walk finds the ids in one and not the other, in order.
    let (mut b, mut a) = (before.0.iter().peekable(), after.0.iter().peekable());
    let mut out = Vec::new();
    loop {
        let order = match (b.peek(), a.peek()) {
            (None, None) => return out,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        };
        match order {
            Ordering::Less => out.extend(b.next().map(|id| (id.clone(), false))),
            Ordering::Greater => out.extend(a.next().map(|id| (id.clone(), true))),
            Ordering::Equal => {
                b.next();
                a.next();
            }
        }
    }
}

/// A set of ids, kept sorted in a list: a reader expands a handful of statements, and a list costs the
/// widget far less code than a `BTreeSet` (24 KB of WebAssembly).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdSet(Vec<String>);

impl IdSet {
    pub fn contains(&self, id: &str) -> bool {
        self.0.binary_search_by(|x| x.as_str().cmp(id)).is_ok()
    }

    /// Adds `id`; `false` if it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Takes `id` out; `false` if it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.0.binary_search_by(|x| x.as_str().cmp(id)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds every id of `ids`; `false` if all were there already. The new ids are sorted and merged in, in
    /// O((n + m) log m) for n ids held and m given: inserting them one at a time moved the list for each, and
    /// expanding an event of 100,000 statements took seconds.
    pub fn insert_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> bool {
        let mut new: Vec<&str> = ids.into_iter().filter(|id| !self.contains(id)).collect();
        if new.is_empty() {
            return false;
        }
        new.sort_unstable();
        new.dedup();
        let mut merged = Vec::with_capacity(self.0.len() + new.len());
        let mut new = new.into_iter().peekable();
        for id in std::mem::take(&mut self.0) {
            while let Some(n) = new.next_if(|n| *n < id.as_str()) {
                merged.push(n.to_owned());
            }
            merged.push(id);
        }
        merged.extend(new.map(str::to_owned));
        self.0 = merged;
        true
    }

    /// Takes out every id of `ids`; `false` if none was there. One pass over the list, in
    /// O((n + m) log m) (removing them one at a time was quadratic, as [`IdSet::insert_all`] explains).
    pub fn remove_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> bool {
        let mut gone: Vec<&str> = ids.into_iter().filter(|id| self.contains(id)).collect();
        if gone.is_empty() {
            return false;
        }
        gone.sort_unstable();
        self.0.retain(|id| gone.binary_search(&id.as_str()).is_err());
        true
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut list: Vec<String> = ids.into_iter().collect();
        list.sort_unstable();
        list.dedup();
        IdSet(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Statement;
    use crate::story;

    fn timeline() -> Timeline {
        story::default_story().timeline
    }

    /// The built-in story in a widget 1,200 px wide.
    fn session() -> Session {
        Session::new(Rc::new(timeline()), None, Some(1200.0))
    }

    /// A story of `n` events a year apart, too long for 800 px at zoom 1, in a widget 800 px wide.
    fn long_session(n: usize) -> Session {
        let events: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "e{i}", "date": "{}-01-01", "headline": "Event {i}"}}"#, 1900 + i))
            .collect();
        let text = format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","));
        let t = crate::parse::read_story(&text).expect("valid").timeline;
        Session::new(Rc::new(t), None, Some(800.0))
    }

    /// Applies actions in turn, ignoring no-ops, and returns the end state.
    fn run(start: &Session, actions: &[Action]) -> Session {
        actions.iter().fold(start.clone(), |s, a| s.act(a.clone()).map_or(s, |(next, _)| next))
    }

    /// The session after one action, `None` for a no-op.
    fn act(s: &Session, action: Action) -> Option<Session> {
        s.act(action).map(|(next, _)| next)
    }

    #[test]
    fn a_start_that_names_no_event_is_told_and_warnings_are_marked() {
        let t = timeline();
        assert_eq!(start_warning(&t, Some("talks-open")), None);
        assert_eq!(start_warning(&t, None), None);
        assert_eq!(
            start_warning(&t, Some("talks-opn")).as_deref(),
            Some("Newsline: the story has no event with the id \"talks-opn\" (data-start, or the start option): the first event is shown")
        );
        use crate::json::Path;
        use crate::problem::{Problem, ProblemKind, Severity};
        let problem = |severity| Problem { path: Path::root().key("events"), kind: ProblemKind::NoEvents, severity };
        let lines = problem_lines(&[problem(Severity::Error), problem(Severity::Warning)]);
        assert!(!lines[0].starts_with("warning: ") && lines[1].starts_with("warning: events: "), "{lines:?}");
    }

    #[test]
    fn navigation_table() {
        let t = timeline();
        let last = t.events.len() - 1;
        let cases: &[(&[Action], usize)] = &[
            (&[], 0),
            (&[Action::Next], 1),
            (&[Action::Next, Action::Next, Action::Prev], 1),
            (&[Action::Prev], 0),
            (&[Action::Last], last),
            (&[Action::Last, Action::Next], last),
            (&[Action::Last, Action::First], 0),
            (&[Action::Select(3)], 3),
            (&[Action::Select(999)], 0),
            (&[Action::SelectId("baghdad-bombing".into())], t.position("baghdad-bombing").unwrap()),
            (&[Action::Next, Action::SelectId("no-such-event".into())], 1),
        ];
        for (actions, want) in cases {
            assert_eq!(run(&session(), actions).view.selected, *want, "after {actions:?}");
        }
    }

    #[test]
    fn no_ops_return_none_so_nothing_re_renders() {
        let s = session();
        for action in [
            Action::Prev,
            Action::Select(0),
            Action::OpenGroup(0),
            Action::Collapse("x".into()),
            Action::Resize(1200.0),
            Action::Resize(f64::NAN),
        ] {
            assert!(act(&s, action.clone()).is_none(), "{action:?} changed something");
        }
        let empty = Session::new(Rc::new(Timeline { events: Vec::new(), ..timeline() }), None, Some(1200.0));
        assert!(act(&empty, Action::Next).is_none());
    }

    #[test]
    fn statements_expand_collapse_and_survive_moving_away() {
        let t = timeline();
        let at = t.events.iter().position(|e| e.statements.len() >= 2).unwrap();
        let ids: Vec<String> = t.events[at].statements.iter().map(|s| s.id.clone()).collect();
        let s = run(&session(), &[Action::Select(at), Action::Toggle(ids[0].clone())]);
        assert!(s.view.expanded.contains(&ids[0]));
        let s = run(&s, &[Action::Next, Action::Prev]);
        assert!(s.view.expanded.contains(&ids[0]), "expanded state kept while reading elsewhere");
        let s = run(&s, &[Action::ExpandAll]);
        assert!(ids.iter().all(|id| s.view.expanded.contains(id)));
        assert!(act(&s, Action::ExpandAll).is_none());
        let s = run(&s, &[Action::CollapseAll]);
        assert!(s.view.expanded.is_empty());
        let s = run(&s, &[Action::Toggle(ids[1].clone()), Action::Toggle(ids[1].clone())]);
        assert!(s.view.expanded.is_empty());
    }

    #[test]
    fn toggled_lists_each_change_once() {
        let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<IdSet>();
        assert_eq!(toggled(&set(&["a", "b"]), &set(&["b", "c"])), [("a".into(), false), ("c".into(), true)]);
        assert!(toggled(&set(&["a"]), &set(&["a"])).is_empty());
    }

    #[test]
    fn id_sets_agree_with_an_ordered_set() {
        use std::collections::BTreeSet;
        // Deterministic pseudo-random ids, inserted and removed in an order unlike their sorted one.
        let id = |n: u32| format!("s{}", n.wrapping_mul(2_654_435_761) % 97);
        let (mut ours, mut reference) = (IdSet::default(), BTreeSet::new());
        let mut before = (IdSet::default(), BTreeSet::new());
        for n in 0..400u32 {
            let x = id(n);
            if n % 3 == 0 {
                assert_eq!(ours.remove(&x), reference.remove(&x), "remove {x}");
            } else {
                assert_eq!(ours.insert(x.clone()), reference.insert(x.clone()), "insert {x}");
            }
            assert_eq!(ours.contains(&x), reference.contains(&x));
            if n % 25 == 24 {
                let want: Vec<(String, bool)> =
                    reference.symmetric_difference(&before.1).map(|i| (i.clone(), reference.contains(i))).collect();
                assert_eq!(toggled(&before.0, &ours), want);
                before = (ours.clone(), reference.clone());
            }
        }
        assert_eq!(ours.0, reference.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn expanding_and_collapsing_all_of_many_statements_takes_n_log_n() {
        // One event of 10,000 statements, and one of 300,000: inserting (and removing) the ids one at a time
        // moved the sorted list for each, about 24 seconds for the larger in a debug build; sorting and
        // merging takes about one.
        for n in [10_000, 300_000] {
            let mut t = timeline();
            let at = t.events.iter().position(|e| !e.statements.is_empty()).unwrap();
            let one = t.events[at].statements[0].clone();
            t.events[at].statements = (0..n).map(|i| Statement { id: format!("s{i}"), ..one.clone() }).collect();
            let start = std::time::Instant::now();
            let f = Frame::new(&t, &ViewState::new(&t, None), Some(1200.0));
            let s = ViewState::new(&t, None).apply(&t, &f, Action::Select(at)).unwrap();
            let s = s.apply(&t, &f, Action::Toggle("s7".into())).unwrap();
            let expanded = s.apply(&t, &f, Action::ExpandAll).unwrap();
            assert_eq!(expanded.apply(&t, &f, Action::ExpandAll), None);
            let collapsed = expanded.apply(&t, &f, Action::CollapseAll).unwrap();
            let took = start.elapsed();
            assert_eq!(expanded.expanded.0.len(), n);
            assert!(expanded.expanded.0.windows(2).all(|w| w[0] < w[1]));
            assert!(collapsed.expanded.is_empty());
            assert_eq!(toggled(&s.expanded, &expanded.expanded).len(), n - 1);
            // Catches quadratic work (minutes), with room for a machine under load: not a speed target.
            assert!(took.as_secs_f64() < 30.0, "{n} statements expanded and collapsed in {took:?}");
        }
    }

    #[test]
    fn sets_gain_and_lose_many_ids_at_once_as_one_at_a_time() {
        let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<IdSet>();
        let mut s = set(&["b", "d", "f"]);
        assert!(s.insert_all(["a", "d", "e", "g", "e"]));
        assert_eq!(s, set(&["a", "b", "d", "e", "f", "g"]));
        assert!(!s.insert_all(["a", "g"]));
        assert!(s.remove_all(["a", "x", "f"]));
        assert_eq!(s, set(&["b", "d", "e", "g"]));
        assert!(!s.remove_all(["x"]));
    }

    #[test]
    fn changes_name_the_new_event_and_each_statement() {
        let t = timeline();
        let before = session();
        let (_, changed) = before.act(Action::SelectId("talks-open".into())).unwrap();
        assert_eq!(changed, [Notice::Select { id: "talks-open".into() }]);
        let opened = run(&before, &[Action::SelectId("talks-open".into())]);
        let (_, changed) = opened.act(Action::ExpandAll).unwrap();
        assert_eq!(
            changed,
            [
                Notice::Toggle { statement: "maliki-common-ground".into(), expanded: true },
                Notice::Toggle { statement: "maliki-principal-party".into(), expanded: true },
            ]
        );
        let (_, changed) = before.act(Action::ZoomIn).unwrap();
        assert!(changed.is_empty());
        assert_eq!(changes(&t, &before.view, &opened.view), [Notice::Select { id: "talks-open".into() }]);
    }

    #[test]
    fn zoom_is_bounded_and_a_story_that_fits_has_no_overview() {
        let s = run(&session(), &[const { Action::ZoomIn }; 10]);
        assert_eq!(s.view.zoom_level, MAX_ZOOM_LEVEL);
        assert_eq!(s.view.zoom(), 16.0);
        let s = run(&s, &[const { Action::ZoomOut }; 10]);
        assert_eq!(s.view.zoom(), 1.0);
        assert!(!s.view.overview, "the built-in story fits: zooming out stops at 1x");
    }

    /// The reader pressed the disabled "−" on the built-in story, then "+", and nothing happened: the "−"
    /// had set a hidden overview flag that the "+" only cleared.
    #[test]
    fn a_press_on_zoom_out_where_it_does_nothing_leaves_zoom_in_working() {
        let s = session();
        assert!(!s.frame.zoom_out, "nothing to zoom out to");
        assert!(act(&s, Action::ZoomOut).is_none(), "the press changes nothing");
        let zoomed = act(&s, Action::ZoomIn).expect("zoom in works");
        assert_eq!(zoomed.view.zoom_level, 1);
        assert!(!zoomed.view.overview);
    }

    /// The arrow keys stepped a group at a time in the overview while the JS API's next() moved one event:
    /// now both send Next, and Next is the next group there.
    #[test]
    fn next_steps_a_group_in_the_overview_whoever_presses_it() {
        let s = run(&long_session(120), &[Action::ZoomOut]);
        assert!(s.view.overview && s.frame.overview);
        let second = s.frame.groups[1].first;
        assert!(second > 1);
        let next = act(&s, Action::Next).expect("a next group");
        assert_eq!(next.view.selected, second);
        assert_eq!(act(&next, Action::Prev).expect("back").view.selected, 0);
        // Back on the axis, Next is the next event.
        let axis = run(&next, &[Action::ZoomIn, Action::Next]);
        assert_eq!(axis.view.selected, second + 1);
    }

    #[test]
    fn the_overview_is_left_by_zooming_in_opening_a_group_or_widening() {
        let s = run(&long_session(120), &[Action::ZoomOut]);
        assert!(s.view.overview && s.view.zoom_level == 0);
        assert!(act(&s, Action::ZoomOut).is_none());
        let back = act(&s, Action::ZoomIn).unwrap();
        assert!(!back.view.overview && back.view.zoom_level == 0);
        // Opening a group opens its first event and shows the axis again; the group of the open event keeps it.
        let opened = act(&s, Action::OpenGroup(0)).unwrap();
        assert_eq!((opened.view.selected, opened.view.overview), (0, false));
        let second = s.frame.groups[1].first;
        let (_, changed) = s.act(Action::OpenGroup(second)).unwrap();
        assert_eq!(changed, vec![Notice::Select { id: format!("e{second}") }]);
        assert!(act(&s, Action::OpenGroup(999)).is_none());
        // A widget grown wide enough for the whole story leaves the overview, and no flag of it stays behind.
        let wide = act(&s, Action::Resize(100_000.0)).unwrap();
        assert!(!wide.view.overview && !wide.frame.overview);
        let narrow_again = act(&wide, Action::Resize(800.0)).unwrap();
        assert!(!narrow_again.frame.overview, "the overview does not come back by itself");
    }

    /// Enter on the overview's group that held the open event opened the group's first event instead: the
    /// reader, back on the axis, had lost their place.
    #[test]
    fn the_group_of_the_open_event_keeps_it_open() {
        let s = run(&long_session(120), &[Action::Select(2), Action::ZoomOut]);
        let (first, second) = (s.frame.groups[0].clone(), s.frame.groups[1].first);
        assert!(s.view.overview && first.holds(2) && first.first != 2, "{first:?}");
        let back = act(&s, Action::OpenGroup(first.first)).expect("leaves the overview");
        assert_eq!((back.view.selected, back.view.overview), (2, false), "the open event stays open");
        let (_, changed) = s.act(Action::OpenGroup(first.first)).unwrap();
        assert!(changed.is_empty(), "nothing was selected: {changed:?}");
        let other = act(&s, Action::OpenGroup(second)).expect("another group");
        assert_eq!((other.view.selected, other.view.overview), (second, false), "another group opens its first");
        // Outside the overview there are no groups: the event named opens.
        let axis = run(&long_session(120), &[Action::Select(2)]);
        assert_eq!(act(&axis, Action::OpenGroup(0)).map(|a| a.view.selected), Some(0));
    }

    #[test]
    fn the_width_enters_the_state_and_the_frame_follows() {
        let s = session();
        assert!(!s.frame.narrow);
        let phone = act(&s, Action::Resize(360.0)).expect("a new width");
        assert!(phone.frame.narrow && !phone.frame.zoom_in && !phone.frame.zoom_out);
        assert!(act(&phone, Action::ZoomIn).is_none(), "the list has no zoom");
        let selected = act(&phone, Action::Next).expect("next in the list");
        assert!(Rc::ptr_eq(&selected.frame, &phone.frame), "a selection keeps the frame");
    }

    /// ArrowDown on Next, Zoom in or a statement changed the event and took focus to a marker: the keys now
    /// act only on the composite widgets.
    /// Right to left, the arrows follow the screen (the later event is to the left); Up and Down, Home and End
    /// mean the same in both directions.
    #[test]
    fn keys_act_only_on_markers_list_items_and_groups() {
        // (key, left to right, right to left)
        let keys: &[(&str, Option<Action>, Option<Action>)] = &[
            ("ArrowRight", Some(Action::Next), Some(Action::Prev)),
            ("ArrowLeft", Some(Action::Prev), Some(Action::Next)),
            ("ArrowDown", Some(Action::Next), Some(Action::Next)),
            ("ArrowUp", Some(Action::Prev), Some(Action::Prev)),
            ("Home", Some(Action::First), Some(Action::First)),
            ("End", Some(Action::Last), Some(Action::Last)),
            ("Enter", None, None),
            (" ", None, None),
            ("PageDown", None, None),
            ("Escape", None, None),
            ("a", None, None),
        ];
        for (key, ltr, rtl) in keys {
            for place in [KeyPlace::Marker, KeyPlace::ListItem, KeyPlace::Group] {
                assert_eq!(key_action(place, key, false), *ltr, "{key} on {place:?}, left to right");
                assert_eq!(key_action(place, key, true), *rtl, "{key} on {place:?}, right to left");
            }
            for rtl in [false, true] {
                assert_eq!(
                    key_action(KeyPlace::Elsewhere, key, rtl),
                    None,
                    "{key} elsewhere does what the browser does"
                );
            }
        }
    }

    #[test]
    fn the_live_region_speaks_only_what_focus_does_not() {
        let s = session();
        let t = &s.timeline;
        let at = t.position("baghdad-bombing").unwrap();
        let en = &Locale::default();
        let said = announcement(t, &s.frame, at, Origin::Elsewhere, en);
        assert_eq!(said.as_deref(), Some("Monday, May 28, 2007: Bomb blast in Baghdad kills at least 19"));
        assert_eq!(announcement(t, &s.frame, at, Origin::Focus, en), None, "the focused marker says it");
        assert_eq!(announcement(t, &s.frame, 999, Origin::Elsewhere, en), None);
        // In the overview, Next goes a group, and the region names the group as its button does.
        let o = run(&long_session(120), &[Action::ZoomOut, Action::Next]);
        let group = o.frame.group_of(o.view.selected).unwrap();
        let said = announcement(&o.timeline, &o.frame, o.view.selected, Origin::Elsewhere, en).unwrap();
        assert_eq!(said, format!("{} events, {}–{}", group.count(), 1900 + group.first, 1900 + group.last));
        assert_eq!(announcement(&o.timeline, &o.frame, o.view.selected, Origin::Focus, en), None);
        assert_eq!(loaded_announcement(t, en), format!("Timeline loaded: {}", t.title));
        assert_eq!(loaded_announcement(t, &Locale::new("fa")), format!("گاه‌شمار بارگیری شد: {}", t.title));
        // A click or Enter on a marker keeps focus where it was: the region says that the card changed.
        assert_eq!(announcement(t, &s.frame, at, Origin::Press, en), said_before(t, at));
        // Zooming out into the overview, focus stays on the button: the region says where the reader now is.
        let z = run(&long_session(120), &[Action::ZoomOut]);
        let group = z.frame.group_of(z.view.selected).unwrap();
        assert_eq!(
            overview_announcement(&z.timeline, &z.frame, z.view.selected, en).unwrap(),
            format!(
                "Overview: {} groups of events. The open event is in {} events, {}–{}",
                z.frame.groups.len(),
                group.count(),
                1900 + group.first,
                1900 + group.last
            )
        );
        let back = run(&long_session(120), &[Action::ZoomOut, Action::ZoomIn]);
        assert!(!back.frame.overview);
        assert_eq!(
            overview_announcement(&back.timeline, &back.frame, back.view.selected, en),
            announcement(&back.timeline, &back.frame, back.view.selected, Origin::Elsewhere, en)
        );
    }

    fn said_before(t: &Timeline, at: usize) -> Option<String> {
        t.events.get(at).map(|e| format!("{}: {}", e.date.long_label(), e.headline))
    }

    #[test]
    fn arrows_step_from_the_focused_marker_or_item() {
        // Focus on item 100 of 300 (after "Show later events") while event 0 is open.
        let cases = [
            (Action::Next, Some(100), 0, Action::Select(101)),
            (Action::Prev, Some(100), 0, Action::Select(99)),
            (Action::Next, Some(299), 0, Action::Select(299)),
            (Action::Prev, Some(0), 5, Action::Select(0)),
            // On the open event's own marker, and for Home and End, nothing changes.
            (Action::Next, Some(5), 5, Action::Next),
            (Action::First, Some(100), 0, Action::First),
            (Action::Last, Some(100), 0, Action::Last),
            (Action::Next, None, 0, Action::Next),
            // An index outside the story (a stale id) is ignored.
            (Action::Next, Some(300), 0, Action::Next),
        ];
        for (action, focused, selected, want) in cases {
            assert_eq!(
                step_from(action.clone(), focused, selected, 300),
                want,
                "{action:?} on {focused:?}, {selected} open"
            );
        }
    }

    #[test]
    fn start_opens_the_named_event() {
        let t = timeline();
        assert_eq!(ViewState::new(&t, Some("talks-open")).selected, t.position("talks-open").unwrap());
        assert_eq!(ViewState::new(&t, Some("nope")).selected, 0);
    }
}
