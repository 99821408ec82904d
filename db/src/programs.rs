//! The program catalogue and its topics, per province.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{program_topics, programs};
use crate::{DbConnection, Id, MultiBackend, OrganizationId, ProgramId};
use centers_domain::programs::{Credential, Delivery, ProgramCategory};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// A program as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = programs)]
pub struct ProgramRow {
    pub id: ProgramId,
    pub province_id: OrganizationId,
    pub code: String,
    pub name: String,
    pub search_text: String,
    #[diesel(deserialize_as = String)]
    pub category: ProgramCategory,
    pub audience: Option<String>,
    pub default_days: i32,
    #[diesel(deserialize_as = String)]
    pub delivery: Delivery,
    #[diesel(deserialize_as = String)]
    pub credential: Credential,
    pub eligibility_json: String,
    pub retired_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A topic as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = program_topics)]
pub struct TopicRow {
    pub id: crate::TopicId,
    pub program_id: ProgramId,
    pub position: i32,
    pub title: String,
    pub periods: i32,
}

/// A new topic: title and periods, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTopic {
    pub title: String,
    pub periods: i32,
}

/// The fields of a program (new, or all fields after an edit).
#[derive(Debug, Clone)]
pub struct ProgramFields {
    pub code: String,
    pub name: String,
    pub category: String,
    pub audience: Option<String>,
    pub default_days: i32,
    pub delivery: String,
    pub credential: String,
    pub eligibility_json: String,
}

pub fn insert(
    conn: &mut DbConnection,
    province_id: OrganizationId,
    fields: ProgramFields,
    topics: &[NewTopic],
) -> QueryResult<ProgramRow> {
    let now = crate::now();
    let name = centers_domain::text::normalize(&fields.name);
    let row: ProgramRow = diesel::insert_into(programs::table)
        .values((
            programs::id.eq(ProgramId::generate()),
            programs::province_id.eq(province_id),
            programs::code.eq(fields.code),
            programs::search_text.eq(centers_domain::text::fold(&name)),
            programs::name.eq(name),
            programs::category.eq(fields.category),
            programs::audience.eq(fields.audience),
            programs::default_days.eq(fields.default_days),
            programs::delivery.eq(fields.delivery),
            programs::credential.eq(fields.credential),
            programs::eligibility_json.eq(fields.eligibility_json),
            programs::version.eq(1),
            programs::created_at.eq(now),
            programs::updated_at.eq(now),
        ))
        .returning(programs::all_columns)
        .get_result(conn)?;
    replace_topics(conn, row.id, topics)?;
    Ok(row)
}

/// Replaces a program's topics with `topics`, in order (positions 1..n).
pub fn replace_topics(
    conn: &mut DbConnection,
    program: ProgramId,
    topics: &[NewTopic],
) -> QueryResult<()> {
    diesel::delete(program_topics::table.filter(program_topics::program_id.eq(program)))
        .execute(conn)?;
    let rows: Vec<NewTopicRow> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| NewTopicRow {
            id: crate::new_id(),
            program_id: program,
            position: i32::try_from(i + 1).unwrap_or(i32::MAX),
            title: centers_domain::text::normalize(&t.title),
            periods: t.periods,
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    // One multi-row INSERT per backend (seeding and every topic list go through here).
    crate::db_run!(conn, |c| diesel::insert_into(program_topics::table)
        .values(&rows)
        .execute(c))?;
    Ok(())
}

/// A topic as inserted in a batch.
#[derive(Insertable)]
#[diesel(table_name = program_topics)]
struct NewTopicRow {
    id: Id,
    program_id: ProgramId,
    position: i32,
    title: String,
    periods: i32,
}

/// Topics of the given programs, ordered, keyed by program.
pub fn topics_of(
    conn: &mut DbConnection,
    ids: &[ProgramId],
) -> QueryResult<HashMap<ProgramId, Vec<TopicRow>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<TopicRow> = program_topics::table
        .filter(program_topics::program_id.eq_any(ids.to_vec()))
        .order((program_topics::program_id, program_topics::position))
        .select(TopicRow::as_select())
        .load(conn)?;
    let mut map: HashMap<ProgramId, Vec<TopicRow>> = HashMap::new();
    for r in rows {
        map.entry(r.program_id).or_default().push(r);
    }
    Ok(map)
}

