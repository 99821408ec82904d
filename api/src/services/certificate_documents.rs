//! What a person prints: a certificate as issued, and an issuer's master register of a year
//! (sổ cấp chứng chỉ). The data is gathered here, in scope; `crate::documents` lays it out.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::enrollments::readable_enrollment;
use crate::services::result_reports::{result_lines, ResultLine};
use centers_db::learners::{self as db};
use centers_db::{organizations as orgs, programs, CertificateId, DbConnection, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::Credential;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// Who issues: its name and what it is (the signer's title follows).
#[derive(Debug, Clone)]
pub struct IssuerOnPaper {
    pub name: String,
    pub kind: OrganizationKind,
    /// The place written before the date ("Quảng Xương, ngày …"): the unit it serves.
    pub place: String,
}

/// Everything printed on one certificate.
#[derive(Debug, Clone)]
pub struct CertificateDocument {
    pub issuer: IssuerOnPaper,
    pub credential: Credential,
    pub holder: String,
    pub birth_date: NaiveDate,
    pub program: String,
    pub class_code: String,
    pub class_name: String,
    pub class_start: NaiveDate,
    pub class_end: NaiveDate,
    pub grade: Option<String>,
    pub final_score: Option<f64>,
    pub issue_date: NaiveDate,
    pub signer: String,
    pub number: String,
    pub verification_code: String,
}

/// The place name of a unit as a date line writes it: without "Tỉnh", "Huyện", "Thành phố", ...
fn place_of(name: &str) -> String {
    const PREFIXES: [&str; 8] = [
        "Thành phố ",
        "Thị xã ",
        "Huyện ",
        "Tỉnh ",
        "Phường ",
        "Xã ",
        "Thị trấn ",
        "Trung tâm Chính trị ",
    ];
    PREFIXES
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
        .trim()
        .to_owned()
}

fn issuer_on_paper(
    conn: &mut DbConnection,
    issuer: &orgs::OrganizationRow,
) -> Result<IssuerOnPaper, ApiError> {
    // A center is named after the unit hosting it; the school after its province.
    let host = match issuer.parent_id {
        Some(p) => orgs::find_unscoped(conn, p)?,
        None => None,
    };
    let place = match (issuer.kind, host) {
        (OrganizationKind::ProvincialSchool, Some(province)) => place_of(&province.name),
        (_, Some(host)) if host.kind != OrganizationKind::Province => place_of(&host.name),
        _ => place_of(&issuer.name),
    };
    Ok(IssuerOnPaper {
        name: issuer.name.clone(),
        kind: issuer.kind,
        place,
    })
}

/// A certificate as printed, for the readers of its enrollment.
pub fn certificate_document(
    conn: &mut DbConnection,
    caller: &Caller,
    id: CertificateId,
) -> Result<CertificateDocument, ApiError> {
    let cert = db::find_certificate_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let enrollment = readable_enrollment(conn, caller, cert.enrollment_id)?;
    let class = db::class_unscoped(conn, enrollment.class_id)?.ok_or(ApiError::NotFound)?;
    let province = caller.province_id()?.into();
    let program = programs::find(conn, cert.program_id, province)?.ok_or(ApiError::NotFound)?;
    let issuer = orgs::find_unscoped(conn, cert.issuer_id)?.ok_or(ApiError::NotFound)?;
    let line: ResultLine = result_lines(conn, caller, vec![enrollment])?
        .items
        .pop()
        .ok_or(ApiError::NotFound)?;
    Ok(CertificateDocument {
        issuer: issuer_on_paper(conn, &issuer)?,
        credential: program.credential,
        holder: line.full_name,
        birth_date: line.birth_date,
        program: program.name,
        class_code: class.code,
        class_name: class.name,
        class_start: class.start_date,
        class_end: class.end_date,
        grade: line.grade,
        final_score: line.final_score,
        issue_date: cert.issue_date,
        signer: cert.signer,
        number: cert.number,
        verification_code: cert.verification_code,
    })
}

/// One entry of a master register.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterEntry {
    #[schema(example = "406/2026/000123")]
    pub number: String,
    pub serial: i32,
    /// 0 for the original, n for the n-th reissue.
    pub suffix: i32,
    pub issue_date: NaiveDate,
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub program: String,
    pub class_code: String,
    pub class_name: String,
    /// The grade band's label, when the program is graded.
    pub grade: Option<String>,
    pub final_score: Option<f64>,
    pub signer: String,
    /// Replaced by a reissue: no longer valid.
    pub replaced: bool,
    /// Why it was reissued.
    pub reason: Option<String>,
}

