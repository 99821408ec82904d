//! Organizations: the province's tree of units, centers and party organizations.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::organizations;
use crate::{DbConnection, MultiBackend};
use crate::{OrganizationId, Scope};
use centers_domain::organizations::OrganizationKind;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// An organization as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = organizations)]
pub struct OrganizationRow {
    pub id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub kind: OrganizationKind,
    pub subkind: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub center_id: Option<OrganizationId>,
    pub path: String,
    pub code: Option<String>,
    pub name: String,
    pub search_text: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
    pub external_id: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The decision that closed it (with `valid_to`, its last day).
    pub closing_decision: Option<String>,
    /// The organization it was merged into when it closed.
    pub merged_into_id: Option<OrganizationId>,
    /// Where it is served from: the path of its center (`center_id`) for a party organization
    /// or a party committee a center serves, its own path otherwise. A scope reaches an
    /// organization through either path ([`crate::scope::reaches`]).
    pub service_path: String,
}

/// A new organization. `path` is derived from the parent's path by [`insert`].
#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub kind: OrganizationKind,
    pub subkind: Option<String>,
    pub parent: Option<(OrganizationId, String)>,
    /// The center that serves it (id and path): for a party organization, and for a party
    /// committee whose organizations a center trains.
    pub center: Option<(OrganizationId, String)>,
    pub code: Option<String>,
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
    pub external_id: Option<String>,
}

/// Inserts an organization and its first period (from its `valid_from`). The name is stored NFC
/// and its folded form feeds search.
pub fn insert(conn: &mut DbConnection, new: NewOrganization) -> QueryResult<OrganizationRow> {
    let id = OrganizationId::generate();
    let now = crate::now();
    let name = centers_domain::text::normalize(&new.name);
    let path = match &new.parent {
        Some((_, parent_path)) => format!("{parent_path}{id}/"),
        None => format!("/{id}/"),
    };
    let row: OrganizationRow = diesel::insert_into(organizations::table)
        .values((
            organizations::id.eq(id),
            organizations::kind.eq(new.kind.as_str()),
            organizations::subkind.eq(new.subkind),
            organizations::parent_id.eq(new.parent.as_ref().map(|p| p.0)),
            organizations::center_id.eq(new.center.as_ref().map(|c| c.0)),
            organizations::service_path.eq(new.center.map_or_else(|| path.clone(), |c| c.1)),
            organizations::path.eq(&path),
            organizations::code.eq(new.code),
            organizations::search_text.eq(centers_domain::text::fold(&name)),
            organizations::name.eq(name),
            organizations::valid_from.eq(new.valid_from),
            organizations::valid_to.eq(new.valid_to),
            organizations::note.eq(new.note),
            organizations::external_id.eq(new.external_id),
            organizations::version.eq(1),
            organizations::created_at.eq(now),
            organizations::updated_at.eq(now),
        ))
        .returning(organizations::all_columns)
        .get_result(conn)?;
    crate::organization_periods::record(conn, &row, row.valid_from.unwrap_or(EARLIEST), None)?;
    Ok(row)
}

/// The day a period starts when the tree does not say when an organization opened: the first
/// date a record may carry (`domain::validity`).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1945, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Which organizations a query may see and return.
#[derive(Debug, Clone)]
pub struct OrganizationFilter {
    /// The caller's scope: only organizations whose path starts with it. Required.
    pub scope: Scope,
    pub kind: Option<OrganizationKind>,
    pub parent_id: Option<OrganizationId>,
    pub center_id: Option<OrganizationId>,
    /// Free text, matched against the folded name.
    pub q: Option<String>,
    /// Only organizations valid on this date.
    pub as_of: Option<NaiveDate>,
    /// Only the organization with this id in its source system.
    pub external_id: Option<String>,
}

impl OrganizationFilter {
    /// Everything in `scope`, with no other filter.
    pub fn in_scope(scope: Scope) -> OrganizationFilter {
        OrganizationFilter {
            scope,
            kind: None,
            parent_id: None,
            center_id: None,
            q: None,
            as_of: None,
            external_id: None,
        }
    }
}

/// Sort keys for organization lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganizationSort {
    /// By folded name, so that "Đông Sơn" sorts among the d's.
    Name,
    /// By code (GSO code for units, the center's own code for party organizations).
    Code,
}

type BoxedOrgQuery<'a> = organizations::BoxedQuery<'a, MultiBackend>;

