//! The command line as clap reads it: the options, the commands and their
//! arguments. What each command does is in [`crate::commands`].
//!
//! Options show where they have an effect: `--store` and `--config` on the
//! reader and the commands that read them, `--theme` and `--watch` on the
//! reader, and `--verbose`, which every command heeds, once under its own
//! heading.

use std::ffi::OsString;
use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::ThemeName;

#[derive(Debug, Parser)]
#[command(
    name = "kiji",
    version,
    about = "A terminal news reader for news article pages: from the web and its feeds, or saved as HTML or text",
    long_about = "A terminal news reader for news article pages: from the web and its feeds, or saved as HTML or text.\n\n\
        With no command, opens the reader on the store (on the built-in sample \
        articles while the store is empty). With paths, opens the reader on those \
        files and folders without importing them.",
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    #[command(flatten)]
    pub files: Files,

    /// Colours for a dark or a light terminal, or none; NO_COLOR set means none [default: dark]
    #[arg(long, env = "KIJI_THEME", value_enum)]
    pub theme: Option<ThemeArg>,

    /// While reading, import dumps dropped into this folder as they arrive
    #[arg(long, value_name = "DIR")]
    pub watch: Option<PathBuf>,

    /// Say what kiji is doing on standard error (the reader writes to its log file instead)
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub verbose: bool,

    /// Read these files and folders without importing them
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The store and the configuration a command reads.
#[derive(Debug, Clone, Default, Args)]
pub struct Files {
    /// The store to use [default: the platform data directory, e.g. ~/.local/share/kiji/kiji.db]
    #[arg(long, env = "KIJI_STORE", value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// The configuration file [default: the platform config folder, e.g. ~/.config/kiji/config.toml]
    #[arg(long, env = "KIJI_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
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

impl Cli {
    /// The store and configuration named: a command's own options, else
    /// those given before it.
    pub fn files(&self) -> Files {
        let own = self.command.as_ref().and_then(Command::files);
        Files {
            store: own
                .and_then(|f| f.store.clone())
                .or_else(|| self.files.store.clone()),
            config: own
                .and_then(|f| f.config.clone())
                .or_else(|| self.files.config.clone()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files, folders and pages on the web: *.txt and *.md dumps, saved *.html pages, *.json exports, http(s) addresses
    ///
    /// Folders are searched through for those files; an address is fetched
    /// and its page read as an article. Exits 0 when everything was
    /// imported, 1 when a file or page failed (the others are kept), and
    /// 128 and the signal's number (130 for Ctrl-C) when stopped.
    Import {
        #[arg(required = true, value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
        /// Articles written to the store in one transaction: an interrupted
        /// import keeps every whole batch written before it stopped; larger
        /// batches import a large archive faster, in no more memory
        #[arg(long, value_name = "N", default_value_t = crate::commands::import::BATCH)]
        batch_size: NonZeroUsize,
        #[command(flatten)]
        files: Files,
    },
    /// Print the articles in files, folders and pages on the web as one JSON array; the store is not touched
    Parse {
        #[arg(required = true, value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
    },
    /// List the stored headlines, newest first
    List {
        /// Only this section (in any case)
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
        #[command(flatten)]
        files: Files,
    },
    /// Search the store: words (all must match), "exact phrases", -excluded, prefix*
    ///
    /// Options may come anywhere; a word starting with - that is no option is
    /// an exclusion, and -- ends the options.
    Search {
        /// What to look for
        #[arg(required = true, value_name = "QUERY", allow_hyphen_values = true)]
        query: Vec<String>,
        /// Only this section (in any case)
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        /// One JSON array of the matches, best first, each with its snippet
        #[arg(long)]
        json: bool,
        /// Print the best N matches
        #[arg(long, value_name = "N", default_value_t = crate::commands::search::DEFAULT_LIMIT, conflicts_with = "all")]
        limit: usize,
        /// Print every match, however many (streamed as they are ranked)
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        files: Files,
    },
    /// Write articles out: JSON as kiji parse prints it (kiji import takes it back), or Markdown
    Export {
        /// Only this section (in any case)
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        #[command(flatten)]
        files: Files,
    },
    /// Show where the configuration file is, or print a commented default one
    Config {
        /// Print a configuration file with every setting at its default
        #[arg(long)]
        default: bool,
        /// The configuration file [default: the platform config folder, e.g. ~/.config/kiji/config.toml]
        #[arg(long, env = "KIJI_CONFIG", value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Print a shell completion script: kiji completions bash > ~/.local/share/bash-completion/completions/kiji
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or with --dir write a page for kiji and each command
    Man {
        /// Write kiji.1 and a page for each command into this folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Follow a feed (RSS, Atom, JSON Feed), or the feed a site's page points to
    ///
    /// kiji refresh then fetches its new items with their whole pages.
    Follow {
        /// The feed's address, or a page of the site
        #[arg(
            value_name = "URL",
            required_unless_present = "opml",
            conflicts_with = "opml"
        )]
        url: Option<String>,
        /// Follow every feed of an OPML file another reader exported
        #[arg(long, value_name = "FILE")]
        opml: Option<PathBuf>,
        #[command(flatten)]
        files: Files,
    },
    /// Stop following a feed; its articles stay in the store
    Unfollow {
        #[arg(value_name = "URL")]
        url: String,
        #[command(flatten)]
        files: Files,
    },
    /// List the feeds followed, with their articles and last fetch
    Feeds {
        /// One JSON array of the feeds
        #[arg(long, conflicts_with = "opml")]
        json: bool,
        /// The feeds as OPML, for another reader
        #[arg(long)]
        opml: bool,
        #[command(flatten)]
        files: Files,
    },
    /// Fetch every feed followed and the whole page of each new item
    Refresh {
        #[command(flatten)]
        files: Files,
    },
    /// List the sections with their article counts
    Sections {
        /// One JSON array of {name, articles, unread}
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        files: Files,
    },
}

impl Command {
    /// The store and configuration options the command takes, if any.
    fn files(&self) -> Option<&Files> {
        match self {
            Self::Import { files, .. }
            | Self::List { files, .. }
            | Self::Search { files, .. }
            | Self::Export { files, .. }
            | Self::Follow { files, .. }
            | Self::Unfollow { files, .. }
            | Self::Feeds { files, .. }
            | Self::Refresh { files }
            | Self::Sections { files, .. } => Some(files),
            Self::Parse { .. }
            | Self::Config { .. }
            | Self::Completions { .. }
            | Self::Man { .. } => None,
        }
    }
}

/// Options that take a value, wherever they stand.
const VALUED: [&str; 6] = [
    "--store",
    "--config",
    "--theme",
    "--watch",
    "--section",
    "--limit",
];

/// The command line made ready for clap: the options of `kiji search` may
/// come anywhere among the words of the query, as people expect of a
/// command line, and are moved before them; every other word of the query,
/// `-excluded` ones too, goes after a `--`. A `--` of the user's own ends
/// the options.
pub fn arguments(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    let Some(at) = command_at(&args).filter(|&at| args[at] == "search") else {
        return args;
    };
    let mut options = Vec::new();
    let mut words = Vec::new();
    let mut rest = args[at + 1..].iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            words.extend(rest.by_ref().cloned());
        } else if VALUED.contains(&text.as_ref()) {
            options.push(arg.clone());
            options.extend(rest.next().cloned());
        } else if text.starts_with("--") || text == "-v" || text == "-h" {
            options.push(arg.clone());
        } else {
            words.push(arg.clone());
        }
    }
    let mut ready = args[..=at].to_vec();
    ready.extend(options);
    if !words.is_empty() {
        ready.push("--".into());
        ready.extend(words);
    }
    ready
}

/// Where the command stands: the first word that is neither an option nor
/// an option's value.
fn command_at(args: &[OsString]) -> Option<usize> {
    let mut at = 1;
    while let Some(arg) = args.get(at) {
        let text = arg.to_string_lossy();
        if VALUED.contains(&text.as_ref()) {
            at += 2;
        } else if text.starts_with('-') {
            at += 1;
        } else {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(line: &str) -> Vec<String> {
        arguments(line.split(' ').map(OsString::from))
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn search_options_may_come_after_the_query() {
        assert_eq!(
            ready("kiji --store s.db search yen --section Business -dollar --json"),
            [
                "kiji",
                "--store",
                "s.db",
                "search",
                "--section",
                "Business",
                "--json",
                "--",
                "yen",
                "-dollar"
            ]
        );
        assert_eq!(
            ready("kiji search --json -- --section"),
            ["kiji", "search", "--json", "--", "--section"]
        );
        assert_eq!(ready("kiji list --json"), ["kiji", "list", "--json"]);
        assert_eq!(ready("kiji search --json"), ["kiji", "search", "--json"]);
    }
}
