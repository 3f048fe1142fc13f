// End to end: dates in the reader's language, calendar and digits (issue 15). In the browser the widget asks
// Intl.DateTimeFormat; `newsline render` (the host, no Intl) writes from tables. These tests hold the two to
// the same words: the tables against Chromium's Intl for every shipped language, style and month, and the
// widget's cards against the prerendered ones for every language and precision. Then the Persian and Arabic
// stories as a reader sees them, with screenshots of the Persian axis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, watchedPage, ROOT, DIST, SCREENSHOTS } from './harness.mjs';

/** What the host's tables write, per reader, style and day (written by `cargo test`, src/dates/tables.rs). */
const fixture = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'dates-host.json'), 'utf8'));
const CLI = join(ROOT, 'target', 'debug', 'newsline');
const WORK = join(ROOT, 'target', 'e2e-dates');

const page = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dates</title><link rel="icon" href="data:,"></head><body>${body}<script type="module" src="/newsline.js"></script></body></html>`);
};
const routes = {
  '/blank.html': page('<div id="slot"></div>'),
  '/fa.html': page('<div data-newsline data-src="data/baghdad-talks-2007.fa.json" data-start="talks-open"></div>'),
  '/ar.html': page('<div data-newsline data-src="data/baghdad-talks-2007.ar.json" data-start="talks-open"></div>'),
  '/fa-latn.html': page('<div data-newsline data-src="data/baghdad-talks-2007.fa.json" data-start="talks-open" data-numerals="latn"></div>'),
  '/fa-gregory.html': page('<div data-newsline data-src="data/baghdad-talks-2007.fa.json" data-start="talks-open" data-calendar="gregory"></div>'),
  '/ar-umalqura.html': page('<div data-newsline data-src="data/baghdad-talks-2007.ar.json" data-start="talks-open" data-calendar="islamic-umalqura"></div>'),
};

let server;
let browser;
before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await mkdir(WORK, { recursive: true });
  server = await serve(DIST, { routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, viewport = { width: 1280, height: 900 }) {
  const watched = await watchedPage(browser, server.origin, viewport);
  await watched.page.goto(`${server.origin}${path}`);
  return watched;
}

test("the host's tables write what Chromium's Intl writes, for every shipped language, style and month", async () => {
  const { page, faults } = await open('/blank.html');
  const wrong = await page.evaluate(({ days, cases }) => {
    const out = [];
    for (const c of cases) {
      const intl = new Intl.DateTimeFormat(c.tag, c.options);
      days.forEach((ms, i) => {
        const text = intl.format(ms);
        if (text !== c.texts[i]) out.push(`${c.tag} ${c.options.calendar} ${c.options.numberingSystem} ${c.style} ${new Date(ms).toISOString()}: Intl "${text}", tables "${c.texts[i]}"`);
      });
    }
    return out;
  }, fixture);
  assert.ok(fixture.cases.length * fixture.days.length > 1000, `${fixture.cases.length} styles of readers`);
  assert.deepEqual(wrong, []);
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

/** A story in `lang` with a date of every precision, BCE, a range and a date as the editor wrote it. */
function story(lang) {
  const events = [
    ['bce', { date: '-0500' }],
    ['year', { date: '1979' }],
    ['month', { date: '1980-04' }],
    ['day', { date: '1980-04-07' }],
    ['range', { date: '1985-02-14', end_date: '1986-03' }],
    ['hour', { date: '2007-05-28T09' }],
    ['minute', { date: '2007-05-28T14:05' }],
    ['written', { date: '2007-06', display_date: 'Early summer 2007' }],
    ['late', { date: '12000-02-29' }],
  ];
  return {
    title: `Dates in ${lang}`,
    lang,
    events: events.map(([id, dates]) => ({ id, headline: `At the ${id}`, ...dates })),
  };
}

const LANGUAGES = ['en', 'fr', 'es', 'de', 'ar', 'ar-IQ', 'fa'];

/** The text of every prerendered card's date, in order, as `newsline render` writes it. */
function prerenderedDates(lang) {
  const file = join(WORK, `${lang}.json`);
  return writeFile(file, JSON.stringify(story(lang))).then(() => {
    const html = execFileSync(CLI, ['render', file], { encoding: 'utf8' });
    const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    return [...html.matchAll(/<time [^>]*class="nl-card-date"[^>]*>([^<]*)<\/time>/g)].map((m) => decode(m[1]));
  });
}

test('the widget writes the dates `newsline render` writes, in every shipped language and at every precision', async () => {
  const { page, faults } = await open('/blank.html');
  await page.waitForFunction(() => window.Newsline);
  for (const lang of LANGUAGES) {
    const host = await prerenderedDates(lang);
    const data = story(lang);
    const widget = await page.evaluate(async (data) => {
      const slot = document.getElementById('slot');
      const ready = new Promise((r) => slot.addEventListener('newsline:ready', r, { once: true }));
      const handle = window.Newsline.mount(slot, { data, hash: false });
      await ready;
      const out = [];
      for (const e of data.events) {
        await handle.select(e.id);
        // Until the card is the event's: a busy machine's render may come a frame or two later.
        for (let frames = 0; slot.querySelector('.nl-card')?.dataset.eventId !== e.id && frames < 600; frames++) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        out.push(slot.querySelector('.nl-card-date').textContent);
      }
      await handle.destroy();
      return out;
    }, data);
    assert.equal(host.length, data.events.length, `${lang}: a prerendered card per event`);
    assert.deepEqual(widget, host, `${lang}: the widget and newsline render`);
    if (lang !== 'en') assert.notDeepEqual(widget, await prerenderedDates('en'), `${lang}: not English`);
  }
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

/** The texts of the axis: tick labels, break labels, and the card's date. */
async function axis(page) {
  await page.locator('.nl-card-date').waitFor();
  return page.evaluate(() => ({
    ticks: [...document.querySelectorAll('.nl-tick-label')].map((t) => t.textContent),
    breaks: [...document.querySelectorAll('.nl-break-label')].map((t) => t.textContent),
    card: document.querySelector('.nl-card-date').textContent,
    flags: [...document.querySelectorAll('.nl-marker-date')].map((t) => t.textContent),
  }));
}

test('the Persian story is dated in the Persian calendar with Persian digits: card, flags, ticks and break', async () => {
  for (const width of [1280, 360]) {
    const { page, faults } = await open('/fa.html', { width, height: 900 });
    const seen = await axis(page);
    // May 28, 2007 is 7 Khordad 1386, a Monday; 1979 runs from Dey 1357 into Dey 1358.
    assert.equal(seen.card, 'دوشنبه ۷ خرداد ۱۳۸۶');
    if (width === 1280) {
      // The span of 1979 in its short form: the long one would cross the strip's start.
      assert.deepEqual(seen.ticks, ['۱۳۵۷–۵۸', '۷ خرداد ۱۳۸۶']);
      assert.deepEqual(seen.breaks, ['۲۸ سال']);
      assert.ok(seen.flags.includes('۷ خرداد ۱۳۸۶'), seen.flags.join(' | '));
    } else {
      assert.ok(seen.flags.includes('۱۳۵۷–۱۳۵۸') && seen.flags.includes('۷ خرداد ۱۳۸۶'), seen.flags.join(' | '));
    }
    const datetime = await page.locator('.nl-card-date').getAttribute('datetime');
    assert.equal(datetime, '2007-05-28', 'the machine-readable date stays ISO, Gregorian');
    await page.screenshot({ path: join(SCREENSHOTS, `dates-fa-${width}.png`), fullPage: width === 360 });
    assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
    await page.close();
  }
});

test('the Arabic story says its months in Arabic, with Arabic-Indic digits', async () => {
  const { page, faults } = await open('/ar.html');
  const seen = await axis(page);
  assert.equal(seen.card, 'الاثنين، ٢٨ مايو ٢٠٠٧');
  assert.deepEqual(seen.ticks, ['١٩٧٩', '٢٨ مايو ٢٠٠٧']);
  assert.deepEqual(seen.breaks, ['٢٨ سنة']);
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('data-numerals="latn" writes the Persian calendar in 0–9; data-calendar="gregory" Gregorian months in Persian', async () => {
  const latn = await open('/fa-latn.html');
  const inLatn = await axis(latn.page);
  assert.equal(inLatn.card, 'دوشنبه 7 خرداد 1386');
  assert.deepEqual(inLatn.ticks, ['1357–58', '7 خرداد 1386']);
  assert.deepEqual(inLatn.breaks, ['28 سال']);
  const gregory = await open('/fa-gregory.html');
  const inGregory = await axis(gregory.page);
  assert.equal(inGregory.card, 'دوشنبه ۲۸ مهٔ ۲۰۰۷');
  assert.deepEqual(inGregory.ticks, ['۱۹۷۹', '۲۸ مهٔ ۲۰۰۷']);
  for (const { faults } of [latn, gregory]) assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});

test('a calendar only the browser knows is written by Intl: the Arabic story in the Umm al-Qura calendar', async () => {
  const { page, faults } = await open('/ar-umalqura.html');
  const seen = await axis(page);
  // May 28, 2007 is 11 Jumada al-Ula 1428; Intl names it, the widget carries no table of it.
  assert.match(seen.card, /١١ جمادى الأولى ١٤٢٨/);
  assert.deepEqual([...faults.errors, ...faults.console, ...faults.foreign], []);
});
