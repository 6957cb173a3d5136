//! Actions on the panes: what each action does, moving in the focused
//! pane, focus, going back and the sidebar.

use super::{App, Popup};
use crate::action::Action;
use crate::layout::{self, LIST_SHARES, Pane};
use crate::store::StoreError;

impl App {
    pub(super) fn update_panes(&mut self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => return self.page_down(),
            Action::HalfPageUp => self.move_by(-(self.page() + 1) / 2),
            Action::HalfPageDown => self.move_by((self.page() + 1) / 2),
            Action::NextArticle => return self.open_next_in_list(1),
            Action::PreviousArticle => return self.open_next_in_list(-1),
            Action::HistoryBack => return self.history_back(),
            Action::WidenList => self.move_split(5),
            Action::NarrowList => self.move_split(-5),
            Action::Top => {
                self.move_by(isize::MIN / 2);
                if self.focus == Pane::List {
                    self.new_articles = 0;
                }
            }
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => return self.open_selected(),
            Action::Back => return self.back(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrevious => self.cycle_focus(-1),
            Action::NextSection => return self.step_tab(1),
            Action::PreviousSection => return self.step_tab(-1),
            Action::PickSection => {
                self.popup = Some(Popup::Sections {
                    selected: self.tab_index(),
                });
            }
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Quit => self.running = false,
            Action::Suspend => self.suspend(),
            Action::Resize(width, height) => {
                self.size = ratatui::layout::Rect::new(0, 0, width, height);
            }
            Action::Click(column, row) => return self.click(column, row),
            Action::Wheel(column, row, up) => self.wheel(column, row, up),
            Action::Search => self.open_prompt(),
            Action::NextMatch | Action::PreviousMatch => {
                let forward = action == Action::NextMatch;
                let jumped = self.reading.as_mut().map(|r| r.jump_to_match(forward));
                let problem = match jumped {
                    _ if !self.list.filter.is_ranked() => Some("No search: press / to search"),
                    None => Some("Open an article to step through its matches"),
                    Some(false) => Some("No more matches in this article"),
                    Some(true) => None,
                };
                self.notice = problem.map(str::to_owned);
            }
            Action::ToggleRead => return self.toggle_read(),
            Action::MarkAllRead => return self.ask_mark_view_read(),
            Action::ToggleUnreadOnly => return self.toggle_unread_only(),
            Action::NextUnread => return self.open_next_unread(),
            Action::ToggleSaved => return self.toggle_saved(),
            Action::Reload => return self.refresh(),
            Action::Refresh => self.start_refresh(),
            Action::OpenInBrowser => return self.open_in_browser(),
            Action::Web(event) => return self.web_event(event),
            Action::Idle => {
                // a key that comes meanwhile cuts the count short
                let _cancellable = self.store.cancellable();
                self.list.finish_ranking(&self.store)?;
                return self.list.finish_count(&self.store);
            }
            Action::Imported(failed) => return self.imported(failed),
            Action::Input(_) | Action::DeleteBack | Action::ClearInput | Action::Confirm => {}
        }
        Ok(())
    }

    /// Rows (of the list, items) in a page of the focused pane: a screen
    /// less one, so that a line of context stays.
    fn page(&self) -> isize {
        let areas = self.areas();
        let rows = match self.focus {
            Pane::List => self.list_items(),
            Pane::Reader => usize::from(layout::inner(areas.reader).height),
            Pane::Sidebar => usize::from(layout::inner(areas.sidebar).height),
        };
        (rows.max(2) - 1) as isize
    }

    /// A page down; at the end of an article, the next unread one, as
    /// newsboat and mutt do.
    fn page_down(&mut self) -> Result<(), StoreError> {
        if self.focus == Pane::Reader
            && let Some(reading) = &self.reading
        {
            let rows = usize::from(layout::inner(self.areas().reader).height);
            if reading.scroll >= reading.max_scroll(rows) {
                return self.open_next_unread();
            }
        }
        self.move_by(self.page());
        Ok(())
    }

    /// Moves the split between the list and the reading pane.
    fn move_split(&mut self, step: i16) {
        let share = self.list_share.saturating_add_signed(step);
        self.list_share = share.clamp(*LIST_SHARES.start(), *LIST_SHARES.end());
    }

    /// What an import of the watched folder added, and what it could not.
    fn imported(&mut self, failed: usize) -> Result<(), StoreError> {
        self.refresh()?;
        if failed > 0 {
            let note = format!(
                "{} could not be imported (see the log)",
                crate::text::count(failed, "dropped file")
            );
            self.notice = Some(match self.notice.take() {
                Some(new) => format!("{new} · {note}"),
                None => note,
            });
        }
        Ok(())
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        self.move_pane(self.focus, delta);
    }

    pub(super) fn move_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::List => self.list.move_by(delta),
            Pane::Reader => {
                if let Some(reading) = &mut self.reading {
                    reading.scroll = reading.scroll.saturating_add_signed(delta);
                }
            }
            Pane::Sidebar => self.sidebar.move_by(delta),
        }
    }

    fn back(&mut self) -> Result<(), StoreError> {
        if self.cancel_fetch() {
            return Ok(());
        }
        if self.sidebar_overlay {
            self.sidebar_overlay = false;
            self.focus = if self.reading.is_some() {
                Pane::Reader
            } else {
                Pane::List
            };
        } else if self.focus != Pane::List {
            self.focus = Pane::List;
        } else if self.before_search.is_some() {
            return self.leave_search();
        } else {
            self.reading = None;
        }
        Ok(())
    }

    fn cycle_focus(&mut self, step: isize) {
        let mut panes = self.areas().panes();
        // on a narrow terminal the reading pane takes the screen when focused
        if self.reading.is_some() && !panes.contains(&Pane::Reader) {
            panes.insert(1.min(panes.len()), Pane::Reader);
        }
        if panes.is_empty() {
            return;
        }
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
    }

    fn toggle_sidebar(&mut self) {
        if self.size.width >= layout::SIDEBAR_FROM {
            self.sidebar_hidden = !self.sidebar_hidden;
            if self.sidebar_hidden && self.focus == Pane::Sidebar {
                self.focus = Pane::List;
            }
        } else {
            self.sidebar_overlay = !self.sidebar_overlay;
            self.focus = if self.sidebar_overlay {
                Pane::Sidebar
            } else if self.reading.is_some() && self.focus == Pane::Reader {
                Pane::Reader
            } else {
                Pane::List
            };
        }
    }
}
