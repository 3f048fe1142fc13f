// Safety end to end: an XSS battery in every text and URL field of both JSON formats, and the malformed-data
// table, loaded in Chromium on a page without a CSP (so nothing but the widget itself stands in the way).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from './harness.mjs';

let server;
let trap; // the "attacker" origin: any request to it is a failure
let trapHits = [];
let browser;

const PAGE = '<!doctype html><html lang="en"><head><title>xss</title><link rel="icon" href="/favicon.svg"></head><body>' +
  '<div id="slot"></div><script type="module" src="/newsline.js"></script></body></html>';

before(async () => {
  trap = await serve(DIST, {
    routes: new Proxy({}, { get: (_, path) => (req, res) => { trapHits.push(path); res.end(); } }),
  });
  server = await serve(DIST, {
    routes: {
      '/xss.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await trap?.close();
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
  const wasm = (await readFile(join(DIST, 'newsline-app_bg.wasm'))).toString('latin1');
  assert.match(wasm, /yew-0\.23\.\d+\/src\/[\w/]+\.rs/, 'file names of dependencies stay, relative to the crate');
});
