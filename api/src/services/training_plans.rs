//! Annual training plans: create, read, edit note and lines, take workflow steps.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use crate::services::workflow::{By, Stepped};
use crate::services::{check_length, clean_text, workflow};
use centers_db::paging::{Page, PageRequest};
use centers_db::plans::{self as db, LineRow, PlanFilter, PlanRow, PlanSort, ScopedPlan};
use centers_db::writes::{self, Write};
use centers_db::{
    organizations as orgs, programs, DbConnection, OrganizationId, PlanId, PlanLineId, ProgramId,
    UserId,
};
use centers_domain::access::{Action, Permission};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use centers_domain::plans::{self as rules, PlanAction, PlanStatus, PlanWorkflow, Step};
use centers_domain::programs::ProgramCategory;
use centers_domain::workflow::refusal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// A line of a plan: a program, how many classes and learners, when.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanLine {
    pub id: PlanLineId,
    /// The plan the line belongs to.
    pub plan_id: PlanId,
    pub program_id: ProgramId,
    pub program_code: String,
    pub category: ProgramCategory,
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
    pub recorded_by: Option<UserId>,
    pub recorded_at: Option<DateTime<Utc>>,
}

/// An annual training plan (one revision of it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainingPlan {
    pub id: PlanId,
    pub center_id: OrganizationId,
    pub year: i32,
    /// 1 for the first plan of a year; amendments of an approved plan are revisions 2, 3, ...
    pub revision: i32,
    /// The approved revision this one amends.
    pub revision_of: Option<PlanId>,
    pub status: PlanStatus,
    /// The actions the status allows next (what this caller may do is in `GET /me`'s role).
    pub allowed_actions: Vec<PlanAction>,
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

/// A new plan.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePlan {
    pub center_id: OrganizationId,
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Changes to a plan itself: an absent field stays, `null` clears it.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePlan {
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub note: Patch<String>,
}

/// The body of a workflow action.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionInput {
    /// Required for `return`.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
    /// Required for `approve`: the standing committee's decision number.
    #[schema(max_length = 100, example = "125-QĐ/HU")]
    pub decision_number: Option<String>,
    /// Required for `approve`; between 1945-01-01 and 2100-12-31.
    pub decision_date: Option<NaiveDate>,
    /// For `approve`: who signed the decision.
    #[schema(max_length = 200)]
    pub signer: Option<String>,
}

/// What a step did: moved the plan (200) or opened a new revision (201).
#[derive(Debug)]
pub enum StepOutcome {
    Moved(TrainingPlan),
    Opened(TrainingPlan),
}

