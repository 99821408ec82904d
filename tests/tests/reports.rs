//! The province's picture: demo data at seed scale and the summary report, on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL. The 2019 totals must be the article's, by the API and by an
//! independent count in SQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_db::demo::{DemoOptions, Quiet};
use centers_tests::TestApp;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(app: &TestApp, sql: &str) -> i64 {
    let pool = app.db_pool();
    let mut conn = pool.get().unwrap();
    diesel::sql_query(sql)
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n
}

#[test]
fn demo_data_reproduces_the_2019_figures_in_the_summary_and_in_sql() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let options = DemoOptions {
        from: 2019,
        to: 2019,
        seed: 42,
    };
    let report =
        centers_api::cli::load_demo_data(&app.database_url, &options, false, &mut Quiet).unwrap();
    assert_eq!(report.years, vec![(2019, 1_188, 117_342)]);

    // The summary, as the province's dashboard asks for it.
    let r = app.get("/api/v1/reports/summary?from=2019&to=2019", &admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let total = &r.body["total"];
    assert_eq!(total["classes"], 1_188);
    assert_eq!(total["enrollments"], 117_342);
    assert_eq!(r.body["rows"][0]["year"], 2019);
    assert_eq!(r.body["rows"][0]["enrollments"], 117_342);

    // An independent count: classes held in 2019, enrollments that took part (not withdrawn).
    let classes = count(
        &app,
        "SELECT COUNT(*) AS n FROM classes WHERE year = 2019 AND status <> 'cancelled'",
    );
    let enrollments = count(
        &app,
        "SELECT COUNT(*) AS n FROM enrollments e JOIN classes c ON c.id = e.class_id \
         WHERE c.year = 2019 AND e.status IN ('enrolled', 'completed', 'failed')",
    );
    let certificates = count(
        &app,
        "SELECT COUNT(*) AS n FROM certificates x JOIN enrollments e ON e.id = x.enrollment_id \
         JOIN classes c ON c.id = e.class_id WHERE c.year = 2019 AND x.replaced_at IS NULL",
    );
    assert_eq!((classes, enrollments), (1_188, 117_342));
    assert_eq!(total["certificates"], certificates);
    assert!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM enrollments WHERE status = 'withdrawn'"
        ) > 0,
        "withdrawn enrollments exist and are not counted"
    );
    // 33 non-concentrated intermediate classes with the school; reserve cadres in 27 of 27.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM classes c JOIN programs p ON p.id = c.program_id \
             WHERE c.year = 2019 AND p.code = 'intermediate_theory' AND c.mode = 'non_concentrated' \
             AND c.partner_id IS NOT NULL"
        ),
        33
    );
    let r = app.get(
        "/api/v1/reports/summary?from=2019&group_by=center,program",
        &admin,
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let rows = r.body["rows"].as_array().unwrap();
    let reserve: Vec<_> = rows
        .iter()
        .filter(|r| r["program_code"] == "reserve_cadre" && r["classes"].as_i64() > Some(0))
        .collect();
    assert_eq!(reserve.len(), 27);
    let intermediate: i64 = rows
        .iter()
        .filter(|r| r["program_code"] == "intermediate_theory")
        .map(|r| r["classes"].as_i64().unwrap())
        .sum();
    assert_eq!(intermediate, 33);
    let by_rows: i64 = rows
        .iter()
        .map(|r| r["enrollments"].as_i64().unwrap())
        .sum();
    assert_eq!(by_rows, 117_342);
    let passed = total["passed"].as_i64().unwrap();
    let finished = total["finished"].as_i64().unwrap();
    assert!(passed > 0 && passed <= finished && finished <= 117_342);
    assert_eq!(
        total["pass_rate"].as_f64().unwrap(),
        passed as f64 / finished as f64
    );

    // A center sees itself only, the same figures as the province's row for it.
    let center = app.center_id(&admin, "406");
    app.create_user(&admin, "ca.406", "center_admin", &center);
    let ca = app.login("ca.406", "ca.406-password");
    let own = app.get("/api/v1/reports/summary?from=2019&group_by=center", &ca);
    assert_eq!(own.status, 200, "{}", own.text);
    assert_eq!(own.body["rows"].as_array().unwrap().len(), 1);
    let province = app.get("/api/v1/reports/summary?from=2019&group_by=center", &admin);
    let same = province.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["center_id"] == center.as_str())
        .unwrap()
        .clone();
    assert_eq!(own.body["rows"][0], same);
    assert_eq!(own.body["total"]["classes"], same["classes"]);

    // CSV and XLSX with Vietnamese headers, read back.
    let (status, _, csv) = app.get_bytes(
        "/api/v1/reports/summary?from=2019&group_by=year,category",
        &admin,
        "text/csv",
    );
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}Năm,Nhóm chương trình,Số lớp,Lượt học viên"),
        "{csv}"
    );
    assert!(csv.contains("Tổng cộng,,1188,117342"), "{csv}");
    let (status, _, xlsx) = app.get_bytes(
        "/api/v1/reports/summary?from=2019",
        &admin,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(status, 200);
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Kết quả").unwrap();
    assert_eq!(
        sheet.get((0, 2)).map(|c| c.to_string()),
        Some("Lượt học viên".into())
    );
    assert_eq!(
        sheet.get((1, 2)).map(|c| c.to_string()),
        Some("117342".into())
    );

    // Bad parameters are named.
    // Malformed values are a 400; well-formed ones that break a rule together are a 422.
    for (query, status, field) in [
        ("from=2019&group_by=district", 422, "group_by"),
        ("from=2019&group_by=category,program", 422, "group_by"),
        ("from=2020&to=2019", 422, "from"),
        ("from=1990", 400, "from"),
        ("to=2019", 400, "from"),
        ("from=2019&as_of=yesterday", 400, "as_of"),
    ] {
        let r = app.get(&format!("/api/v1/reports/summary?{query}"), &admin);
        assert_eq!(r.problem(status)["errors"][0]["field"], field, "{query}");
    }

    // A second load is refused: the database holds data now.
    let again = centers_api::cli::load_demo_data(&app.database_url, &options, false, &mut Quiet);
    assert!(again.unwrap_err().to_string().contains("--force"));
}

