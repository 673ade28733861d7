// A stand-in backend for `npm run dev` in a plain browser, where there is no
// Tauri. It serves made-up articles, including the awkward ones the real app
// must survive (right-to-left text, emoji, markup, a 5 MB line), so the UI can
// be looked at and clicked through. Only loaded in development builds.
//
// `?mock=empty` starts with no articles (first run), `?mock=loading` opens
// slowly with index progress, `?mock=error` fails to open.

import type { Backend, DragDrop, Unlisten } from "./index";
import type {
  Article,
  ArticleView,
  DeskStatus,
  FacetCount,
  ImportProgress,
  ImportSummary,
  IndexProgress,
  SearchHit,
  SearchRequest,
  SearchResults,
  Claim,
  Operation,
  Source,
} from "./bindings";

const OUTLETS = ["Harbour Times", "The Northern Ledger", "Radio Meridian", "Coastal Courier", "الصحيفة اليومية", "东方日报"];
const SUBJECTS = ["The port authority", "A senior official", "The harbour union", "Ministry spokespeople", "Local fishermen", "The mayor's office"];
const VERBS = ["denies", "confirms", "disputes", "welcomes", "questions", "announces"];
const OBJECTS = ["ceasefire talks", "new tariffs on grain", "the flood report", "a fuel shortage", "the bridge contract", "election observers"];
const SENTENCES = [
  "According to a statement released on Monday, the figures were revised twice before publication.",
  "Officials speaking on condition of anonymity said the negotiations had stalled over the timetable.",
  "The claim could not be independently verified, and two other outlets reported different numbers.",
  "Residents interviewed near the harbour described long queues and rising prices.",
  "A spokesperson declined to comment on the reports, citing an ongoing review.",
  "Earlier coverage attributed the quote to a different official, which the ministry later corrected.",
];

function article(id: number, fields: Partial<Article> & Pick<Article, "title" | "body">): Article {
  return {
    id,
    outlet: OUTLETS[id % OUTLETS.length],
    author: id % 3 === 0 ? null : `Reporter ${id % 17}`,
    url: `https://example.org/news/${id}`,
    published: new Date(Date.UTC(2019 + (id % 7), id % 12, 1 + (id % 27))).toISOString().replace(".000", ""),
    language: "en",
    content_hash: (id * 2654435761).toString(16).padStart(8, "0").repeat(8),
    origin: { path: `/home/analyst/corpus/batch-${Math.floor(id / 500)}.jsonl`, format: "jsonl", record: (id % 500) + 1 },
    imported_at: "2026-11-20T09:30:00Z",
    ...fields,
  };
}

function generated(id: number): Article {
  const pick = <T>(list: T[], salt: number) => list[(id * 7 + salt * 13) % list.length];
  const paragraphs = [0, 1, 2, 3].map((p) => [0, 1, 2].map((s) => pick(SENTENCES, p * 3 + s)).join(" "));
  return article(id, { title: `${pick(SUBJECTS, 1)} ${pick(VERBS, 2)} ${pick(OBJECTS, 3)}`, body: paragraphs.join("\n\n") });
}

function special(id: number): Article[] {
  return [
    article(id, {
      title: "الميناء يعلن عن محادثات وقف إطلاق النار",
      body: "قال مسؤول كبير إن محادثات وقف إطلاق النار ستستأنف يوم الاثنين.\n\nوأضاف أن الوفدين اتفقا على جدول زمني جديد، وفقًا لبيان صادر عن الوزارة.",
      language: "ar",
      outlet: "الصحيفة اليومية",
    }),
    article(id + 1, {
      title: "Ceasefire 🕊️ talks resume — 停火谈判恢复",
      body: "Negotiators 👩🏽‍💼 met again on Tuesday to discuss the ceasefire.\n\n停火谈判于周二恢复，双方代表在港口会面。\n\nThe 🕊️ emoji trended as the ceasefire news spread.",
      language: "en",
    }),
    article(id + 2, {
      title: "<script>window.__claimdesk_canary=1</script> Hostile markup test",
      body: "Text with <img src=x onerror=\"window.__claimdesk_canary=2\"> inside.\n\nA link: <a href=\"javascript:alert(1)\">click</a>\n\nControl characters: [\u0007] [\u001b[31m] [\u0000] end.",
      url: "javascript:window.__claimdesk_canary=3",
    }),
    article(id + 3, {
      title: "A very long report (1 MB in paragraphs)",
      body: Array.from({ length: 2400 }, (_, i) => `Paragraph ${i + 1}. ${SENTENCES.join(" ")}`).join("\n\n"),
    }),
    article(id + 4, {
      title: "One giant line (5 MB without a break)",
      body: "ceasefire ".repeat(5) + "lorem ipsum dolor sit amet ".repeat(190_000),
    }),
  ];
}

