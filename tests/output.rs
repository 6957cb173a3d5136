//! Where kiji's output goes wrong: a full disk, a reader that stops
//! reading, a standard output closed from the start. Each command ends
//! quietly on a broken pipe, and otherwise fails with one line.

use std::process::{Command, Stdio};

fn kiji() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiji"));
    command.env_remove("KIJI_STORE").env_remove("KIJI_CONFIG");
    command
}

const COMMANDS: &[&[&str]] = &[
    &["config", "--default"],
    &["config"],
    &["completions", "bash"],
    &["completions", "zsh"],
    &["man"],
    &["parse", "sample_data/000_6c6944616e88b9e8.txt"],
    &["--help"],
];

#[test]
fn a_full_disk_is_one_line_and_a_failure() {
    for args in COMMANDS {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = kiji().args(*args).stdout(full).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_stops_reading_ends_kiji_quietly() {
    for args in COMMANDS {
        let mut child = kiji()
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_standard_output_is_a_failure_not_silence() {
    let bin = env!("CARGO_BIN_EXE_kiji");
    let output = Command::new("sh")
        .args(["-c", &format!("exec '{bin}' parse sample_data >&-")])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "kiji: standard output is closed; nothing can be written\n"
    );
    // and /dev/null opened by a shell is a place to write like any other
    let null = Command::new("sh")
        .args(["-c", &format!("exec '{bin}' parse sample_data > /dev/null")])
        .output()
        .expect("runs");
    assert_eq!(null.status.code(), Some(0));
}
