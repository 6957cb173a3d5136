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

/// Where a binding applies: keys mean different things while typing a
/// search or answering a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The panes and the popups over them.
    Main,
    /// Typing into the search prompt: other printable keys are text.
    Prompt,
    /// A yes/no question: any other key says no.
    Confirm,
}

impl Context {
    /// Every context, in the order the help screen lists them.
    pub const ALL: [Self; 3] = [Self::Main, Self::Prompt, Self::Confirm];

    /// The heading the help screen shows for the context.
    pub fn title(self) -> &'static str {
        match self {
            Self::Main => "Reading",
            Self::Prompt => "Search prompt (other keys are typed)",
            Self::Confirm => "Questions (any other key says no)",
        }
    }
}

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
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
        context: Context::Main,
        keys: &[key(KeyCode::Up), char('k')],
        action: Action::Up,
        label: "↑ k",
        help: "move up: the selection, or the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::Down), char('j')],
        action: Action::Down,
        label: "↓ j",
        help: "move down",
        hint: Some("↑↓ move"),
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::PageUp), ctrl('b'), ctrl('u')],
        action: Action::PageUp,
        label: "PgUp ^b",
        help: "a page up",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::PageDown), char(' '), ctrl('f'), ctrl('d')],
        action: Action::PageDown,
        label: "PgDn Space ^f",
        help: "a page down",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::Home), char('g')],
        action: Action::Top,
        label: "Home g",
        help: "to the top",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::End), char('G')],
        action: Action::Bottom,
        label: "End G",
        help: "to the bottom",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        label: "Enter",
        help: "open the selected headline or sidebar item",
        hint: Some("⏎ open"),
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        label: "Esc",
        help: "back: close a popup, leave the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::Tab), key(KeyCode::Right), char('l')],
        action: Action::FocusNext,
        label: "Tab → l",
        help: "focus the next pane",
        hint: Some("⇥ pane"),
    },
    Binding {
        context: Context::Main,
        keys: &[key(KeyCode::BackTab), key(KeyCode::Left), char('h')],
        action: Action::FocusPrevious,
        label: "S-Tab ← h",
        help: "focus the previous pane",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char(']')],
        action: Action::NextSection,
        label: "]",
        help: "next section",
        hint: Some("[] section"),
    },
    Binding {
        context: Context::Main,
        keys: &[char('[')],
        action: Action::PreviousSection,
        label: "[",
        help: "previous section",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('s')],
        action: Action::PickSection,
        label: "s",
        help: "choose a section",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('p')],
        action: Action::ToggleSidebar,
        label: "p",
        help: "show or hide Popular and Access Ranking",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('/')],
        action: Action::Search,
        label: "/",
        help: "search: words, \"a phrase\", -exclude, prefix*",
        hint: Some("/ search"),
    },
    Binding {
        context: Context::Main,
        keys: &[char('n')],
        action: Action::NextMatch,
        label: "n",
        help: "next search match in the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('N')],
        action: Action::PreviousMatch,
        label: "N",
        help: "previous search match in the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('m')],
        action: Action::ToggleRead,
        label: "m",
        help: "mark the selected article read or unread",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('M')],
        action: Action::MarkAllRead,
        label: "M",
        help: "mark everything in this view read",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('u')],
        action: Action::ToggleUnreadOnly,
        label: "u",
        help: "show only unread articles, or all",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('.')],
        action: Action::NextUnread,
        label: ".",
        help: "open the next unread article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('b')],
        action: Action::ToggleSaved,
        label: "b",
        help: "save the selected article, or unsave it",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('r')],
        action: Action::Refresh,
        label: "r",
        help: "refresh: show what an import added",
        hint: None,
    },
    Binding {
        context: Context::Main,
        keys: &[char('?'), key(KeyCode::F(1))],
        action: Action::Help,
        label: "? F1",
        help: "show or hide this list of keys",
        hint: Some("? help"),
    },
    Binding {
        context: Context::Main,
        keys: &[char('q'), ctrl('c')],
        action: Action::Quit,
        label: "q ^c",
        help: "quit",
        hint: Some("q quit"),
    },
    Binding {
        context: Context::Prompt,
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        label: "Enter",
        help: "keep the results and go to the list",
        hint: Some("⏎ keep"),
    },
    Binding {
        context: Context::Prompt,
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        label: "Esc",
        help: "clear the search, back to the list as it was",
        hint: Some("Esc clear"),
    },
    Binding {
        context: Context::Prompt,
        keys: &[key(KeyCode::Backspace)],
        action: Action::DeleteBack,
        label: "Backspace",
        help: "delete a character",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        label: "^u",
        help: "clear the query",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        keys: &[key(KeyCode::Up)],
        action: Action::Up,
        label: "↑",
        help: "move up the results",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        keys: &[key(KeyCode::Down)],
        action: Action::Down,
        label: "↓",
        help: "move down the results",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        keys: &[ctrl('c')],
        action: Action::Quit,
        label: "^c",
        help: "quit",
        hint: None,
    },
    Binding {
        context: Context::Confirm,
        keys: &[char('y'), key(KeyCode::Enter)],
        action: Action::Confirm,
        label: "y Enter",
        help: "yes",
        hint: Some("y yes"),
    },
];

