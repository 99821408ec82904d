//! Start-up: database preparation, the actix application, and the server.

use crate::auth::passwords::hash_password;
use crate::auth::tokens::{random_token, JwtKeys};
use crate::config::Settings;
use crate::error::{ApiError, REQUEST_ID};
use crate::state::AppState;
use actix_cors::Cors;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Server, ServerHandle, Service, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{web, App, HttpMessage, HttpRequest, HttpResponse, HttpServer, ResponseError};
use anyhow::Context;
use centers_db::audit::AuditContext;
use centers_db::identity::{self, NewUser};
use centers_db::writes::{self, Write};
use centers_db::{seed, write_transaction, DbPool};
use centers_domain::access::Role;
use centers_domain::changes::{AuditAction, EntityKind};
use futures_util::future::{ready, Either};
use secrecy::ExposeSecret;
use std::net::TcpListener;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

/// What preparing the database did.
#[derive(Debug, Default)]
pub struct Prepared {
    pub migrations_applied: usize,
    pub seed: Option<seed::SeedReport>,
    /// The generated password of the bootstrap admin, to print once. `None` when the password came
    /// from `APP_ADMIN_PASSWORD` or no admin was created.
    pub generated_admin_password: Option<String>,
    pub admin_created: bool,
}

/// Applies migrations, loads missing reference data (when enabled) and creates the first admin
/// when there is no account yet.
/// All of it under the preparation lock: instances starting together on one PostgreSQL database
/// prepare it one after the other (the first migrates, seeds and creates the admin; the others
/// find it done) instead of racing to create the same tables and the same admin.
pub fn prepare_database(pool: &DbPool, settings: &Settings) -> anyhow::Result<Prepared> {
    let mut conn = pool.get().context("cannot connect to the database")?;
    centers_db::with_preparation_lock(&mut conn, |conn| {
        let mut prepared = Prepared {
            migrations_applied: centers_db::run_migrations(conn)
                .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?,
            ..Default::default()
        };
        if settings.seed_on_start {
            prepared.seed = Some(seed_reference_data(
                conn,
                settings.province_file.as_deref(),
            )?);
        }
        let (created, generated) = bootstrap_admin(conn, settings)?;
        prepared.admin_created = created;
        prepared.generated_admin_password = generated;
        Ok(prepared)
    })
}

