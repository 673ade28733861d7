// Words for sources: kinds and the Admiralty reliability scale, and what a
// merge moves (for the confirmation).

import type { Reliability, Source, SourceKind } from "./backend/bindings";

export const SOURCE_KINDS: readonly { value: SourceKind; label: string }[] = [
  { value: "person", label: "Person" },
  { value: "organization", label: "Organization" },
  { value: "government_body", label: "Government body" },
  { value: "media_outlet", label: "Media outlet" },
  { value: "anonymous", label: "Anonymous" },
  { value: "document", label: "Document" },
];

export const sourceKindLabel = (kind: SourceKind) => SOURCE_KINDS.find((k) => k.value === kind)?.label ?? kind;

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: "A Completely reliable",
  B: "B Usually reliable",
  C: "C Fairly reliable",
  D: "D Not usually reliable",
  E: "E Unreliable",
  F: "F Cannot be judged",
};

export const RELIABILITIES: readonly Reliability[] = ["A", "B", "C", "D", "E", "F"];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentence of the merge confirmation: what moves from `absorb` to `keep`. */
export function mergeSummary(keep: Pick<Source, "name">, absorb: Pick<Source, "name" | "aliases" | "claims">): string {
  const names = plural(absorb.aliases.length + 1, "name", "names");
  const claims = plural(absorb.claims, "claim", "claims");
  return `“${absorb.name}” goes into “${keep.name}”: its ${claims} and ${names} (“${absorb.name}” becomes an alias${
    absorb.aliases.length ? `, with ${absorb.aliases.map((a) => `“${a}”`).join(", ")}` : ""
  }) move over, and “${absorb.name}” leaves the registry. You can undo this.`;
}
