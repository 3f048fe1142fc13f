//! An event's media, or the title slide's, as the reader meets it ([`crate::media::MediaKind`]):
//! - an image as `<img>`; a video or audio file as the browser's own player, fetched only on play
//!   (`preload="none"`);
//! - a service's player or post as a facade of this page's own (the service's name, the media's name, a
//!   button "Load video from youtube.com"), nothing fetched until the reader presses it; then the player in
//!   a sandboxed frame, which takes focus. Where the page's Content-Security-Policy refuses the frame
//!   (`frame-src`), the facade says so and links to the service instead of leaving a broken frame;
//! - a link card, and pasted embed code as a quote with its link: nothing fetched, nothing run.
//!
//! Drawn on the host (`newsline render`, no script), a facade is a plain link with the caption. Whether a
//! facade is loaded is the view's own (a frame shown, not a change of the story's state).

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{focus_element, use_frame_refused};
use crate::media::{self, Category, MediaKind, Service};
use crate::model::Media;
use crate::words::{Locale, Word};

/// Whether this build draws for `newsline render` (the host's), where nothing runs.
const STATIC: bool = cfg!(not(target_arch = "wasm32"));

/// The caption and credit under media, in the story's language (`lang`, [`super::text_lang`]).
fn caption(media: &Media, lang: Option<AttrValue>) -> Html {
    if media.caption.is_none() && media.credit.is_none() {
        return Html::default();
    }
    html! {
        <figcaption {lang}>
            if let Some(caption) = &media.caption {
                <span class="nl-media-caption">{ caption }</span>
            }
            if let Some(credit) = &media.credit {
                <span class="nl-media-credit">{ credit }</span>
            }
        </figcaption>
    }
}

/// What a service's content is, in the reader's words ("Video").
fn category_word(category: Category) -> Word {
    match category {
        Category::Video => Word::Video,
        Category::Audio => Word::Audio,
        Category::Post => Word::Post,
        Category::Photo => Word::Photo,
        Category::Map => Word::Map,
        Category::Document => Word::Document,
        Category::Page => Word::Link,
    }
}

/// The facade's button: "Load video from {site}".
fn load_word(category: Category) -> Word {
    match category {
        Category::Video => Word::LoadVideo,
        Category::Audio => Word::LoadAudio,
        Category::Post => Word::LoadPost,
        Category::Photo => Word::LoadPhoto,
        Category::Map => Word::LoadMap,
        Category::Document | Category::Page => Word::LoadDocument,
    }
}

/// `m` as the reader meets it, its words in `locale`'s language. `key` tells one facade from the next (the
/// event's id): a new event's media is a new facade, never the last one's loaded player. A function, not a
/// component: only a facade has state.
pub(crate) fn media_view(m: &Media, locale: &Rc<Locale>, key: &str) -> Html {
    // The story's own words (alt text, caption, a quote) are in the story's language.
    let lang = super::text_lang(locale);
    // Files are read against the story file's address, the same in every mode (crate::text::media_src).
    let file = || crate::text::media_src(&m.url);
    match m.kind {
        MediaKind::Image => match file() {
            Some(src) => html! {
                <figure class="nl-card-media">
                    <img {src} alt={m.alt.clone()} lang={lang.clone()} loading="lazy" decoding="async" />
                    { caption(m, lang) }
                </figure>
            },
            None => Html::default(),
        },
        MediaKind::Video | MediaKind::Audio => {
            let Some(src) = file() else { return Html::default() };
            let label = Some(m.alt.clone()).filter(|a| !a.is_empty());
            // The kind's name is the element's: `video` or `audio`.
            html! {
                <figure class="nl-card-media nl-media-file">
                    <@{m.kind.as_str()} class="nl-media-player" {src} controls=true preload="none" aria-label={label} lang={lang.clone()}></@>
                    { caption(m, lang) }
                </figure>
            }
        }
        MediaKind::Embed(service) => match media::player_url(service, &m.url) {
            Some(player) => {
                html! { <Facade key={key.to_owned()} locale={locale.clone()} media={m.clone()} {service} {player} /> }
            }
            None => link_card(m, locale),
        },
        MediaKind::Link => link_card(m, locale),
        MediaKind::Quote => {
            // A relative address is read against the story file's, as a link card's is.
            let href = Some(&m.url).filter(|u| !u.is_empty()).and_then(|u| crate::text::media_src(u));
            let site = href.as_deref().map(media::host_of).unwrap_or_default();
            html! {
                <figure class="nl-card-media nl-media-quote">
                    <blockquote class="nl-media-blockquote" lang={lang.clone()} cite={(!m.url.is_empty()).then(|| m.url.clone())}>
                        <p>{ m.quote.clone().unwrap_or_default() }</p>
                    </blockquote>
                    if let Some(href) = href {
                        <p class="nl-media-open">
                            <a {href} rel="noopener noreferrer">{ locale.word_for_site(Word::OpenOn, &site) }</a>
                        </p>
                    }
                    { caption(m, lang) }
                </figure>
            }
        }
    }
}

