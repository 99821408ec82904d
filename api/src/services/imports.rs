//! Bulk import of learners and their nominations (`POST /imports`): a CSV file or a JSON body of
//! rows, each a learner and optionally a class to nominate them for. Every row is checked by the
//! same rules as `POST /learners` and `POST /classes/{id}/enrollments`; a dry run answers every
//! row's errors without writing; a real run writes all rows in one transaction, or none.
//!
//! Re-importing a file changes nothing: a learner is matched by its party organization and
//! external id (and updated only if a detail differs), a nomination by class and learner.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::services::learners::{self as learners_service, CreateLearner, Enrollment};
use centers_db::learners::{self as db, LearnerColumns, LearnerRow, NewEnrollment, NewLearner};
use centers_db::organizations::OrganizationRow;
use centers_db::teaching::ClassRow;
use centers_db::writes::{self, Write};
use centers_db::{ClassId, DbConnection, EnrollmentId, LearnerId, OrganizationId};
use centers_domain::access::{Permission, Principal, Role};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::learners::{EnrollmentStatus, Gender, PartyStatus};
use centers_domain::teaching::ClassStatus;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use utoipa::ToSchema;

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

// ---- reading the body ----

fn column(name: &str) -> Option<&'static str> {
    COLUMNS.iter().copied().find(|c| *c == name)
}

/// The longest cell any column takes, in characters (the longest column, `workplace`, takes 300):
/// a longer cell is refused as it is read, before any Unicode work on it, so that a file of a
/// few huge cells costs no more than its bytes to read.
const MAX_CELL_CHARS: usize = 1_000;

/// A 422 naming the cell when it is longer than any column takes.
fn check_cell(row: usize, column: &str, value: &str) -> Result<(), FieldError> {
    // Bytes first: at most 4 per character, so a longer value is too long without counting.
    if value.len() > 4 * MAX_CELL_CHARS || value.chars().count() > MAX_CELL_CHARS {
        return Err(FieldError::new(
            format!("rows[{row}].{column}"),
            "too_long",
            format!("a cell holds at most {MAX_CELL_CHARS} characters"),
        ));
    }
    Ok(())
}

/// A 422 for a CSV file that does not make a table of import rows, naming where.
fn unreadable(field: String, code: &str, message: String) -> ApiError {
    ApiError::Validation(vec![FieldError::new(field, code, message)])
}

