//! Annual training plans (kế hoạch đào tạo, bồi dưỡng năm) and their approval workflow:
//! `draft → submitted → appraised (thẩm định, provincial school) → approved (phê duyệt, district
//! standing committee)`, or `returned` with a comment from submitted or appraised.

use crate::organizations::string_enum;

string_enum! {
    /// Where a plan is in its workflow.
    PlanStatus {
        Draft => "draft",
        Submitted => "submitted",
        Appraised => "appraised",
        Approved => "approved",
        Returned => "returned",
        /// An approved plan replaced by an approved revision; kept for history.
        Superseded => "superseded",
    }
}

string_enum! {
    /// A workflow step, taken by `POST /training-plans/{id}/<action>`.
    PlanAction {
        Submit => "submit",
        Appraise => "appraise",
        Approve => "approve",
        Return => "return",
        Revise => "revise",
    }
}

/// What a legal step leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The plan moves to this status.
    To(PlanStatus),
    /// An approved plan stays as it is; a new revision is opened in draft, copying its lines.
    NewRevision,
}

/// A step the current status does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} a plan that is {current}")]
pub struct IllegalStep {
    pub current: PlanStatus,
    pub action: PlanAction,
    pub allowed: Vec<PlanAction>,
}

/// The step `action` takes from `status`, or why it cannot.
pub fn step(status: PlanStatus, action: PlanAction) -> Result<Step, IllegalStep> {
    use PlanAction as A;
    use PlanStatus as S;
    let next = match (status, action) {
        (S::Draft | S::Returned, A::Submit) => Some(Step::To(S::Submitted)),
        (S::Returned, A::Revise) => Some(Step::To(S::Draft)),
        (S::Submitted, A::Appraise) => Some(Step::To(S::Appraised)),
        (S::Submitted | S::Appraised, A::Return) => Some(Step::To(S::Returned)),
        (S::Appraised, A::Approve) => Some(Step::To(S::Approved)),
        (S::Approved, A::Revise) => Some(Step::NewRevision),
        _ => None,
    };
    next.ok_or_else(|| IllegalStep {
        current: status,
        action,
        allowed: allowed_actions(status),
    })
}

/// The actions the status allows, in workflow order.
pub fn allowed_actions(status: PlanStatus) -> Vec<PlanAction> {
    PlanAction::ALL
        .iter()
        .copied()
        .filter(|a| {
            use PlanAction as A;
            use PlanStatus as S;
            matches!(
                (status, a),
                (S::Draft | S::Returned, A::Submit)
                    | (S::Returned, A::Revise)
                    | (S::Submitted, A::Appraise)
                    | (S::Submitted | S::Appraised, A::Return)
                    | (S::Appraised, A::Approve)
                    | (S::Approved, A::Revise)
            )
        })
        .collect()
}

/// In what capacity a caller acts on a plan (already known to be inside the caller's scope).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanCapacity {
    /// The provincial school's administrators: appraise, return, approve.
    ProvinceAdmin,
    /// The plan's center's administrators: edit, submit, revise; approve with a grant from the
    /// district's standing committee.
    CenterAdmin { holds_approval_grant: bool },
    /// Anyone else who can see the plan: read only.
    Reader,
}

/// Whether a capacity may take an action at all (status aside).
pub fn may_take(capacity: PlanCapacity, action: PlanAction) -> bool {
    use PlanAction as A;
    match capacity {
        PlanCapacity::ProvinceAdmin => matches!(action, A::Appraise | A::Return | A::Approve),
        PlanCapacity::CenterAdmin {
            holds_approval_grant,
        } => match action {
            A::Submit | A::Revise => true,
            A::Approve => holds_approval_grant,
            A::Appraise | A::Return => false,
        },
        PlanCapacity::Reader => false,
    }
}

/// Whether a capacity may create plans and edit lines.
pub fn may_edit(capacity: PlanCapacity) -> bool {
    matches!(capacity, PlanCapacity::CenterAdmin { .. })
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

#[cfg(test)]
mod tests {
    use super::*;
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
            (S::Approved, A::Revise, Step::NewRevision),
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
    fn who_may_act() {
        let center = PlanCapacity::CenterAdmin {
            holds_approval_grant: false,
        };
        let granted = PlanCapacity::CenterAdmin {
            holds_approval_grant: true,
        };
        assert!(may_take(center, A::Submit) && may_take(center, A::Revise));
        assert!(!may_take(center, A::Approve) && may_take(granted, A::Approve));
        assert!(!may_take(granted, A::Appraise) && !may_take(granted, A::Return));
        let province = PlanCapacity::ProvinceAdmin;
        assert!(
            may_take(province, A::Appraise)
                && may_take(province, A::Return)
                && may_take(province, A::Approve)
        );
        assert!(!may_take(province, A::Submit) && !may_take(province, A::Revise));
        for a in A::ALL {
            assert!(!may_take(PlanCapacity::Reader, *a));
        }
        assert!(may_edit(center) && !may_edit(province) && !may_edit(PlanCapacity::Reader));
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
