//! `Idempotency-Key` on POST: the same caller sending the same key and the same request within
//! 24 hours gets the first response again (with `Idempotent-Replayed: true`) and nothing is done
//! twice; the same key with another request is a 422; a key whose first request is still running
//! is a 409. Keys are per caller (user or service client) and kept in the database, so every
//! instance behind a load balancer honours them.
//!
//! The caller is authenticated fully (token, account active, security stamp, revocation) before a
//! key is looked at: a revoked token never gets a replay. A response that carries a secret (a
//! client secret, a token pair — see `http::CarriesSecret`) is never stored: its key is marked
//! used, and sending it again is a 409 saying so (re-executing would create a second client or a
//! second session). The token endpoints (`/auth/...`) ignore the header altogether: a login or a
//! refresh is never replayed.

use crate::error::ApiError;
use crate::http::CarriesSecret;
use crate::state::AppState;
use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::HttpMessage;
use actix_web::{web, HttpResponse, ResponseError};
use centers_db::idempotency::{self, Claim};
use centers_db::Id;
use futures_util::future::{ready, LocalBoxFuture, Ready};
use sha2::{Digest, Sha256};
use std::rc::Rc;

/// How long a key is remembered.
pub const KEY_TTL_HOURS: i64 = 24;
/// The response headers kept with a stored response.
const KEPT_HEADERS: [&str; 3] = ["content-type", "etag", "location"];

/// The middleware factory.
pub struct Idempotency;

impl<S, B> Transform<S, ServiceRequest> for Idempotency
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Transform = IdempotencyMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(IdempotencyMiddleware {
            service: Rc::new(service),
        }))
    }
}

pub struct IdempotencyMiddleware<S> {
    service: Rc<S>,
}

/// Paths whose POSTs are never replayed: they hand out tokens.
const EXCLUDED_PREFIX: &str = "/api/v1/auth/";

fn problem_response(req: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    let (req, _) = req.into_parts();
    ServiceResponse::new(req, error.error_response())
}

