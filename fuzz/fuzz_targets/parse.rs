//! The parser on any bytes: it must never panic, and what it returns must
//! hold nothing a terminal would act on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(parsed) = kiji::parse::parse_bytes(bytes) {
        let article = parsed.article;
        assert!(!article.body.is_empty());
        let credits = article.photos().filter_map(|p| p.credit.as_deref());
        let fields = [article.headline.as_str()]
            .into_iter()
            .chain(article.body.iter().map(kiji::article::Block::words))
            .chain(credits)
            .chain(article.popular.iter().map(|i| i.title.as_str()))
            .chain(article.access_ranking.iter().map(|i| i.title.as_str()))
            .chain(article.section.as_deref())
            .chain(article.byline.as_deref());
        for field in fields {
            assert!(!field.chars().any(kiji::sanitize::is_unsafe), "{field:?}");
        }
        // what is written back parses again
        let _ = kiji::parse::parse_str(&article.to_dump());
    }
});
