//! End to end: the real binary in a pseudo-terminal, its screen read back
//! through a terminal emulator (vt100).

#[allow(dead_code)]
#[path = "../support/corpus.rs"]
mod corpus;

#[allow(dead_code)]
#[path = "../support/session.rs"]
mod session;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use portable_pty::CommandBuilder;

use session::{DOWN, ENTER, Session, TAB};

mod signals;
mod watching;

fn imported_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("kiji.db");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kiji"))
        .arg("--store")
        .arg(&store)
        .args(["import", "sample_data"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("import runs");
    assert!(status.success());
    store
}

fn sample(name: &str) -> kiji::article::Article {
    kiji::load::load_file(&Path::new("sample_data").join(name))
        .expect("sample parses")
        .articles
        .remove(0)
}

#[test]
fn read_filter_follow_a_sidebar_link_and_quit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let mut kiji = Session::start(&store, 120, 40);
    kiji.wait_for("Manga Museum in Kyoto");

    // ↓ ↓ Enter: the third headline opens, its first paragraph on screen
    kiji.send(DOWN);
    kiji.send(DOWN);
    kiji.send(ENTER);
    let cherry = sample("017_cherry-blossoms-in-tokyo-bloom.txt");
    kiji.wait_for("Cherry blossoms in Tokyo began to bloom");
    kiji.wait_for("Popular · Science & Nature");

    // ] filters by the next tab: Saved, then the first section
    kiji.send("]");
    kiji.wait_for("Saved · 0 of 27");
    kiji.send("]");
    kiji.wait_for("Business · 4 of 27");

    // the sidebar's first Popular item links to a stored article
    let linked = kiji::load::samples()
        .into_iter()
        .find(|a| a.headline == cherry.popular[0].title)
        .expect("the first Popular item is a sample article");
    kiji.send(TAB);
    kiji.send(ENTER);
    let first = linked.paragraphs().next().expect("a paragraph");
    kiji.wait_for(&first[..30]);

    kiji.send("q");
    assert!(kiji.wait_exit(), "exit status 0");
    kiji.assert_restored();
}

#[test]
fn a_fresh_store_shows_the_built_in_samples() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("new.db");
    let mut kiji = Session::start(&store, 100, 30);
    kiji.wait_for("built-in sample articles");
    kiji.wait_for("Manga Museum");
    // a mark made here is not kept, and the reader says so
    kiji.send("b");
    kiji.wait_for("marks are not kept");
    kiji.send("q");
    assert!(kiji.wait_exit());
    assert!(
        !store.exists(),
        "no store is made until something is imported"
    );
}

#[test]
fn a_panic_restores_the_terminal() {
    // this test binary, running only the reader below, which panics
    let mut command = CommandBuilder::new(std::env::current_exe().expect("the test binary"));
    command.args([
        "--exact",
        "reader_that_panics_after_its_first_frame",
        "--ignored",
        "--nocapture",
    ]);
    let mut kiji = Session::spawn(command, 80, 24);
    assert!(!kiji.wait_exit(), "a panic is a failure exit");
    kiji.assert_restored();
    let screen = kiji.contents();
    assert!(screen.contains("a panic after the first frame"), "{screen}");
}

/// The real reader with a hook that panics once its first frame is drawn:
/// run in a pseudo-terminal by `a_panic_restores_the_terminal`.
#[test]
#[ignore = "the child of a_panic_restores_the_terminal, which runs it in a pty"]
fn reader_that_panics_after_its_first_frame() {
    let mut store = kiji::store::Store::open_in_memory().expect("store");
    store.import(&kiji::load::samples()).expect("samples");
    let options = kiji::reader::Options {
        store,
        notice: None,
        theme: kiji::config::ThemeName::Dark,
        keymap: kiji::keys::Keymap::default(),
        sidebar: true,
        local_time: false,
        section: None,
        list_share: None,
        marks_kept: false,
        watch: None,
        feeds_store: None,
        fetch: kiji::fetch::Settings::default(),
        refresh_minutes: None,
    };
    let hooks = kiji::reader::Hooks {
        after_first_frame: Some(Box::new(|| panic!("a panic after the first frame"))),
    };
    let _ = kiji::reader::run(options, hooks);
}

