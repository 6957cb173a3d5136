//! Reading: the headline list a screen at a time, sections, one article,
//! the sidebar lists, and read marks.

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};

use super::filter::Sql;
use super::import::unlines;
use super::{ArticleKey, Filter, Store, StoreError, from_unix};
use crate::article::{Article, headline_key};
use crate::search::Query;

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

/// An item of a Popular or Access Ranking list, linked to the stored
/// article of the same headline when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub title: String,
    pub article: Option<ArticleKey>,
}

const HEADLINE_COLUMNS: &str =
    "a.key, a.id, a.headline, a.published, a.section, a.read, a.saved, a.sort_key";

/// An article's columns but the body, which follows them in the queries
/// that read articles (or an empty text in its place).
const ARTICLE_COLUMNS: &str = "a.id, a.headline, a.caption, a.published, a.dateline, a.section, \
     a.source, b.popular, b.ranking";

fn article_from(row: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: row.get(0)?,
        headline: row.get(1)?,
        caption: row.get(2)?,
        published: row.get::<_, Option<i64>>(3)?.and_then(from_unix),
        dateline: row.get(4)?,
        section: row.get(5)?,
        source: row.get(6)?,
        popular: unlines(&row.get::<_, String>(7)?),
        access_ranking: unlines(&row.get::<_, String>(8)?),
        body: unlines(&row.get::<_, String>(9)?),
    })
}

