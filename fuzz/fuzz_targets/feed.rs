//! Feed reading on any bytes: RSS, Atom, JSON Feed and OPML must never
//! panic; an item's page is only ever a web address, and the article made
//! of an item holds nothing a terminal would act on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(feed) = kiji::feed::parse_feed(bytes, "https://example.com/feed/") {
        for item in &feed.items {
            if let Some(url) = &item.url {
                assert!(url.starts_with("http://") || url.starts_with("https://"), "{url}");
            }
            if let Some(article) = item.article() {
                let texts = [article.headline.as_str()]
                    .into_iter()
                    .chain(article.body.iter().map(kiji::article::Block::words))
                    .chain(article.byline.as_deref());
                for text in texts {
                    assert!(!text.chars().any(kiji::sanitize::is_unsafe), "{text:?}");
                }
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(feeds) = kiji::feed::opml::read(text) {
            for feed in feeds {
                assert!(feed.url.starts_with("http://") || feed.url.starts_with("https://"));
            }
        }
    }
});
