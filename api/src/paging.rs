//! List conventions of `api.md`: `limit` (default 50, max 500, larger is a 400), opaque keyset
//! `cursor`, `offset`, `sort=field|-field`, `q`, `as_of`; body `{items, next_cursor, total}` and a
//! `Link: <...>; rel="next"` header.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::page_cache::{CachedPage, PageKey};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use centers_db::paging::{CursorKey, Page, PageRequest};
use centers_db::DbConnection;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// The sorts of a list ordered by when its records were made: newest first by default
/// (`-created`), or `created`.
pub const NEWEST_FIRST: &[(&str, ())] = &[("-created", ())];

/// The sort of a list in the order its records were made, oldest first.
pub const OLDEST_FIRST: &[(&str, ())] = &[("created", ())];

/// The sort of a workflow history: its steps in the order they were taken.
pub const IN_STEP_ORDER: &[(&str, ())] = &[("occurred", ())];

/// Paging, sorting and searching parameters common to lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page size, 1–500 (default 50). A larger value is refused, not clamped.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Rows to skip, for simple UIs (ignored with a cursor).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub offset: Option<String>,
    /// Sort field, `-field` for descending.
    pub sort: Option<String>,
    /// Free text; ignores case and Vietnamese diacritics ("quang xuong" finds "Quảng Xương").
    pub q: Option<String>,
    /// Only records valid on this date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
    /// `false` leaves `total` null. By default `total` is answered where it costs no more than
    /// the page: always on lists bounded by their scope, and on the long lists (learners,
    /// classes) from counts kept per organization for their unfiltered form and their common
    /// filters; a free-text or external-id search there answers `total` only with `total=true`
    /// (a count of every matching row).
    #[param(value_type = Option<bool>)]
    pub total: Option<String>,
}

/// The paging parameters of a list that neither searches nor filters by date (a record's history,
/// a class's sessions): what its OpenAPI operation documents. The handler reads [`ListParams`],
/// whose other fields such a list does not document.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–500 (default 50). A larger value is refused, not clamped.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Rows to skip, for simple UIs (ignored with a cursor).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub offset: Option<String>,
    /// Sort field, `-field` for descending.
    pub sort: Option<String>,
    /// `false` leaves `total` null; `true` asks for it where the operation answers it only on
    /// request.
    #[param(value_type = Option<bool>)]
    pub total: Option<String>,
}

/// A parsed page request.
#[derive(Debug, Clone)]
pub struct Paging<S> {
    pub request: centers_db::paging::PageRequest<S>,
    pub sort_name: String,
}

#[derive(Serialize, Deserialize)]
struct CursorPayload {
    s: String,
    k: String,
    i: uuid::Uuid,
}

/// `offset`: absent, or a non-negative integer (else a 400 naming it).
pub fn parse_offset(v: Option<&str>) -> Result<Option<i64>, ApiError> {
    match v {
        None => Ok(None),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad_field("offset", "out_of_range", "must be a non-negative integer")
            }),
    }
}

impl ListParams {
    /// `total=true|false`: (answer it, asked in so many words). Absent answers it where a kept
    /// count can (see `PageRequest::total_kept`).
    fn count(&self) -> Result<(bool, bool), ApiError> {
        match self.total.as_deref().map(str::trim) {
            None => Ok((true, false)),
            Some("true") => Ok((true, true)),
            Some("false") => Ok((false, false)),
            Some(_) => Err(ApiError::bad_field("total", "invalid", "true or false")),
        }
    }

