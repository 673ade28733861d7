// The desktop UI benchmark of issue #4: the release app on 200,000 articles,
// driven through WebDriver (the end-to-end harness in tests/e2e/lib) under
// Xvfb, timed by the `cd:*` performance marks the UI records (ui/src/lib/perf.ts).
// Not a test: it asserts nothing and writes docs/performance-ui.md.
//
//   make bench-ui                       (builds the UI and the release binary first)
//   xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/ui-bench.mjs \
//       [--shared ../shared] [--launches 10] [--out docs/performance-ui.md] [--quick]
//
// Without ../shared/corpora it prints `skipped: <dir> not found` and exits 0.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { BENCH_DIR, defaultShared, ensureData, RELEASE_BINARY, REPO_ROOT, SPECIAL } from "./corpus.mjs";
import { writeReport } from "./report.mjs";

const args = parseArgs(process.argv.slice(2));
// The harness reads the binary to launch from here when it loads.
process.env.CLAIMDESK_E2E_BINARY ??= RELEASE_BINARY;
const BINARY = process.env.CLAIMDESK_E2E_BINARY;

/** Debounce of the search box and the reader's first slice, read from the UI source so the report follows them. */
const sourceNumber = (file, name) =>
  Number(new RegExp(`${name} = ([\\d_]+)`).exec(readFileSync(path.join(REPO_ROOT, file), "utf8"))?.[1].replaceAll("_", ""));
const DEBOUNCE_MS = sourceNumber("ui/src/lib/searchController.ts", "DEBOUNCE_MS");
const FIRST_SLICE_UNITS = sourceNumber("ui/src/components/ArticleBody.tsx", "FIRST_SLICE_UNITS");

/**
 * What analysts type: words, two-word searches, a phrase, OR, a prefix, a
 * field and an exclusion, on the subjects of the Reuters (1987) and BBC
 * (2004–05) articles. Typed one character at a time.
 */
const QUERIES = [
  "oil prices", "opec output", "interest rates", "trade deficit", "coffee exports", "gold reserves",
  "bank of england", "federal reserve", "crude oil", "wheat", "grain exports", "takeover bid",
  "merger talks", "quarterly earnings", "dividend", "yen dollar", "bundesbank", "japan trade surplus",
  "brazil debt", "tony blair", "general election", "gordon brown budget", "chelsea", "arsenal",
  "champions league", "rugby", "wimbledon", "mobile phones", "broadband", "video games",
  "microsoft", "apple ipod", "oscar nominations", "box office", "film festival", "music awards",
  "tax cuts", "unemployment", "inflation", "stock market", "shares fell", "profit rose",
  "sugar prices", "soybean", "natural gas", "steel", "car sales", "airline",
  "shipping", "strike", "negotiat*", "\"interest rates\"", "oil OR gas", "title:coffee",
  "election -sport", "iran iraq", "south africa", "china", "ceasefire", "immigration",
];
const WARMUP = ["market", "government", "football"];
/** The search the article-opening runs start from: both long articles and many ordinary ones. */
const OPEN_QUERY = `${SPECIAL.twentyKay.word} OR ${SPECIAL.oneMeg.word} OR oil`;

