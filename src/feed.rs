//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed read into their items (by
//! `feed-rs`), a page's feed found from its links, and the lists of
//! followed feeds readers exchange as OPML. Pure: bytes in, data out.

pub mod opml;

use chrono::{DateTime, FixedOffset};

use crate::article::{Article, Block, Origin};
use crate::html::{absolute, blocks, squeeze};
use crate::sanitize::clean;

/// A feed as read: its title, its site, its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    /// The site the feed is of.
    pub site: Option<String>,
    pub items: Vec<Item>,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The feed's id for the item (its guid, else its link), which says
    /// whether it was seen before.
    pub id: String,
    pub title: String,
    /// The item's page; only an http or https address.
    pub url: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub authors: Vec<String>,
    pub section: Option<String>,
    /// The item's content as HTML, else its summary.
    pub content: Option<String>,
}

/// Why bytes are no feed.
#[derive(Debug, thiserror::Error)]
#[error("not a feed (RSS, Atom or JSON Feed): {0}")]
pub struct FeedError(String);

/// Reads a feed; `url` is where it was fetched from, against which its
/// relative links are read.
pub fn parse_feed(bytes: &[u8], url: &str) -> Result<Feed, FeedError> {
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .build()
        .parse(bytes)
        .map_err(|error| FeedError(first_line(&error.to_string())))?;
    let base = url::Url::parse(url).ok();
    let link = |links: &[feed_rs::model::Link]| {
        let alternate = links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
        alternate
            .or(links.first())
            .and_then(|l| absolute(base.as_ref(), &l.href))
    };
    let items = parsed
        .entries
        .iter()
        .map(|entry| {
            let url = link(&entry.links);
            Item {
                id: if entry.id.is_empty() {
                    url.clone().unwrap_or_default()
                } else {
                    entry.id.clone()
                },
                title: entry
                    .title
                    .as_ref()
                    .map(|t| squeeze(&t.content))
                    .unwrap_or_default(),
                url,
                published: entry.published.or(entry.updated).map(|t| t.fixed_offset()),
                authors: entry
                    .authors
                    .iter()
                    .filter_map(|a| a.name.as_deref().map(squeeze))
                    .filter(|a| !a.is_empty())
                    .collect(),
                section: entry
                    .categories
                    .first()
                    .map(|c| squeeze(c.label.as_deref().unwrap_or(&c.term))),
                content: entry
                    .content
                    .as_ref()
                    .and_then(|c| c.body.clone())
                    .or_else(|| entry.summary.as_ref().map(|s| s.content.clone())),
            }
        })
        .collect();
    Ok(Feed {
        title: parsed
            .title
            .map(|t| clean(&squeeze(&t.content)).into_owned())
            .filter(|t| !t.is_empty()),
        site: link(&parsed.links).filter(|site| site != url),
        items,
    })
}

impl Item {
    /// The article the feed itself holds of the item — for when its page
    /// cannot be read. `None` when the item has no headline or no text.
    pub fn article(&self) -> Option<Article> {
        let mut article = Article::new(self.title.clone(), self.published);
        article.dateline = self.published.map(crate::html::dateline_of);
        article.url.clone_from(&self.url);
        article.section.clone_from(&self.section);
        article.byline =
            (!self.authors.is_empty()).then(|| format!("By {}", self.authors.join(" and ")));
        article.body = self.content.as_deref().map(body_of).unwrap_or_default();
        article.origin = Origin::Feed;
        let article = article.cleaned();
        (!article.headline.is_empty() && article.has_text()).then_some(article)
    }
}

/// An item's HTML as blocks; text without block elements as paragraphs
/// split at blank lines.
fn body_of(html: &str) -> Vec<Block> {
    let body = blocks(html);
    if !body.is_empty() {
        return body;
    }
    let text = dom_query::Document::from(html.replace("<br", "\n<br").as_str())
        .select("body")
        .text()
        .to_string();
    text.split("\n\n")
        .map(squeeze)
        .filter(|p| !p.is_empty())
        .map(Block::paragraph)
        .collect()
}

/// Where a site's feed may be: the feeds a page links to, then the site's
/// `/feed/` (WordPress, which The Japan News runs on).
pub fn candidates(page: &[u8], url: &str) -> Vec<String> {
    let mut found = crate::html::feeds_of(page, url);
    if let Ok(base) = url::Url::parse(url)
        && let Ok(feed) = base.join("/feed/")
        && !found.contains(&feed.to_string())
    {
        found.push(feed.to_string());
    }
    found
}

/// Whether fetched bytes look like a feed rather than a page.
pub fn looks_like_feed(bytes: &[u8], content_type: Option<&str>) -> bool {
    let kind = content_type.unwrap_or("").to_ascii_lowercase();
    if ["rss", "atom", "feed+json", "xml"]
        .iter()
        .any(|k| kind.contains(k))
    {
        return true;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<?xml")
        || head.starts_with("<rss")
        || head.starts_with("<feed")
        || (head.starts_with('{') && head.contains("jsonfeed"))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests;
