// The three browser engines, each behind its own WebDriver server, started and stopped here: Chromium
// (chromedriver), Firefox (geckodriver driving Debian's firefox-esr, headless) and WebKit (WebKitWebDriver
// driving WebKitGTK's MiniBrowser on an Xvfb display of its own). Every server listens on a free port of
// 127.0.0.1, runs in a process group of its own, and is stopped with its browser when the session ends, when
// the test process exits, or on Ctrl-C, so no run leaves a browser, a driver or a display behind.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

/** Every process group started here and not yet stopped: stopped on any exit of this process. */
const groups = new Set();
function killAll(signal = 'SIGKILL') {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }
  groups.clear();
}
process.on('exit', () => killAll());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

/** The first of `names` found on PATH (or an absolute path that exists), else null. */
export function which(...names) {
  for (const name of names) {
    if (!name) continue;
    if (name.includes('/')) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** The binary the environment variable `name` gives (only that one, if set), else the first of `names` found. */
function named(name, ...names) {
  return process.env[name] ? which(process.env[name]) : which(...names);
}

/** A TCP port free on 127.0.0.1 just now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `command` in a process group of its own and returns { pid, output(), exited, stop() }. `output()` is
 * the last few kilobytes it wrote, for failure messages; `stop()` ends the whole group (TERM, then KILL).
 */
export function start(command, args, { env = {}, extraFds = 0, inherit = false } = {}) {
  const stdio = [inherit ? 'inherit' : 'ignore', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe', ...Array(extraFds).fill('pipe')];
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio, detached: true });
  groups.add(child.pid);
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode = null;
  const exited = new Promise((resolve) => {
    child.on('error', (e) => {
      keep(`\n${command}: ${e.message}\n`);
      exitCode = -1;
      resolve(-1);
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(exitCode);
    });
  });
  return {
    child,
    pid: child.pid,
    exited,
    hasExited: () => exitCode !== null,
    output: () => log,
    async stop() {
      if (!groups.has(child.pid)) return;
      for (const [signal, wait] of [['SIGTERM', 3000], ['SIGKILL', 2000]]) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          break; // the group is gone
        }
        if (await Promise.race([exited.then(() => true), sleep(wait).then(() => false)])) {
          // The leader is gone; make sure nothing of its group (a browser it started) outlives it.
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // nothing left
          }
          break;
        }
      }
      groups.delete(child.pid);
    },
  };
}

/** Waits until the WebDriver server on `port` answers /status, or fails with what it wrote. */
async function ready(server, name, port, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`${name} exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer on port ${port} within ${timeout / 1000} s:\n${server.output()}`);
}

/**
 * An Xvfb display of its own: Xvfb picks a free display number and writes it to a pipe (-displayfd), so two
 * runs never meet on one display. Resolves to { display: ':N', stop() }.
 */
export async function startXvfb() {
  const xvfb = named('XVFB', 'Xvfb');
  if (!xvfb) throw new Error('Xvfb is not installed (make tool-webkit installs it: apt-get install xvfb)');
  const server = start(xvfb, ['-displayfd', '3', '-screen', '0', '1920x4200x24', '-nolisten', 'tcp', '-noreset'], { extraFds: 1 });
  const number = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display number within 10 s:\n${server.output()}`)), 10000);
    server.child.stdio[3].on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    server.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited:\n${server.output()}`));
    });
  });
  return { display: `:${number}`, stop: () => server.stop() };
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** Nothing reaches out on its own: no updates, telemetry, first-run pages or connectivity checks. */
export const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};
/** The profile each Firefox session starts from: it lets the window be narrower than 450 px (see its files). */
const FIREFOX_PROFILE = fileURLToPath(new URL('firefox-profile', import.meta.url));

/**
 * A home of its own for WebKitGTK (XDG config, cache and data in a new temporary folder): nothing is read
 * from or left in the user's, and GTK reads webkit-gtk.css, which lets MiniBrowser's window be 360 px wide.
 * Resolves to { env, remove() }.
 */
export async function webkitHome() {
  const dir = await mkdtemp(join(tmpdir(), 'newsline-webkit-'));
  await mkdir(join(dir, 'config', 'gtk-3.0'), { recursive: true });
  await copyFile(fileURLToPath(new URL('webkit-gtk.css', import.meta.url)), join(dir, 'config', 'gtk-3.0', 'gtk.css'));
  return {
    env: { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_DATA_HOME: join(dir, 'data') },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * What each engine needs: its driver binary (found at start), the arguments that put it on a port, and what a
 * session asks for (`configure` sets it on a selenium Builder). `install` names the make target that installs
 * what is missing.
 */
export const ENGINES = {
  chromium: {
    title: 'Chromium',
    install: 'make tool-browser',
    driver: () => named('CHROMEDRIVER', '/usr/bin/chromedriver', 'chromedriver'),
    browser: () => which(CHROMIUM),
    args: (port) => [`--port=${port}`],
    configure: (builder) => builder.withCapabilities({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: CHROMIUM,
        // As tests/e2e/harness.mjs launches it (playwright also hides scrollbars in headless Chromium).
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
      },
    }),
  },
  firefox: {
    title: 'Firefox',
    install: 'make tool-firefox',
    driver: () => named('GECKODRIVER', 'geckodriver'),
    browser: () => which(FIREFOX),
    args: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    configure: (builder) => {
      const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless').setProfile(FIREFOX_PROFILE);
      for (const [name, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(name, value);
      return builder.forBrowser('firefox').setFirefoxOptions(options);
    },
  },
  webkit: {
    title: 'WebKit',
    install: 'make tool-webkit',
    needsDisplay: true,
    driver: () => named('WEBKITWEBDRIVER', 'WebKitWebDriver'),
    browser: () => true, // WebKitWebDriver starts WebKitGTK's MiniBrowser, which its package brings
    args: (port) => [`--port=${port}`],
    configure: (builder) => builder.withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { args: ['--automation'] },
    }),
  },
};

/**
 * Starts `engine`'s driver (and for WebKit an Xvfb display) and opens a session.
 * Resolves to { driver, engine, quit() }; quit() ends the session and stops every process it started.
 */
export async function openSession(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`no engine "${engine}" (engines: ${Object.keys(ENGINES).join(', ')})`);
  const binary = spec.driver();
  if (!binary) throw new Error(`${spec.title}'s WebDriver server is not installed: run ${spec.install}`);
  if (!spec.browser()) throw new Error(`${spec.title} is not installed: run ${spec.install}`);
  const stops = [];
  const quit = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    const env = {};
    if (spec.needsDisplay) {
      const xvfb = await startXvfb();
      stops.push(xvfb.stop);
      env.DISPLAY = xvfb.display;
      const home = await webkitHome();
      stops.push(home.remove);
      Object.assign(env, home.env);
    }
    if (engine === 'firefox') env.MOZ_HEADLESS = '1';
    const port = await freePort();
    const server = start(binary, spec.args(port), { env });
    stops.push(server.stop);
    await ready(server, `${spec.title}'s driver (${binary})`, port);
    const driver = await spec
      .configure(new Builder().usingServer(`http://127.0.0.1:${port}`))
      .build()
      .catch((e) => {
        throw new Error(`${spec.title}: no session: ${e.message}\n${server.output()}`);
      });
    stops.push(() => driver.quit());
    return { driver, engine, title: spec.title, quit, output: server.output };
  } catch (e) {
    await quit();
    throw e;
  }
}
