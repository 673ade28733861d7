import { describe, expect, it } from "vitest";

import { cleanPath, isWebAddress } from "./links";

describe("isWebAddress", () => {
  it("accepts http and https only", () => {
    expect(isWebAddress("https://example.org/a?b=c")).toBe(true);
    expect(isWebAddress("http://example.org")).toBe(true);
    expect(isWebAddress("javascript:window.__claimdesk_canary=1")).toBe(false);
    expect(isWebAddress(" JavaScript:alert(1)")).toBe(false);
    expect(isWebAddress("file:///etc/passwd")).toBe(false);
    expect(isWebAddress("data:text/html,<script>1</script>")).toBe(false);
    expect(isWebAddress("example.org")).toBe(false);
    expect(isWebAddress("")).toBe(false);
  });
});

describe("cleanPath", () => {
  it("trims and unquotes a pasted path", () => {
    expect(cleanPath("  /home/a/b  ")).toBe("/home/a/b");
    expect(cleanPath("'/home/a/my files'")).toBe("/home/a/my files");
    expect(cleanPath('"/home/a/b"')).toBe("/home/a/b");
    expect(cleanPath('"/home/a/b')).toBe('"/home/a/b');
  });
});
