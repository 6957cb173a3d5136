//! The command line end to end, on temporary stores.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

mod imports;
mod reading;
mod setup;

fn kiji(store: &Path) -> Command {
    let mut command = Command::cargo_bin("kiji").expect("binary builds");
    command.env_remove("KIJI_STORE").arg("--store").arg(store);
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Runs a command that must fail with exit code 1 and one line on
/// standard error, and returns what it wrote there.
fn one_line_failure(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

const SAMPLES: usize = 27;

/// A store in a temporary folder with the sample articles imported; the
/// folder goes when the `TempDir` is dropped.
fn sample_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    kiji(&store)
        .args(["import", "sample_data"])
        .assert()
        .success();
    (dir, store)
}
