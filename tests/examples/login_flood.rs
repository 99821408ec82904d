//! Login-flood benchmark (issue 8, item 1): does a flood of bad logins slow down everyone else?
//!
//! Starts the real server binary as a child process on a fresh database, measures authenticated
//! reads (`GET /api/v1/centers`) alone, then again while `--flood` clients send bad logins as fast
//! as they are answered — each with its own username and forwarded address, so that no rate limit
//! turns them away and only the password-verification cap protects the server. Samples the
//! server's resident memory and threads throughout. While the flood goes on, the real user (the
//! admin) logs in 40 times from the browser it logged in from before (with its device cookie) and
//! 40 times from a new one. Fails (exit 1) when the reads' median under the flood exceeds 3× the
//! median without it, the memory 150 MB, or fewer than 95 % of the device-cookie logins succeed
//! within 2 s.
//!
//! ```text
//! cargo run --example login_flood -- [--server target/debug/centers] [--flood 200]
//!     [--seconds 10] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
//!     [--honor-retry-after true|false]
//! ```
//!
//! Without `--postgres` the server runs on a temporary SQLite file; with it, on a database created
//! on that server for the run and dropped afterwards.
//!
//! ```text
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const READERS: usize = 2;
const MAX_P50_RATIO: f64 = 3.0;
const MAX_RSS_MB: f64 = 150.0;
/// The real user's logins during the flood (one every 100 ms after the previous answer).
const REAL_LOGINS: usize = 40;
/// The share of them with a device cookie that must succeed within 2 s (issue 19).
const MIN_DEVICE_LOGINS: f64 = 0.95;

struct Args {
    server: String,
    flood: usize,
    seconds: u64,
    postgres: Option<String>,
    /// Whether flood clients wait the `Retry-After` of a 503 before their next attempt.
    honor_retry_after: bool,
}

fn args() -> Args {
    let mut a = Args {
        server: "target/debug/centers".into(),
        flood: 200,
        seconds: 10,
        postgres: None,
        honor_retry_after: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--server" => a.server = value,
            "--flood" => a.flood = value.parse().expect("--flood"),
            "--seconds" => a.seconds = value.parse().expect("--seconds"),
            "--postgres" => a.postgres = Some(value),
            "--honor-retry-after" => a.honor_retry_after = value.parse().expect("true or false"),
            other => panic!("unknown flag {other}"),
        }
    }
    a
}

/// Resident memory (MB) and thread count of a process, from /proc.
fn memory_and_threads(pid: u32) -> (f64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:") as f64 / 1024.0, field("Threads:"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .build()
}

