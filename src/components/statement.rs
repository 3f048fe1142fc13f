//! One statement: collapsed to who and the gist, expanded to the full words, role and context.
//!
//! A disclosure: the button carries `aria-expanded` and `aria-controls`; Escape inside an expanded card
//! collapses it and puts focus back on its button. What it shows is no landmark: Expand all on a card of
//! twelve statements adds twelve blocks of text, not twelve regions.
//!
//! Its name is the speaker, the kind and the gist, as written ("+" and "−" are drawn by the stylesheet and
//! left out of it). The gist is the summary, shown in full; a statement without one has its own text as gist,
//! cut to one line, and hidden once expanded, where the full text follows: each text is read once.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Statement, StatementKind};
use crate::state::Action;
use crate::words::{Locale, Word};

#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    pub locale: Rc<Locale>,
    pub uid: String,
    pub statement: Statement,
    pub expanded: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    let locale = &props.locale;
    let s = &props.statement;
    let button_id = format!("{}-sb-{}", props.uid, s.id);
    let detail_id = format!("{}-sd-{}", props.uid, s.id);
    let button = use_node_ref();
    let kind_class = kind_class(s.kind);
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
                { head(s, true, locale) }
            </button>
            <div id={detail_id} class="nl-statement-detail" hidden={!props.expanded}>
                { words(s, locale) }
            </div>
        </li>
    }
}

fn kind_class(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Quote => "nl-quote",
        StatementKind::Paraphrase => "nl-paraphrase",
    }
}

/// What the closed statement shows, and its button's name: the speaker, the kind and the gist. `text_gist`:
/// whether a statement without a summary shows a line of its own text as gist (not where it starts open).
fn head(s: &Statement, text_gist: bool, locale: &Locale) -> Html {
    // Words in translation are marked as such: a quote is the speaker's words only in the original.
    let kind_label = locale.word(match (s.kind, s.translated) {
        (StatementKind::Quote, false) => Word::Quote,
        (StatementKind::Quote, true) => Word::QuoteTranslated,
        (StatementKind::Paraphrase, false) => Word::ReportedSpeech,
        (StatementKind::Paraphrase, true) => Word::ReportedSpeechTranslated,
    });
    let gist = match (&s.summary, s.kind) {
        (Some(summary), _) => Some(summary.clone()),
        _ if !text_gist => None,
        (None, StatementKind::Quote) => {
            // The words isolated (U+2068 … U+2069) between the marks: a direction control left open in them
            // cannot carry the closing mark off.
            Some(format!("{}\u{2068}{}\u{2069}{}", locale.word(Word::OpenQuote), s.text, locale.word(Word::CloseQuote)))
        }
        (None, StatementKind::Paraphrase) => Some(s.text.clone()),
    };
    html! {
        <>
            // The spaces keep the words apart where no style sheet lays them out (feed readers, read-later).
            <span class="nl-statement-head">
                <span class="nl-statement-speaker">{ &s.speaker }</span>
                { " " }
                <span class="nl-statement-kind">{ kind_label }</span>
            </span>
            { " " }
            if let Some(gist) = gist {
                <span class={classes!("nl-statement-gist", s.summary.is_none().then_some("nl-gist-text"))} lang={super::text_lang(locale)}>{ gist }</span>
            }
        </>
    }
}

/// What the open statement adds: the words (a quote as a block quotation), who said them in what role, and
/// the context.
fn words(s: &Statement, locale: &Locale) -> Html {
    let comma = locale.word(Word::Comma);
    let lang = super::text_lang(locale);
    html! {
        <>
            if s.kind == StatementKind::Quote {
                <figure class="nl-statement-figure">
                    // The reader's marks, as around the gist; the words isolated between them, so a direction
                    // control left open in them cannot carry the closing mark off.
                    <blockquote class="nl-statement-text" lang={lang.clone()}>
                        <p>{ locale.word(Word::OpenQuote) }<bdi>{ &s.text }</bdi>{ locale.word(Word::CloseQuote) }</p>
                    </blockquote>
                    <figcaption class="nl-statement-who">
                        <cite>{ &s.speaker }</cite>
                        if let Some(role) = &s.role { { comma }{ " " }<bdi>{ role }</bdi> }
                    </figcaption>
                </figure>
            } else {
                <p class="nl-statement-text" lang={lang.clone()}>{ &s.text }</p>
                <p class="nl-statement-who">
                    { locale.word(Word::ReportedSpeechOf) }{ " " }<cite>{ &s.speaker }</cite>
                    if let Some(role) = &s.role { { comma }{ " " }<bdi>{ role }</bdi> }
                </p>
            }
            if let Some(context) = &s.context {
                <p class="nl-statement-context" {lang}>{ context }</p>
            }
        </>
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The statement as prerendered HTML (`newsline render`): the same head and words in a `<details>` that
/// opens and closes without script, open so that the whole story reads (and prints) without a press: each
/// text once, so the gist is the summary only.
pub fn statement_details(s: &Statement, locale: &Locale) -> Html {
    html! {
        <li class={classes!("nl-statement", kind_class(s.kind))} data-statement-id={s.id.clone()}>
            <details class="nl-statement-details" open=true>
                <summary class="nl-statement-toggle">{ head(s, false, locale) }</summary>
                <div class="nl-statement-detail">{ words(s, locale) }</div>
            </details>
        </li>
    }
}
