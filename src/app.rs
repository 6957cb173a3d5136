//! The reader's state. It changes only through [`App::update`], which tests
//! drive with no terminal; the view only reads it.

mod headlines;
mod reading;
mod sidebar;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use crate::action::Action;
use crate::layout::{self, Areas, Pane, Shape};
use crate::store::{ArticleKey, Filter, SectionCount, Store, StoreError};
pub use headlines::HeadlineList;
pub use reading::{LineKind, ReaderLine, Reading, meta_line, relative};
pub use sidebar::{Sidebar, SidebarRow, scroll_for};

/// A popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The key list, scrolled this far.
    Help { scroll: usize },
    /// The section picker, with `All` at 0.
    Sections { selected: usize },
}

/// How far one wheel notch scrolls.
const WHEEL_STEP: isize = 3;

/// The reader's whole state.
pub struct App {
    store: Store,
    clock: fn() -> DateTime<Utc>,
    /// The time relative dates are counted from, read at every update.
    pub now: DateTime<Utc>,
    /// The terminal's size.
    pub size: Rect,
    /// The sections, for the tabs and the picker.
    pub sections: Vec<SectionCount>,
    /// Articles in the store, all sections.
    pub total: usize,
    /// Articles not read yet, all sections.
    pub unread: usize,
    /// The active section tab: 0 is All, then `sections` in order.
    pub tab: usize,
    pub list: HeadlineList,
    pub reading: Option<Reading>,
    pub sidebar: Sidebar,
    pub focus: Pane,
    pub popup: Option<Popup>,
    pub sidebar_hidden: bool,
    pub sidebar_overlay: bool,
    /// A one-line message for the status line, until the next key.
    pub notice: Option<String>,
    pub running: bool,
}

impl App {
    /// Opens the reader on a store, for a terminal of `size`.
    pub fn new(store: Store, size: Rect, clock: fn() -> DateTime<Utc>) -> Result<Self, StoreError> {
        let list = HeadlineList::new(&store, Filter::default())?;
        let mut app = Self {
            store,
            clock,
            now: clock(),
            size,
            sections: Vec::new(),
            total: 0,
            unread: 0,
            tab: 0,
            list,
            reading: None,
            sidebar: Sidebar::default(),
            focus: Pane::List,
            popup: None,
            sidebar_hidden: false,
            sidebar_overlay: false,
            notice: None,
            running: true,
        };
        app.load_counts()?;
        app.sidebar.ranking = app.store.access_ranking()?;
        app.settle()?;
        Ok(app)
    }

    /// The shape the layout is computed from.
    pub fn shape(&self) -> Shape {
        Shape {
            focus: self.focus,
            reading: self.reading.is_some(),
            sidebar_hidden: self.sidebar_hidden,
            sidebar_overlay: self.sidebar_overlay,
        }
    }

    /// Where everything is on screen now.
    pub fn areas(&self) -> Areas {
        layout::layout(self.size, self.shape())
    }

    /// The tab labels: `All 240`, `Politics 12`, …
    pub fn tab_labels(&self) -> Vec<String> {
        std::iter::once(format!("All {}", self.total))
            .chain(
                self.sections
                    .iter()
                    .map(|s| format!("{} {}", s.name, s.articles)),
            )
            .collect()
    }

    /// The name of the active filter.
    pub fn filter_name(&self) -> &str {
        self.list.filter.section.as_deref().unwrap_or("All")
    }

    /// The one way the state changes.
    pub fn update(&mut self, action: Action) {
        self.now = (self.clock)();
        if !matches!(action, Action::Resize(..)) {
            self.notice = None;
        }
        let result = match self.popup {
            Some(popup) => self.update_popup(popup, action),
            None => self.update_panes(action),
        };
        if let Err(error) = result.and_then(|()| self.settle()) {
            self.notice = Some(format!("store: {error}"));
        }
    }

