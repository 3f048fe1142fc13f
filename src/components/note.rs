//! An editor's note, set apart from the story's text: the desk speaking in its own voice ("Editor's note: the
//! report dates this to 1979; …"), with the sources it rests on.

use yew::prelude::*;

use crate::model::{Note, Timeline};

/// What a note opens with, so that the reader can tell the desk's words from the report's.
pub const NOTE_LABEL: &str = "Editor's note: ";

/// `note` as a block of class `nl-note`, its sources cited from `timeline`.
pub fn note_view(note: &Note, timeline: &Timeline) -> Html {
    let sources = note.sources_line(timeline);
    html! {
        <div class="nl-note" role="note">
            <p><strong class="nl-note-label">{ NOTE_LABEL }</strong>{ &note.text }</p>
            if let Some(sources) = sources {
                <p class="nl-note-source">{ sources }</p>
            }
        </div>
    }
}
