//! Aggregates for the province's reports, computed by the database in one statement each. The
//! summary and the trends read the figures kept as the data changes
//! ([`crate::report_figures`]); the other reports group their rows of the period asked.
//!
//! The statements are SQL text (the grouping is chosen at run time, which diesel's typed
//! `group_by` cannot express), the same text on both backends but for the placeholders: every
//! placeholder comes from [`Sql::bind`], fresh at each use, so the binds follow the text's order on
//! both backends and [`load_by_backend!`] binds the same list on either. Every value is bound; the
//! only literals are closed lists (the dimensions, and statuses spelled by the domain's enums).

use crate::{DbConnection, Scope};
use centers_domain::learners::EnrollmentStatus;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Double, Integer, Nullable, Text, Timestamp};

/// Runs `$sql` with the same binds on whichever backend `$conn` is.
macro_rules! load_by_backend {
    ($conn:expr, $sql:expr $(, $ty:ty => $val:expr)* $(,)?) => {
        match $conn {
            DbConnection::Postgresql(c) => diesel::sql_query($sql)$(.bind::<$ty, _>($val))*.load(c),
            DbConnection::Sqlite(c) => diesel::sql_query($sql)$(.bind::<$ty, _>($val))*.load(c),
        }
    };
}

/// Placeholders and id casts for the connection's backend.
pub(crate) struct Sql {
    postgres: bool,
    placeholders: usize,
}

impl Sql {
    pub(crate) fn new(conn: &DbConnection) -> Self {
        Sql {
            postgres: matches!(conn, DbConnection::Postgresql(_)),
            placeholders: 0,
        }
    }

    /// A fresh placeholder: `$n` on PostgreSQL, `?` on SQLite.
    fn bind(&mut self) -> String {
        self.placeholders += 1;
        if self.postgres {
            format!("${}", self.placeholders)
        } else {
            "?".to_owned()
        }
    }

    /// A fresh placeholder for `value`, pushed onto `binds`: placeholders made in text order
    /// keep the binds in the text's order on both backends.
    fn param(&mut self, binds: &mut Vec<Bind>, value: Bind) -> String {
        binds.push(value);
        self.bind()
    }

    /// An id column as text (uuid on PostgreSQL, TEXT on SQLite), so one row type reads both.
    pub(crate) fn id(&self, column: &str) -> String {
        if self.postgres {
            format!("CAST({column} AS TEXT)")
        } else {
            column.to_owned()
        }
    }
}

