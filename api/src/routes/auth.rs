//! `/auth` and `/me`: handlers extract, run argon2 on the blocking pool between a read and a
//! write, call `services::auth`, and answer with `Cache-Control: no-store` where tokens travel.

use super::Resource;
use crate::auth::passwords::{hash_password, verify_password};
use crate::auth::tokens::token_hash;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{parse_json, Json};
use crate::http::client_address;
use crate::services::auth::{
    self as service, invalid_credentials, ChangePasswordRequest, ClientTokenRequest, LoginKeys,
    LoginOutcome, LoginRequest, LogoutRequest, Me, RefreshOutcome, RefreshRequest, TokenResponse,
};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use centers_domain::password::check_new_password;
use serde::Serialize;
use utoipa_actix_web::scope;

/// Token pairs: never cached, never kept for an idempotent replay.
fn no_store<T: Serialize>(body: &T) -> HttpResponse {
    crate::http::secret_response(actix_web::http::StatusCode::OK, body)
}

/// Log in with a username and password.
///
/// Attempts are limited per sliding minute: 10 failures from one address (over all accounts);
/// after 5 failures against one account, only addresses that have not failed against it may try
/// (so its owner is not locked out by someone else's guesses); after 20, nobody may until the
/// minute passes. Over a limit: 429 with `Retry-After`, correct passwords included. When the
/// server is already checking as many passwords as it has cores: 503 with `Retry-After` at once.
///
/// A successful login sets the device cookie `centers_device` (OWASP device cookies; HttpOnly,
/// Secure, SameSite=Strict, path `/api/v1/auth`, 180 days). A later login for the same account
/// that sends it back is checked in a lane of password permits reserved for known devices and
/// counted against that cookie only (10 failures a minute, then it counts as absent), not
/// against the address or the account: a crowd guessing from many addresses cannot lock out or
/// crowd out the owner at their usual browser.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenResponse),
        (status = 401, description = "Wrong username or password", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many password checks at once; retry after `Retry-After`", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { username, password } = body.0;
    let username = username.trim().to_lowercase();
    let now = chrono::Utc::now().timestamp();
    let device = crate::auth::device::from_request(&req)
        .and_then(|value| state.devices.verify(&value, &username, now));
    // The permit first: a flood is turned away before it costs a connection or a thread. A
    // known device has a lane of its own that the flood cannot fill.
    let permit = match device {
        Some(_) => state.password_permit_known_device().await?,
        None => state.password_permit()?,
    };
    let keys = LoginKeys::new(
        &username,
        &client_address(&req, &state.settings.trusted_proxies),
        device.map(|d| d.nonce),
    );
    let limits = state.login_limits;
    let attempt = state
        .write({
            let username = username.clone();
            move |conn| service::login_begin(conn, &limits, &keys, &username)
        })
        .await?;
    // An unknown user is checked against a dummy hash: both paths cost the same.
    let hash = attempt
        .user
        .as_ref()
        .map_or_else(|| state.dummy_hash.clone(), |u| u.password_hash.clone());
    let password_ok = state
        .password_work(permit, move || verify_password(&password, &hash))
        .await?;
    let (st, request_id) = (state.clone(), crate::error::current_request_id());
    let outcome = state
        .write(move |conn| service::login_finish(conn, &st.jwt, attempt, password_ok, request_id))
        .await?;
    match outcome {
        LoginOutcome::Ok(pair) => {
            // A new device cookie at each login (the old one keeps working until it expires).
            let mut response = no_store(&pair);
            let cookie = crate::auth::device::set_cookie(&state.devices.issue(&username, now));
            if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&cookie) {
                response
                    .headers_mut()
                    .append(actix_web::http::header::SET_COOKIE, value);
            }
            Ok(response)
        }
        LoginOutcome::Failed => Err(invalid_credentials()),
    }
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
#[post("/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let hash = token_hash(body.0.refresh_token.trim());
    let (st, request_id) = (state.clone(), crate::error::current_request_id());
    let outcome = state
        .write_accounts(move |conn| service::refresh(conn, &st.jwt, &hash, request_id))
        .await?;
    match outcome {
        RefreshOutcome::Ok(pair) => Ok(no_store(&pair)),
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
#[post("/logout")]
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
        .write_accounts(move |conn| service::logout(conn, &hash, everywhere, request_id))
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
#[post("/token")]
pub async fn client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: crate::extract::Body,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let content_type = crate::http::media_type(&req);
    let grant: ClientTokenRequest = match content_type.as_str() {
        "application/x-www-form-urlencoded" => service::serde_urlencoded_form(&body)?,
        "application/json" => parse_json(&body)?,
        _ => return Err(ApiError::UnsupportedMediaType),
    };
    let st = state.clone();
    let token: TokenResponse = state
        .db(move |conn| service::client_token(conn, &st.jwt, &grant))
        .await?;
    Ok(no_store(&token))
}

/// Who am I: account, role, scope and permissions.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    responses((status = 200, description = "The caller", body = Me)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let me: Me = state.db(move |conn| service::me(conn, &caller)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(me))
}

/// Change my own password. Every other session ends; a fresh token pair is returned.
#[utoipa::path(
    tag = "auth",
    operation_id = "change_my_password",
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "Changed; a new token pair", body = TokenResponse),
        (status = 422, description = "Wrong old password, or the new one breaks the rule", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many password checks at once; retry after `Retry-After`", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/password")]
pub async fn change_my_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let ChangePasswordRequest {
        old_password,
        new_password,
    } = body.0;
    crate::services::check_length("old_password", Some(&old_password), 1000)?;
    crate::services::check_length("new_password", Some(&new_password), 1000)?;
    let reader = caller.clone();
    let stored = state
        .db(move |conn| service::my_password_hash(conn, &reader))
        .await?;
    check_new_password(&new_password, &caller.name)
        .map_err(|e| ApiError::invalid_field("new_password", "weak_password", e.to_string()))?;
    let permit = state.password_permit_waiting().await?;
    let hash = state
        .password_work(permit, move || {
            if !verify_password(&old_password, &stored) {
                return Err(ApiError::invalid_field(
                    "old_password",
                    "wrong_password",
                    "is not the current password",
                ));
            }
            hash_password(&new_password)
                .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
        })
        .await??;
    let st = state.clone();
    let pair = state
        .write_accounts(move |conn| service::change_my_password(conn, &st.jwt, &caller, &hash))
        .await?;
    Ok(no_store(&pair))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/auth")
                .service(login)
                .service(refresh)
                .service(logout)
                .service(client_token),
        )
        .service(scope("/me").service(me).service(change_my_password));
    },
    sorts: &[],
};
