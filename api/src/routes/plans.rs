//! Annual training plans: lines, the approval workflow, history, approval grants.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::{Json, OptionalJson};
use crate::http::{check_if_match, etag_response, if_match_version, utc, with_etag};
use crate::list_schema;
use crate::paging::{list_response, parse_uuid_param, ListParams};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::plans::{self as db, LineFields, LineRow, PlanFilter, PlanRow, PlanSort};
use centers_db::{
    audit, identity, organizations as orgs, programs, write_transaction, DbConnection, Id,
};
use centers_domain::access::{Permission, Principal, Role};
use centers_domain::organizations::OrganizationKind;
use centers_domain::plans::{self as rules, PlanAction, PlanCapacity, PlanStatus, Step};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A line of a plan: a program, how many classes and learners, when.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanLine {
    pub id: Uuid,
    pub program_id: Uuid,
    pub program_code: String,
    /// The program's category code.
    pub category: String,
    pub program_name: String,
    pub planned_classes: i32,
    pub planned_learners: i32,
    /// 1–4, or null for the whole year.
    pub quarter: Option<i32>,
    pub note: Option<String>,
    pub version: i32,
}

/// The standing committee's approval decision (quyết định phê duyệt).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApprovalDecision {
    #[schema(example = "125-QĐ/HU")]
    pub number: String,
    pub date: NaiveDate,
    /// Who signed the decision, as written on it.
    pub signer: Option<String>,
    /// The account that recorded the approval.
    pub recorded_by: Option<Uuid>,
    pub recorded_at: Option<DateTime<Utc>>,
}

/// An annual training plan (one revision of it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainingPlan {
    pub id: Uuid,
    pub center_id: Uuid,
    pub year: i32,
    /// 1 for the first plan of a year; amendments of an approved plan are revisions 2, 3, ...
    pub revision: i32,
    /// The approved revision this one amends.
    pub revision_of: Option<Uuid>,
    /// `draft`, `submitted`, `appraised`, `approved`, `returned` or `superseded`.
    pub status: String,
    /// The actions the status allows next (what this caller may do is in `GET /me`'s role).
    pub allowed_actions: Vec<String>,
    pub note: Option<String>,
    pub decision: Option<ApprovalDecision>,
    pub lines: Vec<PlanLine>,
    pub planned_classes: i64,
    pub planned_learners: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(TrainingPlanList, TrainingPlan);
list_schema!(PlanLineList, PlanLine);

/// One step of a plan's workflow.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanTransition {
    pub id: Uuid,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub comment: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

list_schema!(PlanHistory, PlanTransition);

/// A new plan.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePlan {
    pub center_id: Uuid,
    pub year: i32,
    pub note: Option<String>,
}

/// Changes to a plan itself.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePlan {
    pub note: Option<String>,
}

/// A line to add or the new values of a line.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    pub program_id: Uuid,
    pub planned_classes: i32,
    pub planned_learners: i32,
    pub quarter: Option<i32>,
    pub note: Option<String>,
}

/// The body of a workflow action.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionInput {
    /// Required for `return`.
    pub comment: Option<String>,
    /// Required for `approve`: the standing committee's decision number.
    pub decision_number: Option<String>,
    /// Required for `approve`.
    pub decision_date: Option<NaiveDate>,
    /// For `approve`: who signed the decision.
    pub signer: Option<String>,
}

/// Filters of the plan list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanFilters {
    #[param(value_type = Option<Uuid>)]
    pub center_id: Option<String>,
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// A status.
    pub status: Option<String>,
}

/// A grant to record a district's plan approvals.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApprovalGrant {
    pub id: Uuid,
    pub user_id: Uuid,
    pub district_id: Uuid,
    pub granted_by: Uuid,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

list_schema!(ApprovalGrantList, ApprovalGrant);

/// A new grant.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGrant {
    /// A center admin of the district's center.
    pub user_id: Uuid,
    pub district_id: Uuid,
}

