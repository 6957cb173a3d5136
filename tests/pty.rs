//! End to end: the real binary in a pseudo-terminal, its screen read back
//! through a terminal emulator (vt100).

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

#[allow(dead_code)]
#[path = "support/session.rs"]
mod session;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use portable_pty::CommandBuilder;

use session::{DOWN, ENTER, Session, TAB};

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
fn sigterm_sighup_sigint_and_sigquit_restore_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let mut kiji = Session::start(&store, 80, 24);
        kiji.wait_for("Manga Museum");
        kiji.signal(signal);
        assert!(kiji.wait_exit(), "SIG{signal}: a clean exit");
        kiji.assert_restored();
    }
}

/// Whether the process is stopped, as a shell's job control sees it.
fn stopped(kiji: &Session) -> bool {
    let pid = kiji.child.process_id().expect("a pid");
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('T'))
    })
}

fn wait_until(what: &str, kiji: &Session, condition: impl Fn(&Session) -> bool) {
    let start = std::time::Instant::now();
    while !condition(kiji) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "never {what}:\n{}",
            kiji.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_and_sigtstp_stop_kiji_with_the_terminal_restored_and_fg_redraws() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    for stop in ["ctrl-z", "TSTP"] {
        let mut kiji = Session::start(&store, 80, 24);
        kiji.wait_for("Manga Museum");
        if stop == "ctrl-z" {
            kiji.send("\x1a");
        } else {
            kiji.signal(stop);
        }
        wait_until("stopped", &kiji, stopped);
        // kiji left the screen before it stopped; the thread reading the
        // terminal may not have taken those last bytes yet
        wait_until("the main screen shown", &kiji, |k| {
            !k.screen.lock().expect("screen").screen().alternate_screen()
        });
        kiji.assert_restored();
        kiji.signal("CONT");
        wait_until("back on the alternate screen", &kiji, |k| {
            !stopped(k) && k.screen.lock().expect("screen").screen().alternate_screen()
        });
        kiji.wait_for("Manga Museum");
        kiji.send("q");
        assert!(kiji.wait_exit(), "{stop}: a clean exit after fg");
        kiji.assert_restored();
    }
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
fn the_reader_keeps_working_during_an_import_and_shows_what_it_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let dumps = dir.path().join("corpus");
    corpus::Corpus::new(400, 5).write(&dumps).expect("corpus");
    let mut kiji = Session::start(&store, 120, 40);
    kiji.wait_for("All · 27 articles");
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_kiji"))
        .arg("--store")
        .arg(&store)
        .args(["import", "--batch-size", "50"])
        .arg(&dumps)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("import starts");
    // read while it writes: opening marks articles read, a write of its own
    for _ in 0..5 {
        kiji.send(DOWN);
        kiji.send(ENTER);
        kiji.send("\x1b");
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = import.wait_with_output().expect("import ends");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    kiji.send("r");
    kiji.wait_for("All · 427 articles");
    let screen = kiji.contents();
    assert!(
        !screen.contains("locked") && !screen.contains("busy"),
        "{screen}"
    );
    kiji.send("q");
    assert!(kiji.wait_exit());
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

#[test]
fn watch_imports_a_dropped_dump_once_it_is_complete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let mut kiji = Session::start_args(&store, 120, 40, &["--watch", &inbox.display().to_string()]);
    kiji.wait_for("All · 27 articles");
    // written in two steps, slowly: the half is not an article yet
    let file = inbox.join("new.txt");
    std::fs::write(&file, "Night Trains Return To The Coast\n\n").expect("write");
    std::thread::sleep(Duration::from_millis(200));
    let mut whole = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .expect("open");
    whole
        .write_all(b"9:00 JST, May 1, 2024\nOperators will run night trains again.\n")
        .expect("append");
    drop(whole);
    kiji.wait_for("1 new article");
    kiji.wait_for("All · 28 · 1 new");
    kiji.wait_for("Night Trains Return");
    kiji.wait_for("All · 28 articles");
    let screen = kiji.contents();
    assert!(!screen.contains("could not be imported"), "{screen}");
    kiji.send("q");
    assert!(kiji.wait_exit());
}

#[test]
fn a_bad_dropped_file_is_noted_on_screen_and_in_the_log_not_drawn_over_the_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let state = dir.path().join("state");
    let mut kiji = Session::start_full(
        &store,
        120,
        40,
        &[("XDG_STATE_HOME", &state.display().to_string())],
        &["--watch", &inbox.display().to_string()],
    );
    kiji.wait_for("All · 27 articles");
    std::fs::write(inbox.join("broken.txt"), "   \n").expect("write");
    kiji.wait_for("could not be imported (see the log)");
    let screen = kiji.contents();
    assert!(
        !screen.contains("WARN"),
        "the log stays off the screen: {screen}"
    );
    kiji.send("q");
    assert!(kiji.wait_exit());
    let log = std::fs::read_to_string(state.join("kiji/kiji.log")).expect("the log file");
    assert!(log.contains("broken.txt:1: empty file"), "{log}");
}
