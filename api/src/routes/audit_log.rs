//! The audit log, for province admins.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use crate::paging::{parse_uuid_param, DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use centers_db::audit::{self, AuditEntry, AuditFilter};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// One recorded write.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLogEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// `user`, `client` or `system`.
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    /// `create`, `update`, `delete`, a workflow action, `login`, ...
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

list_schema!(AuditLogList, AuditLogEntry);

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Entity type.
    #[param(value_type = Option<EntityKind>)]
    pub entity: Option<String>,
    /// Entity id.
    pub entity_id: Option<String>,
    /// Actor (user or client) id.
    #[param(value_type = Option<Uuid>)]
    pub actor: Option<String>,
    /// From this instant (RFC 3339; a date means its midnight UTC), inclusive.
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<String>,
    /// Until this instant (RFC 3339; a date means its midnight UTC), exclusive.
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<String>,
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    pub cursor: Option<String>,
}

fn parse_instant(field: &str, v: Option<&str>) -> Result<Option<NaiveDateTime>, ApiError> {
    match v.map(str::trim) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|t| Some(t.with_timezone(&Utc).naive_utc()))
            .or_else(|_| {
                chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").map(|d| d.and_hms_opt(0, 0, 0))
            })
            .map_err(|_| {
                ApiError::bad_field(field, "invalid_datetime", "must be RFC 3339 or YYYY-MM-DD")
            }),
    }
}

fn entry(e: AuditEntry) -> AuditLogEntry {
    AuditLogEntry {
        id: e.id.into(),
        occurred_at: utc(e.occurred_at),
        actor_type: e.actor_type,
        actor_id: e.actor_id.map(Into::into),
        actor_name: e.actor_name,
        action: e.action,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        before: e.before_json.and_then(|j| serde_json::from_str(&j).ok()),
        after: e.after_json.and_then(|j| serde_json::from_str(&j).ok()),
        request_id: e.request_id,
    }
}

/// Read the audit log, newest first.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_log",
    params(AuditParams),
    responses((status = 200, description = "A page of entries", body = AuditLogList)),
    security(("bearer" = []))
)]
#[get("/audit-log")]
pub async fn list_audit_log(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadAuditLog)?;
    let limit = match params.limit.as_deref() {
        None => DEFAULT_LIMIT,
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::bad_field(
                    "limit",
                    "out_of_range",
                    format!("must be an integer from 1 to {MAX_LIMIT}"),
                )
            })?,
    };
    let before = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(
            URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|s| Uuid::parse_str(&s).ok())
                .ok_or_else(|| {
                    ApiError::bad_field("cursor", "invalid_cursor", "not a cursor of this API")
                })?,
        ),
    };
    let filter = AuditFilter {
        entity_type: match params.entity.as_deref() {
            None => None,
            Some(e) => Some(
                e.parse::<EntityKind>()
                    .map_err(|err| ApiError::bad_field("entity", "invalid", err.to_string()))?
                    .as_str()
                    .to_owned(),
            ),
        },
        entity_id: params.entity_id.clone(),
        actor_id: parse_uuid_param("actor", params.actor.as_deref())?.map(Into::into),
        from: parse_instant("from", params.from.as_deref())?,
        to: parse_instant("to", params.to.as_deref())?,
    };
    let page = state
        .db(move |conn| Ok(audit::list(conn, &filter, limit, before.map(Into::into))?))
        .await?;
    let next_cursor = page
        .next
        .as_ref()
        .map(|k| URL_SAFE_NO_PAD.encode(k.id.to_string()));
    let mut builder = HttpResponse::Ok();
    if let Some(c) = &next_cursor {
        builder.insert_header(("Link", crate::paging::next_link(&req, c)));
    }
    Ok(builder.json(AuditLogList {
        items: page.items.into_iter().map(entry).collect(),
        next_cursor,
        total: page.total,
    }))
}
