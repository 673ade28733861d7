// Export…: which format, which claims (all, a search, a tag, a source) and
// where to save them; then the export's progress and what it wrote. The same
// choices as `claimdesk export`. A modal dialog: Tab stays inside it, Escape
// closes it (a running export goes on and says when it is done).

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import type { Exporter } from "../hooks/useExport";
import { claimPage, listTags, pickSaveFile, type ExportFormat, type Tag } from "../lib/backend";
import {
  FORMATS,
  buildRequest,
  defaultFileName,
  describeExportError,
  folderOf,
  formatInfo,
  pathForFormat,
  recordCount,
  totalQuery,
  type ExportForm,
  type SelectionKind,
  type ShownError,
} from "../lib/export";
import { formatCount } from "../lib/format";
import { cleanPath } from "../lib/links";
import { visibleControls } from "../lib/text";
import { SourcePicker, type SourceChoice } from "./SourcePicker";
import "../styles/export.css";

interface Props {
  exporter: Exporter;
  /** The search the desk shows, to prefill the query. */
  currentQuery: string;
  onClose: () => void;
}

/** The folder of the last export, for the next one's default path. */
let lastFolder = "";

const SELECTIONS: readonly { value: SelectionKind; label: string }[] = [
  { value: "all", label: "All claims" },
  { value: "query", label: "Claims in the articles a search finds" },
  { value: "tag", label: "Claims with a tag" },
  { value: "source", label: "Claims a source made or relayed" },
];

