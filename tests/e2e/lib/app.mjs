// Starts the real Claimdesk window for one test file: a fresh data directory,
// its own tauri-driver (which launches WebKitWebDriver, which launches the
// app), one WebDriver session; and tears it all down again.
//
// The app reads its data directory from CLAIMDESK_DATA. tauri-driver has no
// way to set the application's environment, but the app inherits it from
// tauri-driver (through WebKitWebDriver), so each test file spawns its own
// tauri-driver with CLAIMDESK_DATA set, on free ports.

import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

import { Keys, SCREENSHOT_DIR, Session, WebDriverError, tid } from "./webdriver.mjs";

export { Keys, tid };

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (`tests/e2e/lib/../../..`). */
export const REPO_ROOT = path.resolve(here, "../../..");
export const FIXTURES = path.join(REPO_ROOT, "tests/fixtures");
export const APP_BINARY = process.env.CLAIMDESK_E2E_BINARY ?? path.join(REPO_ROOT, "target/debug/claimdesk");
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";

/** How long to wait for the window's UI and its data directory to be ready. */
export const READY_TIMEOUT_MS = 60_000;

// Process groups still alive (pgid → temp dir), killed on exit whatever happens.
const liveGroups = new Map();
function killLiveGroups() {
  for (const [pgid, root] of liveGroups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {}
    if (!process.env.CLAIMDESK_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  }
  liveGroups.clear();
}
process.on("exit", killLiveGroups);
// tauri-driver runs in its own session, so a Ctrl+C in the terminal does not reach it.
for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.once(signal, () => {
    killLiveGroups();
    process.exit(128 + number);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function tail(file, lines = 25) {
  try {
    const text = readFileSync(file, "utf8").trimEnd();
    return text ? text.split("\n").slice(-lines).join("\n") : "(empty)";
  } catch {
    return "(no log)";
  }
}

/** Pids of processes whose environment holds `CLAIMDESK_DATA=<dataDir>` (ours only: the dir is unique). */
function processesUsing(dataDir) {
  const needle = `CLAIMDESK_DATA=${dataDir}\0`;
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if ((readFileSync(`/proc/${entry}/environ`, "latin1") + "\0").includes(needle)) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

/**
 * Launches the app with a fresh data directory and returns an `App`.
 * `name` tags the screenshots and the driver log (target/e2e/<name>-*.png).
 * `dataDir` uses that existing data directory instead (it is not removed).
 */
export async function launchApp(name, { dataDir: existingDataDir } = {}) {
  if (!existsSync(APP_BINARY)) {
    throw new Error(`the app binary ${APP_BINARY} is missing: run \`cargo build -p claimdesk\` (make e2e does)`);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), `claimdesk-e2e-${name}-`));
  const dataDir = existingDataDir ?? path.join(root, "data");
  if (!existingDataDir) mkdirSync(dataDir);
  // Keep the window-state plugin and WebKit's caches out of the user's home too.
  for (const d of ["config", "share", "cache"]) mkdirSync(path.join(root, d));

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const logFile = path.join(SCREENSHOT_DIR, `${name}-driver.log`);
  const log = openSync(logFile, "w");
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();

  const driver = spawn(TAURI_DRIVER, ["--port", String(port), "--native-port", String(nativePort)], {
    detached: true, // its own process group: killing -pid ends tauri-driver, WebKitWebDriver and the app
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      CLAIMDESK_DATA: dataDir,
      XDG_CONFIG_HOME: path.join(root, "config"),
      XDG_DATA_HOME: path.join(root, "share"),
      XDG_CACHE_HOME: path.join(root, "cache"),
      RUST_BACKTRACE: "1",
    },
  });
  closeSync(log);
  liveGroups.set(driver.pid, root);
  let exited = null;
  driver.on("exit", (code, signal) => {
    exited = { code, signal };
  });
  driver.on("error", (e) => {
    exited = { error: e.message };
  });

  const app = new App({ name, root, dataDir, driver, logFile, base: `http://127.0.0.1:${port}` });
  try {
    // Wait until WebKitWebDriver listens on the native port, then until
    // tauri-driver answers HTTP on its own (asking it earlier logs errors).
    const started = Date.now();
    for (const [what, ready] of [
      [`WebKitWebDriver (port ${nativePort})`, () => canConnect(nativePort)],
      [`tauri-driver (port ${port})`, () =>
        fetch(`${app.base}/status`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)],
    ]) {
      for (;;) {
        if (exited) {
          throw new Error(`tauri-driver exited early (${JSON.stringify(exited)}); log ${logFile}:\n${tail(logFile)}`);
        }
        if (await ready()) break;
        if (Date.now() - started > 20_000) {
          throw new Error(`${what} did not answer within 20 s; log ${logFile}:\n${tail(logFile)}`);
        }
        await sleep(100);
      }
    }
    try {
      app.session = await Session.create(app.base, {
        browserName: "wry",
        "tauri:options": { application: APP_BINARY },
      });
    } catch (e) {
      throw new Error(`could not start a session with ${APP_BINARY}: ${e.message}\nlog ${logFile}:\n${tail(logFile)}`);
    }
    await app.session.setTimeouts({ script: 30_000 }).catch(() => {});
  } catch (e) {
    await app.close();
    throw e;
  }
  return app;
}

/** Script (function body) shared by the probes: is element `e` rendered and visible? */
const VISIBLE_FN = `
  function visible(e) {
    if (!e || !e.isConnected) return false;
    const s = getComputedStyle(e);
    if (s.display === "none" || s.visibility === "hidden" || s.opacity === "0") return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }`;

export class App {
  constructor({ name, root, dataDir, driver, logFile, base }) {
    this.name = name;
    this.root = root;
    this.dataDir = dataDir;
    this.driver = driver;
    this.logFile = logFile;
    this.base = base;
    this.session = null;
    this.shots = 0;
  }

  /** Screenshot to target/e2e/<app name>-<n>-<label>.png. Never throws; returns the path or an error note. */
  async shot(label) {
    if (!this.session) return "(no session)";
    this.shots += 1;
    const file = `${this.name}-${String(this.shots).padStart(2, "0")}-${label}`;
    try {
      // Let the page paint what the DOM now holds (two animation frames).
      await this.session.executeAsync(`const done = arguments[arguments.length - 1];
        requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`, [], 5_000).catch(() => {});
      return await this.session.screenshot(file);
    } catch (e) {
      return `(screenshot failed: ${e.message})`;
    }
  }

  /** One line about the page: title, data-testids present (hidden ones marked), start of the text. */
  async describe() {
    const info = await this.session.execute(`${VISIBLE_FN}
      const counts = new Map();
      for (const e of document.querySelectorAll("[data-testid]")) {
        const key = e.getAttribute("data-testid") + (visible(e) ? "" : " (hidden)");
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      return {
        title: document.title,
        ready: document.readyState,
        ids: [...counts].map(([k, n]) => (n > 1 ? k + " x" + n : k)),
        text: (document.body ? document.body.innerText : "").replace(/\\s+/g, " ").slice(0, 240),
        controls: [...document.querySelectorAll("input, textarea, select, button")].filter(visible).slice(0, 12)
          .map((e) => e.tagName.toLowerCase() + (e.type ? "[" + e.type + "]" : "") + " " +
            JSON.stringify((e.innerText || e.placeholder || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 30))),
      };`, [], 10_000);
    const ids = info.ids.length ? info.ids.join(", ") : "none (has the React UI with data-testid hooks landed?)";
    return `page: title ${JSON.stringify(info.title)}, ${info.ready}; data-testids present: ${ids}; ` +
      `visible controls: ${info.controls.join(", ") || "none"}; text: ${JSON.stringify(info.text)}`;
  }

  /** Polls like Session.waitFor, describing the page on timeout. */
  waitFor(what, probe, opts = {}) {
    return this.session.waitFor(what, probe, { describe: () => this.describe(), ...opts });
  }

  /** Is a `[data-testid=id]` element visible now? */
  isVisible(id) {
    return this.session.execute(`${VISIBLE_FN}
      return [...document.querySelectorAll(arguments[0])].some(visible);`, [tid(id)]);
  }

  /** Waits for a visible `[data-testid=id]` and returns it (the first visible one). */
  async waitForTestId(id, { timeoutMs = 30_000 } = {}) {
    return this.waitFor(`${tid(id)} to be visible`, () =>
      this.session.execute(`${VISIBLE_FN}
        return [...document.querySelectorAll(arguments[0])].find(visible) || null;`, [tid(id)]),
      { timeoutMs });
  }

  /** Waits until no `[data-testid=id]` is visible. */
  async waitGone(id, { timeoutMs = 30_000 } = {}) {
    await this.waitFor(`${tid(id)} to disappear`, async () => !(await this.isVisible(id)), { timeoutMs });
  }

  /** The text of the first `[data-testid=id]`, or null if there is none. */
  textOf(id) {
    return this.session.execute(`
      const e = document.querySelector(arguments[0]);
      return e ? e.innerText : null;`, [tid(id)]);
  }

  /** All visible `[data-testid=id]` elements. */
  visibleAll(id) {
    return this.session.execute(`${VISIBLE_FN}
      return [...document.querySelectorAll(arguments[0])].filter(visible);`, [tid(id)]);
  }

  /**
   * Waits for the window to be usable: the document loaded, `desk-loading`
   * gone (the data directory opens in the background), and no `desk-error`.
   */
  async waitForDesk({ timeoutMs = READY_TIMEOUT_MS } = {}) {
    await this.waitFor("the document to finish loading", () =>
      this.session.execute(`return document.readyState === "complete" && !!document.body && document.body.children.length > 0;`),
      { timeoutMs });
    await this.waitFor(`${tid("desk-loading")} to disappear (the data directory opening)`, async () => {
      const state = await this.session.execute(`${VISIBLE_FN}
        const err = document.querySelector('[data-testid="desk-error"]');
        if (err && visible(err)) return { error: err.innerText };
        return { loading: [...document.querySelectorAll('[data-testid="desk-loading"]')].some(visible) };`);
      if (state.error !== undefined) {
        throw Object.assign(new Error(`the desk failed to open: ${tid("desk-error")} says ${JSON.stringify(state.error)}`), { fatal: true });
      }
      return !state.loading;
    }, { timeoutMs });
  }

  /**
   * Replaces the content of an input: focus, select all, delete, type.
   * Goes through real key events so React's onChange fires.
   */
  async fill(element, text) {
    await element.click();
    await element.sendKeys(Keys.Control + "a" + Keys.Control);
    await element.sendKeys(Keys.Backspace);
    if (text) await element.sendKeys(text);
    const value = await element.property("value");
    if (value !== text) {
      // Fall back to the native setter plus an input event (what React listens to).
      await this.session.execute(`
        const [e, v] = arguments;
        const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, "value").set.call(e, v);
        e.dispatchEvent(new Event("input", { bubbles: true }));`, [element, text]);
    }
  }

  /**
   * Runs a test body; on failure, saves a screenshot and adds it, a description
   * of the page and the end of the driver log to the error message.
   */
  async guard(label, body) {
    try {
      return await body();
    } catch (e) {
      let extra = "";
      if (this.session) {
        const shot = await this.shot(`FAILED-${label}`);
        extra += `\n  screenshot: ${shot}`;
        try {
          if (!e.message.includes("\n  page: title")) extra += `\n  ${await this.describe()}`;
        } catch (d) {
          extra += `\n  (the page did not answer: ${d.message})`;
        }
      }
      extra += `\n  driver/app log ${this.logFile}, last lines:\n${tail(this.logFile, 15).replace(/^/gm, "    | ")}`;
      e.message += extra;
      throw e;
    }
  }

  /** Ends the session and every process this app started; removes the temp dirs. Never throws. */
  async close() {
    if (this.session) {
      await this.session.delete().catch(() => {});
      this.session = null;
    }
    const pgid = this.driver?.pid;
    if (pgid) {
      const alive = () => {
        try {
          process.kill(-pgid, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {}
      for (let i = 0; i < 50 && alive(); i++) await sleep(100);
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {}
      liveGroups.delete(pgid);
    }
    // Anything that left the group (e.g. a new session) but still runs on our data dir.
    for (const pid of processesUsing(this.dataDir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
    }
    await sleep(200);
    if (!process.env.CLAIMDESK_E2E_KEEP) {
      rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
    }
  }
}

/** Parses the first number in a text such as "1,234 results" (null if none). */
export function parseCount(text) {
  const m = /\d[\d,.\u00a0\u202f]*/.exec(text ?? "");
  if (!m) return null;
  return Number(m[0].replace(/[^\d]/g, ""));
}

export { WebDriverError };
