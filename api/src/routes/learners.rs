//! `/learners`, nominations and `/enrollments`. Handlers extract, call `services::learners`.

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::{Json, OptionalJson};
use crate::http::{etag_response, if_match_version, with_etag};
use crate::paging::{parse_uuid_param, serve_list, ListParams};
use crate::services::learners::{
    self as service, Certificate, CertificateCheck, CertificateList, ClassAttendance,
    CreateLearner, Enrollment, EnrollmentList, EnrollmentStepInput, IssueCertificate, Learner,
    LearnerList, LearnerQuery, Nominate, ReissueCertificate, ResultDto, ResultInput, ResultsReport,
    SessionAttendance,
};
use crate::services::workflow::WorkflowHistory;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use centers_db::learners::LearnerSort;
use centers_db::{ClassId, EnrollmentId, LearnerId, OrganizationId, SessionId};
use centers_domain::learners::EnrollmentAction;
use serde::Deserialize;
use utoipa::IntoParams;

/// Results back to a party organization: each of its learners in the classes of a year — class,
/// status, attendance, grade, conduct, certificate. JSON; `Accept: text/csv` (UTF-8 with BOM) or
/// the XLSX media type for a spreadsheet with Vietnamese headers.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_party_organization_results",
    params(("id" = Uuid, Path, description = "Party organization id"), crate::routes::lecturers::YearQuery),
    responses((status = 200, description = "The results",
        content((ResultsReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/{id}/results")]
pub async fn party_organization_results(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<OrganizationId>,
    query: web::Query<crate::routes::lecturers::YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = (id.into_inner(), query.parse()?);
    let report = state
        .db(move |conn| service::results_of_party_organization(conn, &caller, id, year))
        .await?;
    crate::export::respond(
        &req,
        &report,
        || service::results_table(&report),
        &format!("ket-qua-{year}"),
    )
}

/// Results of a class's learners, as for a party organization (JSON, CSV or XLSX by `Accept`).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_class_results",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The results",
        content((ResultsReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))),
    security(("bearer" = []))
)]
#[get("/{id}/results")]
pub async fn class_results(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let report = state
        .db(move |conn| service::results_of_class(conn, &caller, id))
        .await?;
    crate::export::respond(
        &req,
        &report,
        || service::results_table(&report),
        "ket-qua-lop",
    )
}

/// Issue the certificate of a completed enrollment, numbered next in the center's master register
/// for the year of issue (no gap, no duplicate, also when many are issued at once).
#[utoipa::path(
    tag = "learners",
    operation_id = "issue_certificate",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    request_body = IssueCertificate,
    responses(
        (status = 201, description = "Issued", body = Certificate),
        (status = 409, description = "Not completed, or already issued", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/certificate")]
pub async fn issue_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<EnrollmentId>,
    body: Json<IssueCertificate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let cert = state
        .write(move |conn| service::issue_certificate(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(cert))
}

/// The certificates of an enrollment: the original and its reissues, oldest first.
#[utoipa::path(
    tag = "learners",
    operation_id = "list_certificates",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    responses((status = 200, description = "Certificates", body = CertificateList)),
    security(("bearer" = []))
)]
#[get("/{id}/certificates")]
pub async fn list_certificates(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let list = state
        .db(move |conn| service::certificates(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Reissue a certificate (the center's error only): same serial, next suffix, with a reason.
#[utoipa::path(
    tag = "learners",
    operation_id = "reissue_certificate",
    params(("id" = Uuid, Path, description = "Certificate id")),
    request_body = ReissueCertificate,
    responses(
        (status = 201, description = "Reissued", body = Certificate),
        (status = 409, description = "Already replaced", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/reissue")]
pub async fn reissue_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
    body: Json<ReissueCertificate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let cert = state
        .write(move |conn| service::reissue_certificate(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(cert))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// The certificate number, e.g. `406/2026/000123`.
    #[param(value_type = String, min_length = 1, max_length = 64)]
    pub number: Option<String>,
    /// The verification code printed beside the number (mã xác thực), e.g. `7K2M-9QX4-TB3H`;
    /// case, spaces and dashes do not matter.
    #[param(value_type = String, min_length = 1, max_length = 32)]
    pub code: Option<String>,
}

/// Verify a certificate — public, no token; 30 requests a minute per address. Needs the number
/// and the verification code printed beside it (the number alone is refused: numbers follow each
/// other and could be walked). Says whether it is valid, with the program, the center, the issue
/// date and the holder's initials only; a wrong code answers as an unknown number.
#[utoipa::path(
    tag = "learners",
    operation_id = "verify_certificate",
    params(VerifyQuery),
    responses(
        (status = 200, description = "The check", body = CertificateCheck),
        (status = 429, description = "Too many checks; see Retry-After", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/verify")]
pub async fn verify_certificate(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<VerifyQuery>,
) -> Result<HttpResponse, ApiError> {
    let address = crate::http::client_address(&req, &state.settings.trusted_proxies);
    state
        .verify_limiter
        .check(&address)
        .map_err(|secs| ApiError::TooManyRequests {
            retry_after_secs: secs,
        })?;
    let number = query
        .number
        .clone()
        // 64 characters, as the spec says (not bytes: a non-ASCII number is as long as it looks).
        .filter(|n| !n.trim().is_empty() && n.chars().count() <= 64)
        .ok_or_else(|| ApiError::bad_field("number", "required", "a certificate number"))?;
    let code = query
        .code
        .clone()
        .filter(|c| !c.trim().is_empty() && c.chars().count() <= 32)
        .ok_or_else(|| {
            ApiError::bad_field(
                "code",
                "required",
                "the verification code printed beside the certificate's number",
            )
        })?;
    let check = state
        .db(move |conn| service::verify(conn, &number, &code))
        .await?;
    Ok(HttpResponse::Ok().json(check))
}

/// Record a session's attendance in one request (one transaction): `present`, `excused` or
/// `absent` for enrolled learners of its class. The center's admins or the session's lecturer.
#[utoipa::path(
    tag = "learners",
    operation_id = "put_session_attendance",
    params(("id" = Uuid, Path, description = "Session id")),
    request_body = SessionAttendance,
    responses(
        (status = 200, description = "The session's attendance", body = SessionAttendance),
        (status = 409, description = "The class is not in progress", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[put("/{id}/attendance")]
pub async fn put_session_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
    body: Json<SessionAttendance>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .write(move |conn| service::record_attendance(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// A session's attendance.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_session_attendance",
    params(("id" = Uuid, Path, description = "Session id")),
    responses((status = 200, description = "The session's attendance", body = SessionAttendance)),
    security(("bearer" = []))
)]
#[get("/{id}/attendance")]
pub async fn get_session_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .db(move |conn| service::session_attendance(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// Each enrollment's attendance ratio in a class, by periods of its taught sessions.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_class_attendance",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "Attendance", body = ClassAttendance)),
    security(("bearer" = []))
)]
#[get("/{id}/attendance")]
pub async fn get_class_attendance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let attendance = state
        .db(move |conn| service::class_attendance(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(attendance))
}

/// Record an enrollment's result: score (no final score below the attendance threshold: 422
/// naming the ratio and the threshold), one retake, conduct, comment; graded by the policy.
#[utoipa::path(
    tag = "learners",
    operation_id = "put_result",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    request_body = ResultInput,
    responses(
        (status = 200, description = "The result", body = ResultDto),
        (status = 409, description = "The enrollment is not enrolled", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[put("/{id}/result")]
pub async fn put_result(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<EnrollmentId>,
    body: Json<ResultInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let result = state
        .write(move |conn| service::put_result(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// An enrollment's result.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_result",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    responses((status = 200, description = "The result", body = ResultDto)),
    security(("bearer" = []))
)]
#[get("/{id}/result")]
pub async fn get_result(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let result = state
        .db(move |conn| service::get_result(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// Filters of the learner list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LearnerFilters {
    #[param(value_type = Option<Uuid>)]
    pub party_organization_id: Option<String>,
    /// Only the learner with this id in the district's own system.
    pub external_id: Option<String>,
}

/// Record a learner of a party organization. A learner with the same national id, or the same
/// name and birth date, is a 409 listing the candidates (`confirm_new: true` for a namesake).
#[utoipa::path(
    tag = "learners",
    operation_id = "create_learner",
    request_body = CreateLearner,
    responses(
        (status = 201, description = "Created", body = Learner),
        (status = 409, description = "Possible duplicates", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_learner(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateLearner>,
) -> Result<HttpResponse, ApiError> {
    let learner = state
        .write(move |conn| service::create(conn, &caller, body.0))
        .await?;
    Ok(with_etag(StatusCode::CREATED, learner.version, &learner))
}

/// List learners in my scope.
#[utoipa::path(
    tag = "learners",
    operation_id = "list_learners",
    params(ListParams, LearnerFilters),
    responses((status = 200, description = "A page of learners", body = LearnerList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_learners(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    filters: web::Query<LearnerFilters>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.paging(&[("name", LearnerSort::Name)])?;
    let query = LearnerQuery {
        party_organization_id: parse_uuid_param(
            "party_organization_id",
            filters.party_organization_id.as_deref(),
        )?
        .map(OrganizationId),
        q: params.q.clone(),
        external_id: filters.external_id.clone(),
    };
    serve_list(
        &state,
        &req,
        caller,
        paging,
        move |conn, caller, request| service::list(conn, caller, query, request),
    )
    .await
}

/// Get a learner.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_learner",
    params(("id" = Uuid, Path, description = "Learner id")),
    responses(
        (status = 200, description = "The learner", body = Learner),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_learner(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LearnerId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let learner = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, learner.version, &learner))
}

/// Replace a learner's details (a masked national id sent back unchanged keeps the stored one).
#[utoipa::path(
    tag = "learners",
    operation_id = "replace_learner",
    params(("id" = Uuid, Path, description = "Learner id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = CreateLearner,
    responses(
        (status = 200, description = "Changed", body = Learner),
        (status = 409, description = "Possible duplicates", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[put("/{id}")]
pub async fn replace_learner(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<LearnerId>,
    body: Json<CreateLearner>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let learner = state
        .write(move |conn| service::replace(conn, &caller, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, learner.version, &learner))
}

/// Nominate a learner for an open class (a party organization for its own learners; a center
/// admin on their behalf).
#[utoipa::path(
    tag = "learners",
    operation_id = "nominate_learner",
    params(("id" = Uuid, Path, description = "Class id")),
    request_body = Nominate,
    responses(
        (status = 201, description = "Nominated", body = Enrollment),
        (status = 409, description = "The class is not open, or the learner is already nominated", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/nominations")]
pub async fn nominate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
    body: Json<Nominate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let enrollment = state
        .write(move |conn| service::nominate(conn, &caller, id, body.0))
        .await?;
    Ok(with_etag(
        StatusCode::CREATED,
        enrollment.version,
        &enrollment,
    ))
}

/// The enrollments of a class (a party organization sees its own learners').
#[utoipa::path(
    tag = "learners",
    operation_id = "list_enrollments",
    params(("id" = Uuid, Path, description = "Class id")),
    responses((status = 200, description = "The enrollments", body = EnrollmentList)),
    security(("bearer" = []))
)]
#[get("/{id}/enrollments")]
pub async fn list_enrollments(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<ClassId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let list = state
        .db(move |conn| service::of_class(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

async fn step(
    state: web::Data<AppState>,
    caller: Caller,
    id: EnrollmentId,
    action: EnrollmentAction,
    input: EnrollmentStepInput,
) -> Result<HttpResponse, ApiError> {
    let enrollment = state
        .write(move |conn| service::step(conn, &caller, id, action, input))
        .await?;
    Ok(with_etag(StatusCode::OK, enrollment.version, &enrollment))
}

macro_rules! enrollment_action {
    ($fn:ident, $path:literal, $action:expr, $op:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "learners",
            operation_id = $op,
            params(("id" = Uuid, Path, description = "Enrollment id")),
            request_body(content = EnrollmentStepInput, description = "A `reason` (required to reject or withdraw); the body may be empty"),
            responses(
                (status = 200, description = "The enrollment after the step", body = Enrollment),
                (status = 409, description = "The status does not allow this step, or the class is full", body = Problem, content_type = "application/problem+json")
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        pub async fn $fn(
            state: web::Data<AppState>,
            caller: Caller,
            id: web::Path<EnrollmentId>,
            body: OptionalJson<EnrollmentStepInput>,
        ) -> Result<HttpResponse, ApiError> {
            step(state, caller, id.into_inner(), $action, body.0).await
        }
    };
}

enrollment_action!(
    approve_enrollment,
    "/{id}/approve",
    EnrollmentAction::Approve,
    "approve_enrollment",
    "Approve a nomination: the learner is eligible for the program and takes a seat (409 when the class is full)."
);
enrollment_action!(
    reject_enrollment,
    "/{id}/reject",
    EnrollmentAction::Reject,
    "reject_enrollment",
    "Reject a nomination, with a reason."
);
enrollment_action!(
    enroll_enrollment,
    "/{id}/enroll",
    EnrollmentAction::Enroll,
    "enroll_enrollment",
    "Enroll an approved learner (they came)."
);
enrollment_action!(
    withdraw_enrollment,
    "/{id}/withdraw",
    EnrollmentAction::Withdraw,
    "withdraw_enrollment",
    "Withdraw an approved or enrolled learner, with a reason; the seat is freed."
);

/// The workflow history of an enrollment, oldest first.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_enrollment_history",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    responses((status = 200, description = "Every step", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn enrollment_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let history = state
        .db(move |conn| service::history(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(history))
}

/// One enrollment (the class's center, or the learner's party organization).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_enrollment",
    params(("id" = Uuid, Path, description = "Enrollment id")),
    responses(
        (status = 200, description = "The enrollment", body = Enrollment),
        (status = 304, description = "Not modified")
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_enrollment(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let enrollment = state
        .db(move |conn| service::get_enrollment(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, enrollment.version, &enrollment))
}

/// One certificate, with its verification code (readers of its enrollment).
#[utoipa::path(
    tag = "learners",
    operation_id = "get_certificate",
    params(("id" = Uuid, Path, description = "Certificate id")),
    responses((status = 200, description = "The certificate", body = Certificate)),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let certificate = state
        .db(move |conn| service::certificate(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(certificate))
}
