// The data directory of the UI benchmark: 200,000 articles built from the
// Reuters-21578 and BBC News corpora in ../shared (the same recipe as the Rust
// benchmark's src-tauri/crates/bench/src/corpus.rs), plus one 20 KB and one
// 1 MB article, imported with the release CLI into target/bench-ui/data-200k.
// The directory is reused while `claimdesk stats` reports the expected count.
//
//   node tests/e2e/bench/corpus.mjs [--shared ../shared] [--size 200000]

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, "../../..");
export const BENCH_DIR = path.join(REPO_ROOT, "target/bench-ui");
export const RELEASE_BINARY = path.join(REPO_ROOT, "target/release/claimdesk");
export const DEFAULT_SIZE = 200_000;
const ARTICLES_PER_FILE = 5_000;
const SHUFFLE_SEED = 21_578;

/** The two large articles, found by a word no other article has. */
export const SPECIAL = Object.freeze({
  twentyKay: { word: "benchtwentykay", bytes: 20 * 1024, title: "Benchtwentykay: a long read on grain, oil and the markets" },
  oneMeg: { word: "benchonemeg", bytes: 1024 * 1024, title: "Benchonemeg: a year of trade news in one document" },
});

const lossy = new TextDecoder("utf-8", { fatal: false });

/** `{ reuters, bbc }` under `shared`, or `{ missing }` naming the first directory that is not there. */
export function corpusDirs(shared) {
  const reuters = path.join(shared, "corpora/reuters21578");
  const bbc = path.join(shared, "corpora/bbc");
  for (const dir of [reuters, bbc]) {
    if (!existsSync(dir)) return { missing: dir };
  }
  return { reuters, bbc };
}

