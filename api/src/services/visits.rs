//! Class visits (dự giờ): a colleague scores a taught session on the criteria of the observation
//! policy in force on the session's date.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::utc;
use crate::list_schema;
use crate::services::lecturers::visible as visible_lecturer;
use crate::services::{check_length, owner_path};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::{self as db, NewVisit, VisitRow};
use centers_db::writes::{self, Write};
use centers_db::{ClassId, DbConnection, LecturerId, SessionId, UserId, VisitId};
use centers_domain::access::{Permission, TeachingReach};
use centers_domain::changes::EntityKind;
use centers_domain::organizations::OrganizationKind;
use centers_domain::policies::score_visit;
use centers_domain::teaching::SessionStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A class visit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Visit {
    pub id: VisitId,
    pub session_id: SessionId,
    /// The observing lecturer (not the session's own).
    pub observer_id: LecturerId,
    /// Score per criterion code of the observation policy in force on the session's date.
    pub scores: BTreeMap<String, f64>,
    pub total_score: f64,
    /// The average over the criteria, to hundredths.
    pub average_score: f64,
    /// The policy's rating band of the average.
    pub rating_code: String,
    pub rating_label: String,
    pub comments: Option<String>,
    pub recorded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

list_schema!(VisitList, Visit);

impl From<VisitRow> for Visit {
    fn from(r: VisitRow) -> Self {
        Visit {
            scores: serde_json::from_str(&r.scores_json).unwrap_or_default(),
            id: r.id,
            session_id: r.session_id,
            observer_id: r.observer_id,
            total_score: r.total_score,
            average_score: r.average_score,
            rating_code: r.rating_code,
            rating_label: r.rating_label,
            comments: r.comments,
            recorded_by: r.recorded_by,
            created_at: utc(r.created_at),
        }
    }
}

/// A visit to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateVisit {
    pub observer_id: LecturerId,
    /// A score for every criterion code of the observation policy in force on the session's date,
    /// from 0 to its scale's top, with at most one decimal.
    #[schema(example = json!({"content": 9, "method": 8.5, "theory_practice": 8, "it_use": 7, "time_management": 9}))]
    pub scores: BTreeMap<String, f64>,
    /// Góp ý: the observer's comments.
    #[schema(max_length = 5000)]
    pub comments: Option<String>,
}

/// Record a visit of a taught session. Center admins record them (for their center's sessions).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    session_id: SessionId,
    b: CreateVisit,
) -> Result<Visit, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    check_length("comments", b.comments.as_deref(), 5000)?;
    let (session, class) =
        db::find_session(conn, session_id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    if session.status != SessionStatus::Taught {
        return Err(ApiError::Conflict {
            detail: format!(
                "only a taught session is visited; this one is {}",
                session.status
            ),
            current_state: Some(session.status.to_string()),
            allowed_actions: None,
        });
    }
    if b.observer_id == session.lecturer_id {
        return Err(ApiError::invalid_field(
            "observer_id",
            "own_session",
            "nobody visits their own session",
        ));
    }
    let observer = visible_lecturer(conn, caller, b.observer_id).map_err(|_| {
        ApiError::invalid_field(
            "observer_id",
            "unknown_lecturer",
            "no such lecturer in your scope",
        )
    })?;
    // Colleagues of the session's center visit it, or the provincial school's lecturers: a
    // lecturer of another center would otherwise become visible to this center's accounts.
    let center_path = owner_path(conn, class.center_id)?;
    let observer_org = centers_db::organizations::find_unscoped(conn, observer.organization_id)?
        .ok_or(ApiError::NotFound)?;
    if !observer_org.path.starts_with(&center_path)
        && observer_org.kind != OrganizationKind::ProvincialSchool
    {
        return Err(ApiError::invalid_field(
            "observer_id",
            "other_center",
            "the observer is a lecturer of the session's center or of the provincial school",
        ));
    }
    let province = caller.province_id()?.into();
    let policy =
        crate::services::policies::set_on(conn, province, session.session_date, "session_id")?
            .observation;
    let scores: Vec<(String, f64)> = b.scores.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let (total, average) = score_visit(&policy, &scores).map_err(|problems| {
        ApiError::Validation(
            problems
                .into_iter()
                .map(|p| FieldError::new(format!("scores.{}", p.criterion), "invalid", p.message))
                .collect(),
        )
    })?;
    let band = policy
        .band_of(average)
        .ok_or_else(|| ApiError::Internal("the observation policy has no band".into()))?;
    let row = db::insert_visit(
        conn,
        &NewVisit {
            session_id,
            observer_id: b.observer_id,
            scores_json: serde_json::to_string(&b.scores).unwrap_or_else(|_| "{}".into()),
            total_score: total,
            average_score: average,
            rating_code: band.code.clone(),
            rating_label: band.label.clone(),
            comments: crate::services::clean_text(b.comments.as_deref()),
            recorded_by: Some(caller.user_id()),
        },
    )?;
    let dto = Visit::from(row);
    let path = owner_path(conn, class.center_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::ClassVisit, dto.id, &path, &dto).of_lecturer(session.lecturer_id),
    )?;
    Ok(dto)
}

/// Visits in scope; a lecturer sees the visits of their own sessions.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    lecturer: Option<LecturerId>,
    class: Option<ClassId>,
    page: &PageRequest<()>,
) -> Result<Page<Visit>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let lecturer = if caller.principal.teaching_reach() == TeachingReach::OwnOnly {
        match db::lecturer_of_user(conn, caller.user_id())? {
            Some(own) if lecturer.is_none_or(|l| l == own.id) => Some(own.id),
            _ => {
                return Ok(Page {
                    items: Vec::new(),
                    total: page.count.then_some(0),
                    next: None,
                })
            }
        }
    } else {
        lecturer
    };
    Ok(db::list_visits(conn, &caller.scope(), lecturer, class, page)?.map(Visit::from))
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: VisitId) -> Result<Visit, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let row = db::find_visit(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let reach = caller.principal.teaching_reach();
    // Only a caller who reads its own records needs the visited session's lecturer.
    if reach == TeachingReach::OwnOnly {
        let own = crate::services::sessions::own_lecturer(conn, caller)?;
        let session = db::find_session(conn, row.session_id, &caller.scope())?;
        let is_own = own.is_some() && session.map(|(s, _)| s.lecturer_id) == own;
        if !reach.reaches(is_own) {
            return Err(ApiError::NotFound);
        }
    }
    Ok(Visit::from(row))
}
