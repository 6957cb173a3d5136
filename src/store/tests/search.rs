//! The store's search: what matches, how it ranks, and the index kept in
//! step with imports, edits and older stores.

use super::*;

fn search(store: &Store, text: &str) -> Vec<String> {
    let filter = Filter {
        query: Some(crate::search::Query::parse(text)),
        ..Filter::default()
    };
    headlines(store, &filter)
}

fn searchable() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let with_body = |headline: &str, dateline: &str, body: &str| {
        let mut a = article(headline, Some(dateline), Some("World"));
        a.body = vec![body.into()];
        a
    };
    store
        .import(&[
            with_body(
                "Markets Calm",
                "9:00 JST, March 5, 2024",
                "The yen rose against the dollar.",
            ),
            with_body(
                "Yen Falls Sharply",
                "9:00 JST, March 1, 2024",
                "Traders sold.",
            ),
            with_body(
                "Baseball Star Returns",
                "9:00 JST, March 2, 2024",
                "Shohei Ōtani hit a home run in Tokyo.",
            ),
            with_body(
                "Interest Rates",
                "9:00 JST, March 3, 2024",
                "The interest rate stayed put; rates elsewhere rose.",
            ),
            with_body(
                "東京で桜が開花",
                "9:00 JST, March 4, 2024",
                "気象庁は東京の桜の開花を発表した。",
            ),
        ])
        .expect("import");
    store
}

#[test]
fn a_headline_hit_ranks_above_a_body_only_hit_even_when_older() {
    let store = searchable();
    assert_eq!(search(&store, "yen"), ["Yen Falls Sharply", "Markets Calm"]);
}

#[test]
fn words_phrases_exclusions_and_prefixes() {
    let store = searchable();
    assert_eq!(search(&store, "yen dollar"), ["Markets Calm"]);
    assert_eq!(search(&store, "\"interest rate\""), ["Interest Rates"]);
    assert_eq!(search(&store, "\"rate interest\""), Vec::<String>::new());
    assert_eq!(search(&store, "yen -dollar"), ["Yen Falls Sharply"]);
    assert_eq!(search(&store, "trad*"), ["Yen Falls Sharply"]);
    assert_eq!(search(&store, "-yen").len(), 3);
}

#[test]
fn case_and_diacritics_do_not_matter() {
    let store = searchable();
    assert_eq!(search(&store, "otani"), ["Baseball Star Returns"]);
    assert_eq!(search(&store, "ŌTANI"), ["Baseball Star Returns"]);
    assert_eq!(search(&store, "TOKYO"), ["Baseball Star Returns"]);
}

#[test]
fn cjk_text_is_searchable() {
    let store = searchable();
    assert_eq!(search(&store, "東京"), ["東京で桜が開花"]);
    assert_eq!(search(&store, "開花"), ["東京で桜が開花"]);
    assert_eq!(search(&store, "気象庁"), ["東京で桜が開花"]);
    assert!(search(&store, "京東").is_empty());
}

#[test]
fn query_syntax_fts5_would_reject_is_plain_words() {
    let store = searchable();
    for text in ["\"yen", "AND AND", "yen)", "NEAR(", "*", "^yen", "yen OR"] {
        let filter = Filter {
            query: Some(crate::search::Query::parse(text)),
            ..Filter::default()
        };
        assert!(store.count(&filter).is_ok(), "{text}");
    }
    assert_eq!(
        search(&store, "\"yen"),
        ["Yen Falls Sharply", "Markets Calm"]
    );
}

#[test]
fn the_index_follows_reimports_and_edits() {
    let mut store = searchable();
    let mut edited = article(
        "Markets Calm",
        Some("9:00 JST, March 5, 2024"),
        Some("World"),
    );
    edited.body = vec!["The euro rose instead.".into()];
    assert_eq!(store.import([&edited]).expect("import").updated, 1);
    assert_eq!(search(&store, "yen"), ["Yen Falls Sharply"]);
    assert_eq!(search(&store, "euro"), ["Markets Calm"]);
    // unchanged again: still one article, found once
    store.import([&edited]).expect("import");
    assert_eq!(search(&store, "euro"), ["Markets Calm"]);
}

#[test]
fn an_excluded_word_in_the_body_leaves_out_a_headline_match() {
    let store = searchable();
    assert_eq!(search(&store, "yen -traders"), ["Markets Calm"]);
    assert_eq!(search(&store, "yen -calm"), ["Yen Falls Sharply"]);
}

