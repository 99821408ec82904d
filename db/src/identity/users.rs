//! User accounts and the subjects tokens are checked against.

use super::*;
use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{organizations, service_clients, users};
use crate::{ClientId, DbConnection, MultiBackend, OrganizationId, Scope, UserId};
use centers_domain::access::{ClientAccess, Principal, Role};
use centers_domain::organizations::OrganizationKind;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A user account as stored (the hash never leaves the `api` crate's auth code).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub scope_id: OrganizationId,
    pub security_stamp: String,
    pub deactivated_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Folded username and display name, for `q`.
    pub search_text: String,
}

/// The search key of an account: its username and display name, folded.
pub(crate) fn user_search_text(username: &str, display_name: &str) -> String {
    centers_domain::text::fold(&format!("{username} {display_name}"))
}

/// What the auth extractor needs to know about a token's subject.
#[derive(Debug, Clone)]
pub struct Subject {
    pub name: String,
    /// A user's role or a client's access, as stored now (a token names the one it was issued
    /// for; they must agree).
    pub principal: Principal,
    pub scope_id: OrganizationId,
    pub scope_path: String,
    pub scope_kind: OrganizationKind,
    pub security_stamp: String,
}

/// A stored value this version does not know: a fault naming the row, never a guess.
fn unknown(what: &str, id: impl std::fmt::Display, value: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(
        format!("{what} of {id}: unknown value {value:?}").into(),
    )
}

/// A new security stamp: changing it revokes every access token issued before.
pub fn new_stamp() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// The active user with this id, with its scope.
pub fn active_user_subject(conn: &mut DbConnection, id: UserId) -> QueryResult<Option<Subject>> {
    users::table
        .inner_join(organizations::table)
        .filter(users::id.eq(id))
        .filter(users::deactivated_at.is_null())
        .select((
            users::username,
            users::role,
            users::scope_id,
            organizations::path,
            organizations::kind,
            users::security_stamp,
        ))
        .first::<(String, String, OrganizationId, String, String, String)>(conn)
        .optional()
        .and_then(|r| {
            r.map(
                |(name, role, scope_id, scope_path, scope_kind, security_stamp)| {
                    Ok(Subject {
                        name,
                        principal: Principal::User(
                            role.parse::<Role>()
                                .map_err(|_| unknown("role", id, &role))?,
                        ),
                        scope_id,
                        scope_path,
                        scope_kind: scope_kind
                            .parse()
                            .map_err(|_| unknown("scope kind", id, &scope_kind))?,
                        security_stamp,
                    })
                },
            )
            .transpose()
        })
}

/// The unrevoked client with this id, with its scope.
pub fn active_client_subject(
    conn: &mut DbConnection,
    id: ClientId,
) -> QueryResult<Option<Subject>> {
    service_clients::table
        .inner_join(organizations::table)
        .filter(service_clients::id.eq(id))
        .filter(service_clients::revoked_at.is_null())
        .select((
            service_clients::name,
            service_clients::access,
            service_clients::scope_id,
            organizations::path,
            organizations::kind,
        ))
        .first::<(String, String, OrganizationId, String, String)>(conn)
        .optional()
        .and_then(|r| {
            r.map(|(name, access, scope_id, scope_path, scope_kind)| {
                Ok(Subject {
                    name,
                    principal: Principal::Client(
                        access
                            .parse::<ClientAccess>()
                            .map_err(|_| unknown("access", id, &access))?,
                    ),
                    scope_id,
                    scope_path,
                    scope_kind: scope_kind
                        .parse()
                        .map_err(|_| unknown("scope kind", id, &scope_kind))?,
                    security_stamp: String::new(),
                })
            })
            .transpose()
        })
}

/// How many accounts exist (bootstrap runs only on an empty table).
pub fn count_users(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub scope_id: OrganizationId,
}

