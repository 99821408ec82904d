//! What the one write path records: the kind of entity written, what was done to it (for the
//! audit log) and how it changed (for the change feed).

use crate::access::{Permission, Principal, Role};
use crate::organizations::string_enum;

string_enum! {
    /// Every kind of record the API writes; the `entity` of audit entries and change events.
    EntityKind {
        Organization => "organization" / "Tổ chức",
        PartyOrganization => "party_organization" / "Tổ chức đảng",
        User => "user" / "Tài khoản",
        ServiceClient => "service_client" / "Ứng dụng kết nối",
        Program => "program" / "Chương trình",
        PolicyVersion => "policy_version" / "Quy định",
        TrainingPlan => "training_plan" / "Kế hoạch năm",
        TrainingPlanLine => "training_plan_line" / "Dòng kế hoạch",
        ApprovalGrant => "approval_grant" / "Ủy quyền phê duyệt",
        Lecturer => "lecturer" / "Giảng viên",
        Class => "class" / "Lớp học",
        ClassSession => "class_session" / "Buổi học",
        LessonPlan => "lesson_plan" / "Giáo án",
        ClassVisit => "class_visit" / "Dự giờ",
        LecturerActivity => "lecturer_activity" / "Hoạt động của giảng viên",
        Learner => "learner" / "Học viên",
        Enrollment => "enrollment" / "Lượt học",
        /// A session's attendance as a whole (its id is the session's).
        SessionAttendance => "session_attendance" / "Điểm danh",
        /// An enrollment's result (its id is the enrollment's).
        EnrollmentResult => "enrollment_result" / "Kết quả học tập",
        Certificate => "certificate" / "Chứng chỉ",
        /// A webhook subscription: audited, never in the change feed (it is its owner's alone,
        /// and its URL is not for others to read).
        Webhook => "webhook" / "Đăng ký webhook",
    }
}

string_enum! {
    /// What a change did to a record, as the change feed reports it.
    ChangeOp {
        Create => "create" / "Tạo mới",
        Update => "update" / "Cập nhật",
        Delete => "delete" / "Xóa",
    }
}

string_enum! {
    /// What an audit entry records: a plain create/update/delete, a workflow action, or an
    /// account event that changes no record a client syncs (login, refresh, logout).
    AuditAction {
        Create => "create" / "Tạo mới",
        Update => "update" / "Cập nhật",
        Delete => "delete" / "Xóa",
        Seed => "seed" / "Nạp dữ liệu gốc",
        Bootstrap => "bootstrap" / "Khởi tạo",
        Submit => "submit" / "Trình",
        Appraise => "appraise" / "Thẩm định",
        Approve => "approve" / "Phê duyệt",
        Return => "return" / "Trả lại",
        Revise => "revise" / "Điều chỉnh",
        Retire => "retire" / "Ngừng sử dụng",
        Rename => "rename" / "Đổi tên",
        Move => "move" / "Chuyển đơn vị",
        Close => "close" / "Giải thể",
        Merge => "merge" / "Sáp nhập",
        Revoke => "revoke" / "Thu hồi",
        Activate => "activate" / "Kích hoạt",
        Deactivate => "deactivate" / "Khóa",
        ResetPassword => "reset_password" / "Đặt lại mật khẩu",
        ChangePassword => "change_password" / "Đổi mật khẩu",
        Login => "login" / "Đăng nhập",
        Refresh => "refresh" / "Gia hạn phiên",
        Logout => "logout" / "Đăng xuất",
        LogoutEverywhere => "logout_everywhere" / "Đăng xuất mọi nơi",
        Open => "open" / "Khai giảng",
        Start => "start" / "Bắt đầu học",
        Complete => "complete" / "Bế giảng",
        Cancel => "cancel" / "Hủy",
        Teach => "teach" / "Lên lớp",
        Nominate => "nominate" / "Cử đi học",
        Reject => "reject" / "Không duyệt",
        Enroll => "enroll" / "Nhập học",
        Withdraw => "withdraw" / "Thôi học",
        RecordAttendance => "record_attendance" / "Điểm danh",
        RecordResult => "record_result" / "Ghi kết quả",
        IssueCertificate => "issue_certificate" / "Cấp chứng chỉ",
        ReissueCertificate => "reissue_certificate" / "Cấp lại chứng chỉ",
    }
}

