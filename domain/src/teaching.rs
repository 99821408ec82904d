//! Teaching: lecturers, classes, the timetable and lesson plans.
//!
//! The article's "quality of teaching": who teaches (full-time staff, part-time district leaders,
//! visiting lecturers of the provincial school), what was approved before they taught — "phê duyệt
//! giáo án bài giảng trước khi lên lớp" — and whether the timetable holds together.

use crate::changes::AuditAction;
use crate::organizations::string_enum;
use crate::workflow::{Step, Workflow};
use chrono::{NaiveDate, NaiveTime, Timelike};

string_enum! {
    /// How a lecturer teaches for a center.
    LecturerKind {
        /// Giảng viên cơ hữu / chuyên trách: staff of the center.
        FullTime => "full_time" / "Cơ hữu",
        /// Giảng viên kiêm chức: a district leader who also teaches.
        PartTime => "part_time" / "Kiêm chức",
        /// Giảng viên thỉnh giảng: e.g. a lecturer of the provincial school.
        Visiting => "visiting" / "Thỉnh giảng",
    }
}

string_enum! {
    /// A lecturer's position in the organization that employs them.
    Position {
        Director => "director" / "Giám đốc",
        DeputyDirector => "deputy_director" / "Phó Giám đốc",
        Lecturer => "lecturer" / "Giảng viên",
        Staff => "staff" / "Nhân viên",
    }
}

impl Position {
    /// The teaching-norm position of the policy (`PolicySet::teaching_norms`) for this position.
    pub fn norm_position(self) -> &'static str {
        match self {
            Position::Director => "director",
            Position::DeputyDirector => "deputy_director",
            Position::Lecturer | Position::Staff => "full_time_lecturer",
        }
    }
}

/// The teaching norm a lecturer is measured against, if any: a full-time lecturer's position's;
/// a part-time lecturer's only when the leader directs the center (or is its deputy) concurrently
/// — the article's director is the district's propaganda head —; never a visiting lecturer's.
pub fn norm_position(kind: LecturerKind, position: Option<Position>) -> Option<&'static str> {
    match (kind, position) {
        (LecturerKind::FullTime, Some(p)) => Some(p.norm_position()),
        (LecturerKind::PartTime, Some(p @ (Position::Director | Position::DeputyDirector))) => {
            Some(p.norm_position())
        }
        _ => None,
    }
}

/// Why a lecturer's kind, position and post do not fit together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LecturerProblem {
    pub field: &'static str,
    pub message: &'static str,
}

/// A part-time lecturer is a district leader: their leadership post is what they are, and is
/// required; staff lecturers have a position and no leadership post.
pub fn check_lecturer_roles(
    kind: LecturerKind,
    position: Option<Position>,
    leadership_post: Option<&str>,
) -> Vec<LecturerProblem> {
    let mut out = Vec::new();
    match kind {
        LecturerKind::PartTime => {
            if leadership_post.is_none() {
                out.push(LecturerProblem {
                    field: "leadership_post",
                    message: "a part-time lecturer's leadership post is required (e.g. Phó Bí thư Thường trực Huyện ủy)",
                });
            }
        }
        LecturerKind::FullTime | LecturerKind::Visiting => {
            if position.is_none() {
                out.push(LecturerProblem {
                    field: "position",
                    message: "is required for full-time and visiting lecturers",
                });
            }
            if leadership_post.is_some() {
                out.push(LecturerProblem {
                    field: "leadership_post",
                    message: "only part-time lecturers have a leadership post",
                });
            }
        }
    }
    out
}

string_enum! {
    /// How a class is held.
    ClassMode {
        /// Tập trung: full days for the class's duration.
        Concentrated => "concentrated" / "Tập trung",
        /// Không tập trung: spread over months (intermediate theory at the center).
        NonConcentrated => "non_concentrated" / "Không tập trung",
    }
}

string_enum! {
    /// Where a class is in its life.
    ClassStatus {
        Planned => "planned" / "Dự kiến",
        /// Open for nominations and enrolment.
        Open => "open" / "Đang tuyển sinh",
        InProgress => "in_progress" / "Đang học",
        Completed => "completed" / "Đã bế giảng",
        Cancelled => "cancelled" / "Đã hủy",
    }
}