async function main() {
  const shared = args.shared ?? defaultShared();
  for (const [what, ok] of [
    ["the release binary " + BINARY + " (make bench-ui builds it)", existsSync(BINARY)],
    ["the built UI ui/dist/index.html (make bench-ui builds it)", existsSync(path.join(REPO_ROOT, "ui/dist/index.html"))],
  ]) {
    if (!ok) {
      console.error(`bench-ui: missing ${what}`);
      process.exit(1);
    }
  }
  const data = ensureData({ shared, size: args.size, binary: BINARY });
  if (data.skipped) {
    console.log(data.skipped);
    return;
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error("bench-ui: no display: run under xvfb-run (make bench-ui does)");
    process.exit(1);
  }
  const { launchApp } = await import("../lib/app.mjs");
  const { Keys, Session } = await import("../lib/webdriver.mjs");

  // Mesa's shader cache (software GL under Xvfb) lives in XDG_CACHE_HOME, which
  // the harness makes fresh for every launch: keep one across the launches, as
  // an installed app has, emptied first so that launch 1 is a first launch ever.
  const shaderCache = path.join(BENCH_DIR, "mesa-shader-cache");
  rmSync(shaderCache, { recursive: true, force: true });
  mkdirSync(shaderCache, { recursive: true });
  process.env.MESA_SHADER_CACHE_DIR ??= shaderCache;

  const run = {
    date: new Date().toISOString(),
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(WEBKIT_|LIBGL_|GALLIUM_|MESA_|GDK_)/.test(k))),
    code: git(["describe", "--always", "--dirty"]),
    machine: machine(),
    loadStart: os.loadavg(),
    nice: os.getPriority(),
    data: { dir: path.relative(REPO_ROOT, data.dataDir), ...data.stats },
    debounceMs: DEBOUNCE_MS,
    firstSliceUnits: FIRST_SLICE_UNITS,
    queries: args.quick ? QUERIES.slice(0, 10) : QUERIES,
  };

  console.log("bench-ui: core search time per query (CLI, same data)");
  run.core = coreSearchTimes(data.dataDir, run.queries);

  // Time the WebDriver new-session request: the harness calls Session.create.
  let sessionRequestedAt = 0;
  let cpuAtRequest = null;
  const create = Session.create;
  Session.create = function (...rest) {
    sessionRequestedAt = Date.now();
    cpuAtRequest = cpuTimes();
    return create.apply(this, rest);
  };

  run.load = { core: os.loadavg() };
  run.busy = {};
  let phaseCpu = cpuTimes();
  const phaseDone = (name) => {
    const now = cpuTimes();
    run.busy[name] = busyShare(phaseCpu, now);
    phaseCpu = now;
  };
  console.log(`bench-ui: cold start × ${args.launches}`);
  run.load.cold = os.loadavg();
  phaseCpu = cpuTimes();
  run.cold = [];
  for (let i = 0; i < args.launches; i++) {
    const app = await launchApp(`bench-ui-cold-${i + 1}`, { dataDir: data.dataDir });
    try {
      const c = await coldStart(app, () => sessionRequestedAt, data.dataDir);
      c.machineBusy = busyShare(cpuAtRequest, cpuTimes());
      run.cold.push(c);
      console.log(`  ${i + 1}: process → ready painted ${fmt(c.processToReadyPainted)} ms, cd:ready ${fmt(c.marks["cd:ready"])} ms after navigation start, WebDriver ${c.webdriverMs} ms; app CPU ${fmt(c.cpuMs)} ms, machine busy ${Math.round(c.machineBusy * 100)} %`);
    } finally {
      await app.close();
    }
  }

  phaseDone("cold");
  const app = await launchApp("bench-ui", { dataDir: data.dataDir });
  try {
    await app.guard("bench-ui", async () => {
      const input = await app.waitForTestId("search-input", { timeoutMs: 60_000 });
      await input.click();
      console.log(`bench-ui: typing ${run.queries.length} queries (after ${WARMUP.length} untimed)`);
      const rng = mulberry32(4);
      for (const q of WARMUP) await typeQuery(app, Keys, q, rng);
      run.typing = [];
      run.load.typing = os.loadavg();
      phaseCpu = cpuTimes();
      for (const q of run.queries) {
        const r = await typeQuery(app, Keys, q, rng);
        run.typing.push(r);
        console.log(`  ${JSON.stringify(q).padEnd(24)} keystroke→painted ${fmt(r.total)} ms (debounce ${fmt(r.debounce)}, ipc ${fmt(r.ipc)}, render ${fmt(r.render)}, paint ${fmt(r.paint)}; ${r.total_hits} hits)`);
      }
      await app.shot("typed");

      console.log("bench-ui: opening articles");
      phaseDone("typing");
      run.load.open = os.loadavg();
      run.open = await openArticles(app, args.quick);
      await app.shot("opened");

      console.log("bench-ui: IPC payload experiments");
      phaseDone("open");
      run.load.ipc = os.loadavg();
      run.ipc = await ipcExperiments(app, run.open.ids);

      console.log("bench-ui: reader frame costs");
      run.frames = {};
      for (const [kind, id] of [["twentyKay", run.open.ids.twentyKay], ["ordinary", run.open.ids.ordinary[0]], ["oneMeg", run.open.ids.oneMeg]]) {
        await openOne(app, { id, index: run.open.rows[id] });
        run.frames[kind] = await frameExperiment(app);
      }

      console.log("bench-ui: font matching");
      run.fonts = await fontExperiment(app);
    });
  } finally {
    await app.close();
  }
  run.loadEnd = os.loadavg();

  mkdirSync(BENCH_DIR, { recursive: true });
  const json = path.join(BENCH_DIR, "results.json");
  writeFileSync(json, JSON.stringify(run, null, 1));
  const out = path.resolve(REPO_ROOT, args.out);
  writeReport(run, out);
  console.log(`bench-ui: wrote ${path.relative(REPO_ROOT, out)} and ${path.relative(REPO_ROOT, json)}`);
}

