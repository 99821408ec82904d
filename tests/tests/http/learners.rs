//! Learners, nominations and enrollments (issue 10, first part), on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{class_step_body, Resp, TestApp};
use serde_json::{json, Value};

pub(crate) struct World {
    pub(crate) app: TestApp,
    pub(crate) admin: String,
    pub(crate) center_a: String,
    pub(crate) ca_a: String,
    pub(crate) ca_b: String,
    pub(crate) po_a: String,
    pub(crate) po_token: String,
    pub(crate) programs: Value,
}

impl World {
    pub(crate) fn new() -> World {
        let app = TestApp::spawn();
        let admin = app.admin_token();
        let center_a = app.center_id(&admin, "406");
        let center_b = app.center_id(&admin, "380");
        app.create_user(&admin, "ca.a", "center_admin", &center_a);
        app.create_user(&admin, "ca.b", "center_admin", &center_b);
        let po_a = app.create_party_org(&admin, &center_a, "CB-1", "Chi bộ thôn 1")["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.create_user(&admin, "po.a", "party_org", &po_a);
        World {
            ca_a: app.login("ca.a", "ca.a-password"),
            ca_b: app.login("ca.b", "ca.b-password"),
            po_token: app.login("po.a", "po.a-password"),
            programs: app.get("/api/v1/programs?limit=500", &admin).body["items"].clone(),
            app,
            admin,
            center_a,
            po_a,
        }
    }

    pub(crate) fn program(&self, code: &str) -> Value {
        self.programs
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == code)
            .unwrap()["id"]
            .clone()
    }

