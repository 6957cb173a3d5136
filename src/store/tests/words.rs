//! The index of words beside a store: written along with imports, never
//! asked when it is behind, made anew by the next import.

use std::num::NonZeroUsize;
use std::path::Path;

use super::*;
use crate::store::words::folder_of;

fn with_body(headline: &str, body: &str) -> Article {
    let mut a = article(headline, Some("9:00 JST, March 5, 2024"), Some("World"));
    a.body = vec![body.into()];
    a
}

fn search(text: &str) -> Filter {
    Filter {
        query: Some(crate::search::Query::parse(text)),
        ..Filter::default()
    }
}

/// The headlines of the body matches the index of words ranks first;
/// `None` when the store does not ask it.
fn by_words(store: &Store, text: &str) -> Option<Vec<String>> {
    let index = store.words_to_read()?;
    let keys: Vec<i64> = store
        .best_by_words(&index, &search(text), 10)
        .expect("search")?
        .ranked
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    let found = store.articles_of(&keys).expect("articles");
    Some(found.into_iter().map(|a| a.headline).collect())
}

/// The headlines `kiji search` lists.
fn listed(store: &Store, text: &str) -> Vec<String> {
    let mut listed = Vec::new();
    store
        .each_match(
            &search(text),
            Some(10),
            &mut |page| -> Result<(), StoreError> {
                listed.extend(page.into_iter().map(|a| a.headline));
                Ok(())
            },
        )
        .expect("search");
    listed
}

fn bulk(store: &mut Store, articles: &[Article]) {
    let mut import = store
        .bulk_import(NonZeroUsize::new(2).expect("two"))
        .expect("import");
    let prepared: Vec<_> = articles.iter().map(Prepared::copy_of).collect();
    import.write(&prepared).expect("write");
    import.finish(articles.len()).expect("finish");
}

/// A store's path in a folder of its own, kept while the folder lives.
fn in_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("kiji.db");
    (dir, path)
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("ls") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

#[test]
fn an_import_writes_the_index_of_words_along_and_an_edit_replaces_what_it_held() {
    let (_dir, path) = in_folder();
    let mut store = Store::open(&path).expect("store");
    bulk(
        &mut store,
        &[
            with_body("Markets Calm", "Officials said the yen rose."),
            with_body("Rail Strike", "Officials said trains stopped."),
            with_body("Yen Report", "Nothing more."),
        ],
    );
    assert!(folder_of(&path).join("meta.json").exists());
    assert_eq!(
        by_words(&store, "officials yen"),
        Some(vec!["Markets Calm".to_owned()])
    );
    // the same article, its body edited, by the one-at-a-time path
    store
        .import_article(&with_body("Markets Calm", "Traders sold."))
        .expect("edit");
    assert_eq!(by_words(&store, "officials yen"), Some(vec![]));
    assert_eq!(
        by_words(&store, "traders"),
        Some(vec!["Markets Calm".to_owned()])
    );
    assert_eq!(listed(&store, "officials"), ["Rail Strike"]);
}

#[test]
fn an_index_left_behind_by_a_crash_is_not_asked_and_the_next_import_makes_it_anew() {
    let (dir, path) = in_folder();
    let mut store = Store::open(&path).expect("store");
    bulk(&mut store, &[with_body("Markets Calm", "The yen rose.")]);
    let kept = dir.path().join("kept");
    copy_folder(&folder_of(&path), &kept);
    bulk(
        &mut store,
        &[with_body("Rail Strike", "Trains stopped in Osaka.")],
    );
    // as if kiji died after the store's commit, before the index's
    std::fs::remove_dir_all(folder_of(&path)).expect("rm");
    copy_folder(&kept, &folder_of(&path));
    assert_eq!(
        by_words(&store, "osaka"),
        None,
        "an index behind is not asked"
    );
    assert_eq!(listed(&store, "osaka"), ["Rail Strike"], "FTS5 answers");
    // an import, even of nothing new, makes the index anew
    bulk(
        &mut store,
        &[with_body("Rail Strike", "Trains stopped in Osaka.")],
    );
    assert_eq!(
        by_words(&store, "osaka"),
        Some(vec!["Rail Strike".to_owned()])
    );
    drop(store);
    // read only, the index is asked as well
    let store = Store::open_read_only(&path).expect("read only");
    assert_eq!(
        by_words(&store, "yen"),
        Some(vec!["Markets Calm".to_owned()])
    );
}

