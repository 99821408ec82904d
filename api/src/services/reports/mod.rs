//! Province-wide reports, under the same scope rules as everything else: the caller's scope is
//! a condition of every statement (the province sees all centers, a center itself). Each report
//! answers JSON, and has a table (Vietnamese headers) for CSV and XLSX.

pub mod cache;
pub mod coverage;
pub mod fulfilment;
pub mod lecturers;
pub mod outcomes;
pub mod quality;
pub mod trends;

use crate::auth::Caller;
use crate::error::ApiError;
use centers_db::organizations::{self as orgs, OrganizationFilter, OrganizationSort};
use centers_db::paging::PageRequest;
use centers_db::{plans, programs, DbConnection, Id, PlanId, ProgramId};
use centers_domain::access::Permission;
use centers_domain::organizations::OrganizationKind;
use centers_domain::plans::PlanStatus;
use centers_domain::programs::ProgramCategory;
use centers_domain::teaching::LecturerKind;
use centers_domain::validity::Validity;
use chrono::NaiveDate;
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
    pub status: String,
    pub latest_plan_id: Option<Uuid>,
    pub latest_revision: Option<i32>,
    /// The revision in force (approved), if any.
    pub approved_plan_id: Option<Uuid>,
    pub approved_revision: Option<i32>,
    /// `approved` when the figures come from the approved revision, `latest` when the center has
    /// no approved plan yet and they come from its latest draft, `none` without a plan.
    pub figures_from: String,
    pub by_category: Vec<CategoryFigures>,
    pub planned_classes: i64,
    pub planned_learners: i64,
}

/// A center without an approved plan for the year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterWithoutPlan {
    pub center_id: Uuid,
    pub center_name: String,
    pub status: String,
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
fn figures(
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
            (Some(a), _) => (Some(a), "approved"),
            (None, Some(l)) => (Some(l), "latest"),
            (None, None) => (None, "none"),
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
        let status = latest
            .map(|p| p.status.as_str().to_owned())
            .unwrap_or_else(|| "none".into());
        if approved.is_none() {
            missing.push(CenterWithoutPlan {
                center_id: c.id.into(),
                center_name: c.name.clone(),
                status: status.clone(),
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
            figures_from: from.into(),
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

/// The first and last day of a year (routes accept 2000–2100 only).
pub(crate) fn year_days(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    )
}

/// `part / whole`, from 0 (and above 1 for an over-fulfilled plan), four decimals; null when the
/// whole is 0.
pub(crate) fn share(part: i64, whole: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let r = (whole > 0).then(|| ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0);
    r
}

/// An id the database returned as text.
pub(crate) fn uuid_of(text: &str) -> Result<Uuid, ApiError> {
    text.parse()
        .map_err(|_| ApiError::Internal(format!("a report row with the id {text:?}")))
}

/// Centers in `scope` that existed at some time between two days, by code.
pub(crate) fn centers_during(
    conn: &mut DbConnection,
    scope: &centers_db::Scope,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<orgs::OrganizationRow>, ApiError> {
    Ok(centers_in(conn, scope)?
        .into_iter()
        .filter(|c| {
            Validity {
                valid_from: c.valid_from,
                valid_to: c.valid_to,
            }
            .overlaps(first, last)
        })
        .collect())
}

/// Every center in `scope`, by code (at most 10,000: a province has a few dozen).
fn centers_in(
    conn: &mut DbConnection,
    scope: &centers_db::Scope,
) -> Result<Vec<orgs::OrganizationRow>, ApiError> {
    Ok(orgs::list(
        conn,
        &OrganizationFilter {
            kind: Some(OrganizationKind::Center),
            ..OrganizationFilter::in_scope(scope.clone())
        },
        &PageRequest {
            limit: 10_000,
            offset: None,
            after: None,
            sort: OrganizationSort::Code,
            descending: false,
            count: false,
        },
    )?
    .items)
}

/// Periods taught, by the kind of lecturer who taught them.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct PeriodsByKind {
    pub full_time: i64,
    pub part_time: i64,
    pub visiting: i64,
}

/// Teaching figures of a center, or of the whole scope.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct TeachingFigures {
    pub sessions_taught: i64,
    pub periods_taught: i64,
    pub periods_by_kind: PeriodsByKind,
    /// Share of periods taught by part-time lecturers (district leaders), 0–1; null without
    /// periods. A headline of the article: there are too few of them.
    pub part_time_share: Option<f64>,
    /// Taught sessions whose lecturer had an approved lesson plan in force: all of them, since
    /// a session cannot be marked taught otherwise.
    pub sessions_with_approved_lesson_plan: i64,
    /// That share, 0–1; null without taught sessions.
    pub approved_before_teaching_share: Option<f64>,
    pub visits: i64,
    /// Average of the visits' average scores; null without visits.
    pub average_visit_score: Option<f64>,
}

/// One center's teaching figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterTeaching {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    #[serde(flatten)]
    pub figures: TeachingFigures,
}

/// Teaching in a year: the scope's totals and each center's.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeachingReport {
    pub year: i32,
    pub total: TeachingFigures,
    pub centers: Vec<CenterTeaching>,
}

