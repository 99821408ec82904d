//! The connection enum over both backends, its r2d2 manager, and the embedded migrations.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::path::PathBuf;

/// One connection to either backend; every query in this crate runs through it.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The newest migration, the schema this build writes (`centers_build_info` says it; a test
/// keeps it equal to the newest folder of both migration trees).
pub const SCHEMA_VERSION: &str = "2026-12-10-000022_webhooks";

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Which backend a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Postgres(String),
    /// A file path for SQLite.
    Sqlite(PathBuf),
}

impl Backend {
    /// Picks the backend from the URL scheme: `postgres://` or `postgresql://` is PostgreSQL;
    /// `sqlite://path`, `sqlite:path` or a bare path is a SQLite file.
    pub fn from_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(url.to_owned())
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            Backend::Sqlite(PathBuf::from(path))
        }
    }
}

/// Why the pool could not be built or a connection could not be had.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("cannot create the folder for the SQLite database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("cannot prepare the SQLite database: {0}")]
    Setup(String),
}

/// An r2d2 manager that picks the backend from the URL scheme (the derive's own `establish` tries
/// each backend in turn and would hide the real PostgreSQL error) and sets SQLite's PRAGMAs.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    backend: Backend,
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConnection, diesel::ConnectionError> {
        match &self.backend {
            Backend::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url)?;
                // diesel prepares each statement once per connection; after five runs PostgreSQL
                // may switch a statement to a generic plan made without the bound values, which
                // for a scoped `LIKE 'path%'` or a skewed filter is a sequential scan (measured:
                // `GET /centers` 1.5 → 30 ms after a few heavy counts on the same connection).
                // Planning each run costs far less than such a plan.
                conn.batch_execute("SET TIME ZONE 'UTC'; SET plan_cache_mode = force_custom_plan")
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Postgresql(conn))
            }
            Backend::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())?;
                // foreign_keys is off by default in SQLite; busy_timeout makes a connection wait
                // for a lock instead of failing at once. WAL (readers beside the writer) is set
                // once on the file by `build_pool`: switching it takes an exclusive lock, and
                // every new pooled connection asking for it raced the others at start-up
                // ("database is locked" logged about once in six fresh starts).
                conn.batch_execute(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                     PRAGMA synchronous = NORMAL;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), diesel::ConnectionError> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        match conn {
            DbConnection::Postgresql(c) => c.is_broken(),
            DbConnection::Sqlite(c) => c.is_broken(),
        }
    }
}

/// One connection outside any pool (the command line's restore), set up as pooled ones are.
pub fn connect(url: &str) -> Result<DbConnection, diesel::ConnectionError> {
    use r2d2::ManageConnection;
    ConnectionManager {
        backend: Backend::from_url(url),
    }
    .connect()
}

/// A pool of connections to one database.
pub type DbPool = r2d2::Pool<ConnectionManager>;

/// Whether `url` names a SQLite database, whose writes go through one writer connection.
pub fn is_sqlite(url: &str) -> bool {
    matches!(Backend::from_url(url), Backend::Sqlite(_))
}

/// Builds the pool. For SQLite the file's folder is created. The first connection is opened now,
/// so a wrong URL stops start-up with the database's own message.
pub fn build_pool(
    url: &str,
    size: u32,
    connection_timeout: std::time::Duration,
) -> Result<DbPool, PoolError> {
    let backend = Backend::from_url(url);
    if let Backend::Sqlite(path) = &backend {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| PoolError::CreateDir {
                path: path.display().to_string(),
                source,
            })?;
        }
    }
    if let Backend::Sqlite(path) = &backend {
        // The journal mode is kept in the file: set it once, before any pooled connection.
        let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())
            .map_err(|e| PoolError::Setup(e.to_string()))?;
        conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
            .map_err(|e| PoolError::Setup(e.to_string()))?;
    }
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(connection_timeout)
        .test_on_check_out(false)
        .build(ConnectionManager { backend })?;
    Ok(pool)
}

type MigrationResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The key of the PostgreSQL advisory lock a process holds while it prepares the database
/// ("centers" and 1 in its bytes; any constant no other program on the database uses).
const PREPARATION_LOCK: i64 = 0x6365_6e74_6572_7301;

/// Runs `prepare` while holding the preparation lock: on PostgreSQL a session advisory lock, so
/// that instances starting together on one database migrate (and seed, and create the first
/// admin) one after the other — the second finds nothing left to do — instead of racing to
/// create the same tables. SQLite is served by one instance and runs `prepare` as it is.
/// The lock is re-entrant on a connection (`run_migrations` takes it again inside).
pub fn with_preparation_lock<T, E>(
    conn: &mut DbConnection,
    prepare: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    if !matches!(conn, DbConnection::Postgresql(_)) {
        return prepare(conn);
    }
    conn.batch_execute(&format!("SELECT pg_advisory_lock({PREPARATION_LOCK})"))?;
    let prepared = prepare(conn);
    // A pooled connection lives on: a lock left held would stop every later start.
    let unlocked = conn.batch_execute(&format!("SELECT pg_advisory_unlock({PREPARATION_LOCK})"));
    match (prepared, unlocked) {
        (Ok(_), Err(e)) => Err(e.into()),
        (prepared, _) => prepared,
    }
}

