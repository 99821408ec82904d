//! Issue 19: what an attacker's probe found, each as a black-box test on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL. The change feed's rule has its own file (`feed_rules.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use centers_tests::{class_step_body, Resp, TestApp};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn id(r: &Resp) -> String {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body["id"].as_str().unwrap().to_owned()
}

fn import(app: &TestApp, token: &str, query: &str, content_type: &str, body: &str) -> Resp {
    app.raw(
        "POST",
        &format!("/api/v1/imports{query}"),
        Some(token),
        Some((content_type, body)),
        &[],
    )
}

#[test]
fn csv_exports_neutralise_formulas_and_xlsx_keeps_plain_strings() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    // A lecturer whose name a spreadsheet would run as a formula.
    let dangerous = "=cmd|' /C calc'!A0";
    let r = app.post(
        "/api/v1/lecturers",
        &admin,
        &json!({"organization_id": center, "kind": "full_time", "full_name": dangerous,
                "position": "lecturer"}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let (status, _, bytes) = app.get_bytes(
        &format!("/api/v1/reports/lecturers?year={year}"),
        &admin,
        "text/csv",
    );
    assert_eq!(status, 200);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains(&format!("'{dangerous}")), "{text}");
    for line in text.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches(['\u{feff}', '"']);
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell a spreadsheet would run: {cell:?} in {line:?}"
            );
        }
    }
    // The XLSX holds the name as the plain string it is (no quote added, no formula).
    let (status, _, xlsx) = app.get_bytes(
        &format!("/api/v1/reports/lecturers?year={year}"),
        &admin,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(status, 200);
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == dangerous), "{cells:?}");
    assert!(book
        .worksheet_formula(&book.sheet_names()[0])
        .unwrap()
        .is_empty());
}

#[test]
fn concurrent_deletes_with_one_version_delete_once_and_moves_never_make_a_cycle() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    for round in 0..20 {
        let org = app.create_party_org(&admin, &center, &format!("D-{round}"), "Chi bộ xoá");
        let (id, version) = (
            org["id"].as_str().unwrap().to_owned(),
            org["version"].clone(),
        );
        let etag = format!("\"{version}\"");
        let statuses: Vec<u16> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..20)
                .map(|_| {
                    s.spawn(|| {
                        app.request(
                            "DELETE",
                            &format!("/api/v1/party-organizations/{id}"),
                            Some(&admin),
                            None,
                            &[("If-Match", &etag)],
                        )
                        .status
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(
            statuses.iter().filter(|s| **s == 204).count(),
            1,
            "round {round}: {statuses:?}"
        );
        assert!(
            statuses.iter().all(|s| [204, 404, 412].contains(s)),
            "{statuses:?}"
        );
        let audit = app.get(
            &format!("/api/v1/audit-log?entity_id={id}&limit=100"),
            &admin,
        );
        assert_eq!(audit.status, 200, "{}", audit.text);
        let deletes = audit.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "delete")
            .count();
        assert_eq!(deletes, 1, "round {round}: {}", audit.text);
    }
    let feed = app.get("/api/v1/changes?types=party_organization&limit=500", &admin);
    let tombstones = feed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] == "delete")
        .count();
    assert_eq!(tombstones, 20);

    // X under Y and Y under X at the same time: one wins, the other is refused, never a cycle.
    for round in 0..20 {
        let org = |code: String| {
            app.create_party_org(&admin, &center, &code, "Đảng bộ")["id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (x, y) = (org(format!("X-{round}")), org(format!("Y-{round}")));
        let statuses: Vec<u16> = std::thread::scope(|s| {
            let move_under = |child: &str, parent: &str| {
                let (child, parent) = (child.to_owned(), parent.to_owned());
                let (app, admin) = (&app, &admin);
                s.spawn(move || {
                    app.patch(
                        &format!("/api/v1/party-organizations/{child}"),
                        admin,
                        &json!({"parent_id": parent}),
                    )
                    .status
                })
            };
            let a = move_under(&x, &y);
            let b = move_under(&y, &x);
            vec![a.join().unwrap(), b.join().unwrap()]
        });
        let parent = |o: &str| {
            app.get(&format!("/api/v1/party-organizations/{o}"), &admin)
                .body["parent_id"]
                .clone()
        };
        let (px, py) = (parent(&x), parent(&y));
        assert!(
            !(px == json!(y) && py == json!(x)),
            "round {round}: a cycle ({statuses:?})"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "round {round}: {statuses:?}"
        );
    }
}

#[test]
fn a_cursor_holding_a_nul_is_a_400_naming_the_cursor() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let uuid = "01939a52-0000-7000-8000-000000000000";
    for (list, sort) in [
        ("learners", "name"),
        ("lecturers", "name"),
        ("classes", "code"),
        ("party-organizations", "name"),
        ("users", "username"),
    ] {
        let payload = json!({"s": sort, "k": "Lê\u{0}Mai", "i": uuid}).to_string();
        let cursor = URL_SAFE_NO_PAD.encode(payload);
        let r = app.get(
            &format!("/api/v1/{list}?sort={sort}&cursor={cursor}"),
            &admin,
        );
        let problem = r.problem(400);
        assert_eq!(
            problem["errors"][0]["field"], "cursor",
            "{list}: {}",
            r.text
        );
        assert_eq!(
            problem["errors"][0]["code"], "invalid_cursor",
            "{list}: {}",
            r.text
        );
    }
}

