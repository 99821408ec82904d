//! What an attacker's probe found (issue 8), kept fixed: password work is capped, the login limit
//! holds in parallel and does not lock the owner out, idempotent replays authenticate and never
//! hold secrets, slow bodies time out, hostile text is refused, and every response carries the
//! security headers. Each test runs on SQLite, and on PostgreSQL when `TEST_DATABASE_URL` is set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Sends `n` requests at once from `n` threads; `make(i)` sends the i-th.
fn at_once(n: usize, make: impl Fn(usize) -> Resp + Sync) -> Vec<Resp> {
    let barrier = std::sync::Barrier::new(n);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .map(|i| {
                let (barrier, make) = (&barrier, &make);
                s.spawn(move || {
                    barrier.wait();
                    make(i)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn login_from(app: &TestApp, username: &str, password: &str, address: &str) -> Resp {
    app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": username, "password": password})),
        &[("X-Forwarded-For", address)],
    )
}

fn statuses(rs: &[Resp]) -> Vec<u16> {
    let mut s: Vec<u16> = rs.iter().map(|r| r.status).collect();
    s.sort_unstable();
    s
}

// ---- 1. password work is capped ----

#[test]
fn logins_over_the_verification_cap_are_turned_away_at_once() {
    let app = TestApp::spawn_with(|s| {
        s.password_concurrency = 1;
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    });
    let results = at_once(16, |i| {
        login_from(
            &app,
            &format!("nobody{i}"),
            "wrong-password",
            &format!("198.51.100.{i}"),
        )
    });
    let busy: Vec<&Resp> = results.iter().filter(|r| r.status == 503).collect();
    assert!(!busy.is_empty(), "no 503 among {:?}", statuses(&results));
    for r in &results {
        assert!(matches!(r.status, 401 | 503), "{}: {}", r.status, r.text);
    }
    for r in busy {
        assert_eq!(r.problem(503)["type"], "urn:centers:problem:busy");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    // The cap is a gate, not a queue: once the flood is over, the owner logs in.
    app.admin_token();
}

// ---- 3. the limit holds in parallel ----

#[test]
fn parallel_bad_logins_check_no_more_passwords_than_the_limit() {
    // A cap far above the attempts, so that only the limit decides.
    let app = TestApp::spawn_with(|s| s.password_concurrency = 64);
    let results = at_once(30, |_| app.login_response("admin", "wrong-password"));
    let checked = results.iter().filter(|r| r.status == 401).count();
    assert!(
        (1..=5).contains(&checked),
        "{checked} passwords checked: {:?}",
        statuses(&results)
    );
    for r in results.iter().filter(|r| r.status != 401) {
        r.problem(429);
        assert!(r.header("retry-after").is_some());
    }
    // The address that failed waits, the correct password included.
    app.login_response("admin", ADMIN_PASSWORD).problem(429);
}

// ---- 8. lockout by design, and trusted proxies ----

#[test]
fn the_owner_logs_in_from_an_address_that_has_not_failed() {
    let app = TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()]);
    for _ in 0..5 {
        assert_eq!(
            login_from(&app, "admin", "guess", "203.0.113.66").status,
            401
        );
    }
    // The guesser's address is refused, even with the right password...
    login_from(&app, "admin", ADMIN_PASSWORD, "203.0.113.66").problem(429);
    // ...while the owner, elsewhere, gets in.
    let r = login_from(&app, "admin", ADMIN_PASSWORD, "192.0.2.10");
    assert_eq!(r.status, 200, "{}", r.text);
    // Many addresses guessing one account reach the ceiling: then everyone waits.
    for i in 0..15 {
        login_from(&app, "admin", "guess", &format!("198.51.100.{i}"));
    }
    login_from(&app, "admin", ADMIN_PASSWORD, "192.0.2.11").problem(429);
}

#[test]
fn one_address_cannot_spray_guesses_over_many_accounts() {
    let app = TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]);
    for i in 0..10 {
        let r = login_from(&app, &format!("user{i}"), "guess", "203.0.113.7");
        assert_eq!(r.status, 401, "{}", r.text);
    }
    login_from(&app, "user99", "guess", "203.0.113.7").problem(429);
    assert_eq!(
        login_from(&app, "user99", "guess", "203.0.113.8").status,
        401
    );
}

#[test]
fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    // No trusted proxy: X-Forwarded-For is the client's own claim, and every attempt here comes
    // from 127.0.0.1 whatever it says.
    let app = TestApp::spawn();
    for i in 0..5 {
        login_from(&app, "admin", "guess", &format!("203.0.113.{i}"));
    }
    login_from(&app, "admin", ADMIN_PASSWORD, "192.0.2.99").problem(429);
}

