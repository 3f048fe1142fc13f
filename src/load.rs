//! Why a story could not be downloaded, worded for the person who embedded it.
//!
//! The fetching itself is browser I/O (`hooks::use_fetch_text`); this module only holds the outcomes, so
//! their messages are tested on the host.

use std::fmt;

use crate::text::last_byte;

/// What went wrong while downloading a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The server answered, but not with the file (404, 500, ...).
    Http { status: u16, status_text: String },
    /// No answer at all: offline, a refused connection, a blocked cross-origin request.
    Network(String),
    /// No complete answer within the time limit.
    Timeout { ms: u32 },
    /// The server sent a web page (or an image ...) instead of the story.
    WrongContentType(String),
    /// The request was redirected to another site, which the widget does not follow.
    Redirected(String),
    /// The server announced a file larger than the limit (`data-max-bytes`, `maxBytes`).
    TooLarge { bytes: usize, max: usize },
    /// The bytes received passed the limit, whatever size the server announced (or did not): the download was
    /// stopped after `read` bytes.
    OverLimit { read: usize, max: usize },
    /// The address is not a web address (`data:`, `blob:`, `javascript:`, `file:` ...): the scheme, lowercased.
    SchemeRefused(String),
    /// The address is on another site than the page, and the page does not list that site.
    OriginRefused { origin: String, accepted: String },
    /// The address cannot be read as a web address at all (`https:story.json`, `https://`).
    BadAddress,
}

/// A failed download of the story at `url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub url: String,
    pub kind: LoadErrorKind,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let url = &self.url;
        match &self.kind {
            LoadErrorKind::Http { status, status_text } => {
                let text = if status_text.is_empty() { default_reason(*status) } else { status_text.as_str() };
                write!(f, "The server answered {status} {text} for {url}. ")?;
                if (400..500).contains(status) {
                    f.write_str("Check that the story file is published at that address (data-src).")
                } else {
                    f.write_str("The server had a problem; try again in a moment.")
                }
            }
            LoadErrorKind::Network(detail) => write!(
                f,
                "The story could not be downloaded from {url} ({detail}). Check the connection and the address (data-src); a file on another site must allow it (CORS)."
            ),
            LoadErrorKind::WrongContentType(kind) => write!(
                f,
                "{url} is not a story file: the server sent \"{kind}\" (a web page or another kind of file). Check the address in data-src."
            ),
            LoadErrorKind::Redirected(to) if to.is_empty() => write!(
                f,
                "{url} redirected to another address, which the timeline does not follow (the request could reach another site). Point data-src at the file's final address."
            ),
            LoadErrorKind::Redirected(to) => write!(
                f,
                "{url} redirected to another site ({to}), which the timeline does not follow. Point data-src at the file's final address."
            ),
            LoadErrorKind::TooLarge { bytes, max } => write!(
                f,
                "{url} is {} bytes, more than this timeline accepts ({} at most). Split the story, or raise the limit with the maxBytes option of Newsline.mount.",
                crate::limits::grouped(*bytes),
                crate::limits::grouped(*max)
            ),
            LoadErrorKind::OverLimit { read, max } => write!(
                f,
                "{url} is larger than this timeline accepts ({} bytes at most): the download was stopped after {} bytes. Split the story, or raise the limit with the maxBytes option of Newsline.mount.",
                crate::limits::grouped(*max),
                crate::limits::grouped(*read)
            ),
            LoadErrorKind::SchemeRefused(scheme) => write!(
                f,
                "The story address {url} is a \"{scheme}:\" address; the timeline reads stories only from http and https addresses. Publish the story as a JSON file on this site and point data-src at it."
            ),
            LoadErrorKind::OriginRefused { origin, accepted } => write!(
                f,
                "The story address {url} is on another site ({origin}); this page accepts stories only from {accepted}. Copy the story to this site, or have the page's publisher allow that site with <meta name=\"{ALLOWED_ORIGINS_META}\" content=\"{origin}\"> in the page's <head>."
            ),
            LoadErrorKind::BadAddress => write!(
                f,
                "The story address {url} is not a web address the timeline can read. Write it in full (https://...) or relative to the page (stories/story.json)."
            ),
            LoadErrorKind::Timeout { ms } => write!(
                f,
                "The server took longer than {} to send {url}. Try again, or raise the limit with data-timeout.",
                seconds(*ms)
            ),
        }
    }
}

