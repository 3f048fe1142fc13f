// Safety end to end: an XSS battery in every text and URL field of both JSON formats, and the malformed-data
// table, loaded in Chromium on a page without a CSP (so nothing but the widget itself stands in the way).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, DIST, ROOT, LIVE_CARD } from './harness.mjs';

let server;
let trap; // the "attacker" origin: any request to it is a failure
let trapHits = [];
let other; // another site, which lets any page read its files (as a permissive CDN would)
let otherHits = [];
let browser;
/** What the streaming routes managed to send before the browser stopped reading: path -> { sent, total }. */
const streamed = {};
/** Pages the tests add to the server: path -> HTML. */
const pages = {};

const PAGE = '<!doctype html><html lang="en"><head><title>xss</title><link rel="icon" href="/favicon.svg"></head><body>' +
  '<div id="slot"></div><script type="module" src="/newsline.js"></script></body></html>';

const html = (body, head = '') => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="/favicon.svg">${head}</head><body>${body}</body></html>`);
};
const NEWSLINE = '<script type="module" src="/newsline.js"></script>';

/** Sends `total` bytes (a story, then spaces) in 64 KiB pieces, waiting whenever the socket is full. */
function stream(path, total, headers) {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    const head = Buffer.from('{"title": "Endless", "events": [{"id": "a", "date": "2007", "headline": "A"}]');
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const record = { sent: head.length, total, closed: false };
    streamed[path] = record;
    res.write(head);
    const pump = () => {
      while (record.sent < total) {
        record.sent += piece.length;
        if (!res.write(piece)) return res.once('drain', pump);
      }
      res.end('}');
    };
    res.on('close', () => (record.closed = true));
    pump();
  };
}

/** A story whose body of 32 MiB of spaces is gzipped to about 32 KB: the announced size is the small one. */
const INFLATES = gzipSync(Buffer.concat([
  Buffer.from('{"title": "Inflates", "events": [{"id": "a", "date": "2007", "headline": "A"}]'),
  Buffer.alloc(32 * 1024 * 1024, 0x20),
  Buffer.from('}'),
]));

before(async () => {
  trap = await serve(DIST, {
    routes: new Proxy({}, { get: (_, path) => (req, res) => { trapHits.push(path); res.end(); } }),
  });
  other = await serve(DIST, {
    headers: () => ({ 'access-control-allow-origin': '*' }),
    routes: {
      '/story.json': async (req, res) => {
        otherHits.push('/story.json');
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(await readFile(join(DIST, 'data', 'baghdad-talks-2007.json')));
      },
      '/poster.html': html('<script>setInterval(() => parent.postMessage({ type: "newsline:height", height: 99999 }, "*"), 50)</script>'),
    },
  });
  server = await serve(DIST, {
    // Pages a test adds (served for real: a page the browser is handed by a route cannot reach other sites
    // on this machine), then the fixed routes.
    routes: new Proxy({
      '/xss.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      },
      '/blank.html': html(`<div id="slot"></div>${NEWSLINE}`),
      '/poster.html': html('<script>setInterval(() => parent.postMessage({ type: "newsline:height", height: 99999 }, "*"), 50)</script>'),
      '/endless.json': stream('/endless.json', 64 * 1024 * 1024, {}),
      '/inflates.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(INFLATES.length) });
        res.end(INFLATES);
      },
      '/link-story.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          title: 'Links',
          events: [{
            id: 'a',
            date: '2007-05-28',
            headline: 'A',
            body: '<p>Read <a href="/landing.html">the report</a>.</p>',
            media: { url: 'https://images.example.invalid/a.png', alt: 'an image from an https site' },
          }, {
            id: 'b',
            date: '2007-05-29',
            headline: 'B',
            body: 'Read [the notes](/landing.html#notes).',
            media: { url: `${other.origin}/favicon.svg`, alt: 'an image from an http site' },
          }],
        }));
      },
      '/landing.html': html('<p>landing</p>'),
      '/deep80.json': (req, res) => res.end(nested(80)),
      '/deep300.json': (req, res) => res.end(nested(300)),
      '/deep255.json': (req, res) => res.end(nested(255)),
    }, {
      get: (fixed, path) => (pages[path] === undefined ? fixed[path] : (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(pages[path]);
      }),
    }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await trap?.close();
  await other?.close();
});

/** At least 40 payloads; each sets window.__xss or makes a request to the trap origin if it ever runs. */
function payloads(host) {
  const js = 'window.__xss=1';
  return [
    `<script>${js}</script>`,
    `<img src=x onerror=${js}>`,
    `<svg onload=${js}>`,
    `<svg><script>${js}</script></svg>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
    `<iframe src="javascript:${js}"></iframe>`,
    `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
    `<a href="javascript:${js}">click</a>`,
    `<a href="JaVaScRiPt:${js}">click</a>`,
    `<a href="java&#x09;script:${js}">click</a>`,
    `<a href="&#106;avascript:${js}">click</a>`,
    `<a href=" javascript:${js}">click</a>`,
    `<a href="data:text/html,<script>parent.__xss=1</script>">click</a>`,
    `<a href="vbscript:msgbox(1)">click</a>`,
    `<a href="//${host}/protocol-relative">click</a>`,
    `[click](javascript:${js})`,
    `[click](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==)`,
    `[click](//${host}/markdown-protocol-relative)`,
    `<body onload=${js}>`,
    `<div style="background:url(//${host}/css-url)">styled</div>`,
    `<style>*{background:url(//${host}/style-tag)}</style>`,
    `<link rel=stylesheet href=//${host}/link-tag.css>`,
    `<object data="javascript:${js}"></object>`,
    `<embed src="javascript:${js}">`,
    `<form action="javascript:${js}"><button>go</button></form>`,
    `<input autofocus onfocus=${js}>`,
    `<details open ontoggle=${js}>`,
    `<video><source onerror=${js}></video>`,
    `<audio src=x onerror=${js}>`,
    `"><img src=x onerror=${js}>`,
    `'><script>${js}</script>`,
    `</p><script>${js}</script><p>`,
    `<scr<script>ipt>${js}</scr</script>ipt>`,
    `<<script>script>${js}<</script>/script>`,
    `<!--<img src="--><img src=x onerror=${js}//">`,
    `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
    `<template><img src=x onerror=${js}></template>`,
    `\u202e<img src=x onerror=${js}>\u202c`,
    `\u202egnp.exe\u202c and \u2067isolate\u2069`,
    `<base href="//${host}/">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
    `<a href="https://example.org/" onclick="${js}">a safe link with a handler</a>`,
    `{{constructor.constructor('${js}')()}}`,
    '${' + js + '}',
    `<img src="//${host}/img-tag">`,
    `<p onmouseover=${js}>hover</p><b onclick=${js}>bold</b>`,
  ];
}

