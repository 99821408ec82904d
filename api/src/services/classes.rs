//! Classes, their workflow, their timetable (sessions) and its coverage of the program's topics.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use crate::services::lecturers::{province_scope, visible as visible_lecturer};
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::{
    self as db, ClassFields, ClassFilter, ClassRow, ClassSort, SessionFields, SessionRow,
};
use centers_db::writes::{self, Write};
use centers_db::{
    organizations as orgs, programs, ClassId, DbConnection, LecturerId, LessonPlanId,
    OrganizationId, PlanLineId, ProgramId, SessionId,
};
use centers_domain::access::{Permission, Principal, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::ProgramCategory;
use centers_domain::teaching::{
    self as rules, ClassAction, ClassMode, ClassStatus, ClassWorkflow, InForce, LessonPlanStatus,
    SessionStatus,
};
use centers_domain::validity::check_record_date;
use centers_domain::workflow::Step;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A class.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Class {
    pub id: ClassId,
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    /// The year of its start date (codes are unique per center and year).
    pub year: i32,
    #[schema(example = "KNĐ-01")]
    pub code: String,
    #[schema(example = "Lớp bồi dưỡng nhận thức về Đảng khóa 1")]
    pub name: String,
    pub mode: ClassMode,
    /// The approved plan line this class fulfils.
    pub plan_line_id: Option<PlanLineId>,
    /// The provincial school, for programs it runs with the center.
    pub partner_id: Option<OrganizationId>,
    /// Nhiệm kỳ of a reserve-cadre class, e.g. "2020–2025".
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
    pub status: ClassStatus,
    /// The workflow actions the status allows.
    pub allowed_actions: Vec<ClassAction>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(ClassList, Class);

impl From<ClassRow> for Class {
    fn from(r: ClassRow) -> Self {
        Class {
            allowed_actions: centers_domain::workflow::allowed_actions::<ClassWorkflow>(r.status),
            id: r.id,
            center_id: r.center_id,
            program_id: r.program_id,
            year: r.year,
            code: r.code,
            name: r.name,
            mode: r.mode,
            plan_line_id: r.plan_line_id,
            partner_id: r.partner_id,
            term: r.term,
            start_date: r.start_date,
            end_date: r.end_date,
            location: r.location,
            capacity: r.capacity,
            homeroom_lecturer_id: r.homeroom_lecturer_id,
            status: r.status,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A new class.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClass {
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    /// Unique per center and year; stored in upper case.
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: String,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: String,
    pub mode: ClassMode,
    /// A line of an approved plan of the same center, year and program.
    pub plan_line_id: Option<PlanLineId>,
    /// The provincial school, when it runs the class with the center.
    pub partner_id: Option<OrganizationId>,
    /// Required for reserve-cadre classes: "2020–2025".
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[schema(max_length = 300)]
    pub location: Option<String>,
    /// At least the policy's minimum class size in force on the start date.
    #[schema(minimum = 1, maximum = 10000)]
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
}

/// Changes to a class before it is over; absent fields stay, `null` clears a nullable one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateClass {
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: Option<String>,
    pub mode: Option<ClassMode>,
    #[serde(default)]
    #[schema(value_type = Option<PlanLineId>)]
    pub plan_line_id: Patch<PlanLineId>,
    #[serde(default)]
    #[schema(value_type = Option<OrganizationId>)]
    pub partner_id: Patch<OrganizationId>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub term: Patch<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 300)]
    pub location: Patch<String>,
    #[schema(minimum = 1, maximum = 10000)]
    pub capacity: Option<i32>,
    #[serde(default)]
    #[schema(value_type = Option<LecturerId>)]
    pub homeroom_lecturer_id: Patch<LecturerId>,
}

/// Filters of the class list.
#[derive(Debug, Clone, Default)]
pub struct ClassQuery {
    pub center_id: Option<OrganizationId>,
    pub program_id: Option<ProgramId>,
    pub year: Option<i32>,
    pub status: Option<ClassStatus>,
    pub q: Option<String>,
}

/// A class's fields as asked for, before they are checked.
struct Wanted {
    program_id: ProgramId,
    code: String,
    name: String,
    mode: ClassMode,
    plan_line_id: Option<PlanLineId>,
    partner_id: Option<OrganizationId>,
    term: Option<String>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    location: Option<String>,
    capacity: i32,
    homeroom_lecturer_id: Option<LecturerId>,
}

/// Checks a class against every rule; 422 naming each field that breaks one.
fn checked(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &orgs::OrganizationRow,
    w: Wanted,
) -> Result<ClassFields, ApiError> {
    let province: OrganizationId = caller.province_id()?.into();
    let mut errors = Vec::new();
    let code = centers_domain::organizations::parse_party_code(&w.code);
    if code.is_none() {
        errors.push(FieldError::new("code", "invalid_code", "1–32 characters"));
    }
    let name = clean_text(Some(&w.name)).unwrap_or_default();
    if name.is_empty() || name.chars().count() > 300 {
        errors.push(FieldError::new("name", "invalid", "1–300 characters"));
    }
    if let Err(ApiError::Validation(mut e)) = check_length("location", w.location.as_deref(), 300) {
        errors.append(&mut e);
    }
    for (field, date) in [("start_date", w.start_date), ("end_date", w.end_date)] {
        if let Err(e) = check_record_date(date) {
            errors.push(FieldError::new(field, "out_of_range", e.to_string()));
        }
    }
    if let Err(e) = rules::check_class_dates(w.start_date, w.end_date) {
        errors.push(FieldError::new("end_date", "invalid_period", e));
    }
    let program = programs::find(conn, w.program_id, province)?;
    match &program {
        None => errors.push(FieldError::new(
            "program_id",
            "unknown_program",
            "no such program in your province",
        )),
        Some(p) if p.retired_at.is_some() => errors.push(FieldError::new(
            "program_id",
            "retired",
            "the program is retired",
        )),
        Some(_) => {}
    }
    let term = match w.term.as_deref() {
        None => None,
        Some(t) => match rules::parse_term(t) {
            Some(t) => Some(t),
            None => {
                errors.push(FieldError::new(
                    "term",
                    "invalid_term",
                    "a term of office such as 2020–2025",
                ));
                None
            }
        },
    };
    if program
        .as_ref()
        .is_some_and(|p| p.category == ProgramCategory::ReserveCadre)
        && term.is_none()
        && w.term.is_none()
    {
        errors.push(FieldError::new(
            "term",
            "required",
            "a reserve-cadre class is for a term of office (nhiệm kỳ), e.g. 2020–2025",
        ));
    }
    if let Some(line) = w.plan_line_id {
        let year = chrono::Datelike::year(&w.start_date);
        let fits = db::plan_line_facts(conn, line)?.is_some_and(|f| {
            f.center_id == center.id
                && f.year == year
                && f.program_id == w.program_id
                && f.plan_status == centers_domain::plans::PlanStatus::Approved
        });
        if !fits {
            errors.push(FieldError::new(
                "plan_line_id",
                "not_an_approved_plan_line",
                "must be a line of an approved plan of the same center, year and program",
            ));
        }
    }
    if let Some(partner) = w.partner_id {
        let school = orgs::find_in_scope(
            conn,
            partner,
            Some(OrganizationKind::ProvincialSchool),
            &province_scope(caller)?,
        )?;
        if school.is_none() {
            errors.push(FieldError::new(
                "partner_id",
                "not_the_school",
                "the partner of a class is the provincial school",
            ));
        }
    }
    let policy = crate::services::policies::set_on(conn, province, w.start_date, "start_date")?;
    if !(policy.min_class_size..=10_000).contains(&w.capacity) {
        errors.push(FieldError::new(
            "capacity",
            "out_of_range",
            format!(
                "between the policy's minimum class size ({}) and 10000",
                policy.min_class_size
            ),
        ));
    }
    if let Some(l) = w.homeroom_lecturer_id {
        let ok = visible_lecturer(conn, caller, l).ok().is_some_and(|l| {
            l.organization_id == center.id || l.kind == rules::LecturerKind::Visiting
        });
        if !ok {
            errors.push(FieldError::new(
                "homeroom_lecturer_id",
                "unknown_lecturer",
                "a lecturer of the center, or a visiting lecturer",
            ));
        }
    }
    let (Some(code), true) = (code, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    Ok(ClassFields {
        program_id: w.program_id,
        code,
        name,
        mode: w.mode,
        plan_line_id: w.plan_line_id,
        partner_id: w.partner_id,
        term,
        start_date: w.start_date,
        end_date: w.end_date,
        location: clean_text(w.location.as_deref()),
        capacity: w.capacity,
        homeroom_lecturer_id: w.homeroom_lecturer_id,
    })
}

fn center_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<orgs::OrganizationRow, ApiError> {
    orgs::find_in_scope(conn, id, Some(OrganizationKind::Center), &caller.scope())?.ok_or_else(
        || {
            ApiError::invalid_field(
                "center_id",
                "unknown_center",
                "no such center in your scope",
            )
        },
    )
}

pub fn create(conn: &mut DbConnection, caller: &Caller, b: CreateClass) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let center = center_in_scope(conn, caller, b.center_id)?;
    let fields = checked(
        conn,
        caller,
        &center,
        Wanted {
            program_id: b.program_id,
            code: b.code,
            name: b.name,
            mode: b.mode,
            plan_line_id: b.plan_line_id,
            partner_id: b.partner_id,
            term: b.term,
            start_date: b.start_date,
            end_date: b.end_date,
            location: b.location,
            capacity: b.capacity,
            homeroom_lecturer_id: b.homeroom_lecturer_id,
        },
    )?;
    let year = chrono::Datelike::year(&fields.start_date);
    if db::class_code_taken(conn, center.id, year, &fields.code, None)? {
        return Err(ApiError::conflict(format!(
            "the code {} is already used by a class of this center in {year}",
            fields.code
        )));
    }
    let dto = Class::from(db::insert_class(conn, center.id, &fields)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Class, dto.id, &center.path, &dto),
    )?;
    Ok(dto)
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    q: ClassQuery,
    page: &PageRequest<ClassSort>,
) -> Result<Page<Class>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let filter = ClassFilter {
        scope: caller.scope(),
        center_id: q.center_id,
        program_id: q.program_id,
        year: q.year,
        status: q.status,
        q: q.q,
    };
    Ok(db::list_classes(conn, &filter, page)?.map(Class::from))
}

