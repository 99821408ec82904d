//! Typed settings: defaults, then `APP_*` environment variables. Invalid values stop start-up with
//! a message naming the variable. Passed explicitly to whatever needs them; never a global.

use secrecy::{ExposeSecret, SecretString};
use std::net::IpAddr;
use std::time::Duration;

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Pretty,
}

/// Everything the server is configured with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    pub database_url: String,
    /// A read replica for lists and reports (`APP_DATABASE_READ_URL`); none by default.
    pub database_read_url: Option<String>,
    pub pool_size: u32,
    /// How long a request waits for a pooled connection before the API answers 503.
    pub pool_timeout: Duration,
    pub jwt_secret: Option<SecretString>,
    pub admin_password: Option<SecretString>,
    pub log_format: LogFormat,
    pub cors_origins: Vec<String>,
    pub body_limit: usize,
    /// Whether to load the reference organizations at start-up when missing.
    pub seed_on_start: bool,
    /// The province file loaded at start-up and by `centers seed` (`APP_PROVINCE_FILE`);
    /// `None` is Thanh Hóa's, built in.
    pub province_file: Option<std::path::PathBuf>,
    /// HTTP worker threads; `None` is one per core. Not an environment variable: tests set it.
    pub workers: Option<usize>,
    /// Password verifications (argon2) allowed at once; more are refused with 503 at once.
    pub password_concurrency: usize,
    /// Peers (proxies) whose `Forwarded` / `X-Forwarded-For` headers name the client address.
    pub trusted_proxies: Vec<IpNetwork>,
    /// How long a client has to send a request's head (line and headers): 408 after.
    pub request_head_timeout: Duration,
    /// How long a client has to send a request's whole body: 408 after.
    pub body_timeout: Duration,
    /// How long an account's state read for a token is reused (`APP_AUTH_CACHE_TTL`; 0 = never).
    pub auth_cache_ttl: Duration,
    /// How long a list page served to a caller is served again to the same caller for the same
    /// URL (`APP_LIST_CACHE_TTL`; 0 = never). Writes through this instance end it at once.
    pub list_cache_ttl: Duration,
    /// How long an idle keep-alive connection stays open.
    pub keep_alive: Duration,
    /// How long requests in flight may take to finish once the instance is told to stop
    /// (`APP_SHUTDOWN_TIMEOUT`, default 30 s); those still running then are answered 503.
    pub shutdown_timeout: Duration,
    /// Whether this instance delivers webhooks (`APP_WEBHOOK_DELIVERY`, on by default).
    pub webhook_delivery: bool,
    /// How often the delivery worker looks for due subscriptions (`APP_WEBHOOK_POLL`).
    pub webhook_poll: Duration,
    /// A delivery's whole time, connect included (`APP_WEBHOOK_TIMEOUT`); the connect alone is
    /// at most 5 s of it.
    pub webhook_timeout: Duration,
    /// Retries of a failed delivery (`APP_WEBHOOK_RETRY_BASE`, `APP_WEBHOOK_GIVE_UP_AFTER`).
    pub webhook_retry: centers_domain::webhooks::RetryPolicy,
    /// Internal addresses deliveries may go to after all (`APP_WEBHOOK_ALLOW_PRIVATE`: a
    /// district system on the school's own network; tests): none by default.
    pub webhook_allow_private: Vec<IpNetwork>,
    /// Where `/metrics` is served (`APP_METRICS_ADDR`, e.g. `127.0.0.1:9464`): a listener of its
    /// own, off by default.
    pub metrics_addr: Option<std::net::SocketAddr>,
}

/// An IP network (`10.0.0.0/8`, `::1/128`; a bare address is a network of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNetwork {
    pub address: IpAddr,
    pub prefix: u8,
}

impl IpNetwork {
    /// Whether `ip` lies in this network (an IPv4-mapped IPv6 address counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.address, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for IpNetwork {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let address: IpAddr = addr.trim().parse().map_err(|_| ())?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or(())?,
            None => max,
        };
        Ok(IpNetwork { address, prefix })
    }
}

