// The mock backend's attribution finder (development in a plain browser and
// unit tests only; the real one is the core's `claimdesk-attribution`): in
// each sentence, "X said (that) Y", "“Y,” X said" and "According to X, Y".

import type { SuggestedSourceKind } from "./bindings";

/** A found attribution, as UTF-16 ranges of the body. */
export interface MockFound {
  cue: [number, number];
  source: [number, number] | null;
  content: [number, number] | null;
  kind: SuggestedSourceKind;
  hedged: boolean;
}

const CUES = "said|says|told|denied|denies|warned|confirmed|confirms|announced|announces";

export function findMockSuggestions(body: string, limit = 5000): MockFound[] {
  const found: MockFound[] = [];
  const sentences = /[^.!?\n]+(?:[.!?]+["”]?|$)/g;
  for (let m = sentences.exec(body); m && found.length < limit; m = sentences.exec(body)) {
    const sentence = m[0];
    const at = m.index;
    const quoted = /^\s*(["“][^"”]+["”])\s*,?\s*([^,]+?)\s+(said|says|told)\b/.exec(sentence);
    const according = /^(\s*)(According to)\s+([^,]+),\s*(.+?)[.!?"”]*$/i.exec(sentence);
    const plain = new RegExp(`^(\\s*)(\\S.*?)\\s+(${CUES})\\b(?:\\s+that)?\\s+(.+?)[.!?"”]*$`).exec(sentence);
    if (quoted) {
      const q = sentence.indexOf(quoted[1]);
      const src = sentence.indexOf(quoted[2], q + quoted[1].length);
      const cue = sentence.indexOf(quoted[3], src + quoted[2].length);
      found.push(make(body, at, [cue, cue + quoted[3].length], [src, src + quoted[2].length], [q, q + quoted[1].length]));
    } else if (according) {
      const cue = according[1].length;
      const src = sentence.indexOf(according[3], cue + according[2].length);
      const content = sentence.indexOf(according[4], src + according[3].length);
      found.push(make(body, at, [cue, cue + according[2].length], [src, src + according[3].length], [content, content + according[4].length]));
    } else if (plain) {
      const src = plain[1].length;
      const cue = sentence.indexOf(plain[3], src + plain[2].length);
      const content = sentence.indexOf(plain[4], cue + plain[3].length);
      found.push(make(body, at, [cue, cue + plain[3].length], [src, src + plain[2].length], [content, content + plain[4].length]));
    }
  }
  return found;
}

function make(body: string, at: number, cue: [number, number], source: [number, number], content: [number, number]): MockFound {
  const words = body.slice(at + source[0], at + source[1]);
  return {
    cue: [at + cue[0], at + cue[1]],
    source: [at + source[0], at + source[1]],
    content: [at + content[0], at + content[1]],
    kind: kindOf(words),
    hedged: /\b(reportedly|allegedly|appears? to)\b/i.test(body.slice(at + content[0], at + content[1])),
  };
}

function kindOf(words: string): SuggestedSourceKind {
  if (/^(he|she|they|it)$/i.test(words)) return "pronoun";
  if (/official|sources?\b|anonymity|spokes/i.test(words)) return "anonymous";
  if (/radio|times|ledger|courier|agency|press/i.test(words)) return "outlet";
  if (/ministry|authority|union|office|government|council|port\b/i.test(words)) return "organization";
  if (/^(\p{Lu}[\p{L}'’-]+\s+){1,2}\p{Lu}[\p{L}'’-]+$/u.test(words)) return "person";
  return "unknown";
}

/** Code-point offsets of sorted or unsorted UTF-16 `offsets` in `text`, in one pass. */
export function toCodePointOffsets(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const result = new Array<number>(offsets.length);
  let unit = 0;
  let point = 0;
  for (const i of order) {
    while (unit < offsets[i] && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      point++;
    }
    result[i] = point;
  }
  return result;
}
