//! Certificates: what the catalogue says a program earns, numbered in its issuer's register (the
//! center's, or the provincial school's for the programs it delivers with the centers) in the
//! province's number format, reissued for an error, verified publicly by number and code.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use crate::services::enrollments::*;
use crate::services::results::*;
use crate::services::{clean_text, owner_path};
use centers_db::learners::{self as db};
use centers_db::writes::{self, Write};
use centers_db::{
    organizations as orgs, programs, CertificateId, DbConnection, EnrollmentId, OrganizationId,
};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::EnrollmentStatus;
use centers_domain::organizations::OrganizationKind;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A certificate of the center's master register (sổ gốc).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Certificate {
    pub id: CertificateId,
    pub enrollment_id: EnrollmentId,
    /// In the province's format (policy `certificate_number_format`, by default
    /// `<issuer code>/<year>/<serial>`), with `-<n>` for the n-th reissue.
    #[schema(example = "406/2026/000123")]
    pub number: String,
    pub serial: i32,
    /// 0 for the original, n for the n-th reissue.
    pub suffix: i32,
    pub year: i32,
    /// The center that ran the class.
    pub center_id: OrganizationId,
    /// Whose register numbers it: the center, or the provincial school.
    pub issuer_id: OrganizationId,
    pub program_id: centers_db::ProgramId,
    pub issue_date: NaiveDate,
    pub signer: String,
    /// Party-admission certificates expire (policy); others do not.
    pub valid_until: Option<NaiveDate>,
    /// Why it was reissued.
    pub reason: Option<String>,
    /// When a reissue replaced it.
    pub replaced_at: Option<DateTime<Utc>>,
    /// Mã xác thực: printed on the certificate beside its number; `GET /certificates/verify`
    /// needs both. 12 characters of Crockford's base 32 (60 random bits).
    #[schema(example = "7K2M9QX4TB3H")]
    pub verification_code: String,
}

list_schema!(CertificateList, Certificate);

impl From<db::CertificateRow> for Certificate {
    fn from(r: db::CertificateRow) -> Self {
        Certificate {
            id: r.id,
            enrollment_id: r.enrollment_id,
            number: r.number,
            serial: r.serial,
            suffix: r.suffix,
            year: r.year,
            center_id: r.center_id,
            issuer_id: r.issuer_id,
            program_id: r.program_id,
            issue_date: r.issue_date,
            signer: r.signer,
            valid_until: r.valid_until,
            reason: r.reason,
            replaced_at: r.replaced_at.map(utc),
            verification_code: r.verification_code,
        }
    }
}

/// A certificate to issue.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueCertificate {
    /// On or after the class's last day, and not in the future.
    pub issue_date: NaiveDate,
    /// Who signed it (the director).
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub signer: String,
    /// For a program whose certificates the provincial school issues: the number the school
    /// gave, recorded by the center (it must be a number of the school's register for the year
    /// of issue, in the province's format). Without it, only the school's own accounts issue
    /// — the next number of its register. Not sent for a center's own programs.
    #[schema(min_length = 1, max_length = 100, example = "TCT/2026/000042")]
    pub number: Option<String>,
}

/// A reissue: the same serial with the next suffix, for the center's error only.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReissueCertificate {
    pub issue_date: NaiveDate,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub signer: String,
    #[schema(min_length = 1, max_length = 2000, pattern = "\\S")]
    pub reason: String,
}

pub(crate) fn signer_of(raw: &str) -> Result<String, ApiError> {
    let s = clean_text(Some(raw)).unwrap_or_default();
    if s.is_empty() || s.chars().count() > 200 {
        return Err(ApiError::invalid_field(
            "signer",
            "invalid",
            "1–200 characters",
        ));
    }
    Ok(s)
}

