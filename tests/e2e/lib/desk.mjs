// Steps through the Claimdesk UI shared by several tests, written against the
// data-testid contract (see tests/e2e/README.md).

import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";

import { Keys, parseCount, tid } from "./app.mjs";

/** The number in `result-count`, or null when it is not shown. */
export async function resultCount(app) {
  const text = await app.textOf("result-count");
  return text === null ? null : parseCount(text);
}

/** A cheap fingerprint of the result list: count text and the visible rows' ids. */
function resultState(app) {
  return app.session.execute(`
    const count = document.querySelector('[data-testid="result-count"]');
    const rows = [...document.querySelectorAll('[data-testid="result-row"]')].map((r) => r.getAttribute("data-id"));
    const err = document.querySelector('[data-testid="query-error"]');
    return JSON.stringify([count ? count.innerText : null, rows, err ? err.innerText : null]);`);
}

/**
 * From the first-run screen, imports the sample set and waits for results.
 * Returns the result count shown afterwards.
 */
export async function openSamples(app) {
  const button = await app.waitForTestId("open-samples");
  await button.click();
  await app.waitFor(`${tid("result-row")} rows after clicking ${tid("open-samples")} (the 35 sample articles)`,
    async () => (await app.visibleAll("result-row")).length > 0, { timeoutMs: 90_000 });
  await app.waitGone("first-run", { timeoutMs: 10_000 });
  return resultCount(app);
}

/** Makes sure the desk has articles: opens the samples if the first-run screen shows. */
export async function ensureSamples(app) {
  await app.waitFor(`${tid("first-run")} or ${tid("search-input")}`, async () =>
    (await app.isVisible("first-run")) || (await app.isVisible("search-input")));
  if (await app.isVisible("first-run")) await openSamples(app);
}

/**
 * Types `query` into the search box and waits until the results settle: the
 * result list (count, rows, query error) has stopped changing for `quietMs`,
 * and has changed from before if `expectChange`.
 */
export async function search(app, query, { expectChange = true, quietMs = 1_000, timeoutMs = 30_000 } = {}) {
  const input = await app.waitForTestId("search-input");
  const before = await resultState(app);
  await app.fill(input, query);
  assert.equal(await input.property("value"), query, `${tid("search-input")} should hold the typed query`);
  let last = null;
  let since = Date.now();
  await app.waitFor(`the results for ${JSON.stringify(query)} to settle${expectChange ? " (and to change)" : ""}`, async () => {
    const now = await resultState(app);
    if (now !== last) {
      last = now;
      since = Date.now();
      return false;
    }
    if (expectChange && now === before) return false;
    return Date.now() - since >= quietMs;
  }, { timeoutMs, intervalMs: 150 });
  return input;
}

/** Opens the import panel with `import-button`. */
export async function openImportPanel(app) {
  if (!(await app.isVisible("import-panel"))) {
    const button = await app.waitForTestId("import-button");
    await button.click();
  }
  await app.waitForTestId("import-panel");
}

/**
 * Imports `dir` through the path field of the import panel and waits for the
 * summary. Records whether `import-progress` was ever added to the page
 * (a MutationObserver installed before submitting). Returns { progressSeen }.
 */
export async function importPath(app, dir, { timeoutMs = 120_000 } = {}) {
  await openImportPanel(app);
  const input = await app.waitForTestId("import-path-input");
  await app.fill(input, dir);
  await app.session.execute(`
    window.__e2e_progressSeen = !!document.querySelector('[data-testid="import-progress"]');
    if (window.__e2e_progressObserver) window.__e2e_progressObserver.disconnect();
    const sel = '[data-testid="import-progress"]';
    const hit = (n) => n.nodeType === 1 && (n.matches(sel) || !!n.querySelector(sel));
    window.__e2e_progressObserver = new MutationObserver((records) => {
      for (const r of records) {
        if ((r.type === "attributes" && hit(r.target)) || [...r.addedNodes].some(hit)) {
          window.__e2e_progressSeen = true;
        }
      }
    });
    window.__e2e_progressObserver.observe(document.documentElement,
      { childList: true, subtree: true, attributes: true, attributeFilter: ["data-testid"] });`);
  const submit = await app.waitForTestId("import-path-submit");
  await submit.click();
  await app.waitForTestId("import-summary", { timeoutMs });
  const progressSeen = await app.session.execute(`
    if (window.__e2e_progressObserver) window.__e2e_progressObserver.disconnect();
    return window.__e2e_progressSeen === true;`);
  return { progressSeen };
}

/** Closes the import summary with `import-summary-close` and waits for it to go. */
export async function closeImportSummary(app) {
  const close = await app.waitForTestId("import-summary-close");
  await close.click();
  await app.waitGone("import-summary", { timeoutMs: 10_000 });
}

/** A fingerprint of what the reader shows (title, body length and start), or null. */
export function readerState(app) {
  return app.session.execute(`
    const t = document.querySelector('[data-testid="reader-title"]');
    const b = document.querySelector('[data-testid="reader-body"]');
    if (!t || !b) return null;
    const title = t.textContent.trim();
    if (!title) return null;
    const text = b.textContent;
    return { title, length: text.length, start: text.slice(0, 200) };`);
}

