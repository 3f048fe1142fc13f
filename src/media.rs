//! What a media address is, as TimelineJS3 reads it (its `media/MediaType.js` list and each type's URL
//! shapes): an image, a video or audio file, a third-party player or post, pasted embed code, or any other
//! link. For a player it gives the address the card's frame loads once the reader asks (a privacy-enhanced
//! host where the service has one), the service's name and site for the facade's button, and the origin the
//! embedding page must allow in its Content-Security-Policy `frame-src`.
//!
//! Pure and small: no regular expressions, only prefix and segment matching on the URL, so the widget carries
//! a table of data rather than a matcher. Pasted embed code is never run: a `<blockquote>` becomes a quote
//! with a link ([`MediaKind::Quote`]); an `<iframe>` is read for its `src`, which is recognised like any URL.

use std::borrow::Cow;

/// What a [`crate::model::Media`] is, which decides how the card shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    /// An image file, shown with `<img>`.
    Image,
    /// A video file, shown with `<video controls preload="none">`.
    Video,
    /// An audio file, shown with `<audio controls preload="none">`.
    Audio,
    /// A service's player or post, shown as a facade that loads the player when the reader asks.
    Embed(Service),
    /// Any other page: a link card, nothing fetched.
    Link,
    /// Pasted embed code (`<blockquote class="twitter-tweet">` …): its text as a quote, with its link.
    Quote,
}

impl MediaKind {
    /// The kind's name in the story format (`"kind"` of a media object).
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Embed(_) => "embed",
            MediaKind::Link => "link",
            MediaKind::Quote => "quote",
        }
    }

    /// What it is, in an editor's message ("the video player has no alt …").
    pub fn what(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio file",
            MediaKind::Embed(service) => match service.category() {
                Category::Video => "video player",
                Category::Audio => "audio player",
                Category::Post => "post",
                Category::Photo => "photo",
                Category::Map => "map",
                Category::Document => "document",
                Category::Page => "page",
            },
            MediaKind::Link => "link",
            MediaKind::Quote => "quote",
        }
    }

    /// Whether the reader needs a name for it from the editor: an image (its alt text), a video or audio file
    /// or a player (its title for screen readers). A link names itself; a quote is its text.
    pub fn needs_name(self) -> bool {
        !matches!(self, MediaKind::Link | MediaKind::Quote)
    }
}

/// The names [`MediaKind::as_str`] gives, in the order the docs list them.
pub const KIND_NAMES: &[&str] = &["image", "video", "audio", "embed", "link", "quote"];

/// A service whose player or post Newsline shows behind a facade, or names on a link card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    YouTube,
    Vimeo,
    Dailymotion,
    TikTok,
    Wistia,
    Vine,
    SoundCloud,
    Spotify,
    X,
    Bluesky,
    Instagram,
    Flickr,
    Imgur,
    GoogleMaps,
    GoogleDocs,
    DocumentCloud,
    Wikipedia,
}

/// What a service's content is, for the facade's words and the frame's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Video,
    Audio,
    Post,
    Photo,
    Map,
    Document,
    Page,
}

impl Category {
    /// A token for data attributes and the stylesheet.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Video => "video",
            Category::Audio => "audio",
            Category::Post => "post",
            Category::Photo => "photo",
            Category::Map => "map",
            Category::Document => "document",
            Category::Page => "page",
        }
    }
}

/// Every service, for tables and docs.
pub const SERVICES: &[Service] = &[
    Service::YouTube,
    Service::Vimeo,
    Service::Dailymotion,
    Service::TikTok,
    Service::Wistia,
    Service::Vine,
    Service::SoundCloud,
    Service::Spotify,
    Service::X,
    Service::Bluesky,
    Service::Instagram,
    Service::Flickr,
    Service::Imgur,
    Service::GoogleMaps,
    Service::GoogleDocs,
    Service::DocumentCloud,
    Service::Wikipedia,
];

