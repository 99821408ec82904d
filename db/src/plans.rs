//! Annual training plans, their lines, workflow history and approval grants.

use crate::audit::Actor;
use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{
    approval_grants, organizations, plan_transitions, training_plan_lines, training_plans,
};
use crate::{DbConnection, Id, MultiBackend};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A plan as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = training_plans)]
pub struct PlanRow {
    pub id: Id,
    pub center_id: Id,
    pub year: i32,
    pub revision: i32,
    pub revision_of: Option<Id>,
    pub status: String,
    pub note: Option<String>,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub approved_by: Option<Id>,
    pub approved_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A plan line as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = training_plan_lines)]
pub struct LineRow {
    pub id: Id,
    pub plan_id: Id,
    pub program_id: Id,
    pub planned_classes: i32,
    pub planned_learners: i32,
    pub quarter: Option<i32>,
    pub note: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One workflow step as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = plan_transitions)]
pub struct TransitionRow {
    pub id: Id,
    pub plan_id: Id,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_type: String,
    pub actor_id: Option<Id>,
    pub actor_name: String,
    pub comment: Option<String>,
    pub occurred_at: NaiveDateTime,
}

/// Revisions of a center's plan for a year, newest first.
pub fn revisions(conn: &mut DbConnection, center: Id, year: i32) -> QueryResult<Vec<PlanRow>> {
    training_plans::table
        .filter(training_plans::center_id.eq(center))
        .filter(training_plans::year.eq(year))
        .order(training_plans::revision.desc())
        .select(PlanRow::as_select())
        .load(conn)
}

/// Inserts a plan revision in draft.
pub fn insert_plan(
    conn: &mut DbConnection,
    center: Id,
    year: i32,
    revision: i32,
    revision_of: Option<Id>,
    note: Option<String>,
) -> QueryResult<PlanRow> {
    let now = crate::now();
    diesel::insert_into(training_plans::table)
        .values((
            training_plans::id.eq(crate::new_id()),
            training_plans::center_id.eq(center),
            training_plans::year.eq(year),
            training_plans::revision.eq(revision),
            training_plans::revision_of.eq(revision_of),
            training_plans::status.eq("draft"),
            training_plans::note.eq(note),
            training_plans::version.eq(1),
            training_plans::created_at.eq(now),
            training_plans::updated_at.eq(now),
        ))
        .returning(training_plans::all_columns)
        .get_result(conn)
}

/// A plan whose center lies under `scope_path`.
pub fn find_in_scope(
    conn: &mut DbConnection,
    id: Id,
    scope_path: &str,
) -> QueryResult<Option<PlanRow>> {
    training_plans::table
        .inner_join(organizations::table)
        .filter(training_plans::id.eq(id))
        .filter(organizations::path.like(format!("{scope_path}%")))
        .select(PlanRow::as_select())
        .first(conn)
        .optional()
}

/// Filters of the plan list.
#[derive(Debug, Clone, Default)]
pub struct PlanFilter {
    pub scope_path: String,
    pub center_id: Option<Id>,
    pub year: Option<i32>,
    pub status: Option<String>,
}

/// Sort keys of the plan list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanSort {
    /// By year (then id); the cursor key is the year as text.
    Year,
}

/// Plans joined with their centers, filtered; shared by the count and the page query.
type PlanQuery = diesel::helper_types::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<training_plans::table, organizations::table>,
    MultiBackend,
>;

fn filtered(f: &PlanFilter) -> PlanQuery {
    let mut q = training_plans::table
        .inner_join(organizations::table)
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(format!("{}%", f.scope_path)));
    if let Some(c) = f.center_id {
        q = q.filter(training_plans::center_id.eq(c));
    }
    if let Some(y) = f.year {
        q = q.filter(training_plans::year.eq(y));
    }
    if let Some(s) = &f.status {
        q = q.filter(training_plans::status.eq(s.clone()));
    }
    q
}

pub fn list(
    conn: &mut DbConnection,
    filter: &PlanFilter,
    page: &PageRequest<PlanSort>,
) -> QueryResult<Page<PlanRow>> {
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let mut q = filtered(filter).select(PlanRow::as_select());
    if let Some(after) = &page.after {
        let year: i32 = after.key.parse().unwrap_or_default();
        let id = after.id;
        q = if page.descending {
            q.filter(
                training_plans::year
                    .lt(year)
                    .or(training_plans::year.eq(year).and(training_plans::id.lt(id))),
            )
        } else {
            q.filter(
                training_plans::year
                    .gt(year)
                    .or(training_plans::year.eq(year).and(training_plans::id.gt(id))),
            )
        };
    }
    q = if page.descending {
        q.order((training_plans::year.desc(), training_plans::id.desc()))
    } else {
        q.order((training_plans::year.asc(), training_plans::id.asc()))
    };
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(rows, page.limit, total, |r: &PlanRow| {
        CursorKey {
            key: r.year.to_string(),
            id: r.id,
        }
    }))
}

