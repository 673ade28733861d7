import { describe, expect, it } from "vitest";

import {
  FORMATS,
  buildRequest,
  defaultFileName,
  describeExportError,
  folderOf,
  isAbsolutePath,
  pathForFormat,
  recordCount,
  slug,
  summaryText,
  totalQuery,
  type ExportForm,
} from "./export";
import { cleanPath } from "./links";

const form = (change: Partial<ExportForm> = {}): ExportForm => ({
  format: "csv",
  selection: "all",
  query: "",
  tag: "",
  source: null,
  path: "/home/analyst/claims.csv",
  ...change,
});

describe("formats", () => {
  it("offers the command line's six formats, each with a line of explanation", () => {
    expect(FORMATS.map((f) => f.value)).toEqual(["w3c", "csv", "sources_csv", "markdown", "html", "claimreview"]);
    for (const f of FORMATS) expect(f.explanation.length).toBeGreaterThan(20);
  });
});

describe("defaultFileName", () => {
  it("names the file by format", () => {
    expect(defaultFileName(form({ format: "w3c" }))).toBe("claims.jsonld");
    expect(defaultFileName(form({ format: "csv" }))).toBe("claims.csv");
    expect(defaultFileName(form({ format: "sources_csv" }))).toBe("sources.csv");
    expect(defaultFileName(form({ format: "markdown" }))).toBe("brief.md");
    expect(defaultFileName(form({ format: "html" }))).toBe("brief.html");
    expect(defaultFileName(form({ format: "claimreview" }))).toBe("claimreview.jsonld");
  });

  it("adds the selection, as a slug", () => {
    expect(defaultFileName(form({ selection: "tag", tag: "EU summit" }))).toBe("claims-tag-eu-summit.csv");
    expect(defaultFileName(form({ format: "markdown", selection: "source", source: { id: 3, name: "Anselm Kreel" } }))).toBe("brief-source-anselm-kreel.md");
    expect(defaultFileName(form({ selection: "query", query: 'outlet:"Harbour Times" ceasefire' }))).toBe("claims-query-outlet-harbour-times-ceasefire.csv");
    // Nothing typed yet: the plain name.
    expect(defaultFileName(form({ selection: "tag", tag: "" }))).toBe("claims.csv");
  });

  it("keeps letters of any script, drops accents and punctuation, and stays short", () => {
    expect(slug("Évora – «ports»")).toBe("evora-ports");
    expect(slug("الميناء اليوم")).toBe("الميناء-اليوم");
    expect(slug("../../etc/passwd")).toBe("etc-passwd");
    expect([...slug("word ".repeat(30))].length).toBeLessThanOrEqual(40);
  });
});

describe("pathForFormat", () => {
  it("follows the default name, else swaps the extension, else leaves the path", () => {
    expect(pathForFormat("/tmp/claims.csv", "csv", "w3c", "claims.csv", "claims.jsonld")).toBe("/tmp/claims.jsonld");
    expect(pathForFormat("/tmp/my report.csv", "csv", "markdown", "claims.csv", "brief.md")).toBe("/tmp/my report.md");
    expect(pathForFormat("/tmp/notes.txt", "csv", "markdown", "claims.csv", "brief.md")).toBe("/tmp/notes.txt");
    expect(pathForFormat("", "csv", "w3c", "claims.csv", "claims.jsonld")).toBe("");
  });

  it("finds the folder of a path", () => {
    expect(folderOf("/home/a/claims.csv")).toBe("/home/a/");
    expect(folderOf("C:\\Users\\a\\claims.csv")).toBe("C:\\Users\\a\\");
    expect(folderOf("claims.csv")).toBe("");
  });
});

