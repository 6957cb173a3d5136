use super::*;
use crate::article::Article;
use crate::parse::parse_str;

fn article(headline: &str, dateline: Option<&str>, section: Option<&str>) -> Article {
    let mut text = format!("{headline}\n");
    if let Some(dateline) = dateline {
        text.push_str(dateline);
        text.push('\n');
    }
    text.push_str("A paragraph.\nAnother paragraph.\n");
    if let Some(section) = section {
        text.push_str(&format!("\"{section}\" POPULAR ARTICLE\n"));
    }
    parse_str(&text).expect("test dump parses").article
}

fn headlines(store: &Store, filter: &Filter) -> Vec<String> {
    store
        .headlines(filter, 0, 100)
        .expect("query")
        .into_iter()
        .map(|h| h.headline)
        .collect()
}

#[test]
fn import_counts_then_reimport_changes_nothing() {
    let mut store = Store::open_in_memory().expect("store");
    let articles = [
        article("One", Some("9:00 JST, March 1, 2024"), Some("Politics")),
        article("Two", Some("9:00 JST, March 2, 2024"), Some("Sports")),
    ];
    let first = store.import(&articles).expect("import");
    assert_eq!(first.imported, 2);
    let second = store.import(&articles).expect("import");
    assert_eq!((second.imported, second.unchanged), (0, 2));
    assert_eq!(store.count(&Filter::default()).expect("count"), 2);
}

#[test]
fn an_edited_body_updates_the_same_article_and_keeps_its_read_mark() {
    let mut store = Store::open_in_memory().expect("store");
    let original = article("One", Some("9:00 JST, March 1, 2024"), None);
    store.import([&original]).expect("import");
    let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
    store.set_read(key, true).expect("read");
    let mut edited = original.clone();
    edited.body.push("A correction.".into());
    let counts = store.import([&edited]).expect("import");
    assert_eq!(counts.updated, 1);
    let stored = store.article(key).expect("q").expect("still there");
    assert_eq!(stored.paragraphs().last(), Some("A correction."));
    assert!(store.headlines(&Filter::default(), 0, 1).expect("q")[0].read);
    assert_eq!(store.count(&Filter::default()).expect("count"), 1);
}

#[test]
fn newest_first_and_undated_last() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .import(&[
            article("Undated", None, None),
            article("Old", Some("December 11, 2021"), None),
            article("New", Some("9:00 JST, March 2, 2024"), None),
        ])
        .expect("import");
    assert_eq!(
        headlines(&store, &Filter::default()),
        ["New", "Old", "Undated"]
    );
    let page = store.headlines(&Filter::default(), 1, 1).expect("q");
    assert_eq!(page[0].headline, "Old");
}

#[test]
fn sections_with_counts_and_the_section_filter() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .import(&[
            article("A", Some("9:00 JST, March 1, 2024"), Some("Sports")),
            article("B", Some("9:00 JST, March 2, 2024"), Some("Sports")),
            article("C", Some("9:00 JST, March 3, 2024"), Some("World")),
        ])
        .expect("import");
    let sections = store.sections().expect("q");
    assert_eq!(
        sections
            .iter()
            .map(|s| (s.name.as_str(), s.articles, s.unread))
            .collect::<Vec<_>>(),
        [("Sports", 2, 2), ("World", 1, 1)]
    );
    let sports = Filter::section("Sports");
    assert_eq!(headlines(&store, &sports), ["B", "A"]);
    assert_eq!(store.count(&sports).expect("count"), 2);
    let key = store.headlines(&sports, 1, 1).expect("q")[0].key;
    assert_eq!(store.position(&sports, key).expect("q"), Some(1));
    assert_eq!(store.position(&Filter::default(), key).expect("q"), Some(2));
    assert_eq!(
        store.position(&Filter::section("World"), key).expect("q"),
        None
    );
    store.set_read(key, true).expect("read");
    assert_eq!(store.unread(&sports).expect("q"), 1);
}

#[test]
fn list_items_link_to_stored_articles_regardless_of_case_and_quotes() {
    let mut store = Store::open_in_memory().expect("store");
    let mut carrier = article("Carrier", Some("9:00 JST, March 3, 2024"), Some("World"));
    carrier.popular = vec!["japan’s  SEAFOOD hopes".into(), "Not Stored".into()];
    carrier.access_ranking = vec!["Not Stored Either".into()];
    let mut older = article(
        "Older Carrier",
        Some("9:00 JST, March 1, 2024"),
        Some("World"),
    );
    older.access_ranking = vec!["Stale".into()];
    let target = article(
        "Japan's Seafood Hopes",
        Some("9:00 JST, March 2, 2024"),
        Some("World"),
    );
    store.import(&[carrier, older, target]).expect("import");
    let popular = store
        .newest_popular("World")
        .expect("q")
        .expect("a list")
        .entries;
    assert_eq!(popular.len(), 2);
    let linked = popular[0].article.expect("linked");
    assert_eq!(
        store.article(linked).expect("q").expect("there").headline,
        "Japan's Seafood Hopes"
    );
    assert_eq!(popular[1].article, None);
    let ranking = store
        .newest_access_ranking()
        .expect("q")
        .expect("a list")
        .entries;
    assert_eq!(ranking[0].title, "Not Stored Either");
    assert!(store.newest_popular("Sports").expect("q").is_none());
}

