//! Reference data for Thanh Hóa: the province, its political school, its 27 district-level units
//! (`data/thanh-hoa-districts.csv`, GSO codes) and one political center per unit. Loading is
//! idempotent: each unit is looked up by its natural key (kind + code) and created only if missing.

use crate::audit::AuditContext;
use crate::organizations::{self, NewOrganization};
use crate::writes::{self, Write};
use crate::DbConnection;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::{center_name, DistrictKind, OrganizationKind};
use chrono::NaiveDate;
use diesel::QueryResult;

const DISTRICTS_CSV: &str = include_str!("../data/thanh-hoa-districts.csv");

/// GSO code of Thanh Hóa province.
pub const PROVINCE_CODE: &str = "38";
const PROVINCE_NAME: &str = "Tỉnh Thanh Hóa";
const SCHOOL_NAME: &str = "Trường Chính trị tỉnh Thanh Hóa";

/// One row of the district reference file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictRecord {
    pub code: String,
    pub name: String,
    pub kind: DistrictKind,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub note: Option<String>,
}

/// Why the reference file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("thanh-hoa-districts.csv line {line}: {message}")]
pub struct SeedFileError {
    pub line: usize,
    pub message: String,
}

/// Parses the district reference file. The note column is the last and may contain commas.
pub fn districts() -> Result<Vec<DistrictRecord>, SeedFileError> {
    let mut out = Vec::new();
    for (index, line) in DISTRICTS_CSV.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| SeedFileError {
            line: index + 1,
            message,
        };
        let fields: Vec<&str> = line.splitn(6, ',').collect();
        let [code, name, kind, from, to, note] = fields[..] else {
            return Err(err(format!("expected 6 fields, found {}", fields.len())));
        };
        let date = |s: &str| -> Result<Option<NaiveDate>, SeedFileError> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .map(Some)
                    .map_err(|e| err(format!("bad date {s:?}: {e}")))
            }
        };
        out.push(DistrictRecord {
            code: code.trim().to_owned(),
            name: centers_domain::text::normalize(name),
            kind: kind.trim().parse().map_err(|e| err(format!("kind: {e}")))?,
            valid_from: date(from)?,
            valid_to: date(to)?,
            note: Some(note.trim().to_owned()).filter(|n| !n.is_empty()),
        });
    }
    Ok(out)
}

/// What seeding did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Organizations created and already present.
    pub created: usize,
    pub existing: usize,
    /// Standard programs created.
    pub programs_created: usize,
    /// Whether the standard policy set was loaded (only when the province had none).
    pub policies_created: bool,
}

const PROGRAMS_JSON: &str = include_str!("../data/programs.json");

#[derive(serde::Deserialize)]
struct ProgramFile {
    programs: Vec<SeedProgram>,
}

#[derive(serde::Deserialize)]
struct SeedProgram {
    code: String,
    category: String,
    name: String,
    audience: Option<String>,
    default_days: i32,
    delivery: String,
    credential: String,
    eligibility: centers_domain::programs::EligibilityRule,
    topics: Vec<(String, i32)>,
}

/// The date from which the standard policy set is in force when a province has none.
pub fn standard_policies_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default()
}

/// Loads the standard programs (by code) and, when the province has no policy yet, the standard
/// policy set.
fn seed_catalogue(
    conn: &mut DbConnection,
    province: crate::OrganizationId,
    report: &mut SeedReport,
) -> QueryResult<()> {
    let ctx = AuditContext::system();
    let file: ProgramFile = serde_json::from_str(PROGRAMS_JSON)
        .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)))?;
    for p in file.programs {
        if crate::programs::find_by_code(conn, province, &p.code)?.is_some() {
            continue;
        }
        let topics: Vec<crate::programs::NewTopic> = p
            .topics
            .into_iter()
            .map(|(title, periods)| crate::programs::NewTopic { title, periods })
            .collect();
        let row = crate::programs::insert(
            conn,
            province,
            crate::programs::ProgramFields {
                code: p.code,
                name: p.name,
                category: p.category,
                audience: p.audience,
                default_days: p.default_days,
                delivery: p.delivery,
                credential: p.credential,
                eligibility_json: serde_json::to_string(&p.eligibility).unwrap_or_default(),
            },
            &topics,
        )?;
        // Seeding is audited; the change feed starts after the reference data (read it from
        // `/programs`, `/policies` and `/organizations`).
        writes::record(
            conn,
            &ctx,
            Write::event(EntityKind::Program, row.id, AuditAction::Seed),
        )?;
        report.programs_created += 1;
    }
    if crate::policies::versions(conn, province)?.is_empty() {
        let values = serde_json::to_string(&centers_domain::policies::PolicySet::standard())
            .unwrap_or_default();
        let row = crate::policies::insert(
            conn,
            province,
            standard_policies_from(),
            &values,
            Some("Standard values of the regulations (seed)"),
            None,
        )?;
        writes::record(
            conn,
            &ctx,
            Write::event(EntityKind::PolicyVersion, row.id, AuditAction::Seed),
        )?;
        report.policies_created = true;
    }
    Ok(())
}

