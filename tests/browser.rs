//! The widget in a real browser (headless Chromium through wasm-bindgen-test-runner): mounting the App,
//! selecting events, expanding statements, keyboard navigation, and the error panel for bad data.
#![cfg(target_arch = "wasm32")]

use newsline::components::{App, AppProps};
use newsline::story::{default_story, DEFAULT_STORY_JSON};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted in a fresh element, removed again when dropped.
struct Mounted {
    root: Element,
    _app: yew::AppHandle<App>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// The wasm's memory made 32 MB before the first app, so that no test grows it inside a render: the tests take
/// under 3 MB, but a page at a time (64 KB), about twenty times over. WebKitGTK's engine now and then faults inside
/// these tests and nowhere else (an "impossible" value in Yew's list diff, an out-of-bounds access, a crashed web
/// process: docs/engines.md, "Known"), never on demand; memory grown while wasm code runs is the suspect here.
fn room_to_grow() {
    const PAGE: u32 = 65_536;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let pages = memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() / PAGE;
    let wanted = 32 * 1024 * 1024 / PAGE;
    if pages < wanted {
        memory.grow(wanted - pages);
    }
}

impl Mounted {
    async fn new(props: AppProps) -> Mounted {
        Mounted::with_width(props, 1100).await
    }

    async fn with_width(props: AppProps, width: u32) -> Mounted {
        room_to_grow();
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        root.set_attribute("style", &format!("width: {width}px")).unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Mounted { root, _app: app }
    }

    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap()).collect()
    }

    fn one(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
            .dyn_into()
            .unwrap()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.one(selector).click();
        yew::scheduler::flush().await;
    }

    async fn key(&self, target: &HtmlElement, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    fn active_id(&self) -> String {
        let document = web_sys::window().unwrap().document().unwrap();
        document.active_element().map(|e| e.id()).unwrap_or_default()
    }
}

fn no_hash() -> AppProps {
    // The built-in story as data: embedding passes its file's URL, which this test page does not serve.
    yew::props!(AppProps { hash: false, data: DEFAULT_STORY_JSON })
}

#[wasm_bindgen_test]
async fn shows_every_event_and_opens_the_first() {
    let w = Mounted::new(no_hash()).await;
    let story = default_story().timeline;
    let markers = w.all(".nl-marker");
    assert_eq!(markers.len(), story.events.len());
    for (marker, event) in markers.iter().zip(&story.events) {
        assert!(marker.text_content().unwrap().contains(&event.headline));
    }
    assert_eq!(w.text(".nl-card-headline"), story.events[0].headline);
    assert_eq!(w.text(".nl-card-date"), "1979");
    assert_eq!(w.text(".nl-position"), "1 of 8");
    // The story's title takes the heading level the embedder sets (default 2); event cards one below.
    assert_eq!(w.one(".nl-title").tag_name(), "H2");
    assert_eq!(w.one(".nl-card-headline").tag_name(), "H3");
    assert_eq!(
        w.one(".newsline").get_attribute("aria-labelledby").map(|id| w.text(&format!("#{id}"))),
        Some(story.title.clone())
    );
    let h3 = Mounted::new(AppProps {
        heading_level: newsline::options::HeadingLevel::new(3),
        start: Some("talks-held".into()),
        ..no_hash()
    })
    .await;
    assert_eq!(h3.one(".nl-title").tag_name(), "H3");
    assert_eq!(h3.one(".nl-card-headline").tag_name(), "H4");
}

