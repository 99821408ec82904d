//! Lines of a plan: a program, how many classes and learners, when.

use super::*;
use crate::schema::training_plan_lines;
use crate::{DbConnection, PlanId, PlanLineId, ProgramId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The fields of a line.
#[derive(Debug, Clone)]
pub struct LineFields {
    pub program_id: ProgramId,
    pub planned_classes: i32,
    pub planned_learners: i32,
    pub quarter: Option<i32>,
    pub note: Option<String>,
}

pub fn lines_of(conn: &mut DbConnection, plans: &[PlanId]) -> QueryResult<Vec<LineRow>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    training_plan_lines::table
        .filter(training_plan_lines::plan_id.eq_any(plans.to_vec()))
        .order(training_plan_lines::id.asc())
        .select(LineRow::as_select())
        .load(conn)
}

pub fn insert_line(conn: &mut DbConnection, plan: PlanId, f: &LineFields) -> QueryResult<LineRow> {
    crate::insert_versioned!(
        conn,
        training_plan_lines,
        (
            training_plan_lines::id.eq(PlanLineId::generate()),
            training_plan_lines::plan_id.eq(plan),
            training_plan_lines::program_id.eq(f.program_id),
            training_plan_lines::planned_classes.eq(f.planned_classes),
            training_plan_lines::planned_learners.eq(f.planned_learners),
            training_plan_lines::quarter.eq(f.quarter),
            training_plan_lines::note.eq(f.note.clone()),
        )
    )
}

pub fn find_line(
    conn: &mut DbConnection,
    plan: PlanId,
    line: PlanLineId,
) -> QueryResult<Option<LineRow>> {
    training_plan_lines::table
        .filter(training_plan_lines::plan_id.eq(plan))
        .filter(training_plan_lines::id.eq(line))
        .select(LineRow::as_select())
        .first(conn)
        .optional()
}

pub fn update_line(
    conn: &mut DbConnection,
    current: &LineRow,
    f: &LineFields,
) -> QueryResult<Option<LineRow>> {
    let n = diesel::update(
        training_plan_lines::table
            .filter(training_plan_lines::id.eq(current.id))
            .filter(training_plan_lines::version.eq(current.version)),
    )
    .set((
        training_plan_lines::program_id.eq(f.program_id),
        training_plan_lines::planned_classes.eq(f.planned_classes),
        training_plan_lines::planned_learners.eq(f.planned_learners),
        training_plan_lines::quarter.eq(f.quarter),
        training_plan_lines::note.eq(f.note.clone()),
        training_plan_lines::version.eq(current.version + 1),
        training_plan_lines::updated_at.eq(crate::now()),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    find_line(conn, current.plan_id, current.id)
}

pub fn delete_line(conn: &mut DbConnection, line: PlanLineId) -> QueryResult<usize> {
    diesel::delete(training_plan_lines::table.filter(training_plan_lines::id.eq(line)))
        .execute(conn)
}

/// A line as inserted in a batch.
#[derive(Insertable)]
#[diesel(table_name = training_plan_lines)]
pub(crate) struct NewLine {
    id: PlanLineId,
    plan_id: PlanId,
    program_id: ProgramId,
    planned_classes: i32,
    planned_learners: i32,
    quarter: Option<i32>,
    note: Option<String>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Copies the lines of `from` into `to` in one multi-row INSERT per backend.
pub fn copy_lines(conn: &mut DbConnection, from: PlanId, to: PlanId) -> QueryResult<usize> {
    let now = crate::now();
    let rows: Vec<NewLine> = lines_of(conn, &[from])?
        .into_iter()
        .map(|l| NewLine {
            id: PlanLineId::generate(),
            plan_id: to,
            program_id: l.program_id,
            planned_classes: l.planned_classes,
            planned_learners: l.planned_learners,
            quarter: l.quarter,
            note: l.note,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .collect();
    if rows.is_empty() {
        return Ok(0);
    }
    crate::db_run!(conn, |c| diesel::insert_into(training_plan_lines::table)
        .values(&rows)
        .execute(c))
}