/// Loads the province file (`file`, or Thanh Hóa's built-in one) into the database: what is
/// missing is opened, dated changes not yet recorded are applied (idempotent).
pub fn seed_reference_data(
    conn: &mut centers_db::DbConnection,
    file: Option<&std::path::Path>,
) -> anyhow::Result<seed::SeedReport> {
    let parsed = match file {
        None => seed::thanh_hoa(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the province file {}", path.display()))?;
            centers_db::province_file::parse(&path.display().to_string(), &text)
        }
    }
    .map_err(|errors| {
        anyhow::anyhow!(
            "the province file has {} error(s):\n{}",
            errors.len(),
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    write_transaction(conn, |conn| {
        seed::apply_province_file(conn, &parsed).map_err(|e| match e {
            seed::SeedError::Database(e) => e,
            other => diesel::result::Error::QueryBuilderError(other.to_string().into()),
        })
    })
    .context("loading the province file failed")
}

/// Creates `admin` (province admin of the province) when there are no accounts.
fn bootstrap_admin(
    conn: &mut centers_db::DbConnection,
    settings: &Settings,
) -> anyhow::Result<(bool, Option<String>)> {
    if identity::count_users(conn)? > 0 {
        return Ok((false, None));
    }
    let Some(province) = seed::the_province(conn)? else {
        tracing::warn!("no province loaded; the bootstrap admin is not created");
        return Ok((false, None));
    };
    let (password, generated) = match &settings.admin_password {
        Some(p) => {
            let p = p.expose_secret().to_owned();
            centers_domain::password::check_new_password(&p, "admin")
                .map_err(|e| anyhow::anyhow!("APP_ADMIN_PASSWORD: {e}"))?;
            (p, None)
        }
        None => {
            let p = random_token();
            (p.clone(), Some(p))
        }
    };
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    write_transaction(conn, |conn| {
        let user = identity::insert_user(
            conn,
            NewUser {
                username: "admin".into(),
                display_name: "Quản trị viên".into(),
                password_hash: hash,
                role: Role::ProvinceAdmin.as_str().into(),
                scope_id: province.id,
            },
        )?;
        writes::record(
            conn,
            &AuditContext::system(),
            Write::event(EntityKind::User, user.id, AuditAction::Bootstrap),
        )
    })?;
    Ok((true, generated))
}

/// Builds the shared state. Without a configured JWT secret a random one is made (and a warning
/// logged: tokens will not survive a restart).
pub fn build_state(
    settings: Settings,
    pool: DbPool,
    read_pool: Option<DbPool>,
    writer: Option<DbPool>,
) -> anyhow::Result<AppState> {
    let secret = match settings.jwt_secret_bytes() {
        Some(s) => s,
        None => {
            tracing::warn!(
                "APP_JWT_SECRET is not set: using a random secret; tokens will not survive a restart \
                 and will not work across instances"
            );
            let mut bytes = random_token().into_bytes();
            bytes.extend(random_token().into_bytes());
            bytes
        }
    };
    let settings_permits = settings.password_concurrency;
    let outbound = crate::delivery::Outbound::new(&settings);
    let pages = crate::page_cache::PageCache::new(settings.list_cache_ttl);
    let auth_cache_ttl = settings.auth_cache_ttl;
    let dummy_hash =
        hash_password(&random_token()).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    Ok(AppState {
        pool,
        read_pool,
        writer,
        settings,
        jwt: JwtKeys::from_secret(&secret),
        devices: crate::auth::device::DeviceCookies::from_secret(&secret),
        device_permits: std::sync::Arc::new(tokio::sync::Semaphore::new(device_lane(
            settings_permits,
        ))),
        dummy_hash,
        password_permits: std::sync::Arc::new(tokio::sync::Semaphore::new(settings_permits)),
        login_limits: centers_domain::login::LoginLimits::default(),
        subjects: crate::auth::cache::SubjectCache::new(auth_cache_ttl),
        metrics: crate::metrics::Metrics::new(&pages).context("metrics")?,
        pages,
        summaries: std::sync::Arc::default(),
        reports: crate::single_flight::SingleFlight::default(),
        verify_limiter: crate::limits::WindowLimiter::new(30, std::time::Duration::from_secs(60)),
        outbound,
        stopping: std::sync::Arc::default(),
    })
}

/// Where the OpenAPI document is served (and where `/docs` reads it from).
const SPEC_PATH: &str = "/api/v1/openapi.json";

/// The OpenAPI document, serialized once at start-up.
struct SpecJson(web::Bytes);

async fn serve_spec(spec: web::Data<SpecJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.0.clone())
}

/// Turns any error response that is not already a problem document (actix's own 404, 405, 413,
/// extractor errors...) into one.
fn problemize<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let cors = res
        .response()
        .error()
        .and_then(|e| e.as_error::<actix_cors::CorsError>())
        .map(ToString::to_string);
    let error = match status.as_u16() {
        _ if cors.is_some() => ApiError::BadRequest {
            detail: format!("CORS: {}", cors.unwrap_or_default()),
            errors: Vec::new(),
        },
        404 => ApiError::RouteNotFound,
        405 => ApiError::MethodNotAllowed,
        413 => ApiError::PayloadTooLarge,
        415 => ApiError::UnsupportedMediaType,
        401 => ApiError::Unauthorized("authentication required".into()),
        403 => ApiError::Forbidden("not allowed".into()),
        s if s >= 500 => ApiError::Internal(format!("plain {status} response")),
        _ => ApiError::BadRequest {
            detail: "the request cannot be read".into(),
            errors: Vec::new(),
        },
    };
    let (req, _) = res.into_parts();
    let mut response = error.error_response();
    *response.status_mut() = status;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body(),
    ))
}

/// The Content-Security-Policy of the documentation pages (Swagger UI: its own scripts and
/// styles, inline styles, data: images, the spec from this origin; never framed).
const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                        img-src 'self' data:; connect-src 'self'; font-src 'self'; \
                        frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/// The policy of everything else: JSON is never a document to render or frame.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// Headers on every response: no MIME sniffing, no framing, a CSP, no referrer; and
