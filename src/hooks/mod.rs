//! Browser I/O for the components, each in a `use_*` hook: measuring, downloading, the URL hash, positioning,
//! focus and the live region's timing.
//!
//! These are the only places besides `embed` that touch `web_sys`, and each does nothing when rendered on
//! the server (effects do not run there).

mod use_accent;
mod use_announcer;
mod use_element_width;
mod use_fetch_text;
mod use_focus;
mod use_frame_refused;
mod use_positions;
mod use_url_hash;
mod use_words;

pub use use_accent::use_accent;
pub use use_announcer::use_announcer;
pub use use_element_width::use_element_width;
#[cfg(target_arch = "wasm32")]
pub use use_fetch_text::set_source_policy;
pub use use_fetch_text::{use_fetch_text, Fetched, Prefetch};
pub use use_focus::{focus_element, use_focus_on_mount, use_keep_focus};
pub use use_frame_refused::use_frame_refused;
pub use use_positions::{right_to_left, scroll_from_start, scrolled_from_start, use_positions};
pub use use_url_hash::{current_hash, use_url_hash};
pub use use_words::use_words;
