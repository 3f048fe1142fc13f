// Right to left, end to end: the Persian and Arabic stories on a host element that says dir="rtl" (the
// widget inherits it; a story's own `lang` sets it too), at 1280 and 360 px. Time runs from the right; the
// arrows follow the screen; Next keeps its meaning and its arrow points left; a long strip starts scrolled
// to the right and scrolls to the open event; the list reads from the right; axe-core finds nothing. And, in
// either direction, story text of the other direction keeps its own order, and a stray direction override in
// a field cannot reorder what is around it. Screenshots in target/screenshots/rtl-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, launch, watchedPage, settle, axeViolations, SCREENSHOTS } from './harness.mjs';

const STORIES = { fa: '/data/baghdad-talks-2007.fa.json', ar: '/data/baghdad-talks-2007.ar.json' };
const RLO = '\u202E';

/** Three hundred years, one event a year: zoomed in, a strip many screens long. */
const LONG = {
  title: 'سیصد سال',
  events: Array.from({ length: 300 }, (_, i) => ({ id: `e${i + 1}`, date: { year: 1701 + i }, headline: `رویداد ${i + 1}` })),
};

/** An English story with a Persian speaker, and direction overrides left open in a headline, a place and a
 * speaker's name. */
const MIXED = {
  title: 'Mixed directions',
  events: [
    {
      id: 'talks',
      date: '2007-05-28T10:30',
      headline: `Talks ${RLO}open in Baghdad`,
      place: `Baghdad${RLO} Green Zone`,
      statements: [
        { id: 'fm', speaker: 'منوچهر متکی', role: 'Foreign minister of Iran', kind: 'quote', text: 'An immediate pullout is the best way.' },
        { id: 'rc', speaker: `Ryan ${RLO}Crocker`, role: 'U.S. ambassador', kind: 'paraphrase', text: 'Both sides agreed on broad principles.' },
        { id: 'q', speaker: 'Ryan Crocker', kind: 'quote', text: `This is about ${RLO}actions now` },
      ],
    },
    { id: 'later', date: '2007-05-29', headline: 'The day after' },
  ],
};

const json = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

let server;
let browser;
before(async () => {
  server = await serve(undefined, {
    routes: {
      '/rtl/long.json': json(LONG),
      '/rtl/mixed.json': json(MIXED),
      // The host element carries the direction and the language, as an embedder's page would; `start`: the
      // event opened first.
      '/rtl/page.html': (req, res) => {
        const q = new URL(req.url, 'http://x').searchParams;
        const dir = q.get('dir') ? ` dir="${q.get('dir')}" lang="${q.get('lang')}"` : '';
        const start = q.get('start') ? ` data-start="${q.get('start')}"` : '';
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1"><title>Right to left</title>
          <link rel="icon" href="/favicon.svg"></head><body><main><h1>A story page</h1>
          <div data-newsline data-hash="off" data-src="${q.get('src')}"${start}${dir}></div></main>
          <script type="module" src="/newsline.js"></script></body></html>`);
      },
    },
  });
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(src, { width = 1280, height = 900, dir = 'rtl', lang = 'fa', start } = {}) {
  const watched = await watchedPage(browser, server.origin, { width, height });
  const q = new URLSearchParams({ src, ...(dir ? { dir, lang } : {}), ...(start ? { start } : {}) });
  await watched.page.goto(`${server.origin}/rtl/page.html?${q}`);
  await watched.page.locator('.nl-card').waitFor();
  await settle(watched.page);
  return watched;
}

function noFaults(faults) {
  assert.deepEqual([faults.errors, faults.console, faults.foreign], [[], [], []]);
}

async function axe(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe-core violations: ${state}`);
}

/** The open event's place in the story, from 1: the selected marker's, or the open list item's. */
const openAt = (page) =>
  page.evaluate(() => Number(document.querySelector('[aria-current="true"]').closest('[aria-posinset]').getAttribute('aria-posinset')));

/** Where each drawn marker sits on the axis (its dot's centre), by its place in the story. */
const markerXs = (page) =>
  page.locator('.nl-marker-item').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('aria-posinset'), li.getBoundingClientRect().left])),
  );

/**
 * Which way the arrow glyph of `locator` points on screen, read from its pixels: a chevron's tip is the ink
 * in its middle rows, further to one side than the ink of its top and bottom rows.
 */
