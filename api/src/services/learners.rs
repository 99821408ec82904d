//! Learners (personal data: every read is scoped; national ids masked but for admins) and their
//! enrollments: nomination by a party organization, vetting by the center, seats never exceeded.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::learners::{
    self as db, EnrollmentRow, LearnerColumns, LearnerFilter, LearnerRow, LearnerSort,
};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::SessionRow;
use centers_db::writes::{self, Write};
use centers_db::SessionId;
use centers_db::{
    organizations as orgs, programs, ClassId, DbConnection, EnrollmentId, LearnerId,
    OrganizationId, UserId,
};
use centers_domain::access::{Permission, Principal, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::{
    attendance_ratio, check_eligibility, check_party_status, check_result, final_score,
    mask_national_id, outcome, parse_national_id, score_tenths, AttendanceStatus, Conduct,
    EnrollmentAction, EnrollmentStatus, EnrollmentWorkflow, Gender, PartyStatus,
};
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::EligibilityRule;
use centers_domain::teaching::ClassStatus;
use centers_domain::teaching::SessionStatus;
use centers_domain::validity::check_record_date;
use centers_domain::workflow::Step;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A learner.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Learner {
    pub id: LearnerId,
    /// The grassroots party organization the learner belongs to (and is nominated by).
    pub party_organization_id: OrganizationId,
    #[schema(example = "Lê Thị Mai")]
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub gender: Gender,
    #[schema(example = "Kinh")]
    pub ethnicity: Option<String>,
    pub party_status: PartyStatus,
    /// For party members: the admission date.
    pub admission_date: Option<NaiveDate>,
    pub position: Option<String>,
    pub workplace: Option<String>,
    /// 12 digits; shown whole to center and province admins, as `********1234` to others.
    pub national_id: Option<String>,
    pub external_id: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(LearnerList, Learner);

/// A national id as `caller` may see it: whole for those who may read national ids, else masked
/// (`********1234`). Every channel that shows a learner goes through this.
pub(crate) fn national_id_as_seen(caller: &Caller, whole: &str) -> String {
    if caller.principal.may(Permission::ReadNationalIds) {
        whole.to_owned()
    } else {
        mask_national_id(whole)
    }
}

pub(crate) fn learner_dto(r: LearnerRow, caller: &Caller) -> Learner {
    Learner {
        national_id: r.national_id.map(|n| national_id_as_seen(caller, &n)),
        id: r.id,
        party_organization_id: r.party_organization_id,
        full_name: r.full_name,
        birth_date: r.birth_date,
        gender: r.gender,
        ethnicity: r.ethnicity,
        party_status: r.party_status,
        admission_date: r.admission_date,
        position: r.position,
        workplace: r.workplace,
        external_id: r.external_id,
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    }
}

/// A new learner.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLearner {
    pub party_organization_id: OrganizationId,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub gender: Gender,
    #[schema(max_length = 50)]
    pub ethnicity: Option<String>,
    pub party_status: PartyStatus,
    /// Required for party members, absent for non-members.
    pub admission_date: Option<NaiveDate>,
    #[schema(max_length = 200)]
    pub position: Option<String>,
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    /// 12 digits.
    #[schema(pattern = "^[0-9]{12}$")]
    pub national_id: Option<String>,
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
    /// Create even though a learner with the same folded name and birth date exists (a 409 lists
    /// them otherwise). A national id already held by another learner is always refused.
    #[serde(default)]
    pub confirm_new: bool,
}

/// Whether one of the (in-scope) candidates holds `national_id`.
fn listed_holds(candidates: &[Option<String>], national_id: Option<&str>) -> bool {
    candidates.iter().any(|n| n.as_deref() == national_id)
}

/// A national id is unique in the province, so one held by a learner outside the caller's scope
/// is refused too; the answer says so without saying where or whose (issue 19): the province's
/// administrators, who see every learner, resolve it.
pub(crate) const NATIONAL_ID_OUTSIDE_SCOPE: &str =
    "this national id cannot be recorded by your organization; the province's administrators review it";

fn national_id_outside_scope() -> ApiError {
    ApiError::invalid_field(
        "national_id",
        "needs_province_review",
        NATIONAL_ID_OUTSIDE_SCOPE,
    )
}

/// What the caller may see of the learner behind a 409: enough to pick the right one.
#[derive(Debug, Serialize)]
struct Candidate {
    id: LearnerId,
    full_name: String,
    birth_date: NaiveDate,
    party_organization_id: OrganizationId,
}

fn party_organization(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
) -> Result<orgs::OrganizationRow, ApiError> {
    orgs::find_in_scope(
        conn,
        id,
        Some(OrganizationKind::PartyOrganization),
        &caller.scope(),
    )?
    .ok_or_else(|| {
        ApiError::invalid_field(
            "party_organization_id",
            "unknown_party_organization",
            "no such party organization in your scope",
        )
    })
}

pub(crate) fn checked(
    b: &CreateLearner,
    organization: &orgs::OrganizationRow,
) -> Result<LearnerColumns, ApiError> {
    let mut errors = Vec::new();
    let full_name = clean_text(Some(&b.full_name)).unwrap_or_default();
    if full_name.is_empty() || full_name.chars().count() > 200 {
        errors.push(FieldError::new("full_name", "invalid", "1–200 characters"));
    }
    for (field, value, max) in [
        ("ethnicity", b.ethnicity.as_deref(), 50),
        ("position", b.position.as_deref(), 200),
        ("workplace", b.workplace.as_deref(), 300),
        ("external_id", b.external_id.as_deref(), 100),
    ] {
        if let Err(ApiError::Validation(mut e)) = check_length(field, value, max) {
            errors.append(&mut e);
        }
    }
    // Births are not records of this system: anyone alive, from 1900 to today.
    let today = centers_domain::teaching::local_day(centers_db::now());
    if b.birth_date.year() < 1900 || b.birth_date > today {
        errors.push(FieldError::new(
            "birth_date",
            "out_of_range",
            "must be between 1900-01-01 and today",
        ));
    }
    if let Err(e) = check_party_status(b.party_status, b.admission_date) {
        errors.push(FieldError::new("admission_date", "invalid", e));
    }
    if let Some(Err(e)) = b.admission_date.map(check_record_date) {
        errors.push(FieldError::new(
            "admission_date",
            "out_of_range",
            e.to_string(),
        ));
    }
    let national_id = match b.national_id.as_deref() {
        None => None,
        Some(n) => match parse_national_id(n) {
            Some(n) => Some(n),
            None => {
                errors.push(FieldError::new(
                    "national_id",
                    "invalid",
                    "exactly 12 digits",
                ));
                None
            }
        },
    };
    let external_id = b.external_id.as_deref().map(str::trim).map(str::to_owned);
    if external_id.as_deref() == Some("") {
        errors.push(FieldError::new("external_id", "blank", "must not be blank"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(LearnerColumns {
        party_organization_id: organization.id,
        search_text: centers_domain::text::fold(&full_name),
        full_name,
        birth_date: b.birth_date,
        gender: b.gender.as_str().to_owned(),
        ethnicity: clean_text(b.ethnicity.as_deref()),
        party_status: b.party_status.as_str().to_owned(),
        admission_date: b.admission_date,
        position: clean_text(b.position.as_deref()),
        workplace: clean_text(b.workplace.as_deref()),
        national_id,
        external_id,
    })
}

use chrono::Datelike;

/// The row a batch-inserted learner is stored as (to describe it without reading it back).
pub(crate) fn row_of(new: &centers_db::learners::NewLearner) -> LearnerRow {
    let c = &new.columns;
    LearnerRow {
        id: new.id,
        party_organization_id: c.party_organization_id,
        full_name: c.full_name.clone(),
        search_text: c.search_text.clone(),
        birth_date: c.birth_date,
        // The columns were made from these enums by `checked`.
        gender: c.gender.parse().unwrap_or(Gender::Male),
        ethnicity: c.ethnicity.clone(),
        party_status: c.party_status.parse().unwrap_or(PartyStatus::NonMember),
        admission_date: c.admission_date,
        position: c.position.clone(),
        workplace: c.workplace.clone(),
        national_id: c.national_id.clone(),
        external_id: c.external_id.clone(),
        version: new.version,
        created_at: new.created_at,
        updated_at: new.updated_at,
    }
}

pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreateLearner,
) -> Result<Learner, ApiError> {
    caller.require_permission(Permission::ManageLearners)?;
    let organization = party_organization(conn, caller, b.party_organization_id)?;
    let columns = checked(&b, &organization)?;
    let (candidates, id_taken) = db::duplicate_candidates(
        conn,
        &caller.scope(),
        columns.national_id.as_deref(),
        &columns.search_text,
        columns.birth_date,
        None,
    )?;
    if id_taken || (!candidates.is_empty() && !b.confirm_new) {
        let candidates_national_ids: Vec<Option<String>> =
            candidates.iter().map(|c| c.national_id.clone()).collect();
        let listed: Vec<Candidate> = candidates
            .into_iter()
            .map(|c| Candidate {
                id: c.id,
                full_name: c.full_name,
                birth_date: c.birth_date,
                party_organization_id: c.party_organization_id,
            })
            .collect();
        let held_in_scope = columns.national_id.is_some()
            && listed_holds(&candidates_national_ids, columns.national_id.as_deref());
        if id_taken && !held_in_scope {
            return Err(national_id_outside_scope());
        }
        let detail = if id_taken {
            "a learner with this national id already exists".to_owned()
        } else {
            "a learner with the same name and birth date exists; send confirm_new: true if this is another person".to_owned()
        };
        return Err(ApiError::Conflict {
            detail: format!(
                "{detail} (candidates: {})",
                serde_json::to_string(&listed).unwrap_or_default()
            ),
            current_state: None,
            allowed_actions: None,
        });
    }
    let row = db::insert_learner(conn, &columns)?;
    let dto = learner_dto(row, caller);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Learner, dto.id, &organization.path, &dto),
    )?;
    Ok(dto)
}

/// Filters of the learner list.
#[derive(Debug, Clone, Default)]
pub struct LearnerQuery {
    pub party_organization_id: Option<OrganizationId>,
    pub q: Option<String>,
    pub external_id: Option<String>,
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    q: LearnerQuery,
    page: &PageRequest<LearnerSort>,
) -> Result<Page<Learner>, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let filter = LearnerFilter {
        scope: caller.scope(),
        party_organization_id: q.party_organization_id,
        q: q.q,
        external_id: q.external_id,
    };
    Ok(db::list_learners(conn, &filter, page)?.map(|r| learner_dto(r, caller)))
}

