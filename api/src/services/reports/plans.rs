//! The plans report: every center's plan status for a year and its figures by program category.

use super::*;
use crate::auth::Caller;
use crate::error::ApiError;
use centers_db::{plans, programs, DbConnection, Id, PlanId, ProgramId};
use centers_domain::access::Permission;
use centers_domain::plans::{FiguresFrom, PlanStanding, PlanStatus};
use centers_domain::programs::ProgramCategory;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;
use uuid::Uuid;

/// Planned classes and learners of one program category.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct CategoryFigures {
    pub category: String,
    pub planned_classes: i64,
    pub planned_learners: i64,
}

/// One center's plan for the year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterPlanRow {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    /// Status of the latest revision, or `none` when the center has no plan.
    pub status: PlanStanding,
    pub latest_plan_id: Option<Uuid>,
    pub latest_revision: Option<i32>,
    /// The revision in force (approved), if any.
    pub approved_plan_id: Option<Uuid>,
    pub approved_revision: Option<i32>,
    /// `approved` when the figures come from the approved revision, `latest` when the center has
    /// no approved plan yet and they come from its latest draft, `none` without a plan.
    pub figures_from: FiguresFrom,
    pub by_category: Vec<CategoryFigures>,
    pub planned_classes: i64,
    pub planned_learners: i64,
}

/// A center without an approved plan for the year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterWithoutPlan {
    pub center_id: Uuid,
    pub center_name: String,
    pub status: PlanStanding,
}

/// The province's overview of annual plans.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlansReport {
    pub year: i32,
    /// Centers in the caller's scope that existed during the year.
    pub centers_total: i64,
    pub centers_with_approved_plan: i64,
    /// The "27 of 27" check: who is still missing an approved plan.
    pub centers_without_approved_plan: Vec<CenterWithoutPlan>,
    /// Approved figures summed over the centers, by category (only approved plans count).
    pub approved_by_category: Vec<CategoryFigures>,
    pub approved_planned_classes: i64,
    pub approved_planned_learners: i64,
    pub centers: Vec<CenterPlanRow>,
}

/// The year.
pub(crate) fn figures(
    lines: &[plans::LineRow],
    categories: &HashMap<ProgramId, String>,
) -> BTreeMap<String, CategoryFigures> {
    let mut out: BTreeMap<String, CategoryFigures> = BTreeMap::new();
    for l in lines {
        let category = categories
            .get(&l.program_id)
            .cloned()
            .unwrap_or_else(|| ProgramCategory::Other.as_str().into());
        let f = out
            .entry(category.clone())
            .or_insert_with(|| CategoryFigures {
                category,
                ..Default::default()
            });
        f.planned_classes += i64::from(l.planned_classes);
        f.planned_learners += i64::from(l.planned_learners);
    }
    out
}

