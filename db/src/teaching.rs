//! Teaching: lecturers, classes, lesson plans and the timetable.
//!
//! Scope: a lecturer, class or session belongs to the organization whose materialized path the
//! caller's scope must contain — except the provincial school's lecturers, whom every caller of
//! the province sees (they teach at the centers as visiting lecturers).

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{
    class_sessions, classes, lecturers, lesson_plans, organizations, program_topics,
};
use crate::{
    ClassId, DbConnection, Id, LecturerId, LessonPlanId, MultiBackend, OrganizationId, PlanLineId,
    ProgramId, Scope, SessionId, UserId,
};
use centers_domain::teaching::{
    ClassMode, ClassStatus, LecturerKind, LessonPlanStatus, Position, SessionStatus,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

// ---- lecturers ----

/// A lecturer as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = lecturers)]
pub struct LecturerRow {
    pub id: LecturerId,
    pub organization_id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub kind: LecturerKind,
    pub full_name: String,
    pub search_text: String,
    pub position: Option<String>,
    pub leadership_post: Option<String>,
    pub theory_level: Option<String>,
    pub degree: Option<String>,
    pub subjects_json: String,
    pub user_id: Option<UserId>,
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl LecturerRow {
    pub fn position(&self) -> Option<Position> {
        self.position.as_deref().and_then(|p| p.parse().ok())
    }

    pub fn subjects(&self) -> Vec<String> {
        serde_json::from_str(&self.subjects_json).unwrap_or_default()
    }
}

/// The fields of a lecturer, already checked.
#[derive(Debug, Clone)]
pub struct LecturerFields {
    pub kind: LecturerKind,
    pub full_name: String,
    pub position: Option<Position>,
    pub leadership_post: Option<String>,
    pub theory_level: Option<String>,
    pub degree: Option<String>,
    pub subjects: Vec<String>,
    pub user_id: Option<UserId>,
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
}

/// The columns a lecturer's fields set, on insert and update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = lecturers, treat_none_as_null = true)]
struct LecturerColumns<'a> {
    kind: &'a str,
    full_name: &'a str,
    search_text: String,
    position: Option<&'a str>,
    leadership_post: Option<&'a str>,
    theory_level: Option<&'a str>,
    degree: Option<&'a str>,
    subjects_json: String,
    user_id: Option<UserId>,
    external_id: Option<&'a str>,
    active_from: Option<NaiveDate>,
    active_to: Option<NaiveDate>,
}

impl LecturerFields {
    fn columns(&self) -> LecturerColumns<'_> {
        LecturerColumns {
            kind: self.kind.as_str(),
            full_name: &self.full_name,
            search_text: centers_domain::text::fold(&self.full_name),
            position: self.position.map(|p| p.as_str()),
            leadership_post: self.leadership_post.as_deref(),
            theory_level: self.theory_level.as_deref(),
            degree: self.degree.as_deref(),
            subjects_json: serde_json::to_string(&self.subjects).unwrap_or_else(|_| "[]".into()),
            user_id: self.user_id,
            external_id: self.external_id.as_deref(),
            active_from: self.active_from,
            active_to: self.active_to,
        }
    }
}

pub fn insert_lecturer(
    conn: &mut DbConnection,
    organization: OrganizationId,
    f: &LecturerFields,
) -> QueryResult<LecturerRow> {
    let now = crate::now();
    diesel::insert_into(lecturers::table)
        .values((
            f.columns(),
            lecturers::id.eq(LecturerId::generate()),
            lecturers::organization_id.eq(organization),
            lecturers::version.eq(1),
            lecturers::created_at.eq(now),
            lecturers::updated_at.eq(now),
        ))
        .returning(lecturers::all_columns)
        .get_result(conn)
}

/// Replaces a lecturer's fields if it is still at `version`; `None` when it was changed meanwhile.
pub fn update_lecturer(
    conn: &mut DbConnection,
    id: LecturerId,
    version: i32,
    f: &LecturerFields,
) -> QueryResult<Option<LecturerRow>> {
    diesel::update(
        lecturers::table
            .filter(lecturers::id.eq(id))
            .filter(lecturers::version.eq(version)),
    )
    .set((
        f.columns(),
        lecturers::version.eq(version + 1),
        lecturers::updated_at.eq(crate::now()),
    ))
    .returning(lecturers::all_columns)
    .get_result(conn)
    .optional()
}

