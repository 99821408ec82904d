//! Learners and enrollments. A learner belongs to a grassroots party organization: whoever sees
//! that organization (its own account, its center, the province) sees the learner — personal
//! data, so every read here takes a scope.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{classes, enrollments, learners, organizations};
use crate::{
    ClassId, DbConnection, EnrollmentId, LearnerId, MultiBackend, OrganizationId, Scope, UserId,
};
use centers_domain::learners::{AttendanceStatus, EnrollmentStatus, Gender, PartyStatus};
use centers_domain::teaching::SessionStatus;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A learner as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = learners)]
pub struct LearnerRow {
    pub id: LearnerId,
    pub party_organization_id: OrganizationId,
    pub full_name: String,
    pub search_text: String,
    pub birth_date: NaiveDate,
    #[diesel(deserialize_as = String)]
    pub gender: Gender,
    pub ethnicity: Option<String>,
    #[diesel(deserialize_as = String)]
    pub party_status: PartyStatus,
    pub admission_date: Option<NaiveDate>,
    pub position: Option<String>,
    pub workplace: Option<String>,
    pub national_id: Option<String>,
    pub external_id: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A learner's fields, already checked.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = learners, treat_none_as_null = true)]
pub struct LearnerColumns {
    pub party_organization_id: OrganizationId,
    pub full_name: String,
    pub search_text: String,
    pub birth_date: NaiveDate,
    pub gender: String,
    pub ethnicity: Option<String>,
    pub party_status: String,
    pub admission_date: Option<NaiveDate>,
    pub position: Option<String>,
    pub workplace: Option<String>,
    pub national_id: Option<String>,
    pub external_id: Option<String>,
}

pub fn insert_learner(conn: &mut DbConnection, c: &LearnerColumns) -> QueryResult<LearnerRow> {
    let now = crate::now();
    diesel::insert_into(learners::table)
        .values((
            c.clone(),
            learners::id.eq(LearnerId::generate()),
            learners::version.eq(1),
            learners::created_at.eq(now),
            learners::updated_at.eq(now),
        ))
        .returning(learners::all_columns)
        .get_result(conn)
}

pub fn update_learner(
    conn: &mut DbConnection,
    id: LearnerId,
    version: i32,
    c: &LearnerColumns,
) -> QueryResult<Option<LearnerRow>> {
    diesel::update(
        learners::table
            .filter(learners::id.eq(id))
            .filter(learners::version.eq(version)),
    )
    .set((
        c.clone(),
        learners::version.eq(version + 1),
        learners::updated_at.eq(crate::now()),
    ))
    .returning(learners::all_columns)
    .get_result(conn)
    .optional()
}

type LearnerQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<learners::table, organizations::table>,
        diesel::dsl::AsSelect<LearnerRow, MultiBackend>,
    >,
    MultiBackend,
>;

fn learners_in(scope: &Scope) -> LearnerQuery<'static> {
    learners::table
        .inner_join(organizations::table)
        .select(LearnerRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(scope.pattern()))
}

pub fn find_learner(
    conn: &mut DbConnection,
    id: LearnerId,
    scope: &Scope,
) -> QueryResult<Option<LearnerRow>> {
    learners_in(scope)
        .filter(learners::id.eq(id))
        .first(conn)
        .optional()
}

/// Possible duplicates of a new learner anywhere in the province (the caller sees only those in
/// its scope): the same national id, or the same folded name and birth date.
pub fn duplicate_candidates(
    conn: &mut DbConnection,
    scope: &Scope,
    national_id: Option<&str>,
    search_text: &str,
    birth_date: NaiveDate,
    except: Option<LearnerId>,
) -> QueryResult<(Vec<LearnerRow>, bool)> {
    let same_person = learners::search_text
        .eq(search_text.to_owned())
        .and(learners::birth_date.eq(birth_date));
    let mut q = learners_in(scope)
        .filter(same_person.or(learners::national_id.eq(national_id.map(str::to_owned))));
    if let Some(e) = except {
        q = q.filter(learners::id.ne(e));
    }
    let candidates = q.limit(20).load(conn)?;
    // The national id is unique province-wide: a holder outside the scope still blocks it.
    let id_taken = match national_id {
        Some(n) => {
            let mut q = learners::table
                .filter(learners::national_id.eq(n))
                .select(learners::id)
                .into_boxed::<MultiBackend>();
            if let Some(e) = except {
                q = q.filter(learners::id.ne(e));
            }
            q.first::<LearnerId>(conn).optional()?.is_some()
        }
        None => false,
    };
    Ok((candidates, id_taken))
}

