//! `/audit-log`, for province admins. The handler parses the query and calls
//! `services::audit_log`.

use super::Resource;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::paging::{parse_limit, parse_uuid_param, DEFAULT_LIMIT};
use crate::services::audit_log::{self as service, AuditLogList};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use centers_db::audit::AuditFilter;
use centers_db::Id;
use centers_domain::changes::EntityKind;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;
use uuid::Uuid;

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
    /// Skip this many entries (ignored with a cursor).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub offset: Option<String>,
    /// The log is read newest first: `-occurred_at` is the only order.
    #[param(value_type = Option<String>, pattern = "^-occurred_at$")]
    pub sort: Option<String>,
}

fn parse_instant(field: &str, v: Option<&str>) -> Result<Option<NaiveDateTime>, ApiError> {
    match v.map(str::trim) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .ok()
            .map(|t| t.with_timezone(&Utc).naive_utc())
            .or_else(|| crate::paging::iso_date(v).and_then(|d| d.and_hms_opt(0, 0, 0)))
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad_field(field, "invalid_datetime", "must be RFC 3339 or YYYY-MM-DD")
            }),
    }
}

impl AuditParams {
    /// The filter, page size and cursor, or a 400 naming the parameter.
    fn parse(&self) -> Result<(AuditFilter, i64, Option<Id>, i64), ApiError> {
        let limit = parse_limit(self.limit.as_deref(), DEFAULT_LIMIT)?;
        let offset = crate::paging::parse_offset(self.offset.as_deref())?.unwrap_or(0);
        if let Some(sort) = self.sort.as_deref().map(str::trim) {
            if sort != "-occurred_at" {
                return Err(ApiError::bad_field(
                    "sort",
                    "invalid_sort",
                    "the audit log is read newest first: -occurred_at",
                ));
            }
        }
        let before = match self.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(
                URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|s| Uuid::parse_str(&s).ok())
                    .map(Id)
                    .ok_or_else(|| {
                        ApiError::bad_field("cursor", "invalid_cursor", "not a cursor of this API")
                    })?,
            ),
        };
        let entity_type = match self.entity.as_deref() {
            None => None,
            Some(e) => Some(
                e.parse::<EntityKind>()
                    .map_err(|err| ApiError::bad_field("entity", "invalid", err.to_string()))?,
            ),
        };
        let filter = AuditFilter {
            entity_type,
            entity_id: self.entity_id.clone(),
            actor_id: parse_uuid_param("actor", self.actor.as_deref())?.map(Into::into),
            from: parse_instant("from", self.from.as_deref())?,
            to: parse_instant("to", self.to.as_deref())?,
        };
        Ok((filter, limit, before, offset))
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
#[get("")]
pub async fn list_audit_log(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    let (filter, limit, before, offset) = params.parse()?;
    let page = state
        .read(move |conn| service::list(conn, &caller, &filter, limit, before, offset))
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
        items: page.items,
        next_cursor,
        total: page.total,
    }))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(scope("/audit-log").service(list_audit_log));
    },
    sorts: &[],
};