/**
 * Waits until the reader shows an article different from `previous` (a
 * readerState, or null). Returns the new state.
 */
export async function waitForReader(app, previous, { timeoutMs = 20_000 } = {}) {
  return app.waitFor(`${tid("reader-title")} to show ${previous ? "another" : "an"} article`, async () => {
    const now = await readerState(app);
    if (!now) return null;
    if (previous && now.title === previous.title && now.length === previous.length && now.start === previous.start) return null;
    return now;
  }, { timeoutMs });
}

export { Keys, sleep };

/**
 * Selects the `nth` (0-based) match of `pattern` (a RegExp source, case-insensitive)
 * in the reader's body with a DOM Range, as a drag would. Returns the selected text.
 * A match may run across several text nodes (marks of claims and suggestions cut the text).
 */
export async function selectInReader(app, pattern, { nth = 0 } = {}) {
  return app.waitFor(`match ${nth} of /${pattern}/i to select in ${tid("reader-body")}`, () =>
    app.session.execute(`
      const [pattern, nth] = arguments;
      const body = document.querySelector('[data-testid="reader-body"]');
      if (!body) return null;
      document.querySelector('.reader-scroll').focus();
      const nodes = [];
      let text = "";
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push([node, text.length]);
        text += node.data;
      }
      // The text node and offset of a position in the joined text (an end stays in the node before).
      const locate = (offset, end) => {
        for (const [node, base] of nodes) {
          if (end ? offset > base && offset <= base + node.data.length : offset >= base && offset < base + node.data.length) return [node, offset - base];
        }
        return null;
      };
      const re = new RegExp(pattern, "ig");
      let seen = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        if (seen++ < nth) continue;
        const start = locate(m.index, false);
        const end = locate(m.index + m[0].length, true);
        if (!start || !end) return null;
        const range = document.createRange();
        range.setStart(start[0], start[1]);
        range.setEnd(end[0], end[1]);
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }
      return null;`, [pattern, nth]), { timeoutMs: 10_000 });
}

/** The reader's claim marks and the details pane's claim items, as texts. */
export function claimsShown(app) {
  return app.session.execute(`
    const marks = [...document.querySelectorAll('[data-testid="reader-body"] mark.claim')].map((m) => m.textContent);
    const items = [...document.querySelectorAll('[data-testid="claim-item"]')].map((i) => i.innerText);
    return { marks, items };`);
}

/** Opens the details pane if the window is too narrow for it to start open. */
export async function ensureDetails(app) {
  if (!(await app.isVisible("details-pane"))) {
    await (await app.waitForTestId("details-toggle")).click();
    await app.waitForTestId("details-pane");
  }
}

/**
 * With a selection in the reader: `c` → the claim form → type `source` into
 * the source field and pick the option whose text matches `pick` (a RegExp;
 * default: the "Create …" option) → optional note → save. Waits until the
 * details pane lists one more claim.
 */
export async function saveClaim(app, { source, pick = /Create/, note = "" }) {
  const before = (await claimsShown(app)).items.length;
  await app.waitForTestId("claim-button");
  await app.session.typeKeys("c");
  await app.waitForTestId("claim-form");
  if (note) await app.fill(await app.waitForTestId("claim-note"), note);
  const input = await app.waitForTestId("claim-source-input");
  await input.click();
  await input.sendKeys(source);
  const options = await app.waitFor(`a ${tid("claim-source-option")} matching ${pick}`, async () => {
    const texts = await app.session.execute(`
      return [...document.querySelectorAll('[data-testid="claim-source-option"]')].map((o) => o.innerText);`);
    return texts.some((t) => pick.test(t)) ? texts : null;
  }, { timeoutMs: 10_000 });
  const index = options.findIndex((t) => pick.test(t));
  for (let i = 0; i < index; i++) await input.sendKeys(Keys.ArrowDown);
  await input.sendKeys(Keys.Enter);
  await (await app.waitForTestId("claim-save")).click();
  await app.waitFor(`${before + 1} ${tid("claim-item")}s after saving`, async () => (await claimsShown(app)).items.length === before + 1,
    { timeoutMs: 15_000 });
  await app.waitGone("claim-form", { timeoutMs: 10_000 });
  return options[index];
}

/** Opens the first result of `query` in the reader; returns the reader's state. */
export async function openFirstResult(app, query, { expectChange = true } = {}) {
  await search(app, query, { expectChange });
  const [row] = await app.visibleAll("result-row");
  await row.click();
  return waitForReader(app, null);
}

/**
 * Shows the window in the dark theme (`on`) or back in the light one: the
 * app's CSP forbids inline styles, so the `prefers-color-scheme: dark` rules
 * are switched on and off through the CSSOM. Returns how many were switched.
 */
export function darkTheme(app, on) {
  return app.session.execute(`
    let switched = 0;
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSMediaRule)) continue;
        if (arguments[0] && /prefers-color-scheme:\\s*dark/.test(rule.media.mediaText)) {
          rule.media.mediaText = "(min-width: 0px), (prefers-color-scheme: dark)";
          switched++;
        } else if (!arguments[0] && /min-width: 0px/.test(rule.media.mediaText)) {
          rule.media.mediaText = "(prefers-color-scheme: dark)";
          switched++;
        }
      }
    }
    return switched;`, [on]);
}
