//! The platform: organizations, list conventions, errors, OpenAPI, operations, both schemas.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{TestApp, TestDb};
use serde_json::{json, Value};
use std::collections::HashSet;

#[test]
fn seeded_province_has_27_centers_with_districts() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    let r = app.get("/api/v1/centers", &t);
    assert_eq!(r.status, 200);
    assert_eq!(r.body["total"], 27);
    assert_eq!(r.body["items"].as_array().unwrap().len(), 27);
    assert!(r.body["next_cursor"].is_null());
    // Default order: GSO code.
    assert_eq!(r.body["items"][0]["code"], "380");
    assert_eq!(
        r.body["items"][0]["name"],
        "Trung tâm Chính trị thành phố Thanh Hóa"
    );
    assert_eq!(r.body["items"][0]["district_name"], "Thành phố Thanh Hóa");

    let d = app.get("/api/v1/districts?limit=500", &t);
    assert_eq!(d.body["total"], 27);
    let kinds: Vec<&str> = d.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "city").count(), 2);
    assert_eq!(kinds.iter().filter(|k| **k == "town").count(), 2);
    assert_eq!(kinds.iter().filter(|k| **k == "district").count(), 23);
    // Every district points at its center and back.
    let centers = app.centers(&t);
    for district in d.body["items"].as_array().unwrap() {
        let code = district["code"].as_str().unwrap();
        assert_eq!(centers[code]["id"], district["center_id"]);
        assert_eq!(centers[code]["district_id"], district["id"]);
    }
}

#[test]
fn names_are_nfc_and_search_ignores_case_and_diacritics() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    let r = app.get("/api/v1/centers?q=quang%20xuong", &t);
    assert_eq!(
        r.item_names(),
        vec!["Trung tâm Chính trị huyện Quảng Xương"]
    );
    let r = app.get("/api/v1/districts?q=dong%20son", &t);
    assert_eq!(r.item_names(), vec!["Huyện Đông Sơn"]);
    // Upper case with diacritics, and a decomposed (NFD) query.
    let r = app.get("/api/v1/districts?q=%C4%90%C3%94NG%20S%C6%A0N", &t);
    assert_eq!(r.item_names(), vec!["Huyện Đông Sơn"]);
    let nfd = "Quảng Xương".chars().collect::<String>();
    let nfd: String = url::form_urlencoded::byte_serialize(unicode_nfd(&nfd).as_bytes()).collect();
    let r = app.get(&format!("/api/v1/districts?q={nfd}"), &t);
    assert_eq!(r.item_names(), vec!["Huyện Quảng Xương"]);
    // "son" matches every "Sơn"; totals follow the filter.
    let r = app.get("/api/v1/districts?q=son", &t);
    let n = r.item_names();
    assert!(n.contains(&"Huyện Quan Sơn".to_owned()) && n.contains(&"Thị xã Nghi Sơn".to_owned()));
    assert_eq!(r.body["total"].as_u64().unwrap() as usize, n.len());
    // Stored names are NFC.
    for name in app.get("/api/v1/districts?limit=500", &t).item_names() {
        assert_eq!(name, centers_domain::text::normalize(&name));
    }
    // A LIKE wildcard in q is literal.
    assert_eq!(app.get("/api/v1/districts?q=%25", &t).body["total"], 0);
}

fn unicode_nfd(s: &str) -> String {
    // Decompose the way a Mac keyboard would send it: base letter + combining marks.
    s.replace('ả', "a\u{0309}")
        .replace('ư', "u\u{031B}")
        .replace('ơ', "o\u{031B}")
}

