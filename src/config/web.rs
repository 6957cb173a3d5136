//! The `[fetch]` table of the configuration: the limits every fetch keeps
//! to, and how often the reader refreshes the feeds on its own.

use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::fetch::Settings;

/// `[fetch]` as written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct FetchTable {
    timeout_seconds: Option<Spanned<u64>>,
    pause_ms: Option<Spanned<u64>>,
    per_site: Option<Spanned<usize>>,
    retries: Option<Spanned<u32>>,
    max_megabytes: Option<Spanned<u64>>,
}

/// A value out of its range: the message and where it is.
pub(super) type Mistake = (std::ops::Range<usize>, String);

impl FetchTable {
    /// The settings the table gives, the defaults where it is silent.
    pub(super) fn settings(&self) -> Result<Settings, Mistake> {
        let mut settings = Settings::default();
        if let Some(secs) = &self.timeout_seconds {
            let secs = within(secs, "fetch.timeout_seconds", 1, 600)?;
            settings.timeout = Duration::from_secs(secs);
            settings.connect_timeout = settings.connect_timeout.min(settings.timeout);
        }
        if let Some(ms) = &self.pause_ms {
            settings.pause = Duration::from_millis(within(ms, "fetch.pause_ms", 0, 60_000)?);
        }
        if let Some(n) = &self.per_site {
            settings.per_host = within(n, "fetch.per_site", 1, 16)?;
        }
        if let Some(n) = &self.retries {
            settings.retries = within(n, "fetch.retries", 0, 10)?;
        }
        if let Some(mb) = &self.max_megabytes {
            settings.max_bytes = within(mb, "fetch.max_megabytes", 1, 100)? * 1024 * 1024;
        }
        Ok(settings)
    }
}

fn within<T: Copy + PartialOrd + std::fmt::Display>(
    value: &Spanned<T>,
    name: &str,
    low: T,
    high: T,
) -> Result<T, Mistake> {
    let v = *value.get_ref();
    if v < low || v > high {
        return Err((
            value.span(),
            format!("{name}: {v} is not from {low} to {high}"),
        ));
    }
    Ok(v)
}

/// The lines of the default configuration file for the web.
pub(super) const DEFAULT: &str = "\n\
# Minutes between refreshes of the followed feeds while the reader runs;\n\
# 0 is never (R refreshes at any time).\n\
refresh_minutes = 0\n\
\n\
# Reading the web: kiji import URL, kiji follow, kiji refresh, R.\n\
[fetch]\n\
# The longest one request may take, in seconds.\n\
timeout_seconds = 20\n\
# Milliseconds between the starts of two requests to one site.\n\
pause_ms = 500\n\
# Requests at once to one site.\n\
per_site = 2\n\
# Tries again after a 429 or a 5xx, waiting longer each time.\n\
retries = 2\n\
# The most one page or feed may hold, in megabytes (decompressed).\n\
max_megabytes = 10\n";
