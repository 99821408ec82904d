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
    // Learners come back (a new member who took the party-admission class, a member at several
    // classes): fewer people than learner-enrollments.
    let learners = total["learners"].as_i64().unwrap();
    assert!(learners < 117_342 && learners > 80_000, "{learners}");
    // What a center would recognise in the demo: no session on a Sunday; the intermediate
    // classes taught by the school's lecturers; each director a district leader serving
    // concurrently (the propaganda head); plans approved by the governing standing committee.
    let sunday = if app.db.is_postgres() {
        "EXTRACT(DOW FROM session_date) = 0"
    } else {
        "strftime('%w', session_date) = '0'"
    };
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) AS n FROM class_sessions WHERE {sunday}")
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM class_sessions s JOIN classes c ON c.id = s.class_id \
             JOIN programs p ON p.id = c.program_id JOIN lecturers l ON l.id = s.lecturer_id \
             JOIN organizations o ON o.id = l.organization_id \
             WHERE p.code = 'intermediate_theory' AND o.kind <> 'provincial_school'"
        ),
        0
    );
    assert!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM class_sessions s JOIN classes c ON c.id = s.class_id \
             JOIN programs p ON p.id = c.program_id WHERE p.code = 'intermediate_theory'"
        ) > 0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM lecturers WHERE position = 'director' \
             AND (kind <> 'part_time' OR leadership_post NOT LIKE 'Trưởng Ban Tuyên giáo%')"
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM training_plans \
             WHERE decision_signer NOT LIKE 'T/M Ban Thường vụ%'"
        ),
        0
    );
    // Every class of the 2019-only data opened in 2019, so all of them ran in it.
    assert_eq!(total["classes_running"], 1_188);
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
    assert_eq!(
        total["learners"],
        count(
            &app,
            "SELECT COUNT(DISTINCT e.learner_id) AS n FROM enrollments e \
             JOIN classes c ON c.id = e.class_id \
             WHERE c.year = 2019 AND e.status IN ('enrolled', 'completed', 'failed')"
        )
    );
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
        csv.starts_with("\u{feff}Năm,Nhóm chương trình,Số lớp mở,Số lớp đang học,Lượt học viên"),
        "{csv}"
    );
    assert!(csv.contains("Tổng cộng,,1188,1188,117342"), "{csv}");
    // People read labels, percentages with a decimal comma; JSON keeps codes and ratios.
    assert!(
        csv.contains("2019,Bồi dưỡng nhận thức về Đảng,") && !csv.contains("party_admission"),
        "{csv}"
    );
    let total_line = csv.lines().find(|l| l.starts_with("Tổng cộng")).unwrap();
    let rate = total_line.rsplit(",\"").next().unwrap_or_default();
    assert!(
        total_line.contains(" %\"") && rate.contains(','),
        "{total_line}"
    );
    let json = app.get(
        "/api/v1/reports/summary?from=2019&group_by=year,category",
        &admin,
    );
    assert!(json.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["category"] == "party_admission"));
    assert!(json.body["total"]["pass_rate"].as_f64().unwrap() < 1.0);
    // The labels, in one place, for front ends and in the OpenAPI document.
    let labels = app.get("/api/v1/labels", &admin);
    assert_eq!(labels.status, 200, "{}", labels.text);
    assert_eq!(
        labels.body["ProgramCategory"]["party_admission"],
        "Bồi dưỡng nhận thức về Đảng"
    );
    assert_eq!(labels.body["Conduct"]["good"], "Tốt");
    let spec = app.request("GET", "/api/v1/openapi.json", None, None, &[]);
    let schema = &spec.body["components"]["schemas"]["ProgramCategory"];
    assert_eq!(
        schema["x-enum-descriptions"].as_array().unwrap().len(),
        schema["enum"].as_array().unwrap().len()
    );
    assert_eq!(
        schema["x-enum-descriptions"][0],
        labels.body["ProgramCategory"]["party_admission"]
    );
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
        sheet.get((0, 3)).map(|c| c.to_string()),
        Some("Lượt học viên".into())
    );
    assert_eq!(
        sheet.get((1, 3)).map(|c| c.to_string()),
        Some("117342".into())
    );
    // Labels in XLSX too, and the pass rate a number formatted as a percentage.
    let (status, _, xlsx) = app.get_bytes(
        "/api/v1/reports/summary?from=2019&group_by=year,category",
        &admin,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(status, 200);
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Kết quả").unwrap();
    let categories: Vec<String> = (1..sheet.height())
        .filter_map(|r| sheet.get((r, 1)).map(|c| c.to_string()))
        .collect();
    assert!(
        categories
            .iter()
            .any(|c| c == "Bồi dưỡng nhận thức về Đảng"),
        "{categories:?}"
    );
    assert!(!categories.iter().any(|c| c == "party_admission"));
    let rate_column = (0..sheet.width())
        .find(|c| sheet.get((0, *c)).map(|h| h.to_string()) == Some("Tỷ lệ đạt".into()))
        .unwrap();
    assert!(matches!(
        sheet.get((1, rate_column)),
        Some(calamine::Data::Float(f)) if *f > 0.5 && *f <= 1.0
    ));

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

    the_other_reports_agree_with_sql(&app, &admin, &ca);

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
        centers_api::app::seed_reference_data(&mut conn, None).unwrap();
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

fn csv_of(app: &TestApp, path: &str, token: &str) -> String {
    let (status, _, body) = app.get_bytes(path, token, "text/csv");
    assert_eq!(status, 200, "{path}");
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with('\u{feff}'), "{path}: {text}");
    text
}

