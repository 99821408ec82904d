//! Persistence: one diesel code path over SQLite (embedded default) and PostgreSQL (production).
//!
//! Query functions take `&mut DbConnection` so that callers compose them inside one transaction;
//! write paths go through [`write_transaction`].

pub mod audit;
pub mod backup;
pub mod connection;
pub mod counts;
pub mod demo;
pub mod idempotency;
pub mod identity;
pub mod learners;
pub mod organization_periods;
pub mod organizations;
pub mod paging;
pub mod plans;
pub mod policies;
pub mod programs;
pub mod province_file;
pub mod report_figures;
pub mod reports;
pub mod schema;
pub mod scope;
pub mod seed;
pub mod teaching;
pub mod types;
pub mod webhooks;
pub mod workflow;
pub mod writes;

pub use scope::Scope;

/// Locks the rows `$query` selects (their ids) until the transaction ends: PostgreSQL
/// `FOR UPDATE`; SQLite needs nothing more, `write_transaction` already serializes its writers.
/// For check-then-write rules that must hold under concurrency (seats, double booking, the last
/// administrator). Returns the ids.
#[macro_export]
macro_rules! lock_rows {
    ($conn:expr, $query:expr) => {{
        use diesel::prelude::*;
        match $conn {
            $crate::DbConnection::Postgresql(c) => $query.for_update().load::<$crate::Id>(c),
            $crate::DbConnection::Sqlite(c) => $query.load::<$crate::Id>(c),
        }
    }};
}
/// Inserts a record of `$table` at version 1, created and updated now, and returns its row:
/// the insert every versioned table shares. `$values` are the record's own columns (a tuple of
/// `column.eq(..)`, or an `Insertable`), its id among them.
#[macro_export]
macro_rules! insert_versioned {
    ($conn:expr, $table:ident, $values:expr $(,)?) => {{
        use diesel::prelude::*;
        use $crate::schema::$table;
        let now = $crate::now();
        diesel::insert_into($table::table)
            .values((
                $values,
                $table::version.eq(1),
                $table::created_at.eq(now),
                $table::updated_at.eq(now),
            ))
            .returning($table::all_columns)
            .get_result($conn)
    }};
}

/// Sets `$changes` on the record `$id` of `$table` only if it is still at `$version`, moving it
/// to the next version, updated now: the optimistic-concurrency update every editable table
/// shares. `Ok(None)` when the record was changed (or deleted) meanwhile.
#[macro_export]
macro_rules! update_versioned {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $changes:expr $(,)?) => {{
        use diesel::prelude::*;
        use $crate::schema::$table;
        let version: i32 = $version;
        diesel::update(
            $table::table
                .filter($table::id.eq($id))
                .filter($table::version.eq(version)),
        )
        .set((
            $changes,
            $table::version.eq(version + 1),
            $table::updated_at.eq($crate::now()),
        ))
        .returning($table::all_columns)
        .get_result($conn)
        .optional()
    }};
}

pub use scope::InScope;
// Every typed id, so that a new one is declared in `types.rs` alone.
pub use types::*;

pub use connection::{
    build_pool, is_sqlite, pending_migrations, revert_all_migrations, revert_last_migration,
    run_migrations, schema_columns, with_preparation_lock, Backend, DbConnection, DbPool,
    MultiBackend, PoolError, SCHEMA_VERSION,
};

use chrono::{NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;

/// The current UTC time, truncated to microseconds: PostgreSQL keeps microseconds, SQLite would keep
/// nanoseconds, and a value must read back the same from both.
pub fn now() -> NaiveDateTime {
    let t = Utc::now().naive_utc();
    t.with_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

/// A new time-ordered id (UUIDv7).
pub fn new_id() -> Id {
    Id(uuid::Uuid::now_v7())
}

/// Runs `f` in one transaction that writes. On SQLite the write lock is taken first, so concurrent
/// writers queue on `busy_timeout` rather than failing when a read lock cannot be upgraded.
/// Before the commit, the report figures of what `f` wrote are recomputed
/// ([`report_figures::settle`]): the reports read them, never stale.
pub fn write_transaction<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    conn.transaction(|conn| {
        if matches!(conn, DbConnection::Sqlite(_)) {
            diesel::update(schema::write_gate::table)
                .set(schema::write_gate::generation.eq(schema::write_gate::generation + 1))
                .execute(conn)?;
        }
        let out = f(conn)?;
        report_figures::settle(conn)?;
        Ok(out)
    })
}
