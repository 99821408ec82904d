//! The summary: classes and learner-enrollments by year, center, category or program.

use super::*;
use crate::auth::Caller;
use crate::error::ApiError;
use centers_domain::access::Permission;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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
        cells.push(Cell::label(
            g.category.as_deref(),
            centers_domain::programs::ProgramCategory::label,
        ));
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
    /// Classes opened (not cancelled): each counted once, in the year it starts — the article's
    /// 1,188 for 2019.
    pub classes: i64,
    /// Classes running: each counted in every year it overlaps (a non-concentrated intermediate
    /// class opened in September 2019 runs in 2019 and 2020). For the total, classes running at
    /// any time in the range, once each.
    pub classes_running: i64,
    /// Learner-enrollments (lượt học viên): enrollments that reached `enrolled` and were not
    /// withdrawn — enrolled, completed or failed.
    pub enrollments: i64,
    /// Distinct learners among them: each person once in the row (and once in the total), over
    /// all the years of the row. Exact: read from counts kept with every write (each learner's
    /// first year in the range) for rows by center and for rows of the whole province or of one
    /// center; counted on demand from each learner's kept groups (and cached per data version)
    /// when a row gathers several centers but not the whole province — a committee's scope, or
    /// centers merged on the `as_of` day.
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

pub(crate) fn summary_row(r: centers_db::reports::SummaryRow) -> Result<SummaryRow, ApiError> {
    Ok(SummaryRow {
        group: GroupColumns::from_row(r.group)?,
        classes: r.classes,
        classes_running: r.classes_running,
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
/// answer for the data's current version; else computed from the kept figures
/// ([`summary_rows`]), once for identical requests in flight, and kept.
pub async fn summary(
    state: &crate::state::AppState,
    caller: Caller,
    q: SummaryQuery,
) -> Result<std::sync::Arc<Summary>, ApiError> {
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
    let scope = caller.scope();
    let fresh = state
        .summaries
        .flights
        .run((key.clone(), seq), || {
            state.read(move |conn| {
                let (rows, filter) = summary_rows(conn, &scope, &q)?;
                let total = summary_total(conn, &filter, &rows)?;
                Ok(std::sync::Arc::new(Summary {
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
                    total: summary_row(total)?,
                }))
            })
        })
        .await?;
    state.summaries.put(key, seq, std::sync::Arc::clone(&fresh));
    Ok(fresh)
}

/// The centers a summary in `scope` counts, each with the center it is reported under — on an
/// `as_of` day the tree of that day (a center merged away counts under the center it was merged
/// into; one not yet created or closed without a successor is left out), else itself — and the
/// centers' rows by id, for their codes and names.
pub(crate) fn center_map(
    conn: &mut centers_db::DbConnection,
    scope: &centers_db::Scope,
    as_of: Option<NaiveDate>,
) -> Result<
    (
        centers_db::reports::CenterMap,
        std::collections::HashMap<String, centers_db::organizations::OrganizationRow>,
    ),
    ApiError,
> {
    use centers_domain::organizations::{reported_under, Lineage};
    use centers_domain::validity::Validity;
    let centers = super::centers_in(conn, scope)?;
    let by_id: std::collections::HashMap<
        centers_db::OrganizationId,
        &centers_db::organizations::OrganizationRow,
    > = centers.iter().map(|c| (c.id, c)).collect();
    let pairs: Vec<(String, String)> = centers
        .iter()
        .filter_map(|c| {
            let under = match as_of {
                None => Some(c.id),
                Some(day) => reported_under(c.id, day, |id| {
                    by_id.get(&id).map(|row| Lineage {
                        validity: Validity {
                            valid_from: row.valid_from,
                            valid_to: row.valid_to,
                        },
                        merged_into: row.merged_into_id,
                    })
                }),
            };
            under.map(|to| (c.id.0.to_string(), to.0.to_string()))
        })
        .collect();
    let every_center = pairs.len() == centers.len()
        && i64::try_from(centers.len()).ok() == Some(centers_db::reports::center_count(conn)?);
    let rows = centers
        .into_iter()
        .map(|c| (c.id.0.to_string(), c))
        .collect();
    Ok((
        centers_db::reports::CenterMap {
            pairs,
            every_center,
        },
        rows,
    ))
}

/// The rows of the summary `q` in `scope`, read from the kept figures, centers named as they
/// were on the `as_of` day, else at the end of the period (or today, while it runs); with the
/// filter they were read with, for [`summary_total`].
pub(crate) fn summary_rows(
    conn: &mut centers_db::DbConnection,
    scope: &centers_db::Scope,
    q: &SummaryQuery,
) -> Result<
    (
        Vec<centers_db::reports::SummaryRow>,
        centers_db::reports::SummaryFilter,
    ),
    ApiError,
> {
    use centers_db::reports as db;
    let (centers, rows_by_id) = center_map(conn, scope, q.as_of)?;
    let filter = db::SummaryFilter {
        centers,
        from: q.from,
        to: q.to,
    };
    let mut rows = db::summary(conn, &filter, &q.group_by)?;
    let last = chrono::NaiveDate::from_ymd_opt(q.to, 12, 31)
        .ok_or_else(|| ApiError::invalid_field("to", "out_of_range", "not a year"))?;
    let day = q.as_of.unwrap_or_else(|| super::naming_day(last));
    let ids: Vec<centers_db::OrganizationId> = rows
        .iter()
        .filter_map(|r| r.group.center_id.as_deref())
        .filter_map(|id| rows_by_id.get(id).map(|c| c.id))
        .collect();
    let names = centers_db::organization_periods::in_force(conn, &ids, day)?;
    for row in &mut rows {
        let Some(center) = row
            .group
            .center_id
            .as_deref()
            .and_then(|id| rows_by_id.get(id))
        else {
            continue;
        };
        row.group.center_code.clone_from(&center.code);
        row.group.center_name = Some(
            names
                .get(&center.id)
                .map_or_else(|| center.name.clone(), |p| p.name.clone()),
        );
    }
    Ok((rows, filter))
}

/// The total of a summary's rows: their sums, and the distinct figures (learners, classes
/// running) over the whole filter.
pub(crate) fn summary_total(
    conn: &mut centers_db::DbConnection,
    filter: &centers_db::reports::SummaryFilter,
    rows: &[centers_db::reports::SummaryRow],
) -> Result<centers_db::reports::SummaryRow, ApiError> {
    use centers_db::reports as db;
    let learners = db::learner_rows(conn, filter, &[])?
        .first()
        .map_or(0, |r| r.n);
    let running = db::classes_running(conn, filter, &[])?
        .first()
        .map_or(0, |r| r.running);
    Ok(db::total_of(rows, learners, running))
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
        "Số lớp mở",
        "Số lớp đang học",
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
            Cell::count(r.classes_running),
            Cell::count(r.enrollments),
            Cell::count(r.learners),
            Cell::count(r.finished),
            Cell::count(r.passed),
            Cell::maybe_percent(r.pass_rate),
            Cell::count(r.certificates),
        ]);
        cells
    };
    let mut rows: Vec<Vec<Cell>> = s.rows.iter().map(|r| line(r, false)).collect();
    rows.push(line(&s.total, true));
    crate::export::Table { headers, rows }
}
