//! `/certificates`: one certificate (as JSON or as the PDF to print), its reissue and its public
//! verification; `/certificate-registers`: an issuer's master register of a year.

use super::Resource;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::services::certificate_documents::{self, CertificateRegister};
use crate::services::certificates;
use crate::services::certificates::*;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// The media type of printed documents.
const PDF: &str = "application/pdf";

/// One certificate, with its verification code (readers of its enrollment). With `Accept:
/// application/pdf`, the certificate to print (A5, landscape, in Vietnamese).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_certificate",
    params(("id" = Uuid, Path, description = "Certificate id")),
    responses((status = 200, description = "The certificate", content((Certificate = "application/json"), (String = "application/pdf")))),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<centers_db::CertificateId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    if crate::http::representation(&req, &[crate::export::JSON, PDF])? == PDF {
        let document = state
            .db(move |conn| certificate_documents::certificate_document(conn, &caller, id))
            .await?;
        let pdf = web::block(move || crate::documents::certificate_pdf(&document))
            .await
            .map_err(|e| ApiError::Internal(format!("pdf: {e}")))??;
        return Ok(pdf_response(pdf, &format!("chung-chi-{id}.pdf")));
    }
    let certificate = state
        .db(move |conn| certificates::certificate(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(certificate))
}

fn pdf_response(bytes: Vec<u8>, file: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(PDF)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{file}\""),
        ))
        .body(bytes)
}

/// The register to read: whose, and which year.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    /// The issuer: a center, or the provincial school.
    #[param(value_type = uuid::Uuid)]
    pub issuer: Option<String>,
    #[param(value_type = i32, minimum = 1945, maximum = 2100)]
    pub year: Option<String>,
}

impl RegisterQuery {
    /// The issuer and the year; malformed or out-of-range values are a 400 naming them, as on
    /// every list.
    fn parse(&self) -> Result<(centers_db::OrganizationId, i32), ApiError> {
        let issuer = crate::paging::parse_uuid_param("issuer", self.issuer.as_deref())?
            .ok_or_else(|| ApiError::bad_field("issuer", "required", "is required"))?;
        let year = crate::routes::lecturers::YearQuery {
            year: self.year.clone(),
        }
        .parse()?;
        Ok((centers_db::OrganizationId(issuer), year))
    }
}

/// An issuer's master register (sổ cấp chứng chỉ) of a year: every certificate it numbered, in
/// number order, reissues and replaced ones included. JSON, or by `Accept` CSV, XLSX or PDF (A4,
/// landscape, to print).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_certificate_register",
    params(RegisterQuery),
    responses((status = 200, description = "The register",
        content((CertificateRegister = "application/json"), (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "application/pdf")))),
    security(("bearer" = []))
)]
#[get("")]
pub async fn get_certificate_register(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<RegisterQuery>,
) -> Result<HttpResponse, ApiError> {
    let (issuer, year) = query.parse()?;
    use crate::export::{CSV, JSON, XLSX};
    let pdf = crate::http::representation(&req, &[JSON, CSV, XLSX, PDF])? == PDF;
    let register = state
        .db(move |conn| certificate_documents::register(conn, &caller, issuer, year))
        .await?;
    if pdf {
        let pdf = web::block(move || crate::documents::register_pdf(&register))
            .await
            .map_err(|e| ApiError::Internal(format!("pdf: {e}")))??;
        return Ok(pdf_response(pdf, &format!("so-cap-chung-chi-{year}.pdf")));
    }
    crate::export::respond(
        &req,
        &register,
        || certificate_documents::register_table(&register),
        "so-cap-chung-chi",
    )
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
        )
        .service(scope("/certificate-registers").service(get_certificate_register));
    },
    sorts: &[],
};