#[derive(Default)]
struct Tally {
    sessions: i64,
    by_kind: PeriodsByKind,
    with_plan: i64,
    visit_sum: f64,
    visits: i64,
}

impl Tally {
    fn figures(&self) -> TeachingFigures {
        let periods = self.by_kind.full_time + self.by_kind.part_time + self.by_kind.visiting;
        TeachingFigures {
            sessions_taught: self.sessions,
            periods_taught: periods,
            periods_by_kind: self.by_kind.clone(),
            part_time_share: share(self.by_kind.part_time, periods),
            sessions_with_approved_lesson_plan: self.with_plan,
            approved_before_teaching_share: share(self.with_plan, self.sessions),
            visits: self.visits,
            #[allow(clippy::cast_precision_loss)]
            average_visit_score: (self.visits > 0)
                .then(|| (self.visit_sum / self.visits as f64 * 100.0).round() / 100.0),
        }
    }
}

/// The teaching report of a year for the caller's scope.
pub fn teaching_report(
    conn: &mut DbConnection,
    caller: &Caller,
    year: i32,
) -> Result<TeachingReport, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let scope = caller.scope();
    let (first, last) = year_days(year);
    let centers = centers_during(conn, &scope, first, last)?;
    let mut tallies: HashMap<Id, Tally> = HashMap::new();
    let mut total = Tally::default();
    for fact in centers_db::teaching::taught_facts(conn, &scope, first, last)? {
        for t in [
            tallies.entry(fact.center_id.into()).or_default(),
            &mut total,
        ] {
            t.sessions += 1;
            let periods = i64::from(fact.periods);
            match fact.lecturer_kind {
                LecturerKind::PartTime => t.by_kind.part_time += periods,
                LecturerKind::Visiting => t.by_kind.visiting += periods,
                LecturerKind::FullTime => t.by_kind.full_time += periods,
            }
            t.with_plan += i64::from(fact.had_lesson_plan);
        }
    }
    // Visits counted and summed by the database, as the quality report reads them.
    for v in centers_db::reports::visit_ratings(conn, &scope, first, last)? {
        let center: Id = uuid_of(&v.center_id)?.into();
        for t in [tallies.entry(center).or_default(), &mut total] {
            t.visits += v.visits;
            t.visit_sum += v.score_sum;
        }
    }
    let centers = centers
        .into_iter()
        .map(|c| CenterTeaching {
            center_id: c.id.into(),
            center_code: c.code,
            center_name: c.name,
            figures: tallies
                .get(&Id::from(c.id))
                .map(Tally::figures)
                .unwrap_or_else(|| Tally::default().figures()),
        })
        .collect();
    Ok(TeachingReport {
        year,
        total: total.figures(),
        centers,
    })
}

// ---- the summary: classes and learner-enrollments by year, center, category or program ----

pub use centers_db::reports::SummaryDimension;

/// The summary's parameters, checked by the route.
#[derive(Debug, Clone)]
pub struct SummaryQuery {
    pub from: i32,
    pub to: i32,
    pub group_by: Vec<SummaryDimension>,
    pub as_of: Option<NaiveDate>,
}

/// The grouped columns of a report row (year, center, category, program); the columns of
/// dimensions not grouped by are absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct GroupColumns {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub center_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub center_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub center_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program_name: Option<String>,
}

impl GroupColumns {
    pub(crate) fn from_row(g: centers_db::reports::GroupColumns) -> Result<Self, ApiError> {
        Ok(GroupColumns {
            year: g.year,
            center_id: g.center_id.as_deref().map(uuid_of).transpose()?,
            center_code: g.center_code,
            center_name: g.center_name,
            category: g.category,
            program_code: g.program_code,
            program_name: g.program_name,
        })
    }
}

