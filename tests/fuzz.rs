//! Property-based fuzzing of everything that reads outside input: no input makes the parser, the
//! validator, the importers or the layout panic, and whatever passes validation lays out sanely.
//!
//! `cargo fuzz` needs a nightly toolchain, which this project does not use; proptest runs on stable. The
//! number of cases per target is `PROPTEST_CASES` (default 256 here, `make fuzz` runs many more). A failure
//! is shrunk and saved under `proptest-regressions/`, which is committed so it is replayed from then on.
#![cfg(not(target_arch = "wasm32"))]

use newsline::convert::read_csv;
use newsline::date::DateSpec;
use newsline::json::Json;
use newsline::layout::place_markers;
use newsline::parse::{check_json, read_story};
use newsline::story::DEFAULT_STORY_JSON;
use newsline::text;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Keys the formats know, so that generated trees reach deep into the validator and the importers.
const KEYS: &[&str] = &[
    "title",
    "summary",
    "events",
    "eras",
    "sources",
    "id",
    "date",
    "end_date",
    "display_date",
    "sequence",
    "headline",
    "body",
    "media",
    "url",
    "alt",
    "caption",
    "credit",
    "place",
    "group",
    "source",
    "excerpt",
    "statements",
    "speaker",
    "role",
    "kind",
    "text",
    "context",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "start_date",
    "unique_id",
    "label",
    "start",
    "end",
    "background",
    "scale",
];

fn json_tree() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![any::<f64>(), -3000.0..3000.0f64, (0i32..40).prop_map(f64::from)].prop_map(Json::Num),
        prop_oneof![
            "[ -~]{0,12}",
            "(19|20)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?",
            Just("quote".to_owned()),
            Just("paraphrase".to_owned()),
            Just("<a href=\"javascript:x\">y</a> *z* [w](//v)".to_owned()),
        ]
        .prop_map(Json::Str),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((prop::sample::select(KEYS).prop_map(str::to_owned), inner), 0..8)
                .prop_map(Json::Obj),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_reads_without_panicking(text in any::<String>()) {
        let _ = read_story(&text);
        let _ = read_csv(&text);
        let _ = text::parse(&text);
        let _ = DateSpec::parse(&text);
    }

    #[test]
    fn json_like_text_reads_without_panicking(text in "[\\[\\]{}\":,0-9a-z \\\\-]{0,200}") {
        let _ = read_story(&text);
    }

    #[test]
    fn csv_like_text_reads_without_panicking(rows in prop::collection::vec("[0-9a-zA-Z \",:\r\n-]{0,40}", 0..8)) {
        let text = format!("Year,Month,Day,Time,Headline,Text,Type,Media,Group\r\n{}", rows.join("\r\n"));
        let _ = read_csv(&text);
    }

    #[test]
    fn the_story_with_random_edits_reads_without_panicking(
        edits in prop::collection::vec((0usize..DEFAULT_STORY_JSON.len(), any::<char>()), 1..8)
    ) {
        let mut chars: Vec<char> = DEFAULT_STORY_JSON.chars().collect();
        for (at, c) in edits {
            let at = at % chars.len();
            chars[at] = c;
        }
        let text: String = chars.into_iter().collect();
        let _ = read_story(&text);
    }

    #[test]
    fn any_tree_validates_or_explains_and_lays_out_sanely(
        tree in json_tree(), width in prop_oneof![Just(f64::NAN), -10.0..3000.0f64], zoom in 0.0..20.0f64
    ) {
        // Both formats: the tree as it is, and wrapped as a TimelineJS file.
        let tjs = Json::Obj(vec![
            ("title".into(), Json::Obj(vec![])),
            ("events".into(), Json::Arr(vec![tree.clone()])),
        ]);
        for json in [tree, tjs] {
            match check_json(&json) {
                Err(problems) => prop_assert!(!problems.is_empty()),
                Ok(checked) => {
                    let t = &checked.timeline;
                    prop_assert!(t.events.windows(2).all(|w| (w[0].date, w[0].sequence) <= (w[1].date, w[1].sequence)));
                    let placed = place_markers(t, width, zoom);
                    prop_assert_eq!(placed.scale.xs.len(), t.events.len());
                    prop_assert!(placed.scale.xs.iter().all(|x| x.is_finite()));
                    prop_assert!(placed.scale.xs.windows(2).all(|w| w[0] < w[1]));
                    prop_assert!(placed.rows.iter().all(|r| *r < placed.rows_used.max(1)));
                }
            }
        }
    }

    #[test]
    fn generated_stories_always_lay_out(
        dates in prop::collection::vec((-5000i64..5000, prop::option::of(1i64..=12), prop::option::of(1i64..=28)), 1..60),
        width in 0.0..4000.0f64,
        zoom in 1.0..16.0f64,
    ) {
        let events: Vec<String> = dates
            .iter()
            .enumerate()
            .filter(|(_, (y, _, _))| *y != 0)
            .map(|(i, (y, m, d))| {
                let date = match (m, d) {
                    (Some(m), Some(d)) => format!("{{\"year\": {y}, \"month\": {m}, \"day\": {d}}}"),
                    (Some(m), None) => format!("{{\"year\": {y}, \"month\": {m}}}"),
                    _ => format!("{y}"),
                };
                format!("{{\"id\": \"e{i}\", \"date\": {date}, \"headline\": \"E{i}\", \"group\": \"g{}\"}}", i % 3)
            })
            .collect();
        prop_assume!(!events.is_empty());
        let text = format!("{{\"title\": \"T\", \"events\": [{}]}}", events.join(","));
        let checked = read_story(&text).expect("generated stories are valid");
        let placed = place_markers(&checked.timeline, width, zoom);
        prop_assert!(placed.scale.xs.windows(2).all(|w| w[1] - w[0] >= 48.0 - 1e-6 || placed.scale.breaks.iter().any(|b| b.x > w[0] && b.x < w[1])));
        prop_assert!(placed.scale.ticks.iter().all(|t| t.x.is_finite()));
        prop_assert!(placed.track_width.is_finite() && placed.track_width >= 0.0);
    }
}
