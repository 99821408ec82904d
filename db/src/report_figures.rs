//! The report figures kept as the data changes (migration `000021_report_figures`, issue 23).
//!
//! Triggers mark the classes and learners a write touched; [`settle`], run by
//! [`crate::write_transaction`] at the end of every write transaction, recomputes their figures
//! from their rows, so that the reports read a few thousand kept rows instead of every enrollment
//! of the years asked:
//! - `class_figures`: per class not cancelled, its counted enrollments, finished, passed and
//!   current certificates;
//! - `learner_memberships`: per learner, the (year, center, program) groups of their counted
//!   enrollments;
//! - `distinct_learner_counts`: distinct learners, exactly, for every range of years, per
//!   grouping (see [`Granularity`]): a learner present in a group in a year is one mark carrying
//!   the previous year they were present in that group (0: none); the distinct learners of
//!   `from..=to` are the marks of those years whose previous year is before `from`.
//!
//! A learner's marks are taken back from their memberships as recorded, then their memberships
//! are recomputed and their new marks added: set-based statements over the marked learners, the
//! same for one enrollment and for a demo load of half a million.

use crate::reports::{statuses, Sql};
use crate::DbConnection;
use centers_domain::learners::EnrollmentStatus;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};

/// The groupings distinct learners are kept for (the part of a report row's key other than the
/// year); their numbers are the `granularity` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    AllCenters = 0,
    Center = 1,
    Category = 2,
    Program = 3,
    CenterCategory = 4,
    CenterProgram = 5,
}

impl Granularity {
    pub const ALL: [Granularity; 6] = [
        Granularity::AllCenters,
        Granularity::Center,
        Granularity::Category,
        Granularity::Program,
        Granularity::CenterCategory,
        Granularity::CenterProgram,
    ];

    /// The grouping of a report row: by center or not, and by category, program or neither.
    pub fn of(center: bool, category: bool, program: bool) -> Granularity {
        match (center, program, category) {
            (false, false, false) => Granularity::AllCenters,
            (true, false, false) => Granularity::Center,
            (false, false, true) => Granularity::Category,
            (false, true, _) => Granularity::Program,
            (true, false, true) => Granularity::CenterCategory,
            (true, true, _) => Granularity::CenterProgram,
        }
    }

    pub fn with_center(self) -> Granularity {
        match self {
            Granularity::AllCenters | Granularity::Center => Granularity::Center,
            Granularity::Category | Granularity::CenterCategory => Granularity::CenterCategory,
            Granularity::Program | Granularity::CenterProgram => Granularity::CenterProgram,
        }
    }

    pub fn has_center(self) -> bool {
        matches!(
            self,
            Granularity::Center | Granularity::CenterCategory | Granularity::CenterProgram
        )
    }

    /// The membership columns that make the group, `''` for the parts not grouped by.
    fn columns(self) -> (&'static str, &'static str, &'static str) {
        let center = if self.has_center() {
            "m.center_id"
        } else {
            "''"
        };
        let (category, program) = match self {
            Granularity::Category | Granularity::CenterCategory => ("m.category", "''"),
            Granularity::Program | Granularity::CenterProgram => ("''", "m.program_id"),
            Granularity::AllCenters | Granularity::Center => ("''", "''"),
        };
        (center, category, program)
    }
}

#[derive(QueryableByName)]
struct Pending {
    #[diesel(sql_type = Bool)]
    classes: bool,
    #[diesel(sql_type = Bool)]
    learners: bool,
}

/// Recomputes the figures of the classes and learners marked by this transaction's writes (a
/// single read when nothing was marked).
pub fn settle(conn: &mut DbConnection) -> QueryResult<()> {
    let text = "SELECT EXISTS (SELECT 1 FROM report_dirty_classes) AS classes, \
                EXISTS (SELECT 1 FROM report_dirty_learners) AS learners";
    let pending: Vec<Pending> = match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(text).load(c),
        DbConnection::Sqlite(c) => diesel::sql_query(text).load(c),
    }?;
    let Some(pending) = pending.first() else {
        return Ok(());
    };
    let (classes, learners) = (pending.classes, pending.learners);
    if classes {
        settle_classes(conn)?;
    }
    if learners {
        settle_learners(conn)?;
    }
    Ok(())
}

fn execute(conn: &mut DbConnection, text: &str) -> QueryResult<usize> {
    match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(text).execute(c),
        DbConnection::Sqlite(c) => diesel::sql_query(text).execute(c),
    }
}

