//! `/training-plans`: plans, their lines, workflow steps and history. Handlers extract, call one
//! service function and respond; the use cases are in `services::training_plans`.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{
    parse_uuid_param, serve_history, serve_list, serve_whole, text_key, ListParams, PageParams,
    IN_STEP_ORDER,
};
use crate::services::plan_lines::LineInput;
use crate::services::training_plans::{
    self as service, ActionInput, CreatePlan, PlanLineList, TrainingPlan, TrainingPlanList,
    UpdatePlan,
};
use crate::services::workflow::WorkflowHistory;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::plans::PlanSort;
use centers_db::DbConnection;
use centers_db::{OrganizationId, PlanId, PlanLineId};
use centers_domain::plans::{valid_year, PlanAction, PlanStatus};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// A plan's lines, in the order they were added.
const LINE_SORTS: &[(&str, ())] = &[("added", ())];

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, PlanSort)] = &[("year", PlanSort::Year)];

/// Filters of the plan list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanFilters {
    #[param(value_type = Option<Uuid>)]
    pub center_id: Option<String>,
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub year: Option<String>,
    #[param(value_type = Option<PlanStatus>)]
    pub status: Option<String>,
}

type Filters = (Option<OrganizationId>, Option<i32>, Option<PlanStatus>);

impl PlanFilters {
    /// Each filter parsed, or a 400 naming the parameter.
    fn parse(&self) -> Result<Filters, ApiError> {
        let year = match self.year.as_deref() {
            None => None,
            Some(y) => Some(
                y.trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| valid_year(*y))
                    .ok_or_else(|| {
                        ApiError::bad_field("year", "invalid", "must be a year from 2000 to 2100")
                    })?,
            ),
        };
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(
                s.parse::<PlanStatus>()
                    .map_err(|e| ApiError::bad_field("status", "invalid", e.to_string()))?,
            ),
        };
        let center = parse_uuid_param("center_id", self.center_id.as_deref())?;
        Ok((center.map(OrganizationId), year, status))
    }
}

/// Create the plan of a center for a year (the center's administrators).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_training_plan",
    request_body = CreatePlan,
    responses(
        (status = 201, description = "Created in draft", body = TrainingPlan),
        (status = 409, description = "The center already has a plan for that year", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreatePlan>,
) -> Result<HttpResponse, ApiError> {
    let plan = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, plan.version, &plan))
}

/// List plans in my scope.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "list_training_plans",
    params(ListParams, PlanFilters),
    responses((status = 200, description = "A page of plans (sort: year, -year)", body = TrainingPlanList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_training_plans(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<PlanFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging_by_integer(SORTS)?;
    let (center, year, status) = filters.parse()?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, center, year, status, request),
    )
    .await
}

