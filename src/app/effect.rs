//! What the app asks its runtime to do outside it: the app never fetches,
//! starts a browser or stops the process itself; it says so, and the
//! runtime ([`crate::reader`]) takes the requests after each update.

use super::App;

/// A request of the app to its runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Fetch every followed feed and the pages of their new items.
    Refresh,
    /// Fetch the page at `url` as an article, reporting back with `id`.
    Fetch { id: u64, url: String },
    /// Open the address in the web browser.
    OpenInBrowser(String),
    /// Stop as a shell job, the terminal put back, until continued.
    Suspend,
}

impl App {
    /// What the app has asked for since last taken, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub(super) fn suspend(&mut self) {
        self.effects.push(Effect::Suspend);
    }
}
