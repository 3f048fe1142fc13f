// Relative image URLs in a story are read against the story file's address, the same in the one-tag mode
// (newsline.js on an article page) and the iframe mode (embed.html): `local.svg` next to the story is
// loaded from next to the story in both (it was `/local.svg` in one and `/newsline/local.svg` in the other).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, DIST } from './harness.mjs';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#0b5cad"/></svg>';
const STORY = {
  title: 'Pictures next to the story',
  events: [
    { id: 'local', date: '2024-01-10', headline: 'An image next to the story', media: { url: 'local.svg', alt: 'A blue box' } },
    { id: 'up', date: '2024-02-10', headline: 'An image one folder up', media: { url: '../shared/up.svg', alt: 'A blue box' } },
    { id: 'root', date: '2024-03-10', headline: 'An image from the root', media: { url: '/newsline/stories/sub/local.svg', alt: 'A blue box' } },
  ],
};

const svg = (req, res) => {
  res.writeHead(200, { 'content-type': 'image/svg+xml' });
  res.end(SVG);
};

let server;
let browser;
before(async () => {
  // The bundle under /newsline/, as a site installs it; the article elsewhere on the site.
  server = await serve(DIST, {
    prefix: '/newsline/',
    routes: {
      '/newsline/stories/sub/story.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(STORY));
      },
      '/newsline/stories/sub/local.svg': svg,
      '/newsline/stories/shared/up.svg': svg,
      '/articles/2024/page.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
          <link rel="icon" href="/newsline/favicon.svg"></head><body><main><h1>An article</h1>
          <div data-newsline data-hash="off" data-src="../../newsline/stories/sub/story.json"></div></main>
          <script type="module" src="/newsline/newsline.js"></script></body></html>`);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens each event in turn in `frame` and reads its image: the address it loaded and its natural width. */
async function images(frame) {
  const seen = {};
  for (const id of STORY.events.map((e) => e.id)) {
    await frame.locator(`.nl-marker[data-event-id="${id}"]`).click();
    await frame.waitForFunction((id) => document.querySelector('.nl-card')?.dataset.eventId === id, id);
    // The image loads lazily: bring it into view.
    await frame.locator('.nl-card-media img').scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => document.querySelector('.nl-card-media img')?.complete);
    seen[id] = await frame.evaluate(() => {
      const img = document.querySelector('.nl-card-media img');
      return { src: img.currentSrc, width: img.naturalWidth };
    });
  }
  return seen;
}

for (const mode of ['one-tag', 'iframe']) {
  test(`${mode} mode: relative image URLs are read against the story file`, async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const missing = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    if (mode === 'one-tag') {
      await page.goto(`${server.origin}/articles/2024/page.html`);
    } else {
      // The frame's src is relative to embed.html, as docs/embedding.md says.
      await page.goto(`${server.origin}/newsline/embed.html?src=stories/sub/story.json`);
    }
    await page.waitForSelector('.nl-card');
    const seen = await images(page);
    const at = (path) => ({ src: `${server.origin}${path}`, width: 40 });
    assert.deepEqual(seen, {
      local: at('/newsline/stories/sub/local.svg'),
      up: at('/newsline/stories/shared/up.svg'),
      root: at('/newsline/stories/sub/local.svg'),
    });
    assert.deepEqual(missing, []);
    await page.close();
  });
}
