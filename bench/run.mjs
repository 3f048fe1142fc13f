// make bench: Newsline and TimelineJS3 side by side, on the same generated TimelineJS-format files, in
// Debian's Chromium at 1200×800. Writes bench/results.json and BENCHMARKS.md.
//
//   node bench/run.mjs [--runs 5] [--quick] [--phone-only] [--prerender-only]
//
// Both widgets are served from 127.0.0.1 (TimelineJS3 from its npm package, never its CDN); any request to
// another origin is blocked and counted. Runs alternate between the widgets; load times are medians.
// A load that does not finish in time is recorded as a timeout, never ends the run.
// The phone profile loads the small stories again as a reader on a phone would: 1.6 Mbps down, 150 ms round
// trip, the CPU slowed 4×, every file gzipped.
// The prerendered story (issue 14, `newsline render`): how soon its text is painted, what a reader downloads
// before scrolling to it, how long the widget takes to take over, and the fragment's size. `--prerender-only`
// measures that part alone and writes it into the committed figures, keeping the rest of them.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { serve, launch, DIST, ROOT } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const QUICK = args.includes('--quick');
const PHONE_ONLY = args.includes('--phone-only');
const PRERENDER_ONLY = args.includes('--prerender-only');
/** A mid-range phone on a slow mobile network, as DevTools emulates it. */
const PHONE = { downloadKbps: 1600, uploadKbps: 750, latencyMs: 150, cpuSlowdown: 4 };
const TL = join(createRequire(import.meta.url).resolve('@knight-lab/timelinejs/package.json'), '..', 'dist');

// ---------- data ----------
/** A deterministic pseudo-random sequence, so every run measures the same files. */
function random(seed) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}
function story(n, kind) {
  const r = random(n * 7 + (kind === 'clustered' ? 1 : 0));
  const events = [];
  for (let i = 0; i < n; i++) {
    let date;
    if (kind === 'spread') {
      // Evenly over seven decades.
      const day = Math.floor((i / n) * 70 * 365 + r() * 30);
      const d = new Date(Date.UTC(1950, 0, 1) + day * 86400000);
      date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    } else {
      // Many a day: fifty events to each day, at different hours.
      const d = new Date(Date.UTC(2007, 0, 1) + Math.floor(i / 50) * 86400000);
      date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: i % 24, minute: (i * 7) % 60 };
    }
    events.push({
      start_date: date,
      text: { headline: `Event ${i + 1}: ${kind} story headline`, text: `<p>What happened in event ${i + 1}, in a paragraph of ordinary length for a news timeline card.</p>` },
      unique_id: `e${i + 1}`,
    });
  }
  return JSON.stringify({ title: { text: { headline: `${n} events (${kind})`, text: 'Generated for the benchmark.' } }, events });
}

const files = new Map();
const defaultStory = JSON.parse(await readFile(join(DIST, 'data', 'baghdad-talks-2007.json'), 'utf8'));

// ---------- pages ----------
// Drawn: the end of the first frame after ready (a task queued from that frame's animation callback runs
// once the frame's style, layout and paint are done). Recorded in the page, so no round trip delays it.
const DRAWN = "requestAnimationFrame(() => setTimeout(() => { window.__drawn = performance.now(); }, 0));";
// Readable: the end of the first frame that shows an event's headline, however the widget got it there (the
// same measure for a widget that draws its story with script and one whose story comes in the page's HTML).
const READABLE = (selector) => `(() => {
  const seen = () => { requestAnimationFrame(() => setTimeout(() => { window.__readable ??= performance.now(); }, 0)); };
  if (document.querySelector(${JSON.stringify(selector)})) return seen();
  const o = new MutationObserver(() => { if (document.querySelector(${JSON.stringify(selector)})) { o.disconnect(); seen(); } });
  o.observe(document.documentElement, { childList: true, subtree: true });
})();`;
// First paints: the first contentful paint and the last largest-contentful-paint candidate, as the browser
// reports them (buffered, so a paint before this script ran is seen too). Only the pages of the prerendered
// part carry it: the older figures were measured without it.
const PAINT = `(() => {
  window.__paint = {};
  const watch = (type, take) => { try { new PerformanceObserver((l) => l.getEntries().forEach(take)).observe({ type, buffered: true }); } catch {} };
  watch('paint', (e) => { if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime; });
  watch('largest-contentful-paint', (e) => { window.__paint.lcp = e.startTime; });
})();`;
/** The page of one Newsline widget at the top: given `src`, the built-in story, or a prerendered `fragment`. */
const newslinePage = (src, { fragment, paint } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsline</title>
<link rel="icon" href="/favicon.svg">${paint ? `<script>${PAINT}</script>` : ''}</head><body style="margin:0">
<script>${READABLE('.nl-card-headline')}</script>
${fragment ? fragment.replace('<div data-newsline', '<div data-newsline data-hash="off"') : `<div data-newsline data-hash="off" ${src ? `data-src="${src}"` : ''}></div>`}
<script>document.addEventListener('newsline:ready', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); }, { once: true });</script>
<script type="module" src="/newsline.js"></script></body></html>`;
const tlPage = (src, origin, { paint } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/tl/css/timeline.css">${paint ? `<script>${PAINT}</script>` : ''}</head><body style="margin:0">
<script>${READABLE('.tl-headline')}</script>
<div id="tl" style="width:1200px;height:800px"></div>
<script src="/tl/js/timeline.js"></script>
<script>
  window.timeline = new TL.Timeline('tl', ${JSON.stringify(origin + src)}, { script_path: ${JSON.stringify(origin + '/tl/js/')}, hash_bookmark: false, language: 'en' });
  window.timeline.on('loaded', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); });
</script></body></html>`;
/**
 * A news article with one widget (`widget`, its markup) two and a half viewports down: filler paragraphs
 * before and after it, as tests/e2e/prerender.test.mjs builds it. The page notes when the widget is ready,
 * the frame after, and when newsline.js swaps the prerendered story for it (`data-newsline-live`).
 */
