//! The one write path. Every write of every resource records, in its own transaction, an audit
//! entry (who, what, before, after) and — for a create, update or delete — a change event in the
//! outbox that `GET /changes` serves. Nothing else writes `audit_log` or `change_events`.
//!
//! Commit order: an event's `seq` is taken from the single `change_counter` row, which the
//! writing transaction then holds locked until it ends. A later writer waits for that commit
//! before it can take the next number, so seq n+1 is never visible before seq n (PostgreSQL and
//! SQLite alike; on SQLite writers are serialized anyway). A plain sequence or an id made in the
//! application would let a reader see n+1 while n is still uncommitted, and skip n for good.
//! The price is that, on PostgreSQL, writing transactions serialize from their first event to
//! their commit; events are appended last, so that window is short.

use crate::audit::AuditContext;
use crate::schema::{audit_log, change_counter, change_events};
use crate::DbConnection;
use centers_domain::changes::{AuditAction, ChangeOp, EntityKind};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// One write to record: an audit entry and, unless it is an account event, a change event.
#[derive(Debug, Clone)]
pub struct Write {
    entity: EntityKind,
    id: String,
    action: AuditAction,
    op: Option<ChangeOp>,
    /// The materialized path of the organization that owns the record: who may see the change.
    scope_path: String,
    before: Option<Value>,
    after: Option<Value>,
    keys: Option<Value>,
    /// For kinds private to their lecturer: the lecturer the record belongs to.
    lecturer: Option<String>,
    /// The other path the owner is reached by (a party organization's center), when it has one
    /// (`Some(None)`: known to have none); looked up from the owner when not given
    /// ([`served_from`]).
    service_path: Option<Option<String>>,
}

fn to_json<T: Serialize>(value: &T) -> Option<Value> {
    // DTOs serialize infallibly (no maps with non-string keys); a failure would only drop detail.
    serde_json::to_value(value).ok()
}

impl Write {
    /// A record was created; `after` is its DTO.
    pub fn create<T: Serialize>(
        entity: EntityKind,
        id: impl ToString,
        scope_path: &str,
        after: &T,
    ) -> Write {
        Write {
            entity,
            id: id.to_string(),
            action: AuditAction::Create,
            op: Some(ChangeOp::Create),
            scope_path: scope_path.to_owned(),
            before: None,
            after: to_json(after),
            keys: None,
            lecturer: None,
            service_path: None,
        }
    }

    /// A record changed; `before` and `after` are its DTOs.
    pub fn update<T: Serialize>(
        entity: EntityKind,
        id: impl ToString,
        scope_path: &str,
        before: &T,
        after: &T,
    ) -> Write {
        Write {
            entity,
            id: id.to_string(),
            action: AuditAction::Update,
            op: Some(ChangeOp::Update),
            scope_path: scope_path.to_owned(),
            before: to_json(before),
            after: to_json(after),
            keys: None,
            lecturer: None,
            service_path: None,
        }
    }

    /// A record was deleted; `keys` are its natural keys, which the feed's tombstone carries.
    pub fn delete<T: Serialize, K: Serialize>(
        entity: EntityKind,
        id: impl ToString,
        scope_path: &str,
        before: &T,
        keys: &K,
    ) -> Write {
        Write {
            entity,
            id: id.to_string(),
            action: AuditAction::Delete,
            op: Some(ChangeOp::Delete),
            scope_path: scope_path.to_owned(),
            before: to_json(before),
            after: None,
            keys: to_json(keys),
            lecturer: None,
            service_path: None,
        }
    }

    /// An account event (login, refresh, logout, password change, seeding): audited, but no
    /// record a client syncs has changed, so no change event.
    pub fn event(entity: EntityKind, id: impl ToString, action: AuditAction) -> Write {
        Write {
            entity,
            id: id.to_string(),
            action,
            op: None,
            scope_path: String::new(),
            before: None,
            after: None,
            keys: None,
            lecturer: None,
            service_path: None,
        }
    }

    /// The lecturer a record of a kind private to its lecturer belongs to
    /// ([`EntityKind::private_to_its_lecturer`]); required for those kinds.
    pub fn of_lecturer(mut self, lecturer: impl ToString) -> Write {
        self.lecturer = Some(lecturer.to_string());
        self
    }

    /// Refuses a change event of a kind private to its lecturer that does not name the lecturer:
    /// the feed could not apply the lecturer's read rule to it.
    fn check(&self) -> QueryResult<()> {
        if self.op.is_some() && self.entity.private_to_its_lecturer() && self.lecturer.is_none() {
            return Err(diesel::result::Error::QueryBuilderError(
                format!("a {} change must name its lecturer", self.entity).into(),
            ));
        }
        Ok(())
    }

