//! The one key table: which key does what, and the words the help screen and
//! the status line show for it. Dispatch, the status hints, the help screen,
//! the configuration file and the README all read this table, so they cannot
//! drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

mod names;

use names::{
    BACKSPACE, BACKTAB, CTRL_C, DOWN, END, ENTER, ESC, F1, HOME, LEFT, PAGE_DOWN, PAGE_UP, RIGHT,
    TAB, UP, ch, ctrl,
};
pub use names::{Key, key_name, parse_key};

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
#[derive(Debug, Clone)]
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

const fn bind(
    context: Context,
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        name,
        keys,
        action,
        help,
        hint,
    }
}

use Context::{Confirm, Main, Prompt};

/// Every binding, one a line: context, name, default keys, action, help
/// text, status hint. Arrow keys, Enter, Esc and Tab reach everything;
/// vim-style letters work as well.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Main, "up", &[UP, ch('k')], Action::Up, "move up: the selection, or the article", None),
    bind(Main, "down", &[DOWN, ch('j')], Action::Down, "move down", Some("move")),
    bind(Main, "page_up", &[PAGE_UP, ctrl('b')], Action::PageUp, "a page up", None),
    bind(Main, "page_down", &[PAGE_DOWN, ch(' '), ctrl('f')], Action::PageDown, "a page down; at the end of an article, the next unread one", None),
    bind(Main, "half_page_up", &[ctrl('u')], Action::HalfPageUp, "half a page up", None),
    bind(Main, "half_page_down", &[ctrl('d')], Action::HalfPageDown, "half a page down", None),
    bind(Main, "top", &[HOME, ch('g')], Action::Top, "to the top", None),
    bind(Main, "bottom", &[END, ch('G')], Action::Bottom, "to the bottom", None),
    bind(Main, "open", &[ENTER], Action::Open, "open the selected headline or sidebar item", Some("open")),
    bind(Main, "back", &[ESC], Action::Back, "back: close a popup, leave the article", None),
    bind(Main, "next_article", &[ch('J'), ctrl('n')], Action::NextArticle, "open the next article in the list", None),
    bind(Main, "previous_article", &[ch('K'), ctrl('p')], Action::PreviousArticle, "open the previous article in the list", None),
    bind(Main, "history_back", &[BACKSPACE], Action::HistoryBack, "back to the article you followed a sidebar item from", None),
    bind(Main, "next_pane", &[TAB, RIGHT, ch('l')], Action::FocusNext, "focus the next pane", Some("pane")),
    bind(Main, "previous_pane", &[BACKTAB, LEFT, ch('h')], Action::FocusPrevious, "focus the previous pane", None),
    bind(Main, "next_section", &[ch(']')], Action::NextSection, "next section", Some("section")),
    bind(Main, "previous_section", &[ch('[')], Action::PreviousSection, "previous section", None),
    bind(Main, "pick_section", &[ch('s')], Action::PickSection, "choose a section", None),
    bind(Main, "sidebar", &[ch('p')], Action::ToggleSidebar, "show or hide Popular and Access Ranking", None),
    bind(Main, "wider_list", &[ch('>')], Action::WidenList, "widen the headline list", None),
    bind(Main, "narrower_list", &[ch('<')], Action::NarrowList, "narrow the headline list", None),
    bind(Main, "search", &[ch('/')], Action::Search, "search: words, \"a phrase\", -exclude, prefix*", Some("search")),
    bind(Main, "next_match", &[ch('n')], Action::NextMatch, "next search match in the article", None),
    bind(Main, "previous_match", &[ch('N')], Action::PreviousMatch, "previous search match in the article", None),
    bind(Main, "toggle_read", &[ch('m')], Action::ToggleRead, "mark the selected article read or unread", None),
    bind(Main, "mark_all_read", &[ch('M')], Action::MarkAllRead, "mark everything in this view read", None),
    bind(Main, "unread_only", &[ch('u')], Action::ToggleUnreadOnly, "show only unread articles, or all", None),
    bind(Main, "next_unread", &[ch('.')], Action::NextUnread, "open the next unread article, in the next section when this one has none", None),
    bind(Main, "toggle_saved", &[ch('b')], Action::ToggleSaved, "save the selected article, or unsave it", None),
    bind(Main, "reload", &[ch('r')], Action::Reload, "reload: show what an import beside the reader added", None),
    bind(Main, "refresh", &[ch('R')], Action::Refresh, "refresh: fetch the followed feeds and their new pages", None),
    bind(Main, "open_in_browser", &[ch('o')], Action::OpenInBrowser, "open the article's page in the web browser", None),
    bind(Main, "help", &[ch('?'), F1], Action::Help, "show or hide this list of keys", Some("help")),
    bind(Main, "suspend", &[ctrl('z')], Action::Suspend, "suspend kiji to the shell (fg brings it back)", None),
    bind(Main, "quit", &[ch('q'), ctrl('c')], Action::Quit, "quit (Ctrl-C always quits, whatever the keys are set to)", Some("quit")),
    bind(Prompt, "prompt_accept", &[ENTER], Action::Open, "keep the results and go to the list", Some("keep")),
    bind(Prompt, "prompt_cancel", &[ESC], Action::Back, "clear the search, back to the list as it was", Some("clear")),
    bind(Prompt, "prompt_delete", &[BACKSPACE], Action::DeleteBack, "delete a character", None),
    bind(Prompt, "prompt_clear", &[ctrl('u')], Action::ClearInput, "clear the query", None),
    bind(Prompt, "prompt_up", &[UP], Action::Up, "move up the results; on an empty prompt, an earlier search", None),
    bind(Prompt, "prompt_down", &[DOWN], Action::Down, "move down the results, or to a later search", None),
    bind(Prompt, "prompt_quit", &[ctrl('c')], Action::Quit, "quit", None),
    bind(Confirm, "confirm_yes", &[ch('y'), ENTER], Action::Confirm, "yes", Some("yes")),
];

