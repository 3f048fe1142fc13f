//! One statement: collapsed to who and the gist, expanded to the full words, role and context.
//!
//! A disclosure: the button carries `aria-expanded` and `aria-controls`; Escape inside an expanded card
//! collapses it and puts focus back on its button. What it shows is no landmark: Expand all on a card of
//! twelve statements adds twelve blocks of text, not twelve regions.
//!
//! Its name is the speaker, the kind and the gist, as written ("+" and "−" are drawn by the stylesheet and
//! left out of it). The gist is the summary, shown in full; a statement without one has its own text as gist,
//! cut to one line, and hidden once expanded, where the full text follows: each text is read once.

use yew::prelude::*;

use crate::model::{Statement, StatementKind};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    pub uid: String,
    pub statement: Statement,
    pub expanded: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    let s = &props.statement;
    let button_id = format!("{}-sb-{}", props.uid, s.id);
    let detail_id = format!("{}-sd-{}", props.uid, s.id);
    let button = use_node_ref();
    let (kind_class, kind_label) = match s.kind {
        StatementKind::Quote => ("nl-quote", "Quote"),
        StatementKind::Paraphrase => ("nl-paraphrase", "Reported speech"),
    };
    let gist = match (&s.summary, s.kind) {
        (Some(summary), _) => summary.clone(),
        (None, StatementKind::Quote) => format!("“{}”", s.text),
        (None, StatementKind::Paraphrase) => s.text.clone(),
    };
    let ontoggle = {
        let id = s.id.clone();
        props.dispatch.reform(move |_: MouseEvent| Action::Toggle(id.clone()))
    };
    let onkeydown = {
        let id = s.id.clone();
        let dispatch = props.dispatch.clone();
        let button = button.clone();
        let expanded = props.expanded;
        Callback::from(move |e: KeyboardEvent| {
            if expanded && e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                dispatch.emit(Action::Collapse(id.clone()));
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    html! {
        <li class={classes!("nl-statement", kind_class, props.expanded.then_some("nl-expanded"))} {onkeydown}>
            <button
                ref={button}
                type="button"
                id={button_id}
                class="nl-statement-toggle"
                aria-expanded={if props.expanded { "true" } else { "false" }}
                aria-controls={detail_id.clone()}
                onclick={ontoggle}
            >
                <span class="nl-statement-head">
                    <span class="nl-statement-speaker">{ &s.speaker }</span>
                    <span class="nl-statement-kind">{ kind_label }</span>
                </span>
                <span class={classes!("nl-statement-gist", s.summary.is_none().then_some("nl-gist-text"))}>{ gist }</span>
            </button>
            <div id={detail_id} class="nl-statement-detail" hidden={!props.expanded}>
                if s.kind == StatementKind::Quote {
                    <figure class="nl-statement-figure">
                        <blockquote class="nl-statement-text"><p>{ &s.text }</p></blockquote>
                        <figcaption class="nl-statement-who">
                            <cite>{ &s.speaker }</cite>
                            if let Some(role) = &s.role { { ", " }{ role } }
                        </figcaption>
                    </figure>
                } else {
                    <p class="nl-statement-text">{ &s.text }</p>
                    <p class="nl-statement-who">
                        { "Reported speech of " }<cite>{ &s.speaker }</cite>
                        if let Some(role) = &s.role { { ", " }{ role } }
                    </p>
                }
                if let Some(context) = &s.context {
                    <p class="nl-statement-context">{ context }</p>
                }
            </div>
        </li>
    }
}
