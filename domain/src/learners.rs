//! Learners (học viên), their nomination by grassroots party organizations, vetting and
//! enrollment. One enrollment is one "lượt học viên", what the province counts.

use crate::changes::AuditAction;
use crate::organizations::string_enum;
use crate::programs::{EligibilityRule, MembershipRequirement};
use crate::workflow::{Step, Workflow};
use chrono::{Months, NaiveDate};

string_enum! {
    /// A learner's standing in the party.
    PartyStatus {
        NonMember => "non_member" / "Quần chúng",
        /// Đảng viên dự bị.
        Probationary => "probationary" / "Đảng viên dự bị",
        /// Đảng viên chính thức.
        FullMember => "full_member" / "Đảng viên chính thức",
    }
}

string_enum! {
    Gender {
        Male => "male" / "Nam",
        Female => "female" / "Nữ",
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

/// The age from which a person may be admitted to the party (Điều lệ Đảng, Điều 1: từ mười tám
/// tuổi): a rule of the Party's statute, not a province policy.
pub const ADMISSION_AGE: u32 = 18;

/// The day a person born on `birth` turns `years` (a 29 February birthday falls on 28 February
/// in other years).
pub fn birthday(birth: NaiveDate, years: u32) -> NaiveDate {
    birth
        .checked_add_months(Months::new(years * 12))
        .unwrap_or(NaiveDate::MAX)
}

/// Members have an admission date, on or after their 18th birthday; non-members none.
pub fn check_party_status(
    status: PartyStatus,
    birth: NaiveDate,
    admission: Option<NaiveDate>,
) -> Result<(), String> {
    match (status, admission) {
        (PartyStatus::NonMember, Some(_)) => Err("a non-member has no admission date".into()),
        (PartyStatus::Probationary | PartyStatus::FullMember, None) => {
            Err("a party member's admission date is required".into())
        }
        (_, Some(admitted)) if admitted < birthday(birth, ADMISSION_AGE) => Err(format!(
            "admitted on {admitted}, before the {ADMISSION_AGE}th birthday ({})",
            birthday(birth, ADMISSION_AGE)
        )),
        _ => Ok(()),
    }
}

/// Who applies for a class, as eligibility sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applicant {
    pub status: PartyStatus,
    pub birth: NaiveDate,
    pub admission: Option<NaiveDate>,
}

/// Why a learner may not attend a class, naming the learner's field the rule is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ineligible {
    /// `party_status`, `birth_date` or `admission_date`.
    pub field: &'static str,
    pub message: String,
}

/// Whether a learner may attend a class of a program starting on `class_start`, under the
/// program's eligibility rule and the policy's new-member window (months). A party-admission
/// learner (non-members only) is at least 18 on the class's first day (rule); a new member was
/// admitted on or after their 18th birthday and within the window (policy). `Err` names the
/// learner's field and says why.
pub fn check_eligibility(
    rule: &EligibilityRule,
    who: &Applicant,
    class_start: NaiveDate,
    new_member_window_months: i32,
) -> Result<(), Ineligible> {
    let no = |field: &'static str, message: String| Err(Ineligible { field, message });
    match rule.membership {
        None => Ok(()),
        Some(MembershipRequirement::NonMember) => {
            if who.status != PartyStatus::NonMember {
                return no(
                    "party_status",
                    "the program is for people who are not yet party members".into(),
                );
            }
            let adult = birthday(who.birth, ADMISSION_AGE);
            if adult > class_start {
                return no(
                    "birth_date",
                    format!(
                        "a party-admission learner is {ADMISSION_AGE} on the class's first day ({class_start}); this one turns {ADMISSION_AGE} on {adult}"
                    ),
                );
            }
            Ok(())
        }
        Some(MembershipRequirement::Member) => match who.status {
            PartyStatus::NonMember => no("party_status", "the program is for party members".into()),
            _ => Ok(()),
        },
        Some(MembershipRequirement::RecentlyAdmitted) => {
            let Some(admitted) = who
                .admission
                .filter(|_| who.status == PartyStatus::Probationary)
            else {
                return no(
                    "party_status",
                    "the program is for probationary party members".into(),
                );
            };
            if let Err(message) = check_party_status(who.status, who.birth, who.admission) {
                return no("admission_date", message);
            }
            let months = u32::try_from(new_member_window_months).unwrap_or(0);
            let earliest = class_start
                .checked_sub_months(Months::new(months))
                .unwrap_or(NaiveDate::MIN);
            if admitted < earliest || admitted > class_start {
                return no(
                    "admission_date",
                    format!(
                        "admitted on {admitted}: the program takes members admitted within {months} months before the class starts ({earliest} – {class_start})"
                    ),
                );
            }
            Ok(())
        }
    }
}

