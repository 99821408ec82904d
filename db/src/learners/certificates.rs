//! Certificates and each issuer's master register (sổ gốc) numbering: a center's, or the
//! provincial school's for the programs it delivers with the centers.

use super::EnrollmentRow;
use crate::schema::enrollments;
use crate::InScope;
use crate::{DbConnection, EnrollmentId, LearnerId, OrganizationId};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A certificate as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::certificates)]
pub struct CertificateRow {
    pub id: crate::CertificateId,
    pub enrollment_id: EnrollmentId,
    pub center_id: OrganizationId,
    pub program_id: crate::ProgramId,
    pub year: i32,
    pub serial: i32,
    pub suffix: i32,
    pub number: String,
    pub issue_date: NaiveDate,
    pub signer: String,
    pub valid_until: Option<NaiveDate>,
    pub reason: Option<String>,
    pub replaced_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub verification_code: String,
    /// Whose register numbers it: the center's, or the provincial school's.
    pub issuer_id: OrganizationId,
}

/// Letters of a verification code: Crockford's base 32 (no I, L, O, U to misread).
pub(crate) const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of a verification code: 12 × 5 bits = 60 bits from the operating system's random
/// source, so that a register's numbers, which follow each other, cannot be walked.
pub const VERIFICATION_CODE_LEN: usize = 12;

/// A new certificate's verification code, printed beside its number.
pub fn new_verification_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; VERIFICATION_CODE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| char::from(CODE_ALPHABET[usize::from(b & 31)]))
        .collect()
}

/// A verification code as a person types it: case, spaces and dashes do not matter, and the
/// letters Crockford's alphabet leaves out read as the digits they look like.
pub fn normalize_verification_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// The next serial of an issuer's register for a year. The counter row is created if missing and
/// incremented in one statement, which holds its row lock until the transaction ends: two issues
/// at once get consecutive numbers, and a rolled-back issue gives its number back.
pub fn next_serial(conn: &mut DbConnection, issuer: OrganizationId, year: i32) -> QueryResult<i32> {
    advance_counter(conn, issuer, year, None)
}

/// Records that an issuer used `serial` outside this server (a number the school gave, recorded
/// by a center): the counter moves up to it, never back, so the register never hands it out.
pub fn note_serial_used(
    conn: &mut DbConnection,
    issuer: OrganizationId,
    year: i32,
    serial: i32,
) -> QueryResult<i32> {
    advance_counter(conn, issuer, year, Some(serial))
}