/// Lines of the help screen: a heading per context, a blank line between
/// contexts, and a line per binding.
pub fn help_line_count() -> usize {
    Context::ALL.len() * 2 - 1 + BINDINGS.len()
}

/// The action a key press asks for in a context, if any. Only presses
/// count: releases reported by some terminals are ignored. In the prompt,
/// printable keys the table does not bind are typed; in a question, they
/// say no.
pub fn action_for(event: KeyEvent, context: Context) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of the character for letters and symbols ('G', '?')
    let modifiers = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    let bound = BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .find(|binding| {
            binding
                .keys
                .iter()
                .any(|k| k.code == event.code && k.modifiers == modifiers)
        })
        .map(|binding| binding.action);
    match (bound, context, event.code) {
        (Some(action), ..) => Some(action),
        (None, Context::Prompt, KeyCode::Char(c))
            if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        (None, Context::Confirm, _) => Some(Action::Back),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for context in Context::ALL {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (index, key) in keys.iter().enumerate() {
                assert!(
                    !keys[index + 1..].contains(key),
                    "{key:?} is bound twice in {context:?}"
                );
            }
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
        let main = |event| action_for(event, Context::Main);
        let press = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(main(press), Some(Action::Down));
        let mut release = press;
        release.kind = KeyEventKind::Release;
        assert_eq!(main(release), None);
        assert_eq!(
            main(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            main(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            main(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn the_prompt_types_what_it_does_not_bind() {
        let prompt = |code, modifiers| action_for(KeyEvent::new(code, modifiers), Context::Prompt);
        assert_eq!(
            prompt(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::Input('q'))
        );
        assert_eq!(
            prompt(KeyCode::Char('Y'), KeyModifiers::SHIFT),
            Some(Action::Input('Y'))
        );
        assert_eq!(
            prompt(KeyCode::Char('東'), KeyModifiers::NONE),
            Some(Action::Input('東'))
        );
        assert_eq!(
            prompt(KeyCode::Enter, KeyModifiers::NONE),
            Some(Action::Open)
        );
        assert_eq!(prompt(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(
            prompt(KeyCode::Char('u'), KeyModifiers::CONTROL),
            Some(Action::ClearInput)
        );
        assert_eq!(prompt(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
    }

    #[test]
    fn a_question_takes_y_and_anything_else_is_no() {
        let confirm = |code| action_for(KeyEvent::new(code, KeyModifiers::NONE), Context::Confirm);
        assert_eq!(confirm(KeyCode::Char('y')), Some(Action::Confirm));
        assert_eq!(confirm(KeyCode::Char('n')), Some(Action::Back));
        assert_eq!(confirm(KeyCode::Esc), Some(Action::Back));
    }
}