#[wasm_bindgen_test]
async fn clicking_a_marker_opens_its_card() {
    let w = Mounted::new(no_hash()).await;
    let story = default_story().timeline;
    let markers = w.all(".nl-marker");
    markers[5].click();
    yew::scheduler::flush().await;
    assert_eq!(w.text(".nl-card-headline"), story.events[5].headline);
    assert_eq!(w.text(".nl-card-date"), "Monday, May 28, 2007");
    assert_eq!(markers[5].get_attribute("aria-current").as_deref(), Some("true"));
    assert_eq!(markers[0].get_attribute("aria-current"), None);
    assert_eq!(markers[5].tab_index(), 0, "the selected marker is the strip's one tab stop");
    assert_eq!(markers[0].tab_index(), -1);
    // Focus stays on the clicked marker, whose name was said before the click: the live region says that
    // the card changed.
    sleep(500).await;
    yew::scheduler::flush().await;
    assert_eq!(w.text(".nl-live"), format!("{}: {}", story.events[5].date.long_label(), story.events[5].headline));
    w.click(".nl-next").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[6].headline);
    // Next leaves focus on the button: the region says the event once the presses settle.
    sleep(500).await;
    yew::scheduler::flush().await;
    assert_eq!(w.text(".nl-live"), format!("{}: {}", story.events[6].date.long_label(), story.events[6].headline));
    // An arrow key moves focus with the selection, and the focused marker says the event: the region keeps
    // no sentence about another.
    let marker = w.all(".nl-marker")[6].clone();
    marker.focus().unwrap();
    w.key(&marker, "ArrowRight").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[7].headline);
    sleep(500).await;
    yew::scheduler::flush().await;
    assert_eq!(w.text(".nl-live"), "");
}

/// Waits `ms` milliseconds (the live region waits for quick changes to settle).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn statements_expand_and_collapse() {
    let w = Mounted::new(AppProps { start: Some("talks-held".into()), ..no_hash() }).await;
    let toggles = w.all(".nl-statement-toggle");
    let story = default_story().timeline;
    let held = story.events.iter().find(|e| e.id == "talks-held").expect("the talks");
    assert_eq!(toggles.len(), held.statements.len());
    let detail_id = toggles[1].get_attribute("aria-controls").unwrap();
    let detail = w.one(&format!("#{detail_id}"));
    assert_eq!(toggles[1].get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(detail.hidden(), "collapsed by default");

    toggles[1].click();
    yew::scheduler::flush().await;
    assert_eq!(toggles[1].get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!detail.hidden());
    let quote = detail.query_selector("blockquote").unwrap().expect("a quote is a blockquote");
    // The words, isolated between the reader's quotation marks.
    assert_eq!(
        quote.text_content().unwrap(),
        "“We also made it clear from the American point of view that this is about actions, not just principles.”"
    );
    assert_eq!(
        quote.query_selector("bdi").unwrap().and_then(|words| words.text_content()).as_deref(),
        Some("We also made it clear from the American point of view that this is about actions, not just principles.")
    );
    assert!(detail.text_content().unwrap().contains("U.S. Ambassador"));

    toggles[1].click();
    yew::scheduler::flush().await;
    assert!(detail.hidden());

    // Escape inside an expanded statement collapses it and returns focus to its button.
    toggles[2].click();
    yew::scheduler::flush().await;
    let detail2 = w.one(&format!("#{}", toggles[2].get_attribute("aria-controls").unwrap()));
    assert!(!detail2.hidden());
    w.key(&detail2, "Escape").await;
    assert!(detail2.hidden());
    assert_eq!(w.active_id(), toggles[2].id());
}

#[wasm_bindgen_test]
async fn expand_all_and_collapse_all() {
    let w = Mounted::new(AppProps { start: Some("news-conference".into()), ..no_hash() }).await;
    w.click(".nl-expand-all").await;
    let toggles = w.all(".nl-statement-toggle");
    let story = default_story().timeline;
    let conference = story.events.iter().find(|e| e.id == "news-conference").expect("the news conference");
    assert_eq!(toggles.len(), conference.statements.len());
    assert!(toggles.len() >= 3);
    assert!(toggles.iter().all(|t| t.get_attribute("aria-expanded").as_deref() == Some("true")));
    assert!(w.all(".nl-statement-detail").iter().all(|d| !d.hidden()));
    w.click(".nl-collapse-all").await;
    assert!(w.all(".nl-statement-detail").iter().all(|d| d.hidden()));
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_the_selection_and_focus() {
    let w = Mounted::new(no_hash()).await;
    let story = default_story().timeline;
    let first = w.one(".nl-marker");
    first.focus().unwrap();
    w.key(&first, "ArrowRight").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[1].headline);
    assert_eq!(w.active_id(), w.all(".nl-marker")[1].id(), "focus follows the selection");
    let focused = w.all(".nl-marker")[1].clone();
    w.key(&focused, "End").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[7].headline);
    let focused = w.all(".nl-marker")[7].clone();
    w.key(&focused, "ArrowLeft").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[6].headline);
    let focused = w.all(".nl-marker")[6].clone();
    w.key(&focused, "Home").await;
    assert_eq!(w.text(".nl-card-headline"), story.events[0].headline);
}

