//! Lesson plans (giáo án), versioned per lecturer and topic.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{lecturers, lesson_plans, organizations};
use crate::{DbConnection, LecturerId, LessonPlanId, MultiBackend, Scope, UserId};
use centers_domain::teaching::LessonPlanStatus;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A lesson-plan version as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = lesson_plans)]
pub struct LessonPlanRow {
    pub id: LessonPlanId,
    pub lecturer_id: LecturerId,
    pub topic_id: crate::TopicId,
    pub version_no: i32,
    pub previous_id: Option<LessonPlanId>,
    pub title: String,
    pub outline: String,
    pub uses_it: bool,
    pub local_practice: Option<String>,
    pub attachments_json: String,
    #[diesel(deserialize_as = String)]
    pub status: LessonPlanStatus,
    pub approved_on: Option<NaiveDate>,
    pub approved_by: Option<UserId>,
    pub superseded_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A lesson plan's content, already checked.
#[derive(Debug, Clone)]
pub struct LessonPlanFields {
    pub title: String,
    pub outline: String,
    pub uses_it: bool,
    pub local_practice: Option<String>,
    pub attachments_json: String,
}

/// Inserts version `version_no` of a lesson plan, in draft.
pub fn insert_lesson_plan(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: crate::TopicId,
    version_no: i32,
    previous: Option<LessonPlanId>,
    f: &LessonPlanFields,
) -> QueryResult<LessonPlanRow> {
    crate::insert_versioned!(
        conn,
        lesson_plans,
        (
            lesson_plans::id.eq(LessonPlanId::generate()),
            lesson_plans::lecturer_id.eq(lecturer),
            lesson_plans::topic_id.eq(topic),
            lesson_plans::version_no.eq(version_no),
            lesson_plans::previous_id.eq(previous),
            lesson_plans::title.eq(&f.title),
            lesson_plans::outline.eq(&f.outline),
            lesson_plans::uses_it.eq(f.uses_it),
            lesson_plans::local_practice.eq(&f.local_practice),
            lesson_plans::attachments_json.eq(&f.attachments_json),
            lesson_plans::status.eq(LessonPlanStatus::Draft.as_str()),
        )
    )
}

/// The newest version number of a lecturer's lesson plans for a topic.
pub fn last_version_no(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: crate::TopicId,
) -> QueryResult<i32> {
    use diesel::dsl::max;
    Ok(lesson_plans::table
        .filter(lesson_plans::lecturer_id.eq(lecturer))
        .filter(lesson_plans::topic_id.eq(topic))
        .select(max(lesson_plans::version_no))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0))
}

/// Whether the chain of (lecturer, topic) has a version still being worked on or reviewed.
pub fn open_version_exists(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: crate::TopicId,
) -> QueryResult<bool> {
    let open = [
        LessonPlanStatus::Draft.as_str(),
        LessonPlanStatus::Submitted.as_str(),
        LessonPlanStatus::Appraised.as_str(),
        LessonPlanStatus::Returned.as_str(),
    ];
    Ok(lesson_plans::table
        .filter(lesson_plans::lecturer_id.eq(lecturer))
        .filter(lesson_plans::topic_id.eq(topic))
        .filter(lesson_plans::status.eq_any(open))
        .select(lesson_plans::id)
        .first::<LessonPlanId>(conn)
        .optional()?
        .is_some())
}

pub fn update_lesson_plan(
    conn: &mut DbConnection,
    row: &LessonPlanRow,
    f: &LessonPlanFields,
) -> QueryResult<Option<LessonPlanRow>> {
    diesel::update(
        lesson_plans::table
            .filter(lesson_plans::id.eq(row.id))
            .filter(lesson_plans::version.eq(row.version))
            .filter(lesson_plans::status.eq(row.status.as_str())),
    )
    .set((
        lesson_plans::title.eq(&f.title),
        lesson_plans::outline.eq(&f.outline),
        lesson_plans::uses_it.eq(f.uses_it),
        lesson_plans::local_practice.eq(&f.local_practice),
        lesson_plans::attachments_json.eq(&f.attachments_json),
        lesson_plans::version.eq(row.version + 1),
        lesson_plans::updated_at.eq(crate::now()),
    ))
    .returning(lesson_plans::all_columns)
    .get_result(conn)
    .optional()
}

