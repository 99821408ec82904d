//! Checking import rows: each row's cells by the rules of `POST /learners`, and what they refer to
//! against the database (loaded in a few statements).

use super::*;
use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::services::learners::CreateLearner;
use centers_db::learners::{self as db, LearnerColumns, LearnerRow};
use centers_db::organizations::OrganizationRow;
use centers_db::teaching::ClassRow;
use centers_db::{ClassId, DbConnection, EnrollmentId, LearnerId, OrganizationId};
use centers_domain::learners::{Gender, PartyStatus};
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub(crate) enum OrganizationRef {
    Id(OrganizationId),
    Code(String),
    /// A party organization's own account importing its own learners.
    Own(OrganizationId),
}

#[derive(Debug, Clone)]
pub(crate) enum ClassRef {
    Id(ClassId),
    Code(String, i32),
}

/// A row whose cells parsed; the references are resolved later, against the database.
pub(crate) struct ParsedRow {
    pub(crate) external_id: String,
    pub(crate) organization: OrganizationRef,
    pub(crate) learner: CreateLearner,
    pub(crate) class: Option<ClassRef>,
}

/// `2024-03-01`, or `01/03/2024` as Vietnamese spreadsheets write it.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

pub(crate) fn parse_bool(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "x" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

pub(crate) fn parse_row(row: &RawRow, caller: &Caller) -> Result<ParsedRow, Vec<FieldError>> {
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
        (None, None) if caller.principal.is_party_organization() => {
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
pub(crate) fn columns_of(r: &LearnerRow) -> LearnerColumns {
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

pub(crate) fn same_details(a: &LearnerColumns, b: &LearnerColumns) -> bool {
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
pub(crate) enum Target {
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
    pub(crate) fn id(&self) -> LearnerId {
        match self {
            Target::Existing { row, .. } => row.id,
            Target::New { id, .. } => *id,
        }
    }
}

/// The error of a row whose national id another learner holds: "taken" when that learner is in
/// the caller's scope, else the same words as a single create, saying neither where nor whose.
pub(crate) fn national_id_held(known: &Known, national_id: &str, taken: &str) -> FieldError {
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
pub(crate) struct Known {
    pub(crate) organizations_by_id: HashMap<OrganizationId, OrganizationRow>,
    pub(crate) organizations_by_code: HashMap<String, Vec<OrganizationId>>,
    pub(crate) learners_by_external: HashMap<(OrganizationId, String), LearnerRow>,
    pub(crate) national_ids: HashMap<String, LearnerId>,
    /// The national ids above held inside the caller's scope: only those are named "taken".
    pub(crate) national_ids_in_scope: std::collections::HashSet<String>,
    pub(crate) namesakes: HashMap<(String, NaiveDate), Vec<LearnerId>>,
    pub(crate) classes_by_id: HashMap<ClassId, ClassRow>,
    pub(crate) classes_by_code: HashMap<(OrganizationId, String, i32), ClassRow>,
    pub(crate) enrolled: HashMap<(ClassId, LearnerId), EnrollmentId>,
    /// Each class's program eligibility rule and the new-member window in force on its first
    /// day: a nomination is checked as an approval would check it.
    pub(crate) eligibility: HashMap<ClassId, (centers_domain::programs::EligibilityRule, i32)>,
}

pub(crate) fn load_known(
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
    let province = caller.province_id()?.into();
    let mut eligibility = HashMap::new();
    for class in classes_by_id.values().chain(classes_by_code.values()) {
        if eligibility.contains_key(&class.id) {
            continue;
        }
        let Some(program) = centers_db::programs::find(conn, class.program_id, province)? else {
            continue;
        };
        let rule = serde_json::from_str(&program.eligibility_json).unwrap_or_default();
        let policy =
            crate::services::policies::set_on(conn, province, class.start_date, "class_id")?;
        eligibility.insert(class.id, (rule, policy.new_member_window_months));
    }
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
        eligibility,
    })
}

pub(crate) fn dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}