/** Every distinct article of both corpora, in a fixed pseudo-random order. */
export function loadBase({ reuters, bbc }) {
  const articles = [];
  for (const file of sortedEntries(reuters).filter((f) => f.endsWith(".sgm"))) {
    articles.push(...parseReuters(lossy.decode(readFileSync(path.join(reuters, file)))));
  }
  for (const category of sortedEntries(bbc).filter((d) => statSync(path.join(bbc, d)).isDirectory())) {
    const dir = path.join(bbc, category);
    for (const file of sortedEntries(dir).filter((f) => f.endsWith(".txt"))) {
      // sport/199.txt is not valid UTF-8: decode lossily rather than lose it.
      const article = parseBbc(lossy.decode(readFileSync(path.join(dir, file))));
      if (article) articles.push(article);
    }
  }
  // Claimdesk drops an article whose normalized title and body it already has.
  const seen = new Set();
  const distinct = articles.filter((a) => {
    const key = `${normalize(a.title)}\n${normalize(a.body)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  shuffle(distinct, SHUFFLE_SEED);
  return distinct;
}

/** Article `n` of a corpus of any size: the base articles in turn, then marked copies. */
export function articleAt(base, n) {
  const article = { ...base[n % base.length] };
  const copy = Math.floor(n / base.length);
  if (copy > 0) {
    article.title = `${article.title} (copy ${copy})`;
    article.body = `${article.body}\n\nBenchmark copy ${copy}.`;
  }
  return article;
}

/**
 * A long article of about `bytes` bytes of UTF-8: consecutive Reuters bodies as
 * paragraphs, the marker word in the first and last paragraph.
 */
export function longArticle(base, { word, bytes, title }, startAt) {
  const paragraphs = [`The ${word} dossier collects trade and market reports for reading in one place.`];
  let size = Buffer.byteLength(paragraphs[0]);
  for (let i = startAt; size < bytes - 200; i = (i + 1) % base.length) {
    const text = base[i].body.replace(/\s+/g, " ").trim();
    paragraphs.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  let body = paragraphs.join("\n\n");
  const end = `\n\nEnd of the ${word} dossier.`;
  // Cut to the size at a space, then close with the marker paragraph.
  let cut = Buffer.from(body).subarray(0, bytes - Buffer.byteLength(end)).toString("utf8").replace(/\uFFFD$/, "");
  cut = cut.slice(0, Math.max(cut.lastIndexOf(" "), 0)).trimEnd();
  body = cut + end;
  return { title, body, outlet: "Claimdesk bench" };
}

/** Writes articles `0..size` and the two long ones as JSON-lines files into `dir`. */
export function writeCorpus(base, size, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let start = 0, file = 0; start < size; start += ARTICLES_PER_FILE, file++) {
    const lines = [];
    for (let n = start; n < Math.min(size, start + ARTICLES_PER_FILE); n++) lines.push(JSON.stringify(articleAt(base, n)));
    writeFileSync(path.join(dir, `${String(file).padStart(5, "0")}.jsonl`), lines.join("\n") + "\n");
  }
  const special = [longArticle(base, SPECIAL.twentyKay, 100), longArticle(base, SPECIAL.oneMeg, 1_000)];
  writeFileSync(path.join(dir, "special.jsonl"), special.map((a) => JSON.stringify(a)).join("\n") + "\n");
  return special.map((a) => ({ title: a.title, bytes: Buffer.byteLength(a.body) }));
}

/** `claimdesk stats --json` of `dataDir`, or null when it cannot be read. */
export function stats(binary, dataDir) {
  if (!existsSync(dataDir)) return null;
  try {
    return JSON.parse(execFileSync(binary, ["--data", dataDir, "stats", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  } catch {
    return null;
  }
}

/**
 * Makes sure `target/bench-ui/data-<size>` holds `size` + 2 articles, building
 * and importing the corpus when it does not. Returns `{ dataDir, stats }`, or
 * `{ skipped }` (a message) when the corpora are not there.
 */
export function ensureData({ shared, size = DEFAULT_SIZE, binary = RELEASE_BINARY, log = console.log }) {
  const dataDir = path.join(BENCH_DIR, `data-${size / 1000}k`);
  const expected = size + 2;
  const before = stats(binary, dataDir);
  if (before && before.articles === expected) {
    log(`bench-ui: reusing ${path.relative(REPO_ROOT, dataDir)} (${before.articles} articles)`);
    return { dataDir, stats: before };
  }
  const dirs = corpusDirs(shared);
  if (dirs.missing) return { skipped: `skipped: ${dirs.missing} not found` };

  log(`bench-ui: building ${size} articles from ${dirs.reuters} and ${dirs.bbc}`);
  const base = loadBase(dirs);
  const corpusDir = path.join(BENCH_DIR, `corpus-${size / 1000}k`);
  const special = writeCorpus(base, size, corpusDir);
  log(`bench-ui: ${base.length} distinct base articles; long articles ${special.map((s) => `${s.bytes} bytes`).join(", ")}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const summary = JSON.parse(
    execFileSync(binary, ["--data", dataDir, "import", corpusDir, "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  log(`bench-ui: imported ${summary.imported} articles (${summary.duplicates} duplicates, ${summary.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  rmSync(corpusDir, { recursive: true, force: true });
  const after = stats(binary, dataDir);
  if (!after || after.articles !== expected) {
    throw new Error(`bench-ui: ${dataDir} holds ${after?.articles} articles after the import, expected ${expected}`);
  }
  return { dataDir, stats: after };
}

// --- parsing (as corpus.rs) ---

export function parseReuters(sgml) {
  const articles = [];
  const close = "</REUTERS>";
  let at = 0;
  for (;;) {
    const start = sgml.indexOf("<REUTERS", at);
    if (start < 0) break;
    const end = sgml.indexOf(close, start);
    const stop = end < 0 ? sgml.length : end + close.length;
    const article = reutersBlock(sgml.slice(start, stop));
    if (article) articles.push(article);
    at = stop;
  }
  return articles;
}

function reutersBlock(block) {
  const text = element(block, "TEXT");
  if (text === null) return null;
  const bodyRaw = element(text, "BODY");
  const titleRaw = element(text, "TITLE");
  if (bodyRaw === null || titleRaw === null) return null;
  const body = unescape(bodyRaw).trim();
  const title = unescape(titleRaw).trim();
  if (!body || !title) return null;
  const article = { title, body, outlet: "Reuters" };
  const published = reutersDate(element(block, "DATE"));
  if (published) article.published = published;
  return article;
}

/** The content of the first `<tag>` or `<tag attributes>` element. */
function element(text, tag) {
  const re = new RegExp(`<${tag}(?:[\\s>])`, "g");
  const m = re.exec(text);
  if (!m) return null;
  const content = text.indexOf(">", m.index) + 1;
  const end = text.indexOf(`</${tag}>`, content);
  return end < 0 ? null : text.slice(content, end);
}

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescape(text) {
  return text.replace(/&(#?\w{1,6});/g, (all, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name.startsWith("#")) {
      const code = Number(name.slice(1));
      if (!Number.isInteger(code)) return all;
      const c = String.fromCodePoint(code);
      return /[\p{Cc}]/u.test(c) && c !== "\n" && c !== "\t" ? "" : c;
    }
    return all;
  });
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** `26-FEB-1987 15:01:01.79` → `1987-02-26T15:01:01Z`. */
function reutersDate(text) {
  const m = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{1,2}):(\d{1,2}))?/.exec(text ?? "");
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toUpperCase());
  if (month < 0) return null;
  const pad = (v) => String(Number(v ?? 0)).padStart(2, "0");
  return `${m[3]}-${pad(month + 1)}-${pad(m[1])}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}Z`;
}

/** A BBC file: the first line is the title, the rest the body. */
function parseBbc(text) {
  const trimmed = text.trimStart();
  const nl = trimmed.indexOf("\n");
  if (nl < 0) return null;
  const title = trimmed.slice(0, nl).trim();
  const body = trimmed.slice(nl + 1).trim();
  return title && body ? { title, body, outlet: "BBC" } : null;
}

/** As Claimdesk's content hash normalizes: NFC, words lower-cased, single spaces. */
function normalize(text) {
  return text.normalize("NFC").split(/\s+/).filter(Boolean).join(" ").toLowerCase();
}

function sortedEntries(dir) {
  return readdirSync(dir).sort();
}

/** Seeded Fisher–Yates (mulberry32). */
function shuffle(items, seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** `../shared` next to the repository, as a path relative to the working directory (for messages). */
export function defaultShared() {
  return path.relative(process.cwd(), path.resolve(REPO_ROOT, "../shared")) || ".";
}

function parseArgs(argv) {
  const args = { shared: defaultShared(), size: DEFAULT_SIZE };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--shared") args.shared = argv[++i];
    else if (argv[i] === "--size") args.size = Number(argv[++i]);
  }
  return args;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const result = ensureData(args);
  if (result.skipped) console.log(result.skipped);
  else console.log(JSON.stringify(result.stats));
}
