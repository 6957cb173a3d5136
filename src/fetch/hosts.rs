//! Politeness per host: no more than a few requests at once to one host,
//! and a pause between the starts of two of them.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The hosts being fetched from.
pub struct Hosts {
    per_host: usize,
    pause: Duration,
    state: Mutex<HashMap<String, Host>>,
    changed: Condvar,
}

#[derive(Default)]
struct Host {
    active: usize,
    /// When the next request may start.
    next: Option<Instant>,
}

/// A request under way to a host; dropping it lets the next one go.
pub struct Slot<'a> {
    hosts: &'a Hosts,
    host: String,
}

impl Hosts {
    pub fn new(per_host: usize, pause: Duration) -> Self {
        Self {
            per_host: per_host.max(1),
            pause,
            state: Mutex::new(HashMap::new()),
            changed: Condvar::new(),
        }
    }

    /// Waits until a request to `host` may start, and starts it.
    pub fn enter(&self, host: &str) -> Slot<'_> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let now = Instant::now();
            let entry = state.entry(host.to_owned()).or_default();
            let wait = entry
                .next
                .map_or(Duration::ZERO, |next| next.saturating_duration_since(now));
            if entry.active < self.per_host && wait.is_zero() {
                entry.active += 1;
                entry.next = Some(now + self.pause);
                return Slot {
                    hosts: self,
                    host: host.to_owned(),
                };
            }
            let timeout = if wait.is_zero() {
                Duration::from_secs(1)
            } else {
                wait
            };
            state = self
                .changed
                .wait_timeout(state, timeout)
                .map_or_else(|poisoned| poisoned.into_inner().0, |(state, _)| state);
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut state = self
            .hosts
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(host) = state.get_mut(&self.host) {
            host.active = host.active.saturating_sub(1);
        }
        self.hosts.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_to_one_host_are_paused_apart_and_few_at_once() {
        let hosts = Hosts::new(2, Duration::from_millis(50));
        let start = Instant::now();
        let first = hosts.enter("a.example");
        let second = hosts.enter("a.example");
        assert!(start.elapsed() >= Duration::from_millis(50));
        // another host is not held up
        let other = Instant::now();
        drop(hosts.enter("b.example"));
        assert!(other.elapsed() < Duration::from_millis(40));
        drop(first);
        drop(second);
        let third = Instant::now();
        drop(hosts.enter("a.example"));
        assert!(third.elapsed() >= Duration::from_millis(30));
    }
}