/// A center admin's class with `n` approved seats; returns (class, its center admin's token).
fn class_with_seats(app: &TestApp, admin: &str, capacity: i32, n: usize) -> (String, String) {
    let center = app.center_id(admin, "406");
    app.create_user(admin, "ca.a", "center_admin", &center);
    let ca = app.login("ca.a", "ca.a-password");
    let po = app.create_party_org(admin, &center, "CB-1", "Chi bộ thôn 1")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let program = app.get("/api/v1/programs?limit=500", admin).body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "party_admission")
        .unwrap()["id"]
        .clone();
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let class = id(&app.post(
        "/api/v1/classes",
        &ca,
        &json!({"center_id": center, "program_id": program, "code": "CAP-1", "name": "Lớp CAP-1",
                "mode": "concentrated", "start_date": today, "end_date": today,
                "capacity": capacity}),
    ));
    assert_eq!(
        app.post(
            &format!("/api/v1/classes/{class}/open"),
            &ca,
            &class_step_body("open")
        )
        .status,
        200
    );
    for i in 0..n {
        let learner = id(&app.post(
            "/api/v1/learners",
            &ca,
            &json!({"party_organization_id": po, "full_name": format!("Học viên {i}"),
                    "birth_date": "1995-04-12", "gender": "female",
                    "party_status": "non_member", "confirm_new": true}),
        ));
        let e = id(&app.post(
            &format!("/api/v1/classes/{class}/nominations"),
            &ca,
            &json!({"learner_id": learner}),
        ));
        if i < 15 {
            assert_eq!(
                app.post(&format!("/api/v1/enrollments/{e}/approve"), &ca, &json!({}))
                    .status,
                200
            );
        }
    }
    (class, ca)
}

