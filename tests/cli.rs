//! The command line end to end, on temporary stores.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

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

#[test]
fn import_then_list_then_sections() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    kiji(&store)
        .args(["import", "sample_data"])
        .assert()
        .success()
        .stdout(format!(
            "imported {SAMPLES}, updated 0, unchanged 0, failed 0\n"
        ));

    let list = stdout(kiji(&store).arg("list"));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), SAMPLES);
    assert!(lines[0].starts_with("2024-04-12  Culture"), "{}", lines[0]);
    assert!(lines[0].ends_with("Manga Museum in Kyoto Reopens After Renovation"));
    // the one undated sample comes last
    assert!(
        lines[SAMPLES - 1].starts_with("undated"),
        "{}",
        lines[SAMPLES - 1]
    );

    let sections = stdout(kiji(&store).arg("sections"));
    assert!(sections.contains("Politics"));
    assert!(sections.contains("Science & Nature"));
    assert_eq!(sections.lines().count(), 7);
}

#[test]
fn a_second_import_changes_nothing() {
    let (_dir, store) = sample_store();
    kiji(&store)
        .args(["import", "sample_data"])
        .assert()
        .success()
        .stdout(format!(
            "imported 0, updated 0, unchanged {SAMPLES}, failed 0\n"
        ));
    assert_eq!(stdout(kiji(&store).arg("list")).lines().count(), SAMPLES);
}

#[test]
fn an_edited_article_is_updated_not_duplicated() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let seed = std::fs::read_to_string("sample_data/000_6c6944616e88b9e8.txt").expect("seed");
    let file = dir.path().join("seed.txt");
    std::fs::write(&file, &seed).expect("write");
    kiji(&store).arg("import").arg(&file).assert().success();
    std::fs::write(
        &file,
        seed.replace("Middle East.", "Middle East. (Corrected)"),
    )
    .expect("write");
    kiji(&store)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout("imported 0, updated 1, unchanged 0, failed 0\n");
    assert_eq!(stdout(kiji(&store).arg("list")).lines().count(), 1);
}

