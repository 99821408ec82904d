//! Writes of the organization tree over time: open a unit, correct it, and the dated changes —
//! rename, move, close, merge — each kept as history (`organization_periods`) so that what was
//! in force on any day can be read back (`as_of`). Province administrators only; every change
//! goes through the one write path (audit log and `/changes`).
//!
//! Structural changes of one province are serialized by a lock on the province's row: a move's
//! cycle check and a close's open-children check read the tree after every earlier change of it
//! has committed, on PostgreSQL as on SQLite (whose writers are serialized anyway).

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, IfMatch};
use crate::patch::Patch;
use crate::services::organizations::Organization;
use crate::services::{check_length, clean_text};
use centers_db::organization_periods::{self as periods, PeriodRow};
use centers_db::organizations::{
    self as orgs, Closing, NewOrganization, OrganizationChanges, OrganizationRow,
};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::{
    check_effective_date, check_no_cycle, check_parent, parse_org_name, OrganizationKind,
    TreeChangeError,
};
use centers_domain::teaching::local_day;
use centers_domain::validity::check_record_date;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A new unit of the tree. Party organizations are created through `/party-organizations`;
/// the province itself is loaded by `centers seed`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganization {
    pub kind: OrganizationKind,
    /// `city`, `town` or `district` for a district-level unit; `commune` or `ward` for a
    /// commune-level unit; nothing for other kinds.
    #[schema(example = "town")]
    pub subkind: Option<String>,
    /// Where it sits: the parent kinds each kind allows are `GET /organization-kinds`.
    pub parent_id: OrganizationId,
    /// For a party committee: the center that trains its party organizations' members (its
    /// administrators then manage and read them). Nothing for other kinds.
    pub center_id: Option<OrganizationId>,
    /// The GSO code of an administrative unit, or the unit's own code.
    #[schema(max_length = 32, example = "407")]
    pub code: Option<String>,
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "\\S",
        example = "Thị xã Nghi Sơn"
    )]
    pub name: String,
    /// The first day it exists (the effective date of the decision that opened it).
    pub valid_from: NaiveDate,
    /// The decision that opened it, as the province cites it.
    #[schema(
        max_length = 300,
        example = "Nghị quyết 933/NQ-UBTVQH14 ngày 16/4/2020"
    )]
    pub decision: Option<String>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Its id in a district or partner system (unique per kind).
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
}

/// A correction of what was recorded (a misspelt name, a wrong code): nothing changed in the
/// world, so no history is added; the period in force now is corrected with it. Absent fields
/// stay; `null` clears a nullable one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganization {
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: Option<String>,
    #[schema(max_length = 32)]
    pub code: Option<String>,
    pub subkind: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub note: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub external_id: Patch<String>,
    /// A party committee's serving center; `null`: none. The committee's existing party
    /// organizations keep the center that serves them.
    #[serde(default)]
    #[schema(value_type = Option<OrganizationId>)]
    pub center_id: Patch<OrganizationId>,
}

/// A new name (and, for an administrative unit, a new subkind: district → town) from a date.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenameOrganization {
    /// The first day of the new name (not after today; not before the latest recorded change).
    pub effective_from: NaiveDate,
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "\\S",
        example = "Thị xã Nghi Sơn"
    )]
    pub name: String,
    #[schema(example = "town")]
    pub subkind: Option<String>,
    #[schema(max_length = 300)]
    pub decision: Option<String>,
}

/// A new parent from a date.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveOrganization {
    /// The first day under the new parent.
    pub effective_from: NaiveDate,
    pub parent_id: OrganizationId,
    #[schema(max_length = 300)]
    pub decision: Option<String>,
}

/// What becomes of an open child of a unit that closes: moved under another unit from the day
/// after, or (no `move_to`) closed on the same day.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildDisposal {
    pub id: OrganizationId,
    pub move_to: Option<OrganizationId>,
}

/// Close a unit: `valid_to` is its last day. Every open child must be named in `children`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseOrganization {
    /// The last day it exists.
    pub valid_to: NaiveDate,
    #[schema(max_length = 300)]
    pub decision: Option<String>,
    #[serde(default)]
    #[schema(max_items = 1000)]
    pub children: Vec<ChildDisposal>,
}

