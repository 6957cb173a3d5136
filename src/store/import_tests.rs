use std::num::NonZeroUsize;

use super::*;
use crate::parse::parse_str;

/// `count` different articles, as an import reads them.
fn pieces(count: usize) -> Vec<(Article, Option<Marks>)> {
    (0..count)
        .map(|n| {
            let dump = format!(
                "Headline {n}\n9:00 JST, March {}, 2024\nA paragraph.\n",
                n + 1
            );
            (parse_str(&dump).expect("parses").article, None)
        })
        .collect()
}

fn stored(store: &Store) -> usize {
    store
        .count(&crate::store::Filter::default())
        .expect("count")
}

#[test]
fn a_bulk_import_commits_whole_transactions_however_its_pieces_fall() {
    let mut store = Store::open_in_memory().expect("store");
    let articles = pieces(7);
    let three = NonZeroUsize::new(3).expect("not zero");
    let mut bulk = store.bulk_import(three).expect("bulk");
    for piece in articles[..5].chunks(2) {
        bulk.write(piece).expect("written");
    }
    // stopped short: the sixth article's transaction is not committed
    drop(bulk);
    assert_eq!(stored(&store), 3);
    let mut bulk = store.bulk_import(three).expect("bulk");
    let counts = bulk.write(&articles).expect("written");
    assert_eq!((counts.imported, counts.unchanged), (4, 3));
    bulk.finish(4).expect("finished");
    assert_eq!(stored(&store), 7);
}

#[test]
fn marks_a_bulk_import_carries_land_with_their_articles() {
    let mut store = Store::open_in_memory().expect("store");
    let mut articles = pieces(4);
    articles[3].1 = Some(Marks {
        read: true,
        saved: true,
    });
    let mut bulk = store
        .bulk_import(NonZeroUsize::new(2).expect("not zero"))
        .expect("bulk");
    bulk.write(&articles[..3]).expect("written");
    bulk.write(&articles[3..]).expect("written");
    bulk.finish(4).expect("finished");
    let saved = crate::store::Filter {
        saved_only: true,
        ..Default::default()
    };
    let headlines = store.headlines(&saved, 0, 10).expect("saved");
    let names: Vec<_> = headlines
        .iter()
        .map(|h| (h.headline.as_str(), h.read))
        .collect();
    assert_eq!(names, [("Headline 3", true)]);
}
