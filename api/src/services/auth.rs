//! Login, token refresh and rotation, logout, client credentials, and the caller's own account.
//! Password hashing never runs here: the handlers do it on the blocking pool between a read and a
//! write, so no database connection waits on argon2.

use crate::auth::tokens::{self, new_claims, random_token, token_hash, JwtKeys};
use crate::auth::Caller;
use crate::error::ApiError;
use centers_db::audit::{Actor, AuditContext};
use centers_db::identity::{self, UserRow};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, DbConnection, Id, TokenFamilyId, UserId};
use centers_domain::access::{Action, Permission, Principal};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::login::{AttemptHistory, Failures, LoginLimits};
use centers_domain::organizations::OrganizationKind;
use chrono::Duration;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

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
    #[schema(max_length = 1000)]
    pub old_password: String,
    /// At least 10 characters, not the username.
    #[schema(min_length = 10, max_length = 1000)]
    pub new_password: String,
}

/// The organization a caller is scoped to.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScopeInfo {
    pub id: Uuid,
    pub kind: OrganizationKind,
    pub name: String,
}

/// Whether the caller is a person's account or a service client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallerKind {
    User,
    Client,
}

/// Who the caller is and what it may do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub kind: CallerKind,
    /// Username, or client name.
    pub name: String,
    pub display_name: Option<String>,
    /// The role of a user, or the access level (`read_only`, `read_write`) of a client.
    pub role: String,
    pub scope: ScopeInfo,
    /// Every permission the caller holds inside its scope.
    pub permissions: Vec<Permission>,
}

fn access_token(keys: &JwtKeys, user: &UserRow) -> Result<String, ApiError> {
    let claims = new_claims(
        user.id.to_string(),
        "user",
        user.role.as_str(),
        user.scope_id.to_string(),
        user.security_stamp.clone(),
    );
    keys.sign(&claims)
        .map_err(|e| ApiError::Internal(format!("cannot sign token: {e}")))
}

/// Issues an access token and a refresh token of `family` for `user`.
pub(crate) fn issue_pair(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: &UserRow,
    family: TokenFamilyId,
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

pub fn invalid_credentials() -> ApiError {
    // One message whether or not the username exists.
    ApiError::Unauthorized("invalid username or password".into())
}

pub enum LoginOutcome {
    Ok(TokenResponse),
    Failed,
}

/// The audit context of a user acting through a token endpoint (no bearer token yet).
fn user_context(user: &UserRow, request_id: Option<String>) -> AuditContext {
    AuditContext {
        actor: Actor::User {
            id: user.id.into(),
            username: user.username.clone(),
        },
        request_id,
    }
}

/// The rate-limit keys of one login attempt (see `centers_domain::login`).
#[derive(Debug, Clone)]
pub struct LoginKeys {
    pub account: String,
    pub address: String,
    pub pair: String,
    /// The known device's counter, when the login presents a valid device cookie.
    pub device: Option<String>,
}

impl LoginKeys {
    pub fn new(username: &str, address: &str, device_nonce: Option<String>) -> Self {
        Self {
            account: format!("user:{username}"),
            address: format!("addr:{address}"),
            pair: format!("pair:{address}|{username}"),
            device: device_nonce.map(|n| format!("device:{n}")),
        }
    }
}

/// A login attempt that has been counted and may check its password.
pub struct CountedAttempt {
    pub user: Option<UserRow>,
    /// The counter entries of this attempt, forgotten again if it succeeds.
    pub entries: Vec<Id>,
}

/// Login, first step, in one write transaction: 429 while the limits refuse the attempt; else the
/// attempt is counted — before the password is checked, so parallel attempts cannot overtake the
/// count — and the account is read.
pub fn login_begin(
    conn: &mut DbConnection,
    limits: &LoginLimits,
    keys: &LoginKeys,
    username: &str,
) -> Result<CountedAttempt, ApiError> {
    let now = centers_db::now();
    let since = now - limits.window;
    if let Some(device) = &keys.device {
        // A known device: its failures count against it alone; past the limit it is a device
        // like any other (below).
        identity::lock_login_keys(conn, &[device])?;
        let failures = Failures(identity::recent_failures(conn, device, since)?);
        if limits.device_may_try(&failures) {
            let entry = identity::record_failure(conn, device, since)?;
            return Ok(CountedAttempt {
                user: identity::find_user_by_username(conn, username)?,
                entries: vec![entry],
            });
        }
    }
    identity::lock_login_keys(conn, &[&keys.account, &keys.address])?;
    let history = AttemptHistory {
        address: Failures(identity::recent_failures(conn, &keys.address, since)?),
        account: Failures(identity::recent_failures(conn, &keys.account, since)?),
        pair: Failures(identity::recent_failures(conn, &keys.pair, since)?),
    };
    if let Err(refusal) = limits.check(&history, now) {
        return Err(ApiError::TooManyRequests {
            retry_after_secs: refusal.retry_after_secs(),
        });
    }
    let entries = [&keys.account, &keys.address, &keys.pair]
        .into_iter()
        .map(|key| identity::record_failure(conn, key, since))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CountedAttempt {
        user: identity::find_user_by_username(conn, username)?,
        entries,
    })
}

