//! The 2025 reorganization, end to end (issue 21): on the 2019 demo data, the province records
//! that the district level ended on 30 June 2025 — every district-level unit closes, its center
//! moves under a branch of the provincial school or a new ward from 1 July — and every report
//! about 2019 is byte for byte what it was; plans and classes after 1 July go to the new units.
//! On SQLite and (with `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_db::demo::{DemoOptions, Quiet};
use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};

/// The reports about 2019, as JSON and as the CSV the province downloads.
const REPORTS: [&str; 10] = [
    "/api/v1/reports/summary?from=2019&to=2019",
    "/api/v1/reports/summary?from=2019&to=2019&group_by=center,program",
    "/api/v1/reports/coverage?from=2019&term=2020-2025",
    "/api/v1/reports/plans?year=2019",
    "/api/v1/reports/plan-fulfilment?year=2019",
    "/api/v1/reports/teaching?year=2019",
    "/api/v1/reports/lecturers?year=2019",
    "/api/v1/reports/quality?year=2019",
    "/api/v1/reports/outcomes?from=2019&to=2019&group_by=center",
    "/api/v1/reports/trends?from=2019&to=2019",
];

fn snapshot(app: &TestApp, token: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for path in REPORTS {
        for accept in ["application/json", "text/csv"] {
            let (status, _, body) = app.get_bytes(path, token, accept);
            assert_eq!(
                status,
                200,
                "{path} {accept}: {}",
                String::from_utf8_lossy(&body)
            );
            out.push((format!("{path} [{accept}]"), body));
        }
    }
    // The tree of 2019 as read `as_of` a day of it: names, kinds and parents (a record's
    // version, update time and closing date are facts of today, as every read shows them).
    for path in [
        "/api/v1/centers?limit=100&as_of=2019-12-31",
        "/api/v1/districts?limit=100&as_of=2019-12-31",
    ] {
        let r = app.get(path, token);
        let items: Vec<Value> = r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                json!([
                    o["code"],
                    o["name"],
                    o["kind"],
                    o["district_id"],
                    o["district_name"]
                ])
            })
            .collect();
        out.push((path.to_owned(), serde_json::to_vec(&items).unwrap()));
    }
    out
}

fn ok(r: Resp) -> Value {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_owned()
}

