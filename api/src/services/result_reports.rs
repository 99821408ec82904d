//! Results back to the party organizations that sent the learners (JSON, CSV, XLSX).

use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::enrollments::*;
use crate::services::results::*;
use centers_db::learners::{self as db, EnrollmentRow};
use centers_db::InScope;
use centers_db::{
    organizations as orgs, programs, ClassId, DbConnection, EnrollmentId, LearnerId, OrganizationId,
};
use centers_domain::access::Permission;
use centers_domain::learners::{attendance_ratio, EnrollmentStatus};
use centers_domain::organizations::OrganizationKind;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// One learner's line in a results report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultLine {
    pub enrollment_id: EnrollmentId,
    pub learner_id: LearnerId,
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub party_organization_id: OrganizationId,
    pub class_id: ClassId,
    pub class_code: String,
    pub class_name: String,
    pub program: String,
    pub status: EnrollmentStatus,
    pub attendance_ratio: Option<f64>,
    pub final_score: Option<f64>,
    pub grade: Option<String>,
    pub conduct: Option<String>,
    pub certificate_number: Option<String>,
}

/// Results of learners, as sent back to the organizations that nominated them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsReport {
    pub items: Vec<ResultLine>,
    pub total: i64,
}

/// The lines of `rows`, with each class's attendance, results and the current certificates.
pub(crate) fn result_lines(
    conn: &mut DbConnection,
    caller: &Caller,
    rows: Vec<InScope<EnrollmentRow>>,
) -> Result<ResultsReport, ApiError> {
    let province: OrganizationId = caller.province_id()?.into();
    // Attendance and results of these enrollments only: a party organization reads its own
    // learners' lines of a class, never the others'.
    let mut attendance = db::attendance_of_enrollments(conn, &rows)?;
    let results: std::collections::HashMap<EnrollmentId, db::ResultRow> =
        db::results_of(conn, &rows)?
            .into_iter()
            .map(|r| (r.enrollment_id, r))
            .collect();
    let mut classes = std::collections::HashMap::new();
    let mut items = Vec::new();
    for e in rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = classes.entry(e.class_id) {
            let class = db::class_unscoped(conn, e.class_id)?.ok_or(ApiError::NotFound)?;
            let program = programs::find(conn, class.program_id, province)?
                .map(|p| p.name)
                .unwrap_or_default();
            let periods = attendance.remove(&e.class_id).unwrap_or_default();
            let policy =
                crate::services::policies::set_on(conn, province, class.end_date, "class")?;
            slot.insert((class, program, periods, policy));
        }
        let Some((class, program, (taught, present), policy)) = classes.get(&e.class_id) else {
            continue;
        };
        let learner = db::learner_unscoped(conn, e.learner_id)?.ok_or(ApiError::NotFound)?;
        let ratio = attendance_ratio(present.get(&e.id).copied().unwrap_or(0), *taught);
        let result = results
            .get(&e.id)
            .map(|r| result_dto(r, ratio, policy))
            .transpose()?;
        let certificate = db::certificates_of(conn, &e)?
            .into_iter()
            .rfind(|c| c.replaced_at.is_none())
            .map(|c| c.number);
        items.push(ResultLine {
            enrollment_id: e.id,
            learner_id: e.learner_id,
            full_name: learner.full_name,
            birth_date: learner.birth_date,
            party_organization_id: e.party_organization_id,
            class_id: class.id,
            class_code: class.code.clone(),
            class_name: class.name.clone(),
            program: program.clone(),
            status: e.status,
            attendance_ratio: ratio,
            final_score: result.as_ref().and_then(|r| r.final_score),
            grade: result.as_ref().and_then(|r| r.grade_label.clone()),
            conduct: result.as_ref().and_then(|r| r.conduct_label.clone()),
            certificate_number: certificate,
        });
    }
    Ok(ResultsReport {
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
    })
}

/// A party organization's learners in the classes of a year.
pub fn results_of_party_organization(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    year: i32,
) -> Result<ResultsReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let organization = orgs::find_in_scope(
        conn,
        id,
        Some(OrganizationKind::PartyOrganization),
        &caller.scope(),
    )?
    .ok_or(ApiError::NotFound)?;
    let rows = db::enrollments_of_party_organization(conn, &caller.scope(), organization.id, year)?;
    result_lines(conn, caller, rows)
}

/// Every learner of a class (a party organization's account: its own).
pub fn results_of_class(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ResultsReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let rows = class_for(conn, caller, id)?.enrollments(conn, caller)?;
    result_lines(conn, caller, rows)
}

/// The report as a table with Vietnamese headers, for CSV and XLSX.
pub fn results_table(report: &ResultsReport) -> crate::export::Table {
    use crate::export::Cell;
    let text = |s: &str| Cell::Text(s.to_owned());
    let opt = |s: &Option<String>| {
        s.as_deref()
            .map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
    };
    let num = |n: Option<f64>| n.map_or(Cell::Empty, Cell::Number);
    crate::export::Table {
        headers: crate::export::headers(&[
            "Họ và tên",
            "Ngày sinh",
            "Mã lớp",
            "Tên lớp",
            "Chương trình",
            "Trạng thái",
            "Tỷ lệ chuyên cần",
            "Điểm",
            "Xếp loại",
            "Ý thức chấp hành",
            "Số chứng chỉ",
        ]),
        rows: report
            .items
            .iter()
            .map(|l| {
                vec![
                    text(&l.full_name),
                    Cell::Date(l.birth_date),
                    text(&l.class_code),
                    text(&l.class_name),
                    text(&l.program),
                    text(l.status.label()),
                    Cell::maybe_percent(l.attendance_ratio),
                    num(l.final_score),
                    opt(&l.grade),
                    opt(&l.conduct),
                    opt(&l.certificate_number),
                ]
            })
            .collect(),
    }
}