#[test]
fn keyset_paging_offset_sort_and_link() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    let mut seen = Vec::new();
    let mut url = "/api/v1/centers?limit=10&sort=name".to_owned();
    let mut pages = 0;
    loop {
        let r = app.get(&url, &t);
        assert_eq!(r.status, 200, "{}", r.text);
        assert_eq!(r.body["total"], 27);
        pages += 1;
        seen.extend(r.item_names());
        match r.body["next_cursor"].as_str() {
            Some(c) => {
                let link = r.header("link").unwrap();
                assert!(link.ends_with("rel=\"next\""), "{link}");
                assert!(link.contains(&format!("cursor={c}")), "{link}");
                assert!(link.contains("sort=name") && link.contains("limit=10"));
                url = link
                    .trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap()
                    .to_owned();
            }
            None => {
                assert!(r.header("link").is_none());
                break;
            }
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 27);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 27);
    let folded: Vec<String> = seen.iter().map(|s| centers_domain::text::fold(s)).collect();
    let mut sorted = folded.clone();
    sorted.sort();
    assert_eq!(folded, sorted, "sort=name follows the folded name");

    let desc = app.get("/api/v1/centers?limit=500&sort=-name", &t);
    let mut reversed = seen.clone();
    reversed.reverse();
    assert_eq!(desc.item_names(), reversed);

    let offset = app.get("/api/v1/centers?limit=5&offset=25&sort=name", &t);
    assert_eq!(offset.item_names(), seen[25..].to_vec());

    // A cursor made for one sort cannot be used with another.
    let first = app.get("/api/v1/centers?limit=5&sort=name", &t);
    let c = first.body["next_cursor"].as_str().unwrap();
    let r = app.get(&format!("/api/v1/centers?limit=5&sort=code&cursor={c}"), &t);
    assert_eq!(r.problem(400)["errors"][0]["field"], "cursor");
}

#[test]
fn list_parameters_are_validated() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    for (query, field) in [
        ("limit=501", "limit"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("sort=population", "sort"),
        ("cursor=not-a-cursor", "cursor"),
        ("as_of=2020-13-01", "as_of"),
    ] {
        let r = app.get(&format!("/api/v1/centers?{query}"), &t);
        r.problem(400);
        assert_eq!(
            r.error_fields(),
            vec![field.to_owned()],
            "{query}: {}",
            r.text
        );
    }
    assert_eq!(app.get("/api/v1/centers?limit=500", &t).status, 200);
}

#[test]
fn as_of_filters_by_validity_and_names_units_as_they_were() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    // Thanh Hóa's file: Đông Sơn merged into the city (last day 2024-11-30), Tĩnh Gia renamed
    // Nghi Sơn town from 2020-06-01.
    let names = |query: &str| -> Vec<(String, String)> {
        app.get(&format!("/api/v1/districts?limit=100{query}"), &t)
            .body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    format!(
                        "{} ({})",
                        d["name"].as_str().unwrap(),
                        d["kind"].as_str().unwrap()
                    ),
                )
            })
            .collect()
    };
    let in_2019 = names("&as_of=2019-06-30");
    assert_eq!(in_2019.len(), 27);
    assert!(in_2019.contains(&("407".into(), "Huyện Tĩnh Gia (district)".into())));
    assert!(in_2019.iter().any(|(code, _)| code == "405"));
    let in_2021 = names("&as_of=2021-01-01");
    assert!(in_2021.contains(&("407".into(), "Thị xã Nghi Sơn (town)".into())));
    let in_2026 = names("&as_of=2026-01-01");
    assert_eq!(in_2026.len(), 26);
    assert!(!in_2026.iter().any(|(code, _)| code == "405"));
    // Without a day: every unit the tree has held, named as now.
    assert_eq!(names("").len(), 27);
    let dong_son = app.get("/api/v1/districts?q=dong%20son", &t).body["items"][0].clone();
    assert_eq!(dong_son["valid_to"], "2024-11-30");
}

