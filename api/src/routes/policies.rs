//! `/policies`: province policies with effective dates. Handlers call `services::policies`.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::Json;
use crate::paging::{parse_date_param, serve_whole, text_key, ListParams, PageParams};
use crate::services::policies::{
    self as service, NewPolicyVersion, PolicyVersion, PolicyVersionList,
};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// Policy versions, by the date they take effect.
const VERSION_SORTS: &[(&str, ())] = &[("effective_from", ())];

/// `as_of` for the set in force.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOf {
    /// The day (YYYY-MM-DD); today when absent.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

/// The policies in force on a day.
#[utoipa::path(
    tag = "policies",
    operation_id = "get_policies",
    params(AsOf),
    responses((status = 200, description = "The version in force", body = PolicyVersion)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn get_policies(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AsOf>,
) -> Result<HttpResponse, ApiError> {
    let day = parse_date_param("as_of", query.as_of.as_deref())?
        .unwrap_or_else(|| Utc::now().date_naive());
    let version = state
        .db(move |conn| service::in_force(conn, &caller, day))
        .await?;
    Ok(HttpResponse::Ok().json(version))
}

/// Every policy version of the province.
#[utoipa::path(
    tag = "policies",
    operation_id = "list_policy_versions",
    params(PageParams),
    responses((status = 200, description = "Versions, oldest first (`sort=effective_from`, `-effective_from`)", body = PolicyVersionList)),
    security(("bearer" = []))
)]
#[get("/versions")]
pub async fn list_policy_versions(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    serve_whole(
        &state,
        &req,
        caller,
        &params,
        VERSION_SORTS,
        service::versions,
        |g| text_key(g.effective_from, g.id),
    )
    .await
}

/// Add a policy version, in force from its date (province admins).
#[utoipa::path(
    tag = "policies",
    operation_id = "create_policy_version",
    request_body = NewPolicyVersion,
    responses(
        (status = 201, description = "Created", body = PolicyVersion),
        (status = 409, description = "A version already starts that day", body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_policy_version(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<NewPolicyVersion>,
) -> Result<HttpResponse, ApiError> {
    let version = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(HttpResponse::Created().json(version))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/policies")
                .service(list_policy_versions)
                .service(get_policies)
                .service(create_policy_version),
        );
    },
    sorts: &[("list_policy_versions", || sort_names(VERSION_SORTS))],
};
