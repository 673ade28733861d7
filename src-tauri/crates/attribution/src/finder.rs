//! The rules that turn tokens into suggestions: find cue words by their
//! weights, decide whether the cue is pre-posed ("X said Y"), post-posed
//! ("Y, X said"), inverted ("Y, said X") or "according to X", and take the
//! source and content spans from that shape.

use crate::lexicon::{
    ANONYMOUS_HEADS, BETWEEN_SOURCE_AND_CUE, CLAUSE_WORDS, CUE_AUXILIARIES, HEDGES, INDEFINITE, ORGANIZATION_WORDS,
    OUTLET_WORDS, PRONOUNS, TELL_VERBS, lexicon,
};
use crate::model::{CueModel, cue_model, quoted_tokens};
use crate::text::{Analysed, Token, analyse};
use crate::{SourceKind, Span, Suggestion};

/// Source noun phrases longer than this are clauses, not names.
const MAX_SOURCE_TOKENS: usize = 12;

type Range = (usize, usize);

struct Finder<'a> {
    a: &'a Analysed,
    /// For each token, the quotation (index into `a.quotes`) it lies in.
    quotation: Vec<Option<usize>>,
    /// The cue model's score of each token.
    cue_score: Vec<f32>,
}

pub fn find(text: &str) -> Vec<Suggestion> {
    find_with(cue_model(), text)
}

pub fn find_with(model: &CueModel, text: &str) -> Vec<Suggestion> {
    let a = analyse(text);
    let mut quotation = vec![None; a.tokens.len()];
    for (q, &(open, close)) in a.quotes.iter().enumerate() {
        for slot in &mut quotation[open..=close] {
            *slot = Some(q);
        }
    }
    let cue_score = model.scores(&a, &quoted_tokens(&a));
    let f = Finder { a: &a, quotation, cue_score };
    let mut out = Vec::new();
    for &(ss, se) in &a.sentences {
        f.sentence(ss, se, &mut out);
    }
    resolve_pronouns(&a, &mut out);
    out
}