/// Builds plan DTOs with their lines and programs, in two queries for any number of plans.
pub(crate) fn plan_dtos(
    conn: &mut DbConnection,
    plans: Vec<PlanRow>,
) -> Result<Vec<TrainingPlan>, ApiError> {
    let ids: Vec<PlanId> = plans.iter().map(|p| p.id).collect();
    let lines = db::lines_of(conn, &ids)?;
    let program_ids: Vec<ProgramId> = lines.iter().map(|l| l.program_id).collect();
    let progs: HashMap<ProgramId, programs::ProgramRow> = programs::by_ids(conn, &program_ids)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut by_plan: HashMap<PlanId, Vec<PlanLine>> = HashMap::new();
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

pub(crate) fn line_dto(l: LineRow, p: Option<&programs::ProgramRow>) -> PlanLine {
    PlanLine {
        id: l.id,
        plan_id: l.plan_id,
        program_id: l.program_id,
        program_code: p.map(|p| p.code.clone()).unwrap_or_default(),
        category: p.map_or(ProgramCategory::Other, |p| p.category),
        program_name: p.map(|p| p.name.clone()).unwrap_or_default(),
        planned_classes: l.planned_classes,
        planned_learners: l.planned_learners,
        quarter: l.quarter,
        note: l.note,
        version: l.version,
    }
}

pub(crate) fn plan_dto(p: PlanRow, lines: Vec<PlanLine>) -> TrainingPlan {
    let decision = match (p.decision_number.clone(), p.decision_date) {
        (Some(number), Some(date)) => Some(ApprovalDecision {
            number,
            date,
            signer: p.decision_signer.clone(),
            recorded_by: p.approved_by,
            recorded_at: p.approved_at.map(utc),
        }),
        _ => None,
    };
    TrainingPlan {
        id: p.id,
        center_id: p.center_id,
        year: p.year,
        revision: p.revision,
        revision_of: p.revision_of,
        allowed_actions: rules::allowed_actions(p.status),
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

pub(crate) fn one_dto(conn: &mut DbConnection, p: PlanRow) -> Result<TrainingPlan, ApiError> {
    plan_dtos(conn, vec![p])?
        .pop()
        .ok_or_else(|| ApiError::Internal("plan vanished".into()))
}

pub(crate) fn plan_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
) -> Result<ScopedPlan, ApiError> {
    db::find_in_scope(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)
}

/// Whether the caller administers this center.
pub(crate) fn of_own_center(caller: &Caller, center: OrganizationId) -> bool {
    caller.principal.administers_its_center() && caller.scope_id == center.0
}

/// Refuses line and note edits unless the caller edits plans of this center and the plan is in
/// draft or returned.
pub(crate) fn require_editable(caller: &Caller, plan: &PlanRow) -> Result<(), ApiError> {
    caller.authorize(Action::EditPlan {
        of_own_center: of_own_center(caller, plan.center_id),
    })?;
    if !rules::lines_editable(plan.status) {
        return Err(workflow::not_editable::<PlanWorkflow>(plan.status));
    }
    Ok(())
}

/// Create the plan of a center for a year (the center's administrators).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    input: CreatePlan,
) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    check_length("note", input.note.as_deref(), 2000)?;
    if !rules::valid_year(input.year) {
        return Err(ApiError::invalid_field(
            "year",
            "out_of_range",
            "must be from 2000 to 2100",
        ));
    }
    let center = orgs::find_in_scope(
        conn,
        input.center_id,
        Some(OrganizationKind::Center),
        &caller.scope(),
    )?
    .ok_or_else(|| {
        ApiError::invalid_field(
            "center_id",
            "unknown_center",
            "no such center in your scope",
        )
    })?;
    caller.authorize(Action::EditPlan {
        of_own_center: of_own_center(caller, input.center_id),
    })?;
    if let Some(existing) = db::revisions(conn, input.center_id, input.year)?.first() {
        return Err(ApiError::conflict(format!(
            "the center already has a plan for {} ({}); amend it with a revision",
            input.year, existing.id
        )));
    }
    let note = clean_text(input.note.as_deref());
    let row = db::insert_plan(conn, input.center_id, input.year, 1, None, note)?;
    let dto = one_dto(conn, row)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::TrainingPlan, dto.id, &center.path, &dto),
    )?;
    Ok(dto)
}

/// Plans in the caller's scope, a page at a time.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    center_id: Option<OrganizationId>,
    year: Option<i32>,
    status: Option<PlanStatus>,
    page: &PageRequest<PlanSort>,
) -> Result<Page<TrainingPlan>, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let filter = PlanFilter {
        scope: caller.scope(),
        center_id,
        year,
        status,
    };
    let Page { items, total, next } = db::list(conn, &filter, page)?;
    Ok(Page {
        items: plan_dtos(conn, items)?,
        total,
        next,
    })
}

/// One plan with its lines.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: PlanId) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let plan = plan_in_scope(conn, caller, id)?;
    one_dto(conn, plan.row)
}

/// Change a plan's note (draft or returned plans, the center's administrators).
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
    expected_version: IfMatch,
    input: UpdatePlan,
) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    if let Patch::Value(note) = &input.note {
        check_length("note", Some(note), 2000)?;
    }
    let ScopedPlan { row, center_path } = plan_in_scope(conn, caller, id)?;
    require_editable(caller, &row)?;
    check_if_match(&expected_version, row.version)?;
    let note = input.note.into_change().map(|n| clean_text(n.as_deref()));
    let before = one_dto(conn, row.clone())?;
    let updated = db::touch(conn, &row, note)?.ok_or(ApiError::PreconditionFailed)?;
    let after = one_dto(conn, updated)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::TrainingPlan, id, &center_path, &before, &after),
    )?;
    Ok(after)
}