/// Headers of the grouped columns, in Vietnamese.
pub(crate) fn group_headers(group_by: &[String]) -> Vec<String> {
    let has = |name: &str| group_by.iter().any(|g| g == name);
    let mut headers: Vec<&str> = Vec::new();
    if has("year") {
        headers.push("Năm");
    }
    if has("center") {
        headers.extend(["Mã trung tâm", "Trung tâm"]);
    }
    if has("program") || has("category") {
        headers.push("Nhóm chương trình");
    }
    if has("program") {
        headers.extend(["Mã chương trình", "Chương trình"]);
    }
    crate::export::headers(&headers)
}

/// Cells of the grouped columns; the total's row says so in its first column.
pub(crate) fn group_cells(
    g: &GroupColumns,
    group_by: &[String],
    total: bool,
) -> Vec<crate::export::Cell> {
    use crate::export::Cell;
    let has = |name: &str| group_by.iter().any(|d| d == name);
    let mut cells = Vec::new();
    if has("year") {
        cells.push(g.year.map_or(Cell::Empty, |y| Cell::count(y.into())));
    }
    if has("center") {
        cells.extend([
            Cell::maybe_text(g.center_code.as_deref()),
            Cell::maybe_text(g.center_name.as_deref()),
        ]);
    }
    if has("program") || has("category") {
        cells.push(Cell::maybe_text(g.category.as_deref()));
    }
    if has("program") {
        cells.extend([
            Cell::maybe_text(g.program_code.as_deref()),
            Cell::maybe_text(g.program_name.as_deref()),
        ]);
    }
    if total {
        if let Some(first) = cells.first_mut() {
            *first = Cell::text("Tổng cộng");
        }
    }
    cells
}

/// One group's figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SummaryRow {
    #[serde(flatten)]
    pub group: GroupColumns,
    /// Classes held (not cancelled), by the class's year.
    pub classes: i64,
    /// Learner-enrollments (lượt học viên): enrollments that reached `enrolled` and were not
    /// withdrawn — enrolled, completed or failed.
    pub enrollments: i64,
    /// Distinct learners among them.
    pub learners: i64,
    /// Enrollments settled at the class's completion (completed or failed).
    pub finished: i64,
    /// Completed (passed) enrollments.
    pub passed: i64,
    /// `passed / finished`, from 0 to 1; absent when nothing has finished.
    pub pass_rate: Option<f64>,
    /// Current (not replaced) certificates of these enrollments.
    pub certificates: i64,
}

/// Classes and learner-enrollments of the years in scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct Summary {
    pub from: i32,
    pub to: i32,
    pub group_by: Vec<String>,
    pub as_of: Option<NaiveDate>,
    pub rows: Vec<SummaryRow>,
    /// The whole of the years in scope (distinct learners counted once, not summed).
    pub total: SummaryRow,
}

fn summary_row(r: centers_db::reports::SummaryRow) -> Result<SummaryRow, ApiError> {
    Ok(SummaryRow {
        group: GroupColumns::from_row(r.group)?,
        classes: r.classes,
        enrollments: r.enrollments,
        learners: r.learners,
        finished: r.finished,
        passed: r.passed,
        // Counts stay far below 2^52: the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        pass_rate: (r.finished > 0).then(|| r.passed as f64 / r.finished as f64),
        certificates: r.certificates,
    })
}

/// The summary of `q` in the caller's scope. Served from the summary cache when it holds the
/// answer for the data's current version; else its two statements — the groups, and the total's
/// distinct learners — run side by side on two connections (the database then works on two
/// cores; the answer takes the longer of the two instead of their sum), and the answer is kept.
/// Async and given the state, unlike the other services, because it uses two connections.
pub async fn summary(
    state: &crate::state::AppState,
    caller: Caller,
    q: SummaryQuery,
) -> Result<std::sync::Arc<Summary>, ApiError> {
    use centers_db::reports as db;
    caller.require_permission(Permission::ReadLearners)?;
    let key = format!(
        "{}|{}|{}|{:?}|{:?}",
        caller.scope().path(),
        q.from,
        q.to,
        q.group_by,
        q.as_of
    );
    let seq = state
        .read(|conn| Ok(centers_db::writes::last_seq(conn)?))
        .await?;
    if let Some(hit) = state.summaries.get(&key, seq) {
        return Ok(hit);
    }
    let filter = db::SummaryFilter {
        scope: caller.scope(),
        from: q.from,
        to: q.to,
        as_of: q.as_of,
    };
    let (groups, learners) = (filter.clone(), filter);
    let group = q.group_by.clone();
    let (rows, learners) = futures_util::future::try_join(
        state.read(move |conn| Ok(db::summary(conn, &groups, &group)?)),
        state.read(move |conn| Ok(db::distinct_learners(conn, &learners)?)),
    )
    .await?;
    let total = summary_row(db::total_of(&rows, learners))?;
    let fresh = std::sync::Arc::new(Summary {
        from: q.from,
        to: q.to,
        group_by: q
            .group_by
            .iter()
            .map(|d| dimension_name(*d).to_owned())
            .collect(),
        as_of: q.as_of,
        rows: rows
            .into_iter()
            .map(summary_row)
            .collect::<Result<_, _>>()?,
        total,
    });
    state.summaries.put(key, seq, std::sync::Arc::clone(&fresh));
    Ok(fresh)
}