fn grant_dto(g: db::GrantRow) -> ApprovalGrant {
    ApprovalGrant {
        id: g.id.into(),
        user_id: g.user_id.into(),
        district_id: g.district_id.into(),
        granted_by: g.granted_by.into(),
        revoked_at: g.revoked_at.map(utc),
        created_at: utc(g.created_at),
    }
}

/// Builds plan DTOs with their lines and programs, in two queries for any number of plans.
pub(crate) fn plan_dtos(
    conn: &mut DbConnection,
    plans: Vec<PlanRow>,
) -> Result<Vec<TrainingPlan>, ApiError> {
    let ids: Vec<Id> = plans.iter().map(|p| p.id).collect();
    let lines = db::lines_of(conn, &ids)?;
    let program_ids: Vec<Id> = lines.iter().map(|l| l.program_id).collect();
    let progs: HashMap<Id, programs::ProgramRow> = programs::by_ids(conn, &program_ids)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut by_plan: HashMap<Id, Vec<PlanLine>> = HashMap::new();
    for l in lines {
        let p = progs.get(&l.program_id);
        by_plan.entry(l.plan_id).or_default().push(line_dto(l, p));
    }
    Ok(plans
        .into_iter()
        .map(|p| {
            let lines = by_plan.remove(&p.id).unwrap_or_default();
            plan_dto(p, lines)
        })
        .collect())
}

fn line_dto(l: LineRow, p: Option<&programs::ProgramRow>) -> PlanLine {
    PlanLine {
        id: l.id.into(),
        program_id: l.program_id.into(),
        program_code: p.map(|p| p.code.clone()).unwrap_or_default(),
        category: p.map(|p| p.category.clone()).unwrap_or_default(),
        program_name: p.map(|p| p.name.clone()).unwrap_or_default(),
        planned_classes: l.planned_classes,
        planned_learners: l.planned_learners,
        quarter: l.quarter,
        note: l.note,
        version: l.version,
    }
}

fn plan_dto(p: PlanRow, lines: Vec<PlanLine>) -> TrainingPlan {
    let status: Option<PlanStatus> = p.status.parse().ok();
    let decision = match (p.decision_number.clone(), p.decision_date) {
        (Some(number), Some(date)) => Some(ApprovalDecision {
            number,
            date,
            signer: p.decision_signer.clone(),
            recorded_by: p.approved_by.map(Into::into),
            recorded_at: p.approved_at.map(utc),
        }),
        _ => None,
    };
    TrainingPlan {
        id: p.id.into(),
        center_id: p.center_id.into(),
        year: p.year,
        revision: p.revision,
        revision_of: p.revision_of.map(Into::into),
        allowed_actions: status
            .map(rules::allowed_actions)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.as_str().to_owned())
            .collect(),
        status: p.status,
        note: p.note,
        decision,
        planned_classes: lines.iter().map(|l| i64::from(l.planned_classes)).sum(),
        planned_learners: lines.iter().map(|l| i64::from(l.planned_learners)).sum(),
        lines,
        version: p.version,
        created_at: utc(p.created_at),
        updated_at: utc(p.updated_at),
    }
}

fn one_dto(conn: &mut DbConnection, p: PlanRow) -> Result<TrainingPlan, ApiError> {
    plan_dtos(conn, vec![p])?
        .pop()
        .ok_or_else(|| ApiError::Internal("plan vanished".into()))
}

/// A line of a plan as audited: the same shape as the API returns it.
fn line_json(plan: &TrainingPlan, line: Uuid) -> Option<serde_json::Value> {
    plan.lines
        .iter()
        .find(|l| l.id == line)
        .and_then(|l| serde_json::to_value(l).ok())
}

fn json_of(p: &TrainingPlan) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

