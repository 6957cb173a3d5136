//! The store's schema: version 1 and the migrations that bring an older
//! store up to the version this build writes.

use super::import;

/// `PRAGMA application_id` of a kiji store: "KIJI".
pub(super) const APPLICATION_ID: i64 = 0x4b49_4a49;
/// The schema this build writes; migrations bring older stores up to it.
pub const SCHEMA_VERSION: i64 = 9;

type Migration = fn(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>;
/// Each migration brings the schema from its index to the next version.
pub(super) const MIGRATIONS: [Migration; 9] = [
    |tx| tx.execute_batch(include_str!("schema_v1.sql")),
    add_search_index,
    // Version 3: the Saved tab and unread-only views read their own small
    // indexes instead of walking every article to find the few they show.
    |tx| {
        tx.execute_batch(
            "CREATE INDEX articles_saved ON articles (sort_key DESC, key DESC) WHERE saved;
             CREATE INDEX articles_unread ON articles (sort_key DESC, key DESC) WHERE NOT read;",
        )
    },
    add_headline_index,
    add_pages,
    add_feeds,
    add_longer_prefixes,
    super::sizes::add_headline_sizes,
    // Version 9: a count of the writes of search text, which the index of
    // words beside the store records as it follows them (see `words.rs`):
    // a search asks that index only when the two counts agree. A store
    // that holds articles starts at 1, which no index holds yet.
    |tx| {
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS search_changes (generation INTEGER NOT NULL);
             INSERT INTO search_changes (generation)
                 SELECT EXISTS (SELECT 1 FROM articles)
                 WHERE NOT EXISTS (SELECT 1 FROM search_changes);",
        )
    },
];

/// Version 2: the full-text index. Contentless (the text is in `articles`
/// and `bodies` already), unicode61 folding case and diacritics, CJK text
/// spaced one character a token by [`crate::search::index_text`].
fn add_search_index(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE VIRTUAL TABLE search USING fts5(
             headline, body, content = '', contentless_delete = 1,
             tokenize = 'unicode61 remove_diacritics 2');
         -- hold up to 64 MB of new terms in memory before writing a segment:
         -- an import writes a few large segments instead of many small ones
         -- that must then be merged
         INSERT INTO search (search, rank) VALUES ('hashsize', 67108864);",
    )?;
    let mut rows =
        tx.prepare("SELECT a.key, a.headline, b.body FROM articles a JOIN bodies b USING (key)")?;
    let mut insert =
        tx.prepare("INSERT INTO search (rowid, headline, body) VALUES (?1, ?2, ?3)")?;
    let mut cursor = rows.query([])?;
    while let Some(row) = cursor.next()? {
        let key: i64 = row.get(0)?;
        let headline: String = row.get(1)?;
        let body: String = row.get(2)?;
        insert.execute(rusqlite::params![
            key,
            crate::search::index_text(&headline),
            crate::search::index_text(&body)
        ])?;
    }
    Ok(())
}

/// Version 4: what a search needs to rank its headline tier as it is typed.
/// An index of headlines alone (a few per cent of the text, with the
/// three-letter prefixes a typed word starts as) finds and ranks headline
/// matches without reading the bodies' index, and `articles_by_key` holds
/// the columns a search sorts and filters on, so joining thousands of
/// matches to their articles reads a small index instead of the articles.
fn add_headline_index(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE VIRTUAL TABLE search_headlines USING fts5(
             headline, content = '', contentless_delete = 1,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
         CREATE INDEX articles_by_key ON articles (key, sort_key, section, read, saved);",
    )?;
    index_every_headline(tx)
}

/// Indexes every stored headline in `search_headlines` (see
/// `import::index`).
fn index_every_headline(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let mut rows = tx.prepare("SELECT key, headline FROM articles")?;
    let mut cursor = rows.query([])?;
    while let Some(row) = cursor.next()? {
        let headline: String = row.get(1)?;
        import::index_headline(tx, row.get(0)?, &crate::search::index_text(&headline))?;
    }
    Ok(())
}

