//! What every request handler can reach: the pool, the settings and the signing keys.

use crate::auth::tokens::JwtKeys;
use crate::config::Settings;
use crate::error::ApiError;
use centers_db::{DbConnection, DbPool};
use centers_domain::login::LoginLimits;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A report computed once for identical requests in flight: `routes::reports` downcasts it to
/// the report its path computes.
pub type SharedReport = Arc<dyn std::any::Any + Send + Sync>;

/// Who asked which report at which version of the data: caller id, principal, scope path, path
/// and query, change counter.
pub type ReportKey = (
    uuid::Uuid,
    centers_domain::access::Principal,
    String,
    String,
    i64,
);

/// Shared, read-only state of the server.
pub struct AppState {
    pub pool: DbPool,
    /// A read replica's pool (`APP_DATABASE_READ_URL`) for lists and reports, when configured.
    pub read_pool: Option<DbPool>,
    /// On SQLite, the one connection every write goes through: writers queue here, in the
    /// process, and each is handed the connection the moment the last one commits — rather than
    /// polling SQLite's file lock, whose busy handler sleeps in growing steps (that made the p99
    /// of concurrent writes ~0.4 s; `docs/performance.md`). Readers use `pool`, beside it (WAL).
    /// `None` on PostgreSQL, whose writers run side by side.
    pub writer: Option<DbPool>,
    pub settings: Settings,
    pub jwt: JwtKeys,
    /// An argon2 hash of a random password, verified against when a username is unknown so that
    /// a failed login costs the same whether or not the account exists.
    pub dummy_hash: String,
    /// Permits for password hashing and verification (argon2): `password_concurrency` of them.
    pub password_permits: Arc<Semaphore>,
    /// Permits only logins from a known device may take, when `password_permits` are all busy
    /// (`auth::device`): a crowd of guessers cannot fill them.
    pub device_permits: Arc<Semaphore>,
    /// Signs and checks device cookies.
    pub devices: crate::auth::device::DeviceCookies,
    pub login_limits: LoginLimits,
    /// Token subjects read recently (`APP_AUTH_CACHE_TTL`).
    pub subjects: crate::auth::cache::SubjectCache,
    /// List pages recently served (`APP_LIST_CACHE_TTL`), emptied by every write here.
    pub pages: crate::page_cache::PageCache,
    /// Reports being computed, shared by identical requests (`crate::single_flight`): by caller,
    /// role, scope, path and query, and data version.
    pub reports: crate::single_flight::SingleFlight<ReportKey, Result<SharedReport, ApiError>>,
    /// Summary reports by data version (`services::reports::cache`).
    pub summaries: Arc<crate::services::reports::cache::SummaryCache>,
    /// Public certificate verification: requests per client address per minute.
    pub verify_limiter: crate::limits::WindowLimiter,
    /// The HTTP client of webhook deliveries (`crate::delivery`).
    pub outbound: crate::delivery::Outbound,
    /// This instance's metrics (`crate::metrics`).
    pub metrics: crate::metrics::Metrics,
    /// Where the instance is in stopping (`crate::stopping`).
    pub stopping: Arc<crate::stopping::StopSignal>,
}

impl AppState {
    /// A permit to hash or verify a password, or 503 with `Retry-After` at once when every permit
    /// is taken: argon2 costs ~19 MiB and a core for tens of milliseconds, so a queue of them would
    /// only grow memory and latency for everyone (a login flood must not slow down other reads).
    pub fn password_permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        Arc::clone(&self.password_permits)
            .try_acquire_owned()
            .map_err(|_| self.refused())
    }

    /// A password check turned away: counted, then 503.
    fn refused(&self) -> ApiError {
        self.metrics.password_refusals.inc();
        ApiError::Busy {
            retry_after_secs: 1,
        }
    }

    /// A permit for a login from a known device (`auth::device`): a free permit of the common
    /// lane, else one of the lane reserved for known devices, waiting up to 2 s for it (only
    /// logins with a valid device cookie for their account wait there); 503 after that.
    pub async fn password_permit_known_device(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        if let Ok(permit) = Arc::clone(&self.password_permits).try_acquire_owned() {
            return Ok(permit);
        }
        let acquire = Arc::clone(&self.device_permits).acquire_owned();
        match actix_web::rt::time::timeout(std::time::Duration::from_secs(2), acquire).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(self.refused()),
        }
    }

    /// A permit for password work of an authenticated caller (creating an account, changing a
    /// password): these wait their turn for a few seconds, since only signed-in accounts can
    /// send them; 503 when none frees up.
    pub async fn password_permit_waiting(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        let acquire = Arc::clone(&self.password_permits).acquire_owned();
        match actix_web::rt::time::timeout(std::time::Duration::from_secs(5), acquire).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(self.refused()),
        }
    }

    /// Runs password work (argon2) on the blocking pool under `permit`, holding no database
    /// connection.
    pub async fn password_work<T: Send + 'static>(
        &self,
        permit: OwnedSemaphorePermit,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        actix_web::web::block(move || {
            let result = f();
            drop(permit);
            result
        })
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))
    }

    /// Runs diesel work on actix's blocking pool, with the pool checkout inside the closure and the
    /// request's tracing span carried over. The one place async code reaches the database.
    pub async fn db<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        on_pool(self.pool.clone(), &self.metrics.pool_wait, f).await
    }

    /// Runs a list or report read on the read replica when one is configured, else as `db`.
    /// Only reads that may lag the primary by the replication delay come here: a record just
    /// written is read back with `db` (a single `GET`), never from the replica.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        on_pool(
            self.read_pool.as_ref().unwrap_or(&self.pool).clone(),
            &self.metrics.pool_wait,
            f,
        )
        .await
    }

    /// Runs a write in one transaction (`centers_db::write_transaction`) on the blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let result = self
            .write_plain(move |conn| centers_db::write_transaction(conn, f))
            .await;
        // After the commit (or the rollback), before the writer hears of it: its next list read
        // here is computed afresh.
        self.pages.invalidate();
        result
    }

    /// Runs work that writes and manages its own transaction (an idempotency key's claim and
    /// completion) where writes run: on SQLite the one writer connection, else the pool.
    pub async fn write_plain<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        on_pool(
            self.writer.as_ref().unwrap_or(&self.pool).clone(),
            &self.metrics.pool_wait,
            f,
        )
        .await
    }

    /// A write that changes what authenticates a request — an account's role, scope, state or
    /// security stamp, a client's revocation, a session's end — as `write`, then empties this
    /// instance's subject cache (also when the write failed: nothing stale outlives it here;
    /// other instances within `APP_AUTH_CACHE_TTL`). Every such write goes through here.
    pub async fn write_accounts<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let result = self.write(f).await;
        self.subjects.clear();
        result
    }
}

/// Runs diesel work on actix's blocking pool with a connection of `pool`, checked out inside
/// the closure, and the request's tracing span carried over.
async fn on_pool<T, F>(pool: DbPool, wait: &prometheus::Histogram, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let span = tracing::Span::current();
    let wait = wait.clone();
    actix_web::web::block(move || {
        let _entered = span.enter();
        let timer = wait.start_timer();
        let conn = pool.get();
        timer.observe_duration();
        let mut conn = conn?;
        f(&mut conn)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
}
