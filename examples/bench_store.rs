//! Builds a store of N generated articles without writing dump files, for
//! measuring the reader at scale:
//! `cargo run --release --example bench_store -- N STORE [SEED]`.

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use corpus::Corpus;
use kiji::store::Store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(path)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: bench_store N STORE [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match build(count, seed, &PathBuf::from(path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bench_store: {error}");
            ExitCode::FAILURE
        }
    }
}

fn build(
    count: usize,
    seed: u64,
    path: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Corpus::new(count, seed);
    let mut store = Store::open(path)?;
    let mut bulk = store.bulk_import(kiji::commands::import::BATCH)?;
    let mut batch = Vec::with_capacity(5000);
    for index in 0..count {
        let article = kiji::parse::parse_str(&corpus.dump(index))?.article;
        batch.push(kiji::store::Prepared::new(article, None));
        if batch.len() == 5000 || index + 1 == count {
            bulk.write(&batch)?;
            batch.clear();
            eprint!("\r{} of {count}", index + 1);
        }
    }
    bulk.finish(count)?;
    eprintln!();
    Ok(())
}
