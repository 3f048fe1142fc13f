// Accessibility end to end: axe-core in every state of the widget, a keyboard-only walk through the whole
// story, the live region, and screenshots of focus, forced colours and the dark theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, launch, axeViolations, DIST, SCREENSHOTS } from './harness.mjs';

const flaky = { fail: true };
const routes = {
  '/a11y/bad.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"title": "T", "events": [{"id": "a", "date": "2007-13"}]}');
  },
  '/a11y/slow.json': () => {},
  '/a11y/long.json': (req, res) => {
    // Three hundred years, one event a year: too long for the width, so it zooms out to an overview.
    const events = Array.from({ length: 300 }, (_, i) => ({ id: `e${i + 1}`, date: { year: 1701 + i }, headline: `Event ${i + 1}` }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ title: 'Three hundred years', events }));
  },
  '/a11y/flaky.json': (req, res) => {
    // Fails while `flaky.fail` is set, then serves the built-in story's shape.
    if (flaky.fail) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('try again');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ title: 'Back again', events: [{ id: 'a', date: '2007-05-28', headline: 'A' }, { id: 'b', date: '2007-05-29', headline: 'B' }] }));
  },
  '/a11y/page.html': (req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const attrs = ['src', 'theme', 'start', 'heading-level']
      .filter((k) => q.get(k))
      .map((k) => ` data-${k}="${q.get(k)}"`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Accessibility check</title><link rel="icon" href="/favicon.svg"></head><body><main><h1>Story page</h1>
      <p><a href="#before" id="before">A link before the timeline</a></p>
      <div data-newsline${attrs}></div>
      <p><a href="#after" id="after">A link after the timeline</a></p></main>
      <script type="module" src="/newsline.js"></script></body></html>`);
  },
};

let server;
let browser;
const counts = [];
before(async () => {
  server = await serve(DIST, { routes });
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  console.log('axe-core violations per state:');
  for (const [state, n] of counts) console.log(`  ${state.padEnd(28)} ${n}`);
  await browser?.close();
  await server?.close();
});

async function open(path, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** Runs axe-core on the page and records the count; fails with the violations listed. */
async function axe(page, state) {
  const violations = await axeViolations(page);
  counts.push([state, violations.length]);
  assert.deepEqual(violations, [], `axe-core violations in state "${state}"`);
}

const card = (page) => page.locator('.nl-card').waitFor();

test('axe: initial, selected, expanded, all expanded, zoomed', async () => {
  const page = await open('/a11y/page.html');
  await card(page);
  await axe(page, 'initial');
  await page.locator('.nl-marker', { hasText: 'Nearly four hours' }).click();
  await axe(page, 'event selected');
  await page.locator('.nl-statement-toggle').first().click();
  await axe(page, 'one statement expanded');
  await page.locator('.nl-expand-all').click();
  await axe(page, 'all statements expanded');
  await page.locator('.nl-zoom-in').click();
  await page.locator('.nl-zoom-in').click();
  await axe(page, 'zoomed in');
});

test('axe: dark theme, 320 px, overview, long list, error panel, loading, two widgets', async () => {
  let page = await open('/a11y/page.html?theme=dark', { colorScheme: 'dark' });
  await card(page);
  await page.locator('.nl-statement-toggle').first().click().catch(() => {});
  await page.locator('.nl-marker', { hasText: 'news conference' }).click();
  await page.locator('.nl-expand-all').click();
  await axe(page, 'dark theme');
  await page.screenshot({ path: join(SCREENSHOTS, 'a11y-dark.png'), fullPage: true });

  page = await open('/a11y/page.html', { width: 320, height: 640 });
  await card(page);
  await axe(page, '320 px');
  // Reflow: at 320 px, and at 640 px (a 1280 px window at 200% zoom), nothing scrolls sideways.
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 640 });
    await page.waitForTimeout(50);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no horizontal scroll at ${width} px`);
  }

  page = await open('/a11y/page.html?src=/a11y/long.json');
  await page.locator('.nl-zoom-out').click();
  await page.locator('.nl-group').first().waitFor();
  await axe(page, 'overview of a long story');
  await page.screenshot({ path: join(SCREENSHOTS, 'a11y-overview.png') });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.locator('.nl-more').first().waitFor();
  await axe(page, 'long story at 320 px');

  page = await open('/a11y/page.html?src=/a11y/bad.json');
  await page.locator('.nl-error').waitFor();
  await axe(page, 'error panel');

  page = await open('/a11y/page.html?src=/a11y/slow.json');
  await page.locator('.nl-loading').waitFor();
  await axe(page, 'loading');
  const [busy] = await (await accessibilityTree(page)).names('.nl-loading');
  assert.equal(busy, 'Timeline', 'the busy region is named');
  assert.equal(await page.locator('.nl-loading[aria-busy="true"] [role="status"]').textContent(), 'Loading timeline…');

  page = await open('/demo/article.html');
  await page.locator('#timeline-positions .nl-card').waitFor();
  await page.locator('#timeline-main .nl-card, #timeline-main .nl-list').first().waitFor();
  await axe(page, 'two widgets (article page)');
});

