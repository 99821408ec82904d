//! Bulk import of learners and their nominations (`POST /imports`): a CSV file or a JSON body of
//! rows, each a learner and optionally a class to nominate them for. Every row is checked by the
//! same rules as `POST /learners` and `POST /classes/{id}/enrollments`; a dry run answers every
//! row's errors without writing; a real run writes all rows in one transaction, or none.
//!
//! Re-importing a file changes nothing: a learner is matched by its party organization and
//! external id (and updated only if a detail differs), a nomination by class and learner.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::services::enrollments::Enrollment;
use crate::services::learners::{self as learners_service};
use centers_db::learners::{self as db, NewEnrollment, NewLearner};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, EnrollmentId, LearnerId, OrganizationId};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::EnrollmentStatus;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

mod plan;
mod reading;
mod rows;

use plan::*;
pub use reading::*;
use rows::*;

/// Where imports are posted (the idempotency layer reads bodies before routing, by path).
pub const IMPORT_PATH: &str = "/api/v1/imports";
/// The largest import body: 10,000 rows of a full CSV take about 3 MiB, as JSON about 5 MiB.
pub const IMPORT_BODY_LIMIT: usize = 16 * 1024 * 1024;
/// The most rows one import may carry; larger files are split.
pub const MAX_ROWS: usize = 10_000;
/// The most row errors an answer lists (the count is always whole).
const MAX_LISTED_ERRORS: usize = 1_000;

/// The columns of an import row: CSV header names and JSON keys alike.
pub const COLUMNS: &[&str] = &[
    "external_id",
    "party_organization_id",
    "party_organization_code",
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "party_status",
    "admission_date",
    "position",
    "workplace",
    "national_id",
    "confirm_new",
    "class_id",
    "class_code",
    "class_year",
];

/// One row as sent: column → text (blank cells absent).
pub type RawRow = BTreeMap<&'static str, String>;

/// What an import did, or — on a dry run — would do.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Rows read.
    pub rows: usize,
    /// Whether every row passed (a real run with errors is a 422 instead).
    pub valid: bool,
    pub learners: LearnerCounts,
    pub nominations: NominationCounts,
    /// Row errors, `rows[i].field` (`i` from 0: the first data row, line 2 of a CSV file); at most
    /// 1,000 are listed.
    pub errors: Vec<FieldError>,
    /// Errors found in all.
    pub error_count: usize,
    /// What became of each row, in order.
    pub outcomes: Vec<RowOutcome>,
}

/// Learners by what the import does to them (each counted once, however many rows name them).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct LearnerCounts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct NominationCounts {
    pub created: usize,
    /// Already nominated for the class (in any status): left as it is.
    pub unchanged: usize,
}

/// What happens to a learner or a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// One row's result. Ids of records a dry run would create are absent.
#[derive(Debug, Serialize, ToSchema)]
pub struct RowOutcome {
    pub row: usize,
    pub external_id: String,
    pub learner_id: Option<LearnerId>,
    pub learner: Outcome,
    pub enrollment_id: Option<EnrollmentId>,
    /// Absent when the row names no class.
    pub nomination: Option<Outcome>,
}

