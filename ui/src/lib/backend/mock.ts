// A stand-in backend for `npm run dev` in a plain browser, where there is no
// Tauri. It serves made-up articles, including the awkward ones the real app
// must survive (right-to-left text, emoji, markup, a 5 MB line), so the UI can
// be looked at and clicked through. Only loaded in development builds.
//
// `?mock=empty` starts with no articles (first run), `?mock=loading` opens
// slowly with index progress, `?mock=error` fails to open.

import type { Backend, DragDrop, Unlisten } from "./index";
import { findMockSuggestions, toCodePointOffsets } from "./mockSuggestions";
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
  ClaimKind,
  ClaimRow,
  ClaimSort,
  ClaimStatus,
  NewClaim,
  Operation,
  Selector,
  Source,
  SourceKind,
  AttributionSuggestion,
  SuggestedSource,
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

  // Claims and sources in memory. Every edit snapshots the claims and sources
  // first, so undo and redo restore whole states, as the core's operations do.
  let claims: Claim[] = [];
  let sources: Source[] = [];
  type Snapshot = { claims: Claim[]; sources: Source[]; label: string; rejected?: string[] };
  // Rejected suggestions, as "article:cueStart:cueEnd" (undoable with the rest).
  let rejected = new Set<string>();
  const done: Snapshot[] = [];
  const undone: Snapshot[] = [];
  let nextId = 1;
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const operation = (label: string, kind: Operation["kind"]): Operation => ({ id: nextId++, at: now(), actor: "analyst", label, kind, reverses: null, changes: 1 });
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const edit = (label: string) => {
    done.push({ claims: copy(claims), sources: copy(sources), label, rejected: [...rejected] });
    undone.length = 0;
  };
  const notFound = (what: string, id: number) => ({ code: `${what}_not_found`, message: `no ${what} with id ${id}`, position: null });
  const sourceById = (id: number) => {
    const found = sources.find((s) => s.id === id);
    if (!found) throw notFound("source", id);
    return found;
  };
  const claimById = (id: number) => {
    const found = claims.find((c) => c.id === id);
    if (!found) throw notFound("claim", id);
    return found;
  };
  const countClaims = () => sources.forEach((s) => (s.claims = claims.filter((c) => c.chain.some((a) => a.source.id === s.id)).length));
  const chainOf = (links: NewClaim["chain"]) =>
    links.map((link) => {
      const source = sourceById(link.source);
      return { source: { id: source.id, name: source.name, kind: source.kind }, role: link.role, cue: link.cue, mention: link.mention };
    });
  const selectorOf = (articleId: number, start: number, end: number): Selector => {
    const body = [...(articles.find((a) => a.id === articleId)?.body ?? "")];
    const text = (a: number, b: number) => body.slice(Math.max(0, a), Math.max(0, b)).join("");
    return { exact: text(start, end), prefix: text(start - 32, start), suffix: text(end, end + 32), start, end };
  };
  const rowOf = (c: Claim): ClaimRow => {
    const a = articles.find((x) => x.id === c.article);
    return {
      id: c.id,
      article: c.article,
      article_title: a?.title ?? "?",
      outlet: a?.outlet ?? null,
      published: a?.published ?? null,
      quote: c.selector.exact,
      kind: c.kind,
      status: c.status,
      credibility: c.credibility,
      anchor: c.anchor,
      chain: c.chain.map((l) => l.source.name),
      tags: c.tags,
      note: c.note,
      updated: c.updated,
    };
  };

  // A few sources and a few hundred claims to look at (none with ?mock=empty).
  if (mode !== "empty") {
    const seedSources: [string, SourceKind, string[]][] = [
      ["Port Authority", "government_body", ["harbour authority", "the port"]],
      ["Dmitry Peskov", "person", ["Peskov", "Kremlin spokesman"]],
      ["Harbour Union", "organization", []],
      ["Anonymous official", "anonymous", []],
      ["Radio Meridian", "media_outlet", []],
    ];
    for (const [name, kind, aliases] of seedSources) {
      sources.push({ id: nextId, uid: `mock-source-${nextId++}`, name, kind, affiliation: null, aliases, reliability: "C", reliability_rationale: "", description: "", claims: 0, created: "2026-11-20T10:00:00Z", updated: "2026-11-20T10:00:00Z" });
    }
    const statuses: ClaimStatus[] = ["unverified", "corroborated", "disputed", "false", "misleading"];
    const kinds: ClaimKind[] = ["factual_assertion", "statistic", "quote", "prediction", "opinion", "denial"];
    for (let i = 0; i < 340; i++) {
      const articleId = 6 + ((i * 37) % 2000);
      const body = articles.find((a) => a.id === articleId)?.body ?? "";
      const start = (i * 11) % 60;
      const end = Math.min([...body].length, start + 24 + (i % 40));
      const speaker = sources[i % sources.length];
      const relay = i % 4 === 0 ? [sources[(i + 2) % sources.length]] : [];
      const stamp = new Date(Date.UTC(2026, 10, 1 + (i % 24), i % 24)).toISOString().replace(".000", "");
      claims.push({
        id: nextId,
        uid: `mock-claim-${nextId++}`,
        article: articleId,
        selector: selectorOf(articleId, start, end),
        kind: kinds[i % kinds.length],
        status: statuses[i % statuses.length],
        credibility: 1 + (i % 6),
        note: i % 5 === 0 ? "checked against the ministry's release" : "",
        anchor: i % 50 === 7 ? "needs_review" : "anchored",
        review: i % 50 === 7 ? { reason: i % 100 === 7 ? "fuzzy" : "not_found", original: selectorOf(articleId, start, end) } : null,
        tags: i % 3 === 0 ? ["ports"] : i % 3 === 1 ? ["economy", "grain"] : [],
        chain: [
          { source: { id: speaker.id, name: speaker.name, kind: speaker.kind }, role: "speaker", cue: null, mention: null },
          ...relay.map((s) => ({ source: { id: s.id, name: s.name, kind: s.kind }, role: "intermediary" as const, cue: null, mention: null })),
        ],
        created: stamp,
        updated: stamp,
      });
    }
    countClaims();
  }

  const tagColours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1"];
  const sortKey: Record<ClaimSort, (r: ClaimRow) => string | number> = {
    updated: (r) => r.updated,
    published: (r) => r.published ?? "",
    credibility: (r) => r.credibility,
    status: (r) => r.status,
    article: (r) => r.article_title.toLowerCase(),
  };

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
    async pickSaveFile(defaultName) {
      return `/home/analyst/exports/${defaultName}`;
    },
    async exportClaims(request, onProgress) {
      // Checks as the core does (query, source, path), then "writes" slowly
      // enough for the progress bar to be seen. A path under /readonly fails.
      const notReady = starting();
      if (notReady) throw notReady;
      let terms: Term[] | null = null;
      if (request.query != null) {
        try {
          terms = parseQuery(request.query.replace(/[()]/g, " "));
        } catch (e) {
          if (e instanceof QueryError) throw { code: "query_syntax", message: `${e.message} (at character ${e.position + 1})`, position: e.position };
          throw e;
        }
      }
      const fold = (t: string) => t.trim().toLowerCase();
      const source = request.source == null ? null : sources.find((s) => [s.name, ...s.aliases].some((n) => fold(n) === fold(request.source!)));
      if (request.source != null && !source) throw { code: "source_not_found", message: `no source named “${request.source}”`, position: null };
      if (request.path.startsWith("/readonly") || !request.path.startsWith("/")) {
        throw { code: "export_write", message: `cannot write the export: cannot create ${request.path}: Permission denied (os error 13)`, position: null };
      }
      const chosen = claims.filter(
        (c) =>
          (!source || c.chain.some((l) => l.source.id === source.id)) &&
          (request.tag == null || c.tags.some((t) => fold(t) === fold(request.tag!))) &&
          (!terms || terms.every((t) => matches(articles.find((a) => a.id === c.article)!, t) !== t.negated)),
      );
      const records =
        request.format === "sources_csv"
          ? new Set(chosen.flatMap((c) => c.chain.map((l) => l.source.id))).size
          : request.format === "claimreview"
            ? chosen.filter((c) => c.status !== "unverified").length
            : chosen.length;
      for (let written = 10; written < records; written += 10) {
        await delay(50);
        onProgress({ written });
      }
      await delay(40);
      onProgress({ written: records });
      return { written: records, path: request.path };
    },
    async openExternal(url) {
      window.open(url, "_blank", "noopener");
    },
    async onDragDrop(_handler: (event: DragDrop) => void): Promise<Unlisten> {
      return () => {};
    },
    async claimsOfArticle(articleId) {
      return copy(claims.filter((c) => c.article === articleId));
    },
    async selectSpan(articleId, span) {
      return selectorOf(articleId, span.start, span.end);
    },
    async createClaim(claim) {
      const chain = chainOf(claim.chain);
      edit(`Add claim “${claim.selector.exact}”`);
      const created: Claim = { ...claim, uid: claim.uid ?? `mock-claim-${nextId}`, id: nextId++, anchor: "anchored", review: null, chain, tags: [...claim.tags].sort(), created: now(), updated: now() };
      claims.push(created);
      countClaims();
      return copy(created);
    },
    async createClaimWithSources(claim, newSources) {
      const before = { claims: copy(claims), sources: copy(sources) };
      const chain = claim.chain.map((link, i) => {
        const fresh = newSources[i];
        if (!fresh) return link;
        const created: Source = { ...fresh, uid: `mock-source-${nextId}`, id: nextId++, affiliation: null, aliases: [...fresh.aliases].sort(), claims: 0, created: now(), updated: now() };
        sources.push(created);
        return { ...link, source: created.id };
      });
      const created = await this.createClaim({ ...claim, chain });
      // One step to undo: the claim and its new sources.
      done.pop();
      done.push({ ...before, label: `Add claim “${claim.selector.exact}”` });
      return created;
    },
    async updateClaim(id, patch) {
      const found = claimById(id);
      const chain = patch.chain ? chainOf(patch.chain) : null;
      edit(`Edit claim “${found.selector.exact}”`);
      if (patch.selector) {
        found.selector = patch.selector;
        found.anchor = patch.anchor ?? "anchored";
      } else if (patch.anchor) found.anchor = patch.anchor;
      if (found.anchor === "anchored") found.review = null;
      if (patch.status) found.status = patch.status;
      if (patch.kind) found.kind = patch.kind;
      if (patch.credibility) found.credibility = patch.credibility;
      if (patch.note !== null && patch.note !== undefined) found.note = patch.note;
      if (patch.tags) found.tags = [...new Set(patch.tags)].sort();
      if (chain) found.chain = chain;
      found.updated = now();
      countClaims();
      return copy(found);
    },
    async deleteClaim(id) {
      const found = claimById(id);
      edit(`Delete claim “${found.selector.exact}”`);
      claims = claims.filter((c) => c.id !== id);
      countClaims();
    },
    async getClaim(id) {
      return copy(claimById(id));
    },
    async claimPage(query) {
      await delay(10 + Math.random() * 40);
      const f = query.filter;
      const words = (f.text ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean);
      let rows = claims
        .filter(
          (c) =>
            (f.source == null || c.chain.some((l) => l.source.id === f.source)) &&
            (f.status == null || c.status === f.status) &&
            (f.credibility == null || c.credibility === f.credibility) &&
            (f.tag == null || c.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())) &&
            (f.article == null || c.article === f.article) &&
            (f.anchor == null || c.anchor === f.anchor),
        )
        .map(rowOf)
        .filter(
          (r) =>
            (f.published_from == null || (r.published ?? "") >= f.published_from) &&
            (f.published_to == null || (r.published !== null && r.published < f.published_to)) &&
            words.every((w) => [r.quote, r.note, ...r.chain].some((t) => t.toLowerCase().includes(w))),
        );
      const key = sortKey[query.sort];
      rows = rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = x < y ? -1 : x > y ? 1 : a.id - b.id;
        return query.descending ? -order : order;
      });
      return { total: rows.length, rows: rows.slice(query.offset, query.offset + query.limit) };
    },
    async findSources(query) {
      const q = query.trim().toLowerCase();
      return copy(sources.filter((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q))).slice(0, 20));
    },
    async listSources() {
      return copy([...sources].sort((a, b) => a.name.localeCompare(b.name)));
    },
    async createSource(source) {
      const affiliation = source.affiliation === null ? null : sourceById(source.affiliation);
      edit(`Add source “${source.name}”`);
      const created: Source = {
        ...source,
        uid: source.uid ?? `mock-source-${nextId}`,
        id: nextId++,
        affiliation: affiliation && { id: affiliation.id, name: affiliation.name, kind: affiliation.kind },
        aliases: [...source.aliases].sort(),
        claims: 0,
        created: now(),
        updated: now(),
      };
      sources.push(created);
      return copy(created);
    },
    async sourcePage(id) {
      const source = sourceById(id);
      const made = claims
        .filter((c) => c.chain.some((l) => l.source.id === id))
        .sort((a, b) => a.article - b.article || a.selector.start - b.selector.start);
      const statuses: ClaimStatus[] = ["unverified", "corroborated", "disputed", "false", "misleading"];
      return copy({
        source,
        members: sources.filter((s) => s.affiliation?.id === id).map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
        claims: made.map((claim) => ({
          role: claim.chain.find((l) => l.source.id === id)!.role,
          article_title: articles.find((a) => a.id === claim.article)?.title ?? "?",
          claim,
        })),
        by_status: statuses.map((status) => ({ status, count: made.filter((c) => c.status === status).length })),
        articles: [...new Set(made.map((c) => c.article))],
      });
    },
    async updateSource(id, patch) {
      const found = sourceById(id);
      const affiliation = patch.affiliation === undefined ? undefined : patch.affiliation === null ? null : sourceById(patch.affiliation);
      edit(`Edit source “${found.name}”`);
      if (patch.name) found.name = patch.name;
      if (patch.kind) found.kind = patch.kind;
      if (patch.reliability) found.reliability = patch.reliability;
      if (patch.reliability_rationale != null) found.reliability_rationale = patch.reliability_rationale;
      if (patch.description != null) found.description = patch.description;
      if (affiliation !== undefined) found.affiliation = affiliation && { id: affiliation.id, name: affiliation.name, kind: affiliation.kind };
      found.updated = now();
      return copy(found);
    },
    async addAlias(id, alias) {
      const found = sourceById(id);
      if (found.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) throw { code: "alias_taken", message: `“${alias}” is already a name of ${found.name}`, position: null };
      edit(`Add alias “${alias}”`);
      found.aliases = [...found.aliases, alias].sort();
      return copy(found);
    },
    async removeAlias(id, alias) {
      const found = sourceById(id);
      edit(`Remove alias “${alias}”`);
      found.aliases = found.aliases.filter((a) => a !== alias);
      return copy(found);
    },
    async mergeSources(keep, absorb) {
      const kept = sourceById(keep);
      const gone = sourceById(absorb);
      if (keep === absorb) throw { code: "invalid_input", message: "a source cannot be merged into itself", position: null };
      edit(`Merge “${gone.name}” into “${kept.name}”`);
      kept.aliases = [...new Set([...kept.aliases, gone.name, ...gone.aliases])].sort();
      for (const c of claims) for (const l of c.chain) if (l.source.id === absorb) l.source = { id: kept.id, name: kept.name, kind: kept.kind };
      for (const s of sources) if (s.affiliation?.id === absorb) s.affiliation = { id: kept.id, name: kept.name, kind: kept.kind };
      sources = sources.filter((s) => s.id !== absorb);
      countClaims();
      return copy(kept);
    },
    async suggestions(articleId) {
      await delay(40);
      const a = articles.find((x) => x.id === articleId);
      if (!a) throw notFound("article", articleId);
      const found = findMockSuggestions(a.body);
      const points = toCodePointOffsets(
        a.body,
        found.flatMap((f) => [...f.cue, ...(f.source ?? [0, 0]), ...(f.content ?? [0, 0])]),
      );
      const fold = (t: string) => t.trim().toLowerCase();
      const chars = [...a.body];
      const named = (start: number, end: number): SuggestedSource => {
        const text = chars.slice(start, end).join("").trim();
        const known = sources.find((s) => [s.name, ...s.aliases].some((n) => fold(n) === fold(text)));
        return { span: { start, end }, text, known: known ? { id: known.id, name: known.name, kind: known.kind } : null };
      };
      const mine = claims.filter((c) => c.article === articleId);
      return found
        .map((f, i): AttributionSuggestion => {
          const [cs, ce, ss, se, ts, te] = points.slice(6 * i, 6 * i + 6);
          return { cue: { start: cs, end: ce }, source: f.source ? named(ss, se) : null, resolved: null, content: f.content ? { start: ts, end: te } : null, source_kind: f.kind, hedged: f.hedged, chain: [] };
        })
        .filter(
          (s) =>
            !rejected.has(`${articleId}:${s.cue.start}:${s.cue.end}`) &&
            !mine.some((c) => c.chain.some((l) => l.cue?.start === s.cue.start && l.cue?.end === s.cue.end) || (s.content && c.selector.start === s.content.start && c.selector.end === s.content.end)),
        );
    },
    async acceptSuggestion(articleId, accept) {
      const s = (await this.suggestions(articleId)).find((x) => x.cue.start === accept.cue.start && x.cue.end === accept.cue.end);
      if (!s) throw { code: "suggestion_not_found", message: "this suggestion is no longer offered", position: null };
      if (!s.content) throw { code: "suggestion_without_content", message: "this suggestion has no content to record", position: null };
      const selector = selectorOf(articleId, s.content.start, s.content.end);
      edit(`Accept suggestion “${selector.exact}”`);
      let speaker: Source | null = null;
      if (s.source?.known) {
        speaker = sourceById(s.source.known.id);
        if (![speaker.name, ...speaker.aliases].includes(s.source.text)) speaker.aliases = [...speaker.aliases, s.source.text].sort();
      } else if (s.source) {
        const kinds: Record<string, SourceKind> = { organization: "organization", outlet: "media_outlet", anonymous: "anonymous" };
        speaker = { id: nextId, uid: `mock-source-${nextId++}`, name: s.source.text, kind: kinds[s.source_kind] ?? "person", affiliation: null, aliases: [], reliability: "F", reliability_rationale: "", description: "", claims: 0, created: now(), updated: now() };
        sources.push(speaker);
      }
      const created: Claim = {
        id: nextId,
        uid: `mock-claim-${nextId++}`,
        article: articleId,
        selector,
        kind: accept.kind,
        status: accept.status,
        credibility: accept.credibility,
        note: s.hedged ? "The text hedges it (“reportedly”, “allegedly”…)." : "",
        anchor: "anchored",
        review: null,
        tags: [],
        chain: speaker ? [{ source: { id: speaker.id, name: speaker.name, kind: speaker.kind }, role: "speaker", cue: s.cue, mention: s.source?.span ?? null }] : [],
        created: now(),
        updated: now(),
      };
      claims.push(created);
      countClaims();
      return copy(created);
    },
    async rejectSuggestion(articleId, cue) {
      const a = articles.find((x) => x.id === articleId);
      if (!a) throw notFound("article", articleId);
      edit(`Reject suggestion “${[...a.body].slice(cue.start, cue.end).join("")}”`);
      rejected.add(`${articleId}:${cue.start}:${cue.end}`);
    },
    async listTags() {
      const names = [...new Set(claims.flatMap((c) => c.tags))].sort();
      return names.map((name, i) => ({ id: i + 1, name, colour: tagColours[i % tagColours.length], claims: claims.filter((c) => c.tags.includes(name)).length, articles: 0 }));
    },
    async undo() {
      const last = done.pop();
      if (!last) throw { code: "nothing_to_undo", message: "nothing to undo", position: null };
      undone.push({ claims: copy(claims), sources: copy(sources), label: last.label, rejected: [...rejected] });
      claims = last.claims;
      sources = last.sources;
      if (last.rejected) rejected = new Set(last.rejected);
      return operation(last.label, "undo");
    },
    async redo() {
      const last = undone.pop();
      if (!last) throw { code: "nothing_to_redo", message: "nothing to redo", position: null };
      done.push({ claims: copy(claims), sources: copy(sources), label: last.label, rejected: [...rejected] });
      claims = last.claims;
      sources = last.sources;
      if (last.rejected) rejected = new Set(last.rejected);
      return operation(last.label, "redo");
    },
  };
}