// --- cold start ---

/** Reads the start-up marks of a freshly launched window, and when its processes started. */
async function coldStart(app, requestedAt, dataDir) {
  const session = app.session;
  // WebDriver's own view: poll for the search box from the moment the session exists.
  let presentAt = null;
  const deadline = Date.now() + 60_000;
  while (presentAt === null && Date.now() < deadline) {
    const present = await session.execute(`const e = document.querySelector('[data-testid="search-input"]');
      return !!e && document.activeElement === e;`).catch(() => false);
    if (present) presentAt = Date.now();
    else await sleep(5);
  }
  const state = await session.waitFor("the cd:ready:painted mark", () => session.execute(`
    if (!performance.getEntriesByName("cd:ready:painted").length) return null;
    const marks = {};
    for (const e of performance.getEntries()) {
      if (e.name.startsWith("cd:") && !(e.name in marks)) marks[e.name] = e.entryType === "measure" ? e.startTime + e.duration : e.startTime;
    }
    const ready = performance.getEntriesByName("cd:ready")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    for (const e of performance.getEntriesByType("paint")) marks[e.name] = e.startTime;
    return { origin: performance.timeOrigin, marks, focused: ready.detail && ready.detail.focused,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null };`),
  { timeoutMs: 60_000, intervalMs: 20 });
  const procs = processInfo(dataDir);
  const readyEpoch = state.origin + state.marks["cd:ready"];
  const paintedEpoch = state.origin + state.marks["cd:ready:painted"];
  return {
    marks: state.marks,
    focused: state.focused,
    domContentLoaded: state.domContentLoaded,
    processToNavigation: procs.app === null ? null : state.origin - procs.app,
    processToWebProcess: procs.app === null || procs.web === null ? null : procs.web - procs.app,
    processToReady: procs.app === null ? null : readyEpoch - procs.app,
    processToReadyPainted: procs.app === null ? null : paintedEpoch - procs.app,
    webdriverMs: presentAt === null ? null : presentAt - requestedAt(),
    webdriverToProcess: procs.app === null ? null : procs.app - requestedAt(),
    cpuMs: procs.cpuMs,
  };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** `[busy, total]` CPU time of the whole machine so far (jiffies, from /proc/stat). */
function cpuTimes() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4];
  return [total - idle, total];
}

/** Share of the machine's CPU time that was busy between two `cpuTimes()` (this benchmark's own processes included). */
function busyShare(a, b) {
  return a && b && b[1] > a[1] ? (b[0] - a[0]) / (b[1] - a[1]) : null;
}

/**
 * Start times (epoch ms, 10 ms resolution) of the app process using `dataDir`
 * and of its WebKit web process, and the CPU time the app and its WebKit
 * processes have used so far.
 */