fn settle_classes(conn: &mut DbConnection) -> QueryResult<()> {
    let sql = Sql::new(conn);
    let counted = statuses(EnrollmentStatus::counts_as_enrollment);
    let finished = statuses(EnrollmentStatus::is_finished);
    execute(
        conn,
        "DELETE FROM class_figures WHERE class_id IN (SELECT class_id FROM report_dirty_classes)",
    )?;
    execute(
        conn,
        &format!(
            "INSERT INTO class_figures
                (class_id, center_id, program_id, year, enrollments, finished, passed, certificates)
             SELECT c.id, {center}, {program}, c.year, COUNT(e.id),
                    COALESCE(SUM(CASE WHEN e.status IN ({finished}) THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN e.status = '{passed}' THEN 1 ELSE 0 END), 0),
                    COUNT(cert.id)
             FROM classes c
             LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ({counted})
             LEFT JOIN certificates cert ON cert.enrollment_id = e.id AND cert.replaced_at IS NULL
             WHERE c.id IN (SELECT class_id FROM report_dirty_classes) AND c.status <> 'cancelled'
             GROUP BY c.id, c.center_id, c.program_id, c.year
             ORDER BY c.id",
            center = sql.id("c.center_id"),
            program = sql.id("c.program_id"),
            passed = EnrollmentStatus::Completed.as_str(),
        ),
    )?;
    execute(conn, "DELETE FROM report_dirty_classes")?;
    Ok(())
}

fn settle_learners(conn: &mut DbConnection) -> QueryResult<()> {
    let sql = Sql::new(conn);
    let counted = statuses(EnrollmentStatus::counts_as_enrollment);
    // Their marks as recorded go, their groups are recomputed, their new marks come.
    execute(conn, &marks(-1))?;
    execute(
        conn,
        "DELETE FROM learner_memberships
         WHERE learner_id IN (SELECT learner_id FROM report_dirty_learners)",
    )?;
    execute(
        conn,
        &format!(
            "INSERT INTO learner_memberships (learner_id, year, center_id, program_id, category)
             SELECT DISTINCT e.learner_id, c.year, {center}, {program}, p.category
             FROM enrollments e
             JOIN classes c ON c.id = e.class_id AND c.status <> 'cancelled'
             JOIN programs p ON p.id = c.program_id
             WHERE e.learner_id IN (SELECT learner_id FROM report_dirty_learners)
               AND e.status IN ({counted})",
            center = sql.id("c.center_id"),
            program = sql.id("c.program_id"),
        ),
    )?;
    execute(conn, &marks(1))?;
    execute(conn, "DELETE FROM report_dirty_learners")?;
    Ok(())
}

/// Adds `sign` × the marks of the marked learners' recorded memberships to the counts, in key
/// order (concurrent writers lock the count rows in one order). The marked rows are reached by
/// `IN (SELECT …)` rather than a join: SQLite then walks the few marked ids into the indexes
/// instead of scanning every membership (measured: 0.9 s a write after a two-year demo load).
fn marks(sign: i32) -> String {
    let marks = marks_of(
        "learner_memberships m WHERE m.learner_id IN (SELECT learner_id FROM report_dirty_learners)",
    );
    format!(
        "INSERT INTO distinct_learner_counts
            (granularity, center_id, category, program_id, year, previous_year, learners)
         SELECT granularity, center_id, category, program_id, year, previous_year, {sign} * COUNT(*)
         FROM ({marks}) marks
         GROUP BY granularity, center_id, category, program_id, year, previous_year
         ORDER BY granularity, year, previous_year, center_id, category, program_id
         ON CONFLICT (granularity, year, previous_year, center_id, category, program_id)
         DO UPDATE SET learners = distinct_learner_counts.learners + excluded.learners"
    )
}

/// The marks of the memberships `from` (a `FROM` clause naming them `m`): one row per grouping,
/// group, learner and year present, with the previous year present in that group (0: none).
fn marks_of(from: &str) -> String {
    let groups = Granularity::ALL
        .iter()
        .map(|g| {
            let (center, category, program) = g.columns();
            format!(
                "SELECT DISTINCT {n} AS granularity, m.learner_id AS learner_id,
                        {center} AS center_id, {category} AS category, {program} AS program_id,
                        m.year AS year
                 FROM {from}",
                n = *g as i32,
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    format!(
        "SELECT granularity, center_id, category, program_id, year,
                COALESCE(LAG(year) OVER (
                    PARTITION BY granularity, learner_id, center_id, category, program_id
                    ORDER BY year), 0) AS previous_year
         FROM ({groups}) g"
    )
}

/// A kept figure that differs from the same figure computed from the rows.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Mismatch {
    #[diesel(sql_type = Text)]
    pub what: String,
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = BigInt)]
    pub kept: i64,
    #[diesel(sql_type = BigInt)]
    pub counted: i64,
}