fn class_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ClassRow, ApiError> {
    db::find_class(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: ClassId) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    Ok(Class::from(class_in_scope(conn, caller, id)?))
}

pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
    expected: IfMatch,
    b: UpdateClass,
) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let mut row = class_in_scope(conn, caller, id)?;
    if b.capacity.is_some() {
        // Capacity and approvals one at a time (the approvals' lock): the seats counted below
        // are all the seats there are.
        centers_db::learners::lock_class(conn, row.id)?;
        row = class_in_scope(conn, caller, id)?;
    }
    check_if_match(&expected, row.version)?;
    if !rules::class_editable(row.status) {
        return Err(workflow::not_editable::<ClassWorkflow>(row.status));
    }
    let center = center_in_scope(conn, caller, row.center_id)?;
    let fields = checked(
        conn,
        caller,
        &center,
        Wanted {
            program_id: row.program_id,
            code: b.code.unwrap_or_else(|| row.code.clone()),
            name: b.name.unwrap_or_else(|| row.name.clone()),
            mode: b.mode.unwrap_or(row.mode),
            plan_line_id: b.plan_line_id.into_change().unwrap_or(row.plan_line_id),
            partner_id: b.partner_id.into_change().unwrap_or(row.partner_id),
            term: b.term.into_change().unwrap_or_else(|| row.term.clone()),
            start_date: b.start_date.unwrap_or(row.start_date),
            end_date: b.end_date.unwrap_or(row.end_date),
            location: b
                .location
                .into_change()
                .unwrap_or_else(|| row.location.clone()),
            capacity: b.capacity.unwrap_or(row.capacity),
            homeroom_lecturer_id: b
                .homeroom_lecturer_id
                .into_change()
                .unwrap_or(row.homeroom_lecturer_id),
        },
    )?;
    let held = centers_db::learners::seats_taken(conn, row.id)?;
    if i64::from(fields.capacity) < held {
        return Err(ApiError::invalid_field(
            "capacity",
            "below_seats_held",
            format!("{held} seats are held in this class; the capacity cannot be less"),
        ));
    }
    let year = chrono::Datelike::year(&fields.start_date);
    if db::class_code_taken(conn, center.id, year, &fields.code, Some(row.id))? {
        return Err(ApiError::conflict(format!(
            "the code {} is already used by a class of this center in {year}",
            fields.code
        )));
    }
    let sessions = db::sessions_of_class(conn, row.id)?;
    if sessions
        .iter()
        .any(|s| !rules::session_within_class(s.session_date, fields.start_date, fields.end_date))
    {
        return Err(ApiError::invalid_field(
            "start_date",
            "sessions_outside",
            "the class has sessions outside these dates",
        ));
    }
    let before = Class::from(row.clone());
    let after =
        Class::from(db::update_class(conn, &row, &fields)?.ok_or(ApiError::PreconditionFailed)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Class, id, &center.path, &before, &after),
    )?;
    Ok(after)
}

