//! Plan fulfilment: what each center's approved plan for the year planned, line by line, against
//! the classes it held and their learner-enrollments; classes held outside the plan apart.

use super::{centers_during, share, uuid_of, year_days};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::{programs, DbConnection, ProgramId};
use centers_domain::access::Permission;
use centers_domain::plans::fulfilment_line;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// One line of an approved plan, or (without `line_id`) a program held outside the plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FulfilmentLine {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    /// The approved plan and its line; null for classes held outside the plan.
    pub plan_id: Option<Uuid>,
    pub line_id: Option<Uuid>,
    pub program_id: Uuid,
    pub program_code: String,
    pub program_name: String,
    pub category: String,
    /// The line's quarter (1–4); null for a whole-year line.
    pub quarter: Option<i32>,
    pub planned_classes: i64,
    /// Classes held (not cancelled) counted toward the line.
    pub held_classes: i64,
    pub planned_learners: i64,
    /// Learner-enrollments (lượt học viên) of those classes.
    pub learners: i64,
    /// `held_classes / planned_classes` (above 1 when exceeded); null when nothing was planned.
    pub classes_fulfilment: Option<f64>,
    pub learners_fulfilment: Option<f64>,
}

/// Planned against held, for a center or the whole scope.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct FulfilmentFigures {
    pub planned_classes: i64,
    /// Classes held toward the plan's lines.
    pub held_classes: i64,
    pub planned_learners: i64,
    pub learners: i64,
    pub classes_fulfilment: Option<f64>,
    pub learners_fulfilment: Option<f64>,
    /// Classes of programs the plan does not hold, and their learner-enrollments.
    pub outside_plan_classes: i64,
    pub outside_plan_learners: i64,
}

impl FulfilmentFigures {
    fn add(&mut self, l: &FulfilmentLine) {
        if l.line_id.is_some() {
            self.planned_classes += l.planned_classes;
            self.held_classes += l.held_classes;
            self.planned_learners += l.planned_learners;
            self.learners += l.learners;
        } else {
            self.outside_plan_classes += l.held_classes;
            self.outside_plan_learners += l.learners;
        }
        self.classes_fulfilment = share(self.held_classes, self.planned_classes);
        self.learners_fulfilment = share(self.learners, self.planned_learners);
    }
}

/// One center's fulfilment.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterFulfilment {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    /// Whether the center has an approved plan for the year (without one, everything it held is
    /// outside the plan).
    pub has_approved_plan: bool,
    #[serde(flatten)]
    pub figures: FulfilmentFigures,
}

/// Plan fulfilment of a year in the caller's scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct FulfilmentReport {
    pub year: i32,
    pub total: FulfilmentFigures,
    pub centers: Vec<CenterFulfilment>,
    /// Every approved line, then the programs held outside the plan, by center.
    pub lines: Vec<FulfilmentLine>,
}