#[test]
fn single_records_children_etags_and_404s() {
    let app = TestApp::spawn();
    let t = app.admin_token();
    let centers = app.centers(&t);
    let qx = &centers["406"];
    let id = qx["id"].as_str().unwrap();
    let r = app.get(&format!("/api/v1/centers/{id}"), &t);
    assert_eq!(r.status, 200);
    assert_eq!(r.body["name"], "Trung tâm Chính trị huyện Quảng Xương");
    let etag = r.header("etag").unwrap().to_owned();
    let r304 = app.request(
        "GET",
        &format!("/api/v1/centers/{id}"),
        Some(&t),
        None,
        &[("If-None-Match", &etag)],
    );
    assert_eq!(r304.status, 304);
    let r200 = app.request(
        "GET",
        &format!("/api/v1/centers/{id}"),
        Some(&t),
        None,
        &[("If-None-Match", "\"999\"")],
    );
    assert_eq!(r200.status, 200);

    let district_id = qx["district_id"].as_str().unwrap();
    let d = app.get(&format!("/api/v1/districts/{district_id}"), &t);
    assert_eq!(d.body["name"], "Huyện Quảng Xương");
    assert_eq!(d.body["center_id"], id);
    // A center is not a district, and the other way round.
    app.get(&format!("/api/v1/districts/{id}"), &t).problem(404);
    app.get(&format!("/api/v1/centers/{district_id}"), &t)
        .problem(404);

    let org = app.get(&format!("/api/v1/organizations/{id}"), &t);
    assert_eq!(org.body["kind"], "center");
    assert_eq!(org.body["parent_id"], district_id);

    // The district holds its center and its party committee.
    let children = app.get(&format!("/api/v1/organizations/{district_id}/children"), &t);
    assert_eq!(children.body["total"], 2);
    let kinds: Vec<&str> = children.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"center") && kinds.contains(&"party_committee"),
        "{kinds:?}"
    );
    assert!(children.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == id));

    let province = app.province_id(&t);
    let children = app.get(
        &format!("/api/v1/organizations/{province}/children?limit=500"),
        &t,
    );
    assert_eq!(children.body["total"], 28, "the school and 27 districts");
    assert!(children
        .item_names()
        .contains(&"Trường Chính trị tỉnh Thanh Hóa".to_owned()));

    let unknown = uuid::Uuid::now_v7();
    for path in ["centers", "districts", "organizations"] {
        app.get(&format!("/api/v1/{path}/{unknown}"), &t)
            .problem(404);
    }
    app.get(&format!("/api/v1/organizations/{unknown}/children"), &t)
        .problem(404);
    let bad = app.get("/api/v1/centers/not-a-uuid", &t);
    assert_eq!(bad.problem(400)["errors"][0]["field"], "id");
}

#[test]
fn every_error_is_a_problem_document() {
    let app = TestApp::spawn_with(|s| s.body_limit = 2048);
    let t = app.admin_token();
    // Malformed JSON.
    let r = app.raw(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(("application/json", "{\"username\": ")),
        &[],
    );
    assert_eq!(r.problem(400)["errors"][0]["code"], "malformed_json");
    // Wrong content type.
    let r = app.raw(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(("text/plain", "username=admin")),
        &[],
    );
    r.problem(415);
    // No content type at all.
    let r = app.raw(
        "POST",
        "/api/v1/party-organizations",
        Some(&t),
        Some(("", "{}")),
        &[],
    );
    r.problem(415);
    // A missing field is named.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "admin"})),
        &[],
    );
    r.problem(400);
    assert_eq!(r.error_fields(), vec!["password"]);
    // A field of the wrong type is named with its path.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": 5, "password": "x"})),
        &[],
    );
    r.problem(400);
    assert_eq!(r.error_fields(), vec!["username"]);
    // Unknown field.
    let r = app.request(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(&json!({"username": "a", "password": "b", "otp": 1})),
        &[],
    );
    assert_eq!(r.problem(400)["errors"][0]["code"], "unknown_field");
    assert_eq!(r.error_fields(), vec!["otp"], "named once, not `otp.otp`");
    // Bad query string.
    let r = app.get("/api/v1/centers?limit=ten", &t);
    assert_eq!(r.error_fields(), vec!["limit"]);
    // Unknown route, wrong method.
    app.get("/api/v1/nothing-here", &t).problem(404);
    app.request("GET", "/nothing", None, None, &[]).problem(404);
    app.request("DELETE", "/api/v1/centers", Some(&t), None, &[])
        .problem(405);
    app.request("PUT", "/healthz", None, None, &[]).problem(405);
    // Body too large.
    let big = json!({"username": "a".repeat(4096), "password": "b"});
    app.request("POST", "/api/v1/auth/login", None, Some(&big), &[])
        .problem(413);
    // No token, bad token.
    let r = app.request("GET", "/api/v1/centers", None, None, &[]);
    r.problem(401);
    assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    app.request("GET", "/api/v1/centers", Some("garbage"), None, &[])
        .problem(401);
    // Every response carries a request id, equal to the problem's.
    let r = app.get("/api/v1/nothing-here", &t);
    assert_eq!(r.header("x-request-id"), r.body["request_id"].as_str());
}

