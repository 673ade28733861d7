//! Turns a parsed Claimdesk query into a Tantivy query over the index fields.

use std::ops::Bound;

use claimdesk_domain::{ArticleId, Timestamp};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Term};

use crate::schema::Fields;
use crate::syntax::{self, Query as Ast};

/// Title matches count double: a word in the headline says more about the article.
const TITLE_BOOST: f32 = 2.0;
/// How many index terms a `prefix*` may expand to before it stops growing.
const PREFIX_EXPANSIONS: u32 = 200;

/// The articles a `source:` or `tag:` filter names: these live in the
/// store, not the index, so the caller looks them up.
pub type Resolve<'a> = &'a dyn Fn(syntax::Field, &str) -> Vec<ArticleId>;

pub(crate) struct Translator<'a> {
    fields: &'a Fields,
    analyzer: TextAnalyzer,
    resolve: Resolve<'a>,
}

impl<'a> Translator<'a> {
    pub(crate) fn new(fields: &'a Fields, analyzer: TextAnalyzer, resolve: Resolve<'a>) -> Self {
        Translator { fields, analyzer, resolve }
    }

    /// The Tantivy query for `ast`. Words that analyze to nothing (punctuation
    /// alone) are ignored; a query left with nothing at all matches nothing.
    pub(crate) fn translate(&mut self, ast: &Ast) -> Box<dyn Query> {
        self.node(ast).unwrap_or_else(|| Box::new(EmptyQuery))
    }

    fn node(&mut self, ast: &Ast) -> Option<Box<dyn Query>> {
        match ast {
            Ast::All => Some(Box::new(AllQuery)),
            Ast::Term { field: Some(syntax::Field::Language), text }
            | Ast::Phrase { field: Some(syntax::Field::Language), text } => Some(Box::new(self.language(text, false))),
            Ast::Prefix { field: Some(syntax::Field::Language), prefix } => Some(Box::new(self.language(prefix, true))),
            Ast::Term { field: Some(field @ (syntax::Field::Source | syntax::Field::Tag)), text }
            | Ast::Phrase { field: Some(field @ (syntax::Field::Source | syntax::Field::Tag)), text }
            | Ast::Prefix { field: Some(field @ (syntax::Field::Source | syntax::Field::Tag)), prefix: text } => {
                Some(self.articles(*field, text))
            }
            Ast::Phrase { field: Some(syntax::Field::Outlet), text } => {
                let term = Term::from_field_text(self.fields.outlet_exact, &text.to_lowercase());
                Some(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
            }
            Ast::Term { field, text } | Ast::Phrase { field, text } => {
                self.per_field(*field, |this, f| this.words(f, text, false))
            }
            Ast::Prefix { field, prefix } => self.per_field(*field, |this, f| this.words(f, prefix, true)),
            Ast::DateRange { from, to } => Some(self.date_range(*from, *to)),
            Ast::And(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for child in children {
                    match child {
                        Ast::Not(inner) => {
                            if let Some(q) = self.node(inner) {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        other => {
                            if let Some(q) = self.node(other) {
                                clauses.push((Occur::Must, q));
                            }
                        }
                    }
                }
                with_positive_clause(clauses)
            }
            Ast::Or(children) => {
                let clauses: Vec<_> =
                    children.iter().filter_map(|child| self.node(child)).map(|q| (Occur::Should, q)).collect();
                (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            Ast::Not(inner) => {
                let inner = self.node(inner)?;
                with_positive_clause(vec![(Occur::MustNot, inner)])
            }
        }
    }

    /// Applies `leaf` to the named field, or to title and body when none is named.
    fn per_field(
        &mut self,
        field: Option<syntax::Field>,
        mut leaf: impl FnMut(&mut Self, Field) -> Option<Box<dyn Query>>,
    ) -> Option<Box<dyn Query>> {
        let Some(field) = field else {
            let title = leaf(self, self.fields.title)?;
            let body = leaf(self, self.fields.body)?;
            let boosted: Box<dyn Query> = Box::new(BoostQuery::new(title, TITLE_BOOST));
            return Some(Box::new(BooleanQuery::new(vec![(Occur::Should, boosted), (Occur::Should, body)])));
        };
        match field {
            syntax::Field::Title => leaf(self, self.fields.title),
            syntax::Field::Body => leaf(self, self.fields.body),
            syntax::Field::Outlet => leaf(self, self.fields.outlet),
            syntax::Field::Author => leaf(self, self.fields.author),
            // Handled before: a language is a code, a date a range, sources
            // and tags are looked up in the store.
            syntax::Field::Language | syntax::Field::Published | syntax::Field::Source | syntax::Field::Tag => None,
        }
    }

    /// The articles the store finds for a `source:` or `tag:` filter; none
    /// matches nothing (an unknown source is not ignored).
    fn articles(&self, field: syntax::Field, name: &str) -> Box<dyn Query> {
        let ids = (self.resolve)(field, name);
        if ids.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(TermSetQuery::new(ids.into_iter().map(|id| Term::from_field_u64(self.fields.id, id as u64))))
    }

    /// `lang:` compares the stored code exactly, ignoring case (`lang:AR`).
    fn language(&self, code: &str, prefix: bool) -> Box<dyn Query> {
        let term = Term::from_field_text(self.fields.language, &code.to_lowercase());
        if prefix {
            Box::new(PhrasePrefixQuery::new(vec![term]))
        } else {
            Box::new(TermQuery::new(term, IndexRecordOption::Basic))
        }
    }

    /// Words analyzed like the indexed text: one token is a term, several are a
    /// phrase (so `U.S.` or `10:30` match as written), and with `prefix` the last
    /// token is a prefix.
    fn words(&mut self, field: Field, text: &str, prefix: bool) -> Option<Box<dyn Query>> {
        let mut terms = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            terms.push((token.position, Term::from_field_text(field, &token.text)));
        }
        match (terms.len(), prefix) {
            (0, _) => None,
            (_, true) => {
                let mut query = PhrasePrefixQuery::new_with_offset(terms);
                query.set_max_expansions(PREFIX_EXPANSIONS);
                Some(Box::new(query))
            }
            (1, false) => {
                let (_, term) = terms.remove(0);
                Some(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqsAndPositions)))
            }
            (_, false) => Some(Box::new(PhraseQuery::new_with_offset(terms))),
        }
    }

    fn date_range(&self, from: Bound<Timestamp>, to: Bound<Timestamp>) -> Box<dyn Query> {
        let term = |t: Timestamp| {
            Term::from_field_date_for_search(self.fields.published, DateTime::from_timestamp_secs(t.seconds()))
        };
        Box::new(RangeQuery::new(from.map(term), to.map(term)))
    }
}

/// A Boolean query of only exclusions matches nothing in Tantivy; "everything
/// except" is what a person means by `-word`, so add an all-matching clause.
fn with_positive_clause(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    if clauses.is_empty() {
        return None;
    }
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    if clauses.len() == 1 {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}
