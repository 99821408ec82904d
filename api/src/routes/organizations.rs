//! Read endpoints of the organization tree: centers, districts, any organization and its children.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::{etag_response, utc};
use crate::list_schema;
use crate::paging::{list_response, ListParams};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_db::organizations::{
    self as orgs, OrganizationFilter, OrganizationRow, OrganizationSort,
};
use centers_domain::access::Permission;
use centers_domain::organizations::OrganizationKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A political center (Trung tâm Chính trị) of a district-level unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct Center {
    pub id: Uuid,
    /// The center's code: its district's GSO code.
    #[schema(example = "406")]
    pub code: Option<String>,
    #[schema(example = "Trung tâm Chính trị huyện Quảng Xương")]
    pub name: String,
    pub district_id: Option<Uuid>,
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
    pub id: Uuid,
    /// GSO code.
    #[schema(example = "406")]
    pub code: Option<String>,
    #[schema(example = "Huyện Quảng Xương")]
    pub name: String,
    /// `city` (thành phố), `town` (thị xã) or `district` (huyện).
    #[schema(example = "district")]
    pub kind: Option<String>,
    pub province_id: Option<Uuid>,
    /// The district's political center.
    pub center_id: Option<Uuid>,
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
    pub id: Uuid,
    /// `province`, `provincial_school`, `district`, `center` or `party_organization`.
    pub kind: String,
    /// The district kind, or the party organization kind.
    pub subkind: Option<String>,
    pub parent_id: Option<Uuid>,
    pub code: Option<String>,
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
    pub external_id: Option<String>,
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
            id: r.id.into(),
            kind: r.kind,
            subkind: r.subkind,
            parent_id: r.parent_id.map(Into::into),
            code: r.code,
            name: r.name,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            note: r.note,
            external_id: r.external_id,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

fn center_dto(r: OrganizationRow, districts: &HashMap<Uuid, OrganizationRow>) -> Center {
    let district = r.parent_id.and_then(|p| districts.get(&p.0));
    Center {
        id: r.id.into(),
        code: r.code,
        name: r.name,
        district_id: r.parent_id.map(Into::into),
        district_name: district.map(|d| d.name.clone()),
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    }
}

fn district_dto(r: OrganizationRow, centers: &HashMap<Uuid, Uuid>) -> District {
    District {
        center_id: centers.get(&r.id.0).copied(),
        id: r.id.into(),
        code: r.code,
        name: r.name,
        kind: r.subkind,
        province_id: r.parent_id.map(Into::into),
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        note: r.note,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    }
}

const UNIT_SORTS: &[(&str, OrganizationSort)] = &[
    ("code", OrganizationSort::Code),
    ("name", OrganizationSort::Name),
];
const NAME_SORTS: &[(&str, OrganizationSort)] = &[
    ("name", OrganizationSort::Name),
    ("code", OrganizationSort::Code),
];

/// Loads the parents of centers, keyed by id, in one query.
fn districts_of(
    conn: &mut centers_db::DbConnection,
    centers: &[OrganizationRow],
) -> Result<HashMap<Uuid, OrganizationRow>, ApiError> {
    let ids: Vec<_> = centers.iter().filter_map(|c| c.parent_id).collect();
    Ok(orgs::by_ids(conn, &ids)?
        .into_iter()
        .map(|d| (d.id.0, d))
        .collect())
}

/// List the political centers.
///
/// Sorted by code (the district's GSO code) unless `sort` says otherwise. `q` matches the name
/// ignoring case and diacritics.
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_centers",
    params(ListParams),
    responses((status = 200, description = "A page of centers", body = CenterList)),
    security(("bearer" = []))
)]
#[get("/centers")]
pub async fn list_centers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let paging = params.paging(UNIT_SORTS)?;
    let filter = OrganizationFilter {
        kind: Some(OrganizationKind::Center),
        q: params.q.clone(),
        as_of: params.as_of()?,
        ..OrganizationFilter::in_scope(caller.scope())
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| {
            let page = orgs::list(conn, &filter, &request)?;
            let districts = districts_of(conn, &page.items)?;
            Ok(page.map(|c| center_dto(c, &districts)))
        })
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}

