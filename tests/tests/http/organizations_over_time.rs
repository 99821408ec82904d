//! The province as it changes (issue 21): units opened, renamed, moved, closed and merged on
//! dated decisions; every read `as_of` a day shows the tree, names and kinds in force then; the
//! tree's rules hold under concurrent changes. On SQLite and (with `TEST_DATABASE_URL`)
//! PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};

fn ok(r: Resp) -> Value {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body
}

fn district_of(app: &TestApp, token: &str, code: &str) -> (String, String) {
    let center = app.centers(token)[code].clone();
    (
        center["district_id"].as_str().unwrap().to_owned(),
        center["id"].as_str().unwrap().to_owned(),
    )
}

fn school_id(app: &TestApp, token: &str) -> String {
    let province = app.province_id(token);
    let r = app.get(
        &format!("/api/v1/organizations/{province}/children?limit=100"),
        token,
    );
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "provincial_school")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_rename_keeps_the_old_name_for_every_earlier_day() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let (district, center) = district_of(&app, &admin, "406");
    let before = ok(app.get(&format!("/api/v1/districts/{district}"), &admin));
    assert_eq!(before["name"], "Huyện Quảng Xương");

    let renamed = ok(app.post(
        &format!("/api/v1/organizations/{district}/rename"),
        &admin,
        &json!({"effective_from": "2026-01-01", "name": "Thị xã Quảng Xương", "subkind": "town",
                "decision": "Nghị quyết (giả định) số 1/NQ ngày 01/12/2025"}),
    ));
    assert_eq!(renamed["name"], "Thị xã Quảng Xương");
    assert_eq!(renamed["subkind"], "town");

    // Today: the new name and kind; a day of 2019: the old ones — for the unit and for the
    // center it hosts.
    let now = ok(app.get(&format!("/api/v1/districts/{district}"), &admin));
    assert_eq!(
        (now["name"].as_str(), now["kind"].as_str()),
        (Some("Thị xã Quảng Xương"), Some("town"))
    );
    let then = ok(app.get(
        &format!("/api/v1/districts/{district}?as_of=2019-06-30"),
        &admin,
    ));
    assert_eq!(
        (then["name"].as_str(), then["kind"].as_str()),
        (Some("Huyện Quảng Xương"), Some("district"))
    );
    let c2019 = ok(app.get(
        &format!("/api/v1/centers/{center}?as_of=2019-06-30"),
        &admin,
    ));
    assert_eq!(c2019["district_name"], "Huyện Quảng Xương");
    let c_now = ok(app.get(&format!("/api/v1/centers/{center}"), &admin));
    assert_eq!(c_now["district_name"], "Thị xã Quảng Xương");
    let listed = ok(app.get("/api/v1/districts?as_of=2019-06-30&q=quang%20xuong", &admin));
    assert_eq!(listed["items"][0]["name"], "Huyện Quảng Xương");

    let history = ok(app.get(&format!("/api/v1/organizations/{district}/history"), &admin));
    let periods = history["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2, "{history}");
    assert_eq!(periods[0]["name"], "Huyện Quảng Xương");
    assert_eq!(periods[0]["valid_to"], "2025-12-31");
    assert_eq!(periods[1]["valid_from"], "2026-01-01");
    assert_eq!(periods[1]["valid_to"], Value::Null);
    assert_eq!(
        periods[1]["decision"],
        "Nghị quyết (giả định) số 1/NQ ngày 01/12/2025"
    );

    // Dates: in order, not ahead of today.
    let r = app.post(
        &format!("/api/v1/organizations/{district}/rename"),
        &admin,
        &json!({"effective_from": "2025-06-01", "name": "Huyện Quảng Xương"}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["code"],
        "before_latest_change",
        "{}",
        r.text
    );
    let r = app.post(
        &format!("/api/v1/organizations/{district}/rename"),
        &admin,
        &json!({"effective_from": "2100-01-01", "name": "Thị xã Quảng Xương"}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["code"],
        "in_the_future",
        "{}",
        r.text
    );
    // A subkind a district-level unit cannot have.
    let r = app.post(
        &format!("/api/v1/organizations/{district}/rename"),
        &admin,
        &json!({"effective_from": "2026-02-01", "name": "Phường X", "subkind": "ward"}),
    );
    assert_eq!(r.error_fields(), vec!["subkind"]);

    // The change is in the feed and the audit log as a rename, and the feed shows what GET shows.
    let feed = ok(app.get(
        "/api/v1/changes?after=0&limit=500&types=organization",
        &admin,
    ));
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|i| i["id"] == district.as_str())
        .unwrap()
        .clone();
    assert_eq!(item["href"], format!("/api/v1/organizations/{district}"));
    let get = ok(app.get(&format!("/api/v1/organizations/{district}"), &admin));
    assert_eq!(item["data"], get);
    let audit = ok(app.get("/api/v1/audit-log?limit=5", &admin));
    assert_eq!(audit["items"][0]["action"], "rename", "{audit}");
}

#[test]
fn units_open_under_the_kinds_the_table_allows_and_only_province_admins_change_the_tree() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let school = school_id(&app, &admin);
    let (district, center) = district_of(&app, &admin, "406");

    let kinds = ok(app.get("/api/v1/organization-kinds", &admin));
    let center_rule = kinds
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "center")
        .unwrap()
        .clone();
    assert_eq!(
        center_rule["parents"],
        json!(["district", "provincial_school", "school_branch", "commune"])
    );

    let branch = ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "school_branch", "parent_id": school, "name": "Phân hiệu Trường Chính trị tại Nghi Sơn",
                "valid_from": "2025-07-01", "decision": "Quyết định (giả định) 10/QĐ-TU"}),
    ));
    assert_eq!(branch["parent_id"], school.as_str());
    let ward = ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "subkind": "ward", "parent_id": province, "name": "Phường Hạc Thành",
                "valid_from": "2025-07-01"}),
    ));
    assert_eq!(ward["subkind"], "ward");
    let hosted = ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "center", "parent_id": ward["id"], "name": "Trung tâm Chính trị phường Hạc Thành",
                "code": "HT01", "valid_from": "2025-07-01"}),
    ));
    assert_eq!(hosted["kind"], "center");

    // Refusals, each naming its field.
    let r = app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "center", "parent_id": province, "name": "X", "valid_from": "2025-07-01"}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["code"],
        "parent_kind",
        "{}",
        r.text
    );
    assert_eq!(r.error_fields(), vec!["parent_id"]);
    let r = app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "party_organization", "parent_id": center, "name": "X", "valid_from": "2025-07-01"}),
    );
    assert_eq!(r.error_fields(), vec!["kind"]);
    let r = app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "parent_id": district, "name": "Xã Y", "valid_from": "2020-01-01"}),
    );
    assert_eq!(r.error_fields(), vec!["subkind"]);
    let r = app.post(
        &format!("/api/v1/organizations/{center}/move"),
        &admin,
        &json!({"effective_from": "2025-07-01", "parent_id": province}),
    );
    assert_eq!(r.error_fields(), vec!["parent_id"]);

    // A center administrator and a read-only client read the tree but change nothing.
    app.create_user(&admin, "ca406", "center_admin", &center);
    let ca = app.login("ca406", "ca406-password");
    let r = app.post(
        &format!("/api/v1/organizations/{center}/rename"),
        &ca,
        &json!({"effective_from": "2026-01-01", "name": "Z"}),
    );
    r.problem(403);
    // Outside its scope the unit does not exist for it.
    let r = app.get(&format!("/api/v1/organizations/{district}/history"), &ca);
    r.problem(404);
}

