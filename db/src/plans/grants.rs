//! Approval grants: a district's standing committee lets a center admin record its approval.

use crate::schema::{approval_grants, organizations};
use crate::{DbConnection, GrantId, OrganizationId, Scope, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A grant as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = approval_grants)]
pub struct GrantRow {
    pub id: GrantId,
    pub user_id: UserId,
    pub district_id: OrganizationId,
    pub granted_by: UserId,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert_grant(
    conn: &mut DbConnection,
    user: UserId,
    district: OrganizationId,
    by: UserId,
) -> QueryResult<GrantRow> {
    diesel::insert_into(approval_grants::table)
        .values((
            approval_grants::id.eq(GrantId::generate()),
            approval_grants::user_id.eq(user),
            approval_grants::district_id.eq(district),
            approval_grants::granted_by.eq(by),
            approval_grants::created_at.eq(crate::now()),
        ))
        .returning(approval_grants::all_columns)
        .get_result(conn)
}

pub fn holds_grant(
    conn: &mut DbConnection,
    user: UserId,
    district: OrganizationId,
) -> QueryResult<bool> {
    let n: i64 = approval_grants::table
        .filter(approval_grants::user_id.eq(user))
        .filter(approval_grants::district_id.eq(district))
        .filter(approval_grants::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn list_grants(conn: &mut DbConnection, scope: &Scope) -> QueryResult<Vec<GrantRow>> {
    approval_grants::table
        .inner_join(organizations::table.on(organizations::id.eq(approval_grants::district_id)))
        .filter(organizations::path.like(scope.pattern()))
        .order(approval_grants::id.desc())
        .select(GrantRow::as_select())
        .load(conn)
}

/// A grant whose district lies inside `scope`.
pub fn find_grant_in_scope(
    conn: &mut DbConnection,
    id: GrantId,
    scope: &Scope,
) -> QueryResult<Option<GrantRow>> {
    approval_grants::table
        .inner_join(organizations::table.on(organizations::id.eq(approval_grants::district_id)))
        .filter(approval_grants::id.eq(id))
        .filter(organizations::path.like(scope.pattern()))
        .select(GrantRow::as_select())
        .first(conn)
        .optional()
}

pub fn revoke_grant(conn: &mut DbConnection, id: GrantId) -> QueryResult<GrantRow> {
    diesel::update(approval_grants::table.filter(approval_grants::id.eq(id)))
        .set(approval_grants::revoked_at.eq(crate::now()))
        .execute(conn)?;
    approval_grants::table
        .filter(approval_grants::id.eq(id))
        .select(GrantRow::as_select())
        .first(conn)
}
