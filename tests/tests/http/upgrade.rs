//! Upgrades (issue 26): a database with the schema and data that an earlier commit's own code
//! wrote — commit 45f810f (schema 20), its walk test's records of every kind, dumped as SQL by
//! `tests/upgrade/make-fixture.sh` — is migrated by this build at start and every record it held
//! is served. On SQLite, and (with `TEST_DATABASE_URL`) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_tests::{TestApp, TestDb};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

const FIXTURE_COMMIT: &str = "45f810f";

/// How the API serves each table's rows: the SQL giving each row's id, version (0 when the
/// table has none) and the URL whose answer must carry that id (`{id}`: the id column as text,
/// named `id`; `{tid}`: the id as text, in an expression).
const SERVED: &[(&str, &str)] = &[
    ("organizations", "SELECT {id}, version, '/api/v1/organizations/' || {tid} AS url FROM organizations"),
    ("users", "SELECT {id}, version, '/api/v1/users/' || {tid} AS url FROM users"),
    ("service_clients", "SELECT {id}, version, '/api/v1/clients?limit=500' AS url FROM service_clients"),
    ("programs", "SELECT {id}, version, '/api/v1/programs/' || {tid} AS url FROM programs"),
    ("program_topics", "SELECT {id}, 0 AS version, '/api/v1/programs/' || CAST(program_id AS TEXT) AS url FROM program_topics"),
    ("policy_versions", "SELECT {id}, 0 AS version, '/api/v1/policies/versions?limit=500' AS url FROM policy_versions"),
    ("approval_grants", "SELECT {id}, 0 AS version, '/api/v1/approval-grants/' || {tid} AS url FROM approval_grants"),
    ("training_plans", "SELECT {id}, version, '/api/v1/training-plans/' || {tid} AS url FROM training_plans"),
    ("training_plan_lines", "SELECT {id}, version, '/api/v1/training-plans/' || CAST(plan_id AS TEXT) || '/lines/' || {tid} AS url FROM training_plan_lines"),
    ("lecturers", "SELECT {id}, version, '/api/v1/lecturers/' || {tid} AS url FROM lecturers"),
    ("classes", "SELECT {id}, version, '/api/v1/classes/' || {tid} AS url FROM classes"),
    ("lesson_plans", "SELECT {id}, version, '/api/v1/lesson-plans/' || {tid} AS url FROM lesson_plans"),
    ("class_sessions", "SELECT {id}, version, '/api/v1/sessions/' || {tid} AS url FROM class_sessions"),
    ("class_visits", "SELECT {id}, 0 AS version, '/api/v1/class-visits/' || {tid} AS url FROM class_visits"),
    ("lecturer_activities", "SELECT {id}, 0 AS version, '/api/v1/lecturers/' || CAST(lecturer_id AS TEXT) || '/activities/' || {tid} AS url FROM lecturer_activities"),
    ("learners", "SELECT {id}, version, '/api/v1/learners/' || {tid} AS url FROM learners"),
    ("enrollments", "SELECT {id}, version, '/api/v1/enrollments/' || {tid} AS url FROM enrollments"),
    ("attendance", "SELECT CAST(id AS TEXT) AS id, CAST(enrollment_id AS TEXT) AS key, 0 AS version, '/api/v1/sessions/' || CAST(session_id AS TEXT) || '/attendance?limit=500' AS url FROM attendance"),
    ("results", "SELECT CAST(id AS TEXT) AS id, CAST(enrollment_id AS TEXT) AS key, version, '/api/v1/enrollments/' || CAST(enrollment_id AS TEXT) || '/result' AS url FROM results"),
    ("certificates", "SELECT {id}, 0 AS version, '/api/v1/certificates/' || {tid} AS url FROM certificates"),
    ("workflow_transitions", "SELECT {id}, 0 AS version, CASE entity \
        WHEN 'training_plan' THEN '/api/v1/training-plans/' WHEN 'lesson_plan' THEN '/api/v1/lesson-plans/' \
        WHEN 'class' THEN '/api/v1/classes/' WHEN 'enrollment' THEN '/api/v1/enrollments/' END \
        || CAST(entity_id AS TEXT) || '/history?limit=500' AS url FROM workflow_transitions"),
];

/// Tables no API reads back, and why; with `SERVED` they must name every table of the fixture,
/// so that a table added to a later fixture cannot go unchecked.
const NOT_SERVED: &[(&str, &str)] = &[
    ("write_gate", "a lock row the write path takes"),
    ("refresh_tokens", "secrets (hashes of them), never read back"),
    ("login_failures", "login throttling counters"),
    ("idempotency_keys", "stored answers, replayed only to the same request"),
    ("change_counter", "the feed's counter; its value is the feed's last seq, compared below"),
    ("certificate_counters", "the numbering counters; the numbers are on the certificates"),
    ("record_counts", "kept counts; the totals are compared with the rows by the walk test"),
    ("audit_log", "compared below as a whole (the audit log's length)"),
    ("change_events", "compared below as a whole (the feed)"),
    ("organization_periods", "each organization's /history (its periods carry no id of their own); the organizations are read back"),
    ("__diesel_schema_migrations", "diesel's own bookkeeping"),
];

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
    /// What the answer must name: the row's id, or for attendance and results (kept per
    /// enrollment, served without an id of their own) the enrollment.
    #[diesel(sql_type = diesel::sql_types::Text)]
    key: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    version: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    url: String,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn tables(conn: &mut centers_db::DbConnection) -> Vec<String> {
    let sql = match conn {
        centers_db::DbConnection::Postgresql(_) => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        }
        centers_db::DbConnection::Sqlite(_) => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
    };
    let mut names: Vec<String> = diesel::sql_query(sql)
        .load::<Name>(conn)
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    names.sort();
    names
}

