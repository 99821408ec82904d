//! Identity and access: accounts, tokens, scopes, rate limits, audit, party organizations.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use centers_tests::{Resp, TestApp, ADMIN_PASSWORD, JWT_SECRET};
use serde_json::{json, Value};

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn sign(claims: &Value, secret: &[u8]) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(secret),
    )
    .unwrap()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[test]
fn login_me_and_token_shape() {
    let app = TestApp::spawn();
    let r = app.login_response("admin", ADMIN_PASSWORD);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["token_type"], "Bearer");
    assert_eq!(r.body["expires_in"], 900);
    assert!(r.body["refresh_token"].as_str().unwrap().len() >= 40);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let token = r.body["access_token"].as_str().unwrap();
    let c = claims_of(token);
    for claim in [
        "sub", "role", "scope", "iss", "aud", "iat", "nbf", "exp", "jti", "stamp",
    ] {
        assert!(!c[claim].is_null(), "claim {claim} missing: {c}");
    }
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 900);
    assert_eq!(c["role"], "province_admin");
    let me = app.get("/api/v1/me", token);
    assert_eq!(me.status, 200);
    assert_eq!(me.body["name"], "admin");
    assert_eq!(me.body["kind"], "user");
    assert_eq!(me.body["role"], "province_admin");
    assert_eq!(me.body["scope"]["kind"], "province");
    assert_eq!(me.body["scope"]["name"], "Tỉnh Thanh Hóa");
    let perms: Vec<&str> = me.body["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(perms.contains(&"read_audit_log") && perms.contains(&"manage_users"));
    // Usernames are case-insensitive.
    assert_eq!(app.login_response("ADMIN", ADMIN_PASSWORD).status, 200);
}

#[test]
fn failed_login_says_the_same_for_unknown_users() {
    let app = TestApp::spawn();
    let wrong = app.login_response("admin", "wrong-password-1");
    let unknown = app.login_response("nobody-here", "wrong-password-1");
    let a = wrong.problem(401);
    let b = unknown.problem(401);
    assert_eq!(a["detail"], b["detail"]);
    assert_eq!(a["title"], b["title"]);
}

#[test]
fn sixth_bad_login_in_a_minute_is_429_even_with_the_right_password() {
    let app = TestApp::spawn();
    for i in 1..=5 {
        assert_eq!(
            app.login_response("admin", "wrong-password-1").status,
            401,
            "attempt {i}"
        );
    }
    let sixth = app.login_response("admin", "wrong-password-1");
    sixth.problem(429);
    let retry: u64 = sixth.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    app.login_response("admin", ADMIN_PASSWORD).problem(429);

    // Once the window has passed (aged in the database rather than waited for), it works again.
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    {
        use centers_db::schema::login_failures::dsl::*;
        use diesel::prelude::*;
        let old = centers_db::now() - chrono::Duration::seconds(61);
        diesel::update(login_failures)
            .set(failed_at.eq(old))
            .execute(&mut conn)
            .unwrap();
    }
    assert_eq!(app.login_response("admin", ADMIN_PASSWORD).status, 200);
}

#[test]
fn forged_expired_and_tampered_tokens_are_refused() {
    let app = TestApp::spawn();
    let token = app.admin_token();
    let claims = claims_of(&token);
    // Sanity: re-signing the same claims with the right secret works, so each refusal below is
    // caused by the one thing changed.
    assert_eq!(
        app.get("/api/v1/me", &sign(&claims, JWT_SECRET.as_bytes()))
            .status,
        200
    );

    let mut cases: Vec<(&str, String)> = Vec::new();
    let mut c = claims.clone();
    c["exp"] = json!(now() - 120);
    c["iat"] = json!(now() - 1000);
    c["nbf"] = json!(now() - 1000);
    cases.push(("expired", sign(&c, JWT_SECRET.as_bytes())));
    let mut c = claims.clone();
    c["nbf"] = json!(now() + 300);
    cases.push(("not yet valid", sign(&c, JWT_SECRET.as_bytes())));
    cases.push((
        "wrong signature",
        sign(&claims, b"another-secret-another-secret-0123456789"),
    ));
    let mut c = claims.clone();
    c["aud"] = json!("someone-else");
    cases.push(("wrong aud", sign(&c, JWT_SECRET.as_bytes())));
    let mut c = claims.clone();
    c["iss"] = json!("evil");
    cases.push(("wrong iss", sign(&c, JWT_SECRET.as_bytes())));
    let mut c = claims.clone();
    c["stamp"] = json!("0000");
    cases.push(("stale stamp", sign(&c, JWT_SECRET.as_bytes())));
    // alg: none, no signature.
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    cases.push(("alg none", format!("{header}.{payload}.")));
    // HS512 with the right secret: the algorithm is pinned.
    cases.push((
        "other algorithm",
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS512),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET.as_bytes()),
        )
        .unwrap(),
    ));
    // Tampered payload, original signature.
    let mut c = claims.clone();
    c["role"] = json!("province_viewer");
    let parts: Vec<&str> = token.split('.').collect();
    cases.push((
        "tampered claims",
        format!(
            "{}.{}.{}",
            parts[0],
            URL_SAFE_NO_PAD.encode(c.to_string()),
            parts[2]
        ),
    ));
    for (name, forged) in cases {
        let r = app.get("/api/v1/me", &forged);
        assert_eq!(r.status, 401, "{name}: {}", r.text);
        r.problem(401);
    }
}

