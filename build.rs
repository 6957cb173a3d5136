//! Compiles the sample articles into the binary, so `kiji` has something to
//! show before anything is imported.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=sample_data");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest.join("sample_data"))
        .expect("sample_data/ is part of the source")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "txt" || ext == "md")
        })
        .collect();
    files.sort();
    let mut out = String::from(
        "/// The sample dumps: (file name, contents).\npub const SAMPLES: &[(&str, &[u8])] = &[\n",
    );
    for path in &files {
        let name = path.file_name().expect("a file").to_string_lossy();
        let _ = writeln!(
            out,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let target =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("samples.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
