//! The index of words: a second full-text index of every headline and
//! body, kept by tantivy in a folder beside the store, that ranks a
//! search's best body matches without scoring them all (`queries.rs`), and
//! finds the headlines holding every word of a search (`headlines.rs`).
//!
//! FTS5 scores every match of a query, 1.4–2 µs each: a query of words
//! common in bodies (`officials said prices rose`) has hundreds of
//! thousands at 1,000,000 articles, 300 ms to rank. tantivy keeps each
//! word's postings in blocks with their best score and skips those that
//! cannot reach the page (block-max WAND), and scores what it reads in
//! about 85 ns (BENCHMARKS.md, "Search").
//!
//! The store stays the one source of truth. Every write of search text
//! counts up the store's `search_changes`; the index records the count it
//! holds in each commit, and a search asks it only when the two agree.
//! Otherwise FTS5 answers, with the same matches. See `words_sync.rs` for
//! how an import keeps the two in step.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use tantivy::collector::{Collector, TopDocs};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, TantivyDocument, Term,
};

use super::top_body::worst_left_out;

/// Bytes of new postings the writer holds before it writes a segment.
const WRITER_MEMORY: usize = 64 << 20;
/// Longer words are left out of the index; a query holding one is left
/// to FTS5.
pub(super) const LONGEST_WORD: usize = 200;
/// The name kiji's tokenizer is registered under in the index's schema.
const TOKENIZER: &str = "kiji";

mod headlines;
mod queries;
#[cfg(test)]
mod tests;
mod tokenizer;
pub(super) use headlines::HeadlineHits;
use queries::Plain;
use tokenizer::WordTokenizer;

/// What went wrong keeping or reading the index of words.
#[derive(Debug, thiserror::Error)]
pub(super) enum WordsError {
    #[error("index of words: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("index of words: reading the store: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("index of words: another kiji wrote to the store meanwhile")]
    Overtaken,
}

/// The index folder of a store file: beside it, named after it.
pub(super) fn folder_of(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".words");
    PathBuf::from(name)
}

/// An opened index of words.
pub(super) struct Words {
    index: Index,
    fields: Fields,
    /// Its reader, made when first asked for, then kept for every search
    /// of this opening.
    reader: OnceCell<IndexReader>,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    headline: Field,
    body: Field,
}

impl Words {
    /// Opens the index in `folder`; an error when there is none or it
    /// cannot be read.
    pub(super) fn open(folder: &Path) -> tantivy::Result<Self> {
        Self::with(Index::open_in_dir(folder)?)
    }

    /// Opens the index in `folder`, or makes an empty one where there is
    /// none this build can read.
    pub(super) fn open_or_make(folder: &Path) -> tantivy::Result<Self> {
        Self::open(folder).or_else(|_| Self::create(folder))
    }

    /// Makes an empty index in `folder`, replacing what is there. A folder
    /// holding anything but an index is left alone, and an error.
    fn create(folder: &Path) -> tantivy::Result<Self> {
        if folder.exists() {
            let is_index =
                folder.join("meta.json").exists() || std::fs::read_dir(folder)?.next().is_none();
            if !is_index {
                return Err(tantivy::TantivyError::InvalidArgument(format!(
                    "{} holds something other than kiji's index of words",
                    folder.display()
                )));
            }
            std::fs::remove_dir_all(folder)?;
        }
        std::fs::create_dir_all(folder)?;
        Self::with(Index::create_in_dir(folder, schema().0)?)
    }

