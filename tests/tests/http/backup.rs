//! The restore drill (issue 26), on SQLite and (with `TEST_DATABASE_URL`) PostgreSQL: writes run
//! without pause — creates, updates and deletes of party organizations, creates and replacements
//! of learners, and imports of learners — while `centers backup` copies the live database; the copy, restored into a fresh database
//! with `centers restore` and served, holds every write acknowledged before the backup began and
//! is exactly the state after some prefix of each writer's acknowledged writes (nothing torn,
//! nothing half of an import), and its change feed is item for item the live feed's beginning.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::learners::World;
use centers_tests::{TestApp, TestDb};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// One acknowledged write: the records it left, by id (`None`: deleted).
type Step = Vec<(String, Option<Value>)>;

/// Walks a list to its end (pages of 200).
fn walk(app: &TestApp, token: &str, path: &str) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            None => format!("{path}{sep}limit=200"),
            Some(c) => format!("{path}{sep}limit=200&cursor={c}"),
        };
        let r = app.get(&url, token);
        assert_eq!(r.status, 200, "{url}: {}", r.text);
        items.extend(r.body["items"].as_array().unwrap().iter().cloned());
        match r.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return items,
        }
    }
}

/// The whole change feed, as the admin reads it.
fn feed(app: &TestApp, token: &str) -> Vec<Value> {
    let mut after = "0".to_owned();
    let mut all = Vec::new();
    loop {
        let r = app.get(&format!("/api/v1/changes?after={after}&limit=500"), token);
        assert_eq!(r.status, 200, "{}", r.text);
        let items = r.body["items"].as_array().unwrap().clone();
        if items.is_empty() {
            return all;
        }
        after = r.body["next_cursor"].as_str().unwrap().to_owned();
        all.extend(items);
    }
}

fn created(r: centers_tests::Resp) -> Value {
    assert!((200..300).contains(&r.status), "{} {}", r.status, r.text);
    r.body
}

/// Party organizations: create, rename, delete every third — until `stop`.
fn party_organization_writer(
    w: &World,
    stop: &AtomicBool,
    acknowledged: &AtomicUsize,
) -> Vec<Step> {
    let app = &w.app;
    let mut steps = Vec::new();
    let mut live: Vec<String> = Vec::new();
    let mut i = 0;
    while !stop.load(Ordering::SeqCst) {
        let step: Step = match i % 3 {
            0 | 1 if i % 6 != 4 => {
                let body = created(app.post(
                    "/api/v1/party-organizations",
                    &w.admin,
                    &json!({"name": format!("Chi bộ sao lưu {i}"), "code": format!("BK-{i:04}"),
                            "center_id": w.center_a}),
                ));
                let id = body["id"].as_str().unwrap().to_owned();
                live.push(id.clone());
                vec![(id, Some(body))]
            }
            2 if !live.is_empty() => {
                let id = live[i % live.len()].clone();
                let body = created(app.patch(
                    &format!("/api/v1/party-organizations/{id}"),
                    &w.admin,
                    &json!({"name": format!("Chi bộ sao lưu {i} (đổi tên)")}),
                ));
                vec![(id, Some(body))]
            }
            _ if live.len() > 2 => {
                let id = live.remove(0);
                let r = app.delete(&format!("/api/v1/party-organizations/{id}"), &w.admin);
                assert_eq!(r.status, 204, "{}", r.text);
                vec![(id, None)]
            }
            _ => {
                i += 1;
                continue;
            }
        };
        steps.push(step);
        acknowledged.fetch_add(1, Ordering::SeqCst);
        i += 1;
    }
    steps
}

