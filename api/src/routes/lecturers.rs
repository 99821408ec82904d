//! `/lecturers`. Handlers extract, call `services::lecturers`, respond.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, serve_whole, text_key, ListParams, PageParams};
use crate::services::activities::{self, Activity, ActivityList, CreateActivity, LecturerWorkload};
use crate::services::lecturers::{
    self as service, CreateLecturer, Lecturer, LecturerList, LecturerQuery, UpdateLecturer,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::teaching::LecturerSort;
use centers_db::DbConnection;
use centers_db::{ActivityId, LecturerId, OrganizationId};
use centers_domain::teaching::LecturerKind;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// A lecturer's activities, by date.
const ACTIVITY_SORTS: &[(&str, ())] = &[("date", ())];

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, LecturerSort)] = &[("name", LecturerSort::Name)];

/// Delete a lecturer entered by mistake; refused (409) once anything refers to them.
#[utoipa::path(
    tag = "teaching",
    operation_id = "delete_lecturer",
    params(("id" = Uuid, Path, description = "Lecturer id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Still referred to", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn delete_lecturer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LecturerId>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    state
        .write(move |conn| service::delete(conn, &caller, id, expected))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `year=`: a year from 1945 to 2100, required.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    #[param(value_type = i32, minimum = 1945, maximum = 2100)]
    pub year: Option<String>,
}

impl YearQuery {
    pub fn parse(&self) -> Result<i32, ApiError> {
        self.year
            .as_deref()
            .ok_or_else(|| ApiError::bad_field("year", "required", "is required"))?
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1945..=2100).contains(y))
            .ok_or_else(|| ApiError::bad_field("year", "invalid", "a year from 1945 to 2100"))
    }
}

/// Record an activity of a lecturer (a lecturer records their own).
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_activity",
    params(("id" = Uuid, Path, description = "Lecturer id")),
    request_body = CreateActivity,
    responses((status = 201, description = "Recorded", body = Activity)),
    security(("bearer" = []))
)]
#[post("/{id}/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<LecturerId>,
    body: Json<CreateActivity>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let activity = state
        .write(move |conn| activities::create(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(activity))
}

/// A lecturer's activities in a year, in date order.
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_activities",
    params(PageParams, ("id" = Uuid, Path, description = "Lecturer id"), YearQuery),
    responses((status = 200, description = "The activities of the year, by date (`sort=date`, `-date`)", body = ActivityList)),
    security(("bearer" = []))
)]
#[get("/{id}/activities")]
pub async fn list_activities(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<LecturerId>,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = (id.into_inner(), query.parse()?);
    let read =
        move |conn: &mut DbConnection, caller: &Caller| activities::list(conn, caller, id, year);
    serve_whole(&state, &req, caller, &params, ACTIVITY_SORTS, read, |a| {
        text_key(a.activity_date, a.id)
    })
    .await
}

/// A lecturer's workload in a year: periods taught in standard hours against the norm of the
/// position in the policy, overtime, and activity hours by kind.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_lecturer_workload",
    params(("id" = Uuid, Path, description = "Lecturer id"), YearQuery),
    responses((status = 200, description = "The workload", body = LecturerWorkload)),
    security(("bearer" = []))
)]
#[get("/{id}/workload")]
pub async fn get_workload(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<LecturerId>,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = (id.into_inner(), query.parse()?);
    let workload = state
        .db(move |conn| activities::workload_of(conn, &caller, id, year))
        .await?;
    Ok(HttpResponse::Ok().json(workload))
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
#[post("")]
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
#[get("")]
pub async fn list_lecturers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<LecturerFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(SORTS)?;
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
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, query, request),
    )
    .await
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
#[get("/{id}")]
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
#[patch("/{id}")]
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

/// One activity of a lecturer (a lecturer reads only their own).
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_activity",
    params(("id" = Uuid, Path, description = "Lecturer id"), ("activity_id" = Uuid, Path, description = "Activity id")),
    responses((status = 200, description = "The activity", body = Activity)),
    security(("bearer" = []))
)]
#[get("/{id}/activities/{activity_id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(LecturerId, ActivityId)>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let found = state
        .db(move |conn| activities::get(conn, &caller, id, activity))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/lecturers")
                .service(create_lecturer)
                .service(list_lecturers)
                .service(get_lecturer)
                .service(update_lecturer)
                .service(delete_lecturer)
                .service(create_activity)
                .service(list_activities)
                .service(get_activity)
                .service(get_workload),
        );
    },
    sorts: &[
        ("list_lecturers", || sort_names(SORTS)),
        ("list_activities", || sort_names(ACTIVITY_SORTS)),
    ],
};
