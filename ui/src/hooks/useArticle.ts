// The article in the reader. Opening another before the first arrives drops
// the first, so a quick run of arrow-and-Enter ends on the right article.

import { useCallback, useRef, useState } from "react";

import { openArticle, toCommandError, type ArticleId, type ArticleView, type CommandError } from "../lib/backend";
import { mark } from "../lib/perf";

export interface ArticleState {
  /** The article shown; kept while the next one loads, to avoid a blank flash. */
  view: ArticleView | null;
  /** The article asked for, once asked. */
  requested: ArticleId | null;
  loading: boolean;
  error: CommandError | null;
}

export function useArticle(): [ArticleState, (id: ArticleId, query: string) => void] {
  const [state, setState] = useState<ArticleState>({ view: null, requested: null, loading: false, error: null });
  const sequence = useRef(0);

  const open = useCallback((id: ArticleId, query: string) => {
    const seq = ++sequence.current;
    mark("cd:open:start", { id });
    setState((s) => ({ ...s, requested: id, loading: true, error: null }));
    openArticle(id, query).then(
      (view) => seq === sequence.current && setState({ view, requested: id, loading: false, error: null }),
      (e) => seq === sequence.current && setState({ view: null, requested: id, loading: false, error: toCommandError(e) }),
    );
  }, []);

  return [state, open];
}
