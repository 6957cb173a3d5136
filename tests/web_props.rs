//! Properties of what kiji reads from the web: page extraction and feed
//! reading never panic, on any bytes or on pages and feeds built of
//! hostile pieces, and what they give holds nothing a terminal would act
//! on and only web addresses.

use kiji::article::{Article, Block};
use kiji::sanitize::is_unsafe;
use proptest::prelude::*;

/// Pieces of pages and feeds, hostile ones among them.
const PIECES: &[&str] = &[
    "<h1>Ferry Returns</h1>",
    "<p>The ferry runs again.</p>",
    "<div id=\"p-article-block\"><p>Body",
    "<figure><figcaption><span>Credit</span><br>Caption</figcaption></figure>",
    "<div class=\"ranking_1\"><h2>\"Politics\" POPULAR ARTICLE</h2><ul><li><a href=\"javascript:alert(1)\"><h3>A</h3></a></li>",
    "<li><a href=\"file:///etc/passwd\">Local</a></li>",
    "<p class=\"postdate\">17:41 JST, October 13, 2024</p>",
    "<p class=\"byline\">By \u{1b}]52;c;aGk=\u{7}Name</p>",
    "<meta property=\"og:title\" content=\"T\u{202e}itle\">",
    "<link rel=\"canonical\" href=\"https://japannews.yomiuri.co.jp/a/\">",
    "<script>document.write('<p>x</p>')</script>",
    "<p>\u{1b}[2J\u{9b}31m text</p>",
    "</div></div></p>",
    "<rss version=\"2.0\"><channel><title>T</title>",
    "<item><title>Item \u{1b}[31m</title><link>file:///etc/shadow</link><description>&lt;p&gt;x&lt;/p&gt;</description></item>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>E</title><link href=\"/rel\"/>",
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"url\":\"ftp://x\",\"content_text\":\"\u{1b}P hi\"}]}",
    "]]><![CDATA[",
    "&#x1b;&#155;&amp;",
    "東京の港",
];

fn document() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..30)
            .prop_map(|p| p.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

fn web_address(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

fn assert_safe(article: &Article) {
    let texts = [article.headline.as_str()]
        .into_iter()
        .chain(article.body.iter().map(Block::words))
        .chain(article.popular.iter().map(|i| i.title.as_str()))
        .chain(article.access_ranking.iter().map(|i| i.title.as_str()))
        .chain(article.section.as_deref())
        .chain(article.byline.as_deref())
        .chain(article.dateline.as_deref());
    for text in texts {
        assert!(!text.chars().any(is_unsafe), "{text:?}");
    }
    let links = article.popular.iter().chain(&article.access_ranking);
    for url in links
        .filter_map(|i| i.url.as_deref())
        .chain(article.url.as_deref())
    {
        assert!(web_address(url), "{url}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn page_extraction_never_panics_and_gives_safe_articles(bytes in document()) {
        for url in [None, Some("https://japannews.yomiuri.co.jp/politics/x/")] {
            if let Ok(parsed) = kiji::html::parse_html(&bytes, url, None) {
                assert_safe(&parsed.article);
            }
        }
    }

    #[test]
    fn feed_reading_never_panics_and_gives_web_addresses(bytes in document()) {
        if let Ok(feed) = kiji::feed::parse_feed(&bytes, "https://example.com/feed/") {
            for item in &feed.items {
                prop_assert!(item.url.as_deref().is_none_or(web_address), "{:?}", item.url);
                if let Some(article) = item.article() {
                    assert_safe(&article);
                }
            }
        }
        if let Ok(feeds) = kiji::feed::opml::read(&String::from_utf8_lossy(&bytes)) {
            prop_assert!(feeds.iter().all(|f| web_address(&f.url)));
        }
    }
}

#[test]
fn a_hostile_page_is_read_and_made_safe() {
    let page = [
        PIECES[9],
        PIECES[0],
        PIECES[2],
        PIECES[11],
        PIECES[1],
        PIECES[6],
        PIECES[7],
        "</div>",
        PIECES[4],
        PIECES[5],
        "</ul></div>",
    ]
    .concat();
    let parsed = kiji::html::parse_html(page.as_bytes(), None, None).expect("an article");
    let article = parsed.article;
    assert_safe(&article);
    assert_eq!(article.headline, "Ferry Returns");
    assert_eq!(article.byline.as_deref(), Some("By Name"));
    assert!(article.paragraphs().any(|p| p.contains("text")));
    assert!(
        article.popular.iter().all(|i| i.url.is_none()),
        "{:?}",
        article.popular
    );
}
