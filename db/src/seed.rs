//! Reference data: a province's tree with its dated history, from a province file
//! ([`crate::province_file`]; Thanh Hóa's ships in `data/provinces/thanh-hoa.csv`), and the
//! standard programs and policies. Loading is idempotent: units are found by their natural key
//! (kind + code); what the file dates is created, or corrected where the file was corrected;
//! changes recorded through the API on other dates are left alone.

use crate::audit::AuditContext;
use crate::organization_periods::{self as periods, PeriodValues};
use crate::organizations::{self, Closing, NewOrganization, OrganizationChanges, OrganizationRow};
use crate::province_file::{Event, FileError, Line, ProvinceFile};
use crate::writes::{self, Write};
use crate::DbConnection;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use chrono::NaiveDate;
use diesel::QueryResult;
use std::collections::HashMap;

/// Thanh Hóa's province file, the default reference data.
pub const THANH_HOA: &str = include_str!("../data/provinces/thanh-hoa.csv");

/// Thanh Hóa's file, parsed.
pub fn thanh_hoa() -> Result<ProvinceFile, Vec<FileError>> {
    crate::province_file::parse("data/provinces/thanh-hoa.csv", THANH_HOA)
}

/// Why a checked file could not be applied to this database (it names the line).
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// What seeding did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Organizations created and already present.
    pub created: usize,
    pub existing: usize,
    /// Dated changes applied (renames, moves, closings) and periods corrected.
    pub changes_applied: usize,
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

/// The province a database holds: the root of its tree (a database holds one province).
pub fn the_province(conn: &mut DbConnection) -> QueryResult<Option<OrganizationRow>> {
    organizations::first_of_kind(conn, OrganizationKind::Province)
}

/// Stores a period the file dates unless the database already says the same that day;
/// whether it wrote.
fn put_if_changed(conn: &mut DbConnection, wanted: &PeriodValues) -> QueryResult<bool> {
    let same = periods::at(conn, wanted.organization_id, wanted.valid_from)?
        .is_some_and(|p| wanted.same_as(&p));
    if !same {
        periods::put(conn, wanted)?;
    }
    Ok(!same)
}

fn line_error(line: &Line, message: impl Into<String>) -> SeedError {
    SeedError::Line {
        line: line.line,
        message: message.into(),
    }
}

