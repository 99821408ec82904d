//! Sessions of a class's timetable.

use super::*;
use crate::schema::class_sessions;
use crate::InScope;
use crate::{ClassId, DbConnection, LecturerId, LessonPlanId, Scope, SessionId};
use centers_domain::teaching::SessionStatus;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A timetable session as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = class_sessions)]
pub struct SessionRow {
    pub id: SessionId,
    pub class_id: ClassId,
    pub session_date: NaiveDate,
    pub start_minute: i32,
    pub end_minute: i32,
    pub periods: i32,
    pub topic_id: crate::TopicId,
    pub lecturer_id: LecturerId,
    pub room: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: SessionStatus,
    pub lesson_plan_id: Option<LessonPlanId>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A new session, already checked.
#[derive(Debug, Clone)]
pub struct SessionFields {
    pub session_date: NaiveDate,
    pub span: (i32, i32),
    pub periods: i32,
    pub topic_id: crate::TopicId,
    pub lecturer_id: LecturerId,
    pub room: Option<String>,
}

pub fn insert_session(
    conn: &mut DbConnection,
    class: ClassId,
    f: &SessionFields,
) -> QueryResult<SessionRow> {
    crate::insert_versioned!(
        conn,
        class_sessions,
        (
            class_sessions::id.eq(SessionId::generate()),
            class_sessions::class_id.eq(class),
            class_sessions::session_date.eq(f.session_date),
            class_sessions::start_minute.eq(f.span.0),
            class_sessions::end_minute.eq(f.span.1),
            class_sessions::periods.eq(f.periods),
            class_sessions::topic_id.eq(f.topic_id),
            class_sessions::lecturer_id.eq(f.lecturer_id),
            class_sessions::room.eq(&f.room),
            class_sessions::status.eq(SessionStatus::Scheduled.as_str()),
        )
    )
}

/// A lecturer's sessions (not cancelled) on a day that overlap `span`.
pub fn overlapping_sessions(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    day: NaiveDate,
    span: (i32, i32),
) -> QueryResult<Vec<SessionRow>> {
    class_sessions::table
        .filter(class_sessions::lecturer_id.eq(lecturer))
        .filter(class_sessions::session_date.eq(day))
        .filter(class_sessions::status.ne(SessionStatus::Cancelled.as_str()))
        .filter(class_sessions::start_minute.lt(span.1))
        .filter(class_sessions::end_minute.gt(span.0))
        .select(SessionRow::as_select())
        .load(conn)
}

/// The sessions of a class, in time order.
pub fn sessions_of_class(
    conn: &mut DbConnection,
    class: &InScope<ClassRow>,
) -> QueryResult<Vec<SessionRow>> {
    class_sessions::table
        .filter(class_sessions::class_id.eq(class.id))
        .select(SessionRow::as_select())
        .order((
            class_sessions::session_date.asc(),
            class_sessions::start_minute.asc(),
            class_sessions::id.asc(),
        ))
        .load(conn)
}

/// A session whose class the caller sees.
pub fn find_session(
    conn: &mut DbConnection,
    id: SessionId,
    scope: &Scope,
) -> QueryResult<Option<(InScope<SessionRow>, InScope<ClassRow>)>> {
    let Some(session) = class_sessions::table
        .filter(class_sessions::id.eq(id))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    Ok(find_class(conn, session.class_id, scope)?.map(|class| (InScope::new(session), class)))
}

/// Marks a session taught with the lesson plan in force, if it is still scheduled.
pub fn mark_taught(
    conn: &mut DbConnection,
    session: &SessionRow,
    lesson_plan: LessonPlanId,
) -> QueryResult<Option<SessionRow>> {
    diesel::update(
        class_sessions::table
            .filter(class_sessions::id.eq(session.id))
            .filter(class_sessions::status.eq(SessionStatus::Scheduled.as_str())),
    )
    .set((
        class_sessions::status.eq(SessionStatus::Taught.as_str()),
        class_sessions::lesson_plan_id.eq(Some(lesson_plan)),
        class_sessions::version.eq(session.version + 1),
        class_sessions::updated_at.eq(crate::now()),
    ))
    .returning(class_sessions::all_columns)
    .get_result(conn)
    .optional()
}
