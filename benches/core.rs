//! Micro-benchmarks of the pure core on the host: reading, checking and laying out stories of 1,000 to
//! 100,000 events, the steps between the story's text arriving and the first render in the widget.
//!
//! `cargo bench --bench core` (part of `make bench`). The stories are generated like `bench/run.mjs`
//! generates them for the browser: TimelineJS JSON, events spread evenly over 40 years, or clustered many
//! to a day.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

// The benchmarks run on the host only; a WebAssembly build of the tests (clippy) gets an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use divan::{black_box, Bencher};
    use newsline::json;
    use newsline::layout::{place_markers, visible_range};
    use newsline::limits::Limits;
    use newsline::model::Timeline;
    use newsline::parse::read_story_with;

    const SIZES: &[usize] = &[1_000, 10_000, 100_000];

    /// A TimelineJS file of `n` events: `spread` over 40 years, or else 50 to a day.
    fn story(n: usize, spread: bool) -> String {
        story_with(n, spread, true)
    }

    /// The same, with or without `unique_id`s (many TimelineJS files have none: the reader makes them up).
    fn story_with(n: usize, spread: bool, ids: bool) -> String {
        let mut events = Vec::with_capacity(n);
        for i in 0..n {
            let day = if spread { i * 365 * 40 / n } else { i / 50 };
            let (year, month, day) = (1980 + day / 365, 1 + (day % 365) / 31, 1 + (day % 365) % 31 % 28);
            let id = if ids { format!(r#", "unique_id": "e{i}""#) } else { String::new() };
            events.push(format!(
                r#"{{"start_date": {{"year": {year}, "month": {month}, "day": {day}}}, "text": {{"headline": "Event {n}: a story headline", "text": "<p>What happened in event {i}, in a paragraph of ordinary length for a news timeline card.</p>"}}{id}}}"#,
                n = i + 1
            ));
        }
        format!(
            r#"{{"title": {{"text": {{"headline": "{n} events", "text": "Generated."}}}}, "events": [{}]}}"#,
            events.join(",")
        )
    }

    fn limits() -> Limits {
        Limits { max_events: 1_000_000, max_bytes: 1 << 30, ..Limits::default() }
    }

    fn timeline(n: usize, spread: bool) -> Timeline {
        read_story_with(&story(n, spread), &limits()).expect("the generated story is valid").timeline
    }

    /// Text to a JSON tree.
    #[divan::bench(args = SIZES)]
    fn parse_json(bencher: Bencher, n: usize) {
        let text = story(n, true);
        bencher.counter(divan::counter::BytesCount::of_str(&text)).bench(|| json::parse(black_box(&text), 64));
    }

    /// Text to a checked story: parse, import from TimelineJS, validate, sort.
    #[divan::bench(args = SIZES)]
    fn read_story(bencher: Bencher, n: usize) {
        let text = story(n, true);
        bencher.bench(|| read_story_with(black_box(&text), &limits()));
    }

    /// The same for a file without ids, which the reader makes up from the headlines.
    #[divan::bench(args = SIZES)]
    fn read_story_without_ids(bencher: Bencher, n: usize) {
        let text = story_with(n, true, false);
        bencher.bench(|| read_story_with(black_box(&text), &limits()));
    }

    /// The layout of the marker strip at a desktop width, spread and clustered.
    #[divan::bench(args = SIZES)]
    fn layout_spread(bencher: Bencher, n: usize) {
        let t = timeline(n, true);
        bencher.bench(|| place_markers(black_box(&t), 1166.0, 1.0));
    }

    #[divan::bench(args = SIZES)]
    fn layout_clustered(bencher: Bencher, n: usize) {
        let t = timeline(n, false);
        bencher.bench(|| place_markers(black_box(&t), 1166.0, 1.0));
    }

    /// Which markers are on screen, for one scroll position: what the strip does on every scroll step.
    #[divan::bench(args = SIZES)]
    fn visible_markers(bencher: Bencher, n: usize) {
        let placed = place_markers(&timeline(n, true), 1166.0, 8.0);
        let middle = placed.track_width / 2.0;
        bencher
            .bench(|| visible_range(black_box(&placed.scale.xs), middle, middle + 1166.0, placed.flag_width, 1166.0));
    }

    /// `newsline render`: the story as HTML (Yew's server-side rendering of the widget's components) and its
    /// data block, from the checked story. Target: under a second at 10,000 events (issue 14).
    #[divan::bench(args = [1_000, 10_000])]
    fn render_fragment(bencher: Bencher, n: usize) {
        let story = timeline(n, true);
        bencher.bench(|| {
            newsline::prerender::fragment(black_box(story.clone()), &newsline::prerender::Request::default()).len()
        });
    }
}