#[test]
fn a_role_or_scope_the_account_does_not_have_is_refused_even_if_signed() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    app.create_user(&admin, "viewer1", "province_viewer", &province);
    let viewer = app.login("viewer1", "viewer1-password");
    let mut c = claims_of(&viewer);
    c["role"] = json!("province_admin");
    let forged = sign(&c, JWT_SECRET.as_bytes());
    app.get("/api/v1/audit-log", &forged).problem(401);
    app.get("/api/v1/audit-log", &viewer).problem(403);
}

#[test]
fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::spawn();
    let first = app.login_response("admin", ADMIN_PASSWORD);
    let r1 = first.body["refresh_token"].as_str().unwrap().to_owned();
    let refresh = |t: &str| {
        app.request(
            "POST",
            "/api/v1/auth/refresh",
            None,
            Some(&json!({"refresh_token": t})),
            &[],
        )
    };
    let second = refresh(&r1);
    assert_eq!(second.status, 200, "{}", second.text);
    let r2 = second.body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(r1, r2);
    assert_eq!(
        app.get("/api/v1/me", second.body["access_token"].as_str().unwrap())
            .status,
        200
    );
    // Reusing r1 is theft: refused, and r2 (same family) dies with it.
    refresh(&r1).problem(401);
    refresh(&r2).problem(401);
    // Another login (another family) is unaffected.
    let other = app.login_response("admin", ADMIN_PASSWORD);
    assert_eq!(
        refresh(other.body["refresh_token"].as_str().unwrap()).status,
        200
    );
    refresh("made-up").problem(401);
    // Logins and refreshes are writes, and audited.
    let token = app.admin_token();
    let log = app.get("/api/v1/audit-log?entity=user&limit=500", &token);
    let actions: Vec<&str> = log.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "refresh").count(),
        2,
        "{actions:?}"
    );
    assert!(actions.contains(&"login"));
}

#[test]
fn logout_ends_the_session_and_logout_everywhere_ends_access_tokens() {
    let app = TestApp::spawn();
    let a = app.login_response("admin", ADMIN_PASSWORD);
    let b = app.login_response("admin", ADMIN_PASSWORD);
    let ra = a.body["refresh_token"].as_str().unwrap();
    let logout = |t: &str, everywhere: bool| {
        app.request(
            "POST",
            "/api/v1/auth/logout",
            None,
            Some(&json!({"refresh_token": t, "everywhere": everywhere})),
            &[],
        )
    };
    assert_eq!(logout(ra, false).status, 204);
    app.request(
        "POST",
        "/api/v1/auth/refresh",
        None,
        Some(&json!({"refresh_token": ra})),
        &[],
    )
    .problem(401);
    // Session b still works.
    let access_b = b.body["access_token"].as_str().unwrap();
    assert_eq!(app.get("/api/v1/me", access_b).status, 200);
    assert_eq!(
        logout(b.body["refresh_token"].as_str().unwrap(), true).status,
        204
    );
    app.get("/api/v1/me", access_b).problem(401);
}

