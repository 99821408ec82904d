//! Outcomes: how the finished learner-enrollments came out — grade bands of the final score under
//! the policy, and conduct (ý thức chấp hành) — by year, center, and category or program.

use super::{dimension_name, group_cells, group_headers, share, GroupColumns, SummaryDimension};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::DbConnection;
use centers_domain::access::Permission;
use centers_domain::learners::{Conduct, EnrollmentStatus};
use serde::Serialize;
use utoipa::ToSchema;

/// Enrollments in one band (of grades or of conduct).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BandCount {
    pub code: String,
    pub label: String,
    pub enrollments: i64,
}

/// One group's outcomes; the columns of dimensions not grouped by are absent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutcomeRow {
    #[serde(flatten)]
    pub group: GroupColumns,
    /// Enrollments settled at their class's completion (completed or failed).
    pub finished: i64,
    pub passed: i64,
    pub pass_rate: Option<f64>,
    /// By grade band of the final score: `khong_diem` (no score), `khong_dat` (below passing),
    /// then the policy's bands; every band listed, zeros included.
    pub grades: Vec<BandCount>,
    /// By conduct: good, fair, average, poor, then `none` (not recorded).
    pub conduct: Vec<BandCount>,
}

/// Outcomes of the years in scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomesReport {
    pub from: i32,
    pub to: i32,
    pub group_by: Vec<String>,
    pub rows: Vec<OutcomeRow>,
    pub total: OutcomeRow,
}

fn conduct_bands() -> Vec<(String, String)> {
    Conduct::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), c.label().to_owned()))
        .chain(std::iter::once((
            "none".to_owned(),
            "Chưa ghi nhận".to_owned(),
        )))
        .collect()
}

fn empty_row(grades: &[(String, String)], conduct: &[(String, String)]) -> OutcomeRow {
    let bands = |list: &[(String, String)]| {
        list.iter()
            .map(|(code, label)| BandCount {
                code: code.clone(),
                label: label.clone(),
                enrollments: 0,
            })
            .collect()
    };
    OutcomeRow {
        group: GroupColumns::default(),
        finished: 0,
        passed: 0,
        pass_rate: None,
        grades: bands(grades),
        conduct: bands(conduct),
    }
}

fn count_into(row: &mut OutcomeRow, grade: &str, conduct: &str, passed: bool, n: i64) {
    row.finished += n;
    if passed {
        row.passed += n;
    }
    if let Some(b) = row.grades.iter_mut().find(|b| b.code == grade) {
        b.enrollments += n;
    }
    if let Some(b) = row.conduct.iter_mut().find(|b| b.code == conduct) {
        b.enrollments += n;
    }
    row.pass_rate = share(row.passed, row.finished);
}

/// Outcomes of classes of `from..=to` in the caller's scope, grouped by `group`, under the
/// grade bands of the policy in force at the end of `to` (or today).
pub fn outcomes(
    conn: &mut DbConnection,
    caller: &Caller,
    from: i32,
    to: i32,
    group: &[SummaryDimension],
) -> Result<OutcomesReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let (_, last) = super::year_days(to);
    let today = centers_domain::teaching::local_day(centers_db::now());
    let policy = crate::services::policies::set_for_report(
        conn,
        caller.province_id()?.into(),
        last.min(today),
    )?;
    let grade_bands = policy.outcome_bands();
    let conduct = conduct_bands();
    let buckets = centers_db::reports::outcome_buckets(conn, &caller.scope(), from, to, group)?;
    let mut rows: Vec<OutcomeRow> = Vec::new();
    let mut total = empty_row(&grade_bands, &conduct);
    for b in buckets {
        let group = GroupColumns::from_row(b.group)?;
        if rows.last().is_none_or(|r| r.group != group) {
            rows.push(OutcomeRow {
                group,
                ..empty_row(&grade_bands, &conduct)
            });
        }
        let (grade, _) = policy.outcome_band(b.score_tenths);
        let conduct_code = b
            .conduct
            .as_deref()
            .filter(|c| c.parse::<Conduct>().is_ok())
            .unwrap_or("none");
        let status: EnrollmentStatus = b
            .status
            .parse()
            .map_err(|_| ApiError::Internal(format!("enrollment status {:?}", b.status)))?;
        let passed = status == EnrollmentStatus::Completed;
        if let Some(row) = rows.last_mut() {
            count_into(row, &grade, conduct_code, passed, b.enrollments);
        }
        count_into(&mut total, &grade, conduct_code, passed, b.enrollments);
    }
    Ok(OutcomesReport {
        from,
        to,
        group_by: group
            .iter()
            .map(|d| dimension_name(*d).to_owned())
            .collect(),
        rows,
        total,
    })
}

/// The grouped columns, the figures, one column per grade band and per conduct.
pub fn table(r: &OutcomesReport) -> Table {
    let mut headers = group_headers(&r.group_by);
    headers.extend(crate::export::headers(&["Đã kết thúc", "Đạt", "Tỷ lệ đạt"]));
    headers.extend(
        r.total
            .grades
            .iter()
            .map(|b| format!("Xếp loại: {}", b.label)),
    );
    headers.extend(
        r.total
            .conduct
            .iter()
            .map(|b| format!("Ý thức: {}", b.label)),
    );
    let line = |o: &OutcomeRow, total: bool| {
        let mut cells = group_cells(&o.group, &r.group_by, total);
        cells.extend([
            Cell::count(o.finished),
            Cell::count(o.passed),
            Cell::maybe_percent(o.pass_rate),
        ]);
        cells.extend(o.grades.iter().map(|b| Cell::count(b.enrollments)));
        cells.extend(o.conduct.iter().map(|b| Cell::count(b.enrollments)));
        cells
    };
    let mut rows: Vec<Vec<Cell>> = r.rows.iter().map(|o| line(o, false)).collect();
    rows.push(line(&r.total, true));
    Table { headers, rows }
}
