//! HTML pages → articles. The Japan News is read by its structure (a site
//! rule: selectors per field, see [`site`]); any other site by
//! readability, with the headline, date, byline, section and address from
//! the page's metadata. Pure: the page's bytes in, an article or the
//! reason it is none out. No script is ever run.

mod charset;
mod meta;
mod readable;
mod site;

pub use charset::from_content_type;
use dom_query::Document;
pub use meta::Meta;
pub use readable::blocks;
pub use site::{RULES, SiteRule};

use crate::article::{Article, Block, Origin};
use crate::parse::{MAX_DUMP_BYTES, ParseError, ParseErrorKind, Parsed, Warning};

/// Reads the bytes of an HTML page into an article. `url` is where the page
/// was fetched from, if it was; `charset` what the server said it is in.
pub fn parse_html(
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
) -> Result<Parsed, ParseError> {
    let refuse = |kind| Err(ParseError { line: 1, kind });
    if bytes.len() > MAX_DUMP_BYTES {
        return refuse(ParseErrorKind::TooLarge(bytes.len()));
    }
    let (text, malformed) = charset::decode(bytes, charset);
    if text.trim().is_empty() {
        return refuse(ParseErrorKind::Empty);
    }
    let doc = Document::from(text.as_str());
    let meta = meta::read(&doc);
    if let Some(why) = not_an_article(&meta) {
        return refuse(ParseErrorKind::NotAnArticle(why));
    }
    let page_url = meta.url.as_deref().or(url);
    let base = page_url.and_then(|u| url::Url::parse(u).ok());
    let host = base.as_ref().and_then(|b| b.host_str().map(str::to_owned));
    let rule = RULES.iter().find(|rule| rule.reads(&doc, host.as_deref()));
    let mut article = match rule {
        Some(rule) => by_rule(rule, &doc, &meta, base.as_ref()),
        None => by_readability(&text, &meta, page_url),
    };
    article.url = page_url.map(str::to_owned);
    article.origin = Origin::Page;
    let article = article.cleaned();
    if article.headline.is_empty() {
        return refuse(ParseErrorKind::NotAnArticle("no headline"));
    }
    if !article.has_text() {
        return refuse(ParseErrorKind::NotAnArticle("no article text"));
    }
    let mut warnings = Vec::new();
    if malformed {
        warnings.push(Warning {
            line: None,
            message: "bytes not of the page's character set were replaced".into(),
        });
    }
    Ok(Parsed { article, warnings })
}

/// Why a page's own metadata says it is no article: an error page, an
/// image attachment page, an index of articles.
fn not_an_article(meta: &Meta) -> Option<&'static str> {
    let classes: Vec<&str> = meta.body_classes.split_whitespace().collect();
    let title = meta.title.as_deref().unwrap_or("").to_lowercase();
    if classes.contains(&"error404")
        || title.contains("page not found")
        || title.starts_with("404")
        || title.contains("404 not found")
    {
        return Some("an error page");
    }
    if classes.contains(&"attachment") || classes.iter().any(|c| c.starts_with("attachmentid-")) {
        return Some("an image attachment page");
    }
    let index = ["archive", "category", "tag", "home", "blog", "search"];
    if classes.iter().any(|c| index.contains(c))
        || (meta.kind.as_deref() == Some("website") && !meta.is_article)
    {
        return Some("an index of articles, like a section or front page");
    }
    None
}

/// An article read by a site rule.
fn by_rule(rule: &SiteRule, doc: &Document, meta: &Meta, base: Option<&url::Url>) -> Article {
    let dateline = rule.text_of(doc, rule.dateline);
    let published = dateline
        .as_deref()
        .and_then(crate::parse::parse_dateline)
        .or(meta.published);
    let headline = rule
        .headline(doc)
        .or_else(|| meta.headline.clone())
        .unwrap_or_default();
    let mut article = Article::new(headline, published);
    article.dateline = dateline.or_else(|| published.map(dateline_of));
    article.byline = rule.text_of(doc, rule.byline).or_else(|| byline(meta));
    article.body = rule.body(doc);
    let crumbs = rule.breadcrumbs(doc);
    let popular = rule.list(doc, rule.popular, base);
    article.section = popular
        .as_ref()
        .and_then(|(heading, _)| crate::parse::popular_section(heading))
        .or_else(|| crumbs.get(1).cloned())
        .or_else(|| meta.breadcrumbs.get(1).cloned())
        .or_else(|| meta.section.clone());
    article.popular = popular.map(|(_, items)| items).unwrap_or_default();
    article.access_ranking = rule
        .list(doc, rule.ranking, base)
        .map(|(_, items)| items)
        .unwrap_or_default();
    article
}

/// An article found by readability, its fields from the page's metadata.
fn by_readability(html: &str, meta: &Meta, url: Option<&str>) -> Article {
    let found = readable::extract(html, url);
    let headline = meta
        .headline
        .clone()
        .or_else(|| found.as_ref().and_then(|f| f.title.clone()))
        .unwrap_or_default();
    let published = meta.published.or_else(|| {
        found
            .as_ref()
            .and_then(|f| f.published.as_deref())
            .and_then(meta::time)
    });
    let mut article = Article::new(headline.clone(), published);
    article.dateline = published.map(dateline_of);
    article.byline = byline(meta).or_else(|| found.as_ref().and_then(|f| f.byline.clone()));
    article.section = meta
        .section
        .clone()
        .or_else(|| meta.breadcrumbs.get(1).cloned());
    // readability repeats the headline as a heading at times
    article.body = found
        .map(|f| f.body)
        .unwrap_or_default()
        .into_iter()
        .filter(|block| !matches!(block, Block::Subhead { text } if *text == headline))
        .collect();
    article
}

/// `By A and B`, from the authors the metadata names.
fn byline(meta: &Meta) -> Option<String> {
    (!meta.authors.is_empty()).then(|| format!("By {}", meta.authors.join(" and ")))
}

/// A time as a dateline prints it, in JST: `17:41 JST, October 13, 2024`.
pub(crate) fn dateline_of(time: chrono::DateTime<chrono::FixedOffset>) -> String {
    time.with_timezone(&crate::time::jst())
        .format("%-H:%M JST, %B %-d, %Y")
        .to_string()
}

/// Text as a reader sees it: runs of white space one space, trimmed.
pub(crate) fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A link made absolute against the page's address; only http and https.
pub(crate) fn absolute(base: Option<&url::Url>, href: &str) -> Option<String> {
    let url = match base {
        Some(base) => base.join(href.trim()).ok()?,
        None => url::Url::parse(href.trim()).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The feeds a page links to, made absolute: for finding a site's feed.
pub fn feeds_of(bytes: &[u8], url: &str) -> Vec<String> {
    let (text, _) = charset::decode(bytes, None);
    let doc = Document::from(text.as_str());
    let base = url::Url::parse(url).ok();
    meta::read(&doc)
        .feeds
        .iter()
        .filter_map(|(href, _)| absolute(base.as_ref(), href))
        .collect()
}

#[cfg(test)]
mod tests;
