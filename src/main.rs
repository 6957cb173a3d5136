//! kiji's entry point: parse the command line, open the store, then run a
//! command or the reader. The terminal and the event loop are wired here.

use std::io::{IsTerminal, stdout};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

use anyhow::{Context, Result};
use chrono::Utc;
use clap::Parser;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use crossterm::execute;
use kiji::action::Action;
use kiji::app::{App, ThemeName};
use kiji::cli::{self, Cli, Command};
use kiji::config::{Config, TimeZone};
use kiji::keys::{Context as KeyContext, Keymap};
use kiji::store::{Filter, Store};
use kiji::ui;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

fn main() -> ExitCode {
    let cli = Cli::parse();
    start_logging(&cli);
    // Past a file-size limit the kernel sends SIGXFSZ, which would kill kiji
    // mid-write; with a handler the write fails instead and is reported.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // output piped into a program that stopped reading (`kiji list | head`)
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kiji: {}", kiji::sanitize::clean(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Where diagnostics go: for the reader, a log file in the platform state
/// folder (never the screen it draws on); for commands, standard error,
/// and only with --verbose.
fn start_logging(cli: &Cli) {
    let reader = cli.command.is_none() && stdout().is_terminal();
    if reader {
        let Some(path) = kiji::log_path() else { return };
        let file = path
            .parent()
            .map(std::fs::create_dir_all)
            .and_then(Result::ok)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .ok()
            });
        if let Some(file) = file {
            let level = if cli.verbose {
                tracing::Level::DEBUG
            } else {
                tracing::Level::INFO
            };
            tracing_subscriber::fmt()
                .with_writer(std::sync::Mutex::new(file))
                .with_ansi(false)
                .with_max_level(level)
                .init();
        }
    } else if cli.verbose {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .with_max_level(tracing::Level::DEBUG)
            .init();
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs what the command line asks; `Ok(false)` when some input failed.
fn run(cli: &Cli) -> Result<bool> {
    if cli.command.is_some() && !cli.paths.is_empty() {
        anyhow::bail!("paths go after the command, as in `kiji import PATH...`");
    }
    let config = cli.load_config()?;
    let open_store = || cli::open_store(cli, &config);
    match &cli.command {
        Some(Command::Parse { paths }) => cli::parse(paths),
        Some(Command::Config { default: true }) => {
            print!("{}", kiji::config::default_file());
            Ok(true)
        }
        Some(Command::Config { default: false }) => {
            cli::config_location(cli);
            Ok(true)
        }
        Some(Command::Completions { shell }) => {
            cli::completions(*shell);
            Ok(true)
        }
        Some(Command::Man) => cli::man().map(|()| true),
        Some(Command::Export { section, format }) => {
            cli::export(&open_store()?, section.clone(), *format).map(|()| true)
        }
        Some(Command::Import { paths }) => cli::import(&mut open_store()?, paths),
        Some(Command::List {
            section,
            unread,
            saved,
            json,
        }) => {
            let filter = Filter {
                section: section.clone(),
                unread_only: *unread,
                saved_only: *saved,
                query: None,
            };
            cli::list(&open_store()?, &filter, *json).map(|()| true)
        }
        Some(Command::Search {
            query,
            section,
            json,
        }) => cli::search(&open_store()?, query, section.clone(), *json).map(|()| true),
        Some(Command::Sections { json }) => cli::sections(&open_store()?, *json).map(|()| true),
        None => {
            let (store, notice) = reader_store(cli, &config)?;
            if !stdout().is_terminal() {
                // piped: print the list rather than drawing a screen
                return cli::list(&store, &Filter::default(), false).map(|()| true);
            }
            let watch = match &cli.watch {
                Some(dir) => Some((dir.clone(), cli::store_path(cli, &config)?)),
                None => None,
            };
            let reader = Reader {
                store,
                notice,
                theme: cli.theme(&config),
                watch,
            };
            read(reader, &config).map(|()| true)
        }
    }
}

/// The store the reader opens, and a line to greet the reader with.
fn reader_store(cli: &Cli, config: &Config) -> Result<(Store, Option<String>)> {
    if !cli.paths.is_empty() {
        let (store, problems) = cli::scratch_store(&cli.paths)?;
        for problem in &problems {
            eprintln!("{problem}");
        }
        if store.count(&Filter::default())? == 0 {
            anyhow::bail!("no articles in the paths given");
        }
        let notice = (!problems.is_empty()).then(|| {
            format!(
                "{} files could not be read; kiji parse PATH says why",
                problems.len()
            )
        });
        return Ok((store, notice));
    }
    let store = cli::open_store(cli, config)?;
    if store.count(&Filter::default())? > 0 || cli.watch.is_some() {
        return Ok((store, None));
    }
    let notice = "Showing the built-in sample articles · import your own with: kiji import DIR";
    Ok((cli::sample_store()?, Some(notice.into())))
}

/// What wakes the event loop.
enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGINT: leave, restoring the terminal.
    Signal,
    /// The watched folder's new dumps went into the store; this many
    /// files failed.
    Imported(usize),
    Failed(std::io::Error),
}

