// The sources view: the registry on the left (filter box, arrow keys), the
// chosen source's page on the right (SourcePage).

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { listSources, toCommandError, type ClaimId, type CommandError, type Source, type SourceId } from "../lib/backend";
import { formatCount } from "../lib/format";
import { RELIABILITY_LABELS, sourceKindLabel } from "../lib/sources";
import { visibleControls } from "../lib/text";
import { SourcePage } from "./SourcePage";

interface Props {
  /** The source to show first (picked elsewhere), or null. */
  initial: SourceId | null;
  /** Bumped after every edit, undo or redo anywhere: the registry is listed again. */
  revision: number;
  onOpenClaim: (articleId: number, claimId: ClaimId) => void;
  /** A finished edit: `undoable` offers Undo in the toast. */
  onEdited: (message: string, undoable: boolean) => void;
}

export function SourcesView({ initial, revision, onOpenClaim, onEdited }: Props) {
  const [sources, setSources] = useState<Source[] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<SourceId | null>(initial);
  const filterInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const load = useCallback(() => {
    listSources().then(
      (s) => {
        setSources(s);
        setError(null);
      },
      (e) => setError(toCommandError(e)),
    );
  }, []);

  useEffect(() => load(), [load, revision]);
  useEffect(() => filterInput.current?.focus(), []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!sources) return [];
    if (!q) return sources;
    return sources.filter((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q)));
  }, [sources, filter]);

  // A source that is gone (merged away, an undone create) is no longer shown.
  useEffect(() => {
    if (sources && chosen !== null && !sources.some((s) => s.id === chosen)) setChosen(null);
  }, [sources, chosen]);

  const index = shown.findIndex((s) => s.id === chosen);
  const move = (to: number) => {
    if (shown.length === 0) return;
    const next = shown[Math.max(0, Math.min(shown.length - 1, to))];
    setChosen(next.id);
    list.current?.querySelector<HTMLElement>(`[data-source="${next.id}"]`)?.focus();
  };

  const onListKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: shown.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      move(moves[e.key]);
    }
  };

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "ArrowDown" || e.key === "Enter") && shown.length > 0) {
      e.preventDefault();
      move(index >= 0 ? index : 0);
    } else if (e.key === "Escape" && filter) {
      e.preventDefault();
      setFilter("");
    }
  };

  return (
    <main className="sources-view" data-testid="sources-view" aria-label="Sources">
      <section className="sources-registry" aria-label="Source registry">
        <div className="sources-head">
          <input
            ref={filterInput}
            type="search"
            className="text-input"
            data-testid="sources-filter"
            aria-label="Filter sources by name or alias"
            placeholder="Filter by name or alias…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={onFilterKey}
          />
          <span className="result-count" data-testid="sources-count">
            {sources ? `${formatCount(shown.length)} ${shown.length === 1 ? "source" : "sources"}` : "Loading…"}
          </span>
        </div>
        {error ? (
          <div className="empty-state" role="alert">
            <p className="empty-title">The sources could not be listed</p>
            <p className="empty-hint">{error.message}</p>
          </div>
        ) : sources && shown.length === 0 ? (
          <div className="empty-state" role="status">
            <p className="empty-title">{sources.length === 0 ? "No sources yet" : "No source matches"}</p>
            <p className="empty-hint">
              {sources.length === 0 ? "Sources are added when you attribute a claim in the reader." : "Try another name or alias."}
            </p>
          </div>
        ) : (
          <ul ref={list} className="sources-list" role="listbox" aria-label="Sources" onKeyDown={onListKey}>
            {shown.map((s) => (
              <li
                key={s.id}
                role="option"
                aria-selected={s.id === chosen}
                tabIndex={s.id === chosen || (index < 0 && s === shown[0]) ? 0 : -1}
                className={`source-row${s.id === chosen ? " selected" : ""}`}
                data-testid="source-row"
                data-source={s.id}
                onClick={() => setChosen(s.id)}
                onFocus={() => setChosen(s.id)}
              >
                <span className="source-row-name">
                  <bdi>{visibleControls(s.name)}</bdi>
                </span>
                <span className="source-row-meta">
                  <span>{sourceKindLabel(s.kind)}</span>
                  <span className={`reliability-badge rel-${s.reliability}`} title={RELIABILITY_LABELS[s.reliability]}>
                    {s.reliability}
                  </span>
                  <span>
                    {formatCount(s.claims)} {s.claims === 1 ? "claim" : "claims"}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {chosen !== null ? (
        <SourcePage key={chosen} id={chosen} revision={revision} onOpenClaim={onOpenClaim} onEdited={onEdited} onPick={setChosen} />
      ) : (
        <section className="source-page empty-state" role="status">
          <p className="empty-title">Pick a source</p>
          <p className="empty-hint">Its aliases, reliability and every claim it made or relayed appear here.</p>
        </section>
      )}
    </main>
  );
}
