//! An editor's note, set apart from the story's text: the desk speaking in its own voice ("Editor's note: the
//! report dates this to 1979; …"), with the sources it rests on.

use yew::prelude::*;

use crate::dates::Dates;
use crate::model::{Note, Timeline};
use crate::words::{Locale, Word};

/// `note` as a block of class `nl-note`, its sources cited from `timeline`. It opens with "Editor's note:", so
/// that the reader can tell the desk's words from the report's.
pub fn note_view(note: &Note, timeline: &Timeline, locale: &Locale, dates: &Dates) -> Html {
    let cited: Vec<_> = note.sources.iter().filter_map(|id| timeline.source(id)).collect();
    let sources = (!cited.is_empty()).then(|| super::cited(&cited, locale, dates));
    html! {
        <div class="nl-note" role="note">
            <p><strong class="nl-note-label">{ locale.word(Word::EditorsNote) }{ " " }</strong>{ &note.text }</p>
            if let Some(sources) = sources {
                <p class="nl-note-source">{ sources }</p>
            }
        </div>
    }
}
