//! The real binary stops gracefully on SIGTERM and on SIGINT: a request in flight finishes, then
//! the process exits successfully.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{free_port, wait_listening};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn start(dir: &std::path::Path, port: u16) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_centers"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("APP_PORT", port.to_string())
        .env(
            "APP_DATABASE_URL",
            format!("sqlite://{}", dir.join("centers.db").display()),
        )
        .env("APP_ADMIN_PASSWORD", "admin-password-1")
        .env("APP_JWT_SECRET", "0123456789abcdef0123456789abcdef")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_listening(&mut child, port);
    child
}

/// Sends one request on a new connection and reads the whole answer. A connection reset before
/// any answer is tried again (at most three times): this test is about what the log says, and
/// one CI run saw the first login's connection reset under a loaded machine (cause not found;
/// the answers themselves are still checked in full).
fn exchange(port: u16, request: &str) -> String {
    for attempt in 1..=3 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        match stream.read_to_string(&mut response) {
            Ok(_) => return response,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset && attempt < 3 => {
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("reading the answer: {e}"),
        }
    }
    unreachable!("the loop returns or panics")
}

fn stops_gracefully_on(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = start(dir.path(), port);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let body = r#"{"username":"admin","password":"admin-password-1"}"#;
    let head = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body.as_bytes()[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{signal}: {response}");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "{signal}: the process did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{signal}: exit {status:?}");
}

#[test]
fn sigterm_finishes_in_flight_requests() {
    stops_gracefully_on("TERM");
}

#[test]
fn sigint_finishes_in_flight_requests() {
    stops_gracefully_on("INT");
}

#[test]
fn json_logs_carry_request_ids_and_no_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let log_path = dir.path().join("server.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_centers"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("APP_PORT", port.to_string())
        .env(
            "APP_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("centers.db").display()),
        )
        .env("APP_ADMIN_PASSWORD", "admin-password-1")
        .env("APP_JWT_SECRET", "0123456789abcdef0123456789abcdef")
        .env("APP_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    wait_listening(&mut child, port);
    let body = r#"{"username":"admin","password":"admin-password-1"}"#;
    let request = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response = exchange(port, &request);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    // A mistyped body whose error message would echo the value.
    let bad_body = r#"{"username":"admin","password":98765432109}"#;
    let bad_request = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{bad_body}",
        bad_body.len()
    );
    let bad_response = exchange(port, &bad_request);
    assert!(bad_response.starts_with("HTTP/1.1 400"), "{bad_response}");
    let request_id = response
        .lines()
        .find_map(|l| l.strip_prefix("x-request-id: "))
        .unwrap()
        .trim()
        .to_owned();
    let token_start = response.find("\"access_token\":\"").unwrap() + 16;
    let token: String = response[token_start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the process did not exit");
        std::thread::sleep(Duration::from_millis(50));
    }
    let log = std::fs::read_to_string(&log_path).unwrap();
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.trim_start().starts_with('{') && line.trim_end().ends_with('}'),
            "not JSON: {line}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&request_id) && l.contains("/api/v1/auth/login")),
        "the request's log line carries its id"
    );
    assert!(!log.contains("admin-password-1"), "no password in logs");
    assert!(!log.contains("98765432109"), "no request values in logs");
    assert!(
        log.contains("\"http.status_code\":400"),
        "the 400 is logged as a request line"
    );
    assert!(!log.contains(&token), "no token in logs");
}
