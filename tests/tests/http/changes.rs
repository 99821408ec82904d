//! The change feed: every create, update and delete, in commit order, exactly once, scoped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::TestApp;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

/// Reads the whole feed from `after`, a small page at a time.
fn drain(app: &TestApp, token: &str, after: &mut String, into: &mut Vec<Value>) {
    loop {
        let r = app.get(&format!("/api/v1/changes?after={after}&limit=7"), token);
        assert_eq!(r.status, 200, "{}", r.text);
        let items = r.body["items"].as_array().unwrap().clone();
        *after = r.body["next_cursor"].as_str().unwrap().to_owned();
        if items.is_empty() {
            return;
        }
        into.extend(items);
    }
}

#[test]
fn a_follower_sees_every_change_of_concurrent_writers_exactly_once_in_commit_order() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers: Vec<String> = app
        .centers(&admin)
        .values()
        // Open centers only: a closed one (Đông Sơn's, merged in 2024) takes no new party
        // organizations.
        .filter(|c| c["valid_to"].is_null())
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    let mut cursor = "0".to_owned();
    let mut seen = Vec::new();
    // Start after the seeding: nothing is in the feed yet.
    drain(&app, &admin, &mut cursor, &mut seen);
    assert!(seen.is_empty(), "seeding is not in the feed: {seen:?}");

    const WRITERS: usize = 6;
    const EACH: usize = 5;
    let done = AtomicBool::new(false);
    let (expected, followed) = std::thread::scope(|s| {
        let follower = s.spawn(|| {
            let mut cursor = cursor.clone();
            let mut got = Vec::new();
            while !done.load(Ordering::SeqCst) {
                drain(&app, &admin, &mut cursor, &mut got);
            }
            drain(&app, &admin, &mut cursor, &mut got);
            got
        });
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (app, admin, centers) = (&app, &admin, &centers);
                s.spawn(move || {
                    // (entity id, op, version) of every acknowledged write.
                    let mut wrote = Vec::new();
                    for i in 0..EACH {
                        let center = &centers[(w * EACH + i) % centers.len()];
                        let code = format!("W{w}-{i}");
                        let created =
                            app.create_party_org(admin, center, &code, &format!("Chi bộ {code}"));
                        let id = created["id"].as_str().unwrap().to_owned();
                        wrote.push((
                            id.clone(),
                            "create".to_owned(),
                            created["version"].as_i64().unwrap(),
                        ));
                        let r = app.patch(
                            &format!("/api/v1/party-organizations/{id}"),
                            admin,
                            &json!({"name": format!("Chi bộ {code} (đổi tên)")}),
                        );
                        assert_eq!(r.status, 200, "{}", r.text);
                        wrote.push((
                            id.clone(),
                            "update".to_owned(),
                            r.body["version"].as_i64().unwrap(),
                        ));
                        if i % 2 == 0 {
                            let r = app.delete(&format!("/api/v1/party-organizations/{id}"), admin);
                            assert!(r.status == 204 || r.status == 200, "{}", r.text);
                            wrote.push((id, "delete".to_owned(), 2));
                        }
                    }
                    wrote
                })
            })
            .collect();
        let expected: Vec<(String, String, i64)> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        done.store(true, Ordering::SeqCst);
        (expected, follower.join().unwrap())
    });

    // Exactly every change once: no gap, no repeat.
    let seqs: Vec<i64> = followed
        .iter()
        .map(|c| c["seq"].as_i64().unwrap())
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "seq strictly increasing: {seqs:?}"
    );
    let got: BTreeSet<(String, String, i64)> = followed
        .iter()
        .map(|c| {
            assert_eq!(c["entity"], "party_organization");
            (
                c["id"].as_str().unwrap().to_owned(),
                c["op"].as_str().unwrap().to_owned(),
                c["version"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got.len(), followed.len(), "no change twice");
    let want: BTreeSet<(String, String, i64)> = expected.into_iter().collect();
    assert_eq!(got, want);
    assert_eq!(followed.len(), WRITERS * (EACH * 2 + EACH.div_ceil(2)));
    // Commit order: each record's changes arrive create → update → delete.
    let mut order: HashMap<String, Vec<String>> = HashMap::new();
    for c in &followed {
        order
            .entry(c["id"].as_str().unwrap().to_owned())
            .or_default()
            .push(c["op"].as_str().unwrap().to_owned());
    }
    for ops in order.values() {
        assert!(
            ops == &["create", "update"] || ops == &["create", "update", "delete"],
            "{ops:?}"
        );
    }
    // A create or update carries the record; a delete is a tombstone with natural keys.
    for c in &followed {
        match c["op"].as_str().unwrap() {
            "delete" => {
                assert!(c["data"].is_null());
                assert!(c["keys"]["code"].as_str().unwrap().starts_with('W'));
                assert!(c["keys"]["center_id"].is_string());
            }
            _ => assert_eq!(c["data"]["id"], c["id"]),
        }
    }
}

#[test]
fn the_feed_is_scoped_like_the_records() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let centers = app.centers(&admin);
    let (a, b) = (
        centers["406"]["id"].as_str().unwrap().to_owned(),
        centers["407"]["id"].as_str().unwrap().to_owned(),
    );
    app.create_user(&admin, "ca.feed", "center_admin", &a);
    let center_admin = app.login("ca.feed", "ca.feed-password");
    let mine = app.create_party_org(&admin, &a, "A-1", "Chi bộ A");
    let theirs = app.create_party_org(&admin, &b, "B-1", "Chi bộ B");

    let feed = app.get("/api/v1/changes", &center_admin);
    assert_eq!(feed.status, 200, "{}", feed.text);
    let ids: Vec<&str> = feed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&mine["id"].as_str().unwrap()));
    assert!(
        !ids.contains(&theirs["id"].as_str().unwrap()),
        "another center's record"
    );
    assert!(feed.header("link").unwrap().contains("rel=\"next\""));

    // The province sees both, and the account it created; `types` narrows.
    let all = app.get("/api/v1/changes?types=party_organization", &admin);
    assert_eq!(
        all.body["items"].as_array().unwrap().len(),
        2,
        "{}",
        all.text
    );
    let users = app.get("/api/v1/changes?types=user", &admin);
    assert_eq!(users.body["items"][0]["op"], "create");
    assert!(users.body["items"][0]["data"]
        .get("password_hash")
        .is_none());

    // A party organization's account follows nothing it cannot read (no accounts, no plans).
    let po = mine["id"].as_str().unwrap();
    app.create_user(&admin, "po.feed", "party_org", po);
    let party = app.login("po.feed", "po.feed-password");
    let own = app.get("/api/v1/changes", &party);
    for c in own.body["items"].as_array().unwrap() {
        assert_eq!(c["entity"], "party_organization", "{c}");
        assert_eq!(c["id"], mine["id"]);
    }

    // Bad parameters are 400s naming the parameter.
    for (query, field) in [
        ("after=abc", "after"),
        ("after=-1", "after"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("types=nope", "types"),
    ] {
        let r = app.get(&format!("/api/v1/changes?{query}"), &admin);
        r.problem(400);
        assert_eq!(r.error_fields(), vec![field.to_owned()], "{query}");
    }
    app.get("/api/v1/changes", "not-a-token").problem(401);
}
