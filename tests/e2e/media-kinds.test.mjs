// Media of every kind (issue 19): nothing leaves the page's origin until the reader presses a facade; then
// exactly one request, to that service's player host (answered here by a stub: the machine has no internet);
// under the strict CSP the press shows the link to the service instead of a broken frame; video and audio
// files wait for play (preload="none"); a facade works from the keyboard; axe-core finds nothing; and every
// media item of TimelineJS3's own example files is on its card. Screenshots at 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { serve, launch, DIST, ROOT, SCREENSHOTS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'timelinejs');
const NEWSLINE = join(ROOT, 'target', 'debug', 'newsline');

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#0b5cad"/></svg>';
const STORY = {
  title: 'Talks in Baghdad, in every kind of media',
  media: { url: 'https://www.youtube.com/watch?v=abcDEF12345', alt: 'Video: the talks open' },
  events: [
    { id: 'image', date: '2007-05-01', headline: 'An image', accent: '#D0021B', media: { url: 'pic.svg', alt: 'A blue box', caption: 'A caption', credit: 'Photo: Desk' } },
    { id: 'video', date: '2007-05-02', headline: 'A video file', media: { url: 'clip.webm', alt: 'Video: the news conference', caption: 'The news conference' } },
    { id: 'audio', date: '2007-05-03', headline: 'An audio file', media: { url: 'interview.mp3', caption: 'The interview' } },
    { id: 'youtube', date: '2007-05-04', headline: 'A YouTube video', media: { url: 'https://youtu.be/abcDEF12345?t=1m30s', alt: 'Video: Crocker after the talks', caption: 'Ambassador Crocker speaks to reporters', credit: 'VOA' } },
    { id: 'vimeo', date: '2007-05-05', headline: 'A Vimeo video', media: { url: 'https://vimeo.com/20839673', caption: 'A Vimeo video' } },
    { id: 'post', date: '2007-05-06', headline: 'A post', media: { url: 'https://twitter.com/voa/status/562327074384654336', caption: 'A post on X' } },
    { id: 'map', date: '2007-05-07', headline: 'A map', media: { url: 'https://www.google.com/maps/@33.3128,44.3615,13z', alt: 'Map: the Green Zone', caption: 'Baghdad' } },
    { id: 'link', date: '2007-05-08', headline: 'A link', media: { url: 'https://en.wikipedia.org/wiki/Green_Zone', caption: 'Background' } },
    { id: 'quote', date: '2007-05-09', headline: 'Pasted embed code', media: { url: '<blockquote class="twitter-tweet"><p>Talks today in Baghdad.</p>&mdash; VOA <a href="https://twitter.com/voa/status/123456">May 28, 2007</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>' } },
  ],
};
/** What each event's card must hold. */
const SHOWN = {
  image: '.nl-card img[alt="A blue box"]',
  video: '.nl-card video[preload="none"][controls]',
  audio: '.nl-card audio[preload="none"][controls]',
  youtube: '.nl-card .nl-facade-load',
  vimeo: '.nl-card .nl-facade-load',
  post: '.nl-card .nl-facade-load',
  map: '.nl-card .nl-facade-load',
  link: '.nl-card .nl-link-card',
  quote: '.nl-card .nl-media-blockquote',
};
/** The player host each facade loads from, and its button. */
const PLAYERS = {
  youtube: ['www.youtube-nocookie.com', 'Load video from youtube.com'],
  vimeo: ['player.vimeo.com', 'Load video from vimeo.com'],
  post: ['platform.twitter.com', 'Load post from x.com'],
  map: ['www.google.com', 'Load map from google.com'],
};
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:";
const FRAMES = 'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://platform.twitter.com https://www.google.com';

/** A page whose widget is mounted through the API (`window.handle`), with the story at `src`. */
const page = (src) => (req, res) => {
  const csp = new URL(req.url, 'http://x').searchParams.get('csp') === 'players' ? `${STRICT}; ${FRAMES}` : STRICT;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Media</title><link rel="icon" href="/favicon.svg"></head><body><main><h1>Story page</h1>
    <div id="slot" data-story="${src}"></div></main>
    <script type="module" src="/newsline.js"></script><script type="module" src="/media/mount.js"></script></body></html>`);
};
const MOUNT = `const slot = document.getElementById('slot');
window.handle = Newsline.mount(slot, { src: slot.dataset.story, hash: false });`;
const json = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
};

let server;
let browser;
before(async () => {
  const routes = {
    '/media/story.json': json(JSON.stringify(STORY)),
    '/media/pic.svg': (req, res) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(SVG);
    },
    '/media/page.html': page('/media/story.json'),
    '/axe.js': async (req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(await readFile(AXE));
    },
    '/media/mount.js': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(MOUNT);
    },
    '/tjs/page.html': (req, res) => page(`/tjs/${new URL(req.url, 'http://x').searchParams.get('file')}`)(req, res),
  };
  for (const name of await readdir(FIXTURES)) {
    if (name.endsWith('.json')) routes[`/tjs/${name}`] = json(await readFile(join(FIXTURES, name)));
  }
  server = await serve(DIST, { routes });
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A page of the story under `csp` ('strict' or 'players'), every request leaving the origin recorded and
 * answered by a stub (nothing reaches the internet).
 */
async function open(path, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const foreign = [];
  const own = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    own.push(url.pathname);
    if (url.origin === server.origin) return route.continue();
    foreign.push(url.href);
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Player</title><p>A player would be here.</p>' });
  });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${server.origin}${path}`);
  await p.waitForSelector('.nl-card');
  return { page: p, context, foreign, own, errors };
}

