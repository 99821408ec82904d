//! Lecturers in a year: periods taught by kind of lecturer, the part-time (district leaders')
//! share, each lecturer's standard hours against the norm of their position, and overtime.

use super::{share, uuid_of, year_days};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::export::{Cell, Table};
use centers_db::organizations as orgs;
use centers_db::paging::PageRequest;
use centers_db::teaching::{self as db, LecturerFilter, LecturerSort};
use centers_db::{DbConnection, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::teaching::{workload, ActivityKind, LecturerKind};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// One lecturer's year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LecturerLine {
    pub lecturer_id: Uuid,
    pub full_name: String,
    pub organization_id: Uuid,
    pub organization_name: String,
    pub kind: LecturerKind,
    /// The teaching-norm position (`full_time_lecturer`, `director`, ...); null for visiting
    /// lecturers and for part-time ones who do not direct the center.
    pub norm_position: Option<String>,
    pub periods_taught: i64,
    pub standard_hours: f64,
    pub norm_lecturing_hours: Option<i32>,
    /// `standard_hours / norm_lecturing_hours`; null without a norm.
    pub norm_fulfilment: Option<f64>,
    /// Standard hours above the lecturing norm.
    pub overtime_hours: f64,
    /// Other activities (party-cell meetings, reporters' team, fieldwork, ...) in hours.
    pub activity_hours: f64,
}

/// Lecturers and periods of one kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KindFigures {
    pub kind: LecturerKind,
    pub lecturers: i64,
    /// Of them, lecturers who taught at least one period in the year.
    pub teaching_lecturers: i64,
    pub periods_taught: i64,
    /// Share of all periods taught, 0–1; null without periods.
    pub share_of_periods: Option<f64>,
}

/// Lecturers of the caller's scope in a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct LecturersReport {
    pub year: i32,
    /// Standard hours (giờ chuẩn) per period, from the policy in force at the year's end (or
    /// today, for the current year).
    pub hours_per_period: f64,
    pub lecturers: i64,
    pub periods_taught: i64,
    pub by_kind: Vec<KindFigures>,
    /// Share of periods taught by part-time lecturers (district leaders), 0–1; the article's
    /// concern is that it is too low.
    pub part_time_share: Option<f64>,
    /// Staff lecturers with a norm who reached it, and who did not.
    pub norm_reached: i64,
    pub norm_not_reached: i64,
    pub overtime_hours: f64,
    /// Every lecturer active during the year (or who taught in it), by organization and name.
    pub items: Vec<LecturerLine>,
}

