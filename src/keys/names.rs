//! Keys: the type the table binds, the constants it names, and the names
//! the help screen shows and the configuration file writes.

use crossterm::event::{KeyCode, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

pub(super) const UP: Key = key(KeyCode::Up);
pub(super) const DOWN: Key = key(KeyCode::Down);
pub(super) const LEFT: Key = key(KeyCode::Left);
pub(super) const RIGHT: Key = key(KeyCode::Right);
pub(super) const ENTER: Key = key(KeyCode::Enter);
pub(super) const ESC: Key = key(KeyCode::Esc);
pub(super) const TAB: Key = key(KeyCode::Tab);
pub(super) const BACKTAB: Key = key(KeyCode::BackTab);
pub(super) const BACKSPACE: Key = key(KeyCode::Backspace);
pub(super) const HOME: Key = key(KeyCode::Home);
pub(super) const END: Key = key(KeyCode::End);
pub(super) const PAGE_UP: Key = key(KeyCode::PageUp);
pub(super) const PAGE_DOWN: Key = key(KeyCode::PageDown);
pub(super) const F1: Key = key(KeyCode::F(1));

/// Ctrl-C, which quits in every context and cannot be given to anything
/// else.
pub(super) const CTRL_C: Key = ctrl('c');

/// A key as the help screen shows it and the configuration file writes it.
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("^{base}")
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("M-{base}")
    } else {
        base
    }
}

/// Reads a key as the configuration file writes it: `j`, `G`, `?`,
/// `ctrl-d` (or `^d`), `alt-x`, and names such as `Enter`, `Esc`, `Tab`,
/// `shift-tab`, `Space`, `Up`, `PageDown`, `F1`, in any case.
pub fn parse_key(text: &str) -> Option<Key> {
    let lower = text.to_ascii_lowercase();
    let (modifiers, rest) = if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or(lower.strip_prefix('^').filter(|r| !r.is_empty()))
    {
        (KeyModifiers::CONTROL, &text[text.len() - rest.len()..])
    } else if let Some(rest) = lower.strip_prefix("alt-") {
        (KeyModifiers::ALT, &text[text.len() - rest.len()..])
    } else {
        (KeyModifiers::NONE, text)
    };
    let named = match rest.to_ascii_lowercase().as_str() {
        "up" | "↑" => Some(KeyCode::Up),
        "down" | "↓" => Some(KeyCode::Down),
        "left" | "←" => Some(KeyCode::Left),
        "right" | "→" => Some(KeyCode::Right),
        "enter" | "return" => Some(KeyCode::Enter),
        "esc" | "escape" => Some(KeyCode::Esc),
        "tab" => Some(KeyCode::Tab),
        "backtab" | "shift-tab" | "s-tab" => Some(KeyCode::BackTab),
        "backspace" => Some(KeyCode::Backspace),
        "home" => Some(KeyCode::Home),
        "end" => Some(KeyCode::End),
        "pageup" | "pgup" => Some(KeyCode::PageUp),
        "pagedown" | "pgdn" => Some(KeyCode::PageDown),
        "space" => Some(KeyCode::Char(' ')),
        name => name
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
            .map(KeyCode::F),
    };
    let mut chars = rest.chars();
    let code = match (named, chars.next(), chars.next()) {
        (Some(code), ..) => code,
        (None, Some(c), None) => KeyCode::Char(if modifiers.is_empty() {
            c
        } else {
            c.to_ascii_lowercase()
        }),
        _ => return None,
    };
    Some(Key { code, modifiers })
}
