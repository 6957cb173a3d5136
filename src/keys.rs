//! The one key table: which key does what, and the words the help screen and
//! the status line show for it. Dispatch and help both read this table, so
//! they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn char(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// How the help screen names the keys.
    pub label: &'static str,
    /// What the help screen says the keys do.
    pub help: &'static str,
    /// The few bindings the status line hints at, with their short words.
    pub hint: Option<&'static str>,
}

/// Every binding. Arrow keys, Enter, Esc and Tab reach everything; vim-style
/// letters work as well.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Up), char('k')],
        action: Action::Up,
        label: "↑ k",
        help: "move up: the selection, or the article",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Down), char('j')],
        action: Action::Down,
        label: "↓ j",
        help: "move down",
        hint: Some("↑↓ move"),
    },
    Binding {
        keys: &[key(KeyCode::PageUp), ctrl('b'), ctrl('u')],
        action: Action::PageUp,
        label: "PgUp ^b",
        help: "a page up",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::PageDown), char(' '), ctrl('f'), ctrl('d')],
        action: Action::PageDown,
        label: "PgDn Space ^f",
        help: "a page down",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home), char('g')],
        action: Action::Top,
        label: "Home g",
        help: "to the top",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::End), char('G')],
        action: Action::Bottom,
        label: "End G",
        help: "to the bottom",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        label: "Enter",
        help: "open the selected headline or sidebar item",
        hint: Some("⏎ open"),
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        label: "Esc",
        help: "back: close a popup, leave the article",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Tab), key(KeyCode::Right), char('l')],
        action: Action::FocusNext,
        label: "Tab → l",
        help: "focus the next pane",
        hint: Some("⇥ pane"),
    },
    Binding {
        keys: &[key(KeyCode::BackTab), key(KeyCode::Left), char('h')],
        action: Action::FocusPrevious,
        label: "S-Tab ← h",
        help: "focus the previous pane",
        hint: None,
    },
    Binding {
        keys: &[char(']')],
        action: Action::NextSection,
        label: "]",
        help: "next section",
        hint: Some("[] section"),
    },
    Binding {
        keys: &[char('[')],
        action: Action::PreviousSection,
        label: "[",
        help: "previous section",
        hint: None,
    },
    Binding {
        keys: &[char('s')],
        action: Action::PickSection,
        label: "s",
        help: "choose a section",
        hint: None,
    },
    Binding {
        keys: &[char('p')],
        action: Action::ToggleSidebar,
        label: "p",
        help: "show or hide Popular and Access Ranking",
        hint: None,
    },
    Binding {
        keys: &[char('?'), key(KeyCode::F(1))],
        action: Action::Help,
        label: "? F1",
        help: "show or hide this list of keys",
        hint: Some("? help"),
    },
    Binding {
        keys: &[char('q'), ctrl('c')],
        action: Action::Quit,
        label: "q ^c",
        help: "quit",
        hint: Some("q quit"),
    },
];

/// The action a key press asks for, if any. Only presses count: releases
/// and repeats reported by some terminals are ignored, as are keys that are
/// not in the table.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of the character for letters and symbols ('G', '?')
    let modifiers = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    BINDINGS
        .iter()
        .find(|binding| {
            binding
                .keys
                .iter()
                .any(|k| k.code == event.code && k.modifiers == modifiers)
        })
        .map(|binding| binding.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (index, key) in keys.iter().enumerate() {
            assert!(!keys[index + 1..].contains(key), "{key:?} is bound twice");
        }
    }

    #[test]
    fn every_action_a_key_can_ask_for_has_help_text() {
        for binding in BINDINGS {
            assert!(!binding.help.is_empty() && !binding.label.is_empty());
            assert!(!binding.keys.is_empty());
        }
    }

    #[test]
    fn presses_map_to_actions_releases_do_not() {
        let press = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(press), Some(Action::Down));
        let mut release = press;
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(release), None);
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }
}
