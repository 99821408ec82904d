//! What the served contract promises and the fuzzer found missing: HTTP semantics (405 + Allow,
//! HEAD, If-Match → 412), parsing rules (control characters, integral numbers, empty parameters),
//! PATCH semantics, and the province never losing its last administrator — also under a race.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::json;

#[test]
fn methods_head_and_preconditions() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    // 405 names what the path allows.
    let r = app.request("PUT", "/api/v1/centers", Some(&admin), None, &[]);
    r.problem(405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    let r = app.request("DELETE", "/api/v1/training-plans", Some(&admin), None, &[]);
    assert_eq!(r.header("allow"), Some("GET, HEAD, POST"));
    // HEAD is GET without a body.
    let head = app.request("HEAD", "/api/v1/centers", Some(&admin), None, &[]);
    assert_eq!(head.status, 200);
    assert!(head.text.is_empty());
    // If-Match with a tag this API never issued, or a list without the current one: 412.
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let po = app.create_party_org(&admin, &center, "IFM", "Chi bộ If-Match");
    let path = format!("/api/v1/party-organizations/{}", po["id"].as_str().unwrap());
    for tag in ["\"definitely-stale\"", "\"7\", \"8\"", "garbage"] {
        let r = app.request(
            "PATCH",
            &path,
            Some(&admin),
            Some(&json!({"name": "Chi bộ mới"})),
            &[("If-Match", tag)],
        );
        r.problem(412);
    }
    let ok = app.request(
        "PATCH",
        &path,
        Some(&admin),
        Some(&json!({"name": "Chi bộ mới"})),
        &[("If-Match", "\"9\", \"1\"")],
    );
    assert_eq!(ok.status, 200, "{}", ok.text);
}

#[test]
fn parsing_rules_for_every_text_and_number() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    // NUL and other control characters: 400 naming the field, in bodies and query strings.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "a\u{0}b", "password": "x"})),
        &[],
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "username");
    assert!(!r.text.contains('\u{0}'), "never echoed back");
    let r = app.get("/api/v1/centers?q=%00", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "q");
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": "Chi bộ\u{1b}", "code": "X", "center_id": center}),
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "name");
    // Line feeds and tabs are text.
    let r = app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": "Chi bộ\tThôn 1", "code": "T1", "center_id": center}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    // 2040.0 is an integer (JSON Schema says so).
    let r = app.post(
        "/api/v1/training-plans",
        &admin,
        &json!({"center_id": center, "year": 2040.0}),
    );
    assert_ne!(r.status, 400, "{}", r.text);
    // An empty parameter is not an absent one.
    for query in ["as_of=", "center_id="] {
        let r = app.get(&format!("/api/v1/party-organizations?{query}"), &admin);
        r.problem(400);
    }
    app.get("/api/v1/training-plans?as_of=", &admin)
        .problem(400);
}

#[test]
fn patch_absent_keeps_and_null_clears() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&admin, "ca.patch", "center_admin", &center);
    let ca = app.login("ca.patch", "ca.patch-password");
    let plan = app.post(
        "/api/v1/training-plans",
        &ca,
        &json!({"center_id": center, "year": 2027, "note": "Ghi chú"}),
    );
    assert_eq!(plan.status, 201, "{}", plan.text);
    let path = format!(
        "/api/v1/training-plans/{}",
        plan.body["id"].as_str().unwrap()
    );
    let kept = app.patch(&path, &ca, &json!({}));
    assert_eq!(kept.body["note"], "Ghi chú", "{}", kept.text);
    let cleared = app.patch(&path, &ca, &json!({"note": null}));
    assert!(cleared.body["note"].is_null(), "{}", cleared.text);
}

#[test]
fn the_last_active_province_admin_stays() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let me = app.get("/api/v1/me", &admin).body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Alone: cannot be demoted (deactivating oneself is refused anyway).
    let r = app.patch(
        &format!("/api/v1/users/{me}"),
        &admin,
        &json!({"role": "province_viewer"}),
    );
    assert_eq!(r.problem(409)["status"], 409);
    // Two admins deactivating each other at once: exactly one stays active.
    for round in 0..3 {
        let second_name = format!("admin.two{round}");
        let second = app.create_user(&admin, &second_name, "province_admin", &province);
        let second_token = app.login(&second_name, &format!("{second_name}-password"));
        let results = std::thread::scope(|s| {
            let a = s.spawn(|| {
                app.post(
                    &format!("/api/v1/users/{second}/deactivate"),
                    &admin,
                    &json!({}),
                )
            });
            let b = s.spawn(|| {
                app.post(
                    &format!("/api/v1/users/{me}/deactivate"),
                    &second_token,
                    &json!({}),
                )
            });
            [a.join().unwrap(), b.join().unwrap()]
        });
        let done = results.iter().filter(|r| r.status == 200).count();
        assert_eq!(
            done,
            1,
            "{:?}",
            results.iter().map(|r| &r.text).collect::<Vec<_>>()
        );
        let users = app
            .db_pool()
            .get()
            .map(|mut conn| {
                centers_db::identity::lock_active_province_admins(
                    &mut conn,
                    province.parse::<uuid::Uuid>().unwrap().into(),
                )
                .unwrap()
            })
            .unwrap();
        assert_eq!(users.len(), 1, "round {round}");
        if results[1].status == 200 {
            // The first admin was the one deactivated: the test goes on with the other.
            return;
        }
    }
}
