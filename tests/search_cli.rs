//! `kiji search` prints the best 20 matches unless told otherwise: `--limit
//! N`, or `--all`, streamed a page at a time.

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

use std::process::Command;

fn search(store: &std::path::Path, args: &[&str]) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kiji"))
        .env_remove("KIJI_STORE")
        .arg("--store")
        .arg(store)
        .arg("search")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).expect("utf-8"),
        String::from_utf8(output.stderr).expect("utf-8"),
    )
}

#[test]
fn the_best_20_unless_told_how_many_or_all() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let corpus = corpus::Corpus::new(600, 5);
    let mut store = kiji::store::Store::open(&path).expect("store");
    let articles = corpus.articles();
    store.import(&articles).expect("import");
    let all_matches = store
        .count(&kiji::store::Filter {
            query: Some(kiji::search::Query::parse("tokyo")),
            ..kiji::store::Filter::default()
        })
        .expect("count");
    assert!(all_matches > 250, "more than a page: {all_matches}");

    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        serde_json::from_str(&search(&path, args).0).expect("JSON")
    };
    assert_eq!(json(&["--json", "tokyo"]).len(), 20);
    let five = json(&["--json", "--limit", "5", "tokyo"]);
    assert_eq!(five.len(), 5);
    let every = json(&["tokyo", "--all", "--json"]);
    assert_eq!(every.len(), all_matches, "every match, across pages");
    assert_eq!(every[..5], five[..], "the same order however many");
    assert!(every.iter().all(|a| a["snippet"].is_string()));
    let (text, _) = search(&path, &["--limit", "3", "tokyo"]);
    assert_eq!(
        text.lines().count(),
        6,
        "a line and a snippet each:\n{text}"
    );
    let (none, _) = search(&path, &["--json", "nomatchwhatsoever"]);
    assert_eq!(none, "[]\n");
}
