//! How many tokens each headline has, as the index of headlines counts
//! them, kept a byte an article in blocks of [`BLOCK`] articles.
//!
//! BM25 weighs a match by the length of what it is found in. FTS5 keeps
//! that length a row of its own per article, and looking it up is most of
//! what ranking a common word costs: 62,542 look-ups for `tokyo` at
//! 1,000,000 articles. Here the lengths of a million headlines are 1 MB,
//! read in a few hundred rows. FTS5's own rows stay the truth: a byte of 0
//! (not known) or [`LONG`] (too long for a byte) sends the reader to them,
//! so a block missing or out of step costs time, never a wrong rank.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use rusqlite::{Connection, OptionalExtension, Transaction};

/// Articles a block holds: 2 KB, one page of the store, with its row.
pub(super) const BLOCK: i64 = 2048;
/// The byte of a headline of this many tokens or more.
const LONG: u8 = u8::MAX;

/// Version 8: the sizes of every headline already indexed.
pub(super) fn add_headline_sizes(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS headline_sizes (
             block INTEGER PRIMARY KEY, sizes BLOB NOT NULL)",
    )?;
    let mut blocks: BTreeMap<i64, Vec<u8>> = BTreeMap::new();
    let mut rows = tx.prepare("SELECT id, sz FROM search_headlines_docsize")?;
    let mut cursor = rows.query([])?;
    while let Some(row) = cursor.next()? {
        let key: i64 = row.get(0)?;
        let size = tokens_of(&row.get::<_, Vec<u8>>(1)?);
        set(&mut blocks, key, size);
    }
    write(tx, &blocks)
}

/// Records the sizes of these freshly indexed headlines, read back from
/// the index of headlines.
pub(super) fn record(tx: &Transaction<'_>, keys: &[i64]) -> rusqlite::Result<()> {
    let mut blocks: BTreeMap<i64, Vec<u8>> = BTreeMap::new();
    for &key in keys {
        load_block(tx, &mut blocks, key)?;
        let size = indexed_size(tx, key)?.unwrap_or(0);
        set(&mut blocks, key, size);
    }
    write(tx, &blocks)
}

/// The size of each of these headlines (keys in any order), in tokens;
/// `None` for a key the index of headlines does not hold.
pub(super) fn sizes_of(conn: &Connection, keys: &[i64]) -> rusqlite::Result<Vec<Option<u32>>> {
    let mut blocks: BTreeMap<i64, Vec<u8>> = BTreeMap::new();
    let mut sizes = Vec::with_capacity(keys.len());
    for &key in keys {
        let byte = load_block(conn, &mut blocks, key)?
            .get(place(key).1)
            .copied()
            .unwrap_or(0);
        sizes.push(match byte {
            0 | LONG => indexed_size(conn, key)?,
            known => Some(u32::from(known)),
        });
    }
    Ok(sizes)
}

/// The block holding `key`'s byte, read from the store the first time it
/// is asked for (empty when there is none).
fn load_block<'a>(
    conn: &Connection,
    blocks: &'a mut BTreeMap<i64, Vec<u8>>,
    key: i64,
) -> rusqlite::Result<&'a mut Vec<u8>> {
    match blocks.entry(place(key).0) {
        Entry::Occupied(held) => Ok(held.into_mut()),
        Entry::Vacant(slot) => {
            let stored: Option<Vec<u8>> = conn
                .prepare_cached("SELECT sizes FROM headline_sizes WHERE block = ?1")?
                .query_row([slot.key()], |row| row.get(0))
                .optional()?;
            Ok(slot.insert(stored.unwrap_or_default()))
        }
    }
}

/// The size FTS5 keeps for one headline.
fn indexed_size(conn: &Connection, key: i64) -> rusqlite::Result<Option<u32>> {
    conn.prepare_cached("SELECT sz FROM search_headlines_docsize WHERE id = ?1")?
        .query_row([key], |row| row.get::<_, Vec<u8>>(0))
        .optional()
        .map(|sz| sz.map(|sz| tokens_of(&sz)))
}

/// The block holding `key`'s byte, and where in it.
fn place(key: i64) -> (i64, usize) {
    (key.div_euclid(BLOCK), key.rem_euclid(BLOCK) as usize)
}

/// Sets `key`'s byte in its block, growing the block as far as it needs.
fn set(blocks: &mut BTreeMap<i64, Vec<u8>>, key: i64, size: u32) {
    let (block, at) = place(key);
    let sizes = blocks.entry(block).or_default();
    if sizes.len() <= at {
        sizes.resize(at + 1, 0);
    }
    sizes[at] = u8::try_from(size).unwrap_or(LONG);
}

fn write(tx: &Transaction<'_>, blocks: &BTreeMap<i64, Vec<u8>>) -> rusqlite::Result<()> {
    let mut put =
        tx.prepare_cached("INSERT OR REPLACE INTO headline_sizes (block, sizes) VALUES (?1, ?2)")?;
    for (block, sizes) in blocks {
        put.execute(rusqlite::params![block, sizes])?;
    }
    Ok(())
}

/// The token count of a one-column FTS5 size record.
fn tokens_of(sz: &[u8]) -> u32 {
    u32::try_from(varint(sz).map_or(0, |(value, _)| value)).unwrap_or(u32::MAX)
}

/// An SQLite variable-length integer at the start of `bytes`, and its
/// length: seven bits a byte, high bit set on all but the last, and a ninth
/// byte of eight bits.
pub(super) fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (index, &byte) in bytes.iter().enumerate().take(9) {
        if index == 8 {
            return Some(((value << 8) | u64::from(byte), 9));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_as_sqlite_writes_them() {
        assert_eq!(varint(&[0x05]), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00]), Some((128, 2)));
        assert_eq!(varint(&[0x82, 0xac, 0x3f]), Some((38463, 3)));
        assert_eq!(varint(&[0x81]), None);
        assert_eq!(varint(&[0xff; 9]), Some((u64::MAX, 9)));
    }

    #[test]
    fn a_headline_too_long_for_a_byte_is_marked_to_be_looked_up() {
        let mut blocks = BTreeMap::new();
        set(&mut blocks, BLOCK + 3, 9);
        set(&mut blocks, BLOCK + 5, 300);
        assert_eq!(blocks[&1], vec![0, 0, 0, 9, 0, LONG]);
    }
}
