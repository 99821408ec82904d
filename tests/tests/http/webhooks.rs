//! Webhooks: subscriptions are their owners', deliveries follow the owner's change feed in order,
//! signed; failures are retried, then paused; 410 ends; internal addresses are refused; two
//! instances on one PostgreSQL deliver each change once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_api::webhook_signature::{verify, WebhookSecret};
use centers_tests::TestApp;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request a receiver got.
#[derive(Debug, Clone)]
struct Received {
    path: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
    fn id(&self) -> &str {
        &self.headers["webhook-id"]
    }
}

/// A webhook receiver on a port of its own: records every request and answers with the next
/// status of its script (200 when the script is empty).
struct Receiver {
    url: String,
    port: u16,
    got: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<VecDeque<u16>>>,
}

impl Receiver {
    fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let got = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::new()));
        let (got2, script2) = (Arc::clone(&got), Arc::clone(&script));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
                let mut headers = HashMap::new();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                        break;
                    }
                    if let Some((k, v)) = h.split_once(':') {
                        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
                    }
                }
                let len: usize = headers
                    .get("content-length")
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; len];
                if reader.read_exact(&mut body).is_err() {
                    continue;
                }
                got2.lock().unwrap().push(Received {
                    path,
                    headers,
                    body,
                });
                let status = script2.lock().unwrap().pop_front().unwrap_or(200);
                let extra = if status == 302 {
                    format!("Location: http://127.0.0.1:{port}/redirected\r\n")
                } else {
                    String::new()
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\n{extra}Content-Length: 2\r\nConnection: close\r\n\r\nok"
                );
            }
        });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hooks/centers"),
            port,
            got,
            script,
        }
    }

    fn then_answer(&self, statuses: &[u16]) {
        self.script.lock().unwrap().extend(statuses);
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until `done` holds of what arrived (at most 30 s).
    fn wait_for(&self, what: &str, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let got = self.received();
            if done(&got) {
                return got;
            }
            assert!(Instant::now() < deadline, "waited for {what}; got {got:#?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A server that delivers quickly and may call 127.0.0.1 (the receivers).
fn spawn_fast() -> TestApp {
    TestApp::spawn_with(|s| {
        s.webhook_poll = Duration::from_millis(100);
        s.webhook_retry.base = Duration::from_millis(200);
        s.webhook_allow_private = vec!["127.0.0.1/32".parse().unwrap()];
    })
}

/// Two open centers' ids.
fn two_centers(app: &TestApp, admin: &str) -> (String, String) {
    let mut open: Vec<String> = app
        .centers(admin)
        .values()
        .filter(|c| c["valid_to"].is_null())
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    open.sort();
    (open[0].clone(), open[1].clone())
}

fn wait_until(
    app: &TestApp,
    token: &str,
    path: &str,
    what: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let r = app.request(
            "GET",
            path,
            Some(token),
            None,
            &[("Cache-Control", "no-cache")],
        );
        assert_eq!(r.status, 200, "{}", r.text);
        if done(&r.body) {
            return r.body;
        }
        assert!(Instant::now() < deadline, "waited for {what}: {}", r.text);
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn subscribe(app: &TestApp, token: &str, url: &str, kinds: Value) -> (String, String) {
    let r = app.post(
        "/api/v1/webhooks",
        token,
        &json!({"url": url, "description": "Hệ thống Huyện ủy", "entity_types": kinds}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    (
        r.body["id"].as_str().unwrap().to_owned(),
        r.body["secret"].as_str().unwrap().to_owned(),
    )
}

fn check_signature(secret: &str, r: &Received) {
    let key = WebhookSecret::parse(secret).unwrap();
    let now = chrono::Utc::now().timestamp();
    verify(
        &key,
        r.id(),
        &r.headers["webhook-timestamp"],
        &r.headers["webhook-signature"],
        &r.body,
        now,
        300,
    )
    .unwrap_or_else(|e| panic!("signature of {} does not verify: {e:?}", r.id()));
}

#[test]
fn a_subscription_is_its_owners_and_gets_what_the_owner_reads_in_order_signed() {
    let app = spawn_fast();
    let receiver = Receiver::start();
    let admin = app.admin_token();
    let (center_a, center_b) = two_centers(&app, &admin);
    app.create_user(&admin, "hook_admin_a", "center_admin", &center_a);
    let owner = app.login("hook_admin_a", "hook_admin_a-password");
    app.create_user(&admin, "hook_lecturer", "lecturer", &center_a);
    let lecturer = app.login("hook_lecturer", "hook_lecturer-password");

    // Who may subscribe, and what is shown.
    let r = app.post("/api/v1/webhooks", &lecturer, &json!({"url": receiver.url}));
    assert_eq!(r.status, 403, "{}", r.text);
    let (id, secret) = subscribe(&app, &owner, &receiver.url, json!(["party_organization"]));
    assert!(secret.starts_with("whsec_"), "{secret}");
    let got = app.get(&format!("/api/v1/webhooks/{id}"), &owner);
    assert_eq!(got.status, 200, "{}", got.text);
    assert!(
        got.body.get("secret").is_none(),
        "the secret is shown once: {}",
        got.text
    );
    assert!(!got.text.contains(&secret));
    assert_eq!(got.body["entity_types"], json!(["party_organization"]));
    assert_eq!(got.body["status"], "active");
    assert_eq!(
        app.get(&format!("/api/v1/webhooks/{id}"), &admin).status,
        404
    );
    assert_eq!(app.get("/api/v1/webhooks", &admin).body["items"], json!([]));
    assert_eq!(
        app.get("/api/v1/webhooks", &owner).body["items"][0]["id"],
        json!(id)
    );
    let r = app.post(
        "/api/v1/webhooks",
        &owner,
        &json!({"url": "ftp://example.vn/x"}),
    );
    assert_eq!(r.status, 422, "{}", r.text);
    assert_eq!(r.error_fields(), vec!["url"]);
    let r = app.post(
        "/api/v1/webhooks",
        &owner,
        &json!({"url": receiver.url, "entity_types": ["service_client"]}),
    );
    assert_eq!(
        r.status, 422,
        "a center admin does not read service clients: {}",
        r.text
    );

    // Writes in both centers; only center A's party organizations reach the owner's receiver.
    for i in 0..3 {
        app.create_party_org(
            &admin,
            &center_a,
            &format!("HA{i}"),
            &format!("Chi bộ A {i}"),
        );
        app.create_party_org(
            &admin,
            &center_b,
            &format!("HB{i}"),
            &format!("Chi bộ B {i}"),
        );
    }
    let got = receiver.wait_for("three deliveries", |g| g.len() >= 3);
    std::thread::sleep(Duration::from_millis(500));
    let got_now = receiver.received();
    assert_eq!(got_now.len(), 3, "only center A's: {got_now:#?}");
    let seqs: Vec<i64> = got.iter().map(|r| r.id().parse().unwrap()).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "in seq order: {seqs:?}"
    );
    for r in &got {
        check_signature(&secret, r);
        assert_eq!(r.path, "/hooks/centers");
        assert_eq!(r.headers["content-type"], "application/json");
        let body = r.json();
        assert_eq!(body["entity"], "party_organization");
        assert_eq!(body["seq"].as_i64().unwrap().to_string(), r.id());
    }
    // Each payload is the owner's change-feed item, byte for byte as JSON.
    let feed = app.get(
        &format!(
            "/api/v1/changes?after={}&types=party_organization",
            seqs[0] - 1
        ),
        &owner,
    );
    let items = feed.body["items"].as_array().unwrap();
    let bodies: Vec<Value> = got.iter().map(Received::json).collect();
    assert_eq!(&bodies, items, "the payloads are the owner's feed");
    // The attempts are listed, paged.
    let deliveries = app.get(&format!("/api/v1/webhooks/{id}/deliveries?limit=2"), &owner);
    assert_eq!(deliveries.status, 200, "{}", deliveries.text);
    assert_eq!(deliveries.body["total"], 3);
    assert_eq!(deliveries.body["items"].as_array().unwrap().len(), 2);
    assert!(deliveries.body["next_cursor"].is_string());
    let first = &deliveries.body["items"][0];
    assert_eq!(first["succeeded"], true);
    assert_eq!(first["status_code"], 200);
    assert_eq!(first["kind"], "event");
    assert_eq!(
        app.get(&format!("/api/v1/webhooks/{id}/deliveries"), &admin)
            .status,
        404,
        "another account's subscription is not found"
    );
    let hook = app.get(&format!("/api/v1/webhooks/{id}"), &owner);
    // Past the last change delivered; changes the owner may not read are skipped over.
    let cursor: i64 = hook.body["cursor"].as_str().unwrap().parse().unwrap();
    assert!(cursor >= seqs[2], "{}", hook.text);

    // Deleting: gone, and no longer called.
    let r = app.delete(&format!("/api/v1/webhooks/{id}"), &owner);
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(
        app.get(&format!("/api/v1/webhooks/{id}"), &owner).status,
        404
    );
    app.create_party_org(&admin, &center_a, "HA9", "Chi bộ A 9");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(receiver.received().len(), 3);
}

#[test]
fn failures_are_retried_in_order_then_the_subscription_pauses_resumes_and_410_ends_it() {
    let app = TestApp::spawn_with(|s| {
        s.webhook_poll = Duration::from_millis(100);
        s.webhook_retry.base = Duration::from_millis(200);
        s.webhook_retry.give_up_after = Duration::from_secs(2);
        s.webhook_allow_private = vec!["127.0.0.1/32".parse().unwrap()];
    });
    let receiver = Receiver::start();
    let admin = app.admin_token();
    let (center_a, _) = two_centers(&app, &admin);
    let (id, secret) = subscribe(&app, &admin, &receiver.url, json!([]));
    receiver.then_answer(&[500, 503]);
    app.create_party_org(&admin, &center_a, "R1", "Chi bộ R1");
    app.create_party_org(&admin, &center_a, "R2", "Chi bộ R2");
    let got = receiver.wait_for("two changes delivered after two failures", |g| g.len() >= 4);
    let ids: Vec<&str> = got.iter().map(Received::id).collect();
    assert_eq!(ids[0], ids[1], "the first change is tried again: {ids:?}");
    assert_eq!(
        ids[1], ids[2],
        "and again, before any later change: {ids:?}"
    );
    assert!(ids[3].parse::<i64>().unwrap() > ids[2].parse::<i64>().unwrap());
    for r in &got {
        check_signature(&secret, r);
    }
    let d = app.get(
        &format!("/api/v1/webhooks/{id}/deliveries?sort=created"),
        &admin,
    );
    let attempts: Vec<(i64, i64, bool)> = d.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["attempt"].as_i64().unwrap(),
                a["status_code"].as_i64().unwrap(),
                a["succeeded"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        &attempts[..4],
        &[
            (1, 500, false),
            (2, 503, false),
            (3, 200, true),
            (1, 200, true)
        ],
        "{}",
        d.text
    );
    assert!(
        d.body["items"][0]["next_retry_at"].is_string(),
        "{}",
        d.text
    );

    // Failing past the retry period: marked failing, paused, with the reason.
    receiver.then_answer(&[500; 200]);
    app.create_party_org(&admin, &center_a, "R3", "Chi bộ R3");
    let hook = wait_until(
        &app,
        &admin,
        &format!("/api/v1/webhooks/{id}"),
        "failing",
        |h| h["status"] == "failing",
    );
    assert!(
        hook["status_reason"].as_str().unwrap().contains("failed"),
        "{hook}"
    );
    let tries = receiver.received().len();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        receiver.received().len(),
        tries,
        "a failing subscription is not called"
    );
    // Resumed: the change that failed is delivered, then the next.
    receiver.script.lock().unwrap().clear();
    let r = app.patch(
        &format!("/api/v1/webhooks/{id}"),
        &admin,
        &json!({"status": "active"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["attempts"], 0);
    let got = receiver.wait_for("the failed change after resuming", |g| {
        g.len() > tries && g.last().unwrap().json()["data"]["code"] == "R3"
    });
    assert_eq!(got.len(), tries + 1, "delivered once after resuming");

    // Paused by the owner: not called; 410 from the receiver ends it for good.
    let r = app.patch(
        &format!("/api/v1/webhooks/{id}"),
        &admin,
        &json!({"status": "paused"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let before = receiver.received().len();
    app.create_party_org(&admin, &center_a, "R4", "Chi bộ R4");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        receiver.received().len(),
        before,
        "a paused subscription is not called"
    );
    receiver.then_answer(&[410]);
    let r = app.patch(
        &format!("/api/v1/webhooks/{id}"),
        &admin,
        &json!({"status": "active"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let hook = wait_until(
        &app,
        &admin,
        &format!("/api/v1/webhooks/{id}"),
        "ended",
        |h| h["status"] == "ended",
    );
    assert!(
        hook["status_reason"].as_str().unwrap().contains("410"),
        "{hook}"
    );
    let r = app.patch(
        &format!("/api/v1/webhooks/{id}"),
        &admin,
        &json!({"status": "active"}),
    );
    assert_eq!(
        r.status, 409,
        "an ended subscription stays ended: {}",
        r.text
    );
}

#[test]
fn internal_addresses_are_never_called_unless_allowed_and_redirects_are_not_followed() {
    let app = TestApp::spawn_with(|s| {
        s.webhook_poll = Duration::from_millis(100);
        s.webhook_retry.base = Duration::from_millis(200);
    });
    let receiver = Receiver::start();
    let admin = app.admin_token();
    let (center_a, _) = two_centers(&app, &admin);
    // A literal internal address is refused when given.
    for url in [
        receiver.url.clone(),
        "http://169.254.169.254/latest/meta-data".to_owned(),
        "http://[::1]:9/x".to_owned(),
        "http://10.0.0.7/x".to_owned(),
    ] {
        let r = app.post("/api/v1/webhooks", &admin, &json!({ "url": url }));
        assert_eq!(r.status, 422, "{url}: {}", r.text);
        assert_eq!(r.error_fields(), vec!["url"]);
        assert!(r.text.contains("internal address"), "{}", r.text);
    }
    // A name is checked where it resolves, at each delivery: localhost is never called.
    let by_name = format!("http://localhost:{}/hooks", receiver.port);
    let (id, _) = subscribe(&app, &admin, &by_name, json!([]));
    app.create_party_org(&admin, &center_a, "I1", "Chi bộ I1");
    let d = wait_until(
        &app,
        &admin,
        &format!("/api/v1/webhooks/{id}/deliveries"),
        "a refused attempt",
        |b| b["items"].as_array().is_some_and(|i| !i.is_empty()),
    );
    let attempt = &d["items"][0];
    assert_eq!(attempt["succeeded"], false);
    assert!(attempt["status_code"].is_null(), "{attempt}");
    assert!(
        attempt["error"]
            .as_str()
            .unwrap()
            .contains("internal address"),
        "{attempt}"
    );
    let r = app.post(&format!("/api/v1/webhooks/{id}/test"), &admin, &json!({}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["succeeded"], false);
    assert!(
        receiver.received().is_empty(),
        "nothing reached the receiver"
    );
}

#[test]
fn tests_redeliveries_and_a_rotated_secret_with_its_overlap() {
    let app = spawn_fast();
    let receiver = Receiver::start();
    let admin = app.admin_token();
    let (center_a, _) = two_centers(&app, &admin);
    let (id, secret) = subscribe(&app, &admin, &receiver.url, json!(["party_organization"]));
    // A test call, signed, recorded.
    let r = app.post(&format!("/api/v1/webhooks/{id}/test"), &admin, &json!({}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["succeeded"], true, "{}", r.text);
    assert_eq!(r.body["kind"], "test");
    let got = receiver.wait_for("the test", |g| !g.is_empty());
    assert!(got[0].id().starts_with("test_"), "{}", got[0].id());
    assert_eq!(got[0].json()["type"], "webhook.test");
    check_signature(&secret, &got[0]);
    // A redirect is an answer that fails, not a place to go.
    receiver.then_answer(&[302]);
    app.create_party_org(&admin, &center_a, "T1", "Chi bộ T1");
    let got = receiver.wait_for("the change, then its retry", |g| g.len() >= 3);
    assert!(
        got.iter().all(|r| r.path == "/hooks/centers"),
        "no request to /redirected: {got:#?}"
    );
    let d = app.get(
        &format!("/api/v1/webhooks/{id}/deliveries?sort=created"),
        &admin,
    );
    let event = d.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "event" && a["status_code"] == 302)
        .unwrap_or_else(|| panic!("{}", d.text))
        .clone();
    assert_eq!(event["succeeded"], false);
    // Redelivered on demand: the same message id, the change as the owner reads it now.
    let r = app.post(
        &format!(
            "/api/v1/webhooks/{id}/deliveries/{}/redeliver",
            event["id"].as_str().unwrap()
        ),
        &admin,
        &json!({}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["kind"], "redelivery");
    assert_eq!(r.body["succeeded"], true);
    let got = receiver.wait_for("the redelivery", |g| g.len() >= 4);
    assert_eq!(got[3].id(), event["message_id"].as_str().unwrap());
    // A rotation: the new secret shown once; both sign during the overlap.
    let r = app.post(
        &format!("/api/v1/webhooks/{id}/rotate-secret"),
        &admin,
        &json!({"overlap_seconds": 3600}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let new_secret = r.body["secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    assert!(r.body["previous_secret_expires_at"].is_string());
    app.create_party_org(&admin, &center_a, "T2", "Chi bộ T2");
    let got = receiver.wait_for("a change after the rotation", |g| g.len() >= 5);
    let last = got.last().unwrap();
    assert_eq!(last.headers["webhook-signature"].split(' ').count(), 2);
    check_signature(&secret, last);
    check_signature(&new_secret, last);
    // Without an overlap only the new secret signs.
    let r = app.post(
        &format!("/api/v1/webhooks/{id}/rotate-secret"),
        &admin,
        &json!({"overlap_seconds": 0}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let newest = r.body["secret"].as_str().unwrap().to_owned();
    app.create_party_org(&admin, &center_a, "T3", "Chi bộ T3");
    let got = receiver.wait_for("a change after the second rotation", |g| g.len() >= 6);
    let last = got.last().unwrap();
    assert_eq!(last.headers["webhook-signature"].split(' ').count(), 1);
    check_signature(&newest, last);
    let r = app.post(
        &format!("/api/v1/webhooks/{id}/rotate-secret"),
        &admin,
        &json!({"overlap_seconds": 999_999}),
    );
    assert_eq!(r.status, 422, "{}", r.text);
    // The body is optional, but one that is there must be JSON.
    let rotate = format!("/api/v1/webhooks/{id}/rotate-secret");
    let r = app.raw(
        "POST",
        &rotate,
        Some(&admin),
        Some(("application/json", "{\u{1e}")),
        &[],
    );
    assert_eq!(r.status, 400, "{}", r.text);
    let r = app.raw("POST", &rotate, Some(&admin), None, &[]);
    assert_eq!(r.status, 200, "no body: the default overlap: {}", r.text);
    assert!(
        r.body["previous_secret_expires_at"].is_string(),
        "{}",
        r.text
    );
}

#[test]
fn two_instances_on_one_postgresql_deliver_each_change_once() {
    let first = spawn_fast();
    if !first.db.is_postgres() {
        eprintln!("skipped: several instances share one PostgreSQL database; SQLite serves one");
        return;
    }
    let second = TestApp::spawn_on(first.db.share(), first.database_url.clone(), |s| {
        s.webhook_poll = Duration::from_millis(100);
        s.webhook_retry.base = Duration::from_millis(200);
        s.webhook_allow_private = vec!["127.0.0.1/32".parse().unwrap()];
    });
    let receivers: Vec<Receiver> = (0..3).map(|_| Receiver::start()).collect();
    let admin = first.admin_token();
    let (center_a, center_b) = two_centers(&first, &admin);
    let hooks: Vec<String> = receivers
        .iter()
        .map(|r| subscribe(&first, &admin, &r.url, json!(["party_organization"])).0)
        .collect();
    let from = first
        .get(&format!("/api/v1/webhooks/{}", hooks[0]), &admin)
        .body["cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    // Writers through both instances at once.
    let n = 40;
    std::thread::scope(|scope| {
        for (k, app) in [&first, &second].into_iter().enumerate() {
            let (admin, a, b) = (admin.clone(), center_a.clone(), center_b.clone());
            scope.spawn(move || {
                for i in 0..n / 2 {
                    let center = if i % 2 == 0 { &a } else { &b };
                    app.create_party_org(
                        &admin,
                        center,
                        &format!("M{k}-{i}"),
                        &format!("Chi bộ M{k} {i}"),
                    );
                }
            });
        }
    });
    let feed = first.get(
        &format!("/api/v1/changes?after={from}&types=party_organization&limit=500"),
        &admin,
    );
    let expected: Vec<String> = feed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["seq"].as_i64().unwrap().to_string())
        .collect();
    assert_eq!(expected.len(), n);
    for r in &receivers {
        r.wait_for("every change", |g| g.len() >= n);
    }
    std::thread::sleep(Duration::from_millis(800));
    for r in &receivers {
        let ids: Vec<String> = r.received().iter().map(|x| x.id().to_owned()).collect();
        assert_eq!(ids, expected, "each change once, in order, no gap");
    }
}
