//! The organization tree: reads (`services::organizations`, any day with `as_of`) and its
//! administration over time (`services::organization_changes`).

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_date_param, serve_list, ListParams};
use crate::services::organization_changes::{
    self as changes, CloseOrganization, CreateOrganization, MergeOrganization, MoveOrganization,
    OrganizationHistory, OrganizationKindRule, RenameOrganization, UpdateOrganization,
};
use crate::services::organizations::{
    self as service, Center, CenterList, District, DistrictList, Organization, OrganizationList,
    UnitQuery,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::organizations::OrganizationSort;
use centers_db::OrganizationId;
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;
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

/// `as_of`: the day whose names, kinds and parents to show (today by default).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// `YYYY-MM-DD`.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

impl AsOfQuery {
    fn day(&self) -> Result<Option<NaiveDate>, ApiError> {
        parse_date_param("as_of", self.as_of.as_deref())
    }
}

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
    params(("id" = Uuid, Path, description = "Center id"), AsOfQuery),
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
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let day = query.day()?;
    let center: Center = state
        .db(move |conn| service::get_center(conn, &caller, id, day))
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
    params(("id" = Uuid, Path, description = "District id"), AsOfQuery),
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
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let day = query.day()?;
    let district: District = state
        .db(move |conn| service::get_district(conn, &caller, id, day))
        .await?;
    Ok(etag_response(&req, district.version, &district))
}

/// Get any organization of the tree.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_organization",
    params(("id" = Uuid, Path, description = "Organization id"), AsOfQuery),
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
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let day = query.day()?;
    let org: Organization = state
        .db(move |conn| service::get_organization(conn, &caller, id, day))
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

/// Open a unit of the tree (province administrators): a school branch, a district-level or
/// commune-level unit, a center, a party committee. Its parent must be of a kind that may hold
/// it (`GET /organization-kinds`).
#[utoipa::path(
    tag = "organizations",
    operation_id = "create_organization",
    request_body = CreateOrganization,
    responses(
        (status = 201, description = "Opened", body = Organization),
        (status = 409, description = "The code or external id is taken", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_organization(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateOrganization>,
) -> Result<HttpResponse, ApiError> {
    let org = state
        .write(move |conn| changes::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, org.version, &org))
}

/// Correct what was recorded about a unit (a misspelt name, a wrong code): no history is added.
/// A change in the world (a new name from a date) is a `rename`.
#[utoipa::path(
    tag = "organizations",
    operation_id = "update_organization",
    params(("id" = Uuid, Path, description = "Organization id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateOrganization,
    responses(
        (status = 200, description = "Corrected", body = Organization),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
    body: Json<UpdateOrganization>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let org = state
        .write(move |conn| changes::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, org.version, &org))
}

macro_rules! dated_change {
    ($fn:ident, $path:literal, $input:ident, $service:path, $doc:literal, $conflict:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "organizations",
            params(("id" = Uuid, Path, description = "Organization id")),
            request_body = $input,
            responses(
                (status = 200, description = "The organization after the change", body = Organization),
                (status = 409, description = $conflict, body = Problem, content_type = "application/problem+json")
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        pub async fn $fn(
            state: web::Data<AppState>,
            caller: Caller,
            id: web::Path<OrganizationId>,
            body: Json<$input>,
        ) -> Result<HttpResponse, ApiError> {
            let id = id.into_inner();
            // Through `write_accounts`: a move or a close changes the scope of every account
            // under the unit, so no cached subject may keep the old one.
            let org = state
                .write_accounts(move |conn| $service(conn, &caller, id, body.0))
                .await?;
            Ok(with_etag(StatusCode::OK, org.version, &org))
        }
    };
}

dated_change!(
    rename_organization,
    "/{id}/rename",
    RenameOrganization,
    changes::rename,
    "Rename a unit from a date (and change its subkind: district → town); the old name stays in its history and in every read `as_of` an earlier day.",
    "Never: a refused date is a 422 naming `effective_from`"
);
dated_change!(
    move_organization,
    "/{id}/move",
    MoveOrganization,
    changes::move_to,
    "Move a unit, with its subtree, under a new parent from a date. Never under itself or its subtree (422 `cycle`), never under a kind that may not hold it (422 `parent_kind`).",
    "Never: a refused parent is a 422 naming `parent_id`"
);
dated_change!(
    close_organization,
    "/{id}/close",
    CloseOrganization,
    changes::close,
    "Close a unit: `valid_to` is its last day. Each open child must be moved (`move_to`) or closed with it, named in `children`.",
    "Open children not named in `children`: the detail names them"
);
dated_change!(
    merge_organization,
    "/{id}/merge",
    MergeOrganization,
    changes::merge,
    "Merge a unit into another of its kind: it closes on `valid_to` and its open children move to `into` (or where `children` says) from the next day.",
    "Open children not named in `children`: the detail names them"
);

/// The history of a unit: its name, kind and parent in each period, and how it closed.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_organization_history",
    params(("id" = Uuid, Path, description = "Organization id")),
    responses((status = 200, description = "Its periods, oldest first", body = OrganizationHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn get_organization_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let history = state
        .db(move |conn| changes::history(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(history))
}

/// The kinds of the tree, the parents each may have and their subkinds. (A collection of its
/// own: under `/organizations` the path would shadow `/organizations/{id}` for other methods.)
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_organization_kinds",
    responses((status = 200, description = "Every kind", body = Vec<OrganizationKindRule>)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_organization_kinds(_caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(changes::kinds()))
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
            .service(scope("/organization-kinds").service(list_organization_kinds))
            .service(
                scope("/organizations")
                    .service(create_organization)
                    .service(get_organization)
                    .service(update_organization)
                    .service(rename_organization)
                    .service(move_organization)
                    .service(close_organization)
                    .service(merge_organization)
                    .service(get_organization_history)
                    .service(list_organization_children),
            );
    },
    sorts: &[
        ("list_centers", || sort_names(UNIT_SORTS)),
        ("list_districts", || sort_names(UNIT_SORTS)),
        ("list_organization_children", || sort_names(NAME_SORTS)),
    ],
};
