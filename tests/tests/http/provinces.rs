//! A province is reference data (issue 21): Thanh Hóa's file and an invented province's each
//! load into their own database and pass the same black-box scenario; loading is idempotent and
//! a corrected file is applied as dated changes. On SQLite and (with `TEST_DATABASE_URL`)
//! PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::{json, Value};
use std::path::PathBuf;

fn invented() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/invented-province.csv")
}

fn ok(r: centers_tests::Resp) -> Value {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body
}

/// The scenario every province passes: its tree is read, a center plans its year and the plan
/// goes through appraisal and the governing committee's approval, a unit is renamed from a date
/// and read as it was, and the summary report answers.
fn scenario(app: &TestApp, expected_centers: usize) {
    let admin = app.admin_token();
    let centers = ok(app.get("/api/v1/centers?limit=500", &admin));
    let centers = centers["items"].as_array().unwrap();
    assert_eq!(centers.len(), expected_centers);
    let center = centers
        .iter()
        .find(|c| c["district_id"].is_string())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&admin, "ca.x", "center_admin", &center);
    let ca = app.login("ca.x", "ca.x-password");
    let program = ok(app.get("/api/v1/programs?limit=500", &ca))["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let plan = ok(app.post(
        "/api/v1/training-plans",
        &ca,
        &json!({"center_id": center, "year": 2026}),
    ))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/lines"),
        &ca,
        &json!({"program_id": program, "planned_classes": 2, "planned_learners": 80}),
    ));
    let committee = app.committee_of(&admin, &center);
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
    let approved = ok(app.post(
        &format!("/api/v1/training-plans/{plan}/approve"),
        &committee,
        &json!({"decision_number": "5-QĐ/HU", "decision_date": "2026-01-20", "signer": "Bí thư"}),
    ));
    assert_eq!(approved["status"], "approved");

    let host = ok(app.get(&format!("/api/v1/organizations/{center}"), &admin))["parent_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = ok(app.get(&format!("/api/v1/organizations/{host}"), &admin))["name"].clone();
    ok(app.post(
        &format!("/api/v1/organizations/{host}/rename"),
        &admin,
        &json!({"effective_from": "2026-02-01", "name": "Tên Mới"}),
    ));
    let then = ok(app.get(
        &format!("/api/v1/organizations/{host}?as_of=2026-01-31"),
        &admin,
    ));
    assert_eq!(then["name"], before);
    let report = ok(app.get("/api/v1/reports/plans?year=2026", &admin));
    assert_eq!(report["centers_with_approved_plan"], 1);
    ok(app.get(
        "/api/v1/reports/summary?from=2026&to=2026&group_by=center",
        &admin,
    ));
}

#[test]
fn thanh_hoa_passes_the_scenario() {
    let app = TestApp::spawn();
    scenario(&app, 27);
}

#[test]
fn an_invented_province_loads_from_its_own_file_and_passes_the_same_scenario() {
    let app = TestApp::spawn_with(|s| s.province_file = Some(invented()));
    let admin = app.admin_token();
    let me = ok(app.get("/api/v1/me", &admin));
    assert_eq!(me["scope"]["name"], "Tỉnh Thử Nghiệm");
    // A center hosted by the school, not by a district-level unit.
    let centers = ok(app.get("/api/v1/centers?limit=500", &admin));
    let hosted = centers["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "TS-C")
        .unwrap()
        .clone();
    let host = ok(app.get(
        &format!(
            "/api/v1/organizations/{}",
            hosted["district_id"].as_str().unwrap()
        ),
        &admin,
    ));
    assert_eq!(host["kind"], "provincial_school");
    // The dated rename of the file, read as of either side of it.
    let districts = ok(app.get("/api/v1/districts?as_of=2020-01-01", &admin));
    let names: Vec<&str> = districts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Huyện Nghiệm"), "{names:?}");
    let districts = ok(app.get("/api/v1/districts?as_of=2022-01-01", &admin));
    assert!(districts["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["name"] == "Thị xã Nghiệm" && d["kind"] == "town"));
    scenario(&app, 3);
}

#[test]
fn loading_is_idempotent_and_a_corrected_file_applies_as_dated_changes() {
    let app = TestApp::spawn_with(|s| s.province_file = Some(invented()));
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    let again = centers_api::app::seed_reference_data(&mut conn, Some(&invented())).unwrap();
    assert_eq!((again.created, again.changes_applied), (0, 0), "{again:?}");
    // Province, school, two units, a commune, three centers, two party committees.
    assert_eq!(again.existing, 10);

    // The province corrects its file: a misspelt name of an opening, and a change it had not
    // recorded (the commune became a ward in 2025).
    let text = std::fs::read_to_string(invented()).unwrap();
    let corrected = text.replace("Xã Một,commune", "Xã Mốt,commune")
        + "commune,90201,rename,2025-07-01,Phường Một,ward,,,Nghị quyết (giả định) 2/NQ,invented\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrected.csv");
    std::fs::write(&path, corrected).unwrap();
    let applied = centers_api::app::seed_reference_data(&mut conn, Some(&path)).unwrap();
    assert_eq!(
        (applied.created, applied.changes_applied),
        (0, 2),
        "{applied:?}"
    );
    let admin = app.admin_token();
    let district = ok(app.get("/api/v1/districts?q=nghiem", &admin))["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let commune = ok(app.get(
        &format!("/api/v1/organizations/{district}/children?limit=50"),
        &admin,
    ))["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "commune")
        .unwrap()
        .clone();
    assert_eq!(commune["name"], "Phường Một");
    assert_eq!(commune["subkind"], "ward");
    let history = ok(app.get(
        &format!(
            "/api/v1/organizations/{}/history",
            commune["id"].as_str().unwrap()
        ),
        &admin,
    ));
    let names: Vec<&str> = history["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Xã Mốt", "Phường Một"]);

    // Another province's file is refused whole, naming its province line.
    let refused = centers_api::app::seed_reference_data(&mut conn, None).unwrap_err();
    let message = format!("{refused:#}");
    assert!(
        message.contains("line 12") && message.contains("one province"),
        "{message}"
    );
}

#[test]
fn a_bad_file_is_refused_with_every_error_named_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "kind,code,event,on,name,subkind,parent_kind,parent_code,decision,source\n\
         province,99,open,,Tỉnh X,,,,,\n\
         center,1,open,,Trung tâm,,province,99,,\n\
         district,2,open,2020-13-01,Huyện Hai,district,province,99,,\n",
    )
    .unwrap();
    let (_db, url) = centers_tests::TestDb::new();
    let pool = centers_db::build_pool(&url, 1, std::time::Duration::from_secs(10)).unwrap();
    let mut conn = pool.get().unwrap();
    centers_db::run_migrations(&mut conn).unwrap();
    let message = format!(
        "{:#}",
        centers_api::app::seed_reference_data(&mut conn, Some(&path)).unwrap_err()
    );
    assert!(message.contains("bad.csv line 3"), "{message}");
    assert!(message.contains("bad.csv line 4"), "{message}");
    // Nothing was loaded.
    assert!(centers_db::seed::the_province(&mut conn).unwrap().is_none());
}
