//! Party organizations form a tree under party committees (issue 21, item 5): a party
//! organization belongs to a committee (đảng bộ huyện, xã, phường) and is served by a center;
//! both reach it — through the API, the change feed and its learners — and nobody else does.
//! Existing data migrates to that shape and back (`down.sql`). On SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{Resp, TestApp};
use serde_json::{json, Value};

fn ok(r: Resp) -> Value {
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.body
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_owned()
}

/// The party committee the province file lists under a center's host unit.
fn committee_of_center(app: &TestApp, admin: &str, center: &str) -> String {
    let host = ok(app.get(&format!("/api/v1/organizations/{center}"), admin))["parent_id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.party_committee_under(admin, &host)
}

fn learner(app: &TestApp, token: &str, organization: &str, name: &str) -> String {
    id(&ok(app.post(
        "/api/v1/learners",
        token,
        &json!({"party_organization_id": organization, "full_name": name,
                "birth_date": "1990-02-03", "gender": "male", "party_status": "non_member",
                "confirm_new": true}),
    )))
}

/// Every change the token's feed shows, as (entity, id).
fn feed(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut after = 0i64;
    loop {
        let page = ok(app.get(&format!("/api/v1/changes?after={after}&limit=500"), token));
        let items = page["items"].as_array().unwrap().clone();
        if items.is_empty() {
            return out;
        }
        for item in &items {
            out.push((
                item["entity"].as_str().unwrap().to_owned(),
                item["id"].as_str().unwrap().to_owned(),
            ));
            after = item["seq"].as_i64().unwrap();
        }
    }
}

#[test]
fn a_party_organization_sits_under_its_committee_and_both_it_and_its_center_reach_it() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let other_center = app.center_id(&admin, "380");
    let committee = committee_of_center(&app, &admin, &center);
    let other_committee = committee_of_center(&app, &admin, &other_center);
    app.create_user(&admin, "ca.406", "center_admin", &center);
    app.create_user(&admin, "ca.380", "center_admin", &other_center);
    app.create_user(&admin, "dangbo.406", "committee", &committee);
    app.create_user(&admin, "dangbo.380", "committee", &other_committee);
    let ca = app.login("ca.406", "ca.406-password");
    let ca_other = app.login("ca.380", "ca.380-password");
    let db = app.login("dangbo.406", "dangbo.406-password");
    let db_other = app.login("dangbo.380", "dangbo.380-password");

    // The center's administrator names only the center: the organization joins the committee
    // of the unit hosting the center, and the center serves it.
    let grassroots = ok(app.post(
        "/api/v1/party-organizations",
        &ca,
        &json!({"name": "Đảng bộ xã Quảng Nham", "code": "DB-QN", "center_id": center,
                "kind": "grassroots_committee"}),
    ));
    assert_eq!(grassroots["committee_id"], committee.as_str());
    assert_eq!(grassroots["center_id"], center.as_str());
    assert_eq!(grassroots["parent_id"], Value::Null);
    let grassroots = id(&grassroots);
    let cell = ok(app.post(
        "/api/v1/party-organizations",
        &ca,
        &json!({"name": "Chi bộ thôn 3", "code": "CB-QN-3", "center_id": center,
                "parent_id": grassroots}),
    ));
    assert_eq!(cell["committee_id"], committee.as_str());
    assert_eq!(cell["parent_id"], grassroots.as_str());
    let cell = id(&cell);
    // In the tree: under the committee, not under the center.
    let under_committee = ok(app.get(
        &format!("/api/v1/organizations/{committee}/children"),
        &admin,
    ));
    assert_eq!(under_committee["items"][0]["id"], grassroots.as_str());
    let under_center = ok(app.get(&format!("/api/v1/organizations/{center}/children"), &admin));
    assert_eq!(under_center["total"], 0, "{under_center}");
    // A center is no parent of a party organization (the kinds table).
    let kinds = ok(app.get("/api/v1/organization-kinds", &admin));
    let rule = kinds
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "party_organization")
        .unwrap()
        .clone();
    assert_eq!(
        rule["parents"],
        json!(["party_committee", "party_organization"])
    );

    let mai = learner(&app, &ca, &cell, "Lê Thị Mai");
    // Who reaches them: the center (it serves them) and the committee (they belong to it);
    // another center or another committee does not, by any channel.
    for token in [&admin, &ca, &db] {
        ok(app.get(&format!("/api/v1/party-organizations/{cell}"), token));
        ok(app.get(&format!("/api/v1/learners/{mai}"), token));
        let list = ok(app.get("/api/v1/party-organizations?limit=100", token));
        assert_eq!(list["total"], 2, "{list}");
        let events = feed(&app, token);
        for record in [&grassroots, &cell, &mai] {
            assert!(
                events.iter().any(|(_, id)| id == record),
                "{record} missing from the feed"
            );
        }
    }
    for token in [&ca_other, &db_other] {
        app.get(&format!("/api/v1/party-organizations/{cell}"), token)
            .problem(404);
        app.get(&format!("/api/v1/learners/{mai}"), token)
            .problem(404);
        let list = ok(app.get("/api/v1/party-organizations?limit=100", token));
        assert_eq!(list["total"], 0, "{list}");
        let events = feed(&app, token);
        for record in [&grassroots, &cell, &mai] {
            assert!(
                !events.iter().any(|(_, id)| id == record),
                "{record} leaked into another feed"
            );
        }
    }
    // The committee reads; it does not manage the centers' party organizations.
    app.patch(
        &format!("/api/v1/party-organizations/{cell}"),
        &db,
        &json!({"name": "Chi bộ thôn 3 (sửa)"}),
    )
    .problem(403);
    // Another center's administrator cannot place an organization in this committee.
    let r = app.post(
        "/api/v1/party-organizations",
        &ca_other,
        &json!({"name": "Chi bộ X", "code": "CB-X", "center_id": other_center,
                "committee_id": committee}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "committee_id");
}

