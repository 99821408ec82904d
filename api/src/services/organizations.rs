//! Reads of the organization tree: centers, districts, any organization and its children, all
//! inside the caller's scope.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use centers_db::organization_periods as periods;
use centers_db::organizations::{
    self as orgs, OrganizationFilter, OrganizationRow, OrganizationSort,
};
use centers_db::paging::{Page, PageRequest};
use centers_db::{DbConnection, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::organizations::{DistrictKind, OrganizationKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A political center (Trung tâm Chính trị).
#[derive(Debug, Serialize, ToSchema)]
pub struct Center {
    pub id: OrganizationId,
    /// The center's code: its district's GSO code.
    #[schema(example = "406")]
    pub code: Option<String>,
    #[schema(example = "Trung tâm Chính trị huyện Quảng Xương")]
    pub name: String,
    /// The unit hosting the center: its district-level unit until 2025; since, as the province
    /// decided (a commune or ward, the school or one of its branches). Named for the clients
    /// written before; as of `as_of` when given.
    pub district_id: Option<OrganizationId>,
    #[schema(example = "Huyện Quảng Xương")]
    pub district_name: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A district-level unit (đơn vị hành chính cấp huyện).
#[derive(Debug, Serialize, ToSchema)]
pub struct District {
    pub id: OrganizationId,
    /// GSO code.
    #[schema(example = "406")]
    pub code: Option<String>,
    #[schema(example = "Huyện Quảng Xương")]
    pub name: String,
    /// Thành phố, thị xã or huyện.
    pub kind: Option<DistrictKind>,
    pub province_id: Option<OrganizationId>,
    /// The district's political center.
    pub center_id: Option<OrganizationId>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Any node of the organization tree.
#[derive(Debug, Serialize, ToSchema)]
pub struct Organization {
    pub id: OrganizationId,
    pub kind: OrganizationKind,
    /// The district kind, or the party organization kind.
    pub subkind: Option<String>,
    pub parent_id: Option<OrganizationId>,
    /// The center that serves it: a party organization's, or a party committee's whose
    /// organizations that center trains.
    pub center_id: Option<OrganizationId>,
    pub code: Option<String>,
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
    pub external_id: Option<String>,
    /// The decision that closed it (its last day is `valid_to`).
    pub closing_decision: Option<String>,
    /// The organization it was merged into.
    pub merged_into_id: Option<OrganizationId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(CenterList, Center);
list_schema!(DistrictList, District);
list_schema!(OrganizationList, Organization);

impl From<OrganizationRow> for Organization {
    fn from(r: OrganizationRow) -> Self {
        Organization {
            id: r.id,
            kind: r.kind,
            subkind: r.subkind,
            parent_id: r.parent_id,
            center_id: r.center_id,
            code: r.code,
            name: r.name,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            note: r.note,
            external_id: r.external_id,
            closing_decision: r.closing_decision,
            merged_into_id: r.merged_into_id,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

fn center_dto(r: OrganizationRow, districts: &HashMap<Uuid, OrganizationRow>) -> Center {
    let district = r.parent_id.and_then(|p| districts.get(&p.0));
    Center {
        id: r.id,
        code: r.code,
        name: r.name,
        district_id: r.parent_id,
        district_name: district.map(|d| d.name.clone()),
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    }
}

fn district_dto(r: OrganizationRow, centers: &HashMap<Uuid, Uuid>) -> Result<District, ApiError> {
    Ok(District {
        kind: crate::services::subkind_of(&r)?,
        center_id: centers.get(&r.id.0).copied().map(OrganizationId),
        id: r.id,
        code: r.code,
        name: r.name,
        province_id: r.parent_id,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        note: r.note,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    })
}

/// Loads the parents of centers (as they stood on `day`), keyed by id, in one query.
fn districts_of(
    conn: &mut DbConnection,
    centers: &[OrganizationRow],
    day: Option<NaiveDate>,
) -> Result<HashMap<Uuid, OrganizationRow>, ApiError> {
    let ids: Vec<_> = centers.iter().filter_map(|c| c.parent_id).collect();
    let parents = orgs::by_ids(conn, &ids)?;
    Ok(as_of(conn, parents, day)?
        .into_iter()
        .map(|d| (d.id.0, d))
        .collect())
}

fn centers_of(
    conn: &mut DbConnection,
    districts: &[OrganizationRow],
) -> Result<HashMap<Uuid, Uuid>, ApiError> {
    let ids: Vec<_> = districts.iter().map(|d| d.id).collect();
    Ok(orgs::children_of(conn, &ids, OrganizationKind::Center)?
        .into_iter()
        .filter_map(|c| c.parent_id.map(|p| (p.0, c.id.0)))
        .collect())
}

/// What a list of units asks for besides paging.
#[derive(Debug, Clone, Default)]
pub struct UnitQuery {
    pub q: Option<String>,
    pub as_of: Option<NaiveDate>,
}

fn units(caller: &Caller, kind: Option<OrganizationKind>, query: UnitQuery) -> OrganizationFilter {
    OrganizationFilter {
        kind,
        q: query.q,
        as_of: query.as_of,
        ..OrganizationFilter::in_scope(caller.scope())
    }
}

/// The centers in the caller's scope.
pub fn list_centers(
    conn: &mut DbConnection,
    caller: &Caller,
    query: UnitQuery,
    page: &PageRequest<OrganizationSort>,
) -> Result<Page<Center>, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let day = query.as_of;
    let page = orgs::list(
        conn,
        &units(caller, Some(OrganizationKind::Center), query),
        page,
    )?;
    let items = as_of(conn, page.items, day)?;
    let districts = districts_of(conn, &items, day)?;
    Ok(Page { items, ..page }.map(|c| center_dto(c, &districts)))
}

/// One center in the caller's scope, as it stood on `day` (today by default).
pub fn get_center(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    day: Option<NaiveDate>,
) -> Result<Center, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let row = orgs::find_in_scope(conn, id, Some(OrganizationKind::Center), &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    let rows = as_of(conn, vec![row], day)?;
    let districts = districts_of(conn, &rows, day)?;
    rows.into_iter()
        .next()
        .map(|row| center_dto(row, &districts))
        .ok_or(ApiError::NotFound)
}

/// The district-level units in the caller's scope.
pub fn list_districts(
    conn: &mut DbConnection,
    caller: &Caller,
    query: UnitQuery,
    page: &PageRequest<OrganizationSort>,
) -> Result<Page<District>, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let day = query.as_of;
    let page = orgs::list(
        conn,
        &units(caller, Some(OrganizationKind::District), query),
        page,
    )?;
    let items = as_of(conn, page.items, day)?;
    let centers = centers_of(conn, &items)?;
    Page { items, ..page }.try_map(|d| district_dto(d, &centers))
}

/// One district-level unit in the caller's scope, as it stood on `day` (today by default).
pub fn get_district(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    day: Option<NaiveDate>,
) -> Result<District, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let row = orgs::find_in_scope(conn, id, Some(OrganizationKind::District), &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    let rows = as_of(conn, vec![row], day)?;
    let centers = centers_of(conn, &rows)?;
    let row = rows.into_iter().next().ok_or(ApiError::NotFound)?;
    district_dto(row, &centers)
}

/// Rows as they stood on `day`: name, kind, subkind and parent of the period then in force.
/// Without a day, rows as they are (dated changes never lie ahead of today).
pub(crate) fn as_of(
    conn: &mut DbConnection,
    rows: Vec<OrganizationRow>,
    day: Option<NaiveDate>,
) -> Result<Vec<OrganizationRow>, ApiError> {
    let Some(day) = day else {
        return Ok(rows);
    };
    let ids: Vec<OrganizationId> = rows.iter().map(|r| r.id).collect();
    let in_force = periods::in_force(conn, &ids, day)?;
    Ok(rows
        .into_iter()
        .map(|r| periods::as_of(r, &in_force))
        .collect())
}

/// Any organization in the caller's scope, as it stood on `day` (today by default).
pub fn get_organization(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    day: Option<NaiveDate>,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let row = orgs::find_in_scope(conn, id, None, &caller.scope())?.ok_or(ApiError::NotFound)?;
    as_of(conn, vec![row], day)?
        .into_iter()
        .next()
        .map(Organization::from)
        .ok_or(ApiError::NotFound)
}

/// The direct children of an organization; an unknown or out-of-scope parent is a 404.
pub fn list_children(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    query: UnitQuery,
    page: &PageRequest<OrganizationSort>,
) -> Result<Page<Organization>, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    orgs::find_in_scope(conn, id, None, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let filter = OrganizationFilter {
        parent_id: Some(id),
        ..units(caller, None, query)
    };
    let day = filter.as_of;
    let page = orgs::list(conn, &filter, page)?;
    let items = as_of(conn, page.items, day)?;
    Ok(Page { items, ..page }.map(Organization::from))
}
