//! What a page says about itself: `<link rel="canonical">`, Open Graph and
//! `article:` meta tags, JSON-LD (`NewsArticle`, `BreadcrumbList`), its
//! title, the feeds it links to.

use chrono::{DateTime, FixedOffset};
use dom_query::Document;
use serde_json::Value;

use super::squeeze;

/// A page's metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// JSON-LD `headline`, else `og:title`.
    pub headline: Option<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// `og:type`: `article`, `website`.
    pub kind: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    /// `article:section`, else JSON-LD `articleSection`.
    pub section: Option<String>,
    /// JSON-LD authors, else `<meta name="author">`.
    pub authors: Vec<String>,
    /// A JSON-LD object says the page is an article.
    pub is_article: bool,
    /// JSON-LD `BreadcrumbList` names, in order.
    pub breadcrumbs: Vec<String>,
    /// Feeds the page links to (`<link rel="alternate">`), with their types.
    pub feeds: Vec<(String, String)>,
    /// The `<body>`'s classes: WordPress says there what a page is.
    pub body_classes: String,
}

/// Reads a page's metadata.
pub fn read(doc: &Document) -> Meta {
    let attr = |selector: &str, name: &str| {
        doc.try_select(selector)
            .and_then(|s| s.attr(name))
            .map(|v| squeeze(&v))
            .filter(|v| !v.is_empty())
    };
    let property = |key: &str| attr(&format!("meta[property=\"{key}\"]"), "content");
    let mut meta = Meta {
        url: attr("link[rel=\"canonical\"]", "href").or_else(|| property("og:url")),
        headline: property("og:title"),
        title: doc
            .try_select("title")
            .map(|t| squeeze(&t.text()))
            .filter(|t| !t.is_empty()),
        kind: property("og:type"),
        published: property("article:published_time").and_then(|t| time(&t)),
        section: property("article:section"),
        body_classes: attr("body", "class").unwrap_or_default(),
        ..Meta::default()
    };
    if let Some(links) = doc.try_select("link[rel=\"alternate\"][href]") {
        for link in &links {
            let kind = link.attr("type").map(|t| t.to_string()).unwrap_or_default();
            let is_feed =
                kind.contains("rss") || kind.contains("atom") || kind.contains("feed+json");
            if let (true, Some(href)) = (is_feed, link.attr("href")) {
                meta.feeds.push((href.to_string(), kind));
            }
        }
    }
    if let Some(scripts) = doc.try_select("script[type=\"application/ld+json\"]") {
        for script in &scripts {
            if let Ok(value) = serde_json::from_str::<Value>(&script.text()) {
                json_ld(&value, &mut meta);
            }
        }
    }
    if meta.authors.is_empty()
        && let Some(author) = attr("meta[name=\"author\"]", "content")
    {
        meta.authors.push(author);
    }
    meta
}

/// An RFC 3339 time, as meta tags and JSON-LD write them.
pub fn time(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text.trim()).ok()
}

/// Takes what a JSON-LD object (or a list or `@graph` of them) says.
fn json_ld(value: &Value, meta: &mut Meta) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| json_ld(item, meta)),
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                json_ld(graph, meta);
            }
            let kinds = types(object.get("@type"));
            if kinds
                .iter()
                .any(|k| k.ends_with("Article") || k == "Report" || k == "BlogPosting")
            {
                article_ld(object, meta);
            }
            if kinds.iter().any(|k| k == "BreadcrumbList") {
                meta.breadcrumbs = breadcrumbs(object);
            }
        }
        _ => {}
    }
}

fn types(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(kind)) => vec![kind.clone()],
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(|k| k.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn article_ld(object: &serde_json::Map<String, Value>, meta: &mut Meta) {
    meta.is_article = true;
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(squeeze);
    if let Some(headline) = text("headline") {
        meta.headline = Some(headline);
    }
    if meta.published.is_none() {
        meta.published = text("datePublished").and_then(|t| time(&t));
    }
    if meta.section.is_none() {
        meta.section = match object.get("articleSection") {
            Some(Value::Array(sections)) => sections.iter().find_map(|s| s.as_str().map(squeeze)),
            _ => text("articleSection"),
        };
    }
    let authors = match object.get("author") {
        Some(Value::Array(authors)) => authors.iter().filter_map(name).collect(),
        Some(author) => name(author).into_iter().collect(),
        None => Vec::new(),
    };
    if !authors.is_empty() {
        meta.authors = authors;
    }
}

/// A person's or an organisation's name: a string, or an object's `name`.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(squeeze(name)),
        Value::Object(object) => object.get("name").and_then(Value::as_str).map(squeeze),
        _ => None,
    }
    .filter(|name| !name.is_empty())
}

fn breadcrumbs(object: &serde_json::Map<String, Value>) -> Vec<String> {
    let Some(Value::Array(items)) = object.get("itemListElement") else {
        return Vec::new();
    };
    let mut named: Vec<(i64, String)> = items
        .iter()
        .filter_map(|item| {
            let position = item.get("position").and_then(Value::as_i64).unwrap_or(0);
            let name = item
                .get("name")
                .or_else(|| item.get("item").and_then(|i| i.get("name")))
                .and_then(Value::as_str)?;
            Some((position, squeeze(name)))
        })
        .collect();
    named.sort_by_key(|(position, _)| *position);
    named.into_iter().map(|(_, name)| name).collect()
}
