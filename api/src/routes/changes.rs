//! `/changes`: the change feed that district systems follow.

use super::Resource;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::paging::parse_limit;
use crate::services::changes::{self as service, ChangePage};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_domain::changes::EntityKind;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// Where to read the feed from.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangeParams {
    /// The `next_cursor` of the previous page (or `0`, the default, for the beginning).
    #[param(value_type = Option<String>, pattern = "^[0-9]{1,18}$")]
    pub after: Option<String>,
    /// Page size, 1–500 (default 100).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    /// Comma-separated entity kinds to follow (default: every kind the caller may read).
    #[param(value_type = Option<Vec<EntityKind>>, style = Form, explode = false)]
    pub types: Option<String>,
}

type Parsed = (i64, i64, Option<Vec<EntityKind>>);

impl ChangeParams {
    fn parse(&self) -> Result<Parsed, ApiError> {
        let after = match self.after.as_deref() {
            None => 0,
            Some(a) => a
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0 && a.len() <= 18)
                .ok_or_else(|| {
                    ApiError::bad_field(
                        "after",
                        "invalid_cursor",
                        "must be a next_cursor of this feed",
                    )
                })?,
        };
        let limit = parse_limit(self.limit.as_deref(), 100)?;
        let types = match self.types.as_deref() {
            None => None,
            Some(t) => Some(
                t.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::parse::<EntityKind>)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| ApiError::bad_field("types", "invalid", e.to_string()))?,
            ),
        };
        Ok((after, limit, types))
    }
}

/// Follow every create, update and delete, in commit order.
///
/// Each change carries the record as its own endpoint returns it (`data`), or for a delete its
/// natural keys (`keys`). The feed is scoped like the records: a center sees its own. Store
/// `next_cursor` and pass it as `after`: a follower never misses nor repeats a change.
#[utoipa::path(
    tag = "changes",
    operation_id = "list_changes",
    params(ChangeParams),
    responses((status = 200, description = "The changes after the cursor, oldest first", body = ChangePage)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_changes(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ChangeParams>,
) -> Result<HttpResponse, ApiError> {
    let (after, limit, types) = params.parse()?;
    let page = state
        .db(move |conn| service::follow(conn, &caller, after, limit, types))
        .await?;
    let mut next = req.full_url();
    next.query_pairs_mut()
        .clear()
        .append_pair("after", &page.next_cursor)
        .append_pair("limit", &limit.to_string());
    if let Some(types) = &params.types {
        next.query_pairs_mut().append_pair("types", types);
    }
    Ok(HttpResponse::Ok()
        .insert_header((
            header::LINK,
            format!(
                "<{}{}>; rel=\"next\"",
                next.path(),
                next.query().map(|q| format!("?{q}")).unwrap_or_default()
            ),
        ))
        .json(page))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(scope("/changes").service(list_changes));
    },
    sorts: &[],
};
