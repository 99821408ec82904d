//! Annual training plans (kế hoạch đào tạo, bồi dưỡng năm) and their approval workflow:
//! `draft → submitted → appraised (thẩm định, provincial school) → approved (phê duyệt, district
//! standing committee)`, or `returned` with a comment from submitted or appraised.

use crate::changes::AuditAction;
use crate::organizations::string_enum;
use crate::workflow::{Step as WorkflowStep, Workflow};

string_enum! {
    /// Where a plan is in its workflow.
    PlanStatus {
        Draft => "draft" / "Dự thảo",
        Submitted => "submitted" / "Đã trình",
        Appraised => "appraised" / "Đã thẩm định",
        Approved => "approved" / "Đã phê duyệt",
        Returned => "returned" / "Trả lại",
        /// An approved plan replaced by an approved revision; kept for history.
        Superseded => "superseded" / "Đã thay thế",
    }
}

string_enum! {
    /// Where a center stands with its plan for a year: the status of its latest revision, or
    /// `none` without a plan (the plans report).
    PlanStanding {
        None => "none" / "Chưa có kế hoạch",
        Draft => "draft" / "Dự thảo",
        Submitted => "submitted" / "Đã trình",
        Appraised => "appraised" / "Đã thẩm định",
        Approved => "approved" / "Đã phê duyệt",
        Returned => "returned" / "Trả lại",
        Superseded => "superseded" / "Đã thay thế",
    }
}

impl PlanStanding {
    /// The standing of a center whose latest revision has `status`, if it has one.
    pub fn of(status: Option<PlanStatus>) -> PlanStanding {
        match status {
            None => PlanStanding::None,
            Some(PlanStatus::Draft) => PlanStanding::Draft,
            Some(PlanStatus::Submitted) => PlanStanding::Submitted,
            Some(PlanStatus::Appraised) => PlanStanding::Appraised,
            Some(PlanStatus::Approved) => PlanStanding::Approved,
            Some(PlanStatus::Returned) => PlanStanding::Returned,
            Some(PlanStatus::Superseded) => PlanStanding::Superseded,
        }
    }
}

string_enum! {
    /// Which revision a center's figures in the plans report come from.
    FiguresFrom {
        /// The approved revision.
        Approved => "approved" / "Bản được duyệt",
        /// The latest revision, none being approved yet.
        Latest => "latest" / "Bản mới nhất (chưa duyệt)",
        /// No plan: no figures.
        None => "none" / "Không có số liệu",
    }
}

string_enum! {
    /// A workflow step, taken by `POST /training-plans/{id}/<action>`.
    PlanAction {
        Submit => "submit" / "Trình",
        Appraise => "appraise" / "Thẩm định",
        Approve => "approve" / "Phê duyệt",
        Return => "return" / "Trả lại",
        Revise => "revise" / "Điều chỉnh",
    }
}

/// What a legal step leads to: the plan moves, or (`Branch`) an approved plan stays in force and
/// a new revision is opened in draft with its lines copied.
pub type Step = crate::workflow::Step<PlanStatus>;

/// A step the current status does not allow.
pub type IllegalStep = crate::workflow::IllegalStep<PlanStatus, PlanAction>;

/// The plan workflow's transition table.
pub struct PlanWorkflow;

impl Workflow for PlanWorkflow {
    const ENTITY: &'static str = "training_plan";
    type State = PlanStatus;
    type Action = PlanAction;
    const ACTIONS: &'static [PlanAction] = PlanAction::ALL;
    const TABLE: &'static [(PlanStatus, PlanAction, Step)] = {
        use PlanAction as A;
        use PlanStatus as S;
        use WorkflowStep::{Branch, To};
        &[
            (S::Draft, A::Submit, To(S::Submitted)),
            (S::Returned, A::Submit, To(S::Submitted)),
            (S::Returned, A::Revise, To(S::Draft)),
            (S::Submitted, A::Appraise, To(S::Appraised)),
            (S::Submitted, A::Return, To(S::Returned)),
            (S::Appraised, A::Return, To(S::Returned)),
            (S::Appraised, A::Approve, To(S::Approved)),
            (S::Approved, A::Revise, Branch),
        ]
    };
    fn audit_action(action: PlanAction) -> AuditAction {
        match action {
            PlanAction::Submit => AuditAction::Submit,
            PlanAction::Appraise => AuditAction::Appraise,
            PlanAction::Approve => AuditAction::Approve,
            PlanAction::Return => AuditAction::Return,
            PlanAction::Revise => AuditAction::Revise,
        }
    }
}