#[wasm_bindgen_test]
async fn arrow_keys_on_other_controls_are_left_to_the_browser() {
    let w = Mounted::new(AppProps { start: Some("talks-open".into()), ..no_hash() }).await;
    for selector in [".nl-next", ".nl-prev", ".nl-zoom-in", ".nl-expand-all", ".nl-statement-toggle"] {
        for key in ["ArrowDown", "ArrowRight", "End", "Home"] {
            let control = w.one(selector);
            control.focus().unwrap();
            w.key(&control, key).await;
            assert_eq!(w.text(".nl-position"), "3 of 8", "{key} on {selector}");
            let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
            assert!(active.is_same_node(Some(&control)), "{key} on {selector} leaves focus there");
        }
    }
}

#[wasm_bindgen_test]
async fn keys_typed_outside_the_widget_do_nothing() {
    let w = Mounted::new(no_hash()).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let input: HtmlElement = document.create_element("input").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&input).unwrap();
    w.key(&input, "ArrowRight").await;
    w.key(&document.body().unwrap(), "End").await;
    input.remove();
    assert_eq!(w.text(".nl-position"), "1 of 8");
}

#[wasm_bindgen_test]
async fn bad_data_shows_every_problem_with_its_path() {
    let data = r#"{"title": "", "events": [{"id": "a", "date": {"year": 2007, "month": 13}, "headline": "A"},
        {"id": "a", "date": "2007-05-28", "headline": "B", "statements": [{"kind": "quote", "text": "x"}]}]}"#;
    let w = Mounted::new(AppProps { data: Some(data.into()), ..no_hash() }).await;
    // On load the panel is polite (it may be far below the reader); only a Retry's failure is an alert.
    assert_eq!(w.one(".nl-error-summary").get_attribute("role").as_deref(), Some("status"));
    assert!(w.all("[role=alert]").is_empty());
    let problems: Vec<String> = w.all(".nl-problems li").iter().map(|li| li.text_content().unwrap()).collect();
    assert_eq!(
        problems,
        [
            "title: is empty: write the text, or remove the field if it is optional",
            "events[0].date.month: 13 is not a month (1-12)",
            "events[1].id: the id \"a\" is already used at events[0].id: give each one its own id",
            "events[1].statements[0]: \"speaker\" is missing: add it, e.g. \"speaker\": \"Ryan Crocker\"",
        ]
    );
    assert!(w.all(".nl-marker").is_empty());
}

#[wasm_bindgen_test]
async fn text_that_is_not_json_is_explained() {
    let w = Mounted::new(AppProps { data: Some("{\"title\": ".into()), ..no_hash() }).await;
    assert_eq!(w.text(".nl-title"), "This timeline could not be shown");
    let problems = w.text(".nl-problems");
    assert!(
        problems.starts_with("(the whole file): this is not valid JSON at line 1, column 11: expected a value"),
        "{problems}"
    );
}

#[wasm_bindgen_test]
async fn the_url_hash_selects_and_follows_the_selection() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("baghdad-bombing").unwrap();
    let w = Mounted::new(AppProps { hash: true, ..no_hash() }).await;
    assert_eq!(w.text(".nl-card-headline"), "Bomb blast in Baghdad kills at least 19");
    w.click(".nl-next").await;
    assert_eq!(window.location().hash().unwrap(), "#talks-held");
    drop(w);
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#")).unwrap();
}