#[test]
fn capacity_never_falls_below_the_seats_held_even_racing_approvals() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let (class, ca) = class_with_seats(&app, &admin, 30, 25);
    // 15 seats approved: capacity 10 is refused, naming the field; 15 is accepted.
    let r = app.patch(
        &format!("/api/v1/classes/{class}"),
        &ca,
        &json!({"capacity": 10}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "capacity",
        "{}",
        r.text
    );
    assert_eq!(r.problem(422)["errors"][0]["code"], "below_seats_held");
    // The 10 nominations left are approved while the capacity is lowered to 18 at once.
    let pending: Vec<String> = app
        .get(&format!("/api/v1/classes/{class}/enrollments"), &ca)
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "nominated")
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(pending.len(), 10);
    let lowered = std::thread::scope(|s| {
        for e in &pending {
            let (app, ca) = (&app, &ca);
            s.spawn(move || app.post(&format!("/api/v1/enrollments/{e}/approve"), ca, &json!({})));
        }
        let (app, ca, class) = (&app, &ca, &class);
        s.spawn(move || {
            std::thread::sleep(Duration::from_millis(5));
            app.patch(
                &format!("/api/v1/classes/{class}"),
                ca,
                &json!({"capacity": 18}),
            )
        })
        .join()
        .unwrap()
    });
    assert!([200, 422].contains(&lowered.status), "{}", lowered.text);
    let capacity = app.get(&format!("/api/v1/classes/{class}"), &ca).body["capacity"]
        .as_i64()
        .unwrap();
    let held = app
        .get(&format!("/api/v1/classes/{class}/enrollments"), &ca)
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "approved")
        .count() as i64;
    assert!(
        held <= capacity,
        "{held} seats held against a capacity of {capacity}"
    );
}

#[test]
fn an_import_never_says_where_a_national_id_outside_the_scope_is_held() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let a = app.center_id(&admin, "406");
    let b = app.center_id(&admin, "380");
    app.create_user(&admin, "ca.a", "center_admin", &a);
    app.create_user(&admin, "ca.b", "center_admin", &b);
    let ca_a = app.login("ca.a", "ca.a-password");
    let ca_b = app.login("ca.b", "ca.b-password");
    let po_a = app.create_party_org(&admin, &a, "CB-1", "Chi bộ A")["id"].clone();
    let po_b = app.create_party_org(&admin, &b, "CB-1", "Chi bộ B")["id"].clone();
    let held = id(&app.post(
        "/api/v1/learners",
        &ca_a,
        &json!({"party_organization_id": po_a, "full_name": "Lê Thị Mai",
                "birth_date": "1995-04-12", "gender": "female", "party_status": "non_member",
                "national_id": "035623012383"}),
    ));
    let csv = "external_id,party_organization_code,full_name,birth_date,gender,party_status,national_id\n\
               HV-1,CB-1,Trần Văn An,1990-01-02,male,non_member,035623012383\n";
    // Center B: refused, without "taken", the learner or the other center.
    let r = import(&app, &ca_b, "?dry_run=true", "text/csv", csv);
    assert_eq!(r.status, 200, "{}", r.text);
    let error = &r.body["errors"][0];
    assert_eq!(error["field"], "rows[0].national_id", "{}", r.text);
    assert_eq!(error["code"], "needs_province_review", "{}", r.text);
    assert!(!r.text.contains(&held) && !r.text.contains("406") && !r.text.contains("Mai"));
    // The same answer from a single create.
    let r = app.post(
        "/api/v1/learners",
        &ca_b,
        &json!({"party_organization_id": po_b, "full_name": "Trần Văn An",
                "birth_date": "1990-01-02", "gender": "male", "party_status": "non_member",
                "national_id": "035623012383"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["code"], "needs_province_review");
    assert!(!r.text.contains(&held));
    // Center A, which holds the learner: "taken".
    let r = import(&app, &ca_a, "?dry_run=true", "text/csv", csv);
    assert_eq!(r.body["errors"][0]["code"], "taken", "{}", r.text);
}

#[test]
fn an_oversized_import_cell_is_refused_as_it_is_read() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    app.create_party_org(&admin, &center, "CB-1", "Chi bộ A");
    let huge = "Ă".repeat(5 * 1024 * 1024);
    let csv = format!(
        "external_id,party_organization_code,full_name,birth_date,gender,party_status\n\
         HV-1,CB-1,{huge},1990-01-02,male,non_member\n"
    );
    let started = Instant::now();
    let r = import(&app, &admin, "?dry_run=true", "text/csv", &csv);
    let e = &r.problem(422)["errors"][0];
    assert_eq!(e["field"], "rows[0].full_name", "{}", r.text);
    assert_eq!(e["code"], "too_long");
    // The JSON body too: refused at the door, naming the cell.
    let body = json!({"rows": [{"external_id": "HV-1", "full_name": huge}]}).to_string();
    let r = import(&app, &admin, "?dry_run=true", "application/json", &body);
    let e = &r.problem(422)["errors"][0];
    assert_eq!(e["field"], "rows[0].full_name", "{}", r.text);
    assert_eq!(e["code"], "too_long");
    // Not a timing assertion (docs/performance.md has the figures): a guard against a refusal
    // that would again cost seconds of Unicode work per request.
    eprintln!("two 10 MiB refusals took {:?}", started.elapsed());
}

