//! BM25 of each field, computed over every stored article: the ranking
//! kiji's index of words gives a query of plain words. Each word scores
//! `idf · (k1 + 1) · tf / (tf + k1 · (1 − b + b · len / average len))` in
//! the headline (weighed ten times) and in the body, each field with its
//! own document counts and average length, `idf = ln(1 + (N − n + 0.5) /
//! (n + 0.5))`, k1 = 1.2, b = 0.75. Lengths are rounded as the index keeps
//! them, in one byte.

use std::collections::HashMap;

use kiji::search::{Query, tokens};
use tantivy::fieldnorm::FieldNormReader;

const K1: f64 = 1.2;
const B: f64 = 0.75;
const HEADLINE_WEIGHT: f64 = 10.0;

/// The words of a query the index of words answers: every term one word,
/// none a prefix or CJK; `None` for any other.
pub fn plain_words(query: &Query) -> Option<(Vec<String>, Vec<String>)> {
    let word = |term: &kiji::search::Term| match term.tokens.as_slice() {
        [token] if !term.prefix && !token.chars().any(kiji::search::is_cjk) => Some(token.clone()),
        _ => None,
    };
    let include = query.include.iter().map(word).collect::<Option<Vec<_>>>()?;
    let exclude = query.exclude.iter().map(word).collect::<Option<Vec<_>>>()?;
    Some((include, exclude))
}

/// One field of every article: how often each word, and how many words.
struct Field {
    counts: Vec<HashMap<String, u32>>,
    lengths: Vec<u32>,
}

impl Field {
    fn of(texts: &[String]) -> Self {
        let mut counts = Vec::with_capacity(texts.len());
        let mut lengths = Vec::with_capacity(texts.len());
        for text in texts {
            let mut count = HashMap::new();
            let words = tokens(text);
            lengths.push(words.len() as u32);
            for (_, word) in words {
                *count.entry(word).or_insert(0) += 1;
            }
            counts.push(count);
        }
        Self { counts, lengths }
    }

    /// Each article's score for `word` in this field.
    fn scores(&self, word: &str) -> Vec<f64> {
        let n = self.counts.len() as f64;
        let holding = self.counts.iter().filter(|c| c.contains_key(word)).count() as f64;
        let idf = (1.0 + (n - holding + 0.5) / (holding + 0.5)).ln();
        let average = self.lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / n;
        self.counts
            .iter()
            .zip(&self.lengths)
            .map(|(count, &length)| {
                let tf = f64::from(count.get(word).copied().unwrap_or(0));
                let kept =
                    FieldNormReader::id_to_fieldnorm(FieldNormReader::fieldnorm_to_id(length));
                let norm = K1 * (1.0 - B + B * f64::from(kept) / average);
                idf * (K1 + 1.0) * tf / (tf + norm)
            })
            .collect()
    }
}

/// Every article holding all of `include` and none of `exclude`, in its
/// headline or body, by key, with its score negated (lower is better, as
/// FTS5 gives it).
pub fn by_fields(
    conn: &rusqlite::Connection,
    (include, exclude): &(Vec<String>, Vec<String>),
) -> HashMap<i64, f64> {
    let rows: Vec<(i64, String, String)> = conn
        .prepare("SELECT a.key, a.headline, b.body FROM articles a JOIN bodies b USING (key)")
        .expect("sql")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let headlines = Field::of(&rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>());
    let bodies = Field::of(&rows.iter().map(|r| r.2.clone()).collect::<Vec<_>>());
    let holds = |place: usize, word: &String| {
        headlines.counts[place].contains_key(word) || bodies.counts[place].contains_key(word)
    };
    let mut total = vec![0.0; rows.len()];
    for word in include {
        let (in_headline, in_body) = (headlines.scores(word), bodies.scores(word));
        for (place, score) in total.iter_mut().enumerate() {
            *score += HEADLINE_WEIGHT * in_headline[place] + in_body[place];
        }
    }
    rows.iter()
        .enumerate()
        .filter(|(place, _)| include.iter().all(|w| holds(*place, w)))
        .filter(|(place, _)| !exclude.iter().any(|w| holds(*place, w)))
        .map(|(place, (key, ..))| (*key, -total[place]))
        .collect()
}
