// The claims view: every claim across articles in a virtualized table, with
// filters above it and sorting by the column headers. Enter or a double
// click opens the claim's article in the reader with the claim shown.

import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

import { listTags, type ClaimRow, type ClaimSort, type ClaimStatus, type Tag } from "../lib/backend";
import { CLAIM_STATUSES, CREDIBILITY_LABELS, excerpt, statusLabel } from "../lib/claims";
import { NO_FILTERS, rowAt, type ClaimsController, type ClaimsViewState } from "../lib/claimsController";
import { formatCount, formatInstant, formatPublished } from "../lib/format";
import { visibleControls } from "../lib/text";
import { revealRow, rowForKey, visibleRows } from "../lib/virtual";
import { SourcePicker, type SourceChoice } from "./SourcePicker";

/** Must match `.claims-row` in views.css. */
export const CLAIM_ROW_HEIGHT = 52;
const OVERSCAN = 8;

interface Props {
  state: ClaimsViewState;
  controller: ClaimsController;
  /** Opens the claim's article in the reader with the claim shown. */
  onOpen: (row: ClaimRow) => void;
  /** Opens the page of the source at `position` in the claim's chain. */
  onOpenSource: (claim: number, position: number) => void;
}

interface Column {
  label: string;
  sort?: ClaimSort;
  className: string;
  /** A second sort in the same header ("date" beside "Article"). */
  also?: { label: string; sort: ClaimSort };
}

const COLUMNS: Column[] = [
  { label: "Quote", className: "col-quote" },
  { label: "Source / chain", className: "col-chain" },
  { label: "Status", sort: "status", className: "col-status" },
  { label: "Cred.", sort: "credibility", className: "col-cred" },
  { label: "Tags", className: "col-tags" },
  { label: "Article", sort: "article", className: "col-article", also: { label: "date", sort: "published" } },
  { label: "Updated", sort: "updated", className: "col-updated" },
];