/// The step `action` takes from `status`, or why it cannot.
pub fn step(status: PlanStatus, action: PlanAction) -> Result<Step, IllegalStep> {
    crate::workflow::step::<PlanWorkflow>(status, action)
}

/// The actions the status allows, in workflow order.
pub fn allowed_actions(status: PlanStatus) -> Vec<PlanAction> {
    crate::workflow::allowed_actions::<PlanWorkflow>(status)
}

/// Lines can change only while the center is working on the plan.
pub fn lines_editable(status: PlanStatus) -> bool {
    matches!(status, PlanStatus::Draft | PlanStatus::Returned)
}

/// What a step request brings, for [`missing_for`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepFacts {
    pub has_comment: bool,
    pub has_decision_number: bool,
    pub has_decision_date: bool,
    /// The decision names who signed it.
    pub has_signer: bool,
    /// The approval is recorded by someone other than the committee that decided it (a
    /// center administrator holding a grant): the decision must then be cited whole.
    pub on_behalf: bool,
    pub line_count: usize,
}

/// What an action still needs, as (field, code, message): a return says why; a submitted plan
/// has lines; an approval records the standing committee's decision number and date.
pub fn missing_for(
    action: PlanAction,
    facts: StepFacts,
) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    match action {
        PlanAction::Return if !facts.has_comment => {
            out.push(("comment", "required", "say why the plan is returned"))
        }
        PlanAction::Submit if facts.line_count == 0 => out.push((
            "lines",
            "empty_plan",
            "a plan needs at least one line to be submitted",
        )),
        PlanAction::Approve => {
            if !facts.has_decision_number {
                out.push((
                    "decision_number",
                    "required",
                    "the standing committee's decision number",
                ));
            }
            if !facts.has_decision_date {
                out.push(("decision_date", "required", "the date of the decision"));
            }
            if facts.on_behalf && !facts.has_signer {
                out.push((
                    "signer",
                    "required",
                    "who signed the committee's decision (recorded on its behalf)",
                ));
            }
        }
        _ => {}
    }
    out
}

/// A new revision of an approved plan may be opened only when no revision of the same center and
/// year is still being worked on.
pub fn may_open_revision(revision_statuses: &[PlanStatus]) -> bool {
    revision_statuses
        .iter()
        .all(|s| matches!(s, PlanStatus::Approved | PlanStatus::Superseded))
}

/// Plan years accepted.
pub fn valid_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

/// Why a plan line's numbers are refused: (field, message).
pub fn line_problems(
    planned_classes: i32,
    planned_learners: i32,
    quarter: Option<i32>,
) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if !(0..=10_000).contains(&planned_classes) {
        out.push(("planned_classes", "must be from 0 to 10000"));
    }
    if !(0..=1_000_000).contains(&planned_learners) {
        out.push(("planned_learners", "must be from 0 to 1000000"));
    }
    if planned_classes == 0 && planned_learners > 0 {
        out.push((
            "planned_classes",
            "learners are planned, so at least one class is",
        ));
    }
    if quarter.is_some_and(|q| !(1..=4).contains(&q)) {
        out.push(("quarter", "must be 1, 2, 3 or 4"));
    }
    out
}

