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

/// An `If-Match` precondition: absent or `*` (any current version), or the entity tags listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfMatch(Option<Vec<String>>);

/// Reads `If-Match`. Any list of tags is accepted as written; a tag this API never issued simply
/// matches no version, so the write is a 412 (RFC 9110 §13.1.1), not a 400.
pub fn if_match_version(req: &HttpRequest) -> Result<IfMatch, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(IfMatch(None));
    };
    // A value that is not even ASCII names no version this API issued: no tag matches (412).
    let Ok(text) = value.to_str().map(str::trim) else {
        return Ok(IfMatch(Some(Vec::new())));
    };
    if text == "*" {
        return Ok(IfMatch(None));
    }
    Ok(IfMatch(Some(
        text.split(',')
            .map(|t| t.trim().trim_start_matches("W/").to_owned())
            .filter(|t| !t.is_empty())
            .collect(),
    )))
}

/// Checks an `If-Match` precondition against the current version: no tag matches → 412.
pub fn check_if_match(expected: &IfMatch, current: i32) -> Result<(), ApiError> {
    match &expected.0 {
        None => Ok(()),
        Some(tags) if tags.iter().any(|t| *t == etag(current)) => Ok(()),
        Some(_) => Err(ApiError::PreconditionFailed),
    }
}

/// The client address for rate limiting: the peer address (a proxy in front should be the only
/// peer; `Forwarded` headers are not trusted because any client can send them).
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderValue;

    fn if_match(value: HeaderValue) -> IfMatch {
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::IF_MATCH, value))
            .to_http_request();
        if_match_version(&req).unwrap()
    }

    #[test]
    fn any_if_match_that_names_no_current_version_is_a_412() {
        for raw in [
            &b"Kh\xc3\xa1"[..],
            b"\"definitely-stale\"",
            b"garbage",
            b"\"7\", \"8\"",
        ] {
            let tags = if_match(HeaderValue::from_bytes(raw).unwrap());
            assert!(matches!(
                check_if_match(&tags, 3),
                Err(ApiError::PreconditionFailed)
            ));
        }
        let listed = if_match(HeaderValue::from_static("\"9\", W/\"3\""));
        assert!(check_if_match(&listed, 3).is_ok());
        assert!(check_if_match(&if_match(HeaderValue::from_static("*")), 3).is_ok());
    }
}
