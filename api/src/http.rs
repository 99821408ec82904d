//! Small HTTP helpers: RFC 3339 times, ETags, conditional requests.

use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

/// A stored UTC timestamp as an RFC 3339 instant.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t)
}

/// The entity tag of a record version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// A 200 with `ETag`, or a 304 when `If-None-Match` already names this version.
pub fn etag_response<T: Serialize>(req: &HttpRequest, version: i32, body: &T) -> HttpResponse {
    let tag = etag(version);
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if not_modified {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .finish();
    }
    HttpResponse::Ok()
        .insert_header((header::ETAG, tag))
        .json(body)
}

/// A response with the given status, `ETag` and JSON body.
pub fn with_etag<T: Serialize>(
    status: actix_web::http::StatusCode,
    version: i32,
    body: &T,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag(version)))
        .json(body)
}

/// The version named by `If-Match`, if the header is present. `*` matches any version.
pub fn if_match_version(req: &HttpRequest) -> Result<Option<i32>, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| ApiError::bad_field("If-Match", "invalid", "not a valid entity tag"))?
        .trim();
    if text == "*" {
        return Ok(None);
    }
    text.trim_start_matches("W/")
        .trim_matches('"')
        .parse::<i32>()
        .map(Some)
        .map_err(|_| {
            ApiError::bad_field(
                "If-Match",
                "invalid",
                "must be an ETag this API returned, e.g. \"3\"",
            )
        })
}

/// Checks an `If-Match` precondition against the current version: mismatch is a 412.
pub fn check_if_match(expected: Option<i32>, current: i32) -> Result<(), ApiError> {
    match expected {
        Some(v) if v != current => Err(ApiError::PreconditionFailed),
        _ => Ok(()),
    }
}

/// The client address for rate limiting: the peer address (a proxy in front should be the only
/// peer; `Forwarded` headers are not trusted because any client can send them).
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