/// The SQL list of the enrollment statuses `keep` selects, e.g. `'completed', 'failed'`.
pub(crate) fn statuses(keep: impl Fn(EnrollmentStatus) -> bool) -> String {
    EnrollmentStatus::ALL
        .iter()
        .filter(|s| keep(**s))
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a summary can be grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryDimension {
    Year,
    Center,
    Category,
    Program,
}

/// The dimension columns of a grouped statement over `classes c`, `organizations o` (the
/// center) and `programs p`: every dimension column is selected (null when not grouped by),
/// those grouped by are also returned for `GROUP BY` and `ORDER BY`.
fn dimensions(sql: &Sql, group: &[SummaryDimension]) -> (String, Vec<String>) {
    dimensions_by(sql, group, "c.year")
}

/// [`dimensions`], with the year taken from `year` (a class's opening year, or a year it runs).
fn dimensions_by(sql: &Sql, group: &[SummaryDimension], year: &str) -> (String, Vec<String>) {
    let has = |d: SummaryDimension| group.contains(&d);
    let mut select = Vec::new();
    let mut group_by = Vec::new();
    let mut pick = |on: bool, expr: String, name: &str| {
        if on {
            select.push(format!("{expr} AS {name}"));
            group_by.push(expr);
        } else {
            select.push(format!("NULL AS {name}"));
        }
    };
    pick(has(SummaryDimension::Year), year.into(), "year");
    let center = has(SummaryDimension::Center);
    pick(center, sql.id("c.center_id"), "center_id");
    pick(center, "o.code".into(), "center_code");
    pick(center, "o.name".into(), "center_name");
    let program = has(SummaryDimension::Program);
    pick(
        program || has(SummaryDimension::Category),
        "p.category".into(),
        "category",
    );
    pick(program, "p.code".into(), "program_code");
    pick(program, "p.name".into(), "program_name");
    (select.join(", "), group_by)
}

fn group_clause(group_by: &[String], extra: &[&str]) -> (String, String) {
    let all: Vec<&str> = group_by
        .iter()
        .map(String::as_str)
        .chain(extra.iter().copied())
        .collect();
    if all.is_empty() {
        (String::new(), "1".to_owned())
    } else {
        (format!("GROUP BY {}", all.join(", ")), all.join(", "))
    }
}

/// The dimension columns of a grouped row (see [`dimensions`]); null when not grouped by.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, QueryableByName)]
pub struct GroupColumns {
    #[diesel(sql_type = Nullable<Integer>)]
    pub year: Option<i32>,
    #[diesel(sql_type = Nullable<Text>)]
    pub center_id: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub center_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub center_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub category: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub program_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub program_name: Option<String>,
}

/// One group's figures.
#[derive(Debug, Clone, QueryableByName)]
pub struct SummaryRow {
    #[diesel(embed)]
    pub group: GroupColumns,
    /// Classes opened: counted once, in the year they start.
    #[diesel(sql_type = BigInt)]
    pub classes: i64,
    /// Classes running: counted in every year they overlap (filled by [`summary`]).
    #[diesel(sql_type = BigInt)]
    pub classes_running: i64,
    #[diesel(sql_type = BigInt)]
    pub enrollments: i64,
    #[diesel(sql_type = BigInt)]
    pub learners: i64,
    #[diesel(sql_type = BigInt)]
    pub finished: i64,
    #[diesel(sql_type = BigInt)]
    pub passed: i64,
    #[diesel(sql_type = BigInt)]
    pub certificates: i64,
}

/// Where each center's figures are reported: the centers a summary counts, each with the center
/// its figures appear under (itself, or on an `as_of` day the center it was merged into).
#[derive(Debug, Clone, Default)]
pub struct CenterMap {
    /// (the center a class belongs to, the center it is reported under), ids as text.
    pub pairs: Vec<(String, String)>,
    /// The counted centers are every center of the province: the province-wide distinct learner
    /// counts apply to rows that are not by center.
    pub every_center: bool,
}

impl CenterMap {
    /// Two or more centers reported under one.
    fn merges(&self) -> bool {
        let targets: std::collections::BTreeSet<&str> =
            self.pairs.iter().map(|(_, to)| to.as_str()).collect();
        targets.len() < self.pairs.len()
    }

    /// The map as a derived table `(center_id, report_center)`, its binds pushed in text order.
    fn table(&self, sql: &mut Sql, binds: &mut Vec<Bind>) -> String {
        if self.pairs.is_empty() {
            return "(SELECT '' AS center_id, '' AS report_center WHERE 1 = 0)".to_owned();
        }
        let rows = self
            .pairs
            .iter()
            .map(|(from, to)| {
                let from = sql.param(binds, Bind::Text(from.clone()));
                let to = sql.param(binds, Bind::Text(to.clone()));
                format!("SELECT {from} AS center_id, {to} AS report_center")
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        format!("({rows})")
    }
}

/// A value bound to a statement whose placeholders are made as its text is.
#[derive(Debug, Clone)]
pub(crate) enum Bind {
    Int(i32),
    Text(String),
    Date(NaiveDate),
}

macro_rules! bound {
    ($db:ty, $text:expr, $binds:expr) => {{
        let mut q = diesel::sql_query($text).into_boxed::<$db>();
        for b in $binds {
            q = match b {
                Bind::Int(v) => q.bind::<Integer, _>(*v),
                Bind::Text(v) => q.bind::<Text, _>(v.clone()),
                Bind::Date(v) => q.bind::<Date, _>(*v),
            };
        }
        q
    }};
}

/// Runs `text` with `binds`, in order, on whichever backend `conn` is.
fn load_bound<T>(conn: &mut DbConnection, text: &str, binds: &[Bind]) -> QueryResult<Vec<T>>
where
    T: QueryableByName<diesel::pg::Pg> + QueryableByName<diesel::sqlite::Sqlite> + 'static,
{
    match conn {
        DbConnection::Postgresql(c) => bound!(diesel::pg::Pg, text, binds).load(c),
        DbConnection::Sqlite(c) => bound!(diesel::sqlite::Sqlite, text, binds).load(c),
    }
}

/// The columns a kept-figures statement groups by (SQL expressions).
struct KeptColumns<'a> {
    year: &'a str,
    center: &'a str,
    /// The category of a row by category (a row by program takes its program's).
    category: &'a str,
}

/// The dimension columns of a statement over kept figures joined to the center map `mp` and,
/// when grouped by program, `programs p`; center codes and names are the service's (null here).
fn kept_dimensions(cols: &KeptColumns, group: &[SummaryDimension]) -> (String, Vec<String>) {
    let has = |d: SummaryDimension| group.contains(&d);
    let mut select = Vec::new();
    let mut group_by = Vec::new();
    let mut pick = |on: bool, expr: &str, name: &str| {
        if on {
            select.push(format!("{expr} AS {name}"));
            group_by.push(expr.to_owned());
        } else {
            select.push(format!("NULL AS {name}"));
        }
    };
    pick(has(SummaryDimension::Year), cols.year, "year");
    pick(has(SummaryDimension::Center), cols.center, "center_id");
    pick(false, "", "center_code");
    pick(false, "", "center_name");
    let program = has(SummaryDimension::Program);
    let category = if program { "p.category" } else { cols.category };
    pick(
        program || has(SummaryDimension::Category),
        category,
        "category",
    );
    pick(program, "p.code", "program_code");
    pick(program, "p.name", "program_name");
    (select.join(", "), group_by)
}

/// Which classes a summary counts: those of the years `from..=to` at the centers of the map.
#[derive(Debug, Clone)]
pub struct SummaryFilter {
    pub centers: CenterMap,
    pub from: i32,
    pub to: i32,
}

/// Classes (not cancelled) of the years `from..=to` at the mapped centers, with their counted
/// enrollments, distinct learners and current certificates, and the classes running, grouped by
/// `group`: read from the kept figures (`crate::report_figures`), a few thousand rows whatever
/// the years stored. Rows are in group order; center codes and names are left to the caller.
pub fn summary(
    conn: &mut DbConnection,
    filter: &SummaryFilter,
    group: &[SummaryDimension],
) -> QueryResult<Vec<SummaryRow>> {
    let mut sql = Sql::new(conn);
    let mut binds = Vec::new();
    let map = filter.centers.table(&mut sql, &mut binds);
    let program_id = sql.id("p.id");
    let (select, group_by) = kept_dimensions(
        &KeptColumns {
            year: "f.year",
            center: "mp.report_center",
            category: "p.category",
        },
        group,
    );
    let (group_text, order) = group_clause(&group_by, &[]);
    let sum = |column: &str| format!("CAST(COALESCE(SUM(f.{column}), 0) AS BIGINT)");
    let text = format!(
        "SELECT {select},
            COUNT(*) AS classes,
            CAST(0 AS BIGINT) AS classes_running,
            {enrollments} AS enrollments,
            CAST(0 AS BIGINT) AS learners,
            {finished} AS finished,
            {passed} AS passed,
            {certificates} AS certificates
         FROM class_figures f
         JOIN {map} mp ON mp.center_id = f.center_id
         JOIN programs p ON {program_id} = f.program_id
         WHERE f.year >= {from} AND f.year <= {to}
         {group_text}
         ORDER BY {order}",
        enrollments = sum("enrollments"),
        finished = sum("finished"),
        passed = sum("passed"),
        certificates = sum("certificates"),
        from = sql.param(&mut binds, Bind::Int(filter.from)),
        to = sql.param(&mut binds, Bind::Int(filter.to)),
    );
    let mut rows: Vec<SummaryRow> = load_bound(conn, &text, &binds)?;
    let learners: std::collections::BTreeMap<GroupColumns, i64> =
        learner_rows(conn, filter, group)?
            .into_iter()
            .map(|r| (r.group, r.n))
            .collect();
    for row in &mut rows {
        row.learners = learners.get(&row.group).copied().unwrap_or(0);
    }
    // Classes running, by the same groups: a group with classes running but none opened (the
    // second year of a long class) is a row of its own, in order.
    for running in classes_running(conn, filter, group)? {
        match rows.iter_mut().find(|r| r.group == running.group) {
            Some(row) => row.classes_running = running.running,
            None => rows.push(SummaryRow {
                group: running.group,
                classes: 0,
                classes_running: running.running,
                enrollments: 0,
                learners: 0,
                finished: 0,
                passed: 0,
                certificates: 0,
            }),
        }
    }
    rows.sort_by(|a, b| a.group.cmp(&b.group));
    Ok(rows)
}

/// Distinct learners of one group.
#[derive(Debug, Clone, QueryableByName)]
pub struct LearnerRow {
    #[diesel(embed)]
    pub group: GroupColumns,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// How the distinct learners of a summary's rows are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnerSource {
    /// Read from the kept counts of this granularity.
    Kept(crate::report_figures::Granularity),
    /// Counted from the kept memberships: a row gathers several centers but not all of them (a
    /// scope of some centers, or centers merged on an `as_of` day).
    Counted,
}

/// Where the distinct learners of rows grouped by `group` over `centers` come from.
pub fn learner_source(centers: &CenterMap, group: &[SummaryDimension]) -> LearnerSource {
    use crate::report_figures::Granularity;
    let by_center = group.contains(&SummaryDimension::Center);
    let granularity = Granularity::of(
        by_center,
        group.contains(&SummaryDimension::Category),
        group.contains(&SummaryDimension::Program),
    );
    if by_center {
        if centers.merges() {
            LearnerSource::Counted
        } else {
            LearnerSource::Kept(granularity)
        }
    } else if centers.every_center {
        LearnerSource::Kept(granularity)
    } else if centers.pairs.len() <= 1 {
        LearnerSource::Kept(granularity.with_center())
    } else {
        LearnerSource::Counted
    }
}

/// Distinct learners of the counted enrollments, by `group` ([`learner_source`]).
pub fn learner_rows(
    conn: &mut DbConnection,
    filter: &SummaryFilter,
    group: &[SummaryDimension],
) -> QueryResult<Vec<LearnerRow>> {
    let mut sql = Sql::new(conn);
    let mut binds = Vec::new();
    let program_id = sql.id("p.id");
    let by_program = group.contains(&SummaryDimension::Program);
    let text = match learner_source(&filter.centers, group) {
        LearnerSource::Kept(granularity) => {
            let map_join = if granularity.has_center() {
                let map = filter.centers.table(&mut sql, &mut binds);
                format!("JOIN {map} mp ON mp.center_id = d.center_id")
            } else {
                String::new()
            };
            let program_join = if by_program {
                format!("JOIN programs p ON {program_id} = d.program_id")
            } else {
                String::new()
            };
            let (select, group_by) = kept_dimensions(
                &KeptColumns {
                    year: "d.year",
                    center: "mp.report_center",
                    category: "d.category",
                },
                group,
            );
            let (group_text, order) = group_clause(&group_by, &[]);
            let from = sql.param(&mut binds, Bind::Int(filter.from));
            let to = sql.param(&mut binds, Bind::Int(filter.to));
            // Over a range, each learner once: the marks of their first year in it.
            let first_in_range = if group.contains(&SummaryDimension::Year) {
                String::new()
            } else {
                format!(
                    "AND d.previous_year < {}",
                    sql.param(&mut binds, Bind::Int(filter.from))
                )
            };
            format!(
                "SELECT {select}, CAST(COALESCE(SUM(d.learners), 0) AS BIGINT) AS n
                 FROM distinct_learner_counts d
                 {map_join}
                 {program_join}
                 WHERE d.granularity = {granularity} AND d.year >= {from} AND d.year <= {to}
                   {first_in_range}
                 {group_text}
                 ORDER BY {order}",
                granularity = granularity as i32,
            )
        }
        LearnerSource::Counted => {
            let map = filter.centers.table(&mut sql, &mut binds);
            let program_join = if by_program {
                format!("JOIN programs p ON {program_id} = m.program_id")
            } else {
                String::new()
            };
            let (select, group_by) = kept_dimensions(
                &KeptColumns {
                    year: "m.year",
                    center: "mp.report_center",
                    category: "m.category",
                },
                group,
            );
            let (group_text, order) = group_clause(&group_by, &[]);
            format!(
                "SELECT {select}, COUNT(DISTINCT m.learner_id) AS n
                 FROM learner_memberships m
                 JOIN {map} mp ON mp.center_id = m.center_id
                 {program_join}
                 WHERE m.year >= {from} AND m.year <= {to}
                 {group_text}
                 ORDER BY {order}",
                from = sql.param(&mut binds, Bind::Int(filter.from)),
                to = sql.param(&mut binds, Bind::Int(filter.to)),
            )
        }
    };
    load_bound(conn, &text, &binds)
}

/// Classes running in a group: one per class and year it overlaps.
#[derive(Debug, Clone, QueryableByName)]
pub struct RunningRow {
    #[diesel(embed)]
    pub group: GroupColumns,
    #[diesel(sql_type = BigInt)]
    pub running: i64,
}

/// Classes (not cancelled) at the mapped centers running in the years `from..=to` — whose first
/// day is on or before a year's last and whose last day on or after its first — grouped by
/// `group`: by year, a class counts in every year it overlaps; without the year, once.
pub fn classes_running(
    conn: &mut DbConnection,
    filter: &SummaryFilter,
    group: &[SummaryDimension],
) -> QueryResult<Vec<RunningRow>> {
    let mut sql = Sql::new(conn);
    let mut binds = Vec::new();
    let by_year = group.contains(&SummaryDimension::Year);
    // The years as rows of (year, first day, last day); one row spanning the range when the
    // year is not a dimension. A few dozen at most: the route bounds the range.
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let spans: Vec<(i32, NaiveDate, NaiveDate)> = if by_year {
        (filter.from..=filter.to)
            .map(|y| (y, day(y, 1, 1), day(y, 12, 31)))
            .collect()
    } else {
        vec![(filter.from, day(filter.from, 1, 1), day(filter.to, 12, 31))]
    };
    let years = spans
        .iter()
        .map(|(year, first, last)| {
            format!(
                "SELECT {} AS year, {} AS first_day, {} AS last_day",
                sql.param(&mut binds, Bind::Int(*year)),
                sql.param(&mut binds, Bind::Date(*first)),
                sql.param(&mut binds, Bind::Date(*last)),
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let map = filter.centers.table(&mut sql, &mut binds);
    let center_id = sql.id("c.center_id");
    let (select, group_by) = kept_dimensions(
        &KeptColumns {
            year: "y.year",
            center: "mp.report_center",
            category: "p.category",
        },
        group,
    );
    let (group_text, order) = group_clause(&group_by, &[]);
    let text = format!(
        "SELECT {select}, COUNT(DISTINCT c.id) AS running
         FROM classes c
         JOIN ({years}) y ON c.start_date <= y.last_day AND c.end_date >= y.first_day
         JOIN {map} mp ON mp.center_id = {center_id}
         JOIN programs p ON p.id = c.program_id
         WHERE c.status <> 'cancelled'
         {group_text}
         ORDER BY {order}"
    );
    load_bound(conn, &text, &binds)
}

/// The total of a summary's groups: its counts are the sums of the groups' (every class, and so
/// every enrollment and certificate, lies in exactly one group); its distinct figures (learners,
/// classes running) are the caller's.
pub fn total_of(rows: &[SummaryRow], learners: i64, running: i64) -> SummaryRow {
    let mut total = SummaryRow {
        group: GroupColumns::default(),
        classes: 0,
        classes_running: running,
        enrollments: 0,
        learners,
        finished: 0,
        passed: 0,
        certificates: 0,
    };
    for r in rows {
        total.classes += r.classes;
        total.enrollments += r.enrollments;
        total.finished += r.finished;
        total.passed += r.passed;
        total.certificates += r.certificates;
    }
    total
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Centers of the province, whatever their dates (for [`CenterMap::every_center`]).
pub fn center_count(conn: &mut DbConnection) -> QueryResult<i64> {
    let text = "SELECT COUNT(*) AS n FROM organizations WHERE kind = 'center'";
    let counts: Vec<Count> = load_bound(conn, text, &[])?;
    Ok(counts.first().map_or(0, |c| c.n))
}

// ---- plan fulfilment ----

/// A line of an approved plan of the year, at a center in scope.
#[derive(Debug, Clone, QueryableByName)]
pub struct ApprovedLine {
    #[diesel(sql_type = Text)]
    pub center_id: String,
    #[diesel(sql_type = Text)]
    pub plan_id: String,
    #[diesel(sql_type = Text)]
    pub line_id: String,
    #[diesel(sql_type = Text)]
    pub program_id: String,
    #[diesel(sql_type = Nullable<Integer>)]
    pub quarter: Option<i32>,
    #[diesel(sql_type = Integer)]
    pub planned_classes: i32,
    #[diesel(sql_type = Integer)]
    pub planned_learners: i32,
}

/// Lines of the approved plans of `year` at centers in scope, by center, program and quarter
/// (whole-year lines first).
pub fn approved_lines(
    conn: &mut DbConnection,
    scope: &Scope,
    year: i32,
) -> QueryResult<Vec<ApprovedLine>> {
    let mut sql = Sql::new(conn);
    let text = format!(
        "SELECT {center} AS center_id, {plan} AS plan_id, {line} AS line_id,
                {program} AS program_id, l.quarter AS quarter,
                l.planned_classes AS planned_classes, l.planned_learners AS planned_learners
         FROM training_plan_lines l
         JOIN training_plans tp ON tp.id = l.plan_id
         JOIN organizations o ON o.id = tp.center_id
         WHERE tp.year = {year} AND tp.status = 'approved' AND o.path LIKE {scope}
         ORDER BY o.code, tp.center_id, l.program_id, COALESCE(l.quarter, 0), l.created_at",
        center = sql.id("tp.center_id"),
        plan = sql.id("tp.id"),
        line = sql.id("l.id"),
        program = sql.id("l.program_id"),
        year = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Integer => year, Text => &pattern)
}

/// Classes held (not cancelled) of one center and program, opened under lines of one quarter
/// (`None`: outside any line, or under a whole-year line).
#[derive(Debug, Clone, QueryableByName)]
pub struct HeldGroup {
    #[diesel(sql_type = Text)]
    pub center_id: String,
    #[diesel(sql_type = Text)]
    pub program_id: String,
    #[diesel(sql_type = Nullable<Integer>)]
    pub quarter: Option<i32>,
    #[diesel(sql_type = BigInt)]
    pub classes: i64,
    /// Counted learner-enrollments of these classes.
    #[diesel(sql_type = BigInt)]
    pub learners: i64,
}

/// Classes of `year` held at centers in scope, grouped for the plan's fulfilment.
pub fn held_groups(
    conn: &mut DbConnection,
    scope: &Scope,
    year: i32,
) -> QueryResult<Vec<HeldGroup>> {
    let mut sql = Sql::new(conn);
    let counted = statuses(EnrollmentStatus::counts_as_enrollment);
    let text = format!(
        "SELECT {center} AS center_id, {program} AS program_id, pl.quarter AS quarter,
                COUNT(DISTINCT c.id) AS classes, COUNT(e.id) AS learners
         FROM classes c
         JOIN organizations o ON o.id = c.center_id
         LEFT JOIN training_plan_lines pl ON pl.id = c.plan_line_id
         LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ({counted})
         WHERE c.year = {year} AND c.status <> 'cancelled' AND o.path LIKE {scope}
         GROUP BY c.center_id, c.program_id, pl.quarter",
        center = sql.id("c.center_id"),
        program = sql.id("c.program_id"),
        year = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Integer => year, Text => &pattern)
}

// ---- outcomes ----

/// Finished enrollments of one group with the same final score, conduct and status.
#[derive(Debug, Clone, QueryableByName)]
pub struct OutcomeBucket {
    #[diesel(embed)]
    pub group: GroupColumns,
    /// The score that counts (the retake's, else the first), in tenths; null without a score.
    #[diesel(sql_type = Nullable<Integer>)]
    pub score_tenths: Option<i32>,
    #[diesel(sql_type = Nullable<Text>)]
    pub conduct: Option<String>,
    /// An `EnrollmentStatus` (QueryableByName reads text; the service parses it).
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub enrollments: i64,
}

/// Finished (completed or failed) enrollments of classes of `from..=to` at centers in scope, by
/// `group`, final score, conduct and status: at most 101 × 5 × 2 buckets per group, which the
/// service sorts into the policy's grade bands.
pub fn outcome_buckets(
    conn: &mut DbConnection,
    scope: &Scope,
    from: i32,
    to: i32,
    group: &[SummaryDimension],
) -> QueryResult<Vec<OutcomeBucket>> {
    let mut sql = Sql::new(conn);
    let (select, group_by) = dimensions(&sql, group);
    let score = "COALESCE(r.retake_tenths, r.score_tenths)";
    let (group, order) = group_clause(&group_by, &[score, "r.conduct", "e.status"]);
    let finished = statuses(EnrollmentStatus::is_finished);
    let text = format!(
        "SELECT {select}, {score} AS score_tenths, r.conduct AS conduct, e.status AS status,
                COUNT(*) AS enrollments
         FROM enrollments e
         JOIN classes c ON c.id = e.class_id
         JOIN organizations o ON o.id = c.center_id
         JOIN programs p ON p.id = c.program_id
         LEFT JOIN results r ON r.enrollment_id = e.id
         WHERE e.status IN ({finished}) AND c.year >= {from} AND c.year <= {to}
           AND c.status <> 'cancelled' AND o.path LIKE {scope}
         {group}
         ORDER BY {order}",
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Integer => from, Integer => to, Text => &pattern)
}

// ---- coverage ----

/// One center's classes of the covered kind.
#[derive(Debug, Clone, QueryableByName)]
pub struct CoverageRow {
    #[diesel(sql_type = Text)]
    pub center_id: String,
    #[diesel(sql_type = BigInt)]
    pub classes: i64,
    #[diesel(sql_type = BigInt)]
    pub enrollments: i64,
}

/// What a coverage report counts: classes (not cancelled) of `from..=to` of a category or a
/// program (by code), and of a term when given (`2020-2025` and `2020–2025` are the same term:
/// people type a hyphen where the documents print an en dash).
#[derive(Debug, Clone)]
pub struct CoverageFilter {
    pub scope: Scope,
    pub from: i32,
    pub to: i32,
    pub category: Option<String>,
    pub program_code: Option<String>,
    pub term: Option<String>,
}

/// Centers in scope with at least one such class, and their classes and learner-enrollments.
pub fn coverage(conn: &mut DbConnection, f: &CoverageFilter) -> QueryResult<Vec<CoverageRow>> {
    let mut sql = Sql::new(conn);
    let counted = statuses(EnrollmentStatus::counts_as_enrollment);
    let text = format!(
        "SELECT {center} AS center_id, COUNT(DISTINCT c.id) AS classes, COUNT(e.id) AS enrollments
         FROM classes c
         JOIN organizations o ON o.id = c.center_id
         JOIN programs p ON p.id = c.program_id
         LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ({counted})
         WHERE c.year >= {from} AND c.year <= {to} AND c.status <> 'cancelled'
           AND o.path LIKE {scope}
           AND ({category} IS NULL OR p.category = {category_eq})
           AND ({program} IS NULL OR p.code = {program_eq})
           AND ({term} IS NULL OR REPLACE(c.term, '–', '-') = REPLACE({term_eq}, '–', '-'))
         GROUP BY c.center_id",
        center = sql.id("c.center_id"),
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
        category = sql.bind(),
        category_eq = sql.bind(),
        program = sql.bind(),
        program_eq = sql.bind(),
        term = sql.bind(),
        term_eq = sql.bind(),
    );
    let pattern = f.scope.pattern();
    load_by_backend!(conn, text,
        Integer => f.from,
        Integer => f.to,
        Text => &pattern,
        Nullable<Text> => f.category.as_deref(),
        Nullable<Text> => f.category.as_deref(),
        Nullable<Text> => f.program_code.as_deref(),
        Nullable<Text> => f.program_code.as_deref(),
        Nullable<Text> => f.term.as_deref(),
        Nullable<Text> => f.term.as_deref(),
    )
}

// ---- lecturers ----

/// A figure of one lecturer (periods taught, or activity hours of one kind in tenths).
#[derive(Debug, Clone, QueryableByName)]
pub struct LecturerFigure {
    #[diesel(sql_type = Text)]
    pub lecturer_id: String,
    /// The activity kind; null for periods taught.
    #[diesel(sql_type = Nullable<Text>)]
    pub kind: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub amount: i64,
}

/// Periods taught (kind null) between two days by each lecturer of an organization in scope,
/// wherever they taught, and their activity hours in tenths by kind.
pub fn lecturer_figures(
    conn: &mut DbConnection,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<LecturerFigure>> {
    let mut sql = Sql::new(conn);
    let taught = centers_domain::teaching::SessionStatus::Taught.as_str();
    let text = format!(
        "SELECT {lecturer} AS lecturer_id, NULL AS kind, SUM(s.periods) AS amount
         FROM class_sessions s
         JOIN lecturers l ON l.id = s.lecturer_id
         JOIN organizations o ON o.id = l.organization_id
         WHERE s.status = '{taught}' AND s.session_date >= {from} AND s.session_date <= {to}
           AND o.path LIKE {scope}
         GROUP BY s.lecturer_id
         UNION ALL
         SELECT {activity_lecturer} AS lecturer_id, a.kind AS kind, SUM(a.hours_tenths) AS amount
         FROM lecturer_activities a
         JOIN lecturers l ON l.id = a.lecturer_id
         JOIN organizations o ON o.id = l.organization_id
         WHERE a.activity_date >= {from2} AND a.activity_date <= {to2} AND o.path LIKE {scope2}
         GROUP BY a.lecturer_id, a.kind",
        lecturer = sql.id("s.lecturer_id"),
        activity_lecturer = sql.id("a.lecturer_id"),
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
        from2 = sql.bind(),
        to2 = sql.bind(),
        scope2 = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text,
        Date => from, Date => to, Text => &pattern,
        Date => from, Date => to, Text => &pattern,
    )
}

// ---- quality ----

/// A lesson plan approved in the period, by a lecturer of a center in scope.
#[derive(Debug, Clone, QueryableByName)]
pub struct ApprovedLessonPlan {
    #[diesel(sql_type = Text)]
    pub organization_id: String,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
    /// The first submission for approval, when the workflow recorded one.
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub submitted_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Date)]
    pub approved_on: NaiveDate,
    #[diesel(sql_type = Bool)]
    pub uses_it: bool,
}

/// Lesson plans approved between two days by lecturers of organizations in scope.
pub fn approved_lesson_plans(
    conn: &mut DbConnection,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<ApprovedLessonPlan>> {
    let mut sql = Sql::new(conn);
    let text = format!(
        "SELECT {org} AS organization_id, lp.created_at AS created_at,
                (SELECT MIN(w.occurred_at) FROM workflow_transitions w
                  WHERE w.entity = 'lesson_plan' AND w.entity_id = lp.id
                    AND w.to_status = 'submitted') AS submitted_at,
                lp.approved_on AS approved_on, lp.uses_it AS uses_it
         FROM lesson_plans lp
         JOIN lecturers l ON l.id = lp.lecturer_id
         JOIN organizations o ON o.id = l.organization_id
         WHERE lp.approved_on >= {from} AND lp.approved_on <= {to} AND o.path LIKE {scope}",
        org = sql.id("l.organization_id"),
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Date => from, Date => to, Text => &pattern)
}

/// Taught sessions of one center's classes in the period.
#[derive(Debug, Clone, QueryableByName)]
pub struct SessionQuality {
    #[diesel(sql_type = Text)]
    pub center_id: String,
    #[diesel(sql_type = BigInt)]
    pub sessions: i64,
    /// Taught under a lesson plan approved before the session (the rule of teaching).
    #[diesel(sql_type = BigInt)]
    pub with_approved_plan: i64,
    /// Taught under a lesson plan that uses information technology.
    #[diesel(sql_type = BigInt)]
    pub using_it: i64,
}

/// Taught sessions of classes at centers in scope between two days, by center.
pub fn session_quality(
    conn: &mut DbConnection,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<SessionQuality>> {
    let mut sql = Sql::new(conn);
    let taught = centers_domain::teaching::SessionStatus::Taught.as_str();
    let text = format!(
        "SELECT {center} AS center_id, COUNT(*) AS sessions,
                COALESCE(SUM(CASE WHEN s.lesson_plan_id IS NOT NULL THEN 1 ELSE 0 END), 0)
                    AS with_approved_plan,
                COALESCE(SUM(CASE WHEN lp.uses_it THEN 1 ELSE 0 END), 0) AS using_it
         FROM class_sessions s
         JOIN classes c ON c.id = s.class_id
         JOIN organizations o ON o.id = c.center_id
         LEFT JOIN lesson_plans lp ON lp.id = s.lesson_plan_id
         WHERE s.status = '{taught}' AND s.session_date >= {from} AND s.session_date <= {to}
           AND o.path LIKE {scope}
         GROUP BY c.center_id",
        center = sql.id("c.center_id"),
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Date => from, Date => to, Text => &pattern)
}

/// Visits of one center's sessions in the period with one rating.
#[derive(Debug, Clone, QueryableByName)]
pub struct VisitRating {
    #[diesel(sql_type = Text)]
    pub center_id: String,
    #[diesel(sql_type = Text)]
    pub rating_code: String,
    #[diesel(sql_type = Text)]
    pub rating_label: String,
    #[diesel(sql_type = BigInt)]
    pub visits: i64,
    #[diesel(sql_type = Double)]
    pub score_sum: f64,
}

/// Visits of sessions of classes at centers in scope between two days, by center and rating.
pub fn visit_ratings(
    conn: &mut DbConnection,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<VisitRating>> {
    let mut sql = Sql::new(conn);
    let text = format!(
        "SELECT {center} AS center_id, v.rating_code AS rating_code, v.rating_label AS rating_label,
                COUNT(*) AS visits, SUM(v.average_score) AS score_sum
         FROM class_visits v
         JOIN class_sessions s ON s.id = v.session_id
         JOIN classes c ON c.id = s.class_id
         JOIN organizations o ON o.id = c.center_id
         WHERE s.session_date >= {from} AND s.session_date <= {to} AND o.path LIKE {scope}
         GROUP BY c.center_id, v.rating_code, v.rating_label",
        center = sql.id("c.center_id"),
        from = sql.bind(),
        to = sql.bind(),
        scope = sql.bind(),
    );
    let pattern = scope.pattern();
    load_by_backend!(conn, text, Date => from, Date => to, Text => &pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_statuses_come_from_the_domain() {
        assert_eq!(
            statuses(EnrollmentStatus::counts_as_enrollment),
            "'enrolled', 'completed', 'failed'"
        );
        assert_eq!(
            statuses(EnrollmentStatus::is_finished),
            "'completed', 'failed'"
        );
    }

    #[test]
    fn every_placeholder_is_fresh() {
        let mut pg = Sql {
            postgres: true,
            placeholders: 0,
        };
        assert_eq!([pg.bind(), pg.bind(), pg.bind()], ["$1", "$2", "$3"]);
        let mut lite = Sql {
            postgres: false,
            placeholders: 0,
        };
        assert_eq!([lite.bind(), lite.bind()], ["?", "?"]);
    }
}