fn learner_in_scope(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LearnerId,
) -> Result<LearnerRow, ApiError> {
    db::find_learner(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: LearnerId) -> Result<Learner, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    Ok(learner_dto(learner_in_scope(conn, caller, id)?, caller))
}

/// Replaces a learner's details (the whole record, as on creation; `confirm_new` as there).
pub fn replace(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LearnerId,
    expected: IfMatch,
    b: CreateLearner,
) -> Result<Learner, ApiError> {
    caller.require_permission(Permission::ManageLearners)?;
    let row = learner_in_scope(conn, caller, id)?;
    check_if_match(&expected, row.version)?;
    let organization = party_organization(conn, caller, b.party_organization_id)?;
    let mut b = b;
    // A masked id sent back unchanged keeps the stored one.
    if let (Some(sent), Some(stored)) = (&b.national_id, &row.national_id) {
        if *sent == mask_national_id(stored) {
            b.national_id = Some(stored.clone());
        }
    }
    let columns = checked(&b, &organization)?;
    let (candidates, id_taken) = db::duplicate_candidates(
        conn,
        &caller.scope(),
        columns.national_id.as_deref(),
        &columns.search_text,
        columns.birth_date,
        Some(row.id),
    )?;
    // Namesakes were accepted when the learner was recorded: only a new name or birth date asks
    // again.
    let identity_changed =
        columns.search_text != row.search_text || columns.birth_date != row.birth_date;
    if id_taken
        && !listed_holds(
            &candidates
                .iter()
                .map(|c| c.national_id.clone())
                .collect::<Vec<_>>(),
            columns.national_id.as_deref(),
        )
    {
        return Err(national_id_outside_scope());
    }
    if id_taken || (identity_changed && !candidates.is_empty() && !b.confirm_new) {
        return Err(ApiError::conflict(
            "another learner has this national id, or the same name and birth date (confirm_new: true to keep both)",
        ));
    }
    let before = learner_dto(row.clone(), caller);
    let after = learner_dto(
        db::update_learner(conn, row.id, row.version, &columns)?
            .ok_or(ApiError::PreconditionFailed)?,
        caller,
    );
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Learner, id, &organization.path, &before, &after),
    )?;
    Ok(after)
}