#[test]
fn health_and_readiness() {
    let app = TestApp::spawn();
    let r = app.request("GET", "/healthz", None, None, &[]);
    assert_eq!((r.status, r.body["status"].as_str()), (200, Some("ok")));
    let r = app.request("GET", "/readyz", None, None, &[]);
    assert_eq!(r.status, 200);
    let backend = if app.db.is_postgres() {
        "postgresql"
    } else {
        "sqlite"
    };
    assert_eq!(r.body["database"], backend);
}

#[test]
fn readiness_is_503_and_requests_are_503_when_the_database_is_gone() {
    // Only PostgreSQL can be taken away from under a running server; the SQLite run checks
    // nothing here and says so.
    let app = TestApp::spawn_with(|s| s.pool_timeout = std::time::Duration::from_secs(1));
    if !app.db.is_postgres() {
        eprintln!(
            "readiness-503: needs TEST_DATABASE_URL (PostgreSQL); checked in the PostgreSQL run"
        );
        return;
    }
    let t = app.admin_token();
    app.db.drop_postgres();
    let r = app.request("GET", "/readyz", None, None, &[]);
    assert_eq!(r.status, 503, "{}", r.text);
    let r = app.get("/api/v1/centers", &t);
    let p = r.problem(503);
    assert!(
        !p.to_string().contains("database \""),
        "no internal text: {p}"
    );
}

#[test]
fn docs_and_spec_are_served_and_match_the_committed_file() {
    let app = TestApp::spawn();
    let served = app.request("GET", "/api/v1/openapi.json", None, None, &[]);
    assert_eq!(served.status, 200);
    let committed: Value = serde_json::from_str(include_str!("../../../openapi/openapi.json"))
        .expect("openapi/openapi.json is JSON");
    assert_eq!(
        served.body, committed,
        "openapi/openapi.json is stale: run `cargo run -q -- openapi > openapi/openapi.json`"
    );
    assert_eq!(
        centers_api::openapi::openapi_json(),
        include_str!("../../../openapi/openapi.json"),
        "`centers openapi` output differs from openapi/openapi.json"
    );
    assert_eq!(committed["openapi"], "3.1.0");
    // Every operation documents 400 and its other errors with the problem schema.
    let paths = committed["paths"].as_object().unwrap();
    assert!(paths.contains_key("/api/v1/centers") && paths.contains_key("/healthz"));
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for status in ["400", "404", "500", "503"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
            assert!(op["operationId"].is_string(), "{method} {path}");
            assert!(op["tags"].is_array(), "{method} {path}");
        }
    }
    let resp400 = &committed["components"]["responses"]["400"]["content"]
        ["application/problem+json"]["schema"]["$ref"];
    assert_eq!(resp400, "#/components/schemas/Problem");

    // Swagger UI is vendored: the page and its script come from this server.
    let r = app.request("GET", "/docs", None, None, &[]);
    assert_eq!(r.status, 308);
    let page = app.request("GET", "/docs/", None, None, &[]);
    assert_eq!(page.status, 200);
    assert!(page.text.contains("swagger-ui"));
    assert!(
        !page.text.contains("unpkg") && !page.text.contains("cdn"),
        "no CDN"
    );
    let js = app.request("GET", "/docs/swagger-ui-bundle.js", None, None, &[]);
    assert_eq!(js.status, 200);
    assert!(js.text.len() > 100_000);
}