/// Which lecturers a list returns.
#[derive(Debug, Clone)]
pub struct LecturerFilter {
    pub scope: Scope,
    /// The caller's province (`/<province>/`): its school's lecturers are visible to all.
    pub province: Scope,
    pub organization_id: Option<OrganizationId>,
    pub kind: Option<LecturerKind>,
    pub q: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub external_id: Option<String>,
}

type LecturerQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<lecturers::table, organizations::table>,
        diesel::dsl::AsSelect<LecturerRow, MultiBackend>,
    >,
    MultiBackend,
>;

/// Lecturers inside the scope, or of the province's school.
fn visible(scope: &Scope, province: &Scope) -> LecturerQuery<'static> {
    lecturers::table
        .inner_join(organizations::table)
        .select(LecturerRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(
            organizations::path
                .like(scope.pattern())
                .or(organizations::kind
                    .eq("provincial_school")
                    .and(organizations::path.like(province.pattern()))),
        )
}

fn filtered(f: &LecturerFilter) -> LecturerQuery<'static> {
    let mut q = visible(&f.scope, &f.province);
    if let Some(o) = f.organization_id {
        q = q.filter(lecturers::organization_id.eq(o));
    }
    if let Some(k) = f.kind {
        q = q.filter(lecturers::kind.eq(k.as_str()));
    }
    if let Some(text) = &f.q {
        q = q.filter(
            lecturers::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    if let Some(e) = &f.external_id {
        q = q.filter(lecturers::external_id.eq(e.clone()));
    }
    if let Some(day) = f.as_of {
        q = q
            .filter(
                lecturers::active_from
                    .is_null()
                    .or(lecturers::active_from.le(day)),
            )
            .filter(
                lecturers::active_to
                    .is_null()
                    .or(lecturers::active_to.ge(day)),
            );
    }
    q
}

/// Sort keys of the lecturer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LecturerSort {
    Name,
}

pub fn list_lecturers(
    conn: &mut DbConnection,
    filter: &LecturerFilter,
    page: &PageRequest<LecturerSort>,
) -> QueryResult<Page<LecturerRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter);
    crate::keyset_page!(q, page, lecturers::search_text, lecturers::id);
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: r.search_text.clone(),
        id: r.id.into(),
    }))
}

/// A lecturer the caller sees.
pub fn find_lecturer(
    conn: &mut DbConnection,
    id: LecturerId,
    scope: &Scope,
    province: &Scope,
) -> QueryResult<Option<LecturerRow>> {
    visible(scope, province)
        .filter(lecturers::id.eq(id))
        .first(conn)
        .optional()
}

/// The lecturer linked to an account, if any.
pub fn lecturer_of_user(conn: &mut DbConnection, user: UserId) -> QueryResult<Option<LecturerRow>> {
    lecturers::table
        .filter(lecturers::user_id.eq(user))
        .select(LecturerRow::as_select())
        .first(conn)
        .optional()
}

/// Locks a lecturer's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's writers
/// are serialized by `write_transaction`): two sessions for one lecturer are checked one after
/// the other, so both cannot pass the overlap check.
pub fn lock_lecturer(conn: &mut DbConnection, id: LecturerId) -> QueryResult<()> {
    crate::lock_rows!(
        conn,
        lecturers::table
            .filter(lecturers::id.eq(id))
            .select(lecturers::id)
    )
    .map(|_| ())
}

// ---- classes ----

/// A class as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = classes)]
pub struct ClassRow {
    pub id: ClassId,
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    pub year: i32,
    pub code: String,
    pub name: String,
    pub search_text: String,
    #[diesel(deserialize_as = String)]
    pub mode: ClassMode,
    pub plan_line_id: Option<PlanLineId>,
    pub partner_id: Option<OrganizationId>,
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
    #[diesel(deserialize_as = String)]
    pub status: ClassStatus,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A class's fields, already checked.
#[derive(Debug, Clone)]
pub struct ClassFields {
    pub program_id: ProgramId,
    pub code: String,
    pub name: String,
    pub mode: ClassMode,
    pub plan_line_id: Option<PlanLineId>,
    pub partner_id: Option<OrganizationId>,
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
}

/// The columns a class's fields set, on insert and update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = classes, treat_none_as_null = true)]
struct ClassColumns<'a> {
    program_id: ProgramId,
    year: i32,
    code: &'a str,
    name: &'a str,
    search_text: String,
    mode: &'a str,
    plan_line_id: Option<PlanLineId>,
    partner_id: Option<OrganizationId>,
    term: Option<&'a str>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    location: Option<&'a str>,
    capacity: i32,
    homeroom_lecturer_id: Option<LecturerId>,
}

