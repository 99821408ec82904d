//! Party organizations (tổ chức cơ sở đảng, chi bộ): the first writable scoped resource.
//! Province admins manage them anywhere, center admins inside their center.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::Json;
use crate::http::{check_if_match, etag_response, if_match_version, utc, with_etag};
use crate::list_schema;
use crate::paging::{list_response, parse_uuid_param, ListParams};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::organizations::{
    self as orgs, NewOrganization, OrganizationChanges, OrganizationFilter, OrganizationRow,
    OrganizationSort,
};
use centers_db::writes::{self, Write};
use centers_db::{identity, write_transaction, DbConnection};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::organizations::{OrganizationKind, PartyOrganizationKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

const ENTITY: EntityKind = EntityKind::PartyOrganization;

/// A grassroots party organization or party cell of a center's district.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyOrganization {
    pub id: Uuid,
    #[schema(example = "Chi bộ Thôn 3, xã Quảng Nham")]
    pub name: String,
    /// Unique within the center.
    #[schema(example = "CB-QN-03")]
    pub code: Option<String>,
    pub center_id: Option<Uuid>,
    /// `party_cell` (chi bộ), `grassroots_cell` (chi bộ cơ sở) or `grassroots_committee`
    /// (đảng bộ cơ sở).
    pub kind: Option<String>,
    /// The enclosing party organization, or the center itself at the top.
    pub parent_id: Option<Uuid>,
    /// The id of this organization in the district's own system.
    pub external_id: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(PartyOrganizationList, PartyOrganization);

impl From<OrganizationRow> for PartyOrganization {
    fn from(r: OrganizationRow) -> Self {
        // At the top level the parent is the center; expose only party-organization parents.
        let parent_id = r
            .parent_id
            .filter(|p| Some(*p) != r.center_id)
            .map(Into::into);
        PartyOrganization {
            id: r.id.into(),
            name: r.name,
            code: r.code,
            center_id: r.center_id.map(Into::into),
            kind: r.subkind,
            parent_id,
            external_id: r.external_id,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

fn dto_of(r: &OrganizationRow) -> PartyOrganization {
    PartyOrganization::from(r.clone())
}

/// The natural keys of a deleted party organization, carried by its tombstone in the feed.
#[derive(Serialize)]
struct PartyOrganizationKeys {
    center_id: Option<centers_db::Id>,
    code: Option<String>,
    external_id: Option<String>,
}

/// A new party organization.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePartyOrganization {
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: String,
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: String,
    pub center_id: Uuid,
    /// Defaults to `party_cell`.
    #[schema(value_type = Option<PartyOrganizationKind>)]
    pub kind: Option<String>,
    /// An enclosing party organization of the same center.
    pub parent_id: Option<Uuid>,
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    pub external_id: Option<String>,
}

/// Changes; absent fields stay. `external_id: null` clears it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePartyOrganization {
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: Option<String>,
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: Option<String>,
    #[schema(value_type = Option<PartyOrganizationKind>)]
    pub kind: Option<String>,
    pub parent_id: Option<Uuid>,
    #[serde(default, deserialize_with = "serde_with_none::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 100, pattern = "\\S")]
    pub external_id: Option<Option<String>>,
}

/// `Option<Option<T>>` from JSON: absent → `None`, `null` → `Some(None)`.
mod serde_with_none {
    use serde::{Deserialize, Deserializer};
    pub fn deserialize<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(d).map(Some)
    }
}

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

fn parse_code(v: &str) -> Result<String, FieldError> {
    centers_domain::organizations::parse_party_code(v)
        .ok_or_else(|| FieldError::new("code", "invalid_code", "1–32 characters"))
}

fn parse_name(v: &str) -> Result<String, FieldError> {
    centers_domain::organizations::parse_org_name(v)
        .ok_or_else(|| FieldError::new("name", "invalid_name", "1–300 characters"))
}

fn parse_kind(v: &str) -> Result<PartyOrganizationKind, FieldError> {
    v.parse()
        .map_err(|e: centers_domain::organizations::UnknownValue| {
            FieldError::new("kind", "invalid", e.to_string())
        })
}

/// The parent of a party organization: a party organization of the same center (visible to the
/// caller), or the center itself.
fn resolve_parent(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &OrganizationRow,
    parent_id: Option<Uuid>,
) -> Result<(centers_db::Id, String), ApiError> {
    match parent_id {
        None => Ok((center.id, center.path.clone())),
        Some(p) => {
            let parent = orgs::find_in_scope(
                conn,
                p.into(),
                Some(OrganizationKind::PartyOrganization),
                &caller.scope(),
            )?
            .filter(|o| o.center_id == Some(center.id))
            .ok_or_else(|| {
                ApiError::invalid_field(
                    "parent_id",
                    "unknown_parent",
                    "no such party organization in this center",
                )
            })?;
            Ok((parent.id, parent.path))
        }
    }
}

/// Create a party organization.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "create_party_organization",
    request_body = CreatePartyOrganization,
    responses(
        (status = 201, description = "Created", body = PartyOrganization),
        (status = 409, description = "The code is taken in this center", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/party-organizations")]
pub async fn create_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreatePartyOrganization>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManagePartyOrganizations)?;
    let b = body.0;
    let mut errors = Vec::new();
    let name = parse_name(&b.name).map_err(|e| errors.push(e)).ok();
    let code = parse_code(&b.code).map_err(|e| errors.push(e)).ok();
    let kind = match b.kind.as_deref() {
        None => Some(PartyOrganizationKind::PartyCell),
        Some(k) => parse_kind(k).map_err(|e| errors.push(e)).ok(),
    };
    let (Some(name), Some(code), Some(kind), true) = (name, code, kind, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let external_id = b
        .external_id
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    let ctx = caller.audit();
    let row = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let center = orgs::find_in_scope(
                    conn,
                    b.center_id.into(),
                    Some(OrganizationKind::Center),
                    &caller.scope(),
                )?
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "center_id",
                        "unknown_center",
                        "no such center in your scope",
                    )
                })?;
                let parent = resolve_parent(conn, &caller, &center, b.parent_id)?;
                if orgs::party_code_taken(conn, center.id, &code, None)? {
                    return Err(ApiError::conflict(format!(
                        "the code {code} is already used in this center"
                    )));
                }
                let row = orgs::insert(
                    conn,
                    NewOrganization {
                        kind: OrganizationKind::PartyOrganization,
                        subkind: Some(kind.as_str().into()),
                        parent: Some(parent),
                        center_id: Some(center.id),
                        code: Some(code),
                        name,
                        valid_from: None,
                        valid_to: None,
                        note: None,
                        external_id,
                    },
                )?;
                writes::record(
                    conn,
                    &ctx,
                    Write::create(ENTITY, row.id, &row.path, &dto_of(&row)),
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(with_etag(
        StatusCode::CREATED,
        row.version,
        &PartyOrganization::from(row),
    ))
}

