// Shared pieces of the end-to-end tests: a static server for dist/ on 127.0.0.1 and Debian's Chromium.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. `routes` maps a path to a handler `(req, res) => …` that answers
 * instead of the file system (for servers that misbehave on purpose); `headers(path)` adds response headers;
 * `prefix` serves the folder below that path instead of at the root.
 * Resolves to { origin, close() }.
 */
export async function serve(dir = DIST, { routes = {}, headers = () => ({}), prefix = '/' } = {}) {
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (routes[path]) return await routes[path](req, res);
      if (!path.startsWith(prefix)) throw new Error('outside the prefix');
      let file = normalize(join(dir, path.slice(prefix.length - 1)));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise((r) => server.close(r));
  };
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page that records what a test must never see: console errors, uncaught exceptions, and requests to
 * any origin other than `origin`.
 */
export async function watchedPage(browser, origin, viewport) {
  const page = await browser.newPage({ viewport });
  const faults = { console: [], errors: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') faults.console.push(m.text());
  });
  page.on('pageerror', (e) => faults.errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) faults.foreign.push(r.url());
  });
  return { page, faults };
}

/** Waits until the widget has stopped changing: the same markup, scroll and positions for two frames. */
export async function settle(page) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const now = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const w = document.querySelector('.newsline');
              const nav = w?.querySelector('.nl-nav');
              const track = w?.querySelector('.nl-track');
              resolve(`${w?.innerHTML.length}:${nav?.scrollLeft}:${track?.getBoundingClientRect().width}`);
            }),
          ),
        ),
    );
    if (now === last) return;
    last = now;
  }
}

/**
 * The widget's own card. A page in the iframe mode holds the built-in story prerendered (every card, hidden)
 * until the widget mounts, so a bare `.nl-card` may meet those first.
 */
export const LIVE_CARD = '.newsline:not(.nl-prerendered) .nl-card';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules axe-core holds the widget to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's violations on the whole of `page`, each as "id (impact): help — the elements". */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}
