//! Request extractors that report problems the API's way.

use crate::error::{ApiError, FieldError};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use centers_domain::text::{nfc, refused_char};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

/// A JSON request body. Unlike actix's own, a bad body names the field at fault, with its full path
/// (`lines[2].quarter`), and a wrong content type is a 415.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| {
                let v = v.trim().to_ascii_lowercase();
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            })
            .unwrap_or(false);
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType);
            }
            let bytes = bytes.await.map_err(body_error)?;
            parse_json(&bytes).map(Json)
        })
    }
}

/// A raw request body, with the API's errors: 413 over the limit, 408 when the client does not
/// send it within `APP_BODY_TIMEOUT`, else 400.
#[derive(Debug)]
pub struct Body(pub web::Bytes);

impl FromRequest for Body {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move { bytes.await.map(Body).map_err(body_error) })
    }
}

/// Reads a body as it arrives (no decoding), refusing more than `limit` bytes with a 413.
pub async fn read_raw(mut payload: Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    use futures_util::StreamExt;
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| body_error(e.into()))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The API's error for a body that could not be read.
pub fn body_error(e: actix_web::Error) -> ApiError {
    use actix_web::error::PayloadError;
    match e.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) => ApiError::PayloadTooLarge,
        Some(PayloadError::Io(io)) if io.kind() == std::io::ErrorKind::TimedOut => {
            ApiError::RequestTimeout
        }
        Some(PayloadError::Io(io)) if io.kind() == std::io::ErrorKind::Interrupted => {
            ApiError::Interrupted
        }
        _ => ApiError::BadRequest {
            detail: "the request body cannot be read".into(),
            errors: Vec::new(),
        },
    }
}

/// Gives a request's body a deadline: a client that announces a body and then sends it slowly (or
/// not at all) gets a 408 when `timeout` has passed since the request arrived, instead of holding
/// a worker's connection open. (actix's own `client_request_timeout` covers only the head.) And
/// when the instance stopping runs out of time (`stop`'s cut), a body still arriving ends with a
/// 503 `interrupted`: the request did nothing yet, the client sends it again elsewhere.
pub fn with_body_deadline(
    req: &mut actix_web::dev::ServiceRequest,
    timeout: std::time::Duration,
    stop: Option<std::sync::Arc<crate::stopping::StopSignal>>,
) {
    use actix_web::HttpMessage;
    let payload = req.take_payload();
    if matches!(payload, Payload::None) {
        return;
    }
    let stream = DeadlinePayload {
        inner: payload,
        deadline: Box::pin(actix_web::rt::time::sleep(timeout)),
        cut: stop.map(|stop| {
            Box::pin(async move { stop.cut_off().await })
                as std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>
        }),
        expired: false,
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(stream),
    });
}

struct DeadlinePayload {
    inner: Payload,
    deadline: std::pin::Pin<Box<actix_web::rt::time::Sleep>>,
    cut: Option<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>>,
    expired: bool,
}

impl futures_util::Stream for DeadlinePayload {
    type Item = Result<web::Bytes, actix_web::error::PayloadError>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::future::Future;
        use std::task::Poll;
        if self.expired {
            return Poll::Ready(None);
        }
        if let Poll::Ready(item) = std::pin::Pin::new(&mut self.inner).poll_next(cx) {
            return Poll::Ready(item);
        }
        if self.deadline.as_mut().poll(cx).is_ready() {
            self.expired = true;
            let timed_out = std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body was not received in time",
            );
            return Poll::Ready(Some(Err(actix_web::error::PayloadError::Io(timed_out))));
        }
        if let Some(cut) = self.cut.as_mut() {
            if cut.as_mut().poll(cx).is_ready() {
                self.expired = true;
                let interrupted = std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "the instance stopped before the body arrived",
                );
                return Poll::Ready(Some(Err(actix_web::error::PayloadError::Io(interrupted))));
            }
        }
        Poll::Pending
    }
}

/// The longest string a JSON body may hold anywhere (the longest field takes 20,000 characters).
const MAX_TEXT_CHARS: usize = 100_000;

