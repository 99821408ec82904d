//! Identical computations in flight, computed once: a dashboard opened by a room of people at nine
//! o'clock asks the same page or report sixteen times within a few milliseconds, and each used to
//! take a connection and compute the same answer. Now the first request computes and the others
//! wait for its answer.
//!
//! What keeps it correct:
//! - **The key says everything the answer depends on**: the caller (account, role, scope), the
//!   request's path and query, and the version of the data the answer is read at (the change
//!   counter, or this instance's write generation for list pages). A request never shares the
//!   answer of another caller, nor one read before a write it could know of.
//! - **Only while in flight.** The entry is removed when the answer is ready; what is kept after
//!   that is the caches' business (`page_cache`, `services::reports::cache`).
//! - **A leader that goes away hands over.** If the request computing the answer is cancelled (its
//!   client hung up), a waiting request computes it instead (`tokio::sync::OnceCell`).
//! - **Errors are shared too**: the same question of the same caller at the same version fails the
//!   same way (a 403, or a database error after which they would all retry).

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// Computations in flight by key.
pub struct SingleFlight<K, V> {
    flights: Mutex<HashMap<K, Arc<OnceCell<V>>>>,
    computed: AtomicU64,
    joined: AtomicU64,
    /// Requests that have taken their place in a flight (led or joined), counted on arrival.
    arrived: AtomicU64,
}

impl<K, V> Default for SingleFlight<K, V> {
    fn default() -> Self {
        SingleFlight {
            flights: Mutex::new(HashMap::new()),
            computed: AtomicU64::new(0),
            joined: AtomicU64::new(0),
            arrived: AtomicU64::new(0),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> SingleFlight<K, V> {
    /// The answer for `key`: computed by `compute` unless an identical computation is in flight,
    /// whose answer is then shared.
    pub async fn run<F, Fut>(&self, key: K, compute: F) -> V
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = V>,
    {
        let cell = match self.flights.lock() {
            Ok(mut flights) => Arc::clone(flights.entry(key.clone()).or_default()),
            // A poisoned map (a panic while it was held) only loses the sharing.
            Err(_) => Arc::new(OnceCell::new()),
        };
        self.arrived.fetch_add(1, Ordering::Relaxed);
        let mut led = false;
        let value = cell
            .get_or_init(|| {
                led = true;
                self.computed.fetch_add(1, Ordering::Relaxed);
                compute()
            })
            .await
            .clone();
        if !led {
            self.joined.fetch_add(1, Ordering::Relaxed);
        }
        if let Ok(mut flights) = self.flights.lock() {
            if flights.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
                flights.remove(&key);
            }
        }
        value
    }

    /// How many answers were computed, and how many requests shared one in flight.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.computed.load(Ordering::Relaxed),
            self.joined.load(Ordering::Relaxed),
        )
    }

    /// How many requests have taken their place in a flight so far, answered or not.
    pub fn arrived(&self) -> u64 {
        self.arrived.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn identical_requests_in_flight_compute_once_and_later_ones_again() {
        let flights = Arc::new(SingleFlight::<&str, u32>::default());
        let barrier = Arc::new(tokio::sync::Barrier::new(16));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (flights, barrier) = (Arc::clone(&flights), Arc::clone(&barrier));
                tokio::spawn(async move {
                    barrier.wait().await;
                    flights
                        .run("page", || async {
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            7
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.ok(), Some(7));
        }
        assert_eq!(flights.counts(), (1, 15));
        // Over: the next request computes afresh; another key never shares.
        assert_eq!(flights.run("page", || async { 8 }).await, 8);
        assert_eq!(flights.run("other", || async { 9 }).await, 9);
        assert_eq!(flights.counts(), (3, 15));
    }

    #[tokio::test]
    async fn a_cancelled_leader_hands_over_to_a_waiter() {
        let flights = Arc::new(SingleFlight::<&str, u32>::default());
        let leader = {
            let flights = Arc::clone(&flights);
            tokio::spawn(async move {
                flights
                    .run("page", || async {
                        tokio::time::sleep(Duration::from_secs(60)).await;
                        1
                    })
                    .await
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let waiter = {
            let flights = Arc::clone(&flights);
            tokio::spawn(async move { flights.run("page", || async { 2 }).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        leader.abort();
        assert_eq!(waiter.await.ok(), Some(2));
    }
}