    pub(crate) fn learner(&self, token: &str, extra: Value) -> Resp {
        let mut body = json!({"party_organization_id": self.po_a, "full_name": "Lê Thị Mai",
            "birth_date": "1995-04-12", "gender": "female", "ethnicity": "Kinh",
            "party_status": "non_member"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        self.app.post("/api/v1/learners", token, &body)
    }

    pub(crate) fn open_class(
        &self,
        code: &str,
        program: &str,
        start: &str,
        capacity: i32,
    ) -> String {
        let r = self.app.post(
            "/api/v1/classes",
            &self.ca_a,
            &json!({"center_id": self.center_a, "program_id": self.program(program), "code": code,
                    "name": format!("Lớp {code}"), "mode": "concentrated", "start_date": start,
                    "end_date": start, "capacity": capacity}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
        let id = r.body["id"].as_str().unwrap().to_owned();
        let r = self.app.post(
            &format!("/api/v1/classes/{id}/open"),
            &self.ca_a,
            &class_step_body("open"),
        );
        assert_eq!(r.status, 200, "{}", r.text);
        id
    }

    pub(crate) fn nominate(&self, token: &str, class: &str, learner: &str) -> Resp {
        self.app.post(
            &format!("/api/v1/classes/{class}/nominations"),
            token,
            &json!({"learner_id": learner}),
        )
    }

    pub(crate) fn step(&self, enrollment: &str, action: &str, body: Value) -> Resp {
        self.app.post(
            &format!("/api/v1/enrollments/{enrollment}/{action}"),
            &self.ca_a,
            &body,
        )
    }
}

pub(crate) fn id(r: &Resp) -> String {
    r.body["id"].as_str().unwrap().to_owned()
}

#[test]
fn learners_duplicates_masking_and_scope() {
    let w = World::new();
    let app = &w.app;
    let r = w.learner(&w.po_token, json!({"national_id": "038195001234"}));
    assert_eq!(r.status, 201, "{}", r.text);
    let mai = id(&r);
    // Masked for the party organization's account, whole for the center's admin.
    assert_eq!(r.body["national_id"], "********1234");
    assert_eq!(
        app.get(&format!("/api/v1/learners/{mai}"), &w.ca_a).body["national_id"],
        "038195001234"
    );
    // The same folded name and birth date: a 409 naming the candidate, unless confirmed.
    let r = w.learner(&w.ca_a, json!({"full_name": "LE THI MAI"}));
    let detail = r.problem(409)["detail"].as_str().unwrap().to_owned();
    assert!(detail.contains(&mai), "{detail}");
    let r = w.learner(
        &w.ca_a,
        json!({"full_name": "Lê Thị Mai", "confirm_new": true}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    // A national id is one person's: refused even when confirmed.
    let r = w.learner(
        &w.ca_a,
        json!({"full_name": "Trần Văn Nam", "birth_date": "1990-01-01",
        "national_id": "038195001234", "confirm_new": true}),
    );
    r.problem(409);
    // Rules at their edges.
    let r = w.learner(&w.ca_a, json!({"full_name": "A", "national_id": "12345"}));
    assert_eq!(r.problem(422)["errors"][0]["field"], "national_id");
    let r = w.learner(
        &w.ca_a,
        json!({"full_name": "B", "party_status": "probationary"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "admission_date");
    let r = w.learner(
        &w.ca_a,
        json!({"full_name": "C", "birth_date": "2999-01-01"}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "birth_date");
    // Personal data stays in scope.
    app.get(&format!("/api/v1/learners/{mai}"), &w.ca_b)
        .problem(404);
    assert_eq!(app.get("/api/v1/learners", &w.ca_b).body["total"], 0);
    assert_eq!(
        app.get("/api/v1/learners?q=le thi mai&total=true", &w.po_token)
            .body["total"],
        2
    );
    // Without `total=true` a search does not count (issue 23): only kept counts are free.
    assert_eq!(
        app.get("/api/v1/learners?q=le thi mai", &w.po_token).body["total"],
        Value::Null
    );
    assert_eq!(app.get("/api/v1/learners", &w.admin).body["total"], 2);
    // A masked id sent back unchanged keeps the stored one.
    let current = app.get(&format!("/api/v1/learners/{mai}"), &w.po_token);
    let mut body = current.body.clone();
    for k in ["id", "version", "created_at", "updated_at"] {
        body.as_object_mut().unwrap().remove(k);
    }
    body["workplace"] = json!("UBND xã");
    let r = app.request(
        "PUT",
        &format!("/api/v1/learners/{mai}"),
        Some(&w.po_token),
        Some(&body),
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        app.get(&format!("/api/v1/learners/{mai}"), &w.ca_a).body["national_id"],
        "038195001234"
    );
}

#[test]
fn nominations_eligibility_and_vetting() {
    let w = World::new();
    let app = &w.app;
    let admission_class = w.open_class("KND-1", "party_admission", "2026-03-02", 20);
    let non_member = id(&w.learner(&w.po_token, json!({})));
    let member = id(&w.learner(
        &w.po_token,
        json!({"full_name": "Hoàng Văn Đức",
        "party_status": "probationary", "admission_date": "2025-12-01"}),
    ));
    // The party organization nominates its own learners for an open class, once each.
    let n1 = w.nominate(&w.po_token, &admission_class, &non_member);
    assert_eq!(n1.status, 201, "{}", n1.text);
    assert_eq!(n1.body["status"], "nominated");
    w.nominate(&w.po_token, &admission_class, &non_member)
        .problem(409);
    let n2 = w.nominate(&w.ca_a, &admission_class, &member);
    assert_eq!(n2.status, 201, "{}", n2.text);
    // The party organization sees its own nominations; another center sees nothing of the class.
    assert_eq!(
        app.get(
            &format!("/api/v1/classes/{admission_class}/enrollments"),
            &w.po_token
        )
        .body["total"],
        2
    );
    app.get(
        &format!("/api/v1/classes/{admission_class}/enrollments"),
        &w.ca_b,
    )
    .problem(404);
    // Party admission is for non-members: the probationary member is not eligible.
    let r = w.step(&id(&n2), "approve", json!({}));
    assert_eq!(r.problem(422)["errors"][0]["field"], "learner.party_status");
    assert_eq!(
        w.step(&id(&n2), "reject", json!({})).problem(422)["errors"][0]["field"],
        "reason"
    );
    assert_eq!(
        w.step(&id(&n2), "reject", json!({"reason": "Đã là đảng viên"}))
            .body["status"],
        "rejected"
    );
    let r = w.step(&id(&n1), "approve", json!({}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        w.step(&id(&n1), "enroll", json!({})).body["status"],
        "enrolled"
    );
    // Nobody but the center vets.
    app.post(
        &format!("/api/v1/enrollments/{}/withdraw", id(&n1)),
        &w.po_token,
        &json!({"reason": "x"}),
    )
    .problem(403);
    // New members: admitted within 12 months before the class starts.
    let new_member_class = w.open_class("DVM-1", "new_member", "2026-03-02", 20);
    let recent = id(&w.learner(
        &w.po_token,
        json!({"full_name": "Phạm Văn An",
        "party_status": "probationary", "admission_date": "2025-03-02"}),
    ));
    let old = id(&w.learner(
        &w.po_token,
        json!({"full_name": "Phạm Văn Bình",
        "party_status": "probationary", "admission_date": "2025-03-01"}),
    ));
    let ok = w.nominate(&w.po_token, &new_member_class, &recent);
    let late = w.nominate(&w.po_token, &new_member_class, &old);
    assert_eq!(w.step(&id(&ok), "approve", json!({})).status, 200);
    let r = w.step(&id(&late), "approve", json!({}));
    assert!(r.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("12 months"));
    // A class that is not open takes no nominations.
    let r = app.post("/api/v1/classes", &w.ca_a, &json!({"center_id": w.center_a,
        "program_id": w.program("party_admission"), "code": "KND-2", "name": "Lớp 2",
        "mode": "concentrated", "start_date": "2026-04-01", "end_date": "2026-04-03", "capacity": 20}));
    let planned = id(&r);
    assert_eq!(
        w.nominate(&w.po_token, &planned, &non_member).problem(409)["current_state"],
        "planned"
    );
    let h = app.get(
        &format!("/api/v1/enrollments/{}/history", id(&n1)),
        &w.po_token,
    );
    let actions: Vec<&str> = h.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["approve", "enroll"]);
}

#[test]
fn capacity_is_never_exceeded_by_concurrent_approvals() {
    let w = World::new();
    let class = w.open_class("KND-9", "party_admission", "2026-05-04", 50);
    let enrollments: Vec<String> = (0..200)
        .map(|i| {
            let l = w.learner(
                &w.ca_a,
                json!({"full_name": format!("Học viên {i}"), "confirm_new": true}),
            );
            assert_eq!(l.status, 201, "{}", l.text);
            let n = w.nominate(&w.ca_a, &class, &id(&l));
            assert_eq!(n.status, 201, "{}", n.text);
            id(&n)
        })
        .collect();
    // 200 approvals from 20 threads at once.
    let barrier = std::sync::Barrier::new(20);
    let statuses: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = enrollments
            .chunks(10)
            .map(|chunk| {
                let (w, barrier) = (&w, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    chunk
                        .iter()
                        .map(|e| w.step(e, "approve", json!({})).status)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        50,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 409),
        "{statuses:?}"
    );
    let list = w.app.get(
        &format!("/api/v1/classes/{class}/enrollments?limit=500"),
        &w.ca_a,
    );
    let approved: Vec<String> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "approved")
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(approved.len(), 50);
    for e in &approved {
        assert_eq!(w.step(e, "enroll", json!({})).status, 200);
    }
    // A withdrawal frees a seat for one more.
    assert_eq!(
        w.step(
            &approved[0],
            "withdraw",
            json!({"reason": "Chuyển công tác"})
        )
        .status,
        200
    );
    let waiting: Vec<String> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "nominated")
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(w.step(&waiting[0], "approve", json!({})).status, 200);
    w.step(&waiting[1], "approve", json!({})).problem(409);
}

#[test]
fn attendance_results_and_completion() {
    let w = World::new();
    let app = &w.app;
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let class = w.open_class("KQ-1", "party_admission", &today.to_string(), 10);
    let mut enrollments = Vec::new();
    for (i, name) in ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", "Phạm Thị D"]
        .iter()
        .enumerate()
    {
        let l = id(&w.learner(
            &w.po_token,
            json!({"full_name": name, "birth_date": format!("199{i}-01-01")}),
        ));
        let e = id(&w.nominate(&w.po_token, &class, &l));
        assert_eq!(w.step(&e, "approve", json!({})).status, 200);
        if i < 3 {
            assert_eq!(w.step(&e, "enroll", json!({})).status, 200);
        }
        enrollments.push(e);
    }
    let (a, b, c, d) = (
        &enrollments[0],
        &enrollments[1],
        &enrollments[2],
        &enrollments[3],
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/classes/{class}/start"),
            &w.ca_a,
            &json!({})
        )
        .status,
        200
    );
    // A lecturer with an approved lesson plan teaches two sessions today: 4 periods and 1.
    let lecturer = app.post(
        "/api/v1/lecturers",
        &w.ca_a,
        &json!({"organization_id": w.center_a,
        "kind": "full_time", "full_name": "Nguyễn Thị Hoa", "position": "lecturer"}),
    );
    let lecturer = id(&lecturer);
    let program = app.get(
        &format!(
            "/api/v1/programs/{}",
            w.program("party_admission").as_str().unwrap()
        ),
        &w.admin,
    );
    let topic = program.body["topics"][0]["id"].as_str().unwrap().to_owned();
    let plan = app.post(
        "/api/v1/lesson-plans",
        &w.ca_a,
        &json!({"lecturer_id": lecturer,
        "topic_id": topic, "title": "Bài 1", "outline": "Đề cương"}),
    );
    let plan = id(&plan);
    for step in ["submit", "appraise", "approve"] {
        assert_eq!(
            app.post(
                &format!("/api/v1/lesson-plans/{plan}/{step}"),
                &w.ca_a,
                &json!({})
            )
            .status,
            200
        );
    }
    let mut sessions = Vec::new();
    for (start, periods) in [("07:30", 4), ("13:30", 1)] {
        let s = app.post(
            &format!("/api/v1/classes/{class}/sessions"),
            &w.ca_a,
            &json!({
            "session_date": today, "start_time": start, "periods": periods, "topic_id": topic,
            "lecturer_id": lecturer}),
        );
        let s = id(&s);
        assert_eq!(
            app.post(&format!("/api/v1/sessions/{s}/teach"), &w.ca_a, &json!({}))
                .status,
            200
        );
        sessions.push(s);
    }
    let attend = |session: &str, records: Value| {
        app.request(
            "PUT",
            &format!("/api/v1/sessions/{session}/attendance"),
            Some(&w.ca_a),
            Some(&json!({"records": records})),
            &[],
        )
    };
    // Only enrolled learners of the class, once each; the whole session in one request.
    let r = attend(
        &sessions[0],
        json!([{"enrollment_id": d, "status": "present"}]),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "records[0].enrollment_id"
    );
    let r = attend(
        &sessions[0],
        json!([{"enrollment_id": a, "status": "present"}, {"enrollment_id": a, "status": "absent"}]),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "records[1].enrollment_id"
    );
    assert_eq!(
        app.get(
            &format!("/api/v1/sessions/{}/attendance", sessions[0]),
            &w.ca_a
        )
        .body["records"],
        json!([])
    );
    let r = attend(
        &sessions[0],
        json!([{"enrollment_id": a, "status": "present"},
        {"enrollment_id": b, "status": "present"}, {"enrollment_id": c, "status": "absent"}]),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let r = attend(
        &sessions[1],
        json!([{"enrollment_id": a, "status": "present"},
        {"enrollment_id": b, "status": "excused"}, {"enrollment_id": c, "status": "present"}]),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    // Ratios by periods: A 5/5, B 4/5 (excused is absent), C 1/5.
    let att = app.get(&format!("/api/v1/classes/{class}/attendance"), &w.ca_a);
    assert_eq!(att.body["taught_periods"], 5);
    let ratio = |e: &str| {
        att.body["enrollments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["enrollment_id"] == e)
            .unwrap()["ratio"]
            .as_f64()
            .unwrap()
    };
    assert_eq!((ratio(a), ratio(b), ratio(c)), (1.0, 0.8, 0.2));
    let result = |e: &str, body: Value| {
        app.request(
            "PUT",
            &format!("/api/v1/enrollments/{e}/result"),
            Some(&w.ca_a),
            Some(&body),
            &[],
        )
    };
    let r = result(
        a,
        json!({"score": 8.5, "conduct": "good", "comment": "Tích cực phát biểu"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        (
            r.body["passed"].clone(),
            r.body["grade_label"].clone(),
            r.body["conduct_label"].clone()
        ),
        (json!(true), json!("Giỏi"), json!("Tốt"))
    );
    assert_eq!(
        result(a, json!({"score": 8.5, "retake_score": 9})).problem(422)["errors"][0]["field"],
        "retake_score"
    );
    assert_eq!(
        result(a, json!({"score": 8.55})).problem(422)["errors"][0]["field"],
        "score"
    );
    // B fails, then passes the one retake; C has too little attendance for any final score.
    let r = result(
        b,
        json!({"score": 4.5, "retake_score": 6, "conduct": "fair"}),
    );
    assert_eq!(
        (r.body["final_score"].clone(), r.body["grade_code"].clone()),
        (json!(6.0), json!("trung_binh"))
    );
    let r = result(c, json!({"score": 9}));
    let message = r.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("20 %") && message.contains("80 %"),
        "{message}"
    );
    // Completing the class settles every enrolled learner; D, never enrolled, stays approved.
    assert_eq!(
        app.post(
            &format!("/api/v1/classes/{class}/complete"),
            &w.ca_a,
            &class_step_body("complete")
        )
        .status,
        200
    );
    let list = app.get(&format!("/api/v1/classes/{class}/enrollments"), &w.ca_a);
    let status = |e: &str| {
        list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == e)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        (status(a), status(b), status(c), status(d)),
        (
            "completed".into(),
            "completed".into(),
            "failed".into(),
            "approved".into()
        )
    );
    // The class is read-only now, except its results.
    app.patch(
        &format!("/api/v1/classes/{class}"),
        &w.ca_a,
        &json!({"name": "x"}),
    )
    .problem(409);
    assert_eq!(
        result(
            a,
            json!({"score": 8.5, "conduct": "good", "comment": "Sửa nhận xét"})
        )
        .status,
        200
    );
    attend(
        &sessions[0],
        json!([{"enrollment_id": a, "status": "absent"}]),
    )
    .problem(409);
    // The province reads it.
    let r = app.get(&format!("/api/v1/enrollments/{a}/result"), &w.admin);
    assert_eq!(r.body["comment"], "Sửa nhận xét");
}

/// A completed party-admission class whose `n` learners all passed: (learner, enrollment) ids.
pub(crate) fn completed_class(w: &World, code: &str, n: usize) -> Vec<(String, String)> {
    completed_class_of(w, code, "party_admission", n)
}

/// A class of `program` run today and completed, with `n` non-member learners who passed.
fn completed_class_of(w: &World, code: &str, program: &str, n: usize) -> Vec<(String, String)> {
    let app = &w.app;
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let class = w.open_class(code, program, &today.to_string(), 50);
    let pairs: Vec<(String, String)> = (0..n)
        .map(|i| {
            let l = id(&w.learner(
                &w.ca_a,
                json!({"full_name": format!("Lê Thị Mai {code} {i}"), "confirm_new": true}),
            ));
            let e = id(&w.nominate(&w.ca_a, &class, &l));
            assert_eq!(w.step(&e, "approve", json!({})).status, 200);
            assert_eq!(w.step(&e, "enroll", json!({})).status, 200);
            (l, e)
        })
        .collect();
    let enrollments: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
    assert_eq!(
        app.post(
            &format!("/api/v1/classes/{class}/start"),
            &w.ca_a,
            &json!({})
        )
        .status,
        200
    );
    let lecturer = id(&app.post(
        "/api/v1/lecturers",
        &w.ca_a,
        &json!({"organization_id": w.center_a,
        "kind": "full_time", "full_name": format!("Giảng viên {code}"), "position": "lecturer"}),
    ));
    let program_id = w.program(program).as_str().unwrap().to_owned();
    let mut program = app.get(&format!("/api/v1/programs/{program_id}"), &w.admin);
    if program.body["topics"].as_array().unwrap().is_empty() {
        // The catalogue leaves short programs (knowledge updates) without topics: give one.
        program = app.patch(
            &format!("/api/v1/programs/{program_id}"),
            &w.admin,
            &json!({"topics": [{"position": 1, "title": "Chuyên đề", "periods": 4}]}),
        );
        assert_eq!(program.status, 200, "{}", program.text);
    }
    let topic = program.body["topics"][0]["id"].as_str().unwrap().to_owned();
    let plan = id(&app.post(
        "/api/v1/lesson-plans",
        &w.ca_a,
        &json!({"lecturer_id": lecturer,
        "topic_id": topic, "title": "Bài 1", "outline": "Đề cương"}),
    ));
    for step in ["submit", "appraise", "approve"] {
        assert_eq!(
            app.post(
                &format!("/api/v1/lesson-plans/{plan}/{step}"),
                &w.ca_a,
                &json!({})
            )
            .status,
            200
        );
    }
    let s = id(&app.post(&format!("/api/v1/classes/{class}/sessions"), &w.ca_a, &json!({
        "session_date": today, "start_time": "07:30", "periods": 4, "topic_id": topic, "lecturer_id": lecturer})));
    assert_eq!(
        app.post(&format!("/api/v1/sessions/{s}/teach"), &w.ca_a, &json!({}))
            .status,
        200
    );
    let records: Vec<Value> = enrollments
        .iter()
        .map(|e| json!({"enrollment_id": e, "status": "present"}))
        .collect();
    let r = app.request(
        "PUT",
        &format!("/api/v1/sessions/{s}/attendance"),
        Some(&w.ca_a),
        Some(&json!({"records": records})),
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.text);
    for e in &enrollments {
        let r = app.request(
            "PUT",
            &format!("/api/v1/enrollments/{e}/result"),
            Some(&w.ca_a),
            Some(&json!({"score": 7, "conduct": "good"})),
            &[],
        );
        assert_eq!(r.status, 200, "{}", r.text);
    }
    assert_eq!(
        app.post(
            &format!("/api/v1/classes/{class}/complete"),
            &w.ca_a,
            &class_step_body("complete")
        )
        .status,
        200
    );
    pairs
}

#[test]
fn certificates_are_numbered_without_gaps_verified_and_reissued() {
    let w = World::new();
    let app = &w.app;
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let year = chrono::Datelike::year(&today);
    let pairs = completed_class(&w, "CC-1", 20);
    let enrollments: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
    // Twenty issues at once: serials 1..=20, no gap, no duplicate.
    let barrier = std::sync::Barrier::new(enrollments.len());
    let numbers: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = enrollments
            .iter()
            .map(|e| {
                let (barrier, w) = (&barrier, &w);
                s.spawn(move || {
                    barrier.wait();
                    let r = app.post(
                        &format!("/api/v1/enrollments/{e}/certificate"),
                        &w.ca_a,
                        &json!({"issue_date": today, "signer": "Giám đốc Nguyễn Văn Hùng"}),
                    );
                    assert_eq!(r.status, 201, "{}", r.text);
                    r.body["number"].as_str().unwrap().to_owned()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut serials: Vec<u32> = numbers
        .iter()
        .map(|n| n.rsplit('/').next().unwrap().parse().unwrap())
        .collect();
    serials.sort_unstable();
    assert_eq!(serials, (1..=20).collect::<Vec<u32>>());
    assert!(
        numbers
            .iter()
            .all(|n| n.starts_with(&format!("406/{year}/"))),
        "{numbers:?}"
    );
    // Issued once; a reissue keeps the number with a suffix and a reason.
    let first = &enrollments[0];
    app.post(
        &format!("/api/v1/enrollments/{first}/certificate"),
        &w.ca_a,
        &json!({"issue_date": today, "signer": "X"}),
    )
    .problem(409);
    let certs = app.get(
        &format!("/api/v1/enrollments/{first}/certificates"),
        &w.ca_a,
    );
    let original = certs.body["items"][0].clone();
    let reissued = app.post(&format!("/api/v1/certificates/{}/reissue", original["id"].as_str().unwrap()), &w.ca_a,
        &json!({"issue_date": today, "signer": "Giám đốc Nguyễn Văn Hùng", "reason": "Sai ngày sinh do Trung tâm nhập nhầm"}));
    assert_eq!(reissued.status, 201, "{}", reissued.text);
    let reissued_number = reissued.body["number"].as_str().unwrap().to_owned();
    assert_eq!(
        reissued_number,
        format!("{}-1", original["number"].as_str().unwrap())
    );
    // Public verification: no token, the number and the code printed beside it, initials only;
    // the replaced number no longer verifies.
    let code = reissued.body["verification_code"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 12, "{code}");
    let verify_with = |n: &str, code: &str| {
        let q: String = url::form_urlencoded::byte_serialize(n.as_bytes()).collect();
        let c: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        app.request(
            "GET",
            &format!("/api/v1/certificates/verify?number={q}&code={c}"),
            None,
            None,
            &[],
        )
    };
    let verify = |n: &str| verify_with(n, &code);
    let v = verify(&reissued_number);
    assert_eq!(v.status, 200, "{}", v.text);
    assert_eq!(v.body["valid"], true);
    assert_eq!(v.body["holder_initials"], "L.T.M.C.0.");
    assert!(v.body.get("full_name").is_none() && v.body.get("birth_date").is_none());
    // As a person types it: lower case, in groups, O for 0 and I or L for 1.
    let typed: String = code
        .to_lowercase()
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let c = match c {
                '0' => 'o',
                '1' => 'l',
                c => c,
            };
            if i > 0 && i % 4 == 0 {
                vec!['-', c]
            } else {
                vec![c]
            }
        })
        .collect();
    assert_eq!(verify_with(&reissued_number, &typed).body["valid"], true);
    // The number alone is no answer; a wrong code answers as an unknown number.
    let r = app.request(
        "GET",
        &format!(
            "/api/v1/certificates/verify?number={}",
            url::form_urlencoded::byte_serialize(reissued_number.as_bytes()).collect::<String>()
        ),
        None,
        None,
        &[],
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "code");
    let wrong = verify_with(&reissued_number, "0000-0000-0000");
    assert_eq!(wrong.status, 200);
    assert_eq!(
        wrong.body,
        verify_with("406/1999/000999", "0000-0000-0000")
            .body
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("number".into(), json!(reissued_number));
                Value::Object(o)
            })
            .unwrap()
    );
    assert_eq!(wrong.body["valid"], false);
    assert!(wrong.body["holder_initials"].is_null() && wrong.body["program"].is_null());
    let original_code = original["verification_code"].as_str().unwrap();
    assert_ne!(original_code, code, "every certificate has its own code");
    assert_eq!(
        verify_with(original["number"].as_str().unwrap(), original_code).body["valid"],
        false
    );
    assert_eq!(verify("406/1999/000999").body["valid"], false);
    // The limit is 64 characters, not bytes (the fuzzer sent 42 characters in 110 bytes).
    assert_eq!(verify(&"Đ".repeat(64)).status, 200);
    assert_eq!(
        verify(&"Đ".repeat(65)).problem(400)["errors"][0]["field"],
        "number"
    );
    // Holding a valid certificate of the program bars another class of it, naming the certificate.
    let again = w.open_class("CC-2", "party_admission", &today.to_string(), 20);
    let n = id(&w.nominate(&w.ca_a, &again, &pairs[1].0));
    let r = w.step(&n, "approve", json!({}));
    let e = &r.problem(422)["errors"][0];
    assert_eq!(e["code"], "holds_certificate");
    assert!(
        numbers
            .iter()
            .any(|num| e["message"].as_str().unwrap().contains(num.as_str())),
        "{}",
        r.text
    );
    // The limit: 30 checks a minute per address.
    let statuses: Vec<u16> = (0..30).map(|_| verify("406/1999/000001").status).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[test]
fn results_go_back_to_the_party_organizations_as_json_csv_and_xlsx() {
    use calamine::Reader;
    let w = World::new();
    let app = &w.app;
    let year = chrono::Datelike::year(
        &(chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date(),
    );
    completed_class(&w, "RB-1", 3);
    let path = format!("/api/v1/party-organizations/{}/results?year={year}", w.po_a);
    let json = app.get(&path, &w.po_token);
    assert_eq!(json.status, 200, "{}", json.text);
    assert_eq!(json.body["total"], 3);
    let line = &json.body["items"][0];
    assert_eq!(
        (
            line["status"].clone(),
            line["final_score"].clone(),
            line["grade"].clone(),
            line["conduct"].clone()
        ),
        (json!("completed"), json!(7.0), json!("Khá"), json!("Tốt"))
    );
    assert_eq!(line["attendance_ratio"], 1.0);
    // Another center's admin does not see the organization at all.
    app.get(&path, &w.ca_b).problem(404);
    // CSV: UTF-8 with a BOM, Vietnamese headers, one line per learner.
    let (status, content_type, body) = app.get_bytes(&path, &w.po_token, "text/csv");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let text = String::from_utf8(body).unwrap();
    assert!(
        text.starts_with("\u{FEFF}Họ và tên,Ngày sinh,Mã lớp"),
        "{text}"
    );
    assert_eq!(text.trim_end().lines().count(), 4, "{text}");
    assert!(
        text.contains("Hoàn thành") && text.contains("RB-1"),
        "{text}"
    );
    // Dates as dd/mm/yyyy, shares as percentages with a decimal comma.
    assert!(
        text.contains("12/04/1995") && text.contains("\"100,0 %\""),
        "{text}"
    );
    // XLSX, read back with calamine.
    let class = line["class_id"].as_str().unwrap().to_owned();
    let (status, content_type, body) = app.get_bytes(
        &format!("/api/v1/classes/{class}/results"),
        &w.ca_a,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(body)).unwrap();
    let sheet = book.worksheet_range("Kết quả").unwrap();
    assert_eq!(sheet.height(), 4);
    assert_eq!(
        sheet.get((0, 0)).map(|c| c.to_string()),
        Some("Họ và tên".to_owned())
    );
    assert_eq!(
        sheet.get((1, 7)).map(|c| c.to_string()),
        Some("7".to_owned())
    );
    // In XLSX a share stays a number (formatted as a percentage) and a day a date.
    assert_eq!(
        sheet.get((1, 6)),
        Some(&calamine::Data::Float(1.0)),
        "attendance"
    );
    assert!(
        matches!(sheet.get((1, 1)), Some(calamine::Data::DateTime(_))),
        "{:?}",
        sheet.get((1, 1))
    );
    assert_eq!(
        sheet.get((1, 8)).map(|c| c.to_string()),
        Some("Khá".to_owned())
    );
}

// ---- bulk import ----

fn import(app: &TestApp, token: &str, query: &str, content_type: &str, body: &str) -> Resp {
    app.raw(
        "POST",
        &format!("/api/v1/imports{query}"),
        Some(token),
        Some((content_type, body)),
        &[],
    )
}

/// The whole change feed after `after` (large pages), and the cursor at its end.
fn feed_after(app: &TestApp, token: &str, after: &str) -> (Vec<Value>, String) {
    let mut after = after.to_owned();
    let mut all = Vec::new();
    loop {
        let r = app.get(&format!("/api/v1/changes?after={after}&limit=500"), token);
        assert_eq!(r.status, 200, "{}", r.text);
        let items = r.body["items"].as_array().unwrap().clone();
        after = r.body["next_cursor"].as_str().unwrap().to_owned();
        if items.is_empty() {
            return (all, after);
        }
        all.extend(items);
    }
}

fn learner_count(app: &TestApp, token: &str) -> u64 {
    let r = app.get("/api/v1/learners?limit=1", token);
    assert_eq!(r.status, 200, "{}", r.text);
    r.body["total"].as_u64().unwrap()
}

#[test]
fn imports_check_every_row_and_write_all_or_nothing_once() {
    let w = World::new();
    let app = &w.app;
    let admission = w.open_class("KND-9", "party_admission", "2026-09-07", 60);
    let new_members = w.open_class("DVM-9", "new_member", "2026-09-14", 60);
    let (_, start) = feed_after(app, &w.admin, "0");
    // Mai twice (two classes, same details), Đức with a Vietnamese-style date; BOM and CRLF as
    // Excel writes them.
    let good = "\u{feff}external_id,party_organization_code,full_name,birth_date,gender,party_status,admission_date,national_id,workplace,class_code,class_year\r\n\
        HV-1,cb-1,Lê Thị Mai,1995-04-12,female,non_member,,038195000001,UBND xã,KND-9,2026\r\n\
        HV-2,CB-1,Hoàng Văn Đức,03/02/1990,male,probationary,01/12/2025,,,dvm-9,2026\r\n\
        HV-1,CB-1,Lê Thị Mai,1995-04-12,female,non_member,,038195000001,UBND xã,,\r\n\
        \r\n";

    // A dry run says what would happen and writes nothing.
    let r = import(app, &w.ca_a, "?dry_run=true", "text/csv", good);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["valid"], true, "{}", r.text);
    assert_eq!(r.body["rows"], 3);
    assert_eq!(
        r.body["learners"],
        json!({"created": 2, "updated": 0, "unchanged": 0})
    );
    assert_eq!(r.body["nominations"], json!({"created": 2, "unchanged": 0}));
    assert_eq!(r.body["outcomes"][0]["learner_id"], Value::Null);
    assert_eq!(learner_count(app, &w.ca_a), 0);

    // A file with errors: every row's errors in a dry run; a 422 and nothing written otherwise.
    let bad = "external_id,party_organization_code,full_name,birth_date,gender,party_status,national_id,class_code,class_year\n\
        HV-1,CB-1,Lê Thị Mai,1995-04-12,female,non_member,,KND-9,2026\n\
        HV-3,CB-1,Trần Văn An,1990-02-30,male,non_member,,,\n\
        HV-4,CB-404,Phạm Thị Hoa,1990-01-01,female,non_member,,,\n\
        HV-5,CB-1,Lê Thị Mai,1995-04-12,female,non_member,,,\n\
        HV-6,CB-1,Ngô Văn Bình,1988-07-07,other,non_member,123,,\n\
        HV-7,CB-1,Đỗ Văn Cường,1985-05-05,male,non_member,,KND-9,\n\
        HV-1,CB-1,Lê Thị Mây,1995-04-12,female,non_member,,,\n\
        HV-8,CB-1,Vũ Thị Lan,2009-01-01,female,non_member,,KND-9,2026\n\
        HV-9,CB-1,Vũ Văn Hải,1990-01-01,male,non_member,,DVM-9,2026\n";
    let r = import(app, &w.ca_a, "?dry_run=true", "text/csv", bad);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["valid"], false);
    let fields: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "rows[1].birth_date",
            "rows[2].party_organization_code",
            "rows[3].full_name",
            "rows[4].gender",
            "rows[5].class_year",
            "rows[6].external_id",
            // The same rules as an approval: 17 on the first day; not a new member.
            "rows[7].birth_date",
            "rows[8].party_status",
        ],
        "{}",
        r.text
    );
    let r = import(app, &w.ca_a, "", "text/csv", bad);
    let problem = r.problem(422);
    assert_eq!(problem["errors"].as_array().unwrap().len(), 8, "{}", r.text);
    assert_eq!(
        learner_count(app, &w.ca_a),
        0,
        "nothing of a refused import is written"
    );
    assert!(feed_after(app, &w.admin, &start).0.is_empty());

    // The real run: all rows, one transaction; every record in the change feed.
    let r = import(app, &w.ca_a, "", "text/csv", good);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["learners"]["created"], 2);
    let mai = r.body["outcomes"][0]["learner_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(r.body["outcomes"][2]["learner_id"], mai.as_str());
    assert_eq!(r.body["outcomes"][2]["learner"], "created");
    let learner = app.get(&format!("/api/v1/learners/{mai}"), &w.ca_a);
    assert_eq!(learner.body["national_id"], "038195000001");
    assert_eq!(learner.body["workplace"], "UBND xã");
    let duc = app.get("/api/v1/learners?external_id=HV-2", &w.ca_a).body["items"][0].clone();
    assert_eq!(duc["birth_date"], "1990-02-03");
    assert_eq!(duc["admission_date"], "2025-12-01");
    let enrolled = app.get(&format!("/api/v1/classes/{admission}/enrollments"), &w.ca_a);
    assert_eq!(enrolled.body["items"][0]["learner_id"], mai.as_str());
    assert_eq!(enrolled.body["items"][0]["status"], "nominated");
    assert_eq!(
        app.get(
            &format!("/api/v1/classes/{new_members}/enrollments"),
            &w.ca_a
        )
        .body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let (events, end) = feed_after(app, &w.admin, &start);
    let kinds: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["entity"].as_str().unwrap(), e["op"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("learner", "create"),
            ("learner", "create"),
            ("enrollment", "create"),
            ("enrollment", "create")
        ],
        "{events:?}"
    );
    let seqs: Vec<i64> = events.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert!(seqs.windows(2).all(|p| p[1] == p[0] + 1), "{seqs:?}");

    // The same file again changes nothing; so does the same data as JSON.
    let r = import(app, &w.ca_a, "", "text/csv", good);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body["learners"],
        json!({"created": 0, "updated": 0, "unchanged": 2})
    );
    assert_eq!(r.body["nominations"], json!({"created": 0, "unchanged": 2}));
    let rows = json!({"rows": [
        {"external_id": "HV-1", "party_organization_code": "CB-1", "full_name": "Lê Thị Mai",
         "birth_date": "1995-04-12", "gender": "female", "party_status": "non_member",
         "national_id": "038195000001", "workplace": "UBND xã", "class_id": admission},
        {"external_id": "HV-2", "party_organization_id": w.po_a, "full_name": "Hoàng Văn Đức",
         "birth_date": "1990-02-03", "gender": "male", "party_status": "probationary",
         "admission_date": "2025-12-01", "class_code": "DVM-9", "class_year": 2026, "position": null}
    ]});
    let r = import(app, &w.ca_a, "", "application/json", &rows.to_string());
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["learners"]["unchanged"], 2, "{}", r.text);
    assert_eq!(r.body["nominations"]["unchanged"], 2);
    assert!(feed_after(app, &w.admin, &end).0.is_empty());

    // A corrected detail updates the learner, once.
    let corrected = good.replace("UBND xã", "Trường THCS");
    let r = import(app, &w.ca_a, "", "text/csv", &corrected);
    assert_eq!(
        r.body["learners"],
        json!({"created": 0, "updated": 1, "unchanged": 1})
    );
    let (events, _) = feed_after(app, &w.admin, &end);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["op"], "update");
    assert_eq!(events[0]["data"]["workplace"], "Trường THCS");

    // Scope: another center does not know the party organization; the party organization's own
    // account imports for itself without naming it.
    let r = import(app, &w.ca_b, "?dry_run=true", "text/csv", good);
    assert_eq!(
        r.body["errors"][0]["field"],
        "rows[0].party_organization_code"
    );
    assert_eq!(r.body["errors"][0]["code"], "unknown_party_organization");
    let own = "external_id,full_name,birth_date,gender,party_status\nHV-8,Vũ Thị Lan,2000-01-01,female,non_member\n";
    let r = import(app, &w.po_token, "", "text/csv", own);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["learners"]["created"], 1);

    // The body itself: unknown columns, other media, bad parameters, empty files.
    let r = import(app, &w.ca_a, "", "text/csv", "external_id,nickname\nX,Y\n");
    assert_eq!(r.problem(422)["errors"][0]["field"], "columns.nickname");
    import(app, &w.ca_a, "", "text/plain", good).problem(415);
    let r = import(app, &w.ca_a, "?dry_run=maybe", "text/csv", good);
    assert_eq!(r.problem(400)["errors"][0]["field"], "dry_run");
    let r = import(app, &w.ca_a, "", "text/csv", "external_id,full_name\n");
    assert_eq!(r.problem(422)["errors"][0]["field"], "rows");
    let r = import(
        app,
        &w.ca_a,
        "",
        "application/json",
        r#"{"rows": [{"external_id": ["x"]}]}"#,
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "rows[0].external_id");
    let r = import(
        app,
        &w.ca_a,
        "",
        "text/csv",
        "external_id,full_name\nA,B,C\n",
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "rows[0]");
}

#[test]
fn ten_thousand_rows_import_in_one_request_and_once() {
    let w = World::new();
    let app = &w.app;
    let class = w.open_class("KND-BIG", "party_admission", "2026-10-05", 60);
    let mut csv = String::from(
        "external_id,party_organization_code,full_name,birth_date,gender,party_status,national_id,class_id\n",
    );
    for i in 0..10_000u32 {
        // Distinct people: the number is in the name and the national id.
        csv.push_str(&format!(
            "HV-{i:05},CB-1,Nguyễn Văn Số {i},19{:02}-{:02}-{:02},male,non_member,0381{i:08},{class}\n",
            60 + i % 40,
            1 + i % 12,
            1 + i % 28
        ));
    }
    assert!(
        csv.len() > 1024 * 1024,
        "larger than the API's ordinary body limit"
    );
    let started = std::time::Instant::now();
    let r = app.raw(
        "POST",
        "/api/v1/imports",
        Some(&w.ca_a),
        Some(("text/csv", &csv)),
        &[("Idempotency-Key", "import-10k")],
    );
    assert_eq!(r.status, 200, "{}", &r.text[..r.text.len().min(2000)]);
    eprintln!("10,000-row import: {:?}", started.elapsed());
    assert_eq!(r.body["learners"]["created"], 10_000);
    assert_eq!(r.body["nominations"]["created"], 10_000);
    assert_eq!(learner_count(app, &w.ca_a), 10_000);
    // Again, under another key: nothing changes.
    let r = app.raw(
        "POST",
        "/api/v1/imports",
        Some(&w.ca_a),
        Some(("text/csv", &csv)),
        &[("Idempotency-Key", "import-10k-again")],
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.body["learners"]["unchanged"], 10_000);
    assert_eq!(r.body["nominations"]["unchanged"], 10_000);
    assert_eq!(learner_count(app, &w.ca_a), 10_000);
    // One row more is refused whole, and so is a body over the import limit.
    let mut over = csv.clone();
    over.push_str(&format!(
        "HV-X,CB-1,Một Người Nữa,1990-01-01,male,non_member,,{class}\n"
    ));
    let r = import(app, &w.ca_a, "", "text/csv", &over);
    assert_eq!(r.problem(422)["errors"][0]["field"], "rows");
    let huge = format!("{csv}{}", "x".repeat(17 * 1024 * 1024));
    import(app, &w.ca_a, "", "text/csv", &huge).problem(413);
}

#[test]
fn a_nomination_names_its_organization_and_the_committee_above_reads_the_results() {
    let w = World::new();
    let app = &w.app;
    // A cell inside the grassroots organization, and a learner of the cell.
    let cell = id(&app.post(
        "/api/v1/party-organizations",
        &w.ca_a,
        &json!({"name": "Chi bộ xóm 2", "code": "CB-1-2", "center_id": w.center_a,
                "parent_id": w.po_a}),
    ));
    let stranger = app.create_party_org(&w.admin, &w.center_a, "CB-9", "Chi bộ thôn 9")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let class = w.open_class("NM-1", "party_admission", &today.to_string(), 50);
    let nominate = |learner: &str, organization: &str| {
        app.post(
            &format!("/api/v1/classes/{class}/nominations"),
            &w.ca_a,
            &json!({"learner_id": learner, "party_organization_id": organization}),
        )
    };
    let in_cell = |name: &str| {
        id(&w.learner(
            &w.ca_a,
            json!({"party_organization_id": cell, "full_name": name, "confirm_new": true}),
        ))
    };
    // The organization enclosing the learner's cell nominates: the nomination names it.
    let r = nominate(&in_cell("Phạm Văn An"), &w.po_a);
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["party_organization_id"], w.po_a.as_str());
    // An organization the learner does not belong to cannot.
    let r = nominate(&in_cell("Phạm Văn Bình"), &stranger);
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "party_organization_id"
    );

    // Results go back to the nominating organization; the committee it belongs to reads them,
    // another district's committee does not.
    let year = chrono::Datelike::year(&today);
    completed_class(&w, "NM-2", 2);
    let path = format!("/api/v1/party-organizations/{}/results?year={year}", w.po_a);
    let committee = app
        .get(&format!("/api/v1/party-organizations/{}", w.po_a), &w.admin)
        .body["committee_id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&w.admin, "dangbo.a", "committee", &committee);
    let own = app.login("dangbo.a", "dangbo.a-password");
    let results = app.get(&path, &own);
    assert_eq!(results.status, 200, "{}", results.text);
    // The two of the completed class, and the nomination it made in the first class.
    assert_eq!(results.body["total"], 3);
    let other_center = app.center_id(&w.admin, "380");
    let other_host = app
        .get(&format!("/api/v1/organizations/{other_center}"), &w.admin)
        .body["parent_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other_committee = app.party_committee_under(&w.admin, &other_host);
    app.create_user(&w.admin, "dangbo.b", "committee", &other_committee);
    let other = app.login("dangbo.b", "dangbo.b-password");
    app.get(&path, &other).problem(404);
}

#[test]
fn certificates_follow_the_catalogue_and_the_schools_register() {
    let w = World::new();
    let app = &w.app;
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let year = chrono::Datelike::year(&today);
    let issue = |token: &str, enrollment: &str, number: Option<String>| {
        let mut body = json!({"issue_date": today, "signer": "Hiệu trưởng Lê Văn Tám"});
        if let Some(n) = number {
            body["number"] = json!(n);
        }
        app.post(
            &format!("/api/v1/enrollments/{enrollment}/certificate"),
            token,
            &body,
        )
    };
    // A program whose catalogue entry earns no credential: nothing to number.
    let update = completed_class_of(&w, "CN-1", "knowledge_update", 1);
    let r = issue(&w.ca_a, &update[0].1, None);
    assert_eq!(r.problem(422)["errors"][0]["field"], "credential");

    // A program the school delivers with the centers: the school's register numbers it.
    let school_class = completed_class_of(&w, "QLNN-1", "state_mgmt_specialist", 6);
    let province = app.province_id(&w.admin);
    let school = app
        .get(
            &format!("/api/v1/organizations/{province}/children?limit=100"),
            &w.admin,
        )
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "provincial_school")
        .unwrap()["id"]
        .clone();
    let first = &school_class[0].1;
    // The center cannot take a number of it …
    let r = issue(&w.ca_a, first, None);
    let e = &r.problem(422)["errors"][0];
    assert_eq!(
        (e["field"].as_str(), e["code"].as_str()),
        (Some("number"), Some("issued_by_school"))
    );
    // … nor record one of its own register's, or of another year …
    for wrong in [
        format!("406/{year}/000001"),
        format!("TCT/{}/000001", year - 1),
    ] {
        let r = issue(&w.ca_a, first, Some(wrong));
        assert_eq!(r.problem(422)["errors"][0]["code"], "not_in_register");
    }
    // … but records the number the school gave.
    let recorded = issue(&w.ca_a, first, Some(format!("TCT/{year}/000007")));
    assert_eq!(recorded.status, 201, "{}", recorded.text);
    assert_eq!(recorded.body["issuer_id"], school);
    assert_eq!(recorded.body["serial"], 7);
    // The school's own accounts issue the rest at once: its register goes on after the recorded
    // number, without a gap or a duplicate.
    let barrier = std::sync::Barrier::new(5);
    let mut numbers: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = school_class[1..]
            .iter()
            .map(|(_, e)| {
                let (barrier, issue, admin, school) = (&barrier, &issue, &w.admin, &school);
                s.spawn(move || {
                    barrier.wait();
                    let r = issue(admin, e, None);
                    assert_eq!(r.status, 201, "{}", r.text);
                    assert_eq!(&r.body["issuer_id"], school);
                    r.body["number"].as_str().unwrap().to_owned()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    numbers.sort();
    let expected: Vec<String> = (8..=12).map(|n| format!("TCT/{year}/{n:06}")).collect();
    assert_eq!(numbers, expected);
    // A number recorded twice is refused.
    let other = completed_class_of(&w, "QLNN-2", "state_mgmt_specialist", 1);
    issue(&w.ca_a, &other[0].1, Some(format!("TCT/{year}/000007"))).problem(409);
    // A center's own program takes no number from outside its register.
    let own = completed_class(&w, "CC-9", 1);
    let r = issue(&w.ca_a, &own[0].1, Some(format!("406/{year}/000001")));
    assert_eq!(r.problem(422)["errors"][0]["code"], "numbered_here");

    // The number format is the province's policy, checked when written.
    let mut values = app.get("/api/v1/policies", &w.admin).body["values"].clone();
    assert_eq!(
        values["certificate_number_format"],
        "{issuer}/{year}/{serial:06}"
    );
    values["certificate_number_format"] = json!("{issuer}/{serial:04}");
    let r = app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": "2027-01-01", "values": values}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "values.certificate_number_format"
    );
    values["certificate_number_format"] = json!("{serial:04}/{year}/GCN-{issuer}");
    let r = app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": today, "values": values}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let next = completed_class(&w, "CC-10", 1);
    let r = issue(&w.ca_a, &next[0].1, None);
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["number"], format!("0001/{year}/GCN-406"));
}

#[test]
fn eligibility_is_grounded_in_dates() {
    let w = World::new();
    let class = w.open_class("KND-7", "party_admission", "2026-12-28", 60);
    // Eighteen on the class's first day: eligible; the day after: not.
    for (birth, eligible) in [("2008-12-28", true), ("2008-12-29", false)] {
        let learner = id(&w.learner(
            &w.ca_a,
            json!({"full_name": format!("Nguyễn Văn {birth}"), "birth_date": birth,
                    "confirm_new": true}),
        ));
        let e = id(&w.nominate(&w.ca_a, &class, &learner));
        let r = w.step(&e, "approve", json!({}));
        if eligible {
            assert_eq!(r.status, 200, "{}", r.text);
        } else {
            assert_eq!(r.problem(422)["errors"][0]["field"], "learner.birth_date");
        }
    }
    // A member admitted before turning 18 cannot be recorded.
    let member = |admitted: &str| {
        w.learner(
            &w.ca_a,
            json!({"full_name": "Trần Thị Trẻ", "birth_date": "2000-06-01",
                    "party_status": "probationary", "admission_date": admitted,
                    "confirm_new": true}),
        )
    };
    assert_eq!(
        member("2018-05-31").problem(422)["errors"][0]["field"],
        "admission_date"
    );
    assert_eq!(member("2018-06-01").status, 201);
}

#[test]
fn certificates_and_registers_print_in_vietnamese() {
    let w = World::new();
    let app = &w.app;
    let today = (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date();
    let year = chrono::Datelike::year(&today);
    let pairs = completed_class(&w, "IN-1", 2);
    let mut certificates = Vec::new();
    for (_, e) in &pairs {
        let r = app.post(
            &format!("/api/v1/enrollments/{e}/certificate"),
            &w.ca_a,
            &json!({"issue_date": today, "signer": "Giám đốc Nguyễn Văn Hùng"}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
        certificates.push(r.body.clone());
    }
    let first = &certificates[0];
    let pdf_of = |path: &str, token: &str| {
        let (status, content_type, bytes) = app.get_bytes(path, token, "application/pdf");
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
        assert_eq!(content_type, "application/pdf");
        assert!(bytes.starts_with(b"%PDF"));
        // Kept for a look by eye when asked (`CENTERS_PDF_DIR`).
        if let Ok(dir) = std::env::var("CENTERS_PDF_DIR") {
            let name = path
                .rsplit('/')
                .next()
                .unwrap_or("document")
                .replace(['?', '&', '='], "_");
            std::fs::write(format!("{dir}/{name}.pdf"), &bytes).unwrap();
        }
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        // Compare as NFC with single spaces: the PDF holds the text, not its line breaks.
        use unicode_normalization::UnicodeNormalization;
        text.nfc()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let id = first["id"].as_str().unwrap();
    let text = pdf_of(&format!("/api/v1/certificates/{id}"), &w.ca_a);
    let program = w
        .programs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "party_admission")
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_owned();
    let number = first["number"].as_str().unwrap();
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TRUNG TÂM CHÍNH TRỊ HUYỆN QUẢNG XƯƠNG",
        "GIẤY CHỨNG NHẬN",
        "Chứng nhận: Lê Thị Mai IN-1 0",
        "Sinh ngày: 12/04/1995",
        &format!("Đã hoàn thành chương trình: {program}"),
        "Lớp IN-1 (IN-1)",
        "xếp loại Khá, điểm 7,0",
        &format!(
            "Quảng Xương, ngày {} tháng {} năm {year}",
            chrono::Datelike::day(&today),
            chrono::Datelike::month(&today)
        ),
        "GIÁM ĐỐC",
        "Giám đốc Nguyễn Văn Hùng",
        &format!("Số: {number}"),
        &format!(
            "Mã xác thực: {}",
            first["verification_code"].as_str().unwrap()
        ),
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    // Nobody else prints it.
    let (status, _, _) = app.get_bytes(
        &format!("/api/v1/certificates/{id}"),
        &w.ca_b,
        "application/pdf",
    );
    assert_eq!(status, 404);

    // The center's master register of the year: JSON, CSV, XLSX and PDF.
    let register = format!(
        "/api/v1/certificate-registers?issuer={}&year={year}",
        w.center_a
    );
    let json = app.get(&register, &w.ca_a);
    assert_eq!(json.status, 200, "{}", json.text);
    assert_eq!(json.body["total"], 2);
    let numbers: Vec<&str> = certificates
        .iter()
        .map(|c| c["number"].as_str().unwrap())
        .collect();
    let listed: Vec<&str> = json.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    assert_eq!(listed, sorted);
    let (status, _, csv) = app.get_bytes(&register, &w.ca_a, "text/csv");
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}STT,Số hiệu,Họ và tên,Ngày sinh"),
        "{csv}"
    );
    assert!(numbers.iter().all(|n| csv.contains(n)), "{csv}");
    let text = pdf_of(&register, &w.ca_a);
    for expected in [
        format!("SỔ CẤP CHỨNG CHỈ NĂM {year}"),
        "TRUNG TÂM CHÍNH TRỊ HUYỆN QUẢNG XƯƠNG".to_owned(),
        "Lê Thị Mai IN-1 0".to_owned(),
        "Lê Thị Mai IN-1 1".to_owned(),
        numbers[0].to_owned(),
        numbers[1].to_owned(),
        "Tổng số: 2 chứng chỉ".to_owned(),
        "Trang 1/1".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in {text}");
    }
    // Another center's administrator does not read this center's register.
    app.get(&register, &w.ca_b).problem(404);
    // Parameters are named when wrong.
    let r = app.get(
        &format!(
            "/api/v1/certificate-registers?issuer={}&year=1944",
            w.center_a
        ),
        &w.ca_a,
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "year");
    let r = app.get("/api/v1/certificate-registers?year=2026", &w.ca_a);
    assert_eq!(r.problem(400)["errors"][0]["field"], "issuer");
}