pub fn insert_user(conn: &mut DbConnection, new: NewUser) -> QueryResult<UserRow> {
    crate::insert_versioned!(
        conn,
        users,
        (
            users::id.eq(crate::new_id()),
            users::search_text.eq(user_search_text(&new.username, &new.display_name)),
            users::username.eq(new.username),
            users::display_name.eq(new.display_name),
            users::password_hash.eq(new.password_hash),
            users::role.eq(new.role),
            users::scope_id.eq(new.scope_id),
            users::security_stamp.eq(new_stamp()),
        )
    )
}

pub fn find_user_by_username(
    conn: &mut DbConnection,
    username: &str,
) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::username.eq(username))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// A user whose scope organization lies inside `scope`, or `None`.
pub fn find_user_in_scope(
    conn: &mut DbConnection,
    id: UserId,
    scope: &Scope,
) -> QueryResult<Option<UserRow>> {
    users::table
        .inner_join(organizations::table)
        .filter(users::id.eq(id))
        .filter(crate::scope::reaches(scope))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Filters for the user list.
#[derive(Debug, Clone)]
pub struct UserFilter {
    pub scope: Scope,
    pub role: Option<String>,
    pub scope_id: Option<OrganizationId>,
    /// Matches any part of the username or display name, ignoring case and diacritics.
    pub q: Option<String>,
}

/// Sort keys of the user list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSort {
    Username,
}

/// Users joined with their scope organization, filtered; shared by the count and the page query.
pub(crate) type UserQuery = diesel::helper_types::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<users::table, organizations::table>,
    MultiBackend,
>;

pub(crate) fn filtered_users(filter: &UserFilter) -> UserQuery {
    let mut q = users::table
        .inner_join(organizations::table)
        .into_boxed::<MultiBackend>()
        .filter(crate::scope::reaches(&filter.scope));
    if let Some(role) = &filter.role {
        q = q.filter(users::role.eq(role.clone()));
    }
    if let Some(scope) = filter.scope_id {
        q = q.filter(users::scope_id.eq(scope));
    }
    if let Some(text) = filter.q.as_deref().filter(|t| !t.trim().is_empty()) {
        q = q.filter(
            users::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    q
}

pub fn list_users(
    conn: &mut DbConnection,
    filter: &UserFilter,
    page: &PageRequest<UserSort>,
) -> QueryResult<Page<UserRow>> {
    let total = page.total(|| filtered_users(filter).count().get_result(conn))?;
    let mut q = filtered_users(filter).select(UserRow::as_select());
    if let Some(after) = &page.after {
        q = if page.descending {
            q.filter(users::username.lt(after.key.clone()))
        } else {
            q.filter(users::username.gt(after.key.clone()))
        };
    }
    q = if page.descending {
        q.order(users::username.desc())
    } else {
        q.order(users::username.asc())
    };
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    // Usernames are unique, so the username alone is a complete keyset.
    Ok(Page::from_rows(rows, page.limit, total, |u: &UserRow| {
        CursorKey {
            key: u.username.clone(),
            id: u.id.into(),
        }
    }))
}

/// Changes of an account's profile; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<String>,
    pub scope_id: Option<OrganizationId>,
    /// Derived from the display name by [`update_user`]; callers leave it `None`.
    pub search_text: Option<String>,
}

/// Applies changes if the row still has `expected_version`; bumps the version. Role or scope
/// changes also rotate the security stamp (outstanding tokens carry the old role and scope).
/// Returns `None` when the version did not match.
pub fn update_user(
    conn: &mut DbConnection,
    id: UserId,
    expected_version: i32,
    changes: &UserChanges,
) -> QueryResult<Option<UserRow>> {
    let stamp = if changes.role.is_some() || changes.scope_id.is_some() {
        Some(new_stamp())
    } else {
        None
    };
    let mut changes = changes.clone();
    if let Some(display_name) = &changes.display_name {
        let username: String = users::table
            .filter(users::id.eq(id))
            .select(users::username)
            .first(conn)?;
        changes.search_text = Some(user_search_text(&username, display_name));
    }
    let changes = &changes;
    let target = users::table
        .filter(users::id.eq(id))
        .filter(users::version.eq(expected_version));
    let updated =
        if changes.display_name.is_none() && changes.role.is_none() && changes.scope_id.is_none() {
            diesel::update(target)
                .set((
                    users::version.eq(users::version + 1),
                    users::updated_at.eq(crate::now()),
                ))
                .execute(conn)?
        } else {
            diesel::update(target)
                .set((
                    changes,
                    users::version.eq(users::version + 1),
                    users::updated_at.eq(crate::now()),
                ))
                .execute(conn)?
        };
    if updated == 0 {
        return Ok(None);
    }
    if let Some(stamp) = stamp {
        diesel::update(users::table.filter(users::id.eq(id)))
            .set(users::security_stamp.eq(stamp))
            .execute(conn)?;
    }
    users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Sets a new password hash, rotates the stamp (revoking every token) and revokes refresh tokens.
pub fn set_password(
    conn: &mut DbConnection,
    id: UserId,
    password_hash: &str,
) -> QueryResult<UserRow> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(password_hash),
            users::security_stamp.eq(new_stamp()),
            users::version.eq(users::version + 1),
            users::updated_at.eq(crate::now()),
        ))
        .execute(conn)?;
    revoke_user_refresh_tokens(conn, id)?;
    users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
}