/// Checks `rows` and, unless `dry_run`, writes them — in the caller's transaction: either every
/// row is written or (with any error) none.
pub fn import(
    conn: &mut DbConnection,
    caller: &Caller,
    rows: Vec<RawRow>,
    dry_run: bool,
) -> Result<ImportReport, ApiError> {
    caller.require_permission(Permission::ManageLearners)?;
    if rows.is_empty() {
        return Err(ApiError::invalid_field(
            "rows",
            "empty",
            "no rows to import",
        ));
    }
    if rows.len() > MAX_ROWS {
        return Err(ApiError::invalid_field(
            "rows",
            "too_many",
            format!("at most {MAX_ROWS} rows per import; split the file"),
        ));
    }
    let count = rows.len();
    let parsed: Vec<Result<ParsedRow, Vec<FieldError>>> =
        rows.iter().map(|r| parse_row(r, caller)).collect();
    let valid_rows: Vec<&ParsedRow> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
    let known = load_known(conn, caller, &valid_rows)?;
    let mut plan = plan(parsed, &known);
    let error_count = plan.errors.len();
    let mut learners = LearnerCounts::default();
    for t in &plan.learners {
        match t {
            Target::New { .. } => learners.created += 1,
            Target::Existing {
                update: Some(_), ..
            } => learners.updated += 1,
            Target::Existing { update: None, .. } => learners.unchanged += 1,
        }
    }
    let nominations = NominationCounts {
        created: plan.nominations.len(),
        unchanged: plan
            .outcomes
            .iter()
            .filter(|o| o.nomination == Some(Outcome::Unchanged))
            .count(),
    };
    if error_count > 0 && !dry_run {
        plan.errors.truncate(MAX_LISTED_ERRORS);
        return Err(ApiError::Validation(plan.errors));
    }
    if dry_run {
        // Nothing was created: no ids to give.
        for o in &mut plan.outcomes {
            if o.learner == Outcome::Created {
                o.learner_id = None;
            }
            if o.nomination == Some(Outcome::Created) {
                o.enrollment_id = None;
            }
        }
    } else {
        write(conn, caller, &plan, &known)?;
    }
    plan.errors.truncate(MAX_LISTED_ERRORS);
    Ok(ImportReport {
        dry_run,
        rows: count,
        valid: error_count == 0,
        learners,
        nominations,
        errors: plan.errors,
        error_count,
        outcomes: plan.outcomes,
    })
}

/// Writes the plan: new learners and nominations in multi-row INSERTs, changed learners one by
/// one (optimistic version), then every audit entry and change event in one batch.
fn write(
    conn: &mut DbConnection,
    caller: &Caller,
    plan: &Plan,
    known: &Known,
) -> Result<(), ApiError> {
    let now = centers_db::now();
    let path_of = |id: OrganizationId| {
        known
            .organizations_by_id
            .get(&id)
            .map(|o| o.path.clone())
            .unwrap_or_default()
    };
    let mut new_rows = Vec::new();
    let mut records = Vec::new();
    for t in &plan.learners {
        match t {
            Target::New { id, columns } => {
                let row = NewLearner {
                    id: *id,
                    columns: columns.as_ref().clone(),
                    version: 1,
                    created_at: now,
                    updated_at: now,
                };
                let dto = learners_service::learner_dto(learners_service::row_of(&row), caller);
                records.push(Write::create(
                    EntityKind::Learner,
                    id,
                    &path_of(columns.party_organization_id),
                    &dto,
                ));
                new_rows.push(row);
            }
            Target::Existing {
                row,
                update: Some(columns),
            } => {
                let after = db::update_learner(conn, row.id, row.version, columns)?
                    .ok_or(ApiError::PreconditionFailed)?;
                let before = learners_service::learner_dto(row.as_ref().clone(), caller);
                let after = learners_service::learner_dto(after, caller);
                records.push(Write::update(
                    EntityKind::Learner,
                    row.id,
                    &path_of(columns.party_organization_id),
                    &before,
                    &after,
                ));
            }
            Target::Existing { update: None, .. } => {}
        }
    }
    db::insert_learners(conn, &new_rows)?;
    let mut enrollments = Vec::new();
    for n in &plan.nominations {
        let row = centers_db::learners::EnrollmentRow {
            id: n.id,
            class_id: n.class,
            learner_id: n.learner,
            party_organization_id: n.organization,
            status: EnrollmentStatus::Nominated,
            reason: None,
            nominated_by: Some(caller.user_id()),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        records.push(
            Write::create(
                EntityKind::Enrollment,
                n.id,
                &path_of(n.organization),
                &Enrollment::from(row.clone()),
            )
            .action(AuditAction::Nominate),
        );
        enrollments.push(NewEnrollment {
            id: row.id,
            class_id: row.class_id,
            learner_id: row.learner_id,
            party_organization_id: row.party_organization_id,
            status: EnrollmentStatus::Nominated.as_str(),
            nominated_by: row.nominated_by,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    db::insert_enrollments(conn, &enrollments).map_err(|e| match ApiError::from(e) {
        // Nominated meanwhile by someone else: the whole import is refused, nothing written.
        ApiError::Conflict { .. } => ApiError::conflict(
            "a learner of this import was nominated for its class meanwhile; import again",
        ),
        other => other,
    })?;
    writes::record_many(conn, &caller.audit(), &records)?;
    Ok(())
}