#[test]
fn one_bad_file_among_good_ones() {
    let dir = TempDir::new().expect("tempdir");
    let dumps = dir.path().join("dumps");
    std::fs::create_dir_all(dumps.join("more")).expect("mkdir");
    std::fs::copy(
        "sample_data/004_yen-slides-to-new-low.txt",
        dumps.join("a.txt"),
    )
    .expect("copy");
    std::fs::copy(
        "sample_data/000_6c6944616e88b9e8.txt",
        dumps.join("more/b.txt"),
    )
    .expect("copy");
    std::fs::write(
        dumps.join("more/broken.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00IHDR",
    )
    .expect("write");
    std::fs::write(dumps.join("empty.txt"), "  \n").expect("write");
    std::fs::write(dumps.join("notes.rtf"), "not a dump, not even looked at").expect("write");
    let store = dir.path().join("kiji.db");
    kiji(&store)
        .arg("import")
        .arg(&dumps)
        .assert()
        .code(1)
        .stdout("imported 2, updated 0, unchanged 0, failed 2\n")
        .stderr(predicate::str::contains(
            "broken.txt:3: binary data, not text",
        ))
        .stderr(predicate::str::contains("empty.txt:1: empty file"))
        .stderr(predicate::str::contains("panicked").not());
    assert_eq!(stdout(kiji(&store).arg("list")).lines().count(), 2);
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = TempDir::new().expect("tempdir");
    kiji(&dir.path().join("kiji.db"))
        .args([
            "import",
            "no/such/dir",
            "sample_data/000_6c6944616e88b9e8.txt",
        ])
        .assert()
        .code(1)
        .stdout("imported 1, updated 0, unchanged 0, failed 1\n")
        .stderr("no/such/dir: no such file or directory\n");
}

#[test]
fn a_damaged_store_is_reported_and_left_as_it_was() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let junk: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&store, &junk).expect("write");
    for args in [&["list"][..], &["import", "sample_data"], &["sections"]] {
        let stderr = one_line_failure(kiji(&store).args(args));
        assert!(stderr.starts_with("kiji: "), "{stderr}");
        assert!(
            stderr.contains("kiji.db: damaged or not a database"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    }
    assert_eq!(std::fs::read(&store).expect("read"), junk);
    assert!(!dir.path().join("kiji.db-wal").exists());
}

#[test]
fn parse_prints_one_json_array_and_writes_no_store() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let output = kiji(&store)
        .args([
            "parse",
            "sample_data/000_6c6944616e88b9e8.txt",
            "sample_data/013_drought-cuts-panama-canal-transits.txt",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let articles: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let articles = articles.as_array().expect("an array");
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["section"], "Politics");
    assert_eq!(articles[0]["published"], "2024-02-06T12:48:00+09:00");
    assert_eq!(
        articles[0]["source"],
        "sample_data/000_6c6944616e88b9e8.txt"
    );
    assert_eq!(articles[1]["caption"], serde_json::Value::Null);
    assert!(!store.exists());
}

#[test]
fn parse_fails_with_exit_1_naming_the_bad_file() {
    let dir = TempDir::new().expect("tempdir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "Only A Headline\n").expect("write");
    Command::cargo_bin("kiji")
        .expect("binary")
        .arg("parse")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout("[]\n")
        .stderr(predicate::str::contains(
            "bad.txt:1: not an article: no body text",
        ));
}

#[test]
fn list_json_has_ids_and_sources_but_no_bodies_and_filters_by_section() {
    let (_dir, store) = sample_store();
    let output = stdout(kiji(&store).args(["list", "--json", "--section", "Science & Nature"]));
    let articles: Vec<serde_json::Value> = serde_json::from_str(&output).expect("json");
    assert_eq!(articles.len(), 5);
    for article in &articles {
        assert_eq!(article["section"], "Science & Nature");
        assert_eq!(article["id"].as_str().map(str::len), Some(16));
        assert!(
            article["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("sample_data/"))
        );
        assert!(article.get("body").is_none() && article.get("blocks").is_none());
        assert!(article["caption"].is_string() || article["caption"].is_null());
        assert!(article["popular"].is_array());
    }
    let sections: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(kiji(&store).args(["sections", "--json"]))).expect("json");
    let science = sections
        .iter()
        .find(|s| s["name"] == "Science & Nature")
        .expect("there");
    assert_eq!(science["articles"], 5);
}

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
fn hostile_file_names_and_content_never_reach_the_terminal_raw() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let file = dir.path().join("evil\u{1b}]0;title\u{7}.txt");
    std::fs::write(
        &file,
        "Head\u{1b}[2Jline\u{9b}31m\n9:00 JST, March 1, 2024\nBody \u{1b}]52;c;AAAA\u{7}text.\n\"Sec\u{1b}[5mtion\" POPULAR ARTICLE\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("bad\u{1b}[31m.txt"), "").expect("write");
    let output = kiji(&store)
        .arg("import")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        !output.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    for args in [&["list"][..], &["sections"]] {
        let out = stdout(kiji(&store).args(args));
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{out:?}"
        );
        assert!(
            out.contains("Headline") || out.contains("Section"),
            "{out:?}"
        );
    }
}

#[test]
fn search_ranks_matches_with_a_snippet_each() {
    let (_dir, store) = sample_store();
    let out = stdout(kiji(&store).args(["search", "yen"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].ends_with("Yen Slides to New Low Against Dollar as Interest Rate Gap Persists")
    );
    assert!(
        lines[1].trim_start().starts_with("The yen weakened"),
        "{}",
        lines[1]
    );
    assert!(lines[2].ends_with("Regional Banks Merge Back Offices in Bid to Cut Costs"));
    assert!(lines[3].contains("billions of yen"), "{}", lines[3]);

    let json = stdout(kiji(&store).args([
        "search",
        "--json",
        "--section",
        "Business",
        "yen",
        "-dollar",
    ]));
    let matches: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    assert_eq!(matches.len(), 1);
    assert_eq!(
        matches[0]["headline"],
        "Regional Banks Merge Back Offices in Bid to Cut Costs"
    );
    assert!(
        matches[0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("yen"))
    );
    assert!(matches[0].get("body").is_none());
}

#[test]
fn search_with_nothing_to_look_for_is_one_clear_line() {
    let dir = TempDir::new().expect("tempdir");
    let stderr = one_line_failure(kiji(&dir.path().join("kiji.db")).args(["search", "\""]));
    assert!(
        stderr.starts_with("kiji: nothing to search for"),
        "{stderr}"
    );
}

#[test]
fn list_unread_and_saved() {
    let (_dir, store) = sample_store();
    assert_eq!(
        stdout(kiji(&store).args(["list", "--unread"]))
            .lines()
            .count(),
        SAMPLES
    );
    assert_eq!(
        stdout(kiji(&store).args(["list", "--saved"]))
            .lines()
            .count(),
        0
    );
}

#[test]
fn search_options_may_come_anywhere_and_sections_are_named_in_any_case() {
    let (_dir, store) = sample_store();
    let json = stdout(kiji(&store).args([
        "search",
        "yen",
        "--section",
        "business",
        "-dollar",
        "--json",
    ]));
    let matches: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    assert_eq!(matches.len(), 1, "{json}");
    assert_eq!(matches[0]["section"], "Business");
    // `--` ends the options: what follows is the query, dashes and all
    let json = stdout(kiji(&store).args(["search", "--json", "yen", "--", "--section"]));
    let matches: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    assert_eq!(matches.len(), 2, "{json}");
    assert_eq!(
        stdout(kiji(&store).args(["list", "--section", "CULTURE"]))
            .lines()
            .count(),
        4
    );
}

#[test]
fn an_unknown_section_is_an_error_naming_the_sections() {
    let (_dir, store) = sample_store();
    for command in [&["list"][..], &["search", "yen"], &["export"]] {
        let stderr = one_line_failure(kiji(&store).args(command).args(["--section", "Nope"]));
        assert!(
            stderr.contains("no section \"Nope\"; the sections are: Business, Culture,"),
            "{command:?}: {stderr}"
        );
    }
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
fn counts_agree_in_number() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    kiji(&store)
        .args(["import", "sample_data/000_6c6944616e88b9e8.txt"])
        .assert()
        .success();
    let sections = stdout(kiji(&store).arg("sections"));
    assert!(sections.contains(" 1 article "), "{sections}");
    assert!(!sections.contains("1 articles"), "{sections}");
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
fn export_then_import_gives_back_the_same_articles() {
    let (dir, first) = sample_store();
    let exported = stdout(kiji(&first).arg("export"));
    let file = dir.path().join("export.json");
    std::fs::write(&file, &exported).expect("write");

    let second = dir.path().join("second.db");
    kiji(&second)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(format!(
            "imported {SAMPLES}, updated 0, unchanged 0, failed 0\n"
        ));
    let strip = |json: String| {
        let mut articles: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
        for article in &mut articles {
            article.as_object_mut().expect("object").remove("source");
        }
        articles
    };
    let again = stdout(kiji(&second).arg("export"));
    assert_eq!(strip(again), strip(exported));
}

#[test]
fn markdown_export_of_a_section() {
    let (_dir, store) = sample_store();
    let md = stdout(kiji(&store).args(["export", "--section", "Sports", "--format", "md"]));
    assert_eq!(md.matches("\n---\n").count(), 2, "three articles: {md}");
    assert!(
        md.starts_with("# Samurai Japan Name Young Pitchers to Training Squad\n"),
        "{md}"
    );
    assert!(md.contains("*Sports · 20:30 JST, February 5, 2024*"));
}

#[test]
fn json_that_is_not_kiji_articles_is_refused_and_its_text_is_cleaned() {
    let dir = TempDir::new().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[\n{\"headline\": 3}\n]").expect("write");
    let evil = dir.path().join("evil.json");
    std::fs::write(
        &evil,
        r#"{"id":"x","headline":"Evil\u001b]0;t\u0007 One","caption":null,"published":null,"dateline":null,"section":"S\u001b[31m","body":["Body\u009b2J."],"popular":[],"access_ranking":[],"source":null}"#,
    )
    .expect("write");
    let store = dir.path().join("kiji.db");
    kiji(&store)
        .arg("import")
        .arg(&bad)
        .arg(&evil)
        .assert()
        .code(1)
        .stdout("imported 1, updated 0, unchanged 0, failed 1\n")
        .stderr(predicate::str::contains(
            "bad.json:2: not kiji's article JSON",
        ));
    let listed = stdout(kiji(&store).args(["list", "--json"]));
    let articles: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("json");
    assert_eq!(articles[0]["headline"], "Evil One");
    assert_eq!(articles[0]["section"], "S");
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
fn verbose_says_what_an_import_does_and_quiet_says_nothing_more() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let quiet = kiji(&store)
        .args(["import", "sample_data/000_6c6944616e88b9e8.txt"])
        .output()
        .expect("runs");
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    let verbose = kiji(&store)
        .args([
            "--verbose",
            "import",
            "sample_data/000_6c6944616e88b9e8.txt",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&verbose.stderr);
    assert!(
        stderr.contains("import starting") && stderr.contains("import finished"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour codes when stderr is not a terminal: {stderr:?}"
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

/// A dump of one article whose page listed `popular`.
fn capture(popular: &str) -> String {
    format!(
        "Ferry Service Resumes After Storm\n\n9:00 JST, May 2, 2024\nFerries ran again on Thursday.\n\"Society\" POPULAR ARTICLE\n-\n{popular}\n"
    )
}

#[test]
fn two_captures_of_one_article_are_one_article_showing_the_later_lists() {
    let dir = TempDir::new().expect("tempdir");
    let earlier = dir.path().join("earlier.txt");
    let later = dir.path().join("later.txt");
    std::fs::write(&earlier, capture("Earlier Item")).expect("write");
    std::fs::write(&later, capture("Later Item")).expect("write");
    let day = std::time::Duration::from_secs(86_400);
    let now = std::time::SystemTime::now();
    for (path, age) in [(&earlier, 2), (&later, 1)] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|file| file.set_modified(now - day * age))
            .expect("set the file's time");
    }
    for (order, name) in [
        ([&later, &earlier], "later first"),
        ([&earlier, &later], "earlier first"),
    ] {
        let store = dir.path().join(format!("{name}.db"));
        for path in order {
            kiji(&store).arg("import").arg(path).assert().success();
        }
        let listed: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(kiji(&store).args(["list", "--json"]))).expect("json");
        assert_eq!(listed.len(), 1, "{name}");
        assert_eq!(
            listed[0]["popular"],
            serde_json::json!(["Later Item"]),
            "{name}"
        );
        let captures = || -> i64 {
            rusqlite::Connection::open(&store)
                .expect("sqlite")
                .query_row("SELECT count(*) FROM captures", [], |row| row.get(0))
                .expect("count")
        };
        assert_eq!(captures(), 2, "{name}: each capture's lists are kept");
        kiji(&store)
            .arg("import")
            .arg(&earlier)
            .arg(&later)
            .assert()
            .success()
            .stdout("imported 0, updated 0, unchanged 2, failed 0\n");
        assert_eq!(captures(), 2, "{name}: the same capture again adds nothing");
    }
}
