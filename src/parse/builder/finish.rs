//! The end of a page: the article made from what was read, the page
//! refused when it is no article, and what can only be told once all of it
//! is read — subheads, and a story whose text came before its dateline.

use super::Builder;
use crate::article::{Article, Block, Photo};
use crate::parse::{ParseError, ParseErrorKind, Warning};

impl Builder {
    /// The article, or why the lines are none.
    pub fn finish(mut self, last_line: usize) -> Result<(Article, Vec<Warning>), ParseError> {
        self.settle_held();
        self.refuse_what_is_no_article(last_line)?;
        let mut warnings = Vec::new();
        let headline = if let Some(headline) = self.headline.take() {
            headline
        } else {
            warnings.push(Warning {
                line: None,
                message: "no headline; it was inferred from the first sentence of the body".into(),
            });
            let first = self
                .body
                .iter()
                .find_map(Block::text)
                .or_else(|| self.body.first().map(Block::words))
                .unwrap_or_default();
            first_sentence(first)
        };
        let mut article = Article::new(headline, self.published);
        article.body = subheads(self.body);
        article.dateline = self.dateline;
        article.byline = self.byline;
        article.url = self.url;
        article.section = self.section.or(self.breadcrumb_section);
        article.popular = self.popular;
        article.access_ranking = self.access_ranking;
        Ok((article, warnings))
    }

    /// Refuses pages that are not articles: section indexes, image
    /// attachment pages, pages with no text.
    fn refuse_what_is_no_article(&mut self, last_line: usize) -> Result<(), ParseError> {
        let not_an_article = |line, why| ParseError {
            line,
            kind: ParseErrorKind::NotAnArticle(why),
        };
        if self.datelines_seen >= 3 {
            return Err(not_an_article(
                self.index_page_line,
                "a page of teasers with many datelines, like a section index",
            ));
        }
        if let Some(line) = self.image_file_line
            && self.new_contents
        {
            return Err(not_an_article(line, "an image attachment page"));
        }
        let has_text = self.body.iter().any(|b| b.text().is_some());
        if !has_text && self.dateline.is_none() && self.stray_items >= 5 {
            let line = self.headline_line.max(1);
            return Err(not_an_article(
                line,
                "lists of links and headlines with no article text, like a section index",
            ));
        }
        // text before a dateline with no credit was text after all
        if !has_text && self.photos_are_text() {
            return Ok(());
        }
        // a photo story with a headline: its captions are all its text
        if !has_text && (self.body.is_empty() || self.headline.is_none()) {
            let line = if self.headline_line > 0 {
                self.headline_line
            } else {
                last_line
            };
            return Err(not_an_article(line, "no body text"));
        }
        Ok(())
    }

    /// With no paragraph in the body, the photos no credit introduced are
    /// paragraphs: a one-paragraph story whose text came before its
    /// dateline. Returns whether any were.
    fn photos_are_text(&mut self) -> bool {
        let mut any = false;
        for block in &mut self.body {
            if let Block::Photo(Photo {
                credit: None,
                caption,
            }) = block
            {
                *block = Block::paragraph(std::mem::take(caption));
                any = true;
            }
        }
        any
    }
}

/// Paragraphs that are subheads: short, unpunctuated lines with a
/// paragraph after them (a renderer's `h2` is a line of its own like any
/// other).
fn subheads(mut body: Vec<Block>) -> Vec<Block> {
    for at in 0..body.len().saturating_sub(1) {
        let next_is_text = matches!(body[at + 1], Block::Paragraph { .. });
        if let Block::Paragraph { text } = &body[at]
            && next_is_text
            && looks_like_subhead(text)
        {
            body[at] = Block::Subhead { text: text.clone() };
        }
    }
    body
}

/// Short, no more than eight words, beginning with a capital and ending
/// with no punctuation a sentence ends with.
fn looks_like_subhead(text: &str) -> bool {
    if text.len() > 70 {
        return false;
    }
    let words = text.split_whitespace().count();
    let starts = text.chars().next().is_some_and(char::is_uppercase);
    let ends = text.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '\u{201d}' | '\u{2019}' | ')' | '」' | '。'
        )
    });
    starts && !ends && (2..=8).contains(&words) && text.len() <= 70
}

/// The first sentence of a paragraph, cut at a word near 120 characters.
pub(super) fn first_sentence(paragraph: &str) -> String {
    const LIMIT: usize = 120;
    let end = paragraph
        .char_indices()
        .find(|&(i, c)| {
            c == '。' || (matches!(c, '.' | '?' | '!') && paragraph[i + 1..].starts_with(' '))
        })
        .map_or(paragraph.len(), |(i, c)| i + c.len_utf8());
    let sentence = &paragraph[..end];
    if sentence.chars().count() <= LIMIT {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(LIMIT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