/// Which learners a list returns.
#[derive(Debug, Clone)]
pub struct LearnerFilter {
    pub scope: Scope,
    pub party_organization_id: Option<OrganizationId>,
    pub q: Option<String>,
    pub external_id: Option<String>,
}

fn filtered(f: &LearnerFilter) -> LearnerQuery<'static> {
    let mut q = learners_in(&f.scope);
    if let Some(p) = f.party_organization_id {
        q = q.filter(learners::party_organization_id.eq(p));
    }
    if let Some(text) = &f.q {
        q = q.filter(
            learners::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    if let Some(e) = &f.external_id {
        q = q.filter(learners::external_id.eq(e.clone()));
    }
    q
}

/// Sort keys of the learner list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnerSort {
    Name,
}

pub fn list_learners(
    conn: &mut DbConnection,
    filter: &LearnerFilter,
    page: &PageRequest<LearnerSort>,
) -> QueryResult<Page<LearnerRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter);
    crate::keyset_page!(q, page, learners::search_text, learners::id);
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: r.search_text.clone(),
        id: r.id.into(),
    }))
}

// ---- enrollments ----

/// An enrollment as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = enrollments)]
pub struct EnrollmentRow {
    pub id: EnrollmentId,
    pub class_id: ClassId,
    pub learner_id: LearnerId,
    pub party_organization_id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub status: EnrollmentStatus,
    pub reason: Option<String>,
    pub nominated_by: Option<UserId>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_enrollment(
    conn: &mut DbConnection,
    class: ClassId,
    learner: LearnerId,
    party_organization: OrganizationId,
    nominated_by: Option<UserId>,
) -> QueryResult<EnrollmentRow> {
    let now = crate::now();
    diesel::insert_into(enrollments::table)
        .values((
            enrollments::id.eq(EnrollmentId::generate()),
            enrollments::class_id.eq(class),
            enrollments::learner_id.eq(learner),
            enrollments::party_organization_id.eq(party_organization),
            enrollments::status.eq(EnrollmentStatus::Nominated.as_str()),
            enrollments::nominated_by.eq(nominated_by),
            enrollments::version.eq(1),
            enrollments::created_at.eq(now),
            enrollments::updated_at.eq(now),
        ))
        .returning(enrollments::all_columns)
        .get_result(conn)
}

/// Every enrollment of a class (the caller has seen the class).
pub fn enrollments_of_class(
    conn: &mut DbConnection,
    class: ClassId,
) -> QueryResult<Vec<EnrollmentRow>> {
    enrollments::table
        .filter(enrollments::class_id.eq(class))
        .select(EnrollmentRow::as_select())
        .order((enrollments::created_at.asc(), enrollments::id.asc()))
        .load(conn)
}

/// Enrollments of learners whose party organization lies in `scope`, optionally of one class.
pub fn enrollments_by_party_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    class: Option<ClassId>,
) -> QueryResult<Vec<EnrollmentRow>> {
    let mut q = enrollments::table
        .inner_join(organizations::table)
        .select(EnrollmentRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(scope.pattern()));
    if let Some(c) = class {
        q = q.filter(enrollments::class_id.eq(c));
    }
    q.order((enrollments::created_at.asc(), enrollments::id.asc()))
        .limit(10_000)
        .load(conn)
}

pub fn find_enrollment_unscoped(
    conn: &mut DbConnection,
    id: EnrollmentId,
) -> QueryResult<Option<EnrollmentRow>> {
    enrollments::table
        .filter(enrollments::id.eq(id))
        .select(EnrollmentRow::as_select())
        .first(conn)
        .optional()
}