/** Dangerous URLs for URL fields (media, sources). */
function badUrls(host) {
  return [
    'javascript:window.__xss=1',
    ' javascript:window.__xss=1',
    'JAVASCRIPT:window.__xss=1',
    'java\tscript:window.__xss=1',
    'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>',
    'vbscript:msgbox(1)',
    `//${host}/media.png`,
    `\\\\${host}/media.png`,
  ];
}

function newslineStory(p, urls) {
  const at = (i, k) => p[(i + k) % p.length];
  const events = p.map((_, i) => ({
    id: `e${i}`,
    date: `${1900 + i}`,
    headline: at(i, 0),
    display_date: at(i, 1),
    body: at(i, 2),
    place: at(i, 3),
    group: i % 2 ? at(i, 4) : undefined,
    source: 's',
    excerpt: at(i, 5),
    media: { url: urls[i % urls.length], alt: at(i, 6), caption: at(i, 7), credit: at(i, 8) },
    statements: [
      { speaker: at(i, 9), role: at(i, 10), kind: 'quote', text: at(i, 11), context: at(i, 12) },
      { speaker: at(i, 13), kind: 'paraphrase', text: at(i, 14), summary: at(i, 15) },
    ],
  }));
  return {
    title: p[0],
    summary: p[1],
    sources: [{ id: 's', title: p[2], publisher: p[3], author: p[4], dateline: p[5], url: urls[0] }],
    eras: [{ label: p[6], start: '1900', end: '1920' }],
    events,
  };
}

