//! `/sessions/{id}/visits` and `/class-visits`: class visits (dự giờ).

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::paging::{parse_uuid_param, serve_list, ListParams, PageParams, NEWEST_FIRST};
use crate::services::visits::{self as service, Visit, VisitList};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_db::{ClassId, LecturerId, VisitId};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;

/// Filters of the visit list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitFilters {
    /// Visits of this lecturer's sessions.
    #[param(value_type = Option<Uuid>)]
    pub lecturer_id: Option<String>,
    #[param(value_type = Option<Uuid>)]
    pub class_id: Option<String>,
}

/// List visits in my scope, newest first (`sort=created`, `-created`; a lecturer sees the visits
/// of their own sessions). `total` is answered for one lecturer's or one class's visits; for the
/// whole scope, with `total=true`.
#[utoipa::path(
    tag = "teaching",
    operation_id = "list_visits",
    params(PageParams, VisitFilters),
    responses((status = 200, description = "A page of visits", body = VisitList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_visits(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<VisitFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging_by_timestamp(NEWEST_FIRST)?;
    let lecturer = parse_uuid_param("lecturer_id", filters.lecturer_id.as_deref())?.map(LecturerId);
    let class = parse_uuid_param("class_id", filters.class_id.as_deref())?.map(ClassId);
    serve_list(&state, &req, caller, paging, move |conn, caller, page| {
        service::list(conn, caller, lecturer, class, page)
    })
    .await
}

/// Get a visit.
#[utoipa::path(
    tag = "teaching",
    operation_id = "get_visit",
    params(("id" = Uuid, Path, description = "Visit id")),
    responses((status = 200, description = "The visit", body = Visit)),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_visit(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<VisitId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let visit = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(visit))
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/class-visits")
                .service(list_visits)
                .service(get_visit),
        );
    },
    sorts: &[("list_visits", || sort_names(NEWEST_FIRST))],
};