interface Term {
  field: string | null;
  text: string;
  negated: boolean;
}

class QueryError {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

/** A rough reading of the query language: enough to try the UI, not to test the core. */
function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  const re = /\s*(-?)(?:([A-Za-z]+):)?(?:"([^"]*)("?)|([^\s"()]+))\s*/y;
  let at = 0;
  while (at < query.length) {
    re.lastIndex = at;
    const m = re.exec(query);
    const position = [...query.slice(0, at + (query.slice(at).length - query.slice(at).trimStart().length))].length;
    if (!m) {
      if (query.slice(at).trim() === "") break;
      throw new QueryError("this character is not understood here", position);
    }
    at = re.lastIndex;
    if (m[3] !== undefined && m[4] === "") throw new QueryError('unclosed quote: add the closing "', position + m[1].length + (m[2] ? m[2].length + 1 : 0));
    const field = m[2]?.toLowerCase() ?? null;
    if (field && !["title", "body", "outlet", "author", "lang", "published"].includes(field)) {
      throw new QueryError(`unknown field "${m[2]}" — fields are title, body, outlet, author, lang, published`, position);
    }
    const text = (m[3] ?? m[5] ?? "").toLowerCase();
    if (text === "or" || text === "and") continue;
    terms.push({ field, text, negated: m[1] === "-" });
  }
  return terms.filter((t) => t.text !== "");
}

function matches(a: Article, term: Term): boolean {
  switch (term.field) {
    case "outlet":
      return (a.outlet ?? "").toLowerCase().includes(term.text);
    case "published":
      return (a.published ?? "").startsWith(term.text);
    case "lang":
      return a.language === term.text;
    case "title":
      return a.title.toLowerCase().includes(term.text);
    default:
      return a.title.toLowerCase().includes(term.text) || a.body.toLowerCase().includes(term.text);
  }
}