async function pointing(page, locator) {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data, width, height } = g.getImageData(0, 0, img.width, img.height);
    const ink = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) ink.push([x, y]);
      }
    }
    const ys = ink.map(([, y]) => y);
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
    const band = (from, to) => {
      const xs = ink.filter(([, y]) => y >= top + from * (bottom - top) && y <= top + to * (bottom - top)).map(([x]) => x);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const middle = band(0.4, 0.6);
    const ends = (band(0, 0.2) + band(0.8, 1)) / 2;
    return Math.abs(middle - ends) < 0.5 ? 'unclear' : middle < ends ? 'left' : 'right';
  }, png);
}

/** Positions of the characters of the first text node in `selector` matching `text`, from the first. */
const charXs = (page, selector, text) =>
  page.evaluate(
    ([selector, text]) => {
      const el = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        return [...text].map((_, k) => {
          const range = document.createRange();
          range.setStart(node, at + k);
          range.setEnd(node, at + k + 1);
          const r = range.getBoundingClientRect();
          return r.left + r.width / 2;
        });
      }
      return null;
    },
    [selector, text],
  );

const increasing = (xs) => xs.every((x, k) => k === 0 || x > xs[k - 1]);
const decreasing = (xs) => xs.every((x, k) => k === 0 || x < xs[k - 1]);

