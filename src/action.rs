//! Everything a person can do in the reader, whatever key or click asks for it.

/// One thing to do. Key presses become actions through the key table
/// ([`crate::keys`]); mouse and resize events become actions in the
/// reader's runtime ([`crate::reader`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Refresh,
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