#[test]
fn password_change_and_deactivation_revoke_tokens() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let id = app.create_user(&admin, "viewer2", "province_viewer", &province);
    let old = app.login("viewer2", "viewer2-password");
    // Wrong old password; weak new ones.
    let change = |t: &str, old: &str, new: &str| {
        app.post(
            "/api/v1/me/password",
            t,
            &json!({"old_password": old, "new_password": new}),
        )
    };
    assert_eq!(
        change(&old, "nope-nope-nope", "a-new-password-1").problem(422)["errors"][0]["field"],
        "old_password"
    );
    assert_eq!(
        change(&old, "viewer2-password", "short").problem(422)["errors"][0]["field"],
        "new_password"
    );
    assert_eq!(
        change(&old, "viewer2-password", "VIEWER2").problem(422)["errors"][0]["field"],
        "new_password"
    );
    let changed = change(&old, "viewer2-password", "a-new-password-1");
    assert_eq!(changed.status, 200, "{}", changed.text);
    app.get("/api/v1/me", &old).problem(401);
    let fresh = changed.body["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get("/api/v1/me", &fresh).status, 200);
    app.login_response("viewer2", "viewer2-password")
        .problem(401);
    // Admin resets, then deactivates.
    let reset = app.post(
        &format!("/api/v1/users/{id}/reset-password"),
        &admin,
        &json!({"password": "reset-password-1"}),
    );
    assert_eq!(reset.status, 200, "{}", reset.text);
    app.get("/api/v1/me", &fresh).problem(401);
    let t = app.login("viewer2", "reset-password-1");
    let d = app.post(
        &format!("/api/v1/users/{id}/deactivate"),
        &admin,
        &json!({}),
    );
    assert_eq!(d.status, 200, "{}", d.text);
    assert_eq!(d.body["active"], false);
    app.get("/api/v1/me", &t).problem(401);
    app.login_response("viewer2", "reset-password-1")
        .problem(401);
    let a = app.post(&format!("/api/v1/users/{id}/activate"), &admin, &json!({}));
    assert_eq!(a.body["active"], true);
    assert_eq!(
        app.login_response("viewer2", "reset-password-1").status,
        200
    );
}

#[test]
fn account_rules() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    let b = centers["380"]["id"].as_str().unwrap().to_owned();
    let create = |t: &str, username: &str, password: &str, role: &str, scope: &str| {
        app.post(
            "/api/v1/users",
            t,
            &json!({"username": username, "display_name": "Trần Thị Bình",
            "password": password, "role": role, "scope": scope}),
        )
    };
    assert_eq!(
        create(&admin, "user1", "short", "lecturer", &a).problem(422)["errors"][0]["field"],
        "password"
    );
    assert_eq!(
        create(&admin, "lecturer01", "Lecturer01", "lecturer", &a).problem(422)["errors"][0]
            ["field"],
        "password"
    );
    assert_eq!(
        create(&admin, "user1", "long-enough-1", "teacher", &a).problem(422)["errors"][0]["field"],
        "role"
    );
    assert_eq!(
        create(&admin, "user1", "long-enough-1", "lecturer", &province).problem(422)["errors"][0]
            ["code"],
        "scope_kind_mismatch"
    );
    assert_eq!(
        create(
            &admin,
            "user1",
            "long-enough-1",
            "lecturer",
            &uuid::Uuid::now_v7().to_string()
        )
        .problem(422)["errors"][0]["field"],
        "scope"
    );
    let r = app.request(
        "POST",
        "/api/v1/users",
        Some(&admin),
        Some(&json!({"username": "user1"})),
        &[],
    );
    r.problem(400);
    assert_eq!(
        create(&admin, "ca.quangxuong", "long-enough-1", "center_admin", &a).status,
        201
    );
    create(&admin, "CA.QuangXuong", "long-enough-1", "center_admin", &a).problem(409);
    let ca = app.login("ca.quangxuong", "long-enough-1");
    // A center admin manages lecturers and party-organization accounts of its own center only.
    create(&ca, "ca2", "long-enough-1", "center_admin", &a).problem(403);
    assert_eq!(
        create(&ca, "gv.b", "long-enough-1", "lecturer", &b).problem(422)["errors"][0]["field"],
        "scope"
    );
    let lecturer = create(&ca, "gv.a", "long-enough-1", "lecturer", &a);
    assert_eq!(lecturer.status, 201);
    assert!(lecturer.header("etag").is_some());
    assert_eq!(lecturer.body["display_name"], "Trần Thị Bình");
    assert!(lecturer.body.get("password").is_none() && !lecturer.text.contains("argon2"));
    let users = app.get("/api/v1/users", &ca);
    let names: Vec<&str> = users.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["ca.quangxuong", "gv.a"],
        "a center admin lists its center's accounts"
    );
    assert_eq!(
        app.get("/api/v1/users?role=lecturer", &admin).body["total"],
        1
    );
    // PATCH with If-Match.
    let lid = lecturer.body["id"].as_str().unwrap();
    let p = app.request(
        "PATCH",
        &format!("/api/v1/users/{lid}"),
        Some(&ca),
        Some(&json!({"display_name": "Lê Văn Cường"})),
        &[("If-Match", "\"1\"")],
    );
    assert_eq!(p.status, 200, "{}", p.text);
    assert_eq!(p.body["version"], 2);
    let p = app.request(
        "PATCH",
        &format!("/api/v1/users/{lid}"),
        Some(&ca),
        Some(&json!({"display_name": "X"})),
        &[("If-Match", "\"1\"")],
    );
    p.problem(412);
    // `q` finds accounts by display name or username, ignoring case and diacritics.
    assert_eq!(
        app.get("/api/v1/users?q=le%20van%20cuong", &admin).body["total"],
        1
    );
    assert_eq!(
        app.get("/api/v1/users?q=L%C3%8A%20V%C4%82N", &admin).body["total"],
        1
    );
    assert_eq!(
        app.get("/api/v1/users?q=tran%20thi%20binh", &admin).body["total"],
        1
    );
    assert_eq!(
        app.get("/api/v1/users?q=quangxuong", &admin).body["total"],
        1
    );
    // A center admin cannot promote.
    app.patch(
        &format!("/api/v1/users/{lid}"),
        &ca,
        &json!({"role": "center_admin"}),
    )
    .problem(403);
}

