//! What the reader has done: which event is open, which statements are expanded, how far zoomed in.
//!
//! One [`Action`] enum and a pure [`ViewState::apply`]; the component layer wraps it in a reducer. An action
//! that changes nothing returns `None`, so the widget does not re-render for it.

use std::cmp::Ordering;

use crate::model::Timeline;

/// Zoom steps: 1x (fit), 2x, 4x, 8x, 16x.
pub const MAX_ZOOM_LEVEL: u8 = 4;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Index of the open event.
    pub selected: usize,
    /// Ids of the expanded statements (of any event: coming back to an event finds it as it was left).
    pub expanded: IdSet,
    /// 0 fits the whole story in the width; each level doubles it.
    pub zoom_level: u8,
    /// Zoomed out past level 0: the story's events grouped into an overview (for stories too long to fit).
    pub overview: bool,
}

/// Everything a reader can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the event at this index.
    Select(usize),
    /// Open the event with this id (from the URL hash or the embedding page); unknown ids do nothing.
    SelectId(String),
    Next,
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
    /// Open this event and leave the overview for the axis around it (a click on a group of events).
    OpenGroup(usize),
}

impl ViewState {
    /// The state a story opens in: `start` if it names an event, else the first event.
    pub fn new(timeline: &Timeline, start: Option<&str>) -> ViewState {
        let selected = start.and_then(|id| timeline.position(id)).unwrap_or(0);
        ViewState { selected, ..ViewState::default() }
    }

    /// The zoom factor: 2 to the zoom level.
    pub fn zoom(&self) -> f64 {
        f64::from(1u32 << self.zoom_level)
    }

    /// The state after `action`, or `None` if it changes nothing.
    pub fn apply(&self, timeline: &Timeline, action: Action) -> Option<ViewState> {
        let last = timeline.events.len().checked_sub(1)?;
        let select = |index: usize| -> Option<ViewState> {
            (index != self.selected && index <= last).then(|| ViewState { selected: index, ..self.clone() })
        };
        let open_statements = || timeline.events.get(self.selected).into_iter().flat_map(|e| &e.statements);
        match action {
            Action::Select(index) => select(index),
            Action::SelectId(id) => select(timeline.position(&id)?),
            Action::Next => select(self.selected.checked_add(1)?),
            Action::Prev => select(self.selected.checked_sub(1)?),
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
            Action::ZoomIn if self.overview => Some(ViewState { overview: false, ..self.clone() }),
            Action::ZoomIn => (self.zoom_level < MAX_ZOOM_LEVEL)
                .then(|| ViewState { zoom_level: self.zoom_level + 1, ..self.clone() }),
            Action::ZoomOut if self.zoom_level == 0 => {
                (!self.overview).then(|| ViewState { overview: true, ..self.clone() })
            }
            Action::ZoomOut => Some(ViewState { zoom_level: self.zoom_level - 1, ..self.clone() }),
            Action::OpenGroup(i) => (i <= last && (self.overview || i != self.selected)).then(|| ViewState {
                selected: i,
                overview: false,
                ..self.clone()
            }),
        }
    }
}

/// Something the reader (or the embedding page) changed, as the page is told of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Another event is open.
    Selected(String),
    /// A statement was expanded (`true`) or collapsed.
    Toggled(String, bool),
}

