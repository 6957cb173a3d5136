//! The reader's work on the web, on threads beside it: a sidebar item's
//! page fetched, the feeds refreshed into the store (through a connection
//! of their own), and the timer that refreshes every few minutes. Each
//! reports back as an input; none ever holds up a frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::input::Input;
use crate::action::WebEvent;
use crate::fetch::Fetcher;
use crate::store::Store;

/// Progress is reported at most this often, so a refresh of thousands of
/// pages costs a few frames a second, not one a page.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// Starts the reader's fetches and refreshes.
pub struct Web {
    fetcher: Fetcher,
    /// The store refreshes write to, when the reader is on one.
    store: Option<PathBuf>,
    sender: Sender<Input>,
    /// Set when the reader leaves: a refresh takes no more work.
    leaving: Arc<AtomicBool>,
}

impl Web {
    pub fn new(fetcher: Fetcher, store: Option<PathBuf>, sender: Sender<Input>) -> Self {
        Self {
            fetcher,
            store,
            sender,
            leaving: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Fetches a page as an article, reporting back with `id`.
    pub fn fetch(&self, id: u64, url: String) {
        let (fetcher, sender) = (self.fetcher.clone(), self.sender.clone());
        std::thread::spawn(move || {
            let result = crate::web::fetch_article(&fetcher, &url)
                .map(Box::new)
                .map_err(|error| error.to_string());
            if let Err(why) = &result {
                tracing::warn!("{why}");
            }
            let _ = sender.send(Input::Web(WebEvent::Fetched(id, result)));
        });
    }

    /// Refreshes every followed feed into the store.
    pub fn refresh(&self) {
        let Some(path) = self.store.clone() else {
            return;
        };
        let (fetcher, sender) = (self.fetcher.clone(), self.sender.clone());
        let leaving = Arc::clone(&self.leaving);
        std::thread::spawn(move || {
            let mut last = Instant::now();
            let mut report = |event: &crate::web::Event| {
                if let crate::web::Event::Progress { done, total } = event
                    && (last.elapsed() >= PROGRESS_EVERY || done == total)
                {
                    last = Instant::now();
                    let _ = sender.send(Input::Web(WebEvent::Progress(*done, *total)));
                }
            };
            let outcome = Store::open(&path).and_then(|mut store| {
                crate::web::refresh(
                    &mut store,
                    &fetcher,
                    crate::web::parsers(true),
                    &leaving,
                    &mut report,
                )
            });
            let event = match outcome {
                Ok(summary) if summary.feeds == 0 => WebEvent::Refreshed(
                    "No feeds followed: kiji follow URL follows one".into(),
                    false,
                ),
                Ok(summary) => {
                    WebEvent::Refreshed(summary.to_string(), !summary.failures.is_empty())
                }
                Err(error) => WebEvent::Refreshed(format!("refresh: {error}"), true),
            };
            let _ = sender.send(Input::Web(event));
        });
    }

    /// Reports back to the reader as its work on the web does.
    pub fn report(&self, event: WebEvent) {
        let _ = self.sender.send(Input::Web(event));
    }

    /// Asks for a refresh every `minutes` while the reader runs.
    pub fn every(&self, minutes: u32) {
        let sender = self.sender.clone();
        let period = Duration::from_secs(u64::from(minutes) * 60);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(period);
                if sender.send(Input::RefreshDue).is_err() {
                    break;
                }
            }
        });
    }
}

impl Drop for Web {
    fn drop(&mut self) {
        self.leaving.store(true, Ordering::Relaxed);
    }
}
