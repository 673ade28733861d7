// Facet filters live beside the text the person typed, as chips, and are
// added to it as query-language terms when searching (docs/query-language.md).

export type FilterField = "outlet" | "published";

export interface Filter {
  field: FilterField;
  value: string;
}

/**
 * The query-language term for a filter. Outlets are quoted as a phrase; the
 * language has no escape for `"` inside a phrase, so a quote in a name is
 * replaced by a space, which the index's tokenizer splits on anyway.
 */
export function filterTerm(filter: Filter): string {
  if (filter.field === "published") return `published:${filter.value.replace(/[^0-9-]/g, "")}`;
  const phrase = filter.value.replace(/"/g, " ").trim();
  return `outlet:"${phrase}"`;
}

export function sameFilter(a: Filter, b: Filter): boolean {
  return a.field === b.field && a.value === b.value;
}

export function addFilter(filters: readonly Filter[], filter: Filter): Filter[] {
  return filters.some((f) => sameFilter(f, filter)) ? [...filters] : [...filters, filter];
}

export function removeFilter(filters: readonly Filter[], filter: Filter): Filter[] {
  return filters.filter((f) => !sameFilter(f, filter));
}

export interface BuiltQuery {
  /** What is sent to the backend. */
  query: string;
  /** Code-point offset of the typed text inside `query`. */
  baseStart: number;
  /** Length of the typed text in code points. */
  baseLength: number;
}

/** `OR` as an operator: in capitals, as a word of its own. */
const OR_OPERATOR = /(^|[\s()])OR(?=[\s()]|$)/;

/**
 * The full query: the typed text, then one term per filter. Typed text with
 * an `OR` is put in parentheses, because `a OR b outlet:"X"` would mean
 * `a OR (b AND outlet:"X")` and let unfiltered articles through; other text
 * is left as typed so that error positions point into it unchanged.
 */
export function buildQuery(base: string, filters: readonly Filter[]): BuiltQuery {
  const baseLength = [...base].length;
  if (filters.length === 0) return { query: base, baseStart: 0, baseLength };
  const terms = filters.map(filterTerm).join(" ");
  if (base.trim() === "") return { query: terms, baseStart: 0, baseLength: 0 };
  if (OR_OPERATOR.test(base)) return { query: `(${base}) ${terms}`, baseStart: 1, baseLength };
  return { query: `${base} ${terms}`, baseStart: 0, baseLength };
}

/**
 * Where a syntax error at code point `position` of the full query falls in
 * the typed text, or null when it lies in the filter terms. Errors on the
 * parentheses added around the text are shown at its start or end.
 */
export function errorPositionInBase(built: BuiltQuery, position: number): number | null {
  const inBase = position - built.baseStart;
  if (inBase < 0) return 0;
  if (inBase <= built.baseLength) return inBase;
  if (built.baseStart === 1 && inBase === built.baseLength + 1) return built.baseLength;
  return null;
}
