// Languages end to end: the Persian and Arabic stories on their demo pages, read in the reader's words and
// digits; the page's choice of language and digits over the story's; axe-core on the Persian page.
// (Right-to-left mirroring and the dates are tested with their own work, not here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch, watchedPage, SCREENSHOTS, LIVE_CARD } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A page of `lang` with one widget of these attributes. */
const page = (lang, attributes) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Languages</title>
    <link rel="icon" href="/favicon.svg"></head><body><main><h1>Languages</h1>
    <div data-newsline ${attributes}></div></main><script type="module" src="/newsline.js"></script></body></html>`);
};
const routes = {
  '/languages/latn.html': page('en', 'data-src="/data/baghdad-talks-2007.fa.json" data-numerals="latn"'),
  '/languages/english-in-persian.html': page('en', 'data-src="/data/baghdad-talks-2007.json" data-lang="fa"'),
  '/languages/page-lang.html': page('de', 'data-src="/data/baghdad-talks-2007.json"'),
  '/languages/long.html': page('en', 'data-src="/languages/long.json" data-lang="ar"'),
  '/languages/long.json': (req, res) => {
    // Three hundred years, one event a year: an overview on a desktop, a list in windows on a phone.
    const events = Array.from({ length: 300 }, (_, i) => ({ id: `e${i}`, date: { year: 1701 + i }, headline: `Event ${i}` }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ title: 'Three hundred years', lang: 'en', events }));
  },
};

let server;
let browser;
before(async () => {
  server = await serve(undefined, { routes });
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` at `width` and waits for the widget's card; fails on a console error or a foreign request. */
async function open(path, width) {
  const watched = await watchedPage(browser, server.origin, { width, height: 900 });
  await watched.page.goto(`${server.origin}${path}`);
  await watched.page.locator(LIVE_CARD).waitFor();
  return watched;
}

/** The parts of the open card's citation marked with language `lang`, without their isolates. */
const citedIn = (page, lang) =>
  page.locator(`${LIVE_CARD} .nl-card-source [lang="${lang}"]`).evaluateAll((parts) => parts.map((p) => p.textContent.replace(/[\u2068\u2069]/g, '')));
const REPORT_FIELDS = ['VOA', 'US, Iran Affirm Common Goals in Iraq During Rare Talks', 'Barry Newhouse', 'Irbil'];

const PERSIAN_DIGITS = '۰-۹';
const ARABIC_DIGITS = '٠-٩';

for (const [lang, next, expand, events, digits, of] of [
  ['fa', 'بعدی', 'باز کردن همه', 'رویدادها', PERSIAN_DIGITS, 'از'],
  ['ar', 'التالي', 'توسيع الكل', 'الأحداث', ARABIC_DIGITS, 'من'],
]) {
  test(`${lang}: the story in its own words and digits at 1280 and 360 px`, async () => {
    for (const width of [1280, 360]) {
      const { page, faults } = await open(`/demo/${lang}.html`, width);
      const root = page.locator('.newsline');
      assert.equal(await root.getAttribute('lang'), lang, 'the root says the language');
      assert.equal(await root.getAttribute('dir'), 'rtl', 'and its direction');
      assert.equal(await page.locator('.nl-title').getAttribute('lang'), null, "the story's text is in the root's language");
      // Where the reader is, in the language's digits: "۱ از ۸", "١ من ٨".
      const digit = (n) => String.fromCharCode((digits === PERSIAN_DIGITS ? 0x06f0 : 0x0660) + n);
      assert.equal(await page.locator('.nl-position').textContent(), `${digit(1)} ${of} ${digit(8)}`);
      // The interface's words are the table's: the Next button is named by them.
      const nextButton = page.getByRole('button', { name: next, exact: true });
      assert.equal(await nextButton.count(), 1, `Next is "${next}"`);
      await nextButton.click();
      assert.equal(await page.locator('.nl-position').textContent(), `${digit(2)} ${of} ${digit(8)}`);
      // The date line's separators: a middle dot would read as this script's zero ("٢٠٠٧ · طهران").
      const separators = await page.locator(`${LIVE_CARD} .nl-card-meta`).evaluate((meta) =>
        [...meta.querySelectorAll('.nl-card-place, .nl-card-order')].map((e) => getComputedStyle(e, '::before').content),
      );
      assert.equal(separators.length, 2, 'the Tehran statement has a place and an unknown order');
      // The report's own fields in the citation are marked English (the source says "lang": "en"), so a screen
      // reader does not read them with this language's voice.
      assert.deepEqual(await citedIn(page, 'en'), REPORT_FIELDS);
      assert.ok(separators.every((c) => c.startsWith('"– "')), `separators ${separators}`);
      assert.equal(await page.locator('.nl-expand-all').textContent(), expand);
      // One statement: "۱ اظهار نظر"; the Arabic singular spells its number, "تصريح واحد".
      const count = await page.locator('.nl-statements-title').textContent();
      assert.equal(count, lang === 'fa' ? `${digit(1)} اظهار نظر` : 'تصريح واحد');
      if (width === 360) {
        assert.equal(await page.locator('.nl-list').getAttribute('aria-label'), events, 'the list is named');
      } else {
        assert.equal(await page.locator('.nl-markers').getAttribute('aria-label'), events, 'the markers are named');
      }
      await page.screenshot({ path: join(SCREENSHOTS, `languages-${lang}-${width}.png`), fullPage: true });
      assert.deepEqual(faults, { console: [], errors: [], foreign: [] });
      await page.close();
    }
  });
}