/// Login, last step (after the password was verified off the pool): a token pair, with the
/// attempt's count forgotten; or nothing, the attempt staying counted as a failure.
pub fn login_finish(
    conn: &mut DbConnection,
    jwt: &JwtKeys,
    attempt: CountedAttempt,
    password_ok: bool,
    request_id: Option<String>,
) -> Result<LoginOutcome, ApiError> {
    match attempt.user {
        Some(user) if password_ok && user.deactivated_at.is_none() => {
            identity::forget_failures(conn, &attempt.entries)?;
            let pair = issue_pair(conn, jwt, &user, TokenFamilyId::generate())?;
            writes::record(
                conn,
                &user_context(&user, request_id),
                Write::event(EntityKind::User, user.id, AuditAction::Login),
            )?;
            Ok(LoginOutcome::Ok(pair))
        }
        _ => Ok(LoginOutcome::Failed),
    }
}

/// What a refresh came to. A refusal is an `Ok` so that revoking a reused family commits.
pub enum RefreshOutcome {
    Ok(TokenResponse),
    Refused(&'static str),
}

/// Exchange a refresh token (by its hash) for a new pair; reuse revokes the whole family.
pub fn refresh(
    conn: &mut DbConnection,
    jwt: &JwtKeys,
    hash: &str,
    request_id: Option<String>,
) -> Result<RefreshOutcome, ApiError> {
    let Some(token) = identity::find_refresh_token(conn, hash)? else {
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
    let pair = issue_pair(conn, jwt, &user, token.family_id)?;
    writes::record(
        conn,
        &user_context(&user, request_id),
        Write::event(EntityKind::User, user.id, AuditAction::Refresh),
    )?;
    Ok(RefreshOutcome::Ok(pair))
}

/// End a session (its refresh-token family); with `everywhere`, every session of the account.
pub fn logout(
    conn: &mut DbConnection,
    hash: &str,
    everywhere: bool,
    request_id: Option<String>,
) -> Result<(), ApiError> {
    let token = identity::find_refresh_token(conn, hash)?
        .ok_or_else(|| ApiError::Unauthorized("unknown refresh token".into()))?;
    identity::revoke_family(conn, token.family_id)?;
    if everywhere {
        identity::rotate_stamp(conn, token.user_id)?;
    }
    let user = identity::find_user_by_id(conn, token.user_id)?;
    let ctx = user_context(&user, request_id);
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
}

pub fn serde_urlencoded_form(body: &[u8]) -> Result<ClientTokenRequest, ApiError> {
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

/// An access token for a service client whose credentials match.
pub fn client_token(
    conn: &mut DbConnection,
    jwt: &JwtKeys,
    grant: &ClientTokenRequest,
) -> Result<TokenResponse, ApiError> {
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
    let client = identity::find_client(conn, client_id.into())?
        .filter(|c| c.revoked_at.is_none())
        .filter(|c| constant_time_eq(c.secret_hash.as_bytes(), secret_hash.as_bytes()))
        .ok_or_else(|| ApiError::Unauthorized("invalid client credentials".into()))?;
    let claims = new_claims(
        client.id.to_string(),
        "client",
        client.access.as_str(),
        client.scope_id.to_string(),
        String::new(),
    );
    Ok(TokenResponse {
        access_token: jwt
            .sign(&claims)
            .map_err(|e| ApiError::Internal(format!("cannot sign token: {e}")))?,
        refresh_token: None,
        token_type: "Bearer".into(),
        expires_in: tokens::ACCESS_TTL_SECS,
    })
}

/// Who the caller is, its scope and permissions.
pub fn me(conn: &mut DbConnection, caller: &Caller) -> Result<Me, ApiError> {
    let scope = orgs::find_unscoped(conn, caller.scope_id.into())?.ok_or(ApiError::NotFound)?;
    let display_name = match caller.principal {
        Principal::User(_) => Some(identity::find_user_by_id(conn, caller.id.into())?.display_name),
        Principal::Client(_) => None,
    };
    let (kind, role) = match caller.principal {
        Principal::User(r) => (CallerKind::User, r.as_str()),
        Principal::Client(a) => (CallerKind::Client, a.as_str()),
    };
    Ok(Me {
        id: caller.id,
        kind,
        name: caller.name.clone(),
        display_name,
        role: role.into(),
        scope: ScopeInfo {
            id: scope.id.into(),
            kind: scope.kind,
            name: scope.name,
        },
        permissions: caller.principal.permissions(),
    })
}

/// The caller's stored password hash (to verify the old password off the pool); 403 for clients.
pub fn my_password_hash(conn: &mut DbConnection, caller: &Caller) -> Result<String, ApiError> {
    caller.authorize(Action::ChangeOwnPassword)?;
    Ok(identity::find_user_by_id(conn, caller.id.into())?.password_hash)
}

/// Store the caller's new password (already hashed); other sessions end, a new pair is returned.
pub fn change_my_password(
    conn: &mut DbConnection,
    jwt: &JwtKeys,
    caller: &Caller,
    password_hash: &str,
) -> Result<TokenResponse, ApiError> {
    let user_id = UserId::from(caller.id);
    let user = identity::set_password(conn, user_id, password_hash)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::event(EntityKind::User, user_id, AuditAction::ChangePassword),
    )?;
    issue_pair(conn, jwt, &user, TokenFamilyId::generate())
}
