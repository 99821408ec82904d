//! Lookups and inserts in bulk for imports: lookups take whole lists and answer in a few
//! statements, so a 10,000-row import costs tens of queries rather than tens of thousands of
//! round trips.

use super::*;
use crate::schema::{classes, enrollments, learners, organizations};
use crate::{
    ClassId, DbConnection, EnrollmentId, LearnerId, MultiBackend, OrganizationId, Scope, UserId,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Values per `IN (...)` list: well under both backends' parameter limits.
pub(crate) const IN_LIST: usize = 1_000;

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

/// Inserts learners in multi-row INSERTs (15 columns × 1,000 rows per statement), in order of
/// their party organization: each insert moves that organization's kept count (a row lock on
/// PostgreSQL, `crate::counts`), and two imports taking those locks in one order cannot deadlock.
pub fn insert_learners(conn: &mut DbConnection, rows: &[NewLearner]) -> QueryResult<usize> {
    let mut rows = rows.to_vec();
    rows.sort_by_key(|r| r.columns.party_organization_id);
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
            .filter(crate::scope::reaches(scope))
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
