//! Writing what the reader marks: read, unread, saved.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

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

    /// Whether an article is marked read; `None` when it is not stored.
    pub fn is_read(&self, key: ArticleKey) -> Result<Option<bool>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT read FROM articles WHERE key = ?1")?
            .query_row([key.0], |row| row.get(0))
            .optional()?)
    }

    /// Writes read marks in one transaction. Unless `wait`, gives up at
    /// once when another connection is writing (a refresh beside the
    /// reader), returning false: the reader keeps them and tries again,
    /// rather than wait with a key unanswered.
    pub fn write_read_marks(
        &mut self,
        marks: &[(ArticleKey, bool)],
        wait: bool,
    ) -> Result<bool, StoreError> {
        if !wait {
            self.conn.busy_handler(None::<fn(i32) -> bool>)?;
        }
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            {
                let mut mark = tx.prepare_cached("UPDATE articles SET read = ?2 WHERE key = ?1")?;
                for (key, read) in marks {
                    mark.execute(params![key.0, read])?;
                }
            }
            tx.commit()
        })();
        if !wait {
            self.conn.busy_handler(Some(super::wait_a_moment))?;
        }
        match written {
            Ok(()) => Ok(true),
            Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                Ok(false)
            }
            Err(error) => Err(error.into()),
        }
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