/// One per core but one: argon2 is CPU-bound, so more at once only queues work and memory, and
/// the core left over keeps serving everyone else while a login flood is turned away.
fn default_password_concurrency() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .saturating_sub(1)
        .max(1)
}

/// The default SQLite file, relative to the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/centers.db";
/// The shortest accepted JWT signing secret, in bytes (HS256 wants at least the hash size).
pub const MIN_JWT_SECRET_BYTES: usize = 32;

/// A variable that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            database_url: DEFAULT_DATABASE_URL.into(),
            database_read_url: None,
            pool_size: 8,
            pool_timeout: Duration::from_secs(5),
            jwt_secret: None,
            admin_password: None,
            log_format: LogFormat::Pretty,
            cors_origins: Vec::new(),
            body_limit: 1024 * 1024,
            seed_on_start: true,
            province_file: None,
            workers: None,
            password_concurrency: default_password_concurrency(),
            trusted_proxies: Vec::new(),
            request_head_timeout: Duration::from_secs(5),
            body_timeout: Duration::from_secs(30),
            auth_cache_ttl: Duration::from_secs(5),
            list_cache_ttl: Duration::from_secs(2),
            keep_alive: Duration::from_secs(5),
            shutdown_timeout: Duration::from_secs(30),
            webhook_delivery: true,
            webhook_poll: Duration::from_secs(1),
            webhook_timeout: Duration::from_secs(10),
            webhook_retry: centers_domain::webhooks::RetryPolicy::default(),
            webhook_allow_private: Vec::new(),
            metrics_addr: None,
        }
    }
}