fn advance_counter(
    conn: &mut DbConnection,
    issuer: OrganizationId,
    year: i32,
    to_at_least: Option<i32>,
) -> QueryResult<i32> {
    use crate::schema::certificate_counters as t;
    let row = (
        t::issuer_id.eq(issuer),
        t::year.eq(year),
        t::last_serial.eq(0),
    );
    crate::db_run!(conn, |c| diesel::insert_into(t::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    let target = t::table
        .filter(t::issuer_id.eq(issuer))
        .filter(t::year.eq(year));
    match to_at_least {
        None => diesel::update(target)
            .set(t::last_serial.eq(t::last_serial + 1))
            .returning(t::last_serial)
            .get_result(conn),
        Some(serial) => {
            // Locks the row like the increment does, then keeps the larger of the two.
            let current: i32 = diesel::update(target)
                .set(t::last_serial.eq(t::last_serial))
                .returning(t::last_serial)
                .get_result(conn)?;
            if serial > current {
                diesel::update(target)
                    .set(t::last_serial.eq(serial))
                    .execute(conn)?;
            }
            Ok(serial.max(current))
        }
    }
}

/// A certificate to record.
#[derive(Debug, Clone)]
pub struct NewCertificate {
    pub enrollment_id: EnrollmentId,
    pub center_id: OrganizationId,
    pub issuer_id: OrganizationId,
    pub program_id: crate::ProgramId,
    pub year: i32,
    pub serial: i32,
    pub suffix: i32,
    pub number: String,
    pub issue_date: NaiveDate,
    pub signer: String,
    pub valid_until: Option<NaiveDate>,
    pub reason: Option<String>,
}

pub fn insert_certificate(
    conn: &mut DbConnection,
    c: &NewCertificate,
) -> QueryResult<CertificateRow> {
    use crate::schema::certificates as t;
    diesel::insert_into(t::table)
        .values((
            t::id.eq(crate::new_id()),
            t::enrollment_id.eq(c.enrollment_id),
            t::center_id.eq(c.center_id),
            t::issuer_id.eq(c.issuer_id),
            t::program_id.eq(c.program_id),
            t::year.eq(c.year),
            t::serial.eq(c.serial),
            t::suffix.eq(c.suffix),
            t::number.eq(&c.number),
            t::issue_date.eq(c.issue_date),
            t::signer.eq(&c.signer),
            t::valid_until.eq(c.valid_until),
            t::reason.eq(&c.reason),
            t::created_at.eq(crate::now()),
            t::verification_code.eq(new_verification_code()),
        ))
        .returning(t::all_columns)
        .get_result(conn)
}

/// The certificates of an enrollment, oldest first (the last one is current).
pub fn certificates_of(
    conn: &mut DbConnection,
    enrollment: &InScope<EnrollmentRow>,
) -> QueryResult<Vec<CertificateRow>> {
    use crate::schema::certificates as t;
    t::table
        .filter(t::enrollment_id.eq(enrollment.id))
        .select(CertificateRow::as_select())
        .order(t::suffix.asc())
        .load(conn)
}

pub fn find_certificate_unscoped(
    conn: &mut DbConnection,
    id: crate::CertificateId,
) -> QueryResult<Option<CertificateRow>> {
    use crate::schema::certificates as t;
    t::table
        .filter(t::id.eq(id))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()
}

pub fn certificate_by_number_unscoped(
    conn: &mut DbConnection,
    number: &str,
) -> QueryResult<Option<CertificateRow>> {
    use crate::schema::certificates as t;
    t::table
        .filter(t::number.eq(number))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()
}

/// Marks a certificate replaced by a reissue, if it is not already.
pub fn mark_replaced(conn: &mut DbConnection, id: crate::CertificateId) -> QueryResult<usize> {
    use crate::schema::certificates as t;
    diesel::update(
        t::table
            .filter(t::id.eq(id))
            .filter(t::replaced_at.is_null()),
    )
    .set(t::replaced_at.eq(Some(crate::now())))
    .execute(conn)
}

/// A learner's current certificates of a program (not replaced).
pub fn current_certificates_of_learner(
    conn: &mut DbConnection,
    learner: LearnerId,
    program: crate::ProgramId,
) -> QueryResult<Vec<CertificateRow>> {
    use crate::schema::certificates as t;
    t::table
        .inner_join(enrollments::table)
        .filter(enrollments::learner_id.eq(learner))
        .filter(t::program_id.eq(program))
        .filter(t::replaced_at.is_null())
        .select(CertificateRow::as_select())
        .load(conn)
}

/// An issuer's register (sổ cấp chứng chỉ) for a year: every certificate it numbered — reissues
/// and replaced ones included, as the register keeps them — in number order, with its enrollment,
/// for the classes `scope` reaches (the caller found the issuer in its scope first).
pub fn register(
    conn: &mut DbConnection,
    issuer: OrganizationId,
    year: i32,
    scope: &crate::Scope,
) -> QueryResult<Vec<(CertificateRow, InScope<EnrollmentRow>)>> {
    use crate::schema::{certificates as t, classes, organizations};
    let rows: Vec<(CertificateRow, EnrollmentRow)> = t::table
        .inner_join(enrollments::table.inner_join(classes::table))
        .inner_join(organizations::table.on(organizations::id.eq(classes::center_id)))
        .filter(t::issuer_id.eq(issuer))
        .filter(t::year.eq(year))
        .filter(crate::scope::reaches(scope))
        .order((t::serial.asc(), t::suffix.asc()))
        .select((CertificateRow::as_select(), EnrollmentRow::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(c, e)| (c, InScope::new(e)))
        .collect())
}
