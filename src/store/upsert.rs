//! Writing one article: insert it, replace an edited one, or leave an
//! unchanged one; and keep the lists of every capture of its page, with
//! the lists of the latest capture on the article itself.

use rusqlite::{OptionalExtension, Transaction, params};

use super::import::ImportOutcome;
use super::lines::encode_list;
use super::prepared::Prepared;
use super::{ArticleKey, StoreError};
use crate::article::{Article, headline_key};

/// Sorts undated articles after every dated one.
const UNDATED: i64 = i64::MIN;

/// What writing one article did to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    /// A new article.
    Inserted,
    /// A stored article's text and lists replaced by a newer capture's.
    Replaced,
    /// A capture kept beside a stored article, which is otherwise as it was.
    Captured,
    Unchanged,
}

impl Written {
    pub(super) fn outcome(self) -> ImportOutcome {
        match self {
            Self::Inserted => ImportOutcome::Imported,
            Self::Replaced | Self::Captured => ImportOutcome::Updated,
            Self::Unchanged => ImportOutcome::Unchanged,
        }
    }

    /// Whether the text the search index holds changed.
    pub(super) fn changes_text(self) -> bool {
        matches!(self, Self::Inserted | Self::Replaced)
    }
}

/// Writes an article. The stored article it is — the one of the same id,
/// else the one of the same address — is replaced when the article differs
/// and was captured no earlier (an unknown capture time counting earliest);
/// an earlier capture only adds its lists to the article's history.
pub(super) fn upsert(
    tx: &Transaction<'_>,
    prepared: &Prepared,
) -> Result<(Written, ArticleKey), StoreError> {
    let article = &prepared.article;
    let captured = article.captured.map(|t| t.timestamp_millis());
    let Some(stored) = stored(tx, article)? else {
        let key = insert(tx, prepared)?;
        record_capture(tx, key, article)?;
        return Ok((Written::Inserted, ArticleKey(key)));
    };
    let Stored {
        key,
        hash: stored_hash,
        captured: stored_captured,
        ..
    } = stored;
    // reached by its address under another headline or time: it keeps the
    // id it has, which read marks and links know it by
    let renamed;
    let prepared = if stored.id == article.id {
        prepared
    } else {
        renamed = prepared.with_id(stored.id);
        &renamed
    };
    let (article, hash) = (&prepared.article, prepared.hash);
    let recorded = record_capture(tx, key, article)?;
    let written = if captured < stored_captured {
        if recorded {
            Written::Captured
        } else {
            Written::Unchanged
        }
    } else if stored_hash != hash {
        replace(tx, key, prepared)?;
        Written::Replaced
    } else if captured != stored_captured {
        tx.prepare_cached("UPDATE articles SET captured = ?2, source = ?3 WHERE key = ?1")?
            .execute(params![key, captured, article.source])?;
        Written::Captured
    } else {
        Written::Unchanged
    };
    Ok((written, ArticleKey(key)))
}

/// A stored article as an upsert compares it.
struct Stored {
    key: i64,
    id: String,
    hash: i64,
    captured: Option<i64>,
}

/// The stored article that `article` is: the one of its id, else the one
/// of its address.
fn stored(tx: &Transaction<'_>, article: &Article) -> Result<Option<Stored>, StoreError> {
    let row = |row: &rusqlite::Row<'_>| {
        Ok(Stored {
            key: row.get(0)?,
            id: row.get(1)?,
            hash: row.get(2)?,
            captured: row.get(3)?,
        })
    };
    let by_id = tx
        .prepare_cached("SELECT key, id, content_hash, captured FROM articles WHERE id = ?1")?
        .query_row([&article.id], row)
        .optional()?;
    let Some(url) = article.url.as_deref().filter(|_| by_id.is_none()) else {
        return Ok(by_id);
    };
    Ok(tx
        .prepare_cached(
            "SELECT key, id, content_hash, captured FROM articles WHERE url = ?1 \
             ORDER BY key LIMIT 1",
        )?
        .query_row([url], row)
        .optional()?)
}

/// The article's columns, in the order the statements below name them.
fn columns(article: &Article, hash: i64) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Text);
    let published = article.published.map(|p| p.timestamp());
    vec![
        Value::Text(article.id.clone()),
        Value::Text(article.headline.clone()),
        Value::Text(headline_key(&article.headline)),
        text(&article.caption().map(str::to_owned)),
        published.map_or(Value::Null, Value::Integer),
        text(&article.dateline),
        text(&article.section),
        text(&article.source),
        Value::Integer(published.unwrap_or(UNDATED)),
        Value::Integer(hash),
        Value::Integer(i64::from(!article.popular.is_empty())),
        Value::Integer(i64::from(!article.access_ranking.is_empty())),
        text(&article.byline),
        text(&article.url),
        Value::Text(article.origin.as_str().to_owned()),
        article
            .captured
            .map_or(Value::Null, |t| Value::Integer(t.timestamp_millis())),
    ]
}

const COLUMNS: &str = "id, headline, headline_key, caption, published, dateline, section, \
     source, sort_key, content_hash, has_popular, has_ranking, byline, url, origin, captured";

/// The lists as stored: popular, ranking.
fn lists(article: &Article) -> [String; 2] {
    [
        encode_list(&article.popular),
        encode_list(&article.access_ranking),
    ]
}

fn insert(tx: &Transaction<'_>, prepared: &Prepared) -> Result<i64, StoreError> {
    let Prepared {
        article,
        hash,
        body,
        ..
    } = prepared;
    tx.prepare_cached(&format!(
        "INSERT INTO articles ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
         ?11, ?12, ?13, ?14, ?15, ?16)"
    ))?
    .execute(rusqlite::params_from_iter(columns(article, *hash)))?;
    let key = tx.last_insert_rowid();
    let [popular, ranking] = lists(article);
    tx.prepare_cached("INSERT INTO bodies (key, body, popular, ranking) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![key, body, popular, ranking])?;
    Ok(key)
}

fn replace(tx: &Transaction<'_>, key: i64, prepared: &Prepared) -> Result<(), StoreError> {
    let Prepared {
        article,
        hash,
        body,
        ..
    } = prepared;
    let assignments: Vec<String> = COLUMNS
        .split(", ")
        .enumerate()
        .map(|(index, column)| format!("{column} = ?{}", index + 1))
        .collect();
    let mut values = columns(article, *hash);
    values.push(rusqlite::types::Value::Integer(key));
    tx.prepare_cached(&format!(
        "UPDATE articles SET {} WHERE key = ?{}",
        assignments.join(", "),
        values.len()
    ))?
    .execute(rusqlite::params_from_iter(values))?;
    let [popular, ranking] = lists(article);
    tx.prepare_cached("UPDATE bodies SET body = ?2, popular = ?3, ranking = ?4 WHERE key = ?1")?
        .execute(params![key, body, popular, ranking])?;
    Ok(())
}

/// Keeps the lists of a capture of known time in the article's history;
/// returns whether it was not kept already.
fn record_capture(tx: &Transaction<'_>, key: i64, article: &Article) -> Result<bool, StoreError> {
    let Some(captured) = article.captured else {
        return Ok(false);
    };
    if article.popular.is_empty() && article.access_ranking.is_empty() {
        return Ok(false);
    }
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO captures (key, captured, source, popular, ranking)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            key,
            captured.timestamp_millis(),
            article.source,
            encode_list(&article.popular),
            encode_list(&article.access_ranking)
        ])?;
    Ok(added > 0)
}
