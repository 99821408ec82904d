//! Small HTTP helpers: RFC 3339 times, ETags, conditional requests.

use crate::config::IpNetwork;
use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use std::net::IpAddr;

/// A stored UTC timestamp as an RFC 3339 instant.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t)
}

/// The entity tag of a record version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// Whether `If-None-Match` names `tag` (or is `*`). The comparison is weak (RFC 9110 §13.1.2):
/// `W/"3"` names the same version as `"3"`.
pub fn none_match(req: &HttpRequest, tag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').map(str::trim).any(|t| {
                t == "*" || t.strip_prefix("W/").unwrap_or(t) == tag.trim_start_matches("W/")
            })
        })
}

/// The media ranges of an `Accept` value with their weights; a range that cannot be read is
/// left out (RFC 9110 §12.5.1 lets a server ignore what it cannot parse).
fn media_ranges(accept: Option<&str>) -> Vec<(&str, &str, f32)> {
    accept
        .unwrap_or("")
        .split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let (kind, sub) = parts.next()?.trim().split_once('/')?;
            let (kind, sub) = (kind.trim(), sub.trim());
            if kind.is_empty() || sub.is_empty() {
                return None;
            }
            let weight = parts
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .map_or(Some(1.0), |(_, q)| q.trim().parse::<f32>().ok())?;
            Some((kind, sub, weight.clamp(0.0, 1.0)))
        })
        .collect()
}

/// The weight `ranges` give `media`: that of the most specific range matching it (`text/csv`
/// over `text/*` over `*/*`), 0 when none does; 1 when there are no ranges at all.
fn weight(ranges: &[(&str, &str, f32)], media: &str) -> f32 {
    if ranges.is_empty() {
        return 1.0;
    }
    let (kind, sub) = media.split_once('/').unwrap_or((media, ""));
    ranges
        .iter()
        .filter_map(|&(k, s, q)| {
            let specificity = match (k, s) {
                ("*", "*") => 1,
                (k, "*") if k.eq_ignore_ascii_case(kind) => 2,
                (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(sub) => 3,
                _ => return None,
            };
            Some((specificity, q))
        })
        .max_by_key(|&(specificity, _)| specificity)
        .map_or(0.0, |(_, q)| q)
}

/// The representation a request's `Accept` prefers among `offered` (RFC 9110 §12.5.1): the
/// highest weight above zero wins, ties in the order offered. No `Accept`, or one with no
/// readable range, accepts anything: the first offered. `None` when nothing offered is
/// acceptable — a 406.
pub fn negotiate(accept: Option<&str>, offered: &[&'static str]) -> Option<&'static str> {
    let ranges = media_ranges(accept);
    let mut best: Option<(&'static str, f32)> = None;
    for &media in offered {
        let w = weight(&ranges, media);
        if w > 0.0 && best.is_none_or(|(_, b)| w > b) {
            best = Some((media, w));
        }
    }
    best.map(|(media, _)| media)
}

/// Whether `Accept` admits `media` (a `Content-Type`; its parameters are not compared).
pub fn accepts(accept: Option<&str>, media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or(media).trim();
    weight(&media_ranges(accept), essence) > 0.0
}

/// The representation of `offered` this request accepts, or the 406 that names them.
pub fn representation(
    req: &HttpRequest,
    offered: &[&'static str],
) -> Result<&'static str, ApiError> {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    negotiate(accept, offered)
        .ok_or_else(|| ApiError::NotAcceptable(offered.iter().map(|m| (*m).to_owned()).collect()))
}

/// A 200 with `ETag`, or a 304 when `If-None-Match` already names this version.
pub fn etag_response<T: Serialize>(req: &HttpRequest, version: i32, body: &T) -> HttpResponse {
    let tag = etag(version);
    if none_match(req, &tag) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .finish();
    }
    HttpResponse::Ok()
        .insert_header((header::ETAG, tag))
        .json(body)
}

/// Marks a response that carries a secret (a token pair, a client secret): never cached
/// (`Cache-Control: no-store`) and never kept for an `Idempotency-Key` replay.
#[derive(Debug, Clone, Copy)]
pub struct CarriesSecret;

/// A JSON response carrying a secret (see [`CarriesSecret`]).
pub fn secret_response<T: Serialize>(
    status: actix_web::http::StatusCode,
    body: &T,
) -> HttpResponse {
    let mut response = HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body);
    response.extensions_mut().insert(CarriesSecret);
    response
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

/// The client address for rate limiting and logs: the peer address, unless the peer is a trusted
/// proxy (`APP_TRUSTED_PROXIES`). Then the forwarding chain (`Forwarded`, else `X-Forwarded-For`)
/// is read from the right — the entries nearest us, written by proxies we trust — and the first
/// address that is not itself a trusted proxy is the client. Anything a client wrote further left
/// is never believed, and headers from an untrusted peer are ignored entirely.
pub fn client_address(req: &HttpRequest, trusted: &[IpNetwork]) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".into();
    };
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return peer.to_string();
    }
    let chain = forwarded_chain(req);
    let mut client = peer;
    for hop in chain.iter().rev() {
        match hop {
            Some(ip) => {
                client = *ip;
                if !is_trusted(*ip) {
                    break;
                }
            }
            // An entry we cannot read (obfuscated, "unknown", garbage) ends the trust chain.
            None => break,
        }
    }
    client.to_string()
}

