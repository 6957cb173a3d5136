//! The SQLite store: schema, migrations and every query kiji makes. The only
//! module that speaks SQL.
//!
//! WAL mode and a busy timeout let the reader and an import run at once;
//! every import runs in a transaction, so a crash or a full disk never leaves
//! a half-written store. Queries fetch what is shown, never every article.

mod feeds;
mod filter;
mod import;
mod lines;
mod list;
mod marks;
mod read;
mod rows;
mod schema;
mod upsert;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use feeds::{FeedFetch, FeedRow, SeenItem};
pub use filter::Filter;
pub use import::{ImportCounts, ImportOutcome};
pub use read::NewestList;
pub use rows::{Headline, ListEntry, SectionCount, find_section};
pub use schema::SCHEMA_VERSION;
use schema::{APPLICATION_ID, MIGRATIONS};

/// What the reader marked an article: read, saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub saved: bool,
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
    #[error("{0}: the store is read-only, and kiji writes read marks and imports to it")]
    ReadOnly(String),
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
    /// Opens (creating it if need be) the store at `path`. A file that is not
    /// a kiji store, is damaged or is from a newer kiji is refused unchanged.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let label = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|error| StoreError::Folder(label.clone(), error))?;
        }
        // checked here, since root may write to a file whatever its mode
        if std::fs::metadata(path).is_ok_and(|meta| meta.permissions().readonly()) {
            return Err(StoreError::ReadOnly(label));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|error| StoreError::Open(label.clone(), error))?;
        Self::init(conn, label)
    }

    /// Opens the store at `path`, which must be there already: what the
    /// commands that only read open, so that a mistyped path is said to be
    /// one rather than becoming an empty store.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        Self::open(path)
    }

    /// A store that lives in memory only: for reading files without
    /// importing them, and for the built-in sample articles.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, ":memory:".into())
    }

    /// Where the store is.
    pub fn label(&self) -> &str {
        &self.label
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

    fn init(mut conn: Connection, label: String) -> Result<Self, StoreError> {
        conn.busy_handler(Some(wait_a_moment))?;
        // Look before changing anything, so a foreign file stays untouched.
        let damaged = |error| StoreError::Damaged(label.clone(), error);
        // one statement, so one snapshot: another kiji creating the store
        // may commit between two reads
        let (application_id, version, objects): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()),
                        (SELECT user_version FROM pragma_user_version()),
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .map_err(damaged)?;
        // another program's database, even an empty one that has only
        // named itself, is never taken over
        if application_id != APPLICATION_ID && (application_id != 0 || objects > 0 || version != 0)
        {
            return Err(StoreError::Foreign(label));
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew(label, version));
        }
        use_wal(&conn)?;
        // statement journals (which the counting triggers need) stay in
        // memory rather than in temporary files
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
        )?;
        let mut store = Self {
            conn,
            label,
            cancellable: Arc::new(AtomicBool::new(false)),
        };
        store.migrate()?;
        tracing::debug!(store = %store.label, from = version, to = SCHEMA_VERSION, "store opened");
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // read again under the write lock: another kiji may have migrated
        let version = user_version(&tx)?;
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            let target = index as i64 + 1;
            if version < target {
                migration(&tx)?;
                tx.pragma_update(None, "user_version", target)?;
            }
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.commit()?;
        Ok(())
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

/// Switches the store to WAL mode. Two kijis opening a new store at once
/// can meet mid-switch, and SQLite then answers "busy" at once instead of
/// waiting (waiting could deadlock), so the switch is tried again for as
/// long as a write would wait.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())) {
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result,
        }
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// The default store location: the platform data directory.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::default_store()
}

#[cfg(test)]
mod tests;