// ---- enrollments ----

/// A learner's enrollment in a class.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Enrollment {
    pub id: EnrollmentId,
    pub class_id: ClassId,
    pub learner_id: LearnerId,
    pub party_organization_id: OrganizationId,
    pub status: EnrollmentStatus,
    pub allowed_actions: Vec<EnrollmentAction>,
    /// The reason of a rejection or withdrawal.
    pub reason: Option<String>,
    pub nominated_by: Option<UserId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(EnrollmentList, Enrollment);

impl From<EnrollmentRow> for Enrollment {
    fn from(r: EnrollmentRow) -> Self {
        Enrollment {
            allowed_actions: centers_domain::workflow::allowed_actions::<EnrollmentWorkflow>(
                r.status,
            ),
            id: r.id,
            class_id: r.class_id,
            learner_id: r.learner_id,
            party_organization_id: r.party_organization_id,
            status: r.status,
            reason: r.reason,
            nominated_by: r.nominated_by,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A nomination.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Nominate {
    pub learner_id: LearnerId,
}

/// The class a caller may see for enrollments: in its scope (center, province), or — for a party
/// organization's account — a class of the center its organization belongs to.
fn class_for(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<(centers_db::teaching::ClassRow, bool), ApiError> {
    if let Some(c) = centers_db::teaching::find_class(conn, id, &caller.scope())? {
        return Ok((c, true));
    }
    if caller.principal == Principal::User(Role::PartyOrg) {
        let own = orgs::find_unscoped(conn, caller.scope_id.into())?;
        if let Some(class) = db::class_unscoped(conn, id)? {
            if own.and_then(|o| o.center_id) == Some(class.center_id) {
                return Ok((class, false));
            }
        }
    }
    Err(ApiError::NotFound)
}

/// Nominate a learner of one's own party organization (or, for a center admin, of one of its
/// party organizations) for an open class.
pub fn nominate(
    conn: &mut DbConnection,
    caller: &Caller,
    class_id: ClassId,
    b: Nominate,
) -> Result<Enrollment, ApiError> {
    caller.require_permission(Permission::ManageLearners)?;
    let (class, _) = class_for(conn, caller, class_id)?;
    let learner = db::find_learner(conn, b.learner_id, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(
            "learner_id",
            "unknown_learner",
            "no such learner in your scope",
        )
    })?;
    let organization =
        orgs::find_unscoped(conn, learner.party_organization_id)?.ok_or(ApiError::NotFound)?;
    if organization.center_id != Some(class.center_id) {
        return Err(ApiError::invalid_field(
            "learner_id",
            "other_center",
            "the learner's party organization belongs to another center",
        ));
    }
    if class.status != ClassStatus::Open {
        return Err(ApiError::Conflict {
            detail: format!(
                "nominations are taken while a class is open; it is {}",
                class.status
            ),
            current_state: Some(class.status.to_string()),
            allowed_actions: None,
        });
    }
    let row = db::insert_enrollment(
        conn,
        class.id,
        learner.id,
        learner.party_organization_id,
        Some(caller.user_id()),
    )
    .map_err(|e| match ApiError::from(e) {
        ApiError::Conflict { .. } => {
            ApiError::conflict("the learner is already nominated for this class")
        }
        other => other,
    })?;
    let dto = Enrollment::from(row);
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Enrollment, dto.id, &organization.path, &dto)
            .action(AuditAction::Nominate),
    )?;
    Ok(dto)
}

/// The enrollments of a class: all of them for the center and province; a party organization's
/// own for its account.
pub fn of_class(
    conn: &mut DbConnection,
    caller: &Caller,
    class_id: ClassId,
) -> Result<EnrollmentList, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let (class, whole) = class_for(conn, caller, class_id)?;
    let rows = if whole {
        db::enrollments_of_class(conn, class.id)?
    } else {
        db::enrollments_by_party_scope(conn, &caller.scope(), Some(class.id))?
    };
    let items: Vec<Enrollment> = rows.into_iter().map(Enrollment::from).collect();
    Ok(EnrollmentList {
        total: Some(i64::try_from(items.len()).unwrap_or(i64::MAX)),
        items,
        next_cursor: None,
    })
}

