//! Where kiji keeps its files by default: the platform's data, config and
//! state folders (`~/.local/share/kiji`, `~/.config/kiji`,
//! `~/.local/state/kiji` on Linux).

use std::path::{Path, PathBuf};

use directories::{BaseDirs, ProjectDirs};

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "kiji")
}

/// The store when none is named: `kiji.db` in the data folder.
pub fn default_store() -> Option<PathBuf> {
    project().map(|dirs| dirs.data_dir().join("kiji.db"))
}

/// The configuration file when none is named.
pub fn default_config() -> Option<PathBuf> {
    project().map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The reader's log file: `kiji.log` in the state folder, else the data
/// folder.
pub fn log_file() -> Option<PathBuf> {
    let dirs = project()?;
    let folder = dirs.state_dir().unwrap_or_else(|| dirs.data_dir());
    Some(folder.join("kiji.log"))
}

/// `~/x` as a path in the home folder; other paths as they are.
pub fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}