fn filtered(filter: &OrganizationFilter) -> BoxedOrgQuery<'static> {
    let mut q = organizations::table
        .into_boxed::<MultiBackend>()
        .filter(crate::scope::reaches(&filter.scope));
    if let Some(kind) = filter.kind {
        q = q.filter(organizations::kind.eq(kind.as_str()));
    }
    match (filter.parent_id, filter.as_of) {
        (Some(parent), Some(day)) => {
            // The children *then*: organizations whose period in force that day had this
            // parent (a unit since moved away is still listed under its old parent for a past
            // day, and one moved in later is not).
            use diesel::sql_types::{Bool, Date};
            q = q.filter(
                diesel::dsl::sql::<Bool>(
                    "organizations.id IN (SELECT p.organization_id FROM organization_periods p \
                     WHERE p.parent_id = ",
                )
                .bind::<crate::types::PortableUuid, _>(parent)
                .sql(" AND p.valid_from <= ")
                .bind::<Date, _>(day)
                .sql(
                    " AND NOT EXISTS (SELECT 1 FROM organization_periods n \
                     WHERE n.organization_id = p.organization_id \
                     AND n.valid_from > p.valid_from AND n.valid_from <= ",
                )
                .bind::<Date, _>(day)
                .sql("))"),
            );
        }
        (Some(parent), None) => q = q.filter(organizations::parent_id.eq(parent)),
        (None, _) => {}
    }
    if let Some(center) = filter.center_id {
        q = q.filter(organizations::center_id.eq(center));
    }
    if let Some(text) = filter.q.as_deref().filter(|t| !t.trim().is_empty()) {
        q = q.filter(
            organizations::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    if let Some(external) = &filter.external_id {
        q = q.filter(organizations::external_id.eq(external.clone()));
    }
    if let Some(day) = filter.as_of {
        q = q
            .filter(
                organizations::valid_from
                    .is_null()
                    .or(organizations::valid_from.le(day)),
            )
            .filter(
                organizations::valid_to
                    .is_null()
                    .or(organizations::valid_to.ge(day)),
            );
    }
    q
}

/// Reads one page of organizations and the exact total under the same filter.
pub fn list(
    conn: &mut DbConnection,
    filter: &OrganizationFilter,
    page: &PageRequest<OrganizationSort>,
) -> QueryResult<Page<OrganizationRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter);

    match page.sort {
        OrganizationSort::Name => {
            crate::keyset_page!(q, page, organizations::search_text, organizations::id)
        }
        OrganizationSort::Code => {
            crate::keyset_page!(q, page, organizations::code, organizations::id)
        }
    }
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load::<OrganizationRow>(conn)?;
    let sort = page.sort;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: match sort {
            OrganizationSort::Name => r.search_text.clone(),
            OrganizationSort::Code => r.code.clone().unwrap_or_default(),
        },
        id: r.id.into(),
    }))
}

/// Up to `limit` organizations under `filter`, in id order (a small set: a center's committees).
pub fn matching(
    conn: &mut DbConnection,
    filter: &OrganizationFilter,
    limit: i64,
) -> QueryResult<Vec<OrganizationRow>> {
    filtered(filter)
        .order(organizations::id.asc())
        .limit(limit)
        .load(conn)
}

/// Finds an organization of `kind` (any kind when `None`) by id, inside `scope`.
pub fn find_in_scope(
    conn: &mut DbConnection,
    id: OrganizationId,
    kind: Option<OrganizationKind>,
    scope: &Scope,
) -> QueryResult<Option<OrganizationRow>> {
    let filter = OrganizationFilter {
        kind,
        ..OrganizationFilter::in_scope(scope.clone())
    };
    filtered(&filter)
        .filter(organizations::id.eq(id))
        .first(conn)
        .optional()
}

/// An organization by id whatever the caller's scope: for the server's own use (the command line,
/// decorating rows already authorized), never to answer a caller's read.
pub fn find_unscoped(
    conn: &mut DbConnection,
    id: OrganizationId,
) -> QueryResult<Option<OrganizationRow>> {
    organizations::table
        .filter(organizations::id.eq(id))
        .first(conn)
        .optional()
}

/// The parent of an organization (a center's district), whatever the caller's scope.
pub fn parent_of_unscoped(
    conn: &mut DbConnection,
    id: OrganizationId,
) -> QueryResult<Option<OrganizationId>> {
    Ok(find_unscoped(conn, id)?.and_then(|o| o.parent_id))
}