#[test]
fn an_edited_headline_is_searched_as_edited() {
    let mut store = searchable();
    let mut edited = article(
        "Yen Steadies",
        Some("9:00 JST, March 1, 2024"),
        Some("World"),
    );
    edited.id = store
        .headlines(&Filter::default(), 0, 10)
        .expect("rows")
        .into_iter()
        .find(|h| h.headline == "Yen Falls Sharply")
        .map(|h| h.id)
        .expect("stored");
    edited.body = vec!["The dollar fell.".into()];
    assert_eq!(store.import([&edited]).expect("import").updated, 1);
    assert!(search(&store, "sharply").is_empty());
    assert_eq!(search(&store, "steadies"), ["Yen Steadies"]);
    // still the headline hit above the newer body-only hit, under its new
    // headline; "traders" left with the old body
    assert_eq!(search(&store, "yen"), ["Yen Steadies", "Markets Calm"]);
    assert!(search(&store, "traders").is_empty());
}

#[test]
fn a_count_up_to_a_limit_stops_there_and_is_exact_below_it() {
    let store = searchable();
    let count = |text: &str, limit| {
        let filter = Filter {
            query: Some(crate::search::Query::parse(text)),
            ..Filter::default()
        };
        store.count_up_to(&filter, limit).expect("count")
    };
    // two matches: one headline, one body
    assert_eq!(count("yen", 10), 2);
    assert_eq!(count("yen", 2), 2);
    assert_eq!(count("yen", 1), 1);
    assert_eq!(count("rose", 10), 2);
    assert_eq!(count("yen -dollar", 10), 1);
    assert_eq!(count("nothing", 10), 0);
}

#[test]
fn the_search_index_is_built_for_a_store_from_before_it_existed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(include_str!("../schema_v1.sql"))
            .expect("v1 schema");
        conn.execute_batch(
            "INSERT INTO articles (key, id, headline, headline_key, sort_key, content_hash, has_popular, has_ranking)
             VALUES (1, 'a', 'Old Yen Story', 'old yen story', 0, 0, 0, 0);
             INSERT INTO bodies (key, body, popular, ranking) VALUES (1, 'Body text.', '', '');
             PRAGMA user_version = 1;",
        )
        .expect("v1 data");
        conn.pragma_update(None, "application_id", 0x4b49_4a49)
            .expect("id");
    }
    let told = std::cell::RefCell::new(Vec::new());
    let tell = |upkeep| told.borrow_mut().push(upkeep);
    drop(Store::open_telling(&path, false, &tell).expect("migrates"));
    assert_eq!(
        told.take(),
        [Upkeep::Upgrade(1)],
        "an upgrade from schema 1 is due"
    );
    let store = Store::open_telling(&path, false, &tell).expect("opens");
    assert!(told.take().is_empty(), "no upgrade is due any more");
    assert_eq!(search(&store, "yen"), ["Old Yen Story"]);
    // the index of headlines, rebuilt with longer prefixes, has it: a word
    // being typed finds it as a headline match
    let typing = Filter {
        query: Some(crate::search::Query::parse_typing("old yen sto")),
        ..Filter::default()
    };
    assert_eq!(
        store.count_headline_matches_up_to(&typing, 5).expect("q"),
        Some(1)
    );
}

#[test]
fn a_read_is_cut_short_only_while_cancellable_and_asked_to() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut store = searchable();
    let cancel = Arc::new(AtomicBool::new(false));
    store
        .cancel_reads_when(Arc::clone(&cancel))
        .expect("handler");
    let yen = Filter {
        query: Some(crate::search::Query::parse("yen")),
        ..Filter::default()
    };
    {
        let _reads = store.cancellable();
        assert_eq!(store.headlines(&yen, 0, 10).expect("not asked").len(), 2);
        cancel.store(true, Ordering::Relaxed);
        let error = store.headlines(&yen, 0, 10).expect_err("cut short");
        assert!(error.is_cancelled(), "{error}");
    }
    // the guard is gone: reads and writes run whatever the flag says
    assert_eq!(store.headlines(&yen, 0, 10).expect("runs").len(), 2);
    let key = store.headlines(&yen, 0, 1).expect("row")[0].key;
    assert!(store.set_saved(key, true).expect("writes"));
}

#[test]
fn words_in_captions_and_subheads_are_found() {
    let mut store = Store::open_in_memory().expect("store");
    let mut festival = article("Festival Opens", Some("9:00 JST, March 1, 2024"), None);
    festival.body.insert(
        0,
        crate::article::Block::Photo(crate::article::Photo {
            credit: Some("Jiji Press".into()),
            caption: "Lanterns glow over the canal.".into(),
        }),
    );
    festival.body.push(crate::article::Block::Subhead {
        text: "Fireworks tonight".into(),
    });
    store.import([&festival]).expect("import");
    assert_eq!(search(&store, "lanterns"), ["Festival Opens"]);
    assert_eq!(search(&store, "fireworks"), ["Festival Opens"]);
    let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
    assert_eq!(
        store.article(key).expect("q").expect("there").body,
        festival.body
    );
}
