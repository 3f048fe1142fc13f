// Accessibility end to end: axe-core in every state of the widget, a keyboard-only walk through the whole
// story, the live region, and screenshots of focus, forced colours and the dark theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch, DIST, SCREENSHOTS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

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
  '/a11y/page.html': (req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const attrs = ['src', 'theme', 'start']
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
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
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
        await page.keyboard.press('Enter');
        a = await active();
        assert.equal(a.expanded, 'true', 'Enter expands');
        const region = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-controls')).hidden);
        assert.equal(region, false);
        await page.keyboard.press('Space');
        assert.equal((await active()).expanded, 'false', 'Space collapses');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
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
  // Tab out past the card's controls and statements: no trap.
  for (let n = 0; n < 12 && (await active()).id !== 'after'; n++) await page.keyboard.press('Tab');
  assert.equal((await active()).id, 'after', 'Tab leaves the widget');
});

test('the live region announces exactly the new date and headline', async () => {
  const page = await open('/a11y/page.html');
  await card(page);
  assert.equal(await page.locator('.nl-live').textContent(), '', 'nothing is announced on load');
  await page.locator('.nl-marker', { hasText: 'Bomb blast' }).click();
  assert.equal(await page.locator('[aria-live="polite"]').textContent(), 'Monday, May 28, 2007: Bomb blast in Baghdad kills at least 19');
  assert.equal(await page.locator('[aria-live]').count(), 1, 'one live region, not the whole card');
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
