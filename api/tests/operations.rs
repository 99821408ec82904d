//! Running it for years (issue 26), with the real binary as a process: `migrate --check` for
//! deployment scripts, `backup`/`restore` refusals, four instances starting together on one
//! PostgreSQL database, stopping under traffic (503 and `Connection: close`, a bounded wait), and
//! a rolling restart of two instances that loses no acknowledged write. On SQLite, and on
//! PostgreSQL with `TEST_DATABASE_URL` (the tests about several instances need PostgreSQL and
//! say so when skipped: SQLite is served by one instance).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{admin_token, agent, free_port, run, wait_ready, Database, Server};
use diesel::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The migrations of the backend `db` uses, as folders.
fn migration_count(db: &Database) -> usize {
    let tree = if db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../db/migrations")
            .join(tree),
    )
    .unwrap()
    .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_dir())
    .count()
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn migrate_check_fails_while_migrations_are_pending_and_passes_after_migrate() {
    let db = Database::fresh();
    let pending = run(&db.url, &["migrate", "--check"]);
    assert_eq!(pending.status.code(), Some(1), "{}", text(&pending));
    let said = text(&pending);
    assert!(
        said.contains(&format!("{} migration(s) pending", migration_count(&db))),
        "{said}"
    );
    assert!(said.contains(centers_db::SCHEMA_VERSION), "{said}");

    let migrated = run(&db.url, &["migrate"]);
    assert!(migrated.status.success(), "{}", text(&migrated));
    let checked = run(&db.url, &["migrate", "--check"]);
    assert!(checked.status.success(), "{}", text(&checked));
    assert!(text(&checked).contains("up to date"), "{}", text(&checked));
}

#[test]
fn backup_never_overwrites_and_restore_refuses_a_database_in_use_unless_forced() {
    let db = Database::fresh();
    assert!(run(&db.url, &["seed"]).status.success());
    let file = db.path("centers.backup");
    let made = run(&db.url, &["backup", "--to", file.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));
    assert!(std::fs::metadata(&file).unwrap().len() > 0);
    // A second backup to the same file is refused; the first is untouched.
    let before = std::fs::read(&file).unwrap();
    let again = run(&db.url, &["backup", "--to", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("already exists"), "{}", text(&again));
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // The source itself is not empty: refused without --force, replaced with it.
    let refused = run(&db.url, &["restore", "--from", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused).contains("not empty"), "{}", text(&refused));
    let forced = run(
        &db.url,
        &["restore", "--from", file.to_str().unwrap(), "--force"],
    );
    assert!(forced.status.success(), "{}", text(&forced));
    assert!(text(&forced).contains("restored"), "{}", text(&forced));

    // Into a fresh database: no --force needed, and the result passes `migrate --check`.
    let target = Database::fresh();
    let restored = run(&target.url, &["restore", "--from", file.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored));
    let checked = run(&target.url, &["migrate", "--check"]);
    assert!(checked.status.success(), "{}", text(&checked));

    // A file that is not a backup of this backend is refused before anything is touched.
    let junk = db.path("junk.backup");
    std::fs::write(&junk, b"not a backup at all").unwrap();
    let wrong = run(
        &target.url,
        &["restore", "--from", junk.to_str().unwrap(), "--force"],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong).contains("is not a"), "{}", text(&wrong));
    assert!(run(&target.url, &["migrate", "--check"]).status.success());
}

/// Sends a request on an open connection and reads one answer (its head and a body of
/// `Content-Length`).
fn exchange_on(stream: &mut TcpStream, request: &str) -> String {
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).unwrap();
        answer.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&answer).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap_or(0);
            if answer.len() >= end + 4 + length {
                return text;
            }
        }
        assert!(n > 0, "the connection closed mid-answer: {text}");
    }
}

