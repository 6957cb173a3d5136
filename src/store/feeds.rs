//! The feeds kiji follows: following and unfollowing, what each fetch of a
//! feed said, and the items seen in each — written with their articles in
//! one transaction, so an item is never marked seen without its article.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::import::{ImportCounts, write};
use super::{Prepared, Store, StoreError};
use crate::article::Article;

/// A followed feed, with what its last fetch said and how many articles
/// came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub url: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub added: DateTime<Utc>,
    /// When it was last fetched without error.
    pub fetched: Option<DateTime<Utc>>,
    /// Why the last fetch failed, if it did.
    pub error: Option<String>,
    pub articles: usize,
    pub unread: usize,
}

/// What one fetch of a feed said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedFetch {
    pub title: Option<String>,
    pub site: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// `None` when it was fetched (or unchanged); else why it failed.
    pub error: Option<String>,
}

/// An item of a feed, and the article made of it — none when neither its
/// page nor the feed held one.
pub type SeenItem = (String, Option<Article>);

fn millis(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

fn time(millis: Option<i64>) -> Option<DateTime<Utc>> {
    millis.and_then(DateTime::from_timestamp_millis)
}

impl Store {
    /// Follows a feed; false if it was followed already.
    pub fn follow(
        &mut self,
        url: &str,
        title: Option<&str>,
        site: Option<&str>,
    ) -> Result<bool, StoreError> {
        let added = self.conn.execute(
            "INSERT OR IGNORE INTO feeds (url, title, site, added) VALUES (?1, ?2, ?3, ?4)",
            params![url, title, site, millis(Utc::now())],
        )?;
        Ok(added > 0)
    }

    /// Stops following a feed, given as followed or without its final `/`;
    /// gives the address it was followed as. Its articles stay.
    pub fn unfollow(&mut self, url: &str) -> Result<Option<String>, StoreError> {
        let trimmed = url.trim_end_matches('/');
        let found: Option<String> = self
            .conn
            .query_row(
                "SELECT url FROM feeds WHERE url IN (?1, ?2, ?2 || '/') ORDER BY url != ?1 LIMIT 1",
                params![url, trimmed],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(found) = &found {
            self.conn
                .execute("DELETE FROM feeds WHERE url = ?1", [found])?;
        }
        Ok(found)
    }

    /// Every followed feed, in the order followed.
    pub fn feeds(&self) -> Result<Vec<FeedRow>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT f.url, f.title, f.site, f.etag, f.last_modified, f.added, f.fetched, f.error,
                    count(a.key), count(a.key) FILTER (WHERE NOT a.read)
             FROM feeds f
             LEFT JOIN feed_items i ON i.feed = f.url
             LEFT JOIN articles a ON a.key = i.key
             GROUP BY f.url ORDER BY f.added, f.rowid",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(FeedRow {
                url: row.get(0)?,
                title: row.get(1)?,
                site: row.get(2)?,
                etag: row.get(3)?,
                last_modified: row.get(4)?,
                added: time(row.get(5)?).unwrap_or_default(),
                fetched: time(row.get(6)?),
                error: row.get(7)?,
                articles: row.get::<_, i64>(8)? as usize,
                unread: row.get::<_, i64>(9)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records what a fetch of a feed said: its title and validators when it
    /// was fetched, or why it failed (keeping what an earlier fetch said).
    pub fn feed_fetched(
        &mut self,
        url: &str,
        fetch: &FeedFetch,
        when: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if let Some(error) = &fetch.error {
            self.conn.execute(
                "UPDATE feeds SET error = ?2 WHERE url = ?1",
                params![url, error],
            )?;
            return Ok(());
        }
        self.conn.execute(
            "UPDATE feeds SET title = coalesce(?2, title), site = coalesce(?3, site),
                 etag = coalesce(?4, etag), last_modified = coalesce(?5, last_modified),
                 fetched = ?6, error = NULL
             WHERE url = ?1",
            params![
                url,
                fetch.title,
                fetch.site,
                fetch.etag,
                fetch.last_modified,
                millis(when)
            ],
        )?;
        Ok(())
    }

    /// The ids of the items of a feed seen before.
    pub fn seen_items(&self, feed: &str) -> Result<HashSet<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT item FROM feed_items WHERE feed = ?1")?;
        let rows = statement.query_map([feed], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Imports the articles of items of a feed and marks the items seen, in
    /// one transaction.
    pub fn import_items(
        &mut self,
        feed: &str,
        items: &[SeenItem],
    ) -> Result<ImportCounts, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let articles: Vec<Prepared> = items
            .iter()
            .filter_map(|(_, a)| a.as_ref())
            .map(Prepared::copy_of)
            .collect();
        let writes = write(&tx, &articles)?;
        let mut keys = writes.keys.iter();
        let now = millis(Utc::now());
        {
            let mut seen = tx.prepare_cached(
                "INSERT OR REPLACE INTO feed_items (feed, item, key, seen) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (item, article) in items {
                let key = article.as_ref().and_then(|_| keys.next()).map(|k| k.0);
                seen.execute(params![feed, item, key, now])?;
            }
        }
        tx.commit()?;
        self.words_follow(&articles, &writes);
        Ok(writes.counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Origin};
    use crate::store::Filter;

    fn page(headline: &str, url: &str, text: &str) -> Article {
        let mut article = Article::new(headline.into(), None);
        article.url = Some(url.into());
        article.body = vec![Block::paragraph(text)];
        article.origin = Origin::Feed;
        article.captured = Some(Utc::now());
        article
    }

    #[test]
    fn a_feed_is_followed_once_and_counts_its_articles() {
        let mut store = Store::open_in_memory().expect("store");
        assert!(
            store
                .follow("https://a.example/feed/", None, None)
                .expect("follow")
        );
        assert!(
            !store
                .follow("https://a.example/feed/", None, None)
                .expect("again")
        );
        let items = [
            (
                "1".to_owned(),
                Some(page("One", "https://a.example/1", "Text.")),
            ),
            ("2".to_owned(), None),
        ];
        let counts = store
            .import_items("https://a.example/feed/", &items)
            .expect("import");
        assert_eq!(counts.imported, 1);
        let seen = store.seen_items("https://a.example/feed/").expect("seen");
        assert_eq!(seen, HashSet::from(["1".to_owned(), "2".to_owned()]));
        let feeds = store.feeds().expect("feeds");
        assert_eq!((feeds[0].articles, feeds[0].unread), (1, 1));
        let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
        store.set_read(key, true).expect("read");
        assert_eq!(store.feeds().expect("feeds")[0].unread, 0);
    }

    #[test]
    fn a_failed_fetch_keeps_what_the_last_good_one_said() {
        let mut store = Store::open_in_memory().expect("store");
        store
            .follow("https://a.example/feed/", None, None)
            .expect("follow");
        let good = FeedFetch {
            title: Some("A News".into()),
            etag: Some("\"v1\"".into()),
            ..FeedFetch::default()
        };
        let when = Utc::now();
        store
            .feed_fetched("https://a.example/feed/", &good, when)
            .expect("ok");
        let failed = FeedFetch {
            error: Some("https://a.example/feed/: 503 Service Unavailable".into()),
            ..FeedFetch::default()
        };
        store
            .feed_fetched("https://a.example/feed/", &failed, Utc::now())
            .expect("failed");
        let row = &store.feeds().expect("feeds")[0];
        assert_eq!(row.title.as_deref(), Some("A News"));
        assert_eq!(row.etag.as_deref(), Some("\"v1\""));
        assert_eq!(
            row.fetched.map(|t| t.timestamp_millis()),
            Some(when.timestamp_millis())
        );
        assert!(row.error.as_deref().is_some_and(|e| e.contains("503")));
    }

    #[test]
    fn unfollowing_takes_the_address_with_or_without_its_final_slash() {
        let mut store = Store::open_in_memory().expect("store");
        store
            .follow("https://a.example/feed/", None, None)
            .expect("follow");
        store
            .import_items(
                "https://a.example/feed/",
                &[("1".into(), Some(page("One", "https://a.example/1", "T.")))],
            )
            .expect("import");
        assert_eq!(store.unfollow("https://b.example/feed/").expect("q"), None);
        assert_eq!(
            store
                .unfollow("https://a.example/feed")
                .expect("q")
                .as_deref(),
            Some("https://a.example/feed/")
        );
        assert!(store.feeds().expect("feeds").is_empty());
        assert_eq!(
            store.headlines(&Filter::default(), 0, 5).expect("q").len(),
            1,
            "its articles stay"
        );
    }

    #[test]
    fn the_same_page_reached_twice_is_one_article() {
        let mut store = Store::open_in_memory().expect("store");
        let from_feed = page("Ferry Returns", "https://h.example/ferry", "Short.");
        store.import([&from_feed]).expect("feed item");
        let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
        store.set_read(key, true).expect("read");
        let mut from_page = page(
            "Island Ferry Returns After Repairs",
            "https://h.example/ferry",
            "Whole text.",
        );
        from_page.captured = Some(Utc::now() + chrono::Duration::seconds(1));
        let counts = store.import([&from_page]).expect("page");
        assert_eq!((counts.imported, counts.updated), (0, 1));
        let rows = store.headlines(&Filter::default(), 0, 5).expect("q");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].headline, "Island Ferry Returns After Repairs");
        assert!(rows[0].read, "the read mark stays with the article");
    }
}
