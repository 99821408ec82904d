//! Service clients of integrations (the district committees' systems, dashboards).

use crate::auth::tokens::{random_token, token_hash};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::Json;
use crate::http::utc;
use crate::list_schema;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use centers_db::identity::{self, ClientRow};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, write_transaction};
use centers_domain::access::{ClientAccess, Permission};
use centers_domain::changes::{AuditAction, EntityKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A service client. Its secret is shown once, at creation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Client {
    /// Also the `client_id` of the client credentials grant.
    pub id: Uuid,
    pub name: String,
    pub scope: Uuid,
    /// `read_only` or `read_write`.
    pub access: String,
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
    pub scope: Uuid,
    #[schema(value_type = ClientAccess)]
    pub access: String,
}

impl From<ClientRow> for Client {
    fn from(c: ClientRow) -> Self {
        Client {
            id: c.id.into(),
            name: c.name,
            scope: c.scope_id.into(),
            access: c.access,
            revoked_at: c.revoked_at.map(utc),
            version: c.version,
            created_at: utc(c.created_at),
            updated_at: utc(c.updated_at),
        }
    }
}

fn client_json(c: &ClientRow) -> serde_json::Value {
    serde_json::to_value(Client::from(c.clone())).unwrap_or_default()
}

/// Create a service client; the response holds its secret, once.
#[utoipa::path(
    tag = "clients",
    operation_id = "create_client",
    request_body = CreateClient,
    responses((status = 201, description = "Created", body = CreatedClient)),
    security(("bearer" = []))
)]
#[post("/clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateClient>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    let b = body.0;
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
    let secret = random_token();
    let hash = token_hash(&secret);
    let ctx = caller.audit();
    let scope_path = caller.scope();
    let client = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                orgs::find_in_scope(conn, b.scope.into(), None, &scope_path)?.ok_or_else(|| {
                    ApiError::invalid_field(
                        "scope",
                        "unknown_organization",
                        "no such organization in your scope",
                    )
                })?;
                let c =
                    identity::insert_client(conn, &name, &hash, b.scope.into(), access.as_str())?;
                let path = crate::services::owner_path(conn, c.scope_id)?;
                writes::record(
                    conn,
                    &ctx,
                    Write::create(EntityKind::ServiceClient, c.id, &path, &client_json(&c)),
                )?;
                Ok(c)
            })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(CreatedClient {
            client: client.into(),
            client_secret: secret,
        }))
}

/// List service clients.
#[utoipa::path(
    tag = "clients",
    operation_id = "list_clients",
    responses((status = 200, description = "All clients in scope, newest first", body = ClientList)),
    security(("bearer" = []))
)]
#[get("/clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    let scope = caller.scope();
    let items: Vec<Client> = state
        .db(move |conn| {
            Ok(identity::list_clients(conn, &scope)?
                .into_iter()
                .map(Client::from)
                .collect())
        })
        .await?;
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    Ok(HttpResponse::Ok().json(ClientList {
        items,
        next_cursor: None,
        total,
    }))
}

/// Revoke a service client: its tokens stop working at once.
#[utoipa::path(
    tag = "clients",
    operation_id = "revoke_client",
    params(("id" = Uuid, Path, description = "Client id")),
    responses((status = 200, description = "Revoked", body = Client)),
    security(("bearer" = []))
)]
#[post("/clients/{id}/revoke")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require_permission(Permission::ManageClients)?;
    let id = id.into_inner();
    let ctx = caller.audit();
    let scope = caller.scope();
    let client = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let before = identity::find_client(conn, id.into())?.ok_or(ApiError::NotFound)?;
                let owner = orgs::find_in_scope(conn, before.scope_id, None, &scope)?
                    .ok_or(ApiError::NotFound)?;
                let after = identity::revoke_client(conn, id.into())?;
                writes::record(
                    conn,
                    &ctx,
                    Write::update(
                        EntityKind::ServiceClient,
                        id,
                        &owner.path,
                        &client_json(&before),
                        &client_json(&after),
                    )
                    .action(AuditAction::Revoke),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(Client::from(client)))
}
