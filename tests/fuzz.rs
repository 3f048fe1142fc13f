//! Property-based fuzzing of everything that reads outside input: no input makes the parser, the
//! validator, the importers or the layout panic, and whatever passes validation lays out sanely.
//!
//! `cargo fuzz` needs a nightly toolchain, which this project does not use; proptest runs on stable. The
//! number of cases per target is `PROPTEST_CASES` (default 256 here, `make fuzz` runs many more). A failure
//! is shrunk and saved under `proptest-regressions/`, which is committed so it is replayed from then on.
#![cfg(not(target_arch = "wasm32"))]

use newsline::convert::read_csv;
use newsline::date::DateSpec;
use newsline::json::{self, Json, Key};
use newsline::layout::{place_markers, MAX_LANES};
use newsline::parse::{check_json, read_story};
use newsline::problem::{error_count, Problem, ProblemKind, Severity, MAX_PROBLEMS};
use newsline::state::IdSet;
use newsline::story::DEFAULT_STORY_JSON;
use newsline::text::{self, MAX_NESTING};
use proptest::prelude::*;

/// Pieces that made the text parsers search far, or nest deep, when repeated ([`pathological`]).
const PIECES: &[&str] = &[
    "[",
    "](",
    "[x](",
    ")",
    "<",
    "<em>",
    "</em>",
    "<em></b>",
    "</b>",
    "<b>",
    "<a href=x>",
    "</a>",
    "&",
    "&amp",
    "*",
    "_",
    "**",
    " ",
    "x",
    "\n\n",
    "<p>",
    "<!--",
    "-->",
    "é",
];

/// Text made of [`PIECES`], each repeated many times: the shapes that once took quadratic time or built
/// trees thousands deep.
fn pathological() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), 1usize..400), 1..12)
        .prop_map(|runs| runs.into_iter().map(|(piece, n)| piece.repeat(n)).collect())
}