impl Service {
    /// The service's name as the reader knows it.
    pub fn name(self) -> &'static str {
        match self {
            Service::YouTube => "YouTube",
            Service::Vimeo => "Vimeo",
            Service::Dailymotion => "Dailymotion",
            Service::TikTok => "TikTok",
            Service::Wistia => "Wistia",
            Service::Vine => "Vine",
            Service::SoundCloud => "SoundCloud",
            Service::Spotify => "Spotify",
            Service::X => "X (Twitter)",
            Service::Bluesky => "Bluesky",
            Service::Instagram => "Instagram",
            Service::Flickr => "Flickr",
            Service::Imgur => "Imgur",
            Service::GoogleMaps => "Google Maps",
            Service::GoogleDocs => "Google Docs",
            Service::DocumentCloud => "DocumentCloud",
            Service::Wikipedia => "Wikipedia",
        }
    }

    /// The site the reader is told the player comes from ("Load video from youtube.com").
    pub fn site(self) -> &'static str {
        match self {
            Service::YouTube => "youtube.com",
            Service::Vimeo => "vimeo.com",
            Service::Dailymotion => "dailymotion.com",
            Service::TikTok => "tiktok.com",
            Service::Wistia => "wistia.com",
            Service::Vine => "vine.co",
            Service::SoundCloud => "soundcloud.com",
            Service::Spotify => "spotify.com",
            Service::X => "x.com",
            Service::Bluesky => "bsky.app",
            Service::Instagram => "instagram.com",
            Service::Flickr => "flickr.com",
            Service::Imgur => "imgur.com",
            Service::GoogleMaps | Service::GoogleDocs => "google.com",
            Service::DocumentCloud => "documentcloud.org",
            Service::Wikipedia => "wikipedia.org",
        }
    }

    pub fn category(self) -> Category {
        match self {
            Service::YouTube | Service::Vimeo | Service::Dailymotion | Service::TikTok | Service::Wistia => {
                Category::Video
            }
            Service::Vine => Category::Video,
            Service::SoundCloud | Service::Spotify => Category::Audio,
            Service::X | Service::Bluesky | Service::Instagram => Category::Post,
            Service::Flickr | Service::Imgur => Category::Photo,
            Service::GoogleMaps => Category::Map,
            Service::GoogleDocs | Service::DocumentCloud => Category::Document,
            Service::Wikipedia => Category::Page,
        }
    }

    /// The origins a page's CSP must allow in `frame-src` for this service's player, separated by spaces;
    /// empty for a service Newsline only links to.
    pub fn frame_src(self) -> &'static str {
        match self {
            Service::YouTube => "https://www.youtube-nocookie.com",
            Service::Vimeo => "https://player.vimeo.com",
            Service::Dailymotion => "https://www.dailymotion.com",
            Service::TikTok => "https://www.tiktok.com",
            Service::Wistia => "https://fast.wistia.net",
            Service::SoundCloud => "https://w.soundcloud.com",
            Service::Spotify => "https://open.spotify.com",
            Service::X => "https://platform.twitter.com",
            Service::Bluesky => "https://embed.bsky.app",
            Service::Instagram => "https://www.instagram.com",
            Service::Flickr => "https://www.flickr.com",
            Service::GoogleMaps => "https://www.google.com",
            Service::GoogleDocs => "https://docs.google.com https://drive.google.com",
            Service::DocumentCloud => "https://embed.documentcloud.org",
            Service::Vine | Service::Imgur | Service::Wikipedia => "",
        }
    }

    /// A token for data attributes and the stylesheet: the name in lower case, letters only.
    pub fn token(self) -> &'static str {
        match self {
            Service::YouTube => "youtube",
            Service::Vimeo => "vimeo",
            Service::Dailymotion => "dailymotion",
            Service::TikTok => "tiktok",
            Service::Wistia => "wistia",
            Service::Vine => "vine",
            Service::SoundCloud => "soundcloud",
            Service::Spotify => "spotify",
            Service::X => "x",
            Service::Bluesky => "bluesky",
            Service::Instagram => "instagram",
            Service::Flickr => "flickr",
            Service::Imgur => "imgur",
            Service::GoogleMaps => "googlemaps",
            Service::GoogleDocs => "googledocs",
            Service::DocumentCloud => "documentcloud",
            Service::Wikipedia => "wikipedia",
        }
    }

    /// The frame's `allow` (permissions policy), the least the player needs: full screen for video,
    /// protected media for Spotify, nothing else.
    pub fn allow(self) -> &'static str {
        match (self, self.category()) {
            (Service::TikTok, _) => "",
            (_, Category::Video) => "fullscreen; picture-in-picture",
            (Service::Spotify, _) => "encrypted-media",
            _ => "",
        }
    }

    /// The frame's `sandbox`: scripts and the player's own origin (players keep their state there), pop-ups
    /// for "watch on …" links, and presentation for video players.
    pub fn sandbox(self) -> &'static str {
        match self.category() {
            Category::Video => "allow-scripts allow-same-origin allow-popups allow-presentation",
            _ => "allow-scripts allow-same-origin allow-popups",
        }
    }
}

/// A media address, recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognised {
    pub kind: MediaKind,
    /// The address to link to or load: protocol-relative made https; for a Wikimedia file page, the file
    /// itself; for embed code, the link it holds (empty when it holds none).
    pub url: String,
    /// The text of pasted embed code ([`MediaKind::Quote`]), as HTML to be read by [`crate::text`].
    pub quote: Option<String>,
}

const IMAGE_ENDINGS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];
const VIDEO_ENDINGS: &[&str] = &["mp4", "webm", "ogv", "mov", "m4v"];
const AUDIO_ENDINGS: &[&str] = &["mp3", "wav", "m4a", "ogg", "oga", "opus", "aac", "flac"];

/// `url` with a protocol-relative start (`//upload.wikimedia.org/…`) read as https; trimmed.
pub fn https(url: &str) -> Cow<'_, str> {
    let url = url.trim();
    match url.strip_prefix("//") {
        Some(rest) => Cow::Owned(["https://", rest].concat()),
        None => Cow::Borrowed(url),
    }
}

/// The parts of an absolute http(s) URL: the host in lower case (without `www.`, `m.` or `mobile.`), the
/// path (from its `/`), the query (after `?`) and the fragment (after `#`).
struct Parts<'a> {
    host: String,
    path: &'a str,
    query: &'a str,
    fragment: &'a str,
}

fn parts(url: &str) -> Option<Parts<'_>> {
    let lower = url.get(..8)?.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let host = ["www.", "m.", "mobile."].iter().find_map(|p| host.strip_prefix(p)).map(str::to_owned).unwrap_or(host);
    Some(Parts { host, path, query, fragment })
}

/// The value of `name` in a query string (`a=1&b=2`), or in a fragment written like one.
#[inline(never)]
fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split(['&', ';']).find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The path's first eight segments, empty ones left out (no player's address needs more).
fn segments(path: &str) -> ([&str; 8], usize) {
    let mut out = [""; 8];
    let mut n = 0;
    for s in path.split('/').filter(|s| !s.is_empty()).take(8) {
        out[n] = s;
        n += 1;
    }
    (out, n)
}

/// Whether `s` is a non-empty run of the characters of an id: letters, digits, `-` and `_`.
#[inline(never)]
fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[inline(never)]
fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `host` is Google's own: `google.com` or a country's site (`google.de`, `google.co.uk`,
/// `google.com.au`), or `maps.` of one. Not any host that starts `google.`: `google.evil.example` is not Google.
fn is_google(host: &str) -> bool {
    let host = host.strip_prefix("maps.").unwrap_or(host);
    let Some(rest) = host.strip_prefix("google.") else { return false };
    let country = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase());
    rest == "com"
        || country(rest)
        || rest.strip_prefix("co.").or_else(|| rest.strip_prefix("com.")).is_some_and(country)
}

