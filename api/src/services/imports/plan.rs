//! The plan of an import: what each row creates, updates or leaves, and the errors that stop it.

use super::*;
use crate::error::{ApiError, FieldError};
use crate::services::learners::{self as learners_service};
use centers_db::{ClassId, EnrollmentId, LearnerId, OrganizationId};
use centers_domain::learners::{check_eligibility, Applicant, PartyStatus};
use centers_domain::teaching::ClassStatus;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A nomination the import makes.
pub(crate) struct Nomination {
    pub(crate) id: EnrollmentId,
    pub(crate) class: ClassId,
    pub(crate) learner: LearnerId,
    pub(crate) organization: OrganizationId,
}

/// The plan of an import: what each row does, and the errors that stop it.
pub(crate) struct Plan {
    pub(crate) learners: Vec<Target>,
    pub(crate) nominations: Vec<Nomination>,
    pub(crate) outcomes: Vec<RowOutcome>,
    pub(crate) errors: Vec<FieldError>,
}

pub(crate) fn plan(parsed: Vec<Result<ParsedRow, Vec<FieldError>>>, known: &Known) -> Plan {
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
        // Who the row's learner is, for the eligibility of its nomination below.
        let applicant = Applicant {
            // Parsed by `learners_service::checked` already: a stored code.
            status: columns
                .party_status
                .parse()
                .unwrap_or(PartyStatus::NonMember),
            birth: columns.birth_date,
            admission: columns.admission_date,
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
            } else if let Some(Err(why)) = known.eligibility.get(&class.id).map(|(rule, window)| {
                check_eligibility(rule, &applicant, class.start_date, *window)
            }) {
                // The same rules as an approval (`enrollments::step`), on the row's own columns.
                fail(vec![FieldError::new(
                    why.field,
                    "not_eligible",
                    why.message,
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
