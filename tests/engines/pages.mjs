// The pages the engine tests read: dist/ as shipped, each HTML page with one watcher script added to its head
// (it records errors, console errors and CSP violations, which WebDriver cannot report in every engine),
// served under the strict CSP of tests/e2e/embed.test.mjs, plus a few pages of the tests' own.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, DIST } from '../e2e/harness.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** Loaded first on every page: what a test must never see, collected in window.__faults. */
const WATCH = `window.__faults = { errors: [], console: [], violations: [] };
addEventListener('error', (e) => window.__faults.errors.push(String(e.message || e.error || e)));
addEventListener('unhandledrejection', (e) => window.__faults.errors.push('unhandled rejection: ' + String(e.reason && e.reason.message || e.reason)));
document.addEventListener('securitypolicyviolation', (e) => window.__faults.violations.push(e.violatedDirective + ' ' + e.blockedURI));
const consoleError = console.error.bind(console);
console.error = (...args) => { window.__faults.console.push(args.map(String).join(' ')); consoleError(...args); };
`;

/**
 * Checked just before the browser paints the first frame with markers in it (as in embed.test.mjs): a widget
 * that placed its markers only after that frame would show them piled at the left for a frame.
 */
const FIRST_FRAME = `window.__firstFrame = null;
new MutationObserver(() => {
  if (window.__firstFrame || !document.querySelector('.nl-marker-item')) return;
  window.__firstFrame = [];
  requestAnimationFrame(() => {
    for (const el of document.querySelectorAll('[data-x], [data-h]')) {
      const style = getComputedStyle(el);
      // Hidden until placed (newsline.css, where the CSSOM places elements): not seen, so not misplaced.
      if (style.visibility === 'hidden') continue;
      for (const [attribute, property] of [['data-x', 'left'], ['data-h', 'height']]) {
        const want = el.getAttribute(attribute);
        if (want !== null && Math.abs(parseFloat(style[property]) - parseFloat(want)) > 0.5) {
          window.__firstFrame.push(el.className + ' ' + property + ' ' + style[property] + ' not ' + want + 'px');
        }
      }
    }
    window.__firstFrame.push('checked');
  });
}).observe(document, { childList: true, subtree: true });
`;

const page = (title, body, head = '') =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  `<title>${title}</title><link rel="icon" href="/favicon.svg"><script src="/__engines/watch.js"></script>${head}</head>` +
  `<body>${body}<script type="module" src="/newsline.js"></script></body></html>`;

const send = (type, body, headers = {}) => (req, res) => {
  res.writeHead(200, { 'content-type': type, ...headers });
  res.end(body);
};
const html = (body, csp = true) => send('text/html; charset=utf-8', body, csp ? { 'content-security-policy': CSP } : {});

/** A dist/ page with the watcher added at the end of its head. */
const shipped = (file) => async (req, res) => {
  const text = await readFile(join(DIST, file), 'utf8');
  html(text.replace('</head>', '<script src="/__engines/watch.js"></script></head>'))(req, res);
};

/**
 * Serves dist/ with the tests' pages. `fault` is the state of the failing story route: while `fault.failing`
 * is set, /engines/flaky.json answers 503; after, the built-in story.
 */
export async function servePages() {
  const story = await readFile(join(DIST, 'data', 'baghdad-talks-2007.json'), 'utf8');
  const fault = { failing: true };
  const routes = {
    '/__engines/watch.js': send('text/javascript; charset=utf-8', WATCH),
    '/__engines/first-frame.js': send('text/javascript; charset=utf-8', FIRST_FRAME),
    // axe-core, as a script of the page's own origin (the strict CSP allows no eval).
    '/__engines/axe.js': send('text/javascript; charset=utf-8', await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'))),
    '/': shipped('index.html'),
    '/index.html': shipped('index.html'),
    '/demo/article.html': shipped('demo/article.html'),
    '/demo/iframe.html': shipped('demo/iframe.html'),
    '/embed.html': shipped('embed.html'),
    // The built-in story in a box of a fixed width, for comparing positions across engines whatever their
    // scrollbars take from the window; no CSP, so the box may be sized by a style attribute.
    '/engines/fixed.html': (req, res) => {
      const width = Number(new URL(req.url, 'http://x').searchParams.get('w')) || 1200;
      html(page('fixed', `<div id="box" style="width: ${width}px"><div data-newsline data-hash="off"></div></div>`,
        '<style>body { margin: 0; }</style>'), false)(req, res);
    },
    // The strict CSP, with the first-frame check.
    '/engines/strict.html': html(page('strict', '<div id="good" data-newsline data-hash="off"></div>', '<script src="/__engines/first-frame.js"></script>')),
    // An empty page under the strict CSP, for widgets the tests mount themselves.
    '/engines/blank.html': html(page('blank', '<main><h1>A story page</h1><div id="slot"></div></main>')),
    '/engines/flaky.json': (req, res) => {
      if (fault.failing) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('try again');
      } else {
        send('application/json', story)(req, res);
      }
    },
  };
  const server = await serve(DIST, { routes, headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': CSP } : {}) });
  return { ...server, fault };
}
