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

/// Parses JSON, naming the path of the first field that does not fit.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
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
