//! Aggregates for the province's reports, computed by the database in one statement each.
//!
//! The statements are SQL text (the grouping is chosen at run time, which diesel's typed
//! `group_by` cannot express), the same text on both backends but for the placeholders; every
//! value is bound, and the grouped columns come from a closed list (`SummaryDimension`).

use crate::{DbConnection, Scope};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text};

/// What a summary can be grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryDimension {
    Year,
    Center,
    Category,
    Program,
}

/// The enrollment statuses that count as a learner-enrollment (lượt học viên): the learner took
/// part in the class. Nominated, approved, rejected and withdrawn ones do not.
pub const COUNTED_STATUSES: &str = "'enrolled', 'completed', 'failed'";

/// One group's figures. Columns of dimensions not grouped by are null.
#[derive(Debug, Clone, QueryableByName)]
pub struct SummaryRow {
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
    #[diesel(sql_type = BigInt)]
    pub classes: i64,
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

/// Which rows a summary counts.
#[derive(Debug, Clone)]
pub struct SummaryFilter {
    pub scope: Scope,
    pub from: i32,
    pub to: i32,
    /// Only centers that existed that day (the organization tree as it stood).
    pub as_of: Option<NaiveDate>,
}

/// Classes (not cancelled) of the years `from..=to` at centers in scope, with their counted
/// enrollments and current certificates, grouped by `group`.
pub fn summary(
    conn: &mut DbConnection,
    filter: &SummaryFilter,
    group: &[SummaryDimension],
) -> QueryResult<Vec<SummaryRow>> {
    let has = |d: SummaryDimension| group.contains(&d);
    // Ids are compared as text so that one statement serves both backends (uuid vs TEXT).
    let id_text = |column: &str, conn: &DbConnection| match conn {
        DbConnection::Postgresql(_) => format!("CAST({column} AS TEXT)"),
        DbConnection::Sqlite(_) => column.to_owned(),
    };
    let mut select = Vec::new();
    let mut group_by = Vec::new();
    let mut pick = |on: bool, expr: String, name: &str, in_group: bool| {
        if on {
            select.push(format!("{expr} AS {name}"));
            if in_group {
                group_by.push(expr);
            }
        } else {
            select.push(format!("NULL AS {name}"));
        }
    };
    pick(has(SummaryDimension::Year), "c.year".into(), "year", true);
    let center = has(SummaryDimension::Center);
    pick(center, id_text("c.center_id", conn), "center_id", true);
    pick(center, "o.code".into(), "center_code", true);
    pick(center, "o.name".into(), "center_name", true);
    let program = has(SummaryDimension::Program);
    pick(
        program || has(SummaryDimension::Category),
        "p.category".into(),
        "category",
        true,
    );
    pick(program, "p.code".into(), "program_code", true);
    pick(program, "p.name".into(), "program_name", true);
    let (p1, p2, p3, p4, p5) = match conn {
        DbConnection::Postgresql(_) => ("$1", "$2", "$3", "$4", "$5"),
        DbConnection::Sqlite(_) => ("?", "?", "?", "?", "?"),
    };
    let sql = format!(
        "SELECT {select},
            COUNT(DISTINCT c.id) AS classes,
            COUNT(e.id) AS enrollments,
            COUNT(DISTINCT e.learner_id) AS learners,
            COALESCE(SUM(CASE WHEN e.status IN ('completed', 'failed') THEN 1 ELSE 0 END), 0) AS finished,
            COALESCE(SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END), 0) AS passed,
            COUNT(cert.id) AS certificates
         FROM classes c
         JOIN organizations o ON o.id = c.center_id
         JOIN programs p ON p.id = c.program_id
         LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ({COUNTED_STATUSES})
         LEFT JOIN certificates cert ON cert.enrollment_id = e.id AND cert.replaced_at IS NULL
         WHERE c.year >= {p1} AND c.year <= {p2} AND c.status <> 'cancelled'
           AND o.path LIKE {p3}
           AND ({p4} IS NULL OR ((o.valid_from IS NULL OR o.valid_from <= {p5})
                AND (o.valid_to IS NULL OR o.valid_to >= {p5})))
         {group}
         ORDER BY {order}",
        select = select.join(", "),
        group = if group_by.is_empty() {
            String::new()
        } else {
            format!("GROUP BY {}", group_by.join(", "))
        },
        order = if group_by.is_empty() {
            "1".to_owned()
        } else {
            group_by.join(", ")
        },
        // PostgreSQL numbers its placeholders; `$5` stands twice for the one date.
        p5 = if matches!(conn, DbConnection::Postgresql(_)) {
            p5
        } else {
            "?"
        },
    );
    let pattern = filter.scope.pattern();
    match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(sql)
            .bind::<Integer, _>(filter.from)
            .bind::<Integer, _>(filter.to)
            .bind::<Text, _>(&pattern)
            .bind::<Nullable<Date>, _>(filter.as_of)
            .bind::<Nullable<Date>, _>(filter.as_of)
            .load(c),
        DbConnection::Sqlite(c) => diesel::sql_query(sql)
            .bind::<Integer, _>(filter.from)
            .bind::<Integer, _>(filter.to)
            .bind::<Text, _>(&pattern)
            .bind::<Nullable<Date>, _>(filter.as_of)
            .bind::<Nullable<Date>, _>(filter.as_of)
            .bind::<Nullable<Date>, _>(filter.as_of)
            .load(c),
    }
}