#[test]
fn a_move_changes_the_tree_from_its_date_and_reads_of_earlier_days_keep_the_old_one() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let school = school_id(&app, &admin);
    let (district, center) = district_of(&app, &admin, "406");
    app.create_user(&admin, "ca406", "center_admin", &center);
    let ca = app.login("ca406", "ca406-password");
    // Something the center wrote before the move, followed in the feed by its administrator.
    app.create_party_org(&ca, &center, "CB-01", "Chi bộ thôn 1");

    let moved = ok(app.post(
        &format!("/api/v1/organizations/{center}/move"),
        &admin,
        &json!({"effective_from": "2025-07-01", "parent_id": school, "decision": "Quyết định (giả định) 12/QĐ-TU"}),
    ));
    assert_eq!(moved["parent_id"], school.as_str());
    let then = ok(app.get(
        &format!("/api/v1/organizations/{center}?as_of=2025-06-30"),
        &admin,
    ));
    assert_eq!(then["parent_id"], district.as_str());
    let children = |day: &str| -> Vec<String> {
        let r = ok(app.get(
            &format!("/api/v1/organizations/{district}/children?as_of={day}&limit=100"),
            &admin,
        ));
        r["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(children("2025-06-30").contains(&center));
    assert!(!children("2025-07-01").contains(&center));

    // The center's own administrator still reads its records and its feed: scopes follow the
    // move, and so do the feed's recorded paths.
    let feed = ok(app.get(
        "/api/v1/changes?after=0&limit=500&types=party_organization",
        &ca,
    ));
    assert_eq!(feed["items"].as_array().unwrap().len(), 1, "{feed}");
    ok(app.get(&format!("/api/v1/centers/{center}"), &ca));
    // The district's former subtree no longer holds it.
    let r = app.get(&format!("/api/v1/organizations/{center}/history"), &admin);
    assert_eq!(ok(r)["periods"].as_array().unwrap().len(), 2);
}

#[test]
fn closing_names_every_open_child_and_a_merge_moves_them() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    // An invented merge (Nông Cống into Như Thanh), on a database of Thanh Hóa's tree.
    let (d405, c405) = district_of(&app, &admin, "404");
    let (d380, _) = district_of(&app, &admin, "403");

    let r = app.post(
        &format!("/api/v1/organizations/{d405}/close"),
        &admin,
        &json!({"valid_to": "2025-06-30"}),
    );
    let problem = r.problem(409);
    let committee = app.party_committee_under(&admin, &d405);
    for child in [&c405, &committee] {
        assert!(
            problem["detail"].as_str().unwrap().contains(child.as_str()),
            "{problem}"
        );
    }
    // Naming one open child is not enough.
    let r = app.post(
        &format!("/api/v1/organizations/{d405}/merge"),
        &admin,
        &json!({"into": d380, "valid_to": "2025-06-30", "children": [{"id": c405}]}),
    );
    assert!(r.problem(409)["detail"]
        .as_str()
        .unwrap()
        .contains(&committee));

    // Merged into the city: its center and its party committee move there from the next day.
    let merged = ok(app.post(
        &format!("/api/v1/organizations/{d405}/merge"),
        &admin,
        &json!({"into": d380, "valid_to": "2025-06-30", "decision": "Nghị quyết (giả định) 1686/NQ-UBTVQH15",
                "children": [{"id": c405}, {"id": committee}]}),
    ));
    let moved = ok(app.get(&format!("/api/v1/organizations/{committee}"), &admin));
    assert_eq!(moved["parent_id"], d380.as_str());
    assert_eq!(merged["valid_to"], "2025-06-30");
    assert_eq!(merged["merged_into_id"], d380.as_str());
    let center = ok(app.get(&format!("/api/v1/organizations/{c405}"), &admin));
    assert_eq!(center["parent_id"], d380.as_str());
    let then = ok(app.get(
        &format!("/api/v1/organizations/{c405}?as_of=2025-06-30"),
        &admin,
    ));
    assert_eq!(then["parent_id"], d405.as_str());
    // A closed unit takes no more changes.
    let r = app.post(
        &format!("/api/v1/organizations/{d405}/rename"),
        &admin,
        &json!({"effective_from": "2025-12-01", "name": "X"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["code"], "closed");
    // Nor new children.
    let r = app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "center", "parent_id": d405, "name": "Y", "valid_from": "2025-08-01"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["code"], "closed");
}

#[test]
fn a_close_and_a_move_into_the_closing_unit_never_both_succeed() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let school = school_id(&app, &admin);
    let province = app.province_id(&admin);
    for (closing, moving) in [("406", "399"), ("403", "404"), ("401", "402")] {
        let (d_close, c_close) = district_of(&app, &admin, closing);
        let committee = app.party_committee_under(&admin, &d_close);
        let (_, c_move) = district_of(&app, &admin, moving);
        let barrier = std::sync::Barrier::new(2);
        let (close, mv) = std::thread::scope(|s| {
            let close = s.spawn(|| {
                barrier.wait();
                app.post(
                    &format!("/api/v1/organizations/{d_close}/close"),
                    &admin,
                    &json!({"valid_to": "2025-06-30", "children": [
                        {"id": c_close, "move_to": school}, {"id": committee, "move_to": province}]}),
                )
            });
            let mv = s.spawn(|| {
                barrier.wait();
                app.post(
                    &format!("/api/v1/organizations/{c_move}/move"),
                    &admin,
                    &json!({"effective_from": "2025-06-01", "parent_id": d_close}),
                )
            });
            (close.join().unwrap(), mv.join().unwrap())
        });
        assert!(
            !(close.status == 200 && mv.status == 200),
            "both won: a closed unit would hold an open center ({} / {})",
            close.text,
            mv.text
        );
        assert!(
            close.status == 200 || mv.status == 200,
            "{} / {}",
            close.text,
            mv.text
        );
        if close.status == 200 {
            // The move found the unit closed.
            assert_eq!(
                mv.problem(422)["errors"][0]["code"],
                "closed",
                "{}",
                mv.text
            );
        } else {
            close.problem(409);
        }
        // No open child under a closed unit, whoever won.
        let d = ok(app.get(&format!("/api/v1/organizations/{d_close}"), &admin));
        if !d["valid_to"].is_null() {
            let kids = ok(app.get(
                &format!("/api/v1/organizations/{d_close}/children?limit=100"),
                &admin,
            ));
            for kid in kids["items"].as_array().unwrap() {
                assert!(!kid["valid_to"].is_null(), "open child {kid} of closed {d}");
            }
        }
    }
}

