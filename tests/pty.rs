//! End to end: the real binary in a pseudo-terminal, its screen read back
//! through a terminal emulator (vt100).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const WAIT: Duration = Duration::from_secs(15);

/// A running kiji and the screen it draws.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(store: &Path, columns: u16, rows: u16) -> Self {
        Self::start_with(store, columns, rows, &[])
    }

    fn start_with(store: &Path, columns: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_kiji"));
        command.arg("--store");
        command.arg(store);
        command.env("TERM", "xterm-256color");
        command.env_remove("KIJI_STORE");
        command.env_remove("RUST_BACKTRACE");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("kiji starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a real size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(columns), 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("screen").process(&buffer[..n]);
            }
        });
        Self {
            screen,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Waits until the screen shows `text`, or fails showing the screen.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?} on screen:\n{}", self.contents());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Sends a signal to kiji, as `kill` would.
    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// The terminal is as kiji found it: main screen, cursor shown.
    fn assert_restored(&self) {
        let parser = self.screen.lock().expect("screen");
        assert!(
            !parser.screen().alternate_screen(),
            "left the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "cursor shown again");
        assert_eq!(
            parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting off"
        );
    }

    /// Waits for the process to end and returns whether it exited 0.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().expect("status") {
                // let the reader thread take the last bytes
                std::thread::sleep(Duration::from_millis(100));
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("kiji did not exit:\n{}", self.contents());
    }
}

const DOWN: &str = "\x1b[B";
const TAB: &str = "\t";
const ENTER: &str = "\r";

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
        .article
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
    kiji.wait_for("Saved · 0 of 25");
    kiji.send("]");
    kiji.wait_for("Business · 4 of 25");

    // the sidebar's first Popular item links to a stored article
    let linked = kiji::load::samples()
        .into_iter()
        .find(|a| a.headline == cherry.popular[0])
        .expect("the first Popular item is a sample article");
    kiji.send(TAB);
    kiji.send(ENTER);
    kiji.wait_for(&linked.body[0][..30]);

    kiji.send("q");
    assert!(kiji.wait_exit(), "exit status 0");
    kiji.assert_restored();
}

#[test]
fn a_fresh_store_shows_the_built_in_samples() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut kiji = Session::start(&dir.path().join("new.db"), 100, 30);
    kiji.wait_for("built-in sample articles");
    kiji.wait_for("Manga Museum in Ky");
    kiji.send("q");
    assert!(kiji.wait_exit());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    for signal in ["TERM", "HUP"] {
        let mut kiji = Session::start(&store, 80, 24);
        kiji.wait_for("Manga Museum");
        kiji.signal(signal);
        assert!(kiji.wait_exit(), "SIG{signal}: a clean exit");
        kiji.assert_restored();
    }
}

#[test]
fn a_panic_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = imported_store(dir.path());
    let mut kiji = Session::start_with(&store, 80, 24, &[("KIJI_PANIC_AFTER_FIRST_FRAME", "1")]);
    assert!(!kiji.wait_exit(), "a panic is a failure exit");
    kiji.assert_restored();
    let screen = kiji.contents();
    assert!(screen.contains("KIJI_PANIC_AFTER_FIRST_FRAME"), "{screen}");
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