/// What changed from `before` to `after`, in the order a reader would name it: the selection, then the
/// statements in id order.
pub fn changes(timeline: &Timeline, before: &ViewState, after: &ViewState) -> Vec<Change> {
    let mut out = Vec::new();
    if before.selected != after.selected {
        if let Some(event) = timeline.events.get(after.selected) {
            out.push(Change::Selected(event.id.clone()));
        }
    }
    out.extend(toggled(&before.expanded, &after.expanded).into_iter().map(|(id, on)| Change::Toggled(id, on)));
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

    /// Applies actions in turn, ignoring no-ops, and returns the end state.
    fn run(start: ViewState, actions: &[Action]) -> ViewState {
        let t = timeline();
        actions.iter().fold(start, |s, a| s.apply(&t, a.clone()).unwrap_or(s))
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
            assert_eq!(run(ViewState::new(&t, None), actions).selected, *want, "after {actions:?}");
        }
    }

    #[test]
    fn no_ops_return_none_so_nothing_re_renders() {
        let t = timeline();
        let s = ViewState::new(&t, None);
        assert_eq!(s.apply(&t, Action::Prev), None);
        assert_eq!(s.apply(&t, Action::Select(0)), None);
        assert_eq!(s.apply(&t, Action::OpenGroup(0)), None);
        assert_eq!(s.apply(&t, Action::Collapse("x".into())), None);
        let empty = Timeline { events: Vec::new(), ..t.clone() };
        assert_eq!(s.apply(&empty, Action::Next), None);
    }

    #[test]
    fn statements_expand_collapse_and_survive_moving_away() {
        let t = timeline();
        let at = t.events.iter().position(|e| e.statements.len() >= 2).unwrap();
        let ids: Vec<String> = t.events[at].statements.iter().map(|s| s.id.clone()).collect();
        let s = run(ViewState::new(&t, None), &[Action::Select(at), Action::Toggle(ids[0].clone())]);
        assert!(s.expanded.contains(&ids[0]));
        let s = run(s, &[Action::Next, Action::Prev]);
        assert!(s.expanded.contains(&ids[0]), "expanded state kept while reading elsewhere");
        let s = run(s, &[Action::ExpandAll]);
        assert!(ids.iter().all(|id| s.expanded.contains(id)));
        assert_eq!(s.apply(&t, Action::ExpandAll), None);
        let s = run(s, &[Action::CollapseAll]);
        assert!(s.expanded.is_empty());
        let s = run(s, &[Action::Toggle(ids[1].clone()), Action::Toggle(ids[1].clone())]);
        assert!(s.expanded.is_empty());
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
            let s = ViewState::new(&t, None).apply(&t, Action::Select(at)).unwrap();
            let s = s.apply(&t, Action::Toggle("s7".into())).unwrap();
            let expanded = s.apply(&t, Action::ExpandAll).unwrap();
            assert_eq!(expanded.apply(&t, Action::ExpandAll), None);
            let collapsed = expanded.apply(&t, Action::CollapseAll).unwrap();
            let took = start.elapsed();
            assert_eq!(expanded.expanded.0.len(), n);
            assert!(expanded.expanded.0.windows(2).all(|w| w[0] < w[1]));
            assert!(collapsed.expanded.is_empty());
            assert_eq!(toggled(&s.expanded, &expanded.expanded).len(), n - 1);
            assert!(took.as_secs_f64() < 6.0, "{n} statements expanded and collapsed in {took:?}");
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
        let before = ViewState::new(&t, None);
        let after = run(before.clone(), &[Action::SelectId("talks-open".into()), Action::ExpandAll]);
        assert_eq!(
            changes(&t, &before, &after),
            [
                Change::Selected("talks-open".into()),
                Change::Toggled("maliki-common-ground".into(), true),
                Change::Toggled("maliki-principal-party".into(), true),
            ]
        );
        let zoomed = run(before.clone(), &[Action::ZoomIn]);
        assert!(changes(&t, &before, &zoomed).is_empty());
    }

    #[test]
    fn zoom_is_bounded() {
        let t = timeline();
        let s = run(ViewState::new(&t, None), &[const { Action::ZoomIn }; 10]);
        assert_eq!(s.zoom_level, MAX_ZOOM_LEVEL);
        assert_eq!(s.zoom(), 16.0);
        let s = run(s, &[const { Action::ZoomOut }; 10]);
        assert_eq!(s.zoom(), 1.0);
        assert!(s.overview, "zooming out past 1x gives the overview");
    }

    #[test]
    fn the_overview_is_left_by_zooming_in_or_opening_a_group() {
        let t = timeline();
        let s = run(ViewState::new(&t, None), &[Action::ZoomOut]);
        assert!(s.overview && s.zoom_level == 0);
        assert_eq!(s.apply(&t, Action::ZoomOut), None);
        let back = s.apply(&t, Action::ZoomIn).unwrap();
        assert!(!back.overview && back.zoom_level == 0);
        // Opening a group opens its first event, even the one already open, and shows the axis again.
        let opened = s.apply(&t, Action::OpenGroup(0)).unwrap();
        assert_eq!((opened.selected, opened.overview), (0, false));
        let opened = s.apply(&t, Action::OpenGroup(3)).unwrap();
        assert_eq!(changes(&t, &s, &opened), vec![Change::Selected(t.events[3].id.clone())]);
        assert_eq!(s.apply(&t, Action::OpenGroup(99)), None);
    }

    #[test]
    fn start_opens_the_named_event() {
        let t = timeline();
        assert_eq!(ViewState::new(&t, Some("talks-open")).selected, t.position("talks-open").unwrap());
        assert_eq!(ViewState::new(&t, Some("nope")).selected, 0);
    }
}
