// Prints what a reader downloads from dist/: each file raw, gzip -9 and brotli, and the totals.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { DIST } from './harness.mjs';

const rows = [];
// What an embed of the widget downloads (the iframe mode adds embed.html, embed.js and embed.css).
const WIDGET = ['newsline.js', 'newsline-app.js', 'newsline-app_bg.wasm', 'newsline.css'];
for (const name of (await readdir(DIST)).sort()) {
  if (!WIDGET.includes(name)) continue;
  const body = await readFile(join(DIST, name));
  rows.push({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const story = await readFile(join(DIST, 'data', 'baghdad-talks-2007.json'));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
console.log(`${'total (what the widget needs)'.padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
console.log(`${'story JSON (built in, data/)'.padEnd(44)}${pad(story.length, 10)}${pad(gzipSync(story, { level: 9 }).length, 10)}`);