/// What the reader is started with.
struct Reader {
    store: Store,
    /// A line to greet the reader with.
    notice: Option<String>,
    theme: ThemeName,
    /// A folder to import from as dumps arrive, and the store to import to.
    watch: Option<(PathBuf, PathBuf)>,
}

/// Runs the reader until it quits, restoring the terminal however it ends.
fn read(reader: Reader, config: &Config) -> Result<()> {
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        ratatui_hook(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .context("enabling the mouse")
        .and_then(|()| event_loop(&mut terminal, reader, config));
    restore();
    result
}

fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, crossterm::cursor::Show);
    ratatui::restore();
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    reader: Reader,
    config: &Config,
) -> Result<()> {
    let Reader {
        mut store,
        notice,
        theme,
        watch,
    } = reader;
    let (sender, inputs) = mpsc::channel();
    let terminal_events = sender.clone();
    // Set before a key is queued, cleared once the loop has taken the
    // queue: a search still running for an earlier key stops for it.
    let input_waiting = Arc::new(AtomicBool::new(false));
    store.cancel_reads_when(Arc::clone(&input_waiting))?;
    let waiting = Arc::clone(&input_waiting);
    // Blocking reads on their own threads: the loop sleeps until something
    // happens, so an idle reader uses no CPU.
    thread::spawn(move || {
        loop {
            let input = event::read().map_or_else(Input::Failed, Input::Terminal);
            let failed = matches!(input, Input::Failed(_));
            // a key may change the search; the mouse moving may not
            if matches!(input, Input::Terminal(Event::Key(_))) {
                waiting.store(true, Ordering::Relaxed);
            }
            if terminal_events.send(input).is_err() || failed {
                break;
            }
        }
    });
    // kept alive for the loop's lifetime: dropping it stops the watch
    let _watch = match watch {
        Some((dir, store)) => {
            let imported = sender.clone();
            Some(
                kiji::watch::spawn(&dir, &store, move |report| {
                    let _ = imported.send(Input::Imported(report.failures.len()));
                })
                .with_context(|| format!("watching {}", dir.display()))?,
            )
        }
        None => None,
    };
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("handling signals")?;
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = sender.send(Input::Signal);
        }
    });

    let size = terminal.size()?;
    let mut app = App::new(store, Rect::new(0, 0, size.width, size.height), Utc::now)?
        .with_theme(theme)
        .with_keymap(config.keymap.clone())
        .with_sidebar(config.sidebar.unwrap_or(true))
        .with_local_time(config.time_zone == TimeZone::Local);
    if let Some(section) = &config.default_section {
        app = app.with_section(section)?;
    }
    app.notice = notice;
    terminal.draw(|frame| ui::render(&app, frame))?;
    // lets the tests check that a panic still restores the terminal
    assert!(
        std::env::var_os("KIJI_PANIC_AFTER_FIRST_FRAME").is_none(),
        "KIJI_PANIC_AFTER_FIRST_FRAME is set"
    );
    loop {
        // work left for a quiet moment (a search's count) is done when no
        // key is waiting; a key that comes meanwhile cuts it short
        let input = if app.has_idle_work() && !input_waiting.load(Ordering::Relaxed) {
            match inputs.try_recv() {
                Ok(input) => input,
                Err(mpsc::TryRecvError::Empty) => {
                    app.update(Action::Idle);
                    terminal.draw(|frame| ui::render(&app, frame))?;
                    continue;
                }
                Err(mpsc::TryRecvError::Disconnected) => break,
            }
        } else {
            match inputs.recv() {
                Ok(input) => input,
                Err(_) => break,
            }
        };
        // take everything already queued before drawing, so a burst of
        // keys costs one frame and one search
        let mut events = Vec::new();
        for input in std::iter::once(input).chain(inputs.try_iter()) {
            match input {
                Input::Terminal(event) => events.push(event),
                Input::Imported(failed) => app.update(Action::Imported(failed)),
                Input::Signal => return Ok(()),
                Input::Failed(error) => return Err(error).context("reading the terminal"),
            }
        }
        input_waiting.store(false, Ordering::Relaxed);
        app.update_with(events, |keymap, context, event| {
            action_for(keymap, &event, context)
        });
        if !app.running {
            return Ok(());
        }
        terminal.draw(|frame| ui::render(&app, frame))?;
    }
    Ok(())
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
