//! The words of a text as the index sees them: runs of letters and digits
//! folded without case or diacritics, and each CJK character on its own.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// True for characters the index takes one at a time: kana, CJK
/// ideographs and Hangul have no spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{ff66}'..='\u{ff9f}'
            | '\u{ac00}'..='\u{d7af}'
            | '\u{20000}'..='\u{2ffff}')
}

/// A character without case or diacritics: `Ō` → `o`.
pub(super) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = c.nfd().next().unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// The words of a text as the index sees them: byte range and folded form.
pub fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut split = Words::of(text);
    let mut words = Vec::new();
    let mut word = String::new();
    while let Some(range) = split.next_into(&mut word) {
        words.push((range, word.clone()));
    }
    words
}

/// How a character stands in a word.
#[derive(PartialEq, Eq)]
enum Kind {
    /// A letter or digit, part of a run.
    Run,
    /// A CJK character, a word on its own.
    Alone,
    Between,
}

fn kind(c: char) -> Kind {
    if c.is_ascii() {
        // most text, told apart without Unicode's tables
        return if c.is_ascii_alphanumeric() {
            Kind::Run
        } else {
            Kind::Between
        };
    }
    if is_cjk(c) {
        Kind::Alone
    } else if c.is_alphanumeric() {
        Kind::Run
    } else {
        Kind::Between
    }
}

/// A text's words read one at a time into a buffer the caller keeps, as
/// the index of words reads every article's: a string a word took a fifth
/// of an import's time in allocating and freeing.
pub struct Words<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
}

impl<'a> Words<'a> {
    pub fn of(text: &'a str) -> Self {
        Self { text, at: 0 }
    }

    /// Writes the next word, folded, into `word` in place of what it held,
    /// and gives where it stands in the text; `None` after the last.
    pub fn next_into(&mut self, word: &mut String) -> Option<Range<usize>> {
        let (skipped, first) = self.text[self.at..]
            .char_indices()
            .find(|&(_, c)| kind(c) != Kind::Between)?;
        let start = self.at + skipped;
        word.clear();
        word.push(fold(first));
        let mut end = start + first.len_utf8();
        if kind(first) == Kind::Run {
            for c in self.text[end..]
                .chars()
                .take_while(|&c| kind(c) == Kind::Run)
            {
                word.push(fold(c));
                end += c.len_utf8();
            }
        }
        self.at = end;
        Some(start..end)
    }
}

/// Text as it goes into the index: CJK characters spaced apart so the
/// tokenizer takes each on its own.
pub fn index_text(text: &str) -> String {
    if !text.chars().any(is_cjk) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}