impl Settings {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut s = Settings::default();
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("APP_HOST") {
            s.host = v.trim().to_owned();
        }
        if let Some(v) = get("APP_PORT") {
            s.port = v.trim().parse().map_err(|_| ConfigError {
                variable: "APP_PORT",
                message: format!("{v:?} is not a port number (0-65535)"),
            })?;
        }
        if let Some(v) = get("APP_DATABASE_URL") {
            s.database_url = v.trim().to_owned();
        }
        if let Some(v) = get("APP_DATABASE_READ_URL") {
            let v = v.trim();
            s.database_read_url = (!v.is_empty()).then(|| v.to_owned());
        }
        if let Some(v) = get("APP_POOL_SIZE") {
            s.pool_size = v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or(ConfigError {
                    variable: "APP_POOL_SIZE",
                    message: format!("{v:?} is not a number between 1 and 1000"),
                })?;
        }
        if let Some(v) = get("APP_JWT_SECRET") {
            if v.len() < MIN_JWT_SECRET_BYTES {
                return Err(ConfigError {
                    variable: "APP_JWT_SECRET",
                    message: format!(
                        "must be at least {MIN_JWT_SECRET_BYTES} bytes (it has {})",
                        v.len()
                    ),
                });
            }
            s.jwt_secret = Some(SecretString::from(v));
        }
        if let Some(v) = get("APP_PROVINCE_FILE") {
            s.province_file = Some(v.into());
        }
        if let Some(v) = get("APP_ADMIN_PASSWORD") {
            s.admin_password = Some(SecretString::from(v));
        }
        if let Some(v) = get("APP_LOG_FORMAT") {
            s.log_format = match v.trim().to_ascii_lowercase().as_str() {
                "json" => LogFormat::Json,
                "pretty" => LogFormat::Pretty,
                _ => {
                    return Err(ConfigError {
                        variable: "APP_LOG_FORMAT",
                        message: format!("{v:?} is not one of: json, pretty"),
                    })
                }
            };
        }
        if let Some(v) = get("APP_CORS_ORIGINS") {
            s.cors_origins = parse_origins(&v)?;
        }
        if let Some(v) = get("APP_BODY_LIMIT") {
            s.body_limit = parse_size(&v).ok_or(ConfigError {
                variable: "APP_BODY_LIMIT",
                message: format!(
                    "{v:?} is not a size in bytes (e.g. 1048576, 512KB, 2MB; at least 1KB)"
                ),
            })?;
        }
        if let Some(v) = get("APP_PASSWORD_CONCURRENCY") {
            s.password_concurrency = v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or(ConfigError {
                    variable: "APP_PASSWORD_CONCURRENCY",
                    message: format!("{v:?} is not a number between 1 and 256"),
                })?;
        }
        for (variable, target) in [
            ("APP_TRUSTED_PROXIES", &mut s.trusted_proxies),
            ("APP_WEBHOOK_ALLOW_PRIVATE", &mut s.webhook_allow_private),
        ] {
            if let Some(v) = get(variable) {
                *target = v
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| {
                        p.parse().map_err(|()| ConfigError {
                            variable,
                            message: format!(
                                "{p:?} is not an IP address or network like 10.0.0.0/8"
                            ),
                        })
                    })
                    .collect::<Result<_, _>>()?;
            }
        }
        if let Some(v) = get("APP_METRICS_ADDR") {
            s.metrics_addr = Some(v.trim().parse().map_err(|_| ConfigError {
                variable: "APP_METRICS_ADDR",
                message: format!("{v:?} is not an address and port like 127.0.0.1:9464"),
            })?);
        }
        if let Some(v) = get("APP_WEBHOOK_DELIVERY") {
            s.webhook_delivery = match v.trim().to_ascii_lowercase().as_str() {
                "on" | "true" | "1" => true,
                "off" | "false" | "0" => false,
                _ => {
                    return Err(ConfigError {
                        variable: "APP_WEBHOOK_DELIVERY",
                        message: format!("{v:?} is not one of: on, off"),
                    })
                }
            };
        }
        if let Some(v) = get("APP_WEBHOOK_GIVE_UP_AFTER") {
            s.webhook_retry.give_up_after = v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=7 * 24 * 3600).contains(n))
                .map(Duration::from_secs)
                .ok_or(ConfigError {
                    variable: "APP_WEBHOOK_GIVE_UP_AFTER",
                    message: format!("{v:?} is not a number of seconds between 1 and 604800"),
                })?;
        }
        for (variable, target) in [
            ("APP_AUTH_CACHE_TTL", &mut s.auth_cache_ttl),
            ("APP_LIST_CACHE_TTL", &mut s.list_cache_ttl),
        ] {
            if let Some(v) = get(variable) {
                *target = match v.trim() {
                    "0" => Duration::ZERO,
                    other => parse_duration(other).ok_or(ConfigError {
                        variable,
                        message: format!("{v:?} is not 0 or a duration between 100ms and 1h"),
                    })?,
                };
            }
        }
        for (variable, target) in [
            ("APP_REQUEST_HEAD_TIMEOUT", &mut s.request_head_timeout),
            ("APP_BODY_TIMEOUT", &mut s.body_timeout),
            ("APP_KEEP_ALIVE", &mut s.keep_alive),
            ("APP_SHUTDOWN_TIMEOUT", &mut s.shutdown_timeout),
            ("APP_WEBHOOK_POLL", &mut s.webhook_poll),
            ("APP_WEBHOOK_TIMEOUT", &mut s.webhook_timeout),
            ("APP_WEBHOOK_RETRY_BASE", &mut s.webhook_retry.base),
        ] {
            if let Some(v) = get(variable) {
                *target = parse_duration(&v).ok_or(ConfigError {
                    variable,
                    message: format!(
                        "{v:?} is not a duration between 100ms and 1h (e.g. 30, 30s, 500ms, 2m)"
                    ),
                })?;
            }
        }
        Ok(s)
    }

    /// The JWT secret's bytes, if one is configured.
    pub fn jwt_secret_bytes(&self) -> Option<Vec<u8>> {
        self.jwt_secret
            .as_ref()
            .map(|s| s.expose_secret().as_bytes().to_vec())
    }
}

fn parse_origins(v: &str) -> Result<Vec<String>, ConfigError> {
    v.split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| {
            let ok = o == "*"
                || url::Url::parse(o).is_ok_and(|u| {
                    matches!(u.scheme(), "http" | "https") && u.host().is_some() && u.path() == "/"
                });
            if ok {
                Ok(o.trim_end_matches('/').to_owned())
            } else {
                Err(ConfigError {
                    variable: "APP_CORS_ORIGINS",
                    message: format!(
                        "{o:?} is not an origin like https://dashboard.example.vn (or *)"
                    ),
                })
            }
        })
        .collect()
}

