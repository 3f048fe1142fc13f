// Newsline: the embed entry point. One tag mounts every <div data-newsline> on the page:
//   <script type="module" src=".../newsline.js"></script>
// Everything it loads is found next to this file, so the bundle works from any host and path prefix.
// The only global it defines is window.Newsline.
//
// Each widget runs in a WebAssembly instance of its own (the module is compiled once), so a fault in one
// widget cannot stop the others. Every call into an instance goes through a guard (the build adds it to the
// JS glue, tools/post-build.mjs): an instance that traps (or panics, which ends in a trap) is marked dead,
// never called again nor reused, and its widget shows "This timeline stopped working" with a Retry that
// mounts it afresh in a new instance. Instances of destroyed widgets are reused.
const asset = (name) => new URL(name, import.meta.url).href;
/** The built-in story, shown by a widget given neither data-src nor data. */
const DEFAULT_STORY = asset('data/baghdad-talks-2007.json');

function addStyles() {
  if (document.querySelector('link[data-newsline-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = asset('newsline.css');
  link.setAttribute('data-newsline-styles', '');
  document.head.append(link);
}

// The module is compiled while it downloads; servers that send it without the wasm type get the slower path.
const compiled = (async () => {
  const response = fetch(asset('newsline-app_bg.wasm'));
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    const r = await response;
    if (!r.ok) throw new Error(`Newsline: could not load its code (${r.status})`);
    return WebAssembly.compile(await r.clone().arrayBuffer());
  }
})();
// The first copy of the JS glue downloads alongside the module.
const firstGlue = import(asset('newsline-app.js'));

let made = 0;
const idle = [];
const memories = [];
/**
 * A running instance of the widget's code with no widget in it: `{ glue, dead, onFault }`. The glue's guard
 * calls `onFault(error)` once, when a call into the instance throws (a trap); the instance is dead from then on.
 */
async function instance() {
  // An idle instance can still fail (a leftover timer of the widget it held): such a one is never reused.
  while (idle.length) {
    const box = idle.pop();
    if (!box.dead) return box;
  }
  made += 1;
  // A distinct URL gives a distinct copy of the JS glue, and so a distinct instance.
  const [module, glue] = await Promise.all([
    compiled,
    made === 1 ? firstGlue : import(`${asset('newsline-app.js')}?instance=${made}`),
  ]);
  const box = { glue, dead: false, onFault: null };
  glue.__newslineOnFault?.((error) => {
    box.dead = true;
    box.onFault?.(error);
  });
  const exports = await glue.default({ module_or_path: module });
  memories.push(exports.memory);
  return box;
}

const MOUNTED = 'data-newsline-mounted';
const CRASHED = 'data-newsline-crashed';

/** The built-in limits a story's size is read under: the default, and the most the JS API may raise it to. */
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const CEILING_MAX_BYTES = 100 * 1024 * 1024;

/**
 * The widget's size limit, read as the widget reads it (src/limits.rs): `data-max-bytes` only lowers the
 * default; the `maxBytes` option may raise it, up to the ceiling.
 */
function maxBytes(element, options) {
  if (options === undefined) {
    const text = element.getAttribute('data-max-bytes')?.trim() ?? '';
    const n = /^\d+$/.test(text) ? Number(text) : DEFAULT_MAX_BYTES;
    return Math.min(n, DEFAULT_MAX_BYTES);
  }
  const n = options.maxBytes;
  return Number.isInteger(n) && n >= 0 ? Math.min(n, CEILING_MAX_BYTES) : DEFAULT_MAX_BYTES;
}

/** Origins besides its own that the page accepts stories from (Newsline.configure). */
let configuredOrigins = [];
const ALLOWED_ORIGINS_META = 'newsline-allowed-origins';

/**
 * The origins the page lists: `<meta name="newsline-allowed-origins" content="https://a.example ...">` in
 * the page's <head> (only there: a meta written into the body, as a comment's markup would be, counts for
 * nothing), and those given to Newsline.configure. The widget checks each entry and warns about bad ones.
 */
function allowedOrigins() {
  const metas = document.head ? [...document.head.querySelectorAll(`meta[name="${ALLOWED_ORIGINS_META}"]`)] : [];
  return [...metas.map((m) => m.content), ...configuredOrigins];
}

/**
 * Whether the early download may fetch `url`. The widget decides with its own rule (src/load.rs) and says why
 * it refuses; this one is never looser: an http(s) address on the page's origin, or on a listed origin
 * written exactly as an origin.
 */
function mayFetch(url) {
  if (url === DEFAULT_STORY) return true;
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  // The page's own origin only where the page has one (not in an about:srcdoc or blob: document).
  const ownOrigin = location.protocol === 'http:' || location.protocol === 'https:';
  if (ownOrigin && target.origin === location.origin) return true;
  return allowedOrigins()
    .flatMap((entry) => entry.split(/\s+/))
    .some((entry) => entry.replace(/\/$/, '').toLowerCase() === target.origin);
}

/**
 * Reads a response's body as it arrives, up to `limit` bytes: an ArrayBuffer of all of it, or, as soon as
 * more than `limit` bytes have come, the number read so far (the download is stopped there; the widget
 * reports it). Whatever the server announced: no size, a wrong one, a compressed body that inflates.
 */
async function readAtMost(response, limit, controller) {
  if (!response.body) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      controller.abort();
      return total;
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0].byteOffset === 0 && chunks[0].byteLength === chunks[0].buffer.byteLength) {
    return chunks[0].buffer;
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all.buffer;
}

