//! The tantivy queries a search of plain words is asked as.
//!
//! An article's score is, for each word, its BM25 in the headline weighed
//! ten times plus its BM25 in the body. Asked as it reads — every word in
//! the headline or the body — tantivy intersects unions and scores every
//! match: block-max WAND prunes a union of words, or an intersection of
//! them, but not an intersection of unions. [`AllWords`] asks instead for
//! the union of every word in either field, which block-max WAND prunes
//! and which scores each article as the query does, and lets through only
//! the articles holding every word, checked in the words' postings as the
//! union reaches them.

use tantivy::postings::SegmentPostings;
use tantivy::query::{
    BooleanQuery, BoostQuery, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use super::{Fields, LONGEST_WORD};

/// The weight of a word in a headline against the same word in a body, as
/// the FTS5 ranking gives it.
const HEADLINE_WEIGHT: f32 = 10.0;

/// A query of plain words: what must be there, and what must not.
pub(super) struct Plain<'q> {
    pub(super) words: Vec<&'q str>,
    pub(super) excluded: Vec<&'q str>,
}

impl<'q> Plain<'q> {
    /// The words of `query`; `None` unless every term is one word the index
    /// holds (not a phrase, a prefix or CJK) and some word is wanted.
    pub(super) fn of(query: &'q crate::search::Query) -> Option<Self> {
        let word = |term: &'q crate::search::Term| -> Option<&'q str> {
            let [token] = term.tokens.as_slice() else {
                return None;
            };
            let plain = !term.prefix
                && token.len() <= LONGEST_WORD
                && !token.chars().any(crate::search::is_cjk);
            plain.then_some(token.as_str())
        };
        let words = query.include.iter().map(word).collect::<Option<Vec<_>>>()?;
        let excluded = query.exclude.iter().map(word).collect::<Option<Vec<_>>>()?;
        (!words.is_empty()).then_some(Self { words, excluded })
    }
}

impl Fields {
    /// Every word in the headline or the body, none of the excluded words
    /// in either: the whole query, fully scored.
    pub(super) fn either(&self, plain: &Plain) -> BooleanQuery {
        let mut clauses = Vec::new();
        for word in &plain.words {
            clauses.push((Occur::Must, self.either_field(word)));
        }
        for word in &plain.excluded {
            clauses.push((Occur::MustNot, self.either_field(word)));
        }
        BooleanQuery::new(clauses)
    }

    /// Every word in the headline or the body, fully scored, and pruned
    /// by block-max WAND.
    pub(super) fn all_words(&self, words: &[&str]) -> AllWords {
        let plain = Plain {
            words: words.to_vec(),
            excluded: Vec::new(),
        };
        let mut any = Vec::new();
        let mut each = Vec::new();
        for word in words {
            let headline = BoostQuery::new(Box::new(term(self.headline, word)), HEADLINE_WEIGHT);
            any.push((Occur::Should, Box::new(headline) as Box<dyn Query>));
            any.push((Occur::Should, Box::new(term(self.body, word))));
            each.push([self.headline, self.body].map(|field| Term::from_field_text(field, word)));
        }
        AllWords {
            exact: self.either(&plain),
            any: BooleanQuery::new(any),
            each,
        }
    }

    fn either_field(&self, word: &str) -> Box<dyn Query> {
        let headline = BoostQuery::new(Box::new(term(self.headline, word)), HEADLINE_WEIGHT);
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, Box::new(headline) as Box<dyn Query>),
            (Occur::Should, Box::new(term(self.body, word))),
        ]))
    }
}

fn term(field: Field, word: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    )
}

/// Every word in the headline or the body, scored as [`Fields::either`]
/// scores it.
#[derive(Clone, Debug)]
pub(super) struct AllWords {
    /// The query as it reads, for anything but a ranking.
    exact: BooleanQuery,
    /// Any word in either field: a union of words, scored the same.
    any: BooleanQuery,
    /// Each word's term in the headline and in the body.
    each: Vec<[Term; 2]>,
}

impl Query for AllWords {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AllWordsWeight {
            exact: self.exact.weight(scoring)?,
            any: self.any.weight(scoring)?,
            each: self.each.clone(),
        }))
    }
}

struct AllWordsWeight {
    exact: Box<dyn Weight>,
    any: Box<dyn Weight>,
    each: Vec<[Term; 2]>,
}

impl Weight for AllWordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.exact.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.exact.explain(reader, doc)
    }

    /// The union's matches, pruned, that hold every word.
    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut each = Vec::with_capacity(self.each.len());
        for terms in &self.each {
            let mut holders = Vec::with_capacity(2);
            for term in terms {
                let index = reader.inverted_index(term.field())?;
                holders.extend(index.read_postings(term, IndexRecordOption::Basic)?);
            }
            each.push(holders);
        }
        let mut threshold = threshold;
        self.any
            .for_each_pruning(threshold, reader, &mut |doc, score| {
                // the union reaches articles in order, so each list is sought
                // forward only
                let holds_all = each
                    .iter_mut()
                    .all(|holders| holders.iter_mut().any(|postings| holds(postings, doc)));
                if holds_all {
                    threshold = callback(doc, score);
                }
                threshold
            })
    }
}

/// Whether `postings`, at or before `doc`, hold it.
fn holds(postings: &mut SegmentPostings, doc: DocId) -> bool {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    postings.doc() == doc
}