/// A step's input: the reason, required to reject or withdraw.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentStepInput {
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

fn audit_action(a: EnrollmentAction) -> AuditAction {
    match a {
        EnrollmentAction::Approve => AuditAction::Approve,
        EnrollmentAction::Reject => AuditAction::Reject,
        EnrollmentAction::Enroll => AuditAction::Enroll,
        EnrollmentAction::Withdraw => AuditAction::Withdraw,
    }
}

/// Vet an enrollment. Approving checks the program's eligibility under the policy in force on the
/// class's start date, and takes a seat: under a lock on the class's row, so concurrent approvals
/// never exceed its capacity.
pub fn step(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
    action: EnrollmentAction,
    input: EnrollmentStepInput,
) -> Result<Enrollment, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    check_length("reason", input.reason.as_deref(), 2000)?;
    let row = db::find_enrollment_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let class = centers_db::teaching::find_class(conn, row.class_id, &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    let reason = clean_text(input.reason.as_deref());
    if matches!(
        action,
        EnrollmentAction::Reject | EnrollmentAction::Withdraw
    ) && reason.is_none()
    {
        return Err(ApiError::invalid_field("reason", "required", "say why"));
    }
    let Step::To(next) = centers_domain::workflow::step::<EnrollmentWorkflow>(row.status, action)
        .map_err(workflow::illegal)?
    else {
        return Err(ApiError::Internal("enrollments do not branch".into()));
    };
    if action == EnrollmentAction::Approve {
        let learner =
            db::find_learner(conn, row.learner_id, &caller.scope())?.ok_or(ApiError::NotFound)?;
        let province = caller.province_id()?.into();
        let program =
            programs::find(conn, class.program_id, province)?.ok_or(ApiError::NotFound)?;
        let rule: EligibilityRule =
            serde_json::from_str(&program.eligibility_json).unwrap_or_default();
        let policy = crate::services::policies::set_on(conn, province, class.start_date, "class")?;
        check_eligibility(
            &rule,
            learner.party_status,
            learner.admission_date,
            class.start_date,
            policy.new_member_window_months,
        )
        .map_err(|why| ApiError::invalid_field("learner", "not_eligible", why))?;
        let today = centers_domain::teaching::local_day(centers_db::now());
        if let Some(held) = db::current_certificates_of_learner(conn, learner.id, class.program_id)?
            .into_iter()
            .find(|c| {
                c.valid_until
                    .is_none_or(|v| v >= class.start_date.max(today))
            })
        {
            return Err(ApiError::invalid_field(
                "learner",
                "holds_certificate",
                format!(
                    "the learner already holds certificate {} of this program (issued {})",
                    held.number, held.issue_date
                ),
            ));
        }
        let capacity = db::lock_class(conn, class.id)?;
        let taken = db::seats_taken(conn, class.id)?;
        if taken >= i64::from(capacity) {
            return Err(ApiError::Conflict {
                detail: format!("the class is full: {taken} of {capacity} seats taken"),
                current_state: Some(row.status.to_string()),
                allowed_actions: None,
            });
        }
    }
    let changed =
        db::set_enrollment_status(conn, &row, next, reason.as_deref())?.ok_or_else(|| {
            workflow::illegal(centers_domain::workflow::refusal::<EnrollmentWorkflow>(
                row.status, action,
            ))
        })?;
    let ctx = caller.audit();
    centers_db::workflow::record::<EnrollmentWorkflow>(
        conn,
        &ctx.actor,
        centers_db::workflow::Transition {
            record: row.id.into(),
            action: action.as_str(),
            from: row.status,
            to: next,
            comment: reason.as_deref(),
        },
    )?;
    let path = owner_path(conn, row.party_organization_id)?;
    let before = Enrollment::from(row);
    let after = Enrollment::from(changed);
    writes::record(
        conn,
        &ctx,
        Write::update(EntityKind::Enrollment, id, &path, &before, &after)
            .action(audit_action(action)),
    )?;
    Ok(after)
}

/// An enrollment the caller reads: its class or its party organization is in the scope.
fn readable_enrollment(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<EnrollmentRow, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let row = db::find_enrollment_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let path = owner_path(conn, row.party_organization_id)?;
    let class_visible =
        centers_db::teaching::find_class(conn, row.class_id, &caller.scope())?.is_some();
    if !class_visible && !caller.scope().contains(&path) {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

pub fn get_enrollment(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<Enrollment, ApiError> {
    Ok(Enrollment::from(readable_enrollment(conn, caller, id)?))
}

pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<workflow::WorkflowHistory, ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    workflow::history::<EnrollmentWorkflow>(conn, row.id)
}

// ---- attendance ----

/// One learner's presence at a session.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRecord {
    pub enrollment_id: EnrollmentId,
    pub status: AttendanceStatus,
}

/// A session's attendance, recorded whole in one request (one transaction).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionAttendance {
    /// At most 1,000; each an enrolled learner of the session's class, once.
    pub records: Vec<AttendanceRecord>,
}