/// Who issues a program's certificate and its number: the next of the issuer's register, or —
/// for the school's programs, recorded by a center — the number the school gave.
#[allow(clippy::too_many_arguments)]
fn numbered(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &centers_db::organizations::OrganizationRow,
    program: &centers_db::programs::ProgramRow,
    policy: &centers_domain::policies::PolicySet,
    year: i32,
    given: Option<String>,
) -> Result<(OrganizationId, i32, String), ApiError> {
    use centers_domain::certificates::{issuer_of, Issuer};
    let kind = issuer_of(program.credential, program.delivery)
        .map_err(|e| ApiError::invalid_field("credential", "none", e.to_string()))?;
    let issuer = match kind {
        Issuer::Center => center.clone(),
        Issuer::ProvincialSchool => {
            let province = caller.province_id()?.into();
            orgs::children_of(conn, &[province], OrganizationKind::ProvincialSchool)?
                .into_iter()
                .find(|s| s.valid_to.is_none())
                .ok_or_else(|| {
                    ApiError::Internal("the province has no open provincial school".into())
                })?
        }
    };
    let code = issuer.code.clone().unwrap_or_else(|| issuer.id.to_string());
    let format = policy
        .number_format()
        .map_err(|e| ApiError::Internal(format!("certificate_number_format: {e}")))?;
    let given = given
        .map(|n| centers_domain::text::normalize(n.trim()))
        .filter(|n| !n.is_empty());
    match (kind, given) {
        (Issuer::Center, Some(_)) => Err(ApiError::invalid_field(
            "number",
            "numbered_here",
            "the center's own register numbers this program's certificates; send no number",
        )),
        (Issuer::ProvincialSchool, Some(number)) => {
            let serial = format.serial_in(&number, &code, year).ok_or_else(|| {
                ApiError::invalid_field(
                    "number",
                    "not_in_register",
                    format!(
                        "not a number of {}'s register for {year} in the province's format {}",
                        issuer.name, policy.certificate_number_format
                    ),
                )
            })?;
            db::note_serial_used(conn, issuer.id, year, serial)?;
            Ok((issuer.id, serial, number))
        }
        (Issuer::ProvincialSchool, None) if !caller.scope().contains(&issuer.path) => {
            Err(ApiError::invalid_field(
                "number",
                "issued_by_school",
                format!(
                    "{} issues this program's {}s from its register: record the number it gave",
                    issuer.name, program.credential
                ),
            ))
        }
        (_, None) => {
            let serial = db::next_serial(conn, issuer.id, year)?;
            Ok((issuer.id, serial, format.format(&code, year, serial)))
        }
    }
}

/// Issue the certificate of a completed enrollment, numbered in its issuer's register for the
/// year of issue.
pub fn issue_certificate(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
    b: IssueCertificate,
) -> Result<Certificate, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    let (row, class) = enrollment_for_results(conn, caller, id)?;
    if row.status != EnrollmentStatus::Completed {
        return Err(ApiError::Conflict {
            detail: format!(
                "a certificate is for a completed enrollment; this one is {}",
                row.status
            ),
            current_state: Some(row.status.to_string()),
            allowed_actions: None,
        });
    }
    let signer = signer_of(&b.signer)?;
    let today = centers_domain::teaching::local_day(centers_db::now());
    // Certificates count from the decision recognizing the class's results (its date), or
    // from the class's last day for a class recorded without one.
    let (from, what) = match class.recognition_decision_date {
        Some(date) => (date, "the decision recognizing the results"),
        None => (class.end_date, "the class's last day"),
    };
    if b.issue_date < from || b.issue_date > today {
        return Err(ApiError::invalid_field(
            "issue_date",
            "out_of_range",
            format!("between {what} ({from}) and today"),
        ));
    }
    if !db::certificates_of(conn, &row)?.is_empty() {
        return Err(ApiError::conflict(
            "the certificate was already issued; a reissue keeps its number",
        ));
    }
    let center = orgs::find_unscoped(conn, class.center_id)?.ok_or(ApiError::NotFound)?;
    let province = caller.province_id()?.into();
    let program = programs::find(conn, class.program_id, province)?.ok_or(ApiError::NotFound)?;
    let policy = crate::services::policies::set_on(conn, province, b.issue_date, "issue_date")?;
    let valid_until = (program.category
        == centers_domain::programs::ProgramCategory::PartyAdmission)
        .then(|| {
            b.issue_date.checked_add_months(chrono::Months::new(
                u32::try_from(policy.certificate_validity_months).unwrap_or(0),
            ))
        })
        .flatten();
    let year = b.issue_date.year();
    let (issuer, serial, number) =
        numbered(conn, caller, &center, &program, &policy, year, b.number)?;
    let cert = db::insert_certificate(
        conn,
        &db::NewCertificate {
            enrollment_id: row.id,
            center_id: center.id,
            issuer_id: issuer,
            program_id: program.id,
            year,
            serial,
            suffix: 0,
            number,
            issue_date: b.issue_date,
            signer,
            valid_until,
            reason: None,
        },
    )?;
    let dto = Certificate::from(cert);
    let path = owner_path(conn, row.party_organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Certificate, dto.id, &path, &dto)
            .action(AuditAction::IssueCertificate),
    )?;
    Ok(dto)
}

