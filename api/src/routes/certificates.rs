//! `/certificates`: one certificate, its reissue and its public verification.

use super::Resource;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::services::certificates;
use crate::services::certificates::*;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// One certificate, with its verification code (readers of its enrollment).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_certificate",
    params(("id" = Uuid, Path, description = "Certificate id")),
    responses((status = 200, description = "The certificate", body = Certificate)),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<centers_db::CertificateId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let certificate = state
        .db(move |conn| certificates::certificate(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(certificate))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// The certificate number, e.g. `406/2026/000123`.
    #[param(value_type = String, min_length = 1, max_length = 64)]
    pub number: Option<String>,
    /// The verification code printed beside the number (mã xác thực), e.g. `7K2M-9QX4-TB3H`;
    /// case, spaces and dashes do not matter.
    #[param(value_type = String, min_length = 1, max_length = 32)]
    pub code: Option<String>,
}

impl VerifyQuery {
    /// The number and the code, each required; lengths in characters, as the spec says (not
    /// bytes: a non-ASCII number is as long as it looks).
    fn parse(&self) -> Result<(String, String), ApiError> {
        let given = |v: &Option<String>, max: usize| {
            v.clone()
                .filter(|v| !v.trim().is_empty() && v.chars().count() <= max)
        };
        let number = given(&self.number, 64)
            .ok_or_else(|| ApiError::bad_field("number", "required", "a certificate number"))?;
        let code = given(&self.code, 32).ok_or_else(|| {
            ApiError::bad_field(
                "code",
                "required",
                "the verification code printed beside the certificate's number",
            )
        })?;
        Ok((number, code))
    }
}

/// Verify a certificate — public, no token; 30 requests a minute per address. Needs the number
/// and the verification code printed beside it (the number alone is refused: numbers follow each
/// other and could be walked). Says whether it is valid, with the program, the center, the issue
/// date and the holder's initials only; a wrong code answers as an unknown number.
#[utoipa::path(
    tag = "learners",
    operation_id = "verify_certificate",
    params(VerifyQuery),
    responses(
        (status = 200, description = "The check", body = CertificateCheck),
        (status = 429, description = "Too many checks; see Retry-After", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/verify")]
pub async fn verify_certificate(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<VerifyQuery>,
) -> Result<HttpResponse, ApiError> {
    let address = crate::http::client_address(&req, &state.settings.trusted_proxies);
    state
        .verify_limiter
        .check(&address)
        .map_err(|secs| ApiError::TooManyRequests {
            retry_after_secs: secs,
        })?;
    let (number, code) = query.parse()?;
    let check = state
        .db(move |conn| certificates::verify(conn, &number, &code))
        .await?;
    Ok(HttpResponse::Ok().json(check))
}

/// Reissue a certificate (the center's error only): same serial, next suffix, with a reason.
#[utoipa::path(
    tag = "learners",
    operation_id = "reissue_certificate",
    params(("id" = Uuid, Path, description = "Certificate id")),
    request_body = ReissueCertificate,
    responses(
        (status = 201, description = "Reissued", body = Certificate),
        (status = 409, description = "Already replaced", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/reissue")]
pub async fn reissue_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<centers_db::CertificateId>,
    body: Json<ReissueCertificate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let cert = state
        .write(move |conn| certificates::reissue_certificate(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(cert))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/certificates")
                .service(reissue_certificate)
                .service(verify_certificate)
                .service(get_certificate),
        );
    },
    sorts: &[],
};
