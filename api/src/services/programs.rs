//! The program catalogue: read by everyone of the province, managed by province admins.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::patch::Patch;
use centers_db::paging::{Page, PageRequest};
use centers_db::programs::{
    self as db, NewTopic, ProgramFields, ProgramFilter, ProgramRow, ProgramSort, TopicRow,
};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, ProgramId};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::programs::{
    valid_default_days, valid_periods, Credential, Delivery, EligibilityRule,
    MembershipRequirement, ProgramCategory,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A topic (chuyên đề / bài) of a program.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The topic's id (for lesson plans and sessions); ignored on input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<uuid::Uuid>,
    /// 1-based order within the program (ignored on input: the list order is the order).
    #[serde(default)]
    pub position: i32,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub title: String,
    /// Number of periods (tiết).
    #[schema(minimum = 1, maximum = 200)]
    pub periods: i32,
}

/// Eligibility rule parameters. The numbers they refer to are policies (`/policies`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    #[schema(value_type = Option<MembershipRequirement>)]
    pub membership: Option<String>,
    #[serde(default)]
    pub every_test_must_pass: bool,
    #[serde(default)]
    pub term_required: bool,
    #[serde(default)]
    pub attendance_only: bool,
}

/// A program of the catalogue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Program {
    pub id: ProgramId,
    #[schema(example = "party_admission")]
    pub code: String,
    pub name: String,
    pub category: ProgramCategory,
    pub audience: Option<String>,
    pub default_days: i32,
    pub delivery: Delivery,
    pub credential: Credential,
    pub eligibility: Eligibility,
    pub topics: Vec<Topic>,
    /// Sum of the topics' periods.
    pub total_periods: i32,
    pub retired: bool,
    pub retired_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(ProgramList, Program);

/// A new program.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProgram {
    /// `A–Z a–z 0–9 _ -`, up to 64 characters.
    #[schema(min_length = 1, max_length = 64, pattern = "^[A-Za-z0-9_-]+$")]
    pub code: String,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: String,
    #[schema(value_type = ProgramCategory)]
    pub category: String,
    #[schema(max_length = 1000)]
    pub audience: Option<String>,
    /// 1–730.
    #[schema(minimum = 1, maximum = 730)]
    pub default_days: i32,
    /// Defaults to `center`.
    #[schema(value_type = Option<Delivery>)]
    pub delivery: Option<String>,
    /// Defaults to `certificate`.
    #[schema(value_type = Option<Credential>)]
    pub credential: Option<String>,
    pub eligibility: Option<Eligibility>,
    /// The ordered list of topics.
    pub topics: Option<Vec<Topic>>,
}

impl From<CreateProgram> for ProgramInput {
    fn from(c: CreateProgram) -> Self {
        ProgramInput {
            code: Some(c.code),
            name: Some(c.name),
            category: Some(c.category),
            audience: c.audience.map_or(Patch::Absent, Patch::Value),
            default_days: Some(c.default_days),
            delivery: c.delivery,
            credential: c.credential,
            eligibility: c.eligibility,
            topics: c.topics,
        }
    }
}

/// Changes to a program: an absent field stays; `audience: null` clears it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramInput {
    /// Required on create: `a–z 0–9 _`, up to 64 characters.
    #[schema(min_length = 1, max_length = 64, pattern = "^[A-Za-z0-9_-]+$")]
    pub code: Option<String>,
    /// Required on create.
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub name: Option<String>,
    /// Required on create.
    #[schema(value_type = Option<ProgramCategory>)]
    pub category: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 1000)]
    pub audience: Patch<String>,
    /// Required on create: 1–730.
    #[schema(minimum = 1, maximum = 730)]
    pub default_days: Option<i32>,
    #[schema(value_type = Option<Delivery>)]
    pub delivery: Option<String>,
    #[schema(value_type = Option<Credential>)]
    pub credential: Option<String>,
    pub eligibility: Option<Eligibility>,
    /// The whole ordered list of topics (replaces the current one).
    pub topics: Option<Vec<Topic>>,
}

fn to_dto(p: ProgramRow, topics: Vec<TopicRow>) -> Program {
    let eligibility: EligibilityRule =
        serde_json::from_str(&p.eligibility_json).unwrap_or_default();
    let topics: Vec<Topic> = topics
        .into_iter()
        .map(|t| Topic {
            id: Some(t.id.into()),
            position: t.position,
            title: t.title,
            periods: t.periods,
        })
        .collect();
    Program {
        id: p.id,
        code: p.code,
        name: p.name,
        category: p.category,
        audience: p.audience,
        default_days: p.default_days,
        delivery: p.delivery,
        credential: p.credential,
        eligibility: Eligibility {
            membership: eligibility.membership.map(|m| m.as_str().to_owned()),
            every_test_must_pass: eligibility.every_test_must_pass,
            term_required: eligibility.term_required,
            attendance_only: eligibility.attendance_only,
        },
        total_periods: topics.iter().map(|t| t.periods).sum(),
        topics,
        retired: p.retired_at.is_some(),
        retired_at: p.retired_at.map(utc),
        version: p.version,
        created_at: utc(p.created_at),
        updated_at: utc(p.updated_at),
    }
}