fn xlsx_header(app: &TestApp, path: &str, token: &str) -> String {
    use calamine::Reader;
    let (status, _, body) = app.get_bytes(
        path,
        token,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(status, 200, "{path}");
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(body)).unwrap();
    let sheet = book.worksheet_range("Kết quả").unwrap();
    sheet.get((0, 0)).map(|c| c.to_string()).unwrap_or_default()
}

fn sum_of(rows: &serde_json::Value, field: &str) -> i64 {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r[field].as_i64().unwrap())
        .sum()
}

/// Plan fulfilment, lecturers, quality, outcomes, coverage and trends on the 2019 demo data:
/// each against an independent count in SQL, a center's view, the tables and bad parameters.
fn the_other_reports_agree_with_sql(app: &TestApp, admin: &str, center_admin: &str) {
    let in_2019 = "c.year = 2019 AND c.status <> 'cancelled'";

    // Plan fulfilment: every held class counts once, toward a line or outside the plan.
    let r = app.get("/api/v1/reports/plan-fulfilment?year=2019", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let t = &r.body["total"];
    assert_eq!(
        t["held_classes"].as_i64().unwrap() + t["outside_plan_classes"].as_i64().unwrap(),
        1_188
    );
    assert_eq!(
        t["learners"].as_i64().unwrap() + t["outside_plan_learners"].as_i64().unwrap(),
        117_342
    );
    assert_eq!(
        t["planned_classes"],
        count(
            app,
            "SELECT COALESCE(SUM(l.planned_classes), 0) AS n FROM training_plan_lines l \
             JOIN training_plans p ON p.id = l.plan_id WHERE p.year = 2019 AND p.status = 'approved'"
        )
    );
    let approved_lines = count(
        app,
        "SELECT COUNT(*) AS n FROM training_plan_lines l JOIN training_plans p ON p.id = l.plan_id \
         WHERE p.year = 2019 AND p.status = 'approved'",
    );
    let lines = r.body["lines"].as_array().unwrap();
    assert_eq!(
        lines.iter().filter(|l| !l["line_id"].is_null()).count() as i64,
        approved_lines
    );
    assert!(approved_lines > 0);
    assert_eq!(sum_of(&r.body["lines"], "held_classes"), 1_188);
    let centers = r.body["centers"].as_array().unwrap();
    assert_eq!(centers.len(), 27);
    assert_eq!(
        sum_of(&r.body["centers"], "held_classes"),
        t["held_classes"].as_i64().unwrap()
    );
    let own = app.get("/api/v1/reports/plan-fulfilment?year=2019", center_admin);
    assert_eq!(
        own.body["centers"].as_array().unwrap().len(),
        1,
        "{}",
        own.text
    );
    let own_id = own.body["centers"][0]["center_id"].clone();
    let same = centers.iter().find(|c| c["center_id"] == own_id).unwrap();
    assert_eq!(&own.body["centers"][0], same);
    assert!(
        csv_of(app, "/api/v1/reports/plan-fulfilment?year=2019", admin)
            .starts_with("\u{feff}Mã trung tâm,Trung tâm,Mã chương trình,Chương trình,Quý")
    );

    // Lecturers: every taught period of 2019, by kind, the part-time share as the teaching
    // report computes it.
    let r = app.get("/api/v1/reports/lecturers?year=2019", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let periods = count(
        app,
        "SELECT COALESCE(SUM(periods), 0) AS n FROM class_sessions \
         WHERE status = 'taught' AND session_date >= '2019-01-01' AND session_date <= '2019-12-31'",
    );
    assert!(periods > 0);
    assert_eq!(r.body["periods_taught"], periods);
    assert_eq!(sum_of(&r.body["by_kind"], "periods_taught"), periods);
    assert_eq!(sum_of(&r.body["items"], "periods_taught"), periods);
    let teaching = app.get("/api/v1/reports/teaching?year=2019", admin);
    assert_eq!(teaching.status, 200, "{}", teaching.text);
    assert_eq!(
        r.body["part_time_share"], teaching.body["total"]["part_time_share"],
        "{}",
        r.text
    );
    let part_time = &r.body["by_kind"].as_array().unwrap()[1];
    assert_eq!(part_time["kind"], "part_time");
    assert!(part_time["periods_taught"].as_i64().unwrap() > 0);
    let items = r.body["items"].as_array().unwrap();
    let staff = items
        .iter()
        .find(|l| l["kind"] == "full_time" && l["periods_taught"].as_i64() > Some(0))
        .unwrap();
    assert!(
        staff["norm_lecturing_hours"].as_i64().unwrap() > 0,
        "{staff}"
    );
    assert!(staff["standard_hours"].as_f64().unwrap() > 0.0);
    // Norms: full-time staff by position; of the district leaders only the one directing the
    // center concurrently (the propaganda head), with the director's norm; visitors none.
    assert!(items.iter().all(|l| l["kind"] == "full_time"
        || l["norm_position"].is_null()
        || (l["kind"] == "part_time" && l["norm_position"] == "director")));
    assert!(items
        .iter()
        .any(|l| l["kind"] == "part_time" && l["norm_position"] == "director"));
    let own = app.get("/api/v1/reports/lecturers?year=2019", center_admin);
    assert_eq!(own.status, 200, "{}", own.text);
    let own_items = own.body["items"].as_array().unwrap();
    assert!(!own_items.is_empty() && own_items.len() < items.len());
    assert!(own_items
        .iter()
        .all(|l| l["organization_id"] == own_items[0]["organization_id"]));
    assert_eq!(
        xlsx_header(app, "/api/v1/reports/lecturers?year=2019", admin),
        "Đơn vị"
    );

    // Quality: sessions and visits of 2019; the lesson plans were approved in December 2018,
    // 3 to 12 days after they were drafted.
    let r = app.get("/api/v1/reports/quality?year=2019", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let t = &r.body["total"];
    assert_eq!(
        t["sessions_taught"],
        count(
            app,
            "SELECT COUNT(*) AS n FROM class_sessions WHERE status = 'taught' \
             AND session_date >= '2019-01-01' AND session_date <= '2019-12-31'"
        )
    );
    assert_eq!(
        t["sessions_using_it"],
        count(
            app,
            "SELECT COUNT(*) AS n FROM class_sessions s JOIN lesson_plans lp ON lp.id = s.lesson_plan_id \
             WHERE s.status = 'taught' AND lp.uses_it AND s.session_date >= '2019-01-01' \
             AND s.session_date <= '2019-12-31'"
        )
    );
    let visits = count(
        app,
        "SELECT COUNT(*) AS n FROM class_visits v JOIN class_sessions s ON s.id = v.session_id \
         WHERE s.session_date >= '2019-01-01' AND s.session_date <= '2019-12-31'",
    );
    assert!(visits > 0);
    assert_eq!(t["visits"], visits);
    assert_eq!(sum_of(&t["visit_ratings"], "visits"), visits);
    assert_eq!(
        t["average_visit_score"],
        teaching.body["total"]["average_visit_score"]
    );
    assert_eq!(t["lesson_plans_approved"], 0);
    let r = app.get("/api/v1/reports/quality?year=2018", admin);
    let t = &r.body["total"];
    assert_eq!(
        t["lesson_plans_approved"],
        count(
            app,
            "SELECT COUNT(*) AS n FROM lesson_plans WHERE approved_on >= '2018-01-01' \
             AND approved_on <= '2018-12-31'"
        )
    );
    let mean = t["approval_days_mean"].as_f64().unwrap();
    let median = t["approval_days_median"].as_f64().unwrap();
    assert!(
        (3.0..=12.0).contains(&mean) && (3.0..=12.0).contains(&median),
        "{t}"
    );
    assert!(csv_of(app, "/api/v1/reports/quality?year=2019", admin).contains("Tỷ lệ ứng dụng CNTT"));

    // Outcomes: every finished enrollment once in the grades and once in the conduct.
    let r = app.get("/api/v1/reports/outcomes?from=2019&group_by=center", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let t = &r.body["total"];
    let finished = count(
        app,
        &format!(
            "SELECT COUNT(*) AS n FROM enrollments e JOIN classes c ON c.id = e.class_id \
             WHERE {in_2019} AND e.status IN ('completed', 'failed')"
        ),
    );
    assert!(finished > 0);
    assert_eq!(t["finished"], finished);
    assert_eq!(sum_of(&t["grades"], "enrollments"), finished);
    assert_eq!(sum_of(&t["conduct"], "enrollments"), finished);
    assert_eq!(sum_of(&r.body["rows"], "finished"), finished);
    let summary = app.get("/api/v1/reports/summary?from=2019", admin);
    assert_eq!(t["passed"], summary.body["total"]["passed"]);
    let band = |code: &str| {
        t["grades"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["code"] == code)
            .unwrap()["enrollments"]
            .as_i64()
            .unwrap()
    };
    let scored = |condition: &str| {
        count(
            app,
            &format!(
                "SELECT COUNT(*) AS n FROM enrollments e JOIN classes c ON c.id = e.class_id \
                 JOIN results r ON r.enrollment_id = e.id WHERE {in_2019} \
                 AND e.status IN ('completed', 'failed') \
                 AND {condition}"
            ),
        )
    };
    let fin = "COALESCE(r.retake_tenths, r.score_tenths)";
    assert_eq!(band("khong_dat"), scored(&format!("{fin} < 50")));
    assert_eq!(
        band("trung_binh"),
        scored(&format!("{fin} >= 50 AND {fin} < 70"))
    );
    assert_eq!(band("xuat_sac"), scored(&format!("{fin} >= 90")));
    assert!(band("gioi") > 0);
    assert_eq!(r.body["rows"].as_array().unwrap().len(), 27);
    let own = app.get(
        "/api/v1/reports/outcomes?from=2019&group_by=center",
        center_admin,
    );
    let own_row = &own.body["rows"][0];
    let same = r.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["center_id"] == own_row["center_id"])
        .unwrap();
    assert_eq!(own_row, same);
    assert!(csv_of(
        app,
        "/api/v1/reports/outcomes?from=2019&group_by=category",
        admin
    )
    .contains("Xếp loại: Giỏi"));

    // Coverage: reserve cadres (the default) in 27 of 27 districts in 2019, of the 2020–2025
    // term typed with a hyphen; none of the 2021–2026 term yet.
    let r = app.get("/api/v1/reports/coverage?from=2019", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["category"], "reserve_cadre");
    assert_eq!(
        (
            r.body["centers_covered"].as_i64(),
            r.body["centers_total"].as_i64()
        ),
        (Some(27), Some(27))
    );
    assert_eq!(
        r.body["classes"],
        count(
            app,
            &format!(
                "SELECT COUNT(*) AS n FROM classes c JOIN programs p ON p.id = c.program_id \
                 WHERE {in_2019} AND p.category = 'reserve_cadre'"
            )
        )
    );
    let term = app.get("/api/v1/reports/coverage?from=2019&term=2020-2025", admin);
    assert_eq!(term.body["centers_covered"], 27, "{}", term.text);
    let later = app.get("/api/v1/reports/coverage?from=2019&term=2021-2026", admin);
    assert_eq!(later.body["centers_covered"], 0, "{}", later.text);
    assert!(later.body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["covered"] == false));
    let intermediate = app.get(
        "/api/v1/reports/coverage?from=2019&program=intermediate_theory",
        admin,
    );
    assert_eq!(intermediate.body["classes"], 33, "{}", intermediate.text);
    let own = app.get("/api/v1/reports/coverage?from=2019", center_admin);
    assert_eq!(
        (
            own.body["centers_covered"].as_i64(),
            own.body["centers_total"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert!(csv_of(app, "/api/v1/reports/coverage?from=2019", admin).contains("27/27 trung tâm"));

    // Trends: every year of the range, each against the one before.
    let r = app.get("/api/v1/reports/trends?from=2018&to=2019", admin);
    assert_eq!(r.status, 200, "{}", r.text);
    let rows = r.body["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["year"].as_i64(), rows[0]["classes"].as_i64()),
        (Some(2018), Some(0))
    );
    assert!(rows[0]["classes_change"].is_null());
    assert_eq!(rows[1]["classes"], 1_188);
    assert_eq!(rows[1]["classes_change"], 1_188);
    assert_eq!(rows[1]["enrollments_change"], 117_342);
    assert!(rows[1]["enrollments_growth"].is_null());
    let by_category = app.get("/api/v1/reports/trends?from=2019&series=category", admin);
    assert_eq!(sum_of(&by_category.body["rows"], "enrollments"), 117_342);
    assert!(csv_of(
        app,
        "/api/v1/reports/trends?from=2018&to=2019&series=category",
        admin
    )
    .starts_with("\u{feff}Nhóm chương trình,Năm,Số lớp"));

    // The plans and teaching overviews as tables too.
    assert!(csv_of(app, "/api/v1/reports/plans?year=2019", admin).contains("Tổng cộng (đã duyệt)"));
    assert_eq!(
        xlsx_header(app, "/api/v1/reports/teaching?year=2019", admin),
        "Mã trung tâm"
    );

    // Years before the province's first policy version (2019) are read under the first.
    for path in [
        "/reports/lecturers?year=2017",
        "/reports/outcomes?from=2000&to=2100",
    ] {
        let r = app.get(&format!("/api/v1{path}"), admin);
        assert_eq!(r.status, 200, "{path}: {}", r.text);
    }

    // Bad parameters are named: malformed is a 400, well-formed against a rule a 422.
    for (path, status, field) in [
        ("/reports/trends?from=2019&series=year", 422, "series"),
        (
            "/reports/trends?from=2019&series=center,category",
            422,
            "series",
        ),
        ("/reports/trends?from=2020&to=2019", 422, "from"),
        (
            "/reports/coverage?from=2019&category=reserve_cadre&program=x",
            422,
            "program",
        ),
        (
            "/reports/coverage?from=2019&category=cadres",
            400,
            "category",
        ),
        (
            "/reports/outcomes?from=2019&group_by=district",
            422,
            "group_by",
        ),
        ("/reports/outcomes?from=19", 400, "from"),
        ("/reports/plan-fulfilment", 400, "year"),
        ("/reports/lecturers?year=1990", 400, "year"),
        ("/reports/quality?year=x", 400, "year"),
    ] {
        let r = app.get(&format!("/api/v1{path}"), admin);
        assert_eq!(r.problem(status)["errors"][0]["field"], field, "{path}");
    }

    // The summary is answered from memory while the data is unchanged, and a change is seen at
    // once: the cache is keyed by the change counter.
    let before = app.get("/api/v1/reports/summary?from=2019", admin);
    assert_eq!(before.body["total"]["classes"], 1_188);
    let programs = app.get("/api/v1/programs?limit=100", admin);
    let program = programs.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "party_admission")
        .unwrap()["id"]
        .clone();
    let r = app.post(
        "/api/v1/classes",
        admin,
        &serde_json::json!({"center_id": app.center_id(admin, "406"), "program_id": program,
            "code": "CACHE-1", "name": "Lớp CACHE-1", "mode": "concentrated",
            "start_date": "2019-12-02", "end_date": "2019-12-06", "capacity": 30}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let after = app.get("/api/v1/reports/summary?from=2019", admin);
    assert_eq!(after.body["total"]["classes"], 1_189, "{}", after.text);
}

#[test]
fn a_class_running_over_two_years_counts_once_as_opened_and_in_both_as_running() {
    let app = TestApp::spawn();
    let admin = app.admin_token();
    let center = app.center_id(&admin, "406");
    let programs = app.get("/api/v1/programs?limit=500", &admin).body["items"].clone();
    let intermediate = programs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "intermediate_theory")
        .unwrap()["id"]
        .clone();
    // A non-concentrated intermediate class, September 2019 to October 2020.
    let r = app.post(
        "/api/v1/classes",
        &admin,
        &serde_json::json!({"center_id": center, "program_id": intermediate, "code": "TC-19",
                "name": "Lớp trung cấp không tập trung", "mode": "non_concentrated",
                "start_date": "2019-09-09", "end_date": "2020-10-30", "capacity": 60}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let s = app.get(
        "/api/v1/reports/summary?from=2019&to=2021&group_by=year",
        &admin,
    );
    assert_eq!(s.status, 200, "{}", s.text);
    let by_year: Vec<(i64, i64, i64)> = s.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["year"].as_i64().unwrap(),
                r["classes"].as_i64().unwrap(),
                r["classes_running"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(by_year, vec![(2019, 1, 1), (2020, 0, 1)], "{}", s.text);
    assert_eq!(
        (
            &s.body["total"]["classes"],
            &s.body["total"]["classes_running"]
        ),
        (&serde_json::json!(1), &serde_json::json!(1))
    );
    let t = app.get("/api/v1/reports/trends?from=2019&to=2021", &admin);
    assert_eq!(t.status, 200, "{}", t.text);
    let series: Vec<(i64, i64)> = t.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["classes"].as_i64().unwrap(),
                r["classes_running"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(series, vec![(1, 1), (0, 1), (0, 0)]);
    // Spreadsheets show both columns.
    let (status, _, csv) = app.get_bytes(
        "/api/v1/reports/summary?from=2019&to=2021&group_by=year",
        &admin,
        "text/csv",
    );
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("2020,0,1,")), "{csv}");
}