#[test]
fn service_clients_get_tokens_and_can_be_revoked() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    let created = app.post(
        "/api/v1/clients",
        &admin,
        &json!({"name": "Hệ thống Huyện ủy Quảng Xương", "scope": a, "access": "read_only"}),
    );
    assert_eq!(created.status, 201, "{}", created.text);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let secret = created.body["client_secret"].as_str().unwrap().to_owned();
    // The secret is shown once: not in the list.
    let list = app.get("/api/v1/clients", &admin);
    assert_eq!(list.body["total"], 1);
    assert!(!list.text.contains(&secret));
    let form = format!("grant_type=client_credentials&client_id={id}&client_secret={secret}");
    let tok = app.raw(
        "POST",
        "/api/v1/auth/token",
        None,
        Some(("application/x-www-form-urlencoded", &form)),
        &[],
    );
    assert_eq!(tok.status, 200, "{}", tok.text);
    assert!(tok.body["refresh_token"].is_null());
    let t = tok.body["access_token"].as_str().unwrap().to_owned();
    let me = app.get("/api/v1/me", &t);
    assert_eq!(
        (me.body["kind"].as_str(), me.body["role"].as_str()),
        (Some("client"), Some("read_only"))
    );
    // It sees its center only, and cannot write.
    assert_eq!(app.get("/api/v1/centers", &t).body["total"], 1);
    app.post(
        "/api/v1/party-organizations",
        &t,
        &json!({"name": "Chi bộ 1", "code": "CB1", "center_id": a}),
    )
    .problem(403);
    // JSON works too; a wrong secret or grant does not.
    let json_grant = app.request(
        "POST",
        "/api/v1/auth/token",
        None,
        Some(
            &json!({"grant_type": "client_credentials", "client_id": id, "client_secret": secret}),
        ),
        &[],
    );
    assert_eq!(json_grant.status, 200);
    let bad = format!("grant_type=client_credentials&client_id={id}&client_secret=nope");
    app.raw(
        "POST",
        "/api/v1/auth/token",
        None,
        Some(("application/x-www-form-urlencoded", &bad)),
        &[],
    )
    .problem(401);
    let pw = format!("grant_type=password&client_id={id}&client_secret={secret}");
    assert_eq!(
        app.raw(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(("application/x-www-form-urlencoded", &pw)),
            &[]
        )
        .problem(400)["errors"][0]["field"],
        "grant_type"
    );
    // Revoked: its tokens stop working at once.
    assert_eq!(
        app.post(&format!("/api/v1/clients/{id}/revoke"), &admin, &json!({}))
            .status,
        200
    );
    app.get("/api/v1/me", &t).problem(401);
    app.raw(
        "POST",
        "/api/v1/auth/token",
        None,
        Some(("application/x-www-form-urlencoded", &form)),
        &[],
    )
    .problem(401);
}