/** Opens event `id` through the API and waits for its card. */
async function show(p, id) {
  await p.evaluate((id) => window.handle.select(id), id);
  await p.waitForFunction((id) => document.querySelector('.nl-card')?.dataset.eventId === id, id);
}

async function axe(p) {
  // From the page's own origin: the page's CSP allows no inline script.
  await p.addScriptTag({ url: '/axe.js' });
  return p.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
}

test('every kind is shown and nothing leaves the page until a facade is pressed; axe-core finds nothing', async () => {
  const { page: p, context, foreign, own, errors } = await open('/media/page.html?csp=players');
  assert.equal(await p.locator('.nl-header-media .nl-facade-load').textContent(), 'Load video from youtube.com');
  for (const [id, selector] of Object.entries(SHOWN)) {
    await show(p, id);
    assert.equal(await p.locator(selector).count(), 1, `${id}: ${selector}`);
    assert.deepEqual(await axe(p), [], `axe-core with the ${id} card open`);
  }
  assert.equal(await p.locator('iframe').count(), 0, 'no frame before a press');
  // The event's own colour (issue 19, backgrounds): a stripe beside its card, set through the CSSOM under the
  // strict CSP; the next event's card has none.
  await show(p, 'image');
  const stripe = () => p.locator('.nl-card').evaluate((c) => [getComputedStyle(c).borderLeftColor, getComputedStyle(c).borderLeftWidth]);
  assert.deepEqual(await stripe(), ['rgb(208, 2, 27)', '6px']);
  await show(p, 'video');
  assert.notEqual((await stripe())[1], '6px');
  assert.deepEqual(foreign, [], 'nothing requested from another origin');
  assert.deepEqual(own.filter((path) => /\.(webm|mp3)$/.test(path)), [], 'the video and audio files wait for play');
  // The quote is the pasted code's words, with its link; its script never ran.
  await show(p, 'quote');
  assert.equal(await p.locator('.nl-media-blockquote').innerText(), 'Talks today in Baghdad.\n\n— VOA May 28, 2007');
  assert.equal(await p.locator('.nl-media-open a').getAttribute('href'), 'https://twitter.com/voa/status/123456');
  assert.equal(await p.locator('.nl-media-open a').textContent(), 'Open on twitter.com');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [id, [host, button]] of Object.entries(PLAYERS)) {
  test(`a press on the ${id} facade loads its player from ${host}, and only that`, async () => {
    const { page: p, context, foreign } = await open('/media/page.html?csp=players');
    await show(p, id);
    const load = p.locator('.nl-card .nl-facade-load');
    assert.equal(await load.textContent(), button);
    await load.click();
    const frame = p.locator('.nl-card iframe.nl-media-frame');
    await frame.waitFor();
    await p.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
    await p.waitForTimeout(300);
    assert.deepEqual(foreign.map((u) => new URL(u).host), [host], `exactly one request, to ${host}: ${foreign}`);
    assert.match(await frame.getAttribute('sandbox'), /^allow-scripts allow-same-origin allow-popups/);
    assert.equal(await frame.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
    assert.ok((await frame.getAttribute('title')).length > 0, 'the frame is named');
    await context.close();
  });
}

test('keyboard only: Tab reaches the facade, Enter loads the player and focus moves into it', async () => {
  const { page: p, context, foreign } = await open('/media/page.html?csp=players');
  await show(p, 'youtube');
  await p.locator('.nl-card .nl-card-headline').evaluate((h) => {
    h.tabIndex = -1;
    h.focus();
  });
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await p.keyboard.press('Tab');
    reached = await p.evaluate(() => document.activeElement?.classList.contains('nl-facade-load'));
  }
  assert.ok(reached, 'Tab reaches the facade button');
  await p.screenshot({ path: join(SCREENSHOTS, 'media-facade-focus-1280.png') });
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.activeElement?.matches('.nl-card iframe.nl-media-frame'));
  assert.equal(foreign.length, 1);
  await context.close();
});

