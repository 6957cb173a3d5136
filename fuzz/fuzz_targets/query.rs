//! The search query parser on any text: never a panic, always a MATCH
//! expression FTS5 accepts, and highlights that fall on character
//! boundaries of any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (typed, text) = input;
    for query in [
        kiji::search::Query::parse(typed),
        kiji::search::Query::parse_typing(typed),
    ] {
        for fts in query
            .to_fts()
            .into_iter()
            .chain(query.to_fts_tiers().into_iter().flatten())
        {
            let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
            conn.execute_batch("CREATE VIRTUAL TABLE search USING fts5(headline, body)")
                .expect("fts5");
            conn.query_row(
                "SELECT count(*) FROM search WHERE search MATCH ?1",
                [&fts],
                |_| Ok(()),
            )
            .unwrap_or_else(|error| panic!("{typed:?} gave {fts:?}: {error}"));
        }
        for range in query.matches(text) {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
        let _ = query.snippet([text], 40);
    }
});
