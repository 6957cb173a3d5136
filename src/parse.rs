//! Dump text → [`Article`]: a line classifier ([`line`]) feeding a small state
//! machine. Pure: no I/O, never panics, on any bytes.

mod dateline;
mod line;

use std::fmt;

use crate::article::{Article, Block, ListItem, Photo};
use crate::sanitize;
pub use dateline::parse_dateline;
use line::{Line, ListKind, classify};

/// Dumps larger than this are refused rather than loaded: no news page is
/// anywhere near it, so such a file is a mistake or an attack.
pub const MAX_DUMP_BYTES: usize = 16 * 1024 * 1024;

/// Why a file is not an article, and the line that shows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct ParseError {
    pub line: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    #[error("empty file, no text")]
    Empty,
    #[error("binary data, not text")]
    Binary,
    #[error("too large ({0} bytes; dumps are limited to 16 MB)")]
    TooLarge(usize),
    #[error("not an article: {0}")]
    NotAnArticle(&'static str),
}

/// Something the parser had to guess or repair; the article is still good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A parsed article and what was repaired on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<Warning>,
}

/// Parses the raw bytes of a dump: refuses binary and oversized input, and
/// decodes bytes that are not UTF-8 lossily, with a warning.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes.len() > MAX_DUMP_BYTES {
        return Err(ParseError {
            line: 1,
            kind: ParseErrorKind::TooLarge(bytes.len()),
        });
    }
    if let Some(at) = memchr_nul(bytes) {
        let line = line_of(bytes, at);
        return Err(ParseError {
            line,
            kind: ParseErrorKind::Binary,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str(text),
        Err(error) => {
            let line = line_of(bytes, error.valid_up_to());
            let text = String::from_utf8_lossy(bytes);
            if let Some(line) = binary_line(&text) {
                return Err(ParseError {
                    line,
                    kind: ParseErrorKind::Binary,
                });
            }
            let mut parsed = parse_str(&text)?;
            parsed.warnings.insert(
                0,
                Warning {
                    line: Some(line),
                    message: "not valid UTF-8; undecodable bytes were replaced".into(),
                },
            );
            Ok(parsed)
        }
    }
}

/// The 1-based line number of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count()
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// The first line of text that is mostly undecodable or control bytes, when
/// the whole is: such a file is binary, not a damaged dump.
fn binary_line(text: &str) -> Option<usize> {
    let junk = |c: char| c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    let total = text.chars().count();
    let bad = text.chars().filter(|&c| junk(c)).count();
    if bad < 4 || bad * 10 < total {
        return None;
    }
    text.lines()
        .position(|l| l.chars().any(junk))
        .map(|i| i + 1)
}

/// Parses the text of a dump.
pub fn parse_str(text: &str) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError {
            line: 1,
            kind: ParseErrorKind::Empty,
        });
    }
    let mut builder = Builder::default();
    let mut line_count = 0;
    for (index, raw) in text.split('\n').enumerate() {
        line_count = index + 1;
        let cleaned = sanitize::clean(raw);
        builder.line(line_count, cleaned.trim());
    }
    builder.finish(line_count)
}

/// What the state machine is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    /// Before the headline: navigation, breadcrumbs, hashtags.
    #[default]
    Preamble,
    /// After the headline, before the dateline: captions, credits, and (when
    /// no dateline ever comes) the body.
    Pending,
    Body,
    Popular,
    Ranking,
    /// A list or block that is page furniture, not the article's.
    Ignored,
}

/// The previous non-blank line, which decides what a credit line attaches to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Previous {
    #[default]
    Nothing,
    Text,
    Credit,
}

/// A line between the headline and the dateline, held until we know whether
/// a dateline follows (then it is a caption) or not (then it is body, unless
/// a credit marks it as a caption).
#[derive(Debug)]
struct Held {
    text: String,
    caption: bool,
}

#[derive(Debug, Default)]
struct Builder {
    state: State,
    previous: Previous,
    headline: Option<String>,
    headline_line: usize,
    held: Vec<Held>,
    captions: Vec<String>,
    published: Option<chrono::DateTime<chrono::FixedOffset>>,
    dateline: Option<String>,
    datelines_seen: usize,
    index_page_line: usize,
    section: Option<String>,
    breadcrumb_section: Option<String>,
    body: Vec<String>,
    popular: Vec<String>,
    access_ranking: Vec<String>,
}

impl Builder {
    fn line(&mut self, number: usize, text: &str) {
        let class = classify(text);
        let previous = match class {
            Line::Credit => Previous::Credit,
            Line::Text(_) | Line::DashItem(_) => Previous::Text,
            _ => Previous::Nothing,
        };
        match class {
            Line::Blank => return,
            Line::Furniture => {}
            Line::Dateline(published) => self.dateline(number, text, published),
            Line::ListHeader(kind) => self.list_header(kind),
            _ => match self.state {
                State::Preamble => self.preamble(number, text, &class),
                State::Pending => self.pending(text, &class),
                State::Body => self.body(text, &class),
                State::Popular | State::Ranking => self.list_item(text, &class),
                State::Ignored => {}
            },
        }
        self.previous = previous;
    }

