//! `/classes` and `/sessions`: classes, their workflow, their timetable and its coverage.

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::{Json, OptionalJson};
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, ListParams};
use crate::services::classes::{
    self as service, Class, ClassList, ClassQuery, ClassStepInput, Coverage, CreateClass,
    CreateSession, Session, SessionList, UpdateClass,
};
use crate::services::workflow::WorkflowHistory;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::teaching::ClassSort;
use centers_db::{ClassId, OrganizationId, ProgramId, SessionId};
use centers_domain::teaching::{ClassAction, ClassStatus};
use serde::Deserialize;
use utoipa::IntoParams;

/// Filters of the class list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClassFilters {
    #[param(value_type = Option<Uuid>)]
    pub center_id: Option<String>,
    #[param(value_type = Option<Uuid>)]
    pub program_id: Option<String>,
    /// The year of the class's start date.
    #[param(value_type = Option<i32>, minimum = 1945, maximum = 2100)]
    pub year: Option<String>,
    #[param(value_type = Option<ClassStatus>)]
    pub status: Option<String>,
}

impl ClassFilters {
    fn parse(&self, q: Option<String>) -> Result<ClassQuery, ApiError> {
        let year = match self.year.as_deref().map(str::trim) {
            None => None,
            Some(y) => Some(
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1945..=2100).contains(y))
                    .ok_or_else(|| {
                        ApiError::bad_field("year", "out_of_range", "a year from 1945 to 2100")
                    })?,
            ),
        };
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(
                s.parse::<ClassStatus>()
                    .map_err(|e| ApiError::bad_field("status", "invalid", e.to_string()))?,
            ),
        };
        Ok(ClassQuery {
            center_id: parse_uuid_param("center_id", self.center_id.as_deref())?
                .map(OrganizationId),
            program_id: parse_uuid_param("program_id", self.program_id.as_deref())?.map(ProgramId),
            year,
            status,
            q,
        })
    }
}

/// Open a class of a program at a center (status `planned`).
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_class",
    request_body = CreateClass,
    responses(
        (status = 201, description = "Created", body = Class),
        (status = 409, description = "The code is taken by a class of this center in that year", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_class(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateClass>,
) -> Result<HttpResponse, ApiError> {
    let class = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, class.version, &class))
}

/// List classes inside my scope.
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_classes",
    params(ListParams, ClassFilters),
    responses((status = 200, description = "A page of classes", body = ClassList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_classes(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<ClassFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(&[("code", ClassSort::Code), ("name", ClassSort::Name)])?;
    let query = filters.parse(params.q.clone())?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, query, request),
    )
    .await
}

/// Get a class.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_class",
    params(("id" = Uuid, Path, description = "Class id")),
    responses(
        (status = 200, description = "The class", body = Class),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_class(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let class = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, class.version, &class))
}

/// Change a class until it is completed or cancelled; absent fields stay.
#[utoipa::path(
    tag = "teaching",
    operation_id = "update_class",
    params(("id" = Uuid, Path, description = "Class id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateClass,
    responses(
        (status = 200, description = "Changed", body = Class),
        (status = 409, description = "Completed or cancelled, or the code is taken", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_class(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ClassId>,
    body: Json<UpdateClass>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let class = state
        .write(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, class.version, &class))
}

async fn step(
    state: web::Data<AppState>,
    caller: Caller,
    id: ClassId,
    action: ClassAction,
    input: ClassStepInput,
) -> Result<HttpResponse, ApiError> {
    let class = state
        .write(move |conn| service::step(conn, &caller, id, action, input))
        .await?;
    Ok(with_etag(StatusCode::OK, class.version, &class))
}

macro_rules! class_action {
    ($fn:ident, $path:literal, $action:expr, $op:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "teaching",
            operation_id = $op,
            params(("id" = Uuid, Path, description = "Class id")),
            request_body(content = ClassStepInput, description = "An optional `comment`; the body may be empty"),
            responses(
                (status = 200, description = "The class after the step", body = Class),
                (status = 409, description = "The class's status does not allow this step", body = Problem, content_type = "application/problem+json")
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        pub async fn $fn(
            state: web::Data<AppState>,
            caller: Caller,
            id: web::Path<ClassId>,
            body: OptionalJson<ClassStepInput>,
        ) -> Result<HttpResponse, ApiError> {
            step(state, caller, id.into_inner(), $action, body.0).await
        }
    };
}

class_action!(
    open_class,
    "/{id}/open",
    ClassAction::Open,
    "open_class",
    "Open a planned class for nominations and enrolment."
);
class_action!(
    start_class,
    "/{id}/start",
    ClassAction::Start,
    "start_class",
    "Start an open class: its sessions may now be taught."
);
class_action!(
    complete_class,
    "/{id}/complete",
    ClassAction::Complete,
    "complete_class",
    "Complete a class in progress; it is read-only afterwards except its results."
);
class_action!(
    cancel_class,
    "/{id}/cancel",
    ClassAction::Cancel,
    "cancel_class",
    "Cancel a class that has not completed."
);

/// The workflow history of a class, oldest first.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_class_history",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "Every step", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn class_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let history = state
        .db(move |conn| service::history(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(history))
}

/// Schedule a session of a class. A lecturer is never in two sessions at once (409).
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_session",
    params(("id" = Uuid, Path, description = "Class id")),
    request_body = CreateSession,
    responses(
        (status = 201, description = "Scheduled", body = Session),
        (status = 409, description = "The lecturer teaches elsewhere at that time, or the class is over", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/sessions")]
pub async fn create_session(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
    body: Json<CreateSession>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let session = state
        .write(move |conn| service::create_session(conn, &caller, id, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, session.version, &session))
}

/// The timetable of a class, in time order (a lecturer sees their own sessions).
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_sessions",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The sessions", body = SessionList)),
    security(("bearer" = []))
)]
#[get("/{id}/sessions")]
pub async fn list_sessions(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let sessions = state
        .db(move |conn| service::sessions(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(sessions))
}

/// Each topic of the class's program: required, scheduled and taught periods.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_class_coverage",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The coverage", body = Coverage)),
    security(("bearer" = []))
)]
#[get("/{id}/coverage")]
pub async fn class_coverage(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let coverage = state
        .db(move |conn| service::coverage(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(coverage))
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
        .write(move |conn| service::teach(conn, &caller, id))
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
        .db(move |conn| service::session(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, session.version, &session))
}