#[wasm_bindgen_test]
async fn a_timelinejs_file_shows_its_eras_groups_ranges_and_media() {
    let data = include_str!("fixtures/timelinejs-sample.json");
    let w = Mounted::new(AppProps { data: Some(data.into()), ..no_hash() }).await;
    assert_eq!(w.text(".nl-title"), "Whitney Houston 1963 - 2012");
    let eras: Vec<String> = w.all(".nl-era-label").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(eras, ["Early years", "Career"]);
    let lanes: Vec<String> = w.all(".nl-lane-label").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(lanes, ["Life", "Music", "Other"]);
    // Era bands and lanes are placed (through the CSSOM) where the layout put them.
    let early = w.one(".nl-era");
    assert!(early.get_bounding_client_rect().width() > 4.0);

    // The range shows its display date on the marker and in the card.
    w.click("[data-event-id='debut']").await;
    assert_eq!(w.text(".nl-card-date"), "Spring 1985");
    assert_eq!(w.text(".nl-card-group"), "Music");
    // Its YouTube video is a facade that loads nothing until pressed; the title slide's image is in the header.
    assert_eq!(w.text(".nl-card .nl-facade-load"), "Load video from youtube.com");
    assert!(w.root.query_selector(".nl-card iframe").unwrap().is_none());
    assert_eq!(w.one(".nl-header-media img").get_attribute("alt").as_deref(), Some("Title image"));

    w.click("[data-event-id='a-musical-heritage']").await;
    let img = w.one(".nl-card .nl-card-media img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Newark, New Jersey"));
    assert_eq!(w.text(".nl-card .nl-media-credit"), "Photo: Example");
    let paragraphs = w.all(".nl-card-body");
    assert_eq!(paragraphs.len(), 2);
    let link = w.one(".nl-card-body a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://en.wikipedia.org/wiki/Newark"));
    assert_eq!(link.get_attribute("target"), None, "attributes from the file are not carried over");
    assert_eq!(w.one(".nl-card-body b, .nl-card-body strong").tag_name(), "STRONG");

    // The script in a headline and the javascript: link never become markup.
    w.click("[data-event-id='not-a-valid-id']").await;
    assert_eq!(w.text(".nl-card-headline"), "Death at the Beverly Hilton");
    assert!(w.root.query_selector(".nl-card script, .nl-card a").unwrap().is_none());
    assert_eq!(w.text(".nl-card-date"), "Saturday, February 11, 2012, 3:55 PM");
}

