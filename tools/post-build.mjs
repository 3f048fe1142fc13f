// Trunk post-build hook.
// - The page loads the widget through newsline.js (the same entry point embedders use), so trunk's own
//   inline loader is taken out of index.html. That also keeps the page free of inline scripts, for a strict
//   Content-Security-Policy.
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
