//! Roles and permissions: who may do what. The *where* (an organization and its subtree) is
//! enforced by the queries; this module answers only whether a role may do a kind of thing at all.

use crate::organizations::{string_enum, OrganizationKind};
use crate::plans::PlanAction;

string_enum! {
    /// A user's role. A user's scope is one organization and its subtree.
    Role {
        /// The provincial school's administrators: everything in the province.
        ProvinceAdmin => "province_admin" / "Quản trị cấp tỉnh (Trường Chính trị)",
        /// Dashboards: read everything in the province, change nothing.
        ProvinceViewer => "province_viewer" / "Xem số liệu cấp tỉnh",
        /// One center's administrators: plans, classes, learners, its party organizations.
        CenterAdmin => "center_admin" / "Quản trị trung tâm",
        /// A lecturer of a center: own lesson plans, own sessions, own activities.
        Lecturer => "lecturer" / "Giảng viên",
        /// A party organization: nominates learners, reads its learners' results.
        PartyOrg => "party_org" / "Tổ chức cơ sở đảng",
        /// The standing committee (ban thường vụ) of the party committee that governs the
        /// centers of its unit (the district's until 2025): approves or returns their appraised
        /// plans, reads everything of them, changes nothing else.
        Committee => "committee" / "Ban Thường vụ cấp ủy",
        /// The province's propaganda board (ban tuyên giáo), which oversees the network: reads
        /// every plan, class and report of the province, personal data masked; changes nothing.
        Oversight => "oversight" / "Ban Tuyên giáo (giám sát)",
    }
}

string_enum! {
    /// What a service client may do inside its scope.
    ClientAccess {
        ReadOnly => "read_only" / "Chỉ đọc",
        ReadWrite => "read_write" / "Đọc và ghi",
    }
}