impl ClassFields {
    fn columns(&self) -> ClassColumns<'_> {
        ClassColumns {
            program_id: self.program_id,
            year: chrono::Datelike::year(&self.start_date),
            code: &self.code,
            name: &self.name,
            search_text: centers_domain::text::fold(&self.name),
            mode: self.mode.as_str(),
            plan_line_id: self.plan_line_id,
            partner_id: self.partner_id,
            term: self.term.as_deref(),
            start_date: self.start_date,
            end_date: self.end_date,
            location: self.location.as_deref(),
            capacity: self.capacity,
            homeroom_lecturer_id: self.homeroom_lecturer_id,
        }
    }
}

pub fn insert_class(
    conn: &mut DbConnection,
    center: OrganizationId,
    f: &ClassFields,
) -> QueryResult<ClassRow> {
    let now = crate::now();
    diesel::insert_into(classes::table)
        .values((
            f.columns(),
            classes::id.eq(ClassId::generate()),
            classes::center_id.eq(center),
            classes::status.eq(ClassStatus::Planned.as_str()),
            classes::version.eq(1),
            classes::created_at.eq(now),
            classes::updated_at.eq(now),
        ))
        .returning(classes::all_columns)
        .get_result(conn)
}

/// Replaces a class's fields if it is still at its version and status.
pub fn update_class(
    conn: &mut DbConnection,
    row: &ClassRow,
    f: &ClassFields,
) -> QueryResult<Option<ClassRow>> {
    diesel::update(
        classes::table
            .filter(classes::id.eq(row.id))
            .filter(classes::version.eq(row.version))
            .filter(classes::status.eq(row.status.as_str())),
    )
    .set((
        f.columns(),
        classes::version.eq(row.version + 1),
        classes::updated_at.eq(crate::now()),
    ))
    .returning(classes::all_columns)
    .get_result(conn)
    .optional()
}

/// Moves a class from `from` to `to` if no one moved it first.
pub fn set_class_status(
    conn: &mut DbConnection,
    row: &ClassRow,
    to: ClassStatus,
) -> QueryResult<Option<ClassRow>> {
    if crate::guarded_status_update!(conn, classes, row.id, row.status, to)? == 0 {
        return Ok(None);
    }
    classes::table
        .filter(classes::id.eq(row.id))
        .select(ClassRow::as_select())
        .first(conn)
        .map(Some)
}

type ClassQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<classes::table, organizations::table>,
        diesel::dsl::AsSelect<ClassRow, MultiBackend>,
    >,
    MultiBackend,
>;

fn classes_in(scope: &Scope) -> ClassQuery<'static> {
    classes::table
        .inner_join(organizations::table)
        .select(ClassRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(scope.pattern()))
}

/// Which classes a list returns.
#[derive(Debug, Clone)]
pub struct ClassFilter {
    pub scope: Scope,
    pub center_id: Option<OrganizationId>,
    pub program_id: Option<ProgramId>,
    pub year: Option<i32>,
    pub status: Option<ClassStatus>,
    pub q: Option<String>,
}

fn filtered_classes(f: &ClassFilter) -> ClassQuery<'static> {
    let mut q = classes_in(&f.scope);
    if let Some(c) = f.center_id {
        q = q.filter(classes::center_id.eq(c));
    }
    if let Some(p) = f.program_id {
        q = q.filter(classes::program_id.eq(p));
    }
    if let Some(y) = f.year {
        q = q.filter(classes::year.eq(y));
    }
    if let Some(s) = f.status {
        q = q.filter(classes::status.eq(s.as_str()));
    }
    if let Some(text) = &f.q {
        q = q.filter(
            classes::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    q
}

/// Sort keys of the class list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassSort {
    Code,
    Name,
}

pub fn list_classes(
    conn: &mut DbConnection,
    filter: &ClassFilter,
    page: &PageRequest<ClassSort>,
) -> QueryResult<Page<ClassRow>> {
    let total = page.total(|| filtered_classes(filter).count().get_result(conn))?;
    let mut q = filtered_classes(filter);
    match page.sort {
        ClassSort::Code => crate::keyset_page!(q, page, classes::code, classes::id),
        ClassSort::Name => crate::keyset_page!(q, page, classes::search_text, classes::id),
    }
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    let sort = page.sort;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: match sort {
            ClassSort::Code => r.code.clone(),
            ClassSort::Name => r.search_text.clone(),
        },
        id: r.id.into(),
    }))
}

