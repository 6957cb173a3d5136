//! Opening a store: created where there is none, refused unchanged when
//! it is another program's, damaged or newer, brought up to date when it
//! is older — and, when the user cannot write it, opened to read only,
//! with nothing written to it or created beside it.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::schema::{
    APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, build_listing_indexes, lacks_listing_indexes,
};
use super::{BUSY_TIMEOUT, Store, StoreError, Upkeep, wait_a_moment};

impl Store {
    /// Opens (creating it if need be) the store at `path`, to write. A file
    /// that is not a kiji store, is damaged or is from a newer kiji is
    /// refused unchanged; so is one the user cannot write.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_to_write(path, &|_| {})
    }

    /// Opens the store at `path` as [`Store::open`] does when `create`,
    /// else as [`Store::open_existing`] does, and calls `upkeep` with
    /// the schema of a store written by an older kiji just before bringing
    /// it up to date, which takes a while for a large one.
    pub fn open_telling(
        path: &Path,
        create: bool,
        upkeep: &dyn Fn(Upkeep),
    ) -> Result<Self, StoreError> {
        if create {
            return Self::open_to_write(path, upkeep);
        }
        if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        match Self::open_to_write(path, upkeep) {
            Err(StoreError::ReadOnly(_)) => Self::open_read_only(path),
            other => other,
        }
    }

    fn open_to_write(path: &Path, upkeep: &dyn Fn(Upkeep)) -> Result<Self, StoreError> {
        let label = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|error| StoreError::Folder(label.clone(), error))?;
        }
        if path.exists() && !can_write(path) {
            return Err(StoreError::ReadOnly(label));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Connection::open_with_flags(path, flags)
            .map_err(|error| StoreError::Open(label.clone(), error))
            .and_then(|conn| Self::init(conn, label.clone(), false, upkeep));
        match opened {
            // the folder does not let SQLite make its files beside the store
            Err(error) if is_cannot_open(&error) && !path.exists() => {
                Err(StoreError::FolderReadOnly(label))
            }
            Err(error) if is_cannot_open(&error) => Err(StoreError::ReadOnly(label)),
            other => other,
        }
    }

    /// Opens the store at `path`, which must be there already: what the
    /// commands that only read, and the reader, open, so that a mistyped
    /// path is said to be one rather than becoming an empty store. A store
    /// the user cannot write (another user's, a read-only file or folder)
    /// is opened to read only: nothing is written to it or made beside it.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        Self::open_telling(path, false, &|_| {})
    }

    /// Opens the store at `path` to read only. SQLite is told the file will
    /// not change (`immutable`), so it takes no locks and makes no `-wal`
    /// or `-shm` file; what another program writes meanwhile is seen when
    /// the store is opened again.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let label = path.display().to_string();
        let absolute =
            std::path::absolute(path).map_err(|error| StoreError::Folder(label.clone(), error))?;
        let uri = format!("file:{}?immutable=1", uri_path(&absolute.to_string_lossy()));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(uri, flags)
            .map_err(|error| StoreError::Open(label.clone(), error))?;
        Self::init(conn, label, true, &|_| {})
    }

    pub(super) fn init(
        mut conn: Connection,
        label: String,
        read_only: bool,
        upkeep: &dyn Fn(Upkeep),
    ) -> Result<Self, StoreError> {
        conn.busy_handler(Some(wait_a_moment))?;
        // Look before changing anything, so a foreign file stays untouched.
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
            .map_err(|error| StoreError::of_first_look(label.clone(), error))?;
        // another program's database, even an empty one that has only
        // named itself, is never taken over
        if application_id != APPLICATION_ID && (application_id != 0 || objects > 0 || version != 0)
        {
            return Err(StoreError::Foreign(label));
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew(label, version));
        }
        if read_only && version < SCHEMA_VERSION {
            return Err(StoreError::OldAndReadOnly(label, version));
        }
        if !read_only {
            use_wal(&conn)?;
        }
        // statement journals (which the counting triggers need) stay in
        // memory rather than in temporary files
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
        )?;
        let mut store = Self {
            conn,
            label,
            cancellable: Arc::new(AtomicBool::new(false)),
            read_only,
        };
        if !read_only {
            store.migrate(upkeep)?;
        }
        tracing::debug!(store = %store.label, from = version, to = SCHEMA_VERSION, "store opened");
        Ok(store)
    }

    fn migrate(&mut self, upkeep: &dyn Fn(Upkeep)) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // read again under the write lock: another kiji may have migrated
        let version = user_version(&tx)?;
        if (1..SCHEMA_VERSION).contains(&version) {
            upkeep(Upkeep::Upgrade(version));
        }
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
        if lacks_listing_indexes(&tx)? {
            upkeep(Upkeep::BuildIndexes);
            build_listing_indexes(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Switches the store to WAL mode. Two kijis opening a new store at once
/// can meet mid-switch, and SQLite then answers "busy" at once instead of
/// waiting (waiting could deadlock), so the switch is tried again for as
/// long as a write would wait.
pub(super) fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
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

/// Whether this process may write the store file, and the `-wal` and
/// `-shm` files beside it where they are. Asked of the file itself (opening
/// it to write, which changes nothing), since another user's file may be
/// readable but not writable; a file with no write permission for anyone
/// is taken as meant to be read only, even by root, who could write it.
fn can_write(path: &Path) -> bool {
    let writable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|meta| !meta.permissions().readonly())
            && std::fs::OpenOptions::new().write(true).open(p).is_ok()
    };
    let beside = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    writable(path)
        && [beside("-wal"), beside("-shm")]
            .iter()
            .all(|file| !file.exists() || writable(file))
}

/// SQLite could not open or make a file: a folder or file it may not write.
fn is_cannot_open(error: &StoreError) -> bool {
    let code = match error {
        StoreError::Open(_, error) | StoreError::Damaged(_, error) | StoreError::Sqlite(error) => {
            error.sqlite_error_code()
        }
        _ => None,
    };
    matches!(
        code,
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// A path as the path of a `file:` URI: `%`, `?` and `#` escaped.
pub(super) fn uri_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}
