// End to end: the release bundle in dist/, served on 127.0.0.1, read in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchedPage, SCREENSHOTS } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The built-in page carries the story prerendered (tools/post-build.mjs); the widget draws in .nl-widget and
// takes it over (tests/e2e/prerender.test.mjs).
const HEADLINES = [
  'The U.S. embassy in Tehran is seized; a break in U.S.-Iran ties follows',
  "Iran's foreign minister says an immediate U.S. pullout is the best way to end the fighting",
  'Prime Minister Nouri al-Maliki opens the talks in Baghdad',
  'Bomb blast in Baghdad kills at least 19',
  'After nearly four hours of talks, Crocker says both sides agreed on broad principles',
  'No Iranian representatives speak at the news conference after the talks',
  'Crocker says Iran proposed a "trilateral security mechanism"',
  'Crocker says Iraq proposed another similar meeting',
];

test('desktop: every event shows, a card opens and a statement expands, all from the origin', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('.nl-marker');
  const headlines = await page.locator('.nl-marker .nl-marker-headline').allTextContents();
  assert.deepEqual(headlines, HEADLINES);
  for (const marker of await page.locator('.nl-marker').all()) {
    assert.ok(await marker.isVisible(), 'every marker is on screen at zoom 1');
  }
  // Markers do not overlap one another.
  const boxes = await page.locator('.nl-marker').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      assert.ok(!overlap, `markers ${i} and ${j} overlap`);
    }
  }
  assert.equal(await page.locator('.nl-break-label').textContent(), '28 years');

  await page.locator('.nl-marker', { hasText: 'Nearly four hours' }).click();
  await assert.doesNotReject(page.waitForFunction(() => location.hash === '#talks-held'));
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), HEADLINES[4]);
  const toggle = page.locator('.nl-widget .nl-statement-toggle', { hasText: 'actions' }).first();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const detail = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  assert.ok(await detail.isVisible());
  assert.match(await detail.textContent(), /this is about actions, not just principles/);
  await page.screenshot({ path: join(SCREENSHOTS, 'e2e-1280.png'), fullPage: true });

  assert.deepEqual(faults.errors, []);
  assert.deepEqual(faults.console, []);
  assert.deepEqual(faults.foreign, []);
});

test('phone: a vertical list at 360 px with no sideways scrolling', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 360, height: 740 });
  await page.goto(`${server.origin}/#baghdad-bombing`);
  await page.waitForSelector('.nl-list');
  assert.equal(await page.locator('.nl-item-button').count(), 8);
  assert.equal(await page.locator('.nl-gap').textContent(), '28 years later');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), HEADLINES[3]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal page scroll');
  await page.locator('.nl-item-button', { hasText: 'news conference' }).click();
  await page.locator('.nl-expand-all').click();
  assert.equal(await page.locator('.nl-statement-toggle[aria-expanded="true"]').count(), 3);
  await page.screenshot({ path: join(SCREENSHOTS, 'e2e-360.png'), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.waitForTimeout(50);
  const overflow320 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow320, 0, 'no horizontal page scroll at 320 px');
  assert.deepEqual(faults.errors, []);
  assert.deepEqual(faults.console, []);
  assert.deepEqual(faults.foreign, []);
});

test('article column: the widget 644 px wide, beside the 1280 and 360 px screenshots', async () => {
  // The demo page keeps 16 px either side of its column.
  const { page, faults } = await watchedPage(browser, server.origin, { width: 676, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('.nl-marker');
  assert.equal(await page.locator('.nl-widget > .newsline').evaluate((e) => e.getBoundingClientRect().width), 644);
  assert.equal(await page.locator('.nl-marker').count(), 8, 'the axis, not the list');
  assert.equal(await page.locator('.nl-break-label').textContent(), '28 years');
  assert.deepEqual(await page.locator('.nl-tick-label').allTextContents(), ['1979', 'May 28, 2007']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal page scroll');
  await page.screenshot({ path: join(SCREENSHOTS, 'e2e-644.png'), fullPage: true });
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('the article demo fits a 320 px phone: neither its widgets nor its own masthead scroll the page sideways', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 320, height: 640 });
  await page.goto(`${server.origin}/demo/article.html`);
  await page.locator('#timeline-main .nl-card').waitFor();
  await page.locator('#timeline-positions .nl-card').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal page scroll at 320 px');
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('keyboard: tab into the strip, arrow along, and the card follows', async () => {
  const { page } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('.nl-marker');
  // Tab goes: the widget's box first. The page keeps it at the height the waiting story had, and the
  // story overflows it: the box is a stop, so the keys that scroll it reach it.
  await page.keyboard.press('Tab');
  const box = page.locator('.nl-widget > .newsline');
  assert.equal(await box.evaluate((e) => e === document.activeElement && e.scrollHeight > e.clientHeight), true);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('.nl-widget > .newsline').scrollTop > 0);
  await box.evaluate((e) => e.scrollTo(0, 0));
  // Then Previous, Next, zoom out, zoom in, and the selected marker.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'nl-button nl-prev');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.eventId), 'ties-broken-1979');
  const focusOn = (id) => page.waitForFunction((id) => document.activeElement.dataset.eventId === id, id);
  await page.keyboard.press('ArrowRight');
  await focusOn('tehran-pullout-call');
  await page.keyboard.press('ArrowRight');
  await focusOn('talks-open');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), HEADLINES[2]);
  await page.keyboard.press('End');
  assert.equal(await page.locator('.nl-widget .nl-card-headline').textContent(), HEADLINES[7]);
  // One Tab leaves the strip for the card's controls: the strip is a single tab stop.
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.className), /nl-expand-all/);
});

