//! Writes a benchmark corpus: `cargo run --release --example gen_corpus -- N DIR [SEED]`.

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: gen_corpus N DIR [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match corpus::Corpus::new(count, seed).write(&PathBuf::from(dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_corpus: {dir}: {error}");
            ExitCode::FAILURE
        }
    }
}