/// Merge a unit into another: it closes on `valid_to` and its children named in `children`
/// move to `into` (or elsewhere, or close) from the next day.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeOrganization {
    pub into: OrganizationId,
    /// The last day of the unit merged away.
    pub valid_to: NaiveDate,
    #[schema(max_length = 300)]
    pub decision: Option<String>,
    /// Its open children; a child without `move_to` moves to `into`.
    #[serde(default)]
    #[schema(max_items = 1000)]
    pub children: Vec<ChildDisposal>,
}

/// One period of an organization: what it was called, what it was and where it sat, from
/// `valid_from` to `valid_to` (inclusive; null while in force).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationPeriod {
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub name: String,
    pub kind: OrganizationKind,
    pub subkind: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub decision: Option<String>,
}

/// An organization's history, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationHistory {
    pub id: OrganizationId,
    pub periods: Vec<OrganizationPeriod>,
    /// Its last day, when it closed.
    pub closed_on: Option<NaiveDate>,
    pub closing_decision: Option<String>,
    pub merged_into_id: Option<OrganizationId>,
}

/// The kinds of the tree and the parents each may have.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationKindRule {
    pub kind: OrganizationKind,
    pub parents: Vec<OrganizationKind>,
    pub subkinds: Option<Vec<&'static str>>,
}

fn tree_error(field: &str, e: TreeChangeError) -> ApiError {
    let code = match e {
        TreeChangeError::ParentKind { .. } => "parent_kind",
        TreeChangeError::Cycle => "cycle",
        TreeChangeError::BeforeLatest { .. } => "before_latest_change",
        TreeChangeError::InTheFuture { .. } => "in_the_future",
        TreeChangeError::Closed { .. } => "closed",
    };
    ApiError::invalid_field(field, code, e.to_string())
}

fn check_subkind(kind: OrganizationKind, subkind: Option<&str>) -> Result<(), ApiError> {
    match (kind.subkinds(), subkind) {
        (Some(allowed), Some(s)) if allowed.contains(&s) => Ok(()),
        (Some(allowed), _) => Err(ApiError::invalid_field(
            "subkind",
            "invalid",
            format!("a {kind} is one of: {}", allowed.join(", ")),
        )),
        (None, None) => Ok(()),
        (None, Some(_)) => Err(ApiError::invalid_field(
            "subkind",
            "invalid",
            format!("a {kind} has no subkind"),
        )),
    }
}

fn check_date(field: &str, day: NaiveDate) -> Result<(), ApiError> {
    check_record_date(day)
        .map_err(|range| ApiError::invalid_field(field, "out_of_range", range.to_string()))
}

fn today() -> NaiveDate {
    local_day(centers_db::now())
}