#[test]
fn party_organizations_crud_with_versions() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    let b = centers["380"]["id"].as_str().unwrap().to_owned();
    let po = app.create_party_org(&admin, &a, "DU-QN", "Đảng ủy xã Quảng Nham");
    assert_eq!(po["kind"], "party_cell", "kind defaults to a party cell");
    assert_eq!(po["version"], 1);
    let id = po["id"].as_str().unwrap().to_owned();
    let cell = app.post("/api/v1/party-organizations", &admin, &json!({"name": "Chi bộ Thôn 3", "code": "CB-T3", "center_id": a, "kind": "party_cell", "parent_id": id}));
    assert_eq!(cell.status, 201, "{}", cell.text);
    assert_eq!(cell.body["parent_id"], id.as_str());
    // Same code in the same center: 409; in another center: fine.
    app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": "X", "code": "DU-QN", "center_id": a}),
    )
    .problem(409);
    app.create_party_org(&admin, &b, "DU-QN", "Đảng ủy phường Điện Biên");
    // Validation names fields.
    let r = app.post(
        "/api/v1/party-organizations",
        &admin,
        &json!({"name": " ", "code": "", "center_id": a, "kind": "club"}),
    );
    let mut fields = r.error_fields();
    fields.sort();
    assert_eq!(fields, vec!["code", "kind", "name"], "{}", r.text);
    // External ids are unique per center and address the record.
    let ext = |center: &str, code: &str| {
        app.post("/api/v1/party-organizations", &admin, &json!({"name": "Chi bộ ngoài", "code": code, "center_id": center, "external_id": "HU-17"}))
    };
    assert_eq!(ext(&a, "EXT-A").status, 201);
    assert_eq!(
        ext(&b, "EXT-B").status,
        201,
        "another center's system may use the same id"
    );
    ext(&a, "EXT-A2").problem(409);
    let found = app.get(
        &format!("/api/v1/party-organizations?center_id={a}&external_id=HU-17"),
        &admin,
    );
    assert_eq!(found.body["total"], 1);
    assert_eq!(found.body["items"][0]["code"], "EXT-A");
    for item in app
        .get("/api/v1/party-organizations?external_id=HU-17", &admin)
        .body["items"]
        .as_array()
        .unwrap()
    {
        app.delete(
            &format!(
                "/api/v1/party-organizations/{}",
                item["id"].as_str().unwrap()
            ),
            &admin,
        );
    }
    // Lists: filter by center, search without diacritics.
    assert_eq!(
        app.get(
            &format!("/api/v1/party-organizations?center_id={a}"),
            &admin
        )
        .body["total"],
        2
    );
    assert_eq!(
        app.get("/api/v1/party-organizations?q=dang%20uy", &admin)
            .body["total"],
        2
    );
    assert_eq!(
        app.get("/api/v1/party-organizations?q=quang%20nham", &admin)
            .body["total"],
        1
    );
    // GET with ETag / If-None-Match.
    let g = app.get(&format!("/api/v1/party-organizations/{id}"), &admin);
    assert_eq!(g.header("etag"), Some("\"1\""));
    assert_eq!(
        app.request(
            "GET",
            &format!("/api/v1/party-organizations/{id}"),
            Some(&admin),
            None,
            &[("If-None-Match", "\"1\"")]
        )
        .status,
        304
    );
    // PATCH with If-Match; a stale one is 412 and changes nothing.
    let p = app.request(
        "PATCH",
        &format!("/api/v1/party-organizations/{id}"),
        Some(&admin),
        Some(&json!({"name": "Đảng ủy xã Quảng Nham (mới)"})),
        &[("If-Match", "\"1\"")],
    );
    assert_eq!(p.status, 200, "{}", p.text);
    assert_eq!(p.header("etag"), Some("\"2\""));
    app.request(
        "PATCH",
        &format!("/api/v1/party-organizations/{id}"),
        Some(&admin),
        Some(&json!({"name": "Y"})),
        &[("If-Match", "\"1\"")],
    )
    .problem(412);
    assert_eq!(
        app.get(&format!("/api/v1/party-organizations/{id}"), &admin)
            .body["name"],
        "Đảng ủy xã Quảng Nham (mới)"
    );
    // Code conflict on PATCH.
    let cell_id = cell.body["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/party-organizations/{cell_id}"),
        &admin,
        &json!({"code": "DU-QN"}),
    )
    .problem(409);
    // Delete refused while another party organization or an account refers to it.
    app.delete(&format!("/api/v1/party-organizations/{id}"), &admin)
        .problem(409);
    app.create_user(&admin, "po.t3", "party_org", cell_id);
    app.delete(&format!("/api/v1/party-organizations/{cell_id}"), &admin)
        .problem(409);
    // Delete with a stale If-Match: 412; with the right one: 204, then 404.
    let fresh = app.create_party_org(&admin, &a, "CB-X", "Chi bộ X");
    let fid = fresh["id"].as_str().unwrap();
    app.request(
        "DELETE",
        &format!("/api/v1/party-organizations/{fid}"),
        Some(&admin),
        None,
        &[("If-Match", "\"7\"")],
    )
    .problem(412);
    assert_eq!(
        app.request(
            "DELETE",
            &format!("/api/v1/party-organizations/{fid}"),
            Some(&admin),
            None,
            &[("If-Match", "\"1\"")]
        )
        .status,
        204
    );
    app.get(&format!("/api/v1/party-organizations/{fid}"), &admin)
        .problem(404);
}

