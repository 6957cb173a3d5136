//! An import of many articles: committed a transaction at a time, and,
//! into an empty store, written alone, with no second copy of each page
//! and the listing indexes built once at its end.

use std::num::NonZeroUsize;

use rusqlite::{Transaction, TransactionBehavior};

use super::import::{ImportCounts, Writes, generation, merge_headline_index, write};
use super::open::use_wal;
use super::prepared::Prepared;
use super::schema::{build_listing_indexes, drop_listing_indexes};
use super::words::{WordWriter, WordsError};
use super::words_sync::put_changed;
use super::{Filter, Store, StoreError};

/// Bytes of new terms the index of headlines holds in memory before it
/// writes them out as a segment. With SQLite's 1 MB, every piece of an
/// import (its headlines and their prefixes of 3 to 10 letters) became
/// several small segments, all to be merged again.
const HEADLINE_TERMS_IN_MEMORY: i64 = 32 << 20;

/// An import of many pieces: they are written as they come and committed
/// `commit_every` articles at a time, each transaction whole or not at
/// all, however the pieces fall. What is not yet committed when the import
/// stops short (an error, or this dropped unfinished) is rolled back;
/// what was committed stays.
pub struct BulkImport<'s> {
    store: &'s Store,
    commit_every: usize,
    /// The open transaction, and how many articles it has written.
    open: Option<(Transaction<'s>, usize)>,
    /// Whether this import has the store to itself (see
    /// [`Store::bulk_import`]) and must give it back when it ends.
    alone: bool,
    /// The index of words, written along when it held the store at the
    /// start, and committed once at the end: a commit every transaction
    /// held the import up while tantivy wrote out a segment each time.
    /// `behind` when it did not hold the store, or fell behind since, to
    /// be made anew at the end.
    words: Option<WordWriter>,
    behind: bool,
    /// The store's count of writes of search text as this import last
    /// wrote it (see `words_sync.rs`).
    generation: i64,
}

impl Store {
    /// Starts an import committed `commit_every` articles at a time (see
    /// [`BulkImport`]).
    ///
    /// Into an empty store that no other connection has open, the import
    /// writes alone: it keeps the store locked until it ends; it journals
    /// the few pages it changes rather than writing every page to the
    /// write-ahead log and then again to the store; and it builds the
    /// indexes only listing reads once at its end rather than an entry at a
    /// time. At 1,000,000 articles that halves what is written, and takes
    /// the import from 4 min 43 s to 3 min 05 s (BENCHMARKS.md).
    /// Another kiji opening the store meanwhile waits, as it waits for any
    /// write, and says the store stayed busy when the wait is over. An
    /// import killed before its end leaves the indexes to the next opening,
    /// which builds them.
    pub fn bulk_import(
        &mut self,
        commit_every: NonZeroUsize,
    ) -> Result<BulkImport<'_>, StoreError> {
        self.prepare_bulk_import()?;
        let alone = self.count(&Filter::default())? == 0 && self.take_alone()?;
        let generation = generation(&self.conn)?;
        let words = self.words_writer(generation);
        let behind = words.is_none() && self.keeps_words();
        Ok(BulkImport {
            store: self,
            commit_every: commit_every.get(),
            open: None,
            alone,
            words,
            behind,
            generation,
        })
    }

    /// Tunes this connection for importing many batches: a 64 MB page cache
    /// keeps the index pages a batch touches in memory instead of spilling
    /// and reading them back, and the WAL is checkpointed every 40 MB
    /// rather than every 4 MB. Statement journals past 64 KiB go to a
    /// temporary file: a statement inside a long transaction journals every
    /// page it changes, and FTS5 merges segments inside its statements, so
    /// in memory they took an import of 1,000,000 articles, 200,000 a
    /// transaction, to 3.1 GB; on file it stays at 270 MB.
    fn prepare_bulk_import(&self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "cache_size", -65536)?;
        self.conn.pragma_update(None, "temp_store", "FILE")?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 10_000)?;
        self.conn.execute(
            "INSERT INTO search_headlines (search_headlines, rank) VALUES ('hashsize', ?1)",
            [HEADLINE_TERMS_IN_MEMORY],
        )?;
        Ok(())
    }

    /// Locks the store to this connection and leaves WAL mode, then drops
    /// the listing indexes; false, with nothing changed, when another
    /// connection has the store open and it cannot.
    fn take_alone(&self) -> Result<bool, StoreError> {
        set_locking(&self.conn, "EXCLUSIVE")?;
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = TRUNCATE", [], |row| {
                row.get::<_, String>(0)
            });
        let alone = match mode {
            Ok(mode) => mode.eq_ignore_ascii_case("truncate"),
            Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                false
            }
            Err(error) => return Err(error.into()),
        };
        if alone {
            drop_listing_indexes(&self.conn)?;
        } else {
            set_locking(&self.conn, "NORMAL")?;
        }
        Ok(alone)
    }
}

fn set_locking(conn: &rusqlite::Connection, mode: &str) -> rusqlite::Result<()> {
    conn.query_row(&format!("PRAGMA locking_mode = {mode}"), [], |_| Ok(()))
}