/// Every center's plan for `year` in the caller's scope: status, figures by category, and which
/// centers still have no approved plan.
pub fn plans_report(
    conn: &mut DbConnection,
    caller: &Caller,
    year: i32,
) -> Result<PlansReport, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let scope = caller.scope();
    let (first, last) = year_days(year);
    let centers = centers_during(conn, &scope, first, last)?;
    let all_plans = plans::plans_of_year(conn, &scope, year)?;
    let plan_ids: Vec<PlanId> = all_plans.iter().map(|p| p.id).collect();
    let lines = plans::lines_of(conn, &plan_ids)?;
    let program_ids: Vec<ProgramId> = lines.iter().map(|l| l.program_id).collect();
    let categories: HashMap<ProgramId, String> = programs::by_ids(conn, &program_ids)?
        .into_iter()
        .map(|p| (p.id, p.category.as_str().to_owned()))
        .collect();
    let mut lines_by_plan: HashMap<PlanId, Vec<plans::LineRow>> = HashMap::new();
    for l in lines {
        lines_by_plan.entry(l.plan_id).or_default().push(l);
    }
    let mut by_center: HashMap<Id, Vec<plans::PlanRow>> = HashMap::new();
    for p in all_plans {
        by_center.entry(p.center_id.into()).or_default().push(p);
    }
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    let mut approved_total: BTreeMap<String, CategoryFigures> = BTreeMap::new();
    for c in centers {
        let revisions = by_center.remove(&Id::from(c.id)).unwrap_or_default();
        let latest = revisions.iter().max_by_key(|p| p.revision);
        let approved = revisions.iter().find(|p| p.status == PlanStatus::Approved);
        let (source, from) = match (approved, latest) {
            (Some(a), _) => (Some(a), FiguresFrom::Approved),
            (None, Some(l)) => (Some(l), FiguresFrom::Latest),
            (None, None) => (None, FiguresFrom::None),
        };
        let figs = source
            .map(|p| {
                figures(
                    lines_by_plan
                        .get(&p.id)
                        .map(Vec::as_slice)
                        .unwrap_or_default(),
                    &categories,
                )
            })
            .unwrap_or_default();
        if let Some(a) = approved {
            for f in figures(
                lines_by_plan
                    .get(&a.id)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
                &categories,
            )
            .into_values()
            {
                let t =
                    approved_total
                        .entry(f.category.clone())
                        .or_insert_with(|| CategoryFigures {
                            category: f.category.clone(),
                            ..Default::default()
                        });
                t.planned_classes += f.planned_classes;
                t.planned_learners += f.planned_learners;
            }
        }
        let status = PlanStanding::of(latest.map(|p| p.status));
        if approved.is_none() {
            missing.push(CenterWithoutPlan {
                center_id: c.id.into(),
                center_name: c.name.clone(),
                status,
            });
        }
        let by_category: Vec<CategoryFigures> = figs.into_values().collect();
        rows.push(CenterPlanRow {
            center_id: c.id.into(),
            center_code: c.code.clone(),
            center_name: c.name.clone(),
            status,
            latest_plan_id: latest.map(|p| p.id.into()),
            latest_revision: latest.map(|p| p.revision),
            approved_plan_id: approved.map(|p| p.id.into()),
            approved_revision: approved.map(|p| p.revision),
            figures_from: from,
            planned_classes: by_category.iter().map(|f| f.planned_classes).sum(),
            planned_learners: by_category.iter().map(|f| f.planned_learners).sum(),
            by_category,
        });
    }
    let approved_by_category: Vec<CategoryFigures> = approved_total.into_values().collect();
    let centers_total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    Ok(PlansReport {
        year,
        centers_total,
        centers_with_approved_plan: centers_total - i64::try_from(missing.len()).unwrap_or(0),
        centers_without_approved_plan: missing,
        approved_planned_classes: approved_by_category.iter().map(|f| f.planned_classes).sum(),
        approved_planned_learners: approved_by_category
            .iter()
            .map(|f| f.planned_learners)
            .sum(),
        approved_by_category,
        centers: rows,
    })
}

/// The plans overview as a table: one row per center.
pub fn plans_table(r: &PlansReport) -> crate::export::Table {
    use crate::export::Cell;
    crate::export::Table {
        headers: crate::export::headers(&[
            "Mã trung tâm",
            "Trung tâm",
            "Trạng thái kế hoạch",
            "Lần điều chỉnh được duyệt",
            "Số liệu theo",
            "Số lớp kế hoạch",
            "Số học viên kế hoạch",
        ]),
        rows: r
            .centers
            .iter()
            .map(|c| {
                vec![
                    Cell::maybe_text(c.center_code.as_deref()),
                    Cell::text(&c.center_name),
                    Cell::text(c.status.label()),
                    c.approved_revision
                        .map_or(Cell::Empty, |n| Cell::count(n.into())),
                    match c.figures_from {
                        FiguresFrom::None => Cell::Empty,
                        from => Cell::text(from.label()),
                    },
                    Cell::count(c.planned_classes),
                    Cell::count(c.planned_learners),
                ]
            })
            .chain(std::iter::once(vec![
                Cell::text("Tổng cộng (đã duyệt)"),
                Cell::text(format!(
                    "{}/{} trung tâm có kế hoạch được duyệt",
                    r.centers_with_approved_plan, r.centers_total
                )),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::count(r.approved_planned_classes),
                Cell::count(r.approved_planned_learners),
            ]))
            .collect(),
    }
}
