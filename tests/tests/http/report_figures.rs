//! The report figures kept as the data changes (issue 23): after a demo load of two years and a
//! stream of random writes, deletes and an import, every kept figure equals the rows
//! (`report_figures::mismatches`), and every summary the API answers — by each grouping, for the
//! province and for a center, over one year and over both, on the tree of today after a merger —
//! equals the same figures computed by raw SQL over the enrollments.

use centers_db::demo::{DemoOptions, Quiet};
use centers_db::report_figures::mismatches;
use centers_db::reports::{self as db, CenterMap, SummaryDimension, SummaryFilter};
use centers_tests::{vietnam_today, TestApp};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn ok(r: centers_tests::Resp) -> Value {
    assert!(r.status < 300, "{} {}", r.status, r.text);
    r.body
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = Text)]
    id: String,
}

/// A row of raw figures: its key (year, center, category, program code) and the six figures.
#[derive(QueryableByName, Debug)]
struct RawRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    year: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    center_id: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    category: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    program_code: Option<String>,
    #[diesel(sql_type = BigInt)]
    classes: i64,
    #[diesel(sql_type = BigInt)]
    enrollments: i64,
    #[diesel(sql_type = BigInt)]
    learners: i64,
    #[diesel(sql_type = BigInt)]
    finished: i64,
    #[diesel(sql_type = BigInt)]
    passed: i64,
    #[diesel(sql_type = BigInt)]
    certificates: i64,
}

type Key = (Option<i64>, Option<String>, Option<String>, Option<String>);
type Figures = [i64; 6];

