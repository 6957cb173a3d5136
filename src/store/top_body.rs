//! The best few of a search's body matches — articles holding the query
//! but not in their headline — ranked by FTS5 on two threads, each over
//! half the store.
//!
//! Words common in bodies and rare together in headlines (`officials said
//! prices`) leave this tier tens of thousands of matches to rank at
//! 100,000 articles, and FTS5 scores every one: 80–95 ms as one query.
//! Three things cut it. The tier's own expression, `(q) NOT {headline} :
//! (q)`, is asked as `q` alone and the headline matches, fewer than the
//! page wanted and already listed, are dropped here: FTS5 zeroes the
//! phrases under a NOT, so every score stays the same to the bit, and the
//! NOT's walk and its phrases' document counts go. The matches are ranked
//! by score alone, without joining each to its article; only those tying
//! with or beating the last one wanted are dated for the tie-break. And
//! the keys are split in two at the middle, each half ranked on its own
//! connection at once: BM25 takes its counts from the whole index, so a
//! score is the same whichever half finds it.
//!
//! It answers a search alone (no section or mark); anything else, or a tie
//! running past what was fetched, is left to the SQL ranking.

use std::collections::HashSet;

use rusqlite::{Connection, OpenFlags};

use super::filter::Filter;
use super::{Store, StoreError};

/// Matches fetched past those wanted, so that a tie at the last one wanted
/// is seen whole unless it runs longer.
pub(super) const SLACK: usize = 16;

/// A half's best matches: key and score, best first.
pub(super) type Ranked = Vec<(i64, f64)>;

impl Store {
    /// The keys of the first `limit` body matches of `filter` in the order
    /// `ORDER BY bm25(search, 10.0, 1.0), sort_key DESC, key DESC` gives
    /// them, where `headline` holds every headline match (the tier listed
    /// before, whole); `None` when this path cannot answer.
    pub(super) fn top_body_matches(
        &self,
        filter: &Filter,
        limit: usize,
        headline: &HashSet<i64>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let Some(fts) = filter.query.as_ref().and_then(crate::search::Query::to_fts) else {
            return Ok(None);
        };
        if !filter.is_search_alone() || limit == 0 {
            return Ok(None);
        }
        let wanted = limit + headline.len() + SLACK;
        let (low, high): (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT (SELECT min(key) FROM articles), (SELECT max(key) FROM articles)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let (Some(low), Some(high)) = (low, high) else {
            return Ok(Some(Vec::new()));
        };
        let middle = low + (high - low) / 2;
        let (lower, upper) = self.rank_halves(&fts, [(low, middle), (middle + 1, high)], wanted)?;
        let bound = worst_left_out(&lower, wanted).min(worst_left_out(&upper, wanted));
        self.page_of_ranked(&[lower, upper], bound, limit, headline)
    }

    /// The keys of the first `limit` matches of lists each ranked best
    /// first, leaving out those in `headline`: by score, then newest first
    /// among equals. `bound` is the best score a match not in the lists
    /// may have. `None` when such a match may tie with the last one
    /// wanted.
    pub(super) fn page_of_ranked(
        &self,
        parts: &[Ranked],
        bound: f64,
        limit: usize,
        headline: &HashSet<i64>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let mut scored: Vec<(f64, i64)> = parts
            .iter()
            .flatten()
            .filter(|(key, _)| !headline.contains(key))
            .map(|&(key, score)| (score, key))
            .collect();
        scored.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        if let Some(&(last, _)) = scored.get(limit - 1) {
            // what was not fetched may tie with the last one wanted
            if last >= bound {
                return Ok(None);
            }
            scored.retain(|(score, _)| *score <= last);
        } else if bound.is_finite() {
            return Ok(None);
        }
        Ok(self
            .by_score_then_date(scored)?
            .map(|keys| keys.into_iter().take(limit).collect()))
    }

    /// The best `wanted` matches of `fts` in each of two ranges of keys:
    /// the second on a second connection at the same time, or after the
    /// first when none can be opened.
    fn rank_halves(
        &self,
        fts: &str,
        [first, second]: [(i64, i64); 2],
        wanted: usize,
    ) -> Result<(Ranked, Ranked), StoreError> {
        let Some(other) = self.second_reader() else {
            let lower = best(&self.conn, fts, first, wanted)?;
            return Ok((lower, best(&self.conn, fts, second, wanted)?));
        };
        std::thread::scope(|scope| {
            let upper = scope.spawn(move || best(&other, fts, second, wanted));
            let lower = best(&self.conn, fts, first, wanted);
            let upper = upper.join().unwrap_or(Err(rusqlite::Error::InvalidQuery));
            Ok((lower?, upper?))
        })
    }

    /// A second connection to this store's file, to read only, opened as
    /// this one was; `None` for a store in memory or one that cannot be
    /// opened again.
    pub(super) fn second_reader(&self) -> Option<Connection> {
        let path = self.conn.path().filter(|path| !path.is_empty())?;
        let uri = format!(
            "file:{}{}",
            super::open::uri_path(path),
            if self.read_only { "?immutable=1" } else { "" }
        );
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(uri, flags).ok()?;
        conn.busy_handler(Some(super::wait_a_moment)).ok()?;
        Some(conn)
    }
}

/// The score of the last of `part` when it holds all `wanted` (a match
/// left out may be no better); `inf` when it holds every match.
pub(super) fn worst_left_out(part: &Ranked, wanted: usize) -> f64 {
    match part.last() {
        Some(&(_, last)) if part.len() == wanted => last,
        _ => f64::INFINITY,
    }
}

/// The best `wanted` matches of `fts` with a key in `range`, inclusive.
fn best(
    conn: &Connection,
    fts: &str,
    (from, to): (i64, i64),
    wanted: usize,
) -> rusqlite::Result<Ranked> {
    let mut statement = conn.prepare_cached(
        "SELECT rowid, bm25(search, 10.0, 1.0) FROM search
         WHERE search MATCH ?1 AND rowid >= ?2 AND rowid <= ?3 ORDER BY 2 LIMIT ?4",
    )?;
    let rows = statement.query_map(
        rusqlite::params![fts, from, to, i64::try_from(wanted).unwrap_or(i64::MAX)],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    rows.collect()
}
