//! Province policies with effective dates.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::Json;
use crate::http::utc;
use crate::list_schema;
use crate::paging::parse_date_param;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use centers_db::policies::{self as db, PolicyVersionRow};
use centers_db::write_transaction;
use centers_db::writes::{self, Write};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::policies::PolicySet;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A version of the province's policies: the whole set, in force from `effective_from` until the
/// next version's date.
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyVersion {
    pub id: Uuid,
    pub effective_from: NaiveDate,
    /// The last day this version is in force; null while it is the latest.
    pub effective_to: Option<NaiveDate>,
    /// The policy values (see `PolicyValues`).
    #[schema(value_type = Object)]
    pub values: serde_json::Value,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
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
    #[schema(value_type = centers_domain::policies::PolicySet)]
    pub values: serde_json::Value,
    pub note: Option<String>,
}

/// `as_of` for the set in force.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOf {
    /// The day (YYYY-MM-DD); today when absent.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

fn dto(row: PolicyVersionRow, effective_to: Option<NaiveDate>) -> PolicyVersion {
    PolicyVersion {
        id: row.id.into(),
        effective_from: row.effective_from,
        effective_to,
        values: serde_json::from_str(&row.values_json).unwrap_or_default(),
        note: row.note,
        created_by: row.created_by.map(Into::into),
        created_at: utc(row.created_at),
    }
}

/// The policies in force on a day.
#[utoipa::path(
    tag = "policies",
    operation_id = "get_policies",
    params(AsOf),
    responses((status = 200, description = "The version in force", body = PolicyVersion)),
    security(("bearer" = []))
)]
#[get("/policies")]
pub async fn get_policies(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AsOf>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let day = parse_date_param("as_of", query.as_of.as_deref())?
        .unwrap_or_else(|| Utc::now().date_naive());
    let province = caller.province_id()?;
    let version = state
        .db(move |conn| {
            let all = db::versions(conn, province.into())?;
            let index = all
                .iter()
                .rposition(|v| v.effective_from <= day)
                .ok_or(ApiError::NotFound)?;
            let to = all.get(index + 1).and_then(|n| n.effective_from.pred_opt());
            Ok(dto(all[index].clone(), to))
        })
        .await?;
    Ok(HttpResponse::Ok().json(version))
}

/// Every policy version of the province.
#[utoipa::path(
    tag = "policies",
    operation_id = "list_policy_versions",
    responses((status = 200, description = "All versions, oldest first", body = PolicyVersionList)),
    security(("bearer" = []))
)]
#[get("/policies/versions")]
pub async fn list_policy_versions(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let province = caller.province_id()?;
    let items = state
        .db(move |conn| {
            let all = db::versions(conn, province.into())?;
            let tos: Vec<Option<NaiveDate>> = (0..all.len())
                .map(|i| all.get(i + 1).and_then(|n| n.effective_from.pred_opt()))
                .collect();
            Ok(all
                .into_iter()
                .zip(tos)
                .map(|(r, to)| dto(r, to))
                .collect::<Vec<_>>())
        })
        .await?;
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    Ok(HttpResponse::Ok().json(PolicyVersionList {
        items,
        next_cursor: None,
        total,
    }))
}

/// Add a policy version, in force from its date (province admins).
#[utoipa::path(
    tag = "policies",
    operation_id = "create_policy_version",
    request_body = NewPolicyVersion,
    responses(
        (status = 201, description = "Created", body = PolicyVersion),
        (status = 409, description = "A version already starts that day", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/policies")]
pub async fn create_policy_version(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<NewPolicyVersion>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageCatalogue)?;
    let NewPolicyVersion {
        effective_from,
        values,
        note,
    } = body.0;
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
    let ctx = caller.audit();
    let by = caller.id;
    let note = note
        .map(|n| centers_domain::text::normalize(&n))
        .filter(|n| !n.is_empty());
    let version = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
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
                    Some(by.into()),
                )?;
                let path = crate::services::owner_path(conn, province)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::create(
                        EntityKind::PolicyVersion,
                        row.id,
                        &path,
                        &dto(row.clone(), None),
                    ),
                )?;
                let all = db::versions(conn, province.into())?;
                let to = all
                    .iter()
                    .find(|v| v.effective_from > effective_from)
                    .and_then(|n| n.effective_from.pred_opt());
                Ok(dto(row, to))
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(version))
}