string_enum! {
    /// A kind of action. Handlers state the permission they need and the organization it applies to.
    Permission {
        /// Read organizations, centers, districts.
        ReadOrganizations => "read_organizations" / "Xem tổ chức",
        /// Create, edit and delete party organizations.
        ManagePartyOrganizations => "manage_party_organizations" / "Quản lý tổ chức đảng",
        /// Open, rename, move, close and merge units of the tree (the province's administrators).
        ManageOrganizations => "manage_organizations" / "Quản lý cây tổ chức",
        /// Create and edit user accounts (subject to [`Role::may_manage`]).
        ManageUsers => "manage_users" / "Quản lý tài khoản",
        /// Create and revoke service clients.
        ManageClients => "manage_clients" / "Quản lý ứng dụng kết nối",
        /// Read the audit log.
        ReadAuditLog => "read_audit_log" / "Xem nhật ký",
        /// Read the program catalogue and the policies in force.
        ReadCatalogue => "read_catalogue" / "Xem danh mục chương trình",
        /// Create, edit and retire programs; add policy versions.
        ManageCatalogue => "manage_catalogue" / "Quản lý danh mục và quy định",
        /// Read training plans and plan reports.
        ReadPlans => "read_plans" / "Xem kế hoạch",
        /// Grant center admins the right to record a district's plan approval.
        ManageApprovalGrants => "manage_approval_grants" / "Ủy quyền ghi nhận phê duyệt",
        /// Read lecturers, classes, timetables and lesson plans.
        ReadTeaching => "read_teaching" / "Xem giảng dạy",
        /// Manage lecturers, classes and timetables.
        ManageTeaching => "manage_teaching" / "Quản lý giảng dạy",
        /// Write lesson plans (a lecturer: only their own).
        WriteLessonPlans => "write_lesson_plans" / "Soạn giáo án",
        /// Appraise, approve or return lesson plans (never one's own).
        ReviewLessonPlans => "review_lesson_plans" / "Thẩm định giáo án",
        /// Read learners and enrollments (personal data, always within the scope).
        ReadLearners => "read_learners" / "Xem học viên",
        /// Record and correct learners; nominate them for classes.
        ManageLearners => "manage_learners" / "Quản lý học viên",
        /// See learners' national ids whole (others see the last four digits).
        ReadNationalIds => "read_national_ids" / "Xem số định danh cá nhân",
        /// Vet nominations: approve, reject, enroll, withdraw.
        VetEnrollments => "vet_enrollments" / "Xét duyệt học viên",
        /// Subscribe to the change feed by webhook (one's own subscriptions): administrators and
        /// service clients, the systems that sync.
        ManageWebhooks => "manage_webhooks" / "Đăng ký nhận thông báo thay đổi (webhook)",
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
                ManageClients | ReadAuditLog | ManageCatalogue | ManageApprovalGrants
                | ManageOrganizations => role == Role::ProvinceAdmin,
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
                ReadNationalIds | VetEnrollments | ManageWebhooks => {
                    matches!(role, Role::ProvinceAdmin | Role::CenterAdmin)
                }
            },
            Principal::Client(access) => match permission {
                ReadOrganizations | ReadCatalogue | ReadPlans | ReadTeaching | ReadLearners
                | ManageWebhooks => true,
                ManagePartyOrganizations | ManageTeaching | ManageLearners => {
                    access == ClientAccess::ReadWrite
                }
                ManageUsers | ManageClients | ReadAuditLog | ManageCatalogue
                | ManageApprovalGrants | ManageOrganizations | WriteLessonPlans
                | ReviewLessonPlans | ReadNationalIds | VetEnrollments => false,
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
        /// The plan has been appraised by the school: returning it is then the governing
        /// committee's decision, before that the school's.
        appraised: bool,
    },
    /// Change a record that an organization owns (a lecturer, ...), which needs `permission` and
    /// the owner inside the caller's scope: a center sees the school's lecturers but does not
    /// manage them.
    ManageOwned {
        permission: Permission,
        /// The record's owner lies inside the caller's scope.
        in_scope: bool,
    },
    /// Work on a lecturer's records that the lecturer does for themself and the managers for
    /// any lecturer they manage.
    TeachingWork {
        work: TeachingWork,
        /// The caller is the lecturer the record belongs to (their account is linked to it).
        own: bool,
        /// The lecturer's organization lies inside the caller's scope.
        in_scope: bool,
    },
    /// Appraise, approve or return a lesson plan: reviewers of the lecturer's own organization,
    /// never on their own.
    ReviewLessonPlan {
        /// The lesson plan is the caller's own.
        own: bool,
        in_scope: bool,
    },
    /// Create or change an account of this role.
    ManageAccount { role: Role },
    /// Change one's own password: people have one, service clients do not.
    ChangeOwnPassword,
}

/// Work on a lecturer's records (see [`Action::TeachingWork`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachingWork {
    /// Write or submit a lesson plan.
    WriteLessonPlan,
    /// Record an activity (fieldwork, meetings...).
    RecordActivity,
    /// Mark a session taught.
    MarkTaught,
    /// Record a session's attendance.
    RecordAttendance,
}

impl TeachingWork {
    /// What a manager (not the lecturer) needs for it.
    fn manager_permission(self) -> Permission {
        match self {
            TeachingWork::WriteLessonPlan => Permission::WriteLessonPlans,
            TeachingWork::RecordActivity | TeachingWork::MarkTaught => Permission::ManageTeaching,
            TeachingWork::RecordAttendance => Permission::VetEnrollments,
        }
    }

    fn refusal(self) -> &'static str {
        match self {
            TeachingWork::WriteLessonPlan => "a lecturer writes only their own lesson plans",
            TeachingWork::RecordActivity => "a lecturer records only their own activities",
            TeachingWork::MarkTaught => {
                "only the center's administrators or the session's lecturer mark it taught"
            }
            TeachingWork::RecordAttendance => {
                "attendance is recorded by the center's administrators or the session's lecturer"
            }
        }
    }
}

/// Whose teaching records (lesson plans, sessions, the visits of sessions, activities, workload)
/// a principal reads inside its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachingReach {
    /// Every lecturer's.
    Everyone,
    /// Only its own lecturer record's (a lecturer's account).
    OwnOnly,
}

impl TeachingReach {
    /// Whether a lecturer's record is within reach; `is_own`: it is the caller's own.
    pub fn reaches(self, is_own: bool) -> bool {
        self == TeachingReach::Everyone || is_own
    }
}

/// Why an action is refused (a 403).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

