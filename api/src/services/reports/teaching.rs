//! The teaching report: periods by lecturer kind, the part-time lecturers' share, lesson plans
//! approved before teaching, visits.

use super::*;
use crate::auth::Caller;
use crate::error::ApiError;
use centers_db::{DbConnection, Id};
use centers_domain::access::Permission;
use centers_domain::teaching::LecturerKind;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

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
pub(crate) struct Tally {
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
            Cell::maybe_percent(f.part_time_share),
            Cell::maybe_percent(f.approved_before_teaching_share),
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