/// In what capacity the caller acts on a plan of `center` (already visible to it).
fn capacity(
    conn: &mut DbConnection,
    caller: &Caller,
    center: Id,
) -> Result<PlanCapacity, ApiError> {
    Ok(match caller.principal {
        Principal::User(Role::ProvinceAdmin) => PlanCapacity::ProvinceAdmin,
        Principal::User(Role::CenterAdmin) if Id::from(caller.scope_id) == center => {
            let center_row = orgs::find(conn, center, None, None)?.ok_or(ApiError::NotFound)?;
            let grant = match center_row.parent_id {
                Some(district) => db::holds_grant(conn, caller.id.into(), district)?,
                None => false,
            };
            PlanCapacity::CenterAdmin {
                holds_approval_grant: grant,
            }
        }
        _ => PlanCapacity::Reader,
    })
}

fn plan_in_scope(conn: &mut DbConnection, caller: &Caller, id: Uuid) -> Result<PlanRow, ApiError> {
    db::find_in_scope(conn, id.into(), &caller.scope_path)?.ok_or(ApiError::NotFound)
}

fn status_of(p: &PlanRow) -> Result<PlanStatus, ApiError> {
    p.status
        .parse()
        .map_err(|_| ApiError::Internal(format!("stored status {:?}", p.status)))
}

fn illegal(e: rules::IllegalStep) -> ApiError {
    ApiError::Conflict {
        detail: e.to_string(),
        current_state: Some(e.current.as_str().to_owned()),
        allowed_actions: Some(e.allowed.iter().map(|a| a.as_str().to_owned()).collect()),
    }
}

/// Refuses line edits unless the caller edits plans and the plan is in draft or returned.
fn require_editable(
    conn: &mut DbConnection,
    caller: &Caller,
    plan: &PlanRow,
) -> Result<(), ApiError> {
    let cap = capacity(conn, caller, plan.center_id)?;
    if !rules::may_edit(cap) {
        return Err(ApiError::Forbidden(
            "only the center's administrators edit its plan".into(),
        ));
    }
    let status = status_of(plan)?;
    if !rules::lines_editable(status) {
        return Err(ApiError::Conflict {
            detail: format!("a {status} plan cannot be edited"),
            current_state: Some(status.as_str().into()),
            allowed_actions: Some(
                rules::allowed_actions(status)
                    .iter()
                    .map(|a| a.as_str().to_owned())
                    .collect(),
            ),
        });
    }
    Ok(())
}

