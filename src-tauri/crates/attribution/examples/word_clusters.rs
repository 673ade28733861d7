//! Learns word classes from unlabeled news text by Brown clustering (Brown
//! et al. 1992, with the window of Liang 2005) and writes `word<TAB>bits`
//! lines: each word's path in the class hierarchy, so that a prefix of the
//! bits names a coarser class. Words and class paths only, no text.
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example word_clusters -- \
//!     OUT.tsv CLUSTERS MIN_COUNT DIR_OR_FILE…
//! ```
//!
//! Each input is a Reuters-21578 `.sgm` file (the `<BODY>` of each story
//! is read), a `.txt` file, or a folder searched for either. Bytes that are
//! not UTF-8 are replaced. Tokens are the cue model's (`claimdesk_attribution::words`).
//!
//! The algorithm: words with at least MIN_COUNT occurrences, most frequent
//! first; the first CLUSTERS words start as one class each; each further word
//! enters as a class of its own and the two classes whose merge loses the
//! least average mutual information between adjacent classes are merged.
//! When every word has entered, merging goes on down to one class, and those
//! last merges give the bits. Merge losses are kept in a table and updated
//! after each change (Liang 2005, §3.2), which costs O(CLUSTERS²) per word;
//! `CHECK=1` in the environment recomputes every loss from scratch now and
//! then and fails on a difference.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: word_clusters OUT.tsv CLUSTERS MIN_COUNT DIR_OR_FILE…");
        std::process::exit(1);
    }
    let clusters: usize = args[2].parse().expect("CLUSTERS");
    let min_count: u32 = args[3].parse().expect("MIN_COUNT");
    let mut files = Vec::new();
    for a in &args[4..] {
        collect(Path::new(a), &mut files);
    }
    files.sort();
    let started = Instant::now();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut docs: Vec<Vec<u32>> = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        let texts: Vec<String> =
            if f.extension().is_some_and(|e| e == "sgm") { bodies(&text) } else { vec![text.into_owned()] };
        for t in texts {
            let ids = claimdesk_attribution::words(&t)
                .into_iter()
                .map(|w| {
                    let next = names.len() as u32;
                    *index.entry(w.clone()).or_insert_with(|| {
                        names.push(w);
                        next
                    })
                })
                .collect();
            docs.push(ids);
        }
    }
    let tokens: usize = docs.iter().map(Vec::len).sum();
    eprintln!("{} files, {} texts, {tokens} tokens, {} types", files.len(), docs.len(), names.len());
    let mut counts = vec![0u32; names.len()];
    for d in &docs {
        for &w in d {
            counts[w as usize] += 1;
        }
    }
    // Vocabulary: frequent words, most frequent first.
    let mut vocab: Vec<u32> = (0..names.len() as u32).filter(|&w| counts[w as usize] >= min_count).collect();
    vocab.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(names[a as usize].cmp(&names[b as usize])));
    let mut rank = vec![u32::MAX; names.len()];
    for (r, &w) in vocab.iter().enumerate() {
        rank[w as usize] = r as u32;
    }
    // Bigrams of vocabulary words (by rank), both directions.
    let v = vocab.len();
    let mut right: Vec<HashMap<u32, u32>> = vec![HashMap::new(); v];
    for d in &docs {
        for pair in d.windows(2) {
            let (a, b) = (rank[pair[0] as usize], rank[pair[1] as usize]);
            if a != u32::MAX && b != u32::MAX {
                *right[a as usize].entry(b).or_default() += 1;
            }
        }
    }
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let right: Vec<Vec<(u32, u32)>> = right
        .into_iter()
        .enumerate()
        .map(|(a, m)| {
            let mut list: Vec<(u32, u32)> = m.into_iter().collect();
            list.sort_unstable();
            for &(b, c) in &list {
                left[b as usize].push((a as u32, c));
            }
            list
        })
        .collect();
    let unigram: Vec<f64> = vocab.iter().map(|&w| f64::from(counts[w as usize])).collect();
    eprintln!("{v} words with ≥ {min_count} occurrences; read in {:.1} s", started.elapsed().as_secs_f64());
    let check = std::env::var("CHECK").is_ok_and(|c| c == "1");
    let bits = brown(&unigram, &right, &left, tokens as f64, clusters, check);
    eprintln!("clustered in {:.1} s", started.elapsed().as_secs_f64());
    let mut out =
        String::from("# word\tBrown class path (Reuters-21578, BBC News and PolNeAR train texts; words only)\n");
    for (r, &w) in vocab.iter().enumerate() {
        out += &format!("{}\t{}\n", names[w as usize], bits[r]);
    }
    std::fs::write(&args[1], out).expect("write");
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).expect("read dir").flatten() {
            collect(&e.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "sgm" || e == "txt") {
        out.push(path.to_path_buf());
    }
}

