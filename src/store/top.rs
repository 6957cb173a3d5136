//! The best few of a search's headline matches, ranked without asking
//! FTS5 to score every one.
//!
//! FTS5's `bm25()` looks up each match's length in a row of its own, and
//! `ORDER BY` then joins every match to its article for the tie-break:
//! two B-tree searches a match, most of the 80–110 ms `kiji search tokyo`
//! took at 1,000,000 articles. Here the headlines holding every word, and
//! how often, are read from the index of words when it is in step with the
//! store (`words/headlines.rs`), or else each word's matches are walked
//! once in FTS5's own lists (`fts5vocab`, which reads no lengths); their
//! lengths come from [`super::sizes`], the score is BM25
//! as FTS5 computes it, to the bit, and only the matches that tie with or
//! beat the last one wanted are joined to their articles for their dates.
//!
//! It answers plain words and word prefixes with no section, mark or
//! excluded word; anything else is left to the SQL ranking.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::filter::Filter;
use super::sizes::{sizes_of, varint};
use super::words::{HeadlineHits, Words};
use super::{Store, StoreError};
use crate::search::Term;

/// BM25's constants, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The words of the index of headlines, an occurrence a row, for this
/// connection only.
const TERMS: &str = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.headline_terms
     USING fts5vocab(main, search_headlines, instance)";

/// Headline matches of several words few enough for FTS5 to rank them all
/// sooner than the lists of the words can be walked: a few milliseconds'
/// work.
const FEW: usize = 2_000;

/// A headline match: its key, and how often each term is in it.
type Hit = (i64, Vec<u32>);
/// A scored match with its article's date: score, `sort_key`, key.
type Dated = (f64, i64, i64);

impl Store {
    /// The keys of the first `limit` headline matches of `filter`, in the
    /// order `ORDER BY bm25(search_headlines), sort_key DESC, key DESC`
    /// gives them; `None` when the filter is not one this path answers.
    pub(super) fn top_headline_matches(
        &self,
        filter: &Filter,
        limit: usize,
        index: Option<&Words>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let Some(words) = plain_words(filter) else {
            return Ok(None);
        };
        // one snapshot, and one lock taken for the many reads below
        let _snapshot = if self.conn.is_autocommit() {
            Some(self.conn.unchecked_transaction()?)
        } else {
            None
        };
        if let Some(index) = index
            && let Some(HeadlineHits { hits, found }) =
                self.headline_hits_by_words(index, &words)?
        {
            return self.rank_hits(&found, &hits, limit);
        }
        // several words may share few headlines, which FTS5 finds by
        // skipping through their lists and ranks at once: walking each
        // word's whole list would cost more
        if words.len() > 1 && self.count_headline_matches_up_to(filter, FEW)?.unwrap_or(0) < FEW {
            return Ok(None);
        }
        self.rank_headline_matches(&words, limit)
    }

    /// The keys of the first `limit` headlines holding every one of
    /// `words` (each a word, or with `true` a prefix), ranked as
    /// [`Store::top_headline_matches`] says; `None` when the store is out
    /// of step with its index.
    pub(super) fn rank_headline_matches(
        &self,
        words: &[(String, bool)],
        limit: usize,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        self.conn.execute(TERMS, [])?;
        let mut lists = Vec::with_capacity(words.len());
        for (word, prefix) in words {
            lists.push(self.occurrences(word, *prefix)?);
        }
        let found: Vec<usize> = lists.iter().map(Vec::len).collect();
        self.rank_hits(&found, &intersect(lists), limit)
    }

    /// The keys of the first `limit` of these headline matches (each word
    /// in `found` headlines), ranked as [`Store::top_headline_matches`]
    /// says; `None` when the store is out of step with its index.
    fn rank_hits(
        &self,
        found: &[usize],
        hits: &[Hit],
        limit: usize,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        if hits.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let (rows, tokens) = self.headline_totals()?;
        let keys: Vec<i64> = hits.iter().map(|(key, _)| *key).collect();
        let sizes = sizes_of(&self.conn, &keys)?;
        let idf: Vec<f64> = found.iter().map(|&n| idf(rows, n as i64)).collect();
        let avgdl = tokens as f64 / rows as f64;
        let mut scored = Vec::with_capacity(hits.len());
        for ((key, freqs), size) in hits.iter().zip(sizes) {
            // a store out of step with its index: the SQL ranking copes
            let Some(size) = size else {
                return Ok(None);
            };
            scored.push((bm25(&idf, freqs, size, avgdl), *key));
        }
        scored.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        self.break_ties(scored, limit, rows)
    }

