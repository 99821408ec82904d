//! User accounts: created and managed by province admins everywhere, by center admins for
//! lecturers and party-organization accounts inside their center.

use crate::auth::passwords::hash_password;
use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::Json;
use crate::http::{check_if_match, etag_response, if_match_version, utc, with_etag};
use crate::list_schema;
use crate::paging::{list_response, parse_uuid_param, ListParams};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::identity::{self, NewUser, UserChanges, UserFilter, UserRow, UserSort};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, write_transaction, DbConnection, Id};
use centers_domain::access::{Permission, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use centers_domain::password::check_new_password;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A user account. Never carries the password or its hash.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    pub id: Uuid,
    #[schema(example = "gv.quangxuong.01")]
    pub username: String,
    #[schema(example = "Nguyễn Văn An")]
    pub display_name: String,
    /// `province_admin`, `province_viewer`, `center_admin`, `lecturer` or `party_org`.
    pub role: String,
    /// The organization the account sees (with its subtree).
    pub scope: Uuid,
    pub active: bool,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(UserList, User);

impl From<UserRow> for User {
    fn from(u: UserRow) -> Self {
        User {
            id: u.id.into(),
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            scope: u.scope_id.into(),
            active: u.deactivated_at.is_none(),
            deactivated_at: u.deactivated_at.map(utc),
            version: u.version,
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

/// A new account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// 3–64 characters of `a–z 0–9 . _ - @` (stored in lower case).
    #[schema(min_length = 3, max_length = 64, pattern = "^[A-Za-z0-9._@-]{3,64}$")]
    pub username: String,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub display_name: String,
    /// At least 10 characters, not the username.
    #[schema(min_length = 10, max_length = 1000)]
    pub password: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// The organization id the account is scoped to: the province for province roles, a center
    /// for center admins and lecturers, a party organization for `party_org`.
    pub scope: Uuid,
}

/// Changes to an account; absent fields stay as they are. Send `If-Match` to guard against
/// concurrent edits.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub display_name: Option<String>,
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    pub scope: Option<Uuid>,
}

/// A new password set by an administrator.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    /// At least 10 characters, not the username.
    #[schema(min_length = 10, max_length = 1000)]
    pub password: String,
}

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

fn parse_role(field: &str, v: &str) -> Result<Role, FieldError> {
    v.parse::<Role>()
        .map_err(|e| FieldError::new(field, "invalid_role", e.to_string()))
}

fn parse_username(v: &str) -> Result<String, FieldError> {
    centers_domain::accounts::parse_username(v)
        .map_err(|e| FieldError::new("username", "invalid_username", e.to_string()))
}

/// Checks that the caller may manage an account of `role` scoped at `scope`, and that the scope
/// fits the role. An invisible scope organization is reported as unknown.
fn check_target(
    conn: &mut DbConnection,
    caller: &Caller,
    role: Role,
    scope: Uuid,
) -> Result<(), ApiError> {
    let caller_role = caller
        .role()
        .ok_or_else(|| ApiError::Forbidden("service clients cannot manage accounts".into()))?;
    if !caller_role.may_manage(role) {
        return Err(ApiError::Forbidden(format!(
            "a {caller_role} cannot manage {role} accounts"
        )));
    }
    let org = orgs::find_in_scope(conn, scope.into(), None, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(
            "scope",
            "unknown_organization",
            "no such organization in your scope",
        )
    })?;
    let kind: OrganizationKind = org
        .kind
        .parse()
        .map_err(|_| ApiError::Internal(format!("stored kind {:?}", org.kind)))?;
    if !role.scope_kinds().contains(&kind) {
        let kinds: Vec<&str> = role.scope_kinds().iter().map(|k| k.as_str()).collect();
        return Err(ApiError::invalid_field(
            "scope",
            "scope_kind_mismatch",
            format!("a {role} must be scoped to a {}", kinds.join(" or ")),
        ));
    }
    Ok(())
}

fn user_json(u: &UserRow) -> serde_json::Value {
    serde_json::to_value(User::from(u.clone())).unwrap_or_default()
}

