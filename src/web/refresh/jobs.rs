//! The work of a refresh, one job at a time on a worker: a feed fetched
//! with a conditional request and read, or an item's page fetched and
//! read into an article — the reading (the part that takes a core) no
//! more than so many at once.

use std::sync::{Condvar, Mutex, PoisonError};

use crate::article::{Article, Origin};
use crate::feed::{Feed, Item, looks_like_feed, parse_feed};
use crate::fetch::{FetchError, Fetcher, Request, Response, Why};
use crate::store::{FeedFetch, FeedRow};

pub(super) enum Job {
    Feed(FeedRow),
    Page { feed: String, item: Item },
}

pub(super) enum Done {
    Feed {
        url: String,
        result: Result<Option<(Feed, FeedFetch)>, FetchError>,
    },
    Page {
        feed: String,
        item: Box<Item>,
        result: Box<Result<Article, FetchError>>,
    },
    Skipped {
        feed: Option<String>,
    },
}

/// Permits to read pages: so many at once.
pub(super) struct Permits {
    free: Mutex<usize>,
    returned: Condvar,
}

impl Permits {
    pub(super) fn new(count: usize) -> Self {
        Self {
            free: Mutex::new(count.max(1)),
            returned: Condvar::new(),
        }
    }

    /// Runs `f` once a permit is free.
    fn hold<T>(&self, f: impl FnOnce() -> T) -> T {
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        while *free == 0 {
            free = self
                .returned
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= 1;
        drop(free);
        let result = f();
        *self.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.returned.notify_one();
        result
    }
}

/// A failure that may pass: worth trying the page again next refresh.
pub(super) fn is_passing(error: &FetchError) -> bool {
    match &error.why {
        Why::RetryLater(_) | Why::TimedOut(_) => true,
        Why::Status(status) => status.starts_with('5') || status.starts_with("429"),
        _ => false,
    }
}

/// A page reached through a feed, with what the feed says where the page
/// does not.
pub(super) fn from_feed(mut article: Article, item: &Item) -> Article {
    article.origin = Origin::Feed;
    if article.section.is_none() {
        article.section.clone_from(&item.section);
    }
    article
}

pub(super) fn work(fetcher: &Fetcher, parsing: &Permits, job: Job) -> Done {
    match job {
        Job::Feed(feed) => {
            let request = Request {
                url: feed.url.clone(),
                etag: feed.etag,
                last_modified: feed.last_modified,
            };
            let result = fetcher.get(&request).and_then(|response| match response {
                Response::NotModified => Ok(None),
                Response::Fetched(page) => {
                    let fail = |why: String| FetchError {
                        url: feed.url.clone(),
                        why: Why::Unreadable(why),
                    };
                    if !looks_like_feed(&page.body, page.content_type.as_deref()) {
                        return Err(fail("not a feed (RSS, Atom or JSON Feed)".into()));
                    }
                    let parsed =
                        parse_feed(&page.body, &page.url).map_err(|e| fail(e.to_string()))?;
                    let fetch = FeedFetch {
                        title: parsed.title.clone(),
                        site: parsed.site.clone(),
                        etag: page.etag,
                        last_modified: page.last_modified,
                        error: None,
                    };
                    Ok(Some((parsed, fetch)))
                }
            });
            Done::Feed {
                url: feed.url,
                result,
            }
        }
        Job::Page { feed, item } => {
            let url = item.url.clone().unwrap_or_default();
            let result = crate::web::fetch_page(fetcher, &url)
                .and_then(|page| parsing.hold(|| crate::web::read_page(&page, &url)));
            let result = Box::new(result);
            Done::Page {
                feed,
                item: Box::new(item),
                result,
            }
        }
    }
}

pub(super) fn skipped(job: &Job) -> Done {
    match job {
        Job::Feed(_) => Done::Skipped { feed: None },
        Job::Page { feed, .. } => Done::Skipped {
            feed: Some(feed.clone()),
        },
    }
}

/// The host a job's requests are spaced out by; one queue for addresses
/// without one.
pub(super) fn host(url: &str) -> String {
    crate::web::host(url).unwrap_or_default()
}
