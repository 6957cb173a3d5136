//! Paths that are not files: devices, FIFOs, links to them. Each is
//! refused with one line naming it, never opened, and the files beside it
//! are read all the same — by a command, and by a watched folder.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn kiji(store: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiji"));
    command.env_remove("KIJI_STORE").arg("--store").arg(store);
    command
}

/// Runs a command that must end within a few seconds.
fn output_within(command: &mut Command) -> std::process::Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let start = Instant::now();
    while child.try_wait().expect("status").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("kiji did not finish: it read a device or blocked on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn devices_and_fifos_named_on_the_command_line_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let link = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("link");
    for path in [Path::new("/dev/zero"), &fifo, &link] {
        let output = output_within(kiji(&dir.path().join("kiji.db")).arg("parse").arg(path));
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "{}: not a regular file (a device, FIFO or socket); kiji reads only files\n",
                path.display()
            )
        );
    }
}

#[test]
fn a_folder_holding_a_fifo_and_a_link_to_a_device_imports_its_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let news = dir.path().join("news");
    std::fs::create_dir(&news).expect("folder");
    mkfifo(&news.join("a-pipe.txt"));
    std::os::unix::fs::symlink("/dev/zero", news.join("b-zero.txt")).expect("link");
    std::fs::copy(
        "sample_data/000_6c6944616e88b9e8.txt",
        news.join("c-good.txt"),
    )
    .expect("copy");
    let output = output_within(kiji(&dir.path().join("kiji.db")).arg("import").arg(&news));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "imported 1, updated 0, unchanged 0, failed 2\n"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a-pipe.txt: not a regular file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b-zero.txt: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_watched_folder_goes_on_importing_after_a_fifo_and_a_device_appear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("folder");
    let (sender, reports) = std::sync::mpsc::channel();
    let _watch = kiji::watch::spawn(&inbox, &dir.path().join("kiji.db"), move |report| {
        let _ = sender.send(report);
    })
    .expect("watching");
    mkfifo(&inbox.join("pipe.txt"));
    std::os::unix::fs::symlink("/dev/zero", inbox.join("zero.txt")).expect("link");
    let mut failures = Vec::new();
    let mut imported = 0;
    let start = Instant::now();
    let mut dropped = false;
    while imported == 0 && start.elapsed() < Duration::from_secs(20) {
        if !dropped && start.elapsed() > Duration::from_secs(2) {
            std::fs::copy(
                "sample_data/000_6c6944616e88b9e8.txt",
                inbox.join("good.txt"),
            )
            .expect("copy");
            dropped = true;
        }
        if let Ok(report) = reports.recv_timeout(Duration::from_millis(200)) {
            failures.extend(report.failures);
            imported += report.counts.imported;
        }
    }
    assert_eq!(
        imported, 1,
        "the dump dropped after them was imported: {failures:?}"
    );
    assert!(
        failures
            .iter()
            .any(|f| f.contains("pipe.txt: not a regular file")),
        "{failures:?}"
    );
}
