// make bench: Newsline and TimelineJS3 side by side, on the same generated TimelineJS-format files, in
// Debian's Chromium at 1200×800. Writes bench/results.json and BENCHMARKS.md.
//
//   node bench/run.mjs [--runs 5] [--quick] [--phone-only]
//
// Both widgets are served from 127.0.0.1 (TimelineJS3 from its npm package, never its CDN); any request to
// another origin is blocked and counted. Runs alternate between the widgets; load times are medians.
// A load that does not finish in time is recorded as a timeout, never ends the run.
// The phone profile loads the small stories again as a reader on a phone would: 1.6 Mbps down, 150 ms round
// trip, the CPU slowed 4×, every file gzipped.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';
import os from 'node:os';
import { serve, launch, DIST, ROOT } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const QUICK = args.includes('--quick');
const PHONE_ONLY = args.includes('--phone-only');
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
const newslinePage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsline</title>
<link rel="icon" href="/favicon.svg"></head><body style="margin:0">
<script>${READABLE('.nl-card-headline')}</script>
<div data-newsline data-hash="off" ${src ? `data-src="${src}"` : ''}></div>
<script>document.addEventListener('newsline:ready', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); }, { once: true });</script>
<script type="module" src="/newsline.js"></script></body></html>`;
const tlPage = (src, origin) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/tl/css/timeline.css"></head><body style="margin:0">
<script>${READABLE('.tl-headline')}</script>
<div id="tl" style="width:1200px;height:800px"></div>
<script src="/tl/js/timeline.js"></script>
<script>
  window.timeline = new TL.Timeline('tl', ${JSON.stringify(origin + src)}, { script_path: ${JSON.stringify(origin + '/tl/js/')}, hash_bookmark: false, language: 'en' });
  window.timeline.on('loaded', () => { window.__ready = performance.now(); ${DRAWN} console.log('bench:ready'); });
</script></body></html>`;

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

/**
 * Time from navigation start to interactive, drawn and readable, in ms. `{ t: null }` when the widget did not
 * get there within `timeout` ms (a timeout, recorded as such), whatever the page did: a slow peer never
 * ends the run.
 */
async function loadTime(widget, src, timeout) {
  const p = await page();
  const path = widget === 'newsline' ? '/bench/newsline.html' : '/bench/tl.html';
  // The page says when it is ready on its console: polling it from here would run scripts in the page,
  // on the main thread both widgets need, while they load.
  let timer;
  const ready = new Promise((resolve, reject) => {
    p.on('console', (m) => m.text() === 'bench:ready' && resolve());
    timer = setTimeout(() => reject(new Error('timeout')), timeout);
  });
  ready.catch(() => {});
  try {
    // Only the navigation's start is awaited: the page's load event can come long after (or, for a widget
    // that blocks the main thread for longer than Playwright's own limit, never in time).
    await p.goto(`${server.origin}${path}${src ? `?src=${encodeURIComponent(src)}` : ''}`, { waitUntil: 'commit', timeout });
    await ready;
    clearTimeout(timer);
    // Interactive: the widget says it is ready (its DOM built, input accepted); drawn: the frame after that.
    const [t, drawn, readable] = await p.evaluate(async () => {
      const until = performance.now() + 10000;
      while ((window.__drawn === undefined || window.__readable === undefined) && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 5));
      }
      return [Math.max(window.__ready, 0), window.__drawn ?? null, window.__readable ?? null];
    });
    return { t, drawn, readable, p };
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

// ---------- run ----------
const SIZES = QUICK ? [100, 1000] : [100, 1000, 10000, 50000];
const results = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, date: new Date().toISOString().slice(0, 10), runs: RUNS, chromium: browser.version(), sizes: await sizes(), load: {}, selection: {}, click: {}, frames: {}, memory: {} };

const tjsDefault = JSON.parse(await (async () => {
  const { execFileSync } = await import('node:child_process');
  return execFileSync(join(ROOT, 'target', 'debug', 'newsline'), ['convert', join(ROOT, 'www', 'data', 'baghdad-talks-2007.json'), '--to', 'timelinejs'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
})());
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
  // The median of the loads that finished; a widget none of whose loads finished has none.
  const summary = (xs) => (xs.every((x) => x === null) ? null : round(median(xs.filter((x) => x !== null))));
  const timeouts = (xs) => xs.filter((x) => x === null).length;
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
if (!PHONE_ONLY) {
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
profile = PHONE;
gzipFiles = true;
results.phone = { profile: PHONE, load: {} };
await warmUp();
await measureLoad('default story', '/bench/data/default.json', 8, results.phone.load, Math.min(RUNS, 5));
await measureLoad('100 spread', '/bench/data/spread-100.json', 100, results.phone.load, Math.min(RUNS, 5));
profile = null;
gzipFiles = false;

results.foreignRequestsBlocked = foreign;
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
lines.push(`Measured ${results.date} on ${results.machine}, headless Chromium ${results.chromium} at 1200×800, both widgets served from 127.0.0.1 (TimelineJS3 3.9.11 from npm). Load times are medians of ${RUNS} alternating runs (9 for the default story and 100 events; TimelineJS3: 3 at 10,000 events and 1 at 50,000), after one uncounted load of each widget. Reproduce with \`make bench\`; raw figures in \`bench/results.json\`.`, '');
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
lines.push('', `Requests to other origins blocked during the run: ${foreign}.`, '');
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
// A run of the phone profile alone only prints: the committed figures are those of whole runs.
if (!PHONE_ONLY) {
  await writeFile(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
}
console.log('\n' + lines.join('\n'));