export function ExportPanel({ exporter, currentQuery, onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const { state } = exporter;
  const failed = state.phase === "failed" ? state : null;
  const [form, setForm] = useState<ExportForm>(() => {
    const base: ExportForm = { format: "w3c", selection: "all", query: currentQuery.trim(), tag: "", source: null, path: "" };
    const previous = state.phase === "idle" ? null : state.request;
    if (previous) base.format = previous.format;
    return { ...base, path: lastFolder ? lastFolder + defaultFileName(base) : "" };
  });
  const [sourceChoice, setSourceChoice] = useState<SourceChoice>(null);
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [allCount, setAllCount] = useState<number | null>(null);
  const [problem, setProblem] = useState<ShownError | null>(() => (failed ? describeExportError(failed.error, failed.request) : null));

  useEffect(() => {
    listTags().then(setTags, () => setTags([]));
    claimPage({ filter: {}, sort: "updated", descending: false, offset: 0, limit: 0 }).then(
      (page) => setAllCount(page.total),
      () => {},
    );
  }, []);

  // A failed export brings the form back with the error where it belongs;
  // a finished one makes its folder the next one's.
  useEffect(() => {
    if (state.phase === "failed") setProblem(describeExportError(state.error, state.request));
    if (state.phase === "finished") lastFolder = folderOf(state.summary.path);
  }, [state]);

  // The first focus: the field with the error, the chosen format, or what the dialog shows instead of the form.
  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    if (state.phase === "failed") {
      const shown = describeExportError(state.error, state.request);
      if (focusField(root, shown.field)) return;
    }
    (root.querySelector<HTMLElement>("[data-autofocus]") ?? root.querySelector<HTMLElement>("input:checked"))?.focus();
  }, [state]);

  /** Changes the form; a path whose file name was the default follows the new default. */
  const update = (change: Partial<ExportForm>) => {
    setForm((f) => {
      const next = { ...f, ...change };
      if (change.path === undefined) next.path = pathForFormat(f.path, f.format, next.format, defaultFileName(f), defaultFileName(next));
      return next;
    });
    setProblem((p) => (p && (change.path !== undefined ? p.field === "path" : p.field !== "path") ? null : p));
  };

  const chooseFile = () => {
    const name = defaultFileName(form);
    const folder = folderOf(cleanPath(form.path)) || lastFolder;
    // A dialog that fails to open leaves the typed path as it was.
    pickSaveFile(folder + name, formatInfo(form.format).extension).then(
      (path) => path && update({ path }),
      () => {},
    );
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (state.phase === "running") return;
    const built = buildRequest(form, cleanPath);
    if (!built.ok) {
      setProblem({ ...built.problem, at: null });
      if (dialog.current) focusField(dialog.current, built.problem.field);
      return;
    }
    setProblem(null);
    exporter.start(built.request, totalQuery(form));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The window's shortcuts (Ctrl+K, J and K, Ctrl+1…) must not act behind the dialog.
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === "Tab") {
      trapTab(e);
    }
  };

  const errorFor = (field: ShownError["field"]) =>
    problem?.field === field ? <FieldError id={`${id}-${field}-error`} error={problem} query={form.query} /> : null;
  const describedBy = (field: ShownError["field"]) => (problem?.field === field ? `${id}-${field}-error` : undefined);

  let content;
  if (state.phase === "running") {
    const { written, expected } = state;
    const known = expected !== null && expected > 0;
    content = (
      <div className="export-running" data-testid="export-progress">
        <p className="export-line" role="status">
          {known ? `${formatCount(Math.min(written, expected))} of ${recordCount(expected, state.request.format)} written` : `${recordCount(written, state.request.format)} written`}
        </p>
        {known ? (
          <progress max={expected} value={Math.min(written, expected)} aria-label="Records written" />
        ) : (
          <progress aria-label="Exporting" />
        )}
        <p className="export-path" dir="auto">
          {visibleControls(state.request.path)}
        </p>
        <p className="panel-hint">
          An export cannot be stopped once it runs. You can close this dialog: the export goes on, and a message says when it is done. The file appears only once it
          is complete.
        </p>
        <div className="export-actions">
          <button type="button" className="button" data-testid="export-close" data-autofocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    );
  } else if (state.phase === "finished") {
    const { summary, request } = state;
    content = (
      <div className="export-done" data-testid="export-summary">
        <p className="export-line" role="status">
          <span className="export-check" aria-hidden="true">
            ✓
          </span>{" "}
          {recordCount(summary.written, request.format)} written to
        </p>
        <p className="export-path" dir="auto" data-testid="export-summary-path">
          {visibleControls(summary.path)}
        </p>
        {summary.written === 0 && (
          <p className="panel-note">
            {request.format === "claimreview"
              ? "None of these claims has a verdict (unverified claims are left out of ClaimReview); the file holds an empty list."
              : "The selection holds no claims; the file was written without any."}
          </p>
        )}
        <div className="export-actions">
          <button type="button" className="button" data-testid="export-again" onClick={exporter.reset}>
            Export again…
          </button>
          <button type="button" className="button primary" data-testid="export-done" data-autofocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  } else {
    const info = formatInfo(form.format);
    content = (
      <form className="export-form" onSubmit={submit} noValidate>
        <fieldset className="export-group">
          <legend>Format</legend>
          <div className="export-formats">
            {FORMATS.map((f) => (
              <label key={f.value} className={`export-choice${form.format === f.value ? " checked" : ""}`} data-testid={`export-format-${f.value}`}>
                <input type="radio" name={`${id}-format`} value={f.value} checked={form.format === f.value} onChange={() => update({ format: f.value as ExportFormat })} />
                <span className="export-choice-text">
                  <span className="export-choice-label">
                    {f.label} <span className="export-ext">.{f.extension}</span>
                  </span>
                  <span className="export-choice-help">{f.explanation}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="export-group">
          <legend>Claims</legend>
          {SELECTIONS.map((s) => (
            <div key={s.value} className="export-selection">
              <label className="export-choice compact" data-testid={`export-selection-${s.value}`}>
                <input
                  type="radio"
                  name={`${id}-selection`}
                  value={s.value}
                  checked={form.selection === s.value}
                  onChange={() => update({ selection: s.value })}
                />
                <span className="export-choice-label">
                  {s.label}
                  {s.value === "all" && allCount !== null && <span className="export-count"> ({formatCount(allCount)})</span>}
                </span>
              </label>
              {s.value === "query" && (
                <div className={`export-detail${form.selection === "query" ? "" : " inactive"}`} onMouseDown={() => form.selection !== "query" && update({ selection: "query" })}>
                  <input
                    type="text"
                    className="text-input export-query"
                    data-testid="export-query"
                    data-field="query"
                    aria-label="Search query"
                    aria-invalid={problem?.field === "query"}
                    aria-describedby={describedBy("query")}
                    placeholder="e.g. ceasefire outlet:Reuters"
                    spellCheck={false}
                    autoComplete="off"
                    value={form.query}
                    onChange={(e) => update({ query: e.target.value, selection: "query" })}
                  />
                  {errorFor("query")}
                </div>
              )}
              {s.value === "tag" && (
                <div className={`export-detail${form.selection === "tag" ? "" : " inactive"}`} onMouseDown={() => form.selection !== "tag" && update({ selection: "tag" })}>
                  <span className="export-select">
                    <select
                      className="text-input"
                      data-testid="export-tag"
                      data-field="tag"
                      aria-label="Tag"
                      aria-invalid={problem?.field === "tag"}
                      aria-describedby={describedBy("tag")}
                      value={form.tag}
                      onChange={(e) => update({ tag: e.target.value, selection: "tag" })}
                    >
                      <option value="">{tags === null ? "Loading tags…" : tags.length === 0 ? "No tags yet" : "Choose a tag"}</option>
                      {tags?.map((t) => (
                        <option key={t.id} value={t.name}>
                          {visibleControls(t.name)} ({formatCount(t.claims)})
                        </option>
                      ))}
                    </select>
                  </span>
                  {errorFor("tag")}
                </div>
              )}
              {s.value === "source" && (
                <div
                  className={`export-detail${form.selection === "source" ? "" : " inactive"}`}
                  data-field="source"
                  onMouseDown={() => form.selection !== "source" && update({ selection: "source" })}
                  onInput={() => form.selection !== "source" && update({ selection: "source" })}
                >
                  <SourcePicker
                    choice={sourceChoice}
                    onChange={(choice) => {
                      setSourceChoice(choice);
                      update({ source: choice?.kind === "existing" ? { id: choice.source.id, name: choice.source.name } : null, selection: "source" });
                    }}
                    onSubmit={() => submit()}
                    testId="export-source"
                    allowCreate={false}
                    label="Source"
                    placeholder="Type a name or an alias"
                  />
                  {errorFor("source")}
                </div>
              )}
            </div>
          ))}
        </fieldset>

        <div className="export-group">
          <label className="export-label" htmlFor={`${id}-path`}>
            Save to
          </label>
          <div className="path-row">
            <input
              id={`${id}-path`}
              type="text"
              className="text-input"
              data-testid="export-path"
              data-field="path"
              aria-invalid={problem?.field === "path"}
              aria-describedby={describedBy("path")}
              placeholder={`/home/you/${defaultFileName(form)}`}
              spellCheck={false}
              autoComplete="off"
              value={form.path}
              onChange={(e) => update({ path: e.target.value })}
            />
            <button type="button" className="button" data-testid="export-browse" onClick={chooseFile}>
              Save as…
            </button>
          </div>
          {errorFor("path")}
          <p className="panel-hint">
            {info.label} files end in .{info.extension}. The file appears only once the export is complete; a file of the same name is replaced.
          </p>
        </div>

        {errorFor("general")}
        <div className="export-actions">
          <button type="button" className="button" data-testid="export-close" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="export-submit">
            Export
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        ref={dialog}
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="export-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="panel-title">
          {state.phase === "running" ? "Exporting…" : state.phase === "finished" ? "Export finished" : "Export claims"}
        </h2>
        {content}
      </div>
    </div>
  );
}

/** An error under its field; a query's error repeats the query with the character marked. */
function FieldError({ id, error, query }: { id: string; error: ShownError; query: string }) {
  const at = error.at;
  let echo = null;
  if (error.field === "query" && at !== null && query.length > 0) {
    const text = query.trim();
    const point = at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : " ";
    echo = (
      <code className="query-echo" dir="auto" aria-hidden="true">
        {visibleControls(text.slice(0, at))}
        <mark className="query-error-at">{visibleControls(point)}</mark>
        {visibleControls(text.slice(at + point.length))}
      </code>
    );
  }
  return (
    <div id={id} className="export-error" data-testid="export-error" data-field={error.field} role="alert">
      <p className="export-error-message">{visibleControls(error.message)}</p>
      {echo}
    </div>
  );
}

/** Focuses the control of a field (the input inside a container); false when there is none. */
function focusField(root: HTMLElement, field: string): boolean {
  const el = root.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const control = el && (el.matches("input, select") ? el : el.querySelector<HTMLElement>("input, select"));
  control?.focus();
  return !!control;
}

/** Keeps Tab and Shift+Tab inside the dialog: from the last control to the first and back. */
function trapTab(e: KeyboardEvent<HTMLDivElement>) {
  const focusable = [
    ...e.currentTarget.querySelectorAll<HTMLElement>("input:not([disabled]), select:not([disabled]), button:not([disabled]), [href], textarea"),
  ].filter((el) => {
    if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked) {
      // Only the checked radio of a group takes a Tab stop.
      const group = e.currentTarget.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`);
      return ![...group].some((r) => r.checked);
    }
    return el.getClientRects().length > 0;
  });
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