/// Every kept figure that differs from the rows, computed afresh from the enrollments (not from
/// the kept memberships): empty when the kept figures are right. For the tests and operators.
pub fn mismatches(conn: &mut DbConnection) -> QueryResult<Vec<Mismatch>> {
    let sql = Sql::new(conn);
    let counted = statuses(EnrollmentStatus::counts_as_enrollment);
    let finished = statuses(EnrollmentStatus::is_finished);
    let class_id = sql.id("c.id");
    let kept_class = sql.id("k.class_id");
    let figures = ["enrollments", "finished", "passed", "certificates"]
        .iter()
        .map(|figure| {
            format!(
                "SELECT '{figure}' AS what, COALESCE(k.id, r.id) AS key,
                        CAST(COALESCE(k.n, -1) AS BIGINT) AS kept,
                        CAST(COALESCE(r.n, -1) AS BIGINT) AS counted
                 FROM (SELECT {kept_class} AS id, {figure} AS n FROM class_figures k) k
                 FULL OUTER JOIN (
                    SELECT {class_id} AS id, {figure} AS n FROM (
                        SELECT c.id, COUNT(e.id) AS enrollments,
                            COALESCE(SUM(CASE WHEN e.status IN ({finished}) THEN 1 ELSE 0 END), 0)
                                AS finished,
                            COALESCE(SUM(CASE WHEN e.status = '{passed}' THEN 1 ELSE 0 END), 0)
                                AS passed,
                            COUNT(cert.id) AS certificates
                        FROM classes c
                        LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ({counted})
                        LEFT JOIN certificates cert
                            ON cert.enrollment_id = e.id AND cert.replaced_at IS NULL
                        WHERE c.status <> 'cancelled'
                        GROUP BY c.id) c
                 ) r ON r.id = k.id
                 WHERE k.n IS NULL OR r.n IS NULL OR CAST(k.n AS BIGINT) <> CAST(r.n AS BIGINT)",
                passed = EnrollmentStatus::Completed.as_str(),
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let memberships = format!(
        "SELECT DISTINCT e.learner_id AS learner_id, c.year AS year, {center} AS center_id,
                {program} AS program_id, p.category AS category
         FROM enrollments e
         JOIN classes c ON c.id = e.class_id AND c.status <> 'cancelled'
         JOIN programs p ON p.id = c.program_id
         WHERE e.status IN ({counted})",
        center = sql.id("c.center_id"),
        program = sql.id("c.program_id"),
    );
    let marks = marks_of(&format!("({memberships}) m"));
    let key = "CAST(granularity AS TEXT) || '|' || center_id || '|' || category || '|' \
               || program_id || '|' || CAST(year AS TEXT) || '|' || CAST(previous_year AS TEXT)";
    let learners = format!(
        "SELECT 'distinct_learners' AS what, COALESCE(k.key, r.key) AS key,
                COALESCE(k.n, 0) AS kept, COALESCE(r.n, 0) AS counted
         FROM (SELECT {key} AS key, learners AS n FROM distinct_learner_counts WHERE learners <> 0) k
         FULL OUTER JOIN (
            SELECT {key} AS key, COUNT(*) AS n FROM ({marks}) marks
            GROUP BY granularity, center_id, category, program_id, year, previous_year
         ) r ON r.key = k.key
         WHERE k.n IS NULL OR r.n IS NULL OR k.n <> r.n"
    );
    let text = format!("{figures} UNION ALL {learners} ORDER BY 1, 2");
    let mut found: Vec<Mismatch> = match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(text).load(c),
        DbConnection::Sqlite(c) => diesel::sql_query(text).load(c),
    }?;
    let pending: Vec<PendingCount> = match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(PENDING).load(c),
        DbConnection::Sqlite(c) => diesel::sql_query(PENDING).load(c),
    }?;
    if let Some(p) = pending.first().filter(|p| p.n > 0) {
        found.push(Mismatch {
            what: "pending".into(),
            key: "report_dirty_*".into(),
            kept: p.n,
            counted: 0,
        });
    }
    Ok(found)
}

const PENDING: &str = "SELECT (SELECT COUNT(*) FROM report_dirty_classes) \
                       + (SELECT COUNT(*) FROM report_dirty_learners) AS n";

#[derive(QueryableByName)]
struct PendingCount {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rows_grouping_names_its_granularity() {
        assert_eq!(
            Granularity::of(false, false, false),
            Granularity::AllCenters
        );
        assert_eq!(Granularity::of(true, false, false), Granularity::Center);
        assert_eq!(Granularity::of(false, true, false), Granularity::Category);
        // A program's row carries its category: program wins.
        assert_eq!(Granularity::of(false, true, true), Granularity::Program);
        assert_eq!(
            Granularity::of(true, true, false),
            Granularity::CenterCategory
        );
        assert_eq!(
            Granularity::of(true, true, true),
            Granularity::CenterProgram
        );
        for g in Granularity::ALL {
            assert!(g.with_center().has_center());
        }
        assert_eq!(
            Granularity::Program.with_center(),
            Granularity::CenterProgram
        );
        let numbers: Vec<i32> = Granularity::ALL.iter().map(|g| *g as i32).collect();
        assert_eq!(
            numbers,
            [0, 1, 2, 3, 4, 5],
            "the stored numbers never change"
        );
    }

    #[test]
    fn marks_take_back_and_add_by_sign_in_key_order() {
        let take = marks(-1);
        assert!(take.contains(", -1 * COUNT(*)"));
        assert!(marks(1).contains(", 1 * COUNT(*)"));
        assert_eq!(
            take.matches("SELECT DISTINCT").count(),
            Granularity::ALL.len()
        );
        assert!(take.contains("ORDER BY granularity, year, previous_year"));
    }
}
