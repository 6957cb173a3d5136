//! The tabs along the top: All, Saved, then a tab per section, each a
//! filter of the list.

use super::App;
use crate::store::{Filter, StoreError};

/// A tab of the top bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tab {
    /// Every article.
    All,
    /// The articles saved with `b`.
    Saved,
    /// The articles of the section of this name.
    Section(String),
}

impl App {
    /// Every tab, in the order the top bar shows them.
    pub fn tabs(&self) -> Vec<Tab> {
        [Tab::All, Tab::Saved]
            .into_iter()
            .chain(self.sections.iter().map(|s| Tab::Section(s.name.clone())))
            .collect()
    }

    /// Where the active tab stands among [`App::tabs`].
    pub fn tab_index(&self) -> usize {
        match &self.tab {
            Tab::All => 0,
            Tab::Saved => 1,
            Tab::Section(name) => self
                .sections
                .iter()
                .position(|s| &s.name == name)
                .map_or(0, |index| index + 2),
        }
    }

    /// The tab labels, with unread and total counts: `All (24/25)`,
    /// `Saved (2)`, `Politics (3/4)`.
    pub fn tab_labels(&self) -> Vec<String> {
        [
            format!("All ({}/{})", self.unread, self.total),
            format!("Saved ({})", self.saved),
        ]
        .into_iter()
        .chain(
            self.sections
                .iter()
                .map(|s| format!("{} ({}/{})", s.name, s.unread, s.articles)),
        )
        .collect()
    }

    /// Each tab's width on the top bar, padding included.
    pub fn tab_widths(&self) -> Vec<u16> {
        crate::layout::tab_widths(&self.tab_labels())
    }

    /// The name of the active tab.
    pub fn filter_name(&self) -> &str {
        match &self.tab {
            Tab::All => "All",
            Tab::Saved => "Saved",
            Tab::Section(name) => name,
        }
    }

    /// Moves to the tab `step` places along, wrapping around.
    pub(super) fn step_tab(&mut self, step: isize) -> Result<(), StoreError> {
        let tabs = self.tabs();
        let at = self.tab_index() as isize + step;
        let next = at.rem_euclid(tabs.len() as isize) as usize;
        self.set_tab(tabs[next].clone())
    }

    /// Filters by a tab: All, Saved, or a section. Unread-only and an
    /// active search carry over.
    pub(super) fn set_tab(&mut self, tab: Tab) -> Result<(), StoreError> {
        let filter = Filter {
            section: match &tab {
                Tab::Section(name) => Some(name.clone()),
                _ => None,
            },
            saved_only: tab == Tab::Saved,
            ..self.list.filter.clone()
        };
        self.tab = tab;
        self.new_articles = 0;
        self.set_filter(filter)
    }
}