    fn preamble(&mut self, number: usize, text: &str, class: &Line<'_>) {
        match class {
            Line::Breadcrumb(section) => {
                self.breadcrumb_section = (!section.is_empty()).then(|| (*section).to_owned());
            }
            Line::Credit => self.state = State::Pending,
            Line::Text(_) | Line::DashItem(_) => {
                self.headline = Some(text.to_owned());
                self.headline_line = number;
                self.state = State::Pending;
            }
            _ => {}
        }
    }

    fn pending(&mut self, text: &str, class: &Line<'_>) {
        match class {
            Line::Text(_) | Line::DashItem(_) => {
                // A credit right before the first held line (the photo block
                // under the headline) makes that line a caption.
                let caption = self.held.is_empty() && self.previous == Previous::Credit;
                self.held.push(Held {
                    text: text.to_owned(),
                    caption,
                });
            }
            Line::Credit if self.previous == Previous::Text => {
                if let Some(last) = self.held.last_mut() {
                    last.caption = true;
                }
            }
            _ => {}
        }
    }

    fn body(&mut self, text: &str, class: &Line<'_>) {
        match class {
            // topic hashtags are page furniture wherever they stand
            Line::Navigation if text.starts_with('#') => {}
            Line::Text(_) | Line::DashItem(_) | Line::Navigation | Line::Breadcrumb(_) => {
                self.body.push(text.to_owned());
            }
            // A credit right under a paragraph marks a photo block inside
            // the body: that "paragraph" was its caption.
            Line::Credit if self.previous == Previous::Text => {
                if let Some(caption) = self.body.pop() {
                    self.captions.push(caption);
                }
            }
            _ => {}
        }
    }

    fn list_item(&mut self, text: &str, class: &Line<'_>) {
        let item = match class {
            Line::Dash => return,
            Line::DashItem(item) => (*item).to_owned(),
            _ => text.to_owned(),
        };
        if self.state == State::Popular {
            self.popular.push(item);
        } else {
            self.access_ranking.push(item);
        }
    }

    fn dateline(
        &mut self,
        number: usize,
        text: &str,
        published: chrono::DateTime<chrono::FixedOffset>,
    ) {
        self.datelines_seen += 1;
        if self.datelines_seen == 3 {
            self.index_page_line = number;
        }
        if matches!(self.state, State::Preamble | State::Pending) {
            self.published = Some(published);
            self.dateline = Some(text.to_owned());
            self.captions
                .extend(self.held.drain(..).map(|held| held.text));
            self.state = State::Body;
        }
    }

    /// With no dateline, held lines are body except those a credit marked.
    fn settle_held(&mut self) {
        for held in self.held.drain(..) {
            if held.caption {
                self.captions.push(held.text);
            } else {
                self.body.push(held.text);
            }
        }
    }

    fn list_header(&mut self, kind: ListKind) {
        if matches!(self.state, State::Preamble | State::Pending) {
            self.settle_held();
        }
        self.state = match kind {
            ListKind::Popular(section) if self.popular.is_empty() => {
                if section.is_some() {
                    self.section = section;
                }
                State::Popular
            }
            ListKind::Ranking if self.access_ranking.is_empty() => State::Ranking,
            _ => State::Ignored,
        };
    }

    fn finish(mut self, last_line: usize) -> Result<Parsed, ParseError> {
        self.settle_held();
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
        if self.body.is_empty() {
            let line = if self.headline_line > 0 {
                self.headline_line
            } else {
                last_line
            };
            return Err(not_an_article(line, "no body text"));
        }
        let mut warnings = Vec::new();
        let headline = self.headline.take().unwrap_or_else(|| {
            warnings.push(Warning {
                line: None,
                message: "no headline; the first sentence of the body stands in for it".into(),
            });
            first_sentence(&self.body[0])
        });
        let mut article = Article::new(headline, self.published);
        let photos = self.captions.into_iter().map(|caption| {
            Block::Photo(Photo {
                credit: None,
                caption,
            })
        });
        article.body = photos
            .chain(self.body.into_iter().map(Block::from))
            .collect();
        article.dateline = self.dateline;
        article.section = self.section.or(self.breadcrumb_section);
        article.popular = self.popular.into_iter().map(ListItem::from).collect();
        article.access_ranking = self
            .access_ranking
            .into_iter()
            .map(ListItem::from)
            .collect();
        Ok(Parsed { article, warnings })
    }
}

/// The first sentence of a paragraph, cut at a word near 120 characters.
fn first_sentence(paragraph: &str) -> String {
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

#[cfg(test)]
mod tests;
