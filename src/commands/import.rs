//! `kiji import`: files and folders into the store, a batch of articles a
//! transaction, files read and parsed on a second thread while this one
//! writes.

use std::io::Write;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::mpsc::SyncSender;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::report;
use crate::article::Article;
use crate::load::json::{self, Marked};
use crate::load::{LoadError, dump_files, is_json, load_file};
use crate::store::{ImportCounts, Store};

/// How many articles go into one import transaction unless `--batch-size`
/// says otherwise: large enough that the search index is written in few
/// large pieces, small enough that an interrupted import loses little work
/// and memory stays low (about 15 MB of articles).
pub const BATCH: NonZeroUsize = NonZeroUsize::new(5000).expect("not zero");
/// Batches at least this large show a progress bar on a terminal.
const PROGRESS_FROM: usize = 200;

/// What the reading thread hands the writing one.
enum Piece {
    /// Articles read, with the marks an export gave them.
    Articles(Vec<Marked>),
    /// A file read to its end (with its warnings), or why it could not be.
    Done(Result<Vec<String>, LoadError>),
}

/// Articles of a JSON export handed over at a time: an export of any size
/// streams through in memory that does not grow with it.
const JSON_CHUNK: usize = 256;
/// Pieces handed over at once: one at a time, waking the writer for each
/// cost a tenth of a large import in the two threads' hand-overs.
const HANDFUL: usize = 64;
/// Handfuls read ahead of the writer.
const AHEAD: usize = 4;

/// Pieces gathered to hand over a handful at a time.
struct Handover<'a> {
    sender: &'a SyncSender<Vec<Piece>>,
    pieces: Vec<Piece>,
}

impl Handover<'_> {
    /// Adds a piece, handing the handful over when it is full; false once
    /// the writer has stopped taking them.
    fn push(&mut self, piece: Piece) -> bool {
        self.pieces.push(piece);
        self.pieces.len() < HANDFUL || self.flush()
    }

    fn flush(&mut self) -> bool {
        let pieces = std::mem::replace(&mut self.pieces, Vec::with_capacity(HANDFUL));
        pieces.is_empty() || self.sender.send(pieces).is_ok()
    }
}

/// Reads every file, handing its articles over as they come: a dump or a
/// page whole, a JSON export in chunks.
fn read_files(files: Vec<Result<PathBuf, LoadError>>, sender: &SyncSender<Vec<Piece>>) {
    let mut handover = Handover {
        sender,
        pieces: Vec::with_capacity(HANDFUL),
    };
    for file in files {
        let done = file.and_then(|path| {
            if !is_json(&path) {
                let loaded = load_file(&path)?;
                let articles = loaded.articles.into_iter().map(|a| (a, None)).collect();
                handover.push(Piece::Articles(articles));
                return Ok(loaded.warnings);
            }
            let mut chunk = Vec::with_capacity(JSON_CHUNK);
            let read = json::each_article(&path, &mut |marked| {
                chunk.push(marked);
                if chunk.len() == JSON_CHUNK {
                    // an export's chunks go over at once: they are large
                    handover.push(Piece::Articles(std::mem::take(&mut chunk)));
                    handover.flush();
                }
            });
            // the articles before a mistake are kept, as a dump's are
            handover.push(Piece::Articles(chunk));
            read.map(|_| Vec::new())
        });
        if !handover.push(Piece::Done(done)) {
            return;
        }
    }
    handover.flush();
}

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
    if files.len() > batch_size || files.iter().flatten().any(|path| is_json(path)) {
        store.prepare_bulk_import()?;
    }
    let progress = progress_bar(files.len());
    let started = std::time::Instant::now();
    tracing::debug!(files = files.len(), batch = batch_size, "import starting");
    let (pages, mut failed) = fetched;
    let pages: Vec<Marked> = pages.into_iter().map(|a| (a, None)).collect();
    let mut counts = write_batch(store, &pages)?;
    let mut batch = Vec::with_capacity(batch_size.min(BATCH.get()));
    // files are read and parsed on a second thread while this one writes
    // the previous batch: on two cores that hides the parsing entirely
    let (sender, pieces) = std::sync::mpsc::sync_channel(AHEAD);
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || read_files(files, &sender));
        for piece in pieces.into_iter().flatten() {
            match piece {
                Piece::Articles(articles) => batch.extend(articles),
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
            if batch.len() >= batch_size {
                counts.merge(write_batch(store, &batch)?);
                batch.clear();
            }
        }
        Ok(())
    })?;
    counts.merge(write_batch(store, &batch)?);
    store
        .finish_import(counts.imported + counts.updated)
        .with_context(|| format!("importing into {}", store.label()))?;
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

fn write_batch(store: &mut Store, batch: &[Marked]) -> Result<ImportCounts> {
    store
        .import_marked(batch)
        .with_context(|| format!("importing into {}", store.label()))
}