    /// The service path of the record's owner, given where it cannot be looked up (the owner
    /// was just deleted).
    pub fn served_from(mut self, service_path: &str) -> Write {
        self.service_path = Some(Some(service_path.to_owned()));
        self
    }

    /// The owner's path and service path, as the writer just read them with the owner: the
    /// event needs no lookup of its own (one statement less in every such write).
    pub fn owned_at(mut self, path: &str, service_path: &str) -> Write {
        self.service_path = Some((path != service_path).then(|| service_path.to_owned()));
        self
    }

    /// Recorded in the audit log only, never in the change feed (kinds that are their owner's
    /// alone: webhook subscriptions).
    pub fn audit_only(mut self) -> Write {
        self.op = None;
        self
    }

    /// The audit action, when it is more than create/update/delete (`submit`, `revoke`, ...).
    pub fn action(mut self, action: AuditAction) -> Write {
        self.action = action;
        self
    }
}

/// The second path a change event is reached by: the service path of the organization that owns
/// the record (the last segment of its scope path) when it differs from where it sits — the
/// center of a party organization, so that the center reads the changes of what it serves, as
/// its `GET` does ([`crate::scope::reaches`]).
fn served_from(conn: &mut DbConnection, scope_path: &str) -> QueryResult<Option<String>> {
    use crate::schema::organizations;
    let owner = scope_path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|s| s.parse::<uuid::Uuid>().ok());
    let Some(owner) = owner else {
        return Ok(None);
    };
    let paths: Option<(String, String)> = organizations::table
        .filter(organizations::id.eq(crate::Id(owner)))
        .select((organizations::path, organizations::service_path))
        .first(conn)
        .optional()?;
    Ok(paths
        .filter(|(path, service)| path != service)
        .map(|(_, service)| service))
}

/// Records `write` in the current transaction: the audit entry, then the change event.
pub fn record(conn: &mut DbConnection, ctx: &AuditContext, write: Write) -> QueryResult<()> {
    write.check()?;
    let now = crate::now();
    let (actor_type, actor_id, actor_name) = ctx.actor.parts();
    let as_text = |v: &Option<Value>| v.as_ref().map(Value::to_string);
    if let (DbConnection::Postgresql(_), Some(op)) = (&*conn, write.op) {
        let service_path = match &write.service_path {
            Some(known) => known.clone(),
            None => served_from(conn, &write.scope_path)?,
        };
        if let DbConnection::Postgresql(pg) = conn {
            return record_on_postgres(pg, ctx, &write, op, service_path, now);
        }
    }
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(crate::new_id()),
            audit_log::occurred_at.eq(now),
            audit_log::actor_type.eq(actor_type),
            audit_log::actor_id.eq(actor_id),
            audit_log::actor_name.eq(actor_name),
            audit_log::action.eq(write.action.as_str()),
            audit_log::entity_type.eq(write.entity.as_str()),
            audit_log::entity_id.eq(&write.id),
            audit_log::before_json.eq(as_text(&write.before)),
            audit_log::after_json.eq(as_text(&write.after)),
            audit_log::request_id.eq(ctx.request_id.as_deref()),
        ))
        .execute(conn)?;
    let Some(op) = write.op else {
        return Ok(());
    };
    let version = version_of(&write);
    let service_path = match &write.service_path {
        Some(known) => known.clone(),
        None => served_from(conn, &write.scope_path)?,
    };
    // The counter row stays locked until this transaction ends: that is the commit order.
    let seq: i64 = diesel::update(change_counter::table.filter(change_counter::id.eq(1)))
        .set(change_counter::last_seq.eq(change_counter::last_seq + 1))
        .returning(change_counter::last_seq)
        .get_result(conn)?;
    diesel::insert_into(change_events::table)
        .values((
            change_events::seq.eq(seq),
            change_events::occurred_at.eq(now),
            change_events::entity.eq(write.entity.as_str()),
            change_events::entity_id.eq(&write.id),
            change_events::op.eq(op.as_str()),
            change_events::version.eq(version),
            change_events::scope_path.eq(&write.scope_path),
            change_events::data_json.eq(as_text(&write.after)),
            change_events::keys_json.eq(as_text(&write.keys)),
            change_events::lecturer_id.eq(write.lecturer.as_deref()),
            change_events::service_path.eq(service_path),
        ))
        .execute(conn)?;
    Ok(())
}