fn load_dto(conn: &mut DbConnection, p: ProgramRow) -> Result<Program, ApiError> {
    let mut topics = db::topics_of(conn, &[p.id])?;
    let t = topics.remove(&p.id).unwrap_or_default();
    Ok(to_dto(p, t))
}

/// Parses a complete program from an input, on top of `base` (for PATCH) or nothing (create).
fn parse_fields(
    input: &ProgramInput,
    base: Option<&Program>,
) -> Result<(ProgramFields, Option<Vec<NewTopic>>), ApiError> {
    crate::services::check_length("name", input.name.as_deref(), 300)?;
    if let Patch::Value(a) = &input.audience {
        crate::services::check_length("audience", Some(a), 1000)?;
    }
    for (i, t) in input.topics.iter().flatten().enumerate() {
        crate::services::check_length(&format!("topics[{i}].title"), Some(&t.title), 300)?;
    }
    let mut errors = Vec::new();
    let pick = |v: &Option<String>, b: Option<String>| v.clone().or(b);
    // Codes are identifiers: case does not make a second one.
    let code =
        pick(&input.code, base.map(|b| b.code.clone())).map(|c| c.trim().to_ascii_lowercase());
    let code = match code {
        Some(c)
            if !c.is_empty()
                && c.len() <= 64
                && c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-') =>
        {
            Some(c)
        }
        Some(_) => {
            errors.push(FieldError::new(
                "code",
                "invalid_code",
                "1–64 characters: a–z, 0–9, '_', '-'",
            ));
            None
        }
        None => {
            errors.push(FieldError::new("code", "required", "is required"));
            None
        }
    };
    let name = pick(&input.name, base.map(|b| b.name.clone()))
        .map(|n| centers_domain::text::normalize(&n));
    let name = match name {
        Some(n) if !n.is_empty() => Some(n),
        _ => {
            errors.push(FieldError::new("name", "required", "must not be empty"));
            None
        }
    };
    let category = pick(
        &input.category,
        base.map(|b| b.category.as_str().to_owned()),
    );
    let category = match category.as_deref().map(str::parse::<ProgramCategory>) {
        Some(Ok(c)) => Some(c),
        Some(Err(e)) => {
            errors.push(FieldError::new("category", "invalid", e.to_string()));
            None
        }
        None => {
            errors.push(FieldError::new("category", "required", "is required"));
            None
        }
    };
    let days = input.default_days.or(base.map(|b| b.default_days));
    if !days.is_some_and(valid_default_days) {
        errors.push(FieldError::new(
            "default_days",
            "out_of_range",
            "must be from 1 to 730",
        ));
    }
    let delivery = pick(
        &input.delivery,
        base.map(|b| b.delivery.as_str().to_owned()),
    )
    .unwrap_or_else(|| "center".into());
    if delivery.parse::<Delivery>().is_err() {
        errors.push(FieldError::new(
            "delivery",
            "invalid",
            "must be center or with_school",
        ));
    }
    let credential = pick(
        &input.credential,
        base.map(|b| b.credential.as_str().to_owned()),
    )
    .unwrap_or_else(|| "certificate".into());
    if credential.parse::<Credential>().is_err() {
        errors.push(FieldError::new(
            "credential",
            "invalid",
            "must be certificate, diploma or none",
        ));
    }
    let eligibility = input
        .eligibility
        .clone()
        .or(base.map(|b| b.eligibility.clone()));
    let rule = match eligibility {
        None => Some(EligibilityRule::default()),
        Some(e) => {
            let membership = match e.membership.as_deref().map(str::parse) {
                None => Some(None),
                Some(Ok(m)) => Some(Some(m)),
                Some(Err(err)) => {
                    errors.push(FieldError::new(
                        "eligibility.membership",
                        "invalid",
                        format!("{err}"),
                    ));
                    None
                }
            };
            membership.map(|membership| EligibilityRule {
                membership,
                every_test_must_pass: e.every_test_must_pass,
                term_required: e.term_required,
                attendance_only: e.attendance_only,
            })
        }
    };
    let topics = input.topics.as_ref().map(|ts| {
        ts.iter()
            .enumerate()
            .map(|(i, t)| {
                let title = centers_domain::text::normalize(&t.title);
                if title.is_empty() {
                    errors.push(FieldError::new(
                        format!("topics[{i}].title"),
                        "required",
                        "must not be empty",
                    ));
                }
                if !valid_periods(t.periods) {
                    errors.push(FieldError::new(
                        format!("topics[{i}].periods"),
                        "out_of_range",
                        "must be from 1 to 200",
                    ));
                }
                NewTopic {
                    title,
                    periods: t.periods,
                }
            })
            .collect::<Vec<_>>()
    });
    match (code, name, category, days, rule) {
        (Some(code), Some(name), Some(category), Some(days), Some(rule)) if errors.is_empty() => {
            Ok((
                ProgramFields {
                    code,
                    name,
                    category: category.as_str().into(),
                    audience: match input.audience.clone() {
                        Patch::Absent => base.and_then(|b| b.audience.clone()),
                        Patch::Null => None,
                        Patch::Value(a) => Some(a),
                    }
                    .map(|a| centers_domain::text::normalize(&a))
                    .filter(|a| !a.is_empty()),
                    default_days: days,
                    delivery,
                    credential,
                    eligibility_json: serde_json::to_string(&rule).unwrap_or_default(),
                },
                topics,
            ))
        }
        _ => Err(ApiError::Validation(errors)),
    }
}

