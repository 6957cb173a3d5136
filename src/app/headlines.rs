//! The headline list: how many there are, which is selected, which are on
//! screen, and the few rows fetched from the store to show them. Only a
//! window around the visible rows is ever held, whatever the list's length.

use std::collections::HashMap;

use crate::store::{ArticleKey, Filter, Headline, Store, StoreError};

/// Rows fetched beyond the visible ones, above and below, so that moving a
/// few rows does not query the store.
const MARGIN: usize = 64;
/// The same for a search's ranked list, where fetching costs ranking.
const RANKED_MARGIN: usize = 16;
/// Characters of context a search result quotes under its headline.
const SNIPPET_CHARS: usize = 72;

#[derive(Debug, Clone, Default)]
pub struct HeadlineList {
    pub filter: Filter,
    /// How many headlines the filter lets through, or the cap when
    /// `capped`.
    pub count: usize,
    /// `count` stopped at a cap: there are more (a search being typed).
    pub capped: bool,
    /// `count` is only the headline matches of a search being typed; the
    /// body matches are counted when the reader is idle, or as soon as the
    /// list is scrolled that far.
    pub counting: bool,
    /// The cap a count being typed stops at.
    cap: usize,
    /// The selected position, `< count` unless the list is empty.
    pub selected: usize,
    /// The first position on screen.
    pub offset: usize,
    /// Rows `window_start ..` of the list, fetched from the store.
    window_start: usize,
    window: Vec<Headline>,
    /// For a search, the words of each shown article around its first
    /// match: why it matched.
    snippets: HashMap<ArticleKey, String>,
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

    /// A list counted only up to `cap`: counting every match of a common
    /// word costs more than a keystroke's frame, and while a search is
    /// typed "1000+" says enough. When a search's headline matches fill
    /// `screen` rows, counting the body matches waits (see
    /// [`HeadlineList::counting`]): for a word that is common in the text,
    /// that count costs more than ranking the headlines shown.
    pub fn new_capped(
        store: &Store,
        filter: Filter,
        cap: usize,
        screen: usize,
    ) -> Result<Self, StoreError> {
        let headline_matches = store.count_headline_matches_up_to(&filter, cap + 1)?;
        let (count, counting) = match headline_matches {
            Some(n) if n > cap || n >= screen => (n, n <= cap),
            _ => (store.count_up_to(&filter, cap + 1)?, false),
        };
        Ok(Self {
            filter,
            count: count.min(cap),
            capped: count > cap || counting,
            counting,
            cap,
            ..Self::default()
        })
    }

    /// Finishes a count left for later (see [`HeadlineList::counting`]).
    pub fn finish_count(&mut self, store: &Store) -> Result<(), StoreError> {
        if !self.counting {
            return Ok(());
        }
        match store.count_up_to(&self.filter, self.cap + 1) {
            Ok(count) => {
                self.count = count.min(self.cap);
                self.capped = count > self.cap;
                self.counting = false;
                Ok(())
            }
            Err(error) => {
                // cut short by a key, it runs again later; failed, it does not
                self.counting = error.is_cancelled();
                Err(error)
            }
        }
    }

    /// Leaves the full count of a list counted up to a cap for when no key
    /// is waiting ([`HeadlineList::finish_count`]), where the next key cuts
    /// it short.
    pub fn count_in_full(&mut self) {
        if self.capped {
            self.cap = i64::MAX as usize - 1;
            self.counting = true;
        }
    }

    /// Counts in full a list that was counted up to a cap.
    pub fn uncap(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.capped {
            self.count = store.count(&self.filter)?;
            self.capped = false;
            self.counting = false;
        }
        Ok(())
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

    /// Why a search result matched: the words around the first match in its
    /// body, else the start of its body; fetched for the rows on screen.
    pub fn snippet(&self, key: ArticleKey) -> Option<&str> {
        self.snippets.get(&key).map(String::as_str)
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
        if self.counting && (self.selected + 1 >= self.count || self.offset + rows > self.count) {
            self.finish_count(store)?;
        }
        self.select(self.selected);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.count.saturating_sub(rows));
        let end = self.count.min(self.offset + rows);
        let held = self.window_start..self.window_start + self.window.len();
        if self.offset < held.start || end > held.end {
            self.fetch(store, self.offset, end)?;
        }
        self.fetch_snippets(store, rows)
    }