const articlePage = (widget) => {
  const filler = (n) => Array.from({ length: n }, (_, i) => `<p class="filler">Paragraph ${i + 1} of the article, which the reader reads before reaching the timeline.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Article</title><link rel="icon" href="/favicon.svg"><style>body { margin: 0 } .filler { height: 25vh; margin: 0; }</style></head>
<body><main><h1>An article</h1>${filler(10)}${widget.replace('<div data-newsline', '<div data-newsline data-hash="off"')}${filler(8)}</main>
<script>
  document.addEventListener('newsline:ready', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); }, { once: true });
  new MutationObserver((records, o) => {
    if (document.querySelector('[data-newsline-live]')) { window.__live = performance.now(); o.disconnect(); }
  }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-newsline-live'] });
  // The widget's code downloaded and compiled (newsline.js has run by the load event): splits the take-over
  // into the download and what the widget does after it.
  addEventListener('load', () => window.Newsline.ready.then(() => { window.__compiled = performance.now(); }));
</script>
<script type="module" src="/newsline.js"></script></body></html>`;
};
/**
 * The floor of a first paint in this setup: the prerendered story's HTML alone, without its stylesheet and
 * without any script (the page says it is ready at its load event).
 */
const floorPage = (fragment) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HTML alone</title>
<link rel="icon" href="/favicon.svg"><script>${PAINT}</script></head><body style="margin:0">
<script>${READABLE('.nl-card-headline')}</script>
${fragment.replace(/<link [^>]*>\s*/, '')}
<script>addEventListener('load', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); });</script></body></html>`;
/** The pages of the prerendered part by path, each a function of the request's origin (set up below). */
const benchPages = new Map();

/** Whether files go out gzipped (the phone profile), as any production server sends them. */
let gzipFiles = false;
const gzipped = new Map();
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
/** Answers with `body`, gzipped (once, then from memory) when the phone profile is on. */
function send(res, type, body, key) {
  if (!gzipFiles) {
    res.writeHead(200, { 'content-type': type });
    return res.end(body);
  }
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
  res.end(gzipped.get(key));
}

const routes = {};
const server = await serve(DIST, {
  routes: new Proxy(routes, {
    get(target, path) {
      if (typeof path !== 'string') return undefined;
      // The widget's own files, gzipped like everything else under the phone profile.
      if (gzipFiles && !path.startsWith('/bench/') && !path.startsWith('/tl/') && extname(path) in TYPES) {
        return async (req, res) => {
          try {
            send(res, TYPES[extname(path)], await readFile(join(DIST, path)), `dist:${path}`);
          } catch {
            res.writeHead(404);
            res.end();
          }
        };
      }
      if (path.startsWith('/bench/data/')) {
        const body = files.get(path.slice('/bench/data/'.length));
        return body && ((req, res) => send(res, 'application/json', body, path));
      }
      if (benchPages.has(path)) {
        return (req, res) => send(res, 'text/html; charset=utf-8', Buffer.from(benchPages.get(path)(`http://${req.headers.host}`)), path);
      }
      if (path === '/bench/newsline.html' || path === '/bench/tl.html') {
        return (req, res) => {
          const src = new URL(req.url, 'http://x').searchParams.get('src');
          const html = path.endsWith('newsline.html') ? newslinePage(src) : tlPage(src, `http://${req.headers.host}`);
          send(res, 'text/html; charset=utf-8', Buffer.from(html), `${path}?${src}`);
        };
      }
      if (path.startsWith('/tl/')) {
        return async (req, res) => {
          try {
            const body = await readFile(join(TL, path.slice(4)));
            send(res, TYPES[extname(path)] ?? 'application/octet-stream', body, `tl:${path}`);
          } catch {
            res.writeHead(404);
            res.end();
          }
        };
      }
      return undefined;
    },
  }),
});
const browser = await launch();
let foreign = 0;

/** The network and CPU of the current profile (null: the machine as it is). */
let profile = null;

async function page() {
  const context = await browser.newContext(
    profile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : { viewport: { width: 1200, height: 800 } },
  );
  const p = await context.newPage();
  if (profile) {
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: (profile.downloadKbps * 1000) / 8,
      uploadThroughput: (profile.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  }
  await p.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === server.origin) return route.continue();
    foreign += 1;
    return route.abort();
  });
  return p;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
/** The median of the loads that finished; a widget none of whose loads finished has none. */
const summary = (xs) => (xs.every((x) => x === null) ? null : round(median(xs.filter((x) => x !== null))));
const timeouts = (xs) => xs.filter((x) => x === null).length;

/**
 * Time from navigation start to interactive, drawn and readable, in ms. `{ t: null }` when the widget did not
 * get there within `timeout` ms (a timeout, recorded as such), whatever the page did: a slow peer never
 * ends the run.
 */
/**
 * Resolves when page `p` says `bench:ready` on its console, rejects after `timeout` ms (`timer` clears that);
 * a rejection nobody awaits is not an error.
 */
function readyOnConsole(p, timeout) {
  let timer;
  const ready = new Promise((resolve, reject) => {
    p.on('console', (m) => m.text() === 'bench:ready' && resolve());
    timer = setTimeout(() => reject(new Error('timeout')), timeout);
  });
  ready.catch(() => {});
  return { ready, timer };
}

async function loadTime(widget, src, timeout, at = null) {
  const p = await page();
  // `at`: a page of the prerendered part, which names its widget and story itself.
  const path = at ?? (widget === 'newsline' ? '/bench/newsline.html' : '/bench/tl.html');
  // The page says when it is ready on its console: polling it from here would run scripts in the page,
  // on the main thread both widgets need, while they load.
  const { ready, timer } = readyOnConsole(p, timeout);
  try {
    // Only the navigation's start is awaited: the page's load event can come long after (or, for a widget
    // that blocks the main thread for longer than Playwright's own limit, never in time).
    await p.goto(`${server.origin}${path}${src ? `?src=${encodeURIComponent(src)}` : ''}`, { waitUntil: 'commit', timeout });
    await ready;
    clearTimeout(timer);
    // Interactive: the widget says it is ready (its DOM built, input accepted); drawn: the frame after that.
    const [t, drawn, readable, paint] = await p.evaluate(async () => {
      const until = performance.now() + 10000;
      while ((window.__drawn === undefined || window.__readable === undefined) && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 5));
      }
      // Paint entries are reported a little after their frame: time for the last ones to come in.
      if (window.__paint) await new Promise((r) => setTimeout(r, 250));
      return [Math.max(window.__ready, 0), window.__drawn ?? null, window.__readable ?? null, window.__paint ?? {}];
    });
    return { t, drawn, readable, fcp: paint.fcp ?? null, lcp: paint.lcp ?? null, p };
  } catch {
    clearTimeout(timer);
    await p.context().close().catch(() => {});
    return { t: null, p: null };
  }
}

/**
 * Latency of `steps` selection changes, by the next/previous buttons (`mode` 'step') or by clicking the
 * marker of the neighbouring event on the axis ('click'): from the click to the view changing, and to the
 * next frame after that.
 */