fn parse_line(
    conn: &mut DbConnection,
    caller: &Caller,
    input: &LineInput,
) -> Result<LineFields, ApiError> {
    let mut errors: Vec<FieldError> =
        rules::line_problems(input.planned_classes, input.planned_learners, input.quarter)
            .into_iter()
            .map(|(f, m)| FieldError::new(f, "invalid", m))
            .collect();
    let program = programs::find(conn, input.program_id.into(), caller.province_id()?.into())?;
    match &program {
        None => errors.push(FieldError::new(
            "program_id",
            "unknown_program",
            "no such program",
        )),
        Some(p) if p.retired_at.is_some() => errors.push(FieldError::new(
            "program_id",
            "retired_program",
            "the program is retired and cannot be planned",
        )),
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(LineFields {
        program_id: input.program_id.into(),
        planned_classes: input.planned_classes,
        planned_learners: input.planned_learners,
        quarter: input.quarter,
        note: input
            .note
            .as_deref()
            .map(centers_domain::text::normalize)
            .filter(|n| !n.is_empty()),
    })
}

/// Create the plan of a center for a year (the center's administrators).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_training_plan",
    request_body = CreatePlan,
    responses(
        (status = 201, description = "Created in draft", body = TrainingPlan),
        (status = 409, description = "The center already has a plan for that year", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/training-plans")]
pub async fn create_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreatePlan>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let CreatePlan {
        center_id,
        year,
        note,
    } = body.0;
    if !rules::valid_year(year) {
        return Err(ApiError::invalid_field(
            "year",
            "out_of_range",
            "must be from 2000 to 2100",
        ));
    }
    let ctx = caller.audit();
    let plan = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                orgs::find(
                    conn,
                    center_id.into(),
                    Some(OrganizationKind::Center),
                    Some(&caller.scope_path),
                )?
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "center_id",
                        "unknown_center",
                        "no such center in your scope",
                    )
                })?;
                if !rules::may_edit(capacity(conn, &caller, center_id.into())?) {
                    return Err(ApiError::Forbidden(
                        "only the center's administrators create its plan".into(),
                    ));
                }
                if let Some(existing) = db::revisions(conn, center_id.into(), year)?.first() {
                    return Err(ApiError::conflict(format!(
                        "the center already has a plan for {year} ({}); amend it with a revision",
                        existing.id
                    )));
                }
                let note = note
                    .as_deref()
                    .map(centers_domain::text::normalize)
                    .filter(|n| !n.is_empty());
                let row = db::insert_plan(conn, center_id.into(), year, 1, None, note)?;
                let dto = one_dto(conn, row)?;
                audit::record(
                    conn,
                    &ctx,
                    "create",
                    "training_plan",
                    &dto.id.to_string(),
                    None,
                    Some(&json_of(&dto)),
                )?;
                Ok(dto)
            })
        })
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
#[get("/training-plans")]
pub async fn list_training_plans(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<PlanFilters>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let paging = params.paging(&[("year", PlanSort::Year)])?;
    let year = match filters.year.as_deref() {
        None => None,
        Some(y) => Some(
            y.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| rules::valid_year(*y))
                .ok_or_else(|| {
                    ApiError::bad_field("year", "invalid", "must be a year from 2000 to 2100")
                })?,
        ),
    };
    if let Some(s) = &filters.status {
        s.parse::<PlanStatus>()
            .map_err(|e| ApiError::bad_field("status", "invalid", e.to_string()))?;
    }
    let filter = PlanFilter {
        scope_path: caller.scope_path.clone(),
        center_id: parse_uuid_param("center_id", filters.center_id.as_deref())?.map(Id::from),
        year,
        status: filters.status.clone(),
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| {
            let page = db::list(conn, &filter, &request)?;
            let centers_db::paging::Page { items, total, next } = page;
            let items = plan_dtos(conn, items)?;
            Ok(centers_db::paging::Page { items, total, next })
        })
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}

/// Get a plan with its lines.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_training_plan",
    params(("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "The plan", body = TrainingPlan), (status = 304, description = "Not modified")),
    security(("bearer" = []))
)]
#[get("/training-plans/{id}")]
pub async fn get_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let id = id.into_inner();
    let plan = state
        .db(move |conn| {
            let row = plan_in_scope(conn, &caller, id)?;
            one_dto(conn, row)
        })
        .await?;
    Ok(etag_response(&req, plan.version, &plan))
}

