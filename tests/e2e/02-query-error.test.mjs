// Issue test 2: a malformed query shows its error (and fixing it clears it).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { launchApp, tid } from "./lib/app.mjs";
import { ensureSamples, search } from "./lib/desk.mjs";

let app;
before(async () => {
  app = await launchApp("query-error");
});
after(async () => {
  await app?.close();
});

test("a malformed query shows its error in query-error", { timeout: 180_000 }, () =>
  app.guard("query-error", async () => {
    await app.waitForDesk();
    await ensureSamples(app);

    for (const [i, query] of ["title:(bad", '"unclosed'].entries()) {
      await search(app, query, { expectChange: i === 0 });
      const error = await app.waitForTestId("query-error", { timeoutMs: 10_000 });
      const message = (await error.text()).trim();
      assert.ok(message.length > 0, `${tid("query-error")} is visible but empty for ${JSON.stringify(query)}`);
      console.log(`# ${JSON.stringify(query)} → ${JSON.stringify(message)}`);
      await app.shot(`error-${i + 1}`);
    }

    // A valid query clears the error.
    await search(app, "ceasefire");
    await app.waitGone("query-error", { timeoutMs: 10_000 });
  }));
