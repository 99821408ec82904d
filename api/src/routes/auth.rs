//! Login, token refresh and rotation, logout, client credentials, and the caller's own account.

use crate::auth::passwords::{hash_password, verify_password};
use crate::auth::tokens::{self, new_claims, random_token, token_hash, JwtKeys};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{parse_json, Json};
use crate::http::client_address;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use centers_db::audit::{Actor, AuditContext};
use centers_db::identity::{self, UserRow};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, write_transaction, DbConnection, Id};
use centers_domain::access::Principal;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::password::check_new_password;
use chrono::Duration;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Failed logins allowed per username and per client address in one window.
pub const MAX_FAILURES_PER_WINDOW: i64 = 5;
/// The rate-limit window.
pub const FAILURE_WINDOW_SECS: i64 = 60;

/// Credentials of a person.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(example = "admin")]
    pub username: String,
    pub password: String,
}

/// A token pair.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Opaque; exchange at `/auth/refresh` for a new pair. Each one works once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
}

/// A refresh token to exchange or end.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// Ends a session; with `everywhere`, every session of the account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    pub refresh_token: String,
    #[serde(default)]
    pub everywhere: bool,
}

/// The client credentials grant (RFC 6749 §4.4), as a form or as JSON.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ClientTokenRequest {
    #[schema(example = "client_credentials", pattern = "^client_credentials$")]
    pub grant_type: String,
    pub client_id: String,
    pub client_secret: String,
}

/// A password change by the account holder.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub old_password: String,
    pub new_password: String,
}

/// The organization a caller is scoped to.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScopeInfo {
    pub id: Uuid,
    pub kind: String,
    pub name: String,
}

/// Who the caller is and what it may do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    /// `user` or `client`.
    pub kind: String,
    /// Username, or client name.
    pub name: String,
    pub display_name: Option<String>,
    /// The role of a user, or the access level (`read_only`, `read_write`) of a client.
    pub role: String,
    pub scope: ScopeInfo,
    /// Every permission the caller holds inside its scope.
    pub permissions: Vec<String>,
}

fn access_token(keys: &JwtKeys, user: &UserRow) -> Result<String, ApiError> {
    let claims = new_claims(
        user.id.to_string(),
        "user",
        &user.role,
        user.scope_id.to_string(),
        user.security_stamp.clone(),
    );
    keys.sign(&claims)
        .map_err(|e| ApiError::Internal(format!("cannot sign token: {e}")))
}

/// Issues an access token and a refresh token of `family` for `user`.
fn issue_pair(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: &UserRow,
    family: Id,
) -> Result<TokenResponse, ApiError> {
    let refresh_token = random_token();
    identity::insert_refresh_token(
        conn,
        user.id,
        family,
        &token_hash(&refresh_token),
        centers_db::now() + Duration::days(tokens::REFRESH_TTL_DAYS),
    )?;
    Ok(TokenResponse {
        access_token: access_token(keys, user)?,
        refresh_token: Some(refresh_token),
        token_type: "Bearer".into(),
        expires_in: tokens::ACCESS_TTL_SECS,
    })
}

fn invalid_credentials() -> ApiError {
    // One message whether or not the username exists.
    ApiError::Unauthorized("invalid username or password".into())
}

