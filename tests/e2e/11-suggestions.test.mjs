// Attribution suggestions in the reader (issue #6, item 4): open the sample
// "ceasefire-talks-open" (found by searching "Vannikow") → its suggestions
// are listed in the details pane and underlined in the text → from the
// focused list, J then Enter accepts the first naming a source: a claim on its content with
// its source, marked and listed, and the suggestion gone → Delete rejects the
// next one → a quotation picked with the mouse is accepted as a Quote →
// Shift+Enter accepts all from one source, "Undo all" takes them back → the
// rejected one is still gone after opening another article and this one
// again → J in the claims view does not touch the suggestions.
// Screenshots in the light and the dark theme.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Keys, launchApp, tid } from "./lib/app.mjs";
import { claimsShown, darkTheme, ensureDetails, openFirstResult, openSamples, search, sleep, waitForReader } from "./lib/desk.mjs";

let app;
before(async () => {
  app = await launchApp("suggestions");
});
after(async () => {
  await app?.close();
});

/** The listed suggestions (cue key, source text, content) and what the reader marks. */
function suggestionsShown() {
  return app.session.execute(`
    const items = [...document.querySelectorAll('[data-testid="suggestion-item"]')].map((i) => ({
      cue: i.getAttribute("data-cue"),
      focused: i.getAttribute("aria-selected") === "true",
      source: i.querySelector(".suggestion-source-name")?.textContent ?? null,
      text: i.innerText,
    }));
    const body = document.querySelector('[data-testid="reader-body"]');
    const underlined = body ? [...new Set([...body.querySelectorAll(".sugg-content")].map((s) => s.getAttribute("data-suggestion")))] : [];
    const marked = body ? [...new Set([...body.querySelectorAll("[data-suggestion]")].map((s) => s.getAttribute("data-suggestion")))] : [];
    return { items, underlined, marked, empty: !!document.querySelector('[data-testid="suggestions-empty"]') };`);
}

/** The content excerpt a listed suggestion shows (cut with "…" when long). */
function contentOf(cue) {
  return app.session.execute(`
    const item = [...document.querySelectorAll('[data-testid="suggestion-item"]')].find((i) => i.getAttribute("data-cue") === arguments[0]);
    return item?.querySelector(".suggestion-content")?.textContent ?? "";`, [cue]);
}

const flat = (text) => text.replace(/\s+/g, " ").trim();

/** The list item of the suggestion with cue key `cue`, scrolled into view. */
function itemOf(cue) {
  return app.session.execute(`
    const item = [...document.querySelectorAll('[data-testid="suggestion-item"]')].find((i) => i.getAttribute("data-cue") === arguments[0]);
    item?.scrollIntoView({ block: "center" });
    return item ?? null;`, [cue]);
}

/** Waits for the listed suggestions of the open article (after the text). */
function waitForSuggestions(what = "suggestions listed and underlined") {
  return app.waitFor(what, async () => {
    const s = await suggestionsShown();
    return s.items.length > 0 && s.underlined.length > 0 ? s : null;
  }, { timeoutMs: 20_000 });
}

