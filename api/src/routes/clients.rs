//! `/clients`: service clients of integrations. Handlers call `services::clients`.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::Json;
use crate::paging::{at_key, serve_whole, ListParams, PageParams, NEWEST_FIRST};
use crate::services::clients::{self as service, Client, ClientList, CreateClient, CreatedClient};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use centers_db::ClientId;
use utoipa_actix_web::scope;

/// Create a service client; the response holds its secret, once.
#[utoipa::path(
    tag = "clients",
    operation_id = "create_client",
    request_body = CreateClient,
    responses((status = 201, description = "Created", body = CreatedClient)),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_client(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateClient>,
) -> Result<HttpResponse, ApiError> {
    let created = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(crate::http::secret_response(
        actix_web::http::StatusCode::CREATED,
        &created,
    ))
}

/// List service clients.
#[utoipa::path(
    tag = "clients",
    operation_id = "list_clients",
    params(PageParams),
    responses((status = 200, description = "Clients in scope, newest first (`sort=-created`, `created`)", body = ClientList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_clients(
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

/// Revoke a service client: its tokens stop working at once.
#[utoipa::path(
    tag = "clients",
    operation_id = "revoke_client",
    params(("id" = Uuid, Path, description = "Client id")),
    responses((status = 200, description = "Revoked", body = Client)),
    security(("bearer" = []))
)]
#[post("/{id}/revoke")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClientId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let client = state
        .write_accounts(move |conn| service::revoke(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(client))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/clients")
                .service(create_client)
                .service(list_clients)
                .service(revoke_client),
        );
    },
    sorts: &[("list_clients", || sort_names(NEWEST_FIRST))],
};