/// Whether `host` is `domain` or one of its subdomains.
fn under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|h| h.ends_with('.'))
}

/// The lower-case ending of the path's last segment (`jpg` of `/a/b.JPG`).
fn ending(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The service a URL belongs to, by its host (and path for Google's).
fn service_of(p: &Parts) -> Option<Service> {
    let h = p.host.as_str();
    let service = if under(h, "youtube.com") || h == "youtu.be" || h == "youtube-nocookie.com" {
        Service::YouTube
    } else if under(h, "vimeo.com") {
        Service::Vimeo
    } else if under(h, "dailymotion.com") || h == "dai.ly" {
        Service::Dailymotion
    } else if under(h, "tiktok.com") {
        Service::TikTok
    } else if under(h, "wistia.com") || h == "wi.st" || h == "fast.wistia.net" {
        Service::Wistia
    } else if h == "vine.co" {
        Service::Vine
    } else if under(h, "soundcloud.com") {
        Service::SoundCloud
    } else if under(h, "spotify.com") {
        Service::Spotify
    } else if h == "twitter.com" || h == "x.com" {
        Service::X
    } else if h == "bsky.app" {
        Service::Bluesky
    } else if h == "instagram.com" || h == "instagr.am" {
        Service::Instagram
    } else if h == "flickr.com" || h == "flic.kr" {
        Service::Flickr
    } else if h == "imgur.com" {
        Service::Imgur
    } else if h == "docs.google.com" || h == "drive.google.com" {
        Service::GoogleDocs
    } else if is_google(h) && (h.starts_with("maps.") || p.path.starts_with("/maps")) {
        Service::GoogleMaps
    } else if under(h, "documentcloud.org") {
        Service::DocumentCloud
    } else if under(h, "wikipedia.org") {
        Service::Wikipedia
    } else {
        return None;
    };
    Some(service)
}

/// A YouTube time (`90`, `90s`, `1m30s`, `1h2m3s`) in seconds.
fn seconds(t: &str) -> Option<u32> {
    let (mut total, mut n) = (0u32, 0u32);
    let mut any = false;
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => {
                n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
                any = true;
            }
            b'h' | b'm' | b's' => {
                let unit = match b {
                    b'h' => 3600,
                    b'm' => 60,
                    _ => 1,
                };
                total = total.checked_add(n.checked_mul(unit)?)?;
                n = 0;
            }
            _ => return None,
        }
    }
    any.then(|| total.saturating_add(n))
}