/// The story bodies of a Reuters-21578 SGML file, entities decoded.
fn bodies(sgml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sgml;
    while let Some(s) = rest.find("<BODY>") {
        let after = &rest[s + 6..];
        let e = after.find("</BODY>").unwrap_or(after.len());
        out.push(after[..e].replace("&lt;", "<").replace("&gt;", ">").replace("&#3;", "").replace("&amp;", "&"));
        rest = &after[e..];
    }
    out
}

/// Brown clustering with a window of `c` classes; returns each vocabulary
/// word's bit path.
fn brown(
    unigram: &[f64],
    right: &[Vec<(u32, u32)>],
    left: &[Vec<(u32, u32)>],
    total: f64,
    c: usize,
    check: bool,
) -> Vec<String> {
    let v = unigram.len();
    let c = c.min(v);
    let mut w = Window::new(c + 1, total);
    // slot_of[word] = slot of the class holding it (usize::MAX: not entered yet).
    let mut slot_of = vec![usize::MAX; v];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); c + 1];
    let enter = |w: &mut Window, slot_of: &mut Vec<usize>, members: &mut Vec<Vec<u32>>, word: usize, s: usize| {
        slot_of[word] = s;
        members[s] = vec![word as u32];
        let mut row = vec![0.0; w.s];
        let mut col = vec![0.0; w.s];
        for &(b, n) in &right[word] {
            let t = slot_of[b as usize];
            if t != usize::MAX {
                row[t] += f64::from(n);
            }
        }
        for &(a, n) in &left[word] {
            let t = slot_of[a as usize];
            if t != usize::MAX && a as usize != word {
                col[t] += f64::from(n);
            }
        }
        w.add(s, unigram[word], &row, &col);
    };
    // The first c words, one class each.
    for word in 0..c {
        enter(&mut w, &mut slot_of, &mut members, word, word);
    }
    let mut free = c;
    for (step, word) in (c..v).enumerate() {
        enter(&mut w, &mut slot_of, &mut members, word, free);
        free = merge_best(&mut w, &mut slot_of, &mut members).1;
        if check && step % 97 == 0 {
            w.check();
        }
        if (step + 1) % 2000 == 0 {
            eprintln!("  {} of {} words entered", step + 1, v - c);
        }
    }
    // Down to one class: the hierarchy over the remaining classes, whose
    // slots are the leaves (node ids 0..=c); merges add nodes after them.
    let leaf_of_word = slot_of.clone();
    let mut node_of_slot: Vec<usize> = (0..=c).collect();
    let mut children: Vec<Option<(usize, usize)>> = vec![None; c + 1];
    while w.active.iter().filter(|&&x| x).count() > 1 {
        let (a, b) = merge_best(&mut w, &mut slot_of, &mut members);
        children.push(Some((node_of_slot[a], node_of_slot[b])));
        node_of_slot[a] = children.len() - 1;
        if check {
            w.check();
        }
    }
    let root = node_of_slot[w.active.iter().position(|&x| x).unwrap_or(0)];
    let mut path = vec![String::new(); children.len()];
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if let Some((l, r)) = children[n] {
            path[l] = format!("{}0", path[n]);
            path[r] = format!("{}1", path[n]);
            stack.push(l);
            stack.push(r);
        }
    }
    leaf_of_word.iter().map(|&leaf| path[leaf].clone()).collect()
}

/// Merges the pair of classes that loses least; returns (kept slot, freed slot).
fn merge_best(w: &mut Window, slot_of: &mut [usize], members: &mut [Vec<u32>]) -> (usize, usize) {
    let (a, b) = w.best_pair();
    w.merge(a, b);
    let moved = std::mem::take(&mut members[b]);
    for &m in &moved {
        slot_of[m as usize] = a;
    }
    members[a].extend(moved);
    (a, b)
}

/// The current classes (slots), their adjacency counts, and the loss of
/// merging each pair.
struct Window {
    s: usize,
    total: f64,
    active: Vec<bool>,
    n: Vec<f64>,
    /// bigram counts: b[x * s + y] = times class x came right before class y.
    b: Vec<f64>,
    /// q[x * s + y]: the term of x before y in the mutual information.
    q: Vec<f64>,
    /// loss[x * s + y] (x < y): mutual information lost by merging x and y.
    loss: Vec<f64>,
}

impl Window {
    fn new(s: usize, total: f64) -> Window {
        Window {
            s,
            total,
            active: vec![false; s],
            n: vec![0.0; s],
            b: vec![0.0; s * s],
            q: vec![0.0; s * s],
            loss: vec![0.0; s * s],
        }
    }

    fn qf(&self, count: f64, nl: f64, nr: f64) -> f64 {
        if count <= 0.0 { 0.0 } else { count / self.total * (count * self.total / (nl * nr)).ln() }
    }

    fn b(&self, x: usize, y: usize) -> f64 {
        self.b[x * self.s + y]
    }

    fn q(&self, x: usize, y: usize) -> f64 {
        self.q[x * self.s + y]
    }