fn default_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

fn seconds(ms: u32) -> String {
    if ms.is_multiple_of(1000) {
        match ms / 1000 {
            1 => "1 second".to_owned(),
            s => format!("{s} seconds"),
        }
    } else {
        let tenths = (ms + 50) / 100;
        format!("{}.{} seconds", tenths / 10, tenths % 10)
    }
}

/// Whether a `Content-Type` can carry a story: JSON, text, or nothing in particular. HTML, images, audio,
/// video and the like cannot (a server's "not found" page sent with status 200 is the common case).
pub fn acceptable_content_type(content_type: &str) -> bool {
    let t = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    !(t == "text/html"
        || t == "application/xhtml+xml"
        || t.starts_with("image/")
        || t.starts_with("audio/")
        || t.starts_with("video/")
        || t.starts_with("font/")
        || t == "application/pdf"
        || t == "application/javascript"
        || t == "text/javascript"
        || t == "text/css")
}

/// The `<meta name>` in a page's `<head>` that lists the other sites (origins, separated by spaces) whose
/// stories the page accepts: `<meta name="newsline-allowed-origins" content="https://a.example https://b.example">`.
pub const ALLOWED_ORIGINS_META: &str = "newsline-allowed-origins";

/// Whether the widget may download a story from `src`, on a page at `page` that also accepts stories from the
/// `allowed` origins (each as [`origin`] gives it). `src` may be relative; it is resolved against `page`.
///
/// - Only `http:` and `https:` addresses: `data:`, `blob:`, `javascript:`, `file:` and every other scheme are
///   refused ([`LoadErrorKind::SchemeRefused`]).
/// - Only the page's own origin, or one in `allowed` ([`LoadErrorKind::OriginRefused`]).
/// - Tabs and line breaks anywhere, and spaces and control characters at either end, are dropped first, as
///   browsers drop them; `\` counts as `/` in http(s) addresses, and user names (`https://page@other/`) are
///   skipped, as browsers read them.
/// - Anything this reading cannot place with certainty (`https:story.json`, an empty host, a port that is not
///   a number) is refused ([`LoadErrorKind::BadAddress`]).
///
/// The widget passes `src` as the browser resolved it (absolute and normalised), so this reading and the
/// browser's agree on the site a download goes to; the rules above keep it safe for raw text too.
pub fn check_source(src: &str, page: &str, allowed: &[String]) -> Result<(), LoadErrorKind> {
    let page_origin = origin(page, None).ok().filter(|(scheme, _)| scheme == "http" || scheme == "https");
    let (scheme, origin) = origin(src, page_origin.as_ref())?;
    if scheme != "http" && scheme != "https" {
        return Err(LoadErrorKind::SchemeRefused(scheme));
    }
    let own = page_origin.as_ref().map(|(_, o)| o.as_str());
    if own == Some(origin.as_str()) || allowed.contains(&origin) {
        return Ok(());
    }
    let accepted: Vec<&str> = own.into_iter().chain(allowed.iter().map(String::as_str)).collect();
    let accepted =
        if accepted.is_empty() { "no site (the page has no web address)".to_owned() } else { accepted.join(", ") };
    Err(LoadErrorKind::OriginRefused { origin, accepted })
}

