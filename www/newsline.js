// Newsline: the embed entry point. One tag mounts every <div data-newsline> on the page:
//   <script type="module" src=".../newsline.js"></script>
// Everything it loads is found next to this file, so the bundle works from any host and path prefix.
// The only global it defines is window.Newsline.
import init, * as wasm from './newsline-app.js';

const asset = (name) => new URL(name, import.meta.url).href;

function addStyles() {
  if (document.querySelector('link[data-newsline-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = asset('newsline.css');
  link.setAttribute('data-newsline-styles', '');
  document.head.append(link);
}

addStyles();
// Starting the module mounts the [data-newsline] elements already on the page.
const ready = init({ module_or_path: asset('newsline-app_bg.wasm') });

/** Mounts widgets in [data-newsline] elements that have none yet; resolves to how many. */
function scan() {
  return ready.then(() => wasm.scan());
}

/**
 * Mounts a widget in `element`. `options`: { src | data, start, theme, hash, height, headingLevel, timeout }.
 * Returns a handle at once; calls made before the widget is ready wait for it.
 */
function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('Newsline.mount: the first argument must be an element');
  const opts = { ...options };
  if (opts.data !== undefined && typeof opts.data !== 'string') opts.data = JSON.stringify(opts.data);
  let destroyed = false;
  const widget = ready.then(() => (destroyed ? null : wasm.mount(element, opts)));
  const call = (name, ...args) => widget.then((w) => (w && !destroyed ? w[name](...args) : false));
  return {
    select: (id) => call('select', String(id)),
    next: () => call('next'),
    prev: () => call('prev'),
    expandAll: () => call('expandAll'),
    collapseAll: () => call('collapseAll'),
    destroy() {
      if (destroyed) return widget.then(() => undefined);
      destroyed = true;
      return widget.then((w) => {
        if (w) {
          w.destroy();
          w.free();
        }
      });
    },
  };
}

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

window.Newsline = Object.freeze({ mount, scan, ready: ready.then(() => undefined), version: '0.1.0' });