    /// The part of loss(i, j) that concerns a third class x.
    fn term(&self, i: usize, j: usize, x: usize) -> f64 {
        let nij = self.n[i] + self.n[j];
        self.q(i, x) + self.q(x, i) + self.q(j, x) + self.q(x, j)
            - self.qf(self.b(i, x) + self.b(j, x), nij, self.n[x])
            - self.qf(self.b(x, i) + self.b(x, j), self.n[x], nij)
    }

    /// loss(i, j) from scratch.
    fn full_loss(&self, i: usize, j: usize) -> f64 {
        let mut l = 0.0;
        for x in 0..self.s {
            if self.active[x] && x != i && x != j {
                l += self.term(i, j, x);
            }
        }
        let nij = self.n[i] + self.n[j];
        l + self.q(i, i) + self.q(i, j) + self.q(j, i) + self.q(j, j)
            - self.qf(self.b(i, i) + self.b(i, j) + self.b(j, i) + self.b(j, j), nij, nij)
    }

    fn refresh_q(&mut self, x: usize) {
        for y in 0..self.s {
            if self.active[y] {
                self.q[x * self.s + y] = self.qf(self.b(x, y), self.n[x], self.n[y]);
                self.q[y * self.s + x] = self.qf(self.b(y, x), self.n[y], self.n[x]);
            }
        }
    }

    fn pairs(&self, skip: usize) -> Vec<(usize, usize)> {
        let act: Vec<usize> = (0..self.s).filter(|&x| self.active[x] && x != skip).collect();
        let mut out = Vec::with_capacity(act.len() * act.len() / 2);
        for (k, &i) in act.iter().enumerate() {
            for &j in &act[k + 1..] {
                out.push((i, j));
            }
        }
        out
    }

    fn set_loss(&mut self, i: usize, j: usize, l: f64) {
        let (i, j) = if i < j { (i, j) } else { (j, i) };
        self.loss[i * self.s + j] = l;
    }

    fn fresh_losses_of(&mut self, x: usize) {
        for y in 0..self.s {
            if self.active[y] && y != x {
                let l = self.full_loss(x, y);
                self.set_loss(x, y, l);
            }
        }
    }

    /// A new class in slot `x`: `row[y]` = times it came before class y
    /// (including itself at `row[x]`), `col[y]` times after.
    fn add(&mut self, x: usize, count: f64, row: &[f64], col: &[f64]) {
        let s = self.s;
        self.n[x] = count;
        for y in 0..s {
            self.b[x * s + y] = if self.active[y] || y == x { row[y] } else { 0.0 };
            if y != x {
                self.b[y * s + x] = if self.active[y] { col[y] } else { 0.0 };
            }
        }
        self.active[x] = true;
        self.refresh_q(x);
        for (i, j) in self.pairs(x) {
            let t = self.term(i, j, x);
            self.loss[i * s + j] += t;
        }
        self.fresh_losses_of(x);
    }

    fn best_pair(&self) -> (usize, usize) {
        let mut best = (f64::INFINITY, 0, 0);
        for (i, j) in self.pairs(usize::MAX) {
            let l = self.loss[i * self.s + j];
            if l < best.0 {
                best = (l, i, j);
            }
        }
        (best.1, best.2)
    }

    /// Merges class `y` into class `x`; slot `y` becomes free.
    fn merge(&mut self, x: usize, y: usize) {
        let s = self.s;
        let others: Vec<(usize, usize)> =
            self.pairs(usize::MAX).into_iter().filter(|&(i, j)| i != x && i != y && j != x && j != y).collect();
        for &(i, j) in &others {
            let t = self.term(i, j, x) + self.term(i, j, y);
            self.loss[i * s + j] -= t;
        }
        let self_count = self.b(x, x) + self.b(x, y) + self.b(y, x) + self.b(y, y);
        for z in 0..s {
            if self.active[z] && z != x && z != y {
                self.b[x * s + z] += self.b[y * s + z];
                self.b[z * s + x] += self.b[z * s + y];
            }
            self.b[y * s + z] = 0.0;
            self.b[z * s + y] = 0.0;
            self.q[y * s + z] = 0.0;
            self.q[z * s + y] = 0.0;
        }
        self.b[x * s + x] = self_count;
        self.n[x] += self.n[y];
        self.n[y] = 0.0;
        self.active[y] = false;
        self.refresh_q(x);
        for &(i, j) in &others {
            let t = self.term(i, j, x);
            self.loss[i * s + j] += t;
        }
        self.fresh_losses_of(x);
    }

    fn check(&self) {
        for (i, j) in self.pairs(usize::MAX) {
            let (kept, fresh) = (self.loss[i * self.s + j], self.full_loss(i, j));
            assert!((kept - fresh).abs() <= 1e-9 + 1e-6 * fresh.abs(), "loss({i}, {j}): kept {kept}, fresh {fresh}");
        }
    }
}
