// The Export… dialog's logic, kept out of the component so it can be tested:
// the formats and their file names, the selection, the request sent to
// `export_claims`, and what its errors mean for the person.

import type { ClaimQuery, CommandError, ExportFormat, ExportRequest, ExportSummary } from "./backend";

export interface FormatInfo {
  value: ExportFormat;
  label: string;
  /** One line: what the file is and who reads it. */
  explanation: string;
  /** The file name extension, without the dot. */
  extension: string;
  /** The default file name's first word. */
  stem: string;
  /** What one record of this format is, for the counts ("12 claims written"). */
  record: [one: string, many: string];
}

export const FORMATS: readonly FormatInfo[] = [
  {
    value: "w3c",
    label: "W3C Web Annotation (JSON-LD)",
    explanation: "Every detail of each claim, for other annotation tools or to import into another Claimdesk.",
    extension: "jsonld",
    stem: "claims",
    record: ["claim", "claims"],
  },
  {
    value: "csv",
    label: "Claims CSV",
    explanation: "One row per claim with its article, quote, status, credibility, source chain, tags and note.",
    extension: "csv",
    stem: "claims",
    record: ["claim", "claims"],
  },
  {
    value: "sources_csv",
    label: "Sources CSV",
    explanation: "One row per source of the selected claims: kind, aliases, affiliation, reliability.",
    extension: "csv",
    stem: "sources",
    record: ["source", "sources"],
  },
  {
    value: "markdown",
    label: "Brief (Markdown)",
    explanation: "A readable report: claims grouped by source, with reliability, credibility and links between claims.",
    extension: "md",
    stem: "brief",
    record: ["claim", "claims"],
  },
  {
    value: "html",
    label: "Brief (HTML)",
    explanation: "The same report as one self-contained web page, to open in a browser or send.",
    extension: "html",
    stem: "brief",
    record: ["claim", "claims"],
  },
  {
    value: "claimreview",
    label: "ClaimReview (JSON-LD)",
    explanation: "schema.org fact-check markup for the claims with a verdict; unverified claims are left out.",
    extension: "jsonld",
    stem: "claimreview",
    record: ["review", "reviews"],
  },
];

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.value === format) ?? FORMATS[0];
}

/** Which claims go out: one way of choosing at a time. */
export type SelectionKind = "all" | "query" | "tag" | "source";

export interface ExportForm {
  format: ExportFormat;
  selection: SelectionKind;
  query: string;
  tag: string;
  /** The picked source's name and id, or null when none is picked. */
  source: { id: number; name: string } | null;
  path: string;
}

/** Letters and digits of `text`, lower case, joined by hyphens; at most 40 characters. */
export function slug(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if ([...next].length > 40) break;
    out = next;
  }
  return out;
}

/** `claims.csv`, `brief-tag-eu-summit.md`, `claims-source-port-authority.jsonld`, … */
export function defaultFileName(form: Pick<ExportForm, "format" | "selection" | "query" | "tag" | "source">): string {
  const info = formatInfo(form.format);
  const what =
    form.selection === "tag" ? form.tag : form.selection === "source" ? form.source?.name ?? "" : form.selection === "query" ? form.query : "";
  const kind = form.selection === "all" ? "" : slug(what);
  const name = kind ? `${info.stem}-${form.selection}-${kind}` : info.stem;
  return `${name}.${info.extension}`;
}

/** The folder part of a path (with its last separator), or "" when there is none. */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return at < 0 ? "" : path.slice(0, at + 1);
}

/**
 * The path once the format changes: a file name that was the old format's
 * default becomes the new one's, and the old extension is swapped for the
 * new one; any other name the person chose stays as it is.
 */
export function pathForFormat(path: string, from: ExportFormat, to: ExportFormat, fromName: string, toName: string): string {
  if (path.trim() === "") return path;
  const folder = folderOf(path);
  const name = path.slice(folder.length);
  if (name === fromName) return folder + toName;
  const oldExt = `.${formatInfo(from).extension}`;
  const newExt = `.${formatInfo(to).extension}`;
  if (name.toLowerCase().endsWith(oldExt) && name.length > oldExt.length) return folder + name.slice(0, -oldExt.length) + newExt;
  return path;
}

