//! Reading a store: parse, list, search, counts and export, and nothing
//! from content reaching the terminal raw.

use super::*;

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
