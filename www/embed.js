// iframe mode: embed.html?src=...&start=...&theme=...&headingLevel=...&lang=... renders one widget filling the
// frame and posts {type: "newsline:height", height} to the parent page whenever its height changes. Without
// src, the frame's prerendered built-in story is taken over. A page written by `newsline render --page`
// (no #newsline-frame: its <div data-newsline> mounts itself) only reports its height.
import './newsline.js';

const params = new URLSearchParams(location.search);
const options = { hash: params.get('hash') === 'on' };
for (const key of ['src', 'start', 'theme', 'lang', 'dir', 'calendar', 'numerals']) {
  if (params.get(key)) options[key] = params.get(key);
}
for (const key of ['headingLevel', 'timeout', 'height']) {
  const n = Number.parseInt(params.get(key) ?? '', 10);
  if (Number.isFinite(n)) options[key] = n;
}
const frame = document.getElementById('newsline-frame');
// Another story than the built-in one: its prerendered text goes (embed-frame.js hid it before the first paint).
if (frame && (options.src || params.get('data'))) frame.replaceChildren();
if (frame) window.Newsline.mount(frame, options);

let last = -1;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'newsline:height', height }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);
