//! Request extractors that report problems the API's way.

use crate::error::{ApiError, FieldError};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

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
            let bytes =
                bytes
                    .await
                    .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                        Some(actix_web::error::PayloadError::Overflow) => ApiError::PayloadTooLarge,
                        _ => ApiError::BadRequest {
                            detail: "the request body cannot be read".into(),
                            errors: Vec::new(),
                        },
                    })?;
            parse_json(&bytes).map(Json)
        })
    }
}

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
            if let Some(c) = text
                .chars()
                .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            {
                let field = if path.is_empty() {
                    "body".to_owned()
                } else {
                    path.join(".").replace(".[", "[")
                };
                return Err(ApiError::bad_field(
                    &field,
                    "control_character",
                    format!(
                        "must not contain control characters (found U+{:04X})",
                        u32::from(c)
                    ),
                ));
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
            let field = if path == "." || path.is_empty() {
                name.to_owned()
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

/// Refuses a query string whose decoded names or values hold a control character (the same rule
/// as for bodies: none but tab, line feed and carriage return), naming the parameter.
pub fn check_query_text(query: &str) -> Result<(), ApiError> {
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let bad = |s: &str| {
            s.chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        };
        if bad(&name) || bad(&value) {
            return Err(ApiError::bad_field(
                &name.chars().filter(|c| !c.is_control()).collect::<String>(),
                "control_character",
                "must not contain control characters",
            ));
        }
    }
    Ok(())
}
