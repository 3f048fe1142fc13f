// The width sweep (issue 20): at every width from 320 to 1,400 px, for several stories, on the first view,
// after one zoom in (at the first and the last event) and in the overview, no two pieces of text the reader
// can see overlap, none is cut at the widget's edge, at the ends of the marker strip or by a box that hides
// what overflows it, and no label lies under a marker's flag or stem.
//
// One page a story; the widget's column is resized from width to width (the widget measures itself, as it
// does when a reader turns a tablet), and the state is taken back to zoom 1 between widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, settle, DIST, ROOT, SCREENSHOTS } from './harness.mjs';

/** 320 to 1,400 px in steps of 40, and a typical article column. */
const WIDTHS = [...Array.from({ length: 28 }, (_, k) => 320 + 40 * k), 644].sort((a, b) => a - b);

/** A TimelineJS story as newsrooms make them: 2024 dates to the day and the minute, two groups, two eras, a
 * range with a date of its own words, and dates either side of year 1 in another. */
function election() {
  const d = (year, month, day, hour, minute) => ({ year, month, day, hour, minute });
  const event = (start, headline, group, extra = {}) => ({ start_date: start, text: { headline, text: `<p>${headline}.</p>` }, group, ...extra });
  return {
    title: { text: { headline: 'The 2024 campaign' } },
    eras: [
      { start_date: d(2024, 1), end_date: d(2024, 6), text: { headline: 'Primaries' } },
      { start_date: d(2024, 7), end_date: d(2024, 11, 5), text: { headline: 'General election' } },
    ],
    events: [
      event(d(2024, 1, 10), 'Filing deadline for the first primaries', 'Politics'),
      event(d(2024, 3, 5), 'Super Tuesday', 'Politics'),
      event(d(2024, 3), 'Conventions of the state parties', 'History', {
        end_date: d(2024, 7),
        display_date: 'March to July 2024',
      }),
      event(d(2024, 4, 15, 19, 30), 'First town-hall debate', 'Politics'),
      event(d(2024, 7), 'National conventions', 'History'),
      event(d(2024, 9, 12, 19), 'Second debate', 'Politics'),
      event(d(2024, 11, 5), 'Election Day', undefined),
    ],
  };
}

function deepTime() {
  const events = [
    { id: 'founding', date: '-500', headline: 'A city is founded' },
    { id: 'bce', date: '-1', headline: 'The last year before the era' },
    { id: 'thousand', date: '1000', headline: 'A thousand years on' },
    { id: 'later', date: '1500', headline: 'Five hundred more' },
    { id: 'today-a', date: '2007-05-28', headline: 'One day in 2007' },
    { id: 'today-b', date: '2007-05-28', headline: 'The same day, later' },
  ];
  return { title: 'Deep time', events };
}