#[test]
fn every_write_is_audited_without_secrets() {
    let app = TestApp::spawn();
    let login = app.login_response("admin", ADMIN_PASSWORD);
    let admin = login.body["access_token"].as_str().unwrap().to_owned();
    let refresh = login.body["refresh_token"].as_str().unwrap().to_owned();
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    let po = app.create_party_org(&admin, &a, "CB-A", "Chi bộ A");
    let id = po["id"].as_str().unwrap().to_owned();
    app.patch(
        &format!("/api/v1/party-organizations/{id}"),
        &admin,
        &json!({"name": "Chi bộ A1"}),
    );
    app.delete(&format!("/api/v1/party-organizations/{id}"), &admin);
    let uid = app.create_user(&admin, "gv.audit", "lecturer", &a);
    app.post(
        &format!("/api/v1/users/{uid}/reset-password"),
        &admin,
        &json!({"password": "super-secret-reset-9"}),
    );
    let client = app.post(
        "/api/v1/clients",
        &admin,
        &json!({"name": "Dashboard", "scope": a, "access": "read_only"}),
    );
    let secret = client.body["client_secret"].as_str().unwrap().to_owned();

    let log = app.get(
        &format!("/api/v1/audit-log?entity=party_organization&entity_id={id}"),
        &admin,
    );
    assert_eq!(log.status, 200, "{}", log.text);
    let actions: Vec<&str> = log.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["delete", "update", "create"], "newest first");
    let update = &log.body["items"][1];
    assert_eq!(update["before"]["name"], "Chi bộ A");
    assert_eq!(update["after"]["name"], "Chi bộ A1");
    assert_eq!(update["actor_name"], "admin");
    assert!(update["request_id"].is_string());
    assert!(log.body["items"][0]["after"].is_null());
    // Filters by actor and time.
    let me = app.get("/api/v1/me", &admin);
    let actor = me.body["id"].as_str().unwrap();
    assert!(
        app.get(&format!("/api/v1/audit-log?actor={actor}"), &admin)
            .body["total"]
            .as_i64()
            .unwrap()
            >= 7
    );
    assert_eq!(
        app.get("/api/v1/audit-log?to=2000-01-01", &admin).body["total"],
        0
    );
    app.get("/api/v1/audit-log?from=yesterday", &admin)
        .problem(400);
    // Seeding and bootstrap are recorded as the system.
    assert!(
        app.get("/api/v1/audit-log?entity=organization&limit=1", &admin)
            .body["total"]
            .as_i64()
            .unwrap()
            >= 56
    );
    // No secret anywhere in the log.
    let everything = app.get("/api/v1/audit-log?limit=500", &admin).text;
    for secret in [
        ADMIN_PASSWORD,
        "super-secret-reset-9",
        "gv.audit-password",
        &secret,
        &refresh,
        &admin,
        "argon2",
        "password_hash",
        "secret_hash",
    ] {
        assert!(!everything.contains(secret), "audit log contains {secret}");
    }
}