/// Seconds until the oldest failure in the window leaves it, if the key is over the limit.
fn limited(
    conn: &mut DbConnection,
    key: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<u64>, ApiError> {
    let since = now - Duration::seconds(FAILURE_WINDOW_SECS);
    let (count, oldest) = identity::recent_failures(conn, key, since)?;
    if count < MAX_FAILURES_PER_WINDOW {
        return Ok(None);
    }
    let leaves = oldest.unwrap_or(now) + Duration::seconds(FAILURE_WINDOW_SECS);
    let secs = (leaves - now).num_seconds().max(1);
    Ok(Some(u64::try_from(secs).unwrap_or(1)))
}

enum LoginOutcome {
    Ok(TokenResponse),
    Failed,
}

/// Log in with a username and password.
///
/// After 5 failures in a minute for the same username or the same client address, further
/// attempts — correct ones too — get 429 until the window passes.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenResponse),
        (status = 401, description = "Wrong username or password", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { username, password } = body.0;
    let username = username.trim().to_lowercase();
    let user_key = format!("user:{username}");
    let addr_key = format!("addr:{}", client_address(&req));
    let st = state.clone();
    let request_id = crate::error::current_request_id();
    // 1. Limits and the account, with a connection held only for the reads.
    let (limit_user_key, limit_addr_key) = (user_key.clone(), addr_key.clone());
    let found = state
        .db(move |conn| {
            let now = centers_db::now();
            for key in [&limit_user_key, &limit_addr_key] {
                if let Some(secs) = limited(conn, key, now)? {
                    return Ok(Err(secs));
                }
            }
            Ok(Ok(identity::find_user_by_username(conn, &username)?))
        })
        .await?;
    let user = match found {
        Err(secs) => {
            return Err(ApiError::TooManyRequests {
                retry_after_secs: secs,
            })
        }
        Ok(user) => user,
    };
    // 2. argon2 on the blocking pool, holding no database connection, so that a flood of logins
    // cannot starve database work. An unknown user is checked against a dummy hash, so both paths
    // cost the same and timing does not tell whether the username exists.
    let hash = user
        .as_ref()
        .map_or_else(|| st.dummy_hash.clone(), |u| u.password_hash.clone());
    let password_ok = web::block(move || verify_password(&password, &hash))
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?;
    // 3. The outcome, in one write transaction.
    let outcome = state
        .write(move |conn| match user {
            Some(user) if password_ok && user.deactivated_at.is_none() => {
                let pair = issue_pair(conn, &st.jwt, &user, centers_db::new_id())?;
                let ctx = AuditContext {
                    actor: Actor::User {
                        id: user.id,
                        username: user.username.clone(),
                    },
                    request_id: request_id.clone(),
                };
                writes::record(
                    conn,
                    &ctx,
                    Write::event(EntityKind::User, user.id, AuditAction::Login),
                )?;
                Ok(LoginOutcome::Ok(pair))
            }
            _ => {
                let forget = centers_db::now() - Duration::seconds(FAILURE_WINDOW_SECS);
                identity::record_failure(conn, &user_key, forget)?;
                identity::record_failure(conn, &addr_key, forget)?;
                Ok(LoginOutcome::Failed)
            }
        })
        .await?;
    match outcome {
        LoginOutcome::Ok(pair) => Ok(HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(pair)),
        LoginOutcome::Failed => Err(invalid_credentials()),
    }
}

enum RefreshOutcome {
    Ok(TokenResponse),
    Refused(&'static str),
}

/// Exchange a refresh token for a new pair.
///
/// Each refresh token works once. Presenting one that was already exchanged revokes its whole
/// family (every token descended from the same login): it means the token was stolen.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_token",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair", body = TokenResponse),
        (status = 401, description = "Unknown, expired, revoked or reused token", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let hash = token_hash(body.0.refresh_token.trim());
    let st = state.clone();
    let request_id = crate::error::current_request_id();
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let Some(token) = identity::find_refresh_token(conn, &hash)? else {
                    return Ok(RefreshOutcome::Refused("unknown refresh token"));
                };
                if token.revoked_at.is_some() {
                    return Ok(RefreshOutcome::Refused("the refresh token was revoked"));
                }
                if token.rotated_at.is_some() || !identity::mark_rotated(conn, token.id)? {
                    // Reuse: whoever holds the family's tokens is not to be trusted any more.
                    identity::revoke_family(conn, token.family_id)?;
                    tracing::warn!(user.id = %token.user_id, "refresh token reuse; family revoked");
                    return Ok(RefreshOutcome::Refused(
                        "the refresh token was already used; the session is revoked",
                    ));
                }
                if token.expires_at <= centers_db::now() {
                    return Ok(RefreshOutcome::Refused("the refresh token has expired"));
                }
                let user = identity::find_user_by_id(conn, token.user_id)?;
                if user.deactivated_at.is_some() {
                    return Ok(RefreshOutcome::Refused("the account is deactivated"));
                }
                let pair = issue_pair(conn, &st.jwt, &user, token.family_id)?;
                let ctx = AuditContext {
                    actor: Actor::User {
                        id: user.id,
                        username: user.username.clone(),
                    },
                    request_id: request_id.clone(),
                };
                writes::record(
                    conn,
                    &ctx,
                    Write::event(EntityKind::User, user.id, AuditAction::Refresh),
                )?;
                Ok::<_, ApiError>(RefreshOutcome::Ok(pair))
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Ok(pair) => Ok(HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(pair)),
        RefreshOutcome::Refused(why) => Err(ApiError::Unauthorized(why.into())),
    }
}

/// End a session (its refresh-token family); with `everywhere`, every session and access token of
/// the account.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    request_body = LogoutRequest,
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, description = "Unknown refresh token", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: Json<LogoutRequest>,
) -> Result<HttpResponse, ApiError> {
    let LogoutRequest {
        refresh_token,
        everywhere,
    } = body.0;
    let hash = token_hash(refresh_token.trim());
    let request_id = crate::error::current_request_id();
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let token = identity::find_refresh_token(conn, &hash)?
                    .ok_or_else(|| ApiError::Unauthorized("unknown refresh token".into()))?;
                identity::revoke_family(conn, token.family_id)?;
                if everywhere {
                    identity::rotate_stamp(conn, token.user_id)?;
                }
                let user = identity::find_user_by_id(conn, token.user_id)?;
                let ctx = AuditContext {
                    actor: Actor::User {
                        id: user.id,
                        username: user.username,
                    },
                    request_id,
                };
                let action = if everywhere {
                    AuditAction::LogoutEverywhere
                } else {
                    AuditAction::Logout
                };
                writes::record(
                    conn,
                    &ctx,
                    Write::event(EntityKind::User, token.user_id, action),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Obtain an access token for a service client (`grant_type=client_credentials`).
///
/// Accepts `application/x-www-form-urlencoded` (as OAuth 2.0 clients send it) or JSON.
#[utoipa::path(
    tag = "auth",
    operation_id = "client_token",
    request_body(content = ClientTokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token", body = TokenResponse),
        (status = 401, description = "Unknown or revoked client, or wrong secret", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/token")]
pub async fn client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let content_type = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let grant: ClientTokenRequest = match content_type.as_str() {
        "application/x-www-form-urlencoded" => serde_urlencoded_form(&body)?,
        "application/json" => parse_json(&body)?,
        _ => return Err(ApiError::UnsupportedMediaType),
    };
    if grant.grant_type != "client_credentials" {
        return Err(ApiError::bad_field(
            "grant_type",
            "unsupported_grant_type",
            "only client_credentials is supported here; people use /auth/login",
        ));
    }
    let client_id = Uuid::parse_str(grant.client_id.trim())
        .map_err(|_| ApiError::Unauthorized("invalid client credentials".into()))?;
    let secret_hash = token_hash(grant.client_secret.trim());
    let keys = state.clone();
    let token = state
        .db(move |conn| {
            let client = identity::find_client(conn, client_id.into())?
                .filter(|c| c.revoked_at.is_none())
                .filter(|c| constant_time_eq(c.secret_hash.as_bytes(), secret_hash.as_bytes()))
                .ok_or_else(|| ApiError::Unauthorized("invalid client credentials".into()))?;
            let claims = new_claims(
                client.id.to_string(),
                "client",
                &client.access,
                client.scope_id.to_string(),
                String::new(),
            );
            keys.jwt
                .sign(&claims)
                .map_err(|e| ApiError::Internal(format!("cannot sign token: {e}")))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse {
            access_token: token,
            refresh_token: None,
            token_type: "Bearer".into(),
            expires_in: tokens::ACCESS_TTL_SECS,
        }))
}

fn serde_urlencoded_form(body: &[u8]) -> Result<ClientTokenRequest, ApiError> {
    let mut grant_type = None;
    let mut client_id = None;
    let mut client_secret = None;
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "grant_type" => grant_type = Some(v.into_owned()),
            "client_id" => client_id = Some(v.into_owned()),
            "client_secret" => client_secret = Some(v.into_owned()),
            _ => {}
        }
    }
    let need =
        |v: Option<String>, f: &str| v.ok_or_else(|| ApiError::bad_field(f, "required", "missing"));
    Ok(ClientTokenRequest {
        grant_type: need(grant_type, "grant_type")?,
        client_id: need(client_id, "client_id")?,
        client_secret: need(client_secret, "client_secret")?,
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Who am I: account, role, scope and permissions.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    responses((status = 200, description = "The caller", body = Me)),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let (scope, display_name) = state
        .db(move |conn| {
            let scope = orgs::find_unscoped(conn, c.scope_id.into())?.ok_or(ApiError::NotFound)?;
            let display_name = match c.principal {
                Principal::User(_) => {
                    Some(identity::find_user_by_id(conn, c.id.into())?.display_name)
                }
                Principal::Client(_) => None,
            };
            Ok((scope, display_name))
        })
        .await?;
    let (kind, role) = match caller.principal {
        Principal::User(r) => ("user", r.as_str()),
        Principal::Client(a) => ("client", a.as_str()),
    };
    Ok(HttpResponse::Ok().json(Me {
        id: caller.id,
        kind: kind.into(),
        name: caller.name.clone(),
        display_name,
        role: role.into(),
        scope: ScopeInfo {
            id: scope.id.into(),
            kind: scope.kind,
            name: scope.name,
        },
        permissions: caller
            .principal
            .permissions()
            .into_iter()
            .map(|p| p.as_str().to_owned())
            .collect(),
    }))
}

/// Change my own password. Every other session ends; a fresh token pair is returned.
#[utoipa::path(
    tag = "auth",
    operation_id = "change_my_password",
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "Changed; a new token pair", body = TokenResponse),
        (status = 422, description = "Wrong old password, or the new one breaks the rule", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/me/password")]
pub async fn change_my_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    if !matches!(caller.principal, Principal::User(_)) {
        return Err(ApiError::Forbidden(
            "service clients have no password".into(),
        ));
    }
    let ChangePasswordRequest {
        old_password,
        new_password,
    } = body.0;
    check_new_password(&new_password, &caller.name)
        .map_err(|e| ApiError::invalid_field("new_password", "weak_password", e.to_string()))?;
    let st = state.clone();
    let ctx = caller.audit();
    let user_id: Id = caller.id.into();
    let stored = state
        .db(move |conn| Ok(identity::find_user_by_id(conn, user_id)?.password_hash))
        .await?;
    // argon2 (check the old password, hash the new one) holds no database connection.
    let hash = web::block(move || {
        if !verify_password(&old_password, &stored) {
            return Err(ApiError::invalid_field(
                "old_password",
                "wrong_password",
                "is not the current password",
            ));
        }
        hash_password(&new_password).map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))??;
    let pair = state
        .write(move |conn| {
            let user = identity::set_password(conn, user_id, &hash)?;
            writes::record(
                conn,
                &ctx,
                Write::event(EntityKind::User, user_id, AuditAction::ChangePassword),
            )?;
            issue_pair(conn, &st.jwt, &user, centers_db::new_id())
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(pair))
}
