import { describe, expect, it } from "vitest";

import { mergeSummary } from "./sources";

describe("mergeSummary", () => {
  it("names what moves", () => {
    expect(mergeSummary({ name: "Dmitry Peskov" }, { name: "Peskov", aliases: ["Kremlin spokesman"], claims: 3 })).toBe(
      "“Peskov” goes into “Dmitry Peskov”: its 3 claims and 2 names (“Peskov” becomes an alias, with “Kremlin spokesman”) move over, and “Peskov” leaves the registry. You can undo this.",
    );
    expect(mergeSummary({ name: "A" }, { name: "B", aliases: [], claims: 1 })).toContain("its 1 claim and 1 name (“B” becomes an alias)");
  });
});
