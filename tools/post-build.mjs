// Trunk post-build hook: the page loads the widget through newsline.js (the same entry point embedders
// use), so trunk's own inline loader is taken out of index.html. That also keeps the page free of inline
// scripts, for a strict Content-Security-Policy.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');
const loader = /<script type="module">\s*import init[\s\S]*?<\/script>\s*/;
if (!loader.test(html)) throw new Error("post-build: trunk's loader script was not found in index.html");
await writeFile(file, html.replace(loader, ''));
