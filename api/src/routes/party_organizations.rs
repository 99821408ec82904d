//! `/party-organizations`. Handlers extract, call `services::party_organizations`, respond.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, ListParams};
use crate::services::party_organizations::{
    self as service, CreatePartyOrganization, PartyOrganization, PartyOrganizationList,
    PartyOrganizationQuery, UpdatePartyOrganization,
};
use crate::services::result_reports;
use crate::services::result_reports::*;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::organizations::OrganizationSort;
use centers_db::OrganizationId;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// The sorts of this list, the default first: what the handler accepts and the OpenAPI document
/// lists (`openapi.rs`).
pub const SORTS: &[(&str, OrganizationSort)] = &[
    ("name", OrganizationSort::Name),
    ("code", OrganizationSort::Code),
];

/// Filters of the party organization list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartyOrganizationFilters {
    /// Only this center's party organizations.
    #[param(value_type = Option<Uuid>)]
    pub center_id: Option<String>,
    /// Only the party organization with this id in the district's own system.
    pub external_id: Option<String>,
}

/// Create a party organization.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "create_party_organization",
    request_body = CreatePartyOrganization,
    responses(
        (status = 201, description = "Created", body = PartyOrganization),
        (status = 409, description = "The code is taken in this center", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreatePartyOrganization>,
) -> Result<HttpResponse, ApiError> {
    let po = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, po.version, &po))
}

/// List party organizations inside my scope.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "list_party_organizations",
    params(ListParams, PartyOrganizationFilters),
    responses((status = 200, description = "A page of party organizations", body = PartyOrganizationList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_party_organizations(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<PartyOrganizationFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(SORTS)?;
    let query = PartyOrganizationQuery {
        center_id: parse_uuid_param("center_id", filters.center_id.as_deref())?.map(OrganizationId),
        q: params.q.clone(),
        as_of: params.as_of()?,
        external_id: filters.external_id.clone(),
    };
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, query, request),
    )
    .await
}

/// Get a party organization.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "get_party_organization",
    params(("id" = Uuid, Path, description = "Party organization id")),
    responses(
        (status = 200, description = "The party organization", body = PartyOrganization),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let po = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, po.version, &po))
}

/// Change a party organization; absent fields stay, `external_id: null` clears it.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "update_party_organization",
    params(("id" = Uuid, Path, description = "Party organization id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdatePartyOrganization,
    responses(
        (status = 200, description = "Changed", body = PartyOrganization),
        (status = 409, description = "The code is taken in this center", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
    body: Json<UpdatePartyOrganization>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let po = state
        .write_accounts(move |conn| service::update(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, po.version, &po))
}

/// Delete a party organization. Refused (409) while accounts, learners or other party
/// organizations refer to it.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "delete_party_organization",
    params(("id" = Uuid, Path, description = "Party organization id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Still referenced", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn delete_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    state
        .write(move |conn| service::delete(conn, &caller, id, expected))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Results back to a party organization: each of its learners in the classes of a year — class,
/// status, attendance, grade, conduct, certificate. JSON; `Accept: text/csv` (UTF-8 with BOM) or
/// the XLSX media type for a spreadsheet with Vietnamese headers.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_party_organization_results",
    params(("id" = Uuid, Path, description = "Party organization id"), crate::routes::lecturers::YearQuery),
    responses((status = 200, description = "The results",
        content((ResultsReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/{id}/results")]
pub async fn party_organization_results(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
    query: web::Query<crate::routes::lecturers::YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = (id.into_inner(), query.parse()?);
    let report = state
        .db(move |conn| result_reports::results_of_party_organization(conn, &caller, id, year))
        .await?;
    crate::export::respond(
        &req,
        &report,
        || result_reports::results_table(&report),
        &format!("ket-qua-{year}"),
    )
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/party-organizations")
                .service(create_party_organization)
                .service(list_party_organizations)
                .service(get_party_organization)
                .service(update_party_organization)
                .service(delete_party_organization)
                .service(party_organization_results),
        );
    },
    sorts: &[("list_party_organizations", || sort_names(SORTS))],
};