    /// Parses paging; `sorts` maps the allowed sort names to keys, the first is the default (in
    /// the direction its name gives: `-field` descends).
    pub fn paging<S: Copy>(&self, sorts: &[(&str, S)]) -> Result<Paging<S>, ApiError> {
        // Every list documents `as_of`; a malformed one is refused even where it filters nothing.
        self.as_of()?;
        let limit = parse_limit(self.limit.as_deref(), DEFAULT_LIMIT)?;
        let offset = parse_offset(self.offset.as_deref())?;
        let (sort_text, descending) = match self.sort.as_deref().map(str::trim) {
            // The first sort is the default; named `-field`, it descends.
            None => {
                let default = sorts.first().map(|s| s.0).unwrap_or("id");
                match default.strip_prefix('-') {
                    Some(rest) => (rest, true),
                    None => (default, false),
                }
            }
            Some(s) => match s.strip_prefix('-') {
                Some(rest) => (rest, true),
                None => (s.strip_prefix('+').unwrap_or(s), false),
            },
        };
        let sort = sorts
            .iter()
            .find(|(name, _)| name.trim_start_matches('-') == sort_text)
            .map(|(_, key)| *key)
            .ok_or_else(|| {
                let allowed: Vec<&str> =
                    sorts.iter().map(|s| s.0.trim_start_matches('-')).collect();
                ApiError::bad_field(
                    "sort",
                    "invalid_sort",
                    format!(
                        "must be one of {} (prefix - to descend)",
                        allowed.join(", ")
                    ),
                )
            })?;
        let sort_name = format!("{}{sort_text}", if descending { "-" } else { "" });
        let (count, count_asked) = self.count()?;
        let after = match self.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => {
                let payload: CursorPayload = URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    // A cursor is not signed, so its key is input like any other: text the door
                    // refuses in a query (a NUL, which PostgreSQL cannot hold in TEXT, any control
                    // or bidirectional character) is refused here too, and so is a key longer
                    // than any sort value.
                    .filter(|p: &CursorPayload| {
                        p.k.chars().count() <= 1_000
                            && centers_domain::text::refused_char(&p.k).is_none()
                    })
                    .ok_or_else(|| {
                        ApiError::bad_field("cursor", "invalid_cursor", "not a cursor of this API")
                    })?;
                if payload.s != sort_name {
                    return Err(ApiError::bad_field(
                        "cursor",
                        "cursor_sort_mismatch",
                        "the cursor was made for another sort order",
                    ));
                }
                Some(CursorKey {
                    key: payload.k,
                    id: payload.i.into(),
                })
            }
        };
        Ok(Paging {
            request: centers_db::paging::PageRequest {
                limit,
                offset,
                after,
                sort,
                descending,
                count,
                count_asked,
            },
            sort_name,
        })
    }

    /// Like [`ListParams::paging`], for a list whose sort key is an integer (a year): a cursor
    /// whose key is not one is a 400, not a query for year 0 or a 500.
    pub fn paging_by_integer<S: Copy>(&self, sorts: &[(&str, S)]) -> Result<Paging<S>, ApiError> {
        let paging = self.paging(sorts)?;
        if let Some(after) = &paging.request.after {
            if after.key.parse::<i32>().is_err() {
                return Err(ApiError::bad_field(
                    "cursor",
                    "invalid_cursor",
                    "not a cursor of this API",
                ));
            }
        }
        Ok(paging)
    }

    /// Like [`ListParams::paging`], for a list sorted by a timestamp (newest first, say): a
    /// cursor whose key is not one is a 400.
    pub fn paging_by_timestamp<S: Copy>(&self, sorts: &[(&str, S)]) -> Result<Paging<S>, ApiError> {
        let paging = self.paging(sorts)?;
        if let Some(after) = &paging.request.after {
            if centers_db::paging::parse_timestamp_key(&after.key).is_err() {
                return Err(ApiError::bad_field(
                    "cursor",
                    "invalid_cursor",
                    "not a cursor of this API",
                ));
            }
        }
        Ok(paging)
    }

    /// The `as_of` date, if given.
    pub fn as_of(&self) -> Result<Option<NaiveDate>, ApiError> {
        parse_date_param("as_of", self.as_of.as_deref())
    }
}

/// Parses `limit`: absent is `default`; otherwise an integer from 1 to [`MAX_LIMIT`] (a larger
/// value is refused, not clamped).
pub fn parse_limit(v: Option<&str>, default: i64) -> Result<i64, ApiError> {
    match v {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::bad_field(
                    "limit",
                    "out_of_range",
                    format!("must be an integer from 1 to {MAX_LIMIT}"),
                )
            }),
    }
}