/// Approved plan lines of `year` against the classes held. A held class counts toward the line
/// of its program (and quarter) in the approved revision, whichever revision it was opened
/// under (`centers_domain::plans::fulfilment_line`); a program without a line is outside.
pub fn fulfilment(
    conn: &mut DbConnection,
    caller: &Caller,
    year: i32,
) -> Result<FulfilmentReport, ApiError> {
    caller.require_permission(Permission::ReadPlans)?;
    let scope = caller.scope();
    let (first, last) = year_days(year);
    let centers = centers_during(conn, &scope, first, last)?;
    let approved = centers_db::reports::approved_lines(conn, &scope, year)?;
    let held = centers_db::reports::held_groups(conn, &scope, year)?;
    let program_ids = approved
        .iter()
        .map(|l| l.program_id.as_str())
        .chain(held.iter().map(|g| g.program_id.as_str()))
        .map(|id| uuid_of(id).map(ProgramId::from))
        .collect::<Result<Vec<_>, _>>()?;
    let programs: HashMap<Uuid, programs::ProgramRow> = programs::by_ids(conn, &program_ids)?
        .into_iter()
        .map(|p| (p.id.into(), p))
        .collect();
    let center_of: HashMap<Uuid, &centers_db::organizations::OrganizationRow> =
        centers.iter().map(|c| (c.id.into(), c)).collect();
    let line = |center: Uuid,
                program: Uuid,
                plan: Option<Uuid>,
                line: Option<Uuid>,
                quarter: Option<i32>|
     -> Result<FulfilmentLine, ApiError> {
        let p = programs
            .get(&program)
            .ok_or_else(|| ApiError::Internal(format!("program {program} not found")))?;
        let c = center_of.get(&center);
        Ok(FulfilmentLine {
            center_id: center,
            center_code: c.and_then(|c| c.code.clone()),
            center_name: c.map(|c| c.name.clone()).unwrap_or_default(),
            plan_id: plan,
            line_id: line,
            program_id: program,
            program_code: p.code.clone(),
            program_name: p.name.clone(),
            category: p.category.as_str().to_owned(),
            quarter,
            planned_classes: 0,
            held_classes: 0,
            planned_learners: 0,
            learners: 0,
            classes_fulfilment: None,
            learners_fulfilment: None,
        })
    };
    let mut lines = Vec::new();
    let mut of_program: HashMap<(Uuid, Uuid), Vec<usize>> = HashMap::new();
    for a in &approved {
        let (center, program) = (uuid_of(&a.center_id)?, uuid_of(&a.program_id)?);
        let mut l = line(
            center,
            program,
            Some(uuid_of(&a.plan_id)?),
            Some(uuid_of(&a.line_id)?),
            a.quarter,
        )?;
        l.planned_classes = i64::from(a.planned_classes);
        l.planned_learners = i64::from(a.planned_learners);
        of_program
            .entry((center, program))
            .or_default()
            .push(lines.len());
        lines.push(l);
    }
    let mut outside: Vec<FulfilmentLine> = Vec::new();
    for g in &held {
        let (center, program) = (uuid_of(&g.center_id)?, uuid_of(&g.program_id)?);
        let candidates = of_program
            .get(&(center, program))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let quarters: Vec<Option<i32>> = candidates.iter().map(|i| lines[*i].quarter).collect();
        let target = match fulfilment_line(&quarters, g.quarter) {
            Some(k) => &mut lines[candidates[k]],
            None => {
                let at = match outside
                    .iter()
                    .position(|o| o.center_id == center && o.program_id == program)
                {
                    Some(at) => at,
                    None => {
                        outside.push(line(center, program, None, None, None)?);
                        outside.len() - 1
                    }
                };
                &mut outside[at]
            }
        };
        target.held_classes += g.classes;
        target.learners += g.learners;
    }
    outside
        .sort_by(|a, b| (&a.center_code, &a.program_code).cmp(&(&b.center_code, &b.program_code)));
    lines.extend(outside);
    for l in &mut lines {
        l.classes_fulfilment = share(l.held_classes, l.planned_classes);
        l.learners_fulfilment = share(l.learners, l.planned_learners);
    }
    let mut total = FulfilmentFigures::default();
    let mut by_center: HashMap<Uuid, FulfilmentFigures> = HashMap::new();
    for l in &lines {
        total.add(l);
        by_center.entry(l.center_id).or_default().add(l);
    }
    let centers = centers
        .iter()
        .map(|c| {
            let id: Uuid = c.id.into();
            CenterFulfilment {
                center_id: id,
                center_code: c.code.clone(),
                center_name: c.name.clone(),
                has_approved_plan: of_program.keys().any(|(center, _)| *center == id),
                figures: by_center.remove(&id).unwrap_or_default(),
            }
        })
        .collect();
    Ok(FulfilmentReport {
        year,
        total,
        centers,
        lines,
    })
}

/// The lines as a table, then the total.
pub fn table(r: &FulfilmentReport) -> Table {
    let mut rows: Vec<Vec<Cell>> = r
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::maybe_text(l.center_code.as_deref()),
                Cell::text(&l.center_name),
                Cell::text(&l.program_code),
                Cell::text(&l.program_name),
                l.quarter.map_or(Cell::Empty, |q| Cell::count(q.into())),
                Cell::text(if l.line_id.is_some() {
                    "Trong kế hoạch"
                } else {
                    "Ngoài kế hoạch"
                }),
                Cell::count(l.planned_classes),
                Cell::count(l.held_classes),
                Cell::maybe_percent(l.classes_fulfilment),
                Cell::count(l.planned_learners),
                Cell::count(l.learners),
                Cell::maybe_percent(l.learners_fulfilment),
            ]
        })
        .collect();
    let t = &r.total;
    rows.push(vec![
        Cell::text("Tổng cộng"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::text(format!(
            "Ngoài kế hoạch: {} lớp, {} lượt",
            t.outside_plan_classes, t.outside_plan_learners
        )),
        Cell::count(t.planned_classes),
        Cell::count(t.held_classes),
        Cell::maybe_percent(t.classes_fulfilment),
        Cell::count(t.planned_learners),
        Cell::count(t.learners),
        Cell::maybe_percent(t.learners_fulfilment),
    ]);
    Table {
        headers: crate::export::headers(&[
            "Mã trung tâm",
            "Trung tâm",
            "Mã chương trình",
            "Chương trình",
            "Quý",
            "Kế hoạch",
            "Số lớp kế hoạch",
            "Số lớp đã mở",
            "Tỷ lệ lớp",
            "Học viên kế hoạch",
            "Lượt học viên",
            "Tỷ lệ học viên",
        ]),
        rows,
    }
}
