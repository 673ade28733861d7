// The claims view: a claim made in the reader is listed there (Ctrl+2), the
// words filter finds it (and a word it does not hold lists nothing), and
// Enter opens it in the reader with the claim marked.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Keys, launchApp, parseCount, tid } from "./lib/app.mjs";
import { claimsShown, ensureDetails, openFirstResult, openSamples, saveClaim, selectInReader, sleep } from "./lib/desk.mjs";

const SOURCE = "Claims View Source E2E";

let app;
before(async () => {
  app = await launchApp("claims-view");
});
after(async () => {
  await app?.close();
});

/** The number in `claims-count` once it stops showing "Loading", and the visible rows' texts. */
async function claimsListed() {
  return app.session.execute(`
    const count = document.querySelector('[data-testid="claims-count"]');
    const view = document.querySelector('[data-testid="claims-view"]');
    const rows = [...document.querySelectorAll('[data-testid="claim-row"]')].map((r) => r.innerText);
    return { count: count ? count.innerText : null, rows, pending: view ? view.classList.contains("pending") : null };`);
}

async function waitForCount(n) {
  return app.waitFor(`${tid("claims-count")} to say ${n} claim(s)`, async () => {
    const listed = await claimsListed();
    return listed.count && !listed.pending && parseCount(listed.count) === n && listed.rows.length === n ? listed : null;
  }, { timeoutMs: 15_000 });
}

test("a claim made in the reader → claims view lists it → words filter → Enter opens it", { timeout: 240_000 }, () =>
  app.guard("claims-view", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    const reader = await openFirstResult(app, "ceasefire");
    await ensureDetails(app);
    await selectInReader(app, "ceasefire");
    await saveClaim(app, { source: SOURCE, note: "seen in the e2e test" });

    // Ctrl+2 shows the claims view (the focus is in the article text, not a field).
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "2");
    await app.waitForTestId("claims-view");
    assert.equal(await app.isVisible("reader"), false, "the reader is hidden behind the claims view");
    const listed = await waitForCount(1);
    assert.match(listed.count, /^1 claim$/);
    assert.match(listed.rows[0], /ceasefire/i);
    assert.match(listed.rows[0], new RegExp(SOURCE));
    assert.match(listed.rows[0], new RegExp(reader.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await app.shot("listed");

    // Words: a source name finds it, a word it does not have finds nothing.
    const words = await app.waitForTestId("claims-filter-text");
    await app.fill(words, "zzzqqq");
    await waitForCount(0);
    const empty = await app.session.execute(`return document.querySelector('[data-testid="claims-view"] .empty-title')?.innerText ?? null;`);
    assert.match(empty ?? "", /No claims match/);
    await app.shot("no-match");
    await app.fill(words, "ceasefire");
    await waitForCount(1);
    await app.fill(words, "Claims View Source");
    await waitForCount(1);
    await app.shot("filtered");

    // The status filter (the claim is unverified), and sorting by a column header.
    const setSelect = (id, value) => app.session.execute(`
      const select = document.querySelector(arguments[0]);
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set.call(select, arguments[1]);
      select.dispatchEvent(new Event("change", { bubbles: true }));`, [tid(id), value]);
    await setSelect("claims-filter-status", "disputed");
    await waitForCount(0);
    await setSelect("claims-filter-status", "unverified");
    await waitForCount(1);
    await setSelect("claims-filter-status", "");
    // A row's article narrows the view to that article's claims, shown as a chip.
    await (await app.waitForTestId("claims-only-article")).click();
    const chip = await app.waitForTestId("claims-filter-article");
    assert.match(await chip.text(), /Article:/);
    await waitForCount(1);
    await app.shot("one-article");
    await (await chip.find("button")).click();
    await app.waitGone("claims-filter-article", { timeoutMs: 10_000 });
    await (await app.waitForTestId("claims-sort-credibility")).click();
    await app.waitFor("the credibility column sorted ascending", () =>
      app.session.execute(`return document.querySelector('[data-testid="claims-sort-credibility"]').closest('[role=columnheader]').getAttribute('aria-sort') === 'ascending';`));
    await waitForCount(1);

    // Enter in the words box opens the first row in the reader, the claim marked there.
    await words.sendKeys(Keys.Enter);
    await app.waitForTestId("reader");
    await app.waitGone("claims-view", { timeoutMs: 10_000 });
    const shown = await app.waitFor(`the claim marked in ${tid("reader-body")}`, async () => {
      const s = await claimsShown(app);
      return s.marks.length === 1 ? s : null;
    }, { timeoutMs: 15_000 });
    assert.equal(shown.marks[0].toLowerCase(), "ceasefire");
    await app.shot("opened");
    await sleep(2_000);
    await app.shot("opened-later");

    // Back in the claims view (Ctrl+2), the table itself: ↓ then Enter also opens it.
    await app.session.keyChord(Keys.Control, "2");
    await waitForCount(1);
    const table = await app.waitForTestId("claims-table");
    await table.click();
    await app.session.typeKeys(Keys.Enter);
    await app.waitGone("claims-view", { timeoutMs: 10_000 });
    await app.waitForTestId("reader-body");

    // A source's name in a row opens its page in the sources view.
    await app.session.keyChord(Keys.Control, "2");
    await waitForCount(1);
    const link = await app.waitFor("the source's name in the row", () =>
      app.session.execute(`return document.querySelector('[data-testid="claim-row"] .claims-source-link');`));
    await link.click();
    await app.waitForTestId("sources-view");
    await app.waitFor(`the ${tid("source-page")} of ${SOURCE}`, async () => (await app.textOf("source-page-name")) === SOURCE, { timeoutMs: 10_000 });
  }));
