// A source's page: its names (aliases to add and remove), kind, affiliation,
// reliability with its rationale, description, counts by status, the sources
// affiliated with it, every claim it made or relayed across articles (each
// opens in the reader), and merging another source into it.

import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import {
  addAlias,
  mergeSources,
  removeAlias,
  sourcePage,
  toCommandError,
  updateSource,
  type ClaimId,
  type CommandError,
  type Reliability,
  type Source,
  type SourceId,
  type SourceKind,
  type SourcePage as Page,
} from "../lib/backend";
import { excerpt, statusLabel } from "../lib/claims";
import { formatCount, formatPublished } from "../lib/format";
import { mergeSummary, RELIABILITIES, RELIABILITY_LABELS, SOURCE_KINDS } from "../lib/sources";
import { visibleControls } from "../lib/text";
import { SourcePicker, type SourceChoice } from "./SourcePicker";

interface Props {
  id: SourceId;
  revision: number;
  onOpenClaim: (articleId: number, claimId: ClaimId) => void;
  onEdited: (message: string, undoable: boolean) => void;
  /** Shows another source's page (an affiliation or a member). */
  onPick: (id: SourceId) => void;
}

interface Draft {
  name: string;
  kind: SourceKind;
  affiliation: SourceChoice;
  reliability: Reliability;
  rationale: string;
  description: string;
}

function draftOf(s: Source): Draft {
  return {
    name: s.name,
    kind: s.kind,
    affiliation: s.affiliation ? { kind: "existing", source: { ...s.affiliation } as Source } : null,
    reliability: s.reliability,
    rationale: s.reliability_rationale,
    description: s.description,
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  const idOf = (c: SourceChoice) => (c?.kind === "existing" ? c.source.id : c?.kind === "new" ? -1 : null);
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    idOf(a.affiliation) === idOf(b.affiliation) &&
    a.reliability === b.reliability &&
    a.rationale === b.rationale &&
    a.description === b.description
  );
}

