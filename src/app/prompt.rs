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
        let typed = self.list.filter.query.as_ref().map(|q| q.text.clone());
        self.prompt = Some(typed.unwrap_or_default());
        self.searched.clear();
        self.focus = Pane::List;
    }

    pub(super) fn update_prompt(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(text) = &mut self.prompt else {
            return Ok(());
        };
        match action {
            Action::Input(c) => text.push(c),
            Action::DeleteBack => {
                text.pop();
            }
            Action::ClearInput => text.clear(),
            Action::Open => {
                // typed in the same burst as Enter: search for all of it
                self.run_search()?;
                self.prompt = None;
                self.searched.clear();
                self.list.uncap(&self.store)?;
                if !self.list.filter.is_ranked() {
                    return self.leave_search();
                }
                self.focus = Pane::List;
            }
            Action::Back => return self.leave_search(),
            Action::Up | Action::Down => self.move_by(if action == Action::Up { -1 } else { 1 }),
            Action::Quit => self.running = false,
            Action::Resize(..) | Action::Imported(_) => return self.update_panes(action),
            _ => {}
        }
        Ok(())
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
            let screen = usize::from(crate::layout::inner(self.areas().list).height);
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
