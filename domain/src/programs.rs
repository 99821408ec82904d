//! The program catalogue: what centers can teach.

use crate::organizations::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The standard categories of program (`domain.md`, Programs).
    ProgramCategory {
        /// Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng.
        PartyAdmission => "party_admission" / "Bồi dưỡng nhận thức về Đảng",
        /// Chương trình lý luận chính trị dành cho đảng viên mới.
        NewMember => "new_member" / "Chương trình lý luận chính trị cho đảng viên mới",
        /// Sơ cấp lý luận chính trị.
        ElementaryTheory => "elementary_theory" / "Sơ cấp lý luận chính trị",
        /// Trung cấp lý luận chính trị – hành chính.
        IntermediateTheory => "intermediate_theory" / "Trung cấp lý luận chính trị – hành chính",
        /// Bồi dưỡng kiến thức QLNN chương trình chuyên viên.
        StateMgmtSpecialist => "state_mgmt_specialist" / "Quản lý nhà nước ngạch chuyên viên",
        /// Bồi dưỡng kiến thức QLNN chương trình chuyên viên chính.
        StateMgmtPrincipal => "state_mgmt_principal" / "Quản lý nhà nước ngạch chuyên viên chính",
        /// Bồi dưỡng cán bộ dự nguồn.
        ReserveCadre => "reserve_cadre" / "Bồi dưỡng cán bộ dự nguồn",
        /// Nghiệp vụ công tác Đảng.
        PartyWork => "party_work" / "Nghiệp vụ công tác đảng",
        /// Cập nhật kiến thức.
        KnowledgeUpdate => "knowledge_update" / "Cập nhật kiến thức",
        /// Học tập nghị quyết.
        ResolutionStudy => "resolution_study" / "Học tập nghị quyết",
        /// Bồi dưỡng khác.
        Other => "other" / "Bồi dưỡng khác",
    }
}

string_enum! {
    /// Who runs a program's classes.
    Delivery {
        /// The center alone.
        Center => "center" / "Trung tâm tổ chức",
        /// The provincial school with the center (intermediate theory, state management).
        WithSchool => "with_school" / "Phối hợp với Trường Chính trị",
    }
}

string_enum! {
    /// What completing the program earns.
    Credential {
        Certificate => "certificate" / "Giấy chứng nhận",
        Diploma => "diploma" / "Bằng",
        None => "none" / "Không cấp",
    }
}

string_enum! {
    /// Party membership a learner must have to enrol.
    MembershipRequirement {
        /// Must not be a party member (party admission).
        NonMember => "non_member" / "Chưa là đảng viên",
        /// Must be a probationary member admitted within the policy window (new members).
        RecentlyAdmitted => "recently_admitted" / "Đảng viên mới kết nạp",
        /// Must be a party member.
        Member => "member" / "Đảng viên",
    }
}

/// Parameters of a program's eligibility rules. The numbers they refer to (the new-member window,
/// the passing score) are province policies, not fixed here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRule {
    /// Party membership the learner must have, if any.
    #[serde(default)]
    pub membership: Option<MembershipRequirement>,
    /// Every test, not only the average, must reach the passing score (state management).
    #[serde(default)]
    pub every_test_must_pass: bool,
    /// A class carries a term (nhiệm kỳ), e.g. "2020–2025" (reserve cadres).
    #[serde(default)]
    pub term_required: bool,
    /// Attendance only: no assessment (knowledge updates, resolution study).
    #[serde(default)]
    pub attendance_only: bool,
}

/// A topic's or lesson's number of periods must be 1–200.
pub fn valid_periods(periods: i32) -> bool {
    (1..=200).contains(&periods)
}

/// A program's default length must be 1–730 days (intermediate non-concentrated runs to 18 months).
pub fn valid_default_days(days: i32) -> bool {
    (1..=730).contains(&days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_match_the_domain() {
        let codes: Vec<&str> = ProgramCategory::ALL.iter().map(|c| c.as_str()).collect();
        for code in [
            "party_admission",
            "new_member",
            "elementary_theory",
            "intermediate_theory",
            "state_mgmt_specialist",
            "state_mgmt_principal",
            "reserve_cadre",
            "party_work",
            "knowledge_update",
            "resolution_study",
            "other",
        ] {
            assert!(codes.contains(&code), "{code}");
        }
    }

    #[test]
    fn bounds() {
        assert!(!valid_periods(0) && valid_periods(1) && valid_periods(200) && !valid_periods(201));
        assert!(!valid_default_days(0) && valid_default_days(730) && !valid_default_days(731));
    }
}
