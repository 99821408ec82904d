//! Attendance: a session's, recorded whole by the center or the session's lecturer; a class's
//! against the periods taught.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::services::owner_path;
use centers_db::learners::{self as db};
use centers_db::teaching::SessionRow;
use centers_db::writes::{self, Write};
use centers_db::InScope;
use centers_db::SessionId;
use centers_db::{ClassId, DbConnection, EnrollmentId, LearnerId};
use centers_domain::access::{Permission, TeachingWork};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::{attendance_ratio, AttendanceStatus, EnrollmentStatus};
use centers_domain::teaching::ClassStatus;
use centers_domain::teaching::SessionStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One learner's presence at a session.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRecord {
    pub enrollment_id: EnrollmentId,
    pub status: AttendanceStatus,
}

/// A session's attendance, recorded whole in one request (one transaction).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionAttendance {
    /// At most 1,000; each an enrolled learner of the session's class, once.
    pub records: Vec<AttendanceRecord>,
}

/// The session and class of an attendance request, if the caller may record it: the center's
/// admins, or the session's own lecturer.
pub(crate) fn attendance_session(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<(InScope<SessionRow>, InScope<centers_db::teaching::ClassRow>), ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let (session, class) =
        centers_db::teaching::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    Ok((session, class))
}

pub fn record_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
    b: SessionAttendance,
) -> Result<SessionAttendance, ApiError> {
    let (session, class) = attendance_session(conn, caller, id)?;
    crate::services::sessions::authorize_work(
        conn,
        caller,
        &session,
        TeachingWork::RecordAttendance,
    )?;
    if class.status != ClassStatus::InProgress {
        return Err(ApiError::Conflict {
            detail: format!(
                "attendance is recorded while a class is in progress; it is {}",
                class.status
            ),
            current_state: Some(class.status.to_string()),
            allowed_actions: None,
        });
    }
    if session.status == SessionStatus::Cancelled
        || session.session_date > centers_domain::teaching::local_day(centers_db::now())
    {
        return Err(ApiError::invalid_field(
            "session",
            "not_held",
            "attendance is recorded for a session that took place",
        ));
    }
    if b.records.len() > 1000 {
        return Err(ApiError::invalid_field(
            "records",
            "too_many",
            "at most 1000",
        ));
    }
    let enrolled: std::collections::HashSet<EnrollmentId> = db::enrollments_of_class(conn, &class)?
        .into_iter()
        .filter(|e| e.status == EnrollmentStatus::Enrolled)
        .map(|e| e.id)
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for (i, r) in b.records.iter().enumerate() {
        if !enrolled.contains(&r.enrollment_id) {
            errors.push(FieldError::new(
                format!("records[{i}].enrollment_id"),
                "not_enrolled",
                "not an enrolled learner of this class",
            ));
        } else if !seen.insert(r.enrollment_id) {
            errors.push(FieldError::new(
                format!("records[{i}].enrollment_id"),
                "duplicate",
                "listed twice",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let records: Vec<_> = b
        .records
        .iter()
        .map(|r| (r.enrollment_id, r.status))
        .collect();
    let before = session_attendance(conn, caller, id)?;
    db::record_attendance(conn, session.id, &records, Some(caller.user_id()))?;
    let after = session_attendance(conn, caller, id)?;
    let path = owner_path(conn, class.center_id)?;
    // Its own kind, carrying what `GET /sessions/{id}/attendance` shows: the session's record in
    // the feed stays the session as `GET` shows it (and private to its lecturer).
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::SessionAttendance,
            session.id,
            &path,
            &before,
            &after,
        )
        .action(AuditAction::RecordAttendance),
    )?;
    Ok(after)
}

pub fn session_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<SessionAttendance, ApiError> {
    let (session, _) = attendance_session(conn, caller, id)?;
    // A stored status this version does not know is a fault that names its row, never a record
    // silently left out.
    let records = db::attendance_of_session(conn, &session)?
        .into_iter()
        .map(|(enrollment_id, status)| {
            status
                .parse()
                .map(|status| AttendanceRecord {
                    enrollment_id,
                    status,
                })
                .map_err(|_| {
                    ApiError::Internal(format!(
                        "attendance of enrollment {enrollment_id} at session {}: unknown status {status:?}",
                        session.id
                    ))
                })
        })
        .collect::<Result<_, _>>()?;
    Ok(SessionAttendance { records })
}

/// One enrollment's attendance in a class.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentAttendance {
    pub enrollment_id: EnrollmentId,
    pub learner_id: LearnerId,
    pub present_periods: i64,
    /// Present periods over the periods of the class's taught sessions; null before any.
    pub ratio: Option<f64>,
}

/// Attendance of every enrollment of a class, against the periods taught so far.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassAttendance {
    pub class_id: ClassId,
    pub taught_periods: i64,
    /// The policy's threshold to sit the final assessment.
    pub min_attendance_ratio: f64,
    pub enrollments: Vec<EnrollmentAttendance>,
}

pub fn class_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ClassAttendance, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let class =
        centers_db::teaching::find_class(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let (taught, present) = db::attendance_periods(conn, &class)?;
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    let enrollments = db::enrollments_of_class(conn, &class)?
        .into_iter()
        .filter(|e| {
            matches!(
                e.status,
                EnrollmentStatus::Enrolled | EnrollmentStatus::Completed | EnrollmentStatus::Failed
            )
        })
        .map(|e| {
            let p = present.get(&e.id).copied().unwrap_or(0);
            EnrollmentAttendance {
                enrollment_id: e.id,
                learner_id: e.learner_id,
                present_periods: p,
                ratio: attendance_ratio(p, taught),
            }
        })
        .collect();
    Ok(ClassAttendance {
        class_id: class.id,
        taught_periods: taught,
        min_attendance_ratio: policy.min_attendance_ratio,
        enrollments,
    })
}
