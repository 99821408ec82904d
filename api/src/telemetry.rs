//! Logging: `tracing` with a JSON or human-readable output, filtered by `RUST_LOG` (default info).

use crate::config::LogFormat;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls (tests) are ignored.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // One line per request: the request span (method, route, status, request id, latency) is
    // logged when it closes. Bodies and headers are never logged.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_span_events(FmtSpan::CLOSE);
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

/// The request span: tracing-actix-web's fields (method, route, target, status, request id,
/// client address), without its per-error events. A client's 4xx is not the server's problem and
/// its message may echo request values (a mistyped password field, say); server faults are logged
/// once, with their cause, where `ApiError` renders them.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        let span = tracing_actix_web::root_span!(request);
        // tracing-actix-web believes `Forwarded` from anyone; log the address the rate limits
        // use instead (forwarding headers only from `APP_TRUSTED_PROXIES`).
        if let Some(state) = request.app_data::<actix_web::web::Data<crate::state::AppState>>() {
            let address =
                crate::http::client_address(request.request(), &state.settings.trusted_proxies);
            span.record("http.client_ip", address.as_str());
        }
        span
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        let status = match outcome {
            Ok(response) => response.status(),
            Err(error) => error.as_response_error().status_code(),
        };
        span.record("http.status_code", i32::from(status.as_u16()));
        span.record(
            "otel.status_code",
            if status.is_server_error() {
                "ERROR"
            } else {
                "OK"
            },
        );
    }
}
