//! The reader's runtime: the terminal set up and always restored, the
//! inputs (keys, signals, a watched folder) fed to the app's `update` in
//! bursts, and a frame drawn after each. The app and the view know nothing
//! of this; this module knows nothing of what they hold.

mod browser;
mod input;
mod terminal;
mod web;

use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::Utc;
use crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use crate::action::{Action, WebEvent};
use crate::app::{App, Effect};
use crate::config::ThemeName;
use crate::keys::{Context as KeyContext, Keymap};
use crate::store::Store;
use crate::ui;
use input::{Input, Inputs};
use terminal::Screen;
use web::Web;

/// What the reader opens on, and how it looks.
pub struct Options {
    pub store: Store,
    /// A line to greet the reader with.
    pub notice: Option<String>,
    pub theme: ThemeName,
    pub keymap: Keymap,
    /// Whether the docked sidebar shows at start.
    pub sidebar: bool,
    /// Times in this machine's zone rather than JST.
    pub local_time: bool,
    /// The section tab to open on.
    pub section: Option<String>,
    /// The list's share of the width, in per cent, when configured.
    pub list_share: Option<u16>,
    /// Whether read and saved marks outlive the reader.
    pub marks_kept: bool,
    /// A folder to import from as dumps arrive, and the store to import to.
    pub watch: Option<(PathBuf, PathBuf)>,
    /// The store feeds are refreshed into, when the reader is on one.
    pub feeds_store: Option<PathBuf>,
    /// The limits of every fetch.
    pub fetch: crate::fetch::Settings,
    /// Minutes between refreshes while the reader runs.
    pub refresh_minutes: Option<u32>,
}

/// Code the caller runs at points of the reader's life: tests use it to
/// stop the real reader where they need to.
#[derive(Default)]
pub struct Hooks {
    /// Runs once the first frame is on the screen.
    pub after_first_frame: Option<Box<dyn FnOnce()>>,
}

/// Runs the reader until it quits, restoring the terminal however it ends:
/// on quit, on an error, on a panic, or on SIGTERM, SIGHUP or SIGINT.
pub fn run(options: Options, mut hooks: Hooks) -> Result<()> {
    let mut screen = Screen::start()?;
    let mut inputs = Inputs::start(options.watch.clone())?;
    let web = Web::new(
        crate::fetch::Fetcher::new(options.fetch.clone()),
        options.feeds_store.clone(),
        inputs.sender(),
    );
    if let (Some(minutes), Some(_)) = (options.refresh_minutes, &options.feeds_store) {
        web.every(minutes);
    }
    let mut app = open(options, screen.size()?)?;
    inputs.cancel_stale_reads(&mut app)?;
    screen.draw(&app)?;
    if let Some(hook) = hooks.after_first_frame.take() {
        hook();
    }
    let result = event_loop(&mut screen, &mut inputs, &web, &mut app);
    screen.stop();
    result
}

/// The app, set up as the options say.
fn open(options: Options, size: Rect) -> Result<App> {
    options.store.hold_pages()?;
    let mut app = App::new(options.store, size, Utc::now)?
        .with_theme(options.theme)
        .with_keymap(options.keymap)
        .with_sidebar(options.sidebar)
        .with_local_time(options.local_time)
        .with_marks_kept(options.marks_kept)
        .with_refresh(options.feeds_store.is_some())
        .with_notice(options.notice);
    if let Some(share) = options.list_share {
        app = app.with_list_share(share);
    }
    if let Some(section) = &options.section {
        app = app.with_section(section)?;
    }
    Ok(app)
}

fn event_loop(screen: &mut Screen, inputs: &mut Inputs, web: &Web, app: &mut App) -> Result<()> {
    loop {
        // work left for a quiet moment (a search's count) is done when no
        // input is waiting; input that comes meanwhile cuts it short
        let Some(burst) = inputs.next_burst(app.has_idle_work()) else {
            return Ok(());
        };
        let mut events = Vec::new();
        for input in burst {
            match input {
                Input::Terminal(event) => events.push(event),
                Input::Imported(failed) => app.update(Action::Imported(failed)),
                Input::Idle => app.update(Action::Idle),
                Input::Web(event) => app.update(Action::Web(event)),
                // a timed refresh waits for one under way to end
                Input::RefreshDue if app.web.refreshing.is_none() => app.update(Action::Refresh),
                Input::RefreshDue => {}
                Input::Signal => return Ok(()),
                Input::Suspend => app.update(Action::Suspend),
                Input::Continued => screen.redraw_all()?,
                Input::Failed(error) => return Err(error).context("reading the terminal"),
            }
        }
        if !events.is_empty() {
            app.update_with(events, |keymap, context, event| {
                action_for(keymap, &event, context)
            });
        }
        if !app.running {
            return Ok(());
        }
        for effect in app.take_effects() {
            run_effect(effect, screen, inputs, web);
        }
        screen.draw(app)?;
    }
}

/// Does what the app asked for outside it.
fn run_effect(effect: Effect, screen: &mut Screen, inputs: &Inputs, web: &Web) {
    match effect {
        Effect::Refresh => web.refresh(),
        Effect::Fetch { id, url } => web.fetch(id, url),
        Effect::Suspend => {
            let stopped = inputs.paused(|| screen.suspended(terminal::stop_until_continued));
            if let Err(error) = stopped {
                tracing::warn!("suspending: {error:#}");
            }
        }
        Effect::OpenInBrowser(url) => {
            let problem = match inputs.paused(|| browser::open(screen, &url)) {
                Ok(line) if line.is_empty() => return,
                Ok(line) => line,
                Err(error) => format!("opening {url}: {error:#}"),
            };
            tracing::warn!("{problem}");
            web.report(WebEvent::Failed(problem));
        }
    }
}

/// The action a terminal event asks for.
fn action_for(keymap: &Keymap, event: &Event, context: KeyContext) -> Option<Action> {
    match *event {
        Event::Key(key) => keymap.action_for(key, context),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, true)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, false)),
            _ => None,
        },
        _ => None,
    }
}

impl Screen {
    /// Draws a frame of the app.
    fn draw(&mut self, app: &App) -> Result<()> {
        self.terminal()
            .draw(|frame| ui::render(app, frame))
            .context("drawing")?;
        Ok(())
    }
}
