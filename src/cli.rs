//! The command line: clap definitions and the commands that do not open the
//! reader (import, parse, list, sections).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::app::ThemeName;
use crate::article::Article;
use crate::config::Config;
use crate::load::{self, dump_files, load_file};
use crate::sanitize::clean;
use crate::search::Query;
use crate::store::{Filter, ImportCounts, Store};

#[derive(Debug, Parser)]
#[command(
    name = "kiji",
    version,
    about = "A terminal news reader for plain-text dumps of news article pages",
    long_about = "A terminal news reader for plain-text dumps of news article pages.\n\n\
        With no command, opens the reader on the store (on the built-in sample \
        articles while the store is empty). With paths, opens the reader on those \
        files and folders without importing them.",
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// The store to use [default: the platform data directory, e.g. ~/.local/share/kiji/kiji.db]
    #[arg(long, global = true, env = "KIJI_STORE", value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// Colours for a dark or a light terminal, or none; NO_COLOR set means none [default: dark]
    #[arg(long, global = true, env = "KIJI_THEME", value_enum)]
    pub theme: Option<ThemeArg>,

    /// The configuration file [default: the platform config folder, e.g. ~/.config/kiji/config.toml]
    #[arg(long, global = true, env = "KIJI_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Say what kiji is doing on standard error (the reader writes to its log file instead)
    #[arg(long, short, global = true)]
    pub verbose: bool,

    /// While reading, import dumps dropped into this folder as they arrive
    #[arg(long, value_name = "DIR")]
    pub watch: Option<PathBuf>,

    /// Read these dump files and folders without importing them
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `kiji export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    #[value(name = "md")]
    Markdown,
}

/// The themes `--theme` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    None,
}

impl Cli {
    /// The theme to draw with: none when `NO_COLOR` is set to anything
    /// (no-color.org), else the one asked for here, else the configured
    /// one, else dark.
    pub fn theme(&self, config: &Config) -> ThemeName {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self.theme {
            _ if no_color => ThemeName::NoColor,
            Some(ThemeArg::Dark) => ThemeName::Dark,
            Some(ThemeArg::Light) => ThemeName::Light,
            Some(ThemeArg::None) => ThemeName::NoColor,
            None => config.theme.unwrap_or_default(),
        }
    }

    /// The configuration: the file given, or the one in the platform config
    /// folder if there is one.
    pub fn load_config(&self) -> Result<Config> {
        let config = match &self.config {
            Some(path) => crate::config::load(path, true)?,
            None => match crate::config::default_path() {
                Some(path) => crate::config::load(&path, false)?,
                None => Config::default(),
            },
        };
        Ok(config)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import dump files and folders (searched recursively for *.txt) into the store
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the parsed articles as one JSON array; the store is not touched
    Parse {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the stored headlines, newest first
    List {
        /// Only this section
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        /// Only articles not read yet
        #[arg(long)]
        unread: bool,
        /// Only saved articles
        #[arg(long)]
        saved: bool,
        /// One JSON array of the articles, without their bodies
        #[arg(long)]
        json: bool,
    },
    /// Search the store: words (all must match), "exact phrases", -excluded, prefix*
    ///
    /// Options go before the query, since a query may hold words starting with -.
    Search {
        /// What to look for
        #[arg(required = true, value_name = "QUERY", allow_hyphen_values = true)]
        query: Vec<String>,
        /// Only this section
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        /// One JSON array of the matches, best first, each with its snippet
        #[arg(long)]
        json: bool,
    },
    /// Write articles out: JSON as kiji parse prints it (kiji import takes it back), or Markdown
    Export {
        /// Only this section
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
    },
    /// Show where the configuration file is, or print a commented default one
    Config {
        /// Print a configuration file with every setting at its default
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script: kiji completions bash > ~/.local/share/bash-completion/completions/kiji
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): kiji man > ~/.local/share/man/man1/kiji.1
    Man,
    /// List the sections with their article counts
    Sections {
        /// One JSON array of {name, articles, unread}
        #[arg(long)]
        json: bool,
    },
}

/// How many articles go into one import transaction: large enough that the
/// search index is written in few large pieces, small enough that an
/// interrupted import loses little work and memory stays low (about 15 MB
/// of articles).
const BATCH: usize = 5000;
/// Batches at least this large show a progress bar on a terminal.
const PROGRESS_FROM: usize = 200;

/// Imports files and folders. Returns whether every file was imported.
pub fn import(store: &mut Store, paths: &[PathBuf]) -> Result<bool> {
    let files = dump_files(paths);
    // smaller batches let the crash tests stop an import between commits
    let batch_size = std::env::var("KIJI_IMPORT_BATCH")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(BATCH);
    if files.len() > batch_size {
        store.prepare_bulk_import()?;
    }
    let progress = if std::io::stderr().is_terminal() && files.len() >= PROGRESS_FROM {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let started = std::time::Instant::now();
    tracing::debug!(files = files.len(), batch = batch_size, "import starting");
    let mut counts = ImportCounts::default();
    let mut failed = 0;
    let mut batch = Vec::with_capacity(batch_size);
    // files are read and parsed on a second thread while this one writes
    // the previous batch: on two cores that hides the parsing entirely
    let (sender, loaded) = std::sync::mpsc::sync_channel(BATCH);
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            for file in files {
                if sender.send(file.and_then(|path| load_file(&path))).is_err() {
                    break;
                }
            }
        });
        for file in loaded {
            match file {
                Ok(loaded) => {
                    for warning in &loaded.warnings {
                        progress.suspend(|| eprintln!("{}", clean(warning)));
                    }
                    batch.extend(loaded.articles);
                }
                Err(error) => {
                    failed += 1;
                    progress.suspend(|| eprintln!("{}", clean(&error.to_string())));
                }
            }
            if batch.len() >= batch_size {
                counts.merge(write_batch(store, &batch)?);
                batch.clear();
            }
            progress.inc(1);
        }
        Ok(())
    })?;
    counts.merge(write_batch(store, &batch)?);
    progress.finish_and_clear();
    tracing::debug!(took = ?started.elapsed(), "import finished");
    println!(
        "imported {}, updated {}, unchanged {}, failed {failed}",
        counts.imported, counts.updated, counts.unchanged
    );
    Ok(failed == 0)
}

fn write_batch(store: &mut Store, batch: &[Article]) -> Result<ImportCounts> {
    store
        .import(batch)
        .with_context(|| format!("importing into {}", store.label()))
}

/// Prints the parsed articles as one JSON array. Returns whether every file
/// parsed.
pub fn parse(paths: &[PathBuf]) -> Result<bool> {
    let batch = load::load_paths(paths);
    for warning in &batch.warnings {
        eprintln!("{}", clean(warning));
    }
    for failure in &batch.failures {
        eprintln!("{}", clean(&failure.to_string()));
    }
    print_json(&batch.articles)?;
    Ok(batch.failures.is_empty())
}

/// Prints the headlines, newest first (best first for a search).
pub fn list(store: &Store, filter: &Filter, json: bool) -> Result<()> {
    let articles = store.listing(filter)?;
    if json {
        let listing = articles
            .iter()
            .map(|article| without_body(article, None))
            .collect::<Result<Vec<_>, _>>()?;
        return print_json(&listing);
    }
    print_rows(&articles, None)
}

/// Prints the matches of a search, best first, each with a snippet.
pub fn search(store: &Store, words: &[String], section: Option<String>, json: bool) -> Result<()> {
    if let Some(option) = words.iter().find(|w| w.starts_with("--")) {
        anyhow::bail!("put options before the query, as in `kiji search {option} QUERY`");
    }
    let query = Query::parse(&words.join(" "));
    if query.is_empty() {
        anyhow::bail!("nothing to search for: give at least one word that is not excluded");
    }
    let filter = Filter {
        section,
        query: Some(query.clone()),
        ..Filter::default()
    };
    let articles = store.listing(&filter)?;
    let mut snippets = Vec::with_capacity(articles.len());
    for article in &articles {
        let body = store.body(&article.id)?;
        let snippet = query
            .snippet(body.iter().map(String::as_str), SNIPPET_WIDTH)
            .or_else(|| query.snippet([article.headline.as_str()], SNIPPET_WIDTH))
            .unwrap_or_default();
        snippets.push(snippet);
    }
    if json {
        let listing = articles
            .iter()
            .zip(&snippets)
            .map(|(article, snippet)| without_body(article, Some(snippet)))
            .collect::<Result<Vec<_>, _>>()?;
        return print_json(&listing);
    }
    print_rows(&articles, Some(&snippets))
}

/// Characters of context a search snippet shows.
const SNIPPET_WIDTH: usize = 76;

fn without_body(article: &Article, snippet: Option<&str>) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(article)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("body");
        if let Some(snippet) = snippet {
            object.insert("snippet".into(), snippet.into());
        }
    }
    Ok(value)
}

/// `date  section  headline` lines, sections padded to one column, each
/// followed by its snippet when there are snippets.
fn print_rows(articles: &[Article], snippets: Option<&[String]>) -> Result<()> {
    let width = articles
        .iter()
        .filter_map(|a| a.section.as_deref())
        .map(|s| text_width(s).min(24))
        .max()
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (index, article) in articles.iter().enumerate() {
        let date = article.published.map_or_else(
            || "undated   ".to_owned(),
            |p| p.format("%Y-%m-%d").to_string(),
        );
        let section = clean(article.section.as_deref().unwrap_or(""));
        let pad = width.saturating_sub(text_width(&section));
        writeln!(
            out,
            "{date}  {section}{:pad$}  {}",
            "",
            clean(&article.headline)
        )?;
        if let Some(snippet) = snippets.and_then(|s| s.get(index)) {
            writeln!(out, "            {}", clean(snippet))?;
        }
    }
    Ok(())
}

fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Prints the sections with their counts.
pub fn sections(store: &Store, json: bool) -> Result<()> {
    let sections = store.sections()?;
    if json {
        return print_json(&sections);
    }
    let width = sections
        .iter()
        .map(|s| text_width(&s.name))
        .max()
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for section in &sections {
        let name = clean(&section.name);
        let pad = width.saturating_sub(text_width(&name));
        writeln!(
            out,
            "{name}{:pad$}  {:>6} articles  {:>6} unread",
            "", section.articles, section.unread
        )?;
    }
    Ok(())
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes the articles of a section, or all, to standard output, one at a
/// time so a large store needs little memory.
pub fn export(store: &Store, section: Option<String>, format: ExportFormat) -> Result<()> {
    let filter = Filter {
        section,
        ..Filter::default()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    if format == ExportFormat::Json {
        out.write_all(b"[")?;
    }
    store.each_article(&filter, |article| {
        match format {
            ExportFormat::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut out, &article)?;
            }
            ExportFormat::Markdown => {
                if !first {
                    out.write_all(b"\n---\n\n")?;
                }
                out.write_all(crate::export::markdown(&article).as_bytes())?;
            }
        }
        first = false;
        Ok::<(), anyhow::Error>(())
    })?;
    if format == ExportFormat::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Prints a completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) {
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "kiji", &mut std::io::stdout());
}

/// Prints the manual page.
pub fn man() -> Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(&mut std::io::stdout().lock())?;
    Ok(())
}

/// Opens the store named on the command line, else in the configuration,
/// else the default one.
pub fn open_store(cli: &Cli, config: &Config) -> Result<Store> {
    Ok(Store::open(&store_path(cli, config)?)?)
}

/// Where the store is: `--store` or `KIJI_STORE`, else the configuration,
/// else the platform data folder.
pub fn store_path(cli: &Cli, config: &Config) -> Result<PathBuf> {
    Ok(match (&cli.store, &config.store) {
        (Some(path), _) => path.clone(),
        (None, Some(path)) => expand_home(path),
        (None, None) => crate::store::default_path()
            .context("no home directory to keep the store in; pass --store PATH")?,
    })
}

/// `~/x` as a path in the home folder.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

/// Where the configuration file is, and whether it exists.
pub fn config_location(cli: &Cli) {
    match cli.config.clone().or_else(crate::config::default_path) {
        Some(path) if path.exists() => println!("{}", path.display()),
        Some(path) => println!(
            "{} (not there yet: kiji config --default > it)",
            path.display()
        ),
        None => println!("no configuration folder on this system; pass --config PATH"),
    }
}

/// An in-memory store of the given files, for reading without importing.
/// Returns it with a line for each file that could not be read.
pub fn scratch_store(paths: &[PathBuf]) -> Result<(Store, Vec<String>)> {
    let mut store = Store::open_in_memory()?;
    let batch = load::load_paths(paths);
    store.import(&batch.articles)?;
    let problems = batch
        .failures
        .iter()
        .map(|failure| clean(&failure.to_string()).into_owned())
        .collect();
    Ok((store, problems))
}

/// An in-memory store of the built-in sample articles.
pub fn sample_store() -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    store.import(&load::samples())?;
    Ok(store)
}
