//! Lecturers of the centers, and of the provincial school (who teach at the centers as visiting
//! lecturers and are visible to every caller of the province).

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use crate::services::{check_length, clean_text, owner_path};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::{self as db, LecturerFields, LecturerFilter, LecturerRow, LecturerSort};
use centers_db::writes::{self, Write};
use centers_db::{
    identity, organizations as orgs, DbConnection, LecturerId, OrganizationId, Scope,
};
use centers_db::{OrganizationId as OrgId, UserId};
use centers_domain::access::{Action, Permission, Role};
use centers_domain::changes::EntityKind;
use centers_domain::organizations::OrganizationKind;
use centers_domain::teaching::{check_lecturer_roles, LecturerKind, Position};
use centers_domain::validity::{check_record_date, Validity};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A lecturer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Lecturer {
    pub id: LecturerId,
    /// The center (or the provincial school) that employs the lecturer.
    pub organization_id: OrganizationId,
    pub kind: LecturerKind,
    #[schema(example = "Nguyễn Thị Hoa")]
    pub full_name: String,
    /// Full-time and visiting lecturers' position; null for part-time lecturers.
    pub position: Option<Position>,
    /// A part-time lecturer's leadership post (e.g. "Phó Bí thư Thường trực Huyện ủy").
    pub leadership_post: Option<String>,
    /// Political theory level (e.g. "Cao cấp").
    pub theory_level: Option<String>,
    /// Academic degree (e.g. "Thạc sĩ").
    pub degree: Option<String>,
    pub subjects: Vec<String>,
    /// The linked `lecturer` account, if any.
    pub user_id: Option<UserId>,
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(LecturerList, Lecturer);

impl TryFrom<LecturerRow> for Lecturer {
    type Error = ApiError;

    fn try_from(r: LecturerRow) -> Result<Self, ApiError> {
        Ok(Lecturer {
            position: r.position().map_err(ApiError::Internal)?,
            id: r.id,
            organization_id: r.organization_id,
            kind: r.kind,
            subjects: r.subjects(),
            full_name: r.full_name,
            leadership_post: r.leadership_post,
            theory_level: r.theory_level,
            degree: r.degree,
            user_id: r.user_id,
            external_id: r.external_id,
            active_from: r.active_from,
            active_to: r.active_to,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        })
    }
}

/// A new lecturer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLecturer {
    /// A center, or the provincial school (whose lecturers are `visiting`).
    pub organization_id: OrganizationId,
    pub kind: LecturerKind,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub full_name: String,
    /// Required for full-time and visiting lecturers.
    pub position: Option<Position>,
    /// Required for part-time lecturers, absent otherwise.
    #[schema(max_length = 200)]
    pub leadership_post: Option<String>,
    #[schema(max_length = 100)]
    pub theory_level: Option<String>,
    #[schema(max_length = 100)]
    pub degree: Option<String>,
    /// Up to 50 subjects of up to 200 characters.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// A `lecturer` account of the same organization, linked to no other lecturer.
    pub user_id: Option<UserId>,
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
}

/// Changes to a lecturer; absent fields stay, `null` clears a nullable one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLecturer {
    pub kind: Option<LecturerKind>,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub full_name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Position>)]
    pub position: Patch<Position>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub leadership_post: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub theory_level: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub degree: Patch<String>,
    pub subjects: Option<Vec<String>>,
    #[serde(default)]
    #[schema(value_type = Option<UserId>)]
    pub user_id: Patch<UserId>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub external_id: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub active_from: Patch<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub active_to: Patch<NaiveDate>,
}

/// Filters of the lecturer list.
#[derive(Debug, Clone, Default)]
pub struct LecturerQuery {
    pub organization_id: Option<OrganizationId>,
    pub kind: Option<LecturerKind>,
    pub q: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub external_id: Option<String>,
}

/// The province root of the caller: whose school's lecturers every caller sees.
pub(crate) fn province_scope(caller: &Caller) -> Result<Scope, ApiError> {
    Ok(Scope::of_path(format!("/{}/", caller.province_id()?)))
}

