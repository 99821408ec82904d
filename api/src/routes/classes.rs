//! `/classes` and `/sessions`: classes, their workflow, their timetable and its coverage.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{
    at_key, parse_uuid_param, serve_history, serve_list, serve_whole, text_key, ListParams,
    PageParams, IN_STEP_ORDER, OLDEST_FIRST,
};
use crate::services::attendance::*;
use crate::services::classes::{
    self as service, Class, ClassList, ClassQuery, ClassStepInput, CreateClass, UpdateClass,
};
use crate::services::coverage::Coverage;
use crate::services::enrollments::*;
use crate::services::result_reports::*;
use crate::services::sessions::{CreateSession, Session, SessionList};
use crate::services::workflow::WorkflowHistory;
use crate::services::{attendance, enrollments, result_reports};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::teaching::ClassSort;
use centers_db::DbConnection;
use centers_db::{ClassId, OrganizationId, ProgramId};
use centers_domain::teaching::{ClassAction, ClassStatus};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// A class's sessions, by their start.
const SESSION_SORTS: &[(&str, ())] = &[("starts", ())];

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, ClassSort)] = &[("code", ClassSort::Code), ("name", ClassSort::Name)];

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
    let paging = params.paging(SORTS)?;
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

workflow_steps! {
    tag: "teaching",
    id: ClassId, id_doc: "Class id",
    input: ClassStepInput,
    answer: Class,
    conflict: "The class's status does not allow this step",
    service: service::step;
    /// Open a planned class for nominations and enrolment.
    open_class: "/{id}/open" => ClassAction::Open, body: "An optional `comment`; the body may be empty";
    /// Start an open class: its sessions may now be taught.
    start_class: "/{id}/start" => ClassAction::Start, body: "An optional `comment`; the body may be empty";
    /// Complete a class in progress; it is read-only afterwards except its results.
    complete_class: "/{id}/complete" => ClassAction::Complete, body: "An optional `comment`; the body may be empty";
    /// Cancel a class that has not completed.
    cancel_class: "/{id}/cancel" => ClassAction::Cancel, body: "An optional `comment`; the body may be empty";
}

/// The workflow history of a class, oldest first.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_class_history",
    params(PageParams, ("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "Every step", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn class_history(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| service::history(conn, caller, id);
    serve_history(&state, &req, caller, &params, read).await
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
        .write(move |conn| crate::services::sessions::create_session(conn, &caller, id, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, session.version, &session))
}

/// The timetable of a class, in time order (a lecturer sees their own sessions).
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_sessions",
    params(PageParams, ("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The sessions, by start (`sort=starts`, `-starts`)", body = SessionList)),
    security(("bearer" = []))
)]
#[get("/{id}/sessions")]
pub async fn list_sessions(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| {
        crate::services::sessions::sessions(conn, caller, id)
    };
    serve_whole(&state, &req, caller, &params, SESSION_SORTS, read, |s| {
        text_key(format!("{}T{}", s.session_date, s.start_time), s.id)
    })
    .await
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
        .db(move |conn| crate::services::coverage::coverage(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(coverage))
}

/// Nominate a learner for an open class (a party organization for its own learners; a center
/// admin on their behalf).
#[utoipa::path(
    tag = "learners",
    operation_id = "nominate_learner",
    params(("id" = Uuid, Path, description = "Class id")),
    request_body = Nominate,
    responses(
        (status = 201, description = "Nominated", body = Enrollment),
        (status = 409, description = "The class is not open, or the learner is already nominated", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/nominations")]
pub async fn nominate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
    body: Json<Nominate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let enrollment = state
        .write(move |conn| enrollments::nominate(conn, &caller, id, body.0))
        .await?;
    Ok(with_etag(
        StatusCode::CREATED,
        enrollment.version,
        &enrollment,
    ))
}

/// The enrollments of a class (a party organization sees its own learners').
#[utoipa::path(
    tag = "learners",
    operation_id = "list_enrollments",
    params(PageParams, ("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The enrollments, in the order they were made (`sort=created`, `-created`)", body = EnrollmentList)),
    security(("bearer" = []))
)]
#[get("/{id}/enrollments")]
pub async fn list_enrollments(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read =
        move |conn: &mut DbConnection, caller: &Caller| enrollments::of_class(conn, caller, id);
    serve_whole(&state, &req, caller, &params, OLDEST_FIRST, read, |e| {
        at_key(e.created_at, e.id)
    })
    .await
}

/// Each enrollment's attendance ratio in a class, by periods of its taught sessions.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_class_attendance",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "Attendance", body = ClassAttendance)),
    security(("bearer" = []))
)]
#[get("/{id}/attendance")]
pub async fn get_class_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .db(move |conn| attendance::class_attendance(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// Results of a class's learners, as for a party organization (JSON, CSV or XLSX by `Accept`).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_class_results",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The results",
        content((ResultsReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/{id}/results")]
pub async fn class_results(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let report = state
        .db(move |conn| result_reports::results_of_class(conn, &caller, id))
        .await?;
    crate::export::respond(
        &req,
        &report,
        || result_reports::results_table(&report),
        "ket-qua-lop",
    )
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/classes")
                .service(create_class)
                .service(list_classes)
                .service(get_class)
                .service(update_class)
                .service(open_class)
                .service(start_class)
                .service(complete_class)
                .service(cancel_class)
                .service(class_history)
                .service(create_session)
                .service(list_sessions)
                .service(class_coverage)
                .service(nominate)
                .service(list_enrollments)
                .service(get_class_attendance)
                .service(class_results),
        );
    },
    sorts: &[
        ("list_classes", || sort_names(SORTS)),
        ("get_class_history", || sort_names(IN_STEP_ORDER)),
        ("list_sessions", || sort_names(SESSION_SORTS)),
        ("list_enrollments", || sort_names(OLDEST_FIRST)),
    ],
};
