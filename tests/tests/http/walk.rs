//! Every list is paged the same way (issue 23): each list operation of the served spec, walked
//! with `limit=2` over data with more than two of its records, returns each record exactly once,
//! the same records as one page of 500, with `total` equal to what was walked and a `Link` header
//! exactly when there is a next page. On SQLite and (with `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::learners::{completed_class, id, World};
use centers_tests::{class_step_body, vietnam_today, Resp, TestApp};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

fn ok(r: Resp) -> Value {
    assert!((200..300).contains(&r.status), "{} {}", r.status, r.text);
    r.body
}

/// The identity of a list item: its `id`, or the change feed's `seq`.
fn identity(item: &Value) -> String {
    match item.get("seq") {
        Some(seq) => seq.to_string(),
        None => item["id"].as_str().unwrap().to_owned(),
    }
}

/// Walks a list from its first page, `limit` at a time, following `next_cursor` (the change
/// feed: `after`, until a page is empty). Returns the identities in order and the first page's
/// `total`.
fn walk(app: &TestApp, token: &str, path: &str, limit: u32) -> (Vec<String>, Option<i64>) {
    let feed = path.starts_with("/api/v1/changes");
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut seen = Vec::new();
    let mut total = None;
    let mut cursor: Option<String> = None;
    for page in 0.. {
        assert!(page < 5_000, "{path}: the walk does not end");
        let url = match &cursor {
            None => format!("{path}{sep}limit={limit}"),
            Some(c) if feed => format!("{path}{sep}limit={limit}&after={c}"),
            Some(c) => format!("{path}{sep}limit={limit}&cursor={c}"),
        };
        let r = app.get(&url, token);
        assert_eq!(r.status, 200, "{url}: {}", r.text);
        let items = r.body["items"].as_array().unwrap().clone();
        assert!(
            items.len() <= limit as usize,
            "{url}: more than {limit} items"
        );
        if page == 0 {
            total = r.body["total"].as_i64();
        }
        seen.extend(items.iter().map(identity));
        let next = r.body["next_cursor"].as_str().map(str::to_owned);
        if feed {
            if items.is_empty() {
                return (seen, total);
            }
        } else {
            assert_eq!(
                r.header("link").is_some(),
                next.is_some(),
                "{url}: a Link header exactly when there is a next page"
            );
            if let Some(link) = r.header("link") {
                assert!(link.contains("rel=\"next\""), "{url}: {link}");
            }
            if next.is_none() {
                return (seen, total);
            }
            assert!(!items.is_empty(), "{url}: an empty page with a next cursor");
        }
        cursor = next;
    }
    unreachable!()
}