test('keyboard only: tab in, reach every event and statement, use every control, tab out', async () => {
  const page = await open('/a11y/page.html');
  await card(page);
  const active = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      return { id: e.id, cls: e.className, event: e.dataset.eventId ?? null, expanded: e.getAttribute('aria-expanded') };
    });
  await page.locator('#before').focus();
  const position = () => page.locator('.nl-position').textContent();
  await page.keyboard.press('Tab');
  assert.equal((await active()).cls, 'nl-button nl-prev');
  await page.keyboard.press('Enter');
  assert.equal(await position(), '1 of 8', 'Previous at the first event does nothing');
  await page.keyboard.press('Tab');
  assert.equal((await active()).cls, 'nl-button nl-next');
  await page.keyboard.press('Enter');
  assert.equal(await position(), '2 of 8', 'Next worked');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await position(), '1 of 8', 'Previous worked');
  assert.equal((await active()).cls, 'nl-button nl-prev', 'focus stays on Previous as it becomes inactive');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await active()).cls, 'nl-button nl-zoom-out');
  await page.keyboard.press('Tab');
  assert.equal((await active()).cls, 'nl-button nl-zoom-in');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.nl-zoom-out').getAttribute('aria-disabled'), 'false', 'zoom in worked');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.nl-zoom-out').getAttribute('aria-disabled'), 'true', 'zoom out worked');
  // Into the marker strip: one tab stop, on the selected event.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await active()).event, 'ties-broken-1979');

  const ids = await page.locator('.nl-marker').evaluateAll((els) => els.map((e) => e.dataset.eventId));
  let statementsSeen = 0;
  for (let i = 0; i < ids.length; i++) {
    assert.equal((await active()).event, ids[i], `focus on event ${i}`);
    assert.equal(await page.locator('.nl-card').getAttribute('data-event-id'), ids[i]);
    const statements = await page.locator('.nl-statement-toggle').count();
    if (statements > 0) {
      // Tab to Expand all and Collapse all, then each statement: open and close it.
      await page.keyboard.press('Tab');
      assert.match((await active()).cls, /nl-expand-all/);
      await page.keyboard.press('Tab');
      assert.match((await active()).cls, /nl-collapse-all/);
      for (let s = 0; s < statements; s++) {
        await page.keyboard.press('Tab');
        let a = await active();
        assert.equal(a.cls, 'nl-statement-toggle');
        assert.equal(a.expanded, 'false');
        // Yew renders after the key's task: wait (briefly) for the state a press should bring before the next.
        const settled = (state) =>
          page.waitForFunction((state) => document.activeElement.getAttribute('aria-expanded') === state, state, { timeout: 2000 }).catch(() => {});
        await page.keyboard.press('Enter');
        await settled('true');
        a = await active();
        assert.equal(a.expanded, 'true', 'Enter expands');
        const region = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-controls')).hidden);
        assert.equal(region, false);
        await page.keyboard.press('Space');
        await settled('false');
        assert.equal((await active()).expanded, 'false', 'Space collapses');
        await page.keyboard.press('Enter');
        await settled('true');
        await page.keyboard.press('Escape');
        await settled('false');
        a = await active();
        assert.equal(a.expanded, 'false', 'Escape collapses');
        assert.equal(a.cls, 'nl-statement-toggle', 'and focus stays on the button');
        statementsSeen++;
      }
      // Back to the strip to move on.
      for (let s = 0; s < statements + 2; s++) await page.keyboard.press('Shift+Tab');
      assert.equal((await active()).event, ids[i]);
    }
    if (i + 1 < ids.length) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((id) => document.activeElement.dataset.eventId === id, ids[i + 1]);
    }
  }
  assert.equal(statementsSeen, 18, 'every statement was reached');
  await page.keyboard.press('Home');
  await page.waitForFunction((id) => document.activeElement.dataset.eventId === id, ids[0]);
  await page.keyboard.press('End');
  await page.waitForFunction((id) => document.activeElement.dataset.eventId === id, ids[ids.length - 1]);
  await page.screenshot({ path: join(SCREENSHOTS, 'a11y-focus.png') });
  // Focus not obscured (2.4.11): the focused marker is inside the strip's visible part and the window.
  const shown = await page.evaluate(() => {
    const m = document.activeElement.getBoundingClientRect();
    const nav = document.querySelector('.nl-nav').getBoundingClientRect();
    return m.left >= nav.left && m.right <= nav.right && m.top >= 0 && m.bottom <= innerHeight;
  });
  assert.ok(shown, 'the focused marker is in view');
  // Tab out past the card's controls and statements: no trap.
  for (let n = 0; n < 12 && (await active()).id !== 'after'; n++) await page.keyboard.press('Tab');
  assert.equal((await active()).id, 'after', 'Tab leaves the widget');
});