function timelinejsStory(p, urls) {
  const at = (i, k) => p[(i + k) % p.length];
  return {
    title: { text: { headline: p[0], text: p[1] }, media: { url: urls[0] } },
    eras: [{ start_date: { year: 1900 }, end_date: { year: 1920 }, text: { headline: p[2] } }],
    events: p.map((_, i) => ({
      start_date: { year: 1900 + i, display_date: at(i, 0) },
      text: { headline: at(i, 1), text: at(i, 2) },
      group: at(i, 3),
      display_date: at(i, 4),
      unique_id: at(i, 5),
      media: { url: urls[i % urls.length], caption: at(i, 6), credit: at(i, 7), alt: at(i, 8) },
      background: { url: urls[i % urls.length], color: at(i, 9) },
    })),
  };
}

/** The spreadsheet format goes through the CLI (`newsline convert`) into the widget, as a newsroom would. */
async function csvStory(p, urls) {
  const quote = (v) => `"${String(v).replaceAll('"', '""')}"`;
  const at = (i, k) => p[(i + k) % p.length];
  const header = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';
  const rows = [[, , , , , , , , , p[0], p[1], , , , , 'title', , ].map((v) => quote(v ?? '')).join(',')];
  p.forEach((_, i) => {
    rows.push(
      [1900 + i, '', '', '', '', '', '', '', at(i, 0), at(i, 1), at(i, 2), urls[i % urls.length], at(i, 3), at(i, 4), urls[(i + 1) % urls.length], '', at(i, 5), at(i, 6)]
        .map(quote)
        .join(','),
    );
  });
  const file = join(ROOT, 'target', 'xss.csv');
  await writeFile(file, `\ufeff${header}\r\n${rows.join('\r\n')}\r\n`);
  const out = execFileSync(join(ROOT, 'target', 'debug', 'newsline'), ['convert', file, '--to', 'newsline'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.toString());
}

for (const [format, build] of [['Newsline JSON', newslineStory], ['TimelineJS JSON', timelinejsStory], ['CSV', csvStory]]) {
  test(`no payload runs, injects a handler, or reaches the network (${format})`, async () => {
    trapHits = [];
    const host = new URL(trap.origin).host;
    const p = payloads(host);
    assert.ok(p.length >= 40);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      requests.push(`dialog:${d.message()}`);
      d.dismiss();
    });
    await page.goto(`${server.origin}/xss.html`);
    await page.evaluate(() => window.Newsline.ready);
    const story = await build(p, badUrls(host));
    await page.evaluate((story) => window.Newsline.mount(document.getElementById('slot'), { data: story, hash: false }).mounted, story);
    await page.locator('#slot .nl-card, #slot .nl-error').first().waitFor();
    assert.equal(await page.locator('#slot .nl-error').count(), 0, await page.locator('#slot').textContent());
    const count = await page.locator('#slot .nl-marker').count();
    assert.equal(count, p.length, 'every event shows');
    // Open every card and every statement, hover and click inside each.
    for (let i = 0; i < count; i++) {
      await page.locator('#slot .nl-marker').nth(i).click();
      const expand = page.locator('#slot .nl-expand-all');
      if (await expand.count()) await expand.click();
      await page.locator('#slot .nl-card').hover();
    }
    await page.waitForTimeout(200);
    const found = await page.evaluate(() => {
      const root = document.getElementById('slot');
      // The widget's own positions (set through the CSSOM) are the only styles allowed.
      const ownStyle = /^(\s*(left|width|height|bottom): -?[\d.]+px;)*\s*$/;
      const handlers = [...root.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes]
          .filter((a) => a.name.startsWith('on') || a.name === 'srcdoc' || (a.name === 'style' && !ownStyle.test(a.value)))
          .map((a) => `${e.tagName}[${a.name}=${a.value}]`),
      );
      const dangerous = [...root.querySelectorAll('script, iframe, object, embed, svg, math, style, link, base, meta, form, input, template')].map(
        (e) => e.tagName,
      );
      const urls = [...root.querySelectorAll('[href], [src]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))
        .filter((u) => !/^(https?:\/\/|mailto:|[a-z0-9_./-]+$)/i.test(u.trim()) || u.trim().startsWith('//'));
      return { xss: window.__xss ?? null, parentXss: window.parent.__xss ?? null, handlers, dangerous, urls };
    });
    assert.deepEqual(found, { xss: null, parentXss: null, handlers: [], dangerous: [], urls: [] });
    assert.deepEqual(trapHits, [], 'no request reached the trap origin');
    assert.deepEqual(requests.filter((u) => u.startsWith(trap.origin) || u.startsWith('dialog:') || u.startsWith('javascript:')), []);
    // Newsline's plain-text fields show the payload as text a reader can see; TimelineJS headlines are HTML,
    // so their markup is dropped and their text kept.
    if (format === 'Newsline JSON') {
      assert.match(await page.locator('#slot .nl-title').textContent(), /<script>window.__xss=1<\/script>/);
    }
    await page.close();
  });
}

