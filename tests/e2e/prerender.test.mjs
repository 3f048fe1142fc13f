// End to end: the story prerendered by `newsline render` (issue 14). Read without JavaScript and on paper;
// taken over by the widget without moving anything on the page, the reader's place, focus and hash kept;
// the code fetched only as the reader nears the widget; and every failure leaves the text on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, SCREENSHOTS, LIVE_CARD } from './harness.mjs';

const story = JSON.parse(await readFile(join(DIST, 'data', 'baghdad-talks-2007.json'), 'utf8'));
const index = await readFile(join(DIST, 'index.html'), 'utf8');
/** The fragment the build prerendered into index.html (`newsline render`'s output). */
const fragment = index.match(/<div data-newsline[^>]*>[\s\S]*?<\/section>\s*<\/div>/)[0];
const block = fragment.match(/data-newsline-story>([\s\S]*?)<\/script>/)[1];

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A news article with the widget `screens` viewports down (filler paragraphs before and after it). */
function article(widget, screens = 2.5) {
  const filler = (n) => Array.from({ length: n }, (_, i) => `<p class="filler">Paragraph ${i + 1} of the article, which the reader reads before reaching the timeline.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Article</title><style>.filler { height: ${Math.round(100 / 4)}vh; margin: 0; }</style></head>
<body><main><h1>An article</h1>${filler(Math.round(screens * 4))}${widget}${filler(8)}</main>
<script type="module" src="/newsline.js"></script></body></html>`;
}
const html = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};
const routes = {
  '/long.html': html(article(fragment)),
  '/long-eager.html': html(article(fragment.replace('<div data-newsline', '<div data-newsline data-load="eager"'))),
  '/long-visible.html': html(article('<div data-newsline data-load="visible"></div>')),
  '/broken.html': html(index.replace(block, () => '{"title": "Half a story", "events": [')),
  '/mounted.html': html(article('<div id="by-script"></div>', 0.2)),
  '/edited.html': html(index.replace(block, () => JSON.stringify({ title: 'Another story', events: [{ id: 'x', date: '2001', headline: 'Something else' }] }))),
  '/with-src.html': html(index.replace('<div data-newsline', '<div data-newsline data-src="data/missing.json"')),
  '/host.html': html('<!doctype html><html lang="en"><head><title>Host</title></head><body><p>A host page.</p></body></html>'),
};
let server;
let broken; // the same bundle, but its code cannot be downloaded
let browser;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve(DIST, { routes });
  broken = await serve(DIST, {
    routes: {
      '/newsline-app_bg.wasm': (req, res) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await broken?.close();
});

/** Counts layout shifts (all of them, input or not) and the widget's events, from the page's first moment. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    for (const name of ['newsline:ready', 'newsline:error']) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
    }
  });
}
const isCode = (url) => /newsline-app(_bg\.wasm|\.js)/.test(url);

test('without JavaScript the whole story reads: every event, date, statement and source', async () => {
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    const section = page.locator('.nl-prerendered');
    await assert.doesNotReject(section.locator('h2.nl-title', { hasText: story.title }).waitFor());
    for (const event of story.events) {
      const card = section.locator(`article[data-event-id="${event.id}"]`);
      assert.equal(await card.locator('h3.nl-card-headline').textContent(), event.headline);
      assert.ok(await card.locator('time[datetime]').isVisible(), event.id);
      for (const s of event.statements ?? []) {
        const item = card.locator(`[data-statement-id="${s.id}"]`);
        assert.ok(await item.getByText(s.text, { exact: true }).isVisible(), `${s.id} is shown in full`);
        assert.ok(await item.locator('.nl-statement-kind').isVisible());
      }
    }
    assert.ok(await section.getByText('Source: VOA').first().isVisible());
    // A statement closes and opens without script.
    const summary = section.locator('summary').first();
    await summary.click();
    assert.equal(await section.locator('details').first().getAttribute('open'), null);
    await summary.click();
    assert.equal(await section.locator('details').first().getAttribute('open'), '');
    await page.screenshot({ path: join(SCREENSHOTS, `prerender-nojs-${width}.png`), fullPage: true });
    // The iframe's page reads too.
    await page.goto(`${server.origin}/embed.html`);
    assert.equal(await page.locator('.nl-prerendered .nl-card-headline').count(), story.events.length);
    assert.ok(await page.locator('.nl-prerendered .nl-card-headline').last().isVisible());
    await context.close();
  }
});

test('printing gives the whole story as a list, also after the widget took over', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1000, height: 800 });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForSelector('[data-newsline-live]');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.nl-widget').isHidden(), 'no strip of markers on paper');
  for (const event of story.events) {
    assert.ok(await page.locator('.nl-prerendered .nl-card-headline', { hasText: event.headline }).isVisible(), event.id);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'prerender-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('.nl-prerendered').isHidden());
  assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
  await page.close();
});

test('the widget takes over at once when in view, from its own data block, with no layout shift', async () => {
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    const { page, faults } = await watchedPage(browser, server.origin, { width, height });
    await watch(page);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/index.html`);
    await page.waitForSelector('[data-newsline-live]');
    await page.waitForTimeout(400);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `layout shift ${shift} at ${width} px`);
    assert.ok(!requests.some((p) => p.endsWith('.json')), `the story is not downloaded again: ${requests}`);
    assert.deepEqual(await page.evaluate(() => window.__events.map((e) => e.name)), ['newsline:ready']);
    assert.ok(await page.locator('.nl-prerendered').isHidden());
    assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), story.events[0].headline);
    // Where what follows the story was in view (1280 px), the widget keeps the height the story had, scrolling
    // inside it; where the story ran past the window's bottom edge (360 px), it takes its own height.
    assert.equal(await page.locator('.nl-widget > .newsline.nl-fixed-height').count(), width === 1280 ? 1 : 0);
    // And it works: Next opens the second event.
    await page.locator('.nl-widget .nl-next').click();
    assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), story.events[1].headline);
    assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
    await page.close();
  }
});

test('an iframe asked for another story never shows the built-in one meanwhile', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 800, height: 900 });
  // Before the widget's scripts have run (here: never), the built-in story's text is already not shown.
  await page.route('**/embed.js', (route) => route.abort());
  await page.goto(`${server.origin}/embed.html?src=data/baghdad-talks-positions.json`);
  assert.equal(await page.locator('.nl-prerendered').evaluate((e) => getComputedStyle(e).display), 'none');
  await page.unroute('**/embed.js');
  await page.goto(`${server.origin}/embed.html?src=data/baghdad-talks-positions.json`);
  await page.locator(LIVE_CARD).waitFor();
  assert.equal(await page.locator('.nl-prerendered').count(), 0);
  assert.notEqual(await page.locator('.nl-title').textContent(), story.title);
  assert.deepEqual([...faults.errors, ...faults.foreign], []);
  await page.close();
});