/// Filters of the program list.
#[derive(Debug, Clone, Default)]
pub struct ProgramFilter {
    pub province_id: Option<OrganizationId>,
    pub category: Option<String>,
    pub q: Option<String>,
    /// `Some(false)`: active only; `Some(true)`: retired only; `None`: all.
    pub retired: Option<bool>,
}

/// Sort keys of the program list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramSort {
    Code,
    Name,
}

fn filtered(f: &ProgramFilter) -> programs::BoxedQuery<'static, MultiBackend> {
    let mut q = programs::table.into_boxed::<MultiBackend>();
    if let Some(p) = f.province_id {
        q = q.filter(programs::province_id.eq(p));
    }
    if let Some(c) = &f.category {
        q = q.filter(programs::category.eq(c.clone()));
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        q = q.filter(
            programs::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\')
                .or(programs::code
                    .like(centers_domain::text::contains_pattern(text))
                    .escape('\\')),
        );
    }
    match f.retired {
        Some(true) => q = q.filter(programs::retired_at.is_not_null()),
        Some(false) => q = q.filter(programs::retired_at.is_null()),
        None => {}
    }
    q
}

pub fn list(
    conn: &mut DbConnection,
    filter: &ProgramFilter,
    page: &PageRequest<ProgramSort>,
) -> QueryResult<Page<ProgramRow>> {
    let total = page.total(|| filtered(filter).count().get_result(conn))?;
    let mut q = filtered(filter);
    match page.sort {
        ProgramSort::Code => crate::keyset_page!(q, page, programs::code, programs::id),
        ProgramSort::Name => crate::keyset_page!(q, page, programs::search_text, programs::id),
    }
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows: Vec<ProgramRow> = q
        .limit(page.limit + 1)
        .select(ProgramRow::as_select())
        .load(conn)?;
    let sort = page.sort;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: match sort {
            ProgramSort::Code => r.code.clone(),
            ProgramSort::Name => r.search_text.clone(),
        },
        id: r.id.into(),
    }))
}

pub fn find(
    conn: &mut DbConnection,
    id: ProgramId,
    province_id: OrganizationId,
) -> QueryResult<Option<ProgramRow>> {
    programs::table
        .filter(programs::id.eq(id))
        .filter(programs::province_id.eq(province_id))
        .select(ProgramRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_code(
    conn: &mut DbConnection,
    province_id: OrganizationId,
    code: &str,
) -> QueryResult<Option<ProgramRow>> {
    programs::table
        .filter(programs::province_id.eq(province_id))
        .filter(programs::code.eq(code))
        .select(ProgramRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_ids(conn: &mut DbConnection, ids: &[ProgramId]) -> QueryResult<Vec<ProgramRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    programs::table
        .filter(programs::id.eq_any(ids.to_vec()))
        .select(ProgramRow::as_select())
        .load(conn)
}

/// Writes all fields when the row still has `current.version`; `None` on a version mismatch.
pub fn update(
    conn: &mut DbConnection,
    current: &ProgramRow,
    fields: ProgramFields,
) -> QueryResult<Option<ProgramRow>> {
    let name = centers_domain::text::normalize(&fields.name);
    let n = diesel::update(
        programs::table
            .filter(programs::id.eq(current.id))
            .filter(programs::version.eq(current.version)),
    )
    .set((
        programs::code.eq(fields.code),
        programs::search_text.eq(centers_domain::text::fold(&name)),
        programs::name.eq(name),
        programs::category.eq(fields.category),
        programs::audience.eq(fields.audience),
        programs::default_days.eq(fields.default_days),
        programs::delivery.eq(fields.delivery),
        programs::credential.eq(fields.credential),
        programs::eligibility_json.eq(fields.eligibility_json),
        programs::version.eq(current.version + 1),
        programs::updated_at.eq(crate::now()),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    programs::table
        .filter(programs::id.eq(current.id))
        .select(ProgramRow::as_select())
        .first(conn)
        .optional()
}

/// Retires a program: it can no longer be planned; its history stays.
pub fn retire(conn: &mut DbConnection, current: &ProgramRow) -> QueryResult<ProgramRow> {
    let now = crate::now();
    diesel::update(programs::table.filter(programs::id.eq(current.id)))
        .set((
            programs::retired_at.eq(Some(now)),
            programs::version.eq(current.version + 1),
            programs::updated_at.eq(now),
        ))
        .execute(conn)?;
    programs::table
        .filter(programs::id.eq(current.id))
        .select(ProgramRow::as_select())
        .first(conn)
}
