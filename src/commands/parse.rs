//! `kiji parse`: files read as articles and printed as JSON; the store is
//! not touched.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::list::write_json;
use super::report;
use crate::load;

/// Prints the parsed articles as one JSON array. Returns whether every file
/// parsed.
pub fn parse(paths: &[PathBuf], out: &mut impl Write) -> Result<bool> {
    let batch = load::load_paths(paths);
    for warning in &batch.warnings {
        report(warning);
    }
    for failure in &batch.failures {
        report(&failure.to_string());
    }
    write_json(out, &batch.articles)?;
    Ok(batch.failures.is_empty())
}
