// Newsline: the embed entry point. One tag mounts every <div data-newsline> on the page:
//   <script type="module" src=".../newsline.js"></script>
// Everything it loads is found next to this file, so the bundle works from any host and path prefix.
// The only global it defines is window.Newsline.
//
// A widget prerendered by `newsline render` (its element holds the story as HTML) is readable before any of
// the code below has run; its code is fetched only when the reader nears it (about a viewport away), focuses
// or presses inside it: a widget in view at load starts at once. `data-load="eager"` starts it at once
// anyway, `data-load="visible"` waits for any widget. The widget draws beside the prerendered story at its
// height and the two are swapped when it has drawn: nothing on the page moves, the reader's place and focus
// stay. Should the widget fail (its code, the story block, anything), the reader keeps the prerendered text
// and the page hears `newsline:error`.
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
  const href = asset('newsline.css');
  // A prerendered widget may have brought it (with the same address: one from elsewhere is not ours).
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  for (const other of document.querySelectorAll('link[data-newsline-styles]')) {
    console.warn(`Newsline: a prerendered story links its stylesheet at ${other.href}, not next to newsline.js (${href}): render it with --assets set to newsline.js's folder`);
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.setAttribute('data-newsline-styles', '');
  document.head.append(link);
}

let markReady;
/** Resolves once the widget's code is compiled (which waits for the first widget that needs it). */
const ready = new Promise((resolve) => {
  markReady = resolve;
});
let compiling = null;
/**
 * The module, downloaded and compiled the first time a widget needs it; compiled while it downloads (servers
 * that send it without the wasm type get the slower path).
 */
function compiled() {
  compiling ??= (async () => {
    const response = fetch(asset('newsline-app_bg.wasm'));
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      const r = await response;
      if (!r.ok) throw new Error(`Newsline: could not load its code (${r.status})`);
      return WebAssembly.compile(await r.clone().arrayBuffer());
    }
  })();
  compiling.then(() => markReady(), () => {});
  return compiling;
}
let glue = null;
/** The first copy of the JS glue, downloaded alongside the module. */
const firstGlue = () => (glue ??= import(asset('newsline-app.js')));

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
    compiled(),
    made === 1 ? firstGlue() : import(`${asset('newsline-app.js')}?instance=${made}`),
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
/** Set on an element whose widget has taken over from its prerendered story (newsline.css swaps the two). */
const LIVE = 'data-newsline-live';
/** Set on an element whose widget will not take over: the prerendered story stays, at its full length. */
const KEPT = 'data-newsline-kept';

/** The prerendered story in `element`, when the widget is to take it over (it is given no other story). */
function prerenderedIn(element, options) {
  const other = options === undefined ? element.hasAttribute('data-src') : options.src !== undefined || options.data !== undefined;
  return other ? null : element.querySelector(':scope > .nl-prerendered');
}

/**
 * FNV-1a (32 bits) of `text`'s UTF-8 bytes, in hex: what `newsline render` names a story's ids after
 * (src/prerender.rs), computed over its data block.
 */