function processInfo(dataDir) {
  const bootEpoch = Date.now() - Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 1000;
  const needle = `CLAIMDESK_DATA=${dataDir}\0`;
  const stat = (pid) => {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      comm: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")),
      ppid: Number(fields[1]),
      cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
      start: bootEpoch + (Number(fields[19]) * 1000) / CLOCK_TICKS,
    };
  };
  let app = null;
  const all = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = stat(entry);
      all.push({ pid: Number(entry), ...s });
      if (readlinkSync(`/proc/${entry}/exe`) === BINARY && (readFileSync(`/proc/${entry}/environ`, "latin1") + "\0").includes(needle)) {
        app = { pid: Number(entry), ...s };
      }
    } catch {}
  }
  const web = app && all.find((p) => p.ppid === app.pid && p.comm.startsWith("WebKitWebProces"));
  const family = app ? [app, ...all.filter((p) => p.ppid === app.pid)] : [];
  return { app: app ? app.start : null, web: web ? web.start : null, cpuMs: app ? family.reduce((sum, p) => sum + p.cpu, 0) : null };
}

// --- typing ---

const MARKS_SCRIPT = `return performance.getEntries().filter((e) => e.name.startsWith("cd:"))
  .map((e) => ({ name: e.name, t: e.startTime, d: e.duration, detail: e.detail }));`;
const CLEAR_SCRIPT = `performance.clearMarks(); performance.clearMeasures();`;

/** Keystroke intervals of a quick typist: 60–180 ms, so about half exceed the debounce. */
function interval(rng) {
  return 60 + Math.round(rng() * 120);
}

/**
 * Empties the search box and waits for the list of every article, then types
 * `query` one key at a time and returns the timings of its last keystroke.
 */
async function typeQuery(app, Keys, query, rng) {
  const session = app.session;
  await session.keyChord(Keys.Control, "a");
  await session.typeKeys(Keys.Backspace);
  await waitForPainted(app, "");
  await sleep(300);
  await session.execute(CLEAR_SCRIPT);

  const chars = [...query];
  const started = performance.now();
  let due = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0) due += interval(rng);
    const wait = started + due - performance.now();
    if (wait > 0) await sleep(wait);
    await session.typeKeys(chars[i]);
  }
  const value = await session.execute(`return document.querySelector('[data-testid="search-input"]').value;`);
  if (value !== query) throw new Error(`typed ${JSON.stringify(query)} but the search box holds ${JSON.stringify(value)}`);
  const result = await session.waitFor(`results painted for ${JSON.stringify(query)}`, async () => analyzeTyping(await session.execute(MARKS_SCRIPT), query), { timeoutMs: 30_000, intervalMs: 25 });
  await sleep(200); // let page fetches and effects after the paint finish
  return result;
}

/** Waits for a `cd:search:painted` mark of `query`. */
async function waitForPainted(app, query) {
  await app.session.waitFor(`results painted for ${JSON.stringify(query)}`, () => app.session.execute(`
    const all = performance.getEntriesByName("cd:search:painted");
    const input = performance.getEntriesByName("cd:search:input");
    const after = input.length ? input[input.length - 1].startTime : 0;
    return all.some((e) => e.startTime >= after && e.detail && e.detail.query === arguments[0]);`, [query]), { timeoutMs: 30_000, intervalMs: 25 });
}

/** The timings of the last keystroke of `query`, or null while its results are not painted. */
function analyzeTyping(entries, query) {
  const by = (name) => entries.filter((e) => e.name === name);
  const inputs = by("cd:search:input");
  const last = inputs[inputs.length - 1];
  if (!last || last.detail?.text !== query) return null;
  const send = by("cd:search:send").find((e) => e.t >= last.t && e.detail?.query === query);
  const response = send && by("cd:search:response").find((e) => e.detail?.seq === send.detail.seq);
  const commit = response && by("cd:search:commit").find((e) => e.t >= response.t && e.detail?.query === query);
  const painted = commit && by("cd:search:painted").find((e) => e.t >= commit.t && e.detail?.query === query);
  if (!painted) return null;
  const ipc = by("cd:ipc:search").find((e) => e.t >= send.t && e.detail?.query === query && e.detail?.offset === 0);
  const earlier = by("cd:search:send").filter((e) => e.t < last.t && e.t >= inputs[0].t);
  const responses = by("cd:search:response"); // answers and errors (a query typed halfway may not parse)
  const inFlight = earlier.filter((s) => !responses.some((r) => r.detail?.seq === s.detail?.seq && r.t <= last.t)).length;
  const gaps = inputs.slice(1).map((e, i) => e.t - inputs[i].t);
  return {
    query,
    keys: inputs.length,
    meanGap: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null,
    intermediateSearches: earlier.length,
    inFlightAtLastKey: inFlight,
    total: painted.t - last.t,
    debounce: send.t - last.t,
    afterDebounce: painted.t - send.t,
    ipc: ipc ? ipc.d : null,
    render: commit.t - response.t,
    paint: painted.t - commit.t,
    total_hits: painted.detail.total,
  };
}

