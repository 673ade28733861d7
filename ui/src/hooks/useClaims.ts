// The claims of the open article: those it opened with (lib/articleOpener.ts),
// reloaded after every edit (create, undo, redo); the later request wins
// (lib/articleClaims.ts).

import { useCallback, useRef, useState } from "react";

import { claimsRequest, latestClaims, noClaims, type ClaimsState } from "../lib/articleClaims";
import { claimsOfArticle, toCommandError, type ArticleId } from "../lib/backend";

export type { ClaimsState } from "../lib/articleClaims";

export function useClaims(articleId: ArticleId | null, opened: ClaimsState | null): [ClaimsState, () => void] {
  const [state, setState] = useState<ClaimsState>(noClaims(null));
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const seq = ++sequence.current;
    if (articleId === null) return;
    const at = claimsRequest();
    claimsOfArticle(articleId).then(
      (claims) => seq === sequence.current && setState({ article: articleId, claims, error: null, at }),
      (e) => seq === sequence.current && setState({ article: articleId, claims: [], error: toCommandError(e), at }),
    );
  }, [articleId]);

  return [latestClaims(articleId, state, opened), reload];
}