test('every malformed file shows its message with its path in the widget', async () => {
  const table = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'malformed.json'), 'utf8'));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/xss.html`);
  await page.evaluate(() => window.Newsline.ready);
  for (const { name, text, expect } of table) {
    const shown = await page.evaluate(async (text) => {
      const slot = document.getElementById('slot');
      slot.replaceChildren();
      const el = slot.appendChild(document.createElement('div'));
      const handle = window.Newsline.mount(el, { data: text, hash: false });
      await handle.mounted;
      await new Promise((r) => setTimeout(r, 20));
      const out = el.textContent;
      await handle.destroy();
      return out;
    }, text);
    assert.ok(shown.includes('This timeline could not be shown'), `${name}: no error panel`);
    assert.ok(shown.includes(expect), `${name}: expected ${JSON.stringify(expect)} in ${JSON.stringify(shown)}`);
  }
  assert.deepEqual(errors, []);
});

test('what a reader downloads names no folder of the machine that built it', async () => {
  // Panic messages keep their source file names; the build writes them relative to each crate, so
  // the shipped code tells no one where the builder's home, registry cache or checkout were.
  for (const file of ['newsline-app_bg.wasm', 'newsline-app.js', 'newsline.js']) {
    const text = (await readFile(join(DIST, file))).toString('latin1');
    const found = text.match(/\/(?:root|home|Users)\/[\w.+-]*|\.cargo\/|registry\/src\/[\w.-]*/);
    assert.equal(found?.[0], undefined, `${file} names a build folder`);
  }
  // The size-built wasm has no source locations at all; the plain build (without rust-src, see the Makefile)
  // keeps the file names of dependencies, relative to the crate.
  const wasm = (await readFile(join(DIST, 'newsline-app_bg.wasm'))).toString('latin1');
  if (/\.rs\b/.test(wasm)) assert.match(wasm, /yew-0\.23\.\d+\/src\/[\w/]+\.rs/, 'file names of dependencies stay, relative to the crate');
});

/** A page of `server` with the widgets in `body`; resolves to the page, once Newsline has loaded. */
async function page(path, routes = {}) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log = { requests: [], errors: [], warnings: [], violations: [] };
  p.on('request', (r) => log.requests.push(r.url()));
  p.on('pageerror', (e) => log.errors.push(e.message));
  p.on('console', (m) => (m.type() === 'warning' ? log.warnings : m.type() === 'error' ? log.errors : []).push(m.text()));
  Object.assign(pages, routes);
  await p.goto(`${server.origin}${path}`);
  await p.evaluate(() => window.Newsline.ready);
  return { page: p, log };
}
const doc = (body, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="/favicon.svg">${head}</head><body>${body}${NEWSLINE}</body></html>`;

