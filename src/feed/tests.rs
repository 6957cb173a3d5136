use super::*;

const BASE: &str = "http://127.0.0.1:8080";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .expect("a feed fixture")
        .replace("{base}", BASE)
}

fn feed(name: &str) -> Feed {
    parse_feed(fixture(name).as_bytes(), &format!("{BASE}/{name}")).expect("a feed")
}

#[test]
fn an_rss_section_feed_gives_its_items_with_their_pages() {
    let feed = feed("jn-politics.rss");
    assert_eq!(feed.title.as_deref(), Some("Politics – The Japan News"));
    assert_eq!(
        feed.site.as_deref(),
        Some("http://127.0.0.1:8080/politics/")
    );
    let first = &feed.items[0];
    assert_eq!(
        first.title,
        "Government Weighs Wider Subsidies to Keep Rural Rail Lines Running Through Winter"
    );
    assert_eq!(
        first.url.as_deref(),
        Some("http://127.0.0.1:8080/politics/politics-government/20241013-215577/")
    );
    assert_eq!(first.id, "http://127.0.0.1:8080/?p=215577");
    assert_eq!(first.section.as_deref(), Some("Politics"));
    assert_eq!(
        first.published.map(|t| t.to_rfc3339()).as_deref(),
        Some("2024-10-13T08:41:00+00:00")
    );
}

#[test]
fn an_item_link_to_a_local_file_is_dropped() {
    let feed = feed("jn-politics.rss");
    let local = &feed.items[2];
    assert_eq!(local.url, None);
    let article = local.article().expect("the feed's own text");
    assert_eq!(article.url, None);
    assert!(
        !article.headline.contains('\u{1b}'),
        "{:?}",
        article.headline
    );
}

#[test]
fn the_feeds_own_content_makes_an_article_when_the_page_cannot_be_read() {
    let feed = feed("jn-politics.rss");
    let article = feed.items[1].article().expect("content:encoded");
    assert_eq!(article.origin, Origin::Feed);
    assert_eq!(article.section.as_deref(), Some("Politics"));
    assert_eq!(article.byline.as_deref(), Some("By The Yomiuri Shimbun"));
    assert_eq!(article.paragraphs().count(), 2);
    assert_eq!(
        article.dateline.as_deref(),
        Some("14:10 JST, October 12, 2024")
    );
}

#[test]
fn atom_entries_take_relative_links_and_html_content() {
    let feed = feed("harbor.atom");
    assert_eq!(feed.title.as_deref(), Some("Harbor Daily"));
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[0].authors, ["Mara Lindqvist"]);
    assert_eq!(feed.items[0].section.as_deref(), Some("Local"));
    assert_eq!(
        feed.items[1].url.as_deref(),
        Some("http://127.0.0.1:8080/news/market-spring")
    );
    let market = feed.items[1].article().expect("content");
    assert_eq!(
        market.body,
        [
            Block::paragraph("The fish market opened an hour earlier than usual on Sunday."),
            Block::Subhead {
                text: "Crowds".into()
            },
            Block::paragraph("Hundreds came before dawn."),
        ]
    );
}

#[test]
fn json_feed_text_content_splits_into_paragraphs() {
    let feed = feed("harbor.json");
    assert_eq!(feed.title.as_deref(), Some("Harbor Daily (JSON)"));
    let article = feed.items[0].article().expect("content_text");
    assert_eq!(article.paragraphs().count(), 2, "{:?}", article.body);
    assert_eq!(article.byline.as_deref(), Some("By Jonas Berg"));
}

#[test]
fn rss_1_items_are_read() {
    let feed = feed("harbor.rdf");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(
        feed.items[0].title,
        "New Tide Tables Printed for the Summer"
    );
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("http://127.0.0.1:8080/news/tide-tables")
    );
}

#[test]
fn a_page_is_no_feed() {
    let page = "<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>";
    let error = parse_feed(page.as_bytes(), BASE).expect_err("a page");
    assert!(error.to_string().starts_with("not a feed"), "{error}");
    assert!(!looks_like_feed(page.as_bytes(), Some("text/html")));
    assert!(looks_like_feed(fixture("harbor.atom").as_bytes(), None));
    assert!(looks_like_feed(b"{}", Some("application/feed+json")));
}

#[test]
fn a_pages_feed_is_found_from_its_links_then_the_sites_feed_path() {
    let page = r#"<html><head><link rel="alternate" type="application/rss+xml" href="/politics/feed/">
        <link rel="alternate" hreflang="ja" href="/ja/"></head><body></body></html>"#;
    assert_eq!(
        candidates(page.as_bytes(), "https://japannews.yomiuri.co.jp/politics/"),
        [
            "https://japannews.yomiuri.co.jp/politics/feed/",
            "https://japannews.yomiuri.co.jp/feed/"
        ]
    );
}
