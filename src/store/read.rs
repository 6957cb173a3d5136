//! Reading whole articles: one to read, all of them for an export, and the
//! Popular and Access Ranking lists with their items linked to stored
//! articles.

use rusqlite::OptionalExtension;

use super::filter::Sql;
use super::lines::unlines;
use super::list::ordered;
use super::rows::{ARTICLE_COLUMNS, ListEntry, article_from};
use super::{ArticleKey, Filter, Store, StoreError};
use crate::article::{Article, headline_key};

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
}