// --- opening articles ---

/** Row height of the result list (ResultList.tsx ROW_HEIGHT), read from the source. */
const ROW_HEIGHT = Number(/ROW_HEIGHT = (\d+)/.exec(readFileSync(path.join(REPO_ROOT, "ui/src/components/ResultList.tsx"), "utf8"))?.[1]);

/**
 * From the results of OPEN_QUERY: the two long articles and ordinary ones of
 * different stories (copies of one story share its body), with their rows.
 */
async function openTargets(app) {
  const hits = await app.session.executeAsync(`
    const done = arguments[arguments.length - 1];
    window.__TAURI_INTERNALS__.invoke("search", { request: { query: arguments[0], sort: "relevance", limit: 200, offset: 0 } })
      .then((r) => done(r.hits.map((h, index) => ({ id: h.id, title: h.title, index }))), (e) => done({ error: String(e) }));`, [OPEN_QUERY]);
  if (!Array.isArray(hits)) throw new Error(`search for ${OPEN_QUERY}: ${JSON.stringify(hits)}`);
  const twenty = hits.find((h) => h.title === SPECIAL.twentyKay.title);
  const oneMeg = hits.find((h) => h.title === SPECIAL.oneMeg.title);
  const seen = new Set();
  const ordinary = hits.filter((h) => {
    if (h === twenty || h === oneMeg) return false;
    const story = h.title.replace(/ \(copy \d+\)$/, "");
    if (seen.has(story)) return false;
    seen.add(story);
    return true;
  }).slice(0, 8);
  if (!twenty || !oneMeg || ordinary.length < 3) {
    throw new Error(`expected both long articles and 3 other stories among the results for ${JSON.stringify(OPEN_QUERY)}, got ${JSON.stringify(hits.slice(0, 20))}`);
  }
  return { twenty, oneMeg, ordinary };
}

async function openArticles(app, quick) {
  const session = app.session;
  const input = await app.waitForTestId("search-input");
  await app.fill(input, OPEN_QUERY);
  await waitForPainted(app, OPEN_QUERY);
  await sleep(500);
  const { twenty, oneMeg, ordinary } = await openTargets(app);
  const runs = { twentyKay: [], oneMeg: [], ordinary: [] };
  let k = 0;
  const nextOrdinary = () => ordinary[k++ % ordinary.length];
  const plan = [];
  for (let i = 0; i < (quick ? 6 : 30); i++) plan.push(["twentyKay", twenty], ["ordinary", nextOrdinary()]);
  for (let i = 0; i < (quick ? 2 : 5); i++) plan.push(["oneMeg", oneMeg], ["ordinary", nextOrdinary()]);
  // One untimed round first: the first open of each kind runs cold code.
  for (const row of [twenty, ordinary[0], oneMeg, ordinary[1]]) await openOne(app, row);
  for (const [kind, row] of plan) {
    const r = await openOne(app, row);
    runs[kind].push(r);
    console.log(`  ${kind.padEnd(9)} #${row.id} ${r.length} chars: click→painted ${fmt(r.total)} ms (ipc ${fmt(r.ipc)}, render ${fmt(r.render)}, paint ${fmt(r.paint)}${r.complete !== null ? `, whole body (${r.slices} slices) ${fmt(r.complete)}` : ""}; WebDriver ${r.webdriverMs} ms)`);
  }
  await session.execute(CLEAR_SCRIPT);
  const rows = Object.fromEntries([twenty, oneMeg, ...ordinary].map((r) => [r.id, r.index]));
  return { runs, ids: { twentyKay: twenty.id, oneMeg: oneMeg.id, ordinary: ordinary.map((r) => r.id) }, rows, query: OPEN_QUERY };
}