#[test]
fn a_stopping_instance_answers_what_is_still_running_after_its_timeout_with_503() {
    let db = Database::fresh();
    let port = free_port();
    let mut server = Server::start(
        &db.url,
        port,
        &db.path("server.log"),
        &[("APP_SHUTDOWN_TIMEOUT", "2")],
    );
    let get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    // A kept-alive connection that has been answered once, idle at the signal.
    let mut kept = TcpStream::connect(("127.0.0.1", port)).unwrap();
    assert!(exchange_on(&mut kept, get).starts_with("HTTP/1.1 200"));
    // A request in flight that does not finish: its body is never sent whole.
    let mut stalled = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stalled
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n\
              Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"username\"",
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));

    let signalled = Instant::now();
    server.signal("TERM");
    // The idle connection is closed.
    let mut rest = Vec::new();
    assert_eq!(kept.read_to_end(&mut rest).unwrap(), 0, "{rest:?}");
    // The stalled request is answered when the shutdown time (2 s) is up: a 503 saying it was
    // interrupted, the connection closed — not a cut connection.
    let mut answer = String::new();
    stalled.read_to_string(&mut answer).unwrap();
    let took = signalled.elapsed();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    let head = answer.to_ascii_lowercase();
    assert!(head.contains("connection: close"), "{answer}");
    assert!(head.contains("retry-after: 1"), "{answer}");
    assert!(
        answer.contains("urn:centers:problem:interrupted"),
        "{answer}"
    );
    assert!(
        took >= Duration::from_millis(1_800) && took < Duration::from_secs(10),
        "answered after the shutdown time: {took:?}"
    );
    let status = server.wait_exit(Duration::from_secs(10));
    assert!(status.success(), "exit {status:?}");
}

#[test]
fn four_instances_starting_at_once_on_one_postgresql_database_migrate_it_once() {
    let Some(admin) = common::postgres_admin_url() else {
        eprintln!("skipped: several instances on one database need PostgreSQL (TEST_DATABASE_URL)");
        return;
    };
    let db = Database::postgres(&admin);
    let ports: Vec<u16> = (0..4).map(|_| free_port()).collect();
    let log = db.path("servers.log");
    // Spawned together, before any of them is waited for.
    let mut servers: Vec<Server> = ports
        .iter()
        .map(|port| Server::spawn(&db.url, *port, &log, &[]))
        .collect();
    for server in &mut servers {
        let port = server.port;
        common::wait_listening(&mut server.child, port);
    }
    let agent = agent();
    for server in &servers {
        wait_ready(&agent, &server.base());
        let token = admin_token(&agent, &server.base());
        let centers: Value = agent
            .get(&format!("{}/api/v1/centers?limit=100", server.base()))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap();
        assert_eq!(centers["items"].as_array().unwrap().len(), 27);
    }
    let mut conn = diesel::PgConnection::establish(&db.url).unwrap();
    #[derive(QueryableByName)]
    struct Counted {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        distinct: i64,
    }
    let count = |conn: &mut PgConnection, sql: &str| -> (i64, i64) {
        let c = diesel::sql_query(sql).get_result::<Counted>(conn).unwrap();
        (c.n, c.distinct)
    };
    let (applied, versions) = count(
        &mut conn,
        "SELECT count(*) AS n, count(DISTINCT version) AS distinct FROM __diesel_schema_migrations",
    );
    assert_eq!(applied, migration_count(&db) as i64);
    assert_eq!(versions, applied);
    let (accounts, _) = count(
        &mut conn,
        "SELECT count(*) AS n, 0::bigint AS distinct FROM users",
    );
    assert_eq!(accounts, 1, "one bootstrap admin");
    let (organizations, codes) = count(
        &mut conn,
        "SELECT count(*) AS n, count(DISTINCT (kind, code)) AS distinct FROM organizations",
    );
    assert_eq!(organizations, codes, "the province file loaded once");
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(!log.contains("migrations failed"), "{log}");
}

/// What the writer of the rolling-restart test saw.
#[derive(Default, Debug)]
struct Seen {
    /// Acknowledged writes: code → id.
    acknowledged: BTreeMap<String, String>,
    refused_503: usize,
    connection_errors: usize,
    replayed: usize,
    in_progress: usize,
}

