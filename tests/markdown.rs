//! The Markdown export read back by a CommonMark parser (with GitHub's
//! extensions on): every headline, paragraph, caption and list item comes
//! out as the text went in, whatever markup the text holds.

use kiji::article::{Article, Block, ListItem, Photo};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// Words that mean something to Markdown, and some that do not.
const WORDS: &[&str] = &[
    "~~~",
    "```",
    "`code`",
    "&amp;",
    "&#35;",
    "&copy",
    "1986.",
    "2)",
    "#",
    "##",
    "Rail #",
    "-",
    "+",
    "*",
    "**",
    "_",
    "__",
    "[link](http://x)",
    "![img](y)",
    "<b>",
    "<!--",
    "-->",
    "|",
    "a|b",
    "=",
    "===",
    "---",
    ">",
    "\\",
    "\\*",
    "!",
    "[",
    "]",
    "(",
    ")",
    ":",
    "<http://x>",
    "[^1]",
    "[ ]",
    "~~struck~~",
    "yen",
    "東京",
    "rail",
    "1.",
    "The",
    "9:05",
    "JST,",
    "$x$",
    "{",
    "}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..8).prop_map(|w| w.join(" "))
}

fn article() -> impl Strategy<Value = Article> {
    (
        text(),
        prop::option::of(text()),
        prop::collection::vec(
            prop_oneof![
                text().prop_map(Block::paragraph),
                text().prop_map(|text| Block::Subhead { text }),
                (prop::option::of(text()), text())
                    .prop_map(|(credit, caption)| Block::Photo(Photo { credit, caption })),
            ],
            1..6,
        ),
        prop::collection::vec(text(), 0..4),
    )
        .prop_map(|(headline, section, body, popular)| {
            let mut article = Article::new(headline, None);
            article.section = section;
            article.body = body;
            article.popular = popular.into_iter().map(ListItem::titled).collect();
            article
        })
}

/// The text of each block a CommonMark reader finds, in order; a hard
/// break inside one as a new line.
fn blocks(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let github = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    for event in Parser::new_ext(markdown, github) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                current.push_str(&text);
            }
            Event::HardBreak => current.push('\n'),
            Event::SoftBreak => current.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !current.is_empty() =>
            {
                found.push(std::mem::take(&mut current));
            }
            _ => {}
        }
    }
    found
}

/// What each block of an article's export says, in order.
fn expected(article: &Article) -> Vec<String> {
    let mut expected = vec![article.headline.clone()];
    expected.extend(article.section.clone());
    for block in &article.body {
        expected.push(match block {
            Block::Paragraph { text } | Block::Subhead { text } => text.clone(),
            Block::Photo(photo) => match &photo.credit {
                Some(credit) => format!("{credit}\n{}", photo.caption),
                None => photo.caption.clone(),
            },
        });
    }
    if !article.popular.is_empty() {
        expected.push("Popular".into());
        expected.extend(article.popular.iter().map(|i| i.title.clone()));
    }
    expected
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_article_reads_back_as_written(article in article()) {
        let markdown = kiji::export::markdown(&article);
        prop_assert_eq!(blocks(&markdown), expected(&article), "{}", markdown);
    }
}

#[test]
fn a_fence_in_one_article_does_not_swallow_the_next() {
    let mut first = Article::new("First".into(), None);
    first.body = vec![Block::paragraph("~~~"), Block::paragraph("```rust")];
    let mut second = Article::new("Second".into(), None);
    second.body = vec![Block::paragraph("1986. A year of &amp; change")];
    let export = [
        kiji::export::markdown(&first),
        kiji::export::markdown(&second),
    ]
    .join("\n---\n\n");
    assert_eq!(
        blocks(&export),
        [
            "First",
            "~~~",
            "```rust",
            "Second",
            "1986. A year of &amp; change"
        ]
    );
}
