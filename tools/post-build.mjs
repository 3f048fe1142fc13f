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
// - The built-in story is prerendered (`newsline render`, the widget's own components rendered to HTML) into
//   index.html and embed.html: both read before any of the widget's code has arrived, and without it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
  for (const name of ['newsline-app.js', 'newsline.js', 'embed.js', 'embed-frame.js', 'iframe-host.js']) {
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

/**
 * Short import names. wasm-bindgen names each function the wasm imports from its glue after the Rust item and
 * a hash (`__wbg_addEventListener_4f1baf9a00be3c74`); the names sit in the wasm's import section and again in
 * the glue, and gzip cannot shrink their hashes. Both get the same short name (`$0`, `$1`, …): about 5 KB gzip
 * less to download. Only import fields of the glue's module are renamed, and only tokens that are such a
 * field in the glue; anything the glue does not name exactly once fails the build.
 */
export function shortenImports(wasm, glue) {
  let at = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = wasm[at++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const leb = (n) => {
    const out = [];
    do {
      let b = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return Buffer.from(out);
  };
  const str = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
  const name = () => {
    const n = u32();
    const s = wasm.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  const renames = new Map();
  while (at < wasm.length) {
    const sectionStart = at;
    const id = wasm[at++];
    const size = u32();
    const bodyStart = at;
    if (id !== 2) {
      at = bodyStart + size;
      continue;
    }
    const parts = [];
    const count = u32();
    parts.push(leb(count));
    for (let i = 0; i < count; i += 1) {
      const module = name();
      const field = name();
      const descStart = at;
      const kind = wasm[at++];
      if (kind === 0) u32();
      else if (kind === 1) {
        at += 1;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) at += 2;
      else throw new Error(`post-build: import kind ${kind} is not known`);
      let short = field;
      if (module.endsWith('_bg.js')) {
        short = `$${renames.size.toString(36)}`;
        renames.set(field, short);
      }
      parts.push(str(module), str(short), wasm.subarray(descStart, at));
    }
    if (at !== bodyStart + size) throw new Error('post-build: the import section was not read to its end');
    const body = Buffer.concat(parts);
    const section = Buffer.concat([Buffer.from([2]), leb(body.length), body]);
    wasm = Buffer.concat([wasm.subarray(0, sectionStart), section, wasm.subarray(bodyStart + size)]);
    break;
  }
  const seen = new Map();
  const renamed = glue.replace(/[A-Za-z_$][\w$]*(?=:)/g, (token) => {
    const short = renames.get(token);
    if (short === undefined) return token;
    seen.set(token, (seen.get(token) ?? 0) + 1);
    return short;
  });
  for (const field of renames.keys()) {
    if (seen.get(field) !== 1) throw new Error(`post-build: the glue names the import ${field} ${seen.get(field) ?? 0} times, not once`);
  }
  return { wasm, glue: renamed, count: renames.size };
}

if (process.env.TRUNK_PROFILE === 'release') {
  const wasmName = (await readdir(dir)).find((f) => f.endsWith('_bg.wasm'));
  const result = shortenImports(await readFile(join(dir, wasmName)), await readFile(gluePath, 'utf8'));
  await writeFile(join(dir, wasmName), result.wasm);
  await writeFile(gluePath, result.glue);
}

/**
 * The built-in story as `newsline render` writes it (the host's CLI, built by cargo if it is not yet): the
 * fragment for a page, `<div data-newsline …>` with the stylesheet, the story's data block and its HTML.
 * The release build of the widget sets cargo options for WebAssembly (build-std, unstable flags), which are
 * not the CLI's: they are left out of its build.
 */
function renderBuiltInStory() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('CARGO_UNSTABLE_') || name === 'RUSTC_BOOTSTRAP' || name.startsWith('CARGO_TARGET_WASM32')) delete env[name];
  }
  const args = ['run', '--quiet', '--bin', 'newsline', '--', 'render', 'www/data/baghdad-talks-2007.json'];
  const fragment = execFileSync('cargo', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], cwd: process.env.TRUNK_SOURCE_DIR });
  const lines = fragment.trim().split('\n');
  if (lines.length !== 5 || !lines[0].startsWith('<div data-newsline') || !lines[1].startsWith('<link ') || !lines[2].startsWith('<script type="application/json"') || lines[4] !== '</div>') {
    throw new Error('post-build: `newsline render` did not write the fragment expected (div, link, story block, section, /div)');
  }
  return { fragment: lines.join('\n'), inner: lines.slice(2, 4).join('\n') };
}
const prerendered = renderBuiltInStory();
const page = /<div data-newsline>[\s\S]*?<\/div>/;
if (!page.test(html)) throw new Error('post-build: index.html has no <div data-newsline> to prerender the story into');
html = html.replace(page, () => prerendered.fragment);
const embedPath = join(dir, 'embed.html');
const embed = await readFile(embedPath, 'utf8');
const frame = '<div id="newsline-frame"></div>';
if (!embed.includes(frame)) throw new Error('post-build: embed.html has no empty #newsline-frame to prerender the story into');
await writeFile(embedPath, embed.replace(frame, () => `<div id="newsline-frame">\n${prerendered.inner}\n</div>`));

// The preloads trunk wrote carry integrity hashes of the files as they were; give them the files' hashes now.
const links = [...html.matchAll(/href="\.\/([^"]+)"([^>]*?) integrity="(sha384-[^"]+)"/g)];
for (const [, name] of links) {
  const digest = createHash('sha384').update(await readFile(join(dir, name))).digest('base64');
  html = html.replace(new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*? integrity=")sha384-[^"]+"`), `$1sha384-${digest}"`);
}
await writeFile(file, html);