/// Loads organizations by id (no scope: used to decorate rows already authorized).
pub fn by_ids(
    conn: &mut DbConnection,
    ids: &[OrganizationId],
) -> QueryResult<Vec<OrganizationRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    organizations::table
        .filter(organizations::id.eq_any(ids.to_vec()))
        .load(conn)
}

/// Loads the children of the given parents of one kind (e.g. each district's center).
pub fn children_of(
    conn: &mut DbConnection,
    parent_ids: &[OrganizationId],
    kind: OrganizationKind,
) -> QueryResult<Vec<OrganizationRow>> {
    if parent_ids.is_empty() {
        return Ok(Vec::new());
    }
    organizations::table
        .filter(organizations::parent_id.eq_any(parent_ids.to_vec()))
        .filter(organizations::kind.eq(kind.as_str()))
        .order(organizations::search_text.asc())
        .load(conn)
}

/// The first organization of `kind` ever created (the province: a database holds one).
pub fn first_of_kind(
    conn: &mut DbConnection,
    kind: OrganizationKind,
) -> QueryResult<Option<OrganizationRow>> {
    organizations::table
        .filter(organizations::kind.eq(kind.as_str()))
        .order(organizations::created_at.asc())
        .first(conn)
        .optional()
}

/// Finds a unit by kind and code (the seed's natural key).
pub fn find_by_code(
    conn: &mut DbConnection,
    kind: OrganizationKind,
    code: &str,
) -> QueryResult<Option<OrganizationRow>> {
    organizations::table
        .filter(organizations::kind.eq(kind.as_str()))
        .filter(organizations::code.eq(code))
        .first(conn)
        .optional()
}

/// Finds the first organization of `kind` directly under `parent_id`.
pub fn find_child_of_kind(
    conn: &mut DbConnection,
    parent_id: OrganizationId,
    kind: OrganizationKind,
) -> QueryResult<Option<OrganizationRow>> {
    organizations::table
        .filter(organizations::parent_id.eq(parent_id))
        .filter(organizations::kind.eq(kind.as_str()))
        .order(organizations::id.asc())
        .first(conn)
        .optional()
}

/// Changes to an organization; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct OrganizationChanges {
    pub name: Option<String>,
    pub code: Option<String>,
    pub subkind: Option<String>,
    pub external_id: Option<Option<String>>,
    /// A new parent: its id and path. The subtree's paths are rewritten.
    pub parent: Option<(OrganizationId, String)>,
    /// A new serving center (id and path), or none (served from where it is): a party
    /// committee's. Its own row only; its party organizations keep theirs.
    pub center: Option<Option<(OrganizationId, String)>>,
    pub note: Option<Option<String>>,
    /// Closing: the last day, the decision, the organization merged into.
    pub closed: Option<Closing>,
}

/// How an organization closed.
#[derive(Debug, Clone)]
pub struct Closing {
    pub valid_to: NaiveDate,
    pub decision: Option<String>,
    pub merged_into: Option<OrganizationId>,
}

#[derive(AsChangeset)]
#[diesel(table_name = organizations)]
struct OrganizationChangeset {
    name: Option<String>,
    search_text: Option<String>,
    code: Option<String>,
    subkind: Option<String>,
    external_id: Option<Option<String>>,
    parent_id: Option<OrganizationId>,
    center_id: Option<Option<OrganizationId>>,
    service_path: Option<String>,
    note: Option<Option<String>>,
    valid_to: Option<Option<NaiveDate>>,
    closing_decision: Option<Option<String>>,
    merged_into_id: Option<Option<OrganizationId>>,
    version: i32,
    updated_at: NaiveDateTime,
}

