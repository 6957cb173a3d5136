//! Writing articles: insert new ones, update edited ones, skip unchanged
//! ones; the search index written last, for a piece of articles at a time.

use std::num::NonZeroUsize;

use rusqlite::{Transaction, TransactionBehavior};

use super::lines::encode_body;
use super::upsert::{Written, upsert};
use super::{ArticleKey, Marks, Store, StoreError};
use crate::article::Article;
use crate::search::index_text;

/// What an import did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported,
    Updated,
    Unchanged,
}

/// What an import did, article by article, added up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportCounts {
    pub fn add(&mut self, outcome: ImportOutcome) {
        match outcome {
            ImportOutcome::Imported => self.imported += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
        }
    }

    pub fn merge(&mut self, other: Self) {
        self.imported += other.imported;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

impl Store {
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
        Ok(())
    }

    /// Imports a batch in one transaction: all of it lands, or none of it.
    /// Read marks and saved flags of articles already stored are kept.
    pub fn import<'a>(
        &mut self,
        articles: impl IntoIterator<Item = &'a Article>,
    ) -> Result<ImportCounts, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (counts, _) = write(&tx, articles)?;
        tx.commit()?;
        tracing::debug!(
            imported = counts.imported,
            updated = counts.updated,
            unchanged = counts.unchanged,
            "batch committed"
        );
        Ok(counts)
    }
}

/// Writes articles and their search text; gives what was done and the key
/// of each article, in order.
pub(super) fn write<'a>(
    tx: &Transaction<'_>,
    articles: impl IntoIterator<Item = &'a Article>,
) -> Result<(ImportCounts, Vec<ArticleKey>), StoreError> {
    let mut counts = ImportCounts::default();
    let mut changed = Vec::new();
    let mut keys = Vec::new();
    for article in articles {
        let (written, key) = upsert(tx, article)?;
        counts.add(written.outcome());
        keys.push(key);
        if written.changes_text() {
            changed.push((key, written, article));
        }
    }
    index(tx, &changed)?;
    Ok((counts, keys))
}

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
}

impl Store {
    /// Starts an import committed `commit_every` articles at a time (see
    /// [`BulkImport`]).
    pub fn bulk_import(
        &mut self,
        commit_every: NonZeroUsize,
    ) -> Result<BulkImport<'_>, StoreError> {
        self.prepare_bulk_import()?;
        Ok(BulkImport {
            store: self,
            commit_every: commit_every.get(),
            open: None,
        })
    }
}

impl BulkImport<'_> {
    /// Writes a piece, and marks each article read or saved where its
    /// marks say so (an export carries them); a mark not given, or false,
    /// leaves the stored one. Read marks and saved flags of articles
    /// already stored are kept.
    pub fn write(
        &mut self,
        mut articles: &[(Article, Option<Marks>)],
    ) -> Result<ImportCounts, StoreError> {
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
    fn write_in_transaction(
        &mut self,
        articles: &[(Article, Option<Marks>)],
    ) -> Result<ImportCounts, StoreError> {
        let (tx, written) = match &mut self.open {
            Some(open) => open,
            None => self.open.insert((
                Transaction::new_unchecked(&self.store.conn, TransactionBehavior::Immediate)?,
                0,
            )),
        };
        let counts = match write_marked(tx, articles) {
            Ok(counts) => counts,
            Err(error) => {
                self.open = None;
                return Err(error);
            }
        };
        *written += articles.len();
        if *written >= self.commit_every {
            self.commit()?;
        }
        Ok(counts)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        if let Some((tx, written)) = self.open.take() {
            tx.commit()?;
            tracing::debug!(written, "import committed");
        }
        Ok(())
    }

    /// Commits what is written, and ends an import of `written` articles
    /// (new or changed): when they are a tenth of the store or more, the
    /// index of headlines is merged into one segment. A search while typing
    /// walks that index a few times a keystroke, and the segments an import
    /// leaves make each walk merge them: at 1,000,000 articles, typing
    /// `minister` took 11.5 ms a keystroke at the 99th percentile before
    /// and 6.3 ms after. Merging takes 4.3 s there, so a small import into
    /// a large store leaves it.
    pub fn finish(mut self, written: usize) -> Result<(), StoreError> {
        self.commit()?;
        let total = self.store.count(&super::Filter::default())?;
        if written > 0 && written.saturating_mul(10) >= total {
            merge_headline_index(&self.store.conn)?;
        }
        Ok(())
    }
}

/// Writes a batch as [`write`] does, then the marks it carries.
fn write_marked(
    tx: &Transaction<'_>,
    articles: &[(Article, Option<Marks>)],
) -> Result<ImportCounts, StoreError> {
    let (counts, keys) = write(tx, articles.iter().map(|(article, _)| article))?;
    let mut mark = tx.prepare_cached(
        "UPDATE articles SET read = read OR ?2, saved = saved OR ?3 WHERE key = ?1",
    )?;
    for ((_, marks), key) in articles.iter().zip(keys) {
        if let Some(marks) = marks.filter(|m| m.read || m.saved) {
            mark.execute(rusqlite::params![key.0, marks.read, marks.saved])?;
        }
    }
    Ok(counts)
}

impl Store {
    /// Imports one article, giving its key.
    pub fn import_article(&mut self, article: &Article) -> Result<ArticleKey, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (_, keys) = write(&tx, [article])?;
        tx.commit()?;
        Ok(keys[0])
    }
}

/// Writes the changed articles into the search indexes, a statement per
/// index. FTS5 writes its pending terms out whenever a statement opens a
/// savepoint, so a statement per article would write a tiny index segment
/// per article, all to be merged later.
fn index(
    tx: &Transaction<'_>,
    changed: &[(ArticleKey, Written, &Article)],
) -> Result<(), StoreError> {
    for table in ["search", "search_headlines"] {
        let mut remove = tx.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?;
        for (key, ..) in changed
            .iter()
            .filter(|(_, written, _)| *written == Written::Replaced)
        {
            remove.execute([key.0])?;
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    // each index reads its own JSON: parsing the bodies twice would cost
    // more than the headline index itself
    let headlines: Vec<(i64, String)> = changed
        .iter()
        .map(|(key, _, article)| (key.0, index_text(&article.headline)))
        .collect();
    let rows: Vec<(i64, &str, String)> = changed
        .iter()
        .zip(&headlines)
        .map(|((_, _, article), (key, headline))| {
            (
                *key,
                headline.as_str(),
                index_text(&encode_body(&article.body)),
            )
        })
        .collect();
    tx.prepare_cached(
        "INSERT INTO search (rowid, headline, body)
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)",
    )?
    .execute([as_json(&rows)?])?;
    index_headlines(tx, &headlines)?;
    Ok(())
}

/// Writes `(key, headline)` rows, headlines spaced by [`index_text`], into
/// the index of headlines in one statement.
pub(super) fn index_headlines(
    tx: &Transaction<'_>,
    rows: &[(i64, String)],
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO search_headlines (rowid, headline)
         SELECT value ->> 0, value ->> 1 FROM json_each(?1)",
    )?
    .execute([as_json(&rows)?])?;
    Ok(())
}

/// Rows as one JSON text, for inserting many in one statement.
fn as_json(rows: &impl serde::Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(rows)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))
}

/// Merges the index of headlines into one segment (see
/// [`BulkImport::finish`]).
pub(super) fn merge_headline_index(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO search_headlines (search_headlines) VALUES ('optimize')",
        [],
    )
    .map(drop)
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
