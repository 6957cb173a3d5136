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
/// How many of a search's newest headline matches are ranked while it is
/// typed, when there are more than the typing cap (see
/// [`HeadlineList::ranked_from`]): at 1,000,000 articles, 250 rather than
/// 1,000 took the slowest keystrokes of two-word searches from 14-16 ms to
/// 11-13 ms.
const PREVIEW_CANDIDATES: usize = 250;
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
    /// Only the headline matches are held, fewer than a screen, and the
    /// body matches are more than the cap: they are counted and ranked when
    /// the reader is idle, not on the way to the keystroke's frame (ranking
    /// them costs tens of milliseconds per 10,000), and not at all if the
    /// next key comes first.
    pub waiting_for_body: bool,
    /// While a search is typed and its headline matches are more than the
    /// cap, they are ranked only from this one on, the newest
    /// [`PREVIEW_CANDIDATES`] of them (or `cap`, if fewer) by import order
    /// ([`Store::newest_headline_matches`]): a preview that costs about the
    /// same whatever the store's size. The full ranking replaces
    /// it when the reader is idle, and the next key cuts that short.
    pub ranked_from: Option<ArticleKey>,
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
    /// that count costs more than ranking the headlines shown. When they do
    /// not fill it and the body matches are more than `cap`, ranking those
    /// waits for the same moment ([`HeadlineList::waiting_for_body`]).
    pub fn new_capped(
        store: &Store,
        filter: Filter,
        cap: usize,
        screen: usize,
    ) -> Result<Self, StoreError> {
        let headline_matches = store.count_headline_matches_up_to(&filter, cap + 1)?;
        let (count, counting, waiting_for_body) = match headline_matches {
            Some(n) if n > cap || n >= screen => (n, n <= cap, false),
            Some(n) => match store.count_up_to(&filter, cap + 1)? {
                // ranking more than the cap's worth of body matches costs
                // more than a frame: the headline matches are shown first
                all if all > cap => (n, true, true),
                all => (all, false, false),
            },
            None => (store.count_up_to(&filter, cap + 1)?, false, false),
        };
        let ranked_from = match headline_matches {
            Some(n) if n > cap => {
                store.newest_headline_matches(&filter, cap.min(PREVIEW_CANDIDATES))?
            }
            _ => None,
        };
        Ok(Self {
            filter,
            count: count.min(cap),
            capped: count > cap || counting,
            counting,
            waiting_for_body,
            ranked_from,
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
                self.waiting_for_body = false;
                Ok(())
            }
            Err(error) => {
                // cut short by a key, it runs again later; failed, it does
                // not, and the list no longer says it is searching
                self.counting = error.is_cancelled();
                self.waiting_for_body &= self.counting;
                Err(error)
            }
        }
    }

    /// Ranks in full the rows held of a list ranked as a preview (see
    /// [`HeadlineList::ranked_from`]). A selection moved off the top row
    /// stays on its article, on the same screen row, where the article is
    /// still among the rows held; the top row is the best match either way.
    pub fn finish_ranking(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.ranked_from.is_none() {
            return Ok(());
        }
        match store.headlines(&self.filter, self.window_start, self.window.len()) {
            Ok(window) => {
                let chosen = self.selected_headline().map(|h| h.key);
                self.window = window;
                self.ranked_from = None;
                if let Some(key) = chosen.filter(|_| self.selected > 0) {
                    self.follow(key);
                }
                Ok(())
            }
            Err(error) => {
                // cut short by a key, it runs again later; failed, the
                // preview stays
                if !error.is_cancelled() {
                    self.ranked_from = None;
                }
                Err(error)
            }
        }
    }

    /// Selects the article of `key` if it is among the rows held, keeping
    /// the selection's row on screen.
    fn follow(&mut self, key: ArticleKey) {
        if let Some(index) = self.window.iter().position(|h| h.key == key) {
            let row = self.selected.saturating_sub(self.offset);
            self.selected = self.window_start + index;
            self.offset = self.selected.saturating_sub(row);
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
            self.waiting_for_body = false;
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
        if self.counting
            && !self.waiting_for_body
            && (self.selected + 1 >= self.count || self.offset + rows > self.count)
        {
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
            self.window = match self.ranked_from {
                Some(key) => store.headlines_ranked_from(&self.filter, key, from, to - from)?,
                None => store.headlines(&self.filter, from, to - from)?,
            };
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
mod tests;
