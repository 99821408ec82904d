//! One error type, one problem shape (RFC 9457 `application/problem+json`).
//!
//! Every failure the API reports — its own, diesel's, the pool's and actix's extractor errors —
//! becomes an [`ApiError`] and is rendered as a [`Problem`]. A 5xx body says only "internal error"
//! and the request id; the cause goes to the log.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

tokio::task_local! {
    /// The id of the request being served, so that any error can carry it.
    pub static REQUEST_ID: String;
}

/// The request id of the current request, when inside one.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// One problem with one field of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field, as a JSON path into the request (`learners[3].birth_date`) or a query parameter.
    pub field: String,
    /// A stable machine-readable code (`required`, `invalid_date`, `too_short`, ...).
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document, the body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI identifying the kind of problem.
    #[schema(example = "urn:centers:problem:validation")]
    pub r#type: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The id of the request, also in the `X-Request-Id` header and the server's log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Per-field problems, for 400 and 422.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<FieldError>,
    /// For an illegal workflow step: the current state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_state: Option<String>,
    /// For an illegal workflow step: the actions allowed from the current state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_actions: Option<Vec<String>>,
}

/// Every way a request can fail. `Clone`: requests that share one computation in flight share its
/// failure too (`single_flight`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("bad request: {detail}")]
    BadRequest {
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("route not found")]
    RouteNotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("conflict: {detail}")]
    Conflict {
        detail: String,
        current_state: Option<String>,
        allowed_actions: Option<Vec<String>>,
    },
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// `Accept` admits none of the representations this operation can send (RFC 9110 §15.5.7);
    /// holds the ones it can.
    #[error("not acceptable")]
    NotAcceptable(Vec<String>),
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// Every permit for expensive work (password hashing) is taken: try again shortly.
    #[error("busy")]
    Busy { retry_after_secs: u64 },
    /// The client did not send its request (or body) in time.
    #[error("request timeout")]
    RequestTimeout,
    /// This instance is stopping (SIGTERM): requests in flight finish, a new one is refused with
    /// the connection closed, so that the client sends it again to another instance.
    #[error("shutting down")]
    ShuttingDown,
    /// The request's body was still arriving when the instance's shutdown time was up: nothing
    /// was done.
    #[error("interrupted by shutdown")]
    Interrupted,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// A 400 naming one field.
    pub fn bad_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::BadRequest {
            detail: format!("{field}: {message}"),
            errors: vec![FieldError::new(field, code, message)],
        }
    }

    /// A 422 naming one field.
    pub fn invalid_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }

    /// A 409 with a message.
    pub fn conflict(detail: impl Into<String>) -> Self {
        ApiError::Conflict {
            detail: detail.into(),
            current_state: None,
            allowed_actions: None,
        }
    }

    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::BadRequest { .. } => ("bad-request", "Malformed request"),
            ApiError::Unauthorized(_) => ("unauthorized", "Authentication required"),
            ApiError::Forbidden(_) => ("forbidden", "Not allowed"),
            ApiError::NotFound => ("not-found", "Not found"),
            ApiError::RouteNotFound => ("not-found", "No such route"),
            ApiError::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            ApiError::Conflict { .. } => ("conflict", "Conflict"),
            ApiError::PreconditionFailed => ("precondition-failed", "Precondition failed"),
            ApiError::PayloadTooLarge => ("payload-too-large", "Request body too large"),
            ApiError::UnsupportedMediaType => ("unsupported-media-type", "Unsupported media type"),
            ApiError::NotAcceptable(_) => ("not-acceptable", "Not acceptable"),
            ApiError::Validation(_) => ("validation", "The request breaks a rule"),
            ApiError::TooManyRequests { .. } => ("too-many-requests", "Too many requests"),
            ApiError::Unavailable(_) => ("unavailable", "Service unavailable"),
            ApiError::Busy { .. } => ("busy", "Server busy"),
            ApiError::RequestTimeout => ("request-timeout", "Request timeout"),
            ApiError::ShuttingDown => ("shutting-down", "Shutting down"),
            ApiError::Interrupted => ("interrupted", "Interrupted by shutdown"),
            ApiError::Internal(_) => ("internal", "Internal error"),
        }
    }

    /// The problem document for this error. Server faults never reveal their cause.
    pub fn problem(&self) -> Problem {
        let (slug, title) = self.kind();
        let status = self.status_code().as_u16();
        let mut problem = Problem {
            r#type: format!("urn:centers:problem:{slug}"),
            title: title.to_owned(),
            status,
            detail: None,
            request_id: current_request_id(),
            errors: Vec::new(),
            current_state: None,
            allowed_actions: None,
        };
        match self {
            ApiError::BadRequest { detail, errors } => {
                problem.detail = Some(detail.clone());
                problem.errors = errors.clone();
            }
            ApiError::Unauthorized(d) | ApiError::Forbidden(d) => problem.detail = Some(d.clone()),
            ApiError::NotFound => {
                problem.detail = Some("no such record, or it is outside your scope".into())
            }
            ApiError::RouteNotFound => {
                problem.detail = Some(
                    "no operation at this path; the operations are listed in /api/v1/openapi.json"
                        .into(),
                )
            }
            ApiError::Interrupted => {
                problem.detail = Some(
                    "this instance stopped before the request's body arrived; nothing was done \
                     — send it again (on a new connection)"
                        .into(),
                )
            }
            ApiError::MethodNotAllowed => {
                problem.detail = Some(
                    "this path does not take this method; the Allow header lists those it takes"
                        .into(),
                )
            }
            ApiError::PayloadTooLarge => {
                problem.detail = Some("the request body is larger than this server accepts".into())
            }
            ApiError::UnsupportedMediaType => {
                problem.detail = Some("send the request body as application/json".into())
            }
            ApiError::NotAcceptable(offered) => {
                problem.detail = Some(format!(
                    "Accept admits none of the representations this operation sends: {}",
                    offered.join(", ")
                ))
            }
            ApiError::Internal(_) => {
                problem.detail = Some(
                    "the server failed to answer; quote the request_id when reporting it".into(),
                )
            }
            ApiError::Conflict {
                detail,
                current_state,
                allowed_actions,
            } => {
                problem.detail = Some(detail.clone());
                problem.current_state = current_state.clone();
                problem.allowed_actions = allowed_actions.clone();
            }
            ApiError::PreconditionFailed => {
                problem.detail =
                    Some("If-Match does not match the current version of the record".into())
            }
            ApiError::Validation(errors) => {
                problem.detail = Some(
                    errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                problem.errors = errors.clone();
            }
            ApiError::TooManyRequests { retry_after_secs } => {
                problem.detail = Some(format!("try again in {retry_after_secs} s"))
            }
            ApiError::Unavailable(_) => {
                problem.detail = Some("the database is not reachable; try again later".into())
            }
            ApiError::Busy { retry_after_secs } => {
                problem.detail = Some(format!(
                    "too many password checks at once; try again in {retry_after_secs} s"
                ))
            }
            ApiError::RequestTimeout => {
                problem.detail = Some("the request body was not received in time".into())
            }
            ApiError::ShuttingDown => {
                problem.detail = Some(
                    "this instance is stopping and did nothing with the request; send it again \
                     (on a new connection)"
                        .into(),
                )
            }
        }
        // Messages may quote what the client sent: never echo a control character back.
        let clean = |s: &mut String| {
            if s.chars().any(char::is_control) {
                *s = s
                    .chars()
                    .map(|c| {
                        if c.is_control() && !matches!(c, '\n' | '\t') {
                            '\u{FFFD}'
                        } else {
                            c
                        }
                    })
                    .collect();
            }
        };
        if let Some(d) = problem.detail.as_mut() {
            clean(d);
        }
        for e in &mut problem.errors {
            clean(&mut e.field);
            clean(&mut e.message);
        }
        problem
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound | ApiError::RouteNotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_)
            | ApiError::Busy { .. }
            | ApiError::ShuttingDown
            | ApiError::Interrupted => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(cause) => tracing::error!(error.cause = %cause, "internal error"),
            ApiError::Unavailable(cause) => {
                tracing::warn!(error.cause = %cause, "database unavailable")
            }
            _ => {}
        }
        let mut builder = HttpResponse::build(self.status_code());
        builder.content_type("application/problem+json");
        match self {
            ApiError::Unauthorized(_) => {
                builder.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"centers\""));
            }
            ApiError::TooManyRequests { retry_after_secs }
            | ApiError::Busy { retry_after_secs } => {
                builder.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::RequestTimeout => {
                builder.insert_header((header::CONNECTION, "close"));
            }
            ApiError::ShuttingDown | ApiError::Interrupted => {
                builder.insert_header((header::CONNECTION, "close"));
                builder.insert_header((header::RETRY_AFTER, "1"));
            }
            _ => {}
        }
        builder.json(self.problem())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => ApiError::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::debug!(constraint = ?info.constraint_name(), "unique violation");
                ApiError::conflict("a record with the same unique key already exists")
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                ApiError::conflict("the record is referenced by, or refers to, another record")
            }
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                ApiError::conflict("a concurrent change conflicted with this one; retry")
            }
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            Error::DatabaseError(_, ref info) if is_unavailable(info.message()) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            Error::BrokenTransactionManager => {
                ApiError::Unavailable("the connection broke during a transaction".into())
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// Whether a database error means the database is unreachable or overloaded (503), not that the
/// request or the server is wrong.
fn is_unavailable(message: &str) -> bool {
    const SIGNS: &[&str] = &[
        "database is locked",
        "database is busy",
        "terminating connection",
        "server closed the connection",
        "no connection to the server",
        "could not connect",
        "connection refused",
        "the database system is",
    ];
    let m = message.to_ascii_lowercase();
    // "database \"x\" does not exist": the database itself is gone, not a table or column.
    let database_gone = m.contains("database \"") && m.contains("does not exist");
    database_gone || SIGNS.iter().any(|s| m.contains(s))
}

impl From<centers_db::PoolError> for ApiError {
    fn from(e: centers_db::PoolError) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(e: r2d2::Error) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}

/// Maps a bad query string to a 400 naming the parameter.
pub fn query_error(err: actix_web::error::QueryPayloadError) -> ApiError {
    let message = err.to_string();
    // serde_urlencoded names the parameter in backticks only for missing/unknown fields.
    let field = message
        .split('`')
        .nth(1)
        .filter(|f| !f.is_empty() && !f.contains(' '))
        .unwrap_or("query")
        .to_owned();
    let code = if message.contains("missing field") {
        "required"
    } else {
        "invalid"
    };
    ApiError::BadRequest {
        detail: format!("the query string cannot be read: {message}"),
        errors: vec![FieldError::new(field, code, message)],
    }
}

/// Maps a bad path segment (e.g. an id that is not a UUID) to a 400 (`id`).
pub fn path_error(err: actix_web::error::PathError) -> ApiError {
    ApiError::bad_field("id", "invalid_id", format!("{err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unreachable_database_is_a_503() {
        assert!(is_unavailable(
            "FATAL:  database \"centers\" does not exist"
        ));
        assert!(is_unavailable(
            "terminating connection due to administrator command"
        ));
        assert!(is_unavailable("server closed the connection unexpectedly"));
        assert!(is_unavailable("database is locked"));
        assert!(!is_unavailable("column \"x\" does not exist"));
        assert!(!is_unavailable("relation \"users\" does not exist"));
        assert!(!is_unavailable(
            "duplicate key value violates unique constraint"
        ));
    }

    #[test]
    fn server_faults_hide_their_cause() {
        let p = ApiError::Internal("secret table layout".into()).problem();
        assert_eq!(p.status, 500);
        // A detail in words for the person, never the cause.
        assert!(p
            .detail
            .as_deref()
            .is_some_and(|d| d.contains("request_id")));
        assert!(!serde_json::to_string(&p)
            .unwrap_or_default()
            .contains("secret"));
        let p = ApiError::Unavailable("host db-1:5432 refused".into()).problem();
        assert!(!serde_json::to_string(&p)
            .unwrap_or_default()
            .contains("db-1"));
    }
}
