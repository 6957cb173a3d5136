//! The reading side of an import: files read and parsed on several threads
//! at once, handed to the writer in the order they were given, with a
//! bounded number of bytes between them.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::Scope;

use crate::load::json;
use crate::load::{Found, LoadError, is_json, load_file};
use crate::store::Prepared;

/// Files a reader takes at a time, and hands over together.
const BLOCK: usize = 32;
/// Readers at once. A disk answers several reads at once sooner than one
/// after another (50,000 generated dumps not held in memory: 13.2 s read
/// one at a time, 7.2 s eight at a time), and parsing spreads over the
/// cores the writer leaves.
const READERS: usize = 4;
/// Bytes of articles each reader reads ahead of the writer: together
/// about half of what the writer takes at once, so that reading goes on
/// while it writes, with memory bounded whatever the files. Each reader
/// has its own: with one shared, readers ahead could fill it while the
/// writer waits for the one behind.
const AHEAD_BYTES: usize = 4 << 20;
/// A reader hands over what it has once it holds this many bytes, even
/// within a block (a JSON export's chunks go over at once).
const HANDFUL_BYTES: usize = 1 << 20;
/// Articles of a JSON export handed over at a time: an export of any size
/// streams through in memory that does not grow with it.
const JSON_CHUNK: usize = 256;

/// What the readers hand the writer.
pub(super) enum Piece {
    /// Articles read, with the marks an export gave them, made ready to
    /// write on a reading thread.
    Articles(Vec<Prepared>),
    /// A file read to its end (with its warnings), or why it could not be.
    Done(Result<Vec<String>, LoadError>),
}

impl Piece {
    fn weight(&self) -> usize {
        match self {
            Self::Articles(articles) => articles.iter().map(Prepared::weight).sum(),
            Self::Done(Ok(warnings)) => warnings.iter().map(String::len).sum(),
            Self::Done(Err(error)) => error.reason.len(),
        }
    }
}

/// Reads `files` on reader threads of `scope`, a block of files each in
/// turn; the pieces come back in the files' order.
pub(super) fn read_in_order<'scope>(
    scope: &'scope Scope<'scope, '_>,
    files: Vec<Found>,
) -> InOrder {
    let blocks = files.len().div_ceil(BLOCK);
    let mut shares: Vec<Vec<Vec<_>>> = (0..blocks.clamp(1, READERS)).map(|_| Vec::new()).collect();
    let mut files = files.into_iter().peekable();
    for turn in (0..shares.len()).cycle() {
        if files.peek().is_none() {
            break;
        }
        shares[turn].push(files.by_ref().take(BLOCK).collect());
    }
    let readers = shares
        .into_iter()
        .map(|share| {
            let (sender, receiver) = std::sync::mpsc::channel();
            let budget = Arc::new(Budget::default());
            let handover = Handover::new(sender, Arc::clone(&budget));
            scope.spawn(move || read_share(share, handover));
            (receiver, budget)
        })
        .collect();
    InOrder { readers, turn: 0 }
}

/// The pieces of every reader, a handful at a time, in the files' order.
/// Dropped, it stops the readers.
pub(super) struct InOrder {
    readers: Vec<(Receiver<Handful>, Arc<Budget>)>,
    /// The reader whose block comes next.
    turn: usize,
}

impl Iterator for InOrder {
    type Item = Vec<Piece>;

    fn next(&mut self) -> Option<Vec<Piece>> {
        // a reader hangs up when its blocks are done; the next block in
        // order is then past the last
        let (receiver, budget) = &self.readers[self.turn];
        let handful = receiver.recv().ok()?;
        budget.give_back(handful.weight);
        if handful.ends_block {
            self.turn = (self.turn + 1) % self.readers.len();
        }
        Some(handful.pieces)
    }
}

impl Drop for InOrder {
    fn drop(&mut self) {
        for (_, budget) in &self.readers {
            budget.stop();
        }
    }
}

/// Pieces handed over at once, and whether they end the reader's block.
struct Handful {
    pieces: Vec<Piece>,
    weight: usize,
    ends_block: bool,
}

/// The bytes between a reader and the writer, and whether the writer has
/// stopped taking them.
#[derive(Default)]
struct Budget {
    state: Mutex<(usize, bool)>,
    changed: Condvar,
}

impl Budget {
    /// Waits until `weight` more bytes fit, or nothing is in flight (a piece
    /// larger than the budget goes alone); false once the writer stopped.
    fn take(&self, weight: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.1 && state.0 > 0 && state.0 + weight > AHEAD_BYTES {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.0 += weight;
        !state.1
    }

    fn give_back(&self, weight: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 = state.0.saturating_sub(weight);
        self.changed.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.changed.notify_all();
    }
}

/// Pieces a reader gathers to hand over together.
struct Handover {
    sender: Sender<Handful>,
    budget: Arc<Budget>,
    pieces: Vec<Piece>,
    weight: usize,
}

impl Handover {
    fn new(sender: Sender<Handful>, budget: Arc<Budget>) -> Self {
        Self {
            sender,
            budget,
            pieces: Vec::new(),
            weight: 0,
        }
    }

    /// Adds a piece, handing over what it holds once that is large; false
    /// once the writer has stopped taking them.
    fn push(&mut self, piece: Piece) -> bool {
        self.weight += piece.weight();
        self.pieces.push(piece);
        self.weight < HANDFUL_BYTES || self.hand_over(false)
    }

    fn hand_over(&mut self, ends_block: bool) -> bool {
        let weight = std::mem::take(&mut self.weight);
        let pieces = std::mem::take(&mut self.pieces);
        if pieces.is_empty() && !ends_block {
            return true;
        }
        self.budget.take(weight)
            && self
                .sender
                .send(Handful {
                    pieces,
                    weight,
                    ends_block,
                })
                .is_ok()
    }
}

/// Reads a reader's blocks of files, each ended by a handful that says so.
fn read_share(share: Vec<Vec<Found>>, mut handover: Handover) {
    for block in share {
        for file in block {
            let done = file
                .map_err(|error| *error)
                .and_then(|path| read_file(&path, &mut handover));
            if !handover.push(Piece::Done(done)) {
                return;
            }
        }
        if !handover.hand_over(true) {
            return;
        }
    }
}

/// Reads a file, handing its articles over as they come: a dump or a page
/// whole, a JSON export in chunks. Gives its warnings.
fn read_file(path: &Path, handover: &mut Handover) -> Result<Vec<String>, LoadError> {
    if !is_json(path) {
        let loaded = load_file(path)?;
        let articles = loaded
            .articles
            .into_iter()
            .map(|article| Prepared::new(article, None))
            .collect();
        handover.push(Piece::Articles(articles));
        return Ok(loaded.warnings);
    }
    let mut chunk = Vec::with_capacity(JSON_CHUNK);
    let read = json::each_article(path, &mut |(article, marks)| {
        chunk.push(Prepared::new(article, marks));
        if chunk.len() == JSON_CHUNK {
            // an export's chunks go over at once: they are large
            handover.push(Piece::Articles(std::mem::take(&mut chunk)));
            handover.hand_over(false);
        }
    });
    // the articles before a mistake are kept, as a dump's are
    handover.push(Piece::Articles(chunk));
    read.map(|_| Vec::new())
}