pub fn dimension_name(d: SummaryDimension) -> &'static str {
    match d {
        SummaryDimension::Year => "year",
        SummaryDimension::Center => "center",
        SummaryDimension::Category => "category",
        SummaryDimension::Program => "program",
    }
}

/// The summary as a spreadsheet: the grouped columns, then the figures, Vietnamese headers.
pub fn summary_table(s: &Summary) -> crate::export::Table {
    use crate::export::Cell;
    let mut headers = group_headers(&s.group_by);
    headers.extend(crate::export::headers(&[
        "Số lớp",
        "Lượt học viên",
        "Số học viên",
        "Đã kết thúc",
        "Đạt",
        "Tỷ lệ đạt",
        "Chứng chỉ đã cấp",
    ]));
    let line = |r: &SummaryRow, total: bool| {
        let mut cells = group_cells(&r.group, &s.group_by, total);
        cells.extend([
            Cell::count(r.classes),
            Cell::count(r.enrollments),
            Cell::count(r.learners),
            Cell::count(r.finished),
            Cell::count(r.passed),
            Cell::maybe_number(r.pass_rate),
            Cell::count(r.certificates),
        ]);
        cells
    };
    let mut rows: Vec<Vec<Cell>> = s.rows.iter().map(|r| line(r, false)).collect();
    rows.push(line(&s.total, true));
    crate::export::Table { headers, rows }
}

/// The plans overview as a table: one row per center.
pub fn plans_table(r: &PlansReport) -> crate::export::Table {
    use crate::export::Cell;
    let status = |s: &str| match s {
        "none" => "Chưa có kế hoạch",
        "draft" => "Dự thảo",
        "submitted" => "Đã trình",
        "appraised" => "Đã thẩm định",
        "approved" => "Đã phê duyệt",
        "returned" => "Trả lại",
        "superseded" => "Đã thay thế",
        _ => "",
    };
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
                    Cell::text(status(&c.status)),
                    c.approved_revision
                        .map_or(Cell::Empty, |n| Cell::count(n.into())),
                    Cell::text(match c.figures_from.as_str() {
                        "approved" => "Bản được duyệt",
                        "latest" => "Bản mới nhất (chưa duyệt)",
                        _ => "",
                    }),
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

/// The teaching report as a table: one row per center, then the total.
pub fn teaching_table(r: &TeachingReport) -> crate::export::Table {
    use crate::export::Cell;
    let line = |code: Option<&str>, name: &str, f: &TeachingFigures| {
        vec![
            Cell::maybe_text(code),
            Cell::text(name),
            Cell::count(f.sessions_taught),
            Cell::count(f.periods_taught),
            Cell::count(f.periods_by_kind.full_time),
            Cell::count(f.periods_by_kind.part_time),
            Cell::count(f.periods_by_kind.visiting),
            Cell::maybe_number(f.part_time_share),
            Cell::maybe_number(f.approved_before_teaching_share),
            Cell::count(f.visits),
            Cell::maybe_number(f.average_visit_score),
        ]
    };
    let mut rows: Vec<_> = r
        .centers
        .iter()
        .map(|c| line(c.center_code.as_deref(), &c.center_name, &c.figures))
        .collect();
    rows.push(line(Some("Tổng cộng"), "", &r.total));
    crate::export::Table {
        headers: crate::export::headers(&[
            "Mã trung tâm",
            "Trung tâm",
            "Buổi giảng",
            "Số tiết",
            "Tiết giảng viên cơ hữu",
            "Tiết giảng viên kiêm chức",
            "Tiết giảng viên thỉnh giảng",
            "Tỷ lệ tiết kiêm chức",
            "Tỷ lệ có giáo án duyệt trước",
            "Lượt dự giờ",
            "Điểm dự giờ trung bình",
        ]),
        rows,
    }
}
