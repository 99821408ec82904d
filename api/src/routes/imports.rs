//! `POST /imports`: learners and their nominations in bulk, from a CSV file or JSON.

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::services::imports::{self as service, ImportBody, ImportReport, IMPORT_BODY_LIMIT};
use crate::state::AppState;
use actix_web::{post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the routes of this resource. Imports have their own body limit, larger than the
/// API's (`IMPORT_BODY_LIMIT`, 16 MiB: 10,000 rows fit in a third of it).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/imports")
            .app_data(web::PayloadConfig::new(IMPORT_BODY_LIMIT))
            .service(import),
    );
}

/// `dry_run=true`: check every row and answer what would happen, writing nothing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    #[param(value_type = Option<bool>)]
    pub dry_run: Option<String>,
}

impl ImportQuery {
    fn dry_run(&self) -> Result<bool, ApiError> {
        match self.dry_run.as_deref() {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(ApiError::bad_field("dry_run", "invalid", "true or false")),
        }
    }
}

/// Import learners and their nominations in bulk.
///
/// One row per learner, or per nomination when a learner is nominated for several classes. The
/// body is a CSV file (`text/csv`, UTF-8, header row of the
/// column names below, comma or semicolon; dates `YYYY-MM-DD` or `DD/MM/YYYY`) or JSON
/// (`{"rows": [{...}]}`), at most 10,000 rows and 16 MiB.
///
/// Columns: `external_id` (required: the learner's id in the sending system, unique per party
/// organization), `party_organization_code` or `party_organization_id` (a party organization's
/// own account may omit both), `full_name`, `birth_date`, `gender`, `party_status` (required),
/// `admission_date`, `ethnicity`, `position`, `workplace`, `national_id`, `confirm_new`, and —
/// to nominate — `class_id`, or `class_code` with `class_year`.
///
/// Every row is checked as `POST /learners` and a nomination check it. With `dry_run=true` the
/// answer lists every row's errors (`rows[0]` is the first data row, line 2 of a CSV file) and
/// writes nothing; otherwise any error is a 422 listing them, and without errors every row is
/// written in one transaction. A learner already imported (same party organization and external
/// id) is updated if a detail differs and left alone otherwise; a nomination that exists is left
/// alone — importing the same file twice changes nothing.
#[utoipa::path(
    tag = "learners",
    operation_id = "import_learners",
    params(ImportQuery),
    request_body(content(
        (ImportBody = "application/json"),
        (String = "text/csv", example = "external_id,party_organization_code,full_name,birth_date,gender,party_status,admission_date,class_code,class_year\nHV-001,CB-XA-01,Lê Thị Mai,1990-05-12,female,probationary,2025-06-01,NDV-01,2026\n")
    )),
    responses(
        (status = 200, description = "What the import did, or would do", body = ImportReport),
        (status = 400, description = "A CSV file that cannot be read as a table", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rows that break a rule (nothing was written)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn import(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<ImportQuery>,
    body: Body,
) -> Result<HttpResponse, ApiError> {
    let dry_run = query.dry_run()?;
    let media = crate::http::media_type(&req);
    let rows = match media.as_str() {
        "text/csv" => service::rows_from_csv(&body.0)?,
        "application/json" => {
            service::rows_from_json(crate::extract::parse_json::<ImportBody>(&body.0)?)?
        }
        _ => return Err(ApiError::UnsupportedMediaType),
    };
    let report = if dry_run {
        state
            .db(move |conn| service::import(conn, &caller, rows, true))
            .await?
    } else {
        state
            .write(move |conn| service::import(conn, &caller, rows, false))
            .await?
    };
    Ok(HttpResponse::Ok().json(report))
}

/// The import route, with its own body limit.
pub const RESOURCE: super::Resource = super::Resource {
    configure,
    sorts: &[],
};