test('stories come only from http(s) addresses of the page origin: other schemes and sites are refused and never requested', async () => {
  otherHits = [];
  const story = `${other.origin}/story.json`;
  const { page: p, log } = await page('/origins.html', {
    '/origins.html': doc(
      '<div id="data" data-newsline data-src="data:application/json,%7B%22title%22%3A%22T%22%2C%22events%22%3A%5B%5D%7D"></div>' +
        `<div id="foreign" data-newsline data-src="${story}"></div>` +
        // A meta in the body, as a comment's markup could put there, counts for nothing.
        `<meta name="newsline-allowed-origins" content="${other.origin}">` +
        `<div id="slashes" data-newsline data-src="//${new URL(other.origin).host}/story.json"></div>` +
        '<div id="own" data-newsline data-src="/data/baghdad-talks-2007.json"></div>',
    ),
  });
  await p.locator('#own .nl-card').waitFor();
  const panel = (id) => p.locator(`#${id} .nl-error`).textContent();
  assert.match(await panel('data'), /The story address data:application\/json,.* is a "data:" address; the timeline reads stories only from http and https addresses/);
  assert.match(await panel('foreign'), new RegExp(`The story address ${story} is on another site \\(${other.origin}\\); this page accepts stories only from ${server.origin}\\. .*<meta name="newsline-allowed-origins" content="${other.origin}">`));
  assert.match(await panel('slashes'), /is on another site/);
  // The JS API follows the same rule, and says so with newsline:error.
  const refused = await p.evaluate(async () => {
    const out = [];
    for (const src of [URL.createObjectURL(new Blob(['{"title": "T", "events": []}'], { type: 'application/json' })), 'javascript:window.__ran=1', 'file:///etc/hostname']) {
      const el = document.body.appendChild(document.createElement('div'));
      const error = new Promise((r) => el.addEventListener('newsline:error', (e) => r(e.detail), { once: true }));
      window.Newsline.mount(el, { src, hash: false });
      out.push((await error).message);
    }
    return out;
  });
  assert.match(refused[0], /is a "blob:" address/);
  assert.match(refused[1], /is a "javascript:" address/);
  assert.match(refused[2], /is a "file:" address/);
  assert.deepEqual(otherHits, [], 'nothing was requested from the other site');
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.origin)), [], 'nothing left the page origin');
  await p.close();
});

test('a site the page lists in its head, or with Newsline.configure, may serve stories', async () => {
  otherHits = [];
  const { page: p } = await page('/listed.html', {
    '/listed.html': doc(`<div id="listed" data-newsline data-hash="off" data-src="${other.origin}/story.json"></div>`, `<meta name="newsline-allowed-origins" content="https://stories.example ${other.origin}/">`),
  });
  await p.locator("#listed .nl-card").waitFor();
  assert.ok(otherHits.length >= 1);
  // Configure, on a page with no meta.
  const { page: q, log } = await page('/blank.html');
  const events = await q.evaluate(async (src) => {
    window.Newsline.configure({ allowedOrigins: [new URL(src).origin, 'https://bad.example/path/'] });
    const el = document.getElementById('slot');
    const ready = new Promise((r) => el.addEventListener('newsline:ready', (e) => r(e.detail.events), { once: true }));
    window.Newsline.mount(el, { src, hash: false });
    return ready;
  }, `${other.origin}/story.json`);
  assert.equal(events, 8);
  assert.ok(log.warnings.some((w) => w.includes('"https://bad.example/path/" in newsline-allowed-origins is not an origin')), log.warnings.join('\n'));
  await p.close();
  await q.close();
});

/** A story whose "notes" field nests `depth` levels deep. */
const nested = (depth) => JSON.stringify({ title: 'Deep', notes: JSON.parse('['.repeat(depth) + ']'.repeat(depth)), events: [{ id: 'a', date: '2007', headline: 'A' }] });

