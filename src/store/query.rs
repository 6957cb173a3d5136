//! Reading: the headline list a screen at a time, sections, one article,
//! the sidebar lists, and read marks.

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, Row, params};

use super::{ArticleKey, Store, StoreError, from_unix};
use crate::article::Article;

/// Which articles a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this section; `None` is all of them.
    pub section: Option<String>,
}

impl Filter {
    pub fn section(name: impl Into<String>) -> Self {
        Self {
            section: Some(name.into()),
        }
    }

    /// The SQL condition, with `?1` bound to the section when there is one.
    fn condition(&self) -> &'static str {
        if self.section.is_some() {
            "section = ?1"
        } else {
            "1"
        }
    }

    fn params(&self) -> Vec<&dyn rusqlite::ToSql> {
        match &self.section {
            Some(section) => vec![section],
            None => Vec::new(),
        }
    }
}

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
}

/// A section and how many articles it holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionCount {
    pub name: String,
    pub articles: usize,
    pub unread: usize,
}

/// An item of a Popular or Access Ranking list, linked to the stored
/// article of the same headline when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub title: String,
    pub article: Option<ArticleKey>,
}

const HEADLINE_COLUMNS: &str = "key, id, headline, published, section, read, saved";
const ORDER: &str = "ORDER BY sort_key DESC, key DESC";

fn headline_from(row: &Row<'_>) -> rusqlite::Result<Headline> {
    Ok(Headline {
        key: ArticleKey(row.get(0)?),
        id: row.get(1)?,
        headline: row.get(2)?,
        published: row.get::<_, Option<i64>>(3)?.and_then(from_unix),
        section: row.get(4)?,
        read: row.get(5)?,
        saved: row.get(6)?,
    })
}

impl Store {
    /// How many articles the filter lets through.
    pub fn count(&self, filter: &Filter) -> Result<usize, StoreError> {
        let sql = format!("SELECT count(*) FROM articles WHERE {}", filter.condition());
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(filter.params().as_slice(), |row| row.get(0))?;
        Ok(count as usize)
    }

