//! Liveness and readiness.

use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::Serialize;
use utoipa::ToSchema;

/// Health status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `unavailable`.
    pub status: String,
    /// The database backend, for `/readyz`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
}

/// Liveness: the process is up and serving.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_healthz",
    responses((status = 200, description = "The process is up", body = Health))
)]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
        database: None,
    })
}

/// Readiness: the database answers. 503 when it does not.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_readyz",
    responses(
        (status = 200, description = "The database is reachable", body = Health),
        (status = 503, description = "The database is not reachable", body = Health)
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    // A probe must answer within a second: a load balancer waiting for the pool's 5 s timeout
    // keeps sending traffic to a dead instance.
    let check = web::block(move || -> Result<&'static str, String> {
        let mut conn = pool.get_timeout(READY_TIMEOUT).map_err(|e| e.to_string())?;
        let backend = match &*conn {
            centers_db::DbConnection::Postgresql(_) => "postgresql",
            centers_db::DbConnection::Sqlite(_) => "sqlite",
        };
        conn.batch_execute("SELECT 1").map_err(|e| e.to_string())?;
        Ok(backend)
    });
    let result = match actix_web::rt::time::timeout(READY_TIMEOUT, check).await {
        Ok(Ok(Ok(backend))) => Ok(backend),
        Ok(Ok(Err(e))) => Err(e),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no answer within the readiness timeout".to_owned()),
    };
    match result {
        Ok(backend) => HttpResponse::Ok().json(Health {
            status: "ok".into(),
            database: Some(backend.into()),
        }),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header((actix_web::http::header::RETRY_AFTER, "1"))
                .json(Health {
                    status: "unavailable".into(),
                    database: None,
                })
        }
    }
}

/// How long readiness waits for the database.
const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(800);