string_enum! {
    /// Where an enrollment is.
    EnrollmentStatus {
        Nominated => "nominated" / "Được cử đi học",
        Approved => "approved" / "Được duyệt",
        Rejected => "rejected" / "Không được duyệt",
        Enrolled => "enrolled" / "Đang học",
        Completed => "completed" / "Hoàn thành",
        Failed => "failed" / "Không đạt",
        Withdrawn => "withdrawn" / "Thôi học",
    }
}

string_enum! {
    /// A step of an enrollment, taken by `POST /enrollments/{id}/<action>`.
    EnrollmentAction {
        Approve => "approve" / "Duyệt",
        Reject => "reject" / "Không duyệt",
        Enroll => "enroll" / "Nhập học",
        Withdraw => "withdraw" / "Thôi học",
    }
}

impl EnrollmentStatus {
    /// Whether the enrollment counts as a learner-enrollment (lượt học viên) in the province's
    /// figures: the learner took part in the class. Nominated, approved, rejected and withdrawn
    /// ones do not.
    pub fn counts_as_enrollment(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Enrolled | EnrollmentStatus::Completed | EnrollmentStatus::Failed
        )
    }

    /// Whether the enrollment was settled by the class's completion (passed or not).
    pub fn is_finished(self) -> bool {
        matches!(self, EnrollmentStatus::Completed | EnrollmentStatus::Failed)
    }

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
    fn audit_action(action: EnrollmentAction) -> AuditAction {
        match action {
            EnrollmentAction::Approve => AuditAction::Approve,
            EnrollmentAction::Reject => AuditAction::Reject,
            EnrollmentAction::Enroll => AuditAction::Enroll,
            EnrollmentAction::Withdraw => AuditAction::Withdraw,
        }
    }
}

string_enum! {
    /// A learner's presence at a session.
    AttendanceStatus {
        Present => "present" / "Có mặt",
        /// Absent with leave (vắng có phép): still absent for the attendance ratio.
        Excused => "excused" / "Vắng có phép",
        Absent => "absent" / "Vắng không phép",
    }
}

string_enum! {
    /// Ý thức chấp hành: Tốt / Khá / Trung bình / Yếu.
    Conduct {
        Good => "good" / "Tốt",
        Fair => "fair" / "Khá",
        Average => "average" / "Trung bình",
        Poor => "poor" / "Yếu",
    }
}

/// Share of the class's taught periods the learner was present for; `None` before any period.
pub fn attendance_ratio(present_periods: i64, taught_periods: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let ratio = (taught_periods > 0)
        .then(|| ((present_periods as f64 / taught_periods as f64) * 10_000.0).round() / 10_000.0);
    ratio
}

/// A score on the scale of 10 with at most one decimal, as tenths.
pub fn score_tenths(value: f64) -> Option<i32> {
    let tenths = (value * 10.0).round();
    (value.is_finite() && ((value * 10.0) - tenths).abs() < 1e-9 && (0.0..=100.0).contains(&tenths))
        .then_some(tenths as i32)
}

