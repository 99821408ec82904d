//! Enrollments: a learner in a class, from nomination to completion; seats counted under the
//! class's row lock.

use crate::schema::{classes, enrollments, organizations};
use crate::InScope;
use crate::{
    ClassId, DbConnection, EnrollmentId, LearnerId, MultiBackend, OrganizationId, Scope, UserId,
};
use centers_domain::learners::EnrollmentStatus;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// An enrollment as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = enrollments)]
pub struct EnrollmentRow {
    pub id: EnrollmentId,
    pub class_id: ClassId,
    pub learner_id: LearnerId,
    pub party_organization_id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub status: EnrollmentStatus,
    pub reason: Option<String>,
    pub nominated_by: Option<UserId>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_enrollment(
    conn: &mut DbConnection,
    class: ClassId,
    learner: LearnerId,
    party_organization: OrganizationId,
    nominated_by: Option<UserId>,
) -> QueryResult<EnrollmentRow> {
    crate::insert_versioned!(
        conn,
        enrollments,
        (
            enrollments::id.eq(EnrollmentId::generate()),
            enrollments::class_id.eq(class),
            enrollments::learner_id.eq(learner),
            enrollments::party_organization_id.eq(party_organization),
            enrollments::status.eq(EnrollmentStatus::Nominated.as_str()),
            enrollments::nominated_by.eq(nominated_by),
        )
    )
}

/// Every enrollment of a class in scope (in scope with it).
pub fn enrollments_of_class(
    conn: &mut DbConnection,
    class: &InScope<crate::teaching::ClassRow>,
) -> QueryResult<Vec<InScope<EnrollmentRow>>> {
    enrollments::table
        .filter(enrollments::class_id.eq(class.id))
        .select(EnrollmentRow::as_select())
        .order((enrollments::created_at.asc(), enrollments::id.asc()))
        .load(conn)
        .map(|rows| rows.into_iter().map(InScope::new).collect())
}

/// An enrollment the scope reaches: its class, or its learner's party organization, lies in it.
pub fn find_enrollment(
    conn: &mut DbConnection,
    id: EnrollmentId,
    scope: &Scope,
) -> QueryResult<Option<InScope<EnrollmentRow>>> {
    let Some(row) = find_enrollment_unscoped(conn, id)? else {
        return Ok(None);
    };
    let class_in_scope = crate::teaching::find_class(conn, row.class_id, scope)?.is_some();
    let party_in_scope = organizations::table
        .filter(organizations::id.eq(row.party_organization_id))
        .filter(crate::scope::reaches(scope))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    Ok((class_in_scope || party_in_scope).then(|| InScope::new(row)))
}

/// Enrollments of learners whose party organization lies in `scope`, optionally of one class.
pub fn enrollments_by_party_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    class: Option<ClassId>,
) -> QueryResult<Vec<InScope<EnrollmentRow>>> {
    let mut q = enrollments::table
        .inner_join(organizations::table)
        .select(EnrollmentRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(crate::scope::reaches(scope));
    if let Some(c) = class {
        q = q.filter(enrollments::class_id.eq(c));
    }
    q.order((enrollments::created_at.asc(), enrollments::id.asc()))
        .limit(10_000)
        .load(conn)
        .map(|rows| rows.into_iter().map(InScope::new).collect())
}

pub fn find_enrollment_unscoped(
    conn: &mut DbConnection,
    id: EnrollmentId,
) -> QueryResult<Option<EnrollmentRow>> {
    enrollments::table
        .filter(enrollments::id.eq(id))
        .select(EnrollmentRow::as_select())
        .first(conn)
        .optional()
}

/// Locks a class's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's writers are
/// serialized) and returns its capacity as of the lock: seats are counted and taken one approval
/// at a time, and a change of capacity waits for them (and they for it).
pub fn lock_class(conn: &mut DbConnection, class: ClassId) -> QueryResult<i32> {
    let query = classes::table
        .filter(classes::id.eq(class))
        .select(classes::capacity);
    match conn {
        DbConnection::Postgresql(c) => query.for_update().first(c),
        DbConnection::Sqlite(c) => query.first(c),
    }
}

/// Seats taken in a class: approved, enrolled, completed or failed enrollments.
pub fn seats_taken(conn: &mut DbConnection, class: ClassId) -> QueryResult<i64> {
    let holding: Vec<&str> = EnrollmentStatus::ALL
        .iter()
        .filter(|s| s.holds_seat())
        .map(|s| s.as_str())
        .collect();
    enrollments::table
        .filter(enrollments::class_id.eq(class))
        .filter(enrollments::status.eq_any(holding))
        .count()
        .get_result(conn)
}

/// Moves an enrollment to `to` (with a reason) if no one moved it first.
pub fn set_enrollment_status(
    conn: &mut DbConnection,
    row: &EnrollmentRow,
    to: EnrollmentStatus,
    reason: Option<&str>,
) -> QueryResult<Option<EnrollmentRow>> {
    crate::guarded_status_update!(
        returning conn,
        enrollments,
        row.id,
        row.status,
        to,
        enrollments::reason.eq(reason.map(str::to_owned).or_else(|| row.reason.clone())),
    )
}

/// A class by id, whatever the scope (the caller's right to it is checked by the service).
pub fn class_unscoped(
    conn: &mut DbConnection,
    id: ClassId,
) -> QueryResult<Option<crate::teaching::ClassRow>> {
    classes::table
        .filter(classes::id.eq(id))
        .select(crate::teaching::ClassRow::as_select())
        .first(conn)
        .optional()
}

/// Enrollments of a party organization's learners in classes of a year, if the organization lies
/// in `scope`.
pub fn enrollments_of_party_organization(
    conn: &mut DbConnection,
    scope: &Scope,
    organization: OrganizationId,
    year: i32,
) -> QueryResult<Vec<InScope<EnrollmentRow>>> {
    enrollments::table
        .inner_join(classes::table)
        .inner_join(organizations::table)
        .filter(enrollments::party_organization_id.eq(organization))
        .filter(crate::scope::reaches(scope))
        .filter(classes::year.eq(year))
        .select(EnrollmentRow::as_select())
        .order((classes::start_date.asc(), enrollments::id.asc()))
        .load(conn)
        .map(|rows| rows.into_iter().map(InScope::new).collect())
}
