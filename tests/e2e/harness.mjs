// Runs the real Bản Tin desktop app under a virtual X display and drives it through
// tauri-driver (WebDriver), using WebdriverIO's standalone `remote()` API.
//
//   const h = await startHarness('my-test');   // Xvfb + tauri-driver + temp BANTIN_HOME
//   const browser = await h.launchApp();       // a WebDriver session = one app process
//   await h.relaunchApp();                     // close it and start it again, same data
//   await h.stop();                            // always: closes app, driver and display
//
// Everything a run starts is stopped by `stop()`, and again (best effort) when Node exits.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const ARTIFACTS = join(HERE, 'artifacts');

/** The app binary: `BANTIN_APP`, else the debug build of `tauri build --debug --no-bundle`. */
export const APP_PATH = resolve(process.env.BANTIN_APP ?? join(REPO_ROOT, 'target', 'debug', 'bantin-app'));

const SCREEN = '1440x900x24';
const DISPLAYS = Array.from({ length: 12 }, (_v, i) => 99 + i); // :99 .. :110

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Children still running, so an unexpected exit can still stop them. */
const live = new Set();
/** Temp BANTIN_HOMEs not yet removed by stop(). */
const homes = new Set();
function killLive() {
  for (const child of live) {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
  if (process.env.BANTIN_E2E_KEEP_HOME) return;
  for (const home of homes) {
    try {
      rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.warn(`[e2e] could not remove the temp home ${home}: ${e.message}`);
    }
  }
}
process.on('exit', killLive);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    killLive();
    process.exit(code);
  });
}

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

