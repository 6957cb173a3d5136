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
    /// The name the configuration file remaps it by.
    pub name: &'static str,
    /// The keys it has unless the configuration says otherwise.
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help screen says the keys do.
    pub help: &'static str,
    /// The few bindings the status line hints at, with a short word.
    pub hint: Option<&'static str>,
}

/// Every binding. Arrow keys, Enter, Esc and Tab reach everything; vim-style
/// letters work as well.
pub static BINDINGS: &[Binding] = &[
    Binding {
        context: Context::Main,
        name: "up",
        keys: &[key(KeyCode::Up), char('k')],
        action: Action::Up,
        help: "move up: the selection, or the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "down",
        keys: &[key(KeyCode::Down), char('j')],
        action: Action::Down,
        help: "move down",
        hint: Some("move"),
    },
    Binding {
        context: Context::Main,
        name: "page_up",
        keys: &[key(KeyCode::PageUp), ctrl('b'), ctrl('u')],
        action: Action::PageUp,
        help: "a page up",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "page_down",
        keys: &[key(KeyCode::PageDown), char(' '), ctrl('f'), ctrl('d')],
        action: Action::PageDown,
        help: "a page down",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "top",
        keys: &[key(KeyCode::Home), char('g')],
        action: Action::Top,
        help: "to the top",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "bottom",
        keys: &[key(KeyCode::End), char('G')],
        action: Action::Bottom,
        help: "to the bottom",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "open",
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        help: "open the selected headline or sidebar item",
        hint: Some("open"),
    },
    Binding {
        context: Context::Main,
        name: "back",
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        help: "back: close a popup, leave the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "next_pane",
        keys: &[key(KeyCode::Tab), key(KeyCode::Right), char('l')],
        action: Action::FocusNext,
        help: "focus the next pane",
        hint: Some("pane"),
    },
    Binding {
        context: Context::Main,
        name: "previous_pane",
        keys: &[key(KeyCode::BackTab), key(KeyCode::Left), char('h')],
        action: Action::FocusPrevious,
        help: "focus the previous pane",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "next_section",
        keys: &[char(']')],
        action: Action::NextSection,
        help: "next section",
        hint: Some("section"),
    },
    Binding {
        context: Context::Main,
        name: "previous_section",
        keys: &[char('[')],
        action: Action::PreviousSection,
        help: "previous section",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "pick_section",
        keys: &[char('s')],
        action: Action::PickSection,
        help: "choose a section",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "sidebar",
        keys: &[char('p')],
        action: Action::ToggleSidebar,
        help: "show or hide Popular and Access Ranking",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "search",
        keys: &[char('/')],
        action: Action::Search,
        help: "search: words, \"a phrase\", -exclude, prefix*",
        hint: Some("search"),
    },
    Binding {
        context: Context::Main,
        name: "next_match",
        keys: &[char('n')],
        action: Action::NextMatch,
        help: "next search match in the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "previous_match",
        keys: &[char('N')],
        action: Action::PreviousMatch,
        help: "previous search match in the article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "toggle_read",
        keys: &[char('m')],
        action: Action::ToggleRead,
        help: "mark the selected article read or unread",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "mark_all_read",
        keys: &[char('M')],
        action: Action::MarkAllRead,
        help: "mark everything in this view read",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "unread_only",
        keys: &[char('u')],
        action: Action::ToggleUnreadOnly,
        help: "show only unread articles, or all",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "next_unread",
        keys: &[char('.')],
        action: Action::NextUnread,
        help: "open the next unread article",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "toggle_saved",
        keys: &[char('b')],
        action: Action::ToggleSaved,
        help: "save the selected article, or unsave it",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "refresh",
        keys: &[char('r')],
        action: Action::Refresh,
        help: "refresh: show what an import added",
        hint: None,
    },
    Binding {
        context: Context::Main,
        name: "help",
        keys: &[char('?'), key(KeyCode::F(1))],
        action: Action::Help,
        help: "show or hide this list of keys",
        hint: Some("help"),
    },
    Binding {
        context: Context::Main,
        name: "quit",
        keys: &[char('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: Some("quit"),
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_accept",
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        help: "keep the results and go to the list",
        hint: Some("keep"),
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_cancel",
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        help: "clear the search, back to the list as it was",
        hint: Some("clear"),
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_delete",
        keys: &[key(KeyCode::Backspace)],
        action: Action::DeleteBack,
        help: "delete a character",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_clear",
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        help: "clear the query",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_up",
        keys: &[key(KeyCode::Up)],
        action: Action::Up,
        help: "move up the results",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_down",
        keys: &[key(KeyCode::Down)],
        action: Action::Down,
        help: "move down the results",
        hint: None,
    },
    Binding {
        context: Context::Prompt,
        name: "prompt_quit",
        keys: &[ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: None,
    },
    Binding {
        context: Context::Confirm,
        name: "confirm_yes",
        keys: &[char('y'), key(KeyCode::Enter)],
        action: Action::Confirm,
        help: "yes",
        hint: Some("yes"),
    },
];

/// Lines of the help screen: a heading per context, a blank line between
/// contexts, and a line per binding.
pub fn help_line_count() -> usize {
    Context::ALL.len() * 2 - 1 + BINDINGS.len()
}

/// The bindings in force: the table's, with the keys a configuration file
/// gave some actions instead.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

/// Why a key remapping cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown action \"{0}\"; the actions are listed by kiji config --default")]
    UnknownAction(String),
    #[error(
        "unknown key \"{0}\" (keys look like j, G, ctrl-d, alt-x, Enter, Esc, Tab, Space, Up, PageDown, F1)"
    )]
    UnknownKey(String),
    #[error("{key} is given to both {first} and {second}")]
    Conflict {
        key: String,
        first: &'static str,
        second: &'static str,
    },
}

