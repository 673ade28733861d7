// Editing claims: in the new-claim form, the source's mention and the cue are
// marked by selecting them in the text and pressing M and U, and an
// intermediary is added to the chain; in the details pane's list, 3 sets the
// credibility, E opens the form to edit (status), Delete deletes and the
// toast's Undo brings the claim back.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Keys, launchApp, tid } from "./lib/app.mjs";
import { claimsShown, ensureDetails, openFirstResult, openSamples, selectInReader } from "./lib/desk.mjs";

const SPEAKER = "Edit Speaker E2E";
const RELAY = "Edit Relay E2E";

let app;
before(async () => {
  app = await launchApp("claim-edit");
});
after(async () => {
  await app?.close();
});

/** Types `text` into a source field and picks its "Create …" option. */
async function createIn(inputId, text) {
  const input = await app.waitForTestId(`${inputId}-input`);
  await app.session.execute(`arguments[0].scrollIntoView({ block: "center" });`, [input]);
  await input.click();
  await input.sendKeys(text);
  const options = await app.waitFor(`a "Create" ${tid(`${inputId}-option`)}`, async () => {
    const texts = await app.session.execute(`return [...document.querySelectorAll(arguments[0])].map((o) => o.innerText);`, [tid(`${inputId}-option`)]);
    return texts.length > 0 && /Create/.test(texts[texts.length - 1]) ? texts : null;
  }, { timeoutMs: 10_000 });
  for (let i = 1; i < options.length; i++) await input.sendKeys(Keys.ArrowDown);
  await input.sendKeys(Keys.Enter);
}

/** Clicks a control after scrolling it to the middle of its scroller (the form's buttons stay over the bottom). */
async function clickCentered(id) {
  const element = await app.waitForTestId(id);
  await app.session.execute(`arguments[0].scrollIntoView({ block: "center" });`, [element]);
  await element.click();
}

function focusItem() {
  return app.session.execute(`document.querySelector('[data-testid="claim-item"]').focus();`);
}

test("mention and cue from selections, an intermediary, credibility key, edit, delete and Undo", { timeout: 300_000 }, () =>
  app.guard("claim-edit", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    await openFirstResult(app, "ceasefire");
    await ensureDetails(app);

    await selectInReader(app, "Highland Front signed a 60-day");
    await app.waitForTestId("claim-button");
    await app.session.typeKeys("c");
    await app.waitForTestId("claim-form");
    await createIn("claim-source", SPEAKER);

    // Mention and cue: select in the text, press M / U.
    await selectInReader(app, "Serrat Highland Front");
    await app.session.typeKeys("m");
    await app.waitFor(`${tid("claim-mention-text")} to show the mention`, async () => (await app.textOf("claim-mention-text")) === "Serrat Highland Front");
    await selectInReader(app, "signed");
    await app.session.typeKeys("u");
    await app.waitFor(`${tid("claim-cue-text")} to show the cue`, async () => (await app.textOf("claim-cue-text")) === "signed");

    // An intermediary.
    await clickCentered("claim-add-intermediary");
    await createIn("claim-intermediary", RELAY);
    await app.shot("form-with-chain");
    await (await app.waitForTestId("claim-save")).click();
    const saved = await app.waitFor(`the claim listed with its chain`, async () => {
      const s = await claimsShown(app);
      return s.items.length === 1 ? s : null;
    }, { timeoutMs: 15_000 });
    assert.match(saved.items[0], new RegExp(`${SPEAKER}[\\s\\S]*via[\\s\\S]*${RELAY}`));

    // Credibility from the list: focus the item, press 3.
    await focusItem();
    await app.session.typeKeys("3");
    await app.waitFor("Cred. 3 in the list", async () => /Cred\. 3/.test((await claimsShown(app)).items[0] ?? ""), { timeoutMs: 10_000 });
    assert.match(await app.textOf("toast"), /Credibility 3/);

    // E opens the form on the claim: the chain, mention and cue are there; make it disputed.
    await focusItem();
    await app.session.typeKeys("e");
    const form = await app.waitForTestId("claim-form");
    assert.match(await form.text(), /Edit claim/i);
    assert.equal(await app.textOf("claim-mention-text"), "Serrat Highland Front");
    assert.equal(await app.textOf("claim-cue-text"), "signed");
    assert.equal(await app.session.execute(`return document.querySelector('[data-testid="claim-credibility"]').value;`), "3");
    await app.session.execute(`
      const select = document.querySelector('[data-testid="claim-status"]');
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set.call(select, "disputed");
      select.dispatchEvent(new Event("change", { bubbles: true }));`);
    await app.shot("edit-form");
    await app.session.keyChord(Keys.Control, Keys.Enter);
    await app.waitGone("claim-form", { timeoutMs: 10_000 });
    await app.waitFor("the mark coloured as disputed", () =>
      app.session.execute(`return !!document.querySelector('[data-testid="reader-body"] mark.claim.status-disputed');`), { timeoutMs: 10_000 });

    // Delete from the list, then Undo in the toast.
    await focusItem();
    await app.session.typeKeys(Keys.Delete);
    await app.waitFor("the claim gone", async () => {
      const s = await claimsShown(app);
      return s.items.length === 0 && s.marks.length === 0;
    }, { timeoutMs: 10_000 });
    assert.match(await app.textOf("toast"), /Deleted claim/);
    await app.shot("deleted");
    await (await app.waitForTestId("toast-undo")).click();
    const back = await app.waitFor("the claim back after Undo", async () => {
      const s = await claimsShown(app);
      return s.items.length === 1 && s.marks.length > 0 ? s : null;
    }, { timeoutMs: 10_000 });
    assert.match(back.items[0], /Disputed/);
    assert.match(back.items[0], new RegExp(RELAY));
  }));