/** Scrolls the result list so that row `index` (article `id`) is in view, and returns its element. */
async function rowInView(app, { id, index }) {
  const selector = `[data-testid="result-row"][data-id="${id}"]`;
  const inView = () => app.session.execute(`
    const row = document.querySelector(arguments[0]);
    const list = document.querySelector('[role="listbox"]');
    if (!row || !list) return false;
    const a = row.getBoundingClientRect();
    const b = list.getBoundingClientRect();
    return a.top >= b.top && a.bottom <= b.bottom;`, [selector]);
  if (!(await inView())) {
    await app.session.execute(`document.querySelector('[role="listbox"]').scrollTop = arguments[0];`, [Math.max(0, (index - 1) * ROW_HEIGHT)]);
    await app.session.waitFor(`row ${index} (article ${id}) in view`, inView, { timeoutMs: 10_000, intervalMs: 25 });
    await sleep(300);
  }
  return app.session.find(selector);
}

/**
 * Whether mark `e` says that the body committed by `commit` is wholly painted
 * (marked after that commit, for a body of the same length; it may come a
 * task before or after `cd:open:painted`, which is posted on another channel).
 */
function isComplete(e, commit) {
  return e.name === "cd:open:complete" && commit && e.t >= commit.t && e.detail?.length === commit.detail?.length;
}

/** Clicks the row of `row.id` and waits until its article is painted, and its whole body. */
async function openOne(app, row) {
  const session = app.session;
  const element = await rowInView(app, row);
  await session.execute(CLEAR_SCRIPT);
  const clicked = Date.now();
  await element.click();
  const entries = await session.waitFor(`article ${row.id} painted`, async () => {
    const all = await session.execute(MARKS_SCRIPT);
    const commit = all.find((e) => e.name === "cd:open:commit" && e.detail?.id === row.id);
    const painted = all.find((e) => e.name === "cd:open:painted" && e.detail?.id === row.id);
    return painted && all.some((e) => isComplete(e, commit)) ? all : null;
  }, {
    timeoutMs: 60_000,
    intervalMs: 100,
    describe: async () => `marks: ${JSON.stringify((await session.execute(MARKS_SCRIPT)).filter((e) => e.name.startsWith("cd:open")))}`,
  });
  const webdriverMs = Date.now() - clicked;
  const find = (name, ok = () => true) => entries.find((e) => e.name === name && ok(e));
  const start = find("cd:open:start", (e) => e.detail?.id === row.id);
  const ipc = find("cd:ipc:open_article", (e) => e.detail?.id === row.id);
  const commit = find("cd:open:commit", (e) => e.detail?.id === row.id);
  const painted = find("cd:open:painted", (e) => e.detail?.id === row.id);
  const complete = entries.find((e) => isComplete(e, commit));
  await sleep(150);
  return {
    id: row.id,
    length: painted.detail.length,
    total: painted.t - start.t,
    ipc: ipc ? ipc.d : null,
    render: ipc ? commit.t - (ipc.t + ipc.d) : null,
    paint: painted.t - commit.t,
    // Bodies of one slice are whole at the first paint; their complete mark comes from a passive effect, a frame later.
    slices: complete?.detail?.slices ?? null,
    complete: complete && complete.detail?.slices > 1 ? complete.t - start.t : null,
    webdriverMs,
  };
}

// --- IPC payloads ---

/**
 * Direct `invoke` calls from the page (no React): a tiny answer, the open
 * command for the 20 KB and the 1 MB article with and without highlighting,
 * and the JavaScript cost of parsing those answers as JSON against decoding
 * the body as raw bytes (what a `tauri::ipc::Response` would hand over).
 */
