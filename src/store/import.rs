//! Writing articles: insert new ones, update edited ones, skip unchanged
//! ones; the search index written last, for a piece of articles at a time.

use rusqlite::{Transaction, TransactionBehavior, params};

use super::prepared::Prepared;
use super::upsert::{Written, upsert};
use super::{ArticleKey, Store, StoreError};
use crate::article::Article;

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
        let prepared: Vec<Prepared> = articles.into_iter().map(Prepared::copy_of).collect();
        let writes = write(&tx, &prepared)?;
        tx.commit()?;
        self.words_follow(&prepared, &writes);
        let counts = writes.counts;
        tracing::debug!(
            imported = counts.imported,
            updated = counts.updated,
            unchanged = counts.unchanged,
            "batch committed"
        );
        Ok(counts)
    }
}

/// What [`write`] did: its counts, the key of each article in order, the
/// places of those whose search text it wrote, with whether it replaced
/// text written before, and the store's count of writes of search text
/// it left, if it wrote any (one more than before it).
pub(super) struct Writes {
    pub counts: ImportCounts,
    pub keys: Vec<ArticleKey>,
    pub changed: Vec<(usize, bool)>,
    pub generation: Option<i64>,
}

/// The store's count of writes of search text (see [`index`]).
pub(super) fn generation(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT generation FROM search_changes")?
        .query_row([], |row| row.get(0))
}

/// Writes articles and their search text.
pub(super) fn write(tx: &Transaction<'_>, articles: &[Prepared]) -> Result<Writes, StoreError> {
    let mut counts = ImportCounts::default();
    let mut changed = Vec::new();
    let mut keys = Vec::with_capacity(articles.len());
    for (place, prepared) in articles.iter().enumerate() {
        let (written, key) = upsert(tx, prepared)?;
        counts.add(written.outcome());
        keys.push(key);
        if written.changes_text() {
            changed.push((place, written));
        }
    }
    let generation = index(tx, articles, &keys, &changed)?;
    Ok(Writes {
        counts,
        keys,
        generation,
        changed: changed
            .into_iter()
            .map(|(place, written)| (place, written == Written::Replaced))
            .collect(),
    })
}

impl Store {
    /// Imports one article, giving its key.
    pub fn import_article(&mut self, article: &Article) -> Result<ArticleKey, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let prepared = [Prepared::copy_of(article)];
        let writes = write(&tx, &prepared)?;
        tx.commit()?;
        self.words_follow(&prepared, &writes);
        Ok(writes.keys[0])
    }
}

/// Writes the changed articles into the search indexes, an article at a
/// time. FTS5 writes out the terms it holds whenever a statement opens a
/// savepoint, as one inserting many rows does, or one a trigger fires; a
/// statement inserting one row, with no trigger, opens none, so the terms
/// of every article a transaction writes go out together, as few large
/// segments, with no text built to carry the rows.
///
/// Each call that writes any counts up `search_changes`, which the index
/// of words follows (see `words.rs`), and gives the new count.
fn index(
    tx: &Transaction<'_>,
    articles: &[Prepared],
    keys: &[ArticleKey],
    changed: &[(usize, Written)],
) -> Result<Option<i64>, StoreError> {
    if changed.is_empty() {
        return Ok(None);
    }
    for table in ["search", "search_headlines"] {
        let mut remove = tx.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?;
        for (place, _) in changed
            .iter()
            .filter(|(_, written)| *written == Written::Replaced)
        {
            remove.execute([keys[*place].0])?;
        }
    }
    let mut search =
        tx.prepare_cached("INSERT INTO search (rowid, headline, body) VALUES (?1, ?2, ?3)")?;
    for &(place, _) in changed {
        let (key, prepared) = (keys[place].0, &articles[place]);
        let (headline, body) = (&prepared.search_headline, &prepared.search_body);
        search.execute(params![key, headline, body])?;
        index_headline(tx, key, headline)?;
    }
    let changed_keys: Vec<i64> = changed.iter().map(|(place, _)| keys[*place].0).collect();
    super::sizes::record(tx, &changed_keys)?;
    tx.prepare_cached("UPDATE search_changes SET generation = generation + 1")?
        .execute([])?;
    Ok(Some(generation(tx)?))
}

/// Writes a headline, spaced by [`crate::search::index_text`], into the index of
/// headlines.
pub(super) fn index_headline(
    tx: &Transaction<'_>,
    key: i64,
    headline: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO search_headlines (rowid, headline) VALUES (?1, ?2)")?
        .execute(params![key, headline])
        .map(drop)
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
