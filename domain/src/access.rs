//! Roles and permissions: who may do what. The *where* (an organization and its subtree) is
//! enforced by the queries; this module answers only whether a role may do a kind of thing at all.

use crate::organizations::{string_enum, OrganizationKind};
use crate::plans::PlanAction;

string_enum! {
    /// A user's role. A user's scope is one organization and its subtree.
    Role {
        /// The provincial school's administrators: everything in the province.
        ProvinceAdmin => "province_admin",
        /// Dashboards: read everything in the province, change nothing.
        ProvinceViewer => "province_viewer",
        /// One center's administrators: plans, classes, learners, its party organizations.
        CenterAdmin => "center_admin",
        /// A lecturer of a center: own lesson plans, own sessions, own activities.
        Lecturer => "lecturer",
        /// A party organization: nominates learners, reads its learners' results.
        PartyOrg => "party_org",
    }
}

string_enum! {
    /// What a service client may do inside its scope.
    ClientAccess {
        ReadOnly => "read_only",
        ReadWrite => "read_write",
    }
}

string_enum! {
    /// A kind of action. Handlers state the permission they need and the organization it applies to.
    Permission {
        /// Read organizations, centers, districts.
        ReadOrganizations => "read_organizations",
        /// Create, edit and delete party organizations.
        ManagePartyOrganizations => "manage_party_organizations",
        /// Create and edit user accounts (subject to [`Role::may_manage`]).
        ManageUsers => "manage_users",
        /// Create and revoke service clients.
        ManageClients => "manage_clients",
        /// Read the audit log.
        ReadAuditLog => "read_audit_log",
        /// Read the program catalogue and the policies in force.
        ReadCatalogue => "read_catalogue",
        /// Create, edit and retire programs; add policy versions.
        ManageCatalogue => "manage_catalogue",
        /// Read training plans and plan reports.
        ReadPlans => "read_plans",
        /// Grant center admins the right to record a district's plan approval.
        ManageApprovalGrants => "manage_approval_grants",
        /// Read lecturers, classes, timetables and lesson plans.
        ReadTeaching => "read_teaching",
        /// Manage lecturers, classes and timetables.
        ManageTeaching => "manage_teaching",
        /// Write lesson plans (a lecturer: only their own).
        WriteLessonPlans => "write_lesson_plans",
        /// Appraise, approve or return lesson plans (never one's own).
        ReviewLessonPlans => "review_lesson_plans",
        /// Read learners and enrollments (personal data, always within the scope).
        ReadLearners => "read_learners",
        /// Record and correct learners; nominate them for classes.
        ManageLearners => "manage_learners",
        /// See learners' national ids whole (others see the last four digits).
        ReadNationalIds => "read_national_ids",
        /// Vet nominations: approve, reject, enroll, withdraw.
        VetEnrollments => "vet_enrollments",
    }
}

/// Who is acting: a person with a role, or a service client with an access level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Principal {
    User(Role),
    Client(ClientAccess),
}

impl Principal {
    /// Whether this principal may perform `permission` somewhere inside its scope.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Principal::User(role) => match permission {
                ReadOrganizations => true,
                ManagePartyOrganizations => {
                    matches!(role, Role::ProvinceAdmin | Role::CenterAdmin)
                }
                ManageUsers => matches!(role, Role::ProvinceAdmin | Role::CenterAdmin),
                ManageClients | ReadAuditLog | ManageCatalogue | ManageApprovalGrants => {
                    role == Role::ProvinceAdmin
                }
                ReadCatalogue => true,
                ReadPlans | ReadTeaching => role != Role::PartyOrg,
                ManageTeaching | ReviewLessonPlans => {
                    matches!(role, Role::ProvinceAdmin | Role::CenterAdmin)
                }
                WriteLessonPlans => {
                    matches!(
                        role,
                        Role::ProvinceAdmin | Role::CenterAdmin | Role::Lecturer
                    )
                }
                ReadLearners => true,
                ManageLearners => {
                    matches!(
                        role,
                        Role::ProvinceAdmin | Role::CenterAdmin | Role::PartyOrg
                    )
                }
                ReadNationalIds | VetEnrollments => {
                    matches!(role, Role::ProvinceAdmin | Role::CenterAdmin)
                }
            },
            Principal::Client(access) => match permission {
                ReadOrganizations | ReadCatalogue | ReadPlans | ReadTeaching | ReadLearners => true,
                ManagePartyOrganizations | ManageTeaching | ManageLearners => {
                    access == ClientAccess::ReadWrite
                }
                ManageUsers | ManageClients | ReadAuditLog | ManageCatalogue
                | ManageApprovalGrants | WriteLessonPlans | ReviewLessonPlans | ReadNationalIds
                | VetEnrollments => false,
            },
        }
    }

    /// Every permission this principal holds, for `GET /me`.
    pub fn permissions(self) -> Vec<Permission> {
        Permission::ALL
            .iter()
            .copied()
            .filter(|p| self.may(*p))
            .collect()
    }
}

/// What a caller asks to do, with the facts the decision needs. Whether the record is inside the
/// caller's scope is not among them: a scoped query has already answered 404 if it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Anything one permission covers: reading, or managing users, clients, the catalogue,
    /// grants or party organizations.
    Use(Permission),
    /// Create a center's plan, change its note or its lines.
    EditPlan {
        /// The caller is an administrator of the plan's own center.
        of_own_center: bool,
    },
    /// Take a workflow step on a plan.
    StepPlan {
        action: PlanAction,
        of_own_center: bool,
        /// The caller holds an approval grant for the plan's district.
        holds_approval_grant: bool,
    },
}

/// Why an action is refused (a 403).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

