//! Learners (học viên), their nomination by grassroots party organizations, vetting and
//! enrollment. One enrollment is one "lượt học viên", what the province counts.

use crate::organizations::string_enum;
use crate::programs::{EligibilityRule, MembershipRequirement};
use crate::workflow::{Step, Workflow};
use chrono::{Months, NaiveDate};

string_enum! {
    /// A learner's standing in the party.
    PartyStatus {
        NonMember => "non_member",
        /// Đảng viên dự bị.
        Probationary => "probationary",
        /// Đảng viên chính thức.
        FullMember => "full_member",
    }
}

string_enum! {
    Gender {
        Male => "male",
        Female => "female",
    }
}

/// A national id (căn cước công dân): exactly 12 digits.
pub fn parse_national_id(raw: &str) -> Option<String> {
    let t = raw.trim();
    (t.len() == 12 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.to_owned())
}

/// A national id as shown to those who may not see it whole: the last four digits.
pub fn mask_national_id(id: &str) -> String {
    let tail: String = id
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("********{tail}")
}

/// Members have an admission date and non-members none.
pub fn check_party_status(
    status: PartyStatus,
    admission: Option<NaiveDate>,
) -> Result<(), &'static str> {
    match (status, admission) {
        (PartyStatus::NonMember, Some(_)) => Err("a non-member has no admission date"),
        (PartyStatus::Probationary | PartyStatus::FullMember, None) => {
            Err("a party member's admission date is required")
        }
        _ => Ok(()),
    }
}

/// Whether a learner may attend a class of a program starting on `class_start`, under the
/// program's eligibility rule and the policy's new-member window (months). `Err` says why not.
pub fn check_eligibility(
    rule: &EligibilityRule,
    status: PartyStatus,
    admission: Option<NaiveDate>,
    class_start: NaiveDate,
    new_member_window_months: i32,
) -> Result<(), String> {
    match rule.membership {
        None => Ok(()),
        Some(MembershipRequirement::NonMember) => match status {
            PartyStatus::NonMember => Ok(()),
            _ => Err("the program is for people who are not yet party members".into()),
        },
        Some(MembershipRequirement::Member) => match status {
            PartyStatus::NonMember => Err("the program is for party members".into()),
            _ => Ok(()),
        },
        Some(MembershipRequirement::RecentlyAdmitted) => {
            let Some(admitted) = admission.filter(|_| status == PartyStatus::Probationary) else {
                return Err("the program is for probationary party members".into());
            };
            let months = u32::try_from(new_member_window_months).unwrap_or(0);
            let earliest = class_start
                .checked_sub_months(Months::new(months))
                .unwrap_or(NaiveDate::MIN);
            if admitted < earliest || admitted > class_start {
                return Err(format!(
                    "admitted on {admitted}: the program takes members admitted within {months} months before the class starts ({earliest} – {class_start})"
                ));
            }
            Ok(())
        }
    }
}

string_enum! {
    /// Where an enrollment is.
    EnrollmentStatus {
        Nominated => "nominated",
        Approved => "approved",
        Rejected => "rejected",
        Enrolled => "enrolled",
        Completed => "completed",
        Failed => "failed",
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// A step of an enrollment, taken by `POST /enrollments/{id}/<action>`.
    EnrollmentAction {
        Approve => "approve",
        Reject => "reject",
        Enroll => "enroll",
        Withdraw => "withdraw",
    }
}

impl EnrollmentStatus {
    /// Whether the enrollment holds a seat of the class.
    pub fn holds_seat(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Approved
                | EnrollmentStatus::Enrolled
                | EnrollmentStatus::Completed
                | EnrollmentStatus::Failed
        )
    }
}

/// The enrollment workflow: `nominated → approved | rejected → enrolled → completed | failed |
/// withdrawn` (completion comes with the class's results).
pub struct EnrollmentWorkflow;

impl Workflow for EnrollmentWorkflow {
    const ENTITY: &'static str = "enrollment";
    type State = EnrollmentStatus;
    type Action = EnrollmentAction;
    const ACTIONS: &'static [EnrollmentAction] = EnrollmentAction::ALL;
    const TABLE: &'static [(EnrollmentStatus, EnrollmentAction, Step<EnrollmentStatus>)] = {
        use EnrollmentAction as A;
        use EnrollmentStatus as S;
        use Step::To;
        &[
            (S::Nominated, A::Approve, To(S::Approved)),
            (S::Nominated, A::Reject, To(S::Rejected)),
            (S::Approved, A::Enroll, To(S::Enrolled)),
            (S::Approved, A::Withdraw, To(S::Withdrawn)),
            (S::Enrolled, A::Withdraw, To(S::Withdrawn)),
        ]
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::step;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn rule(m: Option<MembershipRequirement>) -> EligibilityRule {
        EligibilityRule {
            membership: m,
            ..EligibilityRule::default()
        }
    }

    #[test]
    fn national_ids_are_twelve_digits_and_masked() {
        assert_eq!(
            parse_national_id(" 038090001234 "),
            Some("038090001234".into())
        );
        assert_eq!(parse_national_id("03809000123"), None);
        assert_eq!(parse_national_id("03809000123x"), None);
        assert_eq!(mask_national_id("038090001234"), "********1234");
    }

    #[test]
    fn eligibility_at_its_edges() {
        let admission = rule(Some(MembershipRequirement::NonMember));
        assert!(
            check_eligibility(&admission, PartyStatus::NonMember, None, d(2026, 3, 1), 12).is_ok()
        );
        assert!(check_eligibility(
            &admission,
            PartyStatus::Probationary,
            Some(d(2026, 1, 1)),
            d(2026, 3, 1),
            12
        )
        .is_err());
        let new_member = rule(Some(MembershipRequirement::RecentlyAdmitted));
        let start = d(2026, 3, 1);
        assert!(check_eligibility(
            &new_member,
            PartyStatus::Probationary,
            Some(d(2025, 3, 1)),
            start,
            12
        )
        .is_ok());
        assert!(check_eligibility(
            &new_member,
            PartyStatus::Probationary,
            Some(d(2025, 2, 28)),
            start,
            12
        )
        .is_err());
        assert!(check_eligibility(
            &new_member,
            PartyStatus::FullMember,
            Some(d(2025, 12, 1)),
            start,
            12
        )
        .is_err());
        assert!(check_eligibility(
            &rule(None),
            PartyStatus::FullMember,
            Some(d(2000, 1, 1)),
            start,
            12
        )
        .is_ok());
        assert!(check_party_status(PartyStatus::NonMember, Some(start)).is_err());
        assert!(check_party_status(PartyStatus::FullMember, None).is_err());
    }

    #[test]
    fn enrollment_workflow() {
        assert_eq!(
            step::<EnrollmentWorkflow>(EnrollmentStatus::Nominated, EnrollmentAction::Approve),
            Ok(Step::To(EnrollmentStatus::Approved))
        );
        assert!(
            step::<EnrollmentWorkflow>(EnrollmentStatus::Rejected, EnrollmentAction::Enroll)
                .is_err()
        );
        assert!(EnrollmentStatus::Approved.holds_seat());
        assert!(!EnrollmentStatus::Nominated.holds_seat());
    }
}
