//! The reader's state. It changes only through [`App::update`] (or
//! [`App::update_all`] for a burst of input), which tests drive with no
//! terminal; the view only reads it.

mod effect;
mod headlines;
mod lists;
mod marks;
mod mouse;
mod open;
mod panes;
mod popups;
mod prompt;
mod reading;
mod reload;
mod sidebar;
mod tabs;
mod web;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use crate::action::Action;
use crate::config::ThemeName;
use crate::keys::{Context, Keymap};
use crate::layout::{self, Areas, Pane, Shape};
use crate::store::{ArticleKey, Filter, SectionCount, Store, StoreError};
pub use effect::Effect;
pub use headlines::HeadlineList;
pub use popups::Popup;
pub use reading::{LineKind, ReaderLine, Reading, meta_line};
pub use sidebar::{Shows, Sidebar, SidebarList, SidebarRow, scroll_for};
pub use tabs::Tab;
pub use web::{Fetching, Web, host_of};

/// The list as it was before a search, to go back to.
#[derive(Debug, Clone)]
struct BeforeSearch {
    tab: Tab,
    filter: Filter,
    selected: usize,
}

/// The reader's whole state.
pub struct App {
    store: Store,
    clock: fn() -> DateTime<Utc>,
    /// The time relative dates are counted from, read at every update.
    pub now: DateTime<Utc>,
    /// The terminal's size.
    pub size: Rect,
    /// The sections with their counts, for the tabs and the picker.
    pub sections: Vec<SectionCount>,
    /// Articles in the store, all sections.
    pub total: usize,
    /// Articles not read yet, all sections.
    pub unread: usize,
    /// Saved articles.
    pub saved: usize,
    /// The active tab.
    pub tab: Tab,
    pub list: HeadlineList,
    /// Unread articles in the list's view; not counted during a search,
    /// where it would cost more than the search.
    pub list_unread: Option<usize>,
    pub reading: Option<Reading>,
    pub sidebar: Sidebar,
    pub focus: Pane,
    pub popup: Option<Popup>,
    /// The search being typed, while the prompt is open.
    pub prompt: Option<String>,
    before_search: Option<BeforeSearch>,
    /// The lists of searches run since the prompt opened, oldest first:
    /// deleting back to a query typed a moment ago shows its list again
    /// without ranking it again.
    searched: Vec<HeadlineList>,
    pub sidebar_hidden: bool,
    pub sidebar_overlay: bool,
    /// The store's data version when last read, to notice imports.
    data_version: i64,
    /// Articles an import beside the reader added, shown on the list until
    /// the reader goes to the top or to another tab.
    pub new_articles: usize,
    /// A one-line message for the status line, until the next key.
    pub notice: Option<String>,
    /// How the view draws: dark, light, or no colour.
    pub theme: ThemeName,
    /// The key bindings in force, for the help screen and dispatch.
    pub keymap: Keymap,
    /// Show times in this machine's time zone rather than JST as printed.
    pub local_time: bool,
    /// The list's share of the width beside the sidebar, in per cent.
    pub list_share: u16,
    /// Articles read before following a sidebar item, to go back to.
    history: Vec<ArticleKey>,
    /// Searches kept with Enter, oldest first, for recalling on the prompt.
    searches: Vec<String>,
    /// The kept search the prompt shows, while going through them.
    recalled: Option<usize>,
    /// Read and saved marks outlive the reader (not so for files read
    /// without importing them, or the sample articles).
    marks_kept: bool,
    said_marks_not_kept: bool,
    /// Fetching and refreshing, under way beside the reader.
    pub web: Web,
    /// Requests to the runtime not yet taken ([`App::take_effects`]).
    effects: Vec<Effect>,
    /// Read marks not yet written while another connection was writing.
    pending_marks: Vec<(ArticleKey, bool)>,
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
            saved: 0,
            tab: Tab::All,
            list,
            list_unread: None,
            reading: None,
            sidebar: Sidebar::default(),
            focus: Pane::List,
            popup: None,
            prompt: None,
            before_search: None,
            searched: Vec::new(),
            sidebar_hidden: false,
            sidebar_overlay: false,
            data_version: 0,
            new_articles: 0,
            notice: None,
            theme: ThemeName::Dark,
            keymap: Keymap::default(),
            local_time: false,
            list_share: layout::LIST_SHARE,
            history: Vec::new(),
            searches: Vec::new(),
            recalled: None,
            marks_kept: true,
            said_marks_not_kept: false,
            web: Web::default(),
            effects: Vec::new(),
            pending_marks: Vec::new(),
            running: true,
        };
        app.load_counts()?;
        app.data_version = app.store.data_version()?;
        app.settle()?;
        Ok(app)
    }

    /// The reader drawn with another theme.
    #[must_use]
    pub fn with_theme(mut self, theme: ThemeName) -> Self {
        self.theme = theme;
        self
    }

    /// The reader showing times in this machine's time zone.
    #[must_use]
    pub fn with_local_time(mut self, local: bool) -> Self {
        self.local_time = local;
        self
    }

    /// The reader with the docked sidebar hidden at start.
    #[must_use]
    pub fn with_sidebar(mut self, shown: bool) -> Self {
        self.sidebar_hidden = !shown;
        self
    }

    /// The reader opened on the tab of a section (named in any case); for
    /// a name that is no section here, a notice listing those there are.
    pub fn with_section(mut self, name: &str) -> Result<Self, StoreError> {
        if let Some(section) = crate::store::find_section(&self.sections, name) {
            self.set_tab(Tab::Section(section.name.clone()))?;
            self.settle()?;
            return Ok(self);
        }
        let names: Vec<&str> = self.sections.iter().map(|s| s.name.as_str()).collect();
        self.notice = Some(format!(
            "default_section \"{name}\" is no section here: {}",
            names.join(", ")
        ));
        Ok(self)
    }

    /// The reader with other key bindings.
    #[must_use]
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// The reader on a store whose marks are not kept (files read without
    /// importing them, the sample articles): it says so at the first mark.
    #[must_use]
    pub fn with_marks_kept(mut self, kept: bool) -> Self {
        self.marks_kept = kept;
        self
    }

    /// The reader with the list given this share of the width, in per cent.
    #[must_use]
    pub fn with_list_share(mut self, share: u16) -> Self {
        self.list_share = share.clamp(*layout::LIST_SHARES.start(), *layout::LIST_SHARES.end());
        self
    }

    /// The reader greeting its user with a line on the status line.
    #[must_use]
    pub fn with_notice(mut self, notice: Option<String>) -> Self {
        self.notice = notice;
        self
    }

    /// Lets reads of the store be cut short once `cancel` turns true, while
    /// a search is typed: see [`Store::cancel_reads_when`].
    pub fn cancel_reads_when(
        &mut self,
        cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ) -> Result<(), StoreError> {
        self.store.cancel_reads_when(cancel)
    }

    /// Which part of the key table applies now.
    pub fn key_context(&self) -> Context {
        match (self.prompt.is_some(), self.popup) {
            (_, Some(Popup::ConfirmMarkRead { .. })) => Context::Confirm,
            (true, _) => Context::Prompt,
            _ => Context::Main,
        }
    }

    /// The shape the layout is computed from.
    pub fn shape(&self) -> Shape {
        Shape {
            focus: self.focus,
            reading: self.reading.is_some(),
            sidebar_hidden: self.sidebar_hidden,
            sidebar_overlay: self.sidebar_overlay,
            list_share: self.list_share,
        }
    }

    /// Where everything is on screen now.
    pub fn areas(&self) -> Areas {
        layout::layout(self.size, self.shape())
    }

    /// Screen rows a list item takes: two in a search (the headline, then
    /// why it matched), else one.
    pub fn list_row_height(&self) -> usize {
        if self.list.filter.is_ranked() { 2 } else { 1 }
    }

    /// List items a screen holds.
    pub fn list_items(&self) -> usize {
        let rows = usize::from(layout::inner(self.areas().list).height);
        (rows / self.list_row_height()).max(1)
    }

    /// The one way the state changes.
    pub fn update(&mut self, action: Action) {
        self.update_all([action]);
    }

    /// Applies a burst of actions, then brings the state to rest once: a
    /// search typed faster than it runs is run once, for the last keystroke.
    pub fn update_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        self.update_with(actions, |_, _, action| Some(action));
    }

    /// Like [`App::update_all`] for raw input: `map` turns each input into
    /// an action with the bindings in force and the key context when it
    /// comes, since a key that opens the prompt changes what the keys after
    /// it mean.
    pub fn update_with<I>(
        &mut self,
        inputs: impl IntoIterator<Item = I>,
        mut map: impl FnMut(&Keymap, Context, I) -> Option<Action>,
    ) {
        self.now = (self.clock)();
        for input in inputs {
            let Some(action) = map(&self.keymap, self.key_context(), input) else {
                continue;
            };
            if !matches!(action, Action::Resize(..) | Action::Idle | Action::Web(_)) {
                self.notice = None;
            }
            // what comes from beside the reader is taken whatever is open
            let result = if matches!(action, Action::Idle | Action::Web(_)) {
                self.update_panes(action)
            } else if self.prompt.is_some() && self.popup.is_none() {
                self.update_prompt(action)
            } else {
                match self.popup {
                    Some(popup) => self.update_popup(popup, &action),
                    None => self.update_panes(action),
                }
            };
            if let Err(error) = result {
                self.report(&error);
            }
        }
        // marks kept while a refresh was writing
        if let Err(error) = self.write_marks(!self.running) {
            self.report(&error);
        }
        // an import beside the reader committed: show what it added
        let changed = self.store.data_version().map(|v| v != self.data_version);
        if let Err(error) =
            changed.and_then(|changed| if changed { self.refresh() } else { Ok(()) })
        {
            self.report(&error);
        }
        if let Err(error) = self.settle() {
            self.report(&error);
        }
    }

    /// Work is left for when no input is waiting ([`Action::Idle`]).
    pub fn has_idle_work(&self) -> bool {
        self.list.counting || self.list.ranked_from.is_some()
    }

    /// Shows a store error on the status line; a search cut short by newer
    /// input is no error, and runs again for that input.
    fn report(&mut self, error: &StoreError) {
        if !error.is_cancelled() {
            self.notice = Some(format!("store: {error}"));
        }
    }

    /// After every change: keep the focus on a pane that is shown, the
    /// selections and scroll offsets in range, the rows on screen fetched,
    /// the search run for what the prompt holds, the article wrapped to its
    /// pane, and the sidebar on the lists it should show.
    fn settle(&mut self) -> Result<(), StoreError> {
        // while a search is typed or shown, input that comes meanwhile cuts
        // it short
        let searching = self.prompt.is_some() || self.list.filter.is_ranked();
        let cancellable = searching.then(|| self.store.cancellable());
        self.run_search()?;
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
        self.list.settle(&self.store, self.list_items())?;
        drop(cancellable);
        if let Some(reading) = &mut self.reading {
            reading.follow(
                self.list.filter.query.as_ref(),
                layout::measure(areas.reader),
                self.now,
            );
            let rows = usize::from(layout::inner(areas.reader).height);
            reading.scroll = reading.scroll.min(reading.max_scroll(rows));
        }
        self.sync_sidebar(false)
    }
}

impl Drop for App {
    /// Read marks still kept are written before the reader goes, waiting
    /// for a writer beside it if need be.
    fn drop(&mut self) {
        if let Err(error) = self.write_marks(true) {
            tracing::warn!("writing read marks: {error}");
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod web_tests;
