// Binds the search controller to React.

import { useEffect, useState, useSyncExternalStore } from "react";

import { search } from "../lib/backend";
import { SearchController, type SearchState } from "../lib/searchController";

export function useSearch(): [SearchState, SearchController] {
  const [controller] = useState(() => new SearchController(search));
  useEffect(() => () => controller.dispose(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return [state, controller];
}