/// Applies changes when the row still has `expected_version`; returns `None` if it does not.
pub fn update(
    conn: &mut DbConnection,
    current: &OrganizationRow,
    changes: OrganizationChanges,
) -> QueryResult<Option<OrganizationRow>> {
    let name = changes.name.map(|n| centers_domain::text::normalize(&n));
    let set = OrganizationChangeset {
        search_text: name.as_deref().map(centers_domain::text::fold),
        name,
        code: changes.code,
        subkind: changes.subkind,
        external_id: changes.external_id,
        parent_id: changes.parent.as_ref().map(|p| p.0),
        center_id: changes.center.as_ref().map(|c| c.as_ref().map(|c| c.0)),
        service_path: changes.center.as_ref().map(|c| {
            c.as_ref()
                .map_or_else(|| current.path.clone(), |c| c.1.clone())
        }),
        note: changes.note,
        valid_to: changes.closed.as_ref().map(|c| Some(c.valid_to)),
        closing_decision: changes.closed.as_ref().map(|c| c.decision.clone()),
        merged_into_id: changes.closed.as_ref().map(|c| c.merged_into),
        version: current.version + 1,
        updated_at: crate::now(),
    };
    let n = diesel::update(
        organizations::table
            .filter(organizations::id.eq(current.id))
            .filter(organizations::version.eq(current.version)),
    )
    .set(set)
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    if let Some((_, parent_path)) = changes.parent {
        let new_path = format!("{parent_path}{}/", current.id);
        move_subtree(conn, &current.path, &new_path)?;
    }
    organizations::table
        .filter(organizations::id.eq(current.id))
        .first(conn)
        .optional()
}

/// Rewrites the paths of a node and its descendants after a move, and the scope paths of their
/// change events: the feed is filtered by the path each event was recorded under, so a subtree
/// that moves keeps its history visible to whoever now has it in scope (and only to them).
/// Service paths follow too: what a moved center serves is served from its new path.
fn move_subtree(conn: &mut DbConnection, old: &str, new: &str) -> QueryResult<()> {
    use diesel::sql_types::{Integer, Text};
    let old_len = i32::try_from(old.chars().count()).unwrap_or(i32::MAX);
    for statement in [
        "UPDATE organizations SET path = $1 || substr(path, $2) WHERE path LIKE $3",
        "UPDATE organizations SET service_path = $1 || substr(service_path, $2) \
         WHERE service_path LIKE $3",
        "UPDATE change_events SET scope_path = $1 || substr(scope_path, $2) WHERE scope_path LIKE $3",
        "UPDATE change_events SET service_path = $1 || substr(service_path, $2) \
         WHERE service_path LIKE $3",
    ] {
        diesel::sql_query(statement)
            .bind::<Text, _>(new)
            .bind::<Integer, _>(old_len + 1)
            .bind::<Text, _>(format!("{old}%"))
            .execute(conn)?;
    }
    Ok(())
}

/// Deletes an organization row.
/// Deletes an organization if it still has the version read (1 row), else nothing (0): of
/// concurrent deletes with the same `If-Match` exactly one deletes, on PostgreSQL too (the others
/// wait for its row lock, then find no row).
pub fn delete(conn: &mut DbConnection, id: OrganizationId, version: i32) -> QueryResult<usize> {
    diesel::delete(
        organizations::table
            .filter(organizations::id.eq(id))
            .filter(organizations::version.eq(version)),
    )
    .execute(conn)
}

/// Locks an organization's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
/// writers are serialized): moves inside its subtree are checked for cycles one at a time.
pub fn lock(conn: &mut DbConnection, id: OrganizationId) -> QueryResult<()> {
    crate::lock_rows!(
        conn,
        organizations::table
            .filter(organizations::id.eq(id))
            .select(organizations::id)
    )
    .map(|_| ())
}

/// The children of an organization still open after `last_day` (a unit closing on that day
/// must dispose of them).
pub fn open_children(
    conn: &mut DbConnection,
    id: OrganizationId,
    last_day: NaiveDate,
) -> QueryResult<Vec<OrganizationRow>> {
    organizations::table
        .filter(organizations::parent_id.eq(id))
        .filter(
            organizations::valid_to
                .is_null()
                .or(organizations::valid_to.gt(last_day)),
        )
        .order(organizations::search_text.asc())
        .load(conn)
}

/// How many organizations have this one as parent.
pub fn count_children(conn: &mut DbConnection, id: OrganizationId) -> QueryResult<i64> {
    organizations::table
        .filter(organizations::parent_id.eq(id))
        .count()
        .get_result(conn)
}

/// A party organization with this code in this center, other than `except`.
pub fn party_code_taken(
    conn: &mut DbConnection,
    center: OrganizationId,
    code: &str,
    except: Option<OrganizationId>,
) -> QueryResult<bool> {
    let mut q = organizations::table
        .filter(organizations::kind.eq(OrganizationKind::PartyOrganization.as_str()))
        .filter(organizations::center_id.eq(center))
        .filter(organizations::code.eq(code))
        .into_boxed::<MultiBackend>();
    if let Some(id) = except {
        q = q.filter(organizations::id.ne(id));
    }
    let n: i64 = q.count().get_result(conn)?;
    Ok(n > 0)
}
