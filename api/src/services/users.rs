//! User accounts: created and managed by province admins everywhere, by center admins for
//! lecturers and party-organization accounts inside their center. Passwords are hashed by the
//! handlers on the blocking pool before these functions run, so no connection waits on argon2.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use centers_db::identity::{self, NewUser, UserChanges, UserFilter, UserRow, UserSort};
use centers_db::paging::{Page, PageRequest};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, DbConnection, OrganizationId, UserId};
use centers_domain::access::{Action, Permission, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::password::check_new_password;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A user account. Never carries the password or its hash.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    pub id: UserId,
    #[schema(example = "gv.quangxuong.01")]
    pub username: String,
    #[schema(example = "Nguyễn Văn An")]
    pub display_name: String,
    pub role: Role,
    /// The organization the account sees (with its subtree).
    pub scope: OrganizationId,
    pub active: bool,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(UserList, User);

impl From<UserRow> for User {
    fn from(u: UserRow) -> Self {
        User {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            scope: u.scope_id,
            active: u.deactivated_at.is_none(),
            deactivated_at: u.deactivated_at.map(utc),
            version: u.version,
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

/// A new account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// 3–64 characters of `a–z 0–9 . _ - @` (stored in lower case).
    #[schema(min_length = 3, max_length = 64, pattern = "^[A-Za-z0-9._@-]{3,64}$")]
    pub username: String,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub display_name: String,
    /// At least 10 characters, not the username.
    #[schema(min_length = 10, max_length = 1000)]
    pub password: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// The organization id the account is scoped to: the province for province roles, a center
    /// for center admins and lecturers, a party organization for `party_org`.
    pub scope: OrganizationId,
}

/// Changes to an account; absent fields stay as they are. Send `If-Match` to guard against
/// concurrent edits.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub display_name: Option<String>,
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    pub scope: Option<OrganizationId>,
}

/// A new password set by an administrator.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    /// At least 10 characters, not the username.
    #[schema(min_length = 10, max_length = 1000)]
    pub password: String,
}

fn parse_role(field: &str, v: &str) -> Result<Role, FieldError> {
    v.parse::<Role>()
        .map_err(|e| FieldError::new(field, "invalid_role", e.to_string()))
}

fn parse_username(v: &str) -> Result<String, FieldError> {
    centers_domain::accounts::parse_username(v)
        .map_err(|e| FieldError::new("username", "invalid_username", e.to_string()))
}

/// Checks that the caller may manage an account of `role` scoped at `scope`, and that the scope
/// fits the role. An invisible scope organization is reported as unknown.
fn check_target(
    conn: &mut DbConnection,
    caller: &Caller,
    role: Role,
    scope: OrganizationId,
) -> Result<(), ApiError> {
    caller.authorize(Action::ManageAccount { role })?;
    let org = orgs::find_in_scope(conn, scope, None, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(
            "scope",
            "unknown_organization",
            "no such organization in your scope",
        )
    })?;
    let kind = org.kind;
    if !role.scope_kinds().contains(&kind) {
        let kinds: Vec<&str> = role.scope_kinds().iter().map(|k| k.as_str()).collect();
        return Err(ApiError::invalid_field(
            "scope",
            "scope_kind_mismatch",
            format!("a {role} must be scoped to a {}", kinds.join(" or ")),
        ));
    }
    Ok(())
}

/// Loads a user the caller may manage, or fails (404 outside scope, 403 for a role it cannot
/// manage).
fn managed_user(conn: &mut DbConnection, caller: &Caller, id: UserId) -> Result<UserRow, ApiError> {
    let user =
        identity::find_user_in_scope(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    caller.authorize(Action::ManageAccount { role: user.role })?;
    Ok(user)
}

/// Refuses (409) to deactivate, demote or move the last active province administrator, which would
/// lock the province out of everything only that role can do.
fn keep_a_province_admin(conn: &mut DbConnection, target: &UserRow) -> Result<(), ApiError> {
    if target.role != Role::ProvinceAdmin || target.deactivated_at.is_some() {
        return Ok(());
    }
    let active = identity::lock_active_province_admins(conn, target.scope_id)?;
    if active.iter().all(|id| *id == target.id) {
        return Err(ApiError::conflict(
            "this is the last active province administrator; make another one first",
        ));
    }
    Ok(())
}

/// A new account, checked: what [`create`] needs besides the password's hash.
#[derive(Debug)]
pub struct NewAccount {
    username: String,
    display_name: String,
    role: Role,
    scope: OrganizationId,
}

/// Checks a new account's fields (no database needed); the handler then hashes `password`.
pub fn check_new(caller: &Caller, b: &CreateUser) -> Result<NewAccount, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    crate::services::check_length("display_name", Some(&b.display_name), 200)?;
    crate::services::check_length("password", Some(&b.password), 1000)?;
    let mut errors = Vec::new();
    let username = parse_username(&b.username).map_err(|e| errors.push(e)).ok();
    let role = parse_role("role", &b.role).map_err(|e| errors.push(e)).ok();
    let display_name = centers_domain::text::normalize(&b.display_name);
    if display_name.is_empty() {
        errors.push(FieldError::new(
            "display_name",
            "required",
            "must not be empty",
        ));
    }
    if let Some(u) = &username {
        if let Err(e) = check_new_password(&b.password, u) {
            errors.push(FieldError::new("password", "weak_password", e.to_string()));
        }
    }
    let (Some(username), Some(role), true) = (username, role, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    Ok(NewAccount {
        username,
        display_name,
        role,
        scope: b.scope,
    })
}

/// Create an account (its password already hashed).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    new: NewAccount,
    password_hash: String,
) -> Result<User, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    check_target(conn, caller, new.role, new.scope)?;
    if identity::find_user_by_username(conn, &new.username)?.is_some() {
        return Err(ApiError::conflict(format!(
            "the username {} is taken",
            new.username
        )));
    }
    let user = identity::insert_user(
        conn,
        NewUser {
            username: new.username,
            display_name: new.display_name,
            password_hash,
            role: new.role.as_str().into(),
            scope_id: new.scope,
        },
    )?;
    let path = crate::services::owner_path(conn, user.scope_id)?;
    let dto = User::from(user);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::User, dto.id, &path, &dto),
    )?;
    Ok(dto)
}

