//! Classes, scoped by their center, and what a class needs of the plan line it fulfils.

use crate::paging::{CursorKey, Page, PageRequest};
use crate::schema::{classes, organizations};
use crate::InScope;
use crate::{
    ClassId, DbConnection, LecturerId, MultiBackend, OrganizationId, PlanLineId, ProgramId, Scope,
};
use centers_domain::teaching::{ClassMode, ClassStatus};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A class as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = classes)]
pub struct ClassRow {
    pub id: ClassId,
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    pub year: i32,
    pub code: String,
    pub name: String,
    pub search_text: String,
    #[diesel(deserialize_as = String)]
    pub mode: ClassMode,
    pub plan_line_id: Option<PlanLineId>,
    pub partner_id: Option<OrganizationId>,
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
    #[diesel(deserialize_as = String)]
    pub status: ClassStatus,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub opening_decision_number: Option<String>,
    pub opening_decision_date: Option<NaiveDate>,
    pub opening_decision_signer: Option<String>,
    pub recognition_decision_number: Option<String>,
    pub recognition_decision_date: Option<NaiveDate>,
    pub recognition_decision_signer: Option<String>,
}

/// A decision behind a class step: its number, date and signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDecision {
    pub number: String,
    pub date: NaiveDate,
    pub signer: Option<String>,
}

/// A class's fields, already checked.
#[derive(Debug, Clone)]
pub struct ClassFields {
    pub program_id: ProgramId,
    pub code: String,
    pub name: String,
    pub mode: ClassMode,
    pub plan_line_id: Option<PlanLineId>,
    pub partner_id: Option<OrganizationId>,
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
}

/// The columns a class's fields set, on insert and update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = classes, treat_none_as_null = true)]
pub(crate) struct ClassColumns<'a> {
    program_id: ProgramId,
    year: i32,
    code: &'a str,
    name: &'a str,
    search_text: String,
    mode: &'a str,
    plan_line_id: Option<PlanLineId>,
    partner_id: Option<OrganizationId>,
    term: Option<&'a str>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    location: Option<&'a str>,
    capacity: i32,
    homeroom_lecturer_id: Option<LecturerId>,
}

impl ClassFields {
    fn columns(&self) -> ClassColumns<'_> {
        ClassColumns {
            program_id: self.program_id,
            year: chrono::Datelike::year(&self.start_date),
            code: &self.code,
            name: &self.name,
            search_text: centers_domain::text::fold(&self.name),
            mode: self.mode.as_str(),
            plan_line_id: self.plan_line_id,
            partner_id: self.partner_id,
            term: self.term.as_deref(),
            start_date: self.start_date,
            end_date: self.end_date,
            location: self.location.as_deref(),
            capacity: self.capacity,
            homeroom_lecturer_id: self.homeroom_lecturer_id,
        }
    }
}

pub fn insert_class(
    conn: &mut DbConnection,
    center: OrganizationId,
    f: &ClassFields,
) -> QueryResult<ClassRow> {
    crate::insert_versioned!(
        conn,
        classes,
        (
            f.columns(),
            classes::id.eq(ClassId::generate()),
            classes::center_id.eq(center),
            classes::status.eq(ClassStatus::Planned.as_str()),
        )
    )
}

/// Replaces a class's fields if it is still at its version and status.
pub fn update_class(
    conn: &mut DbConnection,
    row: &ClassRow,
    f: &ClassFields,
) -> QueryResult<Option<ClassRow>> {
    diesel::update(
        classes::table
            .filter(classes::id.eq(row.id))
            .filter(classes::version.eq(row.version))
            .filter(classes::status.eq(row.status.as_str())),
    )
    .set((
        f.columns(),
        classes::version.eq(row.version + 1),
        classes::updated_at.eq(crate::now()),
    ))
    .returning(classes::all_columns)
    .get_result(conn)
    .optional()
}

/// Moves a class from `from` to `to` if no one moved it first.
/// Moves a class to `to` if it is still where `row` saw it; an opening or a completion records
/// its decision with it.
pub fn set_class_status(
    conn: &mut DbConnection,
    row: &ClassRow,
    to: ClassStatus,
    decision: Option<&ClassDecision>,
) -> QueryResult<Option<ClassRow>> {
    let number = decision.map(|d| d.number.clone());
    let date = decision.map(|d| d.date);
    let signer = decision.and_then(|d| d.signer.clone());
    let n = match to {
        ClassStatus::Open => crate::guarded_status_update!(
            conn,
            classes,
            row.id,
            row.status,
            to,
            classes::opening_decision_number.eq(number),
            classes::opening_decision_date.eq(date),
            classes::opening_decision_signer.eq(signer),
        )?,
        ClassStatus::Completed => crate::guarded_status_update!(
            conn,
            classes,
            row.id,
            row.status,
            to,
            classes::recognition_decision_number.eq(number),
            classes::recognition_decision_date.eq(date),
            classes::recognition_decision_signer.eq(signer),
        )?,
        _ => crate::guarded_status_update!(conn, classes, row.id, row.status, to)?,
    };
    if n == 0 {
        return Ok(None);
    }
    classes::table
        .filter(classes::id.eq(row.id))
        .select(ClassRow::as_select())
        .first(conn)
        .map(Some)
}

pub(crate) type ClassQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::InnerJoin<classes::table, organizations::table>,
        diesel::dsl::AsSelect<ClassRow, MultiBackend>,
    >,
    MultiBackend,