/// Moves a plan from `from` to `to` if it is still in `from` (the guard that makes concurrent
/// steps safe: only one of two racing submits changes a row). Returns the plan, or `None` if the
/// status had changed.
pub fn change_status(
    conn: &mut DbConnection,
    plan: Id,
    from: &str,
    to: &str,
    decision: Option<(&str, NaiveDate, Option<&str>, Id)>,
) -> QueryResult<Option<PlanRow>> {
    let now = crate::now();
    let target = training_plans::table
        .filter(training_plans::id.eq(plan))
        .filter(training_plans::status.eq(from));
    let n = match decision {
        Some((number, date, signer, by)) => diesel::update(target)
            .set((
                training_plans::status.eq(to),
                training_plans::decision_number.eq(number),
                training_plans::decision_date.eq(date),
                training_plans::decision_signer.eq(signer),
                training_plans::approved_by.eq(by),
                training_plans::approved_at.eq(now),
                training_plans::version.eq(training_plans::version + 1),
                training_plans::updated_at.eq(now),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                training_plans::status.eq(to),
                training_plans::version.eq(training_plans::version + 1),
                training_plans::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    if n == 0 {
        return Ok(None);
    }
    training_plans::table
        .filter(training_plans::id.eq(plan))
        .select(PlanRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the other approved revisions of the same center and year as superseded.
pub fn supersede_others(conn: &mut DbConnection, approved: &PlanRow) -> QueryResult<Vec<Id>> {
    let others: Vec<Id> = training_plans::table
        .filter(training_plans::center_id.eq(approved.center_id))
        .filter(training_plans::year.eq(approved.year))
        .filter(training_plans::status.eq("approved"))
        .filter(training_plans::id.ne(approved.id))
        .select(training_plans::id)
        .load(conn)?;
    for id in &others {
        diesel::update(training_plans::table.filter(training_plans::id.eq(*id)))
            .set((
                training_plans::status.eq("superseded"),
                training_plans::version.eq(training_plans::version + 1),
                training_plans::updated_at.eq(crate::now()),
            ))
            .execute(conn)?;
    }
    Ok(others)
}

/// Bumps a plan's version (its lines changed) and returns it; `None` if the version moved.
pub fn touch(
    conn: &mut DbConnection,
    plan: &PlanRow,
    note: Option<Option<String>>,
) -> QueryResult<Option<PlanRow>> {
    let target = training_plans::table
        .filter(training_plans::id.eq(plan.id))
        .filter(training_plans::version.eq(plan.version));
    let now = crate::now();
    let n = match note {
        Some(note) => diesel::update(target)
            .set((
                training_plans::note.eq(note),
                training_plans::version.eq(plan.version + 1),
                training_plans::updated_at.eq(now),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                training_plans::version.eq(plan.version + 1),
                training_plans::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    if n == 0 {
        return Ok(None);
    }
    training_plans::table
        .filter(training_plans::id.eq(plan.id))
        .select(PlanRow::as_select())
        .first(conn)
        .optional()
}

/// Records a workflow step.
pub fn record_transition(
    conn: &mut DbConnection,
    plan: Id,
    action: &str,
    from: &str,
    to: &str,
    actor: &Actor,
    comment: Option<&str>,
) -> QueryResult<()> {
    let (actor_type, actor_id, actor_name) = match actor {
        Actor::User { id, username } => ("user", Some(*id), username.as_str()),
        Actor::Client { id, name } => ("client", Some(*id), name.as_str()),
        Actor::System => ("system", None, "system"),
    };
    diesel::insert_into(plan_transitions::table)
        .values((
            plan_transitions::id.eq(crate::new_id()),
            plan_transitions::plan_id.eq(plan),
            plan_transitions::action.eq(action),
            plan_transitions::from_status.eq(from),
            plan_transitions::to_status.eq(to),
            plan_transitions::actor_type.eq(actor_type),
            plan_transitions::actor_id.eq(actor_id),
            plan_transitions::actor_name.eq(actor_name),
            plan_transitions::comment.eq(comment),
            plan_transitions::occurred_at.eq(crate::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A plan's steps, oldest first.
pub fn history(conn: &mut DbConnection, plan: Id) -> QueryResult<Vec<TransitionRow>> {
    plan_transitions::table
        .filter(plan_transitions::plan_id.eq(plan))
        .order((
            plan_transitions::occurred_at.asc(),
            plan_transitions::id.asc(),
        ))
        .select(TransitionRow::as_select())
        .load(conn)
}

// ---- lines ----

/// The fields of a line.
#[derive(Debug, Clone)]
pub struct LineFields {
    pub program_id: Id,
    pub planned_classes: i32,
    pub planned_learners: i32,
    pub quarter: Option<i32>,
    pub note: Option<String>,
}

pub fn lines_of(conn: &mut DbConnection, plans: &[Id]) -> QueryResult<Vec<LineRow>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    training_plan_lines::table
        .filter(training_plan_lines::plan_id.eq_any(plans.to_vec()))
        .order(training_plan_lines::id.asc())
        .select(LineRow::as_select())
        .load(conn)
}

pub fn insert_line(conn: &mut DbConnection, plan: Id, f: &LineFields) -> QueryResult<LineRow> {
    let now = crate::now();
    diesel::insert_into(training_plan_lines::table)
        .values((
            training_plan_lines::id.eq(crate::new_id()),
            training_plan_lines::plan_id.eq(plan),
            training_plan_lines::program_id.eq(f.program_id),
            training_plan_lines::planned_classes.eq(f.planned_classes),
            training_plan_lines::planned_learners.eq(f.planned_learners),
            training_plan_lines::quarter.eq(f.quarter),
            training_plan_lines::note.eq(f.note.clone()),
            training_plan_lines::version.eq(1),
            training_plan_lines::created_at.eq(now),
            training_plan_lines::updated_at.eq(now),
        ))
        .returning(training_plan_lines::all_columns)
        .get_result(conn)
}

pub fn find_line(conn: &mut DbConnection, plan: Id, line: Id) -> QueryResult<Option<LineRow>> {
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

pub fn delete_line(conn: &mut DbConnection, line: Id) -> QueryResult<usize> {
    diesel::delete(training_plan_lines::table.filter(training_plan_lines::id.eq(line)))
        .execute(conn)
}

// ---- approval grants ----

/// A grant as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = approval_grants)]
pub struct GrantRow {
    pub id: Id,
    pub user_id: Id,
    pub district_id: Id,
    pub granted_by: Id,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert_grant(
    conn: &mut DbConnection,
    user: Id,
    district: Id,
    by: Id,
) -> QueryResult<GrantRow> {
    diesel::insert_into(approval_grants::table)
        .values((
            approval_grants::id.eq(crate::new_id()),
            approval_grants::user_id.eq(user),
            approval_grants::district_id.eq(district),
            approval_grants::granted_by.eq(by),
            approval_grants::created_at.eq(crate::now()),
        ))
        .returning(approval_grants::all_columns)
        .get_result(conn)
}

pub fn holds_grant(conn: &mut DbConnection, user: Id, district: Id) -> QueryResult<bool> {
    let n: i64 = approval_grants::table
        .filter(approval_grants::user_id.eq(user))
        .filter(approval_grants::district_id.eq(district))
        .filter(approval_grants::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn list_grants(conn: &mut DbConnection, scope_path: &str) -> QueryResult<Vec<GrantRow>> {
    approval_grants::table
        .inner_join(organizations::table.on(organizations::id.eq(approval_grants::district_id)))
        .filter(organizations::path.like(format!("{scope_path}%")))
        .order(approval_grants::id.desc())
        .select(GrantRow::as_select())
        .load(conn)
}

pub fn find_grant(conn: &mut DbConnection, id: Id) -> QueryResult<Option<GrantRow>> {
    approval_grants::table
        .filter(approval_grants::id.eq(id))
        .select(GrantRow::as_select())
        .first(conn)
        .optional()
}

pub fn revoke_grant(conn: &mut DbConnection, id: Id) -> QueryResult<GrantRow> {
    diesel::update(approval_grants::table.filter(approval_grants::id.eq(id)))
        .set(approval_grants::revoked_at.eq(crate::now()))
        .execute(conn)?;
    approval_grants::table
        .filter(approval_grants::id.eq(id))
        .select(GrantRow::as_select())
        .first(conn)
}

/// Every plan revision of a year for centers under `scope_path` (for the province overview).
pub fn plans_of_year(
    conn: &mut DbConnection,
    scope_path: &str,
    year: i32,
) -> QueryResult<Vec<PlanRow>> {
    training_plans::table
        .inner_join(organizations::table)
        .filter(organizations::path.like(format!("{scope_path}%")))
        .filter(training_plans::year.eq(year))
        .order((training_plans::center_id, training_plans::revision.desc()))
        .select(PlanRow::as_select())
        .load(conn)
}
