//! Attendance of enrolled learners at a class's sessions.

use super::EnrollmentRow;
use crate::InScope;
use crate::{ClassId, DbConnection, EnrollmentId, UserId};
use centers_domain::learners::AttendanceStatus;
use centers_domain::teaching::SessionStatus;
use diesel::prelude::*;

/// Replaces a session's attendance with `records` (enrollment, status) in the caller's
/// transaction: rows of enrollments not listed are left as they are.
pub fn record_attendance(
    conn: &mut DbConnection,
    session: crate::SessionId,
    records: &[(EnrollmentId, centers_domain::learners::AttendanceStatus)],
    by: Option<UserId>,
) -> QueryResult<()> {
    use crate::schema::attendance as t;
    let ids: Vec<EnrollmentId> = records.iter().map(|r| r.0).collect();
    diesel::delete(
        t::table
            .filter(t::session_id.eq(session))
            .filter(t::enrollment_id.eq_any(ids)),
    )
    .execute(conn)?;
    let now = crate::now();
    for (enrollment, status) in records {
        diesel::insert_into(t::table)
            .values((
                t::id.eq(crate::new_id()),
                t::session_id.eq(session),
                t::enrollment_id.eq(*enrollment),
                t::status.eq(status.as_str()),
                t::recorded_by.eq(by),
                t::recorded_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A session's attendance: (enrollment, status).
pub fn attendance_of_session(
    conn: &mut DbConnection,
    session: &InScope<crate::teaching::SessionRow>,
) -> QueryResult<Vec<(EnrollmentId, String)>> {
    use crate::schema::attendance as t;
    t::table
        .filter(t::session_id.eq(session.id))
        .select((t::enrollment_id, t::status))
        .order(t::enrollment_id.asc())
        .load(conn)
}

/// Periods of a class's taught sessions, and the periods each enrollment was present for.
pub fn attendance_periods(
    conn: &mut DbConnection,
    class: &InScope<crate::teaching::ClassRow>,
) -> QueryResult<(i64, std::collections::HashMap<EnrollmentId, i64>)> {
    periods_of_class(conn, class.id)
}

/// For one enrollment in scope: the periods its class's taught sessions held, and those it was
/// present for (what a party organization reads of its own learner).
pub fn attendance_of_enrollment(
    conn: &mut DbConnection,
    enrollment: &InScope<EnrollmentRow>,
) -> QueryResult<(i64, i64)> {
    let (taught, present) = periods_of_class(conn, enrollment.class_id)?;
    Ok((taught, present.get(&enrollment.id).copied().unwrap_or(0)))
}

/// A class's taught periods, and the periods each enrollment was present for.
pub type ClassPeriods = (i64, std::collections::HashMap<EnrollmentId, i64>);

/// For enrollments in scope, by class: the periods each class's taught sessions held, and those
/// each of these enrollments (and no other) was present for.
pub fn attendance_of_enrollments(
    conn: &mut DbConnection,
    enrollments: &[InScope<EnrollmentRow>],
) -> QueryResult<std::collections::HashMap<ClassId, ClassPeriods>> {
    let mut by_class = std::collections::HashMap::new();
    for e in enrollments {
        if let std::collections::hash_map::Entry::Vacant(slot) = by_class.entry(e.class_id) {
            slot.insert(periods_of_class(conn, e.class_id)?);
        }
    }
    let listed: std::collections::HashSet<EnrollmentId> =
        enrollments.iter().map(|e| e.id).collect();
    for (_, present) in by_class.values_mut() {
        present.retain(|e, _| listed.contains(e));
    }
    Ok(by_class)
}

fn periods_of_class(
    conn: &mut DbConnection,
    class: ClassId,
) -> QueryResult<(i64, std::collections::HashMap<EnrollmentId, i64>)> {
    use crate::schema::{attendance as t, class_sessions as s};
    let taught: Vec<i32> = s::table
        .filter(s::class_id.eq(class))
        .filter(s::status.eq(SessionStatus::Taught.as_str()))
        .select(s::periods)
        .load(conn)?;
    let present: Vec<(EnrollmentId, i32)> = t::table
        .inner_join(s::table)
        .filter(s::class_id.eq(class))
        .filter(s::status.eq(SessionStatus::Taught.as_str()))
        .filter(t::status.eq(AttendanceStatus::Present.as_str()))
        .select((t::enrollment_id, s::periods))
        .load(conn)?;
    let mut by = std::collections::HashMap::new();
    for (e, p) in present {
        *by.entry(e).or_insert(0) += i64::from(p);
    }
    Ok((taught.into_iter().map(i64::from).sum(), by))
}