/// [`record`] on PostgreSQL: the audit entry, the counter and the event in one statement, one
/// round trip instead of three. The counter row is locked from this statement to the commit, and
/// every writer waits for it there (the commit order above), so each round trip taken while it is
/// held is paid by all writers in turn: measured by `bench/history.sh` against pgbench.
/// (SQLite cannot write in a `WITH`; its writers are serialized anyway.)
fn record_on_postgres(
    conn: &mut diesel::PgConnection,
    ctx: &AuditContext,
    write: &Write,
    op: ChangeOp,
    service_path: Option<String>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use crate::types::PortableUuid;
    use diesel::sql_types::{Integer, Nullable, Text, Timestamp};
    let (actor_type, actor_id, actor_name) = ctx.actor.parts();
    let as_text = |v: &Option<Value>| v.as_ref().map(Value::to_string);
    diesel::sql_query(
        "WITH audit AS (INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, actor_name, \
         action, entity_type, entity_id, before_json, after_json, request_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)), \
         counter AS (UPDATE change_counter SET last_seq = last_seq + 1 WHERE id = 1 \
         RETURNING last_seq) \
         INSERT INTO change_events (seq, occurred_at, entity, entity_id, op, version, scope_path, \
         data_json, keys_json, lecturer_id, service_path) \
         SELECT last_seq, $2, $7, $8, $12, $13, $14, $10, $15, $16, $17 FROM counter",
    )
    .bind::<PortableUuid, _>(crate::new_id())
    .bind::<Timestamp, _>(now)
    .bind::<Text, _>(actor_type)
    .bind::<Nullable<PortableUuid>, _>(actor_id)
    .bind::<Text, _>(actor_name)
    .bind::<Text, _>(write.action.as_str())
    .bind::<Text, _>(write.entity.as_str())
    .bind::<Text, _>(&write.id)
    .bind::<Nullable<Text>, _>(as_text(&write.before))
    .bind::<Nullable<Text>, _>(as_text(&write.after))
    .bind::<Nullable<Text>, _>(ctx.request_id.as_deref())
    .bind::<Text, _>(op.as_str())
    .bind::<Nullable<Integer>, _>(version_of(write))
    .bind::<Text, _>(&write.scope_path)
    .bind::<Nullable<Text>, _>(as_text(&write.keys))
    .bind::<Nullable<Text>, _>(write.lecturer.as_deref())
    .bind::<Nullable<Text>, _>(service_path)
    .execute(conn)
    .map(|_| ())
}

/// An audit entry as inserted in a batch.
#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewAuditEntry<'a> {
    id: crate::Id,
    occurred_at: NaiveDateTime,
    actor_type: &'a str,
    actor_id: Option<crate::Id>,
    actor_name: &'a str,
    action: &'static str,
    entity_type: &'static str,
    entity_id: &'a str,
    before_json: Option<String>,
    after_json: Option<String>,
    request_id: Option<&'a str>,
}

/// A change event as inserted in a batch.
#[derive(Insertable)]
#[diesel(table_name = change_events)]
struct NewChangeEvent<'a> {
    seq: i64,
    occurred_at: NaiveDateTime,
    entity: &'static str,
    entity_id: &'a str,
    op: &'static str,
    version: Option<i32>,
    scope_path: &'a str,
    data_json: Option<String>,
    keys_json: Option<String>,
    lecturer_id: Option<&'a str>,
    service_path: Option<String>,
}

/// Rows per multi-row INSERT: 11 columns × 1,000 stays under both backends' parameter limits
/// (SQLite 32,766, PostgreSQL 65,535).
const BATCH_ROWS: usize = 1_000;

