//! The work of a refresh, taken in turns host by host: a worker takes the
//! next host's next job, so the few requests one host may have at a time
//! never hold up the workers while a hundred other hosts wait.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, PoisonError};

/// Jobs queued per host, handed out a host at a time in turn.
pub struct Queue<T> {
    state: Mutex<State<T>>,
    ready: Condvar,
}

struct State<T> {
    hosts: VecDeque<(String, VecDeque<T>)>,
    closed: bool,
}

impl<T> Queue<T> {
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State {
                hosts: VecDeque::new(),
                closed: false,
            }),
            ready: Condvar::new(),
        }
    }

    pub fn push(&self, host: &str, job: T) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match state.hosts.iter_mut().find(|(h, _)| h == host) {
            Some((_, jobs)) => jobs.push_back(job),
            None => state
                .hosts
                .push_back((host.to_owned(), VecDeque::from([job]))),
        }
        self.ready.notify_one();
    }

    /// The next job, waiting for one; `None` once the queue is closed.
    pub fn pop(&self) -> Option<T> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if state.closed {
                return None;
            }
            if let Some((host, mut jobs)) = state.hosts.pop_front() {
                let job = jobs.pop_front();
                if !jobs.is_empty() {
                    state.hosts.push_back((host, jobs));
                }
                if job.is_some() {
                    return job;
                }
                continue;
            }
            state = self
                .ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Ends the work: every waiting and later `pop` gives `None`.
    pub fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_take_turns() {
        let queue = Queue::new();
        for job in ["a1", "a2", "a3"] {
            queue.push("a", job);
        }
        queue.push("b", "b1");
        queue.push("c", "c1");
        queue.push("b", "b2");
        let order: Vec<_> = std::iter::from_fn(|| {
            let job = queue.pop();
            if job == Some("a3") {
                queue.close();
            }
            job
        })
        .collect();
        assert_eq!(order, ["a1", "b1", "c1", "a2", "b2", "a3"]);
    }

    #[test]
    fn a_closed_queue_wakes_its_waiters() {
        let queue = std::sync::Arc::new(Queue::<u8>::new());
        let waiter = {
            let queue = std::sync::Arc::clone(&queue);
            std::thread::spawn(move || queue.pop())
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        queue.close();
        assert_eq!(waiter.join().expect("joined"), None);
    }
}
