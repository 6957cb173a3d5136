//! The headlines holding every word of a search, read from the index of
//! words, for the headline tier's ranking.
//!
//! FTS5 ranks that tier (see `top.rs`) from each headline's count of each
//! word and its length. Its own lists give the counts, but only by walking
//! every occurrence of every word as a row of `fts5vocab`, and a search of
//! two words first counts their shared headlines with a query of its own:
//! at 1,000,000 articles, three quarters of `kiji search yen budget`. The
//! index of words holds the same counts in compressed postings it can
//! intersect by skipping.

use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use super::Words;

/// Headlines holding every word: each one's key and how often each word is
/// in it, by key; and how many headlines hold each word.
pub(in crate::store) struct HeadlineHits {
    pub(in crate::store) hits: Vec<(i64, Vec<u32>)>,
    pub(in crate::store) found: Vec<usize>,
}

impl Words {
    /// The headlines holding every one of `words`, as [`HeadlineHits`].
    /// Articles replaced or deleted but still in the index's segments are
    /// left out, and not counted.
    pub(in crate::store) fn headline_hits(&self, words: &[&str]) -> tantivy::Result<HeadlineHits> {
        let searcher = self.reader()?.searcher();
        let mut found = vec![0; words.len()];
        let mut hits = Vec::new();
        let terms: Vec<Term> = words
            .iter()
            .map(|word| Term::from_field_text(self.fields.headline, word))
            .collect();
        for segment in searcher.segment_readers() {
            for (count, term) in found.iter_mut().zip(&terms) {
                *count += holding(segment, term)?;
            }
            hits.extend(in_every(segment, &terms)?);
        }
        hits.sort_unstable_by_key(|(key, _)| *key);
        Ok(HeadlineHits { hits, found })
    }
}

/// How many live articles of `segment` hold `term`.
fn holding(segment: &SegmentReader, term: &Term) -> tantivy::Result<usize> {
    let index = segment.inverted_index(term.field())?;
    let Some(alive) = segment.alive_bitset() else {
        return Ok(index.doc_freq(term)? as usize);
    };
    let Some(mut postings) = index.read_postings(term, IndexRecordOption::Basic)? else {
        return Ok(0);
    };
    let mut count = 0;
    while postings.doc() != TERMINATED {
        count += usize::from(alive.is_alive(postings.doc()));
        postings.advance();
    }
    Ok(count)
}

/// The live articles of `segment` holding every term, with their keys and
/// how often each term is in them.
fn in_every(segment: &SegmentReader, terms: &[Term]) -> tantivy::Result<Vec<(i64, Vec<u32>)>> {
    let mut lists = Vec::with_capacity(terms.len());
    for term in terms {
        let index = segment.inverted_index(term.field())?;
        match index.read_postings(term, IndexRecordOption::WithFreqs)? {
            Some(postings) => lists.push(postings),
            None => return Ok(Vec::new()),
        }
    }
    let keys = segment.fast_fields().u64("key")?;
    let alive = segment.alive_bitset();
    let mut hits = Vec::new();
    if lists.is_empty() {
        return Ok(hits);
    }
    let mut doc: DocId = lists[0].doc();
    while doc != TERMINATED {
        // the first at or after `doc` in every other list
        let mut next = doc;
        for other in &mut lists[1..] {
            if other.doc() < doc {
                other.seek(doc);
            }
            next = next.max(other.doc());
        }
        if next == doc {
            let live = alive.is_none_or(|alive| alive.is_alive(doc));
            if live && let Some(key) = keys.first(doc) {
                let counts = lists.iter().map(Postings::term_freq).collect();
                hits.push((key as i64, counts));
            }
            doc = lists[0].advance();
        } else {
            doc = lists[0].seek(next);
        }
    }
    Ok(hits)
}