describe("buildRequest", () => {
  it("sends all claims with no selection", () => {
    expect(buildRequest(form({ format: "w3c", path: "/tmp/out.jsonld" }))).toEqual({
      ok: true,
      request: { format: "w3c", query: null, tag: null, source: null, path: "/tmp/out.jsonld" },
    });
  });

  it("sends only the chosen selection", () => {
    const all = { query: "ceasefire", tag: "ports", source: { id: 4, name: "Port Authority" } };
    const q = buildRequest(form({ ...all, selection: "query", query: "  ceasefire  " }));
    expect(q.ok && q.request).toMatchObject({ query: "ceasefire", tag: null, source: null });
    const t = buildRequest(form({ ...all, selection: "tag" }));
    expect(t.ok && t.request).toMatchObject({ query: null, tag: "ports", source: null });
    const s = buildRequest(form({ ...all, selection: "source" }));
    expect(s.ok && s.request).toMatchObject({ query: null, tag: null, source: "Port Authority" });
  });

  it("says what is missing, by field", () => {
    const problem = (f: ExportForm) => {
      const b = buildRequest(f, cleanPath);
      return b.ok ? null : b.problem.field;
    };
    expect(problem(form({ selection: "query", query: "  " }))).toBe("query");
    expect(problem(form({ selection: "tag" }))).toBe("tag");
    expect(problem(form({ selection: "source" }))).toBe("source");
    expect(problem(form({ path: "" }))).toBe("path");
    expect(problem(form({ path: "claims.csv" }))).toBe("path");
    expect(problem(form({ path: "~/claims.csv" }))).toBe("path");
    expect(problem(form({ path: "/home/analyst/" }))).toBe("path");
  });

  it("takes a pasted, quoted path", () => {
    const b = buildRequest(form({ path: ' "/home/analyst/my claims.csv" ' }), cleanPath);
    expect(b.ok && b.request.path).toBe("/home/analyst/my claims.csv");
  });

  it("knows absolute paths", () => {
    expect(isAbsolutePath("/tmp/a")).toBe(true);
    expect(isAbsolutePath("C:\\a")).toBe(true);
    expect(isAbsolutePath("a/b")).toBe(false);
  });
});

describe("totalQuery", () => {
  it("counts the claims beforehand when one record is one claim", () => {
    expect(totalQuery(form())?.filter).toEqual({ source: null, tag: null });
    expect(totalQuery(form({ selection: "tag", tag: "ports" }))?.filter).toEqual({ source: null, tag: "ports" });
    expect(totalQuery(form({ selection: "source", source: { id: 7, name: "X" } }))?.filter).toEqual({ source: 7, tag: null });
    expect(totalQuery(form())?.limit).toBe(0);
  });

  it("does not guess when it cannot know", () => {
    expect(totalQuery(form({ format: "sources_csv" }))).toBeNull();
    expect(totalQuery(form({ format: "claimreview" }))).toBeNull();
    expect(totalQuery(form({ selection: "query", query: "x" }))).toBeNull();
  });
});

describe("describeExportError", () => {
  const request = { format: "csv" as const, query: "🕊️ title:(bad", tag: null, source: null, path: "/x.csv" };

  it("puts a query error under the query, at the character (code points → UTF-16)", () => {
    const shown = describeExportError({ code: "query_syntax", message: "unclosed parenthesis", position: 2 }, request);
    expect(shown.field).toBe("query");
    // 🕊 is one code point and two UTF-16 units, U+FE0F one of each: code point 2 is the space, at UTF-16 index 3.
    expect(shown.at).toBe(3);
    expect(request.query.slice(shown.at!)).toBe(" title:(bad");
  });

  it("puts an unwritable path under the path", () => {
    const shown = describeExportError({ code: "export_write", message: "cannot write the export: cannot create /root/x: Permission denied (os error 13)", position: null }, request);
    expect(shown).toEqual({ field: "path", message: "The file could not be written: cannot create /root/x: Permission denied (os error 13)", at: null });
  });

  it("puts an unknown source under the source, anything else under the form", () => {
    expect(describeExportError({ code: "source_not_found", message: "no source", position: null }, request).field).toBe("source");
    expect(describeExportError({ code: "database", message: "disk I/O error", position: null }, request)).toMatchObject({ field: "general", message: "The export failed: disk I/O error" });
  });
});

describe("summaryText", () => {
  it("counts what the format writes", () => {
    expect(summaryText({ written: 1, path: "/tmp/c.csv" }, "csv")).toBe("1 claim written to /tmp/c.csv");
    expect(summaryText({ written: 12000, path: "/tmp/s.csv" }, "sources_csv")).toBe("12,000 sources written to /tmp/s.csv");
    expect(recordCount(0, "claimreview")).toBe("0 reviews");
  });
});
