// End to end: embedding in news pages. Several widgets, the JS API and its events, widgets added later,
// destroy() leaving nothing behind, every download failure and Retry, the iframe, a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, SCREENSHOTS, LIVE_CARD } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
let healthy = false;
const story = await readFile(join(DIST, 'data', 'baghdad-talks-2007.json'), 'utf8');
const flaky = (fail) => (req, res) => (healthy ? json(res, story) : fail(req, res));
const json = (res, body, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};
/** A story of 5,000 events, about a megabyte. */
const BIG = JSON.stringify({
  title: 'Five thousand events',
  events: Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, date: `${1950 + Math.floor(i / 100)}-01-01`, sequence: i, headline: `Event ${i}: something happened`, body: 'What happened, in a sentence or two of ordinary length for a news timeline card.' })),
});
const routes = {
  '/fault/404': flaky((req, res) => json(res, 'missing', 404)),
  '/fault/500': flaky((req, res) => json(res, 'oops', 500)),
  '/fault/drop': flaky((req, res) => req.socket.destroy()),
  '/fault/hang': flaky(() => {}),
  '/fault/not-json': flaky((req, res) => json(res, '{"title": "Half a story", "events": [')),
  '/fault/invalid': flaky((req, res) => json(res, '{"title": "T", "events": [{"id": "x", "date": "2007-13-01"}]}')),
  '/fault/html': flaky((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Page not found</title><h1>Sorry</h1>');
  }),
  '/fault/redirect': flaky((req, res) => {
    res.writeHead(302, { location: `${other.origin}/data/baghdad-talks-2007.json` });
    res.end();
  }),
  '/fault/half': flaky((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(story.length) });
    res.write(story.slice(0, 1000));
    setTimeout(() => req.socket.destroy(), 50);
  }),
  '/fault/trickle': flaky((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    let i = 0;
    const timer = setInterval(() => (i < story.length ? res.write(story[i++]) : res.end()), 100);
    res.on('close', () => clearInterval(timer));
  }),
  '/slow': (req, res) => setTimeout(() => json(res, story), 1500),
  // A story saved in another encoding: é as the single byte 0xE9, which is not UTF-8; and a byte-order mark.
  '/latin1.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('", "events": [{"id": "a", "date": "2007-05-28", "headline": "Talks"}]}'),
    ]));
  },
  '/control/heal': (req, res) => {
    healthy = true;
    json(res, '{}');
  },
  '/control/break': (req, res) => {
    healthy = false;
    json(res, '{}');
  },
  '/big.json': (req, res) => json(res, BIG),
  '/big.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>big</title><link rel="icon" href="/favicon.svg"></head><body>' +
      '<div data-newsline data-hash="off" data-src="/big.json"></div><script type="module" src="/newsline.js"></script></body></html>');
  },
  '/html-page': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Page not found</title><h1>Sorry</h1>');
  },
  '/two-stories.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    res.end('<!doctype html><html lang="en"><head><title>two</title><link rel="icon" href="/favicon.svg"></head><body>' +
      '<div id="good" data-newsline data-hash="off"></div><div id="bad" data-newsline data-src="/html-page"></div>' +
      '<script type="module" src="/newsline.js"></script></body></html>');
  },
  '/bare.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>bare</title><link rel="icon" href="/favicon.svg"></head><body></body></html>');
  },
  '/blank-no-csp.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>blank</title><link rel="icon" href="/favicon.svg"></head><body>' +
      '<div id="slot"></div><script type="module" src="/newsline.js"></script></body></html>');
  },
  '/blank.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    res.end('<!doctype html><html lang="en"><head><title>blank</title></head><body><input id="host-input">' +
      '<div id="slot"></div><link rel="icon" href="/favicon.svg"><script type="module" src="/newsline.js"></script></body></html>');
  },
};

