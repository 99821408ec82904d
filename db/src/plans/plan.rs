//! Annual training plans and their workflow.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{organizations, training_plan_lines, training_plans};
use crate::{
    DbConnection, MultiBackend, OrganizationId, PlanId, PlanLineId, ProgramId, Scope, UserId,
};
use centers_domain::plans::PlanStatus;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A plan as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = training_plans)]
pub struct PlanRow {
    pub id: PlanId,
    pub center_id: OrganizationId,
    pub year: i32,
    pub revision: i32,
    pub revision_of: Option<PlanId>,
    #[diesel(deserialize_as = String)]
    pub status: PlanStatus,
    pub note: Option<String>,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub approved_by: Option<UserId>,
    pub approved_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A plan line as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = training_plan_lines)]
pub struct LineRow {
    pub id: PlanLineId,
    pub plan_id: PlanId,
    pub program_id: ProgramId,
    pub planned_classes: i32,
    pub planned_learners: i32,
    pub quarter: Option<i32>,
    pub note: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Revisions of a center's plan for a year, newest first.
pub fn revisions(
    conn: &mut DbConnection,
    center: OrganizationId,
    year: i32,
) -> QueryResult<Vec<PlanRow>> {
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
    center: OrganizationId,
    year: i32,
    revision: i32,
    revision_of: Option<PlanId>,
    note: Option<String>,
) -> QueryResult<PlanRow> {
    crate::insert_versioned!(
        conn,
        training_plans,
        (
            training_plans::id.eq(PlanId::generate()),
            training_plans::center_id.eq(center),
            training_plans::year.eq(year),
            training_plans::revision.eq(revision),
            training_plans::revision_of.eq(revision_of),
            training_plans::status.eq(PlanStatus::Draft.as_str()),
            training_plans::note.eq(note),
        )
    )
}

/// A plan and the materialized path of its center (who owns it, for the change feed).
#[derive(Debug, Clone)]
pub struct ScopedPlan {
    pub row: PlanRow,
    pub center_path: String,
}

/// A plan whose center lies inside `scope`.
pub fn find_in_scope(
    conn: &mut DbConnection,
    id: PlanId,
    scope: &Scope,
) -> QueryResult<Option<ScopedPlan>> {
    training_plans::table
        .inner_join(organizations::table)
        .filter(training_plans::id.eq(id))
        .filter(organizations::path.like(scope.pattern()))
        .select((PlanRow::as_select(), organizations::path))
        .first(conn)
        .optional()
        .map(|found| found.map(|(row, center_path)| ScopedPlan { row, center_path }))
}

/// Filters of the plan list.
#[derive(Debug, Clone)]
pub struct PlanFilter {
    pub scope: Scope,
    pub center_id: Option<OrganizationId>,
    pub year: Option<i32>,
    pub status: Option<PlanStatus>,
}

/// Sort keys of the plan list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanSort {
    /// By year (then id); the cursor key is the year as text.
    Year,
}

/// Plans joined with their centers, filtered; shared by the count and the page query.
pub(crate) type PlanQuery = diesel::helper_types::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<training_plans::table, organizations::table>,
    MultiBackend,
>;

pub(crate) fn filtered(f: &PlanFilter) -> PlanQuery {
    let mut q = training_plans::table
        .inner_join(organizations::table)
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(f.scope.pattern()));
    if let Some(c) = f.center_id {
        q = q.filter(training_plans::center_id.eq(c));
    }
    if let Some(y) = f.year {
        q = q.filter(training_plans::year.eq(y));
    }
    if let Some(s) = &f.status {
        q = q.filter(training_plans::status.eq(s.as_str()));
    }
    q
}

pub fn list(
    conn: &mut DbConnection,
    filter: &PlanFilter,
    page: &PageRequest<PlanSort>,
) -> QueryResult<Page<PlanRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter).select(PlanRow::as_select());
    if let Some(after) = &page.after {
        // The API parsed the cursor; a key that is not a year cannot come from it.
        let year: i32 = after.key.parse().map_err(|_| {
            diesel::result::Error::QueryBuilderError("cursor key is not a year".into())
        })?;
        let id = PlanId::from(after.id);
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
            id: r.id.into(),
        }
    }))
}

/// The standing committee's decision recorded with an approval.
#[derive(Debug, Clone)]
pub struct Decision {
    pub number: String,
    pub date: NaiveDate,
    pub signer: Option<String>,
    pub recorded_by: UserId,
}

/// Moves a plan from `from` to `to` if it is still in `from` (of two racing steps exactly one
/// changes the row). Returns the plan, or `None` if the status had changed.
pub fn change_status(
    conn: &mut DbConnection,
    plan: PlanId,
    from: PlanStatus,
    to: PlanStatus,
    decision: Option<&Decision>,
) -> QueryResult<Option<PlanRow>> {
    let n = match decision {
        Some(d) => crate::guarded_status_update!(
            conn,
            training_plans,
            plan,
            from,
            to,
            training_plans::decision_number.eq(&d.number),
            training_plans::decision_date.eq(d.date),
            training_plans::decision_signer.eq(&d.signer),
            training_plans::approved_by.eq(d.recorded_by),
            training_plans::approved_at.eq(crate::now()),
        )?,
        None => crate::guarded_status_update!(conn, training_plans, plan, from, to)?,
    };
    if n == 0 {
        return Ok(None);
    }
    find_unscoped(conn, plan)
}

/// A plan by id, whatever its center: only after the caller's access to it was checked.
pub(crate) fn find_unscoped(conn: &mut DbConnection, plan: PlanId) -> QueryResult<Option<PlanRow>> {
    training_plans::table
        .filter(training_plans::id.eq(plan))
        .select(PlanRow::as_select())
        .first(conn)
        .optional()
}

/// The other approved revisions of the same center and year (approving `approved` supersedes them).
pub fn approved_others(conn: &mut DbConnection, approved: &PlanRow) -> QueryResult<Vec<PlanRow>> {
    training_plans::table
        .filter(training_plans::center_id.eq(approved.center_id))
        .filter(training_plans::year.eq(approved.year))
        .filter(training_plans::status.eq(PlanStatus::Approved.as_str()))
        .filter(training_plans::id.ne(approved.id))
        .select(PlanRow::as_select())
        .load(conn)
}

/// Marks an approved revision superseded; `None` if it was no longer approved.
pub fn supersede(conn: &mut DbConnection, plan: PlanId) -> QueryResult<Option<PlanRow>> {
    change_status(
        conn,
        plan,
        PlanStatus::Approved,
        PlanStatus::Superseded,
        None,
    )
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
    find_unscoped(conn, plan.id)
}

/// Every plan revision of a year for centers under `scope_path` (for the province overview).
pub fn plans_of_year(
    conn: &mut DbConnection,
    scope: &Scope,
    year: i32,
) -> QueryResult<Vec<PlanRow>> {
    training_plans::table
        .inner_join(organizations::table)
        .filter(organizations::path.like(scope.pattern()))
        .filter(training_plans::year.eq(year))
        .order((training_plans::center_id, training_plans::revision.desc()))
        .select(PlanRow::as_select())
        .load(conn)
}
