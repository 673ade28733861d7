// The harness itself: the real window opens under WebDriver, shows the
// Claimdesk page, and uses the data directory the test gave it.

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, test } from "node:test";

import { launchApp } from "./lib/app.mjs";

let app;
before(async () => {
  app = await launchApp("smoke");
});
after(async () => {
  await app?.close();
});

test("the window opens with the Claimdesk page and uses CLAIMDESK_DATA", { timeout: 120_000 }, () =>
  app.guard("smoke", async () => {
    await app.waitForDesk();
    assert.equal(await app.session.title(), "Claimdesk", "document title");
    await app.waitFor("a visible input or button in the page", () => app.session.execute(`
      return [...document.querySelectorAll("input, button")].some((e) => e.getClientRects().length > 0);`));
    // The app opens its data directory in the background: it must be ours.
    await app.waitFor(`the app to create its database in CLAIMDESK_DATA (${app.dataDir})`,
      () => readdirSync(app.dataDir).length > 0);
    await app.shot("window");
  }));