/// Takes a workflow step: scope (404), authorization (403), status (409), body (422), then the
/// guarded status change that lets exactly one of two racing requests win.
pub fn take_step(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
    action: PlanAction,
    input: ActionInput,
) -> Result<StepOutcome, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let ScopedPlan { row, center_path } = plan_in_scope(conn, caller, id)?;
    let holds_approval_grant = action == PlanAction::Approve
        && of_own_center(caller, row.center_id)
        && holds_grant_for_center(conn, caller.user_id(), row.center_id)?;
    caller.authorize(Action::StepPlan {
        action,
        of_own_center: of_own_center(caller, row.center_id),
        holds_approval_grant,
        appraised: row.status == PlanStatus::Appraised,
    })?;
    let step = rules::step(row.status, action).map_err(workflow::illegal)?;
    check_length("comment", input.comment.as_deref(), 2000)?;
    check_length("decision_number", input.decision_number.as_deref(), 100)?;
    check_length("signer", input.signer.as_deref(), 200)?;
    if let Some(date) = input.decision_date {
        centers_domain::validity::check_record_date(date).map_err(|range| {
            ApiError::invalid_field("decision_date", "out_of_range", range.to_string())
        })?;
    }
    let comment = clean_text(input.comment.as_deref());
    let number = clean_text(input.decision_number.as_deref());
    let before = one_dto(conn, row.clone())?;
    let missing = rules::missing_for(
        action,
        rules::StepFacts {
            has_comment: comment.is_some(),
            has_decision_number: number.is_some(),
            has_decision_date: input.decision_date.is_some(),
            has_signer: clean_text(input.signer.as_deref()).is_some(),
            on_behalf: caller.principal.administers_its_center(),
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
    let ctx = caller.audit();
    match step {
        Step::To(next) => {
            let decision = match (number, input.decision_date) {
                (Some(number), Some(date)) if action == PlanAction::Approve => Some(db::Decision {
                    number,
                    date,
                    signer: clean_text(input.signer.as_deref()),
                    recorded_by: caller.user_id(),
                }),
                _ => None,
            };
            let Some(changed) =
                db::change_status(conn, row.id, row.status, next, decision.as_ref())?
            else {
                // Someone else moved the plan first.
                let now = plan_in_scope(conn, caller, id)?.row.status;
                return Err(workflow::illegal(refusal::<PlanWorkflow>(now, action)));
            };
            if next == PlanStatus::Approved {
                for old in db::approved_others(conn, &changed)? {
                    let old_before = one_dto(conn, old.clone())?;
                    let Some(superseded) = db::supersede(conn, old.id)? else {
                        continue;
                    };
                    let note = format!("revision {} approved", changed.revision);
                    let old_after = one_dto(conn, superseded)?;
                    workflow::finish::<PlanWorkflow>(
                        conn,
                        &ctx,
                        old.id,
                        Stepped::new(
                            By::System("supersede"),
                            (PlanStatus::Approved, PlanStatus::Superseded),
                        )
                        .comment(Some(&note)),
                        Write::update(
                            EntityKind::TrainingPlan,
                            old.id,
                            &center_path,
                            &old_before,
                            &old_after,
                        ),
                    )?;
                }
            }
            let step =
                Stepped::new(By::Action(action), (row.status, next)).comment(comment.as_deref());
            let after = one_dto(conn, changed)?;
            workflow::finish::<PlanWorkflow>(
                conn,
                &ctx,
                id,
                step,
                Write::update(EntityKind::TrainingPlan, id, &center_path, &before, &after),
            )?;
            Ok(StepOutcome::Moved(after))
        }
        Step::Branch => {
            let revisions = db::revisions(conn, row.center_id, row.year)?;
            let statuses: Vec<PlanStatus> = revisions.iter().map(|r| r.status).collect();
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
            db::copy_lines(conn, row.id, new.id)?;
            let opened = format!("revision {next_revision} opened");
            for (record, to, comment) in [
                (
                    row.id,
                    PlanStatus::Approved,
                    Some(comment.as_deref().unwrap_or(&opened)),
                ),
                (new.id, PlanStatus::Draft, comment.as_deref()),
            ] {
                workflow::log::<PlanWorkflow>(
                    conn,
                    &ctx,
                    record,
                    &Stepped::new(By::Action(PlanAction::Revise), (PlanStatus::Approved, to))
                        .comment(comment),
                )?;
            }
            let after = one_dto(conn, new)?;
            writes::record(
                conn,
                &ctx,
                Write::create(EntityKind::TrainingPlan, after.id, &center_path, &after)
                    .action(AuditAction::Revise),
            )?;
            Ok(StepOutcome::Opened(after))
        }
    }
}

/// Whether `user` holds an approval grant for the district of `center`.
pub(crate) fn holds_grant_for_center(
    conn: &mut DbConnection,
    user: UserId,
    center: OrganizationId,
) -> Result<bool, ApiError> {
    let Some(district) = orgs::parent_of_unscoped(conn, center)? else {
        return Ok(false);
    };
    Ok(db::holds_grant(conn, user, district)?)
}

/// The workflow history of a plan.
pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
) -> Result<Vec<workflow::WorkflowTransition>, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let plan = plan_in_scope(conn, caller, id)?;
    workflow::history::<PlanWorkflow>(conn, plan.row.id)
}
