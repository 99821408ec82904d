//! Webhook subscriptions and their deliveries. A subscription belongs to the account that made
//! it (a user or a service client): every query of the owner's side takes the owner's id, so
//! nobody reads or changes another's subscription. The delivery side (the server's worker)
//! claims due subscriptions under a lease, so that several instances on one PostgreSQL deliver
//! each subscription from one instance at a time, in order.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{change_counter, webhook_deliveries as d, webhook_subscriptions as w};
use crate::{DbConnection, DeliveryId, Id, MultiBackend, WebhookId};
use centers_domain::webhooks::{DeliveryKind, OwnerKind, SubscriptionStatus};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The most subscriptions one account may hold: a district system needs one or two; the bound
/// keeps the owner's list and the worker's round small.
pub const MAX_PER_OWNER: i64 = 20;

/// A subscription as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = w)]
pub struct SubscriptionRow {
    pub id: WebhookId,
    #[diesel(deserialize_as = String)]
    pub owner_type: OwnerKind,
    pub owner_id: Id,
    pub url: String,
    pub description: String,
    pub entity_types: String,
    #[diesel(deserialize_as = String)]
    pub status: SubscriptionStatus,
    pub status_reason: Option<String>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<NaiveDateTime>,
    pub cursor_seq: i64,
    pub attempts: i32,
    pub failing_since: Option<NaiveDateTime>,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl SubscriptionRow {
    /// The secrets to sign with at `now`: the current one, and the previous one while its
    /// overlap lasts.
    pub fn secrets_in_force(&self, now: NaiveDateTime) -> Vec<&str> {
        let mut out = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) =
            (&self.previous_secret, self.previous_secret_expires_at)
        {
            if until > now {
                out.push(previous);
            }
        }
        out
    }
}

/// One attempt as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = d)]
pub struct DeliveryRow {
    pub id: DeliveryId,
    pub subscription_id: WebhookId,
    pub message_id: String,
    pub event_seq: Option<i64>,
    #[diesel(deserialize_as = String)]
    pub kind: DeliveryKind,
    pub attempt: i32,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
    pub attempted_at: NaiveDateTime,
    pub next_retry_at: Option<NaiveDateTime>,
    pub succeeded: bool,
}

/// A new subscription.
#[derive(Debug, Clone)]
pub struct NewSubscription<'a> {
    pub owner_type: OwnerKind,
    pub owner_id: Id,
    pub url: &'a str,
    pub description: &'a str,
    pub entity_types: &'a str,
    pub secret: &'a str,
}

/// How many subscriptions the owner holds.
pub fn count_of_owner(conn: &mut DbConnection, owner: Id) -> QueryResult<i64> {
    w::table
        .filter(w::owner_id.eq(owner))
        .count()
        .get_result(conn)
}

/// Inserts a subscription that starts after the feed's current end: it is called for changes
/// committed from now on.
pub fn insert(conn: &mut DbConnection, new: &NewSubscription<'_>) -> QueryResult<SubscriptionRow> {
    let start: i64 = change_counter::table
        .filter(change_counter::id.eq(1))
        .select(change_counter::last_seq)
        .first(conn)?;
    crate::insert_versioned!(
        conn,
        webhook_subscriptions,
        (
            w::id.eq(WebhookId::generate()),
            w::owner_type.eq(new.owner_type.as_str()),
            w::owner_id.eq(new.owner_id),
            w::url.eq(new.url),
            w::description.eq(new.description),
            w::entity_types.eq(new.entity_types),
            w::status.eq(SubscriptionStatus::Active.as_str()),
            w::secret.eq(new.secret),
            w::cursor_seq.eq(start),
            w::attempts.eq(0),
        )
    )
}

/// The owner's subscription `id`, if it is theirs.
pub fn find_of_owner(
    conn: &mut DbConnection,
    id: WebhookId,
    owner: Id,
) -> QueryResult<Option<SubscriptionRow>> {
    w::table
        .filter(w::id.eq(id))
        .filter(w::owner_id.eq(owner))
        .select(SubscriptionRow::as_select())
        .first(conn)
        .optional()
}

/// The owner's subscriptions (at most [`MAX_PER_OWNER`]).
pub fn list_of_owner(conn: &mut DbConnection, owner: Id) -> QueryResult<Vec<SubscriptionRow>> {
    w::table
        .filter(w::owner_id.eq(owner))
        .order((w::created_at.desc(), w::id.desc()))
        .select(SubscriptionRow::as_select())
        .load(conn)
}

/// What an owner changes with `PATCH`.
#[derive(Debug, Clone)]
pub struct SubscriptionChanges {
    pub url: String,
    pub description: String,
    pub entity_types: String,
    pub status: SubscriptionStatus,
    /// A paused or failing subscription resumed: its failure count starts again.
    pub resumed: bool,
}

