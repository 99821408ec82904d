//! Results: final scores and conduct, and the enrollments settled when a class completes.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::services::enrollments::*;
use crate::services::{check_length, clean_text, owner_path};
use centers_db::learners::{self as db, EnrollmentRow};
use centers_db::writes::{self, Write};
use centers_db::InScope;
use centers_db::{programs, DbConnection, EnrollmentId};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::{
    attendance_ratio, check_result, final_score, outcome, score_tenths, Conduct, EnrollmentStatus,
    EnrollmentWorkflow,
};
use centers_domain::programs::EligibilityRule;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A result to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultInput {
    /// The final assessment, 0–10 with one decimal; only with enough attendance.
    #[schema(minimum = 0, maximum = 10)]
    pub score: Option<f64>,
    /// One retake, after a failed first score.
    #[schema(minimum = 0, maximum = 10)]
    pub retake_score: Option<f64>,
    pub conduct: Option<Conduct>,
    /// The homeroom lecturer's comment.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// An enrollment's result, graded under the policy in force on the class's last day.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultDto {
    pub enrollment_id: EnrollmentId,
    pub score: Option<f64>,
    pub retake_score: Option<f64>,
    /// The score that counts (the retake's, if any).
    pub final_score: Option<f64>,
    pub passed: Option<bool>,
    /// Grade band code and label (Trung bình, Khá, Giỏi, Xuất sắc) of a passing final score.
    pub grade_code: Option<String>,
    pub grade_label: Option<String>,
    pub conduct: Option<Conduct>,
    /// Tốt / Khá / Trung bình / Yếu.
    pub conduct_label: Option<String>,
    pub comment: Option<String>,
    pub attendance_ratio: Option<f64>,
    pub version: i32,
}

pub(crate) fn result_dto(
    r: &db::ResultRow,
    ratio: Option<f64>,
    policy: &centers_domain::policies::PolicySet,
) -> Result<ResultDto, ApiError> {
    let final_tenths = final_score(r.score_tenths, r.retake_tenths);
    let grade = final_tenths
        .and_then(|t| centers_domain::policies::Score::parse(f64::from(t) / 10.0).ok())
        .map(|s| policy.grade(s));
    // A stored conduct this version does not know is a fault naming its row, not a blank.
    let conduct: Option<Conduct> = r
        .conduct
        .as_deref()
        .map(|c| {
            c.parse().map_err(|_| {
                ApiError::Internal(format!(
                    "result of enrollment {}: unknown conduct {c:?}",
                    r.enrollment_id
                ))
            })
        })
        .transpose()?;
    Ok(ResultDto {
        enrollment_id: r.enrollment_id,
        score: r.score_tenths.map(|t| f64::from(t) / 10.0),
        retake_score: r.retake_tenths.map(|t| f64::from(t) / 10.0),
        final_score: final_tenths.map(|t| f64::from(t) / 10.0),
        passed: grade.as_ref().map(|g| g.passed),
        grade_code: grade
            .as_ref()
            .and_then(|g| g.band.as_ref().map(|b| b.code.clone())),
        grade_label: grade.and_then(|g| g.band.map(|b| b.label)),
        conduct_label: conduct.map(|c| c.label().to_owned()),
        conduct,
        comment: r.comment.clone(),
        attendance_ratio: ratio,
        version: r.version,
    })
}

