// Hostile stories next to a good widget: each gives its error or its story within 2 s, the page stays
// responsive, and the good widget on the same page keeps working. The shapes are those a security review
// found could freeze or crash a tab (issue 17): quadratic text parsing, cubic lanes, unbounded problem lists,
// nesting that bypassed its cap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each story is built in the page (some are megabytes); `shows` is what the reader must get. */
const STORIES = [
  {
    name: 'a body of 99,999 "["',
    shows: 'story',
    make: () => ({ title: 'Brackets', events: [{ id: 'a', date: '2007', headline: 'A', body: '['.repeat(99999) }] }),
  },
  {
    name: 'a body of "[x](" 25,000 times',
    shows: 'story',
    make: () => ({ title: 'Links', events: [{ id: 'a', date: '2007', headline: 'A', body: '[x]('.repeat(24999) }] }),
  },
  {
    name: 'a body of "<em></b>" 12,000 times',
    shows: 'story',
    make: () => ({ title: 'Tags', events: [{ id: 'a', date: '2007', headline: 'A', body: '<em></b>'.repeat(12000) + 'end' }] }),
  },
  {
    name: 'a TimelineJS headline of 2,000,000 "["',
    shows: 'error',
    make: () => ({ events: [{ start_date: { year: 2007 }, text: { headline: '['.repeat(2000000) } }] }),
  },
  {
    name: '5,000 events in 5,000 groups',
    shows: 'story',
    make: () => ({
      title: 'Groups',
      events: Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, date: `${1000 + i}`, headline: `E${i}`, group: `Group ${i}` })),
    }),
  },
  {
    name: '1,000 sources and 5,000 events citing unknown ones',
    shows: 'error',
    make: () => ({
      title: 'Sources',
      sources: Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, title: `Source ${i}` })),
      events: Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, date: '2007', sequence: i, headline: 'E', source: `nope${i}` })),
    }),
  },
];

for (const story of STORIES) {
  test(`hostile: ${story.name} gives its ${story.shows} within 2 s, and the good widget beside it works`, async () => {
    const { page, faults } = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('[data-newsline-live] .nl-card');
    const result = await page.evaluate(async (source) => {
      const data = JSON.stringify(new Function(`return (${source})()`)());
      const el = document.createElement('div');
      el.id = 'hostile';
      document.querySelector('main').append(el);
      const t0 = performance.now();
      window.Newsline.mount(el, { data, hash: false });
      while (!el.querySelector('.nl-card, .nl-error') && performance.now() - t0 < 10000) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const took = performance.now() - t0;
      // Responsive: a task queued now runs soon.
      const t1 = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      return {
        took,
        lag: performance.now() - t1,
        card: !!el.querySelector('.nl-card'),
        error: !!el.querySelector('.nl-error'),
        problems: el.querySelectorAll('.nl-problems li').length,
      };
    }, story.make.toString());
    assert.ok(result.took < 2000, `shown after ${Math.round(result.took)} ms`);
    assert.ok(result.lag < 250, `the page answered after ${Math.round(result.lag)} ms`);
    assert.equal(story.shows === 'story' ? result.card : result.error, true, JSON.stringify(result));
    assert.ok(result.problems <= 101, `${result.problems} problems listed`);
    // The good widget still moves.
    const good = page.locator('main > [data-newsline] > .nl-widget');
    const before = await good.locator('.nl-card-headline').textContent();
    await good.locator('.nl-next').click();
    await page.waitForFunction(
      (text) => document.querySelector('main > [data-newsline] > .nl-widget .nl-card-headline')?.textContent !== text,
      before,
    );
    assert.deepEqual(faults.errors, []);
  });
}