/// Rows of a CSV file: UTF-8 (a byte-order mark is skipped), a header row of column names,
/// comma- or semicolon-separated (Excel writes semicolons in some locales).
pub fn rows_from_csv(bytes: &[u8]) -> Result<Vec<RawRow>, ApiError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ApiError::bad_field("body", "encoding", "the CSV file must be UTF-8"))?;
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.contains(';') && !header_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ApiError::bad_field("body", "csv", format!("the header row: {e}")))?
        .clone();
    let mut columns = Vec::new();
    let mut errors = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        match column(name) {
            Some(c) if columns.contains(&c) => errors.push(FieldError::new(
                format!("columns.{c}"),
                "duplicate",
                "this column appears twice",
            )),
            Some(c) => columns.push(c),
            None => errors.push(FieldError::new(
                format!("columns.{name}"),
                "unknown",
                format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record
            .map_err(|e| unreadable(format!("rows[{i}]"), "csv", format!("unreadable: {e}")))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue; // Spreadsheets leave blank lines at the end.
        }
        if record.len() != columns.len() {
            return Err(unreadable(
                format!("rows[{}]", rows.len()),
                "columns",
                format!(
                    "{} cells where the header has {}",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        let mut row = RawRow::new();
        for (c, value) in columns.iter().zip(record.iter()) {
            check_cell(rows.len(), c, value).map_err(|e| ApiError::Validation(vec![e]))?;
            if let Some(ch) = centers_domain::text::refused_char(value) {
                return Err(ApiError::BadRequest {
                    detail: "the CSV file holds a control character".into(),
                    errors: vec![FieldError::new(
                        format!("rows[{}].{c}", rows.len()),
                        "control_character",
                        format!("the character U+{:04X} is not allowed", u32::from(ch)),
                    )],
                });
            }
            let value = centers_domain::text::nfc(value.trim()).into_owned();
            if !value.is_empty() {
                row.insert(c, value);
            }
        }
        rows.push(row);
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(rows)
}

/// The JSON body: `{"rows": [{column: value}, ...]}`; strings, numbers, booleans or null.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportBody {
    /// The rows, each an object of the import columns (strings, or numbers and booleans where
    /// they fit; null is absent).
    #[schema(value_type = Vec<ImportRow>)]
    pub rows: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// The columns of an import row as JSON (documentation of `ImportBody`; rows are read column by
/// column so that each error names its row).
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ImportRow {
    /// The learner's id in the sending system, unique per party organization (required).
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
    pub party_organization_id: Option<uuid::Uuid>,
    /// The party organization's code, in the caller's scope.
    pub party_organization_code: Option<String>,
    #[schema(max_length = 200)]
    pub full_name: Option<String>,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub birth_date: Option<String>,
    pub gender: Option<Gender>,
    #[schema(max_length = 50)]
    pub ethnicity: Option<String>,
    pub party_status: Option<PartyStatus>,
    pub admission_date: Option<String>,
    #[schema(max_length = 200)]
    pub position: Option<String>,
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    #[schema(pattern = "^[0-9]{12}$")]
    pub national_id: Option<String>,
    pub confirm_new: Option<bool>,
    pub class_id: Option<uuid::Uuid>,
    pub class_code: Option<String>,
    #[schema(minimum = 1945, maximum = 2100)]
    pub class_year: Option<i32>,
}

pub fn rows_from_json(body: ImportBody) -> Result<Vec<RawRow>, ApiError> {
    let mut rows = Vec::with_capacity(body.rows.len().min(MAX_ROWS + 1));
    let mut errors = Vec::new();
    for (i, object) in body.rows.into_iter().enumerate().take(MAX_ROWS + 1) {
        let mut row = RawRow::new();
        for (key, value) in object {
            let Some(c) = column(&key) else {
                errors.push(FieldError::new(
                    format!("rows[{i}].{key}"),
                    "unknown",
                    format!("unknown column; the columns are {}", COLUMNS.join(", ")),
                ));
                continue;
            };
            let text = match value {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => {
                    if let Err(e) = check_cell(i, c, &s) {
                        errors.push(e);
                        continue;
                    }
                    s.trim().to_owned()
                }
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => {
                    errors.push(FieldError::new(
                        format!("rows[{i}].{c}"),
                        "invalid_type",
                        "a string, number or boolean",
                    ));
                    continue;
                }
            };
            if !text.is_empty() {
                row.insert(c, text);
            }
        }
        rows.push(row);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(rows)
}

// ---- checking the rows ----

#[derive(Debug, Clone)]
enum OrganizationRef {
    Id(OrganizationId),
    Code(String),
    /// A party organization's own account importing its own learners.
    Own(OrganizationId),
}

#[derive(Debug, Clone)]
enum ClassRef {
    Id(ClassId),
    Code(String, i32),
}

/// A row whose cells parsed; the references are resolved later, against the database.
struct ParsedRow {
    external_id: String,
    organization: OrganizationRef,
    learner: CreateLearner,
    class: Option<ClassRef>,
}

/// `2024-03-01`, or `01/03/2024` as Vietnamese spreadsheets write it.
fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

fn parse_bool(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "x" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

fn parse_row(row: &RawRow, caller: &Caller) -> Result<ParsedRow, Vec<FieldError>> {
    let mut errors = Vec::new();
    let get = |c: &str| row.get(c).map(String::as_str);
    let required = |c: &'static str, errors: &mut Vec<FieldError>| -> Option<String> {
        let v = get(c).map(str::to_owned);
        if v.is_none() {
            errors.push(FieldError::new(c, "required", "required"));
        }
        v
    };
    let external_id = required("external_id", &mut errors);
    let full_name = required("full_name", &mut errors);
    let birth_date = required("birth_date", &mut errors).and_then(|v| {
        let d = parse_date(&v);
        if d.is_none() {
            errors.push(FieldError::new(
                "birth_date",
                "invalid_date",
                "a date as YYYY-MM-DD or DD/MM/YYYY",
            ));
        }
        d
    });
    let gender = required("gender", &mut errors).and_then(|v| match v.parse::<Gender>() {
        Ok(g) => Some(g),
        Err(e) => {
            errors.push(FieldError::new("gender", "invalid", e.to_string()));
            None
        }
    });
    let party_status =
        required("party_status", &mut errors).and_then(|v| match v.parse::<PartyStatus>() {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FieldError::new("party_status", "invalid", e.to_string()));
                None
            }
        });
    let admission_date = get("admission_date").and_then(|v| {
        let d = parse_date(v);
        if d.is_none() {
            errors.push(FieldError::new(
                "admission_date",
                "invalid_date",
                "a date as YYYY-MM-DD or DD/MM/YYYY",
            ));
        }
        d
    });
    let confirm_new = match get("confirm_new") {
        None => false,
        Some(v) => parse_bool(v).unwrap_or_else(|| {
            errors.push(FieldError::new(
                "confirm_new",
                "invalid",
                "true or false (1/0, yes/no)",
            ));
            false
        }),
    };
    let organization = match (get("party_organization_id"), get("party_organization_code")) {
        (Some(id), _) => match id.parse::<OrganizationId>() {
            Ok(id) => Some(OrganizationRef::Id(id)),
            Err(_) => {
                errors.push(FieldError::new(
                    "party_organization_id",
                    "invalid_uuid",
                    "a UUID",
                ));
                None
            }
        },
        (None, Some(code)) => Some(OrganizationRef::Code(code.to_uppercase())),
        (None, None) if caller.principal == Principal::User(Role::PartyOrg) => {
            Some(OrganizationRef::Own(caller.scope_id.into()))
        }
        (None, None) => {
            errors.push(FieldError::new(
                "party_organization_code",
                "required",
                "party_organization_code or party_organization_id",
            ));
            None
        }
    };
    let class = match (get("class_id"), get("class_code"), get("class_year")) {
        (None, None, None) => None,
        (Some(id), _, _) => match id.parse::<ClassId>() {
            Ok(id) => Some(ClassRef::Id(id)),
            Err(_) => {
                errors.push(FieldError::new("class_id", "invalid_uuid", "a UUID"));
                None
            }
        },
        (None, Some(code), Some(year)) => match year.parse::<i32>() {
            Ok(year) if (1945..=2100).contains(&year) => {
                Some(ClassRef::Code(code.to_uppercase(), year))
            }
            _ => {
                errors.push(FieldError::new(
                    "class_year",
                    "invalid",
                    "a year from 1945 to 2100",
                ));
                None
            }
        },
        (None, Some(_), None) => {
            errors.push(FieldError::new(
                "class_year",
                "required",
                "class_code needs class_year (codes are unique per center and year)",
            ));
            None
        }
        (None, None, Some(_)) => {
            errors.push(FieldError::new(
                "class_code",
                "required",
                "class_year names no class without class_code or class_id",
            ));
            None
        }
    };
    match (
        external_id,
        full_name,
        birth_date,
        gender,
        party_status,
        organization,
    ) {
        (
            Some(external_id),
            Some(full_name),
            Some(birth_date),
            Some(gender),
            Some(party_status),
            Some(organization),
        ) if errors.is_empty() => Ok(ParsedRow {
            learner: CreateLearner {
                // Resolved against the database later; `checked` takes the organization found.
                party_organization_id: match organization {
                    OrganizationRef::Id(id) | OrganizationRef::Own(id) => id,
                    OrganizationRef::Code(_) => OrganizationId::from(uuid::Uuid::nil()),
                },
                full_name,
                birth_date,
                gender,
                ethnicity: get("ethnicity").map(str::to_owned),
                party_status,
                admission_date,
                position: get("position").map(str::to_owned),
                workplace: get("workplace").map(str::to_owned),
                national_id: get("national_id").map(str::to_owned),
                external_id: Some(external_id.clone()),
                confirm_new,
            },
            external_id,
            organization,
            class,
        }),
        _ => Err(errors),
    }
}

/// The stored columns of a learner, to compare with an imported row.
fn columns_of(r: &LearnerRow) -> LearnerColumns {
    LearnerColumns {
        party_organization_id: r.party_organization_id,
        full_name: r.full_name.clone(),
        search_text: r.search_text.clone(),
        birth_date: r.birth_date,
        gender: r.gender.as_str().to_owned(),
        ethnicity: r.ethnicity.clone(),
        party_status: r.party_status.as_str().to_owned(),
        admission_date: r.admission_date,
        position: r.position.clone(),
        workplace: r.workplace.clone(),
        national_id: r.national_id.clone(),
        external_id: r.external_id.clone(),
    }
}

fn same_details(a: &LearnerColumns, b: &LearnerColumns) -> bool {
    (
        a.party_organization_id,
        &a.full_name,
        a.birth_date,
        &a.gender,
        &a.ethnicity,
        &a.party_status,
        a.admission_date,
        &a.position,
        &a.workplace,
        &a.national_id,
        &a.external_id,
    ) == (
        b.party_organization_id,
        &b.full_name,
        b.birth_date,
        &b.gender,
        &b.ethnicity,
        &b.party_status,
        b.admission_date,
        &b.position,
        &b.workplace,
        &b.national_id,
        &b.external_id,
    )
}

/// A learner the import names: one that exists, or one it creates.
#[derive(Debug, Clone)]
enum Target {
    Existing {
        row: Box<LearnerRow>,
        update: Option<Box<LearnerColumns>>,
    },
    New {
        id: LearnerId,
        columns: Box<LearnerColumns>,
    },
}

impl Target {
    fn id(&self) -> LearnerId {
        match self {
            Target::Existing { row, .. } => row.id,
            Target::New { id, .. } => *id,
        }
    }
}

/// The error of a row whose national id another learner holds: "taken" when that learner is in
/// the caller's scope, else the same words as a single create, saying neither where nor whose.
fn national_id_held(known: &Known, national_id: &str, taken: &str) -> FieldError {
    if known.national_ids_in_scope.contains(national_id) {
        FieldError::new("national_id", "taken", taken)
    } else {
        FieldError::new(
            "national_id",
            "needs_province_review",
            crate::services::learners::NATIONAL_ID_OUTSIDE_SCOPE,
        )
    }
}

/// Everything the rows need from the database, loaded in a few statements.
struct Known {
    organizations_by_id: HashMap<OrganizationId, OrganizationRow>,
    organizations_by_code: HashMap<String, Vec<OrganizationId>>,
    learners_by_external: HashMap<(OrganizationId, String), LearnerRow>,
    national_ids: HashMap<String, LearnerId>,
    /// The national ids above held inside the caller's scope: only those are named "taken".
    national_ids_in_scope: std::collections::HashSet<String>,
    namesakes: HashMap<(String, NaiveDate), Vec<LearnerId>>,
    classes_by_id: HashMap<ClassId, ClassRow>,
    classes_by_code: HashMap<(OrganizationId, String, i32), ClassRow>,
    enrolled: HashMap<(ClassId, LearnerId), EnrollmentId>,
}

fn load_known(
    conn: &mut DbConnection,
    caller: &Caller,
    rows: &[&ParsedRow],
) -> Result<Known, ApiError> {
    let scope = caller.scope();
    let mut ids: Vec<OrganizationId> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    for r in rows {
        match &r.organization {
            OrganizationRef::Id(id) | OrganizationRef::Own(id) => ids.push(*id),
            OrganizationRef::Code(c) => codes.push(c.clone()),
        }
    }
    dedup(&mut ids);
    dedup(&mut codes);
    let mut organizations_by_id = HashMap::new();
    let mut organizations_by_code: HashMap<String, Vec<OrganizationId>> = HashMap::new();
    for o in db::party_organizations_in_scope(conn, &scope, &ids, &codes)? {
        if let Some(code) = &o.code {
            let same = organizations_by_code.entry(code.clone()).or_default();
            if !same.contains(&o.id) {
                same.push(o.id);
            }
        }
        organizations_by_id.insert(o.id, o);
    }
    let organization_ids: Vec<OrganizationId> = organizations_by_id.keys().copied().collect();
    let mut external_ids: Vec<String> = rows.iter().map(|r| r.external_id.clone()).collect();
    dedup(&mut external_ids);
    let learners_by_external: HashMap<(OrganizationId, String), LearnerRow> =
        db::learners_by_external_ids(conn, &organization_ids, &external_ids)?
            .into_iter()
            .filter_map(|l| {
                let key = (l.party_organization_id, l.external_id.clone()?);
                Some((key, l))
            })
            .collect();
    let mut national_ids: Vec<String> = rows
        .iter()
        .filter_map(|r| r.learner.national_id.clone())
        .collect();
    dedup(&mut national_ids);
    let national_ids_in_scope = db::national_id_holders_in(conn, &scope, &national_ids)?
        .into_iter()
        .collect();
    let national_ids = db::national_id_holders_unscoped(conn, &national_ids)?
        .into_iter()
        .collect();
    let mut names: Vec<String> = rows
        .iter()
        .map(|r| centers_domain::text::fold(&centers_domain::text::normalize(&r.learner.full_name)))
        .collect();
    dedup(&mut names);
    let mut namesakes: HashMap<(String, NaiveDate), Vec<LearnerId>> = HashMap::new();
    for l in db::learners_by_search_texts(conn, &scope, &names)? {
        namesakes
            .entry((l.search_text, l.birth_date))
            .or_default()
            .push(l.id);
    }
    let mut class_ids = Vec::new();
    let mut class_codes = Vec::new();
    for r in rows {
        match &r.class {
            Some(ClassRef::Id(id)) => class_ids.push(*id),
            Some(ClassRef::Code(code, _)) => class_codes.push(code.clone()),
            None => {}
        }
    }
    dedup(&mut class_ids);
    dedup(&mut class_codes);
    let mut centers: Vec<OrganizationId> = organizations_by_id
        .values()
        .filter_map(|o| o.center_id)
        .collect();
    dedup(&mut centers);
    let classes_by_id: HashMap<ClassId, ClassRow> = db::classes_by_ids_unscoped(conn, &class_ids)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let classes_by_code: HashMap<(OrganizationId, String, i32), ClassRow> =
        db::classes_by_codes_unscoped(conn, &centers, &class_codes)?
            .into_iter()
            .map(|c| ((c.center_id, c.code.clone(), c.year), c))
            .collect();
    let mut all_classes: Vec<ClassId> = classes_by_id
        .keys()
        .chain(classes_by_code.values().map(|c| &c.id))
        .copied()
        .collect();
    dedup(&mut all_classes);
    let existing: Vec<LearnerId> = learners_by_external.values().map(|l| l.id).collect();
    let enrolled = db::enrollment_pairs(conn, &all_classes, &existing)?
        .into_iter()
        .map(|(c, l, e)| ((c, l), e))
        .collect();
    Ok(Known {
        organizations_by_id,
        organizations_by_code,
        learners_by_external,
        national_ids,
        national_ids_in_scope,
        namesakes,
        classes_by_id,
        classes_by_code,
        enrolled,
    })
}

fn dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}

/// A nomination the import makes.
struct Nomination {
    id: EnrollmentId,
    class: ClassId,
    learner: LearnerId,
    organization: OrganizationId,
}

/// The plan of an import: what each row does, and the errors that stop it.
struct Plan {
    learners: Vec<Target>,
    nominations: Vec<Nomination>,
    outcomes: Vec<RowOutcome>,
    errors: Vec<FieldError>,
}

fn plan(parsed: Vec<Result<ParsedRow, Vec<FieldError>>>, known: &Known) -> Plan {
    let mut plan = Plan {
        learners: Vec::new(),
        nominations: Vec::new(),
        outcomes: Vec::new(),
        errors: Vec::new(),
    };
    // Learners the file has named so far: (organization, external id) → index in plan.learners,
    // with the row that first named them.
    let mut named: HashMap<(OrganizationId, String), (usize, usize)> = HashMap::new();
    let mut new_national_ids: HashMap<String, usize> = HashMap::new();
    let mut new_namesakes: HashMap<(String, NaiveDate), usize> = HashMap::new();
    let mut nominated: HashSet<(ClassId, LearnerId)> = HashSet::new();
    for (i, parsed) in parsed.into_iter().enumerate() {
        let mut fail = |errors: Vec<FieldError>| {
            plan.errors.extend(errors.into_iter().map(|e| FieldError {
                field: format!("rows[{i}].{}", e.field),
                ..e
            }));
        };
        let r = match parsed {
            Ok(r) => r,
            Err(e) => {
                fail(e);
                continue;
            }
        };
        let organization = match &r.organization {
            OrganizationRef::Id(id) | OrganizationRef::Own(id) => known.organizations_by_id.get(id),
            OrganizationRef::Code(code) => {
                match known.organizations_by_code.get(code).map(Vec::as_slice) {
                    Some([one]) => known.organizations_by_id.get(one),
                    Some([_, _, ..]) => {
                        fail(vec![FieldError::new(
                        "party_organization_code",
                        "ambiguous",
                        "several party organizations in your scope have this code; give party_organization_id",
                    )]);
                        continue;
                    }
                    _ => None,
                }
            }
        };
        let Some(organization) = organization else {
            let field = match r.organization {
                OrganizationRef::Code(_) => "party_organization_code",
                _ => "party_organization_id",
            };
            fail(vec![FieldError::new(
                field,
                "unknown_party_organization",
                "no such party organization in your scope",
            )]);
            continue;
        };
        let columns = match learners_service::checked(&r.learner, organization) {
            Ok(c) => c,
            Err(ApiError::Validation(e)) => {
                fail(e);
                continue;
            }
            Err(e) => {
                fail(vec![FieldError::new("", "invalid", e.to_string())]);
                continue;
            }
        };
        let key = (organization.id, r.external_id.clone());
        // The learner: named earlier in the file, stored already, or new.
        let (index, learner_outcome) = if let Some(&(index, first_row)) = named.get(&key) {
            let earlier = match &plan.learners[index] {
                Target::Existing { row, update } => update
                    .as_deref()
                    .cloned()
                    .unwrap_or_else(|| columns_of(row)),
                Target::New { columns, .. } => columns.as_ref().clone(),
            };
            if !same_details(&earlier, &columns) {
                fail(vec![FieldError::new(
                    "external_id",
                    "conflicting_rows",
                    format!("row {first_row} names this learner with other details"),
                )]);
                continue;
            }
            (index, plan.outcomes[first_row].learner)
        } else if let Some(stored) = known.learners_by_external.get(&key) {
            let update = !same_details(&columns_of(stored), &columns);
            if update {
                if let Some(n) = &columns.national_id {
                    let held_elsewhere = known.national_ids.get(n).is_some_and(|h| *h != stored.id)
                        || new_national_ids.contains_key(n);
                    if held_elsewhere {
                        fail(vec![national_id_held(
                            known,
                            n,
                            "another learner has this national id",
                        )]);
                        continue;
                    }
                }
            }
            plan.learners.push(Target::Existing {
                row: Box::new(stored.clone()),
                update: update.then(|| Box::new(columns)),
            });
            let index = plan.learners.len() - 1;
            named.insert(key, (index, i));
            (
                index,
                if update {
                    Outcome::Updated
                } else {
                    Outcome::Unchanged
                },
            )
        } else {
            let mut errors = Vec::new();
            if let Some(n) = &columns.national_id {
                if known.national_ids.contains_key(n) {
                    errors.push(national_id_held(
                        known,
                        n,
                        "a learner with this national id already exists",
                    ));
                } else if let Some(other) = new_national_ids.get(n) {
                    errors.push(FieldError::new(
                        "national_id",
                        "taken",
                        format!("row {other} has this national id"),
                    ));
                }
            }
            let person = (columns.search_text.clone(), columns.birth_date);
            if !r.learner.confirm_new {
                if let Some(ids) = known.namesakes.get(&person) {
                    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
                    errors.push(FieldError::new(
                        "full_name",
                        "possible_duplicate",
                        format!(
                            "a learner with the same name and birth date exists ({}); confirm_new: true if this is another person",
                            ids.join(", ")
                        ),
                    ));
                } else if let Some(other) = new_namesakes.get(&person) {
                    errors.push(FieldError::new(
                        "full_name",
                        "possible_duplicate",
                        format!("row {other} has the same name and birth date; confirm_new: true if this is another person"),
                    ));
                }
            }
            if !errors.is_empty() {
                fail(errors);
                continue;
            }
            if let Some(n) = &columns.national_id {
                new_national_ids.insert(n.clone(), i);
            }
            new_namesakes.entry(person).or_insert(i);
            plan.learners.push(Target::New {
                id: LearnerId::generate(),
                columns: Box::new(columns),
            });
            let index = plan.learners.len() - 1;
            named.insert(key, (index, i));
            (index, Outcome::Created)
        };
        let learner_id = plan.learners[index].id();
        // The nomination, if the row names a class of the learner's center that is open.
        let (mut enrollment_id, mut nomination) = (None, None);
        if let Some(class_ref) = &r.class {
            let (class, field) = match class_ref {
                ClassRef::Id(id) => (known.classes_by_id.get(id), "class_id"),
                ClassRef::Code(code, year) => (
                    organization.center_id.and_then(|center| {
                        known.classes_by_code.get(&(center, code.clone(), *year))
                    }),
                    "class_code",
                ),
            };
            let Some(class) = class.filter(|c| Some(c.center_id) == organization.center_id) else {
                fail(vec![FieldError::new(
                    field,
                    "unknown_class",
                    "no such class at the center of the learner's party organization",
                )]);
                continue;
            };
            if let Some(existing) = known.enrolled.get(&(class.id, learner_id)) {
                enrollment_id = Some(*existing);
                nomination = Some(Outcome::Unchanged);
            } else if !nominated.insert((class.id, learner_id)) {
                fail(vec![FieldError::new(
                    field,
                    "duplicate",
                    "another row nominates this learner for this class",
                )]);
                continue;
            } else if class.status != ClassStatus::Open {
                fail(vec![FieldError::new(
                    field,
                    "class_not_open",
                    format!(
                        "nominations are taken while a class is open; it is {}",
                        class.status
                    ),
                )]);
                continue;
            } else {
                let id = EnrollmentId::generate();
                plan.nominations.push(Nomination {
                    id,
                    class: class.id,
                    learner: learner_id,
                    organization: organization.id,
                });
                enrollment_id = Some(id);
                nomination = Some(Outcome::Created);
            }
        }
        plan.outcomes.push(RowOutcome {
            row: i,
            external_id: r.external_id,
            learner_id: Some(learner_id),
            learner: learner_outcome,
            enrollment_id,
            nomination,
        });
    }
    plan
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