/**
 * The story's download, started at once so that it runs while the module compiles; the widget takes it
 * over (its timeout, checks, errors and retry stay the widget's). Undefined when the story is given as data,
 * or comes from where the page does not accept stories (the widget says so, and nothing is requested).
 */
function prefetch(element, options) {
  const src = options === undefined ? element.getAttribute('data-src')?.trim() || DEFAULT_STORY : options.src;
  const url = src ?? (options.data === undefined ? DEFAULT_STORY : undefined);
  if (!url || !mayFetch(url)) return undefined;
  const limit = maxBytes(element, options);
  const controller = new AbortController();
  // Redirects are not followed (the widget reports one): following would reach wherever it points.
  const response = fetch(url, { signal: controller.signal, redirect: 'manual' });
  // The body too, when the server answers well and does not announce more than the widget takes, read as it
  // arrives and stopped at the widget's limit: a widget that finds the story read draws it at once, with no
  // loading frame before. Anything else is left to the widget.
  const body = response.then((r) => {
    const size = Number(r.headers.get('content-length') ?? 0);
    return r.ok && !(size > limit) ? readAtMost(r, limit, controller) : null;
  });
  const early = { url, response, body, controller };
  // What has arrived by the time the widget starts, it takes at once (and checks as it would a download).
  // (Until the widget has started: after that, the page keeps no second copy of the story.)
  response.then((r) => early.taken || (early.answer = r), () => {}); // the widget reports failures, not the page
  body.then((b) => early.taken || (early.bytes = b), () => {});
  return early;
}

/** How long a widget whose code is ready waits for its story before it shows the loading frame. */
const STORY_WAIT_MS = 50;

/**
 * Shows that the widget in `element` stopped working, with a Retry button that calls `retry`, and fires
 * `newsline:error` on the element.
 */
function showCrash(element, options, cause, retry) {
  const section = document.createElement('section');
  section.className = 'newsline nl-error nl-crashed';
  section.setAttribute('role', 'alert');
  const theme = options === undefined ? element.getAttribute('data-theme') : options.theme;
  section.setAttribute('data-theme', theme || 'light');
  const title = document.createElement('p');
  title.className = 'nl-title';
  title.textContent = 'This timeline stopped working';
  const text = document.createElement('p');
  text.className = 'nl-error-message';
  text.textContent =
    'Something went wrong inside the timeline. Retry to see it again. If it happens again, please report it to the site with the details from the browser console.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'nl-button nl-retry';
  button.textContent = 'Retry';
  button.addEventListener('click', retry, { once: true });
  const line = document.createElement('p');
  line.append(button);
  section.append(title, text, line);
  element.replaceChildren(section);
  const message = `This timeline stopped working after ${cause}. Retry mounts it again.`;
  console.error(`Newsline: ${message}`);
  const url = options === undefined ? element.getAttribute('data-src') : options.src;
  const detail = { url: url ?? null, message, problems: [], crashed: true };
  element.dispatchEvent(new CustomEvent('newsline:error', { bubbles: true, detail }));
}

