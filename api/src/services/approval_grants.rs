//! Approval grants: a district standing committee lets a center admin record its plan approvals.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use centers_db::plans as db;
use centers_db::writes::{self, Write};
use centers_db::{identity, organizations as orgs, DbConnection, GrantId, OrganizationId, UserId};
use centers_domain::access::{Permission, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A grant to record a district's plan approvals.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApprovalGrant {
    pub id: GrantId,
    pub user_id: UserId,
    /// The unit whose committee's approvals the grant lets its holder record: the unit hosting
    /// the center (a district-level unit until 2025; a commune, the school or a branch since).
    /// The name stays `district_id` for the clients written against it.
    pub district_id: OrganizationId,
    pub granted_by: UserId,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

list_schema!(ApprovalGrantList, ApprovalGrant);

/// A new grant.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGrant {
    /// A center admin of a center the unit hosts.
    pub user_id: UserId,
    /// The unit hosting the center (any kind that may host one; see `ApprovalGrant`).
    pub district_id: OrganizationId,
}

fn grant_dto(g: db::GrantRow) -> ApprovalGrant {
    ApprovalGrant {
        id: g.id,
        user_id: g.user_id,
        district_id: g.district_id,
        granted_by: g.granted_by,
        revoked_at: g.revoked_at.map(utc),
        created_at: utc(g.created_at),
    }
}

/// Grant a center admin of the district's center the right to record its plan approvals.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    input: CreateGrant,
) -> Result<ApprovalGrant, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    // Any unit that may host a center: nothing assumes a center sits under a district.
    let district = orgs::find_in_scope(conn, input.district_id, None, &caller.scope())?
        .filter(|unit| {
            OrganizationKind::Center
                .allowed_parents()
                .contains(&unit.kind)
        })
        .ok_or_else(|| {
            ApiError::invalid_field(
                "district_id",
                "unknown_district",
                "no unit in your scope that hosts centers",
            )
        })?;
    let district_scope = centers_db::Scope::of_path(district.path.clone());
    let user = identity::find_user_in_scope(conn, input.user_id, &district_scope)?
        .filter(|u| u.role == Role::CenterAdmin)
        .ok_or_else(|| {
            ApiError::invalid_field(
                "user_id",
                "not_a_center_admin",
                "must be a center admin of the district's center",
            )
        })?;
    if db::holds_grant(conn, user.id, district.id)? {
        return Err(ApiError::conflict("the user already holds this grant"));
    }
    let dto = grant_dto(db::insert_grant(
        conn,
        user.id,
        district.id,
        caller.user_id(),
    )?);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::ApprovalGrant, dto.id, &district.path, &dto),
    )?;
    Ok(dto)
}

/// Grants of the districts in the caller's scope, newest first.
pub fn list(conn: &mut DbConnection, caller: &Caller) -> Result<Vec<ApprovalGrant>, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    let items: Vec<ApprovalGrant> = db::list_grants(conn, &caller.scope())?
        .into_iter()
        .map(grant_dto)
        .collect();
    Ok(items)
}

/// One grant of a district inside the caller's scope.
pub fn get(
    conn: &mut DbConnection,
    caller: &Caller,
    id: GrantId,
) -> Result<ApprovalGrant, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    db::find_grant_in_scope(conn, id, &caller.scope())?
        .map(grant_dto)
        .ok_or(ApiError::NotFound)
}

/// Revoke a grant.
pub fn revoke(
    conn: &mut DbConnection,
    caller: &Caller,
    id: GrantId,
) -> Result<ApprovalGrant, ApiError> {
    caller.require_permission(Permission::ManageApprovalGrants)?;
    let grant = db::find_grant_in_scope(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let district = orgs::find_unscoped(conn, grant.district_id)?.ok_or(ApiError::NotFound)?;
    let before = grant_dto(grant);
    let after = grant_dto(db::revoke_grant(conn, id)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::ApprovalGrant,
            id,
            &district.path,
            &before,
            &after,
        )
        .action(AuditAction::Revoke),
    )?;
    Ok(after)
}