test('a story of 10,000 events draws only what is in view, and every event stays reachable', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/demo/article.html`);
  await page.evaluate(() => window.Newsline.ready);
  await page.evaluate(() => {
    // One event a day from 1980 on, in order.
    const events = Array.from({ length: 10000 }, (_, i) => ({
      id: `e${i + 1}`,
      date: new Date(Date.UTC(1980, 0, 1) + i * 86400000).toISOString().slice(0, 10),
      headline: `Event ${i + 1}`,
    }));
    const el = document.createElement('div');
    el.id = 'big';
    document.body.prepend(el);
    window.Newsline.mount(el, { data: { title: 'Ten thousand', events }, hash: false });
  });
  const big = page.locator('#big');
  await big.locator('.nl-card').waitFor();
  const drawn = await big.locator('.nl-marker').count();
  assert.ok(drawn > 5 && drawn < 300, `${drawn} markers in the DOM`);
  // At the minimum spacing throughout, zooming in would change nothing: the button says so, and does nothing.
  const zoomIn = big.locator('.nl-zoom-in');
  assert.equal(await zoomIn.getAttribute('aria-disabled'), 'true');
  const track = async () => big.locator('.nl-track').getAttribute('data-w');
  const before = await track();
  await zoomIn.click({ force: true }); // a reader can still press it
  assert.equal(await track(), before);
  assert.equal(await big.locator('.nl-zoom-out').getAttribute('aria-disabled'), 'false');
  assert.equal(await big.locator('.nl-marker-item').first().getAttribute('aria-setsize'), '10000');
  await big.locator('.nl-marker[aria-current="true"]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.dataset.eventId === 'e10000');
  assert.equal(await big.locator('.nl-position').textContent(), '10,000 of 10,000');
  assert.equal(await big.locator('.nl-marker-item:has(.nl-marker[aria-current="true"])').getAttribute('aria-posinset'), '10000');
  // The marker strip scrolled to the end, and what is drawn there is the end of the story.
  const last = await big.locator('.nl-marker').last().getAttribute('data-event-id');
  assert.equal(last, 'e10000');
  assert.ok((await big.locator('.nl-marker').count()) < 300);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.dataset.eventId === 'e9999');
  assert.deepEqual([...faults.errors, ...faults.console], []);
});

test('the zoom buttons mean what they show: "−" where there is nothing to zoom out to leaves "+" working', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('.nl-marker');
  const zoomOut = page.locator('.nl-zoom-out');
  assert.equal(await zoomOut.getAttribute('aria-disabled'), 'true', 'the built-in story fits: nothing to zoom out to');
  const track = async () => Number(await page.locator('.nl-track').getAttribute('data-w'));
  const before = await track();
  await zoomOut.click({ force: true }); // a reader can still press it
  assert.equal(await page.locator('.nl-groups').count(), 0, 'no overview');
  await page.locator('.nl-zoom-in').click();
  await page.waitForFunction((w) => Number(document.querySelector('.nl-track').dataset.w) > w, before);
  assert.ok((await track()) > before, 'the first "+" zooms in');
  assert.deepEqual([...faults.errors, ...faults.console], []);
});

test('in the overview, next() from the page and the arrow key both go to the next group', async () => {
  const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/demo/article.html`);
  await page.evaluate(() => window.Newsline.ready);
  await page.evaluate(() => {
    // One event a month for forty years: too long for the width, so zooming out gives the overview.
    const events = Array.from({ length: 480 }, (_, i) => ({
      id: `e${i}`,
      date: `${1960 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      headline: `Event ${i}`,
    }));
    const el = document.createElement('div');
    el.id = 'long';
    document.body.prepend(el);
    window.__long = window.Newsline.mount(el, { data: { title: 'Forty years', events }, hash: false });
  });
  const long = page.locator('#long');
  await long.locator('.nl-card').waitFor();
  await long.locator('.nl-zoom-out').click();
  await long.locator('.nl-group').first().waitFor();
  const secondGroup = await long.locator('.nl-group').nth(1).getAttribute('id');
  const selected = () => long.locator('.nl-card').getAttribute('data-event-id');
  // The page's next().
  await page.evaluate(() => window.__long.next());
  await page.waitForFunction(() => document.querySelector('#long .nl-card').dataset.eventId !== 'e0');
  const byApi = await selected();
  assert.notEqual(byApi, 'e1', 'next() skips to the next group, not the next event');
  assert.equal(`${secondGroup}`.replace(/^.*-g-/, 'e'), byApi, 'the first event of the second group');
  // The key, from the start again.
  await page.evaluate(() => window.__long.select('e0'));
  await page.waitForFunction(() => document.querySelector('#long .nl-card').dataset.eventId === 'e0');
  await long.locator('.nl-group[aria-current="true"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#long .nl-card').dataset.eventId !== 'e0');
  assert.equal(await selected(), byApi, 'the arrow key goes where next() went');
  assert.deepEqual([...faults.errors, ...faults.console], []);
});
