//! `/reports`: province-wide reports. Handlers call `services::reports`.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::reports::{
    self as service, PlansReport, Summary, SummaryDimension, SummaryQuery, TeachingReport,
};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_domain::plans::valid_year;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the routes of this resource.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_plans_report)
        .service(get_teaching_report)
        .service(get_summary_report);
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
        .read(move |conn| service::plans_report(conn, &caller, year))
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
        .read(move |conn| service::teaching_report(conn, &caller, year))
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

/// `/reports/summary` parameters, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryParams {
    /// First year (classes by their year), 2000–2100.
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub from: Option<String>,
    /// Last year, at least `from`; `from` when absent.
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub to: Option<String>,
    /// Comma-separated: `year`, `center`, and `category` or `program`; `year` when absent.
    #[param(value_type = Option<String>, example = "year,center,category")]
    pub group_by: Option<String>,
    /// Only centers that existed that day (the organization tree as it stood).
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

impl SummaryParams {
    fn parse(&self) -> Result<SummaryQuery, ApiError> {
        let year = |name: &str, raw: &str| {
            raw.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| valid_year(*y))
                .ok_or_else(|| {
                    ApiError::bad_field(name, "invalid", "must be a year from 2000 to 2100")
                })
        };
        let from = year(
            "from",
            self.from
                .as_deref()
                .ok_or_else(|| ApiError::bad_field("from", "required", "is required"))?,
        )?;
        let to = match self.to.as_deref() {
            Some(raw) => year("to", raw)?,
            None => from,
        };
        if from > to {
            return Err(ApiError::invalid_field(
                "from",
                "after_to",
                "must not be after `to`",
            ));
        }
        let mut group_by = Vec::new();
        for name in self.group_by.as_deref().unwrap_or("year").split(',') {
            let d = match name.trim() {
                "year" => SummaryDimension::Year,
                "center" => SummaryDimension::Center,
                "category" => SummaryDimension::Category,
                "program" => SummaryDimension::Program,
                other => {
                    return Err(ApiError::invalid_field(
                        "group_by",
                        "invalid",
                        format!("`{other}` is not one of year, center, category, program"),
                    ))
                }
            };
            if group_by.contains(&d) {
                return Err(ApiError::invalid_field(
                    "group_by",
                    "duplicate",
                    format!("`{}` twice", name.trim()),
                ));
            }
            group_by.push(d);
        }
        if group_by.contains(&SummaryDimension::Category)
            && group_by.contains(&SummaryDimension::Program)
        {
            return Err(ApiError::invalid_field(
                "group_by",
                "invalid",
                "category or program, not both (a program's row carries its category)",
            ));
        }
        let as_of = match self.as_of.as_deref() {
            None => None,
            Some(raw) => Some(
                chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
                    ApiError::bad_field("as_of", "invalid_date", "a date as YYYY-MM-DD")
                })?,
            ),
        };
        Ok(SummaryQuery {
            from,
            to,
            group_by,
            as_of,
        })
    }
}

/// Classes and learner-enrollments (lượt học viên) of a range of years, grouped by year, center,
/// and program category or program: classes held, enrollments, distinct learners, finished,
/// passed, pass rate, certificates, and the total. The province sees every center, a center
/// itself. JSON, or by `Accept` CSV (UTF-8 with BOM) or XLSX with Vietnamese headers.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_summary_report",
    params(SummaryParams),
    responses((status = 200, description = "The summary",
        content((Summary = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 422, description = "`from` after `to`, or a `group_by` that is not a grouping", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[get("/reports/summary")]
pub async fn get_summary_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<SummaryParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.parse()?;
    let stem = format!("tong-hop-{}-{}", q.from, q.to);
    let summary = state
        .read(move |conn| service::summary(conn, &caller, q))
        .await?;
    crate::export::respond(&req, &summary, || service::summary_table(&summary), &stem)
}