#[test]
fn search_open_a_match_and_see_the_word_highlighted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let mut kiji = Session::start(&store, 120, 40);
    kiji.wait_for("Manga Museum in Kyoto");
    kiji.send("/wagashi");
    kiji.wait_for("search");
    kiji.wait_for("1 match");
    kiji.send(ENTER);
    kiji.send(ENTER);
    kiji.wait_for("Makers of wagashi");
    // the word is drawn highlighted: find its cells and check their colours
    let parser = kiji.screen.lock().expect("screen");
    let screen = parser.screen();
    let (rows, columns) = screen.size();
    let mut highlighted = String::new();
    for row in 0..rows.get() {
        for column in 0..columns.get() {
            if let Some(cell) = screen.cell(row, column)
                && cell.bgcolor() != vt100::Color::Default
                && cell.bold()
            {
                highlighted.push_str(cell.contents());
            }
        }
        highlighted.push('\n');
    }
    assert!(
        highlighted
            .lines()
            .any(|line| line.eq_ignore_ascii_case("wagashi")),
        "highlighted cells: {highlighted:?}"
    );
}

/// Escape sequences and controls a web page might carry: a window title, a
/// clipboard write, a link, device-control and application strings, a
/// cursor report request, C1 CSI, a bidi override, BEL.
const HOSTILE: &str = "A\u{1b}]0;pwned\u{7}B\u{1b}]52;c;cHduZWQ=\u{7}C\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\D\u{1b}P+q544e\u{1b}\\E\u{1b}_apc\u{1b}\\F\u{1b}[6n\u{1b}[21tG\u{9b}31mH\u{202e}I\u{7}J";

#[test]
fn hostile_text_in_the_store_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    {
        // past the parser, straight into the store: the view must hold
        let conn = rusqlite::Connection::open(&store).expect("sqlite");
        let key: i64 = conn
            .query_row(
                "SELECT key FROM articles ORDER BY sort_key DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("newest");
        conn.execute(
            "UPDATE articles SET headline = ?1, section = ?2, caption = ?1, dateline = ?1 WHERE key = ?3",
            rusqlite::params![format!("Evil {HOSTILE}"), format!("Sec{HOSTILE}"), key],
        )
        .expect("headline");
        conn.execute(
            "UPDATE bodies SET body = ?1, popular = ?1, ranking = ?1 WHERE key = ?2",
            rusqlite::params![format!("{HOSTILE}\n{HOSTILE}"), key],
        )
        .expect("body");
    }
    let mut kiji = Session::start(&store, 120, 40);
    kiji.wait_for("Evil ABClinkDEFGHIJ");
    kiji.send(ENTER);
    kiji.wait_for("┃ ABClinkDEFGHIJ");
    kiji.send(TAB);
    kiji.send("]");
    kiji.send("q");
    assert!(kiji.wait_exit());
    kiji.assert_restored();
    let raw = kiji.raw.lock().expect("raw").clone();
    for (what, bytes) in [
        ("OSC", &b"\x1b]"[..]),
        ("DCS", b"\x1bP"),
        ("APC", b"\x1b_"),
        ("PM", b"\x1b^"),
        ("SOS", b"\x1bX"),
        ("cursor report request", b"\x1b[6n"),
        ("title report request", b"\x1b[21t"),
        ("BEL", b"\x07"),
        ("C1 CSI", "\u{9b}".as_bytes()),
        ("bidi override", "\u{202e}".as_bytes()),
    ] {
        assert!(
            !raw.windows(bytes.len()).any(|w| w == bytes),
            "{what} reached the terminal"
        );
    }
}

#[test]
fn no_color_means_no_colour_on_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let mut kiji = Session::start_with(&store, 100, 30, &[("NO_COLOR", "1")]);
    kiji.wait_for("Manga Museum");
    kiji.send(ENTER);
    kiji.wait_for("the reopened museum");
    {
        let parser = kiji.screen.lock().expect("screen");
        let screen = parser.screen();
        for row in 0..30 {
            for column in 0..100 {
                if let Some(cell) = screen.cell(row, column) {
                    assert_eq!(
                        cell.fgcolor(),
                        vt100::Color::Default,
                        "row {row} column {column}"
                    );
                    assert_eq!(
                        cell.bgcolor(),
                        vt100::Color::Default,
                        "row {row} column {column}"
                    );
                }
            }
        }
    }
    kiji.send("q");
    assert!(kiji.wait_exit());
}
