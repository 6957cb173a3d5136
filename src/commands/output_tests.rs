//! Every output of the commands on a store written by something else,
//! whose text holds any code point at all: plain text and Markdown hold
//! nothing a terminal would act on; JSON holds it only as `\uXXXX`, and
//! decodes to the text stored.

use proptest::prelude::*;

use super::{export, feeds, list, search};
use crate::article::{Article, Block, ListItem};
use crate::cli::ExportFormat;
use crate::store::{Filter, Store};

/// Text of any code points, with the words a search looks for.
fn hostile() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<char>(), 0..40),
        prop::collection::vec(any::<char>(), 0..40),
    )
        .prop_map(|(before, after)| {
            format!(
                "{}rail{}",
                String::from_iter(before),
                String::from_iter(after)
            )
        })
}

fn store_of(texts: &[String]) -> Store {
    let mut article = Article::new(texts[0].clone(), None);
    article.section = Some(texts[1].clone());
    article.dateline = Some(texts[2].clone());
    article.byline = Some(texts[3].clone());
    article.url = Some(texts[4].clone());
    article.body = vec![Block::paragraph(texts[5].clone())];
    article.popular = vec![ListItem::titled(texts[6].clone())];
    let mut store = Store::open_in_memory().expect("store");
    store
        .import([&article])
        .expect("written as it is, past the parser");
    store
        .follow(&texts[7], Some(&texts[8]), None)
        .expect("a feed of any title");
    store
}

fn outputs(store: &Store) -> Vec<(&'static str, String)> {
    let mut all = Vec::new();
    let mut run = |name, f: &dyn Fn(&mut Vec<u8>) -> anyhow::Result<()>| {
        let mut out = Vec::new();
        f(&mut out).expect(name);
        all.push((name, String::from_utf8(out).expect("utf-8")));
    };
    let query = search::query_of(&["rail".into()]).expect("query");
    run("list", &|out| {
        list::list(store, &Filter::default(), false, out)
    });
    run("list --json", &|out| {
        list::list(store, &Filter::default(), true, out)
    });
    run("sections", &|out| list::sections(store, false, out));
    run("sections --json", &|out| list::sections(store, true, out));
    run("search", &|out| {
        search::search(store, &query, None, None, false, out)
    });
    run("search --json", &|out| {
        search::search(store, &query, None, None, true, out)
    });
    run("export", &|out| {
        export::export(store, None, ExportFormat::Json, out)
    });
    run("export --format md", &|out| {
        export::export(store, None, ExportFormat::Markdown, out)
    });
    run("feeds", &|out| {
        feeds::feeds(store, feeds::FeedsFormat::Text, out)
    });
    run("feeds --json", &|out| {
        feeds::feeds(store, feeds::FeedsFormat::Json, out)
    });
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_output_holds_what_a_terminal_would_act_on(texts in prop::collection::vec(hostile(), 9)) {
        let store = store_of(&texts);
        for (name, text) in outputs(&store) {
            let raw = text.chars().find(|&c| c != '\n' && crate::sanitize::is_unsafe(c));
            prop_assert_eq!(raw, None, "{} wrote {:?}", name, text);
        }
        let (_, export) = outputs(&store).into_iter().find(|(name, _)| *name == "export").expect("export");
        // the JSON decodes to the text as the store holds it
        let exported: serde_json::Value = serde_json::from_str(&export).expect("JSON");
        let key = store.headlines(&Filter::default(), 0, 1).expect("rows")[0].key;
        let stored = store.article(key).expect("read").expect("there");
        prop_assert_eq!(exported[0]["headline"].as_str(), Some(stored.headline.as_str()));
        prop_assert_eq!(exported[0]["headline"].as_str(), Some(texts[0].as_str()));
        prop_assert_eq!(exported[0]["body"][0].as_str(), stored.paragraphs().next());
    }
}
