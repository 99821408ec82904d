//! Province policies with effective dates: each version is the whole set.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::utc;
use crate::list_schema;
use centers_db::policies::{self as db, PolicyVersionRow};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, PolicyVersionId, UserId};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::policies::PolicySet;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A version of the province's policies: the whole set, in force from `effective_from` until the
/// next version's date.
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyVersion {
    pub id: PolicyVersionId,
    pub effective_from: NaiveDate,
    /// The last day this version is in force; null while it is the latest.
    pub effective_to: Option<NaiveDate>,
    #[schema(value_type = PolicySet)]
    pub values: serde_json::Value,
    pub note: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

list_schema!(PolicyVersionList, PolicyVersion);

/// A new version.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPolicyVersion {
    pub effective_from: NaiveDate,
    /// The whole set: `min_attendance_ratio`, `passing_score`, `grade_bands`, `retake_limit`,
    /// `new_member_window_months`, `certificate_validity_months`,
    /// `certificate_issue_deadline_days`, `teaching_norms`, `min_class_size`, `observation`.
    #[schema(value_type = PolicySet)]
    pub values: serde_json::Value,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

fn dto(row: PolicyVersionRow, effective_to: Option<NaiveDate>) -> PolicyVersion {
    PolicyVersion {
        id: row.id,
        effective_from: row.effective_from,
        effective_to,
        values: serde_json::from_str(&row.values_json).unwrap_or_default(),
        note: row.note,
        created_by: row.created_by,
        created_at: utc(row.created_at),
    }
}

/// The version in force on `day`.
pub fn in_force(
    conn: &mut DbConnection,
    caller: &Caller,
    day: NaiveDate,
) -> Result<PolicyVersion, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let all = db::versions(conn, caller.province_id()?.into())?;
    let index = all
        .iter()
        .rposition(|v| v.effective_from <= day)
        .ok_or(ApiError::NotFound)?;
    let to = all.get(index + 1).and_then(|n| n.effective_from.pred_opt());
    Ok(dto(all[index].clone(), to))
}

/// Every version of the caller's province, oldest first.
pub fn versions(conn: &mut DbConnection, caller: &Caller) -> Result<Vec<PolicyVersion>, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let all = db::versions(conn, caller.province_id()?.into())?;
    let tos: Vec<Option<NaiveDate>> = (0..all.len())
        .map(|i| all.get(i + 1).and_then(|n| n.effective_from.pred_opt()))
        .collect();
    let items: Vec<PolicyVersion> = all.into_iter().zip(tos).map(|(r, to)| dto(r, to)).collect();
    Ok(items)
}

/// Add a version, in force from its date (province admins).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    input: NewPolicyVersion,
) -> Result<PolicyVersion, ApiError> {
    caller.require_permission(Permission::ManageCatalogue)?;
    crate::services::check_length("note", input.note.as_deref(), 2000)?;
    centers_domain::validity::check_record_date(input.effective_from).map_err(|range| {
        ApiError::invalid_field("effective_from", "out_of_range", range.to_string())
    })?;
    let NewPolicyVersion {
        effective_from,
        values,
        note,
    } = input;
    let set: PolicySet =
        crate::extract::parse_json(values.to_string().as_bytes()).map_err(|e| match e {
            ApiError::BadRequest { errors, .. } => ApiError::Validation(
                errors
                    .into_iter()
                    .map(|f| FieldError::new(format!("values.{}", f.field), &f.code, f.message))
                    .collect(),
            ),
            other => other,
        })?;
    let problems = set.problems();
    if !problems.is_empty() {
        return Err(ApiError::Validation(
            problems
                .into_iter()
                .map(|p| FieldError::new(format!("values.{}", p.field), "invalid", p.message))
                .collect(),
        ));
    }
    let province = caller.province_id()?;
    let note = crate::services::clean_text(note.as_deref());
    if db::exists_on(conn, province.into(), effective_from)? {
        return Err(ApiError::conflict(format!(
            "a policy version already takes effect on {effective_from}"
        )));
    }
    let json = serde_json::to_string(&set).unwrap_or_default();
    let row = db::insert(
        conn,
        province.into(),
        effective_from,
        &json,
        note.as_deref(),
        Some(caller.id.into()),
    )?;
    let path = crate::services::owner_path(conn, province)?;
    let all = db::versions(conn, province.into())?;
    let to = all
        .iter()
        .find(|v| v.effective_from > effective_from)
        .and_then(|n| n.effective_from.pred_opt());
    let created = dto(row, to);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::PolicyVersion, created.id, &path, &created),
    )?;
    Ok(created)
}

/// The policy set a report reads a past day under: the version in force that day, else — for
/// days before the province recorded its first version (the seed's starts on 2019-01-01, demo
/// data from 2017) — the first version, so that old years are reported rather than refused.
pub(crate) fn set_for_report(
    conn: &mut DbConnection,
    province: centers_db::OrganizationId,
    day: NaiveDate,
) -> Result<centers_domain::policies::PolicySet, ApiError> {
    let all = db::versions(conn, province)?;
    let row = version_in_force(&all, day)
        .or_else(|| all.first())
        .ok_or_else(|| ApiError::Internal("the province has no policy version".into()))?;
    values_of(row)
}

/// The version in force on `day` among a province's versions (ascending by effective day).
fn version_in_force(all: &[db::PolicyVersionRow], day: NaiveDate) -> Option<&db::PolicyVersionRow> {
    all.iter().rev().find(|v| v.effective_from <= day)
}

fn values_of(row: &db::PolicyVersionRow) -> Result<centers_domain::policies::PolicySet, ApiError> {
    serde_json::from_str(&row.values_json)
        .map_err(|e| ApiError::Internal(format!("stored policy version unreadable: {e}")))
}

/// The policy set of `province` in force on `day`, for rules that depend on it (no permission
/// needed: the rule's caller is already authorized for what it does). 422 naming `field` when
/// no version is in force that day.
pub(crate) fn set_on(
    conn: &mut DbConnection,
    province: centers_db::OrganizationId,
    day: NaiveDate,
    field: &str,
) -> Result<centers_domain::policies::PolicySet, ApiError> {
    let all = db::versions(conn, province)?;
    let row = version_in_force(&all, day).ok_or_else(|| {
        ApiError::invalid_field(
            field,
            "no_policy_in_force",
            format!("no policy version is in force on {day}"),
        )
    })?;
    values_of(row)
}
