// Trunk post-build hook.
// - The page loads the widget through newsline.js (the same entry point embedders use), so trunk's own
//   inline loader is taken out of index.html. That also keeps the page free of inline scripts, for a strict
//   Content-Security-Policy.
// - Every call from JavaScript into the widget's WebAssembly goes through a guard, added to wasm-bindgen's JS
//   glue: a call that throws (a trap: `unreachable`, a stack overflow, memory exhausted; a panic ends in
//   one) marks the instance dead and tells newsline.js, which shows the failure in that widget, with Retry,
//   and never calls or reuses the instance again. Traps in callbacks (DOM events, timers, Yew's scheduler)
//   pass through the same guard, so each is put down to its own widget.
// - In release builds, the scripts and the widget's style sheet are minified: they are part of what every
//   reader downloads (`make sizes`, `make bench`).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const file = join(dir, 'index.html');
let html = await readFile(file, 'utf8');
const loader = /<script type="module">\s*import init[\s\S]*?<\/script>\s*/;
if (!loader.test(html)) throw new Error("post-build: trunk's loader script was not found in index.html");
html = html.replace(loader, '');

// The guard. One copy of the glue serves one instance (newsline.js imports it once per instance), so the
// state here is the instance's. Its cost is a function call and a try per call into the instance.
const GUARD = `
let __newslineFault = null;
let __newslineDead = false;
/** How many calls into the instance are under way (a call can reach JS, which calls in again). */
let __newslineDepth = 0;
/** Calls \`handler(error)\` once, when a call into this instance throws; the instance is dead from then on. */
export function __newslineOnFault(handler) {
  __newslineFault = handler;
}
function __newslineGuard(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] = typeof value !== 'function' ? value : (...args) => {
      // A dead instance's state is broken: its leftover listeners and timers get nothing done, and a call
      // made while an outer call is still under way throws, so that the outer call stops too.
      if (__newslineDead) {
        if (__newslineDepth > 0) throw new Error('Newsline: this instance stopped after a fault');
        return undefined;
      }
      __newslineDepth += 1;
      try {
        return value(...args);
      } catch (error) {
        if (!__newslineDead) {
          __newslineDead = true;
          __newslineFault?.(error);
        }
        throw error;
      } finally {
        __newslineDepth -= 1;
      }
    };
  }
  return guarded;
}
`;
const gluePath = join(dir, 'newsline-app.js');
const glue = await readFile(gluePath, 'utf8');
const exportsTaken = /\bwasm = instance\.exports;/g;
if ((glue.match(exportsTaken) ?? []).length !== 1) {
  throw new Error("post-build: the glue's `wasm = instance.exports;` was not found once (has wasm-bindgen changed?)");
}
if (/\bwasm\.__wbindgen_export_\w*\.get\(/.test(glue)) {
  throw new Error('post-build: the glue calls functions from a table, which the guard does not cover (has wasm-bindgen changed?)');
}
await writeFile(gluePath, glue.replace(exportsTaken, 'wasm = __newslineGuard(instance.exports);') + GUARD);

/** CSS without comments and layout whitespace. Spaces inside selectors and values are kept (one each). */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

if (process.env.TRUNK_PROFILE === 'release') {
  for (const name of ['newsline-app.js', 'newsline.js', 'embed.js', 'iframe-host.js']) {
    const path = join(dir, name);
    const result = await minify(await readFile(path, 'utf8'), {
      module: true,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    await writeFile(path, result.code);
  }
  for (const name of ['newsline.css', 'embed.css']) {
    const path = join(dir, name);
    await writeFile(path, minifyCss(await readFile(path, 'utf8')));
  }
}

// The preloads trunk wrote carry integrity hashes of the files as they were; give them the files' hashes now.
const links = [...html.matchAll(/href="\.\/([^"]+)"([^>]*?) integrity="(sha384-[^"]+)"/g)];
for (const [, name] of links) {
  const digest = createHash('sha384').update(await readFile(join(dir, name))).digest('base64');
  html = html.replace(new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*? integrity=")sha384-[^"]+"`), `$1sha384-${digest}"`);
}
await writeFile(file, html);
