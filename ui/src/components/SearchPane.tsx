// The left pane: search box, filters, sort and the result list.

import { useCallback, useEffect, useId, useLayoutEffect, useState, type KeyboardEvent, type RefObject } from "react";

import type { SearchHit, SortOrder } from "../lib/backend";
import { articleCount, formatCount } from "../lib/format";
import { mark, markEvent, markPainted } from "../lib/perf";
import type { Filter } from "../lib/query";
import { visibleControls } from "../lib/text";
import { hitAt, MAX_ROWS, rowCount, type SearchController, type SearchState } from "../lib/searchController";
import { FacetList } from "./FacetList";
import { FilterChips } from "./FilterChips";
import { QueryErrorLine } from "./QueryErrorLine";
import { ResultList, rowId } from "./ResultList";

interface Props {
  state: SearchState;
  controller: SearchController;
  inputRef: RefObject<HTMLInputElement | null>;
  openId: number | null;
  importing: boolean;
  onOpen: (hit: SearchHit, query: string, alongside?: () => void) => void;
}

/** The first search pane of the page marks `cd:ready`; later ones (after a first run) do not. */
let readyMarked = false;

export function SearchPane({ state, controller, inputRef, openId, importing, onOpen }: Props) {
  const listId = useId();
  const errorId = useId();
  const { results, error } = state;
  const count = rowCount(results);
  const [selected, setSelected] = useState(-1);

  // A different result list starts with its first row selected, so Enter
  // opens it; more rows or a refresh of the same list keep the selection.
  const listKey = results?.id;
  const hasRows = count > 0;
  useEffect(() => {
    setSelected(hasRows ? 0 : -1);
  }, [listKey, hasRows]);

  useEffect(() => {
    if (selected >= count) setSelected(count - 1);
  }, [selected, count]);

  const open = useCallback(
    (index: number, alongside?: () => void) => {
      const hit = results && hitAt(results, index);
      if (hit) onOpen(hit, results.query, alongside);
    },
    [results, onOpen],
  );

  // The facet or chip clicked disappears with the click; focus goes back to the search box.
  const focusInput = () => inputRef.current?.focus();
  const addFilter = (filter: Filter) => {
    controller.addFilter(filter);
    focusInput();
  };
  const removeFilter = (filter: Filter) => {
    controller.removeFilter(filter);
    focusInput();
  };

  // Benchmark marks (lib/perf.ts): the search box is usable, and each new result set on screen.
  useLayoutEffect(() => {
    if (readyMarked) return;
    readyMarked = true;
    const focused = document.activeElement !== null && document.activeElement === inputRef.current;
    mark("cd:ready", { focused });
    markPainted("cd:ready:painted", { focused });
  }, [inputRef]);
  useLayoutEffect(() => {
    if (!results) return;
    const detail = { query: results.query, total: results.total, pages: results.pages.size };
    mark("cd:search:commit", detail);
    markPainted("cd:search:painted", detail);
  }, [results]);

  const onRowsShown = useCallback((range: { start: number; end: number }) => controller.showRows(range), [controller]);

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = selected + (e.key === "ArrowDown" ? 1 : -1);
      setSelected(Math.max(0, Math.min(count - 1, next)));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (selected >= 0) open(selected);
    }
  };

  return (
    <section className="search-pane" aria-label="Search">
      <div className="search-head">
        <div className="search-box">
          <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="M13 13l4.5 4.5" />
          </svg>
          <input
            ref={inputRef}
            type="search"
            data-testid="search-input"
            className="search-input"
            placeholder="Search articles"
            aria-label="Search articles"
            role="combobox"
            aria-expanded={count > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={selected >= 0 && count > 0 ? rowId(listId, selected) : undefined}
            aria-invalid={error?.code === "query_syntax" ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            value={state.text}
            onChange={(e) => {
              markEvent("cd:search:input", e, { text: e.target.value });
              controller.setText(e.target.value);
            }}
            onKeyDown={onInputKey}
          />
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        </div>
        {error && <QueryErrorLine id={errorId} error={error} text={state.text} />}
        <FilterChips filters={state.filters} onRemove={removeFilter} />
        <div className="result-bar">
          <span className={`result-count${error ? " stale" : ""}`} data-testid="result-count" role="status">
            {results ? countLabel(results.total) : "Searching…"}
          </span>
          <label className="sort">
            <span>Sort</span>
            <select data-testid="sort-select" value={state.sort} onChange={(e) => controller.setSort(e.target.value as SortOrder)}>
              <option value="relevance">Relevance</option>
              <option value="date">Newest first</option>
            </select>
          </label>
        </div>
        {results && (
          <div className="facets">
            <FacetList field="outlet" title="Outlet" counts={results.facets.outlet} active={state.filters} initial={3} onAdd={addFilter} />
            <FacetList field="published" title="Year" counts={results.facets.year} active={state.filters} initial={5} onAdd={addFilter} />
          </div>
        )}
      </div>
      <div className={`result-area${state.pending ? " pending" : ""}`}>
        <div className="loading-bar" aria-hidden="true" />
        {results && count > 0 && (
          <ResultList
            id={listId}
            results={results}
            selected={selected}
            openId={openId}
            dimmed={error !== null}
            label="Search results"
            onSelect={setSelected}
            onOpen={open}
            onRowsShown={onRowsShown}
          />
        )}
        {results && count === 0 && <NoResults text={state.text} filtered={state.filters.length > 0} importing={importing} />}
      </div>
    </section>
  );
}

function countLabel(total: number): string {
  if (total > MAX_ROWS) return `${articleCount(total)} (showing the first ${formatCount(MAX_ROWS)})`;
  return articleCount(total);
}

function NoResults({ text, filtered, importing }: { text: string; filtered: boolean; importing: boolean }) {
  const what = visibleControls(text.trim());
  let title = "No articles yet";
  if (what) title = `No articles match “${what}”`;
  else if (filtered) title = "No articles match these filters";
  return (
    <div className="empty-state" data-testid="no-results">
      <p className="empty-title">{title}</p>
      <p className="empty-hint">
        {importing
          ? "Articles are still being imported; results appear as they arrive."
          : filtered
            ? "Remove a filter above, or try fewer words."
            : "Check the spelling, try fewer words, or a word’s beginning with * (negotiat*)."}
      </p>
    </div>
  );
}
