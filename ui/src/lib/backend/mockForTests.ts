// The browser-only mock backend, set up for a vitest file outside a browser.

import { vi } from "vitest";

import type { Backend } from "./index";

/** A fresh mock backend whose desk is open. */
export async function openMockBackend(): Promise<Backend> {
  vi.stubGlobal("location", { search: "" });
  vi.stubGlobal("window", { open: () => null });
  const { createMockBackend } = await import("./mock");
  const backend = createMockBackend();
  // The mock opens its desk after a short delay.
  await new Promise((r) => setTimeout(r, 200));
  return backend;
}
