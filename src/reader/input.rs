//! Everything that wakes the reader, as one stream: the terminal's keys,
//! mouse and resizes, the signals that end it, and the imports of a watched
//! folder, each fed by a thread of its own that blocks until something
//! happens — so an idle reader uses no CPU.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use anyhow::{Context, Result};
use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::App;

/// What wakes the reader.
pub enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGINT: leave, restoring the terminal.
    Signal,
    /// The watched folder's new dumps went into the store; this many
    /// files failed.
    Imported(usize),
    /// Nothing is waiting: time for work left for a quiet moment.
    Idle,
    Failed(std::io::Error),
}

/// The inputs, and the threads that feed them.
pub struct Inputs {
    receiver: Receiver<Input>,
    /// Set before a key is queued, cleared once the loop has taken the
    /// queue: a search still running for an earlier key stops for it.
    key_waiting: Arc<AtomicBool>,
    /// Kept alive while the reader runs: dropping it stops the watch.
    _watch: Option<crate::watch::Watch>,
}

impl Inputs {
    /// Starts the threads: the terminal, the signals, and the watch of a
    /// folder (with the store it imports to) when there is one.
    pub fn start(watch: Option<(PathBuf, PathBuf)>) -> Result<Self> {
        let (sender, receiver) = mpsc::channel();
        let key_waiting = Arc::new(AtomicBool::new(false));
        read_terminal(sender.clone(), Arc::clone(&key_waiting));
        let watch = match watch {
            Some((dir, store)) => Some(watch_folder(&dir, &store, sender.clone())?),
            None => None,
        };
        catch_signals(sender)?;
        Ok(Self {
            receiver,
            key_waiting,
            _watch: watch,
        })
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

/// Blocking reads of the terminal on a thread of their own.
fn read_terminal(sender: Sender<Input>, key_waiting: Arc<AtomicBool>) {
    thread::spawn(move || {
        loop {
            let input = event::read().map_or_else(Input::Failed, Input::Terminal);
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

/// The signals that end the reader, as an input, so that it leaves the
/// way it leaves on `q`: restoring the terminal.
fn catch_signals(sender: Sender<Input>) -> Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("handling signals")?;
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = sender.send(Input::Signal);
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
