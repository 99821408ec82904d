//! The list page cache (`APP_LIST_CACHE_TTL`): a page is served again only to the caller it was
//! computed for, never after a write through this instance, on request computed afresh, gone
//! after the TTL; and list pages are gzip-compressed for clients that accept it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use diesel::RunQueryDsl;
use serde_json::Value;
use std::io::Read;
use std::time::Duration;

/// Changes a center's name behind the API's back, as another instance or the CLI would.
fn rename_in_database(app: &TestApp, id: &str, name: &str) {
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    let n = diesel::sql_query(format!(
        "UPDATE organizations SET name = '{name}' WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_page_is_served_again_only_to_its_caller_and_never_after_a_write_here() {
    let app = TestApp::spawn_with(|s| s.list_cache_ttl = Duration::from_secs(600));
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    app.create_user(&admin, "ca.lists", "center_admin", &center);
    let center_admin = app.login("ca.lists", "ca.lists-password");

    let path = "/api/v1/centers?limit=50";
    let first = app.get(path, &admin);
    assert_eq!(first.status, 200);
    assert_eq!(first.header("age"), None, "computed");
    let again = app.get(path, &admin);
    assert_eq!(again.header("age"), Some("0"), "served again");
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("link"), first.header("link"));
    assert_eq!(first.item_names().len(), 27);
    // Another URL is another page.
    assert_eq!(
        app.get("/api/v1/centers?limit=49", &admin).header("age"),
        None
    );

    // Another account asking the same URL gets its own page, from its own scope.
    let own = app.get(path, &center_admin);
    assert_eq!(own.status, 200);
    assert_eq!(own.header("age"), None, "never another caller's page");
    assert_eq!(own.item_names().len(), 1);
    assert_eq!(app.get(path, &center_admin).header("age"), Some("0"));

    // A change behind the API's back (another instance) is not seen until the TTL...
    let id = first.body["items"][0]["id"].as_str().unwrap().to_owned();
    let old_name = first.body["items"][0]["name"].as_str().unwrap().to_owned();
    rename_in_database(&app, &id, "Trung tâm Đổi Tên");
    let stale = app.get(path, &admin);
    assert_eq!(stale.item_names()[0], old_name);
    // ...unless the client asks for a fresh page.
    let fresh = app.request(
        "GET",
        path,
        Some(&admin),
        None,
        &[("Cache-Control", "no-cache")],
    );
    assert_eq!(fresh.status, 200);
    assert_eq!(fresh.header("age"), None);
    assert!(fresh.item_names().contains(&"Trung tâm Đổi Tên".to_owned()));

    // A write through this instance ends every page at once, for every caller.
    let before = app.get("/api/v1/party-organizations?limit=50", &admin);
    assert_eq!(before.body["total"], 0);
    assert_eq!(
        app.get("/api/v1/party-organizations?limit=50", &admin)
            .header("age"),
        Some("0")
    );
    app.create_party_org(&admin, &center, "CB-LISTS", "Chi bộ Thôn Đông");
    let after = app.get("/api/v1/party-organizations?limit=50", &admin);
    assert_eq!(after.header("age"), None);
    assert_eq!(after.body["total"], 1);
    assert_eq!(app.get(path, &center_admin).header("age"), None);

    // Errors are never kept.
    for _ in 0..2 {
        let bad = app.get("/api/v1/centers?limit=0", &admin);
        assert_eq!(bad.status, 400);
        assert_eq!(bad.header("age"), None);
    }
}

#[test]
fn pages_expire_after_the_ttl_and_the_cache_can_be_turned_off() {
    let app = TestApp::spawn_with(|s| s.list_cache_ttl = Duration::from_millis(300));
    let admin = app.admin_token();
    let path = "/api/v1/centers?limit=50&sort=name";
    let first = app.get(path, &admin);
    let id = first.body["items"][0]["id"].as_str().unwrap().to_owned();
    rename_in_database(&app, &id, "A Trung tâm Hết Hạn");
    std::thread::sleep(Duration::from_millis(400));
    let later = app.get(path, &admin);
    assert_eq!(later.header("age"), None);
    assert_eq!(later.item_names()[0], "A Trung tâm Hết Hạn");

    let off = TestApp::spawn_with(|s| s.list_cache_ttl = Duration::ZERO);
    let admin = off.admin_token();
    for _ in 0..2 {
        assert_eq!(
            off.get("/api/v1/centers?limit=5", &admin).header("age"),
            None
        );
    }
}

#[test]
fn list_pages_are_gzip_compressed_for_clients_that_accept_it() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let path = "/api/v1/centers?limit=50";
    let mut decoded = Vec::new();
    // Computed (asked first with gzip) and served again: both compressed.
    for _ in 0..2 {
        let url = format!("{}{path}", app.base);
        let response = ureq::get(&url)
            .set("Authorization", &format!("Bearer {admin}"))
            .set("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
            .call()
            .unwrap();
        assert_eq!(response.header("content-encoding"), Some("gzip"));
        let response_vary = response.header("vary").unwrap_or_default().to_owned();
        let mut compressed = Vec::new();
        response.into_reader().read_to_end(&mut compressed).unwrap();
        assert!(response_vary.contains("Accept-Encoding"), "{response_vary}");
        assert!(compressed.len() * 3 < 9_000, "{} bytes", compressed.len());
        decoded.clear();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_end(&mut decoded)
            .unwrap();
        let json: Value = serde_json::from_slice(&decoded).unwrap();
        assert_eq!(json["items"].as_array().map(Vec::len), Some(27));
    }
    // The same page to a client without gzip: plain, the same JSON.
    let plain = app.get(path, &admin);
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.header("age"), Some("0"));
    assert_eq!(
        serde_json::from_slice::<Value>(&decoded).unwrap(),
        plain.body
    );
    // gzip refused (q=0): plain.
    let refused = app.request(
        "GET",
        path,
        Some(&admin),
        None,
        &[("Accept-Encoding", "gzip;q=0, identity")],
    );
    assert_eq!(refused.header("content-encoding"), None);
    assert_eq!(refused.body, plain.body);
}