/// Version 5: what a page says beyond a dump's text — byline, address,
/// what it was read from and when it was captured — and the lists of every
/// capture of a page, by capture time: the site's rankings over time. Bodies
/// and lists gain structure in their text (see `lines.rs`), which stored
/// text, having none, reads as before.
fn add_pages(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "ALTER TABLE articles ADD COLUMN byline TEXT;
         ALTER TABLE articles ADD COLUMN url TEXT;
         ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT 'dump';
         -- milliseconds since the Unix epoch
         ALTER TABLE articles ADD COLUMN captured INTEGER;
         CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
         CREATE TABLE captures (
             key       INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
             captured  INTEGER NOT NULL,
             source    TEXT,
             popular   TEXT NOT NULL,
             ranking   TEXT NOT NULL,
             PRIMARY KEY (key, captured)
         ) WITHOUT ROWID;",
    )
}

/// Version 6: the feeds kiji follows, with what their last fetch said (for
/// a conditional request next time) and the items seen in each, so a
/// refresh fetches only the pages of new ones.
fn add_feeds(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE feeds (
             url            TEXT PRIMARY KEY,
             title          TEXT,
             site           TEXT,
             etag           TEXT,
             last_modified  TEXT,
             -- milliseconds since the Unix epoch
             added          INTEGER NOT NULL,
             fetched        INTEGER,
             error          TEXT
         );
         CREATE TABLE feed_items (
             feed  TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
             item  TEXT NOT NULL,
             key   INTEGER REFERENCES articles (key) ON DELETE SET NULL,
             seen  INTEGER NOT NULL,
             PRIMARY KEY (feed, item)
         ) WITHOUT ROWID;
         CREATE INDEX feed_items_by_key ON feed_items (key) WHERE key IS NOT NULL;",
    )
}

/// Version 7: the index of headlines holds every prefix of 3 to 10
/// letters, not only of 3. A word being typed is searched as a prefix, and
/// FTS5 answers a prefix it does not hold by merging the lists of every
/// word that starts with it, whole, before it returns the first match:
/// `mini` took 12 ms to count at 1,000,000 articles, and ranking reads it
/// twice more; held, it takes 0.1 ms to find the newest thousand. The index
/// grows from 64 to 162 MiB at 1,000,000 articles.
fn add_longer_prefixes(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DROP TABLE search_headlines;
         CREATE VIRTUAL TABLE search_headlines USING fts5(
             headline, content = '', contentless_delete = 1,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8 9 10');",
    )?;
    index_every_headline(tx)?;
    import::merge_headline_index(tx)
}

/// The indexes over `articles` that only listing, sorting and counting
/// read, as the migrations made them: an import finds and writes articles
/// without them, so an import into an empty store leaves them out and
/// builds each once at its end (see [`super::BulkImport`]).
const LISTING_INDEXES: [(&str, &str); 6] = [
    ("articles_by_date", "articles (sort_key DESC, key DESC)"),
    (
        "articles_by_section",
        "articles (section, sort_key DESC, key DESC)",
    ),
    ("articles_by_headline", "articles (headline_key)"),
    (
        "articles_saved",
        "articles (sort_key DESC, key DESC) WHERE saved",
    ),
    (
        "articles_unread",
        "articles (sort_key DESC, key DESC) WHERE NOT read",
    ),
    (
        "articles_by_key",
        "articles (key, sort_key, section, read, saved)",
    ),
];

/// Drops the listing indexes, for an import to build them once at its end.
pub(super) fn drop_listing_indexes(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    for (name, _) in LISTING_INDEXES {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    Ok(())
}

/// Whether the store lacks a listing index: an import into the empty
/// store was killed before its end.
pub(super) fn lacks_listing_indexes(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    let names = rusqlite::params_from_iter(LISTING_INDEXES.map(|(name, _)| name));
    let marks = ["?"; LISTING_INDEXES.len()].join(", ");
    let present: i64 = conn.query_row(
        &format!("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ({marks})"),
        names,
        |row| row.get(0),
    )?;
    Ok(present < LISTING_INDEXES.len() as i64)
}

/// Builds the listing indexes a store lacks.
pub(super) fn build_listing_indexes(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    for (name, on) in LISTING_INDEXES {
        conn.execute_batch(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"))?;
    }
    Ok(())
}
