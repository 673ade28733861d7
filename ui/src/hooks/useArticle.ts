// The article in the reader; the rules are in lib/articleOpener.ts.

import { useCallback, useEffect, useState } from "react";

import { claimsRequest, type ClaimsState } from "../lib/articleClaims";
import { ArticleOpener, NO_ARTICLE, type ArticleState, type Opened } from "../lib/articleOpener";
import { claimsOfArticle, openArticle, toCommandError, type ArticleId } from "../lib/backend";
import { mark } from "../lib/perf";

export type { ArticleState } from "../lib/articleOpener";

export type OpenArticle = (id: ArticleId, query: string, alongside?: () => void) => void;

export function useArticle(): [ArticleState, OpenArticle] {
  const [state, setState] = useState<ArticleState>(NO_ARTICLE);
  const [opener] = useState(
    () =>
      new ArticleOpener({
        fetch: openWithClaims,
        update: setState,
        toError: toCommandError,
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      }),
  );
  useEffect(() => () => opener.dispose(), [opener]);

  const open = useCallback<OpenArticle>(
    (id, query, alongside) => {
      mark("cd:open:start", { id });
      opener.open(id, query, alongside);
    },
    [opener],
  );
  return [state, open];
}

async function openWithClaims(id: ArticleId, query: string): Promise<Opened> {
  const at = claimsRequest();
  const [view, claims] = await Promise.all([
    openArticle(id, query),
    claimsOfArticle(id).then(
      (claims): ClaimsState => ({ article: id, claims, error: null, at }),
      (e): ClaimsState => ({ article: id, claims: [], error: toCommandError(e), at }),
    ),
  ]);
  return { view, claims };
}
