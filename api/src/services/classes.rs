//! Classes and their workflow.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use crate::services::lecturers::{province_scope, visible as visible_lecturer};
use crate::services::workflow::{By, Stepped};
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::{self as db, ClassFields, ClassFilter, ClassRow, ClassSort};
use centers_db::writes::{self, Write};
use centers_db::InScope;
use centers_db::{
    organizations as orgs, programs, ClassId, DbConnection, LecturerId, OrganizationId, PlanLineId,
    ProgramId,
};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::ProgramCategory;
use centers_domain::teaching::{self as rules, ClassAction, ClassMode, ClassStatus, ClassWorkflow};
use centers_domain::validity::check_record_date;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A class.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Class {
    pub id: ClassId,
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    /// The year of its start date (codes are unique per center and year).
    pub year: i32,
    #[schema(example = "KNĐ-01")]
    pub code: String,
    #[schema(example = "Lớp bồi dưỡng nhận thức về Đảng khóa 1")]
    pub name: String,
    pub mode: ClassMode,
    /// The approved plan line this class fulfils.
    pub plan_line_id: Option<PlanLineId>,
    /// The provincial school, for programs it runs with the center.
    pub partner_id: Option<OrganizationId>,
    /// Nhiệm kỳ of a reserve-cadre class, e.g. "2020–2025".
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub location: Option<String>,
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
    pub status: ClassStatus,
    /// The workflow actions the status allows.
    pub allowed_actions: Vec<ClassAction>,
    /// The decision to open the class (quyết định mở lớp).
    pub opening_decision: Option<ClassDecision>,
    /// The decision recognizing its results (quyết định công nhận kết quả): certificates are
    /// issued from its date.
    pub recognition_decision: Option<ClassDecision>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A decision behind a class step.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ClassDecision {
    #[schema(example = "15/QĐ-TTCT")]
    pub number: String,
    pub date: NaiveDate,
    #[schema(example = "Giám đốc Trung tâm")]
    pub signer: Option<String>,
}

fn decision(
    number: Option<String>,
    date: Option<NaiveDate>,
    signer: Option<String>,
) -> Option<ClassDecision> {
    Some(ClassDecision {
        number: number?,
        date: date?,
        signer,
    })
}

list_schema!(ClassList, Class);

impl From<InScope<ClassRow>> for Class {
    fn from(r: InScope<ClassRow>) -> Self {
        Class::from(r.into_inner())
    }
}

impl From<ClassRow> for Class {
    fn from(r: ClassRow) -> Self {
        Class {
            allowed_actions: centers_domain::workflow::allowed_actions::<ClassWorkflow>(r.status),
            id: r.id,
            center_id: r.center_id,
            program_id: r.program_id,
            year: r.year,
            code: r.code,
            name: r.name,
            mode: r.mode,
            plan_line_id: r.plan_line_id,
            partner_id: r.partner_id,
            term: r.term,
            start_date: r.start_date,
            end_date: r.end_date,
            location: r.location,
            capacity: r.capacity,
            homeroom_lecturer_id: r.homeroom_lecturer_id,
            status: r.status,
            opening_decision: decision(
                r.opening_decision_number,
                r.opening_decision_date,
                r.opening_decision_signer,
            ),
            recognition_decision: decision(
                r.recognition_decision_number,
                r.recognition_decision_date,
                r.recognition_decision_signer,
            ),
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A new class.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClass {
    pub center_id: OrganizationId,
    pub program_id: ProgramId,
    /// Unique per center and year; stored in upper case.
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: String,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: String,
    pub mode: ClassMode,
    /// A line of an approved plan of the same center, year and program.
    pub plan_line_id: Option<PlanLineId>,
    /// The provincial school, when it runs the class with the center.
    pub partner_id: Option<OrganizationId>,
    /// Required for reserve-cadre classes: "2020–2025" (a hyphen is read as the en dash).
    #[schema(pattern = "^ *[0-9]{4} *[–-] *[0-9]{4} *$")]
    pub term: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[schema(max_length = 300)]
    pub location: Option<String>,
    /// At least the policy's minimum class size in force on the start date.
    #[schema(minimum = 1, maximum = 10000)]
    pub capacity: i32,
    pub homeroom_lecturer_id: Option<LecturerId>,
}

/// Changes to a class before it is over; absent fields stay, `null` clears a nullable one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateClass {
    #[schema(min_length = 1, max_length = 32, pattern = "\\S")]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: Option<String>,
    pub mode: Option<ClassMode>,
    #[serde(default)]
    #[schema(value_type = Option<PlanLineId>)]
    pub plan_line_id: Patch<PlanLineId>,
    #[serde(default)]
    #[schema(value_type = Option<OrganizationId>)]
    pub partner_id: Patch<OrganizationId>,
    #[serde(default)]
    #[schema(value_type = Option<String>, pattern = "^ *[0-9]{4} *[–-] *[0-9]{4} *$")]
    pub term: Patch<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 300)]
    pub location: Patch<String>,
    #[schema(minimum = 1, maximum = 10000)]
    pub capacity: Option<i32>,
    #[serde(default)]
    #[schema(value_type = Option<LecturerId>)]
    pub homeroom_lecturer_id: Patch<LecturerId>,
}

/// Filters of the class list.
#[derive(Debug, Clone, Default)]
pub struct ClassQuery {
    pub center_id: Option<OrganizationId>,
    pub program_id: Option<ProgramId>,
    pub year: Option<i32>,
    pub status: Option<ClassStatus>,
    pub q: Option<String>,
}

/// A class's fields as asked for, before they are checked.
pub(crate) struct Wanted {
    program_id: ProgramId,
    code: String,
    name: String,
    mode: ClassMode,
    plan_line_id: Option<PlanLineId>,
    partner_id: Option<OrganizationId>,
    term: Option<String>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    location: Option<String>,
    capacity: i32,
    homeroom_lecturer_id: Option<LecturerId>,
}

/// Checks a class against every rule; 422 naming each field that breaks one.
pub(crate) fn checked(
    conn: &mut DbConnection,
    caller: &Caller,
    center: &orgs::OrganizationRow,
    w: Wanted,
) -> Result<ClassFields, ApiError> {
    let province: OrganizationId = caller.province_id()?.into();
    let mut errors = Vec::new();
    let code = centers_domain::organizations::parse_party_code(&w.code);
    if code.is_none() {
        errors.push(FieldError::new("code", "invalid_code", "1–32 characters"));
    }
    let name = clean_text(Some(&w.name)).unwrap_or_default();
    if name.is_empty() || name.chars().count() > 300 {
        errors.push(FieldError::new("name", "invalid", "1–300 characters"));
    }
    if let Err(ApiError::Validation(mut e)) = check_length("location", w.location.as_deref(), 300) {
        errors.append(&mut e);
    }
    for (field, date) in [("start_date", w.start_date), ("end_date", w.end_date)] {
        if let Err(e) = check_record_date(date) {
            errors.push(FieldError::new(field, "out_of_range", e.to_string()));
        }
    }
    if let Err(e) = rules::check_class_dates(w.start_date, w.end_date) {
        errors.push(FieldError::new("end_date", "invalid_period", e));
    }
    let program = programs::find(conn, w.program_id, province)?;
    match &program {
        None => errors.push(FieldError::new(
            "program_id",
            "unknown_program",
            "no such program in your province",
        )),
        Some(p) if p.retired_at.is_some() => errors.push(FieldError::new(
            "program_id",
            "retired",
            "the program is retired",
        )),
        Some(_) => {}
    }
    let term = match w.term.as_deref() {
        None => None,
        Some(t) => match rules::parse_term(t) {
            Some(t) => Some(t),
            None => {
                errors.push(FieldError::new(
                    "term",
                    "invalid_term",
                    "a term of office such as 2020–2025",
                ));
                None
            }
        },
    };
    if program
        .as_ref()
        .is_some_and(|p| p.category == ProgramCategory::ReserveCadre)
        && term.is_none()
        && w.term.is_none()
    {
        errors.push(FieldError::new(
            "term",
            "required",
            "a reserve-cadre class is for a term of office (nhiệm kỳ), e.g. 2020–2025",
        ));
    }
    if let Some(line) = w.plan_line_id {
        let year = chrono::Datelike::year(&w.start_date);
        let fits = db::plan_line_facts(conn, line)?.is_some_and(|f| {
            f.center_id == center.id
                && f.year == year
                && f.program_id == w.program_id
                && f.plan_status == centers_domain::plans::PlanStatus::Approved
        });
        if !fits {
            errors.push(FieldError::new(
                "plan_line_id",
                "not_an_approved_plan_line",
                "must be a line of an approved plan of the same center, year and program",
            ));
        }
    }
    if let Some(partner) = w.partner_id {
        let school = orgs::find_in_scope(
            conn,
            partner,
            Some(OrganizationKind::ProvincialSchool),
            &province_scope(caller)?,
        )?;
        if school.is_none() {
            errors.push(FieldError::new(
                "partner_id",
                "not_the_school",
                "the partner of a class is the provincial school",
            ));
        }
    }
    let policy = crate::services::policies::set_on(conn, province, w.start_date, "start_date")?;
    if !(policy.min_class_size..=10_000).contains(&w.capacity) {
        errors.push(FieldError::new(
            "capacity",
            "out_of_range",
            format!(
                "between the policy's minimum class size ({}) and 10000",
                policy.min_class_size
            ),
        ));
    }
    if let Some(l) = w.homeroom_lecturer_id {
        let ok = visible_lecturer(conn, caller, l).ok().is_some_and(|l| {
            l.organization_id == center.id || l.kind == rules::LecturerKind::Visiting
        });
        if !ok {
            errors.push(FieldError::new(
                "homeroom_lecturer_id",
                "unknown_lecturer",
                "a lecturer of the center, or a visiting lecturer",
            ));
        }
    }
    let (Some(code), true) = (code, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    Ok(ClassFields {
        program_id: w.program_id,
        code,
        name,
        mode: w.mode,
        plan_line_id: w.plan_line_id,
        partner_id: w.partner_id,
        term,
        start_date: w.start_date,
        end_date: w.end_date,
        location: clean_text(w.location.as_deref()),
        capacity: w.capacity,
        homeroom_lecturer_id: w.homeroom_lecturer_id,
    })
}

pub(crate) fn center_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<orgs::OrganizationRow, ApiError> {
    orgs::find_in_scope(conn, id, Some(OrganizationKind::Center), &caller.scope())?.ok_or_else(
        || {
            ApiError::invalid_field(
                "center_id",
                "unknown_center",
                "no such center in your scope",
            )
        },
    )
}

pub fn create(conn: &mut DbConnection, caller: &Caller, b: CreateClass) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let center = center_in_scope(conn, caller, b.center_id)?;
    let fields = checked(
        conn,
        caller,
        &center,
        Wanted {
            program_id: b.program_id,
            code: b.code,
            name: b.name,
            mode: b.mode,
            plan_line_id: b.plan_line_id,
            partner_id: b.partner_id,
            term: b.term,
            start_date: b.start_date,
            end_date: b.end_date,
            location: b.location,
            capacity: b.capacity,
            homeroom_lecturer_id: b.homeroom_lecturer_id,
        },
    )?;
    let year = chrono::Datelike::year(&fields.start_date);
    if db::class_code_taken(conn, center.id, year, &fields.code, None)? {
        return Err(ApiError::conflict(format!(
            "the code {} is already used by a class of this center in {year}",
            fields.code
        )));
    }
    let dto = Class::from(db::insert_class(conn, center.id, &fields)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Class, dto.id, &center.path, &dto),
    )?;
    Ok(dto)
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    q: ClassQuery,
    page: &PageRequest<ClassSort>,
) -> Result<Page<Class>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let filter = ClassFilter {
        scope: caller.scope(),
        center_id: q.center_id,
        program_id: q.program_id,
        year: q.year,
        status: q.status,
        q: q.q,
    };
    Ok(db::list_classes(conn, &filter, page)?.map(Class::from))
}

