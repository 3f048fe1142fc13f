//! What a reader (and the editor) sees instead of a story that cannot be shown: every problem, with where.

use std::rc::Rc;

use yew::prelude::*;

use super::heading_tag;
use crate::validate::{Problem, Severity};

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub problems: Rc<Vec<Problem>>,
    #[prop_or(2)]
    pub heading_level: u8,
}

#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let errors = props.problems.iter().filter(|p| p.severity == Severity::Error).count();
    let summary = match errors {
        1 => "The story data has 1 problem. Fix it in the file and reload the page:".to_owned(),
        n => format!("The story data has {n} problems. Fix them in the file and reload the page:"),
    };
    html! {
        <section class="newsline nl-error" role="alert">
            <@{heading_tag(props.heading_level)} class="nl-title">{ "This timeline could not be shown" }</@>
            <p>{ summary }</p>
            <ul class="nl-problems">
                for problem in props.problems.iter() {
                    <li class={classes!(if problem.severity == Severity::Error { "nl-problem-error" } else { "nl-problem-warning" })}>
                        if problem.severity == Severity::Warning {
                            <span class="nl-problem-severity">{ "Warning: " }</span>
                        }
                        <code class="nl-problem-path">{ problem.path.to_string() }</code>
                        { ": " }
                        <span class="nl-problem-message">{ problem.kind.to_string() }</span>
                    </li>
                }
            </ul>
        </section>
    }
}