/// An issuer's master register for a year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CertificateRegister {
    pub issuer_id: OrganizationId,
    pub issuer_name: String,
    pub year: i32,
    pub items: Vec<RegisterEntry>,
    pub total: i64,
    /// The place written before the date on the printed register.
    #[serde(skip)]
    pub place: String,
}

/// The register of `issuer` (a center, or the provincial school) for `year`: the issuer must be in
/// the caller's scope, and the entries are the classes the caller reaches.
pub fn register(
    conn: &mut DbConnection,
    caller: &Caller,
    issuer: OrganizationId,
    year: i32,
) -> Result<CertificateRegister, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let issuer = orgs::find_in_scope(conn, issuer, None, &caller.scope())?
        .filter(|o| {
            matches!(
                o.kind,
                OrganizationKind::Center | OrganizationKind::ProvincialSchool
            )
        })
        .ok_or(ApiError::NotFound)?;
    let rows = db::register(conn, issuer.id, year, &caller.scope())?;
    let (certificates, enrollments): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    // One line per enrollment (a reissued certificate's enrollment appears once).
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<_> = enrollments
        .into_iter()
        .filter(|e| seen.insert(e.id))
        .collect();
    let lines: std::collections::HashMap<_, ResultLine> = result_lines(conn, caller, unique)?
        .items
        .into_iter()
        .map(|l| (l.enrollment_id, l))
        .collect();
    let items: Vec<RegisterEntry> = certificates
        .into_iter()
        .filter_map(|c| {
            let line = lines.get(&c.enrollment_id)?;
            Some(RegisterEntry {
                number: c.number,
                serial: c.serial,
                suffix: c.suffix,
                issue_date: c.issue_date,
                full_name: line.full_name.clone(),
                birth_date: line.birth_date,
                program: line.program.clone(),
                class_code: line.class_code.clone(),
                class_name: line.class_name.clone(),
                grade: line.grade.clone(),
                final_score: line.final_score,
                signer: c.signer,
                replaced: c.replaced_at.is_some(),
                reason: c.reason,
            })
        })
        .collect();
    Ok(CertificateRegister {
        issuer_id: issuer.id,
        place: issuer_on_paper(conn, &issuer)?.place,
        issuer_name: issuer.name,
        year,
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
    })
}

/// The register as a spreadsheet, Vietnamese headers.
pub fn register_table(r: &CertificateRegister) -> crate::export::Table {
    use crate::export::Cell;
    crate::export::Table {
        headers: crate::export::headers(&[
            "STT",
            "Số hiệu",
            "Họ và tên",
            "Ngày sinh",
            "Chương trình",
            "Lớp",
            "Xếp loại",
            "Ngày cấp",
            "Người ký",
            "Ghi chú",
        ]),
        rows: r
            .items
            .iter()
            .enumerate()
            .map(|(i, e)| {
                vec![
                    Cell::count(i64::try_from(i + 1).unwrap_or(i64::MAX)),
                    Cell::text(&e.number),
                    Cell::text(&e.full_name),
                    Cell::Date(e.birth_date),
                    Cell::text(&e.program),
                    Cell::text(&e.class_code),
                    Cell::maybe_text(e.grade.as_deref()),
                    Cell::Date(e.issue_date),
                    Cell::text(&e.signer),
                    note_of(e).map_or(Cell::Empty, Cell::Text),
                ]
            })
            .collect(),
    }
}

/// The register's remark on an entry: replaced, or reissued and why.
pub(crate) fn note_of(e: &RegisterEntry) -> Option<String> {
    match (e.replaced, e.suffix, &e.reason) {
        (true, _, _) => Some("Đã được cấp lại".into()),
        (false, n, Some(reason)) if n > 0 => Some(format!("Cấp lại lần {n}: {reason}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::place_of;

    #[test]
    fn a_place_is_named_without_its_kind() {
        assert_eq!(place_of("Huyện Quảng Xương"), "Quảng Xương");
        assert_eq!(place_of("Thành phố Thanh Hóa"), "Thanh Hóa");
        assert_eq!(place_of("Tỉnh Thanh Hóa"), "Thanh Hóa");
        assert_eq!(place_of("Nghi Sơn"), "Nghi Sơn");
    }
}
