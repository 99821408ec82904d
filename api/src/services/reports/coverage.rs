//! Coverage: how many of the centers in scope held classes of a kind in a period — the
//! article's "reserve-cadre classes in 27 of 27 districts" for a term — and which did not.

use super::{centers_during, share, uuid_of, year_days};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::reports::CoverageFilter;
use centers_db::DbConnection;
use centers_domain::access::Permission;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// What to count, checked by the route.
#[derive(Debug, Clone)]
pub struct CoverageQuery {
    pub from: i32,
    pub to: i32,
    /// A program category (`reserve_cadre`, ...) or a program code; one of the two.
    pub category: Option<String>,
    pub program: Option<String>,
    /// A term (nhiệm kỳ) such as `2020-2025`: only classes of that term.
    pub term: Option<String>,
}

/// One center's classes of the kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CoverageCenter {
    pub center_id: Uuid,
    pub center_code: Option<String>,
    pub center_name: String,
    pub covered: bool,
    pub classes: i64,
    pub enrollments: i64,
}

/// Coverage of the centers in the caller's scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageReport {
    pub from: i32,
    pub to: i32,
    pub category: Option<String>,
    pub program: Option<String>,
    pub term: Option<String>,
    /// Centers in scope that existed during the period: the N of "N of 27".
    pub centers_total: i64,
    pub centers_covered: i64,
    pub covered_share: Option<f64>,
    pub classes: i64,
    pub enrollments: i64,
    /// Every center, by code; `covered` false for those without such a class.
    pub centers: Vec<CoverageCenter>,
}

pub fn coverage(
    conn: &mut DbConnection,
    caller: &Caller,
    q: CoverageQuery,
) -> Result<CoverageReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    // A code the catalogue does not have is a mistake, not a program nobody took: said, not
    // answered with an empty "0 of 27".
    if let Some(code) = q.program.as_deref() {
        if centers_db::programs::find_by_code(conn, caller.province_id()?.into(), code)?.is_none() {
            return Err(ApiError::invalid_field(
                "program",
                "unknown",
                format!("no program with the code `{code}` in the catalogue"),
            ));
        }
    }
    let scope = caller.scope();
    let (first, last) = (year_days(q.from).0, year_days(q.to).1);
    let centers = centers_during(conn, &scope, first, last)?;
    let held: HashMap<Uuid, (i64, i64)> = centers_db::reports::coverage(
        conn,
        &CoverageFilter {
            scope,
            from: q.from,
            to: q.to,
            category: q.category.clone(),
            program_code: q.program.clone(),
            term: q.term.clone(),
        },
    )?
    .into_iter()
    .map(|r| Ok((uuid_of(&r.center_id)?, (r.classes, r.enrollments))))
    .collect::<Result<_, ApiError>>()?;
    let centers: Vec<CoverageCenter> = centers
        .into_iter()
        .map(|c| {
            let id: Uuid = c.id.into();
            let (classes, enrollments) = held.get(&id).copied().unwrap_or((0, 0));
            CoverageCenter {
                center_id: id,
                center_code: c.code,
                center_name: c.name,
                covered: classes > 0,
                classes,
                enrollments,
            }
        })
        .collect();
    let total = i64::try_from(centers.len()).unwrap_or(i64::MAX);
    let covered = i64::try_from(centers.iter().filter(|c| c.covered).count()).unwrap_or(0);
    Ok(CoverageReport {
        from: q.from,
        to: q.to,
        category: q.category,
        program: q.program,
        term: q.term,
        centers_total: total,
        centers_covered: covered,
        covered_share: share(covered, total),
        classes: centers.iter().map(|c| c.classes).sum(),
        enrollments: centers.iter().map(|c| c.enrollments).sum(),
        centers,
    })
}

/// One row per center, then the "N of M" line.
pub fn table(r: &CoverageReport) -> Table {
    let mut rows: Vec<Vec<Cell>> = r
        .centers
        .iter()
        .map(|c| {
            vec![
                Cell::maybe_text(c.center_code.as_deref()),
                Cell::text(&c.center_name),
                Cell::text(if c.covered { "Có" } else { "Không" }),
                Cell::count(c.classes),
                Cell::count(c.enrollments),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text("Tổng cộng"),
        Cell::text(format!(
            "{}/{} trung tâm",
            r.centers_covered, r.centers_total
        )),
        Cell::maybe_percent(r.covered_share),
        Cell::count(r.classes),
        Cell::count(r.enrollments),
    ]);
    Table {
        headers: crate::export::headers(&[
            "Mã trung tâm",
            "Trung tâm",
            "Có mở lớp",
            "Số lớp",
            "Lượt học viên",
        ]),
        rows,
    }
}
