//! Reading the store again: the counts the tabs show, the list's view, and
//! what an import beside the reader added.

use super::{App, HeadlineList, Tab};
use crate::store::{ArticleKey, Filter, StoreError};

impl App {
    /// Reads the store again, keeping the view, the selected article and
    /// the article in view; says how many articles are new.
    pub(super) fn refresh(&mut self) -> Result<(), StoreError> {
        // searches run before the import may miss what it added
        self.searched.clear();
        let before = self.total;
        let keep = self.list.selected_headline().map(|h| h.key);
        self.load_counts()?;
        if let Tab::Section(name) = &self.tab
            && !self.sections.iter().any(|s| &s.name == name)
        {
            self.tab = Tab::All;
        }
        let filter = self.list.filter.clone();
        self.set_filter(filter)?;
        if let Some(key) = keep {
            self.select_article(key)?;
        }
        self.data_version = self.store.data_version()?;
        self.sync_sidebar(true)?;
        let added = self.total.saturating_sub(before);
        self.new_articles += added;
        if added > 0 {
            // the same count the list's title shows
            self.notice = Some(crate::text::count(self.new_articles, "new article"));
        }
        Ok(())
    }

    /// Selects an article in the list, when the list holds it.
    pub(super) fn select_article(&mut self, key: ArticleKey) -> Result<(), StoreError> {
        if let Some(position) = self.store.position(&self.list.filter, key)? {
            self.list.select(position);
        }
        Ok(())
    }

    /// Shows what `filter` lets through, from the top.
    pub(super) fn set_filter(&mut self, filter: Filter) -> Result<(), StoreError> {
        self.list = HeadlineList::new(&self.store, filter)?;
        self.list_unread = self.view_unread()?;
        Ok(())
    }

    /// Unread articles in the view, unless it is a search.
    pub(super) fn view_unread(&self) -> Result<Option<usize>, StoreError> {
        if self.list.filter.is_ranked() {
            return Ok(None);
        }
        self.store.unread(&self.list.filter).map(Some)
    }

    pub(super) fn load_counts(&mut self) -> Result<(), StoreError> {
        self.sections = self.store.sections()?;
        let all = Filter::default();
        self.total = self.store.count(&all)?;
        self.unread = self.store.unread(&all)?;
        self.saved = self.store.count(&Filter {
            saved_only: true,
            ..Filter::default()
        })?;
        self.list_unread = self.view_unread()?;
        Ok(())
    }
}