test("suggestions: listed and underlined; J + Enter accepts one as a claim with its source; Delete rejects one for good", { timeout: 300_000 }, () =>
  app.guard("suggestions", async () => {
    await app.waitForDesk();
    await app.waitForTestId("first-run");
    await openSamples(app);
    const opened = await openFirstResult(app, "Vannikow");
    assert.match(opened.title, /Varenia and highland rebels/);
    await ensureDetails(app);

    // The text shows first; the suggestions follow.
    const before = await waitForSuggestions();
    assert.ok(before.items.length >= 10, `many suggestions in this article: ${before.items.length}`);
    for (const item of before.items) assert.ok(before.marked.includes(item.cue), `suggestion ${item.cue} is marked in the text`);
    assert.ok(before.items.every((i) => !i.focused), "nothing focused before the analyst moves");
    const quiet = await app.session.execute(`
      const s = document.querySelector('[data-testid="reader-body"] .sugg-content');
      const style = getComputedStyle(s);
      return { line: style.textDecorationLine, style: style.textDecorationStyle, mark: s.closest("mark") ? s.closest("mark").className : null };`);
    assert.match(quiet.line, /underline/);
    assert.equal(quiet.style, "dotted", "a suggestion's content has a dotted underline, not a claim's solid one");
    await app.shot("suggestions");

    // From the focused list: J down to the first suggestion that names a source (two keystrokes
    // when it is the first: J and Enter), and Enter to accept.
    const at = before.items.findIndex((i) => i.source);
    assert.ok(at >= 0 && at < 3, `one of the first suggestions names a source: ${JSON.stringify(before.items.slice(0, 3))}`);
    const first = before.items[at];
    const content = await contentOf(first.cue);
    assert.ok(content.length > 0, `the suggestion shows its content: ${first.cue}`);
    await app.session.execute(`document.querySelector('[data-testid="suggestion-list"]').focus();`);
    await app.session.typeKeys("j".repeat(at + 1));
    await app.waitFor(`${tid("suggestion-item")} ${first.cue} focused after J`, async () => {
      const s = await suggestionsShown();
      return s.items.find((i) => i.cue === first.cue)?.focused === true;
    }, { timeoutMs: 5_000 });
    const focusedInText = await app.session.execute(`return document.querySelectorAll('[data-testid="reader-body"] .sugg.focused').length;`);
    assert.ok(focusedInText > 0, "the focused suggestion is highlighted in the text");
    await app.shot("focused");
    await app.session.typeKeys(Keys.Enter);

    const accepted = await app.waitFor("a claim from the accepted suggestion, marked and listed", async () => {
      const c = await claimsShown(app);
      return c.marks.length > 0 && c.items.length === 1 ? c : null;
    }, { timeoutMs: 15_000 });
    const claimed = accepted.marks.join("");
    assert.ok(flat(claimed).startsWith(content.replace(/…$/, "")), `the claim covers the suggestion's content: ${claimed} / ${content}`);
    assert.ok(accepted.items[0].includes(first.source), `the claim names its source ${first.source}: ${accepted.items[0]}`);
    const toast = await app.waitForTestId("toast");
    assert.match(await toast.text(), /^Accepted /);
    assert.ok(await app.isVisible("toast-undo"), "the toast offers Undo");
    await app.waitForTestId("suggestion-accepted");
    await app.waitForTestId("claim-card", { timeoutMs: 10_000 });
    const afterAccept = await app.waitFor("the accepted suggestion gone from the list", async () => {
      const s = await suggestionsShown();
      return s.items.some((i) => i.cue === first.cue) ? null : s;
    }, { timeoutMs: 10_000 });
    assert.equal(afterAccept.items.length, before.items.length - 1);
    // The focus went on to the next suggestion, and the list kept the keyboard.
    const next = afterAccept.items.find((i) => i.focused);
    assert.ok(next, "a suggestion is focused after accepting");
    assert.equal(next.cue, before.items[at + 1].cue, "the one after the accepted one");
    assert.equal(await app.session.execute(`return document.activeElement?.getAttribute("data-testid");`), "suggestion-list");
    await app.shot("accepted");

    // Delete rejects the focused one.
    const rejected = next.cue;
    await app.session.typeKeys(Keys.Delete);
    await app.waitFor(`suggestion ${rejected} gone from the list and the text`, async () => {
      const s = await suggestionsShown();
      return !s.items.some((i) => i.cue === rejected) && !s.marked.includes(rejected);
    }, { timeoutMs: 10_000 });
    await app.waitFor("a toast saying it was rejected", async () => /^Rejected /.test((await app.textOf("toast")) ?? ""), { timeoutMs: 10_000 });
    await app.shot("rejected");

    // A quote, picked with the mouse in the list: Enter records it as a Quote (its card says so).
    let quote = null;
    for (const i of (await suggestionsShown()).items) {
      if (quote || !i.source || /Pronoun|Unresolved/.test(i.text)) continue;
      if (/^["“][^"”]+["”]$/.test((await contentOf(i.cue)).trim())) quote = i;
    }
    assert.ok(quote, "a quotation is suggested (Kreel's, Mirela's…)");
    await (await itemOf(quote.cue)).click();
    await app.waitFor(`${tid("suggestion-item")} ${quote.cue} focused after a click`, async () => (await suggestionsShown()).items.find((i) => i.cue === quote.cue)?.focused === true, { timeoutMs: 5_000 });
    await app.session.typeKeys(Keys.Enter);
    await app.waitFor("two claims listed", async () => (await claimsShown(app)).items.length === 2, { timeoutMs: 15_000 });
    const card = await app.waitFor(`the ${tid("claim-card")} of the quote`, async () => {
      const text = await app.textOf("claim-card");
      return text && /Quote/.test(text) ? text : null;
    }, { timeoutMs: 10_000 });
    assert.match(card, /Quote/, "a content in quotation marks is accepted as a quote");
    await app.shot("quote");

    // Accept all from one source (Shift+Enter), then Undo all from the notice.
    const listed = (await suggestionsShown()).items;
    const counts = new Map();
    for (const i of listed) if (i.source && !/Pronoun|Unresolved/.test(i.text)) counts.set(i.source, (counts.get(i.source) ?? 0) + 1);
    const [name] = [...counts].find(([, n]) => n >= 2) ?? [];
    assert.ok(name, `a source with two suggestions or more: ${JSON.stringify([...counts])}`);
    await (await itemOf(listed.find((i) => i.source === name).cue)).click();
    const all = await app.waitForTestId("suggestion-accept-all");
    const group = Number(/Accept all (\d+) from/.exec(await all.text())?.[1]);
    assert.ok(group >= 2, `"Accept all" names how many: ${await all.text()}`);
    await app.session.keyChord(Keys.Shift, Keys.Enter);
    await app.waitFor(`${2 + group} claims listed`, async () => (await claimsShown(app)).items.length === 2 + group, { timeoutMs: 20_000 });
    assert.match((await app.textOf("suggestion-accepted")) ?? "", new RegExp(`Accepted ${group} claims from`));
    assert.ok(!(await suggestionsShown()).items.some((i) => i.source === name), `none from ${name} left in the list`);
    await app.shot("accepted-all");
    await (await app.waitForTestId("suggestion-undo-all")).click();
    await app.waitFor("all back as suggestions, their claims gone", async () => {
      const s = await suggestionsShown();
      return (await claimsShown(app)).items.length === 2 && s.items.length === listed.length;
    }, { timeoutMs: 20_000 });

    // Dark theme: the same state, looked at.
    assert.ok((await darkTheme(app, true)) > 0, "the styles have dark rules");
    await app.session.typeKeys("j");
    await sleep(200);
    await app.shot("dark");
    await darkTheme(app, false);

    // Another article, then this one again: the rejected suggestion stays hidden, the accepted one is a claim.
    await search(app, "ceasefire");
    const rows = await app.visibleAll("result-row");
    let otherRow = null;
    for (const r of rows) if (!(await r.text()).startsWith("Varenia and highland rebels open")) otherRow ??= r;
    assert.ok(otherRow, "another article to open");
    await otherRow.click();
    await waitForReader(app, opened);
    await search(app, "Vannikow");
    const [row] = await app.visibleAll("result-row");
    await row.click();
    await app.waitFor("the sample article again", async () => (await app.textOf("reader-title"))?.startsWith("Varenia and highland rebels"), { timeoutMs: 20_000 });
    const again = await waitForSuggestions("the suggestions of the reopened article");
    const kept = await app.waitFor("its two claims marked and listed again", async () => {
      const c = await claimsShown(app);
      return c.items.length === 2 ? c : null;
    }, { timeoutMs: 10_000 });
    assert.ok(flat(kept.marks.join("")).includes(flat(claimed)), "the first accepted claim is marked");
    assert.ok(!again.items.some((i) => i.cue === rejected), "the rejected suggestion is still gone");
    assert.ok(!again.marked.includes(rejected), "and not marked in the text");
    assert.ok(!again.items.some((i) => i.cue === first.cue), "the accepted suggestion is not offered again");
    assert.ok(!again.items.some((i) => i.cue === quote.cue), "nor the accepted quote");
    assert.equal(again.items.length, before.items.length - 3);
    await app.shot("reopened");

    // J in another view (the desk hidden) leaves the suggestions alone.
    await app.session.execute(`document.querySelector('.reader-scroll').focus();`);
    await app.session.keyChord(Keys.Control, "2");
    await app.waitForTestId("claims-view");
    await app.session.execute(`document.activeElement?.blur();`);
    await app.session.typeKeys("j");
    await app.session.keyChord(Keys.Control, "1");
    await app.waitForTestId("reader-body");
    assert.ok(!(await suggestionsShown()).items.some((i) => i.focused), "no suggestion focused by J in the claims view");
  }));
