//! kiji's entry point: parse the command line, open the store, then run a
//! command or the reader.

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use kiji::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("kiji: {}", kiji::sanitize::clean(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Runs what the command line asks; `Ok(false)` when some input failed.
fn run(cli: &Cli) -> Result<bool> {
    if cli.command.is_some() && !cli.paths.is_empty() {
        anyhow::bail!("paths go after the command, as in `kiji import PATH...`");
    }
    match &cli.command {
        Some(Command::Parse { paths }) => cli::parse(paths),
        Some(Command::Import { paths }) => cli::import(&mut cli::open_store(cli)?, paths),
        Some(Command::List { section, json }) => {
            cli::list(&cli::open_store(cli)?, section.clone(), *json).map(|()| true)
        }
        Some(Command::Sections { json }) => {
            cli::sections(&cli::open_store(cli)?, *json).map(|()| true)
        }
        None => {
            let store = if cli.paths.is_empty() {
                cli::open_store(cli)?
            } else {
                cli::scratch_store(&cli.paths)?.0
            };
            cli::list(&store, None, false).map(|()| true)
        }
    }
}