/// The address of the service's player for the page at `url`, when Newsline can make one without asking
/// the service (no API, no key): `None` for a page that is not a player's or post's (a profile, a short link
/// that only the service can resolve).
fn player(service: Service, p: &Parts) -> Option<String> {
    let (all, n) = segments(p.path);
    let segs = &all[..n];
    let seg = |i: usize| segs.get(i).copied();
    match service {
        Service::YouTube => {
            let id = if p.host == "youtu.be" {
                seg(0)
            } else if let Some(v) = param(p.query, "v") {
                Some(v)
            } else {
                match seg(0) {
                    Some("embed" | "shorts" | "live" | "v" | "e") => seg(1),
                    _ => None,
                }
            }
            .filter(|id| is_id(id))?;
            let start = param(p.query, "start")
                .or_else(|| param(p.query, "t"))
                .or_else(|| param(p.fragment, "t"))
                .and_then(seconds)
                .filter(|s| *s > 0);
            Some(match start {
                Some(s) => ["https://www.youtube-nocookie.com/embed/", id, "?start=", &s.to_string()].concat(),
                None => ["https://www.youtube-nocookie.com/embed/", id].concat(),
            })
        }
        Service::Vimeo => {
            let at = segs.iter().position(|s| is_digits(s))?;
            let id = segs[at];
            let hash = param(p.query, "h")
                .or_else(|| seg(at + 1).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit())))
                .filter(|h| is_id(h));
            let mut out = ["https://player.vimeo.com/video/", id, "?dnt=1"].concat();
            if let Some(h) = hash {
                out.push_str("&h=");
                out.push_str(h);
            }
            if let Some(t) = param(p.fragment, "t").filter(|t| is_id(t)) {
                out.push_str("#t=");
                out.push_str(t);
            }
            Some(out)
        }
        Service::Dailymotion => {
            let id = if p.host == "dai.ly" {
                seg(0)
            } else if let Some(v) = param(p.query, "video") {
                Some(v)
            } else {
                let at = segs.iter().position(|s| *s == "video")?;
                seg(at + 1)
            }?;
            let id = id.split('_').next().filter(|id| is_id(id))?;
            Some(["https://www.dailymotion.com/embed/video/", id].concat())
        }
        Service::TikTok => {
            let at = segs.iter().position(|s| matches!(*s, "video" | "v2" | "v1"))?;
            let id = seg(at + 1).filter(|id| is_digits(id))?;
            Some(["https://www.tiktok.com/embed/v2/", id].concat())
        }
        Service::Wistia => {
            let at = segs.iter().position(|s| matches!(*s, "medias" | "iframe"))?;
            let id = seg(at + 1).filter(|id| is_id(id))?;
            Some(["https://fast.wistia.net/embed/iframe/", id].concat())
        }
        Service::SoundCloud => {
            if p.host == "w.soundcloud.com" {
                // A player's address carries the track's: SoundCloud's, its path of plain segments, or no player.
                let track = decode(param(p.query, "url")?);
                let rest = ["https://api.soundcloud.com/", "https://soundcloud.com/"]
                    .iter()
                    .find_map(|prefix| track.strip_prefix(prefix))?;
                return rest
                    .split('/')
                    .all(is_id)
                    .then(|| ["https://w.soundcloud.com/player/?url=", &encode(&track)].concat());
            }
            if p.host != "soundcloud.com" || segs.len() < 2 {
                return None;
            }
            let page = ["https://soundcloud.com/", &segs.join("/")].concat();
            Some(["https://w.soundcloud.com/player/?url=", &encode(&page)].concat())
        }
        Service::Spotify => {
            const TYPES: &[&str] = &["track", "album", "artist", "playlist", "episode", "show"];
            let at = segs.iter().rposition(|s| TYPES.contains(s))?;
            let id = seg(at + 1).filter(|id| is_id(id))?;
            Some(["https://open.spotify.com/embed/", segs[at], "/", id].concat())
        }
        Service::X => {
            // `#!/user/status/1` (old links) keeps its path in the fragment.
            let path = if p.fragment.starts_with("!/") { &p.fragment[1..] } else { p.path };
            let (all, n) = segments(path);
            let segs = &all[..n];
            let at = segs.iter().position(|s| matches!(*s, "status" | "statuses"))?;
            let id = segs.get(at + 1).filter(|id| is_digits(id))?;
            Some(["https://platform.twitter.com/embed/Tweet.html?id=", id, "&dnt=true"].concat())
        }
        Service::Bluesky => {
            // The embed names the author by their DID; a handle needs the service to resolve it.
            match (seg(0), seg(1), seg(2), seg(3)) {
                (Some("profile"), Some(did), Some("post"), Some(rkey)) if did.starts_with("did:") && is_id(rkey) => {
                    let did_ok =
                        did.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.' | b'-' | b'_'));
                    did_ok.then(|| ["https://embed.bsky.app/embed/", did, "/app.bsky.feed.post/", rkey].concat())
                }
                _ => None,
            }
        }
        Service::Instagram => {
            let at = segs.iter().position(|s| matches!(*s, "p" | "reel" | "tv"))?;
            let code = seg(at + 1).filter(|c| is_id(c))?;
            Some(["https://www.instagram.com/", segs[at], "/", code, "/embed/"].concat())
        }
        Service::Flickr => match (seg(0), seg(1), seg(2)) {
            (Some("photos"), Some(user), Some(id)) if p.host == "flickr.com" && is_id(user) && is_digits(id) => {
                Some(["https://www.flickr.com/photos/", user, "/", id, "/player/"].concat())
            }
            _ => None,
        },
        Service::GoogleMaps => maps_player(p, segs),
        Service::GoogleDocs => {
            let id = match (seg(0), seg(1), seg(2)) {
                (Some("file"), Some("d"), Some(id)) if p.host == "drive.google.com" => {
                    return is_id(id).then(|| ["https://drive.google.com/file/d/", id, "/preview"].concat());
                }
                (Some("open"), _, _) if p.host == "drive.google.com" => {
                    let id = param(p.query, "id").filter(|id| is_id(id))?;
                    return Some(["https://drive.google.com/file/d/", id, "/preview"].concat());
                }
                (Some(kind @ ("document" | "spreadsheets" | "presentation")), Some("d"), Some(id)) => (kind, id),
                _ => return None,
            };
            is_id(id.1).then(|| ["https://docs.google.com/", id.0, "/d/", id.1, "/preview"].concat())
        }
        Service::DocumentCloud => {
            let at = segs.iter().position(|s| *s == "documents")?;
            let doc = seg(at + 1)?;
            let doc = doc.strip_suffix(".html").or_else(|| doc.strip_suffix(".js")).unwrap_or(doc);
            let digits = doc.split('-').next().unwrap_or("");
            (is_digits(digits) && is_id(doc))
                .then(|| ["https://embed.documentcloud.org/documents/", doc, "/?embed=1"].concat())
        }
        Service::Vine | Service::Imgur | Service::Wikipedia => None,
    }
}

/// A Google Maps page as Google's keyless embed (`/maps?…&output=embed`): a view (`/maps/@lat,lng,15z`), a
/// place, a search, directions, or an old `/maps?q=…` address.
fn maps_player(p: &Parts, segs: &[&str]) -> Option<String> {
    // The `@lat,lng,zoom` segment: a centre and a zoom.
    let at = segs.iter().find_map(|s| s.strip_prefix('@'));
    let mut centre = None;
    let mut zoom = None;
    if let Some(at) = at {
        let mut it = at.split(',');
        let (lat, lng) = (it.next()?, it.next()?);
        let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        if !number(lat) || !number(lng) {
            return None;
        }
        centre = Some([lat, ",", lng].concat());
        zoom = it.next().and_then(|z| z.strip_suffix('z')).and_then(|z| z.split('.').next()).filter(|z| is_digits(z));
    }
    let safe = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+%-_.,".contains(&b));
    let mut query: Vec<String> = Vec::new();
    match (segs.get(1).copied(), segs.get(2).copied(), segs.get(3).copied()) {
        (Some("place" | "search"), Some(q), _) if !q.starts_with('@') && safe(q) => query.push(["q=", q].concat()),
        (Some("dir"), Some(a), Some(b)) if !b.starts_with('@') && safe(a) && safe(b) => {
            query.push(["saddr=", a].concat());
            query.push(["daddr=", b].concat());
        }
        _ => {
            if let Some(q) = param(p.query, "q").filter(|q| safe(q)) {
                query.push(["q=", q].concat());
            }
            if centre.is_none() {
                centre = param(p.query, "ll").or_else(|| param(p.query, "sll")).filter(|q| safe(q)).map(str::to_owned);
            }
            if zoom.is_none() {
                zoom = param(p.query, "z").filter(|z| is_digits(z));
            }
        }
    }
    if let Some(c) = centre {
        query.push(["ll=", &c].concat());
    }
    if query.is_empty() {
        return None;
    }
    if let Some(z) = zoom {
        query.push(["z=", z].concat());
    }
    Some(["https://www.google.com/maps?", &query.join("&"), "&output=embed"].concat())
}