fn class_audit_action(a: ClassAction) -> AuditAction {
    match a {
        ClassAction::Open => AuditAction::Open,
        ClassAction::Start => AuditAction::Start,
        ClassAction::Complete => AuditAction::Complete,
        ClassAction::Cancel => AuditAction::Cancel,
    }
}

/// Optional comment of a class step.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassStepInput {
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// Take a workflow step on a class.
pub fn step(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
    action: ClassAction,
    input: ClassStepInput,
) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    check_length("comment", input.comment.as_deref(), 2000)?;
    let row = class_in_scope(conn, caller, id)?;
    let Step::To(next) = centers_domain::workflow::step::<ClassWorkflow>(row.status, action)
        .map_err(workflow::illegal)?
    else {
        return Err(ApiError::Internal("classes do not branch".into()));
    };
    let changed = db::set_class_status(conn, &row, next)?.ok_or_else(|| {
        workflow::illegal(centers_domain::workflow::refusal::<ClassWorkflow>(
            row.status, action,
        ))
    })?;
    let ctx = caller.audit();
    let comment = clean_text(input.comment.as_deref());
    centers_db::workflow::record::<ClassWorkflow>(
        conn,
        &ctx.actor,
        centers_db::workflow::Transition {
            record: row.id.into(),
            action: action.as_str(),
            from: row.status,
            to: next,
            comment: comment.as_deref(),
        },
    )?;
    if next == ClassStatus::Completed {
        crate::services::learners::settle_enrollments(conn, caller, &changed)?;
    }
    let path = owner_path(conn, row.center_id)?;
    let before = Class::from(row);
    let after = Class::from(changed);
    writes::record(
        conn,
        &ctx,
        Write::update(EntityKind::Class, id, &path, &before, &after)
            .action(class_audit_action(action)),
    )?;
    Ok(after)
}

pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<workflow::WorkflowHistory, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let row = class_in_scope(conn, caller, id)?;
    workflow::history::<ClassWorkflow>(conn, row.id)
}

// ---- sessions ----

/// A session of the timetable.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Session {
    pub id: SessionId,
    pub class_id: ClassId,
    pub session_date: NaiveDate,
    /// Local time the session starts, `HH:MM`.
    #[schema(example = "07:30")]
    pub start_time: String,
    /// Local time it ends (periods × 50 minutes: 45 of teaching and a 5-minute break).
    #[schema(example = "10:50")]
    pub end_time: String,
    pub periods: i32,
    pub topic_id: Uuid,
    pub lecturer_id: LecturerId,
    pub room: Option<String>,
    pub status: SessionStatus,
    /// The approved lesson plan in force when the session was marked taught.
    pub lesson_plan_id: Option<LessonPlanId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

list_schema!(SessionList, Session);

fn clock(minute: i32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

impl From<SessionRow> for Session {
    fn from(r: SessionRow) -> Self {
        Session {
            id: r.id,
            class_id: r.class_id,
            session_date: r.session_date,
            start_time: clock(r.start_minute),
            end_time: clock(r.end_minute),
            periods: r.periods,
            topic_id: r.topic_id.into(),
            lecturer_id: r.lecturer_id,
            room: r.room,
            status: r.status,
            lesson_plan_id: r.lesson_plan_id,
            version: r.version,
            created_at: utc(r.created_at),
        }
    }
}

/// A new session of a class.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSession {
    /// Within the class's dates.
    pub session_date: NaiveDate,
    /// Local time, `HH:MM`.
    #[schema(example = "07:30", pattern = "^[0-2][0-9]:[0-5][0-9]$")]
    pub start_time: String,
    /// Periods (tiết), 1–10.
    #[schema(minimum = 1, maximum = 10)]
    pub periods: i32,
    /// A topic of the class's program.
    pub topic_id: Uuid,
    pub lecturer_id: LecturerId,
    #[schema(max_length = 100)]
    pub room: Option<String>,
}

