//! Prometheus metrics, served as text on their own listener (`APP_METRICS_ADDR`, off by
//! default): an operator's port, never the public one, so it needs no token and leaks nothing to
//! API callers. Counters and histograms are updated where things happen; gauges that describe a
//! state (pools, permits, the feed's end, webhooks) are read when scraped.

use crate::state::AppState;
use actix_web::{web, HttpResponse};
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

/// Every metric of one instance, in its own registry (no process-wide default).
pub struct Metrics {
    registry: Registry,
    /// Requests by route template (`/api/v1/learners/{id}`), method and status.
    pub requests: IntCounterVec,
    /// Seconds from the request's arrival to its response, by route template and method.
    pub latency: HistogramVec,
    /// Seconds a request waited for a pooled database connection.
    pub pool_wait: Histogram,
    /// Logins turned away at once because every password permit was taken.
    pub password_refusals: IntCounter,
    /// Webhook attempts, and those that failed.
    pub webhook_attempts: IntCounter,
    pub webhook_failures: IntCounter,
    pool_connections: IntGaugeVec,
    password_permits_in_use: IntGauge,
    change_feed_seq: IntGauge,
    webhook_subscriptions: IntGaugeVec,
    webhook_backlog: IntGauge,
}

fn registered<T: prometheus::core::Collector + Clone + 'static>(
    registry: &Registry,
    m: T,
) -> prometheus::Result<T> {
    registry.register(Box::new(m.clone()))?;
    Ok(m)
}

impl Metrics {
    /// The metrics, with the page cache's counters (`crate::page_cache`) and the build's
    /// identity registered beside them.
    pub fn new(pages: &crate::page_cache::PageCache) -> prometheus::Result<Metrics> {
        let registry = Registry::new_custom(Some("centers".into()), None)?;
        let r = &registry;
        let seconds = vec![
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
        ];
        let build = registered(
            r,
            IntGaugeVec::new(
                Opts::new(
                    "build_info",
                    "The running build: version and database schema (always 1)",
                ),
                &["version", "schema"],
            )?,
        )?;
        build
            .with_label_values(&[env!("CARGO_PKG_VERSION"), centers_db::SCHEMA_VERSION])
            .set(1);
        for counter in pages.counters() {
            registered(r, counter)?;
        }
        Ok(Metrics {
            requests: registered(
                r,
                IntCounterVec::new(
                    Opts::new(
                        "http_requests_total",
                        "HTTP requests by route template, method and status",
                    ),
                    &["route", "method", "status"],
                )?,
            )?,
            latency: registered(
                r,
                HistogramVec::new(
                    HistogramOpts::new(
                        "http_request_duration_seconds",
                        "HTTP request latency by route template and method",
                    )
                    .buckets(seconds.clone()),
                    &["route", "method"],
                )?,
            )?,
            pool_wait: registered(
                r,
                Histogram::with_opts(
                    HistogramOpts::new(
                        "db_pool_wait_seconds",
                        "Time waited for a pooled database connection",
                    )
                    .buckets(seconds),
                )?,
            )?,
            password_refusals: registered(
                r,
                IntCounter::new(
                    "password_refusals_total",
                    "Password checks refused at once: every permit taken (503)",
                )?,
            )?,
            webhook_attempts: registered(
                r,
                IntCounter::new(
                    "webhook_attempts_total",
                    "Calls made to webhook subscribers",
                )?,
            )?,
            webhook_failures: registered(
                r,
                IntCounter::new(
                    "webhook_failures_total",
                    "Calls to webhook subscribers that failed (no 2xx)",
                )?,
            )?,
            pool_connections: registered(
                r,
                IntGaugeVec::new(
                    Opts::new(
                        "db_pool_connections",
                        "Database connections by pool and state",
                    ),
                    &["pool", "state"],
                )?,
            )?,
            password_permits_in_use: registered(
                r,
                IntGauge::new(
                    "password_permits_in_use",
                    "Password checks (argon2) running now",
                )?,
            )?,
            change_feed_seq: registered(
                r,
                IntGauge::new(
                    "change_feed_last_seq",
                    "The change feed's latest seq (the data version)",
                )?,
            )?,
            webhook_subscriptions: registered(
                r,
                IntGaugeVec::new(
                    Opts::new("webhook_subscriptions", "Webhook subscriptions by status"),
                    &["status"],
                )?,
            )?,
            webhook_backlog: registered(
                r,
                IntGauge::new(
                    "webhook_backlog",
                    "Active subscriptions whose cursor is behind the feed's end",
                )?,
            )?,
            registry,
        })
    }

    /// Reads the state gauges, then renders everything in the text format.
    pub async fn render(state: &web::Data<AppState>) -> Result<String, crate::error::ApiError> {
        let m = &state.metrics;
        let pools = [
            ("main", Some(&state.pool)),
            ("read", state.read_pool.as_ref()),
            ("writer", state.writer.as_ref()),
        ];
        for (name, pool) in pools {
            if let Some(pool) = pool {
                let s = pool.state();
                let idle = i64::from(s.idle_connections);
                m.pool_connections
                    .with_label_values(&[name, "idle"])
                    .set(idle);
                m.pool_connections
                    .with_label_values(&[name, "in_use"])
                    .set(i64::from(s.connections) - idle);
            }
        }
        let permits = state.settings.password_concurrency;
        let free = state.password_permits.available_permits();
        m.password_permits_in_use
            .set(i64::try_from(permits.saturating_sub(free)).unwrap_or(0));
        let (seq, by_status, backlog) = state
            .db(|conn| {
                let seq = centers_db::writes::last_seq(conn)?;
                let (by_status, backlog) = centers_db::webhooks::census(conn, seq)?;
                Ok((seq, by_status, backlog))
            })
            .await?;
        m.change_feed_seq.set(seq);
        for status in centers_domain::webhooks::SubscriptionStatus::ALL {
            let n = by_status
                .iter()
                .find(|(s, _)| s == status.as_str())
                .map_or(0, |(_, n)| *n);
            m.webhook_subscriptions
                .with_label_values(&[status.as_str()])
                .set(n);
        }
        m.webhook_backlog.set(backlog);
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&m.registry.gather(), &mut out)
            .map_err(|e| crate::error::ApiError::Internal(format!("metrics: {e}")))?;
        String::from_utf8(out)
            .map_err(|e| crate::error::ApiError::Internal(format!("metrics: {e}")))
    }
}

/// `GET /metrics` on the metrics listener.
pub async fn serve(state: web::Data<AppState>) -> Result<HttpResponse, crate::error::ApiError> {
    let text = Metrics::render(&state).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}