/// The origins listed in a `newsline-allowed-origins` meta (or given to `Newsline.configure`), each normalised
/// as [`check_source`] compares them, and a warning for each entry that is not an http(s) origin (entries with a
/// path, other schemes, `*`): those are left out.
pub fn allowed_origins<'a>(entries: impl IntoIterator<Item = &'a str>) -> (Vec<String>, Vec<String>) {
    let (mut origins, mut warnings) = (Vec::new(), Vec::new());
    for entry in entries.into_iter().flat_map(|e| e.split_ascii_whitespace()) {
        let bare = entry.strip_suffix('/').unwrap_or(entry);
        let plain = crate::text::find(bare, "://").is_some_and(|i| !bare[i + 3..].contains(['/', '\\', '?', '#', '@']));
        match origin(bare, None) {
            Ok((scheme, o)) if plain && (scheme == "http" || scheme == "https") => origins.push(o),
            _ => warnings.push(format!(
                "Newsline: \"{entry}\" in {ALLOWED_ORIGINS_META} is not an origin (scheme, host and port, such as https://stories.example.org); it is ignored."
            )),
        }
    }
    (origins, warnings)
}

/// The scheme and origin (`scheme://host[:port]`, lowercased, without a default port) of `url`; a relative
/// `url` takes `base`'s. Non-http(s) schemes come back with an empty origin.
fn origin(url: &str, base: Option<&(String, String)>) -> Result<(String, String), LoadErrorKind> {
    let url: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let slash = |c: char| c == '/' || c == '\\';
    let scheme_end = url.find(':').filter(|&i| {
        let s = url.as_bytes();
        i > 0 && s[0].is_ascii_alphabetic() && s[1..i].iter().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
    });
    let (scheme, rest) = match scheme_end {
        Some(i) => {
            let scheme = url[..i].to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Ok((scheme, String::new()));
            }
            let rest = &url[i + 1..];
            if !rest.starts_with(slash) || !rest[1..].starts_with(slash) {
                return Err(LoadErrorKind::BadAddress);
            }
            (scheme, rest)
        }
        None => {
            let Some((scheme, origin)) = base else { return Err(LoadErrorKind::BadAddress) };
            if !(url.starts_with(slash) && url[1..].starts_with(slash)) {
                return Ok((scheme.clone(), origin.clone()));
            }
            (scheme.clone(), url.as_str())
        }
    };
    let rest = rest.trim_start_matches(slash);
    let authority = rest.split(|c: char| slash(c) || c == '?' || c == '#').next().unwrap_or("");
    let host_port = &authority[last_byte(authority, b'@').map_or(0, |i| i + 1)..];
    let (host, port) = match host_port.strip_prefix('[') {
        Some(v6) => {
            let Some((inside, after)) = v6.split_once(']') else { return Err(LoadErrorKind::BadAddress) };
            (format!("[{inside}]"), after.strip_prefix(':'))
        }
        None => match last_byte(host_port, b':') {
            Some(i) => (host_port[..i].to_owned(), Some(&host_port[i + 1..])),
            None => (host_port.to_owned(), None),
        },
    };
    if host.is_empty() || (!host.starts_with('[') && host.contains(|c: char| c <= ' ' || c == '%' || !c.is_ascii())) {
        return Err(LoadErrorKind::BadAddress);
    }
    let default = if scheme == "https" { 443 } else { 80 };
    let port = match port.filter(|p| !p.is_empty()) {
        None => None,
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) => match p.parse::<u16>() {
            Ok(n) if n == default => None,
            Ok(n) => Some(n),
            Err(_) => return Err(LoadErrorKind::BadAddress),
        },
        Some(_) => return Err(LoadErrorKind::BadAddress),
    };
    let host = host.to_ascii_lowercase();
    let origin = match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    };
    Ok((scheme, origin))
}

