//! Teaching (issue 9): lecturers, classes, the timetable and lesson plans approved before
//! teaching. Every rule at its edge, on SQLite and (with `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{class_step_body, Resp, TestApp};
use chrono::{Duration, NaiveDate, Utc};
use serde_json::{json, Value};

/// Today in Vietnam (UTC+7), the calendar lesson-plan approvals are dated in.
fn today() -> NaiveDate {
    (Utc::now().naive_utc() + Duration::hours(7)).date()
}

struct World {
    app: TestApp,
    admin: String,
    center_a: String,
    center_b: String,
    ca_a: String,
    ca_b: String,
    program: Value,
}

impl World {
    fn new() -> World {
        let app = TestApp::spawn();
        let admin = app.admin_token();
        let center_a = app.center_id(&admin, "406");
        let center_b = app.center_id(&admin, "380");
        app.create_user(&admin, "ca.a", "center_admin", &center_a);
        app.create_user(&admin, "ca.b", "center_admin", &center_b);
        let ca_a = app.login("ca.a", "ca.a-password");
        let ca_b = app.login("ca.b", "ca.b-password");
        let programs = app.get("/api/v1/programs?limit=500", &admin);
        let program = programs.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == "party_admission")
            .unwrap()
            .clone();
        World {
            app,
            admin,
            center_a,
            center_b,
            ca_a,
            ca_b,
            program,
        }
    }

    fn topic(&self, i: usize) -> String {
        self.program["topics"][i]["id"].as_str().unwrap().to_owned()
    }

    fn lecturer(&self, token: &str, body: Value) -> Resp {
        self.app.post("/api/v1/lecturers", token, &body)
    }

    fn full_time(&self, name: &str) -> String {
        let r = self.lecturer(
            &self.ca_a,
            json!({"organization_id": self.center_a, "kind": "full_time", "full_name": name,
                   "position": "lecturer"}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
        r.body["id"].as_str().unwrap().to_owned()
    }

    /// A class of center A from `start` to `end`, moved through `steps`.
    fn class(&self, code: &str, start: NaiveDate, end: NaiveDate, steps: &[&str]) -> String {
        let r = self.app.post(
            "/api/v1/classes",
            &self.ca_a,
            &json!({"center_id": self.center_a, "program_id": self.program["id"], "code": code,
                    "name": format!("Lớp {code}"), "mode": "concentrated",
                    "start_date": start, "end_date": end, "capacity": 60}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
        let id = r.body["id"].as_str().unwrap().to_owned();
        for step in steps {
            let r = self.app.post(
                &format!("/api/v1/classes/{id}/{step}"),
                &self.ca_a,
                &class_step_body(step),
            );
            assert_eq!(r.status, 200, "{step}: {}", r.text);
        }
        id
    }

    fn session(
        &self,
        class: &str,
        date: NaiveDate,
        start: &str,
        periods: i32,
        topic: &str,
        lecturer: &str,
    ) -> Resp {
        self.app.post(
            &format!("/api/v1/classes/{class}/sessions"),
            &self.ca_a,
            &json!({"session_date": date, "start_time": start, "periods": periods,
                    "topic_id": topic, "lecturer_id": lecturer, "room": "Phòng 1"}),
        )
    }
}

#[test]
fn lecturers_kinds_scope_and_linked_accounts() {
    let w = World::new();
    let app = &w.app;
    // A part-time lecturer is a district leader: the post is required.
    let r = w.lecturer(
        &w.ca_a,
        json!({"organization_id": w.center_a, "kind": "part_time", "full_name": "Lê Văn Cường"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "leadership_post");
    let r = w.lecturer(
        &w.ca_a,
        json!({"organization_id": w.center_a, "kind": "part_time", "full_name": "Lê Văn Cường",
               "leadership_post": "Phó Bí thư Thường trực Huyện ủy", "subjects": ["Tình hình địa phương"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["position"], Value::Null);
    let part_time = r.body["id"].as_str().unwrap().to_owned();
    let r = w.lecturer(
        &w.ca_a,
        json!({"organization_id": w.center_a, "kind": "full_time", "full_name": "Nguyễn Thị Hoa"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "position");
    let hoa = w.full_time("Nguyễn Thị Hoa");
    // Another center's admin can neither see nor create them.
    app.get(&format!("/api/v1/lecturers/{hoa}"), &w.ca_b)
        .problem(404);
    let r = w.lecturer(
        &w.ca_b,
        json!({"organization_id": w.center_a, "kind": "full_time", "full_name": "X", "position": "staff"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "organization_id");
    // The provincial school's lecturers are visiting, and every center sees them.
    let school = app.get("/api/v1/organizations?kind=provincial_school", &w.admin);
    let school_id = match school.body["items"].as_array() {
        Some(items) if !items.is_empty() => items[0]["id"].as_str().unwrap().to_owned(),
        _ => {
            let province = app.province_id(&w.admin);
            let children = app.get(
                &format!("/api/v1/organizations/{province}/children"),
                &w.admin,
            );
            children.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["kind"] == "provincial_school")
                .unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let r = w.lecturer(
        &w.admin,
        json!({"organization_id": school_id, "kind": "full_time", "full_name": "TS. Trần Minh", "position": "lecturer"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "kind");
    let r = w.lecturer(
        &w.admin,
        json!({"organization_id": school_id, "kind": "visiting", "full_name": "TS. Trần Minh", "position": "lecturer"}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let visiting = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get(&format!("/api/v1/lecturers/{visiting}"), &w.ca_b)
            .status,
        200
    );
    let r = app.patch(
        &format!("/api/v1/lecturers/{visiting}"),
        &w.ca_b,
        &json!({"degree": "Tiến sĩ"}),
    );
    r.problem(403);
    let list = app.get("/api/v1/lecturers", &w.ca_a);
    assert_eq!(list.body["total"], 3, "{}", list.text);
    let list = app.get("/api/v1/lecturers?kind=part_time&q=le van cuong", &w.ca_a);
    assert_eq!(list.body["items"][0]["id"], part_time.as_str());
    // A linked account must be a lecturer account of the same center, linked once.
    let gv = app.create_user(&w.admin, "gv.hoa", "lecturer", &w.center_a);
    let other = app.create_user(&w.admin, "ca.a2", "center_admin", &w.center_a);
    let r = app.patch(
        &format!("/api/v1/lecturers/{hoa}"),
        &w.ca_a,
        &json!({"user_id": other}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "user_id");
    let r = app.patch(
        &format!("/api/v1/lecturers/{hoa}"),
        &w.ca_a,
        &json!({"user_id": gv}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let r = app.patch(
        &format!("/api/v1/lecturers/{part_time}"),
        &w.ca_a,
        &json!({"user_id": gv}),
    );
    r.problem(409);
    // Every change is in the feed.
    let feed = app.get("/api/v1/changes?types=lecturer", &w.admin);
    assert!(
        feed.body["items"].as_array().unwrap().len() >= 4,
        "{}",
        feed.text
    );
}

#[test]
fn class_rules_workflow_and_read_only_when_completed() {
    let w = World::new();
    let app = &w.app;
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let end = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
    let base = json!({"center_id": w.center_a, "program_id": w.program["id"], "code": "knd-01",
                      "name": "Lớp nhận thức về Đảng", "mode": "concentrated",
                      "start_date": start, "end_date": end, "capacity": 60});
    let with = |patch: Value| {
        let mut b = base.clone();
        for (k, v) in patch.as_object().unwrap() {
            b[k] = v.clone();
        }
        app.post("/api/v1/classes", &w.ca_a, &b)
    };
    // Capacity below the policy's minimum class size (10), dates reversed, a plan line that is not
    // of an approved plan: each a 422 naming its field.
    assert_eq!(
        with(json!({"capacity": 9})).problem(422)["errors"][0]["field"],
        "capacity"
    );
    assert_eq!(
        with(json!({"end_date": "2026-03-01"})).problem(422)["errors"][0]["field"],
        "end_date"
    );
    let plan = app.post(
        "/api/v1/training-plans",
        &w.ca_a,
        &json!({"center_id": w.center_a, "year": 2026}),
    );
    let plan_id = plan.body["id"].as_str().unwrap().to_owned();
    let line = app.post(
        &format!("/api/v1/training-plans/{plan_id}/lines"),
        &w.ca_a,
        &json!({"program_id": w.program["id"], "planned_classes": 4, "planned_learners": 240}),
    );
    // Adding a line answers with the whole plan.
    let line_id = line.body["lines"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        with(json!({"plan_line_id": line_id})).problem(422)["errors"][0]["field"],
        "plan_line_id"
    );
    let committee = app.committee_of(&w.admin, &w.center_a);
    for step in ["submit", "appraise", "approve"] {
        let body = if step == "approve" {
            json!({"decision_number": "12-QĐ/HU", "decision_date": "2026-01-10"})
        } else {
            json!({})
        };
        let r = app.post(
            &format!("/api/v1/training-plans/{plan_id}/{step}"),
            match step {
                "submit" => &w.ca_a,
                "appraise" => &w.admin,
                _ => &committee,
            },
            &body,
        );
        assert_eq!(r.status, 200, "{step}: {}", r.text);
    }
    let created = with(json!({"plan_line_id": line_id}));
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.body["code"], "KND-01");
    assert_eq!(created.body["status"], "planned");
    let id = created.body["id"].as_str().unwrap().to_owned();
    // The same code in the same center and year, whatever its case, is taken.
    with(json!({"code": "KND-01"})).problem(409);
    // Reserve-cadre classes name their term.
    let reserve = app.get("/api/v1/programs?limit=500", &w.admin).body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "reserve_cadre")
        .unwrap()["id"]
        .clone();
    let r = with(json!({"program_id": reserve, "code": "DN-01"}));
    assert_eq!(r.problem(422)["errors"][0]["field"], "term");
    let r = with(json!({"program_id": reserve, "code": "DN-01", "term": "2020-2025"}));
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["term"], "2020–2025");
    // The workflow, with history; an illegal step names the state and what it allows.
    let r = app.post(
        &format!("/api/v1/classes/{id}/complete"),
        &w.ca_a,
        &json!({}),
    );
    assert_eq!(r.problem(409)["current_state"], "planned");
    // Opening records the decision to open: without its number and date it is refused, both
    // fields named; starting decides nothing and takes no decision.
    let r = app.post(&format!("/api/v1/classes/{id}/open"), &w.ca_a, &json!({}));
    let mut fields = r.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec!["decision_date", "decision_number"],
        "{}",
        r.text
    );
    for step in ["open", "start", "complete"] {
        if step == "start" {
            let r = app.post(
                &format!("/api/v1/classes/{id}/start"),
                &w.ca_a,
                &json!({"decision_number": "3/QĐ"}),
            );
            assert_eq!(r.problem(422)["errors"][0]["code"], "not_a_decision");
        }
        let r = app.post(
            &format!("/api/v1/classes/{id}/{step}"),
            &w.ca_a,
            &class_step_body(step),
        );
        assert_eq!(r.status, 200, "{step}: {}", r.text);
    }
    let r = app.patch(
        &format!("/api/v1/classes/{id}"),
        &w.ca_a,
        &json!({"name": "Đổi tên"}),
    );
    assert_eq!(r.problem(409)["current_state"], "completed");
    let h = app.get(&format!("/api/v1/classes/{id}/history"), &w.ca_a);
    let actions: Vec<&str> = h.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["open", "start", "complete"]);
    // Both decisions are on the class and in its history.
    let class = app.get(&format!("/api/v1/classes/{id}"), &w.ca_a).body;
    assert_eq!(class["opening_decision"]["number"], "01/QĐ-TTCT");
    assert_eq!(class["opening_decision"]["date"], "2019-01-02");
    assert_eq!(class["recognition_decision"]["number"], "02/QĐ-TTCT");
    assert_eq!(
        h.body["items"][0]["comment"],
        "Quyết định số 01/QĐ-TTCT ngày 02/01/2019 (Giám đốc Trung tâm)"
    );
    // Scope: the other center does not see it.
    app.get(&format!("/api/v1/classes/{id}"), &w.ca_b)
        .problem(404);
    assert_eq!(
        app.get("/api/v1/classes?year=2026", &w.ca_b).body["total"],
        0
    );
    assert_eq!(
        app.get("/api/v1/classes?year=2026", &w.admin).body["total"],
        2
    );
}

#[test]
fn sessions_stay_within_the_class_and_never_double_book_a_lecturer() {
    let w = World::new();
    let start = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
    let end = NaiveDate::from_ymd_opt(2026, 5, 8).unwrap();
    let class = w.class("A-01", start, end, &[]);
    let other = w.class("A-02", start, end, &[]);
    let hoa = w.full_time("Nguyễn Thị Hoa");
    let topic = w.topic(0);
    // The class's last day is in; the day after is not.
    assert_eq!(w.session(&class, end, "07:30", 4, &topic, &hoa).status, 201);
    let r = w.session(&class, end + Duration::days(1), "07:30", 4, &topic, &hoa);
    assert_eq!(r.problem(422)["errors"][0]["field"], "session_date");
    // 07:30 + 4 periods ends at 10:50: a session from 10:00 clashes, one from 10:50 does not.
    let r = w.session(&other, end, "10:00", 2, &topic, &hoa);
    assert!(r.problem(409)["detail"].as_str().unwrap().contains("07:30"));
    assert_eq!(w.session(&other, end, "10:50", 2, &topic, &hoa).status, 201);
    // A topic of another program, a bad time, too many periods: 422 naming each.
    let r = w.session(&class, start, "25:00", 4, &topic, &hoa);
    assert_eq!(r.problem(422)["errors"][0]["field"], "start_time");
    let r = w.session(&class, start, "07:30", 11, &topic, &hoa);
    assert_eq!(r.problem(422)["errors"][0]["field"], "periods");
    let r = w.session(&class, start, "07:30", 2, &w.center_b, &hoa);
    assert_eq!(r.problem(422)["errors"][0]["field"], "topic_id");
    // Eight overlapping requests at once: exactly one is scheduled.
    let barrier = std::sync::Barrier::new(8);
    let results: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let (w, barrier, hoa, topic, class, other) =
                    (&w, &barrier, &hoa, &topic, &class, &other);
                s.spawn(move || {
                    barrier.wait();
                    let c = if i % 2 == 0 { class } else { other };
                    w.session(c, start, &format!("13:{:02}", 30 + i), 3, topic, hoa)
                        .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        results.iter().filter(|s| **s == 201).count(),
        1,
        "{results:?}"
    );
    assert!(
        results.iter().all(|s| *s == 201 || *s == 409),
        "{results:?}"
    );
    // Coverage counts scheduled periods per topic.
    let c = w
        .app
        .get(&format!("/api/v1/classes/{class}/coverage"), &w.ca_a);
    assert_eq!(c.status, 200, "{}", c.text);
    // 4 periods on the last day, plus the race's winner (3) if it went to this class.
    let scheduled = c.body["topics"][0]["scheduled_periods"].as_i64().unwrap();
    assert!(scheduled == 4 || scheduled == 7, "{}", c.text);
    assert_eq!(
        c.body["required_periods"],
        w.program["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["periods"].as_i64().unwrap())
            .sum::<i64>()
    );
    assert_eq!(c.body["taught_periods"], 0);
}

#[test]
fn a_session_is_taught_only_with_a_lesson_plan_approved_on_or_before_its_day() {
    let w = World::new();
    let app = &w.app;
    let day = today();
    let class = w.class(
        "GA-01",
        day - Duration::days(5),
        day + Duration::days(5),
        &["open", "start"],
    );
    let hoa = w.full_time("Nguyễn Thị Hoa");
    let gv = app.create_user(&w.admin, "gv.hoa", "lecturer", &w.center_a);
    let r = app.patch(
        &format!("/api/v1/lecturers/{hoa}"),
        &w.ca_a,
        &json!({"user_id": gv}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let lecturer = app.login("gv.hoa", "gv.hoa-password");
    let topic = w.topic(0);
    let yesterday = w.session(&class, day - Duration::days(1), "07:30", 4, &topic, &hoa);
    let today_session = w.session(&class, day, "07:30", 4, &topic, &hoa);
    let (yesterday, today_session) = (
        yesterday.body["id"].as_str().unwrap().to_owned(),
        today_session.body["id"].as_str().unwrap().to_owned(),
    );
    let teach = |id: &str, token: &str| {
        app.post(&format!("/api/v1/sessions/{id}/teach"), token, &json!({}))
    };
    // No lesson plan at all.
    let r = teach(&today_session, &lecturer);
    let e = &r.problem(422)["errors"][0];
    assert_eq!(e["field"], "lesson_plan");
    assert!(
        e["message"].as_str().unwrap().contains("no lesson plan"),
        "{}",
        r.text
    );
    // The lecturer writes and submits one; while it is under review it does not count.
    let plan = app.post("/api/v1/lesson-plans", &lecturer, &json!({"topic_id": topic,
        "title": "Bài 1: Khái quát về Đảng", "outline": "I. Mục tiêu\nII. Nội dung", "uses_it": true,
        "attachments": [{"name": "bai-1.pptx", "size": 1048576, "media_type": "application/vnd.ms-powerpoint"}]}));
    assert_eq!(plan.status, 201, "{}", plan.text);
    let plan_id = plan.body["id"].as_str().unwrap().to_owned();
    let step = |action: &str, token: &str, body: Value| {
        app.post(
            &format!("/api/v1/lesson-plans/{plan_id}/{action}"),
            token,
            &body,
        )
    };
    assert_eq!(step("submit", &lecturer, json!({})).status, 200);
    let r = teach(&today_session, &lecturer);
    assert!(r.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("submitted"));
    // Nobody reviews their own; a lecturer does not review at all; returning needs a comment.
    step("appraise", &lecturer, json!({})).problem(403);
    assert_eq!(
        step("return", &w.ca_a, json!({})).problem(422)["errors"][0]["field"],
        "comment"
    );
    assert_eq!(step("appraise", &w.ca_a, json!({})).status, 200);
    // Another center's admin cannot see it, let alone approve it.
    step("approve", &w.ca_b, json!({})).problem(404);
    let approved = step("approve", &w.ca_a, json!({}));
    assert_eq!(approved.status, 200, "{}", approved.text);
    assert_eq!(approved.body["approved_on"], json!(day));
    // Approved today: today's session may be taught, yesterday's may not.
    let r = teach(&yesterday, &w.ca_a);
    let message = r.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("after the session"), "{message}");
    let r = teach(&today_session, &lecturer);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["status"], "taught");
    assert_eq!(r.body["lesson_plan_id"], plan_id.as_str());
    teach(&today_session, &w.ca_a).problem(409);
    // Editing the approved plan opens version 2; version 1 stays in force until 2 is approved.
    let v2 = app.patch(
        &format!("/api/v1/lesson-plans/{plan_id}"),
        &lecturer,
        &json!({"title": "Bài 1 (cập nhật)"}),
    );
    assert_eq!(v2.status, 201, "{}", v2.text);
    assert_eq!(v2.body["version_no"], 2);
    assert_eq!(v2.body["status"], "draft");
    let v1 = app.get(&format!("/api/v1/lesson-plans/{plan_id}"), &w.ca_a);
    assert_eq!(v1.body["status"], "approved");
    let v2_id = v2.body["id"].as_str().unwrap().to_owned();
    for (action, token) in [
        ("submit", &lecturer),
        ("appraise", &w.ca_a),
        ("approve", &w.ca_a),
    ] {
        let r = app.post(
            &format!("/api/v1/lesson-plans/{v2_id}/{action}"),
            token,
            &json!({}),
        );
        assert_eq!(r.status, 200, "{action}: {}", r.text);
    }
    let v1 = app.get(&format!("/api/v1/lesson-plans/{plan_id}"), &w.ca_a);
    assert_eq!(v1.body["status"], "superseded");
    assert_eq!(v1.body["superseded_on"], json!(day));
    let h = app.get(
        &format!("/api/v1/lesson-plans/{plan_id}/history"),
        &lecturer,
    );
    let actions: Vec<&str> = h.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["submit", "appraise", "approve", "supersede"]);
    // The lecturer reads only their own lesson plans; coverage now shows the taught periods.
    assert_eq!(app.get("/api/v1/lesson-plans", &lecturer).body["total"], 2);
    let c = app.get(&format!("/api/v1/classes/{class}/coverage"), &w.ca_a);
    assert_eq!(c.body["taught_periods"], 4, "{}", c.text);
    // A class that is not in progress teaches nothing.
    let planned = w.class("GA-02", day, day, &[]);
    let s = w.session(&planned, day, "13:30", 2, &topic, &hoa);
    let s_id = s.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        teach(&s_id, &w.ca_a).problem(409)["current_state"],
        "planned"
    );
}

/// Backdates a lesson plan's approval (the API dates approvals today), so that past sessions can
/// be taught in a test.
fn backdate_approval(app: &TestApp, plan: &str, day: NaiveDate) {
    use centers_db::schema::lesson_plans::dsl::*;
    use diesel::prelude::*;
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    let plan_id: centers_db::LessonPlanId = uuid::Uuid::parse_str(plan).unwrap().into();
    diesel::update(lesson_plans.filter(id.eq(plan_id)))
        .set(approved_on.eq(Some(day)))
        .execute(&mut *conn)
        .unwrap();
}

#[test]
fn visits_workload_activities_and_the_teaching_report() {
    let w = World::new();
    let app = &w.app;
    let day = today();
    let past = day - Duration::days(30);
    let class = w.class(
        "DG-01",
        day - Duration::days(40),
        day + Duration::days(5),
        &["open", "start"],
    );
    let hoa = w.full_time("Nguyễn Thị Hoa");
    let lan = w.full_time("Trần Thị Lan");
    let r = w.lecturer(
        &w.ca_a,
        json!({"organization_id": w.center_a, "kind": "part_time",
        "full_name": "Lê Văn Cường", "leadership_post": "Phó Chủ tịch UBND huyện"}),
    );
    let cuong = r.body["id"].as_str().unwrap().to_owned();
    let gv = app.create_user(&w.admin, "gv.hoa", "lecturer", &w.center_a);
    app.patch(
        &format!("/api/v1/lecturers/{hoa}"),
        &w.ca_a,
        &json!({"user_id": gv}),
    );
    let hoa_token = app.login("gv.hoa", "gv.hoa-password");
    // Approved lesson plans (written by the center admin on the lecturers' behalf), backdated.
    for (lecturer, topic) in [(&hoa, w.topic(0)), (&cuong, w.topic(1))] {
        let p = app.post(
            "/api/v1/lesson-plans",
            &w.ca_a,
            &json!({"lecturer_id": lecturer,
            "topic_id": topic, "title": "Bài giảng", "outline": "Đề cương"}),
        );
        assert_eq!(p.status, 201, "{}", p.text);
        let id = p.body["id"].as_str().unwrap().to_owned();
        for step in ["submit", "appraise", "approve"] {
            let r = app.post(
                &format!("/api/v1/lesson-plans/{id}/{step}"),
                &w.ca_a,
                &json!({}),
            );
            assert_eq!(r.status, 200, "{step}: {}", r.text);
        }
        backdate_approval(app, &id, day - Duration::days(40));
    }
    // Hoa: 3 periods 30 days ago and 4 today; Cường: 2 periods today.
    let mut taught = Vec::new();
    for (date, start, periods, topic, lecturer) in [
        (past, "07:30", 3, w.topic(0), &hoa),
        (day, "07:30", 4, w.topic(0), &hoa),
        (day, "13:30", 2, w.topic(1), &cuong),
    ] {
        let s = w.session(&class, date, start, periods, &topic, lecturer);
        assert_eq!(s.status, 201, "{}", s.text);
        let id = s.body["id"].as_str().unwrap().to_owned();
        let r = app.post(&format!("/api/v1/sessions/{id}/teach"), &w.ca_a, &json!({}));
        assert_eq!(r.status, 200, "{}", r.text);
        taught.push(id);
    }
    // A session later than today is not taught yet.
    let later = w.session(
        &class,
        day + Duration::days(2),
        "07:30",
        2,
        &w.topic(0),
        &hoa,
    );
    let later = later.body["id"].as_str().unwrap().to_owned();
    let r = app.post(
        &format!("/api/v1/sessions/{later}/teach"),
        &w.ca_a,
        &json!({}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "session_date");

    // The policy changes 20 days ago: three criteria instead of five, 10 standard hours per period
    // and a lecturing norm of 20 hours (exaggerations that make overtime show).
    let mut policy = app
        .get(&format!("/api/v1/policies?as_of={day}"), &w.admin)
        .body["values"]
        .clone();
    policy["observation"]["criteria"] = json!([
        {"code": "content", "label": "Nội dung"},
        {"code": "method", "label": "Phương pháp"},
        {"code": "practice", "label": "Liên hệ thực tiễn"}]);
    policy["hours_per_period"] = json!(10);
    for norm in policy["teaching_norms"].as_array_mut().unwrap() {
        if norm["position"] == "full_time_lecturer" {
            norm["lecturing_hours"] = json!(20);
            norm["total_hours"] = json!(40);
        }
    }
    let changed_on = day - Duration::days(20);
    let r = app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": changed_on, "values": policy}),
    );
    assert_eq!(r.status, 201, "{}", r.text);

    let visit =
        |session: &str, observer: &str, scores: Value| {
            app.post(&format!("/api/v1/sessions/{session}/visits"), &w.ca_a,
            &json!({"observer_id": observer, "scores": scores, "comments": "Bài giảng sinh động"}))
        };
    let five = json!({"content": 9, "method": 8.5, "theory_practice": 8, "it_use": 7, "time_management": 9});
    // An observer belongs to the session's center or to the provincial school: a province admin
    // cannot make another center's lecturer visible to this one through a visit (issue 19).
    let other_center = app.post(
        "/api/v1/lecturers",
        &w.ca_b,
        &json!({"organization_id": w.center_b, "kind": "full_time", "full_name": "Lê Văn Bình",
                "position": "lecturer"}),
    );
    assert_eq!(other_center.status, 201, "{}", other_center.text);
    let r = app.post(
        &format!("/api/v1/sessions/{}/visits", taught[0]),
        &w.admin,
        &json!({"observer_id": other_center.body["id"], "scores": five}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["code"],
        "other_center",
        "{}",
        r.text
    );
    // The old session is scored on the five criteria in force on its day...
    let v = visit(&taught[0], &lan, five.clone());
    assert_eq!(v.status, 201, "{}", v.text);
    assert_eq!(v.body["total_score"], 41.5);
    assert_eq!(v.body["average_score"], 8.3);
    assert_eq!(v.body["rating_code"], "kha");
    // ...today's on the three in force now.
    let r = visit(&taught[1], &lan, five);
    let fields = r.error_fields();
    assert!(
        fields.contains(&"scores.it_use".to_owned())
            && fields.contains(&"scores.practice".to_owned()),
        "{fields:?}"
    );
    let v = visit(
        &taught[1],
        &lan,
        json!({"content": 9, "method": 9, "practice": 8.5}),
    );
    assert_eq!(v.status, 201, "{}", v.text);
    assert_eq!(v.body["average_score"], 8.83);
    assert_eq!(v.body["rating_code"], "gioi");
    // Nobody visits their own session; the same observer once; a score off the scale is refused.
    assert_eq!(
        visit(
            &taught[1],
            &hoa,
            json!({"content": 9, "method": 9, "practice": 9})
        )
        .problem(422)["errors"][0]["field"],
        "observer_id"
    );
    visit(
        &taught[1],
        &lan,
        json!({"content": 9, "method": 9, "practice": 9}),
    )
    .problem(409);
    assert_eq!(
        visit(
            &taught[2],
            &lan,
            json!({"content": 11, "method": 9, "practice": 9})
        )
        .problem(422)["errors"][0]["field"],
        "scores.content"
    );
    // The lecturer sees the visits of their own sessions; the other center sees none.
    assert_eq!(app.get("/api/v1/class-visits", &hoa_token).body["total"], 2);
    // A whole scope's visits are counted when asked (issue 23: they grow with the years).
    let other = app.get("/api/v1/class-visits", &w.ca_b);
    assert_eq!(other.body["items"], json!([]));
    assert_eq!(other.body["total"], Value::Null);
    assert_eq!(
        app.get("/api/v1/class-visits?total=true", &w.ca_b).body["total"],
        0
    );

    // Activities: a lecturer records their own, nobody else's.
    let activity = |lecturer: &str, token: &str, body: Value| {
        app.post(
            &format!("/api/v1/lecturers/{lecturer}/activities"),
            token,
            &body,
        )
    };
    let r = activity(
        &hoa,
        &hoa_token,
        json!({"kind": "party_cell_meeting", "activity_date": day, "hours": 3.5, "place": "Chi bộ thôn 3"}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(
        activity(
            &hoa,
            &hoa_token,
            json!({"kind": "fieldwork", "activity_date": day, "hours": 8})
        )
        .status,
        201
    );
    activity(
        &lan,
        &hoa_token,
        json!({"kind": "self_study", "activity_date": day, "hours": 2}),
    )
    .problem(403);
    assert_eq!(
        activity(
            &hoa,
            &hoa_token,
            json!({"kind": "self_study", "activity_date": day, "hours": 0})
        )
        .problem(422)["errors"][0]["field"],
        "hours"
    );

    // Workload by hand: periods in this year × 10 standard hours against the lecturing norm (20).
    let year = chrono::Datelike::year(&day);
    let periods: i64 = [(past, 3), (day, 4)]
        .iter()
        .filter(|(d, _)| chrono::Datelike::year(d) == year)
        .map(|(_, p)| p)
        .sum();
    let wl = app.get(
        &format!("/api/v1/lecturers/{hoa}/workload?year={year}"),
        &hoa_token,
    );
    assert_eq!(wl.status, 200, "{}", wl.text);
    assert_eq!(wl.body["periods_taught"], periods);
    assert_eq!(
        wl.body["standard_hours"].as_f64(),
        Some(periods as f64 * 10.0)
    );
    assert_eq!(wl.body["norm_position"], "full_time_lecturer");
    assert_eq!(wl.body["norm_lecturing_hours"], 20);
    assert_eq!(
        wl.body["overtime_hours"].as_f64(),
        Some((periods as f64 * 10.0 - 20.0).max(0.0))
    );
    assert_eq!(wl.body["activity_hours_total"].as_f64(), Some(11.5));
    let kinds = wl.body["activity_hours"].as_array().unwrap();
    assert!(kinds
        .iter()
        .any(|k| k["kind"] == "party_cell_meeting" && k["hours"] == 3.5));
    // A part-time lecturer has no norm at the center; a lecturer reads only their own workload.
    let wl = app.get(
        &format!("/api/v1/lecturers/{cuong}/workload?year={year}"),
        &w.ca_a,
    );
    assert_eq!(wl.body["norm_lecturing_hours"], Value::Null);
    assert_eq!(wl.body["overtime_hours"].as_f64(), Some(0.0));
    app.get(
        &format!("/api/v1/lecturers/{cuong}/workload?year={year}"),
        &hoa_token,
    )
    .problem(404);
    app.get(
        &format!("/api/v1/lecturers/{cuong}/workload?year=abc"),
        &w.ca_a,
    )
    .problem(400);

    // The teaching report: part-time share, lesson plans approved before teaching, visit average.
    let report = app.get(&format!("/api/v1/reports/teaching?year={year}"), &w.admin);
    assert_eq!(report.status, 200, "{}", report.text);
    let total = &report.body["total"];
    let all_periods = periods + 2;
    assert_eq!(total["periods_taught"], all_periods);
    assert_eq!(total["periods_by_kind"]["part_time"], 2);
    let share = total["part_time_share"].as_f64().unwrap();
    assert!((share - 2.0 / all_periods as f64).abs() < 1e-4, "{share}");
    assert_eq!(total["approved_before_teaching_share"].as_f64(), Some(1.0));
    let center = report.body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["center_id"] == w.center_a.as_str())
        .unwrap();
    assert_eq!(center["periods_taught"], all_periods);
    let other = report.body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["center_id"] == w.center_b.as_str())
        .unwrap();
    assert_eq!(other["periods_taught"], 0);
    assert_eq!(other["part_time_share"], Value::Null);
    // A center sees only itself.
    let mine = app.get(&format!("/api/v1/reports/teaching?year={year}"), &w.ca_b);
    assert_eq!(mine.body["centers"].as_array().unwrap().len(), 1);
    assert_eq!(mine.body["total"]["periods_taught"], 0);
}

#[test]
fn roles_see_and_do_what_they_should_and_every_write_is_in_the_feed() {
    let w = World::new();
    let app = &w.app;
    let province = app.province_id(&w.admin);
    app.create_user(&w.admin, "viewer", "province_viewer", &province);
    let viewer = app.login("viewer", "viewer-password");
    let po = app.create_party_org(&w.admin, &w.center_a, "CB1", "Chi bộ 1")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&w.admin, "po.a", "party_org", &po);
    let party_org = app.login("po.a", "po.a-password");
    let day = today();
    let class = w.class("Q-01", day, day + Duration::days(3), &["open"]);
    let hoa = w.full_time("Nguyễn Thị Hoa");
    let s = w.session(
        &class,
        day + Duration::days(1),
        "07:30",
        2,
        &w.topic(0),
        &hoa,
    );
    assert_eq!(s.status, 201, "{}", s.text);
    // The province viewer reads everything and changes nothing.
    assert_eq!(
        app.get(&format!("/api/v1/classes/{class}"), &viewer).status,
        200
    );
    assert_eq!(app.get("/api/v1/lecturers", &viewer).body["total"], 1);
    w.lecturer(
        &viewer,
        json!({"organization_id": w.center_a, "kind": "full_time",
        "full_name": "X", "position": "staff"}),
    )
    .problem(403);
    app.post(
        &format!("/api/v1/classes/{class}/start"),
        &viewer,
        &json!({}),
    )
    .problem(403);
    // A party organization's account does not read teaching records at all.
    app.get("/api/v1/lecturers", &party_org).problem(403);
    app.get(&format!("/api/v1/classes/{class}/sessions"), &party_org)
        .problem(403);
    // A lecturer without a linked record writes no lesson plan; reads only own sessions.
    app.create_user(&w.admin, "gv.x", "lecturer", &w.center_a);
    let gv = app.login("gv.x", "gv.x-password");
    app.post(
        "/api/v1/lesson-plans",
        &gv,
        &json!({"topic_id": w.topic(0), "title": "T", "outline": "O"}),
    )
    .problem(403);
    assert_eq!(
        app.get(&format!("/api/v1/classes/{class}/sessions"), &gv)
            .body["total"],
        0
    );
    assert_eq!(
        app.get(&format!("/api/v1/classes/{class}/sessions"), &w.ca_a)
            .body["total"],
        1
    );
    // A lecturer referred to by a session is not deleted; one entered by mistake is.
    app.delete(&format!("/api/v1/lecturers/{hoa}"), &w.ca_a)
        .problem(409);
    let typo = w.full_time("Nguyen Thi Hoa (nhập nhầm)");
    assert_eq!(
        app.delete(&format!("/api/v1/lecturers/{typo}"), &w.ca_a)
            .status,
        204
    );
    app.get(&format!("/api/v1/lecturers/{typo}"), &w.ca_a)
        .problem(404);
    // Every teaching resource is in the change feed, for the center's own systems too.
    let feed = app.get(
        "/api/v1/changes?types=lecturer,class,class_session&limit=500",
        &w.ca_a,
    );
    assert_eq!(feed.status, 200, "{}", feed.text);
    let types: std::collections::BTreeSet<String> = feed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["entity"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        types.contains("lecturer") && types.contains("class") && types.contains("class_session"),
        "{types:?} {}",
        feed.text
    );
    assert!(
        feed.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["op"] == "delete" && c["id"] == typo.as_str()),
        "{}",
        feed.text
    );
}
