// Issue test 4: hostile articles run no script, show their markup as text,
// and a 5 MB single-line article opens without hanging the window.

import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

import { FIXTURES, launchApp, tid } from "./lib/app.mjs";
import { closeImportSummary, importPath, resultCount, search, waitForReader } from "./lib/desk.mjs";

const LONG_LINE_BYTES = 5_000_000;

/** hostile.txt with body paragraph 4 (the `quay ledger …` line) made one line of 5,000,000 bytes. */
function longHostile(source) {
  const text = readFileSync(source, "utf8");
  const paragraphs = text.split("\n\n");
  const i = paragraphs.findIndex((p) => p.startsWith("quay ledger tide harbour crane ballast mooring"));
  assert.equal(i, 4, "hostile.txt: expected the quay line as body paragraph 4 (title, then paragraphs 1-4)");
  const unit = "quay ledger tide harbour crane ballast mooring ";
  let line = unit.repeat(Math.ceil(LONG_LINE_BYTES / unit.length)).slice(0, LONG_LINE_BYTES);
  if (line.endsWith(" ")) line = line.slice(0, -1) + "q";
  paragraphs[i] = line;
  return paragraphs.join("\n\n");
}

let app;
let folder;
before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-hostile-files-"));
  const hostile = path.join(FIXTURES, "hostile");
  copyFileSync(path.join(hostile, "hostile.txt"), path.join(folder, "hostile.txt"));
  copyFileSync(path.join(hostile, "hostile.html"), path.join(folder, "hostile.html"));
  writeFileSync(path.join(folder, "hostile-long.txt"), longHostile(path.join(hostile, "hostile.txt")));
  assert.ok(statSync(path.join(folder, "hostile-long.txt")).size > LONG_LINE_BYTES);
  app = await launchApp("hostile");
});
after(async () => {
  await app?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const canary = () => app.session.execute(`return typeof window.__claimdesk_canary;`, [], 10_000);

test("hostile articles run no script, show markup as text, and the 5 MB one opens", { timeout: 300_000 }, () =>
  app.guard("hostile", async () => {
    await app.waitForDesk();
    await importPath(app, folder);
    await app.shot("summary");
    const failures = await app.session.execute(`
      return [...document.querySelectorAll('[data-testid="import-failure"]')].map((e) => e.innerText.trim());`);
    assert.deepEqual(failures, [], "the hostile files should import without failures");
    await closeImportSummary(app);
    assert.equal(await canary(), "undefined", "window.__claimdesk_canary was set by importing");

    await search(app, "canary", { expectChange: false });
    const count = await resultCount(app);
    const rows = await app.visibleAll("result-row");
    assert.equal(rows.length, 3, `"canary" should find the 3 hostile articles, ${rows.length} ${tid("result-row")} shown (${tid("result-count")}: ${count})`);
    assert.equal(await canary(), "undefined", "window.__claimdesk_canary was set by the search results (snippets)");
    await app.shot("results");

    const ids = await Promise.all(rows.map((r) => r.attribute("data-id")));
    assert.equal(new Set(ids).size, 3, `the 3 ${tid("result-row")} should have distinct data-id values, got ${JSON.stringify(ids)}`);
    let previous = null;
    for (const [i, id] of ids.entries()) {
      const row = await app.session.find(`${tid("result-row")}[data-id="${id}"]`);
      const started = Date.now();
      await row.click();
      const reader = await waitForReader(app, previous, { timeoutMs: 20_000 });
      // The window must still answer scripts promptly after showing it.
      assert.equal(await app.session.execute("return 1 + 1;", [], 10_000), 2);
      const seconds = (Date.now() - started) / 1000;
      console.log(`# opened ${JSON.stringify(reader.title)} (data-id ${id}, ${reader.length} chars of body) in ${seconds.toFixed(1)} s`);
      assert.ok(seconds < 20, `opening ${JSON.stringify(reader.title)} took ${seconds.toFixed(1)} s (limit 20 s)`);

      assert.equal(await canary(), "undefined", `window.__claimdesk_canary was set by opening ${JSON.stringify(reader.title)}`);
      const page = await app.session.execute(`
        const reader = document.querySelector('[data-testid="reader"]');
        const body = document.querySelector('[data-testid="reader-body"]');
        return {
          inReader: !!reader && reader.contains(body),
          scriptText: body.textContent.includes("<script>"),
          live: reader ? [...reader.querySelectorAll("script, img, iframe, object, embed")].map((e) => e.outerHTML.slice(0, 120)) : null,
          jsLinks: reader ? [...reader.querySelectorAll("[href]")].filter((a) => /^\\s*javascript:/i.test(a.getAttribute("href"))).length : null,
        };`);
      assert.ok(page.inReader, `${tid("reader-body")} should be inside ${tid("reader")}`);
      assert.ok(page.scriptText, `${tid("reader-body")} of ${JSON.stringify(reader.title)} should show the literal text "<script>"`);
      assert.deepEqual(page.live, [], `live script/img/iframe/object/embed elements inside ${tid("reader")}`);
      assert.equal(page.jsLinks, 0, `javascript: links inside ${tid("reader")}`);
      await app.shot(`reader-${i + 1}`);
      previous = reader;
    }

    // Nothing ran after all that either (e.g. from a late render of the long body).
    assert.equal(await canary(), "undefined", "window.__claimdesk_canary was set after opening the hostile articles");
  }));
