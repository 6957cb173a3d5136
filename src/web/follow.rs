//! Finding the feed to follow: the address given, when it is a feed; else
//! the feeds its page links to, then the site's `/feed/`.

use crate::feed::{Feed, candidates, looks_like_feed, parse_feed};
use crate::fetch::{FetchError, Fetcher, Why};

/// A feed found to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The feed's own address (after redirects, or found from a page).
    pub url: String,
    pub feed: Feed,
}

/// Finds the feed at `url`, or the one its page points to.
pub fn find_feed(fetcher: &Fetcher, url: &str) -> Result<Found, FetchError> {
    let fail = |why: String| FetchError {
        url: crate::sanitize::clean(url).into_owned(),
        why: Why::Unreadable(why),
    };
    let page = super::fetch_page(fetcher, url)?;
    if looks_like_feed(&page.body, page.content_type.as_deref()) {
        return parse_feed(&page.body, &page.url)
            .map(|feed| Found {
                url: page.url.clone(),
                feed,
            })
            .map_err(|error| fail(error.to_string()));
    }
    let mut tried = Vec::new();
    for candidate in candidates(&page.body, &page.url) {
        match super::fetch_page(fetcher, &candidate) {
            Ok(found) if looks_like_feed(&found.body, found.content_type.as_deref()) => {
                if let Ok(feed) = parse_feed(&found.body, &found.url) {
                    return Ok(Found {
                        url: found.url,
                        feed,
                    });
                }
            }
            Ok(_) => {}
            Err(error) => tracing::debug!(%error, "no feed there"),
        }
        tried.push(candidate);
    }
    Err(fail(format!(
        "no feed found: the page links to none{}",
        if tried.is_empty() {
            String::new()
        } else {
            format!(", and none at {}", tried.join(", "))
        }
    )))
}