/// The session and class of an attendance request, if the caller may record it: the center's
/// admins, or the session's own lecturer.
fn attendance_session(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<(SessionRow, centers_db::teaching::ClassRow), ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let (session, class) =
        centers_db::teaching::find_session(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    Ok((session, class))
}

pub fn record_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
    b: SessionAttendance,
) -> Result<SessionAttendance, ApiError> {
    let (session, class) = attendance_session(conn, caller, id)?;
    let own_lecturer = caller.principal == Principal::User(Role::Lecturer)
        && centers_db::teaching::lecturer_of_user(conn, caller.user_id())?
            .is_some_and(|l| l.id == session.lecturer_id);
    if !own_lecturer && !caller.principal.may(Permission::VetEnrollments) {
        return Err(ApiError::Forbidden(
            "attendance is recorded by the center's administrators or the session's lecturer"
                .into(),
        ));
    }
    if class.status != ClassStatus::InProgress {
        return Err(ApiError::Conflict {
            detail: format!(
                "attendance is recorded while a class is in progress; it is {}",
                class.status
            ),
            current_state: Some(class.status.to_string()),
            allowed_actions: None,
        });
    }
    if session.status == SessionStatus::Cancelled
        || session.session_date > centers_domain::teaching::local_day(centers_db::now())
    {
        return Err(ApiError::invalid_field(
            "session",
            "not_held",
            "attendance is recorded for a session that took place",
        ));
    }
    if b.records.len() > 1000 {
        return Err(ApiError::invalid_field(
            "records",
            "too_many",
            "at most 1000",
        ));
    }
    let enrolled: std::collections::HashSet<EnrollmentId> =
        db::enrollments_of_class(conn, class.id)?
            .into_iter()
            .filter(|e| e.status == EnrollmentStatus::Enrolled)
            .map(|e| e.id)
            .collect();
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for (i, r) in b.records.iter().enumerate() {
        if !enrolled.contains(&r.enrollment_id) {
            errors.push(FieldError::new(
                format!("records[{i}].enrollment_id"),
                "not_enrolled",
                "not an enrolled learner of this class",
            ));
        } else if !seen.insert(r.enrollment_id) {
            errors.push(FieldError::new(
                format!("records[{i}].enrollment_id"),
                "duplicate",
                "listed twice",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let records: Vec<_> = b
        .records
        .iter()
        .map(|r| (r.enrollment_id, r.status))
        .collect();
    let before = session_attendance(conn, caller, id)?;
    db::record_attendance(conn, session.id, &records, Some(caller.user_id()))?;
    let after = session_attendance(conn, caller, id)?;
    let path = owner_path(conn, class.center_id)?;
    // Its own kind, carrying what `GET /sessions/{id}/attendance` shows: the session's record in
    // the feed stays the session as `GET` shows it (and private to its lecturer).
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::SessionAttendance,
            session.id,
            &path,
            &before,
            &after,
        )
        .action(AuditAction::RecordAttendance),
    )?;
    Ok(after)
}

pub fn session_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: SessionId,
) -> Result<SessionAttendance, ApiError> {
    let (session, _) = attendance_session(conn, caller, id)?;
    let records = db::attendance_of_session(conn, session.id)?
        .into_iter()
        .filter_map(|(enrollment_id, status)| {
            status.parse().ok().map(|status| AttendanceRecord {
                enrollment_id,
                status,
            })
        })
        .collect();
    Ok(SessionAttendance { records })
}

/// One enrollment's attendance in a class.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentAttendance {
    pub enrollment_id: EnrollmentId,
    pub learner_id: LearnerId,
    pub present_periods: i64,
    /// Present periods over the periods of the class's taught sessions; null before any.
    pub ratio: Option<f64>,
}

/// Attendance of every enrollment of a class, against the periods taught so far.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassAttendance {
    pub class_id: ClassId,
    pub taught_periods: i64,
    /// The policy's threshold to sit the final assessment.
    pub min_attendance_ratio: f64,
    pub enrollments: Vec<EnrollmentAttendance>,
}

pub fn class_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ClassAttendance, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let class =
        centers_db::teaching::find_class(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)?;
    let (taught, present) = db::attendance_periods(conn, class.id)?;
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    let enrollments = db::enrollments_of_class(conn, class.id)?
        .into_iter()
        .filter(|e| {
            matches!(
                e.status,
                EnrollmentStatus::Enrolled | EnrollmentStatus::Completed | EnrollmentStatus::Failed
            )
        })
        .map(|e| {
            let p = present.get(&e.id).copied().unwrap_or(0);
            EnrollmentAttendance {
                enrollment_id: e.id,
                learner_id: e.learner_id,
                present_periods: p,
                ratio: attendance_ratio(p, taught),
            }
        })
        .collect();
    Ok(ClassAttendance {
        class_id: class.id,
        taught_periods: taught,
        min_attendance_ratio: policy.min_attendance_ratio,
        enrollments,
    })
}

// ---- results ----

