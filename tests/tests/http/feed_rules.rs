//! The change feed shows a caller exactly what `GET` shows them (issue 19), for every entity kind
//! and every role: an item is in a caller's feed only if the `GET` of its record succeeds for that
//! caller, and its `data` is what that `GET` answers — national ids masked, other lecturers'
//! work absent. On SQLite and (with `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{class_step_body, Resp, TestApp};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

fn id(r: &Resp) -> String {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body["id"].as_str().unwrap().to_owned()
}

fn ok(r: Resp) -> Resp {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r
}

/// The whole feed of a caller, oldest first.
fn feed(app: &TestApp, token: &str) -> Vec<Value> {
    let (mut after, mut all) = ("0".to_owned(), Vec::new());
    loop {
        let r = app.get(&format!("/api/v1/changes?after={after}&limit=50"), token);
        assert_eq!(r.status, 200, "{}", r.text);
        let items = r.body["items"].as_array().unwrap().clone();
        after = r.body["next_cursor"].as_str().unwrap().to_owned();
        if items.is_empty() {
            return all;
        }
        all.extend(items);
    }
}

/// What `GET` answers for the record of a feed item, as the caller: (status, body). Kinds with no
/// single-record endpoint (service clients, policy versions) are read from their list, which is
/// their `GET`.
fn get_of(app: &TestApp, token: &str, item: &Value) -> (u16, Value) {
    let (kind, id) = (
        item["entity"].as_str().unwrap(),
        item["id"].as_str().unwrap(),
    );
    // Kinds shown only in their list: the record as that list shows it.
    if let Some(list) = match kind {
        "service_client" => Some("/api/v1/clients?limit=500"),
        "policy_version" => Some("/api/v1/policies/versions?limit=500"),
        _ => None,
    } {
        assert!(item["href"].is_null(), "{kind} has no GET of its own");
        let r = app.get(list, token);
        if r.status != 200 {
            return (r.status, r.body);
        }
        return r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .map_or((404, Value::Null), |x| (200, x.clone()));
    }
    // Every other kind names its GET (`EntityKind::get_path`): the test follows it, so a new
    // kind is covered without editing this file.
    let path = item["href"]
        .as_str()
        .unwrap_or_else(|| panic!("a {kind} item without href: {item}"));
    let r = app.get(path, token);
    (r.status, r.body)
}

