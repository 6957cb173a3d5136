//! Import speed: parsed articles into a fresh store, and again when nothing
//! changed. The whole-corpus figures (100,000 dumps from files) are taken
//! with the CLI; see BENCHMARKS.md.

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use corpus::Corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kiji::store::Store;

fn import(c: &mut Criterion) {
    let corpus = Corpus::new(100_000, 1);
    let articles: Vec<_> = (0..2000).map(|i| corpus.article(i * 50)).collect();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("2000 articles into an empty store", |b| {
        b.iter_with_setup(
            || {
                let dir = tempfile::tempdir().expect("tempdir");
                let store = Store::open(&dir.path().join("kiji.db")).expect("store");
                (dir, store)
            },
            |(dir, mut store)| {
                store.import(&articles).expect("import");
                drop(store);
                drop(dir);
            },
        );
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("kiji.db")).expect("store");
    store.import(&articles).expect("import");
    group.bench_function("the same 2000 again, unchanged", |b| {
        b.iter(|| store.import(&articles).expect("import"));
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