/// Which of a center's approved plan lines for one program a held class of that program counts
/// toward in the plan's fulfilment, given the lines' quarters (in the plan's order) and the
/// quarter of the line the class was opened under (in whichever revision; `None` when it was
/// opened outside any line or under a whole-year line): the line of the same quarter, else the
/// program's whole-year line, else its first line. `None` only when the program has no line: the
/// class was held outside the plan. Revising a plan thus never drops its classes from the count.
pub fn fulfilment_line(line_quarters: &[Option<i32>], class_quarter: Option<i32>) -> Option<usize> {
    class_quarter
        .and_then(|q| line_quarters.iter().position(|l| *l == Some(q)))
        .or_else(|| line_quarters.iter().position(Option::is_none))
        .or((!line_quarters.is_empty()).then_some(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_classes_count_toward_the_matching_line() {
        // Same quarter first, then the whole-year line, then the first line.
        assert_eq!(fulfilment_line(&[Some(1), None, Some(3)], Some(3)), Some(2));
        assert_eq!(fulfilment_line(&[Some(1), None, Some(3)], Some(2)), Some(1));
        assert_eq!(fulfilment_line(&[Some(1), None], None), Some(1));
        assert_eq!(fulfilment_line(&[Some(2), Some(4)], Some(3)), Some(0));
        assert_eq!(fulfilment_line(&[Some(2), Some(4)], None), Some(0));
        // A program the plan does not hold: outside the plan.
        assert_eq!(fulfilment_line(&[], Some(1)), None);
        assert_eq!(fulfilment_line(&[], None), None);
    }
    use PlanAction as A;
    use PlanStatus as S;

    #[test]
    fn the_whole_table() {
        let legal = [
            (S::Draft, A::Submit, Step::To(S::Submitted)),
            (S::Returned, A::Submit, Step::To(S::Submitted)),
            (S::Returned, A::Revise, Step::To(S::Draft)),
            (S::Submitted, A::Appraise, Step::To(S::Appraised)),
            (S::Submitted, A::Return, Step::To(S::Returned)),
            (S::Appraised, A::Return, Step::To(S::Returned)),
            (S::Appraised, A::Approve, Step::To(S::Approved)),
            (S::Approved, A::Revise, Step::Branch),
        ];
        for status in S::ALL {
            for action in A::ALL {
                let expected = legal
                    .iter()
                    .find(|(s, a, _)| s == status && a == action)
                    .map(|l| l.2);
                match (step(*status, *action), expected) {
                    (Ok(got), Some(want)) => assert_eq!(got, want, "{status} {action}"),
                    (Err(e), None) => {
                        assert_eq!(e.current, *status);
                        assert_eq!(e.allowed, allowed_actions(*status));
                    }
                    (got, want) => panic!("{status} {action}: got {got:?}, want {want:?}"),
                }
                assert_eq!(
                    allowed_actions(*status).contains(action),
                    expected.is_some()
                );
            }
        }
        assert!(allowed_actions(S::Superseded).is_empty());
    }

    #[test]
    fn lines_and_years() {
        assert!(lines_editable(S::Draft) && lines_editable(S::Returned));
        for s in [S::Submitted, S::Appraised, S::Approved, S::Superseded] {
            assert!(!lines_editable(s));
        }
        assert!(!valid_year(1999) && valid_year(2000) && valid_year(2100) && !valid_year(2101));
        assert!(line_problems(0, 0, None).is_empty());
        assert!(line_problems(10_000, 1_000_000, Some(4)).is_empty());
        assert_eq!(line_problems(-1, 0, None)[0].0, "planned_classes");
        assert_eq!(line_problems(1, 1_000_001, None)[0].0, "planned_learners");
        assert_eq!(line_problems(0, 5, None)[0].0, "planned_classes");
        assert_eq!(line_problems(1, 5, Some(0))[0].0, "quarter");
        assert_eq!(line_problems(1, 5, Some(5))[0].0, "quarter");
    }

    #[test]
    fn what_each_action_needs() {
        let none = StepFacts::default();
        assert_eq!(
            missing_for(A::Return, none)
                .iter()
                .map(|m| m.0)
                .collect::<Vec<_>>(),
            vec!["comment"]
        );
        assert!(missing_for(
            A::Return,
            StepFacts {
                has_comment: true,
                ..none
            }
        )
        .is_empty());
        assert_eq!(missing_for(A::Submit, none)[0].1, "empty_plan");
        assert!(missing_for(
            A::Submit,
            StepFacts {
                line_count: 1,
                ..none
            }
        )
        .is_empty());
        assert_eq!(
            missing_for(A::Approve, none)
                .iter()
                .map(|m| m.0)
                .collect::<Vec<_>>(),
            vec!["decision_number", "decision_date"]
        );
        let decided = StepFacts {
            has_decision_number: true,
            has_decision_date: true,
            ..none
        };
        assert!(missing_for(A::Approve, decided).is_empty());
        // Recorded on the committee's behalf: the signer too.
        let on_behalf = StepFacts {
            on_behalf: true,
            ..decided
        };
        assert_eq!(missing_for(A::Approve, on_behalf)[0].0, "signer");
        assert!(missing_for(
            A::Approve,
            StepFacts {
                has_signer: true,
                ..on_behalf
            }
        )
        .is_empty());
        assert!(
            missing_for(A::Appraise, none).is_empty() && missing_for(A::Revise, none).is_empty()
        );
    }

    #[test]
    fn one_open_revision_at_a_time() {
        assert!(may_open_revision(&[S::Approved]));
        assert!(may_open_revision(&[S::Approved, S::Superseded]));
        assert!(!may_open_revision(&[S::Draft, S::Approved]));
        assert!(!may_open_revision(&[S::Returned, S::Approved]));
    }
}
