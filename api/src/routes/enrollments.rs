//! `/enrollments`: vetting steps, history, results and certificates of an enrollment.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::http::etag_response;
use crate::paging::{serve_history, serve_whole, text_key, ListParams, PageParams, IN_STEP_ORDER};
use crate::services::certificates::*;
use crate::services::enrollments::*;
use crate::services::results::*;
use crate::services::workflow::WorkflowHistory;
use crate::services::{certificates, enrollments, results};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use centers_db::DbConnection;
use centers_db::EnrollmentId;
use centers_domain::learners::EnrollmentAction;
use utoipa_actix_web::scope;

/// An enrollment's certificates, the original first.
const CERTIFICATE_SORTS: &[(&str, ())] = &[("suffix", ())];

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
        .db(move |conn| enrollments::get_enrollment(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, enrollment.version, &enrollment))
}

/// The workflow history of an enrollment, oldest first.
#[utoipa::path(
    tag = "learners",
    operation_id = "get_enrollment_history",
    params(PageParams, ("id" = Uuid, Path, description = "Enrollment id")),
    responses((status = 200, description = "Every step", body = WorkflowHistory)),
    security(("bearer" = []))
)]
#[get("/{id}/history")]
pub async fn enrollment_history(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read =
        move |conn: &mut DbConnection, caller: &Caller| enrollments::history(conn, caller, id);
    serve_history(&state, &req, caller, &params, read).await
}

workflow_steps! {
    tag: "learners",
    id: EnrollmentId, id_doc: "Enrollment id",
    input: EnrollmentStepInput,
    answer: Enrollment,
    conflict: "The status does not allow this step, or the class is full",
    service: enrollments::step;
    /// Approve a nomination: the learner is eligible for the program and takes a seat (409 when the class is full).
    approve_enrollment: "/{id}/approve" => EnrollmentAction::Approve, body: "A `reason` (required to reject or withdraw); the body may be empty";
    /// Reject a nomination, with a reason.
    reject_enrollment: "/{id}/reject" => EnrollmentAction::Reject, body: "A `reason` (required to reject or withdraw); the body may be empty";
    /// Enroll an approved learner (they came).
    enroll_enrollment: "/{id}/enroll" => EnrollmentAction::Enroll, body: "A `reason` (required to reject or withdraw); the body may be empty";
    /// Withdraw an approved or enrolled learner, with a reason; the seat is freed.
    withdraw_enrollment: "/{id}/withdraw" => EnrollmentAction::Withdraw, body: "A `reason` (required to reject or withdraw); the body may be empty";
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
        .write(move |conn| results::put_result(conn, &caller, id, body.0))
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
        .db(move |conn| results::get_result(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(result))
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
        .write(move |conn| certificates::issue_certificate(conn, &caller, id, body.0))
        .await?;
    Ok(HttpResponse::Created().json(cert))
}

/// The certificates of an enrollment: the original and its reissues, oldest first.
#[utoipa::path(
    tag = "learners",
    operation_id = "list_certificates",
    params(PageParams, ("id" = Uuid, Path, description = "Enrollment id")),
    responses((status = 200, description = "Certificates, the original first (`sort=suffix`, `-suffix`)", body = CertificateList)),
    security(("bearer" = []))
)]
#[get("/{id}/certificates")]
pub async fn list_certificates(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
    id: web::Path<EnrollmentId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let read = move |conn: &mut DbConnection, caller: &Caller| {
        certificates::certificates(conn, caller, id)
    };
    serve_whole(
        &state,
        &req,
        caller,
        &params,
        CERTIFICATE_SORTS,
        read,
        |c| text_key(format!("{:06}", c.suffix), c.id),
    )
    .await
}

/// This resource's routes (one scope per collection it serves) and the sorted lists among them.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/enrollments")
                .service(approve_enrollment)
                .service(reject_enrollment)
                .service(enroll_enrollment)
                .service(withdraw_enrollment)
                .service(enrollment_history)
                .service(put_result)
                .service(get_result)
                .service(issue_certificate)
                .service(list_certificates)
                .service(get_enrollment),
        );
    },
    sorts: &[
        ("get_enrollment_history", || sort_names(IN_STEP_ORDER)),
        ("list_certificates", || sort_names(CERTIFICATE_SORTS)),
    ],
};
