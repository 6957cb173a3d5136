//! `kiji search`: the matches of a query, best first, each with a snippet.

use std::io::Write;

use anyhow::Result;

use super::list::{without_body, write_json, write_rows};
use crate::article::words_of;
use crate::search::Query;
use crate::store::{Filter, Store};

/// Characters of context a search snippet shows.
const SNIPPET_WIDTH: usize = 76;

/// The query the words of the command line make; an error when they look
/// for nothing.
pub fn query_of(words: &[String]) -> Result<Query> {
    let query = Query::parse(&words.join(" "));
    if query.is_empty() {
        anyhow::bail!("nothing to search for: give at least one word that is not excluded");
    }
    if let Some(cut) = query.cut_short() {
        super::report(&format!("kiji: {cut}"));
    }
    Ok(query)
}

/// Prints the matches of a search, best first, each with a snippet.
pub fn search(
    store: &Store,
    query: &Query,
    section: Option<String>,
    json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let filter = Filter {
        section,
        query: Some(query.clone()),
        ..Filter::default()
    };
    let articles = store.listing(&filter)?;
    let mut snippets = Vec::with_capacity(articles.len());
    for article in &articles {
        let body = store.body(&article.id)?;
        let snippet = query
            .snippet(words_of(&body), SNIPPET_WIDTH)
            .or_else(|| query.snippet([article.headline.as_str()], SNIPPET_WIDTH))
            .unwrap_or_default();
        snippets.push(snippet);
    }
    if json {
        let listing = articles
            .iter()
            .zip(&snippets)
            .map(|(article, snippet)| without_body(article, Some(snippet)))
            .collect::<Result<Vec<_>, _>>()?;
        return write_json(out, &listing);
    }
    write_rows(out, &articles, Some(&snippets))
}