/// Get one center.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_center",
    params(("id" = Uuid, Path, description = "Center id")),
    responses(
        (status = 200, description = "The center", body = Center),
        (status = 304, description = "Not modified (If-None-Match)")
    ),
    security(("bearer" = []))
)]
#[get("/centers/{id}")]
pub async fn get_center(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let id = id.into_inner();
    let scope = caller.scope();
    let center = state
        .db(move |conn| {
            let row = orgs::find_in_scope(conn, id.into(), Some(OrganizationKind::Center), &scope)?
                .ok_or(ApiError::NotFound)?;
            let districts = districts_of(conn, std::slice::from_ref(&row))?;
            Ok(center_dto(row, &districts))
        })
        .await?;
    Ok(etag_response(&req, center.version, &center))
}

/// List the district-level units.
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_districts",
    params(ListParams),
    responses((status = 200, description = "A page of districts", body = DistrictList)),
    security(("bearer" = []))
)]
#[get("/districts")]
pub async fn list_districts(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let paging = params.paging(UNIT_SORTS)?;
    let filter = OrganizationFilter {
        kind: Some(OrganizationKind::District),
        q: params.q.clone(),
        as_of: params.as_of()?,
        ..OrganizationFilter::in_scope(caller.scope())
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| {
            let page = orgs::list(conn, &filter, &request)?;
            let centers = centers_of(conn, &page.items)?;
            Ok(page.map(|d| district_dto(d, &centers)))
        })
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}

fn centers_of(
    conn: &mut centers_db::DbConnection,
    districts: &[OrganizationRow],
) -> Result<HashMap<Uuid, Uuid>, ApiError> {
    let ids: Vec<_> = districts.iter().map(|d| d.id).collect();
    Ok(orgs::children_of(conn, &ids, OrganizationKind::Center)?
        .into_iter()
        .filter_map(|c| c.parent_id.map(|p| (p.0, c.id.0)))
        .collect())
}

/// Get one district-level unit.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_district",
    params(("id" = Uuid, Path, description = "District id")),
    responses(
        (status = 200, description = "The district", body = District),
        (status = 304, description = "Not modified (If-None-Match)")
    ),
    security(("bearer" = []))
)]
#[get("/districts/{id}")]
pub async fn get_district(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let id = id.into_inner();
    let scope = caller.scope();
    let district = state
        .db(move |conn| {
            let row =
                orgs::find_in_scope(conn, id.into(), Some(OrganizationKind::District), &scope)?
                    .ok_or(ApiError::NotFound)?;
            let centers = centers_of(conn, std::slice::from_ref(&row))?;
            Ok(district_dto(row, &centers))
        })
        .await?;
    Ok(etag_response(&req, district.version, &district))
}

/// Get any organization of the tree.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_organization",
    params(("id" = Uuid, Path, description = "Organization id")),
    responses(
        (status = 200, description = "The organization", body = Organization),
        (status = 304, description = "Not modified (If-None-Match)")
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}")]
pub async fn get_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let id = id.into_inner();
    let scope = caller.scope();
    let org: Organization = state
        .db(move |conn| {
            orgs::find_in_scope(conn, id.into(), None, &scope)?
                .map(Into::into)
                .ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(etag_response(&req, org.version, &org))
}

/// List the direct children of an organization.
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_organization_children",
    params(("id" = Uuid, Path, description = "Organization id"), ListParams),
    responses((status = 200, description = "A page of child organizations", body = OrganizationList)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/children")]
pub async fn list_organization_children(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let id = id.into_inner();
    let paging = params.paging(NAME_SORTS)?;
    let filter = OrganizationFilter {
        parent_id: Some(id.into()),
        q: params.q.clone(),
        as_of: params.as_of()?,
        ..OrganizationFilter::in_scope(caller.scope())
    };
    let scope = caller.scope();
    let request = paging.request.clone();
    let page = state
        .db(move |conn| {
            // The parent itself must be visible: an unknown or out-of-scope parent is a 404.
            orgs::find_in_scope(conn, id.into(), None, &scope)?.ok_or(ApiError::NotFound)?;
            Ok(orgs::list(conn, &filter, &request)?.map(Organization::from))
        })
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}
