// The claim form beside the reader, for a new claim (a selection) or to edit
// one: what sort of claim it is, how far it stands verified and credible, and
// who says it through whom. Focus starts in it; Ctrl+Enter (or Enter in a
// source field) saves, Escape cancels, and the keys 1–6 set the credibility
// while no text field has the focus.
//
// The chain: the speaker, then any intermediaries ("told AFP"). For each, the
// source mention and the cue ("said") are marked by selecting them in the
// text and pressing the button beside them (or M / U for the link last
// focused).

import { useEffect, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from "react";

import { isTypingTarget } from "../hooks/useShortcuts";
import {
  createClaimWithSources,
  createSource,
  deleteClaim,
  selectSpan,
  toCommandError,
  updateClaim,
  type ArticleId,
  type Claim,
  type ClaimKind,
  type ClaimStatus,
  type CommandError,
  type Selector,
  type Source,
  type Span,
} from "../lib/backend";
import { chainOf, CLAIM_KINDS, CLAIM_STATUSES, CREDIBILITY_LABELS, excerpt, spanText, type DraftLink } from "../lib/claims";
import { visibleControls } from "../lib/text";
import { SourcePicker, type SourceChoice } from "./SourcePicker";

/** What the reader asks of an open form: marks from the current selection (keys M and U). */
export interface ClaimFormHandle {
  mark: (what: "mention" | "cue") => boolean;
}

interface Props {
  articleId: ArticleId;
  /** The article's body, to show marked mentions and cues. */
  body: string;
  /** A new claim of this span… */
  span?: Span;
  /** …or this claim, to edit. */
  claim?: Claim;
  /** The reader's current selection, for marking mentions and cues. */
  selection: Span | null;
  /** Saved (or deleted): the toast's message. */
  onSaved: (message: string) => void;
  onCancel: () => void;
  handle?: Ref<ClaimFormHandle>;
}

type Link = DraftLink<NonNullable<SourceChoice>>;

function linksOf(claim: Claim | undefined): Link[] {
  if (!claim || claim.chain.length === 0) return [{ source: null, role: "speaker", cue: null, mention: null }];
  return claim.chain.map((a) => ({
    source: { kind: "existing", source: { ...a.source, aliases: [] } as unknown as Source },
    role: a.role,
    cue: a.cue,
    mention: a.mention,
  }));
}

export function ClaimForm({ articleId, body, span, claim, selection, onSaved, onCancel, handle }: Props) {
  const editing = claim !== undefined;
  const [selector, setSelector] = useState<Selector | null>(claim?.selector ?? null);
  const [kind, setKind] = useState<ClaimKind>(claim?.kind ?? "factual_assertion");
  const [status, setStatus] = useState<ClaimStatus>(claim?.status ?? "unverified");
  const [credibility, setCredibility] = useState(claim?.credibility ?? 6);
  const [tags, setTags] = useState(claim?.tags.join(", ") ?? "");
  const [note, setNote] = useState(claim?.note ?? "");
  const [links, setLinks] = useState<Link[]>(() => linksOf(claim));
  const [activeLink, setActiveLink] = useState(0);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  useEffect(() => {
    if (!span) return;
    let alive = true;
    selectSpan(articleId, span).then(
      (s) => alive && setSelector(s),
      (e) => alive && setError(toCommandError(e)),
    );
    return () => {
      alive = false;
    };
  }, [articleId, span]);

  const setLink = (index: number, patch: Partial<Link>) => setLinks((all) => all.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const markFromSelection = (index: number, what: "mention" | "cue"): boolean => {
    if (!selection) {
      setError({ code: "no_selection", message: `Select the ${what === "mention" ? "source's name" : "cue (“said”, “according to”)"} in the article first.`, position: null });
      return false;
    }
    setError(null);
    setLink(index, { [what]: { start: selection.start, end: selection.end } });
    return true;
  };

  useImperativeHandle(handle, () => ({ mark: (what) => markFromSelection(Math.min(activeLink, links.length - 1), what) }));

  const save = async () => {
    if (!selector || saving) return;
    setSaving(true);
    setError(null);
    try {
      const tagList = tags.split(",").map((t) => t.trim()).filter(Boolean);
      const fields = { kind, status, credibility, note: note.trim(), tags: tagList };
      const newSource = (name: string, sourceKind: Source["kind"]) => ({
        name,
        kind: sourceKind,
        affiliation: null,
        aliases: [],
        reliability: "F" as const,
        reliability_rationale: "",
        description: "",
      });
      if (claim) {
        // Editing: new sources first; each is picked from then on, so a failed save does not create it twice.
        const resolved: Link[] = [];
        for (const link of links) {
          if (link.source?.kind === "new") {
            const created = await createSource(newSource(link.source.name, link.source.sourceKind));
            resolved.push({ ...link, source: { kind: "existing", source: created } });
          } else resolved.push(link);
        }
        setLinks(resolved);
        const chain = chainOf(resolved, (s) => (s.kind === "existing" ? s.source.id : -1));
        await updateClaim(claim.id, { ...fields, chain });
        onSaved(`Saved claim “${excerpt(claim.selector.exact, 40)}”`);
      } else {
        // A new claim and the new sources of its chain are one step (one undo).
        const kept = links.filter((l) => l.source !== null);
        const chain = chainOf(kept, (s) => (s.kind === "existing" ? s.source.id : 0));
        const fresh = kept.map((l) => (l.source?.kind === "new" ? newSource(l.source.name, l.source.sourceKind) : null));
        const created = await createClaimWithSources({ article: articleId, selector, ...fields, chain }, fresh);
        onSaved(`Added claim “${excerpt(created.selector.exact, 40)}”`);
      }
    } catch (e) {
      setError(toCommandError(e));
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!claim || saving) return;
    setSaving(true);
    try {
      await deleteClaim(claim.id);
      onSaved(`Deleted claim “${excerpt(claim.selector.exact, 40)}”`);
    } catch (e) {
      setError(toCommandError(e));
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      if (confirmDelete) setConfirmDelete(false);
      else onCancel();
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
    <form className="claim-form" data-testid="claim-form" aria-label={editing ? "Edit claim" : "New claim"} onKeyDown={onKeyDown} onSubmit={onSubmit}>
      <div className="claim-form-head">
        <h2 className="pane-title">{editing ? "Edit claim" : "New claim"}</h2>
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
      {links.map((link, i) => (
        <fieldset key={i} className={`claim-link${i === activeLink ? " active" : ""}`} data-testid="claim-link" onFocus={() => setActiveLink(i)}>
          <legend>{i === 0 ? "Source (who says it)" : `Intermediary ${i} (who relays it)`}</legend>
          <div className="claim-link-source">
            <SourcePicker
              choice={link.source}
              testId={i === 0 ? "claim-source" : "claim-intermediary"}
              label={i === 0 ? "Source" : `Intermediary ${i}`}
              placeholder={i === 0 ? "Who says it? (optional)" : "Who relays it? (“AFP”)"}
              onChange={(choice) => setLink(i, { source: choice })}
              onSubmit={() => void save()}
            />
            {i > 0 && (
              <button type="button" className="icon-button" aria-label={`Remove intermediary ${i}`} title="Remove from the chain" onClick={() => setLinks((all) => all.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
          </div>
          <SpanLine
            what="mention"
            label="Mention"
            keyName="M"
            span={link.mention}
            body={body}
            onMark={() => markFromSelection(i, "mention")}
            onClear={() => setLink(i, { mention: null })}
          />
          <SpanLine what="cue" label="Cue" keyName="U" span={link.cue} body={body} onMark={() => markFromSelection(i, "cue")} onClear={() => setLink(i, { cue: null })} />
        </fieldset>
      ))}
      <button
        type="button"
        className="button small claim-add-link"
        data-testid="claim-add-intermediary"
        onClick={() => {
          setLinks((all) => [...all, { source: null, role: "intermediary", cue: null, mention: null }]);
          setActiveLink(links.length);
        }}
      >
        + Add intermediary
      </button>
      {error && (
        <p className="claim-error" role="alert" data-testid="claim-error">
          {error.message}
        </p>
      )}
      <div className="claim-actions">
        <button type="submit" className="button primary" data-testid="claim-save" disabled={!selector || saving}>
          {editing ? "Save changes" : "Save claim"}
        </button>
        {editing &&
          (confirmDelete ? (
            <button type="button" className="button danger" data-testid="claim-delete-confirm" onClick={() => void remove()} autoFocus>
              Delete it
            </button>
          ) : (
            <button type="button" className="button" data-testid="claim-delete" onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          ))}
        <span className="claim-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
      </div>
    </form>
  );
}

interface SpanLineProps {
  what: "mention" | "cue";
  label: string;
  keyName: string;
  span: Span | null;
  body: string;
  onMark: () => void;
  onClear: () => void;
}

/** A marked span of the chain link (the mention or the cue) and the button that marks it from the selection. */
function SpanLine({ what, label, keyName, span, body, onMark, onClear }: SpanLineProps) {
  return (
    <div className="claim-span-line">
      <span className="claim-span-label">{label}:</span>
      {span ? (
        <>
          <q className="claim-span-text" dir="auto" data-testid={`claim-${what}-text`}>
            {visibleControls(excerpt(spanText(body, span), 40))}
          </q>
          <button type="button" className="icon-button small" aria-label={`Clear the ${label.toLowerCase()}`} onClick={onClear}>
            ×
          </button>
        </>
      ) : (
        <span className="missing">not marked</span>
      )}
      <button
        type="button"
        className="button small"
        data-testid={`claim-mark-${what}`}
        title={`Select the ${label.toLowerCase()} in the text, then press this or ${keyName}`}
        aria-label={`Mark the ${label.toLowerCase()} from the selection (${keyName})`}
        // Keeps the text selection: a click on a button must not clear it first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onMark}
      >
        Mark <kbd>{keyName}</kbd>
      </button>
    </div>
  );
}

/** Text fields keep the digit keys; selects and buttons give them to the credibility. */
function isTextField(target: EventTarget | null): boolean {
  return isTypingTarget(target) && !(target instanceof HTMLSelectElement);
}
