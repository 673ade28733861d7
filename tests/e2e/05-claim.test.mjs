// Claim tagging: open the samples → open an article → select a word → `c` →
// create a source in the form → save → the claim is marked in the reader and
// listed in the details pane → Ctrl+Z removes it again.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Keys, launchApp, tid } from "./lib/app.mjs";
import { openSamples, search, waitForReader } from "./lib/desk.mjs";

const SOURCE = "Harbour Authority E2E";

let app;
before(async () => {
  app = await launchApp("claim");
});
after(async () => {
  await app?.close();
});

/** The reader's claim marks and the details pane's claim items, as texts. */
function claimsShown() {
  return app.session.execute(`
    const marks = [...document.querySelectorAll('[data-testid="reader-body"] mark.claim')].map((m) => m.textContent);
    const items = [...document.querySelectorAll('[data-testid="claim-item"]')].map((i) => i.innerText);
    return { marks, items };`);
}

test("select a word → c → new source → save → marked and listed → Ctrl+Z removes it", { timeout: 240_000 }, () =>
  app.guard("claim", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    await search(app, "ceasefire");
    const [row] = await app.visibleAll("result-row");
    await row.click();
    await waitForReader(app, null);

    // The details pane lists claims; a narrow window starts with it closed.
    if (!(await app.isVisible("details-pane"))) {
      await (await app.waitForTestId("details-toggle")).click();
      await app.waitForTestId("details-pane");
    }

    // Select the first "ceasefire" of the body with a DOM Range, as a drag would.
    const word = await app.waitFor(`a "ceasefire" to select in ${tid("reader-body")}`, () =>
      app.session.execute(`
        const body = document.querySelector('[data-testid="reader-body"]');
        document.querySelector('.reader-scroll').focus();
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.search(/ceasefire/i);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + "ceasefire".length);
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          return selection.toString();
        }
        return null;`), { timeoutMs: 10_000 });
    assert.equal(word.toLowerCase(), "ceasefire");
    await app.waitForTestId("claim-button");
    await app.shot("selection");

    await app.session.typeKeys("c");
    await app.waitForTestId("claim-form");
    // Digits set the credibility while a select has the focus.
    await app.session.typeKeys("2");
    const credibility = await app.session.execute(`return document.querySelector('[data-testid="claim-credibility"]').value;`);
    assert.equal(credibility, "2", `${tid("claim-credibility")} after pressing 2`);

    const input = await app.waitForTestId("claim-source-input");
    await input.click();
    await input.sendKeys(SOURCE);
    const options = await app.waitFor(`a "Create" ${tid("claim-source-option")}`, async () => {
      const texts = await app.session.execute(`
        return [...document.querySelectorAll('[data-testid="claim-source-option"]')].map((o) => o.innerText);`);
      return texts.length > 0 && /Create/.test(texts[texts.length - 1]) ? texts : null;
    }, { timeoutMs: 10_000 });
    assert.match(options[options.length - 1], new RegExp(SOURCE));
    for (let i = 1; i < options.length; i++) await input.sendKeys(Keys.ArrowDown);
    await input.sendKeys(Keys.Enter);
    await app.shot("form");
    const save = await app.waitForTestId("claim-save");
    await save.click();

    const shown = await app.waitFor(`a mark.claim in ${tid("reader-body")} and a ${tid("claim-item")}`, async () => {
      const s = await claimsShown();
      return s.marks.length > 0 && s.items.length > 0 ? s : null;
    }, { timeoutMs: 15_000 });
    assert.equal(shown.marks.join("").toLowerCase(), "ceasefire");
    assert.equal(shown.items.length, 1);
    assert.match(shown.items[0], new RegExp(SOURCE));
    await app.shot("saved");

    // Undo (the focus is back in the article text, not a text field).
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "z");
    await app.waitFor("the claim to be gone after Ctrl+Z", async () => {
      const s = await claimsShown();
      return s.marks.length === 0 && s.items.length === 0;
    }, { timeoutMs: 15_000 });
    const toast = await app.waitForTestId("toast");
    assert.match(await toast.text(), /^Undone: /);
    await app.shot("undone");
  }));