/// Applies a province file in the caller's transaction: opens what is missing, records each
/// dated change not yet recorded (correcting one recorded on the same day differently), then the
/// standard catalogue. A database that holds another province is refused.
pub fn apply_province_file(
    conn: &mut DbConnection,
    file: &ProvinceFile,
) -> Result<SeedReport, SeedError> {
    let mut report = SeedReport::default();
    let ctx = AuditContext::system();
    if let (Some(existing), Some(line)) = (the_province(conn)?, file.province()) {
        if existing.code.as_deref() != Some(line.code.as_str()) {
            return Err(line_error(
                line,
                format!(
                    "this database holds {} ({}); a database holds one province",
                    existing.name,
                    existing.code.unwrap_or_default()
                ),
            ));
        }
    }
    let mut rows: HashMap<(OrganizationKind, String), OrganizationRow> = HashMap::new();
    let mut find = |conn: &mut DbConnection,
                    kind: OrganizationKind,
                    code: &str|
     -> QueryResult<Option<OrganizationRow>> {
        if let Some(r) = rows.get(&(kind, code.to_owned())) {
            // Read again: a move of an ancestor may have changed its path.
            return organizations::find_unscoped(conn, r.id);
        }
        let found = organizations::find_by_code(conn, kind, code)?;
        if let Some(r) = &found {
            rows.insert((kind, code.to_owned()), r.clone());
        }
        Ok(found)
    };
    for line in &file.lines {
        let parent = match &line.parent {
            Some((kind, code)) => Some(find(conn, *kind, code)?.ok_or_else(|| {
                line_error(line, format!("{kind} {code} is not in the database"))
            })?),
            None => None,
        };
        let existing = find(conn, line.kind, &line.code)?;
        match (line.event, existing) {
            (Event::Open, None) => {
                let row = organizations::insert(
                    conn,
                    NewOrganization {
                        kind: line.kind,
                        subkind: line.subkind.clone(),
                        parent: parent.as_ref().map(|p| (p.id, p.path.clone())),
                        center: None,
                        code: Some(line.code.clone()),
                        name: line.name.clone().unwrap_or_default(),
                        valid_from: line.on,
                        valid_to: None,
                        note: line.source.clone(),
                        external_id: None,
                    },
                )?;
                if line.decision.is_some() {
                    periods::put(
                        conn,
                        &PeriodValues::of(
                            &row,
                            row.valid_from.unwrap_or(organizations::EARLIEST),
                            line.decision.as_deref(),
                        ),
                    )?;
                }
                writes::record(
                    conn,
                    &ctx,
                    Write::event(EntityKind::Organization, row.id, AuditAction::Seed),
                )?;
                report.created += 1;
            }
            (Event::Open, Some(row)) => {
                report.existing += 1;
                // The file's first period is authoritative for its day.
                let from = line.on.unwrap_or(organizations::EARLIEST);
                let wanted = PeriodValues {
                    organization_id: row.id,
                    valid_from: from,
                    name: line.name.clone().unwrap_or_default(),
                    kind: line.kind,
                    subkind: line.subkind.clone(),
                    parent_id: parent.as_ref().map(|p| p.id),
                    decision: line.decision.clone(),
                };
                report.changes_applied += usize::from(put_if_changed(conn, &wanted)?);
            }
            (_, None) => {
                return Err(line_error(
                    line,
                    format!("{} {} is not in the database", line.kind, line.code),
                ))
            }
            (Event::Rename, Some(row)) => {
                let on = line.on.unwrap_or(organizations::EARLIEST);
                let subkind = line.subkind.clone().or_else(|| row.subkind.clone());
                let current = periods::at_or_before(conn, row.id, on)?;
                let wanted = PeriodValues {
                    organization_id: row.id,
                    valid_from: on,
                    name: line.name.clone().unwrap_or_default(),
                    kind: row.kind,
                    subkind,
                    parent_id: current.as_ref().map_or(row.parent_id, |p| p.parent_id),
                    decision: line.decision.clone(),
                };
                report.changes_applied += usize::from(put_if_changed(conn, &wanted)?);
            }
            (Event::Move, Some(row)) => {
                let on = line.on.unwrap_or(organizations::EARLIEST);
                let Some(parent) = parent else {
                    return Err(line_error(line, "a move names its new parent"));
                };
                if parent.path.starts_with(&row.path) {
                    return Err(line_error(line, "a unit cannot move under its own subtree"));
                }
                if row.parent_id != Some(parent.id) {
                    let moved = organizations::update(
                        conn,
                        &row,
                        OrganizationChanges {
                            parent: Some((parent.id, parent.path.clone())),
                            ..OrganizationChanges::default()
                        },
                    )?
                    .ok_or(diesel::result::Error::NotFound)?;
                    writes::record(
                        conn,
                        &ctx,
                        Write::event(EntityKind::Organization, moved.id, AuditAction::Move),
                    )?;
                }
                let current = periods::at_or_before(conn, row.id, on)?;
                let wanted = PeriodValues {
                    organization_id: row.id,
                    valid_from: on,
                    name: current
                        .as_ref()
                        .map_or(row.name.clone(), |p| p.name.clone()),
                    kind: row.kind,
                    subkind: current
                        .as_ref()
                        .map_or(row.subkind.clone(), |p| p.subkind.clone()),
                    parent_id: Some(parent.id),
                    decision: line.decision.clone(),
                };
                report.changes_applied += usize::from(put_if_changed(conn, &wanted)?);
            }
            (Event::Close | Event::Merge, Some(row)) => {
                let on = line.on.unwrap_or(organizations::EARLIEST);
                let merged_into = if line.event == Event::Merge {
                    parent.as_ref().map(|p| p.id)
                } else {
                    None
                };
                if row.valid_to != Some(on) || row.merged_into_id != merged_into {
                    let open: Vec<String> = organizations::open_children(conn, row.id, on)?
                        .into_iter()
                        .map(|c| format!("{} {}", c.kind, c.code.unwrap_or(c.name)))
                        .collect();
                    if !open.is_empty() {
                        return Err(line_error(
                            line,
                            format!(
                                "{} {} has open children; close or move them on earlier lines: {}",
                                line.kind,
                                line.code,
                                open.join(", ")
                            ),
                        ));
                    }
                    let closed = organizations::update(
                        conn,
                        &row,
                        OrganizationChanges {
                            closed: Some(Closing {
                                valid_to: on,
                                decision: line.decision.clone(),
                                merged_into,
                            }),
                            ..OrganizationChanges::default()
                        },
                    )?
                    .ok_or(diesel::result::Error::NotFound)?;
                    writes::record(
                        conn,
                        &ctx,
                        Write::event(
                            EntityKind::Organization,
                            closed.id,
                            if merged_into.is_some() {
                                AuditAction::Merge
                            } else {
                                AuditAction::Close
                            },
                        ),
                    )?;
                    report.changes_applied += 1;
                }
            }
        }
    }
    // Each unit's name and subkind now are those of its latest period.
    for (kind, code) in rows.into_keys() {
        let Some(row) = organizations::find_by_code(conn, kind, &code)? else {
            continue;
        };
        if let Some(latest) = periods::latest(conn, row.id)? {
            if latest.name != row.name || latest.subkind != row.subkind {
                organizations::update(
                    conn,
                    &row,
                    OrganizationChanges {
                        name: Some(latest.name.clone()),
                        subkind: latest.subkind.clone(),
                        ..OrganizationChanges::default()
                    },
                )?;
                writes::record(
                    conn,
                    &ctx,
                    Write::event(EntityKind::Organization, row.id, AuditAction::Rename),
                )?;
            }
        }
    }
    if let Some(province) = the_province(conn)? {
        seed_catalogue(conn, province.id, &mut report)?;
    }
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
    fn thanh_hoa_has_27_units_with_their_history() {
        let file = thanh_hoa().unwrap_or_else(|e| panic!("{e:?}"));
        let opened = |kind: OrganizationKind| {
            file.lines
                .iter()
                .filter(|l| l.kind == kind && l.event == Event::Open)
                .count()
        };
        assert_eq!(opened(OrganizationKind::District), 27);
        assert_eq!(opened(OrganizationKind::Center), 27);
        let tinh_gia: Vec<&Line> = file
            .lines
            .iter()
            .filter(|l| l.kind == OrganizationKind::District && l.code == "407")
            .collect();
        assert_eq!(tinh_gia[0].name.as_deref(), Some("Huyện Tĩnh Gia"));
        assert_eq!(tinh_gia[1].name.as_deref(), Some("Thị xã Nghi Sơn"));
        assert_eq!(tinh_gia[1].subkind.as_deref(), Some("town"));
        // Where a date could not be confirmed, the file says so.
        assert!(tinh_gia[1]
            .source
            .as_deref()
            .is_some_and(|s| s.contains("UNCONFIRMED")));
    }
}
