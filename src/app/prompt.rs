//! The search prompt: typing narrows the list to ranked matches at once;
//! Enter keeps them, Esc goes back to the list as it was.

use super::{App, BeforeSearch, HeadlineList};
use crate::action::Action;
use crate::layout::Pane;
use crate::search::Query;
use crate::store::{Filter, StoreError};

/// While a search is typed, matches are counted up to this many.
const TYPING_COUNT_CAP: usize = 1000;
/// Lists of the searches typed since the prompt opened, kept to delete
/// back to.
const SEARCHES_KEPT: usize = 32;

impl App {
    pub(super) fn open_prompt(&mut self) {
        if self.before_search.is_none() {
            self.before_search = Some(BeforeSearch {
                tab: self.tab.clone(),
                filter: self.list.filter.clone(),
                selected: self.list.selected,
            });
        }
        // a new search, as in less and vim: ↑ brings back earlier ones
        self.prompt = Some(String::new());
        self.recalled = None;
        self.searched.clear();
        self.focus = Pane::List;
    }

    pub(super) fn update_prompt(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(text) = &mut self.prompt else {
            return Ok(());
        };
        if !matches!(action, Action::Up | Action::Down | Action::Resize(..)) {
            self.recalled = None;
        }
        match action {
            Action::Input(c) => text.push(c),
            Action::DeleteBack => {
                text.pop();
            }
            Action::ClearInput => text.clear(),
            Action::Up | Action::Down if text.is_empty() || self.recalled.is_some() => {
                self.recall(action == Action::Up);
            }
            Action::Open => {
                // typed in the same burst as Enter: search for all of it
                self.run_search()?;
                self.keep_search();
                self.prompt = None;
                self.searched.clear();
                self.list.count_in_full();
                if !self.list.filter.is_ranked() {
                    return self.leave_search();
                }
                self.focus = Pane::List;
            }
            Action::Back => return self.leave_search(),
            Action::Up | Action::Down => self.move_by(if action == Action::Up { -1 } else { 1 }),
            Action::Quit => self.running = false,
            Action::Suspend => self.suspend(),
            Action::Resize(..) | Action::Imported(_) => return self.update_panes(action),
            _ => {}
        }
        Ok(())
    }

    /// Puts an earlier (or, going back down, a later) kept search on the
    /// prompt, as a shell's history does; past the latest, an empty prompt.
    fn recall(&mut self, earlier: bool) {
        let last = self.searches.len();
        let at = match (self.recalled, earlier) {
            (None, true) => last.checked_sub(1),
            (None, false) => None,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) => Some(at + 1).filter(|&next| next < last),
        };
        self.recalled = at;
        self.prompt = Some(at.map(|at| self.searches[at].clone()).unwrap_or_default());
    }

    /// Keeps the search the prompt holds for recalling later.
    fn keep_search(&mut self) {
        let Some(text) = self.prompt.as_ref().map(|t| t.trim().to_owned()) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        self.searches.retain(|kept| *kept != text);
        if self.searches.len() == SEARCHES_KEPT {
            self.searches.remove(0);
        }
        self.searches.push(text);
    }

    /// Runs the search the prompt holds, if it changed since it last ran.
    pub(super) fn run_search(&mut self) -> Result<(), StoreError> {
        let Some(text) = &self.prompt else {
            return Ok(());
        };
        let query = Some(Query::parse_typing(text))
            .filter(|q| !q.include.is_empty() || !q.exclude.is_empty());
        if self.list.filter.query == query {
            return Ok(());
        }
        let filter = Filter {
            query,
            ..self.list.filter.clone()
        };
        let started = std::time::Instant::now();
        let kept = self.searched.iter().position(|list| list.filter == filter);
        let list = if let Some(index) = kept {
            let mut list = self.searched.remove(index);
            list.select(0);
            list.offset = 0;
            list
        } else {
            // results take two rows each: the headline, and why it matched
            let screen = usize::from(crate::layout::inner(self.areas().list).height) / 2;
            HeadlineList::new_capped(&self.store, filter, TYPING_COUNT_CAP, screen)?
        };
        let previous = std::mem::replace(&mut self.list, list);
        if previous.filter.is_ranked() {
            if self.searched.len() == SEARCHES_KEPT {
                self.searched.remove(0);
            }
            self.searched.push(previous);
        }
        tracing::debug!(query = %text, matches = self.list.count, kept = kept.is_some(), took = ?started.elapsed(), "search");
        if let Some(cut) = self.list.filter.query.as_ref().and_then(Query::cut_short) {
            self.notice = Some(cut);
        }
        self.list_unread = self.view_unread()?;
        Ok(())
    }

    /// Clears the search and restores the list and selection from before it.
    pub(super) fn leave_search(&mut self) -> Result<(), StoreError> {
        self.prompt = None;
        self.searched.clear();
        let Some(before) = self.before_search.take() else {
            return Ok(());
        };
        self.tab = before.tab;
        self.set_filter(before.filter)?;
        self.list.select(before.selected);
        Ok(())
    }
}