impl EntityKind {
    /// The path under `/api/v1` of the `GET` that shows one record of this kind: `{id}` is the
    /// record's id, other `{field}`s name fields of the record that locate it. `None` for kinds
    /// shown only in their list (service clients, policy versions). A change-feed item carries
    /// it filled in as `href`, and the feed's tests follow it for every kind.
    pub fn get_path(self) -> Option<&'static str> {
        use EntityKind as K;
        Some(match self {
            K::Organization => "/organizations/{id}",
            K::PartyOrganization => "/party-organizations/{id}",
            K::User => "/users/{id}",
            K::ServiceClient | K::PolicyVersion | K::Webhook => return None,
            K::Program => "/programs/{id}",
            K::TrainingPlan => "/training-plans/{id}",
            K::TrainingPlanLine => "/training-plans/{plan_id}/lines/{id}",
            K::ApprovalGrant => "/approval-grants/{id}",
            K::Lecturer => "/lecturers/{id}",
            K::Class => "/classes/{id}",
            K::ClassSession => "/sessions/{id}",
            K::LessonPlan => "/lesson-plans/{id}",
            K::ClassVisit => "/class-visits/{id}",
            K::LecturerActivity => "/lecturers/{lecturer_id}/activities/{id}",
            K::Learner => "/learners/{id}",
            K::Enrollment => "/enrollments/{id}",
            K::SessionAttendance => "/sessions/{id}/attendance",
            K::EnrollmentResult => "/enrollments/{id}/result",
            K::Certificate => "/certificates/{id}",
        })
    }

    /// [`get_path`](Self::get_path) filled in from the record's id and its fields (`field` looks
    /// one up); `None` when the kind has no such `GET` or a field is missing.
    pub fn href(self, id: &str, field: impl Fn(&str) -> Option<String>) -> Option<String> {
        let mut rest = self.get_path()?;
        let mut out = String::from("/api/v1");
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}')?;
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            if name == "id" {
                out.push_str(id);
            } else {
                out.push_str(&field(name)?);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    /// What a caller needs to read records of this kind — in the change feed as anywhere else.
    pub fn read_permission(self) -> Permission {
        match self {
            EntityKind::Organization | EntityKind::PartyOrganization => {
                Permission::ReadOrganizations
            }
            EntityKind::User => Permission::ManageUsers,
            EntityKind::ServiceClient => Permission::ManageClients,
            EntityKind::Webhook => Permission::ManageWebhooks,
            EntityKind::Program | EntityKind::PolicyVersion => Permission::ReadCatalogue,
            EntityKind::TrainingPlan | EntityKind::TrainingPlanLine => Permission::ReadPlans,
            EntityKind::ApprovalGrant => Permission::ManageApprovalGrants,
            EntityKind::Lecturer
            | EntityKind::Class
            | EntityKind::ClassSession
            | EntityKind::LessonPlan
            | EntityKind::ClassVisit
            | EntityKind::LecturerActivity => Permission::ReadTeaching,
            EntityKind::Learner
            | EntityKind::Enrollment
            | EntityKind::SessionAttendance
            | EntityKind::EnrollmentResult
            | EntityKind::Certificate => Permission::ReadLearners,
        }
    }

    /// Whether a lecturer reads records of this kind only when they are their own (their lesson
    /// plans, their sessions, the visits of their sessions, their activities). Every write of such
    /// a kind names the lecturer it belongs to, so the change feed can apply the same rule as
    /// `GET`.
    pub fn private_to_its_lecturer(self) -> bool {
        matches!(
            self,
            EntityKind::LessonPlan
                | EntityKind::ClassSession
                | EntityKind::ClassVisit
                | EntityKind::LecturerActivity
        )
    }

    /// Whether `principal` reads records of this kind only when they are their own lecturer's.
    pub fn only_own_for(self, principal: Principal) -> bool {
        self.private_to_its_lecturer() && principal == Principal::User(Role::Lecturer)
    }

    /// Whether writes of this kind appear in the change feed (all but webhook subscriptions,
    /// which are audited only).
    pub fn in_feed(self) -> bool {
        self != EntityKind::Webhook
    }

    /// The kinds whose changes `principal` may follow.
    pub fn readable_by(principal: Principal) -> Vec<EntityKind> {
        EntityKind::ALL
            .iter()
            .copied()
            .filter(|k| k.in_feed() && principal.may(k.read_permission()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn href_fills_the_id_and_the_locating_fields() {
        let none = |_: &str| None;
        assert_eq!(
            EntityKind::Class.href("c1", none).as_deref(),
            Some("/api/v1/classes/c1")
        );
        assert_eq!(
            EntityKind::SessionAttendance.href("s1", none).as_deref(),
            Some("/api/v1/sessions/s1/attendance")
        );
        let plan = |name: &str| (name == "plan_id").then(|| "p1".to_string());
        assert_eq!(
            EntityKind::TrainingPlanLine.href("l1", plan).as_deref(),
            Some("/api/v1/training-plans/p1/lines/l1")
        );
        // A locating field missing (a tombstone without it): no href rather than a wrong one.
        assert_eq!(EntityKind::TrainingPlanLine.href("l1", none), None);
        assert_eq!(EntityKind::ServiceClient.href("x", none), None);
    }

    use super::*;
    use crate::access::ClientAccess;

    #[test]
    fn lecturers_read_only_their_own_teaching_records() {
        let lecturer = Principal::User(Role::Lecturer);
        assert!(EntityKind::LessonPlan.only_own_for(lecturer));
        assert!(EntityKind::ClassVisit.only_own_for(lecturer));
        assert!(!EntityKind::Class.only_own_for(lecturer));
        assert!(!EntityKind::LessonPlan.only_own_for(Principal::User(Role::CenterAdmin)));
        assert!(!EntityKind::LessonPlan.only_own_for(Principal::Client(ClientAccess::ReadOnly)));
    }

    #[test]
    fn party_organizations_follow_only_what_they_can_read() {
        let kinds = EntityKind::readable_by(Principal::User(Role::PartyOrg));
        assert!(kinds.contains(&EntityKind::PartyOrganization));
        assert!(!kinds.contains(&EntityKind::TrainingPlan));
        assert!(!kinds.contains(&EntityKind::User));
    }

    #[test]
    fn province_admins_follow_everything_and_clients_no_accounts() {
        // Every kind in the feed; webhook subscriptions are never in it.
        assert_eq!(
            EntityKind::readable_by(Principal::User(Role::ProvinceAdmin)).len(),
            EntityKind::ALL.len() - 1
        );
        assert!(!EntityKind::Webhook.in_feed());
        let client = EntityKind::readable_by(Principal::Client(ClientAccess::ReadOnly));
        assert!(client.contains(&EntityKind::TrainingPlan));
        assert!(
            !client.contains(&EntityKind::User) && !client.contains(&EntityKind::ServiceClient)
        );
    }
}
