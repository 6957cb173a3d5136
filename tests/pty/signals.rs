//! Signals and job control: the terminal restored on SIGTERM, SIGHUP,
//! SIGINT and SIGQUIT, and around Ctrl-Z.

use super::*;

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
