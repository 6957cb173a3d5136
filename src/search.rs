//! Search queries: what people type (`yen`, `"exact phrase"`, `-word`,
//! `yen*`), made into an FTS5 query that can never be a syntax error, and the
//! same rules applied to text for highlighting and snippets.
//!
//! Text is matched as the store's index tokenises it: runs of letters and
//! digits, compared without case or diacritics (`Otani` finds `Ōtani`), and
//! each CJK character on its own, so a CJK word is a phrase of characters.

use std::ops::Range;

mod words;
#[cfg(test)]
use words::fold;
pub use words::{Words, index_text, is_cjk, tokens};

/// Characters a word being typed needs before it matches as a prefix.
const MIN_PREFIX: usize = 3;
/// Terms a query holds at most; later ones are left out, and said to be:
/// each term is one more index lookup to intersect, and a few hundred
/// prefixes made a search take minutes.
pub const MAX_TERMS: usize = 10;
/// Words a phrase holds at most.
const MAX_PHRASE: usize = 10;

/// One thing to look for: a word, or a phrase of several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded tokens, in order.
    pub tokens: Vec<String>,
    /// `yen*`: the last token may be the start of a longer word.
    pub prefix: bool,
}

/// A parsed query: terms that must all match, and terms that must not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// What was typed, for showing back.
    pub text: String,
    pub include: Vec<Term>,
    pub exclude: Vec<Term>,
    /// Terms left out past [`MAX_TERMS`] (a term given twice counts once).
    pub dropped: usize,
}

impl Query {
    /// Parses a query. Anything FTS5 would reject (a lone quote, `AND AND`,
    /// stray operators) is read as plain words.
    pub fn parse(text: &str) -> Self {
        let mut query = Self {
            text: text.to_owned(),
            ..Self::default()
        };
        let quotes = text.matches('"').count();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let negated = rest.starts_with('-') && rest.len() > 1;
            if negated {
                rest = &rest[1..];
            }
            // a quote opens a phrase only when it has a partner
            let (raw, phrase) = if rest.starts_with('"') && quotes >= 2 {
                let body = &rest[1..];
                let end = body.find('"').unwrap_or(body.len());
                let phrase = &body[..end];
                rest = body.get(end + 1..).unwrap_or("");
                (phrase, true)
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let word = &rest[..end];
                rest = &rest[end..];
                (word, false)
            };
            let mut tokens: Vec<String> = tokens(raw).into_iter().map(|(_, t)| t).collect();
            tokens.truncate(MAX_PHRASE);
            // `y*` would match nearly every article: a prefix needs three
            // characters, as one being typed does
            let prefix = !phrase
                && raw.ends_with('*')
                && tokens
                    .last()
                    .is_some_and(|t| t.chars().count() >= MIN_PREFIX);
            if tokens.is_empty() {
                continue;
            }
            query.add(Term { tokens, prefix }, negated);
        }
        query
    }

    /// Adds a term, unless it is there already or the query is full.
    fn add(&mut self, term: Term, negated: bool) {
        if self.include.contains(&term) || self.exclude.contains(&term) {
            return;
        }
        if self.include.len() + self.exclude.len() == MAX_TERMS {
            self.dropped += 1;
            return;
        }
        if negated {
            self.exclude.push(term);
        } else {
            self.include.push(term);
        }
    }

    /// What to tell someone whose query was cut short, if it was.
    pub fn cut_short(&self) -> Option<String> {
        (self.dropped > 0).then(|| {
            format!(
                "searched for the first {MAX_TERMS} words; {} more left out",
                self.dropped
            )
        })
    }

    /// Parses a query still being typed: the word under the cursor may be
    /// the start of a longer one, so it matches as a prefix.
    pub fn parse_typing(text: &str) -> Self {
        let mut query = Self::parse(text);
        let mid_word = text.ends_with(|c: char| !c.is_whitespace() && c != '"');
        // one or two letters would match nearly everything as a prefix:
        // until the third, they are taken as whole words
        let last_is_word = text.rsplit(char::is_whitespace).next().is_some_and(|word| {
            !word.starts_with('-') && !word.starts_with('"') && word.chars().count() >= MIN_PREFIX
        });
        if mid_word
            && last_is_word
            && query.dropped == 0
            && let Some(term) = query.include.last_mut()
        {
            term.prefix = true;
        }
        query
    }

    /// Nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty()
    }

    /// The FTS5 MATCH expression; `None` when there is nothing to match
    /// (an empty query, or only exclusions). Every token is quoted, so no
    /// input can be an FTS5 syntax error.
    pub fn to_fts(&self) -> Option<String> {
        if self.include.is_empty() {
            return None;
        }
        Some(self.excluding(joined(&self.include, " AND ")))
    }

    /// The query split in two tiers that together match what
    /// [`Query::to_fts`] matches: articles with every term in the headline,
    /// then the others. The first is for the index of headlines alone and
    /// leaves exclusions to [`Query::to_fts_excluded`] (an excluded word
    /// may be in the body); the second is for the index of whole articles.
    /// Ranking the headline tier first puts headline matches above body
    /// matches, and spares ranking the (often far larger) body tier until
    /// the list is scrolled that far.
    pub fn to_fts_tiers(&self) -> Option<[String; 2]> {
        if self.include.is_empty() {
            return None;
        }
        let all = joined(&self.include, " AND ");
        let body = self.excluding(format!("({all}) NOT {{headline}} : ({all})"));
        Some([all, body])
    }

    /// The MATCH expression for any of the excluded terms: what a query of
    /// exclusions only leaves out, and what the headline tier leaves out;
    /// `None` without any.
    pub fn to_fts_excluded(&self) -> Option<String> {
        (!self.exclude.is_empty()).then(|| joined(&self.exclude, " OR "))
    }

    /// `fts` with every excluded term taken out.
    fn excluding(&self, fts: String) -> String {
        self.exclude
            .iter()
            .fold(fts, |fts, term| format!("({fts}) NOT {}", quote(term)))
    }

    /// Where the query's terms stand in `text`, as byte ranges, in order.
    pub fn matches(&self, text: &str) -> Vec<Range<usize>> {
        if self.include.is_empty() {
            return Vec::new();
        }
        let words = tokens(text);
        let mut ranges = Vec::new();
        for start in 0..words.len() {
            for term in &self.include {
                if let Some(end) = term_at(term, &words, start) {
                    ranges.push(words[start].0.start..words[end].0.end);
                }
            }
        }
        ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        ranges.dedup_by(|later, earlier| later.start < earlier.end);
        ranges
    }

    /// A line of about `width` characters around the first match in the
    /// paragraphs, with `…` where it was cut; `None` when nothing matches.
    pub fn snippet<'a>(
        &self,
        paragraphs: impl IntoIterator<Item = &'a str>,
        width: usize,
    ) -> Option<String> {
        for paragraph in paragraphs {
            if let Some(hit) = self.matches(paragraph).first() {
                return Some(cut_around(paragraph, hit.clone(), width));
            }
        }
        None
    }
}

