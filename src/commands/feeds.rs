//! `kiji follow`, `kiji unfollow` and `kiji feeds`: the feeds kiji
//! follows, added one by one (a feed, or a site's page that points to
//! one) or from another reader's OPML, and listed as text, JSON or OPML.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::Utc;
use serde::Serialize;

use super::list::write_json;
use crate::feed::opml::{self, Subscription};
use crate::fetch::Fetcher;
use crate::sanitize::clean;
use crate::store::{FeedRow, Store};
use crate::text::count;

/// Follows the feed at `url`, or the one its page points to.
pub fn follow(
    store: &mut Store,
    fetcher: &Fetcher,
    url: &str,
    out: &mut impl Write,
) -> Result<bool> {
    let found = match crate::web::find_feed(fetcher, url) {
        Ok(found) => found,
        Err(error) => {
            super::report(&error.to_string());
            return Ok(false);
        }
    };
    let title = found.feed.title.as_deref();
    let name = title.unwrap_or(&found.url);
    if store.follow(&found.url, title, found.feed.site.as_deref())? {
        writeln!(
            out,
            "following {}: {} ({} now; kiji refresh fetches them with their pages)",
            clean(name),
            found.url,
            count(found.feed.items.len(), "item")
        )?;
    } else {
        writeln!(out, "already following {}: {}", clean(name), found.url)?;
    }
    Ok(true)
}

/// Follows every feed an OPML file lists; none is fetched until a refresh.
pub fn follow_opml(store: &mut Store, path: &Path, out: &mut impl Write) -> Result<bool> {
    let text = crate::load::read_text(path).with_context(|| path.display().to_string())?;
    let subscriptions = opml::read(&text).with_context(|| path.display().to_string())?;
    let mut added = 0;
    for Subscription { url, title, site } in &subscriptions {
        added += usize::from(store.follow(url, title.as_deref(), site.as_deref())?);
    }
    let already = subscriptions.len() - added;
    write!(
        out,
        "following {} from {}",
        count(added, "feed"),
        clean(&path.display().to_string())
    )?;
    if already > 0 {
        write!(out, " ({already} followed already)")?;
    }
    writeln!(out, "; kiji refresh fetches them")?;
    Ok(true)
}

pub fn unfollow(store: &mut Store, url: &str, out: &mut impl Write) -> Result<bool> {
    let articles = store
        .feeds()?
        .into_iter()
        .find(|f| f.url.trim_end_matches('/') == url.trim_end_matches('/'));
    match store.unfollow(url)? {
        Some(followed) => {
            let kept = articles.map_or(0, |f| f.articles);
            writeln!(
                out,
                "no longer following {followed}; its {} stay in the store",
                count(kept, "article")
            )?;
            Ok(true)
        }
        None => anyhow::bail!(
            "not following {}; kiji feeds lists the feeds followed",
            clean(url)
        ),
    }
}

/// How `kiji feeds` writes the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedsFormat {
    Text,
    Json,
    Opml,
}

impl FeedsFormat {
    /// The format `--json` or `--opml` asks for; text without either.
    pub fn of(json: bool, opml: bool) -> Self {
        match (json, opml) {
            (true, _) => Self::Json,
            (_, true) => Self::Opml,
            _ => Self::Text,
        }
    }
}

#[derive(Serialize)]
struct FeedJson<'a> {
    url: &'a str,
    title: Option<&'a str>,
    site: Option<&'a str>,
    articles: usize,
    unread: usize,
    /// RFC 3339, UTC.
    fetched: Option<String>,
    error: Option<&'a str>,
}

pub fn feeds(store: &Store, format: FeedsFormat, out: &mut impl Write) -> Result<()> {
    let feeds = store.feeds()?;
    match format {
        FeedsFormat::Opml => {
            let subscriptions: Vec<Subscription> = feeds
                .iter()
                .map(|f| Subscription {
                    url: f.url.clone(),
                    title: f.title.clone(),
                    site: f.site.clone(),
                })
                .collect();
            writeln!(out, "{}", opml::write(&subscriptions))?;
        }
        FeedsFormat::Json => {
            let rows: Vec<FeedJson<'_>> = feeds
                .iter()
                .map(|f| FeedJson {
                    url: &f.url,
                    title: f.title.as_deref(),
                    site: f.site.as_deref(),
                    articles: f.articles,
                    unread: f.unread,
                    fetched: f.fetched.map(|t| t.to_rfc3339()),
                    error: f.error.as_deref(),
                })
                .collect();
            write_json(out, &rows)?;
        }
        FeedsFormat::Text if feeds.is_empty() => {
            writeln!(out, "no feeds followed; kiji follow URL follows one")?;
        }
        FeedsFormat::Text => {
            for feed in &feeds {
                write_feed(feed, out)?;
            }
        }
    }
    Ok(())
}

/// A feed in two lines: its title, then its address, counts and last fetch.
fn write_feed(feed: &FeedRow, out: &mut impl Write) -> Result<()> {
    let fetched = feed.fetched.map_or_else(
        || "never fetched".to_owned(),
        |t| format!("fetched {}", crate::time::relative(t, Utc::now())),
    );
    writeln!(
        out,
        "{}",
        clean(feed.title.as_deref().unwrap_or("(untitled)"))
    )?;
    writeln!(
        out,
        "  {}  {}, {} unread, {fetched}",
        clean(&feed.url),
        count(feed.articles, "article"),
        feed.unread
    )?;
    if let Some(error) = &feed.error {
        writeln!(out, "  last fetch failed: {}", clean(error))?;
    }
    Ok(())
}
