//! The Markdown export of an article whose text is anything at all (a
//! store written by another program): it must never panic, hold nothing a
//! terminal would act on, and keep each block on lines of its own.
#![no_main]

use kiji::article::{Article, Block, ListItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|texts: (String, String, String, String)| {
    let (headline, paragraph, subhead, item) = texts;
    let mut article = Article::new(headline, None);
    article.section = Some(subhead.clone());
    article.body = vec![Block::paragraph(paragraph), Block::Subhead { text: subhead }];
    article.popular = vec![ListItem::titled(item)];
    let markdown = kiji::export::markdown(&article);
    assert!(!markdown.chars().any(|c| c != '\n' && kiji::sanitize::is_unsafe(c)), "{markdown:?}");
    assert!(markdown.starts_with("# "));
});
