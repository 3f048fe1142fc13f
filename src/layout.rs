//! Marker flags without overlap: which row each event's label goes in.
//!
//! On the horizontal axis each marker carries a flag (date and headline) that reaches `flag_width` px to
//! the right of the marker. Flags are packed greedily into the lowest row where they do not touch the
//! previous flag. With markers at least `min_spacing` apart, `max_rows` rows always suffice when
//! `flag_width < max_rows * min_spacing`; [`flag_width_for`] picks a width that guarantees it.

use crate::date::DateSpec;
use crate::scale::{place, Params, Scale};

/// Widest a flag gets, when there is room.
pub const PREFERRED_FLAG_WIDTH: f64 = 200.0;
/// Free space between two flags in one row.
pub const FLAG_GAP: f64 = 8.0;
/// Rows of flags above the axis.
pub const MAX_ROWS: usize = 3;
/// Below this width the widget shows a vertical list instead of the axis.
pub const NARROW_BELOW: f64 = 600.0;

/// The horizontal axis with its flags placed: everything the view needs to draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub scale: Scale,
    /// Flag row per event.
    pub rows: Vec<u8>,
    pub rows_used: usize,
    pub flag_width: f64,
    /// Width of the whole drawn track, flags included.
    pub track_width: f64,
}

/// Places markers and flags for `dates` (chronological) in `width` px at `zoom`.
pub fn place_markers(dates: &[DateSpec], width: f64, zoom: f64) -> Placed {
    let params = Params::default();
    let width = if width.is_finite() { width.max(0.0) } else { 0.0 };
    // Flags reach right of their marker: keep room for the last one.
    let scale = place(dates, width - (PREFERRED_FLAG_WIDTH + FLAG_GAP - params.padding), zoom, &params);
    let closest = scale.xs.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min);
    let closest = if closest.is_finite() { closest } else { PREFERRED_FLAG_WIDTH };
    let flag_width = flag_width_for(PREFERRED_FLAG_WIDTH, closest, FLAG_GAP, MAX_ROWS);
    let (rows, rows_used) = pack_rows(&scale.xs, flag_width, FLAG_GAP, MAX_ROWS);
    let last = scale.xs.last().copied().unwrap_or(0.0);
    let track_width = width.max(scale.width).max(last + flag_width + FLAG_GAP);
    Placed { scale, rows, rows_used, flag_width, track_width }
}

/// Row (0 = nearest the axis) for each marker at `xs` (increasing), and how many rows are used.
pub fn pack_rows(xs: &[f64], flag_width: f64, gap: f64, max_rows: usize) -> (Vec<u8>, usize) {
    let max_rows = max_rows.clamp(1, 255);
    // Right edge of the last flag in each row.
    let mut ends: Vec<f64> = Vec::with_capacity(max_rows);
    let mut rows = Vec::with_capacity(xs.len());
    for (i, &x) in xs.iter().enumerate() {
        let row = match ends.iter().position(|end| *end + gap <= x) {
            Some(r) => r,
            None if ends.len() < max_rows => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            // No row is free: fall back to a rotation, the least bad choice.
            None => i % max_rows,
        };
        ends[row] = x + flag_width;
        rows.push(row as u8);
    }
    let used = ends.len();
    (rows, used)
}

/// A flag width no wider than `preferred` that `max_rows` rows can always hold at `min_spacing`.
pub fn flag_width_for(preferred: f64, min_spacing: f64, gap: f64, max_rows: usize) -> f64 {
    preferred.min(max_rows as f64 * min_spacing - gap).max(min_spacing - gap)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marker xs, flag width, and the rows and row count expected.
    type RowCase = (&'static [f64], f64, (&'static [u8], usize));

    #[test]
    fn rows_table() {
        let cases: &[RowCase] = &[
            (&[], 100.0, (&[], 0)),
            (&[0.0, 200.0, 400.0], 150.0, (&[0, 0, 0], 1)),
            (&[0.0, 100.0, 200.0, 300.0], 150.0, (&[0, 1, 0, 1], 2)),
            (&[0.0, 50.0, 100.0, 150.0, 200.0], 140.0, (&[0, 1, 2, 0, 1], 3)),
        ];
        for (xs, width, (rows, used)) in cases {
            assert_eq!(pack_rows(xs, *width, 4.0, 3), (rows.to_vec(), *used), "xs {xs:?}");
        }
    }

    #[test]
    fn the_story_fits_without_overlap_from_tablet_to_desktop() {
        let story = crate::story::default_story().timeline;
        let dates: Vec<_> = story.events.iter().map(|e| e.date).collect();
        for width in [NARROW_BELOW, 768.0, 1024.0, 1280.0, 1920.0] {
            let placed = place_markers(&dates, width, 1.0);
            assert!((placed.track_width - width).abs() < 0.5, "no horizontal scroll at {width}px and zoom 1");
            assert!(placed.rows_used <= MAX_ROWS);
            for r in 0..MAX_ROWS as u8 {
                let xs: Vec<f64> =
                    placed.scale.xs.iter().zip(&placed.rows).filter(|(_, row)| **row == r).map(|(x, _)| *x).collect();
                for w in xs.windows(2) {
                    assert!(w[0] + placed.flag_width + FLAG_GAP <= w[1] + 1e-9, "overlap at {width}px");
                }
            }
        }
    }

    #[test]
    fn flags_never_overlap_at_minimum_spacing() {
        let min = 48.0;
        let width = flag_width_for(200.0, min, 4.0, 3);
        let xs: Vec<f64> = (0..50).map(|i| i as f64 * min).collect();
        let (rows, used) = pack_rows(&xs, width, 4.0, 3);
        assert!(used <= 3);
        for r in 0..3u8 {
            let in_row: Vec<f64> = xs.iter().zip(&rows).filter(|(_, row)| **row == r).map(|(x, _)| *x).collect();
            for w in in_row.windows(2) {
                assert!(w[0] + width + 4.0 <= w[1], "overlap in row {r}: {w:?}");
            }
        }
    }
}
