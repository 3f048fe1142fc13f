// Where the widget's WebAssembly bytes go, cargo-bloat style: `make wasm-sizes` builds the release wasm with
// its function names kept (wasm-opt -Oz -g: the same code as the shipped file, plus a names section) and runs
// this on it. Prints the sections, the code by crate (and by module of this crate), and the largest functions.
//
//   node tools/wasm-sizes.mjs FILE.wasm [--top N]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/wasm-sizes.mjs FILE.wasm [--top N]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 30;
const bytes = readFileSync(file);

let at = 0;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
};
const sleb = () => {
  let result = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return b & 0x40 ? result - 2 ** shift : result;
};
const name = () => {
  const n = u32();
  const s = bytes.toString('utf8', at, at + n);
  at += n;
  return s;
};

if (bytes.readUInt32LE(0) !== 0x6d736100) {
  console.error(`${file} is not a WebAssembly module`);
  process.exit(1);
}
at = 8;
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];
const sections = [];
let imported = 0;
const bodies = []; // the defined functions' bodies, in order: where each starts and its size
const segments = []; // active data segments: address in memory, start in the file, length
const names = new Map(); // function index -> name
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  let label = SECTION[id] ?? `section ${id}`;
  if (id === 0) {
    const custom = name();
    label = `custom "${custom}"`;
    if (custom === 'name') {
      while (at < end) {
        const kind = bytes[at++];
        const length = u32();
        const next = at + length;
        if (kind === 1) {
          for (let count = u32(); count > 0; count--) names.set(u32(), name());
        }
        at = next;
      }
    }
  } else if (id === 2) {
    for (let count = u32(); count > 0; count--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) imported++;
      // The rest of each import's description is not needed: skip to the end once functions are counted.
      if (kind === 0) u32();
      else if (kind === 1) {
        at++;
        const flags = bytes[at++];
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = bytes[at++];
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) at += 2;
      else if (kind === 4) {
        at++;
        u32();
      }
    }
  } else if (id === 10) {
    for (let count = u32(); count > 0; count--) {
      const length = u32();
      bodies.push({ start: at, length });
      at += length;
    }
  } else if (id === 11) {
    for (let count = u32(); count > 0; count--) {
      const flags = u32();
      let address = null;
      if (flags === 2) u32();
      if (flags !== 1 && bytes[at] === 0x41) {
        at++;
        address = sleb();
        while (bytes[at++] !== 0x0b);
      }
      const length = u32();
      if (address !== null) segments.push({ address, start: at, length });
      at += length;
    }
  }
  sections.push({ label, size });
  at = end;
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
console.log(`${file}: ${kb(bytes.length)}`);
for (const s of sections) console.log(`  ${kb(s.size)}  ${s.label}`);

/**
 * Which component a view is: the first of the widget's class names (`nl-…`, `newsline …`) whose address its
 * code loads (an `i32.const` that points at one in the data). The views all carry Yew's one generic name.
 */
function firstClass(body) {
  const text = (address) => {
    const s = segments.find((g) => address >= g.address && address < g.address + g.length);
    if (!s) return null;
    const from = s.start + address - s.address;
    const found = bytes.toString('latin1', from, Math.min(from + 40, s.start + s.length)).match(/^(newsline |nl-)[a-z-]*?(?=nl-|[^a-z -]|$)/);
    return found ? found[0].trim() : null;
  };
  // A static attribute list is a table of (pointer, length) pairs: its strings are one step away.
  const word = (address) => {
    const s = segments.find((g) => address >= g.address && address + 4 <= g.address + g.length);
    return s ? bytes.readUInt32LE(s.start + address - s.address) : null;
  };
  let indirect = null;
  for (let i = body.start; i < body.start + body.length - 1; i++) {
    if (bytes[i] !== 0x41) continue;
    at = i + 1;
    const address = sleb();
    const found = text(address);
    if (found && found.length > 3) return found;
    for (let k = 0; !indirect && k < 12; k++) {
      const pointer = word(address + 4 * k);
      const through = pointer === null ? null : text(pointer);
      if (through && through.length > 3) indirect = through;
    }
  }
  return indirect;
}

/** The crate a function belongs to, and for this crate its module: from the demangled name. */
function owner(fn) {
  // A function component's body (its hooks and html!) is compiled into Yew's generic view, under Yew's name.
  if (/CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view/.test(fn)) return "the components' views (html!, in yew's view)";
  const clean = fn.replace(/\[[0-9a-f]+\]/g, '');
  const path = clean.match(/[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+/);
  if (!path) return clean.startsWith('__') || clean.startsWith('wasm') ? 'bindings and glue' : 'other';
  const parts = path[0].split('::');
  if (parts[0] === 'newsline' || parts[0] === 'newsline_app') {
    return parts[1] === 'components' || parts[1] === 'hooks' ? parts.slice(0, 3).join('::') : parts.slice(0, 2).join('::');
  }
  return parts[0];
}

const functions = bodies.map((body, i) => {
  let fn = names.get(imported + i) ?? `function ${imported + i}`;
  if (/Stateful>::view/.test(fn)) fn = `${fn} [first class: ${firstClass(body) ?? 'none'}]`;
  return { size: body.length, name: fn };
});
const code = functions.reduce((sum, f) => sum + f.size, 0);
const groups = new Map();
for (const f of functions) {
  const g = owner(f.name);
  groups.set(g, (groups.get(g) ?? 0) + f.size);
}
console.log(`\ncode by crate (this crate by module): ${kb(code)} in ${functions.length} functions`);
for (const [g, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${kb(size)}  ${((100 * size) / code).toFixed(1).padStart(5)}%  ${g}`);
}
console.log(`\nthe ${top} largest functions`);
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${kb(f.size)}  ${f.name.replace(/::h[0-9a-f]{16}/, '').slice(0, 160)}`);
}
const views = functions.filter((f) => /Stateful>::view/.test(f.name)).sort((a, b) => b.size - a.size);
console.log(`\nthe components' views (Yew's generic view, named by the first class each draws)`);
for (const f of views) console.log(`  ${kb(f.size)}  ${f.name.match(/first class: ([^\]]*)/)[1]}`);
if (names.size === 0) console.log('\n(no names section: build with wasm-opt -g, as `make wasm-sizes` does)');