#[test]
fn cors_follows_the_configured_origins() {
    let app = TestApp::spawn_with(|s| s.cors_origins = vec!["https://dash.example.vn".into()]);
    let pre = app.raw(
        "OPTIONS",
        "/api/v1/centers",
        None,
        None,
        &[
            ("Origin", "https://dash.example.vn"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization"),
        ],
    );
    assert_eq!(pre.status, 200, "{}", pre.text);
    assert_eq!(
        pre.header("access-control-allow-origin"),
        Some("https://dash.example.vn")
    );
    let other = app.raw(
        "OPTIONS",
        "/api/v1/centers",
        None,
        None,
        &[
            ("Origin", "https://evil.example.com"),
            ("Access-Control-Request-Method", "GET"),
        ],
    );
    assert!(other.header("access-control-allow-origin").is_none());
    let t = app.admin_token();
    let r = app.request(
        "GET",
        "/api/v1/centers",
        Some(&t),
        None,
        &[("Origin", "https://dash.example.vn")],
    );
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://dash.example.vn")
    );
    assert!(r
        .header("access-control-expose-headers")
        .unwrap()
        .contains("etag"));
    // None configured: no CORS headers at all.
    let closed = TestApp::spawn();
    let t = closed.admin_token();
    let r = closed.request(
        "GET",
        "/api/v1/centers",
        Some(&t),
        None,
        &[("Origin", "https://dash.example.vn")],
    );
    assert!(r.header("access-control-allow-origin").is_none());
}

/// Callers of the matrix, in column order.
const ROLES: [&str; 7] = [
    "province_admin",
    "province_viewer",
    "center_admin",
    "lecturer",
    "party_org",
    "client_ro",
    "client_rw",
];

fn expect(row: &str, got: Vec<u16>, want: [u16; 7]) {
    assert_eq!(got, want.to_vec(), "{row}: columns {ROLES:?}");
}

