// A tiny W3C WebDriver client on the global `fetch` (Node 20), with no
// dependencies. Enough for Claimdesk's end-to-end tests: sessions, finding
// elements by CSS, clicks, keys (element and actions API), text, attributes,
// scripts, screenshots, and a polling `waitFor` with clear failure messages.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

/** Key codes of the W3C WebDriver spec, for `sendKeys` and `keyChord`. */
export const Keys = Object.freeze({
  Backspace: "\uE003",
  Tab: "\uE004",
  Enter: "\uE007",
  Shift: "\uE008",
  Control: "\uE009",
  Alt: "\uE00A",
  Escape: "\uE00C",
  ArrowUp: "\uE013",
  ArrowDown: "\uE015",
  Delete: "\uE017",
  Meta: "\uE03D",
});

/** An error from the remote end (or from talking to it), with the command that failed. */
export class WebDriverError extends Error {
  constructor(message, { error, command, status } = {}) {
    super(message);
    this.name = "WebDriverError";
    this.error = error; // the W3C error code, e.g. "no such element"
    this.command = command;
    this.status = status;
  }
}

/** Where screenshots go: `<repo>/target/e2e/`. */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../target/e2e");

/** `[data-testid="x"]` */
export const tid = (id) => `[data-testid="${id}"]`;

export class Session {
  /**
   * @param {string} base e.g. http://127.0.0.1:4444
   * @param {string} id the session id
   */
  constructor(base, id, { requestTimeoutMs = 60_000 } = {}) {
    this.base = base;
    this.id = id;
    this.requestTimeoutMs = requestTimeoutMs;
  }

  /** POST /session. `capabilities` goes into `alwaysMatch` (what tauri-driver rewrites). */
  static async create(base, capabilities, { timeoutMs = 90_000 } = {}) {
    const value = await request(base, "POST", "/session", {
      capabilities: { alwaysMatch: capabilities, firstMatch: [{}] },
    }, timeoutMs);
    if (!value || !value.sessionId) {
      throw new WebDriverError(`new session: no sessionId in answer ${JSON.stringify(value)}`);
    }
    return new Session(base, value.sessionId);
  }

  /** A command on this session: `cmd("GET", "/title")`. */
  cmd(method, suffix, body, timeoutMs = this.requestTimeoutMs) {
    return request(this.base, method, `/session/${this.id}${suffix}`, body, timeoutMs);
  }

  async delete({ timeoutMs = 20_000 } = {}) {
    await this.cmd("DELETE", "", undefined, timeoutMs);
  }

  title() {
    return this.cmd("GET", "/title");
  }

  /** Finds the first element matching `css`, or throws naming the selector. */
  async find(css) {
    try {
      const value = await this.cmd("POST", "/element", { using: "css selector", value: css });
      return new Element(this, value[ELEMENT_KEY], css);
    } catch (e) {
      if (e.error === "no such element") {
        throw new WebDriverError(`no element matches ${css}`, { error: e.error, command: e.command });
      }
      throw e;
    }
  }

  /** Every element matching `css` (maybe none). */
  async findAll(css) {
    const value = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return value.map((v, i) => new Element(this, v[ELEMENT_KEY], `${css}[${i}]`));
  }

  /** The first match of `css`, or null. */
  async maybeFind(css) {
    const all = await this.findAll(css);
    return all[0] ?? null;
  }

  /** Runs `script` (a function body; `arguments` holds `args`) and returns its result. */
  execute(script, args = [], timeoutMs) {
    return this.cmd("POST", "/execute/sync", { script, args: args.map(toWire) }, timeoutMs)
      .then(fromWire.bind(null, this));
  }

  /** Like `execute`, but the script calls `arguments[arguments.length - 1](result)` to finish. */
  executeAsync(script, args = [], timeoutMs) {
    return this.cmd("POST", "/execute/async", { script, args: args.map(toWire) }, timeoutMs)
      .then(fromWire.bind(null, this));
  }

  /** Sets the session's script timeout (ms) for `executeAsync`. */
  setTimeouts({ script, pageLoad, implicit }) {
    const body = {};
    if (script !== undefined) body.script = script;
    if (pageLoad !== undefined) body.pageLoad = pageLoad;
    if (implicit !== undefined) body.implicit = implicit;
    return this.cmd("POST", "/timeouts", body);
  }