/// Which programs to list, parsed.
#[derive(Debug, Clone)]
pub struct ProgramQuery {
    pub category: Option<ProgramCategory>,
    pub q: Option<String>,
    /// `Some(false)`: active only; `Some(true)`: retired only; `None`: all.
    pub retired: Option<bool>,
}

/// Programs of the caller's province, a page at a time.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    query: ProgramQuery,
    page: &PageRequest<ProgramSort>,
) -> Result<Page<Program>, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let filter = ProgramFilter {
        province_id: Some(caller.province_id()?.into()),
        category: query.category.map(|c| c.as_str().to_owned()),
        q: query.q,
        retired: query.retired,
    };
    let page = db::list(conn, &filter, page)?;
    let ids: Vec<ProgramId> = page.items.iter().map(|p| p.id).collect();
    let mut topics = db::topics_of(conn, &ids)?;
    Ok(page.map(|p| {
        let t = topics.remove(&p.id).unwrap_or_default();
        to_dto(p, t)
    }))
}

fn find(conn: &mut DbConnection, caller: &Caller, id: ProgramId) -> Result<ProgramRow, ApiError> {
    db::find(conn, id, caller.province_id()?.into())?.ok_or(ApiError::NotFound)
}

/// One program with its topics.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: ProgramId) -> Result<Program, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let row = find(conn, caller, id)?;
    load_dto(conn, row)
}

/// Create a program (province admins).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    input: CreateProgram,
) -> Result<Program, ApiError> {
    caller.require_permission(Permission::ManageCatalogue)?;
    let (fields, topics) = parse_fields(&ProgramInput::from(input), None)?;
    let province = caller.province_id()?;
    if db::find_by_code(conn, province.into(), &fields.code)?.is_some() {
        return Err(ApiError::conflict(format!(
            "the program code {} is taken",
            fields.code
        )));
    }
    let row = db::insert(conn, province.into(), fields, &topics.unwrap_or_default())?;
    let dto = load_dto(conn, row)?;
    let path = crate::services::owner_path(conn, province)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::Program, dto.id, &path, &dto),
    )?;
    Ok(dto)
}

/// Edit a program; `topics`, when given, replaces the whole ordered list.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ProgramId,
    expected: IfMatch,
    input: ProgramInput,
) -> Result<Program, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let province = caller.province_id()?;
    let row = find(conn, caller, id)?;
    caller.require_permission(Permission::ManageCatalogue)?;
    check_if_match(&expected, row.version)?;
    let before = load_dto(conn, row.clone())?;
    let (fields, topics) = parse_fields(&input, Some(&before))?;
    if fields.code != before.code
        && db::find_by_code(conn, province.into(), &fields.code)?.is_some()
    {
        return Err(ApiError::conflict(format!(
            "the program code {} is taken",
            fields.code
        )));
    }
    let updated = db::update(conn, &row, fields)?.ok_or(ApiError::PreconditionFailed)?;
    if let Some(topics) = topics {
        db::replace_topics(conn, updated.id, &topics)?;
    }
    let after = load_dto(conn, updated)?;
    let path = crate::services::owner_path(conn, province)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Program, id, &path, &before, &after),
    )?;
    Ok(after)
}

/// Retire a program: it can no longer be planned; classes and plans that used it keep it.
pub fn retire(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ProgramId,
) -> Result<Program, ApiError> {
    caller.require_permission(Permission::ReadCatalogue)?;
    let row = find(conn, caller, id)?;
    caller.require_permission(Permission::ManageCatalogue)?;
    if row.retired_at.is_some() {
        return Err(ApiError::conflict("the program is already retired"));
    }
    let before = load_dto(conn, row.clone())?;
    let retired = db::retire(conn, &row)?;
    let after = load_dto(conn, retired)?;
    let path = crate::services::owner_path(conn, caller.province_id()?)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::update(EntityKind::Program, id, &path, &before, &after).action(AuditAction::Retire),
    )?;
    Ok(after)
}
