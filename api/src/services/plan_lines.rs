//! Lines of a training plan: a program, how many classes and learners, when; edited while the
//! plan is a draft or returned, each edit bumping the plan's own version.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, IfMatch};
use crate::services::training_plans::*;
use crate::services::{check_length, clean_text};
use centers_db::plans::{self as db, LineFields, ScopedPlan};
use centers_db::writes::{self, Write};
use centers_db::{programs, DbConnection, PlanId, PlanLineId, ProgramId};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::plans::{self as rules};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A line to add or the new values of a line.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    pub program_id: ProgramId,
    #[schema(minimum = 0, maximum = 10000)]
    pub planned_classes: i32,
    #[schema(minimum = 0, maximum = 1000000)]
    pub planned_learners: i32,
    #[schema(minimum = 1, maximum = 4)]
    pub quarter: Option<i32>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

pub(crate) fn line_of(plan: &TrainingPlan, line: PlanLineId) -> Option<&PlanLine> {
    plan.lines.iter().find(|l| l.id == line)
}

pub(crate) fn parse_line(
    conn: &mut DbConnection,
    caller: &Caller,
    input: &LineInput,
) -> Result<LineFields, ApiError> {
    check_length("note", input.note.as_deref(), 2000)?;
    let mut errors: Vec<FieldError> =
        rules::line_problems(input.planned_classes, input.planned_learners, input.quarter)
            .into_iter()
            .map(|(f, m)| FieldError::new(f, "invalid", m))
            .collect();
    let program = programs::find(conn, input.program_id, caller.province_id()?.into())?;
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
        program_id: input.program_id,
        planned_classes: input.planned_classes,
        planned_learners: input.planned_learners,
        quarter: input.quarter,
        note: clean_text(input.note.as_deref()),
    })
}

/// A plan's lines.
pub fn lines(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
) -> Result<Vec<PlanLine>, ApiError> {
    Ok(get(conn, caller, id)?.lines)
}

/// One line of a plan the caller reads.
pub fn line(
    conn: &mut DbConnection,
    caller: &Caller,
    plan: PlanId,
    line: PlanLineId,
) -> Result<PlanLine, ApiError> {
    get(conn, caller, plan)?
        .lines
        .into_iter()
        .find(|l| l.id == line)
        .ok_or(ApiError::NotFound)
}

/// Records the plan's own version bump after a line changed, so followers of the plan see it.
pub(crate) fn record_plan_touched(
    conn: &mut DbConnection,
    caller: &Caller,
    center_path: &str,
    before: &TrainingPlan,
    after: &TrainingPlan,
) -> Result<(), ApiError> {
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::TrainingPlan,
            after.id,
            center_path,
            before,
            after,
        ),
    )?;
    Ok(())
}

/// Add a line (draft or returned plans).
pub fn add_line(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
    input: LineInput,
) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let ScopedPlan { row, center_path } = plan_in_scope(conn, caller, id)?;
    require_editable(caller, &row)?;
    let fields = parse_line(conn, caller, &input)?;
    let before = one_dto(conn, row.clone())?;
    let line = db::insert_line(conn, row.id, &fields)?;
    let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
    let after = one_dto(conn, updated)?;
    if let Some(dto) = line_of(&after, line.id) {
        writes::record(
            conn,
            &caller.audit(),
            Write::create(EntityKind::TrainingPlanLine, line.id, &center_path, dto),
        )?;
    }
    record_plan_touched(conn, caller, &center_path, &before, &after)?;
    Ok(after)
}

/// Change a line (draft or returned plans).
pub fn update_line(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
    line_id: PlanLineId,
    expected_version: IfMatch,
    input: LineInput,
) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let ScopedPlan { row, center_path } = plan_in_scope(conn, caller, id)?;
    let line = db::find_line(conn, row.id, line_id)?.ok_or(ApiError::NotFound)?;
    require_editable(caller, &row)?;
    check_if_match(&expected_version, line.version)?;
    let fields = parse_line(conn, caller, &input)?;
    let before = one_dto(conn, row.clone())?;
    db::update_line(conn, &line, &fields)?.ok_or(ApiError::PreconditionFailed)?;
    let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
    let after = one_dto(conn, updated)?;
    if let (Some(old), Some(new)) = (line_of(&before, line_id), line_of(&after, line_id)) {
        writes::record(
            conn,
            &caller.audit(),
            Write::update(
                EntityKind::TrainingPlanLine,
                line_id,
                &center_path,
                old,
                new,
            ),
        )?;
    }
    record_plan_touched(conn, caller, &center_path, &before, &after)?;
    Ok(after)
}

/// The natural keys of a deleted line, carried by its tombstone in the change feed.
#[derive(Serialize)]
pub(crate) struct LineKeys {
    plan_id: PlanId,
    program_id: ProgramId,
    quarter: Option<i32>,
}

/// Remove a line (draft or returned plans).
pub fn delete_line(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanId,
    line_id: PlanLineId,
) -> Result<TrainingPlan, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let ScopedPlan { row, center_path } = plan_in_scope(conn, caller, id)?;
    let line = db::find_line(conn, row.id, line_id)?.ok_or(ApiError::NotFound)?;
    require_editable(caller, &row)?;
    let before = one_dto(conn, row.clone())?;
    db::delete_line(conn, line.id)?;
    let updated = db::touch(conn, &row, None)?.ok_or(ApiError::PreconditionFailed)?;
    let after = one_dto(conn, updated)?;
    if let Some(old) = line_of(&before, line_id) {
        let keys = LineKeys {
            plan_id: row.id,
            program_id: line.program_id,
            quarter: line.quarter,
        };
        writes::record(
            conn,
            &caller.audit(),
            Write::delete(
                EntityKind::TrainingPlanLine,
                line_id,
                &center_path,
                old,
                &keys,
            ),
        )?;
    }
    record_plan_touched(conn, caller, &center_path, &before, &after)?;
    Ok(after)
}