/// Learners of the center: create, replace, and every tenth write an import of five — until
/// `stop`.
fn learner_writer(w: &World, stop: &AtomicBool, acknowledged: &AtomicUsize) -> Vec<Step> {
    let app = &w.app;
    let mut steps = Vec::new();
    let mut live: Vec<String> = Vec::new();
    let mut i = 0;
    while !stop.load(Ordering::SeqCst) {
        let step: Step = if i % 10 == 9 {
            let mut csv =
                "external_id,party_organization_code,full_name,birth_date,gender,party_status\n"
                    .to_owned();
            for k in 0..5 {
                csv.push_str(&format!(
                    "NK-{i}-{k},CB-1,Nguyễn Văn Nhập {i} {k},1990-01-{:02},male,non_member\n",
                    k + 1
                ));
            }
            let r = app.raw(
                "POST",
                "/api/v1/imports",
                Some(&w.ca_a),
                Some(("text/csv", &csv)),
                &[],
            );
            assert_eq!(r.status, 200, "{}", r.text);
            let ids: Vec<String> = r.body["outcomes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["learner_id"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(ids.len(), 5, "{}", r.text);
            // Read back at once: no other writer touches them, so this is what the import wrote.
            ids.into_iter()
                .map(|id| {
                    let body = created(app.get(&format!("/api/v1/learners/{id}"), &w.ca_a));
                    (id, Some(body))
                })
                .collect()
        } else if i % 3 == 2 && !live.is_empty() {
            // A learner is replaced whole (PUT); learners are never deleted, only their
            // enrollments.
            let id = live[i % live.len()].clone();
            let mut body = created(app.get(&format!("/api/v1/learners/{id}"), &w.ca_a));
            for k in ["id", "version", "created_at", "updated_at"] {
                body.as_object_mut().unwrap().remove(k);
            }
            body["workplace"] = json!(format!("UBND xã, lần {i}"));
            let body = created(app.request(
                "PUT",
                &format!("/api/v1/learners/{id}"),
                Some(&w.ca_a),
                Some(&body),
                &[],
            ));
            vec![(id, Some(body))]
        } else {
            let body = created(w.learner(
                &w.ca_a,
                json!({"full_name": format!("Trần Thị Sao Lưu {i}"),
                       "birth_date": format!("1992-03-{:02}", i % 28 + 1)}),
            ));
            let id = body["id"].as_str().unwrap().to_owned();
            live.push(id.clone());
            vec![(id, Some(body))]
        };
        steps.push(step);
        acknowledged.fetch_add(1, Ordering::SeqCst);
        i += 1;
    }
    steps
}

/// The prefixes (numbers of steps) whose state equals `restored` (id → record or absent).
fn matching_prefixes(steps: &[Step], restored: &BTreeMap<String, Option<Value>>) -> Vec<usize> {
    let mut state: BTreeMap<String, Option<Value>> =
        restored.keys().map(|id| (id.clone(), None)).collect();
    let mut matching = Vec::new();
    if &state == restored {
        matching.push(0);
    }
    for (k, step) in steps.iter().enumerate() {
        for (id, record) in step {
            state.insert(id.clone(), record.clone());
        }
        if &state == restored {
            matching.push(k + 1);
        }
    }
    matching
}

/// Every id a writer ever wrote, read from the restored server (`None`: 404).
fn read_back(
    app: &TestApp,
    token: &str,
    path: &str,
    steps: &[Step],
) -> BTreeMap<String, Option<Value>> {
    let mut ids: Vec<&String> = steps.iter().flatten().map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let r = app.get(&format!("{path}/{id}"), token);
            let record = match r.status {
                200 => Some(r.body),
                404 => None,
                other => panic!("{path}/{id}: {other} {}", r.text),
            };
            (id.clone(), record)
        })
        .collect()
}

