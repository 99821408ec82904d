//! `/learners`. Handlers extract, call `services::learners`, respond.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, ListParams};
use crate::services::learners;
use crate::services::learners::*;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use centers_db::learners::LearnerSort;
use centers_db::{LearnerId, OrganizationId};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, LearnerSort)] = &[("name", LearnerSort::Name)];

/// Filters of the learner list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LearnerFilters {
    #[param(value_type = Option<Uuid>)]
    pub party_organization_id: Option<String>,
    /// Only the learner with this id in the district's own system.
    pub external_id: Option<String>,
}

/// Record a learner of a party organization. A learner with the same national id, or the same
/// name and birth date, is a 409 listing the candidates (`confirm_new: true` for a namesake).
#[utoipa::path(
    tag = "learners",
    operation_id = "create_learner",
    request_body = CreateLearner,
    responses(
        (status = 201, description = "Created", body = Learner),
        (status = 409, description = "Possible duplicates", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_learner(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateLearner>,
) -> Result<HttpResponse, ApiError> {
    let learner = state
        .write(move |conn| learners::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, learner.version, &learner))
}

/// List learners in my scope.
#[utoipa::path(
    tag = "learners",
    operation_id = "list_learners",
    params(ListParams, LearnerFilters),
    responses((status = 200, description = "A page of learners", body = LearnerList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_learners(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<LearnerFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(SORTS)?;
    let query = LearnerQuery {
        party_organization_id: parse_uuid_param(
            "party_organization_id",
            filters.party_organization_id.as_deref(),
        )?
        .map(OrganizationId),
        q: params.q.clone(),
        external_id: filters.external_id.clone(),
    };
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| learners::list(conn, caller, query, request),
    )
    .await
}

/// Get a learner.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_learner",
    params(("id" = Uuid, Path, description = "Learner id")),
    responses(
        (status = 200, description = "The learner", body = Learner),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_learner(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LearnerId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let learner = state
        .db(move |conn| learners::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, learner.version, &learner))
}

/// Replace a learner's details (a masked national id sent back unchanged keeps the stored one).
#[utoipa::path(
    tag = "learners",
    operation_id = "replace_learner",
    params(("id" = Uuid, Path, description = "Learner id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = CreateLearner,
    responses(
        (status = 200, description = "Changed", body = Learner),
        (status = 409, description = "Possible duplicates", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[put("/{id}")]
pub async fn replace_learner(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LearnerId>,
    body: Json<CreateLearner>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let learner = state
        .write(move |conn| learners::replace(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, learner.version, &learner))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/learners")
                .service(create_learner)
                .service(list_learners)
                .service(get_learner)
                .service(replace_learner),
        );
    },
    sorts: &[("list_learners", || sort_names(SORTS))],
};