/// Change a plan's note (draft or returned plans, the center's administrators).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "update_training_plan",
    params(("id" = Uuid, Path, description = "Plan id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdatePlan,
    responses(
        (status = 200, description = "Changed", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/training-plans/{id}")]
pub async fn update_training_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Json<UpdatePlan>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let ctx = caller.audit();
    let note = body
        .0
        .note
        .map(|n| centers_domain::text::normalize(&n))
        .filter(|n| !n.is_empty());
    let plan = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let row = plan_in_scope(conn, &caller, id)?;
                require_editable(conn, &caller, &row)?;
                check_if_match(expected, row.version)?;
                let before = one_dto(conn, row.clone())?;
                let updated =
                    db::touch(conn, &row, Some(note))?.ok_or(ApiError::PreconditionFailed)?;
                let after = one_dto(conn, updated)?;
                audit::record(
                    conn,
                    &ctx,
                    "update",
                    "training_plan",
                    &id.to_string(),
                    Some(&json_of(&before)),
                    Some(&json_of(&after)),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(with_etag(StatusCode::OK, plan.version, &plan))
}

/// List a plan's lines.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "list_training_plan_lines",
    params(("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "The lines, in the order they were added", body = PlanLineList)),
    security(("bearer" = []))
)]
#[get("/training-plans/{id}/lines")]
pub async fn list_training_plan_lines(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let id = id.into_inner();
    let plan = state
        .db(move |conn| {
            let row = plan_in_scope(conn, &caller, id)?;
            one_dto(conn, row)
        })
        .await?;
    let total = i64::try_from(plan.lines.len()).unwrap_or(i64::MAX);
    Ok(HttpResponse::Ok().json(PlanLineList {
        items: plan.lines,
        next_cursor: None,
        total,
    }))
}

/// Add a line (draft or returned plans).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_training_plan_line",
    params(("id" = Uuid, Path, description = "Plan id")),
    request_body = LineInput,
    responses(
        (status = 201, description = "Added; the whole plan is returned", body = TrainingPlan),
        (status = 409, description = "The plan is not editable in its status", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/training-plans/{id}/lines")]
pub async fn create_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<LineInput>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let id = id.into_inner();
    let ctx = caller.audit();
    let input = body.0;
    let plan = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let row = plan_in_scope(conn, &caller, id)?;
                require_editable(conn, &caller, &row)?;
                let fields = parse_line(conn, &caller, &input)?;
                let line = db::insert_line(conn, row.id, &fields)?;
                let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
                let after = one_dto(conn, updated)?;
                audit::record(
                    conn,
                    &ctx,
                    "create",
                    "training_plan_line",
                    &line.id.to_string(),
                    None,
                    line_json(&after, line.id.into()).as_ref(),
                )?;
                Ok(after)
            })
        })
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
        (status = 409, description = "The plan is not editable in its status", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The line changed since that version", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/training-plans/{id}/lines/{line_id}")]
pub async fn update_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<LineInput>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let expected = if_match_version(&req)?;
    let (id, line_id) = path.into_inner();
    let ctx = caller.audit();
    let input = body.0;
    let plan = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let row = plan_in_scope(conn, &caller, id)?;
                let line =
                    db::find_line(conn, row.id, line_id.into())?.ok_or(ApiError::NotFound)?;
                require_editable(conn, &caller, &row)?;
                check_if_match(expected, line.version)?;
                let fields = parse_line(conn, &caller, &input)?;
                let before = line_json(&one_dto(conn, row.clone())?, line_id);
                db::update_line(conn, &line, &fields)?.ok_or(ApiError::PreconditionFailed)?;
                let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
                let after = one_dto(conn, updated)?;
                audit::record(
                    conn,
                    &ctx,
                    "update",
                    "training_plan_line",
                    &line_id.to_string(),
                    before.as_ref(),
                    line_json(&after, line_id).as_ref(),
                )?;
                Ok(after)
            })
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
        (status = 409, description = "The plan is not editable in its status", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/training-plans/{id}/lines/{line_id}")]
pub async fn delete_training_plan_line(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let (id, line_id) = path.into_inner();
    let ctx = caller.audit();
    let plan = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let row = plan_in_scope(conn, &caller, id)?;
                let line =
                    db::find_line(conn, row.id, line_id.into())?.ok_or(ApiError::NotFound)?;
                require_editable(conn, &caller, &row)?;
                let before = line_json(&one_dto(conn, row.clone())?, line_id);
                db::delete_line(conn, line.id)?;
                let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
                audit::record(
                    conn,
                    &ctx,
                    "delete",
                    "training_plan_line",
                    &line_id.to_string(),
                    before.as_ref(),
                    None,
                )?;
                one_dto(conn, updated)
            })
        })
        .await?;
    Ok(with_etag(StatusCode::OK, plan.version, &plan))
}

