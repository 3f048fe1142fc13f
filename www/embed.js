// iframe mode: embed.html?src=...&start=...&theme=...&headingLevel=... renders one widget filling the
// frame and posts {type: "newsline:height", height} to the parent page whenever its height changes.
import './newsline.js';

const params = new URLSearchParams(location.search);
const options = { hash: params.get('hash') === 'on' };
for (const key of ['src', 'start', 'theme']) {
  if (params.get(key)) options[key] = params.get(key);
}
for (const key of ['headingLevel', 'timeout', 'height']) {
  const n = Number.parseInt(params.get(key) ?? '', 10);
  if (Number.isFinite(n)) options[key] = n;
}
window.Newsline.mount(document.getElementById('newsline-frame'), options);

let last = -1;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'newsline:height', height }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);