    /// The first `limit` of matches sorted by score, equal scores newest
    /// first. Those that beat the last one wanted are few and are looked up;
    /// those that tie with it can be thousands (a common word in headlines
    /// of the commonest length), and when they are, the newest of them are
    /// found by walking the articles newest first instead.
    fn break_ties(
        &self,
        mut scored: Vec<(f64, i64)>,
        limit: usize,
        rows: i64,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        if limit == 0 {
            return Ok(Some(Vec::new()));
        }
        let Some(&(last, _)) = scored.get(limit - 1) else {
            return self.by_score_then_date(scored);
        };
        scored.retain(|(score, _)| score.total_cmp(&last) != Ordering::Greater);
        let tied: HashSet<i64> = scored
            .iter()
            .filter(|(score, _)| score.total_cmp(&last) == Ordering::Equal)
            .map(|(_, key)| *key)
            .collect();
        let wanted = limit - (scored.len() - tied.len());
        // a look-up a tie, or a row of the walk for every `rows / tied`
        let walk = (wanted as i64).saturating_mul(rows) / tied.len() as i64;
        if walk >= tied.len() as i64 {
            return Ok(self
                .by_score_then_date(scored)?
                .map(|keys| keys.into_iter().take(limit).collect()));
        }
        scored.retain(|(score, _)| score.total_cmp(&last) == Ordering::Less);
        let Some(mut keys) = self.by_score_then_date(scored)? else {
            return Ok(None);
        };
        let mut newest = self.conn.prepare_cached(
            "SELECT key FROM articles INDEXED BY articles_by_date ORDER BY sort_key DESC, key DESC",
        )?;
        let mut walk = newest.query([])?;
        while keys.len() < limit
            && let Some(row) = walk.next()?
        {
            let key: i64 = row.get(0)?;
            if tied.contains(&key) {
                keys.push(key);
            }
        }
        Ok((keys.len() == limit).then_some(keys))
    }

    /// The keys of these matches, by score, then newest first.
    pub(super) fn by_score_then_date(
        &self,
        scored: Vec<(f64, i64)>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let Some(mut ranked) = self.with_sort_keys(scored)? else {
            return Ok(None);
        };
        ranked.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
        Ok(Some(ranked.into_iter().map(|(.., key)| key).collect()))
    }

    /// For each headline holding `word` (or a word it starts), how often:
    /// sorted by key.
    fn occurrences(&self, word: &str, prefix: bool) -> Result<Vec<(i64, u32)>, StoreError> {
        let (sql, bounds) = if prefix {
            (
                "SELECT doc FROM temp.headline_terms WHERE term >= ?1 AND term < ?2",
                vec![word.to_owned(), after_prefix(word)],
            )
        } else {
            (
                "SELECT doc FROM temp.headline_terms WHERE term = ?1",
                vec![word.to_owned()],
            )
        };
        let mut walk = self.conn.prepare_cached(sql)?;
        let rows = walk.query_map(rusqlite::params_from_iter(bounds), |row| row.get(0))?;
        let mut keys: Vec<i64> = rows.collect::<Result<_, _>>()?;
        // a prefix's words come one after another, each in key order
        keys.sort_unstable();
        let mut counted: Vec<(i64, u32)> = Vec::with_capacity(keys.len());
        for key in keys {
            match counted.last_mut() {
                Some((last, count)) if *last == key => *count += 1,
                _ => counted.push((key, 1)),
            }
        }
        Ok(counted)
    }

    /// Headlines indexed and their tokens in all, from FTS5's own record of
    /// them (a row count, then a token count a column).
    fn headline_totals(&self) -> Result<(i64, i64), StoreError> {
        let record: Vec<u8> = self.conn.query_row(
            "SELECT block FROM search_headlines_data WHERE id = 1",
            [],
            |row| row.get(0),
        )?;
        let (rows, used) = varint(&record).unwrap_or((0, 0));
        let (tokens, _) = varint(&record[used..]).unwrap_or((0, 0));
        Ok((
            i64::try_from(rows).unwrap_or(i64::MAX).max(1),
            i64::try_from(tokens).unwrap_or(i64::MAX),
        ))
    }