    /// Reads, in one query, why each search result on screen matched, for
    /// those not read yet.
    fn fetch_snippets(&mut self, store: &Store, rows: usize) -> Result<(), StoreError> {
        let Some(query) = self.filter.query.as_ref().filter(|q| !q.is_empty()) else {
            return Ok(());
        };
        let missing: Vec<ArticleKey> = self
            .visible(rows)
            .map(|(_, headline)| headline.key)
            .filter(|key| !self.snippets.contains_key(key))
            .collect();
        for (key, body) in store.bodies(&missing)? {
            let words = || crate::article::words_of(&body);
            let snippet = query
                .snippet(words(), SNIPPET_CHARS)
                .or_else(|| crate::search::opening(words(), SNIPPET_CHARS))
                .unwrap_or_default();
            self.snippets.insert(key, snippet);
        }
        Ok(())
    }

    /// Fetches rows so that `start..end` is held, the cheapest way: by
    /// date, walking on from the rows held when the new ones are next to
    /// them, or from the end of the list for its second half; a search's
    /// ranked list (and the first half of a far jump) by position.
    fn fetch(&mut self, store: &Store, start: usize, end: usize) -> Result<(), StoreError> {
        let held_end = self.window_start + self.window.len();
        let by_date = !self.filter.is_ranked();
        // a search ranks every row it fetches: fetch few beyond the screen
        let margin = if by_date { MARGIN } else { RANKED_MARGIN };
        let first = self.window.first().cloned();
        let last = self.window.last().cloned();
        if let Some(last) =
            last.filter(|_| by_date && start >= held_end && start < held_end + 2 * margin)
        {
            let more =
                store.headlines_next_to(&self.filter, &last, true, end - held_end + margin)?;
            self.window.extend(more);
        } else if let Some(first) = first
            .filter(|_| by_date && end <= self.window_start && end + 2 * margin > self.window_start)
        {
            let more = store.headlines_next_to(
                &self.filter,
                &first,
                false,
                self.window_start - start + margin,
            )?;
            self.window_start -= more.len();
            self.window.splice(0..0, more);
        } else if by_date && start > self.count / 2 {
            let to = (end + margin).min(self.count);
            let from = start.saturating_sub(margin);
            self.window = store.headlines_from_end(&self.filter, self.count - to, to - from)?;
            self.window_start = to - self.window.len();
        } else {
            // no further than the count: a search's count may be its
            // headline matches only, and rows past them cost ranking the rest
            let from = start.saturating_sub(margin);
            let to = (end + margin).min(self.count);
            self.window = store.headlines(&self.filter, from, to - from)?;
            self.window_start = from;
        }
        // keep only a margin either side of what is wanted
        let keep_from = start.saturating_sub(margin).max(self.window_start);
        let drop = keep_from - self.window_start;
        self.window.drain(..drop.min(self.window.len()));
        self.window_start += drop;
        self.window.truncate(end + margin - self.window_start);
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
    fn a_kept_search_is_counted_in_full_later_and_a_key_can_cut_that_short() {
        let mut store = store(50);
        let filter = Filter {
            query: Some(crate::search::Query::parse("headline")),
            ..Filter::default()
        };
        let mut list = HeadlineList::new_capped(&store, filter, 10, 5).expect("list");
        assert!(list.capped);
        list.count_in_full();
        assert!(
            list.counting,
            "left for when no key waits, not done at Enter"
        );
        // a key waiting: the count stops, and is left to do again
        let key = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        store
            .cancel_reads_when(std::sync::Arc::clone(&key))
            .expect("handler");
        {
            let _cancellable = store.cancellable();
            let error = list.finish_count(&store).expect_err("cut short");
            assert!(error.is_cancelled());
        }
        assert!(list.counting);
        key.store(false, std::sync::atomic::Ordering::Relaxed);
        list.finish_count(&store).expect("counted");
        assert_eq!((list.count, list.capped, list.counting), (50, false, false));
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
    fn paging_through_the_whole_list_shows_every_row_in_order() {
        let store = store(1000);
        let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
        let mut seen = Vec::new();
        for _ in 0..60 {
            list.move_by(17);
            list.settle(&store, 17).expect("settle");
            seen.extend(
                list.visible(17)
                    .map(|(position, h)| (position, h.headline.clone())),
            );
        }
        list.select(0);
        list.settle(&store, 17).expect("settle");
        for _ in 0..60 {
            list.move_by(-17);
            list.select(999 - list.selected.min(999));
            list.settle(&store, 17).expect("settle");
            seen.extend(
                list.visible(17)
                    .map(|(position, h)| (position, h.headline.clone())),
            );
        }
        let all = store.headlines(&Filter::default(), 0, 1000).expect("all");
        for (position, headline) in seen {
            assert_eq!(all[position].headline, headline, "row {position}");
        }
        assert!(list.window.len() <= 17 + 3 * MARGIN);
    }

    #[test]
    fn jumps_to_the_end_and_back_and_steps_up_from_the_end() {
        let store = store(1000);
        let all = store.headlines(&Filter::default(), 0, 1000).expect("all");
        let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
        list.select(999);
        list.settle(&store, 20).expect("settle");
        assert_eq!(
            list.selected_headline().map(|h| &h.headline),
            Some(&all[999].headline)
        );
        for step in 1..300 {
            list.move_by(-1);
            list.settle(&store, 20).expect("settle");
            assert_eq!(
                list.selected_headline().map(|h| &h.headline),
                Some(&all[999 - step].headline),
                "step {step}"
            );
        }
        list.select(0);
        list.settle(&store, 20).expect("settle");
        assert_eq!(
            list.selected_headline().map(|h| &h.headline),
            Some(&all[0].headline)
        );
    }

    #[test]
    fn a_capped_count_stops_at_the_cap_until_uncapped() {
        let store = store(300);
        let filter = Filter {
            query: Some(crate::search::Query::parse("headline")),
            ..Filter::default()
        };
        let mut list = HeadlineList::new_capped(&store, filter.clone(), 100, 20).expect("list");
        assert_eq!((list.count, list.capped), (100, true));
        list.uncap(&store).expect("count");
        assert_eq!((list.count, list.capped), (300, false));
        let mut few = HeadlineList::new_capped(&store, filter, 1000, 20).expect("list");
        few.finish_count(&store).expect("count");
        assert_eq!((few.count, few.capped), (300, false));
    }

    /// 30 articles with "yen" in the headline, 50 with it in the body only.
    fn yen_store() -> Store {
        let mut store = Store::open_in_memory().expect("store");
        let articles: Vec<Article> = (0..80)
            .map(|i| {
                let headline = if i < 30 { "Yen Story" } else { "Markets Story" };
                let mut a = Article::new(format!("{headline} {i:02}"), None);
                a.body.push("The yen moved.".into());
                a
            })
            .collect();
        store.import(&articles).expect("import");
        store
    }

    #[test]
    fn body_matches_are_counted_later_when_headline_matches_fill_the_screen() {
        let store = yen_store();
        let filter = Filter {
            query: Some(crate::search::Query::parse("yen")),
            ..Filter::default()
        };
        let mut list = HeadlineList::new_capped(&store, filter.clone(), 1000, 20).expect("list");
        assert_eq!((list.count, list.capped, list.counting), (30, true, true));
        list.settle(&store, 20).expect("settle");
        assert!(list.visible(20).all(|(_, h)| h.headline.starts_with("Yen")));
        assert!(list.counting);
        list.finish_count(&store).expect("count");
        assert_eq!((list.count, list.capped, list.counting), (80, false, false));

        // scrolled to the last headline match, the rest is counted then
        let mut list = HeadlineList::new_capped(&store, filter.clone(), 1000, 20).expect("list");
        list.select(29);
        list.settle(&store, 20).expect("settle");
        assert_eq!((list.count, list.counting), (80, false));
        list.move_by(1);
        list.settle(&store, 20).expect("settle");
        assert!(
            list.selected_headline()
                .is_some_and(|h| h.headline.starts_with("Markets"))
        );

        // headline matches that do not fill the screen: counted at once
        let list = HeadlineList::new_capped(&store, filter, 1000, 40).expect("list");
        assert_eq!((list.count, list.capped, list.counting), (80, false, false));
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
