use super::*;

fn fts(text: &str) -> Option<String> {
    Query::parse(text).to_fts()
}

#[test]
fn words_must_all_match() {
    assert_eq!(fts("yen  rate").as_deref(), Some("\"yen\" AND \"rate\""));
}

#[test]
fn phrases_exclusions_and_prefixes() {
    assert_eq!(
        fts("\"interest rate\"").as_deref(),
        Some("\"interest\" + \"rate\"")
    );
    assert_eq!(
        fts("yen -dollar").as_deref(),
        Some("(\"yen\") NOT \"dollar\"")
    );
    assert_eq!(fts("yen*").as_deref(), Some("\"yen\"*"));
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    for (typed, fts) in [
        ("tok", "\"tok\"*"),
        ("tok ", "\"tok\""),
        ("to", "\"to\""),
        ("yea", "\"yea\"*"),
        ("\"late night\"", "\"late\" + \"night\""),
        ("yen -dol", "(\"yen\") NOT \"dol\""),
    ] {
        assert_eq!(
            Query::parse_typing(typed).to_fts().as_deref(),
            Some(fts),
            "{typed:?}"
        );
    }
}

#[test]
fn what_fts5_would_reject_is_read_as_plain_words() {
    assert_eq!(fts("\"yen").as_deref(), Some("\"yen\""));
    assert_eq!(
        fts("AND AND").as_deref(),
        Some("\"and\""),
        "a term given twice counts once"
    );
    assert_eq!(fts("NEAR( ) * - ^ :").as_deref(), Some("\"near\""));
    assert_eq!(fts("-only"), None);
    assert_eq!(fts("   "), None);
}

#[test]
fn a_query_is_bounded_whatever_is_typed() {
    let repeated = Query::parse(&"y* ".repeat(400));
    assert_eq!(
        repeated.to_fts().as_deref(),
        Some("\"y\""),
        "once, and y* is no prefix"
    );
    assert_eq!(repeated.dropped, 0);
    let words: Vec<String> = (0..400).map(|i| format!("w{i:03}*")).collect();
    let many = Query::parse(&words.join(" "));
    assert_eq!(many.include.len(), MAX_TERMS);
    assert_eq!(many.dropped, 390);
    assert!(many.include.iter().all(|t| t.prefix));
    assert_eq!(
        many.cut_short().as_deref(),
        Some("searched for the first 10 words; 390 more left out")
    );
    let phrase = Query::parse(&format!("\"{}\"", "rail ".repeat(100)));
    assert_eq!(phrase.include[0].tokens.len(), 10);
}

#[test]
fn case_and_diacritics_fold() {
    assert_eq!(fts("Ōtani").as_deref(), Some("\"otani\""));
    assert_eq!(
        Query::parse("otani").matches("Shohei Ōtani hit"),
        vec![7..13]
    );
}

#[test]
fn cjk_words_are_phrases_of_characters() {
    assert_eq!(fts("東京").as_deref(), Some("\"東\" + \"京\""));
    assert_eq!(index_text("東京で"), " 東  京  で ");
    let hits = Query::parse("東京").matches("今日、東京で桜");
    assert_eq!(hits, vec![9..15]);
}

#[test]
fn matches_are_words_not_substrings_unless_a_prefix() {
    let query = Query::parse("rail");
    assert_eq!(query.matches("Rail and trail"), vec![0..4]);
    assert_eq!(Query::parse("rail*").matches("Railways, trail"), vec![0..8]);
    assert_eq!(
        Query::parse("\"late night\"").matches("Late-Night trains, late at night"),
        vec![0..10]
    );
}

#[test]
fn snippets_cut_around_the_first_hit() {
    let body = [
        "No match here.",
        "The yen weakened to its lowest level against the dollar in more than three decades on Wednesday.",
    ];
    let snippet = Query::parse("dollar").snippet(body, 40).expect("a hit");
    assert!(snippet.contains("dollar"), "{snippet}");
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet}"
    );
    assert_eq!(Query::parse("euro").snippet(body, 40), None);
}

/// The words of `text` read the plainest way, a character at a time:
/// what [`tokens`] must give, however it is made fast.
fn plainly(text: &str) -> Vec<(Range<usize>, String)> {
    let mut words = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, c) in text.char_indices() {
        if (is_cjk(c) || !c.is_alphanumeric())
            && let Some((start, word)) = current.take()
        {
            words.push((start..index, word));
        }
        if is_cjk(c) {
            words.push((index..index + c.len_utf8(), fold(c).to_string()));
        } else if c.is_alphanumeric() {
            current
                .get_or_insert_with(|| (index, String::new()))
                .1
                .push(fold(c));
        }
    }
    if let Some((start, word)) = current {
        words.push((start..text.len(), word));
    }
    words
}

proptest::proptest! {
    #[test]
    fn any_text_is_split_as_read_a_character_at_a_time(
        text in "([a-zA-Z0-9 ,.'Ōé_-]|東|京|で|ß|ǅ|😀|\u{300}){0,60}"
    ) {
        proptest::prop_assert_eq!(tokens(&text), plainly(&text));
    }
}