#[test]
fn every_feed_item_is_what_get_shows_the_same_caller_for_every_kind_and_role() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let province = app.province_id(&admin);
    let center_a = app.center_id(&admin, "406");
    let center_b = app.center_id(&admin, "380");
    let district_a = app
        .get(&format!("/api/v1/organizations/{center_a}"), &admin)
        .body["parent_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The tree: a commune-level unit opened and renamed under district A (seen by its center's
    // people only if it is in their scope: it is not), the district itself renamed.
    let ward = ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "subkind": "commune", "parent_id": district_a,
                "name": "Xã Quảng Hòa", "valid_from": "2020-01-01"}),
    ))
    .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(app.post(
        &format!("/api/v1/organizations/{ward}/rename"),
        &admin,
        &json!({"effective_from": "2024-01-01", "name": "Xã Quảng Hòa Mới"}),
    ));
    ok(app.post(
        &format!("/api/v1/organizations/{district_a}/rename"),
        &admin,
        &json!({"effective_from": "2026-01-01", "name": "Thị xã Quảng Xương", "subkind": "town"}),
    ));

    // Party organizations: one kept in each center, one changed and deleted (a tombstone).
    let po_a = app.create_party_org(&admin, &center_a, "CB-1", "Chi bộ thôn 1")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let po_b = app.create_party_org(&admin, &center_b, "CB-9", "Chi bộ thôn 9")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let gone = app.create_party_org(&admin, &center_a, "CB-2", "Chi bộ thôn 2")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(app.patch(
        &format!("/api/v1/party-organizations/{gone}"),
        &admin,
        &json!({"name": "Chi bộ thôn 2 (cũ)"}),
    ));
    let r = app.delete(&format!("/api/v1/party-organizations/{gone}"), &admin);
    assert_eq!(r.status, 204, "{}", r.text);

    // Accounts of every role, and service clients of both access levels.
    app.create_user(&admin, "viewer", "province_viewer", &province);
    app.create_user(&admin, "ca.a", "center_admin", &center_a);
    let ca_a2 = app.create_user(&admin, "ca.a2", "center_admin", &center_a);
    app.create_user(&admin, "ca.b", "center_admin", &center_b);
    let gv_a = app.create_user(&admin, "gv.a", "lecturer", &center_a);
    let gv_a2 = app.create_user(&admin, "gv.a2", "lecturer", &center_a);
    app.create_user(&admin, "po.a", "party_org", &po_a);
    let client_token = |access: &str, scope: &str| {
        let c = ok(app.post(
            "/api/v1/clients",
            &admin,
            &json!({"name": format!("Hệ thống {access}"), "scope": scope, "access": access}),
        ));
        let r = ok(app.post(
            "/api/v1/auth/token",
            "",
            &json!({"grant_type": "client_credentials", "client_id": c.body["id"],
                    "client_secret": c.body["client_secret"]}),
        ));
        r.body["access_token"].as_str().unwrap().to_owned()
    };
    let client_ro = client_token("read_only", &province);
    let client_rw = client_token("read_write", &center_a);
    let ca_a = app.login("ca.a", "ca.a-password");
    let ca_b = app.login("ca.b", "ca.b-password");

    // The catalogue and the policy.
    let programs = app.get("/api/v1/programs?limit=500", &admin).body["items"].clone();
    let program = programs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "party_admission")
        .unwrap()
        .clone();
    let topic = program["topics"][0]["id"].as_str().unwrap().to_owned();
    ok(app.post(
        "/api/v1/programs",
        &admin,
        &json!({"code": "digital_transformation", "name": "Bồi dưỡng chuyển đổi số",
                "category": "knowledge_update", "default_days": 2,
                "topics": [{"title": "Chuyển đổi số là gì", "periods": 4}]}),
    ));
    let policy = app.get("/api/v1/policies", &admin).body["values"].clone();
    ok(app.post(
        "/api/v1/policies",
        &admin,
        &json!({"effective_from": "2099-01-01", "values": policy, "note": "Thử"}),
    ));
    ok(app.post(
        "/api/v1/approval-grants",
        &admin,
        &json!({"user_id": ca_a2, "district_id": district_a}),
    ));

    // A plan with a line.
    let plan = id(&app.post(
        "/api/v1/training-plans",
        &ca_a,
        &json!({"center_id": center_a, "year": today.format("%Y").to_string().parse::<i32>().unwrap() + 1}),
    ));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/lines"),
        &ca_a,
        &json!({"program_id": program["id"], "planned_classes": 4, "planned_learners": 240,
                "quarter": 2}),
    ));

    // Two lecturers of center A with their accounts, one of center B.
    let lecturer = |token: &str, center: &str, name: &str| {
        id(&app.post(
            "/api/v1/lecturers",
            token,
            &json!({"organization_id": center, "kind": "full_time", "full_name": name,
                    "position": "lecturer"}),
        ))
    };
    let l1 = lecturer(&ca_a, &center_a, "Nguyễn Văn Hoa");
    let l2 = lecturer(&ca_a, &center_a, "Trần Thị Lan");
    lecturer(&ca_b, &center_b, "Lê Văn Bình");
    ok(app.patch(
        &format!("/api/v1/lecturers/{l1}"),
        &ca_a,
        &json!({"user_id": gv_a}),
    ));
    ok(app.patch(
        &format!("/api/v1/lecturers/{l2}"),
        &ca_a,
        &json!({"user_id": gv_a2}),
    ));
    let gv_a = app.login("gv.a", "gv.a-password");
    let gv_a2 = app.login("gv.a2", "gv.a2-password");

    // Each lecturer's lesson plan, approved; one draft of the first lecturer's own.
    for l in [&l1, &l2] {
        let p = id(&app.post(
            "/api/v1/lesson-plans",
            &ca_a,
            &json!({"lecturer_id": l, "topic_id": topic, "title": "Bài 1",
                    "outline": "Đề cương riêng"}),
        ));
        for step in ["submit", "appraise", "approve"] {
            ok(app.post(
                &format!("/api/v1/lesson-plans/{p}/{step}"),
                &ca_a,
                &json!({}),
            ));
        }
    }

    // A class with two learners (national ids), taught by both lecturers today.
    let class = id(&app.post(
        "/api/v1/classes",
        &ca_a,
        &json!({"center_id": center_a, "program_id": program["id"], "code": "KN-01",
                "name": "Lớp KN-01", "mode": "concentrated", "start_date": today,
                "end_date": today, "capacity": 30}),
    ));
    ok(app.post(
        &format!("/api/v1/classes/{class}/open"),
        &ca_a,
        &class_step_body("open"),
    ));
    let enrollments: Vec<String> = ["035623012383", "035623012384"]
        .iter()
        .enumerate()
        .map(|(i, national_id)| {
            let learner = id(&app.post(
                "/api/v1/learners",
                &ca_a,
                &json!({"party_organization_id": po_a, "full_name": format!("Lê Thị Mai {i}"),
                        "birth_date": "1995-04-12", "gender": "female",
                        "party_status": "non_member", "national_id": national_id}),
            ));
            let e = id(&app.post(
                &format!("/api/v1/classes/{class}/nominations"),
                &ca_a,
                &json!({"learner_id": learner}),
            ));
            for step in ["approve", "enroll"] {
                ok(app.post(
                    &format!("/api/v1/enrollments/{e}/{step}"),
                    &ca_a,
                    &json!({}),
                ));
            }
            e
        })
        .collect();
    id(&app.post(
        "/api/v1/learners",
        &ca_b,
        &json!({"party_organization_id": po_b, "full_name": "Phạm Văn Nam",
                "birth_date": "1990-01-02", "gender": "male", "party_status": "non_member",
                "national_id": "038090001234"}),
    ));
    ok(app.post(&format!("/api/v1/classes/{class}/start"), &ca_a, &json!({})));
    let session = |l: &str, start: &str| {
        let s = id(&app.post(
            &format!("/api/v1/classes/{class}/sessions"),
            &ca_a,
            &json!({"session_date": today, "start_time": start, "periods": 4,
                    "topic_id": topic, "lecturer_id": l}),
        ));
        ok(app.post(&format!("/api/v1/sessions/{s}/teach"), &ca_a, &json!({})));
        s
    };
    let s1 = session(&l1, "07:30");
    let s2 = session(&l2, "13:30");
    let records: Vec<Value> = enrollments
        .iter()
        .map(|e| json!({"enrollment_id": e, "status": "present"}))
        .collect();
    for s in [&s1, &s2] {
        ok(app.request(
            "PUT",
            &format!("/api/v1/sessions/{s}/attendance"),
            Some(&ca_a),
            Some(&json!({"records": records})),
            &[],
        ));
    }
    // The second lecturer visits the first one's session; each lecturer records an activity.
    ok(app.post(
        &format!("/api/v1/sessions/{s1}/visits"),
        &ca_a,
        &json!({"observer_id": l2, "scores": {"content": 9, "method": 8.5,
                "theory_practice": 8, "it_use": 7, "time_management": 9}}),
    ));
    for (l, token) in [(&l1, &gv_a), (&l2, &gv_a2)] {
        ok(app.post(
            &format!("/api/v1/lecturers/{l}/activities"),
            token,
            &json!({"kind": "fieldwork", "activity_date": today, "hours": 4}),
        ));
    }
    for e in &enrollments {
        ok(app.request(
            "PUT",
            &format!("/api/v1/enrollments/{e}/result"),
            Some(&ca_a),
            Some(&json!({"score": 8, "conduct": "good"})),
            &[],
        ));
    }
    ok(app.post(
        &format!("/api/v1/classes/{class}/complete"),
        &ca_a,
        &class_step_body("complete"),
    ));
    ok(app.post(
        &format!("/api/v1/enrollments/{}/certificate", enrollments[0]),
        &ca_a,
        &json!({"issue_date": today, "signer": "Giám đốc Trung tâm"}),
    ));

    let callers = [
        ("province_admin", admin.clone()),
        ("province_viewer", app.login("viewer", "viewer-password")),
        ("center_admin A", ca_a.clone()),
        ("center_admin B", ca_b.clone()),
        ("lecturer 1", gv_a.clone()),
        ("lecturer 2", gv_a2.clone()),
        ("party_org", app.login("po.a", "po.a-password")),
        ("committee A", app.committee_of(&admin, &center_a)),
        ("oversight", {
            app.create_user(&admin, "oversight", "oversight", &province);
            app.login("oversight", "oversight-password")
        }),
        ("client read_only", client_ro),
        ("client read_write", client_rw),
    ];
    let mut kinds_seen = BTreeSet::new();
    let mut compared = 0;
    for (role, token) in &callers {
        // The latest change of each record: its data is what GET shows now.
        let mut latest: BTreeMap<(String, String), Value> = BTreeMap::new();
        for item in feed(&app, token) {
            let key = (
                item["entity"].as_str().unwrap().to_owned(),
                item["id"].as_str().unwrap().to_owned(),
            );
            latest.insert(key, item);
        }
        for ((kind, record), item) in &latest {
            kinds_seen.insert(kind.clone());
            if item["op"] == "delete" {
                // A tombstone: the record is gone for everybody; its keys are natural keys only.
                assert!(item["data"].is_null(), "{role}: {item}");
                continue;
            }
            let (status, body) = get_of(&app, token, item);
            assert_eq!(
                status, 200,
                "{role} follows {kind} {record} in the feed but GET answers {status}: {body}"
            );
            assert_eq!(
                item["data"], body,
                "{role}: the feed's {kind} {record} differs from what GET shows"
            );
            compared += 1;
        }
    }
    // Every kind a write can produce was checked: a new kind fails here until the scenario
    // above writes one.
    let expected: BTreeSet<String> = centers_domain::changes::EntityKind::ALL
        .iter()
        .filter(|k| k.in_feed())
        .map(|k| k.as_str().to_owned())
        .collect();
    assert_eq!(kinds_seen, expected);
    assert!(compared > 100, "{compared} items compared");

    // The two leaks of the probe, named: a lecturer's feed holds no other lecturer's lesson plan
    // or session, and nobody but admins reads a whole national id from it.
    let lecturer_feed = feed(&app, &gv_a);
    for item in &lecturer_feed {
        if ["lesson_plan", "class_session", "lecturer_activity"]
            .contains(&item["entity"].as_str().unwrap())
        {
            assert_eq!(item["data"]["lecturer_id"], l1.as_str(), "{item}");
        }
    }
    assert!(lecturer_feed.iter().any(|i| i["entity"] == "lesson_plan"));
    for (role, token) in &callers[1..] {
        let text = feed(&app, token)
            .iter()
            .map(Value::to_string)
            .collect::<String>();
        let whole = role.starts_with("center_admin");
        for national_id in ["035623012383", "038090001234"] {
            assert!(
                !text.contains(national_id) || whole,
                "{role} reads the whole national id {national_id} in the feed"
            );
        }
    }
    let masked = feed(&app, &gv_a)
        .into_iter()
        .find(|i| i["entity"] == "learner")
        .unwrap();
    assert_eq!(masked["data"]["national_id"], "********2383");
}
