// Export… (issue #7): samples → one claim made in the reader → Ctrl+E opens
// the dialog → the keyboard picks Claims CSV → a typed path → Enter exports
// → the summary names the file, which holds the claim's quote → W3C (the
// path follows the format) parses as an AnnotationCollection → a source
// picked by type-ahead gives a brief → a bad query is shown with its
// position, an unwritable path with the reason → Tab stays in the dialog,
// Escape closes it. Screenshots in the light and the dark theme.
// Then a big export (10,000 claims written by the hidden `claimdesk debug
// write-claims`): the bar fills with "N of 10,000 claims written" as it runs.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

import { APP_BINARY, FIXTURES, Keys, launchApp, tid } from "./lib/app.mjs";
import { darkTheme, ensureDetails, openFirstResult, openSamples, saveClaim, selectInReader } from "./lib/desk.mjs";

const SOURCE = "Export Harbour Office";

let app;
before(async () => {
  app = await launchApp("export");
});
after(async () => {
  await app?.close();
});

/** What has the focus: its data-testid (or its tag and type), and whether it is inside the dialog. */
function focused() {
  return app.session.execute(`
    const a = document.activeElement;
    const dialog = document.querySelector('[data-testid="export-dialog"]');
    return {
      id: a?.closest("[data-testid]")?.getAttribute("data-testid") ?? null,
      tag: a ? a.tagName.toLowerCase() + (a.type ? "[" + a.type + "]" : "") : null,
      value: a?.value ?? null,
      inDialog: !!dialog && dialog.contains(a),
    };`);
}

/** The value of the checked format radio. */
function checkedFormat() {
  return app.session.execute(`
    const r = document.querySelector('[data-testid="export-dialog"] fieldset input[type="radio"]:checked');
    return r ? r.value : null;`);
}

async function openDialog() {
  await app.session.keyChord(Keys.Control, "e");
  await app.waitForTestId("export-dialog", { timeoutMs: 10_000 });
}

/** Submits the form with the Export button and waits for the summary; returns its text. */
async function exportAndWait() {
  await (await app.waitForTestId("export-submit")).click();
  const summary = await app.waitForTestId("export-summary", { timeoutMs: 60_000 });
  return summary.text();
}

/** Waits for an export-error on `field`; returns { message, echo, at }. */
function errorOn(field) {
  return app.waitFor(`${tid("export-error")} on the ${field} field`, () =>
    app.session.execute(`
      const e = document.querySelector('[data-testid="export-error"][data-field="' + arguments[0] + '"]');
      if (!e) return null;
      const echo = e.querySelector(".query-echo");
      return { message: e.querySelector(".export-error-message").innerText, echo: echo ? echo.textContent : null,
               at: echo ? echo.querySelector("mark")?.textContent ?? null : null };`, [field]), { timeoutMs: 20_000 });
}

