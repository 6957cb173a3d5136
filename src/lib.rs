//! kiji: a terminal news reader for plain-text dumps of news article pages.
//!
//! Data flows one way: dump text → [`parse`] → [`article`] → [`store`] →
//! app state → view → terminal.

pub mod action;
pub mod app;
pub mod article;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod export;
pub mod keys;
pub mod layout;
pub mod load;
pub mod parse;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod ui;
pub mod watch;

/// The reader's log file: `kiji.log` in the platform state folder
/// (`~/.local/state/kiji` on Linux), else the data folder.
pub fn log_path() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "kiji")?;
    let folder = dirs.state_dir().unwrap_or_else(|| dirs.data_dir());
    Some(folder.join("kiji.log"))
}