#[test]
fn seeding_is_idempotent_across_restarts() {
    let (db, url) = TestDb::new();
    let first = TestApp::spawn_on(db, url.clone(), |_| {});
    let t = first.admin_token();
    let ids: Vec<Value> = first
        .centers(&t)
        .values()
        .map(|c| c["id"].clone())
        .collect();
    // A second server on the same database seeds nothing new and keeps the admin.
    let shared = first.db.share();
    let second = TestApp::spawn_on(shared, url, |_| {});
    let t2 = second.admin_token();
    let again = second.centers(&t2);
    assert_eq!(again.len(), 27);
    for id in ids {
        assert!(again.values().any(|c| c["id"] == id));
    }
    let pool = second.db_pool();
    let mut conn = pool.get().unwrap();
    let report = centers_api::app::seed_reference_data(&mut conn, None).unwrap();
    // The province, its school, 27 units, their 27 centers and 27 party committees.
    assert_eq!((report.created, report.existing), (0, 83));
    drop(second);
    drop(first);
}

#[test]
fn migrations_run_up_down_up() {
    let (db, url) = TestDb::new();
    let pool = centers_db::build_pool(&url, 1, std::time::Duration::from_secs(10)).unwrap();
    let mut conn = pool.get().unwrap();
    let up = centers_db::run_migrations(&mut conn).unwrap();
    assert!(up >= 2);
    let columns = centers_db::schema_columns(&mut conn).unwrap();
    assert!(columns.contains(&("organizations".into(), "search_text".into())));
    let down = centers_db::revert_all_migrations(&mut conn).unwrap();
    assert_eq!(down, up);
    assert!(centers_db::schema_columns(&mut conn).unwrap().is_empty());
    assert_eq!(centers_db::run_migrations(&mut conn).unwrap(), up);
    assert_eq!(centers_db::schema_columns(&mut conn).unwrap(), columns);
    drop(conn);
    drop(pool);
    drop(db);
}

/// Each backend plans a statement the way the list pages rely on: SQLite once per prepared
/// statement (built with the query planner stability guarantee, `.cargo/config.toml`; without it
/// every `LIMIT ?` and `LIKE ?` made SQLite compile diesel's cached statements again at each
/// execution), PostgreSQL at each execution with its values (`plan_cache_mode`).
#[test]
fn each_backend_plans_statements_as_the_lists_expect() {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }
    let (db, url) = TestDb::new();
    let pool = centers_db::build_pool(&url, 1, std::time::Duration::from_secs(10)).unwrap();
    let mut conn = pool.get().unwrap();
    let (sql, expected) = if db.is_postgres() {
        (
            "SELECT current_setting('plan_cache_mode') AS value",
            "force_custom_plan",
        )
    } else {
        (
            "SELECT CAST(sqlite_compileoption_used('ENABLE_QPSG') AS TEXT) AS value",
            "1",
        )
    };
    let setting: Setting = diesel::sql_query(sql).get_result(&mut *conn).unwrap();
    assert_eq!(setting.value, expected);
    drop(conn);
    drop(pool);
    drop(db);
}

#[test]
fn both_backends_have_the_same_tables_and_columns() {
    let Some(admin_url) = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!(
            "schema parity: needs TEST_DATABASE_URL (PostgreSQL); checked in the PostgreSQL run"
        );
        return;
    };
    let (sqlite_db, sqlite_url) = TestDb::sqlite();
    let (pg_db, pg_url) = TestDb::postgres(&admin_url);
    let columns = |url: &str| {
        let pool = centers_db::build_pool(url, 1, std::time::Duration::from_secs(10)).unwrap();
        let mut conn = pool.get().unwrap();
        centers_db::run_migrations(&mut conn).unwrap();
        centers_db::schema_columns(&mut conn).unwrap()
    };
    let sqlite = columns(&sqlite_url);
    let pg = columns(&pg_url);
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, pg);
    drop(sqlite_db);
    drop(pg_db);
}

