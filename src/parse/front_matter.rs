//! A front matter's fields (what trafilatura writes above the text) used
//! where the text lacks them: the headline, the date, the address, the
//! section, the byline.

use chrono::{NaiveDate, TimeZone};

use super::Warning;
use super::render::FrontMatter;
use crate::article::{Article, article_id};
use crate::sanitize::clean;

/// Fills the article's missing fields from the front matter.
pub fn fill(article: &mut Article, front: &FrontMatter, warnings: &mut Vec<Warning>) {
    if front.fields.is_empty() {
        return;
    }
    let field = |key: &str| {
        front
            .get(key)
            .map(|value| clean(value).trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    if let Some(title) = field("title")
        && warnings.iter().any(|w| w.message.contains("headline"))
    {
        article.headline = title;
        warnings.retain(|w| !w.message.contains("headline"));
    }
    if article.published.is_none()
        && let Some(date) =
            field("date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
    {
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        article.published = crate::time::jst().from_local_datetime(&midnight).single();
        article.dateline = Some(date.format("%B %-d, %Y").to_string());
    }
    article.url = article.url.take().or_else(|| field("url"));
    if article.section.is_none() {
        article.section = field("categories").and_then(|list| first_of(&list));
    }
    if article.byline.is_none() {
        article.byline = field("author").map(|names| {
            let names: Vec<&str> = names
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            format!("By {}", names.join(" and "))
        });
    }
    article.id = article_id(&article.headline, article.published);
}

/// The first of a YAML list written on one line: `['Politics', 'Japan']`.
fn first_of(list: &str) -> Option<String> {
    let inner = list.trim().trim_start_matches('[').trim_end_matches(']');
    inner
        .split(',')
        .map(|item| item.trim().trim_matches('\'').trim_matches('"').trim())
        .find(|item| !item.is_empty())
        .map(str::to_owned)
}