let server;
let browser;
let other;
before(async () => {
  // A second origin, which allows any site to read it (as a permissive CDN would).
  other = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  server = await serve(DIST, { routes, headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': CSP } : {}) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

/** A page with the CSP violations it reports collected in window.__violations. */
async function open(path, viewport = { width: 1280, height: 900 }) {
  const watched = await watchedPage(browser, server.origin, viewport);
  await watched.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await watched.page.goto(`${server.origin}${path}`);
  await watched.page.evaluate(() => window.Newsline?.ready);
  return watched;
}

test('two widgets on an article page mount, act independently, and ignore keys typed in the page', async () => {
  const { page, faults } = await open('/demo/article.html');
  const main = page.locator('#timeline-main');
  const second = page.locator('#timeline-positions');
  await second.locator('.nl-card').waitFor();
  await main.locator('.nl-card').waitFor();
  await second.locator('.nl-next').click();
  assert.equal(await second.locator('.nl-position').textContent(), '2 of 3');
  assert.equal(await main.locator('.nl-position').textContent(), '1 of 8');
  await page.locator('#site-search').focus();
  await page.keyboard.type('iran');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  assert.equal(await page.locator('#site-search').inputValue(), 'iran');
  assert.equal(await main.locator('.nl-position').textContent(), '1 of 8');
  assert.equal(await second.locator('.nl-position').textContent(), '2 of 3');
  // With two widgets, neither writes the URL hash.
  assert.equal(await page.evaluate(() => location.hash), '');
  // Host styles (h2 in capitals and red, padded round buttons) do not reach inside.
  const title = await main.locator('.nl-title').evaluate((e) => getComputedStyle(e).textTransform);
  assert.equal(title, 'none');
  const next = await main.locator('.nl-next').evaluate((e) => getComputedStyle(e).borderRadius);
  assert.equal(next, '4px');
  // Nothing inside a widget reaches past its edge (long one-line statement gists are cut, not spilled).
  for (const id of ['#timeline-main', '#timeline-positions']) {
    const spill = await page.locator(id).evaluate((root) => {
      const edge = root.querySelector('.newsline').getBoundingClientRect().right;
      return [...root.querySelectorAll('.nl-card *')].filter((e) => e.getBoundingClientRect().right > edge + 0.5).length;
    });
    assert.equal(spill, 0, `${id}: elements spill past the widget`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'article-1280.png'), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('the JS API mounts, steers and reports through DOM events; a widget added later mounts by itself', async () => {
  const { page } = await open('/blank.html');
  const events = await page.evaluate(async () => {
    const seen = [];
    const slot = document.getElementById('slot');
    for (const type of ['newsline:ready', 'newsline:select', 'newsline:toggle']) {
      document.addEventListener(type, (e) => seen.push([type, JSON.stringify(e.detail)]));
    }
    const handle = window.Newsline.mount(slot, { start: 'talks-held', hash: false });
    await new Promise((r) => document.addEventListener('newsline:ready', r, { once: true }));
    await handle.next();
    await handle.select('talks-open');
    await handle.expandAll();
    await new Promise((r) => setTimeout(r, 50));
    return seen;
  });
  assert.deepEqual(events, [
    ['newsline:ready', '{"selected":"talks-held","events":8}'],
    ['newsline:select', '{"id":"news-conference"}'],
    ['newsline:select', '{"id":"talks-open"}'],
    ['newsline:toggle', '{"statement":"maliki-common-ground","expanded":true}'],
    ['newsline:toggle', '{"statement":"maliki-principal-party","expanded":true}'],
  ]);
  assert.equal(await page.locator('#slot .nl-card-headline').textContent(), 'Prime Minister Nouri al-Maliki opens the talks in Baghdad');

  await page.evaluate(() => {
    const late = document.createElement('div');
    late.setAttribute('data-newsline', '');
    late.setAttribute('data-start', 'baghdad-bombing');
    late.id = 'late';
    document.body.append(late);
  });
  await page.locator('#late .nl-card-headline').waitFor();
  assert.equal(await page.locator('#late .nl-card-headline').textContent(), 'Bomb blast in Baghdad kills at least 19');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
});

test('the story downloads once, while the code compiles; options of the wrong type are refused by name', async () => {
  const { page } = await open('/bare.html');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.origin}/blank-no-csp.html`);
  const events = await page.evaluate(async () => {
    await window.Newsline.ready;
    const ready = new Promise((r) => document.addEventListener('newsline:ready', (e) => r(e.detail), { once: true }));
    window.Newsline.mount(document.getElementById('slot'), { hash: false });
    return (await ready).events;
  });
  assert.equal(events, 8);
  assert.equal(requests.filter((p) => p === '/data/baghdad-talks-2007.json').length, 1, requests.join(' '));
  const refused = await page.evaluate(async () => {
    const bad = document.createElement('div');
    document.body.append(bad);
    return window.Newsline.mount(bad, { height: 'tall' }).mounted.then(() => 'mounted', (e) => String(e.message ?? e));
  });
  assert.match(refused, /Newsline\.mount: the options are not valid: "height" must be a whole number from 0 up/);
});

test('destroy() leaves no listeners behind, over 200 mounts', async () => {
  const { page } = await open('/blank.html');
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: '[window, document, document.documentElement, document.body].map((t) => Object.values(getEventListeners(t)).flat().length).reduce((a, b) => a + b, 0)',
      includeCommandLineAPI: true,
    });
    return result.value;
  };
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycle = (n) =>
    page.evaluate(async (n) => {
      const slot = document.getElementById('slot');
      for (let i = 0; i < n; i++) {
        const handle = window.Newsline.mount(slot, { hash: true });
        await new Promise((r) => slot.addEventListener('newsline:ready', r, { once: true }));
        await handle.next();
        await handle.destroy();
      }
      // Yew tears a component down on its next scheduler run: let it finish before counting.
      await new Promise((r) => setTimeout(r, 100));
      return slot.childElementCount;
    }, n);
  assert.equal(await cycle(5), 0, 'the element is empty after destroy');
  const [listeners0, heap0] = [await listeners(), await heap()];
  assert.equal(await cycle(200), 0);
  const [listeners1, heap1] = [await listeners(), await heap()];
  console.log(`listeners ${listeners0} -> ${listeners1}; JS heap ${heap0} -> ${heap1} bytes`);
  assert.equal(listeners1, listeners0);
  assert.ok(heap1 - heap0 < 1_000_000, `heap grew by ${heap1 - heap0} bytes`);
});

test('the only global is window.Newsline; data-height and data-theme apply', async () => {
  const bare = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await bare.page.goto(`${server.origin}/bare.html`);
  const before = new Set(await bare.page.evaluate(() => Object.getOwnPropertyNames(window)));
  const { page } = await open('/blank.html');
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((k) => !before.has(k));
  assert.deepEqual(added.filter((k) => k !== '__violations'), ['Newsline']);

  await page.evaluate(() => {
    const el = document.getElementById('slot');
    el.setAttribute('data-newsline', '');
    el.setAttribute('data-height', '320');
    el.setAttribute('data-theme', 'dark');
  });
  const root = page.locator('#slot .newsline');
  await root.locator('.nl-card').waitFor();
  const box = await root.evaluate((e) => ({ h: e.getBoundingClientRect().height, scroll: e.scrollHeight, bg: getComputedStyle(e).backgroundColor }));
  assert.equal(box.h, 320);
  assert.ok(box.scroll > 320, 'the content scrolls inside the fixed height');
  assert.equal(box.bg, 'rgb(22, 22, 26)', 'dark theme');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
});

test('dist/ works below any path prefix', async () => {
  const prefixed = await serve(DIST, { prefix: '/news/graphics/2007/' });
  try {
    const { page, faults } = await watchedPage(browser, prefixed.origin, { width: 1280, height: 900 });
    await page.goto(`${prefixed.origin}/news/graphics/2007/demo/article.html`);
    await page.locator('#timeline-positions .nl-card').waitFor();
    await page.locator('#timeline-main .nl-card').waitFor();
    assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
  } finally {
    await prefixed.close();
  }
});

test('a panic in one widget is contained: it says so, and the other widget keeps working', async () => {
  const { page } = await open('/blank.html');
  const logged = [];
  page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
  await page.evaluate(async () => {
    const slot = document.getElementById('slot');
    const a = document.createElement('div');
    const b = document.createElement('div');
    a.id = 'a';
    b.id = 'b';
    slot.append(a, b);
    window.__a = window.Newsline.mount(a, { hash: false });
    window.__b = window.Newsline.mount(b, { hash: false });
    await Promise.all([window.__a.mounted, window.__b.mounted]);
    window.__error = new Promise((r) => a.addEventListener('newsline:error', (e) => r(e.detail), { once: true }));
    await window.__a.panicForTesting();
  });
  const crashed = page.locator('#a .nl-crashed');
  await crashed.waitFor();
  assert.equal(await crashed.getAttribute('role'), 'alert');
  assert.match(await crashed.textContent(), /This timeline stopped working/);
  assert.equal(await crashed.locator('.nl-retry').textContent(), 'Retry');
  const detail = await page.evaluate(() => window.__error);
  assert.equal(detail.crashed, true);
  // The release wasm aborts at a panic without formatting its message (Makefile, RELEASE_WASM_ENV): the
  // reader sees the same panel, the page learns that the code failed, and the console says which widget.
  // (Built without rust-src, the wasm runs the panic hook, which gives the panic's message.)
  assert.match(detail.message, /stopped working after (a fault in its code \(RuntimeError: unreachable\)|an internal error: panicked at [^]*a panic requested by panicForTesting\(\))/);
  assert.ok(logged.some((t) => /Newsline: (This timeline stopped working after a fault in its code|the timeline stopped after an internal error)/.test(t)), logged.join('\n'));
  await page.locator('#b .nl-next').click();
  assert.equal(await page.locator('#b .nl-position').textContent(), '2 of 8');
  await page.locator('#b .nl-statement-toggle').first().click();
  assert.equal(await page.locator('#b .nl-statement-toggle').first().getAttribute('aria-expanded'), 'true');
  // A widget mounted after the crash works too.
  await page.evaluate(() => window.__a.destroy());
  await page.evaluate(() => window.Newsline.mount(document.getElementById('a'), { hash: false, start: 'talks-open' }).mounted);
  await page.locator('#a .nl-card').waitFor();
  assert.equal(await page.locator('#a .nl-position').textContent(), '3 of 8');
});

const FAULTS = [
  ['/fault/404', /The server answered 404 Not Found for \/fault\/404/],
  ['/fault/500', /The server answered 500 Internal Server Error for \/fault\/500/],
  ['/fault/drop', /The story could not be downloaded from \/fault\/drop/],
  ['/fault/hang', /The server took longer than 0.8 seconds to send \/fault\/hang/],
  ['/fault/not-json', /this is not valid JSON/],
  ['/fault/invalid', /events\[0\]\.date: 13 is not a month \(1-12\)/],
  ['/fault/html', /\/fault\/html is not a story file: the server sent "text\/html; charset=utf-8"/],
  // Without a CSP (which would block the other origin outright), as on a permissive page.
  ['/fault/redirect', /\/fault\/redirect redirected to another address, which the timeline does not follow/],
  ['/fault/half', /The story could not be downloaded from \/fault\/half|this is not valid JSON/],
  ['/fault/trickle', /The server took longer than 0.8 seconds to send \/fault\/trickle/],
];

test('a story over the size limit is refused with the limit named', async () => {
  const { page } = await open('/blank.html');
  await page.evaluate(() => window.Newsline.mount(document.getElementById('slot'), { src: '/data/baghdad-talks-2007.json', maxBytes: 1000, hash: false }));
  const panel = page.locator('#slot .nl-error');
  await panel.waitFor();
  // Counted as it arrives: the download stops once past the limit, whatever size the server announced.
  assert.match(await panel.textContent(), /is larger than this timeline accepts \(1,000 bytes at most\): the download was stopped after [\d,]+ bytes/);
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'few';
    el.setAttribute('data-newsline', '');
    el.setAttribute('data-max-events', '3');
    el.setAttribute('data-src', '/data/baghdad-talks-2007.json');
    document.body.append(el);
  });
  await page.locator('#few .nl-error').waitFor();
  assert.match(await page.locator('#few .nl-error').textContent(), /events: 8 events is more than this timeline accepts \(3 at most\)/);
});

test('text that is not UTF-8 is read as browsers read it, with U+FFFD in place of what cannot be decoded', async () => {
  const { page } = await open('/blank.html');
  await page.evaluate(() => window.Newsline.mount(document.getElementById('slot'), { src: '/latin1.json', hash: false }));
  await page.locator('#slot .nl-card-headline').waitFor();
  assert.equal(await page.locator('#slot .nl-title').textContent(), 'Caf\uFFFD');
});

for (const [url, message] of FAULTS) {
  test(`a failed load (${url}) explains itself, fires newsline:error, and Retry recovers`, async () => {
    await fetch(`${server.origin}/control/break`);
    // Every page has the strict CSP: a redirect to another site is not even requested.
    const { page } = await open('/blank.html');
    const detail = await page.evaluate(async (url) => {
      const slot = document.getElementById('slot');
      const error = new Promise((r) => slot.addEventListener('newsline:error', (e) => r(e.detail), { once: true }));
      window.Newsline.mount(slot, { src: url, timeout: 800, hash: false });
      return error;
    }, url);
    assert.ok(detail.message || detail.problems.length, 'newsline:error carries what went wrong');
    const panel = page.locator('#slot .nl-error');
    // Polite on load (the reader did nothing yet): a status, not an alert.
    assert.equal(await panel.locator('.nl-error-summary').getAttribute('role'), 'status', 'polite on load');
    assert.match(await panel.textContent(), message);
    await fetch(`${server.origin}/control/heal`);
    await panel.locator('.nl-retry').click();
    await page.locator('#slot .nl-card').waitFor();
    assert.equal(await page.locator('#slot .nl-position').textContent(), '1 of 8');
    await fetch(`${server.origin}/control/break`);
  });
}

test('a story that arrives before the code is drawn at once, with no loading frame, and checked as any download', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  // The code comes late (as on a slow connection with the story cached): the stories are in by then.
  await page.route('**/newsline-app_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__loadingSeen = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1 && n.matches('.nl-loading, :has(.nl-loading)')) window.__loadingSeen += 1;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.origin}/two-stories.html`);
  await page.locator('#good .nl-card').waitFor();
  assert.match(await page.locator('#bad .nl-error').textContent(), /\/html-page is not a story file: the server sent "text\/html; charset=utf-8"/);
  assert.equal(await page.locator('#good .nl-position').textContent(), '1 of 8');
  assert.equal(await page.evaluate(() => window.__loadingSeen), 0, 'no loading frame was drawn');
  assert.deepEqual(faults.errors, []);
});

test('the first frame that shows the markers shows them in place, under a strict CSP', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  // Checked just before the browser paints the first frame with markers in it: a widget that placed its
  // markers only after rendering would show them piled at the left for that frame.
  await page.addInitScript(() => {
    window.__firstFrame = null;
    new MutationObserver(() => {
      if (window.__firstFrame || !document.querySelector('#good .nl-marker-item')) return;
      window.__firstFrame = [];
      requestAnimationFrame(() => {
        for (const el of document.querySelectorAll('#good [data-x], #good [data-h]')) {
          const style = getComputedStyle(el);
          for (const [attribute, property] of [['data-x', 'left'], ['data-h', 'height']]) {
            const want = el.getAttribute(attribute);
            if (want !== null && parseFloat(style[property]) !== parseFloat(want)) {
              window.__firstFrame.push(`${el.className} ${property} ${style[property]} not ${want}px`);
            }
          }
        }
        window.__firstFrame.push('checked');
      });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.origin}/two-stories.html`);
  await page.waitForFunction(() => window.__firstFrame?.includes('checked'));
  assert.deepEqual(await page.evaluate(() => window.__firstFrame), ['checked']);
});

test('where CSS cannot place by attributes the widget places every marker itself; where it can, it writes no styles', async () => {
  const placed = (page) =>
    page.evaluate(() => {
      const wrong = [];
      let inline = 0;
      for (const el of document.querySelectorAll('#good [data-x], #good [data-w], #good [data-h], #good [data-y]')) {
        const style = getComputedStyle(el);
        // (data-x is written as the inline start, which is the left here.)
        for (const [attribute, property, written = property] of [['data-x', 'left', 'inset-inline-start'], ['data-w', 'width'], ['data-h', 'height'], ['data-y', 'bottom']]) {
          const want = el.getAttribute(attribute);
          if (want === null) continue;
          // (A width is a least width: the track is never narrower than its view.)
          const used = parseFloat(style[property]);
          if (property === 'width' ? used < parseFloat(want) : used !== parseFloat(want)) {
            wrong.push(`${el.className} ${property} ${style[property]} not ${want}px`);
          }
          if (el.style.getPropertyValue(written) !== '') inline += 1;
        }
      }
      return { wrong, inline, markers: document.querySelectorAll('#good .nl-marker').length };
    });
  // A browser without typed attr(): the stylesheet's @supports block is gone and CSS.supports says no.
  const css = (await readFile(join(DIST, 'newsline.css'), 'utf8')).replace(/@supports \(inset-inline-start: attr[^]*$/, '');
  assert.ok(!css.includes('attr('), 'the stylesheet served here places nothing from attributes');
  const { page: old, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await old.route('**/newsline.css', (route) => route.fulfill({ contentType: 'text/css', body: css }));
  await old.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...args) => (args.join(' ').includes('attr(') ? false : supports(...args));
  });
  await old.goto(`${server.origin}/two-stories.html`);
  await old.locator('#good .nl-card').waitFor();
  await old.locator('#good .nl-next').click();
  const before = await placed(old);
  assert.ok(before.markers > 5, 'markers are drawn');
  assert.deepEqual(before.wrong, [], 'every element sits where its attributes say, set through the CSSOM');
  assert.ok(before.inline > before.markers, 'the widget wrote the positions itself');
  assert.deepEqual(faults.errors, [], 'no error under the strict CSP');
  // This browser: CSS does it, and the widget leaves the styles alone after every render.
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/two-stories.html`);
  await page.locator('#good .nl-card').waitFor();
  await page.locator('#good .nl-next').click();
  const now = await placed(page);
  assert.deepEqual(now.wrong, []);
  assert.equal(now.inline, 0, 'no style written where the stylesheet places the elements');
});

test('once a story is read, the page keeps no second copy of its bytes', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/big.html`);
  await page.locator('.nl-card').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  let chunks = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => { chunks += e.chunk; });
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const { snapshot, nodes, strings } = JSON.parse(chunks);
  const fields = snapshot.meta.node_fields;
  const [name, size] = [fields.indexOf('name'), fields.indexOf('self_size')];
  const buffers = [];
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (strings[nodes[i + name]].includes('JSArrayBufferData')) buffers.push(nodes[i + size]);
  }
  assert.ok(buffers.length > 0, 'the snapshot lists array buffers (the widget\'s memory among them)');
  assert.ok(!buffers.includes(Buffer.byteLength(BIG)), `a buffer of the story's ${Buffer.byteLength(BIG)} bytes is still held`);
});

test('while the story downloads, a busy skeleton says so', async () => {
  const { page } = await open('/blank.html');
  await page.evaluate(() => window.Newsline.mount(document.getElementById('slot'), { src: '/slow', hash: false }));
  const loading = page.locator('#slot .nl-loading');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('aria-busy'), 'true');
  assert.equal(await loading.locator('.nl-loading-text').textContent(), 'Loading timeline…');
  await page.locator('#slot .nl-card').waitFor();
  assert.equal(await page.locator('#slot .nl-loading').count(), 0);
});

test('the iframe embed reports its height and the host snippet applies it', async () => {
  const { page, faults } = await open('/demo/iframe.html');
  const frame = page.frameLocator('#timeline-frame');
  await frame.locator(LIVE_CARD).waitFor();
  assert.equal(await frame.locator('.nl-card-headline').textContent(), 'Prime Minister Nouri al-Maliki opens the talks in Baghdad');
  await page.waitForFunction(() => {
    const f = document.getElementById('timeline-frame');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return Math.abs(f.getBoundingClientRect().height - Math.ceil(inner)) < 1 && inner > 400;
  });
  // Expanding statements makes the widget taller; the frame follows.
  const before = await page.locator('#timeline-frame').evaluate((f) => f.getBoundingClientRect().height);
  await frame.locator('.nl-expand-all').click();
  await page.waitForFunction((h) => document.getElementById('timeline-frame').getBoundingClientRect().height > h, before);
  await page.screenshot({ path: join(SCREENSHOTS, 'iframe-1280.png'), fullPage: true });
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('destroy() says whether it removed a widget: true, then false', async () => {
  const { page } = await open('/blank.html');
  const results = await page.evaluate(async () => {
    const slot = document.getElementById('slot');
    const handle = window.Newsline.mount(slot, { hash: false });
    await new Promise((r) => slot.addEventListener('newsline:ready', r, { once: true }));
    return [await handle.destroy(), await handle.destroy()];
  });
  assert.deepEqual(results, [true, false]);
});