>;

pub(crate) fn classes_in(scope: &Scope) -> ClassQuery<'static> {
    classes::table
        .inner_join(organizations::table)
        .select(ClassRow::as_select())
        .into_boxed::<MultiBackend>()
        .filter(organizations::path.like(scope.pattern()))
}

/// Which classes a list returns.
#[derive(Debug, Clone)]
pub struct ClassFilter {
    pub scope: Scope,
    pub center_id: Option<OrganizationId>,
    pub program_id: Option<ProgramId>,
    pub year: Option<i32>,
    pub status: Option<ClassStatus>,
    pub q: Option<String>,
}

pub(crate) fn filtered_classes(f: &ClassFilter) -> ClassQuery<'static> {
    let mut q = classes_in(&f.scope);
    if let Some(c) = f.center_id {
        q = q.filter(classes::center_id.eq(c));
    }
    if let Some(p) = f.program_id {
        q = q.filter(classes::program_id.eq(p));
    }
    if let Some(y) = f.year {
        q = q.filter(classes::year.eq(y));
    }
    if let Some(s) = f.status {
        q = q.filter(classes::status.eq(s.as_str()));
    }
    if let Some(text) = &f.q {
        q = q.filter(
            classes::search_text
                .like(centers_domain::text::contains_pattern(text))
                .escape('\\'),
        );
    }
    q
}

/// Sort keys of the class list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassSort {
    Code,
    Name,
}

pub fn list_classes(
    conn: &mut DbConnection,
    filter: &ClassFilter,
    page: &PageRequest<ClassSort>,
) -> QueryResult<Page<ClassRow>> {
    // Kept counts answer the scope, a center and any of status, year and program; a search is
    // counted on request.
    let kept = filter.q.is_none().then_some(|c: &mut _| {
        crate::counts::kept_total(
            c,
            "class",
            &crate::counts::class_bucket(filter.status, filter.year, filter.program_id),
            &filter.scope,
            crate::counts::Reach::Path,
            filter.center_id,
        )
    });
    let total = page.total_kept(conn, kept, |c| {
        filtered_classes(filter).count().get_result(c)
    })?;
    let mut q = filtered_classes(filter);
    match page.sort {
        ClassSort::Code => crate::keyset_page!(q, page, classes::code, classes::id),
        ClassSort::Name => crate::keyset_page!(q, page, classes::search_text, classes::id),
    }
    if let Some(offset) = page.offset.filter(|_| page.after.is_none()) {
        q = q.offset(offset);
    }
    let rows = q.limit(page.limit + 1).load(conn)?;
    let sort = page.sort;
    Ok(Page::from_rows(rows, page.limit, total, |r| CursorKey {
        key: match sort {
            ClassSort::Code => r.code.clone(),
            ClassSort::Name => r.search_text.clone(),
        },
        id: r.id.into(),
    }))
}

pub fn find_class(
    conn: &mut DbConnection,
    id: ClassId,
    scope: &Scope,
) -> QueryResult<Option<InScope<ClassRow>>> {
    classes_in(scope)
        .filter(classes::id.eq(id))
        .first(conn)
        .optional()
        .map(|c| c.map(InScope::new))
}

/// A class whatever the scope: for the server's own use once the caller's right to the record
/// that refers to it was checked (a party organization reading its learner's result).
pub fn find_class_unscoped(conn: &mut DbConnection, id: ClassId) -> QueryResult<Option<ClassRow>> {
    classes::table
        .filter(classes::id.eq(id))
        .first(conn)
        .optional()
}

/// Whether another class of the center already uses `code` in `year`.
pub fn class_code_taken(
    conn: &mut DbConnection,
    center: OrganizationId,
    year: i32,
    code: &str,
    except: Option<ClassId>,
) -> QueryResult<bool> {
    let mut q = classes::table
        .filter(classes::center_id.eq(center))
        .filter(classes::year.eq(year))
        .filter(classes::code.eq(code))
        .select(classes::id)
        .into_boxed::<MultiBackend>();
    if let Some(e) = except {
        q = q.filter(classes::id.ne(e));
    }
    Ok(q.first::<ClassId>(conn).optional()?.is_some())
}

/// What a class needs to know of the plan line it fulfils: the line's program and its plan's
/// center, year and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLineFacts {
    pub program_id: ProgramId,
    pub center_id: OrganizationId,
    pub year: i32,
    pub plan_status: centers_domain::plans::PlanStatus,
}

pub fn plan_line_facts(
    conn: &mut DbConnection,
    line: PlanLineId,
) -> QueryResult<Option<PlanLineFacts>> {
    use crate::schema::{training_plan_lines, training_plans};
    training_plan_lines::table
        .inner_join(training_plans::table)
        .filter(training_plan_lines::id.eq(line))
        .select((
            training_plan_lines::program_id,
            training_plans::center_id,
            training_plans::year,
            training_plans::status,
        ))
        .first::<(ProgramId, OrganizationId, i32, String)>(conn)
        .optional()?
        .map(|(program_id, center_id, year, status)| {
            Ok(PlanLineFacts {
                program_id,
                center_id,
                year,
                plan_status: status.parse().map_err(|_| {
                    diesel::result::Error::DeserializationError(
                        format!("unknown plan status {status}").into(),
                    )
                })?,
            })
        })
        .transpose()
}
