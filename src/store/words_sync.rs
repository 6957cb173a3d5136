//! The index of words kept in step with the store, and asked for a
//! search's best body matches when it is.
//!
//! A write of articles counts up the store's `search_changes` in its own
//! transaction; once that is committed, the same articles are written to
//! the index, committed as holding the new count (an import commits it
//! once, at its end, as holding what it committed). A crash between the two
//! leaves the index a count behind: searches rank with FTS5 (the same
//! matches, as fast as before) until the next import, which finds the
//! index behind at its start and makes it anew from the store at its end.
//! Only a store's own writes are followed; an index whose count is not the
//! store's is never asked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::filter::Filter;
use super::import::{Writes, generation};
use super::prepared::Prepared;
use super::words::{Best, HeadlineHits, LONGEST_WORD, WordWriter, Words, WordsError, folder_of};
use super::{Store, StoreError};

impl Store {
    /// The folder of this store's index of words; `None` for a store in
    /// memory.
    fn words_folder(&self) -> Option<PathBuf> {
        let path = self.conn.path().filter(|path| !path.is_empty())?;
        Some(folder_of(Path::new(path)))
    }

    /// The folder of the index of words, when this store can keep one: it
    /// is a file kiji may write.
    fn words_folder_to_write(&self) -> Option<PathBuf> {
        self.words_folder().filter(|_| !self.read_only)
    }

    /// Whether this store can keep an index of words.
    pub(super) fn keeps_words(&self) -> bool {
        self.words_folder_to_write().is_some()
    }

    /// A writer of the index of words when the index holds the store as it
    /// is at count `now`; for a store that never held search text (count
    /// 0), a writer of an index emptied. `None` when the index is behind,
    /// or busy with another writer.
    pub(super) fn words_writer(&self, now: i64) -> Option<WordWriter> {
        let folder = self.words_folder_to_write()?;
        let writer = || -> Result<Option<WordWriter>, WordsError> {
            let words = if now == 0 {
                Words::open_or_make(&folder)?
            } else {
                match Words::open(&folder) {
                    Ok(words) if words.generation() == Some(now) => words,
                    _ => return Ok(None),
                }
            };
            let mut writer = words.writer()?;
            // asked again under the writer's lock: another may have
            // committed before it was taken
            match words.generation() {
                Some(held) if held == now => {}
                _ if now == 0 => writer.clear()?,
                _ => return Ok(None),
            }
            Ok(Some(writer))
        };
        writer().unwrap_or_else(|error| {
            tracing::warn!(%error, folder = %folder.display(), "cannot write the index of words");
            None
        })
    }

    /// Brings the index of words along a committed write, if it held the
    /// store as it was before; else it stays behind, for the next import
    /// to make anew.
    pub(super) fn words_follow(&self, articles: &[Prepared], done: &Writes) {
        let Some(after) = done.generation else {
            return;
        };
        let Some(mut writer) = self.words_writer(after - 1) else {
            return;
        };
        let written = put_changed(&writer, articles, done)
            .and_then(|()| writer.commit(after))
            .and_then(|()| writer.finish());
        if let Err(error) = written {
            tracing::warn!(%error, "the index of words fell behind the store");
        }
    }

    /// Makes the index of words anew from the store, as one snapshot of it
    /// holds its articles.
    pub(super) fn rebuild_words(&self) -> Result<(), WordsError> {
        let Some(folder) = self.words_folder_to_write() else {
            return Ok(());
        };
        let started = std::time::Instant::now();
        // the writer's lock first: another kiji may be writing the index
        let mut writer = Words::open_or_make(&folder)?.writer()?;
        writer.clear()?;
        let snapshot = self.conn.unchecked_transaction()?;
        let now = generation(&snapshot)?;
        let mut rows = snapshot.prepare(
            "SELECT a.key, a.headline, b.body FROM articles a JOIN bodies b USING (key)",
        )?;
        let mut cursor = rows.query([])?;
        let mut count = 0_usize;
        while let Some(row) = cursor.next()? {
            let (headline, body): (String, String) = (row.get(1)?, row.get(2)?);
            writer.put(row.get(0)?, (&headline, &body), false)?;
            count += 1;
        }
        writer.commit(now)?;
        writer.finish()?;
        tracing::debug!(count, took = ?started.elapsed(), "index of words made anew");
        Ok(())
    }

    /// The index of words beside this store, to read, opened once for a
    /// command's searches; `None` when there is none it can read.
    pub(super) fn words_to_read(&self) -> Option<Words> {
        Words::open(&self.words_folder()?).ok()
    }

    /// Whether `index` holds the store as it is.
    fn in_step(&self, index: &Words) -> Result<bool, StoreError> {
        Ok(index.generation() == Some(generation(&self.conn)?))
    }

    /// The best `wanted` matches of a search alone, as (key, score) best
    /// first, from the index of words; `None` when it is behind the store
    /// or cannot answer the query.
    pub(super) fn best_by_words(
        &self,
        index: &Words,
        filter: &Filter,
        wanted: usize,
    ) -> Result<Option<Best>, StoreError> {
        let Some(query) = filter.query.as_ref().filter(|_| filter.is_search_alone()) else {
            return Ok(None);
        };
        if !self.in_step(index)? {
            return Ok(None);
        }
        match index.best(query, wanted) {
            Ok(best) => Ok(best),
            Err(error) => {
                tracing::warn!(%error, "the index of words could not be read");
                Ok(None)
            }
        }
    }

    /// The headlines holding every one of `words`, from the index of words;
    /// `None` when it is behind the store, or a word is a prefix or one it
    /// leaves out.
    pub(super) fn headline_hits_by_words(
        &self,
        index: &Words,
        words: &[(String, bool)],
    ) -> Result<Option<HeadlineHits>, StoreError> {
        let held = |(word, prefix): &(String, bool)| !prefix && word.len() <= LONGEST_WORD;
        if !words.iter().all(held) || !self.in_step(index)? {
            return Ok(None);
        }
        let words: Vec<&str> = words.iter().map(|(word, _)| word.as_str()).collect();
        match index.headline_hits(&words) {
            Ok(hits) => Ok(Some(hits)),
            Err(error) => {
                tracing::warn!(%error, "the index of words could not be read");
                Ok(None)
            }
        }
    }

    /// The keys of the first `limit` body matches of a search alone, as
    /// [`Store::top_body_matches`] gives them but ranked by the index of
    /// words; `None` when it cannot answer.
    pub(super) fn top_body_by_words(
        &self,
        index: &Words,
        filter: &Filter,
        limit: usize,
        headline: &HashSet<i64>,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        if limit == 0 {
            return Ok(None);
        }
        let wanted = limit + headline.len() + super::top_body::SLACK;
        let Some(best) = self.best_by_words(index, filter, wanted)? else {
            return Ok(None);
        };
        self.page_of_ranked(&[best.ranked], best.bound, limit, headline)
    }
}

/// Puts the articles a write changed into the index.
pub(super) fn put_changed(
    writer: &WordWriter,
    articles: &[Prepared],
    done: &Writes,
) -> Result<(), WordsError> {
    for &(place, replacing) in &done.changed {
        let (key, prepared) = (done.keys[place].0, &articles[place]);
        let text = (
            prepared.search_headline.as_str(),
            prepared.search_body.as_str(),
        );
        writer.put(key, text, replacing)?;
    }
    Ok(())
}