/** Counts the live region's changes of text from now on; `said()` lists them. */
async function listen(page) {
  await page.evaluate(() => {
    window.__said = [];
    const live = document.querySelector('.newsline .nl-live');
    new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => window.__said.filter((t) => t !== ''));
}

test('the live region says what focus does not: Next and a press on a marker, not the marker an arrow moved to', async () => {
  const page = await open('/a11y/page.html?start=talks-open');
  await card(page);
  assert.equal(await page.locator('.nl-live').textContent(), '', 'nothing is announced on load');
  let said = await listen(page);
  // The arrows on the strip: focus lands on the new marker, whose name says it all.
  await page.locator('.nl-marker.nl-selected').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(800);
  assert.deepEqual(await said(), [], 'nothing said over what focus says');
  // Enter (or a click) on a marker keeps focus on it, whose name was said before the press: the region says
  // that the card now shows its event.
  await page.locator('.nl-marker', { hasText: 'Bomb blast' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent !== '');
  assert.deepEqual(await said(), ['Monday, May 28, 2007: Bomb blast in Baghdad kills at least 19']);
  // Next leaves focus on the button: the region says where the reader is now.
  said = await listen(page);
  await page.locator('.nl-next').click();
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent.includes('Crocker'));
  assert.match(await page.locator('[aria-live="polite"]').textContent(), /^Monday, May 28, 2007: After nearly four hours of talks/);
  assert.equal(await page.locator('[aria-live]').count(), 1, 'one live region, not the whole card');
});

test('zooming out into the overview says so, with the group of the open event', async () => {
  const page = await open('/a11y/page.html?src=/a11y/long.json');
  await card(page);
  const said = await listen(page);
  await page.locator('.nl-zoom-out').click();
  await page.locator('.nl-group').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent !== '');
  const groups = await page.locator('.nl-group').count();
  const current = (await page.locator('.nl-group.nl-selected').getAttribute('aria-label')) ?? (await page.locator('.nl-group.nl-selected').textContent());
  const words = (await said()).at(-1);
  assert.match(words, new RegExp(`^Overview: ${groups} groups of events\\. The open event is in `));
  assert.ok(words.includes('events, 1701'), `${words} names the group (${current})`);
});

/** The focused element's class and its list item's place in the whole story. */
const focusOn = (page) =>
  page.evaluate(() => ({ cls: document.activeElement.className, pos: document.activeElement.closest('li')?.getAttribute('aria-posinset') ?? null }));

test('arrows step from the focused list item, after "Show later events" put focus on a new one', async () => {
  const page = await open('/a11y/page.html?src=/a11y/long.json', { width: 320, height: 640 });
  await page.locator('.nl-more').waitFor();
  await page.locator('.nl-more').focus();
  await page.keyboard.press('Enter');
  let f = await focusOn(page);
  assert.deepEqual([f.cls, f.pos], ['nl-item-button', '101'], 'the first newly shown item');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === '102');
  f = await focusOn(page);
  assert.deepEqual([f.cls, f.pos], ['nl-item-button', '102'], 'the item after the focused one, not after the open one');
  assert.equal(await page.locator('.nl-position').textContent(), '102 of 300');
});

test('a marker an arrow moves to is never left outside the window', async () => {
  const page = await open('/a11y/page.html?start=talks-open', { width: 1280, height: 900 });
  await card(page);
  // The strip's top row above the window, focus on a marker of the bottom row.
  const top = await page.locator('.nl-nav').evaluate((n) => n.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y + 90), top);
  await page.locator('.nl-marker.nl-selected').focus({ preventScroll: true });
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(100);
    const box = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, cls: document.activeElement.className, height: innerHeight };
    });
    assert.match(box.cls, /nl-marker/);
    assert.ok(box.top >= 0 && box.bottom <= box.height, `after ${key} the focused marker is at ${box.top}–${box.bottom} in a ${box.height} px window`);
  }
});

test('quick changes are said once: four arrow presses say nothing, four presses of Next say one event', async () => {
  const page = await open('/a11y/page.html');
  await card(page);
  const said = await listen(page);
  await page.locator('.nl-marker.nl-selected').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(800);
  assert.equal(await page.locator('.nl-position').textContent(), '5 of 8');
  assert.deepEqual(await said(), [], 'the arrows move focus, which says each event');
  await page.locator('.nl-prev').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  assert.equal(await page.locator('.nl-position').textContent(), '1 of 8');
  const headline = await page.locator('.nl-card-headline').textContent();
  const spoken = await said();
  assert.equal(spoken.length, 1, `one announcement, not one a press: ${JSON.stringify(spoken)}`);
  assert.ok(spoken[0].endsWith(`: ${headline}`), spoken[0]);
});

test('in the overview the region names the group, as its button does', async () => {
  const page = await open('/a11y/page.html?src=/a11y/long.json');
  await page.locator('.nl-zoom-out').click();
  await page.locator('.nl-group').first().waitFor();
  await page.locator('.nl-next').click();
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent !== '');
  const group = await page.locator('.nl-group.nl-selected').textContent();
  assert.match(group, /^\d+ events, \d{4}–\d{4}$/);
  assert.equal(await page.locator('.nl-live').textContent(), group);
});

