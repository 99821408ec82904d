//! Teaching quality in a year: lesson plans approved and how long approval took, sessions taught
//! under a lesson plan approved beforehand, use of information technology, and class visits
//! (dự giờ) with their average score and ratings.

use super::{centers_during, share, uuid_of, year_days};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::DbConnection;
use centers_domain::access::Permission;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;
use uuid::Uuid;

/// Visits with one rating.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingCount {
    pub code: String,
    pub label: String,
    pub visits: i64,
}

/// Quality figures of a center, or of the whole scope.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct QualityFigures {
    /// Lesson plans approved during the year.
    pub lesson_plans_approved: i64,
    /// Days from submission (or, without a recorded submission, from drafting) to approval:
    /// the mean and the median; null without approvals.
    pub approval_days_mean: Option<f64>,
    pub approval_days_median: Option<f64>,
    /// Of the approved lesson plans, those that use information technology.
    pub lesson_plans_using_it: i64,
    pub sessions_taught: i64,
    /// Taught under a lesson plan approved before the session; and that share, 0–1.
    pub sessions_with_approved_lesson_plan: i64,
    pub approved_before_teaching_share: Option<f64>,
    /// Taught under a lesson plan using information technology; and that share, 0–1.
    pub sessions_using_it: i64,
    pub it_use_share: Option<f64>,
    pub visits: i64,
    /// Mean of the visits' average scores (two decimals); null without visits.
    pub average_visit_score: Option<f64>,
    /// Visits by rating (the observation policy's bands, as recorded on each visit).
    pub visit_ratings: Vec<RatingCount>,
}

#[derive(Default)]
struct Tally {
    approval_days: Vec<i64>,
    plans_using_it: i64,
    sessions: i64,
    with_plan: i64,
    using_it: i64,
    visits: i64,
    score_sum: f64,
    ratings: BTreeMap<String, RatingCount>,
}

impl Tally {
    fn figures(&self) -> QualityFigures {
        let mut days = self.approval_days.clone();
        days.sort_unstable();
        let n = days.len();
        #[allow(clippy::cast_precision_loss)]
        let mean =
            (n > 0).then(|| (days.iter().sum::<i64>() as f64 / n as f64 * 100.0).round() / 100.0);
        #[allow(clippy::cast_precision_loss)]
        let median = (n > 0).then(|| {
            if n % 2 == 1 {
                days[n / 2] as f64
            } else {
                (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0
            }
        });
        let mut ratings: Vec<RatingCount> = self.ratings.values().cloned().collect();
        ratings.sort_by(|a, b| b.visits.cmp(&a.visits).then(a.code.cmp(&b.code)));
        QualityFigures {
            lesson_plans_approved: i64::try_from(n).unwrap_or(i64::MAX),
            approval_days_mean: mean,
            approval_days_median: median,
            lesson_plans_using_it: self.plans_using_it,
            sessions_taught: self.sessions,
            sessions_with_approved_lesson_plan: self.with_plan,
            approved_before_teaching_share: share(self.with_plan, self.sessions),
            sessions_using_it: self.using_it,
            it_use_share: share(self.using_it, self.sessions),
            visits: self.visits,
            #[allow(clippy::cast_precision_loss)]
            average_visit_score: (self.visits > 0)
                .then(|| (self.score_sum / self.visits as f64 * 100.0).round() / 100.0),
            visit_ratings: ratings,
        }
    }
}

/// One center's quality figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterQuality {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    #[serde(flatten)]
    pub figures: QualityFigures,
}

/// Teaching quality of a year in the caller's scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct QualityReport {
    pub year: i32,
    pub total: QualityFigures,
    pub centers: Vec<CenterQuality>,
}

/// The quality report of `year`. Lesson plans count at their lecturer's organization (the
/// province's total includes the school's), sessions and visits at the class's center.
pub fn quality(
    conn: &mut DbConnection,
    caller: &Caller,
    year: i32,
) -> Result<QualityReport, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let scope = caller.scope();
    let (first, last) = year_days(year);
    let centers = centers_during(conn, &scope, first, last)?;
    let mut tallies: HashMap<Uuid, Tally> = HashMap::new();
    let mut total = Tally::default();
    for p in centers_db::reports::approved_lesson_plans(conn, &scope, first, last)? {
        let from = p.submitted_at.unwrap_or(p.created_at);
        let days = (p.approved_on - centers_domain::teaching::local_day(from))
            .num_days()
            .max(0);
        for t in [
            tallies.entry(uuid_of(&p.organization_id)?).or_default(),
            &mut total,
        ] {
            t.approval_days.push(days);
            t.plans_using_it += i64::from(p.uses_it);
        }
    }
    for s in centers_db::reports::session_quality(conn, &scope, first, last)? {
        for t in [
            tallies.entry(uuid_of(&s.center_id)?).or_default(),
            &mut total,
        ] {
            t.sessions += s.sessions;
            t.with_plan += s.with_approved_plan;
            t.using_it += s.using_it;
        }
    }
    for v in centers_db::reports::visit_ratings(conn, &scope, first, last)? {
        for t in [
            tallies.entry(uuid_of(&v.center_id)?).or_default(),
            &mut total,
        ] {
            t.visits += v.visits;
            t.score_sum += v.score_sum;
            t.ratings
                .entry(v.rating_code.clone())
                .or_insert_with(|| RatingCount {
                    code: v.rating_code.clone(),
                    label: v.rating_label.clone(),
                    visits: 0,
                })
                .visits += v.visits;
        }
    }
    let centers = centers
        .into_iter()
        .map(|c| CenterQuality {
            center_id: c.id.into(),
            center_code: c.code,
            center_name: c.name,
            figures: tallies
                .get(&Uuid::from(c.id))
                .map(Tally::figures)
                .unwrap_or_default(),
        })
        .collect();
    Ok(QualityReport {
        year,
        total: total.figures(),
        centers,
    })
}

/// One row per center, then the total.
pub fn table(r: &QualityReport) -> Table {
    let line = |code: Option<&str>, name: &str, f: &QualityFigures| {
        vec![
            Cell::maybe_text(code),
            Cell::text(name),
            Cell::count(f.lesson_plans_approved),
            Cell::maybe_number(f.approval_days_mean),
            Cell::maybe_number(f.approval_days_median),
            Cell::count(f.sessions_taught),
            Cell::maybe_percent(f.approved_before_teaching_share),
            Cell::maybe_percent(f.it_use_share),
            Cell::count(f.visits),
            Cell::maybe_number(f.average_visit_score),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = r
        .centers
        .iter()
        .map(|c| line(c.center_code.as_deref(), &c.center_name, &c.figures))
        .collect();
    rows.push(line(Some("Tổng cộng"), "", &r.total));
    Table {
        headers: crate::export::headers(&[
            "Mã trung tâm",
            "Trung tâm",
            "Giáo án được duyệt",
            "Số ngày duyệt (trung bình)",
            "Số ngày duyệt (trung vị)",
            "Buổi giảng",
            "Tỷ lệ có giáo án duyệt trước",
            "Tỷ lệ ứng dụng CNTT",
            "Lượt dự giờ",
            "Điểm dự giờ trung bình",
        ]),
        rows,
    }
}
