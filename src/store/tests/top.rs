//! The best headline matches found without FTS5 scoring every one, against
//! FTS5's own ranking of them all.

use super::*;

const WORDS: &[&str] = &[
    "tokyo", "rail", "yen", "budget", "toll", "tolls", "rain", "osaka",
];

/// Headlines of two to six words from a few, often the same length, some
/// with a word twice, dated on one of four days or not at all.
fn many_headlines(store: &mut Store) {
    let mut next = seeded(7);
    let mut articles = Vec::new();
    for index in 0..400 {
        let words: Vec<&str> = (0..2 + next(5)).map(|_| WORDS[next(WORDS.len())]).collect();
        let headline = format!("{} {index}", words.join(" "));
        let day = next(5);
        let dateline = (day > 0).then(|| format!("9:00 JST, March {day}, 2024"));
        articles.push(article(&headline, dateline.as_deref(), Some("World")));
    }
    let long: Vec<&str> = std::iter::repeat_n("rail", 300).collect();
    articles.push(article(&long.join(" "), None, Some("World")));
    store.import(&articles).expect("import");
    // edited bodies write the headlines again: the old rows are deleted
    for a in articles.iter_mut().step_by(7) {
        a.body = vec!["An edited paragraph.".into()];
    }
    store.import(&articles).expect("reimport");
}

/// The first `limit` headline matches as FTS5 ranks every one of them.
fn ranked_by_fts5(store: &Store, fts: &str, limit: usize) -> Vec<i64> {
    let sql = "SELECT a.key FROM search_headlines JOIN articles a ON a.key = search_headlines.rowid
         WHERE search_headlines MATCH ?1
         ORDER BY bm25(search_headlines), a.sort_key DESC, a.key DESC LIMIT ?2";
    let mut statement = store.conn.prepare(sql).expect("sql");
    let keys = statement
        .query_map(rusqlite::params![fts, limit as i64], |row| row.get(0))
        .expect("rows");
    keys.collect::<Result<_, _>>().expect("rows")
}

#[test]
fn the_best_headline_matches_are_those_fts5_ranks_first_ties_and_all() {
    let mut store = Store::open_in_memory().expect("store");
    many_headlines(&mut store);
    let queries: &[(&[(&str, bool)], &str)] = &[
        (&[("tokyo", false)], "\"tokyo\""),
        (&[("rail", false)], "\"rail\""),
        (&[("toll", false)], "\"toll\""),
        (&[("tol", true)], "\"tol\"*"),
        (
            &[("yen", false), ("budget", false)],
            "\"yen\" AND \"budget\"",
        ),
        (&[("osaka", false), ("rai", true)], "\"osaka\" AND \"rai\"*"),
        (&[("nagoya", false)], "\"nagoya\""),
    ];
    for (words, fts) in queries {
        let words: Vec<(String, bool)> = words.iter().map(|(w, p)| (w.to_string(), *p)).collect();
        for limit in [1, 3, 10, 50, 1000] {
            let theirs = ranked_by_fts5(&store, fts, limit);
            let ours = store.rank_headline_matches(&words, limit).expect("rank");
            assert_eq!(ours, Some(theirs), "{fts}, the first {limit}");
        }
    }
    assert!(ranked_by_fts5(&store, "\"tokyo\"", 1000).len() > 100);
}

#[test]
fn a_search_on_the_command_line_lists_the_best_headline_matches_first() {
    let mut store = Store::open_in_memory().expect("store");
    many_headlines(&mut store);
    let filter = Filter {
        query: Some(crate::search::Query::parse("tokyo")),
        ..Filter::default()
    };
    let mut listed = Vec::new();
    store
        .each_match(&filter, Some(20), &mut |page| -> Result<(), StoreError> {
            listed.extend(page.into_iter().map(|a| a.headline));
            Ok(())
        })
        .expect("search");
    assert_eq!(listed, headlines(&store, &filter)[..20]);
}

#[test]
fn a_store_brought_up_from_schema_7_knows_its_headline_sizes() {
    let mut store = Store::open_in_memory().expect("store");
    many_headlines(&mut store);
    store
        .conn
        .execute_batch("DROP TABLE headline_sizes")
        .expect("drop");
    let tx = store.conn.transaction().expect("tx");
    super::super::sizes::add_headline_sizes(&tx).expect("migrate");
    tx.commit().expect("commit");
    let words = vec![("rail".to_owned(), false)];
    let theirs = ranked_by_fts5(&store, "\"rail\"", 50);
    assert_eq!(
        store.rank_headline_matches(&words, 50).expect("rank"),
        Some(theirs)
    );
}

#[test]
fn every_import_keeps_a_byte_of_size_for_each_headline() {
    let mut store = Store::open_in_memory().expect("store");
    many_headlines(&mut store);
    let indexed: Vec<(i64, Vec<u8>)> = store
        .conn
        .prepare("SELECT id, sz FROM search_headlines_docsize")
        .expect("sql")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(indexed.len(), 401);
    for (key, sz) in indexed {
        let block: Vec<u8> = store
            .conn
            .query_row(
                "SELECT sizes FROM headline_sizes WHERE block = ?1",
                [key / super::super::sizes::BLOCK],
                |row| row.get(0),
            )
            .expect("block");
        let byte = block[(key % super::super::sizes::BLOCK) as usize];
        let tokens = super::super::sizes::varint(&sz).expect("size").0;
        assert_eq!(u64::from(byte), tokens.min(255), "article {key}");
    }
}