#[test]
fn a_committee_a_center_serves_takes_its_new_party_organizations() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let province = app.province_id(&admin);
    let center = app.center_id(&admin, "406");
    app.create_user(&admin, "ca.406", "center_admin", &center);
    let ca = app.login("ca.406", "ca.406-password");
    // A ward's party committee, served by the center (as a province records after 2025).
    let ward = id(&ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "subkind": "ward", "parent_id": province,
                "name": "Phường Quảng Xương (ví dụ)", "valid_from": "2025-07-01"}),
    )));
    let r = app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "commune", "subkind": "ward", "parent_id": province,
                "name": "Phường khác", "valid_from": "2025-07-01", "center_id": center}),
    );
    assert_eq!(r.problem(422)["errors"][0]["field"], "center_id");
    let ward_committee = ok(app.post(
        "/api/v1/organizations",
        &admin,
        &json!({"kind": "party_committee", "parent_id": ward, "center_id": center,
                "name": "Đảng bộ phường Quảng Xương (ví dụ)", "valid_from": "2025-07-01"}),
    ));
    assert_eq!(ward_committee["center_id"], center.as_str());
    let ward_committee = id(&ward_committee);
    // The center's administrator reaches the committee it serves, and its organizations join
    // it by default now (the served committee before the host's).
    ok(app.get(&format!("/api/v1/organizations/{ward_committee}"), &ca));
    let po = ok(app.post(
        "/api/v1/party-organizations",
        &ca,
        &json!({"name": "Chi bộ khu phố 1", "code": "CB-KP1", "center_id": center}),
    ));
    assert_eq!(po["committee_id"], ward_committee.as_str());
    // Served by nobody: the center no longer reaches the committee, and names no default.
    ok(app.patch(
        &format!("/api/v1/organizations/{ward_committee}"),
        &admin,
        &json!({"center_id": null}),
    ));
    app.get(&format!("/api/v1/organizations/{ward_committee}"), &ca)
        .problem(404);
    // The organization itself is still served by the center.
    ok(app.get(&format!("/api/v1/party-organizations/{}", id(&po)), &ca));
    // A second committee served by the center: the default is ambiguous, so it is asked for.
    for name in ["Đảng bộ A (ví dụ)", "Đảng bộ B (ví dụ)"] {
        ok(app.post(
            "/api/v1/organizations",
            &admin,
            &json!({"kind": "party_committee", "parent_id": ward, "center_id": center,
                    "name": name, "valid_from": "2025-07-01"}),
        ));
    }
    let r = app.post(
        "/api/v1/party-organizations",
        &ca,
        &json!({"name": "Chi bộ khu phố 2", "code": "CB-KP2", "center_id": center}),
    );
    let problem = r.problem(422);
    assert_eq!(problem["errors"][0]["field"], "committee_id");
}

