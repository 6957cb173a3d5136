//! `kiji export`: the articles, whole, as JSON that `kiji import` takes back,
//! or as Markdown.

use std::io::Write;

use anyhow::Result;

use crate::article::json::ArticleJson;
use crate::cli::ExportFormat;
use crate::store::{Filter, Store};

/// Writes the articles of a section, or all, one at a time so a large
/// store needs little memory.
pub fn export(
    store: &Store,
    section: Option<String>,
    format: ExportFormat,
    out: &mut impl Write,
) -> Result<()> {
    let filter = Filter {
        section,
        ..Filter::default()
    };
    let mut first = true;
    if format == ExportFormat::Json {
        out.write_all(b"[")?;
    }
    store.each_article(&filter, |article, marks| {
        match format {
            ExportFormat::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                let mut json = ArticleJson::from(&article);
                json.read = Some(marks.read);
                json.saved = Some(marks.saved);
                crate::sanitize::json::to_writer_pretty(&mut *out, &json)?;
            }
            ExportFormat::Markdown => {
                if !first {
                    out.write_all(b"\n---\n\n")?;
                }
                out.write_all(crate::export::markdown(&article).as_bytes())?;
            }
        }
        first = false;
        Ok::<(), anyhow::Error>(())
    })?;
    if format == ExportFormat::Json {
        out.write_all(b"\n]\n")?;
    }
    Ok(())
}
