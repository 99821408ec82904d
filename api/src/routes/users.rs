//! `/users`. Handlers extract, hash passwords on the blocking pool, call `services::users`,
//! respond.

use super::{sort_names, Resource};
use crate::auth::passwords::hash_password;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, ListParams};
use crate::services::users::{
    self as service, CreateUser, ResetPassword, UpdateUser, User, UserList,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::identity::UserSort;
use centers_db::{OrganizationId, UserId};
use centers_domain::access::Role;
use centers_domain::password::check_new_password;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, UserSort)] = &[("username", UserSort::Username)];

/// Filters of the user list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListFilters {
    /// Only accounts of this role.
    #[param(value_type = Option<Role>)]
    pub role: Option<String>,
    /// Only accounts scoped to this organization.
    #[param(value_type = Option<Uuid>)]
    pub scope: Option<String>,
}

/// argon2 on the blocking pool under a password permit, holding no database connection.
async fn hash(state: &AppState, password: String) -> Result<String, ApiError> {
    let permit = state.password_permit_waiting().await?;
    state
        .password_work(permit, move || hash_password(&password))
        .await?
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
}

/// Create an account.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = User),
        (status = 409, description = "The username is taken", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let new = service::check_new(&caller, &body.0)?;
    let password_hash = hash(&state, body.0.password).await?;
    let user = state
        .write(move |conn| service::create(conn, &caller, new, password_hash))
        .await?;
    Ok(with_etag(StatusCode::CREATED, user.version, &user))
}

/// List accounts inside my scope.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    params(ListParams, UserListFilters),
    responses((status = 200, description = "A page of accounts", body = UserList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<UserListFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(SORTS)?;
    let role = match filters.role.as_deref() {
        None => None,
        Some(r) => Some(
            r.parse::<Role>()
                .map_err(|e| ApiError::bad_field("role", "invalid_role", e.to_string()))?,
        ),
    };
    let scope = parse_uuid_param("scope", filters.scope.as_deref())?.map(OrganizationId);
    let q = params.q.clone();
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, role, scope, q, request),
    )
    .await
}

/// Get an account.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The account", body = User),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, user.version, &user))
}

/// Change an account's display name, role or scope.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    params(("id" = Uuid, Path, description = "User id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Changed", body = User),
        (status = 409, description = "The last active province administrator cannot be demoted or moved", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The account changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<UserId>,
    body: Json<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let user = state
        .write_accounts(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &user))
}

/// Set a new password for an account. Its sessions end.
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = ResetPassword,
    responses((status = 200, description = "Password set", body = User)),
    security(("bearer" = []))
)]
#[post("/{id}/reset-password")]
pub async fn reset_user_password(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<UserId>,
    body: Json<ResetPassword>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let password = body.0.password;
    crate::services::check_length("password", Some(&password), 1000)?;
    let reader = caller.clone();
    let username = state
        .db(move |conn| service::managed_username(conn, &reader, id))
        .await?;
    check_new_password(&password, &username)
        .map_err(|e| ApiError::invalid_field("password", "weak_password", e.to_string()))?;
    let password_hash = hash(&state, password).await?;
    let user = state
        .write_accounts(move |conn| service::reset_password(conn, &caller, id, &password_hash))
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &user))
}

/// Deactivate an account: it can no longer log in, and its tokens stop working at once.
#[utoipa::path(
    tag = "users",
    operation_id = "deactivate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "Deactivated", body = User),
        (status = 409, description = "Your own account, or the last active province administrator", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/deactivate")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user = state
        .write_accounts(move |conn| service::set_active(conn, &caller, id, false))
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &user))
}

/// Reactivate an account (an active one is left as it is).
#[utoipa::path(
    tag = "users",
    operation_id = "activate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses((status = 200, description = "Active", body = User)),
    security(("bearer" = []))
)]
#[post("/{id}/activate")]
pub async fn activate_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user = state
        .write_accounts(move |conn| service::set_active(conn, &caller, id, true))
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &user))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/users")
                .service(create_user)
                .service(list_users)
                .service(get_user)
                .service(update_user)
                .service(reset_user_password)
                .service(deactivate_user)
                .service(activate_user),
        );
    },
    sorts: &[("list_users", || sort_names(SORTS))],
};