#[test]
fn a_stored_article_reads_back_as_parsed() {
    let mut store = Store::open_in_memory().expect("store");
    let mut parsed = parse_str(include_str!("../../sample_data/000_6c6944616e88b9e8.txt"))
        .expect("seed")
        .article;
    parsed.source = Some("seed.txt".into());
    store.import([&parsed]).expect("import");
    let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
    assert_eq!(store.article(key).expect("q"), Some(parsed.clone()));
    let mut listed = store.listing(&Filter::default()).expect("q");
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].has_text());
    assert_eq!(listed[0].caption(), parsed.caption());
    listed[0].body.clone_from(&parsed.body);
    assert_eq!(listed[0], parsed);
}

#[test]
fn a_store_survives_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested/kiji.db");
    Store::open(&path)
        .expect("create")
        .import([&article("Kept", None, None)])
        .expect("import");
    let store = Store::open(&path).expect("reopen");
    assert_eq!(headlines(&store, &Filter::default()), ["Kept"]);
}

#[test]
fn foreign_damaged_and_newer_files_are_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");

    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .expect("sqlite")
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .expect("foreign db");
    let damaged = dir.path().join("damaged.db");
    std::fs::write(
        &damaged,
        b"this is not a database at all, just text\n".repeat(200),
    )
    .expect("write");
    let newer = dir.path().join("newer.db");
    Store::open(&newer).expect("create");
    rusqlite::Connection::open(&newer)
        .expect("sqlite")
        .pragma_update(None, "user_version", 99)
        .expect("bump");

    for (path, expected) in [
        (&foreign, "not a kiji store"),
        (&damaged, "damaged"),
        (&newer, "newer kiji"),
    ] {
        let before = std::fs::read(path).expect("read");
        let error = Store::open(path).err().expect("refused").to_string();
        assert!(error.contains(expected), "{error}");
        assert!(error.contains(&path.display().to_string()), "{error}");
        assert_eq!(
            std::fs::read(path).expect("read"),
            before,
            "{}",
            path.display()
        );
    }
}

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
        conn.execute_batch(include_str!("schema_v1.sql"))
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
    let tell = |version| told.borrow_mut().push(version);
    drop(Store::open_telling(&path, false, &tell).expect("migrates"));
    assert_eq!(told.take(), [1], "an upgrade from schema 1 is due");
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
fn saved_and_read_state_survive_reopening_and_reimport() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let articles = [
        article("One", Some("9:00 JST, March 1, 2024"), None),
        article("Two", Some("9:00 JST, March 2, 2024"), None),
    ];
    {
        let mut store = Store::open(&path).expect("store");
        store.import(&articles).expect("import");
        let rows = store.headlines(&Filter::default(), 0, 2).expect("q");
        store.set_saved(rows[0].key, true).expect("save");
        store.set_read(rows[1].key, true).expect("read");
    }
    let mut store = Store::open(&path).expect("reopen");
    let mut edited = articles[0].clone();
    edited.body.push("More.".into());
    store.import([&edited, &articles[1]]).expect("reimport");
    let saved = Filter {
        saved_only: true,
        ..Filter::default()
    };
    let unread = Filter {
        unread_only: true,
        ..Filter::default()
    };
    assert_eq!(headlines(&store, &saved), ["Two"]);
    assert_eq!(headlines(&store, &unread), ["Two"]);
    assert_eq!(store.mark_read(&Filter::default()).expect("mark"), 1);
    assert!(headlines(&store, &unread).is_empty());
    assert_eq!(store.next_unread(&Filter::default(), 0).expect("q"), None);
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

#[test]
fn articles_stored_before_pages_had_structure_read_back_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(include_str!("schema_v1.sql"))
            .expect("v1 schema");
        conn.execute_batch(
            "INSERT INTO articles (key, id, headline, headline_key, caption, sort_key, content_hash, has_popular, has_ranking, read)
             VALUES (1, 'a', 'Old Story', 'old story', 'First caption
Second caption', 0, 0, 1, 0, 1);
             INSERT INTO bodies (key, body, popular, ranking) VALUES (1, 'One.
Two.', 'Listed Story', '');
             PRAGMA user_version = 1;",
        )
        .expect("v1 data");
        conn.pragma_update(None, "application_id", 0x4b49_4a49)
            .expect("id");
    }
    let store = Store::open(&path).expect("migrates");
    let key = store.headlines(&Filter::default(), 0, 1).expect("q")[0].key;
    let old = store.article(key).expect("q").expect("there");
    let captions: Vec<&str> = old.photos().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions, ["First caption", "Second caption"]);
    assert_eq!(old.paragraphs().collect::<Vec<_>>(), ["One.", "Two."]);
    assert_eq!(old.popular, ["Listed Story"]);
    assert_eq!(
        (old.origin, old.url, old.captured),
        (crate::article::Origin::Dump, None, None)
    );
    assert!(store.headlines(&Filter::default(), 0, 1).expect("q")[0].read);
}

#[test]
fn an_empty_database_of_another_program_is_never_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.pragma_update(None, "application_id", 5).expect("id");
    }
    let before = std::fs::read(&path).expect("bytes");
    assert!(matches!(Store::open(&path), Err(StoreError::Foreign(_))));
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "left byte for byte"
    );
}
