//! The real binary in a pseudo-terminal, its screen read back through a
//! terminal emulator (vt100): what the end-to-end tests drive.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const WAIT: Duration = Duration::from_secs(15);

/// A running kiji and the screen it draws.
pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte kiji wrote to the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(store: &Path, columns: u16, rows: u16) -> Self {
        Self::start_with(store, columns, rows, &[])
    }

    pub fn start_with(store: &Path, columns: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        Self::start_full(store, columns, rows, env, &[])
    }

    pub fn start_args(store: &Path, columns: u16, rows: u16, args: &[&str]) -> Self {
        Self::start_full(store, columns, rows, &[], args)
    }

    pub fn start_full(
        store: &Path,
        columns: u16,
        rows: u16,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Self {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_kiji"));
        command.arg("--store");
        command.arg(store);
        command.args(args);
        command.env_remove("KIJI_STORE");
        for (key, value) in env {
            command.env(key, value);
        }
        Self::spawn(command, columns, rows)
    }

    /// Runs a program in a pseudo-terminal of `columns` × `rows`.
    pub fn spawn(mut command: CommandBuilder, columns: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        command.env("TERM", "xterm-256color");
        command.env_remove("RUST_BACKTRACE");
        let child = pty.slave.spawn_command(command).expect("kiji starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a real size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(columns), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (feed, record) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("screen").process(&buffer[..n]);
                record.lock().expect("raw").extend_from_slice(&buffer[..n]);
            }
        });
        Self {
            screen,
            raw,
            writer,
            child,
            master: pty.master,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Waits until the screen shows `text`, or fails showing the screen.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?} on screen:\n{}", self.contents());
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Sends a signal to kiji, as `kill` would.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// The terminal is as kiji found it: main screen, cursor shown, mouse
    /// reporting off, and the line discipline back in cooked mode.
    pub fn assert_restored(&self) {
        let termios = self.master.get_termios().expect("termios");
        let local = termios.local_flags;
        assert!(
            local.contains(nix::sys::termios::LocalFlags::ICANON)
                && local.contains(nix::sys::termios::LocalFlags::ECHO),
            "back in cooked mode: {local:?}"
        );
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
    pub fn wait_exit(&mut self) -> bool {
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

pub const DOWN: &str = "\x1b[B";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
