//! Demo data: five years of a province's training at seed scale, deterministic from a seed, for
//! dashboards, reports and benchmarks. The year 2019 reproduces the article's figures exactly:
//! 1,188 classes, 117,342 learner-enrollments, 33 non-concentrated intermediate classes with the
//! school, reserve-cadre classes in 27 of 27 districts. Other years lie plausibly around them.
//!
//! Rows are made in memory under the domain's rules (eligibility by program, pass by score and
//! attendance, certificates only for completed enrollments, numbered per center and year without
//! gaps) and written with multi-row INSERTs per backend (`db_run!`), in one transaction. Ids come
//! from the seeded generator (UUIDv4 bits), so the same seed gives the same data. A load of demo
//! data is one audit event, not one per row: it is a fixture, not the work of a person.

use crate::schema::{
    attendance, certificate_counters, certificates, class_sessions, class_visits, classes,
    enrollments, learners, lecturers, lesson_plans, organization_periods, organizations,
    program_topics, programs, results, training_plan_lines, training_plans,
};
use crate::{DbConnection, Id};
use centers_domain::learners::{check_eligibility, Applicant, PartyStatus};
use centers_domain::organizations::OrganizationKind;
use centers_domain::policies::PolicySet;
use centers_domain::programs::{EligibilityRule, MembershipRequirement};
use centers_domain::text::fold;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub from: i32,
    pub to: i32,
    pub seed: u64,
}

/// Reports the work as it goes (a progress bar on the command line; nothing in tests).
pub trait Progress {
    fn stage(&mut self, name: &str, total: u64);
    fn advance(&mut self, n: u64);
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&mut self, _: &str, _: u64) {}
    fn advance(&mut self, _: u64) {}
}

/// Rows written, per table, and the figures per year.
#[derive(Debug, Default, Clone)]
pub struct DemoReport {
    pub rows: Vec<(&'static str, usize)>,
    /// (year, classes, learner-enrollments)
    pub years: Vec<(i32, usize, usize)>,
}

/// The article's year and its figures.
pub const ARTICLE_YEAR: i32 = 2019;
pub const ARTICLE_CLASSES: usize = 1_188;
pub const ARTICLE_ENROLLMENTS: usize = 117_342;
pub const ARTICLE_NON_CONCENTRATED_INTERMEDIATE: usize = 33;

/// Tables the demo writes (beyond reference data), in an order that deletes children first.
const OPERATIONAL_TABLES: &[&str] = &[
    "certificates",
    "certificate_counters",
    "results",
    "attendance",
    "class_visits",
    "enrollments",
    "learners",
    "class_sessions",
    "lesson_plans",
    "lecturer_activities",
    "classes",
    "training_plan_lines",
    "training_plans",
    "lecturers",
];

/// Whether the database holds data beyond the reference data (organizations of the tree,
/// programs, policies, accounts): any plan, lecturer, class or learner.
pub fn holds_operational_data(conn: &mut DbConnection) -> QueryResult<bool> {
    let any = |n: i64| n > 0;
    Ok(any(training_plans::table.count().get_result(conn)?)
        || any(lecturers::table.count().get_result(conn)?)
        || any(classes::table.count().get_result(conn)?)
        || any(learners::table.count().get_result(conn)?))
}

/// Deletes every plan, lecturer, class, learner and what hangs on them, and the demo's party
/// organizations (external id `demo:...`): what `--force` replaces. Accounts, the organization
/// tree, programs, policies and the audit log stay.
pub fn wipe_operational_data(conn: &mut DbConnection) -> QueryResult<()> {
    // History rows of the workflows refer to the records by id only.
    diesel::sql_query("DELETE FROM workflow_transitions").execute(conn)?;
    for table in OPERATIONAL_TABLES {
        diesel::sql_query(format!("DELETE FROM {table}")).execute(conn)?;
    }
    diesel::delete(organizations::table.filter(organizations::external_id.like("demo:%")))
        .execute(conn)?;
    Ok(())
}

fn uuid(rng: &mut StdRng) -> Id {
    Id(uuid::Builder::from_random_bytes(rng.gen()).into_uuid())
}

fn at(day: NaiveDate, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(minute / 60, minute % 60, 0)
        .unwrap_or_default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Inserts `rows` (tuples of `column.eq(value)`) in multi-row statements of at most `per` rows.
macro_rules! insert_all {
    ($conn:expr, $table:path, $rows:expr, $per:expr, $progress:expr) => {{
        let rows = $rows;
        for chunk in rows.chunks($per) {
            $crate::db_run!(&mut *$conn, |c| diesel::insert_into($table)
                .values(chunk)
                .execute(c))?;
            $progress.advance(chunk.len() as u64);
        }
        rows.len()
    }};
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Lê", "Trần", "Hoàng", "Phạm", "Vũ", "Đỗ", "Bùi", "Ngô", "Đặng", "Trịnh", "Lò", "Hà",
    "Cầm", "Lương", "Mai", "Đinh", "Quách", "Phùng", "Tống",
];
const MIDDLE_MALE: &[&str] = &["Văn", "Đức", "Minh", "Hữu", "Xuân", "Quang", "Đình", "Ngọc"];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim", "Phương",
];
const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân",
    "Sơn", "Thắng", "Tuấn", "Việt",
];
const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc",
    "Nhung", "Phương", "Thảo", "Yến",
];
const ETHNICITIES: &[(&str, u32)] = &[
    ("Kinh", 82),
    ("Mường", 9),
    ("Thái", 7),
    ("Dao", 1),
    ("Mông", 1),
];
/// The district leaders who teach at a center (part-time), as (post, position at the center):
/// the head of the committee's propaganda board directs the center concurrently.
fn leadership_posts(committee: &str, unit: &str) -> Vec<(String, &'static str)> {
    vec![
        (format!("Trưởng Ban Tuyên giáo {committee}"), "director"),
        (format!("Bí thư {committee}"), "lecturer"),
        (format!("Phó Bí thư Thường trực {committee}"), "lecturer"),
        (format!("Chủ tịch UBND {unit}"), "lecturer"),
        (format!("Trưởng Ban Tổ chức {committee}"), "lecturer"),
    ]
}

