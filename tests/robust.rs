//! Nothing breaks the store: imports killed at random points or stopped,
//! a full disk, two imports at once, and store files kiji must not touch.

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use corpus::Corpus;
use tempfile::TempDir;

fn kiji(store: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiji"));
    command
        .env_remove("KIJI_STORE")
        .env_remove("RUST_BACKTRACE")
        .arg("--store")
        .arg(store);
    command
}

/// A store of the sample articles, imported with the CLI.
fn import_samples(store: &Path) {
    let imported = kiji(store)
        .args(["import", "sample_data"])
        .stdout(Stdio::null())
        .status()
        .expect("runs");
    assert!(imported.success());
}

fn corpus(dir: &Path, count: usize) -> PathBuf {
    let path = dir.join("corpus");
    Corpus::new(count, 3).write(&path).expect("corpus written");
    path
}

/// The store's integrity check, its article count and its distinct ids.
fn check(store: &Path) -> (String, i64, i64) {
    let conn = rusqlite::Connection::open(store).expect("opens");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    let (count, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT id) FROM articles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap_or((0, 0));
    // the kept counts agree with the articles
    if count > 0 {
        let counted: i64 = conn
            .query_row("SELECT sum(articles) FROM counts", [], |row| row.get(0))
            .expect("counts");
        assert_eq!(counted, count, "the counts table drifted");
    }
    (integrity, count, distinct)
}

#[test]
fn an_import_killed_at_random_points_never_damages_the_store() {
    const DUMPS: usize = 2000;
    const BATCH: usize = 250;
    let dir = TempDir::new().expect("tempdir");
    let dumps = corpus(dir.path(), DUMPS);
    let store = dir.path().join("kiji.db");
    let mut state = 0x2545_f491_u64;
    for round in 0..20 {
        let mut child = kiji(&store)
            .arg("import")
            .arg(format!("--batch-size={BATCH}"))
            .arg(&dumps)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("import starts");
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        std::thread::sleep(Duration::from_millis(20 + state % 600));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let (integrity, count, distinct) = check(&store);
        assert_eq!(integrity, "ok", "round {round}");
        assert_eq!(count, distinct, "round {round}: duplicates");
        assert!(count as usize <= DUMPS);
        assert_eq!(
            count as usize % BATCH,
            0,
            "round {round}: a batch landed half"
        );
        let list = kiji(&store).arg("list").output().expect("list runs");
        assert!(
            list.status.success(),
            "round {round}: the store no longer opens"
        );
    }
    let status = kiji(&store)
        .arg("import")
        .arg(&dumps)
        .stdout(Stdio::null())
        .status()
        .expect("import runs");
    assert!(status.success());
    let (integrity, count, distinct) = check(&store);
    assert_eq!(
        (integrity.as_str(), count, distinct),
        ("ok", DUMPS as i64, DUMPS as i64)
    );
    let conn = rusqlite::Connection::open(&store).expect("opens");
    conn.execute("INSERT INTO search (search) VALUES ('integrity-check')", [])
        .expect("the search index is sound");
}

#[test]
fn a_full_disk_is_one_clear_line_and_the_store_stays_as_it_was() {
    let dir = TempDir::new().expect("tempdir");
    let dumps = corpus(dir.path(), 1500);
    let store = dir.path().join("kiji.db");
    import_samples(&store);
    let size = std::fs::metadata(&store).expect("store").len();
    // files may grow to 1 MB past the store: far less than the import needs
    let blocks = (size + 1_048_576) / 512;
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_kiji"))
        .arg("--store")
        .arg(&store)
        .args(["import", "--batch-size", "500"])
        .arg(&dumps)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("import runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("kiji: importing into "), "{stderr}");
    let (integrity, count, distinct) = check(&store);
    assert_eq!(integrity, "ok");
    assert_eq!(count, distinct);
    assert_eq!((count - 27) % 500, 0, "only whole batches landed: {count}");
    // and with room again, the import completes
    assert!(
        kiji(&store)
            .arg("import")
            .arg(&dumps)
            .stdout(Stdio::null())
            .status()
            .expect("runs")
            .success()
    );
    assert_eq!(check(&store).1, 1527);
}

#[test]
fn an_import_stopped_with_ctrl_c_keeps_what_it_read_and_says_so() {
    const DUMPS: i64 = 8000;
    let dir = TempDir::new().expect("tempdir");
    let dumps = corpus(dir.path(), DUMPS as usize);
    let store = dir.path().join("kiji.db");
    // one transaction for the whole import, were it not stopped
    let child = kiji(&store)
        .args(["import", "--batch-size", "100000"])
        .arg(&dumps)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("import starts");
    let wal = dir.path().join("kiji.db-wal");
    while !wal.exists() {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let output = child.wait_with_output().expect("import ends");
    // as a shell reports a program Ctrl-C stopped: 128 and SIGINT's 2
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "kiji: import interrupted; what it read before is kept"
    );
    let (integrity, count, distinct) = check(&store);
    assert_eq!((integrity.as_str(), count), ("ok", distinct));
    assert!(0 < count && count < DUMPS, "{count} kept");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("imported {count}, updated 0, unchanged 0, failed 0")
    );
}