#[test]
fn lists_and_reports_go_to_the_read_replica_and_single_reads_to_the_primary() {
    // A "replica" that is another database with the same schema and its own tree: whatever a
    // list shows comes from it, so the routing is visible.
    let (replica_db, replica_url) = centers_tests::TestDb::new();
    {
        let pool =
            centers_db::build_pool(&replica_url, 1, std::time::Duration::from_secs(10)).unwrap();
        let mut conn = pool.get().unwrap();
        centers_db::run_migrations(&mut conn).unwrap();
        centers_api::app::seed_reference_data(&mut conn).unwrap();
    }
    let url = replica_url.clone();
    let app = TestApp::spawn_with(move |s| s.database_read_url = Some(url));
    let admin = app.admin_token();
    // A center of the primary, read from its database; then a single read through the API.
    let center: String = {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Text)]
            id: String,
        }
        let pool = app.db_pool();
        let mut conn = pool.get().unwrap();
        let sql = if app.db.is_postgres() {
            "SELECT CAST(id AS TEXT) AS id FROM organizations WHERE kind = 'center' AND code = '406'"
        } else {
            "SELECT id FROM organizations WHERE kind = 'center' AND code = '406'"
        };
        diesel::sql_query(sql)
            .get_result::<Row>(&mut conn)
            .unwrap()
            .id
    };
    let r = app.get(&format!("/api/v1/organizations/{center}"), &admin);
    assert_eq!(r.status, 200, "{}", r.text);
    // The replica's tree has other ids: the admin's scope (the primary's province) holds none of
    // its centers, so the list from the replica is empty while the primary has 27.
    let list = app.get("/api/v1/centers?limit=100", &admin);
    assert_eq!(list.status, 200, "{}", list.text);
    assert_eq!(
        list.body["items"].as_array().unwrap().len(),
        0,
        "{}",
        list.text
    );
    let summary = app.get("/api/v1/reports/summary?from=2019", &admin);
    assert_eq!(summary.status, 200, "{}", summary.text);
    drop(app);
    drop(replica_db);

    // The replica pointing at the primary's own database: everything as without one.
    let (db, url) = centers_tests::TestDb::new();
    let read = url.clone();
    let app = TestApp::spawn_on(db, url, move |s| s.database_read_url = Some(read));
    let admin = app.admin_token();
    assert_eq!(
        app.get("/api/v1/centers?limit=100", &admin).body["items"]
            .as_array()
            .unwrap()
            .len(),
        27
    );
    let center = app.center_id(&admin, "406");
    app.create_party_org(&admin, &center, "CB-R", "Chi bộ đọc từ bản sao");
    let listed = app.get(
        &format!("/api/v1/party-organizations?center_id={center}"),
        &admin,
    );
    assert_eq!(listed.body["items"][0]["code"], "CB-R", "{}", listed.text);
}

#[test]
fn lists_page_by_row_values_and_count_only_when_asked() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    for sort in ["name", "-name", "code", "-code"] {
        let whole = app.get(&format!("/api/v1/centers?limit=100&sort={sort}"), &admin);
        let expected: Vec<String> = whole.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(expected.len(), 27);
        // Page by page without counting: the same rows in the same order, no total.
        let mut seen = Vec::new();
        let mut cursor = String::new();
        loop {
            let r = app.get(
                &format!("/api/v1/centers?limit=4&sort={sort}&total=false&cursor={cursor}"),
                &admin,
            );
            assert_eq!(r.status, 200, "{}", r.text);
            assert!(r.body["total"].is_null(), "{}", r.text);
            seen.extend(
                r.body["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["id"].as_str().unwrap().to_owned()),
            );
            match r.body["next_cursor"].as_str() {
                Some(c) => cursor = c.to_owned(),
                None => break,
            }
        }
        assert_eq!(seen, expected, "{sort}");
    }
    assert_eq!(app.get("/api/v1/centers?limit=1", &admin).body["total"], 27);
    let r = app.get("/api/v1/centers?total=maybe", &admin);
    assert_eq!(r.problem(400)["errors"][0]["field"], "total");
}