/// Authenticated reads from `READERS` threads for `duration`; their latencies.
fn read_for(base: &str, token: &str, duration: Duration) -> (Vec<Duration>, u64) {
    let errors = AtomicU64::new(0);
    let latencies = Mutex::new(Vec::new());
    let deadline = Instant::now() + duration;
    std::thread::scope(|s| {
        for _ in 0..READERS {
            s.spawn(|| {
                let agent = agent();
                let mut mine = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    let ok = agent
                        .get(&format!("{base}/api/v1/centers?limit=20"))
                        .set("Authorization", &format!("Bearer {token}"))
                        // Computed every time (not the list page cache): the reads go through
                        // the blocking pool and the database, where a flood would be felt.
                        .set("Cache-Control", "no-cache")
                        .call()
                        .is_ok();
                    mine.push(started.elapsed());
                    if !ok {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                latencies.lock().unwrap().extend(mine);
            });
        }
    });
    let mut all = latencies.into_inner().unwrap();
    all.sort();
    (all, errors.into_inner())
}

struct Server {
    child: Child,
    base: String,
    // Dropped after the child is killed (fields drop after `Drop::drop`).
    _db: centers_tests::TestDb,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(a: &Args) -> Server {
    let (db, url) = match &a.postgres {
        Some(admin_url) => centers_tests::TestDb::postgres(admin_url),
        None => centers_tests::TestDb::sqlite(),
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&a.server)
        .env("APP_PORT", port.to_string())
        .env("APP_DATABASE_URL", &url)
        .env("APP_ADMIN_PASSWORD", "flood-admin-password")
        .env(
            "APP_JWT_SECRET",
            "flood-secret-flood-secret-flood-secret-0123",
        )
        .env("APP_TRUSTED_PROXIES", "127.0.0.1")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", a.server));
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(120);
    while agent().get(&format!("{base}/readyz")).call().is_err() {
        assert!(Instant::now() < deadline, "the server did not become ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    Server {
        child,
        base,
        _db: db,
    }
}

fn main() {
    let a = args();
    let server = start(&a);
    let pid = server.child.id();
    let base = server.base.clone();
    let first = agent()
        .post(&format!("{base}/api/v1/auth/login"))
        .send_json(json!({"username": "admin", "password": "flood-admin-password"}))
        .unwrap();
    // The device cookie this login set (issue 19): the real user's browser keeps it.
    let device_cookie = first
        .all("set-cookie")
        .iter()
        .find_map(|c| {
            c.split(';')
                .next()
                .filter(|c| c.starts_with("centers_device="))
        })
        .expect("a successful login sets the device cookie")
        .to_owned();
    let token = first.into_json::<serde_json::Value>().unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let window = Duration::from_secs(a.seconds);
    // Warm up, then the baseline.
    read_for(&base, &token, Duration::from_secs(1));
    let (rss_before, threads_before) = memory_and_threads(pid);
    let (quiet, quiet_errors) = read_for(&base, &token, window);

    let stop = Arc::new(AtomicBool::new(false));
    let counts: Arc<Mutex<std::collections::BTreeMap<u16, u64>>> = Arc::default();
    let peak = Arc::new(Mutex::new((0.0f64, 0u64)));
    let flooders: Vec<_> = (0..a.flood)
        .map(|i| {
            let (stop, counts, base) = (stop.clone(), counts.clone(), base.clone());
            let honor = a.honor_retry_after;
            std::thread::spawn(move || {
                let agent = agent();
                let mut n = 0u64;
                let mut local = std::collections::BTreeMap::new();
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let address = format!("10.{}.{}.{}", i % 250, (n / 250) % 250, n % 250);
                    let status = match agent
                        .post(&format!("{base}/api/v1/auth/login"))
                        .set("X-Forwarded-For", &address)
                        .send_json(
                            json!({"username": format!("flood{i}x{n}"), "password": "wrong"}),
                        ) {
                        Ok(r) => r.status(),
                        Err(ureq::Error::Status(s, _)) => s,
                        Err(_) => 0,
                    };
                    *local.entry(status).or_insert(0u64) += 1;
                    if honor && status == 503 {
                        // The attempt's slot stays taken: the client retries when told to.
                        std::thread::sleep(Duration::from_secs(1));
                    }
                }
                let mut all = counts.lock().unwrap();
                for (k, v) in local {
                    *all.entry(k).or_insert(0) += v;
                }
            })
        })
        .collect();
    let sampler = {
        let (stop, peak) = (stop.clone(), peak.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let (rss, threads) = memory_and_threads(pid);
                let mut p = peak.lock().unwrap();
                p.0 = p.0.max(rss);
                p.1 = p.1.max(threads);
                drop(p);
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    std::thread::sleep(Duration::from_secs(1));
    let (flooded, flooded_errors) = read_for(&base, &token, window);
    // The real user logs in during the flood, from their usual browser (with its device cookie)
    // and, for comparison, from a new one (without).
    let real_logins = |cookie: Option<&str>| {
        let agent = agent();
        (0..REAL_LOGINS)
            .map(|_| {
                let started = Instant::now();
                let mut request = agent.post(&format!("{base}/api/v1/auth/login"));
                if let Some(c) = cookie {
                    request = request.set("Cookie", c);
                }
                let status = match request
                    .send_json(json!({"username": "admin", "password": "flood-admin-password"}))
                {
                    Ok(r) => r.status(),
                    Err(ureq::Error::Status(s, _)) => s,
                    Err(_) => 0,
                };
                let ok = status == 200 && started.elapsed() <= Duration::from_secs(2);
                std::thread::sleep(Duration::from_millis(100));
                ok
            })
            .filter(|ok| *ok)
            .count()
    };
    let with_device = real_logins(Some(&device_cookie));
    let without_device = real_logins(None);
    stop.store(true, Ordering::Relaxed);
    for f in flooders {
        let _ = f.join();
    }
    let _ = sampler.join();
    std::thread::sleep(Duration::from_secs(2));
    let (rss_after, threads_after) = memory_and_threads(pid);
    let (rss_peak, threads_peak) = *peak.lock().unwrap();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (q50, f50) = (percentile(&quiet, 0.5), percentile(&flooded, 0.5));
    let ratio = ms(f50) / ms(q50).max(0.001);
    println!(
        "login flood on {}: {} clients for {} s (503s retried after Retry-After: {})",
        if a.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        a.flood,
        a.seconds,
        a.honor_retry_after
    );
    println!(
        "reads without flood: n={} p50={:.2} ms p95={:.2} ms errors={}",
        quiet.len(),
        ms(q50),
        ms(percentile(&quiet, 0.95)),
        quiet_errors
    );
    println!(
        "reads during flood:  n={} p50={:.2} ms p95={:.2} ms errors={} (p50 ratio {:.2}, limit {MAX_P50_RATIO})",
        flooded.len(),
        ms(f50),
        ms(percentile(&flooded, 0.95)),
        flooded_errors,
        ratio
    );
    println!("flood responses by status: {:?}", counts.lock().unwrap());
    let share = |n: usize| n as f64 / REAL_LOGINS as f64;
    println!(
        "the real user's logins during the flood, 200 within 2 s: with the device cookie {with_device}/{REAL_LOGINS} ({:.0} %, limit {:.0} %), without {without_device}/{REAL_LOGINS}",
        share(with_device) * 100.0,
        MIN_DEVICE_LOGINS * 100.0
    );
    println!(
        "server RSS: before {rss_before:.1} MB, peak {rss_peak:.1} MB, after {rss_after:.1} MB (limit {MAX_RSS_MB}); threads: before {threads_before}, peak {threads_peak}, after {threads_after}"
    );
    let mut failed = false;
    if ratio > MAX_P50_RATIO {
        eprintln!("FAIL: reads slowed {ratio:.2}× under the flood");
        failed = true;
    }
    if rss_peak > MAX_RSS_MB {
        eprintln!("FAIL: server memory peaked at {rss_peak:.1} MB");
        failed = true;
    }
    if share(with_device) < MIN_DEVICE_LOGINS {
        eprintln!("FAIL: the real user with a device cookie logged in {with_device}/{REAL_LOGINS}");
        failed = true;
    }
    if quiet_errors + flooded_errors > 0 {
        eprintln!("FAIL: authenticated reads failed");
        failed = true;
    }
    if failed {
        std::process::exit(1);
    }
    println!("ok");
}
