//! Standard output as every command writes to it: its errors say what
//! they are about, and a standard output closed when kiji started is
//! noticed rather than written to as if it were there.

use std::io::Write;

/// Standard output, whose errors say they are.
pub struct Output<W>(pub W);

impl<W: Write> Write for Output<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes).map_err(|error| labelled(&error))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(|error| labelled(&error))
    }
}

fn labelled(error: &std::io::Error) -> std::io::Error {
    std::io::Error::new(error.kind(), format!("writing to standard output: {error}"))
}

/// Whether kiji was started with standard output closed (as by the shell's
/// `>&-`). Rust's runtime then opens /dev/null in its place, read and
/// write, so writes succeed into nothing; a shell's redirection to
/// /dev/null opens it for writing only, and is left alone.
pub fn was_closed() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1")
        .is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    })
}