/// One line of the help screen.
#[derive(Debug, Clone, Copy)]
pub enum HelpLine {
    /// A context's heading.
    Heading(&'static str),
    Blank,
    Binding(&'static Binding),
}

/// The help screen's lines: every binding under the heading of its context,
/// a blank line between contexts. The view draws them and the help popup
/// scrolls over them, so both count the same lines.
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(context.title()));
        lines.extend(
            BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .map(HelpLine::Binding),
        );
    }
    lines
}

/// The bindings in force: each binding of the table with its keys, the
/// table's own or those a configuration file gave it instead.
#[derive(Debug, Clone)]
pub struct Keymap {
    bound: Vec<(&'static Binding, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bound: BINDINGS.iter().map(|b| (b, b.keys.to_vec())).collect(),
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
    #[error("ctrl-c always quits; it cannot be given to {0}")]
    CtrlC(&'static str),
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
        let (binding, bound) = self
            .bound
            .iter_mut()
            .find(|(binding, _)| binding.name == name)
            .ok_or_else(|| KeymapError::UnknownAction(name.to_owned()))?;
        let keys = keys
            .iter()
            .map(|key| parse_key(key).ok_or_else(|| KeymapError::UnknownKey(key.clone())))
            .collect::<Result<Vec<Key>, _>>()?;
        if binding.action != Action::Quit && keys.contains(&CTRL_C) {
            return Err(KeymapError::CtrlC(binding.name));
        }
        *bound = keys;
        Ok(())
    }

    /// Checks that no key does two things in one context.
    pub fn check(&self) -> Result<(), KeymapError> {
        for (index, (binding, keys)) in self.bound.iter().enumerate() {
            for key in keys {
                let clash = self.bound[index + 1..]
                    .iter()
                    .find(|(other, keys)| other.context == binding.context && keys.contains(key));
                if let Some((other, _)) = clash {
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

    /// Every binding with the keys in force for it, in the table's order.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> + Clone + '_ {
        self.bound
            .iter()
            .map(|(binding, keys)| (*binding, keys.as_slice()))
    }

    /// The keys in force for a binding of the table.
    pub fn keys_of(&self, binding: &Binding) -> &[Key] {
        self.bound
            .iter()
            .find(|(bound, _)| std::ptr::eq(*bound, binding))
            .map_or(binding.keys, |(_, keys)| keys)
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
        // whatever the configuration says, there is always a way out, and
        // back to the shell
        if pressed == CTRL_C {
            return Some(Action::Quit);
        }
        if pressed == ctrl('z') && context != Context::Main {
            return Some(Action::Suspend);
        }
        let bound = self
            .bound
            .iter()
            .find(|(binding, keys)| binding.context == context && keys.contains(&pressed))
            .map(|(binding, _)| binding.action.clone());
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

#[cfg(test)]
mod tests;
