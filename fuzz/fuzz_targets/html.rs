//! Page extraction on any bytes: it must never panic, and an article it
//! finds must hold nothing a terminal would act on and only web addresses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let url = Some("https://japannews.yomiuri.co.jp/politics/x/");
    for charset in [None, Some("shift_jis")] {
        if let Ok(parsed) = kiji::html::parse_html(bytes, url, charset) {
            let article = parsed.article;
            let texts = [article.headline.as_str()]
                .into_iter()
                .chain(article.body.iter().map(kiji::article::Block::words))
                .chain(article.popular.iter().map(|i| i.title.as_str()))
                .chain(article.access_ranking.iter().map(|i| i.title.as_str()))
                .chain(article.section.as_deref())
                .chain(article.byline.as_deref())
                .chain(article.dateline.as_deref());
            for text in texts {
                assert!(!text.chars().any(kiji::sanitize::is_unsafe), "{text:?}");
            }
            let links = article.popular.iter().chain(&article.access_ranking);
            for url in links.filter_map(|i| i.url.as_deref()) {
                assert!(url.starts_with("http://") || url.starts_with("https://"), "{url}");
            }
        }
    }
    let _ = kiji::feed::candidates(bytes, "https://japannews.yomiuri.co.jp/");
});