    fn update_popup(&mut self, popup: Popup, action: Action) -> Result<(), StoreError> {
        match (popup, action) {
            (_, Action::Quit) => self.running = false,
            (_, Action::Resize(width, height)) => self.size = Rect::new(0, 0, width, height),
            (Popup::Help { .. }, Action::Back | Action::Help | Action::Open)
            | (Popup::Sections { .. }, Action::Back | Action::PickSection) => self.popup = None,
            (Popup::Help { scroll }, _) => {
                let scroll = match action {
                    Action::Up | Action::Wheel(_, _, true) => scroll.saturating_sub(1),
                    Action::Down | Action::Wheel(_, _, false) => scroll + 1,
                    Action::PageUp => scroll.saturating_sub(10),
                    Action::PageDown => scroll + 10,
                    Action::Top => 0,
                    Action::Bottom => usize::MAX,
                    _ => scroll,
                };
                let last = crate::keys::BINDINGS.len().saturating_sub(1);
                self.popup = Some(Popup::Help {
                    scroll: scroll.min(last),
                });
            }
            (Popup::Sections { selected }, _) => {
                let last = self.sections.len();
                let selected = match action {
                    Action::Up | Action::Wheel(_, _, true) => selected.saturating_sub(1),
                    Action::Down | Action::Wheel(_, _, false) => selected + 1,
                    Action::Top | Action::PageUp => 0,
                    Action::Bottom | Action::PageDown => last,
                    Action::Open => {
                        self.popup = None;
                        return self.set_tab(selected);
                    }
                    _ => selected,
                };
                self.popup = Some(Popup::Sections {
                    selected: selected.min(last),
                });
            }
        }
        Ok(())
    }

