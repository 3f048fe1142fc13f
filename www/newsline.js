// Newsline: the embed entry point. One tag mounts every <div data-newsline> on the page:
//   <script type="module" src=".../newsline.js"></script>
// Everything it loads is found next to this file, so the bundle works from any host and path prefix.
// The only global it defines is window.Newsline.
//
// Each widget runs in a WebAssembly instance of its own (the module is compiled once), so a fault in one
// widget cannot stop the others. Instances of destroyed widgets are reused.

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
/** A running instance of the widget's code with no widget in it. */
async function instance() {
  if (idle.length) return idle.pop();
  made += 1;
  // A distinct URL gives a distinct copy of the JS glue, and so a distinct instance.
  const [module, glue] = await Promise.all([
    compiled,
    made === 1 ? firstGlue : import(`${asset('newsline-app.js')}?instance=${made}`),
  ]);
  const exports = await glue.default({ module_or_path: module });
  memories.push(exports.memory);
  return glue;
}

const MOUNTED = 'data-newsline-mounted';
const CRASHED = 'data-newsline-crashed';

/**
 * The story's download, started at once so that it runs while the module compiles; the widget takes it
 * over (its timeout, checks, errors and retry stay the widget's). Undefined when the story is given as data.
 */
function prefetch(element, options) {
  const src = options === undefined ? element.getAttribute('data-src')?.trim() || DEFAULT_STORY : options.src;
  const url = src ?? (options.data === undefined ? DEFAULT_STORY : undefined);
  if (!url) return undefined;
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  // The body too, when the server answers well and does not announce more than the widget takes by default
  // (the widget reads an unannounced size in full too, then checks it): a widget that finds the story read
  // draws it at once, with no loading frame before. Anything else is left to the widget.
  const body = response.then((r) => {
    const size = Number(r.headers.get('content-length') ?? 0);
    return r.ok && !(size > MAX_EARLY_BYTES) ? r.arrayBuffer() : null;
  });
  const early = { url, response, body, controller };
  // What has arrived by the time the widget starts, it takes at once (and checks as it would a download).
  // (Until the widget has started: after that, the page keeps no second copy of the story.)
  response.then((r) => early.taken || (early.answer = r), () => {}); // the widget reports failures, not the page
  body.then((b) => early.taken || (early.bytes = b), () => {});
  return early;
}

/** The largest story read ahead of the widget: its default limit (20 MiB). */
const MAX_EARLY_BYTES = 20 * 1024 * 1024;

/** How long a widget whose code is ready waits for its story before it shows the loading frame. */
const STORY_WAIT_MS = 50;

/** Mounts one widget; `options` undefined means "read the element's data attributes". */
function start(element, options) {
  element.setAttribute(MOUNTED, '');
  let destroyed = false;
  let glue = null;
  const early = prefetch(element, options);
  const widget = instance().then(async (g) => {
    glue = g;
    // A story about to arrive is worth a short wait: the widget then draws it at once, not a loading frame.
    if (early) await Promise.race([early.body.catch(() => {}), new Promise((r) => setTimeout(r, STORY_WAIT_MS))]);
    if (destroyed) {
      early?.controller.abort();
      idle.push(g);
      return null;
    }
    const mounted = g.mount(element, options, DEFAULT_STORY, early);
    if (early) Object.assign(early, { taken: true, body: null, bytes: null, answer: null, response: null });
    return mounted;
  });
  const call = (name, ...args) =>
    widget.then((w) => (w && !destroyed && !element.hasAttribute(CRASHED) ? w[name](...args) : false));
  return {
    /** Resolves once the widget is mounted (its story may still be loading). */
    mounted: widget.then(() => undefined),
    select: (id) => call('select', String(id)),
    next: () => call('next'),
    prev: () => call('prev'),
    expandAll: () => call('expandAll'),
    collapseAll: () => call('collapseAll'),
    panicForTesting: () => call('panicForTesting').catch(() => false),
    destroy() {
      if (destroyed) return widget.then(() => undefined);
      destroyed = true;
      return widget.then((w) => {
        if (!w) return;
        const crashed = element.hasAttribute(CRASHED);
        if (!crashed) {
          w.destroy();
          w.free();
          idle.push(glue);
        } else {
          element.removeAttribute(CRASHED);
          element.replaceChildren();
        }
        element.removeAttribute(MOUNTED);
      });
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
 * Mounts a widget in `element`. `options`: { src | data, start, theme, hash, height, headingLevel, timeout }.
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

window.Newsline = Object.freeze({ mount, scan, ready, stats, version: '0.1.0' });