test('the URL hash opens its event in the widget that takes over', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/index.html#baghdad-bombing`);
  await page.waitForSelector('[data-newsline-live]');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), 'Bomb blast in Baghdad kills at least 19');
  await page.close();
});

test('code is fetched only as the reader nears the widget; the page does not move when it takes over', async () => {
  for (const [width, height] of [[1280, 800], [360, 740]]) {
    const { page, faults } = await watchedPage(browser, server.origin, { width, height });
    await watch(page);
    const code = [];
    page.on('request', (r) => isCode(r.url()) && code.push(r.url()));
    await page.goto(`${server.origin}/long.html`);
    await page.waitForTimeout(800);
    assert.deepEqual(code, [], 'nothing of the code before the reader comes near');
    assert.ok(await page.locator('.nl-prerendered').isVisible(), 'the story is there to read meanwhile');
    // The reader scrolls down the article to a viewport above the widget: its code is fetched, it takes over.
    const top = await page.locator('[data-newsline]').evaluate((e) => e.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => scrollTo(0, y), Math.round(top - height * 1.5));
    await page.waitForSelector('[data-newsline-live]');
    assert.ok(code.some((u) => u.endsWith('.wasm')));
    const at = await page.evaluate(() => scrollY);
    await page.evaluate((y) => scrollTo(0, y), Math.round(top - 40));
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `layout shift ${shift} at ${width} px`);
    assert.ok(at > 0);
    // The widget sits where its prerendered story sat; taken over out of sight, it has its own height.
    const box = await page.locator('.nl-widget > .newsline').boundingBox();
    assert.ok(Math.abs(box.y - 40) <= 1, `the widget starts where the story did: ${box.y}`);
    assert.equal(await page.locator('.nl-widget > .nl-fixed-height').count(), 0);
    assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
    await page.close();
  }
});

