//! Read endpoints of the organization tree. Handlers call `services::organizations`.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::etag_response;
use crate::paging::{serve_list, ListParams};
use crate::services::organizations::{
    self as service, Center, CenterList, District, DistrictList, Organization, OrganizationList,
    UnitQuery,
};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_db::organizations::OrganizationSort;
use centers_db::OrganizationId;
use utoipa_actix_web::scope;

/// The sorts of the unit lists (centers, districts), the default first; the OpenAPI document
/// lists them from here.
pub const UNIT_SORTS: &[(&str, OrganizationSort)] = &[
    ("code", OrganizationSort::Code),
    ("name", OrganizationSort::Name),
];
/// The sorts of a unit's children, the default first.
pub const NAME_SORTS: &[(&str, OrganizationSort)] = &[
    ("name", OrganizationSort::Name),
    ("code", OrganizationSort::Code),
];

fn unit_query(params: &ListParams) -> Result<UnitQuery, ApiError> {
    Ok(UnitQuery {
        q: params.q.clone(),
        as_of: params.as_of()?,
    })
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
#[get("")]
pub async fn list_centers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(UNIT_SORTS)?;
    let query = unit_query(&params)?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list_centers(conn, caller, query, request),
    )
    .await
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
#[get("/{id}")]
pub async fn get_center(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let center: Center = state
        .db(move |conn| service::get_center(conn, &caller, id))
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
#[get("")]
pub async fn list_districts(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(UNIT_SORTS)?;
    let query = unit_query(&params)?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list_districts(conn, caller, query, request),
    )
    .await
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
#[get("/{id}")]
pub async fn get_district(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let district: District = state
        .db(move |conn| service::get_district(conn, &caller, id))
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
#[get("/{id}")]
pub async fn get_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let org: Organization = state
        .db(move |conn| service::get_organization(conn, &caller, id))
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
#[get("/{id}/children")]
pub async fn list_organization_children(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let paging = params.paging(NAME_SORTS)?;
    let query = unit_query(&params)?;
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list_children(conn, caller, id, query, request),
    )
    .await
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(scope("/centers").service(list_centers).service(get_center))
            .service(
                scope("/districts")
                    .service(list_districts)
                    .service(get_district),
            )
            .service(
                scope("/organizations")
                    .service(get_organization)
                    .service(list_organization_children),
            );
    },
    sorts: &[
        ("list_centers", || sort_names(UNIT_SORTS)),
        ("list_districts", || sort_names(UNIT_SORTS)),
        ("list_organization_children", || sort_names(NAME_SORTS)),
    ],
};
