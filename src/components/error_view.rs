//! What a reader (and the editor) sees instead of a story that cannot be shown: every problem, with where.
//! The list is capped by the check ([`crate::validate::MAX_PROBLEMS`]); its last line then counts the rest.

use super::Shared;

use std::rc::Rc;

use yew::prelude::*;

use super::heading_tag;
use crate::hooks::use_focus_on_mount;
use crate::options::HeadingLevel;
use crate::validate::{error_count, Problem, ProblemKind, Severity};
use crate::words::{Counted, Locale, Word};

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    pub locale: Rc<Locale>,
    pub problems: Shared<Vec<Problem>>,
    /// The level the page set for the story's title: the panel's heading stands where the title would.
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// Where the story was to come from.
    #[prop_or_default]
    pub url: Option<AttrValue>,
    /// What went wrong, when it is not a list of problems (a failed download).
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// Shows a Retry button that calls this.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
    #[prop_or(AttrValue::Static("light"))]
    pub theme: AttrValue,
    /// Shown after the reader pressed Retry: the heading takes focus from the button that went away, and the
    /// summary is said assertively. Otherwise (on load, perhaps far below the reader) politely.
    #[prop_or_default]
    pub retried: bool,
}

#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let locale = &props.locale;
    let summary = locale.counted(Counted::Problems, error_count(&props.problems));
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), props.retried);
    html! {
        <section class="newsline nl-error" lang={locale.tag().to_owned()} dir={locale.dir()} data-theme={props.theme.clone()}>
            <div class="nl-error-summary" role={if props.retried { "alert" } else { "status" }}>
                <@{heading_tag(props.heading_level.title())} ref={heading} class="nl-title" tabindex={props.retried.then_some("-1")}>
                    { locale.word(Word::CouldNotShow) }
                </@>
                // What went wrong, and each problem, are said to the editor in English (as `newsline check`
                // says them), marked so for a screen reader reading the panel in the reader's language.
                if let Some(message) = &props.message {
                    <p class="nl-error-message" lang="en">{ message }</p>
                } else {
                    if let Some(url) = &props.url {
                        <p class="nl-error-url">{ locale.word(Word::StoryFile) }{ " " }<code>{ url }</code></p>
                    }
                    <p>{ summary }</p>
                }
            </div>
            if let Some(on_retry) = &props.on_retry {
                <p><button type="button" class="nl-button nl-retry" onclick={on_retry.reform(|_: MouseEvent| ())}>{ locale.word(Word::Retry) }</button></p>
            }
            <ul class="nl-problems" hidden={props.problems.is_empty()}>
                for problem in props.problems.iter() {
                    if let ProblemKind::More { .. } = problem.kind {
                        <li class="nl-problem-more" lang="en">{ problem.kind.to_string() }</li>
                    } else {
                        <li class={classes!(if problem.severity == Severity::Error { "nl-problem-error" } else { "nl-problem-warning" })}>
                            if problem.severity == Severity::Warning {
                                <span class="nl-problem-severity">{ locale.word(Word::Warning) }{ " " }</span>
                            }
                            <code class="nl-problem-path">{ problem.path.to_string() }</code>
                            { ": " }
                            <span class="nl-problem-message" lang="en">{ problem.kind.to_string() }</span>
                        </li>
                    }
                }
            </ul>
        </section>
    }
}