    fn with(index: Index) -> tantivy::Result<Self> {
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Err(tantivy::TantivyError::SchemaError(
                "an index of words of another layout".to_owned(),
            ));
        }
        index.tokenizers().register(TOKENIZER, WordTokenizer);
        Ok(Self {
            index,
            fields,
            reader: OnceCell::new(),
        })
    }

    /// The store's count of search-text changes this index holds, as its
    /// last commit recorded it.
    pub(super) fn generation(&self) -> Option<i64> {
        self.index.load_metas().ok()?.payload?.parse().ok()
    }

    /// A writer of the index; an error when another holds it.
    pub(super) fn writer(&self) -> tantivy::Result<WordWriter> {
        Ok(WordWriter {
            writer: self.index.writer_with_num_threads(1, WRITER_MEMORY)?,
            fields: self.fields,
        })
    }

    /// A reader of the index as its last commit left it when first asked
    /// for.
    fn reader(&self) -> tantivy::Result<&IndexReader> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader);
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(self.reader.get_or_init(|| reader))
    }

    /// The best `wanted` articles holding every word of `query` and none of
    /// its exclusions, best first, scores negated as FTS5's bm25 gives
    /// them; `None` when the query holds a phrase, a prefix or a CJK word,
    /// which this index does not answer, or the index lacks a match's key.
    pub(super) fn best(
        &self,
        query: &crate::search::Query,
        wanted: usize,
    ) -> tantivy::Result<Option<Best>> {
        let Some(plain) = Plain::of(query) else {
            return Ok(None);
        };
        let searcher = self.reader()?.searcher();
        let top = if plain.excluded.is_empty() {
            searcher.search(&self.fields.all_words(&plain.words), &by_score(wanted))?
        } else {
            searcher.search(&self.fields.either(&plain), &by_score(wanted))?
        };
        let keys_of_segments = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("key"))
            .collect::<tantivy::Result<Vec<_>>>()?;
        // an article without its key is an index not written by kiji
        let ranked: Option<Vec<(i64, f64)>> = top
            .into_iter()
            .map(|(score, address)| {
                let key = keys_of_segments[address.segment_ord as usize].first(address.doc_id)?;
                Some((key as i64, -f64::from(score)))
            })
            .collect();
        Ok(ranked.map(|ranked| Best {
            bound: worst_left_out(&ranked, wanted),
            ranked,
        }))
    }
}

/// The best `wanted` matches by score.
fn by_score(wanted: usize) -> impl Collector<Fruit = Vec<(Score, DocAddress)>> {
    TopDocs::with_limit(wanted).order_by_score()
}

/// A search's best matches from the index, as (key, score) best first,
/// scores negated; `bound` is the best (lowest) score a match left out
/// may have, `inf` when none was left out.
pub(super) struct Best {
    pub(super) ranked: Vec<(i64, f64)>,
    pub(super) bound: f64,
}

/// The layout: each article's key, kept to be read back, and its headline
/// and body, indexed with how often each word appears.
fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let key = builder.add_u64_field("key", INDEXED | FAST);
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let headline = builder.add_text_field("headline", text.clone());
    let body = builder.add_text_field("body", text);
    (
        builder.build(),
        Fields {
            key,
            headline,
            body,
        },
    )
}

/// Writes articles into the index; what it has not committed is dropped
/// with it.
pub(super) struct WordWriter {
    writer: IndexWriter,
    fields: Fields,
}

impl WordWriter {
    /// Adds an article; `replacing` what the index held under its key
    /// (looking for it in every segment costs time a new article need not
    /// spend).
    pub(super) fn put(
        &self,
        key: i64,
        (headline, body): (&str, &str),
        replacing: bool,
    ) -> Result<(), WordsError> {
        let key = key as u64;
        if replacing {
            self.writer
                .delete_term(Term::from_field_u64(self.fields.key, key));
        }
        let mut document = TantivyDocument::new();
        document.add_u64(self.fields.key, key);
        document.add_text(self.fields.headline, headline);
        document.add_text(self.fields.body, body);
        self.writer.add_document(document)?;
        Ok(())
    }

    /// Commits what was put, as holding the store's `generation`.
    pub(super) fn commit(&mut self, generation: i64) -> Result<(), WordsError> {
        let mut commit = self.writer.prepare_commit()?;
        commit.set_payload(&generation.to_string());
        commit.commit()?;
        Ok(())
    }

    /// Drops every article, for the index to be written anew.
    pub(super) fn clear(&mut self) -> Result<(), WordsError> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Waits for the merges of segments the commits started.
    pub(super) fn finish(self) -> Result<(), WordsError> {
        Ok(self.writer.wait_merging_threads()?)
    }
}