test('arrow keys, Home and End act only on the markers, the list and the groups', async () => {
  for (const width of [1280, 400]) {
    const page = await open('/a11y/page.html?start=talks-open', { width, height: 500 });
    await card(page);
    const controls = ['.nl-prev', '.nl-next', '.nl-expand-all', '.nl-collapse-all', '.nl-statement-toggle >> nth=0', '.nl-statement-toggle >> nth=1'];
    if (width > 600) controls.push('.nl-zoom-out', '.nl-zoom-in');
    // Chromium scrolls the page smoothly on a key: wait until it stops.
    const settle = () =>
      page.waitForFunction(() => new Promise((r) => { const y = scrollY; setTimeout(() => r(scrollY === y), 120); }), null, { polling: 10 });
    for (const selector of controls) {
      for (const key of ['ArrowDown', 'ArrowUp', 'End', 'Home']) {
        const control = page.locator(selector);
        await control.focus();
        await settle();
        await page.evaluate(() => window.scrollTo(0, 200));
        const before = await page.evaluate(() => ({ y: window.scrollY, position: document.querySelector('.nl-position').textContent }));
        await page.evaluate(() => {
          window.__prevented = null;
          window.addEventListener('keydown', (e) => setTimeout(() => (window.__prevented = e.defaultPrevented)), { once: true });
        });
        await page.keyboard.press(key);
        await settle();
        assert.equal(await page.evaluate(() => window.__prevented), false, `${key} on ${selector} at ${width} px is the browser's`);
        const after = await page.evaluate(() => ({
          y: window.scrollY,
          position: document.querySelector('.nl-position').textContent,
          marker: document.activeElement.matches('.nl-marker, .nl-item-button'),
        }));
        assert.equal(after.position, before.position, `${key} on ${selector} at ${width} px keeps the event`);
        assert.equal(after.marker, false, `${key} on ${selector} at ${width} px leaves focus where it was`);
        if (key === 'ArrowDown' || key === 'End') assert.ok(after.y >= before.y, `${key} on ${selector}: the page never jumps up to the strip (${before.y} → ${after.y})`);
      }
    }
    // On the composite itself the keys still move, and focus follows; along the strip without scrolling the page.
    await page.locator('.nl-marker.nl-selected, .nl-item-button[aria-current="true"]').focus();
    await settle();
    const y = await page.evaluate(() => window.scrollY);
    await page.keyboard.press(width > 600 ? 'ArrowRight' : 'ArrowDown');
    assert.equal(await page.locator('.nl-position').textContent(), '4 of 8');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.eventId), 'baghdad-bombing');
    await settle();
    if (width > 600) assert.equal(await page.evaluate(() => window.scrollY), y, 'the strip scrolls itself, not the page');
  }
});