/// A list of problems as a check returns it: at most [`MAX_PROBLEMS`] and a last count of the rest, which
/// is the only [`ProblemKind::More`].
fn capped_well(problems: &[Problem]) -> bool {
    let more = problems.iter().filter(|p| matches!(p.kind, ProblemKind::More { .. })).count();
    problems.len() <= MAX_PROBLEMS + 1
        && more <= 1
        && (more == 0 || matches!(problems.last().map(|p| &p.kind), Some(ProblemKind::More { .. })))
        && error_count(problems) >= problems.iter().filter(|p| p.severity == Severity::Error).count()
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Keys TimelineJS knows that Newsline's own format does not, so that generated trees reach into the importer.
const TIMELINEJS_KEYS: &[&str] =
    &["headline", "second", "millisecond", "start_date", "unique_id", "background", "scale", "thumbnail", "link"];

/// Keys the formats know, so that generated trees reach deep into the validator and the importers: every
/// field of Newsline's format (from the validator's own table, so a new field is fuzzed at once) and
/// TimelineJS's.
fn keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> =
        newsline::validate::FORMAT.iter().flat_map(|(_, fields)| fields.iter().copied()).collect();
    keys.extend_from_slice(TIMELINEJS_KEYS);
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The tree with infinite and NaN numbers (which JSON cannot hold) made 0, and keys made unique.
fn finite(tree: Json) -> Json {
    match tree {
        Json::Num(n) if !n.is_finite() => Json::Num(0.0),
        Json::Arr(items) => Json::Arr(items.into_iter().map(finite).collect()),
        // Duplicated keys as a JSON map keeps them: the first place, the last value.
        Json::Obj(members) => {
            let mut out: Vec<(Key, Json)> = Vec::new();
            for (k, v) in members {
                let v = finite(v);
                match out.iter_mut().find(|(key, _)| *key == k) {
                    Some(slot) => slot.1 = v,
                    None => out.push((k, v)),
                }
            }
            Json::Obj(out)
        }
        other => other,
    }
}

fn to_serde(tree: &Json) -> serde_json::Value {
    use serde_json::Value;
    match tree {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Num(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        Json::Str(s) => Value::String(s.clone()),
        Json::Arr(items) => Value::Array(items.iter().map(to_serde).collect()),
        Json::Obj(members) => Value::Object(members.iter().map(|(k, v)| (k.to_string(), to_serde(v))).collect()),
    }
}

/// Equal trees, numbers within 1 part in 10^14 (and tiny numbers, under 10^-300, both tiny).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Num(x), Json::Num(y)) => x == y || ((x - y) / x).abs() < 1e-14 || x.abs().max(y.abs()) < 1e-300,
        (Json::Arr(x), Json::Arr(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Json::Obj(x), Json::Obj(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

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
            prop::collection::vec((prop::sample::select(keys()).prop_map(Key::Borrowed), inner), 0..8)
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

    /// Repeated delimiters and tags parse without panicking, never nest deeper than the limit, and (as plain
    /// text) keep every character that is not markup.
    #[test]
    fn pathological_text_parses_shallow(text in pathological()) {
        let rich = text::parse(&text);
        prop_assert!(rich.depth() <= MAX_NESTING, "{} deep", rich.depth());
        let rich = text::parse_in_full(&text);
        prop_assert!(rich.depth() <= MAX_NESTING);
        // As the headline of an imported file and as a body, through the whole reader.
        let story = serde_json::json!({"events": [{"start_date": {"year": 2007}, "text": {"headline": text, "text": text}}]});
        match read_story(&story.to_string()) {
            Ok(checked) => prop_assert!(checked.timeline.events[0].body.depth() <= MAX_NESTING),
            Err(problems) => prop_assert!(capped_well(&problems)),
        }
    }

    /// A link the check keeps cannot leave the page's host by way of backslashes or a second slash, and has
    /// a scheme it allows.
    #[test]
    fn safe_urls_stay_safe(url in "[/\\\\a-z:.@#? ]{0,12}", allow_mailto in any::<bool>()) {
        if let Some(kept) = text::safe_url(&url, allow_mailto) {
            let slashed = kept.replace('\\', "/");
            prop_assert!(!slashed.starts_with("//"), "{:?}", url);
            if let Some((scheme, _)) = kept.split_once(':').filter(|(s, _)| !s.contains(['/', '\\', '?', '#'])) {
                let scheme = scheme.to_ascii_lowercase();
                prop_assert!(scheme == "http" || scheme == "https" || allow_mailto && scheme == "mailto", "{:?}", url);
            }
        }
    }

    /// Stories with many problems, many groups, unknown sources and repeated unknown fields give a capped
    /// list of problems, and lay out in a bounded number of lanes.
    #[test]
    fn crowded_stories_give_capped_problems_and_bounded_lanes(
        n in 1usize..400,
        groups in 1usize..200,
        sources in 0usize..50,
        unknown_every in 1usize..20,
        repeats in 0usize..30,
    ) {
        let source_list: Vec<_> = (0..sources).map(|i| serde_json::json!({"id": format!("s{i}"), "title": "S"})).collect();
        let events: Vec<_> = (0..n)
            .map(|i| {
                let mut e = serde_json::json!({"id": format!("e{i}"), "date": "2007", "sequence": i, "headline": "E", "group": format!("g{}", i % groups)});
                if i % unknown_every == 0 {
                    e["source"] = serde_json::json!(format!("nope{i}"));
                }
                e
            })
            .collect();
        let mut text = serde_json::json!({"title": "T", "sources": source_list, "events": events}).to_string();
        // Repeated unknown fields on the root object.
        text.insert_str(1, &"\"colour\": 1, ".repeat(repeats));
        match read_story(&text) {
            Ok(checked) => {
                prop_assert!(capped_well(&checked.warnings));
                let placed = place_markers(&checked.timeline, 1200.0, 1.0);
                prop_assert!(placed.lanes.len() <= MAX_LANES + 1);
                prop_assert!(placed.rows.iter().all(|r| *r < placed.rows_used));
            }
            Err(problems) => {
                prop_assert!(capped_well(&problems));
                prop_assert!(problems.iter().all(|p| p.to_string().len() < 400), "a long message");
                let colour = problems.iter().filter(|p| p.to_string().contains("\"colour\"")).count();
                prop_assert!(colour <= 1);
            }
        }
    }

    /// Expanding or collapsing many statements at once leaves the same set as doing it one at a time.
    #[test]
    fn sets_change_many_at_once_as_one_at_a_time(
        start in prop::collection::vec("[a-e]{1,2}", 0..30),
        add in prop::collection::vec("[a-e]{1,2}", 0..30),
        take in prop::collection::vec("[a-e]{1,2}", 0..30),
    ) {
        let mut one: IdSet = start.iter().cloned().collect();
        let mut all = one.clone();
        let mut changed = false;
        for id in &add {
            changed |= one.insert(id.clone());
        }
        prop_assert_eq!(all.insert_all(add.iter().map(String::as_str)), changed);
        prop_assert_eq!(&all, &one);
        let mut changed = false;
        for id in &take {
            changed |= one.remove(id);
        }
        prop_assert_eq!(all.remove_all(take.iter().map(String::as_str)), changed);
        prop_assert_eq!(&all, &one);
    }

    #[test]
    fn json_like_text_reads_without_panicking(text in "[\\[\\]{}\":,0-9a-z \\\\-]{0,200}") {
        let _ = read_story(&text);
    }

    /// The widget's JSON reader accepts exactly what serde_json (a strict RFC 8259 parser) accepts.
    #[test]
    fn the_json_reader_accepts_what_serde_json_accepts(
        text in prop_oneof!["[\\[\\]{}\":,0-9a-z .eE+\\\\-]{0,60}", "[\\[{\"a-z0-9:, \\\\/u\\]}-]{0,40}"]
    ) {
        let ours = json::parse(&text, 64);
        let theirs = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'));
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: ours {:?}", text, ours);
    }

    /// Any tree written by serde_json reads back the same (numbers as [`same`] allows).
    #[test]
    fn the_json_reader_reads_back_what_serde_json_writes(tree in json_tree(), pretty in any::<bool>()) {
        let tree = finite(tree);
        let value = to_serde(&tree);
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        let back = json::parse(&text.unwrap(), 64).unwrap();
        prop_assert!(same(&tree, &back), "{:?} read back as {:?}", tree, back);
    }

    #[test]
    fn numbers_read_like_the_standard_library(n in prop_oneof![any::<f64>(), -1e6..1e6f64, any::<i64>().prop_map(|i| i as f64)]) {
        prop_assume!(n.is_finite());
        for text in [n.to_string(), format!("{n:e}"), format!("{n:.3}")] {
            let ours = json::number(&text).unwrap();
            let exact: f64 = text.parse().unwrap();
            prop_assert!(
                ours == exact || ((ours - exact) / exact).abs() < 1e-14 || exact.abs() < 1e-300,
                "{} read as {} not {}", text, ours, exact
            );
        }
    }

    /// Text with nothing to format takes a short cut; it must come out as the full parser makes it.
    #[test]
    fn the_plain_text_short_cut_agrees_with_the_parser(text in "[ -%'-)+-;=-Z\\]-^`-~\u{a0}\u{2003}é\t]{0,40}") {
        prop_assert!(text::is_plain(&text));
        prop_assert_eq!(text::parse(&text).blocks, text::parse_in_full(&text).blocks);
        // The same in one HTML paragraph, TimelineJS's commonest form, in any case and with blanks around.
        for wrapped in [format!("<p>{text}</p>"), format!(" \n<P>{text}</P>\t")] {
            prop_assert_eq!(text::parse(&wrapped).blocks, text::parse_in_full(&wrapped).blocks, "{:?}", wrapped);
        }
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