  /**
   * Presses keys together through the actions API, e.g.
   * `keyChord(Keys.Control, "k")` for Ctrl+K: all down in order, then up in reverse.
   */
  async keyChord(...keys) {
    const actions = [
      ...keys.map((value) => ({ type: "keyDown", value })),
      ...[...keys].reverse().map((value) => ({ type: "keyUp", value })),
    ];
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  /** Types `text` into whatever has focus (actions API), one key at a time. */
  async typeKeys(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: "keyDown", value: ch }, { type: "keyUp", value: ch });
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Saves a PNG screenshot to `target/e2e/<name>.png`; returns its path. */
  async screenshot(name, { timeoutMs = 30_000 } = {}) {
    const base64 = await this.cmd("GET", "/screenshot", undefined, timeoutMs);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
    writeFileSync(file, Buffer.from(base64, "base64"));
    return file;
  }

  /**
   * Polls `probe` until it returns something truthy, and returns that.
   * Errors thrown by `probe` count as "not yet" (the last one is reported),
   * except those with `fatal: true`, which end the wait at once.
   * On timeout, throws with `what`, the last value or error, and the output of
   * `describe()` (e.g. which data-testids the page has).
   */
  async waitFor(what, probe, { timeoutMs = 30_000, intervalMs = 200, describe } = {}) {
    const started = Date.now();
    let last;
    let lastError;
    for (;;) {
      try {
        last = await probe();
        lastError = undefined;
        if (last) return last;
      } catch (e) {
        if (e.fatal) throw e; // the probe saw something that will not get better
        lastError = e;
      }
      if (Date.now() - started >= timeoutMs) break;
      await sleep(intervalMs);
    }
    let message = `timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}`;
    if (lastError) message += `\n  last error: ${lastError.message}`;
    else message += `\n  last value: ${JSON.stringify(last)}`;
    if (describe) {
      try {
        message += `\n  ${await describe()}`;
      } catch (e) {
        message += `\n  (could not describe the page: ${e.message})`;
      }
    }
    const err = new Error(message);
    err.name = "WaitTimeoutError";
    throw err;
  }
}

export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }

  cmd(method, suffix, body) {
    return this.session.cmd(method, `/element/${this.id}${suffix}`, body).catch((e) => {
      e.message = `${this.selector}: ${e.message}`;
      throw e;
    });
  }

  click() {
    return this.cmd("POST", "/click", {});
  }

  clear() {
    return this.cmd("POST", "/clear", {});
  }

  /** Element Send Keys: focuses the element and types `text` (may hold `Keys.*`). */
  sendKeys(text) {
    return this.cmd("POST", "/value", { text });
  }

  text() {
    return this.cmd("GET", "/text");
  }

  attribute(name) {
    return this.cmd("GET", `/attribute/${encodeURIComponent(name)}`);
  }

  property(name) {
    return this.cmd("GET", `/property/${encodeURIComponent(name)}`);
  }

  displayed() {
    return this.cmd("GET", "/displayed");
  }

  async find(css) {
    try {
      const value = await this.cmd("POST", "/element", { using: "css selector", value: css });
      return new Element(this.session, value[ELEMENT_KEY], `${this.selector} ${css}`);
    } catch (e) {
      if (e.error === "no such element") {
        throw new WebDriverError(`no element matches ${this.selector} ${css}`, { error: e.error });
      }
      throw e;
    }
  }

  async findAll(css) {
    const value = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return value.map((v, i) => new Element(this.session, v[ELEMENT_KEY], `${this.selector} ${css}[${i}]`));
  }
}

function toWire(arg) {
  return arg instanceof Element ? { [ELEMENT_KEY]: arg.id } : arg;
}

function fromWire(session, value) {
  if (Array.isArray(value)) return value.map((v) => fromWire(session, v));
  if (value && typeof value === "object") {
    if (ELEMENT_KEY in value) return new Element(session, value[ELEMENT_KEY], "(element from script)");
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(session, v)]));
  }
  return value;
}

/** One HTTP round trip; returns the `value` of the answer or throws a WebDriverError. */
export async function request(base, method, urlPath, body, timeoutMs = 60_000) {
  const command = `${method} ${urlPath}`;
  let response;
  try {
    response = await fetch(base + urlPath, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const why = e.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s (is the app hanging?)` : e.message;
    throw new WebDriverError(`${command}: ${why}`, { command });
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(`${command}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`, {
      command,
      status: response.status,
    });
  }
  const value = json.value;
  if (!response.ok || (value && typeof value === "object" && typeof value.error === "string")) {
    const code = value?.error ?? `HTTP ${response.status}`;
    const message = value?.message ? `: ${String(value.message).split("\n")[0]}` : "";
    throw new WebDriverError(`${command} failed: ${code}${message}`, {
      error: value?.error,
      command,
      status: response.status,
    });
  }
  return value;
}