export function SourcePage({ id, revision, onOpenClaim, onEdited, onPick }: Props) {
  const [page, setPage] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<CommandError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [alias, setAlias] = useState("");
  const [merge, setMerge] = useState<{ step: "pick" } | { step: "confirm"; absorb: Source } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);

  // The source as last loaded: a reload after another edit (an alias, an undo)
  // keeps what the analyst is typing in the About form unless it was unchanged.
  const loaded = useRef<Source | null>(null);
  const load = useCallback(() => {
    sourcePage(id).then(
      (p) => {
        const before = loaded.current;
        loaded.current = p.source;
        setPage(p);
        setDraft((d) => (d === null || before === null || sameDraft(d, draftOf(before)) ? draftOf(p.source) : d));
        setLoadError(null);
      },
      (e) => setLoadError(toCommandError(e)),
    );
  }, [id]);
  useEffect(() => load(), [load, revision]);

  const run = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      onEdited(message, true);
      return true;
    } catch (e) {
      setError(toCommandError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (loadError) {
    return (
      <section className="source-page empty-state" role="alert">
        <p className="empty-title">{loadError.code === "source_not_found" ? "This source is no longer in the registry" : "The source could not be opened"}</p>
        <p className="empty-hint">{loadError.message}</p>
      </section>
    );
  }
  if (!page || !draft) {
    return (
      <section className="source-page empty-state" role="status">
        <p className="empty-title">Opening the source…</p>
      </section>
    );
  }

  const s = page.source;
  const affiliationId = draft.affiliation?.kind === "existing" ? draft.affiliation.source.id : null;
  const dirty =
    draft.name.trim() !== s.name ||
    draft.kind !== s.kind ||
    affiliationId !== (s.affiliation?.id ?? null) ||
    draft.reliability !== s.reliability ||
    draft.rationale !== s.reliability_rationale ||
    draft.description !== s.description;

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (!dirty || busy) return;
    if (!draft.name.trim()) {
      setError({ code: "invalid_input", message: "A source needs a name.", position: null });
      return;
    }
    void run(
      () =>
        updateSource(id, {
          name: draft.name.trim() !== s.name ? draft.name.trim() : null,
          kind: draft.kind !== s.kind ? draft.kind : null,
          ...(affiliationId !== (s.affiliation?.id ?? null) ? { affiliation: affiliationId } : {}),
          reliability: draft.reliability !== s.reliability ? draft.reliability : null,
          reliability_rationale: draft.rationale !== s.reliability_rationale ? draft.rationale : null,
          description: draft.description !== s.description ? draft.description : null,
        }),
      `Saved “${draft.name.trim()}”`,
    );
  };

  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === "Escape" && dirty) {
      e.preventDefault();
      setDraft(draftOf(s));
      setPickerKey((k) => k + 1);
      setError(null);
    }
  };

  const submitAlias = (e: FormEvent) => {
    e.preventDefault();
    const name = alias.trim();
    if (!name) return;
    void run(() => addAlias(id, name), `Added the alias “${name}”`).then((ok) => ok && setAlias(""));
  };

  const confirmMerge = (absorb: Source) => {
    void run(() => mergeSources(id, absorb.id), `Merged “${absorb.name}” into “${s.name}”`).then((ok) => ok && setMerge(null));
  };

  return (
    <section className="source-page" data-testid="source-page" aria-label={`Source ${s.name}`}>
      <header className="source-page-head">
        <h2 className="source-page-name" data-testid="source-page-name">
          <bdi>{visibleControls(s.name)}</bdi>
        </h2>
        <button type="button" className="button small" data-testid="source-merge" onClick={() => setMerge({ step: "pick" })} disabled={busy}>
          Merge another source into this…
        </button>
      </header>

      {merge?.step === "pick" && (
        <div className="merge-pick" role="group" aria-label="Merge a source into this one" onKeyDown={(e) => e.key === "Escape" && setMerge(null)}>
          <p>
            Which source is the same as <bdi>{visibleControls(s.name)}</bdi>? Its claims and names move here.
          </p>
          <SourcePicker
            choice={null}
            testId="merge-source"
            allowCreate={false}
            exclude={id}
            label="Source to merge into this one"
            placeholder="Name or alias…"
            autoFocus
            onChange={(choice) => choice?.kind === "existing" && setMerge({ step: "confirm", absorb: choice.source })}
            onSubmit={() => {}}
          />
          <button type="button" className="button small" onClick={() => setMerge(null)}>
            Cancel
          </button>
        </div>
      )}
      {merge?.step === "confirm" && (
        <MergeDialog keep={s} absorb={merge.absorb} busy={busy} onConfirm={() => confirmMerge(merge.absorb)} onCancel={() => setMerge(null)} />
      )}

      {error && (
        <p className="claim-error" role="alert" data-testid="source-error">
          {error.message}
        </p>
      )}

      <div className="source-counts" aria-label="Claims by status">
        <span className="source-count-total">
          {formatCount(page.claims.length)} {page.claims.length === 1 ? "claim" : "claims"} in {formatCount(page.articles.length)}{" "}
          {page.articles.length === 1 ? "article" : "articles"}
        </span>
        {page.by_status.map((c) => (
          <span key={c.status} className={`claim-status-badge status-${c.status}${c.count === 0 ? " zero" : ""}`} data-testid="source-status-count">
            {statusLabel(c.status)} {formatCount(c.count)}
          </span>
        ))}
      </div>

      <div className="source-page-body">
        <div className="source-page-main">
      <section className="source-section" aria-label="Claims">
        <h3 className="details-heading">Claims it made or relayed</h3>
        {page.claims.length === 0 ? (
          <p className="details-empty">No claims yet.</p>
        ) : (
          <ul className="source-claims" data-testid="source-claims">
            {page.claims.map(({ claim, role, article_title }) => (
              <li key={claim.id}>
                <button type="button" className="claim-item" data-testid="source-claim" data-claim={claim.id} onClick={() => onOpenClaim(claim.article, claim.id)}>
                  <span className="claim-item-quote" dir="auto">
                    “{visibleControls(excerpt(claim.selector.exact, 160))}”
                  </span>
                  <span className="claim-item-meta">
                    <span className={`claim-status-badge status-${claim.status}`}>{statusLabel(claim.status)}</span>
                    <span>Cred. {claim.credibility}</span>
                    <span>{role === "speaker" ? "said it" : "relayed it"}</span>
                    {claim.anchor === "needs_review" && <span className="review-badge">Review</span>}
                    <bdi className="claim-item-source">{visibleControls(article_title) || "Untitled"}</bdi>
                    <span>added {formatPublished(claim.created)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
        </div>
        <div className="source-page-side">
      <section className="source-section" aria-label="Names">
        <h3 className="details-heading">Aliases</h3>
        <ul className="alias-list" data-testid="source-aliases">
          {s.aliases.length === 0 && <li className="details-empty">No other names yet.</li>}
          {s.aliases.map((a) => (
            <li key={a} className="chip" data-testid="source-alias">
              <bdi>{visibleControls(a)}</bdi>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove the alias ${a}`}
                title="Remove this alias"
                disabled={busy}
                onClick={() => void run(() => removeAlias(id, a), `Removed the alias “${a}”`)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="alias-add" onSubmit={submitAlias}>
          <input
            type="text"
            className="text-input"
            data-testid="source-alias-input"
            aria-label="New alias"
            placeholder="Another name (e.g. “Kremlin spokesman”)"
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
          <button type="submit" className="button small" data-testid="source-alias-add" disabled={!alias.trim() || busy}>
            Add alias
          </button>
        </form>
      </section>

      <form className="source-section source-fields" aria-label="About the source" onSubmit={save} onKeyDown={onFormKey}>
        <h3 className="details-heading">About</h3>
        <label className="claim-field">
          <span>Name</span>
          <input type="text" className="claim-input" data-testid="source-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="claim-field">
          <span>Kind</span>
          <select data-testid="source-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as SourceKind })}>
            {SOURCE_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <div className="claim-field">
          <span>Speaks for (affiliation)</span>
          <SourcePicker
            key={pickerKey}
            choice={draft.affiliation}
            testId="source-affiliation"
            allowCreate={false}
            exclude={id}
            label="Affiliation"
            placeholder="None"
            onChange={(choice) => setDraft((d) => d && { ...d, affiliation: choice })}
            onSubmit={() => save()}
          />
          {s.affiliation && (
            <button type="button" className="link-button" onClick={() => onPick(s.affiliation!.id)}>
              Open <bdi>{visibleControls(s.affiliation.name)}</bdi>
            </button>
          )}
        </div>
        <label className="claim-field">
          <span>Reliability</span>
          <select data-testid="source-reliability" value={draft.reliability} onChange={(e) => setDraft({ ...draft, reliability: e.target.value as Reliability })}>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {RELIABILITY_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="claim-field">
          <span>Why this reliability</span>
          <textarea className="claim-input" rows={2} data-testid="source-rationale" value={draft.rationale} onChange={(e) => setDraft({ ...draft, rationale: e.target.value })} />
        </label>
        <label className="claim-field">
          <span>Description</span>
          <textarea className="claim-input" rows={3} data-testid="source-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </label>
        <div className="claim-actions">
          <button type="submit" className="button primary small" data-testid="source-save" disabled={!dirty || busy}>
            Save changes
          </button>
          {dirty && (
            <span className="claim-hint">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> discards
            </span>
          )}
        </div>
      </form>

      {page.members.length > 0 && (
        <section className="source-section" aria-label="Members">
          <h3 className="details-heading">Speaking for it ({page.members.length})</h3>
          <ul className="member-list">
            {page.members.map((m) => (
              <li key={m.id}>
                <button type="button" className="link-button" onClick={() => onPick(m.id)}>
                  <bdi>{visibleControls(m.name)}</bdi>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

        </div>
      </div>
    </section>
  );
}

interface MergeProps {
  keep: Source;
  absorb: Source;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation of a merge, naming what moves; Escape or Cancel leaves it. */
function MergeDialog({ keep, absorb, busy, onConfirm, onCancel }: MergeProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onMouseDown={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="merge-title"
        aria-describedby="merge-text"
        data-testid="merge-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          } else if (e.key === "Tab") {
            // Keep the focus in the dialog: two buttons, so Tab just switches.
            const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            e.preventDefault();
            buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id="merge-title" className="pane-title">
          Merge two sources?
        </h2>
        <p id="merge-text" dir="auto">
          {visibleControls(mergeSummary(keep, absorb))}
        </p>
        <div className="claim-actions">
          <button ref={confirm} type="button" className="button primary" data-testid="merge-confirm" disabled={busy} onClick={onConfirm}>
            Merge
          </button>
          <button type="button" className="button" data-testid="merge-cancel" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