/// The start of the first of the paragraphs that has any text, about
/// `width` characters: a snippet where no paragraph matches.
pub fn opening<'a>(paragraphs: impl IntoIterator<Item = &'a str>, width: usize) -> Option<String> {
    paragraphs
        .into_iter()
        .find(|p| !p.trim().is_empty())
        .map(|paragraph| cut_around(paragraph, 0..0, width))
}

/// A term in FTS5 syntax: its tokens quoted, as a phrase, `*` for a prefix.
fn quote(term: &Term) -> String {
    let phrase = term
        .tokens
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(" + ");
    if term.prefix {
        format!("{phrase}*")
    } else {
        phrase
    }
}

/// Terms in FTS5 syntax joined by an operator.
fn joined(terms: &[Term], operator: &str) -> String {
    terms.iter().map(quote).collect::<Vec<_>>().join(operator)
}

/// The index of the last word of `term` when it matches at `start`.
fn term_at(term: &Term, words: &[(Range<usize>, String)], start: usize) -> Option<usize> {
    let end = start + term.tokens.len() - 1;
    if end >= words.len() {
        return None;
    }
    let last = term.tokens.len() - 1;
    let all = term.tokens.iter().enumerate().all(|(i, token)| {
        let word = &words[start + i].1;
        if i == last && term.prefix {
            word.starts_with(token.as_str())
        } else {
            word == token
        }
    });
    all.then_some(end)
}

fn cut_around(text: &str, hit: Range<usize>, width: usize) -> String {
    let before = width / 3;
    let mut start = hit.start;
    for (count, (index, _)) in text[..hit.start].char_indices().rev().enumerate() {
        if count >= before {
            break;
        }
        start = index;
    }
    // begin at a word
    if start > 0
        && let Some(space) = text[start..hit.start].find(' ')
    {
        start += space + 1;
    }
    let end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(index, _)| start + index);
    let mut snippet = String::new();
    if start > 0 {
        snippet.push('…');
    }
    snippet.push_str(text[start..end].trim());
    if end < text.len() {
        snippet.push('…');
    }
    snippet
}

#[cfg(test)]
mod tests;
