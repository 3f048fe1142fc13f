use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long the announcer waits for the changes to stop before it speaks: four quick presses of Next are
/// said once, as where they ended.
pub const SETTLE_MS: u32 = 350;

/// The text of a polite live region, and a callback that asks it to say something. Each request replaces
/// the one waiting; the text changes once no request has come for [`SETTLE_MS`], so quick changes are said
/// once. The region is in the document empty before its first words, as screen readers need.
///
/// ```ignore
/// let (said, say) = use_announcer();
/// say.emit("Monday, May 28, 2007: Bomb blast in Baghdad".into());
/// html! { <p aria-live="polite">{ said }</p> }
/// ```
#[hook]
pub fn use_announcer() -> (String, Callback<String>) {
    let text = use_state_eq(String::new);
    let waiting = use_mut_ref(|| None::<Timeout>);
    // A new callback each render, not a memoized one: the view only hands it to its effect, and a hook more
    // would be code of its own in the widget.
    let say = {
        let text = text.clone();
        Callback::from(move |words: String| {
            let text = text.clone();
            // Replacing the timeout drops, and so cancels, the one waiting.
            *waiting.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || text.set(words)));
        })
    };
    ((*text).clone(), say)
}