/// Get a plan with its lines.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_training_plan",
    params(("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "The plan", body = TrainingPlan), (status = 304, description = "Not modified")),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<PlanId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let plan = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, plan.version, &plan))
}

/// Change a plan's note (draft or returned plans, the center's administrators). An absent field
/// stays as it is; `null` clears it.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "update_training_plan",
    params(("id" = Uuid, Path, description = "Plan id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdatePlan,
    responses(
        (status = 200, description = "Changed", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<PlanId>,
    body: Json<UpdatePlan>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let plan = state
        .write(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, plan.version, &plan))
}

/// List a plan's lines.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "list_training_plan_lines",
    params(PageParams, ("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "The lines, in the order they were added (`sort=added`, `-added`)", body = PlanLineList)),
    security(("bearer" = []))
)]
#[get("/{id}/lines")]
pub async fn list_training_plan_lines(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<PlanId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| {
        crate::services::plan_lines::lines(conn, caller, id)
    };
    // Line ids are UUIDv7, made in the order the lines were added.
    serve_whole(&state, &req, caller, &params, LINE_SORTS, read, |l| {
        text_key("", l.id)
    })
    .await
}

/// Add a line (draft or returned plans).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_training_plan_line",
    params(("id" = Uuid, Path, description = "Plan id")),
    request_body = LineInput,
    responses(
        (status = 201, description = "Added; the whole plan is returned", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/lines")]
pub async fn create_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<PlanId>,
    body: Json<LineInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let plan = state
        .write(move |conn| crate::services::plan_lines::add_line(conn, &caller, id, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, plan.version, &plan))
}

/// Change a line (draft or returned plans).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "update_training_plan_line",
    params(("id" = Uuid, Path, description = "Plan id"), ("line_id" = Uuid, Path, description = "Line id"), ("If-Match" = Option<String>, Header, description = "ETag (version) of the line")),
    request_body = LineInput,
    responses(
        (status = 200, description = "Changed; the whole plan is returned", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The line changed since that version", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}/lines/{line_id}")]
pub async fn update_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(PlanId, PlanLineId)>,
    body: Json<LineInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let (id, line) = path.into_inner();
    let plan = state
        .write(move |conn| {
            crate::services::plan_lines::update_line(conn, &caller, id, line, expected, body.0)
        })
        .await?;
    Ok(with_etag(StatusCode::OK, plan.version, &plan))
}

/// Remove a line (draft or returned plans).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "delete_training_plan_line",
    params(("id" = Uuid, Path, description = "Plan id"), ("line_id" = Uuid, Path, description = "Line id")),
    responses(
        (status = 200, description = "Removed; the whole plan is returned", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/{id}/lines/{line_id}")]
pub async fn delete_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(PlanId, PlanLineId)>,
) -> Result<HttpResponse, ApiError> {
    let (id, line) = path.into_inner();
    let plan = state
        .write(move |conn| crate::services::plan_lines::delete_line(conn, &caller, id, line))
        .await?;
    Ok(with_etag(StatusCode::OK, plan.version, &plan))
}

workflow_steps! {
    tag: "training-plans",
    id: PlanId, id_doc: "Plan id",
    input: ActionInput,
    answer: TrainingPlan,
    conflict: "Illegal in the current state (`current_state` and `allowed_actions` say what is possible), or a revision is already open",
    service: service::take_step;
    /// Submit a draft or returned plan for appraisal (the center's administrators).
    submit_training_plan: "/{id}/submit" => PlanAction::Submit, body: "Optional `comment`";
    /// Record the provincial school's appraisal (thẩm định) of a submitted plan (province admins).
    appraise_training_plan: "/{id}/appraise" => PlanAction::Appraise, body: "Optional `comment`";
    /// Record the district standing committee's approval (phê duyệt) of an appraised plan, with the
    /// decision's number, date and signer (province admins, or a center admin holding an approval
    /// grant for the district). An earlier approved revision becomes `superseded`.
    approve_training_plan: "/{id}/approve" => PlanAction::Approve, body: "`decision_number` and `decision_date` (required), `signer`, `comment`";
    /// Return a submitted or appraised plan to the center with a comment (province admins).
    return_training_plan: "/{id}/return" => PlanAction::Return, body: "`comment` (required): why";
    /// Reopen a returned plan as a draft, or open a new revision of an approved plan (the approved one
    /// stays in force until the revision is approved).
    revise_training_plan: "/{id}/revise" => PlanAction::Revise, body: "Optional `comment`", created: "An approved plan: the new revision, in draft";
}

/// The workflow history of a plan.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_training_plan_history",
    params(PageParams, ("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "Every step, oldest first", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn get_training_plan_history(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<PlanId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| service::history(conn, caller, id);
    serve_history(&state, &req, caller, &params, read).await
}

/// One line of a plan.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_training_plan_line",
    params(("id" = Uuid, Path, description = "Plan id"), ("line_id" = Uuid, Path, description = "Line id")),
    responses((status = 200, description = "The line", body = crate::services::training_plans::PlanLine)),
    security(("bearer" = []))
)]
#[get("/{id}/lines/{line_id}")]
pub async fn get_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(PlanId, PlanLineId)>,
) -> Result<HttpResponse, ApiError> {
    let (id, line) = path.into_inner();
    let found = state
        .db(move |conn| crate::services::plan_lines::line(conn, &caller, id, line))
        .await?;
    Ok(etag_response(&req, found.version, &found))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/training-plans")
                .service(create_training_plan)
                .service(list_training_plans)
                .service(get_training_plan)
                .service(update_training_plan)
                .service(list_training_plan_lines)
                .service(create_training_plan_line)
                .service(update_training_plan_line)
                .service(get_training_plan_line)
                .service(delete_training_plan_line)
                .service(submit_training_plan)
                .service(appraise_training_plan)
                .service(approve_training_plan)
                .service(return_training_plan)
                .service(revise_training_plan)
                .service(get_training_plan_history),
        );
    },
    sorts: &[
        ("list_training_plans", || sort_names(SORTS)),
        ("list_training_plan_lines", || sort_names(LINE_SORTS)),
        ("get_training_plan_history", || sort_names(IN_STEP_ORDER)),
    ],
};
