//! Parsing speed, in bytes of dump text a second on one thread.

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use corpus::Corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    let corpus = Corpus::new(100_000, 1);
    let dumps: Vec<String> = (0..1000).map(|i| corpus.dump(i * 97)).collect();
    let bytes: usize = dumps.iter().map(String::len).sum();
    let seed = std::fs::read("sample_data/000_6c6944616e88b9e8.txt").expect("the seed");

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("1000 generated dumps", |b| {
        b.iter(|| {
            for dump in &dumps {
                std::hint::black_box(kiji::parse::parse_bytes(dump.as_bytes()).expect("parses"));
            }
        });
    });
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("the seed", |b| {
        b.iter(|| std::hint::black_box(kiji::parse::parse_bytes(&seed).expect("parses")));
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
