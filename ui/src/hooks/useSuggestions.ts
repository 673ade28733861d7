// The open article's attribution suggestions, shared by the reader (which
// keeps them in step with the article shown and marks them) and the details
// pane (which lists them). One desk, one list: the controller lives here.

import { useEffect, useMemo, useSyncExternalStore } from "react";

import { acceptSuggestion, rejectSuggestion, suggestions, type Article } from "../lib/backend";
import { suggestionMarks, type SuggestionMarks } from "../lib/suggestions";
import { afterNextPaint } from "../lib/frames";
import { SuggestionsController, type SuggestionsState } from "../lib/suggestionsController";

export const suggestionsController = new SuggestionsController({ suggestions, acceptSuggestion, rejectSuggestion }, afterNextPaint);

export function useSuggestionsState(): SuggestionsState {
  return useSyncExternalStore(suggestionsController.subscribe, suggestionsController.getState);
}

/**
 * For the reader: lists the suggestions of `article` once it is shown (the
 * request goes out after the text is committed, so it never delays it) and
 * again whenever `claims` is reloaded (after an edit, an undo or an import).
 * Returns the marks for the text.
 */
export function useSuggestionMarks(article: Article | null, claims: unknown): SuggestionMarks {
  useEffect(() => {
    suggestionsController.sync(article, claims);
  }, [article, claims]);
  const state = useSuggestionsState();
  const shown = article !== null && state.article === article.id && state.version === article.content_hash;
  const ranges = shown ? state.ranges : NO_RANGES;
  return useMemo(() => suggestionMarks(ranges, shown ? state.focused : null), [ranges, shown, state.focused]);
}

const NO_RANGES: SuggestionsState["ranges"] = [];