pub fn find_class(
    conn: &mut DbConnection,
    id: ClassId,
    scope: &Scope,
) -> QueryResult<Option<ClassRow>> {
    classes_in(scope)
        .filter(classes::id.eq(id))
        .first(conn)
        .optional()
}

/// A class whatever the scope: for the server's own use once the caller's right to the record
/// that refers to it was checked (a party organization reading its learner's result).
pub fn find_class_unscoped(conn: &mut DbConnection, id: ClassId) -> QueryResult<Option<ClassRow>> {
    classes::table
        .filter(classes::id.eq(id))
        .first(conn)
        .optional()
}

/// Whether another class of the center already uses `code` in `year`.
pub fn class_code_taken(
    conn: &mut DbConnection,
    center: OrganizationId,
    year: i32,
    code: &str,
    except: Option<ClassId>,
) -> QueryResult<bool> {
    let mut q = classes::table
        .filter(classes::center_id.eq(center))
        .filter(classes::year.eq(year))
        .filter(classes::code.eq(code))
        .select(classes::id)
        .into_boxed::<MultiBackend>();
    if let Some(e) = except {
        q = q.filter(classes::id.ne(e));
    }
    Ok(q.first::<ClassId>(conn).optional()?.is_some())
}

// ---- lesson plans ----

/// A lesson-plan version as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = lesson_plans)]
pub struct LessonPlanRow {
    pub id: LessonPlanId,
    pub lecturer_id: LecturerId,
    pub topic_id: Id,
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
    topic: Id,
    version_no: i32,
    previous: Option<LessonPlanId>,
    f: &LessonPlanFields,
) -> QueryResult<LessonPlanRow> {
    let now = crate::now();
    diesel::insert_into(lesson_plans::table)
        .values((
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
            lesson_plans::version.eq(1),
            lesson_plans::created_at.eq(now),
            lesson_plans::updated_at.eq(now),
        ))
        .returning(lesson_plans::all_columns)
        .get_result(conn)
}

/// The newest version number of a lecturer's lesson plans for a topic.
pub fn last_version_no(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: Id,
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
    topic: Id,
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
    diesel::update(
        lesson_plans::table
            .filter(lesson_plans::id.eq(row.id))
            .filter(lesson_plans::status.eq(row.status.as_str())),
    )
    .set((
        lesson_plans::status.eq(to.as_str()),
        lesson_plans::approved_on.eq(approval.map(|a| a.0).or(row.approved_on)),
        lesson_plans::approved_by.eq(approval.map(|a| a.1).or(row.approved_by)),
        lesson_plans::version.eq(row.version + 1),
        lesson_plans::updated_at.eq(crate::now()),
    ))
    .returning(lesson_plans::all_columns)
    .get_result(conn)
    .optional()
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
    topic: Id,
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
) -> QueryResult<Vec<LessonPlanRow>> {
    let mut q = lesson_plans::table
        .inner_join(lecturers::table.inner_join(organizations::table))
        .select(LessonPlanRow::as_select())
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
    q.order((lesson_plans::created_at.desc(), lesson_plans::id.desc()))
        .limit(500)
        .load(conn)
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

// ---- sessions ----

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
    pub topic_id: Id,
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
    pub topic_id: Id,
    pub lecturer_id: LecturerId,
    pub room: Option<String>,
}

