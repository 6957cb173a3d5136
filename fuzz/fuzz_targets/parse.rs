//! The parser on any bytes: it must never panic, and what it returns must
//! hold nothing a terminal would act on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(parsed) = kiji::parse::parse_bytes(bytes) {
        let article = parsed.article;
        assert!(!article.body.is_empty());
        let fields = [&article.headline]
            .into_iter()
            .chain(&article.body)
            .chain(&article.popular)
            .chain(&article.access_ranking)
            .chain(article.section.iter());
        // several photo captions are kept one per line
        let captions = article.caption.iter().flat_map(|c| c.split('\n'));
        for field in fields.map(String::as_str).chain(captions) {
            assert!(!field.chars().any(kiji::sanitize::is_unsafe), "{field:?}");
        }
        // what is written back parses again
        let _ = kiji::parse::parse_str(&article.to_dump());
    }
});
