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
    page: &crate::paging::PageRequest<()>,
) -> QueryResult<crate::paging::Page<VisitRow>> {
    use crate::schema::class_visits as t;
    let filtered = || {
        let mut q = t::table
            .inner_join(
                class_sessions::table.inner_join(classes::table.inner_join(organizations::table)),
            )
            .into_boxed::<MultiBackend>()
            .filter(organizations::path.like(scope.pattern()));
        if let Some(l) = lecturer {
            q = q.filter(class_sessions::lecturer_id.eq(l));
        }
        if let Some(c) = class {
            q = q.filter(class_sessions::class_id.eq(c));
        }
        q
    };
    // One lecturer's or one class's visits are few: counted. The whole scope's grow with the
    // years: counted only when the client asks (`total=true`).
    let scan = |c: &mut DbConnection| filtered().count().get_result(c);
    let total = if lecturer.is_some() || class.is_some() {
        page.total(|| scan(conn))?
    } else {
        page.total_kept(
            conn,
            None::<fn(&mut DbConnection) -> QueryResult<i64>>,
            scan,
        )?
    };
    let mut q = filtered().select(VisitRow::as_select());
    crate::keyset_page_at!(q, page, t::created_at, t::id);
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(crate::paging::Page::from_rows(
        rows,
        page.limit,
        total,
        |r: &VisitRow| crate::paging::CursorKey {
            key: crate::paging::timestamp_key(r.created_at),
            id: r.id.into(),
        },
    ))
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
