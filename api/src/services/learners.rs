//! Learners (personal data: every read is scoped; national ids masked but for admins).

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::services::{check_length, clean_text};
use centers_db::learners::{self as db, LearnerColumns, LearnerFilter, LearnerRow, LearnerSort};
use centers_db::paging::{Page, PageRequest};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, DbConnection, LearnerId, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::changes::EntityKind;
use centers_domain::learners::{
    check_party_status, mask_national_id, parse_national_id, Gender, PartyStatus,
};
use centers_domain::organizations::OrganizationKind;
use centers_domain::validity::check_record_date;
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
pub(crate) fn listed_holds(candidates: &[Option<String>], national_id: Option<&str>) -> bool {
    candidates.iter().any(|n| n.as_deref() == national_id)
}

/// A national id is unique in the province, so one held by a learner outside the caller's scope
/// is refused too; the answer says so without saying where or whose (issue 19): the province's
/// administrators, who see every learner, resolve it.
pub(crate) const NATIONAL_ID_OUTSIDE_SCOPE: &str =
    "this national id cannot be recorded by your organization; the province's administrators review it";

pub(crate) fn national_id_outside_scope() -> ApiError {
    ApiError::invalid_field(
        "national_id",
        "needs_province_review",
        NATIONAL_ID_OUTSIDE_SCOPE,
    )
}

/// What the caller may see of the learner behind a 409: enough to pick the right one.
#[derive(Debug, Serialize)]
pub(crate) struct Candidate {
    id: LearnerId,
    full_name: String,
    birth_date: NaiveDate,
    party_organization_id: OrganizationId,
}

pub(crate) fn party_organization(
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
    if let Err(e) = check_party_status(b.party_status, b.birth_date, b.admission_date) {
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
        Write::create(EntityKind::Learner, dto.id, &organization.path, &dto)
            .owned_at(&organization.path, &organization.service_path),
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

pub(crate) fn learner_in_scope(
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
        Write::update(EntityKind::Learner, id, &organization.path, &before, &after)
            .owned_at(&organization.path, &organization.service_path),
    )?;
    Ok(after)
}
