//! Sessions of a class's timetable, marked taught only under an approved lesson plan.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::utc;
use crate::list_schema;
use crate::services::classes::*;
use crate::services::lecturers::visible as visible_lecturer;
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::teaching::{self as db, SessionFields, SessionRow};
use centers_db::writes::{self, Write};
use centers_db::InScope;
use centers_db::{ClassId, DbConnection, LecturerId, LessonPlanId, SessionId};
use centers_domain::access::{Action, Permission, TeachingReach, TeachingWork};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::teaching::{
    self as rules, ClassStatus, ClassWorkflow, InForce, LessonPlanStatus, SessionStatus,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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
    pub topic_id: centers_db::TopicId,
    pub lecturer_id: LecturerId,
    pub room: Option<String>,
    pub status: SessionStatus,
    /// The approved lesson plan in force when the session was marked taught.
    pub lesson_plan_id: Option<LessonPlanId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

list_schema!(SessionList, Session);

pub(crate) fn clock(minute: i32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

impl From<InScope<SessionRow>> for Session {
    fn from(r: InScope<SessionRow>) -> Self {
        Session::from(r.into_inner())
    }
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
            topic_id: r.topic_id,
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
    pub topic_id: centers_db::TopicId,
    pub lecturer_id: LecturerId,
    #[schema(max_length = 100)]
    pub room: Option<String>,
}

pub(crate) fn parse_start(v: &str) -> Option<NaiveTime> {
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
    if db::program_of_topic(conn, b.topic_id)? != Some(class.program_id) {
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
            topic_id: b.topic_id,
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
pub(crate) fn own_lecturer(
    conn: &mut DbConnection,
    caller: &Caller,
) -> Result<Option<LecturerId>, ApiError> {
    if caller.principal.teaching_reach() == TeachingReach::Everyone {
        return Ok(None);
    }
    Ok(db::lecturer_of_user(conn, caller.user_id())?.map(|l| l.id))
}

/// A class's timetable; a lecturer reads only their own sessions.
pub fn sessions(
    conn: &mut DbConnection,
    caller: &Caller,
    class_id: ClassId,
) -> Result<Vec<Session>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let class = class_in_scope(conn, caller, class_id)?;
    let mine = own_lecturer(conn, caller)?;
    let reach = caller.principal.teaching_reach();
    let items: Vec<Session> = db::sessions_of_class(conn, &class)?
        .into_iter()
        .filter(|s| reach.reaches(Some(s.lecturer_id) == mine))
        .map(Session::from)
        .collect();
    Ok(items)
}

/// One session; a lecturer reads only their own (the rule of the class's timetable).
pub fn session(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<Session, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let (session, _) = db::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let is_own = own_lecturer(conn, caller)? == Some(session.lecturer_id);
    if !caller.principal.teaching_reach().reaches(is_own) {
        return Err(ApiError::NotFound);
    }
    Ok(Session::from(session))
}

/// Work on a session found in the caller's scope: its own lecturer's, or a manager's.
pub(crate) fn authorize_work(
    conn: &mut DbConnection,
    caller: &Caller,
    session: &InScope<SessionRow>,
    work: TeachingWork,
) -> Result<(), ApiError> {
    let own = own_lecturer(conn, caller)?.is_some_and(|l| l == session.lecturer_id);
    caller.authorize(Action::TeachingWork {
        work,
        own,
        in_scope: true,
    })
}

/// Mark a session taught. Only with an approved lesson plan of its lecturer for its topic in force
/// on its date — "phê duyệt giáo án bài giảng trước khi lên lớp" — else a 422 naming the lesson
/// plan's state. The class must be in progress. Center admins, or the session's own lecturer.
pub fn teach(conn: &mut DbConnection, caller: &Caller, id: SessionId) -> Result<Session, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let (session, class) =
        db::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    authorize_work(conn, caller, &session, TeachingWork::MarkTaught)?;
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
pub(crate) fn lesson_plan_state(
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