pub fn insert_session(
    conn: &mut DbConnection,
    class: ClassId,
    f: &SessionFields,
) -> QueryResult<SessionRow> {
    let now = crate::now();
    diesel::insert_into(class_sessions::table)
        .values((
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
            class_sessions::version.eq(1),
            class_sessions::created_at.eq(now),
            class_sessions::updated_at.eq(now),
        ))
        .returning(class_sessions::all_columns)
        .get_result(conn)
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
pub fn sessions_of_class(conn: &mut DbConnection, class: ClassId) -> QueryResult<Vec<SessionRow>> {
    class_sessions::table
        .filter(class_sessions::class_id.eq(class))
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
) -> QueryResult<Option<(SessionRow, ClassRow)>> {
    let Some(session) = class_sessions::table
        .filter(class_sessions::id.eq(id))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    Ok(find_class(conn, session.class_id, scope)?.map(|class| (session, class)))
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

/// The topics of a program, in order: (id, title, periods).
pub fn topics_of(
    conn: &mut DbConnection,
    program: ProgramId,
) -> QueryResult<Vec<(Id, String, i32)>> {
    program_topics::table
        .filter(program_topics::program_id.eq(program))
        .order(program_topics::position.asc())
        .select((
            program_topics::id,
            program_topics::title,
            program_topics::periods,
        ))
        .load(conn)
}

/// A topic's program, if the topic exists.
pub fn program_of_topic(conn: &mut DbConnection, topic: Id) -> QueryResult<Option<ProgramId>> {
    program_topics::table
        .filter(program_topics::id.eq(topic))
        .select(program_topics::program_id)
        .first(conn)
        .optional()
}

/// What a class needs to know of the plan line it fulfils: the line's program and its plan's
/// center, year and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLineFacts {
    pub program_id: ProgramId,
    pub center_id: OrganizationId,
    pub year: i32,
    pub plan_status: centers_domain::plans::PlanStatus,
}

pub fn plan_line_facts(
    conn: &mut DbConnection,
    line: PlanLineId,
) -> QueryResult<Option<PlanLineFacts>> {
    use crate::schema::{training_plan_lines, training_plans};
    training_plan_lines::table
        .inner_join(training_plans::table)
        .filter(training_plan_lines::id.eq(line))
        .select((
            training_plan_lines::program_id,
            training_plans::center_id,
            training_plans::year,
            training_plans::status,
        ))
        .first::<(ProgramId, OrganizationId, i32, String)>(conn)
        .optional()?
        .map(|(program_id, center_id, year, status)| {
            Ok(PlanLineFacts {
                program_id,
                center_id,
                year,
                plan_status: status.parse().map_err(|_| {
                    diesel::result::Error::DeserializationError(
                        format!("unknown plan status {status}").into(),
                    )
                })?,
            })
        })
        .transpose()
}

/// Every version of a lecturer's lesson plans for a topic, oldest first.
pub fn list_lesson_plans_of(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    topic: Id,
) -> QueryResult<Vec<LessonPlanRow>> {
    lesson_plans::table
        .filter(lesson_plans::lecturer_id.eq(lecturer))
        .filter(lesson_plans::topic_id.eq(topic))
        .select(LessonPlanRow::as_select())
        .order(lesson_plans::version_no.asc())
        .load(conn)
}

// ---- class visits ----

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

// ---- lecturer activities ----

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::lecturer_activities)]
pub struct ActivityRow {
    pub id: crate::ActivityId,
    pub lecturer_id: LecturerId,
    #[diesel(deserialize_as = String)]
    pub kind: centers_domain::teaching::ActivityKind,
    pub activity_date: NaiveDate,
    pub hours_tenths: i32,
    pub place: Option<String>,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}

#[allow(clippy::too_many_arguments)]
pub fn insert_activity(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    kind: centers_domain::teaching::ActivityKind,
    day: NaiveDate,
    hours_tenths: i32,
    place: Option<&str>,
    note: Option<&str>,
) -> QueryResult<ActivityRow> {
    use crate::schema::lecturer_activities as t;
    diesel::insert_into(t::table)
        .values((
            t::id.eq(crate::ActivityId::generate()),
            t::lecturer_id.eq(lecturer),
            t::kind.eq(kind.as_str()),
            t::activity_date.eq(day),
            t::hours_tenths.eq(hours_tenths),
            t::place.eq(place),
            t::note.eq(note),
            t::created_at.eq(crate::now()),
        ))
        .returning(t::all_columns)
        .get_result(conn)
}

/// A lecturer's activities between two days (inclusive), in date order.
pub fn activities_between(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<ActivityRow>> {
    use crate::schema::lecturer_activities as t;
    t::table
        .filter(t::lecturer_id.eq(lecturer))
        .filter(t::activity_date.ge(from))
        .filter(t::activity_date.le(to))
        .select(ActivityRow::as_select())
        .order((t::activity_date.asc(), t::id.asc()))
        .load(conn)
}

/// One activity of a lecturer (the lecturer already checked readable by the caller).
pub fn find_activity(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    id: crate::ActivityId,
) -> QueryResult<Option<ActivityRow>> {
    use crate::schema::lecturer_activities as t;
    t::table
        .filter(t::lecturer_id.eq(lecturer))
        .filter(t::id.eq(id))
        .select(ActivityRow::as_select())
        .first(conn)
        .optional()
}

// ---- workload and the teaching report ----

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

/// Deletes a lecturer; the database refuses (foreign keys) while sessions, lesson plans, visits,
/// activities or classes refer to it.
pub fn delete_lecturer(conn: &mut DbConnection, id: LecturerId) -> QueryResult<usize> {
    diesel::delete(lecturers::table.filter(lecturers::id.eq(id))).execute(conn)
}