#[test]
fn existing_party_organizations_migrate_under_committees_and_back() {
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Nullable, Text};
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    #[derive(QueryableByName, Debug, PartialEq)]
    struct Shape {
        #[diesel(sql_type = Nullable<Text>)]
        parent_id: Option<String>,
        #[diesel(sql_type = Text)]
        path: String,
        #[diesel(sql_type = BigInt)]
        learners: i64,
    }
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let committee = committee_of_center(&app, &admin, &center);
    let po = id(&app.create_party_org(&admin, &center, "MIG-1", "Chi bộ di chuyển"));
    let mai = learner(&app, &admin, &po, "Lê Thị Mai");
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    let cast = if app.db.is_postgres() { "::text" } else { "" };
    let shape = |conn: &mut centers_db::DbConnection| -> Shape {
        diesel::sql_query(format!(
            "SELECT o.parent_id{cast} AS parent_id, o.path, \
             (SELECT count(*) FROM learners l WHERE l.party_organization_id = o.id) AS learners \
             FROM organizations o WHERE o.id{cast} = '{po}'"
        ))
        .get_result(conn)
        .unwrap()
    };
    let new_shape = shape(&mut conn);
    assert_eq!(new_shape.parent_id.as_deref(), Some(committee.as_str()));
    assert_eq!(new_shape.learners, 1);

    // down.sql: the party organization is back under its center, its learner untouched. (Later
    // migrations are reverted first, newest first, as diesel reverts.)
    let down = |conn: &mut centers_db::DbConnection| {
        let mut reverted = Vec::new();
        while reverted.last().map(String::as_str) != Some("20261207000018") {
            reverted.push(centers_db::revert_last_migration(conn).unwrap());
            assert!(reverted.len() < 50, "{reverted:?}");
        }
        reverted.len()
    };
    let reverted = down(&mut conn);
    let old_shape = shape(&mut conn);
    assert_eq!(old_shape.parent_id.as_deref(), Some(center.as_str()));
    assert!(
        old_shape.path.ends_with(&format!("{center}/{po}/")),
        "{old_shape:?}"
    );
    assert_eq!(old_shape.learners, 1);

    // up.sql again: under the committee the province file lists (not a new one), same learner;
    // and down → up once more gives the same shape.
    assert_eq!(centers_db::run_migrations(&mut conn).unwrap(), reverted);
    assert_eq!(shape(&mut conn), new_shape);
    down(&mut conn);
    assert_eq!(centers_db::run_migrations(&mut conn).unwrap(), reverted);
    assert_eq!(shape(&mut conn), new_shape);

    // A database from before party committees were recorded: the host has none, so the
    // migration makes it, named and coded after the host and served by the center; down.sql
    // takes it away again.
    down(&mut conn);
    diesel::sql_query(format!(
        "DELETE FROM organization_periods WHERE organization_id{cast} = '{committee}'"
    ))
    .execute(&mut conn)
    .unwrap();
    diesel::sql_query(format!(
        "DELETE FROM organizations WHERE id{cast} = '{committee}'"
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(centers_db::run_migrations(&mut conn).unwrap(), reverted);
    #[derive(QueryableByName)]
    struct Made {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Nullable<Text>)]
        code: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        center_id: Option<String>,
        #[diesel(sql_type = BigInt)]
        periods: i64,
    }
    let made: Made = diesel::sql_query(format!(
        "SELECT k.id{cast} AS id, k.name, k.code, k.center_id{cast} AS center_id, \
         (SELECT count(*) FROM organization_periods p WHERE p.organization_id = k.id) AS periods \
         FROM organizations k JOIN organizations o ON o.parent_id = k.id WHERE o.id{cast} = '{po}'"
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(made.name, "Đảng bộ huyện Quảng Xương");
    assert_eq!(made.code.as_deref(), Some("406"));
    assert_eq!(made.center_id.as_deref(), Some(center.as_str()));
    assert_eq!(made.periods, 1);
    assert_eq!(shape(&mut conn).learners, 1);
    down(&mut conn);
    let gone: i64 = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM organizations WHERE id{cast} = '{}'",
        made.id
    ))
    .get_result::<Count>(&mut conn)
    .unwrap()
    .n;
    assert_eq!(gone, 0);
    assert_eq!(shape(&mut conn).parent_id.as_deref(), Some(center.as_str()));
    assert_eq!(centers_db::run_migrations(&mut conn).unwrap(), reverted);
    let committee = shape(&mut conn).parent_id.unwrap();
    drop(conn);

    // A server on the migrated database: the center's administrator and the committee still
    // reach the organization, its learner and their changes.
    let second = TestApp::spawn_on(app.db.share(), app.database_url.clone(), |_| {});
    let admin = second.admin_token();
    second.create_user(&admin, "ca.406", "center_admin", &center);
    second.create_user(&admin, "dangbo.406", "committee", &committee);
    for user in ["ca.406", "dangbo.406"] {
        let token = second.login(user, &format!("{user}-password"));
        ok(second.get(&format!("/api/v1/party-organizations/{po}"), &token));
        ok(second.get(&format!("/api/v1/learners/{mai}"), &token));
        let events = feed(&second, &token);
        assert!(
            events.iter().any(|(_, id)| id == &mai),
            "{user}: {events:?}"
        );
    }
}