#[test]
fn create_user_command_makes_an_account_that_can_log_in() {
    let (db, url) = TestDb::new();
    let settings = centers_api::Settings {
        database_url: url.clone(),
        ..centers_api::Settings::default()
    };
    let account =
        |username: &str, role: &str, password: Option<&str>| centers_api::cli::NewAccount {
            username: username.into(),
            display_name: "Lê Thị Hoa".into(),
            role: role.into(),
            scope: None,
            password: password.map(str::to_owned),
        };
    // The command works on an empty database: it migrates and seeds first.
    let created =
        centers_api::cli::create_user(&settings, account("Viewer.CLI", "province_viewer", None))
            .unwrap();
    assert_eq!(created.username, "viewer.cli");
    let generated = created.generated_password.clone().unwrap();
    let chosen = centers_api::cli::create_user(
        &settings,
        account("dash", "province_viewer", Some("chosen-password-1")),
    )
    .unwrap();
    assert!(chosen.generated_password.is_none());
    // Rules: taken username, weak password, role that does not fit the scope.
    assert!(centers_api::cli::create_user(
        &settings,
        account("dash", "province_viewer", Some("chosen-password-1"))
    )
    .is_err());
    assert!(centers_api::cli::create_user(
        &settings,
        account("weak", "province_viewer", Some("short"))
    )
    .is_err());
    let err = centers_api::cli::create_user(
        &settings,
        account("gv.a", "lecturer", Some("long-enough-1")),
    )
    .unwrap_err();
    assert!(err.to_string().contains("--scope"), "{err}");
    let err = centers_api::cli::create_user(&settings, account("x", "province_viewer", None))
        .unwrap_err();
    assert!(err.to_string().contains("--username"), "{err}");
    // Accounts exist, so the server does not bootstrap `admin`, and the new ones log in.
    let app = TestApp::spawn_on(db, url, |_| {});
    app.login_response("admin", centers_tests::ADMIN_PASSWORD)
        .problem(401);
    let t = app.login("viewer.cli", &generated);
    assert_eq!(app.get("/api/v1/me", &t).body["role"], "province_viewer");
    assert_eq!(app.login_response("dash", "chosen-password-1").status, 200);
}

#[test]
fn graceful_stop_lets_an_in_flight_request_finish() {
    use std::io::{Read, Write};
    let app = TestApp::spawn();
    let addr = app.base.trim_start_matches("http://").to_owned();
    // A request whose body is still arriving when the server is told to stop.
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    let body = r#"{"username":"admin","password":"admin-password-1"}"#;
    let head = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body.as_bytes()[..10]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let stopping = app.stop_gracefully();
    std::thread::sleep(std::time::Duration::from_millis(200));
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("access_token"));
    stopping.join().unwrap();
    // New connections are refused once stopped.
    assert!(std::net::TcpStream::connect(&addr).is_err());
}

/// While an instance stops, a request that still reaches it is refused before anything runs —
/// a write included, its idempotency key released — with 503 `shutting-down`, `Retry-After` and
/// `Connection: close`; `/readyz` too, so a load balancer takes the instance out.
#[test]
fn a_stopping_instance_refuses_new_requests_and_does_nothing() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    app.state.stopping.begin();
    for path in ["/readyz", "/api/v1/centers"] {
        let r = app.request("GET", path, Some(&admin), None, &[]);
        r.problem(503);
        assert_eq!(
            r.body["type"], "urn:centers:problem:shutting-down",
            "{path}"
        );
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    let body = json!({"name": "Chi bộ dừng máy", "code": "STOP-1", "center_id": center});
    let refused = app.request(
        "POST",
        "/api/v1/party-organizations",
        Some(&admin),
        Some(&body),
        &[("Idempotency-Key", "stopping-1")],
    );
    refused.problem(503);
    // A server whose flag is set cannot be asked; a second one on the same database shows
    // nothing was written and the key is free.
    let other = TestApp::spawn_on(app.db.share(), app.database_url.clone(), |_| {});
    let listed = other.get(
        &format!("/api/v1/party-organizations?center_id={center}&limit=500"),
        &admin,
    );
    assert_eq!(listed.status, 200, "{}", listed.text);
    assert!(!listed.text.contains("STOP-1"), "{}", listed.text);
    let created = other.request(
        "POST",
        "/api/v1/party-organizations",
        Some(&admin),
        Some(&body),
        &[("Idempotency-Key", "stopping-1")],
    );
    assert_eq!(created.status, 201, "{}", created.text);
}
