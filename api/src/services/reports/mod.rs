//! Province-wide reports, under the same scope rules as everything else: the caller's scope is
//! a condition of every statement (the province sees all centers, a center itself). Each report
//! answers JSON, and has a table (Vietnamese headers) for CSV and XLSX.

pub mod cache;
pub mod coverage;
pub mod fulfilment;
pub mod lecturers;
pub mod outcomes;
pub mod plans;
pub mod quality;
pub mod summary;
pub mod teaching;
pub mod trends;

use crate::error::ApiError;
use centers_db::organizations::{self as orgs, OrganizationFilter, OrganizationSort};
use centers_db::paging::PageRequest;
use centers_db::DbConnection;
use centers_domain::organizations::OrganizationKind;
use centers_domain::validity::Validity;
use chrono::NaiveDate;
use uuid::Uuid;

pub use plans::*;
pub use summary::*;
pub use teaching::*;

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
    let during: Vec<orgs::OrganizationRow> = centers_in(conn, scope)?
        .into_iter()
        .filter(|c| {
            Validity {
                valid_from: c.valid_from,
                valid_to: c.valid_to,
            }
            .overlaps(first, last)
        })
        .collect();
    // Named as they were then: a report over 2019 says Tĩnh Gia, one over 2021 Nghi Sơn.
    crate::services::organizations::as_of(conn, during, Some(naming_day(last)))
}

/// The day whose names (and kinds and parents) a report ending on `last` shows: its last day,
/// or today for a period still running.
pub(crate) fn naming_day(last: NaiveDate) -> NaiveDate {
    last.min(centers_domain::teaching::local_day(centers_db::now()))
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
            count_asked: false,
        },
    )?
    .items)
}
