//! `kiji` with no command: the reader, on the store, on files named on the
//! command line, or on the built-in sample articles while the store is
//! empty. Piped, it prints the list instead of drawing a screen.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;

use super::{list, open_store, report, store_path, theme};
use crate::cli::Cli;
use crate::config::{Config, TimeZone};
use crate::load;
use crate::reader::{self, Hooks, Options};
use crate::store::{Filter, Store};

/// Opens the reader, or prints the list when standard output is no
/// terminal.
pub fn read(cli: &Cli, config: &Config, out: &mut impl Write) -> Result<()> {
    if let Some(dir) = &cli.watch
        && !dir.is_dir()
    {
        anyhow::bail!("cannot watch {}: no such folder", dir.display());
    }
    let (store, notice, marks_kept) = reader_store(cli, config)?;
    if !std::io::stdout().is_terminal() {
        return list::list(&store, &Filter::default(), false, out);
    }
    let watch = match &cli.watch {
        Some(dir) => Some((dir.clone(), store_path(cli, config)?)),
        None => None,
    };
    let writable = marks_kept && cli.paths.is_empty() && !store.is_read_only();
    let options = Options {
        store,
        notice,
        theme: theme(cli, config),
        keymap: config.keymap.clone(),
        sidebar: config.sidebar.unwrap_or(true),
        local_time: config.time_zone == TimeZone::Local,
        section: config.default_section.clone(),
        list_share: config.list_width,
        feeds_store: if writable {
            Some(store_path(cli, config)?)
        } else {
            None
        },
        fetch: config.fetch.clone(),
        refresh_minutes: config.refresh_minutes,
        marks_kept,
        watch,
    };
    reader::run(options, Hooks::default())
}

/// The store the reader opens, a line to greet the reader with, and
/// whether marks made in it are kept.
fn reader_store(cli: &Cli, config: &Config) -> Result<(Store, Option<String>, bool)> {
    if !cli.paths.is_empty() {
        let (store, problems) = scratch_store(&cli.paths)?;
        for problem in &problems {
            report(problem);
        }
        if store.count(&Filter::default())? == 0 {
            anyhow::bail!("no articles in the paths given");
        }
        let notice = (!problems.is_empty()).then(|| {
            format!(
                "{} could not be read; kiji parse PATH says why",
                crate::text::count(problems.len(), "file")
            )
        });
        return Ok((store, notice, false));
    }
    // no store file is made until something is imported into it
    let watching = cli.watch.is_some();
    if watching || store_path(cli, config)?.exists() {
        let store = open_store(cli, config, watching)?;
        // a store that follows feeds is the reader's even before they bring
        // anything: R fills it
        if store.count(&Filter::default())? > 0 || watching || !store.feeds()?.is_empty() {
            return Ok((store, None, true));
        }
    }
    let notice = "Showing the built-in sample articles · import your own with: kiji import DIR";
    Ok((sample_store()?, Some(notice.into()), false))
}

/// An in-memory store of the given files, for reading without importing.
/// Returns it with a line for each file that could not be read.
fn scratch_store(paths: &[PathBuf]) -> Result<(Store, Vec<String>)> {
    let mut store = Store::open_in_memory()?;
    let batch = load::load_paths(paths);
    store.import(&batch.articles)?;
    let problems = batch.failures.iter().map(ToString::to_string).collect();
    Ok((store, problems))
}

/// An in-memory store of the built-in sample articles.
fn sample_store() -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    store.import(&load::samples())?;
    Ok(store)
}
