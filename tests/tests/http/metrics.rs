//! `/metrics` on its own listener: requests by route template, method and status, latency,
//! pools, permits, caches, the feed's end, webhooks and the build; never on the API's port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::json;

/// The value of the sample whose line starts with `series` (name and labels, as rendered).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[test]
fn metrics_count_requests_by_route_template_and_show_the_instances_state() {
    let app = TestApp::spawn_with(|s| {
        s.metrics_addr = Some("127.0.0.1:0".parse().unwrap());
    });
    let admin = app.admin_token();
    let base = app.metrics_base.clone().expect("a metrics listener");
    // The API's port has no /metrics.
    assert_eq!(app.get("/metrics", &admin).status, 404);

    let centers = app.get("/api/v1/centers?limit=3", &admin);
    assert_eq!(centers.status, 200);
    let id = centers.body["items"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get(&format!("/api/v1/centers/{id}"), &admin).status,
        200
    );
    assert_eq!(
        app.get("/api/v1/centers?limit=3", &admin).status,
        200,
        "served again"
    );
    let missing = uuid::Uuid::now_v7();
    assert_eq!(
        app.get(&format!("/api/v1/centers/{missing}"), &admin)
            .status,
        404
    );
    let org = app.create_party_org(&admin, &id, "M1", "Chi bộ đo đếm");
    assert!(org["id"].is_string());

    let text = ureq::get(&format!("{base}/metrics"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let get =
        |series: &str| sample(&text, series).unwrap_or_else(|| panic!("{series} in:\n{text}"));
    // By template, never by raw path: one series for every center's id.
    assert_eq!(
        get(r#"centers_http_requests_total{method="GET",route="/api/v1/centers",status="200"}"#),
        2.0
    );
    assert_eq!(
        get(
            r#"centers_http_requests_total{method="GET",route="/api/v1/centers/{id}",status="200"}"#
        ),
        1.0
    );
    assert_eq!(
        get(
            r#"centers_http_requests_total{method="GET",route="/api/v1/centers/{id}",status="404"}"#
        ),
        1.0
    );
    assert!(!text.contains(&id), "no series names a record");
    assert!(
        get(r#"centers_http_request_duration_seconds_count{method="GET",route="/api/v1/centers"}"#)
            >= 2.0
    );
    assert!(
        get("centers_page_cache_hits_total") >= 1.0,
        "the second page was served again"
    );
    assert!(get("centers_page_cache_misses_total") >= 1.0);
    assert!(
        get("centers_page_cache_evictions_total") >= 1.0,
        "the write emptied the cache"
    );
    assert!(get("centers_db_pool_wait_seconds_count") >= 4.0);
    assert!(get(r#"centers_db_pool_connections{pool="main",state="idle"}"#) >= 0.0);
    assert_eq!(get("centers_password_permits_in_use"), 0.0);
    assert_eq!(get("centers_password_refusals_total"), 0.0);
    let feed = app.get("/api/v1/changes?limit=500", &admin);
    let last = feed.body["items"].as_array().unwrap().last().unwrap()["seq"]
        .as_f64()
        .unwrap();
    assert!(get("centers_change_feed_last_seq") >= last);
    assert_eq!(
        get(r#"centers_webhook_subscriptions{status="active"}"#),
        0.0
    );
    assert_eq!(get("centers_webhook_backlog"), 0.0);
    let build = format!(
        r#"centers_build_info{{schema="{}",version="{}"}}"#,
        centers_db::SCHEMA_VERSION,
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(get(&build), 1.0);

    // A subscription behind the feed shows in the backlog until delivered (nowhere to deliver
    // here: its URL never resolves).
    let r = app.post(
        "/api/v1/webhooks",
        &admin,
        &json!({"url": "http://hooks.invalid/x"}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    app.create_party_org(&admin, &id, "M2", "Chi bộ đo đếm 2");
    let text = ureq::get(&format!("{base}/metrics"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert_eq!(
        sample(&text, r#"centers_webhook_subscriptions{status="active"}"#),
        Some(1.0)
    );
}
