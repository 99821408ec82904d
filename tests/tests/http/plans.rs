//! Programs, policies and annual training plans with their workflow.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};
use std::collections::HashMap;

/// A province with two centers' accounts, ready for plans.
struct World {
    app: TestApp,
    admin: String,
    center_a: String,
    center_b: String,
    district_a: String,
    programs: HashMap<String, String>,
    tokens: HashMap<&'static str, String>,
    ca_a_id: String,
}

impl World {
    fn new() -> World {
        let app = TestApp::spawn();
        let admin = app.admin_token();
        let province = app.province_id(&admin);
        let centers = app.centers(&admin);
        let center_a = centers["406"]["id"].as_str().unwrap().to_owned();
        let district_a = centers["406"]["district_id"].as_str().unwrap().to_owned();
        let center_b = centers["380"]["id"].as_str().unwrap().to_owned();
        let pa = app.create_party_org(&admin, &center_a, "PA", "Chi bộ A")["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.create_user(&admin, "viewer", "province_viewer", &province);
        let ca_a_id = app.create_user(&admin, "ca.a", "center_admin", &center_a);
        let granted = app.create_user(&admin, "ca.granted", "center_admin", &center_a);
        app.create_user(&admin, "ca.b", "center_admin", &center_b);
        app.create_user(&admin, "gv.a", "lecturer", &center_a);
        app.create_user(&admin, "committee.a", "committee", &district_a);
        let district_b = centers["380"]["district_id"].as_str().unwrap().to_owned();
        app.create_user(&admin, "committee.b", "committee", &district_b);
        app.create_user(&admin, "oversight", "oversight", &province);
        app.create_user(&admin, "po.a", "party_org", &pa);
        let g = app.post(
            "/api/v1/approval-grants",
            &admin,
            &json!({"user_id": granted, "district_id": district_a}),
        );
        assert_eq!(g.status, 201, "{}", g.text);
        let programs = app.get("/api/v1/programs?limit=500", &admin).body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["code"].as_str().unwrap().to_owned(),
                    p["id"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let mut tokens = HashMap::new();
        tokens.insert("province_admin", admin.clone());
        for (role, user) in [
            ("province_viewer", "viewer"),
            ("center_admin", "ca.a"),
            ("center_admin_granted", "ca.granted"),
            ("other_center_admin", "ca.b"),
            ("lecturer", "gv.a"),
            ("party_org", "po.a"),
            ("committee", "committee.a"),
            ("other_committee", "committee.b"),
            ("oversight", "oversight"),
        ] {
            tokens.insert(role, app.login(user, &format!("{user}-password")));
        }
        World {
            app,
            admin,
            center_a,
            center_b,
            district_a,
            programs,
            tokens,
            ca_a_id,
        }
    }

    fn t(&self, role: &str) -> &str {
        &self.tokens[role]
    }

    fn create_plan(&self, year: i32) -> Value {
        let r = self.app.post(
            "/api/v1/training-plans",
            self.t("center_admin"),
            &json!({"center_id": self.center_a, "year": year}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
        let id = r.body["id"].as_str().unwrap().to_owned();
        let line = self.app.post(&format!("/api/v1/training-plans/{id}/lines"), self.t("center_admin"), &json!({
            "program_id": self.programs["party_admission"], "planned_classes": 4, "planned_learners": 240, "quarter": 2}));
        assert_eq!(line.status, 201, "{}", line.text);
        line.body.clone()
    }

    fn act(&self, role: &str, id: &str, action: &str) -> Resp {
        let body = match action {
            "return" => json!({"comment": "Bổ sung số lớp quý III"}),
            "approve" => {
                json!({"decision_number": "125-QĐ/HU", "decision_date": "2026-01-15", "signer": "Phó Bí thư Thường trực"})
            }
            _ => json!({"comment": "ok"}),
        };
        self.app.post(
            &format!("/api/v1/training-plans/{id}/{action}"),
            self.t(role),
            &body,
        )
    }

    fn ok(&self, role: &str, id: &str, action: &str) -> Value {
        let r = self.act(role, id, action);
        assert!(
            r.status == 200 || r.status == 201,
            "{role} {action}: {}",
            r.text
        );
        r.body.clone()
    }

    /// A fresh plan of `year` driven into `state`; returns its id.
    fn plan_in(&self, state: &str, year: i32) -> String {
        let plan = self.create_plan(year);
        let id = plan["id"].as_str().unwrap().to_owned();
        let steps: &[(&str, &str)] = match state {
            "draft" => &[],
            "submitted" => &[("center_admin", "submit")],
            "appraised" => &[("center_admin", "submit"), ("province_admin", "appraise")],
            "approved" => &[
                ("center_admin", "submit"),
                ("province_admin", "appraise"),
                ("committee", "approve"),
            ],
            "returned" => &[("center_admin", "submit"), ("province_admin", "return")],
            "superseded" => &[
                ("center_admin", "submit"),
                ("province_admin", "appraise"),
                ("committee", "approve"),
            ],
            other => panic!("{other}"),
        };
        for (role, action) in steps {
            self.ok(role, &id, action);
        }
        if state == "superseded" {
            let rev = self.ok("center_admin", &id, "revise");
            let rev_id = rev["id"].as_str().unwrap().to_owned();
            for (role, action) in [
                ("center_admin", "submit"),
                ("province_admin", "appraise"),
                ("committee", "approve"),
            ] {
                self.ok(role, &rev_id, action);
            }
        }
        let status = self
            .app
            .get(&format!("/api/v1/training-plans/{id}"), &self.admin)
            .body["status"]
            .clone();
        assert_eq!(status, state);
        id
    }
}

const STATES: [&str; 6] = [
    "draft",
    "submitted",
    "appraised",
    "approved",
    "returned",
    "superseded",
];
const ACTIONS: [&str; 5] = ["submit", "appraise", "approve", "return", "revise"];
const ROLES: [&str; 10] = [
    "province_admin",
    "committee",
    "other_committee",
    "oversight",
    "province_viewer",
    "center_admin",
    "center_admin_granted",
    "other_center_admin",
    "lecturer",
    "party_org",
];

/// The legal steps, written out (not computed) so that the test checks the rules.
fn legal(state: &str, action: &str) -> bool {
    matches!(
        (state, action),
        ("draft", "submit")
            | ("returned", "submit")
            | ("returned", "revise")
            | ("submitted", "appraise")
            | ("submitted", "return")
            | ("appraised", "return")
            | ("appraised", "approve")
            | ("approved", "revise")
    )
}

/// What a role may do to a plan of center A in `state`: Some(true) may act, Some(false) is
/// forbidden (403), None cannot see the plan (404). The school appraises and returns what it has
/// not appraised; the governing committee approves or returns what the school appraised.
fn may(role: &str, action: &str, state: &str) -> Option<bool> {
    match role {
        "province_admin" => Some(match action {
            "appraise" => true,
            "return" => state != "appraised",
            _ => false,
        }),
        "committee" => Some(matches!(action, "approve" | "return") && state == "appraised"),
        "other_committee" => None,
        "oversight" => Some(false),
        "center_admin" => Some(matches!(action, "submit" | "revise")),
        "center_admin_granted" => Some(matches!(action, "submit" | "revise" | "approve")),
        "province_viewer" | "lecturer" | "party_org" => Some(false),
        "other_center_admin" => None,
        other => panic!("{other}"),
    }
}

#[test]
fn workflow_table_every_state_action_and_role() {
    let w = World::new();
    let mut year = 2000;
    let mut next_year = || {
        year += 1;
        year
    };
    let base: HashMap<&str, String> = STATES
        .iter()
        .map(|s| (*s, w.plan_in(s, next_year())))
        .collect();
    let mut checked = 0;
    for state in STATES {
        for action in ACTIONS {
            for role in ROLES {
                let expected = match may(role, action, state) {
                    None => 404,
                    Some(_) if role == "party_org" => 403,
                    Some(false) => 403,
                    Some(true) if !legal(state, action) => 409,
                    Some(true) if state == "approved" && action == "revise" => 201,
                    Some(true) => 200,
                };
                // Successful steps change the plan, so each gets a fresh one.
                let id = if expected == 200 || expected == 201 {
                    w.plan_in(state, next_year())
                } else {
                    base[state].clone()
                };
                let r = w.act(role, &id, action);
                assert_eq!(
                    r.status, expected,
                    "{state} × {action} × {role}: {}",
                    r.text
                );
                if expected == 409 {
                    assert_eq!(
                        r.body["current_state"], state,
                        "{state} × {action} × {role}"
                    );
                    let allowed: Vec<&str> = r.body["allowed_actions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a.as_str().unwrap())
                        .collect();
                    let want: Vec<&str> = ACTIONS
                        .iter()
                        .copied()
                        .filter(|a| legal(state, a))
                        .collect();
                    assert_eq!(allowed, want, "{state}");
                }
                if expected >= 400 {
                    r.problem(expected);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 5 * 10);
    // Failed attempts changed nothing.
    for (state, id) in &base {
        assert_eq!(
            w.app
                .get(&format!("/api/v1/training-plans/{id}"), &w.admin)
                .body["status"],
            *state
        );
    }
}

#[test]
fn approval_keeps_the_decision_and_history_records_every_step() {
    let w = World::new();
    let plan = w.create_plan(2026);
    let id = plan["id"].as_str().unwrap();
    // An empty comment on return and a missing decision on approve are refused.
    w.ok("center_admin", id, "submit");
    let r = w.app.post(
        &format!("/api/v1/training-plans/{id}/return"),
        &w.admin,
        &json!({"comment": "  "}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "comment");
    w.ok("province_admin", id, "return");
    // Returned: lines are editable again, then resubmitted.
    let line = w.app.post(&format!("/api/v1/training-plans/{id}/lines"), w.t("center_admin"), &json!({
        "program_id": w.programs["new_member"], "planned_classes": 3, "planned_learners": 150, "quarter": 3, "note": "Bổ sung"}));
    assert_eq!(line.status, 201, "{}", line.text);
    w.ok("center_admin", id, "submit");
    w.ok("province_admin", id, "appraise");
    // The school does not approve: the governing committee does.
    let r = w.app.post(
        &format!("/api/v1/training-plans/{id}/approve"),
        &w.admin,
        &json!({"decision_number": "125-QĐ/HU", "decision_date": "2026-01-15"}),
    );
    r.problem(403);
    let r = w.app.post(
        &format!("/api/v1/training-plans/{id}/approve"),
        w.t("committee"),
        &json!({"comment": "x"}),
    );
    let mut fields = r.error_fields();
    fields.sort();
    assert_eq!(fields, vec!["decision_date", "decision_number"]);
    // A decision dated outside 1945–2100, or with an absurdly long signer, is refused.
    for (date, signer, field) in [
        ("0000-01-01", "A".to_owned(), "decision_date"),
        ("9999-12-31", "A".to_owned(), "decision_date"),
        ("2026-01-15", "A".repeat(100_000), "signer"),
    ] {
        let r = w.app.post(
            &format!("/api/v1/training-plans/{id}/approve"),
            w.t("committee"),
            &json!({"decision_number": "125-QĐ/HU", "decision_date": date, "signer": signer}),
        );
        assert_eq!(r.problem(422)["errors"][0]["field"], field, "{}", r.text);
    }
    // A center administrator holding a grant records the committee's decision only whole:
    // without its signer it is refused.
    let r = w.app.post(
        &format!("/api/v1/training-plans/{id}/approve"),
        w.t("center_admin_granted"),
        &json!({"decision_number": "125-QĐ/HU", "decision_date": "2026-01-15"}),
    );
    assert_eq!(r.error_fields(), vec!["signer"], "{}", r.text);
    let approved = w.ok("committee", id, "approve");
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["decision"]["number"], "125-QĐ/HU");
    assert_eq!(approved["decision"]["date"], "2026-01-15");
    assert_eq!(approved["decision"]["signer"], "Phó Bí thư Thường trực");
    assert!(approved["decision"]["recorded_by"].is_string());
    assert_eq!(approved["planned_classes"], 7);
    assert_eq!(approved["planned_learners"], 390);
    let h = w.app.get(
        &format!("/api/v1/training-plans/{id}/history"),
        w.t("center_admin"),
    );
    let steps: Vec<(String, String, String)> = h.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["action"].as_str().unwrap().to_owned(),
                s["from_status"].as_str().unwrap().to_owned(),
                s["to_status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = [
        ("submit", "draft", "submitted"),
        ("return", "submitted", "returned"),
        ("submit", "returned", "submitted"),
        ("appraise", "submitted", "appraised"),
        ("approve", "appraised", "approved"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(steps, want);
    assert_eq!(h.body["items"][1]["comment"], "Bổ sung số lớp quý III");
    assert_eq!(h.body["items"][1]["actor_name"], "admin");
    assert_eq!(h.body["items"][0]["actor_name"], "ca.a");
    // The audit log has every step too.
    let log = w.app.get(
        &format!("/api/v1/audit-log?entity=training_plan&entity_id={id}"),
        &w.admin,
    );
    // create + five steps + the plan's own update when each of its two lines was added (a line
    // bumps the plan's version, and that change is audited and fed like any other).
    assert_eq!(log.body["total"], 8, "create + two line bumps + five steps");
}

#[test]
fn an_approved_plan_is_amended_by_a_revision() {
    let w = World::new();
    let id = w.plan_in("approved", 2026);
    // Lines of an approved plan cannot change.
    let r = w.app.post(
        &format!("/api/v1/training-plans/{id}/lines"),
        w.t("center_admin"),
        &json!({
        "program_id": w.programs["party_work"], "planned_classes": 1, "planned_learners": 50}),
    );
    assert_eq!(r.problem(409)["current_state"], "approved");
    let rev = w.ok("center_admin", &id, "revise");
    let rev_id = rev["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (rev["revision"].as_i64(), rev["status"].as_str()),
        (Some(2), Some("draft"))
    );
    assert_eq!(rev["revision_of"], id.as_str());
    assert_eq!(
        rev["lines"].as_array().unwrap().len(),
        1,
        "lines are copied"
    );
    // Only one open revision at a time.
    w.act("center_admin", &id, "revise").problem(409);
    // A second plan for the same center and year is refused.
    w.app
        .post(
            "/api/v1/training-plans",
            w.t("center_admin"),
            &json!({"center_id": w.center_a, "year": 2026}),
        )
        .problem(409);
    // The approved revision stays in force while the amendment is worked on.
    let report = w.app.get("/api/v1/reports/plans?year=2026", &w.admin);
    let row = report.body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["center_id"] == w.center_a.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["approved_plan_id"], id.as_str());
    assert_eq!(row["status"], "draft");
    assert_eq!(row["figures_from"], "approved");
    assert_eq!(row["planned_learners"], 240);
    let add = w.app.post(
        &format!("/api/v1/training-plans/{rev_id}/lines"),
        w.t("center_admin"),
        &json!({
        "program_id": w.programs["party_work"], "planned_classes": 2, "planned_learners": 100}),
    );
    assert_eq!(add.status, 201, "{}", add.text);
    for (role, action) in [
        ("center_admin", "submit"),
        ("province_admin", "appraise"),
        ("committee", "approve"),
    ] {
        w.ok(role, &rev_id, action);
    }
    let old = w.app.get(&format!("/api/v1/training-plans/{id}"), &w.admin);
    assert_eq!(old.body["status"], "superseded");
    assert!(old.body["allowed_actions"].as_array().unwrap().is_empty());
    let history: Vec<String> = w
        .app
        .get(&format!("/api/v1/training-plans/{id}/history"), &w.admin)
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        history,
        vec!["submit", "appraise", "approve", "revise", "supersede"]
    );
    let report = w.app.get("/api/v1/reports/plans?year=2026", &w.admin);
    let row = report.body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["center_id"] == w.center_a.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["approved_revision"], 2);
    assert_eq!(row["planned_learners"], 340);
    let list = w.app.get(
        &format!("/api/v1/training-plans?center_id={}&year=2026", w.center_a),
        &w.admin,
    );
    assert_eq!(list.body["total"], 2, "both revisions stay visible");
}

#[test]
fn lines_are_validated_and_editable_only_in_draft_or_returned() {
    let w = World::new();
    let plan = w.create_plan(2026);
    let id = plan["id"].as_str().unwrap();
    let ca = w.t("center_admin");
    let line_id = plan["lines"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(plan["lines"][0]["category"], "party_admission");
    assert_eq!(plan["lines"][0]["program_code"], "party_admission");
    let listed = w.app.get(
        &format!("/api/v1/training-plans/{id}/lines"),
        w.t("lecturer"),
    );
    assert_eq!(listed.body["total"], 1);
    assert_eq!(listed.body["items"][0]["id"], line_id.as_str());
    let bad = |body: Value| {
        w.app
            .post(&format!("/api/v1/training-plans/{id}/lines"), ca, &body)
    };
    assert_eq!(bad(json!({"program_id": w.programs["other"], "planned_classes": 1, "planned_learners": 10, "quarter": 5})).error_fields(), vec!["quarter"]);
    assert_eq!(
        bad(
            json!({"program_id": w.programs["other"], "planned_classes": -1, "planned_learners": 0})
        )
        .error_fields(),
        vec!["planned_classes"]
    );
    assert_eq!(bad(json!({"program_id": uuid::Uuid::now_v7(), "planned_classes": 1, "planned_learners": 10})).error_fields(), vec!["program_id"]);
    let r = bad(
        json!({"program_id": w.programs["other"], "planned_classes": "many", "planned_learners": 10}),
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "planned_classes");
    // A retired program cannot be planned.
    let retired = w.app.post(
        &format!("/api/v1/programs/{}/retire", w.programs["other"]),
        &w.admin,
        &json!({}),
    );
    assert_eq!(retired.status, 200, "{}", retired.text);
    assert_eq!(
        bad(
            json!({"program_id": w.programs["other"], "planned_classes": 1, "planned_learners": 10})
        )
        .problem(422)["errors"][0]["code"],
        "retired_program"
    );
    // PATCH with the line's version; a stale one is 412.
    let path = format!("/api/v1/training-plans/{id}/lines/{line_id}");
    let body = json!({"program_id": w.programs["party_admission"], "planned_classes": 5, "planned_learners": 300, "quarter": 1});
    let p = w.app.request(
        "PATCH",
        &path,
        Some(ca),
        Some(&body),
        &[("If-Match", "\"1\"")],
    );
    assert_eq!(p.status, 200, "{}", p.text);
    assert_eq!(p.body["planned_learners"], 300);
    w.app
        .request(
            "PATCH",
            &path,
            Some(ca),
            Some(&body),
            &[("If-Match", "\"1\"")],
        )
        .problem(412);
    // Others cannot edit: the province admin (403), another center (404).
    w.app
        .request("PATCH", &path, Some(&w.admin), Some(&body), &[])
        .problem(403);
    w.app
        .request(
            "PATCH",
            &path,
            Some(w.t("other_center_admin")),
            Some(&body),
            &[],
        )
        .problem(404);
    // After submit, lines are frozen.
    w.ok("center_admin", id, "submit");
    w.app
        .request("PATCH", &path, Some(ca), Some(&body), &[])
        .problem(409);
    w.app.delete(&path, ca).problem(409);
    w.app
        .patch(
            &format!("/api/v1/training-plans/{id}"),
            ca,
            &json!({"note": "x"}),
        )
        .problem(409);
    // An empty plan cannot be submitted.
    let empty = w.app.post(
        "/api/v1/training-plans",
        ca,
        &json!({"center_id": w.center_a, "year": 2027}),
    );
    let eid = empty.body["id"].as_str().unwrap();
    assert_eq!(
        w.act("center_admin", eid, "submit").problem(422)["errors"][0]["field"],
        "lines"
    );
    // Deleting a draft's line works.
    let l2 = w.app.post(&format!("/api/v1/training-plans/{eid}/lines"), ca, &json!({"program_id": w.programs["party_work"], "planned_classes": 1, "planned_learners": 30}));
    let l2id = l2.body["lines"][0]["id"].as_str().unwrap();
    let d = w
        .app
        .delete(&format!("/api/v1/training-plans/{eid}/lines/{l2id}"), ca);
    assert_eq!(d.status, 200);
    assert!(d.body["lines"].as_array().unwrap().is_empty());
}

#[test]
fn plan_creation_rules() {
    let w = World::new();
    let ca = w.t("center_admin");
    w.app
        .post(
            "/api/v1/training-plans",
            &w.admin,
            &json!({"center_id": w.center_a, "year": 2026}),
        )
        .problem(403);
    assert_eq!(
        w.app
            .post(
                "/api/v1/training-plans",
                ca,
                &json!({"center_id": w.center_b, "year": 2026})
            )
            .problem(422)["errors"][0]["field"],
        "center_id"
    );
    assert_eq!(
        w.app
            .post(
                "/api/v1/training-plans",
                ca,
                &json!({"center_id": w.center_a, "year": 1999})
            )
            .problem(422)["errors"][0]["field"],
        "year"
    );
    assert_eq!(
        w.app
            .post(
                "/api/v1/training-plans",
                ca,
                &json!({"center_id": w.center_a, "year": 2026})
            )
            .status,
        201
    );
    w.app
        .post(
            "/api/v1/training-plans",
            w.t("center_admin_granted"),
            &json!({"center_id": w.center_a, "year": 2026}),
        )
        .problem(409);
    // Who sees what.
    assert_eq!(
        w.app
            .get("/api/v1/training-plans", w.t("province_viewer"))
            .body["total"],
        1
    );
    assert_eq!(
        w.app.get("/api/v1/training-plans", w.t("lecturer")).body["total"],
        1
    );
    assert_eq!(
        w.app
            .get("/api/v1/training-plans", w.t("other_center_admin"))
            .body["total"],
        0
    );
    w.app
        .get("/api/v1/training-plans", w.t("party_org"))
        .problem(403);
    assert_eq!(
        w.app
            .get("/api/v1/training-plans?year=2026&status=draft", &w.admin)
            .body["total"],
        1
    );
    assert_eq!(
        w.app
            .get("/api/v1/training-plans?status=approved", &w.admin)
            .body["total"],
        0
    );
    w.app
        .get("/api/v1/training-plans?status=finished", &w.admin)
        .problem(400);
    w.app
        .get("/api/v1/training-plans?year=twenty", &w.admin)
        .problem(400);
}

#[test]
fn concurrent_submits_exactly_one_succeeds() {
    let w = World::new();
    for year in 2030..2035 {
        let plan = w.create_plan(year);
        let id = plan["id"].as_str().unwrap().to_owned();
        let statuses: Vec<u16> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| w.act("center_admin", &id, "submit").status))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{year}: {statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            3,
            "{year}: {statuses:?}"
        );
        let h = w
            .app
            .get(&format!("/api/v1/training-plans/{id}/history"), &w.admin);
        assert_eq!(h.body["total"], 1, "one submit recorded");
    }
}

#[test]
fn approval_grants_let_a_center_admin_record_the_approval() {
    let w = World::new();
    let id = w.plan_in("appraised", 2026);
    w.act("center_admin", &id, "approve").problem(403);
    let approved = w.ok("center_admin_granted", &id, "approve");
    assert_eq!(approved["status"], "approved");
    // Revoke: the same user can no longer approve.
    let grants = w.app.get("/api/v1/approval-grants", &w.admin);
    let gid = grants.body["items"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/approval-grants/{gid}/revoke"),
                &w.admin,
                &json!({})
            )
            .status,
        200
    );
    let other = w.plan_in("appraised", 2027);
    w.act("center_admin_granted", &other, "approve")
        .problem(403);
    // Grants go only to center admins of that district.
    let lecturer = w.app.get("/api/v1/users?role=lecturer", &w.admin).body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = w.app.post(
        "/api/v1/approval-grants",
        &w.admin,
        &json!({"user_id": lecturer, "district_id": w.district_a}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "user_id");
    w.app
        .post(
            "/api/v1/approval-grants",
            w.t("center_admin"),
            &json!({"user_id": w.ca_a_id, "district_id": w.district_a}),
        )
        .problem(403);
}

#[test]
fn province_overview_shows_who_has_no_approved_plan() {
    let w = World::new();
    let id = w.plan_in("approved", 2026);
    let _draft_b = {
        let r = w.app.post(
            "/api/v1/training-plans",
            w.t("other_center_admin"),
            &json!({"center_id": w.center_b, "year": 2026}),
        );
        assert_eq!(r.status, 201);
        r.body["id"].as_str().unwrap().to_owned()
    };
    let r = w
        .app
        .get("/api/v1/reports/plans?year=2026", w.t("province_viewer"));
    assert_eq!(r.status, 200, "{}", r.text);
    // Đông Sơn's center closed in 2024 (merged into the city's): 26 centers run in 2026.
    assert_eq!(r.body["centers_total"], 26);
    assert_eq!(r.body["centers_with_approved_plan"], 1);
    assert_eq!(
        r.body["centers_without_approved_plan"]
            .as_array()
            .unwrap()
            .len(),
        25
    );
    assert_eq!(r.body["approved_planned_classes"], 4);
    assert_eq!(r.body["approved_planned_learners"], 240);
    assert_eq!(
        r.body["approved_by_category"],
        json!([{"category": "party_admission", "planned_classes": 4, "planned_learners": 240}])
    );
    let rows = r.body["centers"].as_array().unwrap();
    let a = rows
        .iter()
        .find(|c| c["center_id"] == w.center_a.as_str())
        .unwrap();
    assert_eq!(
        (a["status"].as_str(), a["approved_plan_id"].as_str()),
        (Some("approved"), Some(id.as_str()))
    );
    let b = rows
        .iter()
        .find(|c| c["center_id"] == w.center_b.as_str())
        .unwrap();
    assert_eq!(
        (b["status"].as_str(), b["figures_from"].as_str()),
        (Some("draft"), Some("latest"))
    );
    let missing: Vec<&str> = r.body["centers_without_approved_plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(missing.iter().filter(|s| **s == "draft").count(), 1);
    assert_eq!(missing.iter().filter(|s| **s == "none").count(), 24);
    // A center admin sees its own center only; a party organization not at all.
    let own = w
        .app
        .get("/api/v1/reports/plans?year=2026", w.t("center_admin"));
    assert_eq!(own.body["centers_total"], 1);
    w.app
        .get("/api/v1/reports/plans?year=2026", w.t("party_org"))
        .problem(403);
    assert_eq!(
        w.app.get("/api/v1/reports/plans", &w.admin).problem(400)["errors"][0]["field"],
        "year"
    );
    // Another year: nobody has a plan.
    assert_eq!(
        w.app.get("/api/v1/reports/plans?year=2025", &w.admin).body["centers_with_approved_plan"],
        0
    );
}

#[test]
fn program_catalogue_is_seeded_and_managed_by_the_province() {
    let w = World::new();
    let list = w.app.get("/api/v1/programs?limit=500", w.t("lecturer"));
    assert_eq!(list.body["total"], 11);
    let by_code: HashMap<String, Value> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["code"].as_str().unwrap().to_owned(), p.clone()))
        .collect();
    assert_eq!(
        by_code["party_admission"]["topics"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        by_code["new_member"]["topics"].as_array().unwrap().len(),
        10
    );
    assert_eq!(
        by_code["elementary_theory"]["topics"]
            .as_array()
            .unwrap()
            .len(),
        18
    );
    assert_eq!(
        by_code["party_admission"]["eligibility"]["membership"],
        "non_member"
    );
    assert_eq!(by_code["intermediate_theory"]["delivery"], "with_school");
    assert_eq!(by_code["party_admission"]["total_periods"], 30);
    assert_eq!(
        w.app.get("/api/v1/programs?q=so%20cap", &w.admin).body["items"][0]["code"],
        "elementary_theory"
    );
    assert_eq!(
        w.app
            .get("/api/v1/programs?category=new_member", &w.admin)
            .body["total"],
        1
    );
    w.app
        .get("/api/v1/programs?category=poetry", &w.admin)
        .problem(400);

    let body = json!({"code": "digital_transformation", "name": "Bồi dưỡng chuyển đổi số cho cán bộ cơ sở", "category": "knowledge_update",
        "default_days": 2, "topics": [{"title": "Chuyển đổi số là gì", "periods": 4}, {"title": "Chính quyền số", "periods": 4}]});
    w.app
        .post("/api/v1/programs", w.t("center_admin"), &body)
        .problem(403);
    let created = w.app.post("/api/v1/programs", &w.admin, &body);
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.body["topics"][1]["position"], 2);
    assert_eq!(created.body["credential"], "certificate");
    w.app.post("/api/v1/programs", &w.admin, &body).problem(409);
    let invalid = w.app.post(
        "/api/v1/programs",
        &w.admin,
        &json!({"code": "x y", "name": "", "category": "poetry", "default_days": 0,
        "topics": [{"title": "A", "periods": 0}]}),
    );
    let mut fields = invalid.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "category",
            "code",
            "default_days",
            "name",
            "topics[0].periods"
        ]
    );
    let pid = created.body["id"].as_str().unwrap().to_owned();
    let patched = w.app.request(
        "PATCH",
        &format!("/api/v1/programs/{pid}"),
        Some(&w.admin),
        Some(&json!({"topics": [{"title": "Chính quyền số", "periods": 6}]})),
        &[("If-Match", "\"1\"")],
    );
    assert_eq!(patched.status, 200, "{}", patched.text);
    assert_eq!(patched.body["topics"].as_array().unwrap().len(), 1);
    assert_eq!(
        patched.body["name"],
        "Bồi dưỡng chuyển đổi số cho cán bộ cơ sở"
    );
    w.app
        .request(
            "PATCH",
            &format!("/api/v1/programs/{pid}"),
            Some(&w.admin),
            Some(&json!({"name": "X"})),
            &[("If-Match", "\"1\"")],
        )
        .problem(412);
    w.app
        .patch(
            &format!("/api/v1/programs/{pid}"),
            w.t("province_viewer"),
            &json!({"name": "X"}),
        )
        .problem(403);
    // Retired: out of the default list, still readable, history kept.
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/programs/{pid}/retire"),
                &w.admin,
                &json!({})
            )
            .status,
        200
    );
    w.app
        .post(
            &format!("/api/v1/programs/{pid}/retire"),
            &w.admin,
            &json!({}),
        )
        .problem(409);
    assert_eq!(w.app.get("/api/v1/programs", &w.admin).body["total"], 11);
    assert_eq!(
        w.app.get("/api/v1/programs?status=retired", &w.admin).body["total"],
        1
    );
    assert_eq!(
        w.app.get("/api/v1/programs?status=all", &w.admin).body["total"],
        12
    );
    assert_eq!(
        w.app.get(&format!("/api/v1/programs/{pid}"), &w.admin).body["retired"],
        true
    );
}

#[test]
fn policy_versions_switch_on_their_effective_date() {
    let w = World::new();
    let current = w
        .app
        .get("/api/v1/policies?as_of=2026-06-01", w.t("lecturer"));
    assert_eq!(current.status, 200, "{}", current.text);
    assert_eq!(current.body["effective_from"], "2019-01-01");
    let v = &current.body["values"];
    assert_eq!(v["min_attendance_ratio"], 0.8);
    assert_eq!(v["passing_score"], 5.0);
    assert_eq!(v["retake_limit"], 1);
    assert_eq!(v["new_member_window_months"], 12);
    assert_eq!(v["certificate_validity_months"], 60);
    assert_eq!(v["certificate_issue_deadline_days"], 15);
    assert_eq!(
        v["teaching_norms"][0],
        json!({"position": "director", "total_hours": 40, "lecturing_hours": 30})
    );
    assert_eq!(
        v["teaching_norms"][2],
        json!({"position": "full_time_lecturer", "total_hours": 120, "lecturing_hours": 90})
    );
    assert_eq!(v["grade_bands"].as_array().unwrap().len(), 4);

    let mut next = v.clone();
    next["passing_score"] = json!(6.0);
    next["grade_bands"][0]["from"] = json!(6.0);
    w.app
        .post(
            "/api/v1/policies",
            w.t("center_admin"),
            &json!({"effective_from": "2027-01-01", "values": next}),
        )
        .problem(403);
    let created = w.app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": "2027-01-01", "values": next, "note": "Nâng điểm đạt"}),
    );
    assert_eq!(created.status, 201, "{}", created.text);
    w.app
        .post(
            "/api/v1/policies",
            &w.admin,
            &json!({"effective_from": "2027-01-01", "values": next}),
        )
        .problem(409);
    let before = w.app.get("/api/v1/policies?as_of=2026-12-31", &w.admin);
    assert_eq!(before.body["values"]["passing_score"], 5.0);
    assert_eq!(before.body["effective_to"], "2026-12-31");
    let after = w.app.get("/api/v1/policies?as_of=2027-01-01", &w.admin);
    assert_eq!(after.body["values"]["passing_score"], 6.0);
    assert!(after.body["effective_to"].is_null());
    w.app
        .get("/api/v1/policies?as_of=2018-12-31", &w.admin)
        .problem(404);
    w.app
        .get("/api/v1/policies?as_of=soon", &w.admin)
        .problem(400);
    assert_eq!(
        w.app.get("/api/v1/policies/versions", &w.admin).body["total"],
        2
    );
    // Invalid sets name the field inside `values`.
    let mut bad = v.clone();
    bad["min_attendance_ratio"] = json!(1.5);
    let r = w.app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": "2028-01-01", "values": bad}),
    );
    assert_eq!(
        r.problem(422)["errors"][0]["field"],
        "values.min_attendance_ratio"
    );
    let mut missing = v.clone();
    missing.as_object_mut().unwrap().remove("retake_limit");
    let r = w.app.post(
        "/api/v1/policies",
        &w.admin,
        &json!({"effective_from": "2028-01-01", "values": missing}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "values.retake_limit");
}