async function ipcExperiments(app, ids) {
  await app.session.setTimeouts({ script: 300_000 });
  return app.session.executeAsync(`
    const [ids, query] = arguments;
    const done = arguments[arguments.length - 1];
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const each = async (n, f) => { const out = []; for (let i = 0; i < n; i++) { const t = performance.now(); await f(); out.push(performance.now() - t); } return out; };
    // The clock has a coarse resolution: time a batch and divide.
    const batch = (n, f) => { const t = performance.now(); for (let i = 0; i < n; i++) f(); return (performance.now() - t) / n; };
    (async () => {
      const r = {};
      const open = (id, q) => () => invoke("open_article", { id, query: q });
      const search = (q) => () => invoke("search", { request: { query: q, sort: "relevance", limit: 50, offset: 0 } });
      for (const [name, f, n] of [
        ["status", () => invoke("desk_status"), 40],
        ["searchNothing", search("zzqqxxjjkk"), 40],
        ["searchOil", search("oil prices"), 20],
        ["open20kPlain", open(ids.twentyKay, ""), 30],
        ["open20kQuery", open(ids.twentyKay, query), 30],
        ["open1mPlain", open(ids.oneMeg, ""), 10],
        ["open1mQuery", open(ids.oneMeg, query), 10],
        ["openOrdinaryQuery", open(ids.ordinary[0], query), 30],
      ]) { await f(); r[name] = await each(n, f); }
      const enc = new TextEncoder();
      for (const [name, value] of [
        ["20k", await invoke("open_article", { id: ids.twentyKay, query })],
        ["1m", await invoke("open_article", { id: ids.oneMeg, query })],
        ["search", await invoke("search", { request: { query: "oil prices", sort: "relevance", limit: 50, offset: 0 } })],
      ]) {
        const json = JSON.stringify(value);
        const bytes = enc.encode(json);
        r["bytes_" + name] = bytes.length;
        r["parse_" + name] = batch(name === "1m" ? 20 : 200, () => JSON.parse(json));
        r["decodeParse_" + name] = batch(name === "1m" ? 20 : 200, () => JSON.parse(new TextDecoder().decode(bytes)));
        if (value.article) {
          const body = enc.encode(value.article.body);
          r["bodyBytes_" + name] = body.length;
          r["decodeBody_" + name] = batch(name === "1m" ? 20 : 200, () => new TextDecoder().decode(body));
          r["highlights_" + name] = value.highlights.length;
        }
      }
      done(r);
    })().catch((e) => done({ error: String(e && e.stack || e) }));`, [ids, OPEN_QUERY], 300_000);
}

// --- frames ---

/**
 * With an article open, what the stages of a frame cost in the reader: a
 * frame with nothing to do (rAF → the task after it: waiting for the frame),
 * a frame repainting the article (its text colour changed: paint and
 * rasterization, no layout), a forced style and layout of the article
 * from scratch (display: none → block, no paint), and the same for a copy of
 * the article whose words were never laid out before.
 */
async function frameExperiment(app) {
  return app.session.executeAsync(`
    const done = arguments[arguments.length - 1];
    const article = document.querySelector(".reader-article");
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
      const c = new MessageChannel(); c.port1.onmessage = () => { c.port1.close(); resolve(); }; c.port2.postMessage(null);
    }));
    (async () => {
      const r = { idle: [], repaint: [], layout: [] };
      for (let i = 0; i < 12; i++) {
        await frame();
        let t = performance.now();
        await frame();
        r.idle.push(performance.now() - t);
        await frame();
        t = performance.now();
        article.style.color = i % 2 ? "#101010" : "#202020";
        await frame();
        r.repaint.push(performance.now() - t);
        await frame();
        article.style.display = "none";
        article.getBoundingClientRect();
        t = performance.now();
        article.style.display = "";
        article.getBoundingClientRect();
        r.layout.push(performance.now() - t);
      }
      article.style.color = "";
      // Style and layout of as much text never laid out before (the article's copy with every letter shifted, so no cached word widths apply).
      r.freshLayout = [];
      const shift = (text, k) => text.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + k) % 26)));
      for (let k = 1; k <= 6; k++) {
        const copy = article.cloneNode(true);
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) n.data = shift(n.data, k);
        copy.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;width:" + article.getBoundingClientRect().width + "px";
        article.parentNode.appendChild(copy);
        const t = performance.now();
        copy.getBoundingClientRect();
        r.freshLayout.push(performance.now() - t);
        copy.remove();
      }
      await frame();
      done(r);
    })().catch((e) => done({ error: String(e) }));`, [], 60_000);
}

