#!/usr/bin/env python3
"""Derives the cue lexicon from PolNeAR's training split.

Writes word counts only, never text: for each lower-cased word, how often it
lies inside a gold Cue span and how often it occurs at all (cues.tsv), and for
adjacent word pairs, how often both lie in one Cue span (cue_pairs.tsv).

    python3 lexicon/derive.py ../shared/corpora/polnear/train lexicon/
"""
import collections
import glob
import os
import re
import sys

TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]")
MIN_CUE, MIN_RATIO = 2, 0.15
MIN_PAIR = 3


def gold_cues(ann_path):
    spans, cue_ids, texts = {}, set(), {}
    for line in open(ann_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, ranges = parts[1].split(" ", 1)
            spans[parts[0]] = [tuple(map(int, r.split())) for r in ranges.split(";")]
        elif parts[0].startswith("E"):
            for arg in parts[1].split():
                role, tid = arg.split(":")
                if role.rstrip("0123456789") == "Cue":
                    cue_ids.add(tid)
    return [spans[t] for t in cue_ids if t in spans]


def main(split, out_dir):
    words, cue_words = collections.Counter(), collections.Counter()
    pairs = collections.Counter()
    seen = set()
    for ann in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        stem = os.path.basename(ann)[:-4].rsplit("_", 1)[0]
        if stem in seen:  # several annotators: count each text once
            continue
        seen.add(stem)
        text = open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8").read()
        owner = {}
        for n, cue in enumerate(gold_cues(ann)):
            for a, b in cue:
                for i in range(a, b):
                    owner[i] = n
        prev = None
        for m in TOKEN.finditer(text):
            w = m.group().lower()
            words[w] += 1
            o = owner.get(m.start())
            if o is not None:
                cue_words[w] += 1
                if prev is not None and prev[1] == o:
                    pairs[(prev[0], w)] += 1
            prev = (w, o)
    with open(os.path.join(out_dir, "cues.tsv"), "w", encoding="utf-8") as f:
        f.write("# word\tinside a gold cue\toccurrences (PolNeAR train; counts only)\n")
        for w, c in sorted(cue_words.items(), key=lambda x: (-x[1], x[0])):
            if c >= MIN_CUE and c / words[w] >= MIN_RATIO:
                f.write(f"{w}\t{c}\t{words[w]}\n")
    with open(os.path.join(out_dir, "cue_pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("# first word\tsecond word\tboth in one gold cue (PolNeAR train; counts only)\n")
        for (a, b), c in sorted(pairs.items(), key=lambda x: (-x[1], x[0])):
            if c >= MIN_PAIR:
                f.write(f"{a}\t{b}\t{c}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
