//! Measures, from outside, the time from exec to the first full frame: runs
//! the real binary in a pseudo-terminal on a store and waits for the status
//! line, which is drawn with the first frame.
//! `cargo run --release --example first_frame -- STORE [RUNS]`

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(store) = args.first() else {
        eprintln!("usage: first_frame STORE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(20);
    let binary = std::env::var("KIJI").unwrap_or_else(|_| "target/release/kiji".into());
    let binary = std::fs::canonicalize(&binary)
        .unwrap_or_else(|error| panic!("{binary}: {error}; build it with cargo build --release"))
        .display()
        .to_string();
    let mut times: Vec<Duration> = (0..runs).map(|_| first_frame(&binary, store)).collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "exec to first frame over {runs} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
}

fn first_frame(binary: &str, store: &str) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(binary);
    command.args(["--store", store]);
    command.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("kiji starts");
    let mut seen = Vec::new();
    let mut buffer = [0u8; 16384];
    // the status line's counts are the last thing the first frame draws
    let marker = b"unread";
    let elapsed = loop {
        let n = reader.read(&mut buffer).expect("read");
        seen.extend_from_slice(&buffer[..n]);
        if seen.windows(marker.len()).any(|w| w == marker) {
            break start.elapsed();
        }
        assert!(n > 0, "kiji ended before drawing");
    };
    let _ = writer.write_all(b"q");
    let _ = child.wait();
    elapsed
}
