//! `/reports`: province-wide reports. Handlers call `services::reports`.

use super::Resource;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::reports::{
    self as service, PlansReport, Summary, SummaryDimension, SummaryQuery, TeachingReport,
};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use centers_domain::plans::valid_year;
use centers_domain::programs::ProgramCategory;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::scope;

/// `year=`: a year from 2000 to 2100, required.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParam {
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub year: Option<String>,
}

impl YearParam {
    fn parse(&self) -> Result<i32, ApiError> {
        year_value(
            "year",
            self.year
                .as_deref()
                .ok_or_else(|| ApiError::bad_field("year", "required", "is required"))?,
        )
    }
}

fn year_value(name: &str, raw: &str) -> Result<i32, ApiError> {
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| valid_year(*y))
        .ok_or_else(|| ApiError::bad_field(name, "invalid", "must be a year from 2000 to 2100"))
}

/// `from` (required) and `to` (`from` when absent), `from` not after `to`.
fn year_range(from: Option<&str>, to: Option<&str>) -> Result<(i32, i32), ApiError> {
    let from = year_value(
        "from",
        from.ok_or_else(|| ApiError::bad_field("from", "required", "is required"))?,
    )?;
    let to = match to {
        Some(raw) => year_value("to", raw)?,
        None => from,
    };
    if from > to {
        return Err(ApiError::invalid_field(
            "from",
            "after_to",
            "must not be after `to`",
        ));
    }
    Ok((from, to))
}

/// A comma-separated grouping of `year`, `center`, and `category` or `program`, each once.
/// What a report's rows can be grouped by (`group_by`). Documentation of the parameter, which is
/// read by `grouping`: the spec states the closed set the server accepts.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum GroupDimension {
    Year,
    Center,
    Category,
    Program,
}

/// What `/reports/trends` can draw one series per (`series`); documentation, as above.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum SeriesDimension {
    Center,
    Category,
    Program,
}