test('data-load: eager fetches the code at once, visible makes any widget wait', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 800 });
  const code = [];
  page.on('request', (r) => isCode(r.url()) && code.push(r.url()));
  await page.goto(`${server.origin}/long-eager.html`);
  await page.waitForSelector('[data-newsline-live]', { state: 'attached' });
  assert.ok(code.length > 0);
  code.length = 0;
  await page.goto(`${server.origin}/long-visible.html`);
  await page.waitForTimeout(800);
  assert.deepEqual(code, [], 'a widget without a prerendered story waits when asked to');
  await page.locator('[data-newsline]').scrollIntoViewIfNeeded();
  await page.waitForSelector('.newsline .nl-marker');
  assert.ok(code.length > 0);
  await page.close();
});

test("a reader already in the story's text goes on in the widget, at the event they were in", async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 800 });
  await page.goto(`${server.origin}/long.html`);
  // Focus lands on a statement of the fifth event before any code has come (a keyboard reader, a link).
  const event = story.events[4];
  const summary = page.locator(`.nl-prerendered article[data-event-id="${event.id}"] summary`).first();
  await summary.focus();
  await page.waitForSelector('[data-newsline-live]');
  // Focus moves on to the open event's marker in the widget.
  await page.waitForFunction(() => document.activeElement?.closest('.nl-widget') && document.activeElement.getAttribute('aria-current') === 'true');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), event.headline);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-event-id')), event.id);
  assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
  await page.close();
});

/**
 * Opens /long.html with the widget's code held back 1.5 s, and meanwhile brings its waiting story into view
 * (focusing the box, as Tab does, when `focus`) and scrolls the box to the event `id`.
 */
async function scrollWaitingStory(page, id, { focus = false } = {}) {
  await page.route('**/newsline-app_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${server.origin}/long.html`);
  const section = page.locator('.nl-prerendered');
  if (focus) await section.focus();
  else await section.scrollIntoViewIfNeeded();
  await section.evaluate((e, id) => {
    const target = e.querySelector(`article[data-event-id="${id}"]`);
    e.scrollTop = target.offsetTop - e.offsetTop + 4;
  }, id);
}

for (const width of [1280, 360]) {
  test(`a keyboard reader on the waiting story's box keeps focus when the widget takes over, at the event scrolled to (${width} px)`, async () => {
    const { page, faults } = await watchedPage(browser, server.origin, { width, height: 800 });
    // Tab reaches the box (a tab stop while it waits) before anything in it; the arrow keys then scroll it.
    await scrollWaitingStory(page, 'news-conference', { focus: true });
    const scrolled = await page.evaluate(() => scrollY);
    await page.waitForSelector('[data-newsline-live]');
    // Focus is not dropped to the page: it moves on to the marker (or item) of the event the reader reached.
    await page.waitForFunction(() => document.activeElement?.closest('.nl-widget') && document.activeElement.getAttribute('aria-current') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-event-id')), 'news-conference');
    assert.equal(await page.locator('.nl-widget .nl-card').getAttribute('data-event-id'), 'news-conference');
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page did not move');
    assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
    await page.close();
  });
}

test('when the code cannot load, the story stays readable and the page hears why', async () => {
  const { page } = await watchedPage(browser, broken.origin, { width: 1280, height: 900 });
  await watch(page);
  await page.goto(`${broken.origin}/index.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  const events = await page.evaluate(() => window.__events);
  assert.equal(events[0].name, 'newsline:error');
  assert.match(events[0].detail.message, /could not start .*The story stays on the page as text/);
  assert.ok(await page.locator('.nl-prerendered').isVisible());
  assert.equal(await page.locator('.nl-widget').count(), 0);
  assert.ok(await page.getByText(story.events[3].headline, { exact: true }).isVisible());
  await page.close();
});

test('an edited data block that cannot be read keeps the prerendered story, with the problem reported', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await watch(page);
  await page.goto(`${server.origin}/broken.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.name), ['newsline:error']);
  // Not the story its text shows (newsline.js checks the block against the text's ids before any code runs).
  assert.match(events[0].detail.message, /render the story again/);
  assert.ok(await page.locator('.nl-prerendered').isVisible(), 'the reader keeps the text');
  assert.equal(await page.locator('.nl-widget').count(), 0, 'no problem panel in its place');
  assert.equal(await page.locator('.nl-prerendered .nl-card-headline').count(), story.events.length);
  await page.close();
});

test('a widget that stops after taking over gives the text back', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await watch(page);
  await page.goto(`${server.origin}/mounted.html`);
  await page.evaluate((markup) => {
    const element = document.getElementById('by-script');
    element.innerHTML = markup.replace(/^<div[^>]*>|<\/div>$/g, '');
    window.__w = window.Newsline.mount(element, {});
  }, fragment);
  await page.waitForSelector('#by-script[data-newsline-live]');
  assert.ok(await page.locator('#by-script .nl-prerendered').isHidden());
  await page.evaluate(() => window.__w.trapForTesting('unreachable'));
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'newsline:error'));
  const error = (await page.evaluate(() => window.__events)).find((e) => e.name === 'newsline:error');
  assert.equal(error.detail.crashed, true);
  assert.ok(await page.locator('#by-script .nl-prerendered').isVisible(), 'the text is back');
  assert.equal(await page.locator('#by-script .nl-widget').count(), 0);
  await page.close();
});