/// Moves a lesson plan to `to` if no one moved it first; approval records the day and approver.
pub fn set_lesson_plan_status(
    conn: &mut DbConnection,
    row: &LessonPlanRow,
    to: LessonPlanStatus,
    approval: Option<(NaiveDate, UserId)>,
) -> QueryResult<Option<LessonPlanRow>> {
    crate::guarded_status_update!(
        returning conn,
        lesson_plans,
        row.id,
        row.status,
        to,
        lesson_plans::approved_on.eq(approval.map(|a| a.0).or(row.approved_on)),
        lesson_plans::approved_by.eq(approval.map(|a| a.1).or(row.approved_by)),
    )
}

/// The chain's other approved versions become superseded from `day` (the new one's approval).
pub fn supersede_approved(
    conn: &mut DbConnection,
    keep: &LessonPlanRow,
    day: NaiveDate,
) -> QueryResult<Vec<LessonPlanRow>> {
    diesel::update(
        lesson_plans::table
            .filter(lesson_plans::lecturer_id.eq(keep.lecturer_id))
            .filter(lesson_plans::topic_id.eq(keep.topic_id))
            .filter(lesson_plans::id.ne(keep.id))
            .filter(lesson_plans::status.eq(LessonPlanStatus::Approved.as_str())),
    )
    .set((
        lesson_plans::status.eq(LessonPlanStatus::Superseded.as_str()),
        lesson_plans::superseded_on.eq(Some(day)),
        lesson_plans::version.eq(lesson_plans::version + 1),
        lesson_plans::updated_at.eq(crate::now()),
    ))
    .returning(lesson_plans::all_columns)
    .get_results(conn)
}

/// Every approved or superseded version of a lecturer's lesson plans for a topic: the ones that
/// were ever in force.
pub fn approved_versions(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: crate::TopicId,
) -> QueryResult<Vec<LessonPlanRow>> {
    lesson_plans::table
        .filter(lesson_plans::lecturer_id.eq(lecturer))
        .filter(lesson_plans::topic_id.eq(topic))
        .filter(lesson_plans::approved_on.is_not_null())
        .select(LessonPlanRow::as_select())
        .order(lesson_plans::version_no.asc())
        .load(conn)
}

/// Lesson-plan versions whose lecturer the caller sees, newest first (at most 500).
pub fn list_lesson_plans(
    conn: &mut DbConnection,
    scope: &Scope,
    province: &Scope,
    lecturer: Option<LecturerId>,
    status: Option<LessonPlanStatus>,
    page: &PageRequest<()>,
) -> QueryResult<Page<LessonPlanRow>> {
    let filtered = || {
        let mut q = lesson_plans::table
            .inner_join(lecturers::table.inner_join(organizations::table))
            .into_boxed::<MultiBackend>()
            .filter(
                organizations::path
                    .like(scope.pattern())
                    .or(organizations::kind
                        .eq("provincial_school")
                        .and(organizations::path.like(province.pattern()))),
            );
        if let Some(l) = lecturer {
            q = q.filter(lesson_plans::lecturer_id.eq(l));
        }
        if let Some(s) = status {
            q = q.filter(lesson_plans::status.eq(s.as_str()));
        }
        q
    };
    // One lecturer's plans are few: counted. The whole scope's grow with the years: counted only
    // when the client asks (`total=true`).
    let scan = |c: &mut DbConnection| filtered().count().get_result(c);
    let total = if lecturer.is_some() {
        page.total(|| scan(conn))?
    } else {
        page.total_kept(
            conn,
            None::<fn(&mut DbConnection) -> QueryResult<i64>>,
            scan,
        )?
    };
    let mut q = filtered().select(LessonPlanRow::as_select());
    crate::keyset_page_at!(q, page, lesson_plans::created_at, lesson_plans::id);
    if page.after.is_none() {
        if let Some(offset) = page.offset {
            q = q.offset(offset);
        }
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: crate::paging::timestamp_key(r.created_at),
        id: r.id.into(),
    }))
}

pub fn find_lesson_plan_unscoped(
    conn: &mut DbConnection,
    id: LessonPlanId,
) -> QueryResult<Option<LessonPlanRow>> {
    lesson_plans::table
        .filter(lesson_plans::id.eq(id))
        .select(LessonPlanRow::as_select())
        .first(conn)
        .optional()
}

/// Every version of a lecturer's lesson plans for a topic, oldest first.
pub fn list_lesson_plans_of(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: crate::TopicId,
) -> QueryResult<Vec<LessonPlanRow>> {
    lesson_plans::table
        .filter(lesson_plans::lecturer_id.eq(lecturer))
        .filter(lesson_plans::topic_id.eq(topic))
        .select(LessonPlanRow::as_select())
        .order(lesson_plans::version_no.asc())
        .load(conn)
}
