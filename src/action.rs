//! Everything a person can do in the reader, whatever key or click asks for it.

/// What the reader's work on the web reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebEvent {
    /// The page fetched for a sidebar item (by its request number) came as
    /// an article, or did not, and why.
    Fetched(u64, Result<Box<crate::article::Article>, String>),
    /// A refresh is under way: feeds and pages done, of those known so far.
    Progress(usize, usize),
    /// A refresh ended: its one-line summary, and whether anything failed.
    Refreshed(String, bool),
    /// Something asked of the web failed (opening the browser): why.
    Failed(String),
}

/// One thing to do. Key presses become actions through the key table
/// ([`crate::keys`]); mouse and resize events become actions in the
/// reader's runtime ([`crate::reader`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move up in the focused pane: the selection, or the article's scroll.
    Up,
    /// Move down in the focused pane.
    Down,
    /// A page up in the focused pane.
    PageUp,
    /// A page down in the focused pane; at the end of an article, the next
    /// unread one.
    PageDown,
    /// Half a page up, as in vim and less.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// Open the next article in the list.
    NextArticle,
    /// Open the previous article in the list.
    PreviousArticle,
    /// Back to the article read before following a sidebar item.
    HistoryBack,
    /// Give the headline list more of the width.
    WidenList,
    /// Give the headline list less of the width.
    NarrowList,
    /// To the first headline, the top of the article, the first list item.
    Top,
    /// To the last headline, the end of the article, the last list item.
    Bottom,
    /// Open the selected headline, or the article a sidebar item links to.
    Open,
    /// Back: close a popup, or leave the article.
    Back,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Filter by the next section.
    NextSection,
    /// Filter by the previous section.
    PreviousSection,
    /// Choose a section from a list.
    PickSection,
    /// Show or hide the Popular / Access Ranking sidebar.
    ToggleSidebar,
    /// Show or hide the list of keys.
    Help,
    /// Leave kiji.
    Quit,
    /// Stop kiji as a shell job (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// Open the search prompt.
    Search,
    /// Type a character into the prompt.
    Input(char),
    /// Delete the character before the prompt's cursor.
    DeleteBack,
    /// Clear the prompt.
    ClearInput,
    /// Scroll the article to the next search match.
    NextMatch,
    /// Scroll the article to the previous search match.
    PreviousMatch,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// Mark everything in the current view read (asks first).
    MarkAllRead,
    /// Yes, to a question.
    Confirm,
    /// Show only unread articles, or everything again.
    ToggleUnreadOnly,
    /// Open the next unread article.
    NextUnread,
    /// Save (bookmark) the selected article, or let it go.
    ToggleSaved,
    /// Read the store again: what an import beside the reader added.
    Reload,
    /// Fetch every followed feed, and the pages of their new items, in the
    /// background.
    Refresh,
    /// Open the article's page (or the selected sidebar item's) in the
    /// web browser.
    OpenInBrowser,
    /// Work on the web, done beside the reader, reporting back.
    Web(WebEvent),
    /// The watched folder's new dumps were imported; this many files could
    /// not be.
    Imported(usize),
    /// Nothing came in for a moment: finish what was left for one (a
    /// search's count).
    Idle,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at this column and row.
    Click(u16, u16),
    /// The mouse wheel at this column and row: up when `true`.
    Wheel(u16, u16, bool),
}