impl Principal {
    /// The one authorization call: may this principal do `action`?
    pub fn authorize(self, action: Action) -> Result<(), Refusal> {
        let allowed = match action {
            Action::Use(permission) => self.may(permission),
            Action::EditPlan { of_own_center } => {
                of_own_center && self == Principal::User(Role::CenterAdmin)
            }
            Action::StepPlan {
                action,
                of_own_center,
                holds_approval_grant,
            } => {
                use PlanAction as A;
                match self {
                    Principal::User(Role::ProvinceAdmin) => {
                        matches!(action, A::Appraise | A::Return | A::Approve)
                    }
                    Principal::User(Role::CenterAdmin) if of_own_center => match action {
                        A::Submit | A::Revise => true,
                        A::Approve => holds_approval_grant,
                        A::Appraise | A::Return => false,
                    },
                    _ => false,
                }
            }
        };
        if allowed {
            return Ok(());
        }
        Err(Refusal(match action {
            Action::Use(permission) => format!(
                "your role does not allow {}",
                permission.as_str().replace('_', " ")
            ),
            Action::EditPlan { .. } => "only the center's administrators edit its plan".into(),
            Action::StepPlan { action, .. } => format!("your role cannot {action} this plan"),
        }))
    }
}

impl Role {
    /// The kinds of organization a user of this role can be scoped to.
    pub fn scope_kinds(self) -> &'static [OrganizationKind] {
        match self {
            Role::ProvinceAdmin | Role::ProvinceViewer => &[OrganizationKind::Province],
            Role::CenterAdmin | Role::Lecturer => &[OrganizationKind::Center],
            Role::PartyOrg => &[OrganizationKind::PartyOrganization],
        }
    }

    /// Whether a user of this role may create or change an account of role `target`.
    /// A province admin manages everyone; a center admin only lecturers and party organizations.
    pub fn may_manage(self, target: Role) -> bool {
        match self {
            Role::ProvinceAdmin => true,
            Role::CenterAdmin => matches!(target, Role::Lecturer | Role::PartyOrg),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_read_but_never_write() {
        let viewer = Principal::User(Role::ProvinceViewer);
        assert!(viewer.may(Permission::ReadOrganizations));
        assert!(!viewer.may(Permission::ManagePartyOrganizations));
        assert!(!viewer.may(Permission::ManageUsers));
        assert!(!viewer.may(Permission::ReadAuditLog));
    }

    #[test]
    fn center_admin_manages_only_lecturers_and_party_orgs() {
        assert!(Role::CenterAdmin.may_manage(Role::Lecturer));
        assert!(Role::CenterAdmin.may_manage(Role::PartyOrg));
        assert!(!Role::CenterAdmin.may_manage(Role::CenterAdmin));
        assert!(!Role::CenterAdmin.may_manage(Role::ProvinceAdmin));
        assert!(Role::ProvinceAdmin.may_manage(Role::ProvinceAdmin));
        assert!(!Role::Lecturer.may_manage(Role::Lecturer));
    }

    #[test]
    fn roles_fit_their_scope_kind() {
        assert_eq!(
            Role::ProvinceAdmin.scope_kinds(),
            &[OrganizationKind::Province]
        );
        assert_eq!(Role::Lecturer.scope_kinds(), &[OrganizationKind::Center]);
        assert_eq!(
            Role::PartyOrg.scope_kinds(),
            &[OrganizationKind::PartyOrganization]
        );
    }

    #[test]
    fn clients_follow_their_access_level() {
        let ro = Principal::Client(ClientAccess::ReadOnly);
        let rw = Principal::Client(ClientAccess::ReadWrite);
        assert!(ro.may(Permission::ReadOrganizations));
        assert!(!ro.may(Permission::ManagePartyOrganizations));
        assert!(rw.may(Permission::ManagePartyOrganizations));
        assert!(!rw.may(Permission::ManageUsers));
    }

    #[test]
    fn who_may_act_on_plans() {
        use PlanAction as A;
        let center = Principal::User(Role::CenterAdmin);
        let step = |p: Principal, action, own, grant| {
            p.authorize(Action::StepPlan {
                action,
                of_own_center: own,
                holds_approval_grant: grant,
            })
            .is_ok()
        };
        assert!(step(center, A::Submit, true, false) && step(center, A::Revise, true, false));
        assert!(
            !step(center, A::Submit, false, false),
            "another center's plan"
        );
        assert!(!step(center, A::Approve, true, false) && step(center, A::Approve, true, true));
        assert!(!step(center, A::Appraise, true, true) && !step(center, A::Return, true, true));
        let province = Principal::User(Role::ProvinceAdmin);
        for a in [A::Appraise, A::Return, A::Approve] {
            assert!(step(province, a, false, false));
        }
        assert!(
            !step(province, A::Submit, false, false) && !step(province, A::Revise, false, false)
        );
        for p in [
            Principal::User(Role::ProvinceViewer),
            Principal::User(Role::Lecturer),
            Principal::User(Role::PartyOrg),
            Principal::Client(ClientAccess::ReadWrite),
        ] {
            for a in A::ALL {
                assert!(!step(p, *a, true, true), "{p:?} {a}");
            }
            assert!(p
                .authorize(Action::EditPlan {
                    of_own_center: true
                })
                .is_err());
        }
        assert!(center
            .authorize(Action::EditPlan {
                of_own_center: true
            })
            .is_ok());
        assert!(center
            .authorize(Action::EditPlan {
                of_own_center: false
            })
            .is_err());
        assert!(province
            .authorize(Action::EditPlan {
                of_own_center: true
            })
            .is_err());
    }

    #[test]
    fn only_province_admin_reads_audit_log() {
        for role in Role::ALL {
            assert_eq!(
                Principal::User(*role).may(Permission::ReadAuditLog),
                *role == Role::ProvinceAdmin
            );
        }
    }
}
