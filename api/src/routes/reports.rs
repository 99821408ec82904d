//! `/reports`: province-wide reports. Handlers call `services::reports`.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::reports::{self as service, PlansReport, TeachingReport};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use centers_domain::plans::valid_year;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the routes of this resource.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_plans_report).service(get_teaching_report);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParam {
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub year: Option<String>,
}

/// Annual plans of every center in scope for a year: status, figures by category, and which
/// centers still have no approved plan.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_plans_report",
    params(YearParam),
    responses((status = 200, description = "The overview", body = PlansReport)),
    security(("bearer" = []))
)]
#[get("/reports/plans")]
pub async fn get_plans_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<YearParam>,
) -> Result<HttpResponse, ApiError> {
    let year = query
        .year
        .as_deref()
        .ok_or_else(|| ApiError::bad_field("year", "required", "is required"))?
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| valid_year(*y))
        .ok_or_else(|| {
            ApiError::bad_field("year", "invalid", "must be a year from 2000 to 2100")
        })?;
    let report = state
        .db(move |conn| service::plans_report(conn, &caller, year))
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Teaching in a year, for the scope and each center: periods by lecturer kind, the part-time
/// lecturers' share, lesson plans approved before teaching, visits and their average score.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_teaching_report",
    params(crate::routes::lecturers::YearQuery),
    responses((status = 200, description = "The report", body = TeachingReport)),
    security(("bearer" = []))
)]
#[get("/reports/teaching")]
pub async fn get_teaching_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<crate::routes::lecturers::YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = query.parse()?;
    let report = state
        .db(move |conn| service::teaching_report(conn, &caller, year))
        .await?;
    Ok(HttpResponse::Ok().json(report))
}