/// A story of 300 events, one a year from 1701: too long for any width at zoom 1.
fn three_hundred_years() -> String {
    let events: Vec<String> = (1..=300)
        .map(|i| format!(r#"{{"id": "e{i}", "date": {{"year": {}}}, "headline": "Event {i}"}}"#, 1700 + i))
        .collect();
    format!(r#"{{"title": "Three hundred years", "events": [{}]}}"#, events.join(","))
}

#[wasm_bindgen_test]
async fn a_long_story_on_a_phone_lists_a_window_of_events_and_shows_more_on_request() {
    let data = three_hundred_years();
    let w =
        Mounted::with_width(AppProps { data: Some(data.into()), initial_width: Some(400.0), ..no_hash() }, 400).await;
    let items = w.all(".nl-list .nl-item");
    assert_eq!(items.len(), 100, "a page of the 300 events");
    assert_eq!(items[0].get_attribute("aria-posinset").as_deref(), Some("1"));
    assert_eq!(items[99].get_attribute("aria-setsize").as_deref(), Some("300"));
    assert_eq!(w.text(".nl-more"), "Show later events (200 more)");
    w.click(".nl-more").await;
    assert_eq!(w.all(".nl-list .nl-item").len(), 200);
    // The window follows the selection: the last event brings the end of the story into the list.
    let first = w.one(".nl-item-button");
    w.key(&first, "End").await;
    let items = w.all(".nl-list .nl-item");
    assert_eq!(items.last().unwrap().get_attribute("aria-posinset").as_deref(), Some("300"));
    let shown = items.len();
    assert_eq!(w.one(".nl-list").get_attribute("start"), Some((300 - shown + 1).to_string()));
    assert_eq!(w.text(".nl-more"), format!("Show earlier events ({} more)", 300 - shown));
}

#[wasm_bindgen_test]
async fn a_story_too_long_for_the_width_zooms_out_to_an_overview_of_groups() {
    let data = three_hundred_years();
    let w = Mounted::new(AppProps { data: Some(data.into()), initial_width: Some(1066.0), ..no_hash() }).await;
    assert_eq!(w.one(".nl-zoom-out").get_attribute("aria-disabled").as_deref(), Some("false"));
    w.click(".nl-zoom-out").await;
    let groups = w.all(".nl-group");
    assert!(groups.len() > 3, "{} groups", groups.len());
    let counts: usize =
        w.all(".nl-group-count").iter().map(|c| c.text_content().unwrap().parse::<usize>().unwrap()).sum();
    assert_eq!(counts, 300, "every event is in one group");
    assert!(w.all(".nl-marker").is_empty(), "the overview replaces the markers");
    assert_eq!(groups[0].get_attribute("aria-current").as_deref(), Some("true"));
    let first_count = w.all(".nl-group-count")[0].text_content().unwrap();
    let first_label = groups[0].text_content().unwrap();
    assert!(first_label.starts_with(&format!("{first_count} events, 1701–17")), "{first_label}");
    assert_eq!(w.one(".nl-zoom-out").get_attribute("aria-disabled").as_deref(), Some("true"));
    // The arrow keys step a group at a time, and focus follows to the group that holds the open event.
    let first_count: usize = first_count.parse().unwrap();
    w.key(&groups[0], "ArrowRight").await;
    assert_eq!(w.text(".nl-position"), format!("{} of 300", first_count + 1));
    let focused = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(focused.get_attribute("aria-current").as_deref(), Some("true"));
    assert!(focused.text_content().unwrap().starts_with(&w.all(".nl-group-count")[1].text_content().unwrap()));
    // A group opens its first event on the axis, with focus on its marker.
    let third = &groups[2];
    let label = third.text_content().unwrap();
    third.click();
    yew::scheduler::flush().await;
    let position: usize = w.text(".nl-position").split(' ').next().unwrap().parse().unwrap();
    assert!(position > 1, "{label}");
    assert!(label.contains(&format!("events, {}–", 1700 + position)), "{label} opens event {position}");
    assert!(w.all(".nl-group").is_empty());
    let focused = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(focused.class_name(), "nl-marker nl-selected");
}

#[wasm_bindgen_test]
async fn a_marker_shows_the_whole_date_and_time_of_its_event() {
    let story = r#"{"title": "Times", "events": [
        {"id": "a", "date": "2007-05-28T14:05", "headline": "Talks end"},
        {"id": "b", "date": "2007-05-29", "headline": "A day later"}
    ]}"#;
    let w = Mounted::new(AppProps { data: Some(story.into()), ..no_hash() }).await;
    let texts = |selector: &str| -> Vec<String> {
        w.all(selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
    };
    // The day on its own line, the time leading the headline: the narrow flag cuts neither off.
    assert_eq!(texts(".nl-marker-date"), ["May 28, 2007", "May 29, 2007"]);
    assert_eq!(texts(".nl-marker-headline"), ["2:05 PM Talks end", "A day later"]);
    assert_eq!(texts(".nl-marker-time"), ["2:05 PM"]);
}

/// The fragment `newsline render` writes for the built-in story (a host test keeps it up to date).
const PRERENDERED: &str = include_str!("fixtures/prerendered-baghdad.html");

/// A page's element holding `fragment`, taken over as `newsline.js` has the widget do it; the notices the
/// widget sends (`newsline:*` event names) are collected.
struct TakenOver {
    holder: Element,
    element: Element,
    mounted: newsline::embed::Mounted,
    notices: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    _listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for TakenOver {
    fn drop(&mut self) {
        self.mounted.destroy();
        self.holder.remove();
    }
}

impl TakenOver {
    async fn new(fragment: &str) -> TakenOver {
        let document = web_sys::window().unwrap().document().unwrap();
        let holder = document.create_element("div").unwrap();
        holder.set_attribute("style", "width: 1100px").unwrap();
        holder.set_inner_html(fragment);
        // The stylesheet's address is the page's own folder, which this test page does not serve.
        if let Some(link) = holder.query_selector("link").unwrap() {
            link.remove();
        }
        document.body().unwrap().append_child(&holder).unwrap();
        let element = holder.first_element_child().unwrap();
        let notices = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let heard = notices.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            heard.borrow_mut().push(e.type_())
        });
        for name in ["newsline:ready", "newsline:error"] {
            element.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
        }
        let (options, _) = newsline::embed::options_from_element(&element);
        let mounted = newsline::embed::mount(element.clone(), options, None, None, &[]);
        yew::scheduler::flush().await;
        sleep(0).await;
        TakenOver { holder, element, mounted, notices, _listener: listener }
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.element.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
    }
}

#[wasm_bindgen_test]
async fn a_prerendered_story_is_taken_over_with_the_same_text_and_works() {
    let w = TakenOver::new(PRERENDERED).await;
    assert_eq!(*w.notices.borrow(), ["newsline:ready"]);
    // The widget draws beside the prerendered story (which newsline.js hides once it has drawn).
    let prerendered = w.texts(".nl-prerendered .nl-card-headline");
    assert_eq!(prerendered.len(), 8);
    assert_eq!(w.texts(".nl-widget .nl-title"), w.texts(".nl-prerendered .nl-title"));
    assert_eq!(w.texts(".nl-widget .nl-summary"), w.texts(".nl-prerendered .nl-summary"));
    assert_eq!(w.texts(".nl-widget .nl-card-headline"), prerendered[..1]);
    // Read from the story block: every event is on the strip, in the same order.
    let markers = w.texts(".nl-widget .nl-marker-headline");
    assert_eq!(markers.len(), prerendered.len());
    for (marker, headline) in markers.iter().zip(&prerendered) {
        assert!(marker.ends_with(headline.as_str()), "{marker} / {headline}");
    }
    // Selection works: the fourth marker opens the fourth event's card, with the same words.
    let marker: HtmlElement =
        w.element.query_selector_all(".nl-widget .nl-marker").unwrap().item(3).unwrap().dyn_into().unwrap();
    marker.click();
    yew::scheduler::flush().await;
    assert_eq!(w.texts(".nl-widget .nl-card-headline"), prerendered[3..4]);
    let body = |place: &str| w.texts(&format!("{place} .nl-card-body"));
    assert!(body(".nl-prerendered").contains(&body(".nl-widget")[0]));
}

#[wasm_bindgen_test]
async fn an_edited_fragment_keeps_its_text_and_says_what_is_wrong() {
    let block = PRERENDERED.split_once("data-newsline-story>").unwrap().1.split_once("</script>").unwrap().0;
    for edited in [
        // Someone changed the story in the CMS and broke it.
        PRERENDERED.replace(block, r#"{"title": "T", "events": [{"headline": "No date"}]}"#),
        // Or cut the data block out.
        PRERENDERED.replace(&format!("<script type=\"application/json\" data-newsline-story>{block}</script>"), ""),
    ] {
        let w = TakenOver::new(&edited).await;
        assert_eq!(*w.notices.borrow(), ["newsline:error"]);
        // The prerendered story is untouched: newsline.js keeps it on screen and removes the widget.
        assert_eq!(w.texts(".nl-prerendered .nl-card-headline").len(), 8);
        assert!(w.texts(".nl-widget .nl-marker").is_empty());
    }
}
