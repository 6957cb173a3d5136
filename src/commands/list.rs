//! `kiji list` and `kiji sections`: headlines and sections, as lines or as
//! JSON, and the ways of printing them the search shares.

use std::io::Write;

use anyhow::Result;

use crate::article::Article;
use crate::sanitize::clean;
use crate::store::{Filter, Store};
use crate::text::{count, width};

/// Prints the headlines, newest first.
pub fn list(store: &Store, filter: &Filter, json: bool, out: &mut impl Write) -> Result<()> {
    let articles = store.listing(filter)?;
    if json {
        let listing = articles
            .iter()
            .map(|article| without_body(article, None))
            .collect::<Result<Vec<_>, _>>()?;
        return write_json(out, &listing);
    }
    let column = section_column(&articles);
    write_rows(out, &articles, None, column)
}

/// The width of the section column for these articles.
fn section_column(articles: &[Article]) -> usize {
    articles
        .iter()
        .filter_map(|a| a.section.as_deref())
        .map(|s| width(s).min(24))
        .max()
        .unwrap_or(0)
}

/// An article as JSON without its body, with a search snippet when given.
pub(super) fn without_body(
    article: &Article,
    snippet: Option<&str>,
) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(article)?;
    if let Some(object) = value.as_object_mut() {
        // a listing reads no bodies: what it would show of them is nothing
        for field in ["body", "blocks", "photos"] {
            object.remove(field);
        }
        if let Some(snippet) = snippet {
            object.insert("snippet".into(), snippet.into());
        }
    }
    Ok(value)
}

/// `date  section  headline` lines, sections padded to `column`, each
/// followed by its snippet when there are snippets.
pub(super) fn write_rows(
    out: &mut impl Write,
    articles: &[Article],
    snippets: Option<&[String]>,
    column: usize,
) -> Result<()> {
    for (index, article) in articles.iter().enumerate() {
        let date = article.published.map_or_else(
            || "undated   ".to_owned(),
            |p| p.format("%Y-%m-%d").to_string(),
        );
        let section = clean(article.section.as_deref().unwrap_or(""));
        let pad = column.saturating_sub(width(&section));
        writeln!(
            out,
            "{date}  {section}{:pad$}  {}",
            "",
            clean(&article.headline)
        )?;
        if let Some(snippet) = snippets.and_then(|s| s.get(index)) {
            writeln!(out, "            {}", clean(snippet))?;
        }
    }
    Ok(())
}

/// Prints the sections with their counts.
pub fn sections(store: &Store, json: bool, out: &mut impl Write) -> Result<()> {
    let sections = store.sections()?;
    if json {
        return write_json(out, &sections);
    }
    let column = sections.iter().map(|s| width(&s.name)).max().unwrap_or(0);
    for section in &sections {
        let name = clean(&section.name);
        let pad = column.saturating_sub(width(&name));
        writeln!(
            out,
            "{name}{:pad$}  {:>15}  {:>6} unread",
            "",
            count(section.articles, "article"),
            section.unread
        )?;
    }
    Ok(())
}

/// Writes a value as pretty JSON and a line end.
pub(super) fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
) -> Result<()> {
    crate::sanitize::json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
