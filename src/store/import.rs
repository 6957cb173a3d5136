//! Writing articles: insert new ones, update edited ones, skip unchanged
//! ones; one transaction per batch.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{ArticleKey, Store, StoreError};
use crate::article::{Article, headline_key};
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

/// Sorts undated articles after every dated one.
const UNDATED: i64 = i64::MIN;

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
        let mut counts = ImportCounts::default();
        for article in articles {
            counts.add(upsert(&tx, article)?);
        }
        tx.commit()?;
        Ok(counts)
    }
}

fn upsert(tx: &Transaction<'_>, article: &Article) -> Result<ImportOutcome, StoreError> {
    let hash = article.content_hash() as i64;
    let existing: Option<(i64, i64)> = tx
        .prepare_cached("SELECT key, content_hash FROM articles WHERE id = ?1")?
        .query_row([&article.id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let published = article.published.map(|p| p.timestamp());
    let values = params![
        article.id,
        article.headline,
        headline_key(&article.headline),
        article.caption,
        published,
        article.dateline,
        article.section,
        article.source,
        published.unwrap_or(UNDATED),
        hash,
        !article.popular.is_empty(),
        !article.access_ranking.is_empty(),
    ];
    let (key, outcome) = match existing {
        Some((_, stored)) if stored == hash => return Ok(ImportOutcome::Unchanged),
        Some((key, _)) => {
            tx.prepare_cached(
                "UPDATE articles SET id = ?1, headline = ?2, headline_key = ?3, caption = ?4,
                 published = ?5, dateline = ?6, section = ?7, source = ?8, sort_key = ?9,
                 content_hash = ?10, has_popular = ?11, has_ranking = ?12 WHERE key = ?13",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&key as &dyn rusqlite::ToSql]),
            ))?;
            tx.prepare_cached("DELETE FROM list_items WHERE key = ?1")?
                .execute([key])?;
            tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?
                .execute([key])?;
            (ArticleKey(key), ImportOutcome::Updated)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles (id, headline, headline_key, caption, published, dateline,
                 section, source, sort_key, content_hash, has_popular, has_ranking)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(values)?;
            (ArticleKey(tx.last_insert_rowid()), ImportOutcome::Imported)
        }
    };
    let body = join_body(&article.body);
    tx.prepare_cached("INSERT OR REPLACE INTO bodies (key, body) VALUES (?1, ?2)")?
        .execute(params![key.0, body])?;
    tx.prepare_cached("INSERT INTO search (rowid, headline, body) VALUES (?1, ?2, ?3)")?
        .execute(params![
            key.0,
            index_text(&article.headline),
            index_text(&body)
        ])?;
    let mut insert_item = tx.prepare_cached(
        "INSERT INTO list_items (key, list, position, title, title_key) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (list, items) in [(0, &article.popular), (1, &article.access_ranking)] {
        for (position, title) in items.iter().enumerate() {
            insert_item.execute(params![
                key.0,
                list,
                position as i64,
                title,
                headline_key(title)
            ])?;
        }
    }
    Ok(outcome)
}

/// Paragraphs are stored one per line; a line break inside one (possible
/// only from hand-made input) becomes a space.
fn join_body(body: &[String]) -> String {
    let mut joined = String::with_capacity(body.iter().map(|p| p.len() + 1).sum());
    for (index, paragraph) in body.iter().enumerate() {
        if index > 0 {
            joined.push('\n');
        }
        joined.extend(paragraph.chars().map(|c| if c == '\n' { ' ' } else { c }));
    }
    joined
}