test('focus stays in the widget after Retry, the last batch of a long list and a change of width', async () => {
  const focused = (page) =>
    page.evaluate(() => {
      const e = document.activeElement;
      return { tag: e.tagName, cls: e.className, text: e.textContent, event: e.dataset.eventId ?? null, pos: e.closest('li')?.getAttribute('aria-posinset') ?? null };
    });
  // Retry that fails again: the new panel's heading, and the panel speaks up (the reader asked).
  flaky.fail = true;
  let page = await open('/a11y/page.html?src=/a11y/flaky.json');
  await page.locator('.nl-error').waitFor();
  assert.equal(await page.locator('.nl-error [role="alert"]').count(), 0, 'on load the error is polite');
  await page.locator('.nl-retry').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.nl-error [role="alert"]'));
  let f = await focused(page);
  assert.equal(f.text.trim(), 'This timeline could not be shown', `focus after a failed Retry: ${JSON.stringify(f)}`);
  // Retry that works: the story's title, and the region says it loaded.
  flaky.fail = false;
  await page.locator('.nl-retry').focus();
  await page.keyboard.press('Enter');
  await card(page);
  await page.waitForFunction(() => document.activeElement.classList.contains('nl-title'));
  f = await focused(page);
  assert.equal(f.text, 'Back again', `focus after Retry: ${JSON.stringify(f)}`);
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent === 'Timeline loaded: Back again');

  // "Show later events" twice in a list of 300: focus goes to the first new item each time, and stays
  // when the button goes with the last batch.
  page = await open('/a11y/page.html?src=/a11y/long.json', { width: 320, height: 640 });
  await page.locator('.nl-more').waitFor();
  await page.locator('.nl-more').focus();
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.deepEqual([f.cls, f.pos], ['nl-item-button', '101'], 'the first newly shown item');
  await page.locator('.nl-more', { hasText: 'later' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.nl-more').count(), 0, 'the last batch takes the button away');
  f = await focused(page);
  assert.deepEqual([f.cls, f.pos], ['nl-item-button', '201'], 'focus did not fall to the page');

  // 1280 → 500 px (or a zoom of 256%) and back, with focus on a marker, then on a zoom button.
  page = await open('/a11y/page.html');
  await card(page);
  await page.locator('.nl-marker', { hasText: 'Bomb blast' }).click();
  await page.setViewportSize({ width: 500, height: 900 });
  await page.locator('.nl-list').waitFor();
  await page.waitForTimeout(100);
  f = await focused(page);
  assert.deepEqual([f.cls, f.event], ['nl-item-button', 'baghdad-bombing'], 'from the marker to the same event\'s item');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.nl-markers').waitFor({ state: 'attached' });
  await page.waitForTimeout(100);
  f = await focused(page);
  assert.deepEqual([f.cls, f.event], ['nl-marker nl-selected', 'baghdad-bombing'], 'and back to its marker');
  await page.locator('.nl-zoom-in').focus();
  await page.setViewportSize({ width: 500, height: 900 });
  await page.locator('.nl-list').waitFor();
  await page.waitForTimeout(100);
  f = await focused(page);
  assert.deepEqual([f.cls, f.event], ['nl-item-button', 'baghdad-bombing'], 'from a zoom button to the open event\'s item');
});

/** WCAG's contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a, b) {
  const luminance = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused control's selection colours: every text's colour on the control's background, and the focus
 * ring's colour on what is behind the control. */
function measureFocused() {
  const e = document.activeElement;
  const opaque = (c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent';
  let behind = e.parentElement;
  while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
  const s = getComputedStyle(e);
  const on = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
  // A translucent fill (Chromium's dark Highlight is 80% opaque) is seen over what is behind it.
  const over = (top, bottom) => {
    const [r, g, b, a = 1] = top.match(/[\d.]+/g).map(Number);
    const [R, G, B] = bottom.match(/[\d.]+/g).map(Number);
    return `rgb(${r * a + R * (1 - a)}, ${g * a + G * (1 - a)}, ${b * a + B * (1 - a)})`;
  };
  const texts = [e, ...e.querySelectorAll('*')]
    .filter((n) => [...n.childNodes].some((t) => t.nodeType === 3 && t.textContent.trim()) && n.getBoundingClientRect().width > 1)
    .map((n) => ({ cls: n.className, color: getComputedStyle(n).color }));
  // The selection is Highlight painted over Canvas (a gradient of one colour on a background colour).
  const base = opaque(s.backgroundColor) ? over(s.backgroundColor, on) : on;
  const fill = s.backgroundImage.match(/linear-gradient\((rgba?\([^)]*\))/)?.[1];
  return {
    cls: e.className,
    background: fill ? over(fill, base) : base,
    texts,
    ring: { style: s.outlineStyle, width: s.outlineWidth, color: over(s.outlineColor, on), on },
  };
}

test('forced colours: the selection text and the focus ring meet 4.5:1 and 3:1 in both palettes', async () => {
  const ratios = [];
  for (const palette of ['dark', 'light']) {
    for (const theme of ['light', 'dark']) {
      const check = async (page, what) => {
        const m = await page.evaluate(measureFocused);
        for (const t of m.texts) {
          const r = contrast(t.color, m.background);
          ratios.push(`${palette} palette, ${theme} widget, ${what} text .${t.cls}: ${r.toFixed(2)}`);
          assert.ok(r >= 4.5, `${palette} palette, ${theme} widget: ${what} .${t.cls} ${t.color} on ${m.background} is ${r.toFixed(2)}:1`);
        }
        assert.notEqual(m.ring.style, 'none', `${what} shows a focus ring`);
        const r = contrast(m.ring.color, m.ring.on);
        ratios.push(`${palette} palette, ${theme} widget, ${what} focus ring: ${r.toFixed(2)}`);
        assert.ok(r >= 3, `${palette} palette, ${theme} widget: ${what}'s ring ${m.ring.color} on ${m.ring.on} is ${r.toFixed(2)}:1`);
      };
      let page = await open(`/a11y/page.html?theme=${theme}`);
      await page.emulateMedia({ forcedColors: 'active', colorScheme: palette });
      await card(page);
      await page.locator('.nl-marker').nth(2).click();
      await page.keyboard.press('ArrowRight');
      await check(page, 'selected marker');
      await page.setViewportSize({ width: 400, height: 900 });
      await page.locator('.nl-list').waitFor();
      await page.locator('.nl-item-button[aria-current="true"]').focus();
      await page.keyboard.press('ArrowDown');
      await check(page, 'selected list item');
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-forced-${palette}-${theme}-list.png`) });
      page = await open(`/a11y/page.html?theme=${theme}&src=/a11y/long.json`);
      await page.emulateMedia({ forcedColors: 'active', colorScheme: palette });
      await page.locator('.nl-zoom-out').click();
      await page.locator('.nl-group').first().waitFor();
      await page.locator('.nl-group.nl-selected').focus();
      await page.keyboard.press('ArrowRight');
      await check(page, 'selected overview group');
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-forced-${palette}-${theme}-overview.png`) });
    }
  }
  console.log(ratios.join('\n'));
});

