//! The configuration file: `~/.config/kiji/config.toml` (the platform
//! config folder), or `--config PATH` / `KIJI_CONFIG`. Every setting is
//! optional; a mistake is an error naming the file, the line and the key,
//! never a silent fallback.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::keys::{BINDINGS, Keymap, KeymapError, key_name};

mod web;

/// Which set of styles the view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For dark terminal backgrounds.
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// No colour at all; what `NO_COLOR` asks for.
    NoColor,
}

/// How datelines and list dates are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeZone {
    /// Japan Standard Time, as the page printed it.
    #[default]
    Jst,
    /// The machine's own time zone.
    Local,
}

/// The settings in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub store: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    /// The section tab the reader opens on.
    pub default_section: Option<String>,
    /// Whether the sidebar is shown at start (on terminals wide enough).
    pub sidebar: Option<bool>,
    pub time_zone: TimeZone,
    /// The headline list's share of the width, in per cent.
    pub list_width: Option<u16>,
    pub keymap: Keymap,
    /// The limits of every fetch.
    pub fetch: crate::fetch::Settings,
    /// Minutes between refreshes while the reader runs; none is never.
    pub refresh_minutes: Option<u32>,
}

/// A mistake in the configuration file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", .path.display(), .line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    store: Option<String>,
    theme: Option<Spanned<String>>,
    default_section: Option<String>,
    sidebar: Option<bool>,
    time_zone: Option<Spanned<String>>,
    list_width: Option<Spanned<u16>>,
    refresh_minutes: Option<Spanned<u32>>,
    #[serde(default)]
    fetch: web::FetchTable,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<Vec<String>>>,
}

/// Where the configuration file is when no path is given.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::default_config()
}

/// Reads the configuration at `path`. A missing file is the defaults when
/// `required` is false (the default location), and an error when it is true
/// (a path the user gave).
pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Config::default());
        }
        Err(error) => {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: None,
                message: error.to_string(),
            });
        }
    };
    parse(path, &text)
}

/// Parses configuration text that came from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let error = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
        path: path.to_path_buf(),
        line: span.map(|span| 1 + text[..span.start.min(text.len())].matches('\n').count()),
        message,
    };
    let file: File =
        toml::from_str(text).map_err(|e| error(e.span(), e.message().trim().to_owned()))?;
    let mut config = Config {
        store: file.store.map(PathBuf::from),
        default_section: file.default_section,
        sidebar: file.sidebar,
        ..Config::default()
    };
    if let Some(theme) = file.theme {
        let themes = [
            ("dark", ThemeName::Dark),
            ("light", ThemeName::Light),
            ("none", ThemeName::NoColor),
        ];
        config.theme =
            Some(choose("theme", &theme, &themes).map_err(|m| error(Some(theme.span()), m))?);
    }
    if let Some(zone) = file.time_zone {
        let zones = [("jst", TimeZone::Jst), ("local", TimeZone::Local)];
        config.time_zone =
            choose("time_zone", &zone, &zones).map_err(|m| error(Some(zone.span()), m))?;
    }
    if let Some(share) = file.list_width {
        let range = crate::layout::LIST_SHARES;
        if !range.contains(share.get_ref()) {
            return Err(error(
                Some(share.span()),
                format!(
                    "list_width: {} is not from {} to {} (per cent of the width)",
                    share.get_ref(),
                    range.start(),
                    range.end()
                ),
            ));
        }
        config.list_width = Some(*share.get_ref());
    }
    config.fetch = file
        .fetch
        .settings()
        .map_err(|(span, message)| error(Some(span), message))?;
    if let Some(minutes) = &file.refresh_minutes {
        if *minutes.get_ref() > 7 * 24 * 60 {
            return Err(error(
                Some(minutes.span()),
                format!("refresh_minutes: {} is more than a week", minutes.get_ref()),
            ));
        }
        config.refresh_minutes = Some(*minutes.get_ref()).filter(|m| *m > 0);
    }
    for (action, keys) in &file.keys {
        config
            .keymap
            .remap(action, keys.get_ref())
            .map_err(|e| error(Some(keys.span()), format!("keys.{action}: {e}")))?;
    }
    config.keymap.check().map_err(|e| {
        // the line that gave a key away twice: either binding's, if given here
        let line = match &e {
            KeymapError::Conflict { first, second, .. } => file
                .keys
                .get(*second)
                .or_else(|| file.keys.get(*first))
                .map(Spanned::span),
            _ => None,
        };
        error(line, format!("keys: {e}"))
    })?;
    Ok(config)
}

/// The value a setting's word names among `choices`, or why it names none.
fn choose<T: Copy>(
    setting: &str,
    word: &Spanned<String>,
    choices: &[(&str, T)],
) -> Result<T, String> {
    let word = word.get_ref();
    choices
        .iter()
        .find(|(name, _)| name == word)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
            format!("{setting}: \"{word}\" is not one of {}", names.join(", "))
        })
}