/// Takes a workflow step in one transaction: scope (404), capacity (403), status (409), body
/// (422), then the guarded status change that lets exactly one of two racing requests win.
async fn take_action(
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    action: PlanAction,
    input: ActionInput,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let ctx = caller.audit();
    let (status, plan) = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let row = plan_in_scope(conn, &caller, id)?;
                let cap = capacity(conn, &caller, row.center_id)?;
                if !rules::may_take(cap, action) {
                    return Err(ApiError::Forbidden(format!(
                        "your role cannot {action} this plan"
                    )));
                }
                let current = status_of(&row)?;
                let step = rules::step(current, action).map_err(illegal)?;
                let text = |v: &Option<String>| {
                    v.as_deref()
                        .map(centers_domain::text::normalize)
                        .filter(|c| !c.is_empty())
                };
                let (comment, number) = (text(&input.comment), text(&input.decision_number));
                let before = one_dto(conn, row.clone())?;
                let missing = rules::missing_for(
                    action,
                    rules::StepFacts {
                        has_comment: comment.is_some(),
                        has_decision_number: number.is_some(),
                        has_decision_date: input.decision_date.is_some(),
                        line_count: before.lines.len(),
                    },
                );
                if !missing.is_empty() {
                    return Err(ApiError::Validation(
                        missing
                            .into_iter()
                            .map(|(field, code, message)| FieldError::new(field, code, message))
                            .collect(),
                    ));
                }
                match step {
                    Step::To(next) => {
                        let decision = match (number, input.decision_date) {
                            (Some(n), Some(d)) if action == PlanAction::Approve => Some((n, d)),
                            _ => None,
                        };
                        let signer = input
                            .signer
                            .as_deref()
                            .map(centers_domain::text::normalize)
                            .filter(|s| !s.is_empty());
                        let changed = db::change_status(
                            conn,
                            row.id,
                            current.as_str(),
                            next.as_str(),
                            decision.as_ref().map(|(n, d)| {
                                (n.as_str(), *d, signer.as_deref(), Id::from(caller.id))
                            }),
                        )?;
                        let Some(changed) = changed else {
                            // Someone else moved the plan first.
                            let now = status_of(&plan_in_scope(conn, &caller, id)?)?;
                            return Err(illegal(rules::IllegalStep {
                                current: now,
                                action,
                                allowed: rules::allowed_actions(now),
                            }));
                        };
                        db::record_transition(
                            conn,
                            row.id,
                            action.as_str(),
                            current.as_str(),
                            next.as_str(),
                            &ctx.actor,
                            comment.as_deref(),
                        )?;
                        if next == PlanStatus::Approved {
                            for old in db::supersede_others(conn, &changed)? {
                                db::record_transition(
                                    conn,
                                    old,
                                    "supersede",
                                    "approved",
                                    "superseded",
                                    &ctx.actor,
                                    Some(&format!("revision {} approved", changed.revision)),
                                )?;
                            }
                        }
                        let after = one_dto(conn, changed)?;
                        audit::record(
                            conn,
                            &ctx,
                            action.as_str(),
                            "training_plan",
                            &id.to_string(),
                            Some(&json_of(&before)),
                            Some(&json_of(&after)),
                        )?;
                        Ok((StatusCode::OK, after))
                    }
                    Step::NewRevision => {
                        let revisions = db::revisions(conn, row.center_id, row.year)?;
                        let statuses = revisions
                            .iter()
                            .map(status_of)
                            .collect::<Result<Vec<_>, _>>()?;
                        if !rules::may_open_revision(&statuses) {
                            let open = revisions.first().map(|r| r.revision).unwrap_or_default();
                            return Err(ApiError::conflict(format!(
                                "revision {open} is already open; finish it first"
                            )));
                        }
                        let next_revision = revisions
                            .iter()
                            .map(|r| r.revision)
                            .max()
                            .unwrap_or(row.revision)
                            + 1;
                        let new = db::insert_plan(
                            conn,
                            row.center_id,
                            row.year,
                            next_revision,
                            Some(row.id),
                            row.note.clone(),
                        )?;
                        for line in db::lines_of(conn, &[row.id])? {
                            db::insert_line(
                                conn,
                                new.id,
                                &LineFields {
                                    program_id: line.program_id,
                                    planned_classes: line.planned_classes,
                                    planned_learners: line.planned_learners,
                                    quarter: line.quarter,
                                    note: line.note,
                                },
                            )?;
                        }
                        let opened = format!("revision {next_revision} opened");
                        db::record_transition(
                            conn,
                            row.id,
                            "revise",
                            "approved",
                            "approved",
                            &ctx.actor,
                            Some(comment.as_deref().unwrap_or(&opened)),
                        )?;
                        db::record_transition(
                            conn,
                            new.id,
                            "revise",
                            "approved",
                            "draft",
                            &ctx.actor,
                            comment.as_deref(),
                        )?;
                        let after = one_dto(conn, new)?;
                        audit::record(
                            conn,
                            &ctx,
                            "revise",
                            "training_plan",
                            &after.id.to_string(),
                            None,
                            Some(&json_of(&after)),
                        )?;
                        Ok((StatusCode::CREATED, after))
                    }
                }
            })
        })
        .await?;
    Ok(with_etag(status, plan.version, &plan))
}

