//! Reading whole articles: one to read, all of them for an export, and the
//! Popular and Access Ranking lists with their items linked to stored
//! articles.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::filter::Sql;
use super::lines::{decode_body, decode_list};
use super::list::ordered;
use super::rows::{ARTICLE_COLUMNS, ListEntry, article_from};
use super::{ArticleKey, Filter, Marks, Store, StoreError};
use crate::article::{Article, Block, ListItem, headline_key};

impl Store {
    /// The whole article, body and lists included.
    pub fn article(&self, key: ArticleKey) -> Result<Option<Article>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS}, b.body FROM articles a JOIN bodies b USING (key)
                 WHERE a.key = ?1"
            ))?
            .query_row([key.0], article_from)
            .optional()?)
    }

    /// Every article the filter lets through, newest first, without bodies:
    /// for `kiji list --json`.
    pub fn listing(&self, filter: &Filter) -> Result<Vec<Article>, StoreError> {
        let mut articles = Vec::new();
        for sql in ordered(filter) {
            articles.extend(self.listing_of(&sql)?);
        }
        Ok(articles)
    }

    fn listing_of(&self, sql: &Sql) -> Result<Vec<Article>, StoreError> {
        // the same columns as a whole article, with an empty body
        let text = format!(
            "SELECT {ARTICLE_COLUMNS}, '' FROM {} JOIN bodies b ON b.key = a.key WHERE {} {}",
            sql.from, sql.condition, sql.order
        );
        self.rows_of(&text, &sql.params, article_from)
    }

    /// Every article the filter lets through, whole, newest first, handed
    /// to `visit` one at a time; stops at the first error `visit` returns.
    pub fn each_article<E: From<StoreError>>(
        &self,
        filter: &Filter,
        mut visit: impl FnMut(Article, Marks) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = filter.sql();
        let text = format!(
            "SELECT a.key, a.read, a.saved FROM {} WHERE {} {}",
            sql.from, sql.condition, sql.order
        );
        let rows: Vec<(i64, Marks)> = self.rows_of(&text, &sql.params, |row| {
            Ok((
                row.get(0)?,
                Marks {
                    read: row.get(1)?,
                    saved: row.get(2)?,
                },
            ))
        })?;
        for (key, marks) in rows {
            if let Some(article) = self.article(ArticleKey(key))? {
                visit(article, marks)?;
            }
        }
        Ok(())
    }

    /// The body of the article with this id.
    pub fn body(&self, id: &str) -> Result<Vec<Block>, StoreError> {
        let body: Option<(String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT b.body, a.caption FROM articles a JOIN bodies b USING (key) WHERE a.id = ?1",
            )?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        Ok(body
            .map(|(body, caption)| decode_body(&body, caption.as_deref()))
            .unwrap_or_default())
    }

    /// The bodies of several articles, read in one query: what the list of
    /// a search quotes under each headline it shows.
    pub fn bodies(&self, keys: &[ArticleKey]) -> Result<Vec<(ArticleKey, Vec<Block>)>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; keys.len()].join(", ");
        let params: Vec<rusqlite::types::Value> = keys.iter().map(|k| k.0.into()).collect();
        self.rows_of(
            &format!(
                "SELECT a.key, b.body, a.caption FROM articles a JOIN bodies b USING (key)
                 WHERE a.key IN ({marks})"
            ),
            &params,
            |row| {
                let body: String = row.get(1)?;
                let caption: Option<String> = row.get(2)?;
                Ok((
                    ArticleKey(row.get(0)?),
                    decode_body(&body, caption.as_deref()),
                ))
            },
        )
    }

    /// A list's items, each linked to the newest stored article whose
    /// headline matches (case, quotes and spacing aside), else to the
    /// article at the item's address.
    pub fn resolve(&self, items: &[ListItem]) -> Result<Vec<ListEntry>, StoreError> {
        let mut find = self.conn.prepare_cached(
            "SELECT key FROM articles WHERE headline_key = ?1 ORDER BY sort_key DESC LIMIT 1",
        )?;
        let mut at = self
            .conn
            .prepare_cached("SELECT key FROM articles WHERE url = ?1 LIMIT 1")?;
        items
            .iter()
            .map(|item| {
                let mut article = find
                    .query_row([headline_key(&item.title)], |row| row.get(0))
                    .optional()?;
                if let (None, Some(url)) = (article, &item.url) {
                    article = at.query_row([url], |row| row.get(0)).optional()?;
                }
                let article = article.map(ArticleKey);
                Ok(ListEntry {
                    title: item.title.clone(),
                    url: item.url.clone(),
                    article,
                })
            })
            .collect()
    }

    /// The newest Access Ranking: the one on the page of the most recently
    /// published article that has one.
    pub fn newest_access_ranking(&self) -> Result<Option<NewestList>, StoreError> {
        self.newest_list(
            "SELECT a.key, b.ranking, a.captured, a.published FROM articles a
             JOIN bodies b USING (key)
             WHERE a.has_ranking ORDER BY a.sort_key DESC, a.key DESC LIMIT 1",
            None,
        )
    }

    /// The newest Popular list of a section: the one on the page of the
    /// section's most recently published article that has one.
    pub fn newest_popular(&self, section: &str) -> Result<Option<NewestList>, StoreError> {
        self.newest_list(
            "SELECT a.key, b.popular, a.captured, a.published FROM articles a
             JOIN bodies b USING (key)
             WHERE a.section = ?1 AND a.has_popular
             ORDER BY a.sort_key DESC, a.key DESC LIMIT 1",
            Some(section),
        )
    }

    fn newest_list(
        &self,
        sql: &str,
        section: Option<&str>,
    ) -> Result<Option<NewestList>, StoreError> {
        let params: Vec<&str> = section.into_iter().collect();
        let row: Option<(i64, String, Option<i64>, Option<i64>)> = self
            .conn
            .prepare_cached(sql)?
            .query_row(rusqlite::params_from_iter(params), |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .optional()?;
        let Some((key, list, captured, published)) = row else {
            return Ok(None);
        };
        let as_of = captured
            .and_then(DateTime::from_timestamp_millis)
            .or_else(|| published.and_then(|p| DateTime::from_timestamp(p, 0)));
        Ok(Some(NewestList {
            entries: self.resolve(&decode_list(&list))?,
            page: ArticleKey(key),
            as_of,
        }))
    }
}

/// The newest list of its kind in the store, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewestList {
    pub entries: Vec<ListEntry>,
    /// The article whose page showed it.
    pub page: ArticleKey,
    /// When the page was captured, else when its article was published.
    pub as_of: Option<DateTime<Utc>>,
}