#[test]
fn two_imports_at_once_both_complete_with_every_article_once() {
    let dir = TempDir::new().expect("tempdir");
    let dumps = corpus(dir.path(), 1200);
    let store = dir.path().join("kiji.db");
    let start = || {
        kiji(&store)
            .args(["import", "--batch-size", "100"])
            .arg(&dumps)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("import starts")
    };
    let (first, second) = (start(), start());
    for child in [first, second] {
        let output = child.wait_with_output().expect("import ends");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (integrity, count, distinct) = check(&store);
    assert_eq!((integrity.as_str(), count, distinct), ("ok", 1200, 1200));
}

/// Runs kiji on a store file it must refuse, and checks it says so on one
/// line naming the file, and leaves the file as it was.
fn refused(store: &Path, expected: &str) {
    let before = std::fs::read(store).expect("read");
    for args in [&["list"][..], &["import", "sample_data"], &["sections"]] {
        let output = kiji(store).args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&store.display().to_string()), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
    assert_eq!(std::fs::read(store).expect("read"), before);
}

#[test]
fn foreign_and_newer_stores_are_refused_and_read_only_ones_only_read() {
    let dir = TempDir::new().expect("tempdir");
    let foreign = dir.path().join("notes.db");
    rusqlite::Connection::open(&foreign)
        .expect("sqlite")
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .expect("foreign db");
    refused(&foreign, "not a kiji store");

    let newer = dir.path().join("newer.db");
    import_samples(&newer);
    {
        let conn = rusqlite::Connection::open(&newer).expect("sqlite");
        conn.pragma_update(None, "user_version", 99).expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
    }
    refused(&newer, "written by a newer kiji");

    let read_only = dir.path().join("read-only.db");
    import_samples(&read_only);
    rusqlite::Connection::open(&read_only)
        .expect("sqlite")
        .pragma_update(None, "journal_mode", "DELETE")
        .expect("no wal");
    let mut permissions = std::fs::metadata(&read_only).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&read_only, permissions).expect("chmod");
    // read, never written
    let before = std::fs::read(&read_only).expect("read");
    let listed = kiji(&read_only).arg("list").output().expect("runs");
    assert!(listed.status.success());
    let output = kiji(&read_only)
        .args(["import", "sample_data"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("kiji may not write this store"));
    assert_eq!(std::fs::read(&read_only).expect("read"), before);
}

#[test]
fn an_oversized_dump_is_refused_and_the_others_imported() {
    let dir = TempDir::new().expect("tempdir");
    let dumps = dir.path().join("dumps");
    std::fs::create_dir(&dumps).expect("mkdir");
    let mut huge = b"Huge\n9:00 JST, March 1, 2024\n".to_vec();
    huge.resize(17 * 1024 * 1024, b'a');
    std::fs::write(dumps.join("huge.txt"), huge).expect("write");
    std::fs::copy(
        "sample_data/000_6c6944616e88b9e8.txt",
        dumps.join("seed.txt"),
    )
    .expect("copy");
    let output = kiji(&dir.path().join("kiji.db"))
        .arg("import")
        .arg(&dumps)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("huge.txt:1: too large"), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "imported 1, updated 0, unchanged 0, failed 1\n"
    );
}

#[test]
fn huge_headlines_long_lines_and_many_paragraphs_work() {
    let dir = TempDir::new().expect("tempdir");
    let dump = dir.path().join("big.txt");
    let headline = "Headline ".repeat(560);
    let line = "word ".repeat(210_000);
    let paragraphs: String = (0..3000).map(|i| format!("Paragraph {i}.\n")).collect();
    std::fs::write(
        &dump,
        format!("{headline}\n9:00 JST, March 1, 2024\n{line}\n{paragraphs}"),
    )
    .expect("write");
    let store = dir.path().join("kiji.db");
    let output = kiji(&store)
        .arg("import")
        .arg(&dump)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let listed = kiji(&store)
        .args(["list", "--json"])
        .output()
        .expect("runs");
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).expect("json");
    assert_eq!(
        articles[0]["headline"].as_str().map(str::len),
        Some(headline.trim().len())
    );
}

#[test]
fn a_store_from_an_older_kiji_is_brought_up_to_date_saying_so_once() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("older.db");
    import_samples(&store);
    let current = kiji::store::SCHEMA_VERSION;
    rusqlite::Connection::open(&store)
        .expect("sqlite")
        .pragma_update(None, "user_version", current - 1)
        .expect("as written by the kiji before");
    let search = |store: &Path| {
        kiji(store)
            .args(["search", "--json", "tokyo"])
            .output()
            .expect("runs")
    };
    let upgraded = search(&store);
    assert!(upgraded.status.success());
    let said = String::from_utf8_lossy(&upgraded.stderr);
    let line = said
        .lines()
        .find(|line| line.contains("up to date"))
        .unwrap_or_else(|| panic!("said nothing: {said}"));
    assert!(line.contains(&store.display().to_string()), "{line}");
    assert!(
        line.contains(&format!("schema {} to {current}", current - 1)),
        "{line}"
    );
    let again = search(&store);
    let said_again = String::from_utf8_lossy(&again.stderr);
    assert!(
        !said_again.contains("up to date"),
        "said once: {said_again}"
    );
    assert_eq!(again.stdout, upgraded.stdout, "the same results");
    assert!(String::from_utf8_lossy(&again.stdout).contains("\"headline\": \"Tokyo"));
}