fn pick<'a>(rng: &mut StdRng, from: &[&'a str]) -> &'a str {
    from[rng.gen_range(0..from.len())]
}

fn person(rng: &mut StdRng) -> (String, &'static str) {
    let female = rng.gen_bool(0.48);
    let name = if female {
        format!(
            "{} {} {}",
            pick(rng, SURNAMES),
            pick(rng, MIDDLE_FEMALE),
            pick(rng, GIVEN_FEMALE)
        )
    } else {
        format!(
            "{} {} {}",
            pick(rng, SURNAMES),
            pick(rng, MIDDLE_MALE),
            pick(rng, GIVEN_MALE)
        )
    };
    (name, if female { "female" } else { "male" })
}

fn ethnicity(rng: &mut StdRng) -> &'static str {
    let mut roll = rng.gen_range(0..100);
    for (name, weight) in ETHNICITIES {
        if roll < *weight {
            return name;
        }
        roll -= weight;
    }
    "Kinh"
}

/// Classes and learner-enrollments of a year: the article's for 2019, around them otherwise.
pub fn year_targets(year: i32) -> (usize, usize) {
    if year == ARTICLE_YEAR {
        return (ARTICLE_CLASSES, ARTICLE_ENROLLMENTS);
    }
    // Growth before 2019, the pandemic after.
    let factor = match year {
        2017 => 0.93,
        2018 => 0.97,
        2020 => 0.81,
        2021 => 0.87,
        y if y < 2017 => 0.9,
        _ => 0.95,
    };
    let scale = |n: usize| {
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let v = (n as f64 * factor).round() as usize;
        v
    };
    (scale(ARTICLE_CLASSES), scale(ARTICLE_ENROLLMENTS))
}

