// The browser tests (tests/browser.rs) in Firefox and WebKit, through wasm-bindgen-test-runner, as
// `make wasm-test` runs them in Chromium:
//   node tests/engines/wasm-test.mjs [firefox] [webkit]
// Firefox: the runner starts geckodriver itself (GECKODRIVER), given Debian's firefox-esr as the binary through
// its capabilities file (WASM_BINDGEN_TEST_WEBDRIVER_JSON); it adds -headless.
// WebKit: the runner has no WebKitGTK driver of its own, but its Safari driver speaks plain W3C WebDriver and
// asks for a session with no capabilities, which WebKitWebDriver answers by starting WebKitGTK's MiniBrowser
// in automation mode. So SAFARIDRIVER names WebKitWebDriver, and it runs on an Xvfb display of its own.
// Each run is a process group of its own, stopped with everything in it (a browser a driver left) when done.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';
import { ENGINES, FIREFOX, FIREFOX_PREFS, start, startXvfb, webkitHome } from './drivers.mjs';

const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit'];
const results = [];

/** The environment of one run: no other driver variable may steer the runner elsewhere. */
function baseEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(GECKODRIVER|SAFARIDRIVER|CHROMEDRIVER|MSEDGEDRIVER)(_REMOTE|_ARGS)?$/.test(name) || name === 'WASM_BINDGEN_TEST_WEBDRIVER_JSON') delete env[name];
  }
  return {
    ...env,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner',
    // The whole file's tests must report within this many seconds (the runner's default is 20).
    WASM_BINDGEN_TEST_TIMEOUT: process.env.WASM_BINDGEN_TEST_TIMEOUT ?? '120',
  };
}

async function run(engine) {
  const spec = ENGINES[engine];
  if (!spec || engine === 'chromium') throw new Error(`"${engine}": this script runs firefox and webkit (make wasm-test runs Chromium)`);
  const driver = spec.driver();
  if (!driver) throw new Error(`${spec.title}'s WebDriver server is not installed: run ${spec.install}`);
  if (!spec.browser()) throw new Error(`${spec.title} is not installed: run ${spec.install}`);
  const env = baseEnv();
  const stops = [];
  if (engine === 'firefox') {
    const dir = join(ROOT, 'target', 'engines');
    await mkdir(dir, { recursive: true });
    const capabilities = join(dir, 'firefox-webdriver.json');
    await writeFile(capabilities, JSON.stringify({ 'moz:firefoxOptions': { binary: FIREFOX, prefs: FIREFOX_PREFS } }, null, 2));
    Object.assign(env, { GECKODRIVER: driver, WASM_BINDGEN_TEST_WEBDRIVER_JSON: capabilities, MOZ_HEADLESS: '1' });
  } else {
    const xvfb = await startXvfb();
    stops.push(xvfb.stop);
    const home = await webkitHome();
    stops.push(home.remove);
    Object.assign(env, { SAFARIDRIVER: driver, DISPLAY: xvfb.display }, home.env);
  }
  const started = Date.now();
  console.log(`\n== tests/browser.rs in ${spec.title} (${driver}) ==`);
  // WebKit runs the test build optimized a little (Cargo.toml, profile engine-test; docs/engines.md, "Known").
  const profile = engine === 'webkit' ? ['--profile', 'engine-test'] : [];
  const cargo = start('cargo', ['test', '--target', 'wasm32-unknown-unknown', ...profile, '--test', 'browser'], { env, inherit: true });
  try {
    const code = await cargo.exited;
    results.push({ engine: spec.title, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  } finally {
    // Whatever the runner left in its group (a driver, a browser) goes with it; then the display.
    await cargo.stop();
    for (const stop of stops) await stop();
  }
}

for (const engine of engines) {
  await run(engine);
  // WebKitGTK's engine now and then faults inside a test that passes in every other run and engine ("RuntimeError:
  // Out of bounds memory access" in a Yew callback, an impossible overflow in Yew's list diff, or its web process
  // crashing; docs/engines.md, "Known"). Such a run is told and run again, up to three runs in all; a check that
  // fails three times fails.
  for (let attempt = 2; engine === 'webkit' && !results.at(-1).ok && attempt <= 3; attempt++) {
    console.log(`\n${ENGINES[engine].title}: the run above failed; running it again (docs/engines.md, "Known")`);
    results.pop();
    await run(engine);
    results.at(-1).engine += ` (run ${attempt} of 3; the earlier failed)`;
  }
}
console.log('');
for (const { engine, ok, seconds } of results) console.log(`browser tests in ${engine}: ${ok ? 'passed' : 'FAILED'} (${seconds.toFixed(1)} s)`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
