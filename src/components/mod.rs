//! The Yew views. Each reads state and sends actions; none holds logic the core could hold.

mod app;
mod card;
mod controls;
mod error_view;
mod list;
mod nav;
mod rich;
mod statement;

pub use app::{App, AppProps, Controller, Notice};
pub use error_view::ErrorView;

use std::sync::atomic::{AtomicU32, Ordering};

/// A prefix for element ids that is unique to one widget on the page, so two widgets never share an id.
pub(crate) fn next_instance_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("nl{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The heading tag for `level` (clamped to h1-h6).
pub(crate) fn heading_tag(level: u8) -> String {
    format!("h{}", level.clamp(1, 6))
}
