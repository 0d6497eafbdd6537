//! The memory all photo decodes of the process may hold at once. A batch
//! runs one worker per core, but two 120-megapixel PNGs decoded side by side
//! need most of a gigabyte: each decode first reserves its estimated peak and
//! waits while the budget is spent. A photo larger than the whole budget
//! still runs, alone.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// What decodes may hold at once. Newsroom PCs have 4–8 GB shared with a
/// browser and an office suite; 512 MiB lets everyday photos (a 24 MP JPEG
/// decoded at reduced size needs tens of MB) run on every core, while the
/// largest allowed photo (120 MP, 360–480 MB of pixels) runs alone.
pub const DEFAULT_BUDGET_BYTES: u64 = 512 * 1024 * 1024;

/// The budget shared by every import and re-render of the process (a batch,
/// a pasted photo and an edit's re-render all count against it).
pub static PHOTO_MEMORY: Budget = Budget::new(DEFAULT_BUDGET_BYTES);

pub struct Budget {
    total: u64,
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    used: u64,
    /// Reservations are served in the order asked, so a large photo waiting
    /// for the budget to empty is not overtaken for ever by small ones.
    next_ticket: u64,
    serving: u64,
}

/// Memory held until dropped.
#[must_use = "the memory is released when this is dropped"]
pub struct Reservation<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    pub const fn new(total: u64) -> Self {
        Budget {
            total,
            state: Mutex::new(State {
                used: 0,
                next_ticket: 0,
                serving: 0,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The state is a few counters updated in one step each: a panic
        // elsewhere cannot leave them half-changed.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until `bytes` fit beside what is held (or nothing is held, for
    /// a job larger than the budget), then holds them. A thread must not ask
    /// again while it holds a reservation: it would wait for itself.
    pub fn reserve(&self, bytes: u64) -> Reservation<'_> {
        let mut state = self.lock();
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        while state.serving != ticket
            || (state.used > 0 && state.used.saturating_add(bytes) > self.total)
        {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.serving += 1;
        state.used += bytes;
        drop(state);
        // The next in line may fit too.
        self.changed.notify_all();
        Reservation {
            budget: self,
            bytes,
        }
    }

    /// Bytes held now.
    pub fn in_use(&self) -> u64 {
        self.lock().used
    }

    pub fn total(&self) -> u64 {
        self.total
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        let mut state = self.budget.lock();
        state.used -= self.bytes;
        drop(state);
        self.budget.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    /// Runs jobs of the given sizes on `threads` threads, each holding its
    /// reservation a moment; returns the most ever held at once.
    fn peak_held(budget: &Budget, jobs: &[u64], threads: usize) -> u64 {
        let held = AtomicU64::new(0);
        let peak = AtomicU64::new(0);
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&bytes) = jobs.get(i) else { break };
                    let _r = budget.reserve(bytes);
                    let now = held.fetch_add(bytes, Ordering::SeqCst) + bytes;
                    peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(5));
                    held.fetch_sub(bytes, Ordering::SeqCst);
                });
            }
        });
        assert_eq!(budget.in_use(), 0, "everything is given back");
        peak.load(Ordering::SeqCst)
    }

    #[test]
    fn small_jobs_share_the_budget_and_large_ones_run_alone() {
        let budget = Budget::new(100);
        assert!(peak_held(&budget, &[30; 12], 4) <= 100);
        assert!(
            peak_held(&budget, &[30; 12], 4) > 30,
            "they do run together"
        );
        // Larger than the whole budget: each runs, alone.
        assert_eq!(peak_held(&budget, &[150, 150, 150], 3), 150);
        assert!(peak_held(&budget, &[150, 10, 150, 10, 60, 60], 3) <= 150);
    }
}
