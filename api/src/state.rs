//! What every request handler can reach: the pool, the settings and the signing keys.

use crate::auth::tokens::JwtKeys;
use crate::config::Settings;
use crate::error::ApiError;
use centers_db::{DbConnection, DbPool};

/// Shared, read-only state of the server.
pub struct AppState {
    pub pool: DbPool,
    pub settings: Settings,
    pub jwt: JwtKeys,
    /// An argon2 hash of a random password, verified against when a username is unknown so that
    /// a failed login costs the same whether or not the account exists.
    pub dummy_hash: String,
}

impl AppState {
    /// Runs diesel work on actix's blocking pool, with the pool checkout inside the closure and the
    /// request's tracing span carried over. The one place async code reaches the database.
    pub async fn db<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
    }

    /// Runs a write in one transaction (`centers_db::write_transaction`) on the blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |conn| centers_db::write_transaction(conn, f))
            .await
    }
}