#[test]
fn device_cookies_are_set_at_login_and_bound_to_their_account() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    app.create_user(&admin, "ca.a", "center_admin", &center);
    let r = app.post(
        "/api/v1/auth/login",
        "",
        &json!({"username": "ca.a", "password": "ca.a-password"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let set = r.header("set-cookie").unwrap().to_owned();
    assert!(set.starts_with("centers_device="), "{set}");
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(set.contains(attribute), "{set}");
    }
    let cookie = set.split(';').next().unwrap().to_owned();
    // With the cookie, ten wrong passwords from one address do not lock the owner's address out
    // (they count against the cookie); without it the address is limited as before.
    for _ in 0..10 {
        let r = app.request(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&json!({"username": "ca.a", "password": "wrong"})),
            &[("Cookie", &cookie)],
        );
        assert_eq!(r.status, 401, "{}", r.text);
    }
    let r = app.post(
        "/api/v1/auth/login",
        "",
        &json!({"username": "ca.a", "password": "ca.a-password"}),
    );
    assert_eq!(
        r.status, 200,
        "the address was not charged for the device's failures: {}",
        r.text
    );
    // The cookie has failed ten times: it is now a device like any other, and its failures count
    // against the address and the account again.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "ca.a", "password": "wrong"})),
        &[("Cookie", &cookie)],
    );
    assert_eq!(r.status, 401);
    // A cookie names its account: for another username it is no device cookie at all.
    app.create_user(&admin, "ca.b", "center_admin", &center);
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "ca.b", "password": "ca.b-password"})),
        &[("Cookie", &cookie)],
    );
    assert_eq!(r.status, 200);
    let tampered = format!("{cookie}x");
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "ca.b", "password": "ca.b-password"})),
        &[("Cookie", &tampered)],
    );
    assert_eq!(r.status, 200);
    let _: Value = r.body;
}

#[test]
fn a_stored_value_this_version_does_not_know_is_a_fault_not_a_blank() {
    // Issue 20: no `parse().ok()` that drops data. A party organization whose stored kind is not
    // one this version knows is answered as a server fault (500, cause in the log, naming the
    // row), never as the record without its kind, alone or in the list.
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let org = app.create_party_org(&admin, &center, "CB-1", "Chi bộ thôn 1")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.get(&format!("/api/v1/party-organizations/{org}"), &admin)
            .status,
        200
    );
    {
        use centers_db::schema::organizations::dsl::*;
        use diesel::prelude::*;
        let pool = app.db_pool();
        let mut conn = pool.get().unwrap();
        let key: centers_db::OrganizationId = uuid::Uuid::parse_str(&org).unwrap().into();
        diesel::update(organizations.filter(id.eq(key)))
            .set(subkind.eq(Some("bogus_kind")))
            .execute(&mut conn)
            .unwrap();
    }
    let one = app.get(&format!("/api/v1/party-organizations/{org}"), &admin);
    assert_eq!(one.status, 500, "{}", one.text);
    assert!(
        !one.text.contains("bogus"),
        "the cause stays in the log: {}",
        one.text
    );
    let list = app.request(
        "GET",
        "/api/v1/party-organizations?limit=500",
        Some(&admin),
        None,
        &[("Cache-Control", "no-cache")],
    );
    assert_eq!(list.status, 500, "{}", list.text);
}
