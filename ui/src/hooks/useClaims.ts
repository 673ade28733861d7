// The claims of the open article, reloaded when the article changes and
// after every edit (create, undo, redo).

import { useCallback, useEffect, useRef, useState } from "react";

import { claimsOfArticle, toCommandError, type ArticleId, type Claim, type CommandError } from "../lib/backend";

export interface ClaimsState {
  article: ArticleId | null;
  claims: Claim[];
  error: CommandError | null;
}

const NONE: Claim[] = [];

export function useClaims(articleId: ArticleId | null): [ClaimsState, () => void] {
  const [state, setState] = useState<ClaimsState>({ article: null, claims: NONE, error: null });
  const sequence = useRef(0);

  const load = useCallback(() => {
    const seq = ++sequence.current;
    if (articleId === null) {
      setState({ article: null, claims: NONE, error: null });
      return;
    }
    claimsOfArticle(articleId).then(
      (claims) => seq === sequence.current && setState({ article: articleId, claims, error: null }),
      (e) => seq === sequence.current && setState({ article: articleId, claims: NONE, error: toCommandError(e) }),
    );
  }, [articleId]);

  useEffect(() => load(), [load]);

  // Claims of another article are never shown while the new ones load.
  const shown = state.article === articleId ? state : { article: articleId, claims: NONE, error: null };
  return [shown, load];
}