test('data-max-* attributes only lower limits; the JS API raises them up to the ceilings', async () => {
  const { page: p, log } = await page('/blank.html');
  const shown = await p.evaluate(async () => {
    const show = async (setup) => {
      const el = document.body.appendChild(document.createElement('div'));
      const done = new Promise((r) => {
        el.addEventListener('newsline:ready', () => r('ready'), { once: true });
        el.addEventListener('newsline:error', (e) => r(e.detail.problems.join(' ') || e.detail.message), { once: true });
      });
      setup(el);
      return done;
    };
    return [
      // An attribute cannot raise the depth limit past the default (64) ...
      await show((el) => {
        el.setAttribute('data-hash', 'off');
        el.setAttribute('data-max-depth', '100');
        el.setAttribute('data-src', '/deep80.json');
        el.setAttribute('data-newsline', '');
      }),
      // ... the JS API can ...
      await show((el) => window.Newsline.mount(el, { src: '/deep80.json', maxDepth: 100, hash: false })),
      // ... up to the ceiling (256), which the widget reads without running out of stack ...
      await show((el) => window.Newsline.mount(el, { src: '/deep255.json', maxDepth: 256, hash: false })),
      // ... and no further.
      await show((el) => window.Newsline.mount(el, { src: '/deep300.json', maxDepth: 100000, hash: false })),
      // An attribute still lowers a limit.
      await show((el) => {
        el.setAttribute('data-hash', 'off');
        el.setAttribute('data-max-events', '3');
        el.setAttribute('data-newsline', '');
      }),
    ];
  });
  assert.match(shown[0], /levels of nesting is more than this timeline accepts \(64 at most\)/);
  assert.equal(shown[1], 'ready');
  assert.equal(shown[2], 'ready');
  assert.match(shown[3], /levels of nesting is more than this timeline accepts \(256 at most\)/);
  assert.match(shown[4], /8 events is more than this timeline accepts \(3 at most\)/);
  assert.ok(log.warnings.some((w) => w.includes('data-max-depth="100" is ignored: an attribute can only lower a limit')), log.warnings.join('\n'));
  assert.ok(log.warnings.some((w) => w.includes('maxDepth 100,000 is more than a timeline accepts; the most, 256, applies')), log.warnings.join('\n'));
  await p.close();
});

test('the size limit holds while the story streams: no announced size, or a gzip body that inflates past it', async () => {
  const { page: p } = await page('/blank.html');
  const show = (src, start) =>
    p.evaluate(async ([src, start]) => {
      const el = document.body.appendChild(document.createElement('div'));
      el.id = `w${document.body.children.length}`;
      const error = new Promise((r) => el.addEventListener('newsline:error', (e) => r(e.detail.message), { once: true }));
      if (start === 'attributes') {
        el.setAttribute('data-max-bytes', '100000');
        el.setAttribute('data-src', src);
        el.setAttribute('data-hash', 'off');
        el.setAttribute('data-newsline', '');
      } else {
        window.Newsline.mount(el, { src, maxBytes: 100000, hash: false });
      }
      return [el.id, await error];
    }, [src, start]);
  // newsline.js's early read.
  const [id, message] = await show('/endless.json', 'attributes');
  assert.match(message, /\/endless\.json is larger than this timeline accepts \(100,000 bytes at most\): the download was stopped after [\d,]+ bytes/);
  // The server could not send it all: the browser stopped reading and closed the connection.
  await waitUntil(() => streamed['/endless.json']?.closed);
  assert.ok(streamed['/endless.json'].sent < streamed['/endless.json'].total / 2, `sent ${streamed['/endless.json'].sent} bytes`);
  // The widget's own download (Retry does not use the early read).
  delete streamed['/endless.json'];
  const again = p.evaluate((id) => new Promise((r) => document.getElementById(id).addEventListener('newsline:error', (e) => r(e.detail.message), { once: true })), id);
  await p.locator(`#${id} .nl-retry`).click();
  assert.match(await again, /the download was stopped after [\d,]+ bytes/);
  await waitUntil(() => streamed['/endless.json']?.closed);
  assert.ok(streamed['/endless.json'].sent < streamed['/endless.json'].total / 2, `sent ${streamed['/endless.json'].sent} bytes`);
  // A compressed body announces its compressed size (32 KB); it is counted as it inflates.
  const [, inflated] = await show('/inflates.json', 'api');
  assert.match(inflated, /\/inflates\.json is larger than this timeline accepts \(100,000 bytes at most\): the download was stopped after/);
  await p.close();
});

