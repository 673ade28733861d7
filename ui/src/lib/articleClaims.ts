// The claims of the open article come from two places: with the article when
// it opens (asked for alongside it, so its marks are in the first frame), and
// from a reload after each edit. Each answer carries the stamp of its request;
// the later request wins, so a reload never loses to the claims an article
// opened with, and reopening the article never shows a reload from before.

import type { ArticleView, Claim, CommandError } from "./backend/bindings";

type ArticleId = ArticleView["article"]["id"];

export interface ClaimsState {
  article: ArticleId | null;
  claims: Claim[];
  error: CommandError | null;
  /** When the answer was asked for (`claimsRequest`); 0 for nothing asked. */
  at: number;
}

const NONE: Claim[] = [];

let requests = 0;

/** A stamp for a claims request, later than every one before. */
export function claimsRequest(): number {
  return ++requests;
}

export function noClaims(article: ArticleId | null): ClaimsState {
  return { article, claims: NONE, error: null, at: 0 };
}

/** The claims to show for `article`: the latest asked for of the candidates about it, else none. */
export function latestClaims(article: ArticleId | null, ...candidates: (ClaimsState | null)[]): ClaimsState {
  let best: ClaimsState | null = null;
  for (const c of candidates) if (c && c.article === article && (!best || c.at > best.at)) best = c;
  return best ?? noClaims(article);
}