fn headline_from(row: &Row<'_>) -> rusqlite::Result<Headline> {
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

/// The SQL of a filtered list in display order: one query by date, or a
/// search's two tiers.
fn ordered(filter: &Filter) -> Vec<Sql> {
    match filter.tiers() {
        Some(tiers) => tiers.into(),
        None => vec![filter.sql()],
    }
}

impl Store {
    /// How many articles the filter lets through. Plain views (a section,
    /// unread only, saved only) are read from the counts the store keeps,
    /// so they cost nothing however large the store.
    pub fn count(&self, filter: &Filter) -> Result<usize, StoreError> {
        if filter.query.is_none() && !(filter.unread_only && filter.saved_only) {
            let column = if filter.unread_only {
                "unread"
            } else if filter.saved_only {
                "saved"
            } else {
                "articles"
            };
            let text = match filter.section {
                Some(_) => {
                    format!("SELECT coalesce(sum({column}), 0) FROM counts WHERE section = ?1")
                }
                None => format!("SELECT coalesce(sum({column}), 0) FROM counts"),
            };
            let section: Vec<Value> = filter.section.iter().cloned().map(Value::Text).collect();
            return self.count_of(&text, &section);
        }
        if let Some(fts) = filter.query.as_ref().and_then(Query::to_fts)
            && filter.section.is_none()
            && !filter.unread_only
            && !filter.saved_only
        {
            // a search alone: the index can count without the articles
            return self.count_of(
                "SELECT count(*) FROM search WHERE search MATCH ?1",
                &[Value::Text(fts)],
            );
        }
        self.count_sql(&filter.sql())
    }

    /// `limit` headlines from position `offset`: newest first, undated
    /// last, or best match first for a search.
    pub fn headlines(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        if let Some(tiers) = filter.tiers() {
            // headline matches first; the body tier only when the page
            // reaches past them
            let mut rows = Vec::new();
            let mut offset = offset;
            for (index, tier) in tiers.iter().enumerate() {
                let wanted = limit - rows.len();
                if wanted == 0 {
                    break;
                }
                let page = self.page(tier, offset, wanted)?;
                if page.is_empty() && index == 0 && offset > 0 {
                    offset = offset.saturating_sub(self.count_sql(tier)?);
                    continue;
                }
                rows.extend(page);
                offset = 0;
            }
            return Ok(rows);
        }
        self.page(&filter.sql(), offset, limit)
    }

    /// How many articles the filter lets through, counting no further than
    /// `limit`.
    pub fn count_up_to(&self, filter: &Filter, limit: usize) -> Result<usize, StoreError> {
        self.count_sql_up_to(&filter.sql(), limit)
    }

    /// How many of a search's matches have every term in the headline,
    /// counting no further than `limit`, in the small index of headlines
    /// (where a common word reaches the limit soon); `None` when the filter
    /// is no search.
    pub fn count_headline_matches_up_to(
        &self,
        filter: &Filter,
        limit: usize,
    ) -> Result<Option<usize>, StoreError> {
        filter
            .tiers()
            .map(|[headline_tier, _]| self.count_sql_up_to(&headline_tier, limit))
            .transpose()
    }

    fn count_sql_up_to(&self, sql: &Sql, limit: usize) -> Result<usize, StoreError> {
        let text = format!(
            "SELECT count(*) FROM (SELECT 1 FROM {} WHERE {} LIMIT {limit})",
            sql.from, sql.condition
        );
        self.count_of(&text, &sql.params)
    }

    fn count_sql(&self, sql: &Sql) -> Result<usize, StoreError> {
        let text = format!("SELECT count(*) FROM {} WHERE {}", sql.from, sql.condition);
        self.count_of(&text, &sql.params)
    }

    /// Runs a `SELECT count(*)` with its parameters.
    fn count_of(&self, text: &str, params: &[Value]) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached(text)?
            .query_row(rusqlite::params_from_iter(params), |row| row.get(0))?;
        Ok(count.max(0) as usize)
    }

    /// Runs a query with its parameters and maps every row.
    fn rows_of<T>(
        &self,
        text: &str,
        params: &[Value],
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut statement = self.conn.prepare_cached(text)?;
        let rows = statement.query_map(rusqlite::params_from_iter(params), map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn page(&self, sql: &Sql, offset: usize, limit: usize) -> Result<Vec<Headline>, StoreError> {
        if sql.ranked {
            return self.ranked_page(sql, offset, limit);
        }
        let text = format!(
            "SELECT {HEADLINE_COLUMNS} FROM {} WHERE {} {} LIMIT {limit} OFFSET {offset}",
            sql.from, sql.condition, sql.order
        );
        self.rows_of(&text, &sql.params, headline_from)
    }

    /// A page of a ranked list: every match is ranked, so the ranking reads
    /// only the small index the join goes through, and the page's rows are
    /// read from the articles afterwards.
    fn ranked_page(
        &self,
        sql: &Sql,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let text = format!(
            "SELECT a.key FROM {} WHERE {} {} LIMIT {limit} OFFSET {offset}",
            sql.from, sql.condition, sql.order
        );
        let keys: Vec<i64> = self.rows_of(&text, &sql.params, |row| row.get(0))?;
        let mut row = self.conn.prepare_cached(&format!(
            "SELECT {HEADLINE_COLUMNS} FROM articles a WHERE a.key = ?1"
        ))?;
        let mut rows = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(headline) = row.query_row([key], headline_from).optional()? {
                rows.push(headline);
            }
        }
        Ok(rows)
    }

    /// Up to `limit` headlines right after `anchor` in date order (before
    /// it when `forward` is false), in display order. Walking the index
    /// from a known row costs the same anywhere in the list, where an
    /// OFFSET costs as much as the rows it skips.
    pub fn headlines_next_to(
        &self,
        filter: &Filter,
        anchor: &Headline,
        forward: bool,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let sql = filter.sql();
        let (comparison, order) = if forward {
            (
                "a.sort_key < ? OR (a.sort_key = ? AND a.key < ?)",
                "ORDER BY a.sort_key DESC, a.key DESC",
            )
        } else {
            (
                "a.sort_key > ? OR (a.sort_key = ? AND a.key > ?)",
                "ORDER BY a.sort_key ASC, a.key ASC",
            )
        };
        let text = format!(
            "SELECT {HEADLINE_COLUMNS} FROM {} WHERE {} AND ({comparison}) {order} LIMIT {limit}",
            sql.from, sql.condition
        );
        let mut params = sql.params;
        params.extend([
            anchor.sort_key.into(),
            anchor.sort_key.into(),
            anchor.key.0.into(),
        ]);
        let mut rows = self.rows_of(&text, &params, headline_from)?;
        if !forward {
            rows.reverse();
        }
        Ok(rows)
    }

    /// The last `limit` headlines before the `from_end` last ones, in
    /// display order: the end of a long list without skipping its start.
    pub fn headlines_from_end(
        &self,
        filter: &Filter,
        from_end: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let sql = filter.sql();
        let text = format!(
            "SELECT {HEADLINE_COLUMNS} FROM {} WHERE {} ORDER BY a.sort_key ASC, a.key ASC
             LIMIT {limit} OFFSET {from_end}",
            sql.from, sql.condition
        );
        let mut rows = self.rows_of(&text, &sql.params, headline_from)?;
        rows.reverse();
        Ok(rows)
    }

    /// Where an article stands in the filtered list, if it is in it.
    pub fn position(&self, filter: &Filter, key: ArticleKey) -> Result<Option<usize>, StoreError> {
        let sql = filter.sql();
        let mut params = sql.params.clone();
        params.push(Value::Integer(key.0));
        let text = format!(
            "SELECT a.sort_key FROM {} WHERE {} AND a.key = ?",
            sql.from, sql.condition
        );
        let sort_key: Option<i64> = self
            .conn
            .prepare_cached(&text)?
            .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))
            .optional()?;
        let Some(sort_key) = sort_key else {
            return Ok(None);
        };
        if filter.is_ranked() {
            // rank order has no index to count against: walk it
            let mut position = 0;
            let mut found = None;
            self.walk(filter, |row_key, _| {
                if row_key == key {
                    found = Some(position);
                    return false;
                }
                position += 1;
                true
            })?;
            return Ok(found);
        }
        let mut params = sql.params.clone();
        params.extend([sort_key.into(), sort_key.into(), key.0.into()]);
        let text = format!(
            "SELECT count(*) FROM {} WHERE {} AND (a.sort_key > ? OR (a.sort_key = ? AND a.key > ?))",
            sql.from, sql.condition
        );
        self.count_of(&text, &params).map(Some)
    }

    /// The first unread article at or after `from` in the filtered list,
    /// with its position.
    pub fn next_unread(
        &self,
        filter: &Filter,
        from: usize,
    ) -> Result<Option<(usize, ArticleKey)>, StoreError> {
        let mut position = 0;
        let mut found = None;
        self.walk(filter, |key, read| {
            if position >= from && !read {
                found = Some((position, key));
                return false;
            }
            position += 1;
            true
        })?;
        Ok(found)
    }

    /// Visits the filtered list in display order (by date, or tier by tier
    /// for a search) with each row's key and read mark, while `visit` says
    /// to go on.
    fn walk(
        &self,
        filter: &Filter,
        mut visit: impl FnMut(ArticleKey, bool) -> bool,
    ) -> Result<(), StoreError> {
        for sql in ordered(filter) {
            let text = format!(
                "SELECT a.key, a.read FROM {} WHERE {} {}",
                sql.from, sql.condition, sql.order
            );
            let mut statement = self.conn.prepare_cached(&text)?;
            let mut rows = statement.query(rusqlite::params_from_iter(&sql.params))?;
            while let Some(row) = rows.next()? {
                if !visit(ArticleKey(row.get(0)?), row.get(1)?) {
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Every section with its article and unread counts, by name.
    pub fn sections(&self) -> Result<Vec<SectionCount>, StoreError> {
        self.rows_of(
            "SELECT section, articles, unread FROM counts
             WHERE section != '' AND articles > 0 ORDER BY section",
            &[],
            |row| {
                Ok(SectionCount {
                    name: row.get(0)?,
                    articles: row.get::<_, i64>(1)?.max(0) as usize,
                    unread: row.get::<_, i64>(2)?.max(0) as usize,
                })
            },
        )
    }

    /// Unread articles the filter lets through.
    pub fn unread(&self, filter: &Filter) -> Result<usize, StoreError> {
        self.count(&Filter {
            unread_only: true,
            ..filter.clone()
        })
    }

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
        mut visit: impl FnMut(Article) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = filter.sql();
        let text = format!(
            "SELECT a.key FROM {} WHERE {} {}",
            sql.from, sql.condition, sql.order
        );
        let keys: Vec<i64> = self.rows_of(&text, &sql.params, |row| row.get(0))?;
        for key in keys {
            if let Some(article) = self.article(ArticleKey(key))? {
                visit(article)?;
            }
        }
        Ok(())
    }

    /// The body paragraphs of the article with this id.
    pub fn body(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let body: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT b.body FROM articles a JOIN bodies b USING (key) WHERE a.id = ?1",
            )?
            .query_row([id], |row| row.get(0))
            .optional()?;
        Ok(body.map(|b| unlines(&b)).unwrap_or_default())
    }

    /// A list's titles, each linked to the newest stored article whose
    /// headline matches (case, quotes and spacing aside).
    fn entries(&self, titles: &str) -> Result<Vec<ListEntry>, StoreError> {
        let mut find = self.conn.prepare_cached(
            "SELECT key FROM articles WHERE headline_key = ?1 ORDER BY sort_key DESC LIMIT 1",
        )?;
        unlines(titles)
            .into_iter()
            .map(|title| {
                let article = find
                    .query_row([headline_key(&title)], |row| row.get(0))
                    .optional()?
                    .map(ArticleKey);
                Ok(ListEntry { title, article })
            })
            .collect()
    }

    /// The Access Ranking: the list carried by the most recently published
    /// article that has one.
    pub fn access_ranking(&self) -> Result<Vec<ListEntry>, StoreError> {
        let titles: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT b.ranking FROM articles a JOIN bodies b USING (key)
                 WHERE a.has_ranking ORDER BY a.sort_key DESC, a.key DESC LIMIT 1",
            )?
            .query_row([], |row| row.get(0))
            .optional()?;
        titles.map_or(Ok(Vec::new()), |titles| self.entries(&titles))
    }

    /// The Popular list of a section: the one carried by the section's
    /// newest article that has one.
    pub fn popular(&self, section: &str) -> Result<Vec<ListEntry>, StoreError> {
        let titles: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT b.popular FROM articles a JOIN bodies b USING (key)
                 WHERE a.section = ?1 AND a.has_popular ORDER BY a.sort_key DESC, a.key DESC LIMIT 1",
            )?
            .query_row([section], |row| row.get(0))
            .optional()?;
        titles.map_or(Ok(Vec::new()), |titles| self.entries(&titles))
    }

    /// Saves (bookmarks) an article or lets it go; returns whether that
    /// changed it.
    pub fn set_saved(&self, key: ArticleKey, saved: bool) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .prepare_cached("UPDATE articles SET saved = ?2 WHERE key = ?1 AND saved != ?2")?
            .execute(params![key.0, saved])?;
        Ok(changed > 0)
    }

    /// Marks every article the filter lets through read; returns how many
    /// were unread.
    pub fn mark_read(&self, filter: &Filter) -> Result<usize, StoreError> {
        let sql = filter.sql();
        let text = format!(
            "UPDATE articles SET read = 1 WHERE NOT read AND key IN (SELECT a.key FROM {} WHERE {})",
            sql.from, sql.condition
        );
        Ok(self
            .conn
            .execute(&text, rusqlite::params_from_iter(&sql.params))?)
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