for (const [lang, src] of Object.entries(STORIES)) {
  test(`${lang} at 1280 px: time runs from the right, the arrows follow the screen, Next keeps its meaning`, async () => {
    const { page, faults } = await open(src, { lang });
    const widget = page.locator('.newsline');
    assert.equal(await widget.evaluate((w) => getComputedStyle(w).direction), 'rtl');
    assert.equal(await openAt(page), 1, 'the story opens at its first event');

    // The earliest event at the right, each later one further left; each flag runs leftwards from its marker.
    const xs = await markerXs(page);
    const order = Object.keys(xs).map(Number).sort((a, b) => a - b);
    assert.equal(order.length, 8, 'every event is on the axis at zoom 1');
    assert.ok(xs[1] > xs[8], `the earliest marker (${xs[1]}) is right of the latest (${xs[8]})`);
    assert.ok(decreasing(order.map((k) => xs[k]).filter((x, k, all) => k === 0 || x !== all[k - 1])), `later is further left: ${JSON.stringify(xs)}`);
    const flag = await page.locator('.nl-marker-item[aria-posinset="1"]').evaluate((li) => {
      const [item, button] = [li.getBoundingClientRect(), li.querySelector('.nl-marker').getBoundingClientRect()];
      return { right: button.right - item.left, left: button.left - item.left };
    });
    assert.ok(Math.abs(flag.right) <= 1 && flag.left < -100, `the flag runs leftwards from its marker: ${JSON.stringify(flag)}`);
    // The axis break between 1979 and 2007 lies between their markers, and the strip starts at the right.
    const breakX = await page.locator('.nl-break').evaluate((b) => b.getBoundingClientRect().left);
    assert.ok(breakX < xs[1] && breakX > xs[2], `the break (${breakX}) lies between the first two events`);
    const nav = await page.locator('.nl-nav').evaluate((n) => ({ scroll: n.scrollLeft, right: n.getBoundingClientRect().right }));
    assert.equal(nav.scroll, 0);
    assert.ok(nav.right - xs[1] < 200, 'the first event is near the strip\'s right end');
    // The card's source, in the story's words around the report's English ones: each English field keeps its
    // own order, and the fields follow one another from the right (publisher, title, author, dateline).
    const cited = [];
    for (const field of ['VOA', 'US, Iran', 'Barry Newhouse', 'Irbil']) {
      const xs = await charXs(page, '.newsline .nl-card-source', field);
      assert.ok(increasing(xs), `"${field}" reads left to right inside the citation: ${xs}`);
      cited.push(xs[0]);
    }
    assert.ok(decreasing(cited), `the citation's fields run from the right: ${cited}`);
    await axe(page, `${lang}, first view`);
    await page.screenshot({ path: join(SCREENSHOTS, `rtl-${lang}-1280.png`), fullPage: true });

    // Previous at the right pointing right, Next at the left pointing left; Next opens the later event.
    const [prev, next] = [page.locator('.nl-prev'), page.locator('.nl-next')];
    const [prevBox, nextBox] = [await prev.boundingBox(), await next.boundingBox()];
    assert.ok(nextBox.x < prevBox.x, 'Next is left of Previous');
    assert.equal(await pointing(page, next.locator('[aria-hidden]')), 'left', "Next's arrow points left");
    assert.equal(await pointing(page, prev.locator('[aria-hidden]')), 'right', "Previous's arrow points right");
    await next.click();
    await settle(page);
    assert.equal(await openAt(page), 2, 'Next opens the later event');

    // The arrow keys follow the screen: left is later, right is earlier; down is later, up earlier.
    await page.locator('.nl-marker[aria-current="true"]').focus();
    for (const [key, at] of [['ArrowLeft', 3], ['ArrowLeft', 4], ['ArrowRight', 3], ['ArrowDown', 4], ['ArrowUp', 3], ['End', 8], ['Home', 1]]) {
      await page.keyboard.press(key);
      await settle(page);
      assert.equal(await openAt(page), at, `${key} opens event ${at}`);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true', 'focus follows');
    }
    // A statement opened, in the mirrored card.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    await page.locator('.newsline .nl-statement-toggle').first().click();
    await settle(page);
    await axe(page, `${lang}, a statement open`);
    await page.screenshot({ path: join(SCREENSHOTS, `rtl-${lang}-1280-statement.png`), fullPage: true });
    noFaults(faults);
    await page.close();
  });

  test(`${lang} at 360 px: the list and its cards read from the right`, async () => {
    const { page, faults } = await open(src, { lang, width: 360, height: 740, start: 'talks-held' });
    const list = await page.locator('.nl-list').evaluate((l) => {
      const s = getComputedStyle(l);
      const box = l.getBoundingClientRect();
      const button = l.querySelector('.nl-item-button').getBoundingClientRect();
      const date = l.querySelector('.nl-item-button .nl-marker-date').getBoundingClientRect();
      const dot = getComputedStyle(l.querySelector('.nl-item'), '::before');
      return {
        line: [s.borderRightWidth, s.borderLeftWidth],
        buttonRight: box.right - button.right,
        dateAtRight: button.right - date.right,
        dateLeft: date.left - button.left,
        dot: [dot.right, dot.left],
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.deepEqual(list.line, ['2px', '0px'], 'the list\'s line runs down its right side');
    assert.ok(list.dateAtRight <= 12 && list.dateLeft > list.dateAtRight, `the date starts at the right: ${JSON.stringify(list)}`);
    assert.equal(list.dot[0], '-8px', 'the dots sit on the line at the right');
    assert.equal(list.overflow, 0, 'no sideways page scroll');
    const card = await page.locator('.newsline .nl-card').evaluate((c) => {
      const headline = c.querySelector('.nl-card-headline');
      const range = document.createRange();
      range.selectNodeContents(headline);
      const text = range.getClientRects()[0];
      return { direction: getComputedStyle(c).direction, gap: c.getBoundingClientRect().right - text.right };
    });
    assert.equal(card.direction, 'rtl');
    assert.ok(card.gap < 30, `the headline starts at the card's right: ${card.gap}`);
    // The statement's sign (+) is on the left, its speaker on the right.
    const toggle = await page.locator('.newsline .nl-statement-toggle').first().evaluate((t) => {
      const box = t.getBoundingClientRect();
      const sign = getComputedStyle(t, '::after');
      const speaker = t.querySelector('.nl-statement-speaker').getBoundingClientRect();
      return { sign: [sign.left, sign.right], speakerGap: box.right - speaker.right };
    });
    assert.equal(toggle.sign[0], '12px', 'the + is at the left');
    assert.ok(toggle.speakerGap <= 14, `the speaker starts at the right: ${toggle.speakerGap}`);
    await axe(page, `${lang}, 360 px`);
    await page.screenshot({ path: join(SCREENSHOTS, `rtl-${lang}-360.png`), fullPage: true });
    // Down and left are later here too; up and right earlier.
    await page.locator('.nl-item-button[aria-current="true"]').focus();
    const at = await openAt(page);
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    assert.equal(await openAt(page), at + 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await settle(page);
    assert.equal(await openAt(page), at - 1);
    noFaults(faults);
    await page.close();
  });
}

test('a long strip right to left starts at the right, scrolls to the open event and draws what is scrolled to', async () => {
  const { page, faults } = await open('/rtl/long.json');
  const nav = page.locator('.nl-nav');
  // Zoomed in until the strip is several screens long.
  for (let i = 0; i < 4 && (await nav.evaluate((n) => n.scrollWidth < 4 * n.clientWidth)); i++) {
    await page.locator('.nl-zoom-in').click();
    await settle(page);
  }
  const first = await nav.evaluate((n) => ({ scroll: n.scrollLeft, wide: n.scrollWidth / n.clientWidth }));
  assert.ok(first.wide >= 4, `a long strip: ${first.wide} screens`);
  assert.equal(first.scroll, 0, 'it starts at the right, where time starts');
  const inView = (selector) =>
    nav.evaluate((n, selector) => {
      const view = n.getBoundingClientRect();
      const el = n.querySelector(selector);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.left >= view.left - 1 && box.right <= view.right + 1;
    }, selector);
  assert.ok(await inView('.nl-marker[aria-current="true"]'), 'the first event is in view');
  await axe(page, 'a long strip zoomed in, right to left');

  // End opens the last event: the strip scrolls leftwards (negative scrollLeft) to show it.
  await page.locator('.nl-marker[aria-current="true"]').focus();
  await page.keyboard.press('End');
  await settle(page);
  assert.equal(await openAt(page), 300);
  const end = await nav.evaluate((n) => ({ scroll: n.scrollLeft, max: n.scrollWidth - n.clientWidth }));
  assert.ok(end.scroll < -0.9 * end.max, `scrolled to the left end: ${JSON.stringify(end)}`);
  assert.ok(await inView('.nl-marker[aria-current="true"]'), 'the last event is in view');
  // The right arrow goes back to the earlier event, and the strip follows.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await openAt(page), 299);
  assert.ok(await inView('.nl-marker[aria-current="true"]'));
  await page.screenshot({ path: join(SCREENSHOTS, 'rtl-long-zoomed.png') });

  // The reader scrolls the strip by hand to its middle: the markers there are drawn (only what is near the
  // view is in the DOM, counted from the right).
  await nav.evaluate((n) => (n.scrollLeft = -(n.scrollWidth - n.clientWidth) / 2));
  await settle(page);
  const drawn = await nav.evaluate((n) => {
    const view = n.getBoundingClientRect();
    return [...n.querySelectorAll('.nl-marker')].filter((m) => {
      const b = m.getBoundingClientRect();
      return b.right > view.left && b.left < view.right;
    }).length;
  });
  assert.ok(drawn >= 3, `markers are drawn where the strip was scrolled to: ${drawn}`);
  // And Home goes back to the start, at the right.
  await page.locator('.nl-marker[aria-current="true"]').focus();
  await page.keyboard.press('Home');
  await settle(page);
  assert.equal(await nav.evaluate((n) => n.scrollLeft), 0);

  // Zoomed out to the overview: its groups run from the right too, and the left arrow opens the later one.
  while ((await page.locator('.nl-overview').count()) === 0) {
    await page.locator('.nl-zoom-out').click();
    await settle(page);
  }
  const groups = await page.locator('.nl-group').evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().left));
  assert.ok(groups.length > 3 && decreasing(groups), `the groups run from the right: ${groups}`);
  await page.locator('.nl-group[aria-current="true"]').focus();
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  const second = await page.evaluate(() => [...document.querySelectorAll('.nl-group')].indexOf(document.activeElement));
  assert.equal(second, 1, 'the left arrow goes to the second group');
  await axe(page, 'the overview, right to left');
  await page.screenshot({ path: join(SCREENSHOTS, 'rtl-long-overview.png') });
  noFaults(faults);
  await page.close();
});

for (const [lang, src] of Object.entries(STORIES)) test(`${lang}: the story's own lang, with nothing on the host, lays the widget out right to left`, async () => {
  const { page, faults } = await open(src, { dir: null });
  const root = await page.locator('.newsline').evaluate((w) => [w.getAttribute('dir'), getComputedStyle(w).direction]);
  assert.deepEqual(root, ['rtl', 'rtl'], 'the root carries dir="rtl"');
  const xs = await markerXs(page);
  assert.ok(xs[1] > xs[8], 'the earliest marker at the right');
  assert.equal(await pointing(page, page.locator('.nl-next [aria-hidden]')), 'left', "Next's arrow points left");
  assert.equal(await pointing(page, page.locator('.nl-prev [aria-hidden]')), 'right', "Previous's arrow points right");
  noFaults(faults);
  await page.close();
});

test('left to right, nothing of this changes: the arrows, the icons and the strip as before', async () => {
  const { page, faults } = await open('/data/baghdad-talks-2007.json', { dir: null });
  const xs = await markerXs(page);
  assert.ok(xs[1] < xs[8], 'the earliest marker is at the left');
  assert.equal(await pointing(page, page.locator('.nl-next [aria-hidden]')), 'right');
  assert.equal(await pointing(page, page.locator('.nl-prev [aria-hidden]')), 'left');
  await page.locator('.nl-marker[aria-current="true"]').focus();
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await openAt(page), 2, 'the right arrow is later');
  noFaults(faults);
  await page.close();
});

test('story text keeps its own direction, and a stray override cannot reorder the labels around it', async () => {
  for (const dir of [null, 'rtl']) {
    const { page, faults } = await open('/rtl/mixed.json', { dir, lang: 'fa' });
    const rtl = dir === 'rtl';
    const before = rtl ? decreasing : increasing;
    // Every element that holds story text is a bidirectional isolate.
    const isolation = await page.evaluate(() =>
      [
        '.nl-title', '.nl-marker-date', '.nl-marker-time', '.nl-marker-headline', '.nl-card-date', '.nl-card-place',
        '.nl-card-headline', '.nl-statement-speaker', '.nl-statement-gist',
      ].map((s) => [s, getComputedStyle(document.querySelector(`.newsline ${s}`)).unicodeBidi]),
    );
    for (const [s, value] of isolation) assert.match(value, /isolate|plaintext/, `${s}: ${value}`);

    // The Persian speaker's name reads from the right inside an English card, and stays before its label
    // ("Quote") in the card's direction.
    const name = await charXs(page, '.newsline .nl-statement-speaker', 'منوچهر');
    assert.ok(decreasing(name), `the Persian name runs right to left: ${name}`);
    const [speaker, kind] = await page.locator('.newsline .nl-statement-toggle').first().evaluate((t) =>
      ['.nl-statement-speaker', '.nl-statement-kind'].map((s) => t.querySelector(s).getBoundingClientRect().left),
    );
    assert.ok(before([speaker, kind]), 'the speaker, then the kind of statement');

    // The headline's override stays in it: the marker's time comes first, the card's date before its place.
    const marker = await page.locator('.newsline .nl-marker[aria-current="true"]').evaluate((m) => {
      const time = m.querySelector('.nl-marker-time').getBoundingClientRect();
      const range = document.createRange();
      const text = m.querySelector('.nl-marker-headline').lastChild;
      range.setStart(text, text.data.indexOf('Talks'));
      range.setEnd(text, text.data.indexOf('Talks') + 5);
      const talks = range.getBoundingClientRect();
      return [time.left + time.width / 2, talks.left + talks.width / 2];
    });
    assert.ok(before(marker), `the time, then the headline: ${marker}`);
    const meta = await page.locator('.newsline .nl-card-meta').evaluate((m) =>
      ['.nl-card-date', '.nl-card-place'].map((s) => m.querySelector(s).getBoundingClientRect().left),
    );
    assert.ok(before(meta), `the date, then the place: ${meta}`);
    const words = await charXs(page, '.newsline .nl-card-headline', 'Talks');
    assert.ok(increasing(words), 'the headline\'s words before the override keep their order');

    // A quote's words with an override left open: the closing mark still ends the quote.
    const quote = await page.locator('.newsline .nl-statement-gist').nth(2).evaluate((g) => {
      const node = g.firstChild;
      const at = (k) => {
        const range = document.createRange();
        range.setStart(node, k);
        range.setEnd(node, k + 1);
        const r = range.getBoundingClientRect();
        return r.left + r.width / 2;
      };
      return { close: at(node.data.length - 1), words: [...node.data.matchAll(/[a-z]/g)].map((m) => at(m.index)) };
    });
    const ends = rtl ? quote.close < Math.min(...quote.words) : quote.close > Math.max(...quote.words);
    assert.ok(ends, `the closing mark ends the quote: ${JSON.stringify(quote)}`);

    // A speaker's name with an override left open: the role after it keeps its order.
    await page.locator('.newsline .nl-statement-toggle').nth(1).click();
    await settle(page);
    const role = await charXs(page, '.newsline .nl-statement-who', 'U.S. ambassador');
    assert.ok(increasing(role), `the role after the name reads as written: ${role}`);
    await axe(page, `mixed directions${rtl ? ', right to left' : ''}`);
    await page.screenshot({ path: join(SCREENSHOTS, `rtl-mixed${rtl ? '-rtl' : ''}.png`), fullPage: true });
    noFaults(faults);
    await page.close();
  }
});
