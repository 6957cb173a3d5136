//! The benchmark corpus generator makes realistic articles, the same ones
//! for the same seed.

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

use corpus::Corpus;
use kiji::parse::parse_str;

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let a = Corpus::new(100, 7);
    let b = Corpus::new(100, 7);
    assert_eq!(a.dump(42), b.dump(42));
    assert_ne!(a.dump(42), Corpus::new(100, 8).dump(42));
}

#[test]
fn generated_dumps_are_realistic_articles() {
    let corpus = Corpus::new(1000, 1);
    let mut sections = std::collections::HashSet::new();
    for index in (0..1000).step_by(37) {
        let dump = corpus.dump(index);
        assert!((2048..=4096).contains(&dump.len()), "{} bytes", dump.len());
        let article = parse_str(&dump).expect("parses").article;
        assert_eq!(article.headline, corpus.headline(index));
        assert!((5..=14).contains(&article.paragraphs().count()));
        assert!(article.published.is_some());
        assert_eq!(article.popular.len(), 5);
        assert_eq!(article.access_ranking.len(), 5);
        sections.insert(article.section.expect("a section"));
    }
    assert_eq!(sections.len(), 8);
}
