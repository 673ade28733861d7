// The sources view: a source created with a claim in the reader is in the
// registry (Ctrl+3); its page lists the claim and its counts; an alias can
// be added; clicking the claim opens it in the reader. Then a merge: a
// second source (its own claim) merged into the first after a confirmation
// naming what moves, and Undo in the toast brings it back.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Keys, launchApp, tid } from "./lib/app.mjs";
import { claimsShown, ensureDetails, openFirstResult, openSamples, saveClaim, selectInReader } from "./lib/desk.mjs";

const SOURCE = "Sources View Ministry E2E";
const OTHER = "Sources View Duplicate E2E";
const ALIAS = "SVM spokesman";

let app;
before(async () => {
  app = await launchApp("sources-view");
});
after(async () => {
  await app?.close();
});

function sourcePageState() {
  return app.session.execute(`
    const page = document.querySelector('[data-testid="source-page"]');
    if (!page) return null;
    return {
      name: page.querySelector('[data-testid="source-page-name"]')?.innerText ?? null,
      claims: [...page.querySelectorAll('[data-testid="source-claim"]')].map((c) => c.innerText),
      aliases: [...page.querySelectorAll('[data-testid="source-alias"] bdi')].map((c) => c.textContent.trim()),
      counts: [...page.querySelectorAll('[data-testid="source-status-count"]')].map((c) => c.innerText),
    };`);
}

async function openSourceRow(name) {
  const row = await app.waitFor(`a ${tid("source-row")} naming ${name}`, () =>
    app.session.execute(`
      return [...document.querySelectorAll('[data-testid="source-row"]')].find((r) => r.innerText.includes(arguments[0])) || null;`, [name]),
    { timeoutMs: 10_000 });
  await row.click();
  return app.waitFor(`the ${tid("source-page")} of ${name}`, async () => {
    const s = await sourcePageState();
    return s && s.name === name ? s : null;
  }, { timeoutMs: 10_000 });
}

test("sources view: the source page lists its claim, takes an alias, opens the claim; merge with Undo", { timeout: 300_000 }, () =>
  app.guard("sources-view", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    await openFirstResult(app, "ceasefire");
    await ensureDetails(app);
    await selectInReader(app, "ceasefire");
    await saveClaim(app, { source: SOURCE });
    await selectInReader(app, "ceasefire", { nth: 1 });
    await saveClaim(app, { source: OTHER });

    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "3");
    await app.waitForTestId("sources-view");
    let page = await openSourceRow(SOURCE);
    assert.equal(page.claims.length, 1, "one claim on the source page");
    assert.match(page.claims[0], /ceasefire/i);
    assert.ok(page.counts.some((c) => /Unverified 1/.test(c)), `counts by status: ${page.counts}`);
    await app.shot("source-page");

    // Add an alias.
    await app.fill(await app.waitForTestId("source-alias-input"), ALIAS);
    await (await app.waitForTestId("source-alias-add")).click();
    page = await app.waitFor("the alias on the page", async () => {
      const s = await sourcePageState();
      return s && s.aliases.includes(ALIAS) ? s : null;
    }, { timeoutMs: 10_000 });

    // The registry's filter finds it by the alias.
    await app.fill(await app.waitForTestId("sources-filter"), "spokesman");
    await app.waitFor(`only ${SOURCE} in the filtered registry`, async () => {
      const names = await app.session.execute(`return [...document.querySelectorAll('[data-testid="source-row"]')].map((r) => r.innerText);`);
      return names.length === 1 && names[0].includes(SOURCE);
    }, { timeoutMs: 10_000 });
    await app.fill(await app.waitForTestId("sources-filter"), "");

    // Merge the other source into this one: pick, confirm (the dialog names both), then Undo.
    await (await app.waitForTestId("source-merge")).click();
    const input = await app.waitForTestId("merge-source-input");
    await input.sendKeys("Duplicate E2E");
    await app.waitFor(`a ${tid("merge-source-option")}`, async () => (await app.visibleAll("merge-source-option")).length > 0, { timeoutMs: 10_000 });
    await input.sendKeys(Keys.Enter);
    const dialog = await app.waitForTestId("merge-dialog");
    const text = await dialog.text();
    assert.match(text, new RegExp(`“${OTHER}” goes into “${SOURCE}”: its 1 claim`));
    await app.shot("merge-dialog");
    await (await app.waitForTestId("merge-confirm")).click();
    page = await app.waitFor("both claims on the page after the merge", async () => {
      const s = await sourcePageState();
      return s && s.claims.length === 2 && s.aliases.includes(OTHER) ? s : null;
    }, { timeoutMs: 10_000 });
    const registry = await app.session.execute(`return [...document.querySelectorAll('[data-testid="source-row"]')].map((r) => r.innerText);`);
    assert.ok(!registry.some((r) => r.includes(OTHER)), "the merged source left the registry");
    assert.match(await (await app.waitForTestId("toast")).text(), /Merged/);
    await app.shot("merged");
    await (await app.waitForTestId("toast-undo")).click();
    await app.waitFor("the merge undone: one claim again, the other source back", async () => {
      const s = await sourcePageState();
      const rows = await app.session.execute(`return [...document.querySelectorAll('[data-testid="source-row"]')].map((r) => r.innerText);`);
      return s && s.claims.length === 1 && !s.aliases.includes(OTHER) && rows.some((r) => r.includes(OTHER));
    }, { timeoutMs: 10_000 });
    await app.shot("merge-undone");

    // Click the claim: the reader opens with it marked.
    const [claim] = await app.visibleAll("source-claim");
    await claim.click();
    await app.waitGone("sources-view", { timeoutMs: 10_000 });
    const shown = await app.waitFor(`the claims marked in ${tid("reader-body")}`, async () => {
      const s = await claimsShown(app);
      return s.marks.length === 2 ? s : null;
    }, { timeoutMs: 15_000 });
    assert.ok(shown.items.some((i) => i.includes(SOURCE)));
    await app.shot("opened");
  }));