/// Deactivates an account (its security stamp rotates and its refresh tokens are revoked, so
/// every token stops at once) or reactivates it (its tokens died at deactivation; an account that
/// is already active is left as it is, so that "activate" never logs anyone out).
pub fn set_active(conn: &mut DbConnection, id: UserId, active: bool) -> QueryResult<UserRow> {
    let now = crate::now();
    if active {
        diesel::update(
            users::table
                .filter(users::id.eq(id))
                .filter(users::deactivated_at.is_not_null()),
        )
        .set((
            users::deactivated_at.eq(None::<chrono::NaiveDateTime>),
            users::version.eq(users::version + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    } else {
        diesel::update(users::table.filter(users::id.eq(id)))
            .set((
                users::deactivated_at.eq(Some(now)),
                users::security_stamp.eq(new_stamp()),
                users::version.eq(users::version + 1),
                users::updated_at.eq(now),
            ))
            .execute(conn)?;
        revoke_user_refresh_tokens(conn, id)?;
    }
    users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
}

/// Rotates the stamp only: "log out everywhere".
pub fn rotate_stamp(conn: &mut DbConnection, id: UserId) -> QueryResult<()> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::security_stamp.eq(new_stamp()))
        .execute(conn)?;
    revoke_user_refresh_tokens(conn, id)
}

/// How many accounts have their scope at this organization.
pub fn count_users_scoped_at(conn: &mut DbConnection, org: OrganizationId) -> QueryResult<i64> {
    users::table
        .filter(users::scope_id.eq(org))
        .count()
        .get_result(conn)
}

/// The user with this id (no scope check: for the caller's own account).
pub fn find_user_by_id(conn: &mut DbConnection, id: UserId) -> QueryResult<UserRow> {
    users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
}

/// The active province administrators of `province`, locked until the transaction ends
/// (PostgreSQL: `FOR UPDATE`; SQLite's writers are serialized by `write_transaction`), so that two
/// administrators deactivating or demoting each other at once cannot both pass the
/// last-administrator check.
pub fn lock_active_province_admins(
    conn: &mut DbConnection,
    province: OrganizationId,
) -> QueryResult<Vec<UserId>> {
    crate::lock_rows!(
        conn,
        users::table
            .filter(users::role.eq(Role::ProvinceAdmin.as_str()))
            .filter(users::scope_id.eq(province))
            .filter(users::deactivated_at.is_null())
            .select(users::id)
    )
    .map(|ids| ids.into_iter().map(UserId::from).collect())
}