async function selectionLatency(widget, p, steps, mode = 'step') {
  return p.evaluate(
    async ({ widget, steps, mode }) => {
      /** The marker of the event after (or before) the open one. */
      const neighbour = (back) => {
        if (widget === 'newsline') {
          const item = document.querySelector('.nl-marker.nl-selected').closest('li');
          return (back ? item.previousElementSibling : item.nextElementSibling)?.querySelector('.nl-marker');
        }
        const active = document.querySelector('.tl-timemarker-active');
        const n = Number(active.id.replace(/^e|-marker$/g, ''));
        return document.getElementById(`e${back ? n - 1 : n + 1}-marker`);
      };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const update = [];
      const out = [];
      for (let i = 0; i < steps; i++) {
        await frame();
        const t0 = performance.now();
        if (widget === 'newsline') {
          // The update: from the click to the DOM showing the new event (seen by a MutationObserver, so no
          // polling delay is counted). The frame: until the frame after it has been produced.
          const position = document.querySelector('.nl-position');
          const changed = new Promise((r) => {
            const o = new MutationObserver(() => {
              o.disconnect();
              r();
            });
            o.observe(position, { childList: true, characterData: true, subtree: true });
          });
          if (mode === 'click') neighbour(i % 4 === 3).click();
          else document.querySelector(i % 4 === 3 ? '.nl-prev' : '.nl-next').click();
          await changed;
        } else {
          const changed = new Promise((r) => window.timeline.on('change', r));
          if (mode === 'click') neighbour(i % 4 === 3).click();
          else if (i % 4 === 3) window.timeline.goToPrev();
          else window.timeline.goToNext();
          await changed;
        }
        update.push(performance.now() - t0);
        await frame();
        out.push(performance.now() - t0);
      }
      return { update, frame: out };
    },
    { widget, steps, mode },
  );
}

/** Frame times while zooming and panning for 3 s. */
async function frames(widget, p) {
  const box = await p.evaluate((w) => {
    const el = document.querySelector(w === 'newsline' ? '.nl-nav' : '.tl-timenav');
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, widget);
  const collect = p.evaluate(
    ({ widget }) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const end = last + 3000;
        let zoomIn = true;
        let nextZoom = last + 500;
        const nav = document.querySelector('.nl-nav');
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          if (widget === 'newsline') {
            nav.scrollLeft += 40;
            if (now > nextZoom) {
              document.querySelector(zoomIn ? '.nl-zoom-in' : '.nl-zoom-out').click();
              zoomIn = !zoomIn;
              nextZoom = now + 500;
            }
          } else if (now > nextZoom) {
            try {
              zoomIn ? window.timeline.zoomIn() : window.timeline.zoomOut();
            } catch {}
            zoomIn = !zoomIn;
            nextZoom = now + 500;
          }
          if (now < end) requestAnimationFrame(tick);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    { widget },
  );
  if (widget === 'timelinejs') {
    // Pan TimelineJS's navigator the way a reader does: by dragging it.
    await p.mouse.move(box.x, box.y);
    await p.mouse.down();
    for (let i = 0; i < 60; i++) {
      await p.mouse.move(box.x - (i % 30) * 15, box.y, { steps: 2 });
      await p.waitForTimeout(40);
    }
    await p.mouse.up();
  }
  const deltas = await collect;
  const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / 16.7) - 1), 0);
  return { p95: pct(deltas, 0.95), dropped, frames: deltas.length };
}

async function memory(p, widget) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = widget === 'newsline' ? await p.evaluate(() => window.Newsline.stats().wasmBytes) : 0;
  return { jsHeap: usedSize, wasm, total: usedSize + wasm };
}

