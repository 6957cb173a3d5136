//! Importing: files, folders, exports and captures, good and bad, into a
//! store that keeps what it had.

use super::*;

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
fn an_import_makes_a_missing_index_of_words_anew_and_says_so() {
    let (_dir, store) = sample_store();
    let words = store.with_extension("db.words");
    assert!(words.join("meta.json").exists(), "written along");
    let quiet = kiji(&store)
        .args(["import", "sample_data"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("index of words"));
    std::fs::remove_dir_all(&words).expect("deleted");
    let said = kiji(&store)
        .args(["import", "sample_data"])
        .output()
        .expect("runs");
    assert!(said.status.success(), "{said:?}");
    let stderr = String::from_utf8_lossy(&said.stderr);
    let line = stderr
        .lines()
        .find(|line| line.contains("index of words"))
        .unwrap_or_else(|| panic!("said nothing: {stderr}"));
    assert!(line.contains(&store.display().to_string()), "{line}");
    assert!(words.join("meta.json").exists(), "made anew");
    let found = stdout(kiji(&store).args(["search", "--limit", "1", "officials", "said"]));
    assert_eq!(found.lines().count(), 2, "{found}");
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

/// A dump of its own for file `index` of a folder.
fn numbered(index: usize) -> String {
    format!(
        "Harbour Notes Number {index}\n\n{}:{:02} JST, March {}, 2024\nBoats came in on day {index}.\n",
        index % 24,
        index % 60,
        1 + index % 28
    )
}

#[test]
fn a_large_folder_is_imported_in_the_order_of_its_files() {
    // more files than the readers take in one turn, so each reads several
    // blocks of them
    let dir = TempDir::new().expect("tempdir");
    let dumps = dir.path().join("dumps");
    std::fs::create_dir_all(&dumps).expect("mkdir");
    let empty: Vec<usize> = (0..300).filter(|index| index % 41 == 7).collect();
    let now = std::time::SystemTime::now();
    for index in 0..300 {
        let path = dumps.join(format!("f{index:03}.txt"));
        let text = match index {
            _ if empty.contains(&index) => "  \n".to_owned(),
            // one article twice, captured at the same time
            11 | 288 => capture(&format!("Item From {index}")),
            _ => numbered(index),
        };
        std::fs::write(&path, text).expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(now))
            .expect("set the file's time");
    }
    let store = dir.path().join("kiji.db");
    let output = kiji(&store)
        .arg("import")
        .arg(&dumps)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "imported 291, updated 1, unchanged 0, failed 8\n"
    );
    let named: Vec<String> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter_map(|line| line.strip_suffix(".txt:1: empty file, no text"))
        .filter_map(|path| path.rsplit_once("/f").map(|(_, number)| number.to_owned()))
        .collect();
    let expected: Vec<String> = empty.iter().map(|index| format!("{index:03}")).collect();
    assert_eq!(named, expected, "each bad file named, in the files' order");
    // the same capture time: the file that comes later is the one kept
    let listed: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(kiji(&store).args(["list", "--json"]))).expect("json");
    assert_eq!(listed.len(), 291);
    let ferry = listed
        .iter()
        .find(|article| article["headline"] == "Ferry Service Resumes After Storm")
        .expect("the article read twice");
    assert_eq!(ferry["popular"], serde_json::json!(["Item From 288"]));
}