test("Export…: a claim made in the window goes to CSV and W3C files; errors are shown where they belong", { timeout: 300_000 }, () =>
  app.guard("export", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);

    // One claim: a few words after "ceasefire" in the first result.
    await openFirstResult(app, "ceasefire");
    await ensureDetails(app);
    const quote = (await selectInReader(app, "ceasefire\\s+\\w+\\s+\\w+")).trim();
    assert.match(quote, /^ceasefire\s+\w+\s+\w+$/i);
    await saveClaim(app, { source: SOURCE, note: "exported by the e2e test" });

    // Ctrl+E opens the dialog with the focus on the chosen format (W3C first).
    await openDialog();
    assert.equal(await checkedFormat(), "w3c");
    let f = await focused();
    assert.equal(f.tag, "input[radio]", `the focus starts on the format list (${JSON.stringify(f)})`);
    assert.ok(f.inDialog);
    await app.shot("dialog");

    // The arrow key picks Claims CSV, as in any radio list.
    await app.session.typeKeys(Keys.ArrowDown);
    await app.waitFor("Claims CSV to be checked after ArrowDown", async () => (await checkedFormat()) === "csv", { timeoutMs: 5_000 });

    // Tab and Shift+Tab stay inside the dialog.
    for (let i = 0; i < 14; i++) {
      await app.session.typeKeys(Keys.Tab);
      f = await focused();
      assert.ok(f.inDialog, `Tab ${i + 1} left the dialog: ${JSON.stringify(f)}`);
    }
    await app.session.keyChord(Keys.Shift, Keys.Tab);
    assert.ok((await focused()).inDialog, "Shift+Tab left the dialog");
    // Passing through the fields does not change what is chosen.
    const chosen = await app.session.execute(`
      return [...document.querySelectorAll('[data-testid="export-dialog"] input[type="radio"]:checked')].map((r) => r.value);`);
    assert.deepEqual(chosen, ["csv", "all"]);

    // A relative path is refused before anything runs.
    const pathInput = await app.waitForTestId("export-path");
    await app.fill(pathInput, "claims.csv");
    await pathInput.sendKeys(Keys.Enter);
    const relative = await errorOn("path");
    assert.match(relative.message, /full path/);

    // A typed path (a native save dialog cannot be driven), Enter exports.
    const csvPath = path.join(app.root, "claims e2e.csv");
    await app.fill(pathInput, csvPath);
    await pathInput.sendKeys(Keys.Enter);
    const csvSummary = await app.waitForTestId("export-summary", { timeoutMs: 60_000 }).then((s) => s.text());
    assert.match(csvSummary, /1 claim written to/);
    assert.equal(await app.textOf("export-summary-path"), csvPath);
    await app.shot("csv-summary");
    const csv = readFileSync(csvPath, "utf8");
    assert.match(csv.split("\r\n")[0], /^claim,article_title,outlet,published,url,quote,/);
    assert.ok(csv.includes(quote), `the CSV holds the quote ${JSON.stringify(quote)}:\n${csv.slice(0, 600)}`);
    assert.ok(csv.includes(SOURCE), "the CSV names the source");

    // Export again as W3C: the file name follows the format.
    await (await app.waitForTestId("export-again")).click();
    await (await app.waitForTestId("export-format-w3c")).click();
    const w3cPath = await (await app.waitForTestId("export-path")).property("value");
    assert.equal(w3cPath, path.join(app.root, "claims e2e.jsonld"));
    assert.match(await exportAndWait(), /1 claim written to/);
    const w3c = JSON.parse(readFileSync(w3cPath, "utf8"));
    assert.ok([].concat(w3c.type).includes("AnnotationCollection"), `type ${JSON.stringify(w3c.type)}`);
    assert.equal(w3c.total, 1);
    const annotation = w3c.first.items[0];
    const quoteSelector = [].concat(annotation.target.selector).find((s) => s.type === "TextQuoteSelector");
    assert.equal(quoteSelector.exact, quote);

    // A brief of the claims of one source, picked by type-ahead.
    await (await app.waitForTestId("export-again")).click();
    await (await app.waitForTestId("export-format-markdown")).click();
    const sourceInput = await app.waitForTestId("export-source-input");
    await sourceInput.click();
    await sourceInput.sendKeys("Harbour Off");
    await app.waitFor(`a ${tid("export-source-option")} naming ${SOURCE}`, async () =>
      (await app.session.execute(`return [...document.querySelectorAll('[data-testid="export-source-option"]')].map((o) => o.innerText);`))
        .some((t) => t.includes(SOURCE)), { timeoutMs: 10_000 });
    await sourceInput.sendKeys(Keys.Enter);
    const briefPath = await (await app.waitForTestId("export-path")).property("value");
    assert.equal(briefPath, path.join(app.root, "claims e2e.md"), "a chosen name keeps its name and takes the format's extension");
    assert.match(await exportAndWait(), /1 claim written to/);
    const brief = readFileSync(briefPath, "utf8");
    assert.ok(brief.includes("Export Harbour Office"), "the brief names the source");

    // A query that does not parse: the message and the character, under the query.
    await (await app.waitForTestId("export-again")).click();
    const queryInput = await app.waitForTestId("export-query");
    await app.fill(queryInput, 'ceasefire "unclosed');
    await (await app.waitForTestId("export-submit")).click();
    const bad = await errorOn("query");
    assert.ok(bad.message.length > 0);
    assert.equal(bad.at, '"', `the mark is on the unclosed quote (${JSON.stringify(bad)})`);
    assert.ok(!(await app.isVisible("export-summary")));
    await app.shot("query-error");

    // A place that cannot be written: the reason, under the path.
    await (await app.waitForTestId("export-selection-all")).click();
    await app.fill(await app.waitForTestId("export-path"), "/proc/claimdesk-e2e/claims.md");
    await (await app.waitForTestId("export-submit")).click();
    const unwritable = await errorOn("path");
    assert.match(unwritable.message, /could not be written/);
    assert.match(unwritable.message, /\/proc\/claimdesk-e2e/);
    await app.shot("path-error");

    // Escape closes the dialog and gives the focus back to the toolbar's button.
    await app.session.typeKeys(Keys.Escape);
    await app.waitGone("export-dialog", { timeoutMs: 5_000 });
    assert.equal((await focused()).id, "export-button");

    // The dark theme: the form, and a summary.
    assert.ok((await darkTheme(app, true)) > 0, "dark rules switched on");
    await openDialog();
    await (await app.waitForTestId("export-format-html")).click();
    await app.fill(await app.waitForTestId("export-path"), path.join(app.root, "brief.html"));
    await app.shot("dialog-dark");
    assert.match(await exportAndWait(), /1 claim written to/);
    assert.match(readFileSync(path.join(app.root, "brief.html"), "utf8"), /<!DOCTYPE html>/i);
    await app.shot("summary-dark");
    await (await app.waitForTestId("export-done")).click();
    await app.waitGone("export-dialog", { timeoutMs: 5_000 });
    await darkTheme(app, false);
  }));