/// Applies every pending migration of the connection's backend under the preparation lock;
/// returns how many ran (0 for an instance that waited while another applied them).
pub fn run_migrations(conn: &mut DbConnection) -> MigrationResult<usize> {
    with_preparation_lock(conn, |conn| -> MigrationResult<usize> {
        let applied = match conn {
            DbConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS)?.len(),
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS)?.len(),
        };
        // Report figures marked by a migration (or by a writer outside the server) are computed
        // before anything reads them.
        crate::write_transaction(conn, |_| Ok::<_, diesel::result::Error>(()))?;
        Ok(applied)
    })
}

/// The migrations this build has that the database has not applied, oldest first.
pub fn pending_migrations(conn: &mut DbConnection) -> MigrationResult<Vec<String>> {
    let names = match conn {
        DbConnection::Postgresql(c) => c
            .pending_migrations(POSTGRES_MIGRATIONS)?
            .iter()
            .map(|m| m.name().to_string())
            .collect(),
        DbConnection::Sqlite(c) => c
            .pending_migrations(SQLITE_MIGRATIONS)?
            .iter()
            .map(|m| m.name().to_string())
            .collect(),
    };
    Ok(names)
}

/// Reverts every applied migration (newest first); used by the up → down → up test.
pub fn revert_all_migrations(conn: &mut DbConnection) -> MigrationResult<usize> {
    let reverted = match conn {
        DbConnection::Postgresql(c) => c.revert_all_migrations(POSTGRES_MIGRATIONS)?.len(),
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS)?.len(),
    };
    Ok(reverted)
}

/// Reverts the newest applied migration; used by the tests of a data migration's `down.sql`.
pub fn revert_last_migration(conn: &mut DbConnection) -> MigrationResult<String> {
    let reverted = match conn {
        DbConnection::Postgresql(c) => c.revert_last_migration(POSTGRES_MIGRATIONS)?,
        DbConnection::Sqlite(c) => c.revert_last_migration(SQLITE_MIGRATIONS)?,
    };
    Ok(reverted.to_string())
}

/// The tables and columns of the connected database, sorted, without diesel's own bookkeeping;
/// lets a test prove that both backends' migrations describe the same schema.
pub fn schema_columns(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
    }
    let sql = match conn {
        DbConnection::Postgresql(_) => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name \
             FROM information_schema.columns WHERE table_schema = 'public'"
        }
        DbConnection::Sqlite(_) => {
            "SELECT m.name AS table_name, p.name AS column_name \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
    };
    let mut columns: Vec<(String, String)> = diesel::sql_query(sql)
        .load::<Column>(conn)?
        .into_iter()
        .filter(|c| c.table_name != "__diesel_schema_migrations")
        .map(|c| (c.table_name, c.column_name))
        .collect();
    columns.sort();
    Ok(columns)
}

/// Runs one block per backend, with `$c` bound to the concrete connection (`&mut PgConnection` or
/// `&mut SqliteConnection`): the escape hatch for what the multi-backend connection cannot
/// express — batch inserts, upserts, backend-specific SQL. The block is written once and compiled
/// for each backend (as Vaultwarden's `db_run!`).
#[macro_export]
macro_rules! db_run {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::DbConnection::Postgresql($c) => $body,
            $crate::DbConnection::Sqlite($c) => $body,
        }
    };
}

/// Refreshes PostgreSQL's planner statistics after a bulk load (`demo-data`) and clears the
/// dead row versions it left. Without statistics it took the province's 117,448 learners for a
/// few dozen rows and sorted all of them for a list page (33 ms) instead of walking the
/// `(search_text, id)` index (0.6 ms). Without the vacuum, every later write paid for the load:
/// the kept counts were updated once per row loaded (167,383 dead versions made the learners
/// total 27 ms instead of 3.6 ms), and the report figures' marks, inserted and deleted once per
/// learner (429,568 dead entries), made the check for pending marks that ends every write take
/// 9 ms instead of 0.1 (writes at 258 req/s instead of 520, measured by `bench/history.sh`).
/// Autovacuum would catch up only later. SQLite plans from its indexes alone (no `sqlite_stat1`
/// is kept) and a delete frees its pages, so nothing is done there.
pub fn refresh_statistics(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    match conn {
        DbConnection::Postgresql(c) => c.batch_execute("VACUUM ANALYZE"),
        DbConnection::Sqlite(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schema_version_is_the_newest_migration_of_both_trees() {
        for tree in ["postgres", "sqlite"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(tree);
            let newest = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .max()
                .unwrap();
            assert_eq!(newest, super::SCHEMA_VERSION, "{tree}");
        }
    }
}