impl<S, B> Service<ServiceRequest> for IdempotencyMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self::Response, Self::Error>>;

    forward_ready!(service);

    fn call(&self, mut req: ServiceRequest) -> Self::Future {
        let service = Rc::clone(&self.service);
        Box::pin(async move {
            let key = req
                .headers()
                .get("idempotency-key")
                .map(|v| v.to_str().map(str::to_owned));
            let state = req.app_data::<web::Data<AppState>>().cloned();
            let applies = req.method() == Method::POST && !req.path().starts_with(EXCLUDED_PREFIX);
            let (Some(key), Some(state), true) = (key, state, applies) else {
                return service
                    .call(req)
                    .await
                    .map(ServiceResponse::map_into_boxed_body);
            };
            let key = match key {
                Ok(k)
                    if (1..=255).contains(&k.len())
                        && k.bytes().all(|b| (0x21..0x7f).contains(&b)) =>
                {
                    k
                }
                _ => {
                    let e = ApiError::bad_field(
                        "Idempotency-Key",
                        "invalid",
                        "1–255 visible ASCII characters",
                    );
                    return Ok(problem_response(req, e));
                }
            };
            // Full authentication before any key is read; a refusal is the route's own 401.
            let actor: Id = match crate::auth::authenticate(req.request()).await {
                Ok(caller) => caller.id.into(),
                Err(e) => return Ok(problem_response(req, e)),
            };
            // Read the body as sent (still encoded) to fingerprint the request, then hand it back
            // to the route, whose extractor decodes it and applies its own limit. The routing has
            // not happened yet, so a route's larger limit (imports) is chosen here by path.
            let limit = if req.path() == crate::services::imports::IMPORT_PATH {
                crate::services::imports::IMPORT_BODY_LIMIT
            } else {
                state.settings.body_limit
            };
            let bytes = match crate::extract::read_raw(req.take_payload(), limit).await {
                Ok(b) => b,
                Err(e) => return Ok(problem_response(req, e)),
            };
            let mut hasher = Sha256::new();
            hasher.update(req.method().as_str());
            hasher.update(b" ");
            hasher.update(req.uri().to_string());
            hasher.update(b"\n");
            hasher.update(&bytes);
            let hash = hex::encode(hasher.finalize());
            req.set_payload(actix_web::dev::Payload::from(bytes));

            let expired_before = centers_db::now() - chrono::Duration::hours(KEY_TTL_HOURS);
            let (claim_key, claim_hash) = (key.clone(), hash.clone());
            let claim = state
                .write_plain(move |conn| {
                    Ok(idempotency::claim(
                        conn,
                        actor,
                        &claim_key,
                        &claim_hash,
                        expired_before,
                    )?)
                })
                .await;
            let claim_id = match claim {
                Err(e) => return Ok(problem_response(req, e)),
                Ok(Claim::Existing(row)) if row.request_hash != hash => {
                    let e = ApiError::invalid_field(
                        "Idempotency-Key",
                        "key_reused",
                        "this key was used for a different request",
                    );
                    return Ok(problem_response(req, e));
                }
                Ok(Claim::Existing(row)) => {
                    let Some(status) = row.response_status else {
                        let e = ApiError::conflict(
                            "a request with this Idempotency-Key is still in progress",
                        );
                        return Ok(problem_response(req, e));
                    };
                    let Some(body) = row.response_body else {
                        let e = ApiError::conflict(
                            "this Idempotency-Key was used and its request was done; its response \
                             carried a secret, which is not kept — read the result instead",
                        );
                        return Ok(problem_response(req, e));
                    };
                    return Ok(replay(req, status, row.response_headers, body));
                }
                Ok(Claim::Claimed(id)) => id,
            };

            let res = service.call(req).await?;
            let status = res.status();
            let withheld = res.response().extensions().get::<CarriesSecret>().is_some();
            let (http_req, res) = res.into_parts();
            let (head, body) = res.into_parts();
            let body_bytes = body::to_bytes(body).await.map_err(|e| {
                actix_web::error::ErrorInternalServerError(format!("response body: {}", e.into()))
            })?;
            let kept: Vec<(String, String)> = KEPT_HEADERS
                .iter()
                .filter_map(|name| {
                    head.headers()
                        .get(*name)
                        .and_then(|v| v.to_str().ok())
                        .map(|v| ((*name).to_owned(), v.to_owned()))
                })
                .collect();
            let text = (!withheld).then(|| String::from_utf8_lossy(&body_bytes).into_owned());
            let headers_json = serde_json::to_string(&kept).unwrap_or_default();
            let code = i32::from(status.as_u16());
            // Server faults are not remembered: the client may retry with the same key.
            let stored = state
                .write_plain(move |conn| {
                    if code >= 500 {
                        idempotency::release(conn, claim_id)?;
                    } else {
                        idempotency::complete(
                            conn,
                            claim_id,
                            code,
                            &headers_json,
                            text.as_deref(),
                        )?;
                    }
                    Ok(())
                })
                .await;
            if let Err(e) = stored {
                tracing::warn!(error = %e, "idempotency key not stored");
            }
            let response = head.set_body(BoxBody::new(body_bytes));
            Ok(ServiceResponse::new(http_req, response))
        })
    }
}

/// The stored response, marked as replayed.
fn replay(
    req: ServiceRequest,
    status: i32,
    headers: Option<String>,
    body: String,
) -> ServiceResponse<BoxBody> {
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut builder = HttpResponse::build(status);
    let pairs: Vec<(String, String)> = headers
        .and_then(|h| serde_json::from_str(&h).ok())
        .unwrap_or_default();
    for (name, value) in pairs {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::from_str(&value)) {
            builder.insert_header((n, v));
        }
    }
    builder.insert_header(("Idempotent-Replayed", "true"));
    let (req, _) = req.into_parts();
    ServiceResponse::new(req, builder.body(body))
}