/// `s` percent-encoded for a query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// `s` with its `%xx` escapes decoded (as UTF-8; a bad sequence is kept as written).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// A Wikimedia file page (`commons.wikimedia.org/wiki/File:A.jpg`, or an article's `#/media/File:A.jpg`) as
/// the file itself, through the wiki's `Special:FilePath`, which answers with the image.
fn wikimedia_file(p: &Parts) -> Option<String> {
    if !under(&p.host, "wikimedia.org") && !under(&p.host, "wikipedia.org") {
        return None;
    }
    let name = p
        .fragment
        .strip_prefix("/media/")
        .or_else(|| p.path.strip_prefix("/wiki/"))
        .and_then(|n| n.split_once(':'))
        .map(|(_, name)| name)
        .filter(|name| IMAGE_ENDINGS.contains(&ending(name).as_str()) && !name.contains(['/', '"', '<', '>']))?;
    Some(["https://", &p.host, "/wiki/Special:FilePath/", name].concat())
}

/// Reads a media address, or pasted embed code, as TimelineJS3 would:
/// - embed code (text starting with `<`): an `<iframe>`'s `src` is read as an address; a `<blockquote>` (a
///   post's embed code such as X's `twitter-tweet`) or anything else becomes a [`MediaKind::Quote`] of its
///   text, with the post's link (a status link, else `cite`, else the last `href`); nothing of it is run;
/// - a service's player or post ([`Service`]): [`MediaKind::Embed`] when Newsline can make its player's
///   address, else a [`MediaKind::Link`] to it (a profile, a short link);
/// - a Wikimedia file page: the image itself;
/// - a file by its ending: an image, a video or an audio file;
/// - anything else: a [`MediaKind::Link`].
pub fn recognise(input: &str) -> Recognised {
    let input = input.trim();
    if input.starts_with('<') {
        return embed_code(input);
    }
    let url = https(input).into_owned();
    let Some(p) = parts(&url) else {
        // A relative address: a file of the story's site, by its ending.
        let path = url.split(['?', '#']).next().unwrap_or("");
        return Recognised { kind: by_ending(&ending(path)), url, quote: None };
    };
    if let Some(file) = wikimedia_file(&p) {
        return Recognised { kind: MediaKind::Image, url: file, quote: None };
    }
    if let Some(service) = service_of(&p) {
        let kind = match player(service, &p) {
            Some(_) => MediaKind::Embed(service),
            // A file on a service's host (an Imgur image) is that file.
            None if by_ending(&ending(p.path)) != MediaKind::Link => by_ending(&ending(p.path)),
            None => MediaKind::Link,
        };
        return Recognised { kind, url, quote: None };
    }
    Recognised { kind: by_ending(&ending(p.path)), url, quote: None }
}

fn by_ending(ending: &str) -> MediaKind {
    if IMAGE_ENDINGS.contains(&ending) {
        MediaKind::Image
    } else if VIDEO_ENDINGS.contains(&ending) {
        MediaKind::Video
    } else if AUDIO_ENDINGS.contains(&ending) {
        MediaKind::Audio
    } else {
        MediaKind::Link
    }
}

/// `s` with each `&amp;` read as `&` (the one character reference an address in HTML needs).
fn amp(mut s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    while let Some(i) = crate::text::find(s, "&amp;") {
        out.push_str(&s[..=i]);
        s = &s[i + 5..];
    }
    out.push_str(s);
    out
}

/// The values of the attribute `name` in HTML `code`, in order (quoted with `"` or `'`, `&amp;` read as `&`).
fn attributes<'a>(code: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    let lower = code.to_ascii_lowercase();
    let needle = [name, "="].concat();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + crate::text::find(lower.get(from..)?, &needle)?;
        from = at + needle.len();
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &code[from..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let end = rest[1..].find(quote)?;
        from += end + 2;
        return Some(amp(&rest[1..=end]));
    })
}

/// Pasted embed code, read for its address and its text (see [`recognise`]).
fn embed_code(code: &str) -> Recognised {
    let lower = code.get(..code.len().min(400)).unwrap_or(code).to_ascii_lowercase();
    if lower.starts_with("<iframe") {
        if let Some(src) = attributes(code, "src").next() {
            if !src.trim_start().starts_with('<') {
                return recognise(&src);
            }
        }
    }
    let hrefs: Vec<String> = attributes(code, "href").map(|h| https(&h).into_owned()).collect();
    let is_post = |h: &&String| {
        parts(h)
            .is_some_and(|p| service_of(&p).is_some_and(|s| s.category() == Category::Post && player(s, &p).is_some()))
    };
    let post = hrefs.iter().find(is_post);
    let url =
        post.cloned().or_else(|| attributes(code, "cite").next()).or_else(|| hrefs.last().cloned()).unwrap_or_default();
    Recognised { kind: MediaKind::Quote, url, quote: Some(code.to_owned()) }
}

/// The address of the player for a recognised [`MediaKind::Embed`] at `url`.
pub fn player_url(service: Service, url: &str) -> Option<String> {
    player(service, &parts(url)?)
}

/// What a link card says of the page at `url`: the site's name (a service's, or the host without `www.`)
/// and, for a Wikipedia article, its title.
pub fn link_site(url: &str) -> (String, Option<String>) {
    let Some(p) = parts(url) else { return (String::new(), None) };
    match service_of(&p) {
        Some(Service::Wikipedia) => {
            let title = p.path.strip_prefix("/wiki/").filter(|t| !t.is_empty()).map(|t| decode(t).replace('_', " "));
            (Service::Wikipedia.name().to_owned(), title)
        }
        Some(service) => (service.name().to_owned(), None),
        None => (p.host, None),
    }
}

