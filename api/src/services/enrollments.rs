//! Enrollments: nomination by a party organization, vetting by the center, seats never exceeded.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use crate::services::workflow::{By, Stepped};
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::learners::{self as db, EnrollmentRow};
use centers_db::teaching::ClassRow;
use centers_db::writes::{self, Write};
use centers_db::InScope;
use centers_db::{
    organizations as orgs, programs, ClassId, DbConnection, EnrollmentId, LearnerId,
    OrganizationId, UserId,
};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::{
    check_eligibility, Applicant, EnrollmentAction, EnrollmentStatus, EnrollmentWorkflow,
};
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::EligibilityRule;
use centers_domain::teaching::ClassStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

impl From<InScope<EnrollmentRow>> for Enrollment {
    fn from(r: InScope<EnrollmentRow>) -> Self {
        Enrollment::from(r.into_inner())
    }
}

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
    /// The party organization that nominates: the learner's own, or one enclosing it (a
    /// grassroots committee nominating a member of one of its cells). Defaults to the learner's.
    /// The class's results go back to it.
    pub party_organization_id: Option<OrganizationId>,
}

/// A class a caller may see for enrollments.
pub(crate) enum ClassFor {
    /// In the caller's scope (center, province): every enrollment of it is too.
    InScope(InScope<ClassRow>),
    /// A class of the center a party organization's account belongs to: the account reaches its
    /// own learners' enrollments of it only.
    OwnCenter(ClassRow),
}

impl ClassFor {
    pub(crate) fn row(&self) -> &ClassRow {
        match self {
            ClassFor::InScope(c) => c,
            ClassFor::OwnCenter(c) => c,
        }
    }

    /// The enrollments of the class the caller reaches: all, or its own learners'.
    pub(crate) fn enrollments(
        &self,
        conn: &mut DbConnection,
        caller: &Caller,
    ) -> Result<Vec<InScope<EnrollmentRow>>, ApiError> {
        Ok(match self {
            ClassFor::InScope(class) => db::enrollments_of_class(conn, class)?,
            ClassFor::OwnCenter(class) => {
                db::enrollments_by_party_scope(conn, &caller.scope(), Some(class.id))?
            }
        })
    }
}

/// The class a caller may see for enrollments: in its scope (center, province), or — for a party
/// organization's account — a class of the center its organization belongs to.
pub(crate) fn class_for(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<ClassFor, ApiError> {
    if let Some(c) = centers_db::teaching::find_class(conn, id, &caller.scope())? {
        return Ok(ClassFor::InScope(c));
    }
    if caller.principal.is_party_organization() {
        let own = orgs::find_unscoped(conn, caller.scope_id.into())?;
        if let Some(class) = db::class_unscoped(conn, id)? {
            if own.and_then(|o| o.center_id) == Some(class.center_id) {
                return Ok(ClassFor::OwnCenter(class));
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
    let class = class_for(conn, caller, class_id)?;
    let class = class.row();
    let learner = db::find_learner(conn, b.learner_id, &caller.scope())?.ok_or_else(|| {
        ApiError::invalid_field(
            "learner_id",
            "unknown_learner",
            "no such learner in your scope",
        )
    })?;
    let own =
        orgs::find_unscoped(conn, learner.party_organization_id)?.ok_or(ApiError::NotFound)?;
    let organization = match b.party_organization_id {
        None => own,
        Some(id) => orgs::find_in_scope(
            conn,
            id,
            Some(OrganizationKind::PartyOrganization),
            &caller.scope(),
        )?
        .filter(|o| own.path.starts_with(&o.path))
        .ok_or_else(|| {
            ApiError::invalid_field(
                "party_organization_id",
                "not_the_learners",
                "not the learner's party organization or one enclosing it, in your scope",
            )
        })?,
    };
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
        organization.id,
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
) -> Result<Vec<Enrollment>, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    let rows = class_for(conn, caller, class_id)?.enrollments(conn, caller)?;
    let items: Vec<Enrollment> = rows.into_iter().map(Enrollment::from).collect();
    Ok(items)
}

/// A step's input: the reason, required to reject or withdraw.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentStepInput {
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
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
    let next = workflow::next_state::<EnrollmentWorkflow>(row.status, action)?;
    if action == EnrollmentAction::Approve {
        let learner =
            db::find_learner(conn, row.learner_id, &caller.scope())?.ok_or(ApiError::NotFound)?;
        let province = caller.province_id()?.into();
        let program =
            programs::find(conn, class.program_id, province)?.ok_or(ApiError::NotFound)?;
        let rule: EligibilityRule =
            serde_json::from_str(&program.eligibility_json).unwrap_or_default();
        let policy = crate::services::policies::set_on(conn, province, class.start_date, "class")?;
        let who = Applicant {
            status: learner.party_status,
            birth: learner.birth_date,
            admission: learner.admission_date,
        };
        check_eligibility(
            &rule,
            &who,
            class.start_date,
            policy.new_member_window_months,
        )
        // The learner's record holds the field the rule is about.
        .map_err(|why| {
            ApiError::invalid_field(
                &format!("learner.{}", why.field),
                "not_eligible",
                why.message,
            )
        })?;
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
    let changed = workflow::moved::<EnrollmentWorkflow, _>(
        db::set_enrollment_status(conn, &row, next, reason.as_deref())?,
        row.status,
        action,
    )?;
    let path = owner_path(conn, row.party_organization_id)?;
    let step = Stepped::new(By::Action(action), (row.status, next)).comment(reason.as_deref());
    let before = Enrollment::from(row);
    let after = Enrollment::from(changed);
    workflow::finish::<EnrollmentWorkflow>(
        conn,
        &caller.audit(),
        id,
        step,
        Write::update(EntityKind::Enrollment, id, &path, &before, &after),
    )?;
    Ok(after)
}

/// An enrollment the caller reads: its class or its party organization is in the scope.
pub(crate) fn readable_enrollment(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrollmentId,
) -> Result<InScope<EnrollmentRow>, ApiError> {
    caller.require_permission(Permission::ReadLearners)?;
    db::find_enrollment(conn, id, &caller.scope())?.ok_or(ApiError::NotFound)
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
) -> Result<Vec<workflow::WorkflowTransition>, ApiError> {
    let row = readable_enrollment(conn, caller, id)?;
    workflow::history::<EnrollmentWorkflow>(conn, row.id)
}
