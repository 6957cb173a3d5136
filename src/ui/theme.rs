//! The themes: every style the view uses, and the only place colours are
//! named. Colours are the 16 ANSI ones, so any terminal shows them; selection
//! is also reverse video and a marker, so it shows with no colour at all,
//! which is what [`NO_COLOR`] gives.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

pub struct Theme {
    pub app_name: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub unread_mark: Style,
    pub saved_mark: Style,
    pub date: Style,
    pub unread: Style,
    pub read: Style,
    pub headline: Style,
    pub meta: Style,
    pub caption: Style,
    pub credit: Style,
    pub subhead: Style,
    pub body: Style,
    /// Why a search result matched, under its headline.
    pub snippet: Style,
    pub placeholder: Style,
    pub list_title: Style,
    pub number: Style,
    pub linked: Style,
    pub unlinked: Style,
    pub status: Style,
    pub notice: Style,
    pub hint: Style,
    pub key: Style,
    pub highlight: Style,
    pub prompt: Style,
}

/// For dark terminal backgrounds: the default.
pub const DARK: Theme = Theme {
    app_name: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    tab: Style::new(),
    tab_active: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD.union(Modifier::REVERSED)),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    title: Style::new(),
    title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    unread_mark: Style::new().fg(Color::Cyan),
    saved_mark: Style::new().fg(Color::Yellow),
    date: Style::new().fg(Color::DarkGray),
    unread: Style::new().add_modifier(Modifier::BOLD),
    read: Style::new(),
    headline: Style::new().add_modifier(Modifier::BOLD),
    meta: Style::new().fg(Color::Cyan),
    caption: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC),
    credit: Style::new().fg(Color::DarkGray),
    subhead: Style::new().add_modifier(Modifier::BOLD),
    body: Style::new(),
    snippet: Style::new().fg(Color::DarkGray),
    placeholder: Style::new().fg(Color::DarkGray),
    list_title: Style::new().add_modifier(Modifier::BOLD),
    number: Style::new().fg(Color::Cyan),
    linked: Style::new(),
    unlinked: Style::new().fg(Color::DarkGray),
    status: Style::new(),
    notice: Style::new().fg(Color::Yellow),
    hint: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Cyan),
    highlight: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    prompt: Style::new().add_modifier(Modifier::BOLD),
};

/// For light terminal backgrounds: darker accents, no grey that fades
/// into white.
pub const LIGHT: Theme = Theme {
    app_name: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    tab_active: Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::BOLD.union(Modifier::REVERSED)),
    border: Style::new().fg(Color::Gray),
    border_focused: Style::new().fg(Color::Blue),
    title_focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    unread_mark: Style::new().fg(Color::Blue),
    saved_mark: Style::new().fg(Color::Magenta),
    date: Style::new().fg(Color::DarkGray),
    meta: Style::new().fg(Color::Blue),
    caption: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC),
    placeholder: Style::new().fg(Color::DarkGray),
    number: Style::new().fg(Color::Blue),
    unlinked: Style::new().fg(Color::DarkGray),
    notice: Style::new().fg(Color::Magenta),
    hint: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Blue),
    highlight: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    ..DARK
};

/// No colour at all, for `NO_COLOR` (no-color.org): bold, dim, italic,
/// underline and reverse video carry every distinction.
pub const NO_COLOR: Theme = Theme {
    app_name: Style::new().add_modifier(Modifier::BOLD.union(Modifier::REVERSED)),
    tab: Style::new(),
    tab_active: Style::new().add_modifier(Modifier::BOLD.union(Modifier::REVERSED)),
    border: Style::new().add_modifier(Modifier::DIM),
    border_focused: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new(),
    title_focused: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    unread_mark: Style::new().add_modifier(Modifier::BOLD),
    saved_mark: Style::new().add_modifier(Modifier::BOLD),
    date: Style::new().add_modifier(Modifier::DIM),
    unread: Style::new().add_modifier(Modifier::BOLD),
    read: Style::new(),
    headline: Style::new().add_modifier(Modifier::BOLD),
    meta: Style::new().add_modifier(Modifier::DIM),
    caption: Style::new().add_modifier(Modifier::ITALIC.union(Modifier::DIM)),
    credit: Style::new().add_modifier(Modifier::DIM),
    subhead: Style::new().add_modifier(Modifier::BOLD),
    body: Style::new(),
    snippet: Style::new().add_modifier(Modifier::DIM),
    placeholder: Style::new().add_modifier(Modifier::DIM),
    list_title: Style::new().add_modifier(Modifier::BOLD),
    number: Style::new(),
    linked: Style::new(),
    unlinked: Style::new().add_modifier(Modifier::DIM),
    status: Style::new(),
    notice: Style::new().add_modifier(Modifier::BOLD),
    hint: Style::new().add_modifier(Modifier::DIM),
    key: Style::new().add_modifier(Modifier::BOLD),
    highlight: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED)),
    prompt: Style::new().add_modifier(Modifier::BOLD),
};

/// The styles of a theme.
pub fn of(name: ThemeName) -> &'static Theme {
    match name {
        ThemeName::Dark => &DARK,
        ThemeName::Light => &LIGHT,
        ThemeName::NoColor => &NO_COLOR,
    }
}
