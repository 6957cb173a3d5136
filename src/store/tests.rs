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

/// Numbers below `n`, the same ones for the same seed.
fn seeded(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    }
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

mod search;
mod top;
mod top_body;
mod words;

#[test]
fn a_store_kept_locked_by_another_kiji_is_said_to_be_busy_not_damaged() {
    let busy =
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
    assert_eq!(
        StoreError::of_first_look("kiji.db".into(), busy).to_string(),
        "kiji.db: the store stayed busy: another kiji is writing to it"
    );
}