/// Creates party organizations one after the other, alternating between two instances, until
/// told to stop. Each write carries an `Idempotency-Key`; when an instance refuses (503) or
/// cannot be reached, the same request goes to the other one.
fn write_loop(bases: [String; 2], token: String, center: String, stop: Arc<AtomicBool>) -> Seen {
    let agent = agent();
    let mut seen = Seen::default();
    let mut i = 0usize;
    while !stop.load(Ordering::SeqCst) {
        let code = format!("RR-{i:05}");
        let body = json!({"name": format!("Chi bộ khởi động lại {i}"), "code": code,
                          "center_id": center});
        let key = format!("rolling-{i}");
        let mut attempt = 0;
        let id = loop {
            attempt += 1;
            assert!(attempt < 400, "{code}: no instance took the write");
            let base = &bases[(i + attempt) % 2];
            let answer = agent
                .post(&format!("{base}/api/v1/party-organizations"))
                .set("Authorization", &format!("Bearer {token}"))
                .set("Idempotency-Key", &key)
                .send_json(body.clone());
            match answer {
                Ok(r) => {
                    if r.header("Idempotent-Replayed").is_some() {
                        seen.replayed += 1;
                    }
                    assert_eq!(r.status(), 201, "{code}");
                    let created: Value = r.into_json().unwrap();
                    assert_eq!(created["code"], code.as_str());
                    break created["id"].as_str().unwrap().to_owned();
                }
                Err(ureq::Error::Status(503, r)) => {
                    assert_eq!(
                        r.header("Connection")
                            .map(str::to_ascii_lowercase)
                            .as_deref(),
                        Some("close"),
                        "a 503 while stopping closes the connection"
                    );
                    seen.refused_503 += 1;
                }
                Err(ureq::Error::Status(409, r)) => {
                    // The first attempt is still running on the instance that is stopping.
                    let text = r.into_string().unwrap_or_default();
                    assert!(text.contains("still in progress"), "{code}: {text}");
                    seen.in_progress += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(ureq::Error::Status(status, r)) => {
                    panic!("{code}: {status} {}", r.into_string().unwrap_or_default())
                }
                Err(ureq::Error::Transport(_)) => {
                    seen.connection_errors += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        };
        seen.acknowledged.insert(code, id);
        i += 1;
    }
    seen
}

#[test]
fn a_rolling_restart_of_two_instances_loses_no_acknowledged_write() {
    let Some(admin) = common::postgres_admin_url() else {
        eprintln!(
            "skipped: a rolling restart of two instances needs PostgreSQL (TEST_DATABASE_URL)"
        );
        return;
    };
    let db = Database::postgres(&admin);
    let ports = [free_port(), free_port()];
    let log = db.path("servers.log");
    let settings = [("APP_SHUTDOWN_TIMEOUT", "10")];
    let mut a = Server::start(&db.url, ports[0], &log, &settings);
    let mut b = Server::start(&db.url, ports[1], &log, &settings);
    let agent = agent();
    wait_ready(&agent, &a.base());
    wait_ready(&agent, &b.base());
    let token = admin_token(&agent, &a.base());
    let centers: Value = agent
        .get(&format!("{}/api/v1/centers?limit=1", a.base()))
        .set("Authorization", &format!("Bearer {token}"))
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    let center = centers["items"][0]["id"].as_str().unwrap().to_owned();

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (bases, token, center, stop) = (
            [a.base(), b.base()],
            token.clone(),
            center.clone(),
            stop.clone(),
        );
        std::thread::spawn(move || write_loop(bases, token, center, stop))
    };
    std::thread::sleep(Duration::from_millis(1_500));
    // Restart A, then B, each while the loop writes through both.
    for (which, port) in ports.iter().enumerate() {
        let server = if which == 0 { &mut a } else { &mut b };
        server.signal("TERM");
        let status = server.wait_exit(Duration::from_secs(30));
        assert!(status.success(), "exit {status:?}");
        *server = Server::start(&db.url, *port, &log, &settings);
        wait_ready(&agent, &server.base());
        std::thread::sleep(Duration::from_millis(1_500));
    }
    stop.store(true, Ordering::SeqCst);
    let seen = writer.join().unwrap();
    eprintln!(
        "rolling restart: {} writes acknowledged, {} refused with 503, {} connection errors, \
         {} replays, {} still in progress",
        seen.acknowledged.len(),
        seen.refused_503,
        seen.connection_errors,
        seen.replayed,
        seen.in_progress
    );
    assert!(seen.acknowledged.len() >= 20, "{seen:?}");
    assert!(
        seen.refused_503 + seen.connection_errors > 0,
        "the restarts were felt by the client: {seen:?}"
    );

    // Every acknowledged write is there, once, through both instances.
    let mut stored = BTreeMap::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!(
            "{}/api/v1/party-organizations?center_id={center}&limit=200",
            b.base()
        );
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: Value = agent
            .get(&url)
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap();
        for item in page["items"].as_array().unwrap() {
            let code = item["code"].as_str().unwrap().to_owned();
            if code.starts_with("RR-") {
                let previous = stored.insert(code.clone(), item["id"].as_str().unwrap().to_owned());
                assert!(previous.is_none(), "{code} stored twice");
            }
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(stored, seen.acknowledged, "stored = acknowledged");
    for (code, id) in seen.acknowledged.iter().step_by(7) {
        let one = agent
            .get(&format!("{}/api/v1/party-organizations/{id}", a.base()))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap();
        let one: Value = one.into_json().unwrap();
        assert_eq!(one["code"], code.as_str());
    }
    let codes: BTreeSet<&String> = stored.keys().collect();
    assert_eq!(codes.len(), seen.acknowledged.len());
}