/// A date exactly as the spec's `format: date` has it (RFC 3339 `full-date`): `2019-01-01`, not
/// `2019-1-1`, which chrono alone would take.
pub fn iso_date(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped
        .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
}

/// Parses an optional `YYYY-MM-DD` query parameter.
/// A parameter given empty (`as_of=`) is refused like any other invalid value, not read as absent.
pub fn parse_date_param(field: &str, v: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match v.map(str::trim) {
        None => Ok(None),
        Some(v) => iso_date(v)
            .map(Some)
            .ok_or_else(|| ApiError::bad_field(field, "invalid_date", "must be a date YYYY-MM-DD")),
    }
}

/// Parses an optional UUID query parameter.
pub fn parse_uuid_param(field: &str, v: Option<&str>) -> Result<Option<uuid::Uuid>, ApiError> {
    match v.map(str::trim) {
        None => Ok(None),
        Some(v) => uuid::Uuid::parse_str(v)
            .map(Some)
            .map_err(|_| ApiError::bad_field(field, "invalid_id", "must be a UUID")),
    }
}

/// Encodes the cursor for the next page.
pub fn encode_cursor(sort_name: &str, key: &CursorKey) -> String {
    let payload = CursorPayload {
        s: sort_name.to_owned(),
        k: key.key.clone(),
        i: key.id.into(),
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&payload).unwrap_or_default())
}

/// The list body.
#[derive(Debug, Serialize)]
pub struct ListBody<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
    pub total: Option<i64>,
}

/// Serves a page of a list: the page this caller was served for this very URL less than
/// `APP_LIST_CACHE_TTL` ago (nothing written through this instance since), else `read` on the
/// read pool, rendered with its `Link` header and kept (`crate::page_cache` says why it is safe).
/// Called after the parameters are checked: errors are never kept.
pub async fn serve_list<S, T, F>(
    state: &AppState,
    req: &HttpRequest,
    caller: Caller,
    paging: Paging<S>,
    read: F,
) -> Result<HttpResponse, ApiError>
where
    S: Send + 'static,
    T: Serialize + Send + 'static,
    F: FnOnce(&mut DbConnection, &Caller, &PageRequest<S>) -> Result<Page<T>, ApiError>
        + Send
        + 'static,
{
    let key = PageKey {
        caller: caller.id,
        principal: caller.principal,
        scope_path: caller.scope_path.clone(),
        uri: req
            .uri()
            .path_and_query()
            .map_or_else(|| req.path().to_owned(), |pq| pq.as_str().to_owned()),
    };
    if !wants_fresh(req) {
        if let Some(page) = state.pages.get(&key) {
            return Ok(page_response(req, &page, true));
        }
    }
    let generation = state.pages.generation();
    let Paging { request, sort_name } = paging;
    let flight = (key.clone(), generation);
    let page = state
        .pages
        .flights
        .run(flight, || async {
            let page = state
                .read(move |conn| read(conn, &caller, &request))
                .await?;
            let next_cursor = page.next.as_ref().map(|k| encode_cursor(&sort_name, k));
            let link = next_cursor.as_deref().map(|c| next_link(req, c));
            let body = serde_json::to_vec(&ListBody {
                items: page.items,
                next_cursor,
                total: page.total,
            })
            .map_err(|e| ApiError::Internal(format!("list body: {e}")))?;
            Ok(CachedPage::new(link, Bytes::from(body)))
        })
        .await?;
    state.pages.put(generation, key, Arc::clone(&page));
    Ok(page_response(req, &page, false))
}