    /// `limit` headlines from position `offset`, newest first, undated last.
    pub fn headlines(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let sql = format!(
            "SELECT {HEADLINE_COLUMNS} FROM articles WHERE {} {ORDER} LIMIT {limit} OFFSET {offset}",
            filter.condition()
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(filter.params().as_slice(), headline_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Where an article stands in the filtered list, if it is in it.
    pub fn position(&self, filter: &Filter, key: ArticleKey) -> Result<Option<usize>, StoreError> {
        let sort: Option<(i64, Option<String>)> = self
            .conn
            .prepare_cached("SELECT sort_key, section FROM articles WHERE key = ?1")?
            .query_row([key.0], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((sort_key, section)) = sort else {
            return Ok(None);
        };
        if filter.section.is_some() && filter.section != section {
            return Ok(None);
        }
        let sql = format!(
            "SELECT count(*) FROM articles WHERE {} AND (sort_key > ?2 OR (sort_key = ?2 AND key > ?3))",
            if filter.section.is_some() {
                "section = ?1"
            } else {
                "?1 IS NULL"
            }
        );
        let before: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![filter.section, sort_key, key.0], |row| row.get(0))?;
        Ok(Some(before as usize))
    }

    /// Every section with its article and unread counts, by name.
    pub fn sections(&self) -> Result<Vec<SectionCount>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT section, count(*), sum(NOT read) FROM articles
             WHERE section IS NOT NULL GROUP BY section ORDER BY section",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(SectionCount {
                name: row.get(0)?,
                articles: row.get::<_, i64>(1)? as usize,
                unread: row.get::<_, i64>(2)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Unread articles the filter lets through.
    pub fn unread(&self, filter: &Filter) -> Result<usize, StoreError> {
        let sql = format!(
            "SELECT count(*) FROM articles WHERE NOT read AND {}",
            filter.condition()
        );
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(filter.params().as_slice(), |row| row.get(0))?;
        Ok(count as usize)
    }

    /// The whole article, body and lists included.
    pub fn article(&self, key: ArticleKey) -> Result<Option<Article>, StoreError> {
        let article = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.headline, a.caption, a.published, a.dateline, a.section,
                 a.source, b.body FROM articles a JOIN bodies b USING (key) WHERE a.key = ?1",
            )?
            .query_row([key.0], |row| {
                let published = row.get::<_, Option<i64>>(3)?.and_then(from_unix);
                let body: String = row.get(7)?;
                Ok(Article {
                    id: row.get(0)?,
                    headline: row.get(1)?,
                    caption: row.get(2)?,
                    published,
                    dateline: row.get(4)?,
                    section: row.get(5)?,
                    body: body.split('\n').map(str::to_owned).collect(),
                    popular: Vec::new(),
                    access_ranking: Vec::new(),
                    source: row.get(6)?,
                })
            })
            .optional()?;
        let Some(mut article) = article else {
            return Ok(None);
        };
        article.popular = self.titles(key, 0)?;
        article.access_ranking = self.titles(key, 1)?;
        Ok(Some(article))
    }

    /// Every article the filter lets through, newest first, without bodies:
    /// for `kiji list --json`.
    pub fn listing(&self, filter: &Filter) -> Result<Vec<Article>, StoreError> {
        let sql = format!(
            "SELECT key, id, headline, caption, published, dateline, section, source
             FROM articles WHERE {} {ORDER}",
            filter.condition()
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(filter.params().as_slice(), |row| {
            Ok((
                ArticleKey(row.get(0)?),
                Article {
                    id: row.get(1)?,
                    headline: row.get(2)?,
                    caption: row.get(3)?,
                    published: row.get::<_, Option<i64>>(4)?.and_then(from_unix),
                    dateline: row.get(5)?,
                    section: row.get(6)?,
                    body: Vec::new(),
                    popular: Vec::new(),
                    access_ranking: Vec::new(),
                    source: row.get(7)?,
                },
            ))
        })?;
        let mut articles = Vec::new();
        for row in rows {
            let (key, mut article) = row?;
            article.popular = self.titles(key, 0)?;
            article.access_ranking = self.titles(key, 1)?;
            articles.push(article);
        }
        Ok(articles)
    }

    fn titles(&self, key: ArticleKey, list: i64) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT title FROM list_items WHERE key = ?1 AND list = ?2 ORDER BY position",
        )?;
        let rows = statement.query_map(params![key.0, list], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A list's items, each linked to the newest stored article whose
    /// headline matches (case, quotes and spacing aside).
    fn entries(&self, key: ArticleKey, list: i64) -> Result<Vec<ListEntry>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT li.title, (SELECT a.key FROM articles a WHERE a.headline_key = li.title_key
                               ORDER BY a.sort_key DESC LIMIT 1)
             FROM list_items li WHERE li.key = ?1 AND li.list = ?2 ORDER BY li.position",
        )?;
        let rows = statement.query_map(params![key.0, list], |row| {
            Ok(ListEntry {
                title: row.get(0)?,
                article: row.get::<_, Option<i64>>(1)?.map(ArticleKey),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The Access Ranking: the list carried by the most recently published
    /// article that has one.
    pub fn access_ranking(&self) -> Result<Vec<ListEntry>, StoreError> {
        let carrier: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT key FROM articles WHERE has_ranking ORDER BY sort_key DESC LIMIT 1",
            )?
            .query_row([], |row| row.get(0))
            .optional()?;
        carrier.map_or(Ok(Vec::new()), |key| self.entries(ArticleKey(key), 1))
    }

    /// The Popular list of a section: the one carried by the section's
    /// newest article that has one.
    pub fn popular(&self, section: &str) -> Result<Vec<ListEntry>, StoreError> {
        let carrier: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT key FROM articles WHERE has_popular AND section = ?1
                 ORDER BY sort_key DESC LIMIT 1",
            )?
            .query_row([section], |row| row.get(0))
            .optional()?;
        carrier.map_or(Ok(Vec::new()), |key| self.entries(ArticleKey(key), 0))
    }

    /// Marks an article read or unread; returns whether that changed it.
    pub fn set_read(&self, key: ArticleKey, read: bool) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .prepare_cached("UPDATE articles SET read = ?2 WHERE key = ?1 AND read != ?2")?
            .execute(params![key.0, read])?;
        Ok(changed > 0)
    }
}
