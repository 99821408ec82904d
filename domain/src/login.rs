//! When a login attempt may go ahead: the brute-force limits.
//!
//! Attempts are counted *before* the password is checked (an attempt in flight counts as a
//! failure until it succeeds), so parallel guesses cannot overtake the count. Three counters over
//! a sliding window:
//!
//! - **address** — failures from one client address against any account: stops one machine
//!   spraying guesses over many usernames;
//! - **account** — failures against one account from anywhere. Past [`LoginLimits::account`] the
//!   account is under attack, but its owner is not locked out: an address that has *not* failed
//!   against the account in the window may still try (the owner at their usual desk), while every
//!   address that has failed against it waits. Past [`LoginLimits::account_ceiling`] — a guesser
//!   with many addresses — everyone waits, the owner included, until the window moves on;
//! - **pair** — failures of one address against one account, which decides the above.
//!
//! Behind a reverse proxy every client shares the proxy's address unless the proxy is trusted
//! (`APP_TRUSTED_PROXIES`), so that it names the real client.

use chrono::{Duration, NaiveDateTime};

/// The limits, per sliding window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    pub window: Duration,
    /// Failures from one address, over all accounts.
    pub address: usize,
    /// Failures against one account after which only addresses that have not failed against it
    /// may try.
    pub account: usize,
    /// Failures against one account after which nobody may try.
    pub account_ceiling: usize,
}

impl LoginLimits {
    /// Whether a known device (a valid device cookie) may still try on its own counter: up to
    /// `address` failures in the window, as many as one address may make; after that it is
    /// treated as an unknown device, under every other limit.
    pub fn device_may_try(&self, device: &Failures) -> bool {
        device.count() < self.address
    }
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            window: Duration::seconds(60),
            address: 10,
            account: 5,
            account_ceiling: 20,
        }
    }
}

/// The times of the failures (and attempts in flight) of one counter inside the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failures(pub Vec<NaiveDateTime>);

impl Failures {
    fn count(&self) -> usize {
        self.0.len()
    }

    /// Seconds until the failure that keeps the counter at `limit` leaves the window: the
    /// `count - limit + 1`-th oldest.
    fn until_below(&self, limit: usize, window: Duration, now: NaiveDateTime) -> u64 {
        let mut times = self.0.clone();
        times.sort();
        let index = self.count().saturating_sub(limit);
        let leaves = times.get(index).copied().unwrap_or(now) + window;
        u64::try_from((leaves - now).num_seconds().max(1)).unwrap_or(1)
    }
}

/// What the counters say about one attempt.
#[derive(Debug, Clone, Default)]
pub struct AttemptHistory {
    pub address: Failures,
    pub account: Failures,
    pub pair: Failures,
}

/// Why an attempt must wait, and for how many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Address { retry_after_secs: u64 },
    AccountUnderAttack { retry_after_secs: u64 },
    AccountCeiling { retry_after_secs: u64 },
}

impl Refusal {
    pub fn retry_after_secs(self) -> u64 {
        match self {
            Refusal::Address { retry_after_secs }
            | Refusal::AccountUnderAttack { retry_after_secs }
            | Refusal::AccountCeiling { retry_after_secs } => retry_after_secs,
        }
    }
}

impl LoginLimits {
    /// Whether an attempt may go ahead now.
    pub fn check(&self, h: &AttemptHistory, now: NaiveDateTime) -> Result<(), Refusal> {
        if h.address.count() >= self.address {
            return Err(Refusal::Address {
                retry_after_secs: h.address.until_below(self.address, self.window, now),
            });
        }
        if h.account.count() >= self.account_ceiling {
            return Err(Refusal::AccountCeiling {
                retry_after_secs: h
                    .account
                    .until_below(self.account_ceiling, self.window, now),
            });
        }
        if h.account.count() >= self.account && h.pair.count() > 0 {
            // Either this address's failures leave the window, or enough of the account's do.
            let pair_gone = h.pair.until_below(1, self.window, now);
            let account_below = h.account.until_below(self.account, self.window, now);
            return Err(Refusal::AccountUnderAttack {
                retry_after_secs: pair_gone.min(account_below),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + secs, 0)
            .map(|t| t.naive_utc())
            .unwrap_or_default()
    }

    fn failures(times: &[i64]) -> Failures {
        Failures(times.iter().map(|t| at(*t)).collect())
    }

    #[test]
    fn the_owner_gets_in_from_an_address_that_has_not_failed() {
        let limits = LoginLimits::default();
        let attacked = AttemptHistory {
            address: Failures::default(),
            account: failures(&[0, 1, 2, 3, 4]),
            pair: Failures::default(),
        };
        assert_eq!(limits.check(&attacked, at(10)), Ok(()));
        // The attacker's own address waits until its failures leave the window.
        let attacker = AttemptHistory {
            address: failures(&[0, 1, 2, 3, 4]),
            account: failures(&[0, 1, 2, 3, 4]),
            pair: failures(&[0, 1, 2, 3, 4]),
        };
        assert_eq!(
            limits.check(&attacker, at(10)),
            Err(Refusal::AccountUnderAttack {
                retry_after_secs: 50
            })
        );
    }

    #[test]
    fn below_the_account_limit_everyone_may_try() {
        let limits = LoginLimits::default();
        let h = AttemptHistory {
            address: failures(&[0, 1, 2, 3]),
            account: failures(&[0, 1, 2, 3]),
            pair: failures(&[0, 1, 2, 3]),
        };
        assert_eq!(limits.check(&h, at(5)), Ok(()));
    }

    #[test]
    fn the_ceiling_stops_a_distributed_guesser() {
        let limits = LoginLimits::default();
        let times: Vec<i64> = (0..20).collect();
        let h = AttemptHistory {
            address: Failures::default(),
            account: failures(&times),
            pair: Failures::default(),
        };
        // The oldest failure leaves at 60: the count drops to 19.
        assert_eq!(
            limits.check(&h, at(30)),
            Err(Refusal::AccountCeiling {
                retry_after_secs: 30
            })
        );
        let h = AttemptHistory {
            account: failures(&times[..19]),
            ..h
        };
        assert_eq!(limits.check(&h, at(30)), Ok(()));
    }

    #[test]
    fn one_address_cannot_spray_many_accounts() {
        let limits = LoginLimits::default();
        let times: Vec<i64> = (0..10).collect();
        let h = AttemptHistory {
            address: failures(&times),
            ..AttemptHistory::default()
        };
        assert_eq!(
            limits.check(&h, at(59)),
            Err(Refusal::Address {
                retry_after_secs: 1
            })
        );
        let h = AttemptHistory {
            address: failures(&times[..9]),
            ..AttemptHistory::default()
        };
        assert_eq!(limits.check(&h, at(59)), Ok(()));
    }

    #[test]
    fn a_known_device_tries_on_its_own_counter_until_it_fails_as_often_as_an_address() {
        let limits = LoginLimits::default();
        let failures = |n: usize| Failures(vec![NaiveDateTime::default(); n]);
        assert!(limits.device_may_try(&failures(0)));
        assert!(limits.device_may_try(&failures(limits.address - 1)));
        assert!(!limits.device_may_try(&failures(limits.address)));
    }
}
