use yew::prelude::*;

use crate::words::{table_missing, Lang};

/// Fetches the reader's words (`lang`'s table, `words/<lang>.txt` beside the built-in story's file) where the
/// widget does not have them yet, and says whether they are still on their way: the App shows its loading
/// frame until then, so no English flashes before them. Started as the widget mounts when the page names the
/// language, at once with the story; else as soon as the story names it. A failed fetch leaves the words in
/// English, with a warning in the console.
#[hook]
pub fn use_words(lang: Lang) -> bool {
    let arrived = use_state(|| 0u32);
    {
        let arrived = arrived.clone();
        use_effect_with(lang, move |&lang| {
            #[cfg(target_arch = "wasm32")]
            if table_missing(lang) {
                wasm_bindgen_futures::spawn_local(async move {
                    let table = match super::use_fetch_text::words_url(lang) {
                        Some(url) => super::use_fetch_text::fetch_words(&url).await,
                        None => None,
                    };
                    if table.is_none() {
                        let warning = [
                            "Newsline: the words for \"",
                            lang.code(),
                            "\" could not be loaded; they are shown in English",
                        ];
                        web_sys::console::warn_1(&warning.concat().into());
                    }
                    crate::words::install(lang, table);
                    arrived.set(*arrived + 1);
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (lang, arrived);
        });
    }
    table_missing(lang)
}
