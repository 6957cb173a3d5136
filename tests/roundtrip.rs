//! An export comes back: `kiji export` of a store larger than a dump may
//! be, imported into an empty store, gives the same articles with the same
//! read and saved marks.

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Command;

use kiji::store::{Filter, Store};

fn kiji(store: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiji"));
    command.env_remove("KIJI_STORE").arg("--store").arg(store);
    command
}

/// The export as JSON values, without where each article was read from
/// (the import names the export file instead).
fn exported(store: &Path) -> Vec<serde_json::Value> {
    let output = kiji(store).arg("export").output().expect("export runs");
    assert!(output.status.success());
    let mut articles: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("JSON");
    for article in &mut articles {
        article.as_object_mut().expect("an object").remove("source");
    }
    // articles of one minute are listed newest-imported first, which an
    // import of the export reverses
    articles.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    articles
}

#[test]
fn an_export_larger_than_a_dump_comes_back_with_its_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first.db");
    let corpus = corpus::Corpus::new(7000, 3);
    {
        let mut store = Store::open(&first).expect("store");
        let articles = corpus.articles();
        store.import(&articles).expect("import");
        let rows = store.headlines(&Filter::default(), 0, 40).expect("rows");
        for row in rows.iter().step_by(3) {
            store.set_read(row.key, true).expect("read");
        }
        for row in rows.iter().step_by(5) {
            store.set_saved(row.key, true).expect("saved");
        }
    }
    let export = dir.path().join("export.json");
    let output = kiji(&first).arg("export").output().expect("export runs");
    std::fs::write(&export, &output.stdout).expect("written");
    assert!(
        output.stdout.len() > 16 * 1024 * 1024,
        "larger than a dump may be: {}",
        output.stdout.len()
    );

    let second = dir.path().join("second.db");
    let import = kiji(&second)
        .arg("import")
        .arg(&export)
        .output()
        .expect("import runs");
    assert_eq!(
        String::from_utf8_lossy(&import.stdout),
        "imported 7000, updated 0, unchanged 0, failed 0\n",
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let (before, after) = (exported(&first), exported(&second));
    assert_eq!(before.len(), after.len());
    assert!(before.iter().filter(|a| a["read"] == true).count() == 14);
    assert!(before.iter().filter(|a| a["saved"] == true).count() == 8);
    for (a, b) in before.iter().zip(&after) {
        let differ: Vec<(&String, &serde_json::Value, &serde_json::Value)> = a
            .as_object()
            .expect("object")
            .iter()
            .filter(|(key, value)| b.get(key.as_str()) != Some(value))
            .map(|(key, value)| (key, value, &b[key.as_str()]))
            .collect();
        assert!(
            differ.is_empty(),
            "the same articles, the same marks: {differ:?}"
        );
    }
}

#[test]
fn a_broken_export_names_the_line_and_keeps_what_came_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let export = dir.path().join("export.json");
    let good = r#"{"headline": "Rail Lines Kept Open", "published": "2024-10-13T17:41:00+09:00", "body": ["Text."], "read": true}"#;
    std::fs::write(&export, format!("[\n{good},\n{{\"headline\": 5}}\n]\n")).expect("written");
    let output = kiji(&store)
        .arg("import")
        .arg(&export)
        .output()
        .expect("import runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("{}:3: not kiji's article JSON", export.display())),
        "{stderr}"
    );
    let listed = exported(&store);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["headline"], "Rail Lines Kept Open");
    assert_eq!(listed[0]["read"], true);
}