#[test]
fn the_2025_reorganization_leaves_every_2019_report_as_it_was() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    centers_api::cli::load_demo_data(
        &app.database_url,
        &DemoOptions {
            from: 2019,
            to: 2019,
            seed: 42,
        },
        false,
        &mut Quiet,
    )
    .unwrap();
    let province = app.province_id(&admin);
    let centers = app.centers(&admin);
    let quang_xuong = id(&centers["406"]);
    let district_406 = centers["406"]["district_id"].as_str().unwrap().to_owned();
    // Accounts of before: the district's standing committee, the center's administrator.
    let old_committee = app.committee_of(&admin, &quang_xuong);
    app.create_user(&admin, "ca.qx", "center_admin", &quang_xuong);
    let before = snapshot(&app, &admin);

    // The province's decision, as an example: two branches of the school take the centers'
    // work, except Quảng Xương's, which a new ward hosts.
    let school = ok(app.get(
        &format!("/api/v1/organizations/{province}/children?limit=100"),
        &admin,
    ))["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "provincial_school")
        .map(id)
        .unwrap();
    let decision = "Quyết định (ví dụ) số 99-QĐ/TU ngày 20/6/2025";
    let branches: Vec<String> = ["Phân hiệu phía Bắc", "Phân hiệu phía Nam"]
        .iter()
        .map(|name| {
            id(&ok(app.post(
                "/api/v1/organizations",
                &admin,
                &json!({"kind": "school_branch", "parent_id": school, "name": name,
                        "valid_from": "2025-07-01", "decision": decision}),
            )))
        })
        .collect();
    let ward = id(&ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "subkind": "ward", "parent_id": province,
                "name": "Phường Quảng Xương (ví dụ)", "valid_from": "2025-07-01"}),
    )));
    let districts = ok(app.get("/api/v1/districts?limit=100&as_of=2025-06-30", &admin));
    let districts = districts["items"].as_array().unwrap();
    assert_eq!(districts.len(), 26, "Đông Sơn merged in 2024");
    for (i, d) in districts.iter().enumerate() {
        // Its center moves to a branch (or the ward); its party committee, with the grassroots
        // organizations under it, moves under the province until the province hands them to the
        // new commune-level committees.
        let open = ok(app.get(
            &format!(
                "/api/v1/organizations/{}/children?limit=100&as_of=2025-06-30",
                id(d)
            ),
            &admin,
        ));
        let children: Vec<Value> = open["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let to = match c["kind"].as_str().unwrap() {
                    "center" if id(c) == quang_xuong => ward.clone(),
                    "center" => branches[i % 2].clone(),
                    "party_committee" => province.clone(),
                    other => panic!("an open {other} under a district"),
                };
                json!({"id": id(c), "move_to": to})
            })
            .collect();
        assert!(children.len() >= 2, "{open}");
        let closed = ok(app.post(
            &format!("/api/v1/organizations/{}/close", id(d)),
            &admin,
            &json!({"valid_to": "2025-06-30", "decision": decision, "children": children}),
        ));
        assert_eq!(closed["valid_to"], "2025-06-30");
    }
    // No district-level unit is open now; every center is.
    assert_eq!(
        ok(app.get("/api/v1/districts?as_of=2025-07-01", &admin))["total"],
        0
    );
    let moved = ok(app.get(&format!("/api/v1/organizations/{quang_xuong}"), &admin));
    assert_eq!(moved["parent_id"], ward.as_str());

    // Every report about 2019, byte for byte.
    let after = snapshot(&app, &admin);
    assert_eq!(before.len(), after.len());
    for ((path, a), (_, b)) in before.iter().zip(&after) {
        assert!(
            a == b,
            "{path} changed:\nbefore: {}\nafter:  {}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }

    // After 1 July: the center's plan for 2026 belongs to the new tree. Its administrator
    // still works (scopes follow the move); the closed district's committee no longer sees it;
    // the province's standing committee approves it.
    let ca = app.login("ca.qx", "ca.qx-password");
    let program = ok(app.get("/api/v1/programs?limit=500", &ca))["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let plan = id(&ok(app.post(
        "/api/v1/training-plans",
        &ca,
        &json!({"center_id": quang_xuong, "year": 2026}),
    )));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/lines"),
        &ca,
        &json!({"program_id": program, "planned_classes": 1, "planned_learners": 40}),
    ));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/submit"),
        &ca,
        &json!({}),
    ));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/appraise"),
        &admin,
        &json!({}),
    ));
    app.get(&format!("/api/v1/training-plans/{plan}"), &old_committee)
        .problem(404);
    app.create_user(&admin, "committee.tinh", "committee", &province);
    let provincial = app.login("committee.tinh", "committee.tinh-password");
    let approved = ok(app.post(
        &format!("/api/v1/training-plans/{plan}/approve"),
        &provincial,
        &json!({"decision_number": "7-QĐ/TU", "decision_date": "2026-01-10", "signer": "Bí thư Tỉnh ủy"}),
    ));
    assert_eq!(approved["status"], "approved");
    // The ward's subtree holds the center now, and the old district's does not.
    let under_ward = ok(app.get(&format!("/api/v1/organizations/{ward}/children"), &admin));
    assert!(under_ward["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["id"] == quang_xuong.as_str()));
    let under_district = ok(app.get(
        &format!("/api/v1/organizations/{district_406}/children"),
        &admin,
    ));
    assert!(!under_district["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["id"] == quang_xuong.as_str()));
}