#[test]
fn every_list_in_the_spec_walks_each_record_exactly_once_two_at_a_time() {
    let w = World::new();
    let app = &w.app;
    let admin = &w.admin;
    let today = vietnam_today();
    let year: i32 = today.format("%Y").to_string().parse().unwrap();
    let province = app.province_id(admin);
    let district_a = app
        .get(&format!("/api/v1/organizations/{}", w.center_a), admin)
        .body["parent_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Three of everything a list shows. A completed class of three learners who passed.
    let enrollments = completed_class(&w, "WALK-1", 3);
    let enrollment = enrollments[0].1.clone();
    let class_1 = ok(app.get(&format!("/api/v1/enrollments/{enrollment}"), admin))["class_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Its first certificate, reissued twice.
    let mut certificate = ok(app.post(
        &format!("/api/v1/enrollments/{enrollment}/certificate"),
        &w.ca_a,
        &json!({"issue_date": today, "signer": "Giám đốc Nguyễn Văn Hùng"}),
    ))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for reason in ["Sai ngày sinh", "Sai quê quán"] {
        certificate = ok(app.post(
            &format!("/api/v1/certificates/{certificate}/reissue"),
            &w.ca_a,
            &json!({"issue_date": today, "signer": "Giám đốc Nguyễn Văn Hùng", "reason": reason}),
        ))["id"]
            .as_str()
            .unwrap()
            .to_owned();
    }

    // Two lecturers; the first teaches three sessions of a second class, each visited by the
    // second lecturer, and records three activities.
    let lecturer = |name: &str| {
        id(&app.post(
            "/api/v1/lecturers",
            &w.ca_a,
            &json!({"organization_id": w.center_a, "kind": "full_time", "full_name": name,
                    "position": "lecturer"}),
        ))
    };
    let (l1, l2) = (lecturer("Nguyễn Văn Hoa"), lecturer("Trần Thị Lan"));
    let program = w.program("party_admission");
    let topics = ok(app.get(
        &format!("/api/v1/programs/{}", program.as_str().unwrap()),
        admin,
    ))["topics"]
        .clone();
    let topic = topics[0]["id"].as_str().unwrap().to_owned();
    let mut lesson_plan = String::new();
    for (l, t) in [(&l1, &topics[0]), (&l2, &topics[0]), (&l1, &topics[1])] {
        lesson_plan = id(&app.post(
            "/api/v1/lesson-plans",
            &w.ca_a,
            &json!({"lecturer_id": l, "topic_id": t["id"], "title": "Bài giảng",
                    "outline": "Đề cương"}),
        ));
        for step in ["submit", "appraise", "approve"] {
            ok(app.post(
                &format!("/api/v1/lesson-plans/{lesson_plan}/{step}"),
                &w.ca_a,
                &json!({}),
            ));
        }
    }
    let class_2 = w.open_class("WALK-2", "party_admission", &today.to_string(), 30);
    w.open_class("WALK-3", "new_member", &today.to_string(), 30);
    ok(app.post(
        &format!("/api/v1/classes/{class_2}/start"),
        &w.ca_a,
        &json!({}),
    ));
    for start in ["07:30", "13:30", "18:00"] {
        let s = id(&app.post(
            &format!("/api/v1/classes/{class_2}/sessions"),
            &w.ca_a,
            &json!({"session_date": today, "start_time": start, "periods": 2,
                    "topic_id": topic, "lecturer_id": l1}),
        ));
        ok(app.post(&format!("/api/v1/sessions/{s}/teach"), &w.ca_a, &json!({})));
        ok(app.post(
            &format!("/api/v1/sessions/{s}/visits"),
            &w.ca_a,
            &json!({"observer_id": l2, "scores": {"content": 9, "method": 8.5,
                    "theory_practice": 8, "it_use": 7, "time_management": 9}}),
        ));
    }
    for kind in ["fieldwork", "conference", "self_study"] {
        ok(app.post(
            &format!("/api/v1/lecturers/{l1}/activities"),
            &w.ca_a,
            &json!({"kind": kind, "activity_date": today, "hours": 2}),
        ));
    }

    // A plan with three lines, submitted, returned and submitted again; two more plans.
    let plan_of = |year: i32| {
        id(&app.post(
            "/api/v1/training-plans",
            &w.ca_a,
            &json!({"center_id": w.center_a, "year": year}),
        ))
    };
    let plan = plan_of(year + 1);
    plan_of(year + 2);
    plan_of(year + 3);
    for code in ["party_admission", "new_member", "elementary_theory"] {
        ok(app.post(
            &format!("/api/v1/training-plans/{plan}/lines"),
            &w.ca_a,
            &json!({"program_id": w.program(code), "planned_classes": 2,
                    "planned_learners": 100}),
        ));
    }
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/submit"),
        &w.ca_a,
        &json!({}),
    ));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/return"),
        admin,
        &json!({"comment": "Bổ sung chỉ tiêu"}),
    ));
    ok(app.post(
        &format!("/api/v1/training-plans/{plan}/submit"),
        &w.ca_a,
        &json!({}),
    ));

    // Accounts, clients, approval grants, policy versions and party organizations.
    for i in 0..3 {
        let user = app.create_user(admin, &format!("walk.{i}"), "center_admin", &w.center_a);
        ok(app.post(
            "/api/v1/approval-grants",
            admin,
            &json!({"user_id": user, "district_id": district_a}),
        ));
        ok(app.post(
            "/api/v1/clients",
            admin,
            &json!({"name": format!("Hệ thống {i}"), "scope": province, "access": "read_only"}),
        ));
        app.create_party_org(
            admin,
            &w.center_a,
            &format!("WALK-{i}"),
            &format!("Chi bộ {i}"),
        );
    }
    // Webhook subscriptions, and attempts to call one (a name that never resolves: each test
    // call is an attempt that failed, recorded).
    let mut hook = String::new();
    for i in 0..3 {
        let created = ok(app.post(
            "/api/v1/webhooks",
            admin,
            &json!({"url": format!("http://hooks-{i}.invalid/centers")}),
        ));
        hook = created["id"].as_str().unwrap().to_owned();
    }
    for _ in 0..3 {
        ok(app.post(&format!("/api/v1/webhooks/{hook}/test"), admin, &json!({})));
    }
    let policy = ok(app.get("/api/v1/policies", admin))["values"].clone();
    for from in ["2090-01-01", "2095-01-01", "2099-01-01"] {
        ok(app.post(
            "/api/v1/policies",
            admin,
            &json!({"effective_from": from, "values": policy}),
        ));
    }

    // Where each list that hangs under a record is walked.
    let under: BTreeMap<&str, String> = [
        (
            "list_enrollments",
            format!("/api/v1/classes/{class_1}/enrollments"),
        ),
        (
            "get_class_history",
            format!("/api/v1/classes/{class_1}/history"),
        ),
        (
            "list_sessions",
            format!("/api/v1/classes/{class_2}/sessions"),
        ),
        (
            "list_certificates",
            format!("/api/v1/enrollments/{enrollment}/certificates"),
        ),
        (
            "get_enrollment_history",
            format!("/api/v1/enrollments/{enrollment}/history"),
        ),
        (
            "list_activities",
            format!("/api/v1/lecturers/{l1}/activities?year={year}"),
        ),
        (
            "get_lesson_plan_history",
            format!("/api/v1/lesson-plans/{lesson_plan}/history"),
        ),
        (
            "list_organization_children",
            format!("/api/v1/organizations/{province}/children"),
        ),
        (
            "get_training_plan_history",
            format!("/api/v1/training-plans/{plan}/history"),
        ),
        (
            "list_webhook_deliveries",
            format!("/api/v1/webhooks/{hook}/deliveries"),
        ),
        (
            "list_training_plan_lines",
            format!("/api/v1/training-plans/{plan}/lines"),
        ),
    ]
    .into_iter()
    .collect();

    // Every list operation of the served spec: a 200 whose body has `next_cursor`.
    let spec = ok(app.get("/api/v1/openapi.json", ""));
    let schemas = &spec["components"]["schemas"];
    let mut walked = Vec::new();
    for (path, ops) in spec["paths"].as_object().unwrap() {
        let Some(op) = ops.get("get") else { continue };
        let schema = &op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
        let Some(name) = schema.as_str().and_then(|r| r.rsplit('/').next()) else {
            continue;
        };
        if schemas[name]["properties"].get("next_cursor").is_none() {
            continue;
        }
        let operation = op["operationId"].as_str().unwrap();
        // The header the walk checks below is in the contract.
        assert!(
            op["responses"]["200"]["headers"].get("Link").is_some(),
            "{operation}: the spec documents the Link header"
        );
        let url = if path.contains('{') {
            under
                .get(operation)
                .unwrap_or_else(|| panic!("{operation}: say where the walk reads it"))
                .clone()
        } else {
            path.clone()
        };
        let (small, total) = walk(app, admin, &url, 2);
        let unique: HashSet<&String> = small.iter().collect();
        assert_eq!(
            unique.len(),
            small.len(),
            "{operation}: a record twice: {small:?}"
        );
        assert!(
            small.len() > 2,
            "{operation}: the walk needs more than 2 records"
        );
        if let Some(total) = total {
            assert_eq!(total, small.len() as i64, "{operation}: total");
        }
        let (large, _) = walk(app, admin, &url, 500);
        assert_eq!(small, large, "{operation}: pages of 2 and of 500 differ");
        walked.push(operation.to_owned());
    }
    // The lists named in the issue among them, so that a spec change cannot silently skip them.
    for operation in [
        "list_lesson_plans",
        "list_visits",
        "list_sessions",
        "list_enrollments",
        "list_activities",
        "list_learners",
        "list_changes",
        "list_audit_log",
    ] {
        assert!(
            walked.iter().any(|o| o == operation),
            "{operation} not walked"
        );
    }
    assert!(walked.len() >= 26, "{walked:?}");

    // A class's step list resumes where it was even when a step is added between pages.
    let first = ok(app.get(&format!("/api/v1/classes/{class_2}/history?limit=1"), admin));
    ok(app.post(
        &format!("/api/v1/classes/{class_2}/complete"),
        &w.ca_a,
        &class_step_body("complete"),
    ));
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = ok(app.get(
        &format!("/api/v1/classes/{class_2}/history?limit=500&cursor={cursor}"),
        admin,
    ));
    let all = ok(app.get(&format!("/api/v1/classes/{class_2}/history"), admin));
    let mut resumed = vec![identity(&first["items"][0])];
    resumed.extend(rest["items"].as_array().unwrap().iter().map(identity));
    let whole: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(identity)
        .collect();
    assert_eq!(resumed, whole);
}