/// Walks a parsed body once, before it is typed: a number with no fractional part is an integer
/// (JSON Schema counts `2040.0` as one, so the contract says it is accepted), and text may hold no
/// control character but tab, line feed and carriage return — NUL would be refused by PostgreSQL
/// as a 500 and stored by SQLite. One rule for every text field, at the parsing layer.
fn normalize_body(value: &mut serde_json::Value, path: &mut Vec<String>) -> Result<(), ApiError> {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| !n.is_i64() && !n.is_u64()) {
                // Exactly representable integers only (|f| < 2^53).
                if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                    #[expect(clippy::cast_possible_truncation, reason = "integral and in range")]
                    let i = f as i64;
                    *value = Value::from(i);
                }
            }
        }
        Value::String(text) => {
            let field = || {
                if path.is_empty() {
                    "body".to_owned()
                } else {
                    path.join(".").replace(".[", "[")
                }
            };
            // Longer than any field of any body takes (the longest, 20,000 characters): refused
            // before any Unicode work, which would otherwise cost seconds for a body-sized string.
            if text.len() > 4 * MAX_TEXT_CHARS || text.chars().count() > MAX_TEXT_CHARS {
                return Err(ApiError::invalid_field(
                    &field(),
                    "too_long",
                    format!("no text of this API is longer than {MAX_TEXT_CHARS} characters"),
                ));
            }
            if let Some(c) = refused_char(text) {
                let field = field();
                return Err(ApiError::bad_field(
                    &field,
                    "control_character",
                    format!(
                        "must not contain control or bidirectional characters (found U+{:04X})",
                        u32::from(c)
                    ),
                ));
            }
            // Every text is stored in NFC: one rule here, so no field can forget it.
            if let Cow::Owned(composed) = nfc(text) {
                *text = composed;
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(format!("[{i}]"));
                normalize_body(item, path)?;
                path.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                path.push(key.clone());
                normalize_body(item, path)?;
                path.pop();
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
    Ok(())
}

/// Parses JSON, naming the path of the first field that does not fit.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let message = e.to_string();
        ApiError::BadRequest {
            detail: format!("body: {message}"),
            errors: vec![FieldError::new("body", "malformed_json", message)],
        }
    })?;
    normalize_body(&mut value, &mut Vec::new())?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        let (code, field) = if inner.is_syntax() || inner.is_eof() {
            ("malformed_json", "body".to_owned())
        } else if message.starts_with("missing field") {
            let name = message.split('`').nth(1).unwrap_or_default();
            let field = if path == "." || path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            ("required", field)
        } else if message.starts_with("unknown field") {
            let name = message.split('`').nth(1).unwrap_or_default();
            // The path already ends at the unknown key (serde_path_to_error records the key it
            // was reading); adding the name again said `otp.otp` for `otp`.
            let field = if path == "." || path.is_empty() {
                name.to_owned()
            } else if path == name || path.ends_with(&format!(".{name}")) {
                path
            } else {
                format!("{path}.{name}")
            };
            ("unknown_field", field)
        } else {
            let field = if path == "." { "body".to_owned() } else { path };
            ("invalid", field)
        };
        ApiError::BadRequest {
            detail: format!("{field}: {message}"),
            errors: vec![FieldError::new(field, code, message)],
        }
    })
}

/// A JSON body that may be absent: an empty body gives `T::default()`; a present one must be
/// valid JSON of the right content type (errors are reported as for [`Json`]).
#[derive(Debug)]
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let declared_empty = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() == "0");
        let has_type = req
            .headers()
            .contains_key(actix_web::http::header::CONTENT_TYPE);
        if declared_empty
            || (!has_type
                && !req
                    .headers()
                    .contains_key(actix_web::http::header::TRANSFER_ENCODING))
        {
            return Box::pin(async { Ok(OptionalJson(T::default())) });
        }
        let inner = Json::<T>::from_request(req, payload);
        Box::pin(async move { inner.await.map(|j| OptionalJson(j.0)) })
    }
}

/// Parameters that take a list, written `name=a,b` as the spec states (`explode: false`); also
/// read when repeated (`name=a&name=b`), as generated clients that ignore `explode` send them.
const LIST_PARAMETERS: &[&str] = &["group_by"];

/// Checks a query string by the rule for bodies: a decoded name or value holding a control
/// character (but tab, line feed, carriage return) or a bidirectional control is a 400 naming the
/// parameter. Returns the query rewritten in NFC when some value was not, so that a filter on a
/// decomposed external id finds the composed one stored, and with a repeated list parameter
/// joined into one (`LIST_PARAMETERS`).
pub fn check_query_text(query: &str) -> Result<Option<String>, ApiError> {
    let mut rewrite = false;
    let mut pairs = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if let Some(c) = refused_char(&name).or_else(|| refused_char(&value)) {
            return Err(ApiError::bad_field(
                &name
                    .chars()
                    .filter(|c| refused_char(&c.to_string()).is_none())
                    .collect::<String>(),
                "control_character",
                format!(
                    "must not contain control or bidirectional characters (found U+{:04X})",
                    u32::from(c)
                ),
            ));
        }
        let (n, v) = (nfc(&name), nfc(&value));
        rewrite |= matches!(n, Cow::Owned(_)) || matches!(v, Cow::Owned(_));
        let repeated = LIST_PARAMETERS
            .contains(&n.as_ref())
            .then(|| {
                pairs
                    .iter_mut()
                    .find(|(seen, _): &&mut (String, String)| *seen == n)
            })
            .flatten();
        match repeated {
            Some((_, first)) => {
                first.push(',');
                first.push_str(&v);
                rewrite = true;
            }
            None => pairs.push((n.into_owned(), v.into_owned())),
        }
    }
    Ok(rewrite.then(|| {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
    }))
}

#[cfg(test)]
mod query_tests {
    use super::check_query_text;

    #[test]
    fn a_repeated_list_parameter_is_read_as_one_list() {
        assert_eq!(
            check_query_text("from=2019&group_by=center&group_by=category")
                .ok()
                .flatten(),
            Some("from=2019&group_by=center%2Ccategory".to_owned())
        );
        // Written once, or comma-separated: left as it is.
        assert_eq!(
            check_query_text("group_by=center,category").ok().flatten(),
            None
        );
        // Other parameters repeated stay repeated (and are refused by their reader).
        assert_eq!(check_query_text("limit=1&limit=2").ok().flatten(), None);
    }
}
