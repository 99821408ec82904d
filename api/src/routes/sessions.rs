//! `/sessions`: one session, marking it taught, its attendance and its visits.

use super::Resource;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, with_etag};
use crate::services::attendance;
use crate::services::attendance::*;
use crate::services::sessions::Session;
use crate::services::visits::{CreateVisit, Visit};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use centers_db::SessionId;
use utoipa_actix_web::scope;

/// A session's attendance.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_session_attendance",
    params(("id" = Uuid, Path, description = "Session id")),
    responses((status = 200, description = "The session's attendance", body = SessionAttendance)),
    security(("bearer" = []))
)]
#[get("/{id}/attendance")]
pub async fn get_session_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .db(move |conn| attendance::session_attendance(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// Record a session's attendance in one request (one transaction): `present`, `excused` or
/// `absent` for enrolled learners of its class. The center's admins or the session's lecturer.
#[utoipa::path(
    tag = "learners",
    operation_id = "put_session_attendance",
    params(("id" = Uuid, Path, description = "Session id")),
    request_body = SessionAttendance,
    responses(
        (status = 200, description = "The session's attendance", body = SessionAttendance),
        (status = 409, description = "The class is not in progress", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[put("/{id}/attendance")]
pub async fn put_session_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
    body: Json<SessionAttendance>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .write(move |conn| attendance::record_attendance(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// Mark a session taught: only with its lecturer's lesson plan for its topic approved on or
/// before its date (422 naming `lesson_plan` and its state otherwise), while the class is in
/// progress.
#[utoipa::path(
    tag = "teaching",
    operation_id = "teach_session",
    params(("id" = Uuid, Path, description = "Session id")),
    responses(
        (status = 200, description = "Taught", body = Session),
        (status = 409, description = "The class is not in progress, or the session is not scheduled", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/teach")]
pub async fn teach_session(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let session = state
        .write(move |conn| crate::services::sessions::teach(conn, &caller, id))
        .await?;
    Ok(with_etag(StatusCode::OK, session.version, &session))
}

/// One session (a lecturer reads only their own).
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_session",
    params(("id" = Uuid, Path, description = "Session id")),
    responses(
        (status = 200, description = "The session", body = Session),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_session(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let session = state
        .db(move |conn| crate::services::sessions::session(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, session.version, &session))
}

/// Record a visit of a taught session: a score for each criterion of the observation policy in
/// force on the session's date, the total, and its rating band.
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_visit",
    params(("id" = Uuid, Path, description = "Session id")),
    request_body = CreateVisit,
    responses(
        (status = 201, description = "Recorded", body = Visit),
        (status = 409, description = "The session is not taught, or this observer already visited it", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/visits")]
pub async fn create_visit(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
    body: Json<CreateVisit>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let visit = state
        .write(move |conn| crate::services::visits::create(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(visit))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/sessions")
                .service(teach_session)
                .service(create_visit)
                .service(put_session_attendance)
                .service(get_session_attendance)
                .service(get_session),
        );
    },
    sorts: &[],
};
