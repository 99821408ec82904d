//! Versions of province policies, each in force from its date until the next.

use crate::schema::policy_versions;
use crate::{DbConnection, OrganizationId, PolicyVersionId, UserId};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A policy version as stored; `values_json` is a `centers_domain::policies::PolicySet`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = policy_versions)]
pub struct PolicyVersionRow {
    pub id: PolicyVersionId,
    pub province_id: OrganizationId,
    pub effective_from: NaiveDate,
    pub values_json: String,
    pub note: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut DbConnection,
    province_id: OrganizationId,
    effective_from: NaiveDate,
    values_json: &str,
    note: Option<&str>,
    created_by: Option<UserId>,
) -> QueryResult<PolicyVersionRow> {
    diesel::insert_into(policy_versions::table)
        .values((
            policy_versions::id.eq(PolicyVersionId::generate()),
            policy_versions::province_id.eq(province_id),
            policy_versions::effective_from.eq(effective_from),
            policy_versions::values_json.eq(values_json),
            policy_versions::note.eq(note),
            policy_versions::created_by.eq(created_by),
            policy_versions::created_at.eq(crate::now()),
        ))
        .returning(policy_versions::all_columns)
        .get_result(conn)
}

/// Every version of a province, oldest first.
pub fn versions(
    conn: &mut DbConnection,
    province_id: OrganizationId,
) -> QueryResult<Vec<PolicyVersionRow>> {
    policy_versions::table
        .filter(policy_versions::province_id.eq(province_id))
        .order(policy_versions::effective_from.asc())
        .select(PolicyVersionRow::as_select())
        .load(conn)
}

pub fn exists_on(
    conn: &mut DbConnection,
    province_id: OrganizationId,
    day: NaiveDate,
) -> QueryResult<bool> {
    let n: i64 = policy_versions::table
        .filter(policy_versions::province_id.eq(province_id))
        .filter(policy_versions::effective_from.eq(day))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