/// Parses "30" (seconds), "30s", "500ms", "2m" into a duration between 100 ms and an hour.
fn parse_duration(v: &str) -> Option<Duration> {
    let v = v.trim().to_ascii_lowercase();
    let digits_end = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (num, unit) = v.split_at(digits_end);
    let n: u64 = num.parse().ok()?;
    let millis = match unit.trim() {
        "" | "s" => n.checked_mul(1000)?,
        "ms" => n,
        "m" | "min" => n.checked_mul(60_000)?,
        _ => return None,
    };
    (100..=3_600_000)
        .contains(&millis)
        .then(|| Duration::from_millis(millis))
}

/// Parses "1048576", "512KB", "512KiB", "2MB" into bytes (KB = 1024). At least 1 KiB.
fn parse_size(v: &str) -> Option<usize> {
    let v = v.trim().to_ascii_uppercase();
    let digits_end = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (num, unit) = v.split_at(digits_end);
    let n: usize = num.parse().ok()?;
    let factor = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(factor).filter(|b| *b >= 1024)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let s = settings(&[]).unwrap_or_default();
        assert_eq!(s.host, "127.0.0.1");
        assert_eq!(s.port, 8080);
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert!(s.cors_origins.is_empty());
    }

    #[test]
    fn errors_name_the_variable() {
        for (var, value) in [
            ("APP_PORT", "eighty"),
            ("APP_PORT", "70000"),
            ("APP_POOL_SIZE", "0"),
            ("APP_LOG_FORMAT", "xml"),
            ("APP_BODY_LIMIT", "lots"),
            ("APP_CORS_ORIGINS", "not a url"),
            ("APP_JWT_SECRET", "short"),
            ("APP_PASSWORD_CONCURRENCY", "0"),
            ("APP_TRUSTED_PROXIES", "10.0.0.0/33"),
            ("APP_TRUSTED_PROXIES", "proxy.local"),
            ("APP_BODY_TIMEOUT", "forever"),
            ("APP_BODY_TIMEOUT", "10ms"),
            ("APP_REQUEST_HEAD_TIMEOUT", "2h"),
            ("APP_LIST_CACHE_TTL", "soon"),
            ("APP_AUTH_CACHE_TTL", "-1"),
        ] {
            let err = settings(&[(var, value)]).err();
            assert_eq!(err.map(|e| e.variable), Some(var), "{var}={value}");
        }
    }

    #[test]
    fn networks_and_durations() {
        let net: IpNetwork = "10.1.0.0/16".parse().unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        assert!(net.contains("::ffff:10.1.0.9".parse().unwrap()));
        let one: IpNetwork = "::1".parse().unwrap();
        assert!(one.contains("::1".parse().unwrap()));
        assert!(!one.contains("127.0.0.1".parse().unwrap()));
        let all: IpNetwork = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains("203.0.113.7".parse().unwrap()));
        assert_eq!(parse_duration("30"), Some(Duration::from_secs(30)));
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("0"), None);
        let s = settings(&[("APP_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")]).unwrap();
        assert_eq!(s.trusted_proxies.len(), 2);
        assert_eq!(s.list_cache_ttl, Duration::from_secs(2));
        let s = settings(&[("APP_LIST_CACHE_TTL", "0"), ("APP_AUTH_CACHE_TTL", "750ms")]).unwrap();
        assert_eq!(s.list_cache_ttl, Duration::ZERO);
        assert_eq!(s.auth_cache_ttl, Duration::from_millis(750));
    }

    #[test]
    fn sizes_and_origins() {
        assert_eq!(parse_size("2MB"), Some(2 * 1024 * 1024));
        assert_eq!(parse_size("512kb"), Some(512 * 1024));
        assert_eq!(parse_size("1023"), None);
        let s = settings(&[(
            "APP_CORS_ORIGINS",
            "https://a.example.vn, http://localhost:3000/",
        )])
        .unwrap_or_default();
        assert_eq!(
            s.cors_origins,
            vec!["https://a.example.vn", "http://localhost:3000"]
        );
    }
}
