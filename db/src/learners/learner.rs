//! Learners and enrollments. A learner belongs to a grassroots party organization: whoever sees
//! that organization (its own account, its center, the province) sees the learner — personal
//! data, so every read here takes a scope.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{learners, organizations};
use crate::{DbConnection, LearnerId, MultiBackend, OrganizationId, Scope};
use centers_domain::learners::{Gender, PartyStatus};
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
    crate::insert_versioned!(
        conn,
        learners,
        (c.clone(), learners::id.eq(LearnerId::generate()),)
    )
}

pub fn update_learner(
    conn: &mut DbConnection,
    id: LearnerId,
    version: i32,
    c: &LearnerColumns,
) -> QueryResult<Option<LearnerRow>> {
    crate::update_versioned!(conn, learners, id, version, c.clone())
}

pub(crate) type LearnerQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<learners::table, organizations::table>,
        diesel::dsl::AsSelect<LearnerRow, MultiBackend>,
    >,
    MultiBackend,
>;

pub(crate) fn learners_in(scope: &Scope) -> LearnerQuery<'static> {
    learners::table
        .inner_join(organizations::table)
        .select(LearnerRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(crate::scope::reaches(scope))
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

pub(crate) fn filtered(f: &LearnerFilter) -> LearnerQuery<'static> {
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
    // Kept counts answer the scope and a party organization; a search is counted on request.
    let kept = (filter.q.is_none() && filter.external_id.is_none()).then_some(|c: &mut _| {
        crate::counts::kept_total(
            c,
            "learner",
            "",
            &filter.scope,
            crate::counts::Reach::PathOrService,
            filter.party_organization_id,
        )
    });
    let total = page.total_kept(conn, kept, |c| filtered(filter).count().get_result(c))?;
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

/// A learner by id, whatever the scope (public certificate checks show only initials).
pub fn learner_unscoped(conn: &mut DbConnection, id: LearnerId) -> QueryResult<Option<LearnerRow>> {
    learners::table
        .filter(learners::id.eq(id))
        .select(LearnerRow::as_select())
        .first(conn)
        .optional()
}
