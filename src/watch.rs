//! Live updates: dumps dropped into a folder while the reader runs are
//! imported as soon as they are complete. A file still being written is
//! left until it has stopped changing, so it is imported once, whole.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::load::{is_dump, load_paths};
use crate::sanitize::clean;
use crate::store::{ImportCounts, Store, StoreError};

/// How long a file must stay unchanged before it counts as complete.
pub const SETTLE: Duration = Duration::from_millis(500);

/// Files seen changing: their last size and time, and since when they
/// have looked like that.
type Pending = HashMap<PathBuf, (Option<(u64, SystemTime)>, Instant)>;

/// What one round of importing found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub counts: ImportCounts,
    /// `path:line: reason` for each file that could not be imported.
    pub failures: Vec<String>,
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("cannot watch {0}: {1}")]
    Watch(String, notify::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Watches `dir` (and the folders in it), importing into the store at
/// `store` on a thread of its own, and calls `imported` after each round.
pub fn spawn(
    dir: &Path,
    store: &Path,
    imported: impl Fn(Report) + Send + 'static,
) -> Result<Watch, WatchError> {
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_))
        {
            for path in event.paths {
                let _ = sender.send(path);
            }
        }
    })
    .map_err(|e| WatchError::Watch(dir.display().to_string(), e))?;
    watcher
        .watch(dir, RecursiveMode::Recursive)
        .map_err(|e| WatchError::Watch(dir.display().to_string(), e))?;
    let mut store = Store::open(store)?;
    std::thread::spawn(move || {
        let mut pending = Pending::new();
        loop {
            // with nothing pending, sleep until something happens
            let next = if pending.is_empty() {
                events.recv().map_err(|_| RecvTimeoutError::Disconnected)
            } else {
                events.recv_timeout(SETTLE / 5)
            };
            match next {
                Ok(path) if is_dump(&path) => {
                    pending.insert(path, (None, Instant::now()));
                }
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            let complete = settled(&mut pending);
            if !complete.is_empty() {
                imported(import(&mut store, &complete));
            }
        }
    });
    Ok(Watch { _watcher: watcher })
}

/// The pending files that have not changed for [`SETTLE`], taken out of
/// `pending`; the others have their size and time noted.
fn settled(pending: &mut Pending) -> Vec<PathBuf> {
    let mut complete = Vec::new();
    pending.retain(|path, (seen, since)| {
        let Ok(meta) = std::fs::metadata(path) else {
            return false; // gone
        };
        let now = (
            meta.len(),
            meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        );
        if *seen != Some(now) {
            *seen = Some(now);
            *since = Instant::now();
            return true;
        }
        if since.elapsed() >= SETTLE {
            complete.push(path.clone());
            return false;
        }
        true
    });
    complete.sort();
    complete
}

fn import(store: &mut Store, paths: &[PathBuf]) -> Report {
    let mut report = Report::default();
    let batch = load_paths(paths);
    for warning in &batch.warnings {
        tracing::warn!("{}", clean(warning));
    }
    for failure in &batch.failures {
        let error = clean(&failure.to_string()).into_owned();
        tracing::warn!("{error}");
        report.failures.push(error);
    }
    match store.import(&batch.articles) {
        Ok(counts) => {
            tracing::info!(
                files = paths.len(),
                imported = counts.imported,
                updated = counts.updated,
                "watched folder imported"
            );
            report.counts = counts;
        }
        Err(error) => {
            tracing::warn!("importing dropped files: {error}");
            report.failures.push(error.to_string());
        }
    }
    report
}