/** Code-point ranges of the searched words in `text`. */
function highlightsIn(text: string, terms: Term[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term.negated || (term.field && term.field !== "body" && term.field !== "title")) continue;
    for (let i = lower.indexOf(term.text); i >= 0; i = lower.indexOf(term.text, i + term.text.length)) {
      ranges.push([i, i + term.text.length]);
      if (ranges.length > 5000) break;
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  return toCodePoints(text, ranges);
}

function toCodePoints(text: string, ranges: [number, number][]): [number, number][] {
  const edges = ranges.flat();
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const map = new Map<number, number>();
  let unit = 0;
  let cp = 0;
  for (const edge of sorted) {
    while (unit < edge) {
      const c = text.codePointAt(unit)!;
      unit += c > 0xffff ? 2 : 1;
      cp++;
    }
    map.set(edge, cp);
  }
  return ranges.map(([s, e]) => [map.get(s)!, map.get(e)!]);
}

function snippetOf(a: Article, terms: Term[]): Pick<SearchHit, "snippet" | "highlights"> {
  const lower = a.body.slice(0, 200_000).toLowerCase();
  const first = terms.map((t) => lower.indexOf(t.text)).filter((i) => i >= 0);
  const at = first.length ? Math.min(...first) : 0;
  const start = Math.max(0, at - 60);
  const snippet = a.body.slice(start, start + 220).replace(/\s+/g, " ");
  return { snippet, highlights: highlightsIn(snippet, terms) };
}

function facet(values: (string | null)[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createMockBackend(): Backend {
  const mode = new URLSearchParams(location.search).get("mock") ?? "";
  const articles: Article[] = mode === "empty" ? [] : [...special(1), ...Array.from({ length: 12_000 }, (_, i) => generated(i + 6))];
  let status: DeskStatus = { ready: false, error: null, data_dir: null };
  let cancelled = false;
  const statusHandlers = new Set<(s: DeskStatus) => void>();
  const progressHandlers = new Set<(p: IndexProgress) => void>();

  const opening = (async () => {
    if (mode === "loading") {
      for (let done = 0; done <= 5000; done += 250) {
        await delay(200);
        progressHandlers.forEach((h) => h({ done, total: 5000 }));
      }
    }
    await delay(150);
    status =
      mode === "error"
        ? { ready: false, error: { code: "data_dir_in_use", message: "the data directory /home/analyst/.local/share/claimdesk is in use by another Claimdesk", position: null }, data_dir: null }
        : { ready: true, error: null, data_dir: "/home/analyst/.local/share/claimdesk" };
    statusHandlers.forEach((h) => h(status));
  })();
  void opening;

  async function runImport(count: number, names: string[], onProgress: (p: ImportProgress) => void): Promise<ImportSummary> {
    cancelled = false;
    const summary: ImportSummary = { imported: 0, duplicates: 0, updated: 0, needs_review: 0, failed: 0, errors: [], warnings: [], cancelled: false };
    for (let i = 0; i < count; i++) {
      if (cancelled) return { ...summary, cancelled: true };
      await delay(120);
      const name = names[i % names.length];
      if (name.includes("bad")) {
        summary.failed++;
        summary.errors.push({ path: name, error: "not UTF-8 text and no encoding could be guessed" });
      } else if (i % 9 === 8) {
        summary.duplicates++;
      } else {
        const id = articles.length + 10;
        articles.push(generated(id));
        summary.imported++;
        if (i % 7 === 3) summary.warnings.push({ path: name, error: "3 invalid bytes replaced with U+FFFD" });
      }
      onProgress({ files_done: i + 1, files_total: count, imported: summary.imported, duplicates: summary.duplicates, updated: 0, needs_review: 0, failed: summary.failed });
    }
    return summary;
  }

  // Claims and sources in memory, with a one-step-at-a-time undo of creates.
  const claims: Claim[] = [];
  const sources: Source[] = [];
  const undone: Claim[] = [];
  let nextId = 1;
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const operation = (label: string, kind: Operation["kind"]): Operation => ({ id: nextId++, at: now(), actor: "analyst", label, kind, reverses: null, changes: 1 });

  const starting = () => (status.ready ? null : { code: "starting", message: "Claimdesk is still opening its data; try again in a moment", position: null });

  return {
    async deskStatus() {
      return status;
    },
    async onDeskStatus(handler) {
      statusHandlers.add(handler);
      return () => statusHandlers.delete(handler);
    },
    async onOpenProgress(handler) {
      progressHandlers.add(handler);
      return () => progressHandlers.delete(handler);
    },
    async search(request: SearchRequest): Promise<SearchResults> {
      await delay(20 + Math.random() * 80);
      const notReady = starting();
      if (notReady) throw notReady;
      let terms: Term[];
      try {
        terms = parseQuery(request.query.replace(/[()]/g, " "));
      } catch (e) {
        if (e instanceof QueryError) throw { code: "query_syntax", message: `${e.message} (at character ${e.position + 1})`, position: e.position };
        throw e;
      }
      const found = articles.filter((a) => terms.every((t) => matches(a, t) !== t.negated));
      if (request.sort === "date") found.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
      const page = found.slice(request.offset, request.offset + request.limit);
      return {
        query: request.query,
        total: found.length,
        hits: page.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, score: 1, ...snippetOf(a, terms) })),
        facets: { outlet: facet(found.map((a) => a.outlet)), year: facet(found.map((a) => a.published?.slice(0, 4) ?? null)).sort((a, b) => b.value.localeCompare(a.value)) },
      };
    },
    async openArticle(id, query): Promise<ArticleView> {
      await delay(30);
      const found = articles.find((a) => a.id === id);
      if (!found) throw { code: "article_not_found", message: `no article with id ${id}`, position: null };
      let terms: Term[] = [];
      try {
        terms = parseQuery(query.replace(/[()]/g, " "));
      } catch {
        terms = [];
      }
      return { article: found, highlights: highlightsIn(found.body, terms) };
    },
    async stats() {
      const notReady = starting();
      if (notReady) throw notReady;
      return {
        articles: articles.length,
        audit_entries: articles.length,
        indexed_documents: articles.length,
        database_bytes: 0,
        index_bytes: 0,
        database_schema_version: 1,
        index_schema_version: 1,
        app_version: "0.1.0-mock",
        data_dir: status.data_dir ?? "",
      };
    },
    importPaths: (paths, onProgress) => runImport(Math.max(paths.length, 12), paths, onProgress),
    importSamples: (onProgress) => runImport(24, ["samples/harbour.md", "samples/ledger.html", "samples/feed.xml"], onProgress),
    async cancelImport() {
      cancelled = true;
    },
    async pickFiles() {
      return ["/home/analyst/inbox/report.md", "/home/analyst/inbox/bad-encoding.txt"];
    },
    async pickFolders() {
      return ["/home/analyst/corpus"];
    },
    async openExternal(url) {
      window.open(url, "_blank", "noopener");
    },
    async onDragDrop(_handler: (event: DragDrop) => void): Promise<Unlisten> {
      return () => {};
    },
    async claimsOfArticle(articleId) {
      return claims.filter((c) => c.article === articleId);
    },
    async selectSpan(articleId, span) {
      const body = [...(articles.find((a) => a.id === articleId)?.body ?? "")];
      const text = (a: number, b: number) => body.slice(Math.max(0, a), Math.max(0, b)).join("");
      return { exact: text(span.start, span.end), prefix: text(span.start - 32, span.start), suffix: text(span.end, span.end + 32), start: span.start, end: span.end };
    },
    async createClaim(claim) {
      const chain = claim.chain.map((link) => {
        const source = sources.find((s) => s.id === link.source);
        return { source: { id: link.source, name: source?.name ?? "?", kind: source?.kind ?? "person" }, role: link.role, cue: link.cue, mention: link.mention };
      });
      const created: Claim = { ...claim, id: nextId, uid: `mock-claim-${nextId++}`, anchor: "anchored", review: null, chain, tags: [...claim.tags].sort(), created: now(), updated: now() };
      claims.push(created);
      undone.length = 0;
      return created;
    },
    async updateClaim(id, patch) {
      const found = claims.find((c) => c.id === id);
      if (!found) throw { code: "claim_not_found", message: `no claim with id ${id}`, position: null };
      if (patch.status) found.status = patch.status;
      if (patch.kind) found.kind = patch.kind;
      if (patch.credibility) found.credibility = patch.credibility;
      if (patch.note !== null && patch.note !== undefined) found.note = patch.note;
      return found;
    },
    async deleteClaim(id) {
      const at = claims.findIndex((c) => c.id === id);
      if (at >= 0) claims.splice(at, 1);
    },
    async findSources(query) {
      const q = query.trim().toLowerCase();
      return sources.filter((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q))).slice(0, 20);
    },
    async createSource(source) {
      const created: Source = { ...source, id: nextId, uid: `mock-source-${nextId++}`, affiliation: null, aliases: [...source.aliases].sort(), claims: 0, created: now(), updated: now() };
      sources.push(created);
      return created;
    },
    async addAlias(id, alias) {
      const found = sources.find((s) => s.id === id);
      if (!found) throw { code: "source_not_found", message: `no source with id ${id}`, position: null };
      found.aliases = [...found.aliases, alias].sort();
      return found;
    },
    async undo() {
      const last = claims.pop();
      if (!last) throw { code: "nothing_to_undo", message: "nothing to undo", position: null };
      undone.push(last);
      return operation(`Add claim “${last.selector.exact}”`, "undo");
    },
    async redo() {
      const last = undone.pop();
      if (!last) throw { code: "nothing_to_redo", message: "nothing to redo", position: null };
      claims.push(last);
      return operation(`Add claim “${last.selector.exact}”`, "redo");
    },
  };
}