/// A result to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultInput {
    /// The final assessment, 0–10 with one decimal; only with enough attendance.
    #[schema(minimum = 0, maximum = 10)]
    pub score: Option<f64>,
    /// One retake, after a failed first score.
    #[schema(minimum = 0, maximum = 10)]
    pub retake_score: Option<f64>,
    pub conduct: Option<Conduct>,
    /// The homeroom lecturer's comment.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// An enrollment's result, graded under the policy in force on the class's last day.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultDto {
    pub enrollment_id: EnrollmentId,
    pub score: Option<f64>,
    pub retake_score: Option<f64>,
    /// The score that counts (the retake's, if any).
    pub final_score: Option<f64>,
    pub passed: Option<bool>,
    /// Grade band code and label (Trung bình, Khá, Giỏi, Xuất sắc) of a passing final score.
    pub grade_code: Option<String>,
    pub grade_label: Option<String>,
    pub conduct: Option<Conduct>,
    /// Tốt / Khá / Trung bình / Yếu.
    pub conduct_label: Option<String>,
    pub comment: Option<String>,
    pub attendance_ratio: Option<f64>,
    pub version: i32,
}

fn result_dto(
    r: &db::ResultRow,
    ratio: Option<f64>,
    policy: &centers_domain::policies::PolicySet,
) -> ResultDto {
    let final_tenths = final_score(r.score_tenths, r.retake_tenths);
    let grade = final_tenths
        .and_then(|t| centers_domain::policies::Score::parse(f64::from(t) / 10.0).ok())
        .map(|s| policy.grade(s));
    let conduct: Option<Conduct> = r.conduct.as_deref().and_then(|c| c.parse().ok());
    ResultDto {
        enrollment_id: r.enrollment_id,
        score: r.score_tenths.map(|t| f64::from(t) / 10.0),
        retake_score: r.retake_tenths.map(|t| f64::from(t) / 10.0),
        final_score: final_tenths.map(|t| f64::from(t) / 10.0),
        passed: grade.as_ref().map(|g| g.passed),
        grade_code: grade
            .as_ref()
            .and_then(|g| g.band.as_ref().map(|b| b.code.clone())),
        grade_label: grade.and_then(|g| g.band.map(|b| b.label)),
        conduct_label: conduct.map(|c| c.label().to_owned()),
        conduct,
        comment: r.comment.clone(),
        attendance_ratio: ratio,
        version: r.version,
    }
}

fn enrollment_for_results(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<(EnrollmentRow, centers_db::teaching::ClassRow), ApiError> {
    let row = db::find_enrollment_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let class = centers_db::teaching::find_class(conn, row.class_id, &caller.scope())?
        .ok_or(ApiError::NotFound)?;
    Ok((row, class))
}

/// An enrollment the caller reads (its class's center, or its learner's party organization) with
/// its class: what reads of results and certificates need. Writes use
/// [`enrollment_for_results`], which requires the class in scope.
fn readable_with_class(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<(EnrollmentRow, centers_db::teaching::ClassRow), ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    let class =
        centers_db::teaching::find_class_unscoped(conn, row.class_id)?.ok_or(ApiError::NotFound)?;
    Ok((row, class))
}

pub fn put_result(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
    b: ResultInput,
) -> Result<ResultDto, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    check_length("comment", b.comment.as_deref(), 2000)?;
    let (row, class) = enrollment_for_results(conn, caller, id)?;
    if !matches!(
        row.status,
        EnrollmentStatus::Enrolled | EnrollmentStatus::Completed | EnrollmentStatus::Failed
    ) {
        return Err(ApiError::Conflict {
            detail: format!(
                "results are for enrolled learners; this enrollment is {}",
                row.status
            ),
            current_state: Some(row.status.to_string()),
            allowed_actions: None,
        });
    }
    let mut errors = Vec::new();
    let mut tenths = |field: &str, v: Option<f64>| match v {
        None => None,
        Some(v) => {
            let t = score_tenths(v);
            if t.is_none() {
                errors.push(FieldError::new(
                    field,
                    "invalid",
                    "0–10 with at most one decimal",
                ));
            }
            t
        }
    };
    let score = tenths("score", b.score);
    let retake = tenths("retake_score", b.retake_score);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let (taught, present) = db::attendance_periods(conn, class.id)?;
    let ratio = attendance_ratio(present.get(&row.id).copied().unwrap_or(0), taught);
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    check_result(score, retake, ratio, &policy)
        .map_err(|(field, why)| ApiError::invalid_field(field, "not_allowed", why))?;
    let comment = clean_text(b.comment.as_deref());
    let before = db::find_result(conn, row.id)?.map(|r| result_dto(&r, ratio, &policy));
    let stored = db::put_result(
        conn,
        row.id,
        score,
        retake,
        b.conduct.map(|c| c.as_str()),
        comment.as_deref(),
        Some(caller.user_id()),
    )?;
    let after = result_dto(&stored, ratio, &policy);
    let path = owner_path(conn, row.party_organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(
            EntityKind::EnrollmentResult,
            row.id,
            &path,
            &before,
            &Some(result_dto(&stored, ratio, &policy)),
        )
        .action(AuditAction::RecordResult),
    )?;
    Ok(after)
}

