//! Service clients (machine accounts of district systems).

use crate::schema::{organizations, service_clients};
use crate::{ClientId, DbConnection, OrganizationId, Scope};
use centers_domain::access::ClientAccess;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A service client as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = service_clients)]
pub struct ClientRow {
    pub id: ClientId,
    pub name: String,
    pub secret_hash: String,
    pub scope_id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub access: ClientAccess,
    pub revoked_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_client(
    conn: &mut DbConnection,
    name: &str,
    secret_hash: &str,
    scope_id: OrganizationId,
    access: &str,
) -> QueryResult<ClientRow> {
    crate::insert_versioned!(
        conn,
        service_clients,
        (
            service_clients::id.eq(crate::new_id()),
            service_clients::name.eq(name),
            service_clients::secret_hash.eq(secret_hash),
            service_clients::scope_id.eq(scope_id),
            service_clients::access.eq(access),
        )
    )
}

pub fn find_client(conn: &mut DbConnection, id: ClientId) -> QueryResult<Option<ClientRow>> {
    service_clients::table
        .filter(service_clients::id.eq(id))
        .select(ClientRow::as_select())
        .first(conn)
        .optional()
}

/// Clients whose scope lies inside `scope`, newest first.
pub fn list_clients(conn: &mut DbConnection, scope: &Scope) -> QueryResult<Vec<ClientRow>> {
    service_clients::table
        .inner_join(organizations::table)
        .filter(crate::scope::reaches(scope))
        .order(service_clients::id.desc())
        .select(ClientRow::as_select())
        .load(conn)
}

pub fn revoke_client(conn: &mut DbConnection, id: ClientId) -> QueryResult<ClientRow> {
    let now = crate::now();
    diesel::update(service_clients::table.filter(service_clients::id.eq(id)))
        .set((
            service_clients::revoked_at.eq(now),
            service_clients::version.eq(service_clients::version + 1),
            service_clients::updated_at.eq(now),
        ))
        .execute(conn)?;
    service_clients::table
        .filter(service_clients::id.eq(id))
        .select(ClientRow::as_select())
        .first(conn)
}
