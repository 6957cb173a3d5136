//! The headline list: how many there are, which is selected, which are on
//! screen, and the few rows fetched from the store to show them. Only a
//! window around the visible rows is ever held, whatever the list's length.

use crate::store::{ArticleKey, Filter, Headline, Store, StoreError};

/// Rows fetched beyond the visible ones, above and below, so that moving a
/// few rows does not query the store.
const MARGIN: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct HeadlineList {
    pub filter: Filter,
    /// How many headlines the filter lets through.
    pub count: usize,
    /// The selected position, `< count` unless the list is empty.
    pub selected: usize,
    /// The first position on screen.
    pub offset: usize,
    /// Rows `window_start ..` of the list, fetched from the store.
    window_start: usize,
    window: Vec<Headline>,
}

impl HeadlineList {
    /// A list of what `filter` lets through, nothing fetched yet.
    pub fn new(store: &Store, filter: Filter) -> Result<Self, StoreError> {
        let count = store.count(&filter)?;
        Ok(Self {
            filter,
            count,
            ..Self::default()
        })
    }

    /// The headline at a position, if it has been fetched.
    pub fn get(&self, position: usize) -> Option<&Headline> {
        position
            .checked_sub(self.window_start)
            .and_then(|index| self.window.get(index))
    }

    pub fn get_mut(&mut self, position: usize) -> Option<&mut Headline> {
        position
            .checked_sub(self.window_start)
            .and_then(|index| self.window.get_mut(index))
    }

    /// The fetched row of an article, if it is on hand.
    pub fn find_mut(&mut self, key: ArticleKey) -> Option<&mut Headline> {
        self.window.iter_mut().find(|h| h.key == key)
    }

    pub fn selected_headline(&self) -> Option<&Headline> {
        self.get(self.selected)
    }

    /// The rows on screen in a pane of `rows` lines, with their positions.
    pub fn visible(&self, rows: usize) -> impl Iterator<Item = (usize, &Headline)> {
        (self.offset..self.count.min(self.offset + rows))
            .filter_map(move |position| self.get(position).map(|h| (position, h)))
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// Selects a position, clamped to the list.
    pub fn select(&mut self, position: usize) {
        self.selected = position.min(self.count.saturating_sub(1));
    }

    /// Keeps the selection on screen and the screen within the list, then
    /// fetches the rows on screen if they are not held yet.
    pub fn settle(&mut self, store: &Store, rows: usize) -> Result<(), StoreError> {
        let rows = rows.max(1);
        self.select(self.selected);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.count.saturating_sub(rows));
        let end = self.count.min(self.offset + rows);
        let held = self.window_start..self.window_start + self.window.len();
        if self.offset >= held.start && end <= held.end {
            return Ok(());
        }
        let start = self.offset.saturating_sub(MARGIN);
        let limit = end - start + MARGIN;
        self.window = store.headlines(&self.filter, start, limit)?;
        self.window_start = start;
        Ok(())
    }

    /// Drops the fetched rows, so the next `settle` reads them afresh.
    pub fn forget(&mut self) {
        self.window.clear();
        self.window_start = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn store(n: usize) -> Store {
        let mut store = Store::open_in_memory().expect("store");
        let articles: Vec<Article> = (0..n)
            .map(|i| {
                let mut a = Article::new(format!("Headline {i:04}"), None);
                a.body.push("Body.".into());
                a
            })
            .collect();
        store.import(&articles).expect("import");
        store
    }

    #[test]
    fn only_a_window_around_the_screen_is_held() {
        let store = store(1000);
        let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
        list.settle(&store, 20).expect("settle");
        assert_eq!(list.visible(20).count(), 20);
        assert!(list.window.len() <= 20 + 2 * MARGIN);
        list.select(999);
        list.settle(&store, 20).expect("settle");
        assert_eq!(list.offset, 980);
        assert!(list.selected_headline().is_some());
        assert!(list.window.len() <= 20 + 2 * MARGIN);
    }

    #[test]
    fn the_selection_stays_in_the_list_and_on_screen() {
        let store = store(30);
        let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
        list.move_by(-5);
        assert_eq!(list.selected, 0);
        list.move_by(100);
        assert_eq!(list.selected, 29);
        list.settle(&store, 10).expect("settle");
        assert_eq!(list.offset, 20);
        list.move_by(-15);
        list.settle(&store, 10).expect("settle");
        assert_eq!((list.selected, list.offset), (14, 14));
    }

    #[test]
    fn an_empty_list_is_calm() {
        let store = store(0);
        let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
        list.move_by(3);
        list.settle(&store, 10).expect("settle");
        assert_eq!((list.selected, list.offset, list.count), (0, 0, 0));
        assert!(list.selected_headline().is_none());
    }
}
