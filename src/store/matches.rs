//! A search's matches as the command line lists them: best first, as many
//! as asked (or all), read a page at a time with their bodies in one query
//! a page, so memory stays flat whatever the count.

use std::collections::HashSet;

use rusqlite::types::Value;

use super::list::ordered;
use super::rows::{ARTICLE_COLUMNS, article_from_at};
use super::words::Words;
use super::{Filter, Store, StoreError};
use crate::article::Article;

/// Matches handed over at a time.
pub const PAGE: usize = 200;

impl Store {
    /// Hands the articles the filter lets through — best first for a
    /// search, else newest first — to `visit` a page at a time, whole, up
    /// to `limit` of them (all without one).
    pub fn each_match<E: From<StoreError>>(
        &self,
        filter: &Filter,
        limit: Option<usize>,
        visit: &mut dyn FnMut(Vec<Article>) -> Result<(), E>,
    ) -> Result<(), E> {
        // without a limit, as many as SQLite can count
        let mut left = limit.unwrap_or(i64::MAX as usize);
        // the headline tier's matches, which the body tier leaves out
        let mut listed = HashSet::new();
        // the index of words, opened once for both tiers of a page of a
        // search alone
        let index = limit
            .filter(|_| filter.query.is_some() && filter.is_search_alone())
            .and_then(|_| self.words_to_read());
        for (tier, sql) in ordered(filter).into_iter().enumerate() {
            if left == 0 {
                break;
            }
            // a page of the best headline matches, without scoring them all
            if tier == 0
                && sql.ranked
                && let Some(limit) = limit
                && let Some(keys) = self.top_headline_matches(filter, limit, index.as_ref())?
            {
                for page in keys.chunks(PAGE) {
                    visit(self.articles_of(page)?)?;
                }
                left -= keys.len();
                listed.extend(keys);
                continue;
            }
            // a page of the best body matches, ranked by the index of words
            // or else by FTS5 on two threads
            if tier == 1
                && limit.is_some()
                && let Some(keys) = self.top_body_page(index.as_ref(), filter, left, &listed)?
            {
                for page in keys.chunks(PAGE) {
                    visit(self.articles_of(page)?)?;
                }
                break;
            }
            let cap = format!("LIMIT {left}");
            let text = format!(
                "SELECT a.key FROM {} WHERE {} {} {cap}",
                sql.from, sql.condition, sql.order
            );
            let mut statement = self.conn.prepare(&text).map_err(StoreError::from)?;
            let mut rows = statement
                .query(rusqlite::params_from_iter(&sql.params))
                .map_err(StoreError::from)?;
            let mut page = Vec::with_capacity(PAGE);
            while let Some(row) = rows.next().map_err(StoreError::from)? {
                let key = row.get::<_, i64>(0).map_err(StoreError::from)?;
                page.push(key);
                if tier == 0 {
                    listed.insert(key);
                }
                left -= 1;
                if page.len() == PAGE {
                    visit(self.articles_of(&std::mem::take(&mut page))?)?;
                }
                if left == 0 {
                    break;
                }
            }
            if !page.is_empty() {
                visit(self.articles_of(&page)?)?;
            }
        }
        Ok(())
    }

    /// The keys of the first `limit` body matches of a search alone, ranked
    /// by the index of words or else by FTS5; `None` when neither can.
    fn top_body_page(
        &self,
        index: Option<&Words>,
        filter: &Filter,
        limit: usize,
        headline: &HashSet<i64>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        if let Some(index) = index
            && let Some(keys) = self.top_body_by_words(index, filter, limit, headline)?
        {
            return Ok(Some(keys));
        }
        self.top_body_matches(filter, limit, headline)
    }

    /// The articles of these keys, whole, in the keys' order, in one query.
    pub(super) fn articles_of(&self, keys: &[i64]) -> Result<Vec<Article>, StoreError> {
        let marks = vec!["?"; keys.len()].join(", ");
        let params: Vec<Value> = keys.iter().map(|&k| Value::Integer(k)).collect();
        let found = self.rows_of(
            &format!(
                "SELECT a.key, {ARTICLE_COLUMNS}, b.body FROM articles a JOIN bodies b USING (key)
                 WHERE a.key IN ({marks})"
            ),
            &params,
            |row| Ok((row.get::<_, i64>(0)?, article_from_at(row, 1)?)),
        )?;
        let mut by_key: std::collections::HashMap<i64, Article> = found.into_iter().collect();
        Ok(keys.iter().filter_map(|key| by_key.remove(key)).collect())
    }
}