/// Records many writes in the current transaction, as [`record`] does one by one, but in
/// multi-row INSERTs and with one increment of the change counter for the whole batch: the
/// batch path of bulk operations (imports, demo data). The events keep the order of `writes`.
pub fn record_many(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    writes: &[Write],
) -> QueryResult<()> {
    if writes.is_empty() {
        return Ok(());
    }
    for w in writes {
        w.check()?;
    }
    let now = crate::now();
    let (actor_type, actor_id, actor_name) = ctx.actor.parts();
    let as_text = |v: &Option<Value>| v.as_ref().map(Value::to_string);
    let audit: Vec<NewAuditEntry<'_>> = writes
        .iter()
        .map(|w| NewAuditEntry {
            id: crate::new_id(),
            occurred_at: now,
            actor_type,
            actor_id,
            actor_name,
            action: w.action.as_str(),
            entity_type: w.entity.as_str(),
            entity_id: &w.id,
            before_json: as_text(&w.before),
            after_json: as_text(&w.after),
            request_id: ctx.request_id.as_deref(),
        })
        .collect();
    for chunk in audit.chunks(BATCH_ROWS) {
        crate::db_run!(conn, |c| diesel::insert_into(audit_log::table)
            .values(chunk)
            .execute(c))?;
    }
    let with_events: Vec<(&Write, ChangeOp)> = writes
        .iter()
        .filter_map(|w| w.op.map(|op| (w, op)))
        .collect();
    if with_events.is_empty() {
        return Ok(());
    }
    // Each owner looked up once: a batch has many records of few owners.
    let mut served = std::collections::HashMap::<&str, Option<String>>::new();
    for (w, _) in &with_events {
        if w.service_path.is_none() && !served.contains_key(w.scope_path.as_str()) {
            served.insert(&w.scope_path, served_from(conn, &w.scope_path)?);
        }
    }
    let count = i64::try_from(with_events.len()).unwrap_or(i64::MAX);
    // One increment takes the whole range; the row stays locked until the commit (see above).
    let last: i64 = diesel::update(change_counter::table.filter(change_counter::id.eq(1)))
        .set(change_counter::last_seq.eq(change_counter::last_seq + count))
        .returning(change_counter::last_seq)
        .get_result(conn)?;
    let events: Vec<NewChangeEvent<'_>> = with_events
        .into_iter()
        .zip(last - count + 1..)
        .map(|((w, op), seq)| NewChangeEvent {
            seq,
            occurred_at: now,
            entity: w.entity.as_str(),
            entity_id: &w.id,
            op: op.as_str(),
            version: version_of(w),
            scope_path: &w.scope_path,
            data_json: as_text(&w.after),
            keys_json: as_text(&w.keys),
            lecturer_id: w.lecturer.as_deref(),
            service_path: match &w.service_path {
                Some(known) => known.clone(),
                None => served.get(w.scope_path.as_str()).cloned().flatten(),
            },
        })
        .collect();
    for chunk in events.chunks(BATCH_ROWS) {
        crate::db_run!(conn, |c| diesel::insert_into(change_events::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

/// The record's version as the feed carries it: from the DTO after the write, or before a delete.
fn version_of(write: &Write) -> Option<i32> {
    write
        .after
        .as_ref()
        .or(write.before.as_ref())
        .and_then(|v| v.get("version"))
        .and_then(Value::as_i64)
        .and_then(|v| i32::try_from(v).ok())
}

/// One change event as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = change_events)]
pub struct ChangeRow {
    pub seq: i64,
    pub occurred_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub entity: EntityKind,
    pub entity_id: String,
    #[diesel(deserialize_as = String)]
    pub op: ChangeOp,
    pub version: Option<i32>,
    pub scope_path: String,
    pub data_json: Option<String>,
    pub keys_json: Option<String>,
}

/// Who reads the feed: the scope, the entity kinds it may read and, for a lecturer, which
/// kinds it reads only when they are its own. All are required.
#[derive(Debug, Clone)]
pub struct FeedScope<'a> {
    pub scope_path: &'a str,
    pub entities: &'a [EntityKind],
    /// Kinds of which only the events naming `own_lecturer` are shown (empty for everybody
    /// but lecturers).
    pub only_own: &'a [EntityKind],
    /// The caller's own lecturer record, if any.
    pub own_lecturer: Option<String>,
}

/// Changes after `after`, in commit order, that the reader may see.
pub fn changes_after(
    conn: &mut DbConnection,
    scope: &FeedScope<'_>,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<ChangeRow>> {
    if scope.entities.is_empty() {
        return Ok(Vec::new());
    }
    let kinds: Vec<&str> = scope.entities.iter().map(|k| k.as_str()).collect();
    let mut query = change_events::table
        .filter(change_events::seq.gt(after))
        .filter(change_events::entity.eq_any(kinds))
        .filter(
            change_events::scope_path
                .like(format!("{}%", scope.scope_path))
                .or(change_events::service_path.like(format!("{}%", scope.scope_path))),
        )
        .into_boxed::<crate::MultiBackend>();
    if !scope.only_own.is_empty() {
        let private: Vec<&str> = scope.only_own.iter().map(|k| k.as_str()).collect();
        // NULL never equals: with no lecturer record of its own, a lecturer sees none of them.
        query = query.filter(
            change_events::entity
                .ne_all(private)
                .or(change_events::lecturer_id.eq(scope.own_lecturer.clone())),
        );
    }
    query
        .order(change_events::seq.asc())
        .limit(limit)
        .select(ChangeRow::as_select())
        .load(conn)
}

/// The last change sequence number. It moves with every committed create, update or delete,
/// and with a bulk load ([`bump_seq`]): the version of the data that read caches key on (the
/// summary report's), so that a cached answer is never served after a change.
pub fn last_seq(conn: &mut DbConnection) -> QueryResult<i64> {
    change_counter::table
        .filter(change_counter::id.eq(1))
        .select(change_counter::last_seq)
        .first(conn)
}

/// Moves the change counter without an event: a bulk load that is not in the change feed (demo
/// data) still invalidates what readers cached. The feed sees a gap in `seq`, which it allows
/// (it serves the events after a cursor, never "the next number").
pub fn bump_seq(conn: &mut DbConnection) -> QueryResult<()> {
    diesel::update(change_counter::table.filter(change_counter::id.eq(1)))
        .set(change_counter::last_seq.eq(change_counter::last_seq + 1))
        .execute(conn)
        .map(|_| ())
}
