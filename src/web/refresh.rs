//! `kiji refresh` and the reader's `R`: every followed feed fetched with a
//! conditional request, then the whole page of each new item (the feed's
//! own text where the page cannot be read), on a pool of workers that take
//! hosts in turn; articles land in the store as they arrive, a small
//! transaction at a time, each with its items marked seen.
//!
//! A feed's validators are written only once all its new items are in the
//! store, so a refresh cut short finds the rest next time.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;

mod jobs;

use super::queue::Queue;
use crate::article::Article;
use crate::feed::{Feed, Item};
use crate::fetch::{FetchError, Fetcher};
use crate::store::{FeedFetch, ImportCounts, SeenItem, Store, StoreError};
use jobs::{Done, Job, Permits, from_feed, host, is_passing, skipped, work};

/// What a refresh reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Feeds and pages done, of those known so far.
    Progress { done: usize, total: usize },
    /// Articles that landed in the store.
    Landed(ImportCounts),
    /// A feed or a page that failed, in a line naming it.
    Failed(String),
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub feeds: usize,
    pub new_articles: usize,
    pub updated: usize,
    pub failures: Vec<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::text::count;
        write!(
            f,
            "{}, {}",
            count(self.feeds, "feed"),
            count(self.new_articles, "new article")
        )?;
        if self.updated > 0 {
            write!(f, ", {} updated", self.updated)?;
        }
        match self.failures.as_slice() {
            [] => Ok(()),
            [one] => write!(f, ", 1 failed: {one}"),
            [first, rest @ ..] => write!(
                f,
                ", {} failed: {first} (and {} more)",
                rest.len() + 1,
                rest.len()
            ),
        }
    }
}

/// Pages fetched for one feed in one refresh; older new items are kept
/// with the feed's own text.
pub const PAGES_PER_FEED: usize = 100;
/// Requests in flight at once, across hosts.
const WORKERS: usize = 16;
/// New articles are written at least this often, so they appear in a
/// running reader as they arrive.
const FLUSH_EVERY: Duration = Duration::from_millis(250);