impl BulkImport<'_> {
    /// Writes a piece, and marks each article read or saved where its
    /// marks say so (an export carries them); a mark not given, or false,
    /// leaves the stored one. Read marks and saved flags of articles
    /// already stored are kept.
    pub fn write(&mut self, mut articles: &[Prepared]) -> Result<ImportCounts, StoreError> {
        let mut counts = ImportCounts::default();
        while !articles.is_empty() {
            let room = self.commit_every - self.open.as_ref().map_or(0, |(_, written)| *written);
            let (now, later) = articles.split_at(room.min(articles.len()));
            counts.merge(self.write_in_transaction(now)?);
            articles = later;
        }
        Ok(counts)
    }

    /// Writes articles that fit in the open transaction, opening one if
    /// none is, and commits it once full.
    fn write_in_transaction(&mut self, articles: &[Prepared]) -> Result<ImportCounts, StoreError> {
        let (tx, written) = if let Some(open) = self.open.take() {
            self.open.insert(open)
        } else {
            let tx = Transaction::new_unchecked(&self.store.conn, TransactionBehavior::Immediate)?;
            // another kiji wrote since: the index of words lacks it
            if generation(&tx)? != self.generation && self.words.is_some() {
                self.fall_behind(&WordsError::Overtaken);
            }
            self.open.insert((tx, 0))
        };
        let writes = match write_marked(tx, articles) {
            Ok(writes) => writes,
            Err(error) => {
                self.open = None;
                // what the index of words was given since the start goes
                // with it, uncommitted
                self.fall_behind(&error);
                return Err(error);
            }
        };
        *written += articles.len();
        let full = *written >= self.commit_every;
        self.generation = writes.generation.unwrap_or(self.generation);
        if let Some(words) = &self.words
            && let Err(error) = put_changed(words, articles, &writes)
        {
            self.fall_behind(&error);
        }
        if full {
            self.commit()?;
        }
        Ok(writes.counts)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        if let Some((tx, written)) = self.open.take() {
            tx.commit()?;
            tracing::debug!(written, "import committed");
        }
        Ok(())
    }

    /// Whether [`BulkImport::finish`] will make the index of words anew
    /// from the whole store, which takes a while in a large one: it was
    /// missing or behind at the start, or fell behind since.
    pub fn remakes_words(&self) -> bool {
        self.behind
    }

    /// Stops writing the index of words, to make it anew at the end.
    fn fall_behind(&mut self, error: &dyn std::fmt::Display) {
        tracing::warn!(%error, "the index of words fell behind; it is made anew at the end");
        self.words = None;
        self.behind = true;
    }

    /// Commits the index of words as holding what the import committed,
    /// or makes it anew from the store when it fell behind. Searches rank
    /// by FTS5 until then, and if this fails.
    fn settle_words(&mut self) {
        if let Some(mut words) = self.words.take()
            && let Err(error) = words.commit(self.generation).and_then(|()| words.finish())
        {
            self.fall_behind(&error);
        }
        if std::mem::take(&mut self.behind)
            && let Err(error) = self.store.rebuild_words()
        {
            tracing::warn!(%error, "the index of words stays behind the store");
        }
    }

    /// Commits what is written, gives the store back if the import had it
    /// alone, and ends an import of `written` articles (new or changed):
    /// when they are a tenth of the store or more, the index of headlines
    /// is merged into one segment. A search while typing walks that index a
    /// few times a keystroke, and the segments an import leaves make each
    /// walk merge them: at 1,000,000 articles, typing `minister` took 11.5
    /// ms a keystroke at the 99th percentile before and 6.3 ms after.
    /// Merging takes 4.3 s there, so a small import into a large store
    /// leaves it.
    pub fn finish(mut self, written: usize) -> Result<(), StoreError> {
        self.commit()?;
        self.give_back()?;
        let total = self.store.count(&Filter::default())?;
        if written > 0 && written.saturating_mul(10) >= total {
            merge_headline_index(&self.store.conn)?;
        }
        self.settle_words();
        Ok(())
    }

    /// Builds the listing indexes an import alone left out, then unlocks
    /// the store and returns it to WAL mode, so others can read it while
    /// it is written again.
    fn give_back(&mut self) -> Result<(), StoreError> {
        if !std::mem::take(&mut self.alone) {
            return Ok(());
        }
        let started = std::time::Instant::now();
        // sorting takes as much memory again as the page cache: at
        // 1,000,000 articles, 70 MB more at the import's peak
        self.store.conn.pragma_update(None, "cache_size", -16384)?;
        build_listing_indexes(&self.store.conn)?;
        // NORMAL unlocks at the next access: the switch to WAL, which must
        // come after it
        set_locking(&self.store.conn, "NORMAL")?;
        use_wal(&self.store.conn)?;
        tracing::debug!(took = ?started.elapsed(), "listing indexes built");
        Ok(())
    }
}

impl Drop for BulkImport<'_> {
    /// Rolls back what is not committed, and gives the store back; should
    /// that fail too, the next opening builds the indexes and returns the
    /// store to WAL mode.
    fn drop(&mut self) {
        self.open = None;
        if let Err(error) = self.give_back() {
            tracing::warn!(%error, "an import left the store to its next opening");
        }
    }
}

/// Writes a batch as [`write`] does, then the marks it carries.
fn write_marked(tx: &Transaction<'_>, articles: &[Prepared]) -> Result<Writes, StoreError> {
    let writes = write(tx, articles)?;
    let mut mark = tx.prepare_cached(
        "UPDATE articles SET read = read OR ?2, saved = saved OR ?3 WHERE key = ?1",
    )?;
    for (prepared, key) in articles.iter().zip(&writes.keys) {
        if let Some(marks) = prepared.marks.filter(|m| m.read || m.saved) {
            mark.execute(rusqlite::params![key.0, marks.read, marks.saved])?;
        }
    }
    Ok(writes)
}

#[cfg(test)]
#[path = "bulk_tests.rs"]
mod tests;
