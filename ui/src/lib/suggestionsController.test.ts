import { describe, expect, it } from "vitest";

import type { AcceptSuggestion, AttributionSuggestion, Claim, Span } from "./backend/bindings";
import { suggestionKey } from "./suggestions";
import { SuggestionsController } from "./suggestionsController";

const BODY = 'Kreel said the talks go on. "We stay," Kreel said. Saltvik said the road is open.';

function at(words: string, from = 0): Span {
  const start = BODY.indexOf(words, from);
  return { start, end: start + words.length };
}

function suggestion(cue: Span, who: string, content: string, whoFrom = 0): AttributionSuggestion {
  return { cue, source: { span: at(who, whoFrom), text: who, known: null }, resolved: null, content: at(content), source_kind: "person", hedged: false, chain: [] };
}

const S1 = suggestion(at("said"), "Kreel", "the talks go on");
const S2 = suggestion(at("said", 40), "Kreel", '"We stay,"', 30);
const S3 = suggestion(at("said", 55), "Saltvik", "the road is open");
const ARTICLE = { id: 4, content_hash: "h1", body: BODY };

/** A backend whose answers the test releases one by one. */
function fakeBackend(list: AttributionSuggestion[] = [S1, S2, S3]) {
  const asked: { resolve: (l: AttributionSuggestion[]) => void; reject: (e: unknown) => void }[] = [];
  const accepted: AcceptSuggestion[] = [];
  const rejected: Span[] = [];
  let failAccept: unknown = null;
  const backend = {
    suggestions: () => new Promise<AttributionSuggestion[]>((resolve, reject) => asked.push({ resolve, reject })),
    acceptSuggestion: async (_article: number, accept: AcceptSuggestion) => {
      if (failAccept) throw failAccept;
      accepted.push(accept);
      return { id: 100 + accepted.length, selector: { exact: "x" } } as unknown as Claim;
    },
    rejectSuggestion: async (_article: number, cue: Span) => {
      rejected.push(cue);
    },
  };
  return {
    backend,
    asked,
    accepted,
    rejected,
    answer: (i = asked.length - 1, l = list) => asked[i].resolve(l),
    failAccepting: (e: unknown) => (failAccept = e),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("SuggestionsController", () => {
  it("lists an article's suggestions once asked, and marks them", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, "claims-1");
    expect(c.getState()).toMatchObject({ article: 4, loading: true, list: [] });
    fake.answer();
    await settle();
    expect(c.getState().list).toHaveLength(3);
    expect(c.getState().loading).toBe(false);
    expect(c.getState().ranges.length).toBe(9);
  });

  it("asks only once the article has been painted, and not at all for an article left before that", () => {
    const fake = fakeBackend();
    const painted: (() => void)[] = [];
    const c = new SuggestionsController(fake.backend, (run) => painted.push(run));
    c.sync(ARTICLE, "claims-1");
    expect(fake.asked).toHaveLength(0);
    expect(c.getState()).toMatchObject({ article: 4, loading: true });
    c.sync({ id: 5, content_hash: "h5", body: "nothing here" }, "claims-5");
    painted[0]();
    expect(fake.asked).toHaveLength(0);
    painted[1]();
    expect(fake.asked).toHaveLength(1);
    c.sync({ id: 5, content_hash: "h5", body: "nothing here" }, "claims-5b");
    expect(fake.asked).toHaveLength(2);
  });

  it("asks again when the claims reload, but not for the same article and claims", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, "claims-1");
    c.sync({ ...ARTICLE }, "claims-1");
    expect(fake.asked).toHaveLength(1);
    fake.answer();
    await settle();
    c.sync(ARTICLE, "claims-2");
    expect(fake.asked).toHaveLength(2);
    // The list stays while it refreshes.
    expect(c.getState()).toMatchObject({ loading: false });
    expect(c.getState().list).toHaveLength(3);
  });

  it("drops the answer for an article no longer shown", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    c.sync({ id: 5, content_hash: "h5", body: "nothing here" }, 2);
    fake.answer(0);
    fake.answer(1, []);
    await settle();
    expect(c.getState()).toMatchObject({ article: 5, list: [], loading: false });
  });

  it("shows an error, and nothing for no article", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    fake.asked[0].reject({ code: "internal", message: "boom", position: null });
    await settle();
    expect(c.getState().error?.message).toBe("boom");
    c.sync(null);
    expect(c.getState().article).toBe(null);
  });

  it("steps through the list and accepts the focused one as a quote or an assertion, unverified, credibility 6", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    fake.answer();
    await settle();
    c.step(1);
    expect(c.getState().focused).toBe(suggestionKey(S1));
    c.step(1);
    expect(c.getState().focused).toBe(suggestionKey(S2));
    const done = await c.accept();
    expect(fake.accepted).toEqual([{ cue: S2.cue, kind: "quote", status: "unverified", credibility: 6 }]);
    expect(done?.message).toBe(`Accepted "We stay," (Kreel)`);
    // Gone from the list at once; the focus moved on to the next one.
    expect(c.getState().list.map(suggestionKey)).toEqual([suggestionKey(S1), suggestionKey(S3)]);
    expect(c.getState().focused).toBe(suggestionKey(S3));
    expect(c.getState().accepted?.claims.map((x) => x.id)).toEqual([101]);
    await c.accept();
    expect(fake.accepted[1]).toMatchObject({ cue: S3.cue, kind: "factual_assertion" });
    expect(c.getState().focused).toBe(suggestionKey(S1));
  });

  it("rejects the focused one, and keeps the focus near it when the list refreshes", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    fake.answer();
    await settle();
    c.focus(suggestionKey(S1));
    const done = await c.reject();
    expect(fake.rejected).toEqual([S1.cue]);
    expect(done?.message).toMatch(/^Rejected /);
    expect(c.getState().focused).toBe(suggestionKey(S2));
    // Undo brings it back in the next list; the focus stays where it is.
    c.sync(ARTICLE, 2);
    fake.answer();
    await settle();
    expect(c.getState().list).toHaveLength(3);
    expect(c.getState().focused).toBe(suggestionKey(S2));
  });

  it("accepts all from the same source, and reports a failure", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    fake.answer();
    await settle();
    c.focus(suggestionKey(S1));
    const done = await c.acceptAll();
    expect(fake.accepted.map((a) => a.cue)).toEqual([S1.cue, S2.cue]);
    expect(done?.message).toBe("Accepted 2 suggestions from Kreel");
    expect(c.getState().list.map(suggestionKey)).toEqual([suggestionKey(S3)]);
    expect(c.getState().accepted?.claims).toHaveLength(2);

    fake.failAccepting({ code: "suggestion_not_found", message: "no longer offered", position: null });
    expect(await c.accept()).toBe(null);
    expect(c.getState().actionError?.code).toBe("suggestion_not_found");
    expect(c.getState().busy).toBe(false);
    // It lists again to catch up.
    expect(fake.asked).toHaveLength(2);
  });

  it("does not accept a suggestion without content", async () => {
    const fake = fakeBackend([{ ...S1, content: null }]);
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, 1);
    fake.answer();
    await settle();
    expect(await c.accept(suggestionKey(S1))).toBe(null);
    expect(fake.accepted).toEqual([]);
    expect(c.getState().actionError?.code).toBe("suggestion_without_content");
  });

  it("forgets what was accepted once the claims reload without it (undone)", async () => {
    const fake = fakeBackend();
    const c = new SuggestionsController(fake.backend);
    c.sync(ARTICLE, [] as Claim[]);
    fake.answer();
    await settle();
    await c.accept(suggestionKey(S1));
    const claim = c.getState().accepted!.claims[0];
    c.sync(ARTICLE, [claim]);
    expect(c.getState().accepted).not.toBe(null);
    c.sync(ARTICLE, [] as Claim[]);
    expect(c.getState().accepted).toBe(null);
  });
});