    fn update_panes(&mut self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => return self.open_selected(),
            Action::Back => self.back(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrevious => self.cycle_focus(-1),
            Action::NextSection => return self.set_tab((self.tab + 1) % (self.sections.len() + 1)),
            Action::PreviousSection => {
                let tabs = self.sections.len() + 1;
                return self.set_tab((self.tab + tabs - 1) % tabs);
            }
            Action::PickSection => self.popup = Some(Popup::Sections { selected: self.tab }),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Quit => self.running = false,
            Action::Resize(width, height) => self.size = Rect::new(0, 0, width, height),
            Action::Click(column, row) => return self.click(column, row),
            Action::Wheel(column, row, up) => {
                if let Some(pane) = self.areas().pane_at(column, row) {
                    let step = if up { -WHEEL_STEP } else { WHEEL_STEP };
                    self.move_pane(pane, step);
                }
            }
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

    fn move_by(&mut self, delta: isize) {
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
        match self.focus {
            Pane::Sidebar => {
                let Some(entry) = self.sidebar.selected_entry() else {
                    return Ok(());
                };
                match entry.article {
                    Some(key) => {
                        self.open(key)?;
                        if let Some(position) = self.store.position(&self.list.filter, key)? {
                            self.list.select(position);
                        }
                    }
                    None => {
                        self.notice = Some(format!("Not in the store: {}", entry.title));
                    }
                }
            }
            Pane::List | Pane::Reader => {
                if let Some(key) = self.list.selected_headline().map(|h| h.key) {
                    self.open(key)?;
                }
            }
        }
        Ok(())
    }

    /// Opens an article in the reading pane and marks it read.
    fn open(&mut self, key: ArticleKey) -> Result<(), StoreError> {
        let Some(article) = self.store.article(key)? else {
            self.notice = Some("That article is no longer in the store".into());
            return Ok(());
        };
        let was_unread = self.store.set_read(key, true)?;
        if was_unread {
            self.unread = self.unread.saturating_sub(1);
            if let Some(section) = self
                .sections
                .iter_mut()
                .find(|s| Some(&s.name) == article.section.as_ref())
            {
                section.unread = section.unread.saturating_sub(1);
            }
        }
        if let Some(row) = (self.list.offset..self.list.count.min(self.list.offset + 512))
            .find(|&p| self.list.get(p).is_some_and(|h| h.key == key))
            .and_then(|p| self.list.get_mut(p))
        {
            row.read = true;
        }
        let width = layout::measure(self.areas().reader);
        self.reading = Some(Reading::new(key, article, width, self.now));
        self.focus = Pane::Reader;
        self.sidebar_overlay = false;
        Ok(())
    }

    fn back(&mut self) {
        if self.sidebar_overlay {
            self.sidebar_overlay = false;
            self.focus = if self.reading.is_some() {
                Pane::Reader
            } else {
                Pane::List
            };
        } else if self.focus != Pane::List {
            self.focus = Pane::List;
        } else {
            self.reading = None;
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.areas().panes();
        let mut candidates = panes.clone();
        // on a narrow terminal the reading pane takes the screen when focused
        if self.reading.is_some() && !candidates.contains(&Pane::Reader) {
            candidates.insert(1.min(candidates.len()), Pane::Reader);
        }
        if candidates.is_empty() {
            return;
        }
        let at = candidates
            .iter()
            .position(|p| *p == self.focus)
            .unwrap_or(0);
        let next = (at as isize + step).rem_euclid(candidates.len() as isize) as usize;
        self.focus = candidates[next];
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

    /// Filters by tab `tab`: 0 is All.
    fn set_tab(&mut self, tab: usize) -> Result<(), StoreError> {
        let tab = tab.min(self.sections.len());
        let filter = match tab {
            0 => Filter::default(),
            n => Filter::section(self.sections[n - 1].name.clone()),
        };
        self.tab = tab;
        self.list = HeadlineList::new(&self.store, filter)?;
        Ok(())
    }

    fn click(&mut self, column: u16, row: u16) -> Result<(), StoreError> {
        let areas = self.areas();
        if areas.tabs.contains((column, row).into()) {
            let widths = self.tab_widths();
            if let Some((tab, ..)) = layout::tab_positions(&widths, self.tab, tab_strip(areas.tabs))
                .into_iter()
                .find(|&(_, x, width)| column >= x && column < x + width)
            {
                return self.set_tab(tab);
            }
            return Ok(());
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

    /// Each tab's width on the top bar, padding included.
    pub fn tab_widths(&self) -> Vec<u16> {
        self.tab_labels()
            .iter()
            .map(|label| unicode_width::UnicodeWidthStr::width(label.as_str()) as u16 + 2)
            .collect()
    }

    fn load_counts(&mut self) -> Result<(), StoreError> {
        self.sections = self.store.sections()?;
        let all = Filter::default();
        self.total = self.store.count(&all)?;
        self.unread = self.store.unread(&all)?;
        Ok(())
    }

    /// After every change: keep the focus on a pane that is shown, the
    /// selections and scroll offsets in range, the rows on screen fetched,
    /// the article wrapped to its pane, and the sidebar on the right section.
    fn settle(&mut self) -> Result<(), StoreError> {
        if self.reading.is_none()
            && self.focus == Pane::Reader
            && self.size.width < layout::TWO_PANES_FROM
        {
            self.focus = Pane::List;
        }
        let areas = self.areas();
        if !areas.panes().contains(&self.focus) && !areas.too_small {
            self.focus = Pane::List;
        }
        let list_rows = usize::from(layout::inner(areas.list).height);
        self.list.settle(&self.store, list_rows.max(1))?;
        if let Some(reading) = &mut self.reading {
            reading.rewrap(layout::measure(areas.reader), self.now);
            let rows = usize::from(layout::inner(areas.reader).height);
            reading.scroll = reading.scroll.min(reading.max_scroll(rows));
        }
        let section = self
            .reading
            .as_ref()
            .and_then(|r| r.article.section.clone())
            .or_else(|| self.list.filter.section.clone())
            .or_else(|| {
                self.list
                    .selected_headline()
                    .and_then(|h| h.section.clone())
            });
        if section != self.sidebar.section {
            self.sidebar.popular = match &section {
                Some(name) => self.store.popular(name)?,
                None => Vec::new(),
            };
            self.sidebar.section = section;
        }
        self.sidebar.select(self.sidebar.selected);
        Ok(())
    }
}

/// The part of the top bar the tabs use, after the name.
pub fn tab_strip(tabs: Rect) -> Rect {
    const NAME: u16 = 7; // " kiji " and a gap
    Rect::new(
        tabs.x + NAME.min(tabs.width),
        tabs.y,
        tabs.width.saturating_sub(NAME),
        tabs.height,
    )
}

#[cfg(test)]
mod tests;
