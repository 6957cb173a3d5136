//! kiji's entry point: read the command line, start logging, run the
//! command (or the reader) it names.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use kiji::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(kiji::cli::arguments(std::env::args_os())) {
        Ok(cli) => cli,
        Err(error) => return kiji::commands::usage(&error),
    };
    let reader = cli.command.is_none() && std::io::stdout().is_terminal();
    kiji::logging::start(reader, cli.verbose);
    kiji::commands::run(&cli)
}