/// Checks every field of a lecturer and returns them clean, or a 422 naming each bad field.
fn checked_fields(
    conn: &mut DbConnection,
    organization: &orgs::OrganizationRow,
    f: LecturerFields,
    except: Option<LecturerId>,
) -> Result<LecturerFields, ApiError> {
    let mut errors = Vec::new();
    let full_name = clean_text(Some(&f.full_name)).unwrap_or_default();
    if full_name.is_empty() {
        errors.push(FieldError::new("full_name", "required", "is required"));
    }
    for (field, value, max) in [
        ("full_name", Some(full_name.as_str()), 200),
        ("leadership_post", f.leadership_post.as_deref(), 200),
        ("theory_level", f.theory_level.as_deref(), 100),
        ("degree", f.degree.as_deref(), 100),
        ("external_id", f.external_id.as_deref(), 100),
    ] {
        if let Err(ApiError::Validation(mut e)) = check_length(field, value, max) {
            errors.append(&mut e);
        }
    }
    let leadership_post = clean_text(f.leadership_post.as_deref());
    for p in check_lecturer_roles(f.kind, f.position, leadership_post.as_deref()) {
        errors.push(FieldError::new(p.field, "invalid", p.message));
    }
    if organization.kind == OrganizationKind::ProvincialSchool && f.kind != LecturerKind::Visiting {
        errors.push(FieldError::new(
            "kind",
            "invalid",
            "the provincial school's lecturers teach at the centers as visiting lecturers",
        ));
    }
    let subjects: Vec<String> = f
        .subjects
        .iter()
        .filter_map(|s| clean_text(Some(s)))
        .collect();
    if subjects.len() > 50 || subjects.iter().any(|s| s.chars().count() > 200) {
        errors.push(FieldError::new(
            "subjects",
            "invalid",
            "at most 50 subjects of at most 200 characters",
        ));
    }
    for (field, date) in [("active_from", f.active_from), ("active_to", f.active_to)] {
        if let Some(Err(e)) = date.map(check_record_date) {
            errors.push(FieldError::new(field, "out_of_range", e.to_string()));
        }
    }
    if let Err(e) = Validity::new(f.active_from, f.active_to) {
        errors.push(FieldError::new(
            "active_to",
            "invalid_period",
            e.to_string(),
        ));
    }
    let external_id = f.external_id.as_deref().map(str::trim).map(str::to_owned);
    if external_id.as_deref() == Some("") {
        errors.push(FieldError::new(
            "external_id",
            "blank",
            "must not be blank; send null to clear it",
        ));
    }
    if let Some(user) = f.user_id {
        let org_scope = Scope::of_path(organization.path.clone());
        let linked = identity::find_user_in_scope(conn, user, &org_scope)?
            .filter(|u| u.role == Role::Lecturer);
        if linked.is_none() {
            errors.push(FieldError::new(
                "user_id",
                "not_a_lecturer_account",
                "must be a lecturer account of the same organization",
            ));
        } else if db::lecturer_of_user(conn, user)?.is_some_and(|l| Some(l.id) != except) {
            return Err(ApiError::conflict(
                "the account is already linked to another lecturer",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(LecturerFields {
        full_name,
        leadership_post,
        theory_level: clean_text(f.theory_level.as_deref()),
        degree: clean_text(f.degree.as_deref()),
        subjects,
        external_id,
        ..f
    })
}

/// The organization a lecturer may belong to: a center or the provincial school, in scope.
fn employer(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrgId,
) -> Result<orgs::OrganizationRow, ApiError> {
    orgs::find_in_scope(conn, id, None, &caller.scope())?
        .filter(|o| {
            matches!(
                o.kind,
                OrganizationKind::Center | OrganizationKind::ProvincialSchool
            )
        })
        .ok_or_else(|| {
            ApiError::invalid_field(
                "organization_id",
                "unknown_organization",
                "no such center or provincial school in your scope",
            )
        })
}

/// The employer of a lecturer the caller sees, if the caller manages it (403 otherwise).
fn managed_employer(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrgId,
) -> Result<orgs::OrganizationRow, ApiError> {
    let found = employer(conn, caller, id).ok();
    caller.authorize(Action::ManageOwned {
        permission: Permission::ManageTeaching,
        in_scope: found.is_some(),
    })?;
    found.ok_or(ApiError::NotFound)
}

pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreateLecturer,
) -> Result<Lecturer, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let organization = employer(conn, caller, b.organization_id)?;
    let fields = checked_fields(
        conn,
        &organization,
        LecturerFields {
            kind: b.kind,
            full_name: b.full_name,
            position: b.position,
            leadership_post: b.leadership_post,
            theory_level: b.theory_level,
            degree: b.degree,
            subjects: b.subjects,
            user_id: b.user_id,
            external_id: b.external_id,
            active_from: b.active_from,
            active_to: b.active_to,
        },
        None,
    )?;
    let row = db::insert_lecturer(conn, organization.id, &fields)?;
    let dto = Lecturer::try_from(row)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Lecturer, dto.id, &organization.path, &dto),
    )?;
    Ok(dto)
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    query: LecturerQuery,
    page: &PageRequest<LecturerSort>,
) -> Result<Page<Lecturer>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let filter = LecturerFilter {
        scope: caller.scope(),
        province: province_scope(caller)?,
        organization_id: query.organization_id,
        kind: query.kind,
        q: query.q,
        as_of: query.as_of,
        external_id: query.external_id,
    };
    db::list_lecturers(conn, &filter, page)?.try_map(Lecturer::try_from)
}