/// Locks a class's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's writers are
/// serialized) and returns its capacity as of the lock: seats are counted and taken one approval
/// at a time, and a change of capacity waits for them (and they for it).
pub fn lock_class(conn: &mut DbConnection, class: ClassId) -> QueryResult<i32> {
    let query = classes::table
        .filter(classes::id.eq(class))
        .select(classes::capacity);
    match conn {
        DbConnection::Postgresql(c) => query.for_update().first(c),
        DbConnection::Sqlite(c) => query.first(c),
    }
}

/// Seats taken in a class: approved, enrolled, completed or failed enrollments.
pub fn seats_taken(conn: &mut DbConnection, class: ClassId) -> QueryResult<i64> {
    let holding: Vec<&str> = EnrollmentStatus::ALL
        .iter()
        .filter(|s| s.holds_seat())
        .map(|s| s.as_str())
        .collect();
    enrollments::table
        .filter(enrollments::class_id.eq(class))
        .filter(enrollments::status.eq_any(holding))
        .count()
        .get_result(conn)
}

/// Moves an enrollment to `to` (with a reason) if no one moved it first.
pub fn set_enrollment_status(
    conn: &mut DbConnection,
    row: &EnrollmentRow,
    to: EnrollmentStatus,
    reason: Option<&str>,
) -> QueryResult<Option<EnrollmentRow>> {
    diesel::update(
        enrollments::table
            .filter(enrollments::id.eq(row.id))
            .filter(enrollments::status.eq(row.status.as_str())),
    )
    .set((
        enrollments::status.eq(to.as_str()),
        enrollments::reason.eq(reason.map(str::to_owned).or_else(|| row.reason.clone())),
        enrollments::version.eq(row.version + 1),
        enrollments::updated_at.eq(crate::now()),
    ))
    .returning(enrollments::all_columns)
    .get_result(conn)
    .optional()
}

/// A class by id, whatever the scope (the caller's right to it is checked by the service).
pub fn class_unscoped(
    conn: &mut DbConnection,
    id: ClassId,
) -> QueryResult<Option<crate::teaching::ClassRow>> {
    classes::table
        .filter(classes::id.eq(id))
        .select(crate::teaching::ClassRow::as_select())
        .first(conn)
        .optional()
}

// ---- attendance ----