test('the prerendered story is axe-clean while it waits for the code, and so is the page it takes over', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/long.html`);
  await page.locator('.nl-prerendered').scrollIntoViewIfNeeded();
  await page.addScriptTag({ path: AXE });
  const violations = () =>
    page.evaluate(async () => {
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
      // The article around it is the test's own page; the widget is what is checked.
      const result = await window.axe.run('[data-newsline]', { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  assert.deepEqual(await violations(), [], 'before the take-over');
  await page.waitForSelector('[data-newsline-live]');
  assert.deepEqual(await violations(), [], 'after it');
  await page.close();
});

test('newsline render --page makes a page that reads, takes over and reports its height to a host', async () => {
  const file = join(DIST, 'rendered-story.html');
  execFileSync('cargo', ['run', '--quiet', '--bin', 'newsline', '--', 'render', join(DIST, 'data', 'baghdad-talks-2007.json'), '--page', '--out', file], { stdio: 'inherit' });
  try {
    const { page, faults } = await watchedPage(browser, server.origin, { width: 800, height: 900 });
    await page.goto(`${server.origin}/rendered-story.html`);
    assert.equal(await page.title(), story.title);
    await page.waitForSelector('[data-newsline-live] .nl-widget .nl-card');
    assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), story.events[0].headline);
    // In a frame of a host page, it says its height as embed.html does.
    const host = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await host.goto(`${server.origin}/host.html`);
    const heights = [];
    await host.exposeFunction('heard', (h) => heights.push(h));
    await host.evaluate((src) => {
      window.addEventListener('message', (e) => e.data?.type === 'newsline:height' && window.heard(e.data.height));
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${server.origin}/rendered-story.html`);
    await host.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.querySelector('[data-newsline-live]'));
    assert.ok(heights.length > 0 && heights.at(-1) > 300, `heights: ${heights}`);
    assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
    await host.close();
    await page.close();
  } finally {
    await rm(file, { force: true });
  }
});

test('a data block edited into another story is not taken over: the text stays, the page hears why', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await watch(page);
  await page.goto(`${server.origin}/edited.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  const [event] = await page.evaluate(() => window.__events);
  assert.equal(event.name, 'newsline:error');
  assert.match(event.detail.message, /not the one its text shows/);
  assert.equal(await page.locator('.nl-prerendered .nl-title').textContent(), story.title);
  // Kept, the story runs at its full length: no box to scroll.
  const box = await page.locator('.nl-prerendered').evaluate((e) => [e.clientHeight, e.scrollHeight]);
  assert.equal(box[0], box[1]);
  await page.close();
});

test('a fragment given data-src loads that story instead, as any widget does', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await watch(page);
  await page.goto(`${server.origin}/with-src.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  assert.equal((await page.evaluate(() => window.__events))[0].name, 'newsline:error');
  // The download failed: the widget says so (with Retry), never a blank box.
  await page.locator('[data-newsline] .nl-retry').waitFor();
  await page.close();
});

test('a reader who scrolled the waiting story goes on at the event they reached; a share link starts at once', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 800 });
  await scrollWaitingStory(page, 'news-conference');
  await page.waitForSelector('[data-newsline-live]');
  await page.waitForFunction(() => document.querySelector('.nl-widget .nl-card')?.dataset.eventId === 'news-conference');
  await page.unroute('**/newsline-app_bg.wasm');
  // A link to an event of a story far down the page: the page goes to it, and the widget opens it.
  const code = [];
  page.on('request', (r) => isCode(r.url()) && code.push(r.url()));
  await page.goto(`${server.origin}/long.html#baghdad-bombing`);
  await page.waitForSelector('[data-newsline-live]');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), 'Bomb blast in Baghdad kills at least 19');
  assert.ok(await page.evaluate(() => scrollY) > 0, 'the page went to the story');
  await page.close();
});
