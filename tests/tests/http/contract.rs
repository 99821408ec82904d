//! What the served contract promises and the fuzzer found missing: HTTP semantics (405 + Allow,
//! HEAD, If-Match → 412), parsing rules (control characters, integral numbers, empty parameters),
//! PATCH semantics, and the province never losing its last administrator — also under a race.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::json;

#[test]
fn methods_head_and_preconditions() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    // 405 names what the path allows.
    let r = app.request("PUT", "/api/v1/centers", Some(&admin), None, &[]);
    r.problem(405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    let r = app.request("DELETE", "/api/v1/training-plans", Some(&admin), None, &[]);
    assert_eq!(r.header("allow"), Some("GET, HEAD, POST"));
    // HEAD is GET without a body, with the length GET sends (RFC 9110 §9.3.2, §8.6).
    let head = app.request("HEAD", "/api/v1/centers", Some(&admin), None, &[]);
    assert_eq!(head.status, 200);
    assert!(head.text.is_empty());
    let get = app.get("/api/v1/centers", &admin);
    assert_eq!(
        head.header("content-length"),
        Some(get.text.len().to_string().as_str())
    );
    assert_ne!(head.header("content-length"), Some("0"));
    // If-Match with a tag this API never issued, or a list without the current one: 412.
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let po = app.create_party_org(&admin, &center, "IFM", "Chi bộ If-Match");
    let path = format!("/api/v1/party-organizations/{}", po["id"].as_str().unwrap());
    for tag in ["\"definitely-stale\"", "\"7\", \"8\"", "garbage"] {
        let r = app.request(
            "PATCH",
            &path,
            Some(&admin),
            Some(&json!({"name": "Chi bộ mới"})),
            &[("If-Match", tag)],
        );
        r.problem(412);
    }
    let ok = app.request(
        "PATCH",
        &path,
        Some(&admin),
        Some(&json!({"name": "Chi bộ mới"})),
        &[("If-Match", "\"9\", \"1\"")],
    );
    assert_eq!(ok.status, 200, "{}", ok.text);
}

#[test]
fn parsing_rules_for_every_text_and_number() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    // NUL and other control characters: 400 naming the field, in bodies and query strings.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "a\u{0}b", "password": "x"})),
        &[],
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "username");
    assert!(!r.text.contains('\u{0}'), "never echoed back");
    let r = app.get("/api/v1/centers?q=%00", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "q");
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": "Chi bộ\u{1b}", "code": "X", "center_id": center}),
    );
    assert_eq!(r.problem(400)["errors"][0]["field"], "name");
    // Line feeds and tabs are text.
    let r = app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": "Chi bộ\tThôn 1", "code": "T1", "center_id": center}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    // 2040.0 is an integer (JSON Schema says so).
    let r = app.post(
        "/api/v1/training-plans",
        &admin,
        &json!({"center_id": center, "year": 2040.0}),
    );
    assert_ne!(r.status, 400, "{}", r.text);
    // An empty parameter is not an absent one.
    for query in ["as_of=", "center_id="] {
        let r = app.get(&format!("/api/v1/party-organizations?{query}"), &admin);
        r.problem(400);
    }
    app.get("/api/v1/training-plans?as_of=", &admin)
        .problem(400);
}

#[test]
fn patch_absent_keeps_and_null_clears() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&admin, "ca.patch", "center_admin", &center);
    let ca = app.login("ca.patch", "ca.patch-password");
    let plan = app.post(
        "/api/v1/training-plans",
        &ca,
        &json!({"center_id": center, "year": 2027, "note": "Ghi chú"}),
    );
    assert_eq!(plan.status, 201, "{}", plan.text);
    let path = format!(
        "/api/v1/training-plans/{}",
        plan.body["id"].as_str().unwrap()
    );
    let kept = app.patch(&path, &ca, &json!({}));
    assert_eq!(kept.body["note"], "Ghi chú", "{}", kept.text);
    let cleared = app.patch(&path, &ca, &json!({"note": null}));
    assert!(cleared.body["note"].is_null(), "{}", cleared.text);
}

