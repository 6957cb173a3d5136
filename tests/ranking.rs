//! The order `kiji search` gives its first 50 matches, against an
//! exhaustive ranking of every match on a 5,000-article corpus: headline
//! matches first (BM25 over the headline), then the rest, newer above older
//! among equals. The rest are ranked by the index of words for a query of
//! plain words (BM25 of each field, a headline hit weighing ten body
//! hits), computed here from the stored texts; by FTS5's BM25 of the whole
//! article otherwise (phrases, prefixes).

#[path = "support/bm25.rs"]
mod bm25;

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

use std::collections::{HashMap, HashSet};

use kiji::search::Query;
use kiji::store::{Filter, Store};

const QUERIES: &[&str] = &[
    "tokyo",
    "rail",
    "minister",
    "tokyo rail",
    "\"prices rose\"",
    "gov*",
    "yen -tokyo",
    "officials said",
    "museum",
    "festival osaka",
];

/// Every match of a query, ranked exhaustively in Rust from the scores
/// SQLite gives each: the ids of the first `n`.
fn exhaustive(conn: &rusqlite::Connection, query: &Query, n: usize) -> Vec<String> {
    let sort: HashMap<i64, (i64, String)> = conn
        .prepare("SELECT key, sort_key, id FROM articles")
        .expect("sql")
        .query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let scored = |sql: &str, fts: &str| -> Vec<(i64, f64)> {
        conn.prepare(sql)
            .expect("sql")
            .query_map([fts], |row| Ok((row.get(0)?, row.get(1)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let [headline_fts, _] = query.to_fts_tiers().expect("tiers");
    let excluded: HashSet<i64> = match query.to_fts_excluded() {
        Some(fts) => scored("SELECT rowid, 0.0 FROM search WHERE search MATCH ?1", &fts)
            .into_iter()
            .map(|(k, _)| k)
            .collect(),
        None => HashSet::new(),
    };
    let mut headline_tier: Vec<(i64, f64)> = scored(
        "SELECT rowid, bm25(search_headlines) FROM search_headlines WHERE search_headlines MATCH ?1",
        &headline_fts,
    )
    .into_iter()
    .filter(|(k, _)| !excluded.contains(k))
    .collect();
    let in_headline: HashSet<i64> = headline_tier.iter().map(|(k, _)| *k).collect();
    let mut body_tier: Vec<(i64, f64)> = scored(
        "SELECT rowid, bm25(search, 10.0, 1.0) FROM search WHERE search MATCH ?1",
        &query.to_fts().expect("fts"),
    )
    .into_iter()
    .filter(|(k, _)| !in_headline.contains(k))
    .collect();
    if let Some(words) = bm25::plain_words(query) {
        let by_fields = bm25::by_fields(conn, &words);
        assert_eq!(
            by_fields.len(),
            body_tier.len() + in_headline.len(),
            "{}: the index of words matches what FTS5 does",
            query.text
        );
        body_tier.retain(|(k, _)| by_fields.contains_key(k));
        for (key, score) in &mut body_tier {
            *score = by_fields[key];
        }
    }
    let order = |tier: &mut Vec<(i64, f64)>| {
        tier.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then(sort[&b.0].0.cmp(&sort[&a.0].0))
                .then(b.0.cmp(&a.0))
        });
    };
    order(&mut headline_tier);
    order(&mut body_tier);
    headline_tier
        .into_iter()
        .chain(body_tier)
        .take(n)
        .map(|(key, _)| sort[&key].1.clone())
        .collect()
}

#[test]
fn the_first_50_matches_are_those_an_exhaustive_ranking_puts_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let corpus = corpus::Corpus::new(5000, 11);
    let mut store = Store::open(&path).expect("store");
    let articles = corpus.articles();
    store.import(&articles).expect("import");
    let conn = rusqlite::Connection::open(&path).expect("sqlite");
    for text in QUERIES {
        let query = Query::parse(text);
        let filter = Filter {
            query: Some(query.clone()),
            ..Filter::default()
        };
        let mut ours = Vec::new();
        store
            .each_match(&filter, Some(50), &mut |page| -> Result<
                (),
                kiji::store::StoreError,
            > {
                ours.extend(page.into_iter().map(|a| a.id));
                Ok(())
            })
            .expect("search");
        let theirs = exhaustive(&conn, &query, 50);
        assert!(!ours.is_empty(), "{text}: some matches");
        assert_eq!(ours, theirs, "{text}");
    }
}