/// Applies `changes` if the subscription is still at `version`; `None` if it moved meanwhile.
pub fn update(
    conn: &mut DbConnection,
    id: WebhookId,
    version: i32,
    c: &SubscriptionChanges,
) -> QueryResult<Option<SubscriptionRow>> {
    let updated = crate::update_versioned!(
        conn,
        webhook_subscriptions,
        id,
        version,
        (
            w::url.eq(&c.url),
            w::description.eq(&c.description),
            w::entity_types.eq(&c.entity_types),
            w::status.eq(c.status.as_str()),
        )
    )?;
    if updated.is_none() || !c.resumed {
        return Ok(updated);
    }
    diesel::update(w::table.filter(w::id.eq(id)))
        .set((
            w::status_reason.eq(None::<String>),
            w::attempts.eq(0),
            w::failing_since.eq(None::<NaiveDateTime>),
            w::next_attempt_at.eq(None::<NaiveDateTime>),
        ))
        .returning(w::all_columns)
        .get_result(conn)
        .map(Some)
}

/// Makes `secret` the one in force; the old one keeps signing until `previous_until`.
pub fn rotate_secret(
    conn: &mut DbConnection,
    id: WebhookId,
    secret: &str,
    previous_until: NaiveDateTime,
) -> QueryResult<SubscriptionRow> {
    let now = crate::now();
    diesel::update(w::table.filter(w::id.eq(id)))
        .set((
            w::previous_secret.eq(w::secret.nullable()),
            w::previous_secret_expires_at.eq(previous_until),
            w::secret.eq(secret),
            w::version.eq(w::version + 1),
            w::updated_at.eq(now),
        ))
        .returning(w::all_columns)
        .get_result(conn)
}

/// Deletes a subscription with its deliveries.
pub fn delete(conn: &mut DbConnection, id: WebhookId) -> QueryResult<usize> {
    diesel::delete(d::table.filter(d::subscription_id.eq(id))).execute(conn)?;
    diesel::delete(w::table.filter(w::id.eq(id))).execute(conn)
}

/// Sets the status the server decided (failing, ended) with its reason, and ends the lease.
pub fn set_status(
    conn: &mut DbConnection,
    id: WebhookId,
    status: SubscriptionStatus,
    reason: &str,
) -> QueryResult<SubscriptionRow> {
    let now = crate::now();
    diesel::update(w::table.filter(w::id.eq(id)))
        .set((
            w::status.eq(status.as_str()),
            w::status_reason.eq(reason),
            w::next_attempt_at.eq(None::<NaiveDateTime>),
            w::lease_owner.eq(None::<String>),
            w::lease_until.eq(None::<NaiveDateTime>),
            w::version.eq(w::version + 1),
            w::updated_at.eq(now),
        ))
        .returning(w::all_columns)
        .get_result(conn)
}

/// Claims, for `instance` until `lease_until`, up to `limit` active subscriptions that are due
/// (no retry pending later) and not leased by a live instance, and whose cursor is behind the
/// feed's end. On PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`: two
/// instances claiming at once take different subscriptions instead of waiting on each other.
/// Run in its own short transaction.
pub fn claim_due(
    conn: &mut DbConnection,
    instance: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<SubscriptionRow>> {
    conn.transaction(|conn| {
        let end: i64 = change_counter::table
            .filter(change_counter::id.eq(1))
            .select(change_counter::last_seq)
            .first(conn)?;
        let candidates = w::table
            .filter(w::status.eq(SubscriptionStatus::Active.as_str()))
            .filter(w::next_attempt_at.is_null().or(w::next_attempt_at.le(now)))
            .filter(w::lease_until.is_null().or(w::lease_until.lt(now)))
            .filter(w::cursor_seq.lt(end))
            .order((w::next_attempt_at.asc(), w::id.asc()))
            .select(w::id)
            .limit(limit);
        let ids: Vec<Id> = match conn {
            DbConnection::Postgresql(c) => candidates.for_update().skip_locked().load(c)?,
            DbConnection::Sqlite(c) => candidates.load(c)?,
        };
        let ids: Vec<WebhookId> = ids.into_iter().map(WebhookId::from).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(w::table.filter(w::id.eq_any(&ids)))
            .set((w::lease_owner.eq(instance), w::lease_until.eq(lease_until)))
            .returning(w::all_columns)
            .get_results(conn)
    })
}

/// Extends `instance`'s lease; false when it no longer holds it (it ran out and another
/// instance took the subscription, or the subscription is gone): stop delivering then.
pub fn renew_lease(
    conn: &mut DbConnection,
    id: WebhookId,
    instance: &str,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        w::table
            .filter(w::id.eq(id))
            .filter(w::lease_owner.eq(instance))
            .filter(w::status.eq(SubscriptionStatus::Active.as_str())),
    )
    .set(w::lease_until.eq(until))
    .execute(conn)
    .map(|n| n == 1)
}

