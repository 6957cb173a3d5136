//! Finding dump files and reading them into articles: the file-system side
//! of the parser, with errors that name the file.

use std::fmt;
use std::path::{Path, PathBuf};

pub mod json;

use crate::article::Article;
use crate::parse::{self, ParseError, Warning};

/// Why one file could not be read as an article.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn new(path: &Path, line: Option<usize>, reason: String) -> Self {
        Self {
            path: path.to_path_buf(),
            line,
            reason,
        }
    }
}

/// A file read as articles (one from a dump, any number from a JSON
/// export), with what was repaired on the way.
#[derive(Debug)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// A file [`dump_files`] found, or why a path could not be walked. The
/// error is boxed: a folder of 1,000,000 dumps lists them in 24 MB of
/// these rather than 72 MB.
pub type Found = Result<PathBuf, Box<LoadError>>;

/// The files named by `paths`: files as given, folders searched
/// recursively for the files [`is_dump`] takes, in a stable (sorted) order. A path that cannot
/// be walked is reported as an error in place.
pub fn dump_files(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                for entry in walkdir::WalkDir::new(path).follow_links(true) {
                    match entry {
                        Ok(entry) if entry.file_type().is_file() && is_dump(entry.path()) => {
                            files.push(Ok(entry.into_path()));
                        }
                        // a FIFO or a link to a device named like a dump:
                        // said, never opened
                        Ok(entry) if !entry.file_type().is_dir() && is_dump(entry.path()) => {
                            files.push(
                                regular_file(entry.path())
                                    .map(|_| entry.into_path())
                                    .map_err(Box::new),
                            );
                        }
                        Ok(_) => {}
                        Err(error) => files.push(Err(Box::new(LoadError::new(
                            error.path().unwrap_or(path),
                            None,
                            io_reason(error.io_error()),
                        )))),
                    }
                }
                files.sort_by(|a, b| sort_path(a).cmp(sort_path(b)));
                found.extend(files);
            }
            Ok(_) => found.push(Ok(path.clone())),
            Err(error) => found.push(Err(Box::new(LoadError::new(
                path,
                None,
                io_reason(Some(&error)),
            )))),
        }
    }
    found
}

fn sort_path(entry: &Found) -> &Path {
    match entry {
        Ok(path) => path,
        Err(error) => &error.path,
    }
}

/// Whether a file in a folder is one kiji reads: a text dump (`.txt`, or
/// `.md` as Markdown tools write them), a saved page (`.html`, `.htm`) or
/// a JSON export (`.json`).
pub fn is_dump(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        ["txt", "md", "json", "html", "htm"]
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

fn io_reason(error: Option<&std::io::Error>) -> String {
    match error {
        Some(error) if error.kind() == std::io::ErrorKind::NotFound => {
            "no such file or directory".into()
        }
        Some(error) => error.to_string(),
        None => "a symbolic link loop".into(),
    }
}

/// Everything read from a set of paths at once.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    /// What was repaired on the way, `path:line: warning: …`.
    pub warnings: Vec<String>,
    pub failures: Vec<LoadError>,
}

/// Reads every dump file the paths name (see [`dump_files`]) into memory:
/// for a few files, as `kiji parse` and the reader on files read them.
/// Imports of many files stream them instead.
pub fn load_paths(paths: &[PathBuf]) -> Batch {
    let mut batch = Batch::default();
    for file in dump_files(paths) {
        match file
            .map_err(|error| *error)
            .and_then(|path| load_file(&path))
        {
            Ok(loaded) => {
                batch.warnings.extend(loaded.warnings);
                batch.articles.extend(loaded.articles);
            }
            Err(error) => batch.failures.push(error),
        }
    }
    batch
}

/// Reads and parses one dump file; `source` is recorded as given, and the
/// file's modification time as when the page was captured.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let fail = |line, reason| LoadError::new(path, line, reason);
    if is_json(path) {
        return load_json(path);
    }
    let meta = regular_file(path)?;
    let size = meta.len();
    if size > parse::MAX_DUMP_BYTES as u64 {
        return Err(fail(
            Some(1),
            format!("too large ({size} bytes; dumps are limited to 16 MB)"),
        ));
    }
    let bytes = read_capped(path)?;
    let mut loaded = load_bytes(path, &bytes)?;
    if let Ok(modified) = meta.modified() {
        for article in &mut loaded.articles {
            article.captured.get_or_insert_with(|| modified.into());
        }
    }
    Ok(loaded)
}

