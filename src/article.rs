//! The article: what a news page says, as plain data — the headline, the
//! dateline, the body as blocks in order (paragraphs, subheads, photos with
//! their credit and caption), the page's Popular and Access Ranking lists,
//! and where and when the page was captured.
//!
//! No I/O and no terminal here. [`json`] gives the JSON shape that `kiji
//! parse`, `kiji list --json` and `kiji export` print.

mod clean;
mod dump;
pub mod json;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identity: the normalised headline and publication time, so the
    /// same page imported twice, or re-imported after an edit of its body, is
    /// one article.
    pub id: String,
    pub headline: String,
    /// The dateline as a timestamp (JST, +09:00).
    pub published: Option<DateTime<FixedOffset>>,
    /// The dateline as printed on the page, which the reader shows.
    pub dateline: Option<String>,
    /// From the `"<Section>" POPULAR ARTICLE` header, or the breadcrumb.
    pub section: Option<String>,
    /// `By Name / Yomiuri Shimbun Staff Writer`, as the page prints it.
    pub byline: Option<String>,
    /// The page's own address, where it is known.
    pub url: Option<String>,
    /// Paragraphs, subheads and photos, in the order the page has them.
    pub body: Vec<Block>,
    /// The section's Popular list as the page showed it.
    pub popular: Vec<ListItem>,
    /// The site-wide Access Ranking as the page showed it.
    pub access_ranking: Vec<ListItem>,
    /// The file or URL the article was read from.
    pub source: Option<String>,
    /// What kind of thing it was read from.
    pub origin: Origin,
    /// When the page was captured: the file's time, or when it was fetched.
    /// The lists are the site's as of then.
    pub captured: Option<DateTime<Utc>>,
}

/// A piece of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: String,
    },
    /// A heading inside the body.
    Subhead {
        text: String,
    },
    Photo(Photo),
}

/// A photo as the page prints it: the credit line and the caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// `The Yomiuri Shimbun`, `Reuters`, `Courtesy of …`.
    pub credit: Option<String>,
    pub caption: String,
}

/// An item of a Popular or Access Ranking list: a headline, and the address
/// it links to where the page gave one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The text of a page: a dump a person saved, or a tool's rendering.
    #[default]
    Dump,
    /// The page itself, as HTML.
    Page,
    /// An item of a feed kiji follows.
    Feed,
}

impl Origin {
    /// The word the store and the JSON use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dump => "dump",
            Self::Page => "page",
            Self::Feed => "feed",
        }
    }

    /// The origin a stored word names; a dump for anything else.
    pub fn from_word(word: &str) -> Self {
        match word {
            "page" => Self::Page,
            "feed" => Self::Feed,
            _ => Self::Dump,
        }
    }
}

impl Block {
    /// The text of a paragraph or subhead; `None` for a photo.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Paragraph { text } | Self::Subhead { text } => Some(text),
            Self::Photo(_) => None,
        }
    }

    /// The words a reader sees in the block: its text, or a photo's
    /// caption. What a search finds and a snippet quotes.
    pub fn words(&self) -> &str {
        match self {
            Self::Paragraph { text } | Self::Subhead { text } => text,
            Self::Photo(photo) => &photo.caption,
        }
    }

    /// A paragraph of `text`.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Self::Paragraph { text: text.into() }
    }
}

/// The words of a body a search looks through for a snippet: the text
/// first, then the photos' captions.
pub fn words_of(body: &[Block]) -> impl Iterator<Item = &str> {
    let captions = body.iter().filter_map(|block| match block {
        Block::Photo(photo) => Some(photo.caption.as_str()),
        _ => None,
    });
    body.iter().filter_map(Block::text).chain(captions)
}

impl From<&str> for Block {
    fn from(text: &str) -> Self {
        Self::paragraph(text)
    }
}

impl From<String> for Block {
    fn from(text: String) -> Self {
        Self::paragraph(text)
    }
}

impl PartialEq<&str> for Block {
    fn eq(&self, other: &&str) -> bool {
        self.text() == Some(*other)
    }
}

impl PartialEq<str> for Block {
    fn eq(&self, other: &str) -> bool {
        self.text() == Some(other)
    }
}

