use std::num::NonZeroUsize;

use super::*;
use crate::parse::parse_str;
use crate::store::Marks;

/// `count` different articles, as an import reads them.
fn pieces(count: usize) -> Vec<Prepared> {
    (0..count)
        .map(|n| {
            let dump = format!(
                "Headline {n}\n9:00 JST, March {}, 2024\nA paragraph.\n",
                n + 1
            );
            Prepared::new(parse_str(&dump).expect("parses").article, None)
        })
        .collect()
}

fn stored(store: &Store) -> usize {
    store
        .count(&crate::store::Filter::default())
        .expect("count")
}

#[test]
fn a_bulk_import_commits_whole_transactions_however_its_pieces_fall() {
    let mut store = Store::open_in_memory().expect("store");
    let articles = pieces(7);
    let three = NonZeroUsize::new(3).expect("not zero");
    let mut bulk = store.bulk_import(three).expect("bulk");
    for piece in articles[..5].chunks(2) {
        bulk.write(piece).expect("written");
    }
    // stopped short: the sixth article's transaction is not committed
    drop(bulk);
    assert_eq!(stored(&store), 3);
    let mut bulk = store.bulk_import(three).expect("bulk");
    let counts = bulk.write(&articles).expect("written");
    assert_eq!((counts.imported, counts.unchanged), (4, 3));
    bulk.finish(4).expect("finished");
    assert_eq!(stored(&store), 7);
}

#[test]
fn marks_a_bulk_import_carries_land_with_their_articles() {
    let mut store = Store::open_in_memory().expect("store");
    let mut articles = pieces(4);
    articles[3].marks = Some(Marks {
        read: true,
        saved: true,
    });
    let mut bulk = store
        .bulk_import(NonZeroUsize::new(2).expect("not zero"))
        .expect("bulk");
    bulk.write(&articles[..3]).expect("written");
    bulk.write(&articles[3..]).expect("written");
    bulk.finish(4).expect("finished");
    let saved = crate::store::Filter {
        saved_only: true,
        ..Default::default()
    };
    let headlines = store.headlines(&saved, 0, 10).expect("saved");
    let names: Vec<_> = headlines
        .iter()
        .map(|h| (h.headline.as_str(), h.read))
        .collect();
    assert_eq!(names, [("Headline 3", true)]);
}

/// The listing indexes the store at `path` has, and its journal mode, as
/// another program opening it sees them.
fn indexes_and_journal(path: &std::path::Path) -> (Vec<String>, String) {
    let conn = rusqlite::Connection::open(path).expect("sqlite");
    let mut names = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index'
             AND name GLOB 'articles_*' AND name != 'articles_by_url' ORDER BY name",
        )
        .expect("prepared");
    let names = names
        .query_map([], |row| row.get(0))
        .expect("indexes")
        .collect::<Result<Vec<String>, _>>()
        .expect("indexes");
    let journal = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("journal mode");
    (names, journal)
}

/// An empty store in a folder of its own (kept while the folder lives).
fn empty_store() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let store = Store::open(&path).expect("store");
    (dir, path, store)
}

const LISTING: [&str; 6] = [
    "articles_by_date",
    "articles_by_headline",
    "articles_by_key",
    "articles_by_section",
    "articles_saved",
    "articles_unread",
];

#[test]
fn an_import_into_an_empty_store_has_it_alone_and_gives_it_back_whole() {
    let (_dir, path, mut store) = empty_store();
    let mut bulk = store
        .bulk_import(NonZeroUsize::new(2).expect("not zero"))
        .expect("bulk");
    bulk.write(&pieces(5)).expect("written");
    // committed twice already, yet no one else may read the store
    let other = rusqlite::Connection::open(&path).expect("sqlite");
    other
        .busy_timeout(std::time::Duration::ZERO)
        .expect("no wait");
    let busy = other.query_row("SELECT count(*) FROM articles", [], |row| {
        row.get::<_, i64>(0)
    });
    assert!(busy.is_err(), "read {busy:?} during an import alone");
    drop(other);
    bulk.finish(5).expect("finished");
    let (indexes, journal) = indexes_and_journal(&path);
    assert_eq!(
        (indexes, journal.as_str()),
        (LISTING.map(String::from).to_vec(), "wal")
    );
    let newest = store.headlines(&Filter::default(), 0, 2).expect("listed");
    let names: Vec<_> = newest.iter().map(|h| h.headline.as_str()).collect();
    assert_eq!(names, ["Headline 4", "Headline 3"]);
}

#[test]
fn an_import_into_an_empty_store_another_kiji_reads_shares_it() {
    let (_dir, path, mut store) = empty_store();
    let reader = Store::open(&path).expect("second store");
    let mut bulk = store
        .bulk_import(NonZeroUsize::new(2).expect("not zero"))
        .expect("bulk");
    bulk.write(&pieces(5)).expect("written");
    // the two transactions committed are read while the import goes on
    assert_eq!(stored(&reader), 4);
    bulk.finish(5).expect("finished");
    assert_eq!(stored(&reader), 5);
}

#[test]
fn an_import_alone_stopped_short_leaves_a_store_whole_for_the_next_opening() {
    let (_dir, path, mut store) = empty_store();
    let mut bulk = store
        .bulk_import(NonZeroUsize::new(3).expect("not zero"))
        .expect("bulk");
    bulk.write(&pieces(5)).expect("written");
    drop(bulk);
    drop(store);
    assert_eq!(indexes_and_journal(&path).1, "wal");
    // as a kill before the end leaves it
    rusqlite::Connection::open(&path)
        .expect("sqlite")
        .execute_batch("DROP INDEX articles_by_date; DROP INDEX articles_by_key;")
        .expect("dropped");
    let told = std::cell::RefCell::new(Vec::new());
    let tell = |upkeep| told.borrow_mut().push(upkeep);
    let store = Store::open_telling(&path, false, &tell).expect("opened again");
    assert_eq!(stored(&store), 3);
    let (indexes, _) = indexes_and_journal(&path);
    assert_eq!(indexes, LISTING.map(String::from).to_vec());
    assert_eq!(told.take(), [crate::store::Upkeep::BuildIndexes]);
    drop(Store::open_telling(&path, false, &tell).expect("opened a third time"));
    assert!(told.take().is_empty(), "nothing left to build");
}
