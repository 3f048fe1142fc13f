// Dates on any scale (issue 19): a story of deep time in TimelineJS's format, from the Big Bang to the Moon
// landing, as TimelineJS3's cosmological templates write it (years as far back as -13,800,000,000). The
// widget shows it at 1280 and 360 px: cards say "13.8 billion years ago", the axis is ticked in billions of
// years with labels clear of each other, the breaks say how long they are in round words, and Next walks
// from the Big Bang to 1969. Screenshots in target/screenshots/deep-time-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, launch, watchedPage, settle, axeViolations, SCREENSHOTS } from './harness.mjs';

const event = (year, headline, extra = {}) => ({ start_date: { year: String(year), ...extra }, text: { headline } });
const COSMOS = {
  title: { text: { headline: 'From the Big Bang to the Moon' } },
  events: [
    event(-13800000000, 'The Big Bang'),
    event(-4600000000, 'The Sun ignites'),
    event(-540000000, 'The Cambrian explosion'),
    event(-300000, 'Homo sapiens appear'),
    event(-3500, 'First manufactured glass'),
    event(1609, 'Galileo points a telescope at the Moon', { month: '11' }),
    event(1969, 'Apollo 11 lands on the Moon', { month: '7', day: '20' }),
  ],
};

let server;
let browser;
before(async () => {
  server = await serve(undefined, {
    routes: {
      '/deep/cosmos.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(COSMOS));
      },
      '/deep/page.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1"><title>Deep time</title>
          <link rel="icon" href="/favicon.svg"></head><body><main><h1>A story of deep time</h1>
          <div data-newsline data-hash="off" data-src="/deep/cosmos.json"></div></main>
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

for (const width of [1280, 360]) {
  test(`a story of deep time reads in years ago at ${width} px`, async () => {
    const { page, faults } = await watchedPage(browser, server.origin, { width, height: 900 });
    await page.goto(`${server.origin}/deep/page.html`);
    await page.locator('.nl-card').waitFor();
    await settle(page);
    assert.equal((await page.locator('.nl-card-date').textContent()).trim(), '13.8 billion years ago');
    if (width === 1280) {
      // The axis: ticks of deep time, each label clear of the next.
      const ticks = await page.locator('.nl-tick-label').evaluateAll((labels) =>
        labels.map((l) => ({ text: l.textContent, box: l.getBoundingClientRect().toJSON() })),
      );
      assert.ok(ticks.some((t) => /billion years ago$/.test(t.text)), JSON.stringify(ticks.map((t) => t.text)));
      assert.ok(ticks.every((t) => !/\d{7}/.test(t.text)), 'no year of many digits on the axis');
      const boxes = ticks.map((t) => t.box).sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i++) {
        if (Math.abs(boxes[i].top - boxes[i - 1].top) < 4) assert.ok(boxes[i - 1].right <= boxes[i].left + 0.5, 'labels overlap');
      }
      const breaks = await page.locator('.nl-break-label').allTextContents();
      assert.ok(breaks.every((b) => b.length < 20), `breaks in round words: ${breaks}`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `deep-time-${width}.png`), fullPage: true });
    // Next walks the story to its end: 1969 is a day, as exact as ever.
    const next = page.locator('.nl-nav-next, button.nl-next').first();
    for (let i = 0; i < COSMOS.events.length - 1; i++) {
      await next.click();
      await settle(page);
    }
    assert.match((await page.locator('.nl-card-date').textContent()).trim(), /July 20, 1969/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual([faults.errors, faults.console, faults.foreign], [[], [], []]);
    await page.close();
  });
}