fn parse_start(v: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(v.trim(), "%H:%M").ok()
}

/// Schedule a session. A lecturer is never in two sessions at once: the overlap check runs under
/// a lock on the lecturer's row, so two requests at once cannot both pass it.
pub fn create_session(
    conn: &mut DbConnection,
    caller: &Caller,
    class_id: ClassId,
    b: CreateSession,
) -> Result<Session, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let class = class_in_scope(conn, caller, class_id)?;
    if !rules::class_editable(class.status) {
        return Err(workflow::not_editable::<ClassWorkflow>(class.status));
    }
    let mut errors = Vec::new();
    if !rules::session_within_class(b.session_date, class.start_date, class.end_date) {
        errors.push(FieldError::new(
            "session_date",
            "outside_class",
            format!(
                "must lie within the class's dates ({} – {})",
                class.start_date, class.end_date
            ),
        ));
    }
    let span = match parse_start(&b.start_time) {
        None => {
            errors.push(FieldError::new("start_time", "invalid_time", "HH:MM"));
            None
        }
        Some(t) => {
            let span = rules::session_span(t, b.periods);
            if span.is_none() {
                errors.push(FieldError::new(
                    "periods",
                    "out_of_range",
                    "1–10 periods, ending before midnight",
                ));
            }
            span
        }
    };
    if let Err(ApiError::Validation(mut e)) = check_length("room", b.room.as_deref(), 100) {
        errors.append(&mut e);
    }
    if db::program_of_topic(conn, b.topic_id.into())? != Some(class.program_id) {
        errors.push(FieldError::new(
            "topic_id",
            "not_a_topic_of_the_program",
            "must be a topic of the class's program",
        ));
    }
    match visible_lecturer(conn, caller, b.lecturer_id) {
        Ok(l) => {
            let active = l.active_from.is_none_or(|f| f <= b.session_date)
                && l.active_to.is_none_or(|t| b.session_date <= t);
            if !active {
                errors.push(FieldError::new(
                    "lecturer_id",
                    "inactive",
                    "the lecturer is not active on that date",
                ));
            }
        }
        Err(_) => errors.push(FieldError::new(
            "lecturer_id",
            "unknown_lecturer",
            "no such lecturer in your scope",
        )),
    }
    let (Some(span), true) = (span, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    db::lock_lecturer(conn, b.lecturer_id)?;
    if let Some(clash) = db::overlapping_sessions(conn, b.lecturer_id, b.session_date, span)?
        .into_iter()
        .next()
    {
        return Err(ApiError::conflict(format!(
            "the lecturer already teaches from {} to {} that day (session {})",
            clock(clash.start_minute),
            clock(clash.end_minute),
            clash.id
        )));
    }
    let row = db::insert_session(
        conn,
        class.id,
        &SessionFields {
            session_date: b.session_date,
            span,
            periods: b.periods,
            topic_id: b.topic_id.into(),
            lecturer_id: b.lecturer_id,
            room: clean_text(b.room.as_deref()),
        },
    )?;
    let dto = Session::from(row);
    let path = owner_path(conn, class.center_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::ClassSession, dto.id, &path, &dto).of_lecturer(dto.lecturer_id),
    )?;
    Ok(dto)
}