/// The kept counts behind the long lists' totals (`record_counts`) equal a count of the rows
/// after creates, moves, imports, status changes and deletes, and each total the API answers
/// from them equals the count of the list it heads.
#[test]
fn kept_counts_equal_the_rows_after_writes_moves_imports_and_deletes() {
    use centers_db::counts::mismatches;
    let w = World::new();
    let app = &w.app;
    let admin = &w.admin;
    let today = vietnam_today().to_string();
    let center_b = app.center_id(admin, "380");
    let po_a2 = app.create_party_org(admin, &w.center_a, "CB-2", "Chi bộ thôn 2")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let po_b = app.create_party_org(admin, &center_b, "CB-9", "Chi bộ thôn 9")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let check = |when: &str| {
        let pool = app.db_pool();
        let mut conn = pool.get().unwrap();
        let wrong = mismatches(&mut conn).unwrap();
        assert!(wrong.is_empty(), "after {when}: {wrong:?}");
    };
    check("the seed");

    // Learners made one by one, in two party organizations of center A and one of center B.
    let mut learners = Vec::new();
    for i in 0..6 {
        let po = [&w.po_a, &po_a2, &po_b][i % 3];
        learners.push(id(&w.learner(
            admin,
            json!({"full_name": format!("Học viên {i}"), "party_organization_id": po,
                   "confirm_new": true}),
        )));
    }
    // Classes in several states, years and programs.
    let admission = w.open_class("CNT-1", "party_admission", &today, 40);
    let new_members = w.open_class("CNT-2", "new_member", &today, 40);
    ok(app.post(
        &format!("/api/v1/classes/{new_members}/cancel"),
        &w.ca_a,
        &json!({"comment": "Không đủ học viên"}),
    ));
    let draft = id(&app.post(
        "/api/v1/classes",
        &w.ca_a,
        &json!({"center_id": w.center_a, "program_id": w.program("elementary_theory"),
                "code": "CNT-3", "name": "Lớp CNT-3", "mode": "concentrated",
                "start_date": "2027-03-01", "end_date": "2027-06-30", "capacity": 40}),
    ));
    check("creates and a cancel");

    // A learner moved to another party organization (PUT), an import of new learners with
    // nominations.
    let moved = &learners[0];
    let mut body = ok(app.get(&format!("/api/v1/learners/{moved}"), admin));
    for k in ["id", "version", "created_at", "updated_at"] {
        body.as_object_mut().unwrap().remove(k);
    }
    body["party_organization_id"] = json!(po_a2);
    ok(app.request(
        "PUT",
        &format!("/api/v1/learners/{moved}"),
        Some(admin),
        Some(&body),
        &[],
    ));
    let year = &today[..4];
    let csv = format!(
        "external_id,party_organization_code,full_name,birth_date,gender,party_status,class_code,class_year\n\
         HV-1,CB-1,Lê Thị Mai,1995-04-12,female,non_member,CNT-1,{year}\n\
         HV-2,CB-2,Hoàng Văn Đức,1990-02-03,male,non_member,CNT-1,{year}\n\
         HV-3,CB-2,Trần Văn An,1991-05-06,male,non_member,,\n"
    );
    let r = app.raw(
        "POST",
        "/api/v1/imports",
        Some(&w.ca_a),
        Some(("text/csv", &csv)),
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.text);
    check("a move and an import");

    // Deletes the API does not offer but the database allows (an unenrolled learner, a draft
    // class): the counts follow them too.
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    use diesel::RunQueryDsl;
    let gone = &learners[5];
    diesel::sql_query(format!("DELETE FROM learners WHERE id = '{gone}'"))
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query(format!("DELETE FROM classes WHERE id = '{draft}'"))
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    check("deletes");

    // Every total answered from the counts is the length of its list, for each caller and the
    // common filters.
    let ca_b = w.ca_b.clone();
    for (token, path) in [
        (admin.as_str(), "/api/v1/learners".to_owned()),
        (w.ca_a.as_str(), "/api/v1/learners".to_owned()),
        (ca_b.as_str(), "/api/v1/learners".to_owned()),
        (w.po_token.as_str(), "/api/v1/learners".to_owned()),
        (
            admin,
            format!("/api/v1/learners?party_organization_id={po_a2}"),
        ),
        (admin, "/api/v1/classes".to_owned()),
        (admin, "/api/v1/classes?status=open".to_owned()),
        (
            admin,
            format!("/api/v1/classes?year={year}&status=cancelled"),
        ),
        (
            admin,
            format!(
                "/api/v1/classes?program_id={}",
                w.program("party_admission").as_str().unwrap()
            ),
        ),
        (
            w.ca_a.as_str(),
            format!("/api/v1/classes?center_id={}&year={year}", w.center_a),
        ),
        (ca_b.as_str(), "/api/v1/classes".to_owned()),
    ] {
        let (items, total) = walk(app, token, &path, 500);
        assert_eq!(total, Some(items.len() as i64), "{path}");
    }
    // A search answers its total only when asked, then by counting.
    let r = ok(app.get("/api/v1/learners?q=hoc vien", admin));
    assert_eq!(r["total"], Value::Null);
    let r = ok(app.get("/api/v1/learners?q=hoc vien&total=true", admin));
    assert_eq!(r["total"], 5);
    assert_eq!(
        ok(app.get("/api/v1/learners?total=false", admin))["total"],
        Value::Null
    );
    let _ = admission;
}