#[test]
fn the_last_active_province_admin_stays() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let me = app.get("/api/v1/me", &admin).body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Alone: cannot be demoted (deactivating oneself is refused anyway).
    let r = app.patch(
        &format!("/api/v1/users/{me}"),
        &admin,
        &json!({"role": "province_viewer"}),
    );
    assert_eq!(r.problem(409)["status"], 409);
    // Two admins deactivating each other at once: exactly one stays active.
    for round in 0..3 {
        let second_name = format!("admin.two{round}");
        let second = app.create_user(&admin, &second_name, "province_admin", &province);
        let second_token = app.login(&second_name, &format!("{second_name}-password"));
        let results = std::thread::scope(|s| {
            let a = s.spawn(|| {
                app.post(
                    &format!("/api/v1/users/{second}/deactivate"),
                    &admin,
                    &json!({}),
                )
            });
            let b = s.spawn(|| {
                app.post(
                    &format!("/api/v1/users/{me}/deactivate"),
                    &second_token,
                    &json!({}),
                )
            });
            [a.join().unwrap(), b.join().unwrap()]
        });
        let done = results.iter().filter(|r| r.status == 200).count();
        assert_eq!(
            done,
            1,
            "{:?}",
            results.iter().map(|r| &r.text).collect::<Vec<_>>()
        );
        let users = app
            .db_pool()
            .get()
            .map(|mut conn| {
                centers_db::identity::lock_active_province_admins(
                    &mut conn,
                    province.parse::<uuid::Uuid>().unwrap().into(),
                )
                .unwrap()
            })
            .unwrap();
        assert_eq!(users.len(), 1, "round {round}");
        if results[1].status == 200 {
            // The first admin was the one deactivated: the test goes on with the other.
            return;
        }
    }
}