// ---------- sizes ----------
async function sizes() {
  const pack = (buf) => ({
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  const sum = (list) => list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const ours = {};
  for (const name of ['newsline.js', 'newsline-app.js', 'newsline-app_bg.wasm', 'newsline.css']) ours[name] = pack(await readFile(join(DIST, name)));
  const theirs = { 'timeline.js': pack(await readFile(join(TL, 'js', 'timeline.js'))), 'timeline.css': pack(await readFile(join(TL, 'css', 'timeline.css'))) };
  const story = pack(Buffer.from(JSON.stringify(defaultStory)));
  return { newsline: { files: ours, total: sum(Object.values(ours)) }, timelinejs: { files: theirs, total: sum(Object.values(theirs)) }, defaultStory: story };
}

// ---------- the prerendered story ----------
/** A fragment's stylesheet by absolute path: the bench's pages are not at the bundle's root. */
const rootAssets = (fragment) => fragment.replace(/(<link [^>]*href=")[^"]*newsline\.css"/, '$1/newsline.css"');
/** The built-in story as `make dist` prerendered it into index.html (found as tests/e2e/prerender.test.mjs finds it). */
async function builtInFragment() {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  return rootAssets(index.match(/<div data-newsline[^>]*>[\s\S]*?<\/section>\s*<\/div>/)[0]);
}

/**
 * First paints of the built-in story at the top of the page, in view, for each of `variants` (name: page
 * path), in turn from run to run: first contentful paint, largest contentful paint, readable, interactive.
 */
async function measurePaint(variants, runs) {
  const names = Object.keys(variants);
  const got = Object.fromEntries(names.map((n) => [n, { t: [], drawn: [], readable: [], fcp: [], lcp: [] }]));
  for (let run = 0; run < runs; run++) {
    for (const name of [...names.slice(run % names.length), ...names.slice(0, run % names.length)]) {
      const r = await loadTime(null, null, 45000, variants[name]);
      if (r.p) await r.p.context().close();
      for (const k of Object.keys(got[name])) got[name][k].push(r.t === null ? null : (r[k] ?? null));
      process.stdout.write(r.t === null ? 'T' : '.');
    }
  }
  const out = {};
  for (const [name, g] of Object.entries(got)) {
    out[name] = {
      fcp: summary(g.fcp), lcp: summary(g.lcp), readable: summary(g.readable), interactive: summary(g.t), drawn: summary(g.drawn),
      runs: g.t.length, timeouts: timeouts(g.t), limitMs: 45000,
      times: { fcp: g.fcp.map((x) => round(x)), readable: g.readable.map((x) => round(x)) },
    };
  }
  console.log(`\nfirst paint: ${names.map((n) => `${n} ${out[n].fcp} ms`).join('; ')}`);
  return out;
}

/**
 * The reader scrolls to the widget of an article page (`path`): what the page downloaded before (after its
 * load event and 1 s without scrolling; every response's encoded bytes as the network reports them, headers
 * included, by file), and from the scroll (the page's own clock, as it scrolls) to `newsline:ready`, the end
 * of the frame after it, and the swap of the prerendered story for the widget (`data-newsline-live`).
 */
async function scrollToWidget(path, timeout) {
  const p = await page();
  const cdp = await p.context().newCDPSession(p);
  const names = new Map();
  const before = {};
  const after = {};
  let into = before;
  cdp.on('Network.requestWillBeSent', (e) => names.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on('Network.loadingFinished', (e) => {
    const file = names.get(e.requestId) ?? '?';
    into[file] = (into[file] ?? 0) + e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  const { ready, timer } = readyOnConsole(p, timeout);
  try {
    await p.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout });
    await p.waitForTimeout(1000);
    into = after;
    // A widget ready before the reader scrolled started too early: counted, as a fault of the page's loading.
    const early = await p.evaluate(() => window.__ready !== undefined || window.__compiled !== undefined);
    await p.evaluate(() => {
      window.__scrolled = performance.now();
      document.querySelector('[data-newsline]').scrollIntoView({ block: 'start' });
    });
    await ready;
    clearTimeout(timer);
    const marks = await p.evaluate(async () => {
      const until = performance.now() + 10000;
      while (window.__drawn === undefined && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
      const since = (t) => (t === undefined ? null : t - window.__scrolled);
      return { ready: since(window.__ready), drawn: since(window.__drawn), live: since(window.__live), compiled: since(window.__compiled) };
    });
    await p.context().close();
    return { ...marks, early, before, after };
  } catch {
    clearTimeout(timer);
    await p.context().close().catch(() => {});
    return { ready: null, drawn: null, live: null, compiled: null, early: false, before, after };
  }
}

/** Per file, the median of the bytes of the runs that fetched it; and the median total. */
function bytesByFile(runs) {
  const files = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  const byFile = Object.fromEntries(files.map((f) => [f, median(runs.map((r) => r[f] ?? 0))]));
  return { files: byFile, total: median(runs.map((r) => Object.values(r).reduce((a, b) => a + b, 0))) };
}

/** Scrolls to the widget of each article page in `stories` ({ story: { variant: path } }), variants in turn. */
async function measureTakeOver(stories, runs) {
  const out = {};
  for (const [label, variants] of Object.entries(stories)) {
    const names = Object.keys(variants);
    const got = Object.fromEntries(names.map((n) => [n, []]));
    for (let run = 0; run < runs; run++) {
      for (const name of run % 2 ? [...names].reverse() : names) {
        const r = await scrollToWidget(variants[name], 45000);
        got[name].push(r);
        process.stdout.write(r.ready === null ? 'T' : '.');
      }
    }
    out[label] = {};
    for (const [name, rs] of Object.entries(got)) {
      const of = (k) => rs.map((r) => r[k]);
      out[label][name] = {
        ready: summary(of('ready')), drawn: summary(of('drawn')), live: summary(of('live')), compiled: summary(of('compiled')),
        runs: rs.length, timeouts: timeouts(of('ready')), limitMs: 45000,
        startedBeforeScroll: rs.filter((r) => r.early).length,
        times: of('ready').map((x) => round(x)),
        before: bytesByFile(of('before')), afterScroll: bytesByFile(of('after')),
      };
    }
    console.log(`\ntake-over, ${label}: ${names.map((n) => `${n} ${out[label][n].ready} ms`).join('; ')}`);
  }
  return out;
}

/** A fragment's size, raw and gzip -9, and that of its story data block. */
function fragmentSize(fragment, events) {
  const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
  const block = fragment.match(/data-newsline-story>([\s\S]*?)<\/script>/)[1];
  return { events, raw: Buffer.byteLength(fragment), gzip: gz(fragment), data: { raw: Buffer.byteLength(block), gzip: gz(block) } };
}

/** `render_fragment`'s figures (medians, ms) from the host benchmarks' table, when `make bench` ran them. */
async function nativeRender() {
  let text;
  try {
    text = await readFile(join(ROOT, 'target', 'bench-core.txt'), 'utf8');
  } catch {
    return null;
  }
  const unit = { ns: 1e-6, µs: 1e-3, ms: 1, s: 1000 };
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('render_fragment'));
  if (at < 0) return null;
  const out = {};
  for (const line of lines.slice(at + 1)) {
    const m = line.match(/[├╰]─ (\d+)\s+([\d.]+) (\S+)\s+│\s+([\d.]+) (\S+)\s+│\s+([\d.]+) (\S+)/);
    if (!m) break;
    out[m[1]] = { fastest: round(m[2] * unit[m[3]], 2), slowest: round(m[4] * unit[m[5]], 2), median: round(m[6] * unit[m[7]], 2) };
  }
  return out;
}

/** The prerendered part, on the machine as it is and on the phone profile. */
async function measurePrerender() {
  const builtIn = await builtInFragment();
  // A 1,000-event story prerendered by the CLI from the same generated file the widget reads without it.
  files.set('spread-1000.json', story(1000, 'spread'));
  const source = join(ROOT, 'target', 'bench-spread-1000.json');
  await writeFile(source, files.get('spread-1000.json'));
  const big = cli('render', source, '--assets', '/').trim();
  const live = (src) => `<div data-newsline data-load="visible" data-src="${src}"></div>`;
  benchPages.set('/bench/paint/prerendered.html', () => newslinePage(null, { fragment: builtIn, paint: true }));
  benchPages.set('/bench/paint/live.html', () => newslinePage('/data/baghdad-talks-2007.json', { paint: true }));
  benchPages.set('/bench/paint/timelinejs.html', (origin) => tlPage('/bench/data/default.json', origin, { paint: true }));
  benchPages.set('/bench/paint/floor.html', () => floorPage(builtIn));
  benchPages.set('/bench/article/default-prerendered.html', () => articlePage(builtIn));
  benchPages.set('/bench/article/default-live.html', () => articlePage(live('/data/baghdad-talks-2007.json')));
  benchPages.set('/bench/article/1000-prerendered.html', () => articlePage(big));
  benchPages.set('/bench/article/1000-live.html', () => articlePage(live('/bench/data/spread-1000.json')));
  const paintPages = { prerendered: '/bench/paint/prerendered.html', live: '/bench/paint/live.html', timelinejs: '/bench/paint/timelinejs.html', floor: '/bench/paint/floor.html' };
  const articles = {
    'default story': { prerendered: '/bench/article/default-prerendered.html', live: '/bench/article/default-live.html' },
    '1000 spread': { prerendered: '/bench/article/1000-prerendered.html', live: '/bench/article/1000-live.html' },
  };
  const runs = QUICK ? 3 : Math.max(RUNS, 9);
  const out = { date: new Date().toISOString().slice(0, 10), chromium: browser.version(), firstPaint: {}, takeOver: {} };
  for (const [name, p] of [['desktop', null], ['phone', PHONE]]) {
    profile = p;
    gzipFiles = p !== null;
    gzipped.clear();
    await warmUp();
    out.firstPaint[name] = await measurePaint(paintPages, runs);
    out.takeOver[name] = await measureTakeOver(articles, QUICK ? 3 : Math.min(RUNS, 5));
  }
  profile = null;
  gzipFiles = false;
  gzipped.clear();
  out.fragment = { builtIn: fragmentSize(builtIn, defaultStory.events.length), spread1000: fragmentSize(big, 1000) };
  out.native = await nativeRender();
  return out;
}

// ---------- run ----------
const SIZES = QUICK ? [100, 1000] : [100, 1000, 10000, 50000];
const results = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, date: new Date().toISOString().slice(0, 10), runs: RUNS, chromium: browser.version(), sizes: await sizes(), load: {}, selection: {}, click: {}, frames: {}, memory: {} };

/** The host's CLI (`make bench` builds it first). */
const cli = (...argv) => execFileSync(join(ROOT, 'target', 'debug', 'newsline'), argv, { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 }).toString();
const tjsDefault = JSON.parse(cli('convert', join(ROOT, 'www', 'data', 'baghdad-talks-2007.json'), '--to', 'timelinejs'));
files.set('default.json', JSON.stringify(tjsDefault));

/** Load times of both widgets for one story, into `into[label]`. */
async function measureLoad(label, src, n, into = results.load, runsWanted = RUNS) {
  const times = { newsline: [], timelinejs: [] };
  const drawn = { newsline: [], timelinejs: [] };
  const readable = { newsline: [], timelinejs: [] };
  const timeout = n >= 50000 ? 90000 : 45000;
  // Small stories load in a fraction of a second and vary the most from load to load: more runs of them.
  const runs = n < 1000 ? Math.max(runsWanted, 9) : runsWanted;
  const tlRuns = n >= 50000 ? 1 : n >= 10000 ? Math.min(runsWanted, 3) : runs;
  for (let run = 0; run < runs; run++) {
    for (const widget of run % 2 ? ['timelinejs', 'newsline'] : ['newsline', 'timelinejs']) {
      if (widget === 'timelinejs' && run >= tlRuns) continue;
      // The default story: Newsline's built-in copy and TimelineJS3 reading the same story converted.
      const s = widget === 'newsline' && label === 'default story' ? null : src;
      const { t, drawn: d, readable: r, p } = await loadTime(widget, s, timeout);
      if (p) await p.context().close();
      times[widget].push(t);
      drawn[widget].push(d ?? null);
      readable[widget].push(r ?? null);
      process.stdout.write(t === null ? 'T' : '.');
    }
  }
  console.log(`\n${label}: Newsline ${times.newsline.join(', ')} ms; TimelineJS3 ${times.timelinejs.join(', ')} ms`);
  into[label] = {
    newsline: summary(times.newsline),
    timelinejs: summary(times.timelinejs),
    drawn: { newsline: summary(drawn.newsline), timelinejs: summary(drawn.timelinejs) },
    readable: { newsline: summary(readable.newsline), timelinejs: summary(readable.timelinejs) },
    runs: { newsline: times.newsline.length, timelinejs: times.timelinejs.length },
    // Loads that did not finish within the limit: counted, not medians.
    timeouts: { newsline: timeouts(times.newsline), timelinejs: timeouts(times.timelinejs), limitMs: timeout },
    // Every run, in the order measured: how far apart they are matters as much as the median.
    times: { newsline: times.newsline.map((t) => round(t)), timelinejs: times.timelinejs.map((t) => round(t)) },
  };
}

// One load of each widget first, not counted: the browser's first page is slower for whoever comes first.
async function warmUp() {
  for (const widget of ['newsline', 'timelinejs']) {
    const { p } = await loadTime(widget, widget === 'newsline' ? null : '/bench/data/default.json', 45000);
    if (p) await p.context().close();
  }
}
files.set('spread-100.json', story(100, 'spread'));
if (!PHONE_ONLY && !PRERENDER_ONLY) {
  await warmUp();
  await measureLoad('default story', '/bench/data/default.json', 8);
  for (const n of SIZES) {
    for (const kind of ['spread', 'clustered']) {
      const name = `${kind}-${n}.json`;
      files.set(name, story(n, kind));
      await measureLoad(`${n} ${kind}`, `/bench/data/${name}`, n);
    }
  }
  for (const n of QUICK ? [1000] : [1000, 10000]) {
    for (const widget of ['newsline', 'timelinejs']) {
      // A peer too slow for this machine is recorded as missing, and the run goes on.
      try {
        const { p } = await loadTime(widget, `/bench/data/spread-${n}.json`, 90000);
        if (!p) {
          process.stdout.write('T');
          continue;
        }
        const steps = n >= 10000 && widget === 'timelinejs' ? 10 : 40;
        const stats = (xs) => ({ p50: round(pct(xs, 0.5)), p95: round(pct(xs, 0.95)) });
        const lat = await selectionLatency(widget, p, steps);
        results.selection[`${n}`] = { ...(results.selection[`${n}`] ?? {}), [widget]: { ...stats(lat.frame), update: stats(lat.update) } };
        const click = await selectionLatency(widget, p, steps, 'click');
        results.click[`${n}`] = { ...(results.click[`${n}`] ?? {}), [widget]: { ...stats(click.frame), update: stats(click.update) } };
        if (n === (QUICK ? 1000 : 10000)) {
          results.frames[`${n}`] = { ...(results.frames[`${n}`] ?? {}), [widget]: await frames(widget, p) };
          results.memory[`${n}`] = { ...(results.memory[`${n}`] ?? {}), [widget]: await memory(p, widget) };
        }
        await p.context().close();
        process.stdout.write('.');
      } catch (e) {
        console.log(`\n${widget} at ${n} events: ${e.message.split('\n')[0]} (recorded as missing)`);
      }
    }
  }
}

// The phone profile: the small stories on a slow network and CPU, every file gzipped.
if (!PRERENDER_ONLY) {
  profile = PHONE;
  gzipFiles = true;
  results.phone = { profile: PHONE, load: {} };
  await warmUp();
  await measureLoad('default story', '/bench/data/default.json', 8, results.phone.load, Math.min(RUNS, 5));
  await measureLoad('100 spread', '/bench/data/spread-100.json', 100, results.phone.load, Math.min(RUNS, 5));
  profile = null;
  gzipFiles = false;
}
if (!PHONE_ONLY) results.prerender = await measurePrerender();

results.foreignRequestsBlocked = foreign;
// The prerendered part alone goes into the committed figures of the last whole run, replacing only its own.
if (PRERENDER_ONLY) {
  const last = JSON.parse(await readFile(join(ROOT, 'bench', 'results.json'), 'utf8'));
  Object.assign(results, { ...last, prerender: results.prerender, foreignRequestsBlocked: (last.foreignRequestsBlocked ?? 0) + foreign });
}
await browser.close();
await server.close();

// ---------- report ----------
const ratio = (a, b) => (a == null || b == null || b === 0 ? '—' : `${round(a / b, 2)}×`);
const ms = (x) => (x == null ? 'timed out' : `${x} ms`);
/** A median, with how many loads timed out when some did. */
const msOf = (r, widget) => {
  const out = r[widget] == null ? `timed out (> ${round((r.timeouts?.limitMs ?? 0) / 1000, 0)} s)` : `${r[widget]} ms`;
  const late = r.timeouts?.[widget] ?? 0;
  return late > 0 && r[widget] != null ? `${out} (${late} of ${r.runs[widget]} timed out)` : out;
};
const kb = (b) => `${round(b / 1024, 1)} KB`;
const lines = [];
lines.push('# Benchmarks: Newsline and TimelineJS3', '');
lines.push(`Measured ${results.date} on ${results.machine}, headless Chromium ${results.chromium} at 1200×800, both widgets served from 127.0.0.1 (TimelineJS3 3.9.11 from npm). Load times are medians of ${results.runs} alternating runs (9 for the default story and 100 events; TimelineJS3: 3 at 10,000 events and 1 at 50,000), after one uncounted load of each widget. Reproduce with \`make bench\`; raw figures in \`bench/results.json\`.`, '');
lines.push('## Download size', '', '| | raw | gzip -9 | brotli |', '| --- | ---: | ---: | ---: |');
const sz = results.sizes;
lines.push(`| Newsline (wasm + JS + CSS) | ${sz.newsline.total.raw} | ${sz.newsline.total.gzip} | ${sz.newsline.total.brotli} |`);
lines.push(`| TimelineJS3 (timeline.js + timeline.css) | ${sz.timelinejs.total.raw} | ${sz.timelinejs.total.gzip} | ${sz.timelinejs.total.brotli} |`);
lines.push(`| ratio Newsline / TimelineJS3 | ${ratio(sz.newsline.total.raw, sz.timelinejs.total.raw)} | ${ratio(sz.newsline.total.gzip, sz.timelinejs.total.gzip)} | ${ratio(sz.newsline.total.brotli, sz.timelinejs.total.brotli)} |`);
lines.push(`| default story JSON | ${sz.defaultStory.raw} | ${sz.defaultStory.gzip} | ${sz.defaultStory.brotli} |`, '');
for (const [name, s] of Object.entries(sz.newsline.files)) lines.push(`- \`${name}\`: ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli`);
lines.push('', '## Time to interactive', '');
lines.push('*Interactive*: from navigation start until the widget says it is ready, its DOM built and taking input (Newsline: `newsline:ready`; TimelineJS3: `loaded`). *Drawn*: until the end of the first frame after that, when the reader sees it.', '');
lines.push('| story | Newsline | TimelineJS3 | ratio | Newsline drawn | TimelineJS3 drawn | ratio drawn |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, r] of Object.entries(results.load)) {
  lines.push(`| ${label} | ${msOf(r, 'newsline')} | ${msOf(r, 'timelinejs')} | ${ratio(r.newsline, r.timelinejs)} | ${ms(r.drawn?.newsline)} | ${ms(r.drawn?.timelinejs)} | ${ratio(r.drawn?.newsline, r.drawn?.timelinejs)} |`);
}
lines.push('', 'Fastest and slowest of the runs (interactive), to show how far apart they are:', '');
lines.push('| story | Newsline | TimelineJS3 |', '| --- | ---: | ---: |');
const spread = (xs) => (!xs?.length || xs.some((x) => x === null) ? '—' : `${Math.min(...xs)}–${Math.max(...xs)} ms`);
for (const [label, r] of Object.entries(results.load)) lines.push(`| ${label} | ${spread(r.times?.newsline)} | ${spread(r.times?.timelinejs)} |`);
if (results.phone) {
  const ph = results.phone.profile;
  lines.push('', '## On a phone', '');
  lines.push(`The small stories loaded as a reader on a phone would: ${ph.downloadKbps / 1000} Mbps down, ${ph.latencyMs} ms round trip, the CPU slowed ${ph.cpuSlowdown}× (DevTools emulation), a 390 px wide touch screen, every file sent gzipped (-9). *Readable*: until the end of the first frame that shows an event's headline, however it got there. Medians of ${results.phone.load['default story']?.runs?.newsline ?? '—'} alternating runs.`, '');
  lines.push('| story | Newsline readable | TimelineJS3 readable | ratio | Newsline interactive | TimelineJS3 interactive | ratio |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, r] of Object.entries(results.phone.load)) {
    lines.push(`| ${label} | ${ms(r.readable?.newsline)} | ${ms(r.readable?.timelinejs)} | ${ratio(r.readable?.newsline, r.readable?.timelinejs)} | ${msOf(r, 'newsline')} | ${msOf(r, 'timelinejs')} | ${ratio(r.newsline, r.timelinejs)} |`);
  }
}
lines.push('', '## Selection change (next/previous)', '');
lines.push('*Update*: from the click until the page shows the new event (Newsline: its DOM changed; TimelineJS3: its `change` event). *To next frame*: until the frame after that has been produced, which adds the wait for the display\'s next refresh (up to 16.7 ms at 60 Hz) however little the work.', '');
lines.push('| events | Newsline update p50 / p95 | Newsline to next frame p50 / p95 | TimelineJS3 update p50 / p95 | TimelineJS3 to next frame p50 / p95 | ratio p95 (to next frame) |', '| --- | ---: | ---: | ---: | ---: | ---: |');
const latencyRow = (n, r) => `| ${n} | ${r.newsline?.update?.p50} / ${r.newsline?.update?.p95} ms | ${r.newsline?.p50} / ${r.newsline?.p95} ms | ${r.timelinejs?.update?.p50} / ${r.timelinejs?.update?.p95} ms | ${r.timelinejs?.p50} / ${r.timelinejs?.p95} ms | ${ratio(r.newsline?.p95, r.timelinejs?.p95)} |`;
for (const [n, r] of Object.entries(results.selection)) lines.push(latencyRow(n, r));
lines.push('', '## Selection change (a click on a marker)', '');
lines.push('The marker of the neighbouring event on the axis is clicked (TimelineJS3: its time marker), measured as above.', '');
lines.push('| events | Newsline update p50 / p95 | Newsline to next frame p50 / p95 | TimelineJS3 update p50 / p95 | TimelineJS3 to next frame p50 / p95 | ratio p95 (to next frame) |', '| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [n, r] of Object.entries(results.click)) lines.push(latencyRow(n, r));
lines.push('', '## Zooming and panning for 3 s', '');
lines.push('Newsline: its strip scrolled 40 px a frame, its zoom buttons pressed in turn every 0.5 s (a story at the minimum spacing throughout, as here, offers no zooming in: zoom out opens the overview of the whole story and zoom in closes it again). TimelineJS3: its navigator dragged, and zoomed in and out through its API every 0.5 s.', '');
lines.push('| events | Newsline p95 frame, dropped | TimelineJS3 p95 frame, dropped |', '| --- | ---: | ---: |');
for (const [n, r] of Object.entries(results.frames)) lines.push(`| ${n} | ${round(r.newsline?.p95)} ms, ${r.newsline?.dropped} | ${round(r.timelinejs?.p95)} ms, ${r.timelinejs?.dropped} |`);
lines.push('', '## Memory after load', '', '| events | Newsline JS heap + wasm | TimelineJS3 JS heap | ratio |', '| --- | ---: | ---: | ---: |');
for (const [n, r] of Object.entries(results.memory)) lines.push(`| ${n} | ${kb(r.newsline?.jsHeap)} + ${kb(r.newsline?.wasm)} = ${kb(r.newsline?.total)} | ${kb(r.timelinejs?.total)} | ${ratio(r.newsline?.total, r.timelinejs?.total)} |`);
const pre = results.prerender;
if (pre) {
  const PROFILES = { desktop: 'At 1200×800', phone: 'On the phone profile' };
  lines.push('', '## Prerendered story', '');
  lines.push(`Measured ${pre.date}, Chromium ${pre.chromium}; \`node bench/run.mjs --prerender-only\` measures this part alone. A prerendered widget (\`newsline render\`, issue 14) carries its story as HTML: the text is painted from the page itself, before and without any of the widget's code, and the code (the wasm and its JS glue, about 160 KB gzip) is fetched only as the reader nears the widget. The built-in story's fragment is the one \`make dist\` wrote into \`index.html\`; the 1,000-event one is \`newsline render\` of the generated file the widget otherwise downloads. Pages alone on their origin, the same pages and profiles as above; medians, the variants in turn from run to run.`, '');
  lines.push('### First paint of the story\'s text', '');
  lines.push('The built-in story at the top of the page, in view, nothing else on the page that paints. *First contentful paint* and *largest contentful paint* as Chromium reports them (`paint`, `largest-contentful-paint`, buffered); *readable*: the end of the first frame with an event\'s headline in the page; *interactive*: `newsline:ready` or TimelineJS3\'s `loaded`. All from navigation start. Without prerender, Newsline\'s widget downloads the story file as before. *Floor*: the prerendered story\'s HTML alone, without its stylesheet or any script: what painting any page of that size costs here (its connection and round trips on the phone), so the difference from it is what the stylesheet and the widget add. In view at load, the prerendered widget is interactive somewhat later than the widget without prerender (its reader has had the text for a second by then): the page carries the story\'s HTML and data (5.5 KB gzip more), which arrive before newsline.js is requested at the end of the page.', '');
  for (const [name, label] of Object.entries(PROFILES)) {
    const fp = pre.firstPaint?.[name];
    if (!fp) continue;
    lines.push(`${label} (medians of ${fp.prerendered.runs} runs):`, '');
    lines.push('| | Newsline prerendered | Newsline without prerender | TimelineJS3 | prerendered / TimelineJS3 | floor: the HTML alone |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [key, what] of [['fcp', 'first contentful paint'], ['lcp', 'largest contentful paint'], ['readable', 'readable'], ['interactive', 'interactive']]) {
      // A page that timed out has no figures; one that loaded may still have had no such paint reported.
      const m = (v) => (v[key] != null ? `${v[key]} ms` : v.timeouts === v.runs ? 'timed out' : 'not reported');
      const floor = key === 'interactive' ? '—' : fp.floor ? m(fp.floor) : '—';
      lines.push(`| ${what} | ${m(fp.prerendered)} | ${m(fp.live)} | ${m(fp.timelinejs)} | ${ratio(fp.prerendered[key], fp.timelinejs[key])} | ${floor} |`);
    }
    const late = Object.entries(fp).filter(([, v]) => v.timeouts > 0);
    if (late.length) lines.push('', `Timed out (over ${fp.prerendered.limitMs / 1000} s): ${late.map(([k, v]) => `${k} ${v.timeouts} of ${v.runs}`).join(', ')}.`);
    // The target of issue 14: the prerendered text painted in at most a quarter of the time TimelineJS3
    // takes to paint its first text of the story (its first headline: what it paints before is a loading screen).
    const r = fp.prerendered.fcp != null && fp.timelinejs.readable ? fp.prerendered.fcp / fp.timelinejs.readable : null;
    lines.push('', `Target, the prerendered text painted in at most a quarter of TimelineJS3's time to its first text of the story: ${ms(fp.prerendered.fcp)} (first contentful paint) against ${ms(fp.timelinejs.readable)} (TimelineJS3 readable), ${r == null ? '—' : `${round(r, 2)}×`}: ${r == null ? 'not measured' : r <= 0.25 ? 'met' : 'not met'}.`, '');
  }
  lines.push('### Before the reader scrolls', '');
  lines.push('An article with the widget two and a half viewports down (filler paragraphs before and after it). Every response\'s bytes as the network reports them (`Network.loadingFinished`, encoded: gzip, headers included) after the page\'s load and 1 s without scrolling; then the bytes the scroll to the widget brought. Without prerender the widget is given `data-load="visible"`, so it too waits for the reader.', '');
  for (const [name, label] of Object.entries(PROFILES)) {
    const to = pre.takeOver?.[name];
    if (!to) continue;
    const cols = Object.entries(to).flatMap(([story, v]) => Object.entries(v).map(([variant, r]) => [`${story}, ${variant === 'live' ? 'without prerender' : 'prerendered'}`, r]));
    const files = [...new Set(cols.flatMap(([, r]) => Object.keys(r.before.files)))].sort();
    lines.push(`${label}, bytes before the scroll:`, '');
    lines.push(`| file | ${cols.map(([c]) => c).join(' | ')} |`, `| --- |${cols.map(() => ' ---: |').join('')}`);
    for (const f of files) lines.push(`| \`${f}\` | ${cols.map(([, r]) => (r.before.files[f] == null ? '—' : r.before.files[f])).join(' | ')} |`);
    // The article page and its icon are the host page's; the rest is the widget's.
    const hosts = (f) => f.startsWith('/bench/') || f === '/favicon.svg';
    const page = (r) => Object.entries(r.before.files).filter(([f]) => hosts(f)).reduce((t, [, b]) => t + b, 0);
    lines.push(`| all before the scroll | ${cols.map(([, r]) => r.before.total).join(' | ')} |`);
    lines.push(`| of which the widget's (all but the article page and its icon) | ${cols.map(([, r]) => r.before.total - page(r)).join(' | ')} |`);
    lines.push(`| brought by the scroll | ${cols.map(([, r]) => r.afterScroll.total).join(' | ')} |`);
    const early = cols.filter(([, r]) => r.startedBeforeScroll > 0 || Object.keys(r.before.files).some((f) => /newsline-app/.test(f)));
    if (early.length) lines.push('', `The widget's code was fetched before the scroll in: ${early.map(([c, r]) => `${c} (${r.startedBeforeScroll} of ${r.runs} ready before it)`).join(', ')}.`);
    if (name === 'phone') {
      const r = to['default story']?.prerendered;
      if (r) {
        const widget = r.before.total - page(r);
        // The target is the files' gzip size, as the budget counts every download; the wire adds headers.
        const fetched = Object.keys(r.before.files).filter((f) => !hosts(f));
        const content = fetched.reduce((t, f) => t + (results.sizes.newsline.files[f.slice(1)]?.gzip ?? Infinity), 0);
        const onlyOurs = fetched.every((f) => /^\/newsline\.(js|css)$/.test(f));
        lines.push('', `Target, on the phone with the built-in story prerendered, only \`newsline.js\` and the stylesheet before the scroll, under 8 KB gzip in all: ${fetched.map((f) => `\`${f}\``).join(', ')}, ${content} B gzip -9 (${kb(content)}; ${widget} B on the wire, response headers included): ${content < 8192 && onlyOurs ? 'met' : 'not met'}.`);
      }
    }
    lines.push('');
  }
  lines.push('### Take-over: from the scroll to interactive', '');
  lines.push('The same article pages. Clocked in the page from the moment it scrolls the widget into view (newsline.js starts a widget within about a viewport of view, so the start is that scroll) to `newsline:ready` (*interactive*), to the end of the frame after it (*drawn*), and, prerendered, to newsline.js swapping the prerendered story for the widget (`data-newsline-live`). Without prerender the widget downloads its story too; prerendered, it reads it from the page.', '');
  lines.push('*Code compiled*: until the widget\'s code has been downloaded and compiled (`Newsline.ready`); the rest of the time to interactive is the widget reading its story and drawing it.', '');
  lines.push('| profile | story | prerendered: code compiled | interactive | drawn | swapped | without prerender: code compiled | interactive | drawn | ratio (interactive) |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, label] of Object.entries(PROFILES)) {
    for (const [story, v] of Object.entries(pre.takeOver?.[name] ?? {})) {
      const tm = (r) => (r.ready == null ? `timed out (> ${r.limitMs / 1000} s)` : `${r.ready} ms${r.timeouts ? ` (${r.timeouts} of ${r.runs} timed out)` : ''}`);
      lines.push(`| ${label.replace(/^At |^On the /, '')} | ${story} | ${ms(v.prerendered.compiled)} | ${tm(v.prerendered)} | ${ms(v.prerendered.drawn)} | ${ms(v.prerendered.live)} | ${ms(v.live.compiled)} | ${tm(v.live)} | ${ms(v.live.drawn)} | ${ratio(v.prerendered.ready, v.live.ready)} |`);
    }
  }
  lines.push('', `Medians of ${pre.takeOver?.desktop?.['default story']?.prerendered?.runs ?? '—'} runs of each.`, '');
  lines.push('### Fragment size', '');
  lines.push('`newsline render`\'s output: the stylesheet link, the story\'s data block (the JSON the widget takes over from) and its HTML. gzip -9. The generated events differ only in their numbers, so they compress far better than real ones: read the built-in story\'s figure per event for real stories.', '');
  lines.push('| fragment | raw | gzip | data block raw (share) | data block gzip (share of the fragment\'s gzip) | per event raw / gzip |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  const pct100 = (a, b) => `${Math.round((100 * a) / b)} %`;
  for (const [label, f] of [['built-in story', pre.fragment.builtIn], ['generated', pre.fragment.spread1000]]) {
    lines.push(`| ${label}, ${f.events.toLocaleString('en')} events | ${f.raw} | ${f.gzip} | ${f.data.raw} (${pct100(f.data.raw, f.raw)}) | ${f.data.gzip} (${pct100(f.data.gzip, f.gzip)}) | ${round(f.raw / f.events, 0)} / ${round(f.gzip / f.events, 0)} B |`);
  }
  lines.push('');
  if (pre.native) {
    const n = pre.native;
    lines.push('### Rendering the fragment natively', '');
    lines.push(`\`render_fragment\` in \`cargo bench --bench core\` (the checked story to the fragment, Yew's server-side rendering): ${Object.entries(n).map(([k, v]) => `${k} events ${v.median} ms (${v.fastest}–${v.slowest})`).join(', ')}. Target, under 1 s at 10,000 events: ${n['10000'] ? (n['10000'].median < 1000 ? 'met' : 'not met') : 'not measured'}.`, '');
  }
}
lines.push('', `Requests to other origins blocked during the run: ${results.foreignRequestsBlocked}.`, '');
// The host micro-benchmarks of the pure core, when `make bench` ran them first.
try {
  const core = await readFile(join(ROOT, 'target', 'bench-core.txt'), 'utf8');
  lines.push('## The pure core on the host (`cargo bench --bench core`, divan)', '');
  lines.push('The steps between the story\'s text arriving and the first render, natively. The widget runs the same code as WebAssembly, several times slower on a first load: Chromium runs it in its baseline compiler at first (at 10,000 events, read here in about 14 ms, the widget\'s reading takes 55 to 110 ms and its first render about 25 ms more). Generated TimelineJS stories as above.', '');
  lines.push('```', core.trim(), '```', '');
} catch {}
// Decisions taken on figures measured apart (bench/decisions.md) are kept with the figures.
try {
  lines.push((await readFile(join(ROOT, 'bench', 'decisions.md'), 'utf8')).trim(), '');
} catch {}
// A run of the phone profile alone only prints: the committed figures are those of whole runs (and of the
// prerendered part, which the other figures do not depend on).
if (!PHONE_ONLY) {
  await writeFile(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
}
console.log('\n' + lines.join('\n'));
