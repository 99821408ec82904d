//! `/lesson-plans`: lecturers' lesson plans and their approval workflow.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{
    parse_uuid_param, serve_history, serve_list, ListParams, PageParams, IN_STEP_ORDER,
    NEWEST_FIRST,
};
use crate::services::lesson_plans::{
    self as service, CreateLessonPlan, Edited, LessonPlan, LessonPlanList, LessonPlanStepInput,
    UpdateLessonPlan,
};
use crate::services::workflow::WorkflowHistory;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::DbConnection;
use centers_db::{LecturerId, LessonPlanId};
use centers_domain::teaching::{LessonPlanAction, LessonPlanStatus};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// Filters of the lesson-plan list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LessonPlanFilters {
    #[param(value_type = Option<Uuid>)]
    pub lecturer_id: Option<String>,
    #[param(value_type = Option<LessonPlanStatus>)]
    pub status: Option<String>,
}

/// Write a lesson plan for a topic (its first version, or the next one of an approved plan).
#[utoipa::path(
    tag = "teaching",
    operation_id = "create_lesson_plan",
    request_body = CreateLessonPlan,
    responses(
        (status = 201, description = "Created, in draft", body = LessonPlan),
        (status = 409, description = "A version is already being written or reviewed", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_lesson_plan(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateLessonPlan>,
) -> Result<HttpResponse, ApiError> {
    let plan = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, plan.version, &plan))
}

/// List lesson-plan versions, newest first (`sort=created`, `-created`; a lecturer sees their own).
/// `total` is answered for one lecturer's plans; for the whole scope, with `total=true`.
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_lesson_plans",
    params(PageParams, LessonPlanFilters),
    responses((status = 200, description = "A page of lesson-plan versions", body = LessonPlanList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_lesson_plans(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<LessonPlanFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging_by_timestamp(NEWEST_FIRST)?;
    let lecturer = parse_uuid_param("lecturer_id", filters.lecturer_id.as_deref())?.map(LecturerId);
    let status = match filters.status.as_deref() {
        None => None,
        Some(s) => Some(
            s.parse::<LessonPlanStatus>()
                .map_err(|e| ApiError::bad_field("status", "invalid", e.to_string()))?,
        ),
    };
    serve_list(&state, &req, caller, paging, move |conn, caller, page| {
        service::list(conn, caller, lecturer, status, page)
    })
    .await
}

/// Get a lesson-plan version.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_lesson_plan",
    params(("id" = Uuid, Path, description = "Lesson plan id")),
    responses(
        (status = 200, description = "The lesson plan", body = LessonPlan),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_lesson_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LessonPlanId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let plan = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, plan.version, &plan))
}

/// Change a lesson plan: in place while draft or returned (200); on an approved plan a new
/// version is opened in draft (201) and the approved one stays in force until it is approved.
#[utoipa::path(
    tag = "teaching",
    operation_id = "update_lesson_plan",
    params(("id" = Uuid, Path, description = "Lesson plan id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateLessonPlan,
    responses(
        (status = 200, description = "Changed", body = LessonPlan),
        (status = 201, description = "A new version, in draft", body = LessonPlan),
        (status = 409, description = "Under review, superseded, or a newer version is open", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_lesson_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LessonPlanId>,
    body: Json<UpdateLessonPlan>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let edited = state
        .write(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(match edited {
        Edited::InPlace(p) => with_etag(StatusCode::OK, p.version, &p),
        Edited::NewVersion(p) => with_etag(StatusCode::CREATED, p.version, &p),
    })
}

workflow_steps! {
    tag: "teaching",
    id: LessonPlanId, id_doc: "Lesson plan id",
    input: LessonPlanStepInput,
    answer: LessonPlan,
    conflict: "The status does not allow this step",
    service: service::step;
    /// Submit a draft or returned lesson plan for appraisal.
    submit_lesson_plan: "/{id}/submit" => LessonPlanAction::Submit, body: "A `comment` (required to return); the body may be empty";
    /// Appraise a submitted lesson plan (never one's own).
    appraise_lesson_plan: "/{id}/appraise" => LessonPlanAction::Appraise, body: "A `comment` (required to return); the body may be empty";
    /// Approve an appraised lesson plan (never one's own); it is in force from today (Vietnam time) and replaces the previous approved version.
    approve_lesson_plan: "/{id}/approve" => LessonPlanAction::Approve, body: "A `comment` (required to return); the body may be empty";
    /// Return a submitted or appraised lesson plan with a comment.
    return_lesson_plan: "/{id}/return" => LessonPlanAction::Return, body: "A `comment` (required to return); the body may be empty";
}

/// The workflow history of a lesson-plan version, oldest first.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_lesson_plan_history",
    params(PageParams, ("id" = Uuid, Path, description = "Lesson plan id")),
    responses((status = 200, description = "Every step", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn lesson_plan_history(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<LessonPlanId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| service::history(conn, caller, id);
    serve_history(&state, &req, caller, &params, read).await
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/lesson-plans")
                .service(create_lesson_plan)
                .service(list_lesson_plans)
                .service(get_lesson_plan)
                .service(update_lesson_plan)
                .service(submit_lesson_plan)
                .service(appraise_lesson_plan)
                .service(approve_lesson_plan)
                .service(return_lesson_plan)
                .service(lesson_plan_history),
        );
    },
    sorts: &[
        ("list_lesson_plans", || sort_names(NEWEST_FIRST)),
        ("get_lesson_plan_history", || sort_names(IN_STEP_ORDER)),
    ],
};