/** A thousand events a day apart, a third of them in one of four groups, one in forty lasting a fortnight. */
function thousand() {
  const day = (i) => new Date(Date.UTC(1990, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  const events = Array.from({ length: 1000 }, (_, i) => ({
    id: `e${i}`,
    date: day(i),
    headline: `Event ${i + 1} of a thousand`,
    ...(i % 3 === 0 ? { group: `Group ${i % 4}` } : {}),
    ...(i % 40 === 5 ? { end_date: day(i + 14) } : {}),
  }));
  return { title: 'A thousand days', events };
}

const STORIES = {
  'the built-in story': '/data/baghdad-talks-2007.json',
  // Right to left (the story's lang sets it): the strip mirrored, in Persian and Arabic words and digits.
  'the Persian story': '/data/baghdad-talks-2007.fa.json',
  'the Arabic story': '/data/baghdad-talks-2007.ar.json',
  'groups and eras (TimelineJS sample)': '/sweep/sample.json',
  'a TimelineJS campaign': '/sweep/election.json',
  'years either side of 1 CE': '/sweep/deep.json',
  '1,000 events': '/sweep/thousand.json',
};

const json = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

let server;
let browser;
before(async () => {
  const sample = await readFile(join(ROOT, 'tests', 'fixtures', 'timelinejs-sample.json'), 'utf8');
  server = await serve(DIST, {
    routes: {
      '/sweep/sample.json': json(sample),
      '/sweep/election.json': json(election()),
      '/sweep/deep.json': json(deepTime()),
      '/sweep/thousand.json': json(thousand()),
      '/sweep/page.html': (req, res) => {
        const q = new URL(req.url, 'http://x').searchParams;
        const [src, theme] = [q.get('src'), q.get('theme') ?? 'light'];
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Width sweep</title>
          <link rel="icon" href="/favicon.svg"></head><body style="margin: 0">
          <div id="column" style="width: 644px"><div data-newsline data-hash="off" data-theme="${theme}" data-src="${src}"></div></div>
          <script type="module" src="/newsline.js"></script></body></html>`);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs in the page: every visible piece of text in the widget, and what is wrong with them. Text is visible
 * when it is rendered, not visually hidden, and not wholly clipped away by a box that hides its overflow (a
 * flag's third line, the part of the strip scrolled out of view). Returns a list of problems in words.
 */
function inspect() {
  const root = document.querySelector('.newsline');
  const problems = [];
  const nav = root.querySelector('.nl-nav');
  const track = nav?.querySelector('.nl-track');
  const trackBox = track?.getBoundingClientRect();
  const widget = root.getBoundingClientRect();
  const say = (t) => JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  const clipCache = new Map();
  // The box each element's overflow is clipped to by its ancestors, with and without the strip's scrolling.
  const clipsOf = (el) => {
    if (clipCache.has(el)) return clipCache.get(el);
    const parent = el.parentElement;
    const up = parent && parent !== document.body
      ? clipsOf(parent)
      : { other: { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity }, scroll: { l: -Infinity, r: Infinity }, by: {} };
    const cs = getComputedStyle(el);
    let other = up.other;
    let scroll = up.scroll;
    let by = up.by;
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      const l = r.left + el.clientLeft;
      const t = r.top + el.clientTop;
      const box = { l, t, r: l + el.clientWidth, b: t + el.clientHeight };
      if (el === nav) {
        scroll = { l: Math.max(scroll.l, box.l), r: Math.min(scroll.r, box.r) };
        other = { ...other, t: Math.max(other.t, box.t), b: Math.min(other.b, box.b) };
      } else {
        const name = el.className || el.tagName;
        other = {
          l: cs.overflowX !== 'visible' ? Math.max(other.l, box.l) : other.l,
          r: cs.overflowX !== 'visible' ? Math.min(other.r, box.r) : other.r,
          t: cs.overflowY !== 'visible' ? Math.max(other.t, box.t) : other.t,
          b: cs.overflowY !== 'visible' ? Math.min(other.b, box.b) : other.b,
        };
        by = { ...by };
        if (cs.overflowX !== 'visible' && box.l >= other.l) by.l = name;
        if (cs.overflowX !== 'visible' && box.r <= other.r) by.r = name;
      }
    }
    const clips = { other, scroll, by };
    clipCache.set(el, clips);
    return clips;
  };
  const boxes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    const el = node.parentElement;
    if (!text || el.closest('.nl-visually-hidden, [hidden]')) continue;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    // A collapsed statement's one-line gist is cut with an ellipsis by design: the button expands it.
    const gist = el.closest('.nl-statement-gist');
    const { other, scroll, by } = clipsOf(el);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      const seen = {
        l: Math.max(r.left, other.l, scroll.l),
        r: Math.min(r.right, other.r, scroll.r),
        t: Math.max(r.top, other.t),
        b: Math.min(r.bottom, other.b),
      };
      if (seen.r - seen.l < 0.5 || seen.b - seen.t < 0.5) continue; // clipped away: not seen
      if (!gist && (r.left < other.l - 1 || r.right > other.r + 1)) {
        problems.push(`${say(text)} is cut by ${r.left < other.l - 1 ? by.l : by.r} (${Math.round(r.left)} to ${Math.round(r.right)}, shown ${Math.round(other.l)} to ${Math.round(other.r)})`);
      }
      if (r.top < other.t - 1 || r.bottom > other.b + 1) {
        problems.push(`${say(text)} is cut at its top or bottom (${Math.round(r.top)} to ${Math.round(r.bottom)}, shown ${Math.round(other.t)} to ${Math.round(other.b)})`);
      }
      if (track && track.contains(el) && (r.left < trackBox.left - 1 || r.right > trackBox.right + 1)) {
        problems.push(`${say(text)} runs past an end of the strip (${Math.round(r.left - trackBox.left)} to ${Math.round(r.right - trackBox.left)} of ${Math.round(trackBox.width)})`);
      }
      if (seen.l < widget.left - 1 || seen.r > widget.right + 1) {
        problems.push(`${say(text)} runs past the widget's edge (${Math.round(seen.l)} to ${Math.round(seen.r)} in ${Math.round(widget.left)} to ${Math.round(widget.right)})`);
      }
      boxes.push({ node, el, text, ...seen });
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.node === b.node) continue;
      const x = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const y = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (x > 1 && y > 1) problems.push(`${say(a.text)} and ${say(b.text)} overlap (${Math.round(x)} × ${Math.round(y)} px)`);
    }
  }
  // What covers a label: sampled at three points along its middle, in the part of the page on screen. Boxes
  // that paint nothing there (the axis layer, a lane's band) are seen through; a marker's item is its stem.
  const paints = (el) => {
    if (el.classList.contains('nl-marker-item') || el.classList.contains('nl-group-item')) return true;
    const cs = getComputedStyle(el);
    const bg = cs.backgroundColor;
    return cs.backgroundImage !== 'none' || !(bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg));
  };
  for (const box of boxes) {
    const y = (box.t + box.b) / 2;
    if (y < 0 || y > innerHeight) continue;
    for (const f of [0.2, 0.5, 0.8]) {
      const x = box.l + (box.r - box.l) * f;
      const cover = document
        .elementsFromPoint(x, y)
        .find((hit) => hit === box.el || box.el.contains(hit) || hit.contains(box.el) || paints(hit));
      if (!cover || cover === box.el || box.el.contains(cover) || cover.contains(box.el)) continue;
      const what = cover.closest('.nl-marker-item') && !cover.closest('.nl-marker') ? "a marker's stem" : `.${cover.className}`;
      problems.push(`${say(box.text)} lies under ${what}`);
      break;
    }
  }
  return [...new Set(problems)];
}

/** Clicks a zoom button when it is offered; whether it was. */
async function zoom(page, which) {
  const button = page.locator(`.nl-zoom-${which}`);
  if ((await button.count()) === 0 || (await button.getAttribute('aria-disabled')) === 'true') return false;
  await button.click();
  await settle(page);
  return true;
}

async function press(page, key) {
  await page.locator('.nl-marker[aria-current="true"], .nl-group[aria-current="true"]').focus();
  await page.keyboard.press(key);
  await settle(page);
}

test('no text overlaps or is cut at any width from 320 to 1,400 px, before and after zoom', async () => {
  const started = Date.now();
  const found = [];
  const views = {};
  for (const [story, src] of Object.entries(STORIES)) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // Images of the sample live elsewhere; nothing leaves the test's origin.
    await page.route((url) => url.origin !== server.origin, (route) => route.abort());
    await page.goto(`${server.origin}/sweep/page.html?src=${encodeURIComponent(src)}`);
    await page.waitForSelector('.nl-card');
    const check = async (width, view) => {
      views[view] = (views[view] ?? 0) + 1;
      await page.evaluate(() => document.querySelector('.newsline').scrollIntoView());
      for (const p of await page.evaluate(inspect)) found.push(`${story}, ${width} px, ${view}: ${p}`);
    };
    for (const width of WIDTHS) {
      await page.evaluate((w) => (document.getElementById('column').style.width = `${w}px`), width);
      await settle(page);
      await check(width, 'first view');
      if (await zoom(page, 'in')) {
        await check(width, 'zoomed in');
        await press(page, 'End');
        await check(width, 'zoomed in, at the last event');
        await press(page, 'Home');
        await zoom(page, 'out');
      }
      if (await zoom(page, 'out')) {
        await check(width, 'overview');
        await press(page, 'End');
        await check(width, 'overview, at the last group');
        await press(page, 'Home');
        await zoom(page, 'in');
      }
    }
    await page.close();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const counts = Object.entries(views).map(([view, n]) => `${n} ${view}`).join(', ');
  console.log(`width sweep: ${Object.keys(STORIES).length} stories at ${WIDTHS.length} widths in ${seconds} s: ${counts}`);
  if (process.env.SWEEP_ALL) console.log(found.join('\n'));
  assert.deepEqual(found.slice(0, 60), [], `${found.length} problems`);
});

test('events that last are spans on the axis and in the overview, drawn for the eye only', async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const [theme, forcedColors] of [['light', 'none'], ['dark', 'none'], ['dark', 'active']]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ forcedColors });
    await page.goto(`${server.origin}/sweep/page.html?theme=${theme}&src=${encodeURIComponent(STORIES['a TimelineJS campaign'])}`);
    await page.evaluate(() => (document.getElementById('column').style.width = '1240px'));
    await page.waitForSelector('.nl-card');
    await settle(page);
    // "March to July 2024": one bar, from its marker to the end of July, hidden from assistive technology.
    const spans = await page.locator('.nl-span').evaluateAll((els) =>
      els.map((e) => {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        return {
          left: Math.round(box.left),
          width: box.width,
          hidden: e.closest('[aria-hidden="true"]') !== null,
          focusable: e.tabIndex >= 0 || e.querySelector('[tabindex], button, a') !== null,
          seen: style.borderTopStyle === 'solid' && style.borderTopWidth !== '0px' && !/rgba\(.*, 0\)$|transparent/.test(style.borderTopColor),
        };
      }),
    );
    assert.equal(spans.length, 1, `${theme} ${forcedColors}: one event lasts`);
    const marker = await page.locator('.nl-marker-item:has([data-event-id]) >> nth=1').evaluate((e) => Math.round(e.getBoundingClientRect().left));
    assert.ok(Math.abs(spans[0].left - marker) <= 1, `the bar starts at its marker (${spans[0].left}, ${marker})`);
    assert.ok(spans[0].width > 100, 'four months long');
    assert.deepEqual([spans[0].hidden, spans[0].focusable, spans[0].seen], [true, false, true], `${theme} ${forcedColors}`);
    // The marker stays the control: the strip's tab stop is the selected marker, and the bar takes no clicks.
    assert.equal(await page.locator('.nl-spans').evaluate((e) => getComputedStyle(e).pointerEvents), 'none');
    await page.locator('.nl-track').screenshot({ path: join(SCREENSHOTS, `spans-${theme}${forcedColors === 'active' ? '-forced' : ''}.png`) });
    await page.close();
  }
  // In the overview of a long story, the spans are squeezed with the groups, inside the strip.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.origin}/sweep/page.html?src=${encodeURIComponent(STORIES['1,000 events'])}`);
  await page.evaluate(() => (document.getElementById('column').style.width = '1000px'));
  await page.waitForSelector('.nl-card');
  await settle(page);
  await page.locator('.nl-zoom-out').click();
  await page.waitForSelector('.nl-overview .nl-span');
  const inside = await page.locator('.nl-overview').evaluate((nav) => {
    const strip = nav.getBoundingClientRect();
    const bars = [...nav.querySelectorAll('.nl-span')].map((e) => e.getBoundingClientRect());
    return { count: bars.length, inside: bars.every((b) => b.left >= strip.left && b.right <= strip.right && b.width > 0) };
  });
  assert.deepEqual(inside, { count: 25, inside: true });
  await page.close();
});
