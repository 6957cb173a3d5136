//! The mouse: a click selects and focuses, a second click on the selection
//! opens it, a click on a tab filters by it, the wheel scrolls the pane
//! under the pointer.

use super::{App, SidebarRow, scroll_for};
use crate::layout::{self, Pane};
use crate::store::StoreError;

/// How far one wheel notch scrolls.
const WHEEL_STEP: isize = 3;

impl App {
    pub(super) fn wheel(&mut self, column: u16, row: u16, up: bool) {
        if let Some(pane) = self.areas().pane_at(column, row) {
            let step = if up { -WHEEL_STEP } else { WHEEL_STEP };
            self.move_pane(pane, step);
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) -> Result<(), StoreError> {
        let areas = self.areas();
        if areas.tabs.contains((column, row).into()) {
            let widths = self.tab_widths();
            let (_, strip) = layout::tab_bar(areas.tabs);
            let clicked = layout::tab_strip(&widths, self.tab_index(), strip)
                .tabs
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
                    let item = usize::from(row - inner.y) / self.list_row_height();
                    let position = self.list.offset + item;
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
                let rows = self.sidebar.rows();
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
