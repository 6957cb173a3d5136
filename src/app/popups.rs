//! The popups over the panes: the key list, the section picker and the
//! question before marking a view read.

use ratatui::layout::Rect;

use super::App;
use crate::action::Action;
use crate::layout;
use crate::store::StoreError;

/// A popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The key list, scrolled this far.
    Help { scroll: usize },
    /// The section picker, on this tab (a position among [`App::tabs`]).
    Sections { selected: usize },
    /// "Mark these `count` articles read?"
    ConfirmMarkRead { count: usize },
}

impl App {
    pub(super) fn update_popup(&mut self, popup: Popup, action: &Action) -> Result<(), StoreError> {
        match (popup, action.clone()) {
            (_, Action::Quit) => self.running = false,
            (_, Action::Suspend) => self.suspend(),
            (_, Action::Resize(width, height)) => self.size = Rect::new(0, 0, width, height),
            (Popup::ConfirmMarkRead { .. }, Action::Confirm) => {
                self.popup = None;
                return self.mark_view_read();
            }
            (Popup::ConfirmMarkRead { .. }, _)
            | (Popup::Help { .. }, Action::Back | Action::Help | Action::Open)
            | (Popup::Sections { .. }, Action::Back | Action::PickSection) => self.popup = None,
            (Popup::Help { scroll }, _) => {
                // scroll no further than the last line showing at the bottom
                let help = layout::help(self.size, &self.keymap);
                let shown = layout::inner(help.popup).height;
                let last = help.rows.len().saturating_sub(usize::from(shown));
                self.popup = Some(Popup::Help {
                    scroll: step(scroll, action, 10, last),
                });
            }
            (Popup::Sections { selected }, Action::Open) => {
                self.popup = None;
                let tabs = self.tabs();
                let tab = tabs.get(selected).or(tabs.last()).cloned();
                if let Some(tab) = tab {
                    return self.set_tab(tab);
                }
            }
            (Popup::Sections { selected }, _) => {
                let last = self.tabs().len() - 1;
                self.popup = Some(Popup::Sections {
                    selected: step(selected, action, last, last),
                });
            }
        }
        Ok(())
    }
}

/// A selection moved by a key in a list of `last + 1` items with pages of
/// `page`.
fn step(at: usize, action: &Action, page: usize, last: usize) -> usize {
    let moved = match action {
        Action::Up | Action::Wheel(_, _, true) => at.saturating_sub(1),
        Action::Down | Action::Wheel(_, _, false) => at + 1,
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at + page,
        Action::Top => 0,
        Action::Bottom => last,
        _ => at,
    };
    moved.min(last)
}