/// After a delivered event (or events known not to concern the subscription): the cursor moves
/// to `seq`, failures are forgotten. Only by the lease holder.
pub fn advance(
    conn: &mut DbConnection,
    id: WebhookId,
    instance: &str,
    seq: i64,
) -> QueryResult<bool> {
    diesel::update(
        w::table
            .filter(w::id.eq(id))
            .filter(w::lease_owner.eq(instance))
            .filter(w::cursor_seq.lt(seq)),
    )
    .set((
        w::cursor_seq.eq(seq),
        w::attempts.eq(0),
        w::failing_since.eq(None::<NaiveDateTime>),
        w::next_attempt_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// After a failed attempt: when to try again, and the failure count.
pub fn postpone(
    conn: &mut DbConnection,
    id: WebhookId,
    instance: &str,
    attempts: i32,
    failing_since: NaiveDateTime,
    next_attempt_at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        w::table
            .filter(w::id.eq(id))
            .filter(w::lease_owner.eq(instance)),
    )
    .set((
        w::attempts.eq(attempts),
        w::failing_since.eq(failing_since),
        w::next_attempt_at.eq(next_attempt_at),
        w::lease_owner.eq(None::<String>),
        w::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Ends `instance`'s lease.
pub fn release(conn: &mut DbConnection, id: WebhookId, instance: &str) -> QueryResult<()> {
    diesel::update(
        w::table
            .filter(w::id.eq(id))
            .filter(w::lease_owner.eq(instance)),
    )
    .set((
        w::lease_owner.eq(None::<String>),
        w::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
    .map(|_| ())
}

/// One attempt to record.
#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    pub subscription_id: WebhookId,
    pub message_id: &'a str,
    pub event_seq: Option<i64>,
    pub kind: DeliveryKind,
    pub attempt: i32,
    pub status_code: Option<i32>,
    pub error: Option<&'a str>,
    pub duration_ms: i32,
    pub attempted_at: NaiveDateTime,
    pub next_retry_at: Option<NaiveDateTime>,
    pub succeeded: bool,
}

pub fn insert_delivery(conn: &mut DbConnection, n: &NewDelivery<'_>) -> QueryResult<DeliveryRow> {
    diesel::insert_into(d::table)
        .values((
            d::id.eq(DeliveryId::generate()),
            d::subscription_id.eq(n.subscription_id),
            d::message_id.eq(n.message_id),
            d::event_seq.eq(n.event_seq),
            d::kind.eq(n.kind.as_str()),
            d::attempt.eq(n.attempt),
            d::status_code.eq(n.status_code),
            d::error.eq(n.error),
            d::duration_ms.eq(n.duration_ms),
            d::attempted_at.eq(n.attempted_at),
            d::next_retry_at.eq(n.next_retry_at),
            d::succeeded.eq(n.succeeded),
        ))
        .returning(d::all_columns)
        .get_result(conn)
}

/// A page of a subscription's deliveries, newest first (or oldest first when ascending).
pub fn list_deliveries(
    conn: &mut DbConnection,
    subscription: WebhookId,
    page: &PageRequest<()>,
) -> QueryResult<Page<DeliveryRow>> {
    let total = page.total(|| {
        d::table
            .filter(d::subscription_id.eq(subscription))
            .count()
            .get_result(conn)
    })?;
    let mut q = d::table
        .filter(d::subscription_id.eq(subscription))
        .select(DeliveryRow::as_select())
        .into_boxed::<MultiBackend>();
    crate::keyset_page_at!(q, page, d::attempted_at, d::id);
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(
        rows,
        page.limit,
        total,
        |r: &DeliveryRow| CursorKey {
            key: crate::paging::timestamp_key(r.attempted_at),
            id: r.id.into(),
        },
    ))
}

pub fn find_delivery(
    conn: &mut DbConnection,
    subscription: WebhookId,
    id: DeliveryId,
) -> QueryResult<Option<DeliveryRow>> {
    d::table
        .filter(d::subscription_id.eq(subscription))
        .filter(d::id.eq(id))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// Deletes the attempts made before `before` (the worker keeps a bounded history).
pub fn prune_deliveries(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(d::table.filter(d::attempted_at.lt(before))).execute(conn)
}

/// Subscriptions by status, and how many active ones are behind `end` (the feed's last seq):
/// what the metrics show of the webhooks.
pub fn census(conn: &mut DbConnection, end: i64) -> QueryResult<(Vec<(String, i64)>, i64)> {
    let by_status: Vec<(String, i64)> = w::table
        .group_by(w::status)
        .select((w::status, diesel::dsl::count_star()))
        .load(conn)?;
    let behind: i64 = w::table
        .filter(w::status.eq(SubscriptionStatus::Active.as_str()))
        .filter(w::cursor_seq.lt(end))
        .count()
        .get_result(conn)?;
    Ok((by_status, behind))
}