test('data-numerals="latn" writes the counts of a Persian story in 0–9', async () => {
  const { page } = await open('/languages/latn.html', 1280);
  assert.equal(await page.locator('.newsline').getAttribute('lang'), 'fa', "the story's language");
  assert.match(await page.locator('.nl-position').textContent(), /^[1-8] از 8$/);
  await page.getByRole('button', { name: 'بعدی', exact: true }).click();
  assert.match(await page.locator('.nl-position').textContent(), /^[2-8] از 8$/);
  await page.close();
});

test('an English story with data-lang="fa": Persian words around the English text', async () => {
  const { page } = await open('/languages/english-in-persian.html', 1280);
  const root = page.locator('.newsline');
  assert.deepEqual([await root.getAttribute('lang'), await root.getAttribute('dir')], ['fa', 'rtl']);
  assert.equal(await page.getByRole('button', { name: 'قبلی', exact: true }).count(), 1);
  assert.match(await page.locator('.nl-position').textContent(), /^[۱-۸] از ۸$/);
  assert.equal(await page.locator('.nl-controls').getAttribute('aria-label'), 'پیمایش گاه‌شمار');
  // The story's own text stays as written, marked as English (the page's language: the story says none), so a
  // screen reader reads it in English among the Persian words.
  assert.match(await page.locator('.nl-title').textContent(), /^U\.S\. and Iran/);
  assert.match(await page.locator('.nl-card-headline').textContent(), /^[A-Z]/);
  for (const text of ['.nl-title', '.nl-summary', '.nl-card-headline', '.nl-card-body', '.nl-marker-headline']) {
    assert.equal(await page.locator(text).first().getAttribute('lang'), 'en', text);
  }
  assert.equal(await page.locator('.nl-controls').getAttribute('lang'), null, "the controls speak the root's language");
  // So are the source's fields in the citation, among the Persian words around them.
  assert.deepEqual(await citedIn(page, 'en'), REPORT_FIELDS);
  await page.screenshot({ path: join(SCREENSHOTS, 'languages-english-story-fa.png') });
  await page.close();
});