/// Serves a list whose parent bounds it (a record's history, a class's sessions, a plan's lines,
/// the province's clients): `read` returns it whole and it is paged in memory
/// ([`centers_db::paging::page_whole`]) by its one sort, `sort` (`-field` descends by default;
/// the same constant the routes module registers in its `RESOURCE`),
/// with the same `limit`, `cursor`, `next_cursor` and `Link` as every list. Cursors are keyed by
/// `key_of` — a record's own sort value and id, never its position — so a walk stays exact when
/// records are added or removed between pages.
pub async fn serve_whole<T, F, K>(
    state: &AppState,
    req: &HttpRequest,
    caller: Caller,
    params: &ListParams,
    sort: &'static [(&'static str, ())],
    read: F,
    key_of: K,
) -> Result<HttpResponse, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&mut DbConnection, &Caller) -> Result<Vec<T>, ApiError> + Send + 'static,
    K: Fn(&T) -> CursorKey + Send + 'static,
{
    let paging = params.paging(sort)?;
    serve_list(state, req, caller, paging, move |conn, caller, page| {
        Ok(centers_db::paging::page_whole(
            read(conn, caller)?,
            page,
            key_of,
        ))
    })
    .await
}

/// Serves a workflow history ([`IN_STEP_ORDER`]), read whole by `read`.
pub async fn serve_history<F>(
    state: &AppState,
    req: &HttpRequest,
    caller: Caller,
    params: &ListParams,
    read: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(
            &mut DbConnection,
            &Caller,
        ) -> Result<Vec<crate::services::workflow::WorkflowTransition>, ApiError>
        + Send
        + 'static,
{
    serve_whole(state, req, caller, params, IN_STEP_ORDER, read, |t| {
        at_key(t.occurred_at, t.id)
    })
    .await
}

/// A cursor key of a record sorted by a timestamp.
pub fn at_key(at: chrono::DateTime<chrono::Utc>, id: impl Into<uuid::Uuid>) -> CursorKey {
    CursorKey {
        key: centers_db::paging::timestamp_key(at.naive_utc()),
        id: id.into().into(),
    }
}

/// A cursor key of a record sorted by text (a date in ISO form sorts as the date).
pub fn text_key(key: impl ToString, id: impl Into<uuid::Uuid>) -> CursorKey {
    CursorKey {
        key: key.to_string(),
        id: id.into().into(),
    }
}

/// `Cache-Control: no-cache`, `no-store` or `max-age=0` on the request: the client wants the
/// page computed now, not served again.
fn wants_fresh(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::CACHE_CONTROL)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|d| d.trim().to_ascii_lowercase())
        .any(|d| d == "no-cache" || d == "no-store" || d == "max-age=0")
}

/// A page as JSON with its `Link` header, gzip-compressed when the client accepts it (`Vary:
/// Accept-Encoding` either way); a page served again says how old it is (`Age`, seconds).
fn page_response(req: &HttpRequest, page: &CachedPage, again: bool) -> HttpResponse {
    let mut builder = HttpResponse::Ok();
    builder
        .content_type("application/json")
        .append_header((header::VARY, "Accept-Encoding"));
    if let Some(link) = &page.link {
        builder.insert_header(("Link", link.as_str()));
    }
    if again {
        builder.insert_header((header::AGE, page.stored_at.elapsed().as_secs().to_string()));
    }
    let gzip = if accepts_gzip(req) { page.gzip() } else { None };
    match gzip {
        Some(gzip) => builder
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(gzip.clone()),
        None => builder.body(page.body.clone()),
    }
}

/// Whether `Accept-Encoding` names gzip (or `*`) without `q=0`.
fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// The `Link` header value for the next page: the request's own URL with `cursor` replaced and
/// `offset` dropped.
pub fn next_link(req: &HttpRequest, cursor: &str) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        if k != "cursor" && k != "offset" {
            query.append_pair(&k, &v);
        }
    }
    query.append_pair("cursor", cursor);
    format!("<{}?{}>; rel=\"next\"", req.path(), query.finish())
}

/// Declares a concrete list body type for the OpenAPI document.
#[macro_export]
macro_rules! list_schema {
    ($name:ident, $item:ty) => {
        #[doc = concat!("A page of ", stringify!($item), ".")]
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` to read the next page; null on the last page.
            pub next_cursor: Option<String>,
            /// How many records match the filters, over all pages; null with `total=false`.
            pub total: Option<i64>,
        }
    };
}
