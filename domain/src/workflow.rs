//! The one mechanism behind every workflow (plans now; lesson plans, classes, nominations and
//! enrollments next): states, actions, a transition table, and the refusal that names the current
//! state and what is allowed from it. A new workflow is a [`Workflow`] impl with its table; the
//! guarded status update and the history live in `centers_db::workflow`, the 409 in the API.

use crate::changes::AuditAction;
use std::fmt::{Debug, Display};

/// What a legal step leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<S> {
    /// The record moves to this state.
    To(S),
    /// The record stays as it is and a new one (a revision, a new version) is opened in the
    /// workflow's first state — e.g. amending an approved plan.
    Branch,
}

/// One row of a transition table: from this state, this action leads there.
pub type Transition<S, A> = (S, A, Step<S>);

/// What [`step`] answers for workflow `W`.
pub type StepResult<W> = Result<
    Step<<W as Workflow>::State>,
    IllegalStep<<W as Workflow>::State, <W as Workflow>::Action>,
>;

/// A workflow: its states, its actions and its transition table.
pub trait Workflow {
    /// The entity name in histories and the change feed (`training_plan`).
    const ENTITY: &'static str;
    type State: Copy + Eq + Debug + Display + 'static;
    type Action: Copy + Eq + Debug + Display + 'static;
    /// Every action, in workflow order (the order `allowed_actions` lists them in).
    const ACTIONS: &'static [Self::Action];
    /// `(from, action, leads to)`: every legal step; anything not listed is illegal.
    const TABLE: &'static [Transition<Self::State, Self::Action>];
    /// The audit action a step by `action` is recorded under.
    fn audit_action(action: Self::Action) -> AuditAction;
}

/// A step the current state does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} a {entity} that is {current}")]
pub struct IllegalStep<S: Debug + Display, A: Debug + Display> {
    pub entity: &'static str,
    pub current: S,
    pub action: A,
    pub allowed: Vec<A>,
}

/// The step `action` takes from `state`, or why it cannot.
pub fn step<W: Workflow>(state: W::State, action: W::Action) -> StepResult<W> {
    W::TABLE
        .iter()
        .find(|(from, a, _)| *from == state && *a == action)
        .map(|(_, _, to)| *to)
        .ok_or_else(|| refusal::<W>(state, action))
}

/// The refusal of `action` in `state` (also when a racing request moved the record first).
pub fn refusal<W: Workflow>(
    state: W::State,
    action: W::Action,
) -> IllegalStep<W::State, W::Action> {
    IllegalStep {
        entity: W::ENTITY,
        current: state,
        action,
        allowed: allowed_actions::<W>(state),
    }
}

/// The actions `state` allows, in workflow order.
pub fn allowed_actions<W: Workflow>(state: W::State) -> Vec<W::Action> {
    W::ACTIONS
        .iter()
        .copied()
        .filter(|a| W::TABLE.iter().any(|(from, b, _)| *from == state && b == a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Door {
        Open,
        Shut,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Push {
        Close,
        Open,
        Copy,
    }
    impl Display for Door {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Debug::fmt(self, f)
        }
    }
    impl Display for Push {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Debug::fmt(self, f)
        }
    }
    struct DoorFlow;
    impl Workflow for DoorFlow {
        const ENTITY: &'static str = "door";
        type State = Door;
        type Action = Push;
        const ACTIONS: &'static [Push] = &[Push::Open, Push::Close, Push::Copy];
        const TABLE: &'static [(Door, Push, Step<Door>)] = &[
            (Door::Open, Push::Close, Step::To(Door::Shut)),
            (Door::Shut, Push::Open, Step::To(Door::Open)),
            (Door::Shut, Push::Copy, Step::Branch),
        ];
        fn audit_action(_: Push) -> AuditAction {
            AuditAction::Update
        }
    }

    #[test]
    fn legal_steps_follow_the_table() {
        assert_eq!(
            step::<DoorFlow>(Door::Open, Push::Close),
            Ok(Step::To(Door::Shut))
        );
        assert_eq!(step::<DoorFlow>(Door::Shut, Push::Copy), Ok(Step::Branch));
    }

    #[test]
    fn illegal_steps_name_the_state_and_what_is_allowed_in_workflow_order() {
        let e = step::<DoorFlow>(Door::Shut, Push::Close).unwrap_err();
        assert_eq!(e.current, Door::Shut);
        assert_eq!(e.entity, "door");
        assert_eq!(e.allowed, vec![Push::Open, Push::Copy]);
        assert_eq!(e.to_string(), "cannot Close a door that is Shut");
        assert_eq!(allowed_actions::<DoorFlow>(Door::Open), vec![Push::Close]);
    }
}
