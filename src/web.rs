//! Reading the web: an article page by its address, a site's feed found
//! and followed, every followed feed refreshed with the whole page of each
//! new item. Built on [`crate::fetch`] (the one HTTP client), the parsers
//! and the store; knows nothing of the terminal.

mod follow;
mod queue;
mod refresh;

pub use follow::{Found, find_feed};
pub use refresh::{Event, Summary, refresh};

/// Pages parsed at once by a refresh: every core for `kiji refresh`, one
/// fewer beside the reader, whose keys must not wait for a core.
pub fn parsers(beside_the_reader: bool) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if beside_the_reader {
        cores.saturating_sub(1).max(1)
    } else {
        cores
    }
}

use chrono::Utc;

use crate::article::{Article, Origin};
use crate::fetch::{FetchError, Fetcher, Page, Request, Response, Why};

/// Whether a command-line argument is a web address rather than a path.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host of an address (`japannews.yomiuri.co.jp`): what requests are
/// spaced out by, and what the reader names a page by. `None` when the
/// address has none.
pub fn host(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
}

/// Fetches the page at `url` and reads it into an article.
pub fn fetch_article(fetcher: &Fetcher, url: &str) -> Result<Article, FetchError> {
    read_page(&fetch_page(fetcher, url)?, url)
}

/// Fetches the page at `url`.
pub fn fetch_page(fetcher: &Fetcher, url: &str) -> Result<Page, FetchError> {
    match fetcher.get(&Request::get(url))? {
        Response::Fetched(page) => Ok(page),
        // no validators were sent, so a 304 is the server's mistake
        Response::NotModified => Err(FetchError {
            url: crate::sanitize::clean(url).into_owned(),
            why: Why::Status("304 Not Modified".into()),
        }),
    }
}

/// A fetched page as an article: HTML by its site rule or readability, a
/// plain-text page as a dump. Its address is the page's own (canonical)
/// one where it names one, else where it was fetched from.
pub fn read_page(page: &Page, asked: &str) -> Result<Article, FetchError> {
    let fail = |why: String| FetchError {
        url: crate::sanitize::clean(asked).into_owned(),
        why: Why::Unreadable(why),
    };
    let content_type = page.content_type.as_deref().unwrap_or("text/html");
    if crate::feed::looks_like_feed(&page.body, Some(content_type)) {
        return Err(fail(
            "a feed, not an article page; kiji follow follows it".into(),
        ));
    }
    let parsed = if content_type.starts_with("text/plain") {
        crate::parse::parse_bytes(&page.body)
    } else if content_type.contains("html") {
        let charset = crate::html::from_content_type(content_type);
        crate::html::parse_html(&page.body, Some(&page.url), charset)
    } else {
        return Err(fail(format!(
            "not a page kiji reads ({})",
            crate::sanitize::clean(content_type)
        )));
    };
    let mut article = parsed
        .map_err(|error| fail(error.kind.to_string()))?
        .article;
    if article.url.is_none() {
        article.url = Some(page.url.clone());
    }
    article.source = Some(page.url.clone());
    article.origin = Origin::Page;
    article.captured = Some(Utc::now());
    Ok(article.cleaned())
}