export function ClaimsView({ state, controller, onOpen, onOpenSource }: Props) {
  const { filters, rows } = state;
  const listId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const words = useRef<HTMLInputElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(500);
  const [selected, setSelected] = useState(0);
  const [tags, setTags] = useState<Tag[]>([]);
  const [sourceKey, setSourceKey] = useState(0);
  const count = rows?.total ?? 0;
  const range = visibleRows(scrollTop, viewport, CLAIM_ROW_HEIGHT, count, OVERSCAN);

  // Fresh rows every time the view is shown: claims may have changed in the reader.
  useEffect(() => {
    controller.refresh();
    words.current?.focus();
    listTags().then(setTags, () => setTags([]));
  }, [controller]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Another result set starts at the top.
  const rowsId = rows?.id;
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setSelected(0);
  }, [rowsId]);

  useEffect(() => {
    controller.showRows(range);
  }, [range.start, range.end, rows, controller]);

  const select = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setSelected(next);
    const element = scroller.current;
    if (!element) return;
    const target = revealRow(next, element.scrollTop, element.clientHeight, CLAIM_ROW_HEIGHT);
    if (target !== null) {
      element.scrollTop = target;
      setScrollTop(target);
    }
  };

  const open = (index: number) => {
    const row = rows ? rowAt(rows, index) : undefined;
    if (row) onOpen(row);
  };

  const pageRows = Math.max(1, Math.floor(viewport / CLAIM_ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    const row = rowForKey(e.key, selected, count, pageRows);
    if (row !== null) {
      e.preventDefault();
      select(row);
    } else if (e.key === "Enter" && count > 0) {
      e.preventDefault();
      open(selected);
    } else if (e.key === "Escape") {
      e.preventDefault();
      words.current?.focus();
    }
  };

  // From the words box, ArrowDown goes to the table and Enter opens the first row.
  const onWordsKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && count > 0) {
      e.preventDefault();
      scroller.current?.focus();
    } else if (e.key === "Enter" && count > 0) {
      e.preventDefault();
      scroller.current?.focus();
      open(selected);
    } else if (e.key === "Escape" && filters.text) {
      e.preventDefault();
      controller.setText("");
    }
  };

  const sourceChoice: SourceChoice = filters.source
    ? { kind: "existing", source: { id: filters.source.id, name: filters.source.name } as never }
    : null;
  const anyFilter = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const body = [];
  if (rows) {
    for (let index = range.start; index < range.end; index++) {
      body.push(<Row
          key={index}
          id={`${listId}-${index}`}
          index={index}
          row={rowAt(rows, index)}
          selected={index === selected}
          onSelect={setSelected}
          onOpen={open}
          onOpenSource={onOpenSource}
          onOnlyArticle={(article, title) => controller.setFilters({ article: { id: article, title } })}
        />);
    }
  }

  let empty: { title: string; hint: string } | null = null;
  if (state.error && !rows) empty = { title: "The claims could not be listed", hint: state.error.message };
  else if (rows && count === 0)
    empty = anyFilter
      ? { title: "No claims match these filters", hint: "Loosen a filter, or clear them all." }
      : { title: "No claims yet", hint: "Open an article in the reader, select what is claimed and press C." };

  return (
    <main className={`claims-view${state.pending ? " pending" : ""}`} data-testid="claims-view" aria-label="Claims">
      <div className="view-filters" role="search" aria-label="Filter claims">
        <input
          ref={words}
          type="search"
          className="text-input view-words"
          data-testid="claims-filter-text"
          aria-label="Words in the quote, note or source"
          placeholder="Find words…"
          title="Words in the quote, the note or a source's name"
          value={filters.text}
          onChange={(e) => controller.setText(e.target.value)}
          onKeyDown={onWordsKey}
        />
        <div className="view-source-filter">
          <SourcePicker
            key={sourceKey}
            choice={sourceChoice}
            testId="claims-filter-source"
            allowCreate={false}
            label="Source"
            placeholder="Source (name or alias)"
            onChange={(choice) => controller.setFilters({ source: choice?.kind === "existing" ? { id: choice.source.id, name: choice.source.name } : null })}
            onSubmit={() => scroller.current?.focus()}
          />
        </div>
        <select
          className="view-select"
          data-testid="claims-filter-status"
          aria-label="Status"
          value={filters.status ?? ""}
          onChange={(e) => controller.setFilters({ status: (e.target.value || null) as ClaimStatus | null })}
        >
          <option value="">Any status</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select
          className="view-select"
          data-testid="claims-filter-credibility"
          aria-label="Credibility"
          value={filters.credibility ?? ""}
          onChange={(e) => controller.setFilters({ credibility: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Any credibility</option>
          {Object.entries(CREDIBILITY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select
          className="view-select"
          data-testid="claims-filter-tag"
          aria-label="Tag"
          value={filters.tag ?? ""}
          onChange={(e) => controller.setFilters({ tag: e.target.value || null })}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name} ({formatCount(t.claims)})
            </option>
          ))}
        </select>
        <label className="view-check">
          <input type="checkbox" data-testid="claims-filter-review" checked={filters.needsReview} onChange={(e) => controller.setFilters({ needsReview: e.target.checked })} />
          Needs review
        </label>
        <label className="view-date">
          <span>From</span>
          <input type="date" className="text-input" data-testid="claims-filter-from" value={filters.from} onChange={(e) => controller.setFilters({ from: e.target.value })} />
        </label>
        <label className="view-date">
          <span>to</span>
          <input type="date" className="text-input" data-testid="claims-filter-to" value={filters.to} onChange={(e) => controller.setFilters({ to: e.target.value })} />
        </label>
        {filters.article && (
          <span className="chip" data-testid="claims-filter-article">
            <span>
              Article: <bdi>{visibleControls(filters.article.title) || "Untitled"}</bdi>
            </span>
            <button type="button" className="chip-remove" aria-label="Show every article's claims" onClick={() => controller.setFilters({ article: null })}>
              ×
            </button>
          </span>
        )}
        {anyFilter && (
          <button
            type="button"
            className="button small"
            data-testid="claims-filter-clear"
            onClick={() => {
              controller.setFilters(NO_FILTERS);
              setSourceKey((k) => k + 1);
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      <div className="view-bar">
        <span className={`result-count${state.pending ? " stale" : ""}`} data-testid="claims-count" role="status">
          {rows ? `${formatCount(count)} ${count === 1 ? "claim" : "claims"}` : "Loading claims…"}
        </span>
        {state.error && rows && (
          <span className="view-error" role="alert">
            {state.error.message}
          </span>
        )}
        <span className="view-hint">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> opens in the reader · <kbd>/</kbd> filter
        </span>
      </div>
      <div className="claims-table" role="grid" aria-label="Claims" aria-rowcount={count + 1}>
        <div className="claims-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => {
            const sorts = [c.sort ? { label: c.label, sort: c.sort } : null, c.also ?? null].filter((x) => x !== null);
            const active = sorts.find((x) => x.sort === state.sort);
            return (
              <div key={c.label} role="columnheader" className={c.className} aria-sort={active ? (state.descending ? "descending" : "ascending") : undefined}>
                {sorts.length === 0
                  ? c.label
                  : sorts.map((x, i) => (
                      <button
                        key={x.sort}
                        type="button"
                        className={`sort-header${i > 0 ? " minor" : ""}`}
                        data-testid={`claims-sort-${x.sort}`}
                        onClick={() => controller.sortBy(x.sort)}
                        title={`Sort by ${x.label.toLowerCase()}`}
                      >
                        {x.label}
                        <span className="sort-arrow" aria-hidden="true">
                          {x.sort === state.sort ? (state.descending ? "▼" : "▲") : ""}
                        </span>
                      </button>
                    ))}
              </div>
            );
          })}
        </div>
        <div
          ref={scroller}
          className="claims-scroll"
          tabIndex={0}
          role="rowgroup"
          data-testid="claims-table"
          aria-activedescendant={count > 0 ? `${listId}-${selected}` : undefined}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
          style={{ "--row-height": `${CLAIM_ROW_HEIGHT}px` } as CSSProperties}
        >
          {empty ? (
            <div className="empty-state" role="status">
              <p className="empty-title">{empty.title}</p>
              <p className="empty-hint">{empty.hint}</p>
            </div>
          ) : (
            <div className="result-list-space" style={{ height: count * CLAIM_ROW_HEIGHT }}>
              {body}
            </div>
          )}
        </div>
      </div>
    </main>
  );
}

interface RowProps {
  id: string;
  index: number;
  row: ClaimRow | undefined;
  selected: boolean;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  onOpenSource: (claim: number, position: number) => void;
  onOnlyArticle: (article: number, title: string) => void;
}

function Row({ id, index, row, selected, onSelect, onOpen, onOpenSource, onOnlyArticle }: RowProps) {
  const style = { transform: `translateY(${index * CLAIM_ROW_HEIGHT}px)` };
  if (!row) {
    return (
      <div id={id} role="row" aria-rowindex={index + 2} aria-selected={selected} aria-busy="true" className="claims-row placeholder" style={style}>
        <span className="visually-hidden">Loading…</span>
      </div>
    );
  }
  const [speaker, ...relays] = row.chain;
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`claims-row${selected ? " selected" : ""}${row.anchor === "needs_review" ? " review" : ""}`}
      data-testid="claim-row"
      data-id={row.id}
      style={style}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(index)}
    >
      <div role="gridcell" className="col-quote" dir="auto" title={visibleControls(row.quote)}>
        {row.anchor === "needs_review" && <span className="review-badge">Review</span>}“{visibleControls(excerpt(row.quote, 140))}”
        {row.note && <span className="claims-note"> — {visibleControls(excerpt(row.note, 80))}</span>}
      </div>
      <div role="gridcell" className="col-chain">
        {speaker ? <SourceLink name={speaker} onOpen={() => onOpenSource(row.id, 0)} /> : <span className="missing">not attributed</span>}
        {relays.map((name, i) => (
          <span key={i} className="claims-relay">
            {" "}
            via <SourceLink name={name} onOpen={() => onOpenSource(row.id, i + 1)} />
          </span>
        ))}
      </div>
      <div role="gridcell" className="col-status">
        <span className={`claim-status-badge status-${row.status}`}>{statusLabel(row.status)}</span>
      </div>
      <div role="gridcell" className="col-cred" title={CREDIBILITY_LABELS[row.credibility]}>
        {row.credibility}
      </div>
      <div role="gridcell" className="col-tags">
        {visibleControls(row.tags.join(", "))}
      </div>
      <div role="gridcell" className="col-article">
        <button
          type="button"
          className="link-button claims-article-title"
          tabIndex={-1}
          title="Only this article's claims"
          data-testid="claims-only-article"
          onClick={(e) => {
            e.stopPropagation();
            onOnlyArticle(row.article, row.article_title);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          <bdi>{visibleControls(row.article_title) || "Untitled"}</bdi>
        </button>
        <span className="claims-article-meta">{[row.outlet && visibleControls(row.outlet), formatPublished(row.published)].filter(Boolean).join(" · ")}</span>
      </div>
      <div role="gridcell" className="col-updated">
        {formatInstant(row.updated)}
      </div>
    </div>
  );
}

/** A source's name in a row: a click opens its page in the sources view. */
function SourceLink({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      className="link-button claims-source-link"
      tabIndex={-1}
      title="Open this source's page"
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <bdi>{visibleControls(name)}</bdi>
    </button>
  );
}
