//! `Idempotency-Key` on POST.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::json;

#[test]
fn the_same_key_and_body_replays_the_first_response_and_does_nothing_twice() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let a = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({"name": "Chi bộ Thôn 1", "code": "CB-T1", "center_id": a});
    let send = |key: &str, body: &serde_json::Value| {
        app.request(
            "POST",
            "/api/v1/party-organizations",
            Some(&admin),
            Some(body),
            &[("Idempotency-Key", key)],
        )
    };
    let first = send("k-001", &body);
    assert_eq!(first.status, 201, "{}", first.text);
    assert!(first.header("idempotent-replayed").is_none());
    let again = send("k-001", &body);
    assert_eq!(again.status, 201, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("etag"), first.header("etag"));
    assert_eq!(again.header("content-type"), Some("application/json"));
    let list = app.get(
        &format!("/api/v1/party-organizations?center_id={a}"),
        &admin,
    );
    assert_eq!(list.body["total"], 1, "created once");
    let audit = app.get("/api/v1/audit-log?entity=party_organization", &admin);
    assert_eq!(audit.body["total"], 1, "audited once");

    // The same key with another body is refused.
    let other = json!({"name": "Chi bộ Thôn 2", "code": "CB-T2", "center_id": a});
    let r = send("k-001", &other);
    assert_eq!(r.problem(422)["errors"][0]["field"], "Idempotency-Key");
    // A new key does the work.
    assert_eq!(send("k-002", &other).status, 201);
    // Without a key, a repeat is a new request (here a duplicate code: 409).
    app.post("/api/v1/party-organizations", &admin, &other)
        .problem(409);
    // A refused first request is replayed as refused, not retried.
    let bad = json!({"name": "", "code": "CB-X", "center_id": a});
    let first_bad = send("k-003", &bad);
    first_bad.problem(422);
    let replayed_bad = send("k-003", &bad);
    assert_eq!(replayed_bad.status, 422);
    assert_eq!(replayed_bad.header("idempotent-replayed"), Some("true"));
    // Malformed keys.
    let long = "x".repeat(256);
    assert_eq!(
        send(&long, &other).problem(400)["errors"][0]["field"],
        "Idempotency-Key"
    );
}

#[test]
fn keys_belong_to_their_caller() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    app.create_user(&admin, "ca.a", "center_admin", &a);
    let ca = app.login("ca.a", "ca.a-password");
    let body = json!({"name": "Chi bộ 5", "code": "CB-5", "center_id": a});
    let by_admin = app.request(
        "POST",
        "/api/v1/party-organizations",
        Some(&admin),
        Some(&body),
        &[("Idempotency-Key", "same")],
    );
    assert_eq!(by_admin.status, 201);
    // Another caller's identical key is not a replay of the admin's request.
    let by_ca = app.request(
        "POST",
        "/api/v1/party-organizations",
        Some(&ca),
        Some(&body),
        &[("Idempotency-Key", "same")],
    );
    by_ca.problem(409);
    assert!(by_ca.header("idempotent-replayed").is_none());
    // Unauthenticated requests are refused as usual, key or not.
    app.request(
        "POST",
        "/api/v1/party-organizations",
        None,
        Some(&body),
        &[("Idempotency-Key", "same")],
    )
    .problem(401);
}

#[test]
fn expired_keys_are_forgotten() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let a = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({"name": "Chi bộ 6", "code": "CB-6", "center_id": a});
    let send = || {
        app.request(
            "POST",
            "/api/v1/party-organizations",
            Some(&admin),
            Some(&body),
            &[("Idempotency-Key", "old")],
        )
    };
    assert_eq!(send().status, 201);
    // Age the key past 24 hours in the database rather than waiting.
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    {
        use centers_db::schema::idempotency_keys::dsl::*;
        use diesel::prelude::*;
        let old = centers_db::now() - chrono::Duration::hours(25);
        diesel::update(idempotency_keys)
            .set(created_at.eq(old))
            .execute(&mut conn)
            .unwrap();
    }
    // Now the request runs again (and meets the code it created the first time).
    send().problem(409);
}