fn count(conn: &mut centers_db::DbConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

/// Loads the fixture of the backend into the fresh database at `url`, as the earlier commit left
/// it (no foreign keys checked nor triggers fired while loading: the dump is what was there).
fn load_fixture(db: &TestDb, url: &str) {
    let backend = if db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let path = format!(
        "{}/upgrade/{FIXTURE_COMMIT}-{backend}.sql",
        env!("CARGO_MANIFEST_DIR")
    );
    let sql = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if db.is_postgres() {
        let mut conn = diesel::PgConnection::establish(url).unwrap();
        conn.batch_execute(&sql).unwrap();
    } else {
        let file = url.strip_prefix("sqlite://").unwrap();
        let mut conn = diesel::SqliteConnection::establish(file).unwrap();
        // The dump inserts table by table in name order, children before parents; this build's
        // SQLite checks foreign keys by default (outside a transaction only can it be told not to).
        conn.batch_execute("PRAGMA foreign_keys = OFF").unwrap();
        conn.batch_execute(&sql).unwrap();
    }
}

#[test]
fn a_database_written_by_an_earlier_commit_is_migrated_and_serves_every_record() {
    let (db, url) = TestDb::new();
    load_fixture(&db, &url);
    let pool = centers_db::build_pool(&url, 1, std::time::Duration::from_secs(10)).unwrap();
    let mut conn = pool.get().unwrap();
    let pending = centers_db::pending_migrations(&mut conn).unwrap();
    assert!(
        pending.len() >= 2 && pending.last().unwrap() == centers_db::SCHEMA_VERSION,
        "the fixture is older than this build: {pending:?}"
    );
    let fixture_tables = tables(&mut conn);
    let rows_before: i64 = SERVED
        .iter()
        .map(|(table, _)| count(&mut conn, &format!("SELECT count(*) AS n FROM {table}")))
        .sum();
    let feed_before = count(&mut conn, "SELECT count(*) AS n FROM change_events");
    let audit_before = count(&mut conn, "SELECT count(*) AS n FROM audit_log");
    drop(conn);

    // Every table of the fixture is either read back below or said not to be served.
    for table in &fixture_tables {
        assert!(
            SERVED.iter().any(|(t, _)| t == table) || NOT_SERVED.iter().any(|(t, _)| t == table),
            "{table}: say how the upgrade test checks it"
        );
    }

    // This build starts on it: the pending migrations run, then it serves.
    let app = TestApp::spawn_on(db, url, |_| {});
    let ready = app.request("GET", "/readyz", None, None, &[]);
    assert_eq!(ready.status, 200, "{}", ready.text);
    let admin = app.admin_token();
    let mut conn = pool.get().unwrap();
    assert!(centers_db::pending_migrations(&mut conn)
        .unwrap()
        .is_empty());
    // Nothing was lost by migrating.
    let rows_after: i64 = SERVED
        .iter()
        .map(|(table, _)| count(&mut conn, &format!("SELECT count(*) AS n FROM {table}")))
        .sum();
    assert!(rows_after >= rows_before, "{rows_after} < {rows_before}");

    let mut checked = 0;
    for (table, sql) in SERVED {
        let sql = sql
            .replace("{id}", "CAST(id AS TEXT) AS id, CAST(id AS TEXT) AS key")
            .replace("{tid}", "CAST(id AS TEXT)");
        let rows: Vec<Row> = diesel::sql_query(&sql)
            .load(&mut conn)
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        for row in rows {
            let url = row.url;
            let r = app.get(&url, &admin);
            assert_eq!(r.status, 200, "{table} {}: {url}: {}", row.id, r.text);
            assert!(
                r.text.contains(&format!("\"{}\"", row.key)),
                "{table} {}: not in {url}: {}",
                row.id,
                r.text
            );
            // A record read on its own carries its version: the same as stored.
            if row.version > 0 && r.body.get("version").is_some() {
                assert_eq!(r.body["version"], row.version, "{table} {}", row.id);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, rows_after, "every row read back");

    // The feed and the audit log: every entry the fixture held is still served.
    let mut served_feed = 0;
    let mut after = "0".to_owned();
    loop {
        let page = app.get(&format!("/api/v1/changes?after={after}&limit=500"), &admin);
        assert_eq!(page.status, 200, "{}", page.text);
        let items = page.body["items"].as_array().unwrap().len() as i64;
        if items == 0 {
            break;
        }
        served_feed += items;
        after = page.body["next_cursor"].as_str().unwrap().to_owned();
    }
    assert!(served_feed >= feed_before, "{served_feed} < {feed_before}");
    let mut audit_total = 0;
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            None => "/api/v1/audit-log?limit=500".to_owned(),
            Some(c) => format!("/api/v1/audit-log?limit=500&cursor={c}"),
        };
        let page = app.get(&url, &admin);
        assert_eq!(page.status, 200, "{}", page.text);
        audit_total += page.body["items"].as_array().unwrap().len() as i64;
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert!(
        audit_total >= audit_before,
        "{audit_total} < {audit_before}"
    );
    eprintln!(
        "upgrade from {FIXTURE_COMMIT} ({}): {} migrations applied at start, {checked} records \
         read back one by one from {} tables, {feed_before} changes and {audit_before} audit \
         entries of the fixture still served",
        if app.db.is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        pending.len(),
        SERVED.len()
    );
}
