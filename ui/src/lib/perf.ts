// Performance marks for the UI benchmark (tests/e2e/bench/ui-bench.mjs reads
// them through WebDriver). Always on: a mark is a timestamp in a list. All
// names start with `cd:`; `detail` ties the marks of one search or one
// article together. Never throws: timing must not break the app.

import { afterNextPaint } from "./frames";

/** Records mark `name` now, or at `startTime` (ms since `performance.timeOrigin`, e.g. an event's `timeStamp`). */
export function mark(name: string, detail?: unknown, startTime?: number): void {
  try {
    performance.mark(name, startTime === undefined ? { detail } : { detail, startTime });
  } catch {
    // No User Timing here (an old engine, a test environment): nothing to record.
  }
}

/** Records mark `name` at the time `event` happened (its `timeStamp`), or now if that time is not usable. */
export function markEvent(name: string, event: { timeStamp: number }, detail?: unknown): void {
  const at = event.timeStamp;
  mark(name, detail, at > 0 && at <= performance.now() ? at : undefined);
}

/** Records measure `name` from `start` (a `performance.now()` value) to now. */
export function measureSince(name: string, start: number, detail?: unknown): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // As in `mark`.
  }
}

/** Records mark `name` once the frame showing the DOM as it is now has been painted (lib/frames.ts). */
export function markPainted(name: string, detail?: unknown): void {
  afterNextPaint(() => mark(name, detail));
}
