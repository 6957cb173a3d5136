//! The command line as clap reads it: the options, the commands and their
//! arguments. What each command does is in [`crate::commands`].

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::ThemeName;

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

impl From<ThemeArg> for ThemeName {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::Dark => Self::Dark,
            ThemeArg::Light => Self::Light,
            ThemeArg::None => Self::NoColor,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import dump files and folders (searched recursively for *.txt) into the store
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Articles written to the store in one transaction: an interrupted
        /// import keeps every whole batch written before it stopped
        #[arg(long, value_name = "N", default_value_t = crate::commands::import::BATCH)]
        batch_size: std::num::NonZeroUsize,
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