string_enum! {
    /// A step of a class, taken by `POST /classes/{id}/<action>`.
    ClassAction {
        Open => "open" / "Khai giảng",
        Start => "start" / "Bắt đầu học",
        Complete => "complete" / "Bế giảng",
        Cancel => "cancel" / "Hủy lớp",
    }
}

/// The class workflow: `planned → open (enrolment) → in_progress → completed | cancelled`.
pub struct ClassWorkflow;

impl ClassAction {
    /// Opening a class and completing it (recognizing its results) are decisions with a number,
    /// a date and a signer, recorded with the step; starting and cancelling are not.
    pub fn needs_decision(self) -> bool {
        matches!(self, ClassAction::Open | ClassAction::Complete)
    }
}

impl Workflow for ClassWorkflow {
    const ENTITY: &'static str = "class";
    type State = ClassStatus;
    type Action = ClassAction;
    const ACTIONS: &'static [ClassAction] = ClassAction::ALL;
    const TABLE: &'static [(ClassStatus, ClassAction, Step<ClassStatus>)] = {
        use ClassAction as A;
        use ClassStatus as S;
        use Step::To;
        &[
            (S::Planned, A::Open, To(S::Open)),
            (S::Open, A::Start, To(S::InProgress)),
            (S::InProgress, A::Complete, To(S::Completed)),
            (S::Planned, A::Cancel, To(S::Cancelled)),
            (S::Open, A::Cancel, To(S::Cancelled)),
            (S::InProgress, A::Cancel, To(S::Cancelled)),
        ]
    };
    fn audit_action(action: ClassAction) -> AuditAction {
        match action {
            ClassAction::Open => AuditAction::Open,
            ClassAction::Start => AuditAction::Start,
            ClassAction::Complete => AuditAction::Complete,
            ClassAction::Cancel => AuditAction::Cancel,
        }
    }
}

/// A class's details may change until it is over (a completed class keeps only its results).
pub fn class_editable(status: ClassStatus) -> bool {
    !matches!(status, ClassStatus::Completed | ClassStatus::Cancelled)
}

/// A class's dates: the end is not before the start, and a class lasts at most two years.
pub fn check_class_dates(start: NaiveDate, end: NaiveDate) -> Result<(), &'static str> {
    if end < start {
        return Err("end_date is before start_date");
    }
    if (end - start).num_days() > 731 {
        return Err("a class lasts at most two years");
    }
    Ok(())
}

/// The shape of a term as the API's contract states it (`TERM_PATTERN`); `parse_term` takes
/// exactly what it matches, then checks the years.
pub const TERM_PATTERN: &str = "^ *[0-9]{4} *[–-] *[0-9]{4} *$";

/// A term of office (nhiệm kỳ) such as "2020–2025": two four-digit years, five apart, an en dash
/// or a hyphen between them, spaces allowed around them. Returns the canonical form with an en
/// dash.
pub fn parse_term(raw: &str) -> Option<String> {
    let (a, b) = term_years(raw)?;
    ((1945..=2100).contains(&a) && b == a + 5).then(|| format!("{a}–{b}"))
}

