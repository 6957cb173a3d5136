//! What each command does: a function from its arguments (and the store it
//! reads) to what it writes. Everything a command prints goes through one
//! writer, so a closed pipe ends it quietly and any other write error is one
//! line and a failure, here, for every command.

mod config;
mod export;
mod feeds;
pub mod import;
mod list;
mod output;
mod parse;
mod read;
mod refresh;
pub mod search;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::config::{Config, ThemeName};
use crate::sanitize::clean;
use crate::store::{Filter, Store, Upkeep};

/// Runs what the command line asks, and says how it went.
pub fn run(cli: &Cli) -> ExitCode {
    // Past a file-size limit the kernel sends SIGXFSZ, which would kill kiji
    // mid-write; with a handler the write fails instead and is reported.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    if output::was_closed() {
        report("kiji: standard output is closed; nothing can be written");
        return ExitCode::FAILURE;
    }
    let mut out = std::io::BufWriter::new(output::Output(std::io::stdout()));
    let result = dispatch(cli, &mut out).and_then(|ok| {
        out.flush()?;
        Ok(ok)
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // output piped into a program that stopped reading (`kiji list | head`)
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // what the command printed before it failed comes first
            let _ = out.flush();
            report(&format!("kiji: {error:#}"));
            match error.downcast_ref::<import::Interrupted>() {
                Some(stopped) => stopped.exit_code(),
                None => ExitCode::FAILURE,
            }
        }
    }
}

/// What clap says instead of running a command — help, the version, or
/// a mistake in the command line — written as every command writes.
pub fn usage(error: &clap::Error) -> ExitCode {
    if !error.use_stderr() {
        let mut out = output::Output(std::io::stdout());
        let text = if std::io::stdout().is_terminal() {
            error.render().ansi().to_string()
        } else {
            error.render().to_string()
        };
        let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
        return match written {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(error) => {
                report(&format!("kiji: {error}"));
                ExitCode::FAILURE
            }
            Ok(()) => ExitCode::SUCCESS,
        };
    }
    let _ = error.print();
    ExitCode::from(2)
}

/// Runs a command, writing its output to `out`; `Ok(false)` when some input
/// failed.
fn dispatch(cli: &Cli, out: &mut impl Write) -> Result<bool> {
    if cli.command.is_some() && !cli.paths.is_empty() {
        anyhow::bail!("paths go after the command, as in `kiji import PATH...`");
    }
    let config = load_config(cli)?;
    let read_store = || open_store(cli, &config, false);
    let fetcher = || crate::fetch::Fetcher::new(config.fetch.clone());
    match &cli.command {
        Some(Command::Parse { paths }) => {
            let (pages, files) = refresh::fetch_addresses(paths, &fetcher());
            parse::parse(pages, &files, out)
        }
        Some(Command::Config { default, .. }) => config::config(cli, *default, out).map(|()| true),
        Some(Command::Completions { shell }) => config::completions(*shell, out).map(|()| true),
        Some(Command::Man { dir }) => config::man(dir.as_deref(), out).map(|()| true),
        Some(Command::Export {
            section, format, ..
        }) => {
            let store = read_store()?;
            let section = section_named(&store, section.as_deref())?;
            export::export(&store, section, *format, out).map(|()| true)
        }
        Some(Command::Import {
            paths, batch_size, ..
        }) => {
            let mut store = open_store(cli, &config, true)?;
            let (pages, files) = refresh::fetch_addresses(paths, &fetcher());
            import::import(&mut store, pages, &files, *batch_size, out)
        }
        Some(Command::Follow { url, opml, .. }) => follow_command(
            &mut open_store(cli, &config, true)?,
            url.as_ref(),
            opml.as_ref(),
            &fetcher,
            out,
        ),
        Some(Command::Unfollow { url, .. }) => feeds::unfollow(&mut read_store()?, url, out),
        Some(Command::Feeds { json, opml, .. }) => {
            let format = feeds::FeedsFormat::of(*json, *opml);
            feeds::feeds(&read_store()?, format, out).map(|()| true)
        }
        Some(Command::Refresh { .. }) => refresh::refresh(&mut read_store()?, &fetcher(), out),
        Some(Command::List {
            section,
            unread,
            saved,
            json,
            ..
        }) => {
            let store = read_store()?;
            let section = section_named(&store, section.as_deref())?;
            list_command(&store, section, *unread, *saved, *json, out)
        }
        Some(Command::Search {
            query,
            section,
            json,
            limit,
            all,
            ..
        }) => {
            // a query with nothing to look for is refused before the store
            let query = search::query_of(query)?;
            let limit = (!*all).then_some(*limit);
            search_command(
                &read_store()?,
                &query,
                section.as_deref(),
                limit,
                *json,
                out,
            )
        }
        Some(Command::Sections { json, .. }) => {
            list::sections(&read_store()?, *json, out).map(|()| true)
        }
        None => read::read(cli, &config, out).map(|()| true),
    }
}