pub(crate) fn class_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<InScope<ClassRow>, ApiError> {
    db::find_class(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: ClassId) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    Ok(Class::from(class_in_scope(conn, caller, id)?))
}

pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
    expected: IfMatch,
    b: UpdateClass,
) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let mut row = class_in_scope(conn, caller, id)?;
    if b.capacity.is_some() {
        // Capacity and approvals one at a time (the approvals' lock): the seats counted below
        // are all the seats there are.
        centers_db::learners::lock_class(conn, row.id)?;
        row = class_in_scope(conn, caller, id)?;
    }
    check_if_match(&expected, row.version)?;
    if !rules::class_editable(row.status) {
        return Err(workflow::not_editable::<ClassWorkflow>(row.status));
    }
    let center = center_in_scope(conn, caller, row.center_id)?;
    let fields = checked(
        conn,
        caller,
        &center,
        Wanted {
            program_id: row.program_id,
            code: b.code.unwrap_or_else(|| row.code.clone()),
            name: b.name.unwrap_or_else(|| row.name.clone()),
            mode: b.mode.unwrap_or(row.mode),
            plan_line_id: b.plan_line_id.into_change().unwrap_or(row.plan_line_id),
            partner_id: b.partner_id.into_change().unwrap_or(row.partner_id),
            term: b.term.into_change().unwrap_or_else(|| row.term.clone()),
            start_date: b.start_date.unwrap_or(row.start_date),
            end_date: b.end_date.unwrap_or(row.end_date),
            location: b
                .location
                .into_change()
                .unwrap_or_else(|| row.location.clone()),
            capacity: b.capacity.unwrap_or(row.capacity),
            homeroom_lecturer_id: b
                .homeroom_lecturer_id
                .into_change()
                .unwrap_or(row.homeroom_lecturer_id),
        },
    )?;
    let held = centers_db::learners::seats_taken(conn, row.id)?;
    if i64::from(fields.capacity) < held {
        return Err(ApiError::invalid_field(
            "capacity",
            "below_seats_held",
            format!("{held} seats are held in this class; the capacity cannot be less"),
        ));
    }
    let year = chrono::Datelike::year(&fields.start_date);
    if db::class_code_taken(conn, center.id, year, &fields.code, Some(row.id))? {
        return Err(ApiError::conflict(format!(
            "the code {} is already used by a class of this center in {year}",
            fields.code
        )));
    }
    let sessions = db::sessions_of_class(conn, &row)?;
    if sessions
        .iter()
        .any(|s| !rules::session_within_class(s.session_date, fields.start_date, fields.end_date))
    {
        return Err(ApiError::invalid_field(
            "start_date",
            "sessions_outside",
            "the class has sessions outside these dates",
        ));
    }
    let before = Class::from(row.clone());
    let after =
        Class::from(db::update_class(conn, &row, &fields)?.ok_or(ApiError::PreconditionFailed)?);
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Class, id, &center.path, &before, &after),
    )?;
    Ok(after)
}

