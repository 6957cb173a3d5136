//! Actions on the panes: moving, opening, focus, going back, the sidebar,
//! and the mouse.

use super::{App, Popup, SidebarRow, scroll_for};
use crate::action::Action;
use crate::layout::{self, Pane};
use crate::store::{ArticleKey, StoreError};

use super::Reading;

/// How far one wheel notch scrolls.
const WHEEL_STEP: isize = 3;

impl App {
    pub(super) fn update_panes(&mut self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
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
            Action::Resize(width, height) => {
                self.size = ratatui::layout::Rect::new(0, 0, width, height);
            }
            Action::Click(column, row) => return self.click(column, row),
            Action::Wheel(column, row, up) => {
                if let Some(pane) = self.areas().pane_at(column, row) {
                    let step = if up { -WHEEL_STEP } else { WHEEL_STEP };
                    self.move_pane(pane, step);
                }
            }
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
            Action::Refresh => return self.refresh(),
            Action::Idle => return self.list.finish_count(&self.store),
            Action::Imported(failed) => {
                self.refresh()?;
                if failed > 0 {
                    let note =
                        format!("{failed} dropped files could not be imported (see the log)");
                    self.notice = Some(match self.notice.take() {
                        Some(new) => format!("{new} · {note}"),
                        None => note,
                    });
                }
            }
            Action::Input(_) | Action::DeleteBack | Action::ClearInput | Action::Confirm => {}
        }
        Ok(())
    }

    /// Rows in a page of the focused pane.
    fn page(&self) -> isize {
        let areas = self.areas();
        let pane = match self.focus {
            Pane::List => areas.list,
            Pane::Reader => areas.reader,
            Pane::Sidebar => areas.sidebar,
        };
        (layout::inner(pane).height.max(2) - 1) as isize
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        self.move_pane(self.focus, delta);
    }

    fn move_pane(&mut self, pane: Pane, delta: isize) {
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

    fn open_selected(&mut self) -> Result<(), StoreError> {
        if self.focus == Pane::Sidebar {
            let Some(entry) = self.sidebar.selected_entry() else {
                return Ok(());
            };
            match entry.article {
                Some(key) => {
                    self.open(key)?;
                    self.select_article(key)?;
                }
                None => self.notice = Some(format!("Not in the store: {}", entry.title)),
            }
            return Ok(());
        }
        if let Some(key) = self.list.selected_headline().map(|h| h.key) {
            self.open(key)?;
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

    fn back(&mut self) -> Result<(), StoreError> {
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

    fn click(&mut self, column: u16, row: u16) -> Result<(), StoreError> {
        let areas = self.areas();
        if areas.tabs.contains((column, row).into()) {
            let widths = self.tab_widths();
            let (_, strip) = layout::tab_bar(areas.tabs);
            let clicked = layout::tab_positions(&widths, self.tab_index(), strip)
                .into_iter()
                .find(|&(_, x, width)| column >= x && column < x + width);
            let tab = clicked.and_then(|(index, ..)| self.tabs().get(index).cloned());
            return match tab {
                Some(tab) => self.set_tab(tab),
                None => Ok(()),
            };
        }
        let Some(pane) = areas.pane_at(column, row) else {
            return Ok(());
        };
        self.focus = pane;
        match pane {
            Pane::List => {
                let inner = layout::inner(areas.list);
                if row >= inner.y && row < inner.bottom() {
                    let position = self.list.offset + usize::from(row - inner.y);
                    if position < self.list.count {
                        let again = position == self.list.selected;
                        self.list.select(position);
                        if again {
                            return self.open_selected();
                        }
                    }
                }
            }
            Pane::Sidebar => {
                let inner = layout::inner(areas.sidebar);
                let title = self.sidebar.popular_title();
                let rows = self.sidebar.rows(&title);
                let scroll = scroll_for(&rows, self.sidebar.selected, usize::from(inner.height));
                let clicked = (row >= inner.y)
                    .then(|| rows.get(scroll + usize::from(row - inner.y)))
                    .flatten();
                if let Some(SidebarRow::Item { index, .. }) = clicked {
                    let again = *index == self.sidebar.selected;
                    self.sidebar.select(*index);
                    if again {
                        return self.open_selected();
                    }
                }
            }
            Pane::Reader => {}
        }
        Ok(())
    }
}
