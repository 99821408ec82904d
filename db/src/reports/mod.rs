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

pub mod summary;
pub use summary::*;

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