test('forced colours keep markers, focus and selection visible; targets are at least 24 px', async () => {
  const page = await open('/a11y/page.html');
  await page.emulateMedia({ forcedColors: 'active' });
  await card(page);
  await page.locator('.nl-marker').nth(2).click();
  await page.locator('.nl-marker').nth(2).focus();
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: join(SCREENSHOTS, 'a11y-forced-colors.png') });
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.newsline button')]
      .map((b) => b.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length,
  );
  assert.equal(small, 0);
  // A control with nothing to do is drawn in the palette's GrayText, not only with a dashed border.
  await page.locator('.nl-marker').first().click();
  const [inactive, active] = await page.evaluate(() =>
    ['.nl-prev', '.nl-next'].map((s) => {
      const e = document.querySelector(s);
      return { disabled: e.getAttribute('aria-disabled'), color: getComputedStyle(e).color, border: getComputedStyle(e).borderTopColor };
    }),
  );
  assert.deepEqual([inactive.disabled, active.disabled], ['true', 'false']);
  assert.notEqual(inactive.color, active.color, 'Previous on the first event is drawn apart from Next');
  assert.equal(inactive.border, inactive.color);
});

test('reduced motion: no animated scrolling or transitions', async () => {
  const page = await open('/a11y/page.html');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await card(page);
  const animated = await page.evaluate(() =>
    [...document.querySelectorAll('.newsline, .newsline *')].filter((e) => {
      const s = getComputedStyle(e);
      return s.scrollBehavior === 'smooth' || parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none';
    }).length,
  );
  assert.equal(animated, 0);
});

test('in the overview, Enter on the group that holds the open event keeps that event', async () => {
  const page = await open('/a11y/page.html?src=/a11y/long.json&start=e5');
  const position = () => page.locator('.nl-position').textContent();
  await page.locator('.nl-zoom-out').click();
  await page.locator('.nl-group').first().waitFor();
  assert.equal(await position(), '5 of 300');
  await page.locator('.nl-group.nl-selected').focus();
  await page.keyboard.press('Enter');
  await page.locator('.nl-markers').waitFor({ state: 'attached' });
  assert.equal(await position(), '5 of 300', 'the open event stays open');
  await page.waitForFunction(() => document.activeElement.dataset.eventId === 'e5');
  // Another group opens its first event.
  await page.locator('.nl-zoom-out').click();
  const third = page.locator('.nl-group').nth(2);
  const count = Number(await page.locator('.nl-group').nth(0).locator('.nl-group-count').textContent());
  const second = Number(await page.locator('.nl-group').nth(1).locator('.nl-group-count').textContent());
  await third.click();
  await page.locator('.nl-markers').waitFor({ state: 'attached' });
  assert.equal(await position(), `${count + second + 1} of 300`, 'a group that does not hold it opens its first event');
});

test('headings: the story title at the level the page sets, the cards one below, every level in h1–h6', async () => {
  const level = (e) => (e ? (/^H[1-6]$/.test(e.tagName) ? Number(e.tagName[1]) : Number(e.getAttribute('aria-level'))) : null);
  const headings = (page) =>
    page.evaluate(`(() => {
      const level = ${level};
      const w = document.querySelector('.newsline');
      const all = [...w.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')];
      return { title: level(w.querySelector('.nl-title')), card: level(w.querySelector('.nl-card-headline')), all: all.map(level), first: all[0]?.className ?? null };
    })()`);
  for (const set of [1, 2, 3, 4, 5, 6]) {
    const page = await open(`/a11y/page.html?heading-level=${set}&start=talks-open`);
    await card(page);
    // The title stays the first heading whatever is selected; at 6 it is h5, so the cards still fit.
    for (const selected of ['talks-open', 'news-conference']) {
      if (selected !== 'talks-open') await page.locator('.nl-marker', { hasText: 'news conference' }).click();
      const h = await headings(page);
      assert.equal(h.title, Math.min(set, 5), `data-heading-level=${set}: the title's level (${selected})`);
      assert.equal(h.card, h.title + 1, `data-heading-level=${set}: the cards one below the title`);
      assert.equal(h.first, 'nl-title', `data-heading-level=${set}: the title is the first heading`);
      assert.ok(h.all.every((l) => l >= 1 && l <= 6), `data-heading-level=${set}: levels ${h.all}`);
    }
  }
  for (const set of [1, 6]) {
    const page = await open(`/a11y/page.html?heading-level=${set}&src=/a11y/bad.json`);
    await page.locator('.nl-error').waitFor();
    const h = await headings(page);
    assert.equal(h.title, Math.min(set, 5), `data-heading-level=${set}: the error panel's heading stands where the title would`);
    assert.ok(h.all.every((l) => l >= 1 && l <= 6), `error panel, data-heading-level=${set}: levels ${h.all}`);
  }
});

/** Chromium's accessibility tree of the page, through the DevTools protocol. */
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const { root } = await cdp.send('DOM.getDocument');
  /** The accessible name of each element that `selector` finds. */
  const names = async (selector) => {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { nodes: [node] } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      out.push(node.name?.value ?? '');
    }
    return out;
  };
  return { nodes, names };
}

/** What a screen reader's reading cursor meets, in order: a control's name (not its content again), each
 * text, and the names of the landmarks and groups it enters. */
