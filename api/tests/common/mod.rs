//! Helpers for the tests that run the real `centers` binary as a process: free ports, a fresh
//! database (SQLite file, or a PostgreSQL database of its own when `TEST_DATABASE_URL` is set),
//! a server process that is killed when dropped.
#![allow(dead_code)]

use diesel::connection::SimpleConnection;
use diesel::Connection;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const ADMIN_PASSWORD: &str = "admin-password-1";
pub const JWT_SECRET: &str = "0123456789abcdef0123456789abcdef";

/// A port no other test of this process was given: the tests run in parallel, and a port the
/// kernel hands out twice in a row made one test's server answer another test's probe (then
/// vanish when that test stopped it), a flaky "connection refused".
pub fn free_port() -> u16 {
    static GIVEN: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap();
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// Waits until the child listens on `port`; fails at once if it exited (it could not bind).
pub fn wait_listening(child: &mut Child, port: u16) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the server exited before listening on {port}: {status:?}");
        }
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "something else answers on {port}: the server exited"
    );
}

/// The PostgreSQL server to make test databases on, when the suite runs against PostgreSQL.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A database made for one test, removed when dropped.
pub struct Database {
    pub url: String,
    /// The folder of a SQLite file (and of any other file the test writes).
    pub dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl Database {
    /// PostgreSQL when `TEST_DATABASE_URL` is set, else a SQLite file.
    pub fn fresh() -> Database {
        match postgres_admin_url() {
            Some(admin) => Self::postgres(&admin),
            None => Self::sqlite(),
        }
    }

    pub fn sqlite() -> Database {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("centers.db").display());
        Database {
            url,
            dir,
            postgres: None,
        }
    }

    pub fn postgres(admin_url: &str) -> Database {
        let name = format!("centers_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = diesel::PgConnection::establish(admin_url).unwrap_or_else(|e| {
            panic!("TEST_DATABASE_URL is set but PostgreSQL is unreachable: {e}")
        });
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let mut url = url::Url::parse(admin_url).unwrap();
        url.set_path(&format!("/{name}"));
        Database {
            url: url.to_string(),
            dir: tempfile::tempdir().unwrap(),
            postgres: Some((admin_url.to_owned(), name)),
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.postgres.is_some()
    }

    /// A path in the test's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres {
            if let Ok(mut conn) = diesel::PgConnection::establish(admin) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// The `centers` binary with a clean environment for `url`.
pub fn centers(url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_centers"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("APP_DATABASE_URL", url)
        .env("APP_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("APP_JWT_SECRET", JWT_SECRET);
    command
}

/// Runs a `centers` command to its end.
pub fn run(url: &str, args: &[&str]) -> Output {
    centers(url).args(args).output().unwrap()
}

/// A server process; killed (SIGKILL) if still running when dropped.
pub struct Server {
    pub port: u16,
    pub child: Child,
    pub log: PathBuf,
}

impl Server {
    /// Starts `centers` serving `url` on `port` and waits until it listens. Its standard error
    /// goes to `log`.
    pub fn start(url: &str, port: u16, log: &Path, extra: &[(&str, &str)]) -> Server {
        let mut server = Self::spawn(url, port, log, extra);
        wait_listening(&mut server.child, port);
        server
    }

    /// Starts `centers` without waiting for it.
    pub fn spawn(url: &str, port: u16, log: &Path, extra: &[(&str, &str)]) -> Server {
        let mut command = centers(url);
        command
            .env("APP_PORT", port.to_string())
            .env("APP_WEBHOOK_DELIVERY", "off")
            .stdout(Stdio::null())
            .stderr(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(log)
                    .unwrap(),
            );
        for (k, v) in extra {
            command.env(k, v);
        }
        Server {
            port,
            child: command.spawn().unwrap(),
            log: log.to_owned(),
        }
    }

    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for the process to exit; panics after `within`.
    pub fn wait_exit(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not exit within {within:?}; its log:\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP agent that keeps connections alive, as a client library would.
pub fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .redirects(0)
        .build()
}

/// Logs in as the bootstrap admin; returns the access token.
pub fn admin_token(agent: &ureq::Agent, base: &str) -> String {
    let answer: serde_json::Value = agent
        .post(&format!("{base}/api/v1/auth/login"))
        .send_json(serde_json::json!({"username": "admin", "password": ADMIN_PASSWORD}))
        .unwrap()
        .into_json()
        .unwrap();
    answer["access_token"].as_str().unwrap().to_owned()
}

/// Waits until `/readyz` answers 200.
pub fn wait_ready(agent: &ureq::Agent, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = agent.get(&format!("{base}/readyz")).call() {
            if r.status() == 200 {
                return;
            }
        }
        assert!(Instant::now() < deadline, "{base} never became ready");
        std::thread::sleep(Duration::from_millis(50));
    }
}
