//! Service clients of integrations (the district committees' systems, dashboards).

use crate::auth::tokens::{random_token, token_hash};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::utc;
use crate::list_schema;
use centers_db::identity::{self, ClientRow};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, ClientId, DbConnection, OrganizationId};
use centers_domain::access::{ClientAccess, Permission};
use centers_domain::changes::{AuditAction, EntityKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A service client. Its secret is shown once, at creation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Client {
    /// Also the `client_id` of the client credentials grant.
    pub id: ClientId,
    pub name: String,
    pub scope: OrganizationId,
    pub access: ClientAccess,
    pub revoked_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A newly created client with its secret, which is never shown again.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedClient {
    #[serde(flatten)]
    pub client: Client,
    pub client_secret: String,
}

list_schema!(ClientList, Client);

/// A new client.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClient {
    #[schema(
        example = "Hệ thống Huyện ủy Quảng Xương",
        min_length = 1,
        max_length = 200,
        pattern = "\\S"
    )]
    pub name: String,
    /// The organization the client sees (with its subtree).
    pub scope: OrganizationId,
    #[schema(value_type = ClientAccess)]
    pub access: String,
}

impl From<ClientRow> for Client {
    fn from(c: ClientRow) -> Self {
        Client {
            id: c.id,
            name: c.name,
            scope: c.scope_id,
            access: c.access,
            revoked_at: c.revoked_at.map(utc),
            version: c.version,
            created_at: utc(c.created_at),
            updated_at: utc(c.updated_at),
        }
    }
}

/// Create a client; the returned secret is shown this once and stored only as a hash.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreateClient,
) -> Result<CreatedClient, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    crate::services::check_length("name", Some(&b.name), 200)?;
    let mut errors = Vec::new();
    let name = centers_domain::text::normalize(&b.name);
    if name.is_empty() {
        errors.push(FieldError::new("name", "required", "must not be empty"));
    }
    let access = b
        .access
        .parse::<ClientAccess>()
        .map_err(|e| errors.push(FieldError::new("access", "invalid", e.to_string())))
        .ok();
    let Some(access) = access.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let owner = orgs::find_in_scope(conn, b.scope, None, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(
            "scope",
            "unknown_organization",
            "no such organization in your scope",
        )
    })?;
    let secret = random_token();
    let c = identity::insert_client(conn, &name, &token_hash(&secret), owner.id, access.as_str())?;
    let client = Client::from(c);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::ServiceClient, client.id, &owner.path, &client),
    )?;
    Ok(CreatedClient {
        client,
        client_secret: secret,
    })
}

/// Clients in the caller's scope, newest first.
pub fn list(conn: &mut DbConnection, caller: &Caller) -> Result<Vec<Client>, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    let items: Vec<Client> = identity::list_clients(conn, &caller.scope())?
        .into_iter()
        .map(Client::from)
        .collect();
    Ok(items)
}

/// Revoke a client: its tokens stop working at once.
pub fn revoke(conn: &mut DbConnection, caller: &Caller, id: ClientId) -> Result<Client, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    let before = identity::find_client(conn, id)?.ok_or(ApiError::NotFound)?;
    let owner = orgs::find_in_scope(conn, before.scope_id, None, &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    let after = Client::from(identity::revoke_client(conn, id)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::ServiceClient,
            id,
            &owner.path,
            &Client::from(before),
            &after,
        )
        .action(AuditAction::Revoke),
    )?;
    Ok(after)
}