#[test]
fn a_backup_under_writes_restores_every_write_acknowledged_before_it_began() {
    let w = World::new();
    let app = &w.app;
    let stop = AtomicBool::new(false);
    let (orgs_acked, learners_acked) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let backup_dir = tempfile::tempdir().unwrap();
    let file = backup_dir.path().join("centers.backup");
    let pool = app.db_pool();

    let (org_steps, learner_steps, before, seq_before) = std::thread::scope(|s| {
        let orgs = s.spawn(|| party_organization_writer(&w, &stop, &orgs_acked));
        let learners = s.spawn(|| learner_writer(&w, &stop, &learners_acked));
        let failed = || orgs.is_finished() || learners.is_finished();
        while (orgs_acked.load(Ordering::SeqCst) < 40 || learners_acked.load(Ordering::SeqCst) < 40)
            && !failed()
        {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // What was acknowledged, and committed, before the backup began.
        let before = (
            orgs_acked.load(Ordering::SeqCst),
            learners_acked.load(Ordering::SeqCst),
        );
        let seq_before = centers_db::writes::last_seq(&mut pool.get().unwrap()).unwrap();
        centers_api::cli::backup(&app.database_url, &file).unwrap();
        let during = (
            orgs_acked.load(Ordering::SeqCst),
            learners_acked.load(Ordering::SeqCst),
        );
        // The writers go on after it too.
        while (orgs_acked.load(Ordering::SeqCst) < during.0 + 15
            || learners_acked.load(Ordering::SeqCst) < during.1 + 15)
            && !failed()
        {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        stop.store(true, Ordering::SeqCst);
        (
            orgs.join().unwrap(),
            learners.join().unwrap(),
            before,
            seq_before,
        )
    });
    let live_feed = feed(app, &w.admin);

    // Restored into a fresh database and served.
    let (target, url) = TestDb::new();
    let restored = centers_db::backup::restore(&url, &file, false).unwrap();
    assert!(
        restored.last_seq >= seq_before,
        "{restored:?} < {seq_before}"
    );
    let copy = TestApp::spawn_on(target, url, |_| {});
    let ready = copy.request("GET", "/readyz", None, None, &[]);
    assert_eq!(ready.status, 200, "{}", ready.text);
    let admin = copy.admin_token();
    let ca_a = copy.login("ca.a", "ca.a-password");

    // Each writer's records: the state after a prefix of its acknowledged writes that holds
    // every write acknowledged before the backup began.
    let orgs = read_back(&copy, &admin, "/api/v1/party-organizations", &org_steps);
    let org_prefixes = matching_prefixes(&org_steps, &orgs);
    assert!(
        org_prefixes.iter().any(|k| *k >= before.0),
        "party organizations: restored state is no prefix ≥ {} (matching: {org_prefixes:?})",
        before.0
    );
    let learners = read_back(&copy, &ca_a, "/api/v1/learners", &learner_steps);
    let learner_prefixes = matching_prefixes(&learner_steps, &learners);
    assert!(
        learner_prefixes.iter().any(|k| *k >= before.1),
        "learners: restored state is no prefix ≥ {} (matching: {learner_prefixes:?})",
        before.1
    );
    // The lists agree with the records read one by one.
    let listed: Vec<Value> = walk(
        &copy,
        &admin,
        &format!("/api/v1/party-organizations?center_id={}", w.center_a),
    )
    .into_iter()
    .filter(|o| o["code"].as_str().unwrap().starts_with("BK-"))
    .collect();
    assert_eq!(listed.len(), orgs.values().flatten().count());
    assert_eq!(
        walk(&copy, &ca_a, "/api/v1/learners").len(),
        learners.values().flatten().count()
    );

    // The restored feed is the live feed's beginning, item for item, through every change
    // committed before the backup began.
    let restored_feed = feed(&copy, &admin);
    let restored_end = restored_feed.last().unwrap()["seq"].as_i64().unwrap();
    assert_eq!(restored_end, restored.last_seq);
    assert!(restored_end >= seq_before);
    assert!(
        restored_feed.len() < live_feed.len(),
        "writes went on after the backup"
    );
    assert_eq!(restored_feed[..], live_feed[..restored_feed.len()]);

    eprintln!(
        "restore drill ({}): writes acknowledged: party organizations {} (before the backup \
         began {}), learners {} incl. {} imports (before {}); change feed {} items live, \
         {} restored (backup began after seq {seq_before}, copy ends at seq {restored_end}); \
         compared {} party organizations and {} learners record by record, restored state = \
         prefix {:?} and {:?} of the writers' acknowledged writes",
        if app.db.is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        org_steps.len(),
        before.0,
        learner_steps.len(),
        learner_steps.iter().filter(|s| s.len() == 5).count(),
        before.1,
        live_feed.len(),
        restored_feed.len(),
        orgs.len(),
        learners.len(),
        org_prefixes,
        learner_prefixes,
    );
}
