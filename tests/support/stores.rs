//! The benchmarks' stores of generated articles, built once under
//! target/bench-stores and kept.

use std::path::PathBuf;

use kiji::commands::import::BATCH;
use kiji::store::{Prepared, Store};

use crate::corpus::Corpus;

/// A store of `count` generated articles, built on first use.
pub fn store_path(count: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../bench-stores");
    std::fs::create_dir_all(&dir).expect("bench store folder");
    let path = dir.join(format!("{count}.db"));
    let done = dir.join(format!("{count}.done"));
    if !done.exists() {
        let _ = std::fs::remove_file(&path);
        let corpus = Corpus::new(count, 1);
        let mut store = Store::open(&path).expect("store");
        let mut bulk = store.bulk_import(BATCH).expect("bulk");
        let mut batch = Vec::with_capacity(5000);
        for index in 0..count {
            batch.push(Prepared::new(corpus.article(index), None));
            if batch.len() == 5000 || index + 1 == count {
                bulk.write(&batch).expect("import");
                batch.clear();
            }
        }
        bulk.finish(count).expect("committed and merged");
        std::fs::write(&done, "").expect("mark");
    }
    path
}
