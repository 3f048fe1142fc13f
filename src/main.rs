//! The widget's entry point: mount every `[data-newsline]` element on the page.

fn main() {
    #[cfg(target_arch = "wasm32")]
    newsline::embed::mount_all();
}
