//! Login-failure counters of the brute-force limits.

use crate::schema::login_failures;
use crate::{DbConnection, Id};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The times of the failures (and attempts in flight) counted under `key` at or after `since`.
pub fn recent_failures(
    conn: &mut DbConnection,
    key: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    login_failures::table
        .filter(login_failures::limiter_key.eq(key))
        .filter(login_failures::failed_at.ge(since))
        .order(login_failures::failed_at.asc())
        .select(login_failures::failed_at)
        .load(conn)
}

/// Serializes the login attempts that share any of `keys` until the transaction ends, so that
/// reading a count and recording an attempt is one atomic step. PostgreSQL: transaction-scoped
/// advisory locks, taken in a fixed order (no deadlock); SQLite: `write_transaction` already
/// serializes every writer.
pub fn lock_login_keys(conn: &mut DbConnection, keys: &[&str]) -> QueryResult<()> {
    if let DbConnection::Postgresql(c) = conn {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        for key in sorted {
            diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))")
                .bind::<diesel::sql_types::Text, _>(key)
                .execute(c)?;
        }
    }
    Ok(())
}

/// Counts one attempt under `key` (before its password is checked) and forgets that key's
/// entries older than `forget_before`; returns the entry's id, deleted again if the attempt
/// succeeds.
pub fn record_failure(
    conn: &mut DbConnection,
    key: &str,
    forget_before: NaiveDateTime,
) -> QueryResult<Id> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::limiter_key.eq(key))
            .filter(login_failures::failed_at.lt(forget_before)),
    )
    .execute(conn)?;
    let id = crate::new_id();
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(id),
            login_failures::limiter_key.eq(key),
            login_failures::failed_at.eq(crate::now()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Forgets counted attempts (those of a login that succeeded).
pub fn forget_failures(conn: &mut DbConnection, ids: &[Id]) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(ids))).execute(conn)
}