test("a reader's words are fetched beside the story, once; where they cannot be, English words and a warning", async () => {
  // The widget carries English only: a Persian reader's table comes from data/words/, asked for as the widget
  // mounts (the page names the language), while the story is still on its way.
  const fetched = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  const asked = [];
  fetched.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await fetched.page.goto(`${server.origin}/languages/english-in-persian.html`);
  await fetched.page.locator('.newsline .nl-card').waitFor();
  assert.equal(await fetched.page.getByRole('button', { name: 'بعدی', exact: true }).count(), 1);
  assert.deepEqual(asked.filter((p) => p.startsWith('/data/')).sort(), ['/data/baghdad-talks-2007.json', '/data/words/fa.txt']);
  await fetched.page.close();

  const failed = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  const warnings = [];
  failed.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await failed.page.route('**/data/words/fa.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await failed.page.goto(`${server.origin}/languages/english-in-persian.html`);
  await failed.page.locator('.newsline .nl-card').waitFor();
  // The story is shown all the same, right to left and in Persian digits, its words in English.
  const root = failed.page.locator('.newsline');
  assert.deepEqual([await root.getAttribute('lang'), await root.getAttribute('dir')], ['fa', 'rtl']);
  assert.equal(await failed.page.getByRole('button', { name: 'Next', exact: true }).count(), 1);
  assert.match(await failed.page.locator('.nl-position').textContent(), /^[۱-۸] از ۸$/);
  assert.ok(warnings.some((w) => w.includes('"fa"') && w.includes('English')), warnings.join('\n'));
  await failed.page.close();

  // While the words are on their way, the loading frame says so in English, marked English (a screen reader
  // would read it in a Persian voice under the reader's `lang`), laid out right to left; then the Persian words.
  const slow = await watchedPage(browser, server.origin, { width: 1280, height: 900 });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await slow.page.route('**/data/words/fa.txt', async (route) => {
    await held;
    await route.continue();
  });
  await slow.page.goto(`${server.origin}/languages/english-in-persian.html`);
  const frame = slow.page.locator('.newsline.nl-loading');
  await frame.waitFor();
  assert.deepEqual([await frame.getAttribute('lang'), await frame.getAttribute('dir')], ['en', 'rtl']);
  assert.equal(await frame.locator('[role=status]').textContent(), 'Loading timeline…');
  release();
  await slow.page.locator('.newsline .nl-card').waitFor();
  assert.equal(await slow.page.locator('.newsline').getAttribute('lang'), 'fa');
  assert.equal(await slow.page.getByRole('button', { name: 'بعدی', exact: true }).count(), 1);
  await slow.page.close();
});

test('the iframe mode takes the language from its address', async () => {
  const { page } = await open('/embed.html?src=data/baghdad-talks-2007.json&lang=fa&numerals=latn', 800);
  assert.equal(await page.locator('.newsline').getAttribute('lang'), 'fa');
  assert.equal(await page.locator('.nl-position').textContent(), '1 از 8');
  await page.close();
});

test("a story without a language takes the page's: German words on a German page", async () => {
  const { page } = await open('/languages/page-lang.html', 1280);
  assert.equal(await page.locator('.newsline').getAttribute('lang'), 'de');
  assert.equal(await page.locator('.newsline').getAttribute('dir'), 'ltr');
  assert.equal(await page.getByRole('button', { name: 'Weiter', exact: true }).count(), 1);
  await page.close();
});

test('Arabic counts in the overview and the long list: plural forms and Arabic-Indic digits', async () => {
  let { page } = await open('/languages/long.html', 1100);
  assert.equal(await page.locator('.nl-position').textContent(), '١ من ٣٠٠');
  await page.locator('.nl-zoom-out').click();
  await page.locator('.nl-group').first().waitFor();
  // 25 events a group: the "many" form, "٢٥ حدثًا", around the visible count.
  const name = await page.locator('.nl-group').first().evaluate((b) => b.textContent);
  assert.match(name, /^٢٥ حدثًا، /, name);
  // The live region says it once the change settles.
  await page.waitForFunction(() => document.querySelector('.nl-live').textContent !== '');
  assert.match(await page.locator('.nl-live').textContent(), /^نظرة عامة: ١٢ مجموعة من الأحداث\. الحدث المفتوح ضمن ٢٥ حدثًا، /);
  await page.close();
  ({ page } = await open('/languages/long.html', 360));
  assert.equal(await page.locator('.nl-more').textContent(), 'عرض الأحداث اللاحقة (٢٠٠ أخرى)');
  await page.close();
});

test('axe-core finds nothing on the Persian page: first view, a statement open, all open', async () => {
  const { page } = await open('/demo/fa.html', 1280);
  const axe = async (state) => {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    assert.deepEqual(violations, [], `axe-core violations on the Persian page, ${state}`);
  };
  await axe('first view');
  await page.locator('.nl-marker').nth(4).click();
  await page.locator('.nl-statement-toggle').first().click();
  await axe('a statement open');
  await page.locator('.nl-expand-all').click();
  await axe('all statements open');
  await page.close();
});