/// Create an account.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = User),
        (status = 409, description = "The username is taken", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let b = body.0;
    let mut errors = Vec::new();
    let username = parse_username(&b.username).map_err(|e| errors.push(e)).ok();
    let role = parse_role("role", &b.role).map_err(|e| errors.push(e)).ok();
    let display_name = centers_domain::text::normalize(&b.display_name);
    if display_name.is_empty() {
        errors.push(FieldError::new(
            "display_name",
            "required",
            "must not be empty",
        ));
    }
    if let Some(u) = &username {
        if let Err(e) = check_new_password(&b.password, u) {
            errors.push(FieldError::new("password", "weak_password", e.to_string()));
        }
    }
    let (Some(username), Some(role), true) = (username, role, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let hash = web::block(move || hash_password(&b.password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))?;
    let scope = b.scope;
    let ctx = caller.audit();
    let user = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                check_target(conn, &caller, role, scope)?;
                if identity::find_user_by_username(conn, &username)?.is_some() {
                    return Err(ApiError::conflict(format!(
                        "the username {username} is taken"
                    )));
                }
                let user = identity::insert_user(
                    conn,
                    NewUser {
                        username,
                        display_name,
                        password_hash: hash,
                        role: role.as_str().into(),
                        scope_id: scope.into(),
                    },
                )?;
                let path = crate::services::owner_path(conn, user.scope_id)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::create(EntityKind::User, user.id, &path, &user_json(&user)),
                )?;
                Ok(user)
            })
        })
        .await?;
    Ok(with_etag(
        StatusCode::CREATED,
        user.version,
        &User::from(user),
    ))
}

/// List accounts inside my scope.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    params(ListParams, UserListFilters),
    responses((status = 200, description = "A page of accounts", body = UserList)),
    security(("bearer" = []))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<UserListFilters>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let paging = params.paging(&[("username", UserSort::Username)])?;
    if let Some(r) = &filters.role {
        parse_role("role", r).map_err(|e| ApiError::BadRequest {
            detail: e.message.clone(),
            errors: vec![e],
        })?;
    }
    let filter = UserFilter {
        scope: caller.scope(),
        role: filters.role.clone(),
        scope_id: parse_uuid_param("scope", filters.scope.as_deref())?.map(Id::from),
        q: params.q.clone(),
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| Ok(identity::list_users(conn, &filter, &request)?.map(User::from)))
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
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
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let id = id.into_inner();
    let scope = caller.scope();
    let user = state
        .db(move |conn| {
            identity::find_user_in_scope(conn, id.into(), &scope)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(etag_response(&req, user.version, &User::from(user)))
}

/// Loads a user the caller may manage, or fails (404 outside scope, 403 for a role it cannot
/// manage).
fn managed_user(conn: &mut DbConnection, caller: &Caller, id: Uuid) -> Result<UserRow, ApiError> {
    let user = identity::find_user_in_scope(conn, id.into(), &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    let target: Role = user
        .role
        .parse()
        .map_err(|_| ApiError::Internal(format!("stored role {:?}", user.role)))?;
    let caller_role = caller
        .role()
        .ok_or_else(|| ApiError::Forbidden("service clients cannot manage accounts".into()))?;
    if !caller_role.may_manage(target) {
        return Err(ApiError::Forbidden(format!(
            "a {caller_role} cannot manage {target} accounts"
        )));
    }
    Ok(user)
}

/// Change an account's display name, role or scope.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    params(("id" = Uuid, Path, description = "User id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Changed", body = User),
        (status = 412, description = "The account changed since that ETag", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Json<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let b = body.0;
    let role = b
        .role
        .as_deref()
        .map(|r| parse_role("role", r))
        .transpose()
        .map_err(|e| ApiError::Validation(vec![e]))?;
    let display_name = b
        .display_name
        .as_deref()
        .map(centers_domain::text::normalize);
    if display_name.as_deref() == Some("") {
        return Err(ApiError::invalid_field(
            "display_name",
            "required",
            "must not be empty",
        ));
    }
    let ctx = caller.audit();
    let user = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let before = managed_user(conn, &caller, id)?;
                check_if_match(&expected, before.version)?;
                let new_role = match role {
                    Some(r) => r,
                    None => before
                        .role
                        .parse()
                        .map_err(|_| ApiError::Internal("stored role".into()))?,
                };
                let new_scope = b.scope.unwrap_or(before.scope_id.into());
                if role.is_some() || b.scope.is_some() {
                    check_target(conn, &caller, new_role, new_scope)?;
                }
                if new_role != Role::ProvinceAdmin || b.scope.is_some() {
                    keep_a_province_admin(conn, &before)?;
                }
                let changes = UserChanges {
                    display_name,
                    role: role.map(|r| r.as_str().to_owned()),
                    scope_id: b.scope.map(Id::from),
                    search_text: None,
                };
                let after = identity::update_user(conn, id.into(), before.version, &changes)?
                    .ok_or(ApiError::PreconditionFailed)?;
                let path = crate::services::owner_path(conn, after.scope_id)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::update(
                        EntityKind::User,
                        id,
                        &path,
                        &user_json(&before),
                        &user_json(&after),
                    ),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &User::from(user)))
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
#[post("/users/{id}/reset-password")]
pub async fn reset_user_password(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ResetPassword>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let id = id.into_inner();
    let password = body.0.password;
    let ctx = caller.audit();
    let reader = caller.clone();
    let username = state
        .db(move |conn| Ok(managed_user(conn, &reader, id)?.username))
        .await?;
    check_new_password(&password, &username)
        .map_err(|e| ApiError::invalid_field("password", "weak_password", e.to_string()))?;
    // argon2 holds no database connection.
    let hash = web::block(move || hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))?;
    let user = state
        .write(move |conn| {
            managed_user(conn, &caller, id)?;
            let user = identity::set_password(conn, id.into(), &hash)?;
            writes::record(
                conn,
                &ctx,
                Write::event(EntityKind::User, id, AuditAction::ResetPassword),
            )?;
            Ok(user)
        })
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &User::from(user)))
}