/// A configuration file with every setting at its default, commented, for
/// `kiji config --default`.
pub fn default_file() -> String {
    let mut out = String::from(
        "# kiji configuration. Every setting is optional; these are the defaults.\n\
         \n\
         # The store, when neither --store nor KIJI_STORE names one.\n\
         # store = \"~/.local/share/kiji/kiji.db\"\n\
         \n\
         # Colours: dark, light or none. NO_COLOR set in the environment means none.\n\
         theme = \"dark\"\n\
         \n\
         # The section tab the reader opens on.\n\
         # default_section = \"Politics\"\n\
         \n\
         # Show the Popular and Access Ranking sidebar at start.\n\
         sidebar = true\n\
         \n\
         # Times as the page printed them (jst), or in this machine's time zone (local).\n\
         time_zone = \"jst\"\n\
         \n\
         # The headline list's share of the width beside the sidebar, in per cent\n\
         # (20 to 75); on a wide screen it also takes what the article cannot use.\n\
         list_width = 45\n",
    );
    out.push_str(web::DEFAULT);
    out.push_str(
        "\n\
         # Keys: each action and the keys that do it. Giving an action keys\n\
         # replaces its keys; a key may do one thing in each context.\n\
         [keys]\n",
    );
    let mut context = None;
    for binding in BINDINGS {
        if context != Some(binding.context) {
            context = Some(binding.context);
            let _ = writeln!(out, "\n# {}", binding.context.title());
        }
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|key| format!("{:?}", key_name(*key).replace('^', "ctrl-")))
            .collect();
        let _ = writeln!(
            out,
            "{} = [{}]  # {}",
            binding.name,
            keys.join(", "),
            binding.help
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::keys::Context;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn parsed(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("config.toml"), text)
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let config = parsed("").expect("parses");
        assert_eq!(config.theme, None);
        assert_eq!(config.time_zone, TimeZone::Jst);
        assert_eq!(config.store, None);
    }

    #[test]
    fn every_setting() {
        let config = parsed(
            "store = \"/tmp/k.db\"\ntheme = \"light\"\ndefault_section = \"Sports\"\nsidebar = false\ntime_zone = \"local\"\n[keys]\ndown = [\"n\", \"Down\"]\nnext_match = [\"ctrl-x\"]\n",
        )
        .expect("parses");
        assert_eq!(config.store.as_deref(), Some(Path::new("/tmp/k.db")));
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.default_section.as_deref(), Some("Sports"));
        assert_eq!(config.sidebar, Some(false));
        assert_eq!(config.time_zone, TimeZone::Local);
        let press = |code, modifiers| {
            config
                .keymap
                .action_for(KeyEvent::new(code, modifiers), Context::Main)
        };
        assert_eq!(
            press(KeyCode::Char('n'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(
            press(KeyCode::Char('x'), KeyModifiers::CONTROL),
            Some(Action::NextMatch)
        );
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::NONE), None);
    }

    #[test]
    fn an_unknown_setting_names_the_file_line_and_key() {
        let error = parsed("theme = \"dark\"\n\ncolour = \"red\"\n").expect_err("refused");
        assert_eq!(error.line, Some(3));
        assert!(error.to_string().starts_with("config.toml:3: "), "{error}");
        assert!(error.message.contains("colour"), "{error}");
    }

    #[test]
    fn bad_values_name_the_line() {
        let error = parsed("sidebar = true\ntheme = \"purple\"\n").expect_err("refused");
        assert_eq!(
            error.to_string(),
            "config.toml:2: theme: \"purple\" is not one of dark, light, none"
        );
        let error = parsed("time_zone = \"mars\"\n").expect_err("refused");
        assert_eq!(error.line, Some(1));
        let error = parsed("sidebar = \"yes\"\n").expect_err("refused");
        assert_eq!(error.line, Some(1));
    }

    #[test]
    fn bad_key_bindings_name_the_line_and_action() {
        let error = parsed("[keys]\nquit = [\"q\"]\nfly = [\"f\"]\n").expect_err("refused");
        assert_eq!(error.line, Some(3));
        assert!(
            error.message.contains("keys.fly: unknown action"),
            "{error}"
        );
        let error = parsed("[keys]\nquit = [\"hyper-q\"]\n").expect_err("refused");
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("unknown key \"hyper-q\""), "{error}");
        let error = parsed("theme = \"dark\"\n[keys]\nquit = [\"j\"]\n").expect_err("refused");
        assert!(
            error.message.contains("j is given to both down and quit"),
            "{error}"
        );
        assert_eq!(error.line, Some(3), "{error}");
    }

    #[test]
    fn fetch_settings_are_read_and_checked() {
        let config = parsed(
            "refresh_minutes = 30\n[fetch]\ntimeout_seconds = 5\npause_ms = 0\nper_site = 4\n",
        )
        .expect("parses");
        assert_eq!(config.refresh_minutes, Some(30));
        assert_eq!(config.fetch.timeout, std::time::Duration::from_secs(5));
        assert_eq!(config.fetch.pause, std::time::Duration::ZERO);
        assert_eq!(config.fetch.per_host, 4);
        let error = parsed("[fetch]\n\ntimeout_seconds = 0\n").expect_err("refused");
        assert_eq!(
            error.to_string(),
            "config.toml:3: fetch.timeout_seconds: 0 is not from 1 to 600"
        );
        let error = parsed("[fetch]\nproxy = \"x\"\n").expect_err("refused");
        assert_eq!(error.line, Some(2));
        assert_eq!(
            parsed("refresh_minutes = 0\n")
                .expect("parses")
                .refresh_minutes,
            None
        );
    }

    #[test]
    fn the_default_file_parses_back_to_the_defaults() {
        let config = parsed(&default_file()).expect("the default file parses");
        assert_eq!(config.fetch, crate::fetch::Settings::default());
        assert_eq!(config.theme, Some(ThemeName::Dark));
        assert_eq!(config.sidebar, Some(true));
        for binding in BINDINGS {
            assert_eq!(
                config.keymap.keys_of(binding),
                binding.keys,
                "{}",
                binding.name
            );
        }
    }

    #[test]
    fn a_missing_default_file_is_the_defaults_but_a_missing_given_file_is_an_error() {
        let missing = Path::new("/nonexistent/kiji/config.toml");
        assert!(load(missing, false).is_ok());
        let error = load(missing, true).expect_err("refused");
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/kiji/config.toml: "),
            "{error}"
        );
    }
}