#[test]
fn authorization_matrix() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let centers = app.centers(&admin);
    let a = centers["406"]["id"].as_str().unwrap().to_owned();
    let b = centers["380"]["id"].as_str().unwrap().to_owned();
    let pa = app.create_party_org(&admin, &a, "PA", "Chi bộ A")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let pb = app.create_party_org(&admin, &b, "PB", "Chi bộ B")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.create_user(&admin, "viewer", "province_viewer", &province);
    app.create_user(&admin, "ca.a", "center_admin", &a);
    let lec_a = app.create_user(&admin, "gv.a", "lecturer", &a);
    let lec_b = app.create_user(&admin, "gv.b", "lecturer", &b);
    app.create_user(&admin, "po.a", "party_org", &pa);
    let client = |scope: &str, access: &str| {
        let c = app.post(
            "/api/v1/clients",
            &admin,
            &json!({"name": access, "scope": scope, "access": access}),
        );
        let form = format!(
            "grant_type=client_credentials&client_id={}&client_secret={}",
            c.body["id"].as_str().unwrap(),
            c.body["client_secret"].as_str().unwrap()
        );
        app.raw(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(("application/x-www-form-urlencoded", &form)),
            &[],
        )
        .body["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let tokens = [
        admin.clone(),
        app.login("viewer", "viewer-password"),
        app.login("ca.a", "ca.a-password"),
        app.login("gv.a", "gv.a-password"),
        app.login("po.a", "po.a-password"),
        client(&province, "read_only"),
        client(&a, "read_write"),
    ];
    let each = |f: &dyn Fn(usize, &str) -> Resp| -> Vec<u16> {
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| f(i, t).status)
            .collect()
    };

    expect(
        "GET /centers/{A}",
        each(&|_, t| app.get(&format!("/api/v1/centers/{a}"), t)),
        [200, 200, 200, 200, 404, 200, 200],
    );
    expect(
        "GET /centers/{B}",
        each(&|_, t| app.get(&format!("/api/v1/centers/{b}"), t)),
        [200, 200, 404, 404, 404, 200, 404],
    );
    let visible = |t: &str| {
        app.get("/api/v1/centers", t).body["total"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(
        tokens.iter().map(|t| visible(t)).collect::<Vec<_>>(),
        vec![27, 27, 1, 1, 0, 27, 1],
        "centers visible"
    );
    expect(
        "GET /organizations/{A}",
        each(&|_, t| app.get(&format!("/api/v1/organizations/{a}"), t)),
        [200, 200, 200, 200, 404, 200, 200],
    );
    expect(
        "GET /party-organizations/{PA}",
        each(&|_, t| app.get(&format!("/api/v1/party-organizations/{pa}"), t)),
        [200, 200, 200, 200, 200, 200, 200],
    );
    expect(
        "GET /party-organizations/{PB}",
        each(&|_, t| app.get(&format!("/api/v1/party-organizations/{pb}"), t)),
        [200, 200, 404, 404, 404, 200, 404],
    );
    expect(
        "PATCH /party-organizations/{PA}",
        each(&|i, t| {
            app.patch(
                &format!("/api/v1/party-organizations/{pa}"),
                t,
                &json!({"name": format!("Chi bộ A {i}")}),
            )
        }),
        [200, 403, 200, 403, 403, 403, 200],
    );
    expect(
        "PATCH /party-organizations/{PB}",
        each(&|i, t| {
            app.patch(
                &format!("/api/v1/party-organizations/{pb}"),
                t,
                &json!({"name": format!("Chi bộ B {i}")}),
            )
        }),
        [200, 403, 404, 404, 404, 403, 404],
    );
    expect(
        "POST /party-organizations (A)",
        each(&|i, t| {
            app.post(
                "/api/v1/party-organizations",
                t,
                &json!({"name": "Chi bộ mới", "code": format!("NA{i}"), "center_id": a}),
            )
        }),
        [201, 403, 201, 403, 403, 403, 201],
    );
    expect(
        "POST /party-organizations (B)",
        each(&|i, t| {
            app.post(
                "/api/v1/party-organizations",
                t,
                &json!({"name": "Chi bộ mới", "code": format!("NB{i}"), "center_id": b}),
            )
        }),
        [201, 403, 422, 403, 403, 403, 422],
    );
    let deletable = |center: &str, i: usize| {
        app.create_party_org(&admin, center, &format!("DEL-{i}"), "Chi bộ tạm")["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    expect(
        "DELETE /party-organizations (A)",
        each(&|i, t| {
            app.delete(
                &format!("/api/v1/party-organizations/{}", deletable(&a, i)),
                t,
            )
        }),
        [204, 403, 204, 403, 404, 403, 204],
    );
    expect(
        "DELETE /party-organizations (B)",
        each(&|i, t| {
            app.delete(
                &format!("/api/v1/party-organizations/{}", deletable(&b, i)),
                t,
            )
        }),
        [204, 403, 404, 404, 404, 403, 404],
    );
    expect(
        "GET /users",
        each(&|_, t| app.get("/api/v1/users", t)),
        [200, 403, 200, 403, 403, 403, 403],
    );
    expect(
        "GET /users/{lecturer A}",
        each(&|_, t| app.get(&format!("/api/v1/users/{lec_a}"), t)),
        [200, 403, 200, 403, 403, 403, 403],
    );
    expect(
        "GET /users/{lecturer B}",
        each(&|_, t| app.get(&format!("/api/v1/users/{lec_b}"), t)),
        [200, 403, 404, 403, 403, 403, 403],
    );
    expect(
        "POST /users (lecturer in A)",
        each(&|i, t| {
            app.post("/api/v1/users", t, &json!({"username": format!("new.a{i}"), "display_name": "Mới", "password": "long-enough-1", "role": "lecturer", "scope": a}))
        }),
        [201, 403, 201, 403, 403, 403, 403],
    );
    expect(
        "POST /users (lecturer in B)",
        each(&|i, t| {
            app.post("/api/v1/users", t, &json!({"username": format!("new.b{i}"), "display_name": "Mới", "password": "long-enough-1", "role": "lecturer", "scope": b}))
        }),
        [201, 403, 422, 403, 403, 403, 403],
    );
    expect(
        "PATCH /users/{lecturer B}",
        each(&|i, t| {
            app.patch(
                &format!("/api/v1/users/{lec_b}"),
                t,
                &json!({"display_name": format!("GV B {i}")}),
            )
        }),
        [200, 403, 404, 403, 403, 403, 403],
    );
    expect(
        "GET /audit-log",
        each(&|_, t| app.get("/api/v1/audit-log", t)),
        [200, 403, 403, 403, 403, 403, 403],
    );
    expect(
        "GET /clients",
        each(&|_, t| app.get("/api/v1/clients", t)),
        [200, 403, 403, 403, 403, 403, 403],
    );
    expect(
        "POST /clients",
        each(&|_, t| {
            app.post(
                "/api/v1/clients",
                t,
                &json!({"name": "x", "scope": a, "access": "read_only"}),
            )
        }),
        [201, 403, 403, 403, 403, 403, 403],
    );
    expect(
        "GET /me",
        each(&|_, t| app.get("/api/v1/me", t)),
        [200, 200, 200, 200, 200, 200, 200],
    );
    expect(
        "no token",
        tokens
            .iter()
            .map(|_| {
                app.request("GET", "/api/v1/centers", None, None, &[])
                    .status
            })
            .collect(),
        [401; 7],
    );
}
