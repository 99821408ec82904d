//! Learners, nominations and enrollments (issue 10, first part), on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};

struct World {
    app: TestApp,
    admin: String,
    center_a: String,
    ca_a: String,
    ca_b: String,
    po_a: String,
    po_token: String,
    programs: Value,
}

impl World {
    fn new() -> World {
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

    fn program(&self, code: &str) -> Value {
        self.programs
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == code)
            .unwrap()["id"]
            .clone()
    }

    fn learner(&self, token: &str, extra: Value) -> Resp {
        let mut body = json!({"party_organization_id": self.po_a, "full_name": "Lê Thị Mai",
            "birth_date": "1995-04-12", "gender": "female", "ethnicity": "Kinh",
            "party_status": "non_member"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        self.app.post("/api/v1/learners", token, &body)
    }

    fn open_class(&self, code: &str, program: &str, start: &str, capacity: i32) -> String {
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
            &json!({}),
        );
        assert_eq!(r.status, 200, "{}", r.text);
        id
    }

    fn nominate(&self, token: &str, class: &str, learner: &str) -> Resp {
        self.app.post(
            &format!("/api/v1/classes/{class}/nominations"),
            token,
            &json!({"learner_id": learner}),
        )
    }

    fn step(&self, enrollment: &str, action: &str, body: Value) -> Resp {
        self.app.post(
            &format!("/api/v1/enrollments/{enrollment}/{action}"),
            &self.ca_a,
            &body,
        )
    }
}

fn id(r: &Resp) -> String {
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
        app.get("/api/v1/learners?q=le thi mai", &w.po_token).body["total"],
        2
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
    assert_eq!(r.problem(422)["errors"][0]["field"], "learner");
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
    let list = w
        .app
        .get(&format!("/api/v1/classes/{class}/enrollments"), &w.ca_a);
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