/// A lecturer the caller sees, or 404.
pub(crate) fn visible(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
) -> Result<LecturerRow, ApiError> {
    db::find_lecturer(conn, id, &caller.scope(), &province_scope(caller)?)?
        .ok_or(ApiError::NotFound)
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: LecturerId) -> Result<Lecturer, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    Lecturer::try_from(visible(conn, caller, id)?)
}

pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    expected: IfMatch,
    b: UpdateLecturer,
) -> Result<Lecturer, ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let row = visible(conn, caller, id)?;
    // Visible is not writable: a center sees the school's lecturers but does not manage them.
    let organization = managed_employer(conn, caller, row.organization_id)?;
    check_if_match(&expected, row.version)?;
    let pick = |p: Patch<String>, old: Option<String>| p.into_change().unwrap_or(old);
    let fields = LecturerFields {
        kind: b.kind.unwrap_or(row.kind),
        full_name: b.full_name.unwrap_or_else(|| row.full_name.clone()),
        position: b
            .position
            .into_change()
            .map_or_else(|| row.position().map_err(ApiError::Internal), Ok)?,
        leadership_post: pick(b.leadership_post, row.leadership_post.clone()),
        theory_level: pick(b.theory_level, row.theory_level.clone()),
        degree: pick(b.degree, row.degree.clone()),
        subjects: b.subjects.unwrap_or_else(|| row.subjects()),
        user_id: b.user_id.into_change().unwrap_or(row.user_id),
        external_id: pick(b.external_id, row.external_id.clone()),
        active_from: b.active_from.into_change().unwrap_or(row.active_from),
        active_to: b.active_to.into_change().unwrap_or(row.active_to),
    };
    let fields = checked_fields(conn, &organization, fields, Some(row.id))?;
    let before = Lecturer::try_from(row.clone())?;
    let after = Lecturer::try_from(
        db::update_lecturer(conn, row.id, row.version, &fields)?
            .ok_or(ApiError::PreconditionFailed)?,
    )?;
    let path = owner_path(conn, after.organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Lecturer, after.id, &path, &before, &after),
    )?;
    Ok(after)
}

/// The natural keys of a deleted lecturer, carried by its tombstone in the feed.
#[derive(Serialize)]
struct LecturerKeys {
    organization_id: OrganizationId,
    external_id: Option<String>,
}

/// Delete a lecturer entered by mistake. Refused (409) once sessions, lesson plans, visits,
/// activities or classes refer to them: set `active_to` instead.
pub fn delete(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LecturerId,
    expected: IfMatch,
) -> Result<(), ApiError> {
    caller.require_permission(Permission::ManageTeaching)?;
    let row = visible(conn, caller, id)?;
    let organization = managed_employer(conn, caller, row.organization_id)?;
    check_if_match(&expected, row.version)?;
    db::delete_lecturer(conn, row.id).map_err(|e| {
        match ApiError::from(e) {
        ApiError::Conflict { .. } => ApiError::conflict(
            "the lecturer is referred to by sessions, lesson plans, visits, activities or classes; \
             set active_to instead",
        ),
        other => other,
    }
    })?;
    let keys = LecturerKeys {
        organization_id: row.organization_id,
        external_id: row.external_id.clone(),
    };
    writes::record(
        conn,
        &caller.audit(),
        Write::delete(
            EntityKind::Lecturer,
            id,
            &organization.path,
            &Lecturer::try_from(row)?,
            &keys,
        ),
    )?;
    Ok(())
}
