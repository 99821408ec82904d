//! Use cases. Each is one function `(conn, &Caller, typed input) -> Result<Dto, ApiError>`: it
//! authorizes with one call, reads through scoped queries, applies the rules of `domain`, and
//! writes through `centers_db::writes` (audit entry and change event in the same transaction).
//! Handlers only extract, call one of these inside `AppState::read`/`AppState::write`, and respond.

pub mod activities;
pub mod approval_grants;
pub mod attendance;
pub mod audit_log;
pub mod auth;
pub mod certificate_documents;
pub mod certificates;
pub mod changes;
pub mod classes;
pub mod clients;
pub mod coverage;
pub mod enrollments;
pub mod imports;
pub mod learners;
pub mod lecturers;
pub mod lesson_plans;
pub mod organization_changes;
pub mod organizations;
pub mod party_organizations;
pub mod plan_lines;
pub mod policies;
pub mod programs;
pub mod reports;
pub mod result_reports;
pub mod results;
pub mod sessions;
pub mod training_plans;
pub mod users;
pub mod visits;
pub mod webhooks;
pub mod workflow;

/// NFC-normalized, trimmed text; empty becomes `None`.
pub(crate) fn clean_text(v: Option<&str>) -> Option<String> {
    v.map(centers_domain::text::normalize)
        .filter(|s| !s.is_empty())
}

/// The materialized path of the organization that owns a record (for the change feed's scope).
pub(crate) fn owner_path(
    conn: &mut centers_db::DbConnection,
    organization: impl Into<centers_db::OrganizationId>,
) -> Result<String, crate::error::ApiError> {
    centers_db::organizations::find_unscoped(conn, organization.into())?
        .map(|o| o.path)
        .ok_or_else(|| crate::error::ApiError::Internal("record without an owner".into()))
}

/// An organization's `subkind` read as the kind of its node (a district's or a party
/// organization's); a stored value this version does not know is a fault naming the row.
pub(crate) fn subkind_of<K: std::str::FromStr>(
    r: &centers_db::organizations::OrganizationRow,
) -> Result<Option<K>, crate::error::ApiError> {
    r.subkind
        .as_deref()
        .map(|k| {
            k.parse().map_err(|_| {
                crate::error::ApiError::Internal(format!(
                    "organization {}: unknown subkind {k:?}",
                    r.id
                ))
            })
        })
        .transpose()
}

/// 422 naming `field` when `value` is longer than `max` characters (the `maxLength` the OpenAPI
/// document states for it).
pub(crate) fn check_length(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<(), crate::error::ApiError> {
    match value {
        Some(v) if v.chars().count() > max => Err(crate::error::ApiError::invalid_field(
            field,
            "too_long",
            format!("at most {max} characters"),
        )),
        _ => Ok(()),
    }
}
