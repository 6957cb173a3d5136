//! Where the store and configuration come from, help, manual pages and
//! completions.

use super::*;

#[test]
fn the_store_comes_from_kiji_store_when_not_given() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("env.db");
    Command::cargo_bin("kiji")
        .expect("binary")
        .env("KIJI_STORE", &store)
        .args(["import", "sample_data/000_6c6944616e88b9e8.txt"])
        .assert()
        .success();
    assert!(store.exists());
}

#[test]
fn help_and_version() {
    Command::cargo_bin("kiji")
        .expect("binary")
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("import"));
    Command::cargo_bin("kiji")
        .expect("binary")
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("kiji "));
}

#[test]
fn reading_commands_on_a_store_that_is_not_there_say_so_and_create_nothing() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("sub/missing.db");
    for command in [
        &["list"][..],
        &["search", "yen"],
        &["sections"],
        &["export"],
    ] {
        let stderr = one_line_failure(kiji(&store).args(command));
        assert!(stderr.contains("missing.db: no store there"), "{stderr}");
    }
    assert!(!dir.path().join("sub").exists());
}

#[test]
fn completions_and_the_manual_page() {
    for shell in ["bash", "zsh", "fish"] {
        let output = Command::cargo_bin("kiji")
            .expect("binary")
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(
            script.contains("import") && script.contains("search"),
            "{shell}: {script}"
        );
    }
    let output = Command::cargo_bin("kiji")
        .expect("binary")
        .arg("man")
        .output()
        .expect("runs");
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH kiji 1"),
        "{page}"
    );
    assert!(page.contains("import"));
}

#[test]
fn a_bad_configuration_is_one_line_naming_file_line_and_key() {
    let dir = TempDir::new().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\n[keys]\nquit = [\"hyper-q\"]\n").expect("write");
    let stderr = one_line_failure(
        kiji(&dir.path().join("kiji.db"))
            .arg("--config")
            .arg(&config)
            .arg("list"),
    );
    assert!(
        stderr.contains("config.toml:3: keys.quit: unknown key \"hyper-q\""),
        "{stderr}"
    );
    // and a file that is not there, when named, is an error too
    kiji(&dir.path().join("kiji.db"))
        .args(["--config", "/nonexistent/kiji.toml", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "kiji: /nonexistent/kiji.toml: ",
        ));
}

#[test]
fn the_configured_store_and_the_default_file() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("configured.db");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("store = {:?}\n", store.display().to_string()),
    )
    .expect("write");
    Command::cargo_bin("kiji")
        .expect("binary")
        .env_remove("KIJI_STORE")
        .arg("--config")
        .arg(&config)
        .args(["import", "sample_data/000_6c6944616e88b9e8.txt"])
        .assert()
        .success();
    assert!(store.exists());
    let default = Command::cargo_bin("kiji")
        .expect("binary")
        .args(["config", "--default"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&default.stdout);
    assert!(
        text.contains("[keys]") && text.contains("quit = [\"q\", \"ctrl-c\"]"),
        "{text}"
    );
}

#[test]
fn watching_a_folder_that_is_not_there_says_so_once() {
    let dir = TempDir::new().expect("tempdir");
    let stderr = one_line_failure(
        kiji(&dir.path().join("kiji.db"))
            .arg("--watch")
            .arg(dir.path().join("nowhere")),
    );
    assert!(stderr.ends_with("nowhere: no such folder\n"), "{stderr}");
    assert_eq!(stderr.matches("nowhere").count(), 1, "{stderr}");
}

#[test]
fn the_manual_pages_name_only_pages_there_are_and_list_keys_files_and_exit_codes() {
    let dir = TempDir::new().expect("tempdir");
    let pages = dir.path().join("man1");
    let output = Command::cargo_bin("kiji")
        .expect("binary")
        .arg("man")
        .arg("--dir")
        .arg(&pages)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let main = std::fs::read_to_string(pages.join("kiji.1"))
        .expect("kiji.1")
        .replace("\\-", "-");
    for section in [
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(main.contains(section), "{section} missing");
    }
    assert!(main.contains("half a page down"));
    // every page the main page names is there
    let named = main
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|word| word.strip_suffix("(1)"))
        .filter(|name| name.starts_with("kiji-"))
        .collect::<Vec<_>>();
    assert!(!named.is_empty());
    for name in named {
        assert!(pages.join(format!("{name}.1")).exists(), "{name}.1");
    }
    // the page printed alone names no other page
    let alone = stdout(Command::cargo_bin("kiji").expect("binary").arg("man"));
    assert!(!alone.contains("kiji-import(1)"));
}

#[test]
fn options_show_on_the_commands_they_affect() {
    let help = |args: &[&str]| stdout(Command::cargo_bin("kiji").expect("binary").args(args));
    let parse = help(&["parse", "--help"]);
    assert!(
        !parse.contains("--store") && !parse.contains("--theme"),
        "{parse}"
    );
    assert!(
        parse.contains("Global options:") && parse.contains("--verbose"),
        "{parse}"
    );
    let list = help(&["list", "--help"]);
    assert!(
        list.contains("--store") && !list.contains("--theme"),
        "{list}"
    );
    // the store may be given before the command or after it
    let (_dir, store) = sample_store();
    let after = stdout(
        Command::cargo_bin("kiji")
            .expect("binary")
            .env_remove("KIJI_STORE")
            .arg("sections")
            .arg("--store")
            .arg(&store),
    );
    assert_eq!(after.lines().count(), 7);
}
