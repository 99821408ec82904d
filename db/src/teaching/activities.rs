//! Lecturers' other activities (fieldwork, party-cell meetings...).

use crate::{DbConnection, LecturerId};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::lecturer_activities)]
pub struct ActivityRow {
    pub id: crate::ActivityId,
    pub lecturer_id: LecturerId,
    #[diesel(deserialize_as = String)]
    pub kind: centers_domain::teaching::ActivityKind,
    pub activity_date: NaiveDate,
    pub hours_tenths: i32,
    pub place: Option<String>,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}

#[allow(clippy::too_many_arguments)]
pub fn insert_activity(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    kind: centers_domain::teaching::ActivityKind,
    day: NaiveDate,
    hours_tenths: i32,
    place: Option<&str>,
    note: Option<&str>,
) -> QueryResult<ActivityRow> {
    use crate::schema::lecturer_activities as t;
    diesel::insert_into(t::table)
        .values((
            t::id.eq(crate::ActivityId::generate()),
            t::lecturer_id.eq(lecturer),
            t::kind.eq(kind.as_str()),
            t::activity_date.eq(day),
            t::hours_tenths.eq(hours_tenths),
            t::place.eq(place),
            t::note.eq(note),
            t::created_at.eq(crate::now()),
        ))
        .returning(t::all_columns)
        .get_result(conn)
}

/// A lecturer's activities between two days (inclusive), in date order.
pub fn activities_between(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<ActivityRow>> {
    use crate::schema::lecturer_activities as t;
    t::table
        .filter(t::lecturer_id.eq(lecturer))
        .filter(t::activity_date.ge(from))
        .filter(t::activity_date.le(to))
        .select(ActivityRow::as_select())
        .order((t::activity_date.asc(), t::id.asc()))
        .load(conn)
}

/// One activity of a lecturer (the lecturer already checked readable by the caller).
pub fn find_activity(
    conn: &mut DbConnection,
    lecturer: LecturerId,
    id: crate::ActivityId,
) -> QueryResult<Option<ActivityRow>> {
    use crate::schema::lecturer_activities as t;
    t::table
        .filter(t::lecturer_id.eq(lecturer))
        .filter(t::id.eq(id))
        .select(ActivityRow::as_select())
        .first(conn)
        .optional()
}