/// Loads the reference organizations that are missing, in the caller's transaction.
pub fn seed_reference_data(
    conn: &mut DbConnection,
    records: &[DistrictRecord],
) -> QueryResult<SeedReport> {
    let mut report = SeedReport::default();
    let ctx = AuditContext::system();
    let mut ensure = |conn: &mut DbConnection,
                      existing: Option<organizations::OrganizationRow>,
                      new: NewOrganization|
     -> QueryResult<organizations::OrganizationRow> {
        if let Some(row) = existing {
            report.existing += 1;
            return Ok(row);
        }
        let row = organizations::insert(conn, new)?;
        writes::record(
            conn,
            &ctx,
            Write::event(EntityKind::Organization, row.id, AuditAction::Seed),
        )?;
        report.created += 1;
        Ok(row)
    };

    let found = organizations::find_by_code(conn, OrganizationKind::Province, PROVINCE_CODE)?;
    let province = ensure(
        conn,
        found,
        NewOrganization {
            kind: OrganizationKind::Province,
            subkind: None,
            parent: None,
            center_id: None,
            code: Some(PROVINCE_CODE.to_owned()),
            name: PROVINCE_NAME.to_owned(),
            valid_from: None,
            valid_to: None,
            note: None,
            external_id: None,
        },
    )?;
    let found =
        organizations::find_child_of_kind(conn, province.id, OrganizationKind::ProvincialSchool)?;
    ensure(
        conn,
        found,
        NewOrganization {
            kind: OrganizationKind::ProvincialSchool,
            subkind: None,
            parent: Some((province.id, province.path.clone())),
            center_id: None,
            code: None,
            name: SCHOOL_NAME.to_owned(),
            valid_from: None,
            valid_to: None,
            note: None,
            external_id: None,
        },
    )?;
    for record in records {
        let found = organizations::find_by_code(conn, OrganizationKind::District, &record.code)?;
        let district = ensure(
            conn,
            found,
            NewOrganization {
                kind: OrganizationKind::District,
                subkind: Some(record.kind.as_str().to_owned()),
                parent: Some((province.id, province.path.clone())),
                center_id: None,
                code: Some(record.code.clone()),
                name: record.name.clone(),
                valid_from: record.valid_from,
                valid_to: record.valid_to,
                note: record.note.clone(),
                external_id: None,
            },
        )?;
        let found = organizations::find_by_code(conn, OrganizationKind::Center, &record.code)?;
        ensure(
            conn,
            found,
            NewOrganization {
                kind: OrganizationKind::Center,
                subkind: None,
                parent: Some((district.id, district.path.clone())),
                center_id: None,
                code: Some(record.code.clone()),
                name: center_name(&record.name),
                valid_from: record.valid_from,
                valid_to: record.valid_to,
                note: None,
                external_id: None,
            },
        )?;
    }
    seed_catalogue(conn, province.id, &mut report)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_file_parses_with_the_documented_topic_counts() {
        let file: ProgramFile =
            serde_json::from_str(PROGRAMS_JSON).unwrap_or(ProgramFile { programs: vec![] });
        let count = |code: &str| {
            file.programs
                .iter()
                .find(|p| p.code == code)
                .map(|p| p.topics.len())
        };
        assert_eq!(count("party_admission"), Some(5));
        assert_eq!(count("new_member"), Some(10));
        assert_eq!(count("elementary_theory"), Some(18));
        for p in &file.programs {
            assert!(
                p.category
                    .parse::<centers_domain::programs::ProgramCategory>()
                    .is_ok(),
                "{}",
                p.code
            );
            assert!(
                p.delivery
                    .parse::<centers_domain::programs::Delivery>()
                    .is_ok(),
                "{}",
                p.code
            );
            assert!(
                p.credential
                    .parse::<centers_domain::programs::Credential>()
                    .is_ok(),
                "{}",
                p.code
            );
            assert!(p
                .topics
                .iter()
                .all(|t| centers_domain::programs::valid_periods(t.1)));
        }
    }

    #[test]
    fn reference_file_has_27_units() {
        let d = districts().unwrap_or_default();
        assert_eq!(d.len(), 27);
        assert_eq!(d.iter().filter(|r| r.kind == DistrictKind::City).count(), 2);
        assert_eq!(d.iter().filter(|r| r.kind == DistrictKind::Town).count(), 2);
        assert_eq!(
            d.iter()
                .filter(|r| r.kind == DistrictKind::District)
                .count(),
            23
        );
        let nghi_son = d.iter().find(|r| r.code == "407");
        assert!(nghi_son.is_some_and(|r| r.name == "Thị xã Nghi Sơn"
            && r.note.as_deref().is_some_and(|n| n.contains("Tĩnh Gia"))));
    }
}
