//! Opening articles: the selected headline or sidebar item, the next or
//! previous one in the list, the next unread one (in the next section when
//! this one has none), and back to the article a sidebar item was followed
//! from.

use super::{App, Reading, Tab};
use crate::layout::{self, Pane};
use crate::store::{ArticleKey, StoreError};

/// Articles kept to go back to with Backspace.
const HISTORY: usize = 32;

impl App {
    pub(super) fn open_selected(&mut self) -> Result<(), StoreError> {
        if self.focus == Pane::Sidebar {
            let Some(entry) = self.sidebar.selected_entry() else {
                return Ok(());
            };
            if let Some(key) = entry.article {
                return self.open_followed(key);
            }
            let (title, url) = (entry.title.clone(), entry.url.clone());
            self.fetch_item(&title, url.as_deref());
            return Ok(());
        }
        if let Some(key) = self.list.selected_headline().map(|h| h.key) {
            self.open(key)?;
        }
        Ok(())
    }

    /// Opens an article a sidebar item leads to, remembering the one read
    /// before it for Backspace.
    pub(super) fn open_followed(&mut self, key: ArticleKey) -> Result<(), StoreError> {
        let from = self.reading.as_ref().map(|r| r.key);
        self.open(key)?;
        self.select_article(key)?;
        if let Some(from) = from.filter(|from| *from != key) {
            if self.history.len() == HISTORY {
                self.history.remove(0);
            }
            self.history.push(from);
        }
        Ok(())
    }

    /// Opens an article in the reading pane and marks it read.
    pub(super) fn open(&mut self, key: ArticleKey) -> Result<(), StoreError> {
        let Some(article) = self.store.article(key)? else {
            self.notice = Some("That article is no longer in the store".into());
            return Ok(());
        };
        self.set_read(key, article.section.as_deref(), true)?;
        let width = layout::measure(self.areas().reader);
        let query = self.list.filter.query.clone();
        self.reading = Some(Reading::new(
            key,
            article,
            query,
            width,
            self.now,
            self.local_time,
        ));
        self.focus = Pane::Reader;
        self.sidebar_overlay = false;
        Ok(())
    }

    /// Opens the article `step` places along the list from the selection.
    pub(super) fn open_next_in_list(&mut self, step: isize) -> Result<(), StoreError> {
        let at = self.list.selected.checked_add_signed(step);
        if let Some(at) = at.filter(|&at| at < self.list.count) {
            self.list.select(at);
            self.list.settle(&self.store, self.list_items())?;
            return self.open_selected();
        }
        let end = if step > 0 { "last" } else { "first" };
        self.notice = Some(format!("This is the {end} article here"));
        Ok(())
    }

    /// Opens the article the reader followed a sidebar item from.
    pub(super) fn history_back(&mut self) -> Result<(), StoreError> {
        let Some(key) = self.history.pop() else {
            self.notice = Some("No article to go back to".into());
            return Ok(());
        };
        self.open(key)?;
        self.select_article(key)
    }

    /// Opens the next unread article after the selection, wrapping to the
    /// top of the list; when the view has none, the first unread one of
    /// the next section that has some, saying where it went.
    pub(super) fn open_next_unread(&mut self) -> Result<(), StoreError> {
        let after = self.list.selected + 1;
        let found = match self.store.next_unread(&self.list.filter, after)? {
            Some(found) => Some(found),
            None => self.store.next_unread(&self.list.filter, 0)?,
        };
        if let Some((position, key)) = found {
            self.list.select(position);
            return self.open(key);
        }
        if self.list.filter.is_ranked() {
            self.notice = Some("No unread articles in this search".into());
            return Ok(());
        }
        let current = match &self.tab {
            Tab::Section(name) => self.sections.iter().position(|s| &s.name == name),
            Tab::All | Tab::Saved => None,
        };
        let count = self.sections.len();
        let first = current.map_or(0, |at| at + 1);
        let next = (0..count)
            .map(|step| (first + step) % count)
            .filter(|&index| Some(index) != current)
            .map(|index| &self.sections[index])
            .find(|section| section.unread > 0)
            .map(|section| section.name.clone());
        let Some(name) = next else {
            self.notice = Some("No unread articles".into());
            return Ok(());
        };
        let left = self.filter_name().to_owned();
        self.set_tab(Tab::Section(name.clone()))?;
        if let Some((position, key)) = self.store.next_unread(&self.list.filter, 0)? {
            self.list.select(position);
            self.open(key)?;
        }
        self.notice = Some(format!("Nothing unread in {left}: on to {name}"));
        Ok(())
    }
}