/// The lecturers report of `year` for the caller's scope: lecturers of organizations in scope
/// (the province's school included for the province), with everything they taught that year.
pub fn lecturers(
    conn: &mut DbConnection,
    caller: &Caller,
    year: i32,
) -> Result<LecturersReport, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let scope = caller.scope();
    let (first, last) = year_days(year);
    let today = centers_domain::teaching::local_day(centers_db::now());
    let policy = crate::services::policies::set_for_report(
        conn,
        caller.province_id()?.into(),
        last.min(today).max(first),
    )?;
    let all = db::list_lecturers(
        conn,
        &LecturerFilter {
            scope: scope.clone(),
            province: scope.clone(),
            organization_id: None,
            kind: None,
            q: None,
            as_of: None,
            external_id: None,
        },
        &PageRequest {
            limit: 100_000,
            offset: None,
            after: None,
            sort: LecturerSort::Name,
            descending: false,
            count: false,
            count_asked: false,
        },
    )?
    .items;
    let mut periods: HashMap<Uuid, i64> = HashMap::new();
    let mut activity_tenths: HashMap<Uuid, i64> = HashMap::new();
    for f in centers_db::reports::lecturer_figures(conn, &scope, first, last)? {
        let id = uuid_of(&f.lecturer_id)?;
        match f.kind.as_deref() {
            None => *periods.entry(id).or_default() += f.amount,
            Some(kind) if kind.parse::<ActivityKind>().is_ok() => {
                *activity_tenths.entry(id).or_default() += f.amount;
            }
            Some(kind) => return Err(ApiError::Internal(format!("activity kind {kind:?}"))),
        }
    }
    let org_ids: Vec<OrganizationId> = all.iter().map(|l| l.organization_id).collect();
    let names: HashMap<OrganizationId, String> = orgs::by_ids(conn, &org_ids)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut items = Vec::new();
    for l in all {
        let id: Uuid = l.id.into();
        let taught = periods.get(&id).copied().unwrap_or(0);
        let active =
            l.active_from.is_none_or(|d| d <= last) && l.active_to.is_none_or(|d| d >= first);
        if !active && taught == 0 {
            continue;
        }
        let norm_position = centers_domain::teaching::norm_position(
            l.kind,
            l.position().map_err(ApiError::Internal)?,
        )
        .map(str::to_owned);
        let norm = norm_position
            .as_deref()
            .and_then(|p| policy.teaching_norms.iter().find(|n| n.position == p));
        let w = workload(
            i32::try_from(taught).unwrap_or(i32::MAX),
            policy.hours_per_period,
            norm,
        );
        items.push(LecturerLine {
            lecturer_id: id,
            full_name: l.full_name.clone(),
            organization_id: l.organization_id.into(),
            organization_name: names.get(&l.organization_id).cloned().unwrap_or_default(),
            kind: l.kind,
            norm_position,
            periods_taught: taught,
            standard_hours: w.standard_hours,
            norm_lecturing_hours: w.norm_lecturing_hours,
            norm_fulfilment: w
                .norm_lecturing_hours
                .filter(|n| *n > 0)
                .map(|n| ((w.standard_hours / f64::from(n)) * 10_000.0).round() / 10_000.0),
            overtime_hours: w.overtime_hours,
            #[allow(clippy::cast_precision_loss)]
            activity_hours: activity_tenths.get(&id).copied().unwrap_or(0) as f64 / 10.0,
        });
    }
    items.sort_by(|a, b| {
        (&a.organization_name, &a.full_name, a.lecturer_id).cmp(&(
            &b.organization_name,
            &b.full_name,
            b.lecturer_id,
        ))
    });
    let periods_taught: i64 = items.iter().map(|l| l.periods_taught).sum();
    let by_kind: Vec<KindFigures> = LecturerKind::ALL
        .iter()
        .map(|kind| {
            let of: Vec<&LecturerLine> = items.iter().filter(|l| l.kind == *kind).collect();
            let p = of.iter().map(|l| l.periods_taught).sum();
            KindFigures {
                kind: *kind,
                lecturers: i64::try_from(of.len()).unwrap_or(i64::MAX),
                teaching_lecturers: i64::try_from(
                    of.iter().filter(|l| l.periods_taught > 0).count(),
                )
                .unwrap_or(i64::MAX),
                periods_taught: p,
                share_of_periods: share(p, periods_taught),
            }
        })
        .collect();
    let part_time = by_kind
        .iter()
        .find(|k| k.kind == LecturerKind::PartTime)
        .map_or(0, |k| k.periods_taught);
    let with_norm = items.iter().filter_map(|l| l.norm_fulfilment);
    let norm_reached = with_norm.clone().filter(|f| *f >= 1.0).count();
    let norm_not_reached = with_norm.filter(|f| *f < 1.0).count();
    Ok(LecturersReport {
        year,
        hours_per_period: policy.hours_per_period,
        lecturers: i64::try_from(items.len()).unwrap_or(i64::MAX),
        periods_taught,
        part_time_share: share(part_time, periods_taught),
        by_kind,
        norm_reached: i64::try_from(norm_reached).unwrap_or(i64::MAX),
        norm_not_reached: i64::try_from(norm_not_reached).unwrap_or(i64::MAX),
        overtime_hours: (items.iter().map(|l| l.overtime_hours).sum::<f64>() * 100.0).round()
            / 100.0,
        items,
    })
}

/// One row per lecturer.
pub fn table(r: &LecturersReport) -> Table {
    Table {
        headers: crate::export::headers(&[
            "Đơn vị",
            "Họ và tên",
            "Loại giảng viên",
            "Số tiết đã dạy",
            "Giờ chuẩn",
            "Định mức giảng dạy (giờ)",
            "Tỷ lệ đạt định mức",
            "Giờ vượt định mức",
            "Giờ hoạt động khác",
        ]),
        rows: r
            .items
            .iter()
            .map(|l| {
                vec![
                    Cell::text(&l.organization_name),
                    Cell::text(&l.full_name),
                    Cell::text(l.kind.label()),
                    Cell::count(l.periods_taught),
                    Cell::Number(l.standard_hours),
                    l.norm_lecturing_hours
                        .map_or(Cell::Empty, |n| Cell::Number(f64::from(n))),
                    Cell::maybe_percent(l.norm_fulfilment),
                    Cell::Number(l.overtime_hours),
                    Cell::Number(l.activity_hours),
                ]
            })
            .collect(),
    }
}