/// The `for=` addresses of `Forwarded` (RFC 7239), or else those of `X-Forwarded-For`, left to
/// right across every header line; `None` for an entry that is not an IP address.
fn forwarded_chain(req: &HttpRequest) -> Vec<Option<IpAddr>> {
    let lines = |name| {
        req.headers()
            .get_all(name)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let forwarded = lines(header::FORWARDED);
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (k, v) = pair.split_once('=')?;
                    k.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| parse_node(v.trim().trim_matches('"')))
                })
            })
            .collect();
    }
    lines(header::HeaderName::from_static("x-forwarded-for"))
        .iter()
        .map(|v| parse_node(v))
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`, `::1`.
fn parse_node(v: &str) -> Option<IpAddr> {
    if let Ok(ip) = v.parse() {
        return Some(ip);
    }
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split_once(']').and_then(|(ip, _)| ip.parse().ok());
    }
    v.rsplit_once(':').and_then(|(ip, _)| ip.parse().ok())
}

/// The request's media type, without parameters, in lower case (`""` when absent).
pub fn media_type(req: &actix_web::HttpRequest) -> String {
    req.headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = "application/json";
    const CSV: &str = "text/csv";

    #[test]
    fn negotiation_follows_the_weights_and_the_most_specific_range() {
        let offered = [JSON, CSV];
        assert_eq!(negotiate(None, &offered), Some(JSON));
        assert_eq!(negotiate(Some(""), &offered), Some(JSON));
        assert_eq!(negotiate(Some("*/*"), &offered), Some(JSON));
        assert_eq!(negotiate(Some("text/csv"), &offered), Some(CSV));
        assert_eq!(
            negotiate(Some("TEXT/CSV; charset=utf-8"), &offered),
            Some(CSV)
        );
        assert_eq!(negotiate(Some("text/*"), &offered), Some(CSV));
        assert_eq!(
            negotiate(Some("application/json;q=0.5, text/csv"), &offered),
            Some(CSV)
        );
        // Ties go to the order offered.
        assert_eq!(
            negotiate(Some("text/csv, application/json"), &offered),
            Some(JSON)
        );
        // The most specific range decides: */* allows, application/json;q=0 forbids.
        assert_eq!(
            negotiate(Some("*/*, application/json;q=0"), &offered),
            Some(CSV)
        );
        assert_eq!(negotiate(Some("application/pdf"), &offered), None);
        assert_eq!(negotiate(Some("*/*;q=0"), &offered), None);
        // A range that cannot be read is ignored; with none readable, anything goes.
        assert_eq!(negotiate(Some("json"), &offered), Some(JSON));
        assert_eq!(negotiate(Some("json, text/csv"), &offered), Some(CSV));
        assert_eq!(
            negotiate(Some("text/csv;q=x, application/json"), &offered),
            Some(JSON)
        );
        assert!(accepts(Some("text/*"), "text/csv; charset=utf-8"));
        assert!(!accepts(Some("application/pdf"), "application/json"));
        assert!(accepts(None, "application/json"));
    }
    use actix_web::http::header::HeaderValue;

    fn if_match(value: HeaderValue) -> IfMatch {
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::IF_MATCH, value))
            .to_http_request();
        if_match_version(&req).unwrap()
    }

    fn address(peer: &str, headers: &[(&str, &str)], trusted: &[&str]) -> String {
        let mut req = actix_web::test::TestRequest::default().peer_addr(peer.parse().unwrap());
        for (k, v) in headers {
            req = req.append_header((*k, *v));
        }
        let trusted: Vec<IpNetwork> = trusted.iter().map(|t| t.parse().unwrap()).collect();
        client_address(&req.to_http_request(), &trusted)
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let xff = [("X-Forwarded-For", "6.6.6.6, 203.0.113.9")];
        // Untrusted peer: its headers are the client's own words.
        assert_eq!(address("198.51.100.1:9", &xff, &[]), "198.51.100.1");
        assert_eq!(
            address("198.51.100.1:9", &xff, &["10.0.0.0/8"]),
            "198.51.100.1"
        );
        // Trusted peer: the rightmost address it did not itself forward for.
        assert_eq!(address("10.0.0.2:9", &xff, &["10.0.0.0/8"]), "203.0.113.9");
        let chain = [("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.7")];
        assert_eq!(
            address("10.0.0.2:9", &chain, &["10.0.0.0/8"]),
            "203.0.113.9"
        );
        let fwd = [(
            "Forwarded",
            "for=\"[2001:db8::7]:443\";proto=https, for=10.0.0.5",
        )];
        assert_eq!(address("10.0.0.2:9", &fwd, &["10.0.0.0/8"]), "2001:db8::7");
        // Garbage ends the chain at the last trusted hop.
        let bad = [("X-Forwarded-For", "203.0.113.9, nonsense")];
        assert_eq!(address("10.0.0.2:9", &bad, &["10.0.0.0/8"]), "10.0.0.2");
        assert_eq!(address("10.0.0.2:9", &[], &["10.0.0.0/8"]), "10.0.0.2");
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
