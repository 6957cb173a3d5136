//! The reader while articles arrive: an import beside it, and files dropped
//! into a watched folder.

use super::*;

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
