//! An event's own colour (TimelineJS's `background.color`), kept only where it can serve as the event's
//! accent with the contrast WCAG asks at level AA of a graphical object (1.4.11, 3:1) against the card, in the
//! light theme and the dark one alike; otherwise the event keeps Newsline's colours. Pure: the contrast is
//! computed here, on the host and in the widget alike.

/// The contrast an accent needs against each card background: WCAG 2 AA for graphical objects.
pub const MIN_CONTRAST: f64 = 3.0;

/// The card's background in the light and the dark theme (`--nl-bg` in newsline.css).
pub const CARDS: [[u8; 3]; 2] = [[0xff, 0xff, 0xff], [0x16, 0x16, 0x1a]];

/// sRGB channel value (0–255) as linear light, times 65,535 (WCAG 2's formula; a table rather than `powf`,
/// which would bring a power function into the widget).
const LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313, 340, 367, 396, 427, 458, 491, 526, 562,
    599, 637, 677, 718, 761, 805, 851, 898, 947, 997, 1048, 1101, 1156, 1212, 1270, 1330, 1391, 1453, 1517, 1583, 1651,
    1720, 1790, 1863, 1937, 2013, 2090, 2170, 2250, 2333, 2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258,
    3360, 3464, 3570, 3678, 3788, 3900, 4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124, 5257, 5392, 5530,
    5669, 5810, 5953, 6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500, 7666, 7834, 8004, 8177, 8352, 8528,
    8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417, 10619, 10822, 11028, 11235, 11446, 11658, 11873,
    12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909, 14146, 14387, 14629, 14874, 15122, 15371, 15623,
    15878, 16135, 16394, 16656, 16920, 17187, 17456, 17727, 18001, 18277, 18556, 18837, 19121, 19407, 19696, 19987,
    20281, 20577, 20876, 21177, 21481, 21787, 22096, 22407, 22721, 23038, 23357, 23678, 24002, 24329, 24658, 24990,
    25325, 25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094, 28452, 28813, 29176, 29542, 29911, 30282, 30656,
    31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143, 34544, 34948, 35355, 35764, 36176, 36591, 37008,
    37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449, 40891, 41337, 41785, 42236, 42690, 43147, 43606, 44069,
    44534, 45002, 45473, 45947, 46423, 46903, 47385, 47871, 48359, 48850, 49344, 49841, 50341, 50844, 51349, 51858,
    52369, 52884, 53401, 53921, 54445, 54971, 55500, 56032, 56567, 57105, 57646, 58190, 58737, 59287, 59840, 60396,
    60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

/// `#rgb` or `#rrggbb` (either case) as its three channels.
pub fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let b = hex.as_bytes();
    match b.len() {
        3 => Some([digit(b[0])? * 17, digit(b[1])? * 17, digit(b[2])? * 17]),
        6 => {
            let pair = |i: usize| Some(digit(b[i])? * 16 + digit(b[i + 1])?);
            Some([pair(0)?, pair(2)?, pair(4)?])
        }
        _ => None,
    }
}

/// WCAG 2's relative luminance of a colour, 0 (black) to 1 (white).
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let l = |c: u8| f64::from(LINEAR[usize::from(c)]) / 65_535.0;
    0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b)
}

/// WCAG 2's contrast ratio of two colours, 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

/// The lower of the colour's contrasts against the two card backgrounds.
pub fn worst_contrast(color: [u8; 3]) -> f64 {
    let [a, b] = CARDS.map(|card| contrast(color, card));
    if a < b {
        a
    } else {
        b
    }
}

/// The colour as an accent, `#rrggbb` in lower case, when it has [`MIN_CONTRAST`] against both cards.
/// `Err` with its worst contrast (for the editor's message) when it has not; `None` inside for text that is
/// not a colour.
pub fn accent(text: &str) -> Result<String, Option<f64>> {
    let color = parse_hex(text).ok_or(None)?;
    let worst = worst_contrast(color);
    if worst < MIN_CONTRAST {
        return Err(Some(worst));
    }
    let hex = |c: u8| {
        [char::from(b"0123456789abcdef"[usize::from(c >> 4)]), char::from(b"0123456789abcdef"[usize::from(c & 15)])]
    };
    let mut out = String::from("#");
    for c in color {
        out.extend(hex(c));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_wcags_formula() {
        for (i, v) in LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let l = if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
            assert_eq!(*v, (l * 65_535.0).round() as u16, "{i}");
        }
    }

    #[test]
    fn contrast_ratios_match_wcags_examples() {
        let ratio = |a: &str, b: &str| (contrast(parse_hex(a).unwrap(), parse_hex(b).unwrap()) * 100.0).round() / 100.0;
        assert_eq!(ratio("#000", "#fff"), 21.0);
        assert_eq!(ratio("#fff", "#fff"), 1.0);
        assert_eq!(ratio("#767676", "#ffffff"), 4.54, "the lightest grey with AA text contrast on white");
        assert_eq!(ratio("#949494", "#ffffff"), 3.03);
        assert_eq!(ratio("#0b5cad", "#ffffff"), 6.67, "Newsline's own accent");
    }

    #[test]
    fn a_colour_is_an_accent_only_with_contrast_against_both_cards() {
        let cases: &[(&str, Result<&str, Option<f64>>)] = &[
            // Mid tones stand out from the white card and the dark one.
            ("#D0021B", Ok("#d0021b")),
            ("#1a7f37", Ok("#1a7f37")),
            ("#e66", Ok("#ee6666")),
            // Too dark for the dark card, too light for the white one.
            ("#1c2b3a", Err(Some(1.25))),
            ("#fafafa", Err(Some(1.04))),
            ("#ffff00", Err(Some(1.07))),
            // Not colours.
            ("red", Err(None)),
            ("#12345", Err(None)),
            ("#ggg", Err(None)),
            ("", Err(None)),
        ];
        for (text, want) in cases {
            let got = accent(text).map_err(|e| e.map(|c| (c * 100.0).round() / 100.0));
            assert_eq!(got, want.map(str::to_owned), "{text}");
        }
    }
}