/// A program as the demo uses it.
struct Program {
    id: Id,
    code: String,
    category: String,
    topics: Vec<(Id, i32)>,
    /// Who may enroll and how the program is assessed, as the catalogue says.
    eligibility: EligibilityRule,
    /// Whose register numbers its certificates; none when it earns none.
    issuer: Option<centers_domain::certificates::Issuer>,
}

/// Typical learners per class and share of the year's other classes, by category. The mix
/// (docs/decisions.md): a province of Thanh Hóa's size admits some 7,000–8,000 party members a
/// year, so its centers hold about 9,000 party-admission and 7,000 new-member learner-enrollments;
/// most of the 117,342 are party members coming back for resolution studies, knowledge updates
/// and party work.
fn category_profile(category: &str) -> (f64, f64) {
    match category {
        "party_admission" => (70.0, 0.12),
        "new_member" => (60.0, 0.11),
        "elementary_theory" => (55.0, 0.08),
        "state_mgmt_specialist" => (48.0, 0.04),
        "state_mgmt_principal" => (40.0, 0.01),
        "party_work" => (90.0, 0.12),
        "knowledge_update" => (130.0, 0.25),
        "resolution_study" => (150.0, 0.25),
        "intermediate_theory" => (55.0, 0.0),
        "reserve_cadre" => (45.0, 0.0),
        _ => (80.0, 0.02),
    }
}

/// What a district-level unit's party committee and people's committee are called, by its kind
/// on a day (Tĩnh Gia, a district until 31 May 2020, then Nghi Sơn town): (committee, unit word,
/// the committee's document code).
fn committee_words(
    conn: &mut DbConnection,
    host: Option<Id>,
    day: NaiveDate,
) -> QueryResult<(&'static str, &'static str, &'static str)> {
    let subkind = match host {
        Some(h) => {
            crate::organization_periods::at_or_before(conn, h.into(), day)?.and_then(|p| p.subkind)
        }
        None => None,
    };
    Ok(match subkind.as_deref() {
        Some("city") => ("Thành ủy", "thành phố", "TU"),
        Some("town") => ("Thị ủy", "thị xã", "TU"),
        _ => ("Huyện ủy", "huyện", "HU"),
    })
}

/// Splits `total` by `weights` into whole numbers that sum exactly (largest remainders).
fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    #[allow(clippy::cast_precision_loss)]
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut parts: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        let ra = exact[*a] - exact[*a].floor();
        let rb = exact[*b] - exact[*b].floor();
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    let given: usize = parts.iter().sum();
    for i in order.into_iter().take(total.saturating_sub(given)) {
        parts[i] += 1;
    }
    parts
}