#[test]
fn a_store_from_before_the_index_of_words_gets_one_at_its_next_import() {
    let (_dir, path) = in_folder();
    let mut store = Store::open(&path).expect("store");
    store
        .import(&[with_body("Markets Calm", "The yen rose.")])
        .expect("import");
    std::fs::remove_dir_all(folder_of(&path)).expect("as an older kiji left it");
    assert_eq!(by_words(&store, "yen"), None);
    // a one-article write does not make the whole index
    store
        .import_article(&with_body("Rail Strike", "Trains stopped."))
        .expect("import");
    assert!(!folder_of(&path).exists());
    bulk(&mut store, &[]);
    assert_eq!(
        by_words(&store, "yen"),
        Some(vec!["Markets Calm".to_owned()])
    );
    assert_eq!(
        by_words(&store, "trains"),
        Some(vec!["Rail Strike".to_owned()])
    );
}

#[test]
fn a_folder_of_something_else_where_the_index_would_go_is_left_alone() {
    let (_dir, path) = in_folder();
    std::fs::create_dir(folder_of(&path)).expect("mkdir");
    std::fs::write(folder_of(&path).join("notes.txt"), "mine").expect("write");
    let mut store = Store::open(&path).expect("store");
    bulk(&mut store, &[with_body("Markets Calm", "The yen rose.")]);
    assert_eq!(
        std::fs::read_to_string(folder_of(&path).join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_eq!(by_words(&store, "yen"), None);
    assert_eq!(listed(&store, "yen"), ["Markets Calm"]);
}

#[test]
fn phrases_prefixes_and_cjk_words_are_left_to_fts5() {
    let (_dir, path) = in_folder();
    let mut store = Store::open(&path).expect("store");
    bulk(
        &mut store,
        &[
            with_body("Markets Calm", "The yen rose in 東京."),
            with_body("Rail Strike", "Rose and yen."),
        ],
    );
    for text in ["\"yen rose\"", "ros*", "東京"] {
        assert_eq!(by_words(&store, text), None, "{text}");
    }
    assert_eq!(listed(&store, "\"yen rose\""), ["Markets Calm"]);
    assert_eq!(listed(&store, "東京"), ["Markets Calm"]);
    assert_eq!(listed(&store, "yen -東京"), ["Rail Strike"]);
}

#[test]
fn two_imports_at_once_leave_an_index_holding_both() {
    let (_dir, path) = in_folder();
    let mut first = Store::open(&path).expect("store");
    bulk(&mut first, &[with_body("Markets Calm", "The yen rose.")]);
    let mut second = Store::open(&path).expect("store again");
    let two = NonZeroUsize::new(2).expect("two");
    let piece = |headline: &str| [Prepared::copy_of(&with_body(headline, "Kyodo reported."))];
    let mut one = first.bulk_import(two).expect("first import");
    let mut other = second.bulk_import(two).expect("second import");
    one.write(&piece("Rail Strike")).expect("write");
    one.write(&piece("Port Opens")).expect("write and commit");
    other.write(&piece("Bridge Closed")).expect("write");
    other
        .write(&piece("Dam Repaired"))
        .expect("write and commit");
    one.write(&piece("Festival Ends"))
        .expect("write, after the other");
    one.write(&piece("Harbor Quiet")).expect("write and commit");
    other.finish(2).expect("finish");
    one.finish(4).expect("finish");
    drop(first);
    let mut found = by_words(&second, "kyodo").expect("the index is in step");
    found.sort();
    assert_eq!(
        found,
        [
            "Bridge Closed",
            "Dam Repaired",
            "Festival Ends",
            "Harbor Quiet",
            "Port Opens",
            "Rail Strike"
        ]
    );
}

#[test]
fn headline_matches_read_from_the_index_of_words_rank_as_fts5_ranks_them() {
    let (_dir, path) = in_folder();
    let mut store = Store::open(&path).expect("store");
    let headlines = [
        "Yen Rail Report",
        "Rail Rail Yen",
        "Yen Yen Rail Talks Today",
        "Rail Yen",
        "Yen Falls",
    ];
    let articles: Vec<Article> = headlines
        .iter()
        .map(|headline| with_body(headline, "Markets moved."))
        .collect();
    bulk(&mut store, &articles);
    // the first loses a word of its headline, the last gains one: the
    // index still holds what they were, deleted
    let mut edited = articles[0].clone();
    edited.headline = "Rail Report".into();
    store.import_article(&edited).expect("edit");
    let mut edited = articles[4].clone();
    edited.headline = "Yen Falls On Rail".into();
    store.import_article(&edited).expect("edit");
    let by_the_index = [listed(&store, "yen rail"), listed(&store, "yen")];
    assert_eq!(
        by_the_index[0],
        [
            "Rail Rail Yen",
            "Rail Yen",
            "Yen Yen Rail Talks Today",
            "Yen Falls On Rail"
        ]
    );
    std::fs::remove_dir_all(folder_of(&path)).expect("rm");
    assert_eq!(
        by_the_index,
        [listed(&store, "yen rail"), listed(&store, "yen")]
    );
}