function reading(nodes) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const said = [];
  const named = new Set(['region', 'navigation', 'main', 'complementary', 'banner', 'contentinfo', 'form', 'search', 'group']);
  const walk = (n) => {
    if (!n) return;
    const role = n.role?.value;
    const name = n.name?.value ?? '';
    if (!n.ignored) {
      if (role === 'button' || role === 'link' || role === 'StaticText') {
        said.push(name);
        return;
      }
      if (named.has(role) && name) said.push(name);
    }
    for (const id of n.childIds ?? []) walk(byId.get(id));
  };
  walk(nodes.find((n) => !n.parentId));
  return said;
}

test('statement buttons: named as written, without "+" or "−"; a quote without a summary read once; no landmark each', async () => {
  const page = await open('/a11y/page.html?start=talks-held');
  await card(page);
  const quote = 'this is about actions, not just principles';
  const toggle = page.locator('.nl-statement-toggle', { hasText: 'Ryan Crocker' }).nth(1);
  const landmarks = (nodes) => nodes.filter((n) => !n.ignored && n.role?.value === 'region').length;
  const before = landmarks((await accessibilityTree(page)).nodes);
  for (const state of ['collapsed', 'expanded']) {
    if (state === 'expanded') await toggle.click();
    const { nodes, names } = await accessibilityTree(page);
    const buttons = await names('.nl-statement-toggle');
    assert.ok(buttons.length >= 8, `${buttons.length} statement buttons`);
    for (const name of buttons) {
      assert.doesNotMatch(name, /[+−]/, `${state}: a sign in "${name}"`);
      assert.match(name, /\b(Quote|Reported speech)\b/, `${state}: the kind as written in "${name}"`);
      assert.doesNotMatch(name, /QUOTE|REPORTED SPEECH/, `${state}: shouted in "${name}"`);
    }
    const times = reading(nodes).filter((t) => t.includes(quote)).length;
    assert.equal(times, 1, `${state}, the quote is read ${times} times`);
  }
  await page.locator('.nl-expand-all').click();
  assert.equal(landmarks((await accessibilityTree(page)).nodes), before, 'Expand all adds no landmark');
});

test('the narrow list: each item opens its event and claims no expanded state it cannot undo', async () => {
  const page = await open('/a11y/page.html?start=talks-open', { width: 400 });
  await page.locator('.nl-list .nl-card').waitFor();
  const items = await page.locator('.nl-item-button').evaluateAll((els) =>
    els.map((e) => ({ expanded: e.getAttribute('aria-expanded'), current: e.getAttribute('aria-current'), controls: e.getAttribute('aria-controls') })),
  );
  assert.deepEqual(items.map((i) => i.expanded), items.map(() => null), 'no item says it is expanded or collapsed');
  const current = items.filter((i) => i.current === 'true');
  assert.equal(current.length, 1, 'one open item');
  const controlled = await page.evaluate((id) => document.getElementById(id)?.closest('.nl-item')?.querySelector('.nl-item-button')?.getAttribute('aria-current'), current[0].controls);
  assert.equal(controlled, 'true', 'the open item controls the card under it');
  const position = await page.locator('.nl-position').textContent();
  await page.locator('.nl-item-button[aria-current="true"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.nl-position').textContent(), position);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true', 'focus stays on the open item');
  await page.locator('.nl-item-button', { hasText: 'Bomb blast' }).click();
  assert.equal(await page.locator('.nl-card-headline').textContent(), 'Bomb blast in Baghdad kills at least 19');
});