function running(child) {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends SIGTERM and waits for the exit; never escalates to SIGKILL. */
async function terminate(child, what, timeoutMs = 10_000) {
  if (!child || !running(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t0 = Date.now();
  let timer;
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((r) => (timer = setTimeout(() => r(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (process.env.BANTIN_E2E_LOG) console.log(`[e2e] ${what} stopped in ${Date.now() - t0} ms`);
  if (!done) console.warn(`[e2e] ${what} (pid ${child.pid}) did not exit within ${timeoutMs} ms of SIGTERM`);
}

/** Pids of every live process below `pid` (Linux /proc); empty elsewhere. */
function descendants(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map();
  for (const e of entries) {
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ")".
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch {
      // exited meanwhile
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/**
 * Pids of live processes started with this run's BANTIN_HOME in their environment: the app
 * and every WebKit helper it spawned, even those re-parented away from tauri-driver's tree.
 */
function processesOfHome(home) {
  const marker = `BANTIN_HOME=${join(home, 'bantin')}\0`;
  const out = [];
  let entries;
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return out;
  }
  for (const e of entries) {
    try {
      if (`${readFileSync(`/proc/${e}/environ`, 'latin1')}\0`.includes(marker)) out.push(Number(e));
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return out.filter(alive);
}

/**
 * Removes a temp home once nothing writes into it any more. A WebKit helper that outlives
 * its app can keep filling the shader cache, so stop those first; a folder that still
 * cannot be removed is reported, not turned into a test failure.
 */
async function removeHome(home, log) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const writers = processesOfHome(home);
    for (const pid of writers) {
      try {
        process.kill(pid, attempt === 0 ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // gone already
      }
    }
    if (writers.length) {
      log(`stopped ${writers.length} process(es) still using ${home}: ${writers.join(', ')}`);
      await waitUntil(() => !writers.some(alive), { timeoutMs: 5_000, message: 'processes using the temp home to exit' }).catch(
        (e) => log(e.message),
      );
    }
    try {
      rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      return;
    } catch (e) {
      log(`removing ${home} failed (${e.code ?? e.message}), retrying`);
    }
  }
  console.warn(`[e2e] could not remove the temp home ${home}; remove it by hand`);
}

function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Finds an executable on PATH (plus extra folders); null when absent. */
function which(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function requireTool(name, hint, extraDirs = []) {
  const found = which(name, extraDirs);
  if (!found) throw new Error(`${name} not found on PATH${extraDirs.length ? ` or in ${extraDirs.join(', ')}` : ''}: ${hint}`);
  return found;
}

/** Resolves once `check()` returns a truthy value; rejects after `timeoutMs`. */
export async function waitUntil(check, { timeoutMs = 10_000, intervalMs = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function canConnect(port) {
  return new Promise((r) => {
    const sock = connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      r(true);
    });
    sock.once('error', () => r(false));
  });
}

/** True when an X server answers on `display` (":N"). */
function displayWorks(display) {
  const m = /^:(\d+)(?:\.\d+)?$/.exec(display ?? '');
  if (!m) return false;
  if (!existsSync(`/tmp/.X11-unix/X${m[1]}`)) return false;
  // xdpyinfo/xset are not always installed; ImageMagick's `import` is, and fails fast without X.
  const probe = which('xdpyinfo') ? ['xdpyinfo', []] : which('xset') ? ['xset', ['q']] : null;
  if (!probe) return true;
  const r = spawnSync(probe[0], probe[1], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/** Uses a working $DISPLAY, or starts Xvfb on the first free display in :99..:110. */
async function startDisplay(log) {
  if (process.env.DISPLAY && displayWorks(process.env.DISPLAY)) {
    log(`using existing DISPLAY=${process.env.DISPLAY}`);
    return { display: process.env.DISPLAY, xvfb: null };
  }
  const xvfbBin = requireTool('Xvfb', 'apt-get install xvfb');
  for (const n of DISPLAYS) {
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const xvfb = track(
      spawn(xvfbBin, [`:${n}`, '-screen', '0', SCREEN, '-nolisten', 'tcp', '-noreset'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    let stderr = '';
    xvfb.stderr.on('data', (d) => (stderr += d));
    try {
      await waitUntil(() => !running(xvfb) || existsSync(`/tmp/.X11-unix/X${n}`), {
        timeoutMs: 10_000,
        message: `Xvfb :${n}`,
      });
    } catch (e) {
      await terminate(xvfb, 'Xvfb');
      throw e;
    }
    if (running(xvfb)) {
      log(`started Xvfb :${n} (pid ${xvfb.pid})`);
      return { display: `:${n}`, xvfb };
    }
    log(`Xvfb :${n} failed (${stderr.trim().split('\n').pop()}); trying the next display`);
  }
  throw new Error(`no free X display in :${DISPLAYS[0]}..:${DISPLAYS.at(-1)}`);
}

/**
 * Starts a display, tauri-driver and a temp BANTIN_HOME for one test file.
 * `name` names the log files in artifacts/.
 */
export async function startHarness(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = (msg) => console.log(`[e2e:${name}] ${msg}`);

  if (!existsSync(APP_PATH)) {
    throw new Error(
      `app binary not found at ${APP_PATH}: build it with \`ui/node_modules/.bin/tauri build --debug --no-bundle\` ` +
        'from the repo root, or point BANTIN_APP at one',
    );
  }
  const tauriDriver = requireTool('tauri-driver', 'cargo install tauri-driver --locked', [join(homedir(), '.cargo', 'bin')]);
  const nativeDriver = requireTool('WebKitWebDriver', 'apt-get install webkit2gtk-driver');

  const home = mkdtempSync(join(tmpdir(), `bantin-e2e-${name}-`));
  homes.add(home);
  const state = { home, display: null, xvfb: null, driver: null, browser: null, stopped: false };

  const stop = async () => {
    if (state.stopped) return;
    state.stopped = true;
    if (state.browser) {
      try {
        await state.browser.deleteSession();
      } catch (e) {
        log(`deleteSession at stop failed: ${e.message}`);
      }
      state.browser = null;
    }
    // tauri-driver stops its WebKitWebDriver but not an app whose session was never closed
    // (a crashed test): note the whole tree first and SIGTERM whatever outlives the driver.
    const tree = state.driver ? descendants(state.driver.pid) : [];
    await terminate(state.driver, 'tauri-driver');
    // An app whose session was closed takes a moment to take its web processes down.
    await waitUntil(() => !tree.some(alive), { timeoutMs: 3_000, message: 'the app to exit' }).catch(() => {});
    const leftovers = [...new Set([...tree.filter(alive), ...processesOfHome(home)])];
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone already
      }
    }
    if (leftovers.length) {
      log(`sent SIGTERM to ${leftovers.length} process(es) left by the driver: ${leftovers.join(', ')}`);
      await waitUntil(() => !leftovers.some(alive), { timeoutMs: 10_000, message: 'leftover app processes to exit' }).catch(
        (e) => log(e.message),
      );
    }
    await terminate(state.xvfb, 'Xvfb');
    homes.delete(home);
    if (!process.env.BANTIN_E2E_KEEP_HOME) await removeHome(home, log);
    else log(`kept BANTIN_HOME at ${home}`);
  };

  try {
    Object.assign(state, await startDisplay(log));

    const port = await freePort();
    let nativePort = await freePort();
    while (nativePort === port) nativePort = await freePort();

    // tauri-driver hands its own environment to WebKitWebDriver and so to the app: this is
    // where the app learns its data folder. XDG_* keep the webview's localStorage and
    // caches inside the temp folder too, so no run sees another run's state.
    const env = {
      ...process.env,
      DISPLAY: state.display,
      BANTIN_HOME: join(home, 'bantin'),
      XDG_DATA_HOME: join(home, 'xdg-data'),
      XDG_CONFIG_HOME: join(home, 'xdg-config'),
      XDG_CACHE_HOME: join(home, 'xdg-cache'),
      // The accessibility bus is absent under Xvfb; without this GTK logs warnings per window.
      NO_AT_BRIDGE: '1',
    };
    // Under Xvfb either of these makes WebKitWebDriver's screenshot command hang forever
    // (seen with webkit2gtk 4.1 on Debian), so they are dropped even if the caller set them.
    delete env.WEBKIT_DISABLE_DMABUF_RENDERER;
    delete env.WEBKIT_DISABLE_COMPOSITING_MODE;
    for (const d of ['bantin', 'xdg-data', 'xdg-config', 'xdg-cache']) mkdirSync(join(home, d), { recursive: true });

    const driverLog = createWriteStream(join(ARTIFACTS, `${name}.tauri-driver.log`));
    state.driver = track(
      spawn(tauriDriver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    state.driver.stdout.pipe(driverLog, { end: false });
    state.driver.stderr.pipe(driverLog, { end: false });
    await waitUntil(
      async () => {
        if (!running(state.driver)) throw new Error(`tauri-driver exited (code ${state.driver.exitCode}); see artifacts/${name}.tauri-driver.log`);
        return canConnect(port);
      },
      { timeoutMs: 15_000, message: `tauri-driver on port ${port}` },
    );
    log(`tauri-driver (pid ${state.driver.pid}) on port ${port}, WebKitWebDriver on ${nativePort}; BANTIN_HOME=${env.BANTIN_HOME}`);

    const launchApp = async () => {
      if (state.browser) throw new Error('the app is already running; use relaunchApp()');
      try {
        state.browser = await newSession();
      } catch (e) {
        // Now and then the driver drops the very first connection before it starts
        // anything. Retry once then, and only then: a retry after an app started would
        // leave two apps on one data folder.
        if (!/UND_ERR_SOCKET|ECONNRESET|ECONNREFUSED/.test(String(e?.message)) || appPids().length) throw e;
        log(`session request failed before any app started (${e.message}); retrying once`);
        await sleep(1_000);
        state.browser = await newSession();
      }
      return state.browser;
    };

    const newSession = () =>
      remote({
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: process.env.BANTIN_E2E_LOG ?? 'error',
        connectionRetryTimeout: 60_000,
        connectionRetryCount: 0,
        waitforTimeout: 10_000,
        capabilities: {
          // WebKitWebDriver speaks classic WebDriver only; skip WebdriverIO's BiDi upgrade.
          'wdio:enforceWebDriverClassic': true,
          'tauri:options': { application: APP_PATH },
        },
      });

    const appPids = () =>
      descendants(state.driver.pid).filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'bantin-app';
        } catch {
          return false;
        }
      });

    const closeApp = async () => {
      if (!state.browser) return;
      const b = state.browser;
      state.browser = null;
      await b.deleteSession();
    };

    return {
      home,
      bantinHome: env.BANTIN_HOME,
      display: state.display,
      /** tauri-driver's port, for a second client or a debugger. */
      port,
      get browser() {
        return state.browser;
      },
      launchApp,
      closeApp,
      async relaunchApp() {
        await closeApp();
        return launchApp();
      },
      /**
       * Kills the app process with SIGKILL, as a crash or power cut would: no close event,
       * no chance to save. The WebDriver session dies with it; launchApp() starts afresh.
       */
      /** Pids of the running app processes started through this driver. */
      appPids,
      /** After the app closed itself: ends the dead session so launchApp() can start anew. */
      async forgetApp() {
        const dead = state.browser;
        state.browser = null;
        await dead?.deleteSession().catch(() => {});
      },
      async killApp() {
        const apps = appPids();
        if (apps.length === 0) throw new Error('no bantin-app process to kill');
        for (const pid of apps) process.kill(pid, 'SIGKILL');
        await waitUntil(() => !apps.some(alive), { timeoutMs: 10_000, message: 'the killed app to be gone' });
        const dead = state.browser;
        state.browser = null;
        // The session's window is gone; ending it lets the driver forget it.
        await dead?.deleteSession().catch(() => {});
        log(`killed bantin-app (pid ${apps.join(', ')}) with SIGKILL`);
      },
      /** Saves the webview's own screenshot to artifacts/<file>; returns the path. */
      async screenshot(file) {
        const path = join(ARTIFACTS, file);
        await state.browser.saveScreenshot(path);
        return path;
      },
      /** Grabs the whole X screen (window as the user sees it) with ImageMagick; returns the path. */
      screenshotScreen(file) {
        const path = join(ARTIFACTS, file);
        const r = spawnSync('import', ['-window', 'root', path], {
          env: { ...process.env, DISPLAY: state.display },
          encoding: 'utf8',
          timeout: 20_000,
        });
        if (r.status !== 0) throw new Error(`import -window root failed: ${r.error?.message ?? r.stderr}`);
        return path;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
