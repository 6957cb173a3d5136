//! Everything that wakes the reader, as one stream: the terminal's keys,
//! mouse and resizes, the signals that end it, the imports of a watched
//! folder and the work on the web, each fed by a thread of its own that
//! waits until something happens — so an idle reader uses next to no CPU.
//! The terminal's thread waits in short polls, so that it can stand aside
//! while another program (a browser) has the terminal.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::App;

/// What wakes the reader.
pub enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: leave, restoring the terminal.
    Signal,
    /// SIGTSTP from outside (`kill -TSTP`): stop as Ctrl-Z does.
    Suspend,
    /// SIGCONT: continued after a stop kiji did not make (`kill -STOP`);
    /// the screen is drawn again in full.
    Continued,
    /// The watched folder's new dumps went into the store; this many
    /// files failed.
    Imported(usize),
    /// Nothing is waiting: time for work left for a quiet moment.
    Idle,
    /// Work on the web reporting back.
    Web(crate::action::WebEvent),
    /// Time for the refresh the configuration asks for every few minutes.
    RefreshDue,
    Failed(std::io::Error),
}

/// The inputs, and the threads that feed them.
pub struct Inputs {
    receiver: Receiver<Input>,
    /// Set before a key is queued, cleared once the loop has taken the
    /// queue: a search still running for an earlier key stops for it.
    key_waiting: Arc<AtomicBool>,
    /// Holds the terminal's thread back while another program reads it.
    pause: Arc<Pause>,
    /// Where the threads beside the reader send what they report.
    sender: Sender<Input>,
    /// Kept alive while the reader runs: dropping it stops the watch.
    _watch: Option<crate::watch::Watch>,
}

impl Inputs {
    /// Starts the threads: the terminal, the signals, and the watch of a
    /// folder (with the store it imports to) when there is one.
    pub fn start(watch: Option<(PathBuf, PathBuf)>) -> Result<Self> {
        let (sender, receiver) = mpsc::channel();
        let key_waiting = Arc::new(AtomicBool::new(false));
        let pause = Arc::new(Pause::default());
        read_terminal(sender.clone(), Arc::clone(&key_waiting), Arc::clone(&pause));
        let watch = match watch {
            Some((dir, store)) => Some(watch_folder(&dir, &store, sender.clone())?),
            None => None,
        };
        catch_signals(sender.clone())?;
        Ok(Self {
            receiver,
            key_waiting,
            pause,
            sender,
            _watch: watch,
        })
    }

    /// Where work beside the reader reports back.
    pub fn sender(&self) -> Sender<Input> {
        self.sender.clone()
    }

    /// Runs `f` with the terminal's thread standing aside, so that every
    /// key goes to the program `f` runs.
    pub fn paused<T>(&self, f: impl FnOnce() -> T) -> T {
        self.pause.hold();
        let result = f();
        self.pause.release();
        result
    }

    /// Lets a key that comes cut short the app's reads of the store made
    /// for earlier keys.
    pub fn cancel_stale_reads(&self, app: &mut App) -> Result<()> {
        app.cancel_reads_when(Arc::clone(&self.key_waiting))?;
        Ok(())
    }

    /// Waits for input and takes everything already queued with it, so a
    /// burst of keys costs one frame and one search. With `idle_work`, does
    /// not wait: when nothing is queued, the burst is [`Input::Idle`].
    /// `None` once every input has gone.
    pub fn next_burst(&mut self, idle_work: bool) -> Option<Vec<Input>> {
        let first = if idle_work && !self.key_waiting.load(Ordering::Relaxed) {
            match self.receiver.try_recv() {
                Ok(input) => input,
                Err(TryRecvError::Empty) => Input::Idle,
                Err(TryRecvError::Disconnected) => return None,
            }
        } else {
            self.receiver.recv().ok()?
        };
        let burst = std::iter::once(first)
            .chain(self.receiver.try_iter())
            .collect();
        self.key_waiting.store(false, Ordering::Relaxed);
        Some(burst)
    }
}

/// How long the terminal's thread waits for input before looking whether
/// it is asked to stand aside.
const POLL: Duration = Duration::from_millis(200);

/// Holds the terminal's thread: asked for, then taken up by the thread
/// between two polls.
#[derive(Default)]
struct Pause {
    /// (asked for, taken up)
    state: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl Pause {
    /// Asks the thread to stand aside and waits until it has.
    fn hold(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 = true;
        let (state, _) = self
            .changed
            .wait_timeout_while(state, POLL * 2, |(_, taken)| !*taken)
            .unwrap_or_else(PoisonError::into_inner);
        drop(state);
    }

    fn asked(&self) -> bool {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0
    }

    fn release(&self) {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner) = (false, false);
        self.changed.notify_all();
    }

    /// On the thread: while held, says so and waits to be released.
    fn stand_aside_while_held(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.0 {
            state.1 = true;
            self.changed.notify_all();
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Reads of the terminal on a thread of their own.
fn read_terminal(sender: Sender<Input>, key_waiting: Arc<AtomicBool>, pause: Arc<Pause>) {
    thread::spawn(move || {
        loop {
            pause.stand_aside_while_held();
            let input = match event::poll(POLL) {
                // asked to stand aside meanwhile: the input is the other
                // program's
                Ok(false) => continue,
                Ok(true) if pause.asked() => continue,
                Ok(true) => event::read().map_or_else(Input::Failed, Input::Terminal),
                Err(error) => Input::Failed(error),
            };
            let failed = matches!(input, Input::Failed(_));
            // a key may change the search; the mouse moving may not
            if matches!(input, Input::Terminal(Event::Key(_))) {
                key_waiting.store(true, Ordering::Relaxed);
            }
            if sender.send(input).is_err() || failed {
                break;
            }
        }
    });
}

/// The signals that end the reader, stop it and continue it, as inputs:
/// it leaves the way it leaves on `q`, restoring the terminal, and stops
/// the way it does on Ctrl-Z.
fn catch_signals(sender: Sender<Input>) -> Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])
        .context("handling signals")?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let input = match signal {
                SIGTSTP => Input::Suspend,
                SIGCONT => Input::Continued,
                _ => Input::Signal,
            };
            let leaving = matches!(input, Input::Signal);
            if sender.send(input).is_err() || leaving {
                break;
            }
        }
    });
    Ok(())
}

/// Imports the dumps dropped into `dir` into the store at `store`, telling
/// the reader after each round.
fn watch_folder(
    dir: &std::path::Path,
    store: &std::path::Path,
    sender: Sender<Input>,
) -> Result<crate::watch::Watch> {
    Ok(crate::watch::spawn(dir, store, move |report| {
        let _ = sender.send(Input::Imported(report.failures.len()));
    })?)
}