/// Replaces a session's attendance with `records` (enrollment, status) in the caller's
/// transaction: rows of enrollments not listed are left as they are.
pub fn record_attendance(
    conn: &mut DbConnection,
    session: crate::SessionId,
    records: &[(EnrollmentId, centers_domain::learners::AttendanceStatus)],
    by: Option<UserId>,
) -> QueryResult<()> {
    use crate::schema::attendance as t;
    let ids: Vec<EnrollmentId> = records.iter().map(|r| r.0).collect();
    diesel::delete(
        t::table
            .filter(t::session_id.eq(session))
            .filter(t::enrollment_id.eq_any(ids)),
    )
    .execute(conn)?;
    let now = crate::now();
    for (enrollment, status) in records {
        diesel::insert_into(t::table)
            .values((
                t::id.eq(crate::new_id()),
                t::session_id.eq(session),
                t::enrollment_id.eq(*enrollment),
                t::status.eq(status.as_str()),
                t::recorded_by.eq(by),
                t::recorded_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A session's attendance: (enrollment, status).
pub fn attendance_of_session(
    conn: &mut DbConnection,
    session: crate::SessionId,
) -> QueryResult<Vec<(EnrollmentId, String)>> {
    use crate::schema::attendance as t;
    t::table
        .filter(t::session_id.eq(session))
        .select((t::enrollment_id, t::status))
        .order(t::enrollment_id.asc())
        .load(conn)
}

/// Periods of a class's taught sessions, and the periods each enrollment was present for.
pub fn attendance_periods(
    conn: &mut DbConnection,
    class: ClassId,
) -> QueryResult<(i64, std::collections::HashMap<EnrollmentId, i64>)> {
    use crate::schema::{attendance as t, class_sessions as s};
    let taught: Vec<i32> = s::table
        .filter(s::class_id.eq(class))
        .filter(s::status.eq(SessionStatus::Taught.as_str()))
        .select(s::periods)
        .load(conn)?;
    let present: Vec<(EnrollmentId, i32)> = t::table
        .inner_join(s::table)
        .filter(s::class_id.eq(class))
        .filter(s::status.eq(SessionStatus::Taught.as_str()))
        .filter(t::status.eq(AttendanceStatus::Present.as_str()))
        .select((t::enrollment_id, s::periods))
        .load(conn)?;
    let mut by = std::collections::HashMap::new();
    for (e, p) in present {
        *by.entry(e).or_insert(0) += i64::from(p);
    }
    Ok((taught.into_iter().map(i64::from).sum(), by))
}

// ---- results ----

/// A result as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::results)]
pub struct ResultRow {
    pub id: crate::Id,
    pub enrollment_id: EnrollmentId,
    pub score_tenths: Option<i32>,
    pub retake_tenths: Option<i32>,
    pub conduct: Option<String>,
    pub comment: Option<String>,
    pub recorded_by: Option<UserId>,
    pub version: i32,
    pub updated_at: NaiveDateTime,
}

pub fn find_result(
    conn: &mut DbConnection,
    enrollment: EnrollmentId,
) -> QueryResult<Option<ResultRow>> {
    use crate::schema::results as t;
    t::table
        .filter(t::enrollment_id.eq(enrollment))
        .select(ResultRow::as_select())
        .first(conn)
        .optional()
}

/// Results of every enrollment of a class.
pub fn results_of_class(conn: &mut DbConnection, class: ClassId) -> QueryResult<Vec<ResultRow>> {
    use crate::schema::results as t;
    t::table
        .inner_join(enrollments::table)
        .filter(enrollments::class_id.eq(class))
        .select(ResultRow::as_select())
        .load(conn)
}

/// Writes an enrollment's result (insert or replace).
pub fn put_result(
    conn: &mut DbConnection,
    enrollment: EnrollmentId,
    score: Option<i32>,
    retake: Option<i32>,
    conduct: Option<&str>,
    comment: Option<&str>,
    by: Option<UserId>,
) -> QueryResult<ResultRow> {
    use crate::schema::results as t;
    let now = crate::now();
    match find_result(conn, enrollment)? {
        Some(old) => diesel::update(t::table.filter(t::id.eq(old.id)))
            .set((
                t::score_tenths.eq(score),
                t::retake_tenths.eq(retake),
                t::conduct.eq(conduct),
                t::comment.eq(comment),
                t::recorded_by.eq(by),
                t::version.eq(old.version + 1),
                t::updated_at.eq(now),
            ))
            .returning(t::all_columns)
            .get_result(conn),
        None => diesel::insert_into(t::table)
            .values((
                t::id.eq(crate::new_id()),
                t::enrollment_id.eq(enrollment),
                t::score_tenths.eq(score),
                t::retake_tenths.eq(retake),
                t::conduct.eq(conduct),
                t::comment.eq(comment),
                t::recorded_by.eq(by),
                t::version.eq(1),
                t::updated_at.eq(now),
            ))
            .returning(t::all_columns)
            .get_result(conn),
    }
}

// ---- certificates ----

/// A certificate as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::certificates)]
pub struct CertificateRow {
    pub id: crate::Id,
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
}

/// Letters of a verification code: Crockford's base 32 (no I, L, O, U to misread).
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
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

/// The next serial of a center's register for a year. The counter row is created if missing and
/// incremented in one statement, which holds its row lock until the transaction ends: two issues
/// at once get consecutive numbers, and a rolled-back issue gives its number back.
pub fn next_serial(conn: &mut DbConnection, center: OrganizationId, year: i32) -> QueryResult<i32> {
    use crate::schema::certificate_counters as t;
    let row = (
        t::center_id.eq(center),
        t::year.eq(year),
        t::last_serial.eq(0),
    );
    crate::db_run!(conn, |c| diesel::insert_into(t::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    diesel::update(
        t::table
            .filter(t::center_id.eq(center))
            .filter(t::year.eq(year)),
    )
    .set(t::last_serial.eq(t::last_serial + 1))
    .returning(t::last_serial)
    .get_result(conn)
}

/// A certificate to record.
#[derive(Debug, Clone)]
pub struct NewCertificate {
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
    enrollment: EnrollmentId,
) -> QueryResult<Vec<CertificateRow>> {
    use crate::schema::certificates as t;
    t::table
        .filter(t::enrollment_id.eq(enrollment))
        .select(CertificateRow::as_select())
        .order(t::suffix.asc())
        .load(conn)
}

pub fn find_certificate_unscoped(
    conn: &mut DbConnection,
    id: crate::Id,
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
pub fn mark_replaced(conn: &mut DbConnection, id: crate::Id) -> QueryResult<usize> {
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

/// A learner by id, whatever the scope (public certificate checks show only initials).
pub fn learner_unscoped(conn: &mut DbConnection, id: LearnerId) -> QueryResult<Option<LearnerRow>> {
    learners::table
        .filter(learners::id.eq(id))
        .select(LearnerRow::as_select())
        .first(conn)
        .optional()
}

/// Enrollments of a party organization's learners in classes of a year.
pub fn enrollments_of_party_organization(
    conn: &mut DbConnection,
    organization: OrganizationId,
    year: i32,
) -> QueryResult<Vec<EnrollmentRow>> {
    enrollments::table
        .inner_join(classes::table)
        .filter(enrollments::party_organization_id.eq(organization))
        .filter(classes::year.eq(year))
        .select(EnrollmentRow::as_select())
        .order((classes::start_date.asc(), enrollments::id.asc()))
        .load(conn)
}

// ---- in bulk (imports) ----
//
// Lookups take whole lists and answer in a few statements, so a 10,000-row import costs tens of
// queries rather than tens of thousands of round trips.

/// Values per `IN (...)` list: well under both backends' parameter limits.
const IN_LIST: usize = 1_000;

/// A learner as inserted in a batch.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = learners)]
pub struct NewLearner {
    pub id: LearnerId,
    #[diesel(embed)]
    pub columns: LearnerColumns,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Inserts learners in multi-row INSERTs (15 columns × 1,000 rows per statement).
pub fn insert_learners(conn: &mut DbConnection, rows: &[NewLearner]) -> QueryResult<usize> {
    let mut inserted = 0;
    for chunk in rows.chunks(1_000) {
        inserted += crate::db_run!(conn, |c| diesel::insert_into(learners::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(inserted)
}

/// An enrollment (a nomination) as inserted in a batch.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = enrollments)]
pub struct NewEnrollment {
    pub id: EnrollmentId,
    pub class_id: ClassId,
    pub learner_id: LearnerId,
    pub party_organization_id: OrganizationId,
    pub status: &'static str,
    pub nominated_by: Option<UserId>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_enrollments(conn: &mut DbConnection, rows: &[NewEnrollment]) -> QueryResult<usize> {
    let mut inserted = 0;
    for chunk in rows.chunks(1_000) {
        inserted += crate::db_run!(conn, |c| diesel::insert_into(enrollments::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(inserted)
}

/// The party organizations in `scope` among `ids` and `codes`.
pub fn party_organizations_in_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    ids: &[OrganizationId],
    codes: &[String],
) -> QueryResult<Vec<crate::organizations::OrganizationRow>> {
    use centers_domain::organizations::OrganizationKind;
    let mut found = Vec::new();
    let base = || {
        organizations::table
            .select(crate::organizations::OrganizationRow::as_select())
            .into_boxed::<MultiBackend>()
            .filter(organizations::kind.eq(OrganizationKind::PartyOrganization.as_str()))
            .filter(organizations::path.like(scope.pattern()))
    };
    for chunk in ids.chunks(IN_LIST) {
        found.extend(
            base()
                .filter(organizations::id.eq_any(chunk.to_vec()))
                .load(conn)?,
        );
    }
    for chunk in codes.chunks(IN_LIST) {
        found.extend(
            base()
                .filter(organizations::code.eq_any(chunk.to_vec()))
                .load(conn)?,
        );
    }
    Ok(found)
}

/// Learners of `organizations` whose external id is among `external_ids`.
pub fn learners_by_external_ids(
    conn: &mut DbConnection,
    organizations: &[OrganizationId],
    external_ids: &[String],
) -> QueryResult<Vec<LearnerRow>> {
    let mut found = Vec::new();
    for orgs in organizations.chunks(IN_LIST) {
        for chunk in external_ids.chunks(IN_LIST) {
            found.extend(
                learners::table
                    .filter(learners::party_organization_id.eq_any(orgs.to_vec()))
                    .filter(learners::external_id.eq_any(chunk.to_vec()))
                    .select(LearnerRow::as_select())
                    .load(conn)?,
            );
        }
    }
    Ok(found)
}

/// Holders of any of `national_ids`, anywhere in the province: the id is unique province-wide
/// whoever sees the holder. Only the pairs (national id, learner) leave this function.
pub fn national_id_holders_unscoped(
    conn: &mut DbConnection,
    national_ids: &[String],
) -> QueryResult<Vec<(String, LearnerId)>> {
    let mut found = Vec::new();
    for chunk in national_ids.chunks(IN_LIST) {
        let rows: Vec<(Option<String>, LearnerId)> = learners::table
            .filter(learners::national_id.eq_any(chunk.to_vec()))
            .select((learners::national_id, learners::id))
            .load(conn)?;
        found.extend(rows.into_iter().filter_map(|(n, id)| n.map(|n| (n, id))));
    }
    Ok(found)
}

/// Which of `national_ids` are held by learners inside `scope`.
pub fn national_id_holders_in(
    conn: &mut DbConnection,
    scope: &Scope,
    national_ids: &[String],
) -> QueryResult<Vec<String>> {
    let mut found = Vec::new();
    for chunk in national_ids.chunks(IN_LIST) {
        let rows: Vec<Option<String>> = learners_in(scope)
            .filter(learners::national_id.eq_any(chunk.to_vec()))
            .select(learners::national_id)
            .load(conn)?;
        found.extend(rows.into_iter().flatten());
    }
    Ok(found)
}

/// Learners in `scope` whose folded name is among `search_texts` (duplicate candidates; the
/// caller matches the birth date).
pub fn learners_by_search_texts(
    conn: &mut DbConnection,
    scope: &Scope,
    search_texts: &[String],
) -> QueryResult<Vec<LearnerRow>> {
    let mut found = Vec::new();
    for chunk in search_texts.chunks(IN_LIST) {
        found.extend(
            learners_in(scope)
                .filter(learners::search_text.eq_any(chunk.to_vec()))
                .load(conn)?,
        );
    }
    Ok(found)
}

/// Classes by id, whatever the scope (the caller checks the class's center).
pub fn classes_by_ids_unscoped(
    conn: &mut DbConnection,
    ids: &[ClassId],
) -> QueryResult<Vec<crate::teaching::ClassRow>> {
    let mut found = Vec::new();
    for chunk in ids.chunks(IN_LIST) {
        found.extend(
            classes::table
                .filter(classes::id.eq_any(chunk.to_vec()))
                .select(crate::teaching::ClassRow::as_select())
                .load(conn)?,
        );
    }
    Ok(found)
}

/// Classes of `centers` whose code is among `codes` (codes are unique per center and year).
pub fn classes_by_codes_unscoped(
    conn: &mut DbConnection,
    centers: &[OrganizationId],
    codes: &[String],
) -> QueryResult<Vec<crate::teaching::ClassRow>> {
    let mut found = Vec::new();
    for chunk in codes.chunks(IN_LIST) {
        found.extend(
            classes::table
                .filter(classes::center_id.eq_any(centers.to_vec()))
                .filter(classes::code.eq_any(chunk.to_vec()))
                .select(crate::teaching::ClassRow::as_select())
                .load(conn)?,
        );
    }
    Ok(found)
}

/// The (class, learner) pairs already enrolled (in any status) among `learners` in `classes`.
pub fn enrollment_pairs(
    conn: &mut DbConnection,
    classes: &[ClassId],
    learners: &[LearnerId],
) -> QueryResult<Vec<(ClassId, LearnerId, EnrollmentId)>> {
    let mut found = Vec::new();
    for class_chunk in classes.chunks(IN_LIST) {
        for chunk in learners.chunks(IN_LIST) {
            found.extend(
                enrollments::table
                    .filter(enrollments::class_id.eq_any(class_chunk.to_vec()))
                    .filter(enrollments::learner_id.eq_any(chunk.to_vec()))
                    .select((
                        enrollments::class_id,
                        enrollments::learner_id,
                        enrollments::id,
                    ))
                    .load::<(ClassId, LearnerId, EnrollmentId)>(conn)?,
            );
        }
    }
    Ok(found)
}