/// Reissue a certificate for the center's error: the same serial with the next suffix; the
/// earlier one is replaced (and no longer verifies).
pub fn reissue_certificate(
    conn: &mut DbConnection,
    caller: &Caller,
    id: CertificateId,
    b: ReissueCertificate,
) -> Result<Certificate, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    let old = db::find_certificate_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let (row, _) = enrollment_for_results(conn, caller, old.enrollment_id)?;
    let signer = signer_of(&b.signer)?;
    let reason = clean_text(Some(&b.reason))
        .filter(|r| r.chars().count() <= 2000)
        .ok_or_else(|| ApiError::invalid_field("reason", "required", "say what the error was"))?;
    let today = centers_domain::teaching::local_day(centers_db::now());
    if b.issue_date < old.issue_date || b.issue_date > today {
        return Err(ApiError::invalid_field(
            "issue_date",
            "out_of_range",
            "between the first issue and today",
        ));
    }
    if db::mark_replaced(conn, old.id)? == 0 {
        return Err(ApiError::conflict(
            "this certificate was already replaced; reissue the current one",
        ));
    }
    let all = db::certificates_of(conn, &row)?;
    let suffix = all.iter().map(|c| c.suffix).max().unwrap_or(0) + 1;
    // The number without its reissue suffix (a format or an issuer code may hold a `-`).
    let base = match old.suffix {
        0 => old.number.clone(),
        n => old
            .number
            .strip_suffix(&format!("-{n}"))
            .unwrap_or(&old.number)
            .to_owned(),
    };
    let cert = db::insert_certificate(
        conn,
        &db::NewCertificate {
            enrollment_id: row.id,
            center_id: old.center_id,
            issuer_id: old.issuer_id,
            program_id: old.program_id,
            year: old.year,
            serial: old.serial,
            suffix,
            number: format!("{base}-{suffix}"),
            issue_date: b.issue_date,
            signer,
            valid_until: old.valid_until,
            reason: Some(reason),
        },
    )?;
    let dto = Certificate::from(cert);
    let path = owner_path(conn, row.party_organization_id)?;
    let replaced = db::find_certificate_unscoped(conn, old.id)?.ok_or(ApiError::NotFound)?;
    writes::record_many(
        conn,
        &caller.audit(),
        &[
            Write::update(
                EntityKind::Certificate,
                old.id,
                &path,
                &Certificate::from(old),
                &Certificate::from(replaced),
            )
            .action(AuditAction::ReissueCertificate),
            Write::create(EntityKind::Certificate, dto.id, &path, &dto)
                .action(AuditAction::ReissueCertificate),
        ],
    )?;
    Ok(dto)
}

pub fn certificates(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<Vec<Certificate>, ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    let items: Vec<Certificate> = db::certificates_of(conn, &row)?
        .into_iter()
        .map(Certificate::from)
        .collect();
    Ok(items)
}

/// One certificate of an enrollment the caller reads.
pub fn certificate(
    conn: &mut DbConnection,
    caller: &Caller,
    id: CertificateId,
) -> Result<Certificate, ApiError> {
    let cert = db::find_certificate_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    readable_enrollment(conn, caller, cert.enrollment_id)?;
    Ok(Certificate::from(cert))
}

/// What anyone may learn of a certificate number: whether it is valid, and no personal data but
/// the holder's initials.
#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateCheck {
    pub number: String,
    /// Issued, not replaced by a reissue, and not expired today.
    pub valid: bool,
    pub program: Option<String>,
    pub center: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// E.g. "L.T.M." for Lê Thị Mai.
    pub holder_initials: Option<String>,
}

pub(crate) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect()
}

/// Public verification of a certificate by its number and the verification code printed beside
/// it. A wrong code answers exactly as an unknown number: the register cannot be walked by
/// numbers, which follow each other.
pub fn verify(
    conn: &mut DbConnection,
    number: &str,
    code: &str,
) -> Result<CertificateCheck, ApiError> {
    let number = number.trim().to_owned();
    let code = db::normalize_verification_code(code);
    let found = db::certificate_by_number_unscoped(conn, &number)?.filter(|c| {
        // Compared in constant time: the code is the secret of the check.
        c.verification_code.len() == code.len()
            && c.verification_code
                .bytes()
                .zip(code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    });
    let Some(cert) = found else {
        return Ok(CertificateCheck {
            number,
            valid: false,
            program: None,
            center: None,
            issue_date: None,
            valid_until: None,
            holder_initials: None,
        });
    };
    let today = centers_domain::teaching::local_day(centers_db::now());
    let enrollment =
        db::find_enrollment_unscoped(conn, cert.enrollment_id)?.ok_or(ApiError::NotFound)?;
    let learner = db::learner_unscoped(conn, enrollment.learner_id)?;
    let program = programs::by_ids(conn, &[cert.program_id])?
        .into_iter()
        .next();
    let center = orgs::find_unscoped(conn, cert.center_id)?;
    Ok(CertificateCheck {
        valid: cert.replaced_at.is_none() && cert.valid_until.is_none_or(|v| today <= v),
        number,
        program: program.map(|p| p.name),
        center: center.map(|c| c.name),
        issue_date: Some(cert.issue_date),
        valid_until: cert.valid_until,
        holder_initials: learner.map(|l| initials(&l.full_name)),
    })
}
