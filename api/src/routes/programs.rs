//! `/programs`: the catalogue. Handlers extract, call `services::programs`, respond.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{serve_list, ListParams};
use crate::services::programs::{
    self as service, CreateProgram, Program, ProgramInput, ProgramList, ProgramQuery,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::programs::ProgramSort;
use centers_db::ProgramId;
use centers_domain::programs::ProgramCategory;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, ProgramSort)] =
    &[("code", ProgramSort::Code), ("name", ProgramSort::Name)];

/// Filters of the program list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProgramFilters {
    /// Only this category.
    #[param(value_type = Option<ProgramCategory>)]
    pub category: Option<String>,
    /// `active` (default), `retired` or `all`.
    #[param(pattern = "^(active|retired|all)$")]
    pub status: Option<String>,
}

impl ProgramFilters {
    fn parse(&self, q: Option<String>) -> Result<ProgramQuery, ApiError> {
        let retired = match self.status.as_deref() {
            None | Some("active") => Some(false),
            Some("retired") => Some(true),
            Some("all") => None,
            Some(_) => {
                return Err(ApiError::bad_field(
                    "status",
                    "invalid",
                    "must be active, retired or all",
                ))
            }
        };
        let category = match self.category.as_deref() {
            None => None,
            Some(c) => Some(
                c.parse::<ProgramCategory>()
                    .map_err(|e| ApiError::bad_field("category", "invalid", e.to_string()))?,
            ),
        };
        Ok(ProgramQuery {
            category,
            q,
            retired,
        })
    }
}

/// List programs.
#[utoipa::path(
    tag = "programs",
    operation_id = "list_programs",
    params(ListParams, ProgramFilters),
    responses((status = 200, description = "A page of programs", body = ProgramList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_programs(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<ProgramFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(SORTS)?;
    let query = filters.parse(params.q.clone())?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, query, request),
    )
    .await
}

/// Get a program with its topics.
#[utoipa::path(
    tag = "programs",
    operation_id = "get_program",
    params(("id" = Uuid, Path, description = "Program id")),
    responses((status = 200, description = "The program", body = Program), (status = 304, description = "Not modified")),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_program(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ProgramId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, p.version, &p))
}

/// Create a program (province admins).
#[utoipa::path(
    tag = "programs",
    operation_id = "create_program",
    request_body = CreateProgram,
    responses((status = 201, description = "Created", body = Program), (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_program(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateProgram>,
) -> Result<HttpResponse, ApiError> {
    let p = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, p.version, &p))
}

/// Edit a program; `topics`, when given, replaces the whole ordered list.
#[utoipa::path(
    tag = "programs",
    operation_id = "update_program",
    params(("id" = Uuid, Path, description = "Program id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = ProgramInput,
    responses((status = 200, description = "Changed", body = Program), (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_program(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ProgramId>,
    body: Json<ProgramInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let p = state
        .write(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, p.version, &p))
}

/// Retire a program: it can no longer be planned; classes and plans that used it keep it.
#[utoipa::path(
    tag = "programs",
    operation_id = "retire_program",
    params(("id" = Uuid, Path, description = "Program id")),
    responses((status = 200, description = "Retired", body = Program), (status = 409, description = "Already retired", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/retire")]
pub async fn retire_program(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ProgramId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = state
        .write(move |conn| service::retire(conn, &caller, id))
        .await?;
    Ok(with_etag(StatusCode::OK, p.version, &p))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/programs")
                .service(list_programs)
                .service(get_program)
                .service(create_program)
                .service(update_program)
                .service(retire_program),
        );
    },
    sorts: &[("list_programs", || sort_names(SORTS))],
};