/// Refreshes every followed feed. Stops taking new work once `cancel` is
/// set; what was fetched by then is kept.
pub fn refresh(
    store: &mut Store,
    fetcher: &Fetcher,
    parsers: usize,
    cancel: &AtomicBool,
    on_event: &mut dyn FnMut(&Event),
) -> Result<Summary, StoreError> {
    let feeds = store.feeds()?;
    let parsing = Permits::new(parsers);
    let queue = Queue::new();
    let (sender, results) = mpsc::channel();
    let mut run = Run {
        store,
        summary: Summary {
            feeds: feeds.len(),
            ..Summary::default()
        },
        open: HashMap::new(),
        pending: HashMap::new(),
        later: Vec::new(),
        outstanding: 0,
        done: 0,
        total: feeds.len(),
        flushed: Instant::now(),
    };
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(feeds.len().max(1) * PAGES_PER_FEED) {
            let sender = sender.clone();
            let (queue, parsing) = (&queue, &parsing);
            scope.spawn(move || {
                while let Some(job) = queue.pop() {
                    let done = if cancel.load(Ordering::Relaxed) {
                        skipped(&job)
                    } else {
                        work(fetcher, parsing, job)
                    };
                    if sender.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        for feed in feeds {
            queue.push(&host(&feed.url), Job::Feed(feed));
            run.outstanding += 1;
        }
        let result = run.drive(&queue, &results, on_event);
        queue.close();
        result
    })?;
    Ok(run.summary)
}

/// The state of a refresh, kept by the thread that writes to the store.
struct Run<'s> {
    store: &'s mut Store,
    summary: Summary,
    /// Feeds with pages still out: what their fetch said, and how many.
    open: HashMap<String, (FeedFetch, usize)>,
    /// Items done but not yet written, by feed.
    pending: HashMap<String, Vec<SeenItem>>,
    /// Articles of items left for the next refresh, kept meanwhile.
    later: Vec<Article>,
    outstanding: usize,
    done: usize,
    total: usize,
    flushed: Instant,
}

impl Run<'_> {
    fn drive(
        &mut self,
        queue: &Queue<Job>,
        results: &mpsc::Receiver<Done>,
        on_event: &mut dyn FnMut(&Event),
    ) -> Result<(), StoreError> {
        while self.outstanding > 0 {
            match results.recv_timeout(FLUSH_EVERY) {
                Ok(done) => {
                    self.outstanding -= 1;
                    self.done += 1;
                    self.take(done, queue, on_event)?;
                    on_event(&Event::Progress {
                        done: self.done,
                        total: self.total,
                    });
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if self.flushed.elapsed() >= FLUSH_EVERY {
                self.flush(on_event)?;
            }
        }
        self.flush(on_event)
    }

    fn take(
        &mut self,
        done: Done,
        queue: &Queue<Job>,
        on_event: &mut dyn FnMut(&Event),
    ) -> Result<(), StoreError> {
        match done {
            Done::Feed {
                url,
                result: Ok(None),
            } => {
                self.store
                    .feed_fetched(&url, &FeedFetch::default(), Utc::now())?;
            }
            Done::Feed {
                url,
                result: Ok(Some(fetched)),
            } => {
                let (feed, fetch) = fetched;
                let seen = self.store.seen_items(&url)?;
                self.open.insert(url.clone(), (fetch, 0));
                self.queue_items(&url, feed, &seen, queue);
                self.close_if_done(&url)?;
            }
            Done::Feed {
                url,
                result: Err(error),
            } => {
                let line = error.to_string();
                let fetch = FeedFetch {
                    error: Some(line.clone()),
                    ..FeedFetch::default()
                };
                self.store.feed_fetched(&url, &fetch, Utc::now())?;
                self.fail(line, on_event);
            }
            Done::Page { feed, item, result } => {
                self.page_done(&feed, &item, *result, on_event);
                self.close_if_done(&feed)?;
            }
            Done::Skipped { feed: Some(feed) } => {
                // cut short: the feed keeps the validators it had, so the
                // items not reached are found again next time
                if let Some((fetch, left)) = self.open.get_mut(&feed) {
                    *left -= 1;
                    fetch.etag = None;
                    fetch.last_modified = None;
                }
                self.close_if_done(&feed)?;
            }
            Done::Skipped { feed: None } => {}
        }
        Ok(())
    }

    /// Queues the page of each new item; items without a page, and those
    /// past the pages fetched for one feed, keep the feed's own text.
    fn queue_items(&mut self, url: &str, feed: Feed, seen: &HashSet<String>, queue: &Queue<Job>) {
        let mut ids = HashSet::new();
        let new = feed
            .items
            .into_iter()
            .filter(|item| !seen.contains(&item.id) && ids.insert(item.id.clone()));
        for (index, item) in new.enumerate() {
            match item.url.clone() {
                Some(page) if index < PAGES_PER_FEED => {
                    queue.push(
                        &host(&page),
                        Job::Page {
                            feed: url.to_owned(),
                            item,
                        },
                    );
                    self.outstanding += 1;
                    self.total += 1;
                    if let Some((_, left)) = self.open.get_mut(url) {
                        *left += 1;
                    }
                }
                _ => {
                    let article = item.article();
                    self.pending
                        .entry(url.to_owned())
                        .or_default()
                        .push((item.id, article));
                }
            }
        }
    }

    fn page_done(
        &mut self,
        feed: &str,
        item: &Item,
        result: Result<Article, FetchError>,
        on_event: &mut dyn FnMut(&Event),
    ) {
        if let Some((_, left)) = self.open.get_mut(feed) {
            *left -= 1;
        }
        let article = match result {
            Ok(article) => Some(from_feed(article, item)),
            Err(error) if is_passing(&error) => {
                // tried again next refresh (the feed keeps the validators
                // it had, so it is read again); the feed's text meanwhile
                if let Some((fetch, _)) = self.open.get_mut(feed) {
                    fetch.etag = None;
                    fetch.last_modified = None;
                }
                self.later.extend(item.article());
                self.fail(error.to_string(), on_event);
                return;
            }
            Err(error) => {
                let fallback = item.article();
                if fallback.is_some() {
                    tracing::info!(%error, "the feed's own text is kept instead");
                } else {
                    self.fail(error.to_string(), on_event);
                }
                fallback
            }
        };
        self.pending
            .entry(feed.to_owned())
            .or_default()
            .push((item.id.clone(), article));
    }

    /// Once a feed's pages are all in, its items are written and its
    /// validators with them.
    fn close_if_done(&mut self, feed: &str) -> Result<(), StoreError> {
        if self.open.get(feed).is_some_and(|(_, left)| *left == 0) {
            let items = self.pending.remove(feed).unwrap_or_default();
            let counts = self.store.import_items(feed, &items)?;
            self.count(counts);
            if let Some((fetch, _)) = self.open.remove(feed) {
                self.store.feed_fetched(feed, &fetch, Utc::now())?;
            }
        }
        Ok(())
    }

    /// Writes what has arrived.
    fn flush(&mut self, on_event: &mut dyn FnMut(&Event)) -> Result<(), StoreError> {
        let mut landed = ImportCounts::default();
        for (feed, items) in std::mem::take(&mut self.pending) {
            landed.merge(self.store.import_items(&feed, &items)?);
        }
        if !self.later.is_empty() {
            landed.merge(self.store.import(&std::mem::take(&mut self.later))?);
        }
        self.count(landed);
        if landed != ImportCounts::default() {
            on_event(&Event::Landed(landed));
        }
        self.flushed = Instant::now();
        Ok(())
    }

    fn count(&mut self, counts: ImportCounts) {
        self.summary.new_articles += counts.imported;
        self.summary.updated += counts.updated;
    }

    fn fail(&mut self, line: String, on_event: &mut dyn FnMut(&Event)) {
        tracing::warn!("{line}");
        on_event(&Event::Failed(line.clone()));
        self.summary.failures.push(line);
    }
}
