//! Where diagnostics go: for the reader, a log file in the platform state
//! folder (never the screen it draws on); for commands, standard error, and
//! only with `--verbose`.

use std::io::IsTerminal;

/// Starts logging: to the log file when `reader`, else to standard error
/// when `verbose`. Logging that cannot start (no home, a read-only folder)
/// is no reason not to read.
pub fn start(reader: bool, verbose: bool) {
    if reader {
        let Some(path) = crate::dirs::log_file() else {
            return;
        };
        let file = path
            .parent()
            .map(std::fs::create_dir_all)
            .and_then(Result::ok)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .ok()
            });
        if let Some(file) = file {
            let level = if verbose {
                tracing::Level::DEBUG
            } else {
                tracing::Level::INFO
            };
            tracing_subscriber::fmt()
                .with_writer(std::sync::Mutex::new(file))
                .with_ansi(false)
                .with_max_level(level)
                .init();
        }
    } else if verbose {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .with_max_level(tracing::Level::DEBUG)
            .init();
    }
}