    /// Each scored match with its article's date, for the tie-break, read
    /// in one walk of the small index a search joins through; `None` if a
    /// match has no article (a store out of step with its index, which the
    /// SQL ranking's join copes with).
    fn with_sort_keys(
        &self,
        mut scored: Vec<(f64, i64)>,
    ) -> Result<Option<Vec<Dated>>, StoreError> {
        scored.sort_unstable_by_key(|(_, key)| *key);
        let keys = serde_json::to_string(&scored.iter().map(|(_, k)| k).collect::<Vec<_>>())
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
        let mut dates = self.conn.prepare_cached(
            "SELECT sort_key FROM json_each(?1)
             JOIN articles a INDEXED BY articles_by_key ON a.key = json_each.value
             ORDER BY json_each.id",
        )?;
        let dates: Vec<i64> = dates
            .query_map([keys], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if dates.len() != scored.len() {
            return Ok(None);
        }
        Ok(Some(
            scored
                .into_iter()
                .zip(dates)
                .map(|((score, key), date)| (score, date, key))
                .collect(),
        ))
    }
}

/// The words of a filter's query when this path can rank it: a search
/// alone, of plain words (letters and digits as the index keeps them, so
/// they need no folding), each perhaps a prefix.
fn plain_words(filter: &Filter) -> Option<Vec<(String, bool)>> {
    let query = filter.query.as_ref()?;
    if !filter.is_search_alone() || query.include.is_empty() || !query.exclude.is_empty() {
        return None;
    }
    query.include.iter().map(plain_word).collect()
}

fn plain_word(term: &Term) -> Option<(String, bool)> {
    let [word] = term.tokens.as_slice() else {
        return None;
    };
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
    plain.then(|| (word.clone(), term.prefix))
}

/// The first string after every word that starts with `prefix` (plain
/// ASCII, so its last byte can be raised by one).
fn after_prefix(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    if let Some(last) = bytes.last_mut() {
        *last += 1;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// The headlines every list holds, with each list's count, by key.
fn intersect(lists: Vec<Vec<(i64, u32)>>) -> Vec<Hit> {
    let mut lists = lists.into_iter();
    let Some(first) = lists.next() else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = first.into_iter().map(|(k, n)| (k, vec![n])).collect();
    for list in lists {
        let mut other = list.into_iter().peekable();
        hits.retain_mut(|(key, counts)| {
            while other.next_if(|(k, _)| k < key).is_some() {}
            match other.next_if(|(k, _)| k == key) {
                Some((_, n)) => {
                    counts.push(n);
                    true
                }
                None => false,
            }
        });
    }
    hits
}

/// FTS5's inverse document frequency of a phrase `found` in of `rows`.
fn idf(rows: i64, found: i64) -> f64 {
    let idf = (((rows - found) as f64 + 0.5) / (found as f64 + 0.5)).ln();
    if idf <= 0.0 { 1e-6 } else { idf }
}

/// FTS5's `bm25()` of a row of `size` tokens holding each phrase
/// `counts[i]` times, in its order of operations, so that equal scores
/// there are equal here.
fn bm25(idf: &[f64], counts: &[u32], size: u32, avgdl: f64) -> f64 {
    let d = f64::from(size);
    let mut score = 0.0;
    for (idf, &count) in idf.iter().zip(counts) {
        let freq = f64::from(count);
        score += idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1.0 - B + B * d / avgdl)));
    }
    -score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_ends_before_the_next_letter() {
        assert_eq!(after_prefix("gov"), "gow");
        assert_eq!(after_prefix("19"), "1:");
    }

    #[test]
    fn headlines_in_every_list_are_kept_with_their_counts() {
        let hits = intersect(vec![
            vec![(1, 1), (4, 2), (9, 1)],
            vec![(2, 1), (4, 1), (9, 3)],
        ]);
        assert_eq!(hits, vec![(4, vec![2, 1]), (9, vec![1, 3])]);
    }

    #[test]
    fn a_shorter_headline_or_more_occurrences_score_better() {
        let idf = [idf(1000, 10)];
        assert!(bm25(&idf, &[1], 5, 8.0) < bm25(&idf, &[1], 9, 8.0));
        assert!(bm25(&idf, &[2], 9, 8.0) < bm25(&idf, &[1], 9, 8.0));
    }
}
