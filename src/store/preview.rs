//! A search's headline matches ranked among the newest of them only: what
//! the reader shows while a query is typed, since ranking every headline
//! match of a common word's first letters costs about a microsecond a match
//! (BM25 reads each match's length), tens of milliseconds at 100,000
//! articles and ten times that at 1,000,000. The full ranking follows when
//! no key is waiting.

use rusqlite::types::Value;

use super::rows::Headline;
use super::{ArticleKey, Filter, Store, StoreError};

impl Store {
    /// The oldest of a search's newest `candidates` headline matches (the
    /// filter's section and marks applied), by import order; `None` when
    /// there are no more matches than that, or the filter is no search, and
    /// ranking them all costs no more.
    pub fn newest_headline_matches(
        &self,
        filter: &Filter,
        candidates: usize,
    ) -> Result<Option<ArticleKey>, StoreError> {
        let Some([tier, _]) = filter.tiers() else {
            return Ok(None);
        };
        let Some(skip) = candidates.checked_sub(1) else {
            return Ok(None);
        };
        let text = format!(
            "SELECT search_headlines.rowid FROM {} WHERE {}
             ORDER BY search_headlines.rowid DESC LIMIT 2 OFFSET {skip}",
            tier.from, tier.condition
        );
        let keys: Vec<i64> = self.rows_of(&text, &tier.params, |row| row.get(0))?;
        Ok(match keys[..] {
            [oldest, _] => Some(ArticleKey(oldest)),
            _ => None,
        })
    }

    /// Like [`Store::headlines`] for a search whose headline matches are
    /// ranked only from `from` on (see [`Store::newest_headline_matches`]):
    /// best of those first, `limit` of them from position `offset`.
    pub fn headlines_ranked_from(
        &self,
        filter: &Filter,
        from: ArticleKey,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let Some([mut tier, _]) = filter.tiers() else {
            return self.headlines(filter, offset, limit);
        };
        tier.condition.push_str(" AND search_headlines.rowid >= ?");
        tier.params.push(Value::Integer(from.0));
        self.page(&tier, offset, limit)
    }
}
