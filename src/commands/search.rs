//! `kiji search`: the matches of a query, best first, each with a snippet.

use std::io::Write;

use anyhow::Result;

use super::list::{without_body, write_rows};
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

/// How many matches `kiji search` prints unless told otherwise.
pub const DEFAULT_LIMIT: usize = 20;

/// Prints the matches of a search, best first, each with a snippet: the
/// first `limit`, or all of them streamed a page at a time.
pub fn search(
    store: &Store,
    query: &Query,
    section: Option<String>,
    limit: Option<usize>,
    json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let filter = Filter {
        section,
        query: Some(query.clone()),
        ..Filter::default()
    };
    let column = store
        .sections()?
        .iter()
        .map(|s| crate::text::width(&s.name).min(24))
        .max()
        .unwrap_or(0);
    let mut first = true;
    if json {
        out.write_all(b"[")?;
    }
    store.each_match(&filter, limit, &mut |page| -> Result<()> {
        let snippets: Vec<String> = page
            .iter()
            .map(|article| {
                query
                    .snippet(words_of(&article.body), SNIPPET_WIDTH)
                    .or_else(|| query.snippet([article.headline.as_str()], SNIPPET_WIDTH))
                    .unwrap_or_default()
            })
            .collect();
        if !json {
            return write_rows(out, &page, Some(&snippets), column);
        }
        for (article, snippet) in page.iter().zip(&snippets) {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            crate::sanitize::json::to_writer_pretty(
                &mut *out,
                &without_body(article, Some(snippet))?,
            )?;
            first = false;
        }
        Ok(())
    })?;
    if json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    Ok(())
}