/// Accounts in the caller's scope, a page at a time.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    role: Option<Role>,
    scope_id: Option<OrganizationId>,
    q: Option<String>,
    page: &PageRequest<UserSort>,
) -> Result<Page<User>, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let filter = UserFilter {
        scope: caller.scope(),
        role: role.map(|r| r.as_str().to_owned()),
        scope_id,
        q,
    };
    Ok(identity::list_users(conn, &filter, page)?.map(User::from))
}

/// One account in the caller's scope.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: UserId) -> Result<User, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let user =
        identity::find_user_in_scope(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    Ok(User::from(user))
}

/// Change an account's display name, role or scope.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: UserId,
    expected: IfMatch,
    b: UpdateUser,
) -> Result<User, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    crate::services::check_length("display_name", b.display_name.as_deref(), 200)?;
    let role = b
        .role
        .as_deref()
        .map(|r| parse_role("role", r))
        .transpose()
        .map_err(|e| ApiError::Validation(vec![e]))?;
    let display_name = b
        .display_name
        .as_deref()
        .map(centers_domain::text::normalize);
    if display_name.as_deref() == Some("") {
        return Err(ApiError::invalid_field(
            "display_name",
            "required",
            "must not be empty",
        ));
    }
    let before = managed_user(conn, caller, id)?;
    check_if_match(&expected, before.version)?;
    let new_role = match role {
        Some(r) => r,
        None => before.role,
    };
    let new_scope = b.scope.unwrap_or(before.scope_id);
    if role.is_some() || b.scope.is_some() {
        check_target(conn, caller, new_role, new_scope)?;
    }
    if new_role != Role::ProvinceAdmin || b.scope.is_some() {
        keep_a_province_admin(conn, &before)?;
    }
    let changes = UserChanges {
        display_name,
        role: role.map(|r| r.as_str().to_owned()),
        scope_id: b.scope,
        search_text: None,
    };
    let after = identity::update_user(conn, id, before.version, &changes)?
        .ok_or(ApiError::PreconditionFailed)?;
    let path = crate::services::owner_path(conn, after.scope_id)?;
    let dto = User::from(after);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::User, id, &path, &User::from(before), &dto),
    )?;
    Ok(dto)
}

/// The username of an account the caller may manage (to check a new password against it).
pub fn managed_username(
    conn: &mut DbConnection,
    caller: &Caller,
    id: UserId,
) -> Result<String, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    Ok(managed_user(conn, caller, id)?.username)
}

/// Set a new password (already checked and hashed); the account's sessions end.
pub fn reset_password(
    conn: &mut DbConnection,
    caller: &Caller,
    id: UserId,
    password_hash: &str,
) -> Result<User, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    managed_user(conn, caller, id)?;
    let user = identity::set_password(conn, id, password_hash)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::event(EntityKind::User, id, AuditAction::ResetPassword),
    )?;
    Ok(User::from(user))
}

/// Deactivate (its tokens stop at once) or reactivate an account.
pub fn set_active(
    conn: &mut DbConnection,
    caller: &Caller,
    id: UserId,
    active: bool,
) -> Result<User, ApiError> {
    caller.require_permission(Permission::ManageUsers)?;
    let before = managed_user(conn, caller, id)?;
    if before.id.0 == caller.id && !active {
        return Err(ApiError::conflict("you cannot deactivate your own account"));
    }
    if !active {
        keep_a_province_admin(conn, &before)?;
    }
    let after = identity::set_active(conn, id, active)?;
    let action = if active {
        AuditAction::Activate
    } else {
        AuditAction::Deactivate
    };
    let path = crate::services::owner_path(conn, after.scope_id)?;
    let dto = User::from(after);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::User, id, &path, &User::from(before), &dto).action(action),
    )?;
    Ok(dto)
}
