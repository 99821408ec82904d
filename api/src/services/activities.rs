//! Lecturers' activities outside the classroom, and their yearly workload against the norm.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::utc;
use crate::list_schema;
use crate::services::lecturers::visible as visible_lecturer;
use crate::services::{check_length, clean_text, owner_path};
use centers_db::teaching::{self as db, ActivityRow, LecturerRow};
use centers_db::writes::{self, Write};
use centers_db::{ActivityId, DbConnection, LecturerId};
use centers_domain::access::{Action, Permission, TeachingWork};
use centers_domain::changes::EntityKind;
use centers_domain::teaching::{activity_tenths, workload, ActivityKind, LecturerKind};
use centers_domain::validity::check_record_date;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An activity of a lecturer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Activity {
    pub id: ActivityId,
    pub lecturer_id: LecturerId,
    pub kind: ActivityKind,
    pub activity_date: NaiveDate,
    /// Hours, in tenths.
    #[schema(example = 3.5)]
    pub hours: f64,
    pub place: Option<String>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

list_schema!(ActivityList, Activity);

impl From<ActivityRow> for Activity {
    fn from(r: ActivityRow) -> Self {
        Activity {
            id: r.id,
            lecturer_id: r.lecturer_id,
            kind: r.kind,
            activity_date: r.activity_date,
            hours: f64::from(r.hours_tenths) / 10.0,
            place: r.place,
            note: r.note,
            created_at: utc(r.created_at),
        }
    }
}

/// An activity to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateActivity {
    pub kind: ActivityKind,
    pub activity_date: NaiveDate,
    /// Above 0, at most 24, with at most one decimal.
    #[schema(minimum = 0.1, maximum = 24)]
    pub hours: f64,
    #[schema(max_length = 300)]
    pub place: Option<String>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// The lecturer a caller may record activities for: a lecturer only themself; center admins
/// their center's lecturers.
fn writable(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
) -> Result<LecturerRow, ApiError> {
    let lecturer = visible_lecturer(conn, caller, id)?;
    let path = owner_path(conn, lecturer.organization_id)?;
    caller.authorize(Action::TeachingWork {
        work: TeachingWork::RecordActivity,
        own: lecturer.user_id == Some(caller.user_id()),
        in_scope: caller.scope().contains(&path),
    })?;
    Ok(lecturer)
}

/// A lecturer the caller may read the activities and workload of: a lecturer only themself.
fn readable(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
) -> Result<LecturerRow, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let lecturer = visible_lecturer(conn, caller, id)?;
    if !caller
        .principal
        .teaching_reach()
        .reaches(lecturer.user_id == Some(caller.user_id()))
    {
        return Err(ApiError::NotFound);
    }
    Ok(lecturer)
}

pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    b: CreateActivity,
) -> Result<Activity, ApiError> {
    let lecturer = writable(conn, caller, id)?;
    let mut errors = Vec::new();
    let tenths = activity_tenths(b.hours);
    if tenths.is_none() {
        errors.push(FieldError::new(
            "hours",
            "out_of_range",
            "above 0, at most 24, with at most one decimal",
        ));
    }
    if let Err(e) = check_record_date(b.activity_date) {
        errors.push(FieldError::new(
            "activity_date",
            "out_of_range",
            e.to_string(),
        ));
    }
    for (field, value, max) in [
        ("place", b.place.as_deref(), 300),
        ("note", b.note.as_deref(), 2000),
    ] {
        if let Err(ApiError::Validation(mut e)) = check_length(field, value, max) {
            errors.append(&mut e);
        }
    }
    let (Some(tenths), true) = (tenths, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let place = clean_text(b.place.as_deref());
    let note = clean_text(b.note.as_deref());
    let row = db::insert_activity(
        conn,
        lecturer.id,
        b.kind,
        b.activity_date,
        tenths,
        place.as_deref(),
        note.as_deref(),
    )?;
    let dto = Activity::from(row);
    let path = owner_path(conn, lecturer.organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::LecturerActivity, dto.id, &path, &dto).of_lecturer(lecturer.id),
    )?;
    Ok(dto)
}

fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate), ApiError> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(ApiError::bad_field("year", "invalid", "not a year")),
    }
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    year: i32,
) -> Result<Vec<Activity>, ApiError> {
    let lecturer = readable(conn, caller, id)?;
    let (from, to) = year_bounds(year)?;
    let items: Vec<Activity> = db::activities_between(conn, lecturer.id, from, to)?
        .into_iter()
        .map(Activity::from)
        .collect();
    Ok(items)
}

/// One activity of a lecturer the caller may read the activities of.
pub fn get(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    activity: ActivityId,
) -> Result<Activity, ApiError> {
    let lecturer = readable(conn, caller, id)?;
    db::find_activity(conn, lecturer.id, activity)?
        .map(Activity::from)
        .ok_or(ApiError::NotFound)
}

/// Hours of one kind of activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityHours {
    pub kind: ActivityKind,
    pub hours: f64,
}

/// A lecturer's year: periods taught in standard hours against the norm of the position, and
/// activity hours by kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct LecturerWorkload {
    pub lecturer_id: LecturerId,
    pub year: i32,
    pub kind: LecturerKind,
    /// The teaching-norm position of the policy (`full_time_lecturer`, `director`, ...); null for
    /// part-time and visiting lecturers, who have no norm at the center.
    pub norm_position: Option<String>,
    pub periods_taught: i32,
    /// Standard hours (giờ chuẩn) per period, from the policy in force on the year's last day.
    pub hours_per_period: f64,
    pub standard_hours: f64,
    pub norm_lecturing_hours: Option<i32>,
    pub norm_total_hours: Option<i32>,
    pub overtime_hours: f64,
    pub activity_hours: Vec<ActivityHours>,
    pub activity_hours_total: f64,
}

/// The workload of a lecturer in a year, under the policy in force on its last day (or today, for
/// the current year).
pub fn workload_of(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    year: i32,
) -> Result<LecturerWorkload, ApiError> {
    let lecturer = readable(conn, caller, id)?;
    let (from, to) = year_bounds(year)?;
    let today = centers_domain::teaching::local_day(centers_db::now());
    let policy_day = to.min(today).max(from);
    let policy =
        crate::services::policies::set_on(conn, caller.province_id()?.into(), policy_day, "year")?;
    let periods =
        i32::try_from(db::periods_taught(conn, lecturer.id, from, to)?).unwrap_or(i32::MAX);
    let norm_position = centers_domain::teaching::norm_position(
        lecturer.kind,
        lecturer.position().map_err(ApiError::Internal)?,
    )
    .map(str::to_owned);
    let norm = norm_position
        .as_deref()
        .and_then(|p| policy.teaching_norms.iter().find(|n| n.position == p));
    let w = workload(periods, policy.hours_per_period, norm);
    let activities = db::activities_between(conn, lecturer.id, from, to)?;
    let activity_hours: Vec<ActivityHours> = ActivityKind::ALL
        .iter()
        .map(|kind| ActivityHours {
            kind: *kind,
            hours: f64::from(
                activities
                    .iter()
                    .filter(|a| a.kind == *kind)
                    .map(|a| a.hours_tenths)
                    .sum::<i32>(),
            ) / 10.0,
        })
        .collect();
    Ok(LecturerWorkload {
        lecturer_id: lecturer.id,
        year,
        kind: lecturer.kind,
        norm_position,
        periods_taught: w.periods_taught,
        hours_per_period: policy.hours_per_period,
        standard_hours: w.standard_hours,
        norm_lecturing_hours: w.norm_lecturing_hours,
        norm_total_hours: w.norm_total_hours,
        overtime_hours: w.overtime_hours,
        activity_hours_total: f64::from(activities.iter().map(|a| a.hours_tenths).sum::<i32>())
            / 10.0,
        activity_hours,
    })
}
