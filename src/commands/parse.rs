//! `kiji parse`: files read as articles and printed as JSON; the store is
//! not touched.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::list::write_json;
use super::report;
use crate::article::Article;
use crate::load;

/// Prints the articles of pages fetched already (and how many failed),
/// then of files, as one JSON array. Returns whether every page and file
/// parsed.
pub fn parse(
    fetched: (Vec<Article>, usize),
    paths: &[PathBuf],
    out: &mut impl Write,
) -> Result<bool> {
    let (pages, failed) = fetched;
    let mut batch = load::load_paths(paths);
    batch.articles.splice(0..0, pages);
    for warning in &batch.warnings {
        report(warning);
    }
    for failure in &batch.failures {
        report(&failure.to_string());
    }
    write_json(out, &batch.articles)?;
    Ok(batch.failures.is_empty() && failed == 0)
}
