//! Results: final scores and conduct.

use super::EnrollmentRow;
use crate::schema::enrollments;
use crate::InScope;
use crate::{DbConnection, EnrollmentId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A result as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::results)]
pub struct ResultRow {
    pub id: crate::ResultId,
    pub enrollment_id: EnrollmentId,
    pub score_tenths: Option<i32>,
    pub retake_tenths: Option<i32>,
    pub conduct: Option<String>,
    pub comment: Option<String>,
    pub recorded_by: Option<UserId>,
    pub version: i32,
    pub updated_at: NaiveDateTime,
}

pub fn find_result(
    conn: &mut DbConnection,
    enrollment: &InScope<EnrollmentRow>,
) -> QueryResult<Option<ResultRow>> {
    use crate::schema::results as t;
    t::table
        .filter(t::enrollment_id.eq(enrollment.id))
        .select(ResultRow::as_select())
        .first(conn)
        .optional()
}

/// Results of every enrollment of a class.
pub fn results_of_class(
    conn: &mut DbConnection,
    class: &InScope<crate::teaching::ClassRow>,
) -> QueryResult<Vec<ResultRow>> {
    use crate::schema::results as t;
    t::table
        .inner_join(enrollments::table)
        .filter(enrollments::class_id.eq(class.id))
        .select(ResultRow::as_select())
        .load(conn)
}

/// Results of enrollments in scope.
pub fn results_of(
    conn: &mut DbConnection,
    enrollments: &[InScope<EnrollmentRow>],
) -> QueryResult<Vec<ResultRow>> {
    use crate::schema::results as t;
    let ids: Vec<EnrollmentId> = enrollments.iter().map(|e| e.id).collect();
    let mut found = Vec::new();
    for chunk in ids.chunks(1_000) {
        found.extend(
            t::table
                .filter(t::enrollment_id.eq_any(chunk.to_vec()))
                .select(ResultRow::as_select())
                .load(conn)?,
        );
    }
    Ok(found)
}

/// Writes an enrollment's result (insert or replace).
pub fn put_result(
    conn: &mut DbConnection,
    enrollment: &InScope<EnrollmentRow>,
    score: Option<i32>,
    retake: Option<i32>,
    conduct: Option<&str>,
    comment: Option<&str>,
    by: Option<UserId>,
) -> QueryResult<ResultRow> {
    use crate::schema::results as t;
    let now = crate::now();
    match find_result(conn, enrollment)? {
        Some(old) => diesel::update(t::table.filter(t::id.eq(old.id)))
            .set((
                t::score_tenths.eq(score),
                t::retake_tenths.eq(retake),
                t::conduct.eq(conduct),
                t::comment.eq(comment),
                t::recorded_by.eq(by),
                t::version.eq(old.version + 1),
                t::updated_at.eq(now),
            ))
            .returning(t::all_columns)
            .get_result(conn),
        None => diesel::insert_into(t::table)
            .values((
                t::id.eq(crate::ResultId::generate()),
                t::enrollment_id.eq(enrollment.id),
                t::score_tenths.eq(score),
                t::retake_tenths.eq(retake),
                t::conduct.eq(conduct),
                t::comment.eq(comment),
                t::recorded_by.eq(by),
                t::version.eq(1),
                t::updated_at.eq(now),
            ))
            .returning(t::all_columns)
            .get_result(conn),
    }
}
