//! `/approval-grants`: district standing committees' grants to record plan approvals.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::Json;
use crate::paging::{at_key, serve_whole, ListParams, PageParams, NEWEST_FIRST};
use crate::services::approval_grants::{
    self as service, ApprovalGrant, ApprovalGrantList, CreateGrant,
};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use centers_db::GrantId;
use utoipa_actix_web::scope;

/// Grant a center admin the right to record its district's plan approval (province admins).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_approval_grant",
    request_body = CreateGrant,
    responses((status = 201, description = "Granted", body = ApprovalGrant)),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_approval_grant(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateGrant>,
) -> Result<HttpResponse, ApiError> {
    let grant = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(HttpResponse::Created().json(grant))
}

/// List approval grants.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "list_approval_grants",
    params(PageParams),
    responses((status = 200, description = "Grants, newest first (`sort=-created`, `created`)", body = ApprovalGrantList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_approval_grants(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    serve_whole(
        &state,
        &req,
        caller,
        &params,
        NEWEST_FIRST,
        service::list,
        |g| at_key(g.created_at, g.id),
    )
    .await
}

/// Revoke an approval grant.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "revoke_approval_grant",
    params(("id" = Uuid, Path, description = "Grant id")),
    responses((status = 200, description = "Revoked", body = ApprovalGrant)),
    security(("bearer" = []))
)]
#[post("/{id}/revoke")]
pub async fn revoke_approval_grant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<GrantId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let grant = state
        .write(move |conn| service::revoke(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(grant))
}

/// One grant (province admins).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_approval_grant",
    params(("id" = Uuid, Path, description = "Grant id")),
    responses((status = 200, description = "The grant", body = ApprovalGrant)),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_approval_grant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<GrantId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let grant = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(grant))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/approval-grants")
                .service(create_approval_grant)
                .service(list_approval_grants)
                .service(revoke_approval_grant)
                .service(get_approval_grant),
        );
    },
    sorts: &[("list_approval_grants", || sort_names(NEWEST_FIRST))],
};