macro_rules! action_handler {
    ($name:ident, $path:literal, $action:expr, $op:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "training-plans",
            operation_id = $op,
            params(("id" = Uuid, Path, description = "Plan id")),
            request_body(content = ActionInput, description = "`comment`; for approve also `decision_number`, `decision_date`, `signer`"),
            responses(
                (status = 200, description = "The plan after the step", body = TrainingPlan),
                (status = 201, description = "revise of an approved plan: the new revision, in draft", body = TrainingPlan),
                (status = 409, description = "Illegal in the current state: `current_state` and `allowed_actions` say what is possible", body = crate::error::Problem, content_type = "application/problem+json")
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        pub async fn $name(
            state: web::Data<AppState>,
            caller: Caller,
            id: web::Path<Uuid>,
            body: OptionalJson<ActionInput>,
        ) -> Result<HttpResponse, ApiError> {
            take_action(state, caller, id.into_inner(), $action, body.0).await
        }
    };
}

action_handler!(
    submit_training_plan,
    "/training-plans/{id}/submit",
    PlanAction::Submit,
    "submit_training_plan",
    "Submit a draft or returned plan for appraisal (the center's administrators)."
);
action_handler!(
    appraise_training_plan,
    "/training-plans/{id}/appraise",
    PlanAction::Appraise,
    "appraise_training_plan",
    "Record the provincial school's appraisal (thẩm định) of a submitted plan (province admins)."
);
action_handler!(approve_training_plan, "/training-plans/{id}/approve", PlanAction::Approve, "approve_training_plan",
    "Record the district standing committee's approval (phê duyệt) of an appraised plan, with the decision's number, date and signer (province admins, or a center admin holding an approval grant for the district).");
action_handler!(
    return_training_plan,
    "/training-plans/{id}/return",
    PlanAction::Return,
    "return_training_plan",
    "Return a submitted or appraised plan to the center with a comment (province admins)."
);
action_handler!(revise_training_plan, "/training-plans/{id}/revise", PlanAction::Revise, "revise_training_plan",
    "Reopen a returned plan as a draft, or open a new revision of an approved plan (the approved one stays in force until the revision is approved).");

/// The workflow history of a plan.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "get_training_plan_history",
    params(("id" = Uuid, Path, description = "Plan id")),
    responses((status = 200, description = "Every step, oldest first", body = PlanHistory)),
    security(("bearer" = []))
)]
#[get("/training-plans/{id}/history")]
pub async fn get_training_plan_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let id = id.into_inner();
    let items = state
        .db(move |conn| {
            let row = plan_in_scope(conn, &caller, id)?;
            Ok(db::history(conn, row.id)?
                .into_iter()
                .map(|t| PlanTransition {
                    id: t.id.into(),
                    action: t.action,
                    from_status: t.from_status,
                    to_status: t.to_status,
                    actor_type: t.actor_type,
                    actor_id: t.actor_id.map(Into::into),
                    actor_name: t.actor_name,
                    comment: t.comment,
                    occurred_at: utc(t.occurred_at),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    Ok(HttpResponse::Ok().json(PlanHistory {
        items,
        next_cursor: None,
        total,
    }))
}

/// Grant a center admin the right to record its district's plan approval (province admins).
#[utoipa::path(
    tag = "training-plans",
    operation_id = "create_approval_grant",
    request_body = CreateGrant,
    responses((status = 201, description = "Granted", body = ApprovalGrant)),
    security(("bearer" = []))
)]
#[post("/approval-grants")]
pub async fn create_approval_grant(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateGrant>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    let CreateGrant {
        user_id,
        district_id,
    } = body.0;
    let ctx = caller.audit();
    let grant = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let district = orgs::find(
                    conn,
                    district_id.into(),
                    Some(OrganizationKind::District),
                    Some(&caller.scope_path),
                )?
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "district_id",
                        "unknown_district",
                        "no such district in your scope",
                    )
                })?;
                let user = identity::find_user_in_scope(conn, user_id.into(), &district.path)?
                    .filter(|u| u.role == Role::CenterAdmin.as_str())
                    .ok_or_else(|| {
                        ApiError::invalid_field(
                            "user_id",
                            "not_a_center_admin",
                            "must be a center admin of the district's center",
                        )
                    })?;
                if db::holds_grant(conn, user.id, district.id)? {
                    return Err(ApiError::conflict("the user already holds this grant"));
                }
                let g = db::insert_grant(conn, user.id, district.id, caller.id.into())?;
                let dto = grant_dto(g);
                audit::record(
                    conn,
                    &ctx,
                    "create",
                    "approval_grant",
                    &dto.id.to_string(),
                    None,
                    serde_json::to_value(&dto).ok().as_ref(),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(grant))
}