function storyHash(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * Why the prerendered story in `element` cannot be taken over, or null: its data block must be the story its
 * text shows (an edited block would show readers of the widget another story than search engines, print
 * and readers without script get).
 */
function mismatch(element, prerendered) {
  const block = element.querySelector(':scope > script[data-newsline-story]');
  const named = /^nlp([0-9a-f]{8})-/.exec(prerendered.getAttribute('aria-labelledby') ?? '')?.[1];
  if (!block || !named) return null; // the widget reports a missing block itself
  if (storyHash(block.textContent) === named) return null;
  return 'the story in its data block is not the one its text shows (edited after `newsline render`?): the text stays; render the story again';
}

/** The prerendered story in `element` stays, at its full length, and the page hears `why`. */
function keep(element, options, why) {
  element.setAttribute(KEPT, '');
  reportStop(element, options, why, false);
}

/** The event the URL's hash names in `element`'s prerendered story, for a share link to it. */
function hashEvent(element) {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return null;
  return element.querySelector(`:scope > .nl-prerendered [data-event-id="${CSS.escape(id)}"]`);
}

/** Whether the widget in `element` waits for the reader to near it before its code is fetched. */
function waits(element) {
  const load = element.getAttribute('data-load')?.trim() ?? '';
  if (load !== '' && load !== 'eager' && load !== 'visible') {
    console.warn(`Newsline: data-load="${load.slice(0, 40)}" is not a way to load: use "eager" or "visible"`);
  }
  if (load === 'eager') return false;
  // A share link to one of its events brings the reader to it: the widget starts at once.
  if (hashEvent(element)) return false;
  // Near the window already: at once, not after the first paint (when the observer first reports).
  const box = element.getBoundingClientRect();
  if (box.top < innerHeight * 2 && box.bottom > -innerHeight) return false;
  return load === 'visible' || prerenderedIn(element, undefined) !== null;
}

/**
 * Resolves when the reader nears `element`: within about a viewport of view, or a focus or a press inside it.
 * At once where the browser cannot tell (no IntersectionObserver).
 */
function near(element) {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== 'function') {
      resolve();
      return;
    }
    const done = () => {
      observer.disconnect();
      element.removeEventListener('focusin', done);
      element.removeEventListener('pointerdown', done);
      resolve();
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(), {
      rootMargin: '100% 0px',
    });
    observer.observe(element);
    element.addEventListener('focusin', done);
    element.addEventListener('pointerdown', done);
  });
}

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

/** Tells the page (console and `newsline:error`) that the widget in `element` stopped: `message`. */
function reportStop(element, options, message, crashed) {
  console.error(`Newsline: ${message}`);
  const url = options === undefined ? element.getAttribute('data-src') : options.src;
  const detail = { url: url ?? null, message, problems: [], crashed };
  element.dispatchEvent(new CustomEvent('newsline:error', { bubbles: true, detail }));
}

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
  reportStop(element, options, `This timeline stopped working after ${cause}. Retry mounts it again.`, true);
}

/** Mounts one widget; `options` undefined means "read the element's data attributes". */
function start(element, options) {
  element.setAttribute(MOUNTED, '');
  // Only the widget's own code marks a crash: a mark already in the page's markup says nothing.
  element.removeAttribute(CRASHED);
  element.removeAttribute(LIVE);
  element.removeAttribute(KEPT);
  const prerendered = prerenderedIn(element, options);
  const wrong = prerendered && mismatch(element, prerendered);
  if (wrong) keep(element, options, wrong);
  /** The listeners of a take-over, removed with the widget. */
  const listening = new AbortController();
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
    if (prerendered) {
      keepText(`This timeline stopped working after ${reason}. The story stays on the page as text.`);
      return;
    }
    showCrash(element, options, reason, () => {
      if (destroyed) return;
      element.replaceChildren();
      widget = launch(undefined);
    });
  };
  /** The widget failed, before or after taking over: the reader keeps the prerendered text, the page hears. */
  const keepText = (message) => {
    element.querySelector(':scope > .nl-widget')?.remove();
    element.removeAttribute(LIVE);
    element.setAttribute(KEPT, '');
    reportStop(element, options, message, true);
  };
  // A prerendered story is the widget's story: nothing to download.
  let widget = wrong ? Promise.resolve(null) : launch(prerendered ? undefined : prefetch(element, options));
  const first = widget;
  const call = (name, ...args) =>
    widget.then((w) => (w && !destroyed && box && !box.dead ? w[name](...args) : false));
  const handle = {
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
          } else if (prerendered) {
            element.querySelector(':scope > .nl-widget')?.remove();
          } else {
            element.removeAttribute(CRASHED);
            element.replaceChildren();
          }
          listening.abort();
          element.removeAttribute(LIVE);
          element.removeAttribute(MOUNTED);
          return true;
        },
        () => {
          listening.abort();
          element.removeAttribute(MOUNTED);
          return true;
        },
      );
    },
  };
  if (prerendered && !wrong) takeOver(element, prerendered, handle, widget, listening.signal, keepText);
  return handle;
}