/** Polls `check` (every 20 ms, for at most 2 s) until it is true. */
async function waitUntil(check) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(check(), 'within 2 s');
}

test('iframe-host.js resizes only Newsline embeds of allowed origins, clamped; the docs carry the same snippet', async () => {
  const host = await readFile(join(ROOT, 'www', 'iframe-host.js'), 'utf8');
  const docs = await readFile(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  assert.ok(docs.includes(host), 'docs/embedding.md carries www/iframe-host.js word for word');
  const { page: p } = await page('/host.html', {
    '/host.html': doc(
      // Counts the messages each frame posts.
      '<script>window.__posts = {}; addEventListener("message", (e) => { const f = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source); if (f) window.__posts[f.id] = (window.__posts[f.id] ?? 0) + 1; });</script>' +
        // Another site's frame, a page of this site that is no embed, and another site's real embed (not listed).
        // The embed that grows comes last: a frame it pushed below the fold (inline frames sit on the line's
        // baseline) would, from another site, not be rendered by Chromium, so its ResizeObserver would not post.
        `<iframe id="foreign" src="${other.origin}/poster.html"></iframe>` +
        '<iframe id="same" src="/poster.html"></iframe>' +
        `<iframe id="unlisted" src="${other.origin}/embed.html?src=data/baghdad-talks-2007.json"></iframe>` +
        // A frame with no address of its own takes this page's origin: marked as an embed, it is still none.
        '<iframe id="srcdoc" name="srcdoc" data-newsline-frame srcdoc="<p>not an embed</p>"></iframe>' +
        '<iframe id="real" src="/embed.html?src=data/baghdad-talks-2007.json"></iframe>' +
        '<script src="/iframe-host.js"></script>',
    ),
  });
  const height = (id) => p.locator(`#${id}`).evaluate((f) => f.clientHeight);
  await p.frameLocator('#real').locator(LIVE_CARD).waitFor();
  await p.waitForFunction(() => document.getElementById('real').clientHeight > 400);
  await p.frameLocator('#unlisted').locator(LIVE_CARD).waitFor();
  // Every other frame has posted its heights a few times by now.
  await p.waitForFunction(() => ['foreign', 'same', 'unlisted'].every((id) => window.__posts[id] >= 1) && window.__posts.foreign >= 3 && window.__posts.same >= 3);
  assert.deepEqual([await height('foreign'), await height('same'), await height('unlisted')], [150, 150, 150]);
  // A real embed's height is clamped to 120-20,000 px.
  const real = await p.locator('#real').elementHandle().then((f) => f.contentFrame());
  await real.evaluate(() => parent.postMessage({ type: 'newsline:height', height: 99999 }, '*'));
  await p.waitForFunction(() => document.getElementById('real').clientHeight === 20000);
  await real.evaluate(() => parent.postMessage({ type: 'newsline:height', height: 3 }, '*'));
  await p.waitForFunction(() => document.getElementById('real').clientHeight === 120);
  // The srcdoc frame posts, then the real embed: once the embed's height shows, the srcdoc's was handled.
  await p.frame({ name: 'srcdoc' }).evaluate(() => parent.postMessage({ type: 'newsline:height', height: 9999 }, '*'));
  await real.evaluate(() => parent.postMessage({ type: 'newsline:height', height: 500 }, '*'));
  await p.waitForFunction(() => document.getElementById('real').clientHeight === 500);
  assert.equal(await height('srcdoc'), 150, 'a srcdoc frame is not resized');
  await p.close();
});

test('embed.html runs under its own strict CSP: https images are allowed, others blocked; links open in a new tab without opener', async () => {
  const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await p.goto(`${server.origin}/embed.html?src=/link-story.json`);
  await p.locator(LIVE_CARD).waitFor();
  const csp = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' https:", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(part), `${part} in ${csp}`);
  }
  await p.locator('.nl-next').click();
  await p.waitForFunction(() => window.__violations.length > 0);
  const violations = await p.evaluate(() => window.__violations);
  assert.deepEqual(violations, [`img-src ${other.origin}/favicon.svg`], 'only the http image from another site is blocked');
  // Links (HTML in one card, Markdown in the other) open in a new browsing context; the frame's page stays.
  let opened = 0;
  for (const step of ['.nl-prev', null]) {
    const links = p.locator('.nl-card a');
    for (let i = 0; i < (await links.count()); i++) {
      assert.equal(await links.nth(i).getAttribute('rel'), 'noopener noreferrer');
      const [popup] = await Promise.all([p.context().waitForEvent('page'), links.nth(i).click()]);
      await popup.waitForLoadState();
      assert.match(popup.url(), /\/landing\.html/);
      assert.equal(await popup.evaluate(() => window.opener), null);
      await popup.close();
      opened += 1;
    }
    if (step) await p.locator(step).click();
  }
  assert.equal(opened, 2);
  assert.match(p.url(), /\/embed\.html\?src=/);
  assert.deepEqual(errors, []);
  // embed.html?src= follows the same rule as data-src.
  for (const [src, message] of [['data:application/json,{}', /is a "data:" address/], [`${other.origin}/story.json`, /is on another site/]]) {
    await p.goto(`${server.origin}/embed.html?src=${encodeURIComponent(src)}`);
    assert.match(await p.locator('.nl-error').textContent(), message);
  }
  await p.close();
});