/// List party organizations inside my scope.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "list_party_organizations",
    params(ListParams, PartyOrganizationFilters),
    responses((status = 200, description = "A page of party organizations", body = PartyOrganizationList)),
    security(("bearer" = []))
)]
#[get("/party-organizations")]
pub async fn list_party_organizations(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<PartyOrganizationFilters>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let paging = params.paging(&[
        ("name", OrganizationSort::Name),
        ("code", OrganizationSort::Code),
    ])?;
    let filter = OrganizationFilter {
        kind: Some(OrganizationKind::PartyOrganization),
        center_id: parse_uuid_param("center_id", filters.center_id.as_deref())?.map(Into::into),
        q: params.q.clone(),
        as_of: params.as_of()?,
        external_id: filters.external_id.clone(),
        ..OrganizationFilter::in_scope(caller.scope())
    };
    let request = paging.request.clone();
    let page = state
        .db(move |conn| Ok(orgs::list(conn, &filter, &request)?.map(PartyOrganization::from)))
        .await?;
    Ok(list_response(&req, &paging.sort_name, page))
}

fn find_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<OrganizationRow, ApiError> {
    orgs::find_in_scope(
        conn,
        id.into(),
        Some(OrganizationKind::PartyOrganization),
        &caller.scope(),
    )?
    .ok_or(ApiError::NotFound)
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
#[get("/party-organizations/{id}")]
pub async fn get_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let id = id.into_inner();
    let row = state
        .db(move |conn| find_in_scope(conn, &caller, id))
        .await?;
    Ok(etag_response(
        &req,
        row.version,
        &PartyOrganization::from(row),
    ))
}