/**
 * Swaps the prerendered story in `element` for its widget once the widget has drawn (`newsline:ready`), at
 * the same height, so nothing on the page moves. A reader who was in the text (focus inside it, or on its
 * box) goes on in the widget: the event they were in, or scrolled to, opens and its marker takes focus. If
 * the widget cannot show the story (the block was edited into something it cannot read) or its code cannot
 * load, the text stays.
 */
function takeOver(element, prerendered, handle, widget, signal, keepText) {
  element.addEventListener(
    'newsline:ready',
    () => {
      const active = document.activeElement;
      // Focus in the text or on its box (a keyboard reader tabs to the box to scroll it).
      const focused = active !== null && prerendered.contains(active);
      // A reader who scrolled the story's box goes on at the event at its top, unless focus is in another.
      const top = prerendered.getBoundingClientRect().top;
      const scrolledTo =
        prerendered.scrollTop > 0
          ? [...prerendered.querySelectorAll('article[data-event-id]')].find((a) => a.getBoundingClientRect().bottom > top + 1)
          : null;
      const within = focused && active !== prerendered ? active.closest('[data-event-id]') : null;
      const reading = (within ?? scrolledTo)?.getAttribute('data-event-id') ?? '';
      element.setAttribute(LIVE, '');
      if (reading) handle.select(reading);
      if (!focused) return;
      // Once the widget shows that event (its card), its marker (or item) takes focus; a few frames at most,
      // then the open marker whatever it is. Not if the reader has put focus somewhere else meanwhile.
      const focus = (frames) => {
        const widget = element.querySelector(':scope > .nl-widget');
        const now = document.activeElement;
        if (now && now !== document.body && !prerendered.contains(now)) return;
        if (!reading || frames === 0 || widget?.querySelector(`.nl-card[data-event-id="${CSS.escape(reading)}"]`)) {
          widget?.querySelector('[aria-current="true"]')?.focus();
        } else requestAnimationFrame(() => focus(frames - 1));
      };
      requestAnimationFrame(() => focus(30));
    },
    { signal, once: true },
  );
  element.addEventListener(
    'newsline:error',
    (event) => {
      if (element.hasAttribute(LIVE) || event.detail?.crashed) return;
      // The widget says what is wrong (this event); its problem panel must not replace a readable story.
      // Removed after the widget's own turn: the event comes from inside it.
      setTimeout(() =>
        handle.destroy().then(() => {
          element.setAttribute(MOUNTED, '');
          element.setAttribute(KEPT, '');
        }),
      );
    },
    { signal },
  );
  widget.catch((error) => keepText(`Newsline could not start (${error?.message ?? error}). The story stays on the page as text.`));
}

/**
 * Mounts widgets in [data-newsline] elements that have none yet (those that wait for the reader, once they
 * near it); resolves to how many, once those that start at once are mounted.
 */
async function scan() {
  const found = [...document.querySelectorAll(`[data-newsline]:not([${MOUNTED}])`)];
  const now = [];
  for (const element of found) {
    element.setAttribute(MOUNTED, '');
    const prerendered = prerenderedIn(element, undefined);
    const wrong = prerendered && mismatch(element, prerendered);
    if (wrong) {
      keep(element, undefined, wrong);
      continue;
    }
    // Scrollable while it waits: a keyboard reader can scroll it too.
    if (prerendered && !prerendered.hasAttribute('tabindex')) prerendered.tabIndex = 0;
    hashEvent(element)?.scrollIntoView({ block: 'start' });
    if (waits(element)) near(element).then(() => element.isConnected && start(element, undefined));
    else now.push(start(element, undefined).mounted);
  }
  await Promise.allSettled(now);
  return found.length;
}

/**
 * Mounts a widget in `element`. `options`: { src | data, start, theme, hash, height, headingLevel, timeout,
 * maxBytes, maxEvents, maxText, maxDepth, lang, dir, calendar, numerals }.
 * Returns a handle at once; calls made before the widget is ready wait for it.
 */
function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('Newsline.mount: the first argument must be an element');
  const opts = { ...options };
  if (opts.data !== undefined && typeof opts.data !== 'string') opts.data = JSON.stringify(opts.data);
  return start(element, opts);
}

addStyles();
// A page without widgets yet will mount one by script: its code is worth having ready.
if (!document.querySelector('[data-newsline]')) compiled();
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
