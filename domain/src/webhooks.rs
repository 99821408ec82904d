//! Webhook subscriptions: the rules of who is called, when a failed call is tried again, and
//! where the server may send a request. The delivery itself (HTTP, signatures, the feed) lives in
//! the API crate; these rules have no I/O and are tested at their edges here.

use crate::organizations::string_enum;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

string_enum! {
    /// Where a subscription stands.
    SubscriptionStatus {
        /// Called for every new change its owner may read.
        Active => "active" / "Đang hoạt động",
        /// Stopped by its owner; `PATCH status=active` resumes from where it stopped.
        Paused => "paused" / "Tạm dừng",
        /// Stopped by the server after failing for the retry period (or when its owner can no
        /// longer read); resumable like a paused one.
        Failing => "failing" / "Lỗi, đã tạm dừng",
        /// The receiver answered 410 Gone: the subscription is over and cannot be resumed.
        Ended => "ended" / "Đã kết thúc",
    }
}

string_enum! {
    /// Whose a subscription is.
    OwnerKind {
        /// A person's account (an administrator).
        User => "user" / "Tài khoản người dùng",
        /// A service client (a district system).
        Client => "client" / "Ứng dụng kết nối",
    }
}

string_enum! {
    /// Why a subscriber was called.
    DeliveryKind {
        /// A change of the feed, in order.
        Event => "event" / "Sự kiện",
        /// `POST /webhooks/{id}/test`.
        Test => "test" / "Thử",
        /// `POST /webhooks/{id}/deliveries/{delivery}/redeliver`.
        Redelivery => "redelivery" / "Gửi lại",
    }
}

impl SubscriptionStatus {
    /// The statuses an owner may set with `PATCH`: pause, or resume a paused or failing one.
    /// An ended subscription stays ended.
    pub fn owner_may_set(from: SubscriptionStatus, to: SubscriptionStatus) -> bool {
        use SubscriptionStatus as S;
        match (from, to) {
            (S::Ended, _) => false,
            (_, S::Active | S::Paused) => true,
            (_, S::Failing | S::Ended) => from == to,
        }
    }
}

/// When a failed event is tried again: exponential backoff from `base`, doubled per attempt up
/// to `cap`, with jitter, for `give_up_after` from the first failure; then the subscription is
/// marked failing and paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub base: Duration,
    pub cap: Duration,
    pub give_up_after: Duration,
}

impl Default for RetryPolicy {
    /// 5 s, 10 s, 20 s, … up to 2 h between tries, for a day: about twenty tries, the last ones
    /// two hours apart (the Standard Webhooks schedule is of the same shape).
    fn default() -> Self {
        RetryPolicy {
            base: Duration::from_secs(5),
            cap: Duration::from_secs(2 * 3600),
            give_up_after: Duration::from_secs(24 * 3600),
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again after this delay.
    RetryIn(Duration),
    /// The retry period is over: mark the subscription failing.
    GiveUp,
}

impl RetryPolicy {
    /// After the `attempts`-th failed attempt (1 for the first) of an event that has been
    /// failing for `failing_for`; `jitter` in [0, 1] spreads the delay over ±20 % so that many
    /// subscriptions failing together do not come back together.
    pub fn after_failure(self, attempts: u32, failing_for: Duration, jitter: f64) -> AfterFailure {
        if failing_for >= self.give_up_after {
            return AfterFailure::GiveUp;
        }
        let doubled = self
            .base
            .saturating_mul(2u32.saturating_pow(attempts.saturating_sub(1).min(30)));
        let delay = doubled.min(self.cap);
        let factor = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
        AfterFailure::RetryIn(delay.mul_f64(factor))
    }
}

/// Why a URL cannot receive webhooks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlRefusal {
    #[error("must be an absolute http or https URL")]
    NotHttp,
    #[error("must not carry a user name or password (send credentials in the URL's path or rely on the signature)")]
    Credentials,
    #[error("must not have a #fragment")]
    Fragment,
    #[error("must be at most {0} characters")]
    TooLong(usize),
    #[error("{0} is a loopback, private, link-local or otherwise internal address; the server does not call those (APP_WEBHOOK_ALLOW_PRIVATE lists exceptions)")]
    InternalAddress(IpAddr),
}

/// The longest URL accepted.
pub const MAX_URL_LENGTH: usize = 2000;

/// Checks a receiver's URL as given (the addresses a host name resolves to are checked at each
/// delivery, [`is_internal`]).
pub fn check_url(url: &url::Url) -> Result<(), UrlRefusal> {
    if url.as_str().len() > MAX_URL_LENGTH {
        return Err(UrlRefusal::TooLong(MAX_URL_LENGTH));
    }
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(UrlRefusal::NotHttp);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlRefusal::Credentials);
    }
    if url.fragment().is_some() {
        return Err(UrlRefusal::Fragment);
    }
    Ok(())
}

