//! Newsline: an embeddable, accessible, interactive timeline widget for news stories.
//!
//! Three layers, one direction: the pure core (`json`, `date`, `model`, `validate`, `parse`, `scale`,
//! `layout`, `load`, `state`) knows nothing of the browser and is tested on the host; `components` and `hooks` are
//! the Yew views over it; `embed` mounts them into a page.

pub mod accent;
pub mod calendar;
pub mod convert;
pub mod date;
pub mod dates;
pub mod frame;
pub mod intl;
pub mod json;
pub mod layout;
pub mod limits;
pub mod load;
pub mod media;
pub mod model;
pub mod options;
pub mod parse;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod problem;
pub mod scale;
pub mod state;
pub mod story;
pub mod text;
pub mod timelinejs;
pub mod validate;
pub mod words;

// Reading a story allocates many small strings and lists; talc does that faster than the standard
// allocator (dlmalloc) in WebAssembly, in fewer bytes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
mod hooks;
