//! The reader's work on the web, as state and requests: the runtime does
//! the fetching (see [`crate::reader`]) and reports back through
//! [`Action::Web`]; here the app asks for it ([`Effect`]), shows it under
//! way, and takes what comes. The reader never waits on the network.

use super::{App, Effect};
use crate::action::WebEvent;
use crate::article::Article;
use crate::layout::Pane;
use crate::store::StoreError;

/// A page being fetched for a sidebar item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetching {
    pub id: u64,
    pub url: String,
    pub title: String,
}

/// The web as the reader sees it.
#[derive(Debug, Clone, Default)]
pub struct Web {
    /// Whether feeds can be refreshed: not when the reader is on files or
    /// on the sample articles, which have no store to follow feeds in.
    pub can_refresh: bool,
    pub fetching: Option<Fetching>,
    /// A refresh under way: feeds and pages done, of those known so far.
    pub refreshing: Option<(usize, usize)>,
    requests: u64,
}

impl App {
    /// The reader able to refresh feeds into its store.
    #[must_use]
    pub fn with_refresh(mut self, can_refresh: bool) -> Self {
        self.web.can_refresh = can_refresh;
        self
    }

    pub(super) fn start_refresh(&mut self) {
        if !self.web.can_refresh {
            self.notice =
                Some("Feeds need a store: the reader is on files or the sample articles".into());
        } else if let Some((done, total)) = self.web.refreshing {
            self.notice = Some(format!("A refresh is under way: {done} of {total}"));
        } else {
            self.web.refreshing = Some((0, 0));
            self.effects.push(Effect::Refresh);
        }
    }

    /// Fetches the page of a sidebar item that is not in the store.
    pub(super) fn fetch_item(&mut self, title: &str, url: Option<&str>) {
        let Some(url) = url else {
            self.notice = Some(format!(
                "Not in the store, and the page gave no address for it: {title}"
            ));
            return;
        };
        self.web.requests += 1;
        let id = self.web.requests;
        self.web.fetching = Some(Fetching {
            id,
            url: url.to_owned(),
            title: title.to_owned(),
        });
        self.effects.push(Effect::Fetch {
            id,
            url: url.to_owned(),
        });
    }

    /// Stops waiting for the page being fetched; true if one was.
    pub(super) fn cancel_fetch(&mut self) -> bool {
        let cancelled = self.web.fetching.take().is_some();
        if cancelled {
            self.notice = Some("Fetch cancelled".into());
        }
        cancelled
    }

    /// Opens the address of the sidebar item selected, else of the article
    /// read, else of the headline selected.
    pub(super) fn open_in_browser(&mut self) -> Result<(), StoreError> {
        let url = match self.focus {
            Pane::Sidebar => self.sidebar.selected_entry().and_then(|e| e.url.clone()),
            _ => match (&self.reading, self.list.selected_headline()) {
                (Some(reading), _) => reading.article.url.clone(),
                (None, Some(headline)) => {
                    let key = headline.key;
                    self.store.article(key)?.and_then(|a| a.url)
                }
                (None, None) => None,
            },
        };
        match url {
            Some(url) => {
                self.notice = Some(format!("Opening {} in the browser", host_of(&url)));
                self.effects.push(Effect::OpenInBrowser(url));
            }
            None => self.notice = Some("No web address for this: it was read from a file".into()),
        }
        Ok(())
    }

    pub(super) fn web_event(&mut self, event: WebEvent) -> Result<(), StoreError> {
        match event {
            WebEvent::Progress(done, total) => {
                if self.web.refreshing.is_some() {
                    self.web.refreshing = Some((done, total));
                }
            }
            WebEvent::Failed(why) => self.notice = Some(why),
            WebEvent::Refreshed(summary, _) => {
                self.web.refreshing = None;
                self.refresh()?;
                self.notice = Some(summary);
            }
            WebEvent::Fetched(id, result) => {
                if self.web.fetching.as_ref().is_none_or(|f| f.id != id) {
                    // cancelled, or superseded by a later request
                    return Ok(());
                }
                self.web.fetching = None;
                match result {
                    Ok(article) => return self.open_fetched(&article),
                    Err(why) => self.notice = Some(why),
                }
            }
        }
        Ok(())
    }

    /// Puts a fetched page in the store and opens it, as following a
    /// stored sidebar item would.
    fn open_fetched(&mut self, article: &Article) -> Result<(), StoreError> {
        if self.refuse_if_read_only("the page fetched cannot be kept") {
            return Ok(());
        }
        let key = self.store.import_article(article)?;
        self.refresh()?;
        self.open_followed(key)
    }
}

/// An address's host, for saying where a page is: `japannews.yomiuri.co.jp`.
pub fn host_of(url: &str) -> String {
    crate::web::host(url).unwrap_or_else(|| crate::sanitize::clean(url).into_owned())
}
