//! Why a story could not be downloaded, worded for the person who embedded it.
//!
//! The fetching itself is browser I/O (`hooks::use_fetch_text`); this module only holds the outcomes, so
//! their messages are tested on the host.

use std::fmt;

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
    /// The file is larger than the limit (`data-max-bytes`).
    TooLarge { bytes: usize, max: usize },
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
            LoadErrorKind::Redirected(to) => write!(
                f,
                "{url} redirected to another site ({to}), which the timeline does not follow. Point data-src at the file's final address."
            ),
            LoadErrorKind::TooLarge { bytes, max } => write!(
                f,
                "{url} is {} bytes, more than this timeline accepts ({} at most). Split the story, or raise the limit with data-max-bytes.",
                crate::limits::grouped(*bytes),
                crate::limits::grouped(*max)
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
            (LoadErrorKind::TooLarge { bytes: 30_000_000, max: 20_971_520 }, "https://example.org/story.json is 30,000,000 bytes, more than this timeline accepts (20,971,520 at most). Split the story, or raise the limit with data-max-bytes."),
        ];
        for (kind, want) in cases.into_iter().chain(more) {
            assert_eq!(LoadError { url: url.clone(), kind }.to_string(), want);
        }
    }
}
