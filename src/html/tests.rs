//! Pages read field by field: a page in The Japan News' structure, another
//! site's through readability, a Shift_JIS page, and pages that are not
//! articles.

use super::*;
use crate::article::{ListItem, Photo};

fn page(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Article {
    match parse_html(&page(name), None, None) {
        Ok(parsed) => parsed.article,
        Err(error) => panic!("{name}: {error}"),
    }
}

fn refused(name: &str) -> ParseErrorKind {
    match parse_html(&page(name), None, None) {
        Ok(parsed) => panic!("{name} read as {:?}", parsed.article.headline),
        Err(error) => error.kind,
    }
}

#[test]
fn a_japan_news_page_is_read_by_its_structure() {
    let article = read("jn-rail-subsidies.html");
    assert_eq!(
        article.headline,
        "Government Weighs Wider Subsidies to Keep Rural Rail Lines Running Through Winter"
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://japannews.yomiuri.co.jp/politics/politics-government/20241013-215577/")
    );
    assert_eq!(article.section.as_deref(), Some("Politics"));
    assert_eq!(
        article.dateline.as_deref(),
        Some("17:41 JST, October 13, 2024")
    );
    assert_eq!(
        article.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2024-10-13T17:41:00+09:00")
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("By Aiko Tanabe and Kenta Morioka / Yomiuri Shimbun Staff Writers")
    );
    assert_eq!(article.origin, Origin::Page);
    assert_eq!(
        article.body[0],
        Block::Photo(Photo {
            credit: Some("The Yomiuri Shimbun".into()),
            caption: "A two-car train crosses a snow-covered bridge on a local line in Niigata Prefecture in January.".into(),
        })
    );
    let kinds: String = article
        .body
        .iter()
        .map(|b| match b {
            Block::Photo(_) => 'P',
            Block::Subhead { .. } => 'h',
            Block::Paragraph { .. } => 't',
        })
        .collect();
    assert_eq!(kinds, "PtthtPtt");
    // share buttons, notices, tags, the weekly box and the footer are not text
    let text: String = article.paragraphs().collect::<Vec<_>>().join(" ");
    for furniture in [
        "Read more",
        "Post",
        "cookies",
        "ad blocking",
        "Weekly",
        "Typhoon",
        "Terms",
    ] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
    assert_eq!(article.popular.len(), 5);
    assert_eq!(
        article.popular[0],
        ListItem {
            title:
                "Prime Minister Pledges Faster Recovery Funds for Quake-Hit Towns on Noto Peninsula"
                    .into(),
            url: Some(
                "https://japannews.yomiuri.co.jp/politics/politics-government/20241012-215422/"
                    .into()
            ),
        }
    );
    assert_eq!(article.access_ranking.len(), 5);
    assert!(article.access_ranking.iter().all(|i| i.url.is_some()));
}

#[test]
fn the_page_and_its_text_renderings_are_one_article() {
    let html = read("jn-rail-subsidies.html");
    let path = format!(
        "{}/tests/fixtures/dumps/jn-rail-subsidies.w3m.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = crate::parse::parse_bytes(&std::fs::read(path).expect("fixture"))
        .expect("parses")
        .article;
    assert_eq!(html.id, text.id);
    assert_eq!(html.body, text.body);
    let titles = |items: &[ListItem]| items.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&html.popular), titles(&text.popular));
}

#[test]
fn another_site_is_read_by_readability_and_its_metadata() {
    let article = read("harbor-ferry.html");
    assert_eq!(article.headline, "New Ferry Links Islands to Port City");
    assert_eq!(article.section.as_deref(), Some("Local"));
    assert_eq!(article.byline.as_deref(), Some("By Rina Kato"));
    assert_eq!(
        article.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2024-05-02T08:30:00+09:00")
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.harbortimes.example/news/2024/05/new-ferry-links-islands")
    );
    let text: Vec<&str> = article.paragraphs().collect();
    assert_eq!(text.len(), 5, "{text:?}");
    assert_eq!(text[2], "Tourism hopes");
    let all = text.join(" ");
    for furniture in [
        "Comments",
        "Most read",
        "Advertisement",
        "rights reserved",
        "never run",
    ] {
        assert!(!all.contains(furniture), "{furniture} in {all}");
    }
}

#[test]
fn a_page_in_shift_jis_reads_as_japanese() {
    let article = read("minato-ferry-sjis.html");
    assert_eq!(article.headline, "港町に新しいフェリーが就航");
    assert_eq!(article.paragraphs().count(), 3);
    assert!(
        article
            .paragraphs()
            .next()
            .is_some_and(|p| p.starts_with("港町と三つの離島"))
    );
}

#[test]
fn pages_that_are_not_articles_are_refused_saying_why() {
    assert_eq!(
        refused("jn-section-index.html"),
        ParseErrorKind::NotAnArticle("an index of articles, like a section or front page")
    );
    assert_eq!(
        refused("jn-attachment.html"),
        ParseErrorKind::NotAnArticle("an image attachment page")
    );
    assert_eq!(
        refused("not-found.html"),
        ParseErrorKind::NotAnArticle("an error page")
    );
    assert_eq!(
        parse_html(b"<html><body><p>Hello</p></body></html>", None, None)
            .expect_err("no headline")
            .kind,
        ParseErrorKind::NotAnArticle("no headline")
    );
    assert_eq!(
        parse_html(b"  ", None, None).expect_err("empty").kind,
        ParseErrorKind::Empty
    );
}

#[test]
fn hostile_markup_never_reaches_the_article() {
    let page = "<html><head><title>x</title></head><body><article><h1>Evil\u{1b}]0;t\u{7} Head</h1>\
        <p>Body \u{1b}[2J text\u{202e} that is long enough to be an article's paragraph.</p>\
        <script>alert(1)</script><p>More<script>document.write('x')</script> text.</p></article></body></html>";
    let article = parse_html(page.as_bytes(), None, None)
        .expect("an article")
        .article;
    let all = std::iter::once(article.headline.as_str())
        .chain(article.paragraphs())
        .collect::<String>();
    assert!(!all.chars().any(crate::sanitize::is_unsafe), "{all:?}");
    assert!(
        !all.contains("alert") && !all.contains("document.write"),
        "{all}"
    );
}
