// Claims survive a restart: a source gets an alias (sources view), a claim is
// made with that source chosen by typing the ALIAS, the app quits, starts
// again on the same data directory: the claim is still listed and marked in
// the reader; Ctrl+Z (the history is kept too) removes it.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";

import { Keys, launchApp, tid } from "./lib/app.mjs";
import { claimsShown, ensureDetails, openFirstResult, openSamples, saveClaim, selectInReader } from "./lib/desk.mjs";

const SOURCE = "Restart Ministry E2E";
const ALIAS = "Rmx spokesperson";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-restart-data-"));
let app;
after(async () => {
  await app?.close();
  if (!process.env.CLAIMDESK_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
});

test("a claim with a source picked by alias survives a restart, highlighted; undo removes it", { timeout: 300_000 }, async () => {
  app = await launchApp("restart", { dataDir });
  let title;
  await app.guard("restart-first", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    title = (await openFirstResult(app, "ceasefire")).title;
    await ensureDetails(app);

    // A first claim creates the source; the sources view gives it an alias.
    await selectInReader(app, "ceasefire");
    await saveClaim(app, { source: SOURCE });
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "3");
    const row = await app.waitFor(`the ${tid("source-row")} of ${SOURCE}`, () =>
      app.session.execute(`return [...document.querySelectorAll('[data-testid="source-row"]')].find((r) => r.innerText.includes(arguments[0])) || null;`, [SOURCE]));
    await row.click();
    await app.waitForTestId("source-page");
    await app.fill(await app.waitForTestId("source-alias-input"), ALIAS);
    await (await app.waitForTestId("source-alias-add")).click();
    await app.waitFor("the alias on the source page", () =>
      app.session.execute(`return [...document.querySelectorAll('[data-testid="source-alias"] bdi')].some((b) => b.textContent === arguments[0]);`, [ALIAS]));

    // Back to the reader (Ctrl+1): a second claim, its source found by typing the alias.
    await app.session.execute(`document.querySelector('[data-testid="sources-filter"]').blur();`);
    await app.session.keyChord(Keys.Control, "1");
    await app.waitForTestId("reader-body");
    await selectInReader(app, "Highland Front");
    const picked = await saveClaim(app, { source: "spokesperson", pick: new RegExp(SOURCE) });
    assert.match(picked, /also “Rmx spokesperson”/, "the option says which alias matched");
    const shown = await claimsShown(app);
    assert.deepEqual(shown.marks.map((m) => m.toLowerCase()).sort(), ["ceasefire", "highland front"]);
    assert.ok(shown.items.filter((i) => i.includes(SOURCE)).length === 2, `both claims name ${SOURCE}: ${shown.items}`);
    await app.shot("before-quit");
  });

  // Quit, and start again on the same data directory.
  await app.close();
  app = await launchApp("restart-again", { dataDir });
  await app.guard("restart-second", async () => {
    await app.waitForDesk();
    assert.equal(await app.isVisible("first-run"), false, "the desk is not empty after the restart");
    const reader = await openFirstResult(app, "ceasefire");
    assert.equal(reader.title, title, "the same article opens first");
    await ensureDetails(app);
    const shown = await app.waitFor(`both claims marked in ${tid("reader-body")} after the restart`, async () => {
      const s = await claimsShown(app);
      return s.marks.length === 2 && s.items.length === 2 ? s : null;
    }, { timeoutMs: 15_000 });
    assert.deepEqual(shown.marks.map((m) => m.toLowerCase()).sort(), ["ceasefire", "highland front"]);
    const marked = await app.session.execute(`
      const m = [...document.querySelectorAll('[data-testid="reader-body"] mark.claim')].find((m) => /highland/i.test(m.textContent));
      return m ? getComputedStyle(m).borderBottomStyle : null;`);
    assert.equal(marked, "solid", "the claim is highlighted (underlined) in the text");
    await app.shot("after-restart");

    // Undo (the history survived too): the alias claim goes.
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "z");
    await app.waitFor("the last claim gone after Ctrl+Z", async () => {
      const s = await claimsShown(app);
      return s.marks.length === 1 && s.marks[0].toLowerCase() === "ceasefire" && s.items.length === 1;
    }, { timeoutMs: 15_000 });
    assert.match(await (await app.waitForTestId("toast")).text(), /^Undone: /);
    await app.shot("undone");
  });
});