/** Mounts one widget; `options` undefined means "read the element's data attributes". */
function start(element, options) {
  element.setAttribute(MOUNTED, '');
  // Only the widget's own code marks a crash: a mark already in the page's markup says nothing.
  element.removeAttribute(CRASHED);
  let destroyed = false;
  let box = null;
  /** Mounts the widget in an instance; resolves to the widget, or null (destroyed first, or it crashed). */
  const launch = (early) => {
    let mine = null;
    return instance()
      .then(async (b) => {
        mine = b;
        box = b;
        b.onFault = (error) => crashed(b, error);
        // A story about to arrive is worth a short wait: the widget then draws it at once, not a loading frame.
        if (early) await Promise.race([early.body.catch(() => {}), new Promise((r) => setTimeout(r, STORY_WAIT_MS))]);
        if (destroyed) {
          early?.controller.abort();
          b.onFault = null;
          idle.push(b);
          return null;
        }
        const mounted = b.glue.mount(element, options, DEFAULT_STORY, early, allowedOrigins());
        if (early) Object.assign(early, { taken: true, body: null, bytes: null, answer: null, response: null });
        return mounted;
      })
      .catch((error) => {
        // A trap while mounting has been shown in the element already.
        if (mine?.dead) return null;
        early?.controller.abort();
        throw error;
      });
  };
  /** The instance `b` trapped: show it in the element (once), and never use that instance again. */
  const crashed = (b, error) => {
    b.onFault = null;
    if (destroyed || b !== box) return;
    const reason = element.getAttribute(CRASHED) || `a fault in its code (${error?.name ?? 'Error'}: ${error?.message ?? error})`;
    element.removeAttribute(CRASHED);
    showCrash(element, options, reason, () => {
      if (destroyed) return;
      element.replaceChildren();
      widget = launch(undefined);
    });
  };
  let widget = launch(prefetch(element, options));
  const first = widget;
  const call = (name, ...args) =>
    widget.then((w) => (w && !destroyed && box && !box.dead ? w[name](...args) : false));
  return {
    /** Resolves once the widget is mounted (its story may still be loading). */
    mounted: first.then(() => undefined),
    select: (id) => call('select', String(id)),
    next: () => call('next'),
    prev: () => call('prev'),
    expandAll: () => call('expandAll'),
    collapseAll: () => call('collapseAll'),
    panicForTesting: () => call('panicForTesting').catch(() => false),
    /** For tests: a WebAssembly trap ('unreachable', 'stack', 'memory'), now or from a 'timer' or an 'event'. */
    trapForTesting: (kind, via) => call('trapForTesting', kind, via).then(() => true, () => false),
    /** Removes the widget; resolves to true, or false when it was already destroyed. */
    destroy() {
      if (destroyed) return widget.then(() => false, () => false);
      destroyed = true;
      return widget.then(
        (w) => {
          if (w && box && !box.dead) {
            w.destroy();
            w.free();
            box.onFault = null;
            idle.push(box);
          } else {
            element.removeAttribute(CRASHED);
            element.replaceChildren();
          }
          element.removeAttribute(MOUNTED);
          return true;
        },
        () => {
          element.removeAttribute(MOUNTED);
          return true;
        },
      );
    },
  };
}

/** Mounts widgets in [data-newsline] elements that have none yet; resolves to how many. */
async function scan() {
  const found = [...document.querySelectorAll(`[data-newsline]:not([${MOUNTED}])`)];
  await Promise.all(found.map((element) => start(element, undefined).mounted));
  return found.length;
}

/**
 * Mounts a widget in `element`. `options`: { src | data, start, theme, hash, height, headingLevel, timeout,
 * maxBytes, maxEvents, maxText, maxDepth }.
 * Returns a handle at once; calls made before the widget is ready wait for it.
 */
function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('Newsline.mount: the first argument must be an element');
  const opts = { ...options };
  if (opts.data !== undefined && typeof opts.data !== 'string') opts.data = JSON.stringify(opts.data);
  return start(element, opts);
}

addStyles();
const ready = compiled.then(() => undefined);
scan();

// Widgets added to the page later (or elements given data-newsline later) mount by themselves.
const hasWidget = (node) =>
  node.nodeType === 1 && (node.matches('[data-newsline]') || node.querySelector('[data-newsline]') !== null);
let pending = false;
new MutationObserver((records) => {
  if (pending) return;
  const added = (r) =>
    r.type === 'attributes' ? r.target.hasAttribute('data-newsline') : Array.from(r.addedNodes).some(hasWidget);
  if (records.some(added)) {
    pending = true;
    queueMicrotask(() => {
      pending = false;
      scan();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-newsline'] });

/** For measuring: how many instances run, and the WebAssembly memory they hold. */
function stats() {
  return { instances: made, wasmBytes: memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) };
}

/**
 * Page-wide settings, for the page's own scripts. `allowedOrigins`: the sites besides the page's own that
 * stories may come from (`['https://stories.example.org']`), added to any the page lists in
 * <meta name="newsline-allowed-origins">; widgets mounted from then on use them.
 */
function configure({ allowedOrigins: origins } = {}) {
  if (origins !== undefined) {
    if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string')) {
      throw new TypeError('Newsline.configure: allowedOrigins must be a list of origins, such as ["https://stories.example.org"]');
    }
    configuredOrigins = [...origins];
  }
}

window.Newsline = Object.freeze({ mount, scan, configure, ready, stats, version: '0.1.0' });