// --- fonts ---

/**
 * The cost of the first layout of text at a font size not used before, with
 * each of the UI's font stacks and with the installed family fontconfig picks
 * for sans-serif; and how many font stack × size × weight × style combinations
 * the desk's text uses right now (each is matched once, at its first layout).
 */
async function fontExperiment(app) {
  let installed = "Noto Sans";
  try {
    installed = execFileSync("fc-match", ["-f", "%{family[0]}", "sans-serif"], { encoding: "utf8" }).trim() || installed;
  } catch {}
  return app.session.execute(`
    const installed = arguments[0];
    const root = getComputedStyle(document.documentElement);
    const stacks = { ui: root.getPropertyValue("--font-ui").trim(), reading: root.getPropertyValue("--font-reading").trim(),
      mono: root.getPropertyValue("--font-mono").trim(), installed: JSON.stringify(installed) };
    const combos = new Set();
    for (const e of document.querySelectorAll("body *")) {
      if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const s = getComputedStyle(e);
      combos.add([s.fontFamily, s.fontSize, s.fontWeight, s.fontStyle].join("|"));
    }
    const out = { installed, combos: combos.size, perSize: {} };
    let size = 40;
    for (const [name, family] of Object.entries(stacks)) {
      let sum = 0;
      for (let i = 0; i < 20; i++) {
        const d = document.createElement("div");
        d.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;font-family:" + family + ";font-size:" + (size += 0.25) + "px";
        d.textContent = "Quick brown fox 0123";
        document.body.appendChild(d);
        const t = performance.now();
        d.getBoundingClientRect();
        sum += performance.now() - t;
        d.remove();
      }
      out.perSize[name] = sum / 20;
    }
    out.stacks = stacks;
    return out;`, [installed]);
}

// --- the core alone, for comparison ---

/**
 * `Desk::search` time per query through the CLI on the same data directory
 * (50 hits like a page of the UI): a process running the query 101 times
 * minus one running it once, divided by 100 (best of two runs each). Runs before any window holds the data dir.
 */
function coreSearchTimes(dataDir, queries) {
  const tmp = path.join(BENCH_DIR, "queries");
  mkdirSync(tmp, { recursive: true });
  const time = (file) => {
    const t = process.hrtime.bigint();
    try {
      execFileSync(BINARY, ["--data", dataDir, "search", "--queries", file, "--json", "--limit", "50"], { stdio: ["ignore", "ignore", "ignore"] });
    } catch {}
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const out = [];
  for (const [i, q] of queries.entries()) {
    const one = path.join(tmp, `q${i}-1.txt`);
    const many = path.join(tmp, `q${i}-101.txt`);
    writeFileSync(one, q + "\n");
    writeFileSync(many, (q + "\n").repeat(101));
    time(one); // warm the page cache
    const t1 = Math.min(time(one), time(one));
    const t101 = Math.min(time(many), time(many));
    out.push({ query: q, ms: Math.max(0, (t101 - t1) / 100) });
  }
  rmSync(tmp, { recursive: true, force: true });
  return out;
}

// --- helpers ---

function machine() {
  const cpus = os.cpus();
  let webkit = null;
  try {
    webkit = execFileSync("dpkg-query", ["-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"], { encoding: "utf8" }).trim();
  } catch {}
  return {
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    memoryGiB: os.totalmem() / 2 ** 30,
    kernel: `${os.type()} ${os.release()}`,
    webkit,
  };
}

function git(argv) {
  try {
    return execFileSync("git", argv, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmt(ms) {
  return ms === null || ms === undefined ? "–" : ms.toFixed(0);
}

function parseArgs(argv) {
  const a = { shared: null, launches: 10, out: "docs/performance-ui.md", size: 200_000, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--shared") a.shared = argv[++i];
    else if (arg === "--launches") a.launches = Number(argv[++i]);
    else if (arg === "--out") a.out = argv[++i];
    else if (arg === "--size") a.size = Number(argv[++i]);
    else if (arg === "--quick") a.quick = true;
    else {
      console.error(`bench-ui: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (a.quick && !argv.includes("--launches")) a.launches = 2;
  return a;
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
