//! The audit log: every write, who made it, before and after; read by province admins.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use crate::services::changes::as_seen_by;
use centers_db::audit::{self, AuditEntry, AuditFilter};
use centers_db::paging::Page;
use centers_db::{DbConnection, Id};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
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
    pub action: AuditAction,
    pub entity_type: EntityKind,
    pub entity_id: String,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

list_schema!(AuditLogList, AuditLogEntry);

/// An entry as `caller` sees it: before and after narrowed by the same per-caller view as the
/// change feed (today only province admins read the log, and they see everything; the view keeps
/// it so if the permission is ever widened).
pub(crate) fn entry(caller: &Caller, e: AuditEntry) -> AuditLogEntry {
    let view = |j: Option<String>| {
        j.and_then(|j| serde_json::from_str(&j).ok())
            .map(|v| as_seen_by(caller, e.entity_type, v))
    };
    AuditLogEntry {
        id: e.id.into(),
        occurred_at: utc(e.occurred_at),
        actor_type: e.actor_type,
        actor_id: e.actor_id.map(Into::into),
        actor_name: e.actor_name,
        action: e.action,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        before: view(e.before_json),
        after: view(e.after_json),
        request_id: e.request_id,
    }
}

/// Entries matching `filter`, newest first, `limit` at a time before the entry `before`.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    filter: &AuditFilter,
    limit: i64,
    before: Option<Id>,
    offset: i64,
) -> Result<Page<AuditLogEntry>, ApiError> {
    caller.require_permission(Permission::ReadAuditLog)?;
    Ok(audit::list(conn, filter, limit, before, offset)?.map(|e| entry(caller, e)))
}
