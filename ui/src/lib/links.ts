// What the person types or an article holds, checked before it is acted on.

/** Whether `url` is an http(s) address, the only kind opened in the system browser. */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** A path pasted from a file manager or a shell often comes quoted, or with spaces around it. */
export function cleanPath(text: string): string {
  const trimmed = text.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2] : trimmed;
}
