//! The rows reads return, and reading them from SQLite: a headline of the
//! list, a section's counts, a sidebar list item, a whole article.

use chrono::{DateTime, FixedOffset};
use rusqlite::Row;
use rusqlite::types::Value;

use super::lines::{decode_body, decode_list};
use super::{ArticleKey, Store, StoreError};
use crate::article::{Article, Origin};
use crate::time::from_unix;

/// One row of the headline list: what the list shows, without the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub key: ArticleKey,
    pub id: String,
    pub headline: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub section: Option<String>,
    pub read: bool,
    pub saved: bool,
    /// Where the row sorts by date, for fetching the rows next to it.
    pub sort_key: i64,
}

/// A section and how many articles it holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionCount {
    pub name: String,
    pub articles: usize,
    pub unread: usize,
}

/// The section of `sections` that `name` names, case aside.
pub fn find_section<'a>(sections: &'a [SectionCount], name: &str) -> Option<&'a SectionCount> {
    let name = name.trim().to_lowercase();
    sections.iter().find(|s| s.name.to_lowercase() == name)
}

/// An item of a Popular or Access Ranking list, linked to the stored
/// article of the same headline when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub title: String,
    /// The address the page linked the item to, if it gave one.
    pub url: Option<String>,
    pub article: Option<ArticleKey>,
}

pub(super) const HEADLINE_COLUMNS: &str =
    "a.key, a.id, a.headline, a.published, a.section, a.read, a.saved, a.sort_key";

/// An article's columns but the body, which follows them in the queries
/// that read articles (or an empty text in its place).
pub(super) const ARTICLE_COLUMNS: &str = "a.id, a.headline, a.caption, a.published, a.dateline, \
     a.section, a.source, b.popular, b.ranking, a.byline, a.url, a.origin, a.captured";

pub(super) fn article_from(row: &Row<'_>) -> rusqlite::Result<Article> {
    article_from_at(row, 0)
}

/// An article from [`ARTICLE_COLUMNS`] and the body, starting at column
/// `at` of the row.
pub(super) fn article_from_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Article> {
    let caption: Option<String> = row.get(at + 2)?;
    let origin: String = row.get(at + 11)?;
    Ok(Article {
        id: row.get(at)?,
        headline: row.get(at + 1)?,
        published: row.get::<_, Option<i64>>(at + 3)?.and_then(from_unix),
        dateline: row.get(at + 4)?,
        section: row.get(at + 5)?,
        source: row.get(at + 6)?,
        popular: decode_list(&row.get::<_, String>(at + 7)?),
        access_ranking: decode_list(&row.get::<_, String>(at + 8)?),
        byline: row.get(at + 9)?,
        url: row.get(at + 10)?,
        origin: Origin::from_word(&origin),
        captured: row
            .get::<_, Option<i64>>(at + 12)?
            .and_then(DateTime::from_timestamp_millis),
        body: decode_body(&row.get::<_, String>(at + 13)?, caption.as_deref()),
    })
}

pub(super) fn headline_from(row: &Row<'_>) -> rusqlite::Result<Headline> {
    Ok(Headline {
        key: ArticleKey(row.get(0)?),
        id: row.get(1)?,
        headline: row.get(2)?,
        published: row.get::<_, Option<i64>>(3)?.and_then(from_unix),
        section: row.get(4)?,
        read: row.get(5)?,
        saved: row.get(6)?,
        sort_key: row.get(7)?,
    })
}

impl Store {
    /// Runs a `SELECT count(*)` with its parameters.
    pub(super) fn count_of(&self, text: &str, params: &[Value]) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached(text)?
            .query_row(rusqlite::params_from_iter(params), |row| row.get(0))?;
        Ok(count.max(0) as usize)
    }

    /// Runs a query with its parameters and maps every row.
    pub(super) fn rows_of<T>(
        &self,
        text: &str,
        params: &[Value],
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut statement = self.conn.prepare_cached(text)?;
        let rows = statement.query_map(rusqlite::params_from_iter(params), map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
