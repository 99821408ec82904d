//! A small in-process rate limiter for public endpoints (certificate verification): a fixed
//! window per client address. Per instance: behind several instances the limit multiplies, which
//! is acceptable for a lookup that reveals only initials; login limits live in the database.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// At most `limit` requests per key in each `window`.
pub struct WindowLimiter {
    limit: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (Instant, u32)>>,
}

impl WindowLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request of `key`; `Err(seconds)` until the window ends when it is over the limit.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let Ok(mut hits) = self.hits.lock() else {
            return Ok(());
        };
        if hits.len() > 100_000 {
            // Forget finished windows rather than grow without bound.
            hits.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = hits.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs().max(1));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_over_the_limit_waits_and_others_do_not() {
        let l = WindowLimiter::new(2, Duration::from_secs(60));
        assert!(l.check("a").is_ok() && l.check("a").is_ok());
        assert!(matches!(l.check("a"), Err(s) if (1..=60).contains(&s)));
        assert!(l.check("b").is_ok());
        let short = WindowLimiter::new(1, Duration::from_millis(1));
        assert!(short.check("a").is_ok());
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.check("a").is_ok());
    }
}
