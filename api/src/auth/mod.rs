//! Authentication (who is calling) and authorization (may they do this, here).
//!
//! [`Caller`] is extracted from the bearer token on every protected route: the JWT is verified
//! (algorithm pinned, every claim checked), then the account is read to check that it is still
//! active and that its security stamp has not changed. Handlers then state what they need with
//! [`Caller::authorize`] (one call, a typed [`Action`] carrying the facts it needs); *where* is
//! enforced in the queries, which all require the caller's [`Caller::scope`].

pub mod cache;
pub mod device;
pub mod passwords;
pub mod tokens;

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use centers_db::audit::{Actor, AuditContext};
use centers_db::identity;
use centers_db::Scope;
use centers_domain::access::{Action, ClientAccess, Permission, Principal, Role};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    pub id: Uuid,
    /// Username, or client name.
    pub name: String,
    pub scope_id: Uuid,
    /// Materialized path of the scope organization; the caller sees rows under it.
    pub scope_path: String,
    pub scope_kind: centers_domain::organizations::OrganizationKind,
    pub request_id: Option<String>,
}

impl Caller {
    /// The caller an account's stored state makes: its role or access, scope and name as they
    /// are now (a token's claims are checked against them first; a webhook's owner is read
    /// again before each delivery).
    pub fn of_subject(id: Uuid, subject: identity::Subject, request_id: Option<String>) -> Caller {
        Caller {
            principal: subject.principal,
            id,
            name: subject.name,
            scope_id: subject.scope_id.into(),
            scope_path: subject.scope_path,
            scope_kind: subject.scope_kind,
            request_id,
        }
    }

    /// The one authorization call: 403 unless the caller may do `action`. (404 for records
    /// outside the scope comes from the scoped queries, before the facts are known.)
    pub fn authorize(&self, action: Action) -> Result<(), ApiError> {
        self.principal
            .authorize(action)
            .map_err(|refusal| ApiError::Forbidden(refusal.0))
    }

    /// Shorthand for `authorize(Action::Use(permission))`.
    pub fn require_permission(&self, permission: Permission) -> Result<(), ApiError> {
        self.authorize(Action::Use(permission))
    }

    /// The subtree this caller sees; every scoped query requires it.
    pub fn scope(&self) -> Scope {
        Scope::of_path(self.scope_path.clone())
    }

    /// The caller's id as a user id (a client's id never matches a user row).
    pub fn user_id(&self) -> centers_db::UserId {
        centers_db::UserId(self.id)
    }

    /// The province the caller belongs to: the root of its scope path.
    pub fn province_id(&self) -> Result<Uuid, ApiError> {
        self.scope_path
            .split('/')
            .find(|s| !s.is_empty())
            .and_then(|s| Uuid::parse_str(s).ok())
            .ok_or_else(|| ApiError::Internal("scope path without a root".into()))
    }

    /// The user's role, if the caller is a user.
    pub fn role(&self) -> Option<Role> {
        match self.principal {
            Principal::User(r) => Some(r),
            Principal::Client(_) => None,
        }
    }

    /// The audit context of writes made by this caller.
    pub fn audit(&self) -> AuditContext {
        let actor = match self.principal {
            Principal::User(_) => Actor::User {
                id: self.id.into(),
                username: self.name.clone(),
            },
            Principal::Client(_) => Actor::Client {
                id: self.id.into(),
                name: self.name.clone(),
            },
        };
        AuditContext {
            actor,
            request_id: self.request_id.clone(),
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .ok_or_else(|| ApiError::Unauthorized("a bearer token is required".into()))?;
    let value = header
        .to_str()
        .map_err(|_| ApiError::Unauthorized("malformed Authorization header".into()))?;
    let (scheme, token) = value
        .split_once(' ')
        .ok_or_else(|| ApiError::Unauthorized("malformed Authorization header".into()))?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthorized(
            "the Authorization header must be `Bearer <token>`".into(),
        ));
    }
    Ok(token.trim().to_owned())
}

/// Authenticates the bearer token of `req` fully: signature and claims, then the account (still
/// active, security stamp unchanged, role and scope as signed). Used by the [`Caller`] extractor
/// and by middleware that must know the caller before the route runs (idempotent replays); the
/// result is kept in the request's extensions so it is read once.
pub async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    if let Some(caller) = req.extensions().get::<Caller>() {
        return Ok(caller.clone());
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
    let token = bearer_token(req)?;
    let request_id = crate::error::current_request_id();
    let claims = state.jwt.verify(&token).map_err(|e| {
        tracing::debug!(error = %e, "token refused");
        ApiError::Unauthorized("the token is invalid or expired".into())
    })?;
    let subject = Uuid::parse_str(&claims.sub)
        .map_err(|_| ApiError::Unauthorized("the token is invalid".into()))?;
    let principal = match claims.typ.as_str() {
        "user" => Principal::User(
            claims
                .role
                .parse()
                .map_err(|_| ApiError::Unauthorized("the token is invalid".into()))?,
        ),
        "client" => Principal::Client(
            claims
                .role
                .parse::<ClientAccess>()
                .map_err(|_| ApiError::Unauthorized("the token is invalid".into()))?,
        ),
        _ => return Err(ApiError::Unauthorized("the token is invalid".into())),
    };
    let is_user = matches!(principal, Principal::User(_));
    let stamp = claims.stamp.clone();
    let active = match state.subjects.get(is_user, subject) {
        Some(cached) => Some(cached),
        None => {
            let generation = state.subjects.generation();
            let read = state
                .db(move |conn| {
                    Ok(if is_user {
                        identity::active_user_subject(conn, subject.into())?
                    } else {
                        identity::active_client_subject(conn, subject.into())?
                    })
                })
                .await?;
            if let Some(s) = &read {
                state.subjects.put(generation, is_user, subject, s.clone());
            }
            read
        }
    };
    let subject_row = active
        .filter(|s| {
            // Clients have no stamp to compare: revocation is their kill switch.
            !is_user || s.security_stamp == stamp
        })
        .filter(|s| s.principal == principal && s.scope_id.0.to_string() == claims.scope)
        .ok_or_else(|| ApiError::Unauthorized("the token has been revoked".into()))?;
    let caller = Caller::of_subject(subject, subject_row, request_id);
    req.extensions_mut().insert(caller.clone());
    Ok(caller)
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate(&req).await })
    }
}