impl Principal {
    /// Whose teaching records this principal reads inside its scope: a lecturer only their own.
    pub fn teaching_reach(self) -> TeachingReach {
        if self == Principal::User(Role::Lecturer) {
            TeachingReach::OwnOnly
        } else {
            TeachingReach::Everyone
        }
    }

    /// Whether this principal is a party organization's own account: its imports and
    /// nominations name no party organization but its own, and it reaches the classes of its
    /// center to nominate.
    pub fn is_party_organization(self) -> bool {
        self == Principal::User(Role::PartyOrg)
    }

    /// Whether this principal administers the center it is scoped to (a center admin).
    pub fn administers_its_center(self) -> bool {
        self == Principal::User(Role::CenterAdmin)
    }

    /// The one authorization call: may this principal do `action`?
    pub fn authorize(self, action: Action) -> Result<(), Refusal> {
        let allowed = match action {
            Action::Use(permission) => self.may(permission),
            Action::EditPlan { of_own_center } => {
                of_own_center && self == Principal::User(Role::CenterAdmin)
            }
            Action::ManageOwned {
                permission,
                in_scope,
            } => in_scope && self.may(permission),
            Action::TeachingWork {
                work,
                own,
                in_scope,
            } => match self.teaching_reach() {
                TeachingReach::OwnOnly => own,
                TeachingReach::Everyone => in_scope && self.may(work.manager_permission()),
            },
            Action::ReviewLessonPlan { own, in_scope } => {
                !own && in_scope && self.may(Permission::ReviewLessonPlans)
            }
            Action::ManageAccount { role } => match self {
                Principal::User(caller) => caller.may_manage(role),
                Principal::Client(_) => false,
            },
            Action::ChangeOwnPassword => matches!(self, Principal::User(_)),
            Action::StepPlan {
                action,
                of_own_center,
                holds_approval_grant,
                appraised,
            } => {
                use PlanAction as A;
                match self {
                    // The school appraises, and returns a plan it has not appraised; approving
                    // is the governing committee's decision, not the school's.
                    Principal::User(Role::ProvinceAdmin) => match action {
                        A::Appraise => true,
                        A::Return => !appraised,
                        A::Approve | A::Submit | A::Revise => false,
                    },
                    // The committee governing the center (its scope holds the plan: a scoped
                    // query found it) approves or returns what the school appraised.
                    Principal::User(Role::Committee) => {
                        matches!(action, A::Approve | A::Return) && appraised
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
            Action::ManageOwned { permission, .. } if self.may(permission) => {
                "this record belongs to an organization you do not manage".into()
            }
            Action::ManageOwned { permission, .. } => format!(
                "your role does not allow {}",
                permission.as_str().replace('_', " ")
            ),
            Action::TeachingWork { work, .. }
                if self.teaching_reach() == TeachingReach::OwnOnly =>
            {
                work.refusal().into()
            }
            Action::TeachingWork { work, .. } if self.may(work.manager_permission()) => {
                "this lecturer belongs to an organization you do not manage".into()
            }
            Action::TeachingWork { work, .. } => format!(
                "your role does not allow {}",
                work.manager_permission().as_str().replace('_', " ")
            ),
            Action::ReviewLessonPlan { own: true, .. } => {
                "nobody appraises, approves or returns their own lesson plan".into()
            }
            Action::ReviewLessonPlan { .. } if self.may(Permission::ReviewLessonPlans) => {
                "this lecturer's lesson plans are reviewed by their own organization".into()
            }
            Action::ReviewLessonPlan { .. } => {
                "your role does not allow review lesson plans".into()
            }
            Action::ManageAccount { role } => match self {
                Principal::User(caller) => format!("a {caller} cannot manage {role} accounts"),
                Principal::Client(_) => "service clients cannot manage accounts".into(),
            },
            Action::ChangeOwnPassword => "service clients have no password".into(),
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
            Role::Committee => &[
                OrganizationKind::Province,
                OrganizationKind::District,
                OrganizationKind::Commune,
                OrganizationKind::PartyCommittee,
            ],
            Role::Oversight => &[OrganizationKind::Province],
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
        let step_in = |p: Principal, action, own, grant, appraised| {
            p.authorize(Action::StepPlan {
                action,
                of_own_center: own,
                holds_approval_grant: grant,
                appraised,
            })
            .is_ok()
        };
        let step = |p: Principal, action, own, grant| step_in(p, action, own, grant, true);
        assert!(step(center, A::Submit, true, false) && step(center, A::Revise, true, false));
        assert!(
            !step(center, A::Submit, false, false),
            "another center's plan"
        );
        assert!(!step(center, A::Approve, true, false) && step(center, A::Approve, true, true));
        assert!(!step(center, A::Appraise, true, true) && !step(center, A::Return, true, true));
        // The school appraises, and returns only what it has not appraised; it never approves.
        let province = Principal::User(Role::ProvinceAdmin);
        assert!(step_in(province, A::Appraise, false, false, false));
        assert!(step_in(province, A::Return, false, false, false));
        assert!(!step_in(province, A::Return, false, false, true));
        assert!(
            !step(province, A::Approve, false, false) && !step(province, A::Approve, false, true)
        );
        assert!(
            !step(province, A::Submit, false, false) && !step(province, A::Revise, false, false)
        );
        // The governing committee approves or returns an appraised plan, nothing before.
        let committee = Principal::User(Role::Committee);
        assert!(
            step(committee, A::Approve, false, false) && step(committee, A::Return, false, false)
        );
        assert!(!step_in(committee, A::Approve, false, false, false));
        assert!(
            !step(committee, A::Appraise, false, false)
                && !step(committee, A::Submit, false, false)
        );
        for p in [
            Principal::User(Role::ProvinceViewer),
            Principal::User(Role::Oversight),
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

    #[test]
    fn teaching_work_is_the_lecturers_own_or_a_managers_in_scope() {
        let lecturer = Principal::User(Role::Lecturer);
        let center = Principal::User(Role::CenterAdmin);
        let viewer = Principal::User(Role::ProvinceViewer);
        let work = |work, own, in_scope| Action::TeachingWork {
            work,
            own,
            in_scope,
        };
        for w in [
            TeachingWork::WriteLessonPlan,
            TeachingWork::RecordActivity,
            TeachingWork::MarkTaught,
            TeachingWork::RecordAttendance,
        ] {
            assert!(lecturer.authorize(work(w, true, true)).is_ok());
            assert!(lecturer.authorize(work(w, false, true)).is_err());
            assert!(center.authorize(work(w, false, true)).is_ok());
            assert!(center.authorize(work(w, false, false)).is_err());
            assert!(viewer.authorize(work(w, false, true)).is_err());
        }
        assert_eq!(lecturer.teaching_reach(), TeachingReach::OwnOnly);
        assert!(!TeachingReach::OwnOnly.reaches(false));
        assert!(TeachingReach::Everyone.reaches(false));
    }

    #[test]
    fn reviews_never_of_ones_own_and_accounts_by_the_role_ladder() {
        let center = Principal::User(Role::CenterAdmin);
        let review = |own, in_scope| Action::ReviewLessonPlan { own, in_scope };
        assert!(center.authorize(review(false, true)).is_ok());
        let own = center.authorize(review(true, true)).unwrap_err();
        assert!(own.0.contains("their own"), "{own}");
        assert!(center.authorize(review(false, false)).is_err());
        assert!(Principal::User(Role::Lecturer)
            .authorize(review(false, true))
            .is_err());
        let accounts = Action::ManageAccount {
            role: Role::Lecturer,
        };
        assert!(center.authorize(accounts).is_ok());
        assert!(Principal::Client(ClientAccess::ReadWrite)
            .authorize(accounts)
            .is_err());
        assert!(center
            .authorize(Action::ManageAccount {
                role: Role::ProvinceAdmin
            })
            .is_err());
        assert!(Principal::Client(ClientAccess::ReadOnly)
            .authorize(Action::ChangeOwnPassword)
            .is_err());
        let owned = |in_scope| Action::ManageOwned {
            permission: Permission::ManageTeaching,
            in_scope,
        };
        assert!(center.authorize(owned(true)).is_ok());
        assert!(center.authorize(owned(false)).is_err());
    }
}
