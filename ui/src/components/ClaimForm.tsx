// The claim form beside the reader: what sort of claim the selection is, how
// far it stands verified and credible, and who says it. Focus starts in it;
// Ctrl+Enter (or Enter in the source field) saves, Escape cancels, and the
// keys 1–6 set the credibility while no text field has the focus.

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { isTypingTarget } from "../hooks/useShortcuts";
import {
  createClaim,
  createSource,
  selectSpan,
  toCommandError,
  type ArticleId,
  type Claim,
  type ClaimKind,
  type ClaimStatus,
  type CommandError,
  type Selector,
  type Span,
} from "../lib/backend";
import { CLAIM_KINDS, CLAIM_STATUSES, CREDIBILITY_LABELS, excerpt } from "../lib/claims";
import { visibleControls } from "../lib/text";
import { SourcePicker, type SourceChoice } from "./SourcePicker";

interface Props {
  articleId: ArticleId;
  span: Span;
  onSaved: (claim: Claim) => void;
  onCancel: () => void;
}

export function ClaimForm({ articleId, span, onSaved, onCancel }: Props) {
  const [selector, setSelector] = useState<Selector | null>(null);
  const [kind, setKind] = useState<ClaimKind>("factual_assertion");
  const [status, setStatus] = useState<ClaimStatus>("unverified");
  const [credibility, setCredibility] = useState(6);
  const [tags, setTags] = useState("");
  const [note, setNote] = useState("");
  const [source, setSource] = useState<SourceChoice>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  useEffect(() => {
    let alive = true;
    selectSpan(articleId, span).then(
      (s) => alive && setSelector(s),
      (e) => alive && setError(toCommandError(e)),
    );
    return () => {
      alive = false;
    };
  }, [articleId, span]);

  const save = async () => {
    if (!selector || saving) return;
    setSaving(true);
    setError(null);
    try {
      let speaker: number | null = null;
      if (source?.kind === "existing") speaker = source.source.id;
      else if (source?.kind === "new") {
        const created = await createSource({
          name: source.name,
          kind: source.sourceKind,
          affiliation: null,
          aliases: [],
          reliability: "F",
          reliability_rationale: "",
          description: "",
        });
        speaker = created.id;
        // Picked from now on, so a failed claim save does not create it twice.
        setSource({ kind: "existing", source: created });
      }
      const claim = await createClaim({
        article: articleId,
        selector,
        kind,
        status,
        credibility,
        note: note.trim(),
        tags: tags.split(",").map((t) => t.trim()).filter(Boolean),
        chain: speaker === null ? [] : [{ source: speaker, role: "speaker", cue: null, mention: null }],
      });
      onSaved(claim);
    } catch (e) {
      setError(toCommandError(e));
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (/^[1-6]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextField(e.target)) {
      e.preventDefault();
      setCredibility(Number(e.key));
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  // Enter in a one-line field moves on rather than submitting early; the source field saves.
  const onFieldEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) e.preventDefault();
  };

  return (
    <form className="claim-form" data-testid="claim-form" aria-label="New claim" onKeyDown={onKeyDown} onSubmit={onSubmit}>
      <div className="claim-form-head">
        <h2 className="pane-title">New claim</h2>
        <button type="button" className="icon-button" aria-label="Cancel" title="Cancel (Esc)" onClick={onCancel}>
          ×
        </button>
      </div>
      <blockquote className="claim-quote" dir="auto">
        {selector ? visibleControls(excerpt(selector.exact, 240)) : "…"}
      </blockquote>
      <label className="claim-field">
        <span>Kind</span>
        <select ref={first} data-testid="claim-kind" value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>
          {CLAIM_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="claim-field">
        <span>Status</span>
        <select data-testid="claim-status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
          {CLAIM_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="claim-field">
        <span>
          Credibility <kbd>1</kbd>–<kbd>6</kbd>
        </span>
        <select data-testid="claim-credibility" value={credibility} onChange={(e) => setCredibility(Number(e.target.value))}>
          {Object.entries(CREDIBILITY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="claim-field">
        <span>Tags</span>
        <input type="text" data-testid="claim-tags" className="claim-input" placeholder="comma, separated" value={tags} onChange={(e) => setTags(e.target.value)} onKeyDown={onFieldEnter} />
      </label>
      <label className="claim-field">
        <span>Note</span>
        <input type="text" data-testid="claim-note" className="claim-input" value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={onFieldEnter} />
      </label>
      <div className="claim-field">
        <span>Source</span>
        <SourcePicker choice={source} onChange={setSource} onSubmit={() => void save()} />
      </div>
      {error && (
        <p className="claim-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="claim-actions">
        <button type="submit" className="button primary" data-testid="claim-save" disabled={!selector || saving}>
          Save claim
        </button>
        <span className="claim-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
      </div>
    </form>
  );
}

/** Text fields keep the digit keys; selects and buttons give them to the credibility. */
function isTextField(target: EventTarget | null): boolean {
  return isTypingTarget(target) && !(target instanceof HTMLSelectElement);
}
