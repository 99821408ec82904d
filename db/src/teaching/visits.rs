//! Class visits (dự giờ).

use crate::schema::{class_sessions, classes, organizations};
use crate::{ClassId, DbConnection, LecturerId, MultiBackend, Scope, SessionId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A class visit as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::class_visits)]
pub struct VisitRow {
    pub id: crate::VisitId,
    pub session_id: SessionId,
    pub observer_id: LecturerId,
    pub scores_json: String,
    pub total_score: f64,
    pub average_score: f64,
    pub rating_code: String,
    pub rating_label: String,
    pub comments: Option<String>,
    pub recorded_by: Option<UserId>,
    pub created_at: NaiveDateTime,
}

/// A visit to record, already scored.
#[derive(Debug, Clone)]
pub struct NewVisit {
    pub session_id: SessionId,
    pub observer_id: LecturerId,
    pub scores_json: String,
    pub total_score: f64,
    pub average_score: f64,
    pub rating_code: String,
    pub rating_label: String,
    pub comments: Option<String>,
    pub recorded_by: Option<UserId>,
}

pub fn insert_visit(conn: &mut DbConnection, v: &NewVisit) -> QueryResult<VisitRow> {
    use crate::schema::class_visits as t;
    diesel::insert_into(t::table)
        .values((
            t::id.eq(crate::VisitId::generate()),
            t::session_id.eq(v.session_id),
            t::observer_id.eq(v.observer_id),
            t::scores_json.eq(&v.scores_json),
            t::total_score.eq(v.total_score),
            t::average_score.eq(v.average_score),
            t::rating_code.eq(&v.rating_code),
            t::rating_label.eq(&v.rating_label),
            t::comments.eq(&v.comments),
            t::recorded_by.eq(v.recorded_by),
            t::created_at.eq(crate::now()),
        ))
        .returning(t::all_columns)
        .get_result(conn)
}

/// Visits of sessions of classes in `scope`, optionally of one lecturer's sessions or one class,
/// newest first (at most 500).
pub fn list_visits(
    conn: &mut DbConnection,
    scope: &Scope,
    lecturer: Option<LecturerId>,
    class: Option<ClassId>,
) -> QueryResult<Vec<VisitRow>> {
    use crate::schema::class_visits as t;
    let mut q = t::table
        .inner_join(
            class_sessions::table.inner_join(classes::table.inner_join(organizations::table)),
        )
        .select(VisitRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(scope.pattern()));
    if let Some(l) = lecturer {
        q = q.filter(class_sessions::lecturer_id.eq(l));
    }
    if let Some(c) = class {
        q = q.filter(class_sessions::class_id.eq(c));
    }
    q.order((t::created_at.desc(), t::id.desc()))
        .limit(500)
        .load(conn)
}

pub fn find_visit(
    conn: &mut DbConnection,
    id: crate::VisitId,
    scope: &Scope,
) -> QueryResult<Option<VisitRow>> {
    use crate::schema::class_visits as t;
    t::table
        .inner_join(
            class_sessions::table.inner_join(classes::table.inner_join(organizations::table)),
        )
        .select(VisitRow::as_select())
        .filter(organizations::path.like(scope.pattern()))
        .filter(t::id.eq(id))
        .first(conn)
        .optional()
}