async fn set_active(
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    active: bool,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let ctx = caller.audit();
    let user = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let before = managed_user(conn, &caller, id)?;
                if before.id.0 == caller.id && !active {
                    return Err(ApiError::conflict("you cannot deactivate your own account"));
                }
                if !active {
                    keep_a_province_admin(conn, &before)?;
                }
                let after = identity::set_active(conn, id.into(), active)?;
                let action = if active {
                    AuditAction::Activate
                } else {
                    AuditAction::Deactivate
                };
                let path = crate::services::owner_path(conn, after.scope_id)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::update(
                        EntityKind::User,
                        id,
                        &path,
                        &user_json(&before),
                        &user_json(&after),
                    )
                    .action(action),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(with_etag(StatusCode::OK, user.version, &User::from(user)))
}

/// Refuses (409) to deactivate, demote or move the last active province administrator, which would
/// lock the province out of everything only that role can do.
fn keep_a_province_admin(conn: &mut DbConnection, target: &UserRow) -> Result<(), ApiError> {
    if target.role != Role::ProvinceAdmin.as_str() || target.deactivated_at.is_some() {
        return Ok(());
    }
    let active = identity::lock_active_province_admins(conn, target.scope_id)?;
    if active.iter().all(|id| *id == target.id) {
        return Err(ApiError::conflict(
            "this is the last active province administrator; make another one first",
        ));
    }
    Ok(())
}

/// Deactivate an account: it can no longer log in, and its tokens stop working at once.
#[utoipa::path(
    tag = "users",
    operation_id = "deactivate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses((status = 200, description = "Deactivated", body = User)),
    security(("bearer" = []))
)]
#[post("/users/{id}/deactivate")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    set_active(state, caller, id.into_inner(), false).await
}

/// Reactivate an account.
#[utoipa::path(
    tag = "users",
    operation_id = "activate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses((status = 200, description = "Active again", body = User)),
    security(("bearer" = []))
)]
#[post("/users/{id}/activate")]
pub async fn activate_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    set_active(state, caller, id.into_inner(), true).await
}