/// `kiji search`: the section named, the matches printed.
fn search_command(
    store: &Store,
    query: &crate::search::Query,
    section: Option<&str>,
    limit: Option<usize>,
    json: bool,
    out: &mut impl Write,
) -> Result<bool> {
    let section = section_named(store, section)?;
    search::search(store, query, section, limit, json, out).map(|()| true)
}

/// `kiji list`: the headlines of a section, unread or saved ones only.
fn list_command(
    store: &Store,
    section: Option<String>,
    unread_only: bool,
    saved_only: bool,
    json: bool,
    out: &mut impl Write,
) -> Result<bool> {
    let filter = Filter {
        section,
        unread_only,
        saved_only,
        query: None,
    };
    list::list(store, &filter, json, out).map(|()| true)
}

/// `kiji follow`: one feed by URL, or every feed of an OPML file.
fn follow_command(
    store: &mut Store,
    url: Option<&String>,
    opml: Option<&PathBuf>,
    fetcher: &impl Fn() -> crate::fetch::Fetcher,
    out: &mut impl Write,
) -> Result<bool> {
    match (url, opml) {
        (_, Some(path)) => feeds::follow_opml(store, path, out),
        (Some(url), None) => feeds::follow(store, &fetcher(), url, out),
        (None, None) => anyhow::bail!("kiji follow needs a URL or --opml FILE"),
    }
}

/// The stored section a name means, whatever its case; a name that is no
/// section is an error listing those there are.
fn section_named(store: &Store, name: Option<&str>) -> Result<Option<String>> {
    let Some(name) = name else {
        return Ok(None);
    };
    let sections = store.sections()?;
    if let Some(section) = crate::store::find_section(&sections, name) {
        return Ok(Some(section.name.clone()));
    }
    let names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
    match names.as_slice() {
        [] => anyhow::bail!("no section \"{name}\": the store has no sections yet"),
        _ => anyhow::bail!(
            "no section \"{name}\"; the sections are: {}",
            names.join(", ")
        ),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            == broken
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

/// Writes a line for the person at the terminal to standard error, cleaned
/// of anything a terminal would act on. A standard error that cannot be
/// written to is no reason to stop.
pub fn report(line: &str) {
    let _ = writeln!(std::io::stderr(), "{}", clean(line));
}

/// The configuration: the file given, or the one in the platform config
/// folder if there is one.
fn load_config(cli: &Cli) -> Result<Config> {
    let config = match &config_path(cli) {
        Some(path) => crate::config::load(path, true)?,
        None => match crate::config::default_path() {
            Some(path) => crate::config::load(&path, false)?,
            None => Config::default(),
        },
    };
    Ok(config)
}

/// The configuration file named on the command line, if one is.
fn config_path(cli: &Cli) -> Option<std::path::PathBuf> {
    match &cli.command {
        Some(Command::Config { config, .. }) => config.clone().or_else(|| cli.files.config.clone()),
        _ => cli.files().config,
    }
}

/// The theme to draw with: none when `NO_COLOR` is set to anything
/// (no-color.org), else the one asked for on the command line, else the
/// configured one, else dark.
fn theme(cli: &Cli, config: &Config) -> ThemeName {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match cli.theme {
        _ if no_color => ThemeName::NoColor,
        Some(theme) => theme.into(),
        None => config.theme.unwrap_or_default(),
    }
}

/// Opens the store named on the command line, else in the configuration,
/// else the default one; creates it when `create`, else it must be there.
fn open_store(cli: &Cli, config: &Config, create: bool) -> Result<Store> {
    let path = store_path(cli, config)?;
    // said before the reader takes the screen: a million articles take
    // about 30 s
    let upkeep = |upkeep| {
        report(&match upkeep {
            Upkeep::Upgrade(version) => format!(
                "kiji: bringing {} up to date (schema {version} to {}); a large store takes a while",
                path.display(),
                crate::store::SCHEMA_VERSION
            ),
            Upkeep::BuildIndexes => format!(
                "kiji: building the indexes of {} that an import stopped before its end left out; a large store takes a while",
                path.display()
            ),
        });
    };
    Ok(Store::open_telling(&path, create, &upkeep)?)
}

/// Where the store is: `--store` or `KIJI_STORE`, else the configuration,
/// else the platform data folder.
fn store_path(cli: &Cli, config: &Config) -> Result<PathBuf> {
    Ok(match (&cli.files().store, &config.store) {
        (Some(path), _) => path.clone(),
        (None, Some(path)) => crate::dirs::expand_home(path),
        (None, None) => crate::store::default_path()
            .context("no home directory to keep the store in; pass --store PATH")?,
    })
}

/// Whether standard error is a terminal a progress bar can be drawn on.
fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

#[cfg(test)]
mod output_tests;
