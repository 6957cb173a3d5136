//! The SQLite store: schema, migrations and every query kiji makes. The only
//! module that speaks SQL.
//!
//! WAL mode and a busy timeout let the reader and an import run at once;
//! every import runs in a transaction, so a crash or a full disk never leaves
//! a half-written store. Queries fetch what is shown, never every article.

mod bulk;
mod feeds;
mod filter;
mod import;
mod lines;
mod list;
mod marks;
mod matches;
mod open;
mod prepared;
mod preview;
mod read;
mod rows;
mod schema;
mod sizes;
mod top;
mod top_body;
mod upsert;
mod words;
mod words_sync;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::Connection;

pub use bulk::BulkImport;
pub use feeds::{FeedFetch, FeedRow, SeenItem};
pub use filter::Filter;
pub use import::{ImportCounts, ImportOutcome};
pub use prepared::Prepared;
pub use read::NewestList;
pub use rows::{Headline, ListEntry, SectionCount, find_section};
pub use schema::SCHEMA_VERSION;

/// What the reader marked an article: read, saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub saved: bool,
}

/// Work an opening does on a store before it can be used, which a large
/// store takes a while over: said so the user knows why it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upkeep {
    /// Bringing a store written by an older kiji, of this schema, up to date.
    Upgrade(i64),
    /// Building the indexes an import into the empty store, killed before
    /// its end, left out.
    BuildIndexes,
}

/// A stored article's row key: cheap to copy, used by the reader to open
/// articles and follow sidebar links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey(pub i64);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}: no store there; kiji import creates one")]
    Missing(String),
    #[error("{0}: not a kiji store (a database of something else); left untouched")]
    Foreign(String),
    #[error("{path}: damaged or not a database ({why}); left untouched", path = .0, why = sqlite_message(.1))]
    Damaged(String, rusqlite::Error),
    #[error(
        "{0}: written by a newer kiji (schema {1}; this one knows up to {SCHEMA_VERSION}); left untouched"
    )]
    TooNew(String, i64),
    #[error(
        "{0}: kiji may not write this store (a read-only file or folder, or another user's); it can only be read"
    )]
    ReadOnly(String),
    #[error("{0}: cannot make a store here: the folder is read-only")]
    FolderReadOnly(String),
    #[error(
        "{0}: written by an older kiji (schema {1}) and read-only, so it cannot be brought up to date; open it once where it can be written"
    )]
    OldAndReadOnly(String, i64),
    #[error("{path}: {why}", path = .0, why = sqlite_message(.1))]
    Open(String, rusqlite::Error),
    #[error("{0}: cannot create its folder: {1}")]
    Folder(String, std::io::Error),
    #[error("{}", sqlite_message(.0))]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// A read cut short because something newer was asked for (see
    /// [`Store::cancel_reads_when`]): nothing to report.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, Self::Sqlite(error)
            if error.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
    }
}

impl StoreError {
    /// What a failed first look at a store file says: that it is damaged,
    /// unless another connection kept it locked all the while (as an import
    /// into an empty store does until it ends).
    fn of_first_look(label: String, error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Self::Open(label, error)
            }
            _ => Self::Damaged(label, error),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Sqlite(error)
    }
}

/// What went wrong in SQLite, in words a reader of kiji's errors can act
/// on, once (SQLite's own message repeats itself).
fn sqlite_message(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "the disk is full".into(),
        Some(ErrorCode::SystemIoFailure) => {
            "could not write to the store: the disk is full, a file size limit was reached, \
             or the disk failed"
                .into()
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "the store stayed busy: another kiji is writing to it".into()
        }
        Some(ErrorCode::ReadOnly) => "the store is read-only".into(),
        Some(ErrorCode::NotADatabase) => "not a database".into(),
        Some(ErrorCode::DatabaseCorrupt) => "the database is corrupt".into(),
        _ => match error {
            rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
            other => other.to_string(),
        },
    }
}

/// The article store.
pub struct Store {
    conn: Connection,
    label: String,
    /// Set while reads may be cut short by [`Store::cancel_reads_when`].
    cancellable: Arc<AtomicBool>,
    read_only: bool,
}

/// Reads through [`Store::cancellable`] may be cut short while this lives.
#[must_use]
pub struct Cancellable(Arc<AtomicBool>);

impl Drop for Cancellable {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

impl Store {
    /// A store that lives in memory only: for reading files without
    /// importing them, and for the built-in sample articles.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, ":memory:".into(), false, &|_| {})
    }

    /// Where the store is.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether the store was opened only to read: one the user cannot
    /// write is read, never written.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Cuts short, soon after `cancel` turns true, any read made while a
    /// [`Store::cancellable`] guard lives: a search that later input has
    /// made stale gives way to it. The statement stops with an error for
    /// which [`StoreError::is_cancelled`] is true.
    pub fn cancel_reads_when(&mut self, cancel: Arc<AtomicBool>) -> Result<(), StoreError> {
        let cancellable = Arc::clone(&self.cancellable);
        self.conn.progress_handler(
            64,
            Some(move || cancellable.load(Ordering::Relaxed) && cancel.load(Ordering::Relaxed)),
        )?;
        Ok(())
    }

    /// Keeps up to 32 MB of the store's pages in memory rather than 2: for
    /// the reader, where a search being typed walks the same pages again
    /// on the next key (at 1,000,000 articles a fifth of such a keystroke
    /// went on copying them from the OS again). A command that asks once is
    /// faster without: `kiji search tokyo` took 0.13-0.15 s there with it,
    /// 0.07-0.10 s without.
    pub fn hold_pages(&self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "cache_size", -32768)?;
        Ok(())
    }

    /// Lets statements be cut short until the guard is dropped: only for
    /// reads, whose caller asks again.
    pub fn cancellable(&self) -> Cancellable {
        self.cancellable.store(true, Ordering::Relaxed);
        Cancellable(Arc::clone(&self.cancellable))
    }

    /// A number that changes when another connection (an import running
    /// beside the reader) commits to the store.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}

/// How long a connection waits for another kiji's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// While another connection writes, waits for it a millisecond at a time,
/// up to [`BUSY_TIMEOUT`]: SQLite's own busy timeout sleeps up to 100 ms
/// between looks, so a read mark made while a refresh writes could wait
/// a tenth of a second after the store was free.
fn wait_a_moment(tries: i32) -> bool {
    const STEP: Duration = Duration::from_millis(1);
    if u128::from(tries.unsigned_abs()) * STEP.as_millis() >= BUSY_TIMEOUT.as_millis() {
        return false;
    }
    std::thread::sleep(STEP);
    true
}

/// The default store location: the platform data directory.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::default_store()
}

#[cfg(test)]
mod tests;
