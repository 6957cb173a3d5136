//! Writing what the reader marks: read, unread, saved.

use rusqlite::params;

use super::{ArticleKey, Filter, Store, StoreError};

impl Store {
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
