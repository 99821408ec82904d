//! Stored first responses of POST requests sent with an `Idempotency-Key`.

use crate::schema::idempotency_keys;
use crate::{DbConnection, Id};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A key as stored; `response_status` is `None` while the first request is in progress.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyRow {
    pub id: Id,
    pub actor_id: Id,
    pub idempotency_key: String,
    pub request_hash: String,
    pub response_status: Option<i32>,
    pub response_headers: Option<String>,
    pub response_body: Option<String>,
    pub created_at: NaiveDateTime,
}

/// What a key already holds when a request arrives.
#[derive(Debug, Clone)]
pub enum Claim {
    /// The key was free: this request proceeds and must [`complete`] or [`release`] it.
    Claimed(Id),
    /// The key is held by an earlier request (finished or not).
    Existing(IdempotencyRow),
}

/// Claims `key` for `actor`, forgetting a claim older than `expired_before`. The unique index
/// makes the claim atomic: of two simultaneous requests, one inserts and the other sees its row.
pub fn claim(
    conn: &mut DbConnection,
    actor: Id,
    key: &str,
    request_hash: &str,
    expired_before: NaiveDateTime,
) -> QueryResult<Claim> {
    crate::write_transaction(conn, |conn| {
        diesel::delete(
            idempotency_keys::table
                .filter(idempotency_keys::actor_id.eq(actor))
                .filter(idempotency_keys::idempotency_key.eq(key))
                .filter(idempotency_keys::created_at.lt(expired_before)),
        )
        .execute(conn)?;
        let existing = idempotency_keys::table
            .filter(idempotency_keys::actor_id.eq(actor))
            .filter(idempotency_keys::idempotency_key.eq(key))
            .select(IdempotencyRow::as_select())
            .first(conn)
            .optional()?;
        if let Some(row) = existing {
            return Ok(Claim::Existing(row));
        }
        let id = crate::new_id();
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::id.eq(id),
                idempotency_keys::actor_id.eq(actor),
                idempotency_keys::idempotency_key.eq(key),
                idempotency_keys::request_hash.eq(request_hash),
                idempotency_keys::created_at.eq(crate::now()),
            ))
            .execute(conn)?;
        Ok(Claim::Claimed(id))
    })
}

/// Stores the response of a claimed key. A `None` body marks a response that carried a secret
/// (a token, a client secret): it is never stored, and a replay is refused instead.
pub fn complete(
    conn: &mut DbConnection,
    id: Id,
    status: i32,
    headers_json: &str,
    body: Option<&str>,
) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.filter(idempotency_keys::id.eq(id)))
        .set((
            idempotency_keys::response_status.eq(status),
            idempotency_keys::response_headers.eq(headers_json),
            idempotency_keys::response_body.eq(body),
        ))
        .execute(conn)?;
    Ok(())
}

/// Frees a claimed key (the request failed on the server's side and may be retried).
pub fn release(conn: &mut DbConnection, id: Id) -> QueryResult<()> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::id.eq(id))).execute(conn)?;
    Ok(())
}