/// The default time limit for downloading a story.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_that_cannot_be_a_story() {
        for ok in ["application/json", "application/json; charset=utf-8", "text/plain", "application/octet-stream", ""]
        {
            assert!(acceptable_content_type(ok), "{ok}");
        }
        for bad in ["text/html; charset=utf-8", "TEXT/HTML", "image/png", "application/pdf", "text/javascript"] {
            assert!(!acceptable_content_type(bad), "{bad}");
        }
    }

    #[test]
    fn messages_say_which_url_and_what_to_do() {
        let url = "https://example.org/story.json".to_owned();
        let cases = [
            (
                LoadErrorKind::Http { status: 404, status_text: String::new() },
                "The server answered 404 Not Found for https://example.org/story.json. Check that the story file is published at that address (data-src).",
            ),
            (
                LoadErrorKind::Http { status: 500, status_text: "Internal Server Error".into() },
                "The server answered 500 Internal Server Error for https://example.org/story.json. The server had a problem; try again in a moment.",
            ),
            (
                LoadErrorKind::Network("Failed to fetch".into()),
                "The story could not be downloaded from https://example.org/story.json (Failed to fetch). Check the connection and the address (data-src); a file on another site must allow it (CORS).",
            ),
            (
                LoadErrorKind::Timeout { ms: 15_000 },
                "The server took longer than 15 seconds to send https://example.org/story.json. Try again, or raise the limit with data-timeout.",
            ),
            (
                LoadErrorKind::Timeout { ms: 1_500 },
                "The server took longer than 1.5 seconds to send https://example.org/story.json. Try again, or raise the limit with data-timeout.",
            ),
        ];
        let more = [
            (LoadErrorKind::WrongContentType("text/html".into()), "https://example.org/story.json is not a story file: the server sent \"text/html\" (a web page or another kind of file). Check the address in data-src."),
            (LoadErrorKind::Redirected("https://evil.example/x.json".into()), "https://example.org/story.json redirected to another site (https://evil.example/x.json), which the timeline does not follow. Point data-src at the file's final address."),
            (LoadErrorKind::TooLarge { bytes: 30_000_000, max: 20_971_520 }, "https://example.org/story.json is 30,000,000 bytes, more than this timeline accepts (20,971,520 at most). Split the story, or raise the limit with the maxBytes option of Newsline.mount."),
            (LoadErrorKind::OverLimit { read: 1_048_576, max: 1_000_000 }, "https://example.org/story.json is larger than this timeline accepts (1,000,000 bytes at most): the download was stopped after 1,048,576 bytes. Split the story, or raise the limit with the maxBytes option of Newsline.mount."),
            (LoadErrorKind::SchemeRefused("data".into()), "The story address https://example.org/story.json is a \"data:\" address; the timeline reads stories only from http and https addresses. Publish the story as a JSON file on this site and point data-src at it."),
            (LoadErrorKind::OriginRefused { origin: "https://evil.example".into(), accepted: "https://news.example".into() }, "The story address https://example.org/story.json is on another site (https://evil.example); this page accepts stories only from https://news.example. Copy the story to this site, or have the page's publisher allow that site with <meta name=\"newsline-allowed-origins\" content=\"https://evil.example\"> in the page's <head>."),
            (LoadErrorKind::BadAddress, "The story address https://example.org/story.json is not a web address the timeline can read. Write it in full (https://...) or relative to the page (stories/story.json)."),
        ];
        for (kind, want) in cases.into_iter().chain(more) {
            assert_eq!(LoadError { url: url.clone(), kind }.to_string(), want);
        }
    }

    const PAGE: &str = "https://news.example/2007/05/talks.html?x=1#top";

    #[test]
    fn stories_come_from_the_page_origin_by_default() {
        for ok in [
            "story.json",
            "/data/story.json",
            "../data/story.json",
            "?story",
            "#story",
            "https://news.example/data/story.json",
            "HTTPS://NEWS.EXAMPLE/data/story.json",
            "https://news.example:443/story.json",
            "https://news.example:/story.json",
            "//news.example/story.json",
            "\\\\news.example/story.json",
            " https://news.example/story.json\n",
            "ht\ttps://news.example/story.json",
            "https://other.example@news.example/story.json",
            "1http://other.example/x.json",
        ] {
            assert_eq!(check_source(ok, PAGE, &[]), Ok(()), "{ok}");
        }
    }

    #[test]
    fn other_schemes_are_refused() {
        for (src, scheme) in [
            ("data:application/json,{}", "data"),
            ("DATA:application/json,{}", "data"),
            (" data:application/json,{}", "data"),
            ("da\tta:application/json,{}", "data"),
            ("blob:https://news.example/0b2c", "blob"),
            ("javascript:alert(1)", "javascript"),
            ("file:///etc/passwd", "file"),
            ("ftp://news.example/story.json", "ftp"),
            ("filesystem:https://news.example/temporary/x", "filesystem"),
        ] {
            assert_eq!(check_source(src, PAGE, &[]), Err(LoadErrorKind::SchemeRefused(scheme.into())), "{src}");
        }
    }

    #[test]
    fn other_origins_are_refused_unless_listed() {
        let refused = |origin: &str| {
            Err(LoadErrorKind::OriginRefused { origin: origin.into(), accepted: "https://news.example".into() })
        };
        for (src, origin) in [
            ("https://evil.example/story.json", "https://evil.example"),
            ("//evil.example/story.json", "https://evil.example"),
            ("\\\\evil.example/story.json", "https://evil.example"),
            ("/\\evil.example/story.json", "https://evil.example"),
            ("https:\\\\evil.example/story.json", "https://evil.example"),
            ("https:///evil.example/story.json", "https://evil.example"),
            ("http://news.example/story.json", "http://news.example"),
            ("https://news.example:8443/story.json", "https://news.example:8443"),
            ("https://news.example@evil.example/story.json", "https://evil.example"),
            ("https://news.example:443@evil.example/story.json", "https://evil.example"),
            ("https://news.example.evil.example/story.json", "https://news.example.evil.example"),
            ("https://news.example./story.json", "https://news.example."),
            ("https://evil.example#@news.example/", "https://evil.example"),
            ("https://evil.example\\@news.example/", "https://evil.example"),
            ("https://[::1]/story.json", "https://[::1]"),
        ] {
            assert_eq!(check_source(src, PAGE, &[]), refused(origin), "{src}");
        }
        let allowed = vec!["https://stories.example".to_owned(), "http://127.0.0.1:8080".to_owned()];
        assert_eq!(check_source("https://stories.example/x.json", PAGE, &allowed), Ok(()));
        assert_eq!(check_source("http://127.0.0.1:8080/x.json", PAGE, &allowed), Ok(()));
        assert_eq!(
            check_source("https://evil.example/x.json", PAGE, &allowed),
            Err(LoadErrorKind::OriginRefused {
                origin: "https://evil.example".into(),
                accepted: "https://news.example, https://stories.example, http://127.0.0.1:8080".into()
            })
        );
        // A page with no web address of its own (a file opened from disk) accepts only the listed sites.
        assert!(check_source("story.json", "file:///tmp/page.html", &[]).is_err());
        assert_eq!(check_source("https://stories.example/x.json", "file:///tmp/page.html", &allowed), Ok(()));
    }

    #[test]
    fn addresses_that_cannot_be_placed_are_refused() {
        for src in [
            "https:story.json",
            "https:/news.example/x",
            "https://",
            "https:///",
            "https://news.example:http/x",
            "https://news.example:99999/x",
            "https://ex%61mple.org/",
            "https://[::1/x",
            "https://bad host/",
        ] {
            assert_eq!(check_source(src, PAGE, &[]), Err(LoadErrorKind::BadAddress), "{src}");
        }
    }

    #[test]
    fn allowed_origins_are_normalised_and_anything_else_is_left_out_with_a_warning() {
        let (origins, warnings) = allowed_origins([
            "https://A.example https://b.example/ http://c.example:80",
            " https://d.example:8443 ",
            "https://e.example/stories/ * data: https://f.example?x https://user@g.example javascript:x",
        ]);
        assert_eq!(origins, ["https://a.example", "https://b.example", "http://c.example", "https://d.example:8443"]);
        assert_eq!(warnings.len(), 6, "{warnings:?}");
        assert_eq!(
            warnings[0],
            "Newsline: \"https://e.example/stories/\" in newsline-allowed-origins is not an origin (scheme, host and port, such as https://stories.example.org); it is ignored."
        );
    }
}
