#!/usr/bin/env python3
"""Derives the cue-particle lexicon from PolNeAR's training split.

Writes word counts only, never text: for a cue's last word followed by a
particle ("called for", "said that"), how often the particle was inside the
cue and how often outside (cue_particles.tsv). The per-word cue counts
(cues.tsv) and the cue model (cue_weights.tsv) are written by
`examples/derive_weights.rs`, with the crate's own tokens.

    python3 lexicon/derive.py ../shared/corpora/polnear/train lexicon/
"""
import collections
import glob
import os
import re
import sys

TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]")
PARTICLES = {"about", "for", "of", "on", "to", "as", "off", "with", "at", "out", "up", "in", "that", "against", "into"}
MIN_PARTICLE = 4


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
    particles = collections.defaultdict(lambda: [0, 0])
    seen = set()
    for ann in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        stem = os.path.basename(ann)[:-4].rsplit("_", 1)[0]
        if stem in seen:  # several annotators: count each text once
            continue
        seen.add(stem)
        text = open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8").read()
        tokens = [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text)]
        starts = {t[0]: i for i, t in enumerate(tokens)}
        ends = {t[1]: i for i, t in enumerate(tokens)}
        for cue in gold_cues(ann):
            if len(cue) != 1 or cue[0][0] not in starts or cue[0][1] not in ends:
                continue
            i, j = starts[cue[0][0]], ends[cue[0][1]]
            if j > i and tokens[j][2] in PARTICLES:
                particles[(tokens[j - 1][2], tokens[j][2])][0] += 1
            elif j + 1 < len(tokens) and tokens[j + 1][2] in PARTICLES:
                particles[(tokens[j][2], tokens[j + 1][2])][1] += 1
    with open(os.path.join(out_dir, "cue_particles.tsv"), "w", encoding="utf-8") as f:
        f.write("# cue word\tparticle\tparticle inside the cue\tright after it, outside (PolNeAR train; counts only)\n")
        for (w, p), (inside, outside) in sorted(particles.items()):
            if inside + outside >= MIN_PARTICLE:
                f.write(f"{w}\t{p}\t{inside}\t{outside}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