/** A path the backend can write without guessing a working directory. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

/** What is wrong with the form, per field, before anything is asked of the backend. */
export interface FormProblem {
  field: "query" | "tag" | "source" | "path";
  message: string;
}

export type Built = { ok: true; request: ExportRequest } | { ok: false; problem: FormProblem };

/** The `export_claims` request for the form, or the first thing to fix. */
export function buildRequest(form: ExportForm, cleanPath: (text: string) => string = (t) => t.trim()): Built {
  const request: ExportRequest = { format: form.format, query: null, tag: null, source: null, path: "" };
  if (form.selection === "query") {
    const query = form.query.trim();
    if (query === "") return { ok: false, problem: { field: "query", message: "Type a search query, or export all claims." } };
    request.query = query;
  } else if (form.selection === "tag") {
    if (form.tag.trim() === "") return { ok: false, problem: { field: "tag", message: "Choose a tag." } };
    request.tag = form.tag;
  } else if (form.selection === "source") {
    if (!form.source) return { ok: false, problem: { field: "source", message: "Type a name and pick the source from the list." } };
    request.source = form.source.name;
  }
  const path = cleanPath(form.path);
  if (path === "") return { ok: false, problem: { field: "path", message: "Choose where to save the file (Save as…), or type its full path." } };
  if (path.startsWith("~")) return { ok: false, problem: { field: "path", message: "“~” is not expanded here: type the full path, such as /home/you/claims.csv." } };
  if (!isAbsolutePath(path)) return { ok: false, problem: { field: "path", message: "Type the full path of the file, starting with /." } };
  if (/[\\/]$/.test(path)) return { ok: false, problem: { field: "path", message: "This is a folder: add a file name at the end." } };
  request.path = path;
  return { ok: true, request };
}

/**
 * The claims view query whose total is the number of records the export
 * will write, when that can be known beforehand (claims of all, of a tag or
 * of a source, in a format with one record per claim); null otherwise.
 */
export function totalQuery(form: ExportForm): ClaimQuery | null {
  if (form.format === "sources_csv" || form.format === "claimreview" || form.selection === "query") return null;
  if (form.selection === "source" && !form.source) return null;
  return {
    filter: {
      source: form.selection === "source" ? form.source!.id : null,
      tag: form.selection === "tag" ? form.tag : null,
    },
    sort: "updated",
    descending: false,
    offset: 0,
    limit: 0,
  };
}

/** Where an error belongs in the dialog, and what to say. */
export interface ShownError {
  field: "query" | "tag" | "source" | "path" | "general";
  message: string;
  /** For a query: the UTF-16 index of the character the message is about. */
  at: number | null;
}

/** Code points to a UTF-16 index into `text` (past the end stays past the end). */
function utf16At(text: string, codePoints: number): number {
  let unit = 0;
  for (let i = 0; i < codePoints && unit < text.length; i++) unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
  return unit + Math.max(0, codePoints - [...text].length);
}

export function describeExportError(error: CommandError, request: ExportRequest): ShownError {
  switch (error.code) {
    case "query_syntax":
      return {
        field: "query",
        message: error.message,
        at: error.position === null || !request.query ? null : utf16At(request.query, error.position),
      };
    case "source_not_found":
    case "source_ambiguous":
      return { field: "source", message: error.message, at: null };
    case "export_write":
      return { field: "path", message: `The file could not be written: ${error.message.replace(/^cannot write the export: /, "")}`, at: null };
    case "starting":
      return { field: "general", message: error.message, at: null };
    default:
      return { field: "general", message: `The export failed: ${error.message}`, at: null };
  }
}

/** "12 claims written to /home/you/claims.csv" */
export function summaryText(summary: ExportSummary, format: ExportFormat): string {
  return `${recordCount(summary.written, format)} written to ${summary.path}`;
}

export function recordCount(n: number, format: ExportFormat): string {
  const [one, many] = formatInfo(format).record;
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