impl Finder<'_> {
    fn t(&self, i: usize) -> &Token {
        &self.a.tokens[i]
    }

    fn word(&self, i: usize) -> &str {
        &self.a.tokens[i].lower
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.a.tokens.len() && words.contains(&self.word(i))
    }

    fn span(&self, (s, e): Range) -> Span {
        Span::new(self.t(s).span.start, self.t(e - 1).span.end)
    }

    fn is_head(&self, i: usize) -> bool {
        self.cue_score[i] > 0.0
    }

    fn is_opening_quote(&self, i: usize) -> bool {
        self.a.quotes.iter().any(|&(o, _)| o == i)
    }

    /// The quotation closing at token `i`, as a token range.
    fn quotation_closing_at(&self, i: usize) -> Option<Range> {
        self.a.quotes.iter().find(|&&(o, c)| c == i && o < c).map(|&(o, c)| (o, c + 1))
    }

    fn quotation_opening_at(&self, i: usize) -> Option<Range> {
        self.a.quotes.iter().find(|&&(o, c)| o == i && o < c).map(|&(o, c)| (o, c + 1))
    }

    fn is_closing_quote(&self, i: usize) -> bool {
        self.quotation_closing_at(i).is_some() || matches!(self.word(i), "”" | "\"" | "''")
    }

    /// The run of cue tokens starting at `i` ("has also said", "according
    /// to"), with the auxiliaries just before it (not before `lo`) and the
    /// particle just after it that annotators usually include.
    fn cue_range(&self, i: usize, lo: usize, se: usize) -> Range {
        let mut e = i + 1;
        loop {
            if e < se && self.is_head(e) {
                e += 1;
            } else if e + 1 < se && self.t(e).is_word && self.is_head(e + 1) {
                // One word the model doubted inside a cue: "did not immediately respond".
                e += 2;
            } else {
                break;
            }
        }
        let particles = &lexicon().particles;
        let usually_in =
            |k: usize| particles.get(&(self.word(k - 1), self.word(k))).map(|&(inside, outside)| inside >= outside);
        // A trailing preposition belongs to an adjunct ("said in Ohio", "said on Sunday").
        while e > i + 1
            && (usually_in(e - 1) == Some(false)
                || (usually_in(e - 1).is_none()
                    && self.is(e - 1, &["in", "at", "with", "during", "from", "by", "after", "before", "on"])))
        {
            e -= 1;
        }
        if e < se && usually_in(e) == Some(true) {
            e += 1;
        }
        let mut s = i;
        while s > lo && self.is(s - 1, CUE_AUXILIARIES) && self.quotation[s - 1].is_none() {
            s -= 1;
        }
        (s, e)
    }

    fn sentence(&self, ss: usize, se: usize, out: &mut Vec<Suggestion>) {
        let first = out.len();
        // Sources found so far in this sentence, for "…, adding that" and "X said … and warned".
        let mut sources: Vec<Range> = Vec::new();
        let mut last_cue_end = ss;
        let mut i = ss;
        while i < se {
            if self.word(i) == "according" && i + 1 < se && self.word(i + 1) == "to" && self.quotation[i].is_none() {
                if let Some(s) = self.according_to(i, ss, se) {
                    out.push(s);
                }
                i += 2;
            } else if self.is_head(i) {
                let cue = self.cue_range(i, last_cue_end, se);
                // A run of function words alone ("about", "has") is the edge
                // of a cue the model did not see, not a cue.
                if (cue.0..cue.1).any(|k| !self.is(k, FUNCTION_WORDS)) {
                    let (suggestion, source) = self.around_cue(cue, ss, se, sources.last().copied());
                    sources.extend(source);
                    out.push(suggestion);
                    last_cue_end = cue.1;
                }
                i = cue.1;
            } else if self.word(i) == ":" && self.quotation[i].is_none() && out.len() == first {
                if let Some(s) = self.colon(i, ss, se) {
                    out.push(s);
                }
                i += 1;
            } else {
                i += 1;
            }
        }
        self.finish_sentence(ss, se, &mut out[first..]);
    }

    /// Hedges and "according to" chains are properties of the whole sentence.
    fn finish_sentence(&self, ss: usize, se: usize, found: &mut [Suggestion]) {
        let hedged = (ss..se).any(|i| self.quotation[i].is_none() && self.is(i, HEDGES))
            || self.has_phrase(ss, se, &["is", "said", "to"]);
        let according: Vec<(Span, Option<Span>)> =
            found.iter().filter(|s| self.starts_with_according(s.cue)).map(|s| (s.cue, s.source)).collect();
        for s in found.iter_mut() {
            s.hedged |= hedged;
            for &(cue, source) in &according {
                if cue != s.cue
                    && let Some(source) = source
                    && !s.chain.contains(&source)
                {
                    s.chain.push(source);
                }
            }
        }
    }

    fn starts_with_according(&self, cue: Span) -> bool {
        token_at(self.a, cue.start).is_some_and(|t| t.lower == "according")
    }

    fn has_phrase(&self, ss: usize, se: usize, phrase: &[&str]) -> bool {
        (ss..se.saturating_sub(phrase.len() - 1))
            .any(|i| phrase.iter().enumerate().all(|(k, w)| self.word(i + k) == *w))
    }

    fn suggestion(&self, cue: Range, source: Option<Range>, content: Option<Range>, chain: Vec<Span>) -> Suggestion {
        let content = content.filter(|&(s, e)| (s..e).any(|k| self.t(k).is_word));
        let source_kind = source.map_or(SourceKind::Unknown, |r| self.kind(r));
        let hedged = (cue.0..cue.1).any(|i| self.is(i, HEDGES));
        Suggestion {
            cue: self.span(cue),
            source: source.map(|r| self.span(r)),
            content: content.map(|r| self.span(r)),
            source_kind,
            hedged,
            chain,
            resolved_source: None,
        }
    }

    /// "according to X, Y" and "Y, according to X".
    fn according_to(&self, i: usize, ss: usize, se: usize) -> Option<Suggestion> {
        let cue = (i, i + 2);
        let source = self.source_after(i + 2, se);
        let lead = (ss..i).all(|k| !self.t(k).is_word || self.is(k, &["but", "and", "yet", "so"]));
        let content = if lead {
            let after = source.map_or(i + 2, |s| s.1);
            let start = if after < se && self.word(after) == "," { after + 1 } else { after };
            self.clause_after(start, se)
        } else {
            self.clause_before(i, ss)
        };
        Some(self.suggestion(cue, source, content, Vec::new()))
    }

    /// A colon after a short name-like phrase at the start of a sentence
    /// introduces a quote or a claim ("Minister: ‘We will not resign’").
    /// Not the "Q:" and "A:" of an interview transcript, which annotators
    /// mostly leave out.
    fn colon(&self, i: usize, ss: usize, se: usize) -> Option<Suggestion> {
        if i == ss || i - ss > 6 || i + 1 >= se || (i - ss == 1 && self.is(ss, &["q", "a"])) {
            return None;
        }
        if !(ss..i).all(|k| self.t(k).is_word) || !(ss..i).any(|k| self.t(k).capitalized) {
            return None;
        }
        let content = self.content_after(i + 1, se);
        Some(self.suggestion((i, i + 1), Some((ss, i)), content, Vec::new()))
    }

    /// Reads the shape around a cue and takes its source and content.
    /// `earlier` is the last source found in the same sentence.
    fn around_cue(&self, cue: Range, ss: usize, se: usize, earlier: Option<Range>) -> (Suggestion, Option<Range>) {
        let (cs, ce) = cue;
        let done = |source: Option<Range>, content: Option<Range>, chain: Vec<Span>| {
            (self.suggestion(cue, source, content, chain), source)
        };
        let participle = self.word(cs).ends_with("ing");
        let after_comma = cs > ss && self.word(cs - 1) == ",";
        // A participle after a comma continues the sentence's subject:
        // "Trump defended the plan, calling it …", "X said Y, adding that Z".
        // ("…, alternately shouting": an adverb may stand between.)
        let comma = if after_comma {
            Some(cs - 1)
        } else {
            (cs > ss + 1 && self.is_adverb(cs - 1) && self.word(cs - 2) == ",").then(|| cs - 2)
        };
        if participle && let Some(comma) = comma {
            let source = earlier.or_else(|| self.clause_subject(ss, comma));
            return done(source, self.content_after(ce, se), Vec::new());
        }
        let mut e = cs;
        while e > ss && self.is(e - 1, BETWEEN_SOURCE_AND_CUE) {
            e -= 1;
        }
        let appositive = self.appositive_source(e, ss);
        // Passive: "was asked by the host", "cited by her campaign".
        if appositive.is_none()
            && let Some(agent) = self.passive_agent(cs, ce, se)
        {
            return done(Some(agent), self.content_after(agent.1, se), Vec::new());
        }
        // Inverted: "…,” said the minister." / "Y, said X."
        if appositive.is_none()
            && cs > ss
            && (after_comma || self.is_closing_quote(cs - 1) || self.looks_closing(cs - 1, ss))
            && let Some(source) = self.inverted_source(ce, se)
            && (self.is(source.0, NOUN_PHRASE_OPENERS) || (source.0..source.1).any(|k| self.t(k).capitalized))
        {
            let source =
                if self.is(source.1 - 1, CLAUSE_WORDS) || (source.0..source.1).any(|k| self.is(k, &["who", "that"])) {
                    source
                } else {
                    self.with_description(source, se)
                };
            return done(Some(source), self.rejoined(self.content_before(cs - 1, ss), source.1), Vec::new());
        }
        // "X said … and warned …", "X defended it by citing …": the same speaker.
        let continues = self.is(e.saturating_sub(1), &["and", "but", "or"])
            || (participle && self.is(e.saturating_sub(1), &["by", "without", "after", "while", "before"]));
        if e > ss && continues {
            let source = earlier.or_else(|| self.leading_subject(ss, e - 1));
            return done(source, self.content_after(ce, se), Vec::new());
        }
        let source = appositive
            .or_else(|| self.source_before(cs, ss).filter(|&r| self.could_speak(r)))
            // The subject may stand far from its verb: "X, in a long
            // interview on Sunday about the budget, warned …".
            .or_else(|| self.leading_subject(ss, cs).filter(|&(_, e)| cs - e <= 8));
        // Post-posed: "…,” the minister said." / "Y, X said."
        // A quotation closing right before the source is the content whatever
        // adjunct follows the cue ("…,” Lee said on the show / dryly / twice);
        // a quotation opening right after the cue is, when none closes before
        // ("After the vote, Lee said, “…”").
        if let Some((s0, _)) = source
            && (s0 > ss || (s0 == ss
                    && self.whole_sentences_quoted_before(ss)
                    && self.ends_clause(ce, se)
                    && !self.quote_opens_after(ce, se)))
            && (self.word(s0 - 1) == "," || self.is_closing_quote(s0 - 1))
            && (self.quote_closes_before(s0)
                || (!self.quote_opens_after(ce, se)
                    && (self.ends_clause(ce, se)
                        || (self.is(ce - 1, TELL_VERBS) && self.ends_clause_after_listener(ce, se)))))
            // "Still, he said, officials …": a lone connective before is no
            // content; the words after are.
            && self.content_before(s0 - 1, ss).is_none_or(|(b, e)| e - b > 2 || self.quote_closes_before(s0))
        {
            let after = source.map_or(ce, |(_, e)| e.max(ce));
            return done(source, self.rejoined(self.content_before(s0 - 1, ss), after), Vec::new());
        }
        // Pre-posed: "X said (that) Y", "X told AFP: “Y”".
        let mut k = ce;
        let mut chain = Vec::new();
        if (self.is(cs, TELL_VERBS) || self.is(ce - 1, TELL_VERBS))
            && let Some(listener) = self.listener(ce, se)
        {
            // A named listener ("told AFP") passed the words on; an unnamed
            // one ("told reporters") is only skipped.
            if self.t(listener.0).capitalized {
                chain.push(self.span(listener));
            }
            k = listener.1;
        }
        done(source, self.content_after(k, se), chain)
    }

    /// "Jeff Weaver, the campaign manager, said" and "X, who chairs Y, said":
    /// a name, then a comma-enclosed description ending at `e` (just after
    /// the second comma). The source spans both, commas included, as
    /// annotators mark it.
    fn appositive_source(&self, e: usize, ss: usize) -> Option<Range> {
        if e <= ss + 1 || self.word(e - 1) != "," {
            return None;
        }
        // Walk back over up to three comma-separated parts ("Jo Ng, 39, a
        // teacher from Nice, told …") to a name that opens the clause.
        let mut k = e - 1;
        let mut commas = 0;
        while k > ss && e - k < 40 {
            k -= 1;
            let w = self.word(k);
            // The point of "R-Ky." or "Mrs." does not end the clause.
            let abbreviation = w == "."
                && k > ss
                && self.t(k - 1).span.end == self.t(k).span.start
                && self.t(k - 1).lower.chars().count() <= 4;
            if self.quotation[k].is_some() || (matches!(w, "." | ";" | ":" | "—") && !abbreviation) {
                return None;
            }
            if w != "," || k + 1 >= e - 1 {
                continue;
            }
            commas += 1;
            if let Some((s, name_end)) = self.source_before(k, ss) {
                let opens = s == ss || !self.t(s - 1).is_word || self.is(s - 1, CLAUSE_WORDS);
                // The name may come first ("Ann Lee, the envoy,") or second
                // ("the envoy, Ann Lee,").
                let named = (s..e - 1).any(|n| self.t(n).capitalized);
                if named && !self.is(s, CLAUSE_WORDS) && opens {
                    // A relative clause is not part of the source; a description is.
                    let relative = self.is(k + 1, &["who", "which", "whose"]);
                    return Some((s, if relative { name_end } else { e }));
                }
            }
            if commas == 3 {
                return None;
            }
        }
        None
    }

    /// "said Ann Lee, the party's treasurer." — annotators take the
    /// description after the name into the source, up to the next comma or
    /// the sentence end, then any further description ("…, Democrat of
    /// Ohio", "…, a think tank") and a relative clause after a comma ("…,
    /// who …"), as annotators mark them after an inverted cue.
    fn with_description(&self, (s, e): Range, se: usize) -> Range {
        if e + 1 < se && self.word(e) == "," && self.is(e + 1, &["who", "which"]) {
            let mut end = e + 1;
            while end < se && end - e < 30 && self.quotation[end].is_none() {
                end += 1;
            }
            while end > e + 1 && matches!(self.word(end - 1), "." | "!" | "?" | ";" | ":" | ",") {
                end -= 1;
            }
            return (s, end);
        }
        if e + 1 >= se || self.word(e) != "," || self.is(e + 1, &["who", "which", "that"]) {
            return (s, e);
        }
        // A name is not a description; nor is a participle clause ("…, adding that").
        if (self.t(e + 1).capitalized && !self.is(e + 1, NOUN_PHRASE_OPENERS) && !self.is(e + 2, &["of"]))
            || self.word(e + 1).ends_with("ing")
        {
            return (s, e);
        }
        let mut end = e + 1;
        while end < se && end - e < 25 && self.word(end) != "," && self.quotation[end].is_none() {
            end += 1;
        }
        while end > e + 1 && matches!(self.word(end - 1), "." | "!" | "?" | ";" | ":") {
            end -= 1;
        }
        if end > e + 1 {
            // A second description or a relative clause may follow ("…, a
            // senior fellow at X, which …").
            self.with_description((s, end), se)
        } else {
            (s, e)
        }
    }

    /// The name-like words opening a sentence ("Senator Lee", "The ministry"),
    /// stopping before `limit`.
    fn leading_subject(&self, ss: usize, limit: usize) -> Option<Range> {
        // A dateline ("CALDRIS, Aldermark — ") is not the subject.
        let mut s = (ss..limit.min(ss + 8)).find(|&k| matches!(self.word(k), "—" | "–")).map_or(ss, |dash| dash + 1);
        while s < limit
            && (self.is(s, &["but", "and", "however", "yet", "so"])
                || self.is(s, BETWEEN_SOURCE_AND_CUE)
                || self.word(s) == ",")
        {
            s += 1;
        }
        // An opening adverbial ("On Tuesday, he …") is not the subject.
        if let Some(comma) = (s..limit.min(s + 6)).find(|&k| self.word(k) == ",")
            && comma + 1 < limit
            && (self.t(comma + 1).capitalized || self.is(comma + 1, PRONOUNS))
            && self.is(
                s,
                &[
                    "on", "in", "at", "after", "before", "during", "since", "by", "for", "last", "earlier", "later",
                    "then", "now", "still",
                ],
            )
        {
            s = comma + 1;
        }
        if s < limit && self.is(s, PRONOUNS) {
            return Some((s, s + 1));
        }
        // "The central bank", "the ministry's spokesman": an opener, then up
        // to a noun that can speak.
        if s < limit && self.is(s, NOUN_PHRASE_OPENERS) {
            let speaker = (s + 1..limit.min(s + 6)).find(|&k| {
                self.is(k, ORGANIZATION_WORDS)
                    || self.is(k, OUTLET_WORDS)
                    || self.is(k, PERSON_NOUNS)
                    || self.is(k, ANONYMOUS_HEADS)
            });
            if let Some(head) = speaker {
                return Some((s, head + 1));
            }
        }
        let mut e = s;
        while e < limit
            && e - s < 6
            && (self.t(e).capitalized || (e == s && self.is(e, NOUN_PHRASE_OPENERS)) || self.word(e) == ".")
        {
            e += 1;
        }
        (e > s && (s..e).any(|k| self.t(k).capitalized)).then_some((s, e))
    }

    /// The subject of the clause before a participle ("X was blunt,
    /// claiming"): the sentence's opening name, else (when that is a lone
    /// article, as in "The day before, at a rally, Mr. Lee …") the name
    /// after the last comma that one follows.
    fn clause_subject(&self, ss: usize, limit: usize) -> Option<Range> {
        let lone_article = |r: &Range| r.1 - r.0 == 1 && self.is(r.0, NOUN_PHRASE_OPENERS);
        if let Some(r) = self.leading_subject(ss, limit).filter(|r| !lone_article(r)) {
            return Some(r);
        }
        // After a comma or a closing quote mark ("…,” Clinton seized on it, repeating …").
        let comma = (ss..limit.saturating_sub(1)).rev().find(|&k| {
            (self.word(k) == "," || self.is_closing_quote(k))
                && (self.t(k + 1).capitalized || self.is(k + 1, PRONOUNS))
                && self.quotation[k + 1].is_none()
        })?;
        self.leading_subject(comma + 1, limit).filter(|r| !lone_article(r))
    }

    /// Whether the clause stops right after the cue (sentence end, comma, or
    /// a short adjunct like "in a statement"), as it does when the content
    /// came first.
    fn ends_clause(&self, ce: usize, se: usize) -> bool {
        let mut k = ce;
        while k < se && self.is(k, BETWEEN_SOURCE_AND_CUE) {
            k += 1;
        }
        if k >= se {
            return true;
        }
        // A colon or a quote mark after the cue introduces the content.
        if matches!(self.word(k), ":" | "—") || self.is_opening_quote(k) {
            return false;
        }
        !self.t(k).is_word || self.is(k, ADJUNCT_OPENERS)
    }

    /// After "told": the listener, then whatever ends the clause
    /// ("…,” Lee told POLITICO on Friday.").
    fn ends_clause_after_listener(&self, ce: usize, se: usize) -> bool {
        self.listener(ce, se).is_some_and(|(_, e)| self.ends_clause(e, se))
    }

    /// Whom a "told" was told to: a name ("AFP", "The New York Times"), an
    /// object pronoun, or a short noun phrase ("reporters", "a local paper").
    fn listener(&self, k: usize, se: usize) -> Option<Range> {
        if k >= se || !self.t(k).is_word || self.is(k, &["that"]) {
            return None;
        }
        let mut e = k;
        if self.t(k).capitalized {
            while e < se
                && e - k < 6
                && (self.t(e).capitalized
                    || (self.word(e) == "." && e > k && e + 1 < se && self.t(e + 1).capitalized)
                    || (self.is(e, &["of", "&"]) && e + 1 < se && self.t(e + 1).capitalized))
            {
                e += 1;
            }
        } else if self.is(k, &["me", "him", "her", "us", "them", "reporters", "journalists"]) {
            e = k + 1;
        } else {
            while e < se && e - k < 4 && self.t(e).is_word && !self.is(e, CLAUSE_WORDS) && !self.is(e, ADJUNCT_OPENERS)
            {
                e += 1;
            }
        }
        (e > k).then_some((k, e))
    }

    /// The noun phrase ending just before the cue, over adverbs and
    /// auxiliaries ("the ministry has also", "Peskov reportedly").
    fn source_before(&self, cs: usize, ss: usize) -> Option<Range> {
        let mut e = cs;
        while e > ss && (self.is(e - 1, BETWEEN_SOURCE_AND_CUE) || self.is_adverb(e - 1)) {
            e -= 1;
        }
        // "…, who said", "the court, which ruled": annotators mark the relative pronoun.
        if e > ss && self.is(e - 1, &["who", "which"]) {
            return Some((e - 1, e));
        }
        let mut s = e;
        while s > ss && e - s < MAX_SOURCE_TOKENS {
            let t = self.t(s - 1);
            let joins = t.lower == "&" || (t.lower == "." && s >= 2 && self.t(s - 2).is_word);
            // A parenthesis inside a name: "Rep. Ann Lee (D-N.Y.)".
            if t.lower == ")"
                && let Some(open) = (s.saturating_sub(8).max(ss)..s - 1).rev().find(|&k| self.word(k) == "(")
                && open > ss
                && self.t(open - 1).is_word
            {
                s = open;
                continue;
            }
            if !(t.is_word || joins) || self.quotation[s - 1].is_some() {
                break;
            }
            if self.is(s - 1, &["and", "or"]) {
                let named = s >= 2 && self.t(s - 2).capitalized && self.t(s).capitalized;
                if !named {
                    break;
                }
            } else if self.is(s - 1, &["for", "to", "in", "at", "from"])
                && s >= 2
                && (self.is(s - 2, PERSON_NOUNS) || self.is(s - 2, ANONYMOUS_HEADS))
            {
                // "a spokesman for the ministry", "advisers to the president".
            } else if self.is(s - 1, CLAUSE_WORDS) || self.is_head(s - 1) {
                break;
            }
            s -= 1;
        }
        (s < e).then_some((s, e))
    }

    /// Whether the sentences just before `ss` are one quotation, whole
    /// ("“What does that mean?” Lee asked."): its speaker may open the next.
    fn whole_sentences_quoted_before(&self, ss: usize) -> bool {
        ss > 0 && self.quotation_closing_at(ss - 1).is_some_and(|(o, _)| self.a.sentences.iter().any(|&(a, _)| a == o))
    }

    /// Whether a quotation closes just before token `s0` (", or ”, then the source).
    fn quote_closes_before(&self, s0: usize) -> bool {
        self.quotation_closing_at(s0 - 1).is_some()
            || (s0 >= 2 && self.word(s0 - 1) == "," && self.quotation_closing_at(s0 - 2).is_some())
    }

    /// Whether a quotation opens right after the cue, over a comma or colon.
    fn quote_opens_after(&self, ce: usize, se: usize) -> bool {
        let mut k = ce;
        while k < se && matches!(self.word(k), "," | ":") {
            k += 1;
        }
        (k > ce && k < se && self.is_opening_quote(k)) || self.quote_after_adjunct(ce, se).is_some()
    }

    /// The opening quote mark after a short adjunct and a comma or colon
    /// ("said at a press conference, “…”", "wrote on Twitter: “…”").
    fn quote_after_adjunct(&self, k: usize, se: usize) -> Option<usize> {
        if k >= se || !(self.is(k, ADJUNCT_OPENERS) || self.is(k, BETWEEN_SOURCE_AND_CUE)) {
            return None;
        }
        let mut j = k;
        while j < se && j - k < 8 && self.t(j).is_word && self.quotation[j].is_none() {
            j += 1;
        }
        (j > k && j + 1 < se && matches!(self.word(j), "," | ":") && self.is_opening_quote(j + 1)).then_some(j + 1)
    }

    /// A quote mark after a comma or terminal mark, where pairing failed
    /// (",''' said", "?'' asked").
    fn looks_closing(&self, k: usize, ss: usize) -> bool {
        k > ss
            && matches!(self.word(k), "'" | "''" | "\"" | "”" | "’")
            && matches!(self.word(k - 1), "," | "?" | "!" | "." | "''" | "'" | "\"" | "”" | "’")
    }

    /// The source after an inverted cue when the clause ends after it
    /// ("…,” said Ann Lee."), a relative clause without a comma taken in
    /// ("said a member who supports Lee, asking …").
    fn inverted_source(&self, ce: usize, se: usize) -> Option<Range> {
        let source = self.source_after(ce, se)?;
        if self.ends_clause(source.1, se) {
            return Some(source);
        }
        if !self.is(source.1, &["who", "that"]) {
            return None;
        }
        let end = (source.1..se.min(source.1 + 15))
            .find(|&k| self.word(k) == "," || self.quotation[k].is_some())
            .unwrap_or(se.min(source.1 + 15));
        let mut e = end;
        while e > source.1 && matches!(self.word(e - 1), "." | "!" | "?") {
            e -= 1;
        }
        (self.ends_clause(e, se) && e > source.1 + 1).then_some((source.0, e))
    }

    /// The agent of a passive cue ("was endorsed in Iowa by X", "cited by
    /// X"): a participle, then "by" within a few words and a noun phrase.
    fn passive_agent(&self, cs: usize, ce: usize, se: usize) -> Option<Range> {
        let last = self.word(ce - 1);
        let participle = last.ends_with("ed") || self.is(ce - 1, &["told", "written", "quoted", "known", "seen"]);
        if !participle || self.quotation[ce - 1].is_some() {
            return None;
        }
        // Only an adverb or a short place or time may stand between: "endorsed
        // in Iowa by", "uttered once, by"; not an object ("denounced
        // suggestions by", "cited a memo issued by").
        let by = (ce..se.min(ce + 5))
            .take_while(|&k| {
                self.quotation[k].is_none()
                    && !self.is_head(k)
                    && (self.word(k) == "by"
                        || self.word(k) == ","
                        || self.t(k).capitalized
                        || self.word(k).ends_with("ly")
                        || self.is(k, &["once", "twice", "again", "in", "on", "at", "last", "this", "week", "year"]))
            })
            .find(|&k| self.word(k) == "by")?;
        if cs > 0 && self.is(cs - 1, &["has", "have", "had"]) {
            return None;
        }
        let next = by + 1;
        if next >= se
            || self.word(next).ends_with("ing")
            || self.t(next).lower.starts_with(|c: char| c.is_ascii_digit())
            || self.is(next, &["phone", "telephone", "email", "e-mail", "mail", "text", "video", "far", "contrast"])
        {
            return None;
        }
        let agent = self.source_after(next, se)?;
        let nounish = self.is(agent.0, NOUN_PHRASE_OPENERS)
            || self.is(agent.0, PRONOUNS)
            || (agent.0..agent.1).any(|k| self.t(k).capitalized);
        nounish.then_some(agent)
    }

    /// A lower-case adverb in -ly ("methodically", "sharply"), not a noun
    /// such as "family" or "assembly".
    fn is_adverb(&self, k: usize) -> bool {
        let w = self.word(k);
        !self.t(k).capitalized
            && w.len() > 4
            && w.ends_with("ly")
            && !self.is(k, &["family", "assembly", "daily", "weekly", "monthly", "rally", "monopoly", "supply", "ally"])
    }

    /// Whether the words before a cue can be its speaker: not a lone
    /// adverb, verb or degree word left over from the clause ("methodically
    /// exposed", "left wondering", "the most telling"), which a lone lower-case
    /// word not ending in -s (a plural: "officials", "critics") mostly is.
    fn could_speak(&self, (s, e): Range) -> bool {
        let last = self.word(e - 1);
        if self.is(e - 1, &["most", "more", "less", "very", "so", "too", "perhaps", "especially"]) {
            return false;
        }
        if e - s > 1 || self.t(s).capitalized || !self.t(s).is_word {
            return true;
        }
        let listed = self.is(s, PRONOUNS)
            || self.is(s, &["who", "which", "that"])
            || self.is(s, PERSON_NOUNS)
            || self.is(s, ANONYMOUS_HEADS)
            || self.is(s, ORGANIZATION_WORDS)
            || self.is(s, OUTLET_WORDS);
        listed || (last.ends_with('s') && !last.ends_with("ss"))
    }

    /// The noun phrase right after an inverted cue or "according to": up to
    /// a comma, a clause word or the sentence end ("a longtime adviser to
    /// Mr. Lee, who …" gives "a longtime adviser to Mr. Lee").
    fn source_after(&self, start: usize, se: usize) -> Option<Range> {
        let mut e = start;
        while e < se && e - start < MAX_SOURCE_TOKENS {
            let t = self.t(e);
            let abbreviation = t.lower == "."
                && e > start
                && self.t(e - 1).capitalized
                && self.t(e - 1).span.end - self.t(e - 1).span.start <= 3
                && e + 1 < se
                && self.t(e + 1).capitalized;
            let joins = t.lower == "&" || t.lower == "-" || abbreviation;
            if !(t.is_word || joins) || self.quotation[e].is_some() {
                break;
            }
            if e > start && self.is(e, CLAUSE_WORDS) && !self.is(e, &["for", "and", "to", "at", "of", "in"]) {
                break;
            }
            e += 1;
        }
        // Do not end on a preposition: "said X in" → "X".
        while e > start + 1 && self.is(e - 1, &["for", "and", "to", "at", "of", "in"]) {
            e -= 1;
        }
        (e > start).then_some((start, e))
    }

    /// A quotation broken by its cue and source ("“…,” Lee said, “…”"):
    /// annotators take both halves, so the content runs to the second's end.
    fn rejoined(&self, content: Option<Range>, after: usize) -> Option<Range> {
        let (b, e) = content?;
        if self.quotation_opening_at(b).is_some()
            && after + 1 < self.a.tokens.len()
            && matches!(self.word(after), "," | ".")
            && self.is_opening_quote(after + 1)
            && let Some((_, qe)) = self.quotation_opening_at(after + 1)
            // After a full stop, only a quotation that no source follows
            // ("…,” he said. “…” Next sentence) continues the first.
            && (self.word(after) == "," || qe >= self.a.tokens.len() || self.a.sentences.iter().any(|&(a, _)| a == qe))
        {
            return Some((b, qe));
        }
        Some((b, e))
    }

    /// What follows a pre-posed cue: a quotation opening there (however many
    /// sentences it runs), else the rest of the sentence.
    fn content_after(&self, mut k: usize, se: usize) -> Option<Range> {
        while k < se && matches!(self.word(k), ":" | "," | "—" | "-") {
            k += 1;
        }
        if k < self.a.tokens.len()
            && self.is_opening_quote(k)
            && let Some(q) = self.quotation_opening_at(k)
        {
            return Some(q);
        }
        if let Some(open) = self.quote_after_adjunct(k, se)
            && let Some(q) = self.quotation_opening_at(open)
        {
            return Some(q);
        }
        // "said after a lunch on Tuesday that …": the content opens at
        // "that", past a short adjunct.
        if self.is(k, ADJUNCT_OPENERS) || self.is(k, BETWEEN_SOURCE_AND_CUE) {
            let mut j = k;
            while j < se && j - k < 8 && (self.t(j).is_word || self.word(j) == ",") && self.quotation[j].is_none() {
                if self.word(j) == "that" && j > k {
                    return self.clause_after(j, se);
                }
                // Past a comma only "that" may follow ("…, a shirt that read").
                if self.word(j) == "," && j > k && !self.is(j + 1, &["that"]) {
                    break;
                }
                j += 1;
            }
        }
        self.clause_after(k, se)
    }

    /// From `k` to the end of the sentence, without its final full stop
    /// unless a closing quote mark follows it.
    fn clause_after(&self, k: usize, se: usize) -> Option<Range> {
        // A trailing ", according to X" or ", adding that …" is an
        // attribution of its own, not part of this content.
        let mut e = (k..se)
            .find(|&j| {
                self.word(j) == ","
                    && j + 1 < se
                    && (self.word(j + 1) == "according" || (self.is_head(j + 1) && self.word(j + 1).ends_with("ing")))
            })
            .unwrap_or(se);
        while e > k && matches!(self.word(e - 1), "." | "!" | "?" | "…" | ",") {
            e -= 1;
        }
        (e > k).then_some((k, e))
    }

    /// What precedes a post-posed source or inverted cue; `sep` is the comma
    /// or closing quote mark in between.
    fn content_before(&self, sep: usize, ss: usize) -> Option<Range> {
        if let Some(q) = self.quotation_closing_at(sep) {
            return Some(q);
        }
        if self.word(sep) == ","
            && sep > ss
            && let Some(q) = self.quotation_closing_at(sep - 1)
        {
            return Some(q);
        }
        if self.word(sep) == ","
            && sep + 1 < self.a.tokens.len()
            && let Some(q) = self.quotation_closing_at(sep + 1)
        {
            return Some((q.0, q.1));
        }
        self.clause_before(sep, ss)
    }

    /// From the sentence start to just before `end`, without a separating comma.
    fn clause_before(&self, end: usize, ss: usize) -> Option<Range> {
        let mut e = end;
        while e > ss && matches!(self.word(e - 1), "," | "—" | ":") {
            e -= 1;
        }
        (e > ss).then_some((ss, e))
    }

    fn kind(&self, (s, e): Range) -> SourceKind {
        let words: Vec<&str> = (s..e).map(|i| self.word(i)).collect();
        if words.len() == 1 && PRONOUNS.contains(&words[0]) {
            return SourceKind::Pronoun;
        }
        let head =
            words.iter().rev().find(|w| w.chars().next().is_some_and(char::is_alphanumeric)).copied().unwrap_or("");
        let named = (s + 1..e).any(|i| self.t(i).capitalized)
            || (self.t(s).capitalized && !self.is(s, INDEFINITE) && !self.is(s, &["the"]));
        let anonymous_head = ANONYMOUS_HEADS.contains(&head) || words.iter().any(|w| ANONYMOUS_HEADS.contains(w));
        if anonymous_head && (INDEFINITE.contains(&words[0]) || words.len() == 1) {
            return SourceKind::Anonymous;
        }
        // "the ministry's spokesman, Anselm Kreel" is a person speaking for an organization.
        if PERSON_NOUNS.contains(&head) || words.iter().any(|w| PERSON_NOUNS.contains(w)) && named {
            return SourceKind::Person;
        }
        if words.iter().any(|w| OUTLET_WORDS.contains(w)) && (named || words.contains(&"media")) {
            return SourceKind::Outlet;
        }
        if words.iter().any(|w| ORGANIZATION_WORDS.contains(w)) {
            return SourceKind::Organization;
        }
        if named || self.is(e - 1, PERSON_NOUNS) {
            return SourceKind::Person;
        }
        SourceKind::Unknown
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "about", "in", "to", "on", "for", "of", "out", "at", "with", "by", "from", "as", "a", "an", "the", "has", "have",
    "had", "was", "were", "is", "are", "be", "been", "also", "not", "that", "it", "this", "and", "or", "but", "up",
];

