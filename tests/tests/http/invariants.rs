//! Every uniqueness and count rule holds under concurrent requests, on both backends: the
//! database enforces it (unique indexes, guarded updates, row locks), not a check-then-insert.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};

const RACERS: usize = 8;

/// Sends the same request from `RACERS` threads at once and returns the responses.
fn race(app: &TestApp, token: &str, path: &str, body: &Value) -> Vec<Resp> {
    let barrier = std::sync::Barrier::new(RACERS);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..RACERS)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    app.post(path, token, body)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// Exactly one request created the record; every other one is a 409 problem.
fn exactly_one_created(results: &[Resp]) {
    let created = results.iter().filter(|r| r.status == 201).count();
    assert_eq!(
        created,
        1,
        "{:?}",
        results
            .iter()
            .map(|r| (r.status, &r.text))
            .collect::<Vec<_>>()
    );
    for r in results.iter().filter(|r| r.status != 201) {
        r.problem(409);
    }
}

#[test]
fn concurrent_creates_of_one_unique_record_make_one() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers = app.centers(&admin);
    let center = centers["406"]["id"].as_str().unwrap().to_owned();
    let district = centers["406"]["district_id"].as_str().unwrap().to_owned();
    app.create_user(&admin, "ca.race", "center_admin", &center);
    let ca = app.login("ca.race", "ca.race-password");

    // One plan per center and year.
    let plans = race(
        &app,
        &ca,
        "/api/v1/training-plans",
        &json!({"center_id": center, "year": 2030}),
    );
    exactly_one_created(&plans);
    // One party organization per code in a center.
    let pos = race(
        &app,
        &admin,
        "/api/v1/party-organizations",
        &json!({"name": "Chi bộ đua", "code": "RACE", "center_id": center}),
    );
    exactly_one_created(&pos);
    // One account per username.
    let province = app.province_id(&admin);
    let users = race(
        &app,
        &admin,
        "/api/v1/users",
        &json!({"username": "same.name", "display_name": "Trùng tên", "password": "same.name-password",
                "role": "province_viewer", "scope": province}),
    );
    exactly_one_created(&users);
    // One active approval grant per user and district.
    let ca_id = app.get("/api/v1/me", &ca).body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let grants = race(
        &app,
        &admin,
        "/api/v1/approval-grants",
        &json!({"user_id": ca_id, "district_id": district}),
    );
    exactly_one_created(&grants);
}

#[test]
fn concurrent_revisions_of_an_approved_plan_open_one() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&admin, "ca.rev", "center_admin", &center);
    let ca = app.login("ca.rev", "ca.rev-password");
    let program = app.get("/api/v1/programs", &ca).body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let plan = app.post(
        "/api/v1/training-plans",
        &ca,
        &json!({"center_id": center, "year": 2031}),
    );
    let id = plan.body["id"].as_str().unwrap().to_owned();
    let line = app.post(
        &format!("/api/v1/training-plans/{id}/lines"),
        &ca,
        &json!({"program_id": program, "planned_classes": 2, "planned_learners": 80}),
    );
    assert_eq!(line.status, 201, "{}", line.text);
    let committee = app.committee_of(&admin, &center);
    for (who, action, body) in [
        (&ca, "submit", json!({})),
        (&admin, "appraise", json!({})),
        (
            &committee,
            "approve",
            json!({"decision_number": "1-QĐ/HU", "decision_date": "2031-01-05"}),
        ),
    ] {
        let r = app.post(&format!("/api/v1/training-plans/{id}/{action}"), who, &body);
        assert_eq!(r.status, 200, "{action}: {}", r.text);
    }
    let revisions = race(
        &app,
        &ca,
        &format!("/api/v1/training-plans/{id}/revise"),
        &json!({}),
    );
    exactly_one_created(&revisions);
}
