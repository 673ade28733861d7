// Re-import of a changed article (same URL): claims follow their quotes or
// wait for review. Three claims on the first version; the second version adds
// a sentence at the top (every quote moves), rewords one quote and drops
// another (as in src-tauri/crates/core/tests/reanchor.rs). Afterwards: the
// moved claim is marked as before; the reworded one is marked dashed (fuzzy)
// and listed under Needs review; the dropped one is NOT marked (its span no
// longer fits the text) and is listed under Needs review with its original
// quote. Confirm and Re-attach (to a new selection) settle both; the claims
// view's Needs review filter lists them while they wait.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

import { Keys, launchApp, parseCount, tid } from "./lib/app.mjs";
import { claimsShown, closeImportSummary, ensureDetails, importPath, openFirstResult, saveClaim, selectInReader } from "./lib/desk.mjs";

const URL = "https://example.org/vel-port";
const FIRST =
  "The port of Vel closed on Monday, officials said. Union leader Mara Oss said the strike would last a week. " +
  "The ministry denied that any ships had been turned away. Fishermen said catches were down by half since spring.";
const SECOND =
  "Updated at noon with the ministry's statement. The port of Vel closed on Monday, officials said. " +
  "Union leader Mara Oss said the stoppage would last a week. The ministry denied that any ships had been turned away. " +
  "Traders said prices were rising.";

const files = mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-reimport-files-"));
function version(name, body) {
  const dir = path.join(files, name);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(path.join(files, `${name}.jsonl`), JSON.stringify({ title: "Vel port closed", body, url: URL, outlet: "Test Wire" }) + "\n");
  return path.join(files, `${name}.jsonl`);
}

let app;
before(async () => {
  app = await launchApp("reimport");
});
after(async () => {
  await app?.close();
  rmSync(files, { recursive: true, force: true });
});

/** Marks in the reader (text and whether dashed) and the Needs review items. */
function reviewState() {
  return app.session.execute(`
    const marks = [...document.querySelectorAll('[data-testid="reader-body"] mark.claim')]
      .map((m) => ({ text: m.textContent, fuzzy: m.classList.contains("fuzzy") }));
    const review = [...document.querySelectorAll('[data-testid="review-item"]')].map((i) => i.innerText);
    return { marks, review };`);
}

test("re-import: one claim moves, one fuzzy and one not found wait for review; confirm and re-attach", { timeout: 300_000 }, () =>
  app.guard("reimport", async () => {
    await app.waitForDesk();
    await importPath(app, version("v1", FIRST));
    await closeImportSummary(app);
    await openFirstResult(app, "Vel", { expectChange: false });
    await ensureDetails(app);
    await selectInReader(app, "the strike would last a week");
    await saveClaim(app, { source: "Mara Oss" });
    await selectInReader(app, "any ships had been turned away");
    await saveClaim(app, { source: "Vel ministry" });
    await selectInReader(app, "catches were down by half since spring");
    await saveClaim(app, { source: "Vel fishermen" });
    await app.shot("first-version");

    // The edited version, same URL.
    await importPath(app, version("v2", SECOND));
    const summary = await app.textOf("import-summary");
    assert.match(summary, /1 article updated/);
    assert.match(summary, /2 claims need review/);
    await closeImportSummary(app);

    const state = await app.waitFor("the new text with the re-anchored claims", async () => {
      const s = await reviewState();
      const body = await app.textOf("reader-body");
      return body.startsWith("Updated at noon") && s.review.length === 2 ? s : null;
    }, { timeoutMs: 20_000 });
    const byText = Object.fromEntries(state.marks.map((m) => [m.text, m.fuzzy]));
    assert.equal(byText["any ships had been turned away"], false, "the moved claim is marked as before");
    assert.ok(Object.keys(byText).some((t) => /stoppage would last a week/.test(t) && byText[t] === true), `the fuzzy claim is marked dashed: ${JSON.stringify(state.marks)}`);
    assert.ok(!state.marks.some((m) => /catches|prices/.test(m.text)), `the claim whose text is gone is not marked: ${JSON.stringify(state.marks)}`);
    assert.equal(state.marks.length, 2);
    assert.ok(state.review.some((r) => /Was: “the strike would last a week”/.test(r) && /Moved, similar/.test(r)), state.review.join(" | "));
    assert.ok(state.review.some((r) => /Was: “catches were down by half since spring”/.test(r) && /gone/.test(r)), state.review.join(" | "));
    await app.shot("needs-review");

    // The claims view's Needs review filter lists both.
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "2");
    await app.waitForTestId("claims-view");
    await (await app.waitForTestId("claims-filter-review")).click();
    await app.waitFor(`${tid("claims-count")} to say 2 claims needing review`, async () => {
      const t = await app.textOf("claims-count");
      const rows = await app.visibleAll("claim-row");
      return t && parseCount(t) === 2 && rows.length === 2;
    }, { timeoutMs: 15_000 });
    await app.shot("claims-view-review");
    await (await app.waitForTestId("claims-filter-review")).click();
    await app.session.keyChord(Keys.Control, "1");
    await app.waitForTestId("needs-review");

    // Confirm the fuzzy one: it is marked plainly, one left to review.
    const fuzzyItem = await app.waitFor("the fuzzy item's Confirm", () =>
      app.session.execute(`return [...document.querySelectorAll('[data-testid="review-item"]')]
        .find((i) => /strike/.test(i.innerText))?.querySelector('[data-testid="review-confirm"]') ?? null;`));
    await fuzzyItem.click();
    await app.waitFor("one claim left to review, none dashed", async () => {
      const s = await reviewState();
      return s.review.length === 1 && s.marks.length === 2 && s.marks.every((m) => !m.fuzzy);
    }, { timeoutMs: 10_000 });
    assert.match(await (await app.waitForTestId("toast")).text(), /Confirmed/);

    // Re-attach the one whose text is gone to a new selection: marked there, nothing left to review.
    await selectInReader(app, "prices were rising");
    await (await app.waitForTestId("review-reattach")).click();
    const done = await app.waitFor("the re-attached claim marked and the review list empty", async () => {
      const s = await reviewState();
      return s.review.length === 0 && s.marks.some((m) => m.text === "prices were rising") ? s : null;
    }, { timeoutMs: 10_000 });
    assert.equal(done.marks.length, 3);
    assert.equal(await app.isVisible("needs-review"), false);
    await app.shot("reviewed");

    // Undo brings the review back (the re-attach is one undoable edit).
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "z");
    await app.waitFor("the claim back under Needs review after Ctrl+Z", async () => (await reviewState()).review.length === 1, { timeoutMs: 10_000 });
    const shown = await claimsShown(app);
    assert.equal(shown.items.length, 3, "all three claims are still listed");
  }));
