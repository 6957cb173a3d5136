//! The commands about kiji itself: where its configuration is, a default
//! one, shell completions and the manual page.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use roff::{Roff, bold, italic, roman};

use crate::cli::Cli;

/// `kiji config`: where the configuration file is and whether it exists;
/// with `default`, a commented file with every setting at its default.
pub fn config(cli: &Cli, default: bool, out: &mut impl Write) -> Result<()> {
    if default {
        out.write_all(crate::config::default_file().as_bytes())?;
        return Ok(());
    }
    match super::config_path(cli).or_else(crate::config::default_path) {
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

/// Prints the manual page; with `dir`, writes it and a page for each
/// command there instead.
pub fn man(dir: Option<&Path>, out: &mut impl Write) -> Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    let Some(dir) = dir else {
        return Ok(out.write_all(&main_page(&command, false)?)?);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut written = vec![write_page(dir, "kiji.1", &main_page(&command, true)?)?];
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("kiji-{}", sub.get_name());
        let page = sub
            .clone()
            .display_name(name.clone())
            .bin_name(format!("kiji {}", sub.get_name()));
        let mut roff = Vec::new();
        clap_mangen::Man::new(page).render(&mut roff)?;
        written.push(write_page(dir, &format!("{name}.1"), &roff)?);
    }
    for path in written {
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

fn write_page(dir: &Path, name: &str, roff: &[u8]) -> Result<std::path::PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, roff).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// kiji's own page: what clap knows of the options, then the commands, the
/// keys (from the key table), the files, the environment and the exit
/// codes; with `see_also`, the commands' own pages named at the end.
fn main_page(command: &clap::Command, see_also: bool) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        roff.control("TP", []);
        roff.text([bold(format!("kiji {}", sub.get_name()))]);
        roff.text([roman(
            sub.get_about().map(ToString::to_string).unwrap_or_default(),
        )]);
    }
    keys_section(&mut roff);
    roff.control("SH", ["FILES"]);
    for (path, what) in [
        (
            "~/.local/share/kiji/kiji.db",
            "the store (the platform data folder), unless --store, KIJI_STORE or the configuration name another",
        ),
        (
            "~/.config/kiji/config.toml",
            "the configuration (the platform config folder); kiji config --default prints one",
        ),
        (
            "~/.local/state/kiji/kiji.log",
            "what the reader logs (the platform state folder)",
        ),
    ] {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        ("KIJI_STORE", "the store, as --store"),
        ("KIJI_CONFIG", "the configuration file, as --config"),
        ("KIJI_THEME", "dark, light or none, as --theme"),
        ("NO_COLOR", "set to anything: no colour (no-color.org)"),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in [
        (
            "0",
            "done; also when the output was piped into a program that stopped reading",
        ),
        (
            "1",
            "an error, or some of the input could not be read (each named on standard error)",
        ),
        ("2", "the command line was wrong"),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(what)]);
    }
    if see_also {
        roff.control("SH", ["SEE ALSO"]);
        let pages: Vec<String> = command
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .map(|s| format!("kiji-{}(1)", s.get_name()))
            .collect();
        roff.text([roman(pages.join(", "))]);
    }
    roff.to_writer(&mut out)?;
    Ok(out)
}

/// The reader's keys, from the key table, by context.
fn keys_section(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    let keymap = crate::keys::Keymap::default();
    for line in crate::keys::help_lines() {
        match line {
            crate::keys::HelpLine::Heading(title) => {
                roff.control("SS", [title]);
            }
            crate::keys::HelpLine::Blank => {}
            crate::keys::HelpLine::Binding(binding) => {
                roff.control("TP", []);
                roff.text([bold(keymap.label(binding))]);
                roff.text([roman(binding.help)]);
            }
        }
    }
}