/// An organization of the tree the caller administers; party organizations are managed
/// through their own resource.
fn unit_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<OrganizationRow, ApiError> {
    let row = orgs::find_in_scope(conn, id, None, &caller.scope())?.ok_or(ApiError::NotFound)?;
    if row.kind == OrganizationKind::PartyOrganization {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

/// A parent named in a request: in scope, open, of a kind that may hold `kind`.
fn parent_for(
    conn: &mut DbConnection,
    caller: &Caller,
    field: &str,
    id: OrganizationId,
    kind: OrganizationKind,
) -> Result<OrganizationRow, ApiError> {
    let parent = orgs::find_in_scope(conn, id, None, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(field, "unknown", "no such organization in your scope")
    })?;
    check_parent(kind, parent.kind).map_err(|e| tree_error(field, e))?;
    // A closed unit takes no new child at any date: the child would outlive it.
    if let Some(closed) = parent.valid_to {
        return Err(tree_error(field, TreeChangeError::Closed { closed }));
    }
    Ok(parent)
}

/// The center named to serve a party committee: only a committee has one; open, in scope.
fn serving_center(
    conn: &mut DbConnection,
    caller: &Caller,
    kind: OrganizationKind,
    id: OrganizationId,
) -> Result<(OrganizationId, String), ApiError> {
    if kind != OrganizationKind::PartyCommittee {
        return Err(ApiError::invalid_field(
            "center_id",
            "not_served",
            format!("only a party committee is served by a center, not a {kind}"),
        ));
    }
    let center = orgs::find_in_scope(conn, id, Some(OrganizationKind::Center), &caller.scope())?
        .ok_or_else(|| {
            ApiError::invalid_field("center_id", "unknown", "no such center in your scope")
        })?;
    if let Some(closed) = center.valid_to {
        return Err(tree_error("center_id", TreeChangeError::Closed { closed }));
    }
    Ok((center.id, center.path))
}

/// Locks the province's row: structural changes of one province run one at a time.
fn lock_tree(conn: &mut DbConnection, row: &OrganizationRow) -> Result<(), ApiError> {
    let root = row
        .path
        .split('/')
        .find(|s| !s.is_empty())
        .and_then(|s| s.parse::<uuid::Uuid>().ok())
        .ok_or_else(|| ApiError::Internal(format!("organization {} has no root", row.id)))?;
    orgs::lock(conn, OrganizationId(root))?;
    Ok(())
}

/// A unit for a structural change: found in scope, its province's tree locked, then read again
/// under the lock (an earlier change may have moved it or closed it).
fn locked_unit(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<OrganizationRow, ApiError> {
    let unit = unit_in_scope(conn, caller, id)?;
    lock_tree(conn, &unit)?;
    unit_in_scope(conn, caller, id)
}

fn record(
    conn: &mut DbConnection,
    caller: &Caller,
    before: Option<&OrganizationRow>,
    after: &OrganizationRow,
    action: AuditAction,
) -> Result<Organization, ApiError> {
    let dto = Organization::from(after.clone());
    let write = match before {
        None => Write::create(EntityKind::Organization, after.id, &after.path, &dto),
        Some(b) => Write::update(
            EntityKind::Organization,
            after.id,
            &after.path,
            &Organization::from(b.clone()),
            &dto,
        ),
    };
    writes::record(conn, &caller.audit(), write.action(action))?;
    Ok(dto)
}

pub fn kinds() -> Vec<OrganizationKindRule> {
    OrganizationKind::ALL
        .iter()
        .map(|k| OrganizationKindRule {
            kind: *k,
            parents: k.allowed_parents().to_vec(),
            subkinds: k.subkinds().map(<[&str]>::to_vec),
        })
        .collect()
}

pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreateOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    // The province is seeded; party organizations have their own resource.
    if !b.kind.is_tree_unit() || b.kind == OrganizationKind::Province {
        return Err(ApiError::invalid_field(
            "kind",
            "not_creatable",
            "party organizations are created at /party-organizations; a province by `centers seed`",
        ));
    }
    let mut errors = Vec::<FieldError>::new();
    let name = parse_org_name(&b.name);
    if name.is_none() {
        errors.push(FieldError::new("name", "invalid", "1 to 300 characters"));
    }
    if let Err(ApiError::Validation(mut e)) = check_subkind(b.kind, b.subkind.as_deref()) {
        errors.append(&mut e);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let name = name.unwrap_or_default();
    check_length("code", b.code.as_deref(), 32)?;
    check_length("decision", b.decision.as_deref(), 300)?;
    check_length("note", b.note.as_deref(), 2000)?;
    check_length("external_id", b.external_id.as_deref(), 100)?;
    check_date("valid_from", b.valid_from)?;
    let parent = parent_for(conn, caller, "parent_id", b.parent_id, b.kind)?;
    let center = b
        .center_id
        .map(|c| serving_center(conn, caller, b.kind, c))
        .transpose()?;
    lock_tree(conn, &parent)?;
    let row = orgs::insert(
        conn,
        NewOrganization {
            kind: b.kind,
            subkind: b.subkind,
            parent: Some((parent.id, parent.path.clone())),
            center,
            code: clean_text(b.code.as_deref()),
            name,
            valid_from: Some(b.valid_from),
            valid_to: None,
            note: clean_text(b.note.as_deref()),
            external_id: clean_text(b.external_id.as_deref()),
        },
    )?;
    if let Some(decision) = clean_text(b.decision.as_deref()) {
        periods::record(conn, &row, b.valid_from, Some(&decision))?;
    }
    record(conn, caller, None, &row, AuditAction::Create)
}

pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    expected: IfMatch,
    b: UpdateOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    let current = unit_in_scope(conn, caller, id)?;
    check_if_match(&expected, current.version)?;
    let name = match &b.name {
        Some(raw) => Some(
            parse_org_name(raw)
                .ok_or_else(|| ApiError::invalid_field("name", "invalid", "1 to 300 characters"))?,
        ),
        None => None,
    };
    if b.subkind.is_some() {
        check_subkind(current.kind, b.subkind.as_deref())?;
    }
    check_length("code", b.code.as_deref(), 32)?;
    let note = b.note.into_change();
    let external_id = b.external_id.into_change();
    let center = match b.center_id.into_change() {
        None => None,
        Some(None) if current.kind != OrganizationKind::PartyCommittee => {
            return Err(ApiError::invalid_field(
                "center_id",
                "not_served",
                format!(
                    "only a party committee is served by a center, not a {}",
                    current.kind
                ),
            ))
        }
        Some(None) => Some(None),
        Some(Some(c)) => Some(Some(serving_center(conn, caller, current.kind, c)?)),
    };
    check_length("note", note.as_ref().and_then(|n| n.as_deref()), 2000)?;
    check_length(
        "external_id",
        external_id.as_ref().and_then(|e| e.as_deref()),
        100,
    )?;
    let after = orgs::update(
        conn,
        &current,
        OrganizationChanges {
            name,
            code: b.code.as_deref().and_then(|c| clean_text(Some(c))),
            subkind: b.subkind,
            external_id: external_id.map(|e| clean_text(e.as_deref())),
            note: note.map(|n| clean_text(n.as_deref())),
            center,
            ..OrganizationChanges::default()
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    periods::correct_latest(conn, &after)?;
    record(conn, caller, Some(&current), &after, AuditAction::Update)
}

/// Checks that a dated change may take effect on `on` for `row`.
fn check_dated(
    conn: &mut DbConnection,
    row: &OrganizationRow,
    field: &str,
    on: NaiveDate,
) -> Result<(), ApiError> {
    check_date(field, on)?;
    let latest = periods::latest(conn, row.id)?.map_or(orgs::EARLIEST, |p: PeriodRow| p.valid_from);
    check_effective_date(on, latest, row.valid_to, today()).map_err(|e| tree_error(field, e))
}

pub fn rename(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    b: RenameOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    let current = locked_unit(conn, caller, id)?;
    let name = parse_org_name(&b.name)
        .ok_or_else(|| ApiError::invalid_field("name", "invalid", "1 to 300 characters"))?;
    let subkind = b.subkind.or_else(|| current.subkind.clone());
    check_subkind(current.kind, subkind.as_deref())?;
    check_length("decision", b.decision.as_deref(), 300)?;
    check_dated(conn, &current, "effective_from", b.effective_from)?;
    let after = orgs::update(
        conn,
        &current,
        OrganizationChanges {
            name: Some(name),
            subkind,
            ..OrganizationChanges::default()
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    periods::record(
        conn,
        &after,
        b.effective_from,
        clean_text(b.decision.as_deref()).as_deref(),
    )?;
    record(conn, caller, Some(&current), &after, AuditAction::Rename)
}

/// Moves `row` under `parent` from `on` (the tree is locked and both were read under the lock).
fn move_under(
    conn: &mut DbConnection,
    caller: &Caller,
    row: &OrganizationRow,
    parent: &OrganizationRow,
    on: NaiveDate,
    decision: Option<&str>,
) -> Result<OrganizationRow, ApiError> {
    check_no_cycle(&row.path, &parent.path).map_err(|e| tree_error("parent_id", e))?;
    let after = orgs::update(
        conn,
        row,
        OrganizationChanges {
            parent: Some((parent.id, parent.path.clone())),
            ..OrganizationChanges::default()
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    periods::record(conn, &after, on, decision)?;
    record(conn, caller, Some(row), &after, AuditAction::Move)?;
    Ok(after)
}

pub fn move_to(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    b: MoveOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    let current = locked_unit(conn, caller, id)?;
    check_length("decision", b.decision.as_deref(), 300)?;
    check_dated(conn, &current, "effective_from", b.effective_from)?;
    let parent = parent_for(conn, caller, "parent_id", b.parent_id, current.kind)?;
    let decision = clean_text(b.decision.as_deref());
    let after = move_under(
        conn,
        caller,
        &current,
        &parent,
        b.effective_from,
        decision.as_deref(),
    )?;
    Ok(Organization::from(after))
}

/// Closes `row` on `last_day` after disposing of each open child as `children` says; an open
/// child not named is a 409 that names it.
fn close_with_children(
    conn: &mut DbConnection,
    caller: &Caller,
    row: &OrganizationRow,
    closing: Closing,
    children: &[ChildDisposal],
    default_move_to: Option<OrganizationId>,
) -> Result<OrganizationRow, ApiError> {
    let last_day = closing.valid_to;
    check_dated(conn, row, "valid_to", last_day)?;
    let next_day = last_day
        .checked_add_days(Days::new(1))
        .ok_or_else(|| ApiError::invalid_field("valid_to", "out_of_range", "too late"))?;
    let open: Vec<OrganizationRow> = orgs::open_children(conn, row.id, last_day)?;
    let unnamed: Vec<String> = open
        .iter()
        .filter(|c| !children.iter().any(|d| d.id == c.id))
        .map(|c| format!("{} ({})", c.name, c.id))
        .collect();
    if !unnamed.is_empty() {
        return Err(ApiError::Conflict {
            detail: format!(
                "{} has open children; move or close them in the same request: {}",
                row.name,
                unnamed.join("; ")
            ),
            current_state: Some("open_children".into()),
            allowed_actions: None,
        });
    }
    for (i, disposal) in children.iter().enumerate() {
        let field = format!("children[{i}].id");
        let Some(child) = open.iter().find(|c| c.id == disposal.id) else {
            return Err(ApiError::invalid_field(
                &field,
                "not_an_open_child",
                "not an open child of this organization",
            ));
        };
        match disposal.move_to.or(default_move_to) {
            Some(target) => {
                let parent = parent_for(
                    conn,
                    caller,
                    &format!("children[{i}].move_to"),
                    target,
                    child.kind,
                )?;
                move_under(
                    conn,
                    caller,
                    child,
                    &parent,
                    next_day,
                    closing.decision.as_deref(),
                )?;
            }
            None => {
                close_with_children(
                    conn,
                    caller,
                    child,
                    Closing {
                        merged_into: None,
                        ..closing.clone()
                    },
                    &[],
                    None,
                )
                .map_err(|e| match e {
                    ApiError::Conflict { detail, .. } => ApiError::Conflict {
                        detail: format!("closing {}: {detail}", child.name),
                        current_state: Some("open_children".into()),
                        allowed_actions: None,
                    },
                    other => other,
                })?;
            }
        }
    }
    let action = if closing.merged_into.is_some() {
        AuditAction::Merge
    } else {
        AuditAction::Close
    };
    let after = orgs::update(
        conn,
        row,
        OrganizationChanges {
            closed: Some(closing),
            ..OrganizationChanges::default()
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    record(conn, caller, Some(row), &after, action)?;
    Ok(after)
}

pub fn close(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    b: CloseOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    let current = locked_unit(conn, caller, id)?;
    check_length("decision", b.decision.as_deref(), 300)?;
    let closing = Closing {
        valid_to: b.valid_to,
        decision: clean_text(b.decision.as_deref()),
        merged_into: None,
    };
    let after = close_with_children(conn, caller, &current, closing, &b.children, None)?;
    Ok(Organization::from(after))
}

pub fn merge(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    b: MergeOrganization,
) -> Result<Organization, ApiError> {
    caller.require_permission(Permission::ManageOrganizations)?;
    let current = locked_unit(conn, caller, id)?;
    check_length("decision", b.decision.as_deref(), 300)?;
    let into = orgs::find_in_scope(conn, b.into, None, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field("into", "unknown", "no such organization in your scope")
    })?;
    if into.id == current.id || into.kind != current.kind {
        return Err(ApiError::invalid_field(
            "into",
            "invalid",
            format!("a {} merges into another {}", current.kind, current.kind),
        ));
    }
    if into.valid_to.is_some() {
        return Err(ApiError::invalid_field("into", "closed", "it is closed"));
    }
    let closing = Closing {
        valid_to: b.valid_to,
        decision: clean_text(b.decision.as_deref()),
        merged_into: Some(into.id),
    };
    let after = close_with_children(conn, caller, &current, closing, &b.children, Some(into.id))?;
    Ok(Organization::from(after))
}

pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<OrganizationHistory, ApiError> {
    caller.require_permission(Permission::ReadOrganizations)?;
    let row = orgs::find_in_scope(conn, id, None, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let rows = periods::history(conn, row.id)?;
    let mut out = Vec::with_capacity(rows.len());
    for (i, p) in rows.iter().enumerate() {
        let valid_to = match rows.get(i + 1) {
            Some(next) => next.valid_from.pred_opt(),
            None => row.valid_to,
        };
        out.push(OrganizationPeriod {
            valid_from: p.valid_from,
            valid_to,
            name: p.name.clone(),
            kind: p.kind,
            subkind: p.subkind.clone(),
            parent_id: p.parent_id,
            decision: p.decision.clone(),
        });
    }
    Ok(OrganizationHistory {
        id: row.id,
        periods: out,
        closed_on: row.valid_to,
        closing_decision: row.closing_decision,
        merged_into_id: row.merged_into_id,
    })
}