/// The figures of classes (not cancelled) of `from..=to` at `centers` (each mapped to the center
/// it is reported under), grouped by `group`, straight from the enrollments.
fn raw(
    conn: &mut centers_db::DbConnection,
    centers: &[(String, String)],
    from: i32,
    to: i32,
    group: &[&str],
) -> BTreeMap<Key, Figures> {
    let has = |d: &str| group.contains(&d);
    let mapped = centers
        .iter()
        .map(|(a, b)| format!("WHEN CAST(c.center_id AS TEXT) = '{a}' THEN '{b}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let listed = centers
        .iter()
        .map(|(a, _)| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let center = format!("CASE {mapped} END");
    let mut keys = Vec::new();
    let mut pick = |on: bool, expr: &str, name: &str| {
        if on {
            keys.push(expr.to_owned());
            format!("{expr} AS {name}")
        } else {
            format!("NULL AS {name}")
        }
    };
    let select = [
        pick(has("year"), "CAST(c.year AS BIGINT)", "year"),
        pick(has("center"), &center, "center_id"),
        pick(has("category") || has("program"), "p.category", "category"),
        pick(has("program"), "p.code", "program_code"),
    ]
    .join(", ");
    let group_by = if keys.is_empty() {
        String::new()
    } else {
        format!("GROUP BY {}", keys.join(", "))
    };
    let text = format!(
        "SELECT {select}, COUNT(DISTINCT c.id) AS classes, COUNT(e.id) AS enrollments,
                COUNT(DISTINCT e.learner_id) AS learners,
                CAST(COALESCE(SUM(CASE WHEN e.status IN ('completed', 'failed') THEN 1 ELSE 0 END), 0) AS BIGINT) AS finished,
                CAST(COALESCE(SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END), 0) AS BIGINT) AS passed,
                COUNT(cert.id) AS certificates
         FROM classes c
         JOIN programs p ON p.id = c.program_id
         LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ('enrolled', 'completed', 'failed')
         LEFT JOIN certificates cert ON cert.enrollment_id = e.id AND cert.replaced_at IS NULL
         WHERE c.year >= {from} AND c.year <= {to} AND c.status <> 'cancelled'
           AND CAST(c.center_id AS TEXT) IN ({listed})
         {group_by}"
    );
    let rows: Vec<RawRow> = match conn {
        centers_db::DbConnection::Postgresql(c) => diesel::sql_query(&text).load(c),
        centers_db::DbConnection::Sqlite(c) => diesel::sql_query(&text).load(c),
    }
    .unwrap();
    rows.into_iter()
        .filter(|r| r.classes > 0)
        .map(|r| {
            (
                (r.year, r.center_id, r.category, r.program_code),
                [
                    r.classes,
                    r.enrollments,
                    r.learners,
                    r.finished,
                    r.passed,
                    r.certificates,
                ],
            )
        })
        .collect()
}

/// A summary's rows (those with classes opened) and its total, keyed as [`raw`] keys them.
fn answered(body: &Value) -> (BTreeMap<Key, Figures>, Figures) {
    let figures = |r: &Value| {
        [
            "classes",
            "enrollments",
            "learners",
            "finished",
            "passed",
            "certificates",
        ]
        .map(|f| r[f].as_i64().unwrap())
    };
    let rows = body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["classes"].as_i64().unwrap() > 0)
        .map(|r| {
            let text = |f: &str| r[f].as_str().map(str::to_owned);
            (
                (
                    r["year"].as_i64(),
                    text("center_id"),
                    text("category"),
                    text("program_code"),
                ),
                figures(r),
            )
        })
        .collect();
    (rows, figures(&body["total"]))
}

fn ids(conn: &mut centers_db::DbConnection, text: &str) -> Vec<String> {
    let rows: Vec<IdRow> = match conn {
        centers_db::DbConnection::Postgresql(c) => diesel::sql_query(text).load(c),
        centers_db::DbConnection::Sqlite(c) => diesel::sql_query(text).load(c),
    }
    .unwrap();
    rows.into_iter().map(|r| r.id).collect()
}

/// A small deterministic generator (the test must fail the same way twice).
struct Draw(u64);

impl Draw {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, from: &'a [String]) -> &'a str {
        &from[self.next(from.len())]
    }
}

/// One random write through the one write path: the statements in one transaction, rolled
/// back whole when one fails (a drawn move that breaks a unique code, say).
fn random_write(conn: &mut centers_db::DbConnection, draw: &mut Draw) -> Result<(), String> {
    let sample = |conn: &mut centers_db::DbConnection, text: &str| ids(conn, text);
    let enrollments = sample(
        conn,
        "SELECT CAST(id AS TEXT) AS id FROM enrollments ORDER BY id LIMIT 400",
    );
    let classes = sample(
        conn,
        "SELECT CAST(id AS TEXT) AS id FROM classes ORDER BY id LIMIT 400",
    );
    let learners = sample(
        conn,
        "SELECT CAST(learner_id AS TEXT) AS id FROM enrollments ORDER BY id LIMIT 400",
    );
    let certificates = sample(
        conn,
        "SELECT CAST(id AS TEXT) AS id FROM certificates ORDER BY id LIMIT 200",
    );
    let centers = sample(
        conn,
        "SELECT CAST(id AS TEXT) AS id FROM organizations WHERE kind = 'center' ORDER BY id",
    );
    let programs = sample(
        conn,
        "SELECT CAST(id AS TEXT) AS id FROM programs ORDER BY id",
    );
    let statuses = ["enrolled", "completed", "failed", "withdrawn", "nominated"];
    let statements: Vec<String> = match draw.next(9) {
        0 | 1 => vec![format!(
            "UPDATE enrollments SET status = '{}' WHERE id = '{}'",
            statuses[draw.next(statuses.len())],
            draw.pick(&enrollments)
        )],
        2 => {
            let e = draw.pick(&enrollments);
            ["attendance", "results", "certificates"]
                .iter()
                .map(|t| format!("DELETE FROM {t} WHERE enrollment_id = '{e}'"))
                .chain([format!("DELETE FROM enrollments WHERE id = '{e}'")])
                .collect()
        }
        3 | 4 => vec![format!(
            "INSERT INTO enrollments (id, class_id, learner_id, party_organization_id, status,
                 version, created_at, updated_at)
             SELECT '{}', '{}', l.id, l.party_organization_id, '{}', 1, CURRENT_TIMESTAMP,
                 CURRENT_TIMESTAMP FROM learners l WHERE l.id = '{}'",
            uuid::Uuid::now_v7(),
            draw.pick(&classes),
            statuses[draw.next(3)],
            draw.pick(&learners)
        )],
        5 => vec![format!(
            "UPDATE certificates SET replaced_at = CURRENT_TIMESTAMP WHERE id = '{}'",
            draw.pick(&certificates)
        )],
        6 => vec![format!(
            "UPDATE classes SET status = CASE WHEN status = 'cancelled' THEN 'completed'
                 ELSE 'cancelled' END WHERE id = '{}'",
            draw.pick(&classes)
        )],
        7 => vec![format!(
            "UPDATE classes SET year = year + {} WHERE id = '{}'",
            if draw.next(2) == 0 { -1 } else { 1 },
            draw.pick(&classes)
        )],
        _ => vec![format!(
            "UPDATE classes SET center_id = '{}', program_id = '{}' WHERE id = '{}'",
            draw.pick(&centers),
            draw.pick(&programs),
            draw.pick(&classes)
        )],
    };
    centers_db::write_transaction(conn, |conn| {
        for text in &statements {
            match conn {
                centers_db::DbConnection::Postgresql(c) => diesel::sql_query(text).execute(c),
                centers_db::DbConnection::Sqlite(c) => diesel::sql_query(text).execute(c),
            }?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .map_err(|e| format!("{statements:?}: {e}"))
}

#[test]
fn kept_report_figures_equal_the_raw_sql_after_random_writes_deletes_and_imports() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let options = DemoOptions {
        from: 2019,
        to: 2020,
        seed: 7,
    };
    centers_api::cli::load_demo_data(&app.database_url, &options, false, &mut Quiet).unwrap();
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    let wrong = mismatches(&mut conn).unwrap();
    assert!(wrong.is_empty(), "after the demo load: {wrong:?}");

    // Random writes through the one write path.
    let mut draw = Draw(23);
    let mut applied = 0;
    for _ in 0..60 {
        if random_write(&mut conn, &mut draw).is_ok() {
            applied += 1;
        }
    }
    assert!(applied >= 40, "most draws apply: {applied}");
    // A program moved to another category: every learner of its classes changes groups.
    centers_db::write_transaction(&mut conn, |conn| {
        execute(
            conn,
            "UPDATE programs SET category = 'party_work' WHERE code = 'new_member'",
        );
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    // A writer outside the server (an operator's SQL) leaves its marks pending: they show as a
    // mismatch until the next write through the server settles them.
    let e = ids(
        &mut conn,
        "SELECT CAST(id AS TEXT) AS id FROM enrollments WHERE status = 'enrolled' ORDER BY id LIMIT 1",
    );
    execute(
        &mut conn,
        &format!(
            "UPDATE enrollments SET status = 'withdrawn' WHERE id = '{}'",
            e[0]
        ),
    );
    let pending = mismatches(&mut conn).unwrap();
    assert!(
        pending.iter().any(|m| m.what == "pending"),
        "an outside write is pending: {pending:?}"
    );
    drop(conn);
    check_after_outside_write(&app, &admin, &pool);
}

fn execute(conn: &mut centers_db::DbConnection, text: &str) {
    match conn {
        centers_db::DbConnection::Postgresql(c) => diesel::sql_query(text).execute(c),
        centers_db::DbConnection::Sqlite(c) => diesel::sql_query(text).execute(c),
    }
    .unwrap();
}

fn check_after_outside_write(app: &TestApp, admin: &str, pool: &centers_db::DbPool) {
    // An import through the API (new learners nominated to a class): a write of the server.
    // Nominations are taken while a class is open: one of the demo's (all ended) is reopened.
    let class = {
        let mut conn = pool.get().unwrap();
        let class = ids(
            &mut conn,
            "SELECT CAST(id AS TEXT) AS id FROM classes WHERE status <> 'cancelled' ORDER BY id LIMIT 1",
        )
        .remove(0);
        centers_db::write_transaction(&mut conn, |conn| {
            execute(
                conn,
                &format!("UPDATE classes SET status = 'open' WHERE id = '{class}'"),
            );
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
        ids(
            &mut conn,
            &format!(
                "SELECT c.code || '|' || CAST(c.year AS TEXT) || '|' || o.code AS id FROM classes c
                 JOIN organizations o ON o.id = c.center_id WHERE c.id = '{class}'"
            ),
        )
        .remove(0)
    };
    let parts: Vec<&str> = class.split('|').collect();
    let center = app.center_id(admin, parts[2]);
    app.create_party_org(admin, &center, "CB-TEST", "Chi bộ kiểm thử");
    let csv = format!(
        "external_id,party_organization_code,full_name,birth_date,gender,party_status,class_code,class_year\n\
         KT-1,CB-TEST,Lê Thị Mai,1995-04-12,female,non_member,{code},{year}\n\
         KT-2,CB-TEST,Hoàng Văn Đức,1990-02-03,male,non_member,{code},{year}\n",
        code = parts[0],
        year = parts[1]
    );
    let r = app.raw(
        "POST",
        "/api/v1/imports",
        Some(admin),
        Some(("text/csv", &csv)),
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let mut conn = pool.get().unwrap();
    let wrong = mismatches(&mut conn).unwrap();
    assert!(
        wrong.is_empty(),
        "after random writes and an import: {wrong:?}"
    );

    // Every summary the API answers equals the raw SQL: the province and one center, by every
    // grouping, one year and both.
    let all_centers: Vec<(String, String)> = ids(
        &mut conn,
        "SELECT CAST(id AS TEXT) AS id FROM organizations WHERE kind = 'center' ORDER BY id",
    )
    .into_iter()
    .map(|c| (c.clone(), c))
    .collect();
    let one = all_centers[3].0.clone();
    let center_admin = {
        app.create_user(admin, "ca.figures", "center_admin", &one);
        app.login("ca.figures", "ca.figures-password")
    };
    let groupings: [&[&str]; 8] = [
        &[],
        &["year"],
        &["center"],
        &["category"],
        &["program"],
        &["year", "center"],
        &["center", "category"],
        &["year", "center", "program"],
    ];
    for (token, centers) in [
        (admin, all_centers.clone()),
        (center_admin.as_str(), vec![(one.clone(), one.clone())]),
    ] {
        for (from, to) in [(2019, 2019), (2019, 2020), (2020, 2020)] {
            let whole = raw(&mut conn, &centers, from, to, &[]);
            let expected = whole.values().next().copied().unwrap_or_default();
            for group in groupings {
                let path = format!(
                    "/api/v1/reports/summary?from={from}&to={to}&group_by={}",
                    if group.is_empty() {
                        "year".into()
                    } else {
                        group.join(",")
                    }
                );
                let body = ok(app.get(&path, token));
                let (rows, total) = answered(&body);
                if !group.is_empty() {
                    assert_eq!(rows, raw(&mut conn, &centers, from, to, group), "{path}");
                }
                assert_eq!(total, expected, "{path}: total");
            }
        }
    }

    // Several centers but not all, straight from the db layer (a committee's scope): distinct
    // learners counted from the kept memberships, equal to the raw SQL too.
    let some: Vec<(String, String)> = all_centers.iter().take(3).cloned().collect();
    for group in [
        vec![SummaryDimension::Year],
        vec![SummaryDimension::Program],
        vec![SummaryDimension::Year, SummaryDimension::Category],
    ] {
        let filter = SummaryFilter {
            centers: CenterMap {
                pairs: some.clone(),
                every_center: false,
            },
            from: 2019,
            to: 2020,
        };
        let names: Vec<&str> = group
            .iter()
            .map(|d| match d {
                SummaryDimension::Year => "year",
                SummaryDimension::Center => "center",
                SummaryDimension::Category => "category",
                SummaryDimension::Program => "program",
            })
            .collect();
        let kept: BTreeMap<Key, Figures> = db::summary(&mut conn, &filter, &group)
            .unwrap()
            .into_iter()
            .filter(|r| r.classes > 0)
            .map(|r| {
                (
                    (
                        r.group.year.map(i64::from),
                        r.group.center_id,
                        r.group.category,
                        r.group.program_code,
                    ),
                    [
                        r.classes,
                        r.enrollments,
                        r.learners,
                        r.finished,
                        r.passed,
                        r.certificates,
                    ],
                )
            })
            .collect();
        assert_eq!(kept, raw(&mut conn, &some, 2019, 2020, &names), "{names:?}");
    }

    // A center merged into another yesterday: on the tree of today its figures count under the
    // center it joined, distinct learners across the two counted once.
    let (gone, into) = (all_centers[0].0.clone(), all_centers[1].0.clone());
    drop(conn);
    let yesterday = vietnam_today().pred_opt().unwrap();
    ok(app.post(
        &format!("/api/v1/organizations/{gone}/merge"),
        admin,
        &json!({"into": into, "valid_to": yesterday.to_string()}),
    ));
    let mut conn = pool.get().unwrap();
    // Each center under the one it was merged into, along the mergers, as of today (Thanh
    // Hóa's file also merges Đông Sơn's center into the city's in 2024).
    let today = vietnam_today();
    let merged_into: BTreeMap<String, String> = ids(
        &mut conn,
        &format!(
            "SELECT CAST(id AS TEXT) || '>' || CAST(merged_into_id AS TEXT) AS id
             FROM organizations WHERE kind = 'center' AND merged_into_id IS NOT NULL
               AND valid_to < '{today}'"
        ),
    )
    .into_iter()
    .map(|pair| {
        let (a, b) = pair.split_once('>').unwrap();
        (a.to_owned(), b.to_owned())
    })
    .collect();
    assert_eq!(merged_into.get(&gone), Some(&into));
    let mapped: Vec<(String, String)> = all_centers
        .iter()
        .map(|(c, _)| {
            let mut to = c.clone();
            while let Some(next) = merged_into.get(&to) {
                to = next.clone();
            }
            (c.clone(), to)
        })
        .collect();
    for group in [&["center"][..], &["year", "center", "program"][..]] {
        let path = format!(
            "/api/v1/reports/summary?from=2019&to=2020&group_by={}&as_of={today}",
            group.join(",")
        );
        let body = ok(app.get(&path, admin));
        let (rows, total) = answered(&body);
        assert_eq!(rows, raw(&mut conn, &mapped, 2019, 2020, group), "{path}");
        assert!(
            !rows.keys().any(|k| k.1.as_deref() == Some(gone.as_str())),
            "the merged center has no row of its own"
        );
        let whole = raw(&mut conn, &mapped, 2019, 2020, &[]);
        assert_eq!(Some(&total), whole.values().next(), "{path}: total");
    }
    // Before the merger the tree had both.
    let body = ok(app.get(
        &format!("/api/v1/reports/summary?from=2019&to=2020&group_by=center&as_of={yesterday}"),
        admin,
    ));
    assert!(answered(&body)
        .0
        .keys()
        .any(|k| k.1.as_deref() == Some(gone.as_str())));
}
