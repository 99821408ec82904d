//! Party organizations (tổ chức cơ sở đảng, chi bộ): they belong to a party committee (đảng bộ
//! huyện, xã, phường) and are served by a center, which trains their members. Province admins
//! manage them anywhere, center admins those their center serves; their committee's scope and
//! their center's both read them ([`centers_db::organizations`] reaches them by either path).

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use centers_db::organizations::{
    self as orgs, NewOrganization, OrganizationChanges, OrganizationFilter, OrganizationRow,
    OrganizationSort,
};
use centers_db::paging::{Page, PageRequest};
use centers_db::writes::{self, Write};
use centers_db::{identity, DbConnection, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::organizations::{OrganizationKind, PartyOrganizationKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const ENTITY: EntityKind = EntityKind::PartyOrganization;

/// A grassroots party organization or party cell: it belongs to a party committee and is served
/// by a center.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyOrganization {
    pub id: OrganizationId,
    #[schema(example = "Chi bộ Thôn 3, xã Quảng Nham")]
    pub name: String,
    /// Unique within the center.
    #[schema(example = "CB-QN-03")]
    pub code: Option<String>,
    /// The center that serves it: trains its members, takes its nominations.
    pub center_id: Option<OrganizationId>,
    /// The party committee it belongs to (đảng bộ huyện, xã or phường), at the top of its branch.
    pub committee_id: Option<OrganizationId>,
    /// Chi bộ, chi bộ cơ sở or đảng bộ cơ sở.
    pub kind: Option<PartyOrganizationKind>,
    /// The enclosing party organization; null at the top (directly under the committee).
    pub parent_id: Option<OrganizationId>,
    /// The id of this organization in the district's own system.
    pub external_id: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(PartyOrganizationList, PartyOrganization);

/// The party committee of each party organization: the segment of its path that is a committee
/// (one query for a page).
fn committees_of(
    conn: &mut DbConnection,
    rows: &[OrganizationRow],
) -> Result<Vec<OrganizationId>, ApiError> {
    let segments: Vec<OrganizationId> = rows
        .iter()
        .flat_map(|r| r.path.split('/'))
        .filter_map(|s| s.parse::<uuid::Uuid>().ok())
        .map(OrganizationId)
        .collect();
    Ok(orgs::by_ids(conn, &segments)?
        .into_iter()
        .filter(|o| o.kind == OrganizationKind::PartyCommittee)
        .map(|o| o.id)
        .collect())
}

fn party_dto(
    r: OrganizationRow,
    committees: &[OrganizationId],
) -> Result<PartyOrganization, ApiError> {
    let committee_id = r
        .path
        .split('/')
        .filter_map(|s| s.parse::<uuid::Uuid>().ok())
        .map(OrganizationId)
        .find(|id| committees.contains(id));
    // At the top of its branch the parent is the committee; expose only party-organization
    // parents.
    let parent_id = r.parent_id.filter(|p| Some(*p) != committee_id);
    Ok(PartyOrganization {
        kind: crate::services::subkind_of(&r)?,
        id: r.id,
        name: r.name,
        code: r.code,
        center_id: r.center_id,
        committee_id,
        parent_id,
        external_id: r.external_id,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    })
}

fn dto_of(conn: &mut DbConnection, r: &OrganizationRow) -> Result<PartyOrganization, ApiError> {
    let committees = committees_of(conn, std::slice::from_ref(r))?;
    party_dto(r.clone(), &committees)
}

/// The natural keys of a deleted party organization, carried by its tombstone in the feed.
#[derive(Serialize)]
struct PartyOrganizationKeys {
    center_id: Option<OrganizationId>,
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
    /// The center that serves it.
    pub center_id: OrganizationId,
    /// The party committee it belongs to; by default the one committee the center serves
    /// (required when it serves several). Ignored with `parent_id`, whose committee it joins.
    pub committee_id: Option<OrganizationId>,
    /// Defaults to `party_cell`.
    #[schema(value_type = Option<PartyOrganizationKind>)]
    pub kind: Option<String>,
    /// An enclosing party organization served by the same center.
    pub parent_id: Option<OrganizationId>,
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
    pub parent_id: Option<OrganizationId>,
    #[serde(default)]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 100, pattern = "\\S")]
    pub external_id: Patch<String>,
}

/// An external id is 1–100 characters and not blank (`null` clears it on PATCH).
fn check_external_id(v: Option<&str>) -> Result<(), ApiError> {
    if v.is_some_and(|e| e.trim().is_empty()) {
        return Err(ApiError::invalid_field(
            "external_id",
            "blank",
            "must not be blank; send null to clear it",
        ));
    }
    crate::services::check_length("external_id", v, 100)
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

/// The committee a new party organization of `center` joins at the top: the one named (open, in
/// the caller's reach), or else the one open committee the center serves.
fn resolve_committee(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &OrganizationRow,
    committee_id: Option<OrganizationId>,
) -> Result<(OrganizationId, String), ApiError> {
    let committee = match committee_id {
        Some(id) => orgs::find_in_scope(
            conn,
            id,
            Some(OrganizationKind::PartyCommittee),
            &caller.scope(),
        )?
        .ok_or_else(|| {
            ApiError::invalid_field(
                "committee_id",
                "unknown_committee",
                "no such party committee in your scope",
            )
        })?,
        None => {
            let filter = OrganizationFilter {
                kind: Some(OrganizationKind::PartyCommittee),
                center_id: Some(center.id),
                ..OrganizationFilter::in_scope(caller.scope())
            };
            let mut served: Vec<OrganizationRow> = orgs::matching(conn, &filter, 3)?
                .into_iter()
                .filter(|c| c.valid_to.is_none())
                .collect();
            if served.is_empty() {
                // No committee names this center: the committee of the unit that hosts it
                // (a district's, before 2025), as the province file records it.
                if let Some(host) = center.parent_id {
                    served = orgs::children_of(conn, &[host], OrganizationKind::PartyCommittee)?
                        .into_iter()
                        .filter(|c| c.valid_to.is_none())
                        .collect();
                }
            }
            match served.len() {
                1 => served.remove(0),
                0 => {
                    return Err(ApiError::invalid_field(
                        "committee_id",
                        "required",
                        "no open party committee serves this center or its host unit; name the committee",
                    ))
                }
                _ => {
                    return Err(ApiError::invalid_field(
                        "committee_id",
                        "required",
                        "this center serves several party committees; name one",
                    ))
                }
            }
        }
    };
    if let Some(closed) = committee.valid_to {
        return Err(ApiError::invalid_field(
            "committee_id",
            "closed",
            format!("the committee closed on {closed}"),
        ));
    }
    Ok((committee.id, committee.path))
}

/// The parent of a party organization: a party organization served by the same center
/// (visible to the caller), or its committee.
fn resolve_parent(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &OrganizationRow,
    committee_id: Option<OrganizationId>,
    parent_id: Option<OrganizationId>,
) -> Result<(OrganizationId, String), ApiError> {
    match parent_id {
        None => resolve_committee(conn, caller, center, committee_id),
        Some(p) => {
            let parent = orgs::find_in_scope(
                conn,
                p,
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

fn find_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<OrganizationRow, ApiError> {
    orgs::find_in_scope(
        conn,
        id,
        Some(OrganizationKind::PartyOrganization),
        &caller.scope(),
    )?
    .ok_or(ApiError::NotFound)
}

/// Create a party organization in a center of the caller's scope.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreatePartyOrganization,
) -> Result<PartyOrganization, ApiError> {
    caller.require_permission(Permission::ManagePartyOrganizations)?;
    check_external_id(b.external_id.as_deref())?;
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
    let center = orgs::find_in_scope(
        conn,
        b.center_id,
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
    if let Some(closed) = center.valid_to {
        return Err(ApiError::invalid_field(
            "center_id",
            "closed",
            format!("the center closed on {closed}; it takes no new party organizations"),
        ));
    }
    let parent = resolve_parent(conn, caller, &center, b.committee_id, b.parent_id)?;
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
            center: Some((center.id, center.path.clone())),
            code: Some(code),
            name,
            valid_from: None,
            valid_to: None,
            note: None,
            external_id,
        },
    )?;
    let dto = dto_of(conn, &row)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(ENTITY, row.id, &row.path, &dto),
    )?;
    Ok(dto)
}

/// Party organizations in the caller's scope, a page at a time.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    filter: PartyOrganizationQuery,
    page: &PageRequest<OrganizationSort>,
) -> Result<Page<PartyOrganization>, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let filter = OrganizationFilter {
        kind: Some(OrganizationKind::PartyOrganization),
        center_id: filter.center_id,
        q: filter.q,
        as_of: filter.as_of,
        external_id: filter.external_id,
        ..OrganizationFilter::in_scope(caller.scope())
    };
    let page = orgs::list(conn, &filter, page)?;
    let committees = committees_of(conn, &page.items)?;
    page.try_map(|r| party_dto(r, &committees))
}

/// The filters of [`list`], parsed.
#[derive(Debug, Clone, Default)]
pub struct PartyOrganizationQuery {
    pub center_id: Option<OrganizationId>,
    pub q: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub external_id: Option<String>,
}

/// One party organization.
pub fn get(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<PartyOrganization, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let row = find_in_scope(conn, caller, id)?;
    dto_of(conn, &row)
}

/// Change a party organization.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    expected: IfMatch,
    b: UpdatePartyOrganization,
) -> Result<PartyOrganization, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    if let Patch::Value(e) = &b.external_id {
        check_external_id(Some(e))?;
    }
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
    let mut before = find_in_scope(conn, caller, id)?;
    // Read allowed, write not: 403 (the record exists for this caller).
    caller.require_permission(Permission::ManagePartyOrganizations)?;
    let center_id = before
        .center_id
        .ok_or_else(|| ApiError::Internal("party organization without center".into()))?;
    if b.parent_id.is_some() {
        // Moves inside a center one at a time, each reading the tree as the previous one left
        // it: two concurrent moves X→Y and Y→X would otherwise each see no cycle (PostgreSQL).
        orgs::lock(conn, center_id)?;
        before = find_in_scope(conn, caller, id)?;
    }
    check_if_match(&expected, before.version)?;
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
            let center = orgs::find_unscoped(conn, center_id)?.ok_or(ApiError::NotFound)?;
            let parent = resolve_parent(conn, caller, &center, None, Some(p))?;
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
                .into_change()
                .map(|e| e.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())),
            parent,
            ..OrganizationChanges::default()
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    // A party organization's edits are corrections: its period in force now follows them.
    centers_db::organization_periods::correct_latest(conn, &after)?;
    let dto = dto_of(conn, &after)?;
    let before_dto = dto_of(conn, &before)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(ENTITY, id, &after.path, &before_dto, &dto),
    )?;
    Ok(dto)
}

/// Delete a party organization; refused (409) while accounts or other party organizations
/// refer to it.
pub fn delete(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    expected: IfMatch,
) -> Result<(), ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let before = find_in_scope(conn, caller, id)?;
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
    let before_dto = dto_of(conn, &before)?;
    if orgs::delete(conn, before.id, before.version)? == 0 {
        // Changed or deleted by a concurrent request since it was read.
        return Err(match orgs::find_unscoped(conn, before.id)? {
            None => ApiError::NotFound,
            Some(_) => ApiError::PreconditionFailed,
        });
    }
    let keys = PartyOrganizationKeys {
        center_id: before.center_id,
        code: before.code.clone(),
        external_id: before.external_id.clone(),
    };
    writes::record(
        conn,
        &caller.audit(),
        Write::delete(ENTITY, id, &before.path, &before_dto, &keys)
            .served_from(&before.service_path),
    )?;
    Ok(())
}