/// `Cache-Control: no-store` on every answer to a request that carried credentials (personal data
/// must not stay in shared caches), unless the handler chose otherwise.
fn security_headers<S, B>(
    req: actix_web::dev::ServiceRequest,
    srv: &S,
) -> impl std::future::Future<Output = Result<ServiceResponse<B>, actix_web::Error>>
where
    S: Service<
        actix_web::dev::ServiceRequest,
        Response = ServiceResponse<B>,
        Error = actix_web::Error,
    >,
{
    let docs = req.path() == "/docs" || req.path().starts_with("/docs/");
    let dashboard = req.path().starts_with("/dashboard/");
    let credentials = req.headers().contains_key(header::AUTHORIZATION);
    let fut = srv.call(req);
    async move {
        let mut res = fut.await?;
        let headers = res.headers_mut();
        let csp = if docs {
            DOCS_CSP
        } else if dashboard {
            crate::dashboard::CSP
        } else {
            API_CSP
        };
        for (name, value) in [
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::CONTENT_SECURITY_POLICY, csp),
            (header::REFERRER_POLICY, "no-referrer"),
        ] {
            headers.insert(name, HeaderValue::from_static(value));
        }
        if credentials && !headers.contains_key(header::CACHE_CONTROL) {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        Ok(res)
    }
}

/// Ends the connection after this answer (no keep-alive).
fn close_connection(res: &mut ServiceResponse<BoxBody>) {
    res.response_mut()
        .head_mut()
        .set_connection_type(actix_web::http::ConnectionType::Close);
}

/// `Accept` obeyed everywhere (RFC 9110 §12.5.1): a read answered in a representation `Accept`
/// does not admit becomes a 406 naming the one it has (operations that offer several choose among
/// them before working, `http::representation`); a write is refused before it runs when `Accept`
/// admits no JSON, the only thing writes answer with. Errors are sent whatever `Accept` says, as
/// RFC 9110 allows. And no new request while the instance stops (below).
fn negotiated<S>(
    req: actix_web::dev::ServiceRequest,
    srv: &S,
) -> impl std::future::Future<Output = Result<ServiceResponse<BoxBody>, actix_web::Error>>
where
    S: Service<
        actix_web::dev::ServiceRequest,
        Response = ServiceResponse<BoxBody>,
        Error = actix_web::Error,
    >,
{
    // While the instance stops (SIGTERM) a new request is refused with 503 and its connection
    // closed, having done nothing (an idempotency key it carried is released: a 5xx is never
    // kept), so that the client sends it again to another instance. A request in flight goes on,
    // and every answer sent while stopping closes its connection, so that no keep-alive
    // connection holds the stop up (`crate::stopping`).
    let stop = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.stopping.clone());
    if stop.as_ref().is_some_and(|s| s.is_stopping()) {
        let mut refused = req.error_response(ApiError::ShuttingDown);
        close_connection(&mut refused);
        return Either::Left(ready(Ok(refused)));
    }
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let json = crate::export::JSON;
    if !read && !crate::http::accepts(accept.as_deref(), json) {
        let refused = req.error_response(ApiError::NotAcceptable(vec![json.to_owned()]));
        return Either::Left(ready(Ok(refused)));
    }
    let fut = srv.call(req);
    Either::Right(async move {
        let res = fut.await?;
        let sent = res
            .status()
            .is_success()
            .then(|| res.headers().get(header::CONTENT_TYPE))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .filter(|media| !crate::http::accepts(accept.as_deref(), media))
            .map(|media| media.split(';').next().unwrap_or(media).trim().to_owned());
        let mut res = match sent {
            Some(media) => {
                let (req, _) = res.into_parts();
                ServiceResponse::new(req, ApiError::NotAcceptable(vec![media]).error_response())
            }
            None => res,
        };
        if stop.as_ref().is_some_and(|s| s.is_stopping()) {
            close_connection(&mut res);
        }
        Ok(res)
    })
}

