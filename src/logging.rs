//! Where diagnostics go: for the reader, a log file in the platform state
//! folder (never the screen it draws on); for commands, standard error, and
//! only with `--verbose`.

use std::io::Write;

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
                .with_writer(std::sync::Mutex::new(Clean(file)))
                .with_ansi(false)
                .with_max_level(level)
                .init();
        }
    } else if verbose {
        tracing_subscriber::fmt()
            .with_writer(|| Clean(std::io::stderr()))
            .with_ansi(false)
            .with_target(false)
            .with_max_level(tracing::Level::DEBUG)
            .init();
    }
}

/// A log's writer that sends each line through the sanitiser: a log holds
/// addresses, titles and reasons from pages and feeds, and is read with
/// `less` or `tail` on a terminal like any other output.
struct Clean<W>(W);

impl<W: Write> Write for Clean<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(bytes);
        let cleaned: Vec<_> = text.split('\n').map(crate::sanitize::clean).collect();
        self.0.write_all(cleaned.join("\n").as_bytes())?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    #[test]
    fn log_lines_keep_their_breaks_and_lose_escapes() {
        let mut log = super::Clean(Vec::new());
        log.write_all(b"WARN https://a.example/\x1b]52;c;aGk=\x07x: 404 \xc2\x9b31m\nnext\n")
            .expect("written");
        assert_eq!(
            String::from_utf8(log.0).expect("utf-8"),
            "WARN https://a.example/x: 404 \nnext\n"
        );
    }
}