/** The borders of the controls: each side's colour, and the colour of what is behind the control. */
function measureBorders(selector) {
  const opaque = (c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent';
  return [...document.querySelectorAll(selector)]
    .filter((e) => e.getBoundingClientRect().width > 0)
    .flatMap((e) => {
      let behind = e.parentElement;
      while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
      const on = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
      const s = getComputedStyle(e);
      return ['top', 'right', 'bottom', 'left']
        .filter((side) => parseFloat(s[`border-${side}-width`]) > 0 && s[`border-${side}-style`] !== 'none')
        .map((side) => ({ cls: e.className, side, color: s[`border-${side}-color`], on }));
    });
}

test('the borders that mark out controls, and the 3 px focus ring, meet 3:1 against what is behind them, light and dark (1.4.11)', async () => {
  const ratios = [];
  for (const theme of ['light', 'dark']) {
    const check = async (page, selectors) => {
      for (const selector of selectors) {
        const sides = await page.evaluate(measureBorders, selector);
        assert.ok(sides.length > 0, `${theme}: no ${selector} to measure`);
        let least = Infinity;
        for (const b of sides) {
          const r = contrast(b.color, b.on);
          least = Math.min(least, r);
          assert.ok(r >= 3, `${theme}: ${b.side} border of .${b.cls} ${b.color} on ${b.on} is ${r.toFixed(2)}:1`);
        }
        ratios.push(`${theme} ${selector}: ${least.toFixed(2)}`);
      }
    };
    let page = await open(`/a11y/page.html?theme=${theme}&start=talks-open`, { colorScheme: theme });
    await card(page);
    await check(page, ['.nl-button', '.nl-marker', '.nl-statement']);
    await page.setViewportSize({ width: 400, height: 900 });
    await page.locator('.nl-list').waitFor();
    await check(page, ['.nl-item-button', '.nl-button', '.nl-statement']);
    page = await open(`/a11y/page.html?theme=${theme}&src=/a11y/long.json`, { colorScheme: theme });
    await page.locator('.nl-zoom-out').click();
    await page.locator('.nl-group').first().waitFor();
    await check(page, ['.nl-group']);
    // The focus ring: 3 px, 3:1 against what is behind the control, on the selection and on a button.
    for (const selector of ['.nl-group.nl-selected', '.nl-next']) {
      await page.locator(selector).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const m = await page.evaluate(measureFocused);
      const r = contrast(m.ring.color, m.ring.on);
      ratios.push(`${theme} focus ring on ${selector}: ${m.ring.width} ${r.toFixed(2)}`);
      assert.equal(m.ring.width, '3px', `${theme}: the ring on ${selector}`);
      assert.ok(r >= 3, `${theme}: the ring on ${selector} ${m.ring.color} on ${m.ring.on} is ${r.toFixed(2)}:1`);
    }
  }
  console.log(ratios.join('\n'));
});

/** WCAG 1.4.12's text spacing, as the usual bookmarklet applies it: on every element, over the page's own. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;

test('text spacing (1.4.12) on the overview: no group label overlaps another or spills out of its group', async () => {
  for (const width of [1280, 720]) {
    const page = await open('/a11y/page.html?src=/a11y/long.json', { width });
    await page.locator('.nl-zoom-out').click();
    await page.locator('.nl-group').first().waitFor();
    await page.addStyleTag({ content: TEXT_SPACING });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (width === 1280) await page.screenshot({ path: join(SCREENSHOTS, 'a11y-overview-text-spacing.png') });
    const { nav, groups } = await page.evaluate(() => {
      const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      // The text's own extent (a range), not its element's, which may be wider or narrower than what it draws.
      const ink = (e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return box(range.getBoundingClientRect());
      };
      return {
        nav: box(document.querySelector('.nl-overview').getBoundingClientRect()),
        groups: [...document.querySelectorAll('.nl-group')].map((g) => ({
          name: g.textContent,
          ...box(g.getBoundingClientRect()),
          labels: [...g.querySelectorAll('.nl-group-count, .nl-group-years')].map((l) => ({ text: l.textContent, ...ink(l) })),
        })),
      };
    });
    assert.ok(groups.length > 5, `${groups.length} groups`);
    const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const g of groups) {
      assert.ok(inside(g, nav), `${width} px: group "${g.name}" is cut off by the strip: ${JSON.stringify([g, nav])}`);
      for (const l of g.labels) assert.ok(inside(l, g), `${width} px: "${l.text}" spills out of its group: ${JSON.stringify([l, g])}`);
    }
    const labels = groups.flatMap((g, i) => g.labels.map((l) => ({ ...l, group: i })));
    for (const a of labels) {
      for (const b of labels) {
        if (a.group < b.group) assert.ok(!overlap(a, b), `${width} px: "${a.text}" and "${b.text}" overlap`);
      }
    }
  }
});

test('text spacing (1.4.12) on the story: nothing scrolls sideways, and only flag headlines and one-line gists are cut', async () => {
  for (const width of [1280, 320]) {
    const page = await open('/a11y/page.html?start=talks-held', { width });
    await card(page);
    await page.addStyleTag({ content: TEXT_SPACING });
    for (const state of ['collapsed', 'expanded']) {
      if (state === 'expanded') await page.locator('.nl-expand-all').click();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { sideways, cut } = await page.evaluate(() => ({
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // Text in a box that clips it, and has more than it shows. By design: a flag's headline is cut to two
        // lines (the whole is in its name and in the card), a statement's own text as gist to one (the whole is
        // one press away, and in its name).
        cut: [...document.querySelectorAll('.newsline *')]
          .filter((e) => !e.closest('.nl-visually-hidden, .nl-marker-headline, .nl-gist-text') && e.textContent.trim())
          .filter((e) => {
            const s = getComputedStyle(e);
            if (s.overflowX === 'visible' && s.overflowY === 'visible') return false;
            return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
          })
          .map((e) => `.${e.className}: ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`),
      }));
      assert.equal(sideways, 0, `${width} px, ${state}: no sideways scroll`);
      assert.deepEqual(cut, [], `${width} px, ${state}: text cut off`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `a11y-text-spacing-${width}.png`), fullPage: true });
  }
});

test('embed.html: a main landmark and a level-one heading, axe best practice clean', async () => {
  const page = await open('/embed.html');
  // The built-in story is prerendered in the page; the widget takes it over.
  await page.locator('.nl-widget .nl-card').waitFor();
  assert.equal(await page.locator('main').count(), 1, 'one main');
  assert.equal(await page.locator('main .nl-widget > .newsline').count(), 1, 'the widget inside it');
  assert.ok(await page.locator('main .nl-prerendered').isHidden(), 'its prerendered story put away');
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'one h1');
  assert.ok((await h1.textContent()).trim().length > 0, 'the h1 says something');
  await axe(page, 'embed.html');
});