#[test]
fn the_committee_reads_what_it_governs_and_oversight_reads_the_province_changing_nothing() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let (_, center_a) = district_of(&app, &admin, "406");
    let (_, center_b) = district_of(&app, &admin, "380");
    app.create_user(&admin, "ca.a", "center_admin", &center_a);
    let ca = app.login("ca.a", "ca.a-password");
    let program = ok(app.get("/api/v1/programs?limit=500", &ca))["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let class = ok(app.post(
        "/api/v1/classes",
        &ca,
        &json!({"center_id": center_a, "program_id": program, "code": "KN-01", "name": "Lớp 1",
                "mode": "concentrated", "start_date": "2026-03-02", "end_date": "2026-03-06",
                "capacity": 60}),
    ))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let po = app.create_party_org(&ca, &center_a, "CB-9", "Chi bộ thôn 9")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let learner = ok(app.post(
        "/api/v1/learners",
        &ca,
        &json!({"party_organization_id": po, "full_name": "Lê Thị Hoa", "birth_date": "1990-05-01", "gender": "female",
                "national_id": "038090001234", "party_status": "non_member"}),
    ))["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let committee = app.committee_of(&admin, &center_a);
    app.create_user(&admin, "board", "oversight", &province);
    let oversight = app.login("board", "board-password");
    // Reads: the committee its own center's records, the board the province's; national ids
    // masked for both.
    for token in [&committee, &oversight] {
        ok(app.get(&format!("/api/v1/classes/{class}"), token));
        let l = ok(app.get(&format!("/api/v1/learners/{learner}"), token));
        assert_eq!(l["national_id"], "********1234");
        ok(app.get("/api/v1/reports/summary?from=2026", token));
    }
    assert_eq!(
        ok(app.get("/api/v1/centers?limit=100", &oversight))["total"],
        27
    );
    assert_eq!(
        ok(app.get("/api/v1/centers?limit=100", &committee))["total"],
        1
    );
    app.get(&format!("/api/v1/centers/{center_b}"), &committee)
        .problem(404);
    // Writes: neither changes anything.
    for token in [&committee, &oversight] {
        app.post(
            &format!("/api/v1/classes/{class}/cancel"),
            token,
            &json!({}),
        )
        .problem(403);
        app.post(
            "/api/v1/training-plans",
            token,
            &json!({"center_id": center_a, "year": 2027}),
        )
        .problem(403);
        app.get("/api/v1/audit-log", token).problem(403);
    }
}
