//! The audit log: every write records who, when, what, and the before/after state, in the same
//! transaction as the write. Callers pass DTO-shaped JSON that never contains secrets.

use crate::schema::audit_log;
use crate::DbConnection;
use crate::Id;
use centers_domain::changes::{AuditAction, EntityKind};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User {
        id: Id,
        username: String,
    },
    Client {
        id: Id,
        name: String,
    },
    /// The server itself: seeding, bootstrap, the command line.
    System,
}

impl Actor {
    pub(crate) fn parts(&self) -> (&'static str, Option<Id>, &str) {
        match self {
            Actor::User { id, username } => ("user", Some(*id), username),
            Actor::Client { id, name } => ("client", Some(*id), name),
            Actor::System => ("system", None, "system"),
        }
    }
}

/// The actor and request a write belongs to.
#[derive(Debug, Clone)]
pub struct AuditContext {
    pub actor: Actor,
    pub request_id: Option<String>,
}

impl AuditContext {
    pub fn system() -> Self {
        Self {
            actor: Actor::System,
            request_id: None,
        }
    }
}

/// One audit entry as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: Id,
    pub occurred_at: NaiveDateTime,
    pub actor_type: String,
    pub actor_id: Option<Id>,
    pub actor_name: String,
    #[diesel(deserialize_as = String)]
    pub action: AuditAction,
    #[diesel(deserialize_as = String)]
    pub entity_type: EntityKind,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub request_id: Option<String>,
}

/// Filters for reading the log.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity_type: Option<EntityKind>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Id>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

/// Reads entries newest first, keyset-paged on the (time-ordered) id.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    limit: i64,
    before_id: Option<Id>,
    offset: i64,
) -> QueryResult<crate::paging::Page<AuditEntry>> {
    let build = || {
        let mut q = audit_log::table.into_boxed::<crate::MultiBackend>();
        if let Some(t) = &filter.entity_type {
            q = q.filter(audit_log::entity_type.eq(t.as_str()));
        }
        if let Some(e) = &filter.entity_id {
            q = q.filter(audit_log::entity_id.eq(e.clone()));
        }
        if let Some(a) = filter.actor_id {
            q = q.filter(audit_log::actor_id.eq(a));
        }
        if let Some(from) = filter.from {
            q = q.filter(audit_log::occurred_at.ge(from));
        }
        if let Some(to) = filter.to {
            q = q.filter(audit_log::occurred_at.lt(to));
        }
        q
    };
    let total: i64 = build().count().get_result(conn)?;
    let mut q = build();
    match before_id {
        Some(b) => q = q.filter(audit_log::id.lt(b)),
        None if offset > 0 => q = q.offset(offset),
        None => {}
    }
    let rows = q
        .order(audit_log::id.desc())
        .limit(limit + 1)
        .select(AuditEntry::as_select())
        .load(conn)?;
    Ok(crate::paging::Page::from_rows(
        rows,
        limit,
        Some(total),
        |e| crate::paging::CursorKey {
            key: String::new(),
            id: e.id,
        },
    ))
}