/// Change a party organization.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "update_party_organization",
    params(("id" = Uuid, Path, description = "Party organization id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdatePartyOrganization,
    responses(
        (status = 200, description = "Changed", body = PartyOrganization),
        (status = 409, description = "The code is taken in this center", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/party-organizations/{id}")]
pub async fn update_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Json<UpdatePartyOrganization>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let b = body.0;
    let mut errors = Vec::new();
    let name = b
        .name
        .as_deref()
        .map(parse_name)
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let code = b
        .code
        .as_deref()
        .map(parse_code)
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let kind = b
        .kind
        .as_deref()
        .map(parse_kind)
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let ctx = caller.audit();
    let row = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let before = find_in_scope(conn, &caller, id)?;
                // Read allowed, write not: 403 (the record exists for this caller).
                caller.require_permission(Permission::ManagePartyOrganizations)?;
                check_if_match(&expected, before.version)?;
                let center_id = before.center_id.ok_or_else(|| {
                    ApiError::Internal("party organization without center".into())
                })?;
                if let Some(code) = &code {
                    if orgs::party_code_taken(conn, center_id, code, Some(before.id))? {
                        return Err(ApiError::conflict(format!(
                            "the code {code} is already used in this center"
                        )));
                    }
                }
                let parent = match b.parent_id {
                    None => None,
                    Some(p) if p == id => {
                        return Err(ApiError::invalid_field(
                            "parent_id",
                            "cycle",
                            "cannot be the organization itself",
                        ))
                    }
                    Some(p) => {
                        let center =
                            orgs::find_unscoped(conn, center_id)?.ok_or(ApiError::NotFound)?;
                        let parent = resolve_parent(conn, &caller, &center, Some(p))?;
                        if parent.1.starts_with(&before.path) {
                            return Err(ApiError::invalid_field(
                                "parent_id",
                                "cycle",
                                "cannot be inside the organization itself",
                            ));
                        }
                        Some(parent)
                    }
                };
                let after = orgs::update(
                    conn,
                    &before,
                    OrganizationChanges {
                        name,
                        code,
                        subkind: kind.map(|k| k.as_str().to_owned()),
                        external_id: b
                            .external_id
                            .map(|e| e.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())),
                        parent,
                    },
                )?
                .ok_or(ApiError::PreconditionFailed)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::update(ENTITY, id, &after.path, &dto_of(&before), &dto_of(&after)),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(with_etag(
        StatusCode::OK,
        row.version,
        &PartyOrganization::from(row),
    ))
}

/// Delete a party organization. Refused (409) while accounts, learners or other party
/// organizations refer to it.
#[utoipa::path(
    tag = "party-organizations",
    operation_id = "delete_party_organization",
    params(("id" = Uuid, Path, description = "Party organization id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Still referenced", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/party-organizations/{id}")]
pub async fn delete_party_organization(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let ctx = caller.audit();
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let before = find_in_scope(conn, &caller, id)?;
                caller.require_permission(Permission::ManagePartyOrganizations)?;
                check_if_match(&expected, before.version)?;
                let accounts = identity::count_users_scoped_at(conn, before.id)?;
                if accounts > 0 {
                    return Err(ApiError::conflict(format!(
                        "{accounts} account(s) are scoped to this party organization"
                    )));
                }
                let children = orgs::count_children(conn, before.id)?;
                if children > 0 {
                    return Err(ApiError::conflict(format!(
                        "{children} party organization(s) are under this one"
                    )));
                }
                orgs::delete(conn, before.id)?;
                let keys = PartyOrganizationKeys {
                    center_id: before.center_id,
                    code: before.code.clone(),
                    external_id: before.external_id.clone(),
                };
                writes::record(
                    conn,
                    &ctx,
                    Write::delete(ENTITY, id, &before.path, &dto_of(&before), &keys),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