/// Prepositions opening an adjunct after a cue ("said on Sunday", "shouted
/// from the street"), which end the clause as far as the content goes.
const ADJUNCT_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "of",
    "from",
    "with",
    "outside",
    "inside",
    "as",
    "while",
    "when",
    "via",
    "through",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
];

/// Words that open a noun phrase after an inverted cue ("said the minister").
const NOUN_PHRASE_OPENERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three", "several", "some"];

/// Heads of descriptions that name one person ("the spokesman").
const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "minister",
    "senator",
    "candidate",
    "nominee",
    "governor",
    "secretary",
    "chairman",
    "chairwoman",
    "director",
    "leader",
    "mayor",
    "ambassador",
    "chief",
    "adviser",
    "advisor",
    "aide",
    "representative",
    "lawmaker",
    "congressman",
    "congresswoman",
    "judge",
    "lawyer",
    "attorney",
    "professor",
    "general",
    "commander",
    "officer",
    "premier",
    "king",
    "queen",
    "prince",
    "envoy",
    "negotiator",
    "economist",
    "analyst",
    "researcher",
    "author",
    "founder",
    "executive",
    "manager",
    "strategist",
    "pollster",
    "historian",
    "father",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "man",
    "woman",
];

/// The token starting at code point `start` (tokens are in text order).
fn token_at(a: &Analysed, start: usize) -> Option<&Token> {
    a.tokens.binary_search_by_key(&start, |t| t.span.start).ok().map(|i| &a.tokens[i])
}

/// Points each pronoun source at the nearest earlier named source that fits
/// it: a person for "he" and "she", an organisation or outlet for "it", any
/// named source for "they" and "we".
fn resolve_pronouns(a: &Analysed, found: &mut [Suggestion]) {
    for i in 0..found.len() {
        let (Some(source), SourceKind::Pronoun) = (found[i].source, found[i].source_kind) else {
            continue;
        };
        let pronoun = token_at(a, source.start).map_or("", |t| t.lower.as_str());
        let fits = |k: SourceKind| match pronoun {
            "he" | "she" | "i" => k == SourceKind::Person,
            "it" => matches!(k, SourceKind::Organization | SourceKind::Outlet),
            _ => matches!(k, SourceKind::Person | SourceKind::Organization | SourceKind::Outlet),
        };
        let resolved = found[..i].iter().rev().find(|s| fits(s.source_kind)).and_then(|s| s.source);
        found[i].resolved_source = resolved;
    }
}
