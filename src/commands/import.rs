//! `kiji import`: files and folders into the store, a batch of articles a
//! transaction, files read and parsed on a second thread while this one
//! writes.

use std::io::Write;
use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::report;
use crate::article::Article;
use crate::load::{dump_files, load_file};
use crate::store::{ImportCounts, Store};

/// How many articles go into one import transaction unless `--batch-size`
/// says otherwise: large enough that the search index is written in few
/// large pieces, small enough that an interrupted import loses little work
/// and memory stays low (about 15 MB of articles).
pub const BATCH: NonZeroUsize = NonZeroUsize::new(5000).expect("not zero");
/// Batches at least this large show a progress bar on a terminal.
const PROGRESS_FROM: usize = 200;

/// Imports articles fetched already (and how many pages failed), then
/// files and folders, `batch_size` articles a transaction. Returns whether
/// every page and file was imported.
pub fn import(
    store: &mut Store,
    fetched: (Vec<Article>, usize),
    paths: &[PathBuf],
    batch_size: NonZeroUsize,
    out: &mut impl Write,
) -> Result<bool> {
    let batch_size = batch_size.get();
    let files = dump_files(paths);
    if files.len() > batch_size {
        store.prepare_bulk_import()?;
    }
    let progress = progress_bar(files.len());
    let started = std::time::Instant::now();
    tracing::debug!(files = files.len(), batch = batch_size, "import starting");
    let (pages, mut failed) = fetched;
    let mut counts = write_batch(store, &pages)?;
    let mut batch = Vec::with_capacity(batch_size.min(BATCH.get()));
    // files are read and parsed on a second thread while this one writes
    // the previous batch: on two cores that hides the parsing entirely
    let (sender, loaded) = std::sync::mpsc::sync_channel(BATCH.get());
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            for file in files {
                if sender.send(file.and_then(|path| load_file(&path))).is_err() {
                    break;
                }
            }
        });
        for file in loaded {
            match file {
                Ok(loaded) => {
                    for warning in &loaded.warnings {
                        progress.suspend(|| report(warning));
                    }
                    batch.extend(loaded.articles);
                }
                Err(error) => {
                    failed += 1;
                    progress.suspend(|| report(&error.to_string()));
                }
            }
            if batch.len() >= batch_size {
                counts.merge(write_batch(store, &batch)?);
                batch.clear();
            }
            progress.inc(1);
        }
        Ok(())
    })?;
    counts.merge(write_batch(store, &batch)?);
    progress.finish_and_clear();
    tracing::debug!(took = ?started.elapsed(), "import finished");
    writeln!(
        out,
        "imported {}, updated {}, unchanged {}, failed {failed}",
        counts.imported, counts.updated, counts.unchanged
    )?;
    Ok(failed == 0)
}

/// A progress bar on a terminal for an import of many files; none else.
fn progress_bar(files: usize) -> ProgressBar {
    if !super::stderr_is_terminal() || files < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

fn write_batch(store: &mut Store, batch: &[Article]) -> Result<ImportCounts> {
    store
        .import(batch)
        .with_context(|| format!("importing into {}", store.label()))
}