/// List approval grants.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "list_approval_grants",
    responses((status = 200, description = "Grants, newest first", body = ApprovalGrantList)),
    security(("bearer" = []))
)]
#[get("/approval-grants")]
pub async fn list_approval_grants(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    let scope = caller.scope_path.clone();
    let items: Vec<ApprovalGrant> = state
        .db(move |conn| {
            Ok(db::list_grants(conn, &scope)?
                .into_iter()
                .map(grant_dto)
                .collect())
        })
        .await?;
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    Ok(HttpResponse::Ok().json(ApprovalGrantList {
        items,
        next_cursor: None,
        total,
    }))
}

/// Revoke an approval grant.
#[utoipa::path(
    tag = "training-plans",
    operation_id = "revoke_approval_grant",
    params(("id" = Uuid, Path, description = "Grant id")),
    responses((status = 200, description = "Revoked", body = ApprovalGrant)),
    security(("bearer" = []))
)]
#[post("/approval-grants/{id}/revoke")]
pub async fn revoke_approval_grant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    let id = id.into_inner();
    let ctx = caller.audit();
    let grant = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let g = db::find_grant(conn, id.into())?.ok_or(ApiError::NotFound)?;
                orgs::find(conn, g.district_id, None, Some(&caller.scope_path))?
                    .ok_or(ApiError::NotFound)?;
                let after = grant_dto(db::revoke_grant(conn, g.id)?);
                audit::record(
                    conn,
                    &ctx,
                    "revoke",
                    "approval_grant",
                    &id.to_string(),
                    None,
                    serde_json::to_value(&after).ok().as_ref(),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(grant))
}
