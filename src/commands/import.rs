//! `kiji import`: files and folders into the store, a batch of articles a
//! transaction, files read and parsed on other threads while this one
//! writes.

use std::io::Write;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::report;
use crate::article::Article;
use crate::load::dump_files;
use crate::store::{BulkImport, ImportCounts, Prepared, Store};

mod reading;

use reading::{Piece, read_in_order};

/// How many articles go into one import transaction unless `--batch-size`
/// says otherwise. Every commit writes again each index page its articles
/// touched, and files come in no order of id, headline or date, so a
/// transaction's articles touch pages all over those indexes: at 1,000,000
/// articles, committing every 5,000 wrote 42 GB for a 6.7 GB store. An
/// import killed outright loses at most this many articles' work; one
/// stopped with a signal it can catch commits first (`stop_on_signals`).
pub const BATCH: NonZeroUsize = NonZeroUsize::new(50_000).expect("not zero");
/// Articles written at once, whatever the transaction: large enough
/// that the search index is written in few large segments, small enough
/// that memory stays low (about 15 MB of articles)...
const AT_ONCE: usize = 5000;
/// ...and at most this many bytes of them (see [`Prepared::weight`]),
/// whatever their size.
const AT_ONCE_BYTES: usize = 64 << 20;
/// Batches at least this large show a progress bar on a terminal.
const PROGRESS_FROM: usize = 200;

/// Imports articles fetched already (and how many pages failed), then
/// files and folders, `batch_size` articles a transaction, written a piece
/// at a time. Returns whether every page and file was imported; an
/// [`Interrupted`] error when a signal stopped it.
pub fn import(
    store: &mut Store,
    fetched: (Vec<Article>, usize),
    paths: &[PathBuf],
    batch_size: NonZeroUsize,
    out: &mut impl Write,
) -> Result<bool> {
    let files = dump_files(paths);
    let label = store.label().to_owned();
    let mut bulk = store
        .bulk_import(batch_size)
        .with_context(|| format!("importing into {label}"))?;
    let progress = progress_bar(files.len());
    let started = std::time::Instant::now();
    tracing::debug!(
        files = files.len(),
        batch = batch_size.get(),
        "import starting"
    );
    let (pages, mut failed) = fetched;
    let pages: Vec<Prepared> = pages
        .into_iter()
        .map(|article| Prepared::new(article, None))
        .collect();
    let mut counts = write_batch(&mut bulk, &pages, &label)?;
    let mut batch = Vec::with_capacity(AT_ONCE);
    let mut weight = 0;
    let stop = Stop::on_signals();
    // files are read and parsed on other threads while this one writes
    // what they read before
    std::thread::scope(|scope| -> Result<()> {
        let handfuls = read_in_order(scope, files);
        for piece in handfuls.take_while(|_| stop.signal().is_none()).flatten() {
            match piece {
                Piece::Articles(articles) => {
                    weight += articles.iter().map(Prepared::weight).sum::<usize>();
                    batch.extend(articles);
                }
                Piece::Done(Ok(warnings)) => {
                    for warning in &warnings {
                        progress.suspend(|| report(warning));
                    }
                    progress.inc(1);
                }
                Piece::Done(Err(error)) => {
                    failed += 1;
                    progress.suspend(|| report(&error.to_string()));
                    progress.inc(1);
                }
            }
            if batch.len() >= AT_ONCE || weight >= AT_ONCE_BYTES {
                counts.merge(write_batch(&mut bulk, &batch, &label)?);
                batch.clear();
                weight = 0;
            }
        }
        Ok(())
    })?;
    counts.merge(write_batch(&mut bulk, &batch, &label)?);
    let interrupted = stop.signal();
    // an interrupted import commits what it wrote, and leaves the merge
    let written = if interrupted.is_some() {
        0
    } else {
        counts.imported + counts.updated
    };
    if bulk.remakes_words() {
        progress.suspend(|| {
            report(&format!(
                "kiji: making the index of words of {label} anew, for searches; a large store takes a while"
            ));
        });
    }
    bulk.finish(written)
        .with_context(|| format!("importing into {label}"))?;
    progress.finish_and_clear();
    tracing::debug!(took = ?started.elapsed(), "import finished");
    writeln!(
        out,
        "imported {}, updated {}, unchanged {}, failed {failed}",
        counts.imported, counts.updated, counts.unchanged
    )?;
    if let Some(signal) = interrupted {
        return Err(Interrupted { signal }.into());
    }
    Ok(failed == 0)
}

/// An import a signal stopped, having committed what it wrote. kiji then
/// exits as a program the signal ended would, with 128 and its number
/// (130 for Ctrl-C), so that a script sees it was stopped.
#[derive(Debug, thiserror::Error)]
#[error("import interrupted; what it read before is kept")]
pub struct Interrupted {
    /// The signal's number.
    pub signal: i32,
}

impl Interrupted {
    /// What kiji exits with: as [`Stop`] exits on a second signal.
    pub fn exit_code(&self) -> std::process::ExitCode {
        u8::try_from(exit_status(self.signal)).map_or(std::process::ExitCode::FAILURE, Into::into)
    }
}

/// A program a signal ended exits, by the shells' convention, with 128 and
/// the signal's number.
fn exit_status(signal: i32) -> i32 {
    128 + signal
}

/// Set when the user stops an import (Ctrl-C, SIGTERM or SIGHUP): it then
/// commits what it has written and stops, as soon as the piece it is
/// writing is done. Asked a second time, it stops at once, and the store is
/// as the last commit left it.
struct Stop {
    /// Whether a signal came, which a second one checks to exit at once.
    asked: Arc<AtomicBool>,
    /// The last signal's number.
    signal: Arc<AtomicUsize>,
}

impl Stop {
    fn on_signals() -> Self {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use signal_hook::flag;
        let stop = Stop {
            asked: Arc::new(AtomicBool::new(false)),
            signal: Arc::new(AtomicUsize::new(SIGINT as usize)),
        };
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let asked = Arc::clone(&stop.asked);
            let _ = flag::register_conditional_shutdown(signal, exit_status(signal), asked);
            let _ = flag::register_usize(signal, Arc::clone(&stop.signal), signal as usize);
            let _ = flag::register(signal, Arc::clone(&stop.asked));
        }
        stop
    }

    /// The signal that stopped the import, once one has.
    fn signal(&self) -> Option<i32> {
        self.asked
            .load(Ordering::Relaxed)
            .then(|| self.signal.load(Ordering::Relaxed) as i32)
    }
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

fn write_batch(bulk: &mut BulkImport<'_>, batch: &[Prepared], label: &str) -> Result<ImportCounts> {
    bulk.write(batch)
        .with_context(|| format!("importing into {label}"))
}