/// Sixteen identical list requests arriving together are computed once (issue 23): the first
/// one's page is shared with the fifteen others while it is computed. The server's one reading
/// connection is held by the test until all sixteen have arrived, so that the test does not
/// depend on timing.
#[test]
fn identical_requests_in_flight_are_computed_once() {
    // No page kept after it is served: only sharing in flight can spare the work.
    let app = TestApp::spawn_with(|s| {
        s.list_cache_ttl = Duration::ZERO;
        s.auth_cache_ttl = Duration::from_secs(600);
        s.pool_size = 1;
    });
    let admin = app.admin_token();
    // The account read once, kept for the token checks of the sixteen.
    assert_eq!(app.get("/api/v1/me", &admin).status, 200);
    let path = "/api/v1/learners?limit=20";
    let alone = app.get(path, &admin);
    assert_eq!(alone.status, 200);
    let before = app.state.pages.flights.counts();
    let arrived = app.state.pages.flights.arrived();

    let held = app.state.pool.get().unwrap();
    let bodies: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16).map(|_| s.spawn(|| app.get(path, &admin))).collect();
        // Wait until all sixteen are in the one flight (its leader waits for the connection),
        // then let it read.
        let deadline = std::time::Instant::now() + Duration::from_secs(4);
        while app.state.pages.flights.arrived() < arrived + 16
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        drop(held);
        handles
            .into_iter()
            .map(|h| {
                let r = h.join().unwrap();
                assert_eq!(r.status, 200, "{}", r.text);
                r.text
            })
            .collect()
    });
    let after = app.state.pages.flights.counts();
    assert_eq!(
        (after.0 - before.0, after.1 - before.1),
        (1, 15),
        "computed once, shared fifteen times"
    );
    assert!(bodies.iter().all(|b| *b == alone.text));
}