pub fn get_result(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<ResultDto, ApiError> {
    let (row, class) = readable_with_class(conn, caller, id)?;
    let stored = db::find_result(conn, row.id)?.ok_or(ApiError::NotFound)?;
    let (taught, present) = db::attendance_periods(conn, class.id)?;
    let ratio = attendance_ratio(present.get(&row.id).copied().unwrap_or(0), taught);
    let policy = crate::services::policies::set_on(
        conn,
        caller.province_id()?.into(),
        class.end_date,
        "class",
    )?;
    Ok(result_dto(&stored, ratio, &policy))
}

/// When a class completes: every enrolled learner becomes `completed` or `failed` by attendance
/// and final score (attendance alone for attendance-only programs). Runs in the class step's
/// transaction.
pub(crate) fn settle_enrollments(
    conn: &mut DbConnection,
    caller: &Caller,
    class: &centers_db::teaching::ClassRow,
) -> Result<(), ApiError> {
    let province = caller.province_id()?.into();
    let program = programs::find(conn, class.program_id, province)?.ok_or(ApiError::NotFound)?;
    let rule: EligibilityRule = serde_json::from_str(&program.eligibility_json).unwrap_or_default();
    let policy = crate::services::policies::set_on(conn, province, class.end_date, "class")?;
    let (taught, present) = db::attendance_periods(conn, class.id)?;
    let results: std::collections::HashMap<EnrollmentId, db::ResultRow> =
        db::results_of_class(conn, class.id)?
            .into_iter()
            .map(|r| (r.enrollment_id, r))
            .collect();
    let ctx = caller.audit();
    for e in db::enrollments_of_class(conn, class.id)?
        .into_iter()
        .filter(|e| e.status == EnrollmentStatus::Enrolled)
    {
        let ratio = attendance_ratio(present.get(&e.id).copied().unwrap_or(0), taught);
        let final_tenths = results
            .get(&e.id)
            .and_then(|r| final_score(r.score_tenths, r.retake_tenths));
        let next = outcome(rule.attendance_only, ratio, final_tenths, &policy);
        let Some(changed) = db::set_enrollment_status(conn, &e, next, None)? else {
            continue;
        };
        centers_db::workflow::record::<EnrollmentWorkflow>(
            conn,
            &ctx.actor,
            centers_db::workflow::Transition {
                record: e.id.into(),
                action: "complete_class",
                from: e.status,
                to: next,
                comment: None,
            },
        )?;
        let path = owner_path(conn, e.party_organization_id)?;
        writes::record(
            conn,
            &ctx,
            Write::update(
                EntityKind::Enrollment,
                e.id,
                &path,
                &Enrollment::from(e.clone()),
                &Enrollment::from(changed),
            )
            .action(AuditAction::Complete),
        )?;
    }
    Ok(())
}

// ---- certificates ----

/// A certificate of the center's master register (sổ gốc).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Certificate {
    pub id: uuid::Uuid,
    pub enrollment_id: EnrollmentId,
    /// `<center code>/<year>/<serial>`, with `-<n>` for the n-th reissue.
    #[schema(example = "406/2026/000123")]
    pub number: String,
    pub serial: i32,
    /// 0 for the original, n for the n-th reissue.
    pub suffix: i32,
    pub year: i32,
    pub center_id: OrganizationId,
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
            id: r.id.into(),
            enrollment_id: r.enrollment_id,
            number: r.number,
            serial: r.serial,
            suffix: r.suffix,
            year: r.year,
            center_id: r.center_id,
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

fn signer_of(raw: &str) -> Result<String, ApiError> {
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

/// Issue the certificate of a completed enrollment, numbered next in the center's register for
/// the year of issue.
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
    if b.issue_date < class.end_date || b.issue_date > today {
        return Err(ApiError::invalid_field(
            "issue_date",
            "out_of_range",
            format!(
                "between the class's last day ({}) and today",
                class.end_date
            ),
        ));
    }
    if !db::certificates_of(conn, row.id)?.is_empty() {
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
    let serial = db::next_serial(conn, center.id, year)?;
    let number = format!(
        "{}/{year}/{serial:06}",
        center.code.clone().unwrap_or_else(|| center.id.to_string())
    );
    let cert = db::insert_certificate(
        conn,
        &db::NewCertificate {
            enrollment_id: row.id,
            center_id: center.id,
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
    id: uuid::Uuid,
    b: ReissueCertificate,
) -> Result<Certificate, ApiError> {
    caller.require_permission(Permission::VetEnrollments)?;
    let old = db::find_certificate_unscoped(conn, id.into())?.ok_or(ApiError::NotFound)?;
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
    let all = db::certificates_of(conn, row.id)?;
    let suffix = all.iter().map(|c| c.suffix).max().unwrap_or(0) + 1;
    let base = old
        .number
        .split('-')
        .next()
        .unwrap_or(&old.number)
        .to_owned();
    let cert = db::insert_certificate(
        conn,
        &db::NewCertificate {
            enrollment_id: row.id,
            center_id: old.center_id,
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
) -> Result<CertificateList, ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    let items: Vec<Certificate> = db::certificates_of(conn, row.id)?
        .into_iter()
        .map(Certificate::from)
        .collect();
    Ok(CertificateList {
        total: Some(i64::try_from(items.len()).unwrap_or(i64::MAX)),
        items,
        next_cursor: None,
    })
}

/// One certificate of an enrollment the caller reads.
pub fn certificate(
    conn: &mut DbConnection,
    caller: &Caller,
    id: uuid::Uuid,
) -> Result<Certificate, ApiError> {
    let cert = db::find_certificate_unscoped(conn, id.into())?.ok_or(ApiError::NotFound)?;
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

fn initials(name: &str) -> String {
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

// ---- results back to the party organizations ----

/// One learner's line in a results report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultLine {
    pub enrollment_id: EnrollmentId,
    pub learner_id: LearnerId,
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub party_organization_id: OrganizationId,
    pub class_id: ClassId,
    pub class_code: String,
    pub class_name: String,
    pub program: String,
    pub status: EnrollmentStatus,
    pub attendance_ratio: Option<f64>,
    pub final_score: Option<f64>,
    pub grade: Option<String>,
    pub conduct: Option<String>,
    pub certificate_number: Option<String>,
}

/// Results of learners, as sent back to the organizations that nominated them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsReport {
    pub items: Vec<ResultLine>,
    pub total: i64,
}

/// The lines of `rows`, with each class's attendance, results and the current certificates.
fn result_lines(
    conn: &mut DbConnection,
    caller: &Caller,
    rows: Vec<EnrollmentRow>,
) -> Result<ResultsReport, ApiError> {
    let province: OrganizationId = caller.province_id()?.into();
    let mut classes = std::collections::HashMap::new();
    let mut items = Vec::new();
    for e in rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = classes.entry(e.class_id) {
            let class = db::class_unscoped(conn, e.class_id)?.ok_or(ApiError::NotFound)?;
            let program = programs::find(conn, class.program_id, province)?
                .map(|p| p.name)
                .unwrap_or_default();
            let attendance = db::attendance_periods(conn, class.id)?;
            let results: std::collections::HashMap<EnrollmentId, db::ResultRow> =
                db::results_of_class(conn, class.id)?
                    .into_iter()
                    .map(|r| (r.enrollment_id, r))
                    .collect();
            let policy =
                crate::services::policies::set_on(conn, province, class.end_date, "class")?;
            slot.insert((class, program, attendance, results, policy));
        }
        let Some((class, program, (taught, present), results, policy)) = classes.get(&e.class_id)
        else {
            continue;
        };
        let learner = db::learner_unscoped(conn, e.learner_id)?.ok_or(ApiError::NotFound)?;
        let ratio = attendance_ratio(present.get(&e.id).copied().unwrap_or(0), *taught);
        let result = results.get(&e.id).map(|r| result_dto(r, ratio, policy));
        let certificate = db::certificates_of(conn, e.id)?
            .into_iter()
            .rfind(|c| c.replaced_at.is_none())
            .map(|c| c.number);
        items.push(ResultLine {
            enrollment_id: e.id,
            learner_id: e.learner_id,
            full_name: learner.full_name,
            birth_date: learner.birth_date,
            party_organization_id: e.party_organization_id,
            class_id: class.id,
            class_code: class.code.clone(),
            class_name: class.name.clone(),
            program: program.clone(),
            status: e.status,
            attendance_ratio: ratio,
            final_score: result.as_ref().and_then(|r| r.final_score),
            grade: result.as_ref().and_then(|r| r.grade_label.clone()),
            conduct: result.as_ref().and_then(|r| r.conduct_label.clone()),
            certificate_number: certificate,
        });
    }
    Ok(ResultsReport {
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
    })
}

/// A party organization's learners in the classes of a year.
pub fn results_of_party_organization(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganizationId,
    year: i32,
) -> Result<ResultsReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let organization = orgs::find_in_scope(
        conn,
        id,
        Some(OrganizationKind::PartyOrganization),
        &caller.scope(),
    )?
    .ok_or(ApiError::NotFound)?;
    let rows = db::enrollments_of_party_organization(conn, organization.id, year)?;
    result_lines(conn, caller, rows)
}

/// Every learner of a class (a party organization's account: its own).
pub fn results_of_class(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ResultsReport, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let (class, whole) = class_for(conn, caller, id)?;
    let rows = if whole {
        db::enrollments_of_class(conn, class.id)?
    } else {
        db::enrollments_by_party_scope(conn, &caller.scope(), Some(class.id))?
    };
    result_lines(conn, caller, rows)
}

/// The report as a table with Vietnamese headers, for CSV and XLSX.
pub fn results_table(report: &ResultsReport) -> crate::export::Table {
    use crate::export::Cell;
    let text = |s: &str| Cell::Text(s.to_owned());
    let opt = |s: &Option<String>| {
        s.as_deref()
            .map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
    };
    let num = |n: Option<f64>| n.map_or(Cell::Empty, Cell::Number);
    crate::export::Table {
        headers: crate::export::headers(&[
            "Họ và tên",
            "Ngày sinh",
            "Mã lớp",
            "Tên lớp",
            "Chương trình",
            "Trạng thái",
            "Tỷ lệ chuyên cần",
            "Điểm",
            "Xếp loại",
            "Ý thức chấp hành",
            "Số chứng chỉ",
        ]),
        rows: report
            .items
            .iter()
            .map(|l| {
                vec![
                    text(&l.full_name),
                    text(&l.birth_date.format("%d/%m/%Y").to_string()),
                    text(&l.class_code),
                    text(&l.class_name),
                    text(&l.program),
                    text(status_label(l.status)),
                    num(l.attendance_ratio),
                    num(l.final_score),
                    opt(&l.grade),
                    opt(&l.conduct),
                    opt(&l.certificate_number),
                ]
            })
            .collect(),
    }
}

fn status_label(s: EnrollmentStatus) -> &'static str {
    match s {
        EnrollmentStatus::Nominated => "Được cử đi học",
        EnrollmentStatus::Approved => "Được duyệt",
        EnrollmentStatus::Rejected => "Không được duyệt",
        EnrollmentStatus::Enrolled => "Đang học",
        EnrollmentStatus::Completed => "Hoàn thành",
        EnrollmentStatus::Failed => "Không đạt",
        EnrollmentStatus::Withdrawn => "Thôi học",
    }
}