/// Whether the server must not call `ip` on a subscriber's behalf: loopback, private (RFC 1918,
/// unique local), link-local (cloud metadata at 169.254.169.254), shared (CGNAT), unspecified,
/// multicast, broadcast, documentation and benchmarking ranges, and their IPv4-mapped forms.
/// A webhook URL is chosen by a client; without this rule it would make the server probe the
/// network it runs in.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_internal_v4(v4),
            None => is_internal_v6(v6),
        },
    }
}

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (RFC 6598)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking (RFC 2544)
        || a >= 240 // reserved
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link-local
        || (first == 0x2001 && ip.segments()[1] == 0x0db8) // documentation
        || (first == 0x0064 && ip.segments()[1] == 0xff9b) // NAT64 (may reach IPv4 internals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_the_base_up_to_the_cap_within_the_jitter() {
        let p = RetryPolicy::default();
        let delay = |n, jitter| match p.after_failure(n, Duration::ZERO, jitter) {
            AfterFailure::RetryIn(d) => d,
            AfterFailure::GiveUp => panic!("gave up"),
        };
        assert_eq!(delay(1, 0.5), Duration::from_secs(5));
        assert_eq!(delay(2, 0.5), Duration::from_secs(10));
        assert_eq!(delay(3, 0.5), Duration::from_secs(20));
        assert_eq!(delay(1, 0.0), Duration::from_secs(4));
        assert_eq!(delay(1, 1.0), Duration::from_secs(6));
        assert_eq!(delay(12, 0.5), Duration::from_secs(7200));
        assert_eq!(delay(u32::MAX, 0.5), Duration::from_secs(7200));
        assert_eq!(delay(1, 7.0), Duration::from_secs(6), "jitter is clamped");
    }

    #[test]
    fn the_default_schedule_tries_about_twenty_times_in_a_day_then_gives_up() {
        let p = RetryPolicy::default();
        let (mut elapsed, mut tries) = (Duration::ZERO, 0u32);
        loop {
            tries += 1;
            match p.after_failure(tries, elapsed, 0.5) {
                AfterFailure::RetryIn(d) => elapsed += d,
                AfterFailure::GiveUp => break,
            }
        }
        assert!((15..=25).contains(&tries), "{tries} tries");
        assert!(elapsed >= p.give_up_after && elapsed < p.give_up_after + p.cap);
        assert_eq!(
            p.after_failure(1, p.give_up_after, 0.5),
            AfterFailure::GiveUp
        );
        assert!(matches!(
            p.after_failure(1, p.give_up_after - Duration::from_secs(1), 0.5),
            AfterFailure::RetryIn(_)
        ));
    }

    #[test]
    fn internal_addresses_are_refused_and_public_ones_allowed() {
        for internal in [
            "127.0.0.1",
            "127.255.0.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.10",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2001:db8::1",
            "64:ff9b::a00:1",
        ] {
            let ip: IpAddr = internal.parse().unwrap();
            assert!(is_internal(ip), "{internal} should be internal");
        }
        for public in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "172.15.255.255",
            "100.128.0.1",
            "203.113.131.1",
            "2001:4860:4860::8888",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().unwrap();
            assert!(!is_internal(ip), "{public} should be public");
        }
    }

    #[test]
    fn urls_must_be_plain_http_or_https() {
        let check = |u: &str| check_url(&url::Url::parse(u).unwrap());
        assert_eq!(check("https://huyenuy.example.vn/hooks/centers"), Ok(()));
        assert_eq!(
            check("http://10.0.0.5:8080/x"),
            Ok(()),
            "addresses are checked when called"
        );
        assert_eq!(check("ftp://example.vn/x"), Err(UrlRefusal::NotHttp));
        assert_eq!(check("mailto:a@example.vn"), Err(UrlRefusal::NotHttp));
        assert_eq!(
            check("https://u:p@example.vn/"),
            Err(UrlRefusal::Credentials)
        );
        assert_eq!(check("https://example.vn/#x"), Err(UrlRefusal::Fragment));
        let long = format!("https://example.vn/{}", "a".repeat(MAX_URL_LENGTH));
        assert_eq!(check(&long), Err(UrlRefusal::TooLong(MAX_URL_LENGTH)));
    }

    #[test]
    fn owners_pause_and_resume_but_never_revive_an_ended_subscription() {
        use SubscriptionStatus as S;
        for from in S::ALL {
            for to in S::ALL {
                let expected = match (*from, *to) {
                    (S::Ended, _) => false,
                    (_, S::Active | S::Paused) => true,
                    (f, t) => f == t,
                };
                assert_eq!(S::owner_may_set(*from, *to), expected, "{from} → {to}");
            }
        }
    }
}