/// A link to a page, as a card: the site's name, the page's (the media's name, else a Wikipedia article's
/// title, else the site's host); nothing fetched from it.
fn link_card(m: &Media, locale: &Locale) -> Html {
    let lang = super::text_lang(locale);
    // A relative address is read against the story file's, as a file's is.
    let Some(href) = crate::text::media_src(&m.url) else { return Html::default() };
    let (site, article) = media::link_site(&href);
    let host = media::host_of(&href);
    let title =
        Some(m.alt.clone()).filter(|a| !a.is_empty()).or(article).unwrap_or_else(|| media::shown_address(&href));
    let kind = if site.is_empty() {
        locale.word(Word::Link).to_owned()
    } else {
        [locale.word(Word::Link), " · ", &site].concat()
    };
    html! {
        <figure class="nl-card-media nl-media-link">
            <a class="nl-link-card" {href} rel="noopener noreferrer">
                <span class="nl-media-kind">{ kind }</span>
                <span class="nl-link-title" lang={lang.clone()}>{ title }</span>
                <span class="nl-link-site">{ host }</span>
            </a>
            { caption(m, lang) }
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct FacadeProps {
    /// The reader's language: its words, direction and digits (compared by value: a new `Rc` of the same
    /// language draws nothing again).
    locale: Rc<Locale>,
    media: Media,
    service: Service,
    /// The player's address ([`media::player_url`]).
    player: String,
}

/// Where a facade stands.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// Nothing loaded: the button.
    Waiting,
    /// The reader asked: the player's frame.
    Loaded,
    /// The page's CSP refused the player's origin: the link to the service.
    Refused,
}

#[component]
fn Facade(props: &FacadeProps) -> Html {
    let locale = &props.locale;
    let lang = super::text_lang(locale);
    let phase = use_state_eq(|| Phase::Waiting);
    // Refused once, refused for good: a refusal heard before the press (another facade's) goes straight
    // to the link.
    let refused = use_mut_ref(|| false);
    let frame = use_node_ref();
    let link = use_node_ref();
    let origin = props.player.split('/').take(3).collect::<Vec<_>>().join("/");
    {
        let (phase, refused) = (phase.clone(), refused.clone());
        use_frame_refused(
            origin,
            Callback::from(move |()| {
                *refused.borrow_mut() = true;
                if *phase == Phase::Loaded {
                    phase.set(Phase::Refused);
                }
            }),
        );
    }
    {
        let (frame, link) = (frame.clone(), link.clone());
        use_effect_with(*phase, move |phase| {
            let target = match phase {
                Phase::Loaded => frame.cast::<web_sys::Element>(),
                Phase::Refused => link.cast::<web_sys::Element>(),
                Phase::Waiting => None,
            };
            if let Some(element) = target {
                focus_element(&element, false);
            }
        });
    }
    let m = &props.media;
    let service = props.service;
    let category = service.category();
    let site = service.site();
    let kind = html! {
        <p class="nl-media-kind">{ [locale.word(category_word(category)), " · ", service.name()].concat() }</p>
    };
    // The name, unless the caption below says it already.
    let name = (m.caption.as_deref() != Some(m.alt.as_str()) && !m.alt.is_empty())
        .then(|| html! { <p class="nl-facade-title" lang={lang.clone()}>{ &m.alt }</p> });
    // The link is named by the service's site: the address was recognised as the service's only on hosts the
    // service owns (`youtu.be` is YouTube's; `media::recognise`).
    let open = |node: NodeRef| {
        html! {
            <a ref={node} class="nl-facade-open" href={m.url.clone()} rel="noopener noreferrer">
                { locale.word_for_site(Word::OpenOn, site) }
            </a>
        }
    };
    let body = match *phase {
        _ if STATIC => html! { <div class="nl-facade">{ kind }{ name }{ open(NodeRef::default()) }</div> },
        Phase::Waiting => {
            let onclick = {
                let (phase, refused) = (phase.clone(), refused.clone());
                Callback::from(move |_: MouseEvent| {
                    phase.set(if *refused.borrow() { Phase::Refused } else { Phase::Loaded });
                })
            };
            html! {
                <div class="nl-facade">
                    { kind }
                    { name }
                    <button type="button" class="nl-button nl-facade-load" {onclick}>
                        { locale.word_for_site(load_word(category), site) }
                    </button>
                    <p class="nl-facade-note">{ locale.word_for_site(Word::LoadNote, site) }</p>
                </div>
            }
        }
        Phase::Loaded => {
            let allow = Some(service.allow()).filter(|a| !a.is_empty());
            html! {
                <iframe
                    ref={frame}
                    class="nl-media-frame"
                    src={props.player.clone()}
                    title={m.alt.clone()}
                    sandbox={service.sandbox()}
                    {allow}
                    referrerpolicy="strict-origin-when-cross-origin"
                ></iframe>
            }
        }
        Phase::Refused => html! {
            <div class="nl-facade nl-facade-refused">
                { kind }
                <p class="nl-facade-note">{ locale.word_for_site(Word::FrameBlocked, site) }</p>
                { open(link) }
            </div>
        },
    };
    html! {
        <figure class="nl-card-media nl-media-embed" data-service={service.token()} data-category={category.as_str()}>
            { body }
            { caption(m, lang) }
        </figure>
    }
}
