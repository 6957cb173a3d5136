//! The headline list: counts, a screen of headlines at a time (by date or
//! by a search's rank), positions in it, and the sections with their counts.

use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::filter::Sql;
use super::rows::{HEADLINE_COLUMNS, Headline, SectionCount, headline_from};
use super::{ArticleKey, Filter, Store, StoreError};
use crate::search::Query;

/// The SQL of a filtered list in display order: one query by date, or a
/// search's two tiers.
pub(super) fn ordered(filter: &Filter) -> Vec<Sql> {
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

    pub(super) fn page(
        &self,
        sql: &Sql,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
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
}