for (const [kind, via] of [['unreachable', 'event'], ['stack', 'timer'], ['memory', 'call'], ['unreachable', 'call']]) {
  test(`a trap (${kind}, from ${via === 'call' ? 'a direct call' : `a ${via} callback`}) stops only its widget: it says so, offers Retry, and the other keeps working`, async () => {
    const { page: p } = await page('/blank.html');
    await p.evaluate(async () => {
      const slot = document.getElementById('slot');
      for (const id of ['a', 'b']) {
        const el = slot.appendChild(document.createElement('div'));
        el.id = id;
        const ready = new Promise((r) => el.addEventListener('newsline:ready', r, { once: true }));
        window[`__${id}`] = window.Newsline.mount(el, { hash: false });
        await ready;
      }
      window.__error = new Promise((r) => document.getElementById('a').addEventListener('newsline:error', (e) => r(e.detail), { once: true }));
    });
    const instances = await p.evaluate(() => window.Newsline.stats().instances);
    await p.evaluate(([kind, via]) => window.__a.trapForTesting(kind, via), [kind, via]);
    if (via === 'event') await p.locator('#a .nl-title').click();
    const crashed = p.locator('#a .nl-crashed');
    await crashed.waitFor({ timeout: 2000 });
    assert.equal(await crashed.getAttribute('role'), 'alert');
    assert.match(await crashed.textContent(), /This timeline stopped working/);
    const detail = await p.evaluate(() => window.__error);
    assert.equal(detail.crashed, true);
    const fault = { unreachable: /RuntimeError: unreachable/, stack: /RuntimeError: memory access out of bounds|RangeError: Maximum call stack size exceeded/, memory: /RuntimeError: unreachable/ }[kind];
    assert.match(detail.message, new RegExp(`^This timeline stopped working after a fault in its code \\(${fault.source}\\)`));
    // The handle of the stopped widget answers false; the other widget works.
    assert.equal(await p.evaluate(() => window.__a.next()), false);
    await p.locator('#b .nl-next').click();
    assert.equal(await p.locator('#b .nl-position').textContent(), '2 of 8');
    assert.equal(await p.evaluate(() => window.__b.select('talks-open')), true);
    assert.equal(await p.locator('#b .nl-position').textContent(), '3 of 8');
    // Retry mounts the widget afresh, in a new instance (the stopped one is never used again).
    await crashed.locator('.nl-retry').click();
    await p.locator('#a .nl-card').waitFor({ timeout: 2000 });
    assert.equal(await p.evaluate(() => window.Newsline.stats().instances), instances + 1);
    assert.equal(await p.evaluate(() => window.__a.select('talks-open')), true);
    assert.equal(await p.locator('#a .nl-position').textContent(), '3 of 8');
    await p.locator('#a .nl-next').click();
    assert.equal(await p.locator('#a .nl-position').textContent(), '4 of 8');
    await p.close();
  });
}
