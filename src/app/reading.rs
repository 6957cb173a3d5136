//! The article being read. Its text is wrapped to the pane here, once per
//! width, and kept: the reading pane's cache, filled when the article opens
//! or the pane's width changes, so that scrolling and drawing never wrap.

use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::article::{Article, Block};
use crate::sanitize::clean;
use crate::search::Query;
use crate::store::ArticleKey;
use crate::time::{local_dateline, relative};

/// What a wrapped line is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Headline,
    /// Section, dateline and how long ago.
    Meta,
    /// A photo's caption.
    Caption,
    /// A photo's credit.
    Credit,
    /// A heading inside the body.
    Subhead,
    Body,
    Blank,
}

/// One line of the wrapped article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub kind: LineKind,
    pub text: String,
    /// Byte ranges of `text` that match the search, to highlight.
    pub matches: Vec<Range<usize>>,
}

impl ReaderLine {
    fn blank() -> Self {
        Self {
            kind: LineKind::Blank,
            text: String::new(),
            matches: Vec::new(),
        }
    }
}

/// The open article and where the reader is in it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub key: ArticleKey,
    pub article: Article,
    /// The first line shown.
    pub scroll: usize,
    /// The width `lines` were wrapped to.
    pub width: u16,
    /// The search whose matches are highlighted.
    pub query: Option<Query>,
    /// Times in this machine's zone rather than as printed.
    pub local_time: bool,
    pub lines: Vec<ReaderLine>,
}

impl Reading {
    pub fn new(
        key: ArticleKey,
        article: Article,
        query: Option<Query>,
        width: u16,
        now: DateTime<Utc>,
        local_time: bool,
    ) -> Self {
        let lines = wrap_article(&article, query.as_ref(), width, now, local_time);
        Self {
            key,
            article,
            scroll: 0,
            width,
            query,
            local_time,
            lines,
        }
    }

    /// Wraps again when the width or the search changed, keeping the reader
    /// near the same text.
    pub fn follow(&mut self, query: Option<&Query>, width: u16, now: DateTime<Utc>) {
        if width == self.width && query == self.query.as_ref() {
            return;
        }
        let fraction = self.scroll as f64 / self.lines.len().max(1) as f64;
        self.query = query.cloned();
        self.lines = wrap_article(
            &self.article,
            self.query.as_ref(),
            width,
            now,
            self.local_time,
        );
        self.width = width;
        self.scroll = (fraction * self.lines.len() as f64) as usize;
    }

    /// Scrolls to the next (or previous) line holding a match, a couple of
    /// lines from the top for context. Returns whether there was one.
    pub fn jump_to_match(&mut self, forward: bool) -> bool {
        const CONTEXT: usize = 2;
        let current = self.scroll + CONTEXT;
        let has_match = |(_, line): &(usize, &ReaderLine)| !line.matches.is_empty();
        let mut lines = self.lines.iter().enumerate();
        let found = if forward {
            lines.find(|entry| entry.0 > current && has_match(entry))
        } else {
            lines
                .rev()
                .find(|entry| entry.0 < current && has_match(entry))
        };
        match found {
            Some((index, _)) => {
                self.scroll = index.saturating_sub(CONTEXT);
                true
            }
            None => false,
        }
    }

    /// The furthest scroll that still fills a pane of `rows`.
    pub fn max_scroll(&self, rows: usize) -> usize {
        self.lines.len().saturating_sub(rows)
    }
}

