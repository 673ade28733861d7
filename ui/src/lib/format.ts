// Numbers and dates, in English like the rest of the interface, whatever the
// system's locale (which under a bare X session may be none at all): "1,234",
// and day-month-year dates, unambiguous for readers on either side of the Atlantic.

const LOCALE = "en-GB";
const numbers = new Intl.NumberFormat(LOCALE);

export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "1 article", "1,234 articles". */
export function articleCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "article" : "articles"}`;
}

// Publication dates are stored in UTC, and a bare date is midnight UTC: shown
// in local time it would move to the day before west of Greenwich.
const publishedFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });
const instantFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short" });

function parse(timestamp: string): Date | null {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A publication date: "12 Mar 2024". */
export function formatPublished(timestamp: string | null): string {
  const date = timestamp === null ? null : parse(timestamp);
  return date ? publishedFormat.format(date) : "";
}

/** A moment on this machine, such as when an article was imported. */
export function formatInstant(timestamp: string): string {
  const date = parse(timestamp);
  return date ? instantFormat.format(date) : timestamp;
}

/** The first characters of a hash: enough to tell two apart at a glance. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