/// A class step's input: opening and completing record their decision (`decision_number` and
/// `decision_date` required, `signer`); every step takes an optional comment.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassStepInput {
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
    #[schema(max_length = 100, example = "15/QĐ-TTCT")]
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    #[schema(max_length = 200, example = "Giám đốc Trung tâm")]
    pub signer: Option<String>,
}

/// The decision a step records, checked: required for opening and completing, refused on the
/// other steps (they decide nothing).
fn step_decision(
    action: ClassAction,
    row: &ClassRow,
    input: &ClassStepInput,
) -> Result<Option<db::ClassDecision>, ApiError> {
    check_length("decision_number", input.decision_number.as_deref(), 100)?;
    check_length("signer", input.signer.as_deref(), 200)?;
    let number = clean_text(input.decision_number.as_deref());
    if !action.needs_decision() {
        if number.is_some() || input.decision_date.is_some() || input.signer.is_some() {
            return Err(ApiError::invalid_field(
                "decision_number",
                "not_a_decision",
                format!("{action} records no decision"),
            ));
        }
        return Ok(None);
    }
    let mut errors = Vec::new();
    if number.is_none() {
        errors.push(FieldError::new(
            "decision_number",
            "required",
            format!("the number of the decision to {action} the class"),
        ));
    }
    if input.decision_date.is_none() {
        errors.push(FieldError::new(
            "decision_date",
            "required",
            "the date of the decision",
        ));
    }
    let (Some(number), Some(date), true) = (number, input.decision_date, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    check_record_date(date).map_err(|range| {
        ApiError::invalid_field("decision_date", "out_of_range", range.to_string())
    })?;
    if action == ClassAction::Complete && date < row.start_date {
        return Err(ApiError::invalid_field(
            "decision_date",
            "before_start",
            format!(
                "results are recognized after the class starts ({})",
                row.start_date
            ),
        ));
    }
    Ok(Some(db::ClassDecision {
        number,
        date,
        signer: clean_text(input.signer.as_deref()),
    }))
}

/// How a decision reads in the class's history: "Quyết định số 15/QĐ-TTCT ngày 10/01/2026
/// (Giám đốc Trung tâm)", then the comment.
fn history_comment(
    decision: Option<&db::ClassDecision>,
    comment: Option<String>,
) -> Option<String> {
    let decided = decision.map(|d| {
        let signer = d
            .signer
            .as_ref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        format!(
            "Quyết định số {} ngày {}{signer}",
            d.number,
            d.date.format("%d/%m/%Y")
        )
    });
    match (decided, comment) {
        (Some(d), Some(c)) => Some(format!("{d}. {c}")),
        (d, c) => d.or(c),
    }
}

/// Take a workflow step on a class.
pub fn step(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
    action: ClassAction,
    input: ClassStepInput,
) -> Result<Class, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    check_length("comment", input.comment.as_deref(), 2000)?;
    let row = class_in_scope(conn, caller, id)?;
    let next = workflow::next_state::<ClassWorkflow>(row.status, action)?;
    let decision = step_decision(action, &row, &input)?;
    let changed = workflow::moved::<ClassWorkflow, _>(
        db::set_class_status(conn, &row, next, decision.as_ref())?,
        row.status,
        action,
    )?;
    if next == ClassStatus::Completed {
        // The class found in scope above, now completed.
        crate::services::results::settle_enrollments(conn, caller, &row)?;
    }
    let comment = history_comment(decision.as_ref(), clean_text(input.comment.as_deref()));
    let path = owner_path(conn, row.center_id)?;
    let step = Stepped::new(By::Action(action), (row.status, next)).comment(comment.as_deref());
    let before = Class::from(row);
    let after = Class::from(changed);
    workflow::finish::<ClassWorkflow>(
        conn,
        &caller.audit(),
        id,
        step,
        Write::update(EntityKind::Class, id, &path, &before, &after),
    )?;
    Ok(after)
}

pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<Vec<workflow::WorkflowTransition>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let row = class_in_scope(conn, caller, id)?;
    workflow::history::<ClassWorkflow>(conn, row.id)
}
