import { describe, expect, it } from "vitest";

import { noClaims } from "./articleClaims";
import { ArticleOpener, NO_ARTICLE, QUIET_MS, type ArticleState, type Opened } from "./articleOpener";
import type { ArticleView, CommandError } from "./backend/bindings";

function view(id: number): Opened {
  return { view: { article: { id, body: `body ${id}` } } as unknown as ArticleView, claims: noClaims(id) };
}

/** An opener over a fake backend and a fake clock; answers are released by the test. */
function setup() {
  let state: ArticleState = NO_ARTICLE;
  const updates: ArticleState[] = [];
  const answers = new Map<number, { resolve: (v: Opened) => void; reject: (e: unknown) => void }>();
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextTimer = 1;
  const events: string[] = [];
  const opener = new ArticleOpener({
    fetch: (id) => new Promise((resolve, reject) => answers.set(id, { resolve, reject })),
    update: (change) => {
      state = change(state);
      updates.push(state);
      events.push(`update ${state.requested} ${state.loading ? "loading" : state.view ? "shown" : "error"}`);
    },
    toError: (e) => ({ code: "internal", message: String(e) }) as CommandError,
    setTimer: (run, ms) => {
      const id = nextTimer++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  });
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.run());
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { opener, answers, advance, flush, events, updates, state: () => state, pendingTimers: () => timers.length };
}

describe("ArticleOpener", () => {
  it("changes nothing on screen until a quick answer, then shows it with the selection in one batch", async () => {
    const t = setup();
    t.opener.open(7, "oil", () => t.events.push("select"));
    t.advance(QUIET_MS - 1);
    expect(t.events).toEqual([]);
    t.answers.get(7)!.resolve(view(7));
    await t.flush();
    expect(t.events).toEqual(["select", "update 7 shown"]);
    expect(t.state()).toMatchObject({ requested: 7, loading: false, error: null, claims: { article: 7 } });
    expect(t.pendingTimers()).toBe(0);
  });

  it("shows the wait once the answer is slow, keeping the article shown before", async () => {
    const t = setup();
    t.opener.open(1, "");
    t.answers.get(1)!.resolve(view(1));
    await t.flush();
    t.opener.open(2, "", () => t.events.push("select"));
    t.advance(QUIET_MS);
    expect(t.events.slice(1)).toEqual(["select", "update 2 loading"]);
    expect(t.state().view?.article.id).toBe(1);
    t.answers.get(2)!.resolve(view(2));
    await t.flush();
    expect(t.events.slice(1)).toEqual(["select", "update 2 loading", "update 2 shown"]);
  });

  it("drops an article superseded before its answer, and its selection", async () => {
    const t = setup();
    t.opener.open(1, "", () => t.events.push("select 1"));
    t.opener.open(2, "", () => t.events.push("select 2"));
    t.answers.get(1)!.resolve(view(1));
    await t.flush();
    t.advance(QUIET_MS * 2);
    expect(t.events).toEqual(["select 2", "update 2 loading"]);
    t.answers.get(2)!.resolve(view(2));
    await t.flush();
    expect(t.state().view?.article.id).toBe(2);
  });

  it("reports a failure as the reader's error", async () => {
    const t = setup();
    t.opener.open(3, "");
    t.answers.get(3)!.reject(new Error("gone"));
    await t.flush();
    expect(t.state()).toMatchObject({ view: null, requested: 3, loading: false, claims: null });
    expect(t.state().error?.message).toContain("gone");
  });

  it("does nothing after being disposed", async () => {
    const t = setup();
    t.opener.open(4, "");
    t.opener.dispose();
    t.advance(QUIET_MS);
    t.answers.get(4)!.resolve(view(4));
    await t.flush();
    expect(t.updates).toEqual([]);
  });
});