test('under the strict CSP a press shows the link to the service, not a broken frame, and requests nothing', async () => {
  const { page: p, context, foreign } = await open('/media/page.html?csp=strict');
  const violations = [];
  await p.exposeFunction('noteViolation', (uri) => violations.push(uri));
  await p.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.noteViolation(e.blockedURI)));
  await show(p, 'youtube');
  await p.locator('.nl-card .nl-facade-load').click();
  const link = p.locator('.nl-card .nl-facade-refused .nl-facade-open');
  await link.waitFor();
  assert.equal(await link.textContent(), 'Open on youtube.com');
  assert.equal(await link.getAttribute('href'), 'https://youtu.be/abcDEF12345?t=1m30s');
  await p.waitForFunction(() => document.activeElement?.classList.contains('nl-facade-open'));
  assert.equal(await p.locator('.nl-card iframe').count(), 0, 'the refused frame is gone');
  assert.ok(violations.some((u) => u.startsWith('https://www.youtube-nocookie.com')), `${violations}`);
  assert.deepEqual(foreign, [], 'the refused player was never requested');
  assert.deepEqual(await axe(p), []);
  await p.screenshot({ path: join(SCREENSHOTS, 'media-refused-1280.png') });
  // Another facade of the same service, pressed later, goes straight to the link.
  await show(p, 'image');
  await show(p, 'youtube');
  await p.locator('.nl-card .nl-facade-load').click();
  await link.waitFor();
  await context.close();
});

for (const width of [1280, 360]) {
  test(`screenshots at ${width} px: the facade, the video, the link card and the quote`, async () => {
    const { page: p, context } = await open('/media/page.html?csp=players', { width, height: 1000 });
    await p.screenshot({ path: join(SCREENSHOTS, `media-title-${width}.png`) });
    for (const id of ['youtube', 'video', 'link', 'quote', 'audio']) {
      await show(p, id);
      await p.locator('.nl-card .nl-card-media').first().scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(SCREENSHOTS, `media-${id}-${width}.png`) });
    }
    await context.close();
  });
}

/** The media items a TimelineJS3 file holds: its events' and its title slide's, each with an address. */
function mediaCount(file) {
  const has = (slide) => typeof slide?.media?.url === 'string' && slide.media.url.trim() !== '';
  return { events: (file.events ?? []).filter(has).length, title: has(file.title) ? 1 : 0 };
}

test("every media item of TimelineJS3's example and template files is on its card", async () => {
  // The cosmological templates among them, with years back to -13,800,000,000.
  const names = (await readdir(FIXTURES)).filter((n) => n.endsWith('.json'));
  assert.equal(names.length, 13);
  const seen = {};
  for (const name of names) {
    const path = join(FIXTURES, name);
    const want = mediaCount(JSON.parse(await readFile(path, 'utf8')));
    // The events' ids, as the widget makes them: `newsline convert` reads the file as the widget does.
    const converted = JSON.parse(execFileSync(NEWSLINE, ['convert', path, '--to', 'newsline'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const ids = converted.events.map((e) => e.id);
    const { page: p, context, errors } = await open(`/tjs/page.html?file=${name}`);
    const kinds = await p.evaluate(async (ids) => {
      const shown = (el) =>
        el.querySelector('img') ? 'image'
          : el.querySelector('video') ? 'video'
            : el.querySelector('audio') ? 'audio'
              : el.querySelector('.nl-facade') ? `embed:${el.dataset.service}`
                : el.querySelector('.nl-link-card') ? 'link'
                  : el.querySelector('.nl-media-blockquote') ? 'quote' : 'nothing';
      const title = [...document.querySelectorAll('.nl-header-media .nl-card-media')].map(shown);
      const events = [];
      for (const id of ids) {
        await window.handle.select(id);
        for (let i = 0; i < 100 && document.querySelector('.nl-card')?.dataset.eventId !== id; i++) await new Promise((r) => setTimeout(r, 10));
        if (document.querySelector('.nl-card')?.dataset.eventId !== id) return { failed: id };
        events.push(...[...document.querySelectorAll('.nl-card .nl-card-media')].map(shown));
      }
      return { title, events };
    }, ids);
    assert.equal(kinds.failed, undefined, `${name}: event ${kinds.failed} did not open`);
    assert.equal(kinds.title.length, want.title, `${name}: the title slide's media`);
    assert.equal(kinds.events.length, want.events, `${name}: ${ids.length} events, media ${kinds.events}`);
    assert.ok(![...kinds.title, ...kinds.events].includes('nothing'), `${name}: ${kinds.events}`);
    assert.deepEqual(errors, [], name);
    for (const k of [...kinds.title, ...kinds.events]) seen[k] = (seen[k] ?? 0) + 1;
    await context.close();
  }
  console.log("media of TimelineJS3's files, by how each is shown:", JSON.stringify(seen));
  for (const kind of ['image', 'video', 'audio', 'embed:youtube', 'embed:vimeo', 'embed:x', 'embed:googlemaps', 'link', 'quote']) {
    assert.ok(seen[kind] > 0, `${kind} among ${JSON.stringify(seen)}`);
  }
});
