//! Trends: the summary's figures year by year, for the scope or per center, category or
//! program, each year beside the year before.

use super::{dimension_name, group_cells, group_headers, share, GroupColumns, SummaryDimension};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::reports::{GroupColumns as SeriesKey, SummaryRow as Figures};
use centers_db::DbConnection;
use centers_domain::access::Permission;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One year of one series: `year` always, and the series' columns.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrendRow {
    #[serde(flatten)]
    pub group: GroupColumns,
    /// Classes opened that year.
    pub classes: i64,
    /// Classes running that year (opened then or before, not yet ended).
    pub classes_running: i64,
    pub enrollments: i64,
    pub learners: i64,
    pub passed: i64,
    pub pass_rate: Option<f64>,
    /// Against the year before (absent for the first year of the range).
    pub classes_change: Option<i64>,
    pub enrollments_change: Option<i64>,
    /// `enrollments / enrollments the year before - 1`; null for the first year or after a year
    /// without enrollments.
    pub enrollments_growth: Option<f64>,
}

/// Year-by-year series.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrendsReport {
    pub from: i32,
    pub to: i32,
    /// The series: absent for the whole scope, or `center`, `category` or `program`.
    pub series_by: Option<String>,
    /// Every year of the range for each series (zeros for a year without classes), by series
    /// then year.
    pub rows: Vec<TrendRow>,
}

/// Trends of `from..=to` in the caller's scope, one series per value of `series`.
pub fn trends(
    conn: &mut DbConnection,
    caller: &Caller,
    from: i32,
    to: i32,
    series: Option<SummaryDimension>,
) -> Result<TrendsReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let group: Vec<SummaryDimension> = std::iter::once(SummaryDimension::Year)
        .chain(series)
        .collect();
    let (figures, _) = super::summary_rows(
        conn,
        &caller.scope(),
        &super::SummaryQuery {
            from,
            to,
            group_by: group,
            as_of: None,
        },
    )?;
    let mut by_series: BTreeMap<SeriesKey, BTreeMap<i32, Figures>> = BTreeMap::new();
    for f in figures {
        let Some(year) = f.group.year else { continue };
        let key = SeriesKey {
            year: None,
            ..f.group.clone()
        };
        by_series.entry(key).or_default().insert(year, f);
    }
    if by_series.is_empty() && series.is_none() {
        by_series.insert(SeriesKey::default(), BTreeMap::new());
    }
    let mut rows = Vec::new();
    for (key, years) in by_series {
        let label = GroupColumns::from_row(key)?;
        let mut before: Option<(i64, i64)> = None;
        for year in from..=to {
            let (classes, running, enrollments, learners, finished, passed) =
                years.get(&year).map_or((0, 0, 0, 0, 0, 0), |f| {
                    (
                        f.classes,
                        f.classes_running,
                        f.enrollments,
                        f.learners,
                        f.finished,
                        f.passed,
                    )
                });
            rows.push(TrendRow {
                group: GroupColumns {
                    year: Some(year),
                    ..label.clone()
                },
                classes,
                classes_running: running,
                enrollments,
                learners,
                passed,
                pass_rate: share(passed, finished),
                classes_change: before.map(|(c, _)| classes - c),
                enrollments_change: before.map(|(_, e)| enrollments - e),
                enrollments_growth: before.and_then(|(_, e)| share(enrollments - e, e)),
            });
            before = Some((classes, enrollments));
        }
    }
    Ok(TrendsReport {
        from,
        to,
        series_by: series.map(|d| dimension_name(d).to_owned()),
        rows,
    })
}

/// One row per series and year.
pub fn table(r: &TrendsReport) -> Table {
    let series: Vec<String> = r.series_by.iter().cloned().collect();
    let mut headers = group_headers(&series);
    headers.extend(crate::export::headers(&[
        "Năm",
        "Số lớp mở",
        "Số lớp đang học",
        "Lượt học viên",
        "Số học viên",
        "Đạt",
        "Tỷ lệ đạt",
        "Số lớp tăng/giảm",
        "Lượt học viên tăng/giảm",
        "Tốc độ tăng lượt học viên",
    ]));
    let rows = r
        .rows
        .iter()
        .map(|t| {
            let mut cells = group_cells(&t.group, &series, false);
            cells.extend([
                t.group.year.map_or(Cell::Empty, |y| Cell::count(y.into())),
                Cell::count(t.classes),
                Cell::count(t.classes_running),
                Cell::count(t.enrollments),
                Cell::count(t.learners),
                Cell::count(t.passed),
                Cell::maybe_percent(t.pass_rate),
                t.classes_change.map_or(Cell::Empty, Cell::count),
                t.enrollments_change.map_or(Cell::Empty, Cell::count),
                Cell::maybe_percent(t.enrollments_growth),
            ]);
            cells
        })
        .collect();
    Table { headers, rows }
}