// ---- 4. idempotent replays ----

#[test]
fn a_revoked_token_gets_no_replay() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let ops_id = app.create_user(&admin, "ops", "province_admin", &province);
    let ops = app.login("ops", "ops-password");
    let center = app.center_id(&admin, "406");
    let body = json!({"name": "Chi bộ Thôn 9", "code": "CB-9", "center_id": center});
    let send = |token: &str| {
        app.request(
            "POST",
            "/api/v1/party-organizations",
            Some(token),
            Some(&body),
            &[("Idempotency-Key", "create-cb-9")],
        )
    };
    assert_eq!(send(&ops).status, 201);
    let again = send(&ops);
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let r = app.post(
        &format!("/api/v1/users/{ops_id}/deactivate"),
        &admin,
        &json!({}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let refused = send(&ops);
    refused.problem(401);
    assert!(refused.header("idempotent-replayed").is_none());
}

/// Every stored idempotent response body, straight from the database.
fn stored_bodies(app: &TestApp) -> Vec<String> {
    use centers_db::schema::idempotency_keys::dsl::*;
    use diesel::prelude::*;
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    idempotency_keys
        .select(response_body)
        .load::<Option<String>>(&mut *conn)
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

#[test]
fn responses_with_secrets_are_never_stored_or_replayed() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let key = [("Idempotency-Key", "client-1")];
    let body = json!({"name": "Huyện ủy Quảng Xương", "access": "read_only", "scope": province});
    let created = app.request("POST", "/api/v1/clients", Some(&admin), Some(&body), &key);
    assert_eq!(created.status, 201, "{}", created.text);
    let secret = created.body["client_secret"].as_str().unwrap().to_owned();
    assert_eq!(created.header("cache-control"), Some("no-store"));
    // The same request again: done once, and the secret is not handed out twice.
    let again = app.request("POST", "/api/v1/clients", Some(&admin), Some(&body), &key);
    assert!(again.problem(409)["detail"]
        .as_str()
        .unwrap()
        .contains("secret"));
    let clients = app.get("/api/v1/clients", &admin);
    assert_eq!(clients.body["items"].as_array().unwrap().len(), 1);
    // A password change with a key: the new token pair is not kept either.
    let change = app.request(
        "POST",
        "/api/v1/me/password",
        Some(&admin),
        Some(&json!({"old_password": ADMIN_PASSWORD, "new_password": "a-new-admin-password"})),
        &[("Idempotency-Key", "pw-1")],
    );
    assert_eq!(change.status, 200, "{}", change.text);
    let new_access = change.body["access_token"].as_str().unwrap().to_owned();
    let again = app.request(
        "POST",
        "/api/v1/me/password",
        Some(&new_access),
        Some(&json!({"old_password": ADMIN_PASSWORD, "new_password": "a-new-admin-password"})),
        &[("Idempotency-Key", "pw-1")],
    );
    assert_ne!(again.status, 200, "{}", again.text);
    assert!(again.body["access_token"].is_null());
    let refresh = change.body["refresh_token"].as_str().unwrap().to_owned();
    for stored in stored_bodies(&app) {
        assert!(!stored.contains(&secret), "client secret stored: {stored}");
        assert!(!stored.contains(&refresh), "refresh token stored");
        assert!(!stored.contains(&new_access), "access token stored");
    }
}

#[test]
fn token_endpoints_ignore_idempotency_keys() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let key = [("Idempotency-Key", "same-key")];
    let login = |k: &[(&str, &str)]| {
        app.request(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&json!({"username": "admin", "password": ADMIN_PASSWORD})),
            k,
        )
    };
    let (a, b) = (login(&key), login(&key));
    assert_eq!((a.status, b.status), (200, 200));
    assert!(b.header("idempotent-replayed").is_none());
    assert_ne!(a.body["refresh_token"], b.body["refresh_token"]);
    // A refresh sent twice with a bearer token and a key is not replayed: the second is reuse.
    let refresh = json!({"refresh_token": a.body["refresh_token"]});
    let send = || {
        app.request(
            "POST",
            "/api/v1/auth/refresh",
            Some(&admin),
            Some(&refresh),
            &key,
        )
    };
    let first = send();
    assert_eq!(first.status, 200, "{}", first.text);
    let second = send();
    second.problem(401);
    assert!(second.header("idempotent-replayed").is_none());
    assert!(stored_bodies(&app).is_empty());
}

