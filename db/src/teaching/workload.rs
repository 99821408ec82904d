//! Periods taught and the facts of the teaching report, across lecturers, classes and sessions.

use crate::schema::{class_sessions, classes, lecturers, organizations};
use crate::{DbConnection, LecturerId, LessonPlanId, OrganizationId, Scope};
use centers_domain::teaching::{LecturerKind, SessionStatus};
use chrono::NaiveDate;
use diesel::prelude::*;

/// Periods a lecturer taught between two days (inclusive).
pub fn periods_taught(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<i64> {
    use diesel::dsl::sum;
    Ok(class_sessions::table
        .filter(class_sessions::lecturer_id.eq(lecturer))
        .filter(class_sessions::status.eq(SessionStatus::Taught.as_str()))
        .filter(class_sessions::session_date.ge(from))
        .filter(class_sessions::session_date.le(to))
        .select(sum(class_sessions::periods))
        .first::<Option<i64>>(conn)?
        .unwrap_or(0))
}

/// One taught session, as the teaching report counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaughtFact {
    pub center_id: OrganizationId,
    pub lecturer_kind: LecturerKind,
    pub periods: i32,
    pub had_lesson_plan: bool,
}

/// Every taught session of classes in `scope` between two days.
pub fn taught_facts(
    conn: &mut DbConnection,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<TaughtFact>> {
    let rows: Vec<(OrganizationId, String, i32, Option<LessonPlanId>)> = class_sessions::table
        .inner_join(classes::table.inner_join(organizations::table))
        .inner_join(lecturers::table)
        .filter(organizations::path.like(scope.pattern()))
        .filter(class_sessions::status.eq(SessionStatus::Taught.as_str()))
        .filter(class_sessions::session_date.ge(from))
        .filter(class_sessions::session_date.le(to))
        .select((
            classes::center_id,
            lecturers::kind,
            class_sessions::periods,
            class_sessions::lesson_plan_id,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(center_id, kind, periods, plan)| {
            Ok(TaughtFact {
                center_id,
                lecturer_kind: kind.parse().map_err(|_| {
                    diesel::result::Error::DeserializationError(
                        format!("unknown lecturer kind {kind}").into(),
                    )
                })?,
                periods,
                had_lesson_plan: plan.is_some(),
            })
        })
        .collect()
}