/// The two years of a term written in the contract's shape ([`TERM_PATTERN`]), whether or not
/// they make a term: a value of the right shape with wrong years breaks a rule (422), a value of
/// another shape is malformed (400).
pub fn term_years(raw: &str) -> Option<(i32, i32)> {
    let t = raw.trim_matches(' ');
    let (a, b) = t.split_once('–').or_else(|| t.split_once('-'))?;
    let year = |s: &str| {
        let s = s.trim_matches(' ');
        (s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    Some((year(a)?, year(b)?))
}

string_enum! {
    /// Where a timetable session is.
    SessionStatus {
        Scheduled => "scheduled" / "Đã xếp lịch",
        /// Held: its lecturer had an approved lesson plan for its topic in force that day.
        Taught => "taught" / "Đã dạy",
        Cancelled => "cancelled" / "Đã hủy",
    }
}

/// Minutes one period (tiết) occupies in the timetable: 45 minutes of teaching and a 5-minute
/// break. The timetable's overlap rule uses it; workload counts periods, not minutes.
pub const MINUTES_PER_PERIOD: u32 = 50;
/// The most periods one session may hold (a full day).
pub const MAX_PERIODS_PER_SESSION: i32 = 10;

/// The minutes after midnight a session occupies: `[start, end)`. `None` when it would run past
/// midnight or the periods are out of range.
pub fn session_span(start: NaiveTime, periods: i32) -> Option<(i32, i32)> {
    if !(1..=MAX_PERIODS_PER_SESSION).contains(&periods) {
        return None;
    }
    let from = i32::try_from(start.hour() * 60 + start.minute()).ok()?;
    let minutes = i32::try_from(MINUTES_PER_PERIOD).ok()? * periods;
    let to = from + minutes;
    (to <= 24 * 60).then_some((from, to))
}

/// Whether two spans on the same day overlap (touching ends do not).
pub fn spans_overlap(a: (i32, i32), b: (i32, i32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A session lies within its class's dates.
pub fn session_within_class(date: NaiveDate, start: NaiveDate, end: NaiveDate) -> bool {
    (start..=end).contains(&date)
}

string_enum! {
    /// Where a lesson plan (giáo án) is in its workflow.
    LessonPlanStatus {
        Draft => "draft" / "Dự thảo",
        Submitted => "submitted" / "Đã trình",
        Appraised => "appraised" / "Đã thẩm định",
        Approved => "approved" / "Đã duyệt",
        Returned => "returned" / "Trả lại",
        /// An approved version replaced by a newer approved version.
        Superseded => "superseded" / "Đã thay thế",
    }
}

string_enum! {
    /// A step of a lesson plan, taken by `POST /lesson-plans/{id}/<action>`.
    LessonPlanAction {
        Submit => "submit" / "Trình",
        Appraise => "appraise" / "Thẩm định",
        Approve => "approve" / "Duyệt",
        Return => "return" / "Trả lại",
    }
}

/// The lesson-plan workflow: `draft → submitted → appraised → approved`, or `returned` (with a
/// comment) from submitted or appraised, and submitted again after changes.
pub struct LessonPlanWorkflow;

impl Workflow for LessonPlanWorkflow {
    const ENTITY: &'static str = "lesson_plan";
    type State = LessonPlanStatus;
    type Action = LessonPlanAction;
    const ACTIONS: &'static [LessonPlanAction] = LessonPlanAction::ALL;
    const TABLE: &'static [(LessonPlanStatus, LessonPlanAction, Step<LessonPlanStatus>)] = {
        use LessonPlanAction as A;
        use LessonPlanStatus as S;
        use Step::To;
        &[
            (S::Draft, A::Submit, To(S::Submitted)),
            (S::Returned, A::Submit, To(S::Submitted)),
            (S::Submitted, A::Appraise, To(S::Appraised)),
            (S::Submitted, A::Return, To(S::Returned)),
            (S::Appraised, A::Return, To(S::Returned)),
            (S::Appraised, A::Approve, To(S::Approved)),
        ]
    };
    fn audit_action(action: LessonPlanAction) -> AuditAction {
        match action {
            LessonPlanAction::Submit => AuditAction::Submit,
            LessonPlanAction::Appraise => AuditAction::Appraise,
            LessonPlanAction::Approve => AuditAction::Approve,
            LessonPlanAction::Return => AuditAction::Return,
        }
    }
}

/// What editing a lesson plan does in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonPlanEdit {
    /// Changed in place (draft, returned).
    InPlace,
    /// A new version is opened in draft with the changes; the approved one stays in force until
    /// the new one is approved.
    NewVersion,
    /// Under review or superseded: not editable.
    Refused,
}

pub fn lesson_plan_edit(status: LessonPlanStatus) -> LessonPlanEdit {
    match status {
        LessonPlanStatus::Draft | LessonPlanStatus::Returned => LessonPlanEdit::InPlace,
        LessonPlanStatus::Approved => LessonPlanEdit::NewVersion,
        LessonPlanStatus::Submitted
        | LessonPlanStatus::Appraised
        | LessonPlanStatus::Superseded => LessonPlanEdit::Refused,
    }
}

/// The approval window of one lesson-plan version: approved on `approved_on`, in force until the
/// day before `superseded_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    pub approved_on: NaiveDate,
    pub superseded_on: Option<NaiveDate>,
}

impl InForce {
    /// Whether the version was approved — before or on `day` — and not yet replaced on `day`.
    pub fn covers(self, day: NaiveDate) -> bool {
        self.approved_on <= day && self.superseded_on.is_none_or(|s| day < s)
    }
}

string_enum! {
    /// A lecturer's activity outside the classroom.
    ActivityKind {
        /// Dự sinh hoạt chi bộ: attending another party cell's meeting.
        PartyCellMeeting => "party_cell_meeting" / "Sinh hoạt chi bộ",
        /// Activities of the propaganda reporters' team (báo cáo viên).
        ReporterActivity => "reporter_activity" / "Báo cáo viên",
        Conference => "conference" / "Hội nghị, hội thảo",
        /// Đi thực tế: field trips.
        Fieldwork => "fieldwork" / "Đi thực tế",
        SelfStudy => "self_study" / "Tự học, nghiên cứu",
        Other => "other" / "Khác",
    }
}

/// Hours of one activity: above 0, at most 24, in tenths of an hour. Returns tenths.
pub fn activity_tenths(hours: f64) -> Option<i32> {
    let tenths = (hours * 10.0).round();
    let exact = ((hours * 10.0) - tenths).abs() < 1e-9;
    (hours.is_finite() && exact && (1.0..=240.0).contains(&tenths)).then_some(tenths as i32)
}

/// A lecturer's teaching load in a year against the norm of their position.
#[derive(Debug, Clone, PartialEq)]
pub struct Workload {
    pub periods_taught: i32,
    /// Periods converted to standard hours (giờ chuẩn).
    pub standard_hours: f64,
    /// The lecturing norm of the position, if the lecturer has one (staff lecturers).
    pub norm_lecturing_hours: Option<i32>,
    pub norm_total_hours: Option<i32>,
    /// Standard hours above the lecturing norm.
    pub overtime_hours: f64,
}

/// The workload of `periods_taught` periods under `hours_per_period` and the norm (if any).
pub fn workload(
    periods_taught: i32,
    hours_per_period: f64,
    norm: Option<&crate::policies::TeachingNorm>,
) -> Workload {
    let standard_hours = (f64::from(periods_taught) * hours_per_period * 100.0).round() / 100.0;
    let overtime_hours = norm.map_or(0.0, |n| {
        (standard_hours - f64::from(n.lecturing_hours)).max(0.0)
    });
    Workload {
        periods_taught,
        standard_hours,
        norm_lecturing_hours: norm.map(|n| n.lecturing_hours),
        norm_total_hours: norm.map(|n| n.total_hours),
        overtime_hours,
    }
}

/// The province's calendar day at a UTC instant. Vietnam keeps UTC+7 all year (no daylight
/// saving), and "approved before the session" is a question of the local calendar.
pub fn local_day(now_utc: chrono::NaiveDateTime) -> NaiveDate {
    (now_utc + chrono::Duration::hours(7)).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::step;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn workload_against_the_norm() {
        let norm = crate::policies::TeachingNorm {
            position: "full_time_lecturer".into(),
            total_hours: 120,
            lecturing_hours: 90,
        };
        let w = workload(100, 1.0, Some(&norm));
        assert_eq!(w.standard_hours, 100.0);
        assert_eq!(w.overtime_hours, 10.0);
        assert_eq!(workload(90, 1.0, Some(&norm)).overtime_hours, 0.0);
        assert_eq!(workload(80, 1.25, None).standard_hours, 100.0);
        assert_eq!(workload(80, 1.25, None).norm_lecturing_hours, None);
        assert_eq!(activity_tenths(2.5), Some(25));
        assert_eq!(activity_tenths(0.0), None);
        assert_eq!(activity_tenths(24.1), None);
        assert_eq!(activity_tenths(1.25), None);
    }

    #[test]
    fn the_local_day_turns_at_17_utc() {
        let at = |h| d(2026, 3, 1).and_hms_opt(h, 0, 0).unwrap_or_default();
        assert_eq!(local_day(at(16)), d(2026, 3, 1));
        assert_eq!(local_day(at(17)), d(2026, 3, 2));
    }

    #[test]
    fn a_leader_directing_the_center_concurrently_has_the_directors_norm() {
        assert_eq!(
            norm_position(LecturerKind::PartTime, Some(Position::Director)),
            Some("director")
        );
        assert_eq!(
            norm_position(LecturerKind::PartTime, Some(Position::Lecturer)),
            None
        );
        assert_eq!(norm_position(LecturerKind::PartTime, None), None);
        assert_eq!(
            norm_position(LecturerKind::FullTime, Some(Position::Staff)),
            Some("full_time_lecturer")
        );
        assert_eq!(
            norm_position(LecturerKind::Visiting, Some(Position::Director)),
            None
        );
        assert!(check_lecturer_roles(
            LecturerKind::PartTime,
            Some(Position::Director),
            Some("Trưởng Ban Tuyên giáo Huyện ủy")
        )
        .is_empty());
    }

    #[test]
    fn part_time_lecturers_are_leaders_with_a_post() {
        assert!(check_lecturer_roles(
            LecturerKind::PartTime,
            None,
            Some("Phó Bí thư Thường trực Huyện ủy")
        )
        .is_empty());
        assert_eq!(
            check_lecturer_roles(LecturerKind::PartTime, None, None)[0].field,
            "leadership_post"
        );
        assert_eq!(
            check_lecturer_roles(LecturerKind::FullTime, None, None)[0].field,
            "position"
        );
        assert_eq!(
            check_lecturer_roles(LecturerKind::FullTime, Some(Position::Lecturer), Some("x"))[0]
                .field,
            "leadership_post"
        );
    }

    #[test]
    fn class_workflow_and_dates() {
        assert_eq!(
            step::<ClassWorkflow>(ClassStatus::Planned, ClassAction::Open),
            Ok(Step::To(ClassStatus::Open))
        );
        assert!(step::<ClassWorkflow>(ClassStatus::Planned, ClassAction::Complete).is_err());
        assert!(step::<ClassWorkflow>(ClassStatus::Completed, ClassAction::Cancel).is_err());
        assert!(!class_editable(ClassStatus::Completed));
        assert!(check_class_dates(d(2026, 3, 1), d(2026, 3, 1)).is_ok());
        assert!(check_class_dates(d(2026, 3, 2), d(2026, 3, 1)).is_err());
        assert_eq!(parse_term("2020-2025"), Some("2020–2025".into()));
        assert_eq!(parse_term(" 2021 – 2026 "), Some("2021–2026".into()));
        assert_eq!(parse_term("2020–2024"), None);
        assert_eq!(parse_term("nhiệm kỳ"), None);
        // Exactly the contract's pattern: four ASCII digits a side, spaces only.
        assert_eq!(parse_term("+2020-+2025"), None);
        assert_eq!(parse_term("02020-02025"), None);
        assert_eq!(parse_term("\t2020-2025"), None);
        assert_eq!(parse_term("2020--2025"), None);
    }

    #[test]
    fn sessions_span_periods_and_overlap_only_when_they_share_time() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        assert_eq!(session_span(at(7, 30), 4), Some((450, 650)));
        assert_eq!(session_span(at(7, 30), 0), None);
        assert_eq!(session_span(at(7, 30), 11), None);
        assert_eq!(session_span(at(22, 0), 3), None);
        let morning = (450, 650);
        assert!(spans_overlap(morning, (600, 700)));
        assert!(
            !spans_overlap(morning, (650, 750)),
            "touching is not overlapping"
        );
        assert!(session_within_class(
            d(2026, 3, 5),
            d(2026, 3, 1),
            d(2026, 3, 5)
        ));
        assert!(!session_within_class(
            d(2026, 3, 6),
            d(2026, 3, 1),
            d(2026, 3, 5)
        ));
    }

    #[test]
    fn a_lesson_plan_is_in_force_from_its_approval_day_until_replaced() {
        let v1 = InForce {
            approved_on: d(2026, 3, 10),
            superseded_on: Some(d(2026, 4, 1)),
        };
        assert!(!v1.covers(d(2026, 3, 9)));
        assert!(v1.covers(d(2026, 3, 10)));
        assert!(v1.covers(d(2026, 3, 31)));
        assert!(!v1.covers(d(2026, 4, 1)));
        assert_eq!(
            lesson_plan_edit(LessonPlanStatus::Approved),
            LessonPlanEdit::NewVersion
        );
        assert_eq!(
            lesson_plan_edit(LessonPlanStatus::Submitted),
            LessonPlanEdit::Refused
        );
        assert_eq!(
            step::<LessonPlanWorkflow>(LessonPlanStatus::Submitted, LessonPlanAction::Approve)
                .map_err(|e| e.allowed),
            Err(vec![LessonPlanAction::Appraise, LessonPlanAction::Return])
        );
    }
}
