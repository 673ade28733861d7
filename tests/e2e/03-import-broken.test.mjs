// Issue test 3: importing a folder of broken files shows progress, then a
// summary that lists every failure, and the good files are still imported.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";

import { FIXTURES, launchApp, tid } from "./lib/app.mjs";
import { closeImportSummary, importPath, resultCount, search } from "./lib/desk.mjs";

// What tests/fixtures/README.md (section 2) says fails in broken/.
const FAILING = ["empty.txt", "whitespace-only.md", "mixed.jsonl", "junk.txt", "broken-feed.rss", "notes.docx"];

let app;
before(async () => {
  app = await launchApp("import-broken");
});
after(async () => {
  await app?.close();
});

test("import a folder with broken files → progress → summary lists the 7 failures", { timeout: 240_000 }, () =>
  app.guard("import-broken", async () => {
    await app.waitForDesk();
    const dir = path.join(FIXTURES, "broken");
    const { progressSeen } = await importPath(app, dir);
    await app.shot("summary");

    const failures = await app.session.execute(`
      return [...document.querySelectorAll('[data-testid="import-summary"] [data-testid="import-failure"]')]
        .map((e) => e.innerText.trim());`);
    for (const f of failures) console.log(`# import-failure: ${JSON.stringify(f)}`);
    const all = await app.session.execute(`
      return document.querySelectorAll('[data-testid="import-failure"]').length;`);
    assert.equal(all, failures.length,
      `every ${tid("import-failure")} should be inside ${tid("import-summary")} (${all} in the page, ${failures.length} inside)`);
    assert.equal(failures.length, 7,
      `expected 7 ${tid("import-failure")} rows (empty, whitespace-only, mixed.jsonl:2, mixed.jsonl:4, junk, broken-feed, notes.docx), got ${failures.length}:\n    ${failures.join("\n    ")}`);
    assert.ok(failures.some((f) => f.includes("empty.txt")), `no ${tid("import-failure")} mentions empty.txt:\n    ${failures.join("\n    ")}`);
    for (const name of FAILING) {
      assert.ok(failures.some((f) => f.includes(name)), `no ${tid("import-failure")} mentions ${name}:\n    ${failures.join("\n    ")}`);
    }
    assert.equal(failures.filter((f) => f.includes("mixed.jsonl")).length, 2, "mixed.jsonl should fail twice (lines 2 and 4)");
    for (const f of failures) {
      const name = FAILING.find((n) => f.includes(n));
      assert.ok(f.replace(name, "").replace(/[\s:\d/.\-]+/g, "").length > 0 && f.length > name.length + 3,
        `${tid("import-failure")} ${JSON.stringify(f)} should give a reason next to the path`);
    }
    assert.ok(progressSeen,
      `${tid("import-progress")} never appeared between submitting and ${tid("import-summary")} (watched with a MutationObserver)`);

    // The good files of the folder were imported anyway.
    await closeImportSummary(app);
    await search(app, "Kellsbridge", { expectChange: false });
    const count = await resultCount(app);
    assert.ok(count >= 1, `"Kellsbridge" (broken/invalid-utf8.txt, imported with a warning) should be found, ${tid("result-count")} says ${count}`);
    await app.shot("after-import");
  }));