// ---- 5. slow senders ----

/// Sends `head` (and nothing more) on a raw connection; returns what the server answered before
/// closing, and how long that took.
fn send_and_wait(app: &TestApp, head: &str) -> (String, Duration) {
    let address = app.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn a_body_that_never_arrives_is_a_408_and_the_connection_closes() {
    let app = TestApp::spawn_with(|s| s.body_timeout = Duration::from_secs(1));
    let (answer, took) = send_and_wait(
        &app,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{\"",
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(
        answer.contains("urn:centers:problem:request-timeout"),
        "{answer}"
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
    // With a token and an Idempotency-Key the body is read by the middleware: the same answer.
    let admin = app.admin_token();
    let (answer, _) = send_and_wait(
        &app,
        &format!(
            "POST /api/v1/party-organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {admin}\r\n\
             Idempotency-Key: slow-1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{"
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[test]
fn a_head_that_never_ends_is_cut_off() {
    let app = TestApp::spawn_with(|s| s.request_head_timeout = Duration::from_secs(1));
    let (answer, took) = send_and_wait(&app, "GET /healthz HTTP/1.1\r\nHost: x\r\n");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

// ---- 6. hostile and sloppy text ----

#[test]
fn hostile_text_is_refused_and_lookalike_codes_are_one_code() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let create = |body: Value| app.post("/api/v1/party-organizations", &admin, &body);
    // Control and bidirectional characters, in bodies and in query strings: 400 naming the field.
    for name in ["Chi bộ\u{7}", "Chi bộ\u{1b}[31m", "Chi bộ \u{202E}1 nôhT"] {
        let r = create(json!({"name": name, "code": "X1", "center_id": center}));
        assert_eq!(r.problem(400)["errors"][0]["field"], "name", "{name:?}");
    }
    let r = app.get("/api/v1/centers?q=%E2%80%AE", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "q");
    // Invisible-only values are blank.
    let r = create(json!({"name": "\u{200B}\u{200B}", "code": "\u{200B}", "center_id": center}));
    let mut fields = r.error_fields();
    fields.sort();
    assert_eq!(fields, vec!["code", "name"], "{}", r.text);
    // Codes differing only by case or by a zero-width space are the same code.
    let first = create(json!({"name": "Chi bộ 1", "code": "cb-01", "center_id": center}));
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.body["code"], "CB-01");
    for twin in ["CB-01", "Cb-01", "CB\u{200B}-01"] {
        let r = create(json!({"name": "Chi bộ 2", "code": twin, "center_id": center}));
        r.problem(409);
    }
    // External ids are NFC like every other text: the decomposed twin is the same id.
    let composed = "ĐB-Quảng-Xương-01";
    let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(composed).collect();
    assert_ne!(composed, decomposed);
    let r = create(
        json!({"name": "Chi bộ 3", "code": "CB-03", "center_id": center,
                          "external_id": composed}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let r = create(
        json!({"name": "Chi bộ 4", "code": "CB-04", "center_id": center,
                          "external_id": decomposed}),
    );
    r.problem(409);
    let query: String = url::form_urlencoded::byte_serialize(decomposed.as_bytes()).collect();
    let found = app.get(
        &format!("/api/v1/party-organizations?external_id={query}"),
        &admin,
    );
    assert_eq!(found.status, 200, "{}", found.text);
    assert_eq!(found.body["items"].as_array().unwrap().len(), 1);
}

#[test]
fn dates_and_list_parameters_outside_the_rules_are_refused() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    for date in ["0000-01-01", "9999-12-31", "1900-06-01"] {
        let r = app.post(
            "/api/v1/policies",
            &admin,
            &json!({"effective_from": date, "values": {}}),
        );
        assert!(
            r.error_fields().contains(&"effective_from".to_owned()),
            "{date}: {}",
            r.text
        );
    }
    // The audit log pages like every list: a bad offset or sort is a 400 naming it.
    let r = app.get("/api/v1/audit-log?offset=abc", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "offset");
    let r = app.get("/api/v1/audit-log?sort=username", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "sort");
    let all = app.get("/api/v1/audit-log?sort=-occurred_at&limit=3", &admin);
    assert_eq!(all.status, 200, "{}", all.text);
    let skipped = app.get("/api/v1/audit-log?offset=1&limit=2", &admin);
    assert_eq!(skipped.body["items"][0]["id"], all.body["items"][1]["id"]);
    // A plan cursor whose year is not a number is not a cursor of this API.
    use base64::Engine;
    let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(
        json!({"s": "year", "k": "abc", "i": "0192e4a0-0000-7000-8000-000000000000"}).to_string(),
    );
    let r = app.get(&format!("/api/v1/training-plans?cursor={forged}"), &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "cursor");
}

// ---- 7. headers ----

#[test]
fn security_headers_on_every_response() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    for (path, token) in [
        ("/healthz", None),
        ("/api/v1/nowhere", None),
        ("/api/v1/me", Some(admin.as_str())),
        ("/api/v1/users", Some(admin.as_str())),
        ("/docs/", None),
        ("/api/v1/openapi.json", None),
    ] {
        let r = app.request("GET", path, token, None, &[]);
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        if token.is_some() {
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
    }
    let docs = app.request("GET", "/docs/", None, None, &[]);
    assert_eq!(docs.status, 200);
    let csp = docs.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    // Swagger UI must work under it: no inline script in the page.
    assert!(
        !docs.text.contains("<script>") && !docs.text.contains("<script type=\"text/javascript\">"),
        "inline script in /docs/: {}",
        docs.text
    );
}

#[test]
fn refused_cors_requests_are_problem_documents() {
    let app = TestApp::spawn_with(|s| s.cors_origins = vec!["https://ok.example.vn".into()]);
    let preflight = |origin: &str| {
        app.request(
            "OPTIONS",
            "/api/v1/centers",
            None,
            None,
            &[("Origin", origin), ("Access-Control-Request-Method", "GET")],
        )
    };
    let ok = preflight("https://ok.example.vn");
    assert!(ok.status < 300, "{}: {}", ok.status, ok.text);
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("https://ok.example.vn")
    );
    let refused = preflight("https://evil.example");
    let problem = refused.problem(400);
    assert!(problem["detail"].as_str().unwrap().starts_with("CORS"));
    assert_eq!(refused.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn readiness_answers_within_a_second() {
    let app = TestApp::spawn();
    let started = Instant::now();
    let r = app.request("GET", "/readyz", None, None, &[]);
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(started.elapsed() < Duration::from_secs(2));
    if app.db.is_postgres() {
        // The database goes away: 503 at once, not after the pool's 5 s timeout.
        app.db.drop_postgres();
        let started = Instant::now();
        let r = app.request("GET", "/readyz", None, None, &[]);
        let took = started.elapsed();
        assert_eq!(r.status, 503, "{}", r.text);
        assert!(took < Duration::from_millis(1500), "took {took:?}");
    }
}
