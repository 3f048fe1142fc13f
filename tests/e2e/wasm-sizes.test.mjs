// `make wasm-sizes` reads a wasm's names section to say where its bytes go: checked on a module written
// here byte by byte, with one imported function (which shifts the names' indices) and two of known sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const text = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, content) => [id, ...leb(content.length), ...content];
/** A body of `nops` no-ops: no locals, the no-ops, end. */
const body = (nops) => {
  const code = [0x00, ...Array(nops).fill(0x01), 0x0b];
  return [...leb(code.length), ...code];
};

function module(withNames) {
  const names = [1, ...leb(2), ...leb(1), ...text('newsline::validate::check'), ...leb(2), ...text('yew::scheduler::run')];
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [1, ...text('m'), ...text('f'), 0, 0]),
    ...section(3, [2, 0, 0]),
    ...section(10, [2, ...body(3000), ...body(1000)]),
    ...(withNames ? section(0, [...text('name'), ...[names[0], ...leb(names.length - 1), ...names.slice(1)]]) : []),
  ]);
}

function sizes(bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'wasm-sizes-')), 'm.wasm');
  writeFileSync(file, bytes);
  return execFileSync('node', [join(ROOT, 'tools', 'wasm-sizes.mjs'), file]).toString();
}

test('wasm sizes: code is counted by crate and module, and the largest functions are named', () => {
  const out = sizes(module(true));
  const byCrate = out.split('code by crate')[1].split('largest functions')[0];
  const lines = byCrate.trim().split('\n').slice(1).map((l) => l.trim());
  assert.match(lines[0], /^2\.9 KB +75\.0% +newsline::validate$/);
  assert.match(lines[1], /^1\.0 KB +25\.0% +yew$/);
  const largest = out.split('largest functions')[1].trim().split('\n').map((l) => l.trim());
  assert.match(largest[0], /2\.9 KB +newsline::validate::check$/);
  assert.match(largest[1], /1\.0 KB +yew::scheduler::run$/);
});

test('wasm sizes: a wasm without names still gets its sections, and is told how to get names', () => {
  const out = sizes(module(false));
  assert.match(out, /code\n/);
  assert.match(out, /no names section/);
  assert.throws(() => sizes(Buffer.from('not wasm')), /not a WebAssembly module|Command failed/);
});