impl ListItem {
    /// An item with no address.
    pub fn titled(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: None,
        }
    }
}

impl From<&str> for ListItem {
    fn from(title: &str) -> Self {
        Self::titled(title)
    }
}

impl From<String> for ListItem {
    fn from(title: String) -> Self {
        Self::titled(title)
    }
}

impl PartialEq<&str> for ListItem {
    fn eq(&self, other: &&str) -> bool {
        self.title == *other
    }
}

impl PartialEq<str> for ListItem {
    fn eq(&self, other: &str) -> bool {
        self.title == other
    }
}

impl Article {
    /// Builds an article and gives it its stable id.
    pub fn new(headline: String, published: Option<DateTime<FixedOffset>>) -> Self {
        let id = article_id(&headline, published);
        Self {
            id,
            headline,
            published,
            dateline: None,
            section: None,
            byline: None,
            url: None,
            body: Vec::new(),
            popular: Vec::new(),
            access_ranking: Vec::new(),
            source: None,
            origin: Origin::Dump,
            captured: None,
        }
    }

    /// The text of the body: paragraphs and subheads, in order, without the
    /// photos.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.iter().filter_map(Block::text)
    }

    /// The photos, in order.
    pub fn photos(&self) -> impl Iterator<Item = &Photo> {
        self.body.iter().filter_map(|block| match block {
            Block::Photo(photo) => Some(photo),
            _ => None,
        })
    }

    /// The caption shown above the body: the first photo's.
    pub fn caption(&self) -> Option<&str> {
        self.photos().next().map(|photo| photo.caption.as_str())
    }

    /// Whether the body holds any text besides photos.
    pub fn has_text(&self) -> bool {
        self.paragraphs().next().is_some()
    }

    /// A fingerprint of everything a reader sees, so an import can tell an
    /// unchanged article from an edited one without comparing bodies.
    pub fn content_hash(&self) -> u64 {
        let mut hash = Fnv::new();
        hash.write(self.headline.as_bytes());
        for field in [&self.dateline, &self.section, &self.byline, &self.url] {
            hash.write(field.as_deref().unwrap_or("\u{0}").as_bytes());
        }
        if let Some(published) = self.published {
            hash.write(&published.timestamp().to_le_bytes());
        }
        hash.write(&self.body.len().to_le_bytes());
        for block in &self.body {
            match block {
                Block::Paragraph { text } => hash.write(text.as_bytes()),
                Block::Subhead { text } => {
                    hash.write(b"\x01");
                    hash.write(text.as_bytes());
                }
                Block::Photo(photo) => {
                    hash.write(b"\x02");
                    hash.write(photo.credit.as_deref().unwrap_or("").as_bytes());
                    hash.write(photo.caption.as_bytes());
                }
            }
        }
        for list in [&self.popular, &self.access_ranking] {
            hash.write(&list.len().to_le_bytes());
            for item in list {
                hash.write(item.title.as_bytes());
                hash.write(item.url.as_deref().unwrap_or("").as_bytes());
            }
        }
        hash.finish()
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
    if headline.is_ascii() {
        // the key's bytes as `headline_key` makes them, without making it
        for (index, word) in headline.split_ascii_whitespace().enumerate() {
            if index > 0 {
                hash.add(b' ');
            }
            for &b in word.as_bytes() {
                hash.add(if b == b'`' {
                    b'\''
                } else {
                    b.to_ascii_lowercase()
                });
            }
        }
        hash.end();
    } else {
        hash.write(headline_key(headline).as_bytes());
    }
    if let Some(published) = published {
        hash.write(&published.timestamp().to_le_bytes());
    }
    format!("{:016x}", hash.finish())
}

/// FNV-1a, 64-bit: stable across builds and platforms, unlike std's hasher,
/// which matters because ids and fingerprints are stored.
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(b);
        }
        self.end();
    }

    fn add(&mut self, byte: u8) {
        self.0 ^= u64::from(byte);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    /// A separator after each field, so ("ab","c") and ("a","bc") differ.
    fn end(&mut self) {
        self.add(0xff);
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests;
