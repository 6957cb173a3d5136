//! The index of words' tokenizer: text split into words as the store's
//! FTS5 index and a query split it.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Splits text as the store's FTS5 index does, and as
/// [`crate::search::tokens`] does for a query: runs of letters and digits
/// without case or diacritics, each CJK character on its own. It writes
/// each word into one buffer, as tantivy's own tokenizers do: a string
/// a word took a fifth of an import's time in allocating and freeing.
#[derive(Clone, Default)]
pub(super) struct WordTokenizer;

pub(super) struct WordStream<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            text,
            at: 0,
            token: Token::default(),
        }
    }
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
    if crate::search::is_cjk(c) {
        Kind::Alone
    } else if c.is_alphanumeric() {
        Kind::Run
    } else {
        Kind::Between
    }
}

impl WordStream<'_> {
    /// Reads the next word into the token, however long; `None` after the
    /// last.
    fn next_word(&mut self) -> Option<()> {
        let rest = &self.text[self.at..];
        let (skipped, first) = rest
            .char_indices()
            .find(|&(_, c)| kind(c) != Kind::Between)?;
        let start = self.at + skipped;
        let token = &mut self.token;
        token.text.clear();
        token.text.push(crate::search::fold(first));
        token.offset_from = start;
        token.position = token.position.wrapping_add(1);
        let mut end = start + first.len_utf8();
        if kind(first) == Kind::Run {
            for c in self.text[end..].chars() {
                if kind(c) != Kind::Run {
                    break;
                }
                token.text.push(crate::search::fold(c));
                end += c.len_utf8();
            }
        }
        token.offset_to = end;
        self.at = end;
        Some(())
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while self.next_word().is_some() {
            if self.token.text.len() <= super::LONGEST_WORD {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::tokenizer::{TokenStream, Tokenizer};

    use super::WordTokenizer;

    /// The words of `text` as the index of words takes them.
    fn indexed(text: &str) -> Vec<String> {
        let mut tokenizer = WordTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            words.push(stream.token().text.clone());
        }
        words
    }

    #[test]
    fn words_are_split_and_folded_as_a_query_splits_them() {
        assert_eq!(
            indexed("Ōtani's 2-run HOMER, in 東京で!"),
            ["otani", "s", "2", "run", "homer", "in", "東", "京", "て"]
        );
    }

    proptest! {
        #[test]
        fn any_text_is_split_as_search_tokens_splits_it(
            text in "([a-zA-Z0-9 ,.'Ōé_-]|東|京|で|ß|😀){0,60}"
        ) {
            let theirs: Vec<String> = crate::search::tokens(&text)
                .into_iter()
                .map(|(_, word)| word)
                .collect();
            prop_assert_eq!(indexed(&text), theirs);
        }
    }
}
