//! The pruned query of plain words finds the best matches the query as it
//! reads finds, with their scores.

use std::collections::HashMap;

use proptest::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::{DocAddress, Index, Score};

use super::queries::Plain;
use super::{Words, schema};

const VOCABULARY: [&str; 5] = ["rail", "yen", "tokyo", "said", "snow"];

/// Articles of a few words each: a headline and a body, as indexes of
/// words into the vocabulary.
fn articles() -> impl Strategy<Value = Vec<(Vec<usize>, Vec<usize>)>> {
    let words = |most| proptest::collection::vec(0..VOCABULARY.len(), 0..most);
    proptest::collection::vec((words(5), words(14)), 1..60)
}

fn text(words: &[usize]) -> String {
    let words: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
    words.join(" ")
}

/// An index of these articles, written in two segments.
fn index_of(articles: &[(Vec<usize>, Vec<usize>)]) -> Words {
    let words = Words::with(Index::create_in_ram(schema().0)).expect("index");
    let mut writer = words.writer().expect("writer");
    for (key, (headline, body)) in articles.iter().enumerate() {
        let key = i64::try_from(key).expect("key");
        writer
            .put(key, (&text(headline), &text(body)), false)
            .expect("put");
        if key == 20 {
            writer.commit(1).expect("commit");
        }
    }
    writer.commit(2).expect("commit");
    writer.finish().expect("merges");
    words
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_pruned_query_finds_the_best_matches_of_the_query_as_it_reads(
        articles in articles(),
        query in proptest::collection::vec(0..VOCABULARY.len(), 1..4),
        wanted in 1usize..12,
    ) {
        let words = index_of(&articles);
        let searcher = words.reader().expect("reader").searcher();
        let query: Vec<&str> = query.iter().map(|&w| VOCABULARY[w]).collect();
        let plain = Plain { words: query.clone(), excluded: Vec::new() };
        let every: HashMap<DocAddress, Score> = searcher
            .search(&words.fields.either(&plain), &TopDocs::with_limit(1000).order_by_score())
            .expect("search")
            .into_iter()
            .map(|(score, address)| (address, score))
            .collect();
        let pruned = searcher
            .search(&words.fields.all_words(&query), &TopDocs::with_limit(wanted).order_by_score())
            .expect("search");
        prop_assert_eq!(pruned.len(), wanted.min(every.len()));
        let near = |a: Score, b: Score| (a - b).abs() <= 1e-4 * a.abs().max(1.0);
        for (score, address) in &pruned {
            let Some(&exact) = every.get(address) else {
                return Err(TestCaseError::fail(format!("{address:?} does not hold every word")));
            };
            prop_assert!(near(*score, exact), "{score} against {exact}");
        }
        // nothing left out scores clearly better than the last found
        if let Some(&(last, _)) = pruned.last() {
            for (address, &score) in &every {
                let found = pruned.iter().any(|(_, a)| a == address);
                prop_assert!(found || score <= last || near(score, last), "{address:?} left out");
            }
        }
    }
}