/// Reads a small text file (an OPML list): at most the size of a dump,
/// invalid UTF-8 replaced.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    regular_file(path)?;
    Ok(String::from_utf8_lossy(&read_capped(path)?).into_owned())
}

/// The file's metadata, when `path` (its link followed) is a regular
/// file: a device, FIFO or socket is refused before it is opened, since
/// reading one may never end or block for ever.
fn regular_file(path: &Path) -> Result<std::fs::Metadata, LoadError> {
    let meta = std::fs::metadata(path)
        .map_err(|error| LoadError::new(path, None, io_reason(Some(&error))))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, FIFO or socket)"
        };
        return Err(LoadError::new(
            path,
            None,
            format!("{what}; kiji reads only files"),
        ));
    }
    Ok(meta)
}

/// A file's bytes, at most the size of a dump: reading stops one byte past
/// the cap whatever size the file claims.
fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let fail = |reason| LoadError::new(path, None, reason);
    let file = std::fs::File::open(path).map_err(|error| fail(io_reason(Some(&error))))?;
    let mut bytes = Vec::new();
    file.take(parse::MAX_DUMP_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| fail(io_reason(Some(&error))))?;
    if bytes.len() > parse::MAX_DUMP_BYTES {
        return Err(LoadError::new(
            path,
            Some(1),
            format!(
                "too large (more than {} bytes; dumps are limited to 16 MB)",
                parse::MAX_DUMP_BYTES
            ),
        ));
    }
    Ok(bytes)
}

/// Parses the bytes of a dump, a saved page (`.html`, `.htm`) or a JSON
/// export (`.json`) that came from `path`.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let extension = |wanted: &[&str]| {
        path.extension()
            .is_some_and(|ext| wanted.iter().any(|w| ext.eq_ignore_ascii_case(w)))
    };
    if extension(&["json"]) {
        let mut articles = Vec::new();
        json::each_article_in(bytes, path, &mut |(article, _)| articles.push(article))?;
        return Ok(Loaded {
            articles,
            warnings: Vec::new(),
        });
    }
    let parsed = if extension(&["html", "htm"]) {
        crate::html::parse_html(bytes, None, None)
    } else {
        parse::parse_bytes(bytes)
    };
    match parsed {
        Ok(parsed) => {
            let mut article = parsed.article;
            article.source = Some(path.display().to_string());
            Ok(Loaded {
                articles: vec![article],
                warnings: parsed.warnings.iter().map(|w| warning(path, w)).collect(),
            })
        }
        Err(ParseError { line, kind }) => Err(LoadError::new(path, Some(line), kind.to_string())),
    }
}

/// Articles as `kiji parse` and `kiji export` print them: one JSON array
/// (or a single article). The text is as untrusted as a dump's, so it is
/// cleaned the same way, and ids are made again from headline and date.
/// A JSON export read whole, whatever its size (for `kiji parse` and the
/// reader on files; `kiji import` streams it in batches instead).
fn load_json(path: &Path) -> Result<Loaded, LoadError> {
    let mut articles = Vec::new();
    json::each_article(path, &mut |(article, _)| articles.push(article))?;
    Ok(Loaded {
        articles,
        warnings: Vec::new(),
    })
}

/// Whether a file is a JSON export, by its name.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

fn warning(path: &Path, warning: &Warning) -> String {
    match warning.line {
        Some(line) => format!("{}:{line}: warning: {}", path.display(), warning.message),
        None => format!("{}: warning: {}", path.display(), warning.message),
    }
}

// `SAMPLES`: the files of sample_data/, written out by build.rs.
include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// The sample articles built into the binary.
pub fn samples() -> Vec<Article> {
    SAMPLES
        .iter()
        .filter_map(|(name, bytes)| {
            load_bytes(&Path::new("sample_data").join(name), bytes)
                .ok()
                .map(|loaded| loaded.articles)
        })
        .flatten()
        .collect()
}
