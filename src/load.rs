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
        format!("{:.1} seconds", f64::from(ms) / 1000.0)
    }
}

/// The default time limit for downloading a story.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

#[cfg(test)]
mod tests {
    use super::*;

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
        for (kind, want) in cases {
            assert_eq!(LoadError { url: url.clone(), kind }.to_string(), want);
        }
    }
}
