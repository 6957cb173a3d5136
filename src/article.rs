//! The article: what a dump of a news page says, as plain data.
//!
//! No I/O and no terminal here. Serialised with serde, this is the JSON that
//! `kiji parse` and `kiji list --json` print.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One news article, parsed from a dump.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identity: the normalised headline and publication time, so the
    /// same dump imported twice, or re-imported after an edit of its body, is
    /// one article.
    pub id: String,
    pub headline: String,
    /// The photo caption; several photo blocks give one line each.
    pub caption: Option<String>,
    /// The dateline as a timestamp (JST, +09:00).
    pub published: Option<DateTime<FixedOffset>>,
    /// The dateline as printed on the page, which the reader shows.
    pub dateline: Option<String>,
    /// From the `"<Section>" POPULAR ARTICLE` header, or the breadcrumb.
    pub section: Option<String>,
    /// One entry per paragraph.
    pub body: Vec<String>,
    /// The section's Popular list, headline titles in order.
    pub popular: Vec<String>,
    /// The site-wide Access Ranking, headline titles in order.
    pub access_ranking: Vec<String>,
    /// The file the article was read from.
    pub source: Option<String>,
}

impl Article {
    /// Builds an article and gives it its stable id.
    pub fn new(headline: String, published: Option<DateTime<FixedOffset>>) -> Self {
        let id = article_id(&headline, published);
        Self {
            id,
            headline,
            caption: None,
            published,
            dateline: None,
            section: None,
            body: Vec::new(),
            popular: Vec::new(),
            access_ranking: Vec::new(),
            source: None,
        }
    }

    /// A fingerprint of everything a reader sees, so an import can tell an
    /// unchanged article from an edited one without comparing bodies.
    pub fn content_hash(&self) -> u64 {
        let mut hash = Fnv::new();
        hash.write(self.headline.as_bytes());
        for field in [&self.caption, &self.dateline, &self.section] {
            hash.write(field.as_deref().unwrap_or("\u{0}").as_bytes());
        }
        if let Some(published) = self.published {
            hash.write(&published.timestamp().to_le_bytes());
        }
        for list in [&self.body, &self.popular, &self.access_ranking] {
            hash.write(&list.len().to_le_bytes());
            for item in list {
                hash.write(item.as_bytes());
            }
        }
        hash.finish()
    }

    /// Writes the article back in the dump layout it was parsed from.
    pub fn to_dump(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.headline);
        out.push_str("\n\n");
        if let Some(caption) = &self.caption {
            out.push_str(caption);
            out.push('\n');
        }
        if let Some(dateline) = &self.dateline {
            out.push_str(dateline);
            out.push('\n');
        }
        for paragraph in &self.body {
            out.push_str(paragraph);
            out.push('\n');
        }
        if !self.popular.is_empty() || self.section.is_some() {
            let section = self.section.as_deref().unwrap_or("");
            let _ = writeln!(out, "\"{section}\" POPULAR ARTICLE");
            push_items(&mut out, &self.popular);
        }
        if !self.access_ranking.is_empty() {
            out.push_str("JN ACCESS RANKING\n");
            push_items(&mut out, &self.access_ranking);
        }
        out
    }
}

fn push_items(out: &mut String, items: &[String]) {
    for item in items {
        out.push_str("-\n");
        out.push_str(item);
        out.push('\n');
    }
}

/// The form of a headline used to match list items to stored articles:
/// case, quote style and runs of whitespace do not count.
pub fn headline_key(headline: &str) -> String {
    let mut key = String::with_capacity(headline.len());
    if headline.is_ascii() {
        // the common case, a byte at a time
        for word in headline.split_ascii_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            for &b in word.as_bytes() {
                key.push(match b {
                    b'`' => '\'',
                    b => char::from(b.to_ascii_lowercase()),
                });
            }
        }
        return key;
    }
    for word in headline.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{b4}' | '\u{2032}' => {
                    key.push('\'');
                }
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => key.push('"'),
                c => key.extend(c.to_lowercase()),
            }
        }
    }
    key
}

/// The stable id of an article with this headline and publication time.
pub fn article_id(headline: &str, published: Option<DateTime<FixedOffset>>) -> String {
    let mut hash = Fnv::new();
    hash.write(headline_key(headline).as_bytes());
    if let Some(published) = published {
        hash.write(&published.timestamp().to_le_bytes());
    }
    format!("{:016x}", hash.finish())
}

/// FNV-1a, 64-bit: stable across builds and platforms, unlike std's hasher,
/// which matters because ids and fingerprints are stored.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // a separator, so ("ab","c") and ("a","bc") differ
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_key_ignores_case_quotes_and_spacing() {
        assert_eq!(
            headline_key("Japan’s  Hopes for “Seafood”"),
            headline_key("japan's hopes FOR \"seafood\"")
        );
        assert_ne!(headline_key("Japan’s Hopes"), headline_key("Japan Hopes"));
    }

    #[test]
    fn id_is_stable_across_body_edits_but_not_headlines() {
        let mut a = Article::new("A Headline".into(), None);
        let b = Article::new("A Headline".into(), None);
        a.body.push("edited".into());
        assert_eq!(a.id, b.id);
        assert_ne!(a.content_hash(), b.content_hash());
        assert_ne!(a.id, Article::new("Another Headline".into(), None).id);
    }
}