/// What a result may hold under the policy: a score only with enough attendance; a retake only
/// after a failed first score and while the policy allows one. `Err` names the field and why.
pub fn check_result(
    score: Option<i32>,
    retake: Option<i32>,
    ratio: Option<f64>,
    policy: &crate::policies::PolicySet,
) -> Result<(), (&'static str, String)> {
    if score.is_some() || retake.is_some() {
        let attended = ratio.unwrap_or(0.0);
        if attended < policy.min_attendance_ratio {
            return Err((
                "score",
                format!(
                    "attendance is {:.0} % of the periods taught, below the policy's {:.0} %: no final score",
                    attended * 100.0,
                    policy.min_attendance_ratio * 100.0
                ),
            ));
        }
    }
    if retake.is_some() {
        let passing = (policy.passing_score * 10.0).round() as i32;
        match score {
            None => return Err(("retake_score", "a retake follows a first score".into())),
            Some(s) if s >= passing => {
                return Err((
                    "retake_score",
                    "only a failed first score is retaken".into(),
                ))
            }
            Some(_) if policy.retake_limit < 1 => {
                return Err(("retake_score", "the policy allows no retake".into()))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The score that counts: the retake's, if any, else the first.
pub fn final_score(score: Option<i32>, retake: Option<i32>) -> Option<i32> {
    retake.or(score)
}

/// How an enrolled learner leaves a completed class: completed when they attended enough and
/// (unless the program is attendance-only) their final score passes; failed otherwise.
pub fn outcome(
    attendance_only: bool,
    ratio: Option<f64>,
    final_tenths: Option<i32>,
    policy: &crate::policies::PolicySet,
) -> EnrollmentStatus {
    let attended = ratio.is_some_and(|r| r >= policy.min_attendance_ratio);
    let passing = (policy.passing_score * 10.0).round() as i32;
    let passed = attendance_only || final_tenths.is_some_and(|s| s >= passing);
    if attended && passed {
        EnrollmentStatus::Completed
    } else {
        EnrollmentStatus::Failed
    }
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
    fn only_enrollments_that_took_part_are_counted() {
        let counted: Vec<_> = EnrollmentStatus::ALL
            .iter()
            .filter(|s| s.counts_as_enrollment())
            .map(|s| s.as_str())
            .collect();
        assert_eq!(counted, ["enrolled", "completed", "failed"]);
        let finished: Vec<_> = EnrollmentStatus::ALL
            .iter()
            .filter(|s| s.is_finished())
            .map(|s| s.as_str())
            .collect();
        assert_eq!(finished, ["completed", "failed"]);
        assert!(!EnrollmentStatus::Withdrawn.counts_as_enrollment());
        assert!(EnrollmentStatus::Approved.holds_seat());
        assert!(!EnrollmentStatus::Approved.counts_as_enrollment());
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
        let who = |status, birth, admission| Applicant {
            status,
            birth,
            admission,
        };
        let field = |r: Result<(), Ineligible>| r.map_err(|e| e.field);
        let admission = rule(Some(MembershipRequirement::NonMember));
        let start = d(2026, 3, 1);
        let adult = who(PartyStatus::NonMember, d(2008, 3, 1), None);
        assert_eq!(
            field(check_eligibility(&admission, &adult, start, 12)),
            Ok(())
        );
        // Eighteen the day after the class starts: too young.
        let minor = who(PartyStatus::NonMember, d(2008, 3, 2), None);
        assert_eq!(
            field(check_eligibility(&admission, &minor, start, 12)),
            Err("birth_date")
        );
        let member = who(
            PartyStatus::Probationary,
            d(1990, 1, 1),
            Some(d(2026, 1, 1)),
        );
        assert_eq!(
            field(check_eligibility(&admission, &member, start, 12)),
            Err("party_status")
        );
        let new_member = rule(Some(MembershipRequirement::RecentlyAdmitted));
        let admitted = |on| who(PartyStatus::Probationary, d(1990, 1, 1), Some(on));
        assert_eq!(
            field(check_eligibility(
                &new_member,
                &admitted(d(2025, 3, 1)),
                start,
                12
            )),
            Ok(())
        );
        assert_eq!(
            field(check_eligibility(
                &new_member,
                &admitted(d(2025, 2, 28)),
                start,
                12
            )),
            Err("admission_date")
        );
        // Admitted before turning 18: refused, whatever the window.
        let early = who(
            PartyStatus::Probationary,
            d(2007, 6, 1),
            Some(d(2025, 5, 31)),
        );
        assert_eq!(
            field(check_eligibility(&new_member, &early, start, 12)),
            Err("admission_date")
        );
        let full = who(PartyStatus::FullMember, d(1990, 1, 1), Some(d(2025, 12, 1)));
        assert_eq!(
            field(check_eligibility(&new_member, &full, start, 12)),
            Err("party_status")
        );
        assert_eq!(
            field(check_eligibility(
                &rule(None),
                &who(PartyStatus::FullMember, d(1970, 1, 1), Some(d(2000, 1, 1))),
                start,
                12
            )),
            Ok(())
        );
        let born = d(2000, 2, 29);
        assert_eq!(birthday(born, 18), d(2018, 2, 28));
        assert!(check_party_status(PartyStatus::NonMember, born, Some(start)).is_err());
        assert!(check_party_status(PartyStatus::FullMember, born, None).is_err());
        assert!(check_party_status(PartyStatus::FullMember, born, Some(d(2018, 2, 27))).is_err());
        assert!(check_party_status(PartyStatus::FullMember, born, Some(d(2018, 2, 28))).is_ok());
    }

    #[test]
    fn results_at_their_edges() {
        let policy = crate::policies::PolicySet::standard();
        assert_eq!(score_tenths(6.5), Some(65));
        assert_eq!(score_tenths(6.55), None);
        assert_eq!(score_tenths(10.1), None);
        assert_eq!(attendance_ratio(8, 10), Some(0.8));
        assert!(check_result(Some(70), None, Some(0.8), &policy).is_ok());
        assert_eq!(
            check_result(Some(70), None, Some(0.79), &policy).map_err(|e| e.0),
            Err("score")
        );
        assert!(check_result(Some(45), Some(60), Some(0.9), &policy).is_ok());
        assert_eq!(
            check_result(Some(50), Some(60), Some(0.9), &policy).map_err(|e| e.0),
            Err("retake_score")
        );
        assert_eq!(final_score(Some(45), Some(60)), Some(60));
        assert_eq!(
            outcome(false, Some(0.9), Some(50), &policy),
            EnrollmentStatus::Completed
        );
        assert_eq!(
            outcome(false, Some(0.9), Some(49), &policy),
            EnrollmentStatus::Failed
        );
        assert_eq!(
            outcome(false, Some(0.7), Some(90), &policy),
            EnrollmentStatus::Failed
        );
        assert_eq!(
            outcome(true, Some(0.8), None, &policy),
            EnrollmentStatus::Completed
        );
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