/// The lecturer row linked to the caller's account, for a `lecturer` caller.
fn own_lecturer(conn: &mut DbConnection, caller: &Caller) -> Result<Option<LecturerId>, ApiError> {
    if caller.principal != Principal::User(Role::Lecturer) {
        return Ok(None);
    }
    Ok(db::lecturer_of_user(conn, caller.user_id())?.map(|l| l.id))
}

/// A class's timetable; a lecturer reads only their own sessions.
pub fn sessions(
    conn: &mut DbConnection,
    caller: &Caller,
    class_id: ClassId,
) -> Result<SessionList, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let class = class_in_scope(conn, caller, class_id)?;
    let mine = own_lecturer(conn, caller)?;
    let lecturer_only = caller.principal == Principal::User(Role::Lecturer);
    let items: Vec<Session> = db::sessions_of_class(conn, class.id)?
        .into_iter()
        .filter(|s| !lecturer_only || Some(s.lecturer_id) == mine)
        .map(Session::from)
        .collect();
    Ok(SessionList {
        total: Some(i64::try_from(items.len()).unwrap_or(i64::MAX)),
        items,
        next_cursor: None,
    })
}

/// One session; a lecturer reads only their own (the rule of the class's timetable).
pub fn session(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<Session, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let (session, _) = db::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    if caller.principal == Principal::User(Role::Lecturer)
        && own_lecturer(conn, caller)? != Some(session.lecturer_id)
    {
        return Err(ApiError::NotFound);
    }
    Ok(Session::from(session))
}

/// Mark a session taught. Only with an approved lesson plan of its lecturer for its topic in force
/// on its date — "phê duyệt giáo án bài giảng trước khi lên lớp" — else a 422 naming the lesson
/// plan's state. The class must be in progress. Center admins, or the session's own lecturer.
pub fn teach(conn: &mut DbConnection, caller: &Caller, id: SessionId) -> Result<Session, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let (session, class) =
        db::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let own = own_lecturer(conn, caller)?.is_some_and(|l| l == session.lecturer_id);
    if !own && !caller.principal.may(Permission::ManageTeaching) {
        return Err(ApiError::Forbidden(
            "only the center's administrators or the session's lecturer mark it taught".into(),
        ));
    }
    if class.status != ClassStatus::InProgress {
        return Err(ApiError::Conflict {
            detail: format!(
                "a session is taught while its class is in progress; the class is {}",
                class.status
            ),
            current_state: Some(class.status.to_string()),
            allowed_actions: None,
        });
    }
    if session.status != SessionStatus::Scheduled {
        return Err(ApiError::Conflict {
            detail: format!("the session is {}", session.status),
            current_state: Some(session.status.to_string()),
            allowed_actions: None,
        });
    }
    if session.session_date > centers_domain::teaching::local_day(centers_db::now()) {
        return Err(ApiError::invalid_field(
            "session_date",
            "not_yet",
            format!(
                "the session is on {}; it is marked taught on or after that day",
                session.session_date
            ),
        ));
    }
    let versions = db::approved_versions(conn, session.lecturer_id, session.topic_id)?;
    let in_force = versions.iter().rev().find(|v| {
        v.approved_on.is_some_and(|approved_on| {
            InForce {
                approved_on,
                superseded_on: v.superseded_on,
            }
            .covers(session.session_date)
        })
    });
    let Some(plan) = in_force else {
        let state = lesson_plan_state(conn, &session, &versions)?;
        return Err(ApiError::Validation(vec![FieldError::new(
            "lesson_plan",
            "not_approved_before_teaching",
            state,
        )]));
    };
    let taught = db::mark_taught(conn, &session, plan.id)?
        .ok_or_else(|| ApiError::conflict("the session was changed meanwhile; read it again"))?;
    let path = owner_path(conn, class.center_id)?;
    let before = Session::from(session);
    let after = Session::from(taught);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::ClassSession, id, &path, &before, &after)
            .of_lecturer(after.lecturer_id)
            .action(AuditAction::Teach),
    )?;
    Ok(after)
}