/// `Accept` is obeyed (RFC 9110 §12.5.1), `If-None-Match` compares weakly (§13.1.2), and every
/// error the routing layer gives (404, 405, 413, 415, 406) says in words what to do.
#[test]
fn content_negotiation_weak_tags_and_errors_in_words() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let summary = "/api/v1/reports/summary?from=2019&to=2019";
    // A JSON-only read asked for something else: 406 naming what it has.
    for accept in ["application/pdf", "text/csv", "application/json;q=0"] {
        let r = app.request(
            "GET",
            "/api/v1/programs",
            Some(&admin),
            None,
            &[("Accept", accept)],
        );
        let p = r.problem(406);
        assert!(
            p["detail"].as_str().unwrap().contains("application/json"),
            "{accept}: {p}"
        );
    }
    // What reads and exports accept, by weight and specificity.
    for (path, accept, sent) in [
        ("/api/v1/programs", "*/*", "application/json"),
        ("/api/v1/programs", "application/*", "application/json"),
        (
            "/api/v1/programs",
            "text/html, */*;q=0.1",
            "application/json",
        ),
        (summary, "text/csv", "text/csv"),
        (summary, "text/*", "text/csv"),
        (summary, "application/json;q=0.5, text/csv", "text/csv"),
        (summary, "text/csv, application/json", "application/json"),
        (
            summary,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        let (status, content_type, _) = app.get_bytes(path, &admin, accept);
        assert_eq!(status, 200, "{path} {accept}");
        assert!(
            content_type.starts_with(sent),
            "{path} {accept}: {content_type}"
        );
    }
    let r = app.request(
        "GET",
        summary,
        Some(&admin),
        None,
        &[("Accept", "application/pdf")],
    );
    let p = r.problem(406);
    assert!(p["detail"].as_str().unwrap().contains("text/csv"), "{p}");
    // A write whose answer (JSON) the caller would not accept is refused before it runs.
    let center = app.centers(&admin)["406"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({"center_id": center, "code": "ACC", "name": "Chi bộ Accept"});
    let r = app.request(
        "POST",
        "/api/v1/party-organizations",
        Some(&admin),
        Some(&body),
        &[("Accept", "text/csv")],
    );
    r.problem(406);
    // Nothing was written: the same code is still free.
    app.create_party_org(&admin, &center, "ACC", "Chi bộ Accept");

    // Weak comparison: W/"n" names version n.
    let program = app.get("/api/v1/programs?limit=1", &admin).body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/programs/{program}");
    let tag = app.get(&path, &admin).header("etag").unwrap().to_owned();
    for sent in [tag.clone(), format!("W/{tag}"), format!("\"x\", W/{tag}")] {
        let r = app.request(
            "GET",
            &path,
            Some(&admin),
            None,
            &[("If-None-Match", &sent)],
        );
        assert_eq!(r.status, 304, "{sent}");
    }
    let r = app.request(
        "GET",
        &path,
        Some(&admin),
        None,
        &[("If-None-Match", "W/\"999\"")],
    );
    assert_eq!(r.status, 200);

    // Errors of the routing layer say what to do.
    let no_route = app.get("/api/v1/no-such-thing", &admin);
    assert!(no_route.problem(404)["detail"]
        .as_str()
        .unwrap()
        .contains("openapi.json"));
    let method = app.request("DELETE", "/api/v1/programs", Some(&admin), None, &[]);
    assert!(method.problem(405)["detail"]
        .as_str()
        .unwrap()
        .contains("Allow"));
    let media = app.raw(
        "POST",
        "/api/v1/learners",
        Some(&admin),
        Some(("text/plain", "x")),
        &[],
    );
    assert!(media.problem(415)["detail"]
        .as_str()
        .unwrap()
        .contains("application/json"));
    let big = "a".repeat(3 * 1024 * 1024);
    let large = app.raw(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(("application/json", &big)),
        &[],
    );
    assert!(large.problem(413)["detail"]
        .as_str()
        .unwrap()
        .contains("larger"));
}

/// What the spec states as closed sets and shapes, the server holds to (issue 25's fuzzer
/// findings): dates exactly `YYYY-MM-DD`, terms as the pattern says, report dimensions from their
/// sets, a program code the catalogue has, password lengths, policy ranges, non-empty imports.
#[test]
fn the_server_holds_to_the_shapes_the_spec_states() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    for path in [
        "/api/v1/reports/summary?from=2019&as_of=2019-1-1",
        "/api/v1/centers?as_of=2019-01-1",
        "/api/v1/centers?as_of=%2B2019-01-01",
    ] {
        let r = app.get(path, &admin);
        assert_eq!(r.problem(400)["errors"][0]["field"], "as_of", "{path}");
    }
    assert_eq!(
        app.get("/api/v1/centers?as_of=2019-01-01", &admin).status,
        200
    );
    let coverage = "/api/v1/reports/coverage?from=2019";
    for term in ["2020-2025", "2020–2025", " 2020 - 2025 "] {
        let r = app.get(&format!("{coverage}&term={}", urlencode(term)), &admin);
        assert_eq!(r.status, 200, "{term}: {}", r.text);
        assert_eq!(r.body["term"], "2020–2025");
    }
    // Not the contract's shape: malformed (400). The shape, but not a term: a rule (422).
    for term in ["+2020-2025", "nhiệm kỳ", "2020"] {
        let r = app.get(&format!("{coverage}&term={}", urlencode(term)), &admin);
        assert_eq!(r.problem(400)["errors"][0]["field"], "term", "{term}");
    }
    for term in ["2020-2024", " 8903  - 5914 ", "1900-1905"] {
        let r = app.get(&format!("{coverage}&term={}", urlencode(term)), &admin);
        assert_eq!(r.problem(422)["errors"][0]["field"], "term", "{term}");
    }
    let r = app.get(&format!("{coverage}&program=NO-SUCH"), &admin);
    assert_eq!(r.problem(422)["errors"][0]["field"], "program");
    for (path, field) in [
        (
            "/api/v1/reports/summary?from=2019&group_by=district",
            "group_by",
        ),
        (
            "/api/v1/reports/summary?from=2019&group_by=year,year",
            "group_by",
        ),
        (
            "/api/v1/reports/outcomes?from=2019&group_by=category,program",
            "group_by",
        ),
        ("/api/v1/reports/trends?from=2019&series=year", "series"),
    ] {
        let r = app.get(path, &admin);
        assert_eq!(r.problem(422)["errors"][0]["field"], field, "{path}");
    }
    // A list written as repeated keys (as some generated clients send it) reads as one list.
    let both = app.get(
        "/api/v1/reports/summary?from=2019&group_by=center&group_by=category",
        &admin,
    );
    assert_eq!(both.status, 200, "{}", both.text);
    let comma = app.get(
        "/api/v1/reports/summary?from=2019&group_by=center,category",
        &admin,
    );
    assert_eq!(comma.status, 200, "{}", comma.text);
    assert_eq!(both.body["group_by"], json!(["center", "category"]));
    assert_eq!(both.body["group_by"], comma.body["group_by"]);
    // The spec says the same.
    let spec = app.get("/api/v1/openapi.json", &admin).body;
    let params = &spec["paths"]["/api/v1/reports/summary"]["get"]["parameters"];
    let group_by = params
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "group_by")
        .unwrap();
    assert_eq!(group_by["schema"]["type"], "array");
    assert_eq!(group_by["explode"], false);
    let dimensions = &spec["components"]["schemas"]["GroupDimension"]["enum"];
    assert_eq!(
        dimensions,
        &json!(["year", "center", "category", "program"])
    );

    // A new password shorter than 10 or longer than 1000 characters: refused, nothing changed.
    for new in ["short", &"x".repeat(1001)] {
        let r = app.post(
            "/api/v1/me/password",
            &admin,
            &json!({"old_password": "wrong-old-password", "new_password": new}),
        );
        assert!(matches!(r.status, 400 | 422), "{}", r.text);
        assert_eq!(r.body["errors"][0]["field"], "new_password", "{}", r.text);
    }
    // An import of no rows.
    let r = app.post("/api/v1/imports", &admin, &json!({"rows": []}));
    assert!(matches!(r.status, 400 | 422), "{}", r.text);
    // A policy out of its stated ranges.
    let current = app.get("/api/v1/policies", &admin);
    assert_eq!(current.status, 200, "{}", current.text);
    let mut values = current.body["values"].clone();
    values["min_attendance_ratio"] = json!(1.5);
    values["hours_per_period"] = json!(0);
    let r = app.post(
        "/api/v1/policies",
        &admin,
        &json!({"effective_from": "2030-01-01", "values": values}),
    );
    let fields = r.problem(422)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    assert!(
        fields.iter().any(|f| f.ends_with("min_attendance_ratio")),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.ends_with("hours_per_period")),
        "{fields:?}"
    );
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