pub(crate) fn enrollment_for_results(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<
    (
        InScope<EnrollmentRow>,
        InScope<centers_db::teaching::ClassRow>,
    ),
    ApiError,
> {
    let row = db::find_enrollment(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let class = centers_db::teaching::find_class(conn, row.class_id, &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    Ok((row, class))
}

/// An enrollment the caller reads (its class's center, or its learner's party organization) with
/// its class: what reads of results and certificates need. Writes use
/// [`enrollment_for_results`], which requires the class in scope.
pub(crate) fn readable_with_class(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<(InScope<EnrollmentRow>, centers_db::teaching::ClassRow), ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    let class =
        centers_db::teaching::find_class_unscoped(conn, row.class_id)?.ok_or(ApiError::NotFound)?;
    Ok((row, class))
}

pub fn put_result(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
    b: ResultInput,
) -> Result<ResultDto, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    check_length("comment", b.comment.as_deref(), 2000)?;
    let (row, class) = enrollment_for_results(conn, caller, id)?;
    if !matches!(
        row.status,
        EnrollmentStatus::Enrolled | EnrollmentStatus::Completed | EnrollmentStatus::Failed
    ) {
        return Err(ApiError::Conflict {
            detail: format!(
                "results are for enrolled learners; this enrollment is {}",
                row.status
            ),
            current_state: Some(row.status.to_string()),
            allowed_actions: None,
        });
    }
    let mut errors = Vec::new();
    let mut tenths = |field: &str, v: Option<f64>| match v {
        None => None,
        Some(v) => {
            let t = score_tenths(v);
            if t.is_none() {
                errors.push(FieldError::new(
                    field,
                    "invalid",
                    "0–10 with at most one decimal",
                ));
            }
            t
        }
    };
    let score = tenths("score", b.score);
    let retake = tenths("retake_score", b.retake_score);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let (taught, present) = db::attendance_periods(conn, &class)?;
    let ratio = attendance_ratio(present.get(&row.id).copied().unwrap_or(0), taught);
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    check_result(score, retake, ratio, &policy)
        .map_err(|(field, why)| ApiError::invalid_field(field, "not_allowed", why))?;
    let comment = clean_text(b.comment.as_deref());
    let before = db::find_result(conn, &row)?
        .map(|r| result_dto(&r, ratio, &policy))
        .transpose()?;
    let stored = db::put_result(
        conn,
        &row,
        score,
        retake,
        b.conduct.map(|c| c.as_str()),
        comment.as_deref(),
        Some(caller.user_id()),
    )?;
    let after = result_dto(&stored, ratio, &policy)?;
    let path = owner_path(conn, row.party_organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::EnrollmentResult,
            row.id,
            &path,
            &before.as_ref(),
            &Some(&after),
        )
        .action(AuditAction::RecordResult),
    )?;
    Ok(after)
}

pub fn get_result(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<ResultDto, ApiError> {
    let (row, class) = readable_with_class(conn, caller, id)?;
    let stored = db::find_result(conn, &row)?.ok_or(ApiError::NotFound)?;
    let (taught, present) = db::attendance_of_enrollment(conn, &row)?;
    let ratio = attendance_ratio(present, taught);
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    result_dto(&stored, ratio, &policy)
}

/// When a class completes: every enrolled learner becomes `completed` or `failed` by attendance
/// and final score (attendance alone for attendance-only programs). Runs in the class step's
/// transaction.
pub(crate) fn settle_enrollments(
    conn: &mut DbConnection,
    caller: &Caller,
    class: &InScope<centers_db::teaching::ClassRow>,
) -> Result<(), ApiError> {
    let province = caller.province_id()?.into();
    let program = programs::find(conn, class.program_id, province)?.ok_or(ApiError::NotFound)?;
    let rule: EligibilityRule = serde_json::from_str(&program.eligibility_json).unwrap_or_default();
    let policy = crate::services::policies::set_on(conn, province, class.end_date, "class")?;
    let (taught, present) = db::attendance_periods(conn, class)?;
    let results: std::collections::HashMap<EnrollmentId, db::ResultRow> =
        db::results_of_class(conn, class)?
            .into_iter()
            .map(|r| (r.enrollment_id, r))
            .collect();
    let ctx = caller.audit();
    for e in db::enrollments_of_class(conn, class)?
        .into_iter()
        .map(InScope::into_inner)
        .filter(|e| e.status == EnrollmentStatus::Enrolled)
    {
        let ratio = attendance_ratio(present.get(&e.id).copied().unwrap_or(0), taught);
        let final_tenths = results
            .get(&e.id)
            .and_then(|r| final_score(r.score_tenths, r.retake_tenths));
        let next = outcome(rule.attendance_only, ratio, final_tenths, &policy);
        let Some(changed) = db::set_enrollment_status(conn, &e, next, None)? else {
            continue;
        };
        centers_db::workflow::record::<EnrollmentWorkflow>(
            conn,
            &ctx.actor,
            centers_db::workflow::Transition {
                record: e.id.into(),
                action: "complete_class",
                from: e.status,
                to: next,
                comment: None,
            },
        )?;
        let path = owner_path(conn, e.party_organization_id)?;
        writes::record(
            conn,
            &ctx,
            Write::update(
                EntityKind::Enrollment,
                e.id,
                &path,
                &Enrollment::from(e.clone()),
                &Enrollment::from(changed),
            )
            .action(AuditAction::Complete),
        )?;
    }
    Ok(())
}