/// Says why no lesson plan covers the session: none, not yet approved (its state), or approved
/// only after the session's date.
fn lesson_plan_state(
    conn: &mut DbConnection,
    session: &SessionRow,
    approved: &[db::LessonPlanRow],
) -> Result<String, ApiError> {
    if let Some(first) = approved.iter().filter_map(|v| v.approved_on).min() {
        return Ok(format!(
            "the lecturer's lesson plan for this topic was approved on {first}, after the session on {}",
            session.session_date
        ));
    }
    let newest = db::last_version_no(conn, session.lecturer_id, session.topic_id)?;
    if newest == 0 {
        return Ok("the lecturer has no lesson plan for this topic".into());
    }
    let state =
        centers_db::teaching::list_lesson_plans_of(conn, session.lecturer_id, session.topic_id)?
            .last()
            .map(|p| p.status)
            .unwrap_or(LessonPlanStatus::Draft);
    Ok(format!(
        "the lecturer's lesson plan for this topic is {state}, not approved"
    ))
}

/// Each topic of the class's program: required, scheduled and taught periods.
#[derive(Debug, Serialize, ToSchema)]
pub struct TopicCoverage {
    pub topic_id: Uuid,
    pub title: String,
    pub required_periods: i32,
    pub scheduled_periods: i32,
    pub taught_periods: i32,
}

/// The class's coverage of its program.
#[derive(Debug, Serialize, ToSchema)]
pub struct Coverage {
    pub class_id: ClassId,
    pub topics: Vec<TopicCoverage>,
    pub required_periods: i32,
    pub scheduled_periods: i32,
    pub taught_periods: i32,
}

pub fn coverage(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<Coverage, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let class = class_in_scope(conn, caller, id)?;
    let sessions = db::sessions_of_class(conn, class.id)?;
    let topics: Vec<TopicCoverage> = db::topics_of(conn, class.program_id)?
        .into_iter()
        .map(|(topic, title, periods)| {
            let of_topic = sessions
                .iter()
                .filter(|s| s.topic_id == topic && s.status != SessionStatus::Cancelled);
            let scheduled = of_topic.clone().map(|s| s.periods).sum();
            let taught = of_topic
                .filter(|s| s.status == SessionStatus::Taught)
                .map(|s| s.periods)
                .sum();
            TopicCoverage {
                topic_id: topic.into(),
                title,
                required_periods: periods,
                scheduled_periods: scheduled,
                taught_periods: taught,
            }
        })
        .collect();
    Ok(Coverage {
        class_id: class.id,
        required_periods: topics.iter().map(|t| t.required_periods).sum(),
        scheduled_periods: topics.iter().map(|t| t.scheduled_periods).sum(),
        taught_periods: topics.iter().map(|t| t.taught_periods).sum(),
        topics,
    })
}