/// `url` as a link card shows it when nothing names the page: without its scheme, `www.` or a last `/`, cut
/// to 60 characters with "…".
pub fn shown_address(url: &str) -> String {
    let lower = url.get(..8).unwrap_or("").to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        url
    };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut out: String = rest.chars().take(60).collect();
    if out.len() < rest.len() {
        out.push('…');
    }
    out
}

/// The site to name on a link to `url` ("Open on en.wikipedia.org"): its host without `www.`; empty for a
/// relative address.
pub fn host_of(url: &str) -> String {
    parts(url).map(|p| p.host).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed(url: &str) -> (MediaKind, Option<String>) {
        let r = recognise(url);
        let player = match r.kind {
            MediaKind::Embed(s) => player_url(s, &r.url),
            _ => None,
        };
        (r.kind, player)
    }

    #[test]
    fn players_are_recognised_in_every_shape_of_their_address() {
        use Service::*;
        let cases: &[(&str, Service, &str)] = &[
            ("https://www.youtube.com/watch?v=C-nTpGMMVjY", YouTube, "https://www.youtube-nocookie.com/embed/C-nTpGMMVjY"),
            ("http://youtu.be/7JDaOOw0MEE", YouTube, "https://www.youtube-nocookie.com/embed/7JDaOOw0MEE"),
            ("https://youtu.be/UZVEp78b0XI?t=1m54s", YouTube, "https://www.youtube-nocookie.com/embed/UZVEp78b0XI?start=114"),
            ("https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s", YouTube, "https://www.youtube-nocookie.com/embed/pi2v1m6gmD8?start=321"),
            ("//www.youtube.com/embed/abcDEF12345?start=30", YouTube, "https://www.youtube-nocookie.com/embed/abcDEF12345?start=30"),
            ("https://www.youtube.com/shorts/abcDEF12345", YouTube, "https://www.youtube-nocookie.com/embed/abcDEF12345"),
            ("https://youtube.com/watch?feature=share&v=abcDEF12345&t=90", YouTube, "https://www.youtube-nocookie.com/embed/abcDEF12345?start=90"),
            ("http://vimeo.com/20839673", Vimeo, "https://player.vimeo.com/video/20839673?dnt=1"),
            ("https://vimeo.com/channels/staffpicks/304869290", Vimeo, "https://player.vimeo.com/video/304869290?dnt=1"),
            ("https://player.vimeo.com/video/33211636?h=abc123", Vimeo, "https://player.vimeo.com/video/33211636?dnt=1&h=abc123"),
            ("https://vimeo.com/33211636/7f3e2a#t=30s", Vimeo, "https://player.vimeo.com/video/33211636?dnt=1&h=7f3e2a#t=30s"),
            ("http://www.dailymotion.com/video/x2fo0e8_the-history-of-advertising_lifestyle", Dailymotion, "https://www.dailymotion.com/embed/video/x2fo0e8"),
            ("https://dai.ly/x2fo0e8", Dailymotion, "https://www.dailymotion.com/embed/video/x2fo0e8"),
            ("https://www.dailymotion.com/embed/video/x2fo0e8", Dailymotion, "https://www.dailymotion.com/embed/video/x2fo0e8"),
            ("https://www.tiktok.com/@colbertlateshow/video/7611014647642098958?is_from_webapp=1", TikTok, "https://www.tiktok.com/embed/v2/7611014647642098958"),
            ("https://www.tiktok.com/embed/v2/7611014647642098958", TikTok, "https://www.tiktok.com/embed/v2/7611014647642098958"),
            ("https://lakeshore.wistia.com/medias/g2h5ddrucc", Wistia, "https://fast.wistia.net/embed/iframe/g2h5ddrucc"),
            ("https://fast.wistia.net/embed/iframe/g2h5ddrucc", Wistia, "https://fast.wistia.net/embed/iframe/g2h5ddrucc"),
            ("http://soundcloud.com/beastieboys/make-some-noise", SoundCloud, "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fbeastieboys%2Fmake-some-noise"),
            ("https://soundcloud.com/obamawhitehouse/grace-hopper-as-told-by-u-s?in=x", SoundCloud, "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fobamawhitehouse%2Fgrace-hopper-as-told-by-u-s"),
            ("https://play.spotify.com/track/5SdB3onMcO9ZBoKrdvCqhR", Spotify, "https://open.spotify.com/embed/track/5SdB3onMcO9ZBoKrdvCqhR"),
            ("https://play.spotify.com/user/edvard_m/playlist/4xFSdiuP4gpR4wq2OghlOs", Spotify, "https://open.spotify.com/embed/playlist/4xFSdiuP4gpR4wq2OghlOs"),
            ("https://open.spotify.com/intl-de/album/2iE18Oxc8YSumAU232n4rW?si=x", Spotify, "https://open.spotify.com/embed/album/2iE18Oxc8YSumAU232n4rW"),
            ("https://twitter.com/NASASpaceflight/status/562327074384654336", X, "https://platform.twitter.com/embed/Tweet.html?id=562327074384654336&dnt=true"),
            ("https://twitter.com/#!/MittRomney/status/165994713806155776", X, "https://platform.twitter.com/embed/Tweet.html?id=165994713806155776&dnt=true"),
            ("//twitter.com/Blavity/status/851872780949889024", X, "https://platform.twitter.com/embed/Tweet.html?id=851872780949889024&dnt=true"),
            ("https://x.com/user/status/1265638281783447552?s=20", X, "https://platform.twitter.com/embed/Tweet.html?id=1265638281783447552&dnt=true"),
            ("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3mfrtmy75ao24", Bluesky, "https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3mfrtmy75ao24"),
            ("http://instagram.com/p/lEPdm4J20m/", Instagram, "https://www.instagram.com/p/lEPdm4J20m/embed/"),
            ("https://www.instagram.com/reel/Cx1_ab-9/?igsh=1", Instagram, "https://www.instagram.com/reel/Cx1_ab-9/embed/"),
            ("//www.flickr.com/photos/tm_10001/2310475988/", Flickr, "https://www.flickr.com/photos/tm_10001/2310475988/player/"),
            ("http://www.flickr.com/photos/zachwise/7050589957/in/photostream/", Flickr, "https://www.flickr.com/photos/zachwise/7050589957/player/"),
            ("https://www.google.com/maps/@42.032147,-87.6689625,15z", GoogleMaps, "https://www.google.com/maps?ll=42.032147,-87.6689625&z=15&output=embed"),
            ("https://www.google.com/maps/place/Chicago,+IL/@41.8337329,-87.7321555,11z/data=!3m1", GoogleMaps, "https://www.google.com/maps?q=Chicago,+IL&ll=41.8337329,-87.7321555&z=11&output=embed"),
            ("https://www.google.com/maps/search/target/@41.8747339,-87.6481257,13z?hl=en-US", GoogleMaps, "https://www.google.com/maps?q=target&ll=41.8747339,-87.6481257&z=13&output=embed"),
            ("https://www.google.com/maps/dir/W+Adams+St/Evanston,+IL/@41.96,-87.7,11z", GoogleMaps, "https://www.google.com/maps?saddr=W+Adams+St&daddr=Evanston,+IL&ll=41.96,-87.7&z=11&output=embed"),
            ("https://www.google.com/maps?hl=en&sll=42.05083,-87.674194&z=15", GoogleMaps, "https://www.google.com/maps?ll=42.05083,-87.674194&z=15&output=embed"),
            ("https://www.documentcloud.org/documents/1377371-folketinget.html", DocumentCloud, "https://embed.documentcloud.org/documents/1377371-folketinget/?embed=1"),
            ("https://docs.google.com/document/d/1WxDrrS0Sx1D4p-TEwz3T8HUfQalBUvBV8C_1DHCOVUQ/edit", GoogleDocs, "https://docs.google.com/document/d/1WxDrrS0Sx1D4p-TEwz3T8HUfQalBUvBV8C_1DHCOVUQ/preview"),
            ("https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/view?usp=sharing", GoogleDocs, "https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/preview"),
            ("https://drive.google.com/open?id=10YmjqDEEThebd&authuser=0", GoogleDocs, "https://drive.google.com/file/d/10YmjqDEEThebd/preview"),
        ];
        for (url, service, player) in cases {
            assert_eq!(embed(url), (MediaKind::Embed(*service), Some(player.to_string())), "{url}");
            let origin = player.split('/').take(3).collect::<Vec<_>>().join("/");
            assert!(service.frame_src().split(' ').any(|o| o == origin), "{url}: {origin} in frame-src");
        }
    }

    #[test]
    fn a_player_address_is_written_anew_from_checked_pieces() {
        // Google's country sites are Google's; a host that only starts "google." is not.
        assert_eq!(embed("https://www.google.co.uk/maps/@51.5,-0.1,12z").0, MediaKind::Embed(Service::GoogleMaps));
        assert_eq!(embed("https://maps.google.de/?ll=52.5,13.4").0, MediaKind::Embed(Service::GoogleMaps));
        assert_eq!(embed("https://google.com.au/maps/@-33.9,151.2,10z").0, MediaKind::Embed(Service::GoogleMaps));
        assert_eq!(embed("https://google.evil.example/maps/@1,2,3z").0, MediaKind::Link);
        // A SoundCloud player's address names its track: SoundCloud's, or no player.
        let api = "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&auto_play=false";
        assert_eq!(
            embed(api).1.as_deref(),
            Some("https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293")
        );
        for elsewhere in [
            "https://w.soundcloud.com/player/?url=https%3A//evil.example/tracks/293",
            "https://w.soundcloud.com/player/?url=https://soundcloud.com.evil.example/a/b",
            "https://w.soundcloud.com/player/?url=javascript:alert(1)",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293%22%3E",
        ] {
            assert_eq!(embed(elsewhere).1, None, "{elsewhere}");
        }
    }

    #[test]
    fn files_links_and_pages_without_a_player_are_told_apart() {
        let cases: &[(&str, MediaKind, &str)] = &[
            (
                "//upload.wikimedia.org/wikipedia/commons/3/35/Ipod_1G.png",
                MediaKind::Image,
                "https://upload.wikimedia.org/wikipedia/commons/3/35/Ipod_1G.png",
            ),
            ("images/maliki.JPG", MediaKind::Image, "images/maliki.JPG"),
            ("https://example.org/a.webp?w=600#x", MediaKind::Image, "https://example.org/a.webp?w=600#x"),
            (
                "https://commons.wikimedia.org/wiki/File:HST-SM4.jpeg",
                MediaKind::Image,
                "https://commons.wikimedia.org/wiki/Special:FilePath/HST-SM4.jpeg",
            ),
            (
                "https://en.wikipedia.org/wiki/Mark_Twain#/media/File:Twain.jpg",
                MediaKind::Image,
                "https://en.wikipedia.org/wiki/Special:FilePath/Twain.jpg",
            ),
            (
                "https://uploads.knightlab.com/escalator.mp4",
                MediaKind::Video,
                "https://uploads.knightlab.com/escalator.mp4",
            ),
            ("https://example.org/clip.WEBM", MediaKind::Video, "https://example.org/clip.WEBM"),
            (
                "https://soundcite.knightlab.com/media/bach-cello-suite.mp3",
                MediaKind::Audio,
                "https://soundcite.knightlab.com/media/bach-cello-suite.mp3",
            ),
            ("audio/interview.m4a", MediaKind::Audio, "audio/interview.m4a"),
            (
                "https://en.wikipedia.org/wiki/Battle_of_Nineveh_(627)",
                MediaKind::Link,
                "https://en.wikipedia.org/wiki/Battle_of_Nineveh_(627)",
            ),
            ("http://instagram.com/lukerague/", MediaKind::Link, "http://instagram.com/lukerague/"),
            ("https://flic.kr/p/2j3fiqw", MediaKind::Link, "https://flic.kr/p/2j3fiqw"),
            (
                "https://bsky.app/profile/damon.kiesow.net/post/3mfrtmy75ao24",
                MediaKind::Link,
                "https://bsky.app/profile/damon.kiesow.net/post/3mfrtmy75ao24",
            ),
            ("https://vine.co/v/Og5Ai71WHdD", MediaKind::Link, "https://vine.co/v/Og5Ai71WHdD"),
            ("https://imgur.com/gallery/NRpFrrk", MediaKind::Link, "https://imgur.com/gallery/NRpFrrk"),
            ("https://i.imgur.com/NRpFrrk.png", MediaKind::Image, "https://i.imgur.com/NRpFrrk.png"),
            ("https://twitter.com/nasa", MediaKind::Link, "https://twitter.com/nasa"),
            ("https://example.org/report.pdf", MediaKind::Link, "https://example.org/report.pdf"),
            ("http://www.w3schools.com/", MediaKind::Link, "http://www.w3schools.com/"),
            ("https://www.youtube.com/channel/UC123", MediaKind::Link, "https://www.youtube.com/channel/UC123"),
            // Not Google's hosts, though they start so: links, named by their own host.
            (
                "https://www.google.evil.example/maps/@41.8,-87.6,11z",
                MediaKind::Link,
                "https://www.google.evil.example/maps/@41.8,-87.6,11z",
            ),
            (
                "https://google.com.evil.example/maps/@41.8,-87.6,11z",
                MediaKind::Link,
                "https://google.com.evil.example/maps/@41.8,-87.6,11z",
            ),
            ("https://maps.google.evil.example/?ll=1,2", MediaKind::Link, "https://maps.google.evil.example/?ll=1,2"),
        ];
        for (url, kind, out) in cases {
            let r = recognise(url);
            assert_eq!((r.kind, r.url.as_str()), (*kind, *out), "{url}");
        }
    }

    #[test]
    fn pasted_embed_code_becomes_a_quote_with_its_link_and_an_iframe_its_address() {
        let tweet = r#"<blockquote class="twitter-tweet"><p lang="en" dir="ltr">2018 will be the year of the dog. <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; WeRateDogs (@dog_rates) <a href="https://twitter.com/dog_rates/status/947813424423538688?ref_src=twsrc%5Etfw">January 1, 2018</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>"#;
        let r = recognise(tweet);
        assert_eq!(r.kind, MediaKind::Quote);
        assert_eq!(r.url, "https://twitter.com/dog_rates/status/947813424423538688?ref_src=twsrc%5Etfw");
        assert_eq!(r.quote.as_deref(), Some(tweet));
        let plain = recognise("<blockquote>This is a block quote.</blockquote>");
        assert_eq!((plain.kind, plain.url.as_str()), (MediaKind::Quote, ""));
        let cited = recognise(r#"<blockquote cite='https://example.org/speech'>Words.</blockquote>"#);
        assert_eq!(cited.url, "https://example.org/speech");
        let frame = recognise(
            r#"<iframe width="560" src="https://www.youtube.com/embed/abcDEF12345?start=5" allowfullscreen></iframe>"#,
        );
        assert_eq!(
            (frame.kind, frame.url.as_str()),
            (MediaKind::Embed(Service::YouTube), "https://www.youtube.com/embed/abcDEF12345?start=5")
        );
        let page = recognise("<iframe src='http://www.theonion.com/articles/measles,37870/'></iframe>");
        assert_eq!(
            (page.kind, page.url.as_str()),
            (MediaKind::Link, "http://www.theonion.com/articles/measles,37870/")
        );
        // A script is text to quote, never anything to run; `data-src=` is not `src=`.
        let odd = recognise(r#"<script data-src="https://evil.example/x.js">alert(1)</script>"#);
        assert_eq!((odd.kind, odd.url.as_str()), (MediaKind::Quote, ""));
    }

    #[test]
    fn link_cards_name_their_site_and_a_wikipedia_article_its_title() {
        assert_eq!(
            link_site("https://en.wikipedia.org/wiki/Battle_of_Nihaw%C4%81nd"),
            ("Wikipedia".to_owned(), Some("Battle of Nihawānd".to_owned()))
        );
        assert_eq!(link_site("http://www.theonion.com/articles/x"), ("theonion.com".to_owned(), None));
        assert_eq!(link_site("https://flic.kr/p/2j3fiqw"), ("Flickr".to_owned(), None));
        assert_eq!(host_of("https://www.youtube.com/watch?v=x"), "youtube.com");
        assert_eq!(host_of("images/a.jpg"), "");
        assert_eq!(shown_address("https://www.theonion.com/articles/x/"), "theonion.com/articles/x");
        assert_eq!(shown_address("report.pdf"), "report.pdf");
        assert_eq!(shown_address(&format!("http://a.org/{}", "b".repeat(80))).chars().count(), 61);
    }

    /// docs/embedding.md lists the `frame-src` of every service Newsline makes a player for, as this module
    /// gives it.
    #[test]
    fn the_docs_list_each_players_frame_src() {
        let docs = include_str!("../docs/embedding.md");
        for service in SERVICES.iter().filter(|s| !s.frame_src().is_empty()) {
            let row = format!("| {} | `{}` |", service.name(), service.frame_src());
            assert!(docs.contains(&row), "docs/embedding.md lacks the row {row}");
        }
    }

    #[test]
    fn youtube_times_read_in_every_form() {
        for (t, s) in
            [("90", Some(90)), ("90s", Some(90)), ("1m30s", Some(90)), ("1h0m5s", Some(3605)), ("x", None), ("", None)]
        {
            assert_eq!(seconds(t), s, "{t}");
        }
    }
}
