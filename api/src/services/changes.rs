//! The change feed: every create, update and delete, in commit order, scoped like the records.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::services::learners::national_id_as_seen;
use centers_db::teaching;
use centers_db::writes::{self, FeedScope};
use centers_db::DbConnection;
use centers_domain::changes::{ChangeOp, EntityKind};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// One change of one record.
#[derive(Debug, Serialize, ToSchema)]
pub struct Change {
    /// Position in the feed (commit order). Pass the last one seen as `after`.
    pub seq: i64,
    pub occurred_at: DateTime<Utc>,
    pub entity: EntityKind,
    /// The record's id.
    pub id: String,
    pub op: ChangeOp,
    /// The record's version after the change (before it, for a delete).
    pub version: Option<i32>,
    /// The record after the change, as its own endpoint returns it; null for a delete.
    #[schema(value_type = Option<Object>)]
    pub data: Option<serde_json::Value>,
    /// Where the record's `GET` is (`/api/v1/...`), which shows the caller exactly `data`; null
    /// for a delete and for kinds shown only in their list (service clients, policy versions).
    pub href: Option<String>,
    /// For a delete: the record's natural keys (the tombstone).
    #[schema(value_type = Option<Object>)]
    pub keys: Option<serde_json::Value>,
}

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangePage {
    pub items: Vec<Change>,
    /// The cursor to pass as `after` next time: the last `seq` returned, or the `after` given
    /// when nothing is new. Never null, so a follower can poll with it.
    pub next_cursor: String,
}

/// Changes after `after` that the caller may see, at most `limit`; `types` narrows the entities.
pub fn follow(
    conn: &mut DbConnection,
    caller: &Caller,
    after: i64,
    limit: i64,
    types: Option<Vec<EntityKind>>,
) -> Result<ChangePage, ApiError> {
    let mut entities = EntityKind::readable_by(caller.principal);
    if let Some(wanted) = types {
        entities.retain(|k| wanted.contains(k));
    }
    let scope = caller.scope();
    let only_own: Vec<EntityKind> = entities
        .iter()
        .copied()
        .filter(|k| k.only_own_for(caller.principal))
        .collect();
    let own_lecturer = if only_own.is_empty() {
        None
    } else {
        teaching::lecturer_of_user(conn, caller.user_id())?.map(|l| l.id.to_string())
    };
    let rows = writes::changes_after(
        conn,
        &FeedScope {
            scope_path: scope.path(),
            entities: &entities,
            only_own: &only_own,
            own_lecturer,
        },
        after,
        limit,
    )?;
    let next_cursor = rows.last().map_or(after, |r| r.seq).to_string();
    let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    Ok(ChangePage {
        items: rows
            .into_iter()
            .map(|r| {
                let data = parse(r.data_json).map(|d| as_seen_by(caller, r.entity, d));
                let href = data.as_ref().and_then(|d| {
                    r.entity.href(&r.entity_id, |field| {
                        d.get(field).and_then(Value::as_str).map(str::to_owned)
                    })
                });
                Change {
                    seq: r.seq,
                    occurred_at: utc(r.occurred_at),
                    entity: r.entity,
                    id: r.entity_id,
                    op: r.op,
                    version: r.version,
                    data,
                    href,
                    keys: parse(r.keys_json).map(|k| as_seen_by(caller, r.entity, k)),
                }
            })
            .collect(),
        next_cursor,
    })
}

/// A record as stored by the write path (the DTO a full reader sees), narrowed to what `caller`
/// sees of it through `GET`: the one place where a per-caller view of a stored DTO is made, for
/// the feed and the audit log alike. Each rule calls the function its `GET` uses.
pub fn as_seen_by(caller: &Caller, kind: EntityKind, mut record: Value) -> Value {
    if kind == EntityKind::Learner {
        if let Some(id) = record.get_mut("national_id") {
            if let Value::String(whole) = id {
                *id = Value::String(national_id_as_seen(caller, whole));
            }
        }
    }
    record
}
