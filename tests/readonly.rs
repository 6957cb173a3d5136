//! A store the user cannot write — another user's, a read-only file, a
//! store in a read-only folder — is read and never written: nothing is
//! made beside it, commands that only read work, commands that write say
//! why they cannot. As root may write anything, kiji runs here as
//! `nobody` when the tests run as root, so that each case can fail.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOBODY: u32 = 65534;

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// Runs a command of a freshly copied binary. While the copy was being
/// written, a test on another thread may have started a program, whose
/// child held the copy open for writing until it ran: the copy is then
/// "busy" for a moment, and is run again shortly.
fn first_run(command: &mut Command) -> std::process::Output {
    for _ in 0..100 {
        match command.output() {
            Err(error) if error.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            result => return result.expect("kiji runs"),
        }
    }
    panic!("the copy of kiji stayed busy for a second");
}

/// A folder others may enter, holding a copy of kiji (the build folder may
/// not be theirs to enter) and a store of the samples, made by this user.
struct Place {
    dir: tempfile::TempDir,
    kiji: PathBuf,
    store: PathBuf,
}

impl Place {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let kiji = dir.path().join("kiji");
        std::fs::copy(env!("CARGO_BIN_EXE_kiji"), &kiji).expect("a copy of kiji");
        let store = dir.path().join("kiji.db");
        let imported = first_run(
            Command::new(&kiji)
                .arg("--store")
                .arg(&store)
                .args(["import", "sample_data"]),
        );
        assert!(imported.status.success());
        // another user may read it all, write none of it
        for (path, mode) in [
            (&kiji, 0o755),
            (&store, 0o644),
            (&dir.path().to_path_buf(), 0o755),
        ] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        }
        if !running_as_root() {
            // as the owner, only a read-only file and folder stop a write
            std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o444))
                .expect("chmod");
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))
                .expect("chmod");
        }
        Self { dir, kiji, store }
    }

    /// kiji on the store, as a user who may not write it.
    fn kiji(&self) -> Command {
        self.kiji_on(&self.store)
    }

    /// kiji on a store at `store`, as a user who may not write the folder.
    fn kiji_on(&self, store: &Path) -> Command {
        let mut command = Command::new(&self.kiji);
        command
            .env_remove("KIJI_STORE")
            .env_remove("KIJI_CONFIG")
            .env("HOME", self.dir.path())
            .arg("--store")
            .arg(store);
        if running_as_root() {
            command.uid(NOBODY).gid(NOBODY);
        }
        command
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("listing")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_store_the_user_cannot_write_is_read_and_nothing_is_made_beside_it() {
    let place = Place::new();
    let before = place.files();
    let store_bytes = std::fs::read(&place.store).expect("bytes");
    for args in [
        &["list"][..],
        &["sections"],
        &["search", "yen"],
        &["export"],
        &["feeds"],
    ] {
        let output = place.kiji().args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!output.stdout.is_empty(), "{args:?}");
    }
    let listed = place.kiji().arg("list").output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 27);
    assert_eq!(place.files(), before, "no -wal or -shm made beside it");
    assert_eq!(
        std::fs::read(&place.store).expect("bytes"),
        store_bytes,
        "not written"
    );
}

#[test]
fn commands_that_write_say_why_they_cannot() {
    let place = Place::new();
    for args in [
        &["import", "sample_data/000_6c6944616e88b9e8.txt"][..],
        &["follow", "--opml", "/dev/null"],
    ] {
        let output = place.kiji().args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr,
            format!(
                "kiji: {}: kiji may not write this store (a read-only file or folder, or another user's); it can only be read\n",
                place.store.display()
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_store_cannot_be_made_in_a_read_only_folder_and_says_so() {
    let place = Place::new();
    let new = place.dir.path().join("new.db");
    let output = place
        .kiji_on(&new)
        .args(["import", "sample_data/000_6c6944616e88b9e8.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "kiji: {}: cannot make a store here: the folder is read-only\n",
            new.display()
        )
    );
    assert!(!Path::new(&new).exists());
}
