//! `newsline render`: a story as HTML that reads before (and without) the widget's code.
//!
//! The markup is the widget's own components ([`crate::components::Prerendered`]: the story's header, every
//! event's [`EventCard`](crate::components) and the credits) rendered on the host by Yew's server-side
//! renderer, so the prerendered text and the widget cannot drift apart. The fragment carries the story too,
//! as a `<script type="application/json">` block (data, never run; a strict Content-Security-Policy allows
//! it): the widget that takes the element over reads it there, with no second download.
//!
//! Taking over replaces; it does not hydrate (Yew's hydration would add 12.7 KB gzip to every reader's
//! download, BENCHMARKS.md "Decisions"): the widget mounts beside the prerendered section, which `newsline.js`
//! hides once the widget has drawn, at the same height, so nothing on the page moves.

use crate::components::{Prerendered, PrerenderedProps, Shared};
use crate::convert::to_newsline;
use crate::model::Timeline;
use crate::options::HeadingLevel;
use crate::text::escape;

/// What `newsline render` is asked for besides the story.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The id of the event the widget opens first (`data-start`).
    pub start: Option<String>,
    pub heading_level: HeadingLevel,
    /// `light`, `dark` or `auto`; light when not given.
    pub theme: Option<String>,
    /// The reader's language, direction, calendar and digits, as the page's `data-lang`, `data-dir`,
    /// `data-calendar` and `data-numerals` give them (default: the story's language, as the widget's).
    pub language: crate::words::Wanted,
    /// Where `newsline.css` (and for a page, `newsline.js`) are: a URL prefix such as
    /// `https://graphics.example.org/newsline/`; empty for the page's own folder.
    pub assets: String,
}

/// The attribute that marks the story's data block inside a prerendered widget.
pub const STORY_BLOCK: &str = "data-newsline-story";

/// The `<div data-newsline>` for a page: the stylesheet, the story as data, and the story as HTML.
pub fn fragment(timeline: Timeline, request: &Request) -> String {
    let theme = theme(request);
    let mut out = String::from("<div data-newsline");
    if let Some(start) = &request.start {
        attribute(&mut out, "data-start", start);
    }
    attribute(&mut out, "data-heading-level", &request.heading_level.title().to_string());
    // The widget that takes over is asked for the language the story was rendered in.
    let wanted = &request.language;
    let dir = wanted.rtl.map(|rtl| if rtl { "rtl" } else { "ltr" }.to_owned());
    for (name, value) in [
        ("data-lang", &wanted.lang),
        ("data-dir", &dir),
        ("data-calendar", &wanted.calendar),
        ("data-numerals", &wanted.numerals),
    ] {
        if let Some(value) = value {
            attribute(&mut out, name, value);
        }
    }
    if theme != "light" {
        attribute(&mut out, "data-theme", theme);
    }
    out.push_str(">\n");
    out.push_str("<link rel=\"stylesheet\" data-newsline-styles");
    attribute(&mut out, "href", &format!("{}newsline.css", request.assets));
    out.push_str(">\n");
    out.push_str(&inner(timeline, request));
    out.push_str("</div>\n");
    out
}

/// What goes inside the widget's element: the story as data and the story as HTML, each on a line of its own.
pub fn inner(timeline: Timeline, request: &Request) -> String {
    // Compact Newsline JSON, whatever the file's format was. `<` only occurs inside JSON strings, where
    // `\u003c` says the same: no `</script>` or `<!--` can end or bend the block.
    let story = to_newsline(&timeline).to_text(false).replace('<', "\\u003c");
    let uid = uid(&story);
    let props = PrerenderedProps {
        timeline: Shared::new(timeline),
        uid: uid.into(),
        heading_level: request.heading_level,
        theme: theme(request).to_owned().into(),
        language: request.language.clone(),
    };
    let html = tokio::runtime::Builder::new_current_thread().build().map_or_else(
        |e| format!("<!-- newsline: could not render: {e} -->"),
        |runtime| {
            runtime.block_on(yew::LocalServerRenderer::<Prerendered>::with_props(props).hydratable(false).render())
        },
    );
    format!("<script type=\"application/json\" {STORY_BLOCK}>{story}</script>\n{html}\n")
}

/// A whole page with the widget: for the iframe mode (it reports its height to the host page as
/// `embed.html` does) and for share links.
pub fn page(timeline: Timeline, request: &Request) -> String {
    let title = escape(&timeline.title);
    let locale = request.language.locale(timeline.lang.as_deref());
    let (lang, dir) = (escape(locale.tag()), locale.dir());
    let description = timeline.summary.as_deref().map(escape);
    let assets = escape(&request.assets);
    let fragment = fragment(timeline, request);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    // What the page may load and run, as embed.html: its own files (and the bundle's, when elsewhere),
    // images from https sites, nothing else.
    let own = match request.assets.get(..2) {
        _ if request.assets.contains("://") => format!(" {}", escape(origin(&request.assets))),
        // Protocol-relative: the host, in the page's own scheme.
        Some("//") => format!(" {}", escape(origin(&request.assets[2..]))),
        _ => String::new(),
    };
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'{own}; script-src 'self'{own} \
         'wasm-unsafe-eval'; style-src 'self'{own}; img-src 'self' https:; connect-src 'self'{own}; object-src \
         'none'; base-uri 'none'; form-action 'none'\">\n"
    ));
    // Links open outside a frame (as in embed.html), never inside it.
    out.push_str(&format!("<base target=\"_blank\">\n<title>{title}</title>\n"));
    if let Some(description) = description {
        out.push_str(&format!("<meta name=\"description\" content=\"{description}\">\n"));
    }
    out.push_str(&format!("<link rel=\"stylesheet\" href=\"{assets}embed.css\">\n</head>\n<body>\n<main>\n"));
    out.push_str(&fragment);
    out.push_str(&format!("</main>\n<script type=\"module\" src=\"{assets}embed.js\"></script>\n</body>\n</html>\n"));
    out
}

/// Whether `assets` can name the bundle's folder: empty (the page's own), a path, or an http(s) address
/// (protocol-relative too), with none of the characters that would end an attribute or a CSP source.
pub fn check_assets(assets: &str) -> Result<(), String> {
    let scheme_ok = match assets.split_once("://") {
        Some((scheme, _)) => matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https"),
        None => !assets.contains(':'),
    };
    let clean = !assets.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>;,`\\".contains(c));
    if scheme_ok && clean {
        Ok(())
    } else {
        Err(format!(
            "--assets takes the address of the folder with newsline.js (https://graphics.example.org/newsline/ or /newsline/), not {assets:?}"
        ))
    }
}

fn theme(request: &Request) -> &'static str {
    match request.theme.as_deref().map(str::trim) {
        Some("dark") => "dark",
        Some("auto") => "auto",
        _ => "light",
    }
}

/// `https://host.example/path/` → `https://host.example`; `host.example/path/` → `host.example`.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..].find('/').map_or(url, |i| &url[..after_scheme + i])
}

/// An id prefix for the markup made from the story itself: the same story renders the same, and two stories
/// on one page do not share ids. (The widget that takes over draws with a random prefix of its own.)
fn uid(story: &str) -> String {
    // FNV-1a, 32 bits.
    let hash = story.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("nlp{hash:08x}")
}

fn attribute(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!(" {name}=\"{}\"", escape(value)));
}
