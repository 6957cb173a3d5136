//! Writing articles: insert new ones, update edited ones, skip unchanged
//! ones; the search index written last, for a piece of articles at a time.

use rusqlite::{Transaction, TransactionBehavior};

use super::lines::encode_body;
use super::upsert::{Written, upsert};
use super::{ArticleKey, Store, StoreError};
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
/// [`super::BulkImport::finish`]).
pub(super) fn merge_headline_index(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO search_headlines (search_headlines) VALUES ('optimize')",
        [],
    )
    .map(drop)
}