/// The methods each documented path answers, read from the OpenAPI document (which the routes
/// are registered through, so it cannot miss one): the `Allow` header of a 405.
#[derive(Debug, Clone, Default)]
pub struct RouteMethods(Vec<(Vec<String>, Vec<&'static str>)>);

impl RouteMethods {
    fn from_spec(spec: &utoipa::openapi::OpenApi) -> RouteMethods {
        RouteMethods(
            spec.paths
                .paths
                .iter()
                .map(|(path, item)| {
                    let mut methods = Vec::new();
                    if item.get.is_some() {
                        methods.extend(["GET", "HEAD"]);
                    }
                    for (present, name) in [
                        (item.post.is_some(), "POST"),
                        (item.put.is_some(), "PUT"),
                        (item.patch.is_some(), "PATCH"),
                        (item.delete.is_some(), "DELETE"),
                    ] {
                        if present {
                            methods.push(name);
                        }
                    }
                    let segments = path.split('/').map(str::to_owned).collect();
                    (segments, methods)
                })
                .collect(),
        )
    }

    /// The methods of the documented path that `path` matches (`{param}` matches any segment).
    fn allowed(&self, path: &str) -> Option<String> {
        let parts: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .find(|(template, _)| {
                template.len() == parts.len()
                    && template
                        .iter()
                        .zip(&parts)
                        .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
            })
            .map(|(_, methods)| methods.join(", "))
    }
}

/// Unknown routes are 404; known routes with another method are 405 with `Allow`.
async fn fallback(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let allowed = req
        .app_data::<web::Data<RouteMethods>>()
        .and_then(|r| r.allowed(req.path()));
    match allowed {
        Some(allow) => {
            let mut response = ApiError::MethodNotAllowed.error_response();
            if let Ok(value) = HeaderValue::from_str(&allow) {
                response.headers_mut().insert(header::ALLOW, value);
            }
            Ok(response)
        }
        None if req.resource_map().has_resource(req.path()) => Err(ApiError::MethodNotAllowed),
        None => Err(ApiError::RouteNotFound),
    }
}

fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            header::HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([
            header::ETAG,
            header::LINK,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
            header::HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(3600);
    for origin in origins {
        cors = if origin == "*" {
            cors.allow_any_origin()
        } else {
            cors.allowed_origin(origin)
        };
    }
    cors
}

/// A running server.
pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
    /// The metrics listener's server and port (`APP_METRICS_ADDR`), when configured.
    metrics: Option<(Server, u16)>,
}

impl Application {
    /// Connects, prepares the database and binds the listener (port 0 picks a free port).
    /// Must be called inside an actix system.
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let pool = centers_db::build_pool(
            &settings.database_url,
            settings.pool_size,
            settings.pool_timeout,
        )
        .context("cannot open the database (APP_DATABASE_URL)")?;
        let prepared = prepare_database(&pool, &settings)?;
        // The replica follows the primary's schema: nothing is migrated or seeded through it.
        let read_pool = match &settings.database_read_url {
            Some(url) => Some(
                centers_db::build_pool(url, settings.pool_size, settings.pool_timeout)
                    .context("cannot open the read replica (APP_DATABASE_READ_URL)")?,
            ),
            None => None,
        };
        // SQLite: one writer connection, opened after the migrations (`AppState::writer`).
        let writer = if centers_db::is_sqlite(&settings.database_url) {
            Some(
                centers_db::build_pool(&settings.database_url, 1, settings.pool_timeout)
                    .context("cannot open the database's writer (APP_DATABASE_URL)")?,
            )
        } else {
            None
        };
        tracing::info!(
            migrations.applied = prepared.migrations_applied,
            seed.created = prepared.seed.map(|s| s.created),
            "database ready"
        );
        if let Some(password) = &prepared.generated_admin_password {
            // Printed once, to the console only (not the log stream); never stored in clear.
            eprintln!(
                "\n  Created the first account: username `admin`, password `{password}`\n  \
                 (set APP_ADMIN_PASSWORD to choose it; change it with POST /api/v1/me/password)\n"
            );
        }
        let listener =
            TcpListener::bind((settings.host.as_str(), settings.port)).with_context(|| {
                format!(
                    "cannot listen on {}:{} (APP_HOST, APP_PORT)",
                    settings.host, settings.port
                )
            })?;
        let port = listener.local_addr()?.port();
        let metrics_listener = match &settings.metrics_addr {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .with_context(|| format!("cannot listen on {addr} (APP_METRICS_ADDR)"))?,
            ),
            None => None,
        };

        let workers = settings.workers;
        // Blocking threads run database work and password hashing, nothing else: more of them
        // than connections and permits only wait. actix's default (512 shared by the workers)
        // let a burst of reports start dozens of threads, each with its own malloc arena that
        // glibc never gives back (SQLite, five 5-year summaries: 168 MB, 149 MB bounded, 99 MB
        // with MALLOC_ARENA_MAX=2 as well; docs/performance.md).
        let blocking_threads = usize::try_from(settings.pool_size).unwrap_or(8)
            * if settings.database_read_url.is_some() {
                2
            } else {
                1
            }
            + 1
            + settings.password_concurrency
            + device_lane(settings.password_concurrency);
        let (head_timeout, keep_alive) = (settings.request_head_timeout, settings.keep_alive);
        // Our own cut (`Stopper`) answers a body still arriving after the shutdown time with a
        // 503; actix's forced stop, a second later and in whole seconds, ends what is left.
        let shutdown_timeout = settings.shutdown_timeout.as_secs() + 1;
        let state = web::Data::new(build_state(settings, pool, read_pool, writer)?);
        let shared_state = state.clone();
        // The document is served as bytes made once: the utoipa object it is made from is large
        // (a clone per worker held ~10 MB for the whole run when Swagger UI kept one).
        let spec = crate::openapi::openapi();
        let route_methods = web::Data::new(RouteMethods::from_spec(&spec));
        let spec_json = web::Data::new(SpecJson(web::Bytes::from(
            serde_json::to_vec(&spec).context("serializing the OpenAPI document")?,
        )));
        drop(spec);
        let mut server = HttpServer::new(move || {
            let measured = state.clone();
            let body_limit = state.settings.body_limit;
            let body_timeout = state.settings.body_timeout;
            let origins = state.settings.cors_origins.clone();
            App::new()
                .app_data(state.clone())
                .app_data(route_methods.clone())
                .app_data(web::PayloadConfig::new(body_limit))
                .app_data(
                    web::QueryConfig::default()
                        .error_handler(|e, _| crate::error::query_error(e).into()),
                )
                .app_data(
                    web::PathConfig::default()
                        .error_handler(|e, _| crate::error::path_error(e).into()),
                )
                // Innermost: a query string with a control character never reaches a handler, and
                // one not in NFC reaches it in NFC.
                .wrap_fn(|mut req, srv| {
                    match crate::extract::check_query_text(req.query_string()) {
                        Ok(rewritten) => {
                            if let Some(query) = rewritten {
                                let path = req.path().to_owned();
                                if let Ok(uri) = format!("{path}?{query}").parse() {
                                    req.head_mut().uri = uri;
                                }
                            }
                            Either::Left(srv.call(req))
                        }
                        Err(e) => Either::Right(ready(Ok(req.error_response(e)))),
                    }
                })
                .wrap_fn(negotiated)
                .wrap(crate::idempotency::Idempotency)
                .wrap(ErrorHandlers::new().default_handler(problemize))
                .wrap(cors(&origins))
                // CORS refusals are answered by the CORS middleware itself: problem documents too.
                .wrap(ErrorHandlers::new().default_handler(problemize))
                .wrap_fn(security_headers)
                .wrap_fn(move |mut req, srv| {
                    let stop = req
                        .app_data::<web::Data<AppState>>()
                        .map(|state| state.stopping.clone());
                    crate::extract::with_body_deadline(&mut req, body_timeout, stop);
                    srv.call(req)
                })
                .wrap_fn(|req, srv| {
                    let id = req
                        .extensions()
                        .get::<RequestId>()
                        .map(|r| r.to_string())
                        .unwrap_or_default();
                    let fut = srv.call(req);
                    REQUEST_ID.scope(id.clone(), async move {
                        let mut res = fut.await?;
                        if let Ok(v) = HeaderValue::from_str(&id) {
                            res.headers_mut()
                                .insert(header::HeaderName::from_static("x-request-id"), v);
                        }
                        Ok(res)
                    })
                })
                .wrap(TracingLogger::<crate::telemetry::RequestSpan>::new())
                // HEAD is GET without the body (RFC 9110 §9.3.2), on every GET route. The body is
                // kept: actix-http, which read the request as HEAD, writes the `Content-Length`
                // GET would send (§8.6) and not a byte of the body.
                .wrap_fn(|mut req, srv| {
                    if req.method() == Method::HEAD {
                        req.head_mut().method = Method::GET;
                    }
                    srv.call(req)
                })
                // Outermost: every answer counted by its route template (never the raw path,
                // whose ids would make a series per record), method and status, and timed.
                .wrap_fn(move |req, srv| {
                    let metrics = measured.clone();
                    let method = req.method().to_string();
                    let started = std::time::Instant::now();
                    let call = srv.call(req);
                    async move {
                        let res = call.await?;
                        let route = res
                            .request()
                            .match_pattern()
                            .unwrap_or_else(|| "unmatched".to_owned());
                        let m = &metrics.metrics;
                        m.requests
                            .with_label_values(&[
                                route.as_str(),
                                method.as_str(),
                                res.status().as_str(),
                            ])
                            .inc();
                        m.latency
                            .with_label_values(&[route.as_str(), method.as_str()])
                            .observe(started.elapsed().as_secs_f64());
                        Ok(res)
                    }
                })
                // Before the /api/v1 scope: a scope swallows every path under its prefix.
                .service(
                    SwaggerUi::new("/docs/{_:.*}")
                        .config(utoipa_swagger_ui::Config::from(SPEC_PATH)),
                )
                .service(
                    web::resource(SPEC_PATH)
                        .guard(actix_web::guard::Get())
                        .app_data(spec_json.clone())
                        .to(serve_spec),
                )
                .route("/", web::get().to(crate::dashboard::to_dashboard))
                .route(
                    crate::dashboard::PREFIX,
                    web::get().to(crate::dashboard::to_dashboard),
                )
                .route(
                    "/dashboard/{path:.*}",
                    web::get().to(crate::dashboard::serve),
                )
                .route(
                    "/docs",
                    web::get().to(|| async {
                        HttpResponse::PermanentRedirect()
                            .insert_header((header::LOCATION, "/docs/"))
                            .finish()
                    }),
                )
                .into_utoipa_app()
                .configure(crate::routes::operations)
                .service(utoipa_actix_web::scope("/api/v1").configure(crate::routes::api_v1))
                .into_app()
                .default_service(web::to(fallback))
        })
        .client_request_timeout(head_timeout)
        .client_disconnect_timeout(std::time::Duration::from_secs(1))
        .keep_alive(keep_alive)
        .listen(listener)?
        // Signals are handled by `serve` (actix's own handling makes SIGINT a forced stop).
        .disable_signals()
        .worker_max_blocking_threads(blocking_threads)
        .shutdown_timeout(shutdown_timeout);
        if let Some(w) = workers {
            server = server.workers(w);
        }
        let metrics = match metrics_listener {
            Some(listener) => {
                let metrics_port = listener.local_addr()?.port();
                let for_metrics = shared_state.clone();
                let metrics_server = HttpServer::new(move || {
                    App::new()
                        .app_data(for_metrics.clone())
                        .route("/metrics", web::get().to(crate::metrics::serve))
                })
                .workers(1)
                .listen(listener)?
                .disable_signals()
                .shutdown_timeout(5)
                .run();
                Some((metrics_server, metrics_port))
            }
            None => None,
        };
        Ok(Application {
            port,
            server: server.run(),
            state: shared_state,
            metrics,
        })
    }

    /// The server's shared state: what the in-process tests read its counters from (pages
    /// computed and shared in flight, say).
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The metrics listener's port, when `APP_METRICS_ADDR` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(_, port)| *port)
    }

    /// A handle to stop the server gracefully.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// What stops this instance gracefully (SIGTERM): new requests are refused with 503 and
    /// `Connection: close` from now on, the listener closes, and requests in flight get up to
    /// `APP_SHUTDOWN_TIMEOUT` to finish (then a 503 `interrupted`).
    pub fn stopper(&self) -> Stopper {
        Stopper {
            signal: self.state.stopping.clone(),
            grace: self.state.settings.shutdown_timeout,
            handle: self.server.handle(),
        }
    }

    /// Serves until stopped (SIGTERM/SIGINT stop gracefully: in-flight requests finish).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        crate::delivery::spawn(self.state.clone());
        let Some((metrics, _)) = self.metrics else {
            return self.server.await;
        };
        let metrics_handle = metrics.handle();
        actix_web::rt::spawn(metrics);
        let served = self.server.await;
        metrics_handle.stop(true).await;
        served
    }
}

/// Stops an instance gracefully; see [`Application::stopper`].
#[derive(Clone)]
pub struct Stopper {
    signal: std::sync::Arc<crate::stopping::StopSignal>,
    grace: std::time::Duration,
    handle: ServerHandle,
}

impl Stopper {
    /// Refuses new requests at once and closes the listener; requests in flight get the
    /// shutdown time, then a body still arriving is answered 503. Returns when the server has
    /// stopped.
    pub async fn stop(&self) {
        self.signal.begin();
        let (signal, grace) = (self.signal.clone(), self.grace);
        actix_web::rt::spawn(async move {
            actix_web::rt::time::sleep(grace).await;
            signal.cut();
        });
        self.handle.stop(true).await;
    }
}

/// Password permits reserved for logins from known devices: half the common lane, at least one.
fn device_lane(password_concurrency: usize) -> usize {
    (password_concurrency / 2).max(1)
}