fn grouping(field: &str, raw: &str) -> Result<Vec<SummaryDimension>, ApiError> {
    let mut group_by = Vec::new();
    for name in raw.split(',') {
        let d = match name.trim() {
            "year" => SummaryDimension::Year,
            "center" => SummaryDimension::Center,
            "category" => SummaryDimension::Category,
            "program" => SummaryDimension::Program,
            other => {
                return Err(ApiError::invalid_field(
                    field,
                    "invalid",
                    format!("`{other}` is not one of year, center, category, program"),
                ))
            }
        };
        if group_by.contains(&d) {
            return Err(ApiError::invalid_field(
                field,
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
            field,
            "invalid",
            "category or program, not both (a program's row carries its category)",
        ));
    }
    Ok(group_by)
}

/// Annual plans of every center in scope for a year: status, figures by category, and which
/// centers still have no approved plan.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_plans_report",
    params(YearParam),
    responses((status = 200, description = "The overview", content((PlansReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/plans")]
pub async fn get_plans_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<YearParam>,
) -> Result<HttpResponse, ApiError> {
    let year = query.parse()?;
    answer(
        &state,
        &req,
        caller,
        &format!("ke-hoach-{year}"),
        move |conn, caller| service::plans_report(conn, caller, year),
        service::plans_table,
    )
    .await
}

/// Teaching in a year, for the scope and each center: periods by lecturer kind, the part-time
/// lecturers' share, lesson plans approved before teaching, visits and their average score.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_teaching_report",
    params(crate::routes::lecturers::YearQuery),
    responses((status = 200, description = "The report", content((TeachingReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/teaching")]
pub async fn get_teaching_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<crate::routes::lecturers::YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = query.parse()?;
    answer(
        &state,
        &req,
        caller,
        &format!("giang-day-{year}"),
        move |conn, caller| service::teaching_report(conn, caller, year),
        service::teaching_table,
    )
    .await
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
    /// Comma-separated, each once: `year`, `center`, and `category` or `program` (not both);
    /// `year` when absent. Also read when repeated (`group_by=center&group_by=category`).
    #[param(value_type = Option<Vec<GroupDimension>>, style = Form, explode = false, example = json!(["year", "center", "category"]))]
    pub group_by: Option<String>,
    /// The organization tree of that day: a center closed before it counts under the center it
    /// was merged into (along the mergers), one not yet created or closed without a successor
    /// is left out; centers are named as on that day.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

impl SummaryParams {
    fn parse(&self) -> Result<SummaryQuery, ApiError> {
        let (from, to) = year_range(self.from.as_deref(), self.to.as_deref())?;
        let group_by = grouping("group_by", self.group_by.as_deref().unwrap_or("year"))?;
        let as_of = crate::paging::parse_date_param("as_of", self.as_of.as_deref())?;
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
#[get("/summary")]
pub async fn get_summary_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<SummaryParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.parse()?;
    let stem = format!("tong-hop-{}-{}", q.from, q.to);
    let summary = service::summary(&state, caller, q).await?;
    crate::export::respond(&req, &*summary, || service::summary_table(&summary), &stem)
}

/// Reads a report from the read pool and answers it as JSON, CSV or XLSX by `Accept`. Identical
/// requests of one caller at one version of the data (the change counter) share one computation
/// while it runs (`crate::single_flight`).
async fn answer<T, F>(
    state: &AppState,
    req: &HttpRequest,
    caller: Caller,
    stem: &str,
    compute: F,
    table: fn(&T) -> crate::export::Table,
) -> Result<HttpResponse, ApiError>
where
    T: serde::Serialize + Send + Sync + 'static,
    F: FnOnce(&mut centers_db::DbConnection, &Caller) -> Result<T, ApiError> + Send + 'static,
{
    let seq = state
        .read(|conn| Ok(centers_db::writes::last_seq(conn)?))
        .await?;
    let uri = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.path().to_owned(), |pq| pq.as_str().to_owned());
    let key = (
        caller.id,
        caller.principal,
        caller.scope_path.clone(),
        uri,
        seq,
    );
    let shared = state
        .reports
        .run(key, || async {
            let report = state.read(move |conn| compute(conn, &caller)).await?;
            Ok(std::sync::Arc::new(report) as crate::state::SharedReport)
        })
        .await?;
    let report = shared
        .downcast::<T>()
        .map_err(|_| ApiError::Internal("a shared report of another type".into()))?;
    crate::export::respond(req, &*report, || table(&report), stem)
}

/// A report of one year in the caller's scope, JSON or CSV / XLSX by `Accept`: the handler of
/// each is the same but for its path, its service module (`<module>::<module>` computes it,
/// `<module>::table` lays it out) and the file name of its download.
macro_rules! year_report {
    ($fn:ident, $path:literal, $module:ident, $dto:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "reports",
            operation_id = stringify!($fn),
            params(YearParam),
            responses((status = 200, description = "The report",
                content((service::$module::$dto = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
            security(("bearer" = []))
        )]
        #[get($path)]
        pub async fn $fn(
            state: web::Data<AppState>,
            caller: Caller,
            req: HttpRequest,
            query: web::Query<YearParam>,
        ) -> Result<HttpResponse, ApiError> {
            let year = query.parse()?;
            answer(
                &state,
                &req,
                caller,
                &format!(concat!($file, "-{}"), year),
                move |conn, caller| service::$module::$module(conn, caller, year),
                service::$module::table,
            )
            .await
        }
    };
}

year_report!(
    get_fulfilment_report,
    "/plan-fulfilment",
    fulfilment,
    FulfilmentReport,
    "thuc-hien-ke-hoach",
    "Plan fulfilment of a year: every line of the approved plans of the centers in scope, planned classes and learners against the classes held (not cancelled) and their learner-enrollments, per center and in total; classes of programs a plan does not hold are reported apart. A class counts toward the line of its program and quarter in the approved revision, whichever revision it was opened under. JSON, or CSV / XLSX by `Accept`."
);

year_report!(
    get_lecturers_report,
    "/lecturers",
    lecturers,
    LecturersReport,
    "giang-vien",
    "Lecturers of a year: every lecturer of the organizations in scope with the periods taught, standard hours against the norm of the position (policy in force at the year's end) and overtime, other activity hours; periods and lecturers by kind, and the part-time (district leaders') share of the periods. JSON, or CSV / XLSX by `Accept`."
);

year_report!(
    get_quality_report,
    "/quality",
    quality,
    QualityReport,
    "chat-luong",
    "Teaching quality of a year, per center and in total: lesson plans approved and the days their approval took (mean, median), sessions taught under a lesson plan approved beforehand, use of information technology, class visits with their average score and ratings. JSON, or CSV / XLSX by `Accept`."
);

/// `/reports/outcomes` parameters, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutcomesParams {
    /// First year (classes by their year), 2000–2100.
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub from: Option<String>,
    /// Last year, at least `from`; `from` when absent.
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub to: Option<String>,
    /// Comma-separated, each once: `year`, `center`, and `category` or `program` (not both);
    /// `year` when absent. Also read when repeated (`group_by=center&group_by=category`).
    #[param(value_type = Option<Vec<GroupDimension>>, style = Form, explode = false, example = json!(["center", "category"]))]
    pub group_by: Option<String>,
}

impl OutcomesParams {
    fn parse(&self) -> Result<(i32, i32, Vec<SummaryDimension>), ApiError> {
        let (from, to) = year_range(self.from.as_deref(), self.to.as_deref())?;
        let group = grouping("group_by", self.group_by.as_deref().unwrap_or("year"))?;
        Ok((from, to, group))
    }
}

/// Outcomes of the finished learner-enrollments (completed or failed) of a range of years:
/// passed and pass rate, grade bands of the final score (no score, below passing, then the
/// policy's bands Trung bình / Khá / Giỏi / Xuất sắc) and conduct (Tốt / Khá / Trung bình / Yếu),
/// grouped like the summary. JSON, or CSV / XLSX by `Accept`.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_outcomes_report",
    params(OutcomesParams),
    responses((status = 200, description = "The report",
        content((service::outcomes::OutcomesReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 422, description = "`from` after `to`, or a `group_by` that is not a grouping", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[get("/outcomes")]
pub async fn get_outcomes_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<OutcomesParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to, group) = query.parse()?;
    answer(
        &state,
        &req,
        caller,
        &format!("ket-qua-{from}-{to}"),
        move |conn, caller| service::outcomes::outcomes(conn, caller, from, to, &group),
        service::outcomes::table,
    )
    .await
}

/// `/reports/coverage` parameters, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoverageParams {
    /// First year, 2000–2100.
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub from: Option<String>,
    /// Last year, at least `from`; `from` when absent.
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub to: Option<String>,
    /// A program category; `reserve_cadre` when neither it nor `program` is given.
    #[param(value_type = Option<ProgramCategory>)]
    pub category: Option<String>,
    /// A program code of the catalogue instead of a category (422 for a code it does not have).
    #[param(value_type = Option<String>, max_length = 32)]
    pub program: Option<String>,
    /// Only classes of this term (nhiệm kỳ), e.g. `2020-2025` (or with an en dash).
    #[param(value_type = Option<String>, example = "2020-2025", pattern = "^ *[0-9]{4} *[–-] *[0-9]{4} *$")]
    pub term: Option<String>,
}

impl CoverageParams {
    /// `category` and `program` exclusive; `reserve_cadre` when neither is given.
    fn parse(&self) -> Result<service::coverage::CoverageQuery, ApiError> {
        let (from, to) = year_range(self.from.as_deref(), self.to.as_deref())?;
        let nonblank = |v: &Option<String>| {
            v.as_deref()
                .map(|s| centers_domain::text::normalize(s.trim()))
                .filter(|s| !s.is_empty())
        };
        let category = match nonblank(&self.category) {
            None => None,
            Some(raw) => Some(
                raw.parse::<ProgramCategory>()
                    .map_err(|_| {
                        ApiError::bad_field("category", "invalid", "not a program category")
                    })?
                    .as_str()
                    .to_owned(),
            ),
        };
        let program = nonblank(&self.program);
        if category.is_some() && program.is_some() {
            return Err(ApiError::invalid_field(
                "program",
                "invalid",
                "a category or a program, not both",
            ));
        }
        let category = match (&category, &program) {
            (None, None) => Some(ProgramCategory::ReserveCadre.as_str().to_owned()),
            _ => category,
        };
        Ok(service::coverage::CoverageQuery {
            from,
            to,
            category,
            program,
            term: match self.term.as_deref() {
                None => None,
                Some(raw) => Some(centers_domain::teaching::parse_term(raw).ok_or_else(|| {
                    if centers_domain::teaching::term_years(raw).is_some() {
                        // The contract's shape, but not a term: a rule, not a malformed value.
                        ApiError::invalid_field(
                            "term",
                            "invalid_term",
                            "two years five apart, from 1945 (a term of office such as 2020-2025)",
                        )
                    } else {
                        ApiError::bad_field(
                            "term",
                            "invalid_term",
                            "a term of office such as 2020-2025",
                        )
                    }
                })?),
            },
        })
    }
}

/// Coverage: how many centers in scope held classes of a category (reserve cadres by default)
/// or of a program in a range of years — optionally of one term — with each center's classes
/// and learner-enrollments, and which held none: the article's "27 of 27 districts". JSON, or
/// CSV / XLSX by `Accept`.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_coverage_report",
    params(CoverageParams),
    responses((status = 200, description = "The report",
        content((service::coverage::CoverageReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 422, description = "`from` after `to`, or both `category` and `program`", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[get("/coverage")]
pub async fn get_coverage_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<CoverageParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.parse()?;
    let (from, to) = (q.from, q.to);
    answer(
        &state,
        &req,
        caller,
        &format!("do-phu-{from}-{to}"),
        move |conn, caller| service::coverage::coverage(conn, caller, q),
        service::coverage::table,
    )
    .await
}

/// `/reports/trends` parameters, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrendsParams {
    /// First year, 2000–2100.
    #[param(value_type = i32, minimum = 2000, maximum = 2100)]
    pub from: Option<String>,
    /// Last year, at least `from`; `from` when absent.
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub to: Option<String>,
    /// One series per `center`, `category` or `program`; one series for the scope when absent.
    #[param(value_type = Option<SeriesDimension>, example = "category")]
    pub series: Option<String>,
}

impl TrendsParams {
    /// `series`: one of center, category, program, or none.
    fn parse(&self) -> Result<(i32, i32, Option<SummaryDimension>), ApiError> {
        let (from, to) = year_range(self.from.as_deref(), self.to.as_deref())?;
        let series = match self.series.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => match grouping("series", raw)?.as_slice() {
                [d] if *d != SummaryDimension::Year => Some(*d),
                _ => {
                    return Err(ApiError::invalid_field(
                        "series",
                        "invalid",
                        "one of center, category, program",
                    ))
                }
            },
        };
        Ok((from, to, series))
    }
}

/// Trends: classes, learner-enrollments, distinct learners, passed and pass rate year by year,
/// each year against the one before (change and growth), for the scope or one series per
/// center, category or program; every year of the range is listed. JSON, or CSV / XLSX by
/// `Accept`.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_trends_report",
    params(TrendsParams),
    responses((status = 200, description = "The report",
        content((service::trends::TrendsReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 422, description = "`from` after `to`, or a `series` that is not center, category or program", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[get("/trends")]
pub async fn get_trends_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<TrendsParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to, series) = query.parse()?;
    answer(
        &state,
        &req,
        caller,
        &format!("xu-huong-{from}-{to}"),
        move |conn, caller| service::trends::trends(conn, caller, from, to, series),
        service::trends::table,
    )
    .await
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/reports")
                .service(get_plans_report)
                .service(get_teaching_report)
                .service(get_summary_report)
                .service(get_fulfilment_report)
                .service(get_lecturers_report)
                .service(get_quality_report)
                .service(get_outcomes_report)
                .service(get_coverage_report)
                .service(get_trends_report),
        );
    },
    sorts: &[],
};