/// The day lesson plans are revised after the district party congresses of 2020.
const REVISED_ON: NaiveDate = match NaiveDate::from_ymd_opt(2020, 11, 20) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Generates the demo data for `options` in the caller's transaction.
pub fn generate(
    conn: &mut DbConnection,
    options: &DemoOptions,
    progress: &mut dyn Progress,
) -> QueryResult<DemoReport> {
    let mut rng = StdRng::seed_from_u64(options.seed);
    let policy = PolicySet::standard();
    let mut report = DemoReport::default();
    let created = at(date(options.from, 1, 2), 8 * 60);

    // The tree as seeded: the school and the 27 centers, in code order.
    let school: (Id, String, Option<String>) = organizations::table
        .filter(organizations::kind.eq(OrganizationKind::ProvincialSchool.as_str()))
        .select((organizations::id, organizations::path, organizations::code))
        .first(conn)?;
    let centers: Vec<(Id, String, Option<String>)> = organizations::table
        .filter(organizations::kind.eq(OrganizationKind::Center.as_str()))
        .order(organizations::code.asc())
        .select((organizations::id, organizations::path, organizations::code))
        .load(conn)?;
    let program_rows: Vec<(Id, String, String, String, String, String)> = programs::table
        .filter(programs::retired_at.is_null())
        .order(programs::code.asc())
        .select((
            programs::id,
            programs::code,
            programs::category,
            programs::eligibility_json,
            programs::credential,
            programs::delivery,
        ))
        .load(conn)?;
    let topic_rows: Vec<(Id, Id, i32)> = program_topics::table
        .order((
            program_topics::program_id.asc(),
            program_topics::position.asc(),
        ))
        .select((
            program_topics::id,
            program_topics::program_id,
            program_topics::periods,
        ))
        .load(conn)?;
    let programs: Vec<Program> = program_rows
        .into_iter()
        .map(|(id, code, category, eligibility, credential, delivery)| {
            let unknown = |what: &str, value: &str| {
                diesel::result::Error::DeserializationError(
                    format!("{what} {value:?} of program {code}").into(),
                )
            };
            let credential = credential
                .parse()
                .map_err(|_| unknown("credential", &credential))?;
            let delivery = delivery
                .parse()
                .map_err(|_| unknown("delivery", &delivery))?;
            Ok(Program {
                issuer: centers_domain::certificates::issuer_of(credential, delivery).ok(),
                topics: topic_rows
                    .iter()
                    .filter(|t| t.1 == id)
                    .map(|t| (t.0, t.2))
                    .collect(),
                eligibility: serde_json::from_str(&eligibility).map_err(|e| {
                    diesel::result::Error::DeserializationError(
                        format!("eligibility of program {code}: {e}").into(),
                    )
                })?,
                id,
                code,
                category,
            })
        })
        .collect::<QueryResult<_>>()?;

    // ---- party committees: the host unit's, from the province file; made where it has none ----
    let hosts: HashMap<Id, (Id, String, String)> = organizations::table
        .filter(organizations::kind.eq(OrganizationKind::Center.as_str()))
        .select((organizations::id, organizations::parent_id))
        .load::<(Id, Option<Id>)>(conn)?
        .into_iter()
        .filter_map(|(center, host)| host.map(|h| (center, h)))
        .map(|(center, host)| {
            let (path, name): (String, String) = organizations::table
                .filter(organizations::id.eq(host))
                .select((organizations::path, organizations::name))
                .first(conn)?;
            Ok((center, (host, path, name)))
        })
        .collect::<QueryResult<_>>()?;
    let mut committee_rows = Vec::new();
    let mut committee_periods = Vec::new();
    let mut committee_of: HashMap<Id, (Id, String)> = HashMap::new();
    for (center, center_path, code) in &centers {
        let (host, host_path, host_name) = hosts.get(center).ok_or_else(|| {
            diesel::result::Error::QueryBuilderError(
                format!("center {center} sits under no unit").into(),
            )
        })?;
        if let Some(existing) = crate::organizations::find_child_of_kind(
            conn,
            (*host).into(),
            OrganizationKind::PartyCommittee,
        )? {
            committee_of.insert(*center, (existing.id.into(), existing.path));
            continue;
        }
        // Derived from the center's id, not drawn from `rng`: the rest of the data stays what
        // the same seed always gave.
        let id = Id(uuid::Uuid::from_u128(
            center.0.as_u128() ^ 0x0000_0000_0000_0000_0000_c0ff_ee00_0001,
        ));
        let mut first = host_name.chars();
        let name = match first.next() {
            Some(c) => format!("Đảng bộ {}{}", c.to_lowercase(), first.as_str()),
            None => "Đảng bộ".to_owned(),
        };
        let path = format!("{host_path}{id}/");
        committee_of.insert(*center, (id, path.clone()));
        committee_periods.push((
            organization_periods::organization_id.eq(id),
            organization_periods::valid_from.eq(crate::organizations::EARLIEST),
            organization_periods::name.eq(name.clone()),
            organization_periods::kind.eq(OrganizationKind::PartyCommittee.as_str()),
            organization_periods::parent_id.eq(Some(*host)),
            organization_periods::recorded_at.eq(created),
        ));
        committee_rows.push((
            organizations::id.eq(id),
            organizations::kind.eq(OrganizationKind::PartyCommittee.as_str()),
            organizations::parent_id.eq(Some(*host)),
            organizations::center_id.eq(Some(*center)),
            organizations::path.eq(path),
            organizations::service_path.eq(center_path.clone()),
            organizations::search_text.eq(fold(&name)),
            organizations::name.eq(name),
            organizations::external_id.eq(Some(format!(
                "demo:committee:{}",
                code.as_deref().unwrap_or_default()
            ))),
            organizations::version.eq(1),
            organizations::created_at.eq(created),
            organizations::updated_at.eq(created),
        ));
    }
    insert_all!(conn, organizations::table, &committee_rows, 1_000, Quiet);
    insert_all!(
        conn,
        organization_periods::table,
        &committee_periods,
        1_000,
        Quiet
    );

    // ---- party organizations: 40 per center, under its committee ----
    progress.stage("party organizations", centers.len() as u64 * 40);
    let mut party_orgs: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut org_rows = Vec::new();
    for (center, path, code) in &centers {
        let district = code.clone().unwrap_or_default();
        let (committee, committee_path) = &committee_of[center];
        for n in 1..=40 {
            let id = uuid(&mut rng);
            let name = if n % 4 == 0 {
                format!("Chi bộ Trường THCS số {n}")
            } else {
                format!("Chi bộ thôn {n}")
            };
            org_rows.push((
                organizations::id.eq(id),
                organizations::kind.eq(OrganizationKind::PartyOrganization.as_str()),
                organizations::subkind.eq(Some("party_cell")),
                organizations::parent_id.eq(Some(*committee)),
                organizations::center_id.eq(Some(*center)),
                organizations::path.eq(format!("{committee_path}{id}/")),
                organizations::service_path.eq(path.clone()),
                organizations::code.eq(Some(format!("DEMO-{district}-{n:02}"))),
                organizations::search_text.eq(fold(&name)),
                organizations::name.eq(name),
                organizations::external_id.eq(Some(format!("demo:{district}:{n}"))),
                organizations::version.eq(1),
                organizations::created_at.eq(created),
                organizations::updated_at.eq(created),
            ));
            party_orgs.entry(*center).or_default().push(id);
        }
    }
    let n = insert_all!(conn, organizations::table, &org_rows, 1_000, progress);
    report.rows.push(("party organizations", n));

    // ---- lecturers: per center 3 full-time and 5 part-time district leaders (one of them directs
    // the center); 10 at the school ----
    let mut center_lecturers: HashMap<Id, Vec<(Id, bool)>> = HashMap::new();
    let mut lecturer_rows = Vec::new();
    let mut add_lecturer = |rng: &mut StdRng,
                            org: Id,
                            kind: &'static str,
                            position: &'static str,
                            post: Option<String>| {
        let id = uuid(rng);
        let (name, _) = person(rng);
        lecturer_rows.push((
            lecturers::id.eq(id),
            lecturers::organization_id.eq(org),
            lecturers::kind.eq(kind),
            lecturers::search_text.eq(fold(&name)),
            lecturers::full_name.eq(name),
            lecturers::position.eq(Some(position)),
            lecturers::leadership_post.eq(post),
            lecturers::theory_level.eq(Some("advanced")),
            lecturers::subjects_json.eq("[]"),
            lecturers::version.eq(1),
            lecturers::created_at.eq(created),
            lecturers::updated_at.eq(created),
        ));
        id
    };
    for (center, _, _) in &centers {
        let host = hosts.get(center).map(|h| h.0);
        let (committee, unit, _) = committee_words(conn, host, created.date())?;
        let mut list = Vec::new();
        // The center's own staff: a deputy director and lecturers; the director is a district
        // leader serving concurrently (below).
        for position in ["deputy_director", "lecturer", "lecturer"] {
            list.push((
                add_lecturer(&mut rng, *center, "full_time", position, None),
                false,
            ));
        }
        for (post, position) in leadership_posts(committee, unit) {
            list.push((
                add_lecturer(&mut rng, *center, "part_time", position, Some(post)),
                true,
            ));
        }
        center_lecturers.insert(*center, list);
    }
    let school_lecturers: Vec<Id> = (0..10)
        .map(|_| add_lecturer(&mut rng, school.0, "visiting", "lecturer", None))
        .collect();
    progress.stage("lecturers", lecturer_rows.len() as u64);
    let n = insert_all!(conn, lecturers::table, &lecturer_rows, 1_000, progress);
    report.rows.push(("lecturers", n));

    // ---- lesson plans: each center lecturer's topics, approved before the first year; the
    // school's lecturers teach the intermediate program (its classes are the school's with the
    // center) ----
    let approved_on = date(options.from - 1, 12, 15);
    let mut plan_of: HashMap<(Id, Id), (Id, Id)> = HashMap::new(); // (center, topic) → (lecturer, plan)
    let mut lesson_rows = Vec::new();
    let plan_row = |id: Id,
                    lecturer: Id,
                    topic: Id,
                    title: String,
                    uses_it: bool,
                    local: &'static str,
                    i: usize| {
        (
            lesson_plans::id.eq(id),
            lesson_plans::lecturer_id.eq(lecturer),
            lesson_plans::topic_id.eq(topic),
            lesson_plans::version_no.eq(1),
            lesson_plans::title.eq(title),
            lesson_plans::outline.eq("Mục tiêu, nội dung, liên hệ thực tiễn địa phương"),
            lesson_plans::uses_it.eq(uses_it),
            lesson_plans::local_practice.eq(Some(local)),
            lesson_plans::attachments_json.eq("[]"),
            lesson_plans::status.eq("approved"),
            lesson_plans::approved_on.eq(Some(approved_on)),
            lesson_plans::version.eq(1),
            // Drafted and submitted 3 to 12 days before the approval.
            lesson_plans::created_at.eq(at(
                approved_on - Duration::days(3 + (i % 10) as i64),
                8 * 60,
            )),
            lesson_plans::updated_at.eq(at(approved_on, 9 * 60)),
        )
    };
    // One approved lesson plan drafted: its id (the draws: the id, then whether it uses IT).
    let mut draft = |rng: &mut StdRng,
                     lecturer: Id,
                     topic: Id,
                     program: &str,
                     i: usize,
                     local: &'static str| {
        let id = uuid(rng);
        lesson_rows.push(plan_row(
            id,
            lecturer,
            topic,
            format!("Giáo án {program} — chuyên đề {}", i + 1),
            rng.gen_bool(0.7),
            local,
            i,
        ));
        id
    };
    let mut school_plans: HashMap<Id, (Id, Id)> = HashMap::new();
    for p in programs
        .iter()
        .filter(|p| p.category == "intermediate_theory")
    {
        for (i, (topic, _)) in p.topics.iter().enumerate() {
            let lecturer = school_lecturers[i % school_lecturers.len()];
            let id = draft(
                &mut rng,
                lecturer,
                *topic,
                &p.code,
                i,
                "Liên hệ thực tiễn tỉnh",
            );
            school_plans.insert(*topic, (lecturer, id));
        }
    }
    for (center, _, _) in &centers {
        let staff = &center_lecturers[center];
        for (topic, plan) in &school_plans {
            plan_of.insert((*center, *topic), *plan);
        }
        for p in programs
            .iter()
            .filter(|p| p.category != "intermediate_theory")
        {
            for (i, (topic, _)) in p.topics.iter().enumerate() {
                // District leaders teach the topic on the local situation (each program's
                // last) and about one other topic in five.
                let local_situation = i + 1 == p.topics.len();
                // Three full-time staff first, then the five district leaders (the director
                // among them).
                let (lecturer, _) = if i % 5 == 4 || local_situation {
                    staff[3 + i % 5]
                } else {
                    staff[i % 3]
                };
                let id = draft(
                    &mut rng,
                    lecturer,
                    *topic,
                    &p.code,
                    i,
                    "Liên hệ thực tiễn huyện",
                );
                plan_of.insert((*center, *topic), (lecturer, id));
            }
        }
    }
    progress.stage("lesson plans", lesson_rows.len() as u64);
    let mut n = insert_all!(conn, lesson_plans::table, &lesson_rows, 1_000, progress);
    // After the district party congresses of 2020, every lesson plan is revised to the new
    // resolutions (version 2, approved on REVISED_ON; the first superseded that day): sessions
    // after it teach from the revision. Ids derive from the first version's, without a draw.
    let mut revised_of: HashMap<Id, Id> = HashMap::new();
    if options.from <= REVISED_ON.year() && REVISED_ON.year() < options.to {
        // (first version, lecturer, topic, revision), in id order: the same rows every run.
        let mut revisions: Vec<(Id, Id, Id, Id)> = plan_of
            .iter()
            .map(|((_, topic), (lecturer, plan))| {
                let id = Id(uuid::Uuid::from_u128(
                    plan.0.as_u128() ^ 0x0000_0000_0000_0000_0000_2020_c0b9_0002,
                ));
                (*plan, *lecturer, *topic, id)
            })
            .collect();
        revisions.sort();
        revisions.dedup();
        for (plan, _, _, id) in &revisions {
            revised_of.insert(*plan, *id);
        }
        diesel::update(lesson_plans::table.filter(lesson_plans::version_no.eq(1)))
            .set((
                lesson_plans::status.eq("superseded"),
                lesson_plans::superseded_on.eq(Some(REVISED_ON)),
                lesson_plans::version.eq(2),
                lesson_plans::updated_at.eq(at(REVISED_ON, 9 * 60)),
            ))
            .execute(conn)?;
        let rows: Vec<_> = revisions
            .iter()
            .map(|(previous, lecturer, topic, id)| {
                (
                    lesson_plans::id.eq(*id),
                    lesson_plans::lecturer_id.eq(*lecturer),
                    lesson_plans::topic_id.eq(*topic),
                    lesson_plans::version_no.eq(2),
                    lesson_plans::previous_id.eq(Some(*previous)),
                    lesson_plans::title
                        .eq("Giáo án cập nhật Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2020–2025"),
                    lesson_plans::outline
                        .eq("Mục tiêu, nội dung theo nghị quyết mới, liên hệ thực tiễn địa phương"),
                    lesson_plans::uses_it.eq(true),
                    lesson_plans::local_practice.eq(Some("Liên hệ thực tiễn sau Đại hội")),
                    lesson_plans::attachments_json.eq("[]"),
                    lesson_plans::status.eq("approved"),
                    lesson_plans::approved_on.eq(Some(REVISED_ON)),
                    lesson_plans::version.eq(1),
                    lesson_plans::created_at.eq(at(REVISED_ON - Duration::days(10), 8 * 60)),
                    lesson_plans::updated_at.eq(at(REVISED_ON, 9 * 60)),
                )
            })
            .collect();
        n += insert_all!(conn, lesson_plans::table, &rows, 1_000, Quiet);
    }
    report.rows.push(("lesson plans", n));

    // District sizes: larger districts hold more classes.
    let weights: Vec<f64> = centers.iter().map(|_| rng.gen_range(0.6..1.4)).collect();
    let mut totals: HashMap<&'static str, usize> = HashMap::new();
    let world = World {
        centers,
        weights,
        programs,
        party_orgs,
        center_lecturers,
        plan_of,
        revised_of,
        school: school.0,
        school_code: school.2.clone(),
        host_of: hosts.iter().map(|(c, h)| (*c, h.0)).collect(),
        number_format: policy.number_format().map_err(|e| {
            diesel::result::Error::DeserializationError(
                format!("certificate_number_format: {e}").into(),
            )
        })?,
        policy,
    };
    let mut alumni: HashMap<Id, Alumni> = HashMap::new();
    for year in options.from..=options.to {
        let (year_classes, year_enrollments) = generate_year(
            conn,
            &mut rng,
            year,
            &world,
            &mut alumni,
            progress,
            &mut totals,
        )?;
        report.years.push((year, year_classes, year_enrollments));
    }
    let mut keys: Vec<_> = totals.into_iter().collect();
    keys.sort();
    report.rows.extend(keys);
    Ok(report)
}

mod year;
use year::{generate_year, Alumni, World};
