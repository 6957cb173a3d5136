//! The best body matches, ranked by halves on two connections, against the
//! reader's list, which ranks the whole tier in one query.

use super::*;

const WORDS: &[&str] = &["officials", "said", "prices", "rose", "yen", "tokyo"];

/// 600 articles: headlines that rarely hold more than one of the words,
/// bodies of 5 to 40 of them and "kyodo", a fifth of the bodies the same
/// (so scores tie), dated on one of four days or not at all.
fn many_bodies(store: &mut Store) {
    let mut next = seeded(11);
    let mut articles = Vec::new();
    for index in 0..600 {
        let lead = WORDS[next(WORDS.len())];
        let day = next(5);
        let dateline = (day > 0).then(|| format!("9:00 JST, March {day}, 2024"));
        let headline = format!("{lead} report No. {index}");
        let mut a = article(&headline, dateline.as_deref(), Some("World"));
        a.body = if index % 5 == 0 {
            // a fifth share one body, so their scores tie
            vec!["Officials said prices rose in Kyodo.".into()]
        } else {
            // every body holds "kyodo", which no headline does
            let words: Vec<&str> = (0..5 + next(36))
                .map(|_| WORDS[next(WORDS.len())])
                .chain(["kyodo"])
                .collect();
            vec![words.join(" ").as_str().into()]
        };
        articles.push(a);
    }
    store.import(&articles).expect("import");
}

/// The first `limit` of a search as `kiji search --limit` lists them.
fn listed(store: &Store, filter: &Filter, limit: usize) -> Vec<String> {
    let mut listed = Vec::new();
    store
        .each_match(filter, Some(limit), &mut |page| -> Result<(), StoreError> {
            listed.extend(page.into_iter().map(|a| a.headline));
            Ok(())
        })
        .expect("search");
    listed
}

fn search(text: &str) -> Filter {
    Filter {
        query: Some(crate::search::Query::parse(text)),
        ..Filter::default()
    }
}

/// For every query and limit, the command line's first matches are the
/// reader's: headline matches, then body matches by BM25, newest first
/// among equals.
fn lists_as_the_reader_ranks(store: &Store) {
    let queries = [
        "officials said prices",
        "said prices",
        "rose yen",
        "pric*",
        "\"prices rose\"",
        "officials said -tokyo",
        "kyodo",
        "nagoya",
    ];
    for text in queries {
        let filter = search(text);
        let all = store.headlines(&filter, 0, 1000).expect("reader's list");
        for limit in [1, 5, 20, 60, 200, 1000] {
            let theirs: Vec<String> = all.iter().take(limit).map(|h| h.headline.clone()).collect();
            assert_eq!(
                listed(store, &filter, limit),
                theirs,
                "{text}, the first {limit}"
            );
        }
    }
    let mut filter = search("officials said prices");
    filter.section = Some("World".into());
    assert_eq!(listed(store, &filter, 30), headlines(store, &filter)[..30]);
}

#[test]
fn body_matches_ranked_by_halves_come_as_the_reader_ranks_them() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    many_bodies(&mut store);
    // without its index of words, the store ranks body matches with FTS5
    std::fs::remove_dir_all(crate::store::words::folder_of(&path)).expect("no index of words");
    assert!(
        store.second_reader().is_some(),
        "a store on disk is read twice at once"
    );
    lists_as_the_reader_ranks(&store);
    // a tie (the 120 shared bodies) running past what was fetched is left
    // to the whole ranking
    let filter = search("officials said prices rose");
    let shared = store.headlines(&filter, 0, 1000).expect("list");
    assert!(shared.len() > 150, "{} matches", shared.len());
    assert_eq!(
        listed(&store, &filter, 40),
        shared
            .iter()
            .take(40)
            .map(|h| h.headline.clone())
            .collect::<Vec<_>>()
    );
    drop(store);
    // read only, the second connection is opened as the first was
    let store = Store::open_read_only(&path).expect("read only");
    assert!(store.second_reader().is_some());
    lists_as_the_reader_ranks(&store);
}

#[test]
fn body_matches_in_a_store_in_memory_are_ranked_on_one_connection() {
    let mut store = Store::open_in_memory().expect("store");
    many_bodies(&mut store);
    assert!(store.second_reader().is_none());
    lists_as_the_reader_ranks(&store);
}