test("a big export shows the records written, out of how many, as it runs", { timeout: 300_000 }, async () => {
  await app?.close();
  app = null;
  // A data directory with the samples and 10,000 claims, made by the command line before the window opens it.
  const root = mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-export-big-"));
  const dataDir = path.join(root, "data");
  try {
    execFileSync(APP_BINARY, ["--data", dataDir, "import", path.join(FIXTURES, "samples")], { stdio: "ignore", timeout: 120_000 });
    execFileSync(APP_BINARY, ["--data", dataDir, "debug", "write-claims", "--count", "10000"], { stdio: "ignore", timeout: 240_000 });
    app = await launchApp("export-big", { dataDir });
    await app.guard("export-big", async () => {
      await app.waitForDesk();
      await app.waitForTestId("search-input");
      await openDialog();
      await (await app.waitForTestId("export-format-w3c")).click();
      const file = path.join(root, "all.jsonld");
      await app.fill(await app.waitForTestId("export-path"), file);
      // Every text the progress line shows, and whether the bar knew its end.
      await app.session.execute(`
        window.__e2e_export = [];
        const record = () => {
          const line = document.querySelector('[data-testid="export-progress"] .export-line');
          const bar = document.querySelector('[data-testid="export-progress"] progress');
          if (!line) return;
          const seen = line.innerText + (bar && bar.hasAttribute("value") ? " [" + bar.value + "/" + bar.max + "]" : " [?]");
          if (window.__e2e_export[window.__e2e_export.length - 1] !== seen) window.__e2e_export.push(seen);
        };
        window.__e2e_exportObserver = new MutationObserver(record);
        window.__e2e_exportObserver.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });`);
      await (await app.waitForTestId("export-submit")).click();
      await app.waitFor("a progress line with a count out of 10,000", async () =>
        (await app.session.execute("return window.__e2e_export;")).some((t) => /^[\d,]+ of 10,000 claims written/.test(t)), { timeoutMs: 30_000, intervalMs: 50 });
      const summary = await app.waitForTestId("export-summary", { timeoutMs: 120_000 });
      assert.match(await summary.text(), /10,000 claims written to/);
      const seen = await app.session.execute("window.__e2e_exportObserver.disconnect(); return window.__e2e_export;");
      const counts = seen.map((t) => /^([\d,]+) of 10,000/.exec(t)?.[1]).filter(Boolean).map((n) => Number(n.replace(/,/g, "")));
      assert.ok(counts.some((n) => n > 0 && n < 10_000), `a count between 0 and 10,000 was shown: ${JSON.stringify(seen)}`);
      assert.deepEqual(counts, [...counts].sort((a, b) => a - b), "the count only grows");
      assert.ok(statSync(file).size > 1_000_000, "the file holds 10,000 annotations");
      await app.shot("big-summary");
    });
  } finally {
    await app?.close();
    app = null;
    if (!process.env.CLAIMDESK_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  }
});
