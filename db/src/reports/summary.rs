//! The summary and the trends: classes, learner-enrollments, distinct learners, outcomes and
//! certificates by year, center, category or program, read from the figures kept as the data
//! changes ([`crate::report_figures`]) over a map of the centers counted.

use super::{group_clause, load_bound, Bind, GroupColumns, Sql, SummaryDimension, SummaryRow};
use crate::DbConnection;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

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
