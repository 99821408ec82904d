//! Lecturers. A lecturer belongs to the organization whose materialized path the caller's scope
//! must contain — except the provincial school's lecturers, whom every caller of the province
//! sees (they teach at the centers as visiting lecturers).

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{lecturers, organizations};
use crate::{DbConnection, LecturerId, MultiBackend, OrganizationId, Scope, UserId};
use centers_domain::teaching::{LecturerKind, Position};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A lecturer as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = lecturers)]
pub struct LecturerRow {
    pub id: LecturerId,
    pub organization_id: OrganizationId,
    #[diesel(deserialize_as = String)]
    pub kind: LecturerKind,
    pub full_name: String,
    pub search_text: String,
    pub position: Option<String>,
    pub leadership_post: Option<String>,
    pub theory_level: Option<String>,
    pub degree: Option<String>,
    pub subjects_json: String,
    pub user_id: Option<UserId>,
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl LecturerRow {
    /// The stored position; one this version does not know is an error naming the lecturer.
    pub fn position(&self) -> Result<Option<Position>, String> {
        self.position
            .as_deref()
            .map(|p| {
                p.parse()
                    .map_err(|_| format!("lecturer {}: unknown position {p:?}", self.id))
            })
            .transpose()
    }

    pub fn subjects(&self) -> Vec<String> {
        serde_json::from_str(&self.subjects_json).unwrap_or_default()
    }
}

/// The fields of a lecturer, already checked.
#[derive(Debug, Clone)]
pub struct LecturerFields {
    pub kind: LecturerKind,
    pub full_name: String,
    pub position: Option<Position>,
    pub leadership_post: Option<String>,
    pub theory_level: Option<String>,
    pub degree: Option<String>,
    pub subjects: Vec<String>,
    pub user_id: Option<UserId>,
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
}

/// The columns a lecturer's fields set, on insert and update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = lecturers, treat_none_as_null = true)]
pub(crate) struct LecturerColumns<'a> {
    kind: &'a str,
    full_name: &'a str,
    search_text: String,
    position: Option<&'a str>,
    leadership_post: Option<&'a str>,
    theory_level: Option<&'a str>,
    degree: Option<&'a str>,
    subjects_json: String,
    user_id: Option<UserId>,
    external_id: Option<&'a str>,
    active_from: Option<NaiveDate>,
    active_to: Option<NaiveDate>,
}

impl LecturerFields {
    fn columns(&self) -> LecturerColumns<'_> {
        LecturerColumns {
            kind: self.kind.as_str(),
            full_name: &self.full_name,
            search_text: centers_domain::text::fold(&self.full_name),
            position: self.position.map(|p| p.as_str()),
            leadership_post: self.leadership_post.as_deref(),
            theory_level: self.theory_level.as_deref(),
            degree: self.degree.as_deref(),
            subjects_json: serde_json::to_string(&self.subjects).unwrap_or_else(|_| "[]".into()),
            user_id: self.user_id,
            external_id: self.external_id.as_deref(),
            active_from: self.active_from,
            active_to: self.active_to,
        }
    }
}

pub fn insert_lecturer(
    conn: &mut DbConnection,
    organization: OrganizationId,
    f: &LecturerFields,
) -> QueryResult<LecturerRow> {
    crate::insert_versioned!(
        conn,
        lecturers,
        (
            f.columns(),
            lecturers::id.eq(LecturerId::generate()),
            lecturers::organization_id.eq(organization),
        )
    )
}

/// Replaces a lecturer's fields if it is still at `version`; `None` when it was changed meanwhile.
pub fn update_lecturer(
    conn: &mut DbConnection,
    id: LecturerId,
    version: i32,
    f: &LecturerFields,
) -> QueryResult<Option<LecturerRow>> {
    crate::update_versioned!(conn, lecturers, id, version, f.columns())
}

/// Which lecturers a list returns.
#[derive(Debug, Clone)]
pub struct LecturerFilter {
    pub scope: Scope,
    /// The caller's province (`/<province>/`): its school's lecturers are visible to all.
    pub province: Scope,
    pub organization_id: Option<OrganizationId>,
    pub kind: Option<LecturerKind>,
    pub q: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub external_id: Option<String>,
}

pub(crate) type LecturerQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<lecturers::table, organizations::table>,
        diesel::dsl::AsSelect<LecturerRow, MultiBackend>,
    >,
    MultiBackend,
>;

/// Lecturers inside the scope, or of the province's school.
pub(crate) fn visible(scope: &Scope, province: &Scope) -> LecturerQuery<'static> {
    lecturers::table
        .inner_join(organizations::table)
        .select(LecturerRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(
            organizations::path
                .like(scope.pattern())
                .or(organizations::kind
                    .eq("provincial_school")
                    .and(organizations::path.like(province.pattern()))),
        )
}

pub(crate) fn filtered(f: &LecturerFilter) -> LecturerQuery<'static> {
    let mut q = visible(&f.scope, &f.province);
    if let Some(o) = f.organization_id {
        q = q.filter(lecturers::organization_id.eq(o));
    }
    if let Some(k) = f.kind {
        q = q.filter(lecturers::kind.eq(k.as_str()));
    }
    if let Some(text) = &f.q {
        q = q.filter(
            lecturers::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    if let Some(e) = &f.external_id {
        q = q.filter(lecturers::external_id.eq(e.clone()));
    }
    if let Some(day) = f.as_of {
        q = q
            .filter(
                lecturers::active_from
                    .is_null()
                    .or(lecturers::active_from.le(day)),
            )
            .filter(
                lecturers::active_to
                    .is_null()
                    .or(lecturers::active_to.ge(day)),
            );
    }
    q
}

/// Sort keys of the lecturer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LecturerSort {
    Name,
}

pub fn list_lecturers(
    conn: &mut DbConnection,
    filter: &LecturerFilter,
    page: &PageRequest<LecturerSort>,
) -> QueryResult<Page<LecturerRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter);
    crate::keyset_page!(q, page, lecturers::search_text, lecturers::id);
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: r.search_text.clone(),
        id: r.id.into(),
    }))
}

/// A lecturer the caller sees.
pub fn find_lecturer(
    conn: &mut DbConnection,
    id: LecturerId,
    scope: &Scope,
    province: &Scope,
) -> QueryResult<Option<LecturerRow>> {
    visible(scope, province)
        .filter(lecturers::id.eq(id))
        .first(conn)
        .optional()
}

/// The lecturer linked to an account, if any.
pub fn lecturer_of_user(conn: &mut DbConnection, user: UserId) -> QueryResult<Option<LecturerRow>> {
    lecturers::table
        .filter(lecturers::user_id.eq(user))
        .select(LecturerRow::as_select())
        .first(conn)
        .optional()
}

/// Locks a lecturer's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's writers
/// are serialized by `write_transaction`): two sessions for one lecturer are checked one after
/// the other, so both cannot pass the overlap check.
pub fn lock_lecturer(conn: &mut DbConnection, id: LecturerId) -> QueryResult<()> {
    crate::lock_rows!(
        conn,
        lecturers::table
            .filter(lecturers::id.eq(id))
            .select(lecturers::id)
    )
    .map(|_| ())
}

/// Deletes a lecturer; the database refuses (foreign keys) while sessions, lesson plans, visits,
/// activities or classes refer to it.
pub fn delete_lecturer(conn: &mut DbConnection, id: LecturerId) -> QueryResult<usize> {
    diesel::delete(lecturers::table.filter(lecturers::id.eq(id))).execute(conn)
}
