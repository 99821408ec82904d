//! The Vietnamese label of every coded value, in one place: the `string_enum!` declarations give
//! each value its code (the wire, the database) and its label (people). Exports, printed
//! documents and the dashboard show labels; JSON keeps codes. `GET /labels` serves [`all`], and
//! the OpenAPI document describes each value with its label.

/// An enum whose values have Vietnamese labels (every `string_enum!`).
pub trait Labelled {
    /// The type's name, as in the OpenAPI document's schemas.
    const NAME: &'static str;
    /// (code, label) of every value, in declaration order.
    const LABELS: &'static [(&'static str, &'static str)];
}

fn entry<T: Labelled>() -> (&'static str, &'static [(&'static str, &'static str)]) {
    (T::NAME, T::LABELS)
}

/// Every labelled enum of the domain, by name. A test checks that none is missing.
pub fn all() -> Vec<(&'static str, &'static [(&'static str, &'static str)])> {
    use crate::{access, changes, learners, organizations, plans, programs, teaching, webhooks};
    vec![
        entry::<access::Role>(),
        entry::<access::ClientAccess>(),
        entry::<access::Permission>(),
        entry::<changes::EntityKind>(),
        entry::<changes::ChangeOp>(),
        entry::<changes::AuditAction>(),
        entry::<learners::PartyStatus>(),
        entry::<learners::Gender>(),
        entry::<learners::EnrollmentStatus>(),
        entry::<learners::EnrollmentAction>(),
        entry::<learners::AttendanceStatus>(),
        entry::<learners::Conduct>(),
        entry::<organizations::OrganizationKind>(),
        entry::<organizations::DistrictKind>(),
        entry::<organizations::PartyOrganizationKind>(),
        entry::<organizations::CommuneKind>(),
        entry::<plans::PlanStatus>(),
        entry::<plans::PlanStanding>(),
        entry::<plans::FiguresFrom>(),
        entry::<plans::PlanAction>(),
        entry::<programs::ProgramCategory>(),
        entry::<programs::Delivery>(),
        entry::<programs::Credential>(),
        entry::<programs::MembershipRequirement>(),
        entry::<teaching::LecturerKind>(),
        entry::<teaching::Position>(),
        entry::<teaching::ClassMode>(),
        entry::<teaching::ClassStatus>(),
        entry::<teaching::ClassAction>(),
        entry::<teaching::SessionStatus>(),
        entry::<teaching::LessonPlanStatus>(),
        entry::<teaching::LessonPlanAction>(),
        entry::<teaching::ActivityKind>(),
        entry::<webhooks::SubscriptionStatus>(),
        entry::<webhooks::DeliveryKind>(),
        entry::<webhooks::OwnerKind>(),
    ]
}

/// The label of `code` in the enum called `name`, if both exist.
pub fn label_of(name: &str, code: &str) -> Option<&'static str> {
    all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, labels)| labels.iter().find(|(c, _)| *c == code))
        .map(|(_, label)| *label)
}

/// The values and their labels in words, for the OpenAPI document.
pub fn describe(labels: &[(&str, &str)]) -> String {
    let values: Vec<String> = labels
        .iter()
        .map(|(code, label)| format!("`{code}`: {label}"))
        .collect();
    format!("Nhãn tiếng Việt — {}.", values.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `string_enum!` of the domain's sources is listed in [`all`].
    #[test]
    fn every_labelled_enum_is_listed() {
        let sources = [
            include_str!("access.rs"),
            include_str!("changes.rs"),
            include_str!("learners.rs"),
            include_str!("organizations.rs"),
            include_str!("plans.rs"),
            include_str!("programs.rs"),
            include_str!("teaching.rs"),
            include_str!("policies.rs"),
            include_str!("workflow.rs"),
            include_str!("certificates.rs"),
            include_str!("accounts.rs"),
            include_str!("validity.rs"),
            include_str!("text.rs"),
            include_str!("login.rs"),
            include_str!("password.rs"),
            include_str!("webhooks.rs"),
        ];
        let declared: usize = sources
            .iter()
            .map(|s| s.matches("\nstring_enum! {").count())
            .sum();
        let listed = all();
        assert_eq!(declared, listed.len());
        let mut names: Vec<&str> = listed.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), listed.len(), "a name listed twice");
    }

    #[test]
    fn labels_are_nfc_and_never_blank() {
        use unicode_normalization::UnicodeNormalization;
        for (name, labels) in all() {
            for (code, label) in labels {
                assert!(!label.trim().is_empty(), "{name}.{code}");
                assert_eq!(label.nfc().collect::<String>(), *label, "{name}.{code}");
            }
        }
        assert_eq!(
            label_of("ProgramCategory", "party_admission"),
            Some("Bồi dưỡng nhận thức về Đảng")
        );
        assert_eq!(label_of("ProgramCategory", "nope"), None);
    }
}
