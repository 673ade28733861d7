import { describe, expect, it } from "vitest";

import { articleCount, formatPublished, shortHash } from "./format";

describe("format", () => {
  it("counts articles with grouping and the right plural", () => {
    expect(articleCount(0)).toBe("0 articles");
    expect(articleCount(1)).toBe("1 article");
    expect(articleCount(1234)).toBe("1,234 articles");
  });

  it("shows a bare publication date on its own day, whatever the local time zone", () => {
    expect(formatPublished("2016-06-30T00:00:00Z")).toBe("30 Jun 2016");
    expect(formatPublished(null)).toBe("");
    expect(formatPublished("not a date")).toBe("");
  });

  it("shortens hashes", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab…");
    expect(shortHash("abc")).toBe("abc");
  });
});
