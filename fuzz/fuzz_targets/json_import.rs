//! The JSON import stream on any bytes: it must never panic, stop at the
//! first thing that is no article, and give only cleaned articles with
//! text; each, exported as Markdown, holds nothing a terminal would act on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.json");
    let mut articles = Vec::new();
    let _ = kiji::load::json::each_article_in(bytes, path, &mut |(article, _)| articles.push(article));
    for article in &articles {
        assert!(!article.headline.is_empty() && article.has_text());
        assert!(!article.headline.chars().any(kiji::sanitize::is_unsafe));
        let markdown = kiji::export::markdown(article);
        assert!(!markdown.chars().any(|c| c != '\n' && kiji::sanitize::is_unsafe(c)), "{markdown:?}");
    }
});
