//! `/lecturers`. Handlers extract, call `services::lecturers`, respond.

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{list_response, parse_uuid_param, ListParams};
use crate::services::lecturers::{
    self as service, CreateLecturer, Lecturer, LecturerList, LecturerQuery, UpdateLecturer,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::teaching::LecturerSort;
use centers_db::{LecturerId, OrganizationId};
use centers_domain::teaching::LecturerKind;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the routes of this resource.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_lecturer)
        .service(list_lecturers)
        .service(get_lecturer)
        .service(update_lecturer);
}

/// Filters of the lecturer list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LecturerFilters {
    /// Only lecturers of this center (or of the provincial school).
    #[param(value_type = Option<Uuid>)]
    pub organization_id: Option<String>,
    /// Only lecturers of this kind.
    #[param(value_type = Option<LecturerKind>)]
    pub kind: Option<String>,
    /// Only the lecturer with this id in the district's own system.
    pub external_id: Option<String>,
}

/// Add a lecturer to a center (or a visiting lecturer to the provincial school).
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_lecturer",
    request_body = CreateLecturer,
    responses(
        (status = 201, description = "Created", body = Lecturer),
        (status = 409, description = "The external id or the account is taken", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/lecturers")]
pub async fn create_lecturer(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateLecturer>,
) -> Result<HttpResponse, ApiError> {
    let lecturer = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, lecturer.version, &lecturer))
}

/// List lecturers: those of my scope, and the provincial school's visiting lecturers.
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_lecturers",
    params(ListParams, LecturerFilters),
    responses((status = 200, description = "A page of lecturers", body = LecturerList)),
    security(("bearer" = []))
)]
#[get("/lecturers")]
pub async fn list_lecturers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<LecturerFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(&[("name", LecturerSort::Name)])?;
    let kind = match filters.kind.as_deref() {
        None => None,
        Some(k) => Some(
            k.parse::<LecturerKind>()
                .map_err(|e| ApiError::bad_field("kind", "invalid", e.to_string()))?,
        ),
    };
    let query = LecturerQuery {
        organization_id: parse_uuid_param("organization_id", filters.organization_id.as_deref())?
            .map(OrganizationId),
        kind,
        q: params.q.clone(),
        as_of: params.as_of()?,
        external_id: filters.external_id.clone(),
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| service::list(conn, &caller, query, &request))
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}

/// Get a lecturer.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_lecturer",
    params(("id" = Uuid, Path, description = "Lecturer id")),
    responses(
        (status = 200, description = "The lecturer", body = Lecturer),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/lecturers/{id}")]
pub async fn get_lecturer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LecturerId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let lecturer = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, lecturer.version, &lecturer))
}

/// Change a lecturer; absent fields stay, `null` clears a nullable one.
#[utoipa::path(
    tag = "teaching",
    operation_id = "update_lecturer",
    params(("id" = Uuid, Path, description = "Lecturer id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateLecturer,
    responses(
        (status = 200, description = "Changed", body = Lecturer),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/lecturers/{id}")]
pub async fn update_lecturer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LecturerId>,
    body: Json<UpdateLecturer>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let lecturer = state
        .write(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, lecturer.version, &lecturer))
}