impl Keymap {
    /// The keys of the action named `name` become `keys`.
    pub fn remap(&mut self, name: &str, keys: &[String]) -> Result<(), KeymapError> {
        let index = BINDINGS
            .iter()
            .position(|b| b.name == name)
            .ok_or_else(|| KeymapError::UnknownAction(name.to_owned()))?;
        let parsed = keys
            .iter()
            .map(|key| parse_key(key).ok_or_else(|| KeymapError::UnknownKey(key.clone())))
            .collect::<Result<Vec<Key>, _>>()?;
        self.keys[index] = parsed;
        Ok(())
    }

    /// Checks that no key does two things in one context.
    pub fn check(&self) -> Result<(), KeymapError> {
        for (index, binding) in BINDINGS.iter().enumerate() {
            for key in &self.keys[index] {
                let clash = BINDINGS
                    .iter()
                    .enumerate()
                    .skip(index + 1)
                    .find(|(other, b)| {
                        b.context == binding.context && self.keys[*other].contains(key)
                    });
                if let Some((_, other)) = clash {
                    return Err(KeymapError::Conflict {
                        key: key_name(*key),
                        first: binding.name,
                        second: other.name,
                    });
                }
            }
        }
        Ok(())
    }

    /// The keys in force for a binding of the table.
    pub fn keys_of(&self, binding: &Binding) -> &[Key] {
        BINDINGS
            .iter()
            .position(|b| b.name == binding.name)
            .map_or(binding.keys, |index| &self.keys[index])
    }

    /// How the help screen and the status line name a binding's keys.
    pub fn label(&self, binding: &Binding) -> String {
        self.keys_of(binding)
            .iter()
            .map(|key| key_name(*key))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The action a key press asks for in a context, if any. Only presses
    /// count: releases reported by some terminals are ignored. In the
    /// prompt, printable keys not bound are typed; in a question, they say
    /// no.
    pub fn action_for(&self, event: KeyEvent, context: Context) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        // Shift is part of the character for letters and symbols ('G', '?')
        let modifiers = match event.code {
            KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        let pressed = Key {
            code: event.code,
            modifiers,
        };
        let bound = BINDINGS
            .iter()
            .zip(&self.keys)
            .find(|(binding, keys)| binding.context == context && keys.contains(&pressed))
            .map(|(binding, _)| binding.action);
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
}

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
    fn every_binding_has_help_text_keys_and_a_unique_name() {
        for (index, binding) in BINDINGS.iter().enumerate() {
            assert!(!binding.help.is_empty() && !binding.keys.is_empty());
            assert!(
                BINDINGS[index + 1..].iter().all(|b| b.name != binding.name),
                "{} is named twice",
                binding.name
            );
        }
        assert_eq!(Keymap::default().check(), Ok(()));
    }

    #[test]
    fn every_default_key_reads_back_from_its_name() {
        for binding in BINDINGS {
            for key in binding.keys {
                let name = key_name(*key).replace('^', "ctrl-");
                assert_eq!(parse_key(&name), Some(*key), "{name}");
            }
        }
        assert_eq!(parse_key("F13"), None);
        assert_eq!(parse_key("hyper-x"), None);
    }

    #[test]
    fn remapping_moves_an_action_to_new_keys_and_catches_clashes() {
        let mut keymap = Keymap::default();
        keymap
            .remap("down", &["n".into(), "Down".into()])
            .expect("remap");
        let press = |keymap: &Keymap, c| {
            keymap.action_for(
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                Context::Main,
            )
        };
        assert_eq!(press(&keymap, 'n'), Some(Action::Down));
        assert_eq!(press(&keymap, 'j'), None);
        assert!(matches!(
            keymap.check(),
            Err(KeymapError::Conflict {
                first: "down",
                second: "next_match",
                ..
            })
        ));
        assert_eq!(
            keymap.remap("fly", &[]),
            Err(KeymapError::UnknownAction("fly".into()))
        );
        assert_eq!(
            keymap.remap("up", &["ctrl-nope".into()]),
            Err(KeymapError::UnknownKey("ctrl-nope".into()))
        );
    }

    #[test]
    fn presses_map_to_actions_releases_do_not() {
        let keymap = Keymap::default();
        let main = |event| keymap.action_for(event, Context::Main);
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
        let keymap = Keymap::default();
        let prompt =
            |code, modifiers| keymap.action_for(KeyEvent::new(code, modifiers), Context::Prompt);
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
        let keymap = Keymap::default();
        let confirm =
            |code| keymap.action_for(KeyEvent::new(code, KeyModifiers::NONE), Context::Confirm);
        assert_eq!(confirm(KeyCode::Char('y')), Some(Action::Confirm));
        assert_eq!(confirm(KeyCode::Char('n')), Some(Action::Back));
        assert_eq!(confirm(KeyCode::Esc), Some(Action::Back));
    }
}