/// The article as lines no wider than `width` display columns: headline,
/// meta line, the first photo's caption, then the body — paragraphs,
/// subheads and the other photos — with a blank line between blocks.
pub fn wrap_article(
    article: &Article,
    query: Option<&Query>,
    width: u16,
    now: DateTime<Utc>,
    local_time: bool,
) -> Vec<ReaderLine> {
    let mut wrap = Wrapper {
        lines: Vec::new(),
        query,
        width: usize::from(width.max(1)),
    };
    wrap.push(LineKind::Headline, &article.headline);
    let meta = meta_line(article, now, local_time);
    if !meta.is_empty() {
        wrap.push(LineKind::Meta, &meta);
    }
    if let Some(byline) = &article.byline {
        wrap.push(LineKind::Meta, byline);
    }
    if let Some(url) = &article.url {
        wrap.push(LineKind::Meta, &super::host_of(url));
    }
    // the first photo heads the article; the others stand where they stood
    let first_photo = article
        .body
        .iter()
        .position(|block| matches!(block, Block::Photo(_)));
    let first = first_photo.map(|at| &article.body[at]);
    let rest = article
        .body
        .iter()
        .enumerate()
        .filter(|(at, _)| Some(*at) != first_photo)
        .map(|(_, block)| block);
    for block in first.into_iter().chain(rest) {
        wrap.lines.push(ReaderLine::blank());
        match block {
            Block::Paragraph { text } => wrap.push(LineKind::Body, text),
            Block::Subhead { text } => wrap.push(LineKind::Subhead, text),
            Block::Photo(photo) => {
                if let Some(credit) = &photo.credit {
                    wrap.push(LineKind::Credit, credit);
                }
                wrap.push(LineKind::Caption, &photo.caption);
            }
        }
    }
    wrap.lines
}

struct Wrapper<'a> {
    lines: Vec<ReaderLine>,
    query: Option<&'a Query>,
    width: usize,
}

impl Wrapper<'_> {
    /// Wraps one paragraph, carrying its search matches onto the lines.
    fn push(&mut self, kind: LineKind, text: &str) {
        let text = clean(text);
        let matches = self.query.map(|q| q.matches(&text)).unwrap_or_default();
        for line in crate::text::wrap(&text, self.width) {
            let (start, end) = (line.start, line.end);
            let on_line = matches
                .iter()
                .filter(|m| m.start < end && m.end > start)
                .map(|m| m.start.max(start) - start..m.end.min(end) - start)
                .collect();
            self.lines.push(ReaderLine {
                kind,
                text: text[line].to_owned(),
                matches: on_line,
            });
        }
    }
}

/// `Politics · 12:48 JST, February 6, 2024 · 3 days ago`; with
/// `local_time`, the time in this machine's zone instead of as printed.
pub fn meta_line(article: &Article, now: DateTime<Utc>, local_time: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(section) = &article.section {
        parts.push(section.clone());
    }
    match (local_time, article.published) {
        (true, Some(published)) => parts.push(local_dateline(published)),
        _ => parts.extend(article.dateline.clone()),
    }
    if let Some(published) = article.published {
        parts.push(relative(published.with_timezone(&Utc), now));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_str;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 2, 9, 3, 48, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn wraps_to_the_width_with_blank_lines_between_paragraphs() {
        let article = parse_str(include_str!("../../sample_data/000_6c6944616e88b9e8.txt"))
            .expect("seed")
            .article;
        let lines = wrap_article(&article, None, 40, now(), false);
        assert!(
            lines
                .iter()
                .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 40)
        );
        assert_eq!(lines[0].kind, LineKind::Headline);
        let meta = lines
            .iter()
            .find(|l| l.kind == LineKind::Meta)
            .expect("meta");
        assert!(
            meta.text.starts_with("Politics · 12:48 JST,"),
            "{}",
            meta.text
        );
        // one before the caption, one before each paragraph
        assert_eq!(
            lines.iter().filter(|l| l.kind == LineKind::Blank).count(),
            article.paragraphs().count() + 1
        );
        let meta_text: String = lines
            .iter()
            .filter(|l| l.kind == LineKind::Meta)
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(meta_text.ends_with("3 days ago"), "{meta_text}");
    }

    #[test]
    fn rewrapping_keeps_the_place() {
        let article = parse_str(include_str!("../../sample_data/000_6c6944616e88b9e8.txt"))
            .expect("seed")
            .article;
        let mut reading = Reading::new(ArticleKey(1), article, None, 30, now(), false);
        reading.scroll = reading.lines.len() / 2;
        reading.follow(None, 60, now());
        assert_eq!(reading.width, 60);
        let half = reading.lines.len() / 2;
        assert!(
            reading.scroll.abs_diff(half) <= 2,
            "{} vs {half}",
            reading.scroll
        );
    }
}
