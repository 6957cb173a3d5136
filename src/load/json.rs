//! JSON exports read as a stream: one article at a time, whatever the
//! file's size, so a store of any size exported comes back in memory that
//! does not grow with it.

use std::io::BufReader;
use std::path::Path;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{LoadError, io_reason, regular_file};
use crate::article::Article;
use crate::article::json::ArticleJson;
use crate::store::Marks;

/// An article of an export, with the marks it carries, if it does.
pub type Marked = (Article, Option<Marks>);

/// Gives the articles of a JSON file — one article, or an array of them —
/// to `visit` in order, cleaned; returns how many. Stops at the first that
/// is not an article, with the line where it is.
pub fn each_article(path: &Path, visit: &mut dyn FnMut(Marked)) -> Result<usize, LoadError> {
    regular_file(path)?;
    let file = std::fs::File::open(path)
        .map_err(|error| LoadError::new(path, None, io_reason(Some(&error))))?;
    each_article_in(BufReader::with_capacity(1 << 16, file), path, visit)
}

/// [`each_article`] of JSON read from `reader`, which came from `path`.
pub fn each_article_in(
    reader: impl std::io::Read,
    path: &Path,
    visit: &mut dyn FnMut(Marked),
) -> Result<usize, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let source = path.display().to_string();
    let mut seed = Articles {
        source: &source,
        visit,
        count: 0,
    };
    (&mut seed)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end())
        .map_err(|error| {
            LoadError::new(
                path,
                Some(error.line().max(1)),
                format!("not kiji's article JSON: {error}"),
            )
        })?;
    Ok(seed.count)
}

struct Articles<'a> {
    source: &'a str,
    visit: &'a mut dyn FnMut(Marked),
    count: usize,
}

impl Articles<'_> {
    fn take<E: serde::de::Error>(&mut self, json: ArticleJson) -> Result<(), E> {
        let marks = (json.read.is_some() || json.saved.is_some()).then(|| Marks {
            read: json.read.unwrap_or(false),
            saved: json.saved.unwrap_or(false),
        });
        let mut article = json.into_article().cleaned();
        self.count += 1;
        if article.headline.is_empty() || !article.has_text() {
            return Err(E::custom(format!(
                "article {}: no headline or no body",
                self.count
            )));
        }
        article.source = Some(self.source.to_owned());
        (self.visit)((article, marks));
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for &mut Articles<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Articles<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an article, or an array of articles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(json) = seq.next_element::<ArticleJson>()? {
            self.take(json)?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let json = ArticleJson::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        self.take(json)
    }
}
