//! Dump text → [`Article`]: a line classifier ([`line`]) feeding a small state
//! machine. Pure: no I/O, never panics, on any bytes.

mod builder;
mod dateline;
mod front_matter;
mod line;
mod markup;
mod render;

use std::borrow::Cow;
use std::fmt;

use crate::article::Article;
use crate::sanitize;
use builder::{Builder, Classified, find_headline};
pub use dateline::parse_dateline;
use line::{Line, classify};
use render::Mark;

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
    // a stray NUL in a good article is dropped like any control; a file
    // that is largely NULs and control bytes is binary
    let nul = memchr_nul(bytes);
    if let Some(at) = nul
        && mostly_control(bytes)
    {
        return Err(ParseError {
            line: line_of(bytes, at),
            kind: ParseErrorKind::Binary,
        });
    }
    let mut parsed = parse_text(bytes)?;
    if let Some(at) = nul {
        parsed.warnings.insert(
            0,
            Warning {
                line: Some(line_of(bytes, at)),
                message: "NUL bytes in the text were removed".into(),
            },
        );
    }
    Ok(parsed)
}

/// Whether a tenth or more of the bytes are NULs or other control bytes
/// (tabs and line ends aside).
fn mostly_control(bytes: &[u8]) -> bool {
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
        .count();
    control * 10 >= bytes.len()
}

/// Text that may not be UTF-8, parsed: undecodable bytes replaced, with a
/// warning, unless the text is mostly such bytes.
fn parse_text(bytes: &[u8]) -> Result<Parsed, ParseError> {
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

/// Whether a line names a photo's source: `The Yomiuri Shimbun`,
/// `Reuters`, `Courtesy of …`.
pub fn is_credit(text: &str) -> bool {
    matches!(classify(text.trim()), Line::Credit)
}

/// The section a Popular list's heading names: `"Politics" POPULAR ARTICLE`.
pub fn popular_section(heading: &str) -> Option<String> {
    match classify(&sanitize::clean(heading.trim())) {
        Line::ListHeader(line::ListKind::Popular(section)) => section,
        _ => None,
    }
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
    let (mut units, front, line_count) = render::units(text);
    for unit in &mut units {
        if let Cow::Owned(cleaned) = sanitize::clean(&unit.text) {
            unit.text = Cow::Owned(cleaned.trim().to_owned());
        }
    }
    let lines: Vec<Classified<'_>> = units
        .iter()
        .map(|unit| {
            let text = unit.text.as_ref();
            let class = match unit.mark {
                Mark::Image => Line::Furniture,
                _ => classify(text),
            };
            Classified {
                line: unit.line,
                class,
                text,
                bullet: unit.mark == Mark::Bullet,
                heading: match unit.mark {
                    Mark::Heading(level) => Some(level),
                    _ => None,
                },
                url: unit.url.as_deref(),
            }
        })
        .collect();
    let mut builder = Builder::new(find_headline(&lines));
    for (index, line) in lines.iter().enumerate() {
        builder.take(index, line);
    }
    let (mut article, mut warnings) = builder.finish(line_count)?;
    front_matter::fill(&mut article, &front, &mut warnings);
    Ok(Parsed { article, warnings })
}

#[cfg(test)]
mod tests;
