//! The commands about kiji itself: where its configuration is, a default
//! one, shell completions and the manual page.

use std::io::Write;

use anyhow::Result;

use crate::cli::Cli;

/// `kiji config`: where the configuration file is and whether it exists;
/// with `default`, a commented file with every setting at its default.
pub fn config(cli: &Cli, default: bool, out: &mut impl Write) -> Result<()> {
    if default {
        out.write_all(crate::config::default_file().as_bytes())?;
        return Ok(());
    }
    match cli.config.clone().or_else(crate::config::default_path) {
        Some(path) if path.exists() => writeln!(out, "{}", path.display())?,
        Some(path) => writeln!(
            out,
            "{} (not there yet: kiji config --default > it)",
            path.display()
        )?,
        None => writeln!(
            out,
            "no configuration folder on this system; pass --config PATH"
        )?,
    }
    Ok(())
}

/// Prints a completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<()> {
    let mut command = <Cli as clap::CommandFactory>::command();
    // clap_complete panics when its writer fails: it writes to memory, and
    // the script goes out through `out`, whose errors are reported
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "kiji", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Prints the manual page.
pub fn man(out: &mut impl Write) -> Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(out)?;
    Ok(())
}
