//! The index of words' tokenizer: text split into words as the store's
//! FTS5 index and a query split it.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Splits text as the store's FTS5 index does, and as a query's words are
/// split: [`crate::search::Words`], each word written into the token's one
/// buffer. Words longer than [`super::LONGEST_WORD`] are left out.
#[derive(Clone, Default)]
pub(super) struct WordTokenizer;

pub(super) struct WordStream<'a> {
    words: crate::search::Words<'a>,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            words: crate::search::Words::of(text),
            token: Token::default(),
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(range) = self.words.next_into(&mut self.token.text) {
            if self.token.text.len() <= super::LONGEST_WORD {
                self.token.offset_from = range.start;
                self.token.offset_to = range.end;
                self.token.position = self.token.position.wrapping_add(1);
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
